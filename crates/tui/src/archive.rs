//! The office's records in the terminal app: on the teacher tab, for the
//! teacher shown, `N` note characters this term, `A` the archive checklist
//! and open lessons, `D` degree and major, `M` a mentor pair; on the credits
//! tab, `F` the school's training funds this year. Each modal edits, Enter
//! asks y/n, and the change goes through the app layer (which checks the
//! office role), then everything reloads.

use super::action::{Action, Mode};
use super::keymap::Keymap;
use super::screens::Cx;
use super::screens::Tab;
use super::widgets::input_request;
use crate::i18n::{self, AssessText, KeyHint, Lang, OfficeText};
use app::assessment::{YearFileChange, parse_yuan, season_slot};
use app::cells::{funds_line, yuan};
use app::standings::StandingRow;
use app::{AppError, FieldName, Why};
use crossterm::event::KeyEvent;
use ratatui::text::Line;
use rules::{
    AcademicYear, ArchiveItem, Degree, Funds, MentorPair, Period, Qualification, Season, Teacher,
    TeacherId, TermId,
};
use tui_input::Input;

const DEGREES: [Degree; 5] = [
    Degree::Secondary,
    Degree::Associate,
    Degree::Bachelor,
    Degree::Master,
    Degree::Doctorate,
];

/// An office modal: what it edits, for whom, and whether it asks y/n now.
pub struct OfficeEdit {
    /// The teacher edited; None for the school's funds.
    pub teacher: Option<Teacher>,
    pub year: AcademicYear,
    pub kind: Edit,
    pub input: Input,
    pub confirming: bool,
    /// The box holds the recorded value: the first key typed replaces it.
    pub fresh: bool,
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

fn invalid(field: FieldName, value: impl ToString, why: Why) -> AppError {
    AppError::Invalid {
        field,
        value: value.to_string(),
        why,
    }
}

impl OfficeEdit {
    /// Opens the edit an action asks for: on the teacher screen for
    /// `teacher` (whose year standing gives the recorded degree), or the
    /// school's funds.
    pub fn open(
        action: Action,
        teacher: Option<&Teacher>,
        year_row: Option<&StandingRow>,
        cx: &mut Cx,
    ) -> Result<OfficeEdit, AppError> {
        let lang = cx.lang;
        let today = cx.now.date();
        let app = &*cx.app;
        // The year (term) meant today: the current one, or between terms
        // the one just ended (policy `between_terms`); PgUp/PgDn move it.
        let year = app.meant_year(today)?;
        let teacher = match action {
            Action::Funds => None,
            _ => Some(
                teacher
                    .cloned()
                    .ok_or_else(|| invalid(FieldName::Teacher, "", Why::NoTeacherPicked))?,
            ),
        };
        let mut input = Input::default();
        let kind = match (action, &teacher) {
            (Action::NotesChars, Some(t)) => {
                let term = app
                    .meant_term(today)?
                    .ok_or_else(|| invalid(FieldName::Term, today, Why::TodayInNoTerm))?;
                let file = app.year_file(&t.id, term.year)?;
                input = Input::new(file.notes_chars[season_slot(term.season)].to_string());
                Edit::Notes { term }
            }
            (Action::ArchiveFile, Some(t)) => {
                let file = app.year_file(&t.id, year)?;
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
                let q = year_row
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
                let policy = app.policy()?;
                let f = app.funds(year)?;
                if let Some(f) = &f {
                    input = Input::new(format!("{} {}", yuan(f.public_fen), yuan(f.training_fen)));
                }
                Edit::Funds {
                    current: funds_line(lang, f.as_ref(), &policy),
                }
            }
        };
        let year = match &kind {
            Edit::Notes { term } => term.year,
            _ => year,
        };
        Ok(OfficeEdit {
            teacher,
            year,
            kind,
            fresh: !input.value().is_empty(),
            input,
            confirming: false,
        })
    }

    /// Moves the edit to the previous (`back`) or next term or year and
    /// shows what is recorded there: notes move by term, the archive, a
    /// mentor pair and the funds by academic year; a degree has none.
    fn move_period(&mut self, back: bool, cx: &mut Cx) -> Result<(), AppError> {
        let app = &*cx.app;
        let step = if back { -1 } else { 1 };
        match &mut self.kind {
            Edit::Degree { .. } => return Ok(()),
            Edit::Notes { term } => {
                let mut terms: Vec<TermId> = app.terms()?.into_iter().map(|t| t.id).collect();
                terms.sort();
                let at = terms.iter().position(|t| t == term);
                let next = match (at, back) {
                    (Some(i), true) => i.checked_sub(1).and_then(|i| terms.get(i)),
                    (Some(i), false) => terms.get(i + 1),
                    (None, _) => terms.first(),
                };
                let Some(next) = next.copied() else {
                    return Ok(());
                };
                *term = next;
                self.year = next.year;
                if let Some(t) = &self.teacher {
                    let file = app.year_file(&t.id, next.year)?;
                    self.input = Input::new(file.notes_chars[season_slot(next.season)].to_string());
                }
            }
            Edit::Archive { items, counts, .. } => {
                self.year = AcademicYear(self.year.0 + step);
                if let Some(t) = &self.teacher {
                    let file = app.year_file(&t.id, self.year)?;
                    *items = ArchiveItem::ALL.map(|i| file.items.contains(&i));
                    *counts = [
                        file.open_lessons,
                        file.multimedia_lessons[0],
                        file.multimedia_lessons[1],
                    ];
                }
            }
            Edit::Mentor { ending, .. } => {
                self.year = AcademicYear(self.year.0 + step);
                *ending = false;
            }
            Edit::Funds { current } => {
                self.year = AcademicYear(self.year.0 + step);
                let policy = app.policy()?;
                let f = app.funds(self.year)?;
                self.input = match &f {
                    Some(f) => {
                        Input::new(format!("{} {}", yuan(f.public_fen), yuan(f.training_fen)))
                    }
                    None => Input::default(),
                };
                *current = funds_line(cx.lang, f.as_ref(), &policy);
            }
        }
        self.fresh = !self.input.value().is_empty();
        Ok(())
    }

    pub fn mode(&self) -> Mode {
        match (&self.kind, self.confirming) {
            (_, true) => Mode::Confirm,
            (Edit::Archive { .. }, false) => Mode::Checklist,
            _ => Mode::Text,
        }
    }

    /// An action in the edit: returns the edit while it stays open.
    pub fn handle(mut self, action: Action, cx: &mut Cx) -> Option<OfficeEdit> {
        if self.confirming {
            return match action {
                Action::Yes => {
                    self.save(cx);
                    None
                }
                Action::No => None,
                _ => Some(self),
            };
        }
        match action {
            Action::Cancel => return None,
            Action::Submit => {
                match self.check(cx) {
                    Ok(()) => self.confirming = true,
                    Err(err) => cx.fail(err),
                }
                return Some(self);
            }
            Action::ClearInput => self.input.reset(),
            Action::PrevPeriod | Action::NextPeriod => {
                if let Err(err) = self.move_period(action == Action::PrevPeriod, cx) {
                    cx.fail(err);
                }
                return Some(self);
            }
            _ => {}
        }
        match &mut self.kind {
            Edit::Archive {
                items,
                counts,
                focus,
            } => {
                let item = [Action::Item1, Action::Item2, Action::Item3, Action::Item4]
                    .iter()
                    .position(|a| *a == action);
                match (item, action) {
                    (Some(i), _) => items[i] = !items[i],
                    (_, Action::Up) => *focus = (*focus + counts.len() - 1) % counts.len(),
                    (_, Action::Down) => *focus = (*focus + 1) % counts.len(),
                    (_, Action::Increase) => counts[*focus] = counts[*focus].saturating_add(1),
                    (_, Action::Decrease) => counts[*focus] = counts[*focus].saturating_sub(1),
                    _ => {}
                }
            }
            Edit::Degree { degree, matches } => match action {
                Action::Up | Action::Down => {
                    let at = DEGREES.iter().position(|d| d == degree).unwrap_or(2);
                    let n = DEGREES.len();
                    let next = if action == Action::Up {
                        (at + n - 1) % n
                    } else {
                        (at + 1) % n
                    };
                    *degree = DEGREES[next];
                }
                Action::NextField | Action::PrevField => *matches = !*matches,
                _ => {}
            },
            Edit::Mentor { is_mentor, .. } => {
                if matches!(action, Action::NextField | Action::PrevField) {
                    *is_mentor = !*is_mentor;
                }
            }
            Edit::Notes { .. } | Edit::Funds { .. } => {}
        }
        Some(self)
    }

    /// A typed key: edits the text (and, for a mentor pair, finds the other).
    pub fn typed(&mut self, key: &KeyEvent, cx: &mut Cx) {
        if self.confirming || matches!(self.kind, Edit::Archive { .. }) {
            return;
        }
        let Some(r) = input_request(key) else { return };
        // The recorded value is shown selected: a character or a backspace
        // replaces it (typing 100 over 5600 gives 100, not 5600100).
        if std::mem::take(&mut self.fresh)
            && matches!(
                r,
                tui_input::InputRequest::InsertChar(_) | tui_input::InputRequest::DeletePrevChar
            )
        {
            self.input.reset();
        }
        self.input.handle(r);
        let me = self.teacher.as_ref().map(|t| t.id.clone());
        if let Edit::Mentor { other, .. } = &mut self.kind {
            let q = self.input.value().trim();
            *other = if q.is_empty() {
                None
            } else {
                match cx.app.lookup(q) {
                    Ok(found) => found.into_iter().find(|t| Some(&t.id) != me.as_ref()),
                    Err(err) => {
                        cx.fail(err);
                        None
                    }
                }
            };
        }
    }

    /// Whether what is typed can be saved: numbers parse, a teacher is
    /// found; for a mentor pair, whether it exists already (then y ends it).
    fn check(&mut self, cx: &Cx) -> Result<(), AppError> {
        if let Edit::Mentor {
            is_mentor,
            other: Some(other),
            ending,
        } = &mut self.kind
            && let Some(me) = &self.teacher
        {
            let (mentor, mentee) = if *is_mentor {
                (&me.id, &other.id)
            } else {
                (&other.id, &me.id)
            };
            *ending = cx
                .app
                .mentor_pairs(self.year)?
                .iter()
                .any(|p| &p.mentor == mentor && &p.mentee == mentee);
            return Ok(());
        }
        match &self.kind {
            Edit::Notes { .. } => number(&self.input).map(|_| ()),
            Edit::Funds { .. } => amounts(&self.input).map(|_| ()),
            Edit::Mentor { other: None, .. } => Err(invalid(
                FieldName::Teacher,
                self.input.value(),
                Why::NoOtherTeacher,
            )),
            _ => Ok(()),
        }
    }

    /// Saves the change through the app; says so, or shows the app's
    /// refusal.
    fn save(&self, cx: &mut Cx) {
        let r = self.try_save(cx);
        cx.done(r);
    }

    fn try_save(&self, cx: &mut Cx) -> Result<String, AppError> {
        let (lang, now) = (cx.lang, cx.now);
        let who = self
            .teacher
            .as_ref()
            .map_or_else(|| TeacherId(String::new()), |t| t.id.clone());
        match &self.kind {
            Edit::Notes { term } => {
                let mut change = YearFileChange::default();
                change.notes_chars[season_slot(term.season)] = Some(number(&self.input)?);
                cx.app.set_year_file(&who, term.year, change, now)?;
            }
            Edit::Archive { items, counts, .. } => {
                let change = YearFileChange {
                    items: ArchiveItem::ALL.into_iter().zip(*items).collect(),
                    open_lessons: Some(counts[0]),
                    multimedia_lessons: [Some(counts[1]), Some(counts[2])],
                    ..YearFileChange::default()
                };
                cx.app.set_year_file(&who, self.year, change, now)?;
            }
            Edit::Degree { degree, matches } => {
                let q = Qualification {
                    degree: *degree,
                    major: self.input.value().trim().to_string(),
                    matches_subject: *matches,
                };
                cx.app.set_qualification(&who, q, now)?;
            }
            Edit::Mentor {
                is_mentor,
                other,
                ending,
            } => {
                let other = other.as_ref().map(|t| t.id.clone()).ok_or_else(|| {
                    invalid(FieldName::Teacher, self.input.value(), Why::NoOtherTeacher)
                })?;
                let (mentor, mentee) = if *is_mentor {
                    (who.clone(), other)
                } else {
                    (other, who.clone())
                };
                if *ending {
                    cx.app
                        .remove_mentor_pair(self.year, &mentor, &mentee, now)?;
                } else {
                    let p = MentorPair {
                        year: self.year,
                        mentor,
                        mentee,
                        note: String::new(),
                    };
                    cx.app.add_mentor_pair(p, now)?;
                }
            }
            Edit::Funds { .. } => {
                let f = amounts(&self.input)?;
                cx.app.set_funds(self.year, f, now)?;
                let policy = cx.app.policy()?;
                return Ok(format!(
                    "{} {}: {}",
                    i18n::text(lang, i18n::Label::Saved),
                    i18n::period_name(lang, Period::Year(self.year)),
                    funds_line(lang, Some(&f), &policy)
                ));
            }
        }
        let to = match &self.kind {
            Edit::Notes { term } => i18n::saved_to(lang, Period::Term(*term)),
            Edit::Degree { .. } => i18n::text(lang, i18n::Label::Saved).to_string(),
            _ => i18n::saved_to(lang, Period::Year(self.year)),
        };
        Ok(format!(
            "{} {to}",
            self.teacher
                .as_ref()
                .map_or(String::new(), |t| i18n::shown(&t.name).into_owned()),
        ))
    }
}

fn number(input: &Input) -> Result<u32, AppError> {
    input
        .value()
        .trim()
        .parse()
        .map_err(|_| invalid(FieldName::Chars, input.value(), Why::NotAWholeNumber))
}

fn amounts(input: &Input) -> Result<Funds, AppError> {
    let bad = || invalid(FieldName::Funds, input.value(), Why::NotTwoAmounts);
    let v: Vec<&str> = input.value().split_whitespace().collect();
    let [public, training] = v.as_slice() else {
        return Err(bad());
    };
    Ok(Funds {
        public_fen: parse_yuan(public).ok_or_else(bad)?,
        training_fen: parse_yuan(training).ok_or_else(bad)?,
    })
}

/// An office modal's title, lines and height.
pub fn modal(
    l: Lang,
    e: &OfficeEdit,
    keys: &Keymap,
    tab: Tab,
) -> (String, Vec<Line<'static>>, u16) {
    let yes_no = keys.yes_no(l, tab);
    let key = |a: Action| keys.name(l, tab, a);
    let hint = |h: KeyHint| i18n::key_hint(l, &h);
    let item_keys = [Action::Item1, Action::Item2, Action::Item3, Action::Item4].map(key);
    let o = |x: OfficeText| i18n::office_text(l, x);
    let a = |x: AssessText| i18n::assessment_text(l, x);
    let year = i18n::period_name(l, Period::Year(e.year));
    let who = e
        .teacher
        .as_ref()
        .map_or(year.clone(), |t| format!("{} {} {year}", t.id, t.name));
    let (title, hint_line, mut lines) = match &e.kind {
        Edit::Notes { term } => (
            o(OfficeText::NotesTitle),
            hint(KeyHint::NotesHint {
                submit: key(Action::Submit),
            }),
            vec![
                Line::from(format!(
                    "{} {}",
                    e.teacher.as_ref().map_or("", |t| t.name.as_str()),
                    i18n::period_name(l, Period::Term(*term))
                )),
                Line::from(format!("{} {}", a(AssessText::Notes), e.input.value())),
            ],
        ),
        Edit::Archive {
            items,
            counts,
            focus,
        } => {
            let mut lines = vec![Line::from(who)];
            for ((item, has), key) in ArchiveItem::ALL.iter().zip(items).zip(&item_keys) {
                let mark = if *has { "[x]" } else { "[ ]" };
                lines.push(Line::from(format!(
                    "{key} {mark} {}",
                    i18n::archive_item(l, *item)
                )));
            }
            let names = [
                a(AssessText::OpenLessons).to_string(),
                format!(
                    "{} {}",
                    a(AssessText::Multimedia),
                    i18n::season(l, Season::Autumn)
                ),
                format!(
                    "{} {}",
                    a(AssessText::Multimedia),
                    i18n::season(l, Season::Spring)
                ),
            ];
            for (i, (name, n)) in names.iter().zip(counts).enumerate() {
                let at = if i == *focus {
                    format!("{}/{}", key(Action::Increase), key(Action::Decrease))
                } else {
                    "   ".to_string()
                };
                lines.push(Line::from(format!("{at} {name} {n}")));
            }
            (
                o(OfficeText::ArchiveTitle),
                hint(KeyHint::ArchiveHint {
                    items: item_keys.join("/"),
                    up: key(Action::Up),
                    down: key(Action::Down),
                    more: key(Action::Increase),
                    less: key(Action::Decrease),
                    submit: key(Action::Submit),
                }),
                lines,
            )
        }
        Edit::Degree { degree, matches } => (
            o(OfficeText::DegreeTitle),
            hint(KeyHint::DegreeHint {
                up: key(Action::Up),
                down: key(Action::Down),
                next: key(Action::NextField),
                submit: key(Action::Submit),
            }),
            vec![
                Line::from(who),
                Line::from(format!(
                    "{} {}  {}",
                    a(AssessText::Qualification),
                    i18n::degree(l, *degree),
                    o(if *matches {
                        OfficeText::MatchesSubject
                    } else {
                        OfficeText::NotMatching
                    })
                )),
                Line::from(format!("{} {}", o(OfficeText::Major), e.input.value())),
            ],
        ),
        Edit::Mentor {
            is_mentor,
            other,
            ending,
        } => {
            let me = e.teacher.as_ref().map_or(String::new(), |t| t.name.clone());
            let them = other
                .as_ref()
                .map_or("?".to_string(), |t| format!("{} {}", t.id, t.name));
            let (mentor, mentee) = if *is_mentor { (me, them) } else { (them, me) };
            (
                o(OfficeText::MentorTitle),
                hint(KeyHint::MentorHint {
                    next: key(Action::NextField),
                    submit: key(Action::Submit),
                }),
                vec![
                    Line::from(who),
                    Line::from(format!("> {}", e.input.value())),
                    Line::from(format!(
                        "{} {mentor} → {} {mentee}{}",
                        a(AssessText::MenteeOf),
                        a(AssessText::MentorOf),
                        if *ending && e.confirming {
                            format!("  {}", o(OfficeText::EndPair))
                        } else {
                            String::new()
                        }
                    )),
                ],
            )
        }
        Edit::Funds { current } => (
            o(OfficeText::FundsTitle),
            hint(KeyHint::FundsHint {
                submit: key(Action::Submit),
            }),
            vec![
                Line::from(who),
                Line::from(current.clone()),
                Line::from(format!("> {}", e.input.value())),
            ],
        ),
    };
    let pick = match &e.kind {
        Edit::Degree { .. } => None,
        Edit::Notes { .. } => Some(false),
        _ => Some(true),
    };
    // Which term or year the box saves to, said before it does.
    let to = match &e.kind {
        Edit::Degree { .. } => None,
        Edit::Notes { term } => Some(Period::Term(*term)),
        _ => Some(Period::Year(e.year)),
    };
    if let Some(p) = to {
        lines.push(Line::from(format!(
            "{} {}",
            i18n::year_text(l, i18n::YearEndText::SavesTo),
            i18n::period_name(l, p)
        )));
    }
    if let (Some(year), false) = (pick, e.confirming) {
        lines.push(Line::from(i18n::key_hint(
            l,
            &KeyHint::PickPeriod {
                year,
                prev: key(Action::PrevPeriod),
                next: key(Action::NextPeriod),
            },
        )));
    }
    lines.push(Line::from(if e.confirming { yes_no } else { hint_line }));
    let h = lines.len() as u16 + 2;
    (title.to_string(), lines, h)
}
