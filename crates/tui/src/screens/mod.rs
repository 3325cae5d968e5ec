//! The screens of the terminal app, one type per tab (as ratatui's demo2
//! has `tabs/` and gitui its `tabs/`), each in its own file: it owns its
//! state and its popups, acts on `Action`s (`handle`), takes typed
//! characters while one of its text boxes is open (`typed`), reloads its
//! data through the app layer (`load`), and draws itself (`render`) from
//! its state alone.
//!
//! A screen never looks at keys (the key map has resolved them) and never
//! touches the store except through `App`.

pub mod credits;
pub mod history;
pub mod leave;
pub mod roll;
pub mod roll_paper;
pub mod standings;
pub mod teacher;

use super::action::{Action, Mode};
use super::keymap::Keymap;
use crate::i18n::{self, Lang};
use app::SessionRecord;
use app::{App, AppError};
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The six screens, in the order of their number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Roll,
    Leave,
    Standings,
    Teacher,
    Credits,
    History,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Roll,
        Tab::Leave,
        Tab::Standings,
        Tab::Teacher,
        Tab::Credits,
        Tab::History,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }

    /// The tab a number key goes to.
    pub fn of_action(a: Action) -> Option<Tab> {
        Some(match a {
            Action::Tab1 => Tab::Roll,
            Action::Tab2 => Tab::Leave,
            Action::Tab3 => Tab::Standings,
            Action::Tab4 => Tab::Teacher,
            Action::Tab5 => Tab::Credits,
            Action::Tab6 => Tab::History,
            _ => return None,
        })
    }

    /// Drawn in the phone-sized layout (50×20, down to 40×20): the leave
    /// queue, and the teacher screen (lookup, a standing and a record).
    pub fn compact(self) -> bool {
        matches!(self, Tab::Leave | Tab::Teacher)
    }

    /// The name of its table in keys.toml.
    pub fn name(self) -> &'static str {
        match self {
            Tab::Roll => "roll",
            Tab::Leave => "leave",
            Tab::Standings => "standings",
            Tab::Teacher => "teacher",
            Tab::Credits => "credits",
            Tab::History => "history",
        }
    }

    pub fn from_name(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.name() == s)
    }

    /// The title on the tab bar.
    pub fn title(self, l: Lang) -> &'static str {
        use i18n::Ui;
        match self {
            Tab::Roll => i18n::ui(l, Ui::TabRoll),
            Tab::Leave => i18n::ui(l, Ui::TabLeave),
            Tab::Standings => i18n::ui(l, Ui::TabStandings),
            Tab::Teacher => i18n::ui(l, Ui::TabTeacher),
            Tab::Credits => i18n::assessment_text(l, i18n::AssessText::TabCredits),
            Tab::History => i18n::history_ui(l, i18n::HistoryUi::Tab),
        }
    }
}

/// A line on the status bar: a confirmation, or an error in red.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What a screen may reach while it acts: the app (its commands check the
/// user's permissions and write the history), the language, the time of
/// the key, and where it reports back.
pub struct Cx<'a> {
    pub app: &'a mut App,
    pub lang: Lang,
    /// The key map: a hint names the key actually bound.
    pub keys: &'a Keymap,
    pub now: NaiveDateTime,
    /// What the screen has to say on its status line.
    pub status: Option<Status>,
    /// A command wrote to the store: screens reload what they show.
    pub wrote: bool,
    /// Go to another screen.
    pub goto: Option<Tab>,
    /// Reached through the SSH gate: no files on the server.
    pub gate: bool,
}

impl Cx<'_> {
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn fail(&mut self, e: AppError) {
        self.status = Some(Status {
            text: i18n::error(self.lang, &e),
            error: true,
        });
    }

    /// An error that is no `AppError`: a key that cannot apply, in words.
    pub fn fail_text(&mut self, text: String) {
        self.status = Some(Status { text, error: true });
    }

    /// A command's outcome: says what it did (and marks the data changed),
    /// or why it was refused.
    pub fn done(&mut self, r: Result<String, AppError>) {
        match r {
            Ok(msg) => {
                self.wrote = true;
                self.say(msg);
            }
            Err(e) => self.fail(e),
        }
    }
}

/// What a screen may read while it draws.
pub struct View<'a> {
    pub lang: Lang,
    pub keys: &'a Keymap,
    pub app: &'a App,
    /// Every session, as last loaded (the leave queue names their dates).
    pub sessions: &'a [SessionRecord],
    /// Every colour drawn comes from here.
    pub palette: crate::palette::Palette,
}

/// One screen.
pub trait Screen {
    /// Which key table applies now: a popup's, or the screen's own.
    fn mode(&self) -> Mode {
        Mode::Normal
    }
    /// A popup of the screen is open.
    fn has_popup(&self) -> bool;
    /// Acts on one action.
    fn handle(&mut self, action: Action, cx: &mut Cx);
    /// A key no action is bound to, while a text box is open: typed.
    fn typed(&mut self, _key: &KeyEvent, _cx: &mut Cx) {}
    /// Reads what it shows through the app layer. Called through `read`.
    fn load(&mut self, app: &App, now: NaiveDateTime, lang: Lang) -> Result<(), AppError>;
    /// Reads what it shows from one snapshot of the store, however many
    /// reads `load` makes: what a key or a change reloads is consistent,
    /// and costs one read transaction.
    fn read(&mut self, app: &App, now: NaiveDateTime, lang: Lang) -> Result<(), AppError> {
        app.pinned(|| self.load(app, now, lang))
    }
    /// Draws itself.
    fn render(&self, v: &View, f: &mut Frame, area: Rect);
    /// Draws itself in the phone-sized layout (only the screens of
    /// `Tab::compact` are asked to): every figure whole, narrow.
    fn render_phone(&self, v: &View, f: &mut Frame, area: Rect) {
        self.render(v, f, area)
    }
}

/// Moves a list cursor for the movement actions; false for any other.
pub fn move_cursor(cursor: &mut usize, len: usize, action: Action) -> bool {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => *cursor = cursor.saturating_sub(1),
        Action::Down => *cursor = (*cursor + 1).min(last),
        Action::PageUp => *cursor = cursor.saturating_sub(20),
        Action::PageDown => *cursor = (*cursor + 20).min(last),
        Action::Top => *cursor = 0,
        Action::Bottom => *cursor = last,
        _ => return false,
    }
    true
}
