//! The history: who changed what, when and why. Read-only here; entries are
//! only ever appended by the commands that make changes.

use super::{App, Result};
use rules::{SessionId, TeacherId};
use store::HistoryEntry;

impl App {
    /// History entries, oldest first, optionally for one teacher or session.
    /// A teacher sees only entries about themselves.
    pub fn history(
        &self,
        teacher: Option<&TeacherId>,
        session: Option<SessionId>,
    ) -> Result<Vec<HistoryEntry>> {
        let r = self.store.read()?;
        Ok(r.history()?
            .into_iter()
            .filter(|e| teacher.is_none() || e.teacher.as_ref() == teacher)
            .filter(|e| session.is_none() || e.session == session)
            .filter(|e| match &e.teacher {
                Some(t) => self.actor.may_see(t),
                None => self.actor.roles.iter().any(|r| super::STAFF.contains(r)),
            })
            .collect())
    }
}
