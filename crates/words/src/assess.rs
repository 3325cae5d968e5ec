//! The catalogue of the year's assessment to its end (issue 20): refusals of
//! the review chain naming who acts next, plausibility, deadlines, closed
//! years, the credit warning, and the confirmations that name the term or
//! year a change was saved to. Each text is a typed variant with its zh and
//! en words in one match arm.

use super::{Lang, credit_stage, period_name, shown};
use rules::review::Next;
use rules::{CreditWarning, Period};

/// A change to what a posting holds, refused for want of a reason: the
/// term by its name and the posting's day (`AssessError::TermPosted`).
pub fn term_posted(l: Lang, term: rules::TermId, on: chrono::NaiveDate) -> String {
    say!(
        l,
        "{}已于 {} 公布;更改已公布的考勤需加 --reason 说明原因",
        "the {} was posted on {}; a change to posted attendance needs --reason",
        period_name(l, Period::Term(term)),
        on
    )
}

/// A posting refused for being dated before the term's latest
/// (`AssessError::PostedLater`): the computer's clock is likely wrong.
pub fn posted_later(l: Lang, term: rules::TermId, at: chrono::NaiveDateTime) -> String {
    say!(
        l,
        "{}上次公布于 {},新的公布不能早于它;请检查电脑的日期和时间",
        "the {} was last posted at {}; a new posting cannot be dated before it: check the computer's date and time",
        period_name(l, Period::Term(term)),
        at.format("%Y-%m-%d %H:%M")
    )
}

/// A roll of a closed year's session refused (`AssessError::ClosedYearsRoll`):
/// its rolls are not taken or reopened again; a record is corrected.
pub fn closed_years_roll(l: Lang, year: rules::AcademicYear) -> String {
    say!(
        l,
        "{}考核已结束,其点名不再开始、重开或结束;更正某位教师的考勤请由{}用 roll correct 并加 --reason",
        "the assessment of the {} is closed: its rolls are not started, reopened or closed again; the {} corrects a teacher's record with roll correct and --reason",
        period_name(l, Period::Year(year)),
        crate::roles(l, &[rules::Role::Office])
    )
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
        (_, Next::Assessment) => l
            .t("由考核小组审核", "the assessment team reviews it")
            .into(),
        (_, Next::Office) => l.t("由教务处办理", "the training office does it").into(),
        (_, Next::Nobody) => l
            .t("已办结,无需再审核", "it is settled; nobody reviews it")
            .into(),
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

pub fn review_step_word(stage: rules::CreditStage, next: &Next) -> ReviewStepWord {
    use rules::CreditStage as S;
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

/// The box's title before the question: what to type, and the key that
/// confirms it (as the key map binds it).
pub fn credit_prompt(l: Lang, what: CreditDo, step: ReviewStepWord, submit: &str) -> String {
    use ReviewStepWord as W;
    let k = shown(submit);
    let (zh, en) = match (what, step) {
        (CreditDo::Pass, W::SelfAssess) => ("自评说明(可空,", "Self-assessment note (optional, "),
        (CreditDo::Pass, W::Review) => ("审核意见(可空,", "Review comment (optional, "),
        (CreditDo::Pass, W::Confirm) => ("认定意见(可空,", "Comment (optional, "),
        (CreditDo::SendBack, _) => ("退回理由(必填,", "Reason for sending back (required, "),
        (CreditDo::Reject, _) => ("驳回理由(必填,", "Reason for rejecting (required, "),
        (CreditDo::Withdraw, _) => ("撤回(", "Withdraw ("),
        (CreditDo::Report, _) => ("外出学习汇报(", "Report received ("),
    };
    match l {
        Lang::Zh => format!("{zh}{k}确认)"),
        Lang::En => format!("{en}{k})"),
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
pub fn conversation_step(l: Lang, s: &rules::ReviewStep) -> String {
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
        Edited => l.t("已修改", "edited"),
        ReportHeader => l.t("汇报", "report"),
        ReportIn => l.t("已交", "received"),
        ReportDue => l.t("未交", "not yet"),
    }
}

/// The report cell of an entry: only a confirmed entry has one due.
pub fn credit_report_cell(l: Lang, c: &rules::ExternalCredit) -> &'static str {
    match (c.stage, c.reported) {
        (_, true) => credit_form(l, CreditForm::ReportIn),
        (rules::CreditStage::Confirmed, false) => credit_form(l, CreditForm::ReportDue),
        _ => "",
    }
}
