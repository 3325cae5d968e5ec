//! The history screen of the terminal app, drawn on a test backend: after a
//! correction it shows who changed what, the old and the new value and the
//! reason, newest first; it filters by teacher and by session; a teacher
//! sees only entries about themselves; both languages.

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyCode;
use peixun::app::App;
use peixun::app::roll::Call;
use peixun::core::{Role, RollFacts, SessionId, TeacherId};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::Model;
use std::path::PathBuf;
use tempfile::TempDir;

mod common;
use common::demo::{demo_school, small};
use common::tui::{keys, press};

/// 2026-11-26 (a Thursday) at h:m; the demo has a session 15:30–17:30.
fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("a valid time")
}

const TODAY: SessionId = SessionId(26);

/// A small demo school; "tester" holds every staff role. On it: T0003
/// answers the first call, then the office corrects T0002 (missed in the
/// first call) with a reason, and gives T0001 a teacher account "zhang".
fn school() -> (TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("t.redb");
    let mut app = demo_school(&path, small(12), at(15, 35));
    let t = |s: &str| TeacherId(s.into());
    app.answer(TODAY, Call::First, &[t("T0003")], at(15, 36))
        .expect("first call");
    let fixed = RollFacts {
        first_call: true,
        ..RollFacts::default()
    };
    app.correct_facts(TODAY, &t("T0002"), fixed, "点名时漏记 missed", at(15, 40))
        .expect("correction");
    app.set_account("zhang", vec![Role::Teacher], Some(t("T0001")), at(15, 41))
        .expect("account");
    (dir, path, app)
}

fn open(app: App, lang: Lang) -> Model {
    Model::new(app, lang, Keymap::default(), Box::new(|| at(15, 45)))
}

/// The screen as text lines, a wide character counted once.
fn screen(m: &Model) -> Vec<String> {
    common::tui::screen(m, 120, 35)
}

/// The first line that contains all of `parts`, and its row.
#[track_caller]
fn row(m: &Model, parts: &[&str]) -> (usize, String) {
    let lines = screen(m);
    lines
        .iter()
        .enumerate()
        .find(|(_, l)| parts.iter().all(|p| l.contains(p)))
        .map(|(i, l)| (i, l.clone()))
        .unwrap_or_else(|| panic!("no line with {parts:?}:\n{}", lines.join("\n")))
}

#[track_caller]
fn lacks(m: &Model, what: &str) {
    let t = screen(m).join("\n");
    assert!(!t.contains(what), "screen shows {what:?}:\n{t}");
}

#[test]
fn a_correction_shows_old_and_new_value_and_the_reason() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, _p, app) = school();
        let mut m = open(app, lang);
        row(&m, &[t("6 修改记录", "6 History")]);
        press(&mut m, KeyCode::Char('6'));
        row(
            &m,
            &[
                t("时间", "when"),
                t("操作人", "who"),
                t("原值→新值", "before→after"),
                t("原因", "reason"),
            ],
        );
        // The correction: when, who, what, old → new, why.
        let (fix, line) = row(&m, &[t("更正考勤", "correction")]);
        assert!(line.contains("2026-11-26 15:40"), "{line}");
        assert!(line.contains("tester"), "{line}");
        assert!(
            line.contains(t("活动 26 / T0002", "session 26 / T0002")),
            "{line}"
        );
        assert!(
            line.contains(t("第一次点名: 否 → 是", "first call: no → yes")),
            "{line}"
        );
        assert!(line.contains("点名时漏记 missed"), "{line}");
        // Newest first: the account change above it, the first call below.
        let (account, _) = row(
            &m,
            &[
                t("设置账号", "account set"),
                t("账号 zhang", "account zhang"),
            ],
        );
        let (call, line) = row(&m, &[t("第一次点名", "first call"), "T0003"]);
        assert!(account < fix && fix < call, "{account} {fix} {call}");
        assert!(line.contains("15:36"), "{line}");
        // The selected entry in full below the list.
        press(&mut m, KeyCode::Down);
        row(&m, &["#", "15:40:00", "tester"]);
        // The whole record before and after, in words.
        row(
            &m,
            &[t("原值", "before"), t("第一次点名 否", "first call no")],
        );
        row(
            &m,
            &[t("新值", "after"), t("第一次点名 是", "first call yes")],
        );
        row(&m, &[t("原因", "reason"), "点名时漏记 missed"]);

        // The help overlay lists this screen's keys.
        press(&mut m, KeyCode::Char('?'));
        row(&m, &["t", t("按教师筛选", "filter by teacher")]);
        row(&m, &["s", t("按活动筛选", "filter by session")]);
        row(&m, &["Shift-Tab", t("上一页", "previous screen")]);
        row(&m, &["6", t("到第 6 页:修改记录", "screen 6: history")]);
        press(&mut m, KeyCode::Esc);
    }
}

#[test]
fn filters_by_teacher_and_by_session() {
    let (_d, _p, app) = school();
    let mut m = open(app, Lang::Zh);
    press(&mut m, KeyCode::Char('6'));
    row(&m, &["T0003"]);
    // By teacher, found by id as everywhere else.
    press(&mut m, KeyCode::Char('t'));
    assert!(m.screens.history.popup.is_some());
    row(&m, &["按教师筛选"]);
    keys(&mut m, "T0002");
    press(&mut m, KeyCode::Enter);
    assert!(!m.popup_open());
    row(&m, &["教师 [T0002]", "活动 [全部]"]);
    row(&m, &["更正考勤", "T0002"]);
    lacks(&m, "T0003");
    lacks(&m, "账号 zhang");
    assert!(!m.screens.history.entries.is_empty());
    assert!(
        m.screens
            .history
            .entries
            .iter()
            .all(|e| e.teacher == Some(TeacherId("T0002".into())))
    );

    // By session as well: today's session, then one with no changes.
    press(&mut m, KeyCode::Char('s'));
    keys(&mut m, "26");
    press(&mut m, KeyCode::Enter);
    row(&m, &["教师 [T0002]", "活动 [26]"]);
    row(&m, &["更正考勤"]);
    press(&mut m, KeyCode::Char('s'));
    for _ in 0..2 {
        press(&mut m, KeyCode::Backspace);
    }
    keys(&mut m, "1");
    press(&mut m, KeyCode::Enter);
    row(&m, &["没有修改记录"]);

    // A session that does not exist, or not a number: said, nothing changes.
    press(&mut m, KeyCode::Char('s'));
    press(&mut m, KeyCode::Backspace);
    keys(&mut m, "x");
    press(&mut m, KeyCode::Enter);
    let (text, error) = m.status_line().expect("a status line");
    assert!(error && text.contains("“x”"), "{text}");
    assert!(m.screens.history.popup.is_some());
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screens.history.session, Some(SessionId(1)));
    press(&mut m, KeyCode::Char('t'));
    for _ in 0..5 {
        press(&mut m, KeyCode::Backspace);
    }
    keys(&mut m, "nobody");
    press(&mut m, KeyCode::Enter);
    let (text, error) = m.status_line().expect("a status line");
    assert!(error && text.contains("nobody"), "{text}");
    press(&mut m, KeyCode::Esc);
    assert_eq!(m.screens.history.teacher, Some(TeacherId("T0002".into())));

    // Clearing shows everything again.
    press(&mut m, KeyCode::Char('c'));
    row(&m, &["教师 [全部]", "活动 [全部]"]);
    row(&m, &["T0003"]);
    row(&m, &["账号 zhang"]);
}

#[test]
fn a_teacher_sees_only_entries_about_themselves() {
    let (_d, path, mut app) = school();
    let t1 = TeacherId("T0001".into());
    app.correct_facts(
        TODAY,
        &t1,
        RollFacts {
            first_call: true,
            ..RollFacts::default()
        },
        "补记",
        at(15, 42),
    )
    .expect("correction");
    drop(app);
    let zhang = App::open(&path, "zhang", None, false).expect("open as zhang");
    let mut m = open(zhang, Lang::En);
    press(&mut m, KeyCode::Char('6'));
    row(&m, &["(only about you)"]);
    let (_, line) = row(&m, &["correction", "T0001"]);
    assert!(
        line.contains("first call: no → yes") && line.contains("补记"),
        "{line}"
    );
    lacks(&m, "T0002");
    lacks(&m, "T0003");
    // Their own account is about them too.
    row(&m, &["account set", "account zhang"]);
    lacks(&m, "demo");
    assert!(
        m.screens
            .history
            .entries
            .iter()
            .all(|e| e.teacher.as_ref() == Some(&t1))
    );
}

#[test]
fn the_list_scrolls_to_the_selected_entry() {
    let (_d, _p, mut app) = school();
    let everyone: Vec<TeacherId> = app
        .roll_view(TODAY)
        .expect("roll")
        .lines
        .iter()
        .filter(|l| l.outcome.category == peixun::core::Category::Pending)
        .map(|l| l.teacher.id.clone())
        .collect();
    app.answer(TODAY, Call::First, &everyone, at(15, 44))
        .expect("first call");
    for (i, t) in everyone.iter().enumerate() {
        let facts = RollFacts {
            first_call: true,
            remark: format!("座位 {i}"),
            ..RollFacts::default()
        };
        app.correct_facts(TODAY, t, facts, "补备注", at(15, 45))
            .expect("remark");
    }
    let mut m = open(app, Lang::En);
    press(&mut m, KeyCode::Char('6'));
    let n = m.screens.history.entries.len();
    assert!(n > 20, "{n} entries");
    // 20 lines: 9 rows of the list fit; go well below them.
    for _ in 0..15 {
        press(&mut m, KeyCode::Down);
    }
    let e = m.screens.history.entries[15].clone();
    let lines = common::tui::screen(&m, 120, 20);
    let detail = format!("#{}  {}", e.seq, e.at.format("%Y-%m-%d %H:%M:%S"));
    assert!(
        lines.iter().any(|l| l.starts_with(&detail)),
        "no {detail:?}:\n{}",
        lines.join("\n")
    );
    let shown = lines.iter().filter(|l| l.starts_with("2026-11-26")).count();
    assert!(
        (5..=10).contains(&shown),
        "{shown} rows:\n{}",
        lines.join("\n")
    );
    // The selected entry's row is among them, and the newest is not.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2026-11-26") && l.contains(&e.target)),
        "{}",
        lines.join("\n")
    );
    assert!(
        !lines.iter().any(|l| l.contains("account zhang")),
        "{}",
        lines.join("\n")
    );
    // The end of the list stops at the oldest entry.
    for _ in 0..n {
        press(&mut m, KeyCode::PageDown);
    }
    assert_eq!(m.screens.history.cursor, n - 1);
    let lines = common::tui::screen(&m, 120, 20).join("\n");
    assert!(lines.contains("account tester"), "{lines}");
}

/// At 80 columns the reason and the change give way first; the time, who
/// and what it is about are never cut. Both languages, as snapshots.
#[test]
fn at_80_columns_the_reason_gives_way_first() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, p, app) = school();
        let mut m = open(app, lang);
        press(&mut m, KeyCode::Char('6'));
        // The temporary file's path differs from run to run (and is cut).
        let _ = p;
        let mut lines = common::tui::screen(&m, 80, 24);
        for l in lines.iter_mut() {
            if let Some(at) = l.find(" file ").or_else(|| l.find(" 文件 ")) {
                l.truncate(at);
                l.push_str(" [file]");
            }
        }
        let text = lines.join("\n");
        let name = match lang {
            Lang::Zh => "history_80_zh",
            Lang::En => "history_80_en",
        };
        // Every entry's time and the account that made it, whole.
        for l in text.lines().skip(4).take(5) {
            assert!(l.starts_with("2026-11-26 15:"), "{l}\n{text}");
            assert!(l.contains(" tester "), "{l}\n{text}");
        }
        assert!(text.contains("T0002"), "{text}");
        insta::assert_snapshot!(name, text);
    }
}
