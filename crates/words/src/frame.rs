//! Texts of the terminal app's frame: the header line (who, which school,
//! which file) and the notice when the terminal is too small.

use super::Lang;

/// The header line of the terminal app: who, which school, which file.
pub fn header(
    l: Lang,
    account: &str,
    roles: &[rules::Role],
    school: Option<&str>,
    file: Option<&str>,
    demo: bool,
) -> String {
    let roles: Vec<&str> = roles.iter().map(|r| super::role(l, *r)).collect();
    // The first role and how many more: the line must leave room for
    // the file.
    let roles = match roles.as_slice() {
        [] => l.t("无角色", "no role").to_string(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
    };
    let school = school.map_or_else(
        || l.t("(未设校名)", "(no school name)").to_string(),
        |s| super::shown(s).into_owned(),
    );
    let demo = if demo {
        l.t(
            "【示例学校:尚无数据库】  ",
            "[demo school: no database yet]  ",
        )
    } else {
        ""
    };
    // The file is named to the office only (issue 26): where the data
    // lives is no business of a teacher's or a leader's.
    let file = match file {
        Some(f) => say!(l, "  文件 {}", "  file {}", super::shown(f)),
        None => String::new(),
    };
    // The demo notice first: a narrow terminal cuts the end of the line.
    say!(
        l,
        "{}账号 {}({})  学校 {}{}",
        "{}account {} ({})  school {}{}",
        demo,
        super::shown(account),
        roles,
        school,
        file
    )
}

/// The header of the phone-sized layout: who, with one role, and the
/// demo notice; no school or file (the width is a phone's).
pub fn compact_header(l: Lang, account: &str, roles: &[rules::Role], demo: bool) -> String {
    let role = roles
        .first()
        .map_or_else(|| l.t("无角色", "no role"), |r| super::role(l, *r));
    let more = match roles.len() {
        0 | 1 => String::new(),
        n => format!(" +{}", n - 1),
    };
    let demo = if demo {
        l.t("【示例】", "[demo] ")
    } else {
        ""
    };
    say!(
        l,
        "{}{}({}{})",
        "{}{} ({}{})",
        demo,
        super::shown(account),
        role,
        more
    )
}

/// A screen the phone-sized layout does not draw: which ones it does.
pub fn compact_only(l: Lang, here: &str, available: &[&str], min_w: u16, min_h: u16) -> String {
    say!(
        l,
        "“{}”需要至少 {}×{} 的终端。此尺寸可用:{}。",
        "\"{}\" needs a terminal of at least {}×{}. At this size: {}.",
        here,
        min_w,
        min_h,
        // "2 请假审批" stays on one line where the text wraps.
        available
            .iter()
            .map(|t| t.replace(' ', "\u{a0}"))
            .collect::<Vec<_>>()
            .join(l.t("、", ", "))
    )
}

/// The terminal is smaller than the screens need.
/// `phone` is the smallest size of the phone-sized layout.
pub fn too_small(l: Lang, w: u16, h: u16, min_w: u16, min_h: u16, phone: (u16, u16)) -> String {
    let (pw, ph) = phone;
    match l {
        Lang::Zh => {
            format!("终端太小({w}×{h}),至少需要 {min_w}×{min_h}(手机布局 {pw}×{ph}),请放大窗口")
        }
        Lang::En => {
            format!(
                "Terminal too small ({w}×{h}); it needs at least {min_w}×{min_h} (phone layout {pw}×{ph}), please enlarge it"
            )
        }
    }
}
