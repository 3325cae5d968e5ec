//! The office's records in the terminal app: on the teacher tab, for the
//! teacher shown, `N` note characters this term, `A` the archive checklist
//! and open lessons, `D` degree and major, `M` a mentor pair; on the credits
//! tab, `F` the school's training funds this year. Each modal edits, Enter
//! asks y/n, and the change goes through the app layer (which checks the
//! office role), then everything reloads.

use super::keymap::Action;
use super::model::{Modal, Model, input_request};
use crate::app::AppError;
use crate::app::assessment::{YearFileChange, parse_yuan, season_slot};
use crate::app::format::{funds_line, yuan};
use crate::core::{
    AcademicYear, ArchiveItem, Degree, Funds, MentorPair, Period, Qualification, Season, Teacher,
    TeacherId, TermId,
};
use crate::i18n::{self, A, O};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use tui_input::Input;

const DEGREES: [Degree; 5] = [
    Degree::Secondary,
    Degree::Associate,
    Degree::Bachelor,
    Degree::Master,
    Degree::Doctorate,
];

/// The keys that tick the archive items, in `ArchiveItem::ALL` order.
const ITEM_KEYS: [char; 4] = ['p', 'n', 'r', 's'];

/// An office modal: what it edits, for whom, and whether it asks y/n now.
pub struct OfficeEdit {
    /// The teacher edited; None for the school's funds.
    pub teacher: Option<Teacher>,
    pub year: AcademicYear,
    pub kind: Edit,
    pub input: Input,
    pub confirming: bool,
}

pub enum Edit {
    Notes {
        term: TermId,
    },
    Archive {
        items: [bool; 4],
        /// Open lessons this year, multimedia open lessons in autumn and
        /// in spring.
        counts: [u32; 3],
        /// The count `+`/`-` change.
        focus: usize,
    },
    Degree {
        degree: Degree,
        matches: bool,
    },
    Mentor {
        /// The teacher edited is the mentor (else the mentee).
        is_mentor: bool,
        /// The other teacher, as found from what is typed.
        other: Option<Teacher>,
        /// The pair exists already: confirming ends it (解除结对).
        ending: bool,
    },
    Funds {
        /// The year's funds as recorded, as a line of text.
        current: String,
    },
}

fn invalid(field: &'static str, value: impl ToString, why: &str) -> AppError {
    AppError::Invalid {
        field,
        value: value.to_string(),
        why: why.to_string(),
    }
}

impl Model {
    /// The teacher tab's office keys; false when `key` is none of them.
    pub(super) fn office_teacher_key(&mut self, key: KeyEvent) -> bool {
        let k = &self.keys;
        let which = [
            Action::NotesChars,
            Action::ArchiveFile,
            Action::Degree,
            Action::MentorPair,
        ]
        .into_iter()
        .find(|a| k.is(*a, &key));
        let Some(action) = which else {
            return false;
        };
        if let Err(e) = self.open_office(action) {
            self.fail(e);
        }
        true
    }

    fn open_office(&mut self, action: Action) -> Result<(), AppError> {
        let today = (self.clock)().date();
        let year = self.app.current_year(today)?;
        let teacher = match action {
            Action::Funds => None,
            _ => Some(
                self.teacher
                    .matches
                    .get(self.teacher.cursor)
                    .cloned()
                    .ok_or_else(|| {
                        invalid("teacher", "", i18n::office_text(self.lang, O::NoTeacher))
                    })?,
            ),
        };
        let mut input = Input::default();
        let kind = match (action, &teacher) {
            (Action::NotesChars, Some(t)) => {
                let term = self.app.current_term(today)?.ok_or_else(|| {
                    invalid("term", today, i18n::office_text(self.lang, O::NoTerm))
                })?;
                let file = self.app.year_file(&t.id, term.year)?;
                input = Input::new(file.notes_chars[season_slot(term.season)].to_string());
                Edit::Notes { term }
            }
            (Action::ArchiveFile, Some(t)) => {
                let file = self.app.year_file(&t.id, year)?;
                Edit::Archive {
                    items: ArchiveItem::ALL.map(|i| file.items.contains(&i)),
                    counts: [
                        file.open_lessons,
                        file.multimedia_lessons[0],
                        file.multimedia_lessons[1],
                    ],
                    focus: 0,
                }
            }
            (Action::Degree, Some(_)) => {
                let q = self
                    .teacher
                    .year
                    .as_ref()
                    .and_then(|r| r.standing.figures.as_ref())
                    .and_then(|f| f.qualification.clone());
                match q {
                    Some(q) => {
                        input = Input::new(q.major);
                        Edit::Degree {
                            degree: q.degree,
                            matches: q.matches_subject,
                        }
                    }
                    None => Edit::Degree {
                        degree: Degree::Bachelor,
                        matches: true,
                    },
                }
            }
            (Action::MentorPair, Some(_)) => Edit::Mentor {
                is_mentor: true,
                other: None,
                ending: false,
            },
            _ => {
                let policy = self.app.policy()?;
                let f = self.app.funds(year)?;
                if let Some(f) = &f {
                    input = Input::new(format!("{} {}", yuan(f.public_fen), yuan(f.training_fen)));
                }
                Edit::Funds {
                    current: funds_line(self.lang, f.as_ref(), &policy),
                }
            }
        };
        self.modal = Some(Modal::Office(Box::new(OfficeEdit {
            teacher,
            year,
            kind,
            input,
            confirming: false,
        })));
        Ok(())
    }

    /// The credits tab's funds key; false when `key` is not it.
    pub(super) fn office_funds_key(&mut self, key: KeyEvent) -> bool {
        if !self.keys.is(Action::Funds, &key) {
            return false;
        }
        if let Err(e) = self.open_office(Action::Funds) {
            self.fail(e);
        }
        true
    }

    /// A key in an office modal: edit, Enter to ask, y/Enter to save, Esc
    /// or n to leave with nothing changed.
    pub(super) fn office_key(&mut self, mut e: OfficeEdit, key: KeyEvent) {
        if key.code == KeyCode::Esc {
            return;
        }
        if e.confirming {
            match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => self.office_save(&e),
                KeyCode::Char('n') => {}
                _ => self.modal = Some(Modal::Office(Box::new(e))),
            }
            return;
        }
        if key.code == KeyCode::Enter {
            match self.office_check(&mut e) {
                Ok(()) => e.confirming = true,
                Err(err) => self.fail(err),
            }
            self.modal = Some(Modal::Office(Box::new(e)));
            return;
        }
        let me = e.teacher.as_ref().map(|t| t.id.clone());
        match &mut e.kind {
            Edit::Archive {
                items,
                counts,
                focus,
            } => match key.code {
                KeyCode::Char(c) if ITEM_KEYS.contains(&c) => {
                    if let Some(i) = ITEM_KEYS.iter().position(|x| *x == c) {
                        items[i] = !items[i];
                    }
                }
                KeyCode::Up => *focus = (*focus + counts.len() - 1) % counts.len(),
                KeyCode::Down => *focus = (*focus + 1) % counts.len(),
                KeyCode::Char('+') | KeyCode::Right => {
                    counts[*focus] = counts[*focus].saturating_add(1)
                }
                KeyCode::Char('-') | KeyCode::Left => {
                    counts[*focus] = counts[*focus].saturating_sub(1)
                }
                _ => {}
            },
            Edit::Degree { degree, matches } => match key.code {
                KeyCode::Up | KeyCode::Down => {
                    let at = DEGREES.iter().position(|d| d == degree).unwrap_or(2);
                    let n = DEGREES.len();
                    let next = if key.code == KeyCode::Up {
                        (at + n - 1) % n
                    } else {
                        (at + 1) % n
                    };
                    *degree = DEGREES[next];
                }
                KeyCode::Tab => *matches = !*matches,
                _ => {
                    if let Some(r) = input_request(&key) {
                        e.input.handle(r);
                    }
                }
            },
            Edit::Mentor {
                is_mentor, other, ..
            } => {
                if key.code == KeyCode::Tab {
                    *is_mentor = !*is_mentor;
                } else if let Some(r) = input_request(&key) {
                    e.input.handle(r);
                    let q = e.input.value().trim();
                    *other = if q.is_empty() {
                        None
                    } else {
                        match self.app.lookup(q) {
                            Ok(found) => found.into_iter().find(|t| Some(&t.id) != me.as_ref()),
                            Err(err) => {
                                self.fail(err);
                                None
                            }
                        }
                    };
                }
            }
            Edit::Notes { .. } | Edit::Funds { .. } => {
                if let Some(r) = input_request(&key) {
                    e.input.handle(r);
                }
            }
        }
        self.modal = Some(Modal::Office(Box::new(e)));
    }

    /// Whether what is typed can be saved: numbers parse, a teacher is
    /// found; for a mentor pair, whether it exists already (then y ends it).
    fn office_check(&self, e: &mut OfficeEdit) -> Result<(), AppError> {
        if let Edit::Mentor {
            is_mentor,
            other: Some(other),
            ending,
        } = &mut e.kind
            && let Some(me) = &e.teacher
        {
            let (mentor, mentee) = if *is_mentor {
                (&me.id, &other.id)
            } else {
                (&other.id, &me.id)
            };
            *ending = self
                .app
                .mentor_pairs(e.year)?
                .iter()
                .any(|p| &p.mentor == mentor && &p.mentee == mentee);
            return Ok(());
        }
        match &e.kind {
            Edit::Notes { .. } => self.number(&e.input).map(|_| ()),
            Edit::Funds { .. } => self.amounts(&e.input).map(|_| ()),
            Edit::Mentor { other: None, .. } => Err(invalid(
                "teacher",
                e.input.value(),
                i18n::office_text(self.lang, O::NoMatch),
            )),
            _ => Ok(()),
        }
    }

    fn number(&self, input: &Input) -> Result<u32, AppError> {
        input.value().trim().parse().map_err(|_| {
            invalid(
                "chars",
                input.value(),
                i18n::office_text(self.lang, O::WantNumber),
            )
        })
    }

    fn amounts(&self, input: &Input) -> Result<Funds, AppError> {
        let bad = || {
            invalid(
                "funds",
                input.value(),
                i18n::office_text(self.lang, O::WantTwoAmounts),
            )
        };
        let v: Vec<&str> = input.value().split_whitespace().collect();
        let [public, training] = v.as_slice() else {
            return Err(bad());
        };
        Ok(Funds {
            public_fen: parse_yuan(public).ok_or_else(bad)?,
            training_fen: parse_yuan(training).ok_or_else(bad)?,
        })
    }

    /// Saves the change through the app; says so and reloads, or shows
    /// the app's refusal.
    fn office_save(&mut self, e: &OfficeEdit) {
        let now = (self.clock)();
        let r = (|| -> Result<String, AppError> {
            let who = e
                .teacher
                .as_ref()
                .map_or_else(|| TeacherId(String::new()), |t| t.id.clone());
            match &e.kind {
                Edit::Notes { term } => {
                    let mut change = YearFileChange::default();
                    change.notes_chars[season_slot(term.season)] = Some(self.number(&e.input)?);
                    self.app.set_year_file(&who, term.year, change, now)?;
                }
                Edit::Archive { items, counts, .. } => {
                    let change = YearFileChange {
                        items: ArchiveItem::ALL.into_iter().zip(*items).collect(),
                        open_lessons: Some(counts[0]),
                        multimedia_lessons: [Some(counts[1]), Some(counts[2])],
                        ..YearFileChange::default()
                    };
                    self.app.set_year_file(&who, e.year, change, now)?;
                }
                Edit::Degree { degree, matches } => {
                    let q = Qualification {
                        degree: *degree,
                        major: e.input.value().trim().to_string(),
                        matches_subject: *matches,
                    };
                    self.app.set_qualification(&who, q, now)?;
                }
                Edit::Mentor {
                    is_mentor,
                    other,
                    ending,
                } => {
                    let other = other
                        .as_ref()
                        .map(|t| t.id.clone())
                        .ok_or_else(|| invalid("teacher", e.input.value(), "?"))?;
                    let (mentor, mentee) = if *is_mentor {
                        (who.clone(), other)
                    } else {
                        (other, who.clone())
                    };
                    if *ending {
                        self.app.remove_mentor_pair(e.year, &mentor, &mentee, now)?;
                    } else {
                        let p = MentorPair {
                            year: e.year,
                            mentor,
                            mentee,
                            note: String::new(),
                        };
                        self.app.add_mentor_pair(p, now)?;
                    }
                }
                Edit::Funds { .. } => {
                    let f = self.amounts(&e.input)?;
                    self.app.set_funds(e.year, f, now)?;
                    let policy = self.app.policy()?;
                    return Ok(format!(
                        "{} {}: {}",
                        i18n::text(self.lang, i18n::T::Saved),
                        i18n::period_name(self.lang, Period::Year(e.year)),
                        funds_line(self.lang, Some(&f), &policy)
                    ));
                }
            }
            Ok(format!(
                "{} {}",
                i18n::shown(e.teacher.as_ref().map_or("", |t| t.name.as_str())),
                i18n::text(self.lang, i18n::T::Saved)
            ))
        })();
        match r {
            Ok(msg) => {
                self.reload();
                self.status = Some((msg, false));
            }
            Err(err) => self.fail(err),
        }
    }
}

/// An office modal's title, lines and height.
pub fn modal(m: &Model, e: &OfficeEdit) -> (String, Vec<Line<'static>>, u16) {
    let l = m.lang;
    let o = |x: O| i18n::office_text(l, x);
    let a = |x: A| i18n::assessment_text(l, x);
    let year = i18n::period_name(l, Period::Year(e.year));
    let who = e.teacher.as_ref().map_or(year.clone(), |t| {
        format!("{} {} {year}", i18n::shown(&t.id.0), i18n::shown(&t.name))
    });
    let (title, hint, mut lines) = match &e.kind {
        Edit::Notes { term } => (
            o(O::NotesTitle),
            o(O::NotesHint),
            vec![
                Line::from(format!(
                    "{} {}",
                    i18n::shown(e.teacher.as_ref().map_or("", |t| t.name.as_str())),
                    i18n::period_name(l, Period::Term(*term))
                )),
                Line::from(format!("{} {}", a(A::Notes), e.input.value())),
            ],
        ),
        Edit::Archive {
            items,
            counts,
            focus,
        } => {
            let mut lines = vec![Line::from(who)];
            for ((item, has), key) in ArchiveItem::ALL.iter().zip(items).zip(ITEM_KEYS) {
                let mark = if *has { "[x]" } else { "[ ]" };
                lines.push(Line::from(format!(
                    "{key} {mark} {}",
                    i18n::archive_item(l, *item)
                )));
            }
            let names = [
                a(A::OpenLessons).to_string(),
                format!("{} {}", a(A::Multimedia), i18n::season(l, Season::Autumn)),
                format!("{} {}", a(A::Multimedia), i18n::season(l, Season::Spring)),
            ];
            for (i, (name, n)) in names.iter().zip(counts).enumerate() {
                let at = if i == *focus { "+/-" } else { "   " };
                lines.push(Line::from(format!("{at} {name} {n}")));
            }
            (o(O::ArchiveTitle), o(O::ArchiveHint), lines)
        }
        Edit::Degree { degree, matches } => (
            o(O::DegreeTitle),
            o(O::DegreeHint),
            vec![
                Line::from(who),
                Line::from(format!(
                    "{} {}  {}",
                    a(A::Qualification),
                    i18n::degree(l, *degree),
                    o(if *matches {
                        O::MatchesSubject
                    } else {
                        O::NotMatching
                    })
                )),
                Line::from(format!("{} {}", o(O::Major), e.input.value())),
            ],
        ),
        Edit::Mentor {
            is_mentor,
            other,
            ending,
        } => {
            let me = e
                .teacher
                .as_ref()
                .map_or(String::new(), |t| i18n::shown(&t.name).into_owned());
            let them = other.as_ref().map_or("?".to_string(), |t| {
                format!("{} {}", i18n::shown(&t.id.0), i18n::shown(&t.name))
            });
            let (mentor, mentee) = if *is_mentor { (me, them) } else { (them, me) };
            (
                o(O::MentorTitle),
                o(O::MentorHint),
                vec![
                    Line::from(who),
                    Line::from(format!("> {}", e.input.value())),
                    Line::from(format!(
                        "{} {mentor} → {} {mentee}{}",
                        a(A::MenteeOf),
                        a(A::MentorOf),
                        if *ending && e.confirming {
                            format!("  {}", o(O::EndPair))
                        } else {
                            String::new()
                        }
                    )),
                ],
            )
        }
        Edit::Funds { current } => (
            o(O::FundsTitle),
            o(O::FundsHint),
            vec![
                Line::from(who),
                Line::from(current.clone()),
                Line::from(format!("> {}", e.input.value())),
            ],
        ),
    };
    lines.push(Line::from(if e.confirming {
        i18n::ui(l, i18n::U::YesNo)
    } else {
        hint
    }));
    let h = lines.len() as u16 + 2;
    (title.to_string(), lines, h)
}
