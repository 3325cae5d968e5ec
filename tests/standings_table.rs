//! The standings columns come from one table (`sheets::columns`, issue 24):
//! every column the table gives the terminal app, the CLI table, the JSON
//! and the export shows there, under its header, with its cell. The test
//! walks the table, so a column added to it and left out of any output
//! fails here.

use crossterm::event::KeyCode;
use peixun::i18n::{self, Lang};
use peixun::io::columns::{COLUMNS, Col};
use peixun::io::export::{StandingsSheet, standings_csv, standings_xlsx};
use std::collections::HashSet;

mod common;
use common::tui::{at, fixture, press, screen};

/// Every `Col`: the match fails to compile when one is added and not
/// listed here.
fn every_col() -> Vec<Col> {
    #[allow(dead_code)]
    fn exhaustive(c: Col) {
        use Col::*;
        match c {
            Id | Name | Group | Grade | Present | Late | Early | Absent | Official | Personal
            | Sick | Credits | CreditsRequired | Points | NoteChars | Archive | MakeUps
            | Result | Note | Changed | Deducted | InReview | CreditWarning => (),
        }
    }
    use Col::*;
    vec![
        Id,
        Name,
        Group,
        Grade,
        Present,
        Late,
        Early,
        Absent,
        Official,
        Personal,
        Sick,
        Credits,
        CreditsRequired,
        Points,
        NoteChars,
        Archive,
        MakeUps,
        Result,
        Note,
        Changed,
        Deducted,
        InReview,
        CreditWarning,
    ]
}

#[test]
fn every_column_has_one_entry_and_its_own_places() {
    let cols: Vec<Col> = COLUMNS.iter().map(|c| c.col).collect();
    let unique: HashSet<Col> = cols.iter().copied().collect();
    assert_eq!(unique.len(), cols.len(), "a column twice: {cols:?}");
    for c in every_col() {
        assert!(cols.contains(&c), "{c:?} has no entry in the table");
    }
    let screen: HashSet<u16> = COLUMNS
        .iter()
        .filter_map(|c| c.shown.as_ref().map(|s| s.at))
        .collect();
    let shown = COLUMNS.iter().filter(|c| c.shown.is_some()).count();
    assert_eq!(screen.len(), shown, "two columns at one place on screen");
    let export: HashSet<u16> = COLUMNS
        .iter()
        .filter_map(|c| c.export.as_ref().map(|e| e.at))
        .collect();
    let exported = COLUMNS.iter().filter(|c| c.export.is_some()).count();
    assert_eq!(
        export.len(),
        exported,
        "two columns at one place in the export"
    );
    for c in COLUMNS {
        assert!(
            c.shown.is_some() || c.export.is_some(),
            "{:?} is shown nowhere",
            c.col
        );
        assert!(!c.json.is_empty(), "{:?} is not in the JSON", c.col);
    }
}

#[test]
fn every_counted_category_has_its_column() {
    for c in peixun::core::Category::ALL {
        let col = peixun::io::columns::column_of(*c);
        let counted = !matches!(
            c,
            peixun::core::Category::NotRequired | peixun::core::Category::Pending
        );
        assert_eq!(col.is_some(), counted, "{c:?}");
        if let Some(col) = col {
            let entry = COLUMNS.iter().find(|x| x.col == col);
            assert!(
                entry.is_some_and(|e| e.shown.is_some() && e.export.is_some()),
                "{c:?}: its column {col:?} is not on the screen and in the export"
            );
        }
    }
}

/// The value at a dotted path of a JSON object, if the key is there.
fn at_path<'a>(v: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    path.split('.').try_fold(v, |v, k| v.as_object()?.get(k))
}

#[test]
fn every_column_shows_in_the_screen_the_cli_table_the_json_and_the_export() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 8);
        press(&mut m, KeyCode::Char('3'));
        let rows = m.screens.standings.rows.clone();
        assert!(rows.len() >= 8, "{lang:?}: {} rows", rows.len());

        // The terminal app, wide enough that nothing gives way: the
        // headers in the table's screen order, every row's cells.
        let lines = screen(&m, 2000, 40);
        let head = lines
            .iter()
            .find(|l| l.contains(Col::Id.header(lang)) && l.contains(Col::Name.header(lang)))
            .cloned()
            .unwrap_or_default();
        let mut shown: Vec<_> = COLUMNS
            .iter()
            .filter_map(|c| c.shown.as_ref().map(|s| (s.at, c.col, s)))
            .collect();
        shown.sort_by_key(|(at, _, _)| *at);
        let mut from = 0;
        for (_, col, s) in &shown {
            let h = s.header.get(lang);
            let found = head[from..].find(h);
            assert!(
                found.is_some(),
                "{lang:?}: screen lacks {col:?} ({h}):\n{head}"
            );
            from += found.unwrap_or(0) + h.len();
        }
        let text = lines.join("\n");
        for r in &rows {
            let line = lines
                .iter()
                .find(|l| l.contains(&r.teacher.id.0) && l.contains(&r.teacher.name))
                .cloned()
                .unwrap_or_default();
            for (_, col, s) in &shown {
                let cell = i18n::shown(&(s.cell)(r, lang)).into_owned();
                assert!(
                    line.contains(&cell),
                    "{lang:?}: screen lacks {col:?} {cell:?}:\n{text}"
                );
            }
        }

        // The CLI table: its headers in the table's order, every cell.
        let table = peixun::cli::output::standings_table(&rows, lang);
        let head = table.lines().next().unwrap_or_default();
        let mut from = 0;
        for c in COLUMNS {
            if let Some(s) = &c.shown {
                let h = s.header.get(lang);
                let found = head[from..].find(h);
                assert!(
                    found.is_some(),
                    "{lang:?}: CLI lacks {:?} ({h}):\n{head}",
                    c.col
                );
                from += found.unwrap_or(0) + h.len();
            }
        }
        for r in &rows {
            let line = table
                .lines()
                .find(|l| l.starts_with(&r.teacher.id.0))
                .unwrap_or_default();
            for c in COLUMNS {
                if let Some(s) = &c.shown {
                    let cell = i18n::shown(&(s.cell)(r, lang)).into_owned();
                    assert!(
                        line.contains(&cell),
                        "{lang:?}: CLI lacks {:?} {cell:?}",
                        c.col
                    );
                }
            }
        }

        // The JSON: every column's keys.
        for r in &rows {
            let v = serde_json::to_value(peixun::cli::output::standing_json(r)).unwrap_or_default();
            for c in COLUMNS {
                for key in c.json {
                    assert!(
                        at_path(&v, key).is_some(),
                        "JSON lacks {key} ({:?}): {v}",
                        c.col
                    );
                }
            }
        }

        // The export: each exported column's header at its place in the
        // .csv and the .xlsx, and its value in every row.
        let Some(period) = m.screens.standings.period else {
            panic!("{lang:?}: no period shown");
        };
        let sheet = StandingsSheet {
            school: None,
            period,
            rows: &rows,
            published: None,
            exported: at(16, 0),
            lang,
        };
        let mut exported: Vec<_> = COLUMNS
            .iter()
            .filter_map(|c| c.export.as_ref().map(|e| (e.at, c.col, e)))
            .collect();
        exported.sort_by_key(|(at, _, _)| *at);
        let bytes = standings_csv(&sheet, peixun::io::Encoding::Utf8);
        let csv_text = String::from_utf8_lossy(&bytes)
            .trim_start_matches('\u{feff}')
            .to_string();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv_text.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
        assert_eq!(records.len(), rows.len() + 1, "{lang:?}: {csv_text}");
        for (i, (_, col, e)) in exported.iter().enumerate() {
            assert_eq!(
                records[0].get(i),
                Some(e.header.get(lang)),
                "{lang:?}: export header of {col:?}"
            );
            for (r, rec) in rows.iter().zip(&records[1..]) {
                let want = (e.value)(r, lang).csv();
                assert_eq!(rec.get(i), Some(want.as_str()), "{lang:?}: export {col:?}");
            }
        }
        let xlsx = standings_xlsx(&sheet, "s.xlsx", &mut |_, _| {}).unwrap_or_default();
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx))
            .unwrap_or_else(|e| {
                panic!("{lang:?}: the .xlsx does not open: {e}");
            });
        use calamine::Reader;
        let range = wb
            .worksheet_range_at(0)
            .and_then(Result::ok)
            .unwrap_or_default();
        for (i, (_, col, e)) in exported.iter().enumerate() {
            let got = range
                .get_value((2, i as u32))
                .map(|c| c.to_string())
                .unwrap_or_default();
            assert_eq!(got, e.header.get(lang), "{lang:?}: .xlsx header of {col:?}");
        }
    }
}
