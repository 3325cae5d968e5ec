//! Nobody decides for themselves (issue 26), through the binary: excusing
//! an early leave, correcting a mark or recording the evidence of a leave
//! on one's own record needs someone else with the role; a teacher has at
//! most one open request covering a session. Each refusal is one line in
//! both languages and changes nothing; someone else with the role then does
//! the same thing.
//!
//! And two behaviours no test held before: a pending personal leave cannot
//! be approved once its session started, even while its roll is still
//! open; a teacher who joins on a period's last day or leaves on its first
//! has a standing in it.

mod common;

use common::*;

/// A school of four teachers (T0001, T0003 语文; T0002, T0004 数学), two
/// sessions for everyone (1: 2025-09-10, 2: 2025-09-17, 15:30–16:30) and
/// the weekly study of 语文 (3: 2025-09-10, 16:30–17:30). Accounts: root is
/// the training office; `yuwen` leads 语文 and is T0001; `jiaowu` is in the
/// office and is T0002; `zhao` is a leader and is T0003; `wang` is a leader;
/// `t4` is T0004.
fn school_of_four() -> Db {
    let db = Db::new();
    let s = school(&db, 4, &["2025-09-10", "2025-09-17"]);
    assert_eq!(s, ["1", "2"]);
    for (name, roles, teacher) in [
        ("yuwen", "group_leader,teacher", Some("T0001")),
        ("jiaowu", "office,teacher", Some("T0002")),
        ("zhao", "leader,teacher", Some("T0003")),
        ("wang", "leader", None),
        ("t4", "teacher", Some("T0004")),
    ] {
        let mut args = vec!["account", "set", name, "--roles", roles];
        if let Some(t) = teacher {
            args.extend(["--teacher", t]);
        }
        db.ok(SETUP, &args);
    }
    let weekly = last_number(&db.ok(
        SETUP,
        &[
            "session",
            "add",
            "2025-09-10",
            "16:30",
            "17:30",
            "业务学习",
            "--kind",
            "weekly",
            "--groups",
            "语文",
        ],
    ));
    assert_eq!(weekly, "3");
    db
}

/// `refused` in Chinese too: the same refusal, worded in both languages.
fn refused_in_both(db: &Db, who: &str, now: &str, args: &[&str]) -> (String, String) {
    let en = db.refused(Some(who), now, args);
    let out = command_in("zh", &db.path, Some(who), now, args)
        .output()
        .expect("run");
    let zh = expect_refused(out, args);
    (en, zh)
}

#[test]
fn nobody_excuses_their_own_early_leave() {
    let db = school_of_four();
    db.ok_as(
        "yuwen",
        "2025-09-10T16:31",
        &["roll", "first", "3", "T0001", "T0003"],
    );
    fn excuse(who: &str) -> Vec<&str> {
        vec![
            "roll",
            "leave",
            "3",
            who,
            "--at",
            "17:00",
            "--excused",
            "--reason",
            "自己有事",
        ]
    }
    let (en, zh) = refused_in_both(&db, "yuwen", "2025-09-10T17:01", &excuse("T0001"));
    assert!(en.contains("T0001") && en.contains("own"), "{en}");
    assert!(zh.contains("T0001") && zh.contains("本人"), "{zh}");
    // Their group's other teacher, they may; their own, the office may.
    db.ok_as("yuwen", "2025-09-10T17:01", &excuse("T0003"));
    db.ok("2025-09-10T17:02", &excuse("T0001"));
}

#[test]
fn nobody_corrects_their_own_mark() {
    let db = school_of_four();
    let now = "2025-09-10T15:31";
    db.ok(now, &["roll", "first", "1", "T0001", "T0003"]);
    db.ok("2025-09-10T16:20", &["roll", "second", "1"]);
    db.ok("2025-09-10T16:25", &["roll", "end-second", "1"]);
    db.ok("2025-09-10T16:31", &["roll", "close", "1"]);
    fn correct(who: &str) -> Vec<&str> {
        vec![
            "roll",
            "correct",
            "1",
            who,
            "--first",
            "--second",
            "--reason",
            "其实在场",
        ]
    }
    let (en, zh) = refused_in_both(&db, "jiaowu", "2025-09-11T09:00", &correct("T0002"));
    assert!(en.contains("T0002") && en.contains("own"), "{en}");
    assert!(zh.contains("T0002") && zh.contains("本人"), "{zh}");
    db.ok_as("jiaowu", "2025-09-11T09:00", &correct("T0004"));
    db.ok("2025-09-11T09:01", &correct("T0002"));
}

#[test]
fn nobody_records_the_evidence_of_their_own_leave() {
    let db = school_of_four();
    let id = last_number(&db.ok(
        "2025-09-12T09:00",
        &[
            "leave",
            "request",
            "T0003",
            "personal",
            "--sessions",
            "2",
            "--reason",
            "家里有事",
        ],
    ));
    let evidence = ["leave", "evidence", &id, "--note"];
    let (en, zh) = refused_in_both(&db, "zhao", "2025-09-12T10:00", &evidence);
    assert!(en.contains(&id) && en.contains("own"), "{en}");
    assert!(zh.contains(&id) && zh.contains("本人"), "{zh}");
    db.ok_as("wang", "2025-09-12T10:01", &evidence);
}

#[test]
fn a_teacher_has_one_open_request_for_a_session() {
    let db = school_of_four();
    let request = |reason: &str| -> Vec<String> {
        [
            "leave",
            "request",
            "T0004",
            "personal",
            "--sessions",
            "2",
            "--reason",
            reason,
        ]
        .map(String::from)
        .to_vec()
    };
    fn args(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    let first = last_number(&db.ok_as("t4", "2025-09-12T09:00", &args(&request("家里有事"))));
    // Again, or by date over the same session: refused, naming the first.
    let (en, zh) = refused_in_both(&db, "t4", "2025-09-12T09:01", &args(&request("再请一次")));
    assert!(
        en.contains(&format!("leave {first}")) && en.contains('2'),
        "{en}"
    );
    assert!(zh.contains(&format!("请假 {first}")), "{zh}");
    let by_date = [
        "leave",
        "request",
        "T0004",
        "sick",
        "--from",
        "2025-09-17",
        "--reason",
        "发烧",
    ];
    let line = db.refused(Some("t4"), "2025-09-12T09:02", &by_date);
    assert!(line.contains(&format!("leave {first}")), "{line}");
    // Withdrawn, the session is free for a new request.
    db.ok_as("t4", "2025-09-12T09:03", &["leave", "withdraw", &first]);
    db.ok_as("t4", "2025-09-12T09:04", &args(&request("再请一次")));
}

/// A personal leave still pending when its session starts has lapsed: the
/// leader cannot approve it even though the roll is still running (before,
/// only a closed roll marked it expired).
#[test]
fn a_pending_leave_is_not_approved_once_its_session_started() {
    let db = school_of_four();
    let id = last_number(&db.ok_as(
        "t4",
        "2025-09-16T09:00",
        &[
            "leave",
            "request",
            "T0004",
            "personal",
            "--sessions",
            "2",
            "--reason",
            "家里有事",
        ],
    ));
    db.ok("2025-09-17T15:31", &["roll", "first", "2", "T0001"]);
    let (en, zh) = refused_in_both(&db, "wang", "2025-09-17T15:40", &["leave", "approve", &id]);
    assert!(en.contains("expired") || en.contains("lapsed"), "{en}");
    assert!(zh.contains("过期"), "{zh}");
    let list = db.ok("2025-09-17T15:41", &["leave", "list", "--all"]);
    let line = list
        .lines()
        .find(|l| l.split_whitespace().next() == Some(id.as_str()))
        .unwrap_or_default();
    assert!(line.contains("expired"), "{list}");
}

/// `Teacher::active_between` takes both ends of a period: a teacher who
/// joins on the term's last day, or leaves on its first, has a standing in
/// it; one who joins the day after, or left the day before, has none.
#[test]
fn joining_on_the_last_day_or_leaving_on_the_first_counts() {
    let db = school_of_four();
    for (id, from, to) in [
        ("T0005", Some("2026-01-20"), None),
        ("T0006", Some("2026-01-21"), None),
        ("T0007", Some("2025-08-01"), Some("2025-09-01")),
        ("T0008", Some("2025-08-01"), Some("2025-08-31")),
    ] {
        let mut args = vec!["teacher", "add", id, id, "语文"];
        if let Some(f) = from {
            args.extend(["--from", f]);
        }
        if let Some(t) = to {
            args.extend(["--to", t]);
        }
        db.ok(SETUP, &args);
    }
    let out = db.ok(
        "2026-01-25T09:00",
        &["standings", "--term", "2025-autumn", "--json"],
    );
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    let ids: Vec<&str> = rows
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(ids.contains(&"T0005"), "joined on the last day: {ids:?}");
    assert!(!ids.contains(&"T0006"), "joined after the term: {ids:?}");
    assert!(ids.contains(&"T0007"), "left on the first day: {ids:?}");
    assert!(!ids.contains(&"T0008"), "left before the term: {ids:?}");
}

/// An excuse is no licence to record an early leave still to come:
/// `roll leave --excused` at a time later than now is refused exactly as
/// the same leave without `--excused`, in both languages; at the time
/// itself (or after), it is recorded.
#[test]
fn an_excused_early_leave_is_not_recorded_ahead() {
    let db = school_of_four();
    db.ok("2025-09-10T15:31", &["roll", "first", "1", "T0003"]);
    let plain = ["roll", "leave", "1", "T0003", "--at", "16:20"];
    let excused = [
        "roll",
        "leave",
        "1",
        "T0003",
        "--at",
        "16:20",
        "--excused",
        "--reason",
        "预先",
    ];
    let (en, zh) = refused_in_both(&db, "jiaowu", "2025-09-10T15:50", &excused);
    assert_eq!(
        (en.clone(), zh.clone()),
        refused_in_both(&db, "jiaowu", "2025-09-10T15:50", &plain)
    );
    // A leader who may excuse but not run the roll: the same refusal.
    assert_eq!(
        refused_in_both(&db, "wang", "2025-09-10T15:50", &excused),
        (en.clone(), zh.clone())
    );
    assert!(en.contains("16:20") && en.contains("ahead"), "{en}");
    assert!(zh.contains("16:20") && zh.contains("不能预先记录"), "{zh}");
    db.ok_as("wang", "2025-09-10T16:20", &excused);
}
