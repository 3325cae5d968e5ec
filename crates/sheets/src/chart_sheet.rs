//! The standings workbook's chart sheet: per teaching group its teachers,
//! sessions required, present, late, absent and attendance rate, and two
//! native Excel charts of them (the rate per group; absences and lates per
//! group).
//!
//! Every figure an office may correct on the standings sheet is a formula
//! here (COUNTIF/SUMIF over that sheet's cells, the group's name a
//! reference to one of its rows), and the charts read these cells: edit a
//! count on the standings sheet and the charts follow. Each formula
//! carries its value, for readers that do not calculate. Pure: rows in,
//! cells out.

use super::ImportError;
use super::export::{FIRST_ROW, StandingsSheet};
use super::table::column_letter;
use crate::rows::group_figures;
use i18n::{self, ChartText, IoText};
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartType, Format, FormatAlign, FormatBorder, Formula, Workbook,
    XlsxError,
};

/// Columns of the standings sheet the formulas read (0-based, in
/// `i18n::export_standings_headers` order).
const GROUP: usize = 2;
const PRESENT: usize = 4;
const LATE: usize = 5;
const ABSENT: usize = 7;

/// The chart sheet's first data row (0-based): title, note, header.
const DATA: u32 = 3;

fn xerr(file: &str) -> impl Fn(XlsxError) -> ImportError + '_ {
    move |e| ImportError::Write {
        file: file.to_string(),
        why: e.to_string(),
    }
}

/// A sheet name as a formula names it: always quoted, quotes doubled.
fn quoted(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// A figure written as a formula with its value kept beside it.
fn live(formula: String, value: impl ToString) -> Formula {
    Formula::new(formula).set_result(value.to_string())
}

/// Adds the chart sheet after the standings sheet of `wb`.
pub fn add(wb: &mut Workbook, s: &StandingsSheet, file: &str) -> Result<(), ImportError> {
    let e = xerr(file);
    let l = s.lang;
    let standings = i18n::io_text(l, IoText::SheetStandings);
    let sheet = quoted(standings);
    let groups = group_figures(s.rows);
    let n = s.rows.len() as u32;
    // The standings sheet's data rows, in Excel's 1-based numbering.
    let (top, bottom) = (FIRST_ROW + 1, FIRST_ROW + n.max(1));
    let range = |col: usize| {
        let c = column_letter(col);
        format!("{sheet}!${c}${top}:${c}${bottom}")
    };
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let count = cell.clone().set_num_format("0");
    let rate = cell.clone().set_num_format("0.0%");
    let ws = wb.add_worksheet();
    ws.set_name(i18n::chart_text(l, ChartText::SheetCharts))
        .map_err(&e)?;
    ws.merge_range(
        0,
        0,
        0,
        6,
        &i18n::charts_sheet_title(l, &i18n::period_name(l, s.period)),
        &Format::new().set_bold().set_font_size(14),
    )
    .map_err(&e)?;
    ws.merge_range(
        1,
        0,
        1,
        6,
        i18n::chart_text(l, ChartText::SheetNote),
        &Format::new().set_text_wrap(),
    )
    .map_err(&e)?;
    ws.set_row_height(1, 32).map_err(&e)?;
    let headers = [
        ChartText::ColGroup,
        ChartText::ColTeachers,
        ChartText::ColRequired,
        ChartText::ColPresent,
        ChartText::ColLate,
        ChartText::ColAbsent,
        ChartText::ColRate,
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(DATA - 1, c as u16, i18n::chart_text(l, *h), &head)
            .map_err(&e)?;
        ws.set_column_width(c as u16, if c == 0 { 14 } else { 10 })
            .map_err(&e)?;
    }
    for (i, g) in groups.iter().enumerate() {
        let row = DATA + i as u32;
        let x = row + 1; // this row in Excel's numbering
        // The group's name is its first row's cell on the standings sheet,
        // so SUMIF compares like with like however that cell is written.
        let first = s
            .rows
            .iter()
            .position(|r| r.teacher.group == g.group)
            .unwrap_or(0) as u32;
        let name_ref = format!(
            "={sheet}!${}${}",
            column_letter(GROUP),
            FIRST_ROW + 1 + first
        );
        let t = &g.tally;
        let cells = [
            (live(name_ref, i18n::shown(&g.group)), &cell),
            (
                live(format!("=COUNTIF({},$A{x})", range(GROUP)), g.teachers),
                &count,
            ),
            (live(format!("={}", t.required), t.required), &count),
            (
                live(
                    format!("=SUMIF({},$A{x},{})", range(GROUP), range(PRESENT)),
                    t.present,
                ),
                &count,
            ),
            (
                live(
                    format!("=SUMIF({},$A{x},{})", range(GROUP), range(LATE)),
                    t.late,
                ),
                &count,
            ),
            (
                live(
                    format!("=SUMIF({},$A{x},{})", range(GROUP), range(ABSENT)),
                    t.absent,
                ),
                &count,
            ),
            (
                live(
                    format!("=IF($C{x}=0,\"\",($D{x}+$E{x})/$C{x})"),
                    match g.rate() {
                        r if r.required == 0 => String::new(),
                        r => (f64::from(r.attended) / f64::from(r.required)).to_string(),
                    },
                ),
                &rate,
            ),
        ];
        for (c, (formula, format)) in cells.into_iter().enumerate() {
            ws.write_formula_with_format(row, c as u16, formula, format)
                .map_err(&e)?;
        }
    }
    if groups.is_empty() {
        return Ok(());
    }
    let name = i18n::chart_text(l, ChartText::SheetCharts);
    let last = DATA + groups.len() as u32 - 1;
    let mut rates = Chart::new(ChartType::Bar);
    rates
        .title()
        .set_name(i18n::chart_text(l, ChartText::GroupsTitle));
    rates
        .add_series()
        .set_name((name, DATA - 1, 6))
        .set_categories((name, DATA, 0, last, 0))
        .set_values((name, DATA, 6, last, 6))
        .set_data_label(ChartDataLabel::new().show_value());
    // A bar chart's value axis is its x axis; the groups read top down.
    rates.x_axis().set_num_format("0%").set_max(1.0);
    rates.y_axis().set_reverse();
    rates.legend().set_hidden();
    let mut misses = Chart::new(ChartType::Column);
    misses
        .title()
        .set_name(i18n::chart_text(l, ChartText::AbsencesLatesTitle));
    for col in [5u16, 4] {
        misses
            .add_series()
            .set_name((name, DATA - 1, col))
            .set_categories((name, DATA, 0, last, 0))
            .set_values((name, DATA, col, last, col));
    }
    // Beside the table, one under the other.
    let height = (groups.len() as u32 * 22).clamp(240, 600);
    rates.set_height(height);
    ws.insert_chart(DATA - 1, 8, &rates).map_err(&e)?;
    let below = DATA - 1 + height / 20 + 2;
    ws.insert_chart(below, 8, &misses).map_err(&e)?;
    Ok(())
}
