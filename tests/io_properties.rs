//! Property tests of the file formats: any roster written by the export
//! (xlsx, CSV in UTF-8 and in GBK, either language's headers) reads back
//! as the same roster, whatever the names hold (commas, quotes, CJK, and a
//! leading = + - @ that the CSV export guards with an apostrophe; line
//! breaks are refused in names, see tests/hostile_input.rs); and no byte
//! string makes the readers panic.

use chrono::NaiveDate;
use peixun::core::{Teacher, TeacherId};
use peixun::i18n::Lang;
use peixun::io::export::{RosterSheet, roster_csv, roster_xlsx};
use peixun::io::{Encoding, parse_plan_bytes, parse_roster_bytes};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Text a school might type into a cell: no surrounding spaces (cells are
/// trimmed), possibly commas, quotes, formula signs or CJK.
fn cell_text() -> impl Strategy<Value = String> {
    "[=+@a-zA-Z0-9张王李赵欧阳语文数学七年级,\"' -]{1,10}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("non-empty", |s| !s.is_empty())
}

/// Text a person types into a CSV: as `cell_text`, but not an apostrophe
/// before a formula sign, which spreadsheets (and the import) read as the
/// sign alone.
fn typed_text() -> impl Strategy<Value = String> {
    cell_text().prop_filter("no guarded formula", |s| {
        !(s.starts_with('\'') && s.trim_start_matches('\'').starts_with(['=', '+', '-', '@']))
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..4000)
        .prop_map(|d| NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Duration::days(d))
}

fn teacher(id: String) -> impl Strategy<Value = Teacher> {
    (
        cell_text(),
        cell_text(),
        proptest::option::of(cell_text()),
        proptest::option::of(date()),
        proptest::option::of(0i64..2000),
    )
        .prop_map(move |(name, group, grade, from, days)| {
            let to = match (from, days) {
                (Some(f), Some(d)) => Some(f + chrono::Duration::days(d)),
                (None, Some(d)) => {
                    Some(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(d))
                }
                _ => None,
            };
            Teacher {
                id: TeacherId(id.clone()),
                // Names as they are kept: spaces padding a Chinese name
                // dropped (issue 25).
                name: peixun::core::tidy_name(&name),
                group,
                grade,
                active_from: from,
                active_to: to,
                from_time: None,
                past_groups: Vec::new(),
            }
        })
}

fn roster() -> impl Strategy<Value = Vec<Teacher>> {
    proptest::collection::btree_set("[A-Z]{1,2}[0-9]{1,5}", 1..25)
        .prop_flat_map(|ids| ids.into_iter().map(teacher).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn exported_rosters_read_back_the_same(teachers in roster(), en in any::<bool>()) {
        let lang = if en { Lang::En } else { Lang::Zh };
        let files = [
            ("r.xlsx", roster_xlsx(&RosterSheet { school: None, teachers: &teachers, exported: chrono::NaiveDateTime::default(), lang }, "r.xlsx").unwrap()),
            ("r.csv", roster_csv(&teachers, lang, Encoding::Utf8)),
            ("g.csv", roster_csv(&teachers, lang, Encoding::Gbk)),
        ];
        for (name, bytes) in files {
            let back = parse_roster_bytes(name, &bytes);
            prop_assert_eq!(back.as_ref(), Ok(&teachers), "{}", name);
        }
    }

    #[test]
    fn no_bytes_make_the_readers_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = parse_roster_bytes("x", &bytes);
        let _ = parse_plan_bytes("x", &bytes);
    }

    #[test]
    fn csv_cells_shuffled_by_a_person_still_parse(rows in proptest::collection::vec(
        ("[A-Z][0-9]{1,4}", typed_text(), typed_text()), 1..20)) {
        // Columns in another order than the export's, with extra columns.
        let mut unique = BTreeMap::new();
        for (id, name, group) in rows {
            unique.entry(id).or_insert((name, group));
        }
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["备注", "姓名", "教研组", "性别", "工号"]).unwrap();
        for (id, (name, group)) in &unique {
            w.write_record(["", name, group, "女", id]).unwrap();
        }
        let bytes = w.into_inner().unwrap();
        let back = parse_roster_bytes("p.csv", &bytes).unwrap();
        prop_assert_eq!(back.len(), unique.len());
        for t in back {
            let (name, group) = &unique[&t.id.0];
            prop_assert_eq!(&t.name, &peixun::core::tidy_name(name));
            prop_assert_eq!(&t.group, group);
        }
    }
}
