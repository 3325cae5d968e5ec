//! Hostile input through the real binary: values without bounds, invisible
//! and control characters, absurd spreadsheets, numbers that would wrap,
//! duplicate columns. Each is refused with one clear line and exit code 1,
//! changes nothing, and never aborts; docs/io.md lists the limits.

mod common;

use common::*;
use std::path::Path;

const NOW: &str = "2025-09-05T10:00";

/// A school of two teachers and one session.
fn school2() -> Db {
    let db = Db::new();
    school(&db, 2, &["2025-09-10"]);
    db
}

/// The command is refused with exit code 1 and one line (in English and
/// in Chinese) and changes nothing; the English line holds `want`.
#[track_caller]
fn refused(db: &Db, args: &[&str], want: &str) -> String {
    let line = db.refused(None, NOW, args);
    let out = db.run(None, NOW, args);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {line}");
    assert!(
        line.contains(want),
        "{args:?}: {line:?} should say {want:?}"
    );
    assert!(line.chars().count() < 400, "{args:?}: a long line: {line}");
    let zh = command_in("zh", &db.path, None, NOW, args)
        .output()
        .expect("run");
    assert_eq!(zh.status.code(), Some(1));
    let zh = expect_refused(zh, args);
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{zh}"
    );
    line
}

/// A file refused: exit code 1, nothing changed; a refused file lists its
/// bad cells one per line below the line that names it. Returns the text.
#[track_caller]
fn refused_file(db: &Db, args: &[&str], want: &str) -> String {
    let before = db.snapshot();
    let commits = generation(&db.path);
    let out = db.run(None, NOW, args);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(text(&out.stdout), "", "{args:?}");
    assert!(err.starts_with("peixun: "), "{err}");
    assert!(err.contains(want), "{args:?}: {err:?} should say {want:?}");
    assert!(err.chars().count() < 600, "{args:?}: a long message: {err}");
    assert_eq!(commits, generation(&db.path));
    assert_eq!(before, db.snapshot());
    err
}

fn write(path: &Path, bytes: &[u8]) -> String {
    std::fs::write(path, bytes).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn an_xlsx_that_claims_a_cell_at_xfd1048576_is_refused_not_read() {
    let db = school2();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "工号").expect("cell");
    ws.write_string(0, 1, "姓名").expect("cell");
    ws.write_string(0, 2, "教研组").expect("cell");
    ws.write_string(1, 0, "T9").expect("cell");
    ws.write_string(1, 1, "王五").expect("cell");
    ws.write_string(1, 2, "语文").expect("cell");
    ws.write_string(1_048_575, 16_383, "x").expect("cell");
    let bytes = wb.save_to_buffer().expect("xlsx");
    assert!(bytes.len() < 8_000, "{} bytes", bytes.len());
    let f = write(&db.file("huge.xlsx"), &bytes);
    let line = refused(&db, &["import", "teachers", &f], "XFD1048576");
    assert!(line.contains("100000 rows"), "{line}");
}

#[test]
fn a_long_id_and_a_long_name_in_a_file_are_refused_naming_row_and_column() {
    let db = school2();
    let id = "T".repeat(1_000_000);
    let f = write(
        &db.file("long-id.csv"),
        format!("工号,姓名,教研组\n{id},王五,语文\n").as_bytes(),
    );
    let line = refused_file(&db, &["import", "teachers", &f], "too long");
    assert!(line.contains("row 2, column A"), "{line}");
    assert!(line.contains("at most 32"), "{line}");
    let name = "王".repeat(350_000);
    let f = write(
        &db.file("long-name.csv"),
        format!("工号,姓名,教研组\nT9,{name},语文\n").as_bytes(),
    );
    let line = refused_file(&db, &["import", "teachers", &f], "at most 64");
    assert!(line.contains("row 2, column B"), "{line}");
}

#[test]
fn long_values_on_the_command_line_are_refused() {
    let db = school2();
    let id = "T".repeat(100_000);
    refused(&db, &["teacher", "add", &id, "王五", "语文"], "at most 32");
    let name = "王".repeat(65);
    refused(&db, &["teacher", "add", "T9", &name, "语文"], "at most 64");
    let reason = "x".repeat(1_001);
    refused(
        &db,
        &[
            "leave",
            "request",
            "T0001",
            "personal",
            "--from",
            "2025-09-10",
            "--reason",
            &reason,
        ],
        "at most 1000",
    );
    let title = "t".repeat(201);
    refused(
        &db,
        &["session", "add", "2025-09-11", "15:30", "16:30", &title],
        "at most 200",
    );
}

#[test]
fn control_zero_width_and_bidi_characters_are_refused_in_ids_and_names() {
    let db = school2();
    refused(
        &db,
        &["teacher", "add", "T0\u{200b}09", "王五", "语文"],
        "invisible",
    );
    refused(
        &db,
        &["teacher", "add", "T9", "王\u{202e}五", "语文"],
        "invisible",
    );
    refused(
        &db,
        &["teacher", "add", "../../x", "王五", "语文"],
        "ids hold",
    );
    refused(
        &db,
        &["teacher", "add", "T9", "王\u{1b}[2J五", "语文"],
        "control",
    );
    refused(
        &db,
        &[
            "leave",
            "request",
            "T0001",
            "personal",
            "--from",
            "2025-09-10",
            "--reason",
            "\u{1b}]52;c;eA==\u{7}",
        ],
        "control",
    );
    // NUL cannot be given as an argument; a file can hold it.
    let f = write(
        &db.file("nul.csv"),
        "工号,姓名,教研组\nG\u{0}002,王五,语文\n".as_bytes(),
    );
    refused_file(&db, &["import", "teachers", &f], "U+0000");
}

#[test]
fn note_characters_that_would_wrap_the_year_are_refused() {
    let db = school2();
    refused(
        &db,
        &["notes", "set", "T0001", "2025-autumn", "4294967295"],
        "at most 1000000",
    );
    db.ok(NOW, &["notes", "set", "T0001", "2025-autumn", "1000000"]);
}

#[test]
fn credits_beyond_the_maximum_are_refused() {
    let db = school2();
    refused(
        &db,
        &[
            "session",
            "add",
            "2025-09-11",
            "15:30",
            "16:30",
            "Big",
            "--credits",
            "400000000",
        ],
        "at most 1000",
    );
}

#[test]
fn a_file_with_two_id_columns_is_refused_naming_both() {
    let db = school2();
    let f = write(
        &db.file("two-ids.csv"),
        "工号,姓名,教研组,工号\nT9,王五,语文,T10\n".as_bytes(),
    );
    let line = refused(&db, &["import", "teachers", &f], "column A (工号)");
    assert!(line.contains("column D (工号)"), "{line}");
}

#[test]
fn csv_exports_prefix_formula_cells_with_an_apostrophe() {
    let db = school2();
    db.ok(
        NOW,
        &[
            "teacher",
            "add",
            "T9",
            "=HYPERLINK(\"http://x\",\"y\")",
            "@语文",
        ],
    );
    db.ok(NOW, &["teacher", "add", "--", "T10", "+1", "-2"]);
    let f = db.file("roster.csv");
    let fs = f.to_string_lossy().into_owned();
    db.ok(NOW, &["export", "teachers", "--out", &fs]);
    let csv = std::fs::read_to_string(&f).expect("csv");
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(csv.contains(",'@语文"), "{csv}");
    // "+1" and "-2" are plain numbers, no formula: left as they are.
    assert!(csv.contains("T10,+1,-2"), "{csv}");
    // The roster reads back as it was written.
    let back = db.file("back.redb");
    let b = back.to_string_lossy().into_owned();
    expect_ok(
        command(&back, None, SETUP, &["init"])
            .output()
            .expect("run"),
        &["init"],
    );
    expect_ok(
        command(&back, None, NOW, &["import", "teachers", &fs])
            .output()
            .expect("run"),
        &["import"],
    );
    let list = expect_ok(
        command(&back, None, NOW, &["teacher", "list"])
            .output()
            .expect("run"),
        &["list", &b],
    );
    assert!(list.contains("=HYPERLINK(\"http://x\",\"y\")"), "{list}");
    assert!(!list.contains("'="), "{list}");
}
