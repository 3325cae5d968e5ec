//! The roll-call screen (1 点名): a session's expected teachers and what
//! the roll knows of each; the two calls, late arrivals and early leave,
//! undo, closing. Calling mode walks those not yet seen one at a time.

use super::{Cx, Screen, View, move_cursor};
use crate::action::{Action, Mode};
use crate::calendar_form::{Form, Outcome};
use crate::i18n::{self, Lang, RollText, Ui};
use crate::widgets::{self, TextBox, list_table, selected};
use app::SessionRecord;
use app::calendar::{CalendarError, Change};
use app::charts::RollCounts;
use app::roll::{Call, RollLine, RollView};
use app::{App, AppError, RollStep, lookup};
use chrono::{NaiveDateTime, NaiveTime};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row};
use rules::{Category, LeaveStatus, RollFacts, RollState, SessionId, Teacher, TeacherId};

/// A popup of the roll screen.
#[derive(Debug, Clone)]
pub enum Popup {
    /// The time of this teacher's early leave (a late arrival is one key,
    /// at the time it is: `m` corrects its time).
    Time {
        teacher: TeacherId,
        name: String,
        text: TextBox,
    },
    /// Typing to jump to a teacher in the roll: the lines that match,
    /// best first (the missing before the others), and the one shown.
    Find {
        text: TextBox,
        hits: Vec<usize>,
        at: usize,
    },
    /// Closing the roll: the teachers who will become absent (and whether
    /// a leave of theirs is still pending), scrolled.
    ConfirmClose {
        absent: Vec<(Teacher, bool)>,
        scroll: usize,
    },
    /// Starting a call or ending the second one; the teacher to mark
    /// once the first call has started (Space before it).
    Confirm {
        step: Step,
        mark: Option<TeacherId>,
        /// What happens next, as the question says it.
        question: RollText,
        /// The step the app says the roll moves to.
        to: RollState,
    },
    /// Correcting the teacher under the cursor.
    Correct(Box<Correction>),
    /// A calendar form: edit, move or cancel the session, reopen its roll,
    /// excuse an early leave, or start the roll early (issue 14).
    Calendar(Box<Form>),
    /// Where to write the session's sign-in sheet or record (issue 28).
    Sheet(super::roll_paper::SheetBox),
}

/// A step of the roll that asks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    FirstCall,
    SecondCall,
    EndSecondCall,
}

/// The correction of one teacher: what they were, a time for late or
/// early, and the reason a closed roll needs.
#[derive(Debug, Clone)]
pub struct Correction {
    pub teacher: TeacherId,
    pub name: String,
    /// Present, late, left early, cleared.
    pub choice: usize,
    pub time: TextBox,
    pub reason: TextBox,
    /// The reason box has the keys.
    pub on_reason: bool,
    pub closed: bool,
    /// What they have now: kept where the choice leaves it (a remark).
    pub facts: RollFacts,
}

impl Correction {
    /// The facts the choice gives, or the time that is not one.
    fn facts(&self) -> Result<RollFacts, String> {
        let time = || parse_time(self.time.value()).ok_or_else(|| self.time.value().to_string());
        let keep = RollFacts {
            remark: self.facts.remark.clone(),
            ..RollFacts::default()
        };
        let attended = RollFacts {
            first_call: self.facts.first_call || !self.facts.second_call,
            second_call: self.facts.second_call,
            ..keep.clone()
        };
        Ok(match self.choice {
            0 => attended,
            1 => RollFacts {
                arrived: Some(time()?),
                ..keep
            },
            2 => {
                let mut f = if self.facts.attended() {
                    RollFacts {
                        left_early: None,
                        early_excused: None,
                        ..self.facts.clone()
                    }
                } else {
                    attended
                };
                f.left_early = Some(time()?);
                f
            }
            _ => keep,
        })
    }
}

#[derive(Default)]
pub struct RollScreen {
    pub sessions: Vec<SessionRecord>,
    pub index: usize,
    pub view: Option<RollView>,
    pub cursor: usize,
    /// Calling mode walks the missing one at a time.
    pub calling: bool,
    /// After the second call the list shows only the missing (those who
    /// may still arrive late); this shows everyone again.
    pub all: bool,
    pub popup: Option<Popup>,
    /// Chosen on first load: today's session, or the next to come.
    picked: bool,
    /// The teacher the last mark was about: the reload after it reads
    /// their line only.
    touched: Option<TeacherId>,
}

impl RollScreen {
    /// Reads the sessions and the roll of the one shown.
    fn load_all(&mut self, app: &App, now: NaiveDateTime) -> Result<(), AppError> {
        // Cancelled sessions are not listed (issue 14); the one shown stays
        // shown where a move gives it another place in the list.
        let shown = self.sessions.get(self.index).map(|r| r.session.id);
        self.sessions = app.roll_sessions()?;
        if let Some(i) = shown.and_then(|id| self.sessions.iter().position(|r| r.session.id == id))
        {
            self.index = i;
        }
        let first = !self.picked;
        if first {
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
        if first {
            self.resume(app)?;
        }
        Ok(())
    }

    /// Opened on a roll whose call is under way (the app was quit or the
    /// terminal lost mid-call): calling mode goes on after the last
    /// teacher marked in that call, as it was.
    fn resume(&mut self, app: &App) -> Result<(), AppError> {
        let Some(v) = &self.view else { return Ok(()) };
        let action = match v.record.state {
            RollState::FirstCall => "roll.first_call",
            RollState::SecondCall => "roll.second_call",
            _ => return Ok(()),
        };
        let last = app
            .history(None, Some(v.record.session.id))?
            .into_iter()
            .rev()
            .find(|e| e.action == action)
            .and_then(|e| e.teacher);
        let after = last
            .and_then(|t| v.lines.iter().position(|l| l.teacher.id == t))
            .map_or(0, |i| i + 1);
        let pending = |i: &usize| v.lines[*i].outcome.category == Category::Pending;
        // After the last one marked, else the first not yet seen.
        if let Some(i) = (after..v.lines.len())
            .find(pending)
            .or_else(|| (0..v.lines.len()).find(pending))
        {
            self.calling = true;
            self.cursor = i;
        }
        Ok(())
    }

    /// The next reload reads the whole roll (another process wrote too).
    pub fn forget_touched(&mut self) {
        self.touched = None;
    }

    /// After a mark that left the roll's step as it was: reads the marked
    /// teacher's line and the session's record only (the other lines'
    /// outcomes depend on nothing the mark changed). False when the whole
    /// roll must be read: no mark, or the step moved.
    fn reread_touched(&mut self, app: &App) -> Result<bool, AppError> {
        let Some(t) = self.touched.take() else {
            return Ok(false);
        };
        let Some(v) = self.view.as_mut() else {
            return Ok(false);
        };
        let Some(at) = v.lines.iter().position(|l| l.teacher.id == t) else {
            return Ok(false);
        };
        let (record, line) = app.roll_line(v.record.session.id, &t)?;
        let Some(line) = line.filter(|_| record.state == v.record.state) else {
            return Ok(false);
        };
        v.lines[at] = line;
        if let Some(s) = self
            .sessions
            .iter_mut()
            .find(|s| s.session.id == record.session.id)
        {
            *s = record.clone();
        }
        v.record = record;
        Ok(true)
    }

    /// The teacher under the cursor.
    pub fn line(&self) -> Option<&RollLine> {
        self.view.as_ref()?.lines.get(self.cursor)
    }

    /// The list is the short one of the missing: after the second call,
    /// until the roll closes, unless everyone was asked for.
    pub fn missing_only(&self) -> bool {
        !self.all
            && self
                .view
                .as_ref()
                .is_some_and(|v| v.record.state == RollState::AfterSecondCall)
    }

    /// The lines the list shows, by their place in the roll.
    pub fn rows(&self) -> Vec<usize> {
        let Some(v) = &self.view else {
            return Vec::new();
        };
        if !self.missing_only() {
            return (0..v.lines.len()).collect();
        }
        (0..v.lines.len())
            .filter(|&i| v.lines[i].outcome.category == Category::Pending)
            .collect()
    }

    /// Keeps the cursor on a line the list shows: the next one down,
    /// else the one above.
    fn keep_on_shown(&mut self) {
        let rows = self.rows();
        if rows.is_empty() || rows.contains(&self.cursor) {
            return;
        }
        self.cursor = rows
            .iter()
            .copied()
            .find(|&i| i > self.cursor)
            .or_else(|| rows.last().copied())
            .unwrap_or(0);
    }

    /// The lines `query` finds, best first: how well it matches, then the
    /// missing before those already seen, then the roll's order.
    fn hits(&self, query: &str) -> Vec<usize> {
        let Some(v) = &self.view else {
            return Vec::new();
        };
        let q = lookup::Query::new(query);
        let mut hits: Vec<(lookup::Match, bool, usize)> = v
            .lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let m = q.rank(&l.teacher.id.0, &l.teacher.name)?;
                Some((m, l.outcome.category != Category::Pending, i))
            })
            .collect();
        hits.sort();
        hits.into_iter().map(|(_, _, i)| i).collect()
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
                cx.say(i18n::ui(cx.lang, Ui::CallingDone));
                // The walk of the second call is over: end it? (asks)
                if let Some((_, RollState::SecondCall)) = self.session() {
                    self.ask(Step::EndSecondCall, None, cx);
                }
            }
        }
    }

    fn missing(&self) -> usize {
        self.view.as_ref().map_or(0, |v| v.missing().len())
    }

    /// The session's date when it is not `today`.
    fn not_today(&self, today: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        let d = self.view.as_ref()?.record.session.date;
        (d != today).then_some(d)
    }

    /// Opens the correction of the teacher under the cursor.
    fn open_correction(&mut self, now: NaiveDateTime) {
        let closed = self
            .session()
            .is_some_and(|(_, s)| matches!(s, RollState::Closed | RollState::Cancelled));
        let Some(line) = self.line() else { return };
        let f = &line.facts;
        let (choice, at) = match (f.arrived, f.left_early, f.attended()) {
            (_, Some(t), _) => (2, t),
            (Some(t), None, _) => (1, t),
            (None, None, true) => (0, now.time()),
            (None, None, false) => (3, now.time()),
        };
        self.popup = Some(Popup::Correct(Box::new(Correction {
            teacher: line.teacher.id.clone(),
            name: line.teacher.name.clone(),
            choice,
            time: TextBox::selected(at.format("%H:%M").to_string()),
            reason: TextBox::default(),
            on_reason: false,
            closed,
            facts: f.clone(),
        })));
    }

    /// Saves a correction: a fix while the roll is open (undone by u), a
    /// correction with its reason once it is closed.
    fn correct(&mut self, c: Correction, cx: &mut Cx) {
        let Some((id, _)) = self.session() else {
            return;
        };
        let facts = match c.facts() {
            Ok(f) => f,
            Err(value) => {
                cx.fail(AppError::Invalid {
                    field: app::FieldName::Time,
                    value,
                    why: app::Why::NotATime,
                });
                self.popup = Some(Popup::Correct(Box::new(c)));
                return;
            }
        };
        let r = if c.closed || !c.reason.value().trim().is_empty() {
            cx.app
                .correct_facts(id, &c.teacher, facts, c.reason.value().trim(), cx.now)
        } else {
            cx.app.fix_facts(id, &c.teacher, facts, cx.now)
        };
        match r {
            Ok(()) => {
                let name = c.name.clone();
                cx.done(Ok(i18n::roll_text(cx.lang, &RollText::Corrected { name })));
            }
            Err(e) => {
                cx.fail(e);
                self.popup = Some(Popup::Correct(Box::new(c)));
            }
        }
    }

    /// The question before a step: what happens next, and the session's
    /// date when it is not today. Asked only of a step the app says may
    /// be taken now; else its refusal is said at once.
    fn ask(&mut self, step: Step, mark: Option<TeacherId>, cx: &mut Cx) {
        let Some((id, _)) = self.session() else {
            return;
        };
        let next = match step {
            Step::FirstCall => RollStep::AnswerFirstCall,
            Step::SecondCall => RollStep::AnswerSecondCall,
            Step::EndSecondCall => RollStep::EndSecondCall,
        };
        let to = match cx.app.roll_next(id, next) {
            Ok(to) => to,
            Err(e) => return cx.fail(e),
        };
        let date = self.not_today(cx.now.date());
        let missing = self.missing();
        let question = match step {
            Step::FirstCall => RollText::ConfirmFirst {
                date,
                mark: cx.keys.name(cx.lang, super::Tab::Roll, Action::Mark),
                undo: cx.keys.name(cx.lang, super::Tab::Roll, Action::Undo),
            },
            Step::SecondCall => RollText::ConfirmSecond { missing, date },
            Step::EndSecondCall => RollText::ConfirmEndSecond {
                missing,
                undo: cx.keys.name(cx.lang, super::Tab::Roll, Action::Undo),
            },
        };
        self.popup = Some(Popup::Confirm {
            step,
            mark,
            question,
            to,
        });
    }

    /// Takes a step the user confirmed: one command, one transaction (a
    /// mark that starts the call starts it with the mark). `to` is where
    /// the app said the step takes the roll.
    fn take(&mut self, step: Step, mark: Option<TeacherId>, to: RollState, cx: &mut Cx) {
        let Some((id, _)) = self.session() else {
            return;
        };
        let r = match step {
            Step::FirstCall | Step::SecondCall => {
                let call = if step == Step::FirstCall {
                    Call::First
                } else {
                    Call::Second
                };
                let r = match &mark {
                    Some(t) => cx.app.answer(id, call, std::slice::from_ref(t), cx.now),
                    None => cx.app.start_call(id, call, cx.now),
                };
                match r {
                    Err(AppError::Calendar(CalendarError::RollTooEarly { opens, .. })) => {
                        self.too_early(id, opens, mark, cx);
                        return;
                    }
                    Err(e) => Err(e),
                    Ok(()) => {
                        self.calling = true;
                        self.cursor = 0;
                        Ok(())
                    }
                }
            }
            Step::EndSecondCall => {
                self.calling = false;
                // The list becomes the short one of the missing.
                self.all = false;
                cx.app.end_second_call(id, cx.now)
            }
        };
        let lang = cx.lang;
        cx.done(r.map(|_| i18n::roll_state(lang, to).to_string()));
    }

    /// A roll started before it opens: the office is asked for a reason
    /// (the start then goes through with it); anyone else is told when the
    /// roll may start.
    fn too_early(
        &mut self,
        id: SessionId,
        opens: NaiveDateTime,
        mark: Option<TeacherId>,
        cx: &mut Cx,
    ) {
        if cx.app.may_start_early(id).is_ok() {
            self.popup = Some(Popup::Calendar(Box::new(Form::early_start(
                id, opens, mark,
            ))));
        } else {
            cx.fail_text(i18n::form_text(
                cx.lang,
                &i18n::FormText::RollOpensAt { session: id, opens },
            ));
        }
    }

    /// Opens a calendar form on the session shown, when the app layer says
    /// the user may make the change.
    fn open_form(&mut self, action: Action, cx: &mut Cx) -> Result<(), AppError> {
        let Some(view) = &self.view else {
            return Ok(());
        };
        let rec = &view.record;
        let s = &rec.session;
        let form = match action {
            Action::EditSession => {
                cx.app.may_change(Change::EditSession)?;
                Form::edit_session(s)
            }
            Action::MoveSession => {
                cx.app.may_change(Change::MoveSession)?;
                Form::move_session(s)
            }
            Action::CancelSession => {
                cx.app.may_change(Change::CancelSession)?;
                Form::cancel_session(s)
            }
            Action::ReopenRoll => {
                cx.app.may_change(Change::ReopenRoll)?;
                if rec.state != RollState::Closed {
                    return Err(CalendarError::NotClosed(s.id).into());
                }
                Form::reopen(s.id)
            }
            Action::ExcuseEarlyLeave => {
                cx.app.may_excuse_early_leave(s.id)?;
                let Some(line) = self.line() else {
                    return Ok(());
                };
                let at = line.facts.left_early.unwrap_or(cx.now.time());
                Form::excuse(s.id, &line.teacher, at)
            }
            _ => return Ok(()),
        };
        self.popup = Some(Popup::Calendar(Box::new(form)));
        Ok(())
    }

    fn open_time(&mut self, now: NaiveDateTime) {
        if let Some(line) = self.line() {
            self.popup = Some(Popup::Time {
                teacher: line.teacher.id.clone(),
                name: line.teacher.name.clone(),
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
        // A mark key on someone already marked opens nothing (a form
        // would take the next keys of the call): it says how to correct.
        if line.facts.attended() && !matches!(state, RollState::Closed | RollState::Cancelled) {
            let key = cx.keys.name(cx.lang, super::Tab::Roll, Action::Correct);
            cx.fail_text(i18n::roll_text(
                cx.lang,
                &RollText::AlreadyMarked { name, key },
            ));
            return Ok(None);
        }
        let call = match state {
            RollState::NotStarted => {
                self.ask(Step::FirstCall, Some(t), cx);
                return Ok(None);
            }
            RollState::FirstCall => Call::First,
            RollState::SecondCall => Call::Second,
            RollState::AfterSecondCall => {
                // A late arrival is one key: arrived now (m corrects the
                // time where they came in earlier).
                let at = cx.now.time();
                let at = NaiveTime::from_hms_opt(
                    chrono::Timelike::hour(&at),
                    chrono::Timelike::minute(&at),
                    0,
                )
                .unwrap_or(at);
                cx.app.arrive(id, &t, at, cx.now)?;
                self.touched = Some(t);
                let key = cx.keys.name(cx.lang, super::Tab::Roll, Action::Correct);
                return Ok(Some(i18n::roll_text(
                    cx.lang,
                    &RollText::MarkedLate {
                        name,
                        at: at.format("%H:%M").to_string(),
                        key,
                    },
                )));
            }
            RollState::Closed | RollState::Cancelled => {
                cx.fail_text(i18n::roll_text(
                    cx.lang,
                    &RollText::Closed {
                        key: cx.keys.name(cx.lang, super::Tab::Roll, Action::Correct),
                        undo: cx.keys.name(cx.lang, super::Tab::Roll, Action::Undo),
                    },
                ));
                return Ok(None);
            }
        };
        cx.app.answer(id, call, std::slice::from_ref(&t), cx.now)?;
        self.touched = Some(t);
        Ok(Some(format!(
            "{} {}",
            i18n::shown(&name),
            i18n::ui(cx.lang, Ui::Marked)
        )))
    }

    fn popup_action(&mut self, popup: Popup, action: Action, cx: &mut Cx) {
        match popup {
            Popup::Time {
                teacher,
                name,
                mut text,
            } => match action {
                Action::Cancel => {}
                Action::ClearInput => {
                    text.clear();
                    self.popup = Some(Popup::Time {
                        teacher,
                        name,
                        text,
                    });
                }
                Action::Submit => {
                    let Some((id, _)) = self.session() else {
                        return;
                    };
                    match parse_time(text.value()) {
                        Some(at) => {
                            let r = cx.app.leave_early(id, &teacher, at, cx.now);
                            let lang = cx.lang;
                            cx.done(
                                r.map(|_| format!("{teacher} {}", i18n::ui(lang, Ui::LeftEarly))),
                            );
                        }
                        None => {
                            cx.fail(AppError::Invalid {
                                field: app::FieldName::Time,
                                value: text.value().to_string(),
                                why: app::Why::NotATime,
                            });
                            self.popup = Some(Popup::Time {
                                teacher,
                                name,
                                text,
                            });
                        }
                    }
                }
                _ => {
                    self.popup = Some(Popup::Time {
                        teacher,
                        name,
                        text,
                    })
                }
            },
            Popup::Sheet(b) => self.popup = b.act(action, self.view.as_ref(), cx).map(Popup::Sheet),
            Popup::Find {
                mut text,
                hits,
                mut at,
            } => match action {
                Action::Cancel => {}
                Action::Submit => {
                    // A teacher the short list does not show: show everyone.
                    if !self.rows().contains(&self.cursor) {
                        self.all = true;
                    }
                }
                Action::ClearInput => {
                    text.clear();
                    self.popup = Some(Popup::Find {
                        text,
                        hits: Vec::new(),
                        at: 0,
                    });
                }
                // The next match, and the one before.
                Action::Down | Action::NextField | Action::Up | Action::PrevField => {
                    if !hits.is_empty() {
                        let n = hits.len();
                        at = if matches!(action, Action::Down | Action::NextField) {
                            (at + 1) % n
                        } else {
                            (at + n - 1) % n
                        };
                        self.cursor = hits[at];
                    }
                    self.popup = Some(Popup::Find { text, hits, at });
                }
                _ => self.popup = Some(Popup::Find { text, hits, at }),
            },
            Popup::Confirm {
                step,
                mark,
                question,
                to,
            } => match action {
                Action::Yes => self.take(step, mark, to, cx),
                Action::No | Action::Cancel => {}
                _ => {
                    self.popup = Some(Popup::Confirm {
                        step,
                        mark,
                        question,
                        to,
                    })
                }
            },
            Popup::Correct(mut c) => {
                match action {
                    Action::Cancel => return,
                    Action::Submit => return self.correct(*c, cx),
                    Action::Up => c.choice = c.choice.saturating_sub(1),
                    Action::Down => c.choice = (c.choice + 1).min(3),
                    Action::NextField | Action::PrevField => c.on_reason = !c.on_reason,
                    Action::ClearInput if c.on_reason => c.reason.clear(),
                    Action::ClearInput => c.time.clear(),
                    _ => {}
                }
                self.popup = Some(Popup::Correct(c));
            }
            Popup::Calendar(form) => {
                let early = matches!(form.kind, crate::calendar_form::Kind::EarlyStart { .. });
                match form.handle(action, cx) {
                    Outcome::Open(f) => self.popup = Some(Popup::Calendar(f)),
                    Outcome::Closed => {}
                    Outcome::Done if early => {
                        self.calling = true;
                        self.cursor = 0;
                    }
                    Outcome::Done => {}
                }
            }
            Popup::ConfirmClose { absent, mut scroll } => match action {
                Action::Yes => {
                    if let Some((id, _)) = self.session() {
                        let r = cx.app.close_roll(id, cx.now);
                        let lang = cx.lang;
                        cx.done(r.map(|_| i18n::ui(lang, Ui::Closed).to_string()));
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
            Some(Popup::Time { .. } | Popup::Find { .. } | Popup::Correct(_) | Popup::Sheet(_)) => {
                Mode::Text
            }
            Some(Popup::ConfirmClose { .. } | Popup::Confirm { .. }) => Mode::Confirm,
            Some(Popup::Calendar(f)) => f.mode(),
            None if self.calling => Mode::Calling,
            None => Mode::Normal,
        }
    }

    fn typed(&mut self, key: &KeyEvent, _cx: &mut Cx) {
        match &mut self.popup {
            Some(Popup::Time { text, .. }) => {
                text.typed(key);
            }
            Some(Popup::Correct(c)) => {
                if c.on_reason {
                    c.reason.typed(key);
                } else {
                    c.time.typed(key);
                }
            }
            Some(Popup::Calendar(f)) => f.typed(key),
            Some(Popup::Sheet(b)) => {
                b.text.typed(key);
            }
            Some(Popup::Find { text, .. }) => {
                text.typed(key);
                // The best match (an exact name or id before names that
                // contain it; the missing first), ↓ the next.
                let query = text.value().to_string();
                let found = self.hits(&query);
                if let Some(&i) = found.first() {
                    self.cursor = i;
                }
                if let Some(Popup::Find { hits, at, .. }) = &mut self.popup {
                    *hits = found;
                    *at = 0;
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
        // The cursor moves over the lines the list shows.
        let rows = self.rows();
        let mut at = rows.iter().position(|&i| i == self.cursor).unwrap_or(0);
        if move_cursor(&mut at, rows.len(), action) {
            if let Some(&i) = rows.get(at) {
                self.cursor = i;
            }
            return;
        }
        let Some((id, state)) = self.session() else {
            return;
        };
        let now = cx.now;
        let closed = matches!(state, RollState::Closed | RollState::Cancelled);
        // After the close, a key that cannot apply says why.
        if closed
            && matches!(
                action,
                Action::FirstCall
                    | Action::SecondCall
                    | Action::EndSecondCall
                    | Action::Calling
                    | Action::EarlyLeave
                    | Action::CloseRoll
            )
            // A close is taken back by whoever closed it, until the
            // session's end (the app says who may, and until when).
            || (state == RollState::Cancelled && action == Action::Undo)
        {
            cx.fail_text(i18n::roll_text(
                cx.lang,
                &RollText::Closed {
                    key: cx.keys.name(cx.lang, super::Tab::Roll, Action::Correct),
                    undo: cx.keys.name(cx.lang, super::Tab::Roll, Action::Undo),
                },
            ));
            return;
        }
        let result: Result<Option<String>, AppError> = match action {
            Action::PrevSession | Action::NextSession => {
                self.index = if action == Action::PrevSession {
                    self.index.saturating_sub(1)
                } else {
                    (self.index + 1).min(self.sessions.len().saturating_sub(1))
                };
                self.cursor = 0;
                self.calling = false;
                self.read(cx.app, now, cx.lang).map(|_| None)
            }
            // A call already under way: walk it again, nothing asked.
            Action::FirstCall if state == RollState::FirstCall => {
                self.calling = true;
                self.cursor = 0;
                self.next_missing(0, cx);
                Ok(None)
            }
            Action::SecondCall if state == RollState::SecondCall => {
                self.calling = true;
                self.cursor = 0;
                self.next_missing(0, cx);
                Ok(None)
            }
            Action::FirstCall if state == RollState::NotStarted => {
                self.ask(Step::FirstCall, None, cx);
                Ok(None)
            }
            Action::SecondCall if state == RollState::FirstCall => {
                self.ask(Step::SecondCall, None, cx);
                Ok(None)
            }
            Action::EndSecondCall if state == RollState::SecondCall => {
                self.ask(Step::EndSecondCall, None, cx);
                Ok(None)
            }
            // Out of order: the app says why.
            Action::FirstCall => cx.app.start_call(id, Call::First, now).map(|_| None),
            Action::SecondCall => cx.app.start_call(id, Call::Second, now).map(|_| None),
            Action::EndSecondCall => cx.app.end_second_call(id, now).map(|_| None),
            Action::Correct => {
                self.open_correction(now);
                Ok(None)
            }
            Action::EditSession
            | Action::MoveSession
            | Action::CancelSession
            | Action::ReopenRoll
            | Action::ExcuseEarlyLeave => self.open_form(action, cx).map(|_| None),
            Action::Calling => {
                self.calling = !self.calling;
                let key = cx.keys.name(cx.lang, super::Tab::Roll, Action::Calling);
                let text = if self.calling {
                    RollText::CallingOn
                } else {
                    RollText::CallingOff { key }
                };
                cx.say(i18n::roll_text(cx.lang, &text));
                if self.calling {
                    let from = self.cursor;
                    self.next_missing(from, cx);
                }
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
            Action::ShowAll => {
                self.all = self.missing_only();
                self.keep_on_shown();
                Ok(None)
            }
            Action::Mark => self.mark(cx),
            Action::EarlyLeave => {
                self.open_time(now);
                Ok(None)
            }
            Action::Undo => {
                let r = cx.app.undo_step(id, now);
                if r.as_ref().is_ok_and(|u| u.step.is_some()) {
                    self.calling = false;
                }
                r.map(|u| Some(i18n::undone(cx.lang, &u)))
            }
            Action::CloseRoll => {
                // Refused before anyone is listed when the roll may not
                // close now (during the first call, say).
                if let Err(e) = cx.app.roll_next(id, RollStep::CloseRoll) {
                    cx.fail(e);
                    return;
                }
                let absent = self.view.as_ref().map_or_else(Vec::new, |v| {
                    v.missing()
                        .into_iter()
                        .map(|l| {
                            let pending = l
                                .leave
                                .as_ref()
                                .is_some_and(|x| x.status == LeaveStatus::Pending);
                            (l.teacher.clone(), pending)
                        })
                        .collect()
                });
                self.popup = Some(Popup::ConfirmClose { absent, scroll: 0 });
                Ok(None)
            }
            Action::Find => {
                self.popup = Some(Popup::Find {
                    text: TextBox::default(),
                    hits: Vec::new(),
                    at: 0,
                });
                Ok(None)
            }
            Action::SignInSheet | Action::SessionRecord => {
                let which = if action == Action::SignInSheet {
                    i18n::SessionSheet::SignIn
                } else {
                    i18n::SessionSheet::Record
                };
                if let Some(v) = &self.view {
                    self.popup = super::roll_paper::SheetBox::open(which, v, cx).map(Popup::Sheet);
                }
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
        if !self.reread_touched(app)? {
            self.load_all(app, now)?;
        }
        let n = self.view.as_ref().map_or(0, |v| v.lines.len());
        self.cursor = self.cursor.min(n.saturating_sub(1));
        self.keep_on_shown();
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

/// How many the short list of the missing holds.
fn rows_missing(s: &RollScreen) -> usize {
    s.rows().len()
}

/// What the roll knows of a teacher, with the times recorded: "late
/// 15:42", "present, left early 16:50".
pub fn attendance(l: Lang, line: &RollLine) -> String {
    app::cells::attendance(l, &line.facts, &line.outcome)
}

fn render(s: &RollScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let Some(view) = &s.view else {
        f.render_widget(Paragraph::new(i18n::ui(l, Ui::NoSessions)), area);
        return;
    };
    let session = &view.record.session;
    // The session and the roll's state, then the gauge: present / on
    // leave / late / still missing, with the counts.
    let [head, rest] = Layout::vertical([Constraint::Length(5), Constraint::Min(1)]).areas(area);
    let frame = Block::new()
        .borders(Borders::BOTTOM)
        .border_set(v.palette.rule());
    let [text_area, gauge_area] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(2)]).areas(frame.inner(head));
    let state = i18n::roll_state(l, view.record.state);
    let header = vec![
        Line::from(vec![Span::raw(format!(
            "{} {}  {}  {}-{}  {}",
            i18n::ui(l, Ui::Session),
            session.id,
            session.date,
            session.start.format("%H:%M"),
            session.end.format("%H:%M"),
            i18n::shown(&session.title)
        ))]),
        Line::from(vec![
            Span::styled(format!("【{state}】"), v.palette.state()),
            Span::styled(
                if s.missing_only() {
                    format!(
                        "  {}",
                        i18n::roll_text(
                            l,
                            &RollText::MissingOnly {
                                missing: rows_missing(s),
                                key: v.keys.name(l, super::Tab::Roll, Action::ShowAll),
                            }
                        )
                    )
                } else {
                    String::new()
                },
                v.palette.hint(),
            ),
        ]),
    ];
    f.render_widget(frame, head);
    f.render_widget(Paragraph::new(header), text_area);
    let look = crate::charts::Look {
        lang: l,
        palette: v.palette,
    };
    crate::charts::roll_gauge::render(f, gauge_area, &RollCounts::of(view), look);
    let (list_area, big) = if s.calling {
        let [a, b] = Layout::vertical([Constraint::Min(3), Constraint::Length(7)]).areas(rest);
        (a, Some(b))
    } else {
        (rest, None)
    };
    // Only the rows on screen are laid out (a county's session has 5,000
    // teachers): the window ends at the cursor once it moves past the
    // first screenful, as the table itself would scroll.
    let height = usize::from(list_area.height.saturating_sub(1)).max(1);
    let rows = s.rows();
    let pos = rows.iter().position(|&i| i == s.cursor).unwrap_or(0);
    let first = pos.saturating_sub(height - 1);
    let lines = || {
        rows.iter()
            .skip(first)
            .take(height)
            .filter_map(|&i| view.lines.get(i))
    };
    let styles: Vec<Style> = lines()
        .map(|line| match line.outcome.category {
            c @ (Category::Present | Category::Late | Category::EarlyLeave | Category::Absent) => {
                v.palette.category(c)
            }
            _ => Style::new(),
        })
        .collect();
    let cells: Vec<Vec<String>> = lines()
        .map(|line| {
            let leave = line
                .leave
                .as_ref()
                .map(|x| app::cells::roll_leave(l, x, &view.record.session, view.record.state))
                .unwrap_or_default();
            vec![
                line.teacher.id.0.clone(),
                line.teacher.name.clone(),
                line.teacher.group.clone(),
                attendance(l, line),
                leave,
            ]
        })
        .collect();
    let cells = widgets::shown_cells(cells);
    let headers = i18n::roll_headers(l);
    // The leave and the group give up room first; never a name.
    let widths = widgets::fit_within(
        &headers,
        &cells,
        list_area.width,
        &[4, 2],
        &[7, 10, 6, 12, 6],
    );
    let rows = cells
        .into_iter()
        .zip(styles)
        .map(|(c, style)| Row::new(c).style(style));
    let table = list_table(headers.to_vec(), rows, widths);
    f.render_stateful_widget(table, list_area, &mut selected(pos - first));
    if let (Some(big), Some(line)) = (big, view.lines.get(s.cursor)) {
        let spaced: String = i18n::shown(&line.teacher.name)
            .chars()
            .map(|c| format!("{c} "))
            .collect();
        let text = vec![
            Line::from(""),
            Line::from(Span::styled(
                spaced.trim_end().to_string(),
                v.palette.accent().add_modifier(Modifier::BOLD),
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
            Paragraph::new(text).block(Block::bordered().title(i18n::key_hint(
                l,
                &i18n::KeyHint::Calling {
                    mark: v.keys.name(l, super::Tab::Roll, Action::Mark),
                    next: v.keys.name(l, super::Tab::Roll, Action::NextName),
                    stop: v.keys.name(l, super::Tab::Roll, Action::StopCalling),
                },
            ))),
            big,
        );
    }
    match &s.popup {
        None => {}
        Some(Popup::Time { name, text, .. }) => widgets::popup(
            f,
            f.area(),
            &format!(
                "{} — {}",
                i18n::key_hint(
                    l,
                    &i18n::KeyHint::TimePrompt {
                        submit: v.keys.name(l, super::Tab::Roll, Action::Submit),
                    }
                ),
                i18n::shown(name)
            ),
            vec![text.line()],
            3,
        ),
        Some(Popup::Sheet(b)) => b.render(f, l, v.keys.name(l, super::Tab::Roll, Action::Submit)),
        Some(Popup::Find { text, hits, at }) => {
            let title = match hits.len() {
                0 | 1 => i18n::ui(l, Ui::SearchPrompt).to_string(),
                n => format!(
                    "{} {}",
                    i18n::ui(l, Ui::SearchPrompt),
                    i18n::roll_text(
                        l,
                        &RollText::FindNext {
                            at: at + 1,
                            of: n,
                            key: v.keys.name(l, super::Tab::Roll, Action::Down),
                        }
                    )
                ),
            };
            widgets::popup(f, f.area(), &title, vec![text.line()], 3)
        }
        Some(Popup::ConfirmClose { absent, scroll }) => {
            let body: Vec<Line> = if absent.is_empty() {
                vec![Line::from(i18n::ui(l, Ui::Nobody))]
            } else {
                absent
                    .iter()
                    .map(|(t, pending)| {
                        Line::from(format!(
                            "{} {} {}{}",
                            t.id,
                            i18n::shown(&t.name),
                            i18n::shown(&t.group),
                            if *pending {
                                format!(" {}", i18n::roll_text(l, &RollText::LeavePending))
                            } else {
                                String::new()
                            }
                        ))
                    })
                    .collect()
            };
            let title = i18n::roll_text(
                l,
                &RollText::ConfirmClose {
                    absent: absent.len(),
                },
            );
            widgets::scrolling_popup(
                f,
                f.area(),
                &title,
                body,
                Line::from(v.keys.yes_no(l, super::Tab::Roll)),
                *scroll,
            );
        }
        Some(Popup::Confirm { question, .. }) => {
            let text = i18n::roll_text(l, question);
            let lines = vec![
                Line::from(text),
                Line::from(v.keys.yes_no(l, super::Tab::Roll)),
            ];
            let area = f.area();
            let rect = widgets::centered(area, area.width.min(70), 6);
            f.render_widget(ratatui::widgets::Clear, rect);
            f.render_widget(
                Paragraph::new(lines)
                    .wrap(ratatui::widgets::Wrap { trim: true })
                    .block(Block::bordered()),
                rect,
            );
        }
        Some(Popup::Calendar(form)) => form.render(f, l, v.palette, v.keys, super::Tab::Roll),
        Some(Popup::Correct(c)) => {
            let choices = [
                RollText::CorrectPresent,
                RollText::CorrectLate,
                RollText::CorrectEarly,
                RollText::CorrectClear,
            ];
            let mut lines: Vec<Line> = choices
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let mark = if i == c.choice { "(•)" } else { "( )" };
                    let text = format!("{mark} {}", i18n::roll_text(l, t));
                    if i == c.choice {
                        Line::styled(text, v.palette.accent())
                    } else {
                        Line::from(text)
                    }
                })
                .collect();
            let focus = |on: bool| if on { "> " } else { "  " };
            let mut time = vec![Span::raw(format!(
                "{}{}: ",
                focus(!c.on_reason),
                i18n::roll_text(l, &RollText::CorrectTime)
            ))];
            time.extend(c.time.line().spans);
            lines.push(Line::from(time));
            let mut reason = vec![Span::raw(format!(
                "{}{}: ",
                focus(c.on_reason),
                i18n::roll_text(l, &RollText::CorrectReason { required: c.closed })
            ))];
            reason.extend(c.reason.line().spans);
            lines.push(Line::from(reason));
            lines.push(Line::from(i18n::roll_text(
                l,
                &RollText::CorrectHint {
                    next: v.keys.name(l, super::Tab::Roll, Action::NextField),
                    submit: v.keys.name(l, super::Tab::Roll, Action::Submit),
                    cancel: v.keys.name(l, super::Tab::Roll, Action::Cancel),
                },
            )));
            let title = i18n::roll_text(
                l,
                &RollText::CorrectTitle {
                    name: c.name.clone(),
                },
            );
            widgets::popup(f, f.area(), &title, lines, 10);
        }
    }
}
