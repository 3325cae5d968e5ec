//! Chart components: each draws one set of figures from `app::charts` into
//! the area it is given, with ratatui's own widgets (BarChart, Chart,
//! Gauge), colours from the palette and texts from the catalogue. Each
//! shrinks to the area and says so when something had to be left out.
//! They read nothing but their arguments.

pub mod live;
pub mod roll_gauge;
pub mod standings;
pub mod teacher;

use crate::i18n::{self, Lang};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::palette::Palette;

/// What every chart needs besides its figures.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub lang: Lang,
    pub palette: Palette,
}

/// `s` cut to at most `w` display columns (a wide character that would
/// straddle the edge is left out) and padded with spaces to exactly `w`.
pub(crate) fn pad(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.extend(std::iter::repeat_n(' ', w - used));
    out
}

/// `s` right-aligned in `w` display columns.
pub(crate) fn pad_left(s: &str, w: usize) -> String {
    let n = w.saturating_sub(s.width());
    format!("{}{s}", " ".repeat(n))
}

/// A rate in tenths of a percent as "93.1%", or "—" without one.
pub(crate) fn percent(permille: Option<u32>) -> String {
    match permille {
        Some(p) => format!("{}.{}%", p / 10, p % 10),
        None => "—".into(),
    }
}

/// Says that the area is below `w`×`h`, when it is; the caller then draws
/// nothing else.
pub(crate) fn too_small(f: &mut Frame, area: Rect, look: Look, w: u16, h: u16) -> bool {
    if area.width >= w && area.height >= h {
        return false;
    }
    f.render_widget(
        Paragraph::new(i18n::charts_too_small(look.lang, w, h))
            .style(look.palette.warn())
            .wrap(Wrap { trim: true }),
        area,
    );
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("语文", 6), "语文  ");
        assert_eq!(pad("ab", 3), "ab ");
        // A wide character that would straddle the edge is left out.
        assert_eq!(pad("体育与健康", 5), "体育 ");
        assert_eq!(pad_left("3", 4), "   3");
        assert_eq!(pad_left("旷工", 4), "旷工");
        assert_eq!(percent(Some(931)), "93.1%");
        assert_eq!(percent(None), "—");
    }
}
