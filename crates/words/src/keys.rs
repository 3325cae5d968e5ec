//! Texts of the terminal app's key map: what is wrong with keys.toml.

use super::Lang;

/// What is wrong with the user's keys.toml.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum KeyFileError {
    /// Not TOML at all: the parser's message.
    Syntax(String),
    /// A name that is no action.
    NotAnAction(String),
    /// A table named after no screen.
    NotAScreen(String),
    /// A key that cannot be read.
    NotAKey(String),
}

pub fn key_file_error(l: Lang, e: &KeyFileError) -> String {
    let shown = |s: &str| super::shown(s).into_owned();
    match (l, e) {
        (Lang::Zh, KeyFileError::Syntax(why)) => format!("keys.toml 格式有误:{}", shown(why)),
        (Lang::En, KeyFileError::Syntax(why)) => format!("keys.toml: {}", shown(why)),
        (Lang::Zh, KeyFileError::NotAnAction(a)) => {
            format!("keys.toml:没有名为 `{}` 的操作", shown(a))
        }
        (Lang::En, KeyFileError::NotAnAction(a)) => {
            format!("keys.toml: `{}` is not an action", shown(a))
        }
        (Lang::Zh, KeyFileError::NotAScreen(s)) => format!(
            "keys.toml:没有名为 [{}] 的页面(roll、leave、standings、teacher、credits、history)",
            shown(s)
        ),
        (Lang::En, KeyFileError::NotAScreen(s)) => format!(
            "keys.toml: [{}] is not a screen (roll, leave, standings, teacher, credits, history)",
            shown(s)
        ),
        (Lang::Zh, KeyFileError::NotAKey(k)) => format!("keys.toml:`{}` 不是按键", shown(k)),
        (Lang::En, KeyFileError::NotAKey(k)) => format!("keys.toml: `{}` is not a key", shown(k)),
    }
}
