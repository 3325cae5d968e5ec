//! Each teacher's tallies, kept current as facts change.
//!
//! A standing over 5,000 teachers must not rescan two million roll-call facts,
//! so every `Writer` change that can move a tally (facts, a session's state or
//! plan, a leave, a teacher) also works out, with the pure scoring module,
//! what the changed session(s) contributed before and after, and the
//! difference is written to `TALLIES` in the same transaction. Each session
//! is scored under the policy of its roll (a closed roll keeps the policy
//! in effect when it closed, issue 25). A change of policy or of a term's
//! dates recounts everything at commit, as does a bulk
//! load (`Writer::recount_all`). Because a `Tally` is a plain sum, the kept
//! tallies equal a full recount (`recount`), which `tests/tallies.rs` checks
//! after random sequences of changes.

use super::codec::{decode, encode};
use super::tables::TALLIES;
use super::{Reader, Result, SessionRecord, Writer, decoded};
use redb::ReadableTable;
use rules::{
    Leave, Policies, RollFacts, RollState, Season, SessionId, Tally, Teacher, TeacherId, Term,
    TermId, YearTally, outcome,
};
use std::collections::{BTreeMap, HashMap};

/// Every teacher's tallies by (academic year, teacher).
pub type Tallies = BTreeMap<(i32, TeacherId), YearTally>;

/// Tally changes waiting for the commit.
#[derive(Default)]
pub(super) struct Recount {
    /// Recount everything at commit instead of applying `deltas`.
    all: bool,
    /// (year, teacher) → (added, taken away).
    deltas: HashMap<(i32, TeacherId), (YearTally, YearTally)>,
}

/// A `TALLIES` key as error messages show it, formatted only when needed.
struct Key<'a>(i32, &'a str);

impl std::fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.0, self.1)
    }
}

/// What one session contributes to one teacher's tally, scored under the
/// policy of its roll (`Policies::for_roll`: a closed roll keeps the one in
/// effect when it closed).
fn contribution(
    policies: &Policies,
    rec: &SessionRecord,
    teacher: &Teacher,
    facts: Option<&RollFacts>,
    leaves: &[Leave],
) -> Tally {
    let o = outcome(
        &rec.session,
        rec.state,
        rec.closed.as_ref(),
        teacher,
        facts,
        leaves,
    );
    let policy = policies.for_roll(rec.state, rec.closed.as_ref());
    Tally::of(policy, o, rec.session.credits)
}

fn term_of(terms: &[Term], rec: &SessionRecord) -> Option<TermId> {
    terms
        .iter()
        .find(|t| t.contains(rec.session.date))
        .map(|t| t.id)
}

/// Reading the kept tallies, and recounting them from the facts.
macro_rules! tally_reads {
    ($ty:ty) => {
        impl $ty {
            /// Every teacher's kept tallies for `year`; a teacher without
            /// one has nothing counted yet.
            pub fn year_tallies(&self, year: i32) -> Result<HashMap<TeacherId, YearTally>> {
                let t = self.open_table(TALLIES)?;
                let mut out = HashMap::new();
                for row in t.range((year, "")..(year.saturating_add(1), ""))? {
                    let (k, v) = row?;
                    let (y, id) = k.value();
                    let key = format!("{y}/{id}");
                    out.insert(
                        TeacherId(id.to_string()),
                        decode(v.value(), "tallies", &key)?,
                    );
                }
                Ok(out)
            }

            /// One teacher's kept tallies for `year`.
            pub fn tally(&self, year: i32, teacher: &TeacherId) -> Result<YearTally> {
                let t = self.open_table(TALLIES)?;
                let v = t.get((year, teacher.0.as_str()))?;
                Ok(decoded(v, "tallies", &Key(year, &teacher.0))?.unwrap_or_default())
            }

            /// Every kept tally.
            pub fn tallies(&self) -> Result<Tallies> {
                let t = self.open_table(TALLIES)?;
                let mut out = Tallies::new();
                for row in t.iter()? {
                    let (k, v) = row?;
                    let (y, id) = k.value();
                    let key = format!("{y}/{id}");
                    out.insert(
                        (y, TeacherId(id.to_string())),
                        decode(v.value(), "tallies", &key)?,
                    );
                }
                Ok(out)
            }

            /// Counts every teacher's tallies afresh from all the facts, as
            /// the kept ones must be. Teachers with nothing counted are left
            /// out, as they are from `TALLIES`.
            pub fn recount(&self) -> Result<Tallies> {
                let policy = self.policies()?;
                let terms = self.terms()?;
                let teachers = self.teachers()?;
                let index: HashMap<&str, usize> = teachers
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.id.0.as_str(), i))
                    .collect();
                let mut leaves: Vec<Vec<Leave>> = vec![Vec::new(); teachers.len()];
                for l in self.leaves()? {
                    if let Some(&i) = index.get(l.teacher.0.as_str()) {
                        leaves[i].push(l);
                    }
                }
                let mut years: BTreeMap<i32, Vec<YearTally>> = BTreeMap::new();
                let mut facts: Vec<Option<RollFacts>> = vec![None; teachers.len()];
                for rec in self.sessions()? {
                    let Some(term) = term_of(&terms, &rec) else {
                        continue;
                    };
                    facts.iter_mut().for_each(|f| *f = None);
                    for (id, f) in self.session_facts(rec.session.id)? {
                        if let Some(&i) = index.get(id.0.as_str()) {
                            facts[i] = Some(f);
                        }
                    }
                    let year = years
                        .entry(term.year.0)
                        .or_insert_with(|| vec![YearTally::default(); teachers.len()]);
                    for (i, t) in teachers.iter().enumerate() {
                        if !rec.requires(t) {
                            continue;
                        }
                        let c = contribution(&policy, &rec, t, facts[i].as_ref(), &leaves[i]);
                        year[i].term_mut(term.season).merge(&c);
                    }
                }
                let mut out = Tallies::new();
                for (y, list) in years {
                    for (t, tally) in teachers.iter().zip(list) {
                        if tally != YearTally::default() {
                            out.insert((y, t.id.clone()), tally);
                        }
                    }
                }
                Ok(out)
            }
        }
    };
}

tally_reads!(Reader);
tally_reads!(Writer);

impl Writer {
    /// Recounts every tally at commit rather than following each change:
    /// for bulk loads, where that is faster.
    pub fn recount_all(&mut self) {
        self.recount.all = true;
        self.recount.deltas.clear();
    }

    fn shift(&mut self, term: TermId, teacher: &TeacherId, minus: Tally, plus: Tally) {
        if minus == plus {
            return;
        }
        let (add, take) = self
            .recount
            .deltas
            .entry((term.year.0, teacher.clone()))
            .or_default();
        add.term_mut(term.season).merge(&plus);
        take.term_mut(term.season).merge(&minus);
    }

    /// Before `teacher`'s facts at `session` become `after`.
    pub(super) fn count_facts(
        &mut self,
        session: SessionId,
        teacher: &TeacherId,
        after: Option<&RollFacts>,
    ) -> Result<()> {
        if self.recount.all {
            return Ok(());
        }
        let (Some(rec), Some(t)) = (self.session(session)?, self.teacher(teacher)?) else {
            return Ok(());
        };
        let Some(term) = term_of(&self.terms()?, &rec) else {
            return Ok(());
        };
        let policy = self.policies()?;
        let before = self.facts(session, teacher)?;
        let leaves = self.teacher_leaves(teacher)?;
        let minus = contribution(&policy, &rec, &t, before.as_ref(), &leaves);
        let plus = contribution(&policy, &rec, &t, after, &leaves);
        self.shift(term, teacher, minus, plus);
        Ok(())
    }

    /// Before a session is stored as `after` (new, moved, or its roll
    /// opened or closed): what it contributes changes for every teacher.
    pub(super) fn count_session(&mut self, after: &SessionRecord) -> Result<()> {
        if self.recount.all {
            return Ok(());
        }
        let before = self.session(after.session.id)?;
        // Starting (approved leave counts once the session happens),
        // closing and cancelling change categories; the calls do not; nor
        // does a closed roll's record unless it changed.
        let closed = |s: RollState| match s {
            RollState::Closed => 1,
            RollState::Cancelled => 2,
            RollState::NotStarted => 3,
            _ => 0,
        };
        if let Some(b) = &before
            && b.session == after.session
            && closed(b.state) == closed(after.state)
            && b.closed == after.closed
        {
            // Only the calls moved on: nobody's category changes.
            return Ok(());
        }
        let policy = self.policies()?;
        let terms = self.terms()?;
        let was = before.as_ref().and_then(|b| term_of(&terms, b));
        let now = term_of(&terms, after);
        if was.is_none() && now.is_none() {
            return Ok(());
        }
        let facts: HashMap<TeacherId, RollFacts> =
            self.session_facts(after.session.id)?.into_iter().collect();
        // Only requests covering the session (as it was or will be) matter.
        let mut covering = self.leaves_covering(&after.session)?;
        if let Some(b) = before.as_ref().filter(|b| b.session != after.session) {
            covering.extend(self.leaves_covering(&b.session)?);
            covering.sort_by_key(|l| l.id);
            covering.dedup_by_key(|l| l.id);
        }
        let mut leaves: HashMap<TeacherId, Vec<Leave>> = HashMap::new();
        for l in covering {
            leaves.entry(l.teacher.clone()).or_default().push(l);
        }
        for t in self.teachers()? {
            let f = facts.get(&t.id);
            let ls = leaves.get(&t.id).map_or(&[][..], Vec::as_slice);
            let minus = match (&before, was) {
                (Some(b), Some(_)) => contribution(&policy, b, &t, f, ls),
                _ => Tally::default(),
            };
            let plus = match now {
                Some(_) => contribution(&policy, after, &t, f, ls),
                None => Tally::default(),
            };
            match (was, now) {
                (Some(w), Some(n)) if w == n => self.shift(n, &t.id, minus, plus),
                _ => {
                    if let Some(w) = was {
                        self.shift(w, &t.id, minus, Tally::default());
                    }
                    if let Some(n) = now {
                        self.shift(n, &t.id, Tally::default(), plus);
                    }
                }
            }
        }
        Ok(())
    }

    /// Before a leave is stored as `after` (asked for, decided, withdrawn);
    /// `before` is the request as stored now.
    pub(super) fn count_leave(&mut self, before: Option<&Leave>, after: &Leave) -> Result<()> {
        if self.recount.all {
            return Ok(());
        }
        let approved = |l: &Leave| l.status == rules::LeaveStatus::Approved;
        if !before.is_some_and(approved) && !approved(after) {
            return Ok(());
        }
        let Some(t) = self.teacher(&after.teacher)? else {
            return Ok(());
        };
        let was = self.teacher_leaves(&after.teacher)?;
        let mut now: Vec<Leave> = was.iter().filter(|l| l.id != after.id).cloned().collect();
        now.push(after.clone());
        let policy = self.policies()?;
        let terms = self.terms()?;
        let facts: HashMap<SessionId, RollFacts> =
            self.teacher_facts(&after.teacher)?.into_iter().collect();
        for rec in self.sessions()? {
            let touched = after.cover.covers(&rec.session)
                || before
                    .as_ref()
                    .is_some_and(|b| b.cover.covers(&rec.session));
            let Some(term) = term_of(&terms, &rec).filter(|_| touched) else {
                continue;
            };
            let f = facts.get(&rec.session.id);
            let minus = contribution(&policy, &rec, &t, f, &was);
            let plus = contribution(&policy, &rec, &t, f, &now);
            self.shift(term, &t.id, minus, plus);
        }
        Ok(())
    }

    /// Before a teacher is stored as `after` (new, or their group or
    /// dates at the school changed).
    pub(super) fn count_teacher(&mut self, after: &Teacher) -> Result<()> {
        if self.recount.all {
            return Ok(());
        }
        let before = self.teacher(&after.id)?;
        if before.as_ref() == Some(after) {
            return Ok(());
        }
        let policy = self.policies()?;
        let terms = self.terms()?;
        let leaves = self.teacher_leaves(&after.id)?;
        let facts: HashMap<SessionId, RollFacts> =
            self.teacher_facts(&after.id)?.into_iter().collect();
        for rec in self.sessions()? {
            let Some(term) = term_of(&terms, &rec) else {
                continue;
            };
            let f = facts.get(&rec.session.id);
            let minus = match &before {
                Some(b) => contribution(&policy, &rec, b, f, &leaves),
                None => Tally::default(),
            };
            let plus = contribution(&policy, &rec, after, f, &leaves);
            self.shift(term, &after.id, minus, plus);
        }
        Ok(())
    }

    /// Writes the tallies' changes; part of `commit`.
    pub(super) fn flush_tallies(&mut self) -> Result<()> {
        let recount = std::mem::take(&mut self.recount);
        if !recount.all {
            let mut t = self.txn.open_table(TALLIES)?;
            let mut consistent = true;
            for ((year, id), (add, take)) in recount.deltas {
                let v = t.get((year, id.0.as_str()))?;
                let mut tally: YearTally =
                    decoded(v, "tallies", &Key(year, &id.0))?.unwrap_or_default();
                for season in [Season::Autumn, Season::Spring] {
                    let term = tally.term_mut(season);
                    term.merge(add.term(season));
                    match term.without(take.term(season)) {
                        Some(left) => *term = left,
                        None => consistent = false,
                    }
                }
                if tally == YearTally::default() {
                    t.remove((year, id.0.as_str()))?;
                } else {
                    t.insert((year, id.0.as_str()), encode(&tally).as_slice())?;
                }
            }
            if consistent {
                return Ok(());
            }
            // A kept tally smaller than what is taken from it can only come
            // from a file changed outside this program: count afresh.
        }
        let fresh = self.recount()?;
        self.txn.delete_table(TALLIES)?;
        let mut t = self.txn.open_table(TALLIES)?;
        for ((year, id), tally) in fresh {
            t.insert((year, id.0.as_str()), encode(&tally).as_slice())?;
        }
        Ok(())
    }
}
