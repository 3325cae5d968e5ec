//! Writing sheets: the standings of a term or a year, one teacher's record
//! and the roster, as .xlsx (a title with the school and period, a frozen
//! header, the unqualified highlighted, a totals row) or as .csv (a header
//! and one line a row, UTF-8 with a BOM so that Excel reads the Chinese, or
//! GB18030 on request). Building the bytes is pure; `write_file` puts them
//! on disk all at once, so a failed export leaves no half-written file.

use super::{Encoding, ImportError, stamp};
use crate::columns::Total;
use crate::paper::{self, Paper};
use crate::rows::Progress;
use crate::rows::{RecordLine, StandingRow};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use i18n::{self, IoText, Lang};
use rules::{Category, Leave, Period, Teacher};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, XlsxError,
};
use std::path::Path;

/// A file format, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Xlsx,
    Csv,
}

impl FileFormat {
    pub fn of(path: &Path) -> Option<FileFormat> {
        match path
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase()
            .as_str()
        {
            "xlsx" => Some(FileFormat::Xlsx),
            "csv" => Some(FileFormat::Csv),
            _ => None,
        }
    }
}

/// Everything on a standings sheet besides the rows.
pub struct StandingsSheet<'a> {
    pub school: Option<&'a str>,
    pub period: Period,
    pub rows: &'a [StandingRow],
    /// The term's latest publication: when, by whom, which number.
    pub published: Option<(NaiveDateTime, String, u32)>,
    pub exported: NaiveDateTime,
    pub lang: Lang,
}

/// One teacher's record sheet.
pub struct RecordSheet<'a> {
    pub school: Option<&'a str>,
    pub teacher: &'a Teacher,
    pub lines: &'a [RecordLine],
    pub leaves: &'a [Leave],
    pub exported: NaiveDateTime,
    pub lang: Lang,
}

/// The roster sheet: the teachers, and what its title says.
pub struct RosterSheet<'a> {
    pub school: Option<&'a str>,
    pub teachers: &'a [Teacher],
    pub exported: NaiveDateTime,
    pub lang: Lang,
}

/// How often progress is reported, in rows.
const STEP: usize = 200;

/// The first data row of a titled sheet (0-based): title, subtitle, header.
pub const FIRST_ROW: u32 = 3;

fn xerr(file: &str) -> impl Fn(XlsxError) -> ImportError + '_ {
    move |e| ImportError::Write {
        file: file.to_string(),
        why: e.to_string(),
    }
}

/// A cell to write, typed so that the spreadsheet can add it up.
pub enum Value {
    Text(String),
    Count(u32),
    Credits(f64),
    Points(i32),
    /// A date, written as a date cell (yyyy-mm-dd).
    Date(NaiveDate),
}

impl Value {
    /// The value as a number, for sums; text counts as nothing.
    pub fn number(&self) -> f64 {
        match self {
            Value::Count(n) => f64::from(*n),
            Value::Credits(x) => *x,
            Value::Points(p) => f64::from(*p),
            Value::Text(_) | Value::Date(_) => 0.0,
        }
    }

    pub fn csv(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Count(n) => n.to_string(),
            Value::Credits(c) => format!("{c}"),
            Value::Points(p) => p.to_string(),
            Value::Date(d) => d.to_string(),
        }
    }

    /// Writes the value into a cell with its type: text as text, counts and
    /// credits as numbers, dates as dates (issue 19: `=SUM` over a column
    /// of the record works, and no cell is flagged "number stored as text").
    fn write(
        &self,
        ws: &mut rust_xlsxwriter::Worksheet,
        (row, col): (u32, u16),
        st: &Styles,
        bad: bool,
    ) -> Result<(), XlsxError> {
        let pick = |plain: &Format, red: &Format| if bad { red.clone() } else { plain.clone() };
        match self {
            Value::Text(t) => {
                ws.write_string_with_format(row, col, i18n::shown(t), &pick(&st.text, &st.bad_text))
            }
            Value::Count(_) | Value::Points(_) => ws.write_number_with_format(
                row,
                col,
                self.number(),
                &pick(&st.number, &st.bad_number),
            ),
            Value::Credits(x) => {
                ws.write_number_with_format(row, col, *x, &pick(&st.credits, &st.bad_credits))
            }
            Value::Date(d) => {
                let x = ExcelDateTime::from_ymd(
                    u16::try_from(d.year()).unwrap_or(1900),
                    d.month() as u8,
                    d.day() as u8,
                )?;
                ws.write_datetime_with_format(row, col, &x, &pick(&st.date, &st.bad_date))
            }
        }
        .map(|_| ())
    }
}

/// The title line of a standings sheet: school, period, what it is.
pub fn standings_title(s: &StandingsSheet) -> String {
    let l = s.lang;
    format!(
        "{}{} {}",
        s.school
            .map(|x| format!("{} ", i18n::shown(x)))
            .unwrap_or_default(),
        i18n::period_name(l, s.period),
        i18n::io_text(l, IoText::StandingsTitle)
    )
}

fn subtitle(
    l: Lang,
    exported: NaiveDateTime,
    published: &Option<(NaiveDateTime, String, u32)>,
    period: Period,
) -> String {
    let mut s = format!(
        "{} {}",
        i18n::io_text(l, IoText::ExportedAt),
        stamp(exported)
    );
    if let Period::Term(_) = period {
        s.push_str("   ");
        s.push_str(&i18n::published_line(l, published.as_ref()));
    }
    s
}

struct Styles {
    title: Format,
    header: Format,
    text: Format,
    number: Format,
    credits: Format,
    date: Format,
    bad_text: Format,
    bad_number: Format,
    bad_credits: Format,
    bad_date: Format,
    total_text: Format,
    total_number: Format,
    total_credits: Format,
}

fn styles() -> Styles {
    let red_fill = Color::RGB(0xFFC7CE);
    let red_font = Color::RGB(0x9C0006);
    let base = Format::new().set_border(FormatBorder::Thin);
    let total = base.clone().set_bold().set_border_top(FormatBorder::Double);
    Styles {
        title: Format::new()
            .set_bold()
            .set_font_size(16)
            .set_align(FormatAlign::Center),
        header: base
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_align(FormatAlign::Center),
        // Text wraps instead of being cut at the column's edge on paper
        // (issue 28: 档案 names every missing item).
        text: base.clone().set_text_wrap(),
        number: base.clone().set_num_format("0"),
        credits: base.clone().set_num_format("0.0"),
        date: base.clone().set_num_format("yyyy-mm-dd"),
        bad_text: base
            .clone()
            .set_text_wrap()
            .set_background_color(red_fill)
            .set_font_color(red_font),
        bad_number: base
            .clone()
            .set_num_format("0")
            .set_background_color(red_fill)
            .set_font_color(red_font),
        bad_credits: base
            .clone()
            .set_num_format("0.0")
            .set_background_color(red_fill)
            .set_font_color(red_font),
        bad_date: base
            .clone()
            .set_num_format("yyyy-mm-dd")
            .set_background_color(red_fill)
            .set_font_color(red_font),
        total_text: total.clone(),
        total_number: total.clone().set_num_format("0"),
        total_credits: total.set_num_format("0.0"),
    }
}

/// The standings as an .xlsx workbook.
pub fn standings_xlsx(
    s: &StandingsSheet,
    file: &str,
    progress: Progress,
) -> Result<Vec<u8>, ImportError> {
    let e = xerr(file);
    let l = s.lang;
    let columns = crate::columns::exported();
    let headers = crate::columns::export_headers(l);
    let last_col = (headers.len() - 1) as u16;
    let st = styles();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(i18n::io_text(l, IoText::SheetStandings))
        .map_err(&e)?;
    ws.merge_range(0, 0, 0, last_col, &standings_title(s), &st.title)
        .map_err(&e)?;
    ws.merge_range(
        1,
        0,
        1,
        last_col,
        &subtitle(l, s.exported, &s.published, s.period),
        &Format::new(),
    )
    .map_err(&e)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &st.header)
            .map_err(&e)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 2).map_err(&e)?;
    // Every column has a width (`sheets::columns`), the text ones wide
    // enough to wrap in a line or two (说明, 档案, 学分提醒).
    let widths: Vec<f64> = columns.iter().map(|(_, col)| col.width).collect();
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(&e)?;
    }
    // Printed to be posted: A4, landscape by its width, one page wide, the
    // title and the header on each page.
    paper::set_up(
        ws,
        &Paper {
            landscape: paper::landscape_for(&widths),
            repeat: Some((0, FIRST_ROW - 1)),
            tall: 0,
            exported: s.exported,
            lang: l,
        },
    )
    .map_err(&e)?;
    let total = s.rows.len();
    let values: Vec<Vec<Value>> = s
        .rows
        .iter()
        .map(|r| crate::columns::export_values(r, l))
        .collect();
    for (i, (r, cells)) in s.rows.iter().zip(&values).enumerate() {
        let row = FIRST_ROW + i as u32;
        let bad = !r.standing.qualified;
        for (c, v) in cells.iter().enumerate() {
            v.write(ws, (row, c as u16), &st, bad).map_err(&e)?;
        }
        if (i + 1) % STEP == 0 || i + 1 == total {
            progress(i + 1, total);
        }
    }
    // Totals: live formulas, with their values stored for readers that do
    // not calculate.
    let trow = FIRST_ROW + total as u32;
    for (c, (_, col)) in columns.iter().enumerate() {
        let format = match col.total {
            Total::Nothing => continue,
            Total::Text(text) => {
                ws.write_string_with_format(trow, c as u16, text(s.rows, l), &st.total_text)
                    .map_err(&e)?;
                continue;
            }
            Total::Count => &st.total_number,
            Total::Credits => &st.total_credits,
        };
        let sum: f64 = values.iter().map(|v| v[c].number()).sum();
        let letter = super::table::column_letter(c);
        let formula = if total == 0 {
            Formula::new("=0").set_result("0")
        } else {
            Formula::new(format!(
                "=SUM({letter}{}:{letter}{})",
                FIRST_ROW + 1,
                FIRST_ROW + total as u32
            ))
            .set_result(format!("{}", (sum * 10.0).round() / 10.0))
        };
        ws.write_formula_with_format(trow, c as u16, formula, format)
            .map_err(&e)?;
    }
    super::chart_sheet::add(&mut wb, s, file)?;
    let bytes = wb.save_to_buffer().map_err(&e)?;
    super::chart_sheet::label_every_category(&bytes, file)
}

/// The standings as CSV: the header and one line per teacher.
pub fn standings_csv(s: &StandingsSheet, encoding: Encoding) -> Vec<u8> {
    let l = s.lang;
    let mut lines: Vec<Vec<String>> = vec![
        crate::columns::export_headers(l)
            .iter()
            .map(|h| h.to_string())
            .collect(),
    ];
    lines.extend(s.rows.iter().map(|r| {
        crate::columns::export_values(r, l)
            .iter()
            .map(Value::csv)
            .collect::<Vec<_>>()
    }));
    csv_bytes(&lines, encoding)
}

fn teacher_cells(t: &Teacher) -> Vec<Value> {
    let date = |d: Option<NaiveDate>| d.map_or(Value::Text(String::new()), Value::Date);
    vec![
        Value::Text(t.id.0.clone()),
        Value::Text(t.name.clone()),
        Value::Text(t.group.clone()),
        Value::Text(t.grade.clone().unwrap_or_default()),
        date(t.active_from),
        date(t.active_to),
    ]
}

/// The roster as .xlsx: a title (the school, 教师名单) and the export
/// time above a header row the import recognises (it looks for the header
/// in the first ten rows), then one teacher a row: ids and names as text
/// (so 工号 0012 keeps its zeros), dates as dates.
pub fn roster_xlsx(s: &RosterSheet, file: &str) -> Result<Vec<u8>, ImportError> {
    let e = xerr(file);
    let lang = s.lang;
    let st = styles();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(i18n::io_text(lang, IoText::SheetRoster))
        .map_err(&e)?;
    let headers = i18n::roster_file_headers(lang);
    let last = (headers.len() - 1) as u16;
    let title = format!(
        "{}{}",
        s.school
            .map(|x| format!("{} ", i18n::shown(x)))
            .unwrap_or_default(),
        i18n::io_text(lang, IoText::SheetRoster)
    );
    ws.merge_range(0, 0, 0, last, &title, &st.title)
        .map_err(&e)?;
    ws.merge_range(
        1,
        0,
        1,
        last,
        &format!(
            "{} {}",
            i18n::io_text(lang, IoText::ExportedAt),
            stamp(s.exported)
        ),
        &Format::new(),
    )
    .map_err(&e)?;
    let widths = [10.0, 12.0, 12.0, 10.0, 12.0, 12.0];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(FIRST_ROW - 1, c as u16, *h, &st.header)
            .map_err(&e)?;
        ws.set_column_width(c as u16, widths[c]).map_err(&e)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 0).map_err(&e)?;
    paper::set_up(
        ws,
        &Paper {
            landscape: paper::landscape_for(&widths),
            repeat: Some((FIRST_ROW - 1, FIRST_ROW - 1)),
            tall: 0,
            exported: s.exported,
            lang,
        },
    )
    .map_err(&e)?;
    for (i, t) in s.teachers.iter().enumerate() {
        for (c, v) in teacher_cells(t).iter().enumerate() {
            v.write(ws, (FIRST_ROW + i as u32, c as u16), &st, false)
                .map_err(&e)?;
        }
    }
    wb.save_to_buffer().map_err(&e)
}

/// The roster as CSV, readable by the import.
pub fn roster_csv(teachers: &[Teacher], lang: Lang, encoding: Encoding) -> Vec<u8> {
    let mut lines: Vec<Vec<String>> = vec![
        i18n::roster_file_headers(lang)
            .iter()
            .map(|h| h.to_string())
            .collect(),
    ];
    lines.extend(
        teachers
            .iter()
            .map(|t| teacher_cells(t).iter().map(Value::csv).collect()),
    );
    csv_bytes(&lines, encoding)
}

fn record_cells(x: &RecordLine, l: Lang, now: NaiveDateTime) -> Vec<Value> {
    let mut cat = i18n::category(l, x.outcome.category).to_string();
    if x.outcome.also_left_early {
        cat = format!("{cat}+{}", i18n::category(l, Category::EarlyLeave));
    }
    // Still to come: said so, the same as `record` and the teacher screen.
    if crate::rows::still_to_come(x, now) {
        cat = i18n::paper_text(l, i18n::PaperText::NotYetHeld).to_string();
    }
    vec![
        Value::Count(x.session.id.0),
        Value::Date(x.session.date),
        Value::Text(format!(
            "{}-{}",
            x.session.start.format("%H:%M"),
            x.session.end.format("%H:%M")
        )),
        Value::Text(x.session.title.clone()),
        Value::Text(i18n::session_kind(l, x.session.kind).to_string()),
        Value::Credits(x.session.credits.as_f64()),
        Value::Text(cat),
    ]
}

/// One teacher's record as .xlsx: every session they had to attend, then
/// their leave requests.
pub fn record_xlsx(s: &RecordSheet, file: &str) -> Result<Vec<u8>, ImportError> {
    let e = xerr(file);
    let l = s.lang;
    let st = styles();
    let headers = i18n::record_file_headers(l);
    let last = (headers.len() - 1) as u16;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(i18n::io_text(l, IoText::SheetRecord))
        .map_err(&e)?;
    let t = s.teacher;
    let title = format!(
        "{}{} {} {} {}",
        s.school
            .map(|x| format!("{} ", i18n::shown(x)))
            .unwrap_or_default(),
        i18n::io_text(l, IoText::RecordTitle),
        i18n::shown(&t.id.0),
        i18n::shown(&t.name),
        i18n::shown(&t.group)
    );
    ws.merge_range(0, 0, 0, last, &title, &st.title)
        .map_err(&e)?;
    ws.merge_range(
        1,
        0,
        1,
        last,
        &format!(
            "{} {}",
            i18n::io_text(l, IoText::ExportedAt),
            stamp(s.exported)
        ),
        &Format::new(),
    )
    .map_err(&e)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &st.header)
            .map_err(&e)?;
    }
    // 范围 (the third column of the leave table below) holds a leave's
    // dates and times: it wraps there.
    let widths = [6.0, 11.0, 14.0, 30.0, 10.0, 6.0, 12.0];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(&e)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 0).map_err(&e)?;
    paper::set_up(
        ws,
        &Paper {
            landscape: paper::landscape_for(&widths),
            repeat: Some((0, FIRST_ROW - 1)),
            tall: 0,
            exported: s.exported,
            lang: l,
        },
    )
    .map_err(&e)?;
    for (i, x) in s.lines.iter().enumerate() {
        let bad = x.outcome.category == Category::Absent;
        for (c, v) in record_cells(x, l, s.exported).iter().enumerate() {
            v.write(ws, (FIRST_ROW + i as u32, c as u16), &st, bad)
                .map_err(&e)?;
        }
    }
    let mut row = FIRST_ROW + s.lines.len() as u32 + 1;
    if !s.leaves.is_empty() {
        ws.write_string_with_format(row, 0, i18n::io_text(l, IoText::Leaves), &st.total_text)
            .map_err(&e)?;
        row += 1;
        for (c, h) in i18n::leave_file_headers(l).iter().enumerate() {
            ws.write_string_with_format(row, c as u16, *h, &st.header)
                .map_err(&e)?;
        }
        let sessions: Vec<&rules::Session> = s.lines.iter().map(|x| &x.session).collect();
        let held: Vec<_> = s.lines.iter().map(|x| (&x.session, x.state)).collect();
        for x in s.leaves {
            row += 1;
            for (c, v) in leave_cells(x, l, &sessions, &held).iter().enumerate() {
                v.write(ws, (row, c as u16), &st, false).map_err(&e)?;
            }
        }
    }
    wb.save_to_buffer().map_err(&e)
}

fn leave_cells(
    x: &Leave,
    l: Lang,
    sessions: &[&rules::Session],
    held: &[(&rules::Session, rules::RollState)],
) -> Vec<Value> {
    let covers = match &x.cover {
        rules::Cover::Dates { from, to } if from == to => Value::Date(*from),
        cover => Value::Text(crate::rows::cover_words(l, cover, sessions)),
    };
    vec![
        Value::Count(x.id.0),
        Value::Text(i18n::leave_kind(l, x.kind).to_string()),
        covers,
        Value::Text(x.reason.clone()),
        Value::Text(
            i18n::leave_status_of(l, x.status, x.to_come(held.iter().copied())).to_string(),
        ),
    ]
}

/// One teacher's record as CSV: the sessions only.
pub fn record_csv(s: &RecordSheet, encoding: Encoding) -> Vec<u8> {
    let l = s.lang;
    let mut lines: Vec<Vec<String>> = vec![
        i18n::record_file_headers(l)
            .iter()
            .map(|h| h.to_string())
            .collect(),
    ];
    lines.extend(s.lines.iter().map(|x| {
        record_cells(x, l, s.exported)
            .iter()
            .map(Value::csv)
            .collect()
    }));
    csv_bytes(&lines, encoding)
}

/// One CSV cell as it may be written: control and bidirectional characters
/// shown visibly (`i18n::shown`), and a cell that begins with `=`, `+`,
/// `-`, `@`, tab or carriage return prefixed with an apostrophe, so that a
/// spreadsheet takes it as text and never runs it as a formula (the OWASP
/// rule). A plain number (`-2` points) is left as it is: it is no formula.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = ['=', '+', '-', '@', '\t', '\r'];
    // A cell whose apostrophes come before one of these gets another, so
    // that reading the file back (which drops one) gives it as it was.
    let starts_risky = s.trim_start_matches('\'').starts_with(risky);
    if starts_risky && s.parse::<f64>().is_err() {
        return format!("'{}", i18n::shown(s)).into();
    }
    i18n::shown(s)
}

/// CSV text as bytes: UTF-8 with a BOM (Excel then reads Chinese right), or
/// GB18030 for older tools. Every cell goes through `csv_cell`.
pub fn csv_bytes(lines: &[Vec<String>], encoding: Encoding) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for line in lines {
        // Writing into a Vec cannot fail.
        let _ = w.write_record(line.iter().map(|c| csv_cell(c).into_owned()));
    }
    let text = match w.into_inner() {
        Ok(b) => String::from_utf8(b).unwrap_or_default(),
        Err(_) => String::new(),
    };
    match encoding {
        Encoding::Gbk => encoding_rs::GB18030.encode(&text).0.into_owned(),
        Encoding::Auto | Encoding::Utf8 => {
            let mut out = b"\xEF\xBB\xBF".to_vec();
            out.extend_from_slice(text.as_bytes());
            out
        }
    }
}

/// Writes `bytes` to `path` all at once: into a file created exclusively
/// under a random name beside it, then renamed over it (`crate::atomic`).
/// Refuses to replace a file unless `force`. Created 0600: an export holds
/// teachers' records, for whoever made it to share as they decide.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), ImportError> {
    let file = path.display().to_string();
    store::atomic::write(path, bytes, 0o600, force).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => ImportError::Exists { file },
        _ => ImportError::Write {
            file,
            why: e.to_string(),
        },
    })
}
