//! The standings of the term and the academic year containing a day,
//! counted together from one read snapshot: at once for a school, in a
//! thread of their own for a county (5,000 teachers take about 40 ms a
//! period), so that the terminal app answers keys meanwhile and draws the
//! figures it has, saying that newer ones are on their way
//! (`tui::screens::standings`). The figures are the scoring module's, as
//! `App::standings` gives them.

use super::job::Counting;
use super::standings::{StandingRow, at_school, compute};
use super::{App, Result};
use chrono::{NaiveDate, NaiveDateTime};
use rules::{Period, Teacher};

/// Up to this many visible teachers, both periods are counted at once
/// (300 teachers: well under a millisecond each).
pub const INLINE: usize = 500;

/// The standings of one period, as counted from one snapshot.
#[derive(Debug, Clone)]
pub struct PeriodStandings {
    pub period: Period,
    /// Every visible teacher's standing, in id order.
    pub rows: Vec<StandingRow>,
    /// The term's latest publication: when, by whom, which number.
    pub published: Option<(NaiveDateTime, String, u32)>,
}

/// What one job counted: the store's generation it was read at, and the
/// term (when `today` falls in one) and the academic year.
#[derive(Debug, Clone)]
pub struct Counted {
    pub generation: u64,
    /// Teachers the actor may see.
    pub visible: usize,
    pub periods: Vec<PeriodStandings>,
}

/// Standings being counted.
pub struct StandingsJob {
    generation: u64,
    state: Counting<Counted>,
}

impl App {
    /// Starts counting the standings of the term and the academic year
    /// containing `today` from a snapshot taken now (the pinned one, when
    /// `Store::pinned` runs): at once when the actor sees at most `inline`
    /// teachers, else in a thread of its own.
    /// `also`: another period to count with them (a term or year chosen
    /// on the standings screen), if not one of those.
    pub fn start_standings(
        &self,
        today: NaiveDate,
        inline: usize,
        also: Option<Period>,
    ) -> Result<StandingsJob> {
        self.store.pinned(|| {
            let generation = self.generation()?;
            let mut periods: Vec<Period> = self
                .current_term(today)?
                .map(Period::Term)
                .into_iter()
                .collect();
            periods.push(Period::Year(self.current_year(today)?));
            if let Some(p) = also
                && !periods.contains(&p)
            {
                periods.push(p);
            }
            let r = self.store.read()?;
            let mut visible = 0;
            r.find_teachers(|id, _| {
                visible += usize::from(self.actor.may_see_id(id));
                false
            })?;
            let actor = self.actor.clone();
            let count = move || -> Result<Counted> {
                let teachers: Vec<Teacher> = r
                    .teachers()?
                    .into_iter()
                    .filter(|t| actor.may_see(&t.id))
                    .collect();
                let mut counted = Vec::with_capacity(periods.len());
                for period in periods {
                    let teachers = at_school(&r, teachers.clone(), period)?;
                    let checks = super::publish::checks(&r, period)?;
                    let rows = compute(&r, &teachers, period, today, &checks)?;
                    let published = match period {
                        Period::Term(t) => {
                            r.latest_publication(t)?.map(|p| (p.at, p.who, p.number))
                        }
                        Period::Year(_) => None,
                    };
                    counted.push(PeriodStandings {
                        period,
                        rows,
                        published,
                    });
                }
                Ok(Counted {
                    generation,
                    visible,
                    periods: counted,
                })
            };
            let state = Counting::start("the standings", visible <= inline, count);
            Ok(StandingsJob { generation, state })
        })
    }
}

impl StandingsJob {
    /// The store's generation the standings are read at.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The standings once counted (once); `None` while they are not.
    pub fn poll(&mut self) -> Option<Result<Counted>> {
        self.state.poll()
    }

    /// Waits for the standings (tests and benchmarks).
    pub fn wait(self) -> Result<Counted> {
        self.state.wait()
    }

    /// Still counting.
    pub fn running(&self) -> bool {
        self.state.running()
    }
}
