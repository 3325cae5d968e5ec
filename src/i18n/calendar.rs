//! The catalogue of the school's calendar (issue 14): its errors, its
//! labels and the names of terms, in Chinese and English side by side.

use super::Lang;
use crate::app::calendar::{CalendarError, TimeOf};
use crate::core::{Credits, Season, SessionId, TermId};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

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
        (Lang::Zh, Cancelled(s)) => format!("活动 {s} 已取消,不能再更改,未做任何更改"),
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
        (Lang::Zh, NotClosed(s)) => {
            format!("活动 {s} 的点名尚未结束,无需重新打开,未做任何更改")
        }
        (Lang::Zh, BadWhen { field, value }) => format!(
            "{field}“{}”无效(应为日期 YYYY-MM-DD,或日期加时间 YYYY-MM-DDTHH:MM,时间 00:00–23:59),未做任何更改",
            crate::i18n::shown(value)
        ),
        (Lang::En, BadWhen { field, value }) => format!(
            "{field} `{}` should be a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM (00:00–23:59); nothing was changed",
            crate::i18n::shown(value)
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
    Hint,
    /// The keys of its question.
    YesNo,
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
        (Lang::Zh, EditSessionTitle(s)) => format!("修改活动 {s}"),
        (Lang::En, EditSessionTitle(s)) => format!("Edit session {s}"),
        (Lang::Zh, MoveSessionTitle(s)) => format!("调整活动 {s} 的日期和时间"),
        (Lang::En, MoveSessionTitle(s)) => format!("Move session {s}"),
        (Lang::Zh, CancelSessionTitle(s)) => format!("取消活动 {s}"),
        (Lang::En, CancelSessionTitle(s)) => format!("Cancel session {s}"),
        (Lang::Zh, ReopenTitle(s)) => format!("重新打开活动 {s} 的点名"),
        (Lang::En, ReopenTitle(s)) => format!("Reopen the roll of session {s}"),
        (Lang::Zh, ExcuseTitle(n)) => format!("{} 早退准假", shown(n)),
        (Lang::En, ExcuseTitle(n)) => format!("Excuse the early leave of {}", shown(n)),
        (Lang::Zh, EarlyStartTitle { session, opens }) => {
            format!("提前点名:活动 {session} 的点名 {} 才开始", day(opens))
        }
        (Lang::En, EarlyStartTitle { session, opens }) => {
            format!(
                "Start early: the roll of session {session} opens at {}",
                day(opens)
            )
        }
        (Lang::Zh, DepartTitle(n)) => format!("登记 {} 离校", shown(n)),
        (Lang::En, DepartTitle(n)) => format!("{} leaves the school", shown(n)),
        (Lang::Zh, EditTeacherTitle(n)) => format!("修改 {} 的资料", shown(n)),
        (Lang::En, EditTeacherTitle(n)) => format!("Edit {}", shown(n)),
        (Lang::Zh, Hint) => "Tab/↑↓ 换项  Enter 确定  Ctrl-U 清空  Esc 取消".into(),
        (Lang::En, Hint) => "Tab/↑↓ next box  Enter done  Ctrl-U clear  Esc cancel".into(),
        (Lang::Zh, YesNo) => "y 确认  n 返回修改".into(),
        (Lang::En, YesNo) => "y confirm  n back to the form".into(),
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
        (Lang::Zh, AskEarlyStart(s)) => format!("现在提前开始活动 {s} 的第一次点名?"),
        (Lang::En, AskEarlyStart(s)) => format!("Start the first call of session {s} now?"),
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
        (Lang::Zh, SessionEdited(s)) => format!("活动 {s} 已修改"),
        (Lang::En, SessionEdited(s)) => format!("session {s} changed"),
        (Lang::Zh, Moved(s)) => format!("活动 {s} 已改期"),
        (Lang::En, Moved(s)) => format!("session {s} moved"),
        (Lang::Zh, CancelledDone(s)) => format!("活动 {s} 已取消"),
        (Lang::En, CancelledDone(s)) => format!("session {s} cancelled"),
        (Lang::Zh, Reopened(s)) => format!("活动 {s} 的点名已重新打开"),
        (Lang::En, Reopened(s)) => format!("the roll of session {s} is open again"),
        (Lang::Zh, Excused(n)) => format!("{} 的早退已准假", shown(n)),
        (Lang::En, Excused(n)) => format!("the early leave of {} is excused", shown(n)),
        (Lang::Zh, Departed(n)) => format!("已登记 {} 离校", shown(n)),
        (Lang::En, Departed(n)) => format!("{}'s departure is recorded", shown(n)),
        (Lang::Zh, TeacherEdited(n)) => format!("{} 的资料已修改", shown(n)),
        (Lang::En, TeacherEdited(n)) => format!("{} changed", shown(n)),
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
        (Lang::Zh, Needed(f)) => format!("请填写{}", form_field(l, *f)),
        (Lang::En, Needed(f)) => format!("the {} is needed", form_field(l, *f)),
    }
}
