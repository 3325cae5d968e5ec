//! The catalogue: every piece of text a user sees, in Chinese (简体, the
//! default) and English. Nothing else in the program spells user text.

mod assess;
mod calendar;
mod charts;
mod gate;
mod history;
mod keys;
mod limits;
mod names;
pub use keys::*;
mod help;
mod safe;
mod store;
pub use assess::*;
pub use calendar::*;
pub use charts::*;
pub use gate::*;
pub use help::*;
pub use history::*;
pub use limits::*;
pub use names::*;
pub use safe::{is_unsafe_char, shown};
pub use store::*;

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
        LeaveStatus::Expired => l.t("已过期", "expired"),
    }
}

pub fn roll_state(l: Lang, s: RollState) -> &'static str {
    match s {
        RollState::NotStarted => l.t("未开始", "not started"),
        RollState::FirstCall => l.t("第一次点名", "first call"),
        RollState::SecondCall => l.t("第二次点名", "second call"),
        RollState::AfterSecondCall => l.t("第二次点名后", "after the second call"),
        RollState::Closed => l.t("已结束", "closed"),
        RollState::Cancelled => l.t("已取消", "cancelled"),
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
            Lang::Zh => format!("无故旷工 {absences} 次(满 {limit} 次不合格)"),
            Lang::En => format!("{absences} unexcused absences ({limit} make unqualified)"),
        },
        Reason::NotEnoughCredits { earned, required } => match l {
            Lang::Zh => format!("学分{earned},不足{required}"),
            Lang::En => format!("{earned} credits, fewer than {required}"),
        },
        other => assessment_reason(l, other),
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
pub fn standings_headers(l: Lang) -> [&'static str; 17] {
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
        l.t("笔记字数", "notes"),
        l.t("档案", "archive"),
        l.t("待补", "make-ups"),
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
        (_, Import(x)) => import_error(l, x),
        (_, Calendar(x)) => calendar_error(l, x),
        (
            _,
            Bound {
                field,
                value,
                bound,
            },
        ) => bound_error(l, *field, value, bound),
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
            format!("{field}:“{value}” 无效({}),未做任何更改", why_zh(why))
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
        (Lang::Zh, OwnLeave { id, action }) => format!(
            "请假 {id} 是你本人的请假:任何人都不能{}自己的请假,未做任何更改",
            step_zh(action)
        ),
        (Lang::Zh, AfterTheFact) => "只有急诊病假可以事后补请;事假和病假须在活动开始前申请".into(),
        (_, e @ (UnknownCredit(_) | CreditState { .. })) => assessment_error(l, e),
        (_, Assess(x)) => assess_error(l, x),
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
    if let Some(m) = disk_error(l, e).or_else(|| store_text(l, e)) {
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
        (Lang::Zh, Busy { .. } | Replaced(_)) | (Lang::En, _) => e.to_string(),
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

// ---------------------------------------------------------------------------
// Issue 5: policy-file errors, the history screen.
// ---------------------------------------------------------------------------

/// A policy-file error in the user's language: the file, the line and the
/// key, then what is wrong with it.
pub fn policy_error(l: Lang, e: &crate::policy_file::PolicyError) -> String {
    use crate::policy_file::PolicyError::*;
    match e {
        Read { path, source } => {
            let why = match source.kind() {
                std::io::ErrorKind::NotFound => l.t("文件不存在", "no such file").to_string(),
                std::io::ErrorKind::PermissionDenied => {
                    l.t("没有读取权限", "permission denied").to_string()
                }
                std::io::ErrorKind::InvalidData => {
                    l.t("不是 UTF-8 文本", "not UTF-8 text").to_string()
                }
                _ => source.to_string(),
            };
            match l {
                Lang::Zh => format!("无法读取考勤设置文件 {path}:{why}"),
                Lang::En => format!("cannot read policy file {path}: {why}"),
            }
        }
        Parse {
            path,
            line,
            key,
            problem,
        } => {
            let what = policy_problem(l, problem);
            match (l, key) {
                (Lang::Zh, Some(k)) => {
                    format!("考勤设置文件 {path} 第 {line} 行,设置项 {k}:{what};未做任何更改")
                }
                (Lang::Zh, None) => {
                    format!("考勤设置文件 {path} 第 {line} 行:{what};未做任何更改")
                }
                (Lang::En, Some(k)) => format!(
                    "policy file {path}, line {line}, key `{k}`: {what}; nothing was changed"
                ),
                (Lang::En, None) => {
                    format!("policy file {path}, line {line}: {what}; nothing was changed")
                }
            }
        }
    }
}

fn policy_problem(l: Lang, p: &crate::policy_file::Problem) -> String {
    use crate::policy_file::{Expected, Problem::*};
    let list = |v: &[String]| v.join(l.t("、", ", "));
    match (l, p) {
        (Lang::Zh, UnknownKey { known }) if known.is_empty() => "没有这个设置项".into(),
        (Lang::Zh, UnknownKey { known }) => {
            format!("没有这个设置项;此处可用的有:{}", list(known))
        }
        (Lang::Zh, NotAChoice { value, choices }) => {
            format!("“{value}” 不是可选值;可选:{}", list(choices))
        }
        (Lang::Zh, BadValue { value, expected }) => {
            let want = match expected {
                Expected::Count => "0 或正整数".to_string(),
                Expected::Integer => "整数".to_string(),
                Expected::Bool => "true 或 false".to_string(),
                Expected::Text => "带引号的文字".to_string(),
                Expected::Other(s) => s.clone(),
            };
            format!("“{value}” 无效,应为{want}")
        }
        (Lang::Zh, OverHundred(v)) => format!("{v} 超过了 100%"),
        (Lang::Zh, Syntax(m)) => format!("TOML 格式错误({m})"),
        (Lang::En, p) => p.to_string(),
    }
}

/// Texts of the history screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum H {
    Tab,
    Teacher,
    Session,
    All,
    ScopeAll,
    ScopeOwn,
    Hint,
    Empty,
    New,
    Removed,
    Unchanged,
    Before,
    After,
    Reason,
    TeacherPrompt,
    SessionPrompt,
}

pub fn history_ui(l: Lang, h: H) -> &'static str {
    use H::*;
    match h {
        Tab => l.t("6 修改记录", "6 History"),
        Teacher => l.t("教师", "teacher"),
        Session => l.t("活动", "session"),
        All => l.t("全部", "all"),
        ScopeAll => l.t("(全部人员)", "(everyone)"),
        ScopeOwn => l.t("(仅与本人有关)", "(only about you)"),
        Hint => l.t(
            "t 按教师  s 按活动  c 清除",
            "t teacher  s session  c clear",
        ),
        Empty => l.t("没有修改记录", "No changes recorded"),
        New => l.t("(新建)", "(new)"),
        Removed => l.t("(删除)", "(removed)"),
        Unchanged => l.t("(无变化)", "(no change)"),
        Before => l.t("原值", "before"),
        After => l.t("新值", "after"),
        Reason => l.t("原因", "reason"),
        TeacherPrompt => l.t(
            "按教师筛选(工号、姓名或拼音;空=全部)",
            "Filter by teacher (id, name or pinyin; empty = all)",
        ),
        SessionPrompt => l.t(
            "按活动筛选(活动编号;空=全部)",
            "Filter by session (its number; empty = all)",
        ),
    }
}

/// Column headers of the history screen.
pub fn history_screen_headers(l: Lang) -> [&'static str; 6] {
    [
        l.t("时间", "when"),
        l.t("操作人", "who"),
        l.t("操作", "action"),
        l.t("对象", "what"),
        l.t("原值→新值", "before→after"),
        l.t("原因", "reason"),
    ]
}

// ---------------------------------------------------------------------------
// Files in and out, and publishing (issue 6): import, export, publish.
// ---------------------------------------------------------------------------

/// Texts of import, export and publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum X {
    StandingsTitle,
    RecordTitle,
    ExportedAt,
    NotPublished,
    Totals,
    ChangedMark,
    ChangedNote,
    SheetStandings,
    SheetRecord,
    SheetRoster,
    Leaves,
    WantEncoding,
    WantFormat,
    Written,
    Progress,
    ExportPrompt,
    ImportPrompt,
    ConfirmPublish,
    NoTerm,
    PublishHint,
    NoSchool,
}

pub fn io_text(l: Lang, x: X) -> &'static str {
    match x {
        X::StandingsTitle => l.t("校本培训考勤统计", "school-based training attendance"),
        X::RecordTitle => l.t("教师培训记录", "training record of"),
        X::ExportedAt => l.t("导出时间", "exported"),
        X::NotPublished => l.t("本学期尚未公布", "not yet published this term"),
        X::Totals => l.t("合计", "Total"),
        X::ChangedMark => l.t("是", "yes"),
        X::ChangedNote => l.t("公布后有更改", "changed since published"),
        X::SheetStandings => l.t("考勤统计", "Standings"),
        X::SheetRecord => l.t("培训记录", "Record"),
        X::SheetRoster => l.t("教师名单", "Roster"),
        X::Leaves => l.t("请假记录", "Leave requests"),
        X::WantEncoding => l.t("应为 utf8 或 gbk", "should be utf8 or gbk"),
        X::WantFormat => l.t(
            "文件名应以 .xlsx 或 .csv 结尾",
            "the file name should end in .xlsx or .csv",
        ),
        X::Written => l.t("已导出", "written"),
        X::Progress => l.t("处理中", "working"),
        X::ExportPrompt => l.t(
            "导出当前统计到文件(.xlsx 或 .csv,回车确认)",
            "Export this view to a file (.xlsx or .csv, Enter)",
        ),
        X::ImportPrompt => l.t(
            "导入教师名单或本学期计划(文件路径,回车确认)",
            "Import a roster or this term's plan (file path, Enter)",
        ),
        X::ConfirmPublish => l.t(
            "公布本学期考勤?将记录当前各项数据",
            "Publish this term's standings? The current figures are recorded",
        ),
        X::NoTerm => l.t(
            "今天不在任何学期内,无法公布或导入计划",
            "today is in no term: nothing to publish or import a plan into",
        ),
        X::NoSchool => l.t(
            "尚未设置学校名称;用 peixun school 名称 设置",
            "no school name yet; set one with peixun school NAME",
        ),
        X::PublishHint => l.t("e 导出  p 公布  i 导入", "e export  p publish  i import"),
    }
}

/// A period as people name it: 2025-2026学年 秋季学期.
pub fn period_name(l: Lang, p: crate::core::Period) -> String {
    use crate::core::Period;
    match (l, p) {
        (Lang::Zh, Period::Term(t)) => format!("{}学年 {}", t.year, season(l, t.season)),
        (Lang::Zh, Period::Year(y)) => format!("{y}学年"),
        (Lang::En, Period::Term(t)) => format!("{} {}", t.year, season(l, t.season)),
        (Lang::En, Period::Year(y)) => format!("academic year {y}"),
    }
}

/// "12 人" / "12 teachers".
pub fn people(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{n} 人"),
        Lang::En if n == 1 => "1 teacher".into(),
        Lang::En => format!("{n} teachers"),
    }
}

/// When a term was last published, or that it was not.
pub fn published_line(l: Lang, p: Option<&(chrono::NaiveDateTime, String, u32)>) -> String {
    match (l, p) {
        (_, None) => io_text(l, X::NotPublished).into(),
        (Lang::Zh, Some((at, who, n))) => {
            format!("第{n}次公布:{} {who}", at.format("%Y-%m-%d %H:%M"))
        }
        (Lang::En, Some((at, who, n))) => {
            format!("published (#{n}) {} by {who}", at.format("%Y-%m-%d %H:%M"))
        }
    }
}

pub fn session_kind(l: Lang, k: crate::core::SessionKind) -> &'static str {
    use crate::core::SessionKind::*;
    match k {
        WeeklyStudy => l.t("业务学习", "weekly study"),
        SchoolTraining => l.t("校本培训", "school training"),
        OutsideStudy => l.t("外出学习", "outside study"),
        Remote => l.t("远程培训", "remote training"),
    }
}

/// Column headers of an exported standings sheet.
pub fn export_standings_headers(l: Lang) -> [&'static str; 17] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("教研组", "group"),
        l.t("年级组", "grade"),
        l.t("出勤", "present"),
        l.t("迟到", "late"),
        l.t("早退", "early leave"),
        l.t("旷工", "absent"),
        l.t("公假", "official leave"),
        l.t("事假", "personal leave"),
        l.t("病假", "sick leave"),
        l.t("学分", "credits"),
        l.t("应得学分", "credits required"),
        l.t("积分", "points"),
        l.t("考核", "result"),
        l.t("说明", "note"),
        l.t("公布后有更改", "changed since published"),
    ]
}

/// Column headers of a roster file; the import reads both languages.
pub fn roster_file_headers(l: Lang) -> [&'static str; 6] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("教研组", "group"),
        l.t("年级组", "grade"),
        l.t("入职日期", "from"),
        l.t("离校日期", "to"),
    ]
}

pub fn record_file_headers(l: Lang) -> [&'static str; 7] {
    [
        l.t("编号", "id"),
        l.t("日期", "date"),
        l.t("时间", "time"),
        l.t("主题", "title"),
        l.t("类型", "kind"),
        l.t("学分", "credits"),
        l.t("考勤", "attendance"),
    ]
}

pub fn leave_file_headers(l: Lang) -> [&'static str; 5] {
    [
        l.t("编号", "id"),
        l.t("类别", "kind"),
        l.t("范围", "covers"),
        l.t("事由", "reason"),
        l.t("状态", "status"),
    ]
}

/// What is wrong with one cell.
pub fn problem(l: Lang, p: &crate::io::Problem) -> String {
    use crate::io::Problem::*;
    match (l, p) {
        (Lang::Zh, Missing) => "不能为空".into(),
        (Lang::En, Missing) => "is empty".into(),
        (Lang::Zh, Spaces) => "工号不能含空格".into(),
        (Lang::En, Spaces) => "must have no spaces".into(),
        (Lang::Zh, Date) => "应为日期,如 2025-09-01 或 2025/9/1".into(),
        (Lang::En, Date) => "should be a date such as 2025-09-01".into(),
        (Lang::Zh, Time) => "应为时间,如 14:30".into(),
        (Lang::En, Time) => "should be a time such as 14:30".into(),
        (Lang::Zh, Credits) => "应为学分,如 1 或 1.5".into(),
        (Lang::En, Credits) => "should be credits such as 1 or 1.5".into(),
        (Lang::Zh, Kind) => "应为 业务学习、校本培训、外出学习 或 远程培训".into(),
        (Lang::En, Kind) => "should be weekly, training, outside or remote".into(),
        (Lang::Zh, Duplicate { first_row }) => format!("与第 {first_row} 行重复"),
        (Lang::En, Duplicate { first_row }) => format!("repeats row {first_row}"),
        (Lang::Zh, EndNotAfterStart) => "结束时间应晚于开始时间".into(),
        (Lang::En, EndNotAfterStart) => "the end is not after the start".into(),
        (Lang::Zh, ToBeforeFrom) => "离校日期早于入职日期".into(),
        (Lang::En, ToBeforeFrom) => "is before the first day".into(),
        (Lang::Zh, OutsideTerm { term }) => format!("不在学期 {term} 内"),
        (Lang::En, OutsideTerm { term }) => format!("is outside the term {term}"),
        (_, AsShown(p)) => as_shown(l, p),
        (_, Bound(b)) => bound(l, b),
    }
}

/// How many bad cells a message lists before "and N more".
const SHOWN: usize = 20;

/// One message for a refused file: every bad cell on its own line.
pub fn import_error(l: Lang, e: &crate::io::ImportError) -> String {
    use crate::io::ImportError::*;
    let enc = |x: &crate::io::Encoding| match x {
        crate::io::Encoding::Utf8 => "UTF-8",
        crate::io::Encoding::Gbk => "GBK/GB18030",
        crate::io::Encoding::Auto => "UTF-8 / GBK",
    };
    match (l, e) {
        (_, e @ (SheetTooLarge { .. } | FileTooLarge { .. } | DuplicateColumn { .. })) => {
            file_bound(l, e)
        }
        (Lang::Zh, Read { file, why }) => format!("{file}:无法读取({why}),未导入任何数据"),
        (
            Lang::Zh,
            Encoding {
                file,
                encoding,
                line,
            },
        ) => format!(
            "{file}:第 {line} 行不是 {} 编码的文字;可用 --encoding 指定。未导入任何数据",
            enc(encoding)
        ),
        (
            Lang::En,
            Encoding {
                file,
                encoding,
                line,
            },
        ) => format!(
            "{file}: line {line} is not {} text; try --encoding. Nothing was imported",
            enc(encoding)
        ),
        (Lang::Zh, NoHeader { file, missing }) => format!(
            "{file}:找不到表头行(缺少列:{});未导入任何数据",
            missing
                .iter()
                .map(|k| column_zh(k))
                .collect::<Vec<_>>()
                .join("、")
        ),
        (Lang::Zh, Empty { file }) => format!("{file}:表头下没有数据行,未导入任何数据"),
        (_, Rows { file, problems }) => {
            let mut out = match l {
                Lang::Zh => format!("{file}:{} 处错误,未导入任何数据:", problems.len()),
                Lang::En => format!(
                    "{file}: {} bad cell(s); nothing was imported:",
                    problems.len()
                ),
            };
            for p in problems.iter().take(SHOWN) {
                out.push('\n');
                out.push_str(&match l {
                    Lang::Zh => format!(
                        "  第 {} 行 {} 列({}):“{}” {}",
                        p.row,
                        p.column,
                        shown(&p.header),
                        shown(&p.value),
                        problem(l, &p.problem)
                    ),
                    Lang::En => format!(
                        "  row {}, column {} ({}): `{}` {}",
                        p.row,
                        p.column,
                        shown(&p.header),
                        shown(&p.value),
                        problem(l, &p.problem)
                    ),
                });
            }
            if problems.len() > SHOWN {
                out.push('\n');
                out.push_str(&match l {
                    Lang::Zh => format!("  …… 另有 {} 处", problems.len() - SHOWN),
                    Lang::En => format!("  … and {} more", problems.len() - SHOWN),
                });
            }
            out
        }
        (Lang::Zh, Write { file, why }) => format!("无法写入 {file}:{why}"),
        (Lang::Zh, Exists { file }) => format!("{file} 已存在;如要覆盖请加 --force"),
        (Lang::En, e) => e.to_string(),
    }
}

/// The usual Chinese header of a file column, by its canonical name.
fn column_zh(key: &str) -> &str {
    crate::io::roster::FIELDS
        .iter()
        .chain(crate::io::plan::FIELDS)
        .find(|f| f.key == key)
        .and_then(|f| f.aliases.first().copied())
        .unwrap_or(key)
}

/// What an import did.
pub fn import_summary(l: Lang, s: &crate::app::import::ImportSummary) -> String {
    let mut out = import_counts(l, s);
    if let Some(e) = &s.ended {
        out.push_str(&ended(l, e));
    }
    out
}

fn import_counts(l: Lang, s: &crate::app::import::ImportSummary) -> String {
    match l {
        Lang::Zh if !s.changed() => format!("没有变化(相同 {} 条),未做任何更改", s.unchanged),
        Lang::Zh => format!(
            "已导入:新增 {},更新 {},未变 {}",
            s.added, s.updated, s.unchanged
        ),
        Lang::En if !s.changed() => format!(
            "nothing new ({} unchanged); nothing was changed",
            s.unchanged
        ),
        Lang::En => format!(
            "imported: {} added, {} updated, {} unchanged",
            s.added, s.updated, s.unchanged
        ),
    }
}

/// What a publication recorded.
pub fn published(l: Lang, p: &crate::store::published::Publication) -> String {
    let bad = p.rows.iter().filter(|r| !r.qualified).count();
    match l {
        Lang::Zh => format!(
            "已公布 {}(第{}次):{} 名教师,不合格 {} 人",
            p.term,
            p.number,
            p.rows.len(),
            bad
        ),
        Lang::En => format!(
            "published {} (#{}): {} teachers, {} unqualified",
            p.term,
            p.number,
            p.rows.len(),
            bad
        ),
    }
}

pub fn publication_headers(l: Lang) -> [&'static str; 5] {
    [
        l.t("次序", "number"),
        l.t("公布时间", "when"),
        l.t("公布人", "who"),
        l.t("教师数", "teachers"),
        l.t("不合格", "unqualified"),
    ]
}

/// "80 行" / "80 rows".
pub fn rows(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{n} 行"),
        Lang::En if n == 1 => "1 row".into(),
        Lang::En => format!("{n} rows"),
    }
}

// ---------------------------------------------------------------------------
// Assessment beyond attendance (issue 7): credits and their review chain,
// make-ups, notes, archive, open lessons, degrees, mentors, funds.
// ---------------------------------------------------------------------------

use crate::core::{ArchiveItem, CreditStage, Degree};

pub fn credit_stage(l: Lang, s: CreditStage) -> &'static str {
    match s {
        CreditStage::Registered => l.t("已登记待自评", "registered"),
        CreditStage::SelfAssessed => l.t("待教研组考评", "self-assessed, with the group"),
        CreditStage::GroupPassed => l.t("待考核小组考评", "group passed, with the team"),
        CreditStage::Confirmed => l.t("已认定", "confirmed"),
        CreditStage::Returned => l.t("已退回", "sent back"),
        CreditStage::Rejected => l.t("已驳回", "rejected"),
        CreditStage::Withdrawn => l.t("已撤回", "withdrawn"),
        CreditStage::Removed => l.t("已删除", "removed"),
    }
}

pub fn archive_item(l: Lang, i: ArchiveItem) -> &'static str {
    match i {
        ArchiveItem::Plan => l.t("学习目标计划", "learning plan"),
        ArchiveItem::Notes => l.t("学习笔记", "study notes"),
        ArchiveItem::Reflections => l.t("学习心得", "reflections"),
        ArchiveItem::Summary => l.t("阶段性总结", "stage summary"),
    }
}

pub fn degree(l: Lang, d: Degree) -> &'static str {
    match d {
        Degree::Secondary => l.t("中专及以下", "secondary"),
        Degree::Associate => l.t("大专", "associate"),
        Degree::Bachelor => l.t("本科", "bachelor's"),
        Degree::Master => l.t("硕士", "master's"),
        Degree::Doctorate => l.t("博士", "doctorate"),
    }
}

/// The reasons added by the assessment (`reason` hands them here).
pub fn assessment_reason(l: Lang, r: &Reason) -> String {
    match (l, r) {
        (_, Reason::TooManyAbsences { .. } | Reason::NotEnoughCredits { .. }) => reason(l, r),
        (
            Lang::Zh,
            Reason::NotesShort {
                season: s,
                chars,
                required,
            },
        ) => {
            format!("{}学习笔记{chars}字,不足{required}字", season(l, *s))
        }
        (
            Lang::En,
            Reason::NotesShort {
                season: s,
                chars,
                required,
            },
        ) => {
            format!(
                "{}: {chars} characters of notes, fewer than {required}",
                season(l, *s)
            )
        }
        (Lang::Zh, Reason::ArchiveMissing { item }) => format!("档案缺{}", archive_item(l, *item)),
        (Lang::En, Reason::ArchiveMissing { item }) => {
            format!("archive lacks the {}", archive_item(l, *item))
        }
        (Lang::Zh, Reason::TooFewOpenLessons { given, required }) => {
            format!("公开课{given}节,不足{required}节")
        }
        (Lang::En, Reason::TooFewOpenLessons { given, required }) => {
            format!("{given} open lessons, fewer than {required}")
        }
        (
            Lang::Zh,
            Reason::TooFewMultimediaLessons {
                season: s,
                given,
                required,
            },
        ) => {
            format!("{}多媒体公开课{given}节,不足{required}节", season(l, *s))
        }
        (
            Lang::En,
            Reason::TooFewMultimediaLessons {
                season: s,
                given,
                required,
            },
        ) => {
            format!(
                "{}: {given} multimedia open lessons, fewer than {required}",
                season(l, *s)
            )
        }
        (Lang::Zh, Reason::MakeUpsOpen { open }) => format!("公假培训内容{open}次未补"),
        (Lang::En, Reason::MakeUpsOpen { open }) => {
            format!("{open} official-leave sessions not made up")
        }
        (Lang::Zh, Reason::ReportMissing { credit, title }) => {
            format!("外出学习“{title}”(学分登记{credit})未交书面汇报")
        }
        (Lang::En, Reason::ReportMissing { credit, title }) => {
            format!("no written report on outside study \"{title}\" (credit {credit})")
        }
        (
            Lang::Zh,
            Reason::DegreeBelow {
                degree: d,
                required,
            },
        ) => format!("学历{},未达{}", degree(l, *d), degree(l, *required)),
        (
            Lang::En,
            Reason::DegreeBelow {
                degree: d,
                required,
            },
        ) => format!("degree {}, below {}", degree(l, *d), degree(l, *required)),
        (Lang::Zh, Reason::DegreeMismatch) => "学历专业与任教学科不一致".into(),
        (Lang::En, Reason::DegreeMismatch) => "degree does not match the subject taught".into(),
    }
}

/// A deduction: its reason and the points it takes off.
pub fn deduction(l: Lang, d: &crate::core::Deduction) -> String {
    match l {
        Lang::Zh => format!("{}(扣{}分)", reason(l, &d.reason), d.points),
        Lang::En => format!("{} (−{})", reason(l, &d.reason), d.points),
    }
}

fn assessment_error(l: Lang, e: &AppError) -> String {
    match (l, e) {
        (Lang::En, AppError::CreditState { id, stage, action }) => format!(
            "credit entry {id} is {}: cannot {action}",
            credit_stage(l, *stage)
        ),
        (Lang::Zh, AppError::UnknownCredit(id)) => format!("没有编号为 {id} 的学分登记"),
        (Lang::Zh, AppError::CreditState { id, stage, action }) => format!(
            "学分登记 {id} 当前为“{}”,不能{}",
            credit_stage(Lang::Zh, *stage),
            match *action {
                "self-assess" => "自评",
                "pass" => "通过",
                "send back" => "退回",
                "edit" => "修改",
                _ => "执行此操作",
            }
        ),
        (_, other) => other.to_string(),
    }
}

/// Short texts of the assessment commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum A {
    CreditAdded,
    WantDegree,
    WantYuan,
    WantItem,
    NoFunds,
    FundsEnough,
    FundsShort,
    Credits,
    Mentors,
    /// Before the mentee's id on the mentor's record.
    MentorOf,
    /// Before the mentor's id on the mentee's record.
    MenteeOf,
    Qualification,
    NotRecorded,
    Deducted,
    Archive,
    OpenLessons,
    Multimedia,
    Notes,
    MakeUps,
    ExternalCredits,
    Unconfirmed,
    SessionCredits,
    MadeUpCredits,
    TabCredits,
    NoCredits,
    PassPrompt,
    ReturnPrompt,
    ConfirmPass,
    ConfirmReturn,
    Passed,
    Returned,
    /// The hint line's words after the keys (pass, send back, filter).
    CreditsHint,
    SendBack,
    FilterCredits,
    MarkDone,
    TakeBack,
    OpenOnly,
    NoMakeUps,
    NotePrompt,
    ConfirmMakeUp,
    ConfirmTakeBack,
    MarkedDone,
    TakenBack,
    SwitchList,
    MadeUp,
    PublicFunds,
    TrainingFunds,
}

pub fn assessment_text(l: Lang, a: A) -> &'static str {
    use A::*;
    match a {
        CreditAdded => l.t("已保存,学分登记编号", "saved, credit entry"),
        WantDegree => l.t(
            "应为 secondary(中专)、associate(大专)、bachelor(本科)、master(硕士)或 doctorate(博士)",
            "should be secondary, associate, bachelor, master or doctorate",
        ),
        WantYuan => l.t(
            "应为金额(元),最多两位小数",
            "should be an amount in yuan, at most two decimals",
        ),
        WantItem => l.t(
            "应为 plan、notes、reflections 或 summary",
            "should be plan, notes, reflections or summary",
        ),
        NoFunds => l.t("本学年尚未登记经费", "no funds recorded for this year"),
        FundsEnough => l.t("达标", "meets the minimum"),
        FundsShort => l.t("未达标", "below the minimum"),
        Credits => l.t("学分", "credits"),
        Mentors => l.t("师徒结对", "mentor pairs"),
        MentorOf => l.t("徒弟", "mentee"),
        MenteeOf => l.t("师傅", "mentor"),
        Qualification => l.t("学历", "degree"),
        NotRecorded => l.t("未登记", "not recorded"),
        Deducted => l.t("扣分", "deducted"),
        Archive => l.t("档案", "archive"),
        OpenLessons => l.t("公开课", "open lessons"),
        Multimedia => l.t("多媒体公开课", "multimedia lessons"),
        Notes => l.t("笔记字数", "note characters"),
        MakeUps => l.t("公假待补", "make-ups open"),
        ExternalCredits => l.t("校外学分", "outside credits"),
        Unconfirmed => l.t("待认定", "unconfirmed"),
        SessionCredits => l.t("活动学分", "session credits"),
        MadeUpCredits => l.t("补课学分", "made-up credits"),
        TabCredits => l.t("5 学分审核", "5 Credits"),
        NoCredits => l.t("没有学分登记", "No credit entries"),
        PassPrompt => l.t("意见(可空,回车确认)", "Comment (optional, Enter)"),
        ReturnPrompt => l.t(
            "退回理由(必填,回车确认)",
            "Reason for sending back (required, Enter)",
        ),
        ConfirmPass => l.t("通过此学分登记?", "Pass this credit entry?"),
        ConfirmReturn => l.t("退回此学分登记?", "Send this credit entry back?"),
        Passed => l.t("已通过", "passed"),
        Returned => l.t("已退回", "sent back"),
        MadeUp => l.t("已补", "made up"),
        PublicFunds => l.t("公用经费", "public funds"),
        TrainingFunds => l.t("培训经费", "training"),
        CreditsHint => l.t("通过", "pass"),
        SendBack => l.t("退回", "send back"),
        FilterCredits => l.t("切换:待我审核/全部", "filter: waiting / all"),
        MarkDone => l.t("记为已补", "mark made up"),
        TakeBack => l.t("撤销已补", "take back"),
        OpenOnly => l.t("仅未补", "open only"),
        NoMakeUps => l.t("没有公假待补", "No make-ups"),
        NotePrompt => l.t("备注(可空,回车确认)", "Note (optional, Enter)"),
        ConfirmMakeUp => l.t("记为培训内容已补?", "Mark this content made up?"),
        ConfirmTakeBack => l.t("撤销已补记录?", "Take the make-up mark back?"),
        MarkedDone => l.t("已记为已补", "marked made up"),
        TakenBack => l.t("已撤销已补", "make-up mark taken back"),
        SwitchList => l.t("切换 学分登记/公假待补", "switch credits / make-ups"),
    }
}

pub fn credit_headers(l: Lang) -> [&'static str; 9] {
    [
        l.t("编号", "id"),
        l.t("工号", "teacher"),
        l.t("日期", "date"),
        l.t("培训", "training"),
        l.t("主办", "organiser"),
        l.t("学分", "credits"),
        l.t("学分卡", "card"),
        l.t("状态", "stage"),
        l.t("意见", "comment"),
    ]
}

pub fn makeup_headers(l: Lang) -> [&'static str; 7] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("活动", "session"),
        l.t("日期", "date"),
        l.t("主题", "title"),
        l.t("学分", "credits"),
        l.t("已补", "made up"),
    ]
}

pub fn mentor_headers(l: Lang) -> [&'static str; 4] {
    [
        l.t("学年", "year"),
        l.t("师傅", "mentor"),
        l.t("徒弟", "mentee"),
        l.t("备注", "note"),
    ]
}

/// The Chinese of an `AppError::Invalid` explanation the app layer gives in
/// English; one not listed here is shown as it is.
fn why_zh(why: &str) -> &str {
    match why {
        "is empty" => "为空",
        "is empty: give the credit card's number" => "为空:请填学分卡编号",
        "must be more than 0" => "须大于0",
        "is required when sending back" => "退回时必须填写理由",
        "is required when rejecting" => "驳回时必须填写理由",
        "has no make-up marked" => "尚未记为已补",
        "was not missed on approved official leave" => "该教师此次活动不是已批准的公假,无需后补",
        "is the mentor" => "与师傅是同一人",
        "does not exist" => "不存在",
        "is more than the public funds" => "超过了公用经费",
        other => other,
    }
}

// ---------------------------------------------------------------------------
// Reliability: `peixun check` and `peixun backup` (issue 8)
// ---------------------------------------------------------------------------

/// A problem `peixun check` found, with the table and key where it is.
pub fn check_problem(l: Lang, p: &crate::store::check::Problem) -> String {
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
        (Lang::Zh, WrongTally { key }) => tally_problem_zh(key),
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

// ---------------------------------------------------------------------------
// The office's records in the terminal app (issue 7): note characters, the
// archive checklist, degrees, mentor pairs on the teacher tab; funds on the
// credits tab.
// ---------------------------------------------------------------------------

/// Texts of the office's modals in the terminal app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum O {
    NotesTitle,
    NotesHint,
    ArchiveTitle,
    ArchiveHint,
    DegreeTitle,
    DegreeHint,
    MentorTitle,
    MentorHint,
    FundsTitle,
    FundsHint,
    /// The major matches the subject taught.
    MatchesSubject,
    /// The major does not match the subject taught.
    NotMatching,
    Major,
    /// No term holds today's date.
    NoTerm,
    WantNumber,
    WantTwoAmounts,
    /// No other teacher matches what was typed.
    NoMatch,
    /// Pick a teacher on the teacher tab first.
    NoTeacher,
    /// The mentor pair exists: confirming ends it.
    EndPair,
}

pub fn office_text(l: Lang, o: O) -> &'static str {
    use O::*;
    match o {
        NotesTitle => l.t("本学期笔记字数", "Note characters this term"),
        NotesHint => l.t("输入字数,回车确认", "Type the number, Enter"),
        ArchiveTitle => l.t("学年档案", "This year's archive"),
        ArchiveHint => l.t(
            "p/n/r/s 勾选档案项,↑/↓ 选择次数,+/- 增减,回车确认",
            "p/n/r/s tick an item, ↑/↓ pick a count, +/- change it, Enter",
        ),
        DegreeTitle => l.t("学历与专业", "Degree and major"),
        DegreeHint => l.t(
            "↑/↓ 学历,Tab 是否对口,输入专业,回车确认",
            "↑/↓ degree, Tab matches the subject, type the major, Enter",
        ),
        MentorTitle => l.t("师徒结对", "Mentor pair"),
        MentorHint => l.t(
            "输入对方姓名或拼音,Tab 切换师傅/徒弟,回车(已结对则解除)",
            "Name or pinyin, Tab mentor/mentee, Enter (ends an existing pair)",
        ),
        FundsTitle => l.t("本学年培训经费", "This year's training funds"),
        FundsHint => l.t(
            "公用经费 培训经费(元,空格分隔),回车确认",
            "Public funds and training spending in yuan, space between, Enter",
        ),
        MatchesSubject => l.t("专业对口", "matches the subject"),
        NotMatching => l.t("专业不对口", "does not match the subject"),
        Major => l.t("专业", "major"),
        NoTerm => l.t("今天不在任何学期内", "today is in no term"),
        WantNumber => l.t("应为非负整数", "should be a whole number"),
        WantTwoAmounts => l.t(
            "应为两个金额(元),如 200000 25000",
            "should be two amounts in yuan, like 200000 25000",
        ),
        NoMatch => l.t("没有找到其他教师", "no other teacher matches"),
        NoTeacher => l.t(
            "请先在教师页选定一位教师",
            "pick a teacher on the teacher tab first",
        ),
        EndPair => l.t("已结对:确认解除?", "already paired: end the pair?"),
    }
}
