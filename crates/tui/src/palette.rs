//! The one palette: every colour the terminal app draws with comes from
//! here, by what it means (an error, a warning, a category), never by hue.
//!
//! Without colour (`NO_COLOR`, `CLICOLOR=0`, or a terminal that has none)
//! the same meanings are drawn with bold, underline, dim and reverse only;
//! categories then still differ by their symbol
//! (`i18n::category_symbol`), which every chart shows beside the colour.

use ratatui::style::{Color, Modifier, Style};
use rules::Category;

/// What the app draws with: colours, or attributes only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// No colour at all: attributes only.
    pub mono: bool,
    /// Bars and rules in ASCII (the old Windows console: console.rs).
    pub ascii: bool,
}

impl Default for Palette {
    fn default() -> Self {
        Palette::colour()
    }
}

impl Palette {
    pub const fn colour() -> Palette {
        Palette {
            mono: false,
            ascii: false,
        }
    }

    pub const fn mono() -> Palette {
        Palette {
            mono: true,
            ascii: false,
        }
    }

    /// `glyph`, or `ascii` where the console keeps to ASCII.
    pub fn glyph(&self, glyph: &'static str, ascii: &'static str) -> &'static str {
        if self.ascii { ascii } else { glyph }
    }

    /// The lines of a block's borders.
    pub fn rule(&self) -> ratatui::symbols::border::Set<'static> {
        use ratatui::symbols::border::{PLAIN, Set};
        if self.ascii {
            Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            PLAIN
        }
    }

    /// The palette this terminal and environment ask for.
    pub fn detect() -> Palette {
        Palette {
            ascii: crate::console::ascii_only(),
            ..Palette::decide(
                anstyle_query::no_color(),
                anstyle_query::clicolor(),
                anstyle_query::clicolor_force(),
                anstyle_query::term_supports_color(),
            )
        }
    }

    /// NO_COLOR wins (no-color.org); then CLICOLOR_FORCE; then CLICOLOR=0
    /// or a terminal without colour (TERM unset or `dumb`) turns colour off.
    pub fn decide(
        no_color: bool,
        clicolor: Option<bool>,
        force: bool,
        term_has_colour: bool,
    ) -> Palette {
        let mono = no_color || (!force && (clicolor == Some(false) || !term_has_colour));
        Palette { mono, ascii: false }
    }

    fn pick(&self, colour: Style, mono: Style) -> Style {
        if self.mono { mono } else { colour }
    }

    /// A confirmation in the status line.
    pub fn ok(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    /// An error in the status line, a refused step.
    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// Something to watch: one absence from unqualified, a pending leave.
    pub fn warn(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// A key hint, a quiet remark.
    pub fn hint(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// What the user is typing into or looking at: a search box, a name.
    pub fn accent(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// An unqualified teacher's row (不合格).
    pub fn unqualified(&self) -> Style {
        self.error().add_modifier(Modifier::BOLD)
    }

    /// A row whose figures changed since the term was published.
    pub fn changed(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// The roll's state, e.g. 【第一次点名】.
    pub fn state(&self) -> Style {
        self.warn().add_modifier(Modifier::BOLD)
    }

    /// A table's header row, a heading line.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected tab.
    pub fn tab(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// One attendance category, wherever it is shown.
    pub fn category(&self, c: Category) -> Style {
        if self.mono {
            return match c {
                Category::Absent => Style::new().add_modifier(Modifier::BOLD),
                Category::Late | Category::EarlyLeave => {
                    Style::new().add_modifier(Modifier::UNDERLINED)
                }
                Category::NotRequired | Category::Pending => {
                    Style::new().add_modifier(Modifier::DIM)
                }
                _ => Style::new(),
            };
        }
        let fg = match c {
            Category::Present => Color::Green,
            Category::Late | Category::EarlyLeave => Color::Yellow,
            Category::Absent => Color::Red,
            Category::OfficialLeave | Category::PersonalLeave | Category::SickLeave => Color::Blue,
            Category::NotRequired => Color::DarkGray,
            Category::Pending => Color::Gray,
        };
        Style::new().fg(fg)
    }

    /// A strip cell: the category's colour as a background, so that a row
    /// of cells reads as a band; mono keeps the category's attributes.
    pub fn cell(&self, c: Category) -> Style {
        if self.mono {
            return self.category(c);
        }
        match c {
            Category::NotRequired | Category::Pending => self.category(c),
            _ => {
                let bg = self.category(c).fg.unwrap_or(Color::Reset);
                Style::new().bg(bg).fg(Color::Black)
            }
        }
    }

    /// The bars of a chart.
    pub fn bar(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }

    /// The figure written on a bar.
    pub fn bar_value(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Cyan),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    /// A chart's line.
    pub fn line(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }

    /// A gauge that has reached its mark (credits earned in full).
    pub fn gauge_done(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    /// A gauge on its way.
    pub fn gauge(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins() {
        assert!(Palette::decide(true, None, true, true).mono);
        assert!(Palette::decide(true, Some(true), false, true).mono);
    }

    #[test]
    fn a_terminal_without_colour_is_mono_unless_forced() {
        assert!(Palette::decide(false, None, false, false).mono);
        assert!(!Palette::decide(false, None, true, false).mono);
        assert!(Palette::decide(false, Some(false), false, true).mono);
        assert!(!Palette::decide(false, None, false, true).mono);
    }

    /// Without colour nothing carries a colour, and the categories that
    /// matter most (absent, late/early) still stand out by attribute.
    #[test]
    fn mono_has_no_colour() {
        let p = Palette::mono();
        let all = Category::ALL;
        let mut styles: Vec<Style> = all.iter().map(|c| p.category(*c)).collect();
        styles.extend(all.iter().map(|c| p.cell(*c)));
        styles.extend([
            p.ok(),
            p.error(),
            p.warn(),
            p.hint(),
            p.accent(),
            p.unqualified(),
            p.changed(),
            p.state(),
            p.bar(),
            p.bar_value(),
            p.line(),
            p.gauge(),
            p.gauge_done(),
        ]);
        for s in styles {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        assert_ne!(p.category(Category::Absent), p.category(Category::Present));
        assert_ne!(p.category(Category::Late), p.category(Category::Present));
    }
}
