//! The catalogue of the store: waiting for another change, a file removed
//! or replaced under a running program, records that fail their checksum.

use super::Lang;
use ::store::StoreError;

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
