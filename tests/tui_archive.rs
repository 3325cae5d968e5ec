//! The office's records in the terminal app, drawn on a test backend: note
//! characters, the archive checklist and open lessons, the degree and a
//! mentor pair from the teacher tab, the school's funds from the credits
//! tab; each confirmed with y, shown after, and refused to a teacher.

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyCode;
use peixun::app::App;
use peixun::core::{
    AcademicYear, ArchiveItem, Degree, Period, Role, Season, TeacherId, TermId, YearFile,
};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::Model;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

mod common;
use common::demo::{demo_school, small};
use common::tui::{keys, press, shows, text};

const YEAR: AcademicYear = AcademicYear(2026);

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

/// A demo school of six teachers; the account "t1" is teacher T0001.
fn school() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    let mut office = demo_school(&path, small(6), at(15, 35));
    office
        .set_account(
            "t1",
            vec![Role::Teacher],
            Some(TeacherId("T0001".into())),
            at(9, 0),
        )
        .unwrap();
    (dir, path)
}

fn open(path: &Path, who: &str, lang: Lang) -> Model {
    let app = App::open(path, who, None, false).unwrap();
    Model::new(app, lang, Keymap::default(), Box::new(|| at(15, 35)))
}

/// Shows teacher `id` on the teacher tab, with the query closed.
fn pick(m: &mut Model, id: &str) {
    press(m, KeyCode::Char('4'));
    if !m.screens.teacher.typing {
        press(m, KeyCode::Char('/'));
    }
    for _ in 0..10 {
        press(m, KeyCode::Backspace);
    }
    keys(m, id);
    press(m, KeyCode::Enter);
    assert_eq!(
        m.screens
            .teacher
            .matches
            .get(m.screens.teacher.cursor)
            .map(|t| t.id.0.as_str()),
        Some(id),
        "{}",
        text(m)
    );
}

fn clear(m: &mut Model) {
    for _ in 0..40 {
        press(m, KeyCode::Backspace);
    }
}

fn file(m: &Model, id: &str) -> YearFile {
    m.app.year_file(&TeacherId(id.into()), YEAR).unwrap()
}

fn name(m: &Model, id: &str) -> String {
    m.app.lookup(id).unwrap()[0].name.clone()
}

#[test]
fn the_office_records_notes_archive_and_degree_on_the_teacher_tab() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, path) = school();
        let mut m = open(&path, "tester", lang);
        pick(&mut m, "T0003");

        // The help lists the office keys of this tab.
        press(&mut m, KeyCode::Char('?'));
        shows(
            &m,
            &[
                t(
                    "登记本学期笔记字数(教务处)",
                    "note characters this term (office)",
                ),
                t("师徒结对(教务处)", "pair with a mentor or mentee (office)"),
            ],
        );
        press(&mut m, KeyCode::Esc);

        // N: note characters this term (autumn 2026), then y.
        let before = file(&m, "T0003");
        press(&mut m, KeyCode::Char('N'));
        let term = peixun::i18n::period_name(
            lang,
            Period::Term(TermId {
                year: YEAR,
                season: Season::Autumn,
            }),
        );
        shows(
            &m,
            &[t("本学期笔记字数", "Note characters this term"), &term],
        );
        clear(&mut m);
        keys(&mut m, "4321");
        press(&mut m, KeyCode::Enter);
        shows(&m, &["4321", t("y 确认  n 取消", "y confirm  n cancel")]);
        assert_eq!(file(&m, "T0003"), before, "nothing before y");
        press(&mut m, KeyCode::Char('y'));
        assert!(!m.popup_open());
        let notes = [4321, before.notes_chars[1]];
        assert_eq!(file(&m, "T0003").notes_chars, notes);
        let f = m
            .screens
            .teacher
            .year
            .as_ref()
            .unwrap()
            .standing
            .figures
            .clone();
        let f = f.unwrap();
        assert_eq!(f.notes_chars, notes[0] + notes[1]);
        shows(
            &m,
            &[
                &format!(
                    "{} {}/{}",
                    t("笔记字数", "note characters"),
                    f.notes_chars,
                    f.notes_required
                ),
                t("已保存", "saved"),
            ],
        );

        // A bad number is refused where it is typed; nothing changes.
        press(&mut m, KeyCode::Char('N'));
        clear(&mut m);
        keys(&mut m, "lots");
        press(&mut m, KeyCode::Enter);
        let (msg, err) = m.status_line().unwrap();
        assert!(err && msg.contains("lots"), "{msg}");
        press(&mut m, KeyCode::Esc);
        assert_eq!(file(&m, "T0003").notes_chars, notes);

        // A: every missing item ticked and two more open lessons.
        let before = file(&m, "T0003");
        assert!(before.items.len() < 4, "{before:?}");
        let missing: String = ArchiveItem::ALL
            .iter()
            .zip(['p', 'n', 'r', 's'])
            .filter(|(i, _)| !before.items.contains(i))
            .map(|(_, k)| k)
            .collect();
        let tick = format!("{missing}++");
        press(&mut m, KeyCode::Char('A'));
        shows(&m, &[t("学年档案", "This year's archive")]);
        let first = missing.chars().next().unwrap();
        shows(&m, &[&format!("{first} [ ]")]);
        keys(&mut m, &tick);
        let lessons = before.open_lessons + 2;
        shows(
            &m,
            &[
                &format!("{first} [x]"),
                &format!("+/- {} {lessons}", t("公开课", "open lessons")),
            ],
        );
        // ↓ to the autumn term's multimedia lessons, one more.
        press(&mut m, KeyCode::Down);
        press(&mut m, KeyCode::Char('+'));
        let autumn = before.multimedia_lessons[0] + 1;
        shows(
            &m,
            &[&format!(
                "+/- {} {autumn}",
                t("多媒体公开课 秋季学期", "multimedia lessons autumn term")
            )],
        );
        press(&mut m, KeyCode::Enter);
        // n at the question leaves everything as it was.
        press(&mut m, KeyCode::Char('n'));
        assert!(!m.popup_open());
        assert_eq!(file(&m, "T0003"), before);
        press(&mut m, KeyCode::Char('A'));
        keys(&mut m, &tick);
        press(&mut m, KeyCode::Down);
        press(&mut m, KeyCode::Char('+'));
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        let after = file(&m, "T0003");
        assert_eq!(after.items, ArchiveItem::ALL.to_vec());
        assert_eq!(after.open_lessons, lessons);
        assert_eq!(
            after.multimedia_lessons,
            [autumn, before.multimedia_lessons[1]]
        );
        let f = m
            .screens
            .teacher
            .year
            .as_ref()
            .unwrap()
            .standing
            .figures
            .clone();
        let f = f.unwrap();
        assert!(f.archive_missing.is_empty(), "{f:?}");
        shows(
            &m,
            &[
                &format!("{} 4/4", t("档案", "archive")),
                &format!(
                    "{} {lessons}/{}",
                    t("公开课", "open lessons"),
                    f.open_lessons_required
                ),
            ],
        );
        // Taking one back shows it missing, said as missing.
        press(&mut m, KeyCode::Char('A'));
        keys(&mut m, "r");
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        shows(
            &m,
            &[&format!(
                "{} 3/4 {}",
                t("档案", "archive"),
                t("缺:学习心得", "missing: reflections")
            )],
        );

        // D: a master's degree in a major that does not match the subject.
        press(&mut m, KeyCode::Char('D'));
        shows(&m, &[t("学历与专业", "Degree and major")]);
        let master = format!(
            "{} {}",
            t("学历", "degree"),
            peixun::i18n::degree(lang, Degree::Master)
        );
        for _ in 0..5 {
            if text(&m).contains(&master) {
                break;
            }
            press(&mut m, KeyCode::Down);
        }
        shows(&m, &[&master]);
        let matched = m
            .app
            .year_record(&TeacherId("T0003".into()), YEAR, at(15, 35).date())
            .unwrap()
            .qualification
            .is_none_or(|q| q.matches_subject);
        assert!(matched, "the demo's degree matches the subject");
        press(&mut m, KeyCode::Tab);
        shows(&m, &[t("专业不对口", "does not match the subject")]);
        clear(&mut m);
        keys(&mut m, t("汉语言文学", "Chinese"));
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        let q = m
            .app
            .year_record(&TeacherId("T0003".into()), YEAR, at(15, 35).date())
            .unwrap()
            .qualification
            .unwrap();
        assert_eq!(q.degree, Degree::Master);
        assert!(!q.matches_subject);
        shows(
            &m,
            &[
                &format!("{master} {}", t("汉语言文学", "Chinese")),
                t(
                    "学历专业与任教学科不一致(扣1分)",
                    "degree does not match the subject taught (−1)",
                ),
            ],
        );

        // Every change is in the history, by the office account.
        let history = m
            .app
            .history(Some(&TeacherId("T0003".into())), None)
            .unwrap();
        let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
        assert!(
            actions.contains(&"archive.set") && actions.contains(&"qualification.set"),
            "{actions:?}"
        );
    }
}

#[test]
fn the_office_pairs_a_mentor_shown_on_both_records() {
    let (_d, path) = school();
    let mut m = open(&path, "tester", Lang::Zh);
    let four = name(&m, "T0004");
    let pairs_before = m.app.mentor_pairs(YEAR).unwrap().len();
    pick(&mut m, "T0003");
    press(&mut m, KeyCode::Char('M'));
    shows(&m, &["师徒结对"]);
    // Nobody found: Enter says so and the modal stays.
    keys(&mut m, "zzzq");
    press(&mut m, KeyCode::Enter);
    let (msg, err) = m.status_line().unwrap();
    assert!(err && msg.contains("没有找到其他教师"), "{msg}");
    assert!(m.popup_open());
    clear(&mut m);
    keys(&mut m, &four);
    shows(&m, &[&format!("T0004 {four}")]);
    // Tab: T0003 is the mentee, T0004 the mentor.
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    let pairs = m.app.mentor_pairs(YEAR).unwrap();
    assert_eq!(pairs.len(), pairs_before + 1, "{pairs:?}");
    assert!(
        pairs
            .iter()
            .any(|p| p.mentor.0 == "T0004" && p.mentee.0 == "T0003"),
        "{pairs:?}"
    );
    shows(&m, &["师徒结对 师傅 T0004"]);
    pick(&mut m, "T0004");
    shows(&m, &["师徒结对 徒弟 T0003"]);
    // The same pair again ends it, once confirmed: gone from both records.
    press(&mut m, KeyCode::Char('M'));
    keys(&mut m, "T0003");
    press(&mut m, KeyCode::Enter);
    shows(&m, &["已结对:确认解除?"]);
    assert_eq!(m.app.mentor_pairs(YEAR).unwrap().len(), pairs_before + 1);
    press(&mut m, KeyCode::Char('y'));
    assert_eq!(m.app.mentor_pairs(YEAR).unwrap().len(), pairs_before);
    assert!(!text(&m).contains("徒弟 T0003"), "{}", text(&m));
    pick(&mut m, "T0003");
    assert!(!text(&m).contains("师傅 T0004"), "{}", text(&m));
    let history = m
        .app
        .history(Some(&TeacherId("T0004".into())), None)
        .unwrap();
    let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
    assert!(
        actions.contains(&"mentor.add") && actions.contains(&"mentor.remove"),
        "{actions:?}"
    );
}

#[test]
fn the_office_records_the_funds_on_the_credits_tab() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, path) = school();
        let mut m = open(&path, "tester", lang);
        press(&mut m, KeyCode::Char('5'));
        press(&mut m, KeyCode::Char('?'));
        shows(
            &m,
            &[t(
                "本学年培训经费(教务处)",
                "this year's training funds (office)",
            )],
        );
        press(&mut m, KeyCode::Esc);
        let was = m.app.funds(YEAR).unwrap().unwrap();
        press(&mut m, KeyCode::Char('F'));
        shows(
            &m,
            &[
                t("本学年培训经费", "This year's training funds"),
                &format!(
                    "{} {}.{:02}",
                    t("公用经费", "public funds"),
                    was.public_fen / 100,
                    was.public_fen % 100
                ),
            ],
        );
        clear(&mut m);
        // Training spending above the public funds: the app refuses it.
        keys(&mut m, "1000 2000");
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        assert!(m.status_line().is_some_and(|(_, e)| e));
        assert_eq!(m.app.funds(YEAR).unwrap(), Some(was));
        press(&mut m, KeyCode::Char('F'));
        clear(&mut m);
        keys(&mut m, "200000 25000");
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        let f = m.app.funds(YEAR).unwrap().unwrap();
        assert_eq!((f.public_fen, f.training_fen), (20_000_000, 2_500_000));
        shows(
            &m,
            &[
                "12.5% (≥ 10%)",
                t("达标", "meets the minimum"),
                &peixun::i18n::period_name(lang, Period::Year(YEAR)),
            ],
        );
        // Shown again when the modal opens, with the amounts to edit.
        press(&mut m, KeyCode::Char('F'));
        shows(
            &m,
            &[
                &format!("{} 200000.00", t("公用经费", "public funds")),
                "> 200000.00 25000.00",
            ],
        );
        clear(&mut m);
        keys(&mut m, "200000 10000");
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        shows(&m, &["5.0% (≥ 10%)", t("未达标", "below the minimum")]);
    }
}

#[test]
fn a_teacher_is_refused_and_nothing_changes() {
    let (_d, path) = school();
    let mut m = open(&path, "t1", Lang::En);
    pick(&mut m, "T0001");
    let before = file(&m, "T0001");
    let degree = m
        .app
        .year_record(&TeacherId("T0001".into()), YEAR, at(15, 35).date())
        .unwrap()
        .qualification;
    let pairs = m.app.mentor_pairs(YEAR).unwrap();
    let refused = |m: &Model, action: &str| {
        let (msg, err) = m.status_line().unwrap();
        assert!(
            err && msg.contains(action) && msg.contains("training office"),
            "{msg}"
        );
        assert!(!m.popup_open());
    };
    press(&mut m, KeyCode::Char('N'));
    clear(&mut m);
    keys(&mut m, "9999");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    refused(&m, "notes set");
    press(&mut m, KeyCode::Char('A'));
    keys(&mut m, "pnrs+");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    refused(&m, "archive set");
    assert_eq!(file(&m, "T0001"), before);
    press(&mut m, KeyCode::Char('D'));
    keys(&mut m, "maths");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    refused(&m, "qualification set");
    let rec = m
        .app
        .year_record(&TeacherId("T0001".into()), YEAR, at(15, 35).date())
        .unwrap();
    assert_eq!(rec.qualification, degree);
    // A teacher sees only themselves: no one to pair with.
    press(&mut m, KeyCode::Char('M'));
    keys(&mut m, "T0002");
    press(&mut m, KeyCode::Enter);
    assert!(
        m.status_line()
            .is_some_and(|(msg, e)| e && msg.contains("no other teacher"))
    );
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.app.mentor_pairs(YEAR).unwrap(), pairs);
    // The funds are not a teacher's to see, nor to set.
    press(&mut m, KeyCode::Char('5'));
    press(&mut m, KeyCode::Char('F'));
    refused(&m, "funds show");
    shows(&m, &["not allowed"]);
}

#[test]
fn office_boxes_replace_their_value_on_the_first_key_and_pick_the_term_or_year() {
    // Two years of the demo, so that there is a term and a year before.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    let opts = peixun::app::demo::DemoOptions {
        years: 2,
        ..small(6)
    };
    drop(demo_school(&path, opts, at(15, 35)));
    let mut m = open(&path, "tester", Lang::Zh);
    pick(&mut m, "T0003");
    // Notes of this term: the recorded value shown, typing replaces it.
    let before = file(&m, "T0003").notes_chars[0];
    press(&mut m, KeyCode::Char('N'));
    shows(&m, &["PgUp/PgDn 换学期", &format!("笔记字数 {before}")]);
    keys(&mut m, "5100");
    shows(&m, &["笔记字数 5100"]);
    // PgUp: the term before (spring 2025–2026), with its own value.
    press(&mut m, KeyCode::PageUp);
    let spring = m
        .app
        .year_file(&TeacherId("T0003".into()), AcademicYear(2025))
        .unwrap();
    shows(
        &m,
        &[
            "2025-2026学年第二学期",
            &format!("笔记字数 {}", spring.notes_chars[1]),
        ],
    );
    keys(&mut m, "6200");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    shows(&m, &["已保存到 2025-2026学年第二学期"]);
    let after = m
        .app
        .year_file(&TeacherId("T0003".into()), AcademicYear(2025))
        .unwrap();
    assert_eq!(after.notes_chars[1], 6200);
    assert_eq!(
        file(&m, "T0003").notes_chars[0],
        before,
        "this term untouched"
    );
    // The archive of the year before: PgUp in the checklist.
    press(&mut m, KeyCode::Char('A'));
    shows(&m, &["PgUp/PgDn 换学年", "2026-2027学年"]);
    press(&mut m, KeyCode::PageUp);
    shows(&m, &["2025-2026学年"]);
    press(&mut m, KeyCode::Esc);
}
