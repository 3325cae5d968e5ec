//! Property tests of the scoring module: random sessions, roll-call facts,
//! leaves and roll states for one teacher, checked against invariants that
//! hold for every school's data (see docs/rules.md).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use peixun::core::{
    AcademicYear, Audience, Category, Cover, Credits, Evidence, Leave, LeaveId, LeaveKind,
    LeaveStatus, Period, Policy, RollFacts, RollState, Season, Session, SessionId, SessionKind,
    Standing, Tally, Teacher, TeacherId, Term, TermId, outcome,
};
use proptest::prelude::*;
use proptest::sample::Index;

/// Session days: four in the autumn term 2025, four in the spring term 2026.
const DAYS: [(i32, u32, u32); 8] = [
    (2025, 9, 10),
    (2025, 10, 15),
    (2025, 11, 20),
    (2026, 1, 8),
    (2026, 2, 26),
    (2026, 3, 18),
    (2026, 5, 6),
    (2026, 6, 24),
];
const GROUPS: [&str; 3] = ["语文", "数学", "英语"];
const MAX_SESSIONS: usize = 12;
const ME: &str = "T001";
const COLLEAGUE: &str = "T002";

fn day(i: usize) -> NaiveDate {
    let (y, m, d) = DAYS[i];
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

fn stamp() -> NaiveDateTime {
    day(0).and_time(time(8, 0))
}

fn year() -> AcademicYear {
    AcademicYear(2025)
}

fn terms() -> [Term; 2] {
    [
        Term {
            id: TermId {
                year: year(),
                season: Season::Autumn,
            },
            start: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
        },
        Term {
            id: TermId {
                year: year(),
                season: Season::Spring,
            },
            start: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2026, 7, 15).unwrap(),
        },
    ]
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/// One session with its roll state, and what was seen of the teacher and of
/// a colleague there.
#[derive(Debug, Clone)]
struct Case {
    session: Session,
    state: RollState,
    mine: Option<RollFacts>,
    colleague: Option<RollFacts>,
}

#[derive(Debug, Clone)]
struct Scenario {
    teacher: Teacher,
    cases: Vec<Case>,
    leaves: Vec<Leave>,
    policy: Policy,
    year_ended: bool,
}

impl Scenario {
    /// Roll-call facts as the store keeps them: one list for all teachers.
    fn facts(&self) -> Vec<(SessionId, TeacherId, RollFacts)> {
        let mut out = Vec::new();
        for c in &self.cases {
            if let Some(f) = &c.mine {
                out.push((c.session.id, TeacherId(ME.into()), f.clone()));
            }
            if let Some(f) = &c.colleague {
                out.push((c.session.id, TeacherId(COLLEAGUE.into()), f.clone()));
            }
        }
        out
    }
}

fn arb_audience() -> impl Strategy<Value = Audience> {
    prop_oneof![
        2 => Just(Audience::Everyone),
        1 => proptest::sample::subsequence(GROUPS.to_vec(), 1..=2)
            .prop_map(|gs| Audience::Groups(gs.into_iter().map(String::from).collect())),
    ]
}

fn arb_state() -> impl Strategy<Value = RollState> {
    prop_oneof![
        1 => Just(RollState::NotStarted),
        1 => Just(RollState::FirstCall),
        1 => Just(RollState::SecondCall),
        1 => Just(RollState::AfterSecondCall),
        4 => Just(RollState::Closed),
    ]
}

fn arb_facts() -> impl Strategy<Value = Option<RollFacts>> {
    proptest::option::of((
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(35u32..60),
        proptest::option::of(0u32..30),
    ))
    .prop_map(|o| {
        o.map(|(first_call, second_call, arrived, left)| RollFacts {
            first_call,
            second_call,
            arrived: arrived.map(|m| time(15, m)),
            left_early: left.map(|m| time(16, m)),
            remark: String::new(),
            early_excused: None,
        })
    })
}

fn arb_case() -> impl Strategy<Value = Case> {
    (
        0..DAYS.len(),
        arb_audience(),
        0u32..=30,
        arb_state(),
        arb_facts(),
        arb_facts(),
    )
        .prop_map(|(d, audience, credits, state, mine, colleague)| Case {
            session: Session {
                id: SessionId(0),
                date: day(d),
                start: time(15, 30),
                end: time(16, 30),
                title: "培训".into(),
                kind: SessionKind::SchoolTraining,
                credits: Credits::from_tenths(credits),
                presenter: None,
                host: None,
                recorder: None,
                audience,
            },
            state,
            mine,
            colleague,
        })
}

fn arb_teacher() -> impl Strategy<Value = Teacher> {
    (
        0..GROUPS.len(),
        proptest::option::of(0..DAYS.len()),
        proptest::option::of(0..DAYS.len()),
    )
        .prop_map(|(g, from, to)| Teacher {
            id: TeacherId(ME.into()),
            name: "王老师".into(),
            group: GROUPS[g].into(),
            grade: None,
            active_from: from.map(day),
            active_to: to.map(day),
            from_time: None,
            past_groups: Vec::new(),
        })
}

fn arb_kind() -> impl Strategy<Value = LeaveKind> {
    prop_oneof![
        Just(LeaveKind::Official),
        Just(LeaveKind::Personal),
        Just(LeaveKind::Sick),
    ]
}

fn arb_status() -> impl Strategy<Value = LeaveStatus> {
    prop_oneof![
        Just(LeaveStatus::Pending),
        Just(LeaveStatus::Approved),
        Just(LeaveStatus::Rejected),
        Just(LeaveStatus::Withdrawn),
    ]
}

fn arb_cover() -> impl Strategy<Value = Cover> {
    prop_oneof![
        (0..DAYS.len(), 0..DAYS.len()).prop_map(|(a, b)| Cover::Dates {
            from: day(a.min(b)),
            to: day(a.max(b)),
        }),
        proptest::collection::vec(0..MAX_SESSIONS as u32, 1..4)
            .prop_map(|ids| Cover::Sessions(ids.into_iter().map(SessionId).collect())),
    ]
}

fn make_leave(kind: LeaveKind, status: LeaveStatus, cover: Cover, own: bool) -> Leave {
    Leave {
        id: LeaveId(0),
        teacher: TeacherId(if own { ME } else { COLLEAGUE }.into()),
        kind,
        cover,
        reason: String::new(),
        evidence: Evidence::default(),
        emergency: kind == LeaveKind::Sick,
        status,
        requested_by: ME.into(),
        requested_at: stamp(),
        decided_by: None,
        decided_at: None,
        comment: String::new(),
    }
}

fn arb_leave() -> impl Strategy<Value = Leave> {
    (
        arb_kind(),
        arb_status(),
        arb_cover(),
        prop::bool::weighted(0.8),
    )
        .prop_map(|(k, s, c, own)| make_leave(k, s, c, own))
}

/// A leave of the teacher's own that is pending or rejected: the one a
/// decision may approve.
fn arb_undecided_leave() -> impl Strategy<Value = Leave> {
    (
        arb_kind(),
        prop_oneof![Just(LeaveStatus::Pending), Just(LeaveStatus::Rejected)],
        arb_cover(),
    )
        .prop_map(|(k, s, c)| make_leave(k, s, c, true))
}

fn arb_policy() -> impl Strategy<Value = Policy> {
    (0u32..=3, 0u32..=4, 0u32..=20).prop_map(|(lates, limit, credits)| Policy {
        lates_per_absence: lates,
        unqualified_absences: limit,
        credits_per_year: credits,
        ..Policy::default()
    })
}

fn arb_scenario() -> impl Strategy<Value = Scenario> {
    (
        arb_teacher(),
        proptest::collection::vec(arb_case(), 0..=MAX_SESSIONS),
        proptest::collection::vec(arb_leave(), 0..5),
        arb_undecided_leave(),
        arb_policy(),
        any::<bool>(),
    )
        .prop_map(
            |(teacher, mut cases, mut leaves, undecided, policy, year_ended)| {
                for (i, c) in cases.iter_mut().enumerate() {
                    c.session.id = SessionId(i as u32);
                }
                leaves.push(undecided);
                for (i, l) in leaves.iter_mut().enumerate() {
                    l.id = LeaveId(i as u32 + 1);
                }
                Scenario {
                    teacher,
                    cases,
                    leaves,
                    policy,
                    year_ended,
                }
            },
        )
}

// ---------------------------------------------------------------------------
// Folding a scenario into tallies and standings
// ---------------------------------------------------------------------------

fn facts_for<'a>(
    facts: &'a [(SessionId, TeacherId, RollFacts)],
    session: SessionId,
    teacher: &TeacherId,
) -> Option<&'a RollFacts> {
    facts
        .iter()
        .find(|(s, t, _)| *s == session && t == teacher)
        .map(|(_, _, f)| f)
}

/// The teacher's tally over the cases `keep` accepts.
fn tally_where(
    s: &Scenario,
    cases: &[Case],
    facts: &[(SessionId, TeacherId, RollFacts)],
    leaves: &[Leave],
    keep: impl Fn(&Session) -> bool,
) -> Tally {
    let mut t = Tally::default();
    for c in cases.iter().filter(|c| keep(&c.session)) {
        let f = facts_for(facts, c.session.id, &s.teacher.id);
        let o = outcome(&c.session, c.state, None, &s.teacher, f, leaves);
        t.add(&s.policy, o, c.session.credits);
    }
    t
}

fn tally(s: &Scenario) -> Tally {
    tally_where(s, &s.cases, &s.facts(), &s.leaves, |_| true)
}

/// The year's standing and both terms' standings.
fn standings(s: &Scenario) -> Vec<Standing> {
    let facts = s.facts();
    let year_tally = tally(s);
    let mut out = vec![Standing::judge(
        &s.policy,
        Period::Year(year()),
        year_tally,
        &year_tally,
        s.year_ended,
    )];
    for term in terms() {
        let t = tally_where(s, &s.cases, &facts, &s.leaves, |x| term.contains(x.date));
        out.push(Standing::judge(
            &s.policy,
            Period::Term(term.id),
            t,
            &year_tally,
            s.year_ended,
        ));
    }
    out
}

fn permuted<T: Clone>(items: &[T], order: &[usize]) -> Vec<T> {
    order.iter().map(|&i| items[i].clone()).collect()
}

/// A scenario with a shuffled order of its sessions, facts and leaves.
fn arb_shuffled() -> impl Strategy<Value = (Scenario, Vec<usize>, Vec<usize>, Vec<usize>)> {
    arb_scenario().prop_flat_map(|s| {
        let n_cases = s.cases.len();
        let n_facts = s.facts().len();
        let n_leaves = s.leaves.len();
        (
            Just(s),
            Just((0..n_cases).collect::<Vec<_>>()).prop_shuffle(),
            Just((0..n_facts).collect::<Vec<_>>()).prop_shuffle(),
            Just((0..n_leaves).collect::<Vec<_>>()).prop_shuffle(),
        )
    })
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (a) Every required session is counted once in exactly one category
    /// (late-and-early-leave sessions once in each of two), and every
    /// session the teacher had to attend is either counted or pending.
    #[test]
    fn counts_add_up(s in arb_scenario()) {
        let t = tally(&s);
        let counted = t.present + t.late + t.early_leave + t.absent
            + t.official_leave + t.personal_leave + t.sick_leave;
        prop_assert_eq!(counted - t.late_and_early_leave, t.required);
        let must_attend = s
            .cases
            .iter()
            .filter(|c| c.session.requires(&s.teacher))
            .count() as u32;
        prop_assert_eq!(t.required + t.pending, must_attend);
        prop_assert!(t.late_and_early_leave <= t.late.min(t.early_leave));
        // Pending only while the roll is open.
        let open = s
            .cases
            .iter()
            .filter(|c| c.session.requires(&s.teacher) && c.state != RollState::Closed)
            .count() as u32;
        prop_assert!(t.pending <= open);
    }

    /// (b) Approving a pending or rejected leave never makes a standing worse.
    #[test]
    fn approving_a_leave_never_hurts(s in arb_scenario(), pick in any::<Index>()) {
        let undecided: Vec<usize> = s
            .leaves
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                l.teacher == s.teacher.id
                    && matches!(l.status, LeaveStatus::Pending | LeaveStatus::Rejected)
            })
            .map(|(i, _)| i)
            .collect();
        // The scenario always holds at least one such leave.
        prop_assert!(!undecided.is_empty());
        let i = undecided[pick.index(undecided.len())];
        let mut approved = s.clone();
        approved.leaves[i].status = LeaveStatus::Approved;

        let before = standings(&s);
        let after = standings(&approved);
        for (b, a) in before.iter().zip(&after) {
            prop_assert_eq!(b.period, a.period);
            prop_assert!(
                a.unexcused <= b.unexcused,
                "unexcused {} -> {}",
                b.unexcused,
                a.unexcused
            );
            prop_assert!(a.year_unexcused <= b.year_unexcused);
            prop_assert!(a.tally.absent <= b.tally.absent);
            prop_assert!(
                a.tally.points >= b.tally.points,
                "points {} -> {}",
                b.tally.points,
                a.tally.points
            );
            prop_assert!(a.tally.credits >= b.tally.credits);
            prop_assert!(a.qualified || !b.qualified, "qualified true -> false");
            prop_assert!(a.reasons.len() <= b.reasons.len());
        }
    }

    /// (c) The tally does not depend on the order of sessions, facts or leaves.
    #[test]
    fn order_does_not_matter((s, oc, of, ol) in arb_shuffled()) {
        let cases = permuted(&s.cases, &oc);
        let facts = permuted(&s.facts(), &of);
        let leaves = permuted(&s.leaves, &ol);
        let shuffled = tally_where(&s, &cases, &facts, &leaves, |_| true);
        prop_assert_eq!(shuffled, tally(&s));

        // And reversed, in case a shuffle happened to leave things in place.
        let mut cases = s.cases.clone();
        cases.reverse();
        let mut facts = s.facts();
        facts.reverse();
        let mut leaves = s.leaves.clone();
        leaves.reverse();
        prop_assert_eq!(tally_where(&s, &cases, &facts, &leaves, |_| true), tally(&s));
    }

    /// (d) outcome() is a function of its inputs alone.
    #[test]
    fn outcome_is_deterministic(s in arb_scenario()) {
        let facts = s.facts();
        for c in &s.cases {
            let f = facts_for(&facts, c.session.id, &s.teacher.id);
            let first = outcome(&c.session, c.state, None, &s.teacher, f, &s.leaves);
            let again = outcome(&c.session, c.state, None, &s.teacher, f, &s.leaves);
            prop_assert_eq!(first, again);
            // The same inputs rebuilt from scratch give the same answer.
            let (session, teacher, leaves) = (c.session.clone(), s.teacher.clone(), s.leaves.clone());
            let f2 = f.cloned();
            let third = outcome(&session, c.state, None, &teacher, f2.as_ref(), &leaves);
            prop_assert_eq!(first, third);
            // Not required exactly when the session does not require the teacher.
            prop_assert_eq!(
                first.category == Category::NotRequired,
                !c.session.requires(&s.teacher)
            );
            prop_assert!(!first.also_left_early || first.category == Category::Late);
        }
        prop_assert_eq!(standings(&s), standings(&s));
    }

    /// (e) The year's tally is the merge of the two terms' tallies.
    #[test]
    fn year_is_the_sum_of_its_terms(s in arb_scenario()) {
        let facts = s.facts();
        let [autumn, spring] = terms();
        for c in &s.cases {
            prop_assert!(autumn.contains(c.session.date) != spring.contains(c.session.date));
        }
        let a = tally_where(&s, &s.cases, &facts, &s.leaves, |x| autumn.contains(x.date));
        let b = tally_where(&s, &s.cases, &facts, &s.leaves, |x| spring.contains(x.date));
        let mut merged = a;
        merged.merge(&b);
        prop_assert_eq!(merged, tally(&s));
        let mut other_way = b;
        other_way.merge(&a);
        prop_assert_eq!(other_way, merged);

        // A term standing is judged on the year's unexcused absences.
        let st = standings(&s);
        prop_assert_eq!(st[1].year_unexcused, st[0].year_unexcused);
        prop_assert_eq!(st[2].year_unexcused, st[0].year_unexcused);
        prop_assert_eq!(st[1].qualified, st[0].qualified);
        prop_assert_eq!(st[2].qualified, st[0].qualified);
    }
}
