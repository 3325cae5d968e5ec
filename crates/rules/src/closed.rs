//! What a closed roll keeps (issue 25): who was expected when it closed, in
//! which group, and what each one's outcome was. A closed roll is a record
//! of the day: later changes to the roster, the groups, the dates or the
//! plan do not put anyone on it or take anyone off it. Only an explicit
//! correction by the office (with a reason, in the history) does.

use super::category::Outcome;
use super::model::{RollState, Session, Teacher, TeacherId};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A closed roll's record: kept from the moment it closes until it is
/// reopened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedRoll {
    /// When it closed (for a roll closed before schema 7: when the file
    /// was upgraded).
    pub at: NaiveDateTime,
    /// Everyone who had to attend, in id order.
    pub expected: Vec<Expected>,
}

/// One teacher expected at a closed roll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expected {
    pub teacher: TeacherId,
    /// The teacher's name, teaching group and grade group on the day.
    pub name: String,
    pub group: String,
    pub grade: Option<String>,
    /// The outcome when the roll closed.
    pub outcome: Outcome,
}

impl ClosedRoll {
    /// Whether `teacher` was expected when the roll closed.
    pub fn expects(&self, teacher: &TeacherId) -> bool {
        self.entry(teacher).is_some()
    }

    /// The record of `teacher`, where they were expected.
    pub fn entry(&self, teacher: &TeacherId) -> Option<&Expected> {
        self.expected
            .binary_search_by(|e| e.teacher.cmp(teacher))
            .ok()
            .map(|i| &self.expected[i])
    }

    /// Adds `e` (an explicit correction), keeping the id order.
    pub fn add(&mut self, e: Expected) {
        match self
            .expected
            .binary_search_by(|x| x.teacher.cmp(&e.teacher))
        {
            Ok(i) => self.expected[i] = e,
            Err(i) => self.expected.insert(i, e),
        }
    }
}

/// Whether `teacher` had to attend `session`: at a closed roll with a
/// record, whoever the record names; otherwise the audience and the
/// teacher's dates as they stand.
pub fn required(
    session: &Session,
    state: RollState,
    closed: Option<&ClosedRoll>,
    teacher: &Teacher,
) -> bool {
    match (state, closed) {
        (RollState::Cancelled, _) => false,
        (RollState::Closed, Some(c)) => c.expects(&teacher.id),
        _ => session.requires(teacher),
    }
}
