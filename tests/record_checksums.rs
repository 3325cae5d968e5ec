//! Records carry their own checksum (issue 15): a changed byte inside one is
//! damage named with its table and key, by `check` and by whatever reads it;
//! a file of schema 2 (records without one) gains them at its next open.

mod common;

use common::*;
use peixun::store::tables::*;
use redb::{Key, ReadableDatabase, ReadableTable, TableDefinition};

const NOW: &str = "2025-09-10T15:31";

/// A school with a little of everything a one-shot command reads.
fn busy_school() -> Db {
    let db = Db::new();
    let s = school(&db, 6, &["2025-09-10", "2025-09-17"]);
    db.ok(NOW, &["teacher", "add", "T0099", "卢芳芳", "语文"]);
    db.ok(NOW, &["roll", "first", &s[0], "T0001", "T0002", "T0099"]);
    db.ok(
        NOW,
        &[
            "leave",
            "request",
            "T0003",
            "sick",
            "--sessions",
            &s[1],
            "--reason",
            "发烧",
        ],
    );
    db
}

/// What the commands print, to compare before and after.
fn outputs(path: &std::path::Path) -> Vec<String> {
    let ok = |args: &[&str]| expect_ok(run_on(path, None, LATER, args), args);
    vec![
        ok(&["teacher", "list"]),
        ok(&["standings", "--term", "2025-autumn", "--json"]),
        ok(&["lookup", "卢"]),
        ok(&["record", "T0099"]),
        ok(&["history"]),
        ok(&["credit", "list"]),
        ok(&["leave", "list", "--all"]),
    ]
}

/// Turns every format-2 value of `def` back into format 1 (no checksum).
fn strip<K: Key + 'static>(
    txn: &redb::WriteTransaction,
    def: TableDefinition<K, &'static [u8]>,
    skip: &[&[u8]],
) {
    let mut t = txn.open_table(def).expect("table");
    let mut rows: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for row in t.iter().expect("iter") {
        let (k, v) = row.expect("row");
        let key = K::as_bytes(&k.value()).as_ref().to_vec();
        if skip.contains(&key.as_slice()) {
            continue;
        }
        let v = v.value();
        assert_eq!(v[0], 2, "a record not in format 2");
        let mut old = vec![1u8];
        old.extend_from_slice(&v[5..]);
        rows.push((key, old));
    }
    for (k, v) in &rows {
        t.insert(K::from_bytes(k), v.as_slice()).expect("insert");
    }
}

fn open_raw(path: &std::path::Path) -> redb::Database {
    let mut b = redb::Builder::new();
    b.set_concurrency_mode(redb::ConcurrencyMode::MultiWriter);
    b.open(path).expect("open with redb")
}

/// Every value of the record tables, as stored.
fn first_bytes(path: &std::path::Path) -> Vec<u8> {
    let db = open_raw(path);
    let r = db.begin_read().expect("read");
    let mut out = Vec::new();
    macro_rules! firsts {
        ($($t:ident),*) => {$(
            for row in r.open_table($t).expect("table").iter().expect("iter") {
                out.push(row.expect("row").1.value()[0]);
            }
        )*};
    }
    firsts!(
        TEACHERS, TERMS, SESSIONS, FACTS, LEAVES, ACCOUNTS, HISTORY, TALLIES
    );
    out
}

#[test]
fn a_schema_2_file_gains_checksums_at_its_next_open_and_reads_the_same() {
    let db = busy_school();
    let before = outputs(&db.path);
    {
        let rdb = open_raw(&db.path);
        let txn = rdb.begin_write().expect("write");
        strip(&txn, META, &[b"app", b"schema", b"generation", b"sound"]);
        macro_rules! strip_all {
            ($($t:ident),*) => {$( strip(&txn, $t, &[]); )*};
        }
        strip_all!(
            TEACHERS,
            TERMS,
            SESSIONS,
            FACTS,
            LEAVES,
            ACCOUNTS,
            HISTORY,
            TALLIES,
            PUBLISHED,
            EXTERNAL_CREDITS,
            MAKEUPS,
            YEAR_FILES,
            MENTORS,
            QUALIFICATIONS,
            FUNDS
        );
        {
            let mut meta = txn.open_table(META).expect("meta");
            meta.remove("sound").expect("remove");
            meta.insert("schema", 2u32.to_le_bytes().as_slice())
                .expect("schema");
        }
        txn.commit().expect("commit");
    }
    assert!(first_bytes(&db.path).iter().all(|&b| b == 1));

    // Reading reads the file as it is, writing nothing; the first change
    // upgrades it.
    assert_eq!(outputs(&db.path), before);
    assert!(first_bytes(&db.path).iter().all(|&b| b == 1));
    db.ok(NOW, &["roll", "first", "1", "T0003"]);
    assert!(first_bytes(&db.path).iter().all(|&b| b == 2));
    {
        let rdb = open_raw(&db.path);
        let r = rdb.begin_read().expect("read");
        let meta = r.open_table(META).expect("meta");
        let v = meta.get("schema").expect("get").expect("schema");
        assert_eq!(
            v.value(),
            peixun::store::SCHEMA_VERSION.to_le_bytes().as_slice()
        );
    }
    let check = db.ok(LATER, &["check"]);
    assert!(check.contains("no problems"), "{check}");
    db.ok(NOW, &["roll", "first", "1", "T0004"]);
    assert!(db.ok(LATER, &["check"]).contains("no problems"));
}

/// Writes 王 over 卢 in the teacher record of T0099 (not in the names
/// index, nor in the history), in the file's bytes.
fn forge_name(path: &std::path::Path) {
    let mut raw = std::fs::read(path).expect("read");
    let mut pattern = b"\x05T0099\x09".to_vec();
    pattern.extend_from_slice("卢芳芳".as_bytes());
    let at: Vec<usize> = raw
        .windows(pattern.len())
        .enumerate()
        .filter(|(_, w)| *w == pattern.as_slice())
        .map(|(i, _)| i)
        .collect();
    assert!(!at.is_empty(), "the teacher record was not found");
    for i in at {
        raw[i + 7..i + 10].copy_from_slice("王".as_bytes());
    }
    std::fs::write(path, raw).expect("write");
}

#[test]
fn a_changed_name_inside_a_record_is_damage_named_by_check_and_by_readers() {
    let db = busy_school();
    forge_name(&db.path);
    let before = std::fs::read(&db.path).expect("read");
    let out = db.run(None, LATER, &["check"]);
    assert!(!out.status.success(), "check passed a forged record");
    let said = text(&out.stderr);
    assert!(
        said.contains("table `teachers` at key T0099"),
        "check should name the record:\n{said}"
    );
    for args in [
        &["teacher", "list"][..],
        &["record", "T0099"],
        &["standings", "--term", "2025-autumn"],
        &["roll", "first", "2", "T0099"],
    ] {
        let line = expect_refused(db.run(None, LATER, args), args);
        assert!(
            line.contains("teachers") && line.contains("T0099"),
            "{args:?}: {line}"
        );
        assert!(
            !line.contains("王"),
            "{args:?} showed the forged name: {line}"
        );
    }
    assert_eq!(std::fs::read(&db.path).expect("read"), before);
    // A backup refuses it, naming the damage.
    let copy = db.file("copy.redb");
    let args = ["backup", copy.to_str().expect("utf-8")];
    let line = expect_refused(db.run(None, LATER, &args), &args);
    assert!(
        line.contains("teachers") && line.contains("T0099"),
        "{line}"
    );
    assert!(!copy.exists());
}
