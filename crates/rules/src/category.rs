//! The category of one teacher at one session, derived from the facts.
//!
//! Every rule here names the regulation it comes from (篇N of the seed text,
//! see docs/rules.md). Categories are never stored: a leave approved after
//! the fact changes what this function returns, and nothing else needs to.

use super::model::{Leave, LeaveKind, RollFacts, RollState, Session, Teacher};
use serde::{Deserialize, Serialize};

listed! {
/// What one teacher was at one session (考勤类别).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// Present (出勤): answered the first or the second call.
    Present,
    /// Late (迟到): still missing after the second call, arrived later (篇4, 篇7).
    Late,
    /// Early leave (早退): left before the end (篇10).
    EarlyLeave,
    /// Absent without reason (旷工): missing with no approved leave (篇4, 篇10).
    Absent,
    /// Official leave (公假): outside rewards and penalties (篇4, 篇7).
    OfficialLeave,
    /// Personal leave (事假), approved by the leadership group leader.
    PersonalLeave,
    /// Sick leave (病假), approved by the school, after the fact in an emergency.
    SickLeave,
    /// Not required: outside the audience, or not at the school that day.
    NotRequired,
    /// Roll is still open and the teacher has not been seen yet.
    Pending,
}
}

/// The outcome at one session: a category, and whether a late teacher also
/// left early (篇10: each counts once, so such a session counts twice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Outcome {
    pub category: Category,
    pub also_left_early: bool,
}

impl Outcome {
    pub fn just(category: Category) -> Self {
        Outcome {
            category,
            also_left_early: false,
        }
    }
}

/// Derives the outcome of `teacher` at `session` from the roll-call facts
/// and the teacher's leave requests (any status; only approved ones count).
pub fn outcome(
    session: &Session,
    state: RollState,
    closed: Option<&super::ClosedRoll>,
    teacher: &Teacher,
    facts: Option<&RollFacts>,
    leaves: &[Leave],
) -> Outcome {
    // A cancelled session counts for nobody; one outside the teacher's
    // time at the school is not theirs; a closed roll's record says who
    // had to attend.
    if !super::closed::required(session, state, closed, teacher) {
        return Outcome::just(Category::NotRequired);
    }
    if let Some(f) = facts.filter(|f| f.attended()) {
        // Attended: the roll call decides, whatever leave there is.
        let late = !f.first_call && !f.second_call && f.arrived.is_some();
        // An excused early leave (篇10: 特殊情况除外) is not counted.
        let early = f.left_early.is_some() && f.early_excused.is_none();
        return match (late, early) {
            (true, true) => Outcome {
                category: Category::Late,
                also_left_early: true,
            },
            (true, false) => Outcome::just(Category::Late),
            (false, true) => Outcome::just(Category::EarlyLeave),
            (false, false) => Outcome::just(Category::Present),
        };
    }
    if let Some(kind) = excusing_leave(session, teacher, leaves) {
        // Leave counts when its session happens (issue 25): approved leave
        // for a session whose roll has not begun is approved and to come,
        // counted nowhere yet.
        if state == RollState::NotStarted {
            return Outcome::just(Category::Pending);
        }
        return Outcome::just(match kind {
            LeaveKind::Official => Category::OfficialLeave,
            LeaveKind::Personal => Category::PersonalLeave,
            LeaveKind::Sick => Category::SickLeave,
        });
    }
    if state == RollState::Closed {
        Outcome::just(Category::Absent)
    } else {
        Outcome::just(Category::Pending)
    }
}

/// The kind of the approved leave that excuses `teacher` from `session`.
/// Where several do, the one kindest to the teacher wins: official (outside
/// rewards and penalties), then sick, then personal.
pub fn excusing_leave(session: &Session, teacher: &Teacher, leaves: &[Leave]) -> Option<LeaveKind> {
    leaves
        .iter()
        .filter(|l| l.teacher == teacher.id && l.excuses(session))
        .map(|l| l.kind)
        .min_by_key(|k| match k {
            LeaveKind::Official => 0,
            LeaveKind::Sick => 1,
            LeaveKind::Personal => 2,
        })
}
