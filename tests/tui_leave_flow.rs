//! Leave end to end in the terminal app (issue 27): a teacher's tab 2
//! opens on their own requests with their id filled in, the form takes
//! hours as the CLI does and a typed key replaces a filled-in value, filing
//! for someone else says the true reason, and the approver records the
//! leave note from the queue (the same app call as `peixun leave
//! evidence`) before approving.

use crossterm::event::KeyCode;
use peixun::app::App;
use peixun::app::leave::LeaveFilter;
use peixun::core::{Cover, LeaveStatus, Role, TeacherId};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::Model;
use peixun::tui::screens::Tab;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

mod common;
use common::demo::{demo_school, small};
use common::tui::{at, keys, press, text};

/// A demo school of six teachers; the account "t1" is teacher T0001.
fn school() -> (TempDir, PathBuf) {
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
    (dir, path)
}

fn open(path: &Path, who: &str) -> Model {
    let app = App::open(path, who, None, false).expect("open the school");
    Model::new(app, Lang::Zh, Keymap::default(), Box::new(|| at(15, 35)))
}

#[track_caller]
fn status(m: &Model) -> (String, bool) {
    m.status_line().expect("a status line")
}

#[test]
fn a_teacher_files_with_hours_and_the_office_records_the_note_then_approves() {
    let (_d, path) = school();
    let mut t1 = open(&path, "t1");
    keys(&mut t1, "2");
    assert_eq!(t1.tab, Tab::Leave);
    // Their own requests, not an empty queue of others'.
    assert_eq!(t1.screens.leave.filter, LeaveFilter::All, "{}", text(&t1));
    assert!(!text(&t1).contains("[待我审批]"), "{}", text(&t1));

    // Filing for someone else says the true reason.
    keys(&mut t1, "n");
    press(&mut t1, KeyCode::BackTab);
    keys(&mut t1, "T0002");
    for _ in 0..4 {
        press(&mut t1, KeyCode::Tab);
    }
    keys(&mut t1, "家长会");
    press(&mut t1, KeyCode::Enter);
    let (msg, err) = status(&t1);
    assert!(err && msg.contains("只能为自己请假"), "{msg}");
    press(&mut t1, KeyCode::Esc);

    // Their own: the id is filled in and the form starts on the kind.
    keys(&mut t1, "n");
    let t = text(&t1);
    assert!(t.contains("T0001"), "{t}");
    press(&mut t1, KeyCode::Tab);
    // The filled-in date is replaced by what is typed, hours included.
    keys(&mut t1, "2026-12-23T16:00");
    press(&mut t1, KeyCode::Tab);
    keys(&mut t1, "2026-12-23T18:00");
    press(&mut t1, KeyCode::Tab);
    keys(&mut t1, "家长会");
    press(&mut t1, KeyCode::Enter);
    let (msg, err) = status(&t1);
    assert!(!err, "{msg}");
    assert!(!t1.popup_open(), "{}", text(&t1));
    let mine = t1.app.leaves(LeaveFilter::All).expect("leaves");
    let leave = mine
        .iter()
        .find(|l| l.teacher.0 == "T0001" && l.reason == "家长会")
        .expect("the request filed");
    match &leave.cover {
        Cover::Span { from, to } => {
            assert_eq!(from.to_string(), "2026-12-23 16:00:00");
            assert_eq!(to.to_string(), "2026-12-23 18:00:00");
        }
        other => panic!("hours were not taken: {other:?}"),
    }
    let id = leave.id;
    drop(t1);

    // The approver: no note yet, so approving is refused …
    let mut office = open(&path, "tester");
    keys(&mut office, "2");
    let at_id = office
        .screens
        .leave
        .list
        .iter()
        .position(|l| l.id == id)
        .expect("waiting in the queue");
    press(&mut office, KeyCode::Home);
    for _ in 0..at_id {
        press(&mut office, KeyCode::Down);
    }
    // said at once, at `a`, with no comment form left to eat the keys …
    keys(&mut office, "a");
    let (msg, err) = status(&office);
    assert!(err && msg.contains("缺少请假条"), "{msg}");
    assert!(!office.popup_open(), "{}", text(&office));
    // … the note is recorded from the queue (e, p ticks it, Enter, y) …
    keys(&mut office, "e");
    let t = text(&office);
    assert!(t.contains("[ ] 请假条") && t.contains("p 请假条"), "{t}");
    keys(&mut office, "p");
    assert!(text(&office).contains("[x] 请假条"));
    press(&mut office, KeyCode::Enter);
    // Asked first, as a decision is; Enter does not answer it.
    let t = text(&office);
    assert!(
        t.contains("按上面勾选的登记证明材料?") && t.contains("y 确认"),
        "{t}"
    );
    press(&mut office, KeyCode::Enter);
    assert!(
        !office
            .app
            .history(None, None)
            .expect("history")
            .iter()
            .any(|e| e.action == "leave.evidence"),
        "nothing recorded before y"
    );
    keys(&mut office, "y");
    let (msg, err) = status(&office);
    assert!(!err && msg.contains("证明材料已登记"), "{msg}");
    let history = office.app.history(None, None).expect("history");
    assert!(
        history.iter().any(|e| e.action == "leave.evidence"),
        "recorded as `leave evidence` records it"
    );
    // … and approved.
    keys(&mut office, "a");
    press(&mut office, KeyCode::Enter);
    keys(&mut office, "y");
    let status_of = office
        .app
        .leaves(LeaveFilter::All)
        .expect("leaves")
        .into_iter()
        .find(|l| l.id == id)
        .map(|l| l.status);
    assert_eq!(status_of, Some(LeaveStatus::Approved), "{}", text(&office));
}

/// A decision refused when it is confirmed (here another approver decided
/// the request meanwhile) closes the form: the refusal is on the status
/// line and the next keys act on the queue, not typed into a comment.
#[test]
fn a_refused_decision_closes_the_form() {
    let (_d, path) = school();
    let mut t1 = open(&path, "t1");
    keys(&mut t1, "2n");
    press(&mut t1, KeyCode::Tab);
    keys(&mut t1, "2026-12-23");
    press(&mut t1, KeyCode::Tab);
    press(&mut t1, KeyCode::Tab);
    keys(&mut t1, "家长会");
    press(&mut t1, KeyCode::Enter);
    assert!(!t1.popup_open(), "{:?}", t1.status_line());
    let id = t1
        .app
        .leaves(LeaveFilter::All)
        .expect("leaves")
        .into_iter()
        .find(|l| l.reason == "家长会")
        .expect("filed")
        .id;
    drop(t1);
    let mut a = open(&path, "tester");
    let mut b = open(&path, "tester");
    for m in [&mut a, &mut b] {
        keys(m, "2");
        let at_id = m
            .screens
            .leave
            .list
            .iter()
            .position(|l| l.id == id)
            .expect("waiting");
        press(m, KeyCode::Home);
        for _ in 0..at_id {
            press(m, KeyCode::Down);
        }
    }
    keys(&mut a, "r");
    keys(&mut a, "与考试冲突");
    press(&mut a, KeyCode::Enter);
    // Meanwhile the other approver rejects it first.
    keys(&mut b, "r");
    keys(&mut b, "不批");
    press(&mut b, KeyCode::Enter);
    keys(&mut b, "y");
    keys(&mut a, "y");
    let (msg, err) = status(&a);
    assert!(err, "{msg}");
    assert!(!a.popup_open(), "{}", text(&a));
    // The next key acts on the queue: `v` changes the filter.
    let before = a.screens.leave.filter;
    keys(&mut a, "v");
    assert_ne!(a.screens.leave.filter, before);
}
