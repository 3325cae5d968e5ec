//! The small forms of the school's calendar (issue 14) in the terminal
//! app: edit, move or cancel a session, reopen a roll, excuse an early
//! leave, start a roll early (the roll screen); record a departure and edit
//! a teacher (the teacher screen). A form is a few labelled boxes; Enter
//! checks what was typed and asks a one-key question that says what will
//! happen; y calls the same app-layer function as the command line. A
//! refusal is shown on the status line and the form stays as it was typed.

use super::action::{Action, Mode};
use super::keymap::Keymap;
use super::screens::{Cx, Tab};
use super::widgets::{self, TextBox};
use crate::i18n::{self, FormField as F, FormText, Lang};
use crate::palette::Palette;
use app::calendar::{SessionEdit, TeacherEdit};
use app::roll::Call;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use rules::{Credits, Session, SessionId, Teacher, TeacherId};

/// What a form is for, with what it needs that is not typed.
#[derive(Debug, Clone)]
pub enum Kind {
    EditSession(SessionId),
    MoveSession(SessionId),
    CancelSession {
        session: SessionId,
        title: String,
    },
    Reopen(SessionId),
    Excuse {
        session: SessionId,
        teacher: TeacherId,
        name: String,
    },
    /// The office starts a roll before it opens, with a reason; `mark` is
    /// the teacher whose Space asked for it.
    EarlyStart {
        session: SessionId,
        opens: NaiveDateTime,
        mark: Option<TeacherId>,
    },
    Depart {
        teacher: TeacherId,
        name: String,
    },
    EditTeacher {
        teacher: TeacherId,
        name: String,
    },
}

/// What the form will do once confirmed: what was typed, read.
#[derive(Debug, Clone)]
enum Intent {
    EditSession(SessionId, SessionEdit),
    Move {
        session: SessionId,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        reason: String,
    },
    Cancel {
        session: SessionId,
        title: String,
        reason: String,
    },
    Reopen(SessionId, String),
    Excuse {
        session: SessionId,
        teacher: TeacherId,
        name: String,
        at: NaiveTime,
        reason: String,
    },
    EarlyStart {
        session: SessionId,
        mark: Option<TeacherId>,
        reason: String,
    },
    Depart {
        teacher: TeacherId,
        name: String,
        on: NaiveDate,
        reason: String,
    },
    EditTeacher {
        teacher: TeacherId,
        name: String,
        edit: TeacherEdit,
    },
}

/// A calendar form: its boxes, the one with the keys, and, once Enter
/// read them, what it asks to do.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: Kind,
    pub fields: Vec<(F, TextBox)>,
    pub focus: usize,
    asking: Option<Intent>,
}

/// What a key did to a form.
pub enum Outcome {
    /// Still open (typing, asking, or refused and kept).
    Open(Box<Form>),
    /// Closed without a change.
    Closed,
    /// Done: the app made the change.
    Done,
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

impl Form {
    fn new(kind: Kind, fields: Vec<(F, String)>) -> Form {
        Form {
            kind,
            fields: fields
                .into_iter()
                // A value already there is selected: typing replaces it.
                .map(|(f, v)| {
                    let b = if v.is_empty() {
                        TextBox::default()
                    } else {
                        TextBox::selected(v)
                    };
                    (f, b)
                })
                .collect(),
            focus: 0,
            asking: None,
        }
    }

    pub fn edit_session(s: &Session) -> Form {
        Form::new(
            Kind::EditSession(s.id),
            vec![
                (F::Title, s.title.clone()),
                (F::Start, hm(s.start)),
                (F::End, hm(s.end)),
                (F::Credits, s.credits.to_string()),
                (F::Presenter, s.presenter.clone().unwrap_or_default()),
            ],
        )
    }

    pub fn move_session(s: &Session) -> Form {
        Form::new(
            Kind::MoveSession(s.id),
            vec![
                (F::Date, s.date.to_string()),
                (F::Start, hm(s.start)),
                (F::End, hm(s.end)),
                (F::Reason, String::new()),
            ],
        )
    }

    pub fn cancel_session(s: &Session) -> Form {
        Form::new(
            Kind::CancelSession {
                session: s.id,
                title: s.title.clone(),
            },
            vec![(F::Reason, String::new())],
        )
    }

    pub fn reopen(session: SessionId) -> Form {
        Form::new(Kind::Reopen(session), vec![(F::Reason, String::new())])
    }

    pub fn excuse(session: SessionId, t: &Teacher, at: NaiveTime) -> Form {
        Form::new(
            Kind::Excuse {
                session,
                teacher: t.id.clone(),
                name: t.name.clone(),
            },
            vec![(F::At, hm(at)), (F::Reason, String::new())],
        )
    }

    pub fn early_start(session: SessionId, opens: NaiveDateTime, mark: Option<TeacherId>) -> Form {
        Form::new(
            Kind::EarlyStart {
                session,
                opens,
                mark,
            },
            vec![(F::Reason, String::new())],
        )
    }

    pub fn depart(t: &Teacher, today: NaiveDate) -> Form {
        Form::new(
            Kind::Depart {
                teacher: t.id.clone(),
                name: t.name.clone(),
            },
            vec![(F::Date, today.to_string()), (F::Reason, String::new())],
        )
    }

    pub fn edit_teacher(t: &Teacher) -> Form {
        Form::new(
            Kind::EditTeacher {
                teacher: t.id.clone(),
                name: t.name.clone(),
            },
            vec![
                (F::Name, t.name.clone()),
                (F::Group, t.group.clone()),
                (F::Grade, t.grade.clone().unwrap_or_default()),
                (
                    F::Joined,
                    t.active_from.map(|d| d.to_string()).unwrap_or_default(),
                ),
                // Blank: at the school (a departure recorded by mistake
                // is withdrawn by clearing it).
                (
                    F::Left,
                    t.active_to.map(|d| d.to_string()).unwrap_or_default(),
                ),
            ],
        )
    }

    /// The form is asking its question.
    pub fn asking(&self) -> bool {
        self.asking.is_some()
    }

    pub fn mode(&self) -> Mode {
        if self.asking() {
            Mode::Confirm
        } else {
            Mode::Text
        }
    }

    /// A key typed into the box with the keys.
    pub fn typed(&mut self, key: &KeyEvent) {
        if self.asking() {
            return;
        }
        if let Some((_, b)) = self.fields.get_mut(self.focus) {
            b.typed(key);
        }
    }

    fn value(&self, f: F) -> &str {
        self.fields
            .iter()
            .find(|(x, _)| *x == f)
            .map_or("", |(_, b)| b.value().trim())
    }

    fn time(&self, f: F) -> Result<NaiveTime, FormText> {
        let v = self.value(f);
        crate::screens::roll::parse_time(v).ok_or_else(|| FormText::NotATime(f, v.into()))
    }

    fn date(&self, f: F) -> Result<NaiveDate, FormText> {
        let v = self.value(f);
        NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| FormText::NotADate(f, v.into()))
    }

    fn needed(&self, f: F) -> Result<String, FormText> {
        let v = self.value(f);
        if v.is_empty() {
            Err(FormText::Needed(f))
        } else {
            Ok(v.to_string())
        }
    }

    /// What was typed, read into what the form will do.
    fn read(&self) -> Result<Intent, FormText> {
        Ok(match &self.kind {
            Kind::EditSession(id) => {
                let credits = self.value(F::Credits);
                let presenter = self.value(F::Presenter);
                Intent::EditSession(
                    *id,
                    SessionEdit {
                        title: Some(self.needed(F::Title)?),
                        start: Some(self.time(F::Start)?),
                        end: Some(self.time(F::End)?),
                        credits: Some(
                            Credits::parse(credits)
                                .ok_or_else(|| FormText::NotCredits(credits.into()))?,
                        ),
                        presenter: Some(presenter.to_string()),
                        ..SessionEdit::default()
                    },
                )
            }
            Kind::MoveSession(id) => Intent::Move {
                session: *id,
                date: self.date(F::Date)?,
                start: self.time(F::Start)?,
                end: self.time(F::End)?,
                reason: self.needed(F::Reason)?,
            },
            Kind::CancelSession { session, title } => Intent::Cancel {
                session: *session,
                title: title.clone(),
                reason: self.needed(F::Reason)?,
            },
            Kind::Reopen(id) => Intent::Reopen(*id, self.needed(F::Reason)?),
            Kind::Excuse {
                session,
                teacher,
                name,
            } => Intent::Excuse {
                session: *session,
                teacher: teacher.clone(),
                name: name.clone(),
                at: self.time(F::At)?,
                reason: self.needed(F::Reason)?,
            },
            Kind::EarlyStart { session, mark, .. } => Intent::EarlyStart {
                session: *session,
                mark: mark.clone(),
                reason: self.needed(F::Reason)?,
            },
            Kind::Depart { teacher, name } => Intent::Depart {
                teacher: teacher.clone(),
                name: name.clone(),
                on: self.date(F::Date)?,
                reason: self.value(F::Reason).to_string(),
            },
            Kind::EditTeacher { teacher, name } => {
                let joined = match self.value(F::Joined) {
                    "" => None,
                    _ => Some(self.date(F::Joined)?),
                };
                let left = match self.value(F::Left) {
                    "" => None,
                    _ => Some(self.date(F::Left)?),
                };
                Intent::EditTeacher {
                    teacher: teacher.clone(),
                    name: name.clone(),
                    edit: TeacherEdit {
                        name: Some(self.needed(F::Name)?),
                        group: Some(self.needed(F::Group)?),
                        grade: Some(self.value(F::Grade).to_string()),
                        from: joined,
                        group_from: None,
                        to: Some(left),
                    },
                }
            }
        })
    }

    /// Acts on one key.
    pub fn handle(mut self: Box<Self>, action: Action, cx: &mut Cx) -> Outcome {
        if let Some(intent) = self.asking.take() {
            return match action {
                Action::Yes => match run(&intent, cx) {
                    Ok(msg) => {
                        cx.done(Ok(msg));
                        Outcome::Done
                    }
                    Err(e) => {
                        // Refused: said on the status line, the form kept.
                        cx.fail(e);
                        Outcome::Open(self)
                    }
                },
                Action::No | Action::Cancel => Outcome::Open(self),
                _ => {
                    self.asking = Some(intent);
                    Outcome::Open(self)
                }
            };
        }
        let n = self.fields.len().max(1);
        match action {
            Action::Cancel => return Outcome::Closed,
            Action::NextField | Action::Down => self.focus = (self.focus + 1) % n,
            Action::PrevField | Action::Up => self.focus = (self.focus + n - 1) % n,
            Action::ClearInput => {
                if let Some((_, b)) = self.fields.get_mut(self.focus) {
                    b.clear();
                }
            }
            Action::Submit => match self.read() {
                Ok(i) => self.asking = Some(i),
                Err(t) => cx.fail_text(i18n::form_text(cx.lang, &t)),
            },
            _ => {}
        }
        Outcome::Open(self)
    }

    /// Draws the form over the whole frame: as wide as its widest line
    /// allows (at least 70 columns), a long question wrapped, never cut.
    /// `keys` names the keys of the question's answer line, on `tab`.
    pub fn render(&self, f: &mut Frame, l: Lang, palette: Palette, keys: &Keymap, tab: Tab) {
        let (title, lines) = self.lines(l, palette, keys, tab);
        let area = f.area();
        let widest = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
        let w = area.width.min(widest.max(70));
        let inner = usize::from(w.saturating_sub(2)).max(1);
        // Each line's rows, and one more where a wrap at a word may need it.
        let rows: usize = lines
            .iter()
            .map(|x| {
                let n = x.width().max(1).div_ceil(inner);
                if n > 1 { n + 1 } else { n }
            })
            .sum();
        let h = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
        let rect = widgets::centered(area, w, h);
        f.render_widget(Clear, rect);
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(title)),
            rect,
        );
    }

    /// The popup's title and lines.
    /// `keys` names the keys the hints name, as bound on `tab`.
    pub fn lines(
        &self,
        l: Lang,
        palette: Palette,
        keys: &Keymap,
        tab: Tab,
    ) -> (String, Vec<Line<'static>>) {
        let name = |a| keys.name(l, tab, a);
        let title = match &self.kind {
            Kind::EditSession(s) => FormText::EditSessionTitle(*s),
            Kind::MoveSession(s) => FormText::MoveSessionTitle(*s),
            Kind::CancelSession { session, .. } => FormText::CancelSessionTitle(*session),
            Kind::Reopen(s) => FormText::ReopenTitle(*s),
            Kind::Excuse { name, .. } => FormText::ExcuseTitle(name.clone()),
            Kind::EarlyStart { session, opens, .. } => FormText::EarlyStartTitle {
                session: *session,
                opens: *opens,
            },
            Kind::Depart { name, .. } => FormText::DepartTitle(name.clone()),
            Kind::EditTeacher { name, .. } => FormText::EditTeacherTitle(name.clone()),
        };
        let width = self
            .fields
            .iter()
            .map(|(f, _)| unicode_width::UnicodeWidthStr::width(i18n::form_field(l, *f)))
            .max()
            .unwrap_or(0);
        let mut lines: Vec<Line<'static>> = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, (f, b))| {
                let on = i == self.focus && !self.asking();
                let label = i18n::form_field(l, *f);
                let pad = width - unicode_width::UnicodeWidthStr::width(label);
                let head = format!(
                    "{}{label}{}: ",
                    if on { "> " } else { "  " },
                    " ".repeat(pad)
                );
                let mut spans = vec![if on {
                    Span::styled(head, palette.accent())
                } else {
                    Span::raw(head)
                }];
                spans.extend(b.line().spans);
                Line::from(spans)
            })
            .collect();
        lines.push(Line::from(""));
        match &self.asking {
            Some(i) => {
                lines.push(Line::styled(
                    i18n::form_text(l, &question(i)),
                    palette.accent(),
                ));
                let yes_no = FormText::YesNo {
                    yes: name(Action::Yes),
                    no: name(Action::No),
                };
                lines.push(Line::from(i18n::form_text(l, &yes_no)));
            }
            None => {
                let hint = FormText::Hint {
                    next: name(Action::NextField),
                    submit: name(Action::Submit),
                    clear: name(Action::ClearInput),
                    cancel: name(Action::Cancel),
                };
                lines.push(Line::from(i18n::form_text(l, &hint)));
            }
        }
        (i18n::form_text(l, &title), lines)
    }
}

/// What a confirmed form will do, as its question says it.
fn question(i: &Intent) -> FormText {
    match i {
        Intent::EditSession(s, e) => FormText::AskEditSession {
            session: *s,
            title: e.title.clone().unwrap_or_default(),
            start: e.start.unwrap_or_default(),
            end: e.end.unwrap_or_default(),
            credits: e.credits.unwrap_or_default(),
            presenter: e.presenter.clone().filter(|p| !p.trim().is_empty()),
        },
        Intent::Move {
            session,
            date,
            start,
            end,
            ..
        } => FormText::AskMove {
            session: *session,
            date: *date,
            start: *start,
            end: *end,
        },
        Intent::Cancel { session, title, .. } => FormText::AskCancel {
            session: *session,
            title: title.clone(),
        },
        Intent::Reopen(s, _) => FormText::AskReopen(*s),
        Intent::Excuse { name, at, .. } => FormText::AskExcuse {
            name: name.clone(),
            at: *at,
        },
        Intent::EarlyStart { session, .. } => FormText::AskEarlyStart(*session),
        Intent::Depart { name, on, .. } => FormText::AskDepart {
            name: name.clone(),
            on: *on,
        },
        Intent::EditTeacher { edit, .. } => FormText::AskEditTeacher {
            name: edit.name.clone().unwrap_or_default(),
            group: edit.group.clone().unwrap_or_default(),
            grade: edit.grade.clone().unwrap_or_default(),
            joined: edit.from,
            left: edit.to.flatten(),
        },
    }
}

/// The form's line, then what a session's new time did to the leave asked
/// for it (`app::moved`), as the command line says it.
fn with_shift(l: Lang, done: FormText, shift: &app::moved::LeaveShift) -> String {
    i18n::with_leave_shift(l, i18n::form_text(l, &done), &shift.lost, &shift.gained)
}

/// Makes the change through the app layer, as the command line does.
fn run(i: &Intent, cx: &mut Cx) -> Result<String, app::AppError> {
    let (l, now) = (cx.lang, cx.now);
    let app = &mut *cx.app;
    let done = match i {
        Intent::EditSession(s, e) => {
            let (start, end) = (e.start, e.end);
            let change =
                |x: &rules::Session| (x.date, start.unwrap_or(x.start), end.unwrap_or(x.end));
            let shift = app.leave_shift(*s, change, now)?;
            app.edit_session(*s, e.clone(), None, now)?;
            return Ok(with_shift(l, FormText::SessionEdited(*s), &shift));
        }
        Intent::Move {
            session,
            date,
            start,
            end,
            reason,
        } => {
            let shift = app.leave_shift(*session, |_| (*date, *start, *end), now)?;
            app.move_session(*session, *date, *start, *end, reason, now)?;
            return Ok(with_shift(l, FormText::Moved(*session), &shift));
        }
        Intent::Cancel {
            session, reason, ..
        } => {
            app.cancel_session(*session, reason, now)?;
            FormText::CancelledDone(*session)
        }
        Intent::Reopen(s, reason) => {
            app.reopen_roll(*s, reason, now)?;
            FormText::Reopened(*s)
        }
        Intent::Excuse {
            session,
            teacher,
            name,
            at,
            reason,
        } => {
            app.excuse_early_leave(*session, teacher, Some(*at), reason, now)?;
            FormText::Excused(name.clone())
        }
        Intent::EarlyStart {
            session,
            mark,
            reason,
        } => {
            app.start_call_early(*session, Call::First, reason, now)?;
            if let Some(t) = mark {
                app.answer(*session, Call::First, std::slice::from_ref(t), now)?;
            }
            return Ok(i18n::roll_state(l, rules::RollState::FirstCall).to_string());
        }
        Intent::Depart {
            teacher,
            name,
            on,
            reason,
        } => {
            let reason = Some(reason.as_str()).filter(|r| !r.is_empty());
            app.teacher_leaves(teacher, *on, reason, now)?;
            FormText::Departed(name.clone())
        }
        Intent::EditTeacher {
            teacher,
            name,
            edit,
        } => {
            app.edit_teacher(teacher, edit.clone(), now)?;
            FormText::TeacherEdited(name.clone())
        }
    };
    Ok(i18n::form_text(l, &done))
}
