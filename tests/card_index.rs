//! The credit-card index (issue 20: card numbers are unique, checked
//! without scanning every entry): a file of schema 5 gains it at its next
//! writable open, built from the entries it holds; `check` finds an index
//! that disagrees with `external_credits`.
//!
//! Like tests/cli.rs these run as root: `init` makes root the office.

mod common;

use common::{Db, run_on, text};
use redb::{ReadableDatabase, TableDefinition};

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
const CREDIT_CARDS: TableDefinition<(&str, u32), ()> = TableDefinition::new("credit_cards");
const SETUP: &str = "2025-08-25T09:00";
const NOV: &str = "2025-11-20T10:00";

fn credit(teacher: &str, card: &str) -> Vec<String> {
    [
        "credit",
        "add",
        teacher,
        "--date",
        "2025-10-10",
        "--title",
        "县级培训",
        "--credits",
        "3",
        "--card",
        card,
    ]
    .map(String::from)
    .to_vec()
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// T1 and T2, the autumn term of 2025; entry 1 (T1, card C-1) and entry 2
/// (T2, card C-2, removed by the office: its card is free again).
fn school() -> Db {
    let db = Db::new();
    db.ok(SETUP, &["init"]);
    db.ok(SETUP, &["teacher", "add", "T1", "王芳", "语文"]);
    db.ok(SETUP, &["teacher", "add", "T2", "李强", "数学"]);
    db.ok(
        SETUP,
        &["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"],
    );
    db.ok(NOV, &args(&credit("T1", "C-1")));
    db.ok(NOV, &args(&credit("T2", "C-2")));
    db.ok(NOV, &["credit", "remove", "2", "--reason", "录错了"]);
    db
}

fn schema(db: &Db) -> Vec<u8> {
    let file = redb::Database::open(&db.path).expect("open");
    let r = file.begin_read().expect("read");
    let meta = r.open_table(META).expect("meta");
    let v = meta.get("schema").expect("get").expect("schema");
    v.value().to_vec()
}

#[test]
fn a_schema_5_file_gains_the_card_index_built_from_its_entries() {
    let db = school();
    // Turn it into a schema-5 file: no card index, the old version.
    {
        let file = redb::Database::open(&db.path).expect("open");
        let txn = file.begin_write().expect("write");
        txn.delete_table(CREDIT_CARDS).expect("delete");
        txn.open_table(META)
            .expect("meta")
            .insert("schema", 5u32.to_le_bytes().as_slice())
            .expect("schema");
        txn.commit().expect("commit");
    }
    // The first change upgrades the file (reading does not): the removed
    // entry's card is free.
    db.ok(NOV, &args(&credit("T2", "C-2")));
    assert_eq!(
        schema(&db),
        peixun::store::SCHEMA_VERSION.to_le_bytes().to_vec()
    );
    // A card entry 1 holds is refused for another teacher: the index was
    // built at the upgrade from the entries already there.
    let line = db.refused(None, NOV, &args(&credit("T2", " C-1 ")));
    assert!(line.contains("C-1") && line.contains('1'), "{line}");
    let check = db.ok(NOV, &["check"]);
    assert!(!check.is_empty());
    // An edit moves the card in the index: C-1 is free once entry 1 moves.
    db.ok(NOV, &["credit", "edit", "1", "--card", "C-9"]);
    db.ok(NOV, &args(&credit("T2", "C-1")));
    db.refused(None, NOV, &args(&credit("T1", "C-9")));
    db.ok(NOV, &["check"]);
}

#[test]
fn check_finds_a_card_index_that_disagrees_with_the_entries() {
    let db = school();
    db.ok(NOV, &["check"]);
    {
        let file = redb::Database::open(&db.path).expect("open");
        let txn = file.begin_write().expect("write");
        {
            let mut t = txn.open_table(CREDIT_CARDS).expect("cards");
            t.remove(("C-1", 1)).expect("remove");
            t.insert(("C-2", 2), ()).expect("insert");
        }
        txn.commit().expect("commit");
    }
    let out = run_on(&db.path, None, NOV, &["check"]);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(!out.status.success(), "check passed: {said}");
    assert!(
        said.contains("credit_cards") && said.contains("C-1/1") && said.contains("C-2/2"),
        "{said}"
    );
    // Left as it was found: check writes nothing.
    let again = run_on(&db.path, None, NOV, &["check"]);
    assert!(!again.status.success());
    assert_eq!(text(&again.stderr), text(&out.stderr));
}
