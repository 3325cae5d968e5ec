//! A session moved off a teacher's leave, or onto another's, is said when
//! the office makes the change (found walking a term as an office: leave
//! approved for the 16th, the session moved to the 17th, the teacher absent
//! at the close without a word). A leave by session follows the session
//! and is not named.

mod common;

use common::{Db, SETUP, command_in, school, status_line, text};

#[test]
fn a_move_names_the_leave_it_leaves_behind_and_the_leave_it_meets() {
    let db = Db::new();
    let s = school(&db, 4, &["2025-09-16", "2025-09-23"]);
    db.ok(SETUP, &["account", "set", "leader1", "--roles", "leader"]);
    // T0001 away on the 16th; T0002 away on the 17th; T0003 by session.
    let ask = |t: &str, from: &str, to: &str| {
        let args = [
            "leave", "request", t, "personal", "--from", from, "--to", to, "--reason", "外出",
        ];
        let id = common::last_number(&db.ok("2025-09-01T09:00", &args));
        db.ok("2025-09-01T09:00", &["leave", "evidence", &id, "--note"]);
        db.ok_as("leader1", "2025-09-01T10:00", &["leave", "approve", &id]);
        id
    };
    let away16 = ask("T0001", "2025-09-16T08:00", "2025-09-16T18:00");
    let away17 = ask("T0002", "2025-09-17T08:00", "2025-09-17T18:00");
    let by_session = common::last_number(&db.ok(
        "2025-09-01T09:00",
        &[
            "leave",
            "request",
            "T0003",
            "personal",
            "--sessions",
            &s[0],
            "--reason",
            "外出",
        ],
    ));

    let moved = |lang: &str| {
        let out = command_in(
            lang,
            &db.path,
            None,
            "2025-09-02T09:00",
            &[
                "session",
                "move",
                &s[0],
                "2025-09-17",
                "15:30",
                "16:30",
                "--reason",
                "改期",
            ],
        )
        .output()
        .expect("run peixun");
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let said = moved("zh");
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 3, "{said}");
    assert!(
        lines[1].contains("不再包括") && lines[1].contains(&format!("请假 {away16}")),
        "{said}"
    );
    assert!(
        lines[1].contains("T0001") && !lines[1].contains("T0003"),
        "{said}"
    );
    assert!(
        lines[2].contains(&format!("请假 {away17}")) && lines[2].contains("T0002"),
        "{said}"
    );
    assert!(!said.contains(&format!("请假 {by_session}")), "{said}");

    // Moved back: the same two, the other way round, in English.
    let out = db.ok(
        "2025-09-02T09:10",
        &[
            "session",
            "move",
            &s[0],
            "2025-09-16",
            "15:30",
            "16:30",
            "--reason",
            "改回",
        ],
    );
    assert!(
        out.contains("no longer covered") && out.contains("T0002"),
        "{out}"
    );
    assert!(out.contains("falls in") && out.contains("T0001"), "{out}");

    // Hours that keep every leave say nothing more; the roll then agrees.
    let out = db.ok(
        "2025-09-02T09:20",
        &["session", "edit", &s[0], "--start", "15:00"],
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    let status = db.ok("2025-09-16T15:01", &["roll", "status", &s[0]]);
    assert!(
        status_line(&status, "T0001").is_some_and(|l| l.contains("personal")),
        "{status}"
    );
}
