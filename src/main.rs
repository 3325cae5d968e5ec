//! peixun: parse the arguments, run a subcommand or the terminal app, and
//! turn any error into one clear line and a non-zero exit.

use peixun::cli::{self, Command};
use peixun::i18n::{self, GateText, Lang};
use std::process::ExitCode;

fn main() -> ExitCode {
    // A setuid or setgid peixun would take paths and environment from the
    // person running it with rights that person does not have: refused
    // before anything else (docs/deploy.md: the SSH gate instead).
    if peixun::app::privileged() {
        eprintln!(
            "peixun: {}",
            i18n::gate(Lang::detect(None), &GateText::Privileged)
        );
        return ExitCode::FAILURE;
    }
    // Help, a version or a refused command line, in the user's language.
    let cli = match cli::help::parse(&std::env::args_os().collect::<Vec<_>>()) {
        Ok(cli) => cli,
        Err(stop) => {
            use std::io::Write;
            let text = stop.text.trim_end();
            if stop.is_output() {
                let _ = writeln!(std::io::stdout(), "{text}");
            } else if stop.help {
                let _ = writeln!(std::io::stderr(), "{text}");
            } else {
                let lines: Vec<_> = text.lines().map(peixun::i18n::shown).collect();
                let _ = writeln!(std::io::stderr(), "peixun: {}", lines.join("\n"));
            }
            return ExitCode::from(u8::try_from(stop.code).unwrap_or(2));
        }
    };
    let lang = Lang::detect(cli.lang.as_deref());
    // A panic becomes the one error line `cli::run` prints, not a trace
    // (the terminal app installs its own hook that restores the screen).
    let result = match &cli.command {
        Some(Command::Gate { account }) => {
            std::panic::set_hook(Box::new(|_| {}));
            cli::gate::gate(account, cli.lang.as_deref(), peixun::tui::run_gate)
        }
        None => match cli.db.clone() {
            Some(db) => Ok(db),
            None => cli::gate::local_db(lang).map(|db| db.unwrap_or_else(cli::default_db)),
        }
        .and_then(|db| {
            // A database on a network share is refused before the screen opens.
            cli::gate::refuse_network_share(&db, lang)?;
            peixun::tui::run(Some(db), cli.as_name.as_deref(), lang)
        }),
        Some(_) => {
            std::panic::set_hook(Box::new(|_| {}));
            cli::run(cli, lang)
        }
    };
    match result {
        Ok(out) => {
            use std::io::Write;
            // A closed pipe (`peixun standings | head`) is not an error.
            if !out.is_empty() {
                let _ = writeln!(std::io::stdout(), "{}", out.trim_end());
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            // The message may name a value or a file someone typed; a
            // refused file lists its bad cells one per line.
            // The system's English words read in the user's language.
            let lines: Vec<_> = msg
                .lines()
                .map(|line| peixun::i18n::shown(&i18n::system_words(lang, line)).into_owned())
                .collect();
            eprintln!("peixun: {}", lines.join("\n"));
            ExitCode::FAILURE
        }
    }
}
