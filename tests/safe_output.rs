//! Safe output: whatever a person or a file put in the database (names,
//! groups, reasons, comments, titles, file names) is shown through
//! `i18n::shown`, so an escape sequence or a bidirectional override is
//! written visibly (`\u{1b}`) and never reaches the terminal or a file as
//! itself. Today's input refuses such text, so the database here is one an
//! older version filled: the hostile values are written through the store.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::*;
use peixun::core::{
    AcademicYear, Cover, CreditId, CreditStage, Evidence, ExternalCredit, Leave, LeaveId,
    LeaveKind, LeaveStatus, TeacherId,
};
use peixun::store::Store;

/// Clears the line above, sets the clipboard and rings the bell.
const EVIL: &str = "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[1A\u{1b}[2K\u{202e}x";

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("a time")
}

/// A school of two teachers and one session; then T0001's name and group,
/// a leave's reason and comment, a credit's title and comment, the
/// session's title and a history reason carry `EVIL`.
fn planted() -> (Db, String) {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10"]);
    let store = Store::open_write(&db.path).expect("open");
    let mut w = store.write("old-version", at(SETUP)).expect("write");
    let t1 = TeacherId("T0001".into());
    let mut t = w.teacher(&t1).expect("read").expect("T0001");
    t.name = format!("张三{EVIL}");
    t.group = format!("语文{EVIL}");
    w.put_teacher(&t).expect("teacher");
    let sid = peixun::core::SessionId(s[0].parse().expect("id"));
    let mut rec = w.session(sid).expect("read").expect("session");
    rec.session.title = format!("Training{EVIL}");
    w.put_session(&rec).expect("session");
    w.put_leave(&Leave {
        id: LeaveId(1),
        teacher: t1.clone(),
        kind: LeaveKind::Personal,
        cover: Cover::Dates {
            from: NaiveDate::from_ymd_opt(2025, 9, 10).expect("date"),
            to: NaiveDate::from_ymd_opt(2025, 9, 10).expect("date"),
        },
        reason: format!("家中有事{EVIL}"),
        evidence: Evidence::default(),
        emergency: false,
        status: LeaveStatus::Pending,
        requested_by: "root".into(),
        requested_at: at(SETUP),
        decided_by: None,
        decided_at: None,
        comment: format!("ok{EVIL}"),
    })
    .expect("leave");
    w.put_external_credit(&ExternalCredit {
        id: CreditId(1),
        teacher: t1.clone(),
        year: AcademicYear(2025),
        date: NaiveDate::from_ymd_opt(2025, 9, 20).expect("date"),
        title: format!("区级培训{EVIL}"),
        organiser: format!("进修学校{EVIL}"),
        credits: peixun::core::Credits::parse("2").expect("credits"),
        card: format!("K1{EVIL}"),
        stage: CreditStage::Registered,
        reported: false,
        registered_by: "root".into(),
        registered_at: at(SETUP),
        steps: Vec::new(),
    })
    .expect("credit");
    w.log(
        "roll.correct",
        format!("T0001{EVIL}"),
        None,
        None,
        Some(format!("漏记{EVIL}")),
        Some(sid),
        Some(t1),
    )
    .expect("log");
    w.commit().expect("commit");
    (db, s[0].clone())
}

/// A character that must not be printed as itself (line ends aside).
fn raw(c: char) -> bool {
    c != '\n' && c != '\r' && peixun::i18n::is_unsafe_char(c)
}

/// No escape, bell or override reaches the output; each is written visibly.
#[track_caller]
fn safe(what: &str, out: &str) {
    assert!(
        !out.chars().any(raw),
        "{what} printed a raw control or bidirectional character: {out:?}"
    );
    assert!(
        out.contains("\\u{1b}"),
        "{what} does not show the escape visibly: {out:?}"
    );
}

#[test]
fn teacher_list_shows_escapes_visibly() {
    let (db, _) = planted();
    safe("teacher list", &db.ok(LATER, &["teacher", "list"]));
}

#[test]
fn leave_list_shows_escapes_visibly() {
    let (db, _) = planted();
    let out = db.ok(LATER, &["leave", "list", "--all"]);
    safe("leave list", &out);
    assert!(out.contains("家中有事"), "{out}");
}

#[test]
fn lookup_shows_escapes_visibly() {
    let (db, _) = planted();
    safe(
        "lookup",
        &db.ok(LATER, &["lookup", "张三", "--year", "2025"]),
    );
}

#[test]
fn standings_show_escapes_visibly() {
    let (db, _) = planted();
    safe("standings", &db.ok(LATER, &["standings", "--year", "2025"]));
}

#[test]
fn record_shows_escapes_visibly() {
    let (db, _) = planted();
    safe("record", &db.ok(LATER, &["record", "T0001"]));
}

#[test]
fn roll_status_shows_escapes_visibly() {
    let (db, s) = planted();
    safe("roll status", &db.ok(LATER, &["roll", "status", &s]));
}

#[test]
fn session_list_shows_escapes_visibly() {
    let (db, _) = planted();
    safe("session list", &db.ok(LATER, &["session", "list"]));
}

#[test]
fn history_shows_escapes_visibly() {
    let (db, _) = planted();
    safe("history", &db.ok(LATER, &["history"]));
}

#[test]
fn credit_list_shows_escapes_visibly() {
    let (db, _) = planted();
    safe("credit list", &db.ok(LATER, &["credit", "list"]));
}

#[test]
fn roll_close_names_the_absent_visibly() {
    let (db, s) = planted();
    db.ok("2025-09-10T15:31", &["roll", "first", &s]);
    db.ok("2025-09-10T15:36", &["roll", "second", &s]);
    let out = db.ok("2025-09-10T16:40", &["roll", "close", &s]);
    safe("roll close", &out);
}

#[test]
fn an_error_naming_a_hostile_value_shows_it_visibly() {
    let (db, _) = planted();
    let out = run_on(&db.path, None, LATER, &["record", &format!("nobody{EVIL}")]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    safe("an error", &err);
}

#[test]
fn export_message_shows_a_hostile_file_name_visibly() {
    let (db, _) = planted();
    let file = db.file(&format!("x{EVIL}.csv"));
    let out = db.ok(
        LATER,
        &["export", "teachers", "--out", &file.to_string_lossy()],
    );
    safe("export message", &out);
}

#[test]
fn import_error_shows_a_hostile_file_name_visibly() {
    let (db, _) = planted();
    let file = db.file(&format!("missing{EVIL}.csv"));
    let out = run_on(
        &db.path,
        None,
        LATER,
        &["import", "teachers", &file.to_string_lossy()],
    );
    assert!(!out.status.success());
    safe("import error", &text(&out.stderr));
}

#[test]
fn csv_exports_write_control_characters_visibly() {
    let (db, _) = planted();
    for (what, args) in [
        ("roster", vec!["export", "teachers"]),
        ("standings", vec!["export", "standings", "--year", "2025"]),
        ("record", vec!["export", "record", "T0001"]),
    ] {
        let file = db.file(&format!("{what}.csv"));
        let mut args: Vec<&str> = args;
        let f = file.to_string_lossy().into_owned();
        args.extend(["--out", &f]);
        db.ok(LATER, &args);
        let bytes = std::fs::read(&file).expect("written");
        let csv = String::from_utf8_lossy(&bytes);
        let csv = csv.trim_start_matches('\u{feff}');
        safe(&format!("{what} CSV"), csv);
    }
}

#[test]
fn terminal_app_cells_show_escapes_visibly() {
    let (db, _) = planted();
    let (os, root) = peixun::app::os_account();
    let app = peixun::app::App::open(&db.path, &os, None, root).expect("open");
    let mut m = peixun::tui::model::Model::new(
        app,
        peixun::i18n::Lang::Zh,
        peixun::tui::keymap::Keymap::default(),
        Box::new(|| at("2025-09-10T16:00")),
    );
    for tab in ['1', '2', '3', '4', '5', '6'] {
        common::tui::press(&mut m, crossterm::event::KeyCode::Char(tab));
        let screen = common::tui::text(&m);
        assert!(
            !screen.chars().any(raw),
            "tab {tab} drew a raw control or bidirectional character:\n{screen}"
        );
        if tab == '1' {
            assert!(
                screen.contains("\\u{1b}"),
                "the title is not shown visibly:\n{screen}"
            );
        }
    }
}
