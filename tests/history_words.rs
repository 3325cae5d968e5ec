//! The history in words through the binary: a change of group says the new
//! group and its first day, a policy change names each setting, and the
//! files released builds wrote (tests/data/landed) read without "another
//! field" where the field is known.

mod common;

use common::Db;

#[test]
fn a_change_of_group_reads_as_words_in_both_languages() {
    let db = Db::new();
    db.ok("2026-09-01T10:00", &["init"]);
    db.ok(
        "2026-09-01T10:00",
        &["teacher", "add", "T0001", "张三", "语文"],
    );
    db.ok(
        "2026-12-04T11:00",
        &["teacher", "edit", "T0001", "--group", "数学"],
    );
    let en = db.ok("2026-12-04T12:00", &["history"]);
    let line = en.lines().last().expect("a line");
    assert!(
        line.contains("teaching group: 语文 → 数学 (from 2026-12-04)"),
        "{en}"
    );
    assert!(!line.contains("another field"), "{en}");
    let zh = common::command_in("zh", &db.path, None, "2026-12-04T12:00", &["history"])
        .output()
        .expect("run");
    let zh = common::text(&zh.stdout);
    let line = zh.lines().last().expect("a line");
    assert!(line.contains("教研组: 语文 → 数学(2026-12-04 起)"), "{zh}");
    assert!(!line.contains("其他项"), "{zh}");
}

#[test]
fn a_policy_change_names_each_setting() {
    let db = Db::new();
    db.ok("2026-09-01T10:00", &["init"]);
    let shown = db.ok("2026-09-01T10:00", &["policy", "show"]);
    let changed = shown
        .replace("unqualified_absences = 3", "unqualified_absences = 5")
        .replace("attend = 2", "attend = 3")
        .replace("late_percent = 100", "late_percent = 80")
        .replace("year_start = \"09-01\"", "year_start = \"08-25\"");
    let file = db.file("policy.toml");
    std::fs::write(&file, changed).expect("write");
    db.ok(
        "2026-09-01T11:00",
        &["policy", "set", file.to_str().expect("path")],
    );
    let en = db.ok("2026-09-01T12:00", &["history"]);
    let line = en.lines().last().expect("a line");
    for said in [
        "absences that make unqualified: 3 → 5",
        "points for attending: 2 → 3",
        "credits for a late arrival (%): 100 → 80",
        "first day of the academic year: 09-01 → 08-25",
    ] {
        assert!(line.contains(said), "{said} in {line}");
    }
    assert!(!line.contains("another field"), "{line}");
}

#[test]
fn landed_files_history_names_every_field() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/landed");
    for commit in ["65a027b", "d44f7f8", "fb2a684"] {
        let dir = root.join(commit);
        let name = if dir.join("peixun.redb").exists() {
            "peixun.redb"
        } else {
            "school.redb"
        };
        let tmp = tempfile::tempdir().expect("dir");
        let db = tmp.path().join(name);
        std::fs::copy(dir.join(name), &db).expect("copy");
        for (lang, other) in [("zh", "其他项"), ("en", "another field")] {
            let out = common::command_in(lang, &db, None, "2025-10-23T08:00", &["history"])
                .output()
                .expect("run");
            assert!(out.status.success(), "{}", common::text(&out.stderr));
            let text = common::text(&out.stdout);
            assert!(!text.contains(other), "{commit} {lang}:\n{text}");
        }
    }
}
