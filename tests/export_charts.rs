//! `export standings … --out F.xlsx` writes a chart sheet: per teaching
//! group the figures as live formulas over the standings sheet, and two
//! native Excel charts reading them. The archive is read back as the zip
//! it is, and its cells with calamine.

use calamine::{Data, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

mod common;
use common::{Db, command_in, expect_ok};

const NOW: &str = "2026-11-26T15:35";

fn ok(lang: &str, db: &Path, args: &[&str]) -> String {
    expect_ok(
        command_in(lang, db, None, NOW, args).output().expect("run"),
        args,
    )
}

fn school() -> Db {
    let db = Db::new();
    ok("zh", &db.path, &["demo", "--teachers", "12", "--seed", "7"]);
    db
}

/// The names of the parts in a zip archive.
fn parts(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).expect("open xlsx");
    let zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    zip.file_names()
        .map(|n| n.expect("a part name").into_owned())
        .collect()
}

fn part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("open xlsx");
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("part")
        .read_to_string(&mut text)
        .expect("utf-8 part");
    text
}

fn number(r: &calamine::Range<Data>, row: u32, col: u32) -> f64 {
    match r.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("no number at ({row}, {col}): {other:?}"),
    }
}

fn text(r: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    }
}

/// Per group: (teachers, present, late, absent), summed from the JSON.
fn by_group(json: &str) -> BTreeMap<String, [f64; 4]> {
    let rows: serde_json::Value = serde_json::from_str(json).expect("json");
    let mut out: BTreeMap<String, [f64; 4]> = BTreeMap::new();
    for r in rows.as_array().expect("rows") {
        let g = out
            .entry(r["group"].as_str().expect("group").to_string())
            .or_default();
        g[0] += 1.0;
        g[1] += r["present"].as_f64().expect("present");
        g[2] += r["late"].as_f64().expect("late");
        g[3] += r["absent"].as_f64().expect("absent");
    }
    out
}

#[test]
fn the_xlsx_has_a_chart_sheet_with_native_charts_over_live_cells() {
    let db = school();
    for (lang, sheet) in [("zh", "图表"), ("en", "Charts")] {
        let out = db.file(&format!("s-{lang}.xlsx"));
        let path = out.to_str().expect("utf-8 path");
        ok(
            lang,
            &db.path,
            &[
                "export",
                "standings",
                "--term",
                "2026-autumn",
                "--out",
                path,
            ],
        );
        // The chart parts are there, and read the chart sheet's cells.
        let names = parts(&out);
        for want in ["xl/charts/chart1.xml", "xl/charts/chart2.xml"] {
            assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
        }
        let chart = part(&out, "xl/charts/chart1.xml");
        assert!(chart.contains("<c:barChart>"), "{chart}");
        assert!(chart.contains(&format!("{sheet}!$G$4:$G$")), "{chart}");
        let chart2 = part(&out, "xl/charts/chart2.xml");
        assert!(chart2.contains("<c:barDir val=\"col\"/>"), "{chart2}");
        assert!(chart2.contains(&format!("{sheet}!$F$4:$F$")), "{chart2}");
        assert!(chart2.contains(&format!("{sheet}!$E$4:$E$")), "{chart2}");

        // The chart sheet's figures equal the standings, per group.
        let json = ok(
            lang,
            &db.path,
            &["standings", "--term", "2026-autumn", "--json"],
        );
        let want = by_group(&json);
        let mut wb: Xlsx<_> = calamine::open_workbook(&out).expect("open");
        assert_eq!(wb.sheet_names()[1], sheet);
        let r = wb.worksheet_range(sheet).expect("chart sheet");
        assert_eq!(r.height() as usize, 3 + want.len(), "a row a group");
        for (i, (group, [teachers, present, late, absent])) in want.iter().enumerate() {
            let row = 3 + i as u32;
            assert_eq!(&text(&r, row, 0), group);
            assert_eq!(number(&r, row, 1), *teachers);
            assert_eq!(number(&r, row, 3), *present);
            assert_eq!(number(&r, row, 4), *late);
            assert_eq!(number(&r, row, 5), *absent);
            let required = number(&r, row, 2);
            let rate = number(&r, row, 6);
            assert!(
                (rate - (present + late) / required).abs() < 1e-9,
                "{group}: {rate}"
            );
        }
        // Live: the figures are formulas over the standings sheet.
        let f = wb.worksheet_formula(sheet).expect("formulas");
        let present = f.get_value((3, 3)).expect("present formula");
        assert!(present.starts_with("SUMIF("), "{present}");
        assert!(present.contains("!$E$4:$E$15"), "{present}");
        let name = f.get_value((3, 0)).expect("group formula");
        assert!(name.ends_with("!$C$4") || name.contains("!$C$"), "{name}");
    }
}
