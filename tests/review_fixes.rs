//! What a review of the release binary found, each through the binary:
//! a suggestion only for a real near group, a plan's unknown group named
//! by file, row and column, a roll closed with nobody absent, English
//! counts, `publish --list` without a term, full-width ids on the command
//! line.

mod common;

use common::{Db, SETUP};

/// A school with 张三 in 语文, 李四 in 数学 and the autumn term.
fn school() -> Db {
    let db = Db::new();
    db.ok(SETUP, &["init"]);
    db.ok(SETUP, &["teacher", "add", "T0001", "张三", "语文"]);
    db.ok(SETUP, &["teacher", "add", "T0002", "李四", "数学"]);
    db.ok(
        SETUP,
        &["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"],
    );
    db
}

/// `session add` of a session for `group`, refused: its one line.
fn refused_for(db: &Db, group: &str) -> String {
    let args = format!("session add 2025-09-10 15:30 16:30 教研 --groups {group}");
    db.refused(None, SETUP, &args.split(' ').collect::<Vec<_>>())
}

#[test]
fn a_group_is_suggested_only_where_one_is_near() {
    let db = school();
    let line = refused_for(&db, "体育");
    assert!(!line.contains("did you mean"), "{line}");
    assert!(line.contains("the groups are: 数学, 语文"), "{line}");
    let line = refused_for(&db, "语文教研组");
    assert!(line.contains("did you mean 语文?"), "{line}");
}

#[test]
fn a_plan_row_for_an_unknown_group_names_the_file_row_and_column() {
    let db = school();
    let plan = db.file("plan.csv");
    std::fs::write(
        &plan,
        "日期,开始,结束,主题,参加对象\n2025-09-10,15:30,16:30,教研,语文\n2025-09-11,15:30,16:30,教研,英语\n",
    )
    .expect("write the plan");
    let plan = plan.to_string_lossy();
    let args = ["import", "plan", &plan, "--term", "2025-autumn"];
    let out = db.run(None, SETUP, &args);
    assert!(!out.status.success());
    let err = common::text(&out.stderr);
    assert!(err.contains("plan.csv: 1 bad cell; nothing"), "{err}");
    assert!(err.contains("row 3, column E (参加对象)"), "{err}");
    assert!(err.contains("no teacher is in the group \"英语\""), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
    assert!(db.ok(SETUP, &["session", "list"]).lines().count() <= 1);
}

#[test]
fn closing_a_roll_with_nobody_absent_says_so() {
    let db = school();
    db.ok(
        SETUP,
        &["session", "add", "2025-09-10", "15:30", "16:30", "教研"],
    );
    let now = "2025-09-10T15:31";
    db.ok(now, &["roll", "first", "1", "T0001", "T0002"]);
    db.ok(now, &["roll", "second", "1"]);
    db.ok(now, &["roll", "end-second", "1"]);
    let out = common::command_in("zh", &db.path, None, now, &["roll", "close", "1"])
        .output()
        .expect("run");
    assert_eq!(common::text(&out.stdout).trim(), "已保存,无人旷工");
    db.ok(now, &["roll", "reopen", "1", "--reason", "重点"]);
    let closed = db.ok(now, &["roll", "close", "1"]);
    assert_eq!(closed.trim(), "saved; nobody absent");
}

#[test]
fn english_counts_agree_with_their_number() {
    let db = school();
    db.ok(SETUP, &["teacher", "add", "T0003", "王五", "语文"]);
    let file = db.file("roster.csv");
    std::fs::write(&file, "工号,姓名,教研组\nT0001,张三,语文\n").expect("write");
    let file = file.to_string_lossy();
    let out = db.ok(SETUP, &["import", "teachers", &file]);
    assert!(
        out.contains("2 teachers are not in this file: T0002 李四, T0003 王五"),
        "{out}"
    );
    std::fs::write(
        db.file("roster.csv"),
        "工号,姓名,教研组\nT0001,张三,语文\nT0002,李四,数学\n",
    )
    .expect("write");
    let out = db.ok(SETUP, &["import", "teachers", &file]);
    assert!(
        out.contains("1 teacher is not in this file: T0003 王五"),
        "{out}"
    );
}

/// The top-level help offers `publish --list`: without `--term` it lists
/// every term's publications, each with its term.
#[test]
fn publish_list_without_a_term_lists_every_term() {
    let db = school();
    db.ok(
        SETUP,
        &["term", "add", "2025-spring", "2026-02-20", "2026-07-10"],
    );
    let later = "2026-07-20T10:00";
    db.ok(later, &["publish", "--term", "2025-autumn"]);
    db.ok(later, &["publish", "--term", "2025-spring"]);
    let all = db.ok(later, &["publish", "--list"]);
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 3, "{all}");
    assert!(lines[0].starts_with("term"), "{all}");
    assert!(lines[1].starts_with("2025-autumn  1"), "{all}");
    assert!(lines[2].starts_with("2025-spring  1"), "{all}");
    let one = db.ok(later, &["publish", "--list", "--term", "2025-spring"]);
    assert_eq!(one.lines().count(), 2, "{one}");
    assert!(one.starts_with("number"), "{one}");
    db.refused(None, later, &["publish"]);
}

/// `T０００１` typed with full-width digits is T0001 on the command line as
/// in imports and `teacher add`: found by `lookup`, and by the commands
/// that take a teacher.
#[test]
fn full_width_ids_on_the_command_line_are_the_same_teacher() {
    let db = school();
    let found = db.ok(SETUP, &["lookup", "T０００１"]);
    assert!(found.contains("T0001") && found.contains("张三"), "{found}");
    let found = db.ok(SETUP, &["lookup", "Ｔ０００２"]);
    assert!(found.contains("T0002") && found.contains("李四"), "{found}");
    let record = db.ok(SETUP, &["record", "T０００１"]);
    assert!(record.starts_with("T0001 张三"), "{record}");
    db.ok(SETUP, &["teacher", "edit", "T０００１", "--grade", "初一"]);
    let history = db.ok(SETUP, &["history", "--teacher", "T０００１"]);
    assert!(history.contains("grade group: — → 初一"), "{history}");
}
