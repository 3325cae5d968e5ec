//! The calendar's rules (issue 14, docs/rules.md "The calendar"), one
//! table row per rule, each naming its regulation (篇N) or its reason.
//! Pure rules are checked on the core; the roll's window, times and the
//! group leader's roll through the app layer on a small school.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use peixun::app::calendar::{decided_before, lapsed};
use peixun::app::roll::Call;
use peixun::app::{App, AppError, accounts};
use peixun::core::calendar::{MonthDay, check_term, last_day, parse_term, term_for, year_of};
use peixun::core::{
    AcademicYear, Audience, Category, Cover, Credits, Evidence, Leave, LeaveId, LeaveKind,
    LeaveStatus, Period, Policy, RollFacts, RollState, Season, Session, SessionId, SessionKind,
    Teacher, TeacherId, Term, TermId, YearTally, outcome,
};
use peixun::store::SessionRecord;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("a time")
}

fn when(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("a moment")
}

fn term(year: i32, season: Season) -> TermId {
    TermId {
        year: AcademicYear(year),
        season,
    }
}

/// K1 (篇4, 篇7 学年度累积计算): the year containing a term's first day.
#[test]
fn k1_academic_years_from_dates() {
    let sep1 = MonthDay::default();
    let aug15 = MonthDay::parse("08-15").expect("a day");
    // (rule, date, year start, academic year, the term a term starting then is)
    let rows = [
        (
            "K1 first day of the year",
            "2025-09-01",
            sep1,
            2025,
            Season::Autumn,
        ),
        (
            "K1 the day before is last year's",
            "2025-08-31",
            sep1,
            2024,
            Season::Spring,
        ),
        (
            "K1 a February start is the second term",
            "2026-02-20",
            sep1,
            2025,
            Season::Spring,
        ),
        (
            "K1 a January start is still the first",
            "2026-01-10",
            sep1,
            2025,
            Season::Autumn,
        ),
        (
            "K1 year_start 08-15 moves late August",
            "2025-08-25",
            aug15,
            2025,
            Season::Autumn,
        ),
    ];
    for (rule, d, start, year, season) in rows {
        assert_eq!(year_of(day(d), start), AcademicYear(year), "{rule}");
        assert_eq!(term_for(day(d), start), term(year, season), "{rule}");
    }
    assert_eq!(
        last_day(AcademicYear(2025), sep1),
        day("2026-08-31"),
        "K1 last day"
    );
}

/// K2: names as schools write them; a name that disagrees with the dates
/// is refused with the one that fits.
#[test]
fn k2_term_names() {
    let rows = [
        (
            "K2 year-season",
            "2025-spring",
            Some(term(2025, Season::Spring)),
        ),
        ("K2 year-number", "2025-1", Some(term(2025, Season::Autumn))),
        (
            "K2 spreadsheet form",
            "2025-2026-2",
            Some(term(2025, Season::Spring)),
        ),
        (
            "K2 学年第二学期",
            "2025-2026学年第二学期",
            Some(term(2025, Season::Spring)),
        ),
        (
            "K2 学年第1学期",
            "2025-2026学年第1学期",
            Some(term(2025, Season::Autumn)),
        ),
        (
            "K2 2026年春季学期 is 2025-2026's second",
            "2026年春季学期",
            Some(term(2025, Season::Spring)),
        ),
        (
            "K2 2025年秋季学期",
            "2025年秋季学期",
            Some(term(2025, Season::Autumn)),
        ),
        ("K2 years not consecutive", "2025-2027-1", None),
        ("K2 no such term", "2025-summer", None),
    ];
    for (rule, name, want) in rows {
        assert_eq!(parse_term(name), want, "{rule}: {name}");
    }
    let sep1 = MonthDay::default();
    let fits = check_term(term(2026, Season::Spring), day("2026-02-20"), sep1);
    assert_eq!(
        fits,
        Err(term(2025, Season::Spring)),
        "K2 case 2 of issue 14"
    );
    assert_eq!(
        check_term(term(2025, Season::Spring), day("2026-02-20"), sep1),
        Ok(()),
        "K2 a fitting name"
    );
}

fn session(id: u32, date: &str, start: &str, end: &str) -> Session {
    Session {
        id: SessionId(id),
        date: day(date),
        start: hm(start),
        end: hm(end),
        title: "校本培训".into(),
        kind: SessionKind::SchoolTraining,
        credits: Credits::whole(2),
        presenter: None,
        host: None,
        recorder: None,
        audience: Audience::Everyone,
    }
}

fn teacher() -> Teacher {
    Teacher {
        id: TeacherId("T1".into()),
        name: "张一".into(),
        group: "语文".into(),
        grade: None,
        active_from: Some(day("2025-09-01")),
        active_to: None,
        from_time: None,
        past_groups: Vec::new(),
    }
}

/// K3 (篇12 per academic year): no credit verdict before the year's last day.
#[test]
fn k3_year_verdicts_wait_for_the_year() {
    let policy = Policy::default();
    let none = YearTally::default();
    for (rule, period, year_over, qualified) in [
        (
            "K3 year not over: no credit verdict",
            Period::Year(AcademicYear(2025)),
            false,
            true,
        ),
        (
            "K3 year over: 0 of 40 credits",
            Period::Year(AcademicYear(2025)),
            true,
            false,
        ),
        (
            "K3 a term standing never gives one",
            Period::Term(term(2025, Season::Autumn)),
            false,
            true,
        ),
    ] {
        let s = none.judge(&policy, period, year_over);
        assert_eq!(s.qualified, qualified, "{rule}: {s:?}");
    }
}

/// K4, K5, K11: categories of a cancelled session, a teacher outside their
/// days at the school, and an excused early leave.
#[test]
fn k4_k5_k11_categories() {
    let s = session(1, "2025-10-15", "15:30", "16:30");
    let present = RollFacts {
        first_call: true,
        ..RollFacts::default()
    };
    let early = RollFacts {
        left_early: Some(hm("16:00")),
        ..present.clone()
    };
    let excused = RollFacts {
        early_excused: Some("学生急诊".into()),
        ..early.clone()
    };
    let late_excused = RollFacts {
        first_call: false,
        arrived: Some(hm("15:45")),
        ..excused.clone()
    };
    let joined_later = Teacher {
        active_from: Some(day("2025-10-16")),
        ..teacher()
    };
    let left_before = Teacher {
        active_to: Some(day("2025-10-14")),
        from_time: None,
        past_groups: Vec::new(),
        ..teacher()
    };
    // (rule, state, teacher, facts, category, also left early)
    let rows = [
        (
            "K5 cancelled: counts for nobody",
            RollState::Cancelled,
            teacher(),
            None,
            Category::NotRequired,
            false,
        ),
        (
            "K5 cancelled with marks: still nobody",
            RollState::Cancelled,
            teacher(),
            Some(present.clone()),
            Category::NotRequired,
            false,
        ),
        (
            "K4 joined after the session",
            RollState::Closed,
            joined_later,
            None,
            Category::NotRequired,
            false,
        ),
        (
            "K4 left before the session",
            RollState::Closed,
            left_before,
            None,
            Category::NotRequired,
            false,
        ),
        (
            "K11 篇10 早退 counted",
            RollState::Closed,
            teacher(),
            Some(early),
            Category::EarlyLeave,
            false,
        ),
        (
            "K11 篇10 特殊情况除外: excused, present",
            RollState::Closed,
            teacher(),
            Some(excused),
            Category::Present,
            false,
        ),
        (
            "K11 late and excused early: late only",
            RollState::Closed,
            teacher(),
            Some(late_excused),
            Category::Late,
            false,
        ),
    ];
    for (rule, state, t, facts, want, both) in rows {
        let o = outcome(&s, state, None, &t, facts.as_ref(), &[]);
        assert_eq!((o.category, o.also_left_early), (want, both), "{rule}");
    }
}

fn leave(kind: LeaveKind, cover: Cover, status: LeaveStatus, emergency: bool) -> Leave {
    Leave {
        id: LeaveId(1),
        teacher: TeacherId("T1".into()),
        kind,
        cover,
        reason: "事由".into(),
        evidence: Evidence::default(),
        emergency,
        status,
        requested_by: "office".into(),
        requested_at: when("2025-10-01T08:00"),
        decided_by: None,
        decided_at: None,
        comment: String::new(),
    }
}

/// K6 (school-year.md: half-day leave): a leave by the hour covers exactly
/// the sessions whose time it overlaps.
#[test]
fn k6_leave_by_the_hour() {
    let morning = Cover::Span {
        from: when("2025-10-15T08:00"),
        to: when("2025-10-15T11:30"),
    };
    let rows = [
        (
            "K6 inside the morning",
            session(1, "2025-10-15", "09:00", "10:00"),
            true,
        ),
        (
            "K6 overlapping its end",
            session(2, "2025-10-15", "11:00", "12:00"),
            true,
        ),
        (
            "K6 starting when it ends: not covered",
            session(3, "2025-10-15", "11:30", "12:00"),
            false,
        ),
        (
            "K6 the afternoon: not covered (case 6)",
            session(4, "2025-10-15", "15:30", "16:30"),
            false,
        ),
        (
            "K6 another day",
            session(5, "2025-10-16", "09:00", "10:00"),
            false,
        ),
    ];
    for (rule, s, covered) in rows {
        assert_eq!(morning.covers(&s), covered, "{rule}");
        let l = leave(
            LeaveKind::Personal,
            morning.clone(),
            LeaveStatus::Approved,
            false,
        );
        let o = outcome(&s, RollState::Closed, None, &teacher(), None, &[l]);
        let want = if covered {
            Category::PersonalLeave
        } else {
            Category::Absent
        };
        assert_eq!(o.category, want, "{rule}");
    }
    let whole_day = Cover::Dates {
        from: day("2025-10-15"),
        to: day("2025-10-15"),
    };
    assert!(
        morning.overlaps(&whole_day),
        "K6 an overlap is seen (warning)"
    );
    let evening = Cover::Span {
        from: when("2025-10-15T18:00"),
        to: when("2025-10-15T20:00"),
    };
    assert!(!morning.overlaps(&evening), "K6 no overlap");
}

/// K7 (篇4, 篇7, 篇10 ③ 特殊情况(如急诊)除外): what lapses when its session
/// starts undecided.
#[test]
fn k7_leave_lapses_at_the_session() {
    let s = SessionRecord {
        session: session(1, "2025-10-15", "15:30", "16:30"),
        state: RollState::NotStarted,
        closed: None,
    };
    let cover = Cover::Sessions(vec![SessionId(1)]);
    let late = Policy {
        calendar: peixun::core::CalendarRules {
            late_approval: true,
            ..Default::default()
        },
        ..Policy::default()
    };
    let default = Policy::default();
    // (rule, policy, kind, status, emergency, now, lapses)
    let rows = [
        (
            "K7 personal, pending at the start",
            &default,
            LeaveKind::Personal,
            LeaveStatus::Pending,
            false,
            "2025-10-15T15:30",
            true,
        ),
        (
            "K7 personal, before the start",
            &default,
            LeaveKind::Personal,
            LeaveStatus::Pending,
            false,
            "2025-10-15T15:29",
            false,
        ),
        (
            "K7 sick, not an emergency",
            &default,
            LeaveKind::Sick,
            LeaveStatus::Pending,
            false,
            "2025-10-16T09:00",
            true,
        ),
        (
            "K7 急诊 may be decided after",
            &default,
            LeaveKind::Sick,
            LeaveStatus::Pending,
            true,
            "2025-10-16T09:00",
            false,
        ),
        (
            "K7 公假 is the school's business",
            &default,
            LeaveKind::Official,
            LeaveStatus::Pending,
            false,
            "2025-10-16T09:00",
            false,
        ),
        (
            "K7 already approved",
            &default,
            LeaveKind::Personal,
            LeaveStatus::Approved,
            false,
            "2025-10-16T09:00",
            false,
        ),
        (
            "K7 late_approval on",
            &late,
            LeaveKind::Personal,
            LeaveStatus::Pending,
            false,
            "2025-10-16T09:00",
            false,
        ),
    ];
    for (rule, policy, kind, status, emergency, now, lapses) in rows {
        let l = leave(kind, cover.clone(), status, emergency);
        let got = lapsed(policy, &l, std::slice::from_ref(&s), when(now));
        assert_eq!(got.is_some(), lapses, "{rule}");
        if lapses {
            assert_eq!(
                got,
                Some((SessionId(1), when("2025-10-15T15:30"))),
                "{rule}"
            );
        }
    }
    assert!(decided_before(
        &default,
        &leave(
            LeaveKind::Personal,
            cover.clone(),
            LeaveStatus::Pending,
            false
        )
    ));
    let cancelled = SessionRecord {
        state: RollState::Cancelled,
        closed: None,
        ..s.clone()
    };
    let l = leave(LeaveKind::Personal, cover, LeaveStatus::Pending, false);
    assert_eq!(
        lapsed(&default, &l, &[cancelled], when("2025-10-16T09:00")),
        None,
        "K7 a cancelled session does not make leave lapse"
    );
}

/// A school for the app-level rows: T1, T3 (语文), T2 (数学); session 1
/// for everyone and session 2 for 语文 only, both 2025-10-15 15:30–16:30;
/// `gl` leads 语文 (teacher T1), `gl2` leads 数学 (teacher T2).
fn school(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("k.redb");
    let setup = when("2025-09-01T08:00");
    let mut app = accounts::init(&path, "office", setup).expect("init");
    for (id, group) in [("T1", "语文"), ("T2", "数学"), ("T3", "语文")] {
        app.add_teacher(
            Teacher {
                id: TeacherId(id.into()),
                group: group.into(),
                ..teacher()
            },
            setup,
        )
        .expect("teacher");
    }
    app.add_term(
        Term {
            id: term(2025, Season::Autumn),
            start: day("2025-09-01"),
            end: day("2026-01-20"),
        },
        setup,
    )
    .expect("term");
    app.add_session(session(0, "2025-10-15", "15:30", "16:30"), setup)
        .expect("session 1");
    app.add_session(
        Session {
            audience: Audience::Groups(vec!["语文".into()]),
            ..session(0, "2025-10-15", "15:30", "16:30")
        },
        setup,
    )
    .expect("session 2");
    for (name, t) in [("gl", "T1"), ("gl2", "T2")] {
        app.set_account(
            name,
            vec![peixun::core::Role::GroupLeader],
            Some(TeacherId(t.into())),
            setup,
        )
        .expect("account");
    }
    path
}

type Step = Box<dyn Fn(&mut App) -> Result<(), AppError>>;

/// K8, K9, K10 through the app layer: each row on a fresh copy of the school.
#[test]
fn k8_k9_k10_rolls_in_their_time_by_whom_and_times() {
    let dir = tempfile::tempdir().expect("dir");
    let template = school(dir.path());
    let first = |id: u32, who: &'static str, now: &'static str| -> Step {
        Box::new(move |a: &mut App| {
            a.answer(
                SessionId(id),
                Call::First,
                &[TeacherId(who.into())],
                when(now),
            )
        })
    };
    // (rule, account, steps, allowed)
    let rows: Vec<(&str, &str, Step, bool)> = vec![
        (
            "K8 opens 30 minutes before",
            "office",
            first(1, "T1", "2025-10-15T15:00"),
            true,
        ),
        (
            "K8 not a minute earlier",
            "office",
            first(1, "T1", "2025-10-15T14:59"),
            false,
        ),
        (
            "K8 nine days early (case 7)",
            "office",
            first(1, "T1", "2025-10-06T15:30"),
            false,
        ),
        (
            "K8 earlier with the office and a reason",
            "office",
            Box::new(|a: &mut App| {
                a.start_call_early(
                    SessionId(1),
                    Call::First,
                    "活动提前",
                    when("2025-10-06T15:30"),
                )
            }),
            true,
        ),
        (
            "K8 earlier needs a reason",
            "office",
            Box::new(|a: &mut App| {
                a.start_call_early(SessionId(1), Call::First, " ", when("2025-10-06T15:30"))
            }),
            false,
        ),
        (
            "K9 篇1 the group's leader runs its study",
            "gl",
            first(2, "T3", "2025-10-15T15:31"),
            true,
        ),
        (
            "K9 not another group's leader",
            "gl2",
            first(2, "T3", "2025-10-15T15:31"),
            false,
        ),
        (
            "K9 not a session for everyone",
            "gl",
            first(1, "T3", "2025-10-15T15:31"),
            false,
        ),
        (
            "K10 篇10 early leave before the end",
            "office",
            Box::new(|a: &mut App| {
                a.answer(
                    SessionId(1),
                    Call::First,
                    &[TeacherId("T1".into())],
                    when("2025-10-15T15:31"),
                )?;
                a.leave_early(
                    SessionId(1),
                    &TeacherId("T1".into()),
                    hm("16:29"),
                    when("2025-10-15T16:29"),
                )
            }),
            true,
        ),
        (
            "K10 leaving at the end is no early leave",
            "office",
            Box::new(|a: &mut App| {
                a.answer(
                    SessionId(1),
                    Call::First,
                    &[TeacherId("T1".into())],
                    when("2025-10-15T15:31"),
                )?;
                a.leave_early(
                    SessionId(1),
                    &TeacherId("T1".into()),
                    hm("16:30"),
                    when("2025-10-15T16:30"),
                )
            }),
            false,
        ),
        (
            "K10 arrival after the end (case 8)",
            "office",
            Box::new(|a: &mut App| {
                a.start_call(SessionId(1), Call::First, when("2025-10-15T15:31"))?;
                a.start_call(SessionId(1), Call::Second, when("2025-10-15T15:36"))?;
                a.arrive(
                    SessionId(1),
                    &TeacherId("T2".into()),
                    hm("16:45"),
                    when("2025-10-15T16:45"),
                )
            }),
            false,
        ),
        (
            "K10 a correction obeys the same times",
            "office",
            Box::new(|a: &mut App| {
                let f = RollFacts {
                    arrived: Some(hm("16:40")),
                    ..RollFacts::default()
                };
                a.correct_facts(
                    SessionId(1),
                    &TeacherId("T2".into()),
                    f,
                    "补记",
                    when("2025-10-16T09:00"),
                )
            }),
            false,
        ),
    ];
    for (i, (rule, who, step, allowed)) in rows.into_iter().enumerate() {
        let path = dir.path().join(format!("{i}.redb"));
        std::fs::copy(&template, &path).expect("copy");
        let mut app = App::open(&path, who, None, false).expect("open");
        let got = step(&mut app);
        assert_eq!(got.is_ok(), allowed, "{rule}: {got:?}");
        if let Err(e) = got {
            let msg = peixun::i18n::error(peixun::i18n::Lang::En, &e);
            if rule.starts_with("K10") {
                assert!(
                    msg.contains("15:30") && msg.contains("16:30"),
                    "{rule}: {msg}"
                );
            }
        }
    }
}
