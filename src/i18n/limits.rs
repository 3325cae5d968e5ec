//! Text for bounded input (`core::limits`): the fields a person or a file
//! fills, and why a value is out of bounds.

use super::{Lang, shown};
use crate::core::limits::{Bound, Field};

/// A field as people name it.
pub fn field_name(l: Lang, f: Field) -> &'static str {
    match f {
        Field::TeacherId => l.t("工号", "teacher id"),
        Field::Name => l.t("姓名", "name"),
        Field::Group => l.t("教研组", "teaching group"),
        Field::Grade => l.t("年级组", "grade group"),
        Field::Title => l.t("标题", "title"),
        Field::Presenter => l.t("主讲人", "presenter"),
        Field::Host => l.t("主持人", "host"),
        Field::Recorder => l.t("记录人", "recorder"),
        Field::Reason => l.t("理由", "reason"),
        Field::Comment => l.t("意见", "comment"),
        Field::Remark => l.t("备注", "remark"),
        Field::Organiser => l.t("主办单位", "organiser"),
        Field::Card => l.t("学分卡编号", "credit card number"),
        Field::Major => l.t("专业", "major"),
        Field::School => l.t("学校名称", "school name"),
        Field::Account => l.t("账号", "account"),
        Field::Note => l.t("说明", "note"),
        Field::NotesChars => l.t("笔记字数", "note characters"),
        Field::OpenLessons => l.t("公开课节数", "open lessons"),
        Field::Credits => l.t("学分", "credits"),
    }
}

/// A character as it may be shown: `U+001B`.
fn code(ch: char) -> String {
    format!("U+{:04X}", ch as u32)
}

/// Why a value is out of bounds.
pub fn bound(l: Lang, b: &Bound) -> String {
    match (l, b) {
        (Lang::Zh, Bound::TooLong { max, len }) => format!("过长({len} 个字符,最多 {max} 个)"),
        (Lang::En, Bound::TooLong { max, len }) => {
            format!("is too long ({len} characters, at most {max})")
        }
        (Lang::Zh, Bound::Control { at, ch }) => {
            format!("第 {at} 个字符是控制字符 {},不允许", code(*ch))
        }
        (Lang::En, Bound::Control { at, ch }) => {
            format!("has a control character {} at character {at}", code(*ch))
        }
        (Lang::Zh, Bound::Invisible { at, ch }) => {
            format!(
                "第 {at} 个字符是不可见或改变文字方向的字符 {},不允许",
                code(*ch)
            )
        }
        (Lang::En, Bound::Invisible { at, ch }) => format!(
            "has an invisible or direction-changing character {} at character {at}",
            code(*ch)
        ),
        (Lang::Zh, Bound::IdChar { at, ch }) => format!(
            "第 {at} 个字符“{}”不允许(编号只能含字母、数字和 - _ .,且不以 . 开头)",
            shown(&ch.to_string())
        ),
        (Lang::En, Bound::IdChar { at, ch }) => format!(
            "has `{}` at character {at} (ids hold letters, digits and - _ . only, not starting with .)",
            shown(&ch.to_string())
        ),
        (Lang::Zh, Bound::TooLarge { max }) => format!("过大(最多 {max})"),
        (Lang::En, Bound::TooLarge { max }) => format!("is too large (at most {max})"),
    }
}

/// One line for a value out of bounds; nothing was changed.
pub fn bound_error(l: Lang, field: Field, value: &str, b: &Bound) -> String {
    match l {
        Lang::Zh => format!(
            "{}“{}”{},未做任何更改",
            field_name(l, field),
            shown(value),
            bound(l, b)
        ),
        Lang::En => format!(
            "{} `{}` {}; nothing was changed",
            field_name(l, field),
            shown(value),
            bound(l, b)
        ),
    }
}

/// A file refused for its size or its header, before any row is read.
pub fn file_bound(l: Lang, e: &crate::io::ImportError) -> String {
    use crate::io::ImportError::*;
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
        (_, other) => super::import_error(l, other),
    }
}
