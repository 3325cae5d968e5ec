//! The edges of issue 26 said in the user's language and with true words,
//! through the binary: a teacher's refusal for another's record does not
//! tell whether the id exists; exports are created 0600; `--lang fr` is
//! refused; too many credits are said in credits, not tenths.

mod common;

use common::*;

fn school_with_a_teacher_account() -> Db {
    let db = Db::new();
    school(&db, 2, &["2025-09-10"]);
    db.ok(
        SETUP,
        &[
            "account",
            "set",
            "zhang",
            "--roles",
            "teacher",
            "--teacher",
            "T0001",
        ],
    );
    db
}

#[test]
fn a_refusal_for_another_record_does_not_tell_whether_it_exists() {
    let db = school_with_a_teacher_account();
    for lang in ["en", "zh"] {
        let refuse = |args: &[&str]| {
            let out = command_in(lang, &db.path, Some("zhang"), LATER, args)
                .output()
                .expect("run");
            expect_refused(out, args)
        };
        let exists = refuse(&["record", "T0002"]);
        for other in ["T9999", "没有这个人", "教师2"] {
            assert_eq!(refuse(&["record", other]), exists, "{lang}: record {other}");
            let export = ["export", "record", other, "--out", "-", "--format", "csv"];
            assert_eq!(
                refuse(&export),
                refuse(&["export", "record", "T0002", "--out", "-", "--format", "csv"]),
                "{lang}: export record {other}"
            );
        }
    }
    // Their own record, they see.
    assert!(
        db.ok_as("zhang", LATER, &["record", "T0001"])
            .contains("T0001")
    );
}

#[test]
fn exports_are_created_for_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let db = school_with_a_teacher_account();
    let out = db.file("standings.csv");
    db.ok(
        LATER,
        &[
            "export",
            "standings",
            "--term",
            "2025-autumn",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    let mode = std::fs::metadata(&out)
        .expect("export")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "the export is mode {mode:o}");
}

/// `--lang fr` is refused, on the quick path of `lookup` too, before the
/// command runs.
#[test]
fn an_unknown_language_is_refused() {
    let db = school_with_a_teacher_account();
    for command in [&["whoami"][..], &["lookup", "x"]] {
        let out = std::process::Command::new(BIN)
            .args(["--db"])
            .arg(&db.path)
            .args(["--lang", "fr"])
            .args(command)
            .env("LANG", "C")
            .output()
            .expect("run");
        assert!(!out.status.success(), "--lang fr was accepted: {command:?}");
        let said = text(&out.stderr);
        assert!(said.contains("fr") && said.contains("zh"), "{said}");
        assert!(!said.contains("教师"), "the lookup ran: {said}");
        assert_eq!(text(&out.stdout), "");
    }
}

#[test]
fn too_many_credits_are_said_in_credits() {
    let db = school_with_a_teacher_account();
    for (lang, says) in [("en", "at most 1000"), ("zh", "最多 1000")] {
        let args = [
            "session",
            "add",
            "2025-09-11",
            "15:30",
            "16:30",
            "x",
            "--credits",
            "99999",
        ];
        let out = command_in(lang, &db.path, None, SETUP, &args)
            .output()
            .expect("run");
        let line = expect_refused(out, &args);
        assert!(line.contains("99999") && line.contains(says), "{line}");
        assert!(!line.contains("999990"), "{line}");
    }
}

/// `peixun key` writes the passwd home's key file of the account running
/// it, so only the account owning the database may run it: root acting for
/// the service account (`--as`) would write root's own authorized_keys.
#[test]
fn key_commands_refuse_unless_run_by_the_database_owner() {
    if unsafe { libc::getuid() } != 0 {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI runs as root"
        );
        eprintln!("SKIPPED: not root");
        return;
    }
    let db = school_with_a_teacher_account();
    // The database belongs to another account (nobody); root runs key.
    std::os::unix::fs::chown(&db.path, Some(65534), Some(65534)).expect("chown");
    let keys = std::path::Path::new("/root/.ssh/authorized_keys");
    let before = std::fs::read(keys).ok();
    for lang in ["en", "zh"] {
        for args in [
            &["key", "list"][..],
            &[
                "key",
                "add",
                "zhang",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x",
            ],
        ] {
            let out = command_in(lang, &db.path, None, LATER, args)
                .output()
                .expect("run");
            let line = expect_refused(out, args);
            assert!(line.contains("nobody"), "{lang} {args:?}: {line}");
        }
    }
    assert_eq!(std::fs::read(keys).ok(), before, "root's key file changed");
}

/// `check` names the file and counts every table: it is the office's.
#[test]
fn check_is_for_the_office() {
    let db = school_with_a_teacher_account();
    for lang in ["en", "zh"] {
        let out = command_in(lang, &db.path, Some("zhang"), LATER, &["check"])
            .output()
            .expect("run");
        let line = expect_refused(out, &["check"]);
        assert!(!line.contains("redb"), "{line}");
    }
    db.ok(LATER, &["check"]);
}

/// A file the account may not read is said to be unreadable, not "no
/// permission to write … nothing was saved". Root without its capabilities
/// (setpriv), so that the file's mode holds.
#[test]
fn an_unreadable_file_is_said_unreadable() {
    let usable = unsafe { libc::getuid() } == 0
        && std::process::Command::new("setpriv")
            .args(["--inh-caps=-all", "--bounding-set=-all", "true"])
            .status()
            .is_ok_and(|s| s.success());
    if !usable {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI runs as root with setpriv"
        );
        eprintln!("SKIPPED: not root, or no setpriv");
        return;
    }
    let db = school_with_a_teacher_account();
    std::os::unix::fs::chown(&db.path, Some(65534), Some(65534)).expect("chown");
    for (lang, says, never) in [
        ("en", "no permission to read", "write"),
        ("zh", "没有读取", "写入"),
    ] {
        for args in [&["lookup", "教师1"][..], &["check"]] {
            let c = command_in(lang, &db.path, None, LATER, args);
            let mut w = std::process::Command::new("setpriv");
            w.args(["--inh-caps=-all", "--bounding-set=-all", "--"])
                .arg(c.get_program())
                .args(c.get_args())
                .env("PEIXUN_NOW", LATER)
                .env_remove("PEIXUN_DB");
            let line = expect_refused(w.output().expect("run"), args);
            assert!(
                line.contains(says) && !line.contains(never),
                "{lang} {args:?}: {line}"
            );
        }
    }
}
