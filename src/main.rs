//! peixun: parse the arguments, run a subcommand or the terminal app, and
//! turn any error into one clear line and a non-zero exit.

use clap::Parser;
use peixun::cli::{self, Cli};
use peixun::i18n::Lang;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::detect(cli.lang.as_deref());
    let result = if cli.command.is_none() {
        peixun::tui::run(cli.db.clone(), lang)
    } else {
        // A panic becomes the one error line `cli::run` prints, not a trace.
        std::panic::set_hook(Box::new(|_| {}));
        cli::run(cli, lang)
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
            let lines: Vec<_> = msg.lines().map(peixun::i18n::shown).collect();
            eprintln!("peixun: {}", lines.join("\n"));
            ExitCode::FAILURE
        }
    }
}
