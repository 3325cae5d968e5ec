//! A posting names the held sessions whose roll was never closed (found
//! walking a term as an office would: a session whose roll nobody took was
//! posted in silence, its missing counted nowhere). The posting is still
//! made; the note says what to do, in both languages.

mod common;

use common::{Db, command_in, school, text};

#[test]
fn a_posting_names_held_sessions_without_a_closed_roll() {
    let db = Db::new();
    let s = school(
        &db,
        2,
        &["2025-09-10", "2025-09-17", "2025-09-24", "2026-01-14"],
    );
    // Session 1: closed. Session 2: never taken. Session 3: left open.
    // Session 4: still to come when posting mid-term, then held.
    db.ok(
        "2025-09-10T15:31",
        &["roll", "first", &s[0], "T0001", "T0002"],
    );
    db.ok("2025-09-10T15:35", &["roll", "second", &s[0]]);
    db.ok("2025-09-10T15:40", &["roll", "end-second", &s[0]]);
    db.ok("2025-09-10T16:31", &["roll", "close", &s[0]]);
    db.ok("2025-09-24T15:31", &["roll", "first", &s[2], "T0001"]);

    let out = command_in(
        "zh",
        &db.path,
        None,
        "2025-09-25T09:00",
        &["publish", "--term", "2025-autumn"],
    )
    .output()
    .expect("run peixun");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    // The posting's line, the interim note (the term runs to 2026-01-20),
    // then the sessions without a closed roll.
    let note = said.lines().nth(2).unwrap_or_default();
    assert!(
        said.lines().next().unwrap_or_default().contains("第1次"),
        "{said}"
    );
    assert!(
        note.contains("2 次") && note.contains("Training 2"),
        "{said}"
    );
    assert!(
        note.contains("Training 3") && !note.contains("Training 1"),
        "{said}"
    );
    assert!(
        !note.contains("Training 4"),
        "a session to come is not held: {said}"
    );

    // Cancelling one and closing the other: the next posting says nothing.
    db.ok(
        "2025-09-26T09:00",
        &["session", "cancel", &s[1], "--reason", "停电"],
    );
    // Session 3 was held before the posting's day: finishing its roll
    // changes the posted term, with a reason (tests/posted.rs).
    for step in ["second", "end-second", "close"] {
        db.ok(
            "2025-09-26T09:00",
            &["roll", step, &s[2], "--reason", "补完点名"],
        );
    }
    let said = db.ok("2026-01-14T17:00", &["publish", "--term", "2025-autumn"]);
    assert!(
        said.contains("Training 4") && said.contains("no closed roll"),
        "{said}"
    );
    assert!(
        !said.contains("Training 2") && !said.contains("Training 3"),
        "{said}"
    );
}
