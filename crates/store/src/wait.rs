//! Waiting for another process's change, with a bound. redb's writable
//! open and its `begin_write` wait, in multi-writer mode, for as long as
//! another process holds the write lock: a writer stopped mid-transaction
//! (Ctrl-Z, SIGSTOP, a hung SSH session) would hold everyone else up for
//! good, silently. Here a writer says once, after a moment, that it waits,
//! and gives up after `Wait::limit` with nothing changed.

use super::{Result, StoreError};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

/// The environment variable that sets the bound, in seconds.
pub const WAIT_VAR: &str = "PEIXUN_WAIT_SECONDS";
/// The bound when nothing sets one.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(30);
/// How long a writer waits quietly before it says that it waits.
const NOTICE_AFTER: Duration = Duration::from_millis(400);
/// How often a waiting writer tries again.
const POLL: Duration = Duration::from_millis(25);

/// How long a writer waits for another's write lock, and what it does to
/// say that it waits (the command line prints a line on stderr; the
/// terminal app, which owns the screen, says nothing and keeps the bound).
#[derive(Clone)]
pub struct Wait {
    pub limit: Duration,
    pub notice: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl std::fmt::Debug for Wait {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wait").field("limit", &self.limit).finish()
    }
}

impl Default for Wait {
    fn default() -> Wait {
        Wait::from_env()
    }
}

impl Wait {
    /// The bound from `PEIXUN_WAIT_SECONDS` (seconds, fractions allowed),
    /// else 30 s; no notice.
    pub fn from_env() -> Wait {
        let limit = std::env::var(WAIT_VAR)
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map_or(DEFAULT_WAIT, |s| Duration::from_secs_f64(s.min(86_400.0)));
        Wait {
            limit,
            notice: None,
        }
    }

    /// The same bound, with `notice` called once when a wait begins.
    pub fn with_notice(mut self, notice: impl Fn() + Send + Sync + 'static) -> Wait {
        self.notice = Some(Arc::new(notice));
        self
    }

    fn tell(&self) {
        if let Some(n) = &self.notice {
            n();
        }
    }

    fn busy(&self, path: &Path) -> StoreError {
        StoreError::Busy {
            path: path.to_path_buf(),
            waited: self.limit,
        }
    }

    /// Calls `attempt` until it gives a value (`None` means "held by
    /// another"), saying once that it waits, and giving up after the bound.
    pub(super) fn retry<T>(
        &self,
        path: &Path,
        mut attempt: impl FnMut() -> Result<Option<T>>,
    ) -> Result<T> {
        let start = Instant::now();
        let mut told = false;
        loop {
            if let Some(v) = attempt()? {
                return Ok(v);
            }
            let waited = start.elapsed();
            if waited >= self.limit {
                return Err(self.busy(path));
            }
            if !told && waited >= NOTICE_AFTER {
                told = true;
                self.tell();
            }
            std::thread::sleep(POLL.min(self.limit - waited));
        }
    }

    /// Runs `work`, which may block on another's lock, in a helper thread;
    /// says once that it waits, and gives up after the bound. A helper that
    /// gets its way after that drops what it made (the database handle is
    /// closed, nothing was written through it).
    pub(super) fn blocking<T: Send + 'static>(
        &self,
        path: &Path,
        work: impl FnOnce() -> Result<T> + Send + 'static,
    ) -> Result<T> {
        use std::sync::mpsc::{RecvTimeoutError, channel};
        let (tx, rx) = channel();
        // The helper's thread id, to ask whether it waits for a lock.
        let tid = Arc::new(AtomicI64::new(0));
        let helper = Arc::clone(&tid);
        let spawned = std::thread::Builder::new()
            .name("peixun-open".into())
            .spawn(move || {
                helper.store(
                    super::os::lock::this_thread().unwrap_or(0),
                    Ordering::SeqCst,
                );
                let _ = tx.send(work());
            });
        if spawned.is_err() {
            return Err(StoreError::Db("could not start a thread".into()));
        }
        let start = Instant::now();
        let mut told = false;
        let mut next = NOTICE_AFTER;
        loop {
            let left = self.limit.saturating_sub(start.elapsed());
            match rx.recv_timeout(next.min(left)) {
                Ok(done) => return done,
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(StoreError::Db("the open was interrupted".into()));
                }
                Err(RecvTimeoutError::Timeout) if left <= next => return Err(self.busy(path)),
                Err(RecvTimeoutError::Timeout) => {}
            }
            // Slow is not waiting: say so only while another holds the lock.
            if !told && another_holds(path, tid.load(Ordering::SeqCst)) {
                told = true;
                self.tell();
            }
            next = POLL * 4;
        }
    }
}

/// Whether another process holds the database's write lock while our
/// helper thread `tid` opens it: where the system can tell, whether the
/// helper sleeps in a lock request (our own open holds the same byte for a
/// moment, and a lock query cannot tell whose it is); elsewhere, whether
/// the lock is held at all (os/lock.rs).
fn another_holds(path: &Path, tid: i64) -> bool {
    use super::os::lock;
    match (tid != 0).then(|| lock::waiting_for_lock(tid)).flatten() {
        Some(waiting) => waiting,
        None => lock::write_lock_held(path),
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// An open-file-description write lock of redb's writer byte, as
    /// redb's own open and its writers take it; `wait` blocks for it.
    fn lock(file: &std::fs::File, wait: bool) -> i32 {
        use std::os::fd::AsRawFd;
        // SAFETY: a zeroed flock is valid; fcntl reads and writes only it,
        // on a descriptor the caller keeps open.
        let mut l: libc::flock = unsafe { std::mem::zeroed() };
        l.l_type = libc::F_WRLCK as libc::c_short;
        l.l_whence = libc::SEEK_SET as libc::c_short;
        l.l_start = super::super::os::lock::WRITER_BYTE as libc::off_t;
        l.l_len = 1;
        let cmd = if wait {
            libc::F_OFD_SETLKW
        } else {
            libc::F_OFD_SETLK
        };
        unsafe { libc::fcntl(file.as_raw_fd(), cmd, &mut l) }
    }

    fn rw(path: &Path) -> std::io::Result<std::fs::File> {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
    }

    fn counting() -> (Wait, Arc<AtomicUsize>) {
        let told = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&told);
        let wait = Wait {
            limit: Duration::from_secs(10),
            notice: None,
        }
        .with_notice(move || {
            count.fetch_add(1, Ordering::SeqCst);
        });
        (wait, told)
    }

    /// Our own open, slow under load while it holds the writer byte, is
    /// not "waiting for another change" (issue 26: the false notice that
    /// made bad_input's refusals flaky).
    #[test]
    fn our_own_slow_open_holding_the_lock_is_not_a_wait() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("db");
        std::fs::write(&path, b"x").expect("file");
        let (wait, told) = counting();
        let p = path.clone();
        let done = wait.blocking(&path, move || {
            let f = rw(&p).map_err(|e| StoreError::Db(e.to_string()))?;
            assert_eq!(lock(&f, false), 0);
            std::thread::sleep(Duration::from_millis(1200));
            Ok(())
        });
        assert!(done.is_ok());
        assert_eq!(told.load(Ordering::SeqCst), 0, "no other holds the lock");
    }

    /// An open that sleeps behind another's lock says once that it waits.
    #[test]
    fn an_open_behind_anothers_lock_says_it_waits() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("db");
        std::fs::write(&path, b"x").expect("file");
        let other = rw(&path).expect("open");
        assert_eq!(lock(&other, false), 0);
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(1200));
            drop(other);
        });
        let (wait, told) = counting();
        let p = path.clone();
        let done = wait.blocking(&path, move || {
            let f = rw(&p).map_err(|e| StoreError::Db(e.to_string()))?;
            assert_eq!(lock(&f, true), 0);
            Ok(())
        });
        assert!(done.is_ok());
        assert!(release.join().is_ok());
        assert_eq!(told.load(Ordering::SeqCst), 1, "told once");
    }
}
