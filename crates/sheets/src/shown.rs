//! Numbers as a spreadsheet shows them. A 工号 typed as 12 in a column
//! formatted `0000` is shown, printed and saved to CSV as 0012; calamine
//! gives the number 12. Here the cells whose number format pads with leading
//! zeros are found, per file type, so that such a number is read as the
//! text people see: `.xlsx` through calamine's cell styles, `.xls` from the
//! workbook's FORMAT and XF records, `.ods` from the text the file stores
//! beside each value. Best effort: a file whose formats cannot be read is
//! read by its values, as before.

use std::collections::HashMap;
use std::io::{Cursor, Read};

/// (row, column), 0-based as calamine counts them, → the number of digits
/// the cell's format pads its number to.
pub type Widths = HashMap<(u32, u32), usize>;

/// At most this many repeated rows or columns of one ODS cell are noted.
const REPEATS: u32 = 1024;

/// The width a number format pads a whole number to: `0000` → 4. Only a
/// format of zeros alone counts (its first section, for `0000;-0000`).
pub fn zero_width(code: &str) -> Option<usize> {
    let first = code.split(';').next()?.trim();
    (first.len() >= 2 && first.len() <= 32 && first.bytes().all(|b| b == b'0'))
        .then_some(first.len())
}

/// A whole, non-negative number padded with zeros to `width` digits, as a
/// spreadsheet shows it; `None` for other numbers (they keep their value).
pub fn padded(n: f64, width: usize) -> Option<String> {
    (n.fract() == 0.0 && (0.0..1e15).contains(&n)).then(|| format!("{:0width$}", n as u64))
}

/// The widths of an .xls workbook's first worksheet: BIFF8 records of the
/// `Workbook` stream (FORMAT 0x041E, XF 0x00E0, BOUNDSHEET 0x0085; then the
/// sheet's NUMBER 0x0203, RK 0x027E, MULRK 0x00BD and FORMULA 0x0006).
pub fn xls(bytes: &[u8]) -> Widths {
    let mut out = Widths::new();
    let Some(stream) = workbook_stream(bytes) else {
        return out;
    };
    let u16_at = |d: &[u8], i: usize| d.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let mut formats: HashMap<u16, usize> = HashMap::new();
    let mut xfs: Vec<u16> = Vec::new();
    let mut sheet: Option<usize> = None;
    for (kind, data) in records(&stream, 0) {
        match kind {
            0x041E => {
                if let (Some(ifmt), Some(code)) = (u16_at(data, 0), biff_string(data.get(2..)))
                    && let Some(w) = zero_width(&code)
                {
                    formats.insert(ifmt, w);
                }
            }
            0x00E0 => xfs.push(u16_at(data, 2).unwrap_or(0)),
            0x0085 if sheet.is_none() && data.get(5) == Some(&0) => {
                sheet = data
                    .get(0..4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
            }
            0x000A => break,
            _ => {}
        }
    }
    let (Some(start), false) = (sheet, formats.is_empty()) else {
        return out;
    };
    let width = |ixfe: Option<u16>| {
        let ifmt = xfs.get(ixfe? as usize)?;
        formats.get(ifmt).copied()
    };
    for (kind, data) in records(&stream, start) {
        let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else {
            continue;
        };
        match kind {
            0x0203 | 0x027E | 0x0006 => {
                if let Some(w) = width(u16_at(data, 4)) {
                    out.insert((row.into(), col.into()), w);
                }
            }
            0x00BD => {
                // colFirst, then (ixfe, rk) of 6 bytes each, then colLast.
                let cells = data.len().saturating_sub(6) / 6;
                for i in 0..cells {
                    if let Some(w) = width(u16_at(data, 4 + 6 * i)) {
                        out.insert((row.into(), u32::from(col) + i as u32), w);
                    }
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    out
}

/// The `Workbook` (or older `Book`) stream of an .xls file.
pub(crate) fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let mut stream = Vec::new();
    let read = ["/Workbook", "/Book"].iter().any(|name| {
        stream.clear();
        file.open_stream(name)
            .and_then(|mut s| s.read_to_end(&mut stream))
            .is_ok()
    });
    read.then_some(stream)
}

/// The offset of the first worksheet's substream in a workbook stream: its
/// BOUNDSHEET record (0x0085, sheet type 0), read up to the globals' EOF.
pub(crate) fn first_worksheet(stream: &[u8]) -> Option<usize> {
    for (kind, data) in records(stream, 0) {
        match kind {
            0x0085 if data.get(5) == Some(&0) => {
                return data
                    .get(0..4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
            }
            0x000A => return None,
            _ => {}
        }
    }
    None
}

/// The BIFF records of a stream from `start`: (type, data).
pub(crate) fn records(stream: &[u8], start: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = start;
    std::iter::from_fn(move || {
        let head = stream.get(at..at + 4)?;
        let kind = u16::from_le_bytes([head[0], head[1]]);
        let len = u16::from_le_bytes([head[2], head[3]]) as usize;
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((kind, data))
    })
}

/// A BIFF8 XLUnicodeString: a 16-bit count, a flags byte (bit 0: UTF-16),
/// then the characters.
fn biff_string(d: Option<&[u8]>) -> Option<String> {
    let d = d?;
    let n = u16::from_le_bytes([*d.first()?, *d.get(1)?]) as usize;
    let wide = d.get(2)? & 1 == 1;
    let body = d.get(3..)?;
    if wide {
        let units: Vec<u16> = body
            .get(..2 * n)?
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(body.get(..n)?.iter().map(|b| char::from(*b)).collect())
    }
}

/// The widths of an .ods file's first table: each number cell whose shown
/// text (its `text:p`) is its value with leading zeros.
pub fn ods(bytes: &[u8]) -> Widths {
    let mut out = Widths::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return out;
    };
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let (mut tables, mut row, mut col) = (0u32, 0u32, 0u32);
    let mut row_repeat = 1u32;
    // The number cell being read: its repeat count and its text so far.
    let mut cell: Option<(u32, String)> = None;
    let mut in_p = 0u32;
    use quick_xml::events::Event;
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                // A self-closing element has no end event to count it by.
                let closed = matches!(event, Event::Empty(_));
                let name = e.name();
                let attr = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| a.value.into_owned())
                };
                let count = |key: &str| {
                    attr(key)
                        .and_then(|v| v.parse::<u32>().ok())
                        .unwrap_or(1)
                        .max(1)
                };
                match name.as_ref() {
                    "table:table" => {
                        tables += 1;
                        if tables > 1 {
                            break;
                        }
                    }
                    "table:table-row" if tables == 1 => {
                        row_repeat = count("table:number-rows-repeated");
                        col = 0;
                        if closed {
                            row = row.saturating_add(row_repeat);
                            row_repeat = 1;
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" if tables == 1 => {
                        let repeat = count("table:number-columns-repeated");
                        let number = attr("office:value-type").as_deref() == Some("float");
                        cell = (number && !closed).then(|| (repeat, String::new()));
                        if cell.is_none() {
                            col = col.saturating_add(repeat);
                        }
                    }
                    "text:p" if cell.is_some() => in_p += 1,
                    _ => {}
                }
            }
            Event::Text(t) if in_p > 0 => {
                if let Some((_, text)) = &mut cell {
                    text.push_str(&t);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "text:p" => in_p = in_p.saturating_sub(1),
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some((repeat, text)) = cell.take() {
                        let shown = text.trim();
                        if shown.len() >= 2
                            && shown.starts_with('0')
                            && shown.bytes().all(|b| b.is_ascii_digit())
                        {
                            for r in 0..row_repeat.min(REPEATS) {
                                for c in 0..repeat.min(REPEATS) {
                                    out.insert((row + r, col + c), shown.len());
                                }
                            }
                        }
                        col = col.saturating_add(repeat);
                    }
                }
                "table:table-row" => {
                    row = row.saturating_add(row_repeat);
                    row_repeat = 1;
                }
                "table:table" => break,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_formats() {
        assert_eq!(zero_width("0000"), Some(4));
        assert_eq!(zero_width("000000;-000000"), Some(6));
        assert_eq!(zero_width("0"), None);
        assert_eq!(zero_width("General"), None);
        assert_eq!(zero_width("0.00"), None);
        assert_eq!(padded(12.0, 4).as_deref(), Some("0012"));
        assert_eq!(padded(12345.0, 4).as_deref(), Some("12345"));
        assert_eq!(padded(1.5, 4), None);
        assert_eq!(padded(-1.0, 4), None);
    }
}
