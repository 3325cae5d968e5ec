//! The assessment figures of one standing as a few lines of text, for the
//! standings screen's detail and the teacher's record. Pure drawing input.

use crate::i18n::{self, AssessText, Lang};
use crate::palette::Palette;
use app::standings::StandingRow;
use ratatui::text::{Line, Span};
use rules::ArchiveItem;

pub fn lines(l: Lang, p: Palette, row: &StandingRow) -> Vec<Line<'static>> {
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
            "{} {} {}/{} ({} {}, {} {}, {} {}, {} {})",
            i18n::shown(&row.teacher.name),
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
    let mut why: Vec<Span> = s
        .reasons
        .iter()
        .map(|r| Span::styled(format!("{}; ", i18n::reason(l, r)), p.error()))
        .collect();
    why.extend(
        s.deductions
            .iter()
            .map(|d| Span::styled(format!("{}; ", i18n::deduction(l, d)), p.warn())),
    );
    if !why.is_empty() {
        out.push(Line::from(why));
    }
    out
}
