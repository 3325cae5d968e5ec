//! The history in words: every action the program records, every field of
//! a record it changes, and each value as people say it (已到, 待审批 → 已批准,
//! 16:42), never a key, JSON or a Rust name. The store keeps the machine
//! form (`history --json` prints it); this is how people read it, in the
//! command line's `history` and the terminal app's tab 6 alike.

use super::{Lang, shown};
use serde_json::Value;

/// Declares `HistoryAction` from one table: each action with the key the
/// store keeps and its words, in one row; `ALL` and `entry` follow from it.
macro_rules! history_actions {
    ($($name:ident => ($key:literal, $zh:literal, $en:literal),)*) => {
        /// An action the history records. The store keeps its `key`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum HistoryAction {
            $($name,)*
        }

        impl HistoryAction {
            pub const ALL: [HistoryAction; [$(stringify!($name)),*].len()] =
                [$(HistoryAction::$name),*];

            /// The key the store keeps, and its words, in one arm.
            fn entry(self) -> (&'static str, &'static str, &'static str) {
                match self {
                    $(HistoryAction::$name => ($key, $zh, $en),)*
                }
            }
        }
    };
}

history_actions! {
    AccountAdd => ("account.add", "添加账号", "account added"),
    AccountSet => ("account.set", "设置账号", "account set"),
    ArchiveSet => ("archive.set", "修改档案", "archive changed"),
    CreditAdd => ("credit.add", "登记学分", "credits registered"),
    CreditEdit => ("credit.edit", "修改学分登记", "credit entry corrected"),
    CreditPass => ("credit.pass", "学分考评通过", "credits passed"),
    CreditReport => ("credit.report", "收到外出学习汇报", "study report received"),
    CreditReturn => ("credit.return", "学分退回", "credits sent back"),
    CreditSelfAssess => ("credit.self_assess", "学分自评", "credits self-assessed"),
    Demo => ("demo", "生成示例学校", "demo school made"),
    DemoAssessment => ("demo.assessment", "生成示例考核", "demo assessment made"),
    FundsSet => ("funds.set", "登记培训经费", "training funds set"),
    KeyAdd => ("key.add", "添加登录密钥", "login key added"),
    KeyRemove => ("key.remove", "删除登录密钥", "login key removed"),
    LeaveApprove => ("leave.approve", "批准请假", "leave approved"),
    LeaveEvidence => ("leave.evidence", "收到请假材料", "leave evidence received"),
    LeaveReject => ("leave.reject", "驳回请假", "leave rejected"),
    LeaveRequest => ("leave.request", "请假申请", "leave requested"),
    LeaveWithdraw => ("leave.withdraw", "撤回请假", "leave withdrawn"),
    MakeUpDone => ("makeup.done", "公假内容已补", "official leave made up"),
    MakeUpUndo => ("makeup.undo", "取消已补", "make-up taken back"),
    MentorAdd => ("mentor.add", "师徒结对", "mentor pair made"),
    MentorRemove => ("mentor.remove", "解除结对", "mentor pair ended"),
    PolicySet => ("policy.set", "修改考勤设置", "policy changed"),
    PolicyRejudge => ("policy.rejudge", "按现行考勤设置重评", "past re-judged under today's policy"),
    QualificationSet => ("qualification.set", "登记学历", "degree recorded"),
    RollAddExpected => ("roll.add_expected", "补入已结束的点名", "added to a closed roll"),
    RollArrive => ("roll.arrive", "记迟到", "late arrival"),
    RollCorrect => ("roll.correct", "更正考勤", "correction"),
    RollFirstCall => ("roll.first_call", "第一次点名", "first call"),
    RollLeaveEarly => ("roll.leave_early", "记早退", "early leave"),
    RollSecondCall => ("roll.second_call", "第二次点名", "second call"),
    RollState => ("roll.state", "点名进度", "roll call step"),
    RollUndo => ("roll.undo", "撤销点名记录", "roll call mark undone"),
    SchoolSet => ("school.set", "设置学校名称", "school name set"),
    SessionAdd => ("session.add", "添加培训活动", "session added"),
    SessionUpdate => ("session.update", "修改培训活动", "session changed"),
    TeacherAdd => ("teacher.add", "添加教师", "teacher added"),
    TeacherUpdate => ("teacher.update", "修改教师信息", "teacher changed"),
    TermAdd => ("term.add", "添加学期", "term added"),
    TermPublish => ("term.publish", "公布考勤", "standings published"),
    AssessClose => ("assess.close", "关闭学年考核", "year's assessment closed"),
    CreditReject => ("credit.reject", "学分不予认定", "credits rejected"),
    CreditRemove => ("credit.remove", "删除学分登记", "credit entry removed"),
    CreditRevoke => ("credit.revoke", "撤销学分认定", "credit confirmation revoked"),
    CreditWithdraw => ("credit.withdraw", "撤回学分登记", "credit entry withdrawn"),
    LeaveExpire => ("leave.expire", "请假过期", "leave lapsed"),
    RollExcuseEarlyLeave => ("roll.excuse_early_leave", "早退(准假)", "early leave excused"),
    RollFix => ("roll.fix", "改正点名记录", "roll call mark fixed"),
    RollUndoStep => ("roll.undo_step", "撤销点名步骤", "roll call step undone"),
    SessionCancel => ("session.cancel", "取消培训活动", "session cancelled"),
    SessionEdit => ("session.edit", "修改培训活动", "session edited"),
    SessionMove => ("session.move", "调整培训时间", "session moved"),
    TeacherEdit => ("teacher.edit", "修改教师信息", "teacher edited"),
    TeacherLeave => ("teacher.leave", "教师离校", "teacher left the school"),
}

impl HistoryAction {
    /// The key the store keeps for this action.
    pub fn key(self) -> &'static str {
        self.entry().0
    }

    /// The action a stored key names, if the program records it.
    pub fn from_key(key: &str) -> Option<HistoryAction> {
        HistoryAction::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The action in words.
    pub fn text(self, l: Lang) -> &'static str {
        let (_, zh, en) = self.entry();
        l.t(zh, en)
    }
}

/// A stored action key in words; a key this version does not know (a
/// newer program's) is "another change", never the key itself.
pub fn history_action(l: Lang, key: &str) -> &'static str {
    match HistoryAction::from_key(key) {
        Some(a) => a.text(l),
        None => l.t("其他更改", "another change"),
    }
}

/// The word for the head of a stored target (`session 3 / T0001`).
fn target_word(l: Lang, head: &str) -> Option<&'static str> {
    Some(match head {
        "session" => l.t("活动", "session"),
        "account" => l.t("账号", "account"),
        "leave" => l.t("请假", "leave"),
        "teacher" => l.t("教师", "teacher"),
        "term" => l.t("学期", "term"),
        "policy" => l.t("考勤设置", "policy"),
        "school" => l.t("学校", "school"),
        "credit" => l.t("学分登记", "credit entry"),
        "archive" => l.t("档案", "archive"),
        "funds" => l.t("培训经费", "funds"),
        "makeup" => l.t("公假待补", "make-up"),
        "mentor" => l.t("师徒结对", "mentor pair"),
        "qualification" => l.t("学历", "degree"),
        "key" => l.t("登录密钥", "login key"),
        "from" => l.t("自", "from"),
        _ => return None,
    })
}

/// A history entry's target (`session 3 / T0001`, `leave 5`, ...) with
/// its words in the user's language; ids and numbers as they are.
pub fn history_target(l: Lang, target: &str) -> String {
    // What the demo made: "60 teachers, 2 years" and its assessment parts.
    if let Some((n, rest)) = target.split_once(" teachers, ")
        && let Some(y) = rest.strip_suffix(" years")
    {
        return match l {
            Lang::Zh => format!("{} 名教师,{} 学年", shown(n), shown(y)),
            Lang::En => format!("{} teachers, {} years", shown(n), shown(y)),
        };
    }
    if target.starts_with("credits, make-ups") {
        return l
            .t(
                "学分、公假待补、笔记、档案、师徒结对、经费",
                "credits, make-ups, notes, archives, mentors, funds",
            )
            .to_string();
    }
    target
        .split(' ')
        .map(|w| match target_word(l, w) {
            Some(word) => word.to_string(),
            None => shown(w).into_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A history entry's reason: what a person typed, or the import's own
/// (`import FILE`) in words.
pub fn history_reason(l: Lang, reason: &str) -> String {
    match reason {
        "init" => return l.t("新建数据库", "database created").to_string(),
        "demo school generated" => return l.t("生成示例学校", "demo school made").to_string(),
        _ => {}
    }
    match reason.strip_prefix("import ") {
        Some(file) => format!("{} {}", l.t("导入", "import"), shown(file)),
        None => shown(reason).into_owned(),
    }
}

/// A field of a stored record, as people name it.
pub fn history_field(l: Lang, field: &str) -> &'static str {
    match field {
        "first_call" => l.t("第一次点名", "first call"),
        "second_call" => l.t("第二次点名", "second call"),
        "arrived" => l.t("到达时间", "arrived"),
        "left_early" => l.t("早退时间", "left early"),
        "remark" => l.t("备注", "remark"),
        "leave_note" => l.t("请假条", "leave note"),
        "hospital_certificate" => l.t("医院证明", "hospital certificate"),
        "evidence" => l.t("请假材料", "evidence"),
        "roles" => l.t("身份", "roles"),
        "teacher" => l.t("教师", "teacher"),
        "status" => l.t("状态", "status"),
        "comment" => l.t("意见", "comment"),
        "id" => l.t("编号", "number"),
        "name" => l.t("姓名", "name"),
        "group" => l.t("教研组", "teaching group"),
        "grade" => l.t("年级组", "grade group"),
        "active_from" => l.t("到校日期", "first day"),
        "active_to" => l.t("离校日期", "last day"),
        "date" => l.t("日期", "date"),
        "start" => l.t("开始", "start"),
        "end" => l.t("结束", "end"),
        "title" => l.t("标题", "title"),
        "kind" => l.t("类别", "kind"),
        "credits" => l.t("学分", "credits"),
        "presenter" => l.t("主讲人", "presenter"),
        "host" => l.t("主持人", "host"),
        "recorder" => l.t("记录人", "recorder"),
        "audience" => l.t("参加对象", "audience"),
        "cover" => l.t("请假范围", "covers"),
        "reason" => l.t("理由", "reason"),
        "emergency" => l.t("急诊", "emergency"),
        "requested_by" => l.t("申请人", "requested by"),
        "requested_at" => l.t("申请时间", "requested at"),
        "decided_by" => l.t("审批人", "decided by"),
        "decided_at" => l.t("审批时间", "decided at"),
        "stage" => l.t("考评进度", "review stage"),
        "organiser" => l.t("主办单位", "organiser"),
        "card" => l.t("学分卡编号", "credit card number"),
        "reported" => l.t("已交汇报", "report received"),
        "year" => l.t("学年", "academic year"),
        "steps" => l.t("考评记录", "review steps"),
        "items" => l.t("档案材料", "archive items"),
        "notes_chars" => l.t("笔记字数", "note characters"),
        "open_lessons" => l.t("公开课", "open lessons"),
        "multimedia_lessons" => l.t("多媒体公开课", "multimedia open lessons"),
        "degree" => l.t("学历", "degree"),
        "major" => l.t("专业", "major"),
        "matches_subject" => l.t("专业对口", "matches the subject"),
        "public_fen" => l.t("公用经费", "public funds"),
        "training_fen" => l.t("培训经费", "training funds"),
        "mentor" => l.t("师傅", "mentor"),
        "mentee" => l.t("徒弟", "mentee"),
        "state" => l.t("点名进度", "roll call step"),
        "session" => l.t("活动", "session"),
        "done" => l.t("已补", "made up"),
        "note" => l.t("说明", "note"),
        "at" => l.t("时间", "time"),
        "by" => l.t("经办人", "by"),
        "to" => l.t("至", "to"),
        "from" => l.t("自", "from"),
        "policy_changes" => l.t("考勤设置更改生效于", "policy changes in force from"),
        _ => l.t("其他项", "another field"),
    }
}

/// An enum value as stored, in words: states, kinds, roles, degrees...
fn word(l: Lang, v: &Value) -> Option<String> {
    use rules::*;
    macro_rules! try_as {
        ($t:ty, $f:expr) => {
            if let Ok(x) = serde_json::from_value::<$t>(v.clone()) {
                return Some($f(l, x).to_string());
            }
        };
    }
    try_as!(LeaveStatus, super::leave_status);
    try_as!(RollState, super::roll_state);
    try_as!(CreditStage, super::credit_stage);
    try_as!(LeaveKind, super::leave_kind);
    try_as!(Role, super::role);
    try_as!(SessionKind, super::session_kind);
    try_as!(Degree, super::degree);
    try_as!(ArchiveItem, super::archive_item);
    try_as!(Season, super::season);
    None
}

/// One stored value as people say it: yes/no, times without seconds,
/// states in words, lists joined, credits as 1.5, records as their fields.
pub fn history_value(l: Lang, field: &str, v: &Value) -> String {
    if let Some(w) = word(l, v) {
        return w;
    }
    match v {
        Value::Null => "—".into(),
        Value::Bool(b) => super::yes_no(l, *b).into(),
        Value::String(s) if s.is_empty() => "—".into(),
        // Times are stored as HH:MM:SS; the seconds say nothing here.
        Value::String(s) => match chrono::NaiveTime::parse_from_str(s, "%H:%M:%S") {
            Ok(t) => t.format("%H:%M").to_string(),
            Err(_) => match chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
                Ok(t) => t.format("%Y-%m-%d %H:%M").to_string(),
                Err(_) => shown(s).into_owned(),
            },
        },
        // Credits are kept in tenths.
        Value::Number(n) if field == "credits" => match n.as_u64() {
            Some(t) => rules::Credits(t as u32).to_string(),
            None => n.to_string(),
        },
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.is_empty() => "—".into(),
        Value::Array(items) => items
            .iter()
            .map(|x| history_value(l, field, x))
            .collect::<Vec<_>>()
            .join(l.t("、", ", ")),
        Value::Object(m) => m
            .iter()
            .map(|(k, x)| format!("{} {}", history_field(l, k), history_value(l, k, x)))
            .collect::<Vec<_>>()
            .join(l.t(",", ", ")),
    }
}

/// A whole stored record (an entry's before or after) in words.
pub fn history_record(l: Lang, json: Option<&str>) -> String {
    match json.and_then(|j| serde_json::from_str::<Value>(j).ok()) {
        Some(v) => history_value(l, "", &v),
        None => "—".into(),
    }
}

/// The change of one entry in one line: `field: old → new` for each field
/// that changed, or `old → new` for a single value; a new or removed record
/// is said so.
pub fn history_change(l: Lang, before: Option<&str>, after: Option<&str>) -> String {
    let parse = |s: Option<&str>| s.and_then(|j| serde_json::from_str::<Value>(j).ok());
    let (new, removed, unchanged) = (
        l.t("(新建)", "(new)"),
        l.t("(删除)", "(removed)"),
        l.t("(无变化)", "(no change)"),
    );
    match (parse(before), parse(after)) {
        (None, None) => String::new(),
        (None, Some(_)) => new.to_string(),
        (Some(_), None) => removed.to_string(),
        (Some(Value::Object(b)), Some(Value::Object(a))) => {
            let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
            keys.sort();
            keys.dedup();
            let parts: Vec<String> = keys
                .into_iter()
                .filter(|k| b.get(*k) != a.get(*k))
                .map(|k| {
                    let old = b.get(k).map_or("—".into(), |v| history_value(l, k, v));
                    let new = a.get(k).map_or("—".into(), |v| history_value(l, k, v));
                    format!("{}: {old} → {new}", history_field(l, k))
                })
                .collect();
            if parts.is_empty() {
                unchanged.to_string()
            } else {
                parts.join("; ")
            }
        }
        (Some(b), Some(a)) => format!(
            "{} → {}",
            history_value(l, "", &b),
            history_value(l, "", &a)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_key_of_its_own_and_words_in_both_languages() {
        let mut keys: Vec<&str> = HistoryAction::ALL.iter().map(|a| a.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), HistoryAction::ALL.len());
        for a in HistoryAction::ALL {
            assert_eq!(HistoryAction::from_key(a.key()), Some(a));
            let (zh, en) = (a.text(Lang::Zh), a.text(Lang::En));
            assert!(!zh.is_empty() && !en.is_empty(), "{a:?}");
            assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{a:?}: {zh}");
            assert!(en.is_ascii(), "{a:?}: {en}");
        }
    }

    #[test]
    fn values_are_said_as_people_say_them() {
        let l = Lang::Zh;
        let c = history_change(
            l,
            Some(r#"{"status":"Pending","comment":""}"#),
            Some(r#"{"status":"Approved","comment":"同意"}"#),
        );
        assert_eq!(c, "意见: — → 同意; 状态: 待审批 → 已批准");
        let c = history_change(
            l,
            Some(r#"{"arrived":null,"first_call":false}"#),
            Some(r#"{"arrived":"16:42:00","first_call":false}"#),
        );
        assert_eq!(c, "到达时间: — → 16:42");
        assert_eq!(
            history_change(l, Some(r#""NotStarted""#), Some(r#""FirstCall""#)),
            "未开始 → 第一次点名"
        );
        assert_eq!(
            history_change(Lang::En, Some(r#""group_passed""#), Some(r#""returned""#)),
            format!(
                "{} → {}",
                crate::credit_stage(Lang::En, rules::CreditStage::GroupPassed),
                crate::credit_stage(Lang::En, rules::CreditStage::Returned)
            )
        );
    }
}
