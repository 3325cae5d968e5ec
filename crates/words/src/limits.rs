//! Text for bounded input (`core::limits`): the fields a person or a file
//! fills, and why a value is out of bounds.

use super::{Lang, shown};
use rules::limits::{Bound, Field};

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field, checked complete by the match below.
    const FIELDS: [Field; 20] = [
        Field::TeacherId,
        Field::Name,
        Field::Group,
        Field::Grade,
        Field::Title,
        Field::Presenter,
        Field::Host,
        Field::Recorder,
        Field::Reason,
        Field::Comment,
        Field::Remark,
        Field::Organiser,
        Field::Card,
        Field::Major,
        Field::School,
        Field::Account,
        Field::Note,
        Field::NotesChars,
        Field::OpenLessons,
        Field::Credits,
    ];

    fn listed(f: Field) -> bool {
        // A new field fails to compile here until it is listed above.
        match f {
            Field::TeacherId
            | Field::Name
            | Field::Group
            | Field::Grade
            | Field::Title
            | Field::Presenter
            | Field::Host
            | Field::Recorder
            | Field::Reason
            | Field::Comment
            | Field::Remark
            | Field::Organiser
            | Field::Card
            | Field::Major
            | Field::School
            | Field::Account
            | Field::Note
            | Field::NotesChars
            | Field::OpenLessons
            | Field::Credits => FIELDS.contains(&f),
        }
    }

    fn is_cjk(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
    }

    #[test]
    fn every_field_and_bound_has_words_in_both_languages() {
        let bounds = [
            Bound::TooLong { max: 32, len: 40 },
            Bound::Control {
                at: 2,
                ch: '\u{1b}',
            },
            Bound::Invisible {
                at: 1,
                ch: '\u{202e}',
            },
            Bound::IdChar { at: 3, ch: '/' },
            Bound::TooLarge { max: 1000 },
        ];
        for f in FIELDS {
            assert!(listed(f));
            let (zh, en) = (field_name(Lang::Zh, f), field_name(Lang::En, f));
            assert!(
                !zh.is_empty() && !zh.chars().any(|c| c.is_ascii_alphabetic()),
                "{zh}"
            );
            assert!(!en.is_empty() && !en.chars().any(is_cjk), "{en}");
            for b in &bounds {
                let zh = bound_error(Lang::Zh, f, "T0001", b);
                let en = bound_error(Lang::En, f, "T0001", b);
                // Chinese: no run of Latin letters but the value and U+ codes.
                let rest: String = zh
                    .replace("T0001", "")
                    .split("U+")
                    .enumerate()
                    .map(|(i, part)| {
                        if i == 0 {
                            part
                        } else {
                            part.trim_start_matches(|c: char| c.is_ascii_hexdigit())
                        }
                    })
                    .collect();
                assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{zh}");
                assert!(!en.chars().any(is_cjk), "{en}");
            }
        }
    }
}
