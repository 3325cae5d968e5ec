//! A realistic demo school: Chinese names, the thirteen teaching groups,
//! academic years of Wednesday and Thursday sessions with roll taken, and
//! leave requests in every state. Reproducible from a seed.

use super::{App, Result, accounts, json};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use rules::{
    AcademicYear, Audience, Cover, Credits, Evidence, Leave, LeaveId, LeaveKind, LeaveStatus, Role,
    RollFacts, RollState, Season, Session, SessionId, SessionKind, Teacher, TeacherId, Term,
    TermId,
};
use std::path::Path;
use store::{Account, SessionRecord};

pub const GROUPS: [&str; 13] = [
    "语文",
    "数学",
    "英语",
    "物理",
    "化学",
    "生物",
    "政治",
    "历史",
    "地理",
    "音乐",
    "体育",
    "美术",
    "信息技术",
];
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解";
const GIVEN: &str = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强海燕文辉晓东春梅立新永红雪梅小红国庆";

/// How large a demo to make.
#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub teachers: usize,
    pub years: u32,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            teachers: 60,
            years: 1,
            seed: 2026,
        }
    }
}

/// A small deterministic generator (splitmix64): the same seed gives the
/// same school on every machine.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
    fn pick(&mut self, s: &[char]) -> char {
        s[self.below(s.len())]
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

/// Creates the demo school at `path` (a new file). `progress` is told how
/// many of the years are done.
pub fn demo(
    path: &Path,
    os_name: &str,
    now: NaiveDateTime,
    opts: DemoOptions,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<App> {
    let mut app = accounts::init(path, os_name, now)?;
    let today = now.date();
    let mut rng = Rng(opts.seed);
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();

    let mut w = app.begin(now)?;
    let account = Account {
        name: os_name.to_string(),
        roles: vec![
            Role::Office,
            Role::Leader,
            Role::School,
            Role::GroupLeader,
            Role::Assessment,
        ],
        teacher: None,
    };
    w.put_account(&account)?;
    app.actor.roles = account.roles.clone();
    let last_year = AcademicYear::containing(today).0;
    let first_year = last_year - opts.years.max(1) as i32 + 1;
    let mut teachers = Vec::with_capacity(opts.teachers);
    for i in 0..opts.teachers {
        let mut name = String::new();
        name.push(rng.pick(&surnames));
        name.push(rng.pick(&given));
        if rng.chance(600) {
            name.push(rng.pick(&given));
        }
        let t = Teacher {
            id: TeacherId(format!("T{:04}", i + 1)),
            name,
            group: GROUPS[i % GROUPS.len()].to_string(),
            grade: Some(format!("{}年级", ["七", "八", "九"][rng.below(3)])),
            // A few joined during the last year; the rest at the start of
            // a year before the demo's first, up to ten years before (every
            // teacher starts on a day, issue 25).
            active_from: rng
                .chance(20)
                .then(|| date(last_year, 10, 1 + rng.below(28) as u32))
                .or(Some(date(first_year - 1 - (i % 10) as i32, 9, 1))),
            active_to: None,
            from_time: None,
            past_groups: Vec::new(),
        };
        w.put_teacher(&t)?;
        teachers.push(t);
    }
    w.log(
        "demo",
        format!("{} teachers, {} years", opts.teachers, opts.years),
        None,
        json(&opts.seed),
        Some("demo school generated".into()),
        None,
        None,
    )?;
    w.commit()?;

    let mut next_session = 1u32;
    let mut next_leave = 1u32;
    let years = (last_year - first_year + 1) as u32;
    for (done, y) in (first_year..=last_year).enumerate() {
        let mut w = app.begin(now)?;
        let terms = [
            Term {
                id: TermId {
                    year: AcademicYear(y),
                    season: Season::Autumn,
                },
                start: date(y, 9, 1),
                end: date(y + 1, 1, 20),
            },
            Term {
                id: TermId {
                    year: AcademicYear(y),
                    season: Season::Spring,
                },
                start: date(y + 1, 2, 20),
                end: date(y + 1, 7, 10),
            },
        ];
        for term in &terms {
            w.put_term(term)?;
            let mut d = term.start;
            while d <= term.end {
                let kind = match d.weekday() {
                    Weekday::Wed => Some(SessionKind::WeeklyStudy),
                    Weekday::Thu => Some(SessionKind::SchoolTraining),
                    _ => None,
                };
                if let Some(kind) = kind {
                    let id = SessionId(next_session);
                    next_session += 1;
                    let session = demo_session(id, d, kind, &mut rng, &teachers);
                    let state = if d < today {
                        RollState::Closed
                    } else {
                        RollState::NotStarted
                    };
                    for t in &teachers {
                        if !session.requires(t) {
                            continue;
                        }
                        let leave = if d < today {
                            fill_roll(&mut w, &session, t, &mut rng, now)?
                        } else if d > today && d <= today + Duration::days(14) && rng.chance(15) {
                            // Requests waiting in the queue for coming sessions.
                            Some(demo_leave(&mut rng, t, &session, LeaveStatus::Pending, now))
                        } else {
                            None
                        };
                        if let Some(mut l) = leave {
                            l.id = LeaveId(next_leave);
                            next_leave += 1;
                            w.put_leave(&l)?;
                        }
                    }
                    w.put_session(&SessionRecord::new(session, state))?;
                }
                d += Duration::days(1);
            }
        }
        // Each closed roll keeps who was expected (issue 25).
        w.record_closed_rolls()?;
        w.commit()?;
        progress(done as u32 + 1, years);
    }
    super::assessment_demo::demo_assessment(
        &mut app,
        &teachers,
        first_year..=last_year,
        now,
        opts.seed,
    )?;
    Ok(app)
}

fn demo_session(
    id: SessionId,
    d: NaiveDate,
    kind: SessionKind,
    rng: &mut Rng,
    teachers: &[Teacher],
) -> Session {
    const STUDY: [&str; 6] = [
        "新课程标准解读",
        "课堂教学评价方式",
        "作业设计与减负",
        "信息技术与学科融合",
        "教学反思写作",
        "学生评价改革",
    ];
    const TRAINING: [&str; 6] = [
        "校本培训:课堂观摩",
        "校本培训:专题讲座",
        "校本培训:教学评优",
        "校本培训:青蓝工程汇报",
        "校本培训:现代教育技术",
        "校本培训:课例研讨",
    ];
    let (title, start, end) = match kind {
        SessionKind::WeeklyStudy => (STUDY[rng.below(STUDY.len())], time(16, 30), time(17, 30)),
        _ => (
            TRAINING[rng.below(TRAINING.len())],
            time(15, 30),
            time(17, 30),
        ),
    };
    let presenter =
        (!teachers.is_empty()).then(|| teachers[rng.below(teachers.len())].name.clone());
    Session {
        id,
        date: d,
        start,
        end,
        title: title.to_string(),
        kind,
        credits: Credits::whole(1),
        presenter,
        host: None,
        recorder: None,
        audience: Audience::Everyone,
    }
}

/// Writes one teacher's roll at a past session; returns a leave to store.
fn fill_roll(
    w: &mut store::Writer,
    s: &Session,
    t: &Teacher,
    rng: &mut Rng,
    now: NaiveDateTime,
) -> Result<Option<Leave>> {
    let roll = rng.below(1000);
    let mut f = RollFacts::default();
    let mut leave = None;
    match roll {
        0..=869 => f.first_call = true,
        870..=909 => f.second_call = true,
        910..=934 => f.arrived = Some(s.start + Duration::minutes(10 + rng.below(30) as i64)),
        935..=954 => {
            f.first_call = true;
            f.left_early = Some(s.end - Duration::minutes(10 + rng.below(30) as i64));
        }
        955..=959 => {
            f.arrived = Some(s.start + Duration::minutes(10 + rng.below(20) as i64));
            f.left_early = Some(s.end - Duration::minutes(5 + rng.below(10) as i64));
        }
        960..=989 => {
            // Missing with a leave request: mostly approved, some not.
            let status = match rng.below(10) {
                0 => LeaveStatus::Rejected,
                1 => LeaveStatus::Withdrawn,
                2 => LeaveStatus::Pending,
                _ => LeaveStatus::Approved,
            };
            let mut l = demo_leave(rng, t, s, status, now);
            // Still pending at the session: lapsed, unless it may be
            // decided afterwards (issue 14).
            if l.status == LeaveStatus::Pending
                && super::calendar::decided_before(&rules::Policy::default(), &l)
            {
                l.status = LeaveStatus::Expired;
            }
            leave = Some(l);
        }
        _ => {} // absent without reason
    }
    if f != RollFacts::default() {
        w.put_facts(s.id, &t.id, &f)?;
    }
    Ok(leave)
}

fn demo_leave(
    rng: &mut Rng,
    t: &Teacher,
    s: &Session,
    status: LeaveStatus,
    now: NaiveDateTime,
) -> Leave {
    let kind = LeaveKind::ALL[rng.below(LeaveKind::ALL.len())];
    let reason = match kind {
        LeaveKind::Official => ["外出参加市教研活动", "带学生参加比赛", "产假"][rng.below(3)],
        LeaveKind::Personal => ["家中有事", "子女升学考试", "搬家"][rng.below(3)],
        LeaveKind::Sick => ["发烧就医", "急性肠胃炎", "牙科手术"][rng.below(3)],
    };
    let emergency = kind.may_be_emergency() && rng.chance(300);
    let decided = status != LeaveStatus::Pending && status != LeaveStatus::Withdrawn;
    let asked = s.date.and_time(s.start) - Duration::days(1 + rng.below(3) as i64);
    Leave {
        id: LeaveId(0),
        teacher: t.id.clone(),
        kind,
        cover: Cover::Sessions(vec![s.id]),
        reason: reason.to_string(),
        evidence: Evidence {
            leave_note: kind == LeaveKind::Personal && (decided || rng.chance(500)),
            hospital_certificate: kind == LeaveKind::Sick && (decided || rng.chance(500)),
        },
        emergency,
        status,
        requested_by: "office".into(),
        requested_at: asked.min(now),
        decided_by: decided.then(|| "demo".to_string()),
        decided_at: decided.then(|| (asked + Duration::hours(3)).min(now)),
        comment: if status == LeaveStatus::Rejected {
            "理由不充分".into()
        } else {
            String::new()
        },
    }
}
