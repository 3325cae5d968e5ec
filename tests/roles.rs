//! Every role against every command, through the app layer (where the
//! permission checks live, the same code both front ends call).
//!
//! One school is built once; each case runs on a fresh copy of its file, as
//! one account. An allowed command must succeed; a refused one must say
//! which role it needs (in both languages) and change nothing: the
//! database's generation and its history are exactly as before.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use peixun::app::leave::{LeaveFilter, LeaveRequest};
use peixun::app::roll::Call;
use peixun::app::{App, AppError, accounts};
use peixun::core::{
    AcademicYear, Audience, Cover, Credits, Evidence, LeaveId, LeaveKind, Period, Policy, Role,
    RollFacts, Session, SessionId, SessionKind, Teacher, TeacherId, Term, TermId,
};
use peixun::i18n::{self, Lang};
use peixun::store::Store;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn day(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("a date")
}

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("a time")
}

/// 2025-09-10, the day of sessions 1–3 (15:30–17:30), at h:m.
fn at(h: u32, m: u32) -> NaiveDateTime {
    day("2025-09-10").and_hms_opt(h, m, 0).expect("a time")
}

fn tid(s: &str) -> TeacherId {
    TeacherId(s.into())
}

/// The accounts of the school and the role each holds. `t1` is the teacher
/// T1's own account; `lt` leads the leadership group and is teacher T4;
/// `group` leads the 语文 teaching group and is teacher T4 too.
const ACCOUNTS: &[(&str, &[Role])] = &[
    ("office", &[Role::Office]),
    ("leader", &[Role::Leader]),
    ("school", &[Role::School]),
    ("group", &[Role::GroupLeader]),
    ("assess", &[Role::Assessment]),
    ("t1", &[Role::Teacher]),
];

const STAFF: &[&str] = &["office", "leader", "school", "group", "assess"];
const EVERYONE: &[&str] = &["office", "leader", "school", "group", "assess", "t1"];

/// The leave requests of the school, all pending, for session 4 (T2's
/// sick and official leave for sessions 6 and 7).
struct Leaves {
    /// T2's personal leave (note received): the leader decides.
    personal: LeaveId,
    /// T2's sick leave (certificate received): the school decides.
    sick: LeaveId,
    /// T2's official leave: the school decides.
    official: LeaveId,
    /// T1's own personal leave (note received).
    own: LeaveId,
    /// T4's personal leave; T4 is the leader `lt`.
    leaders_own: LeaveId,
}

/// A school: four teachers, a term, sessions 1 (roll not started), 2 (first
/// call, T3 answered), 3 (after the second call) on 2025-09-10 and session 4
/// on 2025-09-20, five pending leave requests and the accounts above.
fn build(path: &Path) -> Leaves {
    let now = at(15, 35);
    let mut app = accounts::init(path, "office", at(8, 0)).expect("init");
    for (id, name, group) in [
        ("T1", "张一", "语文"),
        ("T2", "李二", "数学"),
        ("T3", "王三", "英语"),
        ("T4", "曾四", "语文"),
    ] {
        app.add_teacher(
            Teacher {
                id: tid(id),
                name: name.into(),
                group: group.into(),
                grade: None,
                active_from: None,
                active_to: None,
                from_time: None,
                past_groups: Vec::new(),
            },
            at(8, 1),
        )
        .expect("teacher");
    }
    app.add_term(
        Term {
            id: TermId::parse("2025-autumn").expect("term"),
            start: day("2025-09-01"),
            end: day("2026-01-20"),
        },
        at(8, 2),
    )
    .expect("term");
    for d in ["2025-09-10", "2025-09-10", "2025-09-10", "2025-09-20"] {
        app.add_session(session(d), at(8, 3)).expect("session");
    }
    // Session 5: the 语文 group's weekly study (篇1: 由教研组长组织).
    app.add_session(
        Session {
            audience: Audience::Groups(vec!["语文".into()]),
            kind: SessionKind::WeeklyStudy,
            ..session("2025-09-10")
        },
        at(8, 3),
    )
    .expect("group session");
    // Sessions 6 to 8, on the day of session 4: one open request per
    // teacher and session, so T2's three requests and the cases' new ones
    // each have their own.
    for _ in 6..=8 {
        app.add_session(session("2025-09-20"), at(8, 3))
            .expect("session");
    }
    app.answer(SessionId(5), Call::First, &[tid("T1")], now)
        .expect("s5 first");
    app.answer(SessionId(2), Call::First, &[tid("T3")], now)
        .expect("s2 first");
    app.answer(SessionId(3), Call::First, &[tid("T3")], now)
        .expect("s3 first");
    app.start_call(SessionId(3), Call::Second, now)
        .expect("s3 second");
    app.end_second_call(SessionId(3), now).expect("s3 end");
    let mut ask = |t: &str, kind, note, certificate, session| {
        app.request_leave(request_for(t, kind, note, certificate, session), at(9, 0))
            .expect("leave")
    };
    let leaves = Leaves {
        personal: ask("T2", LeaveKind::Personal, true, false, 4),
        sick: ask("T2", LeaveKind::Sick, false, true, 6),
        official: ask("T2", LeaveKind::Official, false, false, 7),
        own: ask("T1", LeaveKind::Personal, true, false, 4),
        leaders_own: ask("T4", LeaveKind::Personal, true, false, 4),
    };
    for (name, roles) in ACCOUNTS {
        let teacher = match *name {
            "t1" => Some(tid("T1")),
            "group" => Some(tid("T4")),
            _ => None,
        };
        app.set_account(name, roles.to_vec(), teacher, at(9, 5))
            .expect("account");
    }
    app.set_account(
        "lt",
        vec![Role::Leader, Role::Teacher],
        Some(tid("T4")),
        at(9, 5),
    )
    .expect("account");
    leaves
}

fn session(date: &str) -> Session {
    Session {
        id: SessionId(0),
        date: day(date),
        start: hm("15:30"),
        end: hm("17:30"),
        title: "校本培训".into(),
        kind: SessionKind::SchoolTraining,
        credits: Credits::whole(1),
        presenter: None,
        host: None,
        recorder: None,
        audience: Audience::Everyone,
    }
}

/// A request for one session: a teacher has one open request per session.
fn request_for(
    t: &str,
    kind: LeaveKind,
    note: bool,
    certificate: bool,
    session: u32,
) -> LeaveRequest {
    LeaveRequest {
        teacher: tid(t),
        kind,
        cover: Cover::Sessions(vec![SessionId(session)]),
        reason: "家中有事".into(),
        evidence: Evidence {
            leave_note: note,
            hospital_certificate: certificate,
        },
        emergency: false,
    }
}

/// What a user could notice changed: the generation and the history.
fn state(path: &Path) -> (u64, usize) {
    let store = Store::open_read(path).expect("open");
    let r = store.read().expect("read");
    (
        r.generation().expect("generation"),
        r.history().expect("history").len(),
    )
}

type Run = Box<dyn Fn(&mut App) -> Result<(), AppError>>;

/// One command: its name, the accounts that may run it, and whether it
/// changes the database when it runs.
struct Case {
    name: &'static str,
    allowed: &'static [&'static str],
    writes: bool,
    run: Run,
}

fn case(
    name: &'static str,
    allowed: &'static [&'static str],
    writes: bool,
    run: impl Fn(&mut App) -> Result<(), AppError> + 'static,
) -> Case {
    Case {
        name,
        allowed,
        writes,
        run: Box::new(run),
    }
}

fn now() -> NaiveDateTime {
    at(15, 45)
}

fn cases(l: &Leaves) -> Vec<Case> {
    let (personal, sick, official, own) = (l.personal, l.sick, l.official, l.own);
    vec![
        case("teacher add", &["office"], true, |a| {
            a.add_teacher(
                Teacher {
                    id: tid("T9"),
                    name: "钱九".into(),
                    group: "物理".into(),
                    grade: None,
                    active_from: None,
                    active_to: None,
                    from_time: None,
                    past_groups: Vec::new(),
                },
                now(),
            )
        }),
        case("teacher list", STAFF, false, move |a| {
            a.teachers().map(|_| ())
        }),
        case("term list", EVERYONE, false, |a| a.terms().map(|_| ())),
        case("term add", &["office"], true, |a| {
            a.add_term(
                Term {
                    id: TermId::parse("2025-spring").expect("term"),
                    start: day("2026-02-20"),
                    end: day("2026-07-10"),
                },
                now(),
            )
            .map(|_| ())
        }),
        case("session list", EVERYONE, false, |a| {
            a.sessions().map(|_| ())
        }),
        case("session add", &["office"], true, |a| {
            a.add_session(session("2025-10-10"), now()).map(|_| ())
        }),
        case("roll status", EVERYONE, false, |a| {
            a.roll_view(SessionId(2)).map(|_| ())
        }),
        case("roll first", &["office"], true, |a| {
            a.answer(SessionId(1), Call::First, &[tid("T1")], now())
        }),
        case("roll second", &["office"], true, |a| {
            a.answer(SessionId(2), Call::Second, &[tid("T1")], now())
        }),
        case("roll end-second", &["office"], true, |a| {
            a.start_call(SessionId(2), Call::Second, now())?;
            a.end_second_call(SessionId(2), now())
        }),
        case("roll arrive", &["office"], true, |a| {
            a.arrive(SessionId(3), &tid("T4"), hm("15:40"), now())
        }),
        case("roll leave", &["office"], true, |a| {
            a.leave_early(SessionId(2), &tid("T3"), hm("15:44"), now())
        }),
        case("roll close", &["office"], true, |a| {
            a.close_roll(SessionId(3), now()).map(|_| ())
        }),
        case("roll undo", &["office"], true, |a| {
            a.undo_step(SessionId(2), now()).map(|_| ())
        }),
        // Issue 14: the group's leader runs the roll of their group's
        // session; excusing an early leave is the office's, the leadership
        // group leader's, or that group leader's; the rest is the office's.
        case("roll first (group's)", &["office", "group"], true, |a| {
            a.answer(SessionId(5), Call::First, &[tid("T4")], now())
        }),
        case("roll close (group's)", &["office", "group"], true, |a| {
            a.start_call(SessionId(5), Call::Second, now())?;
            a.end_second_call(SessionId(5), now())?;
            a.close_roll(SessionId(5), now()).map(|_| ())
        }),
        case(
            "roll excuse (group's)",
            &["office", "leader", "group"],
            true,
            |a| {
                a.excuse_early_leave(
                    SessionId(5),
                    &tid("T1"),
                    Some(hm("15:40")),
                    "学生急诊",
                    now(),
                )
            },
        ),
        case("roll excuse", &["office", "leader"], true, |a| {
            a.excuse_early_leave(
                SessionId(2),
                &tid("T3"),
                Some(hm("15:40")),
                "学生急诊",
                now(),
            )
        }),
        case("roll reopen", &["office"], true, |a| {
            a.close_roll(SessionId(3), now())?;
            a.reopen_roll(SessionId(3), "漏记迟到", now())
        }),
        case("roll first early", &["office"], true, |a| {
            a.start_call_early(SessionId(4), Call::First, "活动提前", now())
        }),
        case("session edit", &["office"], true, |a| {
            let edit = peixun::app::calendar::SessionEdit {
                title: Some("师德培训".into()),
                ..Default::default()
            };
            a.edit_session(SessionId(4), edit, None, now())
        }),
        case("session move", &["office"], true, |a| {
            a.move_session(
                SessionId(4),
                day("2025-09-21"),
                hm("15:30"),
                hm("17:30"),
                "国庆调休",
                now(),
            )
        }),
        case("session cancel", &["office"], true, |a| {
            a.cancel_session(SessionId(4), "考试周", now())
        }),
        case("teacher edit", &["office"], true, |a| {
            let edit = peixun::app::calendar::TeacherEdit {
                group: Some("物理".into()),
                ..Default::default()
            };
            a.edit_teacher(&tid("T2"), edit, now())
        }),
        case("teacher leave", &["office"], true, |a| {
            a.teacher_leaves(&tid("T2"), day("2025-12-31"), Some("调离"), now())
        }),
        case("roll correct", &["office"], true, |a| {
            let facts = RollFacts {
                first_call: true,
                ..RollFacts::default()
            };
            a.correct_facts(SessionId(2), &tid("T4"), facts, "漏记", now())
        }),
        case("leave request (own, T1)", &["office", "t1"], true, |a| {
            a.request_leave(request_for("T1", LeaveKind::Sick, false, false, 8), now())
                .map(|_| ())
        }),
        case("leave request (T2's)", &["office"], true, |a| {
            a.request_leave(
                request_for("T2", LeaveKind::Personal, false, false, 8),
                now(),
            )
            .map(|_| ())
        }),
        case("leave list", EVERYONE, false, |a| {
            a.leaves(LeaveFilter::All).map(|_| ())
        }),
        case("approve personal", &["leader"], true, move |a| {
            a.approve_leave(personal, "", now())
        }),
        case("reject personal", &["leader"], true, move |a| {
            a.reject_leave(personal, "不批", now())
        }),
        case("approve sick", &["school"], true, move |a| {
            a.approve_leave(sick, "", now())
        }),
        case("reject sick", &["school"], true, move |a| {
            a.reject_leave(sick, "不批", now())
        }),
        case("approve official", &["school"], true, move |a| {
            a.approve_leave(official, "", now())
        }),
        case("reject official", &["school"], true, move |a| {
            a.reject_leave(official, "不批", now())
        }),
        // T1's own request: the leader decides it, never T1.
        case("approve T1's own", &["leader"], true, move |a| {
            a.approve_leave(own, "", now())
        }),
        case("withdraw T2's", &["office"], true, move |a| {
            a.withdraw_leave(personal, now())
        }),
        case("withdraw own (T1)", &["office", "t1"], true, move |a| {
            a.withdraw_leave(own, now())
        }),
        case("evidence personal", &["office", "leader"], true, move |a| {
            a.set_evidence(personal, Evidence::default(), now())
        }),
        case("evidence sick", &["office", "school"], true, move |a| {
            a.set_evidence(sick, Evidence::default(), now())
        }),
        case("lookup", EVERYONE, false, |a| a.lookup("T1").map(|_| ())),
        case("standings", EVERYONE, false, |a| {
            a.standings(Period::Year(AcademicYear(2025)), day("2025-09-10"))
                .map(|_| ())
        }),
        case("record (own, T1)", EVERYONE, false, |a| {
            a.record(&tid("T1")).map(|_| ())
        }),
        case("record (T2's)", STAFF, false, |a| {
            a.record(&tid("T2")).map(|_| ())
        }),
        case("history", EVERYONE, false, |a| {
            a.history(None, None).map(|_| ())
        }),
        case("account set", &["office"], true, |a| {
            a.set_account("new", vec![Role::Assessment], None, now())
        }),
        case("account list", &["office"], false, |a| {
            a.accounts().map(|_| ())
        }),
        case("policy show", EVERYONE, false, |a| a.policy().map(|_| ())),
        case("policy set", &["office"], true, |a| {
            let p = Policy {
                credits_per_year: 36,
                ..Policy::default()
            };
            a.set_policy(p, now())
        }),
    ]
}

/// The template school, built once per test, and where copies go.
struct School {
    dir: TempDir,
    template: PathBuf,
    leaves: Leaves,
}

impl School {
    fn new() -> School {
        let dir = tempfile::tempdir().expect("temporary directory");
        let template = dir.path().join("school.redb");
        let leaves = build(&template);
        School {
            dir,
            template,
            leaves,
        }
    }

    /// A fresh copy of the school.
    fn copy(&self, name: &str) -> PathBuf {
        let path = self.dir.path().join(format!("{name}.redb"));
        std::fs::copy(&self.template, &path).expect("copy");
        path
    }
}

#[test]
fn every_role_against_every_command() {
    let school = School::new();
    let mut failures = Vec::new();
    let mut grid = String::new();
    for (i, c) in cases(&school.leaves).iter().enumerate() {
        grid.push_str(&format!("{:<26}", c.name));
        for (name, roles) in ACCOUNTS {
            let path = school.copy(&format!("{i}-{name}"));
            let before = state(&path);
            let mut app = App::open(&path, name, None, false).expect("open as account");
            let result = (c.run)(&mut app);
            drop(app);
            let after = state(&path);
            let allowed = c.allowed.contains(name);
            grid.push_str(if result.is_ok() { " ok " } else { " -- " });
            let tag = format!("{} as {name}", c.name);
            match (&result, allowed) {
                (Ok(()), true) => {
                    if c.writes && after.0 == before.0 {
                        failures.push(format!("{tag}: allowed but changed nothing"));
                    }
                    if c.writes && after.1 <= before.1 {
                        failures.push(format!("{tag}: changed without a history entry"));
                    }
                    if !c.writes && after != before {
                        failures.push(format!("{tag}: a read changed the database"));
                    }
                }
                (Err(e), true) => failures.push(format!("{tag}: refused: {e}")),
                (Ok(()), false) => failures.push(format!("{tag}: should be refused")),
                (Err(e @ AppError::Forbidden { needs, .. }), false) => {
                    if after != before {
                        failures.push(format!("{tag}: refused but changed the database"));
                    }
                    if needs.iter().any(|r| roles.contains(r)) {
                        failures.push(format!("{tag}: refused though it holds {needs:?}"));
                    }
                    // The message names every role that would do, in both languages.
                    for lang in [Lang::Zh, Lang::En] {
                        let msg = i18n::error(lang, e);
                        for r in needs {
                            if !msg.contains(i18n::role(lang, *r)) {
                                failures.push(format!("{tag}: `{msg}` does not name {r:?}"));
                            }
                        }
                        let nothing = lang.t("未做任何更改", "nothing was changed");
                        if !msg.contains(nothing) {
                            failures.push(format!("{tag}: `{msg}` does not say {nothing}"));
                        }
                    }
                }
                // A teacher filing for another is told the true reason,
                // which names the role that may (issue 27).
                (Err(e @ AppError::LeaveForOthers), false) => {
                    if after != before {
                        failures.push(format!("{tag}: refused but changed the database"));
                    }
                    for lang in [Lang::Zh, Lang::En] {
                        let msg = i18n::error(lang, e);
                        let office = i18n::role(lang, Role::Office);
                        let nothing = lang.t("未做任何更改", "nothing was changed");
                        if !msg.contains(office) || !msg.contains(nothing) {
                            failures.push(format!("{tag}: `{msg}`"));
                        }
                    }
                }
                (Err(e), false) => {
                    failures.push(format!("{tag}: refused, but not for a role: {e}"))
                }
            }
        }
        grid.push('\n');
    }
    println!("{:<26} office leader school group assess t1\n{grid}", "");
    assert!(failures.is_empty(), "{}\n\n{grid}", failures.join("\n"));
}

#[test]
fn nobody_decides_their_own_leave() {
    let school = School::new();
    let l = &school.leaves;
    // T1's account holds no deciding role at all.
    let path = school.copy("t1");
    let before = state(&path);
    let mut t1 = App::open(&path, "t1", None, false).expect("open");
    for r in [
        t1.approve_leave(l.own, "", now()),
        t1.reject_leave(l.own, "x", now()),
    ] {
        assert!(matches!(r, Err(AppError::Forbidden { .. })), "{r:?}");
    }
    drop(t1);
    assert_eq!(state(&path), before);
    // The leader who is teacher T4 decides others' personal leave, not
    // their own.
    let mut lt = App::open(&path, "lt", None, false).expect("open");
    let e = lt
        .approve_leave(l.leaders_own, "", now())
        .expect_err("own leave approved");
    assert!(matches!(e, AppError::OwnLeave { .. }), "{e:?}");
    let msg = i18n::error(Lang::En, &e);
    assert!(msg.contains("own leave"), "{msg}");
    let msg = i18n::error(Lang::Zh, &e);
    assert!(msg.contains("本人的请假") && msg.contains("批准"), "{msg}");
    let e = lt
        .reject_leave(l.leaders_own, "x", now())
        .expect_err("own leave rejected");
    assert!(i18n::error(Lang::Zh, &e).contains("未做任何更改"));
    drop(lt);
    assert_eq!(state(&path), before);
    let mut lt = App::open(&path, "lt", None, false).expect("open");
    lt.approve_leave(l.own, "同意", now())
        .expect("the leader approves T1's leave");
}

#[test]
fn a_teacher_sees_only_their_own() {
    let school = School::new();
    let path = school.copy("see");
    let t1 = App::open(&path, "t1", None, false).expect("open");
    let mine = Some(tid("T1"));
    let found = t1.lookup("T1").expect("lookup");
    assert_eq!(
        found.iter().map(|t| &t.id).collect::<Vec<_>>(),
        [&tid("T1")]
    );
    assert!(t1.lookup("T2").expect("lookup").is_empty());
    assert!(t1.lookup("李二").expect("lookup").is_empty());
    let rows = t1
        .standings(Period::Year(AcademicYear(2025)), day("2025-09-10"))
        .expect("standings");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].teacher.id, tid("T1"));
    let roll = t1.roll_view(SessionId(2)).expect("roll");
    assert_eq!(roll.lines.len(), 1, "a teacher sees only their own line");
    assert_eq!(roll.lines[0].teacher.id, tid("T1"));
    let leaves = t1.leaves(LeaveFilter::All).expect("leaves");
    assert!(!leaves.is_empty() && leaves.iter().all(|x| x.teacher == tid("T1")));
    let history = t1.history(None, None).expect("history");
    assert!(!history.is_empty() && history.iter().all(|e| e.teacher == mine));
    // The office sees everyone.
    let office = App::open(&path, "office", None, false).expect("open");
    assert_eq!(office.roll_view(SessionId(2)).expect("roll").lines.len(), 4);
    assert_eq!(office.lookup("李二").expect("lookup").len(), 1);
    assert!(office.history(None, None).expect("history").len() > history.len());
}

#[test]
fn the_history_of_a_correction_keeps_the_old_value_and_the_reason() {
    let school = School::new();
    let path = school.copy("fix");
    let mut office = App::open(&path, "office", None, false).expect("open");
    // T3 answered the first call at session 2; the office corrects that
    // to a late arrival at 15:50.
    let fixed = RollFacts {
        arrived: Some(hm("15:50")),
        ..RollFacts::default()
    };
    office
        .correct_facts(SessionId(2), &tid("T3"), fixed, "其实迟到了", now())
        .expect("correction");
    let history = office
        .history(Some(&tid("T3")), Some(SessionId(2)))
        .expect("history");
    let last = history.last().expect("an entry");
    assert_eq!(last.action, "roll.correct");
    assert_eq!(last.who, "office");
    assert_eq!(last.at, now());
    assert_eq!(last.reason.as_deref(), Some("其实迟到了"));
    let before = last.before.as_deref().unwrap_or_default();
    let after = last.after.as_deref().unwrap_or_default();
    assert!(before.contains("\"first_call\":true"), "{before}");
    assert!(after.contains("\"first_call\":false"), "{after}");
    assert!(after.contains("15:50"), "{after}");
    // A correction needs a reason; without one it changes nothing.
    let was = state(&path);
    drop(office);
    let mut office = App::open(&path, "office", None, false).expect("open");
    let e = office
        .correct_facts(SessionId(2), &tid("T3"), RollFacts::default(), " ", now())
        .expect_err("a correction without a reason");
    assert!(
        matches!(
            e,
            AppError::Invalid {
                field: peixun::app::FieldName::Reason,
                ..
            }
        ),
        "{e:?}"
    );
    drop(office);
    assert_eq!(state(&path), was);
}
