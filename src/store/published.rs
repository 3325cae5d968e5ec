//! Publications of a term's standings (培训考勤每学期公布一次): what was
//! posted, when and by whom. Every publication is kept; the latest one of a
//! term is what the standings are compared with.

use super::codec::{decode, encode};
use super::tables::PUBLISHED;
use super::{Reader, Result, Writer, season_key};
use crate::core::{Credits, Tally, TeacherId, TermId};
use chrono::NaiveDateTime;
use redb::ReadableTable;
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
        Figures {
            present: t.present,
            late: t.late,
            early_leave: t.early_leave,
            absent: t.absent,
            official_leave: t.official_leave,
            personal_leave: t.personal_leave,
            sick_leave: t.sick_leave,
            credits: t.credits,
            points: t.points,
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

macro_rules! published_reads {
    ($ty:ty) => {
        impl $ty {
            /// Every publication of `term`, oldest first.
            pub fn publications(&self, term: TermId) -> Result<Vec<Publication>> {
                let t = self.txn.open_table(PUBLISHED)?;
                let (y, s) = season_key(term);
                let mut out = Vec::new();
                for row in t.range((y, s, 0u32)..=(y, s, u32::MAX))? {
                    let (k, v) = row?;
                    let (y, s, n) = k.value();
                    out.push(decode(v.value(), "published", &format!("{y}/{s}/{n}"))?);
                }
                Ok(out)
            }

            /// The latest publication of `term`, if it was ever published.
            pub fn latest_publication(&self, term: TermId) -> Result<Option<Publication>> {
                let t = self.txn.open_table(PUBLISHED)?;
                let (y, s) = season_key(term);
                match t.range((y, s, 0u32)..=(y, s, u32::MAX))?.next_back() {
                    Some(row) => {
                        let (k, v) = row?;
                        let (y, s, n) = k.value();
                        Ok(Some(decode(
                            v.value(),
                            "published",
                            &format!("{y}/{s}/{n}"),
                        )?))
                    }
                    None => Ok(None),
                }
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
}
