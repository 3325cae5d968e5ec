//! A database written before the calendar (schema below 4) opens in this
//! build (`store::legacy::upgrade_to_4`): its policy, without `[calendar]`,
//! keeps every setting and gains the calendar's defaults; its roll-call
//! facts, without `early_excused`, keep every mark; standings read the same.

use peixun::core::policy::{AssessmentRules, CreditRules, LeaveRules, Points};
use peixun::store::codec::encode;
use redb::{ReadableDatabase, ReadableTable, TableDefinition};
use serde::Serialize;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
const FACTS: TableDefinition<(u32, &str), &[u8]> = TableDefinition::new("facts");

/// The policy as schemas 2 and 3 stored it.
#[derive(Serialize)]
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

/// A roll-call fact as schemas up to 3 stored it.
#[derive(Serialize)]
struct RollFactsV3 {
    first_call: bool,
    second_call: bool,
    arrived: Option<chrono::NaiveTime>,
    left_early: Option<chrono::NaiveTime>,
    remark: String,
}

fn peixun(db: &std::path::Path, now: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("PEIXUN_NOW", now)
        .env_remove("PEIXUN_DB")
        .output()
        .expect("run peixun");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_file_from_before_the_calendar_keeps_its_policy_and_marks() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.redb");
    let setup = "2025-08-25T09:00";
    for args in [
        &["init"][..],
        &["teacher", "add", "T1", "王芳", "语文"],
        &["teacher", "add", "T2", "李雷", "语文"],
        &["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"],
        &[
            "session",
            "add",
            "2025-09-10",
            "15:30",
            "16:30",
            "培训",
            "--credits",
            "2",
        ],
    ] {
        let (ok, _, err) = peixun(&path, setup, args);
        assert!(ok, "{args:?}: {err}");
    }
    for (now, args) in [
        ("2025-09-10T15:31", &["roll", "first", "1", "T1"][..]),
        (
            "2025-09-10T16:10",
            &["roll", "leave", "1", "T1", "--at", "16:10"],
        ),
        ("2025-09-10T15:36", &["roll", "second", "1"]),
        ("2025-09-10T16:30", &["roll", "close", "1"]),
    ] {
        let (ok, _, err) = peixun(&path, now, args);
        assert!(ok, "{args:?}: {err}");
    }
    let later = "2025-09-11T09:00";
    let (_, before, _) = peixun(&path, later, &["standings", "--json"]);
    // Turn it into a file of schema 3: the old shapes and the old version.
    {
        let db = redb::Database::open(&path).expect("open");
        let txn = db.begin_write().expect("write");
        {
            let mut meta = txn.open_table(META).expect("meta");
            let old = PolicyV3 {
                unqualified_absences: 4,
                credits_per_year: 40,
                notes_chars_per_term: 5000,
                official_leave_neutral: false,
                lates_per_absence: 2,
                points: Points::default(),
                credits: CreditRules::default(),
                leave: LeaveRules::default(),
                assessment: AssessmentRules::default(),
            };
            meta.insert("policy", encode(&old).as_slice())
                .expect("policy");
            meta.insert("schema", 3u32.to_le_bytes().as_slice())
                .expect("schema");
            let mut facts = txn.open_table(FACTS).expect("facts");
            let old = RollFactsV3 {
                first_call: true,
                second_call: false,
                arrived: None,
                left_early: chrono::NaiveTime::from_hms_opt(16, 10, 0),
                remark: String::new(),
            };
            facts
                .insert((1u32, "T1"), encode(&old).as_slice())
                .expect("fact");
        }
        txn.commit().expect("commit");
    }
    let (ok, policy, err) = peixun(&path, later, &["policy", "show"]);
    assert!(ok, "{err}");
    for line in [
        "unqualified_absences = 4",
        "official_leave_neutral = false",
        "lates_per_absence = 2",
        "[calendar]",
        "year_start = \"09-01\"",
        "roll_opens_minutes = 30",
        "late_approval = false",
    ] {
        assert!(policy.contains(line), "lacks {line}:\n{policy}");
    }
    let (ok, after, err) = peixun(&path, later, &["standings", "--json"]);
    assert!(ok, "{err}");
    assert_eq!(before, after, "the marks read the same after the upgrade");
    {
        let db = redb::Database::open(&path).expect("open");
        let r = db.begin_read().expect("read");
        let meta = r.open_table(META).expect("meta");
        let v = meta.get("schema").expect("get").expect("schema");
        assert_eq!(
            v.value(),
            peixun::store::SCHEMA_VERSION.to_le_bytes().as_slice()
        );
        let facts = r.open_table(FACTS).expect("facts");
        assert_eq!(facts.iter().expect("iter").count(), 1);
    }
    // The upgraded file takes the new marks.
    let (ok, _, err) = peixun(
        &path,
        "2025-09-11T09:05",
        &[
            "roll",
            "leave",
            "1",
            "T1",
            "--excused",
            "--reason",
            "学生急诊",
        ],
    );
    assert!(ok, "{err}");
    let (ok, _, err) = peixun(&path, later, &["check"]);
    assert!(ok, "check after the upgrade: {err}");
}
