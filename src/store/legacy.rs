//! Records as older schemas wrote them, read once when a file is upgraded.
//!
//! Records are postcard, which is not self-describing: a record written
//! before a field was added does not decode as the new type (it runs out of
//! bytes, or worse, reads one field's bytes as another's). So a file's
//! schema version says which shape its records have, and the upgrade
//! rewrites the ones whose shape changed.

use super::Result;
use super::codec::{decode, encode};
use super::tables::META;
use crate::core::policy::{AssessmentRules, CreditRules, Effect, LeaveRules, Points};
use crate::core::{Degree, Policy};
use redb::ReadableTable;
use serde::{Deserialize, Serialize};

/// The policy as schema 1 stored it: no `credits.made_up_percent`, no
/// `[assessment]`.
#[derive(Deserialize)]
struct PolicyV1 {
    unqualified_absences: u32,
    credits_per_year: u32,
    notes_chars_per_term: u32,
    official_leave_neutral: bool,
    lates_per_absence: u32,
    points: Points,
    credits: CreditRulesV1,
    leave: LeaveRules,
}

#[derive(Deserialize)]
struct CreditRulesV1 {
    late_percent: u32,
    early_leave_percent: u32,
}

/// The policy as schemas 2 to 4 stored it: `[assessment]` without the
/// settings of the year's end (entry maximum, review deadline, warning
/// weeks, the term meant between terms).
#[derive(Serialize, Deserialize)]
struct PolicyV2 {
    unqualified_absences: u32,
    credits_per_year: u32,
    notes_chars_per_term: u32,
    official_leave_neutral: bool,
    lates_per_absence: u32,
    points: Points,
    credits: CreditRules,
    leave: LeaveRules,
    assessment: AssessmentRulesV2,
}

#[derive(Serialize, Deserialize)]
struct AssessmentRulesV2 {
    credit_shortfall: Effect,
    notes: Effect,
    archive: Effect,
    makeups: Effect,
    open_lessons: Effect,
    open_lessons_per_year: u32,
    multimedia_lessons_per_term: u32,
    degree: Effect,
    min_degree: Degree,
    degree_matches_subject: bool,
    outside_report: Effect,
    deduct_points: u32,
    training_funds_percent: u32,
}

impl AssessmentRulesV2 {
    fn defaults() -> AssessmentRulesV2 {
        let a = AssessmentRules::default();
        AssessmentRulesV2 {
            credit_shortfall: a.credit_shortfall,
            notes: a.notes,
            archive: a.archive,
            makeups: a.makeups,
            open_lessons: a.open_lessons,
            open_lessons_per_year: a.open_lessons_per_year,
            multimedia_lessons_per_term: a.multimedia_lessons_per_term,
            degree: a.degree,
            min_degree: a.min_degree,
            degree_matches_subject: a.degree_matches_subject,
            outside_report: a.outside_report,
            deduct_points: a.deduct_points,
            training_funds_percent: a.training_funds_percent,
        }
    }
}

/// Rewrites the records of a file of schema `found` in this build's shape,
/// inside the upgrade's transaction, one numbered step after another. New
/// settings take their defaults.
pub(super) fn migrate(txn: &redb::WriteTransaction, found: u32) -> Result<()> {
    if found < 2 {
        upgrade_to_2(txn)?;
    }
    if found < 5 {
        upgrade_to_5(txn)?;
    }
    Ok(())
}

/// Schema 1 → 2: the policy gains `credits.made_up_percent` and `[assessment]`.
fn upgrade_to_2(txn: &redb::WriteTransaction) -> Result<()> {
    let mut meta = txn.open_table(META)?;
    let old = match meta.get("policy")? {
        Some(v) => Some(decode::<PolicyV1>(v.value(), "meta", &"policy (schema 1)")?),
        None => None,
    };
    if let Some(old) = old {
        let credits = CreditRules {
            late_percent: old.credits.late_percent,
            early_leave_percent: old.credits.early_leave_percent,
            ..CreditRules::default()
        };
        let p = PolicyV2 {
            unqualified_absences: old.unqualified_absences,
            credits_per_year: old.credits_per_year,
            notes_chars_per_term: old.notes_chars_per_term,
            official_leave_neutral: old.official_leave_neutral,
            lates_per_absence: old.lates_per_absence,
            points: old.points,
            credits,
            leave: old.leave,
            assessment: AssessmentRulesV2::defaults(),
        };
        meta.insert("policy", encode(&p).as_slice())?;
    }
    Ok(())
}

/// Schema 4 → 5: `[assessment]` gains `max_credits_per_entry`,
/// `review_deadline_days`, `credit_warning_weeks` and `between_terms`; the
/// tables `published_assessment` and `closed_years` are new (made empty by
/// `create_tables`: postings made before keep comparing their counts only).
fn upgrade_to_5(txn: &redb::WriteTransaction) -> Result<()> {
    let mut meta = txn.open_table(META)?;
    let old = match meta.get("policy")? {
        Some(v) => Some(decode::<PolicyV2>(v.value(), "meta", &"policy (schema 4)")?),
        None => None,
    };
    if let Some(old) = old {
        let a = old.assessment;
        let p = Policy {
            unqualified_absences: old.unqualified_absences,
            credits_per_year: old.credits_per_year,
            notes_chars_per_term: old.notes_chars_per_term,
            official_leave_neutral: old.official_leave_neutral,
            lates_per_absence: old.lates_per_absence,
            points: old.points,
            credits: old.credits,
            leave: old.leave,
            assessment: AssessmentRules {
                credit_shortfall: a.credit_shortfall,
                notes: a.notes,
                archive: a.archive,
                makeups: a.makeups,
                open_lessons: a.open_lessons,
                open_lessons_per_year: a.open_lessons_per_year,
                multimedia_lessons_per_term: a.multimedia_lessons_per_term,
                degree: a.degree,
                min_degree: a.min_degree,
                degree_matches_subject: a.degree_matches_subject,
                outside_report: a.outside_report,
                deduct_points: a.deduct_points,
                training_funds_percent: a.training_funds_percent,
                ..AssessmentRules::default()
            },
        };
        meta.insert("policy", encode(&p).as_slice())?;
    }
    Ok(())
}
