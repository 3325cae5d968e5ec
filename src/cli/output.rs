//! Output for the command line: tables aligned by display width (so CJK
//! columns line up) and JSON objects for scripts.

use crate::app::standings::StandingRow;
use crate::i18n::{self, Lang};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// Pads `s` with spaces to `width` display columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// A table whose columns line up on a terminal, whatever the script.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.width());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = cells
            .iter()
            .enumerate()
            .map(|(i, c)| pad(c, widths.get(i).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join("  ");
        s.truncate(s.trim_end().len());
        s
    };
    let mut out = line(headers.to_vec());
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

/// One teacher's standing as scripts read it.
#[derive(Serialize)]
pub struct StandingJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub group: &'a str,
    pub period: String,
    pub present: u32,
    pub late: u32,
    pub early_leave: u32,
    pub absent: u32,
    pub official_leave: u32,
    pub personal_leave: u32,
    pub sick_leave: u32,
    pub unexcused_absences: u32,
    pub year_unexcused_absences: u32,
    pub pending: u32,
    pub credits: f64,
    pub credits_required: f64,
    pub points: i32,
    pub qualified: bool,
    pub warning: bool,
    pub reasons: Vec<String>,
    /// The figures differ from the term's latest publication.
    pub changed_since_published: bool,
    /// The assessment beyond attendance (credits by source, notes,
    /// archive, make-ups, ...), raw; `credits` above is their total.
    pub assessment: Option<AssessmentJson>,
    pub deductions: Vec<String>,
    /// Confirmed credits behind while the year runs (学分落后), or null.
    pub credit_warning: Option<CreditWarningJson>,
}

/// The credit warning as scripts read it (credits as decimals).
#[derive(Serialize)]
pub struct CreditWarningJson {
    pub earned: f64,
    pub required: f64,
    /// What the share of the year gone by calls for.
    pub expected: f64,
    pub weeks_left: u32,
}

/// The assessment figures as scripts read them (credits as decimals).
#[derive(Serialize)]
pub struct AssessmentJson {
    pub session_credits: f64,
    pub made_up_credits: f64,
    pub external_credits: f64,
    pub external_pending: f64,
    pub year_credits: f64,
    pub notes_chars: u32,
    pub notes_required: u32,
    pub archive_missing: Vec<crate::core::ArchiveItem>,
    pub open_lessons: u32,
    pub open_lessons_required: u32,
    pub makeups_open: u32,
    pub makeups_done: u32,
    pub reports_missing: u32,
    pub degree: Option<crate::core::Qualification>,
    pub mentors: Vec<crate::core::MentorPair>,
    pub deducted: u32,
}

fn assessment_json(f: &crate::core::Figures) -> AssessmentJson {
    AssessmentJson {
        session_credits: f.session_credits.as_f64(),
        made_up_credits: f.made_up_credits.as_f64(),
        external_credits: f.external_credits.as_f64(),
        external_pending: f.external_pending.as_f64(),
        year_credits: f.year_credits.as_f64(),
        notes_chars: f.notes_chars,
        notes_required: f.notes_required,
        archive_missing: f.archive_missing.clone(),
        open_lessons: f.open_lessons,
        open_lessons_required: f.open_lessons_required,
        makeups_open: f.makeups_open,
        makeups_done: f.makeups_done,
        reports_missing: f.reports_missing,
        degree: f.qualification.clone(),
        mentors: f.mentors.clone(),
        deducted: f.deducted,
    }
}

pub fn standing_json(row: &StandingRow, lang: Lang) -> StandingJson<'_> {
    let s = &row.standing;
    let t = &s.tally;
    StandingJson {
        id: &row.teacher.id.0,
        name: &row.teacher.name,
        group: &row.teacher.group,
        period: match s.period {
            crate::core::Period::Term(id) => id.to_string(),
            crate::core::Period::Year(y) => y.to_string(),
        },
        present: t.present,
        late: t.late,
        early_leave: t.early_leave,
        absent: t.absent,
        official_leave: t.official_leave,
        personal_leave: t.personal_leave,
        sick_leave: t.sick_leave,
        unexcused_absences: s.unexcused,
        year_unexcused_absences: s.year_unexcused,
        pending: t.pending,
        credits: s.credits().as_f64(),
        credits_required: s.credits_required.as_f64(),
        points: t.points,
        qualified: s.qualified,
        warning: s.warning,
        reasons: s.reasons.iter().map(|r| i18n::reason(lang, r)).collect(),
        changed_since_published: row.changed_since_published,
        assessment: s.figures.as_ref().map(assessment_json),
        deductions: s
            .deductions
            .iter()
            .map(|d| i18n::deduction(lang, d))
            .collect(),
        credit_warning: s.figures.as_ref().and_then(|f| f.credit_warning).map(|w| {
            CreditWarningJson {
                earned: w.earned.as_f64(),
                required: w.required.as_f64(),
                expected: w.expected.as_f64(),
                weeks_left: w.weeks_left,
            }
        }),
    }
}

/// The cells of one standings row, in `i18n::standings_headers` order.
pub fn standing_cells(row: &StandingRow, lang: Lang) -> Vec<String> {
    let s = &row.standing;
    let t = &s.tally;
    let mut notes: Vec<String> = s.reasons.iter().map(|r| i18n::reason(lang, r)).collect();
    if s.qualified && s.warning {
        notes.push(i18n::warning(lang).to_string());
    }
    if let Some(w) = s.figures.as_ref().and_then(|f| f.credit_warning) {
        notes.push(i18n::credit_warning(lang, &w));
    }
    notes.extend(s.deductions.iter().map(|d| i18n::deduction(lang, d)));
    let note = notes.join("; ");
    let none = crate::core::Figures::default();
    let f = s.figures.as_ref().unwrap_or(&none);
    let credits = s.credits();
    let note = if row.changed_since_published {
        let changed = i18n::io_text(lang, i18n::X::ChangedNote);
        if note.is_empty() {
            changed.to_string()
        } else {
            format!("{changed}; {note}")
        }
    } else {
        note
    };
    vec![
        row.teacher.id.0.clone(),
        row.teacher.name.clone(),
        row.teacher.group.clone(),
        t.present.to_string(),
        t.late.to_string(),
        t.early_leave.to_string(),
        t.absent.to_string(),
        t.official_leave.to_string(),
        t.personal_leave.to_string(),
        t.sick_leave.to_string(),
        format!("{}/{}", credits, s.credits_required),
        t.points.to_string(),
        format!("{}/{}", f.notes_chars, f.notes_required),
        format!(
            "{}/{}",
            crate::core::ArchiveItem::ALL.len() - f.archive_missing.len(),
            crate::core::ArchiveItem::ALL.len()
        ),
        f.makeups_open.to_string(),
        i18n::qualified(lang, s.qualified).to_string(),
        note,
    ]
}

/// The cells of one credit-card entry, in `i18n::credit_headers` order.
/// The comment is the latest one given (a send-back's reason stays after
/// the teacher resubmits), with who gave it; the stage says who
/// acts next where someone must.
pub fn credit_view_cells(v: &crate::app::credits::CreditView, lang: Lang) -> Vec<String> {
    let c = &v.entry;
    let mut cells = credit_cells(c, lang);
    if let crate::core::review::Next::Assessment = &v.next
        && c.stage == crate::core::CreditStage::SelfAssessed
    {
        cells[7] = format!(
            "{} ({})",
            i18n::credit_stage(lang, c.stage),
            i18n::next_actor(lang, &v.next)
        );
    }
    cells
}

/// The cells of one entry without who acts next (the terminal app's list).
pub fn credit_cells(c: &crate::core::ExternalCredit, lang: Lang) -> Vec<String> {
    let comment = c
        .steps
        .iter()
        .rev()
        .find(|s| !s.comment.trim().is_empty())
        .map(|s| format!("{}: {}", i18n::shown(&s.by), i18n::shown(&s.comment)))
        .unwrap_or_default();
    let stage = i18n::credit_stage(lang, c.stage).to_string();
    vec![
        c.id.to_string(),
        c.teacher.0.clone(),
        c.date.to_string(),
        c.title.clone(),
        c.organiser.clone(),
        c.credits.to_string(),
        c.card.clone(),
        stage,
        comment,
    ]
}

/// The cells of one official-leave make-up, in `i18n::makeup_headers` order.
pub fn makeup_cells(m: &crate::app::assessment::MakeUpLine, lang: Lang) -> Vec<String> {
    vec![
        m.teacher.id.0.clone(),
        m.teacher.name.clone(),
        m.item.session.to_string(),
        m.item.date.to_string(),
        m.item.title.clone(),
        m.item.credits.to_string(),
        match &m.done {
            Some(d) => format!("{} {}", d.at.format("%Y-%m-%d"), d.note)
                .trim_end()
                .to_string(),
            None => i18n::yes_no(lang, false).to_string(),
        },
    ]
}

/// A teacher's mentor pairs of the year as one list: "mentor of X" or
/// "mentee of Y" for each, in the user's language.
pub fn mentor_list(
    pairs: &[crate::core::MentorPair],
    me: &crate::core::TeacherId,
    lang: Lang,
) -> String {
    let a = |x: i18n::A| i18n::assessment_text(lang, x);
    let pairs: Vec<String> = pairs
        .iter()
        .map(|p| {
            if &p.mentor == me {
                format!("{} {}", a(i18n::A::MentorOf), p.mentee)
            } else {
                format!("{} {}", a(i18n::A::MenteeOf), p.mentor)
            }
        })
        .collect();
    pairs.join(", ")
}

pub fn standings_table(rows: &[StandingRow], lang: Lang) -> String {
    let cells: Vec<Vec<String>> = rows.iter().map(|r| standing_cells(r, lang)).collect();
    table(&i18n::standings_headers(lang), &cells)
}

/// An amount of money in fen, as yuan with two decimals.
pub fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// A year's funds as one line: the amounts, their share, and whether it
/// meets the policy's minimum (篇6, 篇9).
pub fn funds_line(l: Lang, f: Option<&crate::core::Funds>, policy: &crate::core::Policy) -> String {
    use i18n::A;
    let a = |x: A| i18n::assessment_text(l, x);
    let Some(f) = f else {
        return a(A::NoFunds).to_string();
    };
    let share = f.share_permille().unwrap_or(0);
    format!(
        "{} {}  {} {}  {}.{}% (≥ {}%) {}",
        a(A::PublicFunds),
        yuan(f.public_fen),
        a(A::TrainingFunds),
        yuan(f.training_fen),
        share / 10,
        share % 10,
        policy.assessment.training_funds_percent,
        a(if f.enough(policy) {
            A::FundsEnough
        } else {
            A::FundsShort
        }),
    )
}
