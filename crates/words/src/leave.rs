//! Texts of the leave queue on the terminal app.

use super::Lang;

/// Texts of the leave queue that are new with issue 17.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum LeaveText {
    /// Who decided, beside the decision.
    DecidedBy,
    /// The papers popup's title, and its two papers.
    EvidenceTitle,
    EvidenceNote,
    EvidenceCertificate,
    /// The status after recording them.
    EvidenceSaved,
    /// The question before they are recorded.
    ConfirmEvidence,
}

pub fn leave_text(l: Lang, t: LeaveText) -> &'static str {
    match t {
        LeaveText::DecidedBy => l.t("审批人", "by"),
        LeaveText::EvidenceTitle => l.t("收到的证明材料", "Papers received"),
        LeaveText::EvidenceNote => l.t("请假条", "leave note"),
        LeaveText::EvidenceCertificate => l.t("医院证明", "hospital certificate"),
        LeaveText::EvidenceSaved => l.t("证明材料已登记", "papers recorded"),
        LeaveText::ConfirmEvidence => l.t(
            "按上面勾选的登记证明材料?",
            "Record the papers as ticked above?",
        ),
    }
}

/// One session a request covers, named in words: its number and its date.
pub fn leave_session(l: Lang, id: &str, date: &str) -> String {
    say!(l, "活动 {}({})", "session {} ({})", id, date)
}

/// What a request covers (dates, or sessions named by `leave_session`),
/// and how many sessions of the calendar that takes the teacher from.
pub fn leave_covers(l: Lang, covers: &str, affected: usize) -> String {
    match (l, affected) {
        (Lang::Zh, n) => format!("{covers},涉及 {n} 次活动"),
        (Lang::En, 1) => format!("{covers}; 1 session affected"),
        (Lang::En, n) => format!("{covers}; {n} sessions affected"),
    }
}
