//! Creating a database and managing who may use it.

use super::{Actor, App, AppError, Result, commit_logged, json};
use chrono::NaiveDateTime;
use rules::{Role, TeacherId};
use std::path::Path;
use store::{Account, Store};

/// Creates a new database; the account that runs this becomes the
/// training office.
pub fn init(path: &Path, os_name: &str, now: NaiveDateTime) -> Result<App> {
    let store = Store::create(path)?;
    let account = Account {
        name: os_name.to_string(),
        roles: vec![Role::Office],
        teacher: None,
    };
    let mut w = store.write(os_name, now)?;
    w.put_account(&account)?;
    w.log(
        "account.add",
        format!("account {os_name}"),
        None,
        json(&account),
        Some("init".into()),
        None,
        None,
    )?;
    w.commit()?;
    Ok(App {
        store,
        actor: Actor {
            name: account.name,
            roles: account.roles,
            teacher: None,
        },
        reason: None,
    })
}

impl App {
    /// Gives an OS account roles, replacing what it had (training office).
    pub fn set_account(
        &mut self,
        name: &str,
        roles: Vec<Role>,
        teacher: Option<TeacherId>,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.actor.require("account", &[Role::Office])?;
        if name.trim().is_empty() {
            return Err(AppError::Invalid {
                field: super::FieldName::Account,
                value: String::new(),
                why: super::Why::Empty,
            });
        }
        super::bounded(rules::limits::Field::Account, name)?;
        if let Some(t) = &teacher {
            super::bounded(rules::limits::Field::TeacherId, &t.0)?;
        }
        if roles.contains(&Role::Teacher) && teacher.is_none() {
            return Err(AppError::Invalid {
                field: super::FieldName::Teacher,
                value: String::new(),
                why: super::Why::NeededForTeacherRole,
            });
        }
        let mut w = self.begin(now)?;
        if let Some(t) = &teacher
            && w.teacher(t)?.is_none()
        {
            return Err(AppError::UnknownTeacher(t.0.clone()));
        }
        let before = w.account(name)?;
        let after = Account {
            name: name.to_string(),
            roles,
            teacher,
        };
        w.put_account(&after)?;
        commit_logged(
            w,
            "account.set",
            format!("account {name}"),
            before.as_ref().and_then(json),
            json(&after),
            after.teacher.clone(),
        )
    }

    pub fn accounts(&self) -> Result<Vec<Account>> {
        self.actor.require("account list", &[Role::Office])?;
        Ok(self.store.read()?.accounts()?)
    }
}
