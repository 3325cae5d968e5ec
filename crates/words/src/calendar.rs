//! The catalogue of the school's calendar (issue 14): its errors, its
//! labels and the names of terms, in Chinese and English side by side.

use super::Lang;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rules::{Credits, Season, SessionId, TermId};

/// A term as schools name it: `2025-2026学年第二学期` / `2025-2026 spring term`.
pub fn term_name(l: Lang, t: TermId) -> String {
    match (l, t.season) {
        (Lang::Zh, Season::Autumn) => format!("{}学年第一学期", t.year),
        (Lang::Zh, Season::Spring) => format!("{}学年第二学期", t.year),
        (Lang::En, Season::Autumn) => format!("{} autumn term", t.year),
        (Lang::En, Season::Spring) => format!("{} spring term", t.year),
    }
}

/// What `term add` kept: the term's code, its name and its days.
pub fn term_added(l: Lang, t: TermId, start: NaiveDate, end: NaiveDate) -> String {
    say!(
        l,
        "已保存:学期 {}({},{} 至 {})",
        "saved: term {} (the {}, {} to {})",
        t,
        term_name(l, t),
        start,
        end
    )
}

/// A teacher's groups over time, oldest first, each with its days:
/// "教研组:英语(至 2026-10-31)→ 数学(2026-11-01 起)". `None` when the
/// teacher has only ever been in one group.
pub fn group_history(l: Lang, t: &rules::Teacher) -> Option<String> {
    if t.past_groups.is_empty() {
        return None;
    }
    let name = |group: &str, grade: Option<&str>| match grade {
        Some(g) => format!("{}/{}", super::shown(group), super::shown(g)),
        None => super::shown(group).into_owned(),
    };
    let mut parts: Vec<String> = t
        .past_groups
        .iter()
        .map(|p| {
            let g = name(&p.group, p.grade.as_deref());
            match p.from {
                Some(from) => say!(l, "{}({} 至 {})", "{} ({} to {})", g, from, p.until),
                None => say!(l, "{}(至 {})", "{} (to {})", g, p.until),
            }
        })
        .collect();
    let now = name(&t.group, t.grade.as_deref());
    parts.push(match t.group_since() {
        Some(since) => say!(l, "{}({} 起)", "{} (from {})", now, since),
        None => now,
    });
    Some(say!(
        l,
        "教研组:{}",
        "groups: {}",
        parts.join(l.t("→ ", " → "))
    ))
}

pub fn hm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// Labels of the calendar's lists and lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum CalendarText {
    Joined,
    Left,
    ExcusedEarly,
    Cancelled,
    Overlaps,
    YearProgress,
    DaysLeft,
    YearOver,
    Reopened,
    Host,
    Recorder,
    Presenter,
    Groups,
    Everyone,
    LapsedAt,
}

pub fn calendar_text(l: Lang, c: CalendarText) -> &'static str {
    match c {
        CalendarText::Joined => l.t("到校", "joined"),
        CalendarText::Left => l.t("离校", "left"),
        CalendarText::ExcusedEarly => l.t("早退(准假)", "early leave (excused)"),
        CalendarText::Cancelled => l.t("已取消", "cancelled"),
        CalendarText::Overlaps => l.t(
            "注意:与以下请假申请时间重叠",
            "note: overlaps these leave requests",
        ),
        CalendarText::YearProgress => l.t("本学年学分", "year credits"),
        CalendarText::DaysLeft => l.t("本学年尚余(天)", "days left in the year"),
        CalendarText::YearOver => l.t("学年已结束", "year over"),
        CalendarText::Reopened => l.t("点名已重新打开", "roll reopened"),
        CalendarText::Host => l.t("主持人", "host"),
        CalendarText::Recorder => l.t("记录人", "recorder"),
        CalendarText::Presenter => l.t("主讲人", "presenter"),
        CalendarText::Groups => l.t("参加教研组", "groups"),
        CalendarText::Everyone => l.t("全体", "everyone"),
        CalendarText::LapsedAt => l.t(
            "活动开始时仍未审批,已过期",
            "lapsed: still pending when its session started",
        ),
    }
}

/// A year's progress as one note: `学分 18/40,本学年尚余 120 天`.
pub fn year_progress(
    l: Lang,
    credits: rules::Credits,
    required: rules::Credits,
    days_left: i64,
) -> String {
    match l {
        Lang::Zh => format!("学分 {credits}/{required},本学年尚余 {days_left} 天"),
        Lang::En => format!("credits {credits}/{required}, {days_left} days left in the year"),
    }
}

/// A box of the terminal app's calendar forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum FormField {
    Title,
    Start,
    End,
    Credits,
    Presenter,
    Date,
    Reason,
    At,
    Name,
    Group,
    Grade,
    Joined,
    Left,
}

pub fn form_field(l: Lang, f: FormField) -> &'static str {
    use FormField::*;
    match f {
        Title => l.t("标题", "title"),
        Start => l.t("开始时间", "start"),
        End => l.t("结束时间", "end"),
        Credits => l.t("学分", "credits"),
        Presenter => l.t("主讲人", "presenter"),
        Date => l.t("日期", "date"),
        Reason => l.t("原因", "reason"),
        At => l.t("离开时间", "left at"),
        Name => l.t("姓名", "name"),
        Group => l.t("教研组", "group"),
        Grade => l.t("年级", "grade"),
        Joined => l.t("到校日期", "joined on"),
        Left => l.t("离校日期", "left on"),
    }
}

/// What the terminal app's calendar forms say: titles, questions (what
/// will happen), what was done, and why what was typed is not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormText {
    EditSessionTitle(SessionId),
    MoveSessionTitle(SessionId),
    CancelSessionTitle(SessionId),
    ReopenTitle(SessionId),
    ExcuseTitle(String),
    EarlyStartTitle {
        session: SessionId,
        opens: NaiveDateTime,
    },
    DepartTitle(String),
    EditTeacherTitle(String),
    /// The keys of a form.
    /// The form's keys: next box, done, clear, cancel (as bound).
    Hint {
        next: String,
        submit: String,
        clear: String,
        cancel: String,
    },
    /// The keys of its question.
    /// The answer line, with the keys bound to yes and no.
    YesNo {
        yes: String,
        no: String,
    },
    AskEditSession {
        session: SessionId,
        title: String,
        start: NaiveTime,
        end: NaiveTime,
        credits: Credits,
        presenter: Option<String>,
    },
    AskMove {
        session: SessionId,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    AskCancel {
        session: SessionId,
        title: String,
    },
    AskReopen(SessionId),
    AskExcuse {
        name: String,
        at: NaiveTime,
    },
    AskEarlyStart(SessionId),
    AskDepart {
        name: String,
        on: NaiveDate,
    },
    AskEditTeacher {
        name: String,
        group: String,
        grade: String,
        joined: Option<NaiveDate>,
        left: Option<NaiveDate>,
    },
    SessionEdited(SessionId),
    Moved(SessionId),
    CancelledDone(SessionId),
    Reopened(SessionId),
    Excused(String),
    Departed(String),
    TeacherEdited(String),
    /// A refusal that fits the status line: when the roll may start.
    RollOpensAt {
        session: SessionId,
        opens: NaiveDateTime,
    },
    /// What was typed in a box is not a time, a date or a number of credits.
    NotATime(FormField, String),
    NotADate(FormField, String),
    NotCredits(String),
    /// A box that must be filled.
    Needed(FormField),
}

fn opt(l: Lang, s: &Option<String>) -> String {
    match s {
        Some(s) => super::shown(s).into_owned(),
        None => l.t("无", "none").to_string(),
    }
}

pub fn form_text(l: Lang, t: &FormText) -> String {
    use FormText::*;
    let shown = |s: &str| super::shown(s).into_owned();
    let day = |d: &NaiveDateTime| d.format("%Y-%m-%d %H:%M").to_string();
    match (l, t) {
        (_, EditSessionTitle(s)) => say!(l, "修改活动 {s}", "Edit session {s}"),
        (_, MoveSessionTitle(s)) => say!(l, "调整活动 {s} 的日期和时间", "Move session {s}"),
        (_, CancelSessionTitle(s)) => say!(l, "取消活动 {s}", "Cancel session {s}"),
        (_, ReopenTitle(s)) => say!(
            l,
            "重新打开活动 {s} 的点名",
            "Reopen the roll of session {s}"
        ),
        (_, ExcuseTitle(n)) => say!(l, "{} 早退准假", "Excuse the early leave of {}", shown(n)),
        (Lang::Zh, EarlyStartTitle { session, opens }) => {
            format!("提前点名:活动 {session} 的点名 {} 才开始", day(opens))
        }
        (Lang::En, EarlyStartTitle { session, opens }) => {
            format!(
                "Start early: the roll of session {session} opens at {}",
                day(opens)
            )
        }
        (_, DepartTitle(n)) => say!(l, "登记 {} 离校", "{} leaves the school", shown(n)),
        (_, EditTeacherTitle(n)) => say!(l, "修改 {} 的资料", "Edit {}", shown(n)),
        (
            _,
            Hint {
                next,
                submit,
                clear,
                cancel,
            },
        ) => say!(
            l,
            "{}/↑↓ 换项  {} 确定  {} 清空  {} 取消",
            "{}/↑↓ next box  {} done  {} clear  {} cancel",
            shown(next),
            shown(submit),
            shown(clear),
            shown(cancel)
        ),
        (_, YesNo { yes, no }) => say!(
            l,
            "{} 确认  {} 返回修改",
            "{} confirm  {} back to the form",
            shown(yes),
            shown(no)
        ),
        (
            Lang::Zh,
            AskEditSession {
                session,
                title,
                start,
                end,
                credits,
                presenter,
            },
        ) => format!(
            "将活动 {session} 改为「{}」{}–{},{credits} 学分,主讲人 {}?",
            shown(title),
            hm(*start),
            hm(*end),
            opt(l, presenter)
        ),
        (
            Lang::En,
            AskEditSession {
                session,
                title,
                start,
                end,
                credits,
                presenter,
            },
        ) => format!(
            "Change session {session} to \"{}\", {}–{}, {credits} credits, presenter {}?",
            shown(title),
            hm(*start),
            hm(*end),
            opt(l, presenter)
        ),
        (
            Lang::Zh,
            AskMove {
                session,
                date,
                start,
                end,
            },
        ) => format!(
            "将活动 {session} 改到 {date} {}–{}?请假按新的时间计算",
            hm(*start),
            hm(*end)
        ),
        (
            Lang::En,
            AskMove {
                session,
                date,
                start,
                end,
            },
        ) => format!(
            "Move session {session} to {date} {}–{}? Leave follows the new time",
            hm(*start),
            hm(*end)
        ),
        (Lang::Zh, AskCancel { session, title }) => format!(
            "取消活动 {session}「{}」?取消后不计入任何人的考勤",
            shown(title)
        ),
        (Lang::En, AskCancel { session, title }) => format!(
            "Cancel session {session} \"{}\"? It will count for nobody",
            shown(title)
        ),
        (Lang::Zh, AskReopen(s)) => {
            format!("重新打开活动 {s} 的点名?未到者在再次结束点名前不记旷工")
        }
        (Lang::En, AskReopen(s)) => format!(
            "Reopen the roll of session {s}? The missing are not absent until it closes again"
        ),
        (Lang::Zh, AskExcuse { name, at }) => format!(
            "将 {} {} 的早退记为准假?准假早退不计入考勤",
            shown(name),
            hm(*at)
        ),
        (Lang::En, AskExcuse { name, at }) => format!(
            "Excuse the early leave of {} at {}? It will not count",
            shown(name),
            hm(*at)
        ),
        (_, AskEarlyStart(s)) => say!(
            l,
            "现在提前开始活动 {s} 的第一次点名?",
            "Start the first call of session {s} now?"
        ),
        (Lang::Zh, AskDepart { name, on }) => format!(
            "登记 {} 于 {on} 离校?此后的活动不再要求其参加,以往记录保留",
            shown(name)
        ),
        (Lang::En, AskDepart { name, on }) => format!(
            "Record that {} leaves on {on}? Later sessions are not required of them; the record stays",
            shown(name)
        ),
        (
            l,
            AskEditTeacher {
                name,
                group,
                grade,
                joined,
                left,
            },
        ) => {
            let grade = if grade.trim().is_empty() {
                l.t("无", "none").into()
            } else {
                shown(grade)
            };
            let joined = joined.map_or_else(|| l.t("未填", "not given").into(), |d| d.to_string());
            let left = left.map_or_else(
                || l.t("未离校", "not (still at the school)").into(),
                |d| d.to_string(),
            );
            match l {
                Lang::Zh => format!(
                    "保存为:{},{},年级 {grade},到校 {joined},离校 {left}?",
                    shown(name),
                    shown(group)
                ),
                Lang::En => format!(
                    "Save as: {}, {}, grade {grade}, joined {joined}, left {left}?",
                    shown(name),
                    shown(group)
                ),
            }
        }
        (_, SessionEdited(s)) => say!(l, "活动 {s} 已修改", "session {s} changed"),
        (_, Moved(s)) => say!(l, "活动 {s} 已改期", "session {s} moved"),
        (_, CancelledDone(s)) => say!(l, "活动 {s} 已取消", "session {s} cancelled"),
        (_, Reopened(s)) => say!(
            l,
            "活动 {s} 的点名已重新打开",
            "the roll of session {s} is open again"
        ),
        (_, Excused(n)) => say!(
            l,
            "{} 的早退已准假",
            "the early leave of {} is excused",
            shown(n)
        ),
        (_, Departed(n)) => say!(l, "已登记 {} 离校", "{}'s departure is recorded", shown(n)),
        (_, TeacherEdited(n)) => say!(l, "{} 的资料已修改", "{} changed", shown(n)),
        (Lang::Zh, RollOpensAt { session, opens }) => {
            format!("活动 {session} 的点名 {} 才开始,未做任何更改", day(opens))
        }
        (Lang::En, RollOpensAt { session, opens }) => format!(
            "the roll of session {session} opens at {}; nothing was changed",
            day(opens)
        ),
        (Lang::Zh, NotATime(f, v)) => {
            format!("{}「{}」不是时间,请写成 16:30", form_field(l, *f), shown(v))
        }
        (Lang::En, NotATime(f, v)) => format!(
            "{} \"{}\" is not a time; write it as 16:30",
            form_field(l, *f),
            shown(v)
        ),
        (Lang::Zh, NotADate(f, v)) => format!(
            "{}「{}」不是日期,请写成 2026-03-01",
            form_field(l, *f),
            shown(v)
        ),
        (Lang::En, NotADate(f, v)) => format!(
            "{} \"{}\" is not a date; write it as 2026-03-01",
            form_field(l, *f),
            shown(v)
        ),
        (Lang::Zh, NotCredits(v)) => {
            format!("学分「{}」不是学分数,请写成 2 或 1.5", shown(v))
        }
        (Lang::En, NotCredits(v)) => format!(
            "credits \"{}\" is not a number of credits; write it as 2 or 1.5",
            shown(v)
        ),
        (_, Needed(f)) => say!(l, "请填写{}", "the {} is needed", form_field(l, *f)),
    }
}

/// A group no teacher belongs to (a session's audience, a plan's cell):
/// the group, the one probably meant if there is one, and the groups there
/// are. The command line and the plan import say it alike.
pub fn unknown_group(l: Lang, group: &str, near: Option<&str>, known: &[String]) -> String {
    let known = known
        .iter()
        .map(|g| super::shown(g).into_owned())
        .collect::<Vec<_>>()
        .join(l.t("、", ", "));
    let group = super::shown(group);
    match (l, near.map(super::shown)) {
        (Lang::Zh, Some(n)) => {
            format!("没有教师属于教研组“{group}”— 是不是 {n}?现有的组:{known}")
        }
        (Lang::Zh, None) => format!("没有教师属于教研组“{group}”;现有的组:{known}"),
        (Lang::En, Some(n)) => format!(
            "no teacher is in the group \"{group}\" — did you mean {n}? The groups are: {known}"
        ),
        (Lang::En, None) => {
            format!("no teacher is in the group \"{group}\"; the groups are: {known}")
        }
    }
}
