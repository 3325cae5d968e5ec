//! The assessment commands through the real binary: credit cards and their
//! review chain (teacher → teaching-group leader → assessment team, each
//! able to send back), make-ups of official leave, notes, the archive,
//! mentor pairs, degrees and funds; every refusal changes nothing; and all
//! of it reaches the standings (table and JSON) and the teacher's record.
//!
//! Like tests/cli.rs these run as root: `init` makes root the office and
//! `--as NAME` acts as the accounts set up with `account set`.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
const SETUP: &str = "2025-08-25T09:00";
/// During the autumn term, after both sessions.
const NOV: &str = "2025-11-20T10:00";
/// After the academic year 2025–2026 has ended: its last day is 2026-08-31
/// (`calendar.year_start` 09-01), not the end of its last term (issue 14).
const AFTER: &str = "2026-09-10T10:00";

struct Db {
    _dir: TempDir,
    path: PathBuf,
}

impl Db {
    fn run(&self, who: Option<&str>, now: &str, lang: &str, args: &[&str]) -> Output {
        let mut cmd = Command::new(BIN);
        cmd.arg("--db").arg(&self.path).args(["--lang", lang]);
        if let Some(w) = who {
            cmd.args(["--as", w]);
        }
        cmd.args(args)
            .env("PEIXUN_NOW", now)
            .env_remove("PEIXUN_DB")
            .env("LANG", "C")
            .output()
            .expect("run peixun")
    }

    fn ok_as(&self, who: Option<&str>, now: &str, args: &[&str]) -> String {
        let out = self.run(who, now, "en", args);
        assert!(
            out.status.success(),
            "peixun {args:?} as {who:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn ok(&self, now: &str, args: &[&str]) -> String {
        self.ok_as(None, now, args)
    }

    fn zh(&self, now: &str, args: &[&str]) -> String {
        let out = self.run(None, now, "zh", args);
        assert!(out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A refused command: non-zero exit, one line on stderr, no new history.
    fn refused(&self, who: Option<&str>, now: &str, args: &[&str]) -> String {
        let before = self.ok(AFTER, &["history"]);
        let out = self.run(who, now, "en", args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            !out.status.success(),
            "{args:?} as {who:?} should be refused; printed {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "{args:?}: {err}");
        assert_eq!(
            before,
            self.ok(AFTER, &["history"]),
            "refused {args:?} changed the database"
        );
        lines[0].to_string()
    }

    fn standings(&self, now: &str) -> Vec<Value> {
        let out = self.ok(now, &["standings", "--year", "2025", "--json"]);
        match serde_json::from_str(&out) {
            Ok(Value::Array(rows)) => rows,
            other => panic!("no JSON: {other:?}\n{out}"),
        }
    }
}

fn row<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {rows:?}"))
}

fn stage_of(db: &Db, id: &str) -> String {
    let list = db.ok(NOV, &["credit", "list"]);
    let line = list
        .lines()
        .find(|l| l.split_whitespace().next() == Some(id))
        .unwrap_or_else(|| panic!("no credit {id} in\n{list}"));
    line.to_string()
}

/// Two terms, three teachers (T1 and T3 teach 语文, T2 数学), two sessions
/// of 2 credits; T1 on approved official leave for the second. Accounts:
/// t1 (teacher T1), zhang (语文 group leader, teacher T3), li (数学 group
/// leader, teacher T2), team (assessment team), school.
fn school() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let db = Db {
        path: dir.path().join("p.redb"),
        _dir: dir,
    };
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
        ("zhang", "teacher,group_leader", Some("T3")),
        ("li", "teacher,group_leader", Some("T2")),
        ("team", "assessment", None),
        ("school", "school", None),
    ] {
        let mut args = vec!["account", "set", name, "--roles", roles];
        if let Some(t) = teacher {
            args.extend(["--teacher", t]);
        }
        db.ok(SETUP, &args);
    }
    for d in ["2025-09-10", "2025-10-10"] {
        db.ok(
            SETUP,
            &[
                "session",
                "add",
                d,
                "15:30",
                "16:30",
                "学习",
                "--credits",
                "2",
            ],
        );
    }
    db.ok(
        SETUP,
        &[
            "leave",
            "request",
            "T1",
            "official",
            "--sessions",
            "2",
            "--reason",
            "外出监考",
        ],
    );
    db.ok_as(Some("school"), SETUP, &["leave", "approve", "1"]);
    for (s, now, who) in [
        ("1", "2025-09-10T15:31", "T1 T2 T3"),
        ("2", "2025-10-10T15:31", "T2 T3"),
    ] {
        let mut args = vec!["roll", "first", s];
        args.extend(who.split(' '));
        db.ok(now, &args);
        db.ok(now, &["roll", "second", s]);
        db.ok(now, &["roll", "end-second", s]);
        db.ok(now, &["roll", "close", s]);
    }
    db
}

#[test]
fn credit_card_review_chain_with_refusals() {
    let db = school();
    let t1 = Some("t1");
    // Registering: the teacher for themselves, the office for anyone.
    let add = |who, teacher, card: &str| {
        db.run(
            who,
            NOV,
            "en",
            &[
                "credit",
                "add",
                teacher,
                "--date",
                "2025-10-20",
                "--title",
                "县级骨干培训",
                "--credits",
                "3",
                "--card",
                card,
                "--organiser",
                "进修学校",
            ],
        )
    };
    assert!(add(t1, "T1", "XF-1").status.success());
    let line = db.refused(
        t1,
        NOV,
        &[
            "credit",
            "add",
            "T2",
            "--date",
            "2025-10-20",
            "--title",
            "x",
            "--credits",
            "1",
            "--card",
            "XF-9",
        ],
    );
    assert!(
        line.contains("credit add") && line.contains("training office"),
        "{line}"
    );
    assert!(add(None, "T2", "XF-2").status.success());
    let dup = db.refused(
        None,
        NOV,
        &[
            "credit",
            "add",
            "T1",
            "--date",
            "2025-10-21",
            "--title",
            "y",
            "--credits",
            "1",
            "--card",
            "XF-1",
        ],
    );
    assert!(dup.contains("XF-1") && dup.contains("entry 1"), "{dup}");
    let bad = db.refused(
        None,
        NOV,
        &[
            "credit",
            "add",
            "T1",
            "--date",
            "2025-10-21",
            "--title",
            "y",
            "--credits",
            "abc",
            "--card",
            "Z",
        ],
    );
    assert!(bad.contains("credits") && bad.contains("abc"), "{bad}");
    let empty = db.refused(
        None,
        NOV,
        &[
            "credit",
            "add",
            "T1",
            "--date",
            "2025-10-21",
            "--title",
            "y",
            "--credits",
            "1",
            "--card",
            " ",
        ],
    );
    assert!(empty.contains("card"), "{empty}");
    assert!(stage_of(&db, "1").contains("registered"));

    // Nobody reviews before the self-assessment; only the teacher gives it.
    let early = db.refused(Some("zhang"), NOV, &["credit", "pass", "1"]);
    assert!(
        early.contains("registered") && early.contains("pass"),
        "{early}"
    );
    db.refused(Some("zhang"), NOV, &["credit", "submit", "1"]);
    db.ok_as(t1, NOV, &["credit", "submit", "1", "--comment", "已完成"]);
    assert!(stage_of(&db, "1").contains("self-assessed"));
    db.refused(t1, NOV, &["credit", "submit", "1"]);
    // The office enters a paper self-assessment for a teacher.
    db.ok(NOV, &["credit", "submit", "2", "--comment", "纸质自评表"]);
    assert!(stage_of(&db, "2").contains("self-assessed"));

    // The teaching-group leader of another group, the team too early, the
    // teacher on their own entry: all refused.
    let other = db.refused(Some("li"), NOV, &["credit", "pass", "1"]);
    assert!(other.contains("语文"), "{other}");
    db.refused(Some("team"), NOV, &["credit", "pass", "1"]);
    db.refused(t1, NOV, &["credit", "pass", "1"]);
    // Waiting for zhang (语文), not for li (数学).
    assert!(
        db.ok_as(Some("zhang"), NOV, &["credit", "list", "--waiting"])
            .contains("XF-1")
    );
    assert!(
        !db.ok_as(Some("li"), NOV, &["credit", "list", "--waiting"])
            .contains("XF-1")
    );
    db.ok_as(
        Some("zhang"),
        NOV,
        &["credit", "pass", "1", "--comment", "属实"],
    );
    assert!(stage_of(&db, "1").contains("group passed"));

    // The team sends it back; a comment is required.
    db.refused(
        Some("team"),
        NOV,
        &["credit", "return", "1", "--comment", " "],
    );
    db.ok_as(
        Some("team"),
        NOV,
        &["credit", "return", "1", "--comment", "学分卡缺盖章"],
    );
    let back = stage_of(&db, "1");
    assert!(
        back.contains("sent back") && back.contains("学分卡缺盖章"),
        "{back}"
    );
    // A teacher sees only their own entries, with the comment.
    let mine = db.ok_as(t1, NOV, &["credit", "list"]);
    assert!(mine.contains("XF-1") && !mine.contains("XF-2"), "{mine}");
    // The teacher corrects it before self-assessing again; others may not.
    db.refused(Some("li"), NOV, &["credit", "edit", "1", "--title", "x"]);
    let empty = db.refused(t1, NOV, &["credit", "edit", "1", "--title", " "]);
    assert!(empty.contains("title"), "{empty}");
    db.ok_as(
        t1,
        NOV,
        &[
            "credit",
            "edit",
            "1",
            "--card",
            "XF-1b",
            "--organiser",
            "县进修学校",
        ],
    );
    let edited = stage_of(&db, "1");
    assert!(
        edited.contains("XF-1b") && edited.contains("县进修学校"),
        "{edited}"
    );

    // Round two: self-assessed again, passed by the group, confirmed.
    db.ok_as(t1, NOV, &["credit", "submit", "1"]);
    db.ok_as(Some("zhang"), NOV, &["credit", "review", "1"]);
    assert!(
        db.ok_as(Some("team"), NOV, &["credit", "list", "--waiting"])
            .contains("XF-1")
    );
    db.ok_as(Some("team"), NOV, &["credit", "pass", "1"]);
    assert!(stage_of(&db, "1").contains("confirmed"));
    let late = db.refused(t1, NOV, &["credit", "edit", "1", "--credits", "9"]);
    assert!(
        late.contains("confirmed") && late.contains("edit"),
        "{late}"
    );
    db.refused(Some("team"), NOV, &["credit", "pass", "1"]);
    db.refused(
        Some("team"),
        NOV,
        &["credit", "return", "1", "--comment", "晚了"],
    );
    db.refused(None, NOV, &["credit", "pass", "99"]);

    // The confirmed 3 join T1's 2 session credits; T2's entry is not confirmed yet.
    let rows = db.standings(NOV);
    let r = row(&rows, "T1");
    assert_eq!(r["credits"].as_f64(), Some(5.0), "{r}");
    assert_eq!(r["assessment"]["external_credits"].as_f64(), Some(3.0));
    assert_eq!(r["assessment"]["session_credits"].as_f64(), Some(2.0));
    let r2 = row(&rows, "T2");
    assert_eq!(r2["assessment"]["external_pending"].as_f64(), Some(3.0));
    assert_eq!(r2["credits"].as_f64(), Some(4.0), "{r2}");

    // Outside study needs its report (篇1 art. 7): the office records it.
    db.refused(t1, NOV, &["credit", "report", "1"]);
    let rows = db.standings(AFTER);
    let ded = row(&rows, "T1")["deductions"].to_string();
    assert!(ded.contains("\"code\":\"report_missing\""), "{ded}");
    db.ok(NOV, &["credit", "report", "1"]);
    let rows = db.standings(AFTER);
    assert!(
        !row(&rows, "T1")["deductions"]
            .to_string()
            .contains("report_missing")
    );

    let history = db.ok(AFTER, &["history", "--teacher", "T1", "--json"]);
    for action in [
        "credit.edit",
        "credit.add",
        "credit.self_assess",
        "credit.pass",
        "credit.return",
        "credit.report",
    ] {
        assert!(
            history.contains(action),
            "history lacks {action}:\n{history}"
        );
    }
}

#[test]
fn makeups_of_official_leave() {
    let db = school();
    let list = db.ok(NOV, &["makeup", "list"]);
    let t1: Vec<&str> = list.lines().filter(|l| l.starts_with("T1")).collect();
    assert_eq!(t1.len(), 1, "{list}");
    assert!(t1[0].contains(" 2 ") && t1[0].ends_with("no"), "{list}");
    assert!(!list.contains("T2"), "{list}");
    let before = db.standings(NOV);
    let r = row(&before, "T1");
    assert_eq!(r["assessment"]["makeups_open"].as_u64(), Some(1), "{r}");
    assert_eq!(r["credits"].as_f64(), Some(2.0));

    db.refused(Some("t1"), NOV, &["makeup", "done", "T1", "2"]);
    let not = db.refused(None, NOV, &["makeup", "done", "T2", "2"]);
    assert!(not.contains("official leave"), "{not}");
    db.refused(None, NOV, &["makeup", "done", "T1", "7"]);
    db.ok(
        NOV,
        &["makeup", "done", "T1", "2", "--note", "自学笔记已交"],
    );
    db.refused(None, NOV, &["makeup", "done", "T1", "2"]);
    assert!(db.ok(NOV, &["makeup", "list", "--open"]).lines().count() == 1);
    let after = db.standings(NOV);
    let r = row(&after, "T1");
    assert_eq!(r["assessment"]["makeups_open"].as_u64(), Some(0), "{r}");
    assert_eq!(r["assessment"]["made_up_credits"].as_f64(), Some(2.0));
    assert_eq!(r["credits"].as_f64(), Some(4.0));

    // Taken back: open again, and an open make-up deducts after the year.
    db.ok(NOV, &["makeup", "undo", "T1", "2"]);
    db.refused(None, NOV, &["makeup", "undo", "T1", "2"]);
    let rows = db.standings(AFTER);
    let ded = row(&rows, "T1")["deductions"].to_string();
    assert!(
        ded.contains("\"code\":\"make_ups_open\"") && ded.contains("\"open\":1"),
        "{ded}"
    );
    let history = db.ok(AFTER, &["history", "--session", "2", "--json"]);
    assert!(
        history.contains("makeup.done") && history.contains("makeup.undo"),
        "{history}"
    );
}

#[test]
fn notes_archive_lessons_degree_and_mentors_reach_the_standing() {
    let db = school();
    db.refused(
        Some("t1"),
        NOV,
        &["notes", "set", "T1", "2025-autumn", "6000"],
    );
    db.refused(None, NOV, &["notes", "set", "T1", "2025-winter", "6000"]);
    db.ok(NOV, &["notes", "set", "T1", "2025-autumn", "6000"]);
    db.ok(NOV, &["notes", "set", "T1", "2025-spring", "4000"]);
    let bad = db.refused(None, NOV, &["archive", "set", "T1", "--has", "plan,diary"]);
    assert!(bad.contains("diary"), "{bad}");
    db.ok(
        NOV,
        &[
            "archive",
            "set",
            "T1",
            "--has",
            "plan,notes,summary",
            "--open-lessons",
            "1",
        ],
    );
    db.refused(
        Some("t1"),
        NOV,
        &["archive", "set", "T1", "--has", "reflections"],
    );
    let bad = db.refused(None, NOV, &["qualification", "set", "T1", "phd-ish"]);
    assert!(bad.contains("degree"), "{bad}");
    db.ok(
        NOV,
        &["qualification", "set", "T1", "associate", "--major", "中文"],
    );
    db.refused(None, NOV, &["mentor", "add", "T1", "T1"]);
    db.ok(NOV, &["mentor", "add", "T3", "T1", "--note", "青蓝工程"]);
    db.refused(None, NOV, &["mentor", "add", "T3", "T1"]);
    db.refused(Some("t1"), NOV, &["mentor", "add", "T2", "T1"]);

    // The archive as the office and the teacher see it.
    let show = db.ok(NOV, &["archive", "show", "T1", "--year", "2025"]);
    assert!(show.contains("6000 + 4000 = 10000/10000"), "{show}");
    assert!(
        show.contains("reflections✗") && show.contains("learning plan✓"),
        "{show}"
    );
    assert!(show.contains("open lessons 1/1"), "{show}");
    assert!(show.contains("mentor T3"), "{show}");
    let mentor = db.ok(NOV, &["archive", "show", "T3", "--year", "2025"]);
    assert!(mentor.contains("mentee T1"), "{mentor}");
    db.ok_as(Some("t1"), NOV, &["archive", "show", "T1"]);
    db.refused(Some("t1"), NOV, &["archive", "show", "T2"]);
    // Both records show the pair (师徒结对 on both teachers' records).
    assert!(db.ok(NOV, &["record", "T1"]).contains("mentor T3"));
    assert!(db.ok(NOV, &["record", "T3"]).contains("mentee T1"));
    let pairs = db.ok(NOV, &["mentor", "list"]);
    assert!(
        pairs.contains("T3") && pairs.contains("青蓝工程"),
        "{pairs}"
    );

    // After the year: every failed check listed, with the reason.
    let rows = db.standings(AFTER);
    let r = row(&rows, "T1");
    // Codes and numbers, the same in every language.
    let ded: Vec<Value> = r["deductions"].as_array().unwrap().clone();
    let has = |want: Value| ded.iter().any(|d| d == &want);
    assert!(
        has(
            serde_json::json!({"code": "notes_short", "season": "spring",
            "chars": 4000, "required": 5000, "points": 1})
        ),
        "{ded:?}"
    );
    assert!(
        has(serde_json::json!({"code": "archive_missing", "item": "reflections", "points": 1})),
        "{ded:?}"
    );
    assert!(
        ded.iter().any(|d| d["code"] == "degree_below"
            && d["degree"] == "associate"
            && d["required"] == "bachelor"),
        "{ded:?}"
    );
    assert!(
        !ded.iter().any(|d| d["code"] == "too_few_open_lessons"),
        "{ded:?}"
    );
    assert_eq!(r["assessment"]["deducted"].as_u64(), Some(ded.len() as u64));
    // Credits (2 + 0 made up) fall short of 40: unqualified, with the reason.
    assert_eq!(r["qualified"].as_bool(), Some(false));
    assert_eq!(
        r["reasons"][0],
        serde_json::json!({"code": "not_enough_credits", "earned": 2.0, "required": 40.0})
    );
    // T2 has no degree recorded, no archive, no open lesson.
    let r2 = row(&rows, "T2")["deductions"].to_string();
    assert!(
        r2.contains("\"code\":\"too_few_open_lessons\"") && !r2.contains("degree"),
        "{r2}"
    );

    // The table in Chinese shows the new columns and the reasons.
    let table = db.zh(AFTER, &["standings", "--year", "2025"]);
    let head = table.lines().next().unwrap();
    for h in ["学分", "笔记字数", "档案", "待补", "考核", "提醒"] {
        assert!(head.contains(h), "{head}");
    }
    let t1 = table.lines().find(|l| l.starts_with("T1")).unwrap();
    assert!(
        t1.contains("2/40") && t1.contains("10000/10000") && t1.contains("3/4"),
        "{t1}"
    );
    assert!(
        t1.contains("不合格") && t1.contains("档案缺学习心得(扣1分)"),
        "{t1}"
    );

    let history = db.ok(AFTER, &["history", "--teacher", "T1", "--json"]);
    for action in ["archive.set", "qualification.set", "mentor.add"] {
        assert!(history.contains(action), "{action}:\n{history}");
    }
    db.ok(NOV, &["mentor", "remove", "T3", "T1"]);
    assert!(!db.ok(NOV, &["record", "T1"]).contains("mentor T3"));
}

#[test]
fn training_funds_for_the_office() {
    let db = school();
    let none = db.ok(NOV, &["funds", "show"]);
    assert!(none.contains("no funds"), "{none}");
    let bad = db.refused(
        None,
        NOV,
        &["funds", "set", "--public", "12.345", "--training", "1"],
    );
    assert!(bad.contains("public") && bad.contains("12.345"), "{bad}");
    db.refused(
        None,
        NOV,
        &["funds", "set", "--public", "100", "--training", "200"],
    );
    db.refused(
        Some("t1"),
        NOV,
        &["funds", "set", "--public", "100", "--training", "20"],
    );
    db.ok(
        NOV,
        &[
            "funds",
            "set",
            "--public",
            "500,000",
            "--training",
            "42000.50",
        ],
    );
    let show = db.ok(NOV, &["funds", "show"]);
    assert!(
        show.contains("500000.00") && show.contains("42000.50"),
        "{show}"
    );
    assert!(show.contains("8.4% (≥ 10%) below the minimum"), "{show}");
    db.refused(Some("t1"), NOV, &["funds", "show"]);
    db.ok(
        NOV,
        &[
            "funds",
            "set",
            "--year",
            "2025",
            "--public",
            "500000",
            "--training",
            "50000",
        ],
    );
    assert!(
        db.ok(NOV, &["funds", "show", "--year", "2025"])
            .contains("10.0% (≥ 10%) meets the minimum")
    );
    assert!(db.ok(AFTER, &["history", "--json"]).contains("funds.set"));
}
