//! The roster, the terms and the term plan: teachers, terms and sessions.

use super::calendar::CalendarError;
use super::{App, AppError, FieldName, Result, Why, commit_logged, json};
use chrono::NaiveDateTime;
use rules::{Role, Session, SessionId, Teacher, Term, TermId};
use store::SessionRecord;

impl App {
    /// Adds a teacher to the roster (training office).
    /// A teacher joins on `active_from`, or now when it is not given:
    /// sessions before are not required of them, nor a session of today
    /// that began before they were added.
    pub fn add_teacher(&mut self, mut t: Teacher, now: NaiveDateTime) -> Result<()> {
        self.actor.require("teacher add", &[Role::Office])?;
        if t.active_from.is_none() {
            t.active_from = Some(now.date());
            t.from_time = Some(now.time());
        }
        t.id.0 = rules::half_width_id(&t.id.0);
        t.name = rules::tidy_name(&t.name);
        validate_teacher(&t)?;
        let mut w = self.begin(now)?;
        if w.teacher(&t.id)?.is_some() {
            return Err(AppError::Exists(t.id.0));
        }
        // Joining on a day of a closed year makes its sessions from then on
        // required: the office's, with a reason, like any change to it.
        let years = super::year_end::years_of_sessions(&w, |s| s.requires(&t))?;
        let given = super::calendar::optional_reason(self.reason.as_deref())?;
        let why = self.closed_years_reason(&w, &years, given.as_deref())?;
        w.put_teacher(&t)?;
        w.log(
            "teacher.add",
            format!("teacher {}", t.id),
            None,
            json(&t),
            why,
            None,
            Some(t.id.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    pub fn teachers(&self) -> Result<Vec<Teacher>> {
        self.actor.require("teacher list", super::STAFF)?;
        Ok(self.store.read()?.teachers()?)
    }

    /// Adds a term (training office). Its name must fit its dates (the
    /// academic year containing its first day, `calendar.year_start`), and
    /// terms may not overlap.
    /// Adds a term (training office); returns the code it is kept under
    /// (a spring named by its calendar year is kept under its school year's).
    pub fn add_term(&mut self, mut term: Term, now: NaiveDateTime) -> Result<TermId> {
        self.actor.require("term add", &[Role::Office])?;
        if term.end < term.start {
            return Err(AppError::Invalid {
                field: FieldName::End,
                value: term.end.to_string(),
                why: Why::BeforeStart,
            });
        }
        let mut w = self.begin(now)?;
        let start = w.policy()?.calendar.year_start;
        match rules::calendar::check_term(term.id, term.start, start) {
            Ok(()) => {}
            // `2027-spring` named by the calendar year it falls in, as
            // `2027年春季学期` names it: the spring of the school year
            // 2026-2027, whose code is 2026-spring. The dates decide.
            Err(fits)
                if term.id.season == rules::Season::Spring && fits == term.id.spring_before() =>
            {
                term.id = fits;
            }
            Err(fits) => {
                return Err(CalendarError::TermName {
                    given: term.id,
                    fits,
                    start: term.start,
                }
                .into());
            }
        }
        if w.term(term.id)?.is_some() {
            return Err(AppError::Exists(term.id.to_string()));
        }
        if let Some(o) = w
            .terms()?
            .into_iter()
            .find(|o| o.start <= term.end && term.start <= o.end)
        {
            return Err(CalendarError::TermOverlap {
                term: term.id,
                other: o.id,
                other_start: o.start,
                other_end: o.end,
            }
            .into());
        }
        w.put_term(&term)?;
        commit_logged(
            w,
            "term.add",
            format!("term {}", term.id),
            None,
            json(&term),
            None,
        )?;
        Ok(term.id)
    }

    pub fn terms(&self) -> Result<Vec<Term>> {
        Ok(self.store.read()?.terms()?)
    }

    /// Adds a session to the term plan (training office). The id is
    /// assigned here; `session.id` is ignored. Returns the new id.
    pub fn add_session(&mut self, session: Session, now: NaiveDateTime) -> Result<SessionId> {
        self.actor.require("session add", &[Role::Office])?;
        validate_session(&session)?;
        bound_session(&session)?;
        let mut w = self.begin(now)?;
        if !w.terms()?.iter().any(|t| t.contains(session.date)) {
            return Err(AppError::Invalid {
                field: FieldName::Date,
                value: session.date.to_string(),
                why: Why::InNoTerm,
            });
        }
        check_audience(&w, &session.audience)?;
        let start = session.date.and_time(session.start);
        let why = self.past_reason(&w, &[start], self.reason.as_deref())?;
        let id = insert_session(&mut w, session, why)?.session.id;
        w.commit()?;
        Ok(id)
    }

    pub fn sessions(&self) -> Result<Vec<SessionRecord>> {
        Ok(self.store.read()?.sessions()?)
    }

    pub fn session(&self, id: SessionId) -> Result<SessionRecord> {
        self.store
            .read()?
            .session(id)?
            .ok_or(AppError::UnknownSession(id))
    }

    /// The term a date falls in.
    pub fn term_of(&self, date: chrono::NaiveDate) -> Result<Option<Term>> {
        Ok(self.terms()?.into_iter().find(|t| t.contains(date)))
    }

    pub fn term(&self, id: TermId) -> Result<Term> {
        self.store
            .read()?
            .term(id)?
            .ok_or_else(|| AppError::UnknownTerm(id.to_string()))
    }
}

/// A session's own fields: an end after the start, a title.
pub(super) fn validate_session(session: &Session) -> Result<()> {
    if session.end <= session.start {
        return Err(AppError::Invalid {
            field: FieldName::End,
            value: session.end.format("%H:%M").to_string(),
            why: Why::NotAfterStart,
        });
    }
    if session.title.trim().is_empty() {
        return Err(AppError::Invalid {
            field: FieldName::Title,
            value: String::new(),
            why: Why::Empty,
        });
    }
    Ok(())
}

pub(crate) fn validate_teacher(t: &Teacher) -> Result<()> {
    use rules::limits::Field;
    super::bounded(Field::TeacherId, &t.id.0)?;
    super::bounded(Field::Name, &t.name)?;
    super::bounded(Field::Group, &t.group)?;
    if let Some(g) = &t.grade {
        super::bounded(Field::Grade, g)?;
    }
    let bad = |field, value: &str, why| AppError::Invalid {
        field,
        value: value.to_string(),
        why,
    };
    if t.id.0.trim().is_empty() || t.id.0.chars().any(char::is_whitespace) {
        return Err(bad(FieldName::Id, &t.id.0, Why::IdWithSpaces));
    }
    if t.name.trim().is_empty() {
        return Err(bad(FieldName::Name, &t.name, Why::Empty));
    }
    if t.group.trim().is_empty() {
        return Err(bad(FieldName::Group, &t.group, Why::Empty));
    }
    if let (Some(a), Some(b)) = (t.active_from, t.active_to)
        && b < a
    {
        return Err(bad(FieldName::To, &b.to_string(), Why::BeforeFirstDay));
    }
    Ok(())
}

/// Checks a session's texts and credits against their bounds.
pub(crate) fn bound_session(s: &Session) -> Result<()> {
    use rules::limits::Field;
    super::bounded(Field::Title, &s.title)?;
    for (field, v) in [
        (Field::Presenter, &s.presenter),
        (Field::Host, &s.host),
        (Field::Recorder, &s.recorder),
    ] {
        if let Some(v) = v {
            super::bounded(field, v)?;
        }
    }
    if let rules::Audience::Groups(gs) = &s.audience {
        for g in gs {
            super::bounded(Field::Group, g)?;
        }
    }
    super::credits_bounded(s.credits)
}

/// Stores a new session under the next id, with an empty roll, and records
/// it in the history (with the reason, for an import).
pub(super) fn insert_session(
    w: &mut store::Writer,
    mut session: Session,
    reason: Option<String>,
) -> Result<SessionRecord> {
    session.id = w.next_session_id()?;
    let rec = SessionRecord::new(session, Default::default());
    w.put_session(&rec)?;
    w.log(
        "session.add",
        format!("session {}", rec.session.id),
        None,
        json(&rec.session),
        reason,
        Some(rec.session.id),
        None,
    )?;
    Ok(rec)
}

/// Refuses an audience naming a group no teacher belongs to, now or in
/// their past groups (issue 25: `语文组` for 语文 made a session of 应到 0),
/// naming the groups there are and the one probably meant. A school with
/// no teacher yet (a plan entered before the roster) is not checked.
pub(crate) fn check_audience(w: &store::Writer, a: &rules::Audience) -> Result<()> {
    let known = known_groups(&w.teachers()?);
    match unknown_group(a, &known) {
        None => Ok(()),
        Some((group, near)) => Err(AppError::UnknownGroup { group, known, near }),
    }
}

/// The teaching groups teachers are in or were in, in order.
pub(crate) fn known_groups(teachers: &[rules::Teacher]) -> Vec<String> {
    let mut known: Vec<String> = teachers
        .iter()
        .flat_map(|t| std::iter::once(&t.group).chain(t.past_groups.iter().map(|p| &p.group)))
        .cloned()
        .collect();
    known.sort();
    known.dedup();
    known
}

/// The first group of audience `a` that is not `known`, with the known
/// group it probably means. None where `known` is empty: a plan entered
/// before the roster has nothing to be checked against.
pub(crate) fn unknown_group(
    a: &rules::Audience,
    known: &[String],
) -> Option<(String, Option<String>)> {
    let rules::Audience::Groups(named) = a else {
        return None;
    };
    if known.is_empty() {
        return None;
    }
    let group = named.iter().find(|g| !known.contains(g))?;
    Some((group.clone(), near_group(group, known)))
}

/// The known group `group` most likely means, only where it is a real near
/// match: the same but for a suffix (语文组, 语文教研组, 语文备课组 and 语文),
/// one inside the other, or one character apart on names of three or more
/// characters. 体育 is not 数学: two two-character names are always two
/// edits apart.
fn near_group(group: &str, known: &[String]) -> Option<String> {
    let stem = |g: &str| -> String {
        ["教研组", "备课组", "组"]
            .iter()
            .find_map(|s| g.strip_suffix(s).filter(|t| !t.is_empty()))
            .unwrap_or(g)
            .to_string()
    };
    let g = stem(group);
    if let Some(k) = known.iter().find(|k| {
        let s = stem(k);
        s == g || s.contains(g.as_str()) || g.contains(s.as_str())
    }) {
        return Some(k.clone());
    }
    known
        .iter()
        .filter(|k| group.chars().count() >= 3 && k.chars().count() >= 3)
        .find(|k| edits(group, k) <= 1)
        .cloned()
}

/// The number of characters to insert, remove or replace to turn `a` into `b`.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::near_group;

    #[test]
    fn a_group_is_suggested_only_where_it_is_near() {
        let known: Vec<String> = ["数学", "语文", "信息技术"].map(String::from).to_vec();
        let near = |g: &str| near_group(g, &known);
        assert_eq!(near("体育"), None);
        assert_eq!(near("英语"), None);
        assert_eq!(near("语文组"), Some("语文".into()));
        assert_eq!(near("语文教研组"), Some("语文".into()));
        assert_eq!(near("数学备课组"), Some("数学".into()));
        assert_eq!(near("信息技木"), Some("信息技术".into()));
        assert_eq!(near("信息科学"), None);
    }
}
