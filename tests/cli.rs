//! The command line end to end: the real `peixun` binary on a temporary
//! database, with the clock set per command through `PEIXUN_NOW`.
//!
//! These tests expect to run as root (as CI does): `peixun init` makes the
//! running account the training office, and `--as NAME` lets root act as the
//! leader, the school and the teachers set up with `peixun account set`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Barrier};
use tempfile::TempDir;

mod common;
use common::{LATER, SETUP, expect_ok, expect_refused, last_number, run_on, term_and_sessions};

/// A database file in its own temporary directory.
struct Db {
    dir: TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("peixun.redb");
        Db { dir, path }
    }

    /// A file of the given name beside the database (not created).
    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `peixun --db PATH --lang en [--as WHO] ARGS` at `now`.
    fn run_as(&self, who: Option<&str>, now: &str, args: &[&str]) -> Output {
        run_on(&self.path, who, now, args)
    }

    fn ok(&self, now: &str, args: &[&str]) -> String {
        expect_ok(self.run_as(None, now, args), args)
    }

    fn ok_as(&self, who: &str, now: &str, args: &[&str]) -> String {
        expect_ok(self.run_as(Some(who), now, args), args)
    }

    /// Runs a command that must be refused and change nothing; returns the
    /// one line it printed on stderr.
    fn refused(&self, who: Option<&str>, now: &str, args: &[&str]) -> String {
        let before = self.snapshot();
        let line = expect_refused(self.run_as(who, now, args), args);
        assert_eq!(
            before,
            self.snapshot(),
            "refused command {args:?} changed the database"
        );
        line
    }

    /// What a user can see of the whole database: the history, every
    /// session's roll and every leave request.
    fn snapshot(&self) -> String {
        let mut out = self.ok(LATER, &["history"]);
        out.push_str(&self.ok(LATER, &["leave", "list", "--all"]));
        let sessions = self.ok(LATER, &["session", "list"]);
        for line in sessions.lines().skip(1) {
            let id = line.split_whitespace().next().expect("session id");
            out.push_str(&self.ok(LATER, &["roll", "status", id]));
        }
        out
    }

    fn json(&self, now: &str, args: &[&str]) -> Vec<Value> {
        let out = self.ok(now, args);
        match serde_json::from_str(&out) {
            Ok(Value::Array(rows)) => rows,
            other => panic!("{args:?} printed no JSON array: {other:?}\n{out}"),
        }
    }
}

fn row<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no row for {id} in {rows:?}"))
}

/// What one teacher's standing should say.
#[derive(Debug, Default, Clone, Copy)]
struct Want {
    present: u64,
    late: u64,
    early_leave: u64,
    absent: u64,
    official_leave: u64,
    personal_leave: u64,
    sick_leave: u64,
    unexcused_absences: u64,
    credits: f64,
    points: i64,
    qualified: bool,
    warning: bool,
}

fn check(rows: &[Value], id: &str, want: Want) {
    let r = row(rows, id);
    let counts = [
        ("present", want.present),
        ("late", want.late),
        ("early_leave", want.early_leave),
        ("absent", want.absent),
        ("official_leave", want.official_leave),
        ("personal_leave", want.personal_leave),
        ("sick_leave", want.sick_leave),
        ("unexcused_absences", want.unexcused_absences),
    ];
    for (field, n) in counts {
        assert_eq!(r[field].as_u64(), Some(n), "{id} {field} in {r}");
    }
    let credits = r["credits"].as_f64().expect("credits");
    assert!(
        (credits - want.credits).abs() < 1e-9,
        "{id} credits {credits}, want {} in {r}",
        want.credits
    );
    assert_eq!(
        r["points"].as_i64(),
        Some(want.points),
        "{id} points in {r}"
    );
    assert_eq!(
        r["qualified"].as_bool(),
        Some(want.qualified),
        "{id} qualified in {r}"
    );
    assert_eq!(
        r["warning"].as_bool(),
        Some(want.warning),
        "{id} warning in {r}"
    );
    let reasons = r["reasons"].as_array().expect("reasons");
    assert_eq!(
        reasons.is_empty(),
        want.qualified,
        "{id}: an unqualified teacher needs a reason, a qualified one none: {r}"
    );
}

/// init, a roster, the autumn term and one session per date (15:30–16:30,
/// 2 credits each). Returns the session ids.
fn school(db: &Db, teachers: &[(&str, &str, &str)], dates: &[&str]) -> Vec<String> {
    let out = db.ok(SETUP, &["init"]);
    assert!(out.contains("created"), "{out}");
    for (id, name, group) in teachers {
        db.ok(SETUP, &["teacher", "add", id, name, group]);
    }
    term_and_sessions(|args| db.ok(SETUP, args), dates)
}

const FIVE: &[(&str, &str, &str)] = &[
    ("T0001", "张三", "语文"),
    ("T0002", "曾小红", "数学"),
    ("T0003", "李四", "英语"),
    ("T0004", "王五", "物理"),
    ("T0005", "赵六", "化学"),
];

// ---------------------------------------------------------------------------
// 1. A whole term
// ---------------------------------------------------------------------------

/// Five teachers over three sessions:
///
/// | teacher | session 1 | session 2 | session 3 |
/// | --- | --- | --- | --- |
/// | T0001 张三 | first call, left 16:10: early leave | first call | official leave |
/// | T0002 曾小红 | second call | arrived 15:45: late | missing; emergency sick leave after the fact |
/// | T0003 李四 | personal leave | second call | arrived 15:50, left 16:20: late and early |
/// | T0004 王五 | missing | pending leave: absent | missing |
/// | T0005 赵六 | withdrawn leave: absent | rejected leave: absent | first call |
#[test]
fn a_whole_term() {
    let db = Db::new();
    let s = school(&db, FIVE, &["2025-09-10", "2025-09-17", "2025-09-24"]);
    let (s1, s2, s3) = (s[0].as_str(), s[1].as_str(), s[2].as_str());
    assert_eq!([s1, s2, s3], ["1", "2", "3"]);
    db.ok(
        "2025-08-25T09:05",
        &["account", "set", "leader1", "--roles", "leader"],
    );
    db.ok(
        "2025-08-25T09:05",
        &["account", "set", "principal", "--roles", "school"],
    );

    // Lookup by pinyin, initials, and both readings of 曾.
    for (query, id) in [
        ("zs", "T0001"),
        ("zhangsan", "T0001"),
        ("张三", "T0001"),
        ("ceng", "T0002"),
        ("zeng", "T0002"),
        ("zxh", "T0002"),
        ("ls", "T0003"),
    ] {
        let rows = db.json("2025-08-26T09:00", &["lookup", query, "--json"]);
        let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
        assert_eq!(ids, [id], "lookup {query}");
    }
    let no_one = expect_refused(
        db.run_as(None, "2025-08-26T09:00", &["lookup", "xyz"]),
        &["lookup", "xyz"],
    );
    assert!(no_one.contains("xyz"), "{no_one}");

    // Leave asked for before the sessions.
    let ask = "2025-09-05T10:00";
    let personal = |teacher: &str, session: &str| {
        let out = db.ok(
            ask,
            &[
                "leave",
                "request",
                teacher,
                "personal",
                "--sessions",
                session,
                "--reason",
                "家中有事",
                "--note",
            ],
        );
        last_number(&out)
    };
    let l_t3 = personal("T0003", s1);
    let l_t5_withdrawn = personal("T0005", s1);
    let l_t4_pending = personal("T0004", s2);
    let l_t5_rejected = personal("T0005", s2);
    let l_t1_official = last_number(&db.ok(
        ask,
        &[
            "leave",
            "request",
            "T0001",
            "official",
            "--from",
            "2025-09-24",
            "--reason",
            "区教研活动",
        ],
    ));
    db.ok_as("leader1", "2025-09-06T08:00", &["leave", "approve", &l_t3]);
    db.ok("2025-09-08T08:00", &["leave", "withdraw", &l_t5_withdrawn]);
    db.ok_as(
        "leader1",
        "2025-09-12T08:00",
        &[
            "leave",
            "reject",
            &l_t5_rejected,
            "--comment",
            "教学检查不能请假",
        ],
    );
    db.ok_as(
        "principal",
        "2025-09-20T08:00",
        &["leave", "approve", &l_t1_official],
    );
    let pending = db.ok("2025-09-16T08:00", &["leave", "list"]);
    assert!(
        pending.lines().skip(1).count() == 1 && pending.contains("T0004"),
        "only T0004's request is still pending:\n{pending}"
    );
    // Once session 2 has started it has lapsed (issue 14: personal leave is
    // decided before the session, 篇4/7/10), shown among the decided.
    let lapsed = db.ok("2025-09-20T08:00", &["leave", "list", "--decided"]);
    assert!(
        lapsed
            .lines()
            .any(|l| l.contains("T0004") && l.contains("expired")),
        "T0004's request lapsed:\n{lapsed}"
    );

    // Session 1.
    db.ok("2025-09-10T15:31", &["roll", "first", s1, "T0001"]);
    db.ok("2025-09-10T15:36", &["roll", "second", s1, "zxh"]);
    let status = db.ok("2025-09-10T15:40", &["roll", "status", s1]);
    assert!(
        status.contains("present 2")
            && status.contains("on leave 1")
            && status.contains("missing 2"),
        "{status}"
    );
    db.ok(
        "2025-09-10T16:10",
        &["roll", "leave", s1, "T0001", "--at", "16:10"],
    );
    let closed = db.ok("2025-09-10T16:30", &["roll", "close", s1]);
    assert!(
        closed.contains("T0004") && closed.contains("T0005") && !closed.contains("T0003"),
        "session 1 absent: T0004 and T0005, not T0003 on leave: {closed}"
    );

    // Session 2.
    db.ok("2025-09-17T15:31", &["roll", "first", s2, "T0001"]);
    db.ok("2025-09-17T15:36", &["roll", "second", s2, "T0003"]);
    db.ok("2025-09-17T15:40", &["roll", "end-second", s2]);
    db.ok(
        "2025-09-17T15:46",
        &["roll", "arrive", s2, "T0002", "--at", "15:45"],
    );
    let status = db.ok("2025-09-17T16:00", &["roll", "status", s2]);
    let t4 = status
        .lines()
        .find(|l| l.starts_with("T0004"))
        .unwrap_or("");
    assert!(
        t4.contains("personal pending"),
        "T0004's request {l_t4_pending} shows as pending at the roll:\n{status}"
    );
    let closed = db.ok("2025-09-17T16:30", &["roll", "close", s2]);
    assert!(
        closed.contains("T0004") && closed.contains("T0005") && !closed.contains("T0002"),
        "session 2 absent: T0004 (pending) and T0005 (rejected): {closed}"
    );

    // Session 3.
    db.ok("2025-09-24T15:31", &["roll", "first", s3, "T0005"]);
    db.ok("2025-09-24T15:36", &["roll", "second", s3]);
    db.ok(
        "2025-09-24T15:51",
        &["roll", "arrive", s3, "T0003", "--at", "15:50"],
    );
    db.ok(
        "2025-09-24T16:20",
        &["roll", "leave", s3, "T0003", "--at", "16:20"],
    );
    let closed = db.ok("2025-09-24T16:30", &["roll", "close", s3]);
    assert!(
        closed.contains("T0002") && closed.contains("T0004") && !closed.contains("T0001"),
        "session 3 absent: T0002 and T0004, not T0001 on official leave: {closed}"
    );

    let term = ["standings", "--term", "2025-autumn", "--json"];
    let rows = db.json("2025-09-24T17:00", &term);
    check(
        &rows,
        "T0002",
        Want {
            present: 1,
            late: 1,
            absent: 1,
            unexcused_absences: 1,
            credits: 4.0,
            points: 2 + 1 - 3,
            qualified: true,
            ..Want::default()
        },
    );

    // Emergency sick leave, asked for and approved after the session.
    let l_t2_sick = last_number(&db.ok(
        "2025-09-25T08:00",
        &[
            "leave",
            "request",
            "曾小红",
            "sick",
            "--sessions",
            s3,
            "--reason",
            "急诊",
            "--certificate",
            "--emergency",
        ],
    ));
    db.ok_as(
        "principal",
        "2025-09-25T10:00",
        &["leave", "approve", &l_t2_sick],
    );

    let rows = db.json("2025-09-26T09:00", &term);
    assert_eq!(rows.len(), 5, "{rows:?}");
    check(
        &rows,
        "T0001",
        Want {
            present: 1,
            early_leave: 1,
            official_leave: 1,
            credits: 1.0 + 2.0,
            points: (2 - 1) + 2,
            qualified: true,
            ..Want::default()
        },
    );
    let t2 = Want {
        present: 1,
        late: 1,
        sick_leave: 1,
        credits: 2.0 + 2.0,
        points: 2 + 1,
        qualified: true,
        ..Want::default()
    };
    check(&rows, "T0002", t2);
    check(
        &rows,
        "T0003",
        Want {
            present: 1,
            late: 1,
            early_leave: 1,
            personal_leave: 1,
            credits: 2.0 + 1.0,
            points: 2,
            qualified: true,
            ..Want::default()
        },
    );
    check(
        &rows,
        "T0004",
        Want {
            absent: 3,
            unexcused_absences: 3,
            points: -9,
            qualified: false,
            ..Want::default()
        },
    );
    check(
        &rows,
        "T0005",
        Want {
            present: 1,
            absent: 2,
            unexcused_absences: 2,
            credits: 2.0,
            points: -3 - 3 + 2,
            qualified: true,
            warning: true,
            ..Want::default()
        },
    );

    // The academic year has only this term so far: the same counts.
    let year = db.json(
        "2025-09-26T09:00",
        &["standings", "--year", "2025", "--json"],
    );
    check(&year, "T0002", t2);
    assert_eq!(row(&year, "T0004")["qualified"], false);

    // Lookup shows the same standing as the table.
    for query in ["zs", "zhangsan", "ceng", "zeng", "T0004"] {
        let found = db.json(
            "2025-09-26T09:00",
            &["lookup", query, "--term", "2025-autumn", "--json"],
        );
        assert_eq!(found.len(), 1, "lookup {query}: {found:?}");
        let id = found[0]["id"].as_str().expect("id");
        // A lookup row is the standings row and how the query matched.
        let mut shown = found[0].clone();
        assert!(shown["match"].is_string(), "lookup {query}: {shown}");
        if let Some(m) = shown.as_object_mut() {
            m.remove("match");
        }
        assert_eq!(&shown, row(&rows, id), "lookup {query}");
    }
    let found = db.json(
        "2025-09-26T09:00",
        &["lookup", "zeng", "--term", "2025-autumn", "--json"],
    );
    check(&found, "T0002", t2);

    // The leave decisions are in the history with who made them.
    let history = db.ok(LATER, &["history", "--teacher", "T0002", "--json"]);
    assert!(
        history.contains("leave.approve") && history.contains("principal"),
        "{history}"
    );
}

// ---------------------------------------------------------------------------
// 2. Steps out of order
// ---------------------------------------------------------------------------

#[test]
fn steps_out_of_order_are_refused_and_change_nothing() {
    let db = Db::new();
    let s = school(&db, FIVE, &["2025-09-10", "2025-09-17"]);
    let (s1, s2) = (s[0].as_str(), s[1].as_str());
    db.ok(
        "2025-08-25T09:05",
        &["account", "set", "leader1", "--roles", "leader"],
    );
    let at = "2025-09-10T15:35";

    // The second call before the first.
    let e = db.refused(None, at, &["roll", "second", s1, "T0001"]);
    assert!(e.contains("second call"), "{e}");
    let e = db.refused(None, at, &["roll", "second", s1]);
    assert!(e.contains("second call"), "{e}");
    // Closing before any call.
    db.refused(None, at, &["roll", "close", s1]);

    // A late arrival before the second call.
    db.ok(at, &["roll", "first", s1, "T0001", "T0002"]);
    let e = db.refused(None, at, &["roll", "arrive", s1, "T0003", "--at", "15:40"]);
    assert!(e.contains("late arrival"), "{e}");
    // Marking the same teacher twice, even inside a longer list.
    db.refused(None, at, &["roll", "first", s1, "T0003", "T0001"]);
    // An early leave of someone never seen.
    db.refused(None, at, &["roll", "leave", s1, "T0003", "--at", "16:00"]);

    // Closing twice.
    db.ok(at, &["roll", "second", s1, "T0003"]);
    let closed = db.ok("2025-09-10T16:30", &["roll", "close", s1]);
    assert!(
        closed.contains("T0004") && closed.contains("T0005"),
        "{closed}"
    );
    let e = db.refused(None, "2025-09-10T16:31", &["roll", "close", s1]);
    assert!(e.contains("close"), "{e}");
    // Nor any further mark on a closed roll.
    db.refused(None, "2025-09-10T16:31", &["roll", "first", s1, "T0004"]);
    db.refused(
        None,
        "2025-09-10T16:31",
        &["roll", "arrive", s1, "T0004", "--at", "16:00"],
    );
    db.refused(None, "2025-09-10T16:31", &["roll", "undo", s1]);

    // Approving (or rejecting) a withdrawn leave.
    let id = last_number(&db.ok(
        "2025-09-12T08:00",
        &[
            "leave",
            "request",
            "T0001",
            "personal",
            "--sessions",
            s2,
            "--reason",
            "家中有事",
            "--note",
        ],
    ));
    db.ok("2025-09-13T08:00", &["leave", "withdraw", &id]);
    let e = db.refused(
        Some("leader1"),
        "2025-09-14T08:00",
        &["leave", "approve", &id],
    );
    assert!(e.to_lowercase().contains("withdrawn"), "{e}");
    db.refused(
        Some("leader1"),
        "2025-09-14T08:00",
        &["leave", "reject", &id, "--comment", "no"],
    );
    db.refused(None, "2025-09-14T08:00", &["leave", "withdraw", &id]);
    // Personal leave asked for after the session has started.
    let e = db.refused(
        None,
        "2025-09-17T15:40",
        &[
            "leave",
            "request",
            "T0002",
            "personal",
            "--sessions",
            s2,
            "--reason",
            "忘了",
            "--note",
        ],
    );
    assert!(e.contains("emergency"), "{e}");

    // Unknown teacher, unknown session, unknown leave.
    let e = db.refused(None, "2025-09-17T15:31", &["roll", "first", s2, "T9999"]);
    assert!(e.contains("T9999"), "{e}");
    // One unknown teacher in a list: nobody of the list is marked.
    let e = db.refused(
        None,
        "2025-09-17T15:31",
        &["roll", "first", s2, "T0001", "T9999"],
    );
    assert!(e.contains("T9999"), "{e}");
    db.refused(
        None,
        "2025-09-17T15:31",
        &[
            "leave",
            "request",
            "T9999",
            "personal",
            "--sessions",
            s2,
            "--reason",
            "x",
            "--note",
        ],
    );
    let e = db.refused(None, "2025-09-17T15:31", &["roll", "first", "99", "T0001"]);
    assert!(e.contains("99"), "{e}");
    db.refused(None, "2025-09-17T15:31", &["roll", "status", "99"]);
    db.refused(
        None,
        "2025-09-12T08:00",
        &[
            "leave",
            "request",
            "T0001",
            "personal",
            "--sessions",
            "99",
            "--reason",
            "x",
            "--note",
        ],
    );
    db.refused(
        Some("leader1"),
        "2025-09-14T08:00",
        &["leave", "approve", "77"],
    );

    // A date that does not exist.
    for args in [
        &["session", "add", "2025-13-40", "15:30", "16:30", "Bad"][..],
        &["term", "add", "2026-spring", "2026-02-20", "2025-13-40"][..],
        &[
            "leave",
            "request",
            "T0001",
            "personal",
            "--from",
            "2025-13-40",
            "--reason",
            "x",
            "--note",
        ][..],
        &[
            "teacher",
            "add",
            "T0009",
            "钱七",
            "语文",
            "--from",
            "2025-13-40",
        ][..],
    ] {
        let e = db.refused(None, "2025-09-12T08:00", args);
        assert!(e.contains("2025-13-40"), "{args:?}: {e}");
    }
    // A time that does not exist, and one outside the session.
    db.ok("2025-09-17T15:31", &["roll", "first", s2, "T0001"]);
    db.ok("2025-09-17T15:36", &["roll", "second", s2]);
    db.refused(
        None,
        "2025-09-17T15:41",
        &["roll", "arrive", s2, "T0002", "--at", "25:61"],
    );
    db.refused(
        None,
        "2025-09-17T15:41",
        &["roll", "arrive", s2, "T0002", "--at", "17:00"],
    );
}

// ---------------------------------------------------------------------------
// 3. Two processes marking one session at the same moment
// ---------------------------------------------------------------------------

#[test]
fn concurrent_marks_are_all_kept() {
    const PER_PROCESS: usize = 20;
    const PROCESSES: usize = 2;
    let db = Db::new();
    let roster: Vec<(String, String)> = (1..=PER_PROCESS * PROCESSES)
        .map(|i| (format!("T{i:04}"), format!("教师{i}")))
        .collect();
    let teachers: Vec<(&str, &str, &str)> = roster
        .iter()
        .map(|(id, name)| (id.as_str(), name.as_str(), "语文"))
        .collect();
    let s = school(&db, &teachers, &["2025-09-10"]);
    let s1 = s[0].clone();

    let start = Arc::new(Barrier::new(PROCESSES));
    let workers: Vec<_> = (0..PROCESSES)
        .map(|p| {
            let start = Arc::clone(&start);
            let path = db.path.clone();
            let s1 = s1.clone();
            let mine: Vec<String> = roster
                .iter()
                .skip(p)
                .step_by(PROCESSES)
                .map(|(id, _)| id.clone())
                .collect();
            std::thread::spawn(move || {
                start.wait();
                for t in &mine {
                    let args = ["roll", "first", s1.as_str(), t.as_str()];
                    let out = run_on(&path, None, "2025-09-10T15:31", &args);
                    expect_ok(out, &args);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("a marking loop failed");
    }

    let total = PER_PROCESS * PROCESSES;
    let status = db.ok(LATER, &["roll", "status", &s1]);
    assert!(
        status.contains(&format!("expected {total}"))
            && status.contains(&format!("present {total}")),
        "every teacher should be present:\n{status}"
    );
    for (id, _) in &roster {
        let line = status
            .lines()
            .find(|l| l.starts_with(id.as_str()))
            .unwrap_or_else(|| panic!("{id} missing from roll status:\n{status}"));
        assert!(line.contains("present"), "{line}");
    }
    let history = db.ok(LATER, &["history", "--session", &s1, "--json"]);
    let marks = history
        .lines()
        .filter(|l| l.contains("roll.first_call"))
        .count();
    assert_eq!(marks, total, "one history entry per mark:\n{history}");
    // Nothing was lost or doubled in the sequence numbers either.
    let all = db.ok(LATER, &["history"]);
    let seqs: Vec<u64> = all
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect();
    let want: Vec<u64> = (1..=seqs.len() as u64).collect();
    assert_eq!(seqs, want, "history sequence has gaps or repeats");
}

// ---------------------------------------------------------------------------
// 4. Files that are not ours, or are newer than us
// ---------------------------------------------------------------------------

/// Commands that read, that write, and that create; each must refuse `path`
/// with a message containing `says` and leave it byte for byte unchanged.
fn refuses_file(path: &Path, says: &str) {
    let before = std::fs::read(path).expect("read file");
    let commands: &[&[&str]] = &[
        &["standings"],
        &["whoami"],
        &["roll", "status", "1"],
        &["teacher", "add", "T0009", "钱七", "语文"],
        &["roll", "first", "1", "T0001"],
    ];
    for args in commands {
        let line = expect_refused(run_on(path, None, "2025-09-10T15:31", args), args);
        assert!(
            line.contains(says),
            "{args:?} on {}: {line:?} should say {says:?}",
            path.display()
        );
        assert!(
            line.contains(&path.display().to_string()),
            "{args:?}: the message should name the file: {line}"
        );
        assert!(
            std::fs::read(path).expect("read file") == before,
            "{args:?} changed {}",
            path.display()
        );
    }
    // Nor does `init` overwrite it.
    let line = expect_refused(run_on(path, None, "2025-09-10T15:31", &["init"]), &["init"]);
    assert!(line.contains("exists"), "{line}");
    assert!(
        std::fs::read(path).expect("read file") == before,
        "init changed {}",
        path.display()
    );
}

fn multi_writer() -> redb::Builder {
    let mut b = redb::Builder::new();
    b.set_concurrency_mode(redb::ConcurrencyMode::MultiWriter);
    b
}

#[test]
fn a_newer_database_is_refused_and_left_alone() {
    let db = Db::new();
    school(&db, FIVE, &["2025-09-10"]);
    {
        let rdb = multi_writer().open(&db.path).expect("open with redb");
        let txn = rdb.begin_write().expect("write");
        {
            let mut meta = txn
                .open_table(peixun::store::tables::META)
                .expect("meta table");
            let newer = peixun::store::SCHEMA_VERSION + 1;
            meta.insert("schema", newer.to_le_bytes().as_slice())
                .expect("insert");
        }
        txn.commit().expect("commit");
    }
    refuses_file(&db.path, "newer");
}

#[test]
fn a_text_file_is_refused_and_left_alone() {
    let db = Db::new();
    let notes = db.file("notes.txt");
    std::fs::write(&notes, "周三业务学习 15:30\n张三 李四 王五\n").expect("write");
    refuses_file(&notes, "not a peixun database");
    let empty = db.file("empty");
    std::fs::write(&empty, "").expect("write");
    refuses_file(&empty, "not a peixun database");
}

#[test]
fn another_redb_database_is_refused_and_left_alone() {
    let db = Db::new();
    let other = db.file("other.redb");
    {
        let rdb = multi_writer().create(&other).expect("create with redb");
        let txn = rdb.begin_write().expect("write");
        {
            let table: redb::TableDefinition<&str, &str> = redb::TableDefinition::new("notes");
            let mut t = txn.open_table(table).expect("table");
            t.insert("张三", "语文组").expect("insert");
        }
        txn.commit().expect("commit");
    }
    refuses_file(&other, "not a peixun one");
}

/// Copies `path` while a redb writer holds it open, which leaves the copy as
/// a crashed writer would: it needs a repair before anyone can read it.
fn crashed_copy(path: &Path, to: &Path) {
    let rdb = multi_writer().open(path).expect("open with redb");
    let txn = rdb.begin_write().expect("write");
    {
        let table: redb::TableDefinition<&str, &str> = redb::TableDefinition::new("scratch");
        let mut t = txn.open_table(table).expect("table");
        t.insert("writer", "alive").expect("insert");
    }
    txn.commit().expect("commit");
    std::fs::copy(path, to).expect("copy");
    drop(rdb);
    assert!(
        matches!(
            multi_writer().open_read_only(to),
            Err(redb::DatabaseError::RepairAborted)
        ),
        "the copy should need a repair"
    );
}

#[test]
fn a_crashed_file_that_is_not_ours_is_not_repaired() {
    let db = Db::new();
    school(&db, FIVE, &["2025-09-10"]);
    {
        let rdb = multi_writer().open(&db.path).expect("open with redb");
        let txn = rdb.begin_write().expect("write");
        {
            let mut meta = txn
                .open_table(peixun::store::tables::META)
                .expect("meta table");
            let newer = peixun::store::SCHEMA_VERSION + 1;
            meta.insert("schema", newer.to_le_bytes().as_slice())
                .expect("insert");
        }
        txn.commit().expect("commit");
    }
    let newer = db.file("newer-crashed.redb");
    crashed_copy(&db.path, &newer);
    refuses_file(&newer, "newer");

    let other = db.file("other.redb");
    multi_writer().create(&other).expect("create with redb");
    let crashed = db.file("other-crashed.redb");
    crashed_copy(&other, &crashed);
    refuses_file(&crashed, "not a peixun one");

    // The checks leave no copies behind.
    let names: Vec<String> = std::fs::read_dir(db.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let mut want = vec![
        "newer-crashed.redb",
        "other-crashed.redb",
        "other.redb",
        "peixun.redb",
    ];
    let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
    names.sort_unstable();
    want.sort_unstable();
    assert_eq!(names, want);
}

#[test]
fn a_crashed_peixun_file_is_repaired_and_used() {
    let db = Db::new();
    school(&db, FIVE, &["2025-09-10"]);
    let crashed = db.file("crashed.redb");
    crashed_copy(&db.path, &crashed);
    let out = expect_ok(
        run_on(&crashed, None, LATER, &["teacher", "list"]),
        &["teacher", "list"],
    );
    assert!(out.contains("T0005") && out.contains("赵六"), "{out}");
    expect_ok(
        run_on(
            &crashed,
            None,
            LATER,
            &["teacher", "add", "T0006", "钱七", "语文"],
        ),
        &["teacher", "add"],
    );
    let out = expect_ok(
        run_on(&crashed, None, LATER, &["teacher", "list"]),
        &["teacher", "list"],
    );
    assert!(out.contains("T0006"), "{out}");
}

// ---------------------------------------------------------------------------
// 5. Permissions
// ---------------------------------------------------------------------------

#[test]
fn roles_decide_who_may_do_what() {
    let db = Db::new();
    // Session 2: a teacher has one open request per session (issue 26), so
    // their sick leave asks for another one than their personal leave.
    let s = school(&db, FIVE, &["2025-09-10", "2025-09-11"]);
    let (s1, s2) = (s[0].as_str(), s[1].as_str());
    let set = "2025-08-25T09:05";
    db.ok(set, &["account", "set", "leader1", "--roles", "leader"]);
    db.ok(set, &["account", "set", "principal", "--roles", "school"]);
    db.ok(
        set,
        &[
            "account",
            "set",
            "zhang",
            "--roles",
            "teacher",
            "--teacher",
            "T0001",
        ],
    );
    // A leader who is also a teacher.
    db.ok(
        set,
        &[
            "account",
            "set",
            "zeng",
            "--roles",
            "leader,teacher",
            "--teacher",
            "T0002",
        ],
    );

    let ask = "2025-09-05T10:00";
    let request_for = |who: &str, teacher: &str, kind: &str, proof: &str, session: &str| {
        last_number(&db.ok_as(
            who,
            ask,
            &[
                "leave",
                "request",
                teacher,
                kind,
                "--sessions",
                session,
                "--reason",
                "有事",
                proof,
            ],
        ))
    };
    let request = |who: &str, teacher: &str, kind: &str, proof: &str| {
        request_for(who, teacher, kind, proof, s1)
    };
    // A teacher may ask for their own leave, not for someone else's.
    let own_personal = request("zhang", "T0001", "personal", "--note");
    let own_sick = request_for("zhang", "T0001", "sick", "--certificate", s2);
    let e = db.refused(
        Some("zhang"),
        ask,
        &[
            "leave",
            "request",
            "T0003",
            "personal",
            "--sessions",
            s1,
            "--reason",
            "x",
            "--note",
        ],
    );
    assert!(e.contains("training office"), "{e}");
    let leader_own = request("zeng", "T0002", "personal", "--note");
    let other = request("root", "T0003", "personal", "--note");

    let decide = "2025-09-06T08:00";
    // A teacher account decides no leave, their own included.
    for id in [&own_personal, &other, &leader_own] {
        let e = db.refused(Some("zhang"), decide, &["leave", "approve", id]);
        assert!(e.contains("leadership group leader"), "{e}");
        assert!(e.contains("nothing was changed"), "{e}");
        let e = db.refused(
            Some("zhang"),
            decide,
            &["leave", "reject", id, "--comment", "x"],
        );
        assert!(e.contains("leadership group leader"), "{e}");
    }
    let e = db.refused(Some("zhang"), decide, &["leave", "approve", &own_sick]);
    assert!(e.contains("school"), "{e}");
    // A leader does not decide their own leave either.
    let e = db.refused(Some("zeng"), decide, &["leave", "approve", &leader_own]);
    assert!(e.contains("own leave"), "{e}");
    // The leader decides personal leave, not sick leave.
    let e = db.refused(Some("leader1"), decide, &["leave", "approve", &own_sick]);
    assert!(e.contains("school"), "{e}");

    // A leader does not take roll; nor does a teacher, for themselves.
    let roll = "2025-09-10T15:31";
    for args in [
        &["roll", "first", s1, "T0003"][..],
        &["roll", "first", s1][..],
        &["roll", "correct", s1, "T0003", "--first", "--reason", "x"][..],
    ] {
        let e = db.refused(Some("leader1"), roll, args);
        assert!(e.contains("training office"), "{args:?}: {e}");
    }
    let e = db.refused(Some("zhang"), roll, &["roll", "first", s1, "T0001"]);
    assert!(e.contains("training office"), "{e}");
    let e = db.refused(
        Some("zhang"),
        roll,
        &["teacher", "add", "T0009", "钱七", "语文"],
    );
    assert!(e.contains("training office"), "{e}");
    let e = db.refused(
        Some("leader1"),
        roll,
        &["account", "set", "leader1", "--roles", "office"],
    );
    assert!(e.contains("training office"), "{e}");
    // Someone with no account at all.
    let e = db.refused(Some("stranger"), roll, &["standings"]);
    assert!(e.contains("stranger"), "{e}");

    // A teacher's own request starts without evidence: only the office
    // records that a paper was received.
    let e = db.refused(Some("zeng"), decide, &["leave", "approve", &own_personal]);
    assert!(e.contains("leave note"), "{e}");
    for (id, paper) in [
        (&own_personal, "--note"),
        (&leader_own, "--note"),
        (&own_sick, "--certificate"),
    ] {
        db.ok_as("root", decide, &["leave", "evidence", id, paper]);
    }
    // The refusals were about roles: the right accounts may do these.
    db.ok_as("zeng", decide, &["leave", "approve", &own_personal]);
    db.ok_as("leader1", decide, &["leave", "approve", &leader_own]);
    db.ok_as("principal", decide, &["leave", "approve", &own_sick]);
    db.ok_as(
        "leader1",
        decide,
        &["leave", "reject", &other, "--comment", "不批"],
    );
    let decided = db.ok(LATER, &["leave", "list", "--decided"]);
    assert_eq!(decided.lines().skip(1).count(), 4, "{decided}");

    // A teacher sees only their own standing.
    let mine = db
        .run_as(Some("zhang"), LATER, &["standings", "--json"])
        .stdout;
    let mine: Vec<Value> = serde_json::from_slice(&mine).expect("json");
    let ids: Vec<&str> = mine.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["T0001"]);
}
