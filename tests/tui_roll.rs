//! The roll call forgives (issue 17): every step asks or can be taken
//! back, a marked teacher can be corrected, times are shown and typed as
//! people type them, and a closed roll says why a key does nothing.

use crossterm::event::{KeyCode, KeyModifiers};
use peixun::app::leave::LeaveRequest;
use peixun::core::{Category, Cover, Evidence, LeaveKind, RollState, SessionId, TeacherId};
use peixun::i18n::Lang;
use peixun::tui::model::Model;
use peixun::tui::screens::roll;

mod common;
use common::tui::{at, fixture, fixture_at, keys, press, press_with, shows, text};

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

fn status(m: &Model) -> (String, bool) {
    m.status_line().expect("a status line")
}

/// Moves the cursor to teacher `t`.
fn to(m: &mut Model, t: &str) {
    press(m, KeyCode::Home);
    let at = m
        .screens
        .roll
        .view
        .as_ref()
        .and_then(|v| v.lines.iter().position(|l| l.teacher.id.0 == t))
        .expect("on the roll");
    for _ in 0..at {
        press(m, KeyCode::Down);
    }
}

#[test]
fn a_stray_space_asks_and_u_takes_every_step_back() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    // A stray Space before the call asks first.
    press(&mut m, KeyCode::Char(' '));
    shows(&m, &["开始第一次点名?"]);
    assert_eq!(state(&m), RollState::NotStarted);
    press(&mut m, KeyCode::Char('n'));
    assert!(!m.popup_open());
    assert_eq!(state(&m), RollState::NotStarted);
    // Said yes: the call starts and T0001 is marked.
    press(&mut m, KeyCode::Char(' '));
    press(&mut m, KeyCode::Char('y'));
    assert_eq!(state(&m), RollState::FirstCall);
    assert_eq!(category(&m, "T0001"), Category::Present);
    // A stray s then e: both asked, both said yes to, both taken back.
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "sy");
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "e");
    shows(&m, &["结束第二次点名?"]);
    keys(&mut m, "y");
    assert_eq!(state(&m), RollState::AfterSecondCall);
    keys(&mut m, "u");
    assert_eq!(state(&m), RollState::SecondCall);
    assert_eq!(status(&m), ("已撤销,点名回到「第二次点名」".into(), false));
    keys(&mut m, "u");
    assert_eq!(state(&m), RollState::FirstCall);
    // Whoever walks in now is present, not late.
    to(&mut m, "T0002");
    press(&mut m, KeyCode::Char(' '));
    assert_eq!(category(&m, "T0002"), Category::Present);
    // T0002's mark, then T0001's with the start of the call it made (one
    // key, one transaction, one step back).
    keys(&mut m, "uu");
    assert_eq!(state(&m), RollState::NotStarted);
    assert_eq!(category(&m, "T0001"), Category::Pending);
    keys(&mut m, "u");
    let (msg, err) = status(&m);
    assert!(err && msg.contains("没有可撤销"), "{msg}");
}

#[test]
fn space_on_a_marked_teacher_says_m_corrects() {
    let (_d, mut m) = fixture_at(Lang::Zh, 6, at(16, 0));
    keys(&mut m, "fy  ");
    press(&mut m, KeyCode::Esc);
    assert_eq!(category(&m, "T0001"), Category::Present);
    to(&mut m, "T0001");
    // Space opens nothing that would take the next keys: it says how.
    press(&mut m, KeyCode::Char(' '));
    assert!(!m.popup_open());
    assert!(status(&m).0.contains("按 m"), "{}", status(&m).0);
    press(&mut m, KeyCode::Char('m'));
    let name = m.screens.roll.line().map(|l| l.teacher.name.clone());
    let name = name.expect("a teacher");
    shows(
        &m,
        &[&format!("更正 {name} 的记录"), "(•) 到", "迟到,到达时间"],
    );
    // Late at 15:45, typed as 1545 over the selected time.
    press(&mut m, KeyCode::Down);
    keys(&mut m, "1545");
    press(&mut m, KeyCode::Enter);
    assert!(!m.popup_open(), "{}", text(&m));
    assert_eq!(category(&m, "T0001"), Category::Late);
    shows(&m, &["迟到 15:45", &format!("{name} 的记录已更正")]);
    // The fix is a step like any other: u takes it back.
    keys(&mut m, "u");
    assert_eq!(category(&m, "T0001"), Category::Present);
}

#[test]
fn the_time_box_takes_times_as_typed() {
    let (_d, mut m) = fixture_at(Lang::En, 6, at(17, 20));
    keys(&mut m, "fy ");
    press(&mut m, KeyCode::Esc);
    to(&mut m, "T0001");
    for (typed, want) in [("16：42", "16:42"), ("1650", "16:50")] {
        press(&mut m, KeyCode::Char('l'));
        let name = m.screens.roll.line().map(|l| l.teacher.name.clone());
        shows(
            &m,
            &[&format!(
                "Time HH:MM (Enter to confirm) — {}",
                name.unwrap_or_default()
            )],
        );
        // The current time is selected: typing replaces it.
        keys(&mut m, typed);
        press(&mut m, KeyCode::Enter);
        assert!(!m.popup_open(), "{}", text(&m));
        shows(&m, &[&format!("early leave {want}")]);
        keys(&mut m, "u");
    }
    // Ctrl-U clears what is typed.
    press(&mut m, KeyCode::Char('l'));
    keys(&mut m, "99");
    press_with(&mut m, KeyCode::Char('u'), KeyModifiers::CONTROL);
    keys(&mut m, "17:00");
    press(&mut m, KeyCode::Enter);
    assert_eq!(category(&m, "T0001"), Category::EarlyLeave);
    // A time that is none stays in the box with the error.
    press(&mut m, KeyCode::Char('u'));
    press(&mut m, KeyCode::Char('l'));
    keys(&mut m, "5pm");
    press(&mut m, KeyCode::Enter);
    assert!(matches!(
        m.screens.roll.popup,
        Some(roll::Popup::Time { .. })
    ));
    assert!(status(&m).1);
}

#[test]
fn closing_names_pending_leave_and_a_closed_roll_says_why() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    let day = at(0, 0).date();
    m.app
        .request_leave(
            LeaveRequest {
                teacher: TeacherId("T0003".into()),
                kind: LeaveKind::Sick,
                cover: Cover::Dates { from: day, to: day },
                reason: "发烧".into(),
                evidence: Evidence::default(),
                emergency: false,
            },
            at(9, 0),
        )
        .expect("a leave request");
    keys(&mut m, "fy  ");
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "sy");
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "ey");
    keys(&mut m, "x");
    shows(
        &m,
        &[
            "结束点名?以下 4 人将记旷工",
            "(请假待审批)",
            "y 确认  n 取消",
        ],
    );
    // A short terminal still shows the question line.
    let short = common::tui::screen(&m, 80, 15).join("\n");
    assert!(short.contains("y 确认  n 取消"), "{short}");
    keys(&mut m, "y");
    assert_eq!(state(&m), RollState::Closed);
    shows(&m, &["旷工 4"]);
    for k in ["f", "s", "e", "l", "x"] {
        keys(&mut m, k);
        let (msg, err) = status(&m);
        assert!(err && msg.contains("点名已结束"), "{k}: {msg}");
    }
    // u takes the close back (whoever closed it, before the session's
    // end: tests/take_back.rs); closed again, as it was.
    keys(&mut m, "u");
    assert_eq!(state(&m), RollState::AfterSecondCall);
    keys(&mut m, "xy");
    assert_eq!(state(&m), RollState::Closed);
    // A correction after the close needs its reason.
    to(&mut m, "T0004");
    keys(&mut m, "m");
    press(&mut m, KeyCode::Up);
    press(&mut m, KeyCode::Up);
    press(&mut m, KeyCode::Up);
    press(&mut m, KeyCode::Enter);
    assert!(status(&m).1);
    assert_eq!(category(&m, "T0004"), Category::Absent);
    press(&mut m, KeyCode::Tab);
    keys(&mut m, "漏记");
    press(&mut m, KeyCode::Enter);
    assert_eq!(category(&m, "T0004"), Category::Present);
    let h = m.app.history(None, Some(TODAY)).expect("history");
    assert!(
        h.iter()
            .any(|e| e.action == "roll.correct" && e.reason.as_deref() == Some("漏记"))
    );
}

#[test]
fn a_session_not_today_says_its_date_first() {
    let (_d, mut m) = fixture(Lang::En, 6);
    press(&mut m, KeyCode::Char(']'));
    let date = m
        .screens
        .roll
        .view
        .as_ref()
        .map(|v| v.record.session.date)
        .expect("a session");
    assert_ne!(date, at(0, 0).date());
    press(&mut m, KeyCode::Char('f'));
    shows(&m, &[&format!("this session is on {date}, not today")]);
    press(&mut m, KeyCode::Char('n'));
    assert!(!m.popup_open());
}
