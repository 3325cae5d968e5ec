//! The rules of the scoring module, one table row per rule, each naming the
//! regulation (篇N of the seed text) it comes from. See docs/rules.md.
//!
//! Also: standings judged under the default policy, the policy file reader,
//! and a check that `src/core` stays pure (std, chrono and serde only).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use peixun::core::Role;
use peixun::core::policy::{LeaveRules, Points};
use peixun::core::{
    AcademicYear, Audience, Category, Cover, Credits, Evidence, Leave, LeaveId, LeaveKind,
    LeaveStatus, Outcome, Period, Policy, Reason, RollFacts, RollState, Season, Session, SessionId,
    SessionKind, Standing, Tally, Teacher, TeacherId, TermId, outcome,
};
use peixun::policy_file::{self, PolicyError};

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

type Ymd = (i32, u32, u32);

/// Every category row is about one session on this day, 15:30–16:30.
const SESSION_DAY: Ymd = (2025, 10, 15);
const SESSION_ID: u32 = 7;

fn day((y, m, d): Ymd) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn hm((h, m): (u32, u32)) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

fn at(date: Ymd, time: (u32, u32)) -> NaiveDateTime {
    day(date).and_time(hm(time))
}

/// Who the session is for, seen from the teacher (a 语文 teacher).
#[derive(Clone, Copy, Debug)]
enum Aud {
    Everyone,
    /// `Audience::Groups` that lists the teacher's group among others.
    OwnGroup,
    /// `Audience::Groups` that does not list the teacher's group.
    OtherGroup,
}

/// What a leave covers, seen from the session.
#[derive(Clone, Copy, Debug)]
enum Cov {
    /// `Cover::Dates` from two days before to the session day (inclusive).
    Dates,
    /// `Cover::Sessions` listing this session.
    ThisSession,
    /// `Cover::Dates` starting the day after the session.
    LaterDates,
    /// `Cover::Sessions` listing another session only.
    OtherSession,
}

#[derive(Clone, Copy, Debug)]
struct L {
    kind: LeaveKind,
    status: LeaveStatus,
    cover: Cov,
    /// The leave is the teacher's own; otherwise a colleague's.
    own: bool,
}

const fn lv(kind: LeaveKind, status: LeaveStatus, cover: Cov) -> L {
    L {
        kind,
        status,
        cover,
        own: true,
    }
}

use LeaveKind::{Official, Personal, Sick};
use LeaveStatus::{Approved, Pending, Rejected, Withdrawn};

fn session(aud: Aud) -> Session {
    Session {
        id: SessionId(SESSION_ID),
        date: day(SESSION_DAY),
        start: hm((15, 30)),
        end: hm((16, 30)),
        title: "业务学习".into(),
        kind: SessionKind::WeeklyStudy,
        credits: Credits::whole(2),
        presenter: None,
        host: None,
        recorder: None,
        audience: match aud {
            Aud::Everyone => Audience::Everyone,
            Aud::OwnGroup => Audience::Groups(vec!["数学".into(), "语文".into()]),
            Aud::OtherGroup => Audience::Groups(vec!["数学".into(), "英语".into()]),
        },
    }
}

fn teacher(active: (Option<Ymd>, Option<Ymd>)) -> Teacher {
    Teacher {
        id: TeacherId("T001".into()),
        name: "王老师".into(),
        group: "语文".into(),
        grade: Some("七年级".into()),
        active_from: active.0.map(day),
        active_to: active.1.map(day),
        from_time: None,
        past_groups: Vec::new(),
    }
}

fn leave(n: u32, spec: L) -> Leave {
    let cover = match spec.cover {
        Cov::Dates => Cover::Dates {
            from: day((2025, 10, 13)),
            to: day(SESSION_DAY),
        },
        Cov::ThisSession => Cover::Sessions(vec![SessionId(3), SessionId(SESSION_ID)]),
        Cov::LaterDates => Cover::Dates {
            from: day((2025, 10, 16)),
            to: day((2025, 10, 20)),
        },
        Cov::OtherSession => Cover::Sessions(vec![SessionId(SESSION_ID + 1)]),
    };
    let decided = !matches!(spec.status, Pending);
    Leave {
        id: LeaveId(n),
        teacher: TeacherId(if spec.own { "T001" } else { "T002" }.into()),
        kind: spec.kind,
        cover,
        reason: "测试".into(),
        evidence: Evidence {
            leave_note: true,
            hospital_certificate: spec.kind == Sick,
        },
        emergency: false,
        status: spec.status,
        requested_by: "T001".into(),
        requested_at: at((2025, 10, 10), (9, 0)),
        decided_by: decided.then(|| "校长".to_string()),
        decided_at: decided.then(|| at((2025, 10, 11), (9, 0))),
        comment: String::new(),
    }
}

// ---------------------------------------------------------------------------
// The category table: one row per rule of `core::category::outcome`
// ---------------------------------------------------------------------------

struct Row {
    rule: &'static str,
    first_call: bool,
    second_call: bool,
    arrived: Option<(u32, u32)>,
    left_early: Option<(u32, u32)>,
    roll: RollState,
    leaves: &'static [L],
    audience: Aud,
    active: (Option<Ymd>, Option<Ymd>),
    category: Category,
    also_left_early: bool,
    /// Points the session scores under `Policy::default()`.
    points: i32,
}

/// A teacher in the audience, at the school, not seen, no leave, roll closed.
const BASE: Row = Row {
    rule: "",
    first_call: false,
    second_call: false,
    arrived: None,
    left_early: None,
    roll: RollState::Closed,
    leaves: &[],
    audience: Aud::Everyone,
    active: (None, None),
    category: Category::Absent,
    also_left_early: false,
    points: -3,
};

const ROWS: &[Row] = &[
    // --- roll call (点名) -------------------------------------------------
    Row {
        rule: "篇4/篇7/篇10 考勤: 第一次点名应到者, 记出勤",
        first_call: true,
        category: Category::Present,
        points: 2,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 考勤: 第一次点名应到者, 点名未结束时即记出勤",
        first_call: true,
        roll: RollState::FirstCall,
        category: Category::Present,
        points: 2,
        ..BASE
    },
    Row {
        rule: "篇4/篇7: 第二次点名时到者不算迟到 (两次点名后未到者才记迟到), 记出勤",
        second_call: true,
        category: Category::Present,
        points: 2,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10: 两次点名后未到者, 记迟到一次",
        arrived: Some((15, 50)),
        category: Category::Late,
        points: 1,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10: 两次点名后未到者, 记迟到一次 (点名尚未关闭亦然)",
        arrived: Some((15, 50)),
        roll: RollState::AfterSecondCall,
        category: Category::Late,
        points: 1,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10: 学习中提前退场者, 记早退一次",
        first_call: true,
        left_early: Some((16, 0)),
        category: Category::EarlyLeave,
        points: 1,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10: 第二次点名到、提前退场者, 记早退一次",
        second_call: true,
        left_early: Some((16, 0)),
        category: Category::EarlyLeave,
        points: 1,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10: 迟到又早退者, 迟到、早退各记一次",
        arrived: Some((15, 50)),
        left_early: Some((16, 10)),
        category: Category::Late,
        also_left_early: true,
        points: 0,
        ..BASE
    },
    // --- leave (请假) ------------------------------------------------------
    Row {
        rule: "篇4/篇7/篇10 ①: 凡因公事(含产假)请假, 记公假; 公假不记入奖惩范围",
        leaves: &[lv(Official, Approved, Cov::Dates)],
        category: Category::OfficialLeave,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ②: 请假条经校本培训领导组组长同意后, 记事假一次",
        leaves: &[lv(Personal, Approved, Cov::ThisSession)],
        category: Category::PersonalLeave,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ③: 持医院证明并出具书面申请, 经学校同意后, 记病假一次",
        leaves: &[lv(Sick, Approved, Cov::Dates)],
        category: Category::SickLeave,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ②: 已批准的请假, 点名未结束时即记事假 (不记待定)",
        roll: RollState::SecondCall,
        leaves: &[lv(Personal, Approved, Cov::ThisSession)],
        category: Category::PersonalLeave,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ⑥: 假期不含本次培训者, 无故缺席记旷工一次",
        leaves: &[
            lv(Official, Approved, Cov::LaterDates),
            lv(Sick, Approved, Cov::OtherSession),
        ],
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ⑥: 他人的请假不能免除本人旷工",
        leaves: &[L {
            kind: Official,
            status: Approved,
            cover: Cov::Dates,
            own: false,
        }],
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ⑥: 请假待审批, 点名结束仍未到者, 记旷工 (批准后改记)",
        leaves: &[lv(Personal, Pending, Cov::ThisSession)],
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ⑥: 请假被驳回, 无故缺席者记旷工一次",
        leaves: &[lv(Sick, Rejected, Cov::Dates)],
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ⑥: 请假已撤回, 无故缺席者记旷工一次",
        leaves: &[lv(Official, Withdrawn, Cov::Dates)],
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ⑥: 无故缺席不参加培训学习者, 缺席一次记旷工一次",
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ③: 急诊病假事后补批前, 点名结束仍记旷工",
        leaves: &[lv(Sick, Pending, Cov::Dates)],
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ③: 特殊情况(如急诊)事后补批病假, 旷工改记病假",
        leaves: &[lv(Sick, Approved, Cov::Dates)],
        category: Category::SickLeave,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10: 已请假仍到场者, 按点名记 (出勤)",
        first_call: true,
        leaves: &[lv(Personal, Approved, Cov::ThisSession)],
        category: Category::Present,
        points: 2,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10: 已请公假仍迟到者, 按点名记迟到",
        arrived: Some((16, 0)),
        leaves: &[lv(Official, Approved, Cov::Dates)],
        category: Category::Late,
        points: 1,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10: 已请病假、到场后提前退场者, 按点名记早退",
        first_call: true,
        left_early: Some((15, 45)),
        leaves: &[lv(Sick, Approved, Cov::Dates)],
        category: Category::EarlyLeave,
        points: 1,
        ..BASE
    },
    // --- several leaves: the kindest wins -----------------------------------
    Row {
        rule: "篇4/篇7/篇10 ①: 公假与事假并存, 记公假 (不记入奖惩范围, 对教师最宽)",
        leaves: &[
            lv(Personal, Approved, Cov::ThisSession),
            lv(Official, Approved, Cov::Dates),
        ],
        category: Category::OfficialLeave,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ①③: 公假与病假并存, 记公假",
        leaves: &[
            lv(Sick, Approved, Cov::Dates),
            lv(Official, Approved, Cov::ThisSession),
        ],
        category: Category::OfficialLeave,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ②③: 事假与病假并存, 记病假",
        leaves: &[
            lv(Personal, Approved, Cov::Dates),
            lv(Sick, Approved, Cov::ThisSession),
        ],
        category: Category::SickLeave,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇4/篇7/篇10 ①②③: 仅已批准者计入, 待批公假不胜过已批事假",
        leaves: &[
            lv(Official, Pending, Cov::Dates),
            lv(Sick, Rejected, Cov::Dates),
            lv(Personal, Approved, Cov::Dates),
        ],
        category: Category::PersonalLeave,
        points: 0,
        ..BASE
    },
    // --- roll still open (本系统: 点名未结束) --------------------------------
    Row {
        rule: "本系统(篇4 两次点名): 尚未点名、未见到者, 暂记待定",
        roll: RollState::NotStarted,
        category: Category::Pending,
        points: 0,
        ..BASE
    },
    Row {
        rule: "本系统(issue 25): 已批准的请假, 活动尚未开始点名, 暂记待定(不计入)",
        roll: RollState::NotStarted,
        leaves: &[lv(Personal, Approved, Cov::Dates)],
        category: Category::Pending,
        points: 0,
        ..BASE
    },
    Row {
        rule: "本系统(篇4 两次点名): 第一次点名中未到者, 暂记待定",
        roll: RollState::FirstCall,
        category: Category::Pending,
        points: 0,
        ..BASE
    },
    Row {
        rule: "本系统(篇4 两次点名): 第二次点名中未到者, 暂记待定",
        roll: RollState::SecondCall,
        category: Category::Pending,
        points: 0,
        ..BASE
    },
    Row {
        rule: "本系统(篇4 两次点名): 两次点名后未到、点名未关闭, 可能迟到, 暂记待定",
        roll: RollState::AfterSecondCall,
        leaves: &[lv(Sick, Pending, Cov::Dates)],
        category: Category::Pending,
        points: 0,
        ..BASE
    },
    // --- who must attend (本系统: 培训对象) ----------------------------------
    Row {
        rule: "篇1(培训方案定对象): 本教研组在培训对象之列, 缺席记旷工",
        audience: Aud::OwnGroup,
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "篇1(培训方案定对象): 非本次培训对象, 不计考勤",
        audience: Aud::OtherGroup,
        category: Category::NotRequired,
        points: 0,
        ..BASE
    },
    Row {
        rule: "篇1(培训方案定对象): 非本次培训对象, 到场亦不计考勤",
        audience: Aud::OtherGroup,
        first_call: true,
        category: Category::NotRequired,
        points: 0,
        ..BASE
    },
    Row {
        rule: "本系统: 入职 (active_from) 之前的培训不计考勤",
        active: (Some((2025, 10, 16)), None),
        category: Category::NotRequired,
        points: 0,
        ..BASE
    },
    Row {
        rule: "本系统: 入职当天的培训计考勤",
        active: (Some(SESSION_DAY), None),
        category: Category::Absent,
        points: -3,
        ..BASE
    },
    Row {
        rule: "本系统: 离校 (active_to) 之后的培训不计考勤",
        active: (Some((2025, 9, 1)), Some((2025, 10, 14))),
        category: Category::NotRequired,
        points: 0,
        ..BASE
    },
    Row {
        rule: "本系统: 离校当天的培训计考勤",
        active: (None, Some(SESSION_DAY)),
        first_call: true,
        category: Category::Present,
        points: 2,
        ..BASE
    },
];

fn facts_of(row: &Row) -> RollFacts {
    RollFacts {
        first_call: row.first_call,
        second_call: row.second_call,
        arrived: row.arrived.map(hm),
        left_early: row.left_early.map(hm),
        remark: String::new(),
        early_excused: None,
    }
}

fn leaves_of(row: &Row) -> Vec<Leave> {
    (0u32..)
        .zip(row.leaves.iter())
        .map(|(n, &l)| leave(n + 1, l))
        .collect()
}

/// The counter of `tally` that `category` adds to.
fn counter(tally: &Tally, category: Category) -> u32 {
    match category {
        Category::Present => tally.present,
        Category::Late => tally.late,
        Category::EarlyLeave => tally.early_leave,
        Category::Absent => tally.absent,
        Category::OfficialLeave => tally.official_leave,
        Category::PersonalLeave => tally.personal_leave,
        Category::SickLeave => tally.sick_leave,
        Category::Pending => tally.pending,
        Category::NotRequired => 0,
    }
}

#[test]
fn every_category_rule() {
    let policy = Policy::default();
    let mut failures = Vec::new();
    for row in ROWS {
        let s = session(row.audience);
        let t = teacher(row.active);
        let facts = facts_of(row);
        let leaves = leaves_of(row);
        let want = Outcome {
            category: row.category,
            also_left_early: row.also_left_early,
        };
        let got = outcome(&s, row.roll, None, &t, Some(&facts), &leaves);
        if got != want {
            failures.push(format!("{}: want {want:?}, got {got:?}", row.rule));
            continue;
        }
        // A teacher never seen may have no facts at all: same outcome.
        if !facts.attended() {
            let none = outcome(&s, row.roll, None, &t, None, &leaves);
            if none != want {
                failures.push(format!(
                    "{} (no facts): want {want:?}, got {none:?}",
                    row.rule
                ));
            }
        }
        // And the outcome scores as the table says under the default policy.
        let mut tally = Tally::default();
        tally.add(&policy, got, s.credits);
        let counted = !matches!(row.category, Category::NotRequired | Category::Pending);
        if tally.points != row.points
            || tally.required != u32::from(counted)
            || (row.category != Category::NotRequired && counter(&tally, row.category) != 1)
            || (row.category == Category::NotRequired && tally != Tally::default())
        {
            failures.push(format!("{}: tally {tally:?}", row.rule));
        }
    }
    assert!(
        failures.is_empty(),
        "rules broken:\n{}",
        failures.join("\n")
    );
}

#[test]
fn table_covers_every_category_and_names_its_source() {
    let all = [
        Category::Present,
        Category::Late,
        Category::EarlyLeave,
        Category::Absent,
        Category::OfficialLeave,
        Category::PersonalLeave,
        Category::SickLeave,
        Category::NotRequired,
        Category::Pending,
    ];
    for c in all {
        assert!(
            ROWS.iter().any(|r| r.category == c),
            "no rule row for {c:?}"
        );
    }
    assert!(ROWS.iter().any(|r| r.also_left_early));
    let mut seen = std::collections::HashSet::new();
    for r in ROWS {
        // A regulation (篇N), or 本系统 for bookkeeping the regulations leave open.
        assert!(
            r.rule.contains('篇') || r.rule.starts_with("本系统"),
            "row cites no regulation: {}",
            r.rule
        );
        assert!(seen.insert(r.rule), "duplicate rule row: {}", r.rule);
    }
}

#[test]
fn late_and_early_leave_count_once_each() {
    // 篇10 ④⑤: 迟到记一次, 早退记一次.
    let policy = Policy::default();
    let mut tally = Tally::default();
    let both = Outcome {
        category: Category::Late,
        also_left_early: true,
    };
    tally.add(&policy, both, Credits::whole(2));
    assert_eq!(tally.late, 1);
    assert_eq!(tally.early_leave, 1);
    assert_eq!(tally.late_and_early_leave, 1);
    assert_eq!(tally.required, 1, "still one session");
    assert_eq!(tally.present + tally.absent, 0);
    // attend +2, late −1, early leave −1.
    assert_eq!(tally.points, 0);
    // The lower share of the two: early leave's 50 %.
    assert_eq!(tally.credits, Credits::whole(1));

    let mut late_only = Tally::default();
    late_only.add(&policy, Outcome::just(Category::Late), Credits::whole(2));
    assert_eq!((late_only.late, late_only.early_leave), (1, 0));
    assert_eq!(late_only.late_and_early_leave, 0);
    assert_eq!(late_only.points, 1);
    assert_eq!(late_only.credits, Credits::whole(2));
}

#[test]
fn emergency_sick_leave_approved_after_the_fact_turns_absent_into_sick_leave() {
    // 篇4/篇7/篇10 ③: 特殊情况(如急诊)除外 — asked for and approved afterwards.
    let s = session(Aud::Everyone);
    let t = teacher((None, None));
    let mut l = leave(1, lv(Sick, Pending, Cov::ThisSession));
    l.emergency = true;
    l.evidence.hospital_certificate = false;
    l.requested_at = at((2025, 10, 16), (8, 0));
    let not_seen = RollFacts::default();

    let before = outcome(
        &s,
        RollState::Closed,
        None,
        &t,
        Some(&not_seen),
        &[l.clone()],
    );
    assert_eq!(before, Outcome::just(Category::Absent));

    l.status = Approved;
    l.evidence.hospital_certificate = true;
    l.decided_by = Some("校长".into());
    l.decided_at = Some(at((2025, 10, 17), (10, 0)));
    let after = outcome(
        &s,
        RollState::Closed,
        None,
        &t,
        Some(&not_seen),
        &[l.clone()],
    );
    assert_eq!(after, Outcome::just(Category::SickLeave));

    let policy = Policy::default();
    let (mut a, mut b) = (Tally::default(), Tally::default());
    a.add(&policy, before, s.credits);
    b.add(&policy, after, s.credits);
    assert_eq!((a.absent, a.sick_leave, a.points), (1, 0, -3));
    assert_eq!((b.absent, b.sick_leave, b.points), (0, 1, 0));
    assert_eq!(a.required, b.required);
}

#[test]
fn official_leave_is_outside_rewards_and_penalties_unless_the_school_says_otherwise() {
    // 篇4/篇7/篇10 ①: 公假不记入奖惩范围.
    let mut policy = Policy::default();
    policy.points.official_leave = -5;
    let mut neutral = Tally::default();
    neutral.add(
        &policy,
        Outcome::just(Category::OfficialLeave),
        Credits::whole(3),
    );
    assert_eq!(neutral.points, 0);
    assert_eq!(neutral.credits, Credits(0));
    assert_eq!(neutral.official_leave, 1);

    policy.official_leave_neutral = false;
    let mut scored = Tally::default();
    scored.add(
        &policy,
        Outcome::just(Category::OfficialLeave),
        Credits::whole(3),
    );
    assert_eq!(scored.points, -5);
}

// ---------------------------------------------------------------------------
// Standings (Standing::judge under Policy::default())
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
struct Counts {
    present: u32,
    late: u32,
    early: u32,
    late_and_early: u32,
    absent: u32,
    official: u32,
    personal: u32,
    sick: u32,
}

const NONE: Counts = Counts {
    present: 0,
    late: 0,
    early: 0,
    late_and_early: 0,
    absent: 0,
    official: 0,
    personal: 0,
    sick: 0,
};

#[derive(Clone, Copy, PartialEq)]
enum Per {
    Term,
    Year,
}

#[derive(Clone, Copy, Debug)]
enum Why {
    /// `Reason::TooManyAbsences` with this many, limit 3.
    Absences(u32),
    /// `Reason::NotEnoughCredits` with these tenths earned, 40 required.
    Credits(u32),
}

struct StandRow {
    rule: &'static str,
    lates_per_absence: u32,
    period: Per,
    /// Sessions in the judged period (a term, or the whole year).
    this: Counts,
    /// Sessions of the other term of the year (added to `this` for the year).
    other: Counts,
    /// Credits (tenths) every session awards.
    credits_each: u32,
    year_ended: bool,
    qualified: bool,
    warning: bool,
    reasons: &'static [Why],
    unexcused: u32,
    year_unexcused: u32,
    /// Points of the judged period.
    points: i32,
    /// Credits (tenths) of the judged period.
    credits: u32,
}

const SBASE: StandRow = StandRow {
    rule: "",
    lates_per_absence: 0,
    period: Per::Year,
    this: NONE,
    other: NONE,
    credits_each: 20,
    year_ended: false,
    qualified: true,
    warning: false,
    reasons: &[],
    unexcused: 0,
    year_unexcused: 0,
    points: 0,
    credits: 0,
};

const STANDINGS: &[StandRow] = &[
    StandRow {
        rule: "篇10 ⑥: 旷工一次, 合格",
        this: Counts {
            present: 10,
            absent: 1,
            ..NONE
        },
        unexcused: 1,
        year_unexcused: 1,
        points: 20 - 3,
        credits: 200,
        ..SBASE
    },
    StandRow {
        rule: "篇10 ⑥: 旷工两次仍合格, 再旷工一次即不合格 (预警)",
        this: Counts {
            present: 10,
            absent: 2,
            ..NONE
        },
        warning: true,
        unexcused: 2,
        year_unexcused: 2,
        points: 20 - 6,
        credits: 200,
        ..SBASE
    },
    StandRow {
        rule: "篇10 ⑥: 无故旷工三次者视为不合格",
        this: Counts {
            present: 10,
            absent: 3,
            ..NONE
        },
        qualified: false,
        reasons: &[Why::Absences(3)],
        unexcused: 3,
        year_unexcused: 3,
        points: 20 - 9,
        credits: 200,
        ..SBASE
    },
    StandRow {
        rule: "篇6/篇8/篇9: 无故不参加校本集中培训三次以上视作不合格",
        this: Counts { absent: 4, ..NONE },
        qualified: false,
        reasons: &[Why::Absences(4)],
        unexcused: 4,
        year_unexcused: 4,
        points: -12,
        ..SBASE
    },
    StandRow {
        rule: "篇4/篇7/篇10 ①: 公假不记入奖惩范围, 记 0 分, 不算旷工",
        this: Counts {
            official: 6,
            ..NONE
        },
        points: 0,
        ..SBASE
    },
    StandRow {
        rule: "篇4/篇7/篇10 ②③: 已批准的事假、病假不算旷工, 记 0 分",
        this: Counts {
            personal: 2,
            sick: 3,
            ..NONE
        },
        points: 0,
        ..SBASE
    },
    StandRow {
        rule: "篇5: 参与加分, 无故不参加扣分",
        this: Counts {
            present: 3,
            late: 1,
            early: 1,
            absent: 1,
            ..NONE
        },
        unexcused: 1,
        year_unexcused: 1,
        points: 3 * 2 + 1 + 1 - 3,
        credits: 3 * 20 + 20 + 10,
        ..SBASE
    },
    StandRow {
        rule: "篇12 §3: 每学年最低学分必须达到40学分, 学年结束未达者不合格",
        this: Counts {
            present: 19,
            ..NONE
        },
        year_ended: true,
        qualified: false,
        reasons: &[Why::Credits(380)],
        points: 38,
        credits: 380,
        ..SBASE
    },
    StandRow {
        rule: "篇12 §3: 学分不足 40, 学年未结束时不算不合格",
        this: Counts {
            present: 19,
            ..NONE
        },
        points: 38,
        credits: 380,
        ..SBASE
    },
    StandRow {
        rule: "篇12 §3: 恰好 40 学分, 合格",
        this: Counts {
            present: 20,
            ..NONE
        },
        year_ended: true,
        points: 40,
        credits: 400,
        ..SBASE
    },
    StandRow {
        rule: "篇10 ⑥ + 篇12 §3: 旷工三次且学分不足, 两条理由",
        this: Counts {
            present: 2,
            absent: 3,
            ..NONE
        },
        year_ended: true,
        qualified: false,
        reasons: &[Why::Absences(3), Why::Credits(40)],
        unexcused: 3,
        year_unexcused: 3,
        points: 4 - 9,
        credits: 40,
        ..SBASE
    },
    StandRow {
        rule: "篇12 §1 迟到按日常考勤办法处理, 学校设两次迟到折旷工一次: 迟到四次即旷工两次 (预警)",
        lates_per_absence: 2,
        this: Counts { late: 4, ..NONE },
        warning: true,
        unexcused: 2,
        year_unexcused: 2,
        points: 4,
        credits: 80,
        ..SBASE
    },
    StandRow {
        rule: "篇12 §1 两次迟到折旷工一次: 迟到五次折旷工两次 (向下取整)",
        lates_per_absence: 2,
        this: Counts { late: 5, ..NONE },
        warning: true,
        unexcused: 2,
        year_unexcused: 2,
        points: 5,
        credits: 100,
        ..SBASE
    },
    StandRow {
        rule: "篇12 §1 + 篇10 ⑥ 两次迟到折旷工一次: 迟到六次折旷工三次, 不合格",
        lates_per_absence: 2,
        this: Counts { late: 6, ..NONE },
        qualified: false,
        reasons: &[Why::Absences(3)],
        unexcused: 3,
        year_unexcused: 3,
        points: 6,
        credits: 120,
        ..SBASE
    },
    StandRow {
        rule: "篇4/篇7/篇10 ④⑥: 迟到与旷工分别记, 默认迟到不折算旷工",
        this: Counts { late: 6, ..NONE },
        points: 6,
        credits: 120,
        ..SBASE
    },
    StandRow {
        rule: "篇10 ④⑤: 迟到又早退, 各记一次, 得 0 分, 学分取低者",
        lates_per_absence: 2,
        this: Counts {
            late_and_early: 2,
            ..NONE
        },
        unexcused: 1,
        year_unexcused: 1,
        points: 0,
        credits: 20,
        ..SBASE
    },
    StandRow {
        rule: "篇4/篇7: 考勤每学期公布, 学年累积 — 本学期无旷工, 上学期两次, 预警",
        period: Per::Term,
        this: Counts { present: 5, ..NONE },
        other: Counts { absent: 2, ..NONE },
        warning: true,
        unexcused: 0,
        year_unexcused: 2,
        points: 10,
        credits: 100,
        ..SBASE
    },
    StandRow {
        rule: "篇4/篇7 + 篇10 ⑥: 本学期旷工一次, 学年累计三次, 学期即不合格",
        period: Per::Term,
        this: Counts {
            present: 5,
            absent: 1,
            ..NONE
        },
        other: Counts { absent: 2, ..NONE },
        qualified: false,
        reasons: &[Why::Absences(3)],
        unexcused: 1,
        year_unexcused: 3,
        points: 10 - 3,
        credits: 100,
        ..SBASE
    },
    StandRow {
        rule: "篇4/篇7 + 篇12 §1: 迟到按学年累计折算 — 两学期各迟到一次, 学年合一次旷工",
        lates_per_absence: 2,
        period: Per::Term,
        this: Counts { late: 1, ..NONE },
        other: Counts { late: 1, ..NONE },
        unexcused: 0,
        year_unexcused: 1,
        points: 1,
        credits: 20,
        ..SBASE
    },
];

fn tally_of(policy: &Policy, c: Counts, credits_each: u32) -> Tally {
    let each = Credits::from_tenths(credits_each);
    let mut t = Tally::default();
    let mut add = |n: u32, o: Outcome| {
        for _ in 0..n {
            t.add(policy, o, each);
        }
    };
    add(c.present, Outcome::just(Category::Present));
    add(c.late, Outcome::just(Category::Late));
    add(c.early, Outcome::just(Category::EarlyLeave));
    add(
        c.late_and_early,
        Outcome {
            category: Category::Late,
            also_left_early: true,
        },
    );
    add(c.absent, Outcome::just(Category::Absent));
    add(c.official, Outcome::just(Category::OfficialLeave));
    add(c.personal, Outcome::just(Category::PersonalLeave));
    add(c.sick, Outcome::just(Category::SickLeave));
    t
}

#[test]
fn every_standing_rule() {
    let year = AcademicYear(2025);
    let mut failures = Vec::new();
    for row in STANDINGS {
        let policy = Policy {
            lates_per_absence: row.lates_per_absence,
            ..Policy::default()
        };
        let this = tally_of(&policy, row.this, row.credits_each);
        let other = tally_of(&policy, row.other, row.credits_each);
        let mut year_tally = this;
        year_tally.merge(&other);
        let (period, tally) = match row.period {
            Per::Term => (
                Period::Term(TermId {
                    year,
                    season: Season::Spring,
                }),
                this,
            ),
            Per::Year => (Period::Year(year), year_tally),
        };
        let got = Standing::judge(&policy, period, tally, &year_tally, row.year_ended);
        let reasons: Vec<Reason> = row
            .reasons
            .iter()
            .map(|w| match *w {
                Why::Absences(n) => Reason::TooManyAbsences {
                    absences: n,
                    limit: 3,
                },
                Why::Credits(t) => Reason::NotEnoughCredits {
                    earned: Credits(t),
                    required: Credits::whole(40),
                },
            })
            .collect();
        let credits_required = match row.period {
            Per::Term => Credits::whole(20),
            Per::Year => Credits::whole(40),
        };
        let ok = got.period == period
            && got.tally == tally
            && got.qualified == row.qualified
            && got.warning == row.warning
            && got.reasons == reasons
            && got.unexcused == row.unexcused
            && got.year_unexcused == row.year_unexcused
            && got.credits_required == credits_required
            && got.tally.points == row.points
            && got.tally.credits == Credits(row.credits);
        if !ok {
            failures.push(format!("{}:\n  got {got:?}", row.rule));
        }
    }
    assert!(
        failures.is_empty(),
        "standings broken:\n{}",
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// The policy file
// ---------------------------------------------------------------------------

fn parse_error(text: &str) -> (usize, String, String) {
    match policy_file::parse(text, "policy.toml") {
        Ok(p) => panic!("expected an error for {text:?}, got {p:?}"),
        Err(e @ PolicyError::Parse { .. }) => {
            let shown = e.to_string();
            let PolicyError::Parse {
                line, key, problem, ..
            } = e
            else {
                unreachable!()
            };
            // The key and the problem, as the English message words them.
            let message = format!("{} {problem}", key.unwrap_or_default());
            (line, message, shown)
        }
        Err(e) => panic!("expected a parse error, got {e}"),
    }
}

#[test]
fn policy_bad_value_names_key_and_line() {
    let (line, message, shown) =
        parse_error("# 学校考勤设置\nunqualified_absences = 3\ncredits_per_year = \"forty\"\n");
    assert_eq!(line, 3);
    assert!(message.contains("credits_per_year"), "{message}");
    assert!(shown.contains("policy.toml"), "{shown}");
    assert!(shown.contains("line 3"), "{shown}");

    let (line, message, _) =
        parse_error("lates_per_absence = 2\n\n[points]\nattend = 2\nlate = \"x\"\n");
    assert_eq!(line, 5);
    assert!(message.contains("late"), "{message}");

    let (line, message, _) = parse_error("[leave]\nsick_approver = \"nobody\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("sick_approver"), "{message}");

    let (line, message, _) = parse_error("lates_per_absence = -1\n");
    assert_eq!(line, 1);
    assert!(message.contains("lates_per_absence"), "{message}");
}

#[test]
fn policy_unknown_key_names_key_and_line() {
    let (line, message, shown) = parse_error("unqualified_absences = 3\ncredits_per_yaer = 40\n");
    assert_eq!(line, 2);
    assert!(message.contains("credits_per_yaer"), "{message}");
    assert!(shown.contains("line 2"), "{shown}");

    let (line, message, _) = parse_error("[points]\nattend = 2\nattnd = 3\n");
    assert_eq!(line, 3);
    assert!(message.contains("attnd"), "{message}");

    let (line, message, _) = parse_error("credits_per_year = 40\n[pointz]\nattend = 2\n");
    assert_eq!(line, 2);
    assert!(message.contains("pointz"), "{message}");
}

#[test]
fn policy_empty_file_is_the_default() {
    assert_eq!(policy_file::parse("", "p.toml").unwrap(), Policy::default());
    assert_eq!(
        policy_file::parse("# 只有注释\n\n", "p.toml").unwrap(),
        Policy::default()
    );
}

#[test]
fn policy_partial_file_overrides_only_what_it_sets() {
    let text =
        "lates_per_absence = 2\n\n[points]\nabsent = -5\n\n[leave]\nsick_approver = \"leader\"\n";
    let got = policy_file::parse(text, "p.toml").unwrap();
    let defaults = Policy::default();
    let want = Policy {
        lates_per_absence: 2,
        points: Points {
            absent: -5,
            ..defaults.points.clone()
        },
        leave: LeaveRules {
            sick_approver: Role::Leader,
            ..defaults.leave.clone()
        },
        ..defaults
    };
    assert_eq!(got, want);
    assert_ne!(got, Policy::default());
    // Untouched neighbours keep their defaults.
    assert_eq!(got.points.attend, 2);
    assert_eq!(got.unqualified_absences, 3);
    assert_eq!(got.credits_per_year, 40);
}

#[test]
fn policy_default_round_trips_and_lists_every_key() {
    let text = policy_file::to_toml(&Policy::default());
    assert_eq!(
        policy_file::parse(&text, "p.toml").unwrap(),
        Policy::default()
    );
    // docs/policy.md documents exactly these keys.
    for key in [
        "unqualified_absences",
        "credits_per_year",
        "notes_chars_per_term",
        "official_leave_neutral",
        "lates_per_absence",
        "[points]",
        "attend",
        "late",
        "early_leave",
        "absent",
        "official_leave",
        "personal_leave",
        "sick_leave",
        "[credits]",
        "late_percent",
        "early_leave_percent",
        "[leave]",
        "official_approver",
        "personal_approver",
        "sick_approver",
        "personal_needs_note",
        "sick_needs_certificate",
        "[calendar]",
        "year_start",
        "roll_opens_minutes",
        "late_approval",
    ] {
        assert!(text.contains(key), "to_toml lacks {key}:\n{text}");
    }
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/policy.md"))
        .expect("docs/policy.md");
    assert!(
        doc.contains(text.trim()),
        "docs/policy.md does not show the current defaults:\n{text}"
    );
    for line in text.lines() {
        if let Some((key, _)) = line.split_once('=') {
            let key = key.trim();
            assert!(
                doc.contains(&format!("`{key}`")),
                "docs/policy.md does not document `{key}`"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// The scoring module stays pure
// ---------------------------------------------------------------------------

/// Roots a `use` tree may start from inside `src/core`.
const ALLOWED_ROOTS: &[&str] = &["std", "core", "chrono", "serde", "super", "self"];
const ALLOWED_EXTERN: &[&str] = &["std", "core", "chrono", "serde"];

/// The `use` statements and `extern crate` lines of a Rust source, each as
/// one string, comments stripped.
fn imports(src: &str) -> Vec<String> {
    let code: String = src
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(i) = find_word(rest, &["use", "extern"]) {
        let stmt = &rest[i..];
        let end = stmt.find(';').map_or(stmt.len(), |e| e + 1);
        out.push(stmt[..end].split_whitespace().collect::<Vec<_>>().join(" "));
        rest = &stmt[end..];
    }
    out
}

/// The first position of one of `words` standing as a whole word at the
/// start of a statement (after start of text, `;`, `{`, `}`, `]`, or `pub ...`).
fn find_word(s: &str, words: &[&str]) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut best = None;
    for w in words {
        let mut from = 0;
        while let Some(p) = s[from..].find(w) {
            let i = from + p;
            from = i + w.len();
            let after_ok = bytes
                .get(i + w.len())
                .is_some_and(|b| b.is_ascii_whitespace());
            let before = s[..i].trim_end();
            let before = before
                .strip_suffix("pub")
                .or_else(|| before.strip_suffix("pub(crate)"))
                .or_else(|| before.strip_suffix("pub(super)"))
                .unwrap_or(before)
                .trim_end();
            let before_ok = before.is_empty()
                || before.ends_with([';', '{', '}', ']'])
                || before.ends_with("*/");
            if after_ok && before_ok {
                best = Some(best.map_or(i, |b: usize| b.min(i)));
                break;
            }
        }
    }
    best
}

/// The first path segment of every tree in a `use` statement.
fn use_roots(tree: &str) -> Vec<String> {
    let tree = tree.trim().trim_start_matches("::").trim();
    if let Some(inner) = tree.strip_prefix('{') {
        let inner = inner.strip_suffix('}').unwrap_or(inner);
        let mut roots = Vec::new();
        let mut depth = 0;
        let mut start = 0;
        for (i, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    roots.extend(use_roots(&inner[start..i]));
                    start = i + 1;
                }
                _ => {}
            }
        }
        roots.extend(use_roots(&inner[start..]));
        return roots;
    }
    let first: String = tree
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if first.is_empty() {
        Vec::new()
    } else {
        vec![first]
    }
}

/// Problems with one file's imports; `local_mods` are the modules the file
/// declares itself (`mod x;`), which a `use x::...` may name.
fn impure_imports(src: &str) -> (usize, Vec<String>) {
    let local_mods: Vec<String> = src
        .lines()
        .filter_map(|l| {
            let l = l.trim().trim_start_matches("pub ").trim();
            let name = l.strip_prefix("mod ")?.trim_end_matches(';').trim();
            Some(name.trim_end_matches('{').trim().to_string())
        })
        .collect();
    let mut problems = Vec::new();
    let stmts = imports(src);
    for stmt in &stmts {
        let body = stmt
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ")
            .trim_start_matches("pub ")
            .trim_end_matches(';');
        if let Some(krate) = body.strip_prefix("extern crate ") {
            let name = krate.split_whitespace().next().unwrap_or("");
            if !ALLOWED_EXTERN.contains(&name) {
                problems.push(stmt.clone());
            }
            continue;
        }
        let Some(tree) = body.strip_prefix("use ") else {
            continue;
        };
        let tree = tree.trim();
        for root in use_roots(tree) {
            // The rules are their own crate: `crate::` names one of its
            // modules (or an item at its root), never another layer.
            let ok = ALLOWED_ROOTS.contains(&root.as_str())
                || local_mods.contains(&root)
                || (root == "crate" && crate_path_is_rules(tree));
            if !ok {
                problems.push(stmt.clone());
            }
        }
    }
    (stmts.len(), problems)
}

/// Whether a `crate::…` path names something of the rules crate: a module
/// (a file of crates/rules/src) or an item at its root, not another layer.
fn crate_path_is_rules(tree: &str) -> bool {
    let Some(rest) = tree.strip_prefix("crate::") else {
        return false;
    };
    let first: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let layers = [
        "core",
        "store",
        "app",
        "i18n",
        "io",
        "tui",
        "cli",
        "atomic",
        "policy_file",
    ];
    !first.is_empty() && !layers.contains(&first.as_str())
}

/// Names of the dependencies a section of a manifest lists, as written in
/// code (`-` becomes `_`).
fn manifest_dependencies(path: &str, section: &str) -> Vec<String> {
    let manifest = std::fs::read_to_string(path).expect("Cargo.toml");
    let mut in_deps = false;
    let mut names = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == section;
            continue;
        }
        if in_deps && let Some((name, _)) = line.split_once('=') {
            names.push(name.trim().replace('-', "_"));
        }
    }
    names
}

/// Every library the workspace may use (`[workspace.dependencies]`), as
/// written in code.
fn dependency_names() -> Vec<String> {
    manifest_dependencies(
        concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"),
        "[workspace.dependencies]",
    )
}

#[test]
fn the_rules_crate_lists_chrono_and_serde_only() {
    let deps = manifest_dependencies(
        concat!(env!("CARGO_MANIFEST_DIR"), "/crates/rules/Cargo.toml"),
        "[dependencies]",
    );
    assert_eq!(deps, ["chrono", "serde"], "crates/rules/Cargo.toml");
}

#[test]
fn import_checker_rejects_what_it_should() {
    let bad = "use std::fmt;\nuse toml::Value;\npub use crate::store::Db;\nextern crate redb;\nuse {serde::Serialize, ratatui::Frame};\nuse ::clap::Parser;\n";
    let (n, problems) = impure_imports(bad);
    assert_eq!(n, 6);
    assert_eq!(problems.len(), 5, "{problems:?}");
    let good = "mod inner;\npub use inner::X;\nuse super::model::{\n    Leave,\n    LeaveKind,\n};\nuse crate::policy::Policy;\nuse std::{fmt, ops::Add};\nuse self::inner::Y;\nfn f() { use chrono::NaiveDate; }\n// use toml::Value;\n";
    let (n, problems) = impure_imports(good);
    assert_eq!(n, 6);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn core_depends_on_std_chrono_and_serde_only() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/rules/src");
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("src/core") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 5, "src/core has only {files:?}");

    let forbidden: Vec<String> = dependency_names()
        .into_iter()
        .filter(|d| d != "chrono" && d != "serde")
        .collect();
    assert!(forbidden.iter().any(|d| d == "toml"), "{forbidden:?}");

    let mut total = 0;
    let mut problems = Vec::new();
    for path in &files {
        let whole = std::fs::read_to_string(path).expect("read source");
        // A unit-test module may use dev-dependencies (serde_json); the
        // rule is about what the scoring module itself needs.
        let src = whole
            .split("\n#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or("");
        let (n, bad) = impure_imports(src);
        total += n;
        for b in bad {
            problems.push(format!("{}: {b}", path.display()));
        }
        // No fully qualified path to another dependency either, outside comments.
        for (i, line) in src.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for dep in &forbidden {
                let needle = format!("{dep}::");
                let hit = code.match_indices(&needle).any(|(p, _)| {
                    !code[..p]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if hit {
                    problems.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                }
            }
            if code
                .match_indices("crate::")
                .any(|(p, _)| !crate_path_is_rules(&code[p..]))
            {
                problems.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(total >= 5, "found only {total} use lines in src/core");
    assert!(
        problems.is_empty(),
        "src/core must depend on std, chrono and serde only:\n{}",
        problems.join("\n")
    );
}

/// Approved leave is "to come" while no session it covers has begun its
/// roll; a cancelled one aside; one that covers nothing, or is not
/// approved, never is (issue 25).
#[test]
fn approved_leave_is_to_come_until_a_session_it_covers_begins() {
    let s = session(Aud::Everyone);
    let approved = leave(1, lv(Personal, Approved, Cov::ThisSession));
    assert!(approved.to_come([(&s, RollState::NotStarted)]));
    for begun in [RollState::FirstCall, RollState::Closed] {
        assert!(!approved.to_come([(&s, begun)]), "{begun:?}");
    }
    assert!(!approved.to_come([(&s, RollState::Cancelled)]));
    assert!(!approved.to_come(std::iter::empty()));
    let other = leave(2, lv(Personal, Approved, Cov::OtherSession));
    assert!(!other.to_come([(&s, RollState::NotStarted)]));
    let pending = leave(3, lv(Personal, Pending, Cov::ThisSession));
    assert!(!pending.to_come([(&s, RollState::NotStarted)]));
}
