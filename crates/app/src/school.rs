//! The school's name, for the titles of exported sheets. Stored under the
//! `school` key of the meta table; set by the training office.

use super::{App, Result, commit_logged, json};
use chrono::NaiveDateTime;
use rules::Role;

impl App {
    /// The school's name, if the office has set one.
    pub fn school(&self) -> Result<Option<String>> {
        Ok(self.store.read()?.meta::<String>("school")?)
    }

    /// Sets the school's name (training office).
    pub fn set_school(&mut self, name: &str, now: NaiveDateTime) -> Result<()> {
        self.actor.require("school", &[Role::Office])?;
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(super::AppError::Invalid {
                field: super::FieldName::School,
                value: name,
                why: super::Why::Empty,
            });
        }
        super::bounded(rules::limits::Field::School, &name)?;
        let mut w = self.begin(now)?;
        let before = w.meta::<String>("school")?;
        if before.as_deref() == Some(name.as_str()) {
            return Ok(());
        }
        w.put_meta("school", &name)?;
        commit_logged(
            w,
            "school.set",
            "school".into(),
            before.as_ref().and_then(json),
            json(&name),
            None,
        )
    }
}
