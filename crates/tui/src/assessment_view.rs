//! The assessment figures of one standing as a few lines of text, for the
//! standings screen's detail and the teacher's record. Pure drawing input.

use crate::i18n::{self, AssessText, Lang};
use crate::palette::Palette;
use app::standings::StandingRow;
use ratatui::text::{Line, Span};
use rules::ArchiveItem;

pub fn lines(l: Lang, row: &StandingRow) -> Vec<Line<'static>> {
    let s = &row.standing;
    let Some(f) = &s.figures else {
        return Vec::new();
    };
    let a = |x: AssessText| i18n::assessment_text(l, x);
    let missing: Vec<&str> = f
        .archive_missing
        .iter()
        .map(|i| i18n::archive_item(l, *i))
        .collect();
    let archive = format!(
        "{}/{}{}",
        ArchiveItem::ALL.len() - f.archive_missing.len(),
        ArchiveItem::ALL.len(),
        if missing.is_empty() {
            String::new()
        } else {
            format!(
                " {}{}",
                i18n::year_text(l, i18n::YearEndText::Missing),
                missing.join(l.t("、", ", "))
            )
        }
    );
    let mut out = vec![
        Line::from(format!(
            // The name is on the verdict line above.
            "{} {}/{} ({} {}, {} {}, {} {}, {} {})",
            a(AssessText::Credits),
            // The year's, as the credits column and the reminder say it.
            row.year_credits().0,
            row.year_credits().1,
            a(AssessText::SessionCredits),
            f.session_credits,
            a(AssessText::MadeUpCredits),
            f.made_up_credits,
            a(AssessText::ExternalCredits),
            f.external_credits,
            a(AssessText::Unconfirmed),
            f.external_pending,
        )),
        Line::from(format!(
            "{} {}/{}  {} {}  {} {}/{}  {} {}  {} {}",
            a(AssessText::Notes),
            f.notes_chars,
            f.notes_required,
            a(AssessText::Archive),
            archive,
            a(AssessText::OpenLessons),
            f.open_lessons,
            f.open_lessons_required,
            a(AssessText::MakeUps),
            f.makeups_open,
            a(AssessText::Deducted),
            f.deducted,
        )),
    ];
    let mut second = format!(
        "{} {}",
        a(AssessText::Qualification),
        match &f.qualification {
            Some(q) => format!("{} {}", i18n::degree(l, q.degree), i18n::shown(&q.major)),
            None => a(AssessText::NotRecorded).to_string(),
        }
    );
    if !f.mentors.is_empty() {
        second.push_str(&format!(
            "  {} {}",
            a(AssessText::Mentors),
            app::cells::mentor_list(&f.mentors, &row.teacher.id, l)
        ));
    }
    out.push(Line::from(second));
    out
}

/// The verdict and every reason behind it, in one line to be wrapped
/// (never cut): "王芳 不合格:无故旷工 3 次(满 3 次不合格)", the warning
/// one absence away, and each deduction.
pub fn verdict(l: Lang, p: Palette, row: &StandingRow) -> Line<'static> {
    verdict_after(l, p, row, i18n::shown(&row.teacher.name).into_owned())
}

/// The verdict line after `who` instead of the teacher's name.
pub fn verdict_after(l: Lang, p: Palette, row: &StandingRow, who: String) -> Line<'static> {
    let s = &row.standing;
    let style = if s.qualified { p.ok() } else { p.error() };
    let mut spans = vec![
        Span::raw(format!("{who} ")),
        Span::styled(i18n::qualified(l, s.qualified).to_string(), style),
    ];
    let mut why: Vec<(String, ratatui::style::Style)> = s
        .reasons
        .iter()
        .map(|r| (i18n::reason(l, r), p.error()))
        .collect();
    if s.qualified && s.warning {
        why.push((i18n::warning(l).to_string(), p.warn()));
    }
    why.extend(
        s.deductions
            .iter()
            .map(|d| (i18n::deduction(l, d), p.warn())),
    );
    for (i, (text, st)) in why.into_iter().enumerate() {
        let sep = match i {
            0 => l.t(":", ": "),
            _ => l.t(";", "; "),
        };
        spans.push(Span::raw(sep));
        spans.push(Span::styled(text, st));
    }
    Line::from(spans)
}
