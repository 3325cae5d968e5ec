//! Helpers shared by the terminal-app tests: a demo school to open, keys to
//! press, and the screen drawn on a test backend read back as text.

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use peixun::app::App;
use peixun::app::demo::{DemoOptions, demo};
use peixun::tui::model::{Message, Model};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// A small demo: `teachers` teachers, one year, seed 7.
pub fn small(teachers: usize) -> DemoOptions {
    DemoOptions {
        teachers,
        years: 1,
        seed: 7,
    }
}

/// A demo school made at `now` in the file `path`, opened as "tester" the
/// way the program opens it (with every staff role the demo gives it).
pub fn demo_school(path: &Path, opts: DemoOptions, now: NaiveDateTime) -> App {
    let made = demo(path, "tester", now, opts, &mut |_, _| {}).expect("demo school");
    App::new(made.store, "tester", None, false).expect("open the demo school")
}

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
