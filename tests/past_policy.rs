//! Issue 25: a policy change applies from the moment it is made. Closed
//! rolls keep the policy in effect when they closed, a posted term the one
//! in effect when it was posted; sessions closed later take the new one.
//! Only an explicit re-judgement by the office (`policy rejudge`, with a
//! reason, in the history) reaches back, and the posting then shows the
//! rows it changed as changed since published.

mod common;

use common::{Db, school, teacher};
use serde_json::Value;

fn json(db: &Db, now: &str, args: &[&str]) -> Value {
    serde_json::from_str(&db.ok(now, args)).expect("JSON")
}

fn row<'a>(rows: &'a Value, id: &str) -> &'a Value {
    rows.as_array()
        .expect("a list")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {rows}"))
}

/// Takes a whole roll at `session` on `day`: everyone in `present` answers
/// the first call; the rest are absent.
fn roll(db: &Db, session: &str, day: &str, present: &[&str]) {
    let mut first = vec!["roll", "first", session];
    first.extend_from_slice(present);
    db.ok(&format!("{day}T15:31"), &first);
    db.ok(&format!("{day}T15:36"), &["roll", "second", session]);
    db.ok(&format!("{day}T15:40"), &["roll", "end-second", session]);
    db.ok(&format!("{day}T16:30"), &["roll", "close", session]);
}

/// A policy that scores, credits and judges differently from the default
/// in every figure a closed roll or a posting shows.
const STRICT: &str = "unqualified_absences = 1\ncredits_per_year = 60\n\n\
[points]\nattend = 5\nabsent = -10\nlate = -4\n\n\
[credits]\nlate_percent = 25\n";

/// What the past looks like: the posted autumn's standings, both closed
/// rolls, and the autumn export.
fn the_past(db: &Db, now: &str, sessions: &[String]) -> (Value, Vec<Value>, String) {
    let term = json(db, now, &["standings", "--term", "2025-autumn", "--json"]);
    let rolls = sessions
        .iter()
        .map(|s| json(db, now, &["roll", "status", s, "--json"]))
        .collect();
    let out = db.file("autumn.csv");
    let path = out.to_string_lossy().into_owned();
    db.ok(
        now,
        &[
            "export",
            "standings",
            "--term",
            "2025-autumn",
            "--out",
            &path,
        ],
    );
    let csv = std::fs::read_to_string(&out).expect("the export");
    std::fs::remove_file(&out).expect("remove the export");
    (term, rolls, csv)
}

fn figures(rows: &Value, id: &str) -> (i64, f64, bool) {
    let r = row(rows, id);
    (
        r["points"].as_i64().expect("points"),
        r["credits"].as_f64().expect("credits"),
        r["qualified"].as_bool().expect("qualified"),
    )
}

/// What a posting keeps of each row, whatever day it is read.
fn kept(rows: &Value) -> Vec<String> {
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            [
                "id",
                "points",
                "credits",
                "qualified",
                "absent",
                "late",
                "reasons",
                "changed_since_published",
            ]
            .iter()
            .map(|k| r[k].to_string())
            .collect::<Vec<_>>()
            .join(" ")
        })
        .collect()
}

#[test]
fn a_policy_change_leaves_closed_rolls_and_posted_terms_as_they_were() {
    let db = Db::new();
    let s = school(&db, 3, &["2025-09-10", "2025-10-15"]);
    let (t1, t2, t3) = (teacher(1), teacher(2), teacher(3));
    roll(&db, &s[0], "2025-09-10", &[&t1]);
    // T3 arrives late at the second session.
    roll(&db, &s[1], "2025-10-15", &[&t1, &t2]);
    db.ok(
        "2025-10-15T16:35",
        &[
            "roll",
            "correct",
            &s[1],
            &t3,
            "--arrived",
            "15:50",
            "--reason",
            "补记迟到",
        ],
    );
    db.ok("2026-01-25T09:00", &["publish", "--term", "2025-autumn"]);
    db.ok(
        "2026-01-25T09:00",
        &["term", "add", "2025-spring", "2026-02-20", "2026-07-10"],
    );
    let spring = common::last_number(&db.ok(
        "2026-01-25T09:00",
        &[
            "session",
            "add",
            "2026-03-04",
            "15:30",
            "16:30",
            "Spring",
            "--credits",
            "2",
        ],
    ));
    let now = "2026-02-01T10:00";
    let before = the_past(&db, "2026-02-01T09:00", &s);
    assert_eq!(figures(&before.0, &t1), (4, 4.0, true), "{}", before.0);
    assert_eq!(figures(&before.0, &t2), (-1, 2.0, true), "{}", before.0);
    assert_eq!(figures(&before.0, &t3).0, -3 + 2 - 1, "{}", before.0);

    let policy = db.file("strict.toml");
    std::fs::write(&policy, STRICT).expect("write the policy");
    let policy = policy.to_string_lossy().into_owned();
    db.ok(now, &["policy", "set", &policy]);

    // The past reads as it did: standings, rolls and the export.
    let after = the_past(&db, "2026-02-01T11:00", &s);
    assert_eq!(after.0, before.0, "the posted term moved");
    assert_eq!(after.1, before.1, "a closed roll moved");
    assert_eq!(after.2, before.2, "the export moved");
    assert!(
        after
            .0
            .as_array()
            .expect("rows")
            .iter()
            .all(|r| r["changed_since_published"] == false),
        "{}",
        after.0
    );

    // The terminal app's teacher screen sums a record the same way.
    let (me, root) = peixun::app::os_user::account();
    let app = peixun::app::App::open(&db.path, &me, None, root).expect("open");
    let (_, lines, _) = app
        .record(&peixun::core::TeacherId(t1.clone()))
        .expect("record");
    let sum = app.record_tally(&lines).expect("sum");
    assert_eq!((sum.points, sum.credits.to_string()), (4, "4".into()));
    drop(app);

    // A session closed after the change is judged by the new policy.
    roll(&db, &spring, "2026-03-04", &[&t1]);
    let rows = json(
        &db,
        "2026-03-05T10:00",
        &["standings", "--term", "2025-spring", "--json"],
    );
    assert_eq!(figures(&rows, &t1), (5, 2.0, true), "{rows}");
    assert_eq!(figures(&rows, &t2).0, -10, "{rows}");
    // The year's running count is today's figure, under today's policy:
    // T2's one absence of the spring is the limit of the new policy.
    let year = json(
        &db,
        "2026-03-05T10:00",
        &["standings", "--year", "2025", "--json"],
    );
    assert_eq!(figures(&year, &t1).0, 4 + 5, "{year}");
    assert!(!figures(&year, &t2).2, "{year}");
    // ... and the autumn, posted, still says what it said.
    let autumn = json(
        &db,
        "2026-03-05T10:00",
        &["standings", "--term", "2025-autumn", "--json"],
    );
    assert_eq!(kept(&autumn), kept(&before.0));

    // The office re-judges the autumn under today's policy, with a reason.
    let refused = db.refused(
        None,
        "2026-03-06T10:00",
        &["policy", "rejudge", "--from", "2025-09-01"],
    );
    assert!(refused.contains("--reason"), "{refused}");
    let refused = db.refused(
        Some("teacher1"),
        "2026-03-06T10:00",
        &["policy", "rejudge", "--from", "2025-09-01", "--reason", "x"],
    );
    assert!(!refused.is_empty());
    // A day after the last change: nothing was judged under another policy.
    let args = [
        "policy",
        "rejudge",
        "--from",
        "2026-02-02",
        "--reason",
        "重评",
    ];
    let refused = db.refused(None, "2026-03-06T10:00", &args);
    assert!(refused.contains("nothing to re-judge"), "{refused}");
    let out = common::command_in("zh", &db.path, None, "2026-03-06T10:00", &args)
        .output()
        .expect("run");
    let zh = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && zh.contains("之后制度未曾更改,没有可重评的"),
        "{zh}"
    );
    db.ok(
        "2026-03-06T10:00",
        &[
            "policy",
            "rejudge",
            "--from",
            "2025-09-01",
            "--reason",
            "校务会决定按新制度重评",
        ],
    );
    let rows = json(
        &db,
        "2026-03-06T10:00",
        &["standings", "--term", "2025-autumn", "--json"],
    );
    assert_eq!(figures(&rows, &t1), (10, 4.0, true), "{rows}");
    assert_eq!(figures(&rows, &t3).0, -10 + 5 - 4, "{rows}");
    assert_eq!(row(&rows, &t3)["qualified"], false, "{rows}");
    assert_eq!(row(&rows, &t1)["changed_since_published"], true, "{rows}");
    let history = db.ok("2026-03-06T10:00", &["history", "--json"]);
    let entries: Value = serde_json::from_str(&history).expect("JSON");
    let list = entries.as_array().expect("entries");
    assert!(
        list.iter().any(|e| e.to_string().contains("policy.set")),
        "{history}"
    );
    let rejudged = list
        .iter()
        .find(|e| e.to_string().contains("policy.rejudge"))
        .unwrap_or_else(|| panic!("no policy.rejudge in {history}"));
    assert!(
        rejudged.to_string().contains("校务会决定按新制度重评"),
        "{rejudged}"
    );
}

/// Three teachers, two autumn sessions (T1 at both, T2 at the second),
/// both rolls closed, the autumn posted on 2026-01-25.
fn posted_school() -> (Db, Vec<String>) {
    let db = Db::new();
    let s = school(&db, 3, &["2025-09-10", "2025-10-15"]);
    let (t1, t2) = (teacher(1), teacher(2));
    roll(&db, &s[0], "2025-09-10", &[&t1]);
    roll(&db, &s[1], "2025-10-15", &[&t1, &t2]);
    db.ok("2026-01-25T09:00", &["publish", "--term", "2025-autumn"]);
    (db, s)
}

/// `policy set` to `STRICT` at `now`.
fn set_strict(db: &Db, now: &str) {
    let policy = db.file("strict.toml");
    std::fs::write(&policy, STRICT).expect("write the policy");
    let policy = policy.to_string_lossy().into_owned();
    db.ok(now, &["policy", "set", &policy]);
}

/// A policy set with the clock set back before the closings (a laptop
/// whose date was wrong, or someone who turned it back) takes effect only
/// after the last roll closed and the term's posting: the posted term,
/// the closed rolls and the export read as they did. Found by a review:
/// the first change took effect at the false clock's time.
#[test]
fn a_policy_set_with_the_clock_set_back_leaves_the_past() {
    let (db, s) = posted_school();
    let before = the_past(&db, "2026-02-01T09:00", &s);
    set_strict(&db, "2025-08-01T10:00");
    let after = the_past(&db, "2026-02-01T09:00", &s);
    assert_eq!(after.0, before.0, "the posted term moved");
    assert_eq!(after.1, before.1, "a closed roll moved");
    assert_eq!(after.2, before.2, "the export moved");
}

/// A term posted again after a policy change keeps the policy of its first
/// posting: the new posting records what the term then shows, nobody is
/// flagged, and the verdicts are those of before (found by a review: the
/// posting said 0 unqualified, the term read next said T2 不合格, flagged).
/// Only `policy rejudge` moves it.
#[test]
fn a_term_posted_again_after_a_policy_change_keeps_its_first_postings_policy() {
    let (db, s) = posted_school();
    let before = the_past(&db, "2026-02-03T09:00", &s);
    set_strict(&db, "2026-02-01T10:00");
    let said = db.ok("2026-02-02T10:00", &["publish", "--term", "2025-autumn"]);
    assert!(said.contains("0 unqualified"), "{said}");
    let after = the_past(&db, "2026-02-03T09:00", &s);
    assert_eq!(kept(&after.0), kept(&before.0), "the term moved");
    assert_eq!(after.1, before.1, "a closed roll moved");
}
