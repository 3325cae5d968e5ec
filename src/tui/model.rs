//! The terminal app's state and its update function. `update` turns one key
//! into application commands (the same ones the CLI runs) and reloads what
//! the screens show; drawing is `view.rs`'s, from this state alone.

use super::keymap::{Action, Keymap};
use crate::app::leave::{LeaveFilter, LeaveRequest};
use crate::app::roll::{Call, RollView};
use crate::app::standings::{RecordLine, StandingRow};
use crate::app::{App, AppError, lookup};
use crate::core::{Cover, Evidence, Leave, Period, RollState, Teacher, TeacherId};
use crate::i18n::{self, Lang, U};
use crate::store::SessionRecord;
use chrono::{NaiveDateTime, NaiveTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

mod files;

pub const TABS: usize = 6;
/// The credits screen's tab.
pub const CREDITS_TAB: usize = 4;
/// The standings screen's tab.
pub const STANDINGS_TAB: usize = 2;
/// The history screen's tab.
pub const HISTORY_TAB: usize = 5;

/// What a key press or the clock tells the app.
#[derive(Debug, Clone)]
pub enum Message {
    Key(KeyEvent),
    /// Time passed with no key: check whether another process wrote.
    Tick,
}

/// A modal dialog over the current screen.
pub enum Modal {
    Help,
    /// A time for a late arrival or early leave of this teacher.
    Time {
        teacher: TeacherId,
        early: bool,
        input: Input,
    },
    /// Typing to jump to a teacher in the roll.
    Find(Input),
    /// Confirm closing the roll; the names that will become absent.
    ConfirmClose(Vec<Teacher>),
    /// A comment, then a confirmation, for a leave decision.
    Decide {
        leave: Leave,
        approve: bool,
        input: Input,
        confirming: bool,
    },
    /// The new-request form: fields and the focused one.
    Form {
        fields: Vec<Input>,
        focus: usize,
    },
    /// The history screen's teacher (or session) filter being typed.
    HistoryFilter {
        session: bool,
        input: Input,
    },
    /// The file to export the standings as shown to.
    Export(Input),
    /// The file to import a roster or this term's plan from.
    Import(Input),
    /// Confirm publishing the term's standings.
    ConfirmPublish(crate::core::TermId),
    /// A note, then a confirmation, to mark an official leave's content made
    /// up (or take the mark back).
    MakeUp {
        line: crate::app::assessment::MakeUpLine,
        undo: bool,
        input: Input,
        confirming: bool,
    },
    /// An office record (note characters, archive, degree, mentor pair,
    /// funds) being edited, then confirmed.
    Office(Box<super::archive::OfficeEdit>),
    /// A comment, then a confirmation, to pass a credit entry or send it back.
    Review {
        credit: crate::core::ExternalCredit,
        pass: bool,
        input: Input,
        confirming: bool,
    },
}

pub struct RollScreen {
    pub sessions: Vec<SessionRecord>,
    pub index: usize,
    pub view: Option<RollView>,
    pub cursor: usize,
    /// Calling mode walks the missing one at a time.
    pub calling: bool,
}

pub struct LeaveScreen {
    pub filter: LeaveFilter,
    pub list: Vec<Leave>,
    pub cursor: usize,
}

pub struct StandingsScreen {
    pub year: bool,
    pub rows: Vec<StandingRow>,
    pub sort: usize,
    pub reverse: bool,
    pub groups: Vec<String>,
    /// Index into `groups`, or None for all.
    pub group: Option<usize>,
    pub cursor: usize,
    /// The period shown, once loaded.
    pub period: Option<Period>,
    /// The rows are out of date: reloaded when the screen is next shown.
    pub stale: bool,
    /// The shown term's latest publication: when, by whom, which number.
    pub published: Option<(NaiveDateTime, String, u32)>,
}

pub struct TeacherScreen {
    pub query: Input,
    pub typing: bool,
    pub matches: Vec<Teacher>,
    pub cursor: usize,
    pub record: Option<(Teacher, Vec<RecordLine>, Vec<Leave>)>,
    /// Every session on the record, counted by the scoring module.
    pub record_tally: crate::core::Tally,
    /// The teacher's academic-year standing, with the assessment figures.
    pub year: Option<StandingRow>,
}

pub struct Model {
    pub app: App,
    pub lang: Lang,
    pub keys: Keymap,
    pub clock: Box<dyn Fn() -> NaiveDateTime>,
    pub tab: usize,
    pub modal: Option<Modal>,
    /// The last confirmation or error, and whether it is an error.
    pub status: Option<(String, bool)>,
    pub generation: u64,
    pub quit: bool,
    /// Reached through the SSH gate: no files on the server; the import
    /// and export keys say how to do it with ssh.
    pub gate: bool,
    pub roll: RollScreen,
    pub leave: LeaveScreen,
    pub standings: StandingsScreen,
    pub teacher: TeacherScreen,
    pub history: super::history::HistoryScreen,
    pub credits: super::credits::CreditsScreen,
    /// The credits screen is out of date: reloaded when next shown.
    pub credits_stale: bool,
}

impl Model {
    pub fn new(app: App, lang: Lang, keys: Keymap, clock: Box<dyn Fn() -> NaiveDateTime>) -> Model {
        let mut m = Model {
            app,
            lang,
            keys,
            clock,
            tab: 0,
            modal: None,
            status: None,
            generation: 0,
            quit: false,
            gate: false,
            roll: RollScreen {
                sessions: Vec::new(),
                index: 0,
                view: None,
                cursor: 0,
                calling: false,
            },
            leave: LeaveScreen {
                filter: LeaveFilter::Waiting,
                list: Vec::new(),
                cursor: 0,
            },
            standings: StandingsScreen {
                year: false,
                rows: Vec::new(),
                sort: 0,
                reverse: false,
                groups: Vec::new(),
                group: None,
                cursor: 0,
                period: None,
                stale: true,
                published: None,
            },
            teacher: TeacherScreen {
                query: Input::default(),
                typing: true,
                matches: Vec::new(),
                cursor: 0,
                record: None,
                record_tally: Default::default(),
                year: None,
            },
            history: Default::default(),
            credits: Default::default(),
            credits_stale: true,
        };
        m.pick_today_session();
        m.reload();
        m
    }

    fn now(&self) -> NaiveDateTime {
        (self.clock)()
    }

    /// Opens on today's session, or the next one to come.
    fn pick_today_session(&mut self) {
        let today = self.now().date();
        if let Ok(s) = self.app.roll_sessions() {
            self.roll.index = s
                .iter()
                .position(|r| r.session.date >= today)
                .unwrap_or(s.len().saturating_sub(1));
            self.roll.sessions = s;
        }
    }

    fn say(&mut self, text: String) {
        self.status = Some((text, false));
    }

    pub(super) fn fail(&mut self, e: AppError) {
        self.status = Some((i18n::error(self.lang, &e), true));
    }

    /// Reloads every screen's data from the store.
    pub fn reload(&mut self) {
        if let Err(e) = self.try_reload() {
            self.fail(e);
        }
    }

    fn try_reload(&mut self) -> Result<(), AppError> {
        let generation = self.app.generation()?;
        // Screens not shown are read again only once the data has changed.
        let changed = generation != self.generation;
        self.generation = generation;
        self.roll.sessions = self.app.roll_sessions()?;
        self.roll.index = self
            .roll
            .index
            .min(self.roll.sessions.len().saturating_sub(1));
        self.roll.view = match self.roll.sessions.get(self.roll.index) {
            Some(r) => Some(self.app.roll_view(r.session.id)?),
            None => None,
        };
        let n = self.roll.view.as_ref().map_or(0, |v| v.lines.len());
        self.roll.cursor = self.roll.cursor.min(n.saturating_sub(1));
        // Lapsed requests show as expired, among the decided (issue 14).
        self.leave.list = self.app.leaves_at(self.leave.filter, self.now())?;
        self.leave.cursor = self
            .leave
            .cursor
            .min(self.leave.list.len().saturating_sub(1));
        // A county's standings take a while: read only while shown.
        if self.tab == STANDINGS_TAB {
            self.reload_standings()?;
        } else if changed {
            self.standings.stale = true;
        }
        self.refresh_teacher()?;
        if self.tab == CREDITS_TAB {
            self.reload_credits()?;
        } else if changed {
            self.credits_stale = true;
        }
        // The history is read only while its screen is shown.
        if self.tab == HISTORY_TAB {
            self.history.load(&self.app)?;
        }
        Ok(())
    }

    /// Reloads the standings screen alone (a change of period needs no more).
    fn reload_standings(&mut self) -> Result<(), AppError> {
        self.standings.stale = false;
        let now = self.now();
        let period = if self.standings.year {
            Period::Year(self.app.current_year(now.date())?)
        } else {
            match self.app.current_term(now.date())? {
                Some(t) => Period::Term(t),
                None => Period::Year(self.app.current_year(now.date())?),
            }
        };
        let rows = self.app.standings(period, now.date())?;
        self.standings.published = match period {
            Period::Term(t) => self.app.last_published(t)?,
            Period::Year(_) => None,
        };
        self.standings.period = Some(period);
        let mut groups: Vec<String> = rows.iter().map(|r| r.teacher.group.clone()).collect();
        groups.sort();
        groups.dedup();
        self.standings.groups = groups;
        self.standings.rows = rows;
        self.sort_standings();
        Ok(())
    }

    fn refresh_teacher(&mut self) -> Result<(), AppError> {
        let q = self.teacher.query.value().to_string();
        self.teacher.matches = if q.trim().is_empty() {
            Vec::new()
        } else {
            self.app.lookup(&q)?
        };
        self.teacher.cursor = self
            .teacher
            .cursor
            .min(self.teacher.matches.len().saturating_sub(1));
        self.teacher.record = match self.teacher.matches.get(self.teacher.cursor) {
            Some(t) => Some(self.app.record(&t.id)?),
            None => None,
        };
        let mut tally = crate::core::Tally::default();
        if let Some((_, lines, _)) = &self.teacher.record {
            let policy = self.app.policy()?;
            for x in lines {
                tally.add(&policy, x.outcome, x.session.credits);
            }
        }
        self.teacher.record_tally = tally;
        self.teacher.year = match self.teacher.matches.get(self.teacher.cursor) {
            Some(t) => {
                let today = self.now().date();
                let year = Period::Year(self.app.current_year(today)?);
                self.app
                    .standings_of(std::slice::from_ref(t), year, today)?
                    .pop()
            }
            None => None,
        };
        Ok(())
    }

    /// Standings rows as shown: filtered by group, sorted.
    pub fn visible_standings(&self) -> Vec<&StandingRow> {
        let group = self
            .standings
            .group
            .and_then(|g| self.standings.groups.get(g));
        self.standings
            .rows
            .iter()
            .filter(|r| group.is_none_or(|g| r.teacher.group == *g))
            .collect()
    }

    fn sort_standings(&mut self) {
        let col = self.standings.sort;
        let key = |r: &StandingRow| -> (i64, String) {
            let t = &r.standing.tally;
            let f = r.standing.figures.as_ref();
            let n = match col {
                3 => t.present as i64,
                4 => t.late as i64,
                5 => t.early_leave as i64,
                6 => t.absent as i64,
                7 => t.official_leave as i64,
                8 => t.personal_leave as i64,
                9 => t.sick_leave as i64,
                10 => r.standing.credits().0 as i64,
                11 => t.points as i64,
                14 => f.map_or(0, |f| f.makeups_open as i64),
                15 => r.standing.qualified as i64,
                16 => r.standing.warning as i64,
                _ => 0,
            };
            let s = match col {
                1 => r.teacher.name.clone(),
                2 => r.teacher.group.clone(),
                _ => r.teacher.id.0.clone(),
            };
            (n, s)
        };
        // Each row's key once, not once per comparison: 5,000 rows.
        self.standings.rows.sort_by_cached_key(key);
        if self.standings.reverse {
            self.standings.rows.reverse();
        }
    }

    /// The teacher under the roll cursor.
    fn roll_teacher(&self) -> Option<&crate::app::roll::RollLine> {
        self.roll.view.as_ref()?.lines.get(self.roll.cursor)
    }

    /// In calling mode: the next not-yet-seen teacher from the cursor on.
    fn next_missing(&mut self, from: usize) {
        let Some(v) = &self.roll.view else { return };
        let found = (from..v.lines.len())
            .find(|&i| v.lines[i].outcome.category == crate::core::Category::Pending);
        let (id, state) = (v.record.session.id, v.record.state);
        match found {
            Some(i) => self.roll.cursor = i,
            None => {
                self.roll.calling = false;
                // The walk of the second call is over: later arrivals are late.
                if state == RollState::SecondCall {
                    let now = self.now();
                    if let Err(e) = self.app.end_second_call(id, now) {
                        self.fail(e);
                        return;
                    }
                    self.reload();
                }
                self.say(i18n::ui(self.lang, U::CallingDone).into());
            }
        }
    }

    pub fn update(&mut self, msg: Message) {
        match msg {
            Message::Tick => {
                let g = self.app.generation();
                if let Ok(g) = g
                    && g != self.generation
                {
                    self.reload();
                }
            }
            Message::Key(key) => self.key(key),
        }
    }

    fn key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        if self.modal.is_some() {
            self.modal_key(key);
            return;
        }
        if self.tab == 3 && self.teacher.typing {
            self.teacher_typing(key);
            return;
        }
        let k = &self.keys;
        let tab = self.tab;
        if k.is(Action::Quit, &key) {
            self.quit = true;
        } else if k.is(Action::Help, &key) {
            self.modal = Some(Modal::Help);
        } else if let KeyCode::Char(c @ '1'..='6') = key.code {
            self.tab = c as usize - '1' as usize;
        } else if key.code == KeyCode::Tab {
            self.tab = (self.tab + 1) % TABS;
        } else if key.code == KeyCode::BackTab {
            self.tab = (self.tab + TABS - 1) % TABS;
        } else {
            match self.tab {
                0 => self.roll_key(key),
                1 => self.leave_key(key),
                2 => self.standings_key(key),
                3 => self.teacher_key(key),
                CREDITS_TAB => self.credits_key(key),
                _ => self.history_key(key),
            }
        }
        if self.tab == HISTORY_TAB && tab != HISTORY_TAB {
            self.reload();
        }
        if self.tab == STANDINGS_TAB
            && self.standings.stale
            && let Err(e) = self.reload_standings()
        {
            self.fail(e);
        }
        if self.tab == CREDITS_TAB && self.credits_stale {
            self.credits_stale = false;
            if let Err(e) = self.reload_credits() {
                self.fail(e);
            }
        }
    }

    pub(super) fn move_cursor(
        cursor: &mut usize,
        len: usize,
        keys: &Keymap,
        key: &KeyEvent,
    ) -> bool {
        if keys.is(Action::Up, key) {
            *cursor = cursor.saturating_sub(1);
            true
        } else if keys.is(Action::Down, key) {
            *cursor = (*cursor + 1).min(len.saturating_sub(1));
            true
        } else if key.code == KeyCode::PageDown {
            *cursor = (*cursor + 20).min(len.saturating_sub(1));
            true
        } else if key.code == KeyCode::PageUp {
            *cursor = cursor.saturating_sub(20);
            true
        } else {
            false
        }
    }

    fn roll_key(&mut self, key: KeyEvent) {
        let len = self.roll.view.as_ref().map_or(0, |v| v.lines.len());
        if Self::move_cursor(&mut self.roll.cursor, len, &self.keys, &key) {
            return;
        }
        let now = self.now();
        let Some(view) = &self.roll.view else {
            return;
        };
        let id = view.record.session.id;
        let state = view.record.state;
        let k = &self.keys;
        let result: Result<Option<String>, AppError> = if k.is(Action::PrevSession, &key) {
            self.roll.index = self.roll.index.saturating_sub(1);
            self.roll.cursor = 0;
            self.roll.calling = false;
            Ok(None)
        } else if k.is(Action::NextSession, &key) {
            self.roll.index = (self.roll.index + 1).min(self.roll.sessions.len().saturating_sub(1));
            self.roll.cursor = 0;
            self.roll.calling = false;
            Ok(None)
        } else if k.is(Action::FirstCall, &key) {
            self.app.start_call(id, Call::First, now).map(|_| {
                self.roll.calling = true;
                self.roll.cursor = 0;
                None
            })
        } else if k.is(Action::SecondCall, &key) {
            self.app.start_call(id, Call::Second, now).map(|_| {
                self.roll.calling = true;
                self.roll.cursor = 0;
                None
            })
        } else if k.is(Action::EndSecondCall, &key) {
            self.app.end_second_call(id, now).map(|_| None)
        } else if k.is(Action::Calling, &key) {
            self.roll.calling = !self.roll.calling;
            Ok(None)
        } else if self.roll.calling && (k.is(Action::NextName, &key) || key.code == KeyCode::Right)
        {
            let from = self.roll.cursor + 1;
            self.next_missing(from);
            return;
        } else if self.roll.calling && key.code == KeyCode::Esc {
            self.roll.calling = false;
            Ok(None)
        } else if k.is(Action::Mark, &key) || key.code == KeyCode::Enter {
            self.mark(id, state, now)
        } else if k.is(Action::EarlyLeave, &key) {
            if let Some(line) = self.roll_teacher() {
                self.modal = Some(Modal::Time {
                    teacher: line.teacher.id.clone(),
                    early: true,
                    input: Input::new(now.format("%H:%M").to_string()),
                });
            }
            Ok(None)
        } else if k.is(Action::Undo, &key) {
            self.app
                .undo_mark(id, now)
                .map(|t| Some(format!("{} {t}", i18n::text(self.lang, i18n::T::Undone))))
        } else if k.is(Action::CloseRoll, &key) {
            let names = view
                .missing()
                .into_iter()
                .map(|l| l.teacher.clone())
                .collect();
            self.modal = Some(Modal::ConfirmClose(names));
            Ok(None)
        } else if k.is(Action::Find, &key) {
            self.modal = Some(Modal::Find(Input::default()));
            Ok(None)
        } else {
            Ok(None)
        };
        self.after(result);
        // In calling mode the cursor always rests on someone not yet seen.
        let on_missing =
            self.roll_teacher().map(|l| l.outcome.category) == Some(crate::core::Category::Pending);
        if self.roll.calling && !on_missing {
            let from = self.roll.cursor;
            self.next_missing(from);
        }
    }

    /// Marks the teacher under the cursor according to the roll's step.
    fn mark(
        &mut self,
        id: crate::core::SessionId,
        state: RollState,
        now: NaiveDateTime,
    ) -> Result<Option<String>, AppError> {
        let Some(line) = self.roll_teacher() else {
            return Ok(None);
        };
        let t = line.teacher.id.clone();
        let name = line.teacher.name.clone();
        match state {
            RollState::NotStarted | RollState::FirstCall => {
                self.app
                    .answer(id, Call::First, std::slice::from_ref(&t), now)?;
            }
            RollState::SecondCall => {
                self.app
                    .answer(id, Call::Second, std::slice::from_ref(&t), now)?;
            }
            RollState::AfterSecondCall => {
                // A late arrival: the time is editable before it is saved.
                self.modal = Some(Modal::Time {
                    teacher: t,
                    early: false,
                    input: Input::new(now.format("%H:%M").to_string()),
                });
                return Ok(None);
            }
            RollState::Closed | RollState::Cancelled => {
                return Err(AppError::RollOrder {
                    session: id,
                    state,
                    step: "record a late arrival",
                });
            }
        }
        if self.roll.calling {
            self.reload();
            let from = self.roll.cursor + 1;
            self.next_missing(from);
        }
        Ok(Some(format!("{name} {}", i18n::ui(self.lang, U::Marked))))
    }

    /// Shows the outcome of a command and reloads what it changed.
    fn after(&mut self, result: Result<Option<String>, AppError>) {
        match result {
            Ok(msg) => {
                self.reload();
                if let Some(m) = msg {
                    self.say(m);
                }
            }
            Err(e) => self.fail(e),
        }
    }

    fn leave_key(&mut self, key: KeyEvent) {
        if Self::move_cursor(
            &mut self.leave.cursor,
            self.leave.list.len(),
            &self.keys,
            &key,
        ) {
            return;
        }
        let k = &self.keys;
        let selected = self.leave.list.get(self.leave.cursor).cloned();
        if k.is(Action::Filter, &key) {
            self.leave.filter = match self.leave.filter {
                LeaveFilter::Waiting => LeaveFilter::All,
                LeaveFilter::All => LeaveFilter::Decided,
                _ => LeaveFilter::Waiting,
            };
            self.leave.cursor = 0;
            self.reload();
        } else if k.is(Action::Approve, &key) || k.is(Action::Reject, &key) {
            if let Some(leave) = selected {
                self.modal = Some(Modal::Decide {
                    leave,
                    approve: k.is(Action::Approve, &key),
                    input: Input::default(),
                    confirming: false,
                });
            }
        } else if k.is(Action::NewRequest, &key) {
            let today = self.now().date().to_string();
            let mut fields: Vec<Input> = (0..8).map(|_| Input::default()).collect();
            fields[1] = Input::new("personal".into());
            fields[2] = Input::new(today);
            fields[5] = Input::new("n".into());
            fields[6] = Input::new("n".into());
            fields[7] = Input::new("n".into());
            self.modal = Some(Modal::Form { fields, focus: 0 });
        }
    }

    fn standings_key(&mut self, key: KeyEvent) {
        let len = self.visible_standings().len();
        if Self::move_cursor(&mut self.standings.cursor, len, &self.keys, &key) {
            return;
        }
        let k = &self.keys;
        if k.is(Action::TogglePeriod, &key) {
            self.standings.year = !self.standings.year;
            if let Err(e) = self.reload_standings() {
                self.fail(e);
            }
        } else if k.is(Action::SortNext, &key) {
            let shown = super::view::STANDINGS_SHOWN;
            let at = shown
                .iter()
                .position(|c| *c == self.standings.sort)
                .unwrap_or(0);
            self.standings.sort = shown[(at + 1) % shown.len()];
            self.sort_standings();
        } else if k.is(Action::Reverse, &key) {
            self.standings.reverse = !self.standings.reverse;
            self.sort_standings();
        } else if k.is(Action::Group, &key) {
            let n = self.standings.groups.len();
            self.standings.group = match self.standings.group {
                None if n > 0 => Some(0),
                Some(g) if g + 1 < n => Some(g + 1),
                _ => None,
            };
            self.standings.cursor = 0;
        } else {
            self.files_key(key);
        }
    }

    fn teacher_key(&mut self, key: KeyEvent) {
        if Self::move_cursor(
            &mut self.teacher.cursor,
            self.teacher.matches.len(),
            &self.keys,
            &key,
        ) {
            if let Err(e) = self.refresh_teacher() {
                self.fail(e);
            }
        } else if self.keys.is(Action::Find, &key) || key.code == KeyCode::Enter {
            self.teacher.typing = true;
        } else {
            self.office_teacher_key(key);
        }
    }

    fn teacher_typing(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Down => self.teacher.typing = false,
            KeyCode::Tab => {
                self.teacher.typing = false;
                self.tab = 0;
            }
            _ => {
                if let Some(req) = input_request(&key) {
                    self.teacher.query.handle(req);
                    self.teacher.cursor = 0;
                    if let Err(e) = self.refresh_teacher() {
                        self.fail(e);
                    }
                }
            }
        }
    }

    fn modal_key(&mut self, key: KeyEvent) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        let now = self.now();
        let lang = self.lang;
        match modal {
            Modal::Help => {
                if !matches!(
                    key.code,
                    KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q')
                ) {
                    self.modal = Some(Modal::Help);
                }
            }
            Modal::Time {
                teacher,
                early,
                mut input,
            } => match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => {
                    let Some(view) = &self.roll.view else { return };
                    let id = view.record.session.id;
                    match NaiveTime::parse_from_str(input.value().trim(), "%H:%M") {
                        Ok(at) => {
                            let r = if early {
                                self.app.leave_early(id, &teacher, at, now)
                            } else {
                                self.app.arrive(id, &teacher, at, now)
                            };
                            let what = if early { U::LeftEarly } else { U::Late };
                            self.after(
                                r.map(|_| Some(format!("{teacher} {}", i18n::ui(lang, what)))),
                            );
                        }
                        Err(_) => {
                            self.fail(AppError::Invalid {
                                field: "HH:MM",
                                value: input.value().to_string(),
                                why: i18n::text(lang, i18n::T::WantTime).into(),
                            });
                            self.modal = Some(Modal::Time {
                                teacher,
                                early,
                                input,
                            });
                        }
                    }
                }
                _ => {
                    if let Some(r) = input_request(&key) {
                        input.handle(r);
                    }
                    self.modal = Some(Modal::Time {
                        teacher,
                        early,
                        input,
                    });
                }
            },
            Modal::Find(mut input) => match key.code {
                KeyCode::Esc | KeyCode::Enter => {}
                _ => {
                    if let Some(r) = input_request(&key) {
                        input.handle(r);
                    }
                    // The best match (an exact name before names that
                    // contain it), the first of equally good ones.
                    if let Some(v) = &self.roll.view
                        && let Some((i, _)) = v
                            .lines
                            .iter()
                            .enumerate()
                            .filter_map(|(i, l)| {
                                Some((i, lookup::rank(&l.teacher, input.value())?))
                            })
                            .min_by_key(|(i, m)| (*m, *i))
                    {
                        self.roll.cursor = i;
                    }
                    self.modal = Some(Modal::Find(input));
                }
            },
            Modal::ConfirmClose(names) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    if let Some(v) = &self.roll.view {
                        let id = v.record.session.id;
                        let r = self.app.close_roll(id, now);
                        self.after(r.map(|_| Some(i18n::ui(lang, U::Closed).to_string())));
                    }
                }
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self.modal = Some(Modal::ConfirmClose(names)),
            },
            Modal::Decide {
                leave,
                approve,
                mut input,
                confirming,
            } => match comment_step(&mut input, confirming, &key) {
                CommentStep::Cancel => {}
                CommentStep::Stay(confirming) => {
                    self.modal = Some(Modal::Decide {
                        leave,
                        approve,
                        input,
                        confirming,
                    })
                }
                CommentStep::Confirm => {
                    let comment = input.value().to_string();
                    let r = if approve {
                        self.app.approve_leave(leave.id, &comment, now)
                    } else {
                        self.app.reject_leave(leave.id, &comment, now)
                    };
                    let what = if approve { U::Approved } else { U::Rejected };
                    self.after(r.map(|_| Some(format!("{} {}", leave.id, i18n::ui(lang, what)))));
                }
            },
            Modal::Review {
                credit,
                pass,
                input,
                confirming,
            } => self.review_key(credit, pass, input, confirming, key),
            Modal::MakeUp {
                line,
                undo,
                input,
                confirming,
            } => self.makeup_key(line, undo, input, confirming, key),
            Modal::Office(e) => self.office_key(*e, key),
            Modal::Form {
                mut fields,
                mut focus,
            } => match key.code {
                KeyCode::Esc => {}
                KeyCode::Tab | KeyCode::Down => {
                    focus = (focus + 1) % fields.len();
                    self.modal = Some(Modal::Form { fields, focus });
                }
                KeyCode::BackTab | KeyCode::Up => {
                    focus = (focus + fields.len() - 1) % fields.len();
                    self.modal = Some(Modal::Form { fields, focus });
                }
                KeyCode::Enter => match self.submit_form(&fields, now) {
                    Ok(id) => self.after(Ok(Some(format!("{} {id}", i18n::ui(lang, U::Filed))))),
                    Err(e) => {
                        self.fail(e);
                        self.modal = Some(Modal::Form { fields, focus });
                    }
                },
                _ => {
                    if let Some(r) = input_request(&key) {
                        fields[focus].handle(r);
                    }
                    self.modal = Some(Modal::Form { fields, focus });
                }
            },
            Modal::HistoryFilter { session, mut input } => match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => {
                    if let Err(e) = self.history_filter(session, input.value()) {
                        self.fail(e);
                        self.modal = Some(Modal::HistoryFilter { session, input });
                    }
                }
                _ => {
                    if let Some(r) = input_request(&key) {
                        input.handle(r);
                    }
                    self.modal = Some(Modal::HistoryFilter { session, input });
                }
            },
            other => self.files_modal_key(other, key),
        }
    }

    fn submit_form(
        &mut self,
        f: &[Input],
        now: NaiveDateTime,
    ) -> Result<crate::core::LeaveId, AppError> {
        let v = |i: usize| f[i].value().trim().to_string();
        let yes = |i: usize| matches!(v(i).as_str(), "y" | "Y" | "yes" | "是");
        let bad = |field: &'static str, value: String, t: i18n::T| AppError::Invalid {
            field,
            value,
            why: i18n::text(self.lang, t).into(),
        };
        let teacher = self.app.resolve_teacher(&v(0))?;
        let kind = crate::app::env::parse_kind(&v(1))
            .ok_or_else(|| bad("kind", v(1), i18n::T::WantLeaveKind))?;
        let date = |i: usize| {
            chrono::NaiveDate::parse_from_str(&v(i), "%Y-%m-%d")
                .map_err(|_| bad("date", v(i), i18n::T::WantDate))
        };
        let from = date(2)?;
        let to = if v(3).is_empty() { from } else { date(3)? };
        self.app.request_leave(
            LeaveRequest {
                teacher,
                kind,
                cover: Cover::Dates { from, to },
                reason: v(4),
                evidence: Evidence {
                    leave_note: yes(5),
                    hospital_certificate: yes(6),
                },
                emergency: yes(7),
            },
            now,
        )
    }
}

/// The text-editing request of a key, for tui-input.
pub fn input_request(key: &KeyEvent) -> Option<InputRequest> {
    use InputRequest::*;
    Some(match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => InsertChar(c),
        KeyCode::Backspace => DeletePrevChar,
        KeyCode::Delete => DeleteNextChar,
        KeyCode::Left => GoToPrevChar,
        KeyCode::Right => GoToNextChar,
        KeyCode::Home => GoToStart,
        KeyCode::End => GoToEnd,
        _ => return None,
    })
}

/// What a key does in a modal that takes a comment and then asks y/n.
pub(super) enum CommentStep {
    /// Esc, or n at the question: the modal closes, nothing changes.
    Cancel,
    /// The modal stays open, asking the question when `true`.
    Stay(bool),
    /// y or Enter at the question: do it.
    Confirm,
}

/// Steps a comment-then-confirm modal: Enter moves from typing to the
/// question, y/Enter confirms, Esc/n cancels; other keys edit the comment
/// while typing and are ignored while asking.
pub(super) fn comment_step(input: &mut Input, confirming: bool, key: &KeyEvent) -> CommentStep {
    match (key.code, confirming) {
        (KeyCode::Esc, _) | (KeyCode::Char('n'), true) => CommentStep::Cancel,
        (KeyCode::Enter, false) => CommentStep::Stay(true),
        (KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter, true) => CommentStep::Confirm,
        (_, false) => {
            if let Some(r) = input_request(key) {
                input.handle(r);
            }
            CommentStep::Stay(false)
        }
        (_, true) => CommentStep::Stay(true),
    }
}
