//! One key, one read snapshot (issue 17): whatever a key changes, the
//! screen shown is read again from one read transaction, and a key that
//! changes nothing reads nothing. The standings are counted after each
//! change (in a thread at county scale) and a frame never shows figures
//! older than a change without saying so.

use crossterm::event::KeyCode;
use peixun::i18n::Lang;
use peixun::tui::model::Model;
use peixun::tui::screens::Tab;

mod common;
use common::tui::{fixture, press, shows, text};

/// The read snapshots `key` begins.
fn reads(m: &mut Model, key: KeyCode) -> u64 {
    let before = m.app.store().reads_begun();
    press(m, key);
    m.app.store().reads_begun() - before
}

#[test]
fn a_mark_in_calling_mode_reads_one_snapshot() {
    let (_d, mut m) = fixture(Lang::Zh, 12);
    press(&mut m, KeyCode::Char(' '));
    press(&mut m, KeyCode::Char('y'));
    assert_eq!(m.mode(), peixun::tui::action::Mode::Calling);
    for _ in 0..4 {
        assert_eq!(reads(&mut m, KeyCode::Char(' ')), 1, "a mark");
    }
    // Each mark read the marked teacher's line only: the roll shown is
    // the roll as it stands.
    let shown = m.screens.roll.view.clone().expect("a roll");
    let whole = m.app.roll_view(shown.record.session.id).expect("the roll");
    assert_eq!(format!("{shown:?}"), format!("{whole:?}"));
    assert_eq!(reads(&mut m, KeyCode::Char('u')), 1, "an undo");
    assert_eq!(reads(&mut m, KeyCode::Down), 0, "a move");
    assert_eq!(reads(&mut m, KeyCode::Char('?')), 0, "the help");
    assert_eq!(reads(&mut m, KeyCode::Esc), 0, "closing the help");
}

#[test]
fn the_standings_screen_reads_one_snapshot_per_key() {
    let (_d, mut m) = fixture(Lang::En, 12);
    assert_eq!(reads(&mut m, KeyCode::Char('3')), 1, "shown the first time");
    assert_eq!(m.tab, Tab::Standings);
    assert_eq!(reads(&mut m, KeyCode::Char('t')), 1, "term <-> year");
    assert_eq!(reads(&mut m, KeyCode::Char('t')), 1, "year <-> term");
    for k in [KeyCode::Down, KeyCode::Char('o'), KeyCode::Char('v')] {
        assert_eq!(reads(&mut m, k), 0, "{k:?} reads nothing");
    }
    assert_eq!(
        reads(&mut m, KeyCode::Char('1')),
        0,
        "the roll screen is current"
    );
    assert_eq!(
        reads(&mut m, KeyCode::Char('3')),
        0,
        "nor are the standings stale"
    );
}

/// T0001's present count in the standings shown.
fn present(m: &Model) -> u32 {
    m.screens
        .standings
        .rows
        .iter()
        .find(|r| r.teacher.id.0 == "T0001")
        .map(|r| r.standing.tally.present)
        .expect("T0001 in the standings")
}

#[test]
fn standings_counted_in_the_background_say_so_until_they_are_new() {
    let (_d, mut m) = fixture(Lang::En, 12);
    // Counted in a thread, as a county's are.
    m.screens.standings.live.inline = Some(0);
    press(&mut m, KeyCode::Char('3'));
    let before = present(&m);
    assert!(!text(&m).contains("counting"), "{}", text(&m));
    // A mark on the roll screen: the standings are counted again.
    press(&mut m, KeyCode::Char('1'));
    press(&mut m, KeyCode::Char(' '));
    press(&mut m, KeyCode::Char('y'));
    press(&mut m, KeyCode::Esc);
    assert_eq!(
        reads(&mut m, KeyCode::Char('3')),
        1,
        "one snapshot, counting or not"
    );
    // The figures before the change are shown, and said to be.
    assert!(m.busy(), "the event loop looks again soon");
    assert_eq!(present(&m), before);
    shows(
        &m,
        &["counting… (the figures below are from before the latest change)"],
    );
    m.screens.standings.wait().expect("counted");
    assert_eq!(present(&m), before + 1);
    assert!(!text(&m).contains("counting"), "{}", text(&m));
    // The year was counted with the term: switching counts nothing again.
    assert_eq!(reads(&mut m, KeyCode::Char('t')), 1);
    assert!(!m.busy());
    assert!(!text(&m).contains("counting"), "{}", text(&m));
}

/// The roll screen lays out only the rows on screen (a county's session
/// has 5,000 teachers), and the row under the cursor is always one of them.
#[test]
fn the_roll_list_scrolls_to_the_cursor() {
    let (_d, mut m) = fixture(Lang::En, 60);
    press(&mut m, KeyCode::End);
    let last = m.screens.roll.view.as_ref().expect("a roll").lines.len();
    assert_eq!(m.screens.roll.cursor + 1, last);
    let id = m.screens.roll.view.as_ref().expect("a roll").lines[last - 1]
        .teacher
        .id
        .0
        .clone();
    shows(&m, &[&id]);
    press(&mut m, KeyCode::Home);
    shows(&m, &["T0001"]);
    assert!(!text(&m).contains(&id), "{}", text(&m));
}

/// As the program runs (`AHEAD_AFTER`), marks in quick succession do not
/// each start a count of the standings (a county's uses both cores, and
/// took them from the next mark): the count starts once the marks pause.
#[test]
fn the_standings_are_counted_ahead_once_the_marks_pause() {
    let (_d, mut m) = fixture(Lang::En, 12);
    m.screens.standings.live.inline = Some(0);
    m.ahead_after = std::time::Duration::from_millis(300);
    press(&mut m, KeyCode::Char('3'));
    m.screens.standings.wait().expect("counted");
    let before = present(&m);
    press(&mut m, KeyCode::Char('1'));
    press(&mut m, KeyCode::Char(' '));
    press(&mut m, KeyCode::Char('y'));
    press(&mut m, KeyCode::Esc);
    // Right after the mark nothing is being counted, but a count is due.
    assert!(!m.screens.standings.job_running());
    assert!(m.busy(), "the event loop looks again soon");
    m.update(peixun::tui::model::Message::Tick);
    assert!(
        !m.screens.standings.job_running(),
        "counted before the pause"
    );
    std::thread::sleep(std::time::Duration::from_millis(350));
    m.update(peixun::tui::model::Message::Tick);
    assert!(
        m.screens.standings.job_running(),
        "counted once the marks paused"
    );
    m.screens.standings.wait().expect("counted");
    press(&mut m, KeyCode::Char('3'));
    assert_eq!(present(&m), before + 1);
    assert!(!text(&m).contains("counting"), "{}", text(&m));
}
