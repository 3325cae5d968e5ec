//! What the one-shot commands read, made smaller (issue 26, "One-shot
//! costs"), still gives the same answers: a lookup that finds nobody is
//! believed only where the names it scanned agree with the teachers'
//! checksummed records (else the file is verified, and damage is said as
//! such); a leave request warns about the same teacher's overlapping
//! requests, and only those, from that teacher's requests alone.

mod common;

use common::*;

const NOW: &str = "2026-01-15T12:00";

fn demo(db: &Db) {
    let out = run_on(
        &db.path,
        None,
        NOW,
        &["demo", "--teachers", "12", "--years", "1"],
    );
    expect_ok(out, &["demo"]);
}

/// A lookup that finds nobody on a sound file says so in one line, in both
/// languages, and never calls the file damaged.
#[test]
fn a_lookup_that_finds_nobody_on_a_sound_file_says_nobody() {
    let db = Db::new();
    demo(&db);
    let before = std::fs::read(&db.path).expect("read");
    let line = expect_refused(
        run_on(&db.path, None, NOW, &["lookup", "不存在"]),
        &["lookup"],
    );
    assert!(line.contains("no teacher `不存在`"), "{line}");
    let zh = expect_refused(
        command_in("zh", &db.path, None, NOW, &["lookup", "不存在"])
            .output()
            .expect("run"),
        &["lookup"],
    );
    assert!(zh.contains("没有工号或姓名为 不存在 的教师"), "{zh}");
    assert!(!zh.contains("损坏"), "{zh}");
    assert_eq!(std::fs::read(&db.path).expect("read"), before);
    // A teacher who may see only themselves finds nobody else, the same way.
    db.ok(
        NOW,
        &[
            "account",
            "set",
            "t2",
            "--roles",
            "teacher",
            "--teacher",
            "T0002",
        ],
    );
    let before = std::fs::read(&db.path).expect("read");
    let other = expect_refused(
        run_on(&db.path, Some("t2"), NOW, &["lookup", "廖强"]),
        &["lookup", "as a teacher"],
    );
    assert!(other.contains("no teacher `廖强`"), "{other}");
    assert_eq!(std::fs::read(&db.path).expect("read"), before);
}

/// A name changed on the page of the names a lookup scans (not in the
/// teacher's own record) makes the lookup of that name miss. The miss is
/// not believed: the names disagree with the teachers' records, so the file
/// is verified and reported as damaged, and nothing is written.
#[test]
fn a_miss_caused_by_a_changed_name_on_the_names_page_is_reported_as_damage() {
    let db = Db::new();
    demo(&db);
    let mut raw = std::fs::read(&db.path).expect("read");
    let name = "廖强".as_bytes();
    let mut changed = 0;
    let mut at = 0;
    while let Some(i) = raw[at..].windows(name.len()).position(|w| w == name) {
        let i = at + i;
        at = i + name.len();
        // Skip the teacher's own record (postcard: the name's length just
        // before it) and the history's JSON (a quote just before it).
        let before = raw[i - 1];
        if before == name.len() as u8 || before == b'"' {
            continue;
        }
        // One byte of the last character: still valid UTF-8 (强 → 弻).
        raw[i + name.len() - 1] ^= 0x01;
        changed += 1;
    }
    assert!(changed > 0, "the names page holds 廖强");
    std::fs::write(&db.path, &raw).expect("write");

    for lang in ["en", "zh"] {
        let line = expect_refused(
            command_in(lang, &db.path, None, NOW, &["lookup", "廖强"])
                .output()
                .expect("run"),
            &["lookup", lang],
        );
        assert!(
            line.contains("damaged") || line.contains("已损坏"),
            "{lang}: a miss on a damaged names page must say the file is damaged: {line}"
        );
        assert!(!line.contains("no teacher"), "{line}");
        assert!(!line.contains("没有工号或姓名"), "{line}");
    }
    assert_eq!(
        std::fs::read(&db.path).expect("read"),
        raw,
        "nothing written"
    );
}

/// `Reader::names_agree`, the check a miss relies on, against rows changed
/// with redb directly (whole pages that still verify): a changed name, a
/// missing name, an extra name and a record under another key all make it
/// false; the demo file as made makes it true.
#[test]
fn names_agree_only_where_every_name_is_its_teachers() {
    use peixun::store::tables::{NAMES, TEACHERS};
    use redb::ReadableTable;

    let agree = |path: &std::path::Path| {
        peixun::store::Store::open_read(path)
            .expect("open")
            .read()
            .expect("read")
            .names_agree()
            .expect("names_agree")
    };
    let edit = |path: &std::path::Path, f: &dyn Fn(&redb::WriteTransaction)| {
        let mut b = redb::Builder::new();
        b.set_concurrency_mode(redb::ConcurrencyMode::MultiWriter);
        let rdb = b.open(path).expect("open with redb");
        let txn = rdb.begin_write().expect("write");
        f(&txn);
        txn.commit().expect("commit");
    };
    let db = Db::new();
    demo(&db);
    let raw = std::fs::read(&db.path).expect("read");
    assert!(agree(&db.path), "the demo file's names are its teachers'");

    type Change = Box<dyn Fn(&redb::WriteTransaction)>;
    let changes: Vec<(&str, Change)> = vec![
        (
            "a changed name",
            Box::new(|txn| {
                let mut t = txn.open_table(NAMES).expect("names");
                t.insert("T0001", "廖弻").expect("insert");
            }),
        ),
        (
            "a missing name",
            Box::new(|txn| {
                let mut t = txn.open_table(NAMES).expect("names");
                t.remove("T0012").expect("remove");
            }),
        ),
        (
            "an extra name",
            Box::new(|txn| {
                let mut t = txn.open_table(NAMES).expect("names");
                t.insert("T9999", "无名").expect("insert");
            }),
        ),
        (
            "a record under another key",
            Box::new(|txn| {
                let mut t = txn.open_table(TEACHERS).expect("teachers");
                let t2 = t
                    .get("T0002")
                    .expect("get")
                    .expect("T0002")
                    .value()
                    .to_vec();
                t.insert("T0003", t2.as_slice()).expect("insert");
            }),
        ),
    ];
    for (what, change) in changes {
        std::fs::write(&db.path, &raw).expect("restore");
        edit(&db.path, &*change);
        assert!(!agree(&db.path), "{what}: names_agree said yes");
    }

    // A teacher record that fails its checksum is an error naming it.
    std::fs::write(&db.path, &raw).expect("restore");
    edit(&db.path, &|txn| {
        let mut t = txn.open_table(TEACHERS).expect("teachers");
        let mut v = t
            .get("T0004")
            .expect("get")
            .expect("T0004")
            .value()
            .to_vec();
        let last = v.len() - 1;
        v[last] ^= 0x01;
        t.insert("T0004", v.as_slice()).expect("insert");
    });
    let err = peixun::store::Store::open_read(&db.path)
        .expect("open")
        .read()
        .expect("read")
        .names_agree()
        .expect_err("a record that fails its checksum");
    assert!(err.to_string().contains("T0004"), "{err}");
}

/// The note after a leave request names the same teacher's other open or
/// approved requests that overlap it (read through that teacher's own
/// requests), never the new one itself nor another teacher's.
#[test]
fn a_leave_request_warns_of_the_same_teachers_overlaps_only() {
    let db = Db::new();
    let _ = school(&db, 2, &["2025-09-10"]);
    let request = |who: &str, from: &str, to: &str| {
        db.ok(
            "2025-09-05T10:00",
            &[
                "leave",
                "request",
                who,
                "personal",
                "--from",
                from,
                "--to",
                to,
                "--reason",
                "家中有事",
            ],
        )
    };
    let other = last_number(&request(
        &teacher(2),
        "2025-09-10T08:00",
        "2025-09-10T18:00",
    ));
    let first = request(&teacher(1), "2025-09-10T08:00", "2025-09-10T11:30");
    assert!(
        !first.contains("overlaps"),
        "nothing of T1's to overlap: {first}"
    );
    let first = last_number(&first);
    let second = request(&teacher(1), "2025-09-10T09:00", "2025-09-10T12:00");
    let id = last_number(&second);
    let note = second
        .lines()
        .find(|l| l.contains("overlaps these leave requests"))
        .unwrap_or_else(|| panic!("no overlap note: {second}"));
    // "…: 2 (personal, …); 5 (…)": the ids the note names.
    let (_, list) = note.split_once("requests: ").expect("a list");
    let named: Vec<&str> = list
        .split("; ")
        .filter_map(|item| item.split_once(" (").map(|(n, _)| n))
        .collect();
    assert_eq!(named, [first.as_str()], "{note}");
    assert_ne!(id, other);
    // A later request that overlaps nothing of the teacher's gets no note.
    let apart = request(&teacher(1), "2025-09-11T08:00", "2025-09-11T09:00");
    assert!(!apart.contains("overlaps"), "{apart}");
}

/// Flips one byte of every `what` in the file that `keep` does not
/// exclude (by the byte before it), in live and old pages alike. Returns
/// the changed bytes.
fn flip(path: &std::path::Path, what: &[u8], keep: impl Fn(u8) -> bool) -> Vec<u8> {
    let mut raw = std::fs::read(path).expect("read");
    let mut at = 0;
    let mut changed = 0;
    while let Some(i) = raw[at..].windows(what.len()).position(|w| w == what) {
        let i = at + i;
        at = i + what.len();
        if keep(raw[i - 1]) {
            continue;
        }
        raw[i + what.len() - 1] ^= 0x01;
        changed += 1;
    }
    assert!(
        changed > 0,
        "{} is not in the file",
        String::from_utf8_lossy(what)
    );
    std::fs::write(path, &raw).expect("write");
    raw
}

/// `record` (and every command naming a teacher) for an id nobody has is
/// the data's answer where the names agree with the teachers' records, as a
/// lookup miss is (issue 26): the file is not verified page by page to
/// believe it (a command that writes still verifies a file whose proof of
/// soundness does not hold before it opens it for writing). Shown by a page damaged where the answer does not read (the
/// history): the refusal still says "no teacher", while `check` finds the
/// damage. Where the names themselves were changed, the miss is not
/// believed: the file is verified and said to be damaged.
#[test]
fn a_record_for_nobody_is_believed_without_verifying_the_whole_file() {
    let db = Db::new();
    demo(&db);
    // The reason of the demo's own history entry.
    let raw = flip(&db.path, b"demo school generated", |_| false);
    for (lang, nobody) in [
        ("en", "no teacher `T9999`"),
        ("zh", "没有工号或姓名为 T9999 的教师"),
    ] {
        for args in [
            &["record", "T9999"][..],
            &["history", "--teacher", "T9999"][..],
        ] {
            let line = expect_refused(
                command_in(lang, &db.path, None, NOW, args)
                    .output()
                    .expect("run"),
                args,
            );
            assert!(line.contains(nobody), "{lang} {args:?}: {line}");
        }
    }
    let check = run_on(&db.path, None, NOW, &["check"]);
    assert!(!check.status.success(), "check finds the damaged page");
    assert_eq!(
        std::fs::read(&db.path).expect("read"),
        raw,
        "nothing written"
    );

    let db = Db::new();
    demo(&db);
    let name = "廖强".as_bytes();
    let raw = flip(&db.path, name, |b| b == name.len() as u8 || b == b'"');
    let line = expect_refused(
        run_on(&db.path, None, NOW, &["record", "廖强"]),
        &["record"],
    );
    assert!(line.contains("damaged"), "{line}");
    assert_eq!(
        std::fs::read(&db.path).expect("read"),
        raw,
        "nothing written"
    );
}
