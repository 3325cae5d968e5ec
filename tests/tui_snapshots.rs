//! Every screen of the terminal app, and its popups, drawn on a test
//! backend and compared with the snapshots under tests/snapshots/, in both
//! languages. A change to what a screen shows shows up here as a diff;
//! review it, then accept it (`INSTA_UPDATE=always cargo test --test
//! tui_snapshots`, or `cargo insta review`).

use crossterm::event::KeyCode;
use peixun::i18n::Lang;

mod common;
use common::tui::{fixture, keys, press, screen};

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

fn snap(m: &peixun::tui::model::Model, name: &str) {
    // The temporary file's path differs from run to run.
    let file = m.app.path().display().to_string();
    let text = screen(m, 100, 28).join("\n").replace(&file, "[file]");
    insta::assert_snapshot!(format!("{name}_{}", lang_name(m.lang)), text);
}

#[test]
fn every_screen() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 8);
        snap(&m, "1_roll");
        press(&mut m, KeyCode::Char('2'));
        snap(&m, "2_leave");
        press(&mut m, KeyCode::Char('3'));
        snap(&m, "3_standings");
        press(&mut m, KeyCode::Char('4'));
        keys(&mut m, "T0003");
        press(&mut m, KeyCode::Enter);
        snap(&m, "4_teacher");
        press(&mut m, KeyCode::Char('5'));
        snap(&m, "5_credits");
        press(&mut m, KeyCode::Char('m'));
        snap(&m, "5_makeups");
        press(&mut m, KeyCode::Char('6'));
        snap(&m, "6_history");
    }
}

#[test]
fn roll_call_popups() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 8);
        press(&mut m, KeyCode::Char('?'));
        snap(&m, "roll_help");
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Char('f'));
        snap(&m, "roll_confirm_first");
        press(&mut m, KeyCode::Char('y'));
        snap(&m, "roll_calling");
        keys(&mut m, "  ");
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Char('l'));
        snap(&m, "roll_time_box");
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "sy");
        press(&mut m, KeyCode::Esc);
        keys(&mut m, "e");
        snap(&m, "roll_confirm_end_second");
        keys(&mut m, "y");
        keys(&mut m, "x");
        snap(&m, "roll_confirm_close");
        keys(&mut m, "y");
        snap(&m, "roll_closed");
        keys(&mut m, "m");
        snap(&m, "roll_correct_closed");
    }
}

#[test]
fn leave_popups() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 8);
        press(&mut m, KeyCode::Char('2'));
        press(&mut m, KeyCode::Char('n'));
        snap(&m, "leave_form");
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Char('r'));
        keys(&mut m, "no");
        snap(&m, "leave_reject");
    }
}
