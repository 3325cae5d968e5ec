//! `peixun check` and `peixun backup`, and writes the disk refused.

use super::*;

// ---------------------------------------------------------------------------
// Reliability: `peixun check` and `peixun backup` (issue 8)
// ---------------------------------------------------------------------------

/// What was wrong with a record's bytes.
pub fn decode_fault(l: Lang, f: ::store::codec::DecodeFault) -> String {
    use ::store::codec::DecodeFault::*;
    match f {
        Checksum => say!(
            l,
            "校验和与内容不符",
            "its checksum does not match its bytes"
        ),
        TooShort => say!(l, "记录过短", "record too short"),
        UnknownFormat(v) => say!(l, "未知的记录格式 {}", "unknown record format {}", v),
        Empty => say!(l, "记录为空", "empty record"),
        Shape => say!(
            l,
            "内容不是应有的格式",
            "its bytes do not make the record expected"
        ),
    }
}

/// A problem `peixun check` found, with the table and key where it is.
pub fn check_problem(l: Lang, p: &::store::check::Problem) -> String {
    use ::store::check::{Missing, Problem::*};
    match p {
        // redb's own words are English: said in Chinese without them.
        Pages(why) => match l {
            Lang::Zh => "文件页校验失败(截断、写坏或被覆盖)".to_string(),
            Lang::En => format!("its pages do not verify: {why}"),
        },
        Record(e) => match l {
            Lang::Zh => format!(
                "数据表 {} 中键 {} 的记录无法读取:{}",
                e.table,
                shown(&e.key),
                decode_fault(l, e.fault)
            ),
            Lang::En => e.to_string(),
        },
        WrongKey { table, key, found } => match l {
            Lang::Zh => format!("数据表 {table} 的键 {key} 下存的是 {found} 的记录"),
            Lang::En => format!("table `{table}` holds the record of {found} under key {key}"),
        },
        NotIndexed { table, index, key } => match l {
            Lang::Zh => format!("数据表 {table} 的行 {key} 在索引 {index} 中缺失"),
            Lang::En => format!("`{table}` row {key} is missing from index `{index}`"),
        },
        StaleIndex { index, table, key } => match l {
            Lang::Zh => format!("索引 {index} 的行 {key} 在数据表 {table} 中没有对应记录"),
            Lang::En => format!("index `{index}` row {key} points at no `{table}` row"),
        },
        Dangling {
            table,
            key,
            missing,
        } => match (l, missing) {
            (Lang::Zh, Missing::Teacher(t)) => {
                format!("数据表 {table} 的行 {key} 引用了不存在的教师 {t}")
            }
            (Lang::Zh, Missing::Session(s)) => {
                format!("数据表 {table} 的行 {key} 引用了不存在的培训活动 {s}")
            }
            (Lang::En, Missing::Teacher(t)) => {
                format!("`{table}` row {key} names teacher {t}, which does not exist")
            }
            (Lang::En, Missing::Session(s)) => {
                format!("`{table}` row {key} names session {s}, which does not exist")
            }
        },
        HistoryGap { after, next } => match l {
            Lang::Zh => format!("历史记录编号从 {after} 跳到 {next}"),
            Lang::En => format!("history jumps from entry {after} to {next}"),
        },
        WrongTally { key } => match l {
            Lang::Zh => format!("数据表 tallies 中 {key} 的统计与按记录重新计算的结果不一致"),
            Lang::En => {
                format!("the kept tallies of {key} differ from a recount of the records")
            }
        },
    }
}

/// The name of a table in `peixun check`'s counts.
pub fn table_name(l: Lang, table: ::store::check::Counted) -> &'static str {
    use ::store::check::Counted::*;
    match table {
        Teachers => l.t("教师", "teachers"),
        Terms => l.t("学期", "terms"),
        Sessions => l.t("培训活动", "sessions"),
        Facts => l.t("点名记录", "facts"),
        Leaves => l.t("请假", "leaves"),
        Accounts => l.t("账号", "accounts"),
        History => l.t("历史", "history"),
    }
}

/// Texts of `peixun check` and `peixun backup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum ReliabilityText {
    /// Before the counts of a sound file.
    Sound,
    /// Before the number of problems of a damaged file.
    Problems,
    /// After a damaged file's problems: what to do.
    WhatNow,
    /// Before the path of a finished backup.
    BackedUp,
    /// Where a backup through the gate went (`backup -`).
    ToStdout,
}

pub fn reliability(l: Lang, r: ReliabilityText) -> &'static str {
    match r {
        ReliabilityText::Sound => l.t("检查通过,没有发现问题", "checked: no problems found"),
        ReliabilityText::Problems => l.t("文件有问题,共", "the file has problems:"),
        ReliabilityText::WhatNow => l.t(
            "文件未被改动。请恢复最近的备份(peixun backup 生成),或把此文件交给技术人员。",
            "The file was left untouched. Restore the latest backup (made with `peixun backup`), \
             or hand this file to someone who can repair it.",
        ),
        ReliabilityText::BackedUp => l.t("已备份并检查通过:", "backed up and checked:"),
        ReliabilityText::ToStdout => l.t("已送到标准输出", "sent to standard output"),
    }
}

/// A write the disk refused: what happened, that nothing was saved, and what
/// to do; the system's own words follow in brackets.
pub fn disk_error(l: Lang, e: &StoreError) -> Option<String> {
    use ::store::check::{DiskTrouble, disk_trouble};
    let trouble = disk_trouble(e)?;
    let (file, detail) = match e {
        StoreError::Open { path, message } => (path.display().to_string(), message.as_str()),
        StoreError::Db(m) => (l.t("数据库", "the database").to_string(), m.as_str()),
        _ => return None,
    };
    Some(match (l, trouble) {
        (Lang::Zh, DiskTrouble::Full) => {
            format!("磁盘已满,{file} 的更改未保存;请腾出空间后重试({detail})")
        }
        (Lang::Zh, DiskTrouble::ReadOnly) => {
            format!("{file} 所在的文件系统是只读的,更改未保存;查看和查询仍可使用({detail})")
        }
        (Lang::Zh, DiskTrouble::Denied) => {
            format!("没有写入 {file} 的权限,更改未保存;请联系管理员({detail})")
        }
        (Lang::En, DiskTrouble::Full) => format!(
            "the disk is full: nothing was saved to {file}; free some space and try again ({detail})"
        ),
        (Lang::En, DiskTrouble::ReadOnly) => format!(
            "{file} is on a read-only file system: nothing was saved; viewing and lookups still work ({detail})"
        ),
        (Lang::En, DiskTrouble::Denied) => format!(
            "no permission to write {file}: nothing was saved; ask whoever runs the machine ({detail})"
        ),
    })
}
