//! A session's two sheets for the archive (issue 28; 篇11: each session
//! has a host and a recorder; 篇3: 资料建档): their shared heading, and the
//! session record (培训活动记录) filed once the roll is closed: the
//! counts 应到、实到、请假、迟到、早退、旷工, the names in each category
//! with their times, and room for the recorder's summary. The sign-in
//! sheet is `signin`.
//!
//! Both read a `RollView`, the same data as the roll screen and `roll
//! status --json`. Pure: the roll in, bytes out. A session has no place
//! field: its line is left blank to be filled in by hand, as are a
//! presenter, host or recorder the plan does not name.

use crate::ImportError;
use crate::paper::{self, Paper};
use crate::rows::{RollLine, RollView};
use chrono::{Datelike, NaiveDateTime};
use i18n::{Lang, PaperText};
use rules::{Category, LeaveStatus, RollState};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// One session's sheet: the roll, and what its heading says.
pub struct SessionPaper<'a> {
    pub school: Option<&'a str>,
    pub view: &'a RollView,
    pub exported: NaiveDateTime,
    pub lang: Lang,
}

/// The line a person fills in by hand.
pub const BLANK: &str = "________________";

pub(super) fn xerr(file: &str) -> impl Fn(XlsxError) -> ImportError + '_ {
    move |e| ImportError::Write {
        file: file.to_string(),
        why: e.to_string(),
    }
}

/// A stored name, or the blank line to write one in.
fn or_blank(x: Option<&String>) -> String {
    match x.map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(s) => i18n::shown(s).into_owned(),
        None => BLANK.to_string(),
    }
}

/// The heading's lines: the title, then the session's title, its date
/// and time with the place, and the presenter, host and recorder.
pub fn heading_lines(p: &SessionPaper, title: PaperText) -> [String; 4] {
    let l = p.lang;
    let s = &p.view.record.session;
    let f = |x| i18n::field_label(l, x);
    let gap = "      ";
    [
        format!(
            "{}{}",
            p.school
                .map(|x| format!("{} ", i18n::shown(x)))
                .unwrap_or_default(),
            i18n::paper_text(l, title)
        ),
        format!(
            "{}{}{gap}{}{}",
            f(PaperText::Title),
            i18n::shown(&s.title),
            f(PaperText::SessionNumber),
            s.id
        ),
        format!(
            "{}{} {} {}-{}{gap}{}{BLANK}",
            f(PaperText::When),
            s.date,
            i18n::weekday(l, s.date.weekday()),
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            f(PaperText::Place),
        ),
        format!(
            "{}{}{gap}{}{}{gap}{}{}",
            f(PaperText::Presenter),
            or_blank(s.presenter.as_ref()),
            f(PaperText::Host),
            or_blank(s.host.as_ref()),
            f(PaperText::Recorder),
            or_blank(s.recorder.as_ref()),
        ),
    ]
}

/// The heights in points of the heading's title row and of its other
/// lines (and of a header row below it).
pub const TITLE_HEIGHT: f64 = 28.0;
pub const LINE_HEIGHT: f64 = 18.0;

/// Writes the heading over columns 0..=`last`; the next free row.
pub(super) fn heading(
    ws: &mut Worksheet,
    p: &SessionPaper,
    title: PaperText,
    last: u16,
) -> Result<u32, XlsxError> {
    let lines = heading_lines(p, title);
    let big = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let plain = Format::new()
        .set_font_size(11)
        .set_align(FormatAlign::VerticalCenter);
    ws.merge_range(0, 0, 0, last, &lines[0], &big)?;
    ws.set_row_height(0, TITLE_HEIGHT)?;
    for (i, line) in lines.iter().enumerate().skip(1) {
        let row = i as u32;
        ws.merge_range(row, 0, row, last, line, &plain)?;
        ws.set_row_height(row, LINE_HEIGHT)?;
    }
    Ok(lines.len() as u32)
}

/// The counts of a closed roll, from its lines as the scoring module
/// classed them, in the order the sheet lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// 应到: every expected teacher (`roll status --json`'s `expected`).
    pub expected: usize,
    /// 实到: seen at some point, late and early leave included (`present`).
    pub present: usize,
    /// 请假: not seen, on approved leave (`on_leave`).
    pub on_leave: usize,
    pub late: usize,
    /// 早退: counted early leaves (a late teacher who also left early too).
    pub early_leave: usize,
    /// 旷工: absent without approved leave (`missing` once closed).
    pub absent: usize,
}

fn is_late(x: &RollLine) -> bool {
    x.outcome.category == Category::Late
}
fn left_early(x: &RollLine) -> bool {
    x.outcome.category == Category::EarlyLeave || x.outcome.also_left_early
}
fn is_absent(x: &RollLine) -> bool {
    x.outcome.category == Category::Absent
}
fn on_leave(x: &RollLine) -> bool {
    !x.facts.attended()
        && x.leave
            .as_ref()
            .is_some_and(|l| l.status == LeaveStatus::Approved)
}

impl Counts {
    pub fn of(v: &RollView) -> Counts {
        let n = |f: fn(&RollLine) -> bool| v.lines.iter().filter(|x| f(x)).count();
        Counts {
            expected: v.expected(),
            present: v.present(),
            on_leave: v.on_leave(),
            late: n(is_late),
            early_leave: n(left_early),
            absent: n(is_absent),
        }
    }
}

/// A teacher as a list names them.
fn who(x: &RollLine) -> String {
    i18n::shown(&x.teacher.name).into_owned()
}

/// Each category's names, with their times: 实到 (names), 请假 (the kind
/// of leave), 迟到 (when they came), 早退 (when they left), 旷工.
pub fn names(v: &RollView, l: Lang) -> Vec<(PaperText, Vec<String>)> {
    let hm = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    let list = |f: fn(&RollLine) -> bool, say: &dyn Fn(&RollLine) -> String| {
        v.lines.iter().filter(|x| f(x)).map(say).collect::<Vec<_>>()
    };
    vec![
        (PaperText::Present, list(|x| x.facts.attended(), &who)),
        (
            PaperText::OnLeave,
            list(on_leave, &|x| match (&x.leave, l) {
                (Some(lv), Lang::Zh) => format!("{}({})", who(x), i18n::leave_kind(l, lv.kind)),
                (Some(lv), Lang::En) => format!("{} ({})", who(x), i18n::leave_kind(l, lv.kind)),
                (None, _) => who(x),
            }),
        ),
        (
            PaperText::Late,
            list(is_late, &|x| {
                format!("{} {}", who(x), hm(x.facts.arrived).unwrap_or_default())
                    .trim_end()
                    .to_string()
            }),
        ),
        (
            PaperText::EarlyLeave,
            list(left_early, &|x| {
                format!("{} {}", who(x), hm(x.facts.left_early).unwrap_or_default())
                    .trim_end()
                    .to_string()
            }),
        ),
        (PaperText::Absent, list(is_absent, &who)),
    ]
}

/// The columns of the session record, in Excel's width units.
const WIDTHS: [f64; 6] = [14.0, 15.0, 15.0, 15.0, 15.0, 15.0];

/// Rows of the box the recorder writes the summary in.
const SUMMARY_ROWS: u32 = 20;

/// The session record as .xlsx, for a closed roll only: the caller says
/// so before (`i18n::record_not_closed`); here an open roll is an error
/// as well, so that no half-taken roll is filed as final.
pub fn session_xlsx(p: &SessionPaper, file: &str) -> Result<Vec<u8>, ImportError> {
    let e = xerr(file);
    if p.view.record.state != RollState::Closed {
        return Err(ImportError::Write {
            file: file.to_string(),
            why: i18n::record_not_closed(p.lang, p.view.record.session.id.0),
        });
    }
    let l = p.lang;
    let last = (WIDTHS.len() - 1) as u16;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(i18n::paper_text(l, PaperText::SheetSession))
        .map_err(&e)?;
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(&e)?;
    }
    let mut row = heading(ws, p, PaperText::SessionTitle, last).map_err(&e)? + 1;
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(rust_xlsxwriter::Color::RGB(0xD9E1F2))
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let number = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0")
        .set_align(FormatAlign::Center);
    let label = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let text = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let c = Counts::of(p.view);
    let counts = [
        (PaperText::Expected, c.expected),
        (PaperText::Present, c.present),
        (PaperText::OnLeave, c.on_leave),
        (PaperText::Late, c.late),
        (PaperText::EarlyLeave, c.early_leave),
        (PaperText::Absent, c.absent),
    ];
    for (i, (t, n)) in counts.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, i18n::paper_text(l, *t), &head)
            .map_err(&e)?;
        ws.write_number_with_format(row + 1, i as u16, *n as f64, &number)
            .map_err(&e)?;
    }
    row += 3;
    ws.write_string_with_format(row, 0, i18n::paper_text(l, PaperText::Category), &head)
        .map_err(&e)?;
    ws.merge_range(
        row,
        1,
        row,
        last,
        i18n::paper_text(l, PaperText::Names),
        &head,
    )
    .map_err(&e)?;
    row += 1;
    // The merged names cell is this wide; a row grows a line for each
    // width of text (LibreOffice and Excel keep a set height).
    let room: f64 = WIDTHS[1..].iter().sum::<f64>() - 2.0;
    for (t, names) in names(p.view, l) {
        let words = if names.is_empty() {
            i18n::paper_text(l, PaperText::Nobody).to_string()
        } else {
            names.join(l.t("、", ", "))
        };
        let lines = ((words.width() as f64) / room).ceil().max(1.0);
        ws.write_string_with_format(
            row,
            0,
            format!("{} {}", i18n::paper_text(l, t), names.len()),
            &label,
        )
        .map_err(&e)?;
        ws.merge_range(row, 1, row, last, &words, &text)
            .map_err(&e)?;
        ws.set_row_height(row, 15.0 * lines + 6.0).map_err(&e)?;
        row += 1;
    }
    row += 1;
    ws.merge_range(
        row,
        0,
        row,
        last,
        i18n::paper_text(l, PaperText::Summary),
        &head,
    )
    .map_err(&e)?;
    row += 1;
    let boxed = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    ws.merge_range(row, 0, row + SUMMARY_ROWS - 1, last, "", &boxed)
        .map_err(&e)?;
    row += SUMMARY_ROWS + 1;
    ws.merge_range(
        row,
        0,
        row,
        last,
        &format!(
            "{}{BLANK}      {}{BLANK}",
            i18n::field_label(l, PaperText::RecorderSigns),
            i18n::field_label(l, PaperText::Date)
        ),
        &Format::new(),
    )
    .map_err(&e)?;
    paper::set_up(
        ws,
        &Paper {
            landscape: paper::landscape_for(&WIDTHS),
            repeat: None,
            tall: 0,
            exported: p.exported,
            lang: l,
        },
    )
    .map_err(&e)?;
    wb.save_to_buffer().map_err(&e)
}
