//! The roll-call screen (1 点名): a session's expected teachers and what
//! the roll knows of each; the two calls, late arrivals and early leave,
//! undo, closing. Calling mode walks those not yet seen one at a time.

use super::{Cx, Screen, View, move_cursor};
use crate::app::roll::{Call, RollLine, RollView};
use crate::app::{App, AppError, lookup};
use crate::core::{Category, RollState, SessionId, Teacher, TeacherId};
use crate::i18n::{self, Lang, U};
use crate::store::SessionRecord;
use crate::tui::action::{Action, Mode};
use crate::tui::widgets::{self, TextBox, fit, list_table, selected};
use chrono::{NaiveDateTime, NaiveTime};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row};

/// A popup of the roll screen.
#[derive(Debug, Clone)]
pub enum Popup {
    /// A time for a late arrival or an early leave of this teacher.
    Time {
        teacher: TeacherId,
        name: String,
        early: bool,
        text: TextBox,
    },
    /// Typing to jump to a teacher in the roll.
    Find(TextBox),
    /// Closing the roll: the teachers who will become absent, scrolled.
    ConfirmClose { absent: Vec<Teacher>, scroll: usize },
}

#[derive(Default)]
pub struct RollScreen {
    pub sessions: Vec<SessionRecord>,
    pub index: usize,
    pub view: Option<RollView>,
    pub cursor: usize,
    /// Calling mode walks the missing one at a time.
    pub calling: bool,
    pub popup: Option<Popup>,
    /// Chosen on first load: today's session, or the next to come.
    picked: bool,
}

impl RollScreen {
    /// The teacher under the cursor.
    pub fn line(&self) -> Option<&RollLine> {
        self.view.as_ref()?.lines.get(self.cursor)
    }

    fn session(&self) -> Option<(SessionId, RollState)> {
        self.view
            .as_ref()
            .map(|v| (v.record.session.id, v.record.state))
    }

    /// In calling mode: the next not-yet-seen teacher from `from` on, or
    /// the end of the walk.
    fn next_missing(&mut self, from: usize, cx: &mut Cx) {
        let Some(v) = &self.view else { return };
        let found =
            (from..v.lines.len()).find(|&i| v.lines[i].outcome.category == Category::Pending);
        match found {
            Some(i) => self.cursor = i,
            None => {
                self.calling = false;
                // The walk of the second call is over: later arrivals are late.
                if let Some((id, RollState::SecondCall)) = self.session() {
                    if let Err(e) = cx.app.end_second_call(id, cx.now) {
                        cx.fail(e);
                        return;
                    }
                    cx.wrote = true;
                }
                cx.say(i18n::ui(cx.lang, U::CallingDone));
            }
        }
    }

    fn open_time(&mut self, early: bool, now: NaiveDateTime) {
        if let Some(line) = self.line() {
            self.popup = Some(Popup::Time {
                teacher: line.teacher.id.clone(),
                name: line.teacher.name.clone(),
                early,
                text: TextBox::selected(now.format("%H:%M").to_string()),
            });
        }
    }

    /// Marks the teacher under the cursor according to the roll's step.
    fn mark(&mut self, cx: &mut Cx) -> Result<Option<String>, AppError> {
        let (Some((id, state)), Some(line)) = (self.session(), self.line()) else {
            return Ok(None);
        };
        let t = line.teacher.id.clone();
        let name = line.teacher.name.clone();
        let call = match state {
            RollState::NotStarted | RollState::FirstCall => Call::First,
            RollState::SecondCall => Call::Second,
            RollState::AfterSecondCall => {
                // A late arrival: the time is editable before it is saved.
                self.open_time(false, cx.now);
                return Ok(None);
            }
            RollState::Closed | RollState::Cancelled => {
                return Err(AppError::RollOrder {
                    session: id,
                    state,
                    step: "record a late arrival",
                });
            }
        };
        cx.app.answer(id, call, std::slice::from_ref(&t), cx.now)?;
        Ok(Some(format!(
            "{} {}",
            i18n::shown(&name),
            i18n::ui(cx.lang, U::Marked)
        )))
    }

    fn popup_action(&mut self, popup: Popup, action: Action, cx: &mut Cx) {
        match popup {
            Popup::Time {
                teacher,
                name,
                early,
                mut text,
            } => match action {
                Action::Cancel => {}
                Action::ClearInput => {
                    text.clear();
                    self.popup = Some(Popup::Time {
                        teacher,
                        name,
                        early,
                        text,
                    });
                }
                Action::Submit => {
                    let Some((id, _)) = self.session() else {
                        return;
                    };
                    match parse_time(text.value()) {
                        Some(at) => {
                            let r = if early {
                                cx.app.leave_early(id, &teacher, at, cx.now)
                            } else {
                                cx.app.arrive(id, &teacher, at, cx.now)
                            };
                            let what = if early { U::LeftEarly } else { U::Late };
                            let lang = cx.lang;
                            cx.done(r.map(|_| format!("{teacher} {}", i18n::ui(lang, what))));
                        }
                        None => {
                            cx.fail(AppError::Invalid {
                                field: "HH:MM",
                                value: text.value().to_string(),
                                why: i18n::text(cx.lang, i18n::T::WantTime).into(),
                            });
                            self.popup = Some(Popup::Time {
                                teacher,
                                name,
                                early,
                                text,
                            });
                        }
                    }
                }
                _ => {
                    self.popup = Some(Popup::Time {
                        teacher,
                        name,
                        early,
                        text,
                    })
                }
            },
            Popup::Find(mut text) => match action {
                Action::Cancel | Action::Submit => {}
                Action::ClearInput => {
                    text.clear();
                    self.popup = Some(Popup::Find(text));
                }
                _ => self.popup = Some(Popup::Find(text)),
            },
            Popup::ConfirmClose { absent, mut scroll } => match action {
                Action::Yes => {
                    if let Some((id, _)) = self.session() {
                        let r = cx.app.close_roll(id, cx.now);
                        let lang = cx.lang;
                        cx.done(r.map(|_| i18n::ui(lang, U::Closed).to_string()));
                    }
                }
                Action::No | Action::Cancel => {}
                Action::Up => {
                    scroll = scroll.saturating_sub(1);
                    self.popup = Some(Popup::ConfirmClose { absent, scroll });
                }
                Action::Down => {
                    scroll = (scroll + 1).min(absent.len().saturating_sub(1));
                    self.popup = Some(Popup::ConfirmClose { absent, scroll });
                }
                Action::PageUp => {
                    scroll = scroll.saturating_sub(10);
                    self.popup = Some(Popup::ConfirmClose { absent, scroll });
                }
                Action::PageDown => {
                    scroll = (scroll + 10).min(absent.len().saturating_sub(1));
                    self.popup = Some(Popup::ConfirmClose { absent, scroll });
                }
                _ => self.popup = Some(Popup::ConfirmClose { absent, scroll }),
            },
        }
    }
}

/// A time as typed: 16:42, 1642, 16：42 (a Chinese keyboard's colon), 9:05.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s: String = s
        .trim()
        .chars()
        .map(|c| if c == '：' { ':' } else { c })
        .collect();
    if let Ok(t) = NaiveTime::parse_from_str(&s, "%H:%M") {
        return Some(t);
    }
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        return NaiveTime::parse_from_str(&format!("{}:{}", &s[..2], &s[2..]), "%H:%M").ok();
    }
    None
}

impl Screen for RollScreen {
    fn has_popup(&self) -> bool {
        self.popup.is_some()
    }

    fn mode(&self) -> Mode {
        match &self.popup {
            Some(Popup::Time { .. } | Popup::Find(_)) => Mode::Text,
            Some(Popup::ConfirmClose { .. }) => Mode::Confirm,
            None if self.calling => Mode::Calling,
            None => Mode::Normal,
        }
    }

    fn typed(&mut self, key: &KeyEvent, _cx: &mut Cx) {
        match &mut self.popup {
            Some(Popup::Time { text, .. }) => {
                text.typed(key);
            }
            Some(Popup::Find(text)) => {
                text.typed(key);
                // The best match (an exact name before names that contain
                // it), the first of equally good ones.
                if let Some(v) = &self.view
                    && let Some((i, _)) = v
                        .lines
                        .iter()
                        .enumerate()
                        .filter_map(|(i, l)| Some((i, lookup::rank(&l.teacher, text.value())?)))
                        .min_by_key(|(i, m)| (*m, *i))
                {
                    self.cursor = i;
                }
            }
            _ => {}
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) {
        if let Some(p) = self.popup.take() {
            self.popup_action(p, action, cx);
            return;
        }
        let len = self.view.as_ref().map_or(0, |v| v.lines.len());
        if move_cursor(&mut self.cursor, len, action) {
            return;
        }
        let Some((id, _)) = self.session() else {
            return;
        };
        let now = cx.now;
        let result: Result<Option<String>, AppError> = match action {
            Action::PrevSession | Action::NextSession => {
                self.index = if action == Action::PrevSession {
                    self.index.saturating_sub(1)
                } else {
                    (self.index + 1).min(self.sessions.len().saturating_sub(1))
                };
                self.cursor = 0;
                self.calling = false;
                self.load(cx.app, now, cx.lang).map(|_| None)
            }
            Action::FirstCall | Action::SecondCall => {
                let call = if action == Action::FirstCall {
                    Call::First
                } else {
                    Call::Second
                };
                let r = cx.app.start_call(id, call, now);
                if r.is_ok() {
                    cx.wrote = true;
                    self.calling = true;
                    self.cursor = 0;
                }
                r.map(|_| None)
            }
            Action::EndSecondCall => {
                let r = cx.app.end_second_call(id, now);
                cx.wrote |= r.is_ok();
                r.map(|_| None)
            }
            Action::Calling => {
                self.calling = !self.calling;
                Ok(None)
            }
            Action::NextName if self.calling => {
                let from = self.cursor + 1;
                self.next_missing(from, cx);
                return;
            }
            Action::StopCalling => {
                self.calling = false;
                Ok(None)
            }
            Action::Mark => self.mark(cx),
            Action::EarlyLeave => {
                self.open_time(true, now);
                Ok(None)
            }
            Action::Undo => cx
                .app
                .undo_mark(id, now)
                .map(|t| Some(format!("{} {t}", i18n::text(cx.lang, i18n::T::Undone)))),
            Action::CloseRoll => {
                let absent = self.view.as_ref().map_or_else(Vec::new, |v| {
                    v.missing().into_iter().map(|l| l.teacher.clone()).collect()
                });
                self.popup = Some(Popup::ConfirmClose { absent, scroll: 0 });
                Ok(None)
            }
            Action::Find => {
                self.popup = Some(Popup::Find(TextBox::default()));
                Ok(None)
            }
            _ => Ok(None),
        };
        match result {
            Ok(Some(msg)) => cx.done(Ok(msg)),
            Ok(None) => {}
            Err(e) => cx.fail(e),
        }
    }

    fn load(&mut self, app: &App, now: NaiveDateTime, _lang: Lang) -> Result<(), AppError> {
        // Cancelled sessions are not listed (issue 14).
        self.sessions = app.roll_sessions()?;
        if !self.picked {
            self.picked = true;
            let today = now.date();
            self.index = self
                .sessions
                .iter()
                .position(|r| r.session.date >= today)
                .unwrap_or(self.sessions.len().saturating_sub(1));
        }
        self.index = self.index.min(self.sessions.len().saturating_sub(1));
        self.view = match self.sessions.get(self.index) {
            Some(r) => Some(app.roll_view(r.session.id)?),
            None => None,
        };
        let n = self.view.as_ref().map_or(0, |v| v.lines.len());
        self.cursor = self.cursor.min(n.saturating_sub(1));
        // In calling mode the cursor rests on someone not yet seen.
        if self.calling && self.line().map(|l| l.outcome.category) != Some(Category::Pending) {
            let v = self.view.as_ref();
            let next = v.and_then(|v| {
                (self.cursor..v.lines.len())
                    .find(|&i| v.lines[i].outcome.category == Category::Pending)
            });
            match next {
                Some(i) => self.cursor = i,
                None => self.calling = false,
            }
        }
        Ok(())
    }

    fn render(&self, v: &View, f: &mut Frame, area: Rect) {
        render(self, v, f, area);
    }
}

fn render(s: &RollScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let Some(view) = &s.view else {
        f.render_widget(Paragraph::new(i18n::ui(l, U::NoSessions)), area);
        return;
    };
    let session = &view.record.session;
    let [head, rest] = Layout::vertical([Constraint::Length(4), Constraint::Min(1)]).areas(area);
    let state = i18n::roll_state(l, view.record.state);
    let header = vec![
        Line::from(vec![Span::raw(format!(
            "{} {}  {}  {}-{}  {}",
            i18n::ui(l, U::Session),
            session.id,
            session.date,
            session.start.format("%H:%M"),
            session.end.format("%H:%M"),
            i18n::shown(&session.title)
        ))]),
        Line::from(Span::styled(
            format!("【{state}】"),
            Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow),
        )),
        Line::from(format!(
            "{} {}   {} {}   {} {}   {} {}",
            i18n::text(l, i18n::T::Expected),
            view.expected(),
            i18n::text(l, i18n::T::Present),
            view.present(),
            i18n::text(l, i18n::T::OnLeave),
            view.on_leave(),
            i18n::text(l, i18n::T::Missing),
            view.missing().len()
        )),
    ];
    f.render_widget(
        Paragraph::new(header).block(Block::new().borders(Borders::BOTTOM)),
        head,
    );
    let (list_area, big) = if s.calling {
        let [a, b] = Layout::vertical([Constraint::Min(3), Constraint::Length(7)]).areas(rest);
        (a, Some(b))
    } else {
        (rest, None)
    };
    let styles: Vec<Style> = view
        .lines
        .iter()
        .map(|line| match line.outcome.category {
            Category::Present => Style::new().fg(Color::Green),
            Category::Late | Category::EarlyLeave => Style::new().fg(Color::Yellow),
            Category::Absent => Style::new().fg(Color::Red),
            _ => Style::new(),
        })
        .collect();
    let cells: Vec<Vec<String>> = view
        .lines
        .iter()
        .map(|line| {
            let leave = line
                .leave
                .as_ref()
                .map(|x| {
                    format!(
                        "{} {}",
                        i18n::leave_kind(l, x.kind),
                        i18n::leave_status(l, x.status)
                    )
                })
                .unwrap_or_default();
            vec![
                line.teacher.id.0.clone(),
                i18n::shown(&line.teacher.name).into_owned(),
                i18n::shown(&line.teacher.group).into_owned(),
                i18n::category(l, line.outcome.category).to_string(),
                leave,
            ]
        })
        .collect();
    let headers = i18n::roll_headers(l);
    let widths = fit(&headers, &cells, 4, &[7, 10, 10, 12, 10]);
    let rows = cells
        .into_iter()
        .zip(styles)
        .map(|(c, style)| Row::new(c).style(style));
    let table = list_table(headers.to_vec(), rows, widths);
    f.render_stateful_widget(table, list_area, &mut selected(s.cursor));
    if let (Some(big), Some(line)) = (big, view.lines.get(s.cursor)) {
        let spaced: String = i18n::shown(&line.teacher.name)
            .chars()
            .map(|c| format!("{c} "))
            .collect();
        let text = vec![
            Line::from(""),
            Line::from(Span::styled(
                spaced.trim_end().to_string(),
                Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
            ))
            .centered(),
            Line::from(format!(
                "{}  {}",
                line.teacher.id,
                i18n::shown(&line.teacher.group)
            ))
            .centered(),
        ];
        f.render_widget(
            Paragraph::new(text).block(Block::bordered().title(i18n::ui(l, U::CallingTitle))),
            big,
        );
    }
    match &s.popup {
        None => {}
        Some(Popup::Time { name, text, .. }) => widgets::popup(
            f,
            f.area(),
            &format!("{} — {}", i18n::ui(l, U::TimePrompt), i18n::shown(name)),
            vec![text.line()],
            3,
        ),
        Some(Popup::Find(text)) => widgets::popup(
            f,
            f.area(),
            i18n::ui(l, U::SearchPrompt),
            vec![text.line()],
            3,
        ),
        Some(Popup::ConfirmClose { absent, scroll }) => {
            let body: Vec<Line> = if absent.is_empty() {
                vec![Line::from(i18n::ui(l, U::Nobody))]
            } else {
                absent
                    .iter()
                    .map(|t| {
                        Line::from(format!(
                            "{} {} {}",
                            t.id,
                            i18n::shown(&t.name),
                            i18n::shown(&t.group)
                        ))
                    })
                    .collect()
            };
            widgets::scrolling_popup(
                f,
                f.area(),
                i18n::ui(l, U::ConfirmClose),
                body,
                Line::from(i18n::ui(l, U::YesNo)),
                *scroll,
            );
        }
    }
}
