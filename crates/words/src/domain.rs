//! The words of the domain: attendance categories, leave kinds and states,
//! roll states, roles, terms, credit stages, degrees, and the reasons and
//! deductions of the standings.

use super::*;

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

/// A paper a leave request needs before it is approved.
pub fn leave_paper(l: Lang, p: rules::LeavePaper) -> &'static str {
    match p {
        rules::LeavePaper::LeaveNote => l.t("请假条", "leave note"),
        rules::LeavePaper::HospitalCertificate => l.t("医院证明", "hospital certificate"),
    }
}

/// A leave kind as typed: its code (`official`) or its Chinese name (公假).
pub fn parse_leave_kind(s: &str) -> Option<LeaveKind> {
    LeaveKind::ALL
        .iter()
        .copied()
        .find(|k| s == k.code() || s == leave_kind(Lang::Zh, *k))
}

/// Items said as one of a list: "公假、事假或病假", "official, personal or
/// sick".
pub fn one_of(l: Lang, items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{}{}{last}", rest.join(l.t("、", ", ")), l.t("或", " or ")),
    }
}

/// Every leave kind by the word a user types: its Chinese name, in
/// English its code; generated from `LeaveKind::ALL`.
pub fn leave_kind_words(l: Lang) -> Vec<&'static str> {
    LeaveKind::ALL
        .iter()
        .map(|k| match l {
            Lang::Zh => leave_kind(l, *k),
            Lang::En => k.code(),
        })
        .collect()
}

/// Every leave kind, as a list ("公假、事假或病假"; in English the codes
/// one types).
pub fn leave_kinds(l: Lang) -> String {
    one_of(l, &leave_kind_words(l))
}

/// Every leave kind as typed, with its Chinese name beside the code
/// ("official 公假 | personal 事假 | sick 病假"; in English the codes).
pub fn leave_kind_codes(l: Lang) -> String {
    LeaveKind::ALL
        .iter()
        .map(|k| match l {
            Lang::Zh => format!("{} {}", k.code(), leave_kind(l, *k)),
            Lang::En => k.code().to_string(),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Every role as typed, with its name in Chinese ("office(教务处)、...或
/// teacher(教师)"; in English the codes), generated from `Role::ALL`.
pub fn role_codes(l: Lang) -> String {
    let items: Vec<String> = Role::ALL
        .iter()
        .map(|r| match l {
            Lang::Zh => format!("{}({})", r.code(), role(l, *r)),
            Lang::En => r.code().to_string(),
        })
        .collect();
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    one_of(l, &items)
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

/// A leave's status as a list shows it: approved leave whose sessions are
/// all still to come says so (issue 25: it counts nowhere yet).
pub fn leave_status_of(l: Lang, s: LeaveStatus, to_come: bool) -> &'static str {
    match s {
        LeaveStatus::Approved if to_come => l.t("已批准(活动未到)", "approved, to come"),
        s => leave_status(l, s),
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

/// The warning shown beside a teacher one absence from unqualified.
pub fn warning(l: Lang) -> &'static str {
    l.t("再旷工一次即不合格", "one more absence: unqualified")
}

pub fn roles(l: Lang, rs: &[Role]) -> String {
    rs.iter()
        .map(|r| role(l, *r))
        .collect::<Vec<_>>()
        .join(l.t("或", " or "))
}

// ---------------------------------------------------------------------------
// Assessment beyond attendance (issue 7): credits and their review chain,
// make-ups, notes, archive, open lessons, degrees, mentors, funds.
// ---------------------------------------------------------------------------

use rules::{ArchiveItem, CreditStage, Degree};

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
        (_, Reason::DegreeMismatch) => l
            .t(
                "学历专业与任教学科不一致",
                "degree does not match the subject taught",
            )
            .into(),
    }
}

/// A deduction: its reason and the points it takes off.
pub fn deduction(l: Lang, d: &rules::Deduction) -> String {
    match l {
        Lang::Zh => format!("{}(扣{}分)", reason(l, &d.reason), d.points),
        Lang::En => format!("{} (−{})", reason(l, &d.reason), d.points),
    }
}
