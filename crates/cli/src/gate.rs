//! `peixun gate ACCOUNT`: what sshd runs for a key in the service
//! account's `authorized_keys` (`peixun key add`). The key decides who
//! acts; the database is the one the service account's configuration
//! names; the clock is the server's. Nothing the connection sends — an
//! option, an environment variable — can change any of the three.
//!
//! Also the configuration file, `$XDG_CONFIG_HOME/peixun/config.toml`
//! (`db = "/srv/peixun/peixun.redb"`), which names the database for the
//! gate and is the default for anyone running peixun as that account.

use super::{Cli, Command, Outcome, PolicyCmd, Who, files};
use crate::i18n::{self, GateText, Lang, PlatformText, ShareKind};
use clap::FromArgMatches;
use clap::parser::ValueSource;
use std::path::{Path, PathBuf};

/// The home directory of the real user id, from the passwd database (not
/// `$HOME`, which the caller controls).
pub fn passwd_home() -> Option<PathBuf> {
    app::os_user::passwd_home()
}

/// The configuration file of the gate: in the passwd home, whatever the
/// environment says.
fn gate_config(lang: Lang) -> Result<PathBuf, String> {
    passwd_home()
        .map(|h| h.join(".config").join("peixun").join("config.toml"))
        .ok_or_else(|| i18n::gate(lang, &GateText::NoHome))
}

/// The configuration file for local use: `$XDG_CONFIG_HOME/peixun/config.toml`.
fn local_config() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "peixun").map(|d| d.config_dir().join("config.toml"))
}

#[derive(serde::Deserialize, Default)]
struct Config {
    db: Option<PathBuf>,
    /// "accept": the office knows the database lies on a network file
    /// system; "refuse" (the default) otherwise.
    network_filesystem: Option<String>,
}

/// The configuration file at `path`; empty when there is none.
fn read_config(path: &Path, lang: Lang) -> Result<Config, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(i18n::gate(
                lang,
                &GateText::BadConfig {
                    path: path.display().to_string(),
                    why: e.to_string(),
                },
            ));
        }
    };
    toml::from_str(&text).map_err(|e| {
        i18n::gate(
            lang,
            &GateText::BadConfig {
                path: path.display().to_string(),
                why: e.message().to_string(),
            },
        )
    })
}

/// The database a configuration file names; `None` when there is no file
/// or it names none.
fn configured_db(path: &Path, lang: Lang) -> Result<Option<PathBuf>, String> {
    match read_config(path, lang)?.db {
        Some(db) if !db.is_absolute() => Err(i18n::gate(
            lang,
            &GateText::RelativeDb(db.display().to_string()),
        )),
        db => Ok(db),
    }
}

/// The database when `--db` and `PEIXUN_DB` name none: the one in the
/// configuration file, if any (`None`: the platform default).
pub fn local_db(lang: Lang) -> Result<Option<PathBuf>, String> {
    match local_config() {
        Some(path) => configured_db(&path, lang),
        None => Ok(None),
    }
}

/// Refuses a database on a network file system (an NFS or SMB mount, a
/// Windows share or mapped network drive) unless the local configuration
/// says `network_filesystem = "accept"`: file locking over the network does
/// not give redb's guarantees (issue 29).
pub fn refuse_network_share(db: &Path, lang: Lang) -> Result<(), String> {
    let config = local_config().unwrap_or_else(|| PathBuf::from("config.toml"));
    network_share_allowed(db, &config, lang)
}

/// The same, with the configuration file at `config`.
fn network_share_allowed(db: &Path, config: &Path, lang: Lang) -> Result<(), String> {
    use app::file::NetworkFs;
    let Some(fs) = app::file::network_filesystem(db) else {
        return Ok(());
    };
    let words = |t: PlatformText| i18n::platform(lang, &t);
    match read_config(config, lang)?.network_filesystem.as_deref() {
        Some("accept") => Ok(()),
        None | Some("refuse") => Err(words(PlatformText::NetworkShare {
            path: db.display().to_string(),
            kind: match fs {
                NetworkFs::Nfs => ShareKind::Nfs,
                NetworkFs::Smb => ShareKind::Smb,
                NetworkFs::WindowsShare => ShareKind::WindowsShare,
            },
            config: config.display().to_string(),
        })),
        Some(other) => Err(words(PlatformText::BadNetworkSetting {
            config: config.display().to_string(),
            value: other.to_string(),
        })),
    }
}

/// What `peixun gate ACCOUNT` does: the terminal app without a command,
/// else the command in `SSH_ORIGINAL_COMMAND`, as ACCOUNT, on the
/// configured database, at the server's time. The terminal app is
/// `terminal_app` (the binary passes `tui::run_gate`: the command line does
/// not depend on the terminal app's crate).
pub fn gate(
    account: &str,
    lang_flag: Option<&str>,
    terminal_app: impl FnOnce(PathBuf, &str, Lang) -> Outcome,
) -> Outcome {
    let lang = Lang::detect(lang_flag);
    if !app::os_user::serves_ssh_gate() {
        return Err(i18n::platform(
            lang,
            &PlatformText::UnixServerOnly("gate".into()),
        ));
    }
    let config = gate_config(lang)?;
    let db = configured_db(&config, lang)?
        .ok_or_else(|| i18n::gate(lang, &GateText::NoConfig(config.display().to_string())))?;
    network_share_allowed(&db, &config, lang)?;
    let command = std::env::var("SSH_ORIGINAL_COMMAND").unwrap_or_default();
    if command.trim().is_empty() {
        return terminal_app(db, account, lang);
    }
    let mut words = shell_words::split(&command)
        .map_err(|_| i18n::gate(lang, &GateText::Unsplittable(command.clone())))?;
    // `ssh peixun@school peixun lookup 张三` reads as `lookup 张三`.
    if words.first().is_some_and(|w| w == "peixun") {
        words.remove(0);
    }
    let argv = std::iter::once("peixun".to_string()).chain(words);
    let matches = match super::help::matches(&argv.map(Into::into).collect::<Vec<_>>(), lang_flag) {
        Ok(m) => m,
        Err(stop) if stop.is_output() => return Ok(stop.text),
        Err(stop) => return Err(stop.text.trim_end().to_string()),
    };
    let cli = Cli::from_arg_matches(&matches).map_err(|e| e.to_string())?;
    let lang = Lang::detect(cli.lang.as_deref().or(lang_flag));
    let refuse = |what: &str| Err(i18n::gate(lang, &GateText::Refused(what.to_string())));
    let server_path = |what: &str| Err(i18n::gate(lang, &GateText::ServerPath(what.to_string())));
    // `--db` typed in the command; PEIXUN_DB in the environment is ignored.
    if matches.value_source("db") == Some(ValueSource::CommandLine) {
        return refuse("--db");
    }
    if cli.as_name.is_some() {
        return refuse("--as");
    }
    let dash = |p: &Path| p == Path::new("-");
    match &cli.command {
        None => return terminal_app(db, account, lang),
        Some(Command::Init) => return refuse("init"),
        Some(Command::Demo(_)) => return refuse("demo"),
        Some(Command::Key(_)) => return refuse("key"),
        Some(Command::Gate { .. }) => return refuse("gate"),
        Some(Command::Backup { .. }) => return refuse("backup"),
        Some(Command::Policy(PolicyCmd::Set { file })) if !dash(file) => {
            return server_path("policy set FILE");
        }
        Some(Command::Import(
            files::ImportCmd::Teachers { file, .. } | files::ImportCmd::Plan { file, .. },
        )) if !dash(file) => return server_path("import FILE"),
        Some(Command::Export(
            files::ExportCmd::Standings { out, .. }
            | files::ExportCmd::Record { out, .. }
            | files::ExportCmd::Teachers { out }
            | files::ExportCmd::Signin { out, .. }
            | files::ExportCmd::Session { out, .. },
        )) if !dash(&out.out) => return server_path("export --out FILE"),
        Some(_) => {}
    }
    let who = Who {
        path: db,
        name: account.to_string(),
        is_root: false,
        now: chrono::Local::now().naive_local(),
    };
    super::run_as(cli, lang, who)
}
