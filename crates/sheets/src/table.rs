//! Rows out of a file: a CSV (UTF-8 or GBK/GB18030 as Excel saves it in
//! China) or a spreadsheet (.xlsx, .xls, .ods), read into one common shape
//! with the row numbers a person sees when they open the file. Pure: bytes
//! in, rows out; no store, no paths.

use super::{Encoding, ImportError, shown};
use calamine::{Data, DataType, Reader};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rules::limits;
use std::io::Cursor;

/// One cell as the file gave it. CSV gives only text; a spreadsheet also
/// gives numbers, dates and times.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Time(NaiveTime),
    DateTime(NaiveDateTime),
}

impl Cell {
    /// The cell as text, trimmed; whole numbers without a decimal point (a
    /// staff number typed into Excel arrives as 1001.0).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Time(t) => t.format("%H:%M").to_string(),
            Cell::DateTime(dt) => dt.format("%Y-%m-%d %H:%M").to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

/// One row of data and its number in the file (1 = the first row).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// Every non-blank row of the first sheet (or of the CSV).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file name, for messages.
    pub file: String,
    pub rows: Vec<Row>,
}

/// The spreadsheet column letter of a 0-based column: 0 → A, 26 → AA.
pub fn column_letter(mut column: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

/// Whether the bytes are a spreadsheet rather than text: a zip (.xlsx,
/// .ods) or an OLE file (.xls).
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Reads `bytes` (the content of the file called `name`) into rows.
pub fn read(name: &str, bytes: &[u8], encoding: Encoding) -> Result<Table, ImportError> {
    if bytes.len() as u64 > limits::FILE_BYTES_MAX {
        return Err(ImportError::FileTooLarge {
            file: name.to_string(),
            max_bytes: limits::FILE_BYTES_MAX,
        });
    }
    let rows = if is_spreadsheet(bytes) {
        read_sheet(name, bytes)?
    } else {
        let text = decode(name, bytes, encoding)?;
        read_csv(name, &text)?
    };
    Ok(Table {
        file: name.to_string(),
        rows,
    })
}

/// Text of a CSV: UTF-8 (a BOM is dropped) when the bytes are valid UTF-8
/// (unless they read as more Chinese in GB18030), else GB18030 (a superset
/// of GBK, what Excel on Chinese Windows saves).
pub fn decode(name: &str, bytes: &[u8], encoding: Encoding) -> Result<String, ImportError> {
    // Excel's "Unicode text" (Unicode 文本) is UTF-16 with a BOM.
    if encoding == Encoding::Auto
        && let Some(enc) = [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
            .into_iter()
            .find(|e| {
                bytes.starts_with(if *e == encoding_rs::UTF_16LE {
                    b"\xFF\xFE"
                } else {
                    b"\xFE\xFF"
                })
            })
    {
        let (text, _, bad) = enc.decode(bytes);
        if !bad {
            return Ok(text.into_owned());
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8 = std::str::from_utf8(body);
    let gb = || {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|s| s.into_owned())
    };
    let bad = |enc: Encoding, upto: usize| ImportError::Encoding {
        file: name.to_string(),
        encoding: enc,
        line: bytes[..upto.min(bytes.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1,
    };
    match encoding {
        Encoding::Utf8 => utf8.map(str::to_string).map_err(|e| {
            let bom = bytes.len() - body.len();
            bad(Encoding::Utf8, bom + e.valid_up_to())
        }),
        Encoding::Gbk => gb().ok_or_else(|| bad(Encoding::Gbk, first_bad_gb(bytes))),
        Encoding::Auto => match utf8 {
            // Bytes that read both ways: a GBK file whose only Chinese is
            // 欧 (C5 B7) reads as UTF-8 ŷ. Without a BOM, a UTF-8 reading
            // with no Chinese character at all gives way to a GB18030
            // reading whose every non-ASCII character is Chinese. (UTF-8
            // Chinese often reads as GB18030 too, as other characters, so
            // a count would not do; a file of Latin names with accents and
            // no Chinese takes `--encoding utf8`: docs/io.md.)
            Ok(s) if !s.is_ascii() && body.len() == bytes.len() && chinese(s) == 0 => {
                Ok(match gb() {
                    Some(g) if g.chars().all(|c| c.is_ascii() || is_chinese(c)) => g,
                    _ => s.to_string(),
                })
            }
            Ok(s) => Ok(s.to_string()),
            Err(_) => gb().ok_or_else(|| bad(Encoding::Auto, first_bad_gb(bytes))),
        },
    }
}

/// How many CJK ideographs a text holds.
fn chinese(text: &str) -> usize {
    text.chars().filter(|c| is_chinese(*c)).count()
}

/// A CJK ideograph.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Where GB18030 decoding first fails, for the line number in the message.
fn first_bad_gb(bytes: &[u8]) -> usize {
    let mut dec = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let cap = dec
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(4));
    let mut out = String::with_capacity(cap);
    let (_, read) = dec.decode_to_string_without_replacement(bytes, &mut out, true);
    read
}

fn read_csv(name: &str, text: &str) -> Result<Vec<Row>, ImportError> {
    // A final line break, so that every record ends with one.
    let mut text = text.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    // Tab-separated when the first line has tabs and no commas (Excel's
    // "text" and "Unicode text" saves), else comma-separated.
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Excel shows a record as one row however many line breaks its quoted
    // cells hold, and a blank line as a blank row. A record's row is the
    // line it ends on (counted from the byte where it ends), less its own
    // inner breaks and those of the records before it.
    let mut inner_breaks = 0;
    let (mut scanned, mut breaks) = (0usize, 0usize);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(ImportError::Read {
                    file: name.to_string(),
                    why: e.to_string(),
                });
            }
        }
        let end = (reader.position().byte() as usize)
            .saturating_sub(1)
            .clamp(scanned, text.len());
        breaks += text.as_bytes()[scanned..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        scanned = end;
        let own = record
            .iter()
            .map(|f| f.matches('\n').count())
            .sum::<usize>();
        let number = (breaks + 1).saturating_sub(own + inner_breaks).max(1);
        if record.len() as u64 > u64::from(limits::SHEET_COLUMNS_MAX)
            || number as u64 > u64::from(limits::SHEET_ROWS_MAX)
        {
            let (row, col) = (number.saturating_sub(1), record.len().saturating_sub(1));
            return Err(too_large(name, row as u32, col as u32));
        }
        inner_breaks += own;
        let cells: Vec<Cell> = record
            .iter()
            .map(|s| {
                if s.trim().is_empty() {
                    Cell::Empty
                } else if let Some(rest) = s.strip_prefix('\'')
                    && rest
                        .trim_start_matches('\'')
                        .starts_with(['=', '+', '-', '@'])
                {
                    // The apostrophe our CSV exports put before a cell that
                    // a spreadsheet would take as a formula (as Excel hides it).
                    Cell::Text(rest.to_string())
                } else {
                    Cell::Text(s.to_string())
                }
            })
            .collect();
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        rows.push(Row { number, cells });
    }
    Ok(rows)
}

fn read_sheet(name: &str, bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let err = |why: String| ImportError::Read {
        file: name.to_string(),
        why,
    };
    if bytes.starts_with(b"PK\x03\x04")
        && let Ok(book) = calamine::Xlsx::new(Cursor::new(bytes))
    {
        return read_xlsx(name, book);
    }
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| err(e.to_string()))?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| err(e.to_string()))?,
        None => return Err(err("the workbook has no sheet".into())),
    };
    if let Some((r, c)) = range.end()
        && !within(r, c)
    {
        return Err(too_large(name, r, c));
    }
    // Row numbers as Excel shows them, even when the used range starts lower.
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let widths = zero_widths(&mut book, bytes, &range);
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let mut cells = vec![Cell::Empty; col0 as usize];
        let at = |j: usize| (row0 + i as u32, col0 + j as u32);
        cells.extend(r.iter().enumerate().map(|(j, d)| {
            // A number the format pads with zeros is the text people see.
            match (d, widths.get(&at(j))) {
                (Data::Int(_) | Data::Float(_), Some(w)) => d
                    .as_f64()
                    .and_then(|n| shown::padded(n, *w))
                    .map_or_else(|| cell(d), Cell::Text),
                _ => cell(d),
            }
        }));
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        rows.push(Row {
            number: row0 as usize + i + 1,
            cells,
        });
    }
    Ok(rows)
}

/// The cells of the sheet's range whose number format pads with zeros.
fn zero_widths(
    book: &mut calamine::Sheets<Cursor<&[u8]>>,
    bytes: &[u8],
    range: &calamine::Range<Data>,
) -> shown::Widths {
    match book {
        calamine::Sheets::Xlsx(_) => {
            let Some(name) = book.sheet_names().first().cloned() else {
                return shown::Widths::new();
            };
            let Ok(styles) = book.worksheet_style(&name) else {
                return shown::Widths::new();
            };
            range
                .used_cells()
                .filter(|(_, _, d)| matches!(d, Data::Int(_) | Data::Float(_)))
                .filter_map(|(r, c, _)| {
                    let (r0, c0) = range.start()?;
                    let at = (r0 + r as u32, c0 + c as u32);
                    let code = &styles.get(at)?.number_format.as_ref()?.format_code;
                    Some((at, shown::zero_width(code)?))
                })
                .collect()
        }
        calamine::Sheets::Xls(_) => shown::xls(bytes),
        calamine::Sheets::Ods(_) => shown::ods(bytes),
        _ => shown::Widths::new(),
    }
}

/// Whether a cell at 0-based `(row, column)` is within what a roster or a
/// plan may use (`core::limits`).
fn within(row: u32, column: u32) -> bool {
    row < limits::SHEET_ROWS_MAX && column < limits::SHEET_COLUMNS_MAX
}

/// The refusal of a sheet that reaches the cell at 0-based `(row, column)`.
fn too_large(name: &str, row: u32, column: u32) -> ImportError {
    ImportError::SheetTooLarge {
        file: name.to_string(),
        cell: format!("{}{}", column_letter(column as usize), u64::from(row) + 1),
        max_rows: limits::SHEET_ROWS_MAX,
        max_columns: limits::SHEET_COLUMNS_MAX,
    }
}

/// The first sheet of an .xlsx, read cell by cell: the range the sheet
/// declares is checked before anything is read, and each cell as it comes,
/// so a small file that claims a cell at XFD1048576 is refused instead of
/// having a grid of a billion cells allocated for it.
fn read_xlsx(name: &str, mut book: calamine::Xlsx<Cursor<&[u8]>>) -> Result<Vec<Row>, ImportError> {
    let err = |why: String| ImportError::Read {
        file: name.to_string(),
        why,
    };
    let Some(sheet) = book.sheet_names().first().cloned() else {
        return Err(err("the workbook has no sheet".into()));
    };
    let mut reader = book
        .worksheet_cells_reader(&sheet)
        .map_err(|e| err(e.to_string()))?;
    let declared = reader.dimensions();
    if !within(declared.end.0, declared.end.1) {
        return Err(too_large(name, declared.end.0, declared.end.1));
    }
    let mut grid: std::collections::BTreeMap<u32, Vec<Cell>> = Default::default();
    let mut count: u64 = 0;
    while let Some((c, style)) = reader
        .next_cell_with_style_id()
        .map_err(|e| err(e.to_string()))?
    {
        let (r, col) = c.get_position();
        let value: Data = c.get_value().clone().into();
        // A number the format pads with zeros is the text people see.
        let width = match value {
            Data::Int(_) | Data::Float(_) => reader
                .styles()
                .get(style)
                .and_then(|s| s.number_format.as_ref())
                .and_then(|f| shown::zero_width(&f.format_code)),
            _ => None,
        };
        if matches!(value, Data::Empty) {
            continue;
        }
        if !within(r, col) {
            return Err(too_large(name, r, col));
        }
        count += 1;
        if count > limits::SHEET_CELLS_MAX {
            return Err(too_large(name, r, col));
        }
        let row = grid.entry(r).or_default();
        let col = col as usize;
        if row.len() <= col {
            row.resize(col + 1, Cell::Empty);
        }
        row[col] = match width {
            Some(w) => value
                .as_f64()
                .and_then(|n| shown::padded(n, w))
                .map_or_else(|| cell(&value), Cell::Text),
            None => cell(&value),
        };
    }
    Ok(grid
        .into_iter()
        .filter(|(_, cells)| !cells.iter().all(Cell::is_empty))
        .map(|(r, cells)| Row {
            number: r as usize + 1,
            cells,
        })
        .collect())
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        // An .ods time (PT15H30M00S) or date (2025-09-10, 2025-09-10T15:30:00).
        Data::DurationIso(_) if d.as_time().is_some() => {
            d.as_time().map_or(Cell::Empty, Cell::Time)
        }
        Data::DateTimeIso(s) if !s.contains('T') && d.as_date().is_some() => {
            d.as_date().map_or(Cell::Empty, Cell::Date)
        }
        Data::DateTimeIso(_) if d.as_datetime().is_some() => {
            d.as_datetime().map_or(Cell::Empty, Cell::DateTime)
        }
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            if s.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
        Data::DateTime(x) => {
            let v = x.as_f64();
            match d.as_datetime() {
                // A value below one day is a time of day.
                Some(dt) if v < 1.0 => Cell::Time(dt.time()),
                Some(dt) if dt.time() == NaiveTime::MIN => Cell::Date(dt.date()),
                Some(dt) => Cell::DateTime(dt),
                None => Cell::Text(v.to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes valid both ways: GBK 欧 is UTF-8 ŷ. A file with no Chinese
    /// in its UTF-8 reading and only Chinese in its GB18030 one is GBK;
    /// UTF-8 Chinese stays UTF-8, and a BOM says UTF-8.
    #[test]
    fn bytes_that_read_both_ways() {
        let gbk = b"id,name\nC1,\xC5\xB7\n";
        assert_eq!(
            decode("g.csv", gbk, Encoding::Auto).unwrap(),
            "id,name\nC1,欧\n"
        );
        assert_eq!(
            decode("g.csv", gbk, Encoding::Utf8).unwrap(),
            "id,name\nC1,ŷ\n"
        );
        let utf8 = "工号,姓名\nT1,王芳\nT2,欧阳乐\n";
        assert_eq!(
            decode("u.csv", utf8.as_bytes(), Encoding::Auto).unwrap(),
            utf8
        );
        let bom = [&b"\xEF\xBB\xBF"[..], "id\nŷ\n".as_bytes()].concat();
        assert_eq!(decode("b.csv", &bom, Encoding::Auto).unwrap(), "id\nŷ\n");
    }

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn csv_rows_are_numbered_as_excel_shows_them() {
        let text = "a,b\n\nc,d\n\"two\nlines\",e\r\n\r\nf,g";
        let t = read("x.csv", text.as_bytes(), Encoding::Auto).unwrap();
        let numbers: Vec<usize> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![1, 3, 4, 6]);
        assert_eq!(t.rows[2].cell(0), &Cell::Text("two\nlines".into()));
    }

    #[test]
    fn unicode_text_as_excel_saves_it() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "工号\t姓名\r\nT1\t张三\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let t = read("u.txt", &bytes, Encoding::Auto).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].cell(1), &Cell::Text("张三".into()));
    }

    #[test]
    fn utf8_error_names_the_line() {
        let bytes = b"\xEF\xBB\xBFa,b\nc,\xff\n";
        match decode("x.csv", bytes, Encoding::Utf8) {
            Err(ImportError::Encoding { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }
}
