//! A private tmux server for tests that drive the real binary in a real
//! terminal, with every key sent counted. Missing tmux skips the test with
//! a note, except under CI=true, where it fails.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Whether tmux can run here; under CI=true it must.
pub fn must_run() -> bool {
    let there = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if there {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("tmux is not installed, and CI=true needs this test to run");
    }
    eprintln!("skipped: tmux is not installed (CI=true makes this a failure)");
    false
}

/// A tmux server of its own (its own socket), killed when dropped, and
/// the count of the keys sent to it.
pub struct Tmux {
    socket: String,
    session: String,
    pub keys: usize,
}

impl Tmux {
    /// Starts `cmd` in a `w`×`h` terminal.
    pub fn start(name: &str, cmd: &str, w: u16, h: u16) -> Tmux {
        let t = Tmux {
            socket: format!("peixun-test-{}-{name}", std::process::id()),
            session: name.to_string(),
            keys: 0,
        };
        let (w, h) = (w.to_string(), h.to_string());
        let out = t.run(&["new-session", "-d", "-s", name, "-x", &w, "-y", &h, cmd]);
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
    pub fn capture(&self) -> Option<String> {
        let out = self.run(&["capture-pane", "-p", "-t", &self.session]);
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Presses one key, by tmux's name for it (`Space`, `Enter`, `j`).
    pub fn key(&mut self, key: &str) {
        let out = self.run(&["send-keys", "-t", &self.session, key]);
        assert!(out.status.success(), "send-keys {key}");
        self.keys += 1;
    }

    /// Types `text`, one key per character (a Chinese word typed counts
    /// its characters).
    pub fn type_text(&mut self, text: &str) {
        let out = self.run(&["send-keys", "-t", &self.session, "-l", text]);
        assert!(out.status.success(), "send-keys -l {text}");
        self.keys += text.chars().count();
    }

    /// Polls the pane until `pred` holds (up to 10 s); the last text.
    pub fn wait(&self, what: &str, pred: impl Fn(Option<&str>) -> bool) -> Option<String> {
        let start = Instant::now();
        loop {
            let text = self.capture();
            if pred(text.as_deref()) {
                return text;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!(
                    "timed out waiting for {what}; the pane shows:\n{}",
                    text.unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait(text, |t| t.is_some_and(|t| t.contains(text)))
            .unwrap_or_default()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
