//! Key bindings: a default for every action, overridable from
//! `keys.toml` in the user's config directory (`approve = "A"`).

use crossterm::event::{KeyCode, KeyEvent};
use serde::Deserialize;
use std::collections::HashMap;

/// Everything a key can do. Names in snake_case are the keys of keys.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Up,
    Down,
    PrevSession,
    NextSession,
    Mark,
    FirstCall,
    SecondCall,
    EndSecondCall,
    Calling,
    NextName,
    EarlyLeave,
    Undo,
    CloseRoll,
    Find,
    Approve,
    Reject,
    Filter,
    NewRequest,
    TogglePeriod,
    SortNext,
    Reverse,
    Group,
    /// History: show only one teacher's entries.
    FilterTeacher,
    /// History: show only one session's entries.
    FilterSession,
    /// History: show every entry again.
    ClearFilters,
    /// Write the standings as shown to an .xlsx or .csv file.
    Export,
    /// Post the term's standings (公布), after a confirmation.
    Publish,
    /// Import a roster or this term's plan from a file.
    Import,
    /// Credits tab: switch between credit entries and official-leave make-ups.
    MakeUps,
    /// Teacher tab (office): the selected teacher's note characters this term.
    NotesChars,
    /// Teacher tab (office): the archive checklist and open lessons.
    ArchiveFile,
    /// Teacher tab (office): the degree and major.
    Degree,
    /// Teacher tab (office): pair the selected teacher with a mentor or mentee.
    MentorPair,
    /// Credits tab (office): the school's public and training funds this year.
    Funds,
}

/// Which screen an action belongs to, for the help overlay.
pub fn screen_actions(tab: usize) -> &'static [Action] {
    use Action::*;
    match tab {
        0 => &[
            Up,
            Down,
            PrevSession,
            NextSession,
            FirstCall,
            SecondCall,
            EndSecondCall,
            Calling,
            NextName,
            Mark,
            EarlyLeave,
            Undo,
            CloseRoll,
            Find,
        ],
        1 => &[Up, Down, Approve, Reject, Filter, NewRequest],
        2 => &[
            Up,
            Down,
            TogglePeriod,
            SortNext,
            Reverse,
            Group,
            Export,
            Publish,
            Import,
        ],
        3 => &[Up, Down, Find, NotesChars, ArchiveFile, Degree, MentorPair],
        4 => &[Up, Down, Approve, Reject, Filter, MakeUps, Funds],
        _ => &[Up, Down, FilterTeacher, FilterSession, ClearFilters],
    }
}

pub struct Keymap {
    keys: HashMap<Action, KeyCode>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Action::*;
        let c = KeyCode::Char;
        let keys = [
            (Quit, c('q')),
            (Help, c('?')),
            (Up, KeyCode::Up),
            (Down, KeyCode::Down),
            (PrevSession, c('[')),
            (NextSession, c(']')),
            (Mark, c(' ')),
            (FirstCall, c('f')),
            (SecondCall, c('s')),
            (EndSecondCall, c('e')),
            (Calling, c('c')),
            (NextName, c('n')),
            (EarlyLeave, c('l')),
            (Undo, c('u')),
            (CloseRoll, c('x')),
            (Find, c('/')),
            (Approve, c('a')),
            (Reject, c('r')),
            (Filter, c('v')),
            (NewRequest, c('n')),
            (TogglePeriod, c('t')),
            (SortNext, c('o')),
            (Reverse, c('R')),
            (Group, c('g')),
            (FilterTeacher, c('t')),
            (FilterSession, c('s')),
            (ClearFilters, c('c')),
            (Export, c('e')),
            (Publish, c('p')),
            (Import, c('i')),
            (MakeUps, c('m')),
            (NotesChars, c('N')),
            (ArchiveFile, c('A')),
            (Degree, c('D')),
            (MentorPair, c('M')),
            (Funds, c('F')),
        ]
        .into_iter()
        .collect();
        Keymap { keys }
    }
}

impl Keymap {
    /// The defaults with the overrides of a keys.toml text applied.
    /// Returns the keymap and, for a bad file, what is wrong with it.
    pub fn with_overrides(text: &str) -> (Keymap, Option<String>) {
        let mut map = Keymap::default();
        match toml::from_str::<HashMap<Action, String>>(text) {
            Ok(over) => {
                for (action, key) in over {
                    match parse_key(&key) {
                        Some(k) => {
                            map.keys.insert(action, k);
                        }
                        None => return (map, Some(format!("keys.toml: `{key}` is not a key"))),
                    }
                }
                (map, None)
            }
            Err(e) => (map, Some(format!("keys.toml: {}", e.message().trim()))),
        }
    }

    /// Loads `keys.toml` from the config directory, if there is one.
    pub fn load() -> (Keymap, Option<String>) {
        let path = directories::ProjectDirs::from("", "", "peixun")
            .map(|d| d.config_dir().join("keys.toml"));
        match path.and_then(|p| std::fs::read_to_string(p).ok()) {
            Some(text) => Keymap::with_overrides(&text),
            None => (Keymap::default(), None),
        }
    }

    pub fn is(&self, action: Action, key: &KeyEvent) -> bool {
        let bound = self.keys.get(&action);
        match (action, key.code) {
            // Arrow keys and vi keys always move.
            (Action::Up, KeyCode::Char('k')) | (Action::Down, KeyCode::Char('j')) => true,
            _ => bound == Some(&key.code),
        }
    }

    /// How a key is written in the help overlay.
    pub fn label(&self, action: Action) -> String {
        match self.keys.get(&action) {
            Some(KeyCode::Char(' ')) => "space".into(),
            Some(KeyCode::Char(c)) => c.to_string(),
            Some(KeyCode::Up) => "↑/k".into(),
            Some(KeyCode::Down) => "↓/j".into(),
            Some(other) => format!("{other:?}"),
            None => "-".into(),
        }
    }
}

fn parse_key(s: &str) -> Option<KeyCode> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(KeyCode::Char(c)),
        _ => match s.to_ascii_lowercase().as_str() {
            "space" => Some(KeyCode::Char(' ')),
            "up" => Some(KeyCode::Up),
            "down" => Some(KeyCode::Down),
            "enter" => Some(KeyCode::Enter),
            "tab" => Some(KeyCode::Tab),
            _ => None,
        },
    }
}
