//! The assessment beyond attendance: outside credits from the credit card
//! (学分卡) and their review chain, official-leave make-ups, study notes, the
//! archive checklist, open lessons, degrees, mentor pairs and the school's
//! training funds; and `YearContext`, which gathers one teacher's year for
//! `Standing::assess`.
//!
//! Who does what (docs/rules.md, "Assessment"):
//! - a teacher registers their own credit-card entries and self-assesses
//!   them; the office may register an entry for them from the card;
//! - the teaching-group leader reviews self-assessed entries (of their own
//!   group, when their account is linked to a teacher), then the assessment
//!   team confirms; each may send an entry back with a comment; nobody
//!   reviews their own entry;
//! - the office marks make-ups done, records notes, the archive checklist,
//!   open lessons, degrees, mentor pairs, funds and outside-study reports.

use super::{App, AppError, Result, STAFF, json};
use crate::core::{
    AcademicYear, ArchiveItem, Category, CreditId, CreditStage, Credits, Degree, ExternalCredit,
    ExternalItem, Funds, Leave, LeaveKind, LeaveStatus, MakeUpDone, MakeUpItem, MentorPair,
    Qualification, ReviewStep, Role, Season, SessionId, Teacher, TeacherId, Term, YearFile,
    YearRecord, outcome,
};
use crate::store::{Reader, SessionRecord};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashSet;

/// What a new credit-card entry says.
#[derive(Debug, Clone)]
pub struct CreditEntry {
    pub teacher: TeacherId,
    pub date: NaiveDate,
    pub title: String,
    pub organiser: String,
    pub credits: Credits,
    pub card: String,
}

/// Which credit entries to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditFilter {
    /// Entries waiting for this actor's review.
    Waiting,
    /// Every entry the actor may see.
    All,
}

/// One official-leave session to make up, for lists.
#[derive(Debug, Clone)]
pub struct MakeUpLine {
    pub teacher: Teacher,
    pub item: MakeUpItem,
    pub done: Option<MakeUpDone>,
}

/// What `set_year_file` changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct YearFileChange {
    pub items: Vec<(ArchiveItem, bool)>,
    pub notes_chars: [Option<u32>; 2],
    pub open_lessons: Option<u32>,
    pub multimedia_lessons: [Option<u32>; 2],
}

/// Everything of one academic year that every teacher's record needs, read
/// once for a whole standings table.
pub struct YearContext {
    year: AcademicYear,
    terms: Vec<Term>,
    sessions: Vec<SessionRecord>,
    pairs: Vec<MentorPair>,
    /// Approved official leaves by teacher: the only ones make-ups come from.
    official: std::collections::HashMap<TeacherId, Vec<Leave>>,
    today: NaiveDate,
}

fn season_slot(s: Season) -> usize {
    match s {
        Season::Autumn => 0,
        Season::Spring => 1,
    }
}

impl YearContext {
    pub fn load(r: &Reader, year: AcademicYear, today: NaiveDate) -> Result<YearContext> {
        let terms: Vec<Term> = r
            .terms()?
            .into_iter()
            .filter(|t| t.id.year == year)
            .collect();
        let sessions = r
            .sessions()?
            .into_iter()
            .filter(|s| terms.iter().any(|t| t.contains(s.session.date)))
            .collect();
        let mut official: std::collections::HashMap<TeacherId, Vec<Leave>> = Default::default();
        for l in r.leaves()? {
            if l.kind == LeaveKind::Official && l.status == LeaveStatus::Approved {
                official.entry(l.teacher.clone()).or_default().push(l);
            }
        }
        Ok(YearContext {
            year,
            sessions,
            official,
            pairs: r.mentor_pairs(year)?,
            terms,
            today,
        })
    }

    fn season_of(&self, date: NaiveDate) -> Option<Season> {
        self.terms
            .iter()
            .find(|t| t.contains(date))
            .map(|t| t.id.season)
    }

    /// One teacher's year beyond attendance.
    pub fn record(&self, r: &Reader, teacher: &Teacher) -> Result<YearRecord> {
        let id = &teacher.id;
        let official = self.official.get(id).map_or(&[][..], Vec::as_slice);
        let done: HashSet<SessionId> = if official.is_empty() {
            HashSet::new()
        } else {
            r.teacher_makeups(id)?.into_iter().map(|(s, _)| s).collect()
        };
        let mut makeups = Vec::new();
        for rec in &self.sessions {
            let s = &rec.session;
            // Only a session an approved official leave covers can be one;
            // the facts are read for those alone.
            if !s.requires(teacher) || !official.iter().any(|l| l.excuses(s)) {
                continue;
            }
            let facts = r.facts(s.id, id)?;
            // Other leaves cannot outrank official leave (the kindest), so
            // the approved official ones decide alone.
            let o = outcome(s, rec.state, teacher, facts.as_ref(), official);
            if o.category == Category::OfficialLeave {
                makeups.push(MakeUpItem {
                    session: s.id,
                    date: s.date,
                    title: s.title.clone(),
                    credits: s.credits,
                    season: self.season_of(s.date),
                    done: done.contains(&s.id),
                });
            }
        }
        let external = r
            .teacher_external_credits(id, self.year)?
            .into_iter()
            .map(|c| ExternalItem {
                id: c.id,
                title: c.title,
                credits: c.credits,
                stage: c.stage,
                reported: c.reported,
                season: self.season_of(c.date),
            })
            .collect();
        let mut terms_ended = [false; 2];
        for t in &self.terms {
            terms_ended[season_slot(t.id.season)] = self.today > t.end;
        }
        Ok(YearRecord {
            external,
            makeups,
            file: r.year_file(id, self.year)?,
            qualification: r.qualification(id)?,
            mentors: self
                .pairs
                .iter()
                .filter(|p| &p.mentor == id || &p.mentee == id)
                .cloned()
                .collect(),
            terms_ended,
        })
    }
}

/// One teacher's year record, on its own (for a single lookup).
pub fn assessment_inputs(
    r: &Reader,
    teacher: &Teacher,
    year: AcademicYear,
    today: NaiveDate,
) -> Result<YearRecord> {
    YearContext::load(r, year, today)?.record(r, teacher)
}

fn invalid(field: &'static str, value: impl ToString, why: &str) -> AppError {
    AppError::Invalid {
        field,
        value: value.to_string(),
        why: why.to_string(),
    }
}

impl App {
    fn forbid_unless_own_or(
        &self,
        teacher: &TeacherId,
        action: &str,
        roles: &[Role],
    ) -> Result<()> {
        if self.actor.teacher.as_ref() == Some(teacher) {
            return Ok(());
        }
        self.actor.require(action, roles)
    }

    /// Registers an outside-training entry from the teacher's credit card
    /// (学分卡, 篇10 §5): the teacher themselves, or the office for them.
    pub fn add_credit(&mut self, e: CreditEntry, now: NaiveDateTime) -> Result<CreditId> {
        self.forbid_unless_own_or(&e.teacher, "credit add", &[Role::Office])?;
        if e.title.trim().is_empty() {
            return Err(invalid("title", "", "is empty"));
        }
        if e.card.trim().is_empty() {
            return Err(invalid(
                "card",
                "",
                "is empty: give the credit card's number",
            ));
        }
        if e.credits == Credits::default() {
            return Err(invalid("credits", e.credits, "must be more than 0"));
        }
        let mut w = self.begin(now)?;
        if w.teacher(&e.teacher)?.is_none() {
            return Err(AppError::UnknownTeacher(e.teacher.0));
        }
        let year = w
            .terms()?
            .into_iter()
            .find(|t| t.contains(e.date))
            .map(|t| t.id.year)
            .unwrap_or_else(|| AcademicYear::containing(e.date));
        if w.teacher_external_credits(&e.teacher, year)?
            .iter()
            .any(|c| c.card.trim() == e.card.trim())
        {
            return Err(AppError::Exists(format!("{} {}", e.teacher, e.card.trim())));
        }
        let id = w.next_credit_id()?;
        let c = ExternalCredit {
            id,
            teacher: e.teacher,
            year,
            date: e.date,
            title: e.title.trim().to_string(),
            organiser: e.organiser.trim().to_string(),
            credits: e.credits,
            card: e.card.trim().to_string(),
            stage: CreditStage::Registered,
            reported: false,
            registered_by: self.actor.name.clone(),
            registered_at: now,
            steps: Vec::new(),
        };
        w.put_external_credit(&c)?;
        w.log(
            "credit.add",
            format!("credit {id}"),
            None,
            json(&c),
            None,
            None,
            Some(c.teacher.clone()),
        )?;
        w.commit()?;
        Ok(id)
    }

    /// The teacher's self-assessment (学分自评): sends a registered or
    /// returned entry to the teaching-group leader.
    pub fn self_assess_credit(
        &mut self,
        id: CreditId,
        comment: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        if self.actor.teacher.as_ref() != Some(&before.teacher) {
            return Err(AppError::Forbidden {
                action: "credit submit (own entries only)".into(),
                needs: vec![Role::Teacher],
            });
        }
        if !matches!(
            before.stage,
            CreditStage::Registered | CreditStage::Returned
        ) {
            return Err(AppError::CreditState {
                id,
                stage: before.stage,
                action: "self-assess",
            });
        }
        self.step(
            w,
            before,
            CreditStage::SelfAssessed,
            comment,
            "credit.self_assess",
        )
    }

    /// Passes an entry one step up the chain: the teaching-group leader
    /// passes a self-assessed entry, the assessment team confirms it.
    pub fn pass_credit(&mut self, id: CreditId, comment: &str, now: NaiveDateTime) -> Result<()> {
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        let to = match before.stage {
            CreditStage::SelfAssessed => CreditStage::GroupPassed,
            CreditStage::GroupPassed => CreditStage::Confirmed,
            stage => {
                return Err(AppError::CreditState {
                    id,
                    stage,
                    action: "pass",
                });
            }
        };
        self.check_reviewer(&w, &before, "credit pass")?;
        self.step(w, before, to, comment, "credit.pass")
    }

    /// Sends an entry back to the teacher with a comment (required), from
    /// whichever reviewer holds it.
    pub fn return_credit(&mut self, id: CreditId, comment: &str, now: NaiveDateTime) -> Result<()> {
        if comment.trim().is_empty() {
            return Err(invalid("comment", "", "is required when sending back"));
        }
        let w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        if !matches!(
            before.stage,
            CreditStage::SelfAssessed | CreditStage::GroupPassed
        ) {
            return Err(AppError::CreditState {
                id,
                stage: before.stage,
                action: "send back",
            });
        }
        self.check_reviewer(&w, &before, "credit return")?;
        self.step(w, before, CreditStage::Returned, comment, "credit.return")
    }

    /// The reviewer of an entry's current stage: the group leader (of the
    /// teacher's group, when the leader's account is a teacher) for a
    /// self-assessed entry, the assessment team after the group.
    fn check_reviewer(
        &self,
        w: &crate::store::Writer,
        c: &ExternalCredit,
        action: &str,
    ) -> Result<()> {
        let role = if c.stage == CreditStage::SelfAssessed {
            Role::GroupLeader
        } else {
            Role::Assessment
        };
        self.actor.require(action, &[role])?;
        if self.actor.teacher.as_ref() == Some(&c.teacher) {
            return Err(AppError::Forbidden {
                action: format!("{action} (own entry)"),
                needs: vec![role],
            });
        }
        if role == Role::GroupLeader
            && let Some(me) = &self.actor.teacher
            && let (Some(mine), Some(theirs)) = (w.teacher(me)?, w.teacher(&c.teacher)?)
            && mine.group != theirs.group
        {
            return Err(AppError::Forbidden {
                action: format!("{action} ({} group)", theirs.group),
                needs: vec![role],
            });
        }
        Ok(())
    }

    fn step(
        &self,
        mut w: crate::store::Writer,
        before: ExternalCredit,
        to: CreditStage,
        comment: &str,
        action: &str,
    ) -> Result<()> {
        let mut after = before.clone();
        after.stage = to;
        after.steps.push(ReviewStep {
            to,
            by: self.actor.name.clone(),
            at: w.at(),
            comment: comment.trim().to_string(),
        });
        w.put_external_credit(&after)?;
        w.log(
            action,
            format!("credit {}", after.id),
            json(&before.stage),
            json(&after.stage),
            (!comment.trim().is_empty()).then(|| comment.trim().to_string()),
            None,
            Some(after.teacher.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Records that the written report after outside study was received
    /// (篇1 art. 7), or takes it back (office).
    pub fn set_credit_report(
        &mut self,
        id: CreditId,
        reported: bool,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.actor.require("credit report", &[Role::Office])?;
        let mut w = self.begin(now)?;
        let before = w.external_credit(id)?.ok_or(AppError::UnknownCredit(id))?;
        let after = ExternalCredit {
            reported,
            ..before.clone()
        };
        w.put_external_credit(&after)?;
        w.log(
            "credit.report",
            format!("credit {id}"),
            json(&before.reported),
            json(&after.reported),
            None,
            None,
            Some(after.teacher.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Credit entries, oldest first: a teacher sees their own; `Waiting`
    /// lists those whose current stage this actor reviews.
    pub fn credits(
        &self,
        filter: CreditFilter,
        year: Option<AcademicYear>,
    ) -> Result<Vec<ExternalCredit>> {
        let r = self.store.read()?;
        let mine = self.actor.teacher.clone();
        let group = match &mine {
            Some(t) => r.teacher(t)?.map(|t| t.group),
            None => None,
        };
        let mut out = Vec::new();
        for c in r.external_credits()? {
            if !self.actor.may_see(&c.teacher) || year.is_some_and(|y| y != c.year) {
                continue;
            }
            if filter == CreditFilter::Waiting {
                if mine.as_ref() == Some(&c.teacher) {
                    continue;
                }
                let waiting = match c.stage {
                    CreditStage::SelfAssessed => {
                        self.actor.has(Role::GroupLeader)
                            && match &group {
                                Some(g) => r.teacher(&c.teacher)?.is_some_and(|t| &t.group == g),
                                None => true,
                            }
                    }
                    CreditStage::GroupPassed => self.actor.has(Role::Assessment),
                    _ => false,
                };
                if !waiting {
                    continue;
                }
            }
            out.push(c);
        }
        Ok(out)
    }

    /// Official-leave sessions to make up in `year`, for one teacher or all
    /// visible ones; `open_only` leaves out those made up.
    pub fn makeups(
        &self,
        teacher: Option<&TeacherId>,
        year: AcademicYear,
        open_only: bool,
        today: NaiveDate,
    ) -> Result<Vec<MakeUpLine>> {
        let r = self.store.read()?;
        let ctx = YearContext::load(&r, year, today)?;
        let mut out = Vec::new();
        for t in r.teachers()? {
            if !self.actor.may_see(&t.id) || teacher.is_some_and(|x| x != &t.id) {
                continue;
            }
            let done: std::collections::HashMap<_, _> =
                r.teacher_makeups(&t.id)?.into_iter().collect();
            for item in ctx.record(&r, &t)?.makeups {
                if open_only && item.done {
                    continue;
                }
                out.push(MakeUpLine {
                    done: done.get(&item.session).cloned(),
                    teacher: t.clone(),
                    item,
                });
            }
        }
        Ok(out)
    }

    /// Marks an official leave's content made up (office), or takes the
    /// mark back with `undo`.
    pub fn set_makeup(
        &mut self,
        teacher: &TeacherId,
        session: SessionId,
        note: &str,
        undo: bool,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.actor.require("makeup done", &[Role::Office])?;
        let mut w = self.begin(now)?;
        let t = w
            .teacher(teacher)?
            .ok_or_else(|| AppError::UnknownTeacher(teacher.0.clone()))?;
        let rec = w
            .session(session)?
            .ok_or(AppError::UnknownSession(session))?;
        let facts = w.facts(session, teacher)?;
        let leaves = w.teacher_leaves(teacher)?;
        let o = outcome(&rec.session, rec.state, &t, facts.as_ref(), &leaves);
        let before = w.makeup(teacher, session)?;
        if undo {
            if before.is_none() {
                return Err(invalid("session", session, "has no make-up marked"));
            }
            w.remove_makeup(teacher, session)?;
        } else {
            if o.category != Category::OfficialLeave {
                return Err(invalid(
                    "session",
                    session,
                    "was not missed on approved official leave",
                ));
            }
            if before.is_some() {
                return Err(AppError::Exists(format!("makeup {teacher} {session}")));
            }
            w.put_makeup(
                teacher,
                session,
                &MakeUpDone {
                    by: self.actor.name.clone(),
                    at: now,
                    note: note.trim().to_string(),
                },
            )?;
        }
        let after = w.makeup(teacher, session)?;
        w.log(
            if undo { "makeup.undo" } else { "makeup.done" },
            format!("makeup session {session} / {teacher}"),
            json(&before),
            json(&after),
            (!note.trim().is_empty()).then(|| note.trim().to_string()),
            Some(session),
            Some(teacher.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// A teacher's archive for a year (the teacher, or staff).
    pub fn year_file(&self, teacher: &TeacherId, year: AcademicYear) -> Result<YearFile> {
        if !self.actor.may_see(teacher) {
            return Err(AppError::Forbidden {
                action: "archive show".into(),
                needs: STAFF.to_vec(),
            });
        }
        Ok(self.store.read()?.year_file(teacher, year)?)
    }

    /// Changes a teacher's archive for a year: checklist items, note
    /// characters per term, open lessons (office).
    pub fn set_year_file(
        &mut self,
        teacher: &TeacherId,
        year: AcademicYear,
        change: YearFileChange,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.actor.require("archive set", &[Role::Office])?;
        let mut w = self.begin(now)?;
        if w.teacher(teacher)?.is_none() {
            return Err(AppError::UnknownTeacher(teacher.0.clone()));
        }
        let before = w.year_file(teacher, year)?;
        let mut after = before.clone();
        for (item, has) in change.items {
            after.items.retain(|i| *i != item);
            if has {
                after.items.push(item);
            }
        }
        after
            .items
            .sort_by_key(|i| ArchiveItem::ALL.iter().position(|x| x == i));
        for i in 0..2 {
            if let Some(n) = change.notes_chars[i] {
                after.notes_chars[i] = n;
            }
            if let Some(n) = change.multimedia_lessons[i] {
                after.multimedia_lessons[i] = n;
            }
        }
        if let Some(n) = change.open_lessons {
            after.open_lessons = n;
        }
        if after == before {
            return Ok(());
        }
        w.put_year_file(teacher, year, &after)?;
        w.log(
            "archive.set",
            format!("archive {teacher} {year}"),
            json(&before),
            json(&after),
            None,
            None,
            Some(teacher.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Records a teacher's degree and major (office).
    pub fn set_qualification(
        &mut self,
        teacher: &TeacherId,
        q: Qualification,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.actor.require("qualification set", &[Role::Office])?;
        let mut w = self.begin(now)?;
        if w.teacher(teacher)?.is_none() {
            return Err(AppError::UnknownTeacher(teacher.0.clone()));
        }
        let before = w.qualification(teacher)?;
        w.put_qualification(teacher, &q)?;
        w.log(
            "qualification.set",
            format!("qualification {teacher}"),
            json(&before),
            json(&q),
            None,
            None,
            Some(teacher.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Pairs a mentor with a mentee for a year (师徒结对, office).
    pub fn add_mentor_pair(&mut self, p: MentorPair, now: NaiveDateTime) -> Result<()> {
        self.actor.require("mentor add", &[Role::Office])?;
        if p.mentor == p.mentee {
            return Err(invalid("mentee", &p.mentee, "is the mentor"));
        }
        let mut w = self.begin(now)?;
        for t in [&p.mentor, &p.mentee] {
            if w.teacher(t)?.is_none() {
                return Err(AppError::UnknownTeacher(t.0.clone()));
            }
        }
        if w.mentor_pairs(p.year)?
            .iter()
            .any(|o| o.mentor == p.mentor && o.mentee == p.mentee)
        {
            return Err(AppError::Exists(format!(
                "{} → {} {}",
                p.mentor, p.mentee, p.year
            )));
        }
        w.put_mentor_pair(&p)?;
        for t in [&p.mentor, &p.mentee] {
            w.log(
                "mentor.add",
                format!("mentor {} → {} {}", p.mentor, p.mentee, p.year),
                None,
                json(&p),
                None,
                None,
                Some(t.clone()),
            )?;
        }
        w.commit()?;
        Ok(())
    }

    /// Ends a mentor pair of a year (office).
    pub fn remove_mentor_pair(
        &mut self,
        year: AcademicYear,
        mentor: &TeacherId,
        mentee: &TeacherId,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.actor.require("mentor remove", &[Role::Office])?;
        let mut w = self.begin(now)?;
        let Some(p) = w
            .mentor_pairs(year)?
            .into_iter()
            .find(|o| &o.mentor == mentor && &o.mentee == mentee)
        else {
            return Err(invalid(
                "pair",
                format!("{mentor} → {mentee} {year}"),
                "does not exist",
            ));
        };
        w.remove_mentor_pair(&p)?;
        for t in [mentor, mentee] {
            w.log(
                "mentor.remove",
                format!("mentor {mentor} → {mentee} {year}"),
                json(&p),
                None,
                None,
                None,
                Some(t.clone()),
            )?;
        }
        w.commit()?;
        Ok(())
    }

    /// A year's mentor pairs the actor may see.
    pub fn mentor_pairs(&self, year: AcademicYear) -> Result<Vec<MentorPair>> {
        Ok(self
            .store
            .read()?
            .mentor_pairs(year)?
            .into_iter()
            .filter(|p| self.actor.may_see(&p.mentor) || self.actor.may_see(&p.mentee))
            .collect())
    }

    /// Records the school's public funds and its training spending for a
    /// year (office).
    pub fn set_funds(&mut self, year: AcademicYear, f: Funds, now: NaiveDateTime) -> Result<()> {
        self.actor.require("funds set", &[Role::Office])?;
        if f.training_fen > f.public_fen {
            return Err(invalid(
                "training",
                f.training_fen as f64 / 100.0,
                "is more than the public funds",
            ));
        }
        let mut w = self.begin(now)?;
        let before = w.funds(year)?;
        w.put_funds(year, &f)?;
        w.log(
            "funds.set",
            format!("funds {year}"),
            json(&before),
            json(&f),
            None,
            None,
            None,
        )?;
        w.commit()?;
        Ok(())
    }

    /// A year's funds (staff other than teachers).
    pub fn funds(&self, year: AcademicYear) -> Result<Option<Funds>> {
        self.actor.require("funds show", STAFF)?;
        Ok(self.store.read()?.funds(year)?)
    }

    /// One teacher's year record beyond attendance (the teacher, or staff).
    pub fn year_record(
        &self,
        teacher: &TeacherId,
        year: AcademicYear,
        today: NaiveDate,
    ) -> Result<YearRecord> {
        if !self.actor.may_see(teacher) {
            return Err(AppError::Forbidden {
                action: "record".into(),
                needs: STAFF.to_vec(),
            });
        }
        let r = self.store.read()?;
        let t = r
            .teacher(teacher)?
            .ok_or_else(|| AppError::UnknownTeacher(teacher.0.clone()))?;
        assessment_inputs(&r, &t, year, today)
    }
}

/// Parses a degree: bachelor, 本科, master, ...
pub fn parse_degree(s: &str) -> Option<Degree> {
    Some(match s.trim() {
        "secondary" | "中专" | "高中" => Degree::Secondary,
        "associate" | "college" | "大专" | "专科" => Degree::Associate,
        "bachelor" | "本科" => Degree::Bachelor,
        "master" | "硕士" | "研究生" => Degree::Master,
        "doctorate" | "phd" | "博士" => Degree::Doctorate,
        _ => return None,
    })
}

/// Parses an amount of money in yuan with at most two decimals into fen.
pub fn parse_yuan(s: &str) -> Option<u64> {
    let s = s.trim().replace(',', "");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    if int.is_empty() || frac.len() > 2 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let i: u64 = int.parse().ok()?;
    let f: u64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    i.checked_mul(100)?.checked_add(f)
}

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
    let mut state = seed ^ 0x5EED_A55E_55ED_0007;
    let mut next = move |n: u64| {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n.max(1)
    };
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
        if !leaves.iter().any(|l| l.kind == LeaveKind::Official) {
            continue;
        }
        for rec in &sessions {
            let s = &rec.session;
            if !leaves
                .iter()
                .any(|l| l.kind == LeaveKind::Official && l.excuses(s))
            {
                continue;
            }
            let facts = w.facts(s.id, &t.id)?;
            if outcome(s, rec.state, t, facts.as_ref(), &leaves).category == Category::OfficialLeave
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
