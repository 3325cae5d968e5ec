//! The gate's parts that need no SSH server: the terminal app reached
//! through the gate writes and reads no file on the server (its import and
//! export keys say how to do it with ssh), and the configuration file names
//! the default database for local use.

use chrono::{NaiveDate, NaiveDateTime};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::Model;
use peixun::tui::screens::Screen;
use std::process::Command;

mod common;
use common::demo::{demo_school, small};
use common::tui::keys;

fn at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .and_then(|d| d.and_hms_opt(15, 35, 0))
        .expect("a time")
}

#[test]
fn through_the_gate_the_file_keys_say_how_to_use_ssh() {
    for (lang, export, import) in [
        (Lang::En, "--out - --format xlsx", "import teachers - <"),
        (Lang::Zh, "--out - --format xlsx", "import teachers - <"),
    ] {
        let dir = tempfile::tempdir().expect("temporary directory");
        let app = demo_school(&dir.path().join("t.redb"), small(12), at());
        let mut m = Model::new(app, lang, Keymap::default(), Box::new(at));
        m.gate = true;
        keys(&mut m, "3");
        keys(&mut m, "e");
        assert!(
            !m.screens.standings.has_popup(),
            "an export dialog opened in the gate"
        );
        let (said, error) = m.status_line().expect("a status line");
        assert!(said.contains("ssh") && said.contains(export), "{said}");
        assert!(!error);
        keys(&mut m, "i");
        assert!(
            !m.screens.standings.has_popup(),
            "an import dialog opened in the gate"
        );
        let (said, _) = m.status_line().expect("a status line");
        assert!(said.contains(import), "{said}");
        // Nothing was written beside the database.
        let files = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(files, 1);
    }
}

/// `db` in `$XDG_CONFIG_HOME/peixun/config.toml` is the default database
/// when neither `--db` nor `PEIXUN_DB` names one; a relative path there is
/// refused in one line.
#[test]
fn the_configuration_file_names_the_default_database() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("peixun")).expect("config dir");
    let db = dir.path().join("data").join("school.redb");
    std::fs::write(
        config.join("peixun").join("config.toml"),
        format!("db = \"{}\"\n", db.display()),
    )
    .expect("config");
    let peixun = |args: &[&str]| {
        Command::new(common::BIN)
            .args(["--lang", "en"])
            .args(args)
            .env("XDG_CONFIG_HOME", &config)
            .env("HOME", dir.path())
            .env_remove("PEIXUN_DB")
            .env("PEIXUN_NOW", common::SETUP)
            .output()
            .expect("run peixun")
    };
    let out = common::expect_ok(peixun(&["init"]), &["init"]);
    assert!(out.contains("school.redb"), "{out}");
    assert!(db.exists());
    common::expect_ok(peixun(&["whoami"]), &["whoami"]);
    std::fs::write(
        config.join("peixun").join("config.toml"),
        "db = \"data/school.redb\"\n",
    )
    .expect("config");
    let line = common::expect_refused(peixun(&["whoami"]), &["whoami"]);
    assert!(line.contains("absolute"), "{line}");
    std::fs::write(config.join("peixun").join("config.toml"), "db = [\n").expect("config");
    let line = common::expect_refused(peixun(&["whoami"]), &["whoami"]);
    assert!(line.contains("config.toml"), "{line}");
}
