//! Moving a session and moving it back changes no standing (issue 14):
//! whatever the facts, the leave (by session, by date, by the hour) and
//! where the session goes in between (another day, another term), the
//! standings of both terms and of the year are exactly as before, and the
//! kept tallies equal a full recount.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use peixun::app::{App, accounts};
use peixun::core::{
    AcademicYear, Audience, Cover, Credits, Evidence, Leave, LeaveId, LeaveKind, LeaveStatus,
    Period, RollFacts, RollState, Season, Session, SessionId, SessionKind, Teacher, TeacherId,
    Term, TermId,
};
use peixun::store::SessionRecord;
use proptest::prelude::*;

const TEACHERS: [&str; 3] = ["T1", "T2", "T3"];

fn date(i: usize) -> NaiveDate {
    let days = [
        (2025, 9, 10),
        (2025, 9, 11),
        (2025, 11, 5),
        (2026, 3, 4),
        (2026, 3, 5),
    ];
    let (y, m, d) = days[i % days.len()];
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

/// A session's times: a morning or an afternoon slot.
fn slot(i: usize) -> (NaiveTime, NaiveTime) {
    if i.is_multiple_of(2) {
        (time(9, 0), time(10, 0))
    } else {
        (time(15, 30), time(16, 30))
    }
}

fn setup_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 8, 25)
        .unwrap_or_default()
        .and_time(time(8, 0))
}

#[derive(Debug, Clone)]
struct Plan {
    /// Each session's day and slot.
    sessions: Vec<(usize, usize)>,
    /// Facts per (session, teacher): 0 none, 1 first call, 2 late, 3 early.
    facts: Vec<u8>,
    /// Each session's roll closed?
    closed: Vec<bool>,
    /// Leave: teacher, kind, cover form, target (session or day), approved.
    leaves: Vec<(usize, u8, u8, usize, bool)>,
    /// The session moved, where to (day, slot).
    moved: usize,
    to: (usize, usize),
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec((0usize..5, 0usize..2), 2..5),
        prop::collection::vec(0u8..4, 15),
        prop::collection::vec(any::<bool>(), 5),
        prop::collection::vec((0usize..3, 0u8..3, 0u8..3, 0usize..5, any::<bool>()), 0..4),
        0usize..5,
        (0usize..5, 0usize..2),
    )
        .prop_map(|(sessions, facts, closed, leaves, moved, to)| Plan {
            moved: moved % sessions.len(),
            sessions,
            facts,
            closed,
            leaves,
            to,
        })
}

fn build(path: &std::path::Path, p: &Plan) -> App {
    let now = setup_time();
    let mut app = accounts::init(path, "office", now).expect("init");
    for (i, id) in TEACHERS.iter().enumerate() {
        app.add_teacher(
            Teacher {
                id: TeacherId((*id).into()),
                name: format!("教师{i}"),
                group: "语文".into(),
                grade: None,
                active_from: None,
                active_to: None,
                from_time: None,
                past_groups: Vec::new(),
            },
            now,
        )
        .expect("teacher");
    }
    let term = |season, start: (i32, u32, u32), end: (i32, u32, u32)| Term {
        id: TermId {
            year: AcademicYear(2025),
            season,
        },
        start: NaiveDate::from_ymd_opt(start.0, start.1, start.2).unwrap_or_default(),
        end: NaiveDate::from_ymd_opt(end.0, end.1, end.2).unwrap_or_default(),
    };
    app.add_term(term(Season::Autumn, (2025, 9, 1), (2026, 1, 20)), now)
        .expect("autumn");
    app.add_term(term(Season::Spring, (2026, 2, 20), (2026, 7, 10)), now)
        .expect("spring");
    for (i, (d, s)) in p.sessions.iter().enumerate() {
        let (start, end) = slot(*s);
        app.add_session(
            Session {
                id: SessionId(0),
                date: date(*d),
                start,
                end,
                title: format!("培训{i}"),
                kind: SessionKind::SchoolTraining,
                credits: Credits::whole(2),
                presenter: None,
                host: None,
                recorder: None,
                audience: Audience::Everyone,
            },
            now,
        )
        .expect("session");
    }
    // Facts, states and leave written as they stand, through the store.
    let mut w = app.store().write("office", now).expect("write");
    for (i, _) in p.sessions.iter().enumerate() {
        let id = SessionId(i as u32 + 1);
        let rec = w.session(id).expect("read").expect("session");
        let (start, _) = (rec.session.start, rec.session.end);
        for (j, t) in TEACHERS.iter().enumerate() {
            let f = match p.facts[(i * TEACHERS.len() + j) % p.facts.len()] {
                1 => RollFacts {
                    first_call: true,
                    ..RollFacts::default()
                },
                2 => RollFacts {
                    arrived: Some(start + chrono::Duration::minutes(10)),
                    ..RollFacts::default()
                },
                3 => RollFacts {
                    first_call: true,
                    left_early: Some(start + chrono::Duration::minutes(20)),
                    ..RollFacts::default()
                },
                _ => continue,
            };
            w.put_facts(id, &TeacherId((*t).into()), &f).expect("facts");
        }
        if p.closed[i % p.closed.len()] {
            w.put_session(&SessionRecord {
                state: RollState::Closed,
                closed: None,
                ..rec
            })
            .expect("state");
        }
    }
    for (n, (t, kind, form, target, approved)) in p.leaves.iter().enumerate() {
        let d = date(*target);
        let cover = match form {
            0 => Cover::Sessions(vec![SessionId((*target % p.sessions.len()) as u32 + 1)]),
            1 => Cover::Dates { from: d, to: d },
            _ => Cover::Span {
                from: d.and_time(time(8, 0)),
                to: d.and_time(time(11, 30)),
            },
        };
        w.put_leave(&Leave {
            id: LeaveId(n as u32 + 1),
            teacher: TeacherId(TEACHERS[*t].into()),
            kind: [LeaveKind::Official, LeaveKind::Personal, LeaveKind::Sick][*kind as usize],
            cover,
            reason: "事由".into(),
            evidence: Evidence::default(),
            emergency: false,
            status: if *approved {
                LeaveStatus::Approved
            } else {
                LeaveStatus::Pending
            },
            requested_by: "office".into(),
            requested_at: now,
            decided_by: None,
            decided_at: None,
            comment: String::new(),
        })
        .expect("leave");
    }
    w.commit().expect("commit");
    app
}

/// Every standing a user can see: both terms and the year, before and
/// after the year's last day.
fn standings(app: &App) -> Vec<String> {
    let mut out = Vec::new();
    for today in ["2026-03-10", "2026-09-10"] {
        let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap_or_default();
        for period in [
            Period::Term(TermId {
                year: AcademicYear(2025),
                season: Season::Autumn,
            }),
            Period::Term(TermId {
                year: AcademicYear(2025),
                season: Season::Spring,
            }),
            Period::Year(AcademicYear(2025)),
        ] {
            for r in app.standings(period, today).expect("standings") {
                out.push(format!("{} {:?}", r.teacher.id, r.standing));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn moving_a_session_and_back_changes_no_standing(p in plan()) {
        let dir = tempfile::tempdir().expect("dir");
        let mut app = build(&dir.path().join("p.redb"), &p);
        let before = standings(&app);
        let id = SessionId(p.moved as u32 + 1);
        let was = app.session(id).expect("session").session;
        let (start, end) = slot(p.to.1);
        let to = date(p.to.0);
        let now = setup_time();
        if (to, start, end) != (was.date, was.start, was.end) {
            app.move_session(id, to, start, end, "调课", now).expect("move");
            app.move_session(id, was.date, was.start, was.end, "改回", now)
                .expect("move back");
        }
        prop_assert_eq!(&before, &standings(&app));
        let r = app.store().read().expect("read");
        prop_assert_eq!(r.tallies().expect("kept"), r.recount().expect("recount"));
    }
}
