//! The history screen: who changed what, when and why, newest first,
//! filtered by teacher and by session. The entries come from the app
//! layer's `App::history`, which already limits a teacher to entries about
//! themselves; this screen never reads the store itself.

use super::{Cx, Screen, View, move_cursor};
use crate::action::{Action, Mode};
use crate::i18n::{self, HistoryUi, KeyHint, Lang};
use crate::widgets::{self, TextBox};
use app::HistoryEntry;
use app::{App, AppError};
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Wrap};
use rules::{SessionId, TeacherId};

/// The teacher (or session) filter being typed.
pub struct FilterBox {
    pub session: bool,
    pub text: TextBox,
}

/// The screen's state: the entries as shown and the filters that chose them.
#[derive(Default)]
pub struct HistoryScreen {
    /// Newest first.
    pub entries: Vec<HistoryEntry>,
    pub teacher: Option<TeacherId>,
    pub session: Option<SessionId>,
    pub cursor: usize,
    pub popup: Option<FilterBox>,
}

impl Screen for HistoryScreen {
    fn has_popup(&self) -> bool {
        self.popup.is_some()
    }

    fn mode(&self) -> Mode {
        if self.popup.is_some() {
            Mode::Text
        } else {
            Mode::Normal
        }
    }

    fn typed(&mut self, key: &KeyEvent, _cx: &mut Cx) {
        if let Some(p) = &mut self.popup {
            p.text.typed(key);
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) {
        if let Some(mut p) = self.popup.take() {
            match action {
                Action::Cancel => {}
                Action::ClearInput => {
                    p.text.clear();
                    self.popup = Some(p);
                }
                Action::Submit => {
                    if let Err(e) = self.filter(p.session, p.text.value(), cx) {
                        cx.fail(e);
                        self.popup = Some(p);
                    }
                }
                _ => self.popup = Some(p),
            }
            return;
        }
        if move_cursor(&mut self.cursor, self.entries.len(), action) {
            return;
        }
        match action {
            Action::FilterTeacher | Action::FilterSession => {
                let session = action == Action::FilterSession;
                let now = if session {
                    self.session.map(|s| s.to_string())
                } else {
                    self.teacher.as_ref().map(|t| t.0.clone())
                };
                self.popup = Some(FilterBox {
                    session,
                    text: TextBox::new(now.unwrap_or_default()),
                });
            }
            Action::ClearFilters => {
                self.teacher = None;
                self.session = None;
                self.cursor = 0;
                if let Err(e) = self.read(cx.app, cx.now, cx.lang) {
                    cx.fail(e);
                }
            }
            _ => {}
        }
    }

    /// Reloads the entries through the app layer with the current filters.
    fn load(&mut self, app: &App, _now: NaiveDateTime, _lang: Lang) -> Result<(), AppError> {
        let mut entries = app.history(self.teacher.as_ref(), self.session)?;
        entries.reverse();
        self.entries = entries;
        self.cursor = self.cursor.min(self.entries.len().saturating_sub(1));
        Ok(())
    }

    fn render(&self, v: &View, f: &mut Frame, area: Rect) {
        draw(self, v, f, area);
        if let Some(p) = &self.popup {
            let prompt = if p.session {
                HistoryUi::SessionPrompt
            } else {
                HistoryUi::TeacherPrompt
            };
            widgets::popup(
                f,
                f.area(),
                i18n::history_ui(v.lang, prompt),
                vec![p.text.line()],
                3,
            );
        }
    }
}

impl HistoryScreen {
    /// Sets the teacher or session filter from what was typed; empty
    /// clears it. A teacher is found the way every other screen finds one.
    fn filter(&mut self, session: bool, typed: &str, cx: &mut Cx) -> Result<(), AppError> {
        let typed = typed.trim();
        if session {
            self.session = if typed.is_empty() {
                None
            } else {
                let id = typed.parse::<u32>().map_err(|_| AppError::Invalid {
                    field: app::FieldName::Session,
                    value: typed.to_string(),
                    why: app::Why::NotANumber,
                })?;
                Some(cx.app.session(SessionId(id))?.session.id)
            };
        } else {
            self.teacher = if typed.is_empty() {
                None
            } else {
                Some(cx.app.resolve_teacher(typed)?)
            };
        }
        self.cursor = 0;
        self.read(cx.app, cx.now, cx.lang)
    }
}

/// The change of one entry in one line, in words (`i18n::history_change`).
pub fn change(l: Lang, e: &HistoryEntry) -> String {
    i18n::history_change(l, e.before.as_deref(), e.after.as_deref())
}

/// The history table's columns that may give way or are capped (of when,
/// who, action, what, before→after, reason).
const ACTION: usize = 2;
const WHAT: usize = 3;
const CHANGE: usize = 4;
const REASON: usize = 5;

/// Widths for the history table `width` columns wide: each column as wide
/// as its cells (a long action, change or reason up to a cap, and what it
/// is about up to 20 columns, which holds "session 26 / T0002" or a
/// teacher's id and name; the detail lines below give each whole); while
/// too wide, the reason gives way first, then the change, then the
/// action's words, down to a few columns each. The time, who, and what the
/// entry is about are never cut further. Room left over goes to the change.
fn widths(headers: &[&str], rows: &[Vec<String>], width: u16) -> Vec<Constraint> {
    let cap = |i: usize| match i {
        ACTION => 16,
        WHAT => 20,
        CHANGE => 40,
        REASON => 30,
        _ => u16::MAX,
    };
    let natural: Vec<u16> = (0..headers.len())
        .map(|i| widgets::column_width(headers, rows, i).min(cap(i)))
        .collect();
    let wanted: Vec<String> = natural
        .iter()
        .map(|w| " ".repeat(usize::from(*w)))
        .collect();
    let min: Vec<u16> = (0..headers.len())
        .map(|i| match i {
            ACTION => 8,
            CHANGE => 10,
            REASON => 6,
            _ => natural[i],
        })
        .collect();
    let mut fitted =
        widgets::fit_within(headers, &[wanted], width, &[REASON, CHANGE, ACTION], &min);
    let total: u16 = natural.iter().sum::<u16>() + headers.len().saturating_sub(1) as u16;
    if let (Some(spare), Some(Constraint::Length(w))) =
        (width.checked_sub(total), fitted.get_mut(CHANGE))
    {
        *w += spare;
    }
    fitted
}

/// The columns a table of `widths` takes, with a column between each two.
fn drawn_width(widths: &[Constraint]) -> u16 {
    let sum: u16 = widths
        .iter()
        .map(|c| match c {
            Constraint::Length(w) | Constraint::Min(w) => *w,
            _ => 0,
        })
        .sum();
    sum + widths.len().saturating_sub(1) as u16
}

/// Draws the screen: the filters, the list, and the selected entry in full.
fn draw(h: &HistoryScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(6),
    ])
    .areas(area);
    let all = i18n::history_ui(l, HistoryUi::All);
    let teacher = h.teacher.as_ref().map_or(all.to_string(), |t| t.0.clone());
    let session = h.session.map_or(all.to_string(), |s| s.to_string());
    let scope = if v.app.actor().roles.iter().any(|r| app::STAFF.contains(r)) {
        HistoryUi::ScopeAll
    } else {
        HistoryUi::ScopeOwn
    };
    f.render_widget(
        Paragraph::new(format!(
            "{} [{teacher}]  {} [{session}]  {}  {}",
            i18n::history_ui(l, HistoryUi::Teacher),
            i18n::history_ui(l, HistoryUi::Session),
            i18n::history_ui(l, scope),
            i18n::key_hint(
                l,
                &KeyHint::HistoryHint {
                    teacher: v.keys.name(l, super::Tab::History, Action::FilterTeacher),
                    session: v.keys.name(l, super::Tab::History, Action::FilterSession),
                    clear: v.keys.name(l, super::Tab::History, Action::ClearFilters),
                }
            )
        )),
        head,
    );
    if h.entries.is_empty() {
        f.render_widget(Paragraph::new(i18n::history_ui(l, HistoryUi::Empty)), list);
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
    let mut cells = widgets::shown_cells(cells);
    // Where even the least widths do not fit (60 to 79 columns), the
    // reason and then the change are left out whole, never cut: the lines
    // below give the entry under the cursor in full.
    let mut n = headers.len();
    let mut constraints = widths(&headers[..n], &cells, list.width);
    while n > CHANGE && drawn_width(&constraints) > list.width {
        n -= 1;
        for c in &mut cells {
            c.truncate(n);
        }
        constraints = widths(&headers[..n], &cells, list.width);
    }
    let rows = cells.into_iter().map(Row::new);
    let table = widgets::list_table(headers[..n].to_vec(), rows, constraints);
    let mut state = widgets::selected(h.cursor - start);
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
                i18n::history_ui(l, HistoryUi::Before),
                i18n::history_record(l, e.before.as_deref())
            )),
            Line::from(format!(
                "{}: {}",
                i18n::history_ui(l, HistoryUi::After),
                i18n::history_record(l, e.after.as_deref())
            )),
            Line::from(format!(
                "{}: {}",
                i18n::history_ui(l, HistoryUi::Reason),
                e.reason
                    .as_deref()
                    .map_or_else(none, |r| i18n::history_reason(l, r))
            )),
        ];
        f.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                Block::new()
                    .borders(Borders::TOP)
                    .border_set(v.palette.rule()),
            ),
            detail,
        );
    }
}
