//! Table cells and figures as text, shared by both front ends (the command
//! line and the terminal app): a credit entry or a make-up as cells, a
//! session's attendance, money in yuan, the funds line, padding by display
//! width. Pure formatting: no store, no I/O. (The standings' cells are in
//! `sheets::columns`, the one table of the standings columns.)

use crate::i18n::{self, Lang};
use unicode_width::UnicodeWidthStr;

/// Pads `s` with spaces to `width` display columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

pub use sheets::rows::{archive_cell, credit_warning_cell};

/// The cells of one credit-card entry, in `i18n::credit_headers` order;
/// where the assessment team takes a group step nobody else may review,
/// the stage says so.
pub fn credit_view_cells(v: &crate::credits::CreditView, lang: Lang) -> Vec<String> {
    let c = &v.entry;
    let mut cells = credit_cells(c, lang);
    if let rules::review::Next::Assessment = &v.next
        && c.stage == rules::CreditStage::SelfAssessed
    {
        cells[7] = format!(
            "{} ({})",
            i18n::credit_stage(lang, c.stage),
            i18n::next_actor(lang, &v.next)
        );
    }
    cells
}

/// The cells of one credit-card entry, in `i18n::credit_headers` order.
/// The comment is the latest one given, with who gave it: a send-back's
/// reason stays after the teacher resubmits.
pub fn credit_cells(c: &rules::ExternalCredit, lang: Lang) -> Vec<String> {
    let comment = c
        .steps
        .iter()
        .rev()
        .find(|s| !s.comment.trim().is_empty())
        .map(|s| format!("{}: {}", s.by, s.comment))
        .unwrap_or_default();
    vec![
        c.id.to_string(),
        c.teacher.0.clone(),
        c.date.to_string(),
        c.title.clone(),
        c.organiser.clone(),
        c.credits.to_string(),
        c.card.clone(),
        i18n::credit_stage(lang, c.stage).to_string(),
        comment,
    ]
}

/// The cells of one official-leave make-up, in `i18n::makeup_headers` order.
pub fn makeup_cells(m: &crate::assessment::MakeUpLine, lang: Lang) -> Vec<String> {
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
pub fn mentor_list(pairs: &[rules::MentorPair], me: &rules::TeacherId, lang: Lang) -> String {
    let a = |x: i18n::AssessText| i18n::assessment_text(lang, x);
    let pairs: Vec<String> = pairs
        .iter()
        .map(|p| {
            if &p.mentor == me {
                format!(
                    "{} {}",
                    a(i18n::AssessText::MentorOf),
                    i18n::shown(&p.mentee.0)
                )
            } else {
                format!(
                    "{} {}",
                    a(i18n::AssessText::MenteeOf),
                    i18n::shown(&p.mentor.0)
                )
            }
        })
        .collect();
    pairs.join(", ")
}

/// An amount of money in fen, as yuan with two decimals.
pub fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// A year's funds as one line: the amounts, their share, and whether it
/// meets the policy's minimum (篇6, 篇9).
pub fn funds_line(l: Lang, f: Option<&rules::Funds>, policy: &rules::Policy) -> String {
    use i18n::AssessText;
    let a = |x: AssessText| i18n::assessment_text(l, x);
    let Some(f) = f else {
        return a(AssessText::NoFunds).to_string();
    };
    let share = f.share_permille().unwrap_or(0);
    format!(
        "{} {}  {} {}  {}.{}% (≥ {}%) {}",
        a(AssessText::PublicFunds),
        yuan(f.public_fen),
        a(AssessText::TrainingFunds),
        yuan(f.training_fen),
        share / 10,
        share % 10,
        policy.assessment.training_funds_percent,
        a(if f.enough(policy) {
            AssessText::FundsEnough
        } else {
            AssessText::FundsShort
        }),
    )
}

/// A roll line's leave: "事假 已批准", or "事假 已批准(活动未到)" while the
/// session's roll has not begun (the leave counts nowhere yet, issue 25).
/// `roll status` and the terminal app's roll alike.
pub fn roll_leave(
    lang: Lang,
    leave: &rules::Leave,
    session: &rules::Session,
    state: rules::RollState,
) -> String {
    format!(
        "{} {}",
        i18n::leave_kind(lang, leave.kind),
        i18n::leave_status_of(lang, leave.status, leave.to_come([(session, state)]))
    )
}

/// What the roll knows of a teacher at a session, with the times it
/// recorded: "late 15:42", "present, left early 16:50" (the terminal app's
/// roll and record, `roll status` and `record`).
pub fn attendance(lang: Lang, facts: &rules::RollFacts, outcome: &rules::Outcome) -> String {
    use rules::Category;
    let mut s = i18n::category(lang, outcome.category).to_string();
    if let Some(a) = facts.arrived {
        s.push_str(&format!(" {}", a.format("%H:%M")));
    }
    if let Some(x) = facts.left_early {
        match &facts.early_excused {
            // An early leave the office excused (早退(准假), 篇10): not
            // counted, said once with its time and reason.
            Some(why) => s.push_str(&format!(
                " {} {} {}",
                i18n::calendar_text(lang, i18n::CalendarText::ExcusedEarly),
                x.format("%H:%M"),
                i18n::shown(why)
            )),
            None => {
                if outcome.category != Category::EarlyLeave {
                    s.push_str(&format!(" {}", i18n::category(lang, Category::EarlyLeave)));
                }
                s.push_str(&format!(" {}", x.format("%H:%M")));
            }
        }
    }
    s
}

/// A session of a teacher's record in words, the same in `record`, the
/// terminal app's teacher screen and the exported record: as `attendance`
/// says it, except a session still to come (`sheets::rows::still_to_come`),
/// which is 未开始 / "not yet held" — not 未到, which reads as "did not
/// come" (issue 28).
pub fn record_attendance(
    lang: Lang,
    line: &crate::standings::RecordLine,
    now: chrono::NaiveDateTime,
) -> String {
    if sheets::rows::still_to_come(line, now) {
        return i18n::paper_text(lang, i18n::PaperText::NotYetHeld).to_string();
    }
    attendance(lang, &line.facts, &line.outcome)
}

pub use sheets::rows::{cover_words, session_when, still_to_come};
