//! The words for what an import did.

use super::*;
use crate::import::ImportSummary;

/// What an import did, one part a line (the command line prints it).
pub fn import_summary(l: Lang, s: &ImportSummary) -> String {
    import_parts(l, s, false).join("\n")
}

/// What an import did, for the terminal app's status line: the parts on
/// one line, joined by a separator (a newline is no line there), and no
/// command-line flag: the app asks about the teachers left out itself.
pub fn import_summary_shown(l: Lang, s: &ImportSummary) -> String {
    import_parts(l, s, true).join(l.t(";", "; "))
}

fn import_parts(l: Lang, s: &ImportSummary, screen: bool) -> Vec<String> {
    let mut first = import_counts(l, s);
    if let Some(e) = &s.ended {
        first.push_str(&ended(l, e));
    }
    let mut out = vec![first];
    if !s.hidden.is_empty() {
        out.push(hidden(l, &s.hidden));
    }
    if !s.missing.is_empty() {
        out.push(missing(l, s, screen));
    }
    out
}

/// The rows left out because the sheet hides them (issue 25), each by its
/// number and id: "跳过 2 个隐藏或筛选掉的行:第 5 行 T0006、第 9 行 T0010".
fn hidden(l: Lang, rows: &[(usize, String)]) -> String {
    let list = rows
        .iter()
        .map(|(n, id)| match l {
            Lang::Zh => format!("第 {n} 行 {}", shown(id)),
            Lang::En => format!("row {n} {}", shown(id)),
        })
        .collect::<Vec<_>>()
        .join(l.t("、", ", "));
    let n = rows.len();
    match l {
        Lang::Zh => format!("跳过 {n} 个隐藏或筛选掉的行(未导入):{list}"),
        Lang::En => {
            let rows = if n == 1 { "row" } else { "rows" };
            format!("{n} hidden or filtered {rows} skipped (not imported): {list}")
        }
    }
}

/// The teachers a roster leaves out, each by id and name, and what was
/// done (issue 25): "以下 2 位教师不在此文件中:T0006 杨军、T0007 李娜".
/// On the screen (`screen`), no advice of the command line's flag.
fn missing(l: Lang, s: &ImportSummary, screen: bool) -> String {
    let names = missing_names(l, s);
    let n = s.missing.len();
    let not_in = not_in_file(l, n);
    match (l, s.departed_on) {
        (Lang::Zh, None) if screen => {
            format!("以下 {n} 位教师不在此文件中:{names};他们仍须参加培训")
        }
        (Lang::En, None) if screen => {
            format!("{not_in}: {names}; they are still required")
        }
        (Lang::Zh, None) => format!(
            "以下 {n} 位教师不在此文件中:{names};他们仍须参加培训。如已离校,请加 --departed-on 日期 记录离校"
        ),
        (Lang::Zh, Some(d)) => {
            format!("以下 {n} 位教师不在此文件中,已记为 {d} 离校:{names}")
        }
        (Lang::En, None) => format!(
            "{not_in}: {names}; they are still required. If they have left, add --departed-on DATE to record it"
        ),
        (Lang::En, Some(d)) => {
            format!("{not_in} and left on {d}: {names}")
        }
    }
}

/// "1 teacher is not in this file" / "2 teachers are not in this file".
fn not_in_file(l: Lang, n: usize) -> String {
    let verb = if n == 1 { "is" } else { "are" };
    format!("{} {verb} not in this file", people(l, n))
}

/// The teachers a roster leaves out, by id and name.
fn missing_names(l: Lang, s: &ImportSummary) -> String {
    s.missing
        .iter()
        .map(|(id, name)| format!("{} {}", shown(&id.0), shown(name)))
        .collect::<Vec<_>>()
        .join(l.t("、", ", "))
}

/// The terminal app's question after a roster that leaves teachers out:
/// record their departure on `day`? (The command line's `--departed-on`.)
pub fn missing_question(l: Lang, s: &ImportSummary, day: chrono::NaiveDate) -> String {
    let (n, names) = (s.missing.len(), missing_names(l, s));
    match l {
        Lang::Zh => {
            format!("以下 {n} 位教师不在此文件中:{names}。记为 {day} 离校?不记则他们仍须参加培训")
        }
        Lang::En => format!(
            "{}: {names}. Record that they left on {day}? If not, they are still required",
            not_in_file(l, n)
        ),
    }
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
