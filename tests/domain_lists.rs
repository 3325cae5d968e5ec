//! The domain's lists (categories, leave kinds, roles) are generated from
//! the enums (issue 24): `ALL` is made with the enum itself, and every text
//! that lists the kinds or the roles is built from it, so a new kind is in
//! every list without anyone typing it in. Through the binary: a refused
//! kind names every kind, in both languages.

mod common;

use common::{Db, command_in, expect_refused};
use peixun::core::{Category, LeaveKind, Role};
use peixun::i18n::{self, Help, Lang, Ui};

const SETUP: &str = "2025-08-25T09:00";

#[test]
fn a_refused_leave_kind_names_every_kind() {
    let db = Db::new();
    db.ok(SETUP, &["init"]);
    db.ok(SETUP, &["teacher", "add", "T1", "王芳", "语文"]);
    db.ok(
        SETUP,
        &["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"],
    );
    for lang in ["zh", "en"] {
        let args = [
            "leave",
            "request",
            "T1",
            "不存在的假",
            "--from",
            "2025-09-10",
            "--reason",
            "婚礼",
        ];
        let out = command_in(lang, &db.path, None, SETUP, &args)
            .output()
            .expect("run peixun");
        let line = expect_refused(out, &args);
        let l = if lang == "zh" { Lang::Zh } else { Lang::En };
        for k in LeaveKind::ALL {
            let word = match l {
                Lang::Zh => i18n::leave_kind(l, *k),
                Lang::En => k.code(),
            };
            assert!(line.contains(word), "{lang}: lacks {word}: {line}");
        }
    }
}

#[test]
fn the_lists_are_the_enums() {
    // What they said when typed by hand, unchanged.
    assert_eq!(i18n::leave_kinds(Lang::Zh), "公假、事假或病假");
    assert_eq!(i18n::leave_kinds(Lang::En), "official, personal or sick");
    assert_eq!(i18n::ui(Lang::Zh, Ui::FormKind), "类别 公假/事假/病假");
    assert_eq!(
        i18n::ui(Lang::En, Ui::FormKind),
        "Kind official/personal/sick"
    );
    for k in LeaveKind::ALL {
        assert_eq!(i18n::parse_leave_kind(k.code()), Some(*k));
        assert_eq!(
            i18n::parse_leave_kind(i18n::leave_kind(Lang::Zh, *k)),
            Some(*k)
        );
        for l in [Lang::Zh, Lang::En] {
            for h in [
                Help::About("leave request"),
                Help::Arg("leave request", "kind"),
            ] {
                let text = i18n::help(l, h).unwrap_or_default();
                assert!(text.contains(k.code()), "{l:?}: {text}");
            }
        }
    }
    assert_eq!(i18n::parse_leave_kind("不存在的假"), None);
    for r in Role::ALL {
        assert_eq!(Role::from_code(r.code()), Some(*r));
        // The stored form is the code.
        assert_eq!(
            serde_json::to_value(r).ok(),
            Some(serde_json::Value::String(r.code().into()))
        );
        assert!(i18n::role_codes(Lang::En).contains(r.code()));
        assert!(i18n::role_codes(Lang::Zh).contains(i18n::role(Lang::Zh, *r)));
    }
    assert_eq!(Role::from_code("group-leader"), Some(Role::GroupLeader));
    assert_eq!(Category::ALL.len(), 9);
    assert_eq!(LeaveKind::ALL.len(), 3);
}
