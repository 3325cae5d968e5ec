//! The demo school's assessment records, from their own generator.

use super::{App, Result};
use chrono::NaiveDateTime;
use rules::{
    AcademicYear, ArchiveItem, Category, CreditId, CreditStage, Credits, Degree, ExternalCredit,
    Funds, MakeUpDone, MentorPair, Qualification, ReviewStep, Season, Teacher, YearFile, outcome,
};
use store::SessionRecord;

/// The demo school's assessment records: credit cards in every stage of
/// their review, make-ups partly done, notes, archives, open lessons,
/// degrees, mentor pairs and funds. Its own generator, so the attendance
/// of the demo is the same with or without it.
pub(crate) fn demo_assessment(
    app: &mut App,
    teachers: &[Teacher],
    years: std::ops::RangeInclusive<i32>,
    now: NaiveDateTime,
    seed: u64,
) -> Result<()> {
    // Its own stream, so that the attendance data does not change.
    let mut rng = super::demo::Rng(seed ^ 0x5EED_A55E_55ED_0007);
    let mut next = move |n: u64| rng.next() % n.max(1);
    let today = now.date();
    let mut w = app.begin(now)?;
    let terms = w.terms()?;
    let mut credit_id = w.next_credit_id()?.0;
    let stages = [
        CreditStage::Confirmed,
        CreditStage::Confirmed,
        CreditStage::Confirmed,
        CreditStage::GroupPassed,
        CreditStage::SelfAssessed,
        CreditStage::Registered,
        CreditStage::Returned,
    ];
    const TRAININGS: [(&str, &str); 4] = [
        ("县级骨干教师培训", "县教师进修学校"),
        ("新课程标准解读", "市教育局教研室"),
        ("信息技术与学科融合", "省电化教育馆"),
        ("班主任工作专题培训", "县教育局"),
    ];
    for t in teachers {
        let degree = match next(20) {
            0 => Degree::Associate,
            1..=3 => Degree::Master,
            _ => Degree::Bachelor,
        };
        let q = Qualification {
            degree,
            major: t.group.clone(),
            matches_subject: next(25) != 0,
        };
        w.put_qualification(&t.id, &q)?;
    }
    for y in years {
        let year = AcademicYear(y);
        let ended = |s: Season| {
            terms
                .iter()
                .find(|t| t.id.year == year && t.id.season == s)
                .is_some_and(|t| today > t.end)
        };
        let started = terms
            .iter()
            .filter(|t| t.id.year == year)
            .map(|t| t.start)
            .min()
            .is_some_and(|s| s <= today);
        if !started {
            continue;
        }
        for t in teachers {
            // Outside training: one or two cards a year, dated in a term so far.
            for _ in 0..next(3) {
                let Some(term) = terms
                    .iter()
                    .filter(|x| x.id.year == year && x.start <= today)
                    .nth(next(2) as usize)
                    .or_else(|| terms.iter().find(|x| x.id.year == year))
                else {
                    continue;
                };
                let span = (term.end.min(today) - term.start).num_days().max(1) as u64;
                let date = term.start + chrono::Duration::days(next(span) as i64);
                let (title, organiser) = TRAININGS[next(4) as usize];
                let stage = stages[next(stages.len() as u64) as usize];
                let mut steps = Vec::new();
                let mut step = |to: CreditStage, comment: &str| {
                    steps.push(ReviewStep {
                        to,
                        by: "demo".into(),
                        at: now,
                        comment: comment.into(),
                    })
                };
                if stage != CreditStage::Registered {
                    step(CreditStage::SelfAssessed, "");
                }
                if matches!(stage, CreditStage::GroupPassed | CreditStage::Confirmed) {
                    step(CreditStage::GroupPassed, "");
                }
                match stage {
                    CreditStage::Confirmed => step(CreditStage::Confirmed, ""),
                    CreditStage::Returned => step(CreditStage::Returned, "学分卡缺主办单位盖章"),
                    _ => {}
                }
                let c = ExternalCredit {
                    id: CreditId(credit_id),
                    teacher: t.id.clone(),
                    year,
                    date,
                    title: title.into(),
                    organiser: organiser.into(),
                    credits: Credits::whole(2 + next(4) as u32),
                    card: format!("XF-{y}-{credit_id:05}"),
                    stage,
                    reported: stage == CreditStage::Confirmed && next(5) != 0,
                    registered_by: "demo".into(),
                    registered_at: now,
                    steps,
                };
                credit_id += 1;
                w.put_external_credit(&c)?;
            }
            let notes = |s: Season, next: &mut dyn FnMut(u64) -> u64| {
                if ended(s) || next(2) == 0 {
                    3000 + next(4000) as u32
                } else {
                    0
                }
            };
            let mut file = YearFile {
                notes_chars: [
                    notes(Season::Autumn, &mut next),
                    notes(Season::Spring, &mut next),
                ],
                open_lessons: u32::from(next(4) != 0),
                ..YearFile::default()
            };
            for item in ArchiveItem::ALL {
                if next(8) != 0 {
                    file.items.push(item);
                }
            }
            w.put_year_file(&t.id, year, &file)?;
        }
        // 青蓝工程: the newest teachers each paired with a colleague.
        for (i, t) in teachers.iter().enumerate().filter(|(i, _)| i % 9 == 4) {
            let mentor = &teachers[(i + 13) % teachers.len()];
            if mentor.id != t.id {
                w.put_mentor_pair(&MentorPair {
                    year,
                    mentor: mentor.id.clone(),
                    mentee: t.id.clone(),
                    note: "青蓝工程".into(),
                })?;
            }
        }
        // In fen: 400,000 to 600,000 yuan of public funds.
        let public = 40_000_000 + next(20_000_000);
        w.put_funds(
            year,
            &Funds {
                public_fen: public,
                training_fen: public / 100 * (8 + next(5)),
            },
        )?;
    }
    // Half the official-leave sessions already made up.
    let sessions: Vec<SessionRecord> = w
        .sessions()?
        .into_iter()
        .filter(|r| r.session.date < today && terms.iter().any(|x| x.contains(r.session.date)))
        .collect();
    for t in teachers {
        let leaves = w.teacher_leaves(&t.id)?;
        if !leaves.iter().any(|l| l.kind.made_up()) {
            continue;
        }
        for rec in &sessions {
            let s = &rec.session;
            if !leaves.iter().any(|l| l.kind.made_up() && l.excuses(s)) {
                continue;
            }
            let facts = w.facts(s.id, &t.id)?;
            if outcome(
                s,
                rec.state,
                rec.closed.as_ref(),
                t,
                facts.as_ref(),
                &leaves,
            )
            .category
                == Category::OfficialLeave
                && next(2) == 0
            {
                w.put_makeup(
                    &t.id,
                    s.id,
                    &MakeUpDone {
                        by: "demo".into(),
                        at: now,
                        note: "自学笔记已交".into(),
                    },
                )?;
            }
        }
    }
    w.log(
        "demo.assessment",
        "credits, make-ups, notes, archives, mentors, funds".into(),
        None,
        None,
        Some("demo school generated".into()),
        None,
        None,
    )?;
    w.commit()?;
    Ok(())
}
