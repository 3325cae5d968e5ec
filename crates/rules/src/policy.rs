//! The school's policy: every number and switch the rules leave to the school,
//! with defaults taken from the regulations. Reading it from a TOML file is
//! done outside the core (`crate::policy_file`); docs/policy.md documents
//! every key.

use super::assessment::Degree;
use super::calendar::MonthDay;
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
    pub assessment: AssessmentRules,
    /// The school's calendar and the times of roll call (issue 14). Kept
    /// last: stored policies of schema 3 lack it (`store::legacy`).
    pub calendar: CalendarRules,
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
            assessment: AssessmentRules::default(),
            calendar: CalendarRules::default(),
        }
    }
}

/// The academic year's first day, when a roll may start, and late approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CalendarRules {
    /// The day every academic year starts (MM-DD); a term belongs to the
    /// year containing its first day.
    pub year_start: MonthDay,
    /// Minutes before a session's start, on its day, from which its roll
    /// may start; earlier needs the office and a reason.
    pub roll_opens_minutes: u32,
    /// Personal and non-emergency sick leave may be approved after their
    /// session started. Off by default: only an emergency may (篇4, 篇7, 篇10).
    pub late_approval: bool,
}

impl Default for CalendarRules {
    fn default() -> Self {
        CalendarRules {
            year_start: MonthDay::default(),
            roll_opens_minutes: 30,
            late_approval: false,
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
    /// Percent of a session's credits earned by official leave once the
    /// office marks its content made up (公假, 培训内容自行后补).
    pub made_up_percent: u32,
}

impl Default for CreditRules {
    fn default() -> Self {
        CreditRules {
            late_percent: 100,
            early_leave_percent: 50,
            made_up_percent: 100,
        }
    }
}

/// What a failed assessment check does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The check is not made.
    Off,
    /// Listed, and `deduct_points` taken off the year-end assessment (扣分).
    Deduct,
    /// Listed, and the teacher is unqualified (不合格).
    Unqualified,
}

/// The assessment's checks beyond attendance, and what each failure does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AssessmentRules {
    /// Fewer than `credits_per_year` credits once the year ended (篇12 §3).
    pub credit_shortfall: Effect,
    /// Fewer than `notes_chars_per_term` note characters in an ended term (篇1 art. 12).
    pub notes: Effect,
    /// Each archive item missing at the year's end (篇12 §2).
    pub archive: Effect,
    /// Official-leave content not made up by the year's end.
    pub makeups: Effect,
    /// Too few open lessons (篇10 §3, 篇11 art. 8).
    pub open_lessons: Effect,
    pub open_lessons_per_year: u32,
    /// Multimedia open lessons per term; 2 where the school adopts 篇11, else 0.
    pub multimedia_lessons_per_term: u32,
    /// Degree below `min_degree` or not matching the subject (篇12 §4).
    pub degree: Effect,
    pub min_degree: Degree,
    pub degree_matches_subject: bool,
    /// No written report after confirmed outside study (篇1 art. 7).
    pub outside_report: Effect,
    /// Points each `deduct` failure takes off the year-end assessment.
    pub deduct_points: u32,
    /// Minimum share of public funds spent on training, percent (篇6, 篇9).
    pub training_funds_percent: u32,
    /// The most credits one credit-card entry may carry.
    pub max_credits_per_entry: u32,
    /// Days after a term's last day until which its credits are registered
    /// and reviewed (篇10 §6); later registrations need the office.
    pub review_deadline_days: u32,
    /// Weeks before the year's end from which any shortfall of credits warns.
    pub credit_warning_weeks: u32,
    /// Which term a command means between two terms, when it names none.
    pub between_terms: BetweenTerms,
}

/// The term (and year) a command means on a day that is in no term.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BetweenTerms {
    /// The term that ended last: its notes and archive are what is checked then.
    #[default]
    Ended,
    /// The next term to begin.
    Next,
}

impl Default for AssessmentRules {
    fn default() -> Self {
        AssessmentRules {
            credit_shortfall: Effect::Unqualified,
            notes: Effect::Deduct,
            archive: Effect::Deduct,
            makeups: Effect::Deduct,
            open_lessons: Effect::Deduct,
            open_lessons_per_year: 1,
            multimedia_lessons_per_term: 0,
            degree: Effect::Deduct,
            min_degree: Degree::Bachelor,
            degree_matches_subject: true,
            outside_report: Effect::Deduct,
            deduct_points: 1,
            training_funds_percent: 10,
            max_credits_per_entry: 10,
            review_deadline_days: 14,
            credit_warning_weeks: 6,
            between_terms: BetweenTerms::Ended,
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
