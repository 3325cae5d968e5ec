//! What a session's new time does to the leave asked for it
//! (`app::moved`): said after the change is saved.

use super::*;

/// `said` (the change's own line), then one line for the leave a
/// session's new time took off it (`lost`) and one for the leave it now
/// falls in (`gained`).
pub fn with_leave_shift(
    l: Lang,
    said: String,
    lost: &[(rules::Leave, String)],
    gained: &[(rules::Leave, String)],
) -> String {
    let list = |v: &[(rules::Leave, String)]| {
        v.iter()
            .map(|(leave, name)| {
                let who = format!("{} {}", shown(&leave.teacher.0), shown(name));
                match l {
                    Lang::Zh => format!("请假 {}({who},{})", leave.id, leave.cover),
                    Lang::En => format!("leave {} ({who}, {})", leave.id, leave.cover),
                }
            })
            .collect::<Vec<_>>()
    };
    let mut lines = vec![said];
    if !lost.is_empty() {
        let v = list(lost).join(l.t("、", "; "));
        lines.push(match l {
            Lang::Zh => format!(
                "注意:改期后以下请假不再包括这次活动,这些教师须参加,未到将记旷工:{v};请通知他们,或为新的时间另行请假"
            ),
            Lang::En => format!(
                "note: at its new time the session is no longer covered by {v}; those teachers must attend or be absent: tell them, or have them ask leave for the new time"
            ),
        });
    }
    if !gained.is_empty() {
        let v = list(gained).join(l.t("、", "; "));
        lines.push(match l {
            Lang::Zh => format!("注意:改期后以下请假包括这次活动:{v}"),
            Lang::En => format!("note: at its new time the session falls in {v}"),
        });
    }
    lines.join("\n")
}
