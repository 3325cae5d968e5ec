//! Spreadsheet and CSV files in and out: the roster and the term plan read
//! from .xlsx/.csv (UTF-8 or GBK), and the standings, a teacher's record and
//! the roster written as .xlsx/.csv.
//!
//! Everything here is pure: bytes in, checked rows out (`table`, `roster`,
//! `plan`), and rows in, bytes out (`export`). Nothing here opens the
//! database; the app layer (`app::import`, `app::publish`) writes, in one
//! transaction, only after every row has passed. Messages are structured
//! (`ImportError`, `Problem`) and worded by the catalogue (`i18n`).

pub mod chart_sheet;
pub mod columns;
pub mod ends;
pub mod export;
pub mod hidden;
pub mod paper;
pub mod plan;
pub mod roster;
pub mod rows;
pub mod session_sheet;
pub mod shown;
pub mod signin;
pub mod table;
pub mod words;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rules::{Credits, Teacher};
use table::{Cell, Row, Table, column_letter};

/// How the text of a CSV file is encoded. `Auto`: UTF-8 when the bytes are
/// valid UTF-8, else GB18030 (which reads GBK, as Excel saves in China).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Auto,
    Utf8,
    Gbk,
}

impl Encoding {
    pub fn parse(s: &str) -> Option<Encoding> {
        match s.trim().to_ascii_lowercase().replace('-', "").as_str() {
            "auto" => Some(Encoding::Auto),
            "utf8" => Some(Encoding::Utf8),
            "gbk" | "gb18030" | "gb2312" | "cp936" => Some(Encoding::Gbk),
            _ => None,
        }
    }
}

/// What is wrong with one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required value is empty.
    Missing,
    /// An id with spaces in it.
    Spaces,
    /// Not a date (2025-09-01, 2025/9/1, 2025年9月1日).
    Date,
    /// Not a time of day (14:30).
    Time,
    /// Not credits (1, 1.5).
    Credits,
    /// Not a kind of session.
    Kind,
    /// The same teacher or session already appears on an earlier row.
    Duplicate { first_row: usize },
    /// The end is not after the start.
    EndNotAfterStart,
    /// The last day is before the first.
    ToBeforeFrom,
    /// The date is outside the term named for the import.
    OutsideTerm { term: String },
    /// A group no teacher belongs to, with the one probably meant and the
    /// groups there are (issue 25).
    UnknownGroup {
        group: String,
        near: Option<String>,
        known: Vec<String>,
    },
    /// An id or a text that people would read as another (issue 19).
    AsShown(ShownProblem),
    /// Too long, or a character the field may not hold (`core::limits`).
    Bound(rules::limits::Bound),
}

/// A value that reads as another one: ids that differ only by leading
/// zeros (0012 and 12: a number format lost on one side), or a stored text
/// a file's encoding could not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShownProblem {
    /// The id differs only by leading zeros from the id on an earlier row.
    ZerosLikeRow { other: String, first_row: usize },
    /// The id differs only by leading zeros from a stored teacher's id.
    ZerosLikeStored { other: String, name: String },
    /// The file would replace characters of the stored text with `?` or
    /// U+FFFD (a GBK file cannot hold 𠮷).
    Lossy { stored: String },
    /// A new name, group or grade with `?` or U+FFFD where a character
    /// was: the file's encoding could not hold it (issue 25).
    Unheld,
}

/// An id without its leading zeros, for comparing ids as people read
/// them (0012 and 12); all zeros stay one zero.
pub fn without_zeros(id: &str) -> &str {
    let t = id.trim_start_matches('0');
    match (t.is_empty(), id.is_empty()) {
        (true, false) => "0",
        _ => t,
    }
}

/// The marks an encoding writes for a character it cannot hold.
fn mark(c: char) -> bool {
    matches!(c, '?' | '\u{FFFD}' | '\u{FF1F}')
}

/// Whether a name (a teacher's, a group's) holds a mark an encoding writes
/// for a character it cannot hold: no name has a question mark.
pub fn unheld(name: &str) -> bool {
    name.chars().any(mark)
}

/// Whether `new` is `stored` with some characters replaced by `?` or
/// U+FFFD, as an encoding that cannot hold them writes (one or two marks
/// for a character outside the BMP).
pub fn lossy(stored: &str, new: &str) -> bool {
    let marks = mark;
    if stored == new || !new.chars().any(marks) {
        return false;
    }
    let s: Vec<char> = stored.chars().collect();
    let n: Vec<char> = new.chars().collect();
    if n.len() > 2 * s.len() || s.len() > LOSSY_MAX {
        return false;
    }
    // reach[i * w + j]: s[..i] can be spelled by n[..j].
    let w = n.len() + 1;
    let mut reach = vec![false; (s.len() + 1) * w];
    reach[0] = true;
    for i in 0..s.len() {
        for j in 0..n.len() {
            if !reach[i * w + j] {
                continue;
            }
            if s[i] == n[j] || marks(n[j]) {
                reach[(i + 1) * w + j + 1] = true;
            }
            if marks(n[j]) && n.get(j + 1).copied().is_some_and(marks) {
                reach[(i + 1) * w + j + 2] = true;
            }
        }
    }
    reach[s.len() * w + n.len()]
}

/// Texts longer than this (in characters) are not compared by `lossy`.
const LOSSY_MAX: usize = 2000;

/// One bad cell: where (row as the file shows it, column letter and the
/// column's header as written) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: String,
    pub header: String,
    pub value: String,
    pub problem: Problem,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {} ({}): `{}` {:?}",
            self.row, self.column, self.header, self.value, self.problem
        )
    }
}

/// Why a file could not be imported or written. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read it: {why}; nothing was imported")]
    Read { file: String, why: String },
    #[error("{file}: line {line} is not {encoding:?} text; try --encoding; nothing was imported")]
    Encoding {
        file: String,
        encoding: Encoding,
        line: usize,
    },
    #[error("{file}: no header row with the columns {}; nothing was imported",
        missing.iter().map(|f| f.key).collect::<Vec<_>>().join(", "))]
    NoHeader {
        file: String,
        missing: Vec<&'static Field>,
    },
    #[error("{file}: no data rows below the header; nothing was imported")]
    Empty { file: String },
    #[error("{file}: {} bad cell(s), nothing was imported: {}", problems.len(),
        problems.iter().take(20).map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Rows {
        file: String,
        problems: Vec<RowProblem>,
    },
    /// The sheet reaches beyond the rows or columns a roster or a plan may
    /// use (`core::limits`); `cell` is the first such cell, as A1.
    #[error(
        "{file}: the sheet reaches cell {cell}, beyond {max_rows} rows or {max_columns} columns; nothing was imported"
    )]
    SheetTooLarge {
        file: String,
        cell: String,
        max_rows: u32,
        max_columns: u32,
    },
    #[error("{file}: larger than {max_bytes} bytes; nothing was imported")]
    FileTooLarge { file: String, max_bytes: u64 },
    /// Two columns of the header row are the same field.
    #[error(
        "{file}: columns {first} ({first_header}) and {second} ({second_header}) are the same field; nothing was imported"
    )]
    DuplicateColumn {
        file: String,
        first: String,
        first_header: String,
        second: String,
        second_header: String,
    },
    #[error("{file}: cannot write it: {why}")]
    Write { file: String, why: String },
    #[error("{file} already exists; give --force to replace it")]
    Exists { file: String },
}

/// A column a file may have: its canonical (English) name and the headers
/// schools write for it, in Chinese and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// Where each field is in a file: its column and the header as written.
#[derive(Debug, Clone)]
pub struct Header {
    /// Index of the header row in `Table::rows`.
    pub at: usize,
    columns: Vec<Option<(usize, String)>>,
    fields: &'static [Field],
}

impl Header {
    /// The column of field `key`, if the file has it.
    pub fn column(&self, key: &str) -> Option<usize> {
        let i = self.fields.iter().position(|f| f.key == key)?;
        self.columns.get(i)?.as_ref().map(|(c, _)| *c)
    }

    /// The cell of field `key` in `row` (empty when the file lacks it).
    pub fn cell<'a>(&self, row: &'a Row, key: &str) -> &'a Cell {
        match self.column(key) {
            Some(c) => row.cell(c),
            None => &Cell::Empty,
        }
    }

    /// A problem at field `key` of `row`.
    pub fn problem(&self, row: &Row, key: &str, problem: Problem) -> RowProblem {
        let i = self.fields.iter().position(|f| f.key == key);
        let (column, header) = match i.and_then(|i| self.columns.get(i)?.as_ref()) {
            Some((c, h)) => (column_letter(*c), h.clone()),
            None => ("-".to_string(), key.to_string()),
        };
        RowProblem {
            row: row.number,
            column,
            header,
            value: rules::limits::preview(&self.cell(row, key).text()),
            problem,
        }
    }
}

/// Checks the text of each field `(key, shape)` of `row` against its
/// bounds, adding a problem for each cell out of them.
pub(crate) fn bound_cells(
    header: &Header,
    row: &Row,
    fields: &[(&str, rules::limits::Shape)],
    problems: &mut Vec<RowProblem>,
) {
    for (key, shape) in fields {
        let text = header.cell(row, key).text();
        if let Err(b) = rules::limits::check(*shape, &text) {
            problems.push(header.problem(row, key, Problem::Bound(b)));
        }
    }
}

/// A header as compared: lower case, no spaces, no `*` marks, nothing in
/// brackets ("学分(分)" is "学分").
fn normalize(h: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in h.trim_start_matches('\u{feff}').chars() {
        match c {
            '(' | '\u{FF08}' | '[' | '【' => depth += 1,
            ')' | '\u{FF09}' | ']' | '】' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            '*' | '_' | '-' => {}
            c if c.is_whitespace() => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Finds the header row: the first of the first ten rows that names every
/// required field (a title row above it is allowed). Unknown columns are
/// ignored, so a school's roster may carry other columns (性别, 电话).
pub fn find_header(table: &Table, fields: &'static [Field]) -> Result<Header, ImportError> {
    let mut best: Option<(usize, Vec<&'static Field>)> = None;
    for (at, row) in table.rows.iter().enumerate().take(10) {
        let names: Vec<String> = row.cells.iter().map(|c| normalize(&c.text())).collect();
        let columns: Vec<Option<(usize, String)>> = fields
            .iter()
            .map(|f| {
                let aliases: Vec<String> = f.aliases.iter().map(|a| normalize(a)).collect();
                names
                    .iter()
                    .position(|n| !n.is_empty() && aliases.contains(n))
                    .map(|c| (c, row.cell(c).text()))
            })
            .collect();
        let missing: Vec<&'static Field> = fields
            .iter()
            .zip(&columns)
            .filter(|(f, c)| f.required && c.is_none())
            .map(|(f, _)| f)
            .collect();
        if missing.is_empty() {
            // A field named by two columns: which one is meant is a guess,
            // so the file is refused, naming both.
            for f in fields {
                let aliases: Vec<String> = f.aliases.iter().map(|a| normalize(a)).collect();
                let mut at = names
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| !n.is_empty() && aliases.contains(n))
                    .map(|(c, _)| c);
                if let (Some(a), Some(b)) = (at.next(), at.next()) {
                    return Err(ImportError::DuplicateColumn {
                        file: table.file.clone(),
                        first: column_letter(a),
                        first_header: row.cell(a).text(),
                        second: column_letter(b),
                        second_header: row.cell(b).text(),
                    });
                }
            }
            return Ok(Header {
                at,
                columns,
                fields,
            });
        }
        if best.as_ref().is_none_or(|(_, m)| missing.len() < m.len()) {
            best = Some((at, missing));
        }
    }
    Err(ImportError::NoHeader {
        file: table.file.clone(),
        missing: best
            .map(|(_, m)| m)
            .unwrap_or_else(|| fields.iter().filter(|f| f.required).collect()),
    })
}

/// A date from a cell: a spreadsheet date, or text as 2025-09-01,
/// 2025/9/1, 2025.9.1 or 2025年9月1日.
pub fn parse_date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::DateTime(dt) => Some(dt.date()),
        // An Excel serial day number in a cell not formatted as a date.
        Cell::Number(n) if n.fract() == 0.0 && (1.0..200_000.0).contains(n) => {
            NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(*n as i64))
        }
        Cell::Text(s) => {
            let s = s.trim();
            let s = s.split_whitespace().next().unwrap_or(s);
            ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        }
        _ => None,
    }
}

/// A time of day from a cell: a spreadsheet time, or text as 14:30,
/// 14:30:00 or 14:30 (full-width colon).
pub fn parse_time(cell: &Cell) -> Option<NaiveTime> {
    match cell {
        Cell::Time(t) => Some(*t),
        Cell::DateTime(dt) => Some(dt.time()),
        Cell::Number(n) if (0.0..1.0).contains(n) => {
            let secs = (n * 86_400.0).round() as u32;
            NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)
        }
        Cell::Text(s) => {
            let s = s.trim().replace('\u{FF1A}', ":");
            ["%H:%M", "%H:%M:%S"]
                .iter()
                .find_map(|f| NaiveTime::parse_from_str(&s, f).ok())
        }
        _ => None,
    }
}

/// Credits from a cell: 1, 1.5 (at most one decimal place).
pub fn parse_credits(cell: &Cell) -> Option<Credits> {
    match cell {
        Cell::Number(n) if *n >= 0.0 && *n < 100_000.0 => {
            let tenths = (n * 10.0).round();
            ((n * 10.0 - tenths).abs() < 1e-6).then_some(Credits(tenths as u32))
        }
        Cell::Text(s) => Credits::parse(s),
        _ => None,
    }
}

/// The roster in a file's bytes, checked row by row; the file name is only
/// for messages. The entry point for fuzzing: it never panics.
pub fn parse_roster_bytes(name: &str, bytes: &[u8]) -> Result<Vec<Teacher>, ImportError> {
    let table = table::read(name, bytes, Encoding::Auto)?;
    Ok(roster::parse(&table)?
        .rows
        .into_iter()
        .map(|r| r.value)
        .collect())
}

/// The term plan in a file's bytes, checked row by row (but not against a
/// term). For fuzzing, like `parse_roster_bytes`.
pub fn parse_plan_bytes(name: &str, bytes: &[u8]) -> Result<Vec<rules::Session>, ImportError> {
    let table = table::read(name, bytes, Encoding::Auto)?;
    Ok(plan::parse(&table)?
        .rows
        .into_iter()
        .map(|r| r.value)
        .collect())
}

/// Rows of a file that passed, each with its row number, and where the
/// columns are (for problems found later, against the database).
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    pub file: String,
    pub header: Header,
    pub rows: Vec<Numbered<T>>,
    /// The total or footer row where the data ended, if any.
    pub ended: Option<ends::Ended>,
    /// Data rows hidden in the sheet (by hand or by a filter), left out
    /// (issue 25): each row's number and what names it (a roster's id, a
    /// plan's date and title).
    pub hidden: Vec<(usize, String)>,
}

#[derive(Debug, Clone)]
pub struct Numbered<T> {
    pub row: Row,
    pub value: T,
}

/// Fails with every problem found, or passes.
pub fn check(file: &str, problems: Vec<RowProblem>) -> Result<(), ImportError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Rows {
            file: file.to_string(),
            problems,
        })
    }
}

/// The rows read from a file: fails with every problem found, or when
/// the file has no row at all.
pub(crate) fn finish<T>(
    table: &Table,
    header: Header,
    rows: Vec<Numbered<T>>,
    problems: Vec<RowProblem>,
    ended: Option<ends::Ended>,
    label: impl Fn(&Header, &Row) -> String,
) -> Result<Parsed<T>, ImportError> {
    let file = table.file.as_str();
    check(file, problems)?;
    // Hidden rows between the header and where the data ended.
    let first = table.rows.get(header.at).map_or(0, |r| r.number);
    let hidden = table
        .hidden
        .iter()
        .filter(|r| r.number > first && ended.is_none_or(|e| r.number < e.row))
        .map(|r| (r.number, label(&header, r)))
        .collect();
    if rows.is_empty() {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    Ok(Parsed {
        file: file.to_string(),
        header,
        rows,
        ended,
        hidden,
    })
}

/// A moment for export titles, without seconds.
pub fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_replacements() {
        assert!(lossy("吉𠮷", "吉?"));
        assert!(lossy("吉𠮷", "吉??"));
        assert!(lossy("吉𠮷", "吉\u{FFFD}"));
        assert!(lossy("𠮷𠮷𠮷", "??????"));
        assert!(!lossy("吉𠮷", "吉𠮷"));
        assert!(!lossy("张三", "李四"));
        assert!(!lossy("张三", "张三?"));
        assert!(!lossy("", "?"));
        let long = "字".repeat(1500);
        assert!(!lossy(&long, &format!("{}?x", &long[3..])));
        assert_eq!(without_zeros("0012"), "12");
        assert_eq!(without_zeros("000"), "0");
        assert_eq!(without_zeros("T01"), "T01");
    }
}
