//! The rows and cells the spreadsheets write: a teacher's standing over a
//! period, one session of a record, a group's figures, and the cells said
//! in words. The commands crate fills them (and re-exports them where they
//! were: `app::standings::StandingRow`, `app::cells::archive_cell`, ...).

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
impl StandingRow {
    /// The academic year's credits so far and what the year requires: the
    /// figure a school holds a teacher to (credits are required by the
    /// year, `credits_per_year`; a term's share is peixun's own measure),
    /// said the same by the credits column and the reminder.
    pub fn year_credits(&self) -> (rules::Credits, rules::Credits) {
        let s = &self.standing;
        let earned = s
            .figures
            .as_ref()
            .map_or(s.tally.credits, |f| f.year_credits);
        (earned, self.year_credits_required)
    }
}

pub fn credit_warning_cell(row: &StandingRow, lang: Lang) -> String {
    row.standing
        .figures
        .as_ref()
        .and_then(|f| f.credit_warning)
        .map(|w| i18n::credit_warning(lang, &w))
        .unwrap_or_default()
}

/// One expected teacher at a session, as the roll-call screen shows them.
#[derive(Debug, Clone)]
pub struct RollLine {
    pub teacher: Teacher,
    pub facts: RollFacts,
    pub outcome: Outcome,
    /// An approved or pending leave covering the session.
    pub leave: Option<rules::Leave>,
}

/// A session's roll as it stands.
#[derive(Debug, Clone)]
pub struct RollView {
    pub record: store::SessionRecord,
    pub lines: Vec<RollLine>,
}

impl RollView {
    pub fn expected(&self) -> usize {
        self.lines.len()
    }
    pub fn present(&self) -> usize {
        self.lines.iter().filter(|l| l.facts.attended()).count()
    }
    pub fn on_leave(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| {
                !l.facts.attended()
                    && l.leave
                        .as_ref()
                        .is_some_and(|x| x.status == rules::LeaveStatus::Approved)
            })
            .count()
    }
    /// Not seen and not on approved leave: who would be absent at closing.
    pub fn missing(&self) -> Vec<&RollLine> {
        self.lines
            .iter()
            .filter(|l| {
                !l.facts.attended()
                    && !l
                        .leave
                        .as_ref()
                        .is_some_and(|x| x.status == rules::LeaveStatus::Approved)
            })
            .collect()
    }
}

/// Whether a session of a record is still to come at `now`: its roll has
/// not begun and nobody was marked, and it starts later (issue 28: said as
/// 未开始 / "not yet held", not 未到).
pub fn still_to_come(line: &RecordLine, now: chrono::NaiveDateTime) -> bool {
    line.outcome.category == rules::Category::Pending
        && line.state == RollState::NotStarted
        && line.session.date.and_time(line.session.start) > now
}

/// A session as a leave's range names it: its date and times.
pub fn session_when(s: &Session) -> String {
    format!(
        "{} {}-{}",
        s.date,
        s.start.format("%H:%M"),
        s.end.format("%H:%M")
    )
}

/// What a leave covers, in dates and times: the listed sessions each by
/// its date and times (looked up in `sessions`; one not among them by its
/// number), dates and spans as written (issue 28: not a bare `17`).
pub fn cover_words(lang: Lang, cover: &rules::Cover, sessions: &[&Session]) -> String {
    match cover {
        rules::Cover::Sessions(ids) => ids
            .iter()
            .map(|id| {
                sessions
                    .iter()
                    .find(|s| s.id == *id)
                    .map_or_else(|| format!("#{id}"), |s| session_when(s))
            })
            .collect::<Vec<_>>()
            .join(lang.t("、", "; ")),
        c => c.to_string(),
    }
}
