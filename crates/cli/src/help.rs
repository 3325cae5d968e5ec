//! `--help` and refused command lines in the user's language. Parsing is
//! the derive's plain command (what every run pays); only when clap has
//! help to show or a command line to refuse is the localized command built
//! (`localized`), from the catalogue in `i18n::help`.

use super::Cli;
use crate::i18n::{self, Help, HelpWord, Lang, ParseError, help_word};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgMatches, Command, CommandFactory};
use std::ffi::OsString;

/// Why parsing stopped before a command ran: help or a version to print
/// (`code` 0, on standard output) or a refused command line (on standard
/// error, clap's exit code).
#[derive(Debug)]
pub struct Stop {
    pub text: String,
    pub code: i32,
    /// Help or a version (also the help clap shows for a command that
    /// needs a subcommand, with a non-zero code), not a refusal.
    pub help: bool,
}

impl Stop {
    /// Help or a version asked for: printed to standard output, exit 0.
    pub fn is_output(&self) -> bool {
        self.help && self.code == 0
    }
}

/// Parses `argv` (the program's name first). `lang_flag` is a `--lang`
/// given around this command line (the gate's own); the line's own
/// `--lang` wins.
pub fn matches(argv: &[OsString], lang_flag: Option<&str>) -> Result<ArgMatches, Stop> {
    match Cli::command().try_get_matches_from(argv) {
        Ok(m) => Ok(m),
        Err(e) => Err(stop(argv, lang_flag, e)),
    }
}

/// The arguments as a `Cli`, or why not.
pub fn parse(argv: &[OsString]) -> Result<Cli, Stop> {
    use clap::FromArgMatches;
    if let Some(cli) = Cli::lookup_only(argv) {
        return Ok(cli);
    }
    let mut m = matches(argv, None)?;
    // Takes the values out of the matches, as `Cli::parse` does (no copy).
    match Cli::from_arg_matches_mut(&mut m) {
        Ok(cli) => Ok(cli),
        Err(e) => Err(stop(argv, None, e)),
    }
}

/// The text and exit code for clap's error `e` on `argv`.
fn stop(argv: &[OsString], lang_flag: Option<&str>, e: clap::Error) -> Stop {
    let words: Vec<String> = argv
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let flag = lang_in(&words).or(lang_flag.map(str::to_string));
    let lang = Lang::detect(flag.as_deref());
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // The same command line through the localized command gives
            // the same kind of stop, with the words in `lang`.
            let text = match localized(lang).try_get_matches_from(argv) {
                Err(l) => usage_words(lang, &l.render().to_string()),
                Ok(_) => e.render().to_string(),
            };
            Stop {
                text,
                code: e.exit_code(),
                help: true,
            }
        }
        _ => {
            let path = command_path(&words);
            let mut shown = String::from("peixun");
            for p in &path {
                shown.push(' ');
                shown.push_str(p);
            }
            Stop {
                text: i18n::parse_error(lang, &parse_error(&e), &shown),
                code: e.exit_code(),
                help: false,
            }
        }
    }
}

/// The usage line with the catalogue's `[OPTIONS]` (clap spells it itself).
fn usage_words(lang: Lang, help: &str) -> String {
    let heading = format!("{}: ", help_word(lang, HelpWord::Usage));
    let mut out = String::with_capacity(help.len());
    for line in help.split_inclusive('\n') {
        if line.starts_with(&heading) {
            out.push_str(&line.replace("[OPTIONS]", help_word(lang, HelpWord::OptionsPlaceholder)));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// `--lang X` or `--lang=X` in a command line that may not parse.
fn lang_in(words: &[String]) -> Option<String> {
    let mut it = words.iter().skip(1);
    while let Some(w) = it.next() {
        if w == "--" {
            break;
        }
        if w == "--lang" {
            return it.next().cloned();
        }
        if let Some(v) = w.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

/// The subcommands a command line names, as far as they exist.
fn command_path(words: &[String]) -> Vec<String> {
    let mut cmd = Cli::command();
    let mut path = Vec::new();
    let mut it = words.iter().skip(1);
    while let Some(w) = it.next() {
        if matches!(w.as_str(), "--db" | "--lang" | "--as") {
            it.next();
            continue;
        }
        if w.starts_with('-') {
            continue;
        }
        match cmd.find_subcommand(w) {
            Some(sub) => {
                path.push(w.clone());
                let sub = sub.clone();
                cmd = sub;
            }
            None if cmd.has_subcommands() => break,
            None => {}
        }
    }
    path
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) if !v.is_empty() => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Clap's error as the catalogue's.
fn parse_error(e: &clap::Error) -> ParseError {
    let get = |k| context(e, k);
    let arg = || get(ContextKind::InvalidArg).unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument => ParseError::Unexpected {
            arg: arg(),
            like: get(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => ParseError::NoSuchCommand {
            name: get(ContextKind::InvalidSubcommand).unwrap_or_default(),
            like: get(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::MissingSubcommand => ParseError::NoCommand,
        ErrorKind::MissingRequiredArgument => ParseError::Missing { args: arg() },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            if value.is_empty() && e.kind() == ErrorKind::InvalidValue {
                return ParseError::NoValue { arg: arg() };
            }
            ParseError::BadValue {
                arg: arg(),
                value,
                valid: get(ContextKind::ValidValue),
            }
        }
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            ParseError::NoValue { arg: arg() }
        }
        ErrorKind::TooManyValues => ParseError::Unexpected {
            arg: get(ContextKind::InvalidValue).unwrap_or_else(arg),
            like: None,
        },
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            Some(with) if with != arg() => ParseError::Conflict { arg: arg(), with },
            _ => ParseError::Twice { arg: arg() },
        },
        ErrorKind::InvalidUtf8 => ParseError::NotUtf8,
        _ => ParseError::Other,
    }
}

/// The command tree with every text from the catalogue in `lang`.
pub fn localized(lang: Lang) -> Command {
    let mut cmd = localize(Cli::command(), lang, "");
    cmd.build();
    after_build(cmd, lang)
}

/// The path of a subcommand under `path`.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

fn localize(cmd: Command, lang: Lang, path: &str) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        help_word(lang, HelpWord::Usage)
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(help_word(lang, HelpWord::Commands))
        .subcommand_value_name(help_word(lang, HelpWord::CommandName))
        .long_about(None);
    if let Some(about) = i18n::help(lang, Help::About(path)) {
        cmd = cmd.about(about);
    }
    // In the order they are declared; the global options (declared on
    // peixun itself, copied into every subcommand) after a command's own.
    let mut order = if path.is_empty() { 1000 } else { 0 };
    cmd = cmd.mut_args(|a| {
        order += 1;
        let id = a.get_id().as_str().to_string();
        let heading = if a.is_positional() {
            HelpWord::Arguments
        } else {
            HelpWord::Options
        };
        // Defaults and the environment are in the catalogue's words.
        let takes = a.get_action().takes_values() && !a.get_default_values().is_empty();
        let env = a.get_env().is_some();
        let a = a
            .help_heading(help_word(lang, heading))
            .display_order(order)
            .long_help(None)
            .hide_default_value(takes)
            .hide_env(env);
        match i18n::help(lang, Help::Arg(path, &id)) {
            Some(text) => a.help(text),
            None => a,
        }
    });
    let path = path.to_string();
    cmd.mut_subcommands(|sub| {
        let p = join(&path, sub.get_name());
        localize(sub, lang, &p)
    })
}

/// The parts clap adds when it builds: `-h`, `-V` and `help`.
fn after_build(cmd: Command, lang: Lang) -> Command {
    let options = help_word(lang, HelpWord::Options);
    let cmd = cmd.mut_args(|a| match a.get_id().as_str() {
        "help" => a
            .help(help_word(lang, HelpWord::PrintHelp))
            .display_order(2000)
            .long_help(None)
            .help_heading(options),
        "version" => a
            .help(help_word(lang, HelpWord::PrintVersion))
            .display_order(2001)
            .long_help(None)
            .help_heading(options),
        _ => a,
    });
    cmd.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            sub.about(help_word(lang, HelpWord::HelpCommand))
                .long_about(None)
                .mut_args(|a| {
                    a.help(help_word(lang, HelpWord::HelpCommandArg))
                        .long_help(None)
                })
        } else {
            after_build(sub, lang)
        }
    })
}
