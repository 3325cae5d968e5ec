//! Disk trouble and damaged files: a read-only file, a missing directory, a
//! full disk, a truncated or overwritten file. Each gets one clear line, and
//! afterwards the file opens with nothing lost; a damaged file is never
//! written to.
//!
//! The read-only and full-disk cases need a small file system of their own:
//! as root (as CI runs) each test mounts a tmpfs; where that is not possible
//! it prints why and skips.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A small tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (e.g. "1m"), or says why it cannot.
    fn mount(size: &str, test: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("mount point");
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if ok {
            Some(Tmpfs { dir })
        } else {
            eprintln!("SKIPPED {test}: cannot mount a tmpfs here (needs root)");
            None
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, how: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(self.path())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "remount {how} failed");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// A database inside `dir` (the common `Db` lives in a plain temp dir).
fn db_in(dir: &Path) -> Db {
    let inner = tempfile::tempdir_in(dir).expect("directory on the tmpfs");
    let path = inner.path().join("peixun.redb");
    Db { dir: inner, path }
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read database")
}

// ---------------------------------------------------------------------------
// A read-only file
// ---------------------------------------------------------------------------

#[test]
fn a_read_only_file_system_refuses_changes_and_keeps_everything() {
    let Some(fs) = Tmpfs::mount("8m", "read-only file system") else {
        return;
    };
    let db = db_in(fs.path());
    let s = school(&db, 5, &["2025-09-10"]);
    let s1 = s[0].as_str();
    db.ok("2025-09-10T15:31", &["roll", "first", s1, "T0001", "T0002"]);
    let before = db.snapshot();
    fs.remount("ro");
    let raw = bytes(&db.path);

    // Looking still works.
    let status = db.ok(LATER, &["roll", "status", s1]);
    assert!(status.contains("present 2"), "{status}");
    db.ok(LATER, &["standings", "--term", "2025-autumn"]);
    let check = db.ok(LATER, &["check"]);
    assert!(check.contains("no problems"), "{check}");
    // So does a backup to a writable place.
    let copy = tempfile::tempdir().expect("backup dir");
    let to = copy.path().join("copy.redb");
    let out = db.ok(LATER, &["backup", to.to_str().expect("utf-8 path")]);
    assert!(out.contains("backed up"), "{out}");

    // A change is refused in one line that says why, and nothing is written.
    for args in [
        &["roll", "first", s1, "T0003"][..],
        &["teacher", "add", "T0009", "钱七", "语文"][..],
    ] {
        let line = expect_refused(db.run(None, "2025-09-10T15:33", args), args);
        assert!(
            line.contains("read-only") && line.contains("nothing was saved"),
            "{args:?}: {line}"
        );
        assert!(bytes(&db.path) == raw, "{args:?} wrote to a read-only file");
    }
    // In Chinese too.
    let out = command(
        &db.path,
        None,
        "2025-09-10T15:33",
        &["roll", "first", s1, "T0003"],
    )
    .args(["--lang", "zh"])
    .output()
    .expect("run peixun");
    assert!(text(&out.stderr).contains("只读"), "{}", text(&out.stderr));

    // Writable again: everything is there and work goes on.
    fs.remount("rw");
    assert_eq!(db.snapshot(), before);
    db.ok("2025-09-10T15:33", &["roll", "first", s1, "T0003"]);
    let status = db.ok(LATER, &["roll", "status", s1]);
    assert!(status.contains("present 3"), "{status}");
}

// ---------------------------------------------------------------------------
// A missing directory
// ---------------------------------------------------------------------------

#[test]
fn a_missing_directory_is_named_and_nothing_is_created() {
    let top = tempfile::tempdir().expect("temporary directory");
    let gone = top.path().join("moved-away");
    let path = gone.join("peixun.redb");
    for args in [
        &["teacher", "list"][..],
        &["roll", "first", "1", "T0001"][..],
        &["check"][..],
    ] {
        let line = expect_refused(run_on(&path, None, LATER, args), args);
        assert!(
            line.contains("no database at") && line.contains(&path.display().to_string()),
            "{args:?}: {line}"
        );
        assert!(!gone.exists(), "{args:?} created {}", gone.display());
    }

    // A backup into a directory that is not there is refused, and leaves
    // nothing behind.
    let db = Db::new();
    school(&db, 2, &["2025-09-10"]);
    let to = gone.join("copy.redb");
    let args = ["backup", to.to_str().expect("utf-8 path")];
    let line = expect_refused(db.run(None, LATER, &args), &args);
    assert!(line.contains("there is no directory"), "{line}");
    assert!(!gone.exists());
    // In Chinese, in Chinese words (it said "no such directory").
    let out = command_in("zh", &db.path, None, LATER, &args)
        .output()
        .expect("run");
    let line = expect_refused(out, &args);
    assert!(line.contains("目录") && !line.contains("no such"), "{line}");

    // `init` makes the directories it needs (a new school's first step).
    let fresh = top.path().join("school").join("2025").join("peixun.redb");
    let out = expect_ok(run_on(&fresh, None, SETUP, &["init"]), &["init"]);
    assert!(out.contains("created"), "{out}");
    let check = expect_ok(run_on(&fresh, None, LATER, &["check"]), &["check"]);
    assert!(check.contains("no problems"), "{check}");
}

// ---------------------------------------------------------------------------
// A full disk
// ---------------------------------------------------------------------------

/// Fills the file system holding `dir` with files of 16 KiB until it is
/// full, then frees `keep` of them. Returns the files left.
fn fill(dir: &Path, keep: usize) -> Vec<PathBuf> {
    use std::io::Write;
    let chunk = vec![0x5a_u8; 16 << 10];
    let mut files = Vec::new();
    for i in 0.. {
        let f = dir.join(format!("filler-{i}"));
        let full = std::fs::File::create(&f)
            .and_then(|mut w| w.write_all(&chunk).and_then(|()| w.sync_all()))
            .is_err();
        files.push(f);
        if full {
            break;
        }
    }
    for f in files.drain(files.len().saturating_sub(keep + 1)..) {
        let _ = std::fs::remove_file(f);
    }
    files
}

#[test]
fn a_full_disk_saves_nothing_half_and_loses_nothing() {
    let Some(fs) = Tmpfs::mount("2m", "full disk") else {
        return;
    };
    let db = db_in(fs.path());
    let s = school(&db, 3, &["2025-09-10"]);
    let s1 = s[0].as_str();
    let fillers = fill(fs.path(), 4);

    // Add teachers with long names (64 characters, the most a name may
    // have) until the disk refuses one.
    let long = "很长的名字很长的名字很长的名字很长".repeat(4)[..192].to_string();
    let mut saved = Vec::new();
    let mut refusal = None;
    for i in 10..4000 {
        let id = teacher(i);
        let args = ["teacher", "add", &id, &long, "语文"];
        let out = db.run(None, SETUP, &args);
        if out.status.success() {
            saved.push(id);
        } else {
            let line = expect_refused(out, &args);
            refusal = Some((id, line));
            break;
        }
    }
    let (refused_id, line) = refusal.expect("the disk never filled up");
    assert!(
        line.contains("disk is full") && line.contains("nothing was saved"),
        "{line}"
    );
    // A mark while the disk is full is either refused the same way, saving
    // nothing, or (a mark is smaller than a teacher, and may fit in a page
    // the file already has) saved whole; reading works either way.
    let args = ["roll", "first", s1, "T0001"];
    let out = db.run(None, "2025-09-10T15:31", &args);
    let marked = out.status.success();
    if !marked {
        let line = expect_refused(out, &args);
        assert!(line.contains("disk is full"), "{line}");
    }
    let list = db.ok(LATER, &["teacher", "list"]);
    for id in &saved {
        assert!(
            list.contains(id.as_str()),
            "{id} lost while the disk was full"
        );
    }

    // Space again: the file checks clean, keeps every saved change and none
    // of the refused ones, and work goes on.
    for f in fillers {
        std::fs::remove_file(f).expect("free space");
    }
    let check = db.ok(LATER, &["check"]);
    assert!(check.contains("no problems"), "{check}");
    let list = db.ok(LATER, &["teacher", "list"]);
    for id in &saved {
        assert!(
            list.contains(id.as_str()),
            "{id} lost after the disk was full"
        );
    }
    assert!(
        !list.contains(refused_id.as_str()),
        "a refused change was kept"
    );
    let history = db.ok(LATER, &["history"]);
    assert!(!history.contains(refused_id.as_str()));
    // The action codes are in the JSON form (the text names them in words).
    let history = db.ok(LATER, &["history", "--json"]);
    assert!(!history.contains(refused_id.as_str()));
    if marked {
        let status = db.ok(LATER, &["roll", "status", s1, "--json"]);
        assert!(status.contains("T0001"), "{status}");
        assert!(
            history.contains("roll.first_call"),
            "a saved mark has its entry"
        );
    } else {
        assert!(!history.contains("roll.first_call"));
        db.ok("2025-09-10T15:32", &["roll", "first", s1, "T0001"]);
    }
    db.ok(SETUP, &["teacher", "add", &refused_id, "钱七", "语文"]);
    eprintln!(
        "{} long teachers fitted before the disk was full",
        saved.len()
    );
}

// ---------------------------------------------------------------------------
// Damaged files
// ---------------------------------------------------------------------------

/// Every command, reading or writing, refuses `path` in one line naming it
/// as damaged, and leaves it byte for byte as it was; `check` says what is
/// wrong.
fn refuses_damaged(path: &Path) {
    let before = bytes(path);
    let commands: &[&[&str]] = &[
        &["teacher", "list"],
        &["standings", "--term", "2025-autumn"],
        &["roll", "status", "1"],
        &["roll", "first", "1", "T0001"],
        &["teacher", "add", "T0009", "钱七", "语文"],
        &["backup", "/nonexistent-dir-for-peixun/x.redb"],
    ];
    for args in commands {
        let line = expect_refused(run_on(path, None, "2025-09-10T15:31", args), args);
        assert!(
            line.contains("damaged") && line.contains(&path.display().to_string()),
            "{args:?} on {}: {line}",
            path.display()
        );
        assert!(bytes(path) == before, "{args:?} wrote to a damaged file");
    }
    let out = run_on(path, None, LATER, &["check"]);
    assert!(!out.status.success(), "check passed a damaged file");
    let said = text(&out.stderr);
    assert!(
        said.contains("problems") && said.contains("pages do not verify"),
        "{said}"
    );
    assert!(bytes(path) == before, "check wrote to a damaged file");
    let line = expect_refused(run_on(path, None, SETUP, &["init"]), &["init"]);
    assert!(line.contains("exists"), "{line}");
    assert!(bytes(path) == before, "init wrote to a damaged file");
}

/// A school with some roll taken, as bytes.
fn some_school() -> (Db, Vec<u8>) {
    let db = Db::new();
    let s = school(&db, 20, &["2025-09-10", "2025-09-17"]);
    for (i, s) in s.iter().enumerate() {
        let at = format!("2025-09-{}T15:31", 10 + 7 * i);
        db.ok(&at, &["roll", "first", s, "T0001", "T0002", "T0003"]);
    }
    let raw = bytes(&db.path);
    (db, raw)
}

#[test]
fn a_truncated_file_is_refused_and_never_written_to() {
    let (db, raw) = some_school();
    for (name, len) in [
        ("half.redb", raw.len() / 2),
        ("one-page-short.redb", raw.len() - 4096),
        ("header-only.redb", 4096),
    ] {
        let path = db.file(name);
        std::fs::write(&path, &raw[..len]).expect("write");
        refuses_damaged(&path);
    }
}

#[test]
fn a_file_overwritten_with_random_bytes_is_refused_and_never_written_to() {
    let (db, raw) = some_school();
    let mut x = 0x9e37_79b9_7f4a_7c15_u64;
    let mut noise = |b: &mut [u8]| {
        for v in b {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *v = x as u8;
        }
    };
    // Everything after the first page.
    let mut all = raw.clone();
    noise(&mut all[4096..]);
    // The header, after the magic bytes.
    let mut header = raw.clone();
    noise(&mut header[9..512]);
    for (name, damaged) in [("noise.redb", all), ("header.redb", header)] {
        let path = db.file(name);
        std::fs::write(&path, &damaged).expect("write");
        refuses_damaged(&path);
    }
    // The original is untouched by all this and still sound.
    let check = db.ok(LATER, &["check"]);
    assert!(check.contains("no problems"), "{check}");
}

/// Rows that disagree with each other (which only a bug or a foreign tool
/// can leave, since damage to bytes fails a page checksum): `check` names
/// each with its table and key, in both languages, and writes nothing; where
/// a bad record is read, the error names it too.
#[test]
fn check_names_every_problem_with_its_table_and_key() {
    use peixun::store::codec::encode;
    use peixun::store::tables::*;
    use redb::ReadableTable;
    let (db, _) = some_school();
    {
        let mut b = redb::Builder::new();
        b.set_concurrency_mode(redb::ConcurrencyMode::MultiWriter);
        let rdb = b.open(&db.path).expect("open with redb");
        let txn = rdb.begin_write().expect("write");
        {
            let mut idx = txn.open_table(FACTS_BY_TEACHER).expect("table");
            idx.remove(("T0001", 1)).expect("remove");
            let mut idx = txn.open_table(LEAVES_BY_TEACHER).expect("table");
            idx.insert(("T0005", 99), ()).expect("insert");
            let mut teachers = txn.open_table(TEACHERS).expect("table");
            teachers
                .insert("T0007", [1u8, 0xff, 0xff].as_slice())
                .expect("insert");
            let t2 = teachers
                .get("T0002")
                .expect("get")
                .expect("T0002")
                .value()
                .to_vec();
            teachers.insert("T0008", t2.as_slice()).expect("insert");
            let mut facts = txn.open_table(FACTS).expect("table");
            let f = encode(&peixun::core::RollFacts::default());
            facts.insert((1, "T0404"), f.as_slice()).expect("insert");
            let mut history = txn.open_table(HISTORY).expect("table");
            history.remove(2).expect("remove");
        }
        txn.commit().expect("commit");
    }
    let before = bytes(&db.path);

    let out = db.run(None, LATER, &["check"]);
    assert!(!out.status.success(), "check passed a file with problems");
    let said = text(&out.stderr);
    for want in [
        "`facts` row T0001/1 is missing from index `facts_by_teacher`",
        "index `leaves_by_teacher` row T0005/99 points at no `leaves` row",
        "damaged record in table `teachers` at key T0007",
        "table `teachers` holds the record of T0002 under key T0008",
        "`facts` row 1/T0404 names teacher T0404, which does not exist",
        "`facts` row T0404/1 is missing from index `facts_by_teacher`",
        "history jumps from entry 1 to 3",
        "the file has problems: 7",
    ] {
        assert!(said.contains(want), "check should say {want:?}:\n{said}");
    }
    let out = command_in("zh", &db.path, None, LATER, &["check"])
        .output()
        .expect("run peixun");
    let said = text(&out.stderr);
    for want in [
        "索引 leaves_by_teacher 的行 T0005/99",
        "数据表 teachers 中键 T0007 的记录无法读取",
        "引用了不存在的教师 T0404",
        "历史记录编号从 1 跳到 3",
        "文件有问题,共 7",
    ] {
        assert!(said.contains(want), "check should say {want:?}:\n{said}");
    }
    assert!(bytes(&db.path) == before, "check wrote to the file");

    // The bad record is named where it is read.
    let line = expect_refused(
        db.run(None, LATER, &["teacher", "list"]),
        &["teacher", "list"],
    );
    assert!(
        line.contains("teachers") && line.contains("T0007"),
        "{line}"
    );
}
