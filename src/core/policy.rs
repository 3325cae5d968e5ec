//! The school's policy: every number and switch the rules leave to the school,
//! with defaults taken from the regulations. Reading it from a TOML file is
//! done outside the core (`crate::policy_file`); docs/policy.md documents
//! every key.

use super::model::{LeaveKind, Role};
use serde::{Deserialize, Serialize};

/// The whole policy. Every field has a default; a file sets only what differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Unexcused absences in one academic year that make a teacher
    /// unqualified (篇10: 无故旷工三次者视为不合格).
    pub unqualified_absences: u32,
    /// Credits required per academic year (篇12 §3: 40).
    pub credits_per_year: u32,
    /// Characters of study notes required per term (篇1 art. 12: 5,000).
    pub notes_chars_per_term: u32,
    /// Official leave is outside rewards and penalties (篇4, 篇7). When false
    /// it scores the points of `points.official_leave`.
    pub official_leave_neutral: bool,
    /// This many lates count as one unexcused absence; 0 turns it off.
    pub lates_per_absence: u32,
    pub points: Points,
    pub credits: CreditRules,
    pub leave: LeaveRules,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            unqualified_absences: 3,
            credits_per_year: 40,
            notes_chars_per_term: 5000,
            official_leave_neutral: true,
            lates_per_absence: 0,
            points: Points::default(),
            credits: CreditRules::default(),
            leave: LeaveRules::default(),
        }
    }
}

/// Points per session outcome (篇5: participation adds, unexcused absence
/// deducts; the numbers are the school's). A late arrival or early leave
/// scores `attend` plus its (negative) deduction; both together take both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Points {
    pub attend: i32,
    pub late: i32,
    pub early_leave: i32,
    pub absent: i32,
    pub official_leave: i32,
    pub personal_leave: i32,
    pub sick_leave: i32,
}

impl Default for Points {
    fn default() -> Self {
        Points {
            attend: 2,
            late: -1,
            early_leave: -1,
            absent: -3,
            official_leave: 0,
            personal_leave: 0,
            sick_leave: 0,
        }
    }
}

/// What share of a session's credits a teacher earns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CreditRules {
    /// Percent earned by a late arrival (they sat through most of it).
    pub late_percent: u32,
    /// Percent earned by an early leave; late and early together take the lower.
    pub early_leave_percent: u32,
}

impl Default for CreditRules {
    fn default() -> Self {
        CreditRules {
            late_percent: 100,
            early_leave_percent: 50,
        }
    }
}

/// Who decides which leave, and what evidence approval needs (篇4, 篇7, 篇10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LeaveRules {
    pub official_approver: Role,
    pub personal_approver: Role,
    pub sick_approver: Role,
    /// Personal leave needs the leave note (请假条) before approval.
    pub personal_needs_note: bool,
    /// Sick leave needs the hospital certificate (医院证明) before approval.
    pub sick_needs_certificate: bool,
}

impl Default for LeaveRules {
    fn default() -> Self {
        LeaveRules {
            official_approver: Role::School,
            personal_approver: Role::Leader,
            sick_approver: Role::School,
            personal_needs_note: true,
            sick_needs_certificate: true,
        }
    }
}

impl LeaveRules {
    pub fn approver(&self, kind: LeaveKind) -> Role {
        match kind {
            LeaveKind::Official => self.official_approver,
            LeaveKind::Personal => self.personal_approver,
            LeaveKind::Sick => self.sick_approver,
        }
    }
}
