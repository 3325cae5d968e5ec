//! The figures the charts draw: per teaching group and per session over a
//! period, one teacher's sessions with their category, credits and
//! absences against the year's requirement, and the roll call's counts.
//!
//! Each is read from one snapshot and counted by the scoring module
//! (`core::outcome`, `Tally`, `Rate`); nothing here draws or formats.
//! The terminal app and the spreadsheet export both use these figures.

use super::job::Counting;
use super::roll::RollView;
use super::{App, Result};
use chrono::NaiveDate;
use rules::{
    Category, Credits, Outcome, Period, Rate, RollState, SessionId, Tally, Teacher, TeacherId,
    Term, outcome,
};
use std::collections::BTreeMap;
use store::{Reader, SessionRecord};

pub use sheets::rows::{GroupFigures, group_figures};

/// One session of the period, with its outcomes summed per group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPoint {
    pub id: SessionId,
    pub date: NaiveDate,
    pub state: RollState,
    /// The outcomes of each group's teachers, indexed like
    /// `PeriodCharts::groups`.
    pub by_group: Vec<Tally>,
}

/// Everything the standings chart view shows for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodCharts {
    pub period: Period,
    /// Every group, in name order.
    pub groups: Vec<GroupFigures>,
    /// Every session of the period, in date order.
    pub sessions: Vec<SessionPoint>,
}

/// One session's attendance rate, for the line across the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionRate {
    pub id: SessionId,
    pub date: NaiveDate,
    pub rate: Rate,
}

impl PeriodCharts {
    /// The groups the filter lets through (`None`: all of them).
    pub fn groups_shown(&self, group: Option<&str>) -> Vec<&GroupFigures> {
        self.groups
            .iter()
            .filter(|g| group.is_none_or(|want| g.group == want))
            .collect()
    }

    /// The attendance rate of every session that has required someone of
    /// the filtered groups so far (a session not yet held has no rate).
    pub fn session_rates(&self, group: Option<&str>) -> Vec<SessionRate> {
        let index = group.map(|g| self.groups.iter().position(|x| x.group == g));
        self.sessions
            .iter()
            .filter_map(|s| {
                let tally = match index {
                    None => {
                        let mut t = Tally::default();
                        s.by_group.iter().for_each(|x| t.merge(x));
                        t
                    }
                    Some(Some(i)) => s.by_group.get(i).copied().unwrap_or_default(),
                    // A group that is not (or no longer) on the roster.
                    Some(None) => Tally::default(),
                };
                let rate = Rate::of(&tally);
                (rate.required > 0).then_some(SessionRate {
                    id: s.id,
                    date: s.date,
                    rate,
                })
            })
            .collect()
    }

    /// The whole of the filtered groups: one figure for the period.
    pub fn total(&self, group: Option<&str>) -> Tally {
        let mut t = Tally::default();
        for g in self.groups_shown(group) {
            t.merge(&g.tally);
        }
        t
    }
}

/// One cell of a teacher's strip: a session and what the teacher was there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StripCell {
    pub session: SessionId,
    pub date: NaiveDate,
    pub outcome: Outcome,
}

/// The teacher screen's pictures: the sessions of the period, and the
/// academic year's credits and unexcused absences against the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeacherCharts {
    pub teacher: TeacherId,
    pub period: Period,
    /// Every session of the period, in date order, required or not.
    pub strip: Vec<StripCell>,
    /// Credits earned this academic year, from every source.
    pub credits: Credits,
    /// The year's requirement (篇12 §3).
    pub credits_required: Credits,
    /// Unexcused absences in the academic year so far (篇10).
    pub absences: u32,
    /// Unexcused absences that make a teacher unqualified; 0: no limit.
    pub limit: u32,
}

impl TeacherCharts {
    /// How many more unexcused absences the teacher may have before the
    /// next one makes them unqualified; `None` without a limit or once
    /// the limit is reached.
    pub fn absences_left(&self) -> Option<u32> {
        match self.limit {
            0 => None,
            n => n.checked_sub(self.absences + 1),
        }
    }

    /// One more unexcused absence makes the teacher unqualified.
    pub fn one_more_fails(&self) -> bool {
        self.absences_left() == Some(0)
    }

    /// The limit is reached: the teacher is unqualified by absences.
    pub fn over_limit(&self) -> bool {
        self.limit > 0 && self.absences >= self.limit
    }
}

/// The roll call's counts as it goes, for the gauge under its header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RollCounts {
    /// Answered a call (early leave included: they came).
    pub present: u32,
    /// Excused by an approved leave.
    pub on_leave: u32,
    /// Arrived after the second call.
    pub late: u32,
    /// Not seen yet and not excused; absent once the roll is closed.
    pub missing: u32,
    /// The roll is closed: `missing` are absent.
    pub closed: bool,
}

impl RollCounts {
    /// Counts a roll by each teacher's category (scoring module).
    pub fn of(view: &RollView) -> RollCounts {
        let mut c = RollCounts {
            closed: view.record.state == RollState::Closed,
            ..Default::default()
        };
        for line in &view.lines {
            match line.outcome.category {
                Category::Present | Category::EarlyLeave => c.present += 1,
                Category::Late => c.late += 1,
                Category::OfficialLeave | Category::PersonalLeave | Category::SickLeave => {
                    c.on_leave += 1
                }
                Category::Absent | Category::Pending => c.missing += 1,
                Category::NotRequired => {}
            }
        }
        c
    }

    pub fn expected(&self) -> u32 {
        self.present + self.on_leave + self.late + self.missing
    }
}

impl App {
    /// The chart figures of `period` for the teachers the actor may see.
    /// One snapshot: the sessions of the period, their facts and the leave
    /// covering them, each outcome through the scoring module.
    pub fn period_charts(&self, period: Period) -> Result<PeriodCharts> {
        Snapshot::take(self, period)?.count(INLINE)
    }

    /// Starts reading the figures of `period` from a snapshot taken now.
    /// A school's are counted at once; a county's (hundreds of thousands
    /// of roll-call facts) in a thread of their own, so that the screen
    /// answers keys meanwhile: `ChartsJob::poll` hands them over.
    pub fn start_period_charts(&self, period: Period) -> Result<ChartsJob> {
        self.start_charts(period, INLINE)
    }

    fn start_charts(&self, period: Period, inline: usize) -> Result<ChartsJob> {
        let snap = Snapshot::take(self, period)?;
        let at_once = snap.slots() <= inline;
        let state = Counting::start("the chart figures", at_once, move || snap.count(inline));
        Ok(ChartsJob { period, state })
    }

    /// One teacher's pictures: their sessions of `period` with the category
    /// of each, and the academic year's credits and unexcused absences.
    pub fn teacher_charts(
        &self,
        id: &TeacherId,
        period: Period,
        today: NaiveDate,
    ) -> Result<TeacherCharts> {
        let teacher = self.visible_teacher(id)?;
        let r = self.store.read()?;
        let year = Period::Year(period.year());
        // The year's requirement and limit as its standing is judged: a
        // closed year's under the policy of its closing (issue 25).
        let policies = r.policies()?;
        let policy = super::standings::judged_under(&r, &policies, year)?;
        let facts: BTreeMap<SessionId, _> = r.teacher_facts(id)?.into_iter().collect();
        let leaves = r.teacher_leaves(id)?;
        let strip = period_sessions(&r, period)?
            .into_iter()
            .map(|rec| StripCell {
                session: rec.session.id,
                date: rec.session.date,
                outcome: outcome(
                    &rec.session,
                    rec.state,
                    rec.closed.as_ref(),
                    &teacher,
                    facts.get(&rec.session.id),
                    &leaves,
                ),
            })
            .collect();
        let standing =
            super::standings::compute(&r, std::slice::from_ref(&teacher), year, today, &[])?
                .pop()
                .map(|row| row.standing);
        Ok(TeacherCharts {
            teacher: id.clone(),
            period,
            strip,
            credits: standing.as_ref().map_or(Credits(0), |s| s.credits()),
            credits_required: Credits::whole(policy.credits_per_year),
            absences: standing.as_ref().map_or(0, |s| s.year_unexcused),
            limit: policy.unqualified_absences,
        })
    }
}

/// Up to this many (teacher, session) pairs the figures are counted at
/// once (a school of 300 teachers over a year: about 25 ms).
const INLINE: usize = 30_000;

/// Figures being read for the chart view.
pub struct ChartsJob {
    period: Period,
    state: Counting<PeriodCharts>,
}

impl ChartsJob {
    pub fn period(&self) -> Period {
        self.period
    }

    /// The figures once they are counted (once); `None` while they are not.
    pub fn poll(&mut self) -> Option<Result<PeriodCharts>> {
        self.state.poll()
    }

    /// Waits for the figures (tests and benchmarks).
    pub fn wait(self) -> Result<PeriodCharts> {
        self.state.wait()
    }

    /// Still counting.
    pub fn running(&self) -> bool {
        self.state.running()
    }
}

/// What the figures of a period are counted from: one read snapshot and
/// the visible teachers and sessions already read from it.
struct Snapshot {
    r: Reader,
    period: Period,
    actor: super::Actor,
    /// Teachers the actor may see (counted from the names alone: the
    /// teachers themselves are read where the figures are counted).
    visible: usize,
    sessions: Vec<SessionRecord>,
    policies: rules::Policies,
}

impl Snapshot {
    fn take(app: &App, period: Period) -> Result<Snapshot> {
        let r = app.store.read()?;
        let mut visible = 0;
        r.find_teachers(|id, _| {
            visible += usize::from(app.actor.may_see_id(id));
            false
        })?;
        let sessions = period_sessions(&r, period)?;
        let policies = r.policies()?;
        Ok(Snapshot {
            r,
            period,
            actor: app.actor.clone(),
            visible,
            sessions,
            policies,
        })
    }

    /// (teacher, session) pairs to count: what the time grows with.
    fn slots(&self) -> usize {
        self.visible * self.sessions.len()
    }

    /// Counts the figures, on every core once there are more than
    /// `inline` pairs to count.
    fn count(self, inline: usize) -> Result<PeriodCharts> {
        let teachers: Vec<Teacher> = self
            .r
            .teachers()?
            .into_iter()
            .filter(|t| self.actor.may_see(&t.id))
            .collect();
        // Those at the school during the period, as the standings count them,
        // each in the group the standings name (the one at the period's end).
        let mut teachers = super::standings::at_school(&self.r, teachers, self.period)?;
        super::standings::named_for(&self.r, &mut teachers, self.period)?;
        let teachers = &teachers;
        let mut names: Vec<&str> = teachers.iter().map(|t| t.group.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let group_of: Vec<usize> = teachers
            .iter()
            .map(|t| names.binary_search(&t.group.as_str()).unwrap_or(0))
            .collect();
        let point = |rec: &SessionRecord| -> Result<SessionPoint> {
            let mut by_group = vec![Tally::default(); names.len()];
            let facts = self.r.session_facts(rec.session.id)?;
            let leaves = self.r.leaves_covering(&rec.session)?;
            // Teachers and facts are both in id order: walk them together.
            let mut f = facts.iter().peekable();
            for (t, &g) in teachers.iter().zip(&group_of) {
                while f.next_if(|(id, _)| *id < t.id).is_some() {}
                let mine = f.next_if(|(id, _)| *id == t.id).map(|(_, x)| x);
                if !rec.requires(t) {
                    continue;
                }
                let o = outcome(
                    &rec.session,
                    rec.state,
                    rec.closed.as_ref(),
                    t,
                    mine,
                    &leaves,
                );
                // Scored as the standings score it: a closed roll under the
                // policy of its closing (issue 25).
                let policy = self.policies.for_roll(rec.state, rec.closed.as_ref());
                by_group[g].add(policy, o, rec.session.credits);
            }
            Ok(SessionPoint {
                id: rec.session.id,
                date: rec.session.date,
                state: rec.state,
                by_group,
            })
        };
        // A county's sessions are shared among the cores, each reading the
        // same snapshot.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let points: Vec<SessionPoint> = if self.slots() <= inline || cores < 2 {
            self.sessions.iter().map(point).collect::<Result<_>>()?
        } else {
            let chunk = self.sessions.len().div_ceil(cores).max(1);
            let parts: Vec<Result<Vec<SessionPoint>>> = std::thread::scope(|s| {
                let handles: Vec<_> = self
                    .sessions
                    .chunks(chunk)
                    .map(|part| s.spawn(|| part.iter().map(&point).collect::<Result<Vec<_>>>()))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                    .collect()
            });
            let mut all = Vec::with_capacity(self.sessions.len());
            for part in parts {
                all.extend(part?);
            }
            all
        };
        let mut groups: Vec<GroupFigures> = names
            .iter()
            .map(|n| GroupFigures {
                group: n.to_string(),
                teachers: 0,
                tally: Tally::default(),
            })
            .collect();
        for &g in &group_of {
            groups[g].teachers += 1;
        }
        for p in &points {
            for (g, t) in groups.iter_mut().zip(&p.by_group) {
                g.tally.merge(t);
            }
        }
        Ok(PeriodCharts {
            period: self.period,
            groups,
            sessions: points,
        })
    }
}

/// The sessions of `period` in date order: those in the term, or in either
/// term of the year (as the kept tallies count them: a session outside
/// every term belongs to no period).
fn period_sessions(r: &Reader, period: Period) -> Result<Vec<SessionRecord>> {
    let terms: Vec<Term> = r.terms()?;
    let in_period = |t: &Term| match period {
        Period::Term(id) => t.id == id,
        Period::Year(y) => t.id.year == y,
    };
    let mut out: Vec<SessionRecord> = r
        .sessions()?
        .into_iter()
        // A cancelled session counts for nobody: it has no place on a chart.
        .filter(|s| s.state != RollState::Cancelled)
        .filter(|s| {
            // The first term containing the date is the one it counts in.
            terms
                .iter()
                .find(|t| t.contains(s.session.date))
                .is_some_and(in_period)
        })
        .collect();
    out.sort_by_key(|s| (s.session.date, s.session.start, s.session.id));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoOptions, demo};
    use chrono::NaiveDateTime;
    use rules::{AcademicYear, Season, TermId};

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 26)
            .and_then(|d| d.and_hms_opt(15, 35, 0))
            .unwrap_or_default()
    }

    fn school(teachers: usize) -> (tempfile::TempDir, App) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let opts = DemoOptions {
            teachers,
            years: 2,
            seed: 7,
        };
        let made = demo(
            &dir.path().join("c.redb"),
            "tester",
            now(),
            opts,
            &mut |_, _| {},
        )
        .expect("demo school");
        let app = App::new(made.store, "tester", None, false).expect("open");
        (dir, app)
    }

    fn autumn(y: i32) -> Period {
        Period::Term(TermId {
            year: AcademicYear(y),
            season: Season::Autumn,
        })
    }

    /// The groups' tallies are the sum of their teachers' standings, as
    /// the table shows them (kept tallies), for a term and for a year.
    #[test]
    fn groups_add_up_to_the_standings() {
        let (_dir, app) = school(30);
        for period in [autumn(2025), Period::Year(AcademicYear(2025)), autumn(2026)] {
            let charts = app.period_charts(period).expect("charts");
            let rows = app.standings(period, now().date()).expect("standings");
            assert_eq!(charts.groups, group_figures(&rows), "{period:?}");
            let teachers: u32 = charts.groups.iter().map(|g| g.teachers).sum();
            assert_eq!(teachers as usize, rows.len());
        }
    }

    /// Office work after a term keeps its charts (issue 25): a teacher
    /// moved to another group from today stays in their old group's
    /// figures, and a policy change leaves closed rolls scored as they
    /// closed; the groups still add up to the standings.
    #[test]
    fn a_later_move_or_policy_leaves_a_past_terms_charts() {
        let (_dir, mut app) = school(30);
        let period = autumn(2025);
        let before = app.period_charts(period).expect("charts");
        let teacher = app.teachers().expect("teachers")[0].clone();
        let other = before
            .groups
            .iter()
            .map(|g| g.group.clone())
            .find(|g| *g != teacher.group)
            .expect("another group");
        let edit = crate::calendar::TeacherEdit {
            group: Some(other),
            ..Default::default()
        };
        app.edit_teacher(&teacher.id, edit, now()).expect("moved");
        let mut policy = app.policy().expect("policy");
        policy.points.attend += 3;
        policy.credits.late_percent = 10;
        policy.unqualified_absences = 1;
        app.set_policy(policy, now()).expect("policy set");
        let after = app.period_charts(period).expect("charts");
        assert_eq!(after, before);
        let rows = app.standings(period, now().date()).expect("standings");
        assert_eq!(after.groups, group_figures(&rows));
    }

    /// A closed year's pictures keep the limit and requirement it was
    /// closed under (issue 25); an open year's follow today's policy.
    #[test]
    fn a_closed_years_pictures_keep_its_policy() {
        let (_dir, mut app) = school(12);
        app.close_year(AcademicYear(2025), now()).expect("closed");
        let mut policy = app.policy().expect("policy");
        policy.unqualified_absences = 1;
        policy.credits_per_year = 60;
        let later = now() + chrono::Duration::minutes(1);
        app.set_policy(policy, later).expect("policy set");
        let id = TeacherId("T0002".into());
        let today = later.date();
        let closed = app
            .teacher_charts(&id, autumn(2025), today)
            .expect("charts");
        assert_eq!(
            (closed.limit, closed.credits_required),
            (3, Credits::whole(40))
        );
        let open = app
            .teacher_charts(&id, autumn(2026), today)
            .expect("charts");
        assert_eq!((open.limit, open.credits_required), (1, Credits::whole(60)));
    }

    /// The sessions' tallies add up to the groups', and a filter keeps one
    /// group's share of each session.
    #[test]
    fn sessions_add_up_and_follow_the_group_filter() {
        let (_dir, app) = school(30);
        let charts = app
            .period_charts(Period::Year(AcademicYear(2025)))
            .expect("charts");
        assert!(charts.sessions.len() > 10, "{}", charts.sessions.len());
        assert!(
            charts.sessions.windows(2).all(|w| w[0].date <= w[1].date),
            "sessions in date order"
        );
        let all = charts.session_rates(None);
        let attended: u32 = all.iter().map(|s| s.rate.attended).sum();
        let required: u32 = all.iter().map(|s| s.rate.required).sum();
        let total = Rate::of(&charts.total(None));
        assert_eq!((attended, required), (total.attended, total.required));
        let first = charts.groups[0].group.clone();
        let one = charts.session_rates(Some(&first));
        let req: u32 = one.iter().map(|s| s.rate.required).sum();
        assert_eq!(req, charts.groups[0].tally.required);
        assert!(req < required);
        assert_eq!(charts.groups_shown(Some(&first)).len(), 1);
        assert!(charts.session_rates(Some("no such group")).is_empty());
        assert!(charts.groups_shown(Some("no such group")).is_empty());
    }

    /// Counted at once or in a thread of its own, from the snapshot taken
    /// when it started: the same figures either way.
    #[test]
    fn figures_in_the_background_are_the_same() {
        let (_dir, app) = school(12);
        let period = Period::Year(AcademicYear(2025));
        let want = app.period_charts(period).expect("charts");
        let mut at_once = app.start_charts(period, usize::MAX).expect("start");
        assert!(!at_once.running());
        assert_eq!(at_once.poll().expect("done").expect("figures"), want);
        assert!(at_once.poll().is_none(), "handed over once");
        let job = app.start_charts(period, 0).expect("start");
        assert_eq!(job.period(), period);
        assert_eq!(job.wait().expect("figures"), want);
        let mut job = app.start_charts(period, 0).expect("start");
        let got = loop {
            if let Some(r) = job.poll() {
                break r.expect("figures");
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        };
        assert_eq!(got, want);
        assert!(!job.running());
    }

    /// A session not yet held has no rate; the demo's last year has some.
    #[test]
    fn sessions_to_come_have_no_rate() {
        let (_dir, app) = school(12);
        let charts = app.period_charts(autumn(2026)).expect("charts");
        let to_come = charts
            .sessions
            .iter()
            .filter(|s| s.state == RollState::NotStarted)
            .count();
        assert!(to_come > 0);
        assert_eq!(
            charts.session_rates(None).len(),
            charts.sessions.len() - to_come
        );
    }

    /// A teacher account sees only itself in the charts too.
    #[test]
    fn a_teacher_sees_only_their_own_figures() {
        let (_dir, mut app) = school(12);
        app.actor.roles = vec![rules::Role::Teacher];
        app.actor.teacher = Some(TeacherId("T0003".into()));
        let charts = app.period_charts(autumn(2025)).expect("charts");
        assert_eq!(charts.groups.len(), 1);
        assert_eq!(charts.groups[0].teachers, 1);
    }

    /// The strip lists every session of the period with the same category
    /// as the teacher's record, and the year's figures match the standing.
    #[test]
    fn teacher_strip_matches_the_record() {
        let (_dir, app) = school(12);
        let id = TeacherId("T0002".into());
        let period = autumn(2025);
        let charts = app
            .teacher_charts(&id, period, now().date())
            .expect("teacher charts");
        let (_, lines, _) = app.record(&id).expect("record");
        let required: Vec<_> = charts
            .strip
            .iter()
            .filter(|c| c.outcome.category != Category::NotRequired)
            .collect();
        for cell in &required {
            let line = lines
                .iter()
                .find(|l| l.session.id == cell.session)
                .expect("on the record");
            assert_eq!(line.outcome, cell.outcome);
        }
        let year = Period::Year(AcademicYear(2025));
        let standing = &app
            .standings_of(
                &[app.visible_teacher(&id).expect("teacher")],
                year,
                now().date(),
            )
            .expect("standing")[0]
            .standing;
        assert_eq!(charts.credits, standing.credits());
        assert_eq!(charts.absences, standing.year_unexcused);
        assert_eq!(charts.credits_required, Credits::whole(40));
        assert_eq!(charts.limit, 3);
    }

    #[test]
    fn absences_left_before_the_limit() {
        let mut c = TeacherCharts {
            teacher: TeacherId("T1".into()),
            period: autumn(2025),
            strip: Vec::new(),
            credits: Credits(0),
            credits_required: Credits::whole(40),
            absences: 0,
            limit: 3,
        };
        assert_eq!(c.absences_left(), Some(2));
        c.absences = 2;
        assert_eq!(c.absences_left(), Some(0));
        assert!(c.one_more_fails() && !c.over_limit());
        c.absences = 3;
        assert_eq!(c.absences_left(), None);
        assert!(c.over_limit() && !c.one_more_fails());
        c.limit = 0;
        assert!(!c.over_limit() && c.absences_left().is_none());
    }

    /// The roll counts follow the roll: everyone is counted once.
    #[test]
    fn roll_counts_cover_everyone_expected() {
        let (_dir, app) = school(12);
        for rec in app.sessions().expect("sessions").iter().take(40) {
            let v = app.roll_view(rec.session.id).expect("roll view");
            let c = RollCounts::of(&v);
            assert_eq!(c.expected() as usize, v.expected());
            assert_eq!(c.closed, rec.state == RollState::Closed);
            if rec.state == RollState::NotStarted {
                assert_eq!(c.missing as usize + c.on_leave as usize, v.expected());
            }
        }
    }
}
