//! The roll-call gauge under the roll screen's header: one bar filled by
//! present / on leave / late / still missing, in proportion, and a legend
//! with the counts. ratatui has no stacked gauge, so the bar is one line
//! of styled spans in a Paragraph; each part has its own fill character,
//! so the parts stay apart without colour.

use super::Look;
use crate::i18n::{self, Label};
use app::charts::RollCounts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rules::Category;

/// The narrowest bar worth drawing beside a one-line legend.
const MIN_BAR: u16 = 10;

struct Part {
    count: u32,
    fill: &'static str,
    style: Style,
    label: &'static str,
}

fn parts(c: &RollCounts, look: Look) -> [Part; 4] {
    let l = look.lang;
    let p = look.palette;
    let missing = if c.closed {
        Category::Absent
    } else {
        Category::Pending
    };
    [
        Part {
            count: c.present,
            fill: p.glyph("█", "#"),
            style: p.category(Category::Present),
            label: i18n::text(l, Label::Present),
        },
        Part {
            count: c.on_leave,
            fill: p.glyph("▒", "="),
            style: p.category(Category::PersonalLeave),
            label: i18n::text(l, Label::OnLeave),
        },
        Part {
            count: c.late,
            fill: p.glyph("▓", "+"),
            style: p.category(Category::Late),
            label: i18n::category(l, Category::Late),
        },
        Part {
            count: c.missing,
            fill: p.glyph("░", "."),
            style: p.category(missing),
            label: if c.closed {
                i18n::category(l, Category::Absent)
            } else {
                i18n::text(l, Label::Missing)
            },
        },
    ]
}

/// Cells of `width` shared out in proportion to `counts` (largest
/// remainder), every non-zero count getting at least one where it can.
pub(crate) fn shares(counts: &[u32], width: u16) -> Vec<u16> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    let w = u64::from(width);
    if total == 0 || w == 0 {
        return vec![0; counts.len()];
    }
    let mut out: Vec<u64> = counts.iter().map(|&c| u64::from(c) * w / total).collect();
    let mut rest: Vec<(u64, usize)> = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| (u64::from(c) * w % total, i))
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut left = w - out.iter().sum::<u64>();
    for (_, i) in rest {
        if left == 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    // A part that counts someone shows, taken from the widest part.
    for i in 0..counts.len() {
        if counts[i] > 0
            && out[i] == 0
            && let Some(j) = (0..out.len())
                .filter(|&j| out[j] > 1)
                .max_by_key(|&j| out[j])
        {
            out[j] -= 1;
            out[i] = 1;
        }
    }
    out.into_iter().map(|x| x as u16).collect()
}

/// "应到 60  █ 已到 40  ▒ 请假 3  ▓ 迟到 2  ░ 未到 15".
fn legend(c: &RollCounts, parts: &[Part], look: Look) -> Line<'static> {
    let mut spans = vec![Span::raw(format!(
        "{} {}",
        i18n::text(look.lang, Label::Expected),
        c.expected()
    ))];
    for p in parts {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(p.fill, p.style));
        spans.push(Span::raw(format!(" {} {}", p.label, p.count)));
    }
    Line::from(spans)
}

fn bar(parts: &[Part], width: u16) -> Line<'static> {
    let counts: Vec<u32> = parts.iter().map(|p| p.count).collect();
    let spans = parts
        .iter()
        .zip(shares(&counts, width))
        .filter(|(_, n)| *n > 0)
        .map(|(p, n)| Span::styled(p.fill.repeat(usize::from(n)), p.style))
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// Draws the gauge: the bar over the legend where there are two lines,
/// else the bar beside the legend, else the legend alone.
pub fn render(f: &mut Frame, area: Rect, counts: &RollCounts, look: Look) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let parts = parts(counts, look);
    let legend = legend(counts, &parts, look);
    if area.height >= 2 {
        let [top, bottom] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
        f.render_widget(Paragraph::new(bar(&parts, top.width)), top);
        f.render_widget(Paragraph::new(legend), bottom);
        return;
    }
    let lw = legend.width() as u16;
    if area.width >= lw + 1 + MIN_BAR {
        let [b, _, t] = Layout::horizontal([
            Constraint::Min(MIN_BAR),
            Constraint::Length(1),
            Constraint::Length(lw),
        ])
        .areas(area);
        f.render_widget(Paragraph::new(bar(&parts, b.width)), b);
        f.render_widget(Paragraph::new(legend), t);
    } else {
        f.render_widget(Paragraph::new(legend), area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_fill_the_width_in_proportion() {
        assert_eq!(shares(&[40, 3, 2, 15], 60), vec![40, 3, 2, 15]);
        assert_eq!(shares(&[1, 1, 1, 0], 10).iter().sum::<u16>(), 10);
        assert_eq!(shares(&[0, 0, 0, 0], 10), vec![0, 0, 0, 0]);
        // One late teacher among 300 still shows.
        let s = shares(&[299, 0, 1, 0], 20);
        assert_eq!(s, vec![19, 0, 1, 0]);
        assert_eq!(s.iter().sum::<u16>(), 20);
    }
}
