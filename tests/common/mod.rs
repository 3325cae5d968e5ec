//! Helpers shared by the reliability tests (crash, concurrency, bad input,
//! disk): run the real `peixun` binary on a temporary database with the clock
//! set through `PEIXUN_NOW`, and read what it printed.
//!
//! Like tests/cli.rs these expect to run as root (as CI does): `peixun init`
//! makes the running account the training office, and `--as NAME` lets root
//! act as the leader.

#![allow(dead_code)] // each test file uses its own part of these

pub mod demo;
pub mod tmux;
pub mod tui;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_peixun");

/// A clock reading after everything the tests do, for read-only commands.
pub const LATER: &str = "2025-12-31T12:00";

/// A database file in its own temporary directory.
pub struct Db {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl Db {
    pub fn new() -> Db {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("peixun.redb");
        Db { dir, path }
    }

    /// A file of the given name beside the database (not created).
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, who: Option<&str>, now: &str, args: &[&str]) -> Output {
        run_on(&self.path, who, now, args)
    }

    pub fn ok(&self, now: &str, args: &[&str]) -> String {
        expect_ok(self.run(None, now, args), args)
    }

    pub fn ok_as(&self, who: &str, now: &str, args: &[&str]) -> String {
        expect_ok(self.run(Some(who), now, args), args)
    }

    /// Runs a command that must be refused and change nothing: no commit
    /// (the generation every commit bumps stays), nothing a user can see.
    /// Returns its one stderr line.
    pub fn refused(&self, who: Option<&str>, now: &str, args: &[&str]) -> String {
        let before = self.snapshot();
        let commits = generation(&self.path);
        let line = expect_refused(self.run(who, now, args), args);
        assert_eq!(
            commits,
            generation(&self.path),
            "refused command {args:?} committed a change"
        );
        assert_eq!(
            before,
            self.snapshot(),
            "refused command {args:?} changed the database"
        );
        line
    }

    /// What a user can see of the whole database: the history, every
    /// session's roll and every leave request.
    pub fn snapshot(&self) -> String {
        snapshot(&self.path)
    }
}

/// The number every commit to the database at `path` bumps.
pub fn generation(path: &Path) -> u64 {
    let store = peixun::store::Store::open_read(path).expect("open database");
    store
        .read()
        .and_then(|r| r.generation())
        .expect("read generation")
}

/// What a user can see of the database at `path`.
pub fn snapshot(path: &Path) -> String {
    let ok = |args: &[&str]| expect_ok(run_on(path, None, LATER, args), args);
    let mut out = ok(&["history"]);
    out.push_str(&ok(&["leave", "list", "--all"]));
    out.push_str(&ok(&["teacher", "list"]));
    let sessions = ok(&["session", "list"]);
    out.push_str(&sessions);
    for line in sessions.lines().skip(1) {
        let id = line.split_whitespace().next().expect("session id");
        out.push_str(&ok(&["roll", "status", id]));
    }
    out
}

/// Runs `cmd`, a program copied just now: it may be "busy" for a moment
/// (ETXTBSY), while another test thread's child, forked while the copy was
/// open for writing, holds it until it execs. Tried again until that child
/// has let go.
#[allow(dead_code)]
pub fn output_of_copy(cmd: &mut Command) -> std::io::Result<Output> {
    let mut tries = 0;
    loop {
        match cmd.output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 100 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

pub fn command(db: &Path, who: Option<&str>, now: &str, args: &[&str]) -> Command {
    command_in("en", db, who, now, args)
}

/// A command speaking `lang` (zh or en).
pub fn command_in(lang: &str, db: &Path, who: Option<&str>, now: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("--db").arg(db).args(["--lang", lang]);
    if let Some(who) = who {
        cmd.args(["--as", who]);
    }
    cmd.args(args)
        .env("PEIXUN_NOW", now)
        .env_remove("PEIXUN_DB")
        .env("LANG", "C");
    cmd
}

pub fn run_on(db: &Path, who: Option<&str>, now: &str, args: &[&str]) -> Output {
    command(db, who, now, args).output().expect("run peixun")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn expect_ok(out: Output, args: &[&str]) -> String {
    assert!(
        out.status.success(),
        "peixun {args:?} failed ({}): {}",
        out.status,
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A refusal: a non-zero exit, nothing on stdout and exactly one line on
/// stderr, naming the program. Returns that line.
pub fn expect_refused(out: Output, args: &[&str]) -> String {
    let stderr = text(&out.stderr);
    assert!(
        !out.status.success(),
        "peixun {args:?} should have been refused; it printed {:?}",
        text(&out.stdout)
    );
    assert_eq!(
        text(&out.stdout),
        "",
        "refused {args:?} wrote to stdout; stderr: {stderr}"
    );
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "refused {args:?} should say why in one line, got {stderr:?}"
    );
    assert!(
        lines[0].starts_with("peixun: "),
        "refusal of {args:?} does not name the program: {stderr:?}"
    );
    lines[0].to_string()
}

/// The number at the end of "saved, session 3" or "saved, leave request 2".
pub fn last_number(out: &str) -> String {
    let last = out.split_whitespace().last().unwrap_or_default();
    assert!(
        !last.is_empty() && last.chars().all(|c| c.is_ascii_digit()),
        "no id at the end of {out:?}"
    );
    last.to_string()
}

/// The moment the school is set up, before any session.
pub const SETUP: &str = "2025-08-25T09:00";

/// One 15:30–16:30 session of `credits` per date, added at `SETUP`.
pub fn add_sessions(db: &Db, dates: &[&str], credits: &str) {
    for d in dates {
        db.ok(
            SETUP,
            &[
                "session",
                "add",
                d,
                "15:30",
                "16:30",
                "学习",
                "--credits",
                credits,
            ],
        );
    }
}

/// Each roll run to its close at one moment: (session, moment, the
/// teachers who answered the first call, space-separated).
pub fn close_rolls(db: &Db, rolls: &[(&str, &str, &str)]) {
    for (s, now, who) in rolls {
        let mut args = vec!["roll", "first", s];
        args.extend(who.split(' '));
        db.ok(now, &args);
        db.ok(now, &["roll", "second", s]);
        db.ok(now, &["roll", "end-second", s]);
        db.ok(now, &["roll", "close", s]);
    }
}

/// init, `n` teachers T0001.. in two groups, the autumn term and one
/// session per date (15:30–16:30, 2 credits each). Returns the session ids.
pub fn school(db: &Db, n: usize, dates: &[&str]) -> Vec<String> {
    let out = db.ok(SETUP, &["init"]);
    assert!(out.contains("created"), "{out}");
    for i in 1..=n {
        let id = teacher(i);
        let name = format!("教师{i}");
        let group = if i % 2 == 0 { "数学" } else { "语文" };
        db.ok(SETUP, &["teacher", "add", &id, &name, group]);
    }
    term_and_sessions(|args| db.ok(SETUP, args), dates)
}

/// The autumn term and one session per date (15:30–16:30, 2 credits each),
/// each added by `ok` (a command that must succeed). Returns the session ids.
pub fn term_and_sessions(ok: impl Fn(&[&str]) -> String, dates: &[&str]) -> Vec<String> {
    ok(&["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"]);
    dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            let title = format!("Training {}", i + 1);
            let out = ok(&[
                "session",
                "add",
                date,
                "15:30",
                "16:30",
                &title,
                "--credits",
                "2",
            ]);
            last_number(&out)
        })
        .collect()
}

/// The id of the `i`th teacher of `school`.
pub fn teacher(i: usize) -> String {
    format!("T{i:04}")
}

/// The roll status line of one teacher.
pub fn status_line<'a>(status: &'a str, teacher: &str) -> Option<&'a str> {
    status.lines().find(|l| l.starts_with(teacher))
}
