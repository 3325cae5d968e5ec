//! What both front ends take from the environment: the clock (`now`, which
//! a test may set through PEIXUN_NOW; the SSH gate never reads it), the
//! default database file. No store.

use chrono::{Local, NaiveDateTime};
use std::path::PathBuf;

/// "now" for this process: the clock, or `PEIXUN_NOW` (YYYY-MM-DDTHH:MM)
/// so that scripts and tests can replay a term. The SSH gate never calls
/// this: there the clock is the server's (`cli::gate`), and a setuid or
/// setgid peixun does not run at all (docs/deploy.md).
pub fn now() -> NaiveDateTime {
    std::env::var("PEIXUN_NOW")
        .ok()
        .and_then(|s| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M").ok())
        .unwrap_or_else(|| Local::now().naive_local())
}

/// The default database: the platform data directory.
pub fn default_db() -> PathBuf {
    directories::ProjectDirs::from("", "", "peixun")
        .map(|d| d.data_dir().join("peixun.redb"))
        .unwrap_or_else(|| PathBuf::from("peixun.redb"))
}
