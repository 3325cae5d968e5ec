//! The policy over time (issue 25): a policy change applies from the moment
//! it is made. A closed roll is judged under the policy in effect when it
//! closed, a posted term (or a closed year) under the one in effect when it
//! was first posted (closed; a term of a closed year, at the latest the
//! closing's); a roll still open, and any period not posted, under
//! today's. Only an explicit re-judgement by the office reaches back
//! (`Policies::rejudge_from`).
//!
//! Pure: the moments are passed in; the store keeps `superseded`.

use super::closed::ClosedRoll;
use super::model::RollState;
use super::policy::Policy;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A policy that was replaced: what was judged before `until` keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Superseded {
    /// The moment the next policy took effect.
    pub until: NaiveDateTime,
    pub policy: Policy,
}

/// Today's policy and the ones it replaced, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policies {
    pub current: Policy,
    /// Sorted by `until`, each `until` later than the one before.
    pub superseded: Vec<Superseded>,
}

impl Policies {
    /// Only `current`, in effect since ever (a file from before dated
    /// policies: the past was judged under it, as far as anyone knows).
    pub fn only(current: Policy) -> Policies {
        Policies {
            current,
            superseded: Vec::new(),
        }
    }

    /// The policy in effect at `at`.
    pub fn at(&self, at: NaiveDateTime) -> &Policy {
        self.superseded
            .iter()
            .find(|s| at < s.until)
            .map_or(&self.current, |s| &s.policy)
    }

    /// The policy a session's outcomes are scored under: the one in effect
    /// when its roll closed, for a closed roll with its record; otherwise
    /// (not held yet, under way, or cancelled) today's.
    pub fn for_roll(&self, state: RollState, closed: Option<&ClosedRoll>) -> &Policy {
        match (state, closed) {
            (RollState::Closed, Some(c)) => self.at(c.at),
            _ => &self.current,
        }
    }

    /// `policy` takes effect at `now`: what was judged before keeps the
    /// policy it was judged under. A clock set back cannot reach into what
    /// is already kept: not before an earlier change, nor at or before
    /// `kept`, the latest moment a roll was closed, a term posted or a
    /// year closed (the change then takes effect just after it). Nothing
    /// is kept when the policy does not change.
    pub fn set(&mut self, policy: Policy, now: NaiveDateTime, kept: Option<NaiveDateTime>) {
        if policy == self.current {
            return;
        }
        let after_kept = kept
            .and_then(|k| k.checked_add_signed(chrono::TimeDelta::seconds(1)))
            .map_or(now, |k| k.max(now));
        let until = self
            .superseded
            .last()
            .map_or(after_kept, |s| s.until.max(after_kept));
        let old = std::mem::replace(&mut self.current, policy);
        self.superseded.push(Superseded { until, policy: old });
    }

    /// The office re-judges everything closed or posted from `from` on
    /// under today's policy: the policies in effect from then are dropped
    /// (the history entry of the re-judgement keeps them). Returns whether
    /// anything changed.
    pub fn rejudge_from(&mut self, from: NaiveDateTime) -> bool {
        let before = self.superseded.len();
        let mut changed = false;
        // A policy in effect from before `from` on now ends at `from`.
        let mut start = NaiveDateTime::MIN;
        self.superseded.retain_mut(|s| {
            let began = start;
            start = s.until;
            if began >= from {
                return false;
            }
            if s.until > from {
                s.until = from;
                changed = true;
            }
            true
        });
        changed || self.superseded.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn t(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 9, day)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap_or_default()
    }

    fn attend(points: i32) -> Policy {
        let mut p = Policy::default();
        p.points.attend = points;
        p
    }

    #[test]
    fn each_moment_keeps_the_policy_of_its_day() {
        let mut p = Policies::only(attend(1));
        p.set(attend(2), t(10), None);
        p.set(attend(3), t(20), None);
        assert_eq!(p.at(t(1)).points.attend, 1);
        assert_eq!(p.at(t(10)).points.attend, 2);
        assert_eq!(p.at(t(19)).points.attend, 2);
        assert_eq!(p.at(t(20)).points.attend, 3);
        // The same policy again keeps nothing.
        p.set(attend(3), t(25), None);
        assert_eq!(p.superseded.len(), 2);
        // A clock set back takes effect at the latest moment kept: what
        // was judged before it keeps its policy.
        p.set(attend(4), t(5), None);
        assert_eq!(p.at(t(5)).points.attend, 1);
        assert_eq!(p.at(t(19)).points.attend, 2);
        assert_eq!(p.at(t(20)).points.attend, 4);
    }

    /// The first change with the clock set back before a closing: it
    /// takes effect just after the closing, which keeps its policy.
    #[test]
    fn a_clock_set_back_cannot_reach_what_was_kept() {
        let mut p = Policies::only(attend(1));
        p.set(attend(2), t(5), Some(t(20)));
        assert_eq!(p.at(t(20)).points.attend, 1);
        assert_eq!(p.at(t(21)).points.attend, 2);
        // A clock that is right is not moved.
        let mut q = Policies::only(attend(1));
        q.set(attend(2), t(25), Some(t(20)));
        assert_eq!(q.at(t(24)).points.attend, 1);
        assert_eq!(q.at(t(25)).points.attend, 2);
    }

    #[test]
    fn a_rejudgement_reaches_back_to_its_day_only() {
        let mut p = Policies::only(attend(1));
        p.set(attend(2), t(10), None);
        p.set(attend(3), t(20), None);
        assert!(p.rejudge_from(t(15)));
        assert_eq!(p.at(t(9)).points.attend, 1);
        assert_eq!(p.at(t(14)).points.attend, 2);
        assert_eq!(p.at(t(15)).points.attend, 3);
        assert!(p.rejudge_from(t(5)));
        assert_eq!(p.at(t(4)).points.attend, 1);
        assert_eq!(p.at(t(5)).points.attend, 3);
        assert_eq!(p.superseded.len(), 1);
        assert!(!p.rejudge_from(t(25)));
    }
}
