//! The real binary in a real terminal (tmux): start the app on a demo
//! database, take a mark by keys, quit, and find the terminal restored.
//! Skipped with a note when tmux is not installed (CI installs it).

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
const NOW: &str = "2026-11-26T15:35";

/// A private tmux server (its own socket), killed when dropped.
struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    fn start(name: &str, cmd: &str) -> Tmux {
        let t = Tmux {
            socket: format!("peixun-test-{}-{name}", std::process::id()),
            session: name.to_string(),
        };
        let out = t.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "120",
            "-y",
            "35",
            cmd,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// The pane's text, or None once the session is gone.
    fn capture(&self) -> Option<String> {
        let out = self.run(&["capture-pane", "-p", "-t", &self.session]);
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session.as_str()];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Polls the pane until `pred` holds (up to 5 s); returns the last text.
    fn wait(&self, what: &str, pred: impl Fn(Option<&str>) -> bool) -> Option<String> {
        let start = Instant::now();
        loop {
            let text = self.capture();
            if pred(text.as_deref()) {
                return text;
            }
            if start.elapsed() > Duration::from_secs(5) {
                panic!(
                    "timed out waiting for {what}; the pane shows:\n{}",
                    text.unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait(text, |t| t.is_some_and(|t| t.contains(text)))
            .unwrap_or_default()
    }
}

impl Tmux {
    /// Esc alone, then wait until calling mode has ended (Esc followed at
    /// once by a letter reads as Alt-letter).
    fn esc(&self) {
        self.send(&["Escape"]);
        self.wait("calling mode to end", |t| {
            t.is_some_and(|t| !t.contains("Calling:"))
        });
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
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
    if !Tmux::available() {
        eprintln!("tmux is not installed: skipping the terminal test");
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

    let t = Tmux::start("roll", &app_command(&db));
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
    if !Tmux::available() {
        eprintln!("tmux is not installed: skipping the terminal test");
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
    let t = Tmux::start("whole", &app_command(&db));
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
    if !Tmux::available() {
        eprintln!("tmux is not installed: skipping the terminal test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.redb");
    let t = Tmux::start("first", &app_command(&db));
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
    if !Tmux::available() {
        eprintln!("tmux is not installed: skipping the terminal test");
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
    let t = Tmux::start("as", &cmd);
    let screen = t.wait_for("account t5");
    assert!(screen.contains("account t5"), "{screen}");
    // A teacher takes no roll.
    t.send(&["f"]);
    t.send(&["y"]);
    let screen = t.wait_for("not allowed");
    assert!(screen.contains("not started"), "{screen}");
    t.send(&["q"]);
}
