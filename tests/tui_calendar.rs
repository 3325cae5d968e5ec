//! The school's year in the terminal app (issue 14, its last bullet): the
//! roll screen edits, moves and cancels a session, reopens a closed roll
//! and excuses an early leave; the teacher screen records a departure and
//! edits a teacher. Each through a small form, a one-key question, and the
//! same app-layer call as the command line; each leaves its history entry.
//! Also: a roll started too early (a reason box for the office, a plain
//! refusal for others), and a new academic-year start checked against the
//! terms already entered (through the binary).

mod common;

use common::{Db, school};

/// The policy as `policy show` prints it, with the year starting on `day`.
fn policy_with_year_start(db: &Db, day: &str) -> std::path::PathBuf {
    let shown = db.ok(common::SETUP, &["policy", "show"]);
    assert!(shown.contains("year_start = \"09-01\""), "{shown}");
    let file = db.file("policy.toml");
    let text = shown.replace("year_start = \"09-01\"", &format!("year_start = \"{day}\""));
    std::fs::write(&file, text).expect("write the policy");
    file
}

#[test]
fn a_year_start_that_would_rename_an_entered_term_is_refused() {
    let db = Db::new();
    school(&db, 2, &["2025-09-10"]);
    // 10-01: the autumn term from 2025-09-01 would fall in 2024–2025, as
    // its second term.
    let file = policy_with_year_start(&db, "10-01");
    let f = file.to_str().expect("a path");
    let en = db.refused(None, common::SETUP, &["policy", "set", f]);
    assert!(
        en.contains("2025-autumn") && en.contains("2024-spring") && en.contains("10-01"),
        "{en}"
    );
    assert!(en.contains("nothing was changed"), "{en}");
    let zh = common::text(
        &common::command_in("zh", &db.path, None, common::SETUP, &["policy", "set", f])
            .output()
            .expect("run")
            .stderr,
    );
    assert!(
        zh.contains("2025-autumn")
            && zh.contains("2024-2025学年第二学期")
            && zh.contains("未做任何更改"),
        "{zh}"
    );
    // A start that keeps the term as named is taken.
    let file = policy_with_year_start(&db, "08-15");
    let f = file.to_str().expect("a path");
    db.ok(common::SETUP, &["policy", "set", f]);
    let shown = db.ok(common::SETUP, &["policy", "show"]);
    assert!(shown.contains("year_start = \"08-15\""), "{shown}");
}

use crossterm::event::{KeyCode, KeyModifiers};
use peixun::core::{Audience, Role, RollState, SessionId, TeacherId};
use peixun::i18n::Lang;
use peixun::tui::model::Model;

use common::tui::{fixture, keys, press, press_with, screen, shows, text};

/// The session of the fixture's day (2026-11-26, 15:30–17:30).
const TODAY: SessionId = SessionId(26);

fn status(m: &Model) -> (String, bool) {
    m.status_line().expect("a status line")
}

fn clear_box(m: &mut Model) {
    press_with(m, KeyCode::Char('u'), KeyModifiers::CONTROL);
}

fn session(m: &Model, id: SessionId) -> peixun::store::SessionRecord {
    m.app
        .sessions()
        .expect("sessions")
        .into_iter()
        .find(|r| r.session.id == id)
        .expect("the session")
}

fn teacher(m: &Model, id: &str) -> peixun::core::Teacher {
    m.app
        .teachers()
        .expect("teachers")
        .into_iter()
        .find(|t| t.id.0 == id)
        .expect("the teacher")
}

/// The newest history entry, which must be `action`; returns its reason.
#[track_caller]
fn last_entry(m: &Model, action: &str) -> Option<String> {
    let h = m.app.history(None, None).expect("history");
    let e = h.last().expect("an entry");
    assert_eq!(e.action, action, "{e:?}");
    e.reason.clone()
}

/// Takes the roll of today's session to its close.
fn close_today(m: &mut Model) {
    keys(m, "fy");
    press(m, KeyCode::Esc);
    keys(m, "sy");
    press(m, KeyCode::Esc);
    keys(m, "eyxy");
    assert_eq!(session(m, TODAY).state, RollState::Closed, "{}", text(m));
}

#[test]
fn the_roll_screen_edits_a_session() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    keys(&mut m, "E");
    shows(
        &m,
        &["修改活动 26", "标题", "开始时间", "15:30", "学分", "主讲人"],
    );
    clear_box(&mut m);
    keys(&mut m, "新标题");
    // The end time, then the credits.
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Tab);
    clear_box(&mut m);
    keys(&mut m, "17:00");
    press(&mut m, KeyCode::Tab);
    clear_box(&mut m);
    keys(&mut m, "x");
    press(&mut m, KeyCode::Enter);
    // Not a number of credits: said, and the form keeps what was typed.
    let (msg, err) = status(&m);
    assert!(err && msg.contains("学分「x」"), "{msg}");
    shows(&m, &["新标题", "17:00"]);
    clear_box(&mut m);
    keys(&mut m, "1.5");
    press(&mut m, KeyCode::Enter);
    shows(
        &m,
        &["将活动 26 改为「新标题」15:30–17:00,1.5 学分", "y 确认"],
    );
    // On a narrow terminal the question wraps; its end and the keys show.
    let narrow = screen(&m, 60, 24).join("\n");
    // The presenter is named twice: its box, and the question's end.
    assert!(
        narrow.matches("主讲人").count() == 2 && narrow.contains("y 确认"),
        "{narrow}"
    );
    keys(&mut m, "y");
    assert!(!m.popup_open(), "{}", text(&m));
    let s = session(&m, TODAY).session;
    assert_eq!(
        (s.title.as_str(), s.end.to_string().as_str()),
        ("新标题", "17:00:00")
    );
    assert_eq!(s.credits.to_string(), "1.5");
    assert_eq!(status(&m), ("活动 26 已修改".into(), false));
    last_entry(&m, "session.edit");
}

#[test]
fn the_roll_screen_moves_a_session_and_keeps_what_was_typed_when_refused() {
    let (_d, mut m) = fixture(Lang::En, 6);
    keys(&mut m, "M");
    shows(&m, &["Move session 26", "date", "2026-11-26", "reason"]);
    clear_box(&mut m);
    keys(&mut m, "2030-01-01");
    press(&mut m, KeyCode::Enter);
    // No reason: asked for, nothing changed.
    let (msg, err) = status(&m);
    assert!(err && msg.contains("reason"), "{msg}");
    press(&mut m, KeyCode::BackTab);
    keys(&mut m, "the hall is booked");
    press(&mut m, KeyCode::Enter);
    shows(&m, &["Move session 26 to 2030-01-01 15:30–17:30?"]);
    keys(&mut m, "y");
    // 2030 is in no term: the app refuses, the form stays as typed.
    let (msg, err) = status(&m);
    assert!(err && msg.contains("2030-01-01 is in no term"), "{msg}");
    assert!(m.popup_open());
    shows(&m, &["2030-01-01", "the hall is booked"]);
    // From the reason round to the date.
    press(&mut m, KeyCode::Tab);
    clear_box(&mut m);
    keys(&mut m, "2026-11-27");
    press(&mut m, KeyCode::Enter);
    keys(&mut m, "y");
    assert!(!m.popup_open(), "{}", text(&m));
    assert_eq!(session(&m, TODAY).session.date.to_string(), "2026-11-27");
    assert_eq!(status(&m), ("session 26 moved".into(), false));
    assert_eq!(
        last_entry(&m, "session.move").as_deref(),
        Some("the hall is booked")
    );
}

#[test]
fn the_roll_screen_cancels_a_session() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    keys(&mut m, "C");
    shows(&m, &["取消活动 26", "原因"]);
    keys(&mut m, "停电");
    press(&mut m, KeyCode::Enter);
    shows(&m, &["取消活动 26「", "取消后不计入任何人的考勤"]);
    // n goes back to the form, as typed.
    keys(&mut m, "n");
    assert!(m.popup_open());
    shows(&m, &["停电"]);
    press(&mut m, KeyCode::Enter);
    keys(&mut m, "y");
    assert!(!m.popup_open(), "{}", text(&m));
    assert_eq!(session(&m, TODAY).state, RollState::Cancelled);
    assert_eq!(last_entry(&m, "session.cancel").as_deref(), Some("停电"));
    // A cancelled session leaves the roll screen's list.
    let shown = m.screens.roll.view.as_ref().map(|v| v.record.session.id);
    assert_ne!(shown, Some(TODAY));
}

#[test]
fn the_roll_screen_reopens_a_closed_roll() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    // An open roll has nothing to reopen.
    keys(&mut m, "O");
    assert!(!m.popup_open());
    let (msg, err) = status(&m);
    assert!(err && msg.contains("尚未结束"), "{msg}");
    close_today(&mut m);
    keys(&mut m, "O");
    shows(&m, &["重新打开活动 26 的点名", "原因"]);
    press(&mut m, KeyCode::Enter);
    assert_eq!(status(&m), ("请填写原因".into(), true));
    keys(&mut m, "点错了");
    press(&mut m, KeyCode::Enter);
    shows(&m, &["未到者在再次结束点名前不记旷工"]);
    keys(&mut m, "y");
    assert_eq!(session(&m, TODAY).state, RollState::AfterSecondCall);
    assert_eq!(last_entry(&m, "roll.state").as_deref(), Some("点错了"));
}

#[test]
fn the_roll_screen_excuses_an_early_leave_for_the_office_only() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    // The first call; the first teacher answers.
    keys(&mut m, "fy ");
    press(&mut m, KeyCode::Esc);
    press(&mut m, KeyCode::Home);
    let t = m.screens.roll.line().expect("a teacher").teacher.clone();
    keys(&mut m, "L");
    shows(&m, &[&format!("{} 早退准假", t.name), "离开时间", "15:35"]);
    press(&mut m, KeyCode::Tab);
    keys(&mut m, "孩子发烧");
    press(&mut m, KeyCode::Enter);
    shows(&m, &["15:35 的早退记为准假"]);
    keys(&mut m, "y");
    assert!(!m.popup_open(), "{}", text(&m));
    let v = m.app.roll_view(TODAY).expect("roll");
    let line = v
        .lines
        .iter()
        .find(|l| l.teacher.id == t.id)
        .expect("on roll");
    assert_eq!(line.facts.early_excused.as_deref(), Some("孩子发烧"));
    assert_eq!(
        last_entry(&m, "roll.excuse_early_leave").as_deref(),
        Some("孩子发烧")
    );
    // A teacher pressing the key is refused by the app layer.
    m.app.actor_mut().roles = vec![Role::Teacher];
    keys(&mut m, "L");
    assert!(!m.popup_open());
    let (msg, err) = status(&m);
    assert!(err && msg.contains("无权") && !msg.contains("--"), "{msg}");
    for k in ["E", "M", "C", "O"] {
        keys(&mut m, k);
        assert!(!m.popup_open(), "{k}");
        assert!(status(&m).1, "{k}");
    }
}

/// The session after today's, for the early start.
fn next_session(m: &Model) -> SessionId {
    m.app
        .sessions()
        .expect("sessions")
        .into_iter()
        .filter(|r| r.session.date > common::tui::at(0, 0).date())
        .map(|r| r.session.id)
        .min_by_key(|id| id.0)
        .expect("a session to come")
}

#[test]
fn the_office_starts_a_roll_early_with_a_reason() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    let next = next_session(&m);
    keys(&mut m, "]fy");
    // Not the command line's refusal: a reason box.
    let t = text(&m);
    assert!(!t.contains("--reason"), "{t}");
    shows(&m, &[&format!("提前点名:活动 {next} 的点名"), "原因"]);
    press(&mut m, KeyCode::Enter);
    assert_eq!(status(&m), ("请填写原因".into(), true));
    keys(&mut m, "活动提前");
    press(&mut m, KeyCode::Enter);
    shows(&m, &[&format!("现在提前开始活动 {next} 的第一次点名?")]);
    keys(&mut m, "y");
    assert!(!m.popup_open(), "{}", text(&m));
    assert_eq!(session(&m, next).state, RollState::FirstCall);
    assert_eq!(last_entry(&m, "roll.state").as_deref(), Some("活动提前"));
}

#[test]
fn others_are_told_when_the_roll_opens_on_one_line() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 6);
        let next = next_session(&m);
        // The session is for one group; its leader runs the roll, in time.
        let leader = teacher(&m, "T0001");
        let now = common::tui::at(15, 35);
        let edit = peixun::app::calendar::SessionEdit {
            groups: Some(Audience::Groups(vec![leader.group.clone()])),
            ..Default::default()
        };
        m.app
            .edit_session(next, edit, None, now)
            .expect("for one group");
        m.app.actor_mut().roles = vec![Role::GroupLeader];
        m.app.actor_mut().teacher = Some(TeacherId("T0001".into()));
        m.reload();
        keys(&mut m, "]");
        assert_eq!(
            m.screens.roll.view.as_ref().map(|v| v.record.session.id),
            Some(next)
        );
        keys(&mut m, "fy");
        assert!(!m.popup_open(), "{}", text(&m));
        let (msg, err) = status(&m);
        assert!(err, "{msg}");
        assert!(!msg.contains("--"), "no command-line flag: {msg}");
        let opens = session(&m, next).session.date.to_string();
        assert!(msg.contains(&opens), "{msg}");
        // The whole line fits the status line at 80 columns.
        let shown = screen(&m, 80, 24).join("\n");
        let end = msg.split_whitespace().last().unwrap_or_default();
        assert!(
            unicode_width::UnicodeWidthStr::width(msg.as_str()) <= 78 && shown.contains(end),
            "{msg}\n{shown}"
        );
        assert_eq!(session(&m, next).state, RollState::NotStarted);
    }
}

#[test]
fn the_teacher_screen_records_a_departure_and_edits_a_teacher() {
    let (_d, mut m) = fixture(Lang::Zh, 6);
    press(&mut m, KeyCode::Char('4'));
    keys(&mut m, "T0003");
    press(&mut m, KeyCode::Enter);
    let name = teacher(&m, "T0003").name;
    keys(&mut m, "L");
    shows(
        &m,
        &[&format!("登记 {name} 离校"), "日期", "2026-11-26", "原因"],
    );
    clear_box(&mut m);
    keys(&mut m, "2026-12-31");
    press(&mut m, KeyCode::Tab);
    keys(&mut m, "调往城关中学");
    press(&mut m, KeyCode::Enter);
    shows(&m, &["于 2026-12-31 离校?此后的活动不再要求其参加"]);
    keys(&mut m, "y");
    assert!(!m.popup_open(), "{}", text(&m));
    assert_eq!(
        teacher(&m, "T0003")
            .active_to
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-12-31")
    );
    assert_eq!(
        last_entry(&m, "teacher.leave").as_deref(),
        Some("调往城关中学")
    );
    // The edit: a new group and a joining date.
    keys(&mut m, "E");
    shows(
        &m,
        &[
            &format!("修改 {name} 的资料"),
            "姓名",
            "教研组",
            "年级",
            "到校日期",
        ],
    );
    press(&mut m, KeyCode::Tab);
    clear_box(&mut m);
    keys(&mut m, "物理");
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Tab);
    clear_box(&mut m);
    keys(&mut m, "2026-13-01");
    press(&mut m, KeyCode::Enter);
    let (msg, err) = status(&m);
    assert!(err && msg.contains("「2026-13-01」不是日期"), "{msg}");
    clear_box(&mut m);
    keys(&mut m, "2020-09-01");
    press(&mut m, KeyCode::Enter);
    shows(&m, &["物理", "到校 2020-09-01"]);
    keys(&mut m, "y");
    assert!(!m.popup_open(), "{}", text(&m));
    let t = teacher(&m, "T0003");
    assert_eq!(t.group, "物理");
    assert_eq!(
        t.active_from.map(|d| d.to_string()).as_deref(),
        Some("2020-09-01")
    );
    last_entry(&m, "teacher.edit");
    // The departure was a mistake: the edit shows it, and clearing it
    // keeps the teacher at the school.
    keys(&mut m, "E");
    shows(&m, &["离校日期", "2026-12-31"]);
    for _ in 0..4 {
        press(&mut m, KeyCode::Tab);
    }
    clear_box(&mut m);
    press(&mut m, KeyCode::Enter);
    shows(&m, &["离校 未离校"]);
    keys(&mut m, "y");
    assert!(!m.popup_open(), "{}", text(&m));
    assert_eq!(teacher(&m, "T0003").active_to, None);
    // A teacher pressing either key is refused by the app layer.
    m.app.actor_mut().roles = vec![Role::Teacher];
    for k in ["L", "E"] {
        keys(&mut m, k);
        assert!(!m.popup_open(), "{k}");
        let (msg, err) = status(&m);
        assert!(err && msg.contains("无权"), "{msg}");
    }
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

fn snap(m: &Model, name: &str) {
    // The temporary file's path differs from run to run.
    let file = m.app.path().display().to_string();
    let text = screen(m, 100, 28).join("\n").replace(&file, "[file]");
    insta::assert_snapshot!(format!("{name}_{}", lang_name(m.lang)), text);
}

#[test]
fn every_calendar_form() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 6);
        keys(&mut m, "E");
        snap(&m, "form_edit_session");
        press(&mut m, KeyCode::Enter);
        snap(&m, "form_edit_session_asks");
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "M");
        snap(&m, "form_move_session");
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "C");
        snap(&m, "form_cancel_session");
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "fy ");
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Home);
        keys(&mut m, "L");
        snap(&m, "form_excuse_early_leave");
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "sy");
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "eyxy");
        keys(&mut m, "O");
        snap(&m, "form_reopen_roll");
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "]fy");
        snap(&m, "form_early_start");
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Char('4'));
        keys(&mut m, "T0003");
        press(&mut m, KeyCode::Enter);
        keys(&mut m, "L");
        snap(&m, "form_teacher_departs");
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "E");
        snap(&m, "form_edit_teacher");
    }
}

/// A moved session takes its place by its new date: the roll screen walks
/// the sessions by date and time, not by their numbers, so `]` from today's
/// session reaches a later session moved to tomorrow before the ones that
/// come after it.
#[test]
fn the_roll_screen_walks_the_sessions_by_their_dates() {
    let (_d, mut m) = fixture(Lang::En, 6);
    let last = m
        .app
        .sessions()
        .expect("sessions")
        .into_iter()
        .map(|r| r.session.id)
        .max_by_key(|id| id.0)
        .expect("a session");
    let next = next_session(&m);
    assert_ne!(last, next);
    let tomorrow = common::tui::at(0, 0).date() + chrono::Duration::days(1);
    assert!(session(&m, next).session.date > tomorrow);
    let time = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).expect("a time");
    m.app
        .move_session(
            last,
            tomorrow,
            time(8),
            time(9),
            "调到明天",
            common::tui::at(15, 35),
        )
        .expect("moved");
    m.reload();
    assert!(
        text(&m).contains(&format!("session {}", TODAY.0)),
        "{}",
        text(&m)
    );
    keys(&mut m, "]");
    assert!(
        text(&m).contains(&format!("session {}", last.0)),
        "the moved session comes next:\n{}",
        text(&m)
    );
    keys(&mut m, "]");
    assert!(
        text(&m).contains(&format!("session {}", next.0)),
        "{}",
        text(&m)
    );
}
