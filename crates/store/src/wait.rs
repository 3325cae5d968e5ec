//! Waiting for another process's change, with a bound. redb's writable
//! open and its `begin_write` wait, in multi-writer mode, for as long as
//! another process holds the write lock: a writer stopped mid-transaction
//! (Ctrl-Z, SIGSTOP, a hung SSH session) would hold everyone else up for
//! good, silently. Here a writer says once, after a moment, that it waits,
//! and gives up after `Wait::limit` with nothing changed.

use super::{Result, StoreError};
use std::path::Path;
use std::sync::Arc;
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
        let spawned = std::thread::Builder::new()
            .name("peixun-open".into())
            .spawn(move || {
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
            if !told && write_lock_held(path) {
                told = true;
                self.tell();
            }
            next = POLL * 4;
        }
    }
}

/// Whether another process holds the database's write lock (os/lock.rs).
fn write_lock_held(path: &Path) -> bool {
    super::os::lock::write_lock_held(path)
}
