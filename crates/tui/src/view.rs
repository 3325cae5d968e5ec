//! Drawing: a pure function of the model. No I/O, no store calls. The tab
//! bar, the screen shown (which draws itself and its popups), the status
//! line of that screen, and the help overlay generated from the key map.

use super::model::Model;
use super::screens::{Tab, View};
use super::widgets;
use crate::i18n::{self, Ui};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs, Wrap};

/// The smallest terminal the screens fit in.
pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 15;
/// The smallest terminal of the phone-sized layout (a phone's SSH client
/// in portrait is about 50×20): the leave queue and the teacher screen.
pub const PHONE_W: u16 = 40;
pub const PHONE_H: u16 = 20;
/// Below this width the screens the phone layout has (the leave queue,
/// the teacher screen) are drawn in it even where the full layout fits
/// the others: their full tables and lists need 80 columns to be whole.
pub const COMPACT_BELOW: u16 = 80;

/// Which layout a terminal of `w`×`h` gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Full,
    /// The phone-sized layout: only the screens of `Tab::compact` drawn.
    Phone,
    TooSmall,
}

pub fn size_of(w: u16, h: u16) -> Size {
    if w >= MIN_W && h >= MIN_H {
        Size::Full
    } else if w >= PHONE_W && h >= PHONE_H {
        Size::Phone
    } else {
        Size::TooSmall
    }
}

pub fn view(m: &Model, f: &mut Frame) {
    let area = f.area();
    let l = m.lang;
    let size = size_of(area.width, area.height);
    m.too_small.set(size == Size::TooSmall);
    m.phone.set(size == Size::Phone);
    match size {
        Size::Full if m.tab.compact() && area.width < COMPACT_BELOW => return phone(m, f, true),
        Size::Full => {}
        Size::Phone => return phone(m, f, false),
        Size::TooSmall => {
            let text = format!(
                "{}\n{}",
                i18n::ui(l, Ui::TooSmall),
                i18n::too_small(l, area.width, area.height, MIN_W, MIN_H, (PHONE_W, PHONE_H))
            );
            f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
            return;
        }
    }
    let [top, head, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_rows(m, area, 1)),
    ])
    .areas(area);
    let actor = &m.app.actor();
    let file = m.app.path().display().to_string();
    let office = actor.roles.contains(&rules::Role::Office);
    let header = i18n::header(
        l,
        &actor.name,
        &actor.roles,
        m.school.as_deref(),
        office.then_some(file.as_str()),
        m.demo,
    );
    let header_style = if m.demo {
        m.palette.warn()
    } else {
        m.palette.hint()
    };
    f.render_widget(Paragraph::new(header).style(header_style), head);
    let titles: Vec<&str> = Tab::ALL.iter().map(|t| t.title(l)).collect();
    f.render_widget(
        Tabs::new(titles)
            .select(m.tab.index())
            .highlight_style(m.palette.tab()),
        top,
    );
    m.screens.get(m.tab).render(&view_of(m), f, body);
    f.render_widget(status_line(m, status.width), status);
    overlays(m, f, area);
    guard(f);
}

/// What a screen draws from: the model's language, keys, app and colours.
fn view_of(m: &Model) -> View<'_> {
    View {
        lang: m.lang,
        keys: &m.keys,
        app: &m.app,
        sessions: &m.screens.roll.sessions,
        palette: m.palette,
    }
}

/// The phone-sized layout: the tabs it draws (every tab, when the full
/// layout draws the others: `all_tabs`), who is signed in, the screen in
/// its compact form (or which screens this size has), and a status line
/// of two rows or more, wrapped: a message is never cut.
fn phone(m: &Model, f: &mut Frame, all_tabs: bool) {
    let area = f.area();
    let l = m.lang;
    let [top, head, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_rows(m, area, 2)),
    ])
    .areas(area);
    let listed = |t: &&Tab| all_tabs || t.compact();
    let shown: Vec<&str> = Tab::ALL.iter().filter(listed).map(|t| t.title(l)).collect();
    let selected = Tab::ALL.iter().filter(listed).position(|t| *t == m.tab);
    f.render_widget(
        Tabs::new(shown.clone())
            .select(selected)
            .highlight_style(m.palette.tab()),
        top,
    );
    let actor = &m.app.actor();
    let header_style = if m.demo {
        m.palette.warn()
    } else {
        m.palette.hint()
    };
    f.render_widget(
        Paragraph::new(i18n::compact_header(l, &actor.name, &actor.roles, m.demo))
            .style(header_style),
        head,
    );
    if m.tab.compact() {
        m.screens.get(m.tab).render_phone(&view_of(m), f, body);
    } else {
        let text = i18n::compact_only(l, m.tab.title(l), &shown, MIN_W, MIN_H);
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), body);
    }
    f.render_widget(status_line(m, status.width), status);
    overlays(m, f, area);
    guard(f);
}

/// The rows of the status line: at least `least`, more for a message
/// longer than a row (a path, an upgrade's backup, an import's summary),
/// so it is read whole, up to a third of the screen.
fn status_rows(m: &Model, area: ratatui::layout::Rect, least: u16) -> u16 {
    let text = status_text(m).0;
    let rows = crate::phone::wrap(&text, usize::from(area.width)).len();
    (rows as u16).clamp(least, (area.height / 3).max(least))
}

/// The status line: the screen's last word, or how to get help and quit,
/// wrapped into rows of `w` columns.
fn status_line(m: &Model, w: u16) -> Paragraph<'static> {
    let (text, style) = status_text(m);
    let rows: Vec<Line> = crate::phone::wrap(&text, usize::from(w))
        .into_iter()
        .map(Line::from)
        .collect();
    Paragraph::new(rows).style(style)
}

/// The status line's text, shown through the sanitising function, and
/// its style.
fn status_text(m: &Model) -> (String, ratatui::style::Style) {
    let l = m.lang;
    let (text, style) = match m.status() {
        Some(s) if s.error => (s.text.clone(), m.palette.error()),
        Some(s) => (s.text.clone(), m.palette.ok()),
        None => (
            i18n::key_hint(
                l,
                &i18n::KeyHint::HelpQuit {
                    help: m.keys.name(l, m.tab, crate::action::Action::Help),
                    quit: m.keys.name(l, m.tab, crate::action::Action::Quit),
                },
            ),
            m.palette.hint(),
        ),
    };
    (i18n::shown(&text).into_owned(), style)
}

/// The help overlay and the question before quitting, over any screen.
fn overlays(m: &Model, f: &mut Frame, area: ratatui::layout::Rect) {
    let l = m.lang;
    let narrow = area.width < MIN_W;
    if let Some(h) = &m.help {
        let lines: Vec<Line> = m
            .help_lines(h.mode)
            .into_iter()
            .map(|(keys, a)| match narrow {
                // A phone: the key, then what it does, no column.
                true => Line::from(format!("{keys}  {}", a.help(l))),
                false => Line::from(format!("{keys:>14}  {}", a.help(l))),
            })
            .collect();
        let last = Line::from(format!("— {} · {} —", m.tab.title(l), h.mode.name(l)));
        let title = i18n::key_hint(
            l,
            &i18n::KeyHint::HelpTitle {
                close: m.keys.name(l, m.tab, crate::action::Action::Cancel),
            },
        );
        widgets::scrolling_popup(f, area, &title, lines, last, h.scroll);
    }
    if m.quitting {
        use crate::i18n::RollText;
        let lines = vec![
            Line::from(i18n::roll_text(l, &RollText::ConfirmQuit)),
            Line::from(m.keys.yes_no(l, m.tab)),
        ];
        let rect = widgets::centered(area, area.width.min(70), 6);
        f.render_widget(ratatui::widgets::Clear, rect);
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .block(ratatui::widgets::Block::bordered()),
            rect,
        );
    }
}

/// The last line of defence: a bidirectional or invisible character that
/// reached a cell by a path not shown through `i18n::shown` is dropped
/// before the frame goes to the terminal (ratatui drops control ones).
fn guard(f: &mut Frame) {
    for cell in f.buffer_mut().content.iter_mut() {
        if cell.symbol().chars().any(i18n::is_unsafe_char) {
            let kept: String = cell
                .symbol()
                .chars()
                .filter(|c| !i18n::is_unsafe_char(*c))
                .collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}
