//! Every step of a roll call can be taken back, newest first, until the
//! roll is as it was before the first call: a mark, the start of a call,
//! the end of the second call (issue 17). Through the app layer, which the
//! terminal app's `u` and the CLI's `roll undo S` both call.

use peixun::app::roll::{Call, Undone};
use peixun::app::{App, AppError};
use peixun::core::{Category, RollFacts, RollState, SessionId, TeacherId};

mod common;
use common::demo::{demo_school, small};
use common::tui::at;

const TODAY: SessionId = SessionId(26);

fn school() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let app = demo_school(&dir.path().join("t.redb"), small(6), at(15, 35));
    (dir, app)
}

fn t(s: &str) -> TeacherId {
    TeacherId(s.into())
}

fn state(app: &App) -> RollState {
    app.roll_view(TODAY).expect("roll").record.state
}

fn facts(app: &App) -> Vec<RollFacts> {
    app.roll_view(TODAY)
        .expect("roll")
        .lines
        .into_iter()
        .map(|l| l.facts)
        .collect()
}

#[test]
fn a_stray_second_call_and_its_end_are_taken_back() {
    let (_d, mut app) = school();
    let before = facts(&app);
    app.answer(TODAY, Call::First, &[t("T0001")], at(15, 36))
        .expect("first answer");
    app.answer(TODAY, Call::First, &[t("T0002")], at(15, 36))
        .expect("second answer");
    // A stray s, then a stray e: the second call is over.
    app.start_call(TODAY, Call::Second, at(15, 37)).expect("s");
    app.end_second_call(TODAY, at(15, 37)).expect("e");
    assert_eq!(state(&app), RollState::AfterSecondCall);

    // u takes back the end of the second call, then its start.
    let u = app.undo_step(TODAY, at(15, 38)).expect("undo e");
    assert_eq!(
        u,
        Undone {
            mark: None,
            step: Some((RollState::AfterSecondCall, RollState::SecondCall))
        }
    );
    let u = app.undo_step(TODAY, at(15, 38)).expect("undo s");
    assert_eq!(u.step, Some((RollState::SecondCall, RollState::FirstCall)));
    assert_eq!(state(&app), RollState::FirstCall);
    // Whoever walks in now answers the first call: present, not late.
    app.answer(TODAY, Call::First, &[t("T0003")], at(15, 39))
        .expect("a first-call answer again");
    let v = app.roll_view(TODAY).expect("roll");
    let third = v.lines.iter().find(|l| l.teacher.id == t("T0003"));
    assert_eq!(third.map(|l| l.outcome.category), Some(Category::Present));

    // Newest first, down to before the first call.
    assert_eq!(
        app.undo_step(TODAY, at(15, 40)).expect("undo T0003").mark,
        Some(t("T0003"))
    );
    assert_eq!(
        app.undo_step(TODAY, at(15, 40)).expect("undo T0002").mark,
        Some(t("T0002"))
    );
    // The first answer started the call: both go back together.
    let u = app.undo_step(TODAY, at(15, 40)).expect("undo T0001");
    assert_eq!(
        u,
        Undone {
            mark: Some(t("T0001")),
            step: Some((RollState::FirstCall, RollState::NotStarted))
        }
    );
    assert_eq!(state(&app), RollState::NotStarted);
    assert_eq!(facts(&app), before);
    assert!(matches!(
        app.undo_step(TODAY, at(15, 41)),
        Err(AppError::NothingToUndo(_))
    ));
}

#[test]
fn a_late_arrival_that_ended_the_second_call_goes_back_with_it() {
    let (_d, mut app) = school();
    app.start_call(TODAY, Call::First, at(15, 36)).expect("f");
    app.answer(TODAY, Call::First, &[t("T0001")], at(15, 36))
        .expect("answer");
    app.start_call(TODAY, Call::Second, at(15, 40)).expect("s");
    app.arrive(
        TODAY,
        &t("T0002"),
        chrono::NaiveTime::from_hms_opt(15, 45, 0).unwrap_or_default(),
        at(15, 45),
    )
    .expect("arrive");
    assert_eq!(state(&app), RollState::AfterSecondCall);
    let u = app.undo_step(TODAY, at(15, 46)).expect("undo the arrival");
    assert_eq!(u.mark, Some(t("T0002")));
    assert_eq!(
        u.step,
        Some((RollState::AfterSecondCall, RollState::SecondCall))
    );
    // Closed after the session's end: nothing more is undone; a
    // correction (or the office's reopening) is the way.
    app.end_second_call(TODAY, at(15, 47)).expect("e");
    app.close_roll(TODAY, at(17, 31)).expect("close");
    assert!(matches!(
        app.undo_step(TODAY, at(17, 32)),
        Err(AppError::CloseAfterEnd { .. })
    ));
}

/// `roll status`, `record` and `roll undo` on the command line: the times
/// recorded are shown, and undo says what it took back.
#[test]
fn the_command_line_shows_times_and_undoes_steps() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("t.redb");
    {
        let mut app = demo_school(&db, small(6), at(15, 35));
        app.start_call(TODAY, Call::First, at(15, 36)).expect("f");
        app.answer(TODAY, Call::First, &[t("T0001")], at(15, 36))
            .expect("answer");
        app.start_call(TODAY, Call::Second, at(15, 40)).expect("s");
        let hm = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        app.arrive(TODAY, &t("T0002"), hm(15, 45), at(15, 45))
            .expect("arrive");
        app.leave_early(TODAY, &t("T0001"), hm(16, 50), at(16, 50))
            .expect("leave");
    }
    let now = "2026-11-26T16:55";
    let run =
        |args: &[&str]| common::expect_ok(common::run_on(&db, Some("tester"), now, args), args);
    let status = run(&["roll", "status", "26"]);
    assert!(status.contains("late 15:45"), "{status}");
    assert!(status.contains("early leave 16:50"), "{status}");
    let record = run(&["record", "T0002"]);
    assert!(record.contains("late 15:45"), "{record}");
    let undone = run(&["roll", "undo", "26"]);
    assert!(undone.contains("the mark of T0001"), "{undone}");
    let undone = run(&["roll", "undo", "26"]);
    assert!(
        undone.contains("the mark of T0002") && undone.contains("second call"),
        "{undone}"
    );
}
