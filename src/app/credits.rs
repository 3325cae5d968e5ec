//! Credits from training outside the school, registered from the credit
//! card (学分卡, 篇10 §5), and their review chain (篇10 §6): the teacher's
//! self-assessment, then the teaching-group leader, then the assessment
//! team; each reviewer may send an entry back with a comment.

use super::assessment::invalid;
use super::{App, AppError, Result, commit_logged, json};
use crate::core::{
    AcademicYear, CreditId, CreditStage, Credits, ExternalCredit, ReviewStep, Role, TeacherId,
};
use chrono::{NaiveDate, NaiveDateTime};

/// What a new credit-card entry says.
#[derive(Debug, Clone)]
pub struct CreditEntry {
    pub teacher: TeacherId,
    pub date: NaiveDate,
    pub title: String,
    pub organiser: String,
    pub credits: Credits,
    pub card: String,
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

/// The academic year a training's date counts in: its term's, else the
/// year the date most likely belongs to.
fn year_of(w: &crate::store::Writer, date: NaiveDate) -> Result<AcademicYear> {
    Ok(w.terms()?
        .into_iter()
        .find(|t| t.contains(date))
        .map(|t| t.id.year)
        .unwrap_or_else(|| AcademicYear::containing(date)))
}

/// Which credit entries to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditFilter {
    /// Entries waiting for this actor's review.
    Waiting,
    /// Every entry the actor may see.
    All,
}

impl App {
    fn forbid_unless_own_or(
        &self,
        teacher: &TeacherId,
        action: &str,
        roles: &[Role],
    ) -> Result<()> {
        if self.actor.teacher.as_ref() == Some(teacher) {
            return Ok(());
        }
        self.actor.require(action, roles)
    }

    /// Registers an outside-training entry from the teacher's credit card
    /// (学分卡, 篇10 §5): the teacher themselves, or the office for them.
    pub fn add_credit(&mut self, e: CreditEntry, now: NaiveDateTime) -> Result<CreditId> {
        self.forbid_unless_own_or(&e.teacher, "credit add", &[Role::Office])?;
        if e.title.trim().is_empty() {
            return Err(invalid("title", "", "is empty"));
        }
        if e.card.trim().is_empty() {
            return Err(invalid(
                "card",
                "",
                "is empty: give the credit card's number",
            ));
        }
        if e.credits == Credits::default() {
            return Err(invalid("credits", e.credits, "must be more than 0"));
        }
        bound_entry(&e.title, &e.organiser, &e.card, e.credits)?;
        let mut w = self.begin_for(&e.teacher, now)?;
        let year = year_of(&w, e.date)?;
        if w.teacher_external_credits(&e.teacher, year)?
            .iter()
            .any(|c| c.card.trim() == e.card.trim())
        {
            return Err(AppError::Exists(format!("{} {}", e.teacher, e.card.trim())));
        }
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
        w.put_external_credit(&c)?;
        w.log(
            "credit.add",
            format!("credit {id}"),
            None,
            json(&c),
            None,
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
        let before = self.open_own_credit(&w, id, "credit edit", "edit")?;
        let mut after = before.clone();
        if let Some(d) = change.date {
            after.date = d;
            after.year = year_of(&w, d)?;
        }
        if let Some(t) = change.title {
            if t.trim().is_empty() {
                return Err(invalid("title", "", "is empty"));
            }
            after.title = t.trim().to_string();
        }
        if let Some(o) = change.organiser {
            after.organiser = o.trim().to_string();
        }
        if let Some(c) = change.credits {
            if c == Credits::default() {
                return Err(invalid("credits", c, "must be more than 0"));
            }
            after.credits = c;
        }
        if let Some(card) = change.card {
            if card.trim().is_empty() {
                return Err(invalid(
                    "card",
                    "",
                    "is empty: give the credit card's number",
                ));
            }
            after.card = card.trim().to_string();
        }
        if w.teacher_external_credits(&after.teacher, after.year)?
            .iter()
            .any(|c| c.id != id && c.card == after.card)
        {
            return Err(AppError::Exists(format!(
                "{} {}",
                after.teacher, after.card
            )));
        }
        bound_entry(&after.title, &after.organiser, &after.card, after.credits)?;
        if after == before {
            return Ok(());
        }
        w.unindex_external_credit(&before)?;
        w.put_external_credit(&after)?;
        commit_logged(
            w,
            "credit.edit",
            format!("credit {id}"),
            json(&before),
            json(&after),
            Some(after.teacher.clone()),
        )
    }

    /// The teacher's self-assessment (学分自评): sends a registered or
    /// returned entry to the teaching-group leader. The teacher gives it, or
    /// the office enters it from the teacher's paper form.
    pub fn self_assess_credit(
        &mut self,
        id: CreditId,
        comment: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let w = self.begin(now)?;
        // The teacher, or the office entering their paper self-assessment
        // (学分自评表), as it enters paper leave notes.
        let before = self.open_own_credit(&w, id, "credit submit", "self-assess")?;
        self.step(
            w,
            before,
            CreditStage::SelfAssessed,
            comment,
            "credit.self_assess",
        )
    }

    /// Passes an entry one step up the chain: the teaching-group leader
    /// passes a self-assessed entry, the assessment team confirms it.
    pub fn pass_credit(&mut self, id: CreditId, comment: &str, now: NaiveDateTime) -> Result<()> {
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        let to = match before.stage {
            CreditStage::SelfAssessed => CreditStage::GroupPassed,
            CreditStage::GroupPassed => CreditStage::Confirmed,
            stage => {
                return Err(AppError::CreditState {
                    id,
                    stage,
                    action: "pass",
                });
            }
        };
        self.check_reviewer(&w, &before, "credit pass")?;
        self.step(w, before, to, comment, "credit.pass")
    }

    /// Sends an entry back to the teacher with a comment (required), from
    /// whichever reviewer holds it.
    pub fn return_credit(&mut self, id: CreditId, comment: &str, now: NaiveDateTime) -> Result<()> {
        if comment.trim().is_empty() {
            return Err(invalid("comment", "", "is required when sending back"));
        }
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        if !matches!(
            before.stage,
            CreditStage::SelfAssessed | CreditStage::GroupPassed
        ) {
            return Err(AppError::CreditState {
                id,
                stage: before.stage,
                action: "send back",
            });
        }
        self.check_reviewer(&w, &before, "credit return")?;
        self.step(w, before, CreditStage::Returned, comment, "credit.return")
    }

    /// An entry its teacher may still change (registered, or sent back),
    /// for the teacher or the office: else `Forbidden` (`perm`) or
    /// `CreditState` (`action`).
    fn open_own_credit(
        &self,
        w: &crate::store::Writer,
        id: CreditId,
        perm: &str,
        action: &'static str,
    ) -> Result<ExternalCredit> {
        let c = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        self.forbid_unless_own_or(&c.teacher, perm, &[Role::Office])?;
        if !matches!(c.stage, CreditStage::Registered | CreditStage::Returned) {
            return Err(AppError::CreditState {
                id,
                stage: c.stage,
                action,
            });
        }
        Ok(c)
    }

    /// The reviewer of an entry's current stage: the group leader (of the
    /// teacher's group, when the leader's account is a teacher) for a
    /// self-assessed entry, the assessment team after the group.
    fn check_reviewer(
        &self,
        w: &crate::store::Writer,
        c: &ExternalCredit,
        action: &str,
    ) -> Result<()> {
        let role = if c.stage == CreditStage::SelfAssessed {
            Role::GroupLeader
        } else {
            Role::Assessment
        };
        self.actor.require(action, &[role])?;
        if self.actor.teacher.as_ref() == Some(&c.teacher) {
            return Err(AppError::Forbidden {
                action: format!("{action} (own entry)"),
                needs: vec![role],
            });
        }
        if role == Role::GroupLeader
            && let Some(me) = &self.actor.teacher
            && let (Some(mine), Some(theirs)) = (w.teacher(me)?, w.teacher(&c.teacher)?)
            && mine.group != theirs.group
        {
            return Err(AppError::Forbidden {
                action: format!("{action} ({} group)", theirs.group),
                needs: vec![role],
            });
        }
        Ok(())
    }

    fn step(
        &self,
        mut w: crate::store::Writer,
        before: ExternalCredit,
        to: CreditStage,
        comment: &str,
        action: &str,
    ) -> Result<()> {
        super::bounded(crate::core::limits::Field::Comment, comment)?;
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
            (!comment.trim().is_empty()).then(|| comment.trim().to_string()),
            None,
            Some(after.teacher.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Records that the written report after outside study was received
    /// (篇1 art. 7), or takes it back (office).
    pub fn set_credit_report(
        &mut self,
        id: CreditId,
        reported: bool,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.actor.require("credit report", &[Role::Office])?;
        let mut w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        let after = ExternalCredit {
            reported,
            ..before.clone()
        };
        w.put_external_credit(&after)?;
        commit_logged(
            w,
            "credit.report",
            format!("credit {id}"),
            json(&before.reported),
            json(&after.reported),
            Some(after.teacher.clone()),
        )
    }

    /// Credit entries, oldest first: a teacher sees their own; `Waiting`
    /// lists those whose current stage this actor reviews.
    pub fn credits(
        &self,
        filter: CreditFilter,
        year: Option<AcademicYear>,
    ) -> Result<Vec<ExternalCredit>> {
        let r = self.store.read()?;
        let mine = self.actor.teacher.clone();
        let group = match &mine {
            Some(t) => r.teacher(t)?.map(|t| t.group),
            None => None,
        };
        let mut out = Vec::new();
        for c in r.external_credits()? {
            if !self.actor.may_see(&c.teacher) || year.is_some_and(|y| y != c.year) {
                continue;
            }
            if filter == CreditFilter::Waiting {
                if mine.as_ref() == Some(&c.teacher) {
                    continue;
                }
                let waiting = match c.stage {
                    CreditStage::SelfAssessed => {
                        self.actor.has(Role::GroupLeader)
                            && match &group {
                                Some(g) => r.teacher(&c.teacher)?.is_some_and(|t| &t.group == g),
                                None => true,
                            }
                    }
                    CreditStage::GroupPassed => self.actor.has(Role::Assessment),
                    _ => false,
                };
                if !waiting {
                    continue;
                }
            }
            out.push(c);
        }
        Ok(out)
    }
}

/// Checks an outside training's texts and credits against their bounds.
fn bound_entry(title: &str, organiser: &str, card: &str, credits: Credits) -> Result<()> {
    use crate::core::limits::{CREDITS_MAX_TENTHS, Field};
    super::bounded(Field::Title, title)?;
    super::bounded(Field::Organiser, organiser)?;
    super::bounded(Field::Card, card)?;
    super::counted(
        Field::Credits,
        u64::from(credits.0),
        u64::from(CREDITS_MAX_TENTHS),
    )
}
