//! The Chinese lines the issue found half in English (issue 16, first
//! bullet), through the binary and the terminal app: a time outside the
//! session, an empty name, the leave form's kind, a refused value of a
//! flag, and the app's export over an existing file (the app has no
//! `--force`). Each line must hold no English word: the only Latin letters
//! left are ids, the program's name, file names (removed before the check)
//! and placeholders.

use crossterm::event::KeyCode;
use peixun::i18n::Lang;

mod common;
use common::tui::{fixture, keys, press};
use common::*;

/// Latin words a Chinese line may hold: the program, placeholders of a
/// date or a time.
const ALLOWED: &[&str] = &["peixun", "YYYY", "MM", "DD", "HH"];

/// The runs of two or more Latin letters in `line` that are not allowed.
fn english(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in line.chars().chain([' ']) {
        if c.is_ascii_alphabetic() {
            run.push(c);
        } else {
            if run.len() > 1 && !ALLOWED.contains(&run.as_str()) {
                out.push(run.clone());
            }
            run.clear();
        }
    }
    out
}

#[track_caller]
fn all_chinese(line: &str) {
    let words = english(line);
    assert!(words.is_empty(), "English {words:?} in {line:?}");
    assert!(
        line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "no Chinese in {line:?}"
    );
}

/// A refusal in Chinese: exit 1, one line, nothing changed.
fn refused_zh(db: &Db, now: &str, args: &[&str]) -> String {
    let before = db.snapshot();
    let out = command_in("zh", &db.path, None, now, args)
        .output()
        .expect("run peixun");
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let line = expect_refused(out, args);
    assert_eq!(before, db.snapshot(), "{args:?} changed the database");
    line.trim_start_matches("peixun: ").to_string()
}

#[test]
fn a_time_outside_the_session_is_refused_in_chinese() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10"]);
    db.ok("2025-09-10T15:31", &["roll", "first", &s[0], "T0001"]);
    db.ok("2025-09-10T15:36", &["roll", "second", &s[0]]);
    db.ok("2025-09-10T15:40", &["roll", "end-second", &s[0]]);
    let line = refused_zh(
        &db,
        "2025-09-10T16:40",
        &["roll", "arrive", &s[0], "T0002", "--at", "16:45"],
    );
    all_chinese(&line);
    assert!(line.contains("16:45") && line.contains("16:30"), "{line}");
    // A time that is no time names the field in Chinese too.
    let line = refused_zh(
        &db,
        "2025-09-10T16:40",
        &["roll", "arrive", &s[0], "T0002", "--at", "quarter"],
    );
    assert!(line.contains("时间“quarter”"), "{line}");
    all_chinese(&line.replace("quarter", ""));
}

#[test]
fn an_empty_name_is_refused_in_chinese() {
    let db = Db::new();
    school(&db, 2, &["2025-09-10"]);
    for args in [
        &["record", ""][..],
        &[
            "leave",
            "request",
            "",
            "personal",
            "--from",
            "2025-09-10",
            "--reason",
            "家事",
        ][..],
    ] {
        let line = refused_zh(&db, "2025-09-09T10:00", args);
        all_chinese(&line);
        assert!(!line.contains("  "), "a blank where the name was: {line}");
    }
}

#[test]
fn a_wrong_leave_kind_is_refused_in_chinese() {
    let db = Db::new();
    school(&db, 2, &["2025-09-10"]);
    let line = refused_zh(
        &db,
        "2025-09-09T10:00",
        &[
            "leave",
            "request",
            "T0001",
            "holiday",
            "--from",
            "2025-09-10",
            "--reason",
            "家事",
        ],
    );
    all_chinese(&line.replace("holiday", ""));
    assert!(line.contains("公假、事假或病假"), "{line}");
}

#[test]
fn the_leave_form_names_the_kinds_in_chinese() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    keys(&mut m, "2");
    keys(&mut m, "n");
    let screen = common::tui::screen(&m, 120, 40);
    let line = screen
        .iter()
        .find(|l| l.contains("类别"))
        .unwrap_or_else(|| panic!("no kind field:\n{}", screen.join("\n")));
    let field: String = line
        .split('│')
        .find(|c| c.contains("类别"))
        .unwrap_or(line)
        .to_string();
    all_chinese(&field);
    assert!(field.contains("公假"), "{field}");
}

#[test]
fn the_apps_export_over_a_file_asks_for_another_name_in_chinese() {
    let (dir, mut m) = fixture(Lang::Zh, 6);
    let out = dir.path().join("x.xlsx");
    std::fs::write(&out, b"already here").expect("write");
    keys(&mut m, "3");
    keys(&mut m, "e");
    for _ in 0..80 {
        press(&mut m, KeyCode::Backspace);
    }
    let path = out.to_str().expect("a UTF-8 path");
    keys(&mut m, path);
    press(&mut m, KeyCode::Enter);
    let (said, err) = m.status_line().expect("a status line");
    assert!(err, "{said}");
    assert!(!said.contains("--force"), "the app has no --force: {said}");
    assert!(said.contains("请换一个文件名"), "{said}");
    all_chinese(&said.replace(path, ""));
    assert_eq!(std::fs::read(&out).expect("read"), b"already here");
}
