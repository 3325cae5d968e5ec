//! Policy-file errors through the real binary: Chinese by default, English
//! with `--lang en`, always naming the file, the line and the key, and
//! leaving the stored policy as it was.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
const NOW: &str = "2025-09-01T08:00";

fn peixun(db: &Path, lang: Option<&str>, args: &[&str]) -> (bool, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.arg("--db").arg(db);
    if let Some(l) = lang {
        cmd.args(["--lang", l]);
    }
    let out = cmd
        .args(args)
        .env("PEIXUN_NOW", NOW)
        .env_remove("PEIXUN_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .output()
        .expect("run peixun");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).trim().to_string(),
    )
}

/// Loads `text` as a policy file and returns the error line in zh and en.
fn refused(text: &str) -> (String, String) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("p.redb");
    let file = dir.path().join("policy.toml");
    std::fs::write(&file, text).expect("write policy");
    assert!(peixun(&db, None, &["init"]).0);
    let before = peixun(&db, None, &["policy", "show"]).1;
    let f = file.to_str().expect("utf-8 path");
    let (ok, _, zh) = peixun(&db, None, &["policy", "set", f]);
    assert!(!ok, "{text:?} was accepted");
    let (ok, _, en) = peixun(&db, Some("en"), &["policy", "set", f]);
    assert!(!ok, "{text:?} was accepted");
    assert_eq!(zh.lines().count(), 1, "{zh}");
    assert!(zh.contains(f) && en.contains(f), "{zh}\n{en}");
    assert_eq!(before, peixun(&db, None, &["policy", "show"]).1);
    (zh, en)
}

#[test]
fn a_wrong_type_names_file_line_and_key_in_both_languages() {
    let (zh, en) = refused("# 学校设置\nunqualified_absences = 3\ncredits_per_year = \"forty\"\n");
    assert!(zh.contains("考勤设置文件"), "{zh}");
    assert!(zh.contains("第 3 行"), "{zh}");
    assert!(zh.contains("设置项 credits_per_year"), "{zh}");
    assert!(zh.contains("“forty” 无效,应为0 或正整数"), "{zh}");
    assert!(zh.contains("未做任何更改"), "{zh}");
    assert!(!zh.contains("invalid type"), "{zh}");
    assert!(en.contains("line 3, key `credits_per_year`"), "{en}");
    assert!(
        en.contains("`forty` is not a whole number 0 or more"),
        "{en}"
    );
    assert!(en.contains("nothing was changed"), "{en}");
}

#[test]
fn unknown_keys_choices_and_percentages() {
    let (zh, en) = refused("credits_per_year = 40\n[pointz]\nattend = 2\n");
    assert!(zh.contains("第 2 行,设置项 pointz:没有这个设置项"), "{zh}");
    assert!(zh.contains("points"), "{zh}");
    assert!(en.contains("line 2, key `pointz`: unknown key"), "{en}");

    let (zh, en) = refused("[leave]\nsick_approver = \"nobody\"\n");
    assert!(zh.contains("第 2 行,设置项 sick_approver"), "{zh}");
    assert!(
        zh.contains("“nobody” 不是可选值;可选:office、leader"),
        "{zh}"
    );
    assert!(en.contains("`nobody` is not one of office, leader"), "{en}");

    let (zh, en) = refused("[credits]\nlate_percent = 150\n");
    assert!(
        zh.contains("第 2 行,设置项 late_percent:150 超过了 100%"),
        "{zh}"
    );
    assert!(en.contains("150 is more than 100 percent"), "{en}");

    let (zh, en) = refused("official_leave_neutral = 3\n");
    assert!(zh.contains("应为true 或 false"), "{zh}");
    assert!(en.contains("`3` is not true or false"), "{en}");

    let (zh, en) = refused("x = = 1\n");
    assert!(
        zh.contains("第 1 行") && zh.contains("TOML 格式错误"),
        "{zh}"
    );
    assert!(en.contains("line 1"), "{en}");
}

#[test]
fn a_missing_file_says_so() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("p.redb");
    assert!(peixun(&db, None, &["init"]).0);
    let gone = dir.path().join("nope.toml");
    let g = gone.to_str().expect("utf-8 path");
    let (ok, _, zh) = peixun(&db, None, &["policy", "set", g]);
    assert!(!ok);
    assert!(
        zh.contains("无法读取考勤设置文件") && zh.contains("文件不存在"),
        "{zh}"
    );
    let (_, _, en) = peixun(&db, Some("en"), &["policy", "set", g]);
    assert!(
        en.contains("cannot read policy file") && en.contains("no such file"),
        "{en}"
    );
}

#[test]
fn someone_not_the_office_is_refused_before_the_file_is_read() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("p.redb");
    assert!(peixun(&db, None, &["init"]).0);
    assert!(
        peixun(
            &db,
            None,
            &["account", "set", "leader1", "--roles", "leader"]
        )
        .0
    );
    // The file does not exist: the refusal is about the role, not the file.
    let gone = dir.path().join("nope.toml");
    let g = gone.to_str().expect("utf-8 path");
    let (ok, _, en) = peixun(&db, Some("en"), &["--as", "leader1", "policy", "set", g]);
    assert!(!ok);
    assert!(en.contains("training office"), "{en}");
    assert!(!en.contains("no such file"), "{en}");
}
