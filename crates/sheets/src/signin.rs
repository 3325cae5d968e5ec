//! The sign-in sheet of one session (签到表, issue 28), printed before it:
//! the heading of `session_sheet`, then every expected teacher by
//! teaching group with a column to sign in, an approved leave written in
//! beside the name. A4 portrait, two lists side by side, 30 rows each: 60
//! teachers a page, the heading and the column names on every page.
//! Pure: the roll in, bytes out.

use crate::ImportError;
use crate::paper::{self, Paper};
use crate::rows::RollLine;
use crate::session_sheet::{LINE_HEIGHT, SessionPaper, heading, xerr};
use i18n::PaperText;
use rules::LeaveStatus;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

/// Teachers in each of the two lists of a page.
pub const ROWS: usize = 30;
/// Teachers on one page.
pub const PER_PAGE: usize = 2 * ROWS;

/// One list's columns: 序号, 姓名, 教研组, 签名, 备注 (Excel's units).
const BLOCK: [f64; 5] = [4.5, 9.0, 9.0, 14.0, 11.0];
/// The narrow column between the two lists.
const GAP: f64 = 1.5;
/// A signature row's height in points: room to sign.
const ROW_HEIGHT: f64 = 21.0;

/// The expected teachers in the order the sheet lists them: by teaching
/// group, then as the roll lists them (by id).
pub fn order(lines: &[RollLine]) -> Vec<&RollLine> {
    let mut v: Vec<&RollLine> = lines.iter().collect();
    v.sort_by(|a, b| a.teacher.group.cmp(&b.teacher.group));
    v
}

/// What the sheet writes beside a teacher: their approved leave, or
/// nothing (a leave still waiting is not written in: it may be refused).
pub fn note(x: &RollLine, l: i18n::Lang) -> String {
    match &x.leave {
        Some(lv) if lv.status == LeaveStatus::Approved => i18n::leave_note(l, lv.kind, lv.status),
        _ => String::new(),
    }
}

/// The sign-in sheet as .xlsx.
pub fn signin_xlsx(p: &SessionPaper, file: &str) -> Result<Vec<u8>, ImportError> {
    let e = xerr(file);
    let l = p.lang;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(i18n::paper_text(l, PaperText::SheetSignIn))
        .map_err(&e)?;
    let mut widths: Vec<f64> = BLOCK.to_vec();
    widths.push(GAP);
    widths.extend(BLOCK);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(&e)?;
    }
    let last = (widths.len() - 1) as u16;
    let header_row = heading(ws, p, PaperText::SignInTitle, last).map_err(&e)?;
    let first = header_row + 1;
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_font_size(10)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let number = cell.clone().set_align(FormatAlign::Center);
    let leave = cell.clone().set_font_color(Color::RGB(0x595959));
    let cols = [
        PaperText::Number,
        PaperText::Name,
        PaperText::Group,
        PaperText::Signature,
        PaperText::Note,
    ];
    let right = (BLOCK.len() + 1) as u16;
    for start in [0u16, right] {
        for (i, t) in cols.iter().enumerate() {
            ws.write_string_with_format(
                header_row,
                start + i as u16,
                i18n::paper_text(l, *t),
                &head,
            )
            .map_err(&e)?;
        }
    }
    ws.set_row_height(header_row, LINE_HEIGHT).map_err(&e)?;
    let teachers = order(&p.view.lines);
    let pages = teachers.len().div_ceil(PER_PAGE).max(1);
    // Every row of each page is drawn, filled or not, so that a teacher
    // left off the list can still sign on a blank line.
    for page in 0..pages {
        for r in 0..ROWS {
            let row = first + (page * ROWS + r) as u32;
            ws.set_row_height(row, ROW_HEIGHT).map_err(&e)?;
            for (half, start) in [0u16, right].into_iter().enumerate() {
                let at = page * PER_PAGE + half * ROWS + r;
                match teachers.get(at) {
                    Some(x) => {
                        ws.write_number_with_format(row, start, (at + 1) as f64, &number)
                            .map_err(&e)?;
                        ws.write_string_with_format(
                            row,
                            start + 1,
                            i18n::shown(&x.teacher.name),
                            &cell,
                        )
                        .map_err(&e)?;
                        ws.write_string_with_format(
                            row,
                            start + 2,
                            i18n::shown(&x.teacher.group),
                            &cell,
                        )
                        .map_err(&e)?;
                        ws.write_blank(row, start + 3, &cell).map_err(&e)?;
                        ws.write_string_with_format(row, start + 4, note(x, l), &leave)
                            .map_err(&e)?;
                    }
                    None => {
                        for c in 0..BLOCK.len() as u16 {
                            ws.write_blank(row, start + c, &cell).map_err(&e)?;
                        }
                    }
                }
            }
        }
    }
    let breaks: Vec<u32> = (1..pages).map(|p| first + (p * ROWS) as u32).collect();
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks).map_err(&e)?;
    }
    paper::set_up(
        ws,
        &Paper {
            landscape: paper::landscape_for(&widths),
            repeat: Some((0, header_row)),
            tall: 0,
            exported: p.exported,
            lang: l,
        },
    )
    .map_err(&e)?;
    wb.save_to_buffer().map_err(&e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page's rows fit an A4 portrait page at 100%: the heading (a
    /// title row of 28 points, three lines and the column names of 18),
    /// then 30 rows to sign on. LibreOffice would shrink a taller page to
    /// fit, leaving too little room to sign.
    #[test]
    fn a_page_of_60_prints_unshrunk() {
        let height =
            crate::session_sheet::TITLE_HEIGHT + 4.0 * LINE_HEIGHT + ROWS as f64 * ROW_HEIGHT;
        assert!(
            height <= paper::portrait_rows_height(),
            "{height} > {}",
            paper::portrait_rows_height()
        );
    }

    /// The two lists and the gap fit across a portrait page.
    #[test]
    fn the_sheet_prints_portrait() {
        let mut w = BLOCK.to_vec();
        w.push(GAP);
        w.extend(BLOCK);
        assert!(!paper::landscape_for(&w), "{}", w.iter().sum::<f64>());
    }
}
