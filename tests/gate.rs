//! The shared server end to end, through a real OpenSSH server on
//! 127.0.0.1, set up by the steps of docs/deploy.md: a service account
//! whose home holds the database in a 0700 directory, its configuration
//! file naming that database, `peixun init` as that account, accounts for a
//! teacher and a leader, and their keys added with `peixun key add`. Then
//! each person acts through `ssh … ACCOUNT@127.0.0.1 …`, and the teacher's
//! attempts to step outside the gate are refused with nothing changed.
//!
//! Needs root (to make the service account and run sshd), sshd, ssh,
//! ssh-keygen and tmux. Without them it prints why and passes, except under
//! CI=true, where it fails: CI must run it (`.ci/run` installs them).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_peixun");

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Whether the test can run here; why not otherwise. Under CI it must.
fn missing() -> Option<String> {
    // SAFETY: getuid cannot fail.
    if unsafe { libc::getuid() } != 0 {
        return Some("not root".into());
    }
    for tool in [
        "/usr/sbin/sshd",
        "ssh",
        "ssh-keygen",
        "tmux",
        "useradd",
        "userdel",
        "setpriv",
    ] {
        let found = if tool.starts_with('/') {
            Path::new(tool).exists()
        } else {
            Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .output()
                .is_ok_and(|o| o.status.success())
        };
        if !found {
            return Some(format!("{tool} is missing"));
        }
    }
    None
}

fn must_run() -> bool {
    match missing() {
        None => true,
        Some(why) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("tests/gate.rs cannot run under CI: {why}")
        }
        Some(why) => {
            eprintln!("skipped: {why} (CI=true makes this a failure)");
            false
        }
    }
}

fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed ({}): {}{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A refusal through the gate: non-zero, nothing on stdout, one line on
/// stderr naming the program.
fn refused(out: Output, what: &str) -> String {
    let stderr = text(&out.stderr);
    assert!(
        !out.status.success(),
        "{what} should have been refused; it printed {}",
        text(&out.stdout)
    );
    assert_eq!(text(&out.stdout), "", "{what} wrote to stdout: {stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "{what} should say why in one line: {stderr:?}"
    );
    assert!(lines[0].starts_with("peixun: "), "{what}: {stderr:?}");
    lines[0].to_string()
}

/// The server: the service account, its files and sshd. Dropping it stops
/// sshd and removes the account.
struct Site {
    dir: tempfile::TempDir,
    account: String,
    uid: u32,
    home: PathBuf,
    exe: PathBuf,
    db: PathBuf,
    port: u16,
    sshd: Option<Child>,
}

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(mut c) = self.sshd.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
        let _ = Command::new("userdel").arg(&self.account).output();
    }
}

fn run(cmd: &mut Command, what: &str) -> String {
    ok(cmd.output().expect(what), what)
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().expect("temporary directory");
        // The service account must reach its home inside the directory.
        chmod(dir.path(), 0o755);
        let account = format!("pxg{}", std::process::id());
        let home = dir.path().join("home");
        // Step 1: the service account, which may log in with keys only.
        run(
            Command::new("useradd")
                .args(["--system", "--create-home", "--shell", "/bin/sh"])
                .args(["--password", "*", "--home-dir"])
                .arg(&home)
                .arg(&account),
            "useradd",
        );
        let uid: u32 = run(Command::new("id").args(["-u", &account]), "id")
            .trim()
            .parse()
            .expect("uid");
        chmod(&home, 0o700);
        let site = Site {
            exe: dir.path().join("bin").join("peixun"),
            db: home.join("data").join("peixun.redb"),
            dir,
            account,
            uid,
            home,
            port: 0,
            sshd: None,
        };
        // Step 2: the program, an ordinary executable (no setuid, no setgid).
        std::fs::create_dir_all(site.exe.parent().expect("bin")).expect("bin");
        std::fs::copy(BIN, &site.exe).expect("install peixun");
        chmod(&site.exe, 0o755);
        chmod(site.exe.parent().expect("bin"), 0o755);
        // Step 3: the data directory, only the service account may enter.
        site.as_service(&["sh", "-c", "install -d -m 0700 \"$HOME/data\""]);
        // Step 4: the configuration file naming the database.
        let config = format!(
            "mkdir -p \"$HOME/.config/peixun\" && printf 'db = \"%s\"\\n' '{}' > \"$HOME/.config/peixun/config.toml\"",
            site.db.display()
        );
        site.as_service(&["sh", "-c", &config]);
        site
    }

    /// A command run as the service account, at its home, as a login would.
    fn service_command(&self, args: &[&str]) -> Command {
        let mut c = Command::new("setpriv");
        c.arg(format!("--reuid={}", self.uid))
            .arg(format!("--regid={}", self.uid_gid()))
            .arg("--init-groups")
            .args(args)
            .current_dir(&self.home)
            .env_clear()
            .env("HOME", &self.home)
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("LANG", "en_US.UTF-8");
        c
    }

    fn uid_gid(&self) -> u32 {
        run(Command::new("id").args(["-g", &self.account]), "id -g")
            .trim()
            .parse()
            .expect("gid")
    }

    fn as_service(&self, args: &[&str]) -> String {
        run(&mut self.service_command(args), &args.join(" "))
    }

    /// `peixun ARGS` run by the service account on the server.
    fn peixun(&self, args: &[&str]) -> Output {
        let mut full = vec![self.exe.to_str().expect("utf8")];
        full.extend_from_slice(args);
        self.service_command(&full).output().expect("run peixun")
    }

    fn key(&self, name: &str) -> (PathBuf, String) {
        let path = self.dir.path().join(format!("{name}_key"));
        run(
            Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C"])
                .arg(format!("{name}@laptop"))
                .arg("-f")
                .arg(&path),
            "ssh-keygen",
        );
        let public = std::fs::read_to_string(path.with_extension("pub"))
            .or_else(|_| std::fs::read_to_string(format!("{}.pub", path.display())))
            .expect("public key");
        (path, public.trim().to_string())
    }

    /// Step 6: sshd as usual, on a free port, with its own host key.
    fn start_sshd(&mut self) {
        let d = self.dir.path().join("sshd");
        std::fs::create_dir_all(&d).expect("sshd dir");
        run(
            Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f"])
                .arg(d.join("host_key")),
            "host key",
        );
        // The privilege separation directory sshd expects.
        std::fs::create_dir_all("/run/sshd").expect("/run/sshd");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let config = format!(
            "Port {port}\n\
             ListenAddress 127.0.0.1\n\
             HostKey {}\n\
             PidFile {}\n\
             AuthorizedKeysFile .ssh/authorized_keys\n\
             StrictModes no\n\
             UsePAM no\n\
             PasswordAuthentication no\n\
             KbdInteractiveAuthentication no\n\
             PubkeyAuthentication yes\n\
             AcceptEnv LANG LC_* PEIXUN_NOW PEIXUN_DB\n\
             AllowUsers {}\n\
             LogLevel ERROR\n",
            d.join("host_key").display(),
            d.join("sshd.pid").display(),
            self.account
        );
        std::fs::write(d.join("sshd_config"), config).expect("sshd_config");
        let child = Command::new("/usr/sbin/sshd")
            .args(["-D", "-e", "-f"])
            .arg(d.join("sshd_config"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start sshd");
        self.sshd = Some(child);
        self.port = port;
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "sshd did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn ssh_command(&self, key: &Path, lang: &str) -> Command {
        let mut c = Command::new("ssh");
        c.args(["-F", "/dev/null", "-p", &self.port.to_string(), "-i"])
            .arg(key)
            .args([
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
                "-o",
                "LogLevel=ERROR",
                "-o",
                "SendEnv=LANG PEIXUN_NOW PEIXUN_DB",
            ])
            .env("LANG", lang)
            .env_remove("PEIXUN_NOW")
            .env_remove("PEIXUN_DB")
            .stdin(Stdio::null());
        c
    }

    /// `ssh -i KEY ACCOUNT@127.0.0.1 WORDS…`, speaking English.
    fn ssh(&self, key: &Path, words: &[&str]) -> Output {
        self.ssh_env(key, "en_US.UTF-8", &[], words)
    }

    fn ssh_env(&self, key: &Path, lang: &str, env: &[(&str, &str)], words: &[&str]) -> Output {
        let mut c = self.ssh_command(key, lang);
        for (k, v) in env {
            c.env(k, v);
        }
        if words.is_empty() {
            c.arg("-T");
        }
        c.arg("--").arg(format!("{}@127.0.0.1", self.account));
        if !words.is_empty() {
            c.arg(shell_words::join(words));
        }
        c.output().expect("run ssh")
    }

    /// The number of history entries, read by the service account.
    fn history_len(&self) -> usize {
        ok(self.peixun(&["history"]), "history").lines().count()
    }
}

/// The number every commit to the database bumps.
fn generation(db: &Path) -> u64 {
    peixun::store::Store::open_read(db)
        .and_then(|s| s.read()?.generation())
        .expect("read the generation")
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

fn date(days: i64) -> String {
    (chrono::Local::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn teachers_and_leaders_work_through_the_ssh_gate_and_nothing_else() {
    if !must_run() {
        return;
    }
    let mut site = Site::new();
    // Step 5: the service account creates the database and is its training
    // office; it gives each person an account.
    let created = ok(site.peixun(&["init"]), "init");
    assert!(
        created.contains(&site.db.display().to_string()),
        "{created}"
    );
    let mode = std::fs::metadata(&site.db).expect("db").permissions();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(mode.mode() & 0o077, 0, "the database is open to others");
    // A term around today, named as its dates say.
    let first = chrono::Local::now().date_naive() - chrono::Duration::days(10);
    let term = peixun::core::calendar::term_for(first, Default::default()).to_string();
    for args in [
        vec!["teacher", "add", "T0001", "张三", "语文"],
        vec!["teacher", "add", "T0002", "李四", "数学"],
        vec!["term", "add", &term, &date(-10), &date(30)],
        vec!["session", "add", &date(7), "15:30", "16:30", "读书分享"],
        vec![
            "account",
            "set",
            "zhangsan",
            "--roles",
            "teacher",
            "--teacher",
            "T0001",
        ],
        vec!["account", "set", "wangxz", "--roles", "leader"],
    ] {
        ok(site.peixun(&args), &args.join(" "));
    }
    // Step 7: a key for each person; a line someone else wrote stays.
    let ssh_dir = site.home.join(".ssh");
    site.as_service(&[
        "sh",
        "-c",
        "install -d -m 0700 \"$HOME/.ssh\" && echo '# the administrator keeps this line' > \"$HOME/.ssh/authorized_keys\"",
    ]);
    let (teacher_key, teacher_pub) = site.key("zhangsan");
    let (leader_key, leader_pub) = site.key("wangxz");
    let before_keys = site.history_len();
    ok(
        site.peixun(&["key", "add", "zhangsan", &teacher_pub]),
        "key add",
    );
    ok(
        site.peixun(&["key", "add", "wangxz", &leader_pub]),
        "key add",
    );
    let bad = refused(
        site.peixun(&["key", "add", "wangxz", "ssh-ed25519 AAAAnot-a-key"]),
        "a malformed key",
    );
    assert!(bad.contains("not a valid SSH public key"), "{bad}");
    let file = std::fs::read_to_string(ssh_dir.join("authorized_keys")).expect("key file");
    assert!(
        file.starts_with("# the administrator keeps this line\n"),
        "{file}"
    );
    let line = format!(
        "restrict,pty,command=\"{} gate zhangsan\" ssh-ed25519 ",
        site.exe.display()
    );
    assert!(file.contains(&line), "{file}");
    let listed = ok(site.peixun(&["key", "list"]), "key list");
    assert!(
        listed.contains("zhangsan") && listed.contains("wangxz") && listed.contains("SHA256:"),
        "{listed}"
    );
    assert_eq!(site.history_len(), before_keys + 2, "key add is recorded");

    site.start_sshd();

    // The teacher files their own leave; the clock and the database the
    // connection sends are ignored: the request is at the server's time.
    let filed = ok(
        site.ssh_env(
            &teacher_key,
            "en_US.UTF-8",
            &[
                ("PEIXUN_NOW", "2030-01-01T00:00"),
                ("PEIXUN_DB", "/tmp/elsewhere.redb"),
            ],
            &[
                "leave",
                "request",
                "T0001",
                "personal",
                "--sessions",
                "1",
                "--reason",
                "家里有事 (family)",
            ],
        ),
        "the teacher's own leave",
    );
    assert!(filed.contains("leave request 1"), "{filed}");
    let history = ok(site.peixun(&["history"]), "history");
    let today = date(0);
    let request = history
        .lines()
        .find(|l| l.contains("leave.request"))
        .expect("the request is in the history");
    assert!(request.contains("zhangsan"), "{request}");
    assert!(
        request.contains(&today),
        "not at the server's time: {request}"
    );
    assert!(!Path::new("/tmp/elsewhere.redb").exists());
    // The office receives the leave note (请假条).
    ok(
        site.peixun(&["leave", "evidence", "1", "--note"]),
        "leave evidence",
    );
    // Their own record, through the gate.
    let record = ok(site.ssh(&teacher_key, &["record", "T0001"]), "own record");
    assert!(record.contains("读书分享"), "{record}");
    // An export of it over the connection, not onto the server.
    let csv = ok(
        site.ssh(
            &teacher_key,
            &["export", "record", "T0001", "--out", "-", "--format", "csv"],
        ),
        "export to stdout",
    );
    assert!(csv.contains("读书分享"), "{csv}");

    // The teacher's attempts to leave the gate, each refused, nothing changed.
    let count = site.history_len();
    let commits = generation(&site.db);
    let attempts: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--db", "/tmp/other.redb", "leave", "list"], "--db"),
        (vec!["--as", "wangxz", "leave", "approve", "1"], "--as"),
        (vec!["init"], "init"),
        (vec!["demo"], "demo"),
        (vec!["key", "list"], "key"),
        (vec!["backup", "/tmp/copy.redb"], "backup"),
        (
            vec!["export", "record", "T0001", "--out", "/tmp/r.csv"],
            "no files on the server",
        ),
        (
            vec!["import", "teachers", "/etc/passwd"],
            "no files on the server",
        ),
        (vec!["leave", "approve", "1"], "not allowed"),
        (vec!["record", "T0002"], "not allowed"),
    ];
    for (words, says) in &attempts {
        let line = refused(site.ssh(&teacher_key, words), &words.join(" "));
        assert!(line.contains(says), "{words:?}: {line}");
        assert_eq!(site.history_len(), count, "{words:?} changed the history");
    }
    // The command is split into words, never run by a shell.
    let pwned = site.home.join("pwned");
    let out = site
        .ssh_command(&teacher_key, "en_US.UTF-8")
        .arg("--")
        .arg(format!("{}@127.0.0.1", site.account))
        .arg(format!(
            "whoami; touch {0} $(touch {0}) `touch {0}`",
            pwned.display()
        ))
        .output()
        .expect("run ssh");
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert!(!pwned.exists(), "a shell ran the command");
    assert_eq!(site.history_len(), count);
    assert!(!Path::new("/tmp/r.csv").exists());
    assert!(!Path::new("/tmp/copy.redb").exists());
    assert!(!Path::new("/tmp/other.redb").exists());
    // Chinese when the connection's LANG says so.
    let zh = refused(
        site.ssh_env(
            &teacher_key,
            "zh_CN.UTF-8",
            &[],
            &["--as", "wangxz", "whoami"],
        ),
        "--as in Chinese",
    );
    assert!(zh.contains("SSH 入口"), "{zh}");
    assert_eq!(
        generation(&site.db),
        commits,
        "a refused attempt committed a change"
    );

    // The leader approves.
    ok(site.ssh(&leader_key, &["leave", "approve", "1"]), "approve");
    let list = ok(
        site.ssh(&teacher_key, &["leave", "list", "--all"]),
        "leave list",
    );
    assert!(list.contains("approved"), "{list}");
    assert_eq!(site.history_len(), count + 1);
    // The leader, too, is who the key says.
    let who = ok(site.ssh(&leader_key, &["whoami"]), "whoami");
    assert!(who.starts_with("wangxz"), "{who}");

    // Without a terminal and without a command: one line saying to use -t.
    let line = refused(site.ssh(&teacher_key, &[]), "no command, no terminal");
    assert!(line.contains("ssh -t"), "{line}");

    // `ssh -tt` opens the terminal app as the teacher.
    terminal_app_through_ssh(&site, &teacher_key);

    // A key removed no longer opens the gate; the removal is recorded.
    let fp = listed
        .lines()
        .find(|l| l.contains("wangxz"))
        .and_then(|l| l.split_whitespace().find(|w| w.starts_with("SHA256:")))
        .expect("the leader's fingerprint")
        .to_string();
    let before = site.history_len();
    ok(site.peixun(&["key", "remove", &fp]), "key remove");
    assert_eq!(site.history_len(), before + 1);
    let out = site.ssh(&leader_key, &["whoami"]);
    assert!(!out.status.success(), "a removed key still works");
    let file = std::fs::read_to_string(ssh_dir.join("authorized_keys")).expect("key file");
    assert!(file.starts_with("# the administrator keeps this line\n"));
    assert!(!file.contains("wangxz"), "{file}");
}

/// tmux runs `ssh -tt` with the teacher's key; the app shows the teacher.
fn terminal_app_through_ssh(site: &Site, key: &Path) {
    let socket = format!("peixun-gate-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-u", "-L", &socket, "-f", "/dev/null"])
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .expect("tmux")
    };
    let ssh = format!(
        "LANG=en_US.UTF-8 ssh -tt -F /dev/null -p {} -i '{}' -o IdentitiesOnly=yes -o BatchMode=yes \
         -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
         -o SendEnv=LANG {}@127.0.0.1",
        site.port,
        key.display(),
        site.account
    );
    let out = tmux(&[
        "new-session",
        "-d",
        "-s",
        "gate",
        "-x",
        "120",
        "-y",
        "35",
        &ssh,
    ]);
    assert!(out.status.success(), "tmux: {}", text(&out.stderr));
    let start = Instant::now();
    let mut screen = String::new();
    while start.elapsed() < Duration::from_secs(15) {
        screen = text(&tmux(&["capture-pane", "-p", "-t", "gate"]).stdout);
        if screen.contains("张三") {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = tmux(&["send-keys", "-t", "gate", "q"]);
    std::thread::sleep(Duration::from_millis(300));
    let _ = tmux(&["kill-server"]);
    assert!(
        screen.contains("张三"),
        "the terminal app through ssh does not show the teacher:\n{screen}"
    );
}
