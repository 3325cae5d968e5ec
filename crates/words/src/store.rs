//! The catalogue of the store: waiting for another change, a file removed
//! or replaced under a running program, records that fail their checksum.

use super::Lang;
use ::store::check::Recovery;
use ::store::{HistoryEntry, StoreError, Upgraded};

/// What a writer says, once, when it must wait for another's change.
pub fn waiting(l: Lang) -> &'static str {
    l.t(
        "正在等待另一项更改完成…",
        "waiting for another change to finish…",
    )
}

/// The store's errors that the catalogue's older `store_error` does not
/// spell; `None` for the others.
pub fn store_text(l: Lang, e: &StoreError) -> Option<String> {
    Some(match (l, e) {
        (Lang::Zh, StoreError::Busy { path, waited }) => format!(
            "{}:另一项更改在 {} 秒内没有完成,未保存;请稍后再试",
            path.display(),
            waited.as_secs_f64()
        ),
        (Lang::Zh, StoreError::Replaced(path)) => format!(
            "{}:数据库文件已被删除或替换,未保存;请重新打开",
            path.display()
        ),
        (Lang::En, e @ (StoreError::Busy { .. } | StoreError::Replaced(_))) => e.to_string(),
        _ => return None,
    })
}

/// The one line the first change to an older file says: upgraded, and
/// where the file as it was is kept.
pub fn upgraded(l: Lang, u: &Upgraded) -> String {
    let (p, k) = (
        super::shown(&u.path.display().to_string()).into_owned(),
        super::shown(&u.kept.display().to_string()).into_owned(),
    );
    match l {
        Lang::Zh => format!(
            "已将 {p} 从结构版本 {} 升级到 {};升级前的文件保留为 {k}",
            u.from, u.to
        ),
        Lang::En => format!(
            "upgraded {p} from schema {} to {}; the file as it was is kept as {k}",
            u.from, u.to
        ),
    }
}

/// What `check` says of a file's schema: this build's, or an older one
/// read as this build reads it and upgraded by the first change.
pub fn schema_line(l: Lang, found: u32, current: u32) -> String {
    match (l, found < current) {
        (Lang::Zh, false) => format!("结构版本 {found}"),
        (Lang::En, false) => format!("schema {found}"),
        (Lang::Zh, true) => format!(
            "结构版本 {found}(较早的正式版本所写;按版本 {current} 读取,文件未被改动,第一次更改时升级并保留原文件)"
        ),
        (Lang::En, true) => format!(
            "schema {found} (written by an earlier release; read as schema {current}, the file \
             untouched; the first change upgrades it, keeping the file as it was)"
        ),
    }
}

/// A history entry as a recovery names it: number, time, action, target.
fn entry(l: Lang, h: &HistoryEntry) -> String {
    let (action, target) = (super::shown(&h.action), super::shown(&h.target));
    match l {
        Lang::Zh => format!(
            "第 {} 条({},{action} {target})",
            h.seq,
            h.at.format("%Y-%m-%d %H:%M:%S")
        ),
        Lang::En => format!(
            "#{} ({}, {action} {target})",
            h.seq,
            h.at.format("%Y-%m-%d %H:%M:%S")
        ),
    }
}

/// What a recovery of a damaged file keeps and loses, in one line (check
/// and backup say the same).
pub fn recovery_line(l: Lang, r: &Recovery) -> String {
    let kept = match (&r.last, l) {
        (Some(h), _) => entry(l, h),
        (None, Lang::Zh) => "(没有历史记录)".to_string(),
        (None, Lang::En) => "(no history)".to_string(),
    };
    match (l, r.lost) {
        (Lang::Zh, Some(0)) => {
            format!("可恢复:修复后保留全部更改,最后一项为 {kept},没有更改丢失")
        }
        (Lang::Zh, Some(n)) => {
            format!("可恢复到上一次提交:保留到最后一项更改 {kept},其后的 {n} 次提交已丢失")
        }
        (Lang::Zh, None) => {
            format!("可恢复到上一次提交:保留到最后一项更改 {kept},其后的更改已丢失")
        }
        (Lang::En, Some(0)) => format!(
            "recoverable: repaired, it keeps every change, the last being {kept}; nothing is lost"
        ),
        (Lang::En, Some(n)) => format!(
            "recoverable to the commit before the last: it keeps the changes up to {kept}; \
             the {n} commits after it are gone"
        ),
        (Lang::En, None) => format!(
            "recoverable to the commit before the last: it keeps the changes up to {kept}; \
             any later changes are gone"
        ),
    }
}
