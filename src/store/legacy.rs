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
use crate::core::policy::{AssessmentRules, CreditRules, LeaveRules, Points};
use crate::core::{Policy, RollFacts};
use chrono::NaiveTime;
use redb::{Key, ReadableTable, TableDefinition, WriteTransaction};
use serde::Deserialize;

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

/// Rewrites the records of a file of schema `found` in this build's shape,
/// inside the upgrade's transaction. New settings take their defaults.
pub(super) fn migrate(txn: &redb::WriteTransaction, found: u32) -> Result<()> {
    if found < 2 {
        let mut meta = txn.open_table(META)?;
        let old = match meta.get("policy")? {
            Some(v) => Some(decode::<PolicyV1>(v.value(), "meta", &"policy (schema 1)")?),
            None => None,
        };
        if let Some(old) = old {
            let mut p = Policy {
                unqualified_absences: old.unqualified_absences,
                credits_per_year: old.credits_per_year,
                notes_chars_per_term: old.notes_chars_per_term,
                official_leave_neutral: old.official_leave_neutral,
                lates_per_absence: old.lates_per_absence,
                points: old.points,
                leave: old.leave,
                ..Policy::default()
            };
            p.credits.late_percent = old.credits.late_percent;
            p.credits.early_leave_percent = old.credits.early_leave_percent;
            meta.insert("policy", encode(&p).as_slice())?;
        }
    }
    if found < 4 {
        upgrade_to_4(txn)?;
    }
    Ok(())
}

/// The policy as schemas 2 and 3 stored it: no `[calendar]`.
#[derive(Deserialize)]
struct PolicyV3 {
    unqualified_absences: u32,
    credits_per_year: u32,
    notes_chars_per_term: u32,
    official_leave_neutral: bool,
    lates_per_absence: u32,
    points: Points,
    credits: CreditRules,
    leave: LeaveRules,
    assessment: AssessmentRules,
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
    let mut meta = txn.open_table(META)?;
    let policy = match meta.get("policy")? {
        // A policy an earlier step of this upgrade already wrote is current.
        Some(v) => match decode::<Policy>(v.value(), "meta", &"policy") {
            Ok(p) => Some(p),
            Err(_) => {
                let old = decode::<PolicyV3>(v.value(), "meta", &"policy (schema 3)")?;
                Some(Policy {
                    unqualified_absences: old.unqualified_absences,
                    credits_per_year: old.credits_per_year,
                    notes_chars_per_term: old.notes_chars_per_term,
                    official_leave_neutral: old.official_leave_neutral,
                    lates_per_absence: old.lates_per_absence,
                    points: old.points,
                    credits: old.credits,
                    leave: old.leave,
                    assessment: old.assessment,
                    ..Policy::default()
                })
            }
        },
        None => None,
    };
    if let Some(p) = policy {
        meta.insert("policy", encode(&p).as_slice())?;
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
