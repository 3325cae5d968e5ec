//! Texts of the roll-call screen: its questions, marks and corrections.

use super::Lang;

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
        undo: String,
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
        (_, Closed { key, undo }) => say!(
            l,
            "点名已结束,不能再点名;结束点名的人在活动结束前可按 {} 撤销结束;按 {} 更正某位教师(需填理由)",
            "The roll is closed: no more calls; whoever closed it may press {} to take the close back until the session ends; press {} to correct a teacher (with a reason)",
            super::shown(undo),
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
