//! Every hint names the key actually bound (issue 24): rebinding keys in
//! keys.toml changes the status line, the help, the questions, the calling
//! box, the time box, the correction, the leave queue's line and the
//! refusals that say which key corrects.

use crossterm::event::KeyCode;
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::Model;

mod common;
use common::tui::{at, keys, press, text};

const KEYS: &str = r#"
help = "h"
quit = "Q"
yes = "o"
no = "x"
submit = "f2"
next_field = "f4"
new_request = "N"
[roll]
undo = "z"
next_name = "w"
correct = "K"
"#;

fn model(lang: Lang, keys_toml: &str) -> (tempfile::TempDir, Model) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let app = common::demo::demo_school(
        &dir.path().join("t.redb"),
        common::demo::small(6),
        at(15, 35),
    );
    let (keys, err) = Keymap::with_overrides(keys_toml);
    assert_eq!(err, None);
    let m = Model::new(app, lang, keys, Box::new(|| at(16, 0)));
    (dir, m)
}

#[track_caller]
fn says(m: &Model, new: &str, old: &str) {
    let t = text(m);
    assert!(t.contains(new), "lacks {new:?}:\n{t}");
    assert!(!t.contains(old), "still says {old:?}:\n{t}");
}

#[test]
fn rebound_keys_change_every_hint_and_the_help() {
    let (_d, mut m) = model(Lang::Zh, KEYS);
    // The status line.
    says(&m, "h 帮助  Q 退出", "? 帮助");
    // The help: the rebound keys listed, the old ones gone.
    keys(&mut m, "h");
    let t = text(&m);
    for line in ["z  撤销上一次记录", "K  更正光标所在教师"] {
        assert!(t.contains(line), "help lacks {line:?}:\n{t}");
    }
    assert!(!t.contains("u  撤销上一次记录"), "{t}");
    press(&mut m, KeyCode::Esc);
    // The question before the first call, and its answer line.
    keys(&mut m, "f");
    says(&m, "之后空格记到,z 撤销", "u 撤销");
    says(&m, "o 确认  x 取消", "y 确认");
    // y no longer answers; o does.
    keys(&mut m, "y");
    assert!(m.popup_open());
    keys(&mut m, "o");
    assert!(!m.popup_open(), "{}", text(&m));
    // The calling box.
    says(&m, "点名中:空格=到  w=下一位  Esc=停止", "n=下一位");
    keys(&mut m, " ");
    press(&mut m, KeyCode::Esc);
    press(&mut m, KeyCode::Home);
    // Space on the teacher just marked names the correction key.
    keys(&mut m, " ");
    let (msg, _) = m.status_line().expect("a status line");
    assert!(msg.contains("请按 K"), "{msg}");
    // The correction's hint.
    keys(&mut m, "K");
    says(&m, "F4 时间/理由  F2 确定", "Tab 时间/理由");
    press(&mut m, KeyCode::Esc);
    // The early-leave time box.
    keys(&mut m, "l");
    says(&m, "时间 HH:MM(F2确认)", "回车确认");
    press(&mut m, KeyCode::Esc);
    // The end of the second call.
    keys(&mut m, "s");
    keys(&mut m, "o");
    press(&mut m, KeyCode::Esc);
    keys(&mut m, "e");
    says(&m, "(z 可撤销)", "(u 可撤销)");
    keys(&mut m, "x");
    // A calendar form's hint line.
    keys(&mut m, "E");
    says(&m, "F4/↑↓ 换项  F2 确定", "Tab/↑↓ 换项");
    press(&mut m, KeyCode::Esc);
    // The leave queue's line.
    keys(&mut m, "2");
    says(&m, "N 新申请", "n 新申请");
}

#[test]
fn the_default_hints_are_the_default_keys() {
    let (_d, mut m) = model(Lang::En, "");
    let t = text(&m);
    assert!(t.contains("? help  q quit"), "{t}");
    keys(&mut m, "f");
    let t = text(&m);
    assert!(
        t.contains("Then space marks present; u takes back.") && t.contains("y confirm  n cancel"),
        "{t}"
    );
}
