//! The school's policy, stored in the database and changed by the office.

use super::{App, Result, commit_logged, json};
use chrono::NaiveDateTime;
use rules::{Policy, Role};

impl App {
    pub fn policy(&self) -> Result<Policy> {
        Ok(self.store.read()?.policy()?)
    }

    /// Replaces the policy (training office). Standings follow at once,
    /// since they are derived from the facts every time.
    pub fn set_policy(&mut self, policy: Policy, now: NaiveDateTime) -> Result<()> {
        self.actor.require("policy set", &[Role::Office])?;
        let mut w = self.begin(now)?;
        let before = w.policy()?;
        super::calendar::check_year_start(&before, &policy, &w.terms()?)?;
        w.put_policy(&policy)?;
        commit_logged(
            w,
            "policy.set",
            "policy".into(),
            json(&before),
            json(&policy),
            None,
        )
    }
}
