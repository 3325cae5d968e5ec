//! Texts of the leave queue on the terminal app.

use super::Lang;

/// Texts of the leave queue that are new with issue 17.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum LeaveText {
    /// Reject was confirmed with an empty reason.
    RejectNeedsReason,
    /// Who decided, beside the decision.
    DecidedBy,
}

pub fn leave_text(l: Lang, t: LeaveText) -> &'static str {
    match t {
        LeaveText::RejectNeedsReason => l.t(
            "驳回须填写理由:请输入理由后回车",
            "A rejection needs its reason: type it, then Enter",
        ),
        LeaveText::DecidedBy => l.t("审批人", "by"),
    }
}
