//! The terminal app stays responsive while another process holds the write
//! lock (issue 13): a key that would write gives up within about a second
//! (`tui::model::WAIT`), says that another change is under way and that
//! nothing was saved, and changes nothing; once the other change is done,
//! the same keys save. Both languages.

use peixun::i18n::Lang;
use std::process::Stdio;
use std::time::{Duration, Instant};

mod common;
use common::command;
use common::tui::{fixture, keys};

#[test]
fn a_key_behind_another_change_gives_up_in_time_says_so_and_changes_nothing() {
    for lang in [Lang::Zh, Lang::En] {
        let (dir, mut m) = fixture(lang, 12);
        let db = dir.path().join("t.redb");
        let before = m.app.generation().expect("generation");
        // Another process takes the write lock and holds it before its
        // commit, as a stopped or slow writer would.
        // (`--as` the demo's office account: the tests run as root.)
        let mut other = command(
            &db,
            Some("tester"),
            "2026-11-26T15:35",
            &["teacher", "add", "T0100", "赵六", "语文"],
        )
        .env("PEIXUN_TEST_PAUSE_COMMIT", "6")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start peixun");
        std::thread::sleep(Duration::from_millis(2500));

        // Roll screen: start the first call (asks, y).
        let started = Instant::now();
        keys(&mut m, "1fy");
        let took = started.elapsed();
        let (said, error) = m.status_line().expect("a status line");
        assert!(error, "{said}");
        assert!(
            said.contains(lang.t("未保存", "nothing was saved")),
            "{lang:?}: {said}"
        );
        assert!(
            took < Duration::from_secs(5),
            "the screen froze for {took:?}"
        );
        assert_eq!(m.app.generation().expect("generation"), before);

        // Once the other change is done, the same keys save.
        assert!(other.wait().expect("wait").success());
        keys(&mut m, "fy");
        let (said, error) = m.status_line().expect("a status line");
        assert!(!error, "{said}");
        assert!(m.app.generation().expect("generation") > before + 1);
    }
}
