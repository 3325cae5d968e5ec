//! Texts of the terminal app's key map and screens that are new with the
//! screen-per-tab structure (issue 17): key-file errors and the like.

use super::Lang;

/// What is wrong with the user's keys.toml.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum KeyFileError {
    /// Not TOML at all: the parser's message.
    Syntax(String),
    /// A name that is no action.
    NotAnAction(String),
    /// A table named after no screen.
    NotAScreen(String),
    /// A key that cannot be read.
    NotAKey(String),
}

pub fn key_file_error(l: Lang, e: &KeyFileError) -> String {
    let shown = |s: &str| super::shown(s).into_owned();
    match (l, e) {
        (Lang::Zh, KeyFileError::Syntax(why)) => format!("keys.toml 格式有误:{}", shown(why)),
        (Lang::En, KeyFileError::Syntax(why)) => format!("keys.toml: {}", shown(why)),
        (Lang::Zh, KeyFileError::NotAnAction(a)) => {
            format!("keys.toml:没有名为 `{}` 的操作", shown(a))
        }
        (Lang::En, KeyFileError::NotAnAction(a)) => {
            format!("keys.toml: `{}` is not an action", shown(a))
        }
        (Lang::Zh, KeyFileError::NotAScreen(s)) => format!(
            "keys.toml:没有名为 [{}] 的页面(roll、leave、standings、teacher、credits、history)",
            shown(s)
        ),
        (Lang::En, KeyFileError::NotAScreen(s)) => format!(
            "keys.toml: [{}] is not a screen (roll, leave, standings, teacher, credits, history)",
            shown(s)
        ),
        (Lang::Zh, KeyFileError::NotAKey(k)) => format!("keys.toml:`{}` 不是按键", shown(k)),
        (Lang::En, KeyFileError::NotAKey(k)) => format!("keys.toml: `{}` is not a key", shown(k)),
    }
}

/// Texts of the roll-call screen's questions and corrections (issue 17).
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum RollText {
    /// Start the first call? `date` when the session is not today.
    ConfirmFirst {
        date: Option<chrono::NaiveDate>,
    },
    /// Start the second call, calling the `missing` one by one?
    ConfirmSecond {
        missing: usize,
        date: Option<chrono::NaiveDate>,
    },
    /// End the second call: the `missing` become late if they come.
    ConfirmEndSecond {
        missing: usize,
    },
    /// The closing question's title.
    ConfirmClose {
        absent: usize,
    },
    /// Beside a name in the closing list.
    LeavePending,
    /// A key that cannot apply to a closed roll.
    Closed,
    /// The correction popup's title.
    CorrectTitle {
        name: String,
    },
    CorrectPresent,
    CorrectLate,
    CorrectEarly,
    CorrectClear,
    CorrectTime,
    /// The reason box, required once the roll is closed.
    CorrectReason {
        required: bool,
    },
    CorrectHint,
    /// The status after a correction.
    Corrected {
        name: String,
    },
    /// The question's answer line.
    YesNo,
}

pub fn roll_text(l: Lang, t: &RollText) -> String {
    use RollText::*;
    let on = |d: &Option<chrono::NaiveDate>| match (l, d) {
        (_, None) => String::new(),
        (Lang::Zh, Some(d)) => format!("注意:此活动在 {d},不是今天。"),
        (Lang::En, Some(d)) => format!("Note: this session is on {d}, not today. "),
    };
    match (l, t) {
        (Lang::Zh, ConfirmFirst { date }) => {
            format!("{}开始第一次点名?之后空格记到,u 撤销。", on(date))
        }
        (Lang::En, ConfirmFirst { date }) => format!(
            "{}Start the first call? Then space marks present; u takes back.",
            on(date)
        ),
        (Lang::Zh, ConfirmSecond { missing, date }) => format!(
            "{}开始第二次点名?将逐个点第一次未到的 {missing} 人。",
            on(date)
        ),
        (Lang::En, ConfirmSecond { missing, date }) => format!(
            "{}Start the second call? The {missing} not seen at the first are called one by one.",
            on(date)
        ),
        (Lang::Zh, ConfirmEndSecond { missing }) => {
            format!("结束第二次点名?此后到场的 {missing} 人将记为迟到(u 可撤销)。")
        }
        (Lang::En, ConfirmEndSecond { missing }) => format!(
            "End the second call? Any of the {missing} still missing who arrive later are late (u takes back)."
        ),
        (Lang::Zh, ConfirmClose { absent }) => format!("结束点名?以下 {absent} 人将记旷工"),
        (Lang::En, ConfirmClose { absent }) => {
            format!("Close the roll? These {absent} teachers become absent")
        }
        (Lang::Zh, LeavePending) => "(请假待审批)".into(),
        (Lang::En, LeavePending) => "(leave pending)".into(),
        (Lang::Zh, Closed) => "点名已结束,不能再点名或撤销;按 m 更正某位教师(需填理由)".into(),
        (Lang::En, Closed) => {
            "The roll is closed: no more calls or undo; press m to correct a teacher (with a reason)"
                .into()
        }
        (Lang::Zh, CorrectTitle { name }) => format!("更正 {} 的记录", super::shown(name)),
        (Lang::En, CorrectTitle { name }) => format!("Correct {}'s record", super::shown(name)),
        (Lang::Zh, CorrectPresent) => "到".into(),
        (Lang::En, CorrectPresent) => "present".into(),
        (Lang::Zh, CorrectLate) => "迟到,到达时间".into(),
        (Lang::En, CorrectLate) => "late, arrived at".into(),
        (Lang::Zh, CorrectEarly) => "早退,离开时间".into(),
        (Lang::En, CorrectEarly) => "left early, at".into(),
        (Lang::Zh, CorrectClear) => "清除记录(未到)".into(),
        (Lang::En, CorrectClear) => "clear (not seen)".into(),
        (Lang::Zh, CorrectTime) => "时间".into(),
        (Lang::En, CorrectTime) => "time".into(),
        (Lang::Zh, CorrectReason { required: true }) => "理由(必填)".into(),
        (Lang::En, CorrectReason { required: true }) => "reason (required)".into(),
        (Lang::Zh, CorrectReason { required: false }) => "理由(可空)".into(),
        (Lang::En, CorrectReason { required: false }) => "reason (optional)".into(),
        (Lang::Zh, CorrectHint) => "↑↓ 选择  Tab 时间/理由  回车 确定  Esc 取消".into(),
        (Lang::En, CorrectHint) => "↑↓ choose  Tab time/reason  Enter done  Esc cancel".into(),
        (Lang::Zh, Corrected { name }) => format!("{} 的记录已更正", super::shown(name)),
        (Lang::En, Corrected { name }) => format!("{}'s record corrected", super::shown(name)),
        (Lang::Zh, YesNo) => "y 确认  n 取消".into(),
        (Lang::En, YesNo) => "y confirm  n cancel".into(),
    }
}

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

/// Texts of the leave queue that are new with issue 17.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum LeaveText {
    /// Reject was confirmed with an empty reason.
    RejectNeedsReason,
    /// Who decided, beside the decision.
    DecidedBy,
}

pub fn leave_text(l: Lang, t: LeaveText) -> &'static str {
    match t {
        LeaveText::RejectNeedsReason => l.t(
            "驳回须填写理由:请输入理由后回车",
            "A rejection needs its reason: type it, then Enter",
        ),
        LeaveText::DecidedBy => l.t("审批人", "by"),
    }
}
