//! Taking back a close (issue 27): whoever closed a roll may take the
//! close back until the session's end, on the screen (`u`) and on the
//! command line (`roll undo`), with an entry in the history; anyone else,
//! or anyone after the session's end, is refused with nothing changed, and
//! then only the office reopens, with a reason.

use crossterm::event::KeyCode;
use peixun::core::{Role, RollState, SessionId};
use peixun::i18n::Lang;
use peixun::tui::model::Model;
use serde_json::Value;

mod common;
use common::tui::{at, fixture_at, keys, press};
use common::{Db, SETUP, school};

const TODAY: SessionId = SessionId(26);

fn state(m: &Model) -> RollState {
    m.app.roll_view(TODAY).expect("roll").record.state
}

/// The actions of the history, oldest first, as `history --json` says.
fn actions(path: &std::path::Path) -> Vec<String> {
    let out = common::expect_ok(
        common::run_on(
            path,
            Some("tester"),
            "2026-11-26T18:00",
            &["history", "--json"],
        ),
        &["history", "--json"],
    );
    let v: Value = serde_json::from_str(&out).expect("json");
    let mut a: Vec<(u64, String)> = v
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            (
                e["seq"].as_u64().unwrap_or_default(),
                e["action"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    a.sort();
    a.into_iter().map(|(_, x)| x).collect()
}

/// The roll of today's session (15:30–17:30) taken and closed on the
/// screen by "tester".
fn closed(m: &mut Model) {
    keys(m, "fy  ");
    press(m, KeyCode::Esc);
    keys(m, "sy");
    press(m, KeyCode::Esc);
    keys(m, "ey");
    keys(m, "xy");
    assert_eq!(state(m), RollState::Closed);
}

#[test]
fn the_closer_takes_the_close_back_on_the_screen_until_the_sessions_end() {
    for lang in [Lang::Zh, Lang::En] {
        let (d, mut m) = fixture_at(lang, 6, at(16, 0));
        let path = d.path().join("t.redb");
        closed(&mut m);
        let before = actions(&path);
        keys(&mut m, "u");
        assert_eq!(
            state(&m),
            RollState::AfterSecondCall,
            "{:?}",
            m.status_line()
        );
        let after = actions(&path);
        assert_eq!(after.len(), before.len() + 1);
        assert_eq!(after.last().map(String::as_str), Some("roll.undo_step"));
        // Closed again, it stays a record of its day.
        keys(&mut m, "xy");
        assert_eq!(state(&m), RollState::Closed);
        assert!(
            m.app
                .roll_view(TODAY)
                .expect("roll")
                .record
                .closed
                .is_some()
        );
    }
}

#[test]
fn nobody_else_and_nobody_after_the_end_takes_it_back() {
    let (d, mut m) = fixture_at(Lang::Zh, 6, at(16, 0));
    let path = d.path().join("t.redb");
    m.app
        .set_account("clerk", vec![Role::Office], None, at(9, 0))
        .expect("an account");
    closed(&mut m);
    // Another member of the office, before the end: refused, naming who.
    let app = peixun::app::App::open(&path, "clerk", None, false).expect("open");
    let mut clerk = Model::new(
        app,
        Lang::Zh,
        peixun::tui::keymap::Keymap::default(),
        Box::new(|| at(16, 5)),
    );
    let before = actions(&path);
    keys(&mut clerk, "u");
    assert_eq!(state(&clerk), RollState::Closed);
    let (msg, err) = clerk.status_line().expect("a status");
    assert!(err && msg.contains("tester"), "{msg}");
    assert_eq!(actions(&path), before);
    drop(clerk);
    // The closer after the session's end (17:30): refused, saying the
    // office reopens it with a reason.
    drop(m);
    let app = peixun::app::App::open(&path, "tester", None, false).expect("open");
    let mut late = Model::new(
        app,
        Lang::Zh,
        peixun::tui::keymap::Keymap::default(),
        Box::new(|| at(17, 31)),
    );
    keys(&mut late, "u");
    assert_eq!(state(&late), RollState::Closed);
    let (msg, err) = late.status_line().expect("a status");
    assert!(err && msg.contains("17:30"), "{msg}");
    assert_eq!(actions(&path), before);
}

#[test]
fn roll_undo_takes_back_a_close_on_the_command_line() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10"]);
    let s = s[0].as_str();
    db.ok(SETUP, &["account", "set", "clerk", "--roles", "office"]);
    db.ok("2025-09-10T15:31", &["roll", "first", s, "T0001"]);
    db.ok("2025-09-10T15:36", &["roll", "second", s]);
    db.ok("2025-09-10T15:40", &["roll", "end-second", s]);
    db.ok("2025-09-10T15:45", &["roll", "close", s]);
    // Someone else: refused, nothing changed (checked by `refused`).
    let no = db.refused(Some("clerk"), "2025-09-10T15:50", &["roll", "undo", s]);
    assert!(no.contains("root") || no.contains("only"), "{no}");
    // The closer, before 16:30: taken back, in the history.
    db.ok("2025-09-10T15:50", &["roll", "undo", s]);
    let status: Value =
        serde_json::from_str(&db.ok("2025-09-10T15:51", &["roll", "status", s, "--json"]))
            .expect("json");
    assert_eq!(status["step"], "after_second_call", "{status}");
    let history = db.ok("2025-09-10T15:51", &["history", "--json"]);
    let h: Value = serde_json::from_str(&history).expect("json");
    let last = h
        .as_array()
        .and_then(|a| a.iter().max_by_key(|e| e["seq"].as_u64()))
        .expect("an entry");
    assert_eq!(last["action"], "roll.undo_step", "{last}");
    // Closed again; after 16:30 the close stays.
    db.ok("2025-09-10T15:55", &["roll", "close", s]);
    let late = db.refused(None, "2025-09-10T16:31", &["roll", "undo", s]);
    assert!(late.contains("16:30"), "{late}");
}

/// A close the term's posting has recorded stays: once the term is
/// published after the close, the close is not taken back (the past is
/// fixed), even by whoever closed it before the session's end.
#[test]
fn a_close_the_posting_recorded_is_not_taken_back() {
    let (d, mut m) = fixture_at(Lang::Zh, 6, at(16, 0));
    let path = d.path().join("t.redb");
    closed(&mut m);
    let term = m
        .app
        .current_term(at(16, 0).date())
        .expect("terms")
        .expect("a term today");
    m.app.publish(term, at(16, 1)).expect("published");
    m.reload();
    let before = actions(&path);
    keys(&mut m, "u");
    assert_eq!(state(&m), RollState::Closed);
    let (msg, err) = m.status_line().expect("a status");
    assert!(err && msg.contains("公布"), "{msg}");
    assert_eq!(actions(&path), before);
}
