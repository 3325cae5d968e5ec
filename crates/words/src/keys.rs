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
        /// The keys that mark and undo.
        mark: String,
        undo: String,
    },
    /// Start the second call, calling the `missing` one by one?
    ConfirmSecond {
        missing: usize,
        date: Option<chrono::NaiveDate>,
    },
    /// End the second call: the `missing` become late if they come.
    ConfirmEndSecond {
        missing: usize,
        undo: String,
    },
    /// The closing question's title.
    ConfirmClose {
        absent: usize,
    },
    /// Beside a name in the closing list.
    LeavePending,
    /// A key that cannot apply to a closed roll; `key` corrects.
    Closed {
        key: String,
    },
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
    /// The correction's keys: the next field, done, cancel.
    CorrectHint {
        next: String,
        submit: String,
        cancel: String,
    },
    /// The status after a correction.
    Corrected {
        name: String,
    },
    /// The question's answer line.
    YesNo {
        yes: String,
        no: String,
    },
    /// A mark key on a teacher already marked: nothing is opened; the
    /// correction has its own `key`.
    AlreadyMarked {
        name: String,
        key: String,
    },
    /// Calling mode turned on or off by its key.
    CallingOn,
    CallingOff {
        key: String,
    },
    /// Quitting while calling names: asked first.
    ConfirmQuit,
    /// A late arrival marked by one key, at `at`; `key` corrects.
    MarkedLate {
        name: String,
        at: String,
        key: String,
    },
    /// After the second call the list shows the `missing` only; `key`
    /// shows everyone.
    MissingOnly {
        missing: usize,
        key: String,
    },
    /// The find box: match `at` of `of`, `key` the next.
    FindNext {
        at: usize,
        of: usize,
        key: String,
    },
}

pub fn roll_text(l: Lang, t: &RollText) -> String {
    use RollText::*;
    let on = |d: &Option<chrono::NaiveDate>| match (l, d) {
        (_, None) => String::new(),
        (Lang::Zh, Some(d)) => format!("注意:此活动在 {d},不是今天。"),
        (Lang::En, Some(d)) => format!("Note: this session is on {d}, not today. "),
    };
    match (l, t) {
        (Lang::Zh, ConfirmFirst { date, mark, undo }) => format!(
            "{}开始第一次点名?之后{}记到,{} 撤销。",
            on(date),
            super::shown(mark),
            super::shown(undo)
        ),
        (Lang::En, ConfirmFirst { date, mark, undo }) => format!(
            "{}Start the first call? Then {} marks present; {} takes back.",
            on(date),
            super::shown(mark),
            super::shown(undo)
        ),
        (Lang::Zh, ConfirmSecond { missing, date }) => format!(
            "{}开始第二次点名?将逐个点第一次未到的 {missing} 人。",
            on(date)
        ),
        (Lang::En, ConfirmSecond { missing, date }) => format!(
            "{}Start the second call? The {missing} not seen at the first are called one by one.",
            on(date)
        ),
        (Lang::Zh, ConfirmEndSecond { missing, undo }) => format!(
            "结束第二次点名?此后到场的 {missing} 人将记为迟到({} 可撤销)。",
            super::shown(undo)
        ),
        (Lang::En, ConfirmEndSecond { missing, undo }) => format!(
            "End the second call? Any of the {missing} still missing who arrive later are late ({} takes back).",
            super::shown(undo)
        ),
        (Lang::Zh, ConfirmClose { absent }) => format!("结束点名?以下 {absent} 人将记旷工"),
        (Lang::En, ConfirmClose { absent }) => {
            format!("Close the roll? These {absent} teachers become absent")
        }
        (Lang::Zh, LeavePending) => "(请假待审批)".into(),
        (Lang::En, LeavePending) => "(leave pending)".into(),
        (Lang::Zh, Closed { key }) => format!(
            "点名已结束,不能再点名或撤销;按 {} 更正某位教师(需填理由)",
            super::shown(key)
        ),
        (Lang::En, Closed { key }) => format!(
            "The roll is closed: no more calls or undo; press {} to correct a teacher (with a reason)",
            super::shown(key)
        ),
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
        (
            Lang::Zh,
            CorrectHint {
                next,
                submit,
                cancel,
            },
        ) => format!(
            "↑↓ 选择  {} 时间/理由  {} 确定  {} 取消",
            super::shown(next),
            super::shown(submit),
            super::shown(cancel)
        ),
        (
            Lang::En,
            CorrectHint {
                next,
                submit,
                cancel,
            },
        ) => format!(
            "↑↓ choose  {} time/reason  {} done  {} cancel",
            super::shown(next),
            super::shown(submit),
            super::shown(cancel)
        ),
        (Lang::Zh, Corrected { name }) => format!("{} 的记录已更正", super::shown(name)),
        (Lang::En, Corrected { name }) => format!("{}'s record corrected", super::shown(name)),
        (Lang::Zh, AlreadyMarked { name, key }) => format!(
            "{} 已有记录,未做更改;要更正请按 {}",
            super::shown(name),
            super::shown(key)
        ),
        (Lang::En, AlreadyMarked { name, key }) => format!(
            "{} is already marked; nothing changed (press {} to correct)",
            super::shown(name),
            super::shown(key)
        ),
        (Lang::Zh, CallingOn) => "逐个点名:开".into(),
        (Lang::En, CallingOn) => "Calling names: on".into(),
        (Lang::Zh, CallingOff { key }) => {
            format!("逐个点名:关(按 {} 重新打开)", super::shown(key))
        }
        (Lang::En, CallingOff { key }) => {
            format!(
                "Calling names: off (press {} to turn it on)",
                super::shown(key)
            )
        }
        (Lang::Zh, ConfirmQuit) => {
            "正在逐个点名。现在退出?已记的都已保存,重新打开后从这里接着点。".into()
        }
        (Lang::En, ConfirmQuit) => {
            "Calling names. Quit now? Every mark is saved; reopened, the call goes on from here."
                .into()
        }
        (Lang::Zh, MarkedLate { name, at, key }) => format!(
            "{} 迟到 {at} 已记(时间不对按 {} 更正)",
            super::shown(name),
            super::shown(key)
        ),
        (Lang::En, MarkedLate { name, at, key }) => format!(
            "{} marked late {at} (press {} to correct the time)",
            super::shown(name),
            super::shown(key)
        ),
        (Lang::Zh, MissingOnly { missing, key }) => {
            format!("仅列未到的 {missing} 人(按 {} 显示全部)", super::shown(key))
        }
        (Lang::En, MissingOnly { missing, key }) => format!(
            "only the {missing} missing (press {} for everyone)",
            super::shown(key)
        ),
        (Lang::Zh, FindNext { at, of, key }) => {
            format!("第 {at}/{of} 个,按 {} 下一个", super::shown(key))
        }
        (Lang::En, FindNext { at, of, key }) => {
            format!("match {at}/{of}, {} the next", super::shown(key))
        }
        (Lang::Zh, YesNo { yes, no }) => {
            format!("{} 确认  {} 取消", super::shown(yes), super::shown(no))
        }
        (Lang::En, YesNo { yes, no }) => {
            format!("{} confirm  {} cancel", super::shown(yes), super::shown(no))
        }
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
    /// Who decided, beside the decision.
    DecidedBy,
    /// The papers popup's title, and its two papers.
    EvidenceTitle,
    EvidenceNote,
    EvidenceCertificate,
    /// The status after recording them.
    EvidenceSaved,
}

pub fn leave_text(l: Lang, t: LeaveText) -> &'static str {
    match t {
        LeaveText::DecidedBy => l.t("审批人", "by"),
        LeaveText::EvidenceTitle => l.t("收到的证明材料", "Papers received"),
        LeaveText::EvidenceNote => l.t("请假条", "leave note"),
        LeaveText::EvidenceCertificate => l.t("医院证明", "hospital certificate"),
        LeaveText::EvidenceSaved => l.t("证明材料已登记", "papers recorded"),
    }
}

/// Hints that name keys, each key as the key map binds it (a user's
/// keys.toml may have changed it), written by the terminal app.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum KeyHint {
    /// The status line when there is nothing to say: help and quit.
    HelpQuit { help: String, quit: String },
    /// The help overlay's title: the key that closes it.
    HelpTitle { close: String },
    /// The calling box's title: mark, next name, stop.
    Calling {
        mark: String,
        next: String,
        stop: String,
    },
    /// A question's answer line.
    YesNo { yes: String, no: String },
    /// The leave queue's last line: a new request.
    NewRequest { key: String },
    /// Reject was confirmed with an empty reason; `submit` confirms.
    RejectNeedsReason { submit: String },
    /// The papers popup's keys: tick each paper, save, cancel.
    Evidence {
        note: String,
        certificate: String,
        submit: String,
        cancel: String,
    },
    /// A time box's title.
    TimePrompt { submit: String },
    /// The comment box of an approval.
    CommentPrompt { submit: String },
    /// The reason box of a rejection.
    RejectPrompt { submit: String },
    /// The new leave request form's title.
    FormTitle {
        next: String,
        submit: String,
        cancel: String,
    },
}

pub fn key_hint(l: Lang, h: &KeyHint) -> String {
    use KeyHint::*;
    let k = |s: &String| super::shown(s).into_owned();
    match (l, h) {
        (Lang::Zh, HelpQuit { help, quit }) => format!("{} 帮助  {} 退出", k(help), k(quit)),
        (Lang::En, HelpQuit { help, quit }) => format!("{} help  {} quit", k(help), k(quit)),
        (Lang::Zh, HelpTitle { close }) => format!("按键说明({} 关闭)", k(close)),
        (Lang::En, HelpTitle { close }) => format!("Keys ({} closes)", k(close)),
        (Lang::Zh, Calling { mark, next, stop }) => format!(
            "点名中:{}=到  {}=下一位  {}=停止",
            k(mark),
            k(next),
            k(stop)
        ),
        (Lang::En, Calling { mark, next, stop }) => format!(
            "Calling: {}=here  {}=next  {}=stop",
            k(mark),
            k(next),
            k(stop)
        ),
        (Lang::Zh, YesNo { yes, no }) => format!("{} 确认  {} 取消", k(yes), k(no)),
        (Lang::En, YesNo { yes, no }) => format!("{} confirm  {} cancel", k(yes), k(no)),
        (Lang::Zh, RejectNeedsReason { submit }) => {
            format!("驳回须填写理由:请输入理由后按 {}", k(submit))
        }
        (Lang::En, RejectNeedsReason { submit }) => {
            format!("A rejection needs its reason: type it, then {}", k(submit))
        }
        (Lang::Zh, NewRequest { key }) => format!("{} 新申请", k(key)),
        (Lang::En, NewRequest { key }) => format!("{} new request", k(key)),
        (
            Lang::Zh,
            Evidence {
                note,
                certificate,
                submit,
                cancel,
            },
        ) => format!(
            "{} 请假条  {} 医院证明  {} 保存  {} 取消",
            k(note),
            k(certificate),
            k(submit),
            k(cancel)
        ),
        (
            Lang::En,
            Evidence {
                note,
                certificate,
                submit,
                cancel,
            },
        ) => format!(
            "{} leave note  {} certificate  {} save  {} cancel",
            k(note),
            k(certificate),
            k(submit),
            k(cancel)
        ),
        (Lang::Zh, TimePrompt { submit }) => format!("时间 HH:MM({}确认)", k(submit)),
        (Lang::En, TimePrompt { submit }) => format!("Time HH:MM ({} to confirm)", k(submit)),
        (Lang::Zh, CommentPrompt { submit }) => format!("意见(可空,{}确认)", k(submit)),
        (Lang::En, CommentPrompt { submit }) => format!("Comment (optional, {})", k(submit)),
        (Lang::Zh, RejectPrompt { submit }) => format!("驳回理由(必填,{}确认)", k(submit)),
        (Lang::En, RejectPrompt { submit }) => {
            format!("Reason for rejecting (required, {})", k(submit))
        }
        (
            Lang::Zh,
            FormTitle {
                next,
                submit,
                cancel,
            },
        ) => format!(
            "新的请假申请({} 切换,{}提交,{} 取消)",
            k(next),
            k(submit),
            k(cancel)
        ),
        (
            Lang::En,
            FormTitle {
                next,
                submit,
                cancel,
            },
        ) => format!(
            "New leave request ({} next, {} submit, {} cancel)",
            k(next),
            k(submit),
            k(cancel)
        ),
    }
}
