//! The school's policy, stored in the database and changed by the office.
//! A change applies from the moment it is made (issue 25): closed rolls and
//! posted terms keep the policy they were judged under, until the office
//! re-judges them explicitly (`rejudge_policy`).

use super::invalid::{FieldName, Why};
use super::{App, AppError, Result, commit_logged, json};
use chrono::{NaiveDate, NaiveDateTime};
use rules::{Policy, Role};

impl App {
    pub fn policy(&self) -> Result<Policy> {
        Ok(self.store.read()?.policy()?)
    }

    /// Replaces the policy (training office) from `now` on: sessions whose
    /// roll closes later, and periods not posted, are judged under it; what
    /// was closed or posted before keeps the policy of its day.
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

    /// Re-judges under today's policy every roll closed and every term
    /// posted (year closed) from `from` on (training office, with a
    /// reason): an explicit correction of the past, in the history with the
    /// policies it replaced; the postings it changes show those rows as
    /// changed since published.
    pub fn rejudge_policy(
        &mut self,
        from: NaiveDate,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.actor.require("policy rejudge", &[Role::Office])?;
        if reason.trim().is_empty() {
            return Err(AppError::Invalid {
                field: FieldName::Reason,
                value: String::new(),
                why: Why::NeededForCorrection,
            });
        }
        super::bounded(rules::limits::Field::Reason, reason)?;
        let mut w = self.begin(now)?;
        // The history keeps the moments each change took effect from; the
        // policies themselves are in the `policy.set` entries.
        let changes = |all: rules::Policies| {
            let at: Vec<_> = all.superseded.iter().map(|s| s.until).collect();
            serde_json::json!({ "policy_changes": at })
        };
        let before = changes(w.policies()?);
        if !w.rejudge_policy(from.and_time(chrono::NaiveTime::MIN))? {
            return Err(AppError::Invalid {
                field: FieldName::From,
                value: from.to_string(),
                why: Why::NoPolicyChangeSince,
            });
        }
        let after = changes(w.policies()?);
        w.log(
            "policy.rejudge",
            format!("policy from {from}"),
            json(&before),
            json(&after),
            Some(reason.to_string()),
            None,
            None,
        )?;
        w.commit()?;
        Ok(())
    }
}
