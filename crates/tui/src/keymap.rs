//! The one key map: (screen, mode, key with its modifiers) → `Action`,
//! resolved here and nowhere else. The defaults are a table below; a
//! user's `keys.toml` in the config directory overrides them, either for
//! every screen (`approve = "A"`, `mark = ["m", "ctrl-m"]`) or for one
//! (`[roll]` then `undo = "z"`). The help overlay and the README's key
//! table are generated from the same bindings, so they cannot drift.

pub use super::action::{Action, Mode};
use super::screens::Tab;
use crate::i18n::{self, KeyFileError, Lang};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies: every screen, or one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    All,
    On(Tab),
}

/// A key with the modifiers that matter: Ctrl and Alt. Shift is already in
/// the character (`R`), or in the key itself (Shift-Tab is BackTab).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn of(e: &KeyEvent) -> Key {
        let mut mods = e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let KeyCode::Char(c) = e.code
            && c.is_ascii_uppercase()
        {
            mods -= KeyModifiers::SHIFT;
        }
        Key { code: e.code, mods }
    }

    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// How the key is written in the help and in keys.toml.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        s + &base
    }

    /// A key as written in keys.toml: `a`, `R`, `space`, `ctrl-u`,
    /// `alt-x`, `enter`, `esc`, `tab`, `shift-tab`, `pgup`, `f2`.
    pub fn parse(s: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = ["ctrl-", "ctrl+", "c-"]
                .iter()
                .find(|p| lower.starts_with(*p))
            {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[r.len()..];
            } else if let Some(r) = ["alt-", "alt+", "m-"]
                .iter()
                .find(|p| lower.starts_with(*p))
            {
                mods |= KeyModifiers::ALT;
                rest = &rest[r.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "backspace" => KeyCode::Backspace,
                "del" | "delete" => KeyCode::Delete,
                f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok()?),
                _ => return None,
            },
        };
        Some(Key { code, mods })
    }
}

/// One row of the key map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
}

pub struct Keymap {
    bindings: Vec<Binding>,
}

/// The default bindings: (scope, mode, keys, action).
fn defaults() -> Vec<Binding> {
    use Action::*;
    use KeyCode as K;
    use Mode::{Checklist, Confirm, Normal, Text};
    let c = |ch: char| Key::plain(K::Char(ch));
    let p = Key::plain;
    let all = Scope::All;
    let roll = Scope::On(Tab::Roll);
    let leave = Scope::On(Tab::Leave);
    let standings = Scope::On(Tab::Standings);
    let teacher = Scope::On(Tab::Teacher);
    let credits = Scope::On(Tab::Credits);
    let history = Scope::On(Tab::History);
    let moves = |mode: Mode| {
        vec![
            (all, mode, vec![p(K::Up), c('k')], Up),
            (all, mode, vec![p(K::Down), c('j')], Down),
            (all, mode, vec![p(K::PageUp)], PageUp),
            (all, mode, vec![p(K::PageDown)], PageDown),
            (all, mode, vec![p(K::Home)], Top),
            (all, mode, vec![p(K::End)], Bottom),
        ]
    };
    let mut rows: Vec<(Scope, Mode, Vec<Key>, Action)> = Vec::new();
    rows.extend([
        (all, Normal, vec![c('q')], Quit),
        (all, Normal, vec![c('?')], Help),
        (all, Normal, vec![p(K::Tab)], NextTab),
        (all, Normal, vec![p(K::BackTab)], PrevTab),
        (all, Normal, vec![c('1')], Tab1),
        (all, Normal, vec![c('2')], Tab2),
        (all, Normal, vec![c('3')], Tab3),
        (all, Normal, vec![c('4')], Tab4),
        (all, Normal, vec![c('5')], Tab5),
        (all, Normal, vec![c('6')], Tab6),
    ]);
    for mode in Mode::ALL {
        rows.push((all, mode, vec![Key::ctrl('c')], Quit));
    }
    rows.extend(moves(Normal));
    rows.extend(moves(Mode::Help));
    rows.extend([
        (all, Mode::Help, vec![p(K::Esc), c('?'), c('q')], Cancel),
        // A text box: unbound keys are typed.
        (all, Text, vec![p(K::Enter)], Submit),
        (all, Text, vec![p(K::Esc)], Cancel),
        (all, Text, vec![Key::ctrl('u')], ClearInput),
        (all, Text, vec![p(K::Tab)], NextField),
        (all, Text, vec![p(K::BackTab)], PrevField),
        (all, Text, vec![p(K::Up)], Up),
        (all, Text, vec![p(K::Down)], Down),
        (all, Text, vec![p(K::PageUp)], PrevPeriod),
        (all, Text, vec![p(K::PageDown)], NextPeriod),
        // A question.
        // Never Enter or Space: they mark on the roll screen, and a
        // question must not be answered by the key that marks.
        (all, Confirm, vec![c('y'), c('Y')], Yes),
        (all, Confirm, vec![c('n'), c('N'), p(K::Esc)], No),
        (all, Confirm, vec![p(K::Up), c('k')], Up),
        (all, Confirm, vec![p(K::Down), c('j')], Down),
        (all, Confirm, vec![p(K::PageUp)], PageUp),
        (all, Confirm, vec![p(K::PageDown)], PageDown),
        // The archive checklist.
        (all, Checklist, vec![c('p')], Item1),
        (all, Checklist, vec![c('n')], Item2),
        (all, Checklist, vec![c('r')], Item3),
        (all, Checklist, vec![c('s')], Item4),
        (all, Checklist, vec![p(K::Up)], Up),
        (all, Checklist, vec![p(K::Down)], Down),
        (all, Checklist, vec![c('+'), p(K::Right)], Increase),
        (all, Checklist, vec![c('-'), p(K::Left)], Decrease),
        (all, Checklist, vec![p(K::Enter)], Submit),
        (all, Checklist, vec![p(K::Esc)], Cancel),
        (all, Checklist, vec![p(K::PageUp)], PrevPeriod),
        (all, Checklist, vec![p(K::PageDown)], NextPeriod),
        // The roll call.
        (roll, Normal, vec![c('[')], PrevSession),
        (roll, Normal, vec![c(']')], NextSession),
        (roll, Normal, vec![c('f')], FirstCall),
        (roll, Normal, vec![c('s')], SecondCall),
        (roll, Normal, vec![c('e')], EndSecondCall),
        (roll, Normal, vec![c('c')], Calling),
        (roll, Normal, vec![c(' '), p(K::Enter)], Mark),
        (roll, Normal, vec![c('l')], EarlyLeave),
        (roll, Normal, vec![c('u')], Undo),
        (roll, Normal, vec![c('x')], CloseRoll),
        (roll, Normal, vec![c('m')], Correct),
        (roll, Normal, vec![c('/')], Find),
        (roll, Normal, vec![c('v')], ShowAll),
        (roll, Normal, vec![c('E')], EditSession),
        (roll, Normal, vec![c('M')], MoveSession),
        (roll, Normal, vec![c('C')], CancelSession),
        (roll, Normal, vec![c('O')], ReopenRoll),
        (roll, Normal, vec![c('L')], ExcuseEarlyLeave),
        (roll, Normal, vec![c('p')], SignInSheet),
        (roll, Normal, vec![c('r')], SessionRecord),
        (roll, Mode::Calling, vec![c('n'), p(K::Right)], NextName),
        (roll, Mode::Calling, vec![p(K::Esc)], StopCalling),
        // The leave queue.
        (leave, Normal, vec![c('a')], Approve),
        (leave, Normal, vec![c('r')], Reject),
        (leave, Normal, vec![c('v')], Filter),
        (leave, Normal, vec![c('n')], NewRequest),
        (leave, Normal, vec![c('e')], Evidence),
        // The standings.
        (standings, Normal, vec![c('t')], TogglePeriod),
        (standings, Normal, vec![c('[')], PrevPeriod),
        (standings, Normal, vec![c(']')], NextPeriod),
        (standings, Normal, vec![c('o')], SortNext),
        (standings, Normal, vec![c('R')], Reverse),
        (standings, Normal, vec![c('v')], Group),
        (standings, Normal, vec![c('g')], ChartView),
        (standings, Normal, vec![c('e')], Export),
        (standings, Normal, vec![c('p')], Publish),
        (standings, Normal, vec![c('i')], Import),
        // The teacher screen.
        (teacher, Normal, vec![c('/')], Search),
        (teacher, Normal, vec![c('N')], NotesChars),
        (teacher, Normal, vec![c('A')], ArchiveFile),
        (teacher, Normal, vec![c('D')], Degree),
        (teacher, Normal, vec![c('M')], MentorPair),
        (teacher, Normal, vec![c('L')], TeacherDeparts),
        (teacher, Normal, vec![c('E')], EditTeacher),
        // The credits screen.
        (credits, Normal, vec![c('a')], Pass),
        (credits, Normal, vec![c('r')], SendBack),
        (credits, Normal, vec![c('v')], CreditFilter),
        (credits, Normal, vec![c('m')], MakeUps),
        (credits, Normal, vec![c('F')], Funds),
        (credits, Normal, vec![c('x')], Reject),
        (credits, Normal, vec![c('w')], Withdraw),
        (credits, Normal, vec![c('p')], Report),
        (credits, Normal, vec![c('n')], NewCredit),
        (credits, Normal, vec![c('e')], EditCredit),
        // The history screen.
        (history, Normal, vec![c('t')], FilterTeacher),
        (history, Normal, vec![c('s')], FilterSession),
        (history, Normal, vec![c('c')], ClearFilters),
    ]);
    rows.into_iter()
        .flat_map(|(scope, mode, keys, action)| {
            keys.into_iter().map(move |key| Binding {
                scope,
                mode,
                key,
                action,
            })
        })
        .collect()
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// The action of a key on a screen in a mode: the screen's own binding
    /// first, then one for every screen; a mode with a parent falls back to
    /// the parent's bindings.
    pub fn resolve(&self, tab: Tab, mode: Mode, key: &KeyEvent) -> Option<Action> {
        let key = Key::of(key);
        let mut m = Some(mode);
        while let Some(mode) = m {
            for scope in [Scope::On(tab), Scope::All] {
                if let Some(b) = self
                    .bindings
                    .iter()
                    .find(|b| b.scope == scope && b.mode == mode && b.key == key)
                {
                    return Some(b.action);
                }
            }
            m = mode.parent();
        }
        None
    }

    /// What each key does on a screen in a mode, one line per action, in
    /// the order of the table: the screen's own keys first.
    pub fn help(&self, tab: Tab, mode: Mode) -> Vec<(String, Action)> {
        let mut out: Vec<(Vec<String>, Action)> = Vec::new();
        let mut m = Some(mode);
        while let Some(mode) = m {
            for scope in [Scope::On(tab), Scope::All] {
                for b in self
                    .bindings
                    .iter()
                    .filter(|b| b.scope == scope && b.mode == mode)
                {
                    // A key the screen binds itself hides the general one.
                    if self.resolve(tab, mode, &KeyEvent::new(b.key.code, b.key.mods))
                        != Some(b.action)
                    {
                        continue;
                    }
                    match out.iter_mut().find(|(_, a)| *a == b.action) {
                        Some((keys, _)) => {
                            let l = b.key.label();
                            if !keys.contains(&l) {
                                keys.push(l)
                            }
                        }
                        None => out.push((vec![b.key.label()], b.action)),
                    }
                }
            }
            m = mode.parent();
        }
        out.into_iter().map(|(k, a)| (k.join("/"), a)).collect()
    }

    /// The first key bound to an action on a screen, as the hint lines
    /// write it.
    pub fn label(&self, tab: Tab, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.action == action && (b.scope == Scope::On(tab) || b.scope == Scope::All))
            .map_or_else(|| "-".into(), |b| b.key.label())
    }

    /// A key as a hint of `mode` names it: the first bound to `action` on
    /// `tab` in that mode (where the action has keys in several modes, as
    /// the standings' `[`/`]` and the office boxes' PgUp/PgDn), else as
    /// `name` does.
    pub fn name_in(&self, l: Lang, tab: Tab, mode: Mode, action: Action) -> String {
        match self.bindings.iter().find(|b| {
            b.action == action
                && b.mode == mode
                && (b.scope == Scope::On(tab) || b.scope == Scope::All)
        }) {
            Some(b) => Self::say(l, b.key.label()),
            None => self.name(l, tab, action),
        }
    }

    /// A key as a hint names it: the first bound to `action` on `tab`
    /// (keys.toml included), `space` and `Enter` said in Chinese on
    /// Chinese screens.
    pub fn name(&self, l: Lang, tab: Tab, action: Action) -> String {
        Self::say(l, self.label(tab, action))
    }

    /// A key's label as a hint writes it.
    fn say(l: Lang, label: String) -> String {
        match (l, label.as_str()) {
            (Lang::Zh, "space") => "空格".into(),
            (Lang::Zh, "Enter") => "回车".into(),
            // Ctrl-U, as hints write a control key.
            (_, x) if x.starts_with("Ctrl-") && x.len() == 6 => {
                x.to_ascii_uppercase().replace("CTRL", "Ctrl")
            }
            _ => label,
        }
    }

    /// A question's answer line: the keys bound to yes and no.
    pub fn yes_no(&self, l: Lang, tab: Tab) -> String {
        i18n::key_hint(
            l,
            &i18n::KeyHint::YesNo {
                yes: self.name(l, tab, Action::Yes),
                no: self.name(l, tab, Action::No),
            },
        )
    }

    /// Every binding, for the README's key table.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The README's key table, as markdown, generated from the bindings.
    pub fn markdown(&self, l: Lang) -> String {
        let mut out = String::new();
        let screen = |s: Scope| match s {
            Scope::All => l.t("所有页面", "every screen").to_string(),
            Scope::On(t) => t.title(l).to_string(),
        };
        out.push_str(l.t(
            "| 页面 | 状态 | 按键 | 作用 |\n|---|---|---|---|\n",
            "| screen | mode | keys | action |\n|---|---|---|---|\n",
        ));
        let mut seen: Vec<(Scope, Mode, Action)> = Vec::new();
        for b in &self.bindings {
            if seen.contains(&(b.scope, b.mode, b.action)) {
                continue;
            }
            seen.push((b.scope, b.mode, b.action));
            let keys: Vec<String> = self
                .bindings
                .iter()
                .filter(|x| x.scope == b.scope && x.mode == b.mode && x.action == b.action)
                .map(|x| format!("`{}`", x.key.label().replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                screen(b.scope),
                b.mode.name(l),
                keys.join(" "),
                b.action.help(l)
            ));
        }
        out
    }

    /// The defaults with the overrides of a keys.toml text applied.
    /// Returns the keymap and, for a bad file, what is wrong with it (the
    /// good lines still apply).
    pub fn with_overrides(text: &str) -> (Keymap, Option<KeyFileError>) {
        let mut map = Keymap::default();
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => return (map, Some(KeyFileError::Syntax(e.message().trim().into()))),
        };
        let mut error = None;
        for (name, value) in &table {
            let r = match value {
                toml::Value::Table(inner) => match Tab::from_name(name) {
                    Some(tab) => inner
                        .iter()
                        .try_for_each(|(a, v)| map.rebind(Scope::On(tab), a, v)),
                    None => Err(KeyFileError::NotAScreen(name.clone())),
                },
                v => map.rebind(Scope::All, name, v),
            };
            if let Err(e) = r {
                error.get_or_insert(e);
            }
        }
        (map, error)
    }

    /// Binds `action` to the keys of `value` where it is bound now (within
    /// `scope`); a key the user binds leaves the action it had there.
    fn rebind(
        &mut self,
        scope: Scope,
        name: &str,
        value: &toml::Value,
    ) -> Result<(), KeyFileError> {
        let action: Action = toml::Value::String(name.to_string())
            .try_into()
            .map_err(|_| KeyFileError::NotAnAction(name.to_string()))?;
        let texts: Vec<&str> = match value {
            toml::Value::String(s) => vec![s.as_str()],
            toml::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
            _ => return Err(KeyFileError::NotAKey(value.to_string())),
        };
        let keys = texts
            .iter()
            .map(|t| Key::parse(t).ok_or_else(|| KeyFileError::NotAKey(t.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        let within = |b: &Binding| scope == Scope::All || b.scope == scope;
        let mut places: Vec<(Scope, Mode)> = Vec::new();
        for b in self
            .bindings
            .iter()
            .filter(|b| b.action == action && within(b))
        {
            if !places.contains(&(b.scope, b.mode)) {
                places.push((b.scope, b.mode));
            }
        }
        if places.is_empty() {
            places.push((scope, Mode::Normal));
        }
        self.bindings.retain(|b| !(b.action == action && within(b)));
        for (s, m) in places {
            self.bindings
                .retain(|b| !(b.scope == s && b.mode == m && keys.contains(&b.key)));
            for key in &keys {
                self.bindings.push(Binding {
                    scope: s,
                    mode: m,
                    key: *key,
                    action,
                });
            }
        }
        Ok(())
    }

    /// Loads `keys.toml` from the config directory, if there is one.
    pub fn load() -> (Keymap, Option<KeyFileError>) {
        let path = directories::ProjectDirs::from("", "", "peixun")
            .map(|d| d.config_dir().join("keys.toml"));
        match path.and_then(|p| std::fs::read_to_string(p).ok()) {
            Some(text) => Keymap::with_overrides(&text),
            None => (Keymap::default(), None),
        }
    }
}

/// The error of a key file, in the user's language.
pub fn key_error(l: Lang, e: &KeyFileError) -> String {
    i18n::key_file_error(l, e)
}
