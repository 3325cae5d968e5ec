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

/// A field of a stored record, as people name it. `field` is the field's
/// path in its record: `group`, or `points.attend` inside a policy.
pub fn history_field(l: Lang, field: &str) -> &'static str {
    field_label(l, field).unwrap_or(l.t("其他项", "another field"))
}

/// The label of a field path, if the program knows it: a policy's own
/// path first (its leaves such as `notes` or `degree` mean something else
/// there), else the path's last name.
fn field_label(l: Lang, path: &str) -> Option<&'static str> {
    policy_field(l, path).or_else(|| record_field(l, path.rsplit('.').next().unwrap_or(path)))
}

/// A policy setting (`peixun policy show`), by its path in the policy.
fn policy_field(l: Lang, path: &str) -> Option<&'static str> {
    Some(match path {
        "unqualified_absences" => l.t("旷工几次为不合格", "absences that make unqualified"),
        "credits_per_year" => l.t("每学年学分", "credits per year"),
        "notes_chars_per_term" => l.t("每学期笔记字数", "note characters per term"),
        "official_leave_neutral" => l.t("公假不计奖惩", "official leave scores nothing"),
        "lates_per_absence" => l.t("几次迟到算一次旷工", "lates per absence"),
        "points" => l.t("得分", "points"),
        "points.attend" => l.t("出勤得分", "points for attending"),
        "points.late" => l.t("迟到得分", "points for a late arrival"),
        "points.early_leave" => l.t("早退得分", "points for an early leave"),
        "points.absent" => l.t("旷工得分", "points for an absence"),
        "points.official_leave" => l.t("公假得分", "points for official leave"),
        "points.personal_leave" => l.t("事假得分", "points for personal leave"),
        "points.sick_leave" => l.t("病假得分", "points for sick leave"),
        "credits.late_percent" => l.t("迟到所得学分(%)", "credits for a late arrival (%)"),
        "credits.early_leave_percent" => l.t("早退所得学分(%)", "credits for an early leave (%)"),
        "credits.made_up_percent" => l.t(
            "公假补学所得学分(%)",
            "credits for made-up official leave (%)",
        ),
        "leave" => l.t("请假", "leave"),
        "leave.official_approver" => l.t("公假审批人", "approves official leave"),
        "leave.personal_approver" => l.t("事假审批人", "approves personal leave"),
        "leave.sick_approver" => l.t("病假审批人", "approves sick leave"),
        "leave.personal_needs_note" => l.t("事假须交请假条", "personal leave needs a note"),
        "leave.sick_needs_certificate" => l.t(
            "病假须交医院证明",
            "sick leave needs a hospital certificate",
        ),
        "assessment" => l.t("考核", "assessment"),
        "assessment.credit_shortfall" => l.t("学分不足", "too few credits"),
        "assessment.notes" => l.t("笔记不足", "too few note characters"),
        "assessment.archive" => l.t("档案缺项", "archive items missing"),
        "assessment.makeups" => l.t("公假内容未补", "official leave not made up"),
        "assessment.open_lessons" => l.t("公开课不足", "too few open lessons"),
        "assessment.open_lessons_per_year" => l.t("每学年公开课", "open lessons per year"),
        "assessment.multimedia_lessons_per_term" => {
            l.t("每学期多媒体公开课", "multimedia open lessons per term")
        }
        "assessment.degree" => l.t("学历不达标", "degree below the minimum"),
        "assessment.min_degree" => l.t("最低学历", "minimum degree"),
        "assessment.degree_matches_subject" => {
            l.t("学历须专业对口", "degree must match the subject")
        }
        "assessment.outside_report" => l.t("外出学习未交汇报", "no report after outside study"),
        "assessment.deduct_points" => l.t("每项扣分", "points per deduction"),
        "assessment.training_funds_percent" => l.t(
            "培训经费最低占比(%)",
            "least share of funds for training (%)",
        ),
        "assessment.max_credits_per_entry" => l.t("每条学分登记上限", "most credits per entry"),
        "assessment.review_deadline_days" => l.t(
            "学期结束后登记学分天数",
            "days after a term to register credits",
        ),
        "assessment.credit_warning_weeks" => l.t(
            "学分不足提前提醒周数",
            "weeks of warning of too few credits",
        ),
        "assessment.between_terms" => l.t("假期中所指学期", "the term meant between terms"),
        "calendar" => l.t("校历", "calendar"),
        "calendar.year_start" => l.t("学年起始日", "first day of the academic year"),
        "calendar.roll_opens_minutes" => {
            l.t("提前开始点名(分钟)", "minutes a roll may start early")
        }
        "calendar.late_approval" => l.t("活动开始后仍可批假", "leave approved after the start"),
        _ => return None,
    })
}

/// A field of any other record, by its own name.
fn record_field(l: Lang, field: &str) -> Option<&'static str> {
    Some(match field {
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
        "until" => l.t("至", "until"),
        "from_time" => l.t("到校当天起算时刻", "start time on the first day"),
        "past_groups" => l.t("以前的教研组", "earlier groups"),
        "policy_changes" => l.t("考勤设置更改生效于", "policy changes in force from"),
        _ => return None,
    })
}

/// An enum value as stored, in words: states, kinds, roles, degrees...;
/// a policy's assessment switches only under `assessment`, where they are.
fn word(l: Lang, field: &str, v: &Value) -> Option<String> {
    use rules::*;
    macro_rules! try_as {
        ($t:ty, $f:expr) => {
            if let Ok(x) = serde_json::from_value::<$t>(v.clone()) {
                return Some($f(l, x).to_string());
            }
        };
    }
    if field.starts_with("assessment.") {
        try_as!(Effect, effect);
        try_as!(policy::BetweenTerms, between_terms);
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

/// What a failed assessment check does, in words.
fn effect(l: Lang, e: rules::Effect) -> &'static str {
    match e {
        rules::Effect::Off => l.t("不检查", "not checked"),
        rules::Effect::Deduct => l.t("扣分", "points deducted"),
        rules::Effect::Unqualified => l.t("不合格", "unqualified"),
    }
}

/// The term a command means between two terms, in words.
fn between_terms(l: Lang, b: rules::policy::BetweenTerms) -> &'static str {
    match b {
        rules::policy::BetweenTerms::Ended => l.t("刚结束的学期", "the term that ended"),
        rules::policy::BetweenTerms::Next => l.t("下一学期", "the next term"),
    }
}

/// The path of `key` inside the field at `path`.
fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Whether the field at `path` is said whole, never field by field: a
/// session's audience (everyone, or its groups), a teacher's earlier groups.
fn said_whole(path: &str) -> bool {
    matches!(leaf(path), "audience" | "past_groups")
}

/// The last name of a field path.
fn leaf(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// A group a teacher was in (`past_groups`): 语文/初一(2026-09-01 至 2026-12-03).
fn past_group(l: Lang, m: &serde_json::Map<String, Value>) -> String {
    let text = |k: &str| match m.get(k) {
        Some(Value::String(s)) if !s.is_empty() => Some(shown(s).into_owned()),
        _ => None,
    };
    let mut group = text("group").unwrap_or_else(|| "—".into());
    if let Some(grade) = text("grade") {
        group = format!("{group}/{grade}");
    }
    let until = text("until").unwrap_or_else(|| "—".into());
    match (l, text("from")) {
        (Lang::Zh, Some(from)) => format!("{group}({from} 至 {until})"),
        (Lang::Zh, None) => format!("{group}(至 {until})"),
        (Lang::En, Some(from)) => format!("{group} ({from} to {until})"),
        (Lang::En, None) => format!("{group} (until {until})"),
    }
}

/// One stored value as people say it: yes/no, times without seconds,
/// states in words, lists joined, credits as 1.5, records as their fields.
/// `field` is the value's path in its record (`""` for a whole record).
pub fn history_value(l: Lang, field: &str, v: &Value) -> String {
    if let Some(w) = word(l, field, v) {
        return w;
    }
    if leaf(field) == "audience"
        && let Ok(a) = serde_json::from_value::<rules::Audience>(v.clone())
    {
        return match a {
            rules::Audience::Everyone => {
                super::calendar_text(l, super::CalendarText::Everyone).to_string()
            }
            rules::Audience::Groups(g) => history_value(l, "", &Value::from(g)),
        };
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
        Value::Number(n) if leaf(field) == "credits" => match n.as_u64() {
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
        Value::Object(m) if leaf(field) == "past_groups" => past_group(l, m),
        // A value said whole that is not what it should be: as it is.
        Value::Object(_) if said_whole(field) => shown(&v.to_string()).into_owned(),
        Value::Object(m) => m
            .iter()
            .map(|(k, x)| {
                let path = child(field, k);
                format!("{} {}", history_field(l, &path), history_value(l, &path, x))
            })
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

/// The day a teacher's new group starts, where a change of group put the
/// old one into `past_groups`: the day after the added entry's last day.
fn new_group_from(
    b: &serde_json::Map<String, Value>,
    a: &serde_json::Map<String, Value>,
) -> Option<String> {
    let (Some(Value::Array(old)), Some(Value::Array(new))) =
        (b.get("past_groups"), a.get("past_groups"))
    else {
        return None;
    };
    if new.len() <= old.len() || !new.starts_with(old) {
        return None;
    }
    let until = new.last()?.get("until")?.as_str()?;
    let day = chrono::NaiveDate::parse_from_str(until, "%Y-%m-%d")
        .ok()?
        .succ_opt()?;
    Some(day.format("%Y-%m-%d").to_string())
}

/// Each changed field under `path`, one `field: old → new` each; inside
/// records within records (a policy's sections) by their own fields.
fn changed_fields(
    l: Lang,
    path: &str,
    b: &serde_json::Map<String, Value>,
    a: &serde_json::Map<String, Value>,
    out: &mut Vec<String>,
) {
    // A change of group says from which day, instead of the old group's
    // entry in `past_groups` as a record.
    let since = if path.is_empty() {
        new_group_from(b, a)
    } else {
        None
    };
    let group_changed = b.get("group") != a.get("group");
    let grade_changed = b.get("grade") != a.get("grade");
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys.into_iter().filter(|k| b.get(*k) != a.get(*k)) {
        let p = child(path, k);
        match (b.get(k), a.get(k), since.as_deref()) {
            (Some(Value::Object(bo)), Some(Value::Object(ao)), _) if !said_whole(&p) => {
                changed_fields(l, &p, bo, ao, out);
                continue;
            }
            (_, _, Some(_)) if p == "past_groups" && (group_changed || grade_changed) => continue,
            _ => {}
        }
        let old = b.get(k).map_or("—".into(), |v| history_value(l, &p, v));
        let new = a.get(k).map_or("—".into(), |v| history_value(l, &p, v));
        let mut line = format!("{}: {old} → {new}", history_field(l, &p));
        let carries_since = p == "group" || (p == "grade" && !group_changed);
        if let (Some(day), true) = (since.as_deref(), carries_since) {
            line.push_str(&match l {
                Lang::Zh => format!("({day} 起)"),
                Lang::En => format!(" (from {day})"),
            });
        }
        out.push(line);
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
            let mut parts = Vec::new();
            changed_fields(l, "", &b, &a, &mut parts);
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

    /// Every field path of a stored value, objects within objects and the
    /// records inside lists included.
    fn paths(path: &str, v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let p = child(path, k);
                    out.push(p.clone());
                    if !said_whole(&p) {
                        paths(&p, x, out);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|x| paths(path, x, out)),
            _ => {}
        }
    }

    #[test]
    fn every_field_of_a_policy_a_teacher_or_a_session_has_a_label() {
        let mut teacher = rules::Teacher::new("T0001", "张三", "语文");
        teacher.grade = Some("初一".into());
        teacher.past_groups.push(rules::PastGroup {
            group: "数学".into(),
            grade: Some("初二".into()),
            from: chrono::NaiveDate::from_ymd_opt(2026, 9, 1),
            until: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
        });
        let mut all = Vec::new();
        paths("", &serde_json::to_value(&teacher).expect("json"), &mut all);
        paths(
            "",
            &serde_json::to_value(rules::Policy::default()).expect("json"),
            &mut all,
        );
        let session = rules::Session {
            id: rules::SessionId(1),
            date: chrono::NaiveDate::from_ymd_opt(2026, 9, 10).expect("date"),
            start: chrono::NaiveTime::from_hms_opt(15, 30, 0).expect("time"),
            end: chrono::NaiveTime::from_hms_opt(16, 30, 0).expect("time"),
            title: "教研".into(),
            kind: rules::SessionKind::SchoolTraining,
            credits: rules::Credits(10),
            presenter: Some("王".into()),
            host: None,
            recorder: None,
            audience: rules::Audience::Groups(vec!["语文".into()]),
        };
        paths("", &serde_json::to_value(&session).expect("json"), &mut all);
        assert!(all.contains(&"points.attend".to_string()), "{all:?}");
        for p in &all {
            let (zh, en) = (field_label(Lang::Zh, p), field_label(Lang::En, p));
            assert!(zh.is_some() && en.is_some(), "{p} has no label");
            let (zh, en) = (zh.unwrap_or_default(), en.unwrap_or_default());
            assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{p}: {zh}");
            assert!(en.is_ascii(), "{p}: {en}");
        }
    }

    #[test]
    fn a_change_of_group_says_the_new_group_and_from_which_day() {
        let before = r#"{"id":"T0001","name":"张三","group":"语文","grade":null,"active_from":"2026-09-01","active_to":null,"from_time":"10:00:00","past_groups":[]}"#;
        let after = r#"{"id":"T0001","name":"张三","group":"数学","grade":null,"active_from":"2026-09-01","active_to":null,"from_time":"10:00:00","past_groups":[{"group":"语文","grade":null,"from":null,"until":"2026-12-04"}]}"#;
        assert_eq!(
            history_change(Lang::Zh, Some(before), Some(after)),
            "教研组: 语文 → 数学(2026-12-05 起)"
        );
        assert_eq!(
            history_change(Lang::En, Some(before), Some(after)),
            "teaching group: 语文 → 数学 (from 2026-12-05)"
        );
        // The whole record says its earlier groups as words too.
        let whole = history_record(Lang::Zh, Some(after));
        assert!(
            whole.contains("以前的教研组 语文(至 2026-12-04)"),
            "{whole}"
        );
    }

    #[test]
    fn a_policy_change_names_each_setting_that_changed() {
        let before = serde_json::to_string(&rules::Policy::default()).expect("json");
        let mut p = rules::Policy {
            unqualified_absences: 5,
            ..Default::default()
        };
        p.points.attend = 3;
        p.assessment.notes = rules::Effect::Off;
        let after = serde_json::to_string(&p).expect("json");
        assert_eq!(
            history_change(Lang::Zh, Some(&before), Some(&after)),
            "笔记不足: 扣分 → 不检查; 出勤得分: 2 → 3; 旷工几次为不合格: 3 → 5"
        );
        assert_eq!(
            history_change(Lang::En, Some(&before), Some(&after)),
            "too few note characters: points deducted → not checked; \
             points for attending: 2 → 3; absences that make unqualified: 3 → 5"
        );
    }
}
