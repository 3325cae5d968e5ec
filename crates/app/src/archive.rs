//! What the office records for the assessment: official-leave make-ups
//! (公假, 培训内容自行后补), note characters, the archive checklist and open
//! lessons, degrees, mentor pairs (师徒结对) and the school's training funds.

use super::assessment::{YearContext, assessment_inputs, invalid};
use super::year_end::AssessError;
use super::{App, AppError, FieldName, Result, STAFF, Why, commit_logged, json};
use chrono::{NaiveDate, NaiveDateTime};
use rules::{
    AcademicYear, ArchiveItem, Category, Funds, MakeUpDone, MakeUpItem, MentorPair, Qualification,
    Role, Season, SessionId, Teacher, TeacherId, TermId, YearFile, YearRecord, outcome,
};

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

impl App {
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
    ) -> Result<AcademicYear> {
        self.actor.require(
            if undo { "makeup undo" } else { "makeup done" },
            &[Role::Office],
        )?;
        super::bounded(rules::limits::Field::Note, note)?;
        let mut w = self.begin(now)?;
        let t = w
            .teacher(teacher)?
            .ok_or_else(|| AppError::UnknownTeacher(teacher.0.clone()))?;
        let rec = w
            .session(session)?
            .ok_or(AppError::UnknownSession(session))?;
        let year = w
            .terms()?
            .into_iter()
            .find(|t| t.contains(rec.session.date))
            .map_or_else(|| AcademicYear::containing(rec.session.date), |t| t.id.year);
        let why = self.closed_year_reason(&w, year)?;
        let facts = w.facts(session, teacher)?;
        let leaves = w.teacher_leaves(teacher)?;
        let o = outcome(
            &rec.session,
            rec.state,
            rec.closed.as_ref(),
            &t,
            facts.as_ref(),
            &leaves,
        );
        let before = w.makeup(teacher, session)?;
        if undo {
            if before.is_none() {
                return Err(invalid(FieldName::Session, session, Why::NoMakeUpMarked));
            }
            w.remove_makeup(teacher, session)?;
        } else {
            if o.category != Category::OfficialLeave {
                return Err(invalid(FieldName::Session, session, Why::NotOfficialLeave));
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
            super::joined(&[note, why.as_deref().unwrap_or("")]),
            Some(session),
            Some(teacher.clone()),
        )?;
        w.commit()?;
        Ok(year)
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
        // Named as the command that asked: study notes alone are `notes set`.
        let notes_only = change.items.is_empty()
            && change.open_lessons.is_none()
            && change.multimedia_lessons == [None, None]
            && change.notes_chars.iter().any(Option::is_some);
        self.actor.require(
            if notes_only {
                "notes set"
            } else {
                "archive set"
            },
            &[Role::Office],
        )?;
        for (i, (item, has)) in change.items.iter().enumerate() {
            if change.items[..i].iter().any(|(x, h)| x == item && h != has) {
                return Err(AssessError::HasAndLacks { item: *item }.into());
            }
        }
        {
            use rules::limits::{Field, LESSONS_MAX, NOTES_MAX};
            for n in change.notes_chars.iter().flatten() {
                super::counted(Field::NotesChars, u64::from(*n), u64::from(NOTES_MAX))?;
            }
            for n in change
                .multimedia_lessons
                .iter()
                .flatten()
                .chain(&change.open_lessons)
            {
                super::counted(Field::OpenLessons, u64::from(*n), u64::from(LESSONS_MAX))?;
            }
        }
        let mut w = self.begin_for(teacher, now)?;
        for (i, season) in [Season::Autumn, Season::Spring].into_iter().enumerate() {
            let term = TermId { year, season };
            if change.notes_chars[i].is_some() && w.term(term)?.is_none() {
                return Err(AppError::UnknownTerm(term.to_string()));
            }
        }
        let mut why = self.closed_year_reason(&w, year)?;
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
        // A term's own figures (its notes, its multimedia lessons) are what
        // its posting shows: changed after it, with a reason.
        for (i, season) in [Season::Autumn, Season::Spring].into_iter().enumerate() {
            let changed = after.notes_chars[i] != before.notes_chars[i]
                || after.multimedia_lessons[i] != before.multimedia_lessons[i];
            if changed
                && let Some(r) = self.posted_term_reason(
                    &w,
                    TermId { year, season },
                    None,
                    self.reason.as_deref(),
                )?
            {
                why = Some(r);
            }
        }
        w.put_year_file(teacher, year, &after)?;
        w.log(
            "archive.set",
            format!("archive {teacher} {year}"),
            json(&before),
            json(&after),
            why,
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
        super::bounded(rules::limits::Field::Major, &q.major)?;
        let mut w = self.begin_for(teacher, now)?;
        let before = w.qualification(teacher)?;
        w.put_qualification(teacher, &q)?;
        commit_logged(
            w,
            "qualification.set",
            format!("qualification {teacher}"),
            json(&before),
            json(&q),
            Some(teacher.clone()),
        )
    }

    /// Pairs a mentor with a mentee for a year (师徒结对, office).
    pub fn add_mentor_pair(&mut self, p: MentorPair, now: NaiveDateTime) -> Result<()> {
        self.actor.require("mentor add", &[Role::Office])?;
        if p.mentor == p.mentee {
            return Err(AssessError::OwnMentor { teacher: p.mentee }.into());
        }
        let mut w = self.begin(now)?;
        let why = self.closed_year_reason(&w, p.year)?;
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
        if w.mentor_pairs(p.year)?
            .iter()
            .any(|o| o.mentor == p.mentee && o.mentee == p.mentor)
        {
            return Err(AssessError::ReversedPair {
                mentor: p.mentee.clone(),
                mentee: p.mentor.clone(),
                year: p.year,
            }
            .into());
        }
        w.put_mentor_pair(&p)?;
        for t in [&p.mentor, &p.mentee] {
            w.log(
                "mentor.add",
                format!("mentor {} → {} {}", p.mentor, p.mentee, p.year),
                None,
                json(&p),
                why.clone(),
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
        let why = self.closed_year_reason(&w, year)?;
        let Some(p) = w
            .mentor_pairs(year)?
            .into_iter()
            .find(|o| &o.mentor == mentor && &o.mentee == mentee)
        else {
            return Err(invalid(
                FieldName::Pair,
                format!("{mentor} → {mentee} {year}"),
                Why::NoSuchPair,
            ));
        };
        w.remove_mentor_pair(&p)?;
        for t in [mentor, mentee] {
            w.log(
                "mentor.remove",
                format!("mentor {mentor} → {mentee} {year}"),
                json(&p),
                None,
                why.clone(),
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
                FieldName::TrainingFunds,
                f.training_fen as f64 / 100.0,
                Why::OverPublicFunds,
            ));
        }
        let mut w = self.begin(now)?;
        let why = self.closed_year_reason(&w, year)?;
        let before = w.funds(year)?;
        w.put_funds(year, &f)?;
        w.log(
            "funds.set",
            format!("funds {year}"),
            json(&before),
            json(&f),
            why,
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
