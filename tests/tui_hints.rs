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

const OFFICE_KEYS: &str = r#"
submit = "f2"
next_field = "f4"
clear_input = "ctrl-w"
cancel = "f10"
prev_period = "f7"
next_period = "f8"
item1 = "a"
item2 = "b"
item3 = "c"
item4 = "d"
increase = "]"
decrease = "["
"#;

/// The office boxes, the credit form and the credit prompts say the keys
/// keys.toml binds, in both languages, and never the default ones.
#[test]
fn rebound_keys_change_the_office_and_credit_hints() {
    use crossterm::event::KeyCode::F;
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, mut m) = model(lang, OFFICE_KEYS);
        keys(&mut m, "4");
        // Note characters: the keys that confirm and pick the term.
        keys(&mut m, "N");
        says(
            &m,
            t("输入字数,F2确认", "Type the number, F2"),
            t("回车确认", "Enter"),
        );
        says(&m, t("F7/F8 换学期", "F7/F8: another term"), "PgUp/PgDn");
        press(&mut m, F(10));
        // The archive checklist: its item keys, count keys and confirm.
        keys(&mut m, "A");
        says(
            &m,
            t(
                "a/b/c/d 勾选档案项,↑/↓ 选择次数,]/[ 增减,F2确认",
                "a/b/c/d tick an item, ↑/↓ pick a count, ]/[ change it, F2",
            ),
            "p/n/r/s",
        );
        says(&m, "]/[ ", "+/-");
        says(&m, t("F7/F8 换学年", "F7/F8: another year"), "PgUp/PgDn");
        let tx = text(&m);
        assert!(tx.contains("a [x]") && !tx.contains("p [x]"), "{tx}");
        press(&mut m, F(10));
        // The degree box.
        keys(&mut m, "D");
        says(
            &m,
            t(
                "↑/↓ 学历,F4 是否对口,输入专业,F2确认",
                "↑/↓ degree, F4 matches the subject, type the major, F2",
            ),
            t("Tab 是否对口", "Tab matches"),
        );
        press(&mut m, F(10));
        // The mentor box.
        keys(&mut m, "M");
        says(
            &m,
            t(
                "F4 切换师傅/徒弟,F2(已结对则解除)",
                "F4 mentor/mentee, F2 (ends an existing pair)",
            ),
            t("Tab 切换", "Tab mentor"),
        );
        press(&mut m, F(10));
        // The school's funds on the credits tab.
        keys(&mut m, "5");
        keys(&mut m, "F");
        says(
            &m,
            t("(元,空格分隔),F2确认", "space between, F2"),
            t("回车确认", "between, Enter"),
        );
        says(&m, t("F7/F8 换学年", "F7/F8: another year"), "PgUp/PgDn");
        press(&mut m, F(10));
        // The credit-entry form.
        keys(&mut m, "n");
        says(
            &m,
            t(
                "F4 下一项  Ctrl-W 清空  F2保存  F10 取消",
                "F4 next field  Ctrl-W clear  F2 save  F10 cancel",
            ),
            "Ctrl-U",
        );
        press(&mut m, F(10));
        // Passing the entry waiting for the office: its comment box.
        keys(&mut m, "a");
        says(
            &m,
            t("(可空,F2确认)", "(optional, F2)"),
            t("回车确认", "Enter)"),
        );
        press(&mut m, F(10));
        // A make-up's note box.
        keys(&mut m, "m");
        keys(&mut m, "a");
        says(
            &m,
            t("备注(可空,F2确认)", "Note (optional, F2)"),
            t("回车确认", "Enter)"),
        );
    }
}

const SCREEN_KEYS: &str = r#"
submit = "f2"
cancel = "f10"
[standings]
export = "X"
publish = "P"
import = "I"
chart_view = "G"
[history]
filter_teacher = "T"
filter_session = "S"
clear_filters = "C"
[roll]
sign_in_sheet = "Z"
"#;

/// The standings' head line, export and import boxes, the chart's way
/// back, the history's filters and the roll's sheet box say the keys
/// keys.toml binds.
#[test]
fn rebound_keys_change_the_standings_history_and_sheet_hints() {
    use crossterm::event::KeyCode::F;
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, mut m) = model(lang, SCREEN_KEYS);
        keys(&mut m, "3");
        says(
            &m,
            t("X 导出  P 公布  I 导入", "X export  P publish  I import"),
            t("e 导出", "e export"),
        );
        // The help names the same keys, and the office boxes' ones.
        use peixun::tui::action::{Action, Mode};
        let help = m.help_lines(Mode::Normal);
        for (k, a) in [
            ("X", Action::Export),
            ("P", Action::Publish),
            ("I", Action::Import),
        ] {
            assert!(help.contains(&(k.to_string(), a)), "{help:?}");
        }
        let help = m.help_lines(Mode::Text);
        assert!(
            help.contains(&("F2".to_string(), Action::Submit)),
            "{help:?}"
        );
        assert!(
            help.contains(&("F10".to_string(), Action::Cancel)),
            "{help:?}"
        );
        assert!(!help.iter().any(|(k, _)| k == "Enter"), "{help:?}");
        keys(&mut m, "X");
        says(
            &m,
            t("或 .csv,F2确认)", ".csv, F2)"),
            t("回车确认", "Enter"),
        );
        press(&mut m, F(10));
        keys(&mut m, "I");
        says(
            &m,
            t("文件路径,F2确认)", "file path, F2)"),
            t("回车确认", "Enter"),
        );
        press(&mut m, F(10));
        keys(&mut m, "G");
        says(
            &m,
            t("G 回到表格", "G: back to the table"),
            t("g 回到表格", "g: back"),
        );
        keys(&mut m, "G");
        keys(&mut m, "6");
        says(
            &m,
            t(
                "T 按教师  S 按活动  C 清除",
                "T teacher  S session  C clear",
            ),
            t("t 按教师", "t teacher"),
        );
        keys(&mut m, "1");
        keys(&mut m, "Z");
        says(
            &m,
            t("(.xlsx,F2确认)", "(.xlsx, F2)"),
            t("回车确认", "Enter"),
        );
    }
}
