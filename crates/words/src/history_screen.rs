//! Texts of the terminal app's history tab.

use super::*;

/// The history screen's name, held once: its tab, the help of its key and
/// its empty list all say it (the tab bar and the help once differed).
macro_rules! history_name {
    () => {
        "修改记录"
    };
}

/// Texts of the history screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum HistoryUi {
    Tab,
    /// The help of the key that opens the screen.
    GoTo,
    Teacher,
    Session,
    All,
    ScopeAll,
    ScopeOwn,
    Empty,
    New,
    Removed,
    Unchanged,
    Before,
    After,
    Reason,
    TeacherPrompt,
    SessionPrompt,
}

pub fn history_ui(l: Lang, h: HistoryUi) -> &'static str {
    use HistoryUi::*;
    match h {
        Tab => l.t(concat!("6 ", history_name!()), "6 History"),
        GoTo => l.t(concat!("到第 6 页:", history_name!()), "screen 6: history"),
        Teacher => l.t("教师", "teacher"),
        Session => l.t("活动", "session"),
        All => l.t("全部", "all"),
        ScopeAll => l.t("(全部人员)", "(everyone)"),
        ScopeOwn => l.t("(仅与本人有关)", "(only about you)"),
        Empty => l.t(concat!("没有", history_name!()), "No changes recorded"),
        New => l.t("(新建)", "(new)"),
        Removed => l.t("(删除)", "(removed)"),
        Unchanged => l.t("(无变化)", "(no change)"),
        Before => l.t("原值", "before"),
        After => l.t("新值", "after"),
        Reason => l.t("原因", "reason"),
        TeacherPrompt => l.t(
            "按教师筛选(工号、姓名或拼音;空=全部)",
            "Filter by teacher (id, name or pinyin; empty = all)",
        ),
        SessionPrompt => l.t(
            "按活动筛选(活动编号;空=全部)",
            "Filter by session (its number; empty = all)",
        ),
    }
}

/// Column headers of the history screen.
pub fn history_screen_headers(l: Lang) -> [&'static str; 6] {
    [
        l.t("时间", "when"),
        l.t("操作人", "who"),
        l.t("操作", "action"),
        l.t("对象", "what"),
        l.t("原值→新值", "before→after"),
        l.t("原因", "reason"),
    ]
}
