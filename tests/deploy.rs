//! The shared-server recipe of docs/deploy.md, carried out for real: a
//! `peixun` group, a setgid copy of the binary, a setgid data directory and
//! a database file of mode 0660, used by unprivileged accounts.
//!
//! It needs root and the shadow tools (useradd, groupadd, setpriv); without
//! them it prints why it skipped. It creates a group and three users with
//! unique names and removes them afterwards, even when an assertion fails.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
/// What every user puts in PEIXUN_NOW: a day after the session. The setgid
/// program must ignore it and use the real clock, which is long before.
const NOW: &str = "2099-09-11T10:00";

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).trim().to_string()
}

/// Runs a system command as root that must succeed.
fn sys(program: &str, args: &[&str]) -> String {
    let out = run(Command::new(program).args(args));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn have(program: &str) -> bool {
    ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        .iter()
        .any(|d| Path::new(d).join(program).exists())
}

/// Why this machine cannot run the recipe, if it cannot.
fn skip_reason(dir: &Path) -> Option<String> {
    let uid = text(&run(Command::new("id").arg("-u")).stdout);
    if uid != "0" {
        return Some(format!("not running as root (uid {uid})"));
    }
    for tool in ["useradd", "userdel", "groupadd", "groupdel", "setpriv"] {
        if !have(tool) {
            return Some(format!("`{tool}` is not installed"));
        }
    }
    if have("findmnt") {
        let opts = text(
            &run(Command::new("findmnt")
                .args(["-no", "OPTIONS", "-T"])
                .arg(dir))
            .stdout,
        );
        if opts.split(',').any(|o| o == "nosuid") {
            return Some(format!("{} is mounted nosuid", dir.display()));
        }
    }
    None
}

/// The group and users made for the test; removed on drop.
struct Accounts {
    group: String,
    users: Vec<String>,
}

impl Accounts {
    fn create(tag: &str) -> Accounts {
        let group = format!("pxg{tag}");
        sys("groupadd", &[&group]);
        let mut made = Accounts {
            group,
            users: Vec::new(),
        };
        for who in ["o", "a", "b"] {
            let name = format!("px{who}{tag}");
            // A private group each, no home, no login shell: teachers who
            // reach the server over SSH would have a shell, which changes
            // nothing here.
            sys(
                "useradd",
                &["-M", "-U", "-s", "/usr/sbin/nologin", name.as_str()],
            );
            made.users.push(name);
        }
        made
    }
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for u in &self.users {
            let _ = Command::new("userdel").arg(u).output();
            let _ = Command::new("groupdel").arg(u).output();
        }
        let _ = Command::new("groupdel").arg(&self.group).output();
    }
}

/// The installation: where the binary and the database live.
struct Site {
    bin: PathBuf,
    data: PathBuf,
    db: PathBuf,
}

/// Runs `peixun --lang en ARGS` as `user`, with only the environment a
/// login would give plus PEIXUN_DB (as /etc/profile.d/peixun.sh sets it).
fn peixun_as(site: &Site, user: &str, extra_env: &[(&str, &str)], args: &[&str]) -> Output {
    peixun_bin(&site.bin, &site.db, user, extra_env, args)
}

fn peixun_bin(
    bin: &Path,
    db: &Path,
    user: &str,
    extra_env: &[(&str, &str)],
    args: &[&str],
) -> Output {
    let mut cmd = Command::new("setpriv");
    cmd.arg(format!("--reuid={user}"))
        .arg(format!("--regid={user}"))
        .arg("--init-groups")
        .arg("--")
        .arg("env")
        .arg("-i")
        .arg("PATH=/usr/bin:/bin")
        .arg("HOME=/nonexistent")
        .arg(format!("USER={user}"))
        .arg(format!("LOGNAME={user}"))
        .arg(format!("PEIXUN_DB={}", db.display()))
        .arg(format!("PEIXUN_NOW={NOW}"))
        .arg("LANG=C");
    for (k, v) in extra_env {
        cmd.arg(format!("{k}={v}"));
    }
    cmd.arg(bin).args(["--lang", "en"]).args(args);
    run(&mut cmd)
}

/// Runs a shell line as `user` (not through peixun).
fn shell_as(user: &str, line: &str, arg: &Path) -> Output {
    run(Command::new("setpriv")
        .arg(format!("--reuid={user}"))
        .arg(format!("--regid={user}"))
        .arg("--init-groups")
        .args(["--", "/bin/sh", "-c", line, "sh"])
        .arg(arg))
}

#[track_caller]
fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed: {} {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

#[track_caller]
fn refused(out: Output, what: &str) -> String {
    assert!(
        !out.status.success(),
        "{what} should fail; it printed {}",
        text(&out.stdout)
    );
    text(&out.stderr)
}

fn file_state(p: &Path) -> (u64, Vec<u8>) {
    let bytes = std::fs::read(p).expect("read the database as root");
    (bytes.len() as u64, bytes)
}

#[test]
fn the_shared_server_recipe_works() {
    let base = tempfile::Builder::new()
        .prefix("peixun-deploy-")
        .tempdir()
        .expect("temporary directory");
    if let Some(why) = skip_reason(base.path()) {
        println!("deploy test skipped: {why}");
        return;
    }
    let root = base.path();
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let tag = format!("{}", std::process::id() % 100_000);
    let accounts = Accounts::create(&tag);
    let group = accounts.group.as_str();
    let (office, teacher, stranger) = (
        accounts.users[0].as_str(),
        accounts.users[1].as_str(),
        accounts.users[2].as_str(),
    );

    // docs/deploy.md, step by step.
    let site = Site {
        bin: root.join("bin/peixun"),
        data: root.join("srv/peixun"),
        db: root.join("srv/peixun/peixun.redb"),
    };
    std::fs::create_dir_all(root.join("bin")).expect("mkdir");
    std::fs::set_permissions(root.join("bin"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    sys("install", &["-m", "0755", BIN, path(&site.bin)]);
    sys("chgrp", &[group, path(&site.bin)]);
    sys("chmod", &["2755", path(&site.bin)]);
    sys("install", &["-d", "-m", "0755", path(&root.join("srv"))]);
    sys(
        "install",
        &["-d", "-g", group, "-m", "2770", path(&site.data)],
    );
    let meta = std::fs::metadata(&site.bin).expect("stat");
    assert_eq!(meta.mode() & 0o7777, 0o2755);

    // The training office creates the database through the program and
    // becomes its office; the file is the group's, mode 0660, whatever
    // the office's umask.
    let out = run(Command::new("setpriv")
        .arg(format!("--reuid={office}"))
        .arg(format!("--regid={office}"))
        .arg("--init-groups")
        .args([
            "--",
            "/bin/sh",
            "-c",
            "umask 077; exec \"$0\" --lang en init",
        ])
        .arg(&site.bin)
        .env_clear()
        .env("PEIXUN_DB", &site.db)
        .env("PEIXUN_NOW", NOW));
    ok(out, "init by the office");
    let meta = std::fs::metadata(&site.db).expect("the database exists");
    assert_eq!(meta.mode() & 0o777, 0o660, "database mode");
    let gid = sys("getent", &["group", group]);
    let gid: u32 = gid
        .split(':')
        .nth(2)
        .and_then(|g| g.parse().ok())
        .expect("gid");
    assert_eq!(meta.gid(), gid, "the database belongs to the peixun group");
    let entries: Vec<_> = std::fs::read_dir(&site.data)
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(entries.len(), 1, "redb keeps no other files: {entries:?}");

    // The office sets up a teacher and gives the teacher account its role.
    for args in [
        &["teacher", "add", "T1", "张一", "语文"][..],
        &["teacher", "add", "T2", "李二", "数学"][..],
        &["term", "add", "2099-autumn", "2099-09-01", "2100-01-20"][..],
        &["session", "add", "2099-09-10", "15:30", "17:30", "开学培训"][..],
        &[
            "account",
            "set",
            teacher,
            "--roles",
            "teacher",
            "--teacher",
            "T1",
        ][..],
    ] {
        ok(peixun_as(&site, office, &[], args), &format!("{args:?}"));
    }

    // The data directory may be closed for writing now: redb needs only
    // the file, and no one can make other files beside it.
    sys("chmod", &["2750", path(&site.data)]);

    // A teacher cannot touch the file directly ...
    let before = file_state(&site.db);
    refused(
        shell_as(teacher, "echo x >> \"$1\"", &site.db),
        "appending to the db",
    );
    refused(
        shell_as(teacher, "cat \"$1\" > /dev/null", &site.db),
        "reading the db",
    );
    refused(
        shell_as(teacher, "echo x > \"$1\"/other", &site.data),
        "a file in the data directory",
    );
    assert_eq!(
        file_state(&site.db),
        before,
        "the file was changed directly"
    );
    // ... but asks for their own leave through the program: personal leave
    // before the session, by the real clock, whatever PEIXUN_NOW says (by it
    // the session would be over and the request refused).
    let args = [
        "leave",
        "request",
        "T1",
        "personal",
        "--sessions",
        "1",
        "--reason",
        "家中有事",
    ];
    let filed = ok(peixun_as(&site, teacher, &[], &args), "own leave request");
    assert!(filed.contains("saved"), "{filed}");
    let list = ok(
        peixun_as(&site, teacher, &[], &["leave", "list"]),
        "leave list",
    );
    assert!(list.contains("T1") && list.contains("家中有事"), "{list}");
    // The history names the teacher's own account: identity is the real uid.
    let history = ok(peixun_as(&site, office, &[], &["history"]), "history");
    let line = history
        .lines()
        .find(|l| l.contains("leave.request"))
        .unwrap_or_else(|| panic!("no request in:\n{history}"));
    assert!(line.contains(teacher), "{line}");
    // ... at the real time, not the one the user put in PEIXUN_NOW.
    assert!(
        !history.contains("2099-09-11"),
        "PEIXUN_NOW was obeyed:\n{history}"
    );
    // Not for someone else, and not by pretending to be the office.
    let e = refused(
        peixun_as(
            &site,
            teacher,
            &[],
            &[
                "leave",
                "request",
                "T2",
                "personal",
                "--sessions",
                "1",
                "--reason",
                "x",
            ],
        ),
        "leave for another teacher",
    );
    assert!(e.contains("training office"), "{e}");
    let who = ok(
        peixun_as(
            &site,
            teacher,
            &[("USER", office), ("LOGNAME", office)],
            &["whoami"],
        ),
        "whoami",
    );
    assert!(who.starts_with(teacher), "USER decided the identity: {who}");
    let e = refused(
        peixun_as(&site, teacher, &[], &["--as", office, "account", "list"]),
        "--as by a non-root user",
    );
    assert!(e.contains("only root"), "{e}");
    // Someone with no account is refused by name.
    let e = refused(
        peixun_as(&site, stranger, &[], &["standings"]),
        "a stranger",
    );
    assert!(e.contains(stranger) && e.contains("no access"), "{e}");
    // No new database in the closed directory.
    let other = site.data.join("mine.redb");
    refused(
        peixun_bin(&site.bin, &other, teacher, &[], &["init"]),
        "a new database in the data directory",
    );
    assert!(!other.exists());

    // Without the setgid bit the same program cannot open the file: it is
    // the group, not the user, that may write it.
    sys("chmod", &["0755", path(&site.bin)]);
    let e = refused(
        peixun_as(&site, teacher, &[], &["leave", "list"]),
        "without setgid",
    );
    assert!(e.contains("ermission denied"), "{e}");
    drop(accounts);
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// `peixun init` under a umask; returns the new file's mode.
fn init_mode(db: &Path, umask: &str) -> u32 {
    let out = run(Command::new("/bin/sh")
        .args(["-c", &format!("umask {umask}; exec \"$0\" --lang en init")])
        .arg(BIN)
        .env("PEIXUN_DB", db)
        .env_remove("PEIXUN_NOW"));
    ok(out, &format!("init under umask {umask}"));
    std::fs::metadata(db).expect("stat").mode() & 0o7777
}

#[test]
fn a_new_database_is_never_readable_by_others() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // A personal file: the umask decides, but never beyond owner and group.
    assert_eq!(init_mode(&dir.path().join("a.redb"), "000"), 0o660);
    assert_eq!(init_mode(&dir.path().join("b.redb"), "022"), 0o640);
    assert_eq!(init_mode(&dir.path().join("c.redb"), "077"), 0o600);
    // In a shared (setgid) directory the group keeps read and write,
    // whatever the umask.
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).expect("mkdir");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o2770)).expect("chmod");
    assert_eq!(
        std::fs::metadata(&shared).expect("stat").mode() & 0o2000,
        0o2000,
        "this system did not keep the setgid bit on a directory"
    );
    for (name, umask) in [("d.redb", "077"), ("e.redb", "022")] {
        assert_eq!(init_mode(&shared.join(name), umask), 0o660, "umask {umask}");
    }
}
