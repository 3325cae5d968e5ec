//! The store on a shared machine (issues 13 and 15): the check before a
//! write makes no file beside the database (a link planted there gets
//! nothing, a directory nobody may write is no obstacle), a writer that must
//! wait says so and gives up in time, and a file removed or replaced under
//! a running program is never written to.

mod common;

use common::*;
use redb::ReadableDatabase;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const NOW: &str = "2025-09-10T15:31";

/// Starts a write that holds its transaction open (just before the commit)
/// for a minute, and returns once it is holding it.
fn holding_writer(db: &Db, teacher: &str) -> Child {
    let before = generation_raw(&db.path);
    let child = command(
        &db.path,
        None,
        NOW,
        &["teacher", "add", teacher, "赵六", "语文"],
    )
    .env("PEIXUN_TEST_PAUSE_COMMIT", "60")
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .expect("start peixun");
    // Past its open and its writes: give it a moment on a busy machine.
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(before, generation_raw(&db.path), "the writer committed");
    child
}

/// The generation read with redb itself (the program's open could wait).
fn generation_raw(path: &Path) -> Vec<u8> {
    let mut b = redb::Builder::new();
    b.set_concurrency_mode(redb::ConcurrencyMode::MultiWriter);
    match b.open_read_only(path) {
        Ok(db) => {
            let r = db.begin_read().expect("read");
            let meta = r.open_table(peixun::store::tables::META).expect("meta");
            meta.get("generation")
                .expect("get")
                .map(|v| v.value().to_vec())
                .unwrap_or_default()
        }
        Err(e) => format!("{e}").into_bytes(),
    }
}

/// Whether redb finds the file left unclean by a crashed writer.
fn unclean(path: &Path) -> bool {
    let mut b = redb::Builder::new();
    b.set_concurrency_mode(redb::ConcurrencyMode::MultiWriter);
    matches!(
        b.open_read_only(path),
        Err(redb::DatabaseError::RepairAborted)
    )
}

fn kill(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn signal(child: &Child, sig: i32) {
    // SAFETY: kill(2) on a child this test started.
    unsafe {
        libc::kill(child.id() as i32, sig);
    }
}

/// A school whose file a writer killed mid-transaction left unclean.
fn crashed_school() -> Db {
    let db = Db::new();
    school(&db, 4, &["2025-09-10"]);
    let mut w = holding_writer(&db, "T0100");
    kill(&mut w);
    assert!(unclean(&db.path), "the killed writer left the file clean");
    db
}

/// The next process ids, where a local attacker plants links under the
/// name of the old check copy (`.NAME.check-PID`).
fn next_pids(n: u32) -> std::ops::Range<u32> {
    let last: u32 = std::fs::read_to_string("/proc/sys/kernel/ns_last_pid")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1);
    last + 1..last + 1 + n
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_symlink_planted_at_the_check_copy_name_gets_nothing() {
    let db = crashed_school();
    let victim = db.file("victim.txt");
    std::fs::write(&victim, "precious").expect("write");
    for pid in next_pids(3000) {
        let _ = std::os::unix::fs::symlink(&victim, db.file(&format!(".peixun.redb.check-{pid}")));
    }
    let planted = names_in(db.dir.path());
    db.ok(NOW, &["roll", "first", "1", "T0001"]);
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );
    assert_eq!(names_in(db.dir.path()), planted, "a file appeared or went");
    let status = db.ok(LATER, &["roll", "status", "1"]);
    assert!(status_line(&status, "T0001").is_some_and(|l| l.contains("present")));
}

#[test]
fn a_hard_link_planted_at_the_check_copy_name_gets_nothing() {
    let db = crashed_school();
    let loot = db.file("loot");
    std::fs::write(&loot, "").expect("write");
    for pid in next_pids(3000) {
        let _ = std::fs::hard_link(&loot, db.file(&format!(".peixun.redb.check-{pid}")));
    }
    let planted = names_in(db.dir.path());
    db.ok(NOW, &["roll", "first", "1", "T0001"]);
    assert_eq!(
        std::fs::metadata(&loot).expect("loot").len(),
        0,
        "the database was copied into a planted hard link"
    );
    assert_eq!(names_in(db.dir.path()), planted, "a file appeared or went");
}

/// Runs `args` as the unprivileged account `nobody`, from a copy of the
/// program nobody may run: the build's own may sit below a directory only
/// its owner enters (a clone made in `mktemp -d`).
fn as_nobody(db: &Db, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let exe = dir.path().join("peixun");
    std::fs::copy(BIN, &exe).expect("copy the program");
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let base = command(&db.path, None, NOW, args);
    let mut cmd = std::process::Command::new(&exe);
    cmd.args(base.get_args());
    for (k, v) in base.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    output_of_copy(cmd.uid(65534).gid(65534)).expect("run peixun as nobody")
}

#[test]
fn a_writer_killed_where_the_next_user_cannot_write_blocks_nobody() {
    let db = Db::new();
    school(&db, 4, &["2025-09-10"]);
    db.ok(NOW, &["account", "set", "nobody", "--roles", "office"]);
    // The database is theirs to write; its directory is not.
    std::fs::set_permissions(db.dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod dir");
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    let mut w = holding_writer(&db, "T0100");
    kill(&mut w);
    assert!(unclean(&db.path), "the killed writer left the file clean");
    let before = names_in(db.dir.path());
    let out = as_nobody(&db, &["roll", "first", "1", "T0002"]);
    assert!(
        out.status.success(),
        "the next user's write failed: {}",
        text(&out.stderr)
    );
    assert_eq!(names_in(db.dir.path()), before);
    let status = db.ok(LATER, &["roll", "status", "1"]);
    assert!(status_line(&status, "T0002").is_some_and(|l| l.contains("present")));
    assert_eq!(std::fs::metadata(&db.path).expect("db").uid(), 0);
}

#[test]
fn a_stopped_writer_makes_the_next_wait_say_so_and_give_up_in_time() {
    let db = Db::new();
    school(&db, 4, &["2025-09-10"]);
    let before = snapshot(&db.path);
    let mut w = holding_writer(&db, "T0100");
    signal(&w, libc::SIGSTOP);
    for (lang, waiting, gave_up) in [
        (
            "en",
            "waiting for another change to finish",
            "did not finish within 2 s",
        ),
        (
            "zh",
            "正在等待另一项更改完成",
            "另一项更改在 2 秒内没有完成,未保存",
        ),
    ] {
        let start = Instant::now();
        let out = command_in(lang, &db.path, None, NOW, &["roll", "first", "1", "T0001"])
            .env("PEIXUN_WAIT_SECONDS", "2")
            .output()
            .expect("run peixun");
        let took = start.elapsed();
        let said = text(&out.stderr);
        assert!(!out.status.success(), "a write got past a stopped writer");
        assert!(said.contains(waiting), "{lang}: {said}");
        assert!(said.contains(gave_up), "{lang}: {said}");
        assert!(took < Duration::from_secs(8), "{lang}: took {took:?}");
    }
    signal(&w, libc::SIGCONT);
    kill(&mut w);
    assert_eq!(snapshot(&db.path), before, "something changed");
}

#[test]
fn a_writer_behind_a_short_change_waits_for_it_and_saves() {
    let db = Db::new();
    school(&db, 4, &["2025-09-10"]);
    let mut w = command(
        &db.path,
        None,
        NOW,
        &["teacher", "add", "T0100", "赵六", "语文"],
    )
    .env("PEIXUN_TEST_PAUSE_COMMIT", "3")
    .stdout(Stdio::null())
    .spawn()
    .expect("start peixun");
    std::thread::sleep(Duration::from_millis(1500));
    let out = command(&db.path, None, NOW, &["roll", "first", "1", "T0001"])
        .env("PEIXUN_WAIT_SECONDS", "30")
        .output()
        .expect("run peixun");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(w.wait().expect("wait").success());
    assert!(db.ok(LATER, &["teacher", "list"]).contains("T0100"));
}

/// A backup keeps writers out while it verifies and copies the file (issue
/// 26): one that starts while another process holds a change open waits
/// for that change, says so, and copies the file with it; it never reads
/// the file while a commit is under way. Behind a change held longer than
/// the bound it gives up, and leaves no copy.
#[test]
fn a_backup_waits_for_a_change_under_way_and_copies_it() {
    let db = Db::new();
    school(&db, 4, &["2025-09-10"]);
    let mut w = command(
        &db.path,
        None,
        NOW,
        &["teacher", "add", "T0100", "赵六", "语文"],
    )
    .env("PEIXUN_TEST_PAUSE_COMMIT", "3")
    .stdout(Stdio::null())
    .spawn()
    .expect("start peixun");
    std::thread::sleep(Duration::from_millis(1500));
    let copy = db.file("copy.redb");
    let out = command(
        &db.path,
        None,
        LATER,
        &["backup", copy.to_str().expect("utf-8")],
    )
    .env("PEIXUN_WAIT_SECONDS", "30")
    .output()
    .expect("run peixun");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("waiting for another change"),
        "{}",
        text(&out.stderr)
    );
    assert!(w.wait().expect("wait").success());
    let list = expect_ok(
        run_on(&copy, None, LATER, &["teacher", "list"]),
        &["teacher", "list"],
    );
    assert!(list.contains("T0100"), "the backup did not wait: {list}");

    let mut held = holding_writer(&db, "T0101");
    let late = db.file("late.redb");
    let out = command(
        &db.path,
        None,
        LATER,
        &["backup", late.to_str().expect("utf-8")],
    )
    .env("PEIXUN_WAIT_SECONDS", "1")
    .output()
    .expect("run peixun");
    let _ = held.kill();
    let _ = held.wait();
    assert!(
        !out.status.success(),
        "a backup behind a held change went on"
    );
    assert!(!late.exists(), "a refused backup left a copy");
}

mod replaced {
    use super::*;
    use peixun::app::roll::Call;
    use peixun::app::{App, AppError};
    use peixun::core::{SessionId, TeacherId};
    use peixun::store::StoreError;

    fn now() -> chrono::NaiveDateTime {
        chrono::NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M").expect("time")
    }

    fn open(db: &Db) -> App {
        let (name, _) = peixun::app::os_account();
        App::open(&db.path, &name, None, false).expect("open")
    }

    fn mark(app: &mut App, t: &str) -> Result<(), AppError> {
        app.answer(SessionId(1), Call::First, &[TeacherId(t.into())], now())
    }

    fn refused_as_replaced(r: Result<(), AppError>) {
        match r {
            Err(AppError::Store(StoreError::Replaced(_))) => {}
            other => panic!("not refused as replaced: {other:?}"),
        }
    }

    #[test]
    fn a_file_moved_over_the_open_one_is_never_written() {
        let db = Db::new();
        school(&db, 4, &["2025-09-10"]);
        let mut app = open(&db);
        mark(&mut app, "T0001").expect("first mark");
        let copy = db.file("copy.redb");
        db.ok(LATER, &["backup", copy.to_str().expect("utf-8")]);
        std::fs::rename(&copy, &db.path).expect("move the backup over the file");
        let before = snapshot(&db.path);
        refused_as_replaced(mark(&mut app, "T0002"));
        assert_eq!(snapshot(&db.path), before, "the new file changed");
        // The message says so in both languages.
        let e = mark(&mut app, "T0003").expect_err("refused");
        let zh = peixun::i18n::error(peixun::i18n::Lang::Zh, &e);
        assert!(zh.contains("数据库文件已被删除或替换,未保存"), "{zh}");
        let en = peixun::i18n::error(peixun::i18n::Lang::En, &e);
        assert!(en.contains("removed or replaced"), "{en}");
    }

    #[test]
    fn a_removed_file_is_never_written_even_by_a_reader_turning_writer() {
        let db = Db::new();
        school(&db, 4, &["2025-09-10"]);
        // Opened for reading: its first change opens the file for writing.
        let mut app = open(&db);
        std::fs::remove_file(&db.path).expect("remove");
        refused_as_replaced(mark(&mut app, "T0002"));
        // And one opened for writing, whose directory then goes.
        let db = Db::new();
        school(&db, 4, &["2025-09-10"]);
        let mut app = open(&db);
        mark(&mut app, "T0001").expect("first mark");
        let moved = tempfile::tempdir().expect("dir");
        std::fs::rename(&db.path, moved.path().join("elsewhere.redb")).expect("move");
        refused_as_replaced(mark(&mut app, "T0002"));
    }
}
