//! Every word in the user's language, and none in what scripts read: the
//! JSON of `standings` and `lookup` is the same bytes whatever the
//! language, carrying codes and numbers instead of sentences.

mod common;

use common::*;

/// A demo school (two years, with reasons and deductions to report).
fn demo() -> Db {
    let db = Db::new();
    let out = command(
        &db.path,
        None,
        "2026-11-26T15:00",
        &["demo", "--teachers", "30"],
    )
    .output()
    .expect("run");
    expect_ok(out, &["demo"]);
    db
}

/// `args` in `lang`, with LANG saying the other language.
fn json_in(db: &Db, lang: &str, args: &[&str]) -> String {
    let other = if lang == "zh" {
        "en_US.UTF-8"
    } else {
        "zh_CN.UTF-8"
    };
    let out = command_in(lang, &db.path, None, "2026-11-26T15:00", args)
        .env("LANG", other)
        .output()
        .expect("run");
    expect_ok(out, args)
}

#[test]
fn standings_json_is_the_same_bytes_in_every_language() {
    let db = demo();
    let mut worded = 0;
    for args in [
        &["standings", "--json"][..],
        &["standings", "--year", "2025", "--json"],
        &["standings", "--term", "2026-autumn", "--json"],
    ] {
        let zh = json_in(&db, "zh", args);
        let en = json_in(&db, "en", args);
        assert_eq!(zh, en, "{args:?} differs between zh and en");
        let v: serde_json::Value = serde_json::from_str(&zh).expect("JSON");
        for row in v.as_array().expect("rows") {
            for r in row["reasons"].as_array().expect("reasons") {
                assert!(r["code"].is_string(), "a reason without a code: {r}");
            }
            for d in row["deductions"].as_array().expect("deductions") {
                assert!(d["code"].is_string() && d["points"].is_u64(), "{d}");
                worded += 1;
            }
            worded += row["reasons"].as_array().map_or(0, Vec::len);
        }
    }
    assert!(
        worded > 0,
        "the demo gave no reason or deduction to compare"
    );
}

#[test]
fn lookup_json_is_the_same_bytes_in_every_language() {
    let db = demo();
    let args = &["lookup", "T0001", "--json"];
    assert_eq!(json_in(&db, "zh", args), json_in(&db, "en", args));
}

/// A term of work through the command line: most actions the program
/// records, each at least once (the demo adds its own).
fn busy_school() -> Db {
    let db = Db::new();
    let s = school(&db, 6, &["2025-09-10", "2025-09-17", "2025-09-24"]);
    let (s1, s2) = (s[0].as_str(), s[1].as_str());
    let ok = |now: &str, args: &[&str]| {
        db.ok(now, args);
    };
    ok(SETUP, &["account", "set", "leader1", "--roles", "leader"]);
    ok(SETUP, &["school", "阳光小学"]);
    ok(
        "2025-09-01T09:00",
        &[
            "leave",
            "request",
            "T0005",
            "personal",
            "--sessions",
            s2,
            "--reason",
            "家里有事",
            "--note",
        ],
    );
    db.ok_as(
        "leader1",
        "2025-09-02T09:00",
        &["leave", "approve", "1", "--comment", "同意"],
    );
    ok(
        "2025-09-01T09:00",
        &[
            "leave",
            "request",
            "T0006",
            "personal",
            "--sessions",
            s2,
            "--reason",
            "感冒",
        ],
    );
    ok("2025-09-01T09:10", &["leave", "evidence", "2", "--note"]);
    db.ok_as(
        "leader1",
        "2025-09-02T09:00",
        &["leave", "reject", "2", "--comment", "材料不全"],
    );
    ok(
        "2025-09-01T09:00",
        &[
            "leave",
            "request",
            "T0004",
            "personal",
            "--sessions",
            s2,
            "--reason",
            "有事",
        ],
    );
    ok("2025-09-01T09:30", &["leave", "withdraw", "3"]);
    ok("2025-09-10T15:31", &["roll", "first", s1, "T0001", "T0002"]);
    ok("2025-09-10T15:36", &["roll", "second", s1, "T0003"]);
    ok("2025-09-10T15:37", &["roll", "undo", s1]);
    ok("2025-09-10T15:40", &["roll", "end-second", s1]);
    ok(
        "2025-09-10T15:42",
        &["roll", "arrive", s1, "T0004", "--at", "15:42"],
    );
    ok(
        "2025-09-10T16:10",
        &["roll", "leave", s1, "T0001", "--at", "16:10"],
    );
    ok("2025-09-10T16:40", &["roll", "close", s1]);
    ok(
        "2025-09-10T17:00",
        &[
            "roll",
            "correct",
            s1,
            "T0006",
            "--reason",
            "点名时漏记",
            "--first",
            "--second",
        ],
    );
    ok(
        "2025-10-01T09:00",
        &[
            "credit",
            "add",
            "T0001",
            "--date",
            "2025-09-20",
            "--title",
            "区级培训",
            "--credits",
            "2",
            "--card",
            "K1",
        ],
    );
    ok(
        "2025-10-01T09:05",
        &["credit", "edit", "1", "--title", "区级骨干培训"],
    );
    ok("2025-10-01T09:10", &["credit", "submit", "1"]);
    ok("2025-10-01T09:20", &["credit", "report", "1"]);
    ok(
        "2025-10-01T09:30",
        &["notes", "set", "T0001", "2025-autumn", "3000"],
    );
    ok(
        "2025-10-01T09:31",
        &["archive", "set", "T0001", "--has", "plan,notes"],
    );
    ok(
        "2025-10-01T09:32",
        &[
            "qualification",
            "set",
            "T0001",
            "bachelor",
            "--major",
            "中文",
        ],
    );
    ok("2025-10-01T09:33", &["mentor", "add", "T0001", "T0002"]);
    ok("2025-10-01T09:34", &["mentor", "remove", "T0001", "T0002"]);
    ok(
        "2025-10-01T09:35",
        &["funds", "set", "--public", "100000", "--training", "12000"],
    );
    ok("2025-12-31T09:00", &["publish", "--term", "2025-autumn"]);
    let f = db.file("more.csv");
    std::fs::write(&f, "工号,姓名,教研组\nT0001,张三,语文\nT0009,新人,数学\n").expect("csv");
    ok(
        "2025-12-31T09:10",
        &["import", "teachers", &f.to_string_lossy()],
    );
    db
}

#[test]
fn the_history_is_in_words_in_both_languages_for_every_action() {
    use peixun::i18n::HistoryAction;
    let db = busy_school();
    let json = db.ok(LATER, &["history", "--json"]);
    let entries: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    let mut recorded: Vec<String> = entries
        .iter()
        .map(|e| e["action"].as_str().expect("an action key").to_string())
        .collect();
    recorded.sort();
    recorded.dedup();
    for key in &recorded {
        assert!(
            HistoryAction::from_key(key).is_some(),
            "the program recorded {key:?}, which has no words"
        );
    }
    assert!(recorded.len() >= 28, "only {recorded:?}");
    for lang in ["zh", "en"] {
        let out = command_in(lang, &db.path, None, LATER, &["history"])
            .output()
            .expect("run");
        let text = expect_ok(out, &["history"]);
        for line in text.lines() {
            assert!(!line.contains('{'), "{lang}: JSON in {line:?}");
            for a in HistoryAction::ALL {
                if a.key().contains('.') {
                    assert!(!line.contains(a.key()), "{lang}: a key in {line:?}");
                }
            }
            for rust in [
                "NotStarted",
                "FirstCall",
                "Pending",
                "Approved",
                "group_passed",
                "self_assessed",
            ] {
                assert!(!line.contains(rust), "{lang}: {rust} in {line:?}");
            }
        }
        if lang == "zh" {
            assert!(text.contains("待审批 → 已批准"), "{text}");
            assert!(text.contains("到达时间: — → 15:42"), "{text}");
        } else {
            assert!(text.contains("pending → approved"), "{text}");
        }
    }
}
