//! The annual assessment run to its end through the real binary (issue
//! 20): postings that notice every change, closing a year, the review
//! deadline, credit entries that can be withdrawn, rejected, revoked and
//! removed, plausibility, a reviewer for every entry with refusals that say
//! who acts next, the conversation kept, the credit warning, the term or
//! year every command is for, and nonsense refused.
//!
//! Like tests/cli.rs these run as root: `init` makes root the office and
//! `--as NAME` acts as the accounts `school` sets up.

mod common;

use common::{Db, command_in, expect_ok};
use serde_json::Value;

const SETUP: &str = "2025-08-25T09:00";
/// During the autumn term, after its session.
const NOV: &str = "2025-11-20T10:00";
/// Between the terms: autumn has ended, spring has not begun.
const WINTER: &str = "2026-01-25T10:00";
/// After the spring term (and the year) ended, before its review deadline.
const JULY: &str = "2026-07-20T10:00";
/// Long after the year: no 2026 autumn term is recorded.
const SEPT: &str = "2026-09-05T10:00";

/// Two terms of 2025–2026, teachers T1 and T3 (语文) and T2 (数学), one
/// 2-credit session per term everyone attended, T1 on official leave for a
/// third. Accounts: t1 and t2 (teachers), zhang (语文 group leader, teacher
/// T3), team (assessment team), school. 数学 has no group leader.
fn school() -> Db {
    let db = Db::new();
    db.ok(SETUP, &["init"]);
    for (id, name, group) in [
        ("T1", "王芳", "语文"),
        ("T2", "李强", "数学"),
        ("T3", "张伟", "语文"),
    ] {
        db.ok(SETUP, &["teacher", "add", id, name, group]);
    }
    db.ok(
        SETUP,
        &["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"],
    );
    db.ok(
        SETUP,
        &["term", "add", "2025-spring", "2026-02-20", "2026-07-10"],
    );
    for (name, roles, teacher) in [
        ("t1", "teacher", Some("T1")),
        ("t2", "teacher", Some("T2")),
        ("zhang", "teacher,group_leader", Some("T3")),
        ("team", "assessment", None),
        ("school", "school", None),
    ] {
        let mut args = vec!["account", "set", name, "--roles", roles];
        if let Some(t) = teacher {
            args.extend(["--teacher", t]);
        }
        db.ok(SETUP, &args);
    }
    common::add_sessions(&db, &["2025-09-10", "2026-03-10", "2025-10-10"], "2");
    db.ok(
        SETUP,
        &[
            "leave",
            "request",
            "T1",
            "official",
            "--sessions",
            "3",
            "--reason",
            "外出监考",
        ],
    );
    db.ok_as("school", SETUP, &["leave", "approve", "1"]);
    common::close_rolls(
        &db,
        &[
            ("1", "2025-09-10T15:31", "T1 T2 T3"),
            ("3", "2025-10-10T15:31", "T2 T3"),
            ("2", "2026-03-10T15:31", "T1 T2 T3"),
        ],
    );
    db
}

/// Registers an entry of `teacher` as `who` (None: the office).
fn add(
    db: &Db,
    who: Option<&str>,
    now: &str,
    teacher: &str,
    date: &str,
    credits: &str,
    card: &str,
) -> std::process::Output {
    db.run(
        who,
        now,
        &[
            "credit",
            "add",
            teacher,
            "--date",
            date,
            "--title",
            "县级培训",
            "--credits",
            credits,
            "--card",
            card,
        ],
    )
}

fn added(db: &Db, who: Option<&str>, now: &str, teacher: &str, date: &str, card: &str) -> String {
    let out = add(db, who, now, teacher, date, "3", card);
    let text = expect_ok(out, &["credit", "add", teacher]);
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| panic!("no entry number in {text}"))
}

fn zh(db: &Db, who: Option<&str>, now: &str, args: &[&str]) -> (bool, String, String) {
    let out = command_in("zh", &db.path, who, now, args)
        .output()
        .expect("run peixun");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn rows(db: &Db, now: &str, period: &[&str]) -> Vec<Value> {
    let mut args = vec!["standings"];
    args.extend(period);
    args.push("--json");
    let out = db.ok(now, &args);
    match serde_json::from_str(&out) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("no JSON: {other:?}\n{out}"),
    }
}

fn row<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {rows:?}"))
}

fn flagged(db: &Db, now: &str, period: &[&str]) -> Vec<String> {
    rows(db, now, period)
        .iter()
        .filter(|r| r["changed_since_published"] == true)
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn credit_json(db: &Db, who: Option<&str>, id: &str) -> Value {
    let out = match who {
        Some(w) => db.ok_as(w, JULY, &["credit", "list", "--json"]),
        None => db.ok(JULY, &["credit", "list", "--json"]),
    };
    let all: Vec<Value> = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    all.into_iter()
        .find(|c| c["id"].as_u64().map(|n| n.to_string()).as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no entry {id} in {out}"))
}

#[test]
fn postings_notice_credits_makeups_notes_archive_lessons_degree_and_reports() {
    let db = school();
    let spring = ["--term", "2025-spring"];
    let c = added(&db, None, NOV, "T2", "2025-11-01", "CARD-A");
    db.ok(NOV, &["credit", "submit", &c]);
    db.ok(JULY, &["publish", "--term", "2025-spring"]);
    assert!(flagged(&db, JULY, &spring).is_empty());
    // Each change below moves a figure of one teacher: that teacher is
    // flagged, nobody else, until the term is published again.
    let changes: [(&str, Vec<&str>); 7] = [
        ("T2", vec!["credit", "pass", &c]),
        ("T1", vec!["makeup", "done", "T1", "3"]),
        // A posted term's notes change with a reason (tests/posted.rs).
        (
            "T3",
            vec![
                "notes",
                "set",
                "T3",
                "2025-spring",
                "5200",
                "--reason",
                "笔记补交",
            ],
        ),
        (
            "T1",
            vec!["archive", "set", "T1", "--year", "2025", "--has", "plan"],
        ),
        (
            "T3",
            vec![
                "archive",
                "set",
                "T3",
                "--year",
                "2025",
                "--open-lessons",
                "1",
            ],
        ),
        ("T2", vec!["qualification", "set", "T2", "associate"]),
        ("T2", vec!["credit", "report", &c]),
    ];
    for (teacher, args) in changes {
        let who = if args[1] == "pass" {
            Some("team")
        } else {
            None
        };
        match who {
            Some(w) => db.ok_as(w, JULY, &args),
            None => db.ok(JULY, &args),
        };
        assert_eq!(flagged(&db, JULY, &spring), vec![teacher], "after {args:?}");
        let year = flagged(&db, JULY, &["--year", "2025"]);
        assert_eq!(year, vec![teacher], "the year's row too, after {args:?}");
        let table = db.ok(JULY, &["standings", "--term", "2025-spring"]);
        let line = table
            .lines()
            .find(|l| l.starts_with(teacher))
            .unwrap_or_default();
        assert!(line.contains("changed since published"), "{args:?}: {line}");
        db.ok(JULY, &["publish", "--term", "2025-spring"]);
        assert!(flagged(&db, JULY, &spring).is_empty(), "published again");
    }
    // A revoked confirmation moves the credits back: flagged again.
    db.ok_as(
        "team",
        JULY,
        &["credit", "revoke", &c, "--reason", "学分卡系伪造"],
    );
    assert_eq!(flagged(&db, JULY, &spring), vec!["T2"]);
    // Time passing alone (the review deadline, later days) flags nobody else.
    assert_eq!(flagged(&db, SEPT, &spring), vec!["T2"]);
    // The autumn term posted between the terms: what belongs to the spring
    // (its notes, its sessions) does not move it; the autumn's notes do.
    let autumn = ["--term", "2025-autumn"];
    db.ok(WINTER, &["publish", "--term", "2025-autumn"]);
    assert!(flagged(&db, WINTER, &autumn).is_empty());
    let why = ["--reason", "笔记补交"];
    db.ok(
        JULY,
        &[&["notes", "set", "T1", "2025-spring", "7000"][..], &why].concat(),
    );
    assert!(flagged(&db, JULY, &autumn).is_empty());
    db.ok(
        JULY,
        &[&["notes", "set", "T1", "2025-autumn", "7000"][..], &why].concat(),
    );
    assert_eq!(flagged(&db, JULY, &autumn), vec!["T1"]);
}

#[test]
fn a_closed_year_needs_the_office_and_a_reason_and_flags_changes() {
    let db = school();
    // The year runs to its last day by the calendar (the day before 09-01).
    let running = db.refused(None, JULY, &["assess", "close", "2025"]);
    assert!(running.contains("2026-08-31"), "{running}");
    let who = db.refused(Some("team"), SEPT, &["assess", "close", "2025"]);
    assert!(who.contains("assess close"), "{who}");
    let out = db.ok(SEPT, &["assess", "close", "2025"]);
    assert!(
        out.contains("2025-2026") && out.contains("3 teachers"),
        "{out}"
    );
    db.refused(None, SEPT, &["assess", "close", "2025"]);
    assert!(flagged(&db, SEPT, &["--year", "2025"]).is_empty());

    let change = ["archive", "set", "T1", "--year", "2025", "--has", "plan"];
    let line = db.refused(None, SEPT, &change);
    assert!(
        line.contains("closed") && line.contains("--reason"),
        "{line}"
    );
    let mut with_reason = change.to_vec();
    with_reason.extend(["--reason", "档案补交"]);
    let line = db.refused(Some("team"), SEPT, &with_reason);
    assert!(line.contains("training office"), "{line}");
    db.ok(SEPT, &with_reason);
    assert_eq!(flagged(&db, SEPT, &["--year", "2025"]), vec!["T1"]);
    let history = db.ok(SEPT, &["history", "--teacher", "T1"]);
    assert!(
        history.contains("archive changed") && history.contains("档案补交"),
        "{history}"
    );
    // The roll of a closed year: only the office's correction, with its
    // reason (the sign-in sheet says T3 missed the first call; a
    // correction changes only the facts it names).
    db.refused(None, SEPT, &["roll", "first", "1", "T3"]);
    db.ok(
        SEPT,
        &[
            "roll",
            "correct",
            "1",
            "T3",
            "--no-first",
            "--reason",
            "签到表更正",
        ],
    );
    assert_eq!(flagged(&db, SEPT, &["--year", "2025"]), vec!["T1", "T3"]);
    let (_, _, zh_line) = zh(
        &db,
        None,
        SEPT,
        &["notes", "set", "T2", "2025-spring", "6000"],
    );
    assert!(
        zh_line.contains("考核已结束") && zh_line.contains("--reason"),
        "{zh_line}"
    );
    // Credits of the closed year too.
    let add = add(&db, None, SEPT, "T2", "2026-03-01", "3", "LATE-1");
    assert!(!add.status.success());
    let line = String::from_utf8_lossy(&add.stderr);
    assert!(line.contains("closed"), "{line}");
}

#[test]
fn the_review_deadline_is_shown_and_then_only_the_office_registers() {
    let db = school();
    let c = added(&db, Some("t1"), NOV, "T1", "2025-11-01", "D-1");
    let list = db.ok(NOV, &["credit", "list"]);
    assert!(
        list.contains("review deadlines") && list.contains("2026-02-03"),
        "{list}"
    );
    let j = credit_json(&db, None, &c);
    assert_eq!(j["review_deadline"], "2026-02-03", "{j}");
    // 14 days after the autumn term's end (2026-01-20): still open on 02-03.
    let ok = add(
        &db,
        Some("t1"),
        "2026-02-03T10:00",
        "T1",
        "2025-12-01",
        "3",
        "D-2",
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let out = add(
        &db,
        Some("t1"),
        "2026-02-04T10:00",
        "T1",
        "2025-12-02",
        "3",
        "D-3",
    );
    assert!(!out.status.success());
    let line = String::from_utf8_lossy(&out.stderr);
    assert!(
        line.contains("2026-02-03") && line.contains("training office"),
        "{line}"
    );
    let office = add(
        &db,
        None,
        "2026-02-04T10:00",
        "T1",
        "2025-12-02",
        "3",
        "D-3",
    );
    assert!(office.status.success());
}

#[test]
fn entries_are_withdrawn_rejected_revoked_and_removed_with_the_history() {
    let db = school();
    let a = added(&db, Some("t1"), NOV, "T1", "2025-10-01", "W-1");
    let b = added(&db, Some("t1"), NOV, "T1", "2025-10-02", "W-2");
    let c = added(&db, Some("t1"), NOV, "T1", "2025-10-03", "W-3");
    let d = added(&db, None, NOV, "T2", "2025-10-04", "W-4");

    // Withdraw: the teacher, before review; not someone else's.
    db.refused(Some("t2"), NOV, &["credit", "withdraw", &a]);
    db.ok_as("t1", NOV, &["credit", "withdraw", &a]);
    db.refused(Some("t1"), NOV, &["credit", "submit", &a]);

    // Reject: the reviewer, with a comment; final.
    db.ok_as("t1", NOV, &["credit", "submit", &b]);
    db.refused(
        Some("zhang"),
        NOV,
        &["credit", "reject", &b, "--comment", " "],
    );
    db.ok_as(
        "zhang",
        NOV,
        &["credit", "reject", &b, "--comment", "非培训活动"],
    );
    let line = db.refused(Some("t1"), NOV, &["credit", "submit", &b]);
    assert!(line.contains("rejected"), "{line}");
    db.refused(Some("t1"), NOV, &["credit", "withdraw", &b]);

    // Revoke: the team undoes a confirmation; the credits stop counting.
    db.ok_as("t1", NOV, &["credit", "submit", &c]);
    db.ok_as("zhang", NOV, &["credit", "pass", &c]);
    db.ok_as("team", NOV, &["credit", "pass", &c]);
    let t1 = |now| row(&rows(&db, now, &["--year", "2025"]), "T1").clone();
    assert_eq!(
        t1(NOV)["assessment"]["external_credits"].as_f64(),
        Some(3.0)
    );
    let who = db.refused(
        Some("zhang"),
        NOV,
        &["credit", "revoke", &c, "--reason", "x"],
    );
    assert!(who.contains("assessment team"), "{who}");
    db.refused(
        Some("team"),
        NOV,
        &["credit", "revoke", &c, "--reason", " "],
    );
    db.ok_as(
        "team",
        NOV,
        &["credit", "revoke", &c, "--reason", "重复登记"],
    );
    assert_eq!(
        t1(NOV)["assessment"]["external_credits"].as_f64(),
        Some(0.0)
    );
    assert!(db.ok(NOV, &["credit", "list"]).contains("group passed"));

    // Remove: the office, with a reason, at any stage.
    db.refused(Some("t2"), NOV, &["credit", "remove", &d, "--reason", "错"]);
    db.ok(NOV, &["credit", "remove", &d, "--reason", "登记错了教师"]);
    let j = credit_json(&db, None, &d);
    assert_eq!(j["stage"], "removed", "{j}");
    // The removed card is free again.
    added(&db, None, NOV, "T1", "2025-10-04", "W-4");

    let history = db.ok(JULY, &["history"]);
    for action in [
        "credit entry withdrawn",
        "credits rejected",
        "credit confirmation revoked",
        "credit entry removed",
    ] {
        assert!(history.contains(action), "{action}:\n{history}");
    }
    assert!(history.contains("重复登记") && history.contains("登记错了教师"));
}

#[test]
fn implausible_entries_are_refused() {
    let db = school();
    let big = db.refused(
        None,
        NOV,
        &[
            "credit",
            "add",
            "T1",
            "--date",
            "2025-10-01",
            "--title",
            "x",
            "--credits",
            "400",
            "--card",
            "P-1",
        ],
    );
    assert!(big.contains("400") && big.contains("10"), "{big}");
    let future = db.refused(
        None,
        NOV,
        &[
            "credit",
            "add",
            "T1",
            "--date",
            "2026-10-01",
            "--title",
            "x",
            "--credits",
            "2",
            "--card",
            "P-2",
        ],
    );
    assert!(
        future.contains("2026-10-01") && future.contains("future"),
        "{future}"
    );
    let old = db.refused(
        None,
        NOV,
        &[
            "credit",
            "add",
            "T1",
            "--date",
            "2020-10-01",
            "--title",
            "x",
            "--credits",
            "2",
            "--card",
            "P-3",
        ],
    );
    assert!(
        old.contains("2020-10-01") && old.contains("2025-2026"),
        "{old}"
    );
    let c = added(&db, None, NOV, "T1", "2025-10-01", "P-4");
    let dup = db.refused(
        None,
        NOV,
        &[
            "credit",
            "add",
            "T2",
            "--date",
            "2025-10-01",
            "--title",
            "x",
            "--credits",
            "2",
            "--card",
            "P-4",
        ],
    );
    assert!(dup.contains("P-4") && dup.contains("T1"), "{dup}");
    let edit = db.refused(None, NOV, &["credit", "edit", &c, "--credits", "11"]);
    assert!(edit.contains("11"), "{edit}");
    db.refused(None, NOV, &["credit", "edit", &c, "--credits", "0"]);
    // The maximum is the school's: a policy of 12 lets 11 through.
    let policy = db.file("policy.toml");
    std::fs::write(&policy, "[assessment]\nmax_credits_per_entry = 12\n").unwrap();
    db.ok(NOV, &["policy", "set", policy.to_str().unwrap()]);
    db.ok(NOV, &["credit", "edit", &c, "--credits", "11"]);
}

#[test]
fn every_entry_has_a_reviewer_and_refusals_say_who() {
    let db = school();
    // zhang is 语文's group leader and teacher T3: their own entry.
    let own = added(&db, Some("zhang"), NOV, "T3", "2025-10-01", "R-1");
    db.ok_as("zhang", NOV, &["credit", "submit", &own]);
    let line = db.refused(Some("zhang"), NOV, &["credit", "pass", &own]);
    assert!(line.contains("the assessment team reviews it"), "{line}");
    let (_, _, zh_line) = zh(&db, Some("zhang"), NOV, &["credit", "pass", &own]);
    assert!(zh_line.contains("由考核小组审核"), "{zh_line}");
    let waiting = db.ok_as("team", NOV, &["credit", "list", "--waiting"]);
    assert!(waiting.contains("R-1"), "{waiting}");
    assert!(
        !db.ok_as("zhang", NOV, &["credit", "list", "--waiting"])
            .contains("R-1")
    );
    db.ok_as("team", NOV, &["credit", "pass", &own]);
    assert_eq!(credit_json(&db, None, &own)["stage"], "confirmed");

    // 数学 has no group leader: T2's entry goes to the team as well.
    let t2 = added(&db, Some("t2"), NOV, "T2", "2025-10-02", "R-2");
    let early = db.refused(Some("team"), NOV, &["credit", "pass", &t2]);
    assert!(early.contains("teacher T2"), "{early}");
    db.ok_as("t2", NOV, &["credit", "submit", &t2]);
    assert_eq!(credit_json(&db, None, &t2)["next"]["who"], "assessment");
    assert!(
        db.ok_as("team", NOV, &["credit", "list", "--waiting"])
            .contains("R-2")
    );

    // 语文's entries stay with the group leader first, and the team is told so.
    let t1 = added(&db, Some("t1"), NOV, "T1", "2025-10-03", "R-3");
    db.ok_as("t1", NOV, &["credit", "submit", &t1]);
    let line = db.refused(Some("team"), NOV, &["credit", "pass", &t1]);
    assert!(line.contains("the 语文 group leader reviews it"), "{line}");
}

#[test]
fn the_conversation_stays_after_a_resubmission() {
    let db = school();
    let c = added(&db, Some("t1"), NOV, "T1", "2025-10-01", "C-1");
    db.ok_as("t1", NOV, &["credit", "submit", &c, "--comment", "请审核"]);
    db.ok_as(
        "zhang",
        NOV,
        &["credit", "return", &c, "--comment", "学分卡缺盖章"],
    );
    db.ok_as("t1", NOV, &["credit", "edit", &c, "--card", "C-1b"]);
    db.ok_as("t1", NOV, &["credit", "submit", &c]);
    let list = db.ok_as("zhang", NOV, &["credit", "list", "--waiting"]);
    assert!(list.contains("学分卡缺盖章"), "{list}");
    let j = credit_json(&db, Some("t1"), &c);
    let stages = j["stages"].as_array().cloned().unwrap_or_default();
    let seen: Vec<(String, String, String)> = stages
        .iter()
        .map(|s| {
            (
                s["stage"].as_str().unwrap_or_default().to_string(),
                s["by"].as_str().unwrap_or_default().to_string(),
                s["comment"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("self_assessed".into(), "t1".into(), "请审核".into()),
            ("returned".into(), "zhang".into(), "学分卡缺盖章".into()),
            ("self_assessed".into(), "t1".into(), String::new()),
        ],
        "{j}"
    );
    assert_eq!(stages[1]["at"], "2025-11-20T10:00");
}

#[test]
fn the_credit_warning_comes_in_time() {
    let db = school();
    // 2026-06-01: T2 has 6 credits of 40 where about 30 are due; the year
    // runs to 2026-08-31, 13 weeks on.
    let now = "2026-06-01T10:00";
    let r = row(&rows(&db, now, &["--year", "2025"]), "T2").clone();
    let w = &r["credit_warning"];
    assert_eq!(w["earned"].as_f64(), Some(6.0), "{r}");
    assert_eq!(w["required"].as_f64(), Some(40.0), "{r}");
    assert_eq!(w["weeks_left"], 13, "{r}");
    let (_, table, _) = zh(&db, None, now, &["standings", "--year", "2025"]);
    let line = table
        .lines()
        .find(|l| l.starts_with("T2"))
        .unwrap_or_default();
    assert!(line.contains("学分落后:已 6/40,本学年剩 13 周"), "{line}");
    // Early in the year, on track pro rata: no warning.
    let early = row(&rows(&db, "2025-09-11T10:00", &["--year", "2025"]), "T2").clone();
    assert!(early["credit_warning"].is_null(), "{early}");
    // Behind pro rata in November already (6 credits, 8 expected).
    let nov = row(&rows(&db, NOV, &["--year", "2025"]), "T3").clone();
    assert_eq!(nov["credit_warning"]["earned"].as_f64(), Some(6.0), "{nov}");
    assert_eq!(
        nov["credit_warning"]["expected"].as_f64(),
        Some(8.0),
        "{nov}"
    );
    // After the year: the verdict speaks, no warning.
    assert!(row(&rows(&db, SEPT, &["--year", "2025"]), "T2")["credit_warning"].is_null());
    // The export carries it.
    let out = db.file("s.csv");
    let (ok, _, err) = zh(
        &db,
        None,
        now,
        &[
            "export",
            "standings",
            "--year",
            "2025",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(ok, "{err}");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("学分落后:已 6/40"), "{csv}");
}

#[test]
fn every_command_says_which_term_or_year_it_saved_to() {
    let db = school();
    // Between the terms: the term just ended (autumn) is meant.
    let (ok, out, err) = zh(&db, None, WINTER, &["notes", "set", "T1", "5200"]);
    assert!(ok, "{err}");
    assert!(out.contains("已保存到 2025-2026学年第一学期"), "{out}");
    let y = db.ok(WINTER, &["archive", "show", "T1", "--year", "2025"]);
    assert!(y.contains("5200 + 0"), "{y}");
    // Long after the year, with no next term recorded: the year just ended.
    let (ok, out, err) = zh(&db, None, SEPT, &["archive", "set", "T2", "--has", "plan"]);
    assert!(ok, "{err}");
    assert!(out.contains("已保存到 2025-2026学年"), "{out}");
    let (_, out, _) = zh(&db, None, SEPT, &["mentor", "add", "T3", "T1"]);
    assert!(out.contains("已保存到 2025-2026学年"), "{out}");
    let out = db.ok(NOV, &["makeup", "done", "T1", "3"]);
    assert!(
        out.contains("saved to the academic year 2025-2026"),
        "{out}"
    );
    let (_, out, _) = zh(
        &db,
        None,
        NOV,
        &["notes", "set", "T3", "2025-spring", "100"],
    );
    assert!(out.contains("已保存到 2025-2026学年第二学期"), "{out}");
    let c = added(&db, None, NOV, "T1", "2025-10-01", "Y-1");
    let (_, out, _) = zh(&db, Some("t1"), NOV, &["credit", "submit", &c]);
    assert!(out.contains("2025-2026学年"), "{out}");
}

#[test]
fn nonsense_is_refused() {
    let db = school();
    let line = db.refused(None, NOV, &["notes", "set", "T1", "2030-autumn", "100"]);
    assert!(line.contains("2030-autumn"), "{line}");
    let line = db.refused(
        None,
        NOV,
        &[
            "archive",
            "set",
            "T1",
            "--has",
            "plan,notes",
            "--lacks",
            "plan",
        ],
    );
    assert!(line.contains("learning plan"), "{line}");
    let c = added(&db, None, NOV, "T1", "2025-10-01", "N-1");
    let line = db.refused(None, NOV, &["credit", "report", &c]);
    assert!(line.contains("confirmed"), "{line}");
    let line = db.refused(None, NOV, &["mentor", "add", "T2", "T2"]);
    assert!(line.contains("own mentor"), "{line}");
    db.ok(NOV, &["mentor", "add", "T2", "T3"]);
    let line = db.refused(None, NOV, &["mentor", "add", "T3", "T2"]);
    assert!(line.contains("T2") && line.contains("reversed"), "{line}");
}
