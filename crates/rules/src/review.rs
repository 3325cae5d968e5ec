//! The review chain of credit-card entries (学分卡, 篇10 §6): who acts next
//! on an entry and whether a given person may. Pure: the app layer gathers
//! the accounts and the groups; nothing here reads or writes.
//!
//! The chain: the teacher registers and self-assesses (自评), the
//! teaching-group leader reviews (审核), the assessment team confirms
//! (认定). Where the group step has nobody who may review it (the entry is
//! the group leader's own, or the group has no leader), the assessment team
//! takes that step too, so that every entry has a reviewer.

use super::assessment::CreditStage;
use super::model::{Role, TeacherId};
use serde::{Deserialize, Serialize};

/// Who acts next on an entry (or may undo its end).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "who", rename_all = "snake_case")]
pub enum Next {
    /// The teacher (or the office for them): self-assess, correct or withdraw.
    Teacher { teacher: TeacherId },
    /// The teaching-group leader of this group (教研组长).
    GroupLeader { group: String },
    /// The assessment team (考核小组).
    Assessment,
    /// The training office (教务处).
    Office,
    /// Nobody: the entry is settled.
    Nobody,
}

/// A group-leader account as the chain sees it: the teacher it is, and the
/// group it reviews (`None`: an account of no teacher reviews every group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLeader {
    pub teacher: Option<TeacherId>,
    pub group: Option<String>,
}

/// Someone acting: their roles, the teacher they are and that teacher's group.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    pub roles: &'a [Role],
    pub teacher: Option<&'a TeacherId>,
    pub group: Option<&'a str>,
}

/// Whether some group leader other than the entry's own teacher may review
/// an entry of `teacher` in `group`.
pub fn group_has_reviewer(leaders: &[GroupLeader], teacher: &TeacherId, group: &str) -> bool {
    leaders.iter().any(|l| {
        l.teacher.as_ref() != Some(teacher) && l.group.as_deref().is_none_or(|g| g == group)
    })
}

/// Who acts next on an entry of `teacher` (in `group`) at `stage`.
pub fn next(stage: CreditStage, teacher: &TeacherId, group: &str, leaders: &[GroupLeader]) -> Next {
    match stage {
        CreditStage::Registered | CreditStage::Returned => Next::Teacher {
            teacher: teacher.clone(),
        },
        CreditStage::SelfAssessed if group_has_reviewer(leaders, teacher, group) => {
            Next::GroupLeader {
                group: group.to_string(),
            }
        }
        CreditStage::SelfAssessed | CreditStage::GroupPassed => Next::Assessment,
        CreditStage::Confirmed
        | CreditStage::Rejected
        | CreditStage::Withdrawn
        | CreditStage::Removed => Next::Nobody,
    }
}

/// Whether `who` is the reviewer `next` names (pass, send back, reject).
/// Nobody reviews their own entry.
pub fn reviews(who: Person<'_>, teacher: &TeacherId, next: &Next) -> bool {
    if who.teacher == Some(teacher) {
        return false;
    }
    match next {
        Next::GroupLeader { group } => {
            who.roles.contains(&Role::GroupLeader) && who.group.is_none_or(|g| g == group)
        }
        Next::Assessment => who.roles.contains(&Role::Assessment),
        Next::Teacher { .. } | Next::Office | Next::Nobody => false,
    }
}

/// Where a pass by the reviewer of `stage` takes an entry: the group step
/// to the team, the team's to confirmed; when the team takes the group step
/// (no group leader may), its pass confirms at once.
pub fn passed(stage: CreditStage, next: &Next) -> Option<CreditStage> {
    match (stage, next) {
        (CreditStage::SelfAssessed, Next::GroupLeader { .. }) => Some(CreditStage::GroupPassed),
        (CreditStage::SelfAssessed | CreditStage::GroupPassed, Next::Assessment) => {
            Some(CreditStage::Confirmed)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> TeacherId {
        TeacherId(s.into())
    }

    #[test]
    fn a_group_leaders_own_entry_goes_to_the_team() {
        let leaders = [GroupLeader {
            teacher: Some(t("T03")),
            group: Some("语文".into()),
        }];
        let own = next(CreditStage::SelfAssessed, &t("T03"), "语文", &leaders);
        assert_eq!(own, Next::Assessment);
        let other = next(CreditStage::SelfAssessed, &t("T01"), "语文", &leaders);
        assert_eq!(
            other,
            Next::GroupLeader {
                group: "语文".into()
            }
        );
        // A group with no leader at all.
        assert_eq!(
            next(CreditStage::SelfAssessed, &t("T02"), "数学", &leaders),
            Next::Assessment
        );
        let team = Person {
            roles: &[Role::Assessment],
            teacher: None,
            group: None,
        };
        assert!(reviews(team, &t("T03"), &own));
        assert_eq!(
            passed(CreditStage::SelfAssessed, &own),
            Some(CreditStage::Confirmed)
        );
    }
}
