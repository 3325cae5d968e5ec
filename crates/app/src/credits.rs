//! Credits from training outside the school, registered from the credit
//! card (学分卡, 篇10 §5), and their review chain (篇10 §6): the teacher's
//! self-assessment, then the teaching-group leader, then the assessment
//! team (`core::review` says who acts next). Reviewers pass, send back
//! (the teacher corrects) or reject (final); the teacher may withdraw an
//! entry before review; the team may revoke a confirmation; the office
//! removes a mistaken entry. Every refusal names who can act next.

use super::assessment::invalid;
use super::year_end::{AssessError, CreditAction, review_deadline, term_for_date, year_contains};
use super::{App, AppError, FieldName, Result, Why, json};
use chrono::{NaiveDate, NaiveDateTime};
use rules::review::{self, GroupLeader, Next, Person};
use rules::{
    AcademicYear, CreditId, CreditStage, Credits, ExternalCredit, Policy, ReviewStep, Role,
    TeacherId, TermId,
};
use store::Writer;

/// What a new credit-card entry says.
#[derive(Debug, Clone)]
pub struct CreditEntry {
    pub teacher: TeacherId,
    pub date: NaiveDate,
    pub title: String,
    pub organiser: String,
    pub credits: Credits,
    pub card: String,
    /// The academic year it counts for; `None`: the year meant today
    /// (`App::meant_year`).
    pub year: Option<AcademicYear>,
}

/// What `edit_credit` changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct CreditChange {
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub organiser: Option<String>,
    pub credits: Option<Credits>,
    pub card: Option<String>,
}

/// Which credit entries to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditFilter {
    /// Entries waiting for this actor's review.
    Waiting,
    /// Every entry the actor may see.
    All,
}

/// An entry with who acts next and its term's review deadline.
#[derive(Debug, Clone)]
pub struct CreditView {
    pub entry: ExternalCredit,
    pub next: Next,
    pub term: Option<TermId>,
    pub deadline: Option<NaiveDate>,
}

/// Every group-leader account, as the review chain sees it.
fn leaders(r: &impl Reads) -> Result<Vec<GroupLeader>> {
    let mut out = Vec::new();
    for a in r.accounts_()? {
        if !a.roles.contains(&Role::GroupLeader) {
            continue;
        }
        let group = match &a.teacher {
            Some(t) => r.teacher_(t)?.map(|t| t.group),
            None => None,
        };
        out.push(GroupLeader {
            teacher: a.teacher,
            group,
        });
    }
    Ok(out)
}

/// The reads the chain needs, from a reader or a writer alike.
pub(super) trait Reads {
    fn accounts_(&self) -> Result<Vec<store::Account>>;
    fn teacher_(&self, id: &TeacherId) -> Result<Option<rules::Teacher>>;
}

macro_rules! reads {
    ($t:ty) => {
        impl Reads for $t {
            fn accounts_(&self) -> Result<Vec<store::Account>> {
                Ok(self.accounts()?)
            }
            fn teacher_(&self, id: &TeacherId) -> Result<Option<rules::Teacher>> {
                Ok(self.teacher(id)?)
            }
        }
    };
}
reads!(store::Reader);
reads!(Writer);

/// The group an entry's teacher is in ("" if the teacher is gone).
fn group_of(r: &impl Reads, t: &TeacherId) -> Result<String> {
    Ok(r.teacher_(t)?.map(|t| t.group).unwrap_or_default())
}

/// Plausibility of an entry's figures: credits within the policy's
/// maximum, the date not in the future and inside the year it counts for.
fn plausible(
    policy: &Policy,
    terms: &[rules::Term],
    c: &ExternalCredit,
    today: NaiveDate,
) -> Result<()> {
    if c.credits == Credits::default() {
        return Err(invalid(FieldName::Credits, c.credits, Why::NotPositive));
    }
    let max = policy.assessment.max_credits_per_entry;
    if c.credits > Credits::whole(max) {
        return Err(AssessError::TooManyCredits {
            credits: c.credits,
            max,
        }
        .into());
    }
    if c.date > today {
        return Err(AssessError::FutureDate { date: c.date }.into());
    }
    if !year_contains(terms, policy, c.year, c.date) {
        return Err(AssessError::OutsideYear {
            date: c.date,
            year: c.year,
        }
        .into());
    }
    Ok(())
}

/// Refuses a card number another live entry carries (card numbers are
/// unique: one card, one entry). Withdrawn and removed entries free theirs.
/// The entries holding the card are read from its index (`credit_cards`),
/// not by scanning every entry.
fn card_free(w: &Writer, c: &ExternalCredit) -> Result<()> {
    let card = c.card.trim();
    for id in w.credits_with_card(card)? {
        if id == c.id {
            continue;
        }
        if let Some(o) = w.external_credit(id)? {
            return Err(AssessError::CardUsed {
                card: card.to_string(),
                id: o.id,
                teacher: o.teacher,
            }
            .into());
        }
    }
    Ok(())
}

impl App {
    fn person<'a>(&'a self, group: Option<&'a str>) -> Person<'a> {
        Person {
            roles: &self.actor.roles,
            teacher: self.actor.teacher.as_ref(),
            group,
        }
    }

    /// The actor's own group, when the actor is a teacher.
    pub(super) fn my_group(&self, r: &impl Reads) -> Result<Option<String>> {
        Ok(match &self.actor.teacher {
            Some(t) => r.teacher_(t)?.map(|t| t.group),
            None => None,
        })
    }

    fn owns(&self, teacher: &TeacherId) -> bool {
        self.actor.teacher.as_ref() == Some(teacher) || self.actor.has(Role::Office)
    }

    /// Registers an outside-training entry from the teacher's credit card
    /// (学分卡, 篇10 §5): the teacher themselves, or the office for them.
    /// After the term's review deadline only the office registers.
    pub fn add_credit(&mut self, e: CreditEntry, now: NaiveDateTime) -> Result<CreditId> {
        if self.actor.teacher.as_ref() != Some(&e.teacher) {
            self.actor.require("credit add", &[Role::Office])?;
        }
        if e.title.trim().is_empty() {
            return Err(invalid(FieldName::Title, "", Why::Empty));
        }
        if e.card.trim().is_empty() {
            return Err(invalid(FieldName::Card, "", Why::NoCardNumber));
        }
        let year = match e.year {
            Some(y) => y,
            None => self.meant_year(now.date())?,
        };
        bound_entry(&e.title, &e.organiser, &e.card, e.credits)?;
        let mut w = self.begin_for(&e.teacher, now)?;
        let policy = w.policy()?;
        let terms = w.terms()?;
        let id = w.next_credit_id()?;
        let c = ExternalCredit {
            id,
            teacher: e.teacher,
            year,
            date: e.date,
            title: e.title.trim().to_string(),
            organiser: e.organiser.trim().to_string(),
            credits: e.credits,
            card: e.card.trim().to_string(),
            stage: CreditStage::Registered,
            reported: false,
            registered_by: self.actor.name.clone(),
            registered_at: now,
            steps: Vec::new(),
        };
        plausible(&policy, &terms, &c, now.date())?;
        card_free(&w, &c)?;
        if !self.actor.has(Role::Office)
            && let Some(term) = term_for_date(&terms, year, c.date)
        {
            let deadline = review_deadline(term, &policy);
            if now.date() > deadline {
                return Err(AssessError::DeadlinePassed {
                    term: term.id,
                    deadline,
                }
                .into());
            }
        }
        let why = self.closed_year_reason(&w, year)?;
        w.put_external_credit(&c)?;
        w.log(
            "credit.add",
            format!("credit {id}"),
            None,
            json(&c),
            why,
            None,
            Some(c.teacher.clone()),
        )?;
        w.commit()?;
        Ok(id)
    }

    /// Corrects a registered or sent-back entry before its (next)
    /// self-assessment: the teacher, or the office for them.
    pub fn edit_credit(
        &mut self,
        id: CreditId,
        change: CreditChange,
        now: NaiveDateTime,
    ) -> Result<()> {
        let mut w = self.begin(now)?;
        let before = self.open_own_credit(&w, id, CreditAction::Edit)?;
        let mut after = before.clone();
        if let Some(d) = change.date {
            after.date = d;
        }
        if let Some(t) = change.title {
            if t.trim().is_empty() {
                return Err(invalid(FieldName::Title, "", Why::Empty));
            }
            after.title = t.trim().to_string();
        }
        if let Some(o) = change.organiser {
            after.organiser = o.trim().to_string();
        }
        if let Some(c) = change.credits {
            after.credits = c;
        }
        if let Some(card) = change.card {
            if card.trim().is_empty() {
                return Err(invalid(FieldName::Card, "", Why::NoCardNumber));
            }
            after.card = card.trim().to_string();
        }
        plausible(&w.policy()?, &w.terms()?, &after, now.date())?;
        card_free(&w, &after)?;
        bound_entry(&after.title, &after.organiser, &after.card, after.credits)?;
        if after == before {
            return Ok(());
        }
        let why = self.closed_year_reason(&w, after.year)?;
        w.put_external_credit(&after)?;
        w.log(
            "credit.edit",
            format!("credit {id}"),
            json(&before),
            json(&after),
            why,
            None,
            Some(after.teacher.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// The teacher's self-assessment (学分自评): sends a registered or
    /// returned entry to its reviewer. The teacher gives it, or the office
    /// enters it from the teacher's paper form (学分自评表).
    pub fn self_assess_credit(
        &mut self,
        id: CreditId,
        comment: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let w = self.begin(now)?;
        let before = self.open_own_credit(&w, id, CreditAction::SelfAssess)?;
        self.step(
            w,
            before,
            CreditStage::SelfAssessed,
            comment,
            "credit.self_assess",
        )
    }

    /// Takes back an entry before any reviewer acted on it (the teacher,
    /// or the office for them): registered, sent back, or self-assessed.
    pub fn withdraw_credit(&mut self, id: CreditId, now: NaiveDateTime) -> Result<()> {
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        let next = self.next_of(&w, &before)?;
        if !self.owns(&before.teacher) {
            return Err(self.not_yours(id, CreditAction::Withdraw, next));
        }
        if !matches!(
            before.stage,
            CreditStage::Registered | CreditStage::Returned | CreditStage::SelfAssessed
        ) {
            return Err(AssessError::WrongStage {
                id,
                stage: before.stage,
                action: CreditAction::Withdraw,
                next,
            }
            .into());
        }
        self.step(w, before, CreditStage::Withdrawn, "", "credit.withdraw")
    }

    /// Passes an entry one step up the chain: the teaching-group leader
    /// passes a self-assessed entry, the assessment team confirms it; where
    /// the group step has no reviewer, the team's pass confirms it.
    pub fn pass_credit(&mut self, id: CreditId, comment: &str, now: NaiveDateTime) -> Result<()> {
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        let next = self.review_check(&w, &before, CreditAction::Pass)?;
        let Some(to) = review::passed(before.stage, &next) else {
            return Err(AssessError::WrongStage {
                id,
                stage: before.stage,
                action: CreditAction::Pass,
                next,
            }
            .into());
        };
        self.step(w, before, to, comment, "credit.pass")
    }

    /// Sends an entry back to the teacher with a comment (required), from
    /// whichever reviewer holds it.
    pub fn return_credit(&mut self, id: CreditId, comment: &str, now: NaiveDateTime) -> Result<()> {
        if comment.trim().is_empty() {
            return Err(invalid(FieldName::Comment, "", Why::NeededToSendBack));
        }
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        self.review_check(&w, &before, CreditAction::Return)?;
        self.step(w, before, CreditStage::Returned, comment, "credit.return")
    }

    /// Refuses an entry for good, with a comment (required), from whichever
    /// reviewer holds it; unlike a send-back it cannot be resubmitted.
    pub fn reject_credit(&mut self, id: CreditId, comment: &str, now: NaiveDateTime) -> Result<()> {
        if comment.trim().is_empty() {
            return Err(AssessError::NeedsWords {
                action: CreditAction::Reject,
            }
            .into());
        }
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        self.review_check(&w, &before, CreditAction::Reject)?;
        self.step(w, before, CreditStage::Rejected, comment, "credit.reject")
    }

    /// Undoes a confirmation (assessment team, with a reason): the entry
    /// goes back to the team's step and its credits stop counting.
    pub fn revoke_credit(&mut self, id: CreditId, reason: &str, now: NaiveDateTime) -> Result<()> {
        if reason.trim().is_empty() {
            return Err(AssessError::NeedsWords {
                action: CreditAction::Revoke,
            }
            .into());
        }
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        if !self.actor.has(Role::Assessment) || self.actor.teacher.as_ref() == Some(&before.teacher)
        {
            return Err(self.not_yours(id, CreditAction::Revoke, Next::Assessment));
        }
        if before.stage != CreditStage::Confirmed {
            let next = self.next_of(&w, &before)?;
            return Err(AssessError::WrongStage {
                id,
                stage: before.stage,
                action: CreditAction::Revoke,
                next,
            }
            .into());
        }
        self.step(w, before, CreditStage::GroupPassed, reason, "credit.revoke")
    }

    /// Removes a mistaken entry (office, with a reason). It stays in the
    /// history and in the list as removed; it counts nowhere.
    pub fn remove_credit(&mut self, id: CreditId, reason: &str, now: NaiveDateTime) -> Result<()> {
        if reason.trim().is_empty() {
            return Err(AssessError::NeedsWords {
                action: CreditAction::Remove,
            }
            .into());
        }
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        if !self.actor.has(Role::Office) {
            return Err(self.not_yours(id, CreditAction::Remove, Next::Office));
        }
        if before.stage == CreditStage::Removed {
            return Err(AssessError::WrongStage {
                id,
                stage: before.stage,
                action: CreditAction::Remove,
                next: Next::Nobody,
            }
            .into());
        }
        self.step(w, before, CreditStage::Removed, reason, "credit.remove")
    }

    /// Who acts next on `c`.
    fn next_of(&self, r: &impl Reads, c: &ExternalCredit) -> Result<Next> {
        let group = group_of(r, &c.teacher)?;
        Ok(review::next(c.stage, &c.teacher, &group, &leaders(r)?))
    }

    fn not_yours(&self, id: CreditId, action: CreditAction, next: Next) -> AppError {
        AssessError::NotYourStep { id, action, next }.into()
    }

    /// The reviewer of the entry's current step must be the actor; returns
    /// who that is. A settled or teacher's entry is at the wrong stage.
    fn review_check(&self, w: &Writer, c: &ExternalCredit, action: CreditAction) -> Result<Next> {
        let next = self.next_of(w, c)?;
        if !matches!(next, Next::GroupLeader { .. } | Next::Assessment) {
            return Err(AssessError::WrongStage {
                id: c.id,
                stage: c.stage,
                action,
                next,
            }
            .into());
        }
        let mine = self.my_group(w)?;
        if !review::reviews(self.person(mine.as_deref()), &c.teacher, &next) {
            return Err(self.not_yours(c.id, action, next));
        }
        Ok(next)
    }

    /// An entry its teacher may still change (registered, or sent back),
    /// for the teacher or the office.
    fn open_own_credit(
        &self,
        w: &Writer,
        id: CreditId,
        action: CreditAction,
    ) -> Result<ExternalCredit> {
        let c = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        let next = self.next_of(w, &c)?;
        if !self.owns(&c.teacher) {
            return Err(self.not_yours(id, action, next));
        }
        if !matches!(c.stage, CreditStage::Registered | CreditStage::Returned) {
            return Err(AssessError::WrongStage {
                id,
                stage: c.stage,
                action,
                next,
            }
            .into());
        }
        Ok(c)
    }

    fn step(
        &self,
        mut w: Writer,
        before: ExternalCredit,
        to: CreditStage,
        comment: &str,
        action: &str,
    ) -> Result<()> {
        super::bounded(rules::limits::Field::Comment, comment)?;
        let why = self.closed_year_reason(&w, before.year)?;
        let mut after = before.clone();
        after.stage = to;
        after.steps.push(ReviewStep {
            to,
            by: self.actor.name.clone(),
            at: w.at(),
            comment: comment.trim().to_string(),
        });
        w.put_external_credit(&after)?;
        w.log(
            action,
            format!("credit {}", after.id),
            json(&before.stage),
            json(&after.stage),
            super::joined(&[comment, why.as_deref().unwrap_or("")]),
            None,
            Some(after.teacher.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Records that the written report after outside study was received
    /// (篇1 art. 7), or takes it back (office). A report follows a
    /// confirmed entry.
    pub fn set_credit_report(
        &mut self,
        id: CreditId,
        reported: bool,
        now: NaiveDateTime,
    ) -> Result<AcademicYear> {
        self.actor.require("credit report", &[Role::Office])?;
        let mut w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        if reported && before.stage != CreditStage::Confirmed {
            return Err(AssessError::ReportUnconfirmed {
                id,
                stage: before.stage,
            }
            .into());
        }
        let why = self.closed_year_reason(&w, before.year)?;
        let after = ExternalCredit {
            reported,
            ..before.clone()
        };
        w.put_external_credit(&after)?;
        w.log(
            "credit.report",
            format!("credit {id}"),
            json(&before.reported),
            json(&after.reported),
            why,
            None,
            Some(after.teacher.clone()),
        )?;
        w.commit()?;
        Ok(after.year)
    }

    /// One credit entry by its id, where the actor may see it: read by its
    /// key, not by listing every entry of the file.
    pub fn credit(&self, id: CreditId) -> Result<Option<ExternalCredit>> {
        Ok(self
            .store
            .read()?
            .external_credit(id)?
            .filter(|c| self.actor.may_see(&c.teacher)))
    }

    /// Credit entries, oldest first: a teacher sees their own; `Waiting`
    /// lists those whose current step this actor takes (a review, or a
    /// teacher's own self-assessment or correction).
    pub fn credits(
        &self,
        filter: CreditFilter,
        year: Option<AcademicYear>,
    ) -> Result<Vec<ExternalCredit>> {
        Ok(self
            .credit_views(filter, year)?
            .into_iter()
            .map(|v| v.entry)
            .collect())
    }

    /// Credit entries as `credits` lists them, each with who acts next and
    /// its term's review deadline.
    pub fn credit_views(
        &self,
        filter: CreditFilter,
        year: Option<AcademicYear>,
    ) -> Result<Vec<CreditView>> {
        let r = self.store.read()?;
        let policy = r.policy()?;
        let terms = r.terms()?;
        let leaders = leaders(&r)?;
        let mine = self.my_group(&r)?;
        let me = self.person(mine.as_deref());
        let mut groups = std::collections::HashMap::new();
        let mut out = Vec::new();
        for c in r.external_credits()? {
            if !self.actor.may_see(&c.teacher) || year.is_some_and(|y| y != c.year) {
                continue;
            }
            if !groups.contains_key(&c.teacher) {
                groups.insert(c.teacher.clone(), group_of(&r, &c.teacher)?);
            }
            let group = groups.get(&c.teacher).map_or("", String::as_str);
            let next = review::next(c.stage, &c.teacher, group, &leaders);
            // Waiting for me: mine to review, or (a teacher) mine to
            // self-assess, correct or resubmit.
            let mine = matches!(&next, Next::Teacher { teacher } if self.actor.teacher.as_ref() == Some(teacher));
            if filter == CreditFilter::Waiting && !mine && !review::reviews(me, &c.teacher, &next) {
                continue;
            }
            let term = term_for_date(&terms, c.year, c.date);
            out.push(CreditView {
                term: term.map(|t| t.id),
                deadline: term.map(|t| review_deadline(t, &policy)),
                next,
                entry: c,
            });
        }
        Ok(out)
    }
}

/// Checks an outside training's texts and credits against their bounds.
fn bound_entry(title: &str, organiser: &str, card: &str, credits: Credits) -> Result<()> {
    use rules::limits::{CREDITS_MAX_TENTHS, Field};
    super::bounded(Field::Title, title)?;
    super::bounded(Field::Organiser, organiser)?;
    super::bounded(Field::Card, card)?;
    super::counted(
        Field::Credits,
        u64::from(credits.0),
        u64::from(CREDITS_MAX_TENTHS),
    )
}
