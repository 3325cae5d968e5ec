//! The system's own words in the user's language (issue 26): a refusal
//! that carries what the operating system said ("No such file or directory
//! (os error 2)") reads in Chinese on a Chinese line, with the number kept,
//! and in the system's English on an English one.

mod common;

use common::{Db, SETUP, command_in, text};

/// The error line a command printed, in `lang`.
fn refusal(db: &Db, lang: &str, args: &[&str]) -> String {
    let out = command_in(lang, &db.path, None, SETUP, args)
        .output()
        .expect("run peixun");
    assert!(!out.status.success(), "{args:?} should be refused");
    text(&out.stderr)
}

/// The Latin words of a line outside its paths (a path is what the user
/// typed, and stays as typed).
fn latin_words(line: &str, paths: &[&str]) -> Vec<String> {
    let mut rest = line.to_string();
    for p in paths {
        rest = rest.replace(p, "");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && *w != "peixun")
        .map(str::to_string)
        .collect()
}

#[test]
fn the_systems_words_are_said_in_chinese() {
    let db = Db::new();
    db.ok(SETUP, &["init"]);
    let missing = db.file("名单.csv");
    let missing = missing.to_str().expect("utf-8 path");
    let dir = db.dir.path().to_str().expect("utf-8 path");
    for (args, words, code) in [
        (
            vec!["import", "teachers", missing],
            "文件或目录不存在",
            "系统错误 2",
        ),
        (
            vec!["import", "teachers", dir],
            "这是一个目录",
            "系统错误 21",
        ),
    ] {
        let zh = refusal(&db, "zh", &args);
        assert!(zh.contains(words) && zh.contains(code), "{args:?}: {zh}");
        assert!(!zh.contains("os error"), "{args:?}: {zh}");
        let latin = latin_words(&zh, &[missing, dir]);
        assert!(latin.is_empty(), "{args:?}: English {latin:?} in {zh}");
        // English keeps the system's own words.
        let en = refusal(&db, "en", &args);
        assert!(en.contains("(os error "), "{args:?}: {en}");
    }
}
