//! The terminal app's state and its update function (the Elm architecture):
//! a key becomes an `Action` through the one key map, the screen shown acts
//! on it (through the app layer, as the CLI does), and what the change
//! touched is read again, once: the screen shown now, the others when they
//! are next shown. Drawing is `view.rs`'s, from this state alone.

use super::action::{Action, Mode};
use super::keymap::Keymap;
use super::screens::credits::CreditsScreen;
use super::screens::history::HistoryScreen;
use super::screens::leave::LeaveScreen;
use super::screens::roll::RollScreen;
use super::screens::standings::StandingsScreen;
use super::screens::teacher::TeacherScreen;
use super::screens::{Cx, Screen, Status, Tab};
use crate::i18n::{self, Lang};
use app::{App, AppError};
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use std::collections::HashMap;

/// What a key press or the clock tells the app.
#[derive(Debug, Clone)]
pub enum Message {
    Key(KeyEvent),
    /// Time passed with no key: check whether another process wrote.
    Tick,
}

/// The six screens.
#[derive(Default)]
pub struct Screens {
    pub roll: RollScreen,
    pub leave: LeaveScreen,
    pub standings: StandingsScreen,
    pub teacher: TeacherScreen,
    pub credits: CreditsScreen,
    pub history: HistoryScreen,
}

impl Screens {
    pub fn get(&self, tab: Tab) -> &dyn Screen {
        match tab {
            Tab::Roll => &self.roll,
            Tab::Leave => &self.leave,
            Tab::Standings => &self.standings,
            Tab::Teacher => &self.teacher,
            Tab::Credits => &self.credits,
            Tab::History => &self.history,
        }
    }

    pub fn get_mut(&mut self, tab: Tab) -> &mut dyn Screen {
        match tab {
            Tab::Roll => &mut self.roll,
            Tab::Leave => &mut self.leave,
            Tab::Standings => &mut self.standings,
            Tab::Teacher => &mut self.teacher,
            Tab::Credits => &mut self.credits,
            Tab::History => &mut self.history,
        }
    }
}

/// The help overlay: the mode whose keys it lists, and how far it scrolled.
#[derive(Debug, Clone, Copy)]
pub struct Help {
    pub mode: Mode,
    pub scroll: usize,
}

pub struct Model {
    pub app: App,
    pub lang: Lang,
    pub keys: Keymap,
    pub clock: Box<dyn Fn() -> NaiveDateTime>,
    pub tab: Tab,
    pub help: Option<Help>,
    pub screens: Screens,
    /// Each screen's last confirmation or error.
    statuses: HashMap<Tab, Status>,
    /// The screens whose data is older than the store's.
    stale: Vec<Tab>,
    pub generation: u64,
    pub quit: bool,
    /// Quitting while calling names: asked first (y quits).
    pub quitting: bool,
    /// The last frame drawn was too small for any screen: set by the
    /// view, which alone knows the size. Until a frame is drawn whole,
    /// every key but quit does nothing (nothing acts on what is not drawn).
    pub too_small: std::cell::Cell<bool>,
    /// The last frame was drawn in the phone-sized layout: on a screen it
    /// does not draw, only the tab keys, the help and quit act.
    pub phone: std::cell::Cell<bool>,
    /// The upgrade of an older file by this session's first change has
    /// been said on the status line (once).
    pub upgrade_said: bool,
    /// The demo school was opened because there was no database.
    pub demo: bool,
    /// Reached through the SSH gate: no files on the server; the import
    /// and export keys say how to do it with ssh.
    pub gate: bool,
    /// The school's name, for the header.
    pub school: Option<String>,
    /// Colours, or none (NO_COLOR, a terminal without colour).
    pub palette: crate::palette::Palette,
    /// How long after the last change the standings are counted ahead of
    /// being shown: a county's count uses both cores, and counting after
    /// every mark of a roll call took the cores from the next key. Zero
    /// counts at once (tests); the program uses `AHEAD_AFTER`.
    pub ahead_after: std::time::Duration,
    /// When the standings are next to be counted ahead, if due.
    ahead_at: Option<std::time::Instant>,
}

/// The quiet the program waits for, after a change, before it counts the
/// standings ahead of their being shown (a roll call's marks come faster).
pub const AHEAD_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

/// The longest the terminal app waits for another process's change before
/// it gives up on a key: the screen must not freeze. It then says that
/// another change is under way and that nothing was saved, and the key can
/// be pressed again (a shorter `PEIXUN_WAIT_SECONDS` wins).
pub const WAIT: std::time::Duration = std::time::Duration::from_secs(1);

impl Model {
    pub fn new(
        mut app: App,
        lang: Lang,
        keys: Keymap,
        clock: Box<dyn Fn() -> NaiveDateTime>,
    ) -> Model {
        let mut wait = app::Wait::from_env();
        wait.limit = wait.limit.min(WAIT);
        app.set_wait(wait);
        let mut m = Model {
            app,
            lang,
            keys,
            clock,
            tab: Tab::Roll,
            help: None,
            screens: Screens::default(),
            statuses: HashMap::new(),
            stale: Tab::ALL.to_vec(),
            generation: 0,
            quit: false,
            quitting: false,
            too_small: std::cell::Cell::new(false),
            phone: std::cell::Cell::new(false),
            upgrade_said: false,
            demo: false,
            gate: false,
            school: None,
            palette: crate::palette::Palette::detect(),
            ahead_after: std::time::Duration::ZERO,
            ahead_at: None,
        };
        // The roll screen is shown first: read now, with the header's
        // school and the generation, from one snapshot.
        m.changed();
        m
    }

    fn now(&self) -> NaiveDateTime {
        (self.clock)()
    }

    /// The status line of the screen shown.
    pub fn status(&self) -> Option<&Status> {
        self.statuses.get(&self.tab)
    }

    /// Sets the status line of the screen shown.
    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.statuses.insert(
            self.tab,
            Status {
                text: text.into(),
                error,
            },
        );
    }

    /// The status line of the screen shown as (text, is an error).
    pub fn status_line(&self) -> Option<(String, bool)> {
        self.status().map(|s| (s.text.clone(), s.error))
    }

    /// A popup (or the help) is open over the screen shown.
    pub fn popup_open(&self) -> bool {
        self.help.is_some() || self.screens.get(self.tab).has_popup()
    }

    /// The mode of the keys now: the help's, or the screen's.
    pub fn mode(&self) -> Mode {
        if self.quitting {
            return Mode::Confirm;
        }
        match self.help {
            Some(_) => Mode::Help,
            None => self.screens.get(self.tab).mode(),
        }
    }

    /// Reads one screen's data again, from one snapshot.
    fn load(&mut self, tab: Tab) {
        let now = self.now();
        let r = self.screens.get_mut(tab).read(&self.app, now, self.lang);
        self.stale.retain(|t| *t != tab);
        if let Err(e) = r {
            self.fail(tab, e);
        }
    }

    fn fail(&mut self, tab: Tab, e: AppError) {
        self.statuses.insert(
            tab,
            Status {
                text: i18n::error(self.lang, &e),
                error: true,
            },
        );
    }

    /// After a change (ours or another process's): every screen is out of
    /// date; the one shown is read again now, once.
    /// The generation, the header's school and the screen shown are read
    /// from one snapshot: what one key costs, and all of a piece.
    fn changed(&mut self) {
        let (tab, now, lang) = (self.tab, self.now(), self.lang);
        // Our own change alone moves the generation by one; more means
        // another process wrote too, and what it touched is not known.
        let ours_alone = self.generation + 1;
        let app = &self.app;
        let screens = &mut self.screens;
        let at_once = self.ahead_after.is_zero();
        let (generation, school, loaded, ahead) = app
            .pinned(|| -> Result<_, AppError> {
                let generation = app.generation().ok();
                if generation != Some(ours_alone) {
                    screens.roll.forget_touched();
                }
                let school = app.school().ok().flatten();
                let loaded = screens.get_mut(tab).load(app, now, lang);
                // The standings are counted ahead of being shown (in a
                // thread of their own at county scale), from this snapshot.
                let ahead = match tab {
                    Tab::Standings => Ok(()),
                    _ if !at_once => Ok(()),
                    _ => screens.standings.count(app, now.date(), true),
                };
                Ok((generation, school, loaded, ahead))
            })
            .unwrap_or_else(|e| (None, None, Err(e), Ok(())));
        if let Some(g) = generation {
            self.generation = g;
        }
        self.school = school;
        // Counted once the changes pause (`ahead_after`), not after each.
        self.ahead_at = (tab != Tab::Standings && !at_once)
            .then(|| std::time::Instant::now() + self.ahead_after);
        self.stale = Tab::ALL.into_iter().filter(|t| *t != tab).collect();
        if let Err(e) = loaded {
            self.fail(tab, e);
        }
        if let Err(e) = ahead {
            self.fail(Tab::Standings, e);
        }
    }

    /// Reads the shown screen again if it is out of date.
    fn refresh(&mut self) {
        if self.stale.contains(&self.tab) {
            self.load(self.tab);
        }
    }

    pub fn update(&mut self, msg: Message) {
        self.poll_charts();
        if let Some(at) = self.ahead_at
            && std::time::Instant::now() >= at
        {
            self.ahead_at = None;
            if self.tab != Tab::Standings
                && let Err(e) = self
                    .screens
                    .standings
                    .count(&self.app, self.now().date(), true)
            {
                self.fail(Tab::Standings, e);
            }
        }
        match msg {
            Message::Tick => {
                if let Ok(g) = self.app.generation()
                    && g != self.generation
                {
                    self.changed();
                }
            }
            Message::Key(key) => self.key(key),
        }
        // The first change to an older file upgraded it: said once, in
        // the words the command line uses.
        if !self.upgrade_said
            && let Some(u) = self.app.upgraded()
        {
            self.upgrade_said = true;
            let text = i18n::upgraded(self.lang, u);
            self.set_status(text, false);
        }
    }

    /// The upgrade of an older file this session made, in one line: the
    /// program prints it again once the terminal is restored.
    pub fn upgrade_notice(&self) -> Option<String> {
        self.app.upgraded().map(|u| i18n::upgraded(self.lang, u))
    }

    /// Takes the chart figures counted in the background, once there.
    fn poll_charts(&mut self) {
        if let Some(Err(e)) = self.screens.standings.chart.poll() {
            self.fail(Tab::Standings, e);
        }
        let today = self.now().date();
        if let Some(Err(e)) = self.screens.standings.poll(&self.app, today) {
            self.fail(Tab::Standings, e);
        }
    }

    /// Something is being counted in the background: the event loop looks
    /// again soon rather than waiting for a key.
    pub fn busy(&self) -> bool {
        self.screens.standings.chart.counting()
            || self.screens.standings.job_running()
            || self.ahead_at.is_some()
    }

    /// Everything a key does: resolved once by the key map, then acted on.
    fn key(&mut self, key: KeyEvent) {
        let mode = self.mode();
        let action = self.keys.resolve(self.tab, mode, &key);
        // Nothing acts on a screen that is not drawn: only quit.
        if self.too_small.get() {
            if action == Some(Action::Quit) {
                self.quit = true;
            }
            return;
        }
        // The phone-sized layout draws some screens only: on another one,
        // the keys that leave it (or quit) act, nothing else.
        if self.phone.get()
            && !self.tab.compact()
            && !self.quitting
            && self.help.is_none()
            && !matches!(
                action,
                Some(Action::Quit | Action::NextTab | Action::PrevTab)
            )
            && action.is_none_or(|a| Tab::of_action(a).is_none())
        {
            return;
        }
        if self.quitting {
            match action {
                Some(Action::Yes | Action::Quit) => self.quit = true,
                Some(Action::No | Action::Cancel) => self.quitting = false,
                _ => {}
            }
            return;
        }
        let ctrl = key
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL);
        match (mode, action) {
            // Calling names, a stray quit key asks first (Ctrl-C does not).
            (Mode::Calling, Some(Action::Quit)) if !ctrl => self.quitting = true,
            (_, Some(Action::Quit)) => self.quit = true,
            (Mode::Help, Some(a)) => self.help_action(a),
            (Mode::Normal | Mode::Calling, Some(Action::Help)) => {
                self.help = Some(Help { mode, scroll: 0 })
            }
            (Mode::Normal | Mode::Calling, Some(Action::NextTab)) => self.go(self.tab.next()),
            (Mode::Normal | Mode::Calling, Some(Action::PrevTab)) => self.go(self.tab.prev()),
            (Mode::Normal | Mode::Calling, Some(a)) if Tab::of_action(a).is_some() => {
                if let Some(t) = Tab::of_action(a) {
                    self.go(t)
                }
            }
            (_, Some(a)) => self.act(|s, cx| s.handle(a, cx)),
            (Mode::Text, None) => self.act(|s, cx| s.typed(&key, cx)),
            _ => {}
        }
    }

    fn help_action(&mut self, a: Action) {
        let Some(h) = &mut self.help else { return };
        match a {
            Action::Cancel => self.help = None,
            Action::Up => h.scroll = h.scroll.saturating_sub(1),
            Action::Down => h.scroll += 1,
            Action::PageUp => h.scroll = h.scroll.saturating_sub(10),
            Action::PageDown => h.scroll += 10,
            _ => {}
        }
    }

    /// Shows another screen, read again first if it is out of date.
    pub fn go(&mut self, tab: Tab) {
        self.tab = tab;
        self.refresh();
    }

    /// Lets the screen shown act, then applies what it reported: its
    /// status line, a reload after a write, a move to another screen.
    fn act(&mut self, f: impl FnOnce(&mut dyn Screen, &mut Cx)) {
        let tab = self.tab;
        let mut cx = Cx {
            app: &mut self.app,
            lang: self.lang,
            keys: &self.keys,
            now: (self.clock)(),
            status: None,
            wrote: false,
            goto: None,
            gate: self.gate,
        };
        f(self.screens.get_mut(tab), &mut cx);
        let (status, wrote, goto) = (cx.status, cx.wrote, cx.goto);
        if wrote {
            self.changed();
        }
        if let Some(s) = status {
            self.statuses.insert(tab, s);
        }
        if let Some(t) = goto {
            self.go(t);
        }
    }

    /// The help overlay's lines: every key of the screen shown in the
    /// mode it was opened from, from the key map itself.
    pub fn help_lines(&self, mode: Mode) -> Vec<(String, Action)> {
        self.keys.help(self.tab, mode)
    }

    /// The terminal is `w`×`h` (at start and on every resize): at phone
    /// size, a screen the phone layout does not draw gives way to the
    /// leave queue, which it does (a teacher's own requests).
    pub fn fit(&mut self, w: u16, h: u16) {
        if crate::view::size_of(w, h) == crate::view::Size::Phone && !self.tab.compact() {
            self.go(Tab::Leave);
        }
    }

    /// Reads the shown screen again (tests and the event loop's resize).
    pub fn reload(&mut self) {
        self.load(self.tab);
    }
}
