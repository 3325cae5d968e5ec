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
use crate::core::Policy;
use crate::core::policy::{LeaveRules, Points};
use redb::ReadableTable;
use serde::Deserialize;

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
    Ok(())
}
