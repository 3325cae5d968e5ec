//! Upgrades that ask nothing of luck (issue 26): database files written by
//! the builds that landed (tests/data/landed/<commit>/, each with the
//! script that made it and what that build printed) opened by this one.
//!
//! - Every reading command reads an older file as it is, never changing a
//!   byte of it, also where the file cannot be written at all; `check`
//!   reports the file's schema, not damage.
//! - The first change upgrades the file, says so in one line and first
//!   keeps the file as it was beside it, never over an earlier copy.
//! - What this build prints of the file (standings, history, the lists) is
//!   what the build that wrote it printed, where the two builds print the
//!   same thing.
//! - A file of a schema only a development build wrote is refused as such.
//!
//! Like the other tests these run as root (as CI does); the read-only test
//! drops root's capabilities with `setpriv`, and fails under `CI=true`
//! where it cannot.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The landed builds whose files are committed, with their schema.
const LANDED: &[(&str, u32)] = &[("fb2a684", 2), ("d44f7f8", 5)];

/// The moment every committed output was printed at (make.sh's `$at`).
const AT: &str = "2025-10-23T08:00";

fn data(commit: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/landed")
        .join(commit)
}

fn printed(commit: &str, file: &str) -> String {
    std::fs::read_to_string(data(commit).join(file)).expect("committed output")
}

/// A copy of a landed file in a directory of its own.
fn copy_of(commit: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("peixun.redb");
    std::fs::copy(data(commit).join("peixun.redb"), &path).expect("copy");
    (dir, path)
}

fn peixun(db: &Path, now: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(common::BIN);
    cmd.arg("--db")
        .arg(db)
        .args(["--lang", "zh"])
        .args(args)
        .env("PEIXUN_NOW", now)
        .env_remove("PEIXUN_DB")
        .env("LANG", "C");
    cmd
}

fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed: {}",
        common::text(&out.stderr)
    );
    common::text(&out.stdout)
}

/// The reading commands, with what each printed.
const READS: &[&[&str]] = &[
    &["standings", "--json"],
    &["history", "--json"],
    &["history"],
    &["teacher", "list"],
    &["session", "list"],
    &["leave", "list", "--all"],
    &["lookup", "蔡"],
    &["lookup", "没有这个人"],
    &["record", "T0004"],
    &["roll", "status", "15"],
    &["account", "list"],
    &["policy", "show"],
    &["check"],
];

/// Runs every reading command on `db` (through `wrap`, which may run it
/// as someone else), checking after each that no byte of the file and no
/// file of its directory changed; returns the outputs.
fn read_everything(db: &Path, wrap: impl Fn(Command) -> Command) -> Vec<String> {
    let dir = db.parent().expect("dir");
    let before = std::fs::read(db).expect("read");
    let listing = || {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        v.sort();
        v
    };
    let files = listing();
    let mut outs = Vec::new();
    for args in READS {
        let out = wrap(peixun(db, AT, args)).output().expect("run");
        if args.get(1) == Some(&"没有这个人") {
            // Finds nobody: refused, in a line, like any lookup that misses.
            assert!(!out.status.success() && common::text(&out.stderr).contains("没有这个人"));
            outs.push(String::new());
        } else {
            outs.push(ok(out, &format!("{args:?}")));
        }
        assert!(
            std::fs::read(db).expect("read") == before,
            "{args:?} changed the file"
        );
        assert_eq!(files, listing(), "{args:?} made a file beside it");
    }
    outs
}

/// What this build says differently on purpose, as (teacher, key, what the
/// old build printed, what this build prints): T0003's personal leave is
/// approved for a session still to come on the day the figures are read
/// (make.sh), and leave counts when its session happens (issue 25): it is
/// pending, not a personal leave, and costs no point yet.
const CORRECTED: &[(&str, &str, i64, i64)] = &[
    ("T0003", "personal_leave", 1, 0),
    ("T0003", "pending", 64, 65),
    ("T0003", "points", 37, 38),
];

/// Old keys of each standings row equal the new ones (later builds add
/// keys) but for the corrections above; a deduction the old build printed
/// as words is compared by its points.
fn same_standings(old: &str, new: &str) {
    let old: Vec<Value> = serde_json::from_str(old).expect("old json");
    let new: Vec<Value> = serde_json::from_str(new).expect("new json");
    assert_eq!(old.len(), new.len(), "standings rows");
    for (o, n) in old.iter().zip(&new) {
        for (k, v) in o.as_object().expect("row") {
            if k == "deductions" {
                let points = |d: &Value| {
                    d.as_array()
                        .expect("deductions")
                        .iter()
                        .map(|x| match x {
                            Value::String(s) => s
                                .rsplit_once('扣')
                                .and_then(|(_, p)| p.trim_end_matches("分)").parse::<u64>().ok())
                                .expect("points in the words"),
                            x => x["points"].as_u64().expect("points"),
                        })
                        .collect::<Vec<_>>()
                };
                assert_eq!(points(v), points(&n[k]), "{}: deductions", o["id"]);
            } else if let Some((.., was, is)) = CORRECTED
                .iter()
                .find(|(id, key, ..)| o["id"] == *id && k == key)
            {
                assert_eq!(
                    v,
                    &Value::from(*was),
                    "{}: {k} as the old build printed",
                    o["id"]
                );
                assert_eq!(n[k], Value::from(*is), "{}: {k} corrected", o["id"]);
            } else {
                assert_eq!(v, &n[k], "{}: {k}", o["id"]);
            }
        }
    }
}

/// The history the old build printed as text (number, date, time, who,
/// action, …) against this build's `history --json`.
fn same_history(old_text: &str, new_json: &str) {
    let new: Vec<Value> = serde_json::from_str(new_json).expect("json");
    let old: Vec<Vec<&str>> = old_text
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(old.len(), new.len(), "history entries");
    for (o, n) in old.iter().zip(&new) {
        assert_eq!(o[0], n["seq"].to_string());
        assert_eq!(format!("{}T{}", o[1], o[2]), n["at"].as_str().expect("at"));
        assert_eq!(o[3], n["who"].as_str().expect("who"));
        // The old build printed the action's stable name; later ones words.
        if o[4].is_ascii() {
            assert_eq!(o[4], n["action"].as_str().expect("action"));
        }
    }
}

/// Each line's first columns as the old build printed them (later builds
/// add columns at the end).
fn same_columns(old: &str, new: &str) {
    let old: Vec<Vec<&str>> = old
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let new: Vec<Vec<&str>> = new
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(old.len(), new.len(), "lines");
    for (o, n) in old.iter().zip(&new) {
        assert_eq!(o[..], n[..o.len()], "line {o:?}");
    }
}

/// The leave list. Later builds name a request's sessions by their date
/// and time (main, issue 28) where the old build gave their numbers: each
/// number is looked up in the old build's session list. A request the old
/// build showed still pending although its session had begun is shown
/// expired since the calendar (issue 14). Everything else as printed.
fn same_leaves(old: &str, new: &str, sessions: &str) {
    let when = |id: &str| -> String {
        sessions
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .find(|t| t.first() == Some(&id))
            .map(|t| format!("{} {}", t[1], t[2]))
            .unwrap_or_else(|| panic!("session {id} in the old session list"))
    };
    assert_eq!(old.lines().count(), new.lines().count());
    for (o, n) in old.lines().zip(new.lines()).skip(1) {
        let (o, n): (Vec<&str>, Vec<&str>) = (
            o.split_whitespace().collect(),
            n.split_whitespace().collect(),
        );
        assert_eq!(o[..3], n[..3], "{o:?} / {n:?}");
        let range = if o[3].parse::<u32>().is_ok() && n[3].contains('-') {
            assert_eq!(when(o[3]), format!("{} {}", n[3], n[4]), "{o:?} / {n:?}");
            5
        } else {
            assert_eq!(o[3], n[3]);
            4
        };
        // An approved leave none of whose sessions has begun now says so
        // (issue 25): T0003's personal leave of a session still to come.
        let to_come = n.contains(&"已批准(活动未到)");
        if to_come {
            assert_eq!(n[1], "T0003", "{n:?}");
        }
        let n: Vec<&str> = n
            .iter()
            .map(|w| {
                if *w == "已批准(活动未到)" {
                    "已批准"
                } else {
                    *w
                }
            })
            .collect();
        let (o, n) = (&o[4..], &n[range..]);
        if o.contains(&"待审批") && n.contains(&"已过期") {
            assert_eq!(o[..1], n[..1], "{o:?} / {n:?}");
        } else {
            assert_eq!(o, n);
        }
    }
}

/// Every setting the old build showed, with its value (later builds add
/// settings, at their defaults).
fn same_policy(old: &str, new: &str) {
    let old: toml::Table = old.parse().expect("old policy");
    let new: toml::Table = new.parse().expect("new policy");
    for (k, v) in &old {
        match v {
            toml::Value::Table(section) => {
                for (key, value) in section {
                    assert_eq!(Some(value), new[k].get(key), "[{k}] {key}");
                }
            }
            v => assert_eq!(Some(v), new.get(k), "{k}"),
        }
    }
}

fn compare_with_old_build(commit: &str, outs: &[String]) {
    same_standings(&printed(commit, "standings.json"), &outs[0]);
    same_history(&printed(commit, "history.txt"), &outs[1]);
    same_columns(&printed(commit, "teachers.txt"), &outs[3]);
    assert_eq!(
        printed(commit, "sessions.txt"),
        outs[4],
        "{commit}: sessions"
    );
    same_leaves(
        &printed(commit, "leaves.txt"),
        &outs[5],
        &printed(commit, "sessions.txt"),
    );
    same_policy(&printed(commit, "policy.toml"), &outs[11]);
    assert!(outs[6].contains("T0004"), "{commit}: lookup {}", outs[6]);
    assert!(outs[8].contains("T0004"), "{commit}: record {}", outs[8]);
}

fn check_says_schema(out: &str, schema: u32) {
    assert!(
        out.contains(&format!("结构版本 {schema}")),
        "check does not name the file's schema {schema}: {out}"
    );
}

#[test]
fn reading_a_landed_file_changes_no_byte_and_shows_what_its_build_showed() {
    for &(commit, schema) in LANDED {
        let (_dir, db) = copy_of(commit);
        let outs = read_everything(&db, |c| c);
        compare_with_old_build(commit, &outs);
        check_says_schema(outs.last().expect("check"), schema);
    }
}

/// Whether root can run a command without its capabilities (so that file
/// modes hold for it as for anyone): `setpriv`, as root.
fn can_drop_capabilities() -> bool {
    let ok = Command::new("setpriv")
        .args(["--inh-caps=-all", "--bounding-set=-all", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run the read-only test: it needs root and setpriv"
        );
        eprintln!("SKIPPED: not root, or no setpriv");
    }
    ok
}

#[test]
fn a_landed_file_nobody_may_write_is_read_as_it_is() {
    use std::os::unix::fs::{PermissionsExt, chown};
    if !can_drop_capabilities() {
        return;
    }
    for &(commit, schema) in LANDED {
        let (dir, db) = copy_of(commit);
        // The file and its directory belong to another account (nobody),
        // readable by all and writable by none; the reader is root without
        // its capabilities, for whom the modes hold.
        chown(&db, Some(65534), Some(65534)).expect("chown");
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        chown(dir.path(), Some(65534), Some(65534)).expect("chown");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))
            .expect("chmod");
        let outs = read_everything(&db, |c| {
            let mut w = Command::new("setpriv");
            w.args(["--inh-caps=-all", "--bounding-set=-all", "--"])
                .arg(c.get_program())
                .args(c.get_args());
            for (k, v) in c.get_envs() {
                match v {
                    Some(v) => w.env(k, v),
                    None => w.env_remove(k),
                };
            }
            w
        });
        compare_with_old_build(commit, &outs);
        check_says_schema(outs.last().expect("check"), schema);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod back");
    }
}

/// The backups beside `db`, by name.
fn backups(db: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(db.parent().expect("dir"))
        .expect("dir")
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn the_first_change_upgrades_once_keeping_the_file_as_it_was() {
    for &(commit, schema) in LANDED {
        let (_dir, db) = copy_of(commit);
        let original = std::fs::read(&db).expect("read");
        let today = chrono::Local::now().format("%Y%m%d").to_string();
        let name = format!("peixun.redb.schema{schema}-{today}.bak");
        // An earlier copy under that name is never overwritten.
        let earlier = db.with_file_name(&name);
        std::fs::write(&earlier, b"an earlier copy").expect("write");

        let out = peixun(
            &db,
            "2025-10-23T09:00",
            &[
                "leave",
                "request",
                "T0005",
                "personal",
                "--sessions",
                "17",
                "--reason",
                "看病",
                "--note",
            ],
        )
        .output()
        .expect("run");
        let said = common::text(&out.stderr);
        ok(out, "leave request");
        let lines: Vec<&str> = said.lines().collect();
        assert_eq!(
            lines.len(),
            1,
            "{commit}: one line about the upgrade: {said:?}"
        );
        assert!(
            lines[0].contains(&format!("结构版本 {schema}")) && lines[0].contains(".bak"),
            "{commit}: {said}"
        );
        let kept = backups(&db);
        assert_eq!(
            kept.len(),
            2,
            "{commit}: {:?}",
            kept.iter().map(|k| &k.0).collect::<Vec<_>>()
        );
        assert_eq!(std::fs::read(&earlier).expect("read"), b"an earlier copy");
        let (copy_name, copy) = kept.iter().find(|(n, _)| *n != name).expect("the copy");
        assert!(copy_name.starts_with(&format!("peixun.redb.schema{schema}-{today}")));
        assert!(lines[0].contains(copy_name.as_str()), "{said}");
        assert!(
            copy == &original,
            "{commit}: the copy is the file as it was"
        );

        // The next change says nothing more and keeps no other copy.
        let out = peixun(&db, "2025-10-23T09:05", &["leave", "approve", "5"])
            .output()
            .expect("run");
        assert_eq!(common::text(&out.stderr), "", "{commit}");
        ok(out, "approve");
        assert_eq!(backups(&db).len(), 2);
        // And the file reads as before, plus the new request.
        let out = peixun(&db, AT, &["session", "list"]).output().expect("run");
        assert_eq!(ok(out, "sessions"), printed(commit, "sessions.txt"));
        let out = peixun(&db, AT, &["check"]).output().expect("run");
        ok(out, "check");
    }
}

/// A file of schema 4 as main's history wrote it between the calendar and
/// the checksum work (tests/data/development/732a3d2/): no landed build
/// wrote that shape. Every command, `check` included, refuses it in one
/// line as a development build's file, not as damage, and not a byte of
/// it changes.
#[test]
fn a_development_builds_file_is_refused_as_such_and_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("peixun.redb");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/development/732a3d2/peixun.redb"),
        &db,
    )
    .expect("copy");
    let before = std::fs::read(&db).expect("read");
    for (lang, says) in [("zh", "开发版本"), ("en", "development build")] {
        for args in [
            &["teacher", "list"][..],
            &["check"],
            &[
                "leave",
                "request",
                "T0001",
                "personal",
                "--sessions",
                "20",
                "--reason",
                "x",
                "--note",
            ],
        ] {
            let out = common::command_in(lang, &db, None, AT, args)
                .output()
                .expect("run");
            let line = common::expect_refused(out, args);
            assert!(
                line.contains(says) && line.contains('4'),
                "{args:?}: {line}"
            );
            assert!(
                std::fs::read(&db).expect("read") == before,
                "{args:?} wrote"
            );
        }
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}
