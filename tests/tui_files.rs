//! The standings screen's file keys in the terminal app, drawn on a test
//! backend: publish with a confirmation, the changed-since-published mark
//! after a correction, export of the view as shown, and import by path.

use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyCode;
use peixun::core::{RollFacts, TermId};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::{Message, Model};
use peixun::tui::screens::standings::Popup;
use tempfile::TempDir;

mod common;
use common::demo::{demo_school, present_at_closed, small};
use common::tui::{keys, press};

fn at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(15, 35, 0)
        .unwrap()
}

fn model(lang: Lang) -> (TempDir, Model) {
    let dir = tempfile::tempdir().unwrap();
    let app = demo_school(&dir.path().join("t.redb"), small(12), at());
    let m = Model::new(app, lang, Keymap::default(), Box::new(at));
    (dir, m)
}

fn screen(m: &Model) -> Vec<String> {
    common::tui::screen(m, 140, 35)
}

#[track_caller]
fn shows(m: &Model, want: &str) {
    let t = screen(m).join("\n");
    assert!(t.contains(want), "screen lacks {want:?}:\n{t}");
}

/// Replaces the text of the open path prompt with `path`.
fn type_path(m: &mut Model, path: &str) {
    for _ in 0..80 {
        press(m, KeyCode::Backspace);
    }
    keys(m, path);
}

fn status(m: &Model) -> (String, bool) {
    m.status_line().expect("a status line")
}

#[test]
fn publish_confirm_then_a_correction_marks_the_row_until_published_again() {
    let (_d, mut m) = model(Lang::Zh);
    let term = TermId::parse("2026-autumn").unwrap();
    keys(&mut m, "3");
    shows(&m, "本学期尚未公布");
    shows(&m, "p 公布");

    keys(&mut m, "p");
    assert!(matches!(
        m.screens.standings.popup,
        Some(Popup::ConfirmPublish(_))
    ));
    shows(&m, "公布本学期考勤?");
    keys(&mut m, "n");
    assert!(!m.popup_open());
    assert!(
        m.app.publications(term).unwrap().is_empty(),
        "n must not publish"
    );

    keys(&mut m, "py");
    let (said, err) = status(&m);
    assert!(
        !err && said.contains("已公布 2026-2027学年第一学期(2026-autumn,第1次)"),
        "{said}"
    );
    shows(&m, "第1次公布:2026-11-26 15:35 tester");
    assert!(!screen(&m).join("\n").contains("公布后有更改"));

    // Another process corrects a fact: the next tick shows the mark.
    let (session, who) = present_at_closed(&m.app, NaiveDate::from_ymd_opt(2026, 9, 1).unwrap());
    m.app
        .correct_facts(session, &who, RollFacts::default(), "更正", at())
        .unwrap();
    m.update(Message::Tick);
    let lines = screen(&m);
    let row = lines
        .iter()
        .find(|l| l.trim_start().starts_with(&who.0))
        .unwrap();
    assert!(row.contains("公布后有更改"), "{row}");
    assert_eq!(
        lines.iter().filter(|l| l.contains("公布后有更改")).count(),
        1,
        "only the corrected teacher is marked"
    );

    keys(&mut m, "py");
    shows(&m, "第2次公布");
    assert!(!screen(&m).join("\n").contains("公布后有更改"));
}

#[test]
fn export_writes_the_view_as_shown() {
    let (dir, mut m) = model(Lang::En);
    keys(&mut m, "3");
    keys(&mut m, "v"); // the first teaching group only
    let shown = m.screens.standings.visible().len();
    assert!(shown > 0 && shown < 12);
    keys(&mut m, "e");
    shows(&m, "Export this view");
    shows(&m, "standings-2026-autumn.xlsx");
    let out = dir.path().join("view.xlsx");
    type_path(&mut m, out.to_str().unwrap());
    press(&mut m, KeyCode::Enter);
    let (said, err) = status(&m);
    assert!(!err && said.starts_with("written"), "{said}");
    assert!(!m.popup_open());
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let r = wb.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(
        r.height(),
        3 + shown + 1,
        "title, subtitle, header, rows, totals"
    );
    assert_eq!(r.get_value((2, 0)), Some(&Data::String("id".into())));
    let first = &m.screens.standings.visible()[0].teacher.id.0;
    assert_eq!(r.get_value((3, 0)), Some(&Data::String(first.clone())));

    // A second export to the same name is refused; the dialog stays open.
    keys(&mut m, "e");
    type_path(&mut m, out.to_str().unwrap());
    press(&mut m, KeyCode::Enter);
    let (said, err) = status(&m);
    assert!(err && said.contains("already exists"), "{said}");
    assert!(matches!(m.screens.standings.popup, Some(Popup::Export(_))));
    press(&mut m, KeyCode::Esc);
    assert!(!m.popup_open());
}

#[test]
fn import_by_path_adds_teachers_or_reports_the_bad_row() {
    let (dir, mut m) = model(Lang::Zh);
    keys(&mut m, "3");
    let good = dir.path().join("new.csv");
    std::fs::write(&good, "工号,姓名,教研组\nN001,新老师,语文\n").unwrap();
    keys(&mut m, "i");
    shows(&m, "导入教师名单或本学期计划");
    type_path(&mut m, good.to_str().unwrap());
    press(&mut m, KeyCode::Enter);
    let (said, err) = status(&m);
    assert!(!err && said.contains("新增 1"), "{said}");
    assert_eq!(m.app.teachers().unwrap().len(), 13);
    assert!(
        m.screens
            .standings
            .rows
            .iter()
            .any(|r| r.teacher.id.0 == "N001")
    );
    // The twelve the file leaves out: asked about, kept (n).
    assert!(matches!(
        m.screens.standings.popup,
        Some(Popup::ConfirmDepart { .. })
    ));
    keys(&mut m, "n");

    // A plan file goes into the term shown; a bad row is named.
    let bad = dir.path().join("plan.csv");
    std::fs::write(
        &bad,
        "日期,开始,结束,主题\n2026-12-03,15:30,17:00,期末研讨\n2026-12-10,25:00,17:00,复习\n",
    )
    .unwrap();
    let sessions = m.app.sessions().unwrap().len();
    keys(&mut m, "i");
    type_path(&mut m, bad.to_str().unwrap());
    press(&mut m, KeyCode::Enter);
    let (said, err) = status(&m);
    assert!(err && said.contains("第 3 行 B 列(开始)"), "{said}");
    assert!(matches!(m.screens.standings.popup, Some(Popup::Import(_))));
    assert_eq!(m.app.sessions().unwrap().len(), sessions);
    std::fs::write(
        &bad,
        "日期,开始,结束,主题\n2026-12-03,15:30,17:00,期末研讨\n",
    )
    .unwrap();
    press(&mut m, KeyCode::Enter);
    let (said, err) = status(&m);
    assert!(!err && said.contains("新增 1"), "{said}");
    assert_eq!(m.app.sessions().unwrap().len(), sessions + 1);
}

#[test]
fn help_lists_the_file_keys_in_both_languages() {
    for (lang, want) in [
        (Lang::Zh, ["导出当前统计", "公布本学期考勤", "导入教师名单"]),
        (
            Lang::En,
            ["export this view", "publish this term", "import a roster"],
        ),
    ] {
        let (_d, mut m) = model(lang);
        keys(&mut m, "3?");
        for w in want {
            shows(&m, w);
        }
    }
}

/// The `history --json` action codes of the file, oldest first.
fn actions(path: &std::path::Path) -> Vec<String> {
    let out = common::expect_ok(
        common::run_on(
            path,
            Some("tester"),
            "2026-11-26T18:00",
            &["history", "--json"],
        ),
        &["history", "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let mut a: Vec<(u64, String)> = v
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            (
                e["seq"].as_u64().unwrap_or_default(),
                e["action"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    a.sort();
    a.into_iter().map(|(_, x)| x).collect()
}

/// A roster that leaves teachers out asks whether they left today (issue
/// 25, as `import teachers --departed-on`); `n` keeps them required, `y`
/// records their last day, in the history.
#[test]
fn a_roster_that_leaves_teachers_out_asks_to_record_their_departure() {
    for (lang, answer) in [(Lang::Zh, "n"), (Lang::Zh, "y"), (Lang::En, "y")] {
        let (dir, mut m) = model(lang);
        let path = dir.path().join("t.redb");
        keys(&mut m, "3");
        let mut csv = String::from("工号,姓名,教研组\n");
        let kept: Vec<_> = m.app.teachers().unwrap().into_iter().skip(2).collect();
        for t in &kept {
            csv.push_str(&format!("{},{},{}\n", t.id, t.name, t.group));
        }
        let roster = dir.path().join("roster.csv");
        std::fs::write(&roster, csv).unwrap();
        let before = actions(&path);
        keys(&mut m, "i");
        type_path(&mut m, roster.to_str().unwrap());
        press(&mut m, KeyCode::Enter);
        assert!(
            matches!(m.screens.standings.popup, Some(Popup::ConfirmDepart { .. })),
            "{}",
            screen(&m).join("\n")
        );
        let want = match lang {
            Lang::Zh => "记为 2026-11-26 离校?",
            Lang::En => "Record that they left on 2026-11-26?",
        };
        let shown = screen(&m).join("");
        assert!(shown.contains("T0001") && shown.contains(want), "{shown}");
        keys(&mut m, answer);
        assert!(!m.popup_open());
        // The summary is built for the screen: no newline (which the
        // sanitiser would show as `\u{a}`), no command-line flag, and
        // whole at 80 and at 60 columns.
        let (said, _) = status(&m);
        assert!(!said.contains('\n') && !said.contains("--"), "{said}");
        for w in [60, 80] {
            let lines = common::tui::screen(&m, w, 20);
            let joined = lines.join("").replace(' ', "");
            assert!(!joined.contains("\\u{a}"), "{}", lines.join("\n"));
            assert!(
                joined.contains(&said.replace(' ', "")),
                "{w}: {said}\n{}",
                lines.join("\n")
            );
        }
        let gone: Vec<_> = m
            .app
            .teachers()
            .unwrap()
            .into_iter()
            .filter(|t| t.active_to.is_some())
            .map(|t| t.id.0)
            .collect();
        let after = actions(&path);
        if answer == "y" {
            assert_eq!(gone, ["T0001", "T0002"]);
            assert_eq!(after.len(), before.len() + 2, "{after:?}");
            assert!(after[before.len()..].iter().all(|a| a == "teacher.update"));
        } else {
            assert!(gone.is_empty(), "{gone:?}");
            assert_eq!(after, before);
        }
    }
}
