//! The annual assessment beyond attendance (考核): credits from every source,
//! the review chain of outside credits (学分卡), official-leave make-ups,
//! study notes, the teacher's archive (档案), open lessons, the degree
//! requirement, reports after outside study, mentor pairs, and the school's
//! training funds. Pure: the app layer gathers one teacher's year into a
//! `YearRecord`; `Standing::assess` turns it and the policy into figures,
//! reasons (不合格) and deductions (扣分).

use super::model::{AcademicYear, Credits, Season, SessionId, TeacherId};
use super::policy::{Effect, Policy};
use super::standing::{Reason, Standing, Tally};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// An outside-credit entry's number, given by the store in order of creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CreditId(pub u32);

impl std::fmt::Display for CreditId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where an outside-credit entry is in its review chain (篇10 §6: 学分自评,
/// 再交教研组考评, 最后由考核小组考评). Only `Confirmed` credits count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditStage {
    /// Registered from the credit card, not yet self-assessed (已登记).
    Registered,
    /// The teacher's self-assessment is done; the teaching-group leader is next (待教研组考评).
    SelfAssessed,
    /// The teaching-group leader passed it; the assessment team is next (待考核小组考评).
    GroupPassed,
    /// The assessment team confirmed it: the credits count (已认定).
    Confirmed,
    /// Sent back with a comment; the teacher corrects and self-assesses again (已退回).
    Returned,
    /// Refused by a reviewer, for good (已驳回). New variants go last: the
    /// stored records name a stage by its position.
    Rejected,
    /// Taken back by the teacher before any review (已撤回).
    Withdrawn,
    /// Removed by the office as a mistaken entry (已删除); kept for the history.
    Removed,
}

impl CreditStage {
    /// No one acts on the entry any more (a confirmation may still be revoked).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            CreditStage::Confirmed
                | CreditStage::Rejected
                | CreditStage::Withdrawn
                | CreditStage::Removed
        )
    }

    /// Registered or in review: its credits are on the way, not counted yet.
    pub fn is_pending(self) -> bool {
        matches!(
            self,
            CreditStage::Registered | CreditStage::SelfAssessed | CreditStage::GroupPassed
        )
    }
}

/// One step of the review chain: who did what, when, and their comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewStep {
    pub to: CreditStage,
    pub by: String,
    #[serde(deserialize_with = "super::dates::naive_datetime")]
    pub at: NaiveDateTime,
    pub comment: String,
}

/// Credits from training outside the school, registered from the teacher's
/// credit card (学分卡, 篇10 §5). Outside study also needs a written report
/// to the office afterwards (篇1 art. 7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalCredit {
    pub id: CreditId,
    pub teacher: TeacherId,
    /// The academic year the training counts in.
    pub year: AcademicYear,
    /// The day of the training.
    #[serde(deserialize_with = "super::dates::naive_date")]
    pub date: NaiveDate,
    pub title: String,
    /// Who ran the training (主办单位).
    pub organiser: String,
    pub credits: Credits,
    /// The credit card's number or reference (学分卡编号).
    pub card: String,
    pub stage: CreditStage,
    /// The written report after outside study was received (篇1 art. 7).
    pub reported: bool,
    pub registered_by: String,
    #[serde(deserialize_with = "super::dates::naive_datetime")]
    pub registered_at: NaiveDateTime,
    /// Every step so far, oldest first.
    pub steps: Vec<ReviewStep>,
}

/// The office's note that an official leave's content was made up (公假,
/// 培训内容自行后补). The open items are derived: every session the teacher
/// missed on approved official leave that has no such note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MakeUpDone {
    pub by: String,
    #[serde(deserialize_with = "super::dates::naive_datetime")]
    pub at: NaiveDateTime,
    pub note: String,
}

/// The items of a teacher's training archive checked each year (篇12 §2:
/// 学习目标计划、学习笔记、学习心得、学习阶段性总结, each one missing deducts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArchiveItem {
    /// Learning plan (学习目标计划).
    Plan,
    /// Study notes (学习笔记).
    Notes,
    /// Reflections (学习心得).
    Reflections,
    /// Stage summary (学习阶段性总结).
    Summary,
}

impl ArchiveItem {
    pub const ALL: [ArchiveItem; 4] = [
        ArchiveItem::Plan,
        ArchiveItem::Notes,
        ArchiveItem::Reflections,
        ArchiveItem::Summary,
    ];
}

/// One teacher's archive for one academic year, as the office checked it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearFile {
    /// The archive items handed in.
    pub items: Vec<ArchiveItem>,
    /// Characters of study notes counted per term: [autumn, spring].
    pub notes_chars: [u32; 2],
    /// Open lessons given in the school this year (校内公开课, 篇10 §3).
    pub open_lessons: u32,
    /// Open lessons with multimedia per term: [autumn, spring] (篇11 art. 8).
    pub multimedia_lessons: [u32; 2],
}

impl YearFile {
    pub fn has(&self, item: ArchiveItem) -> bool {
        self.items.contains(&item)
    }
}

/// Highest degree (学历).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    /// Below a junior-college diploma (中专及以下).
    Secondary,
    /// Junior college (大专).
    Associate,
    /// Bachelor's (本科).
    #[default]
    Bachelor,
    /// Master's (硕士).
    Master,
    /// Doctorate (博士).
    Doctorate,
}

/// A teacher's degree and whether its major matches the subject taught (篇12 §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Qualification {
    pub degree: Degree,
    pub major: String,
    /// The major matches the subject taught (与所任教学科专业一致).
    pub matches_subject: bool,
}

/// A mentor pair (师徒结对, 青蓝工程 — 篇2) for one academic year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorPair {
    pub year: AcademicYear,
    pub mentor: TeacherId,
    pub mentee: TeacherId,
    pub note: String,
}

/// The school's public funds and the part spent on training in one
/// academic year, in fen (分) (篇6, 篇9: 培训经费占公用经费的10%以上).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funds {
    pub public_fen: u64,
    pub training_fen: u64,
}

impl Funds {
    /// The training share in tenths of a percent, rounded down; None when
    /// no public funds are recorded.
    pub fn share_permille(&self) -> Option<u64> {
        if self.public_fen == 0 {
            return None;
        }
        Some(
            u64::try_from(u128::from(self.training_fen) * 1000 / u128::from(self.public_fen))
                .unwrap_or(u64::MAX),
        )
    }

    /// Whether the share reaches the policy's minimum (篇6, 篇9).
    pub fn enough(&self, policy: &Policy) -> bool {
        let want = u64::from(policy.assessment.training_funds_percent) * 10;
        self.share_permille().is_some_and(|p| p >= want)
    }
}

/// One outside-credit entry as the judge needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalItem {
    pub id: CreditId,
    pub title: String,
    pub credits: Credits,
    pub stage: CreditStage,
    pub reported: bool,
    /// The term the training's date falls in, if any.
    pub season: Option<Season>,
}

/// One session missed on approved official leave: content to make up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MakeUpItem {
    pub session: SessionId,
    pub date: NaiveDate,
    pub title: String,
    pub credits: Credits,
    pub season: Option<Season>,
    pub done: bool,
}

/// Everything about one teacher's academic year beyond attendance, gathered
/// by the app layer for `Standing::assess`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearRecord {
    pub external: Vec<ExternalItem>,
    pub makeups: Vec<MakeUpItem>,
    pub file: YearFile,
    pub qualification: Option<Qualification>,
    /// This year's pairs the teacher is in, as mentor or mentee.
    pub mentors: Vec<MentorPair>,
    /// Whether each term ([autumn, spring]) has ended; notes and multimedia
    /// lessons of a term are judged once it has.
    pub terms_ended: [bool; 2],
    /// The first and last day of each term ([autumn, spring]) this year has.
    pub term_spans: [Option<(NaiveDate, NaiveDate)>; 2],
    /// The day the record is judged on (for the credit warning).
    pub today: Option<NaiveDate>,
    /// The academic year's first and last day, by the school's calendar.
    pub year_span: Option<(NaiveDate, NaiveDate)>,
}

impl YearRecord {
    /// The same record judged on another day: which terms had ended then,
    /// and without what belongs to a term that had not begun (a posting of
    /// the autumn term is not moved by the spring's credits and notes).
    pub fn as_of(&self, day: NaiveDate) -> YearRecord {
        let mut r = self.clone();
        for season in [Season::Autumn, Season::Spring] {
            let i = slot(season);
            let Some((start, end)) = self.term_spans[i] else {
                continue;
            };
            r.terms_ended[i] = day > end;
            if day < start {
                r.external.retain(|e| e.season != Some(season));
                r.makeups.retain(|m| m.season != Some(season));
                r.file.notes_chars[i] = 0;
                r.file.multimedia_lessons[i] = 0;
            }
        }
        r.today = Some(day);
        r
    }

    /// Whether the term of `season` had begun on `day` (true when the year
    /// has no such term).
    pub fn term_begun(&self, season: Season, day: NaiveDate) -> bool {
        self.term_spans[slot(season)].is_none_or(|(start, _)| day >= start)
    }

    /// The academic year's first and last day: the calendar's, else those
    /// of its terms, when it has any.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        if self.year_span.is_some() {
            return self.year_span;
        }
        let spans = self.term_spans.iter().flatten();
        let start = spans.clone().map(|s| s.0).min()?;
        let end = spans.map(|s| s.1).max()?;
        Some((start, end))
    }
}

/// Confirmed credits falling behind while the year still runs (学分落后):
/// below the share of the year's requirement that the days gone by call
/// for, or short with only a few weeks left (policy `credit_warning_weeks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditWarning {
    /// Credits counted so far this year.
    pub earned: Credits,
    /// What the year requires.
    pub required: Credits,
    /// What the days gone by call for, in whole credits (pro rata).
    pub expected: Credits,
    /// Whole or part weeks until the year's last day.
    pub weeks_left: u32,
}

/// The warning for `earned` credits on `today` in a year running from
/// `start` to `end` (both included), if one is due.
pub fn credit_warning(
    policy: &Policy,
    earned: Credits,
    (start, end): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> Option<CreditWarning> {
    let required = Credits::whole(policy.credits_per_year);
    if earned >= required || today > end || today < start || end < start {
        return None;
    }
    let total = (end - start).num_days() + 1;
    let gone = (today - start).num_days() + 1;
    let whole = i64::from(policy.credits_per_year) * gone / total;
    let expected = Credits::whole(u32::try_from(whole).unwrap_or(u32::MAX));
    let days_left = (end - today).num_days();
    let weeks_left = u32::try_from((days_left + 6) / 7).unwrap_or(u32::MAX);
    let late = weeks_left <= policy.assessment.credit_warning_weeks;
    (earned < expected || late).then_some(CreditWarning {
        earned,
        required,
        expected,
        weeks_left,
    })
}

/// The figures of the assessment, for the period of the standing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Credits earned at sessions (the tally's).
    pub session_credits: Credits,
    /// Credits of official-leave sessions made up.
    pub made_up_credits: Credits,
    /// Confirmed outside credits (学分卡).
    pub external_credits: Credits,
    /// Outside credits not confirmed yet (registered or in review), not counted.
    pub external_pending: Credits,
    /// All counted credits of the period.
    pub credits: Credits,
    /// All counted credits of the academic year.
    pub year_credits: Credits,
    /// Study-note characters of the period, and what it requires.
    pub notes_chars: u32,
    pub notes_required: u32,
    /// Archive items missing this year.
    pub archive_missing: Vec<ArchiveItem>,
    pub open_lessons: u32,
    pub open_lessons_required: u32,
    /// Official-leave sessions of the period still to make up, and made up.
    pub makeups_open: u32,
    pub makeups_done: u32,
    /// Outside-study entries without their report.
    pub reports_missing: u32,
    pub qualification: Option<Qualification>,
    pub mentors: Vec<MentorPair>,
    /// Points deducted from the year-end assessment (年终量化考核扣分).
    pub deducted: u32,
    /// Credits behind while the year runs, if they are.
    pub credit_warning: Option<CreditWarning>,
}

/// A failed check that deducts points without making the teacher unqualified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deduction {
    pub reason: Reason,
    pub points: u32,
}

/// A term's place in per-term arrays (`[autumn, spring]`).
pub fn slot(s: Season) -> usize {
    match s {
        Season::Autumn => 0,
        Season::Spring => 1,
    }
}

fn in_period(season: Option<Season>, period: Option<Season>) -> bool {
    match period {
        None => true,
        Some(p) => season == Some(p),
    }
}

/// Every failed check of the year, in a fixed order, with its rule's effect.
fn findings(
    policy: &Policy,
    rec: &YearRecord,
    year_credits: Credits,
    year_ended: bool,
) -> Vec<(Reason, Effect)> {
    let a = &policy.assessment;
    let mut out = Vec::new();
    let required = Credits::whole(policy.credits_per_year);
    if year_ended && year_credits < required {
        out.push((
            Reason::NotEnoughCredits {
                earned: year_credits,
                required,
            },
            a.credit_shortfall,
        ));
    }
    for season in [Season::Autumn, Season::Spring] {
        let i = slot(season);
        let chars = rec.file.notes_chars[i];
        if rec.terms_ended[i] && chars < policy.notes_chars_per_term {
            out.push((
                Reason::NotesShort {
                    season,
                    chars,
                    required: policy.notes_chars_per_term,
                },
                a.notes,
            ));
        }
        let given = rec.file.multimedia_lessons[i];
        if rec.terms_ended[i] && given < a.multimedia_lessons_per_term {
            out.push((
                Reason::TooFewMultimediaLessons {
                    season,
                    given,
                    required: a.multimedia_lessons_per_term,
                },
                a.open_lessons,
            ));
        }
    }
    if year_ended {
        for item in ArchiveItem::ALL {
            if !rec.file.has(item) {
                out.push((Reason::ArchiveMissing { item }, a.archive));
            }
        }
        if rec.file.open_lessons < a.open_lessons_per_year {
            out.push((
                Reason::TooFewOpenLessons {
                    given: rec.file.open_lessons,
                    required: a.open_lessons_per_year,
                },
                a.open_lessons,
            ));
        }
        let open = rec.makeups.iter().filter(|m| !m.done).count() as u32;
        if open > 0 {
            out.push((Reason::MakeUpsOpen { open }, a.makeups));
        }
        for e in &rec.external {
            if e.stage == CreditStage::Confirmed && !e.reported {
                out.push((
                    Reason::ReportMissing {
                        credit: e.id,
                        title: e.title.clone(),
                    },
                    a.outside_report,
                ));
            }
        }
    }
    if let Some(q) = &rec.qualification {
        if q.degree < a.min_degree {
            out.push((
                Reason::DegreeBelow {
                    degree: q.degree,
                    required: a.min_degree,
                },
                a.degree,
            ));
        }
        if a.degree_matches_subject && !q.matches_subject {
            out.push((Reason::DegreeMismatch, a.degree));
        }
    }
    out.into_iter().filter(|(_, e)| *e != Effect::Off).collect()
}

impl Standing {
    /// Adds the assessment beyond attendance to a standing made by `judge`:
    /// credits from make-ups and confirmed credit cards join the sessions',
    /// and every failed check of `rec` becomes a reason (its rule makes the
    /// teacher unqualified) or a deduction (its rule deducts points). `year`
    /// is the academic year's tally, as given to `judge`.
    pub fn assess(
        mut self,
        policy: &Policy,
        rec: &YearRecord,
        year: &Tally,
        year_ended: bool,
    ) -> Standing {
        let period = match self.period {
            super::standing::Period::Term(t) => Some(t.season),
            super::standing::Period::Year(_) => None,
        };
        let made_up_pct = policy.credits.made_up_percent;
        let made_up = |p: Option<Season>| {
            rec.makeups
                .iter()
                .filter(|m| m.done && in_period(m.season, p))
                .fold(Credits::default(), |acc, m| {
                    acc + m.credits.percent(made_up_pct)
                })
        };
        let external = |p: Option<Season>, confirmed: bool| {
            rec.external
                .iter()
                .filter(|e| {
                    if confirmed {
                        e.stage == CreditStage::Confirmed
                    } else {
                        e.stage.is_pending()
                    }
                })
                .filter(|e| in_period(e.season, p))
                .fold(Credits::default(), |acc, e| acc + e.credits)
        };
        let year_credits = year.credits + made_up(None) + external(None, true);
        let mut fig = Figures {
            session_credits: self.tally.credits,
            made_up_credits: made_up(period),
            external_credits: external(period, true),
            external_pending: external(period, false),
            year_credits,
            notes_required: match period {
                Some(_) => policy.notes_chars_per_term,
                None => policy.notes_chars_per_term.saturating_mul(2),
            },
            notes_chars: match period {
                Some(s) => rec.file.notes_chars[slot(s)],
                // Stored by an older version without bounds: never wraps.
                None => rec.file.notes_chars[0].saturating_add(rec.file.notes_chars[1]),
            },
            archive_missing: ArchiveItem::ALL
                .into_iter()
                .filter(|i| !rec.file.has(*i))
                .collect(),
            open_lessons: rec.file.open_lessons,
            open_lessons_required: policy.assessment.open_lessons_per_year,
            makeups_open: rec
                .makeups
                .iter()
                .filter(|m| !m.done && in_period(m.season, period))
                .count() as u32,
            makeups_done: rec
                .makeups
                .iter()
                .filter(|m| m.done && in_period(m.season, period))
                .count() as u32,
            reports_missing: rec
                .external
                .iter()
                .filter(|e| e.stage == CreditStage::Confirmed && !e.reported)
                .count() as u32,
            qualification: rec.qualification.clone(),
            mentors: rec.mentors.clone(),
            ..Figures::default()
        };
        fig.credits = fig.session_credits + fig.made_up_credits + fig.external_credits;
        // The judge's credit check knew only the sessions; it is redone here.
        self.reasons
            .retain(|r| !matches!(r, Reason::NotEnoughCredits { .. }));
        let mut deductions = Vec::new();
        for (reason, effect) in findings(policy, rec, year_credits, year_ended) {
            match effect {
                Effect::Unqualified => self.reasons.push(reason),
                Effect::Deduct => deductions.push(Deduction {
                    reason,
                    points: policy.assessment.deduct_points,
                }),
                Effect::Off => {}
            }
        }
        fig.deducted = deductions.iter().map(|d| d.points).sum();
        fig.credit_warning = match (year_ended, rec.span(), rec.today) {
            (false, Some(span), Some(today)) => credit_warning(policy, year_credits, span, today),
            _ => None,
        };
        self.qualified = self.reasons.is_empty();
        let limit = policy.unqualified_absences;
        self.warning = self.qualified && limit > 0 && self.year_unexcused + 1 == limit;
        self.figures = Some(fig);
        self.deductions = deductions;
        self
    }
}

#[cfg(test)]
mod warning_tests {
    use super::*;

    fn d(m: u32, day: u32, y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn behind_pro_rata_or_short_near_the_end() {
        let p = Policy::default();
        let year = (d(9, 1, 2025), d(7, 10, 2026));
        // Mid-January with 10 of 40: behind (18 expected).
        let w = credit_warning(&p, Credits::whole(10), year, d(1, 20, 2026));
        assert_eq!(w.map(|w| w.expected), Some(Credits::whole(18)));
        // On track early on: nothing.
        assert_eq!(
            credit_warning(&p, Credits::whole(5), year, d(9, 30, 2025)),
            None
        );
        // Five weeks left with 38 of 40: warned, though on track pro rata.
        let w = credit_warning(&p, Credits::whole(38), year, d(6, 5, 2026));
        assert_eq!(w.map(|w| w.weeks_left), Some(5));
        // Enough, or the year over: nothing.
        assert_eq!(
            credit_warning(&p, Credits::whole(40), year, d(6, 5, 2026)),
            None
        );
        assert_eq!(
            credit_warning(&p, Credits::whole(2), year, d(7, 11, 2026)),
            None
        );
    }
}
