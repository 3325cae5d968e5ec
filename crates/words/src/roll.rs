//! Texts of the roll-call screen: its questions, marks and corrections.

use super::Lang;

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
