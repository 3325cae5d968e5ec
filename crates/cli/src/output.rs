//! Output for the command line: tables aligned by display width (so CJK
//! columns line up) and JSON objects for scripts.

use crate::i18n::{self, Lang};
use app::standings::StandingRow;
use serde::Serialize;
use sheets::columns;
use unicode_width::UnicodeWidthStr;

pub use app::cells::{
    credit_cells, credit_view_cells, funds_line, makeup_cells, mentor_list, pad, yuan,
};

/// A table whose columns line up on a terminal, whatever the script.
/// Every cell is shown through `i18n::shown`: a cell may hold a name or a
/// reason someone typed, and no control character reaches the terminal.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| i18n::shown(c).into_owned()).collect())
        .collect();
    let rows = &rows;
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
    /// The grade group (年级组), if the roster gives one.
    pub grade: Option<&'a str>,
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
    /// Why unqualified, as codes and numbers (`reason_json`): the same
    /// whatever the language.
    pub reasons: Vec<serde_json::Value>,
    /// The figures differ from the term's latest publication.
    pub changed_since_published: bool,
    /// The assessment beyond attendance (credits by source, notes,
    /// archive, make-ups, ...), raw; `credits` above is their total.
    pub assessment: Option<AssessmentJson>,
    /// Each failed check that deducts points: its code, its numbers and
    /// `points`.
    pub deductions: Vec<serde_json::Value>,
    /// The academic year is over: its verdicts (credits, archive, ...) apply.
    pub year_over: bool,
    /// Days of the academic year left after today, while it is not over.
    pub year_days_left: Option<i64>,
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
    pub archive_missing: Vec<rules::ArchiveItem>,
    pub open_lessons: u32,
    pub open_lessons_required: u32,
    pub makeups_open: u32,
    pub makeups_done: u32,
    pub reports_missing: u32,
    pub degree: Option<rules::Qualification>,
    pub mentors: Vec<rules::MentorPair>,
    pub deducted: u32,
}

fn assessment_json(f: &rules::Figures) -> AssessmentJson {
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

/// A lookup row: the standing, and how the query found the teacher
/// (`lookup::Match::code`).
#[derive(Serialize)]
pub struct LookupJson<'a> {
    #[serde(flatten)]
    pub row: StandingJson<'a>,
    #[serde(rename = "match")]
    pub how: &'static str,
}

/// A reason as scripts read it: `code` (e.g. `not_enough_credits`) and its
/// numbers (credits as decimals, seasons as `autumn`/`spring`), never text
/// in a language.
pub fn reason_json(r: &rules::Reason) -> serde_json::Value {
    use serde_json::Value;
    let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        if let Some(code) = m.remove("reason") {
            m.insert("code".into(), code);
        }
        if let rules::Reason::NotEnoughCredits { earned, required } = r {
            m.insert("earned".into(), earned.as_f64().into());
            m.insert("required".into(), required.as_f64().into());
        }
        if let Some(Value::String(s)) = m.get_mut("season") {
            *s = s.to_lowercase();
        }
    }
    v
}

/// A deduction as scripts read it: its reason's code and numbers, and the
/// points it deducts.
pub fn deduction_json(d: &rules::Deduction) -> serde_json::Value {
    let mut v = reason_json(&d.reason);
    if let serde_json::Value::Object(m) = &mut v {
        m.insert("points".into(), d.points.into());
    }
    v
}

/// One teacher's standing for scripts: the same bytes in every language.
pub fn standing_json(row: &StandingRow) -> StandingJson<'_> {
    let s = &row.standing;
    let t = &s.tally;
    StandingJson {
        id: &row.teacher.id.0,
        name: &row.teacher.name,
        group: &row.teacher.group,
        grade: row.teacher.grade.as_deref(),
        period: match s.period {
            rules::Period::Term(id) => id.to_string(),
            rules::Period::Year(y) => y.to_string(),
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
        reasons: s.reasons.iter().map(reason_json).collect(),
        changed_since_published: row.changed_since_published,
        assessment: s.figures.as_ref().map(assessment_json),
        deductions: s.deductions.iter().map(deduction_json).collect(),
        year_over: row.year_days_left.is_none(),
        year_days_left: row.year_days_left,
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

pub fn standings_table(rows: &[StandingRow], lang: Lang) -> String {
    let cells: Vec<Vec<String>> = rows.iter().map(|r| columns::cli_cells(r, lang)).collect();
    table(&columns::cli_headers(lang), &cells)
}
