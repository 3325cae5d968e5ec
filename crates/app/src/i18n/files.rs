//! The words for what an import did.

use super::*;
use crate::import::ImportSummary;

/// What an import did.
pub fn import_summary(l: Lang, s: &ImportSummary) -> String {
    let mut out = import_counts(l, s);
    if let Some(e) = &s.ended {
        out.push_str(&ended(l, e));
    }
    out
}

fn import_counts(l: Lang, s: &ImportSummary) -> String {
    match l {
        Lang::Zh if !s.changed() => format!("没有变化(相同 {} 条),未做任何更改", s.unchanged),
        Lang::Zh => format!(
            "已导入:新增 {},更新 {},未变 {}",
            s.added, s.updated, s.unchanged
        ),
        Lang::En if !s.changed() => format!(
            "nothing new ({} unchanged); nothing was changed",
            s.unchanged
        ),
        Lang::En => format!(
            "imported: {} added, {} updated, {} unchanged",
            s.added, s.updated, s.unchanged
        ),
    }
}
