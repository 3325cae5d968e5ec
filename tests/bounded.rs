//! Bounded by construction (issue 26): standard input goes through the same
//! size limit as a file and is never read whole first (the peak memory of
//! the refused command is measured here); a copy of peixun that gained a
//! file capability refuses to run, as a setuid one does.

mod common;

use common::*;
use std::io::Write;
use std::process::{Command, Stdio};

/// The peak resident memory a stream past the limit may cost.
const PEAK_MAX_KIB: i64 = 128 * 1024;
/// The stream: 400 MB.
const STREAM_BYTES: usize = 400 * 1000 * 1000;

/// Runs `cmd` with a 400 MB stream on its standard input; returns its
/// output and its peak resident memory in KiB (the kernel's count for that
/// one child, from wait4).
#[allow(clippy::zombie_processes)] // reaped by wait4 below, for its rusage
fn with_stream(mut cmd: Command) -> (std::process::Output, i64) {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let line = "T9999,某某某,语文,七年级\n".repeat(2048);
        let mut sent = 0;
        while sent < STREAM_BYTES {
            // The reader may stop early (it refused): a broken pipe ends it.
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
            sent += line.len();
        }
        sent
    });
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out_pipe, &mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err_pipe, &mut v);
        v
    });
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for this child only.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4");
    let _ = feeder.join();
    let output = std::process::Output {
        status: std::os::unix::process::ExitStatusExt::from_raw(status),
        stdout: out_reader.join().expect("stdout"),
        stderr: err_reader.join().expect("stderr"),
    };
    (output, usage.ru_maxrss)
}

#[test]
fn a_stream_past_the_limit_is_refused_in_bounded_memory() {
    let db = Db::new();
    school(&db, 2, &["2025-09-10"]);
    for (args, lang, says) in [
        (&["import", "teachers", "-"][..], "en", "standard input"),
        (&["import", "teachers", "-"][..], "zh", "标准输入"),
        (&["policy", "set", "-"][..], "en", "standard input"),
    ] {
        let before = generation(&db.path);
        let (out, peak_kib) = with_stream(command_in(lang, &db.path, None, SETUP, args));
        let line = expect_refused(out, args);
        assert!(line.contains(says), "{args:?}: {line}");
        assert!(
            peak_kib <= PEAK_MAX_KIB,
            "{args:?}: peak {} MiB for a 400 MB stream",
            peak_kib / 1024
        );
        eprintln!(
            "{args:?} ({lang}): refused at a peak of {} MiB",
            peak_kib / 1024
        );
        assert_eq!(generation(&db.path), before, "{args:?} changed the file");
    }
}

/// A copy of peixun given `cap_dac_override` (which would let anyone who
/// runs it write the data directory) refuses to run at all: the kernel
/// marks such a process AT_SECURE. Root only; under CI=true it must run.
#[test]
fn a_copy_with_a_file_capability_refuses_to_run() {
    use std::os::unix::fs::PermissionsExt;
    let usable = unsafe { libc::getuid() } == 0
        && ["setcap", "setpriv"].iter().all(|t| {
            Command::new("sh")
                .args(["-c", &format!("command -v {t}")])
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if !usable {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run the capability test: it needs root, setcap and setpriv"
        );
        eprintln!("SKIPPED: not root, or no setcap/setpriv");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let exe = dir.path().join("peixun");
    std::fs::copy(BIN, &exe).expect("copy");
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let set = Command::new("setcap")
        .arg("cap_dac_override+ep")
        .arg(&exe)
        .output()
        .expect("setcap");
    assert!(set.status.success(), "setcap: {}", text(&set.stderr));
    let target = dir.path().join("made-by-nobody.redb");
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&exe)
        .args(["--lang", "en", "--db"])
        .arg(&target)
        .arg("init")
        .env_remove("PEIXUN_DB")
        .output()
        .expect("run");
    let line = expect_refused(out, &["init"]);
    assert!(line.contains("capabilit"), "{line}");
    assert!(!target.exists(), "the capable copy created a file");
}
