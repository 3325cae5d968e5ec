//! The charts' texts: titles, axis and column names, legends, the symbol
//! of each attendance category, what a chart says when it has to shrink,
//! and the spreadsheet's chart sheet. Chinese and English in one arm.

use super::Lang;
use rules::Category;

/// Fixed texts of the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum ChartText {
    /// Title of the per-group bars.
    GroupsTitle,
    /// Title of the per-session line.
    SessionsTitle,
    /// Column names beside the group bars.
    ColGroup,
    ColAbsent,
    ColLate,
    ColRate,
    /// No group has a teacher the user may see.
    NoGroups,
    /// No session of the period has had its roll taken.
    NoSessionsYet,
    /// The terminal is too short for the per-session chart under the bars.
    SessionsHidden,
    /// The figures are being counted (a county's take a moment).
    Counting,
    /// The teacher's strip: title.
    StripTitle,
    /// The teacher's strip: no session in the period.
    StripEmpty,
    /// Gauge label: credits.
    Credits,
    /// Absences line label.
    Absences,
    /// Chart sheet: its name.
    SheetCharts,
    /// Chart sheet: column of teachers.
    ColTeachers,
    /// Chart sheet: column of sessions required.
    ColRequired,
    /// Chart sheet: column of present.
    ColPresent,
    /// Chart sheet: the note under the table.
    SheetNote,
    /// Chart sheet: title of the absences-and-lates chart.
    AbsencesLatesTitle,
}

pub fn chart_text(l: Lang, t: ChartText) -> &'static str {
    use ChartText::*;
    match t {
        GroupsTitle => l.t("出勤率(按教研组)", "Attendance rate by group"),
        SessionsTitle => l.t("每次培训出勤率", "Attendance rate per session"),
        ColGroup => l.t("教研组", "group"),
        ColAbsent => l.t("旷工", "absent"),
        ColLate => l.t("迟到", "late"),
        ColRate => l.t("出勤率", "rate"),
        NoGroups => l.t("没有可显示的教研组", "no teaching group to show"),
        NoSessionsYet => l.t(
            "本期还没有点过名的培训",
            "no session of this period has had its roll taken yet",
        ),
        SessionsHidden => l.t(
            "终端太矮,每次培训出勤率未显示",
            "terminal too short: the per-session chart is hidden",
        ),
        Counting => l.t("正在统计……", "counting…"),
        StripTitle => l.t("本期培训", "sessions"),
        StripEmpty => l.t("本期没有培训", "no session in this period"),
        Credits => l.t("学分", "credits"),
        Absences => l.t("无故旷工", "absences"),
        SheetCharts => l.t("图表", "Charts"),
        ColTeachers => l.t("人数", "teachers"),
        ColRequired => l.t("应到人次", "required"),
        ColPresent => l.t("出勤", "present"),
        SheetNote => l.t(
            "出勤、迟到、旷工取自统计表,改动后图表随之更新;出勤率 = (出勤 + 迟到) ÷ 应到人次",
            "present, late and absent are read from the standings sheet, so the charts follow \
             any edit there; rate = (present + late) / required",
        ),
        AbsencesLatesTitle => l.t(
            "旷工与迟到(按教研组)",
            "Absences and lates by teaching group",
        ),
    }
}

/// The symbol of a category in the strip and the roll, one or two columns
/// wide, so that categories differ without colour too.
pub fn category_symbol(l: Lang, c: Category) -> &'static str {
    match c {
        Category::Present => "✓",
        Category::Late => l.t("迟", "L"),
        Category::EarlyLeave => l.t("退", "E"),
        Category::Absent => "✗",
        Category::OfficialLeave => l.t("公", "O"),
        Category::PersonalLeave => l.t("事", "P"),
        Category::SickLeave => l.t("病", "S"),
        Category::NotRequired => "·",
        Category::Pending => "?",
    }
}

/// "terminal too small for the charts: needs 40×6".
pub fn charts_too_small(l: Lang, w: u16, h: u16) -> String {
    match l {
        Lang::Zh => format!("终端太小,图表至少需要 {w}×{h}"),
        Lang::En => format!("terminal too small for the charts: needs {w}×{h}"),
    }
}

/// The rate column's name when the bars start above 0 %: "出勤率(80%起)".
pub fn rate_from(l: Lang, floor: u32) -> String {
    match (l, floor) {
        (_, 0) => l.t("出勤率", "rate").into(),
        (_, f) => say!(l, "出勤率(条形从 {f}% 起)", "rate (bars start at {f}%)"),
    }
}

/// "3 more groups not shown".
pub fn groups_not_shown(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("另有 {n} 个教研组未显示(终端太矮)"),
        Lang::En => format!("{n} more groups not shown (terminal too short)"),
    }
}

/// "last 30 of 38 sessions".
pub fn strip_shown(l: Lang, shown: usize, total: usize) -> String {
    match l {
        Lang::Zh => format!("最近 {shown}/{total} 次"),
        Lang::En => format!("last {shown} of {total}"),
    }
}

/// What the absences line says beside the slots.
pub fn absences_note(l: Lang, absences: u32, limit: u32) -> String {
    match (l, limit) {
        (_, 0) => say!(l, "{absences} 次(不设上限)", "{absences} (no limit set)"),
        (Lang::Zh, n) if absences >= n => format!("{absences}/{n} 已满 {n} 次:不合格"),
        (Lang::En, n) if absences >= n => format!("{absences}/{n}: {n} make unqualified"),
        (Lang::Zh, n) if absences + 1 == n => format!("{absences}/{n} 再旷工 1 次即不合格"),
        (Lang::En, n) if absences + 1 == n => {
            format!("{absences}/{n}: one more makes unqualified")
        }
        (_, n) => say!(
            l,
            "{absences}/{n} 再旷工 {} 次即不合格",
            "{absences}/{n}: {} more make unqualified",
            n - absences
        ),
    }
}

/// The credits gauge's label: "12.5 / 40 学分".
pub fn credits_of(l: Lang, earned: &str, required: &str) -> String {
    match l {
        Lang::Zh => format!("{earned} / {required} 学分"),
        Lang::En => format!("{earned} / {required} credits"),
    }
}

/// The chart sheet's title: "<period> 出勤率图表".
pub fn charts_sheet_title(l: Lang, period: &str) -> String {
    match l {
        Lang::Zh => format!("{period} 出勤率图表"),
        Lang::En => format!("{period}: attendance charts"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[Category] = Category::ALL;

    /// Without colour, the symbol alone tells each category apart.
    #[test]
    fn every_category_has_its_own_symbol() {
        for l in [Lang::Zh, Lang::En] {
            let mut seen: Vec<&str> = ALL.iter().map(|c| category_symbol(l, *c)).collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), ALL.len(), "{l:?}");
        }
    }

    #[test]
    fn one_more_absence_is_said_plainly() {
        assert_eq!(absences_note(Lang::Zh, 2, 3), "2/3 再旷工 1 次即不合格");
        assert_eq!(
            absences_note(Lang::En, 2, 3),
            "2/3: one more makes unqualified"
        );
        assert_eq!(absences_note(Lang::Zh, 0, 3), "0/3 再旷工 3 次即不合格");
        assert_eq!(absences_note(Lang::Zh, 4, 3), "4/3 已满 3 次:不合格");
    }
}
