//! The standings chart view (`g` on the standings screen): per teaching
//! group a horizontal bar of its attendance rate, with its absences and
//! lates beside the name; under it the attendance rate of every session
//! of the period as a line, session dates on the axis. Both follow the
//! group filter.

use super::{Look, pad, pad_left, percent, too_small};
use crate::i18n::{self, ChartText, KeyHint};
use app::charts::{GroupFigures, PeriodCharts, SessionRate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Bar, BarChart, Block, Chart, Dataset, GraphType, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// The smallest area the view draws anything in.
pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 6;
/// The per-session chart needs this many rows (borders, axis, dates).
const SESSIONS_MIN_H: u16 = 8;
/// Group names longer than this are cut.
const NAME_MAX: usize = 12;

/// Draws the view of `charts` for the groups `group` lets through.
/// The groups' chart and the sessions' below; `back` names the key that
/// returns to the table (as the key map binds it).
pub fn render(
    f: &mut Frame,
    area: Rect,
    charts: &PeriodCharts,
    group: Option<&str>,
    look: Look,
    back: &str,
) {
    if too_small(f, area, look, MIN_W, MIN_H) {
        return;
    }
    let shown = charts.groups_shown(group);
    // Borders, the column names, one line a group.
    let groups_need = shown.len().max(1) as u16 + 3;
    let groups_least = groups_need.min(6);
    let (groups_area, sessions_area) = if area.height >= groups_need + SESSIONS_MIN_H {
        let [a, b] =
            Layout::vertical([Constraint::Length(groups_need), Constraint::Min(0)]).areas(area);
        (a, Some(b))
    } else if area.height >= groups_least + SESSIONS_MIN_H {
        let [a, b] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(SESSIONS_MIN_H)]).areas(area);
        (a, Some(b))
    } else {
        (area, None)
    };
    groups(
        f,
        groups_area,
        charts,
        &shown,
        sessions_area.is_none(),
        look,
        back,
    );
    if let Some(b) = sessions_area {
        sessions(f, b, &charts.session_rates(group), group, look);
    }
}

fn groups(
    f: &mut Frame,
    area: Rect,
    charts: &PeriodCharts,
    shown: &[&GroupFigures],
    sessions_hidden: bool,
    look: Look,
    back: &str,
) {
    let l = look.lang;
    let p = look.palette;
    let title = format!(
        " {} · {} ",
        i18n::chart_text(l, ChartText::GroupsTitle),
        i18n::period_name(l, charts.period)
    );
    let hint = format!(
        " {} ",
        i18n::key_hint(
            l,
            &KeyHint::BackToTable {
                key: back.to_string()
            }
        )
    );
    let mut block = Block::bordered()
        .title(title.clone())
        .border_style(p.hint());
    // The key hint only where it does not cut the title.
    if title.width() + hint.width() + 3 <= usize::from(area.width) {
        block = block.title_top(Line::from(hint).right_aligned());
    }
    let inner = block.inner(area);
    f.render_widget(block, area);
    if shown.is_empty() {
        f.render_widget(
            Paragraph::new(i18n::chart_text(l, ChartText::NoGroups)),
            inner,
        );
        return;
    }
    // Lines left for bars after the column names, and a note if needed.
    let mut notes: Vec<String> = Vec::new();
    if sessions_hidden {
        notes.push(i18n::chart_text(l, ChartText::SessionsHidden).into());
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    let mut fit = rows.saturating_sub(notes.len());
    if shown.len() > fit {
        fit = rows.saturating_sub(notes.len() + 1);
        notes.push(i18n::groups_not_shown(l, shown.len() - fit));
    }
    let names: Vec<String> = shown
        .iter()
        .map(|g| i18n::shown(&g.group).into_owned())
        .collect();
    let col_group = i18n::chart_text(l, ChartText::ColGroup);
    let col_absent = i18n::chart_text(l, ChartText::ColAbsent);
    let col_late = i18n::chart_text(l, ChartText::ColLate);
    let name_w = names
        .iter()
        .map(|n| n.width())
        .chain([col_group.width()])
        .max()
        .unwrap_or(0)
        .min(NAME_MAX);
    let digits = |n: u32| n.to_string().len();
    let abs_w = shown
        .iter()
        .map(|g| digits(g.absences()))
        .chain([col_absent.width()])
        .max()
        .unwrap_or(0);
    let late_w = shown
        .iter()
        .map(|g| digits(g.lates()))
        .chain([col_late.width()])
        .max()
        .unwrap_or(0);
    let label = |name: &str, a: &str, lt: &str| {
        format!(
            "{} {} {}",
            pad(name, name_w),
            pad_left(a, abs_w),
            pad_left(lt, late_w)
        )
    };
    // The bars start at the lowest whole ten below every group's rate, so
    // that 85 % and 95 % differ at a glance; the column name says where.
    let lo = floor(shown.iter().filter_map(|g| g.rate().permille()));
    let header = format!(
        "{} {}",
        label(col_group, col_absent, col_late),
        i18n::rate_from(l, lo)
    );
    let [head, bars_area, notes_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(fit as u16),
        Constraint::Min(0),
    ])
    .areas(inner);
    f.render_widget(Paragraph::new(header).style(p.heading()), head);
    let bars: Vec<Bar> = shown
        .iter()
        .zip(&names)
        .take(fit)
        .map(|(g, name)| {
            let rate = g.rate().permille();
            Bar::default()
                .value(u64::from(rate.unwrap_or(0).saturating_sub(lo * 10)))
                .label(Line::from(label(
                    name,
                    &g.absences().to_string(),
                    &g.lates().to_string(),
                )))
                .text_value(percent(rate))
        })
        .collect();
    f.render_widget(
        BarChart::horizontal(bars)
            .bar_width(1)
            .bar_gap(0)
            .max(u64::from(1000 - lo * 10))
            .bar_style(p.bar())
            .value_style(p.bar_value()),
        bars_area,
    );
    if !notes.is_empty() {
        f.render_widget(
            Paragraph::new(notes.join("  "))
                .style(p.hint())
                .wrap(Wrap { trim: true }),
            notes_area,
        );
    }
}

/// The lowest whole ten (in percent) below every rate, at most 90, so
/// that a dip shows: a line between 88 % and 96 % drawn from 0 % is flat.
fn floor(permilles: impl Iterator<Item = u32>) -> u32 {
    (permilles.min().unwrap_or(0) / 100 * 10).min(90)
}

fn sessions(f: &mut Frame, area: Rect, rates: &[SessionRate], group: Option<&str>, look: Look) {
    let l = look.lang;
    let p = look.palette;
    let mut title = format!(" {} ", i18n::chart_text(l, ChartText::SessionsTitle));
    if let Some(g) = group {
        title = format!(" {}· {} ", title.trim_start(), i18n::shown(g));
    }
    let block = Block::bordered().title(title).border_style(p.hint());
    if rates.is_empty() {
        let inner = block.inner(area);
        f.render_widget(block, area);
        f.render_widget(
            Paragraph::new(i18n::chart_text(l, ChartText::NoSessionsYet)).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let data: Vec<(f64, f64)> = rates
        .iter()
        .enumerate()
        .map(|(i, r)| (i as f64, f64::from(r.rate.permille().unwrap_or(0)) / 10.0))
        .collect();
    let lo = floor(rates.iter().filter_map(|r| r.rate.permille()));
    let last = rates.len() - 1;
    let date = |i: usize| rates[i].date.format("%m-%d").to_string();
    let x_labels: Vec<Line> = match last {
        0 => vec![Line::from(date(0))],
        1 => vec![Line::from(date(0)), Line::from(date(1))],
        _ => vec![
            Line::from(date(0)),
            Line::from(date(last / 2)),
            Line::from(date(last)),
        ],
    };
    let (graph, marker) = if rates.len() == 1 {
        (GraphType::Scatter, Marker::Dot)
    } else {
        (GraphType::Line, Marker::Braille)
    };
    let dataset = Dataset::default()
        .marker(marker)
        .graph_type(graph)
        .style(p.line())
        .data(&data);
    let y_labels: Vec<Line> = [lo, (lo + 100) / 2, 100]
        .iter()
        .map(|v| Line::from(format!("{v}%")))
        .collect();
    let chart = Chart::new(vec![dataset])
        .block(block)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, (last as f64).max(1.0)])
                .labels(x_labels)
                .style(p.hint()),
        )
        .y_axis(
            Axis::default()
                .bounds([f64::from(lo), 100.0])
                .labels(y_labels)
                .style(p.hint()),
        );
    f.render_widget(chart, area);
}
