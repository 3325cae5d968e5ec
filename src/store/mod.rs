//! The store: everything redb. One file, opened in `MultiWriter` mode so that
//! several processes (roll call on a laptop, a leader over SSH, a lookup) use
//! it at once. The API speaks in domain types; nothing above this module
//! names a redb type.
//!
//! Every write goes through a `Writer`, which appends a history entry for
//! each change in the same transaction and commits with redb's default
//! (immediate) durability: when `commit` returns, the change is on disk.

pub mod check;
pub mod codec;
pub mod tables;

use crate::core::{
    Leave, LeaveId, Policy, Role, RollFacts, RollState, Session, SessionId, Teacher, TeacherId,
    Term, TermId,
};
use chrono::NaiveDateTime;
use codec::{decode, encode};
use redb::{
    Builder, ConcurrencyMode, Database, ReadOnlyDatabase, ReadTransaction, ReadableDatabase,
    ReadableTable, WriteTransaction,
};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tables::*;

/// The schema this build reads and writes. Bump it, and add a migration in
/// `migrate`, whenever a table or record changes shape.
pub const SCHEMA_VERSION: u32 = 1;
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
    #[error("{path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error(
        "{path} is damaged ({why}); it was left untouched. Run `peixun check` for details \
         and restore the latest backup"
    )]
    Damaged { path: PathBuf, why: String },
    #[error(transparent)]
    Decode(#[from] codec::DecodeError),
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
    // The default cache is 1 GiB; a school's file is far smaller.
    b.set_cache_size(64 << 20);
    b
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
}

enum Db {
    Read(ReadOnlyDatabase),
    Write(Database),
    /// A verified copy in memory, for reading a file that needs a repair
    /// the disk will not take (full, or read-only): see `open_read`.
    Snapshot(Database),
}

impl Store {
    /// Creates a new, empty peixun database at `path`. The file is made
    /// readable and writable by its owner and group only.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::Exists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| open_error(dir, e))?;
        }
        let mut opts = std::fs::OpenOptions::new();
        opts.read(true).write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o660);
        // Made here so that it gets our mode; redb then fills the empty file.
        drop(opts.open(path).map_err(|e| open_error(path, e))?);
        let db = builder().create(path).map_err(|e| {
            let _ = std::fs::remove_file(path);
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
        })
    }

    /// Opens an existing database for reading only. Checks that it is a
    /// peixun database of a schema this build knows; never writes.
    pub fn open_read(path: &Path) -> Result<Store> {
        check_magic(path)?;
        check::refuse_damaged(path)?;
        match builder().open_read_only(path) {
            Ok(db) => {
                if check_schema(path, &db.begin_read()?)? < SCHEMA_VERSION {
                    // An older file gains its new tables at the first writable open.
                    drop(db);
                    return Store::open_write(path);
                }
                Ok(Store {
                    path: path.to_path_buf(),
                    db: Db::Read(db),
                })
            }
            // A file left by a crash needs a repair, which only a writer may
            // do; where the disk refuses it, reading goes on from a copy.
            Err(redb::DatabaseError::RepairAborted) => match Store::open_write(path) {
                Err(e) if check::disk_trouble(&e).is_some() => Ok(Store {
                    path: path.to_path_buf(),
                    db: Db::Snapshot(check::snapshot(path)?),
                }),
                opened => opened,
            },
            Err(e) => Err(open_error(path, e)),
        }
    }

    /// Opens an existing database for reading and writing, after checking it
    /// the same way as `open_read` (so a foreign file is never written to).
    pub fn open_write(path: &Path) -> Result<Store> {
        check_before_write(path)?;
        let db = builder().open(path).map_err(|e| open_error(path, e))?;
        if check_schema(path, &db.begin_read()?)? < SCHEMA_VERSION {
            upgrade(&db)?;
        }
        Ok(Store {
            path: path.to_path_buf(),
            db: Db::Write(db),
        })
    }

    pub fn is_writable(&self) -> bool {
        matches!(self.db, Db::Write(_))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A consistent snapshot to read from.
    pub fn read(&self) -> Result<Reader> {
        let txn = match &self.db {
            Db::Read(db) => db.begin_read()?,
            Db::Write(db) | Db::Snapshot(db) => db.begin_read()?,
        };
        Ok(Reader { txn })
    }

    /// Starts a change made by `who` at `at`. Waits while another process
    /// writes. Nothing is visible to anyone until `Writer::commit`.
    pub fn write(&self, who: &str, at: NaiveDateTime) -> Result<Writer> {
        match &self.db {
            Db::Write(db) => Ok(Writer {
                txn: db.begin_write()?,
                who: who.to_string(),
                at,
            }),
            Db::Read(_) | Db::Snapshot(_) => {
                Err(StoreError::Db("the database was opened read-only".into()))
            }
        }
    }

    /// Upgrades a read-only store to a writable one.
    pub fn writable(self) -> Result<Store> {
        match self.db {
            Db::Write(_) => Ok(self),
            Db::Read(db) => {
                drop(db);
                Store::open_write(&self.path)
            }
            Db::Snapshot(_) => Store::open_write(&self.path),
        }
    }

    /// Verifies every page and every record of the file (`peixun check`)
    /// without writing to it; see `check::check` for what is wrong.
    pub fn check_integrity(path: &Path) -> Result<bool> {
        Ok(check::check(path)?.is_clean())
    }
}

fn check_magic(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        Err(e) => return Err(open_error(path, e)),
    };
    let mut head = [0u8; 9];
    match f.read_exact(&mut head) {
        Ok(()) if head == REDB_MAGIC => Ok(()),
        _ => Err(StoreError::NotRedb(path.to_path_buf())),
    }
}

/// Checks, without writing to it, that `path` is a peixun database of a
/// schema this build knows, before a writable open (which would repair a
/// file left unclean by a crash in place, foreign or newer as it may be).
fn check_before_write(path: &Path) -> Result<()> {
    check_magic(path)?;
    // A damaged file is refused before redb could repair it in place.
    check::refuse_damaged(path)?;
    match builder().open_read_only(path) {
        Ok(ro) => check_schema(path, &ro.begin_read()?).map(drop),
        Err(redb::DatabaseError::RepairAborted) => check_copy(path),
        Err(_) => Ok(()),
    }
}

/// Checks the schema of a file left unclean by a crashed writer, which redb
/// reads only after a repair, by repairing a copy beside it; the file itself
/// is not written to.
fn check_copy(path: &Path) -> Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let copy = path.with_file_name(format!(".{name}.check-{}", std::process::id()));
    std::fs::copy(path, &copy).map_err(|e| open_error(path, e))?;
    let checked = builder()
        .open(&copy)
        .map_err(|e| open_error(path, e))
        .and_then(|db| check_schema(path, &db.begin_read()?).map(drop));
    let _ = std::fs::remove_file(&copy);
    checked
}

/// Opens every table of the schema, creating those that are missing. A new
/// table is added here (and `SCHEMA_VERSION` raised) so that older files
/// gain it at their next writable open.
fn create_tables(txn: &redb::WriteTransaction) -> Result<()> {
    txn.open_table(TEACHERS)?;
    txn.open_table(TERMS)?;
    txn.open_table(SESSIONS)?;
    txn.open_table(FACTS)?;
    txn.open_table(FACTS_BY_TEACHER)?;
    txn.open_table(LEAVES)?;
    txn.open_table(LEAVES_BY_TEACHER)?;
    txn.open_table(ACCOUNTS)?;
    txn.open_table(HISTORY)?;
    Ok(())
}

/// Brings a file of an older schema up to this build's: adds the missing
/// tables and records the new version, in one transaction.
fn upgrade(db: &Database) -> Result<()> {
    let txn = db.begin_write()?;
    create_tables(&txn)?;
    txn.open_table(META)?
        .insert("schema", SCHEMA_VERSION.to_le_bytes().as_slice())?;
    txn.commit()?;
    Ok(())
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
                let t = self.txn.open_table(META)?;
                match t.get("policy")? {
                    Some(v) => Ok(decode(v.value(), "meta", &"policy")?),
                    None => Ok(Policy::default()),
                }
            }

            /// A number every commit changes; cheap to poll.
            pub fn generation(&self) -> Result<u64> {
                let t = self.txn.open_table(META)?;
                Ok(t.get("generation")?
                    .and_then(|v| v.value().try_into().ok().map(u64::from_le_bytes))
                    .unwrap_or(0))
            }

            /// Reads a stored value from `META` (e.g. a publication record).
            pub fn meta<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
                let t = self.txn.open_table(META)?;
                let v = t.get(key)?;
                decoded(v, "meta", &key)
            }

            pub fn teacher(&self, id: &TeacherId) -> Result<Option<Teacher>> {
                let t = self.txn.open_table(TEACHERS)?;
                let v = t.get(id.0.as_str())?;
                decoded(v, "teachers", &id)
            }

            /// Every teacher, in id order.
            pub fn teachers(&self) -> Result<Vec<Teacher>> {
                let t = self.txn.open_table(TEACHERS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "teachers", &k.value())?);
                }
                Ok(out)
            }

            pub fn term(&self, id: TermId) -> Result<Option<Term>> {
                let t = self.txn.open_table(TERMS)?;
                let v = t.get(season_key(id))?;
                decoded(v, "terms", &id)
            }

            /// Every term, oldest first.
            pub fn terms(&self) -> Result<Vec<Term>> {
                let t = self.txn.open_table(TERMS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    let (y, s) = k.value();
                    out.push(decode(v.value(), "terms", &format!("{y}/{s}"))?);
                }
                Ok(out)
            }

            pub fn session(&self, id: SessionId) -> Result<Option<SessionRecord>> {
                let t = self.txn.open_table(SESSIONS)?;
                let v = t.get(id.0)?;
                decoded(v, "sessions", &id)
            }

            /// Every session, in id order.
            pub fn sessions(&self) -> Result<Vec<SessionRecord>> {
                let t = self.txn.open_table(SESSIONS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "sessions", &k.value())?);
                }
                Ok(out)
            }

            pub fn next_session_id(&self) -> Result<SessionId> {
                let t = self.txn.open_table(SESSIONS)?;
                Ok(SessionId(t.last()?.map_or(1, |(k, _)| k.value() + 1)))
            }

            pub fn facts(
                &self,
                session: SessionId,
                teacher: &TeacherId,
            ) -> Result<Option<RollFacts>> {
                let t = self.txn.open_table(FACTS)?;
                let v = t.get((session.0, teacher.0.as_str()))?;
                decoded(v, "facts", &format!("{session}/{teacher}"))
            }

            /// Every fact of one session: one range.
            pub fn session_facts(&self, session: SessionId) -> Result<Vec<(TeacherId, RollFacts)>> {
                let t = self.txn.open_table(FACTS)?;
                let mut out = Vec::new();
                for row in t.range((session.0, "")..(session.0 + 1, ""))? {
                    let (k, v) = row?;
                    let (s, tid) = k.value();
                    let f = decode(v.value(), "facts", &format!("{s}/{tid}"))?;
                    out.push((TeacherId(tid.to_string()), f));
                }
                Ok(out)
            }

            /// Every fact of one teacher, through the teacher index.
            pub fn teacher_facts(
                &self,
                teacher: &TeacherId,
            ) -> Result<Vec<(SessionId, RollFacts)>> {
                let idx = self.txn.open_table(FACTS_BY_TEACHER)?;
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

            /// Every fact in the database, grouped by session.
            pub fn all_facts(&self) -> Result<Vec<(SessionId, TeacherId, RollFacts)>> {
                let t = self.txn.open_table(FACTS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    let (s, tid) = k.value();
                    let f = decode(v.value(), "facts", &format!("{s}/{tid}"))?;
                    out.push((SessionId(s), TeacherId(tid.to_string()), f));
                }
                Ok(out)
            }

            pub fn leave(&self, id: LeaveId) -> Result<Option<Leave>> {
                let t = self.txn.open_table(LEAVES)?;
                let v = t.get(id.0)?;
                decoded(v, "leaves", &id)
            }

            /// Every leave request, oldest first.
            pub fn leaves(&self) -> Result<Vec<Leave>> {
                let t = self.txn.open_table(LEAVES)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "leaves", &k.value())?);
                }
                Ok(out)
            }

            /// One teacher's leave requests, through the teacher index.
            pub fn teacher_leaves(&self, teacher: &TeacherId) -> Result<Vec<Leave>> {
                let idx = self.txn.open_table(LEAVES_BY_TEACHER)?;
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
                let t = self.txn.open_table(LEAVES)?;
                Ok(LeaveId(t.last()?.map_or(1, |(k, _)| k.value() + 1)))
            }

            pub fn account(&self, name: &str) -> Result<Option<Account>> {
                let t = self.txn.open_table(ACCOUNTS)?;
                let v = t.get(name)?;
                decoded(v, "accounts", &name)
            }

            pub fn accounts(&self) -> Result<Vec<Account>> {
                let t = self.txn.open_table(ACCOUNTS)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "accounts", &k.value())?);
                }
                Ok(out)
            }

            /// The whole history, oldest first.
            pub fn history(&self) -> Result<Vec<HistoryEntry>> {
                let t = self.txn.open_table(HISTORY)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    out.push(decode(v.value(), "history", &k.value())?);
                }
                Ok(out)
            }
        }
    };
}

/// A consistent read-only snapshot.
pub struct Reader {
    txn: ReadTransaction,
}
reads!(Reader);

/// One change in progress. Dropped without `commit`, it changes nothing.
pub struct Writer {
    txn: WriteTransaction,
    who: String,
    at: NaiveDateTime,
}
reads!(Writer);

impl Writer {
    pub fn who(&self) -> &str {
        &self.who
    }

    pub fn at(&self) -> NaiveDateTime {
        self.at
    }

    pub fn put_policy(&mut self, policy: &Policy) -> Result<()> {
        let mut t = self.txn.open_table(META)?;
        t.insert("policy", encode(policy).as_slice())?;
        Ok(())
    }

    pub fn put_meta<T: Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        let mut t = self.txn.open_table(META)?;
        t.insert(key, encode(value).as_slice())?;
        Ok(())
    }

    pub fn put_teacher(&mut self, teacher: &Teacher) -> Result<()> {
        let mut t = self.txn.open_table(TEACHERS)?;
        t.insert(teacher.id.0.as_str(), encode(teacher).as_slice())?;
        Ok(())
    }

    pub fn put_term(&mut self, term: &Term) -> Result<()> {
        let mut t = self.txn.open_table(TERMS)?;
        t.insert(season_key(term.id), encode(term).as_slice())?;
        Ok(())
    }

    pub fn put_session(&mut self, rec: &SessionRecord) -> Result<()> {
        let mut t = self.txn.open_table(SESSIONS)?;
        t.insert(rec.session.id.0, encode(rec).as_slice())?;
        Ok(())
    }

    pub fn put_facts(
        &mut self,
        session: SessionId,
        teacher: &TeacherId,
        f: &RollFacts,
    ) -> Result<()> {
        let mut t = self.txn.open_table(FACTS)?;
        t.insert((session.0, teacher.0.as_str()), encode(f).as_slice())?;
        let mut idx = self.txn.open_table(FACTS_BY_TEACHER)?;
        idx.insert((teacher.0.as_str(), session.0), ())?;
        Ok(())
    }

    pub fn remove_facts(&mut self, session: SessionId, teacher: &TeacherId) -> Result<()> {
        let mut t = self.txn.open_table(FACTS)?;
        t.remove((session.0, teacher.0.as_str()))?;
        let mut idx = self.txn.open_table(FACTS_BY_TEACHER)?;
        idx.remove((teacher.0.as_str(), session.0))?;
        Ok(())
    }

    pub fn put_leave(&mut self, leave: &Leave) -> Result<()> {
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
            reason,
            session,
            teacher,
        };
        t.insert(seq, encode(&entry).as_slice())?;
        Ok(())
    }

    /// Makes the change durable. When this returns `Ok`, it is on disk.
    pub fn commit(self) -> Result<()> {
        {
            let mut meta = self.txn.open_table(META)?;
            let g = meta
                .get("generation")?
                .and_then(|v| v.value().try_into().ok().map(u64::from_le_bytes))
                .unwrap_or(0);
            meta.insert("generation", (g + 1).to_le_bytes().as_slice())?;
        }
        self.txn.commit()?;
        Ok(())
    }
}
