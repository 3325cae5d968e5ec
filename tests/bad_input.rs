//! Bad input on the command line: wrong dates, unknown teachers and
//! sessions, steps out of order, and files that do not parse. Each gets one
//! clear line, in Chinese (the default) and in English, naming what was
//! wrong, and changes nothing: nothing a user can see, and no commit at all.
//!
//! tests/cli.rs walks the common refusals of a roll call in order; this file
//! covers every command that takes a date, a teacher, a session or a leave
//! request, in both languages.

mod common;

use common::*;

/// One refusal: who acts, when, the arguments, and a piece each language's
/// message must contain.
struct Case {
    who: Option<&'static str>,
    now: &'static str,
    args: Vec<String>,
    en: &'static str,
    zh: &'static str,
}

fn case(now: &'static str, args: &[&str], en: &'static str, zh: &'static str) -> Case {
    Case {
        who: None,
        now,
        args: args.iter().map(|a| a.to_string()).collect(),
        en,
        zh,
    }
}

fn as_leader(mut c: Case) -> Case {
    c.who = Some("leader1");
    c
}

/// The English refusal changes nothing a user can see and commits nothing;
/// the Chinese one says the same in Chinese and commits nothing either.
fn check_case(db: &Db, c: &Case) {
    let args: Vec<&str> = c.args.iter().map(String::as_str).collect();
    let line = db.refused(c.who, c.now, &args);
    assert!(
        line.contains(c.en),
        "{args:?}: {line:?} should say {:?}",
        c.en
    );
    let before = generation(&db.path);
    let out = command_in("zh", &db.path, c.who, c.now, &args)
        .output()
        .expect("run peixun");
    let line = expect_refused(out, &args);
    assert!(
        line.contains(c.zh),
        "{args:?}: {line:?} should say {:?}",
        c.zh
    );
    assert_eq!(
        generation(&db.path),
        before,
        "{args:?} in Chinese committed a change"
    );
}

/// A school mid-term: five teachers, two sessions on 9-10 and 9-17, roll
/// taken for the first (T0001 at the first call, T0002 late, the rest
/// absent), a leave approved and one withdrawn for the second.
fn mid_term() -> (Db, String, String) {
    let db = Db::new();
    let s = school(&db, 5, &["2025-09-10", "2025-09-17"]);
    let (s1, s2) = (s[0].clone(), s[1].clone());
    db.ok(SETUP, &["account", "set", "leader1", "--roles", "leader"]);
    db.ok("2025-09-10T15:31", &["roll", "first", &s1, "T0001"]);
    db.ok("2025-09-10T15:36", &["roll", "second", &s1]);
    db.ok("2025-09-10T15:40", &["roll", "end-second", &s1]);
    db.ok(
        "2025-09-10T15:45",
        &["roll", "arrive", &s1, "T0002", "--at", "15:45"],
    );
    db.ok("2025-09-10T16:30", &["roll", "close", &s1]);
    for t in ["T0003", "T0004"] {
        db.ok(
            "2025-09-12T08:00",
            &[
                "leave",
                "request",
                t,
                "personal",
                "--sessions",
                &s2,
                "--reason",
                "家中有事",
                "--note",
            ],
        );
    }
    db.ok_as("leader1", "2025-09-13T08:00", &["leave", "approve", "1"]);
    db.ok("2025-09-13T09:00", &["leave", "withdraw", "2"]);
    (db, s1, s2)
}

#[test]
fn wrong_dates_and_times_are_refused_in_both_languages() {
    let (db, s1, s2) = mid_term();
    let at = "2025-09-14T08:00";
    let cases = [
        case(
            at,
            &["term", "add", "2026-spring", "2026-02-30", "2026-07-01"],
            "2026-02-30",
            "2026-02-30",
        ),
        case(
            at,
            &["term", "add", "2026-spring", "2026-07-01", "2026-02-01"],
            "before the start",
            "2026-02-01",
        ),
        case(
            at,
            &["term", "add", "2026-summer", "2026-07-01", "2026-08-01"],
            "2026-summer",
            "2026-summer",
        ),
        case(
            at,
            &["session", "add", "2025/09/24", "15:30", "16:30", "X"],
            "2025/09/24",
            "2025/09/24",
        ),
        case(
            at,
            &["session", "add", "2025-09-24", "16:30", "15:30", "X"],
            "not after the start",
            "15:30",
        ),
        case(
            at,
            &["session", "add", "2025-09-24", "15:30", "4pm", "X"],
            "4pm",
            "4pm",
        ),
        case(
            at,
            &["session", "add", "2027-03-01", "15:30", "16:30", "X"],
            "in no term",
            "2027-03-01",
        ),
        case(
            at,
            &[
                "leave",
                "request",
                "T0005",
                "personal",
                "--from",
                "2025-09-20",
                "--to",
                "2025-09-12",
                "--reason",
                "x",
                "--note",
            ],
            "2025-09-12",
            "2025-09-12",
        ),
        case(
            at,
            &[
                "teacher",
                "add",
                "T0009",
                "钱七",
                "语文",
                "--from",
                "2026-01-01",
                "--to",
                "2025-01-01",
            ],
            "2025-01-01",
            "2025-01-01",
        ),
        case("2025-09-17T15:31", &["roll", "first", &s2, "T0001"], "", ""),
        case(
            "2025-09-17T15:50",
            &["roll", "arrive", &s2, "T0005", "--at", "24:00"],
            "24:00",
            "24:00",
        ),
        case(
            at,
            &["standings", "--term", "autumn-2025"],
            "autumn-2025",
            "autumn-2025",
        ),
        case(
            at,
            &[
                "roll",
                "correct",
                &s1,
                "T0003",
                "--reason",
                "补录",
                "--arrived",
                "3:75",
            ],
            "3:75",
            "3:75",
        ),
    ];
    // The case at 15:31 on 9-17 is the one that is fine: it starts the roll
    // that the arrival after it needs, so it runs rather than being refused.
    for c in &cases {
        if c.en.is_empty() {
            let args: Vec<&str> = c.args.iter().map(String::as_str).collect();
            db.ok(c.now, &args);
            db.ok("2025-09-17T15:36", &["roll", "second", &s2]);
            db.ok("2025-09-17T15:40", &["roll", "end-second", &s2]);
            continue;
        }
        check_case(&db, c);
    }
}

#[test]
fn unknown_teachers_sessions_and_requests_are_refused_in_both_languages() {
    let (db, s1, _) = mid_term();
    let at = "2025-09-24T15:31";
    let mut cases = Vec::new();
    for args in [
        vec!["roll", "first", "99", "T0001"],
        vec!["roll", "second", "99"],
        vec!["roll", "end-second", "99"],
        vec!["roll", "arrive", "99", "T0001", "--at", "15:45"],
        vec!["roll", "leave", "99", "T0001", "--at", "16:00"],
        vec!["roll", "close", "99"],
        vec!["roll", "undo", "99"],
        vec!["roll", "status", "99"],
        vec![
            "roll", "correct", "99", "T0001", "--reason", "补录", "--first",
        ],
        vec![
            "leave",
            "request",
            "T0001",
            "official",
            "--sessions",
            "99",
            "--reason",
            "x",
        ],
    ] {
        cases.push(case(at, &args, "no session 99", "没有编号为 99 的培训活动"));
    }
    for args in [
        vec![
            "roll", "correct", &s1, "T9999", "--reason", "补录", "--first",
        ],
        vec!["record", "T9999"],
        vec!["history", "--teacher", "T9999"],
        vec!["lookup", "T9999"],
        vec![
            "account",
            "set",
            "bob",
            "--roles",
            "teacher",
            "--teacher",
            "T9999",
        ],
        vec![
            "leave",
            "request",
            "T9999",
            "official",
            "--sessions",
            &s1,
            "--reason",
            "x",
        ],
    ] {
        cases.push(case(at, &args, "T9999", "T9999"));
    }
    // A name that matches several teachers is refused, listing them.
    cases.push(case(at, &["record", "教师"], "several teachers", "T0001"));
    for args in [
        vec!["leave", "approve", "77"],
        vec!["leave", "reject", "77", "--comment", "no"],
        vec!["leave", "withdraw", "77"],
        vec!["leave", "evidence", "77", "--note"],
    ] {
        let c = case(at, &args, "no leave request 77", "没有编号为 77 的请假申请");
        cases.push(if args[1] == "withdraw" || args[1] == "evidence" {
            c
        } else {
            as_leader(c)
        });
    }
    for c in &cases {
        check_case(&db, c);
    }
}

#[test]
fn steps_out_of_order_are_refused_in_both_languages() {
    let (db, s1, s2) = mid_term();
    let cases = [
        // The second session's roll has not started.
        case(
            "2025-09-17T15:31",
            &["roll", "end-second", &s2],
            "cannot end the second call",
            "未开始",
        ),
        case(
            "2025-09-17T15:31",
            &["roll", "second", &s2, "T0001"],
            "cannot answer the second call",
            "未开始",
        ),
        case(
            "2025-09-17T15:31",
            &["roll", "arrive", &s2, "T0001", "--at", "15:31"],
            "late arrival",
            "未开始",
        ),
        case(
            "2025-09-17T15:31",
            &["roll", "leave", &s2, "T0001", "--at", "15:31"],
            "early leave",
            "未开始",
        ),
        case(
            "2025-09-17T15:31",
            &["roll", "undo", &s2],
            "nothing to undo",
            "没有可撤销",
        ),
        // The first session is closed.
        case(
            "2025-09-10T16:31",
            &["roll", "close", &s1],
            "cannot close",
            "不能",
        ),
        case(
            "2025-09-10T16:31",
            &["roll", "second", &s1, "T0004"],
            "cannot",
            "不能",
        ),
        case("2025-09-10T16:31", &["roll", "undo", &s1], "cannot", "不能"),
        // Leave 1 is approved, leave 2 withdrawn.
        as_leader(case(
            "2025-09-14T08:00",
            &["leave", "approve", "1"],
            "approved",
            "已批准",
        )),
        as_leader(case(
            "2025-09-14T08:00",
            &["leave", "approve", "2"],
            "withdrawn",
            "已撤回",
        )),
        as_leader(case(
            "2025-09-14T08:00",
            &["leave", "reject", "2", "--comment", "no"],
            "withdrawn",
            "已撤回",
        )),
        case(
            "2025-09-14T08:00",
            &["leave", "withdraw", "2"],
            "withdrawn",
            "已撤回",
        ),
        case(
            "2025-09-14T08:00",
            &["leave", "withdraw", "1"],
            "approved",
            "已批准",
        ),
        // Only the training office makes backups.
        as_leader(case(
            "2025-09-14T08:00",
            &["backup", "/tmp/peixun-never-written.redb"],
            "not allowed",
            "无权",
        )),
        // The training office may not decide the leader's leave.
        case(
            "2025-09-14T08:00",
            &["leave", "approve", "1"],
            "not allowed",
            "无权",
        ),
    ];
    for c in &cases {
        check_case(&db, c);
    }
}

/// Arguments that are not even of the right shape are clap's to refuse: a
/// non-zero exit that names the value, and no change.
#[test]
fn malformed_arguments_are_refused_before_anything_opens() {
    let (db, _, _) = mid_term();
    let before = std::fs::read(&db.path).expect("read database");
    // Refused before the file is even opened: not a byte of it changes.
    for (args, names) in [
        (&["roll", "first", "abc", "T0001"][..], "abc"),
        (&["leave", "approve", "-3"][..], "-3"),
        (&["roll", "close"][..], "SESSION"),
        (&["roll", "teleport", "1"][..], "teleport"),
    ] {
        let out = db.run(None, LATER, args);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert_eq!(text(&out.stdout), "", "{args:?}");
        let said = text(&out.stderr);
        assert!(said.contains(names), "{args:?}: {said}");
    }
    assert!(std::fs::read(&db.path).expect("read database") == before);
}

/// A policy file that does not parse is refused naming the file and line.
#[test]
fn a_bad_policy_file_is_refused_with_its_line() {
    let (db, _, _) = mid_term();
    let file = db.file("policy.toml");
    let good = db.ok(LATER, &["policy", "show"]);
    for (bad, want) in [
        ("credits_per_year = \"forty\"\n", "line 1"),
        (
            "credits_per_year = 40\n[leave]\npersonal_approver = \"wizard\"\n",
            "line 3",
        ),
        ("garbage [[\n", "line 1"),
    ] {
        std::fs::write(&file, bad).expect("write policy file");
        let args = ["policy", "set", file.to_str().expect("utf-8 path")];
        let line = db.refused(None, LATER, &args);
        assert!(
            line.contains("policy.toml") && line.contains(want),
            "{line}"
        );
    }
    assert_eq!(db.ok(LATER, &["policy", "show"]), good);
}
