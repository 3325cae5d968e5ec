//! The key map: keys resolve once, with their modifiers; the help overlay
//! is generated from the key map of the screen and mode shown (and
//! scrolls); README's key table is the key map's; the terminal app does
//! not reach into the command line's code.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use peixun::i18n::Lang;
use peixun::tui::action::{Action, Mode};
use peixun::tui::keymap::Keymap;
use peixun::tui::screens::Tab;

mod common;
use common::tui::{fixture, keys, press, press_with, screen, shows};

#[test]
fn a_modifier_is_part_of_the_key() {
    let (_d, mut m) = fixture(Lang::En, 12);
    press(&mut m, KeyCode::Char('2'));
    assert_eq!(m.tab, Tab::Leave);
    // Ctrl-a is not a: nothing opens.
    press_with(&mut m, KeyCode::Char('a'), KeyModifiers::CONTROL);
    assert!(!m.popup_open());
    press(&mut m, KeyCode::Char('a'));
    assert!(m.popup_open());
    // Ctrl-U clears the comment box; Esc closes.
    keys(&mut m, "fine");
    shows(&m, &["fine"]);
    press_with(&mut m, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let t = screen(&m, 120, 35).join("\n");
    assert!(!t.contains("fine"), "{t}");
    press(&mut m, KeyCode::Esc);
    assert!(!m.popup_open());
    // Ctrl-C quits from anywhere.
    press_with(&mut m, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(m.quit);
}

#[test]
fn the_same_key_means_what_the_screen_says() {
    let k = Keymap::default();
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let on = |t: Tab, c: char| k.resolve(t, Mode::Normal, &key(c));
    assert_eq!(on(Tab::Roll, 's'), Some(Action::SecondCall));
    assert_eq!(on(Tab::History, 's'), Some(Action::FilterSession));
    assert_eq!(on(Tab::Leave, 's'), None);
    assert_eq!(on(Tab::Roll, 'e'), Some(Action::EndSecondCall));
    assert_eq!(on(Tab::Standings, 'e'), Some(Action::Export));
    assert_eq!(on(Tab::Leave, 'n'), Some(Action::NewRequest));
    assert_eq!(
        k.resolve(Tab::Roll, Mode::Calling, &key('n')),
        Some(Action::NextName)
    );
    // Calling mode keeps the roll screen's own keys.
    assert_eq!(
        k.resolve(Tab::Roll, Mode::Calling, &key('u')),
        Some(Action::Undo)
    );
    // In a text box a letter or a digit is typed, not acted on.
    assert_eq!(k.resolve(Tab::Teacher, Mode::Text, &key('1')), None);
    assert_eq!(k.resolve(Tab::Teacher, Mode::Text, &key('q')), None);
    assert_eq!(on(Tab::Teacher, '1'), Some(Action::Tab1));
}

#[test]
fn user_keys_for_one_screen_or_all() {
    let (k, err) = Keymap::with_overrides("undo = \"z\"\n[history]\nclear_filters = \"ctrl-x\"");
    assert_eq!(err, None);
    let plain = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        k.resolve(Tab::Roll, Mode::Normal, &plain('z')),
        Some(Action::Undo)
    );
    assert_eq!(k.resolve(Tab::Roll, Mode::Normal, &plain('u')), None);
    let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
    assert_eq!(
        k.resolve(Tab::History, Mode::Normal, &ctrl_x),
        Some(Action::ClearFilters)
    );
    assert_eq!(k.resolve(Tab::History, Mode::Normal, &plain('c')), None);
    // The roll screen's c is untouched.
    assert_eq!(
        k.resolve(Tab::Roll, Mode::Normal, &plain('c')),
        Some(Action::Calling)
    );
}

#[test]
fn the_help_lists_every_key_of_the_screen_and_scrolls() {
    for lang in [Lang::Zh, Lang::En] {
        let t = |a: &'static str, b: &'static str| if lang == Lang::Zh { a } else { b };
        let (_d, mut m) = fixture(lang, 12);
        press(&mut m, KeyCode::Char('?'));
        // Every key the roll screen has, from the key map.
        let text = screen(&m, 120, 50).join("\n");
        for (keys, action) in Keymap::default().help(Tab::Roll, Mode::Normal) {
            let line = format!("{keys:>14}  {}", action.help(lang));
            assert!(text.contains(&line), "{line:?} missing:\n{text}");
        }
        for want in ["Shift-Tab", "PgUp", "PgDn", "6", t("到第 6 页", "screen 6")] {
            assert!(text.contains(want), "{want}:\n{text}");
        }
        // On a short terminal the list scrolls and the last line stays.
        let first = screen(&m, 80, 16).join("\n");
        assert!(
            first.contains(t("上一个活动", "previous session")),
            "{first}"
        );
        for _ in 0..8 {
            press(&mut m, KeyCode::Down);
        }
        let later = screen(&m, 80, 16).join("\n");
        assert!(
            !later.contains(t("上一个活动", "previous session")),
            "{later}"
        );
        assert!(later.contains(t("浏览", "browsing")), "{later}");
        press(&mut m, KeyCode::Esc);
        assert!(!m.popup_open());
        // In calling mode the help says how to leave it.
        press(&mut m, KeyCode::Char('c'));
        press(&mut m, KeyCode::Char('?'));
        let text = screen(&m, 120, 50).join("\n");
        assert!(
            text.contains(t("离开逐个点名", "leave calling mode")),
            "{text}"
        );
        assert!(text.contains("Esc"), "{text}");
    }
}

/// README's key table is generated from the key map; run with
/// PEIXUN_WRITE_README=1 to write it after changing a binding.
#[test]
fn the_readme_key_table_is_the_key_map() {
    let begin = "<!-- keys:begin (generated from the key map: tests/tui_keys.rs) -->\n";
    let end = "<!-- keys:end -->";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let table = Keymap::default().markdown(Lang::En);
    let (Some(a), Some(b)) = (readme.find(begin), readme.find(end)) else {
        panic!("README.md has no generated key table");
    };
    let shown = &readme[a + begin.len()..b];
    if shown != table && std::env::var_os("PEIXUN_WRITE_README").is_some() {
        let new = format!("{}{begin}{table}{}", &readme[..a], &readme[b..]);
        std::fs::write(&path, new).expect("write README.md");
        return;
    }
    assert_eq!(shown, table, "README's key table is out of date");
}

/// The terminal app uses the app layer, never the command line's code.
#[test]
fn the_terminal_app_does_not_import_the_command_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/tui/src");
    let mut stack = vec![root];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("src/tui") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                seen += 1;
                let text = std::fs::read_to_string(&p).expect("source");
                assert!(
                    !text.contains("crate::cli") && !text.contains("super::cli"),
                    "{} imports the command line",
                    p.display()
                );
            }
        }
    }
    assert!(seen > 5);
}

/// Opening the teacher search again (`/`) selects what was searched: the
/// first key typed replaces it (`/lq Esc / lmj` searches `lmj`, not
/// `lqlmj`), and the box shows the new text.
#[test]
fn the_search_box_starts_over_when_opened_again() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 6);
        keys(&mut m, "4/lq");
        press(&mut m, KeyCode::Esc);
        assert_eq!(m.screens.teacher.query.value(), "lq");
        keys(&mut m, "/lmj");
        assert_eq!(m.screens.teacher.query.value(), "lmj");
        let shown = screen(&m, 120, 35).join("\n");
        assert!(shown.contains("lmj") && !shown.contains("lqlmj"), "{shown}");
        // Backspace on the selected text clears it whole.
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "/");
        press(&mut m, KeyCode::Backspace);
        assert_eq!(m.screens.teacher.query.value(), "");
    }
}
