//! The assessment beyond attendance, one table row per rule with the
//! regulation it comes from (docs/rules.md, "Assessment"): credits from
//! sessions, make-ups and credit cards; the review chain; notes; the archive;
//! open lessons; the degree; reports after outside study; what each check
//! does under the policy; and the training-funds share.

use peixun::core::{
    AcademicYear, ArchiveItem, CreditId, CreditStage, Credits, Degree, Effect, ExternalItem, Funds,
    MakeUpItem, Period, Policy, Qualification, Reason, Season, SessionId, Standing, Tally, TermId,
    YearFile, YearRecord,
};

const YEAR: AcademicYear = AcademicYear(2025);

/// A year that passes every check: all archive items, 5,000 characters of
/// notes in both terms, one open lesson, a matching bachelor's degree.
fn good() -> YearRecord {
    YearRecord {
        file: YearFile {
            items: ArchiveItem::ALL.to_vec(),
            notes_chars: [5000, 5000],
            open_lessons: 1,
            multimedia_lessons: [0, 0],
        },
        qualification: Some(Qualification {
            degree: Degree::Bachelor,
            major: "汉语言文学".into(),
            matches_subject: true,
        }),
        terms_ended: [true, true],
        ..YearRecord::default()
    }
}

fn external(id: u32, tenths: u32, stage: CreditStage, reported: bool) -> ExternalItem {
    ExternalItem {
        id: CreditId(id),
        title: format!("外出培训{id}"),
        credits: Credits(tenths),
        stage,
        reported,
        season: Some(Season::Autumn),
    }
}

fn makeup(session: u32, tenths: u32, done: bool, season: Season) -> MakeUpItem {
    MakeUpItem {
        session: SessionId(session),
        date: chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
        title: "校本培训".into(),
        credits: Credits(tenths),
        season: Some(season),
        done,
    }
}

/// What a row expects of the standing.
#[derive(Debug, Clone, PartialEq)]
enum Check {
    /// Reasons that make the teacher unqualified, in order.
    Unqualified(Vec<Reason>),
    /// Deductions (reason, points), in order; the teacher stays qualified.
    Deducts(Vec<(Reason, u32)>),
}

struct Row {
    rule: &'static str,
    regulation: &'static str,
    policy: fn(&mut Policy),
    record: fn(&mut YearRecord),
    /// Session credits (tenths) of the year, autumn and spring halves.
    session_tenths: u32,
    year_ended: bool,
    /// Counted credits (tenths) of the year.
    credits: u32,
    expect: Check,
}

fn none(_: &mut Policy) {}
fn keep(_: &mut YearRecord) {}

fn rows() -> Vec<Row> {
    use Check::*;
    vec![
        Row {
            rule: "40 credits from sessions alone: qualified",
            regulation: "篇12 §3",
            policy: none,
            record: keep,
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "a shortfall after the year ends: unqualified",
            regulation: "篇12 §3",
            policy: none,
            record: keep,
            session_tenths: 395,
            year_ended: true,
            credits: 395,
            expect: Unqualified(vec![Reason::NotEnoughCredits {
                earned: Credits(395),
                required: Credits(400),
            }]),
        },
        Row {
            rule: "a shortfall during the year is shown, not judged",
            regulation: "篇12 §3",
            policy: none,
            record: keep,
            session_tenths: 100,
            year_ended: false,
            credits: 100,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "confirmed credit-card credits join the sessions'",
            regulation: "篇10 §5 凭学分卡登记学分",
            policy: none,
            record: |r| r.external = vec![external(1, 100, CreditStage::Confirmed, true)],
            session_tenths: 300,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "credits still in review do not count",
            regulation: "篇10 §6 自评→教研组→考核小组",
            policy: none,
            record: |r| {
                r.external = vec![
                    external(1, 30, CreditStage::Registered, true),
                    external(2, 30, CreditStage::SelfAssessed, true),
                    external(3, 30, CreditStage::GroupPassed, true),
                    external(4, 30, CreditStage::Returned, true),
                ]
            },
            session_tenths: 300,
            year_ended: true,
            credits: 300,
            expect: Unqualified(vec![Reason::NotEnoughCredits {
                earned: Credits(300),
                required: Credits(400),
            }]),
        },
        Row {
            rule: "official leave made up earns the session's credits",
            regulation: "篇4, 篇7, 篇10 ① 培训内容自行后补",
            policy: none,
            record: |r| r.makeups = vec![makeup(5, 10, true, Season::Autumn)],
            session_tenths: 390,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "made_up_percent 50 earns half",
            regulation: "policy credits.made_up_percent",
            policy: |p| p.credits.made_up_percent = 50,
            record: |r| r.makeups = vec![makeup(5, 20, true, Season::Autumn)],
            session_tenths: 400,
            year_ended: true,
            credits: 410,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "an open make-up earns nothing and deducts at the year's end",
            regulation: "篇4, 篇7, 篇10 ① 培训内容自行后补",
            policy: none,
            record: |r| {
                r.makeups = vec![
                    makeup(5, 10, false, Season::Autumn),
                    makeup(6, 10, false, Season::Spring),
                ]
            },
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![(Reason::MakeUpsOpen { open: 2 }, 1)]),
        },
        Row {
            rule: "an open make-up during the year is shown, not judged",
            regulation: "篇4, 篇7, 篇10 ①",
            policy: none,
            record: |r| {
                r.makeups = vec![makeup(5, 10, false, Season::Autumn)];
                r.terms_ended = [true, false];
            },
            session_tenths: 400,
            year_ended: false,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "notes short in an ended term",
            regulation: "篇1 art. 12 每学期不得少于5000字",
            policy: none,
            record: |r| r.file.notes_chars = [4999, 5000],
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![(
                Reason::NotesShort {
                    season: Season::Autumn,
                    chars: 4999,
                    required: 5000,
                },
                1,
            )]),
        },
        Row {
            rule: "notes of a term not yet ended are not judged",
            regulation: "篇1 art. 12",
            policy: none,
            record: |r| {
                r.file.notes_chars = [5000, 0];
                r.terms_ended = [true, false];
            },
            session_tenths: 400,
            year_ended: false,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "each missing archive item deducts",
            regulation: "篇12 §2 每缺一项酌情扣除",
            policy: none,
            record: |r| r.file.items = vec![ArchiveItem::Plan, ArchiveItem::Notes],
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![
                (
                    Reason::ArchiveMissing {
                        item: ArchiveItem::Reflections,
                    },
                    1,
                ),
                (
                    Reason::ArchiveMissing {
                        item: ArchiveItem::Summary,
                    },
                    1,
                ),
            ]),
        },
        Row {
            rule: "deduct_points sets the points per missing item",
            regulation: "篇12 §2 酌情",
            policy: |p| p.assessment.deduct_points = 3,
            record: |r| {
                r.file.items = vec![ArchiveItem::Plan, ArchiveItem::Notes, ArchiveItem::Summary]
            },
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![(
                Reason::ArchiveMissing {
                    item: ArchiveItem::Reflections,
                },
                3,
            )]),
        },
        Row {
            rule: "the archive is judged at the year's end only",
            regulation: "篇12 §2",
            policy: none,
            record: |r| r.file.items.clear(),
            session_tenths: 400,
            year_ended: false,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "no open lesson in the year",
            regulation: "篇10 §3 每学年开一节校内公开课",
            policy: none,
            record: |r| r.file.open_lessons = 0,
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![(
                Reason::TooFewOpenLessons {
                    given: 0,
                    required: 1,
                },
                1,
            )]),
        },
        Row {
            rule: "multimedia lessons are not required by default",
            regulation: "篇11 art. 8 (where adopted)",
            policy: none,
            record: keep,
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "where 篇11 is adopted: two multimedia lessons per ended term",
            regulation: "篇11 art. 8 每学期不少于两节",
            policy: |p| p.assessment.multimedia_lessons_per_term = 2,
            record: |r| {
                r.file.multimedia_lessons = [1, 2];
            },
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![(
                Reason::TooFewMultimediaLessons {
                    season: Season::Autumn,
                    given: 1,
                    required: 2,
                },
                1,
            )]),
        },
        Row {
            rule: "degree below bachelor's",
            regulation: "篇12 §4 本科(含本科)以上",
            policy: none,
            record: |r| {
                r.qualification = Some(Qualification {
                    degree: Degree::Associate,
                    major: "数学".into(),
                    matches_subject: true,
                })
            },
            session_tenths: 400,
            year_ended: false,
            credits: 400,
            expect: Deducts(vec![(
                Reason::DegreeBelow {
                    degree: Degree::Associate,
                    required: Degree::Bachelor,
                },
                1,
            )]),
        },
        Row {
            rule: "degree not matching the subject",
            regulation: "篇12 §4 与所任教学科专业一致",
            policy: none,
            record: |r| {
                r.qualification = Some(Qualification {
                    degree: Degree::Master,
                    major: "会计".into(),
                    matches_subject: false,
                })
            },
            session_tenths: 400,
            year_ended: false,
            credits: 400,
            expect: Deducts(vec![(Reason::DegreeMismatch, 1)]),
        },
        Row {
            rule: "no degree recorded: not judged",
            regulation: "篇12 §4",
            policy: none,
            record: |r| r.qualification = None,
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "confirmed outside study without its written report",
            regulation: "篇1 art. 7 返校后必须书面汇报",
            policy: none,
            record: |r| {
                r.external = vec![
                    external(1, 10, CreditStage::Confirmed, false),
                    external(2, 10, CreditStage::Confirmed, true),
                ]
            },
            session_tenths: 380,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![(
                Reason::ReportMissing {
                    credit: CreditId(1),
                    title: "外出培训1".into(),
                },
                1,
            )]),
        },
        Row {
            rule: "a check set to unqualified makes the teacher unqualified",
            regulation: "policy assessment.notes = \"unqualified\"",
            policy: |p| p.assessment.notes = Effect::Unqualified,
            record: |r| r.file.notes_chars = [5000, 100],
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Unqualified(vec![Reason::NotesShort {
                season: Season::Spring,
                chars: 100,
                required: 5000,
            }]),
        },
        Row {
            rule: "a check set to off is not made",
            regulation: "policy assessment.archive = \"off\"",
            policy: |p| p.assessment.archive = Effect::Off,
            record: |r| r.file.items.clear(),
            session_tenths: 400,
            year_ended: true,
            credits: 400,
            expect: Deducts(vec![]),
        },
        Row {
            rule: "a credit shortfall set to deduct keeps the teacher qualified",
            regulation: "篇12 §3 达不到学分者…酌情扣分",
            policy: |p| p.assessment.credit_shortfall = Effect::Deduct,
            record: keep,
            session_tenths: 200,
            year_ended: true,
            credits: 200,
            expect: Deducts(vec![(
                Reason::NotEnoughCredits {
                    earned: Credits(200),
                    required: Credits(400),
                },
                1,
            )]),
        },
    ]
}

fn year_tally(tenths: u32) -> Tally {
    Tally {
        credits: Credits(tenths),
        present: 20,
        required: 20,
        ..Tally::default()
    }
}

#[test]
fn every_assessment_rule() {
    for row in rows() {
        let mut policy = Policy::default();
        (row.policy)(&mut policy);
        let mut rec = good();
        (row.record)(&mut rec);
        let tally = year_tally(row.session_tenths);
        let period = Period::Year(YEAR);
        let s = Standing::judge(&policy, period, tally, &tally, row.year_ended).assess(
            &policy,
            &rec,
            &tally,
            row.year_ended,
        );
        let ctx = format!("{} ({})", row.rule, row.regulation);
        let f = s.figures.as_ref().expect("assess fills the figures");
        assert_eq!(f.credits, Credits(row.credits), "{ctx}: credits");
        assert_eq!(f.year_credits, Credits(row.credits), "{ctx}: year credits");
        match &row.expect {
            Check::Unqualified(reasons) => {
                assert!(!s.qualified, "{ctx}: should be unqualified");
                assert_eq!(&s.reasons, reasons, "{ctx}");
                assert!(s.deductions.is_empty(), "{ctx}: {:?}", s.deductions);
            }
            Check::Deducts(list) => {
                assert!(s.qualified, "{ctx}: should be qualified: {:?}", s.reasons);
                let got: Vec<(Reason, u32)> = s
                    .deductions
                    .iter()
                    .map(|d| (d.reason.clone(), d.points))
                    .collect();
                assert_eq!(&got, list, "{ctx}");
                let total: u32 = list.iter().map(|(_, p)| p).sum();
                assert_eq!(f.deducted, total, "{ctx}: deducted");
            }
        }
    }
}

#[test]
fn figures_of_a_term_count_that_term_only() {
    // 篇4, 篇7: published per term, accumulated per year. A term shows its
    // own credits (sessions, make-ups, credit cards) and notes.
    let policy = Policy::default();
    let mut rec = good();
    rec.external = vec![
        external(1, 20, CreditStage::Confirmed, true),
        ExternalItem {
            season: Some(Season::Spring),
            ..external(2, 30, CreditStage::Confirmed, true)
        },
        external(3, 50, CreditStage::SelfAssessed, true),
    ];
    rec.makeups = vec![
        makeup(1, 10, true, Season::Autumn),
        makeup(2, 10, false, Season::Autumn),
        makeup(3, 10, true, Season::Spring),
    ];
    rec.file.notes_chars = [6000, 1000];
    rec.terms_ended = [true, false];
    let autumn = year_tally(150);
    let mut year = autumn;
    year.merge(&year_tally(100));
    let term = Period::Term(TermId {
        year: YEAR,
        season: Season::Autumn,
    });
    let s =
        Standing::judge(&policy, term, autumn, &year, false).assess(&policy, &rec, &year, false);
    let f = s.figures.unwrap();
    assert_eq!(f.session_credits, Credits(150));
    assert_eq!(f.made_up_credits, Credits(10));
    assert_eq!(f.external_credits, Credits(20));
    assert_eq!(f.external_pending, Credits(50));
    assert_eq!(f.credits, Credits(180));
    assert_eq!(f.year_credits, Credits(250 + 20 + 50));
    assert_eq!((f.notes_chars, f.notes_required), (6000, 5000));
    assert_eq!((f.makeups_open, f.makeups_done), (1, 1));
    assert_eq!(s.credits_required, Credits(200));
    // The spring term has not ended: its 1,000 characters are not judged yet.
    assert!(s.qualified && s.deductions.is_empty(), "{:?}", s.deductions);
}

#[test]
fn credits_beyond_sessions_lift_a_shortfall_and_absences_still_decide() {
    // 篇10: three unexcused absences make a teacher unqualified whatever
    // the credits; the warning at two is kept by `assess`.
    let policy = Policy::default();
    let mut rec = good();
    rec.external = vec![external(1, 100, CreditStage::Confirmed, true)];
    let mut t = year_tally(300);
    t.absent = 2;
    let s = Standing::judge(&policy, Period::Year(YEAR), t, &t, true);
    assert!(!s.qualified, "sessions alone fall short");
    let s = s.assess(&policy, &rec, &t, true);
    assert!(s.qualified, "{:?}", s.reasons);
    assert!(s.warning, "two absences: one more is unqualified");
    t.absent = 3;
    let s =
        Standing::judge(&policy, Period::Year(YEAR), t, &t, true).assess(&policy, &rec, &t, true);
    assert_eq!(
        s.reasons,
        vec![Reason::TooManyAbsences {
            absences: 3,
            limit: 3
        }]
    );
    assert!(!s.warning);
}

#[test]
fn training_funds_share() {
    // 篇6, 篇9: 保证培训经费占公用经费的10%以上.
    let policy = Policy::default();
    let cases = [
        (50_000_000, 4_200_000, Some(84), false),
        (50_000_000, 5_000_000, Some(100), true),
        (50_000_000, 6_000_000, Some(120), true),
        (0, 0, None, false),
    ];
    for (public, training, permille, enough) in cases {
        let f = Funds {
            public_fen: public,
            training_fen: training,
        };
        assert_eq!(f.share_permille(), permille, "{public} / {training}");
        assert_eq!(f.enough(&policy), enough, "{public} / {training}");
    }
    let mut strict = Policy::default();
    strict.assessment.training_funds_percent = 15;
    let f = Funds {
        public_fen: 100,
        training_fen: 12,
    };
    assert!(!f.enough(&strict));
}

// ---------------------------------------------------------------------------
// Properties: doing what the regulations ask never makes a standing worse
// ---------------------------------------------------------------------------

use proptest::prelude::*;

fn arb_stage() -> impl Strategy<Value = CreditStage> {
    prop_oneof![
        Just(CreditStage::Registered),
        Just(CreditStage::SelfAssessed),
        Just(CreditStage::GroupPassed),
        Just(CreditStage::Confirmed),
        Just(CreditStage::Returned),
    ]
}

fn arb_season() -> impl Strategy<Value = Season> {
    prop_oneof![Just(Season::Autumn), Just(Season::Spring)]
}

fn arb_record() -> impl Strategy<Value = YearRecord> {
    (
        prop::collection::vec((0u32..60, arb_stage(), any::<bool>(), arb_season()), 0..4),
        prop::collection::vec((0u32..30, any::<bool>(), arb_season()), 0..4),
        prop::collection::vec(any::<bool>(), 4),
        (0u32..8000, 0u32..8000, 0u32..3),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(|(ext, mk, items, (a, b, lessons), ended)| YearRecord {
            external: ext
                .into_iter()
                .enumerate()
                .map(|(i, (t, stage, reported, season))| ExternalItem {
                    season: Some(season),
                    ..external(i as u32 + 1, t, stage, reported)
                })
                .collect(),
            makeups: mk
                .into_iter()
                .enumerate()
                .map(|(i, (t, done, season))| makeup(i as u32 + 1, t, done, season))
                .collect(),
            file: YearFile {
                items: ArchiveItem::ALL
                    .into_iter()
                    .zip(items)
                    .filter(|(_, has)| *has)
                    .map(|(i, _)| i)
                    .collect(),
                notes_chars: [a, b],
                open_lessons: lessons,
                multimedia_lessons: [0, 0],
            },
            terms_ended: [ended.0, ended.0 && ended.1],
            ..YearRecord::default()
        })
}

/// How bad a standing is: unqualified first, then points deducted, then
/// fewer credits.
fn badness(s: &Standing) -> (bool, u32, i64) {
    let f = s.figures.as_ref().unwrap();
    (!s.qualified, f.deducted, -i64::from(f.year_credits.0))
}

fn judge(rec: &YearRecord, session_tenths: u32, ended: bool) -> Standing {
    let policy = Policy::default();
    let t = year_tally(session_tenths);
    Standing::judge(&policy, Period::Year(YEAR), t, &t, ended).assess(&policy, rec, &t, ended)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Marking a make-up done, handing in an archive item, writing more
    /// notes or giving an open lesson never makes the standing worse.
    #[test]
    fn doing_the_work_never_hurts(rec in arb_record(), tenths in 0u32..500, ended: bool, pick: usize) {
        let before = badness(&judge(&rec, tenths, ended));
        let mut better = Vec::new();
        if !rec.makeups.is_empty() {
            let mut r = rec.clone();
            let i = pick % r.makeups.len();
            r.makeups[i].done = true;
            better.push(r);
        }
        let mut r = rec.clone();
        r.file.items = ArchiveItem::ALL.to_vec();
        better.push(r);
        let mut r = rec.clone();
        r.file.notes_chars = [r.file.notes_chars[0] + 1000, r.file.notes_chars[1] + 1000];
        better.push(r);
        let mut r = rec.clone();
        r.file.open_lessons += 1;
        better.push(r);
        for r in better {
            let after = badness(&judge(&r, tenths, ended));
            prop_assert!(after <= before, "{:?} -> {:?}", before, after);
        }
    }

    /// Figures add up: the period's credits are their three sources, and
    /// the year's are at least the sessions'.
    #[test]
    fn credits_add_up(rec in arb_record(), tenths in 0u32..500, ended: bool) {
        let s = judge(&rec, tenths, ended);
        let f = s.figures.unwrap();
        prop_assert_eq!(f.credits, f.session_credits + f.made_up_credits + f.external_credits);
        prop_assert_eq!(f.year_credits, f.credits);
        prop_assert!(f.year_credits >= Credits(tenths));
        prop_assert_eq!(s.qualified, s.reasons.is_empty());
    }
}
