//! The phone-sized layout (issue 27): a phone's SSH client in portrait,
//! about 50×20 and down to 40×20, gets the leave queue (read a request,
//! approve, reject with a reason, record the papers) and the teacher
//! screen (lookup, a standing and a record) in a compact form, every
//! figure whole; the other screens say which ones this size has, and no
//! key acts on them but the tab keys and quit. Snapshots in both
//! languages under tests/snapshots/.

use crossterm::event::KeyCode;
use peixun::app::App;
use peixun::app::leave::{LeaveFilter, LeaveRequest};
use peixun::core::{Cover, Evidence, LeaveId, LeaveKind, LeaveStatus, Role, TeacherId};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::Model;
use peixun::tui::screens::Tab;
use unicode_width::UnicodeWidthStr;

mod common;
use common::demo::{demo_school, small};
use common::tui::{at, fixture, keys, press, screen};

const SIZES: [(u16, u16); 2] = [(50, 20), (40, 20)];

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// Draws the screen at `w`×`h` (which sets the layout the keys act on)
/// and compares it with its snapshot; every line fits the width.
#[track_caller]
fn snap(m: &Model, name: &str, (w, h): (u16, u16)) -> String {
    let lines = screen(m, w, h);
    for line in &lines {
        assert!(line.width() <= usize::from(w), "{line:?} wider than {w}");
    }
    let text = lines.join("\n");
    insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang_name(m.lang)), text);
    text
}

fn history(m: &Model) -> usize {
    m.app.history(None, None).expect("history").len()
}

fn request(m: &mut Model, teacher: &str, kind: LeaveKind, days: u64, reason: &str) -> LeaveId {
    let day = at(0, 0).date() + chrono::Days::new(days);
    let id = m
        .app
        .request_leave(
            LeaveRequest {
                teacher: TeacherId(teacher.into()),
                kind,
                cover: Cover::Dates { from: day, to: day },
                reason: reason.into(),
                evidence: Evidence {
                    leave_note: true,
                    hospital_certificate: false,
                },
                emergency: false,
            },
            at(9, 0),
        )
        .expect("a leave request");
    m.reload();
    id
}

fn leave(m: &Model, id: LeaveId) -> peixun::core::Leave {
    m.app
        .leaves(LeaveFilter::All)
        .expect("leaves")
        .into_iter()
        .find(|l| l.id == id)
        .expect("the request")
}

/// Moves the queue's cursor onto request `id`.
fn select(m: &mut Model, id: LeaveId) {
    let at = m
        .screens
        .leave
        .list
        .iter()
        .position(|l| l.id == id)
        .expect("in the queue");
    press(m, KeyCode::Home);
    for _ in 0..at {
        press(m, KeyCode::Down);
    }
}

#[test]
fn the_leave_queue_is_worked_through_at_phone_size() {
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let (_d, mut m) = fixture(lang, 6);
            let personal = request(&mut m, "T0004", LeaveKind::Personal, 1, "家中有事");
            let sick = request(&mut m, "T0005", LeaveKind::Sick, 2, "发烧,需要住院观察两天");
            let other = request(&mut m, "T0006", LeaveKind::Personal, 3, "孩子开家长会");
            keys(&mut m, "2");
            select(&mut m, sick);
            let shown = snap(&m, "phone_leave_queue", size);
            // The request under the cursor is read whole: its reason.
            assert!(shown.replace('\n', "").contains("发烧"), "{shown}");

            // The hospital certificate arrives: recorded from the queue.
            let before = history(&m);
            keys(&mut m, "e");
            snap(&m, "phone_leave_evidence", size);
            keys(&mut m, "n");
            press(&mut m, KeyCode::Enter);
            // Asked first, y/n, as a decision is: Enter alone saves nothing.
            assert_eq!(history(&m), before);
            snap(&m, "phone_leave_evidence_confirm", size);
            keys(&mut m, "y");
            assert!(leave(&m, sick).evidence.hospital_certificate);
            assert_eq!(history(&m), before + 1);

            // Approved …
            select(&mut m, personal);
            screen(&m, size.0, size.1);
            keys(&mut m, "a");
            press(&mut m, KeyCode::Enter);
            snap(&m, "phone_leave_confirm", size);
            keys(&mut m, "y");
            assert_eq!(leave(&m, personal).status, LeaveStatus::Approved);

            // … and rejected with its reason.
            select(&mut m, other);
            screen(&m, size.0, size.1);
            keys(&mut m, "r");
            keys(&mut m, "与期末考试冲突");
            snap(&m, "phone_leave_reject", size);
            press(&mut m, KeyCode::Enter);
            keys(&mut m, "y");
            let x = leave(&m, other);
            assert_eq!(x.status, LeaveStatus::Rejected);
            assert_eq!(x.comment, "与期末考试冲突");
            assert_eq!(history(&m), before + 3);
        }
    }
}

/// A demo school where the account "t1" is teacher T0001.
fn teacher_model(lang: Lang) -> (tempfile::TempDir, Model) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("t.redb");
    let mut office = demo_school(&path, small(6), at(15, 35));
    office
        .set_account(
            "t1",
            vec![Role::Teacher],
            Some(TeacherId("T0001".into())),
            at(9, 0),
        )
        .expect("the teacher's account");
    drop(office);
    let app = App::open(&path, "t1", None, false).expect("open the school");
    let m = Model::new(app, lang, Keymap::default(), Box::new(|| at(15, 35)));
    (dir, m)
}

#[test]
fn a_teacher_reads_their_own_standing_and_record_at_phone_size() {
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let (_d, mut m) = teacher_model(lang);
            keys(&mut m, "4");
            assert_eq!(m.tab, Tab::Teacher);
            let shown = snap(&m, "phone_teacher_own", size);
            assert!(shown.contains("T0001"), "{shown}");
        }
    }
}

#[test]
fn lookup_at_phone_size() {
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let (_d, mut m) = fixture(lang, 8);
            absent_three_more(&mut m, "T0003");
            keys(&mut m, "4");
            screen(&m, size.0, size.1);
            keys(&mut m, "/0003");
            press(&mut m, KeyCode::Enter);
            let shown = snap(&m, "phone_lookup", size);
            assert!(shown.contains("T0003"), "{shown}");
            // Unqualified, and why, wrapped whole.
            let r = m.screens.teacher.year.as_ref().expect("a standing");
            assert!(!r.standing.qualified);
            let joined = shown.replace(['\n', ' '], "");
            for why in &r.standing.reasons {
                let why = peixun::i18n::reason(lang, why).replace(' ', "");
                assert!(joined.contains(&why), "{why}:\n{shown}");
            }
        }
    }
}

/// Marks `teacher` absent at three closed sessions they attended: three
/// unexcused absences make them unqualified, with the reason.
fn absent_three_more(m: &mut Model, teacher: &str) {
    let who = TeacherId(teacher.into());
    let mut done = 0;
    for s in m.app.sessions().expect("sessions") {
        if done == 3 || s.state != peixun::core::RollState::Closed {
            continue;
        }
        let v = m.app.roll_view(s.session.id).expect("roll");
        if v.lines
            .iter()
            .any(|l| l.teacher.id == who && l.outcome.category == peixun::core::Category::Present)
        {
            m.app
                .correct_facts(
                    s.session.id,
                    &who,
                    peixun::core::RollFacts::default(),
                    "补录更正",
                    at(9, 0),
                )
                .expect("corrected");
            done += 1;
        }
    }
    m.reload();
}

#[test]
fn other_screens_name_the_ones_this_size_has_and_take_no_keys() {
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let (_d, mut m) = fixture(lang, 6);
            let shown = snap(&m, "phone_roll", size);
            let want = match lang {
                Lang::Zh => "此尺寸可用",
                Lang::En => "At this size",
            };
            assert!(shown.replace('\n', "").contains(want), "{shown}");
            // The roll is not drawn: starting it does nothing.
            let before = history(&m);
            keys(&mut m, "fy ");
            press(&mut m, KeyCode::Enter);
            assert_eq!(history(&m), before);
            assert!(!m.popup_open());
            // The tab keys still go where this size draws.
            keys(&mut m, "2");
            assert_eq!(m.tab, Tab::Leave);
            keys(&mut m, "3");
            assert_eq!(m.tab, Tab::Standings);
            screen(&m, size.0, size.1);
            keys(&mut m, "q");
            assert!(m.quit);
        }
    }
}

/// The help and the new-request form at phone size: nothing cut, the
/// form's key hints on its first lines where the border is too short.
#[test]
fn help_and_the_request_form_fit_a_phone() {
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let (_d, mut m) = fixture(lang, 6);
            keys(&mut m, "2");
            screen(&m, size.0, size.1);
            keys(&mut m, "?");
            snap(&m, "phone_help", size);
            press(&mut m, KeyCode::Esc);
            keys(&mut m, "n");
            let shown = snap(&m, "phone_request_form", size);
            let submit = match lang {
                Lang::Zh => "回车提交",
                Lang::En => "Entersubmit",
            };
            // Wrapped inside the box: read without the border and spaces.
            let plain = shown.replace(['\n', ' ', '│'], "");
            assert!(plain.contains(submit), "{shown}");
        }
    }
}

/// A request that cannot be approved yet (sick leave without its
/// hospital certificate) is refused at `a`, at once, with the reason on
/// the status line: no comment form opens, so the keys that follow (`e`
/// to record the certificate) act, not typed into a box. At phone size
/// and full size, in both languages.
#[test]
fn approving_without_the_paper_is_refused_at_once_and_no_box_eats_keys() {
    for lang in [Lang::Zh, Lang::En] {
        for size in [SIZES[0], SIZES[1], (120, 35)] {
            let (_d, mut m) = fixture(lang, 6);
            let sick = request(&mut m, "T0005", LeaveKind::Sick, 2, "发烧");
            keys(&mut m, "2");
            select(&mut m, sick);
            screen(&m, size.0, size.1);
            let before = history(&m);
            keys(&mut m, "a");
            let (msg, err) = m.status_line().expect("a status line");
            let want = match lang {
                Lang::Zh => "缺少医院证明",
                Lang::En => "hospital certificate",
            };
            assert!(err && msg.contains(want), "{msg}");
            assert!(!m.popup_open(), "{}", screen(&m, size.0, size.1).join("\n"));
            // The refusal is on the screen, whole.
            let shown = screen(&m, size.0, size.1).join("").replace(' ', "");
            assert!(shown.contains(&msg.replace(' ', "")), "{shown}");
            // The next key acts: `e` opens the papers, not typed anywhere.
            keys(&mut m, "e");
            assert_eq!(m.mode(), peixun::tui::action::Mode::Checklist);
            press(&mut m, KeyCode::Esc);
            assert_eq!(history(&m), before);
        }
    }
}

/// A teacher's `a` and `r` on their own request say why at once.
#[test]
fn a_teacher_pressing_approve_is_told_why_at_once() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = teacher_model(lang);
        let mine = request(&mut m, "T0001", LeaveKind::Personal, 1, "家中有事");
        keys(&mut m, "2");
        select(&mut m, mine);
        for key in ["a", "r"] {
            keys(&mut m, key);
            let (msg, err) = m.status_line().expect("a status line");
            assert!(err && !msg.is_empty(), "{msg}");
            assert!(!m.popup_open(), "{key}: {}", screen(&m, 50, 20).join("\n"));
        }
        assert_eq!(leave(&m, mine).status, LeaveStatus::Pending);
    }
}

/// The phone footer lists only the keys the actor may use, from the key
/// map: a teacher files (n) and filters (v); the office also approves,
/// rejects and records papers.
#[test]
fn the_phone_footer_shows_the_keys_of_the_actor() {
    for lang in [Lang::Zh, Lang::En] {
        let (approve, new) = match lang {
            Lang::Zh => ("a\u{a0}批准", "n\u{a0}新申请"),
            Lang::En => ("a\u{a0}approve", "n\u{a0}new"),
        };
        for size in SIZES {
            let (_d, mut t) = teacher_model(lang);
            request(&mut t, "T0001", LeaveKind::Personal, 1, "家中有事");
            keys(&mut t, "2");
            let shown = snap(&t, "phone_leave_teacher", size).replace('\n', " ");
            assert!(!shown.contains(approve), "{shown}");
            assert!(shown.contains(new), "{shown}");

            let (_d, mut o) = fixture(lang, 6);
            request(&mut o, "T0004", LeaveKind::Personal, 1, "家中有事");
            keys(&mut o, "2");
            let shown = screen(&o, size.0, size.1).join(" ");
            assert!(shown.contains(approve) && shown.contains(new), "{shown}");
        }
    }
}

/// A teacher opening the app at phone size starts on a screen the phone
/// layout draws (their leave requests), not on the roll call; and the
/// line naming the screens of this size keeps each "N name" whole.
#[test]
fn a_teacher_at_phone_size_opens_on_a_screen_it_draws() {
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let (_d, mut m) = teacher_model(lang);
            assert_eq!(m.tab, Tab::Roll);
            m.fit(size.0, size.1);
            assert_eq!(m.tab, Tab::Leave);
            let (_d, mut m) = teacher_model(lang);
            m.fit(120, 35);
            assert_eq!(m.tab, Tab::Roll, "the full size keeps the roll");
            // Going to a screen the phone does not draw: each name whole.
            let lines = screen(&m, size.0, size.1);
            let title = Tab::Leave.title(lang).replace(' ', "\u{a0}");
            assert!(
                lines.iter().any(|l| l.contains(&title)),
                "{}",
                lines.join("\n")
            );
        }
    }
}

/// The teacher screen at phone size names the teacher's groups over time,
/// wrapped and whole (the office looking a teacher up, and a teacher on
/// their own screen), at 50 and 40 columns.
#[test]
fn the_group_history_is_whole_at_phone_size() {
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let (_d, mut m) = teacher_model(lang);
            // Moved twice, by the office.
            let path = m.app.path().to_path_buf();
            let mut office = App::open(&path, "tester", None, false).expect("the office");
            for (group, day) in [("数学 教研组", 1), ("信息技术 与 综合实践 教研组", 15)]
            {
                office
                    .edit_teacher(
                        &TeacherId("T0001".into()),
                        peixun::app::calendar::TeacherEdit {
                            group: Some(group.into()),
                            group_from: chrono::NaiveDate::from_ymd_opt(2026, 11, day),
                            ..Default::default()
                        },
                        at(9, day),
                    )
                    .expect("moved");
            }
            drop(office);
            m.reload();
            keys(&mut m, "4");
            let t = m
                .screens
                .teacher
                .record
                .as_ref()
                .expect("own record")
                .0
                .clone();
            let want = peixun::i18n::group_history(lang, &t).expect("a history");
            for w in size.0..=79 {
                let lines = screen(&m, w, size.1);
                let joined = lines.join("").replace(' ', "");
                assert!(
                    joined.contains(&want.replace(' ', "")),
                    "{want}\n{}",
                    lines.join("\n")
                );
            }
        }
    }
}

/// A request's reason is read whole at every phone width: no character is
/// lost where a row ends in wide characters (ratatui's wrapping dropped
/// one there; the detail is wrapped by the app's own `phone::wrap`).
#[test]
fn a_reason_is_whole_at_every_phone_width() {
    let reasons = [
        "已导入:新增 0,更新 2,未变 10;以下 2 位教师不在此文件中,已记为 2026-11-26 离校",
        "孩子 2026-11-27 开家长会,需要 请假 半天 the whole afternoon 谢谢",
    ];
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 6);
        let ids: Vec<LeaveId> = reasons
            .iter()
            .enumerate()
            .map(|(i, r)| request(&mut m, "T0004", LeaveKind::Personal, 1 + i as u64, r))
            .collect();
        keys(&mut m, "2");
        for (id, reason) in ids.iter().zip(reasons) {
            select(&mut m, *id);
            for w in 40..=79 {
                let lines = screen(&m, w, 24);
                let joined = lines.join("").replace(' ', "");
                assert!(
                    joined.contains(&reason.replace(' ', "")),
                    "{w}:\n{}",
                    lines.join("\n")
                );
            }
        }
    }
}
