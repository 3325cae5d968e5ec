//! The words for the year's assessment refusals (moved up from the words
//! crate: they name the commands' own error type).

use super::*;
use crate::year_end::{AssessError, CreditAction};
use rules::{Period, Role};

/// What a credit command does, as a verb.
pub fn credit_action(l: Lang, a: CreditAction) -> &'static str {
    use CreditAction::*;
    match a {
        Register => l.t("登记", "register"),
        SelfAssess => l.t("自评", "self-assess"),
        Edit => l.t("修改", "edit"),
        Withdraw => l.t("撤回", "withdraw"),
        Pass => l.t("通过", "pass"),
        Return => l.t("退回", "send back"),
        Reject => l.t("驳回", "reject"),
        Revoke => l.t("撤销认定", "revoke"),
        Remove => l.t("删除", "remove"),
        Report => l.t("记录汇报", "record the report of"),
    }
}

/// One line for a refusal of the year's assessment.
pub fn assess_error(l: Lang, e: &AssessError) -> String {
    use AssessError::*;
    let nothing = l.t(",未做任何更改", "; nothing was changed");
    let body = match (l, e) {
        (Lang::Zh, NotYourStep { id, action, next }) => format!(
            "学分登记 {id}:你不能{},{}",
            credit_action(l, *action),
            next_actor(l, next)
        ),
        (Lang::En, NotYourStep { id, action, next }) => format!(
            "credit entry {id}: you may not {} it; {}",
            credit_action(l, *action),
            next_actor(l, next)
        ),
        (
            Lang::Zh,
            WrongStage {
                id,
                stage,
                action,
                next,
            },
        ) => format!(
            "学分登记 {id} 当前为“{}”,不能{};{}",
            credit_stage(l, *stage),
            credit_action(l, *action),
            next_actor(l, next)
        ),
        (
            Lang::En,
            WrongStage {
                id,
                stage,
                action,
                next,
            },
        ) => format!(
            "credit entry {id} is {}: cannot {}; {}",
            credit_stage(l, *stage),
            credit_action(l, *action),
            next_actor(l, next)
        ),
        (Lang::Zh, NeedsWords { action }) => {
            format!("{}须填写理由", credit_action(l, *action))
        }
        (Lang::En, NeedsWords { action }) => {
            format!("to {} needs a reason", credit_action(l, *action))
        }
        (Lang::Zh, TooManyCredits { credits, max }) => {
            format!("学分:一条登记 {credits} 学分,超过上限 {max} 学分")
        }
        (Lang::En, TooManyCredits { credits, max }) => {
            format!("credits: {credits} on one entry, more than the maximum {max}")
        }
        (Lang::Zh, FutureDate { date }) => format!("日期:培训日期 {date} 在今天之后"),
        (Lang::En, FutureDate { date }) => {
            format!("date: the training date {date} is in the future")
        }
        (Lang::Zh, OutsideYear { date, year }) => format!(
            "日期:培训日期 {date} 不在{}内(其他学年请用 --year)",
            period_name(l, Period::Year(*year))
        ),
        (Lang::En, OutsideYear { date, year }) => format!(
            "date: the training date {date} is not in the {} (give --year for another year)",
            period_name(l, Period::Year(*year))
        ),
        (Lang::Zh, CardUsed { card, id, teacher }) => format!(
            "学分卡:{} 已登记在第 {id} 条({})",
            shown(card),
            shown(&teacher.0)
        ),
        (Lang::En, CardUsed { card, id, teacher }) => format!(
            "card: credit card {} is already on entry {id} ({})",
            shown(card),
            shown(&teacher.0)
        ),
        (Lang::Zh, DeadlinePassed { term, deadline }) => format!(
            "{}的学分审核截止日 {deadline} 已过,新的登记由教务处办理",
            period_name(l, Period::Term(*term))
        ),
        (Lang::En, DeadlinePassed { term, deadline }) => format!(
            "the review deadline of the {} was {deadline}; the training office registers now",
            period_name(l, Period::Term(*term))
        ),
        (Lang::Zh, YearClosed { year }) => format!(
            "{}考核已结束,更改须由{}办理并用 --reason 说明理由",
            period_name(l, Period::Year(*year)),
            roles(l, &[Role::Office])
        ),
        (Lang::En, YearClosed { year }) => format!(
            "the assessment of the {} is closed: only the {} may change it, with --reason",
            period_name(l, Period::Year(*year)),
            roles(l, &[Role::Office])
        ),
        (l, TermPosted { term, on }) => term_posted(l, *term, *on),
        (l, ClosedYearsRoll { year }) => closed_years_roll(l, *year),
        (l, PostedLater { term, at }) => posted_later(l, *term, *at),
        (Lang::Zh, AlreadyClosed { year }) => {
            format!("{}考核已经结束", period_name(l, Period::Year(*year)))
        }
        (Lang::En, AlreadyClosed { year }) => format!(
            "the assessment of the {} is already closed",
            period_name(l, Period::Year(*year))
        ),
        (Lang::Zh, YearRunning { year, ends }) => format!(
            "{}到 {ends} 才结束,结束后再结束考核",
            period_name(l, Period::Year(*year))
        ),
        (Lang::En, YearRunning { year, ends }) => format!(
            "the {} runs until {ends}; close it after",
            period_name(l, Period::Year(*year))
        ),
        (Lang::Zh, YearWithoutTerms { year }) => {
            format!("{}没有学期", period_name(l, Period::Year(*year)))
        }
        (Lang::En, YearWithoutTerms { year }) => {
            format!("the {} has no terms", period_name(l, Period::Year(*year)))
        }
        (Lang::Zh, HasAndLacks { item }) => format!(
            "--has 与 --lacks 都写了“{}”,不能既有又缺",
            archive_item(l, *item)
        ),
        (Lang::En, HasAndLacks { item }) => format!(
            "the {} is given both in --has and in --lacks",
            archive_item(l, *item)
        ),
        (Lang::Zh, ReportUnconfirmed { id, stage }) => format!(
            "学分登记 {id} 当前为“{}”:认定后才能记录外出学习汇报",
            credit_stage(l, *stage)
        ),
        (Lang::En, ReportUnconfirmed { id, stage }) => format!(
            "credit entry {id} is {}: a report is recorded once the entry is confirmed",
            credit_stage(l, *stage)
        ),
        (Lang::Zh, OwnMentor { teacher }) => {
            format!("{} 不能做自己的师傅", shown(&teacher.0))
        }
        (Lang::En, OwnMentor { teacher }) => {
            format!("{} cannot be their own mentor", shown(&teacher.0))
        }
        (
            Lang::Zh,
            ReversedPair {
                mentor,
                mentee,
                year,
            },
        ) => format!(
            "{}已有师徒结对 {}(师傅)→ {}(徒弟),不能反向再结对",
            period_name(l, Period::Year(*year)),
            shown(&mentor.0),
            shown(&mentee.0)
        ),
        (
            Lang::En,
            ReversedPair {
                mentor,
                mentee,
                year,
            },
        ) => format!(
            "{} is already the mentor of {} in the {}; the reversed pair is refused",
            shown(&mentor.0),
            shown(&mentee.0),
            period_name(l, Period::Year(*year))
        ),
    };
    format!("{body}{nothing}")
}
