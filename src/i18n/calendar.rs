//! The catalogue of the school's calendar (issue 14): its errors, its
//! labels and the names of terms, in Chinese and English side by side.

use super::Lang;
use crate::app::calendar::{CalendarError, TimeOf};
use crate::core::{Season, TermId};

/// A term as schools name it: `2025-2026学年第二学期` / `2025-2026 spring term`.
pub fn term_name(l: Lang, t: TermId) -> String {
    match (l, t.season) {
        (Lang::Zh, Season::Autumn) => format!("{}学年第一学期", t.year),
        (Lang::Zh, Season::Spring) => format!("{}学年第二学期", t.year),
        (Lang::En, Season::Autumn) => format!("{} autumn term", t.year),
        (Lang::En, Season::Spring) => format!("{} spring term", t.year),
    }
}

fn hm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// One line for a calendar refusal, in the user's language.
pub fn calendar_error(l: Lang, e: &CalendarError) -> String {
    use CalendarError::*;
    match (l, e) {
        (Lang::Zh, TermName { given, fits, start }) => format!(
            "学期名称 {given} 与日期不符:{start} 开始的学期是 {fits}({}),未做任何更改",
            term_name(l, *fits)
        ),
        (Lang::En, TermName { given, fits, start }) => format!(
            "term name {given} does not fit its dates: a term starting on {start} is {fits} ({}); nothing was changed",
            term_name(l, *fits)
        ),
        (
            Lang::Zh,
            TermOverlap {
                term,
                other,
                other_start,
                other_end,
            },
        ) => format!(
            "学期 {term} 的日期与学期 {other}({other_start} 至 {other_end})重叠,未做任何更改"
        ),
        (
            Lang::En,
            TermOverlap {
                term,
                other,
                other_start,
                other_end,
            },
        ) => format!(
            "term {term} overlaps term {other} ({other_start} to {other_end}); nothing was changed"
        ),
        (Lang::Zh, NoTerm { date }) => {
            format!("{date} 不在任何学期内,请先添加学期;未做任何更改")
        }
        (Lang::En, NoTerm { date }) => {
            format!("{date} is in no term; add the term first; nothing was changed")
        }
        (Lang::Zh, ReasonRequired) => "此操作须填写原因(--reason),未做任何更改".into(),
        (Lang::En, ReasonRequired) => {
            "this change needs a reason (--reason); nothing was changed".into()
        }
        (Lang::Zh, Cancelled(s)) => format!("活动 {s} 已取消,不能再更改"),
        (Lang::En, Cancelled(s)) => format!("session {s} is cancelled; nothing was changed"),
        (
            Lang::Zh,
            RollTooEarly {
                session,
                date,
                start,
                opens,
            },
        ) => format!(
            "活动 {session} 在 {date} {} 开始,点名最早于 {} 开始;提前点名须由教务处填写原因(--reason),未做任何更改",
            hm(*start),
            opens.format("%Y-%m-%d %H:%M")
        ),
        (
            Lang::En,
            RollTooEarly {
                session,
                date,
                start,
                opens,
            },
        ) => format!(
            "session {session} starts on {date} at {}; its roll opens at {}; earlier needs the training office and a reason (--reason); nothing was changed",
            hm(*start),
            opens.format("%Y-%m-%d %H:%M")
        ),
        (Lang::Zh, NotClosed(s)) => format!("活动 {s} 的点名尚未结束,无需重新打开"),
        (Lang::En, NotClosed(s)) => {
            format!("the roll of session {s} is not closed; nothing to reopen")
        }
        (
            _,
            TimeOutside {
                session,
                what,
                at,
                start,
                end,
            },
        ) => {
            let what = match (l, what) {
                (Lang::Zh, TimeOf::Arrival) => "到达时间",
                (Lang::Zh, TimeOf::EarlyLeave) => "早退时间",
                (Lang::En, TimeOf::Arrival) => "arrival",
                (Lang::En, TimeOf::EarlyLeave) => "early leave",
            };
            match l {
                Lang::Zh => format!(
                    "{what} {} 不在活动 {session} 的时间内({}–{},须早于结束时间),未做任何更改",
                    hm(*at),
                    hm(*start),
                    hm(*end)
                ),
                Lang::En => format!(
                    "{what} at {} is outside session {session} ({}–{}; it must be before the end); nothing was changed",
                    hm(*at),
                    hm(*start),
                    hm(*end)
                ),
            }
        }
        (
            Lang::Zh,
            LeavesBeforeJoining {
                teacher,
                joined,
                on,
            },
        ) => format!("{teacher} 于 {joined} 到校,离校日期 {on} 早于到校日期,未做任何更改"),
        (
            Lang::En,
            LeavesBeforeJoining {
                teacher,
                joined,
                on,
            },
        ) => format!(
            "{teacher} joined on {joined}; a departure on {on} is before that; nothing was changed"
        ),
        (Lang::Zh, SpanBackwards { from, to }) => format!(
            "请假结束 {} 不晚于开始 {},未做任何更改",
            to.format("%Y-%m-%d %H:%M"),
            from.format("%Y-%m-%d %H:%M")
        ),
        (Lang::En, SpanBackwards { from, to }) => format!(
            "the leave ends ({}) no later than it starts ({}); nothing was changed",
            to.format("%Y-%m-%d %H:%M"),
            from.format("%Y-%m-%d %H:%M")
        ),
        (
            Lang::Zh,
            Expired {
                id,
                session,
                started,
            },
        ) => format!(
            "请假申请 {id} 已过期:活动 {session} 于 {} 开始时仍未审批(事假及非急诊病假须在活动开始前审批),未做任何更改",
            started.format("%Y-%m-%d %H:%M")
        ),
        (
            Lang::En,
            Expired {
                id,
                session,
                started,
            },
        ) => format!(
            "leave request {id} has expired: it was still pending when session {session} started at {} (personal and non-emergency sick leave must be decided before); nothing was changed",
            started.format("%Y-%m-%d %H:%M")
        ),
        (Lang::Zh, NothingToChange) => "没有需要更改的内容".into(),
        (Lang::En, NothingToChange) => "nothing to change; nothing was changed".into(),
        (Lang::Zh, NoEarlyLeave { teacher, session }) => {
            format!("{teacher} 在活动 {session} 没有早退记录;请用 --at 给出时间")
        }
        (Lang::En, NoEarlyLeave { teacher, session }) => {
            format!("{teacher} has no early leave at session {session}; give the time with --at")
        }
    }
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
    credits: crate::core::Credits,
    required: crate::core::Credits,
    days_left: i64,
) -> String {
    match l {
        Lang::Zh => format!("学分 {credits}/{required},本学年尚余 {days_left} 天"),
        Lang::En => format!("credits {credits}/{required}, {days_left} days left in the year"),
    }
}
