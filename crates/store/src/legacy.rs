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
use rules::calendar::MonthDay;
use rules::policy::{
    AssessmentRules, BetweenTerms, CalendarRules, CreditRules, Effect, LeaveRules, Points,
};
use rules::{Degree, Policy, Role};
use serde::{Deserialize, Serialize};

/// The schemas a landed build wrote (fb2a684: 2, d44f7f8: 5, 65a027b: 6),
/// which a later build reads and upgrades. A file of another older schema
/// (1, 3 and 4 were written only by development builds between landings,
/// with shapes that differ under the same number: main's schema 4 had no
/// checksums, the store branch's had them) is refused as such, never
/// guessed at. A schema that lands is added here.
pub(super) const LANDED: &[u32] = &[2, 5, 6];

/// Whether a file of schema `found`, older than this build's, was written
/// by a landed build.
pub(super) fn landed(found: u32) -> bool {
    LANDED.contains(&found)
}

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

// ---------------------------------------------------------------------------
// The record shapes of each landed schema, frozen: nothing here names a type
// the program uses today, so a field added to a live type never changes an
// old shape. postcard writes an enum as its variant's number, in the order
// listed.
// ---------------------------------------------------------------------------

/// `Role` as schemas 2 to 6 stored it.
#[derive(Serialize, Deserialize, Clone, Copy)]
enum RoleV2 {
    Office,
    Leader,
    School,
    GroupLeader,
    Assessment,
    Teacher,
}

impl RoleV2 {
    fn live(self) -> Role {
        match self {
            RoleV2::Office => Role::Office,
            RoleV2::Leader => Role::Leader,
            RoleV2::School => Role::School,
            RoleV2::GroupLeader => Role::GroupLeader,
            RoleV2::Assessment => Role::Assessment,
            RoleV2::Teacher => Role::Teacher,
        }
    }
}

/// `Effect` as schemas 2 to 6 stored it.
#[derive(Serialize, Deserialize, Clone, Copy)]
enum EffectV2 {
    Off,
    Deduct,
    Unqualified,
}

impl EffectV2 {
    fn live(self) -> Effect {
        match self {
            EffectV2::Off => Effect::Off,
            EffectV2::Deduct => Effect::Deduct,
            EffectV2::Unqualified => Effect::Unqualified,
        }
    }
}

/// `Degree` as schemas 2 to 6 stored it.
#[derive(Serialize, Deserialize, Clone, Copy)]
enum DegreeV2 {
    Secondary,
    Associate,
    Bachelor,
    Master,
    Doctorate,
}

impl DegreeV2 {
    fn live(self) -> Degree {
        match self {
            DegreeV2::Secondary => Degree::Secondary,
            DegreeV2::Associate => Degree::Associate,
            DegreeV2::Bachelor => Degree::Bachelor,
            DegreeV2::Master => Degree::Master,
            DegreeV2::Doctorate => Degree::Doctorate,
        }
    }
}

/// `BetweenTerms` as schemas 5 and 6 stored it.
#[derive(Serialize, Deserialize, Clone, Copy)]
enum BetweenTermsV5 {
    Ended,
    Next,
}

/// `[points]` as schemas 2 to 6 stored it.
#[derive(Serialize, Deserialize)]
struct PointsV2 {
    attend: i32,
    late: i32,
    early_leave: i32,
    absent: i32,
    official_leave: i32,
    personal_leave: i32,
    sick_leave: i32,
}

/// `[credits]` as schemas 2 to 6 stored it.
#[derive(Serialize, Deserialize)]
struct CreditRulesV2 {
    late_percent: u32,
    early_leave_percent: u32,
    made_up_percent: u32,
}

/// `[leave]` as schemas 2 to 6 stored it.
#[derive(Serialize, Deserialize)]
struct LeaveRulesV2 {
    official_approver: RoleV2,
    personal_approver: RoleV2,
    sick_approver: RoleV2,
    personal_needs_note: bool,
    sick_needs_certificate: bool,
}

/// `[assessment]` as schema 2 stored it: without the settings of the
/// year's end (entry maximum, review deadline, warning weeks, the term
/// meant between terms).
#[derive(Serialize, Deserialize)]
struct AssessmentRulesV2 {
    credit_shortfall: EffectV2,
    notes: EffectV2,
    archive: EffectV2,
    makeups: EffectV2,
    open_lessons: EffectV2,
    open_lessons_per_year: u32,
    multimedia_lessons_per_term: u32,
    degree: EffectV2,
    min_degree: DegreeV2,
    degree_matches_subject: bool,
    outside_report: EffectV2,
    deduct_points: u32,
    training_funds_percent: u32,
}

/// `[assessment]` as schemas 5 and 6 stored it.
#[derive(Serialize, Deserialize)]
struct AssessmentRulesV5 {
    credit_shortfall: EffectV2,
    notes: EffectV2,
    archive: EffectV2,
    makeups: EffectV2,
    open_lessons: EffectV2,
    open_lessons_per_year: u32,
    multimedia_lessons_per_term: u32,
    degree: EffectV2,
    min_degree: DegreeV2,
    degree_matches_subject: bool,
    outside_report: EffectV2,
    deduct_points: u32,
    training_funds_percent: u32,
    max_credits_per_entry: u32,
    review_deadline_days: u32,
    credit_warning_weeks: u32,
    between_terms: BetweenTermsV5,
}

/// `[calendar]` as schemas 5 and 6 stored it (the year's first day as
/// its text, MM-DD).
#[derive(Serialize, Deserialize)]
struct CalendarRulesV5 {
    year_start: String,
    roll_opens_minutes: u32,
    late_approval: bool,
}

/// The policy as schema 2 stored it: no `[calendar]`.
#[derive(Serialize, Deserialize)]
struct PolicyV2 {
    unqualified_absences: u32,
    credits_per_year: u32,
    notes_chars_per_term: u32,
    official_leave_neutral: bool,
    lates_per_absence: u32,
    points: PointsV2,
    credits: CreditRulesV2,
    leave: LeaveRulesV2,
    assessment: AssessmentRulesV2,
}

/// The policy as schemas 5 and 6 stored it.
#[derive(Serialize, Deserialize)]
struct PolicyV5 {
    unqualified_absences: u32,
    credits_per_year: u32,
    notes_chars_per_term: u32,
    official_leave_neutral: bool,
    lates_per_absence: u32,
    points: PointsV2,
    credits: CreditRulesV2,
    leave: LeaveRulesV2,
    assessment: AssessmentRulesV5,
    calendar: CalendarRulesV5,
}

/// A roll-call fact as schema 2 stored it: no `early_excused`.
#[derive(Serialize, Deserialize)]
struct RollFactsV2 {
    first_call: bool,
    second_call: bool,
    arrived: Option<NaiveTime>,
    left_early: Option<NaiveTime>,
    remark: String,
}

/// A roll-call fact as schemas 5 and 6 stored it: the reason an early
/// leave was excused, last.
#[derive(Serialize, Deserialize)]
struct RollFactsV5 {
    first_call: bool,
    second_call: bool,
    arrived: Option<NaiveTime>,
    left_early: Option<NaiveTime>,
    remark: String,
    early_excused: Option<String>,
}

// ---------------------------------------------------------------------------
// The steps
// ---------------------------------------------------------------------------

/// Rewrites the records of a file of schema `found` (a landed one, older
/// than this build's) in this build's shape, inside the upgrade's
/// transaction: each step reads the frozen shape the step before wrote,
/// the last turns the newest frozen shape into the live one. New settings
/// take their defaults.
pub(super) fn migrate(txn: &redb::WriteTransaction, found: u32) -> Result<()> {
    if found < 5 {
        // Schema 2 → 5 (the calendar, issue 14; the year's end, issue 20).
        policy_2_to_5(txn)?;
        facts_2_to_5(txn)?;
    }
    // Schema 6 (the credit-card index `credit_cards`) rewrites no record:
    // `upgrade` builds the index with the other derived tables.
    policy_to_live(txn)?;
    // Schema 7 (issue 25): teachers gain their start time and past groups.
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

/// The policy of schema 2 in the shape of schema 5: `[calendar]` and the
/// year's-end settings of `[assessment]` at their defaults.
fn policy_2_to_5(txn: &redb::WriteTransaction) -> Result<()> {
    let Some(old) = stored_policy::<PolicyV2>(txn, "policy (schema 2)")? else {
        return Ok(());
    };
    let (a, c) = (AssessmentRules::default(), CalendarRules::default());
    let o = old.assessment;
    put_policy(
        txn,
        &PolicyV5 {
            unqualified_absences: old.unqualified_absences,
            credits_per_year: old.credits_per_year,
            notes_chars_per_term: old.notes_chars_per_term,
            official_leave_neutral: old.official_leave_neutral,
            lates_per_absence: old.lates_per_absence,
            points: old.points,
            credits: old.credits,
            leave: old.leave,
            assessment: AssessmentRulesV5 {
                credit_shortfall: o.credit_shortfall,
                notes: o.notes,
                archive: o.archive,
                makeups: o.makeups,
                open_lessons: o.open_lessons,
                open_lessons_per_year: o.open_lessons_per_year,
                multimedia_lessons_per_term: o.multimedia_lessons_per_term,
                degree: o.degree,
                min_degree: o.min_degree,
                degree_matches_subject: o.degree_matches_subject,
                outside_report: o.outside_report,
                deduct_points: o.deduct_points,
                training_funds_percent: o.training_funds_percent,
                max_credits_per_entry: a.max_credits_per_entry,
                review_deadline_days: a.review_deadline_days,
                credit_warning_weeks: a.credit_warning_weeks,
                between_terms: match a.between_terms {
                    BetweenTerms::Ended => BetweenTermsV5::Ended,
                    BetweenTerms::Next => BetweenTermsV5::Next,
                },
            },
            calendar: CalendarRulesV5 {
                year_start: String::from(c.year_start),
                roll_opens_minutes: c.roll_opens_minutes,
                late_approval: c.late_approval,
            },
        },
    )
}

/// Every roll-call fact of schema 2 in the shape of schema 5 (no early
/// leave was excused before the calendar).
fn facts_2_to_5(txn: &redb::WriteTransaction) -> Result<()> {
    let mut facts = txn.open_table(FACTS)?;
    let mut rewritten = Vec::new();
    for row in facts.iter()? {
        let (k, v) = row?;
        let (session, teacher) = k.value();
        let key = format!("{session}/{teacher}");
        let old = decode::<RollFactsV2>(v.value(), "facts", &key)?;
        let new = RollFactsV5 {
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

/// The policy of the newest landed shape (schemas 5 and 6) as this build's
/// `Policy`. The facts of schemas 5 and 6 are this build's `RollFacts`
/// byte for byte (`tests::the_newest_frozen_shapes_are_the_live_ones`); a
/// schema that changes either adds its step before this one.
fn policy_to_live(txn: &redb::WriteTransaction) -> Result<()> {
    let Some(old) = stored_policy::<PolicyV5>(txn, "policy (schema 5)")? else {
        return Ok(());
    };
    let year_start =
        MonthDay::try_from(old.calendar.year_start).map_err(|why| super::codec::DecodeError {
            table: "meta",
            key: "policy".into(),
            why,
            fault: super::codec::DecodeFault::Shape,
        })?;
    let (p, c, l, a) = (old.points, old.credits, old.leave, old.assessment);
    put_policy(
        txn,
        &Policy {
            unqualified_absences: old.unqualified_absences,
            credits_per_year: old.credits_per_year,
            notes_chars_per_term: old.notes_chars_per_term,
            official_leave_neutral: old.official_leave_neutral,
            lates_per_absence: old.lates_per_absence,
            points: Points {
                attend: p.attend,
                late: p.late,
                early_leave: p.early_leave,
                absent: p.absent,
                official_leave: p.official_leave,
                personal_leave: p.personal_leave,
                sick_leave: p.sick_leave,
            },
            credits: CreditRules {
                late_percent: c.late_percent,
                early_leave_percent: c.early_leave_percent,
                made_up_percent: c.made_up_percent,
            },
            leave: LeaveRules {
                official_approver: l.official_approver.live(),
                personal_approver: l.personal_approver.live(),
                sick_approver: l.sick_approver.live(),
                personal_needs_note: l.personal_needs_note,
                sick_needs_certificate: l.sick_needs_certificate,
            },
            assessment: AssessmentRules {
                credit_shortfall: a.credit_shortfall.live(),
                notes: a.notes.live(),
                archive: a.archive.live(),
                makeups: a.makeups.live(),
                open_lessons: a.open_lessons.live(),
                open_lessons_per_year: a.open_lessons_per_year,
                multimedia_lessons_per_term: a.multimedia_lessons_per_term,
                degree: a.degree.live(),
                min_degree: a.min_degree.live(),
                degree_matches_subject: a.degree_matches_subject,
                outside_report: a.outside_report.live(),
                deduct_points: a.deduct_points,
                training_funds_percent: a.training_funds_percent,
                max_credits_per_entry: a.max_credits_per_entry,
                review_deadline_days: a.review_deadline_days,
                credit_warning_weeks: a.credit_warning_weeks,
                between_terms: match a.between_terms {
                    BetweenTermsV5::Ended => BetweenTerms::Ended,
                    BetweenTermsV5::Next => BetweenTerms::Next,
                },
            },
            calendar: CalendarRules {
                year_start,
                roll_opens_minutes: old.calendar.roll_opens_minutes,
                late_approval: old.calendar.late_approval,
            },
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::RollFacts;

    /// A policy with no setting at its default, in the frozen shape of
    /// schemas 5 and 6.
    fn odd_policy() -> PolicyV5 {
        PolicyV5 {
            unqualified_absences: 7,
            credits_per_year: 33,
            notes_chars_per_term: 1234,
            official_leave_neutral: false,
            lates_per_absence: 4,
            points: PointsV2 {
                attend: 5,
                late: -2,
                early_leave: -4,
                absent: -9,
                official_leave: 1,
                personal_leave: -1,
                sick_leave: -3,
            },
            credits: CreditRulesV2 {
                late_percent: 70,
                early_leave_percent: 20,
                made_up_percent: 60,
            },
            leave: LeaveRulesV2 {
                official_approver: RoleV2::Office,
                personal_approver: RoleV2::GroupLeader,
                sick_approver: RoleV2::Assessment,
                personal_needs_note: false,
                sick_needs_certificate: false,
            },
            assessment: AssessmentRulesV5 {
                credit_shortfall: EffectV2::Deduct,
                notes: EffectV2::Off,
                archive: EffectV2::Unqualified,
                makeups: EffectV2::Off,
                open_lessons: EffectV2::Unqualified,
                open_lessons_per_year: 3,
                multimedia_lessons_per_term: 2,
                degree: EffectV2::Off,
                min_degree: DegreeV2::Doctorate,
                degree_matches_subject: false,
                outside_report: EffectV2::Unqualified,
                deduct_points: 6,
                training_funds_percent: 15,
                max_credits_per_entry: 8,
                review_deadline_days: 9,
                credit_warning_weeks: 3,
                between_terms: BetweenTermsV5::Next,
            },
            calendar: CalendarRulesV5 {
                year_start: "08-15".into(),
                roll_opens_minutes: 45,
                late_approval: true,
            },
        }
    }

    /// The newest frozen shapes decode as today's types with every value
    /// kept: a field added to `Policy` or `RollFacts` without a schema step
    /// fails here (postcard would otherwise read an old record's end as
    /// the new field, or ignore what is left).
    #[test]
    fn the_newest_frozen_shapes_are_the_live_ones() {
        let bytes = encode(&odd_policy());
        let live: Policy = decode(&bytes, "meta", &"policy").expect("decodes");
        assert_eq!(encode(&live), bytes, "every byte read back as written");
        assert_eq!(live.assessment.min_degree, Degree::Doctorate);
        assert_eq!(live.leave.personal_approver, Role::GroupLeader);
        assert_eq!(live.assessment.between_terms, BetweenTerms::Next);
        assert_eq!(live.assessment.notes, Effect::Off);

        let fact = RollFactsV5 {
            first_call: true,
            second_call: false,
            arrived: NaiveTime::from_hms_opt(16, 5, 0),
            left_early: NaiveTime::from_hms_opt(17, 0, 0),
            remark: "备注".into(),
            early_excused: Some("送孩子就医".into()),
        };
        let bytes = encode(&fact);
        let live: RollFacts = decode(&bytes, "facts", &"1/T0001").expect("decodes");
        assert_eq!(encode(&live), bytes);
    }
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
