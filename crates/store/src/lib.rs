//! The store: everything redb. One file, opened in `MultiWriter` mode so that
//! several processes (roll call on a laptop, a leader over SSH, a lookup) use
//! it at once. The API speaks in domain types; nothing above this module
//! names a redb type.
//!
//! Every write goes through a `Writer`, which appends a history entry for
//! each change in the same transaction and commits with redb's default
//! (immediate) durability: when `commit` returns, the change is on disk.

pub mod atomic;
mod card_index;
pub mod check;
pub mod codec;
mod leave_index;
mod legacy;
pub mod os;
mod overlay;
pub mod policy_file;
pub mod published;
pub mod tables;
pub mod tallies;
pub mod wait;

pub use wait::Wait;

use chrono::NaiveDateTime;
use codec::{decode, encode};
use redb::{
    Builder, ConcurrencyMode, Database, ReadOnlyDatabase, ReadTransaction, ReadableDatabase,
    ReadableTable, WriteTransaction,
};
use rules::{
    AcademicYear, CreditId, ExternalCredit, Funds, MakeUpDone, MentorPair, Qualification, YearFile,
};
use rules::{
    ClosedRoll, Leave, LeaveId, Policies, Policy, Role, RollFacts, RollState, Session, SessionId,
    Superseded, Teacher, TeacherId, Term, TermId,
};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tables::*;

/// The schema this build reads and writes. Bump it, and extend `upgrade`,
/// whenever a table or record changes shape.
pub const SCHEMA_VERSION: u32 = 7;
const APP_MARK: &[u8] = b"peixun";
const REDB_MAGIC: &[u8] = b"redb\x1a\x0a\xa9\x0d\x0a";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no database at {0}; run `peixun init` or `peixun demo` first, or give --db")]
    Missing(PathBuf),
    #[error("{0} already exists; refusing to overwrite it")]
    Exists(PathBuf),
    #[error("{0} is not a peixun database (it is not a redb file); it was left untouched")]
    NotRedb(PathBuf),
    #[error("{0} is a redb database but not a peixun one; it was left untouched")]
    NotPeixun(PathBuf),
    #[error(
        "{path} was written by a newer peixun (schema {found}, this program knows up to {known}); \
         upgrade peixun. The file was left untouched"
    )]
    Newer {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error(
        "{path} is of schema {found}, which only a development build of peixun wrote \
         (between releases); this program reads the schemas of released builds. \
         The file was left untouched"
    )]
    Development { path: PathBuf, found: u32 },
    #[error(
        "{path} was not upgraded: the file as it was could not be kept at {kept} ({message}); \
         nothing was changed"
    )]
    NotKept {
        path: PathBuf,
        kept: PathBuf,
        message: String,
    },
    #[error(
        "{path} is damaged (its pages do not verify), and redb's repair recovers a state{}; \
         nothing was copied. Give --accept-recovered to back up that state",
        last.as_ref().map(|h| format!(" whose last change is #{} ({}, {})", h.seq, h.at, h.action))
            .unwrap_or_default()
    )]
    Recovered {
        path: PathBuf,
        last: Option<Box<HistoryEntry>>,
        lost: Option<u64>,
    },
    #[error("there is no directory {0}; nothing was written")]
    NoDirectory(PathBuf),
    #[error("no permission to read {0}; ask whoever runs the server")]
    Unreadable(PathBuf),
    #[error("{path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error(
        "{path} is damaged ({why}); it was left untouched. Run `peixun check` for details \
         and restore the latest backup"
    )]
    Damaged { path: PathBuf, why: String },
    #[error(transparent)]
    Decode(#[from] codec::DecodeError),
    #[error(
        "{path}: another change did not finish within {} s; nothing was saved. Try again later",
        waited.as_secs_f64()
    )]
    Busy {
        path: PathBuf,
        waited: std::time::Duration,
    },
    #[error(
        "{0} was removed or replaced by another file since it was opened; nothing was saved. \
         Open it again"
    )]
    Replaced(PathBuf),
    #[error("database error: {0}")]
    Db(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

macro_rules! db_err {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError::Db(e.to_string())
            }
        }
    )*};
}
db_err!(
    redb::Error,
    redb::StorageError,
    redb::TableError,
    redb::TransactionError,
    redb::CommitError
);

/// A session as stored: the session and how far its roll call has gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub session: Session,
    pub state: RollState,
    /// A closed roll's record (`CLOSED_ROLLS`), filled by the reads;
    /// `put_session` keeps it in its own table, so the session record keeps
    /// its shape.
    #[serde(skip)]
    pub closed: Option<ClosedRoll>,
}

impl SessionRecord {
    /// A session with its roll not started and no record.
    pub fn new(session: Session, state: RollState) -> SessionRecord {
        SessionRecord {
            session,
            state,
            closed: None,
        }
    }

    /// Whether `teacher` had to attend: at a closed roll, whoever its
    /// record names (`core::closed::required`).
    pub fn requires(&self, teacher: &Teacher) -> bool {
        rules::closed::required(&self.session, self.state, self.closed.as_ref(), teacher)
    }
}

/// An OS account's roles, and the teacher it is where it is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub name: String,
    pub roles: Vec<Role>,
    pub teacher: Option<TeacherId>,
}

/// One change: who, when, what, the value before and after, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub seq: u64,
    pub at: NaiveDateTime,
    pub who: String,
    /// A stable action name, e.g. `roll.first_call`, `leave.approve`.
    pub action: String,
    /// What changed, e.g. `session 3 / T001`.
    pub target: String,
    /// The value before and after, as JSON; `None` where there was none.
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
    /// The session and teacher the change concerns, for filtering.
    pub session: Option<SessionId>,
    pub teacher: Option<TeacherId>,
}

fn builder() -> Builder {
    let mut b = Builder::new();
    b.set_concurrency_mode(ConcurrencyMode::MultiWriter);
    // The default cache is 1 GiB. Pages the cache misses come from the
    // operating system's page cache, so a small one costs little, and keeps
    // the terminal app on a county's file within its memory budget
    // (docs/benchmarks.md).
    b.set_cache_size(CACHE_BYTES);
    b
}

/// redb's page cache, per open database.
const CACHE_BYTES: usize = 16 << 20;

/// Removes the file at `path` if it is still the one described by `ours`
/// (a failed create leaves nothing behind, and removes nothing else).
fn remove_if_same(path: &Path, ours: Option<(FileId, u64)>) {
    if let (Some((a, _)), Some((b, _))) = (ours, os::file_id::of_path(path, false))
        && a == b
    {
        let _ = std::fs::remove_file(path);
    }
}

fn open_error(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Open {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// An open database. Read-only opens never write to the file.
pub struct Store {
    path: PathBuf,
    db: Db,
    /// The file opened (device and inode): a write into a file no longer
    /// at `path` is refused.
    id: Option<FileId>,
    wait: Wait,
    /// The snapshot every read shares while one is pinned, and how many
    /// snapshots were begun.
    reading: Reading,
    /// The upgrade this open made of an older file, if it made one.
    upgraded: Option<Upgraded>,
}

/// An older file brought up to this build's schema by its first change,
/// and where the file as it was is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgraded {
    pub path: PathBuf,
    pub from: u32,
    pub to: u32,
    pub kept: PathBuf,
}

/// What a store's reads share: while `Store::pinned` runs, every
/// `Store::read` hands out the same snapshot (the terminal app reads
/// everything a key needs from one); and a count of the snapshots begun,
/// which the tests hold the terminal app to.
#[derive(Default)]
struct Reading {
    pinned: std::sync::Mutex<Option<Reader>>,
    begun: std::sync::atomic::AtomicU64,
}

/// Holds a change open, just before its commit, for the seconds that
/// `PEIXUN_TEST_PAUSE_COMMIT` names: how the tests stop or kill a writer
/// mid-transaction (tests/store_safety.rs). Any user can hold their own
/// change as long with Ctrl-Z; the bound of `Wait` is what protects others.
fn pause_for_tests() {
    if let Some(s) = std::env::var("PEIXUN_TEST_PAUSE_COMMIT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
    {
        std::thread::sleep(std::time::Duration::from_secs_f64(s.min(3600.0)));
    }
}

/// A file's identity: device and inode number, or volume and file index.
use os::file_id::FileId;

/// The identity and length of the file at `path` now.
fn stat(path: &Path) -> Option<(FileId, u64)> {
    os::file_id::of_path(path, true)
}

/// The META key of the proof that the file was sound at its last commit:
/// the generation that commit left and the file's length (u64 LE each).
/// A writable open that finds both as they are trusts the pages; otherwise
/// (the proof is missing, another tool wrote the file, its length changed)
/// it verifies every page first.
const SOUND: &str = "sound";

enum Db {
    Read(ReadOnlyDatabase),
    Write(Database),
    /// A verified copy in memory, for reading a file that needs a repair
    /// the disk will not take (full, or read-only): see `open_read`.
    Snapshot(Database),
}

impl Store {
    /// Creates a new, empty peixun database at `path`, readable and
    /// writable by its owner only (less the umask). The file is created
    /// exclusively, never through a symbolic link, and redb fills that
    /// same open file: nothing reopens it by name, so a file swapped in
    /// meanwhile is never written to.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::Exists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| open_error(dir, e))?;
        }
        let mut opts = std::fs::OpenOptions::new();
        opts.read(true).write(true).create_new(true);
        os::create::owner_only_no_follow(&mut opts);
        let file = opts.open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::Exists(path.to_path_buf()),
            _ => open_error(path, e),
        })?;
        let ours = os::file_id::of_file(&file);
        let id = ours.map(|(id, _)| id);
        let db = redb::backends::FileBackend::new(file)
            .and_then(|backend| builder().create_with_backend(backend))
            .map_err(|e| {
                remove_if_same(path, ours);
                open_error(path, e)
            })?;
        let txn = db.begin_write()?;
        {
            let mut meta = txn.open_table(META)?;
            meta.insert("app", APP_MARK)?;
            meta.insert("schema", SCHEMA_VERSION.to_le_bytes().as_slice())?;
            meta.insert("generation", 0u64.to_le_bytes().as_slice())?;
            meta.insert("policy", encode(&Policy::default()).as_slice())?;
        }
        create_tables(&txn)?;
        txn.commit()?;
        Ok(Store {
            path: path.to_path_buf(),
            db: Db::Write(db),
            id,
            wait: Wait::from_env(),
            reading: Reading::default(),
            upgraded: None,
        })
    }

    /// Opens an existing database for reading only. Checks that it is a
    /// peixun database of a schema this build knows; never writes.
    ///
    /// The pages are not all verified here (that reads the whole file, far
    /// too slow for a lookup in a county's file): reading never writes, every
    /// record carries its own checksum (`codec`), and a command that fails on
    /// a file verifies it then (`cli::run`), so a damaged file is still
    /// reported as damaged. A writable open verifies first where the file's
    /// proof of soundness does not hold (`check_before_write`).
    pub fn open_read(path: &Path) -> Result<Store> {
        Store::open_read_with(path, Wait::from_env())
    }

    /// `open_read`, with `wait` for the writes that follow (`Store::writable`).
    pub fn open_read_with(path: &Path, wait: Wait) -> Result<Store> {
        check_magic(path)?;
        if check::looks_truncated(path) {
            check::refuse_damaged(path)?;
        }
        let id = stat(path).map(|(id, _)| id);
        // Overwritten pages can make redb panic while it reads META: that
        // is damage, said as such.
        let schema = check::quietly(|| {
            let db = builder().open_read_only(path);
            let found = match &db {
                Ok(db) => Some(
                    db.begin_read()
                        .map_err(StoreError::from)
                        .and_then(|txn| check_schema(path, &txn)),
                ),
                Err(_) => None,
            };
            Ok((db, found))
        });
        let Ok((opened, found)) = schema else {
            check::refuse_damaged(path)?;
            return Err(open_error(path, "unreadable"));
        };
        match opened {
            Ok(db) => {
                let found = found.unwrap_or(Ok(SCHEMA_VERSION))?;
                if found < SCHEMA_VERSION {
                    // An older file is read as it is, upgraded in memory
                    // (through an overlay: not a byte of it is written);
                    // the first change upgrades the file itself.
                    drop(db);
                    return Ok(Store {
                        path: path.to_path_buf(),
                        db: Db::Snapshot(upgraded_in_memory(path, found)?),
                        id,
                        wait,
                        reading: Reading::default(),
                        upgraded: None,
                    });
                }
                Ok(Store {
                    path: path.to_path_buf(),
                    db: Db::Read(db),
                    id,
                    wait,
                    reading: Reading::default(),
                    upgraded: None,
                })
            }
            // A file left by a crash needs a repair, which only a writer may
            // do; where the disk refuses it, reading goes on from the file
            // with the repair kept in memory.
            Err(redb::DatabaseError::RepairAborted) => {
                match Store::open_write_with(path, wait.clone()) {
                    Err(e) if check::disk_trouble(&e).is_some() => Ok(Store {
                        path: path.to_path_buf(),
                        db: Db::Snapshot(check::snapshot(path)?),
                        id,
                        wait,
                        reading: Reading::default(),
                        upgraded: None,
                    }),
                    opened => opened,
                }
            }
            Err(e) => {
                check::refuse_damaged(path)?;
                Err(open_error(path, e))
            }
        }
    }

    /// The state redb's repair recovers from a file whose pages do not
    /// verify, in memory, for reading only (`check::recovered`): what a
    /// backup told `--accept-recovered` copies. `None` where nothing
    /// verifiable is recovered. The file is not written.
    pub fn open_recovered(path: &Path) -> Result<Option<Store>> {
        Ok(check::recovered(path)?.map(|(db, _)| Store {
            path: path.to_path_buf(),
            db: Db::Snapshot(db),
            id: stat(path).map(|(id, _)| id),
            wait: Wait::from_env(),
            reading: Reading::default(),
            upgraded: None,
        }))
    }

    /// Opens an existing database for reading and writing, after checking it
    /// the same way as `open_read` (so a foreign file is never written to).
    pub fn open_write(path: &Path) -> Result<Store> {
        Store::open_write_with(path, Wait::from_env())
    }

    /// `open_write`, waiting for another process's change as `wait` says.
    pub fn open_write_with(path: &Path, wait: Wait) -> Result<Store> {
        let id = stat(path).map(|(id, _)| id);
        Store::open_write_as(path, wait, id)
    }

    /// This database opened for writing: the same file (one removed or
    /// replaced since is refused), the same wait.
    pub fn writable(&self) -> Result<Store> {
        let store = Store::open_write_as(&self.path, self.wait.clone(), self.id)?;
        store
            .reading
            .begun
            .fetch_add(self.reads_begun(), std::sync::atomic::Ordering::Relaxed);
        Ok(store)
    }

    fn open_write_as(path: &Path, wait: Wait, id: Option<FileId>) -> Result<Store> {
        if id.is_some() {
            same_file(path, id)?;
        }
        check_before_write(path)?;
        // An older file is kept as it is before anything opens it for
        // writing (redb's writable open itself writes to the file).
        let mut kept = match older_schema(path) {
            Some(found) => Some((found, keep_as_it_was(path, found)?)),
            None => None,
        };
        let owned = path.to_path_buf();
        // redb's writable open takes the write lock for a moment (to repair
        // a file a crash left unclean): it waits behind another's change.
        let db = wait.blocking(path, move || {
            builder().open(&owned).map_err(|e| open_error(&owned, e))
        })?;
        let store = Store {
            path: path.to_path_buf(),
            db: Db::Write(db),
            id,
            wait,
            reading: Reading::default(),
            upgraded: None,
        };
        store.same_file()?;
        let Db::Write(db) = &store.db else {
            return Err(StoreError::Db("not writable".into()));
        };
        let found = check_schema(path, &db.begin_read()?)?;
        let mut upgraded = None;
        if found < SCHEMA_VERSION {
            let txn = store.begin_write(db)?;
            // Read again under the write lock: another process may have
            // upgraded the file meanwhile.
            let found = check_schema(path, &db.begin_read()?)?;
            if found < SCHEMA_VERSION {
                let kept = match kept.take() {
                    Some((was, kept)) if was == found => kept,
                    _ => keep_as_it_was(path, found)?,
                };
                upgrade(txn, found, store.path.clone(), store.id)?;
                upgraded = Some(Upgraded {
                    path: path.to_path_buf(),
                    from: found,
                    to: SCHEMA_VERSION,
                    kept,
                });
            }
        }
        // Another process upgraded the file meanwhile, keeping its own copy.
        if let Some((_, copy)) = kept {
            let _ = std::fs::remove_file(copy);
        }
        Ok(Store { upgraded, ..store })
    }

    /// The upgrade of an older file this store's open made, if any (the
    /// program says so once, `i18n::upgraded`).
    pub fn upgraded(&self) -> Option<&Upgraded> {
        self.upgraded.as_ref()
    }

    pub fn is_writable(&self) -> bool {
        matches!(self.db, Db::Write(_))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How a writer of this store waits for another's change.
    pub fn wait(&self) -> &Wait {
        &self.wait
    }

    pub fn set_wait(&mut self, wait: Wait) {
        self.wait = wait;
    }

    /// A consistent snapshot to read from: the pinned one while
    /// `Store::pinned` runs, else a new one.
    pub fn read(&self) -> Result<Reader> {
        if let Some(r) = self.pin().as_ref() {
            return Ok(r.clone());
        }
        let txn = match &self.db {
            Db::Read(db) => db.begin_read()?,
            Db::Write(db) | Db::Snapshot(db) => db.begin_read()?,
        };
        self.reading
            .begun
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Reader::new(txn))
    }

    fn pin(&self) -> std::sync::MutexGuard<'_, Option<Reader>> {
        // A panic while pinned leaves nothing half done: the value is
        // a snapshot or none.
        self.reading
            .pinned
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `f` with every read of this store taken from one snapshot,
    /// begun now (or the one already pinned, when called within another).
    /// What `f` reads is consistent, and costs one snapshot however many
    /// reads it makes. No write may happen inside (`f` has `&self`).
    pub fn pinned<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if self.pin().is_some() {
            return f();
        }
        let r = self.read()?;
        *self.pin() = Some(r);
        struct Unpin<'a>(&'a Store);
        impl Drop for Unpin<'_> {
            fn drop(&mut self) {
                *self.0.pin() = None;
            }
        }
        let _unpin = Unpin(self);
        f()
    }

    /// How many read snapshots this store has begun (the terminal app's
    /// tests count them per key).
    pub fn reads_begun(&self) -> u64 {
        self.reading
            .begun
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Starts a change made by `who` at `at`. Waits while another process
    /// writes, as `Store::wait` says. Nothing is visible to anyone until
    /// `Writer::commit`.
    pub fn write(&self, who: &str, at: NaiveDateTime) -> Result<Writer> {
        match &self.db {
            Db::Write(db) => {
                self.same_file()?;
                Ok(Writer {
                    txn: self.begin_write(db)?,
                    who: who.to_string(),
                    at,
                    recount: tallies::Recount::default(),
                    path: self.path.clone(),
                    id: self.id,
                    reason: None,
                })
            }
            Db::Read(_) | Db::Snapshot(_) => {
                Err(StoreError::Db("the database was opened read-only".into()))
            }
        }
    }

    /// Keeps every other writer out while the returned guard lives: a
    /// backup verifies the file's own bytes, which a commit in flight in
    /// another process would tear (issue 26). Takes redb's writer byte
    /// itself (`os::hold`), waiting behind a change under way as a writer
    /// does; the file is not opened for writing, so nothing is written,
    /// not even a repair. `None` where nothing can be held (a snapshot in
    /// memory, a file this account may not write, a system without such
    /// locks): the backup then reads as before, its copy checked after.
    pub fn hold_writers(&self) -> Result<Option<os::hold::Held>> {
        if matches!(self.db, Db::Snapshot(_)) {
            return Ok(None);
        }
        self.wait.retry(&self.path, || {
            Ok(match os::hold::try_hold(&self.path) {
                os::hold::Try::Held(h) => Some(Some(h)),
                os::hold::Try::Busy => None,
                os::hold::Try::Unsupported => Some(None),
            })
        })
    }

    fn begin_write(&self, db: &Database) -> Result<WriteTransaction> {
        self.wait.retry(&self.path, || match db.try_begin_write() {
            Ok(txn) => Ok(Some(txn)),
            Err(redb::TransactionError::WouldBlock) => Ok(None),
            Err(e) => Err(e.into()),
        })
    }

    /// Refuses when the file at the path is no longer the one opened.
    fn same_file(&self) -> Result<()> {
        same_file(&self.path, self.id).map(drop)
    }

    /// Verifies every page and every record of the file (`peixun check`)
    /// without writing to it; see `check::check` for what is wrong.
    pub fn check_integrity(path: &Path) -> Result<bool> {
        Ok(check::check(path)?.is_clean())
    }
}

/// The length of the file at `path`, which must still be the file `id`
/// (opened earlier); a removed or replaced file is refused.
fn same_file(path: &Path, id: Option<FileId>) -> Result<u64> {
    match (stat(path), id) {
        (Some((now, len)), Some(id)) if now == id => Ok(len),
        (Some((_, len)), None) => Ok(len),
        _ => Err(StoreError::Replaced(path.to_path_buf())),
    }
}

fn check_magic(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(StoreError::Unreadable(path.to_path_buf()));
        }
        Err(e) => return Err(open_error(path, e)),
    };
    let mut head = [0u8; 9];
    match f.read_exact(&mut head) {
        Ok(()) if head == REDB_MAGIC => Ok(()),
        _ => Err(StoreError::NotRedb(path.to_path_buf())),
    }
}

/// Checks, without writing to it, that `path` is a sound peixun database of
/// a schema this build knows, before a writable open (which would repair a
/// file left unclean by a crash in place, foreign, newer or damaged as it
/// may be).
///
/// Cheap where the file carries its proof of soundness (`SOUND`) and it
/// holds: a header, META, and the file's length are read. Otherwise every
/// page is verified, reading the file where it lies (`check::refuse_damaged`,
/// through an `Overlay`): no copy is made, beside the database or in memory.
///
/// Others may be writing the file meanwhile (the page check reads it where
/// it lies): a check that fails while the file changed under it proves
/// nothing and is taken again, a few times; one that fails on a file that
/// stayed the same is the answer.
fn check_before_write(path: &Path) -> Result<()> {
    let stamp = || {
        std::fs::metadata(path)
            .ok()
            .map(|m| (m.len(), m.modified().ok()))
    };
    let mut tries = 0u64;
    loop {
        let seen = stamp();
        let outcome = check::quietly(|| Ok(check_once(path))).unwrap_or_else(|why| {
            Err(StoreError::Damaged {
                path: path.to_path_buf(),
                why,
            })
        });
        match outcome {
            Ok(()) => return Ok(()),
            Err(e) => {
                tries += 1;
                if tries >= 8 || stamp() == seen {
                    return Err(e);
                }
                std::thread::sleep(std::time::Duration::from_millis(15 * tries));
            }
        }
    }
}

fn check_once(path: &Path) -> Result<()> {
    check_magic(path)?;
    if check::looks_truncated(path) {
        check::refuse_damaged(path)?;
    }
    let trusted = check::quietly(|| {
        let Ok(ro) = builder().open_read_only(path) else {
            return Ok(Ok(false));
        };
        Ok(ro.begin_read().map_err(StoreError::from).and_then(|txn| {
            check_schema(path, &txn)?;
            proof_holds(path, &txn)
        }))
    });
    // A panic (overwritten pages) is left to the page check below.
    if let Ok(trusted) = trusted
        && trusted?
    {
        return Ok(());
    }
    // Left unclean by a crash (redb repairs it once this check passes), or
    // without a proof that holds: verified page by page, META read from the
    // verified state.
    check::refuse_damaged(path)
}

/// Whether the proof of soundness the last commit left holds for the file
/// as it is now.
fn proof_holds(path: &Path, txn: &ReadTransaction) -> Result<bool> {
    let meta = txn.open_table(META)?;
    let (Some(proof), Some(generation)) = (meta.get(SOUND)?, meta.get("generation")?) else {
        return Ok(false);
    };
    let proof = proof.value();
    let len = stat(path).map(|(_, len)| len);
    Ok(proof.len() == 16
        && proof[..8] == *generation.value()
        // A commit that grew the file left the length before it grew;
        // a file shorter than the proof is not the file it was.
        && len.is_some_and(|len| len >= u64::from_le_bytes(
            proof[8..].try_into().unwrap_or_default(),
        )))
}

/// Opens every table of the schema, creating those that are missing. A new
/// table is added here (and `SCHEMA_VERSION` raised) so that older files
/// gain it at their next writable open.
fn create_tables(txn: &redb::WriteTransaction) -> Result<()> {
    macro_rules! create {
        ($t:ident) => {
            txn.open_table($t)?;
        };
    }
    every_table!(create);
    Ok(())
}

/// Brings a file of schema `found` up to this build's, in one transaction:
/// adds the missing tables, then takes each step from `found` on, and
/// records the new version. A new schema adds its step at the end.
fn upgrade(txn: WriteTransaction, found: u32, path: PathBuf, id: Option<FileId>) -> Result<()> {
    create_tables(&txn)?;
    // Schema 3 (records carry a checksum) comes first: it rewrites bytes
    // whatever the records' shape, and every step after it decodes records.
    if found < 3 {
        legacy::to_3_checksums(&txn)?;
    }
    legacy::migrate(&txn, found)?;
    txn.open_table(META)?
        .insert("schema", SCHEMA_VERSION.to_le_bytes().as_slice())?;
    let mut w = Writer {
        txn,
        who: String::new(),
        at: NaiveDateTime::default(),
        recount: tallies::Recount::default(),
        path,
        id,
        reason: None,
    };
    // The tables derived from the records (schema 2 added them; later
    // steps may change what they hold): filled afresh.
    for t in w.teachers()? {
        w.txn
            .open_table(NAMES)?
            .insert(t.id.0.as_str(), t.name.as_str())?;
    }
    for l in w.leaves()? {
        w.index_leave(None, &l)?;
    }
    // Schema 6: the credit-card index.
    for c in w.external_credits()? {
        w.index_card(None, &c)?;
    }
    w.recount_all();
    // Schema 7: each closed roll's record, as the roster (with the start
    // dates `legacy::upgrade_to_7` gave) says it was.
    if found < 7 {
        w.record_closed_rolls()?;
    }
    w.commit()
}

/// A file of the older schema `found` upgraded in memory: read through an
/// `Overlay`, so that what the upgrade writes stays in memory and the file
/// is not written (it may be read-only, on a read-only mount, another
/// account's). Reads of it see the records in this build's shape.
fn upgraded_in_memory(path: &Path, found: u32) -> Result<Database> {
    let backend = overlay::Overlay::open(path).map_err(|e| open_error(path, e))?;
    let db = check::quietly(move || {
        let mut b = Builder::new();
        b.set_cache_size(CACHE_BYTES);
        b.create_with_backend(backend).map_err(|e| e.to_string())
    })
    .map_err(|why| StoreError::Damaged {
        path: path.to_path_buf(),
        why,
    })?;
    let txn = db.begin_write()?;
    upgrade(txn, found, path.to_path_buf(), None)?;
    Ok(db)
}

/// The schema of the file at `path` where it is older than this build's,
/// read without writing; `None` for a file of this build's schema, or one
/// that does not open read-only as it is.
fn older_schema(path: &Path) -> Option<u32> {
    check::quietly(|| {
        let db = builder().open_read_only(path).map_err(|e| e.to_string())?;
        let txn = db.begin_read().map_err(|e| e.to_string())?;
        check_schema(path, &txn).map_err(|e| e.to_string())
    })
    .ok()
    .filter(|&found| found < SCHEMA_VERSION)
}

/// Keeps the file at `path`, of the older schema `found`, as it is now
/// beside it, before its upgrade: `NAME.schemaN-YYYYMMDD.bak` (today's
/// date), or `NAME.schemaN-YYYYMMDD-2.bak` and on where that exists; never
/// over another file. The copy is mode 0600, and appears under its name
/// only once complete, on disk and checked: a copy torn by a change made
/// while it was read (by an older build still running) is taken again.
fn keep_as_it_was(path: &Path, found: u32) -> Result<PathBuf> {
    let mut tries = 0;
    loop {
        let kept = copy_beside(path, found)?;
        match check::check(&kept) {
            Ok(report) if report.is_clean() && report.schema == found => return Ok(kept),
            outcome => {
                let _ = std::fs::remove_file(&kept);
                tries += 1;
                if tries >= 4 {
                    return Err(match outcome {
                        Err(e) => e,
                        Ok(report) => StoreError::Damaged {
                            path: path.to_path_buf(),
                            why: report
                                .problems
                                .first()
                                .map(check::describe_en)
                                .unwrap_or_default(),
                        },
                    });
                }
                std::thread::sleep(std::time::Duration::from_millis(50 * tries));
            }
        }
    }
}

/// One copy of `path` under the first free backup name beside it.
fn copy_beside(path: &Path, found: u32) -> Result<PathBuf> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let day = chrono::Local::now().format("%Y%m%d");
    let not_kept = |kept: &Path, e: std::io::Error| StoreError::NotKept {
        path: path.to_path_buf(),
        kept: kept.to_path_buf(),
        message: e.to_string(),
    };
    for n in 1..1000u32 {
        let file = if n == 1 {
            format!("{name}.schema{found}-{day}.bak")
        } else {
            format!("{name}.schema{found}-{day}-{n}.bak")
        };
        let kept = path.with_file_name(file);
        if std::fs::symlink_metadata(&kept).is_ok() {
            continue;
        }
        let tmp = crate::atomic::temp_beside(&kept, 0o600).map_err(|e| not_kept(&kept, e))?;
        let copied = std::fs::File::open(path).and_then(|mut from| {
            let mut to = tmp.as_file();
            std::io::copy(&mut from, &mut to)
        });
        copied.map_err(|e| not_kept(&kept, e))?;
        match crate::atomic::persist(tmp, &kept, false) {
            Ok(()) => return Ok(kept),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(not_kept(&kept, e)),
        }
    }
    let kept = path.with_file_name(format!("{name}.schema{found}-{day}.bak"));
    Err(not_kept(
        &kept,
        std::io::Error::from(std::io::ErrorKind::AlreadyExists),
    ))
}

/// Returns the schema version of a peixun file this build can read.
fn check_schema(path: &Path, txn: &ReadTransaction) -> Result<u32> {
    let not_ours = || StoreError::NotPeixun(path.to_path_buf());
    let meta = txn.open_table(META).map_err(|_| not_ours())?;
    let app = meta.get("app")?.ok_or_else(not_ours)?;
    if app.value() != APP_MARK {
        return Err(not_ours());
    }
    let found = meta
        .get("schema")?
        .and_then(|v| v.value().try_into().ok().map(u32::from_le_bytes))
        .ok_or_else(not_ours)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found < SCHEMA_VERSION && !legacy::landed(found) {
        return Err(StoreError::Development {
            path: path.to_path_buf(),
            found,
        });
    }
    Ok(found)
}

/// Decodes a record that may be missing.
fn decoded<T: serde::de::DeserializeOwned>(
    v: Option<redb::AccessGuard<'_, &[u8]>>,
    table: &'static str,
    key: &dyn std::fmt::Display,
) -> Result<Option<T>> {
    match v {
        Some(v) => Ok(Some(decode(v.value(), table, key)?)),
        None => Ok(None),
    }
}

fn season_key(t: TermId) -> (i32, u8) {
    (t.year.0, t.season as u8)
}

/// Reading functions shared by `Reader` (a snapshot) and `Writer` (which
/// must read what it is about to change inside its own transaction).
macro_rules! reads {
    ($ty:ty) => {
        impl $ty {
            pub fn policy(&self) -> Result<Policy> {
                let t = self.open_table(META)?;
                match t.get("policy")? {
                    Some(v) => Ok(decode(v.value(), "meta", &"policy")?),
                    None => Ok(Policy::default()),
                }
            }

            /// Today's policy and the ones it replaced (issue 25), which
            /// closed rolls and postings of their time keep.
            pub fn policies(&self) -> Result<Policies> {
                let current = self.policy()?;
                let superseded: Vec<Superseded> = self.meta(SUPERSEDED)?.unwrap_or_default();
                Ok(Policies {
                    current,
                    superseded,
                })
            }

            /// A number every commit changes; cheap to poll.
            pub fn generation(&self) -> Result<u64> {
                let t = self.open_table(META)?;
                Ok(t.get("generation")?
                    .and_then(|v| v.value().try_into().ok().map(u64::from_le_bytes))
                    .unwrap_or(0))
            }

            /// Reads a stored value from `META` (e.g. a publication record).
            pub fn meta<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
                let t = self.open_table(META)?;
                let v = t.get(key)?;
                decoded(v, "meta", &key)
            }

            pub fn teacher(&self, id: &TeacherId) -> Result<Option<Teacher>> {
                let t = self.open_table(TEACHERS)?;
                let v = t.get(id.0.as_str())?;
                decoded(v, "teachers", &id)
            }

            /// The ids of the teachers whose id and name `keep` accepts, in
            /// id order; only names are read.
            pub fn find_teachers(
                &self,
                mut keep: impl FnMut(&str, &str) -> bool,
            ) -> Result<Vec<TeacherId>> {
                let t = self.open_table(NAMES)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (id, name) = row?;
                    if keep(id.value(), name.value()) {
                        out.push(TeacherId(id.value().to_string()));
                    }
                }
                Ok(out)
            }

            /// Whether the names `find_teachers` scans are exactly the
            /// teachers' own, one for one: each teacher record's checksum is
            /// checked and its id and name compared with the names table,
            /// without decoding the rest of it. What a lookup that found
            /// nobody read is thereby checked against checksummed records
            /// (a name changed on its page would make it miss), at the cost
            /// of one pass over the teachers instead of every page of the
            /// file. A record that fails its checksum is an error naming it.
            pub fn names_agree(&self) -> Result<bool> {
                let names = self.open_table(NAMES)?;
                let teachers = self.open_table(TEACHERS)?;
                let mut names = names.iter()?;
                for row in teachers.iter()? {
                    let (k, v) = row?;
                    let key = k.value();
                    let payload = codec::payload(v.value(), "teachers", &key)?;
                    // A teacher's record begins with its id and its name
                    // (compared as bytes: the checksum vouches for them).
                    let Ok(((id, name), _)) = postcard::take_from_bytes::<(&[u8], &[u8])>(payload)
                    else {
                        return Ok(false);
                    };
                    let Some(entry) = names.next() else {
                        return Ok(false);
                    };
                    let (nk, nv) = entry?;
                    if id != key.as_bytes() || nk.value() != key || nv.value().as_bytes() != name {
                        return Ok(false);
                    }
                }
                Ok(names.next().is_none())
            }

            /// Every teacher, in id order.
            pub fn teachers(&self) -> Result<Vec<Teacher>> {
                let t = self.open_table(TEACHERS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "teachers", &k.value())?);
                }
                Ok(out)
            }

            pub fn term(&self, id: TermId) -> Result<Option<Term>> {
                let t = self.open_table(TERMS)?;
                let v = t.get(season_key(id))?;
                decoded(v, "terms", &id)
            }

            /// Every term, oldest first.
            pub fn terms(&self) -> Result<Vec<Term>> {
                let t = self.open_table(TERMS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    let (y, s) = k.value();
                    out.push(decode(v.value(), "terms", &format_args!("{y}/{s}"))?);
                }
                Ok(out)
            }

            pub fn session(&self, id: SessionId) -> Result<Option<SessionRecord>> {
                let t = self.open_table(SESSIONS)?;
                let v = t.get(id.0)?;
                let rec: Option<SessionRecord> = decoded(v, "sessions", &id)?;
                match rec {
                    Some(mut rec) => {
                        if rec.state == RollState::Closed {
                            rec.closed = self.closed_roll(id)?;
                        }
                        Ok(Some(rec))
                    }
                    None => Ok(None),
                }
            }

            /// Every session, in id order.
            pub fn sessions(&self) -> Result<Vec<SessionRecord>> {
                let t = self.open_table(SESSIONS)?;
                let closed = self.open_table(CLOSED_ROLLS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    let mut rec: SessionRecord = decode(v.value(), "sessions", &k.value())?;
                    if rec.state == RollState::Closed {
                        rec.closed = decoded(closed.get(k.value())?, "closed_rolls", &k.value())?;
                    }
                    out.push(rec);
                }
                Ok(out)
            }

            /// A closed roll's record, where it has one.
            pub fn closed_roll(&self, id: SessionId) -> Result<Option<ClosedRoll>> {
                let t = self.open_table(CLOSED_ROLLS)?;
                let v = t.get(id.0)?;
                decoded(v, "closed_rolls", &id)
            }

            pub fn next_session_id(&self) -> Result<SessionId> {
                let t = self.open_table(SESSIONS)?;
                Ok(SessionId(t.last()?.map_or(1, |(k, _)| k.value() + 1)))
            }

            pub fn facts(
                &self,
                session: SessionId,
                teacher: &TeacherId,
            ) -> Result<Option<RollFacts>> {
                let t = self.open_table(FACTS)?;
                let v = t.get((session.0, teacher.0.as_str()))?;
                decoded(v, "facts", &format_args!("{session}/{teacher}"))
            }

            /// Every fact of one session: one range.
            pub fn session_facts(&self, session: SessionId) -> Result<Vec<(TeacherId, RollFacts)>> {
                let t = self.open_table(FACTS)?;
                let mut out = Vec::new();
                for row in t.range((session.0, "")..(session.0 + 1, ""))? {
                    let (k, v) = row?;
                    let (s, tid) = k.value();
                    let f = decode(v.value(), "facts", &format_args!("{s}/{tid}"))?;
                    out.push((TeacherId(tid.to_string()), f));
                }
                Ok(out)
            }

            /// Every fact of one teacher, through the teacher index.
            pub fn teacher_facts(
                &self,
                teacher: &TeacherId,
            ) -> Result<Vec<(SessionId, RollFacts)>> {
                let idx = self.open_table(FACTS_BY_TEACHER)?;
                let mut out = Vec::new();
                for row in idx.range((teacher.0.as_str(), 0u32)..=(teacher.0.as_str(), u32::MAX))? {
                    let (k, _) = row?;
                    let sid = SessionId(k.value().1);
                    if let Some(f) = self.facts(sid, teacher)? {
                        out.push((sid, f));
                    }
                }
                Ok(out)
            }

            pub fn leave(&self, id: LeaveId) -> Result<Option<Leave>> {
                let t = self.open_table(LEAVES)?;
                let v = t.get(id.0)?;
                decoded(v, "leaves", &id)
            }

            /// Every leave request, oldest first.
            pub fn leaves(&self) -> Result<Vec<Leave>> {
                let t = self.open_table(LEAVES)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "leaves", &k.value())?);
                }
                Ok(out)
            }

            /// One teacher's leave requests, through the teacher index.
            pub fn teacher_leaves(&self, teacher: &TeacherId) -> Result<Vec<Leave>> {
                let idx = self.open_table(LEAVES_BY_TEACHER)?;
                let mut out = Vec::new();
                for row in idx.range((teacher.0.as_str(), 0u32)..=(teacher.0.as_str(), u32::MAX))? {
                    let (k, _) = row?;
                    if let Some(l) = self.leave(LeaveId(k.value().1))? {
                        out.push(l);
                    }
                }
                Ok(out)
            }

            pub fn next_leave_id(&self) -> Result<LeaveId> {
                let t = self.open_table(LEAVES)?;
                Ok(LeaveId(t.last()?.map_or(1, |(k, _)| k.value() + 1)))
            }

            pub fn account(&self, name: &str) -> Result<Option<Account>> {
                let t = self.open_table(ACCOUNTS)?;
                let v = t.get(name)?;
                decoded(v, "accounts", &name)
            }

            pub fn accounts(&self) -> Result<Vec<Account>> {
                let t = self.open_table(ACCOUNTS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "accounts", &k.value())?);
                }
                Ok(out)
            }

            pub fn external_credit(&self, id: CreditId) -> Result<Option<ExternalCredit>> {
                let t = self.open_table(EXTERNAL_CREDITS)?;
                let v = t.get(id.0)?;
                decoded(v, "external_credits", &id)
            }

            /// Every outside-credit entry, oldest first.
            pub fn external_credits(&self) -> Result<Vec<ExternalCredit>> {
                let t = self.open_table(EXTERNAL_CREDITS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "external_credits", &k.value())?);
                }
                Ok(out)
            }

            /// One teacher's outside credits of one year: one range.
            pub fn teacher_external_credits(
                &self,
                teacher: &TeacherId,
                year: AcademicYear,
            ) -> Result<Vec<ExternalCredit>> {
                let idx = self.open_table(EXTERNAL_CREDITS_BY_TEACHER)?;
                let mut out = Vec::new();
                let t = teacher.0.as_str();
                for row in idx.range((t, year.0, 0u32)..=(t, year.0, u32::MAX))? {
                    let (k, _) = row?;
                    if let Some(c) = self.external_credit(CreditId(k.value().2))? {
                        out.push(c);
                    }
                }
                Ok(out)
            }

            pub fn next_credit_id(&self) -> Result<CreditId> {
                let t = self.open_table(EXTERNAL_CREDITS)?;
                Ok(CreditId(t.last()?.map_or(1, |(k, _)| k.value() + 1)))
            }

            pub fn makeup(
                &self,
                teacher: &TeacherId,
                session: SessionId,
            ) -> Result<Option<MakeUpDone>> {
                let t = self.open_table(MAKEUPS)?;
                let v = t.get((teacher.0.as_str(), session.0))?;
                decoded(v, "makeups", &format_args!("{teacher}/{session}"))
            }

            /// Every make-up note of one teacher: one range.
            pub fn teacher_makeups(
                &self,
                teacher: &TeacherId,
            ) -> Result<Vec<(SessionId, MakeUpDone)>> {
                let t = self.open_table(MAKEUPS)?;
                let mut out = Vec::new();
                let tid = teacher.0.as_str();
                for row in t.range((tid, 0u32)..=(tid, u32::MAX))? {
                    let (k, v) = row?;
                    let s = k.value().1;
                    let m = decode(v.value(), "makeups", &format_args!("{teacher}/{s}"))?;
                    out.push((SessionId(s), m));
                }
                Ok(out)
            }

            /// One teacher's archive for one year (empty if nothing recorded).
            pub fn year_file(&self, teacher: &TeacherId, year: AcademicYear) -> Result<YearFile> {
                let t = self.open_table(YEAR_FILES)?;
                let v = t.get((teacher.0.as_str(), year.0))?;
                Ok(
                    decoded(v, "year_files", &format_args!("{teacher}/{year}"))?
                        .unwrap_or_default(),
                )
            }

            /// Every mentor pair of one academic year: one range.
            pub fn mentor_pairs(&self, year: AcademicYear) -> Result<Vec<MentorPair>> {
                self.mentor_pairs_where(year, |_, _| true)
            }

            /// The year's pairs whose (mentor, mentee) ids `keep` takes:
            /// only those are decoded (a lookup needs a few teachers' pairs).
            pub fn mentor_pairs_where(
                &self,
                year: AcademicYear,
                keep: impl Fn(&str, &str) -> bool,
            ) -> Result<Vec<MentorPair>> {
                let t = self.open_table(MENTORS)?;
                let mut out = Vec::new();
                for row in t.range((year.0, "", "")..(year.0 + 1, "", ""))? {
                    let (k, v) = row?;
                    let (y, a, b) = k.value();
                    if keep(a, b) {
                        out.push(decode(v.value(), "mentors", &format_args!("{y}/{a}/{b}"))?);
                    }
                }
                Ok(out)
            }

            pub fn qualification(&self, teacher: &TeacherId) -> Result<Option<Qualification>> {
                let t = self.open_table(QUALIFICATIONS)?;
                let v = t.get(teacher.0.as_str())?;
                decoded(v, "qualifications", &teacher)
            }

            pub fn funds(&self, year: AcademicYear) -> Result<Option<Funds>> {
                let t = self.open_table(FUNDS)?;
                let v = t.get(year.0)?;
                decoded(v, "funds", &year)
            }

            /// The whole history, oldest first.
            pub fn history(&self) -> Result<Vec<HistoryEntry>> {
                let t = self.open_table(HISTORY)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "history", &k.value())?);
                }
                Ok(out)
            }

            /// Hands `visit` the history, newest first, until it says stop;
            /// entries older than that are not read.
            pub fn history_newest_first(
                &self,
                mut visit: impl FnMut(HistoryEntry) -> std::ops::ControlFlow<()>,
            ) -> Result<()> {
                let t = self.open_table(HISTORY)?;
                for row in t.iter()?.rev() {
                    let (k, v) = row?;
                    if visit(decode(v.value(), "history", &k.value())?).is_break() {
                        break;
                    }
                }
                Ok(())
            }
        }
    };
}

/// A consistent read-only snapshot.
#[derive(Clone)]
pub struct Reader {
    txn: std::sync::Arc<ReadTransaction>,
    /// The tables opened so far, kept for the snapshot's life (and shared
    /// by its clones): opening one finds it by name and checks its types,
    /// and standings read about ten for each of thousands of teachers (a
    /// sixth of the run before).
    opened: std::sync::Arc<std::sync::Mutex<Vec<(String, Opened)>>>,
}
reads!(Reader);

/// An open table of some key and value types.
type Opened = std::sync::Arc<dyn std::any::Any + Send + Sync>;

impl Reader {
    pub(crate) fn new(txn: ReadTransaction) -> Reader {
        Reader {
            txn: std::sync::Arc::new(txn),
            opened: Default::default(),
        }
    }

    /// The table `def`, opened once in this snapshot.
    fn open_table<K: redb::Key + Send + Sync + 'static, V: redb::Value + Send + Sync + 'static>(
        &self,
        def: redb::TableDefinition<'static, K, V>,
    ) -> std::result::Result<std::sync::Arc<redb::ReadOnlyTable<K, V>>, redb::TableError> {
        use redb::TableHandle;
        let name = def.name();
        let mut opened = self.opened.lock().unwrap_or_else(|e| e.into_inner());
        let kept = opened.iter().find(|(n, _)| *n == name);
        if let Some(Ok(t)) = kept.map(|(_, t)| t.clone().downcast()) {
            return Ok(t);
        }
        let t = std::sync::Arc::new(self.txn.open_table(def)?);
        opened.push((name.to_string(), t.clone()));
        Ok(t)
    }
}

impl Writer {
    /// The table `def`, as this change sees it.
    fn open_table<K: redb::Key + 'static, V: redb::Value + 'static>(
        &self,
        def: redb::TableDefinition<'static, K, V>,
    ) -> std::result::Result<redb::Table<'_, K, V>, redb::TableError> {
        self.txn.open_table(def)
    }
}

/// One change in progress. Dropped without `commit`, it changes nothing.
pub struct Writer {
    txn: WriteTransaction,
    who: String,
    at: NaiveDateTime,
    recount: tallies::Recount,
    /// The file this change goes into, checked again before the commit.
    path: PathBuf,
    id: Option<FileId>,
    /// Why this whole change is made (a correction of a posted term):
    /// every entry it logs without a reason of its own keeps this one.
    reason: Option<String>,
}
reads!(Writer);

impl Writer {
    pub fn who(&self) -> &str {
        &self.who
    }

    /// Gives the whole change a reason: each history entry logged from now
    /// on without one of its own carries it.
    pub fn give_reason(&mut self, reason: String) {
        self.reason = Some(reason);
    }

    pub fn at(&self) -> NaiveDateTime {
        self.at
    }

    /// Makes `policy` today's from this transaction's moment on: the one
    /// it replaces is kept for what was closed or posted before (issue 25).
    pub fn put_policy(&mut self, policy: &Policy) -> Result<()> {
        let mut all = self.policies()?;
        let kept = self.latest_kept()?;
        all.set(policy.clone(), self.at, kept);
        self.put_policies(&all)
    }

    /// The latest moment anything was kept as a record of its day: a roll
    /// closed, a term posted, a year closed (`Policies::set`: a clock set
    /// back cannot reach before it).
    fn latest_kept(&self) -> Result<Option<NaiveDateTime>> {
        let mut latest = None;
        for rec in self.sessions()? {
            latest = latest.max(rec.closed.map(|c| c.at));
        }
        for term in self.terms()? {
            latest = latest.max(self.latest_publication(term.id)?.map(|p| p.at));
            latest = latest.max(self.year_closing(term.id.year)?.map(|c| c.at));
        }
        Ok(latest)
    }

    /// The office re-judges what was closed or posted from `from` on under
    /// today's policy (issue 25). Returns whether any figure's policy
    /// changed.
    pub fn rejudge_policy(&mut self, from: NaiveDateTime) -> Result<bool> {
        let mut all = self.policies()?;
        let changed = all.rejudge_from(from);
        if changed {
            self.put_policies(&all)?;
        }
        Ok(changed)
    }

    fn put_policies(&mut self, all: &Policies) -> Result<()> {
        self.recount_all();
        let mut t = self.txn.open_table(META)?;
        t.insert("policy", encode(&all.current).as_slice())?;
        if all.superseded.is_empty() {
            t.remove(SUPERSEDED)?;
        } else {
            t.insert(SUPERSEDED, encode(&all.superseded).as_slice())?;
        }
        Ok(())
    }

    pub fn put_meta<T: Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        let mut t = self.txn.open_table(META)?;
        t.insert(key, encode(value).as_slice())?;
        Ok(())
    }

    pub fn put_teacher(&mut self, teacher: &Teacher) -> Result<()> {
        self.count_teacher(teacher)?;
        let mut t = self.txn.open_table(TEACHERS)?;
        t.insert(teacher.id.0.as_str(), encode(teacher).as_slice())?;
        let mut names = self.txn.open_table(NAMES)?;
        names.insert(teacher.id.0.as_str(), teacher.name.as_str())?;
        Ok(())
    }

    pub fn put_term(&mut self, term: &Term) -> Result<()> {
        // Sessions may change terms: count everything afresh.
        self.recount_all();
        let mut t = self.txn.open_table(TERMS)?;
        t.insert(season_key(term.id), encode(term).as_slice())?;
        Ok(())
    }

    /// The record of `rec`'s roll closing at `at`: everyone it requires as
    /// the roster stands, with their name, group and grade on the day and
    /// their outcome once closed.
    pub fn closed_record(&self, rec: &SessionRecord, at: NaiveDateTime) -> Result<ClosedRoll> {
        let s = &rec.session;
        let facts: std::collections::HashMap<TeacherId, RollFacts> =
            self.session_facts(s.id)?.into_iter().collect();
        let leaves = self.leaves_covering(s)?;
        let mut expected = Vec::new();
        for t in self.teachers()? {
            if !s.requires(&t) {
                continue;
            }
            let mine: Vec<Leave> = leaves
                .iter()
                .filter(|l| l.teacher == t.id)
                .cloned()
                .collect();
            let outcome = rules::outcome(s, RollState::Closed, None, &t, facts.get(&t.id), &mine);
            expected.push(rules::Expected {
                group: t.group_on(s.date).to_string(),
                grade: t.grade_on(s.date).map(str::to_string),
                name: t.name,
                teacher: t.id,
                outcome,
            });
        }
        Ok(ClosedRoll { at, expected })
    }

    /// Writes a record for every closed roll without one (an upgraded
    /// file's, a demo's), dated when its roll closed by the history, or
    /// the session's end where the history does not say.
    pub fn record_closed_rolls(&mut self) -> Result<()> {
        // `roll.state` entries hold the state as JSON (app's `json`).
        let closed = Some(String::from("\"Closed\""));
        let mut when: std::collections::HashMap<SessionId, NaiveDateTime> =
            std::collections::HashMap::new();
        self.history_newest_first(|e| {
            if e.action == "roll.state"
                && e.after == closed
                && let Some(s) = e.session
            {
                when.entry(s).or_insert(e.at);
            }
            std::ops::ControlFlow::Continue(())
        })?;
        for mut rec in self.sessions()? {
            if rec.state != RollState::Closed || rec.closed.is_some() {
                continue;
            }
            let at = when
                .get(&rec.session.id)
                .copied()
                .unwrap_or_else(|| rec.session.date.and_time(rec.session.end));
            rec.closed = Some(self.closed_record(&rec, at)?);
            self.put_session(&rec)?;
        }
        Ok(())
    }

    pub fn put_session(&mut self, rec: &SessionRecord) -> Result<()> {
        self.count_session(rec)?;
        let mut t = self.txn.open_table(SESSIONS)?;
        t.insert(rec.session.id.0, encode(rec).as_slice())?;
        let mut closed = self.txn.open_table(CLOSED_ROLLS)?;
        match (&rec.closed, rec.state) {
            (Some(c), RollState::Closed) => {
                closed.insert(rec.session.id.0, encode(c).as_slice())?;
            }
            (_, RollState::Closed) => {}
            _ => {
                closed.remove(rec.session.id.0)?;
            }
        }
        Ok(())
    }

    pub fn put_facts(
        &mut self,
        session: SessionId,
        teacher: &TeacherId,
        f: &RollFacts,
    ) -> Result<()> {
        self.count_facts(session, teacher, Some(f))?;
        let mut t = self.txn.open_table(FACTS)?;
        t.insert((session.0, teacher.0.as_str()), encode(f).as_slice())?;
        let mut idx = self.txn.open_table(FACTS_BY_TEACHER)?;
        idx.insert((teacher.0.as_str(), session.0), ())?;
        Ok(())
    }

    pub fn remove_facts(&mut self, session: SessionId, teacher: &TeacherId) -> Result<()> {
        self.count_facts(session, teacher, None)?;
        let mut t = self.txn.open_table(FACTS)?;
        t.remove((session.0, teacher.0.as_str()))?;
        let mut idx = self.txn.open_table(FACTS_BY_TEACHER)?;
        idx.remove((teacher.0.as_str(), session.0))?;
        Ok(())
    }

    /// Stores a leave request. A request belongs to one teacher for good.
    pub fn put_leave(&mut self, leave: &Leave) -> Result<()> {
        let before = self.leave(leave.id)?;
        if before.as_ref().is_some_and(|l| l.teacher != leave.teacher) {
            return Err(StoreError::Db(format!(
                "leave {} belongs to another teacher",
                leave.id
            )));
        }
        self.count_leave(before.as_ref(), leave)?;
        self.index_leave(before.as_ref(), leave)?;
        let mut t = self.txn.open_table(LEAVES)?;
        t.insert(leave.id.0, encode(leave).as_slice())?;
        let mut idx = self.txn.open_table(LEAVES_BY_TEACHER)?;
        idx.insert((leave.teacher.0.as_str(), leave.id.0), ())?;
        Ok(())
    }

    pub fn put_account(&mut self, account: &Account) -> Result<()> {
        let mut t = self.txn.open_table(ACCOUNTS)?;
        t.insert(account.name.as_str(), encode(account).as_slice())?;
        Ok(())
    }

    pub fn put_external_credit(&mut self, c: &ExternalCredit) -> Result<()> {
        let mut t = self.txn.open_table(EXTERNAL_CREDITS)?;
        let before: Option<ExternalCredit> = decoded(
            t.insert(c.id.0, encode(c).as_slice())?,
            "external_credits",
            &c.id,
        )?;
        drop(t);
        self.index_card(before.as_ref(), c)?;
        let mut idx = self.txn.open_table(EXTERNAL_CREDITS_BY_TEACHER)?;
        idx.insert((c.teacher.0.as_str(), c.year.0, c.id.0), ())?;
        Ok(())
    }

    /// Drops an entry from the teacher index, before it moves to another year.
    pub fn unindex_external_credit(&mut self, c: &ExternalCredit) -> Result<()> {
        let mut idx = self.txn.open_table(EXTERNAL_CREDITS_BY_TEACHER)?;
        idx.remove((c.teacher.0.as_str(), c.year.0, c.id.0))?;
        Ok(())
    }

    pub fn put_makeup(
        &mut self,
        teacher: &TeacherId,
        session: SessionId,
        m: &MakeUpDone,
    ) -> Result<()> {
        let mut t = self.txn.open_table(MAKEUPS)?;
        t.insert((teacher.0.as_str(), session.0), encode(m).as_slice())?;
        Ok(())
    }

    pub fn remove_makeup(&mut self, teacher: &TeacherId, session: SessionId) -> Result<()> {
        let mut t = self.txn.open_table(MAKEUPS)?;
        t.remove((teacher.0.as_str(), session.0))?;
        Ok(())
    }

    pub fn put_year_file(
        &mut self,
        teacher: &TeacherId,
        year: AcademicYear,
        f: &YearFile,
    ) -> Result<()> {
        let mut t = self.txn.open_table(YEAR_FILES)?;
        t.insert((teacher.0.as_str(), year.0), encode(f).as_slice())?;
        Ok(())
    }

    pub fn put_mentor_pair(&mut self, p: &MentorPair) -> Result<()> {
        let mut t = self.txn.open_table(MENTORS)?;
        t.insert(
            (p.year.0, p.mentor.0.as_str(), p.mentee.0.as_str()),
            encode(p).as_slice(),
        )?;
        Ok(())
    }

    pub fn remove_mentor_pair(&mut self, p: &MentorPair) -> Result<()> {
        let mut t = self.txn.open_table(MENTORS)?;
        t.remove((p.year.0, p.mentor.0.as_str(), p.mentee.0.as_str()))?;
        Ok(())
    }

    pub fn put_qualification(&mut self, teacher: &TeacherId, q: &Qualification) -> Result<()> {
        let mut t = self.txn.open_table(QUALIFICATIONS)?;
        t.insert(teacher.0.as_str(), encode(q).as_slice())?;
        Ok(())
    }

    pub fn put_funds(&mut self, year: AcademicYear, f: &Funds) -> Result<()> {
        let mut t = self.txn.open_table(FUNDS)?;
        t.insert(year.0, encode(f).as_slice())?;
        Ok(())
    }

    /// Appends one history entry. There is no way to change or remove one.
    #[allow(clippy::too_many_arguments)]
    pub fn log(
        &mut self,
        action: &str,
        target: String,
        before: Option<String>,
        after: Option<String>,
        reason: Option<String>,
        session: Option<SessionId>,
        teacher: Option<TeacherId>,
    ) -> Result<()> {
        let mut t = self.txn.open_table(HISTORY)?;
        let seq = t.last()?.map_or(1, |(k, _)| k.value() + 1);
        let entry = HistoryEntry {
            seq,
            at: self.at,
            who: self.who.clone(),
            action: action.to_string(),
            target,
            before,
            after,
            reason: reason.or_else(|| self.reason.clone()),
            session,
            teacher,
        };
        t.insert(seq, encode(&entry).as_slice())?;
        Ok(())
    }

    /// Makes the change durable. When this returns `Ok`, it is on disk.
    ///
    /// Refused, with nothing saved, when the file at the path is no longer
    /// the one this change was made in (removed, or another moved over it):
    /// a change saved into a file nobody will read again is a change lost.
    pub fn commit(mut self) -> Result<()> {
        self.flush_tallies()?;
        let g = self.generation()? + 1;
        let len = same_file(&self.path, self.id)?;
        let mut proof = [0u8; 16];
        proof[..8].copy_from_slice(&g.to_le_bytes());
        proof[8..].copy_from_slice(&len.to_le_bytes());
        {
            let mut meta = self.txn.open_table(META)?;
            meta.insert("generation", g.to_le_bytes().as_slice())?;
            meta.insert(SOUND, proof.as_slice())?;
        }
        pause_for_tests();
        self.txn.commit()?;
        Ok(())
    }
}
