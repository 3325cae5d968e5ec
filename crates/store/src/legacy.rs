//! Records as older schemas wrote them, read once when a file is upgraded.
//!
//! Records are postcard, which is not self-describing: a record written
//! before a field was added does not decode as the new type (it runs out of
//! bytes, or worse, reads one field's bytes as another's). So a file's
//! schema version says which shape its records have, and the upgrade
//! rewrites the ones whose shape changed.

use super::Result;
use super::codec::{decode, encode, rewrap_v1};
use super::tables::*;
use chrono::NaiveTime;
use redb::{Key, ReadableTable, TableDefinition, WriteTransaction};
use rules::policy::{AssessmentRules, CalendarRules, CreditRules, Effect, LeaveRules, Points};
use rules::{Degree, Policy, RollFacts};
use serde::{Deserialize, Serialize};

/// Schema 3: every record carries a checksum. Rewrites each format-1 value
/// (no checksum) as format 2, whatever the record's shape; the META values
/// that are not records (the mark, versions, counters) stay as they are.
pub(super) fn to_3_checksums(txn: &WriteTransaction) -> Result<()> {
    rewrap(txn, META, |k| {
        !matches!(*k, "app" | "schema" | "generation" | super::SOUND)
    })?;
    macro_rules! records {
        ($($t:ident),*) => {$(
            rewrap(txn, $t, |_| true)?;
        )*};
    }
    records!(
        TEACHERS,
        TERMS,
        SESSIONS,
        FACTS,
        LEAVES,
        ACCOUNTS,
        HISTORY,
        TALLIES,
        PUBLISHED,
        EXTERNAL_CREDITS,
        MAKEUPS,
        YEAR_FILES,
        MENTORS,
        QUALIFICATIONS,
        FUNDS
    );
    Ok(())
}

/// Rewrites the format-1 values of one table (of the keys `is_record`
/// accepts) as format 2, a batch of keys at a time.
fn rewrap<K: Key + 'static>(
    txn: &WriteTransaction,
    def: TableDefinition<K, &'static [u8]>,
    is_record: impl for<'a> Fn(&K::SelfType<'a>) -> bool,
) -> Result<()> {
    let mut t = txn.open_table(def)?;
    let mut changed: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for row in t.iter()? {
        let (k, v) = row?;
        let key = k.value();
        if is_record(&key)
            && let Some(new) = rewrap_v1(v.value())
        {
            changed.push((K::as_bytes(&key).as_ref().to_vec(), new));
        }
    }
    for (k, v) in &changed {
        t.insert(K::from_bytes(k), v.as_slice())?;
    }
    Ok(())
}

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

/// `[assessment]` as schemas 2 to 4 stored it: without the settings of
/// the year's end (entry maximum, review deadline, warning weeks, the term
/// meant between terms).
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

    fn upgraded(self) -> AssessmentRules {
        AssessmentRules {
            credit_shortfall: self.credit_shortfall,
            notes: self.notes,
            archive: self.archive,
            makeups: self.makeups,
            open_lessons: self.open_lessons,
            open_lessons_per_year: self.open_lessons_per_year,
            multimedia_lessons_per_term: self.multimedia_lessons_per_term,
            degree: self.degree,
            min_degree: self.min_degree,
            degree_matches_subject: self.degree_matches_subject,
            outside_report: self.outside_report,
            deduct_points: self.deduct_points,
            training_funds_percent: self.training_funds_percent,
            ..AssessmentRules::default()
        }
    }
}

/// The policy as schemas 2 and 3 stored it: no `[calendar]`.
#[derive(Serialize, Deserialize)]
struct PolicyV3 {
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

/// The policy as schema 4 stored it: `[calendar]` last, `[assessment]`
/// without the year's-end settings.
#[derive(Serialize, Deserialize)]
struct PolicyV4 {
    unqualified_absences: u32,
    credits_per_year: u32,
    notes_chars_per_term: u32,
    official_leave_neutral: bool,
    lates_per_absence: u32,
    points: Points,
    credits: CreditRules,
    leave: LeaveRules,
    assessment: AssessmentRulesV2,
    calendar: CalendarRules,
}

/// Rewrites the records of a file of schema `found` in this build's shape,
/// inside the upgrade's transaction, one numbered step after another: each
/// step reads the shape the step before wrote. New settings take their
/// defaults.
pub(super) fn migrate(txn: &redb::WriteTransaction, found: u32) -> Result<()> {
    if found < 2 {
        upgrade_to_2(txn)?;
    }
    if found < 4 {
        upgrade_to_4(txn)?;
    }
    if found < 5 {
        upgrade_to_5(txn)?;
    }
    // Schema 6 (the credit-card index `credit_cards`) rewrites no record:
    // `upgrade` builds the index with the other derived tables.
    if found < 7 {
        upgrade_to_7(txn)?;
    }
    Ok(())
}

/// The stored policy decoded as `T`, if there is one.
fn stored_policy<T: serde::de::DeserializeOwned>(
    txn: &redb::WriteTransaction,
    shape: &'static str,
) -> Result<Option<T>> {
    let meta = txn.open_table(META)?;
    let v = meta.get("policy")?;
    match v {
        Some(v) => Ok(Some(decode::<T>(v.value(), "meta", &shape)?)),
        None => Ok(None),
    }
}

fn put_policy<T: Serialize>(txn: &redb::WriteTransaction, p: &T) -> Result<()> {
    txn.open_table(META)?
        .insert("policy", encode(p).as_slice())?;
    Ok(())
}

/// Schema 1 → 2: the policy gains `credits.made_up_percent` and `[assessment]`.
fn upgrade_to_2(txn: &redb::WriteTransaction) -> Result<()> {
    if let Some(old) = stored_policy::<PolicyV1>(txn, "policy (schema 1)")? {
        let credits = CreditRules {
            late_percent: old.credits.late_percent,
            early_leave_percent: old.credits.early_leave_percent,
            ..CreditRules::default()
        };
        put_policy(
            txn,
            &PolicyV3 {
                unqualified_absences: old.unqualified_absences,
                credits_per_year: old.credits_per_year,
                notes_chars_per_term: old.notes_chars_per_term,
                official_leave_neutral: old.official_leave_neutral,
                lates_per_absence: old.lates_per_absence,
                points: old.points,
                credits,
                leave: old.leave,
                assessment: AssessmentRulesV2::defaults(),
            },
        )?;
    }
    Ok(())
}

/// A roll-call fact as schemas up to 3 stored it: no `early_excused`.
#[derive(Deserialize)]
struct RollFactsV3 {
    first_call: bool,
    second_call: bool,
    arrived: Option<NaiveTime>,
    left_early: Option<NaiveTime>,
    remark: String,
}

/// Schema 4 (issue 14, the calendar): the policy gains `[calendar]` and
/// each roll-call fact gains `early_excused`, both at the end of their
/// records. Rewrites the policy and every fact in the new shape.
pub(super) fn upgrade_to_4(txn: &redb::WriteTransaction) -> Result<()> {
    if let Some(old) = stored_policy::<PolicyV3>(txn, "policy (schema 3)")? {
        put_policy(
            txn,
            &PolicyV4 {
                unqualified_absences: old.unqualified_absences,
                credits_per_year: old.credits_per_year,
                notes_chars_per_term: old.notes_chars_per_term,
                official_leave_neutral: old.official_leave_neutral,
                lates_per_absence: old.lates_per_absence,
                points: old.points,
                credits: old.credits,
                leave: old.leave,
                assessment: old.assessment,
                calendar: CalendarRules::default(),
            },
        )?;
    }
    let mut facts = txn.open_table(FACTS)?;
    let mut rewritten = Vec::new();
    for row in facts.iter()? {
        let (k, v) = row?;
        let (session, teacher) = k.value();
        let key = format!("{session}/{teacher}");
        let old = decode::<RollFactsV3>(v.value(), "facts", &key)?;
        let new = RollFacts {
            first_call: old.first_call,
            second_call: old.second_call,
            arrived: old.arrived,
            left_early: old.left_early,
            remark: old.remark,
            early_excused: None,
        };
        rewritten.push(((session, teacher.to_string()), encode(&new)));
    }
    for ((session, teacher), bytes) in rewritten {
        facts.insert((session, teacher.as_str()), bytes.as_slice())?;
    }
    Ok(())
}

/// Schema 5 (issue 20, the year's end): `[assessment]` gains
/// `max_credits_per_entry`, `review_deadline_days`, `credit_warning_weeks`
/// and `between_terms`. The tables `published_assessment` and
/// `closed_years` are new (made empty by `create_tables`: a posting made
/// before compares its counts only).
pub(super) fn upgrade_to_5(txn: &redb::WriteTransaction) -> Result<()> {
    if let Some(old) = stored_policy::<PolicyV4>(txn, "policy (schema 4)")? {
        put_policy(
            txn,
            &Policy {
                unqualified_absences: old.unqualified_absences,
                credits_per_year: old.credits_per_year,
                notes_chars_per_term: old.notes_chars_per_term,
                official_leave_neutral: old.official_leave_neutral,
                lates_per_absence: old.lates_per_absence,
                points: old.points,
                credits: old.credits,
                leave: old.leave,
                assessment: old.assessment.upgraded(),
                calendar: old.calendar,
            },
        )?;
    }
    Ok(())
}

/// A teacher as schemas up to 6 stored it: no `from_time`, no
/// `past_groups`. Frozen: plain types only, never today's.
#[derive(Deserialize)]
struct TeacherV6 {
    id: String,
    name: String,
    group: String,
    grade: Option<String>,
    active_from: Option<chrono::NaiveDate>,
    active_to: Option<chrono::NaiveDate>,
}

/// Schema 7 (issue 25): each teacher gains `from_time` and `past_groups`
/// (no past groups: nothing recorded one). A teacher stored without a
/// start date (imported from a roster without 入职日期 by an older build)
/// starts on the day of their add entry in the history, from its time:
/// sessions held before they were entered are not theirs. The closed
/// rolls' records (`closed_rolls`) are written by `upgrade` once the
/// teachers read in the new shape.
pub(super) fn upgrade_to_7(txn: &redb::WriteTransaction) -> Result<()> {
    let mut added: std::collections::HashMap<String, chrono::NaiveDateTime> =
        std::collections::HashMap::new();
    {
        let history = txn.open_table(HISTORY)?;
        for row in history.iter()? {
            let (k, v) = row?;
            let e: super::HistoryEntry = decode(v.value(), "history", &k.value())?;
            if e.action == "teacher.add"
                && let Some(t) = e.teacher
            {
                // The first add entry: a later one (after a removal) is not
                // the day they came.
                added.entry(t.0).or_insert(e.at);
            }
        }
    }
    let mut teachers = txn.open_table(TEACHERS)?;
    let mut rewritten = Vec::new();
    for row in teachers.iter()? {
        let (k, v) = row?;
        let old = decode::<TeacherV6>(v.value(), "teachers", &k.value())?;
        let entered = old
            .active_from
            .is_none()
            .then(|| added.get(&old.id).copied())
            .flatten();
        let new = rules::Teacher {
            id: rules::TeacherId(old.id),
            name: old.name,
            group: old.group,
            grade: old.grade,
            active_from: old.active_from.or(entered.map(|at| at.date())),
            active_to: old.active_to,
            from_time: entered.map(|at| at.time()),
            past_groups: Vec::new(),
        };
        rewritten.push((new.id.0.clone(), encode(&new)));
    }
    for (id, bytes) in rewritten {
        teachers.insert(id.as_str(), bytes.as_slice())?;
    }
    Ok(())
}
