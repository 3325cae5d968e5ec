//! The standings columns: one table that the terminal app, the command
//! line's table and JSON, and the export (values, widths, totals row, the
//! chart sheet's formulas) all read. A column is named by its `Col`, never
//! by its position; adding one is one entry here (and its words), and the
//! compiler asks for every field: what the screen and the CLI show, where
//! on the screen and how it gives way, what the export writes and totals,
//! and which keys of the JSON carry it.
//!
//! The three outputs keep their own order (the export's was fixed before
//! the screen's): the CLI table shows the columns in this table's order,
//! the screen by `Shown::at`, the export by `Export::at`.

use crate::export::Value;
use crate::rows::{StandingRow, archive_cell, credit_warning_cell};
use i18n::{IoText, Lang};
use std::borrow::Cow;

/// A standings column, by what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Col {
    /// 工号
    #[default]
    Id,
    Name,
    Group,
    /// 年级组 (export only)
    Grade,
    Present,
    Late,
    Early,
    Absent,
    Official,
    Personal,
    Sick,
    /// Credits earned (on screen: earned/required).
    Credits,
    /// 应得学分 (export only; the screen says it beside the credits)
    CreditsRequired,
    Points,
    /// 笔记字数
    NoteChars,
    /// 档案: handed in of all, the missing said as missing.
    Archive,
    /// 待补 (screen and CLI only)
    MakeUps,
    /// 考核: qualified or not.
    Result,
    /// Why unqualified, the warning, ...
    Note,
    /// 公布后有更改 (export only; the screen starts the note with it)
    Changed,
    /// 扣分
    Deducted,
    /// 待认定学分
    InReview,
    /// 学分提醒
    CreditWarning,
}

/// A header in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Words {
    pub fn get(self, l: Lang) -> &'static str {
        l.t(self.zh, self.en)
    }
}

const fn w(zh: &'static str, en: &'static str) -> Words {
    Words { zh, en }
}

/// How the terminal app sorts by a column: a number, then a text.
pub type SortKey = (i64, String);

/// A column as the terminal app and the CLI table show it.
pub struct Shown {
    pub header: Words,
    /// The cell as text (the screen and the CLI show it through `shown`).
    pub cell: fn(&StandingRow, Lang) -> String,
    /// Its place on the screen, among the shown columns (smallest first;
    /// numbered in tens, so that a column goes between two without
    /// renumbering the others).
    pub at: u16,
    /// What sorting by it on the screen compares.
    pub sort: fn(&StandingRow) -> SortKey,
    /// On a narrow terminal: the columns give way in this order (smallest
    /// first); `None` never gives way (names and figures).
    pub give_way: Option<u8>,
    /// How narrow it may get when it gives way.
    pub min_width: u16,
}

/// What the totals row of the exported .xlsx holds under a column.
pub enum Total {
    /// Nothing written.
    Nothing,
    /// A text (the label, a count of people, or blank in the totals style).
    Text(fn(&[StandingRow], Lang) -> String),
    /// A live `=SUM` of the column, shown as a count ("0").
    Count,
    /// A live `=SUM` of the column, shown as credits ("0.0").
    Credits,
}

/// A column as the export writes it.
pub struct Export {
    pub header: Words,
    /// The cell, typed so that the spreadsheet can add it up.
    pub value: fn(&StandingRow, Lang) -> Value,
    /// Its place in the sheet (smallest first; in tens, as `Shown::at`).
    pub at: u16,
    /// The .xlsx column's width.
    pub width: f64,
    pub total: Total,
}

/// One standings column.
pub struct Column {
    pub col: Col,
    /// On the screen and in the CLI table, or not.
    pub shown: Option<Shown>,
    /// In the export, or not.
    pub export: Option<Export>,
    /// The keys (dotted paths) of `peixun standings --json` that carry it;
    pub json: &'static [&'static str],
}

fn tally(r: &StandingRow) -> &rules::Tally {
    &r.standing.tally
}

/// The assessment figures of a row, or none yet.
fn figures(r: &StandingRow) -> Cow<'_, rules::Figures> {
    r.standing
        .figures
        .as_ref()
        .map_or_else(|| Cow::Owned(rules::Figures::default()), Cow::Borrowed)
}

fn by_id(r: &StandingRow) -> SortKey {
    (0, r.teacher.id.0.clone())
}

fn count(n: u32) -> i64 {
    i64::from(n)
}

/// Nothing in the totals row, in the totals style.
fn blank(_: &[StandingRow], _: Lang) -> String {
    String::new()
}

/// The screen's and the CLI's note: why unqualified, the warning, the
/// deductions, the year's progress, "公布后有更改" first where a row changed.
fn note_cell(row: &StandingRow, lang: Lang) -> String {
    let s = &row.standing;
    let mut notes: Vec<String> = s.reasons.iter().map(|r| i18n::reason(lang, r)).collect();
    if s.qualified && s.warning {
        notes.push(i18n::warning(lang).to_string());
    }
    notes.extend(s.deductions.iter().map(|d| i18n::deduction(lang, d)));
    // Before the year's last day: how far along the year's credits are.
    if let Some(days) = row.year_days_left {
        let (earned, required) = row.year_credits();
        notes.push(i18n::year_progress(lang, earned, required, days));
    }
    let note = notes.join("; ");
    if row.changed_since_published {
        let changed = i18n::io_text(lang, IoText::ChangedNote);
        if note.is_empty() {
            changed.to_string()
        } else {
            format!("{changed}; {note}")
        }
    } else {
        note
    }
}

/// The export's note: why unqualified, or the warning.
fn note_value(r: &StandingRow, l: Lang) -> Value {
    let s = &r.standing;
    Value::Text(if !s.qualified {
        s.reasons
            .iter()
            .map(|x| i18n::reason(l, x))
            .collect::<Vec<_>>()
            .join("; ")
    } else if s.warning {
        i18n::warning(l).to_string()
    } else {
        String::new()
    })
}

/// The standings columns, in the CLI table's order.
pub static COLUMNS: &[Column] = &[
    Column {
        col: Col::Id,
        shown: Some(Shown {
            header: w("工号", "id"),
            cell: |r, _| r.teacher.id.0.clone(),
            at: 0,
            sort: by_id,
            give_way: None,
            min_width: 5,
        }),
        export: Some(Export {
            header: w("工号", "id"),
            value: |r, _| Value::Text(r.teacher.id.0.clone()),
            at: 0,
            width: 10.0,
            total: Total::Text(|_, l| i18n::io_text(l, IoText::Totals).to_string()),
        }),
        json: &["id"],
    },
    Column {
        col: Col::Name,
        shown: Some(Shown {
            header: w("姓名", "name"),
            cell: |r, _| r.teacher.name.clone(),
            at: 10,
            sort: |r| (0, r.teacher.name.clone()),
            give_way: None,
            min_width: 4,
        }),
        export: Some(Export {
            header: w("姓名", "name"),
            value: |r, _| Value::Text(r.teacher.name.clone()),
            at: 10,
            width: 10.0,
            total: Total::Text(|rows, l| i18n::people(l, rows.len())),
        }),
        json: &["name"],
    },
    Column {
        col: Col::Group,
        shown: Some(Shown {
            header: w("教研组", "group"),
            cell: |r, _| r.teacher.group.clone(),
            at: 20,
            sort: |r| (0, r.teacher.group.clone()),
            give_way: Some(4),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("教研组", "group"),
            value: |r, _| Value::Text(r.teacher.group.clone()),
            at: 20,
            width: 10.0,
            total: Total::Text(blank),
        }),
        json: &["group"],
    },
    Column {
        col: Col::Grade,
        shown: None,
        export: Some(Export {
            header: w("年级组", "grade"),
            value: |r, _| Value::Text(r.teacher.grade.clone().unwrap_or_default()),
            at: 30,
            width: 8.0,
            total: Total::Text(blank),
        }),
        json: &["grade"],
    },
    Column {
        col: Col::Present,
        shown: Some(Shown {
            header: w("出勤", "present"),
            cell: |r, _| tally(r).present.to_string(),
            at: 30,
            sort: |r| (count(tally(r).present), r.teacher.id.0.clone()),
            give_way: Some(11),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("出勤", "present"),
            value: |r, _| Value::Count(tally(r).present),
            at: 40,
            width: 6.0,
            total: Total::Count,
        }),
        json: &["present"],
    },
    Column {
        col: Col::Late,
        shown: Some(Shown {
            header: w("迟到", "late"),
            cell: |r, _| tally(r).late.to_string(),
            at: 40,
            sort: |r| (count(tally(r).late), r.teacher.id.0.clone()),
            give_way: Some(12),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("迟到", "late"),
            value: |r, _| Value::Count(tally(r).late),
            at: 50,
            width: 6.0,
            total: Total::Count,
        }),
        json: &["late"],
    },
    Column {
        col: Col::Early,
        shown: Some(Shown {
            header: w("早退", "early"),
            cell: |r, _| tally(r).early_leave.to_string(),
            at: 50,
            sort: |r| (count(tally(r).early_leave), r.teacher.id.0.clone()),
            give_way: Some(13),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("早退", "early leave"),
            value: |r, _| Value::Count(tally(r).early_leave),
            at: 60,
            width: 6.0,
            total: Total::Count,
        }),
        json: &["early_leave"],
    },
    Column {
        col: Col::Absent,
        shown: Some(Shown {
            header: w("旷工", "absent"),
            cell: |r, _| tally(r).absent.to_string(),
            at: 60,
            sort: |r| (count(tally(r).absent), r.teacher.id.0.clone()),
            give_way: Some(14),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("旷工", "absent"),
            value: |r, _| Value::Count(tally(r).absent),
            at: 70,
            width: 6.0,
            total: Total::Count,
        }),
        json: &["absent"],
    },
    Column {
        col: Col::Official,
        shown: Some(Shown {
            header: w("公假", "official"),
            cell: |r, _| tally(r).official_leave.to_string(),
            at: 70,
            sort: |r| (count(tally(r).official_leave), r.teacher.id.0.clone()),
            give_way: Some(5),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("公假", "official leave"),
            value: |r, _| Value::Count(tally(r).official_leave),
            at: 80,
            width: 6.0,
            total: Total::Count,
        }),
        json: &["official_leave"],
    },
    Column {
        col: Col::Personal,
        shown: Some(Shown {
            header: w("事假", "personal"),
            cell: |r, _| tally(r).personal_leave.to_string(),
            at: 80,
            sort: |r| (count(tally(r).personal_leave), r.teacher.id.0.clone()),
            give_way: Some(6),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("事假", "personal leave"),
            value: |r, _| Value::Count(tally(r).personal_leave),
            at: 90,
            width: 6.0,
            total: Total::Count,
        }),
        json: &["personal_leave"],
    },
    Column {
        col: Col::Sick,
        shown: Some(Shown {
            header: w("病假", "sick"),
            cell: |r, _| tally(r).sick_leave.to_string(),
            at: 90,
            sort: |r| (count(tally(r).sick_leave), r.teacher.id.0.clone()),
            give_way: Some(7),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("病假", "sick leave"),
            value: |r, _| Value::Count(tally(r).sick_leave),
            at: 100,
            width: 6.0,
            total: Total::Count,
        }),
        json: &["sick_leave"],
    },
    Column {
        col: Col::Credits,
        shown: Some(Shown {
            header: w("学分", "credits"),
            // The year's credits against the year's requirement, in a term
            // too: what the reminder says and what the school checks.
            cell: |r, _| {
                let (earned, required) = r.year_credits();
                format!("{earned}/{required}")
            },
            at: 100,
            sort: |r| (r.year_credits().0.0 as i64, r.teacher.id.0.clone()),
            give_way: None,
            min_width: 7,
        }),
        export: Some(Export {
            header: w("学分", "credits"),
            value: |r, _| Value::Credits(r.standing.credits().as_f64()),
            at: 110,
            width: 7.0,
            total: Total::Credits,
        }),
        json: &["credits", "credits_required"],
    },
    Column {
        col: Col::CreditsRequired,
        shown: None,
        export: Some(Export {
            header: w("应得学分", "credits required"),
            value: |r, _| Value::Credits(r.standing.credits_required.as_f64()),
            at: 120,
            width: 9.0,
            total: Total::Credits,
        }),
        json: &["credits_required"],
    },
    Column {
        col: Col::Points,
        shown: Some(Shown {
            header: w("积分", "points"),
            cell: |r, _| tally(r).points.to_string(),
            at: 120,
            sort: |r| (i64::from(tally(r).points), r.teacher.id.0.clone()),
            give_way: Some(15),
            min_width: 3,
        }),
        export: Some(Export {
            header: w("积分", "points"),
            value: |r, _| Value::Points(tally(r).points),
            at: 130,
            width: 6.0,
            total: Total::Count,
        }),
        json: &["points"],
    },
    Column {
        col: Col::NoteChars,
        shown: Some(Shown {
            header: w("笔记字数", "notes"),
            cell: |r, _| {
                let f = figures(r);
                format!("{}/{}", f.notes_chars, f.notes_required)
            },
            at: 140,
            sort: |r| (count(figures(r).notes_chars), r.teacher.id.0.clone()),
            give_way: Some(1),
            min_width: 0,
        }),
        export: Some(Export {
            header: w("笔记字数", "note characters"),
            value: |r, _| Value::Count(figures(r).notes_chars),
            at: 170,
            width: 9.0,
            total: Total::Nothing,
        }),
        json: &["assessment.notes_chars", "assessment.notes_required"],
    },
    Column {
        col: Col::Archive,
        shown: Some(Shown {
            header: w("档案", "archive"),
            cell: |r, l| archive_cell(&figures(r), l),
            at: 150,
            sort: |r| {
                let missing = figures(r).archive_missing.len() as i64;
                (-missing, r.teacher.id.0.clone())
            },
            give_way: Some(0),
            min_width: 0,
        }),
        export: Some(Export {
            header: w("档案", "archive"),
            value: |r, l| Value::Text(archive_cell(&figures(r), l)),
            at: 180,
            width: 22.0,
            total: Total::Nothing,
        }),
        json: &["assessment.archive_missing"],
    },
    Column {
        col: Col::MakeUps,
        shown: Some(Shown {
            header: w("待补", "make-ups"),
            cell: |r, _| figures(r).makeups_open.to_string(),
            at: 160,
            sort: |r| (count(figures(r).makeups_open), r.teacher.id.0.clone()),
            give_way: Some(8),
            min_width: 3,
        }),
        // Not in the export: the make-ups have their own sheet.
        export: None,
        json: &["assessment.makeups_open"],
    },
    Column {
        col: Col::Result,
        shown: Some(Shown {
            header: w("考核", "result"),
            cell: |r, l| i18n::qualified(l, r.standing.qualified).to_string(),
            at: 170,
            sort: |r| (i64::from(r.standing.qualified), r.teacher.id.0.clone()),
            give_way: None,
            min_width: 4,
        }),
        export: Some(Export {
            header: w("考核", "result"),
            value: |r, l| Value::Text(i18n::qualified(l, r.standing.qualified).to_string()),
            at: 140,
            width: 8.0,
            total: Total::Text(|rows, l| {
                let unqualified = rows.iter().filter(|r| !r.standing.qualified).count();
                format!(
                    "{} {}",
                    i18n::qualified(l, false),
                    i18n::people(l, unqualified)
                )
            }),
        }),
        json: &["qualified"],
    },
    Column {
        col: Col::Note,
        shown: Some(Shown {
            header: w("提醒", "note"),
            cell: note_cell,
            at: 190,
            sort: |r| (i64::from(r.standing.warning), r.teacher.id.0.clone()),
            give_way: Some(2),
            min_width: 0,
        }),
        export: Some(Export {
            header: w("说明", "note"),
            value: note_value,
            at: 150,
            width: 28.0,
            total: Total::Text(blank),
        }),
        json: &["reasons", "warning", "deductions", "year_days_left"],
    },
    Column {
        col: Col::Changed,
        // On the screen the note starts with it.
        shown: None,
        export: Some(Export {
            header: w("公布后有更改", "changed since published"),
            value: |r, l| {
                Value::Text(if r.changed_since_published {
                    i18n::io_text(l, IoText::ChangedMark).to_string()
                } else {
                    String::new()
                })
            },
            at: 160,
            width: 10.0,
            total: Total::Text(|rows, l| {
                let changed = rows.iter().filter(|r| r.changed_since_published).count();
                if changed > 0 {
                    i18n::people(l, changed)
                } else {
                    String::new()
                }
            }),
        }),
        json: &["changed_since_published"],
    },
    Column {
        col: Col::Deducted,
        shown: Some(Shown {
            header: w("扣分", "deducted"),
            cell: |r, _| figures(r).deducted.to_string(),
            at: 130,
            sort: |r| (count(figures(r).deducted), r.teacher.id.0.clone()),
            give_way: Some(9),
            min_width: 2,
        }),
        export: Some(Export {
            header: w("扣分", "points deducted"),
            value: |r, _| Value::Count(figures(r).deducted),
            at: 190,
            width: 6.0,
            total: Total::Nothing,
        }),
        json: &["assessment.deducted"],
    },
    Column {
        col: Col::InReview,
        shown: Some(Shown {
            header: w("待认定", "in review"),
            cell: |r, _| figures(r).external_pending.to_string(),
            at: 110,
            sort: |r| {
                let pending = i64::from(figures(r).external_pending.0);
                (pending, r.teacher.id.0.clone())
            },
            give_way: Some(10),
            min_width: 4,
        }),
        export: Some(Export {
            header: w("待认定学分", "credits in review"),
            value: |r, _| Value::Credits(figures(r).external_pending.as_f64()),
            at: 200,
            width: 9.0,
            total: Total::Nothing,
        }),
        json: &["assessment.external_pending"],
    },
    Column {
        col: Col::CreditWarning,
        shown: Some(Shown {
            header: w("学分提醒", "credit warning"),
            cell: credit_warning_cell,
            at: 180,
            sort: |r| {
                let warned = figures(r).credit_warning.is_some();
                (i64::from(warned), r.teacher.id.0.clone())
            },
            give_way: Some(3),
            min_width: 0,
        }),
        export: Some(Export {
            header: w("学分提醒", "credit warning"),
            value: |r, l| Value::Text(credit_warning_cell(r, l)),
            at: 210,
            width: 22.0,
            total: Total::Nothing,
        }),
        json: &["credit_warning"],
    },
];

impl Col {
    /// The column's entry in `COLUMNS`.
    pub fn column(self) -> &'static Column {
        // Every `Col` has its entry: tests/standings_table.rs walks them.
        COLUMNS
            .iter()
            .find(|c| c.col == self)
            .unwrap_or(&COLUMNS[0])
    }

    /// The header the screen and the CLI give it (the export's where
    /// only the export has it).
    pub fn header(self, l: Lang) -> &'static str {
        let c = self.column();
        match (&c.shown, &c.export) {
            (Some(s), _) => s.header.get(l),
            (None, Some(e)) => e.header.get(l),
            (None, None) => "",
        }
    }

    /// The cell the screen and the CLI show.
    pub fn cell(self, row: &StandingRow, l: Lang) -> String {
        self.column()
            .shown
            .as_ref()
            .map(|s| (s.cell)(row, l))
            .unwrap_or_default()
    }

    /// What sorting the screen by it compares (by id where the screen
    /// does not show it).
    pub fn sort_key(self, row: &StandingRow) -> SortKey {
        match &self.column().shown {
            Some(s) => (s.sort)(row),
            None => by_id(row),
        }
    }

    /// The column's place in the exported sheet (0-based), if exported.
    pub fn export_index(self) -> Option<usize> {
        exported().iter().position(|(c, _)| *c == self)
    }
}

/// The column that counts a category, if any: every counted category has
/// its column (a new category is a compile error here, and
/// tests/standings_table.rs then asks for its entry in `COLUMNS`).
pub fn column_of(c: rules::Category) -> Option<Col> {
    use rules::Category;
    match c {
        Category::Present => Some(Col::Present),
        Category::Late => Some(Col::Late),
        Category::EarlyLeave => Some(Col::Early),
        Category::Absent => Some(Col::Absent),
        Category::OfficialLeave => Some(Col::Official),
        Category::PersonalLeave => Some(Col::Personal),
        Category::SickLeave => Some(Col::Sick),
        Category::NotRequired | Category::Pending => None,
    }
}

/// The columns the CLI table shows, in order.
pub fn cli() -> Vec<&'static Column> {
    COLUMNS.iter().filter(|c| c.shown.is_some()).collect()
}

/// The columns the terminal app shows, in order, with how each is shown.
pub fn screen() -> Vec<(Col, &'static Shown)> {
    let mut v: Vec<(Col, &Shown)> = COLUMNS
        .iter()
        .filter_map(|c| c.shown.as_ref().map(|s| (c.col, s)))
        .collect();
    v.sort_by_key(|(_, s)| s.at);
    v
}

/// The columns the export writes, in order.
pub fn exported() -> Vec<(Col, &'static Export)> {
    let mut v: Vec<(Col, &Export)> = COLUMNS
        .iter()
        .filter_map(|c| c.export.as_ref().map(|e| (c.col, e)))
        .collect();
    v.sort_by_key(|(_, e)| e.at);
    v
}

/// The CLI table's headers.
pub fn cli_headers(l: Lang) -> Vec<&'static str> {
    cli()
        .iter()
        .filter_map(|c| c.shown.as_ref().map(|s| s.header.get(l)))
        .collect()
}

/// The cells of one row as the CLI table shows them.
pub fn cli_cells(row: &StandingRow, l: Lang) -> Vec<String> {
    cli()
        .iter()
        .filter_map(|c| c.shown.as_ref().map(|s| (s.cell)(row, l)))
        .collect()
}

/// The export's headers.
pub fn export_headers(l: Lang) -> Vec<&'static str> {
    exported().iter().map(|(_, e)| e.header.get(l)).collect()
}

/// The cells of one row as the export writes them.
pub fn export_values(row: &StandingRow, l: Lang) -> Vec<Value> {
    exported().iter().map(|(_, e)| (e.value)(row, l)).collect()
}
