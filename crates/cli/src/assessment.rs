//! Commands of the assessment beyond attendance: credit-card entries and
//! their review chain, official-leave make-ups, study notes, the archive
//! checklist and open lessons, mentor pairs, degrees and training funds.

use super::output::{funds_line, table};
use super::{Outcome, credits_arg, date, teacher_arg, term_id};
use crate::i18n::{self, AssessText, Label, Lang};
use app::assessment::season_slot;
use app::assessment::{
    CreditChange, CreditEntry, CreditFilter, YearFileChange, parse_degree, parse_yuan,
};
use app::credits::CreditView;
use app::{App, AppError, FieldName, Why};
use chrono::{NaiveDate, NaiveDateTime};
use clap::Subcommand;
use rules::{
    AcademicYear, ArchiveItem, CreditId, Funds, MentorPair, Period, Qualification, SessionId,
    TeacherId,
};

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
        /// The academic year it counts for (default: this one, or the one
        /// just ended between terms); the date must lie in it.
        #[arg(long, value_parser = crate::school_year)]
        year: Option<i32>,
        /// Why a closed year is changed (office).
        #[arg(long)]
        reason: Option<String>,
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
        #[arg(long)]
        reason: Option<String>,
    },
    /// List entries: all you may see, or those waiting for your review.
    List {
        #[arg(long)]
        waiting: bool,
        #[arg(long, value_parser = crate::school_year)]
        year: Option<i32>,
        /// Each entry with its stages (who, when, comment) and who is next.
        #[arg(long)]
        json: bool,
    },
    /// The teacher's self-assessment (学分自评): send to the teaching group.
    Submit {
        id: u32,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Pass an entry: the group leader, then the assessment team confirms.
    #[command(alias = "review")]
    Pass {
        id: u32,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Send an entry back to the teacher, with a comment.
    Return {
        id: u32,
        #[arg(long)]
        comment: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Refuse an entry for good, with a comment (a reviewer).
    Reject {
        id: u32,
        #[arg(long)]
        comment: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Take back your entry before it is reviewed (the teacher, or the office).
    Withdraw {
        id: u32,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Undo a confirmation (assessment team), with a reason.
    Revoke {
        id: u32,
        #[arg(long)]
        reason: String,
    },
    /// Remove a mistaken entry (office), with a reason.
    Remove {
        id: u32,
        #[arg(long)]
        reason: String,
    },
    /// The written report after outside study was received (office).
    Report {
        id: u32,
        /// Take the mark back.
        #[arg(long)]
        undo: bool,
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum AssessCmd {
    /// Close a year's assessment (office): later changes need the office
    /// and a reason, and flag the teacher.
    Close {
        #[arg(value_parser = crate::school_year)]
        year: i32,
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum MakeUpCmd {
    /// Official-leave sessions to make up (公假, 培训内容自行后补).
    List {
        #[arg(long)]
        teacher: Option<String>,
        #[arg(long, value_parser = crate::school_year)]
        year: Option<i32>,
        /// Only those not made up yet.
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
    /// Mark a session's content made up (office).
    Done {
        teacher: String,
        session: u32,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Take a make-up mark back (office).
    Undo {
        teacher: String,
        session: u32,
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum NotesCmd {
    /// Characters of study notes counted for a term: TEACHER [TERM] CHARS
    /// (without TERM: this term, or the one just ended between terms).
    Set {
        teacher: String,
        /// The term (2025-autumn), or the characters when no term is given.
        term: String,
        chars: Option<String>,
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ArchiveCmd {
    /// Change a teacher's archive for a year (office).
    Set {
        teacher: String,
        #[arg(long, value_parser = crate::school_year)]
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
        #[arg(long)]
        reason: Option<String>,
    },
    /// A teacher's year: credits, notes, archive, lessons, make-ups, mentors.
    Show {
        teacher: String,
        #[arg(long, value_parser = crate::school_year)]
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
        #[arg(long, value_parser = crate::school_year)]
        year: Option<i32>,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        reason: Option<String>,
    },
    Remove {
        mentor: String,
        mentee: String,
        #[arg(long, value_parser = crate::school_year)]
        year: Option<i32>,
        #[arg(long)]
        reason: Option<String>,
    },
    List {
        #[arg(long, value_parser = crate::school_year)]
        year: Option<i32>,
    },
}

#[derive(Subcommand, Debug)]
pub enum FundsCmd {
    /// The school's public funds and training spending for a year, in yuan.
    Set {
        #[arg(long, value_parser = crate::school_year)]
        year: Option<i32>,
        #[arg(long)]
        public: String,
        #[arg(long)]
        training: String,
        #[arg(long)]
        reason: Option<String>,
    },
    Show {
        #[arg(long, value_parser = crate::school_year)]
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
        None => app.meant_year(today).map_err(|x| i18n::error(lang, &x)),
    }
}

fn saved(lang: Lang) -> String {
    i18n::text(lang, Label::Saved).to_string()
}

/// The confirmation that names where a change went: "已保存到 2025-2026学年".
fn saved_to(lang: Lang, p: Period) -> String {
    i18n::saved_to(lang, p)
}

fn credit_table(list: &[CreditView], lang: Lang, policy_deadlines: bool) -> String {
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|v| super::output::credit_view_cells(v, lang))
        .collect();
    let mut out = table(&i18n::credit_headers(lang), &rows);
    if policy_deadlines {
        let mut terms: Vec<(rules::TermId, NaiveDate)> = list
            .iter()
            .filter_map(|v| Some((v.term?, v.deadline?)))
            .collect();
        terms.sort();
        terms.dedup();
        if !terms.is_empty() {
            let line: Vec<String> = terms
                .iter()
                .map(|(t, d)| format!("{} {d}", i18n::period_name(lang, Period::Term(*t))))
                .collect();
            out.push_str(&format!(
                "{}: {}\n",
                i18n::year_text(lang, i18n::YearEndText::Deadlines),
                line.join("; ")
            ));
        }
    }
    out
}

/// One credit entry as scripts read it: every stage with who, when and
/// the comment, who acts next, and its term's review deadline.
fn credit_json(v: &CreditView) -> serde_json::Value {
    let c = &v.entry;
    serde_json::json!({
        "id": c.id.0,
        "teacher": c.teacher.0,
        "year": c.year.0,
        "date": c.date.to_string(),
        "title": c.title,
        "organiser": c.organiser,
        "credits": c.credits.as_f64(),
        "card": c.card,
        "stage": c.stage,
        "reported": c.reported,
        "registered_by": c.registered_by,
        "registered_at": c.registered_at.format("%Y-%m-%dT%H:%M").to_string(),
        "next": v.next,
        "term": v.term.map(|t| t.to_string()),
        "review_deadline": v.deadline.map(|d| d.to_string()),
        "stages": c.steps.iter().map(|s| serde_json::json!({
            "stage": s.to,
            "by": s.by,
            "at": s.at.format("%Y-%m-%dT%H:%M").to_string(),
            "comment": s.comment,
        })).collect::<Vec<_>>(),
    })
}

pub fn credit(app: &mut App, cmd: CreditCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let year_of = |y: AcademicYear| saved_to(lang, Period::Year(y));
    // The year an entry went to, read by its id (a county holds tens of
    // thousands of entries).
    let entry_year = |app: &App, id: u32| -> Result<String, String> {
        Ok(app
            .credit(rules::CreditId(id))
            .map_err(e)?
            .map_or_else(|| saved(lang), |c| year_of(c.year)))
    };
    match cmd {
        CreditCmd::Add {
            teacher,
            date: d,
            title,
            credits,
            card,
            organiser,
            year: y,
            reason,
        } => {
            app.reason = reason;
            let entry = CreditEntry {
                teacher: teacher_arg(app, lang, &teacher)?,
                date: date(lang, FieldName::Date, &d)?,
                title,
                organiser,
                credits: credits_arg(lang, &credits)?,
                card,
                year: y.map(AcademicYear),
            };
            let id = app.add_credit(entry, now).map_err(e)?;
            Ok(format!(
                "{} {id};{}",
                i18n::year_text(lang, i18n::YearEndText::CreditAddedAs),
                entry_year(app, id.0)?
            ))
        }
        CreditCmd::Edit {
            id,
            date: d,
            title,
            credits,
            card,
            organiser,
            reason,
        } => {
            app.reason = reason;
            let change = CreditChange {
                date: d.map(|d| date(lang, FieldName::Date, &d)).transpose()?,
                title,
                organiser,
                credits: credits.map(|c| credits_arg(lang, &c)).transpose()?,
                card,
            };
            app.edit_credit(CreditId(id), change, now).map_err(e)?;
            entry_year(app, id)
        }
        CreditCmd::List {
            waiting,
            year: y,
            json,
        } => {
            let filter = if waiting {
                CreditFilter::Waiting
            } else {
                CreditFilter::All
            };
            let list = app.credit_views(filter, y.map(AcademicYear)).map_err(e)?;
            if json {
                let all: Vec<serde_json::Value> = list.iter().map(credit_json).collect();
                return serde_json::to_string_pretty(&all).map_err(|x| x.to_string());
            }
            Ok(credit_table(&list, lang, true))
        }
        CreditCmd::Submit {
            id,
            comment,
            reason,
        } => {
            app.reason = reason;
            app.self_assess_credit(CreditId(id), &comment, now)
                .map_err(e)?;
            entry_year(app, id)
        }
        CreditCmd::Pass {
            id,
            comment,
            reason,
        } => {
            app.reason = reason;
            app.pass_credit(CreditId(id), &comment, now).map_err(e)?;
            entry_year(app, id)
        }
        CreditCmd::Return {
            id,
            comment,
            reason,
        } => {
            app.reason = reason;
            app.return_credit(CreditId(id), &comment, now).map_err(e)?;
            entry_year(app, id)
        }
        CreditCmd::Reject {
            id,
            comment,
            reason,
        } => {
            app.reason = reason;
            app.reject_credit(CreditId(id), &comment, now).map_err(e)?;
            entry_year(app, id)
        }
        CreditCmd::Withdraw { id, reason } => {
            app.reason = reason;
            app.withdraw_credit(CreditId(id), now).map_err(e)?;
            entry_year(app, id)
        }
        CreditCmd::Revoke { id, reason } => {
            app.reason = Some(reason.clone());
            app.revoke_credit(CreditId(id), &reason, now).map_err(e)?;
            entry_year(app, id)
        }
        CreditCmd::Remove { id, reason } => {
            app.reason = Some(reason.clone());
            app.remove_credit(CreditId(id), &reason, now).map_err(e)?;
            entry_year(app, id)
        }
        CreditCmd::Report { id, undo, reason } => {
            app.reason = reason;
            let y = app.set_credit_report(CreditId(id), !undo, now).map_err(e)?;
            Ok(year_of(y))
        }
    }
}

pub fn assess(app: &mut App, cmd: AssessCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let AssessCmd::Close { year, reason } = cmd;
    app.reason = reason;
    let n = app
        .close_year(AcademicYear(year), now)
        .map_err(|x| i18n::error(lang, &x))?;
    Ok(format!(
        "{}: {} {}",
        i18n::period_name(lang, Period::Year(AcademicYear(year))),
        i18n::year_text(lang, i18n::YearEndText::Closed),
        i18n::people(lang, n)
    ))
}

pub fn makeup(app: &mut App, cmd: MakeUpCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let today = now.date();
    match cmd {
        MakeUpCmd::List {
            teacher,
            year: y,
            open,
            json,
        } => {
            let t = teacher.map(|t| teacher_arg(app, lang, &t)).transpose()?;
            let y = year(app, lang, y, today)?;
            let list = app.makeups(t.as_ref(), y, open, today).map_err(e)?;
            if json {
                return super::calendar::makeup_json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|m| super::output::makeup_cells(m, lang))
                .collect();
            Ok(table(&i18n::makeup_headers(lang), &rows))
        }
        MakeUpCmd::Done {
            teacher,
            session,
            note,
            reason,
        } => {
            app.reason = reason;
            let t = teacher_arg(app, lang, &teacher)?;
            let y = app
                .set_makeup(&t, SessionId(session), &note, false, now)
                .map_err(e)?;
            Ok(saved_to(lang, Period::Year(y)))
        }
        MakeUpCmd::Undo {
            teacher,
            session,
            reason,
        } => {
            app.reason = reason;
            let t = teacher_arg(app, lang, &teacher)?;
            let y = app
                .set_makeup(&t, SessionId(session), "", true, now)
                .map_err(e)?;
            Ok(saved_to(lang, Period::Year(y)))
        }
    }
}

pub fn notes(app: &mut App, cmd: NotesCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let NotesCmd::Set {
        teacher,
        term,
        chars,
        reason,
    } = cmd;
    app.reason = reason;
    let e = |x: AppError| i18n::error(lang, &x);
    let t = teacher_arg(app, lang, &teacher)?;
    let (term, chars) = match chars {
        Some(c) => (term_id(lang, &term)?, c),
        None => match app.meant_term(now.date()).map_err(e)? {
            Some(t) => (t, term),
            None => return Err(e(AppError::UnknownTerm(now.date().to_string()))),
        },
    };
    let chars: u32 = chars
        .trim()
        .parse()
        .map_err(|_| super::bad(lang, FieldName::Chars, &chars, Why::NotANumber))?;
    let mut change = YearFileChange::default();
    change.notes_chars[season_slot(term.season)] = Some(chars);
    app.set_year_file(&t, term.year, change, now).map_err(e)?;
    Ok(saved_to(lang, Period::Term(term)))
}

fn parse_items(lang: Lang, field: FieldName, s: &str) -> Result<Vec<ArchiveItem>, String> {
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
                        why: Why::NotAnArchiveItem,
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
            reason,
        } => {
            app.reason = reason;
            let t = teacher_arg(app, lang, &teacher)?;
            let y = year(app, lang, y, today)?;
            let mut items: Vec<(ArchiveItem, bool)> =
                parse_items(lang, FieldName::ArchiveHas, &has)?
                    .into_iter()
                    .map(|i| (i, true))
                    .collect();
            items.extend(
                parse_items(lang, FieldName::ArchiveLacks, &lacks)?
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
            Ok(saved_to(lang, Period::Year(y)))
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
    let none = rules::Figures::default();
    let f = s.figures.as_ref().unwrap_or(&none);
    let a = |x: AssessText| i18n::assessment_text(lang, x);
    let mut out = format!(
        "{} {} {}  {}\n",
        i18n::shown(&teacher.id.0),
        i18n::shown(&teacher.name),
        i18n::shown(&teacher.group),
        y
    );
    out.push_str(&format!(
        "{} {}/{}  ({} {}, {} {}, {} {}; {} {})\n",
        a(AssessText::Credits),
        f.credits,
        s.credits_required,
        a(AssessText::SessionCredits),
        f.session_credits,
        a(AssessText::MadeUpCredits),
        f.made_up_credits,
        a(AssessText::ExternalCredits),
        f.external_credits,
        a(AssessText::Unconfirmed),
        f.external_pending
    ));
    out.push_str(&format!(
        "{} {} + {} = {}/{}\n",
        a(AssessText::Notes),
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
    out.push_str(&format!(
        "{} {}\n",
        a(AssessText::Archive),
        checklist.join(" ")
    ));
    out.push_str(&format!(
        "{} {}/{}  {} {}+{}\n",
        a(AssessText::OpenLessons),
        f.open_lessons,
        f.open_lessons_required,
        a(AssessText::Multimedia),
        file.multimedia_lessons[0],
        file.multimedia_lessons[1]
    ));
    out.push_str(&format!(
        "{} {} ({} {})\n",
        a(AssessText::MakeUps),
        f.makeups_open,
        a(AssessText::MadeUp),
        f.makeups_done
    ));
    out.push_str(&format!(
        "{} {}\n",
        a(AssessText::Qualification),
        match &f.qualification {
            Some(q) => format!(
                "{} {}{}",
                i18n::degree(lang, q.degree),
                i18n::shown(&q.major),
                if q.matches_subject { "" } else { " ✗" }
            ),
            None => a(AssessText::NotRecorded).to_string(),
        }
    ));
    if !f.mentors.is_empty() {
        out.push_str(&format!(
            "{} {}\n",
            a(AssessText::Mentors),
            super::output::mentor_list(&f.mentors, id, lang)
        ));
    }
    out.push_str(&format!(
        "{} {}",
        sheets::columns::Col::Result.header(lang),
        i18n::qualified(lang, s.qualified)
    ));
    if f.deducted > 0 {
        out.push_str(&format!("  {} {}", a(AssessText::Deducted), f.deducted));
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
            reason,
        } => {
            app.reason = reason;
            let p = MentorPair {
                year: year(app, lang, y, today)?,
                mentor: teacher_arg(app, lang, &mentor)?,
                mentee: teacher_arg(app, lang, &mentee)?,
                note,
            };
            let y = p.year;
            app.add_mentor_pair(p, now).map_err(e)?;
            Ok(saved_to(lang, Period::Year(y)))
        }
        MentorCmd::Remove {
            mentor,
            mentee,
            year: y,
            reason,
        } => {
            app.reason = reason;
            let y = year(app, lang, y, today)?;
            let a = teacher_arg(app, lang, &mentor)?;
            let b = teacher_arg(app, lang, &mentee)?;
            app.remove_mentor_pair(y, &a, &b, now).map_err(e)?;
            Ok(saved_to(lang, Period::Year(y)))
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
    let money = |field: FieldName, s: &str| {
        parse_yuan(s).ok_or_else(|| {
            i18n::error(
                lang,
                &AppError::Invalid {
                    field,
                    value: s.to_string(),
                    why: Why::NotYuan,
                },
            )
        })
    };
    match cmd {
        FundsCmd::Set {
            year: y,
            public,
            training,
            reason,
        } => {
            app.reason = reason;
            let f = Funds {
                public_fen: money(FieldName::PublicFunds, &public)?,
                training_fen: money(FieldName::TrainingFunds, &training)?,
            };
            let y = year(app, lang, y, today)?;
            app.set_funds(y, f, now).map_err(e)?;
            Ok(saved_to(lang, Period::Year(y)))
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
                field: FieldName::Degree,
                value: degree.clone(),
                why: Why::NotADegree,
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
