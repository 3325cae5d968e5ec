//! Four people on one database file at once, for several seconds: two take
//! roll in different sessions, a leader decides leave requests, and someone
//! looks teachers up. Every change a process reported as saved must be in the
//! file afterwards, each with its one history entry, and no command may fail
//! or print anything beyond a brief "busy, retrying" note.

mod common;

use common::*;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// How long the four run side by side (each also stops when its work is done).
const RUN_FOR: Duration = Duration::from_secs(5);
const TEACHERS: usize = 40;
/// Sessions each roll-call process works through, one after the other.
const SESSIONS_EACH: usize = 3;
/// Leave requests filed before the run: every teacher, for two later sessions.
const LEAVES: usize = 2 * TEACHERS;

/// Runs one command in a worker; panics on failure or on any stderr line
/// other than the busy note. Returns stdout.
fn must(path: &Path, who: Option<&str>, now: &str, args: &[&str]) -> String {
    let out = run_on(path, who, now, args);
    let stderr = text(&out.stderr);
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            line.contains("busy, retrying")
                || line.contains("waiting for another change to finish"),
            "peixun {args:?} printed an error while others worked: {line:?}"
        );
    }
    expect_ok(out, args)
}

#[test]
fn four_processes_lose_nothing() {
    let db = Db::new();
    let mut dates = vec!["2025-09-10"; 2 * SESSIONS_EACH];
    dates.extend(["2025-09-17", "2025-09-24"]);
    let mut s = school(&db, TEACHERS, &dates);
    let later = s.split_off(2 * SESSIONS_EACH);
    // Process A rolls the odd sessions, B the even ones, side by side.
    let sessions_of = |p: usize| -> Vec<String> { s.iter().skip(p).step_by(2).cloned().collect() };
    db.ok(SETUP, &["account", "set", "leader1", "--roles", "leader"]);
    let leave_ids: Vec<String> = (1..=LEAVES)
        .map(|i| {
            last_number(&db.ok(
                "2025-09-01T08:00",
                &[
                    "leave",
                    "request",
                    &teacher(i % TEACHERS + 1),
                    "personal",
                    "--sessions",
                    // One open request per teacher and session (issue 26):
                    // a teacher's two requests ask for different sessions.
                    &later[(i / TEACHERS) % 2],
                    "--reason",
                    "家中有事",
                    "--note",
                ],
            ))
        })
        .collect();
    let history_before = db.ok(LATER, &["history"]).lines().count() - 1;

    let start = Arc::new(Barrier::new(4));
    let spawn = |work: Box<dyn FnOnce(Instant) -> Vec<String> + Send>| {
        let start = Arc::clone(&start);
        std::thread::spawn(move || {
            start.wait();
            work(Instant::now())
        })
    };
    // Two roll calls: the first call, one teacher per command, session after
    // session, until time is up. Each saved mark is kept as "session/teacher".
    let roll = |sessions: Vec<String>| {
        let path = db.path.clone();
        Box::new(move |t0: Instant| {
            let mut saved = Vec::new();
            'all: for session in &sessions {
                for i in 1..=TEACHERS {
                    if t0.elapsed() > RUN_FOR {
                        break 'all;
                    }
                    let t = teacher(i);
                    let out = must(
                        &path,
                        None,
                        "2025-09-10T15:31",
                        &["roll", "first", session, &t],
                    );
                    assert!(out.contains("saved"), "{out}");
                    saved.push(format!("{session}/{t}"));
                }
            }
            saved
        }) as Box<dyn FnOnce(Instant) -> Vec<String> + Send>
    };
    let rolls = [spawn(roll(sessions_of(0))), spawn(roll(sessions_of(1)))];
    // The leader approves the requests one by one, oldest first.
    let leader = {
        let path = db.path.clone();
        let ids = leave_ids.clone();
        spawn(Box::new(move |t0: Instant| {
            let mut decided = Vec::new();
            for id in ids {
                if t0.elapsed() > RUN_FOR {
                    break;
                }
                let out = must(
                    &path,
                    Some("leader1"),
                    "2025-09-11T10:00",
                    &["leave", "approve", &id, "--comment", "同意"],
                );
                assert!(out.contains("saved"), "{out}");
                decided.push(id);
            }
            decided
        }))
    };
    // Lookups by pinyin, for the whole run: each sees the whole roster.
    let lookups = {
        let path = db.path.clone();
        spawn(Box::new(move |t0: Instant| {
            let mut n = 0;
            while t0.elapsed() < RUN_FOR {
                let out = must(&path, None, LATER, &["lookup", "jiaoshi", "--json"]);
                let rows: serde_json::Value = serde_json::from_str(&out).expect("lookup JSON");
                assert_eq!(
                    rows.as_array().map(Vec::len),
                    Some(TEACHERS),
                    "a lookup during the run lost teachers"
                );
                n += 1;
            }
            vec![n.to_string()]
        }))
    };

    let [r1, r2] = rolls.map(|h| h.join().expect("a roll-call process failed"));
    let approved = leader.join().expect("the leader's process failed");
    let looked = lookups.join().expect("the lookup process failed");
    eprintln!(
        "marked {} + {}, approved {}, {} lookups",
        r1.len(),
        r2.len(),
        approved.len(),
        looked[0]
    );
    assert!(
        r1.len() >= 5 && r2.len() >= 5 && !approved.is_empty(),
        "the run was too short to mean anything"
    );

    // How many history entries of `action` there are (for one session).
    let count = |action: &str, session: Option<&str>| {
        let args = match session {
            Some(s) => vec!["history", "--session", s, "--json"],
            None => vec!["history", "--json"],
        };
        let key = format!("\"action\": \"{action}\"");
        db.ok(LATER, &args)
            .lines()
            .filter(|l| l.contains(&key))
            .count()
    };
    // Every mark reported as saved is there, and no other.
    let mut started = 0;
    for session in &s {
        let status = db.ok(LATER, &["roll", "status", session]);
        let mut marked = 0;
        for i in 1..=TEACHERS {
            let t = teacher(i);
            let line = status_line(&status, &t)
                .unwrap_or_else(|| panic!("{t} missing from session {session}:\n{status}"));
            let key = format!("{session}/{t}");
            let saved = r1.contains(&key) || r2.contains(&key);
            assert_eq!(line.contains("present"), saved, "session {session}: {line}");
            marked += usize::from(saved);
        }
        assert_eq!(
            count("roll.first_call", Some(session)),
            marked,
            "session {session}: one history entry per mark"
        );
        started += usize::from(marked > 0);
    }
    // Every decision reported as saved is there; the rest are still pending.
    let leaves = db.ok(LATER, &["leave", "list", "--all"]);
    for id in &leave_ids {
        let line = leaves
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id.as_str()))
            .unwrap_or_else(|| panic!("leave {id} missing:\n{leaves}"));
        let want = if approved.contains(id) {
            "approved"
        } else {
            "pending"
        };
        assert!(line.contains(want), "leave {id} should be {want}: {line}");
    }
    // One history entry per change, numbered without gaps or repeats.
    let history = db.ok(LATER, &["history"]);
    let seqs: Vec<u64> = history
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect();
    assert_eq!(
        seqs,
        (1..=seqs.len() as u64).collect::<Vec<_>>(),
        "history sequence has gaps or repeats"
    );
    assert_eq!(count("leave.approve", None), approved.len());
    // Besides them, only the roll calls were started.
    assert_eq!(
        seqs.len(),
        history_before + r1.len() + r2.len() + approved.len() + started,
        "one history entry per saved change:\n{history}"
    );
}

/// Backups taken while a roll call goes on are each one consistent moment:
/// they check clean, every mark in a copy has its history entry, each copy
/// holds at least what the one before did, and a copy taken after the roll
/// call shows exactly what the database shows.
#[test]
fn backups_while_roll_is_taken_are_consistent() {
    let db = Db::new();
    let s = school(&db, TEACHERS, &["2025-09-10"]);
    let s1 = s[0].clone();
    let roll = {
        let path = db.path.clone();
        let s1 = s1.clone();
        std::thread::spawn(move || {
            for i in 1..=TEACHERS {
                let t = teacher(i);
                must(&path, None, "2025-09-10T15:31", &["roll", "first", &s1, &t]);
            }
        })
    };
    let mut copies = Vec::new();
    while !roll.is_finished() {
        let to = db.file(&format!("backup-{}.redb", copies.len()));
        let out = must(
            &db.path,
            None,
            LATER,
            &["backup", to.to_str().expect("utf-8 path")],
        );
        assert!(out.contains("backed up and checked"), "{out}");
        copies.push(to);
    }
    roll.join().expect("the roll-call process failed");
    let last = db.file("backup-after.redb");
    db.ok(LATER, &["backup", last.to_str().expect("utf-8 path")]);
    eprintln!("{} backups taken during the roll call", copies.len());
    assert!(copies.len() >= 2, "too few backups to mean anything");

    let mut before = 0;
    for copy in &copies {
        let check = expect_ok(run_on(copy, None, LATER, &["check"]), &["check"]);
        assert!(check.contains("no problems"), "{check}");
        let status = expect_ok(
            run_on(copy, None, LATER, &["roll", "status", &s1]),
            &["roll", "status"],
        );
        let present = (1..=TEACHERS)
            .filter(|&i| status_line(&status, &teacher(i)).is_some_and(|l| l.contains("present")))
            .count();
        let history = expect_ok(
            run_on(copy, None, LATER, &["history", "--json"]),
            &["history"],
        );
        let logged = history
            .lines()
            .filter(|l| l.contains("roll.first_call"))
            .count();
        assert_eq!(
            present,
            logged,
            "{}: marks and history disagree",
            copy.display()
        );
        assert!(
            present >= before,
            "a later backup holds less than an earlier one"
        );
        before = present;
    }
    assert_eq!(snapshot(&last), db.snapshot(), "the final backup differs");
    // A backup never overwrites a file.
    let args = ["backup", last.to_str().expect("utf-8 path")];
    let line = expect_refused(db.run(None, LATER, &args), &args);
    assert!(line.contains("exists"), "{line}");
}
