//! Texts of the terminal app's frame: the header line (who, which school,
//! which file) and the notice when the terminal is too small.

use super::Lang;

/// The header line of the terminal app: who, which school, which file.
pub fn header(
    l: Lang,
    account: &str,
    roles: &[rules::Role],
    school: Option<&str>,
    file: &str,
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
    // The demo notice first: a narrow terminal cuts the end of the line.
    match l {
        Lang::Zh => format!(
            "{demo}账号 {}({roles})  学校 {school}  文件 {}",
            super::shown(account),
            super::shown(file)
        ),
        Lang::En => format!(
            "{demo}account {} ({roles})  school {school}  file {}",
            super::shown(account),
            super::shown(file)
        ),
    }
}

/// The terminal is smaller than the screens need.
pub fn too_small(l: Lang, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    match l {
        Lang::Zh => format!("终端太小({w}×{h}),至少需要 {min_w}×{min_h},请放大窗口"),
        Lang::En => {
            format!(
                "Terminal too small ({w}×{h}); it needs at least {min_w}×{min_h}, please enlarge it"
            )
        }
    }
}
