//! Publishing a term's standings (公布, 培训考勤每学期公布一次): the
//! training office posts the term's figures; what was posted is kept, and a
//! later correction that changes a posted figure flags the teacher's row in
//! the standings until the term is published again.
//!
//! A figure is one of the counts on the posted sheet (present, late, ...,
//! sick leave, credits, points). The verdict (qualified) is not compared: it also depends on the
//! rest of the academic year, which goes on after the term is posted. A
//! year's row is flagged when its row in either posted term is.

use super::standings::StandingRow;
use super::{App, AppError, Result, json};
use crate::core::{Period, Role, TermId};
use crate::store::published::{Figures, Publication, PublishedRow};
use crate::store::{Reader, StoreError};
use chrono::NaiveDateTime;
use std::collections::HashMap;

/// How often `publish` retries when another process wrote between reading
/// the standings and recording them.
const TRIES: usize = 5;

impl App {
    /// Posts the standings of `term` (training office): records every
    /// teacher's figures, when and by whom. Returns what was recorded.
    pub fn publish(&mut self, term: TermId, now: NaiveDateTime) -> Result<Publication> {
        self.actor.require("publish", &[Role::Office])?;
        for _ in 0..TRIES {
            let seen = self.generation()?;
            let rows = self.standings(Period::Term(term), now.date())?;
            let mut w = self.begin(now)?;
            // The standings must be those of the state we record them in.
            if w.generation()? != seen {
                continue;
            }
            let posted = w.put_publication(Publication {
                term,
                number: 0,
                at: now,
                who: self.actor.name.clone(),
                rows: rows
                    .iter()
                    .map(|r| PublishedRow {
                        teacher: r.teacher.id.clone(),
                        name: r.teacher.name.clone(),
                        group: r.teacher.group.clone(),
                        figures: Figures::from(&r.standing.tally),
                        qualified: r.standing.qualified,
                    })
                    .collect(),
            })?;
            let unqualified = rows.iter().filter(|r| !r.standing.qualified).count();
            w.log(
                "term.publish",
                format!("term {term}"),
                None,
                json(&serde_json::json!({
                    "number": posted.number,
                    "teachers": rows.len(),
                    "unqualified": unqualified,
                })),
                None,
                None,
                None,
            )?;
            w.commit()?;
            return Ok(posted);
        }
        Err(AppError::Store(StoreError::Db(
            "the data kept changing while publishing; try again".into(),
        )))
    }

    /// Every publication of `term`, oldest first.
    pub fn publications(&self, term: TermId) -> Result<Vec<Publication>> {
        self.actor.require("publications", super::STAFF)?;
        Ok(self.store.read()?.publications(term)?)
    }

    /// When `term` was last published and by whom, for titles and headers.
    pub fn last_published(&self, term: TermId) -> Result<Option<(NaiveDateTime, String, u32)>> {
        Ok(self
            .store
            .read()?
            .latest_publication(term)?
            .map(|p| (p.at, p.who, p.number)))
    }
}

/// Sets `changed_since_published` on each row of a term's standings whose
/// figures differ from the term's latest publication; on a year's rows, when
/// the row of either published term is so flagged. A teacher who was not on
/// the posted sheet counts as posted with nothing. Terms never published
/// flag nothing.
pub(crate) fn flag(r: &Reader, period: Period, rows: &mut [StandingRow]) -> Result<()> {
    let terms: Vec<TermId> = match period {
        Period::Term(term) => vec![term],
        Period::Year(year) => r
            .terms()?
            .into_iter()
            .filter(|t| t.id.year == year)
            .map(|t| t.id)
            .collect(),
    };
    let mut published = Vec::new();
    for term in terms {
        if let Some(p) = r.latest_publication(term)? {
            published.push((term, p));
        }
    }
    if published.is_empty() {
        return Ok(());
    }
    // The posted figures are a term's counts, which the kept tallies hold.
    let kept = r.year_tallies(period.year().0)?;
    for (term, p) in published {
        let posted: HashMap<_, _> = p.rows.iter().map(|x| (&x.teacher, x.figures)).collect();
        for row in rows.iter_mut() {
            let was = posted.get(&row.teacher.id).copied().unwrap_or_default();
            let now = kept
                .get(&row.teacher.id)
                .map(|y| Figures::from(y.term(term.season)))
                .unwrap_or_default();
            row.changed_since_published |= was != now;
        }
    }
    Ok(())
}
