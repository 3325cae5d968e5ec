//! Commands of the assessment beyond attendance: credit-card entries and
//! their review chain, official-leave make-ups, study notes, the archive
//! checklist and open lessons, mentor pairs, degrees and training funds.

use super::output::{funds_line, table};
use super::{Outcome, credits_arg, date, teacher_arg, term_id};
use crate::app::assessment::season_slot;
use crate::app::assessment::{
    CreditChange, CreditEntry, CreditFilter, YearFileChange, parse_degree, parse_yuan,
};
use crate::app::{App, AppError};
use crate::core::{
    AcademicYear, ArchiveItem, CreditId, ExternalCredit, Funds, MentorPair, Period, Qualification,
    SessionId, TeacherId,
};
use crate::i18n::{self, A, Lang, T};
use chrono::{NaiveDate, NaiveDateTime};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum CreditCmd {
    /// Register training outside the school from the credit card (学分卡).
    Add {
        teacher: String,
        /// Day of the training (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        credits: String,
        /// The credit card's number (学分卡编号).
        #[arg(long)]
        card: String,
        /// Who ran the training.
        #[arg(long, default_value = "")]
        organiser: String,
    },
    /// Correct a registered or sent-back entry (the teacher, or the office).
    Edit {
        id: u32,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        credits: Option<String>,
        #[arg(long)]
        card: Option<String>,
        #[arg(long)]
        organiser: Option<String>,
    },
    /// List entries: all you may see, or those waiting for your review.
    List {
        #[arg(long)]
        waiting: bool,
        #[arg(long)]
        year: Option<i32>,
    },
    /// The teacher's self-assessment (学分自评): send to the teaching group.
    Submit {
        id: u32,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Pass an entry: the group leader, then the assessment team confirms.
    #[command(alias = "review")]
    Pass {
        id: u32,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Send an entry back to the teacher, with a comment.
    Return {
        id: u32,
        #[arg(long)]
        comment: String,
    },
    /// The written report after outside study was received (office).
    Report {
        id: u32,
        /// Take the mark back.
        #[arg(long)]
        undo: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum MakeUpCmd {
    /// Official-leave sessions to make up (公假, 培训内容自行后补).
    List {
        #[arg(long)]
        teacher: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        /// Only those not made up yet.
        #[arg(long)]
        open: bool,
    },
    /// Mark a session's content made up (office).
    Done {
        teacher: String,
        session: u32,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Take a make-up mark back (office).
    Undo { teacher: String, session: u32 },
}

#[derive(Subcommand, Debug)]
pub enum NotesCmd {
    /// Characters of study notes counted for a term: TEACHER TERM CHARS.
    Set {
        teacher: String,
        term: String,
        chars: u32,
    },
}

#[derive(Subcommand, Debug)]
pub enum ArchiveCmd {
    /// Change a teacher's archive for a year (office).
    Set {
        teacher: String,
        #[arg(long)]
        year: Option<i32>,
        /// Items handed in (comma-separated: plan, notes, reflections, summary).
        #[arg(long, default_value = "")]
        has: String,
        /// Items missing after all (comma-separated).
        #[arg(long, default_value = "")]
        lacks: String,
        /// Open lessons given this year.
        #[arg(long)]
        open_lessons: Option<u32>,
        /// Multimedia open lessons in the autumn term.
        #[arg(long)]
        multimedia_autumn: Option<u32>,
        /// Multimedia open lessons in the spring term.
        #[arg(long)]
        multimedia_spring: Option<u32>,
    },
    /// A teacher's year: credits, notes, archive, lessons, make-ups, mentors.
    Show {
        teacher: String,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum MentorCmd {
    /// Pair a mentor with a mentee for a year (师徒结对).
    Add {
        mentor: String,
        mentee: String,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, default_value = "")]
        note: String,
    },
    Remove {
        mentor: String,
        mentee: String,
        #[arg(long)]
        year: Option<i32>,
    },
    List {
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Subcommand, Debug)]
pub enum FundsCmd {
    /// The school's public funds and training spending for a year, in yuan.
    Set {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        public: String,
        #[arg(long)]
        training: String,
    },
    Show {
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Subcommand, Debug)]
pub enum QualificationCmd {
    /// A teacher's degree (bachelor, master, ...) and major.
    Set {
        teacher: String,
        degree: String,
        #[arg(long, default_value = "")]
        major: String,
        /// The major does not match the subject taught.
        #[arg(long)]
        mismatch: bool,
    },
}

fn year(app: &App, lang: Lang, y: Option<i32>, today: NaiveDate) -> Result<AcademicYear, String> {
    match y {
        Some(y) => Ok(AcademicYear(y)),
        None => app.current_year(today).map_err(|x| i18n::error(lang, &x)),
    }
}

fn saved(lang: Lang) -> String {
    i18n::text(lang, T::Saved).to_string()
}

fn credit_table(list: &[ExternalCredit], lang: Lang) -> String {
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|c| super::output::credit_cells(c, lang))
        .collect();
    table(&i18n::credit_headers(lang), &rows)
}

pub fn credit(app: &mut App, cmd: CreditCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    match cmd {
        CreditCmd::Add {
            teacher,
            date: d,
            title,
            credits,
            card,
            organiser,
        } => {
            let entry = CreditEntry {
                teacher: teacher_arg(app, lang, &teacher)?,
                date: date(lang, "date", &d)?,
                title,
                organiser,
                credits: credits_arg(lang, &credits)?,
                card,
            };
            let id = app.add_credit(entry, now).map_err(e)?;
            Ok(format!(
                "{} {id}",
                i18n::assessment_text(lang, A::CreditAdded)
            ))
        }
        CreditCmd::Edit {
            id,
            date: d,
            title,
            credits,
            card,
            organiser,
        } => {
            let change = CreditChange {
                date: d.map(|d| date(lang, "date", &d)).transpose()?,
                title,
                organiser,
                credits: credits.map(|c| credits_arg(lang, &c)).transpose()?,
                card,
            };
            app.edit_credit(CreditId(id), change, now).map_err(e)?;
            Ok(saved(lang))
        }
        CreditCmd::List { waiting, year: y } => {
            let filter = if waiting {
                CreditFilter::Waiting
            } else {
                CreditFilter::All
            };
            let list = app.credits(filter, y.map(AcademicYear)).map_err(e)?;
            Ok(credit_table(&list, lang))
        }
        CreditCmd::Submit { id, comment } => {
            app.self_assess_credit(CreditId(id), &comment, now)
                .map_err(e)?;
            Ok(saved(lang))
        }
        CreditCmd::Pass { id, comment } => {
            app.pass_credit(CreditId(id), &comment, now).map_err(e)?;
            Ok(saved(lang))
        }
        CreditCmd::Return { id, comment } => {
            app.return_credit(CreditId(id), &comment, now).map_err(e)?;
            Ok(saved(lang))
        }
        CreditCmd::Report { id, undo } => {
            app.set_credit_report(CreditId(id), !undo, now).map_err(e)?;
            Ok(saved(lang))
        }
    }
}

pub fn makeup(app: &mut App, cmd: MakeUpCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let today = now.date();
    match cmd {
        MakeUpCmd::List {
            teacher,
            year: y,
            open,
        } => {
            let t = teacher.map(|t| teacher_arg(app, lang, &t)).transpose()?;
            let y = year(app, lang, y, today)?;
            let rows: Vec<Vec<String>> = app
                .makeups(t.as_ref(), y, open, today)
                .map_err(e)?
                .iter()
                .map(|m| super::output::makeup_cells(m, lang))
                .collect();
            Ok(table(&i18n::makeup_headers(lang), &rows))
        }
        MakeUpCmd::Done {
            teacher,
            session,
            note,
        } => {
            let t = teacher_arg(app, lang, &teacher)?;
            app.set_makeup(&t, SessionId(session), &note, false, now)
                .map_err(e)?;
            Ok(saved(lang))
        }
        MakeUpCmd::Undo { teacher, session } => {
            let t = teacher_arg(app, lang, &teacher)?;
            app.set_makeup(&t, SessionId(session), "", true, now)
                .map_err(e)?;
            Ok(saved(lang))
        }
    }
}

pub fn notes(app: &mut App, cmd: NotesCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let NotesCmd::Set {
        teacher,
        term,
        chars,
    } = cmd;
    let t = teacher_arg(app, lang, &teacher)?;
    let term = term_id(lang, &term)?;
    let mut change = YearFileChange::default();
    change.notes_chars[season_slot(term.season)] = Some(chars);
    app.set_year_file(&t, term.year, change, now)
        .map_err(|x| i18n::error(lang, &x))?;
    Ok(saved(lang))
}

fn parse_items(lang: Lang, field: &'static str, s: &str) -> Result<Vec<ArchiveItem>, String> {
    let mut out = Vec::new();
    for x in s.split([',', ',']).map(str::trim).filter(|x| !x.is_empty()) {
        out.push(match x {
            "plan" | "计划" | "学习目标计划" => ArchiveItem::Plan,
            "notes" | "笔记" | "学习笔记" => ArchiveItem::Notes,
            "reflections" | "心得" | "学习心得" => ArchiveItem::Reflections,
            "summary" | "总结" | "阶段性总结" => ArchiveItem::Summary,
            other => {
                return Err(i18n::error(
                    lang,
                    &AppError::Invalid {
                        field,
                        value: other.to_string(),
                        why: i18n::assessment_text(lang, A::WantItem).to_string(),
                    },
                ));
            }
        });
    }
    Ok(out)
}

pub fn archive(app: &mut App, cmd: ArchiveCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let today = now.date();
    match cmd {
        ArchiveCmd::Set {
            teacher,
            year: y,
            has,
            lacks,
            open_lessons,
            multimedia_autumn,
            multimedia_spring,
        } => {
            let t = teacher_arg(app, lang, &teacher)?;
            let y = year(app, lang, y, today)?;
            let mut items: Vec<(ArchiveItem, bool)> = parse_items(lang, "has", &has)?
                .into_iter()
                .map(|i| (i, true))
                .collect();
            items.extend(
                parse_items(lang, "lacks", &lacks)?
                    .into_iter()
                    .map(|i| (i, false)),
            );
            let change = YearFileChange {
                items,
                notes_chars: [None, None],
                open_lessons,
                multimedia_lessons: [multimedia_autumn, multimedia_spring],
            };
            app.set_year_file(&t, y, change, now).map_err(e)?;
            Ok(saved(lang))
        }
        ArchiveCmd::Show {
            teacher,
            year: y,
            json,
        } => {
            let t = teacher_arg(app, lang, &teacher)?;
            let y = year(app, lang, y, today)?;
            year_summary(app, &t, y, lang, today, json)
        }
    }
}

/// A teacher's year beyond attendance: figures, checklist, make-ups,
/// mentors, degree, and every reason and deduction. Also shown by `record`.
pub fn year_summary(
    app: &App,
    id: &TeacherId,
    y: AcademicYear,
    lang: Lang,
    today: NaiveDate,
    json: bool,
) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let teacher = app.visible_teacher(id).map_err(e)?;
    let rows = app
        .standings_of(std::slice::from_ref(&teacher), Period::Year(y), today)
        .map_err(e)?;
    let Some(row) = rows.first() else {
        return Err(e(AppError::UnknownTeacher(id.0.clone())));
    };
    if json {
        return serde_json::to_string_pretty(&super::output::standing_json(row))
            .map_err(|x| x.to_string());
    }
    let file = app.year_file(id, y).map_err(e)?;
    let s = &row.standing;
    let none = crate::core::Figures::default();
    let f = s.figures.as_ref().unwrap_or(&none);
    let a = |x: A| i18n::assessment_text(lang, x);
    let mut out = format!(
        "{} {} {}  {}\n",
        i18n::shown(&teacher.id.0),
        i18n::shown(&teacher.name),
        i18n::shown(&teacher.group),
        y
    );
    out.push_str(&format!(
        "{} {}/{}  ({} {}, {} {}, {} {}; {} {})\n",
        a(A::Credits),
        f.credits,
        s.credits_required,
        a(A::SessionCredits),
        f.session_credits,
        a(A::MadeUpCredits),
        f.made_up_credits,
        a(A::ExternalCredits),
        f.external_credits,
        a(A::Unconfirmed),
        f.external_pending
    ));
    out.push_str(&format!(
        "{} {} + {} = {}/{}\n",
        a(A::Notes),
        file.notes_chars[0],
        file.notes_chars[1],
        f.notes_chars,
        f.notes_required
    ));
    let checklist: Vec<String> = ArchiveItem::ALL
        .iter()
        .map(|i| {
            format!(
                "{}{}",
                i18n::archive_item(lang, *i),
                if file.has(*i) { "✓" } else { "✗" }
            )
        })
        .collect();
    out.push_str(&format!("{} {}\n", a(A::Archive), checklist.join(" ")));
    out.push_str(&format!(
        "{} {}/{}  {} {}+{}\n",
        a(A::OpenLessons),
        f.open_lessons,
        f.open_lessons_required,
        a(A::Multimedia),
        file.multimedia_lessons[0],
        file.multimedia_lessons[1]
    ));
    out.push_str(&format!(
        "{} {} ({} {})\n",
        a(A::MakeUps),
        f.makeups_open,
        a(A::MadeUp),
        f.makeups_done
    ));
    out.push_str(&format!(
        "{} {}\n",
        a(A::Qualification),
        match &f.qualification {
            Some(q) => format!(
                "{} {}{}",
                i18n::degree(lang, q.degree),
                i18n::shown(&q.major),
                if q.matches_subject { "" } else { " ✗" }
            ),
            None => a(A::NotRecorded).to_string(),
        }
    ));
    if !f.mentors.is_empty() {
        out.push_str(&format!(
            "{} {}\n",
            a(A::Mentors),
            super::output::mentor_list(&f.mentors, id, lang)
        ));
    }
    out.push_str(&format!(
        "{} {}",
        i18n::standings_headers(lang)[15],
        i18n::qualified(lang, s.qualified)
    ));
    if f.deducted > 0 {
        out.push_str(&format!("  {} {}", a(A::Deducted), f.deducted));
    }
    out.push('\n');
    for r in &s.reasons {
        out.push_str(&format!("  - {}\n", i18n::reason(lang, r)));
    }
    for d in &s.deductions {
        out.push_str(&format!("  - {}\n", i18n::deduction(lang, d)));
    }
    Ok(out)
}

pub fn mentor(app: &mut App, cmd: MentorCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let today = now.date();
    match cmd {
        MentorCmd::Add {
            mentor,
            mentee,
            year: y,
            note,
        } => {
            let p = MentorPair {
                year: year(app, lang, y, today)?,
                mentor: teacher_arg(app, lang, &mentor)?,
                mentee: teacher_arg(app, lang, &mentee)?,
                note,
            };
            app.add_mentor_pair(p, now).map_err(e)?;
            Ok(saved(lang))
        }
        MentorCmd::Remove {
            mentor,
            mentee,
            year: y,
        } => {
            let y = year(app, lang, y, today)?;
            let a = teacher_arg(app, lang, &mentor)?;
            let b = teacher_arg(app, lang, &mentee)?;
            app.remove_mentor_pair(y, &a, &b, now).map_err(e)?;
            Ok(saved(lang))
        }
        MentorCmd::List { year: y } => {
            let y = year(app, lang, y, today)?;
            let rows: Vec<Vec<String>> = app
                .mentor_pairs(y)
                .map_err(e)?
                .into_iter()
                .map(|p| vec![p.year.to_string(), p.mentor.0, p.mentee.0, p.note])
                .collect();
            Ok(table(&i18n::mentor_headers(lang), &rows))
        }
    }
}

pub fn funds(app: &mut App, cmd: FundsCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let today = now.date();
    let money = |field: &'static str, s: &str| {
        parse_yuan(s).ok_or_else(|| {
            i18n::error(
                lang,
                &AppError::Invalid {
                    field,
                    value: s.to_string(),
                    why: i18n::assessment_text(lang, A::WantYuan).to_string(),
                },
            )
        })
    };
    match cmd {
        FundsCmd::Set {
            year: y,
            public,
            training,
        } => {
            let f = Funds {
                public_fen: money("public", &public)?,
                training_fen: money("training", &training)?,
            };
            let y = year(app, lang, y, today)?;
            app.set_funds(y, f, now).map_err(e)?;
            Ok(saved(lang))
        }
        FundsCmd::Show { year: y } => {
            let y = year(app, lang, y, today)?;
            let policy = app.policy().map_err(e)?;
            match app.funds(y).map_err(e)? {
                None => Ok(funds_line(lang, None, &policy)),
                Some(f) => Ok(format!("{y}  {}", funds_line(lang, Some(&f), &policy))),
            }
        }
    }
}

pub fn qualification(
    app: &mut App,
    cmd: QualificationCmd,
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    let QualificationCmd::Set {
        teacher,
        degree,
        major,
        mismatch,
    } = cmd;
    let t = teacher_arg(app, lang, &teacher)?;
    let d = parse_degree(&degree).ok_or_else(|| {
        i18n::error(
            lang,
            &AppError::Invalid {
                field: "degree",
                value: degree.clone(),
                why: i18n::assessment_text(lang, A::WantDegree).to_string(),
            },
        )
    })?;
    app.set_qualification(
        &t,
        Qualification {
            degree: d,
            major: major.trim().to_string(),
            matches_subject: !mismatch,
        },
        now,
    )
    .map_err(|x| i18n::error(lang, &x))?;
    Ok(saved(lang))
}
