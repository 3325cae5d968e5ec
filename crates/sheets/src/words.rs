//! The words for spreadsheet problems: a refused file, a bad cell, a
//! column (moved up from the words crate: they name this crate's types).

mod files;
pub use files::*;

use i18n::say;
use i18n::*;

/// What is wrong with one cell.
pub fn problem(l: Lang, p: &crate::Problem) -> String {
    use crate::Problem::*;
    match p {
        Missing => l.t("不能为空", "is empty").into(),
        Spaces => l.t("工号不能含空格", "must have no spaces").into(),
        Date => l
            .t(
                "应为日期,如 2025-09-01 或 2025/9/1",
                "should be a date such as 2025-09-01",
            )
            .into(),
        Time => l
            .t("应为时间,如 14:30", "should be a time such as 14:30")
            .into(),
        Credits => l
            .t("应为学分,如 1 或 1.5", "should be credits such as 1 or 1.5")
            .into(),
        Kind => l
            .t(
                "应为 业务学习、校本培训、外出学习 或 远程培训",
                "should be weekly, training, outside or remote",
            )
            .into(),
        Duplicate { first_row } => say!(l, "与第 {first_row} 行重复", "repeats row {first_row}"),
        EndNotAfterStart => l
            .t("结束时间应晚于开始时间", "the end is not after the start")
            .into(),
        ToBeforeFrom => l
            .t("离校日期早于入职日期", "is before the first day")
            .into(),
        OutsideTerm { term } => say!(l, "不在学期 {term} 内", "is outside the term {term}"),
        UnknownGroup { group, near, known } => {
            i18n::unknown_group(l, group, near.as_deref(), known)
        }
        AsShown(p) => as_shown(l, p),
        Bound(b) => bound(l, b),
    }
}

/// How many bad cells a message lists before "and N more".
const SHOWN: usize = 20;

/// One message for a refused file: every bad cell on its own line.
pub fn import_error(l: Lang, e: &crate::ImportError) -> String {
    use crate::ImportError::*;
    let enc = |x: &crate::Encoding| match x {
        crate::Encoding::Utf8 => "UTF-8",
        crate::Encoding::Gbk => "GBK/GB18030",
        crate::Encoding::Auto => "UTF-8 / GBK",
    };
    match (l, e) {
        (_, e @ (SheetTooLarge { .. } | FileTooLarge { .. } | DuplicateColumn { .. })) => {
            file_bound(l, e)
        }
        (_, Read { file, why }) => {
            let (file, why) = (shown(file), shown(why));
            match l {
                Lang::Zh => format!("{file}:无法读取({why}),未导入任何数据"),
                Lang::En => format!("{file}: cannot read it: {why}; nothing was imported"),
            }
        }
        (
            _,
            Encoding {
                file,
                encoding,
                line,
            },
        ) => {
            let encoding = enc(encoding);
            say!(
                l,
                "{file}:第 {line} 行不是 {encoding} 编码的文字;可用 --encoding 指定。未导入任何数据",
                "{file}: line {line} is not {encoding} text; try --encoding. Nothing was imported",
            )
        }
        (_, NoHeader { file, missing }) => {
            let file = shown(file);
            let columns: Vec<&str> = missing.iter().map(|f| column(l, f)).collect();
            match l {
                Lang::Zh => format!(
                    "{file}:找不到表头行(缺少列:{});未导入任何数据",
                    columns.join("、")
                ),
                Lang::En => format!(
                    "{file}: no header row with the columns {}; nothing was imported",
                    columns.join(", ")
                ),
            }
        }
        (_, Empty { file }) => match l {
            Lang::Zh => format!("{}:表头下没有数据行,未导入任何数据", shown(file)),
            Lang::En => format!(
                "{}: no data rows below the header; nothing was imported",
                shown(file)
            ),
        },
        (_, Rows { file, problems }) => {
            let mut out = match l {
                Lang::Zh => format!("{file}:{} 处错误,未导入任何数据:", problems.len()),
                Lang::En => format!(
                    "{file}: {}; nothing was imported:",
                    match problems.len() {
                        1 => "1 bad cell".to_string(),
                        n => format!("{n} bad cells"),
                    }
                ),
            };
            for p in problems.iter().take(SHOWN) {
                out.push('\n');
                out.push_str(&match l {
                    Lang::Zh => format!(
                        "  第 {} 行 {} 列({}):“{}” {}",
                        p.row,
                        p.column,
                        shown(&p.header),
                        shown(&p.value),
                        problem(l, &p.problem)
                    ),
                    Lang::En => format!(
                        "  row {}, column {} ({}): `{}` {}",
                        p.row,
                        p.column,
                        shown(&p.header),
                        shown(&p.value),
                        problem(l, &p.problem)
                    ),
                });
            }
            if problems.len() > SHOWN {
                out.push('\n');
                out.push_str(&match l {
                    Lang::Zh => format!("  …… 另有 {} 处", problems.len() - SHOWN),
                    Lang::En => format!("  … and {} more", problems.len() - SHOWN),
                });
            }
            out
        }
        (_, Write { file, why }) => match l {
            Lang::Zh => format!("无法写入 {}:{}", shown(file), shown(why)),
            Lang::En => format!("{}: cannot write it: {}", shown(file), shown(why)),
        },
        (_, Exists { file }) => match l {
            Lang::Zh => format!("{} 已存在;如要覆盖请加 --force", shown(file)),
            Lang::En => format!("{} already exists; give --force to replace it", shown(file)),
        },
    }
}

/// A file column as people name it: its usual Chinese header (the first
/// of its aliases), or its canonical English name.
pub fn column(l: Lang, f: &crate::Field) -> &'static str {
    match l {
        Lang::Zh => f.aliases.first().copied().unwrap_or(f.key),
        Lang::En => f.key,
    }
}

/// A file refused for its size or its header, before any row is read.
pub fn file_bound(l: Lang, e: &crate::ImportError) -> String {
    use crate::ImportError::*;
    match (l, e) {
        (
            Lang::Zh,
            SheetTooLarge {
                file,
                cell,
                max_rows,
                max_columns,
            },
        ) => format!(
            "{}:工作表用到了单元格 {cell},超出 {max_rows} 行或 {max_columns} 列的上限;未导入任何数据",
            shown(file)
        ),
        (
            Lang::En,
            SheetTooLarge {
                file,
                cell,
                max_rows,
                max_columns,
            },
        ) => format!(
            "{}: the sheet reaches cell {cell}, beyond {max_rows} rows or {max_columns} columns; nothing was imported",
            shown(file)
        ),
        (Lang::Zh, FileTooLarge { file, max_bytes }) => format!(
            "{}:文件超过 {} MB 的上限;未导入任何数据",
            shown(file),
            max_bytes / (1024 * 1024)
        ),
        (Lang::En, FileTooLarge { file, max_bytes }) => format!(
            "{}: larger than {} MB; nothing was imported",
            shown(file),
            max_bytes / (1024 * 1024)
        ),
        (
            Lang::Zh,
            DuplicateColumn {
                file,
                first,
                first_header,
                second,
                second_header,
            },
        ) => format!(
            "{}:{first} 列“{}”与 {second} 列“{}”是同一项,请删去其中一列;未导入任何数据",
            shown(file),
            shown(first_header),
            shown(second_header)
        ),
        (
            Lang::En,
            DuplicateColumn {
                file,
                first,
                first_header,
                second,
                second_header,
            },
        ) => format!(
            "{}: column {first} ({}) and column {second} ({}) are the same field; remove one; nothing was imported",
            shown(file),
            shown(first_header),
            shown(second_header)
        ),
        (_, other) => import_error(l, other),
    }
}
