//! A database written by schema 1 (before the assessment) opens in this
//! build: its policy, stored in the old shape, keeps every setting the
//! school made and gains the new ones at their defaults; the new tables are
//! added; the assessment commands work on it.

use peixun::core::Degree;
use peixun::core::Role;
use peixun::core::policy::{CalendarRules, CreditRules, Effect, LeaveRules, Points};
use redb::{ReadableDatabase, TableDefinition};
use serde::Serialize;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");

/// The policy exactly as schema 1 stored it.
#[derive(Serialize)]
struct PolicyV1 {
    unqualified_absences: u32,
    credits_per_year: u32,
    notes_chars_per_term: u32,
    official_leave_neutral: bool,
    lates_per_absence: u32,
    points: Points,
    credits: (u32, u32),
    leave: LeaveRules,
}

fn peixun(db: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("PEIXUN_NOW", "2025-09-01T08:00")
        .env_remove("PEIXUN_DB")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_schema_1_file_keeps_its_policy_and_gains_the_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.redb");
    assert!(peixun(&path, &["init"]).0);
    assert!(peixun(&path, &["teacher", "add", "T1", "王芳", "语文"]).0);
    // Turn it into a schema-1 file: the old policy shape, the old version,
    // none of the assessment tables.
    {
        let db = redb::Database::open(&path).unwrap();
        let txn = db.begin_write().unwrap();
        for t in [
            "external_credits",
            "external_credits_by_teacher",
            "makeups",
            "year_files",
            "mentors",
            "qualifications",
            "funds",
        ] {
            let def: TableDefinition<&str, &[u8]> = TableDefinition::new(t);
            txn.delete_table(def).unwrap();
        }
        {
            let mut meta = txn.open_table(META).unwrap();
            let old = PolicyV1 {
                unqualified_absences: 4,
                credits_per_year: 36,
                notes_chars_per_term: 6000,
                official_leave_neutral: true,
                lates_per_absence: 3,
                points: Points::default(),
                credits: (90, 30),
                leave: LeaveRules {
                    personal_approver: Role::School,
                    ..LeaveRules::default()
                },
            };
            let mut bytes = vec![1u8];
            bytes.extend(postcard::to_stdvec(&old).unwrap());
            meta.insert("policy", bytes.as_slice()).unwrap();
            meta.insert("schema", 1u32.to_le_bytes().as_slice())
                .unwrap();
        }
        txn.commit().unwrap();
    }

    let (ok, policy, err) = peixun(&path, &["policy", "show"]);
    assert!(ok, "{err}");
    for line in [
        "unqualified_absences = 4",
        "credits_per_year = 36",
        "notes_chars_per_term = 6000",
        "lates_per_absence = 3",
        "late_percent = 90",
        "early_leave_percent = 30",
        "made_up_percent = 100",
        "personal_approver = \"school\"",
        "[assessment]",
        "credit_shortfall = \"unqualified\"",
    ] {
        assert!(policy.contains(line), "lacks {line}:\n{policy}");
    }
    // The file is now of the current schema, with the new tables.
    {
        let db = redb::Database::open(&path).unwrap();
        let r = db.begin_read().unwrap();
        let meta = r.open_table(META).unwrap();
        let v = meta.get("schema").unwrap().unwrap();
        assert_eq!(
            v.value(),
            peixun::store::SCHEMA_VERSION.to_le_bytes().as_slice()
        );
    }
    let (ok, _, err) = peixun(
        &path,
        &[
            "credit",
            "add",
            "T1",
            "--date",
            "2025-09-01",
            "--title",
            "培训",
            "--credits",
            "2",
            "--card",
            "A1",
        ],
    );
    assert!(ok, "{err}");
    let (ok, list, _) = peixun(&path, &["credit", "list"]);
    assert!(ok && list.contains("A1"), "{list}");
}

/// `[assessment]` exactly as schemas 2 to 4 stored it.
#[derive(Serialize)]
struct AssessmentV4 {
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

/// The policy exactly as schema 4 stored it.
#[derive(Serialize)]
struct PolicyV4 {
    unqualified_absences: u32,
    credits_per_year: u32,
    notes_chars_per_term: u32,
    official_leave_neutral: bool,
    lates_per_absence: u32,
    points: Points,
    credits: CreditRules,
    leave: LeaveRules,
    assessment: AssessmentV4,
    calendar: CalendarRules,
}

#[test]
fn a_schema_4_file_keeps_its_policy_and_gains_the_year_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.redb");
    assert!(peixun(&path, &["init"]).0);
    assert!(peixun(&path, &["teacher", "add", "T1", "王芳", "语文"]).0);
    {
        let db = redb::Database::open(&path).unwrap();
        let txn = db.begin_write().unwrap();
        for t in ["published_assessment", "closed_years"] {
            let def: TableDefinition<&str, &[u8]> = TableDefinition::new(t);
            txn.delete_table(def).unwrap();
        }
        {
            let mut meta = txn.open_table(META).unwrap();
            let old = PolicyV4 {
                unqualified_absences: 4,
                credits_per_year: 36,
                notes_chars_per_term: 6000,
                official_leave_neutral: true,
                lates_per_absence: 3,
                points: Points::default(),
                credits: CreditRules::default(),
                leave: LeaveRules::default(),
                assessment: AssessmentV4 {
                    credit_shortfall: Effect::Deduct,
                    notes: Effect::Off,
                    archive: Effect::Deduct,
                    makeups: Effect::Deduct,
                    open_lessons: Effect::Deduct,
                    open_lessons_per_year: 2,
                    multimedia_lessons_per_term: 0,
                    degree: Effect::Deduct,
                    min_degree: Degree::Bachelor,
                    degree_matches_subject: true,
                    outside_report: Effect::Deduct,
                    deduct_points: 2,
                    training_funds_percent: 12,
                },
                calendar: CalendarRules::default(),
            };
            // Schema 4 records are format 2 (checksummed), as this build writes.
            let bytes = peixun::store::codec::encode(&old);
            meta.insert("policy", bytes.as_slice()).unwrap();
            meta.insert("schema", 4u32.to_le_bytes().as_slice())
                .unwrap();
        }
        txn.commit().unwrap();
    }
    let (ok, policy, err) = peixun(&path, &["policy", "show"]);
    assert!(ok, "{err}");
    for line in [
        "credits_per_year = 36",
        "credit_shortfall = \"deduct\"",
        "notes = \"off\"",
        "open_lessons_per_year = 2",
        "deduct_points = 2",
        "training_funds_percent = 12",
        "max_credits_per_entry = 10",
        "review_deadline_days = 14",
        "credit_warning_weeks = 6",
        "between_terms = \"ended\"",
    ] {
        assert!(policy.contains(line), "lacks {line}:\n{policy}");
    }
    {
        let db = redb::Database::open(&path).unwrap();
        let r = db.begin_read().unwrap();
        let meta = r.open_table(META).unwrap();
        let v = meta.get("schema").unwrap().unwrap();
        assert_eq!(
            v.value(),
            peixun::store::SCHEMA_VERSION.to_le_bytes().as_slice()
        );
    }
    // The new tables work: a term published and a year closed.
    assert!(
        peixun(
            &path,
            &["term", "add", "2024-autumn", "2024-09-01", "2025-01-20"]
        )
        .0
    );
    let (ok, _, err) = peixun(&path, &["publish", "--term", "2024-autumn"]);
    assert!(ok, "{err}");
    let (ok, out, err) = peixun(&path, &["assess", "close", "2024"]);
    assert!(ok && out.contains("2024-2025"), "{out}{err}");
}
