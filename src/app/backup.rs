//! Keeping the data safe: a consistent copy of the database while others
//! use it (`peixun backup`). Checking a file needs no account and lives in
//! the store (`crate::store::check`), since a damaged file cannot be opened.

use super::{App, Result};
use crate::core::Role;
use crate::store::check::{self, Report};
use std::path::Path;

impl App {
    /// Copies the database, as of one moment, to a new file at `to`, and
    /// checks the copy. The training office keeps the data, so it makes the
    /// copies; nothing in the database changes.
    pub fn backup(&self, to: &Path) -> Result<Report> {
        self.actor.require("backup", &[Role::Office])?;
        Ok(check::backup(&self.store, to)?)
    }
}
