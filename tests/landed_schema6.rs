//! The file written by the landed build 65a027b (schema 6, before issue
//! 25) opens in this build and reads as that build printed it, but for the
//! differences named here (each one a correction this build makes on
//! purpose). tests/landed.rs covers the files of schemas 2 and 5.
//!
//! tests/data/landed/<commit>/ holds the file, the script that made it
//! with that commit's binary (make.sh), and what that binary printed.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
/// The clock make.sh read the outputs at.
const READ_AT: &str = "2025-09-30T12:00";

fn landed(commit: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/landed")
        .join(commit)
}

/// A copy of the landed file in a temporary directory (the committed one
/// is never opened, since opening upgrades it).
fn copy_of(commit: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("school.redb");
    std::fs::copy(landed(commit).join("school.redb"), &path).expect("copy the landed file");
    (dir, path)
}

fn run(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("PEIXUN_NOW", READ_AT)
        .env_remove("PEIXUN_DB")
        .env("LANG", "C")
        .output()
        .expect("run peixun");
    assert!(
        out.status.success(),
        "peixun {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

fn saved(commit: &str, name: &str) -> String {
    std::fs::read_to_string(landed(commit).join(name)).expect("saved output")
}

/// The entry of `list` whose "id" is `id`.
fn by_id<'a>(list: &'a Value, id: &Value) -> &'a Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|v| &v["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {list}"))
}

/// Every field the old build printed reads the same now, but for the
/// `changed` (id, field, value now) ones; fields this build adds are not
/// compared.
fn same_but(old: &Value, new: &Value, changed: &[(&str, &str, Value)]) {
    for was in old.as_array().expect("a list") {
        let id = &was["id"];
        let now = by_id(new, id);
        for (field, value) in was.as_object().expect("an object") {
            let expected = changed
                .iter()
                .find(|(i, f, _)| id == &Value::from(*i) && f == field)
                .map(|(_, _, v)| v)
                .unwrap_or(value);
            assert_eq!(
                &now[field], expected,
                "{id} {field}: was {value}, expected {expected}"
            );
        }
    }
}

/// 65a027b (schema 6): T0005 was imported on 2025-09-15 from a roster
/// without a 入职日期 column, so that build stored no start date and counted
/// them absent at session 1 (2025-09-10), held before they were entered.
/// The upgrade gives them the day of their add entry in the history, so
/// session 1's roll is recorded without them; everything else reads the
/// same.
#[test]
fn the_file_of_65a027b_reads_the_same_but_for_the_teacher_without_a_start_date() {
    let (_dir, db) = copy_of("65a027b");

    let teachers = json(&run(&db, &["teacher", "list", "--json"]));
    same_but(
        &json(&saved("65a027b", "teachers.json")),
        &teachers,
        &[("T0005", "joined", Value::from("2025-09-15"))],
    );

    let sessions = json(&run(&db, &["session", "list", "--json"]));
    same_but(&json(&saved("65a027b", "sessions.json")), &sessions, &[]);

    let standings = json(&run(&db, &["standings", "--json"]));
    same_but(
        &json(&saved("65a027b", "standings.json")),
        &standings,
        &[
            ("T0005", "absent", Value::from(0)),
            ("T0005", "unexcused_absences", Value::from(0)),
            ("T0005", "year_unexcused_absences", Value::from(0)),
            ("T0005", "points", Value::from(2)),
        ],
    );

    // The history is kept as it was; the upgrade may only add to it.
    let history = run(&db, &["history"]);
    let old_history = saved("65a027b", "history.txt");
    for line in old_history.lines() {
        assert!(
            history.lines().any(|l| l == line),
            "history lost {line:?}:\n{history}"
        );
    }

    // Session 2's closed roll reads as it did; session 1's without T0005.
    assert_eq!(
        run(&db, &["roll", "status", "2"]),
        saved("65a027b", "roll2.txt")
    );
    let roll1 = run(&db, &["roll", "status", "1"]);
    let old_roll1 = saved("65a027b", "roll1.txt");
    let expected: String = old_roll1
        .lines()
        .filter(|l| !l.starts_with("T0005"))
        .map(|l| {
            l.replace("expected 5", "expected 4")
                .replace("absent 2", "absent 1")
                + "\n"
        })
        .collect();
    assert_eq!(roll1, expected);
}
