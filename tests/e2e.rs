//! The real binary in a real terminal (tmux): start the app on a demo
//! database, take a mark by keys, quit, and find the terminal restored.
//! Skipped with a note when tmux is not installed; under CI=true that is
//! a failure (tests/common/tmux.rs).

mod common;

use common::tmux::{Tmux, must_run};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
const NOW: &str = "2026-11-26T15:35";

impl Tmux {
    /// Presses each key in turn (tmux's names: `Space`, `Enter`, `y`).
    fn send(&mut self, keys: &[&str]) {
        for k in keys {
            self.key(k);
        }
    }
}

impl Tmux {
    /// Esc alone, then wait until calling mode has ended (Esc followed at
    /// once by a letter reads as Alt-letter).
    fn esc(&mut self) {
        self.send(&["Escape"]);
        self.wait("calling mode to end", |t| {
            t.is_some_and(|t| !t.contains("Calling:"))
        });
    }
}

fn app_command(db: &Path) -> String {
    // `; echo` keeps a shell line after the app, to see the terminal after it.
    format!(
        "env PEIXUN_DB='{}' PEIXUN_NOW={NOW} '{BIN}' --lang en; echo PEIXUN-EXIT=$?; sleep 30",
        db.display()
    )
}

#[test]
fn roll_call_in_a_real_terminal() {
    if !must_run() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.redb");
    let out = Command::new(BIN)
        .args(["demo", "--teachers", "12", "--seed", "7"])
        .env("PEIXUN_DB", &db)
        .env("PEIXUN_NOW", NOW)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut t = Tmux::start("roll", &app_command(&db), 120, 35);
    let screen = t.wait_for("not started");
    assert!(screen.contains("1 Roll call"), "{screen}");
    assert!(screen.contains("2026-11-26  15:30-17:30"), "{screen}");
    // The terminal app uses the alternate screen and hides the shell.
    assert!(!screen.contains("PEIXUN-EXIT"), "{screen}");

    t.send(&["f"]);
    t.wait_for("Start the first call?");
    t.send(&["y"]);
    let screen = t.wait_for("【first call】");
    assert!(screen.contains("Calling: space=here"), "{screen}");
    t.send(&["Space"]);
    let screen = t.wait_for("marked present");
    assert!(screen.contains("present 1"), "{screen}");

    // q while calling names asks first (issue 27); y quits.
    t.send(&["q"]);
    t.wait_for("Quit now?");
    t.send(&["y"]);
    let screen = t.wait("the app to exit", |t| {
        t.is_none_or(|t| t.contains("PEIXUN-EXIT="))
    });
    if let Some(screen) = screen {
        assert!(screen.contains("PEIXUN-EXIT=0"), "{screen}");
        // Back on the normal screen: none of the app is left on it.
        assert!(!screen.contains("Roll call"), "{screen}");
        assert!(!screen.contains("first call"), "{screen}");
    }
    // The mark was saved: the command line sees it.
    let out = Command::new(BIN)
        .args(["--lang", "en", "roll", "status", "26"])
        .env("PEIXUN_DB", &db)
        .env("PEIXUN_NOW", NOW)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("[first call]"), "{shown}");
    assert!(shown.contains("present 1"), "{shown}");
}

/// A whole roll call in a real terminal, with a stray `s` and `e` taken
/// back by `u` (issue 17): the first call, the slip, the second call, the
/// close; the command line then sees exactly that roll.
#[test]
fn a_whole_roll_call_with_a_stray_s_and_e_undone() {
    if !must_run() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.redb");
    let out = Command::new(BIN)
        .args(["demo", "--teachers", "12", "--seed", "7"])
        .env("PEIXUN_DB", &db)
        .env("PEIXUN_NOW", NOW)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut t = Tmux::start("whole", &app_command(&db), 120, 35);
    t.wait_for("not started");
    // The first call: three answer, T0004 does not, T0005 does.
    t.send(&["f"]);
    t.wait_for("Start the first call?");
    t.send(&["y"]);
    t.wait_for("【first call】");
    for _ in 0..3 {
        t.send(&["Space"]);
    }
    t.wait_for("present 3");
    t.send(&["n", "Space"]);
    t.wait_for("present 4");
    t.esc();
    // The slip: s, y, then e, y, by mistake.
    t.send(&["s"]);
    t.wait_for("Start the second call?");
    t.send(&["y"]);
    t.wait_for("【second call】");
    // Esc alone (Esc then a letter at once reads as Alt-letter).
    t.esc();
    t.wait("calling mode to end", |t| {
        t.is_some_and(|t| !t.contains("Calling:"))
    });
    t.send(&["e"]);
    t.wait_for("End the second call?");
    t.send(&["y"]);
    t.wait_for("【after the second call】");
    // u, u: back in the first call, nothing else changed.
    t.send(&["u"]);
    t.wait_for("back at \"second call\"");
    t.send(&["u"]);
    let screen = t.wait_for("【first call】");
    assert!(screen.contains("present 4"), "{screen}");
    // The first call goes on: everyone else but two answers.
    t.send(&["f"]);
    t.wait_for("Calling: space=here");
    for _ in 0..6 {
        t.send(&["Space"]);
    }
    t.wait_for("present 10");
    t.esc();
    // The second call: nobody more; walking past the end asks to end it.
    t.send(&["s"]);
    t.wait_for("Start the second call?");
    t.send(&["y", "n", "n"]);
    t.wait_for("End the second call?");
    t.send(&["y"]);
    t.wait_for("【after the second call】");
    t.send(&["x"]);
    t.wait_for("These 2 teachers become absent");
    t.send(&["y"]);
    let screen = t.wait_for("【closed】");
    assert!(screen.contains("absent 2"), "{screen}");
    t.send(&["q"]);
    t.wait("the app to exit", |t| {
        t.is_none_or(|t| t.contains("PEIXUN-EXIT="))
    });
    let out = Command::new(BIN)
        .args(["--lang", "en", "roll", "status", "26"])
        .env("PEIXUN_DB", &db)
        .env("PEIXUN_NOW", NOW)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("[closed]"), "{shown}");
    assert!(shown.contains("present 10"), "{shown}");
    assert!(shown.contains("absent 2"), "{shown}");
    assert!(!shown.contains(" late"), "nobody is late: {shown}");
}

#[test]
fn first_run_opens_the_demo_with_its_leave_queue() {
    if !must_run() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.redb");
    let mut t = Tmux::start("first", &app_command(&db), 120, 35);
    t.wait_for("No database yet: opened the demo school");
    assert!(dir.path().join("demo.redb").exists());
    assert!(!db.exists());
    // The demo account decides leave: the queue has requests waiting.
    t.send(&["2"]);
    let screen = t.wait_for("[waiting for me]");
    assert!(!screen.contains("No requests"), "{screen}");
    assert!(screen.contains("pending"), "{screen}");
    t.send(&["q"]);
    t.wait("the app to exit", |t| {
        t.is_none_or(|t| t.contains("PEIXUN-EXIT=0"))
    });
}

/// `--as` reaches the terminal app as it reaches the CLI: the header
/// names the account, and what it may not do is refused (issue 17).
#[test]
fn as_an_account_in_the_terminal_app() {
    if !must_run() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.redb");
    let run = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .env("PEIXUN_DB", &db)
            .env("PEIXUN_NOW", NOW)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["demo", "--teachers", "12", "--seed", "7"]);
    run(&[
        "account",
        "set",
        "t5",
        "--roles",
        "teacher",
        "--teacher",
        "T0005",
    ]);
    let cmd = format!(
        "env PEIXUN_DB='{}' PEIXUN_NOW={NOW} '{BIN}' --lang en --as t5; echo PEIXUN-EXIT=$?; sleep 30",
        db.display()
    );
    let mut t = Tmux::start("as", &cmd, 120, 35);
    let screen = t.wait_for("account t5");
    assert!(screen.contains("account t5"), "{screen}");
    // A teacher takes no roll.
    t.send(&["f"]);
    t.send(&["y"]);
    let screen = t.wait_for("not allowed");
    assert!(screen.contains("not started"), "{screen}");
    t.send(&["q"]);
}
