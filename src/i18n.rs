//! The catalogue: every piece of text a user sees, in Chinese (简体, the
//! default) and English. Nothing else in the program spells user text.

use crate::app::AppError;
use crate::core::{Category, LeaveKind, LeaveStatus, Reason, Role, RollState, Season};
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `--lang` wins; otherwise English when LANG/LC_ALL asks for it.
    pub fn detect(flag: Option<&str>) -> Lang {
        let pick = |s: &str| {
            if s.to_ascii_lowercase().starts_with("en") {
                Some(Lang::En)
            } else if s.to_ascii_lowercase().starts_with("zh") {
                Some(Lang::Zh)
            } else {
                None
            }
        };
        if let Some(l) = flag.and_then(pick) {
            return l;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find_map(|v| pick(&v))
            .unwrap_or_default()
    }

    /// Picks the Chinese or the English text.
    pub fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

pub fn category(l: Lang, c: Category) -> &'static str {
    match c {
        Category::Present => l.t("出勤", "present"),
        Category::Late => l.t("迟到", "late"),
        Category::EarlyLeave => l.t("早退", "early leave"),
        Category::Absent => l.t("旷工", "absent"),
        Category::OfficialLeave => l.t("公假", "official leave"),
        Category::PersonalLeave => l.t("事假", "personal leave"),
        Category::SickLeave => l.t("病假", "sick leave"),
        Category::NotRequired => l.t("不需参加", "not required"),
        Category::Pending => l.t("未到", "not yet seen"),
    }
}

pub fn leave_kind(l: Lang, k: LeaveKind) -> &'static str {
    match k {
        LeaveKind::Official => l.t("公假", "official"),
        LeaveKind::Personal => l.t("事假", "personal"),
        LeaveKind::Sick => l.t("病假", "sick"),
    }
}

pub fn leave_status(l: Lang, s: LeaveStatus) -> &'static str {
    match s {
        LeaveStatus::Pending => l.t("待审批", "pending"),
        LeaveStatus::Approved => l.t("已批准", "approved"),
        LeaveStatus::Rejected => l.t("已驳回", "rejected"),
        LeaveStatus::Withdrawn => l.t("已撤回", "withdrawn"),
    }
}

pub fn roll_state(l: Lang, s: RollState) -> &'static str {
    match s {
        RollState::NotStarted => l.t("未开始", "not started"),
        RollState::FirstCall => l.t("第一次点名", "first call"),
        RollState::SecondCall => l.t("第二次点名", "second call"),
        RollState::AfterSecondCall => l.t("第二次点名后", "after the second call"),
        RollState::Closed => l.t("已结束", "closed"),
    }
}

pub fn role(l: Lang, r: Role) -> &'static str {
    match r {
        Role::Office => l.t("教务处", "training office"),
        Role::Leader => l.t("校本培训领导组组长", "leadership group leader"),
        Role::School => l.t("学校", "school"),
        Role::GroupLeader => l.t("教研组长", "teaching-group leader"),
        Role::Assessment => l.t("考核小组", "assessment team"),
        Role::Teacher => l.t("教师", "teacher"),
    }
}

pub fn season(l: Lang, s: Season) -> &'static str {
    match s {
        Season::Autumn => l.t("秋季学期", "autumn term"),
        Season::Spring => l.t("春季学期", "spring term"),
    }
}

pub fn reason(l: Lang, r: &Reason) -> String {
    match r {
        Reason::TooManyAbsences { absences, limit } => match l {
            Lang::Zh => format!("无故旷工{absences}次(上限{limit}次)"),
            Lang::En => format!("{absences} unexcused absences (limit {limit})"),
        },
        Reason::NotEnoughCredits { earned, required } => match l {
            Lang::Zh => format!("学分{earned},不足{required}"),
            Lang::En => format!("{earned} credits, fewer than {required}"),
        },
    }
}

pub fn yes_no(l: Lang, b: bool) -> &'static str {
    if b {
        l.t("是", "yes")
    } else {
        l.t("否", "no")
    }
}

pub fn qualified(l: Lang, q: bool) -> &'static str {
    if q {
        l.t("合格", "qualified")
    } else {
        l.t("不合格", "unqualified")
    }
}

/// Column headers of the standings table (CLI and terminal app).
pub fn standings_headers(l: Lang) -> [&'static str; 14] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("教研组", "group"),
        l.t("出勤", "present"),
        l.t("迟到", "late"),
        l.t("早退", "early"),
        l.t("旷工", "absent"),
        l.t("公假", "official"),
        l.t("事假", "personal"),
        l.t("病假", "sick"),
        l.t("学分", "credits"),
        l.t("积分", "points"),
        l.t("考核", "result"),
        l.t("提醒", "note"),
    ]
}

/// The warning shown beside a teacher one absence from unqualified.
pub fn warning(l: Lang) -> &'static str {
    l.t("再旷工一次即不合格", "one more absence: unqualified")
}

fn roles(l: Lang, rs: &[Role]) -> String {
    rs.iter()
        .map(|r| role(l, *r))
        .collect::<Vec<_>>()
        .join(l.t("或", " or "))
}

/// One clear line for an error, in the user's language.
pub fn error(l: Lang, e: &AppError) -> String {
    use AppError::*;
    match (l, e) {
        (_, Store(s)) => store_error(l, s),
        (Lang::Zh, NoAccount(n)) => format!("账号 {n} 无权使用此数据库,请联系教务处添加"),
        (Lang::Zh, Forbidden { action, needs }) => {
            format!("无权执行 {action}:需要{}身份,未做任何更改", roles(l, needs))
        }
        (Lang::En, Forbidden { action, needs }) => format!(
            "not allowed: `{action}` needs the role {}; nothing was changed",
            roles(l, needs)
        ),
        (Lang::Zh, NotRoot) => "只有 root 可以用 --as 代替其他账号操作".into(),
        (Lang::Zh, UnknownTeacher(t)) => format!("没有工号或姓名为 {t} 的教师"),
        (Lang::Zh, Ambiguous(list)) => {
            format!("{}:{}", text(l, T::Ambiguous), list.join(","))
        }
        (Lang::Zh, UnknownSession(s)) => format!("没有编号为 {s} 的培训活动"),
        (Lang::Zh, UnknownTerm(t)) => format!("没有学期 {t}"),
        (Lang::Zh, UnknownLeave(i)) => format!("没有编号为 {i} 的请假申请"),
        (Lang::Zh, Exists(x)) => format!("{x} 已存在,未做任何更改"),
        (Lang::Zh, Invalid { field, value, why }) => {
            format!("{field}:“{value}” 无效({why}),未做任何更改")
        }
        (
            Lang::Zh,
            RollOrder {
                session,
                state,
                step,
            },
        ) => format!(
            "活动 {session} 当前为“{}”,不能{}",
            roll_state(l, *state),
            step_zh(step)
        ),
        (
            Lang::En,
            RollOrder {
                session,
                state,
                step,
            },
        ) => format!(
            "session {session} is at \"{}\": cannot {step}",
            roll_state(l, *state)
        ),
        (Lang::Zh, NotExpected { teacher, session }) => {
            format!("{teacher} 不需参加活动 {session}")
        }
        (Lang::Zh, AlreadyMarked { teacher, session }) => {
            format!("{teacher} 在活动 {session} 已有记录")
        }
        (Lang::Zh, NotPresent { teacher, session }) => {
            format!("{teacher} 在活动 {session} 尚未签到,不能记早退")
        }
        (Lang::Zh, NothingToUndo(s)) => format!("活动 {s} 没有可撤销的记录"),
        (Lang::Zh, LeaveState { id, status, action }) => format!(
            "请假 {id} 已是“{}”,不能{}",
            leave_status(l, *status),
            step_zh(action)
        ),
        (Lang::En, LeaveState { id, status, action }) => format!(
            "leave {id} is {}: cannot {action}",
            leave_status(l, *status)
        ),
        (Lang::Zh, MissingEvidence { id, what }) => {
            format!("请假 {id} 缺少{},不能批准", evidence_zh(what))
        }
        (Lang::Zh, AfterTheFact) => "只有急诊病假可以事后补请;事假和病假须在活动开始前申请".into(),
        (Lang::En, other) => other.to_string(),
    }
}

fn step_zh(step: &str) -> &'static str {
    match step {
        "answer the first call" => "进行第一次点名",
        "answer the second call" => "进行第二次点名",
        "end the second call" => "结束第二次点名",
        "record a late arrival" => "记迟到(须在第二次点名之后)",
        "record an early leave" => "记早退(点名尚未开始或已结束)",
        "close the roll" => "结束点名(须先完成第二次点名)",
        "undo a mark" => "撤销",
        "approve" => "批准",
        "reject" => "驳回",
        "withdraw" => "撤回",
        _ => "执行此操作",
    }
}

fn evidence_zh(what: &str) -> &'static str {
    match what {
        "leave note" => "请假条",
        _ => "医院证明",
    }
}

pub fn store_error(l: Lang, e: &StoreError) -> String {
    use StoreError::*;
    if let Some(m) = disk_error(l, e) {
        return m;
    }
    match (l, e) {
        (Lang::Zh, Missing(p)) => format!(
            "{} 处没有数据库;请先运行 peixun init 或 peixun demo,或用 --db 指定",
            p.display()
        ),
        (Lang::Zh, Exists(p)) => format!("{} 已存在,不会覆盖", p.display()),
        (Lang::Zh, NotRedb(p)) => format!("{} 不是 peixun 数据库,文件未被改动", p.display()),
        (Lang::Zh, NotPeixun(p)) => {
            format!(
                "{} 是 redb 数据库但不是 peixun 的,文件未被改动",
                p.display()
            )
        }
        (Lang::Zh, Newer { path, found, known }) => format!(
            "{} 由更新版本的 peixun 写入(结构版本 {found},本程序最高支持 {known});请升级 peixun。文件未被改动",
            path.display()
        ),
        (Lang::Zh, Open { path, message }) => format!("无法打开 {}:{message}", path.display()),
        (Lang::Zh, Damaged { path, why }) => format!(
            "{} 已损坏({why}),文件未被改动;请运行 peixun check 查看详情,并恢复最近的备份",
            path.display()
        ),
        (Lang::Zh, Decode(d)) => {
            format!("数据表 {} 中键 {} 的记录已损坏:{}", d.table, d.key, d.why)
        }
        (Lang::Zh, Db(m)) => format!("数据库错误:{m}"),
        (Lang::En, e) => e.to_string(),
    }
}

/// Short texts used by the command line and the terminal app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    NoCommand,
    Created,
    DemoProgress,
    Saved,
    SessionAdded,
    LeaveFiled,
    Undone,
    Absent,
    Expected,
    Present,
    OnLeave,
    Missing,
    Ambiguous,
    LeaveNote,
    Certificate,
    Emergency,
    WantDate,
    WantTime,
    WantTerm,
    WantKind,
    WantLeaveKind,
    WantCredits,
    WantRole,
    WantNumber,
    WantCover,
}

pub fn text(l: Lang, t: T) -> &'static str {
    match t {
        T::NoCommand => l.t("缺少子命令", "no subcommand given"),
        T::Created => l.t("已创建", "created"),
        T::DemoProgress => l.t("生成示例学年", "generating demo year"),
        T::Saved => l.t("已保存", "saved"),
        T::SessionAdded => l.t("已保存,活动编号", "saved, session"),
        T::LeaveFiled => l.t("已保存,请假编号", "saved, leave request"),
        T::Undone => l.t("已撤销", "undone for"),
        T::Absent => l.t("记旷工", "absent"),
        T::Expected => l.t("应到", "expected"),
        T::Present => l.t("已到", "present"),
        T::OnLeave => l.t("请假", "on leave"),
        T::Missing => l.t("未到", "missing"),
        T::Ambiguous => l.t(
            "匹配到多位教师,请用工号",
            "several teachers match; use the id",
        ),
        T::LeaveNote => l.t("请假条", "leave note"),
        T::Certificate => l.t("医院证明", "hospital certificate"),
        T::Emergency => l.t("急诊", "emergency"),
        T::WantDate => l.t("应为日期 YYYY-MM-DD", "should be a date YYYY-MM-DD"),
        T::WantTime => l.t("应为时间 HH:MM", "should be a time HH:MM"),
        T::WantTerm => l.t(
            "应为学期,如 2025-autumn 或 2026-spring",
            "should be a term such as 2025-autumn or 2026-spring",
        ),
        T::WantKind => l.t(
            "应为 weekly、training、outside 或 remote",
            "should be weekly, training, outside or remote",
        ),
        T::WantLeaveKind => l.t(
            "应为 official(公假)、personal(事假)或 sick(病假)",
            "should be official, personal or sick",
        ),
        T::WantCredits => l.t("应为学分,如 1 或 1.5", "should be credits such as 1 or 1.5"),
        T::WantRole => l.t(
            "应为 office、leader、school、group_leader、assessment 或 teacher",
            "should be office, leader, school, group_leader, assessment or teacher",
        ),
        T::WantNumber => l.t("应为数字", "should be a number"),
        T::WantCover => l.t(
            "请用 --from/--to 给出日期,或用 --sessions 列出活动",
            "give dates with --from/--to or sessions with --sessions",
        ),
    }
}

pub fn teacher_headers(l: Lang) -> [&'static str; 4] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("教研组", "group"),
        l.t("年级组", "grade"),
    ]
}

pub fn term_headers(l: Lang) -> [&'static str; 4] {
    [
        l.t("学期", "term"),
        l.t("名称", "name"),
        l.t("开始", "start"),
        l.t("结束", "end"),
    ]
}

pub fn session_headers(l: Lang) -> [&'static str; 6] {
    [
        l.t("编号", "id"),
        l.t("日期", "date"),
        l.t("时间", "time"),
        l.t("主题", "title"),
        l.t("学分", "credits"),
        l.t("点名", "roll"),
    ]
}

pub fn roll_headers(l: Lang) -> [&'static str; 5] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("教研组", "group"),
        l.t("考勤", "attendance"),
        l.t("请假", "leave"),
    ]
}

pub fn record_headers(l: Lang) -> [&'static str; 5] {
    [
        l.t("编号", "id"),
        l.t("日期", "date"),
        l.t("主题", "title"),
        l.t("学分", "credits"),
        l.t("考勤", "attendance"),
    ]
}

pub fn leave_headers(l: Lang) -> [&'static str; 9] {
    [
        l.t("编号", "id"),
        l.t("工号", "teacher"),
        l.t("类别", "kind"),
        l.t("范围", "covers"),
        l.t("事由", "reason"),
        l.t("材料", "evidence"),
        l.t("急诊", "emergency"),
        l.t("状态", "status"),
        l.t("意见", "comment"),
    ]
}

pub fn history_headers(l: Lang) -> [&'static str; 8] {
    [
        l.t("序号", "seq"),
        l.t("时间", "when"),
        l.t("操作人", "who"),
        l.t("操作", "action"),
        l.t("对象", "what"),
        l.t("原值", "before"),
        l.t("新值", "after"),
        l.t("原因", "reason"),
    ]
}

pub fn account_headers(l: Lang) -> [&'static str; 3] {
    [
        l.t("账号", "account"),
        l.t("角色", "roles"),
        l.t("教师", "teacher"),
    ]
}

/// Texts of the terminal app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum U {
    TabRoll,
    TabLeave,
    TabStandings,
    TabTeacher,
    TooSmall,
    HelpTitle,
    HelpHint,
    NoSessions,
    CallingTitle,
    CallingDone,
    ConfirmClose,
    WillBeAbsent,
    Nobody,
    YesNo,
    TimePrompt,
    SearchPrompt,
    CommentPrompt,
    RejectPrompt,
    ConfirmApprove,
    ConfirmReject,
    FilterWaiting,
    FilterAll,
    FilterDecided,
    NoRequests,
    FormTitle,
    FormTeacher,
    FormKind,
    FormFrom,
    FormTo,
    FormReason,
    FormNote,
    FormCertificate,
    FormEmergency,
    FormHint,
    Year,
    Term,
    AllGroups,
    SortedBy,
    QueryPrompt,
    NoMatch,
    Record,
    Leaves,
    Updated,
    DemoOpened,
    Marked,
    Late,
    LeftEarly,
    Closed,
    Approved,
    Rejected,
    Filed,
    Session,
}

pub fn ui(l: Lang, u: U) -> &'static str {
    use U::*;
    match u {
        TabRoll => l.t("1 点名", "1 Roll call"),
        TabLeave => l.t("2 请假审批", "2 Leave queue"),
        TabStandings => l.t("3 考勤统计", "3 Standings"),
        TabTeacher => l.t("4 教师", "4 Teacher"),
        TooSmall => l.t(
            "终端太小,请放大窗口",
            "Terminal too small; please enlarge it",
        ),
        HelpTitle => l.t("按键说明(Esc 关闭)", "Keys (Esc closes)"),
        HelpHint => l.t("? 帮助  q 退出", "? help  q quit"),
        NoSessions => l.t("没有培训活动", "No sessions"),
        CallingTitle => l.t(
            "点名中:空格=到  n=下一位  Esc=停止",
            "Calling: space=here  n=next  Esc=stop",
        ),
        CallingDone => l.t(
            "本轮点名已走完",
            "This call has reached the end of the list",
        ),
        ConfirmClose => l.t(
            "结束点名?以下教师将记旷工",
            "Close the roll? These teachers become absent",
        ),
        WillBeAbsent => l.t("将记旷工", "will be absent"),
        Nobody => l.t("(无)", "(nobody)"),
        YesNo => l.t("y 确认  n 取消", "y confirm  n cancel"),
        TimePrompt => l.t("时间 HH:MM(回车确认)", "Time HH:MM (Enter to confirm)"),
        SearchPrompt => l.t("查找(姓名或拼音首字母)", "Find (name or pinyin initials)"),
        CommentPrompt => l.t("意见(可空,回车确认)", "Comment (optional, Enter)"),
        RejectPrompt => l.t(
            "驳回理由(必填,回车确认)",
            "Reason for rejecting (required, Enter)",
        ),
        ConfirmApprove => l.t("批准此请假?", "Approve this leave?"),
        ConfirmReject => l.t("驳回此请假?", "Reject this leave?"),
        FilterWaiting => l.t("待我审批", "waiting for me"),
        FilterAll => l.t("全部", "all"),
        FilterDecided => l.t("已处理", "decided"),
        NoRequests => l.t("没有请假申请", "No requests"),
        FormTitle => l.t(
            "新的请假申请(Tab 切换,回车提交,Esc 取消)",
            "New leave request (Tab next, Enter submit, Esc cancel)",
        ),
        FormTeacher => l.t("教师(工号/姓名)", "Teacher (id/name)"),
        FormKind => l.t("类别 official/personal/sick", "Kind official/personal/sick"),
        FormFrom => l.t("开始日期 YYYY-MM-DD", "From YYYY-MM-DD"),
        FormTo => l.t("结束日期(可空)", "To (optional)"),
        FormReason => l.t("事由", "Reason"),
        FormNote => l.t("已交请假条 y/n", "Leave note received y/n"),
        FormCertificate => l.t("已交医院证明 y/n", "Hospital certificate y/n"),
        FormEmergency => l.t("急诊 y/n", "Emergency y/n"),
        FormHint => l.t("n 新申请", "n new request"),
        Year => l.t("学年", "academic year"),
        Term => l.t("学期", "term"),
        AllGroups => l.t("全部教研组", "all groups"),
        SortedBy => l.t("排序", "sorted by"),
        QueryPrompt => l.t(
            "查找教师(姓名、拼音或工号)",
            "Find a teacher (name, pinyin or id)",
        ),
        NoMatch => l.t("没有匹配的教师", "No teacher matches"),
        Record => l.t("考勤记录", "Record"),
        Leaves => l.t("请假记录", "Leave history"),
        Updated => l.t("数据已更新", "Data updated"),
        DemoOpened => l.t(
            "尚无数据库,已打开示例学校",
            "No database yet: opened the demo school",
        ),
        Marked => l.t("已记到", "marked present"),
        Late => l.t("已记迟到", "marked late"),
        LeftEarly => l.t("已记早退", "marked early leave"),
        Closed => l.t("点名已结束", "roll closed"),
        Approved => l.t("已批准", "approved"),
        Rejected => l.t("已驳回", "rejected"),
        Filed => l.t("请假申请已保存", "leave request saved"),
        Session => l.t("活动", "session"),
    }
}

/// What each key does, for the help overlay.
pub fn action(l: Lang, a: crate::tui::keymap::Action) -> &'static str {
    use crate::tui::keymap::Action::*;
    match a {
        Quit => l.t("退出", "quit"),
        Help => l.t("帮助", "help"),
        Up => l.t("上移", "move up"),
        Down => l.t("下移", "move down"),
        PrevSession => l.t("上一个活动", "previous session"),
        NextSession => l.t("下一个活动", "next session"),
        Mark => l.t(
            "记到(第二次点名后记迟到)",
            "mark present (late after the second call)",
        ),
        FirstCall => l.t("开始第一次点名", "start the first call"),
        SecondCall => l.t(
            "开始第二次点名(只点未到者)",
            "start the second call (only the missing)",
        ),
        EndSecondCall => l.t("结束第二次点名", "end the second call"),
        Calling => l.t("逐个点名模式", "calling mode, one name at a time"),
        NextName => l.t("点名模式:下一位", "calling mode: next name"),
        EarlyLeave => l.t("记早退", "record early leave"),
        Undo => l.t("撤销上一次记录", "undo the last mark"),
        CloseRoll => l.t(
            "结束点名(先确认将记旷工者)",
            "close the roll (confirm the absent first)",
        ),
        Find => l.t("按姓名或拼音查找", "find by name or pinyin"),
        Approve => l.t("批准", "approve"),
        Reject => l.t("驳回(须填理由)", "reject (with a reason)"),
        Filter => l.t(
            "切换:待我审批/全部/已处理",
            "filter: waiting / all / decided",
        ),
        NewRequest => l.t("新的请假申请", "new leave request"),
        TogglePeriod => l.t("切换学期/学年", "term / academic year"),
        SortNext => l.t("换排序列", "sort by the next column"),
        Reverse => l.t("倒序", "reverse the order"),
        Group => l.t("按教研组筛选", "filter by group"),
    }
}

// ---------------------------------------------------------------------------
// Reliability: `peixun check` and `peixun backup` (issue 8)
// ---------------------------------------------------------------------------

/// A problem `peixun check` found, with the table and key where it is.
pub fn problem(l: Lang, p: &crate::store::check::Problem) -> String {
    use crate::store::check::Problem::*;
    match (l, p) {
        (Lang::Zh, Pages(why)) => format!("文件页校验失败(截断、写坏或被覆盖):{why}"),
        (Lang::Zh, Record(e)) => {
            format!("数据表 {} 中键 {} 的记录无法读取:{}", e.table, e.key, e.why)
        }
        (Lang::Zh, WrongKey { table, key, found }) => {
            format!("数据表 {table} 的键 {key} 下存的是 {found} 的记录")
        }
        (Lang::Zh, NotIndexed { table, index, key }) => {
            format!("数据表 {table} 的行 {key} 在索引 {index} 中缺失")
        }
        (Lang::Zh, StaleIndex { index, table, key }) => {
            format!("索引 {index} 的行 {key} 在数据表 {table} 中没有对应记录")
        }
        (
            Lang::Zh,
            Dangling {
                table,
                key,
                missing,
            },
        ) => {
            let missing = match missing {
                crate::store::check::Missing::Teacher(t) => format!("教师 {t}"),
                crate::store::check::Missing::Session(s) => format!("培训活动 {s}"),
            };
            format!("数据表 {table} 的行 {key} 引用了不存在的{missing}")
        }
        (Lang::Zh, HistoryGap { after, next }) => {
            format!("历史记录编号从 {after} 跳到 {next}")
        }
        (Lang::En, p) => crate::store::check::describe_en(p),
    }
}

/// The name of a table in `peixun check`'s counts.
pub fn table_name(l: Lang, table: &str) -> &str {
    match l {
        Lang::En => table,
        Lang::Zh => match table {
            "teachers" => "教师",
            "terms" => "学期",
            "sessions" => "培训活动",
            "facts" => "点名记录",
            "leaves" => "请假",
            "accounts" => "账号",
            "history" => "历史",
            other => other,
        },
    }
}

/// Texts of `peixun check` and `peixun backup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum R {
    /// Before the counts of a sound file.
    Sound,
    /// Before the number of problems of a damaged file.
    Problems,
    /// After a damaged file's problems: what to do.
    WhatNow,
    /// Before the path of a finished backup.
    BackedUp,
}

pub fn reliability(l: Lang, r: R) -> &'static str {
    match r {
        R::Sound => l.t("检查通过,没有发现问题", "checked: no problems found"),
        R::Problems => l.t("文件有问题,共", "the file has problems:"),
        R::WhatNow => l.t(
            "文件未被改动。请恢复最近的备份(peixun backup 生成),或把此文件交给技术人员。",
            "The file was left untouched. Restore the latest backup (made with `peixun backup`), \
             or hand this file to someone who can repair it.",
        ),
        R::BackedUp => l.t("已备份并检查通过:", "backed up and checked:"),
    }
}

/// A write the disk refused: what happened, that nothing was saved, and what
/// to do; the system's own words follow in brackets.
pub fn disk_error(l: Lang, e: &StoreError) -> Option<String> {
    use crate::store::check::{DiskTrouble, disk_trouble};
    let trouble = disk_trouble(e)?;
    let (file, detail) = match e {
        StoreError::Open { path, message } => (path.display().to_string(), message.as_str()),
        StoreError::Db(m) => (l.t("数据库", "the database").to_string(), m.as_str()),
        _ => return None,
    };
    Some(match (l, trouble) {
        (Lang::Zh, DiskTrouble::Full) => {
            format!("磁盘已满,{file} 的更改未保存;请腾出空间后重试({detail})")
        }
        (Lang::Zh, DiskTrouble::ReadOnly) => {
            format!("{file} 所在的文件系统是只读的,更改未保存;查看和查询仍可使用({detail})")
        }
        (Lang::Zh, DiskTrouble::Denied) => {
            format!("没有写入 {file} 的权限,更改未保存;请联系管理员({detail})")
        }
        (Lang::En, DiskTrouble::Full) => format!(
            "the disk is full: nothing was saved to {file}; free some space and try again ({detail})"
        ),
        (Lang::En, DiskTrouble::ReadOnly) => format!(
            "{file} is on a read-only file system: nothing was saved; viewing and lookups still work ({detail})"
        ),
        (Lang::En, DiskTrouble::Denied) => format!(
            "no permission to write {file}: nothing was saved; ask whoever runs the machine ({detail})"
        ),
    })
}
