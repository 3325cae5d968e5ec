//! Issue 25's property: a school whose autumn rolls have closed and whose
//! autumn term is posted goes through random office work in a random
//! order — roster imports with new, changed and missing rows (with or
//! without departures), group moves and first days dated anywhere,
//! departures, spring sessions moved, re-timed and cancelled, leave asked
//! for and decided late, policy changes (other points, credits and limits,
//! which apply from the moment they are made) — and every closed roll (who
//! was expected, in which group, with what outcome) and the posted term's
//! figures (counts, points, credits, verdict) stay as they were. None of
//! these is an explicit correction (`roll correct`, `roll reopen`,
//! `policy rejudge`), so nothing may move.
//!
//! Not generated: corrections, reopenings and re-judgements (they change
//! the past on purpose; `tests/past_policy.rs` tests the re-judgement).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use peixun::app::App;
use peixun::app::accounts;
use peixun::app::calendar::{SessionEdit, TeacherEdit};
use peixun::app::leave::LeaveRequest;
use peixun::core::{
    AcademicYear, Audience, Cover, Credits, Evidence, LeaveKind, Period, RollFacts, RollState,
    Season, Session, SessionId, SessionKind, Teacher, TeacherId, Term, TermId,
};
use peixun::io::Encoding;
use proptest::prelude::*;

const GROUPS: [&str; 3] = ["语文", "数学", "英语"];
/// Days office work may name: before, inside and after the autumn term.
const DAYS: [(i32, u32, u32); 8] = [
    (2025, 8, 20),
    (2025, 9, 1),
    (2025, 9, 16),
    (2025, 10, 2),
    (2025, 11, 1),
    (2026, 2, 1),
    (2026, 3, 15),
    (2026, 4, 1),
];
const AUTUMN_SESSIONS: usize = 4;
const SPRING_SESSIONS: usize = 3;

fn day((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default())
}

fn autumn() -> TermId {
    TermId {
        year: AcademicYear(2025),
        season: Season::Autumn,
    }
}

/// The school: six teachers, the autumn sessions (weekly from 09-10, each
/// for everyone or one group) with their rolls taken and closed, the
/// spring sessions to come.
#[derive(Debug, Clone)]
struct School {
    groups: Vec<usize>,
    audiences: Vec<Option<usize>>,
    /// For each (autumn session, teacher): 0 absent, 1 first call, 2 late,
    /// 3 left early.
    marks: Vec<u8>,
}

#[derive(Debug, Clone)]
enum Op {
    /// A roster of the kept teachers (with the group changed where given)
    /// and `new` new teachers with a 入职日期 (index into DAYS) or blank.
    Import {
        keep: Vec<(bool, Option<usize>)>,
        new: Vec<Option<usize>>,
        departed: Option<usize>,
    },
    Group {
        teacher: usize,
        group: usize,
        from: usize,
    },
    FirstDay {
        teacher: usize,
        from: usize,
    },
    Leaves {
        teacher: usize,
        on: usize,
    },
    Move {
        session: usize,
        to: usize,
    },
    Retime {
        session: usize,
        late: bool,
    },
    Cancel {
        session: usize,
    },
    /// Personal leave asked for an autumn session after it, then approved.
    LateLeave {
        teacher: usize,
        session: usize,
    },
    /// A new policy: other points, credits and limits (issue 25: from now
    /// on only), set with the clock right or set back to before the
    /// autumn began (it then applies from the last moment kept on).
    Policy {
        attend: i32,
        absent: i32,
        late_percent: u32,
        limit: u32,
        back: bool,
    },
}

fn school() -> impl Strategy<Value = School> {
    (
        prop::collection::vec(0..2usize, 6),
        prop::collection::vec(prop::option::of(0..2usize), AUTUMN_SESSIONS),
        prop::collection::vec(0..4u8, AUTUMN_SESSIONS * 6),
    )
        .prop_map(|(groups, audiences, marks)| School {
            groups,
            audiences,
            marks,
        })
}

fn op() -> impl Strategy<Value = Op> {
    let d = 0..DAYS.len();
    prop_oneof![
        (
            prop::collection::vec((any::<bool>(), prop::option::of(0..3usize)), 6),
            prop::collection::vec(prop::option::of(0..DAYS.len()), 0..3),
            prop::option::of(d.clone()),
        )
            .prop_map(|(keep, new, departed)| Op::Import {
                keep,
                new,
                departed
            }),
        (0..6usize, 0..3usize, d.clone()).prop_map(|(teacher, group, from)| Op::Group {
            teacher,
            group,
            from
        }),
        (0..6usize, d.clone()).prop_map(|(teacher, from)| Op::FirstDay { teacher, from }),
        (0..6usize, d.clone()).prop_map(|(teacher, on)| Op::Leaves { teacher, on }),
        (0..SPRING_SESSIONS, 5..DAYS.len()).prop_map(|(session, to)| Op::Move { session, to }),
        (0..SPRING_SESSIONS, any::<bool>())
            .prop_map(|(session, late)| Op::Retime { session, late }),
        (0..SPRING_SESSIONS).prop_map(|session| Op::Cancel { session }),
        (0..6usize, 0..AUTUMN_SESSIONS)
            .prop_map(|(teacher, session)| Op::LateLeave { teacher, session }),
        (0..6i32, -6..0i32, 0..=100u32, 0..4u32, any::<bool>()).prop_map(
            |(attend, absent, late_percent, limit, back)| Op::Policy {
                attend,
                absent,
                late_percent,
                limit,
                back,
            }
        ),
    ]
}

fn tid(i: usize) -> TeacherId {
    TeacherId(format!("T{}", i + 1))
}

fn session(date: NaiveDate, title: String, audience: Audience) -> Session {
    Session {
        id: SessionId(0),
        date,
        start: NaiveTime::from_hms_opt(15, 30, 0).unwrap_or_default(),
        end: NaiveTime::from_hms_opt(16, 30, 0).unwrap_or_default(),
        title,
        kind: SessionKind::SchoolTraining,
        credits: Credits::whole(2),
        presenter: None,
        host: None,
        recorder: None,
        audience,
    }
}

fn build(path: &std::path::Path, s: &School) -> App {
    let setup = at(day((2025, 8, 25)), 9, 0);
    let mut app = accounts::init(path, "office", setup).expect("init");
    for (i, g) in s.groups.iter().enumerate() {
        let mut t = Teacher::new(&tid(i).0, &format!("教师{i}"), GROUPS[*g]);
        t.active_from = Some(day((2025, 8, 25)));
        app.add_teacher(t, setup).expect("teacher");
    }
    let term = |season, start, end| Term {
        id: TermId {
            year: AcademicYear(2025),
            season,
        },
        start: day(start),
        end: day(end),
    };
    app.add_term(term(Season::Autumn, (2025, 9, 1), (2026, 1, 20)), setup)
        .expect("autumn");
    app.add_term(term(Season::Spring, (2026, 2, 20), (2026, 7, 10)), setup)
        .expect("spring");
    for (i, a) in s.audiences.iter().enumerate() {
        let audience = match a {
            Some(g) if s.groups.contains(g) => Audience::Groups(vec![GROUPS[*g].to_string()]),
            _ => Audience::Everyone,
        };
        let d = day((2025, 9, 10)) + chrono::Duration::days(7 * i as i64);
        app.add_session(session(d, format!("秋{i}"), audience), setup)
            .expect("autumn session");
    }
    for i in 0..SPRING_SESSIONS {
        let d = day((2026, 3, 4)) + chrono::Duration::days(7 * i as i64);
        app.add_session(session(d, format!("春{i}"), Audience::Everyone), setup)
            .expect("spring session");
    }
    // The autumn rolls, taken and closed through the commands.
    for i in 0..AUTUMN_SESSIONS {
        let id = SessionId(i as u32 + 1);
        let d = app.session(id).expect("session").session.date;
        let expected: Vec<TeacherId> = app
            .roll_view(id)
            .expect("roll")
            .lines
            .iter()
            .map(|l| l.teacher.id.clone())
            .collect();
        let mut w = app.store().write("office", at(d, 15, 31)).expect("write");
        for t in &expected {
            let n: usize = t.0[1..].parse().unwrap_or(1);
            let start = NaiveTime::from_hms_opt(15, 30, 0).unwrap_or_default();
            let f = match s.marks[(i * 6 + n - 1) % s.marks.len()] {
                1 => RollFacts {
                    first_call: true,
                    ..RollFacts::default()
                },
                2 => RollFacts {
                    arrived: Some(start + chrono::Duration::minutes(15)),
                    ..RollFacts::default()
                },
                3 => RollFacts {
                    first_call: true,
                    left_early: Some(start + chrono::Duration::minutes(30)),
                    ..RollFacts::default()
                },
                _ => continue,
            };
            w.put_facts(id, t, &f).expect("facts");
        }
        let mut rec = w.session(id).expect("read").expect("session");
        rec.state = RollState::AfterSecondCall;
        w.put_session(&rec).expect("state");
        w.commit().expect("commit");
        app.close_roll(id, at(d, 16, 35)).expect("close");
    }
    app.publish(autumn(), at(day((2026, 1, 25)), 9, 0))
        .expect("publish");
    app
}

/// What the past holds: each closed roll (expected, group, outcome), and
/// the posted term's figures of the teachers there were.
fn past(app: &App) -> (Vec<String>, Vec<String>) {
    let mut rolls = Vec::new();
    for i in 0..AUTUMN_SESSIONS {
        let v = app.roll_view(SessionId(i as u32 + 1)).expect("roll");
        for l in &v.lines {
            rolls.push(format!(
                "{i} {} {} {:?}",
                l.teacher.id, l.teacher.group, l.outcome
            ));
        }
    }
    let mut term = Vec::new();
    let today = day((2026, 5, 1));
    for r in app
        .standings(Period::Term(autumn()), today)
        .expect("standings")
    {
        term.push(format!("{} {:?}", r.teacher.id, r.standing));
    }
    (rolls, term)
}

fn apply(app: &mut App, op: &Op, now: NaiveDateTime) {
    // A refusal changes nothing; only what went through is checked.
    let _ = match op {
        Op::Import {
            keep,
            new,
            departed,
        } => {
            let mut csv = String::from("工号,姓名,教研组,入职日期\n");
            let teachers = app.teachers().expect("teachers");
            for (i, (kept, group)) in keep.iter().enumerate() {
                let Some(t) = teachers.iter().find(|t| t.id == tid(i)) else {
                    continue;
                };
                if *kept {
                    let g = group.map_or(t.group.as_str(), |g| GROUPS[g]);
                    csv.push_str(&format!("{},{},{},\n", t.id, t.name, g));
                }
            }
            for (n, from) in new.iter().enumerate() {
                let from = from.map(|d| day(DAYS[d]).to_string()).unwrap_or_default();
                csv.push_str(&format!("N{n},新{n},语文,{from}\n"));
            }
            app.import_roster(
                "roster.csv",
                csv.as_bytes(),
                Encoding::Utf8,
                departed.map(|d| day(DAYS[d])),
                now,
                &mut |_, _| {},
            )
            .map(|_| ())
        }
        Op::Group {
            teacher,
            group,
            from,
        } => app.edit_teacher(
            &tid(*teacher),
            TeacherEdit {
                group: Some(GROUPS[*group].to_string()),
                group_from: Some(day(DAYS[*from])),
                ..TeacherEdit::default()
            },
            now,
        ),
        Op::FirstDay { teacher, from } => app.edit_teacher(
            &tid(*teacher),
            TeacherEdit {
                from: Some(day(DAYS[*from])),
                ..TeacherEdit::default()
            },
            now,
        ),
        Op::Leaves { teacher, on } => {
            app.teacher_leaves(&tid(*teacher), day(DAYS[*on]), Some("调离"), now)
        }
        Op::Move { session, to } => {
            let id = SessionId((AUTUMN_SESSIONS + session) as u32 + 1);
            let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
            app.move_session(id, day(DAYS[*to]), t(15, 30), t(16, 30), "调课", now)
        }
        Op::Retime { session, late } => {
            let id = SessionId((AUTUMN_SESSIONS + session) as u32 + 1);
            let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
            let (start, end) = if *late {
                (t(16, 0), t(17, 0))
            } else {
                (t(14, 0), t(15, 0))
            };
            app.edit_session(
                id,
                SessionEdit {
                    start,
                    end,
                    ..SessionEdit::default()
                },
                Some("改时间"),
                now,
            )
        }
        Op::Cancel { session } => {
            let id = SessionId((AUTUMN_SESSIONS + session) as u32 + 1);
            app.cancel_session(id, "停课", now)
        }
        Op::LateLeave { teacher, session } => app
            .request_leave(
                LeaveRequest {
                    teacher: tid(*teacher),
                    kind: LeaveKind::Personal,
                    cover: Cover::Sessions(vec![SessionId(*session as u32 + 1)]),
                    reason: "补假".into(),
                    evidence: Evidence {
                        leave_note: true,
                        hospital_certificate: false,
                    },
                    emergency: false,
                },
                now,
            )
            .and_then(|id| app.approve_leave(id, "", now)),
        Op::Policy {
            attend,
            absent,
            late_percent,
            limit,
            back,
        } => {
            let mut p = app.policy().expect("policy");
            p.points.attend = *attend;
            p.points.absent = *absent;
            p.credits.late_percent = *late_percent;
            p.unqualified_absences = *limit;
            let when = if *back {
                at(day((2025, 8, 1)), 10, 0)
            } else {
                now
            };
            app.set_policy(p, when)
        }
    };
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn office_work_never_changes_a_closed_roll_or_a_posted_term(
        s in school(),
        ops in prop::collection::vec(op(), 1..8),
    ) {
        let dir = tempfile::tempdir().expect("dir");
        let mut app = build(&dir.path().join("p.redb"), &s);
        let before = past(&app);
        prop_assert!(!before.0.is_empty());
        for (n, op) in ops.iter().enumerate() {
            let now = at(day((2026, 2, 1)), 9, n as u32);
            apply(&mut app, op, now);
            let (rolls, term) = past(&app);
            prop_assert_eq!(&rolls, &before.0, "rolls after {:?}", op);
            // The posted term lists whom its posting listed, each with the
            // figures it had: nobody comes or goes (a teacher entered
            // later with a first day inside it is not added).
            prop_assert_eq!(&term, &before.1, "the posted term after {:?}", op);
        }
        let r = app.store().read().expect("read");
        prop_assert_eq!(r.tallies().expect("kept"), r.recount().expect("recount"));
    }
}
