//! The gate's edges that need a service account but no SSH server (issue
//! 26): sshd runs `peixun gate ACCOUNT` with the client's command in
//! SSH_ORIGINAL_COMMAND, and so do these tests, as the service account
//! (useradd, setpriv; as root, like tests/gate.rs, and failing under CI=true
//! where they cannot run).
//!
//! - A command that is not UTF-8 (a GBK console sending `lookup 张三`) is
//!   refused in one line saying the client must send UTF-8; it does not
//!   open the terminal app.
//! - The office backs up through the gate: `backup -` writes a checked copy
//!   to standard output; a teacher is refused, and a file on the server
//!   stays out of reach.

mod common;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn tool(t: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {t}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn must_run() -> bool {
    let ok =
        unsafe { libc::getuid() } == 0 && ["useradd", "userdel", "setpriv"].iter().all(|t| tool(t));
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tests/gate_edges.rs cannot run under CI: it needs root, useradd and setpriv"
        );
        eprintln!("SKIPPED: not root, or no useradd/setpriv");
    }
    ok
}

/// The service account, its home (in a temporary directory), its
/// configuration and database; removed when dropped.
struct Site {
    _dir: tempfile::TempDir,
    account: String,
    home: PathBuf,
    db: PathBuf,
    exe: PathBuf,
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.account).output();
    }
}

fn chmod(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

impl Site {
    fn new(tag: &str) -> Site {
        let dir = tempfile::tempdir().expect("dir");
        chmod(dir.path(), 0o755);
        let account = format!("pxe{tag}{}", std::process::id() % 100_000);
        let home = dir.path().join("home");
        let out = Command::new("useradd")
            .args([
                "--system",
                "--create-home",
                "--shell",
                "/bin/sh",
                "--password",
                "*",
            ])
            .arg("--home-dir")
            .arg(&home)
            .arg(&account)
            .output()
            .expect("useradd");
        assert!(
            out.status.success(),
            "useradd: {}",
            common::text(&out.stderr)
        );
        let exe = dir.path().join("peixun");
        std::fs::copy(common::BIN, &exe).expect("copy");
        chmod(&exe, 0o755);
        let site = Site {
            db: home.join("data").join("peixun.redb"),
            _dir: dir,
            account,
            home,
            exe,
        };
        let config = format!(
            "install -d -m 0700 \"$HOME/data\" && mkdir -p \"$HOME/.config/peixun\" && \
             printf 'db = \"%s\"\\n' '{}' > \"$HOME/.config/peixun/config.toml\"",
            site.db.display()
        );
        site.ok(site.as_service(&["sh", "-c", &config]));
        site.ok(site.peixun(&["init"]));
        site.ok(site.peixun(&["teacher", "add", "T0001", "张三", "语文"]));
        site.ok(site.peixun(&["account", "set", "jiaowu", "--roles", "office"]));
        site.ok(site.peixun(&[
            "account",
            "set",
            "zhangsan",
            "--roles",
            "teacher",
            "--teacher",
            "T0001",
        ]));
        site
    }

    fn as_service(&self, args: &[&str]) -> Command {
        let mut c = Command::new("setpriv");
        c.arg(format!("--reuid={}", self.account))
            .arg(format!("--regid={}", self.account))
            .arg("--init-groups")
            .args(args)
            .current_dir(&self.home)
            .env_clear()
            .env("HOME", &self.home)
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("LANG", "en_US.UTF-8")
            .stdin(Stdio::null());
        c
    }

    fn peixun(&self, args: &[&str]) -> Command {
        let mut all = vec![self.exe.to_str().expect("utf-8")];
        all.extend(args);
        let mut c = self.as_service(&all);
        c.env("PEIXUN_NOW", common::SETUP);
        c
    }

    /// What sshd runs for `account`'s key, with `command` as the client's.
    fn gate(&self, account: &str, command: impl Into<OsString>) -> Output {
        let mut c = self.peixun(&["gate", account]);
        c.env("SSH_ORIGINAL_COMMAND", command.into());
        let mut child = c
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let pipe = |mut p: Box<dyn std::io::Read + Send>| {
            std::thread::spawn(move || {
                let mut v = Vec::new();
                let _ = p.read_to_end(&mut v);
                v
            })
        };
        let stdout = pipe(Box::new(child.stdout.take().expect("stdout")));
        let stderr = pipe(Box::new(child.stderr.take().expect("stderr")));
        // The terminal app would wait for keys: a gate that opens it is
        // stopped after a while and fails the test.
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if started.elapsed() > std::time::Duration::from_secs(20) {
                let _ = child.kill();
                break child.wait().expect("wait");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        Output {
            status,
            stdout: stdout.join().expect("stdout"),
            stderr: stderr.join().expect("stderr"),
        }
    }

    fn ok(&self, mut c: Command) -> String {
        let out = c.output().expect("run");
        assert!(out.status.success(), "{c:?}: {}", common::text(&out.stderr));
        common::text(&out.stdout)
    }
}

#[test]
fn a_command_that_is_not_utf8_is_refused_in_one_line() {
    if !must_run() {
        return;
    }
    let site = Site::new("u");
    // `lookup 张三` as a GBK console sends it.
    let gbk = b"lookup \xd5\xc5\xc8\xfd".to_vec();
    let before = std::fs::read(&site.db).expect("read");
    let out = site.gate("zhangsan", OsString::from_vec(gbk));
    let line = common::expect_refused(out, &["lookup (GBK)"]);
    assert!(line.contains("UTF-8"), "{line}");
    assert!(std::fs::read(&site.db).expect("read") == before);
}

#[test]
fn the_office_backs_up_through_the_gate() {
    if !must_run() {
        return;
    }
    let site = Site::new("b");
    let out = site.gate("jiaowu", "backup -");
    assert!(
        out.status.success(),
        "backup -: {}",
        common::text(&out.stderr)
    );
    assert!(common::text(&out.stderr).contains("backed up and checked"));
    // What came over the connection is a sound copy of the database.
    let dir = tempfile::tempdir().expect("dir");
    let copy = dir.path().join("copy.redb");
    std::fs::write(&copy, &out.stdout).expect("write");
    let check = common::expect_ok(
        common::run_on(&copy, Some("jiaowu"), common::LATER, &["check"]),
        &["check"],
    );
    assert!(check.contains("teachers 1"), "{check}");
    let teachers = common::expect_ok(
        common::run_on(&copy, Some("jiaowu"), common::LATER, &["teacher", "list"]),
        &["teacher", "list"],
    );
    assert!(teachers.contains("张三"), "{teachers}");
    // A teacher may not; nor may the office name a file on the server.
    let line = common::expect_refused(site.gate("zhangsan", "backup -"), &["backup -"]);
    assert!(line.contains("training office"), "{line}");
    let target = site.home.join("data").join("elsewhere.redb");
    let line = common::expect_refused(
        site.gate("jiaowu", format!("backup {}", target.display())),
        &["backup FILE"],
    );
    assert!(line.contains("standard"), "{line}");
    assert!(!target.exists());
}
