//! Publications of a term's standings (培训考勤每学期公布一次): what was
//! posted, when and by whom. Every publication is kept; the latest one of a
//! term is what the standings are compared with.

use super::codec::{decode, encode};
use super::tables::{CLOSED_YEARS, PUBLISHED, PUBLISHED_ASSESSMENT};
use super::{Reader, Result, Writer, season_key};
use chrono::NaiveDateTime;
use redb::ReadableTable;
use rules::{AcademicYear, ArchiveItem, Credits, Standing, Tally, TeacherId, TermId};
use serde::{Deserialize, Serialize};

/// The figures of one teacher on a posted sheet. Its own type, not the
/// scoring module's `Tally`, so that a stored posting keeps decoding when
/// the tally gains fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub present: u32,
    pub late: u32,
    pub early_leave: u32,
    pub absent: u32,
    pub official_leave: u32,
    pub personal_leave: u32,
    pub sick_leave: u32,
    pub credits: Credits,
    pub points: i32,
}

impl From<&Tally> for Figures {
    fn from(t: &Tally) -> Figures {
        // Every count by name: a new one is a compile error here, where
        // what is posted must be decided (and, if kept, a schema step).
        let Tally {
            present,
            late,
            early_leave,
            absent,
            official_leave,
            personal_leave,
            sick_leave,
            late_and_early_leave: _,
            required: _,
            pending: _,
            credits,
            points,
        } = *t;
        Figures {
            present,
            late,
            early_leave,
            absent,
            official_leave,
            personal_leave,
            sick_leave,
            credits,
            points,
        }
    }
}

/// One teacher's figures as posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedRow {
    pub teacher: TeacherId,
    pub name: String,
    pub group: String,
    pub figures: Figures,
    pub qualified: bool,
}

/// One posting of a term's standings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub term: TermId,
    /// 1 for the first posting of the term, then 2, ...
    pub number: u32,
    pub at: NaiveDateTime,
    pub who: String,
    pub rows: Vec<PublishedRow>,
}

/// What a posting said of one teacher beyond the counts: every figure of
/// the assessment that a change of credits, make-ups, notes, archive,
/// lessons, degree or reports can move, and the verdict. Its own type, like
/// `Figures`, so that stored postings keep decoding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessed {
    /// Credits counted for the period, and for the year.
    pub credits: Credits,
    pub year_credits: Credits,
    pub notes_chars: u32,
    /// One bit per archive item missing, in `ArchiveItem::ALL` order.
    pub archive_missing: u8,
    pub open_lessons: u32,
    pub makeups_open: u32,
    pub makeups_done: u32,
    pub reports_missing: u32,
    /// The degree's position (0: none recorded) and whether it matches.
    pub degree: u8,
    pub degree_matches: bool,
    pub deducted: u32,
    pub qualified: bool,
}

impl From<&Standing> for Assessed {
    fn from(s: &Standing) -> Assessed {
        let none = rules::Figures::default();
        let f = s.figures.as_ref().unwrap_or(&none);
        let bits = ArchiveItem::ALL
            .iter()
            .enumerate()
            .filter(|(_, i)| f.archive_missing.contains(i))
            .fold(0u8, |b, (n, _)| b | (1 << n));
        Assessed {
            credits: s.credits(),
            year_credits: f.year_credits,
            notes_chars: f.notes_chars,
            archive_missing: bits,
            open_lessons: f.open_lessons,
            makeups_open: f.makeups_open,
            makeups_done: f.makeups_done,
            reports_missing: f.reports_missing,
            degree: f.qualification.as_ref().map_or(0, |q| q.degree as u8 + 1),
            degree_matches: f.qualification.as_ref().is_none_or(|q| q.matches_subject),
            deducted: f.deducted,
            qualified: s.qualified,
        }
    }
}

/// One teacher's standing as a posting or a closing kept it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptRow {
    pub teacher: TeacherId,
    pub figures: Figures,
    pub assessed: Assessed,
}

/// The assessment part of one posting (table `published_assessment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedAssessment {
    pub rows: Vec<KeptRow>,
}

/// The office closed a year's assessment (`assess close`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearClosing {
    pub year: AcademicYear,
    pub at: NaiveDateTime,
    pub who: String,
    /// Each teacher's year as it stood when closed.
    pub rows: Vec<KeptRow>,
}

macro_rules! published_reads {
    ($ty:ty) => {
        impl $ty {
            /// Every publication of `term`, oldest first.
            pub fn publications(&self, term: TermId) -> Result<Vec<Publication>> {
                let t = self.open_table(PUBLISHED)?;
                let (y, s) = season_key(term);
                let mut out = Vec::new();
                for row in t.range((y, s, 0u32)..=(y, s, u32::MAX))? {
                    let (k, v) = row?;
                    let (y, s, n) = k.value();
                    out.push(decode(
                        v.value(),
                        "published",
                        &format_args!("{y}/{s}/{n}"),
                    )?);
                }
                Ok(out)
            }

            /// The first publication of `term`, if it was ever published.
            pub fn first_publication(&self, term: TermId) -> Result<Option<Publication>> {
                self.end_publication(term, false)
            }

            /// The latest publication of `term`, if it was ever published.
            pub fn latest_publication(&self, term: TermId) -> Result<Option<Publication>> {
                self.end_publication(term, true)
            }

            /// The first or (`latest`) the latest publication of `term`.
            fn end_publication(&self, term: TermId, latest: bool) -> Result<Option<Publication>> {
                let t = self.open_table(PUBLISHED)?;
                let (y, s) = season_key(term);
                let mut rows = t.range((y, s, 0u32)..=(y, s, u32::MAX))?;
                let row = if latest {
                    rows.next_back()
                } else {
                    rows.next()
                };
                match row {
                    Some(row) => {
                        let (k, v) = row?;
                        let (y, s, n) = k.value();
                        Ok(Some(decode(
                            v.value(),
                            "published",
                            &format_args!("{y}/{s}/{n}"),
                        )?))
                    }
                    None => Ok(None),
                }
            }

            /// The assessment part of a posting; `None` for a posting made
            /// before it was kept (those compare their counts only).
            pub fn posted_assessment(
                &self,
                term: TermId,
                number: u32,
            ) -> Result<Option<PostedAssessment>> {
                let t = self.open_table(PUBLISHED_ASSESSMENT)?;
                let (y, s) = season_key(term);
                let v = t.get((y, s, number))?;
                match v {
                    Some(v) => Ok(Some(decode(
                        v.value(),
                        "published_assessment",
                        &format_args!("{y}/{s}/{number}"),
                    )?)),
                    None => Ok(None),
                }
            }

            /// How a year was closed, if it was.
            pub fn year_closing(&self, year: AcademicYear) -> Result<Option<YearClosing>> {
                let t = self.open_table(CLOSED_YEARS)?;
                let v = t.get(year.0)?;
                match v {
                    Some(v) => Ok(Some(decode(v.value(), "closed_years", &year.0)?)),
                    None => Ok(None),
                }
            }

            /// Whether the office closed the year's assessment.
            pub fn year_closed(&self, year: AcademicYear) -> Result<bool> {
                let t = self.open_table(CLOSED_YEARS)?;
                Ok(t.get(year.0)?.is_some())
            }
        }
    };
}
published_reads!(Reader);
published_reads!(Writer);

impl Writer {
    /// Stores a publication under the next number of its term; returns it.
    pub fn put_publication(&mut self, mut p: Publication) -> Result<Publication> {
        let number = self.latest_publication(p.term)?.map_or(1, |l| l.number + 1);
        p.number = number;
        let (y, s) = season_key(p.term);
        let mut t = self.txn.open_table(PUBLISHED)?;
        t.insert((y, s, number), encode(&p).as_slice())?;
        Ok(p)
    }

    /// Stores the assessment part of posting `number` of `term`.
    pub fn put_posted_assessment(
        &mut self,
        term: TermId,
        number: u32,
        a: &PostedAssessment,
    ) -> Result<()> {
        let (y, s) = season_key(term);
        let mut t = self.txn.open_table(PUBLISHED_ASSESSMENT)?;
        t.insert((y, s, number), encode(a).as_slice())?;
        Ok(())
    }

    /// Records that a year's assessment is closed.
    pub fn put_year_closing(&mut self, c: &YearClosing) -> Result<()> {
        let mut t = self.txn.open_table(CLOSED_YEARS)?;
        t.insert(c.year.0, encode(c).as_slice())?;
        Ok(())
    }
}
