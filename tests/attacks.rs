//! The attacks of issue 13 on files the program writes, each as a test:
//! the init race (the new file swapped for a symbolic link while `init`
//! runs), the export's temporary file planted as a link, a setgid copy of
//! the program, and files over the connection (standard input and output)
//! that never touch the server's disk. docs/reliability.md lists them.
//!
//! Like tests/cli.rs these run as root (as CI does).

mod common;

use common::{BIN, Db, LATER, SETUP, expect_ok, expect_refused};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// A teacher loops `peixun init` on a path in their own directory while a
/// thread replaces the new file with a link to the school's database as
/// soon as it appears. The school's database must never be written: init
/// fills the very file it created, never a file reopened by name.
#[test]
fn the_init_race_never_reaches_another_database() {
    let school = Db::new();
    common::school(&school, 2, &["2025-09-10"]);
    let before = bytes(&school.path);
    let race = tempfile::tempdir().expect("temporary directory");
    let target = race.path().join("x.redb");
    let stop = Arc::new(AtomicBool::new(false));
    let swapper = {
        let (stop, target, victim) = (stop.clone(), target.clone(), school.path.clone());
        std::thread::spawn(move || {
            let mut swaps = 0u32;
            while !stop.load(Ordering::Relaxed) {
                if let Ok(m) = std::fs::symlink_metadata(&target)
                    && m.is_file()
                {
                    let _ = std::fs::remove_file(&target);
                    if std::os::unix::fs::symlink(&victim, &target).is_ok() {
                        swaps += 1;
                    }
                }
            }
            swaps
        })
    };
    for _ in 0..150 {
        let _ = std::fs::remove_file(&target);
        let _ = Command::new(BIN)
            .arg("--db")
            .arg(&target)
            .arg("init")
            .env("PEIXUN_NOW", SETUP)
            .env_remove("PEIXUN_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run peixun");
        if bytes(&school.path) != before {
            break;
        }
    }
    stop.store(true, Ordering::Relaxed);
    let swaps = swapper.join().expect("swapper");
    assert!(swaps > 0, "the swapping thread never swapped");
    assert!(
        bytes(&school.path) == before,
        "init wrote into the school's database through a swapped link ({swaps} swaps)"
    );
    let accounts = school.ok(LATER, &["account", "list"]);
    assert_eq!(accounts.lines().count(), 2, "{accounts}");
}

/// `ln -s DB .r.csv.tmp-$$; exec peixun export … --out r.csv`: the export
/// must not write through a link planted under the name it used to pick.
#[test]
fn an_export_never_writes_through_a_planted_link() {
    let db = Db::new();
    common::school(&db, 2, &["2025-09-10"]);
    let before = bytes(&db.path);
    let script = format!(
        "ln -s '{}' .r.csv.tmp-$$ && exec '{BIN}' --db '{}' --lang en export record T0001 --out r.csv",
        db.path.display(),
        db.path.display()
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(db.dir.path())
        .env("PEIXUN_NOW", LATER)
        .env_remove("PEIXUN_DB")
        .output()
        .expect("run sh");
    expect_ok(out, &["export"]);
    assert!(
        bytes(&db.path) == before,
        "the export wrote through the planted link into the database"
    );
    let csv = std::fs::read_to_string(db.file("r.csv")).expect("r.csv");
    assert!(csv.contains("Training 1"), "{csv}");
    // No temporary file of the export is left (the planted link stays).
    let left: Vec<String> = std::fs::read_dir(db.dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("peixun-tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// The same for a backup: a link planted where the old code put its copy
/// is neither followed nor truncated.
#[test]
fn a_backup_never_writes_through_a_planted_link() {
    let db = Db::new();
    common::school(&db, 2, &["2025-09-10"]);
    let victim = db.file("victim");
    std::fs::write(&victim, b"precious").expect("victim");
    let script = format!(
        "ln -s '{}' .copy.redb.partial-$$ && exec '{BIN}' --db '{}' --lang en backup copy.redb",
        victim.display(),
        db.path.display()
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(db.dir.path())
        .env("PEIXUN_NOW", LATER)
        .env_remove("PEIXUN_DB")
        .output()
        .expect("run sh");
    expect_ok(out, &["backup"]);
    assert_eq!(bytes(&victim), b"precious");
    let copy = db.file("copy.redb");
    assert!(common::generation(&copy) > 0);
}

/// A temporary file left by a killed export is removed by the next one.
#[test]
fn a_killed_writers_temporary_file_goes_at_the_next_write() {
    let db = Db::new();
    common::school(&db, 2, &["2025-09-10"]);
    // A process that has exited: its id is free.
    let mut child = Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let stale = db.file(&format!(".r.csv.peixun-tmp-{dead}-AbC123"));
    std::fs::write(&stale, b"half").expect("stale");
    let out = db.file("r.csv");
    db.ok(
        LATER,
        &["export", "teachers", "--out", out.to_str().expect("utf8")],
    );
    assert!(!stale.exists(), "the stale temporary file is still there");
}

/// A copy of the program made setgid (the old recipe) refuses to run, and
/// says where to read how to share a database instead.
#[test]
fn a_setgid_program_refuses_to_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temporary directory");
    let copy = dir.path().join("peixun");
    std::fs::copy(BIN, &copy).expect("copy the program");
    // A group that is not ours: nogroup (65534).
    std::os::unix::fs::chown(&copy, None, Some(65534)).expect("chgrp");
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o2755)).expect("chmod");
    let out = common::output_of_copy(
        Command::new(&copy)
            .args(["--lang", "en", "whoami"])
            .env("LANG", "en_US.UTF-8"),
    )
    .expect("run the setgid copy");
    let line = expect_refused(out, &["whoami (setgid)"]);
    assert!(line.contains("setgid"), "{line}");
    assert!(line.contains("docs/deploy.md"), "{line}");
}

/// Files over the connection: `import teachers -` reads standard input
/// (the format told from the content), `export … --out -` writes standard
/// output with `--format`; nothing is written on the server's disk.
#[test]
fn imports_read_standard_input_and_exports_write_standard_output() {
    let db = Db::new();
    common::school(&db, 2, &["2025-09-10"]);
    let roster = db.ok(
        LATER,
        &["export", "teachers", "--out", "-", "--format", "xlsx"],
    );
    let raw = common::command(
        &db.path,
        None,
        LATER,
        &["export", "teachers", "--out", "-", "--format", "xlsx"],
    )
    .output()
    .expect("run");
    assert!(raw.status.success());
    assert!(raw.stdout.starts_with(b"PK"), "not an xlsx: {roster:?}");
    let csv = db.ok(
        LATER,
        &[
            "export",
            "standings",
            "--term",
            "2025-autumn",
            "--out",
            "-",
            "--format",
            "csv",
        ],
    );
    assert!(csv.contains("T0001"), "{csv}");
    // Without --format there is no name to tell the format by.
    let line = db.refused(None, LATER, &["export", "teachers", "--out", "-"]);
    assert!(line.contains("--format"), "{line}");

    // The roster back in through standard input, with a new teacher.
    let mut rows = csv_roster();
    rows.push_str("T0009,新老师,语文\r\n");
    for args in [
        vec!["import", "teachers", "-"],
        vec!["import", "teachers", "-", "--format", "csv"],
    ] {
        let mut child = common::command(&db.path, None, LATER, &args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(rows.as_bytes())
            .expect("write stdin");
        expect_ok(child.wait_with_output().expect("wait"), &args);
    }
    let list = db.ok(LATER, &["teacher", "list"]);
    assert!(list.contains("新老师"), "{list}");
    // A CSV said to be xlsx is refused, nothing changed.
    let mut child = common::command(
        &db.path,
        None,
        LATER,
        &["import", "teachers", "-", "--format", "xlsx"],
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(rows.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    let line = expect_refused(out, &["import -- format xlsx"]);
    assert!(line.contains("--format"), "{line}");
    // Nothing but the database in its directory.
    let files: Vec<String> = std::fs::read_dir(db.dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, vec!["peixun.redb".to_string()]);
}

fn csv_roster() -> String {
    "工号,姓名,教研组\r\nT0001,教师1,语文\r\nT0002,教师2,数学\r\n".to_string()
}

/// Import checks the account's role before reading the file: a teacher
/// naming a file they cannot read learns nothing about it.
#[test]
fn import_is_refused_before_the_file_is_read() {
    let db = Db::new();
    common::school(&db, 2, &["2025-09-10"]);
    db.ok(
        SETUP,
        &[
            "account",
            "set",
            "zhangsan",
            "--roles",
            "teacher",
            "--teacher",
            "T0001",
        ],
    );
    let line = db.refused(
        Some("zhangsan"),
        LATER,
        &["import", "teachers", "/nonexistent/secret.csv"],
    );
    assert!(!line.contains("secret.csv"), "{line}");
    assert!(line.contains("import"), "{line}");
}

/// `check` asks for an account before it reads the file.
#[test]
fn check_needs_an_account() {
    let db = Db::new();
    common::school(&db, 2, &["2025-09-10"]);
    let line = db.refused(Some("stranger"), LATER, &["check"]);
    assert!(line.contains("stranger"), "{line}");
}

/// A new database and a backup are readable and writable by their owner
/// only, whatever the umask (here none at all).
#[test]
fn a_new_database_and_a_backup_are_never_open_to_others() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("p.redb");
    let copy = dir.path().join("copy.redb");
    let script = format!(
        "umask 000 && '{BIN}' --db '{0}' init && '{BIN}' --db '{0}' backup '{1}'",
        db.display(),
        copy.display()
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .env("PEIXUN_NOW", SETUP)
        .env_remove("PEIXUN_DB")
        .output()
        .expect("run sh");
    expect_ok(out, &["init", "backup"]);
    for f in [&db, &copy] {
        let mode = std::fs::metadata(f).expect("file").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is {mode:o}", f.display());
    }
}
