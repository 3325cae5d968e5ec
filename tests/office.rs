//! Files saved by a real office suite (issue 19): the spreadsheets in
//! tests/data/office/ were written by LibreOffice Calc from the sheets that
//! tests/data/office/make.sh describes (run it again to remake them; CI does
//! not). Each test runs the real program on them: a total row and a footer
//! end the data, 工号 formatted 0000 read as shown in every format, .ods
//! times, the record .xlsx typed, a GBK round trip that would lose 𠮷, a
//! re-import with nothing new leaving the database file as it was, and
//! hidden and filtered rows left out and named.

mod common;

use calamine::{Data, DataType, Reader, Xlsx};
use common::{Db, SETUP, command_in, expect_ok, generation};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/office")
        .join(name)
}

fn path(name: &str) -> String {
    data(name).display().to_string()
}

/// A new school with the autumn term of 2025.
fn school() -> Db {
    let db = Db::new();
    db.ok(SETUP, &["init"]);
    db.ok(
        SETUP,
        &["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"],
    );
    db
}

/// A refused import: a failure, nothing on stdout, no commit and nothing
/// a user can see changed. Returns what it said (one line a bad cell).
fn refused(db: &Db, args: &[&str]) -> String {
    let (commits, before) = (generation(&db.path), db.snapshot());
    let out = db.run(None, SETUP, args);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{args:?} should be refused");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout; {said}");
    assert!(said.starts_with("peixun: "), "{said}");
    assert_eq!(commits, generation(&db.path), "{args:?} committed");
    assert_eq!(before, db.snapshot(), "{args:?} changed the database");
    said
}

/// The ids of `teacher list`, in its order.
fn ids(db: &Db) -> Vec<String> {
    db.ok(SETUP, &["teacher", "list"])
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Rows the office hid (Format > Rows > Hide: a departed teacher) or that
/// an autofilter leaves out are not what the person saving the file sees:
/// they are not imported, and the summary names each by row and id, in
/// both languages (issue 25).
#[test]
fn hidden_and_filtered_rows_are_skipped_and_named_in_both_languages() {
    for (file, kept) in [
        ("roster_hidden.xlsx", ["T1", "T3"]),
        ("roster_hidden.ods", ["T1", "T3"]),
        ("roster_filtered.xlsx", ["T1", "T3"]),
        ("roster_filtered.ods", ["T1", "T3"]),
        ("roster_hidden.xls", ["T1", "T3"]),
        ("roster_filtered.xls", ["T1", "T3"]),
    ] {
        let db = school();
        let said = db.ok(SETUP, &["import", "teachers", &path(file)]);
        assert!(
            said.contains("2 added")
                && said.contains(
                    "2 hidden or filtered rows skipped (not imported): row 3 T2, row 5 T4"
                ),
            "{file}: {said}"
        );
        assert_eq!(ids(&db), kept, "{file}");
        let db = school();
        let args = ["import", "teachers", &path(file)];
        let said = expect_ok(
            command_in("zh", &db.path, None, SETUP, &args)
                .output()
                .expect("run"),
            &args,
        );
        assert!(
            said.contains("跳过 2 个隐藏或筛选掉的行(未导入):第 3 行 T2、第 5 行 T4"),
            "{file}: {said}"
        );
        assert_eq!(ids(&db), kept, "{file}");
    }
}

#[test]
fn a_total_row_and_a_footer_end_the_data_in_every_format() {
    for file in [
        "roster_total.xlsx",
        "roster_total.xls",
        "roster_total.ods",
        "roster_total.csv",
    ] {
        let db = school();
        let said = db.ok(SETUP, &["import", "teachers", &path(file)]);
        assert!(
            said.contains("3 added")
                && said.contains("row 5 is a total row, skipped, with the 1 row(s) below it"),
            "{file}: {said}"
        );
        assert_eq!(ids(&db), ["0007", "0012", "0013"], "{file}");
        // The summary in Chinese, as the issue asks.
        let db = school();
        let args = ["import", "teachers", &path(file)];
        let said = expect_ok(
            command_in("zh", &db.path, None, SETUP, &args)
                .output()
                .expect("run"),
            &args,
        );
        assert!(said.contains("第 5 行为合计行,已跳过"), "{file}: {said}");
    }
    let db = school();
    let said = db.ok(SETUP, &["import", "teachers", &path("roster_footer.xlsx")]);
    assert!(
        said.contains("2 added") && said.contains("row 4 is a footer"),
        "{said}"
    );
    assert_eq!(ids(&db), ["T1", "T2"]);
}

#[test]
fn ids_keep_the_leading_zeros_the_sheet_shows_in_every_format() {
    let db = school();
    let said = db.ok(SETUP, &["import", "teachers", &path("roster_total.xlsx")]);
    assert!(said.contains("3 added"), "{said}");
    // The same sheet saved as .xls, .ods and CSV: the same three teachers.
    for file in ["roster_total.xls", "roster_total.ods", "roster_total.csv"] {
        let said = db.ok(SETUP, &["import", "teachers", &path(file)]);
        assert!(said.contains("nothing new (3 unchanged)"), "{file}: {said}");
    }
    assert_eq!(ids(&db), ["0007", "0012", "0013"]);
    // A sheet where 张三's 工号 is the plain number 12: refused, naming both.
    let line = refused(&db, &["import", "teachers", &path("roster_plain.xlsx")]);
    assert!(
        line.contains("row 2, column A (工号): `12`")
            && line.contains("leading zeros")
            && line.contains("0012 张三"),
        "{line}"
    );
    assert_eq!(ids(&db), ["0007", "0012", "0013"]);
}

#[test]
fn ods_times_are_read_as_times() {
    let db = school();
    let args = [
        "import",
        "plan",
        &path("plan_times.ods"),
        "--term",
        "2025-autumn",
    ];
    let said = db.ok(SETUP, &args);
    assert!(
        said.contains("2 added") && said.contains("row 4 is a total row"),
        "{said}"
    );
    let list = db.ok(SETUP, &["session", "list"]);
    assert!(
        list.contains("2025-09-10  15:30-16:30  师德讲座  2"),
        "{list}"
    );
    assert!(
        list.contains("2025-09-17  14:00-15:30  课堂观察  1.5"),
        "{list}"
    );
    // The same sheet saved as .xlsx is the same plan.
    let said = db.ok(
        SETUP,
        &[
            "import",
            "plan",
            &path("plan_times.xlsx"),
            "--term",
            "2025-autumn",
        ],
    );
    assert!(said.contains("nothing new (2 unchanged)"), "{said}");
}

#[test]
fn the_record_xlsx_stores_numbers_and_dates_as_such() {
    let db = Db::new();
    db.ok(
        "2026-11-26T15:35",
        &["demo", "--teachers", "4", "--seed", "7"],
    );
    let out = db.file("record.xlsx");
    db.ok(
        "2026-11-26T15:35",
        &[
            "export",
            "record",
            "T0001",
            "--out",
            out.to_str().expect("utf-8 path"),
        ],
    );
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).expect("open the record");
    let r = wb
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("read the sheet");
    let (mut lines, mut credits) = (0, 0.0);
    for row in 3.. {
        let Some(id) = r.get_value((row, 0)).filter(|d| !d.is_empty()) else {
            break;
        };
        assert!(
            matches!(id, Data::Float(_) | Data::Int(_)),
            "row {row}: session {id:?}"
        );
        let date = r.get_value((row, 1));
        assert!(
            matches!(date, Some(Data::DateTime(_))),
            "row {row}: date {date:?}"
        );
        match r.get_value((row, 5)) {
            Some(Data::Float(x)) => credits += x,
            Some(Data::Int(x)) => credits += *x as f64,
            other => panic!("row {row}: credits {other:?}"),
        }
        assert!(matches!(r.get_value((row, 3)), Some(Data::String(_))));
        lines += 1;
    }
    assert!(
        lines > 0 && credits > 0.0,
        "{lines} lines, {credits} credits"
    );
}

#[test]
fn a_gbk_file_that_cannot_hold_a_stored_name_is_refused() {
    let db = school();
    let said = db.ok(
        SETUP,
        &["import", "teachers", &path("roster_rare_utf8.csv")],
    );
    assert!(said.contains("2 added"), "{said}");
    let list = db.ok(SETUP, &["teacher", "list"]);
    assert!(list.contains("吉𠮷"), "{list}");
    // The same sheet saved as GBK by LibreOffice: 吉𠮷 became 吉?.
    let line = refused(&db, &["import", "teachers", &path("roster_rare_gbk.csv")]);
    assert!(
        line.contains("row 2, column B (姓名): `吉?`") && line.contains("吉𠮷"),
        "{line}"
    );
    assert_eq!(db.ok(SETUP, &["teacher", "list"]), list);
}

/// The GBK file again, into a school that does not know 吉𠮷 yet: the new
/// name `吉?` is refused like a changed one (issue 25), in both languages,
/// and nothing is imported; so is a rename of a stored teacher to it.
#[test]
fn a_new_name_a_gbk_file_cannot_hold_is_refused() {
    let db = school();
    let file = path("roster_rare_gbk.csv");
    let line = refused(&db, &["import", "teachers", &file]);
    assert!(
        line.contains("row 2, column B (姓名): `吉?`")
            && line.contains("the file's encoding cannot hold them"),
        "{line}"
    );
    assert!(ids(&db).is_empty());
    let args = ["import", "teachers", file.as_str()];
    let out = command_in("zh", &db.path, None, SETUP, &args)
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success()
            && said.contains("第 2 行 B 列(姓名):“吉?” 有问号代替了字:文件的编码存不下这些字"),
        "{said}"
    );
    // T1 known by another name: the file would rename them to 吉?.
    db.ok(SETUP, &["teacher", "add", "T1", "张三", "语文"]);
    let line = refused(&db, &["import", "teachers", &file]);
    assert!(line.contains("`吉?`"), "{line}");
    assert_eq!(ids(&db), ["T1"]);
}

#[test]
fn a_reimport_with_nothing_new_leaves_the_file_byte_for_byte() {
    let db = school();
    db.ok(SETUP, &["import", "teachers", &path("roster_total.xlsx")]);
    db.ok(
        SETUP,
        &[
            "import",
            "plan",
            &path("plan_times.ods"),
            "--term",
            "2025-autumn",
        ],
    );
    let before = std::fs::read(&db.path).expect("read the database");
    for args in [
        &["import", "teachers", &path("roster_total.xlsx")][..],
        &["import", "teachers", &path("roster_total.csv")],
        &[
            "import",
            "plan",
            &path("plan_times.xlsx"),
            "--term",
            "2025-autumn",
        ],
    ] {
        let said = db.ok(SETUP, args);
        assert!(said.contains("nothing new"), "{args:?}: {said}");
        let after = std::fs::read(&db.path).expect("read the database");
        assert!(before == after, "{args:?} changed the database file");
    }
    // A refused import does not touch it either.
    refused(&db, &["import", "teachers", &path("roster_plain.xlsx")]);
    let after = std::fs::read(&db.path).expect("read the database");
    assert!(
        before == after,
        "a refused import changed the database file"
    );
}
