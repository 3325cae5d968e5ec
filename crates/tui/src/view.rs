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

pub fn view(m: &Model, f: &mut Frame) {
    let area = f.area();
    let l = m.lang;
    if area.width < MIN_W || area.height < MIN_H {
        let text = format!(
            "{}\n{}",
            i18n::ui(l, Ui::TooSmall),
            i18n::too_small(l, area.width, area.height, MIN_W, MIN_H)
        );
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let [top, head, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let actor = &m.app.actor();
    let file = m.app.path().display().to_string();
    let header = i18n::header(
        l,
        &actor.name,
        &actor.roles,
        m.school.as_deref(),
        &file,
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
    let v = View {
        lang: l,
        keys: &m.keys,
        app: &m.app,
        sessions: &m.screens.roll.sessions,
        palette: m.palette,
    };
    m.screens.get(m.tab).render(&v, f, body);
    let (text, style) = match m.status() {
        Some(s) if s.error => (s.text.clone(), m.palette.error()),
        Some(s) => (s.text.clone(), m.palette.ok()),
        None => (i18n::ui(l, Ui::HelpHint).to_string(), m.palette.hint()),
    };
    f.render_widget(
        Paragraph::new(i18n::shown(&text).into_owned()).style(style),
        status,
    );
    if let Some(h) = &m.help {
        let lines: Vec<Line> = m
            .help_lines(h.mode)
            .into_iter()
            .map(|(keys, a)| Line::from(format!("{keys:>14}  {}", a.help(l))))
            .collect();
        let last = Line::from(format!("— {} · {} —", m.tab.title(l), h.mode.name(l)));
        widgets::scrolling_popup(f, area, i18n::ui(l, Ui::HelpTitle), lines, last, h.scroll);
    }
    guard(f);
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
