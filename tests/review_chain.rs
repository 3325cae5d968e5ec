//! The review chain of credit entries under any sequence of actions (issue
//! 20): whatever anyone does in whatever order (submit, pass, send back,
//! reject, withdraw, revoke, remove, by any account, allowed or not), every
//! entry ends confirmed, rejected, withdrawn or removed, or waits for
//! someone who exists and is allowed to act on it: its teacher (or the
//! office) for a registered or sent-back entry, else a reviewer whose
//! waiting list shows it. Run through the app layer, as both front ends do.

use chrono::{NaiveDate, NaiveDateTime};
use peixun::app::App;
use peixun::app::accounts::init;
use peixun::app::assessment::{CreditEntry, CreditFilter};
use peixun::core::{CreditId, CreditStage, Credits, Role, Teacher, TeacherId, Term, TermId};
use proptest::prelude::*;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 11, 20)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a date")
}

fn tid(s: &str) -> TeacherId {
    TeacherId(s.to_string())
}

/// Who the group leader account is: the leader of 语文 who is teacher T2,
/// an account of no teacher (reviews every group), or none at all.
#[derive(Debug, Clone, Copy)]
enum Leader {
    TeacherT2,
    Unlinked,
    Nobody,
}

/// One action: which account, on which entry, doing what.
#[derive(Debug, Clone, Copy)]
struct Step {
    who: usize,
    entry: usize,
    what: u8,
}

const ACCOUNTS: [&str; 6] = ["office", "t1", "t2", "t3", "gl", "team"];

fn school(dir: &std::path::Path, leader: Leader, team_is_t3: bool) -> std::path::PathBuf {
    let path = dir.join("p.redb");
    let mut office = init(&path, "office", now()).expect("init");
    for (id, group) in [("T1", "语文"), ("T2", "语文"), ("T3", "数学")] {
        office
            .add_teacher(
                Teacher {
                    id: tid(id),
                    name: format!("教师{id}"),
                    group: group.into(),
                    grade: None,
                    active_from: None,
                    active_to: None,
                    from_time: None,
                    past_groups: Vec::new(),
                },
                now(),
            )
            .expect("teacher");
    }
    office
        .add_term(
            Term {
                id: TermId::parse("2025-autumn").expect("term"),
                start: NaiveDate::from_ymd_opt(2025, 9, 1).expect("date"),
                end: NaiveDate::from_ymd_opt(2026, 1, 20).expect("date"),
            },
            now(),
        )
        .expect("term");
    let set = |office: &mut App, name: &str, roles: Vec<Role>, t: Option<&str>| {
        office
            .set_account(name, roles, t.map(tid), now())
            .expect("account");
    };
    set(&mut office, "t1", vec![Role::Teacher], Some("T1"));
    set(&mut office, "t3", vec![Role::Teacher], Some("T3"));
    match leader {
        Leader::TeacherT2 => {
            set(
                &mut office,
                "t2",
                vec![Role::Teacher, Role::GroupLeader],
                Some("T2"),
            );
        }
        Leader::Unlinked => {
            set(&mut office, "t2", vec![Role::Teacher], Some("T2"));
            set(&mut office, "gl", vec![Role::GroupLeader], None);
        }
        Leader::Nobody => set(&mut office, "t2", vec![Role::Teacher], Some("T2")),
    }
    if team_is_t3 {
        // The team has a teacher among its members, and another who is not.
        set(
            &mut office,
            "t3",
            vec![Role::Teacher, Role::Assessment],
            Some("T3"),
        );
    }
    set(&mut office, "team", vec![Role::Assessment], None);
    for (i, t) in ["T1", "T2", "T3"].into_iter().enumerate() {
        office
            .add_credit(
                CreditEntry {
                    teacher: tid(t),
                    date: NaiveDate::from_ymd_opt(2025, 10, 1 + i as u32).expect("date"),
                    title: "培训".into(),
                    organiser: String::new(),
                    credits: Credits::whole(2),
                    card: format!("C-{i}"),
                    year: None,
                },
                now(),
            )
            .expect("credit");
    }
    path
}

fn act(app: &mut App, id: CreditId, what: u8) {
    let at = now();
    // Refusals are part of the game: only the end state is checked.
    let _ = match what % 8 {
        0 | 1 => app.self_assess_credit(id, "", at),
        2 | 3 => app.pass_credit(id, "", at),
        4 => app.return_credit(id, "再核对", at),
        5 => app.reject_credit(id, "不属实", at),
        6 => app.withdraw_credit(id, at),
        _ => app.revoke_credit(id, "复核", at),
    };
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_entry_ends_settled_or_waiting_for_someone_allowed(
        leader in prop_oneof![Just(Leader::TeacherT2), Just(Leader::Unlinked), Just(Leader::Nobody)],
        team_is_t3 in any::<bool>(),
        steps in proptest::collection::vec(
            (0usize..ACCOUNTS.len(), 0usize..3, any::<u8>())
                .prop_map(|(who, entry, what)| Step { who, entry, what }),
            0..40,
        ),
    ) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = school(dir.path(), leader, team_is_t3);
        let open = |name: &str| App::open(&path, name, None, false).ok();
        for s in &steps {
            if let Some(mut app) = open(ACCOUNTS[s.who]) {
                act(&mut app, CreditId(s.entry as u32 + 1), s.what);
            }
        }
        let office = open("office").expect("the office");
        for c in office.credits(CreditFilter::All, None).expect("entries") {
            let settled = matches!(
                c.stage,
                CreditStage::Confirmed
                    | CreditStage::Rejected
                    | CreditStage::Withdrawn
                    | CreditStage::Removed
            );
            let with_teacher = matches!(c.stage, CreditStage::Registered | CreditStage::Returned);
            let reviewer = ACCOUNTS.iter().filter_map(|a| open(a)).any(|app| {
                app.credits(CreditFilter::Waiting, None)
                    .expect("waiting")
                    .iter()
                    .any(|w| w.id == c.id)
            });
            prop_assert!(
                settled || with_teacher || reviewer,
                "entry {} of {} is {:?} and nobody may act on it ({leader:?}, team_is_t3 {team_is_t3})",
                c.id, c.teacher, c.stage
            );
            // Whoever's list shows it may really act: the pass goes through.
            if reviewer && !with_teacher {
                let name = ACCOUNTS
                    .iter()
                    .find(|a| {
                        open(a).is_some_and(|app| {
                            app.credits(CreditFilter::Waiting, None)
                                .expect("waiting")
                                .iter()
                                .any(|w| w.id == c.id)
                        })
                    })
                    .expect("a reviewer");
                let mut app = open(name).expect("reviewer");
                prop_assert!(app.pass_credit(c.id, "", now()).is_ok(), "{name} may not pass {}", c.id);
            }
        }
    }
}
