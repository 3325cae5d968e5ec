//! The other screens of issue 17: the header says who, which school and
//! which file; the leave queue names teachers and shows decisions; reject
//! needs its reason; the teacher screen browses, leaves its search box and
//! finds a bare number; a terminal too small says the minimum; the
//! unqualified wording.

use crossterm::event::KeyCode;
use peixun::core::Reason;
use peixun::i18n::{self, Lang};
use peixun::io::columns::Col;

mod common;
use common::tui::{fixture, keys, press, screen, shows, text};

#[test]
fn the_header_says_who_which_school_and_which_file() {
    for lang in [Lang::Zh, Lang::En] {
        let (d, mut m) = fixture(lang, 6);
        let file = d.path().join("t.redb").display().to_string();
        let t = |a: &'static str, b: &'static str| if lang == Lang::Zh { a } else { b };
        shows(&m, &["tester", t("教务处", "training office"), &file]);
        // Said on every screen, not once.
        press(&mut m, KeyCode::Char('6'));
        shows(&m, &["tester", &file]);
        m.demo = true;
        shows(&m, &[t("示例学校", "demo school")]);
    }
}

#[test]
fn the_leave_queue_names_teachers_and_shows_decisions() {
    let (_d, mut m) = fixture(Lang::En, 12);
    press(&mut m, KeyCode::Char('2'));
    let first = m.screens.leave.list.first().cloned().expect("a request");
    let name = m.screens.leave.names.get(&first.teacher).cloned();
    let name = name.expect("the teacher's name");
    shows(&m, &[&format!("{} {name}", first.teacher)]);
    // Reject asks for the reason first and keeps what was typed.
    press(&mut m, KeyCode::Char('r'));
    press(&mut m, KeyCode::Enter);
    let (msg, err) = m.status_line().expect("a status");
    assert!(err && msg.contains("needs its reason"), "{msg}");
    assert!(m.popup_open());
    keys(&mut m, "no note");
    press(&mut m, KeyCode::Enter);
    keys(&mut m, "y");
    // Decided: the decision, by whom, and the comment.
    press(&mut m, KeyCode::Char('v'));
    press(&mut m, KeyCode::Char('v'));
    shows(&m, &["rejected (by tester)", "no note", "comment"]);
}

#[test]
fn the_teacher_screen_browses_and_its_search_box_lets_go() {
    let (_d, mut m) = fixture(Lang::En, 12);
    press(&mut m, KeyCode::Char('4'));
    // No search: every teacher, to browse.
    assert_eq!(m.screens.teacher.matches.len(), 12);
    // `/` opens the box; a bare number finds the id with that number.
    keys(&mut m, "/5");
    let ids: Vec<&str> = m
        .screens
        .teacher
        .matches
        .iter()
        .map(|t| t.id.0.as_str())
        .collect();
    assert_eq!(ids.first(), Some(&"T0005"), "{ids:?}");
    // Esc closes the box; then number keys and ? work as anywhere.
    press(&mut m, KeyCode::Esc);
    press(&mut m, KeyCode::Char('?'));
    assert!(m.popup_open());
    press(&mut m, KeyCode::Esc);
    press(&mut m, KeyCode::Char('2'));
    assert_eq!(m.tab, peixun::tui::screens::Tab::Leave);
}

#[test]
fn a_terminal_too_small_says_the_minimum() {
    let (_d, m) = fixture(Lang::En, 6);
    let t = screen(&m, 50, 12).join("\n");
    assert!(t.contains("60×15"), "{t}");
    let (_d, m) = fixture(Lang::Zh, 6);
    let t = screen(&m, 50, 12).join("\n");
    assert!(t.contains("至少需要 60×15"), "{t}");
    let _ = text(&m);
}

#[test]
fn unqualified_wording() {
    let r = Reason::TooManyAbsences {
        absences: 3,
        limit: 3,
    };
    assert_eq!(i18n::reason(Lang::Zh, &r), "无故旷工 3 次(满 3 次不合格)");
    assert_eq!(
        i18n::reason(Lang::En, &r),
        "3 unexcused absences (3 make unqualified)"
    );
}

#[test]
fn the_standings_table_keeps_every_figure_whole_in_a_narrow_terminal() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 12);
        press(&mut m, KeyCode::Char('3'));
        let shown = screen(&m, 110, 30).join("\n");
        for r in m.screens.standings.rows.iter().take(5) {
            // Name and credits are never cut.
            for col in [Col::Name, Col::Credits] {
                let cell = col.cell(r, lang);
                assert!(shown.contains(cell.as_str()), "{lang:?}: {cell}\n{shown}");
            }
        }
    }
}

#[test]
fn the_demo_notice_is_set_apart_from_the_account() {
    let line = i18n::header(
        Lang::En,
        "root",
        &[peixun::core::Role::Office],
        None,
        Some("/tmp/x.redb"),
        true,
    );
    assert!(line.contains("yet]  account root"), "{line}");
    let line = i18n::header(
        Lang::Zh,
        "root",
        &[peixun::core::Role::Office],
        None,
        Some("/tmp/x.redb"),
        true,
    );
    assert!(
        line.starts_with("【示例学校") && line.contains("】  账号"),
        "{line}"
    );
}

/// Where the data lives is the office's business (issue 26): the header
/// names the file to the office only, in both languages.
#[test]
fn only_the_office_sees_the_file_in_the_header() {
    use peixun::core::{Role, TeacherId};
    for lang in [Lang::Zh, Lang::En] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("t.redb");
        let mut office =
            common::demo::demo_school(&path, common::demo::small(6), common::tui::at(15, 35));
        for (who, roles, teacher) in [
            ("t1", vec![Role::Teacher], Some("T0001")),
            ("lead", vec![Role::Leader, Role::GroupLeader], Some("T0002")),
            ("clerk", vec![Role::Office], None),
        ] {
            office
                .set_account(
                    who,
                    roles,
                    teacher.map(|t| TeacherId(t.into())),
                    common::tui::at(9, 0),
                )
                .expect("an account");
        }
        let file = path.display().to_string();
        for (who, sees) in [("t1", false), ("lead", false), ("clerk", true)] {
            let app = peixun::app::App::open(&path, who, None, false).expect("open");
            let m = peixun::tui::model::Model::new(
                app,
                lang,
                peixun::tui::keymap::Keymap::default(),
                Box::new(|| common::tui::at(15, 35)),
            );
            let head = screen(&m, 400, 20)[1].clone();
            assert!(head.contains(who), "{head}");
            assert_eq!(head.contains(&file), sees, "{who}: {head}");
        }
    }
}

/// A teacher moved to another group (issue 25): the teacher screen names
/// each group with its days, in both languages, on the full screen and at
/// phone size.
#[test]
fn the_teacher_screen_shows_the_group_history() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 6);
        let who = peixun::core::TeacherId("T0003".into());
        m.app
            .edit_teacher(
                &who,
                peixun::app::calendar::TeacherEdit {
                    group: Some("数学".into()),
                    group_from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
                    ..Default::default()
                },
                common::tui::at(9, 0),
            )
            .expect("moved");
        m.reload();
        keys(&mut m, "4/T0003");
        press(&mut m, KeyCode::Enter);
        let want: &[&str] = match lang {
            Lang::Zh => &["教研组:英语", "(至2026-10-31)→数学", "(2026-11-01起)"],
            Lang::En => &["groups:英语", "(to2026-10-31)→数学", "(from2026-11-01)"],
        };
        for (w, h) in [(120, 35), (50, 20)] {
            let t = screen(&m, w, h).join("").replace(' ', "");
            for want in want {
                assert!(
                    t.contains(want),
                    "{w}×{h} lacks {want}:\n{}",
                    screen(&m, w, h).join("\n")
                );
            }
        }
    }
}
