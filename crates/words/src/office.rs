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
    ArchiveTitle,
    DegreeTitle,
    MentorTitle,
    FundsTitle,
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
        ArchiveTitle => l.t("学年档案", "This year's archive"),
        DegreeTitle => l.t("学历与专业", "Degree and major"),
        MentorTitle => l.t("师徒结对", "Mentor pair"),
        FundsTitle => l.t("本学年培训经费", "This year's training funds"),
        MatchesSubject => l.t("专业对口", "matches the subject"),
        NotMatching => l.t("专业不对口", "does not match the subject"),
        Major => l.t("专业", "major"),
        EndPair => l.t("已结对:确认解除?", "already paired: end the pair?"),
    }
}
