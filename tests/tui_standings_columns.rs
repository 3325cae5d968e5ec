//! The standings tab's assessment columns (issue 20): note characters,
//! archive with the missing items said as missing, points deducted,
//! credits still in review and the credit warning, beside the attendance;
//! on a narrow terminal they give way by priority and names and figures
//! stay whole. Snapshots in both languages at 80 and 160 columns.

use crossterm::event::KeyCode;
use peixun::i18n::Lang;
use peixun::io::columns::Col;

mod common;
use common::tui::{fixture, press, screen};

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// The standings tab of the demo school (the autumn term) and a teacher
/// behind on credits.
fn standings(lang: Lang) -> (tempfile::TempDir, peixun::tui::model::Model) {
    let (d, mut m) = fixture(lang, 8);
    // A teacher who joined last week: no credits yet, behind the year's
    // share (the credit warning).
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).expect("a day");
    m.app
        .add_teacher(
            peixun::core::Teacher {
                id: peixun::core::TeacherId("T0009".into()),
                name: "新来的".into(),
                group: "语文".into(),
                grade: None,
                active_from: Some(day(11, 20)),
                active_to: None,
                from_time: None,
                past_groups: Vec::new(),
            },
            common::tui::at(15, 35),
        )
        .expect("add a teacher");
    press(&mut m, KeyCode::Char('3'));
    (d, m)
}

/// The screen, the temporary file's path (which differs from run to run,
/// and is cut short on a narrow screen) written as [file].
fn shown(m: &peixun::tui::model::Model, w: u16, h: u16) -> String {
    screen(m, w, h)
        .into_iter()
        .map(|l| match l.find("/tmp/") {
            Some(at) => {
                let end = l[at..].find(' ').map_or(l.len(), |e| at + e);
                format!("{}[file]{}", &l[..at], &l[end..])
            }
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_standings_tab_shows_the_assessment_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, m) = standings(lang);
        let wide = shown(&m, 160, 30);
        let wider = shown(&m, 400, 30);
        let t = |zh: &'static str, en: &'static str| lang.t(zh, en);
        let head = wider
            .lines()
            .find(|l| l.starts_with(t("工号", "id")))
            .unwrap_or_default()
            .to_string();
        for h in [
            t("待认定", "in review"),
            t("扣分", "deducted"),
            t("笔记字数", "notes"),
            t("档案", "archive"),
            t("学分提醒", "credit warning"),
        ] {
            assert!(head.contains(h), "{lang:?} lacks {h}:\n{wider}");
        }
        // Every row's figures are at 160 columns; at 400 its notes and
        // archive too, the missing items said as missing, and the warning.
        let mut missing = 0;
        let mut warned = 0;
        for r in &m.screens.standings.rows {
            let c = |col: Col| col.cell(r, lang);
            for col in [Col::Name, Col::Credits, Col::Deducted, Col::InReview] {
                let cell = c(col);
                assert!(wide.contains(cell.as_str()), "{lang:?}: {cell}\n{wide}");
            }
            for col in [Col::NoteChars, Col::Archive, Col::CreditWarning] {
                let cell = c(col);
                assert!(wider.contains(cell.as_str()), "{lang:?}: {cell}\n{wider}");
            }
            let archive = c(Col::Archive);
            if !archive.starts_with("4/4") {
                assert!(archive.contains(t("缺:", "missing: ")), "{archive}");
                missing += 1;
            }
            let warning = c(Col::CreditWarning);
            if !warning.is_empty() {
                assert!(
                    warning.contains(t("学分落后", "credits behind")),
                    "{warning}"
                );
                warned += 1;
            }
        }
        assert!(missing > 0 && warned > 0, "{lang:?}:\n{wider}");
        insta::assert_snapshot!(format!("standings_columns_160_{}", lang_name(lang)), wide);
    }
}

#[test]
fn on_a_narrow_terminal_the_new_columns_give_way_and_figures_stay_whole() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, m) = standings(lang);
        let narrow = shown(&m, 80, 24);
        for r in &m.screens.standings.rows {
            // Name, credits, in review and points deducted never give way.
            for col in [Col::Name, Col::Credits, Col::Deducted, Col::InReview] {
                let cell = col.cell(r, lang);
                assert!(narrow.contains(cell.as_str()), "{lang:?}: {cell}\n{narrow}");
            }
        }
        insta::assert_snapshot!(format!("standings_columns_80_{}", lang_name(lang)), narrow);
    }
}
