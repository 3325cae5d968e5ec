//! The assessment beyond attendance: outside credits from the credit card
//! (学分卡) and their review chain, official-leave make-ups, study notes, the
//! archive checklist, open lessons, degrees, mentor pairs and the school's
//! training funds; and `YearContext`, which gathers one teacher's year for
//! `Standing::assess`.
//!
//! Who does what (docs/rules.md, "Assessment"):
//! - a teacher registers their own credit-card entries and self-assesses
//!   them; the office may do both for them from the card and the paper form;
//! - the teaching-group leader reviews self-assessed entries (of their own
//!   group, when their account is linked to a teacher), then the assessment
//!   team confirms; each may send an entry back with a comment; nobody
//!   reviews their own entry;
//! - the office marks make-ups done, records notes, the archive checklist,
//!   open lessons, degrees, mentor pairs, funds and outside-study reports.
//!
//! The commands live in `credits.rs` (credit cards and their review) and
//! `archive.rs` (make-ups, notes, archive, degrees, mentors, funds).

pub use super::archive::{MakeUpLine, YearFileChange};
pub use super::credits::{CreditChange, CreditEntry, CreditFilter};

use super::{AppError, Result};
use chrono::NaiveDate;
use rules::{
    AcademicYear, Category, Degree, ExternalItem, Leave, MakeUpItem, MentorPair, Season, SessionId,
    Teacher, TeacherId, Term, YearRecord, outcome,
};
use std::collections::{HashMap, HashSet};
use store::{Reader, SessionRecord};

/// Everything of one academic year that every teacher's record needs, read
/// once for a whole standings table.
pub struct YearContext {
    year: AcademicYear,
    terms: Vec<Term>,
    sessions: Vec<SessionRecord>,
    pairs: Vec<MentorPair>,
    /// Each teacher's pairs (as mentor or mentee), as indices into `pairs`
    /// in their order: a county's standings ask for 5,000 teachers' pairs
    /// among hundreds (filtering them all for each was a third of the run).
    pairs_of: HashMap<TeacherId, Vec<usize>>,
    today: NaiveDate,
    /// The academic year's first and last day (the school's calendar).
    span: (NaiveDate, NaiveDate),
}

pub use rules::assessment::slot as season_slot;

impl YearContext {
    pub fn load(r: &Reader, year: AcademicYear, today: NaiveDate) -> Result<YearContext> {
        YearContext::load_for(r, year, today, None)
    }

    /// `load`, for these teachers' records only when `only` names them (a
    /// lookup): the mentor pairs of others are not decoded.
    pub fn load_for(
        r: &Reader,
        year: AcademicYear,
        today: NaiveDate,
        only: Option<&[Teacher]>,
    ) -> Result<YearContext> {
        let terms: Vec<Term> = r
            .terms()?
            .into_iter()
            .filter(|t| t.id.year == year)
            .collect();
        let sessions = r
            .sessions()?
            .into_iter()
            .filter(|s| terms.iter().any(|t| t.contains(s.session.date)))
            .collect();
        let start = r.policy()?.calendar.year_start;
        let pairs: Vec<MentorPair> = match only {
            None => r.mentor_pairs(year)?,
            Some(few) => {
                r.mentor_pairs_where(year, |a, b| few.iter().any(|t| t.id.0 == a || t.id.0 == b))?
            }
        };
        let mut pairs_of: HashMap<TeacherId, Vec<usize>> = HashMap::new();
        for (i, p) in pairs.iter().enumerate() {
            pairs_of.entry(p.mentor.clone()).or_default().push(i);
            if p.mentee != p.mentor {
                pairs_of.entry(p.mentee.clone()).or_default().push(i);
            }
        }
        Ok(YearContext {
            year,
            sessions,
            pairs,
            pairs_of,
            terms,
            today,
            span: (
                rules::calendar::first_day(year, start),
                rules::calendar::last_day(year, start),
            ),
        })
    }

    fn season_of(&self, date: NaiveDate) -> Option<Season> {
        self.terms
            .iter()
            .find(|t| t.contains(date))
            .map(|t| t.id.season)
    }

    /// One teacher's year beyond attendance.
    pub fn record(&self, r: &Reader, teacher: &Teacher) -> Result<YearRecord> {
        let id = &teacher.id;
        // Make-ups come from sessions counted as official leave: where the
        // kept tally counts none this year, no leave needs reading.
        let official: Vec<Leave> = if r.tally(self.year.0, id)?.whole().official_leave == 0 {
            Vec::new()
        } else {
            r.official_leaves(id)?
        };
        let official = official.as_slice();
        let done: HashSet<SessionId> = if official.is_empty() {
            HashSet::new()
        } else {
            r.teacher_makeups(id)?.into_iter().map(|(s, _)| s).collect()
        };
        let mut makeups = Vec::new();
        for rec in &self.sessions {
            let s = &rec.session;
            // Only a session an approved official leave covers can be one;
            // the facts are read for those alone.
            if !rec.requires(teacher) || !official.iter().any(|l| l.excuses(s)) {
                continue;
            }
            let facts = r.facts(s.id, id)?;
            // Other leaves cannot outrank official leave (the kindest), so
            // the approved official ones decide alone.
            let o = outcome(
                s,
                rec.state,
                rec.closed.as_ref(),
                teacher,
                facts.as_ref(),
                official,
            );
            if o.category == Category::OfficialLeave {
                makeups.push(MakeUpItem {
                    session: s.id,
                    date: s.date,
                    title: s.title.clone(),
                    credits: s.credits,
                    season: self.season_of(s.date),
                    done: done.contains(&s.id),
                });
            }
        }
        let external = r
            .teacher_external_credits(id, self.year)?
            .into_iter()
            .map(|c| ExternalItem {
                id: c.id,
                title: c.title,
                credits: c.credits,
                stage: c.stage,
                reported: c.reported,
                season: self.season_of(c.date),
            })
            .collect();
        let mut terms_ended = [false; 2];
        let mut term_spans = [None; 2];
        for t in &self.terms {
            terms_ended[season_slot(t.id.season)] = self.today > t.end;
            term_spans[season_slot(t.id.season)] = Some((t.start, t.end));
        }
        Ok(YearRecord {
            external,
            makeups,
            file: r.year_file(id, self.year)?,
            qualification: r.qualification(id)?,
            mentors: self
                .pairs_of
                .get(id)
                .into_iter()
                .flatten()
                .filter_map(|&i| self.pairs.get(i).cloned())
                .collect(),
            terms_ended,
            term_spans,
            today: Some(self.today),
            year_span: Some(self.span),
        })
    }
}

/// One teacher's year record, on its own (for a single lookup).
pub fn assessment_inputs(
    r: &Reader,
    teacher: &Teacher,
    year: AcademicYear,
    today: NaiveDate,
) -> Result<YearRecord> {
    YearContext::load_for(r, year, today, Some(std::slice::from_ref(teacher)))?.record(r, teacher)
}

pub(super) fn invalid(field: super::FieldName, value: impl ToString, why: super::Why) -> AppError {
    AppError::Invalid {
        field,
        value: value.to_string(),
        why,
    }
}

/// Parses a degree: bachelor, 本科, master, ...
pub fn parse_degree(s: &str) -> Option<Degree> {
    Some(match s.trim() {
        "secondary" | "中专" | "高中" => Degree::Secondary,
        "associate" | "college" | "大专" | "专科" => Degree::Associate,
        "bachelor" | "本科" => Degree::Bachelor,
        "master" | "硕士" | "研究生" => Degree::Master,
        "doctorate" | "phd" | "博士" => Degree::Doctorate,
        _ => return None,
    })
}

/// Parses an amount of money in yuan with at most two decimals into fen.
pub fn parse_yuan(s: &str) -> Option<u64> {
    let s = s.trim().replace(',', "");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    if int.is_empty() || frac.len() > 2 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let i: u64 = int.parse().ok()?;
    let f: u64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    i.checked_mul(100)?.checked_add(f)
}
