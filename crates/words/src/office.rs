//! The office's records in the terminal app.

use super::*;

// ---------------------------------------------------------------------------
// The office's records in the terminal app (issue 7): note characters, the
// archive checklist, degrees, mentor pairs on the teacher tab; funds on the
// credits tab.
// ---------------------------------------------------------------------------

/// Texts of the office's modals in the terminal app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum OfficeText {
    NotesTitle,
    NotesHint,
    ArchiveTitle,
    ArchiveHint,
    DegreeTitle,
    DegreeHint,
    MentorTitle,
    MentorHint,
    FundsTitle,
    FundsHint,
    /// The major matches the subject taught.
    MatchesSubject,
    /// The major does not match the subject taught.
    NotMatching,
    Major,
    /// The mentor pair exists: confirming ends it.
    EndPair,
}

pub fn office_text(l: Lang, o: OfficeText) -> &'static str {
    use OfficeText::*;
    match o {
        NotesTitle => l.t("本学期笔记字数", "Note characters this term"),
        NotesHint => l.t("输入字数,回车确认", "Type the number, Enter"),
        ArchiveTitle => l.t("学年档案", "This year's archive"),
        ArchiveHint => l.t(
            "p/n/r/s 勾选档案项,↑/↓ 选择次数,+/- 增减,回车确认",
            "p/n/r/s tick an item, ↑/↓ pick a count, +/- change it, Enter",
        ),
        DegreeTitle => l.t("学历与专业", "Degree and major"),
        DegreeHint => l.t(
            "↑/↓ 学历,Tab 是否对口,输入专业,回车确认",
            "↑/↓ degree, Tab matches the subject, type the major, Enter",
        ),
        MentorTitle => l.t("师徒结对", "Mentor pair"),
        MentorHint => l.t(
            "输入对方姓名或拼音,Tab 切换师傅/徒弟,回车(已结对则解除)",
            "Name or pinyin, Tab mentor/mentee, Enter (ends an existing pair)",
        ),
        FundsTitle => l.t("本学年培训经费", "This year's training funds"),
        FundsHint => l.t(
            "公用经费 培训经费(元,空格分隔),回车确认",
            "Public funds and training spending in yuan, space between, Enter",
        ),
        MatchesSubject => l.t("专业对口", "matches the subject"),
        NotMatching => l.t("专业不对口", "does not match the subject"),
        Major => l.t("专业", "major"),
        EndPair => l.t("已结对:确认解除?", "already paired: end the pair?"),
    }
}
