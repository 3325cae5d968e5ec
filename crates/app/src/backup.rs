//! Keeping the data safe: a consistent copy of the database while others
//! use it (`peixun backup`). Checking a file needs no account and lives in
//! the store (`store::check`), since a damaged file cannot be opened.

use super::{App, Result};
use rules::Role;
use std::path::Path;
use store::check::{self, Report};

impl App {
    /// Copies the database, as of one moment, to a new file at `to`, and
    /// checks the copy. The training office keeps the data, so it makes the
    /// copies; nothing in the database changes.
    pub fn backup(&self, to: &Path) -> Result<Report> {
        self.actor.require("backup", &[Role::Office])?;
        Ok(check::backup(&self.store, to)?)
    }
}
