//! No single slip ends or closes a roll, and nothing acts on what is not
//! drawn (issue 27): each slip the user made, played through the
//! screen, with the roll's step and the history unchanged.

use crossterm::event::{KeyCode, KeyModifiers};
use peixun::app::leave::LeaveRequest;
use peixun::core::TeacherId;
use peixun::core::{Category, Cover, Evidence, LeaveKind, LeaveStatus, RollState, SessionId};
use peixun::i18n::Lang;
use peixun::tui::model::Model;
use peixun::tui::screens::Tab;

mod common;
use common::tui::{at, fixture, keys, press, press_with, screen, shows, text};

const TODAY: SessionId = SessionId(26);

fn state(m: &Model) -> RollState {
    m.app.roll_view(TODAY).expect("roll").record.state
}

fn category(m: &Model, t: &str) -> Category {
    let v = m.app.roll_view(TODAY).expect("roll");
    v.lines
        .iter()
        .find(|l| l.teacher.id.0 == t)
        .map(|l| l.outcome.category)
        .expect("on the roll")
}

/// How many entries the history holds: a slip adds none.
fn history(m: &Model) -> usize {
    m.app.history(None, None).expect("history").len()
}

fn status(m: &Model) -> (String, bool) {
    m.status_line().expect("a status line")
}

/// The first and second calls made, T0001 and T0002 present at the first;
/// calling mode walks the second call's missing.
fn at_second_call(m: &mut Model) {
    keys(m, "fy  ");
    press(m, KeyCode::Esc);
    keys(m, "sy");
    assert_eq!(state(m), RollState::SecondCall);
}

#[test]
fn x_then_enter_in_the_second_call_closes_nothing() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    at_second_call(&mut m);
    assert!(m.screens.roll.calling, "calling mode walks the missing");
    let before = history(&m);
    // The slip of the issue: x, then Enter (which marks in calling mode).
    keys(&mut m, "x");
    shows(&m, &["结束点名?"]);
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char(' '));
    assert_eq!(state(&m), RollState::SecondCall, "{}", text(&m));
    assert_eq!(history(&m), before);
    // The question is still there, answered by y or n only.
    assert!(m.popup_open());
    keys(&mut m, "n");
    assert!(!m.popup_open());
    // Every other question of the roll: Enter answers none of them.
    keys(&mut m, "e");
    shows(&m, &["结束第二次点名?"]);
    press(&mut m, KeyCode::Enter);
    assert_eq!(state(&m), RollState::SecondCall);
    assert_eq!(history(&m), before);
    keys(&mut m, "y");
    assert_eq!(state(&m), RollState::AfterSecondCall);
}

#[test]
fn x_in_the_first_call_is_refused_before_anyone_is_listed() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    keys(&mut m, "fy ");
    assert_eq!(state(&m), RollState::FirstCall);
    let before = history(&m);
    keys(&mut m, "x");
    assert!(!m.popup_open(), "no list of the absent:\n{}", text(&m));
    let (msg, err) = status(&m);
    assert!(err, "{msg}");
    assert!(!text(&m).contains("将记旷工"), "{}", text(&m));
    press(&mut m, KeyCode::Enter);
    assert_eq!(state(&m), RollState::FirstCall);
    // Enter marked the next teacher (calling mode), nothing more.
    assert_eq!(history(&m), before + 1);
}

#[test]
fn q_in_calling_mode_asks_and_ctrl_c_still_quits() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    keys(&mut m, "fy ");
    assert!(m.screens.roll.calling);
    let before = history(&m);
    keys(&mut m, "q");
    assert!(!m.quit, "q quit in calling mode at once");
    shows(&m, &["现在退出?", "y 确认  n 取消"]);
    // Neither Enter nor Space answers the question, nor marks.
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char(' '));
    assert!(!m.quit);
    assert_eq!(history(&m), before);
    keys(&mut m, "n");
    assert!(!m.quit);
    assert!(m.screens.roll.calling, "still calling");
    keys(&mut m, "qy");
    assert!(m.quit);
    // Ctrl-C is no slip: it quits at once.
    let (_d2, mut m2) = fixture(Lang::Zh, 6);
    keys(&mut m2, "fy ");
    press_with(&mut m2, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(m2.quit);
    assert_eq!(state(&m), RollState::FirstCall);
}

#[test]
fn a_restart_resumes_calling_where_it_was() {
    let (dir, mut m) = fixture(Lang::Zh, 6);
    // T0001, T0002 present; T0003 skipped (n); T0004 present.
    keys(&mut m, "fy  n ");
    assert_eq!(category(&m, "T0003"), Category::Pending);
    assert_eq!(category(&m, "T0004"), Category::Present);
    drop(m);
    let app = peixun::app::App::open(&dir.path().join("t.redb"), "tester", None, false)
        .expect("the same file opened again");
    let mut m = Model::new(
        app,
        Lang::Zh,
        peixun::tui::keymap::Keymap::default(),
        Box::new(|| at(15, 40)),
    );
    assert!(m.screens.roll.calling, "calling mode goes on");
    let here = m.screens.roll.line().map(|l| l.teacher.id.0.clone());
    assert_eq!(here.as_deref(), Some("T0005"), "{}", text(&m));
    keys(&mut m, " ");
    assert_eq!(category(&m, "T0005"), Category::Present);
}

#[test]
fn space_on_a_marked_teacher_opens_nothing_that_eats_keys() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    keys(&mut m, "fy ");
    press(&mut m, KeyCode::Esc);
    press(&mut m, KeyCode::Home);
    let before = history(&m);
    keys(&mut m, " ");
    assert!(!m.popup_open(), "{}", text(&m));
    let (msg, err) = status(&m);
    assert!(err && msg.contains("按 m"), "{msg}");
    // The next keys do what they do on the roll, not typed into a form.
    keys(&mut m, "c");
    assert!(m.screens.roll.calling);
    shows(&m, &["逐个点名:开"]);
    keys(&mut m, " ");
    assert_eq!(history(&m), before + 1);
    assert_eq!(category(&m, "T0002"), Category::Present);
    // Turning calling mode off says so, with the key that turns it on.
    keys(&mut m, "c");
    assert!(!m.screens.roll.calling);
    shows(&m, &["逐个点名:关(按 c 重新打开)"]);
    // m still corrects.
    keys(&mut m, "m");
    assert!(m.popup_open());
}

#[test]
fn arrivals_and_early_leaves_later_than_now_are_refused() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    at_second_call(&mut m);
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "ey");
    let now = at(15, 40);
    let t3 = TeacherId("T0003".into());
    let t1 = TeacherId("T0001".into());
    let before = history(&m);
    let late = m.app.arrive(TODAY, &t3, at(16, 10).time(), now);
    assert!(late.is_err(), "{late:?}");
    let early = m.app.leave_early(TODAY, &t1, at(17, 0).time(), now);
    assert!(early.is_err(), "{early:?}");
    let msg = peixun::i18n::error(Lang::Zh, &early.expect_err("refused"));
    assert!(msg.contains("晚于现在") && msg.contains("17:00"), "{msg}");
    assert_eq!(history(&m), before);
    // As it happens, it is taken; an excuse is no licence to record an
    // early leave ahead of time (issue 26): the same refusal.
    m.app
        .arrive(TODAY, &t3, at(15, 40).time(), now)
        .expect("a late arrival now");
    let t2 = TeacherId("T0002".into());
    let ahead = m
        .app
        .excuse_early_leave(TODAY, &t2, Some(at(17, 0).time()), "家长会", now);
    let msg = peixun::i18n::error(Lang::Zh, &ahead.expect_err("refused"));
    assert!(msg.contains("晚于现在") && msg.contains("17:00"), "{msg}");
    // Through the screen: a correction to a time later than now says why.
    m.reload();
    keys(&mut m, "/4");
    press(&mut m, KeyCode::Enter);
    assert_eq!(
        m.screens.roll.line().map(|l| l.teacher.id.0.as_str()),
        Some("T0004")
    );
    let before = history(&m);
    keys(&mut m, "m");
    press(&mut m, KeyCode::Up);
    press(&mut m, KeyCode::Up);
    keys(&mut m, "1700");
    press(&mut m, KeyCode::Enter);
    let (msg, err) = status(&m);
    assert!(err && msg.contains("晚于现在"), "{msg}");
    assert_eq!(history(&m), before);
}

#[test]
fn the_gauge_counts_present_as_the_cli_does() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    at_second_call(&mut m);
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "ey");
    m.app
        .arrive(
            TODAY,
            &TeacherId("T0003".into()),
            at(15, 35).time(),
            at(15, 35),
        )
        .expect("late");
    m.reload();
    let v = m.app.roll_view(TODAY).expect("roll");
    // The CLI's 已到 counts the late (roll status).
    let t = text(&m);
    assert!(
        t.contains(&format!("已到 {}", v.present())),
        "已到 {}:\n{t}",
        v.present()
    );
    assert!(t.contains("迟到 1"), "{t}");
}

/// A request of T0004's for tomorrow, waiting, its note received.
fn pending_leave(m: &mut Model) -> peixun::core::LeaveId {
    let day = at(0, 0).date() + chrono::Days::new(1);
    let id = m
        .app
        .request_leave(
            LeaveRequest {
                teacher: TeacherId("T0004".into()),
                kind: LeaveKind::Personal,
                cover: Cover::Dates { from: day, to: day },
                reason: "家中有事".into(),
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

fn status_of(m: &Model, id: peixun::core::LeaveId) -> LeaveStatus {
    m.app
        .leaves(peixun::app::leave::LeaveFilter::All)
        .expect("leaves")
        .into_iter()
        .find(|l| l.id == id)
        .map(|l| l.status)
        .expect("the request")
}

#[test]
fn keys_on_a_screen_too_small_to_draw_change_nothing() {
    for (w, h) in [(39, 20), (59, 14), (30, 10)] {
        let (_d, mut m) = fixture(Lang::Zh, 6);
        let id = pending_leave(&mut m);
        let before = history(&m);
        let shown = screen(&m, w, h).join("\n");
        assert!(shown.contains("终端太小"), "{shown}");
        // The keys of the issue: approve leave, start the roll.
        keys(&mut m, "2a");
        press(&mut m, KeyCode::Enter);
        keys(&mut m, "y1fy ");
        assert_eq!(history(&m), before, "{w}×{h}");
        assert_eq!(status_of(&m, id), LeaveStatus::Pending);
        assert_eq!(m.tab, Tab::Roll);
        // Quit still quits.
        keys(&mut m, "q");
        assert!(m.quit, "{w}×{h}");
    }
    // Drawn whole, the same keys act: the test can fail.
    let (_d, mut m) = fixture(Lang::Zh, 6);
    let id = pending_leave(&mut m);
    screen(&m, 50, 20);
    screen(&m, 120, 35);
    keys(&mut m, "2a");
    press(&mut m, KeyCode::Enter);
    keys(&mut m, "y");
    assert_eq!(status_of(&m, id), LeaveStatus::Approved, "{}", text(&m));
}

#[test]
fn tab_keys_and_q_work_on_the_teacher_tab() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    keys(&mut m, "4");
    assert_eq!(m.tab, Tab::Teacher);
    // The keys: 3 4 6 3 1 moved between tabs, typed nothing.
    for (k, tab) in [
        ("3", Tab::Standings),
        ("4", Tab::Teacher),
        ("6", Tab::History),
        ("4", Tab::Teacher),
        ("1", Tab::Roll),
        ("4", Tab::Teacher),
    ] {
        keys(&mut m, k);
        assert_eq!(m.tab, tab, "{k}");
    }
    assert_eq!(m.screens.teacher.query.value(), "");
    // `/` opens the box: then digits are typed (an id).
    keys(&mut m, "/0003");
    assert_eq!(m.tab, Tab::Teacher);
    assert_eq!(m.screens.teacher.query.value(), "0003");
    press(&mut m, KeyCode::Enter);
    keys(&mut m, "q");
    assert!(m.quit);
}

#[test]
fn a_mark_that_starts_the_roll_is_one_commit() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    let g = m.app.generation().expect("generation");
    let before = history(&m);
    keys(&mut m, " y");
    assert_eq!(state(&m), RollState::FirstCall);
    assert_eq!(category(&m, "T0001"), Category::Present);
    assert_eq!(
        m.app.generation().expect("generation"),
        g + 1,
        "one transaction"
    );
    // The mark and the step, in that one transaction; one u takes both.
    assert_eq!(history(&m), before + 2);
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "u");
    assert_eq!(state(&m), RollState::NotStarted);
    assert_eq!(category(&m, "T0001"), Category::Pending);
}

/// After the second call a late arrival is one key at the time it is, with
/// no time box; the time box is the early leave's (`l`), and records the
/// time typed. (The roll screen's old time box for late arrivals is gone.)
#[test]
fn a_late_arrival_is_one_key_and_the_time_box_is_the_early_leaves() {
    let (_d, mut m) = common::tui::fixture_at(Lang::Zh, 6, at(15, 50));
    at_second_call(&mut m);
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "ey");
    assert_eq!(state(&m), RollState::AfterSecondCall);
    // The short list of the missing: the cursor on T0003.
    let late = m.screens.roll.line().map(|l| l.teacher.id.0.clone());
    assert_eq!(late.as_deref(), Some("T0003"), "{}", text(&m));
    keys(&mut m, " ");
    assert!(!m.popup_open(), "no time box for a late arrival");
    assert_eq!(category(&m, "T0003"), Category::Late);
    let v = m.app.roll_view(TODAY).expect("roll");
    let arrived = v
        .lines
        .iter()
        .find(|l| l.teacher.id.0 == "T0003")
        .and_then(|l| l.facts.arrived);
    assert_eq!(arrived.map(|t| t.to_string()).as_deref(), Some("15:50:00"));
    // `l` on a teacher present: the time box, for the early leave.
    keys(&mut m, "v/0001");
    press(&mut m, KeyCode::Enter);
    keys(&mut m, "l");
    assert!(m.popup_open());
    shows(&m, &["时间"]);
    keys(&mut m, "15:45");
    press(&mut m, KeyCode::Enter);
    assert!(!m.popup_open(), "{}", text(&m));
    assert_eq!(category(&m, "T0001"), Category::EarlyLeave);
}
