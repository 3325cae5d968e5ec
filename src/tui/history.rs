//! The history screen: who changed what, when and why, newest first,
//! filtered by teacher and by session. The entries come from the app
//! layer's `App::history`, which already limits a teacher to entries about
//! themselves; this screen never reads the store itself.

use super::model::Model;
use crate::core::{SessionId, TeacherId};
use crate::i18n::{self, H, Lang};
use crate::store::HistoryEntry;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Wrap};

/// The screen's state: the entries as shown and the filters that chose them.
#[derive(Default)]
pub struct HistoryScreen {
    /// Newest first.
    pub entries: Vec<HistoryEntry>,
    pub teacher: Option<TeacherId>,
    pub session: Option<SessionId>,
    pub cursor: usize,
}

impl HistoryScreen {
    /// Reloads the entries through the app layer with the current filters.
    pub fn load(&mut self, app: &crate::app::App) -> Result<(), crate::app::AppError> {
        let mut entries = app.history(self.teacher.as_ref(), self.session)?;
        entries.reverse();
        self.entries = entries;
        self.cursor = self.cursor.min(self.entries.len().saturating_sub(1));
        Ok(())
    }
}

/// The change of one entry in one line, in words (`i18n::history_change`).
pub fn change(l: Lang, e: &HistoryEntry) -> String {
    i18n::history_change(l, e.before.as_deref(), e.after.as_deref())
}

/// Fixed widths that fit the cells but never more than `max`; the
/// `flexible` column takes what is left.
fn widths(headers: &[&str], rows: &[Vec<String>], max: &[u16], flexible: usize) -> Vec<Constraint> {
    (0..headers.len())
        .map(|i| {
            if i == flexible {
                return Constraint::Min(12);
            }
            Constraint::Length(super::view::column_width(headers, rows, i).min(max[i]))
        })
        .collect()
}

/// Draws the screen: the filters, the list, and the selected entry in full.
pub fn draw(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let h = &m.history;
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(6),
    ])
    .areas(area);
    let all = i18n::history_ui(l, H::All);
    let teacher = h.teacher.as_ref().map_or(all.to_string(), |t| t.0.clone());
    let session = h.session.map_or(all.to_string(), |s| s.to_string());
    let scope = if m
        .app
        .actor
        .roles
        .iter()
        .any(|r| crate::app::STAFF.contains(r))
    {
        H::ScopeAll
    } else {
        H::ScopeOwn
    };
    f.render_widget(
        Paragraph::new(format!(
            "{} [{teacher}]  {} [{session}]  {}  {}",
            i18n::history_ui(l, H::Teacher),
            i18n::history_ui(l, H::Session),
            i18n::history_ui(l, scope),
            i18n::history_ui(l, H::Hint)
        )),
        head,
    );
    if h.entries.is_empty() {
        f.render_widget(Paragraph::new(i18n::history_ui(l, H::Empty)), list);
        return;
    }
    let headers = i18n::history_screen_headers(l);
    // Only the rows that fit are worded: a year's history has thousands.
    let fits = (list.height as usize).saturating_sub(1).max(1);
    let start = (h.cursor + 1).saturating_sub(fits);
    let end = (start + fits).min(h.entries.len());
    let cells: Vec<Vec<String>> = h.entries[start..end]
        .iter()
        .map(|e| {
            vec![
                e.at.format("%Y-%m-%d %H:%M").to_string(),
                e.who.clone(),
                i18n::history_action(l, &e.action).to_string(),
                i18n::history_target(l, &e.target),
                change(l, e),
                e.reason
                    .as_deref()
                    .map(|r| i18n::history_reason(l, r))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let cells = super::view::shown_cells(cells);
    let constraints = widths(&headers, &cells, &[16, 12, 14, 18, 0, 24], 4);
    let rows = cells.into_iter().map(Row::new);
    let table = super::view::list_table(headers.to_vec(), rows, constraints);
    let mut state = super::view::selected(h.cursor - start);
    f.render_stateful_widget(table, list, &mut state);
    if let Some(e) = h.entries.get(h.cursor) {
        let none = || "—".to_string();
        let lines = vec![
            Line::from(format!(
                "#{}  {}  {}  {}  {}",
                e.seq,
                e.at.format("%Y-%m-%d %H:%M:%S"),
                i18n::shown(&e.who),
                i18n::history_action(l, &e.action),
                i18n::history_target(l, &e.target)
            )),
            Line::from(format!(
                "{}: {}",
                i18n::history_ui(l, H::Before),
                i18n::history_record(l, e.before.as_deref())
            )),
            Line::from(format!(
                "{}: {}",
                i18n::history_ui(l, H::After),
                i18n::history_record(l, e.after.as_deref())
            )),
            Line::from(format!(
                "{}: {}",
                i18n::history_ui(l, H::Reason),
                e.reason
                    .as_deref()
                    .map_or_else(none, |r| i18n::history_reason(l, r))
            )),
        ];
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::new().borders(Borders::TOP)),
            detail,
        );
    }
}

impl Model {
    /// A key on the history screen.
    pub(super) fn history_key(&mut self, key: crossterm::event::KeyEvent) {
        use super::keymap::Action;
        use super::model::Modal;
        let len = self.history.entries.len();
        if Model::move_cursor(&mut self.history.cursor, len, &self.keys, &key) {
            return;
        }
        let k = &self.keys;
        if k.is(Action::FilterTeacher, &key) || k.is(Action::FilterSession, &key) {
            let session = k.is(Action::FilterSession, &key);
            let now = if session {
                self.history.session.map(|s| s.to_string())
            } else {
                self.history.teacher.as_ref().map(|t| t.0.clone())
            };
            self.modal = Some(Modal::HistoryFilter {
                session,
                input: tui_input::Input::new(now.unwrap_or_default()),
            });
        } else if k.is(Action::ClearFilters, &key) {
            self.history.teacher = None;
            self.history.session = None;
            self.history.cursor = 0;
            self.reload();
        }
    }

    /// Sets the teacher or session filter from what was typed; empty
    /// clears it. A teacher is found the way every other screen finds one.
    pub(super) fn history_filter(
        &mut self,
        session: bool,
        typed: &str,
    ) -> Result<(), crate::app::AppError> {
        let typed = typed.trim();
        if session {
            self.history.session = if typed.is_empty() {
                None
            } else {
                let id = typed
                    .parse::<u32>()
                    .map_err(|_| crate::app::AppError::Invalid {
                        field: "session",
                        value: typed.to_string(),
                        why: i18n::text(self.lang, i18n::T::WantNumber).into(),
                    })?;
                Some(self.app.session(SessionId(id))?.session.id)
            };
        } else {
            self.history.teacher = if typed.is_empty() {
                None
            } else {
                Some(self.app.resolve_teacher(typed)?)
            };
        }
        self.history.cursor = 0;
        self.history.load(&self.app)
    }
}
