//! The catalogue of the year's assessment to its end (issue 20): refusals of
//! the review chain naming who acts next, plausibility, deadlines, closed
//! years, the credit warning, and the confirmations that name the term or
//! year a change was saved to. Each text is a typed variant with its zh and
//! en words in one match arm.

use super::{Lang, archive_item, credit_stage, period_name, roles, shown};
use crate::app::year_end::{AssessError, CreditAction};
use crate::core::review::Next;
use crate::core::{CreditWarning, Period, Role};

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

/// Who acts next, said as an instruction: "由考核小组审核".
pub fn next_actor(l: Lang, n: &Next) -> String {
    match (l, n) {
        (Lang::Zh, Next::Teacher { teacher }) => {
            format!("由教师 {} 本人(或教务处代为)自评或修改", shown(&teacher.0))
        }
        (Lang::En, Next::Teacher { teacher }) => format!(
            "teacher {} (or the office for them) self-assesses or corrects it",
            shown(&teacher.0)
        ),
        (Lang::Zh, Next::GroupLeader { group }) => {
            format!("由{}教研组长审核", shown(group))
        }
        (Lang::En, Next::GroupLeader { group }) => {
            format!("the {} group leader reviews it", shown(group))
        }
        (Lang::Zh, Next::Assessment) => "由考核小组审核".into(),
        (Lang::En, Next::Assessment) => "the assessment team reviews it".into(),
        (Lang::Zh, Next::Office) => "由教务处办理".into(),
        (Lang::En, Next::Office) => "the training office does it".into(),
        (Lang::Zh, Next::Nobody) => "已办结,无需再审核".into(),
        (Lang::En, Next::Nobody) => "it is settled; nobody reviews it".into(),
    }
}

/// Who acts next, as a short code for JSON.
pub fn next_code(n: &Next) -> &'static str {
    match n {
        Next::Teacher { .. } => "teacher",
        Next::GroupLeader { .. } => "group_leader",
        Next::Assessment => "assessment",
        Next::Office => "office",
        Next::Nobody => "nobody",
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
            format!("credits:一条登记 {credits} 学分,超过上限 {max} 学分")
        }
        (Lang::En, TooManyCredits { credits, max }) => {
            format!("credits: {credits} on one entry, more than the maximum {max}")
        }
        (Lang::Zh, FutureDate { date }) => format!("date:培训日期 {date} 在今天之后"),
        (Lang::En, FutureDate { date }) => {
            format!("date: the training date {date} is in the future")
        }
        (Lang::Zh, OutsideYear { date, year }) => format!(
            "date:培训日期 {date} 不在{}内(其他学年请用 --year)",
            period_name(l, Period::Year(*year))
        ),
        (Lang::En, OutsideYear { date, year }) => format!(
            "date: the training date {date} is not in the {} (give --year for another year)",
            period_name(l, Period::Year(*year))
        ),
        (Lang::Zh, CardUsed { card, id, teacher }) => format!(
            "card:学分卡 {} 已登记在第 {id} 条({})",
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

/// The credit warning: "学分落后:已 18/40,本学年剩 5 周".
pub fn credit_warning(l: Lang, w: &CreditWarning) -> String {
    match l {
        Lang::Zh => format!(
            "学分落后:已 {}/{},本学年剩 {} 周",
            w.earned, w.required, w.weeks_left
        ),
        Lang::En => format!(
            "credits behind: {}/{}, {} weeks left in the year",
            w.earned, w.required, w.weeks_left
        ),
    }
}

/// Short texts of the year's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum YearEndText {
    /// Before the term or year a change was saved to.
    SavedTo,
    /// Before the list of review deadlines.
    Deadlines,
    /// After a year's closing: how many teachers were recorded.
    Closed,
    /// Heading of a closed year's note.
    YearClosedOn,
    /// Before a credit entry's number, when registered.
    CreditAddedAs,
    /// The archive items missing: "缺:".
    Missing,
    /// In an office box, before the term or year it saves to.
    SavesTo,
    /// The office boxes' keys to choose the term, or the year.
    PickTerm,
    PickYear,
}

pub fn year_text(l: Lang, y: YearEndText) -> &'static str {
    match y {
        YearEndText::SavedTo => l.t("已保存到", "saved to the"),
        YearEndText::Deadlines => l.t("学分审核截止", "review deadlines"),
        YearEndText::Closed => l.t("考核已结束,已记录", "assessment closed; recorded"),
        YearEndText::YearClosedOn => l.t("考核已结束于", "assessment closed on"),
        YearEndText::CreditAddedAs => l.t("已保存,学分登记编号", "saved, credit entry"),
        YearEndText::Missing => l.t("缺:", "missing: "),
        YearEndText::SavesTo => l.t("保存到", "saves to the"),
        YearEndText::PickTerm => l.t("PgUp/PgDn 换学期", "PgUp/PgDn: another term"),
        YearEndText::PickYear => l.t("PgUp/PgDn 换学年", "PgUp/PgDn: another year"),
    }
}

/// "已保存到 2025-2026学年" / "saved to the academic year 2025-2026".
pub fn saved_to(l: Lang, p: Period) -> String {
    format!(
        "{} {}",
        year_text(l, YearEndText::SavedTo),
        period_name(l, p)
    )
}

/// What a key on the credits screen does to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum CreditDo {
    /// Self-assess (the teacher's, or resubmit), review, or confirm: the
    /// step the entry is at says which.
    Pass,
    SendBack,
    Reject,
    Withdraw,
    /// The office records the written report after outside study.
    Report,
}

/// The step of the review chain the actor takes on an entry waiting for
/// `next` at `stage`: 自评 (the teacher), 审核 (the group), 认定 (the team).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum ReviewStepWord {
    SelfAssess,
    Review,
    Confirm,
}

pub fn review_step_word(stage: crate::core::CreditStage, next: &Next) -> ReviewStepWord {
    use crate::core::CreditStage as S;
    match (stage, next) {
        (S::Registered | S::Returned, _) => ReviewStepWord::SelfAssess,
        (S::SelfAssessed, Next::GroupLeader { .. }) => ReviewStepWord::Review,
        _ => ReviewStepWord::Confirm,
    }
}

/// The question before a credit action takes effect.
pub fn credit_question(l: Lang, what: CreditDo, step: ReviewStepWord) -> &'static str {
    use ReviewStepWord as W;
    match (what, step) {
        (CreditDo::Pass, W::SelfAssess) => l.t("提交自评?", "Submit the self-assessment?"),
        (CreditDo::Pass, W::Review) => l.t("审核通过此学分登记?", "Pass the group review?"),
        (CreditDo::Pass, W::Confirm) => l.t("认定此学分登记?", "Confirm these credits?"),
        (CreditDo::SendBack, _) => l.t("退回此学分登记?", "Send this credit entry back?"),
        (CreditDo::Reject, _) => l.t("驳回此学分登记(不能再提交)?", "Reject this entry for good?"),
        (CreditDo::Withdraw, _) => l.t("撤回此学分登记?", "Withdraw this entry?"),
        (CreditDo::Report, _) => l.t(
            "记录已交外出学习书面汇报?",
            "Record the written report as received?",
        ),
    }
}

/// The box's title before the question: what to type.
pub fn credit_prompt(l: Lang, what: CreditDo, step: ReviewStepWord) -> &'static str {
    use ReviewStepWord as W;
    match (what, step) {
        (CreditDo::Pass, W::SelfAssess) => l.t(
            "自评说明(可空,回车确认)",
            "Self-assessment note (optional, Enter)",
        ),
        (CreditDo::Pass, W::Review) => l.t(
            "审核意见(可空,回车确认)",
            "Review comment (optional, Enter)",
        ),
        (CreditDo::Pass, W::Confirm) => l.t("认定意见(可空,回车确认)", "Comment (optional, Enter)"),
        (CreditDo::SendBack, _) => l.t(
            "退回理由(必填,回车确认)",
            "Reason for sending back (required, Enter)",
        ),
        (CreditDo::Reject, _) => l.t(
            "驳回理由(必填,回车确认)",
            "Reason for rejecting (required, Enter)",
        ),
        (CreditDo::Withdraw, _) => l.t("撤回(回车确认)", "Withdraw (Enter)"),
        (CreditDo::Report, _) => l.t("外出学习汇报(回车确认)", "Report received (Enter)"),
    }
}

/// What was done, after the entry's number: "6 已提交自评".
pub fn credit_done(l: Lang, what: CreditDo, step: ReviewStepWord) -> &'static str {
    use ReviewStepWord as W;
    match (what, step) {
        (CreditDo::Pass, W::SelfAssess) => l.t("已提交自评", "self-assessed"),
        (CreditDo::Pass, W::Review) => l.t("审核通过", "passed the group review"),
        (CreditDo::Pass, W::Confirm) => l.t("已认定", "confirmed"),
        (CreditDo::SendBack, _) => l.t("已退回", "sent back"),
        (CreditDo::Reject, _) => l.t("已驳回", "rejected"),
        (CreditDo::Withdraw, _) => l.t("已撤回", "withdrawn"),
        (CreditDo::Report, _) => l.t("已记录汇报", "report recorded"),
    }
}

/// One step of an entry's conversation: "退回 zhang 2025-11-20 10:00:学分卡缺盖章".
pub fn conversation_step(l: Lang, s: &crate::core::ReviewStep) -> String {
    let mut out = format!(
        "{} {} {}",
        credit_stage(l, s.to),
        shown(&s.by),
        s.at.format("%Y-%m-%d %H:%M")
    );
    if !s.comment.trim().is_empty() {
        out.push_str(l.t(":", ": "));
        out.push_str(&shown(&s.comment));
    }
    out
}

/// A field of the credit-entry form on the credits tab (the fields of
/// `peixun credit add`; an edit has all but the teacher and the year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum CreditField {
    Teacher,
    Date,
    Title,
    Organiser,
    Credits,
    Card,
    Year,
}

pub fn credit_field(l: Lang, f: CreditField) -> &'static str {
    use CreditField::*;
    match f {
        Teacher => l.t("工号", "teacher"),
        Date => l.t("培训日期(YYYY-MM-DD)", "training date (YYYY-MM-DD)"),
        Title => l.t("培训名称", "training"),
        Organiser => l.t("主办单位", "organiser"),
        Credits => l.t("学分", "credits"),
        Card => l.t("学分卡编号", "card number"),
        Year => l.t("计入学年(起始年份)", "counts for the year (first year)"),
    }
}

/// Texts of the credit-entry form and the credits table's report column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum CreditForm {
    /// The form's title when registering.
    NewTitle,
    /// The form's title when correcting, before the entry's number.
    EditTitle,
    /// The keys of the form.
    Hint,
    /// After an entry's number, once corrected: "7 已修改".
    Edited,
    /// The table's column of the report after outside study.
    ReportHeader,
    /// The report of a confirmed entry: received, or not yet.
    ReportIn,
    ReportDue,
}

pub fn credit_form(l: Lang, x: CreditForm) -> &'static str {
    use CreditForm::*;
    match x {
        NewTitle => l.t("登记学分卡培训", "Register training from a credit card"),
        EditTitle => l.t("修改学分登记", "Edit credit entry"),
        Hint => l.t(
            "Tab 下一项  Ctrl-U 清空  回车保存  Esc 取消",
            "Tab next field  Ctrl-U clear  Enter save  Esc cancel",
        ),
        Edited => l.t("已修改", "edited"),
        ReportHeader => l.t("汇报", "report"),
        ReportIn => l.t("已交", "received"),
        ReportDue => l.t("未交", "not yet"),
    }
}

/// The report cell of an entry: only a confirmed entry has one due.
pub fn credit_report_cell(l: Lang, c: &crate::core::ExternalCredit) -> &'static str {
    match (c.stage, c.reported) {
        (_, true) => credit_form(l, CreditForm::ReportIn),
        (crate::core::CreditStage::Confirmed, false) => credit_form(l, CreditForm::ReportDue),
        _ => "",
    }
}
