//! Finding teachers as people type them (issue 19): ü typed as `v` or `u`,
//! zh/ch/sh as initials, surnames by their surname reading, and the best
//! match first — exact name, name prefix, full pinyin of the usual reading,
//! initials, then rare readings and matches inside the given name.

mod common;

use chrono::NaiveDateTime;
use common::{Db, SETUP, expect_refused};
use peixun::app::{App, accounts};
use peixun::io::Encoding;
use proptest::prelude::*;
use serde_json::Value;

const ROSTER: &[(&str, &str)] = &[
    ("T01", "张伟"),
    ("T02", "张伟华"),
    ("T03", "李张伟"),
    ("T04", "吕明"),
    ("T05", "路明"),
    ("T06", "张三"),
    ("T07", "欧阳乐天"),
    ("T08", "欧阳乐"),
    ("T09", "单明"),
    ("T10", "曾明"),
    ("T11", "岑明"),
    ("T12", "种立浩"),
    ("T13", "闾丘明"),
    ("T14", "朴正"),
    ("T15", "解放"),
    ("T16", "吕长"),
    ("T17", "路长怡"),
    // Issue 27: a whole name spelled in full before a longer name it
    // starts (史丽华 before 石丽 in id order).
    ("T18", "史丽华"),
    ("T19", "石丽"),
    ("T20", "叶璐明"),
    ("T21", "叶绿"),
    // Issue 27: 覃 is read qin or tan by the families who bear it; 沈 has
    // a rare reading tan. 解 is xie as a surname and jie as a word; 杰颖
    // spells jieyi after its surname. 罗 is luo, which `lu` only begins.
    ("T22", "沈颖"),
    ("T23", "覃英"),
    ("T24", "段杰颖"),
    ("T25", "解怡"),
    ("T26", "罗佳"),
    ("T27", "卢伟"),
];

fn school() -> Db {
    let db = Db::new();
    db.ok(SETUP, &["init"]);
    db.ok(
        SETUP,
        &["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"],
    );
    let mut csv = String::from("工号,姓名,教研组\n");
    for (id, name) in ROSTER {
        csv.push_str(&format!("{id},{name},语文\n"));
    }
    let file = db.file("roster.csv");
    std::fs::write(&file, csv).expect("write roster");
    db.ok(
        SETUP,
        &["import", "teachers", file.to_str().expect("utf-8 path")],
    );
    db
}

/// (id, match) of each row `lookup QUERY --json` prints, in order.
fn lookup(db: &Db, query: &str) -> Vec<(String, String)> {
    let out = db.ok("2025-09-02T09:00", &["lookup", query, "--json"]);
    let rows: Vec<Value> = serde_json::from_str(&out).expect("JSON array");
    rows.iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap_or_default().to_string(),
                r["match"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn lookup_table() {
    let db = school();
    let cases: &[(&str, &[(&str, &str)])] = &[
        // ü typed as v or u, in full pinyin and in initials.
        ("lvming", &[("T04", "whole")]),
        (
            "luming",
            &[("T04", "whole"), ("T05", "whole"), ("T20", "other")],
        ),
        // ü typed yu, the other common spelling (issue 27).
        ("lyuming", &[("T04", "whole")]),
        ("lyum", &[("T04", "pinyin")]),
        ("lvm", &[("T04", "pinyin")]),
        (
            "lm",
            &[("T04", "initials"), ("T05", "initials"), ("T20", "other")],
        ),
        ("lvzhang", &[("T16", "whole")]),
        ("lyuzhang", &[("T16", "whole")]),
        // The whole name spelled first, then a name it begins.
        ("luzhang", &[("T16", "whole"), ("T17", "syllables")]),
        ("shili", &[("T19", "whole"), ("T18", "syllables")]),
        ("yelu", &[("T21", "whole"), ("T20", "syllables")]),
        ("lvqiuming", &[("T13", "whole")]),
        ("luqiu", &[("T13", "syllables")]),
        (
            "lü",
            &[
                ("T04", "syllables"),
                ("T13", "syllables"),
                ("T16", "syllables"),
                ("T21", "other"),
            ],
        ),
        // The exact name first, then names beginning with it, then inside.
        (
            "张伟",
            &[("T01", "exact"), ("T02", "prefix"), ("T03", "other")],
        ),
        ("欧阳乐", &[("T08", "exact"), ("T07", "prefix")]),
        ("t06", &[("T06", "exact")]),
        // zh/ch/sh as initials, or their first letter.
        ("zhs", &[("T06", "initials")]),
        ("zs", &[("T06", "initials")]),
        ("zhangs", &[("T06", "pinyin")]),
        ("chlh", &[("T12", "initials")]),
        ("shm", &[("T09", "initials")]),
        // A surname by its surname reading; other readings count as rare.
        ("shanming", &[("T09", "whole")]),
        ("danming", &[("T09", "rare")]),
        ("zengming", &[("T10", "whole")]),
        ("piaozheng", &[("T14", "whole")]),
        ("puzheng", &[("T14", "rare")]),
        ("xiefang", &[("T15", "whole")]),
        ("jiefang", &[("T15", "rare")]),
        // Issue 27, from a 414-name roster checked against an independent
        // pinyin library: the whole name first, then a rare reading from
        // the surname on, then a match after the surname.
        ("tanying", &[("T23", "whole"), ("T22", "rare")]),
        ("qinying", &[("T23", "whole")]),
        ("jieyi", &[("T25", "rare"), ("T24", "other")]),
        ("xieyi", &[("T25", "whole")]),
        // Whole syllables before a syllable cut short: 卢 lu before 罗 luo.
        (
            "lu",
            &[
                ("T04", "syllables"),
                ("T05", "syllables"),
                ("T13", "syllables"),
                ("T16", "syllables"),
                ("T17", "syllables"),
                ("T27", "syllables"),
                ("T26", "pinyin"),
                ("T20", "other"),
                ("T21", "other"),
            ],
        ),
        // A rare reading ranks after the usual ones: 单 as chan, 曾 as
        // ceng, 种 as zhong and 立 as wei; a match inside the given name
        // comes last too.
        (
            "cm",
            &[("T11", "initials"), ("T09", "rare"), ("T10", "rare")],
        ),
        (
            "zw",
            &[
                ("T01", "initials"),
                ("T02", "initials"),
                ("T12", "rare"),
                ("T03", "other"),
            ],
        ),
    ];
    let mut wrong = Vec::new();
    for (query, want) in cases {
        let got = lookup(&db, query);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        if got != want {
            wrong.push(format!("{query}: got {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn one_teacher_wanted_takes_the_exact_name() {
    let db = school();
    let now = "2025-09-02T09:00";
    // 张伟 is exactly one teacher though 张伟华 and 李张伟 contain it.
    let out = db.ok(now, &["record", "张伟"]);
    assert!(out.starts_with("T01 张伟 "), "{out}");
    let out = db.ok(now, &["record", "欧阳乐"]);
    assert!(out.starts_with("T08 欧阳乐 "), "{out}");
    // ü typed as v: 吕明 only (luming also finds 路明, below).
    let out = db.ok(now, &["record", "lvming"]);
    assert!(out.starts_with("T04 吕明 "), "{out}");
    // Equally good matches are still ambiguous, and only those are listed.
    let args = ["record", "张"];
    let line = expect_refused(db.run(None, now, &args), &args);
    assert!(
        line.contains("T01") && line.contains("T02") && line.contains("T06"),
        "{line}"
    );
    assert!(!line.contains("T03"), "{line}");
    let args = ["record", "luming"];
    let line = expect_refused(db.run(None, now, &args), &args);
    assert!(line.contains("T04") && line.contains("T05"), "{line}");
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("time")
}

/// A school with these names (T1, T2, ... in order), made through the app.
fn app_with(names: &[String]) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut app =
        accounts::init(&dir.path().join("p.redb"), "office", at("2025-08-25T09:00")).expect("init");
    let mut csv = String::from("工号,姓名,教研组\n");
    for (i, name) in names.iter().enumerate() {
        csv.push_str(&format!("T{},{name},语文\n", i + 1));
    }
    app.import_teachers(
        "r.csv",
        csv.as_bytes(),
        Encoding::Utf8,
        at("2025-08-25T09:01"),
        &mut |_, _| {},
    )
    .expect("import");
    (dir, app)
}

/// n + ü typed `nyu` as l + ü is typed `lyu` (issue 27).
#[test]
fn nyu_and_lyu_spell_u_umlaut() {
    use peixun::app::lookup::{Match, Query};
    assert_eq!(Query::new("nyuhong").rank("T1", "女红"), Some(Match::Whole));
    assert_eq!(Query::new("nvhong").rank("T1", "女红"), Some(Match::Whole));
    assert_eq!(Query::new("lyu").rank("T1", "吕明"), Some(Match::Syllables));
    assert_eq!(Query::new("ly").rank("T1", "吕明"), Some(Match::Pinyin));
    assert_eq!(Query::new("lyuming").rank("T1", "吕明"), Some(Match::Whole));
    // yu is still yu where the reading has it.
    assert_eq!(Query::new("yuming").rank("T1", "于明"), Some(Match::Whole));
    assert_eq!(Query::new("lyu").rank("T1", "刘明"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A query that spells a whole name in full pinyin (its usual
    /// readings) finds that teacher first: never after a teacher whose name
    /// it spells only in part, or only by a rarer reading (issue 27).
    #[test]
    fn a_whole_name_in_full_pinyin_is_never_below_a_partial_match(
        names in proptest::collection::vec("[张伟华李吕明欧阳王立史丽石叶绿璐]{1,4}", 1..8),
        pick in any::<proptest::sample::Index>(),
    ) {
        use peixun::app::lookup::{Match, Query};
        let name = &names[pick.index(names.len())];
        // The usual reading of each character (the same as a surname).
        let reading = |c: char| match c {
            '张' => "zhang", '伟' => "wei", '华' => "hua", '李' => "li",
            '吕' => "lv", '明' => "ming", '欧' => "ou", '阳' => "yang",
            '王' => "wang", '立' => "li", '史' => "shi", '丽' => "li",
            '石' => "shi", '叶' => "ye", '绿' => "lv", '璐' => "lu",
            _ => "?",
        };
        let query: String = name.chars().map(reading).collect();
        let q = Query::new(&query);
        let mine = q.rank("T", name);
        prop_assert_eq!(mine, Some(Match::Whole), "{} by {}", name, query);
        for other in &names {
            if let Some(m) = q.rank("T", other) {
                prop_assert!(
                    mine <= Some(m),
                    "{} ({:?}) below {} ({:?}) for {}",
                    name, mine, other, m, query
                );
            }
        }
    }

    /// A query spelling the first characters of a name in whole syllables
    /// ranks that name as `Syllables` at least, and above every name whose
    /// last syllable it only begins (`lu`: 卢伟 before 罗佳; issue 27).
    #[test]
    fn whole_syllables_rank_above_a_syllable_cut_short(
        names in proptest::collection::vec("[卢罗伟佳张伟李吕明王史石]{2,4}", 1..8),
        pick in any::<proptest::sample::Index>(),
        take in 1usize..2,
    ) {
        use peixun::app::lookup::{Match, Query};
        let name = &names[pick.index(names.len())];
        let reading = |c: char| match c {
            '卢' => "lu", '罗' => "luo", '伟' => "wei", '佳' => "jia",
            '张' => "zhang", '李' => "li", '吕' => "lv", '明' => "ming",
            '王' => "wang", '史' => "shi", '石' => "shi",
            _ => "?",
        };
        let query: String = name.chars().take(take).map(reading).collect();
        let q = Query::new(&query);
        let mine = q.rank("T", name);
        prop_assert!(mine <= Some(Match::Syllables), "{} by {}: {:?}", name, query, mine);
        for other in &names {
            if q.rank("T", other) == Some(Match::Pinyin) {
                prop_assert!(mine < Some(Match::Pinyin), "{} below {} for {}", name, other, query);
            }
        }
    }

    /// Whatever else a name's characters spell, the teacher named exactly
    /// the query comes first, and is the one `resolve_teacher` picks when
    /// no one else has that name.
    #[test]
    fn an_exact_name_is_always_first(
        names in proptest::collection::vec("[张伟华李单曾吕明乐长欧阳王立朝种]{1,4}", 1..8),
        pick in any::<proptest::sample::Index>(),
    ) {
        let (_dir, app) = app_with(&names);
        let query = &names[pick.index(names.len())];
        let found = app.lookup(query).expect("lookup");
        prop_assert!(!found.is_empty());
        prop_assert_eq!(&found[0].name, query);
        if names.iter().filter(|n| *n == query).count() == 1 {
            let id = app.resolve_teacher(query).expect("resolve");
            prop_assert_eq!(&id, &found[0].id);
        }
    }
}
