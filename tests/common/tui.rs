//! Helpers shared by the terminal-app tests: keys to press, and the screen
//! drawn on a test backend read back as text.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use peixun::tui::model::{Message, Model};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// The screen as text lines. A wide character fills two cells; the second
/// is skipped, so the text reads as the user sees it and its display
/// width is its column.
pub fn screen(m: &Model, w: u16, h: u16) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| peixun::tui::view::view(m, f)).expect("draw");
    let b = t.backend().buffer();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < w {
                let sym = b[(x, y)].symbol();
                line.push_str(sym);
                x += sym.width().max(1) as u16;
            }
            line.trim_end().to_string()
        })
        .collect()
}

pub fn press(m: &mut Model, code: KeyCode) {
    m.update(Message::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Types each character of `s` as a key.
pub fn keys(m: &mut Model, s: &str) {
    for c in s.chars() {
        press(m, KeyCode::Char(c));
    }
}

/// The screen at 120×35 as one text.
pub fn text(m: &Model) -> String {
    screen(m, 120, 35).join("\n")
}

/// Asserts that the screen shows every one of `want`.
#[track_caller]
pub fn shows(m: &Model, want: &[&str]) {
    let t = text(m);
    for w in want {
        assert!(t.contains(w), "screen lacks {w:?}:\n{t}");
    }
}

/// A key with modifiers (Ctrl-U, Alt-x).
pub fn press_with(m: &mut Model, code: KeyCode, mods: KeyModifiers) {
    m.update(Message::Key(KeyEvent::new(code, mods)));
}

/// 2026-11-26 (a Thursday) at h:m; the demo has a session 15:30–17:30.
pub fn at(h: u32, m: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("a valid time")
}

/// The one fixture of the terminal-app tests: a small demo school of
/// `teachers` in a temporary file, opened as "tester" (every staff role)
/// at 15:35 on the session's day, in `lang`, with the default keys.
pub fn fixture(lang: peixun::i18n::Lang, teachers: usize) -> (tempfile::TempDir, Model) {
    fixture_at(lang, teachers, at(15, 35))
}

/// The fixture with the app's clock at `now` (the school made at 15:35):
/// times up to `now` can be recorded, none later.
pub fn fixture_at(
    lang: peixun::i18n::Lang,
    teachers: usize,
    now: chrono::NaiveDateTime,
) -> (tempfile::TempDir, Model) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let app = super::demo::demo_school(
        &dir.path().join("t.redb"),
        super::demo::small(teachers),
        at(15, 35),
    );
    let m = Model::new(
        app,
        lang,
        peixun::tui::keymap::Keymap::default(),
        Box::new(move || now),
    );
    (dir, m)
}
