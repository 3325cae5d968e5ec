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
