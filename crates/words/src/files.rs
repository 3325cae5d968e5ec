//! Files in and out, and publishing: import, export, publish.

use super::*;

// ---------------------------------------------------------------------------
// Files in and out, and publishing (issue 6): import, export, publish.
// ---------------------------------------------------------------------------

/// Texts of import, export and publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum IoText {
    StandingsTitle,
    RecordTitle,
    ExportedAt,
    NotPublished,
    Totals,
    ChangedMark,
    ChangedNote,
    SheetStandings,
    SheetRecord,
    SheetRoster,
    Leaves,
    Written,
    Progress,
    ConfirmPublish,
    NoTerm,
    NoSchool,
    /// The title of the question after a roster that leaves teachers out.
    DepartTitle,
}

pub fn io_text(l: Lang, x: IoText) -> &'static str {
    match x {
        IoText::StandingsTitle => l.t("校本培训考勤统计", "school-based training attendance"),
        IoText::RecordTitle => l.t("教师培训记录", "training record of"),
        IoText::ExportedAt => l.t("导出时间", "exported"),
        IoText::NotPublished => l.t("本学期尚未公布", "not yet published this term"),
        IoText::Totals => l.t("合计", "Total"),
        IoText::ChangedMark => l.t("是", "yes"),
        IoText::ChangedNote => l.t("公布后有更改", "changed since published"),
        IoText::SheetStandings => l.t("考勤统计", "Standings"),
        IoText::SheetRecord => l.t("培训记录", "Record"),
        IoText::SheetRoster => l.t("教师名单", "Roster"),
        IoText::Leaves => l.t("请假记录", "Leave requests"),
        IoText::Written => l.t("已导出", "written"),
        IoText::Progress => l.t("处理中", "working"),
        IoText::ConfirmPublish => l.t(
            "公布本学期考勤?将记录当前各项数据",
            "Publish this term's standings? The current figures are recorded",
        ),
        IoText::NoTerm => l.t(
            "今天不在任何学期内,无法公布或导入计划",
            "today is in no term: nothing to publish or import a plan into",
        ),
        IoText::DepartTitle => l.t("登记离校", "Record departures"),
        IoText::NoSchool => l.t(
            "尚未设置学校名称;用 peixun school 名称 设置",
            "no school name yet; set one with peixun school NAME",
        ),
    }
}

/// A period as people name it: 2025-2026学年第一学期, 2025-2026学年.
pub fn period_name(l: Lang, p: rules::Period) -> String {
    use rules::Period;
    match (l, p) {
        (_, Period::Term(t)) => super::term_name(l, t),
        (Lang::Zh, Period::Year(y)) => format!("{y}学年"),
        (Lang::En, Period::Year(y)) => format!("academic year {y}"),
    }
}

/// "12 人" / "12 teachers".
pub fn people(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{n} 人"),
        Lang::En if n == 1 => "1 teacher".into(),
        Lang::En => format!("{n} teachers"),
    }
}

/// When a term was last published, or that it was not.
pub fn published_line(l: Lang, p: Option<&(chrono::NaiveDateTime, String, u32)>) -> String {
    match (l, p) {
        (_, None) => io_text(l, IoText::NotPublished).into(),
        (Lang::Zh, Some((at, who, n))) => {
            format!("第{n}次公布:{} {who}", at.format("%Y-%m-%d %H:%M"))
        }
        (Lang::En, Some((at, who, n))) => {
            format!("published (#{n}) {} by {who}", at.format("%Y-%m-%d %H:%M"))
        }
    }
}

pub fn session_kind(l: Lang, k: rules::SessionKind) -> &'static str {
    use rules::SessionKind::*;
    match k {
        WeeklyStudy => l.t("业务学习", "weekly study"),
        SchoolTraining => l.t("校本培训", "school training"),
        OutsideStudy => l.t("外出学习", "outside study"),
        Remote => l.t("远程培训", "remote training"),
    }
}

/// Column headers of a roster file; the import reads both languages.
pub fn roster_file_headers(l: Lang) -> [&'static str; 6] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("教研组", "group"),
        l.t("年级组", "grade"),
        l.t("入职日期", "from"),
        l.t("离校日期", "to"),
    ]
}

pub fn record_file_headers(l: Lang) -> [&'static str; 7] {
    [
        l.t("编号", "id"),
        l.t("日期", "date"),
        l.t("时间", "time"),
        l.t("主题", "title"),
        l.t("类型", "kind"),
        l.t("学分", "credits"),
        l.t("考勤", "attendance"),
    ]
}

pub fn leave_file_headers(l: Lang) -> [&'static str; 5] {
    [
        l.t("编号", "id"),
        l.t("类别", "kind"),
        l.t("范围", "covers"),
        l.t("事由", "reason"),
        l.t("状态", "status"),
    ]
}

/// What a publication recorded: the term by its name and its code.
pub fn published(l: Lang, p: &::store::published::Publication) -> String {
    let bad = p.rows.iter().filter(|r| !r.qualified).count();
    let name = super::term_name(l, p.term);
    match l {
        Lang::Zh => format!(
            "已公布 {name}({},第{}次):{} 名教师,不合格 {} 人",
            p.term,
            p.number,
            p.rows.len(),
            bad
        ),
        Lang::En => format!(
            "published the {name} ({}, #{}): {} teachers, {} unqualified",
            p.term,
            p.number,
            p.rows.len(),
            bad
        ),
    }
}

/// What a publication recorded; then, for a posting before the term's
/// last day `ends`, that it is an interim one; then the held sessions the
/// posting found with their roll never closed (`unclosed_at_posting`).
pub fn published_with(
    l: Lang,
    p: &::store::published::Publication,
    unclosed: &[rules::Session],
    ends: chrono::NaiveDate,
) -> String {
    let mut out = published(l, p);
    // A posting before the term's last day is an interim one: said, not
    // refused (an office may post mid-term and again at its end).
    if p.at.date() < ends {
        out.push('\n');
        out.push_str(&say!(
            l,
            "注意:本学期到 {} 才结束,这是期中公布;学期结束后请再公布一次",
            "note: the term runs until {}, so this is an interim posting; publish again when it has ended",
            ends
        ));
    }
    if let Some(note) = unclosed_at_posting(l, unclosed) {
        out.push('\n');
        out.push_str(&note);
    }
    out
}

/// The held sessions a posting found with their roll never closed: one
/// line naming each (id, date, title).
fn unclosed_at_posting(l: Lang, sessions: &[rules::Session]) -> Option<String> {
    if sessions.is_empty() {
        return None;
    }
    let list: Vec<String> = sessions
        .iter()
        .map(|s| format!("{} {} {}", s.id, s.date, shown(&s.title)))
        .collect();
    Some(match l {
        Lang::Zh => format!(
            "注意:以下 {} 次已举行的活动点名未结束,缺席者未计旷工:{}。结束点名(peixun roll close)或取消该活动后请重新公布",
            sessions.len(),
            list.join("、")
        ),
        Lang::En => format!(
            "note: {} held session(s) have no closed roll, so nobody missing from them counts as absent: {}. Close the roll (peixun roll close) or cancel the session, then publish again",
            sessions.len(),
            list.join("; ")
        ),
    })
}

pub fn publication_headers(l: Lang) -> [&'static str; 5] {
    [
        l.t("次序", "number"),
        l.t("公布时间", "when"),
        l.t("公布人", "who"),
        l.t("教师数", "teachers"),
        l.t("不合格", "unqualified"),
    ]
}

/// "80 行" / "80 rows".
pub fn rows(l: Lang, n: usize) -> String {
    match l {
        Lang::Zh => format!("{n} 行"),
        Lang::En if n == 1 => "1 row".into(),
        Lang::En => format!("{n} rows"),
    }
}
