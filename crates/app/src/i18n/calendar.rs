//! The words for calendar refusals (moved up from the words crate: they
//! name the commands' own error type).

use super::*;
use crate::calendar::{CalendarError, TimeOf};

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
        (
            _,
            YearStartMovesTerm {
                year_start,
                term,
                start,
                fits,
                keeps,
            },
        ) => {
            let keeps = match (l, keeps) {
                (Lang::Zh, Some((lo, hi))) => {
                    format!(";学年起始日在 {lo} 至 {hi} 之间可保持已录入的学期不变")
                }
                (Lang::En, Some((lo, hi))) => {
                    format!("; a start from {lo} to {hi} keeps every entered term as it is")
                }
                (_, None) => String::new(),
            };
            match l {
                Lang::Zh => format!(
                    "学年起始日改为 {year_start} 后,{start} 开始的学期 {term}({})将成为 {fits}({}),与已录入的学期不符{keeps};未做任何更改",
                    term_name(l, *term),
                    term_name(l, *fits)
                ),
                Lang::En => format!(
                    "with the year starting on {year_start}, term {term} ({}), which starts on {start}, would be {fits} ({}){keeps}; nothing was changed",
                    term_name(l, *term),
                    term_name(l, *fits)
                ),
            }
        }
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
        (_, Cancelled(s)) => say!(
            l,
            "活动 {s} 已取消,不能再更改,未做任何更改",
            "session {s} is cancelled; nothing was changed"
        ),
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
        (Lang::Zh, NotClosed(s)) => {
            format!("活动 {s} 的点名尚未结束,无需重新打开,未做任何更改")
        }
        (Lang::Zh, BadWhen { field, value }) => format!(
            "{field}“{}”无效(应为日期 YYYY-MM-DD,或日期加时间 YYYY-MM-DDTHH:MM,时间 00:00–23:59),未做任何更改",
            super::shown(value)
        ),
        (Lang::En, BadWhen { field, value }) => format!(
            "{field} `{}` should be a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM (00:00–23:59); nothing was changed",
            super::shown(value)
        ),
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
            let what = time_of(l, *what);
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
            l,
            TimesContradict {
                session,
                facts,
                start,
                end,
            },
        ) => {
            let each: Vec<String> = facts
                .iter()
                .map(|f| {
                    let what = time_of(l, f.what);
                    say!(
                        l,
                        "{} 已记录的{what} {}",
                        "{}'s recorded {what} at {}",
                        shown(&f.teacher.0),
                        hm(f.at)
                    )
                })
                .collect();
            say!(
                l,
                "活动 {session} 改为 {}–{} 后,{} 将不在活动时间内;请先更正这些记录,未做任何更改",
                "session {session} at {}–{} would leave {} outside it; correct those records first; nothing was changed",
                hm(*start),
                hm(*end),
                each.join(l.t("、", ", "))
            )
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
        (
            Lang::Zh,
            GroupFromAhead {
                teacher,
                from,
                today,
            },
        ) => format!(
            "{} 的新教研组/年级组自 {from} 起,晚于今天 {today};请到那天再修改,未做任何更改",
            shown(&teacher.0)
        ),
        (
            Lang::En,
            GroupFromAhead {
                teacher,
                from,
                today,
            },
        ) => format!(
            "{}'s new group would apply from {from}, after today ({today}); make the change on that day; nothing was changed",
            shown(&teacher.0)
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
        (_, NothingToChange) => l
            .t(
                "没有需要更改的内容",
                "nothing to change; nothing was changed",
            )
            .into(),
        (
            Lang::Zh,
            NoEarlyLeave {
                teacher,
                session,
                flag,
            },
        ) => {
            format!("{teacher} 在活动 {session} 没有早退记录;请用 {flag} 给出时间")
        }
        (
            Lang::En,
            NoEarlyLeave {
                teacher,
                session,
                flag,
            },
        ) => {
            format!("{teacher} has no early leave at session {session}; give the time with {flag}")
        }
    }
}

/// Which recorded time a message is about.
fn time_of(l: Lang, what: TimeOf) -> &'static str {
    match what {
        TimeOf::Arrival => l.t("到达时间", "arrival"),
        TimeOf::EarlyLeave => l.t("早退时间", "early leave"),
    }
}
