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
}

pub fn leave_text(l: Lang, t: LeaveText) -> &'static str {
    match t {
        LeaveText::DecidedBy => l.t("审批人", "by"),
        LeaveText::EvidenceTitle => l.t("收到的证明材料", "Papers received"),
        LeaveText::EvidenceNote => l.t("请假条", "leave note"),
        LeaveText::EvidenceCertificate => l.t("医院证明", "hospital certificate"),
        LeaveText::EvidenceSaved => l.t("证明材料已登记", "papers recorded"),
    }
}
