//! Checking a database file without ever writing to it (`peixun check`, and
//! the check before every writable open), and copying one consistently
//! while others use it (`peixun backup`).
//!
//! The check reads the file's bytes into memory and lets redb verify every
//! page there, so a damaged file is never repaired in place: redb's own
//! check repairs what it can, which would write to the very file a user may
//! want to hand to someone who can save more of it. The same in-memory copy
//! is then read record by record: every value must decode, every key must
//! match its record, and the two teacher indexes must agree with the tables
//! they index.

use super::codec::{DecodeError, decode};
use super::tables::*;
use super::{
    Account, HistoryEntry, REDB_MAGIC, Result, SessionRecord, StoreError, check_schema, open_error,
};
use redb::backends::InMemoryBackend;
use redb::{
    Builder, Database, Key, ReadTransaction, ReadableDatabase, ReadableTable, StorageBackend,
    TableDefinition, TableHandle, Value, WriteTransaction,
};
use rules::{
    ExternalCredit, Funds, Leave, LeaveStatus, MakeUpDone, MentorPair, Policy, Qualification,
    RollFacts, Teacher, Term, YearFile, YearTally,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// One thing wrong with a file, with where it is.
#[derive(Debug)]
pub enum Problem {
    /// redb could not read or verify the file's pages: torn, truncated or
    /// overwritten. The text is redb's.
    Pages(String),
    /// A record that does not decode.
    Record(DecodeError),
    /// A record stored under a key that is not its own.
    WrongKey {
        table: &'static str,
        key: String,
        found: String,
    },
    /// A row of `table` with no row in `index` for it.
    NotIndexed {
        table: &'static str,
        index: &'static str,
        key: String,
    },
    /// A row of `index` that points at nothing in `table`.
    StaleIndex {
        index: &'static str,
        table: &'static str,
        key: String,
    },
    /// A record naming a teacher or a session the file does not have.
    Dangling {
        table: &'static str,
        key: String,
        missing: Missing,
    },
    /// History sequence numbers must run 1, 2, 3 ... without a gap.
    HistoryGap { after: u64, next: u64 },
    /// A teacher's kept tallies for a year (`year/teacher`) differ from a
    /// recount of the records.
    WrongTally { key: String },
}

/// What a record names that is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Teacher(String),
    Session(u32),
}

/// A table whose records `check` counts (the catalogue names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Counted {
    Teachers,
    Terms,
    Sessions,
    Facts,
    Leaves,
    Accounts,
    History,
}

/// What `check` found: how many records each table holds, and the problems.
#[derive(Debug, Default)]
pub struct Report {
    pub counts: Vec<(Counted, usize)>,
    pub problems: Vec<Problem>,
    /// The file's schema (0 where its pages do not verify).
    pub schema: u32,
    /// Where the pages do not verify but redb's repair recovers a state
    /// that does (the commit before the last, or the last with its
    /// allocator state rebuilt): what survives in it.
    pub recovered: Option<Recovery>,
}

/// What a recovery of a damaged file keeps: the last change of its
/// history that survived, and how many changes after it are gone where
/// that can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The last history entry of the recovered state (none in a file
    /// without history).
    pub last: Option<HistoryEntry>,
    /// How many history entries the damaged last commit holds beyond it,
    /// where its pages can still be read at all; `None` where they cannot.
    pub lost: Option<u64>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// How often a copy is taken again when redb finds it torn: a commit by
/// another process while the bytes were read leaves such a copy, real damage
/// stays.
const COPY_TRIES: u32 = 4;

/// Checks the peixun database at `path` without writing to it. A file that
/// is not a peixun database, or is newer than this build, is an error; a
/// damaged one is a report of what is wrong.
pub fn check(path: &Path) -> Result<Report> {
    let db = match verified_copy(path)? {
        Ok(db) => db,
        Err(why) => {
            // The records that can still be read are read too, so that a
            // changed byte inside one is named with its table and key.
            let mut problems = vec![Problem::Pages(why)];
            if let Ok(more) = unverified_records(path) {
                problems.extend(more);
            }
            return Ok(Report {
                problems,
                recovered: recovered(path)?.map(|(_, r)| r),
                ..Report::default()
            });
        }
    };
    let found = check_schema(path, &db.begin_read()?)?;
    if found < super::SCHEMA_VERSION {
        // An older file's records are read in this build's shape: upgraded
        // here, in memory (the copy is an overlay of the file, which is
        // never written).
        super::upgrade(db.begin_write()?, found, path.to_path_buf(), None)?;
    }
    let mut report = records(db.begin_read()?)?;
    report.schema = found;
    Ok(report)
}

/// The problems with the records of a file whose pages do not verify, as
/// far as redb reads them (through an `Overlay`: the file is not written).
fn unverified_records(path: &Path) -> std::result::Result<Vec<Problem>, String> {
    let backend = super::overlay::Overlay::open(path).map_err(|e| e.to_string())?;
    quietly(move || {
        let mut b = Builder::new();
        b.set_cache_size(super::CACHE_BYTES);
        let db = b.create_with_backend(backend).map_err(|e| e.to_string())?;
        let txn = db.begin_read().map_err(|e| e.to_string())?;
        records(txn).map(|r| r.problems).map_err(|e| e.to_string())
    })
}

/// The state redb's repair recovers from a file whose pages do not verify,
/// where it verifies: the file read through an `Overlay` (not written)
/// with its header marked as needing a repair and as not committed in two
/// phases, so that redb falls back to the commit before the last where the
/// last does not verify (and rebuilds the allocator state either way).
/// `None` where nothing verifiable is recovered.
pub fn recovered(path: &Path) -> Result<Option<(Database, Recovery)>> {
    super::check_magic(path)?;
    // First a repair of the last commit as it is (its allocator state
    // rebuilt): where that verifies, nothing is lost.
    if let Some(db) = repaired(path, |god| god | RECOVERY_REQUIRED)? {
        let Some((last, _)) = newest(&db, path) else {
            return Ok(None);
        };
        return Ok(Some((
            db,
            Recovery {
                last,
                lost: Some(0),
            },
        )));
    }
    // Then the commit before it, where the last does not verify.
    let Some(db) = repaired(path, |god| (god | RECOVERY_REQUIRED) & !TWO_PHASE)? else {
        return Ok(None);
    };
    let Some((last, kept)) = newest(&db, path) else {
        return Ok(None);
    };
    // The damaged last commit's count of commits, as far as it reads.
    let damaged = super::overlay::Overlay::open(path)
        .ok()
        .and_then(|backend| {
            quietly(move || {
                let mut b = Builder::new();
                b.set_cache_size(super::CACHE_BYTES);
                let db = b.create_with_backend(backend).map_err(|e| e.to_string())?;
                Ok(newest(&db, path))
            })
            .ok()
            .flatten()
        });
    let lost = damaged.map(|(_, generation)| generation.saturating_sub(kept));
    Ok(Some((db, Recovery { last, lost })))
}

/// redb's header: the god byte's flags.
const GOD_BYTE: u64 = 9;
const RECOVERY_REQUIRED: u8 = 2;
const TWO_PHASE: u8 = 4;

/// The file read through an `Overlay` whose god byte `flags` rewrote,
/// verified; `None` where it does not verify.
fn repaired(path: &Path, flags: impl Fn(u8) -> u8) -> Result<Option<Database>> {
    let backend = super::overlay::Overlay::open(path).map_err(|e| open_error(path, e))?;
    let mut god = [0u8; 1];
    if backend.read(GOD_BYTE, &mut god).is_err()
        || backend.write(GOD_BYTE, &[flags(god[0])]).is_err()
    {
        return Ok(None);
    }
    Ok(verify_backend(backend).ok())
}

/// The newest history entry and the commit count (`generation`) of a
/// peixun database; `None` where they cannot be read.
fn newest(db: &Database, path: &Path) -> Option<(Option<HistoryEntry>, u64)> {
    quietly(|| {
        let txn = db.begin_read().map_err(|e| e.to_string())?;
        check_schema(path, &txn).map_err(|e| e.to_string())?;
        let generation = txn
            .open_table(META)
            .map_err(|e| e.to_string())?
            .get("generation")
            .map_err(|e| e.to_string())?
            .and_then(|v| v.value().try_into().ok().map(u64::from_le_bytes))
            .unwrap_or(0);
        let last = last_entry(&txn).map_err(|e| e.to_string())?;
        Ok((last, generation))
    })
    .ok()
}

/// The newest history entry of a snapshot.
fn last_entry(txn: &ReadTransaction) -> Result<Option<HistoryEntry>> {
    let table = match txn.open_table(HISTORY) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    match table.last()? {
        Some((k, v)) => Ok(Some(decode(v.value(), "history", &k.value())?)),
        None => Ok(None),
    }
}

/// Checks a database file's bytes held in memory, as `check` does a file;
/// `name` stands for the file in messages. (The fuzz target's entry.)
pub fn check_bytes(bytes: &[u8], name: &Path) -> Result<Report> {
    if !bytes.starts_with(REDB_MAGIC) {
        return Err(StoreError::NotRedb(name.to_path_buf()));
    }
    match verify_bytes(bytes) {
        Ok(db) => {
            let found = check_schema(name, &db.begin_read()?)?;
            if found < super::SCHEMA_VERSION {
                super::upgrade(db.begin_write()?, found, name.to_path_buf(), None)?;
            }
            let mut report = records(db.begin_read()?)?;
            report.schema = found;
            Ok(report)
        }
        Err(why) => Ok(Report {
            problems: vec![Problem::Pages(why)],
            ..Report::default()
        }),
    }
}

/// Refuses a file whose pages are damaged (torn, truncated, overwritten),
/// before anything reads or writes it; checks, as every open does, that it
/// is a peixun file of a schema this build knows.
///
/// Records are not decoded here: any change to a record's bytes fails its
/// page's checksum, so what is left for `check` to find (an index that
/// disagrees with its table) comes from a bug, not from the disk, and shows
/// as an error naming the table and key where it is read; refusing the whole
/// file for it would stop a roll call for one bad row.
///
/// A process checks a file once: it is not read again while its length and
/// modification time are those it had when it was found sound (a command
/// opens for reading, then again for writing).
pub fn refuse_damaged(path: &Path) -> Result<()> {
    static SOUND: Mutex<Option<(PathBuf, u64, SystemTime)>> = Mutex::new(None);
    let stamp = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .and_then(|m| Some((p.to_path_buf(), m.len(), m.modified().ok()?)))
    };
    let before = stamp(path);
    if before.is_some() && *SOUND.lock().unwrap_or_else(|e| e.into_inner()) == before {
        return Ok(());
    }
    let db = snapshot(path)?;
    check_schema(path, &db.begin_read()?)?;
    *SOUND.lock().unwrap_or_else(|e| e.into_inner()) = before;
    Ok(())
}

/// Whether the file is shorter than its redb header says it is (a
/// truncated file). Reads 32 bytes: cheap enough for every open, unlike the
/// page check, which it triggers. Field offsets as redb 4 writes them.
pub(super) fn looks_truncated(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 32];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    if f.read_exact(&mut head).is_err() {
        return true;
    }
    let u = |at: usize| {
        u64::from(u32::from_le_bytes([
            head[at],
            head[at + 1],
            head[at + 2],
            head[at + 3],
        ]))
    };
    let (page, region_header, region_data, full, trailing) = (u(12), u(16), u(20), u(24), u(28));
    let region = (region_header + region_data) * page;
    let tail = if trailing > 0 {
        (region_header + trailing) * page
    } else {
        0
    };
    let expected = page
        .saturating_add(full.saturating_mul(region))
        .saturating_add(tail);
    len < expected
}

/// A verified copy of the file in memory, to read from where the file
/// itself cannot be opened (it needs a repair the disk will not take).
pub(super) fn snapshot(path: &Path) -> Result<Database> {
    verified_copy(path)?.map_err(|why| StoreError::Damaged {
        path: path.to_path_buf(),
        why: describe_en(&Problem::Pages(why)),
    })
}

/// The file verified by redb, read through an `Overlay`: whatever redb
/// writes while it repairs or checks stays in memory, and the file itself is
/// neither written nor copied. The outer error is one the user must act on
/// (no such file, not ours); the inner one says why redb found the pages
/// damaged.
fn verified_copy(path: &Path) -> Result<std::result::Result<Database, String>> {
    let mut last = String::new();
    for attempt in 0..COPY_TRIES {
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(20 << attempt));
        }
        // A read transaction on the file itself, where it opens, keeps the
        // pages of its moment (and of any later one) from being reused by
        // other writers while they are verified.
        let pin = quietly(|| {
            let db = super::builder()
                .open_read_only(path)
                .map_err(|e| e.to_string())?;
            let txn = db.begin_read().map_err(|e| e.to_string())?;
            Ok((db, txn))
        })
        .ok();
        super::check_magic(path)?;
        let backend = super::overlay::Overlay::open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => StoreError::Missing(path.to_path_buf()),
            _ => open_error(path, e),
        })?;
        let verified = verify_backend(backend);
        drop(pin);
        match verified {
            Ok(db) => return Ok(Ok(db)),
            Err(why) => last = why,
        }
    }
    Ok(Err(last))
}

/// Opens `bytes` as a redb database in memory and verifies every page.
fn verify_bytes(bytes: &[u8]) -> std::result::Result<Database, String> {
    let backend = InMemoryBackend::new();
    backend
        .set_len(bytes.len() as u64)
        .and_then(|()| backend.write(0, bytes))
        .map_err(|e| e.to_string())?;
    verify_backend(backend)
}

/// Opens the database in `backend` and verifies every page. redb may panic
/// on pages that were overwritten; that too is damage.
fn verify_backend(backend: impl StorageBackend) -> std::result::Result<Database, String> {
    quietly(move || {
        let mut b = Builder::new();
        b.set_cache_size(super::CACHE_BYTES);
        let mut db = b.create_with_backend(backend).map_err(|e| e.to_string())?;
        match db.check_integrity() {
            Ok(true) => Ok(db),
            Ok(false) => Err("pages failed their checksums".to_string()),
            Err(e) => Err(e.to_string()),
        }
    })
}

/// Runs `f`, turning a panic inside redb into an error without printing it.
pub(super) fn quietly<T>(
    f: impl FnOnce() -> std::result::Result<T, String>,
) -> std::result::Result<T, String> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    out.unwrap_or_else(|p| {
        let why = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(format!("unreadable page ({why})"))
    })
}

/// Reads every record of every table of a verified snapshot.
fn records(owned: ReadTransaction) -> Result<Report> {
    let txn = &owned;
    let mut report = Report::default();
    let mut problems = Vec::new();
    let mut bad = |p: Problem| problems.push(p);

    {
        let meta = txn.open_table(META)?;
        if let Some(v) = meta.get("policy")?
            && let Err(e) = decode::<Policy>(v.value(), "meta", &"policy")
        {
            bad(record(e));
        }
        if let Some(v) = meta.get(SUPERSEDED)?
            && let Err(e) = decode::<Vec<rules::Superseded>>(v.value(), "meta", &SUPERSEDED)
        {
            bad(record(e));
        }
        if let Some(v) = meta.get("school")?
            && let Err(e) = decode::<String>(v.value(), "meta", &"school")
        {
            bad(record(e));
        }
    }

    let mut teachers = BTreeSet::new();
    let mut names = BTreeSet::new();
    // Teachers already reported, whose name row is not judged again.
    let mut reported = BTreeSet::new();
    let n = each(txn, TEACHERS, |k: &str, v: &[u8]| {
        match decode::<Teacher>(v, "teachers", &k) {
            Ok(t) if t.id.0 != k => {
                reported.insert(k.to_string());
                bad(wrong("teachers", &k, &t.id))
            }
            Ok(t) => {
                names.insert(format!("{k} {}", t.name));
            }
            Err(e) => {
                reported.insert(k.to_string());
                bad(record(e))
            }
        }
        teachers.insert(k.to_string());
    })?;
    report.counts.push((Counted::Teachers, n));

    let n = each(txn, TERMS, |(y, s): (i32, u8), v: &[u8]| {
        let key = format!("{y}/{s}");
        match decode::<Term>(v, "terms", &key) {
            Ok(t) if (t.id.year.0, t.id.season as u8) != (y, s) => bad(wrong("terms", &key, &t.id)),
            Ok(_) => {}
            Err(e) => bad(record(e)),
        }
    })?;
    report.counts.push((Counted::Terms, n));

    let mut sessions = BTreeSet::new();
    let n = each(txn, SESSIONS, |k: u32, v: &[u8]| {
        match decode::<SessionRecord>(v, "sessions", &k) {
            Ok(r) if r.session.id.0 != k => bad(wrong("sessions", &k, &r.session.id)),
            Ok(_) => {}
            Err(e) => bad(record(e)),
        }
        sessions.insert(k);
    })?;
    report.counts.push((Counted::Sessions, n));

    // A closed roll's record decodes and belongs to a session.
    each(txn, CLOSED_ROLLS, |k: u32, v: &[u8]| {
        if let Err(e) = decode::<rules::ClosedRoll>(v, "closed_rolls", &k) {
            bad(record(e));
        } else if !sessions.contains(&k) {
            bad(wrong("closed_rolls", &k, &k));
        }
    })?;

    let mut facts = BTreeSet::new();
    let n = each(txn, FACTS, |(s, t): (u32, &str), v: &[u8]| {
        let key = format!("{s}/{t}");
        if let Err(e) = decode::<RollFacts>(v, "facts", &key) {
            bad(record(e));
        }
        if !sessions.contains(&s) {
            bad(dangling("facts", &key, Missing::Session(s)));
        }
        if !teachers.contains(t) {
            bad(dangling("facts", &key, Missing::Teacher(t.to_string())));
        }
        facts.insert((t.to_string(), s));
    })?;
    report.counts.push((Counted::Facts, n));
    let mut facts_idx = BTreeSet::new();
    each(txn, FACTS_BY_TEACHER, |(t, s): (&str, u32), (): ()| {
        facts_idx.insert((t.to_string(), s));
    })?;
    index_agrees(&facts, &facts_idx, "facts", "facts_by_teacher", &mut bad);

    let mut leaves = BTreeSet::new();
    let mut all_leaves = Vec::new();
    let n = each(txn, LEAVES, |k: u32, v: &[u8]| {
        match decode::<Leave>(v, "leaves", &k) {
            Ok(l) if l.id.0 != k => bad(wrong("leaves", &k, &l.id)),
            Ok(l) => {
                if !teachers.contains(&l.teacher.0) {
                    bad(dangling(
                        "leaves",
                        &k.to_string(),
                        Missing::Teacher(l.teacher.0.clone()),
                    ));
                }
                leaves.insert((l.teacher.0.clone(), k));
                all_leaves.push(l);
            }
            Err(e) => bad(record(e)),
        }
    })?;
    report.counts.push((Counted::Leaves, n));
    let mut leaves_idx = BTreeSet::new();
    each(txn, LEAVES_BY_TEACHER, |(t, id): (&str, u32), (): ()| {
        leaves_idx.insert((t.to_string(), id));
    })?;
    index_agrees(
        &leaves,
        &leaves_idx,
        "leaves",
        "leaves_by_teacher",
        &mut bad,
    );

    let n = each(txn, ACCOUNTS, |k: &str, v: &[u8]| {
        match decode::<Account>(v, "accounts", &k) {
            Ok(a) if a.name != k => bad(wrong("accounts", &k, &a.name)),
            Ok(_) => {}
            Err(e) => bad(record(e)),
        }
    })?;
    report.counts.push((Counted::Accounts, n));

    let mut last = 0u64;
    let n = each(txn, HISTORY, |k: u64, v: &[u8]| {
        match decode::<HistoryEntry>(v, "history", &k) {
            Ok(h) if h.seq != k => bad(wrong("history", &k, &h.seq)),
            Ok(_) => {}
            Err(e) => bad(record(e)),
        }
        if k != last + 1 {
            bad(Problem::HistoryGap {
                after: last,
                next: k,
            });
        }
        last = k;
    })?;
    report.counts.push((Counted::History, n));

    // The teacher names a lookup scans, against the teachers.
    let mut kept = BTreeSet::new();
    each(txn, NAMES, |k: &str, name: &str| {
        if !reported.contains(k) {
            kept.insert(format!("{k} {name}"));
        }
    })?;
    keys_agree(&names, &kept, "teachers", "names", &mut bad);

    // The leave indexes, against what the requests say.
    let (mut by_session, mut by_day, mut open, mut official) = Default::default();
    for l in &all_leaves {
        expected_leave_keys(l, &mut by_session, &mut by_day, &mut open, &mut official);
    }
    let mut kept = BTreeSet::new();
    each(txn, LEAVES_BY_SESSION, |(s, id): (u32, u32), (): ()| {
        kept.insert(format!("{s}/{id}"));
    })?;
    keys_agree(&by_session, &kept, "leaves", "leaves_by_session", &mut bad);
    let mut kept = BTreeSet::new();
    each(txn, LEAVES_BY_DAY, |(d, id): (i32, u32), (): ()| {
        kept.insert(format!("{d}/{id}"));
    })?;
    keys_agree(&by_day, &kept, "leaves", "leaves_by_day", &mut bad);
    let mut kept = BTreeSet::new();
    each(txn, OPEN_LEAVES, |id: u32, (): ()| {
        kept.insert(id.to_string());
    })?;
    keys_agree(&open, &kept, "leaves", "open_leaves", &mut bad);
    let mut kept = BTreeSet::new();
    each(txn, OFFICIAL_LEAVES, |(t, id): (&str, u32), (): ()| {
        kept.insert(format!("{t}/{id}"));
    })?;
    keys_agree(&official, &kept, "leaves", "official_leaves", &mut bad);

    // The assessment's tables.
    let mut credits = BTreeSet::new();
    let mut cards = BTreeSet::new();
    each(txn, EXTERNAL_CREDITS, |k: u32, v: &[u8]| {
        match decode::<ExternalCredit>(v, "external_credits", &k) {
            Ok(c) if c.id.0 != k => bad(wrong("external_credits", &k, &c.id)),
            Ok(c) => {
                if !teachers.contains(&c.teacher.0) {
                    bad(dangling(
                        "external_credits",
                        &k.to_string(),
                        Missing::Teacher(c.teacher.0.clone()),
                    ));
                }
                credits.insert(format!("{}/{}/{k}", c.teacher, c.year.0));
                if let Some(card) = super::card_index::held_card(&c) {
                    cards.insert(format!("{card}/{k}"));
                }
            }
            Err(e) => bad(record(e)),
        }
    })?;
    let mut kept = BTreeSet::new();
    each(
        txn,
        EXTERNAL_CREDITS_BY_TEACHER,
        |(t, y, id): (&str, i32, u32), (): ()| {
            kept.insert(format!("{t}/{y}/{id}"));
        },
    )?;
    keys_agree(
        &credits,
        &kept,
        "external_credits",
        "external_credits_by_teacher",
        &mut bad,
    );
    let mut kept = BTreeSet::new();
    each(txn, CREDIT_CARDS, |(card, id): (&str, u32), (): ()| {
        kept.insert(format!("{card}/{id}"));
    })?;
    keys_agree(&cards, &kept, "external_credits", "credit_cards", &mut bad);
    each(txn, MAKEUPS, |(t, s): (&str, u32), v: &[u8]| {
        if let Err(e) = decode::<MakeUpDone>(v, "makeups", &format!("{t}/{s}")) {
            bad(record(e));
        }
    })?;
    each(txn, YEAR_FILES, |(t, y): (&str, i32), v: &[u8]| {
        if let Err(e) = decode::<YearFile>(v, "year_files", &format!("{t}/{y}")) {
            bad(record(e));
        }
    })?;
    each(txn, MENTORS, |(y, a, b): (i32, &str, &str), v: &[u8]| {
        let key = format!("{y}/{a}/{b}");
        match decode::<MentorPair>(v, "mentors", &key) {
            Ok(p) if (p.year.0, p.mentor.0.as_str(), p.mentee.0.as_str()) != (y, a, b) => {
                bad(wrong(
                    "mentors",
                    &key,
                    &format!("{}/{}/{}", p.year.0, p.mentor, p.mentee),
                ))
            }
            Ok(_) => {}
            Err(e) => bad(record(e)),
        }
    })?;
    each(txn, QUALIFICATIONS, |t: &str, v: &[u8]| {
        if let Err(e) = decode::<Qualification>(v, "qualifications", &t) {
            bad(record(e));
        }
    })?;
    each(txn, FUNDS, |y: i32, v: &[u8]| {
        if let Err(e) = decode::<Funds>(v, "funds", &y) {
            bad(record(e));
        }
    })?;
    each(txn, PUBLISHED, |(y, s, n): (i32, u8, u32), v: &[u8]| {
        let key = format!("{y}/{s}/{n}");
        match decode::<super::published::Publication>(v, "published", &key) {
            Ok(p) if (p.term.year.0, p.term.season as u8, p.number) != (y, s, n) => bad(wrong(
                "published",
                &key,
                &format!("{}/{}", p.term, p.number),
            )),
            Ok(_) => {}
            Err(e) => bad(record(e)),
        }
    })?;

    // The kept tallies, against a recount from the records (which must
    // all decode for one).
    let mut kept_ok = true;
    each(txn, TALLIES, |(y, t): (i32, &str), v: &[u8]| {
        if let Err(e) = decode::<YearTally>(v, "tallies", &format!("{y}/{t}")) {
            kept_ok = false;
            bad(record(e));
        }
    })?;

    if kept_ok && problems.is_empty() {
        let reader = super::Reader::new(owned);
        let kept = reader.tallies()?;
        let counted = reader.recount()?;
        let keys: BTreeSet<_> = kept.keys().chain(counted.keys()).collect();
        for key in keys {
            let zero = YearTally::default();
            let k = kept.get(key).unwrap_or(&zero);
            let c = counted.get(key).unwrap_or(&zero);
            if k != c {
                problems.push(Problem::WrongTally {
                    key: format!("{}/{}", key.0, key.1),
                });
            }
        }
    }
    report.problems = problems;
    Ok(report)
}

/// The rows the four leave indexes must hold for one request.
fn expected_leave_keys(
    l: &Leave,
    by_session: &mut BTreeSet<String>,
    by_day: &mut BTreeSet<String>,
    open: &mut BTreeSet<String>,
    official: &mut BTreeSet<String>,
) {
    let id = l.id.0;
    let (sessions, days, is_open) = super::leave_index::keys(l);
    by_session.extend(sessions.iter().map(|s| format!("{s}/{id}")));
    by_day.extend(days.iter().map(|d| format!("{d}/{id}")));
    if is_open {
        open.insert(id.to_string());
    }
    if l.kind.made_up() && l.status == LeaveStatus::Approved {
        official.insert(format!("{}/{id}", l.teacher));
    }
}

/// Every row `rows` says the index must hold is there, and nothing else.
fn keys_agree(
    rows: &BTreeSet<String>,
    index: &BTreeSet<String>,
    table: &'static str,
    index_name: &'static str,
    bad: &mut impl FnMut(Problem),
) {
    for key in rows.difference(index) {
        bad(Problem::NotIndexed {
            table,
            index: index_name,
            key: key.clone(),
        });
    }
    for key in index.difference(rows) {
        bad(Problem::StaleIndex {
            index: index_name,
            table,
            key: key.clone(),
        });
    }
}

fn record(e: DecodeError) -> Problem {
    Problem::Record(e)
}

fn wrong(
    table: &'static str,
    key: &dyn std::fmt::Display,
    found: &dyn std::fmt::Display,
) -> Problem {
    Problem::WrongKey {
        table,
        key: key.to_string(),
        found: found.to_string(),
    }
}

fn dangling(table: &'static str, key: &str, missing: Missing) -> Problem {
    Problem::Dangling {
        table,
        key: key.to_string(),
        missing,
    }
}

/// Every row of `table` has its index row, and every index row its row.
fn index_agrees(
    rows: &BTreeSet<(String, u32)>,
    index: &BTreeSet<(String, u32)>,
    table: &'static str,
    index_name: &'static str,
    bad: &mut impl FnMut(Problem),
) {
    for (t, n) in rows.difference(index) {
        bad(Problem::NotIndexed {
            table,
            index: index_name,
            key: format!("{t}/{n}"),
        });
    }
    for (t, n) in index.difference(rows) {
        bad(Problem::StaleIndex {
            index: index_name,
            table,
            key: format!("{t}/{n}"),
        });
    }
}

/// Calls `f` with every row of `def` (a table that is missing has none);
/// returns how many there were.
fn each<K: Key + 'static, V: Value + 'static>(
    txn: &ReadTransaction,
    def: TableDefinition<K, V>,
    mut f: impl FnMut(K::SelfType<'_>, V::SelfType<'_>),
) -> Result<usize> {
    let table = match txn.open_table(def) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    let mut n = 0;
    for row in table.iter()? {
        let (k, v) = row?;
        f(k.value(), v.value());
        n += 1;
    }
    Ok(n)
}

/// The problem in English, for the error that refuses a damaged file (the
/// catalogue renders reports in the user's language).
pub fn describe_en(p: &Problem) -> String {
    match p {
        Problem::Pages(why) => format!("its pages do not verify: {why}"),
        Problem::Record(e) => e.to_string(),
        Problem::WrongKey { table, key, found } => {
            format!("table `{table}` holds the record of {found} under key {key}")
        }
        Problem::NotIndexed { table, index, key } => {
            format!("`{table}` row {key} is missing from index `{index}`")
        }
        Problem::StaleIndex { index, table, key } => {
            format!("index `{index}` row {key} points at no `{table}` row")
        }
        Problem::Dangling {
            table,
            key,
            missing,
        } => {
            let missing = match missing {
                Missing::Teacher(t) => format!("teacher {t}"),
                Missing::Session(s) => format!("session {s}"),
            };
            format!("`{table}` row {key} names {missing}, which does not exist")
        }
        Problem::HistoryGap { after, next } => {
            format!("history jumps from entry {after} to {next}")
        }
        Problem::WrongTally { key } => {
            format!("the kept tallies of {key} differ from a recount of the records")
        }
    }
}

// ---------------------------------------------------------------------------
// Backup
// ---------------------------------------------------------------------------

/// Copies every table of one read snapshot of `source` into a new peixun
/// file at `to`, which must not exist. The copy is written into a file
/// created exclusively under a random name beside `to` (`crate::atomic`),
/// and appears under its name only when complete and checked, so a failed
/// backup leaves nothing that looks like one.
///
/// The source's pages are verified first, as `check` verifies them: a file
/// whose pages do not is refused (`StoreError::Recovered` where redb's
/// repair recovers an earlier state, naming what survives in it), unless
/// `accept_recovered`, when that recovered state is what is copied.
pub fn backup(source: &super::Store, to: &Path, accept_recovered: bool) -> Result<Report> {
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(StoreError::Exists(to.to_path_buf()));
    }
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(StoreError::NoDirectory(dir.to_path_buf()));
    }
    let path = source.path();
    // No other process commits while the file's bytes are verified and
    // copied: a commit in flight would tear what is read (a backup during
    // a roll call was refused as damaged, or met a panic inside redb).
    let _writers = source.hold_writers()?;
    let recovered = match verified_copy(path)? {
        Ok(_) => None,
        Err(why) => match recovered(path)? {
            Some((db, recovery)) if accept_recovered => Some((db, recovery)),
            Some((_, recovery)) => {
                return Err(StoreError::Recovered {
                    path: path.to_path_buf(),
                    last: recovery.last.map(Box::new),
                    lost: recovery.lost,
                });
            }
            None => {
                // Named as `check` names it: a record's table and key where
                // one is to blame, else the pages.
                let named = check(path).ok().and_then(|r| {
                    r.problems
                        .into_iter()
                        .find(|p| !matches!(p, Problem::Pages(_)))
                });
                return Err(StoreError::Damaged {
                    path: path.to_path_buf(),
                    why: describe_en(&named.unwrap_or(Problem::Pages(why))),
                });
            }
        },
    };
    let tmp = crate::atomic::temp_beside(to, 0o600).map_err(|e| open_error(to, e))?;
    let file = tmp.as_file().try_clone().map_err(|e| open_error(to, e))?;
    match &recovered {
        Some((db, _)) => write_copy(&db.begin_read()?, file, to)?,
        None => write_copy(&source.read()?.txn, file, to)?,
    }
    // The copy carries every record's bytes, checksums and all: what is
    // wrong with the source is wrong with it, and named.
    let report = check(tmp.path())?;
    if !report.is_clean() {
        return Err(StoreError::Damaged {
            path: source.path().to_path_buf(),
            why: report.problems.first().map(describe_en).unwrap_or_default(),
        });
    }
    // Never over a file that appeared at `to` meanwhile.
    crate::atomic::persist(tmp, to, false).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => StoreError::Exists(to.to_path_buf()),
        _ => open_error(to, e),
    })?;
    Ok(Report {
        recovered: recovered.map(|(_, r)| r),
        ..report
    })
}

fn write_copy(src: &ReadTransaction, file: std::fs::File, to: &Path) -> Result<()> {
    // Every table of the file must be one this build knows how to copy:
    // a table left out would make a backup that silently lacks it.
    let mut known: BTreeSet<&str> = BTreeSet::new();
    macro_rules! name {
        ($t:ident) => {
            known.insert($t.name());
        };
    }
    every_table!(name);
    for t in src.list_tables()? {
        if !known.contains(t.name()) {
            return Err(StoreError::Db(format!(
                "table `{}` is unknown to this build's backup",
                t.name()
            )));
        }
    }
    let db = redb::backends::FileBackend::new(file)
        .and_then(|backend| super::builder().create_with_backend(backend))
        .map_err(|e| open_error(to, e))?;
    let dst = db.begin_write()?;
    macro_rules! copy_table {
        ($t:ident) => {
            copy(src, &dst, $t)?;
        };
    }
    every_table!(copy_table);
    dst.commit()?;
    Ok(())
}

fn copy<K: Key + 'static, V: Value + 'static>(
    src: &ReadTransaction,
    dst: &WriteTransaction,
    def: TableDefinition<K, V>,
) -> Result<()> {
    let from = match src.open_table(def) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut to = dst.open_table(def)?;
    for row in from.iter()? {
        let (k, v) = row?;
        to.insert(k.value(), v.value())?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Disk trouble
// ---------------------------------------------------------------------------

/// Why the disk refused a write, where an error says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskTrouble {
    /// No space left (or the quota is used up).
    Full,
    /// The file system is mounted read-only.
    ReadOnly,
    /// The account may not write the file or its directory.
    Denied,
}

/// The disk trouble behind `e`, if any. redb passes the operating system's
/// error on as text, which ends in the stable "(os error N)".
pub fn disk_trouble(e: &StoreError) -> Option<DiskTrouble> {
    let text = match e {
        StoreError::Db(m) => m,
        StoreError::Open { message, .. } => message,
        _ => return None,
    };
    let code: i32 = text
        .rsplit_once("(os error ")?
        .1
        .trim_end_matches(')')
        .parse()
        .ok()?;
    crate::os::disk::trouble(code)
}
