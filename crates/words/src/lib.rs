//! The catalogue: every piece of text a user sees, in Chinese (简体, the
//! default) and English. Nothing else in the program spells user text.

/// One message, one form, when the two languages differ only in words:
/// `say!(l, "与第 {row} 行重复", "repeats row {row}")` formats the one `l`
/// asks for, each capturing the same names, or taking the same arguments
/// after the two texts (`say!(l, "登记 {} 离校", "{} leaves", name)`): no
/// destructure repeated per language.
#[macro_export]
macro_rules! say {
    ($l:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $l {
            $crate::Lang::Zh => format!($zh $(, $arg)*),
            $crate::Lang::En => format!($en $(, $arg)*),
        }
    };
}

// The catalogue by subject; each file holds its enums and their words.
mod assess;
mod calendar;
mod charts;
mod credits;
mod domain;
mod files;
mod frame;
mod gate;
mod help;
mod history;
mod history_screen;
mod keys;
mod labels;
mod leave;
mod limits;
mod office;
mod paper;
mod platform;
mod policy;
mod reliability;
mod roll;
mod safe;
mod shift;
mod standings_live;
mod store;
mod system;
mod ui;

pub use assess::*;
pub use calendar::*;
pub use charts::*;
pub use credits::*;
pub use domain::*;
pub use files::*;
pub use frame::*;
pub use gate::*;
pub use help::*;
pub use history::*;
pub use history_screen::*;
pub use keys::*;
pub use labels::*;
pub use leave::*;
pub use limits::*;
pub use office::*;
pub use paper::*;
pub use platform::*;
pub use policy::*;
pub use reliability::*;
pub use roll::*;
pub use safe::{is_unsafe_char, shown};
pub use shift::with_leave_shift;
pub use standings_live::*;
pub use store::*;
pub use system::{SystemFault, system_words};
pub use ui::*;

use ::store::StoreError;
use rules::{Category, LeaveKind, LeaveStatus, Reason, Role, RollState, Season};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `--lang` wins; otherwise English when LANG/LC_ALL asks for it.
    pub fn detect(flag: Option<&str>) -> Lang {
        let pick = |s: &str| {
            if s.to_ascii_lowercase().starts_with("en") {
                Some(Lang::En)
            } else if s.to_ascii_lowercase().starts_with("zh") {
                Some(Lang::Zh)
            } else {
                None
            }
        };
        if let Some(l) = flag.and_then(pick) {
            return l;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find_map(|v| pick(&v))
            .unwrap_or_default()
    }

    /// Picks the Chinese or the English text.
    pub fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
