//! After the second call the roll screen works on the short list of the
//! missing (issue 27): a late arrival is one key, at the time it is; the
//! find box ranks the missing first, has a next match and takes the
//! digits of an id.

use crossterm::event::KeyCode;
use peixun::core::{Category, RollState, SessionId};
use peixun::i18n::Lang;
use peixun::tui::model::Model;

mod common;
use common::tui::{fixture, keys, press, shows, text};

const TODAY: SessionId = SessionId(26);

fn category(m: &Model, t: &str) -> Category {
    let v = m.app.roll_view(TODAY).expect("roll");
    v.lines
        .iter()
        .find(|l| l.teacher.id.0 == t)
        .map(|l| l.outcome.category)
        .expect("on the roll")
}

fn here(m: &Model) -> String {
    m.screens
        .roll
        .line()
        .map(|l| l.teacher.id.0.clone())
        .unwrap_or_default()
}

#[test]
fn the_short_list_of_the_missing_takes_a_late_arrival_in_one_key() {
    let (_d, mut m) = fixture(Lang::Zh, 8);
    // T0001–T0005 answer the first call; T0006–T0008 do not come.
    keys(&mut m, "fy     ");
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "syey");
    assert_eq!(
        m.app.roll_view(TODAY).expect("roll").record.state,
        RollState::AfterSecondCall
    );
    shows(&m, &["仅列未到的 3 人(按 v 显示全部)"]);
    assert_eq!(m.screens.roll.rows().len(), 3);
    assert_eq!(here(&m), "T0006");
    let shown = text(&m);
    assert!(!shown.contains("T0001"), "{shown}");
    // T0007 comes in: one key down, one key to mark.
    press(&mut m, KeyCode::Down);
    keys(&mut m, " ");
    assert_eq!(category(&m, "T0007"), Category::Late);
    shows(&m, &["迟到 15:35 已记"]);
    // The list is two now, the cursor on one of them.
    assert_eq!(m.screens.roll.rows().len(), 2);
    assert!(["T0006", "T0008"].contains(&here(&m).as_str()));
    // u takes the late arrival back: T0007 is missing again, listed.
    keys(&mut m, "u");
    assert_eq!(category(&m, "T0007"), Category::Pending);
    assert_eq!(m.screens.roll.rows().len(), 3);
    // v shows everyone; again, the missing only.
    keys(&mut m, "v");
    assert_eq!(m.screens.roll.rows().len(), 8);
    keys(&mut m, "v");
    assert_eq!(m.screens.roll.rows().len(), 3);
}

#[test]
fn find_ranks_the_missing_first_has_a_next_match_and_takes_id_digits() {
    let (_d, mut m) = fixture(Lang::Zh, 8);
    let name = |m: &Model, id: &str| {
        m.screens
            .roll
            .view
            .as_ref()
            .and_then(|v| v.lines.iter().find(|l| l.teacher.id.0 == id))
            .map(|l| l.teacher.name.clone())
            .expect("on the roll")
    };
    // Two names that start alike (廖东 T0005, 廖桂兰 T0008 in the demo).
    let (a, b) = (name(&m, "T0005"), name(&m, "T0008"));
    let first: String = a.chars().take(1).collect();
    assert!(b.starts_with(&first), "{a} {b}");
    // T0005 answers the first call; T0008 does not.
    keys(&mut m, "fy");
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "/5");
    press(&mut m, KeyCode::Enter);
    assert_eq!(here(&m), "T0005", "the digits of an id");
    keys(&mut m, " ");
    assert_eq!(category(&m, "T0005"), Category::Present);
    // The missing one first, then (↓) the one already here.
    keys(&mut m, "/");
    keys(&mut m, &first);
    assert_eq!(here(&m), "T0008");
    shows(&m, &["第 1/2 个"]);
    press(&mut m, KeyCode::Down);
    assert_eq!(here(&m), "T0005");
    shows(&m, &["第 2/2 个"]);
    press(&mut m, KeyCode::Down);
    assert_eq!(here(&m), "T0008");
    press(&mut m, KeyCode::Enter);
    assert!(!m.popup_open());
    // The same digits find the teacher through the app's lookup (the
    // CLI's `lookup 5`).
    let found = m.app.lookup("5").expect("lookup");
    assert_eq!(
        found.first().map(|t| t.id.0.as_str()),
        Some("T0005"),
        "{found:?}"
    );
}
