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
use crate::columns::Col;
use crate::rows::group_figures;
use i18n::{self, ChartText, IoText};
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartLegendPosition, ChartType, Format, FormatAlign, FormatBorder,
    Formula, Workbook, XlsxError,
};

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
    // The standings sheet's columns the formulas read, from the one table.
    let at = |col: Col| col.export_index().unwrap_or(0);
    let (group, present, late, absent) = (
        at(Col::Group),
        at(Col::Present),
        at(Col::Late),
        at(Col::Absent),
    );
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
    // The table and both charts on one A4 landscape page.
    super::paper::set_up(
        ws,
        &super::paper::Paper {
            landscape: true,
            repeat: None,
            tall: 1,
            exported: s.exported,
            lang: l,
        },
    )
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
            column_letter(group),
            FIRST_ROW + 1 + first
        );
        let t = &g.tally;
        let cells = [
            (live(name_ref, i18n::shown(&g.group)), &cell),
            (
                live(format!("=COUNTIF({},$A{x})", range(group)), g.teachers),
                &count,
            ),
            (live(format!("={}", t.required), t.required), &count),
            (
                live(
                    format!("=SUMIF({},$A{x},{})", range(group), range(present)),
                    t.present,
                ),
                &count,
            ),
            (
                live(
                    format!("=SUMIF({},$A{x},{})", range(group), range(late)),
                    t.late,
                ),
                &count,
            ),
            (
                live(
                    format!("=SUMIF({},$A{x},{})", range(group), range(absent)),
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
    let from = rate_axis_start(&groups);
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
    // A bar chart's value axis is its x axis; the groups read top down,
    // every one labelled (Excel and LibreOffice skip labels that crowd).
    rates
        .x_axis()
        .set_num_format("0%")
        .set_min(from)
        .set_max(1.0)
        .set_name(
            i18n::rate_axis(l, (from > 0.0).then_some((from * 100.0).round() as u32)).as_str(),
        );
    rates.y_axis().set_reverse().set_label_interval(1);
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
    misses.x_axis().set_label_interval(1);
    misses.y_axis().set_min(0.0).set_name(i18n::count_axis(l));
    misses.legend().set_position(ChartLegendPosition::Bottom);
    // Under the table, side by side: the table and both charts on one A4
    // landscape page (issue 28: they printed over three portrait pages).
    let height = (groups.len() as u32 * 22 + 90).clamp(300, 560);
    for chart in [&mut rates, &mut misses] {
        chart.set_width(CHART_WIDTH).set_height(height);
    }
    let below = last + 2;
    ws.insert_chart(below, 0, &rates).map_err(&e)?;
    ws.insert_chart_with_offset(below, 0, &misses, CHART_WIDTH + CHART_GAP, 0)
        .map_err(&e)?;
    Ok(())
}

/// Each chart's width in pixels: two side by side fill an A4 landscape
/// page's width.
const CHART_WIDTH: u32 = 500;
const CHART_GAP: u32 = 12;

/// Where the rate axis starts: at 0, unless every group's rate is at least
/// 50%; then at the tenth below the lowest, so the differences show (and
/// the axis says it does not start at 0).
fn rate_axis_start(groups: &[crate::rows::GroupFigures]) -> f64 {
    let lowest = groups
        .iter()
        .map(|g| g.rate())
        .filter(|r| r.required > 0)
        .map(|r| f64::from(r.attended) / f64::from(r.required))
        .fold(f64::INFINITY, f64::min);
    if lowest.is_finite() && lowest >= 0.5 {
        ((lowest * 10.0).floor() / 10.0 - 0.1).max(0.0)
    } else {
        0.0
    }
}

/// Labels every category of every chart in `xlsx` (a workbook's bytes):
/// a label interval of 1 (`<c:tickLblSkip val="1"/>`) on each category
/// axis, which rust_xlsxwriter leaves out (it writes intervals above 1
/// only), so that Excel and LibreOffice may skip crowded labels (issue 28:
/// the bar chart labelled 7 of 13 groups). Other parts are copied as they
/// are.
pub fn label_every_category(xlsx: &[u8], file: &str) -> Result<Vec<u8>, ImportError> {
    use std::io::{Cursor, Read, Write};
    let bad = |why: String| ImportError::Write {
        file: file.to_string(),
        why,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).map_err(|e| bad(e.to_string()))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
        let name = part.name().map_err(|e| bad(e.to_string()))?.into_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes)
            .map_err(|e| bad(e.to_string()))?;
        if name.starts_with("xl/charts/chart") && name.ends_with(".xml") {
            let text = String::from_utf8(bytes).map_err(|e| bad(e.to_string()))?;
            bytes = every_label(&text).into_bytes();
        }
        out.start_file(name, options)
            .map_err(|e| bad(e.to_string()))?;
        out.write_all(&bytes).map_err(|e| bad(e.to_string()))?;
    }
    out.finish()
        .map(Cursor::into_inner)
        .map_err(|e| bad(e.to_string()))
}

/// A chart part with `<c:tickLblSkip val="1"/>` in each category axis
/// that has no interval, where the schema puts it: after `c:lblOffset`.
fn every_label(chart: &str) -> String {
    const OFFSET: &str = "<c:lblOffset val=\"100\"/>";
    let mut out = String::with_capacity(chart.len() + 64);
    let mut rest = chart;
    while let Some(at) = rest.find("<c:catAx>") {
        let end = rest[at..].find("</c:catAx>").map_or(rest.len(), |e| at + e);
        out.push_str(&rest[..at]);
        let axis = &rest[at..end];
        if axis.contains("<c:tickLblSkip") {
            out.push_str(axis);
        } else {
            out.push_str(&axis.replacen(OFFSET, &format!("{OFFSET}<c:tickLblSkip val=\"1\"/>"), 1));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
