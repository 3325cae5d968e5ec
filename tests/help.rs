//! `--help` in the user's language (issue 16): every command and every
//! argument described, in Chinese by default and in English with
//! `--lang en` or an English LANG; a refused command line in the same
//! language. The command tree is walked, so a new command or argument
//! without words in the catalogue (`i18n::help`) fails here.

use clap::CommandFactory;
use peixun::cli::Cli;
use peixun::i18n::{Help, Lang, help};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_peixun");

/// Every command of the tree with its path (`[]` is peixun itself).
fn commands() -> Vec<(Vec<String>, clap::Command)> {
    fn walk(c: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
        out.push((path.clone(), c.clone()));
        for s in c.get_subcommands() {
            let mut p = path.clone();
            p.push(s.get_name().to_string());
            walk(s, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), Vec::new(), &mut out);
    out
}

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3000}'..='\u{303F}').contains(&c))
}

/// peixun with `args`, in a plain locale (so Chinese unless `--lang en`).
fn peixun(args: &[&str], lang_env: &str) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PEIXUN_DB")
        .env("LANG", lang_env)
        .output()
        .expect("run peixun")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn the_catalogue_describes_every_command_and_argument() {
    let mut missing = Vec::new();
    for (path, cmd) in commands() {
        let path = path.join(" ");
        for lang in [Lang::Zh, Lang::En] {
            let mut check = |what: String, t: Option<&str>| match t {
                None => missing.push(format!("{lang:?} {what}: none")),
                Some(t) if t.trim().is_empty() => missing.push(format!("{lang:?} {what}: empty")),
                Some(t) if lang == Lang::Zh && !has_cjk(t) => {
                    missing.push(format!("{lang:?} {what}: no Chinese in {t:?}"))
                }
                Some(t) if lang == Lang::En && has_cjk(t) => {
                    missing.push(format!("{lang:?} {what}: Chinese in {t:?}"))
                }
                Some(_) => {}
            };
            check(format!("[{path}]"), help(lang, Help::About(&path)));
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                check(format!("[{path}] {id}"), help(lang, Help::Arg(&path, id)));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "without help text:\n{}",
        missing.join("\n")
    );
}

/// The description beside `flag` (`--reason`, `<TEACHER>`) in a help text,
/// or on the next line when clap puts it there (long flags).
fn described(help: &str, flag: &str) -> Option<String> {
    let lines: Vec<&str> = help.lines().collect();
    lines.iter().enumerate().find_map(|(i, line)| {
        let line = line.trim_start();
        let (flags, rest) = match line.split_once("  ") {
            Some((f, r)) => (f, r.trim().to_string()),
            None => (line, lines.get(i + 1).map(|l| l.trim().to_string())?),
        };
        let hit = flags.split(", ").any(|f| {
            f == flag
                || f.starts_with(&format!("{flag} "))
                || f.starts_with(&format!("{flag}..."))
                || f.starts_with(&format!("{flag}="))
        });
        hit.then_some(rest)
    })
}

/// How an argument shows in the help: `--long`, `-s`, or `<NAME>`/`[NAME]`.
fn flag_of(a: &clap::Arg) -> Vec<String> {
    if a.is_positional() {
        let name = a
            .get_value_names()
            .and_then(|v| v.first().map(|s| s.to_string()))
            .unwrap_or_else(|| a.get_id().as_str().to_uppercase());
        vec![format!("<{name}>"), format!("[{name}]")]
    } else {
        let mut f = Vec::new();
        if let Some(l) = a.get_long() {
            f.push(format!("--{l}"));
        }
        if let Some(s) = a.get_short() {
            f.push(format!("-{s}"));
        }
        f
    }
}

fn check_help(path: &[String], args: &[&str], lang_env: &str, zh: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let out = peixun(args, lang_env);
    let shown = format!("peixun {}", args.join(" "));
    if !out.status.success() {
        problems.push(format!(
            "{shown}: exit {:?}: {}",
            out.status.code(),
            text(&out.stderr)
        ));
        return problems;
    }
    let help = text(&out.stdout);
    let mut built = Cli::command();
    built.build();
    let mut cmd = &built;
    for p in path {
        cmd = cmd.find_subcommand(p).expect("a subcommand of the tree");
    }
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let flags = flag_of(a);
        match flags.iter().find_map(|f| described(&help, f)) {
            None => problems.push(format!("{shown}: {flags:?} not described:\n{help}")),
            Some(d) if d.is_empty() => problems.push(format!("{shown}: {flags:?} empty")),
            Some(d) if zh && !has_cjk(&d) => {
                problems.push(format!("{shown}: {flags:?} untranslated: {d:?}"))
            }
            Some(_) => {}
        }
    }
    for sub in cmd.get_subcommands() {
        let line = help
            .lines()
            .find(|l| l.split_whitespace().next() == Some(sub.get_name()));
        match line {
            Some(l) if !zh || has_cjk(l) => {}
            _ => problems.push(format!(
                "{shown}: subcommand {} not described",
                sub.get_name()
            )),
        }
    }
    if zh {
        let first = help.lines().next().unwrap_or("");
        if !has_cjk(first) {
            problems.push(format!(
                "{shown}: the description is not Chinese: {first:?}"
            ));
        }
        for word in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print help",
            "[OPTIONS]",
            // clap's own brackets after a flag's description
            "possible values",
            "[default:",
            "[env:",
            "[aliases:",
        ] {
            if help.contains(word) {
                problems.push(format!("{shown}: English {word:?} in:\n{help}"));
            }
        }
    } else if has_cjk(&help) {
        problems.push(format!("{shown}: Chinese in the English help:\n{help}"));
    }
    problems
}

#[test]
fn every_subcommand_has_chinese_help_by_default() {
    let mut problems = Vec::new();
    for (path, _) in commands() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        problems.extend(check_help(&path, &args, "C", true));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_subcommand_has_english_help_with_lang_en() {
    let mut problems = Vec::new();
    for (path, _) in commands() {
        let mut args: Vec<&str> = vec!["--lang", "en"];
        args.extend(path.iter().map(String::as_str));
        args.push("--help");
        problems.extend(check_help(&path, &args, "C", false));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn an_english_lang_gives_english_help_and_a_chinese_one_chinese() {
    let path = vec!["leave".to_string(), "request".to_string()];
    let problems = check_help(&path, &["leave", "request", "--help"], "en_US.UTF-8", false);
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    let problems = check_help(&path, &["leave", "request", "-h"], "zh_CN.UTF-8", true);
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    // --lang wins over LANG.
    let problems = check_help(
        &path,
        &["leave", "request", "--help", "--lang", "zh"],
        "en_US.UTF-8",
        true,
    );
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_help_subcommand_speaks_the_same_language() {
    let out = peixun(&["help", "leave", "request"], "C");
    assert!(out.status.success());
    let zh = text(&out.stdout);
    assert!(zh.contains("请假事由") && zh.contains("用法"), "{zh}");
    let out = peixun(&["--lang", "en", "help", "leave"], "C");
    let en = text(&out.stdout);
    assert!(
        out.status.success() && en.contains("Usage") && !has_cjk(&en),
        "{en}"
    );
}

#[test]
fn a_command_without_its_subcommand_shows_its_help_in_chinese() {
    let out = peixun(&["leave"], "C");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("命令:") && err.contains("申请请假"), "{err}");
    assert!(!err.contains("Usage"), "{err}");
}

/// A refused command line: one line in the user's language, naming what
/// was wrong and where to read more; exit 2 (clap's usage error).
fn refused(args: &[&str], lang_env: &str) -> String {
    let out = peixun(args, lang_env);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = text(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(!err.contains("error:") && !err.contains("tip:"), "{err}");
    err
}

#[test]
fn a_refused_command_line_is_one_line_in_chinese_or_english() {
    let err = refused(&["leave", "request", "--bogus"], "C");
    assert!(err.contains("不认识的参数“--bogus”"), "{err}");
    assert!(err.contains("peixun leave request --help"), "{err}");
    let err = refused(&["--lang", "en", "leave", "request", "--bogus"], "C");
    assert!(
        err.contains("unexpected argument '--bogus'") && !has_cjk(&err),
        "{err}"
    );
    let err = refused(&["leave", "request", "--bogus"], "en_GB.UTF-8");
    assert!(err.contains("unexpected argument"), "{err}");

    let err = refused(&["leave", "request"], "C");
    assert!(
        err.contains("缺少必需的参数") && err.contains("<TEACHER>"),
        "{err}"
    );
    let err = refused(&["lookup", "x", "--year", "abc"], "C");
    assert!(err.contains("“abc”无效") && err.contains("--year"), "{err}");
    let err = refused(
        &["standings", "--term", "2025-autumn", "--year", "2025"],
        "C",
    );
    assert!(err.contains("不能和"), "{err}");
    let err = refused(&["leave", "requets"], "C");
    assert!(
        err.contains("没有“requets”这个命令") && err.contains("request"),
        "{err}"
    );
    let err = refused(&["history", "--session"], "C");
    assert!(
        err.contains("--session") && err.contains("要写一个值"),
        "{err}"
    );
    let err = refused(&["whoami", "--lang"], "en_US.UTF-8");
    assert!(err.contains("needs a value"), "{err}");
}
