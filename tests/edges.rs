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

/// Every command that takes a teacher or a leave id, run by a teacher on
/// another's record (T0002, leave 1 of T0002) and on one that does not
/// exist (T9999, 没有这个人, leave 9999): the same answer, in both
/// languages, but for the id itself where it is echoed; and each refusal
/// names the command that was run.
#[test]
fn no_command_tells_a_teacher_whether_an_id_exists() {
    let db = school_with_a_teacher_account();
    db.ok(
        SETUP,
        &[
            "leave",
            "request",
            "T0002",
            "personal",
            "--sessions",
            "1",
            "--reason",
            "事",
        ],
    );
    let teacher_commands: &[&[&str]] = &[
        &["notes", "set", "X", "2025-autumn", "100"],
        &["makeup", "done", "X", "1"],
        &["makeup", "undo", "X", "1"],
        &["qualification", "set", "X", "master", "--major", "数学"],
        &["teacher", "edit", "X", "--group", "数学"],
        &["teacher", "edit", "X", "--name", "某某"],
        &["teacher", "leave", "X", "--on", "2025-09-30"],
        &["roll", "first", "1", "X"],
        &["roll", "second", "1", "X"],
        &["roll", "arrive", "1", "X", "--at", "15:40"],
        &["roll", "leave", "1", "X", "--at", "16:00"],
        &[
            "roll",
            "leave",
            "1",
            "X",
            "--at",
            "16:00",
            "--excused",
            "--reason",
            "r",
        ],
        &["roll", "correct", "1", "X", "--first", "--reason", "r"],
        &[
            "leave",
            "request",
            "X",
            "personal",
            "--sessions",
            "1",
            "--reason",
            "r",
        ],
        &[
            "credit",
            "add",
            "X",
            "--date",
            "2025-09-02",
            "--title",
            "t",
            "--credits",
            "2",
            "--card",
            "C1",
        ],
        &["archive", "set", "X", "--year", "2025", "--has", "plan"],
        &["archive", "show", "X", "--year", "2025"],
        &["mentor", "add", "X", "T0001", "--year", "2025"],
        &["mentor", "remove", "X", "T0001", "--year", "2025"],
        &["history", "--teacher", "X"],
        &["record", "X"],
        &["lookup", "X"],
        &["export", "record", "X", "--out", "-", "--format", "csv"],
        &[
            "account",
            "set",
            "bob",
            "--roles",
            "teacher",
            "--teacher",
            "X",
        ],
    ];
    let leave_commands: &[&[&str]] = &[
        &["leave", "withdraw", "X"],
        &["leave", "approve", "X"],
        &["leave", "reject", "X", "--comment", "不行"],
        &["leave", "evidence", "X", "--note"],
    ];
    let cases = teacher_commands
        .iter()
        .map(|c| (*c, "T0002", &["T9999", "没有这个人"][..]))
        .chain(leave_commands.iter().map(|c| (*c, "1", &["9999"][..])));
    for lang in ["en", "zh"] {
        for (command, there, missing) in cases.clone() {
            // Exit status and both streams, the id put back as X.
            let answer = |id: &str| {
                let args: Vec<&str> = command
                    .iter()
                    .map(|a| if *a == "X" { id } else { a })
                    .collect();
                let out = command_in(lang, &db.path, Some("zhang"), LATER, &args)
                    .output()
                    .expect("run");
                let put_back = |b: &[u8]| text(b).replace(id, "X");
                (
                    out.status.code(),
                    put_back(&out.stdout),
                    put_back(&out.stderr),
                )
            };
            let known = answer(there);
            for id in missing {
                assert_eq!(answer(id), known, "{lang}: {command:?} with {id}");
            }
            // A refusal names the command that was run.
            if known.0 != Some(0)
                && (known.2.contains("not allowed") || known.2.contains("无权执行"))
            {
                let name = if command[0] == "roll" && command[1] != "correct" {
                    "roll".to_string()
                } else if command[0] == "export" {
                    "record".to_string()
                } else if command[0] == "account" || command[1] == "X" {
                    command[0].to_string()
                } else {
                    format!("{} {}", command[0], command[1])
                };
                assert!(known.2.contains(&name), "{lang}: {command:?}: {}", known.2);
            }
        }
    }
}
