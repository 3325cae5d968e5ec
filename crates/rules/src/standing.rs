//! Standings: outcomes folded into counts for a term or an academic year,
//! then judged qualified or not (学期公布, 学年累积 — 篇4, 篇7).
//!
//! A `Tally` is a plain sum, so the order facts were recorded in cannot
//! matter, and tallies of two terms add up to the year's.

use super::assessment::{ArchiveItem, CreditId, Deduction, Degree, Figures};
use super::category::{Category, Outcome};
use super::model::{AcademicYear, Credits, Season, TermId};
use super::policy::Policy;
use serde::{Deserialize, Serialize};

/// The period a standing covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    Term(TermId),
    Year(AcademicYear),
}

impl Period {
    pub fn year(&self) -> AcademicYear {
        match self {
            Period::Term(t) => t.year,
            Period::Year(y) => *y,
        }
    }
}

/// Counts of every category over a period, with credits and points earned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tally {
    pub present: u32,
    pub late: u32,
    pub early_leave: u32,
    pub absent: u32,
    pub official_leave: u32,
    pub personal_leave: u32,
    pub sick_leave: u32,
    /// Sessions that were both late and early leave (counted in each).
    pub late_and_early_leave: u32,
    /// Sessions the teacher had to attend whose roll is closed or excused.
    pub required: u32,
    /// Sessions whose roll is still open with the teacher not seen yet.
    pub pending: u32,
    pub credits: Credits,
    pub points: i32,
}

impl Tally {
    /// Adds one session's outcome; `credits` is what the session awards.
    pub fn add(&mut self, policy: &Policy, outcome: Outcome, credits: Credits) {
        let p = &policy.points;
        let c = &policy.credits;
        let counted = match outcome.category {
            Category::NotRequired => return,
            Category::Pending => {
                self.pending += 1;
                return;
            }
            Category::Present => {
                self.present += 1;
                self.credits += credits;
                p.attend
            }
            Category::Late => {
                self.late += 1;
                let mut pct = c.late_percent;
                let mut pts = p.attend + p.late;
                if outcome.also_left_early {
                    self.early_leave += 1;
                    self.late_and_early_leave += 1;
                    pct = pct.min(c.early_leave_percent);
                    pts += p.early_leave;
                }
                self.credits += credits.percent(pct);
                pts
            }
            Category::EarlyLeave => {
                self.early_leave += 1;
                self.credits += credits.percent(c.early_leave_percent);
                p.attend + p.early_leave
            }
            Category::Absent => {
                self.absent += 1;
                p.absent
            }
            Category::OfficialLeave => {
                self.official_leave += 1;
                if policy.official_leave_neutral {
                    0
                } else {
                    p.official_leave
                }
            }
            Category::PersonalLeave => {
                self.personal_leave += 1;
                p.personal_leave
            }
            Category::SickLeave => {
                self.sick_leave += 1;
                p.sick_leave
            }
        };
        self.required += 1;
        self.points += counted;
    }

    /// Adds another period's tally, e.g. two terms into a year.
    pub fn merge(&mut self, o: &Tally) {
        // Every field by name, so that a new count is a compile error here.
        let Tally {
            present,
            late,
            early_leave,
            absent,
            official_leave,
            personal_leave,
            sick_leave,
            late_and_early_leave,
            required,
            pending,
            credits,
            points,
        } = *o;
        self.present += present;
        self.late += late;
        self.early_leave += early_leave;
        self.absent += absent;
        self.official_leave += official_leave;
        self.personal_leave += personal_leave;
        self.sick_leave += sick_leave;
        self.late_and_early_leave += late_and_early_leave;
        self.required += required;
        self.pending += pending;
        self.credits += credits;
        self.points += points;
    }

    /// The tally of one session alone.
    pub fn of(policy: &Policy, outcome: Outcome, credits: Credits) -> Tally {
        let mut t = Tally::default();
        t.add(policy, outcome, credits);
        t
    }

    /// Takes away a tally that was merged in before (the inverse of
    /// `merge`); `None` when `o` is not part of this tally.
    pub fn without(&self, o: &Tally) -> Option<Tally> {
        Some(Tally {
            present: self.present.checked_sub(o.present)?,
            late: self.late.checked_sub(o.late)?,
            early_leave: self.early_leave.checked_sub(o.early_leave)?,
            absent: self.absent.checked_sub(o.absent)?,
            official_leave: self.official_leave.checked_sub(o.official_leave)?,
            personal_leave: self.personal_leave.checked_sub(o.personal_leave)?,
            sick_leave: self.sick_leave.checked_sub(o.sick_leave)?,
            late_and_early_leave: self
                .late_and_early_leave
                .checked_sub(o.late_and_early_leave)?,
            required: self.required.checked_sub(o.required)?,
            pending: self.pending.checked_sub(o.pending)?,
            credits: Credits(self.credits.0.checked_sub(o.credits.0)?),
            points: self.points.checked_sub(o.points)?,
        })
    }

    /// Unexcused absences: every absence, plus one per `lates_per_absence`
    /// lates where the school counts lates that way.
    pub fn unexcused(&self, policy: &Policy) -> u32 {
        let from_lates = match policy.lates_per_absence {
            0 => 0,
            n => self.late / n,
        };
        self.absent + from_lates
    }
}

/// One teacher's tallies of one academic year, term by term.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct YearTally {
    pub autumn: Tally,
    pub spring: Tally,
}

impl YearTally {
    pub fn term(&self, season: Season) -> &Tally {
        match season {
            Season::Autumn => &self.autumn,
            Season::Spring => &self.spring,
        }
    }

    pub fn term_mut(&mut self, season: Season) -> &mut Tally {
        match season {
            Season::Autumn => &mut self.autumn,
            Season::Spring => &mut self.spring,
        }
    }

    /// Both terms together.
    pub fn whole(&self) -> Tally {
        let mut t = self.autumn;
        t.merge(&self.spring);
        t
    }

    /// The tally of `period` (a term of this year, or the whole year).
    pub fn of_period(&self, period: Period) -> Tally {
        match period {
            Period::Year(_) => self.whole(),
            Period::Term(id) => *self.term(id.season),
        }
    }

    /// The year's count as of the last day of `period` (issue 25): the
    /// autumn term's standing is judged on the autumn alone, whatever the
    /// spring holds, as its posting was; the spring's and the year's on
    /// both terms.
    pub fn through(&self, period: Period) -> Tally {
        match period {
            Period::Term(id) if id.season == Season::Autumn => self.autumn,
            _ => self.whole(),
        }
    }

    /// Judges the standing of `period` from this year's tallies, as of the
    /// period's last day.
    pub fn judge(&self, policy: &Policy, period: Period, year_ended: bool) -> Standing {
        Standing::judge(
            policy,
            period,
            self.of_period(period),
            &self.through(period),
            year_ended,
        )
    }
}

/// Why a teacher is unqualified (不合格).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// Too many unexcused absences in the academic year (篇10).
    TooManyAbsences { absences: u32, limit: u32 },
    /// Too few credits at the end of the academic year (篇12).
    NotEnoughCredits { earned: Credits, required: Credits },
    /// Too few characters of study notes in an ended term (篇1 art. 12).
    NotesShort {
        season: Season,
        chars: u32,
        required: u32,
    },
    /// An archive item missing at the end of the year (篇12 §2).
    ArchiveMissing { item: ArchiveItem },
    /// Too few open lessons in the year (篇10 §3).
    TooFewOpenLessons { given: u32, required: u32 },
    /// Too few multimedia open lessons in an ended term (篇11 art. 8).
    TooFewMultimediaLessons {
        season: Season,
        given: u32,
        required: u32,
    },
    /// Official-leave content not made up by the end of the year (公假,
    /// 培训内容自行后补 — 篇4, 篇7, 篇10).
    MakeUpsOpen { open: u32 },
    /// No written report after outside study (篇1 art. 7).
    ReportMissing { credit: CreditId, title: String },
    /// Degree below the requirement (篇12 §4).
    DegreeBelow { degree: Degree, required: Degree },
    /// Degree not matching the subject taught (篇12 §4).
    DegreeMismatch,
}

/// A teacher's standing over a period: counts, credits, points and verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    pub period: Period,
    pub tally: Tally,
    /// Unexcused absences in this period.
    pub unexcused: u32,
    /// Unexcused absences in the whole academic year so far, which decides.
    pub year_unexcused: u32,
    pub credits_required: Credits,
    pub qualified: bool,
    pub reasons: Vec<Reason>,
    /// One more unexcused absence would make the teacher unqualified.
    pub warning: bool,
    /// The assessment beyond attendance, once `assess` has added it.
    pub figures: Option<Figures>,
    /// Failed checks that deduct points without making the teacher unqualified.
    pub deductions: Vec<Deduction>,
}

impl Standing {
    /// The warning "one more absence: unqualified" looks ahead (issue 25):
    /// it is said on the year's running count `year_so_far`, and only
    /// while the year runs. A term's row read later keeps the verdict of
    /// its last day but warns of what one more absence would do now: an
    /// autumn row read in the spring, after a spring absence made the
    /// year unqualified, no longer warns.
    pub fn looking_ahead(
        mut self,
        policy: &Policy,
        year_so_far: &Tally,
        year_over: bool,
    ) -> Standing {
        let limit = policy.unqualified_absences;
        self.warning =
            self.qualified && !year_over && limit > 0 && year_so_far.unexcused(policy) + 1 == limit;
        self
    }

    /// The credits earned over the period as shown everywhere: every source
    /// once the assessment is added, else the sessions' credits.
    pub fn credits(&self) -> Credits {
        self.figures
            .as_ref()
            .map_or(self.tally.credits, |f| f.credits)
    }

    /// Judges a period's tally. `year` is the tally of the whole academic
    /// year so far (equal to `tally` for a year period); `year_ended` says
    /// whether the year is over, after which a credit shortfall counts.
    pub fn judge(
        policy: &Policy,
        period: Period,
        tally: Tally,
        year: &Tally,
        year_ended: bool,
    ) -> Standing {
        let year_unexcused = year.unexcused(policy);
        let limit = policy.unqualified_absences;
        let mut reasons = Vec::new();
        if limit > 0 && year_unexcused >= limit {
            reasons.push(Reason::TooManyAbsences {
                absences: year_unexcused,
                limit,
            });
        }
        let year_required = Credits::whole(policy.credits_per_year);
        if year_ended && year.credits < year_required {
            reasons.push(Reason::NotEnoughCredits {
                earned: year.credits,
                required: year_required,
            });
        }
        let credits_required = match period {
            Period::Year(_) => year_required,
            Period::Term(_) => Credits(year_required.0.div_ceil(2)),
        };
        Standing {
            period,
            unexcused: tally.unexcused(policy),
            year_unexcused,
            credits_required,
            qualified: reasons.is_empty(),
            warning: reasons.is_empty() && limit > 0 && year_unexcused + 1 == limit,
            reasons,
            tally,
            figures: None,
            deductions: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AcademicYear, Season, TermId};

    fn absences(n: u32) -> Tally {
        Tally {
            absent: n,
            required: n,
            ..Tally::default()
        }
    }

    /// The autumn row keeps its verdict of the autumn's last day; its
    /// warning follows the year's running count, and ends with the year.
    #[test]
    fn the_warning_looks_at_the_year_so_far() {
        let p = Policy::default();
        assert_eq!(p.unqualified_absences, 3);
        let autumn = Period::Term(TermId {
            year: AcademicYear(2025),
            season: Season::Autumn,
        });
        let year = YearTally {
            autumn: absences(2),
            spring: absences(1),
        };
        let row = year.judge(&p, autumn, false);
        assert!(row.qualified && row.warning, "judged on the autumn alone");
        let now = row.clone().looking_ahead(&p, &year.whole(), false);
        assert!(now.qualified && !now.warning, "the year is already failed");
        let only_autumn = YearTally {
            autumn: absences(2),
            spring: Tally::default(),
        };
        let warned = row.clone().looking_ahead(&p, &only_autumn.whole(), false);
        assert!(warned.warning);
        assert!(!row.looking_ahead(&p, &only_autumn.whole(), true).warning);
    }
}
