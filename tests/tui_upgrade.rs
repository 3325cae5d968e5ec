//! The terminal app says when its first change upgraded an older file
//! (issue 26), in the command line's words (`i18n::upgraded`), once, and
//! keeps the file as it was beside it.

use crossterm::event::KeyCode;
use peixun::i18n::Lang;
use peixun::tui::model::Model;
use std::path::Path;

mod common;
use common::tui::{keys, press};

#[test]
fn the_first_change_in_the_terminal_app_says_it_upgraded_the_file() {
    for (lang, want) in [(Lang::Zh, "结构版本 5"), (Lang::En, "from schema 5")] {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("peixun.redb");
        let landed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/landed/d44f7f8");
        std::fs::copy(landed.join("peixun.redb"), &db).expect("copy");
        let (os, root) = peixun::app::os_account();
        let app = peixun::app::App::open(&db, &os, None, root).expect("open the landed file");
        let now = chrono::NaiveDate::from_ymd_opt(2025, 10, 23)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("a time");
        let mut m = Model::new(
            app,
            lang,
            peixun::tui::keymap::Keymap::default(),
            Box::new(move || now),
        );
        // Reading says nothing and keeps no copy.
        keys(&mut m, "3");
        assert!(m.upgrade_notice().is_none());
        assert!(m.status_line().is_none_or(|(s, _)| !s.contains(want)));
        // Publishing the term is the first change.
        keys(&mut m, "p");
        keys(&mut m, "y");
        let (said, err) = m.status_line().expect("a status line");
        assert!(
            !err && said.contains(want) && said.contains(".bak"),
            "{said}"
        );
        assert_eq!(m.upgrade_notice().as_deref(), Some(said.as_str()));
        let kept = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
            .count();
        assert_eq!(kept, 1);
        // Whole at every size, the backup's path too: the status area
        // takes the rows the notice needs.
        let bak = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.path().display().to_string())
            .find(|p| p.ends_with(".bak"))
            .expect("the backup");
        for (w, h) in [(50, 20), (40, 20), (60, 15), (120, 35)] {
            let lines = common::tui::screen(&m, w, h);
            let joined = lines.join("");
            assert!(joined.contains(&bak), "{w}×{h}:\n{}", lines.join("\n"));
            let words = said.replace(' ', "");
            assert!(
                joined.replace(' ', "").contains(&words),
                "{w}×{h}:\n{}",
                lines.join("\n")
            );
        }
        // Once: another screen's keys do not say it again.
        keys(&mut m, "2");
        press(&mut m, KeyCode::Down);
        assert!(m.status_line().is_none_or(|(s, _)| s != said));
    }
}
