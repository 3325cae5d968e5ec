//! Who may reach the database through the SSH gate: the training office
//! keeps the service account's key file (`peixun key`), and every change
//! to it is recorded in the history.

use super::{App, AppError, Result};
use chrono::NaiveDateTime;
use rules::Role;

/// One key as the history records it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KeyEntry {
    pub account: String,
    pub kind: String,
    pub fingerprint: String,
    pub comment: String,
}

/// A change to the key file: keys added and removed.
pub struct KeyChange<'a> {
    pub added: &'a [KeyEntry],
    pub removed: &'a [KeyEntry],
}

impl App {
    /// Refuses anyone but the training office, before anything is read.
    pub fn may_change_keys(&self) -> Result<()> {
        self.actor.require("key", &[Role::Office])
    }

    /// Whether `name` is an account of this database.
    pub fn has_account(&self, name: &str) -> Result<bool> {
        Ok(self.store.read()?.account(name)?.is_some())
    }

    /// Records `change` in the history and makes it with `write` (which
    /// writes the key file) in one step: the write happens while this
    /// change holds the database's write lock, so two key changes never
    /// overwrite each other; when `write` fails nothing is recorded, and
    /// when recording fails `undo` puts the file back.
    pub fn change_keys<E: From<AppError>>(
        &mut self,
        change: KeyChange<'_>,
        now: NaiveDateTime,
        write: impl FnOnce() -> std::result::Result<(), E>,
        undo: impl FnOnce(),
    ) -> std::result::Result<(), E> {
        self.may_change_keys()?;
        let mut w = self.begin(now)?;
        for k in change.added {
            w.log(
                "key.add",
                format!("account {}", k.account),
                None,
                super::json(k),
                None,
                None,
                None,
            )
            .map_err(AppError::from)?;
        }
        for k in change.removed {
            w.log(
                "key.remove",
                format!("account {}", k.account),
                super::json(k),
                None,
                None,
                None,
                None,
            )
            .map_err(AppError::from)?;
        }
        write()?;
        if let Err(e) = w.commit() {
            undo();
            return Err(AppError::from(e).into());
        }
        Ok(())
    }
}
