//! The words for what an undo took back.

use super::*;
use crate::roll::Undone;

/// What an undo took back, in one line.
pub fn undone(l: Lang, u: &Undone) -> String {
    let state = |s| super::roll_state(l, s);
    let who = u.mark.as_ref().map(|t| super::shown(&t.0).into_owned());
    match (l, who, u.step) {
        (Lang::Zh, Some(t), Some((_, to))) => {
            format!("已撤销 {t} 的记录,点名回到「{}」", state(to))
        }
        (Lang::En, Some(t), Some((_, to))) => {
            format!(
                "undone: the mark of {t}; the roll is back at \"{}\"",
                state(to)
            )
        }
        (Lang::Zh, Some(t), None) => format!("已撤销 {t} 的记录"),
        (Lang::En, Some(t), None) => format!("undone: the mark of {t}"),
        (Lang::Zh, None, Some((_, to))) => format!("已撤销,点名回到「{}」", state(to)),
        (Lang::En, None, Some((_, to))) => format!("undone: the roll is back at \"{}\"", state(to)),
        (Lang::Zh, None, None) => "没有撤销任何记录".into(),
        (Lang::En, None, None) => "nothing was undone".into(),
    }
}
