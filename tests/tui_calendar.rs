//! The school's year in the terminal app (issue 14, its last bullet): the
//! roll screen edits, moves and cancels a session, reopens a closed roll
//! and excuses an early leave; the teacher screen records a departure and
//! edits a teacher. Each through a small form, a one-key question, and the
//! same app-layer call as the command line; each leaves its history entry.
//! Also: a roll started too early (a reason box for the office, a plain
//! refusal for others), and a new academic-year start checked against the
//! terms already entered (through the binary).

mod common;

use common::{Db, school};

/// The policy as `policy show` prints it, with the year starting on `day`.
fn policy_with_year_start(db: &Db, day: &str) -> std::path::PathBuf {
    let shown = db.ok(common::SETUP, &["policy", "show"]);
    assert!(shown.contains("year_start = \"09-01\""), "{shown}");
    let file = db.file("policy.toml");
    let text = shown.replace("year_start = \"09-01\"", &format!("year_start = \"{day}\""));
    std::fs::write(&file, text).expect("write the policy");
    file
}

#[test]
fn a_year_start_that_would_rename_an_entered_term_is_refused() {
    let db = Db::new();
    school(&db, 2, &["2025-09-10"]);
    // 10-01: the autumn term from 2025-09-01 would fall in 2024–2025, as
    // its second term.
    let file = policy_with_year_start(&db, "10-01");
    let f = file.to_str().expect("a path");
    let en = db.refused(None, common::SETUP, &["policy", "set", f]);
    assert!(
        en.contains("2025-autumn") && en.contains("2024-spring") && en.contains("10-01"),
        "{en}"
    );
    assert!(en.contains("nothing was changed"), "{en}");
    let zh = common::text(
        &common::command_in("zh", &db.path, None, common::SETUP, &["policy", "set", f])
            .output()
            .expect("run")
            .stderr,
    );
    assert!(
        zh.contains("2025-autumn")
            && zh.contains("2024-2025学年第二学期")
            && zh.contains("未做任何更改"),
        "{zh}"
    );
    // A start that keeps the term as named is taken.
    let file = policy_with_year_start(&db, "08-15");
    let f = file.to_str().expect("a path");
    db.ok(common::SETUP, &["policy", "set", f]);
    let shown = db.ok(common::SETUP, &["policy", "show"]);
    assert!(shown.contains("year_start = \"08-15\""), "{shown}");
}
