//! The teacher screen's pictures: a strip of the teacher's sessions in the
//! period, one two-column cell each, coloured and marked by category, with
//! a legend; a gauge of the year's credits against the requirement; and
//! the unexcused absences as slots up to the 不合格 threshold, the slot
//! that one more absence would fill marked, so "one more" is obvious.

use super::{Look, pad};
use crate::i18n::{self, ChartText};
use app::charts::TeacherCharts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph};
use rules::Category;
use unicode_width::UnicodeWidthStr;

/// Rows the whole picture wants: strip, legend, credits, absences (a
/// narrow terminal's legend takes one more).
pub const HEIGHT: u16 = 4;
/// The narrowest area worth drawing in.
pub const MIN_W: u16 = 30;

/// Columns of one strip cell: wide enough for a Chinese symbol.
const CELL: u16 = 2;

/// The order categories are listed in the legend: as defined.
const ORDER: &[Category] = Category::ALL;

/// The rows the picture takes at `width`: strip, legend, credits, absences.
pub fn height(c: &TeacherCharts, look: Look, width: u16) -> u16 {
    3 + (legend_lines(c, look, width).len() as u16).min(2)
}

/// Draws as much of the picture as `area` holds, in order of need: the
/// absences (which decide), the strip, the credits, the legend.
pub fn render(f: &mut Frame, area: Rect, c: &TeacherCharts, look: Look) {
    if super::too_small(f, area, look, MIN_W, 1) {
        return;
    }
    let legend = legend_lines(c, look, area.width);
    // A second legend line only where the area has a row to spare.
    let legend_h = (legend.len() as u16).min(area.height.saturating_sub(HEIGHT - 1).max(1));
    let want: &[(Part, u16)] = &[
        (Part::Strip, 1),
        (Part::Legend, legend_h),
        (Part::Credits, 1),
        (Part::Absences, 1),
    ];
    // Keep the parts that fit, dropping the least needed first.
    let mut keep: Vec<(Part, u16)> = want.to_vec();
    for drop in [Part::Legend, Part::Credits, Part::Strip] {
        if keep.iter().map(|(_, h)| h).sum::<u16>() <= area.height {
            break;
        }
        keep.retain(|(p, _)| *p != drop);
    }
    let areas = Layout::vertical(keep.iter().map(|(_, h)| Constraint::Length(*h))).split(area);
    for ((part, _), a) in keep.iter().zip(areas.iter()) {
        match part {
            Part::Strip => strip(f, *a, c, look),
            Part::Legend => f.render_widget(Paragraph::new(legend.clone()), *a),
            Part::Credits => credits(f, *a, c, look),
            Part::Absences => absences(f, *a, c, look),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Strip,
    Legend,
    Credits,
    Absences,
}

/// A label column, the same width on every line so the pictures line up.
fn label_width(look: Look) -> usize {
    [
        ChartText::StripTitle,
        ChartText::Credits,
        ChartText::Absences,
    ]
    .iter()
    .map(|t| i18n::chart_text(look.lang, *t).width())
    .max()
    .unwrap_or(0)
        + 1
}

fn strip(f: &mut Frame, area: Rect, c: &TeacherCharts, look: Look) {
    let l = look.lang;
    let lw = label_width(look);
    let mut spans = vec![Span::styled(
        pad(i18n::chart_text(l, ChartText::StripTitle), lw),
        look.palette.heading(),
    )];
    if c.strip.is_empty() {
        spans.push(Span::raw(i18n::chart_text(l, ChartText::StripEmpty)));
        f.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    let room = usize::from(area.width).saturating_sub(lw);
    let total = c.strip.len();
    let mut fit = room / usize::from(CELL);
    let note = if fit < total {
        // Room for the note first, then the latest sessions that fit.
        let note = format!(" {}", i18n::strip_shown(l, 0, total));
        fit = room.saturating_sub(note.width() + 2) / usize::from(CELL);
        Some(format!(" {}", i18n::strip_shown(l, fit, total)))
    } else {
        None
    };
    // The window ends just after the last session that has happened (one
    // still to come shows what is next), so the sessions cut are the
    // oldest, never the ones that matter now.
    let held = c
        .strip
        .iter()
        .rposition(|s| s.outcome.category != Category::Pending)
        .map_or(0, |i| i + 1);
    let end = (held + 1).clamp(fit.min(total), total);
    for cell in &c.strip[end - fit.min(total)..end] {
        let cat = cell.outcome.category;
        let mut style = look.palette.cell(cat);
        // A late arrival who also left early: late, underlined.
        if cell.outcome.also_left_early {
            style = style.add_modifier(Modifier::UNDERLINED);
        }
        spans.push(Span::styled(
            pad(i18n::category_symbol(l, cat), usize::from(CELL)),
            style,
        ));
    }
    if let Some(n) = note {
        spans.push(Span::styled(n, look.palette.hint()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The legend of the categories the strip shows, in a fixed order, as
/// lines of `width`: an item (symbol and name) is never split.
fn legend_lines(c: &TeacherCharts, look: Look, width: u16) -> Vec<Line<'static>> {
    let l = look.lang;
    let indent = label_width(look);
    let mut lines = Vec::new();
    let mut spans = vec![Span::raw(" ".repeat(indent))];
    let mut used = indent;
    for cat in ORDER
        .iter()
        .filter(|k| c.strip.iter().any(|s| s.outcome.category == **k))
    {
        let name = format!(" {}  ", i18n::category(l, *cat));
        let w = usize::from(CELL) + name.width();
        if used + w > usize::from(width) && used > indent {
            lines.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw(" ".repeat(indent)));
            used = indent;
        }
        spans.push(Span::styled(
            pad(i18n::category_symbol(l, *cat), usize::from(CELL)),
            look.palette.cell(*cat),
        ));
        spans.push(Span::raw(name));
        used += w;
    }
    lines.push(Line::from(spans));
    lines
}

fn credits(f: &mut Frame, area: Rect, c: &TeacherCharts, look: Look) {
    let l = look.lang;
    let lw = label_width(look) as u16;
    let [label, gauge] =
        Layout::horizontal([Constraint::Length(lw), Constraint::Min(1)]).areas(area);
    f.render_widget(
        Paragraph::new(i18n::chart_text(l, ChartText::Credits)).style(look.palette.heading()),
        label,
    );
    let ratio = match c.credits_required.0 {
        0 => 1.0,
        r => (f64::from(c.credits.0) / f64::from(r)).min(1.0),
    };
    let done = c.credits >= c.credits_required;
    let style = if done {
        look.palette.gauge_done()
    } else {
        look.palette.gauge()
    };
    f.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(i18n::credits_of(
                l,
                &c.credits.to_string(),
                &c.credits_required.to_string(),
            ))
            .use_unicode(true)
            .gauge_style(style),
        gauge,
    );
}

/// One slot per absence up to the threshold: ■ taken, □ free, and the
/// slot the next absence would fill drawn as ✗ where it would be the last.
fn absences(f: &mut Frame, area: Rect, c: &TeacherCharts, look: Look) {
    let l = look.lang;
    let p = look.palette;
    let lw = label_width(look);
    let mut spans = vec![Span::styled(
        pad(i18n::chart_text(l, ChartText::Absences), lw),
        p.heading(),
    )];
    let slots = c.limit.max(c.absences);
    for i in 0..slots {
        let (mark, style) = if i < c.absences {
            let style = if c.over_limit() {
                p.error().add_modifier(Modifier::BOLD)
            } else if c.one_more_fails() {
                p.warn()
            } else {
                p.category(Category::Absent)
            };
            ("■", style)
        } else if i + 1 == c.limit {
            // The slot that makes a teacher unqualified.
            let style = if c.one_more_fails() {
                p.error().add_modifier(Modifier::BOLD | Modifier::REVERSED)
            } else {
                p.error()
            };
            ("✗", style)
        } else {
            ("□", p.hint())
        };
        spans.push(Span::styled(format!("{mark} "), style));
    }
    let note_style = if c.over_limit() {
        p.unqualified()
    } else if c.one_more_fails() {
        p.warn().add_modifier(Modifier::BOLD)
    } else {
        p.hint()
    };
    spans.push(Span::styled(
        format!(" {}", i18n::absences_note(l, c.absences, c.limit)),
        note_style,
    ));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
