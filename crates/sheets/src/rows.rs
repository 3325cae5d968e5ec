//! The rows and cells the spreadsheets write: a teacher's standing over a
//! period, one session of a record, a group's figures, and the cells said
//! in words. The commands crate fills them (and re-exports them where they
//! were: `app::standings::StandingRow`, `app::format::archive_cell`, ...).

use i18n::Lang;
use rules::{Outcome, Rate, RollFacts, RollState, Session, Standing, Tally, Teacher};
use std::collections::BTreeMap;

/// One teacher's standing over a period.
#[derive(Debug, Clone)]
pub struct StandingRow {
    pub teacher: Teacher,
    pub standing: Standing,
    /// The figures differ from the term's latest publication (`publish.rs`).
    pub changed_since_published: bool,
    /// The assessment as a posting made today keeps it (`publish.rs`).
    /// Public only because the row now lives below the commands crate that
    /// fills and reads it; tui and cli cannot name its type.
    #[doc(hidden)]
    pub posted: store::published::Assessed,
    /// Days of the academic year left after today; `None` once it is over
    /// and the year verdicts apply.
    pub year_days_left: Option<i64>,
    /// The credits the academic year requires (`credits_per_year`).
    pub year_credits_required: rules::Credits,
}

/// One session on a teacher's record.
#[derive(Debug, Clone)]
pub struct RecordLine {
    pub session: Session,
    pub state: RollState,
    pub facts: RollFacts,
    pub outcome: Outcome,
}

/// Called with (rows done, rows in all) while an import or export runs.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

/// One teaching group's figures over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFigures {
    /// The teaching group (教研组), as the roster spells it.
    pub group: String,
    /// Teachers of the group on the roster (and visible to the actor).
    pub teachers: u32,
    /// Every session outcome of the group's teachers, summed.
    pub tally: Tally,
}
impl GroupFigures {
    /// Present + late over required.
    pub fn rate(&self) -> Rate {
        Rate::of(&self.tally)
    }
    pub fn absences(&self) -> u32 {
        self.tally.absent
    }
    pub fn lates(&self) -> u32 {
        self.tally.late
    }
}
/// The groups' figures summed from standings rows (as exported), in name
/// order: the same figures as `PeriodCharts::groups` for the same period.
pub fn group_figures(rows: &[StandingRow]) -> Vec<GroupFigures> {
    let mut by: BTreeMap<&str, GroupFigures> = BTreeMap::new();
    for r in rows {
        let g = by
            .entry(r.teacher.group.as_str())
            .or_insert_with(|| GroupFigures {
                group: r.teacher.group.clone(),
                teachers: 0,
                tally: Tally::default(),
            });
        g.teachers += 1;
        g.tally.merge(&r.standing.tally);
    }
    by.into_values().collect()
}

/// The archive of a standing: items handed in of all, and those missing
/// said as missing: "2/4 缺:学习笔记、阶段性总结".
pub fn archive_cell(f: &rules::Figures, lang: Lang) -> String {
    let all = rules::ArchiveItem::ALL.len();
    let count = format!("{}/{all}", all - f.archive_missing.len());
    if f.archive_missing.is_empty() {
        return count;
    }
    let missing: Vec<&str> = f
        .archive_missing
        .iter()
        .map(|i| i18n::archive_item(lang, *i))
        .collect();
    format!(
        "{count} {}{}",
        i18n::year_text(lang, i18n::YearEndText::Missing),
        missing.join(lang.t("、", ", "))
    )
}
/// The credit warning of a standing ("学分落后:已 18/40,本学年剩 5 周"),
/// or nothing.
pub fn credit_warning_cell(row: &StandingRow, lang: Lang) -> String {
    row.standing
        .figures
        .as_ref()
        .and_then(|f| f.credit_warning)
        .map(|w| i18n::credit_warning(lang, &w))
        .unwrap_or_default()
}
