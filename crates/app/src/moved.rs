//! What a session's new day or hours do to the leave asked for it. A leave
//! by session follows the session; a leave by dates or hours stays on its
//! time, so a session moved off it leaves that teacher required (and absent
//! if they do not come), and a session moved onto another's leave excuses
//! them. Neither happens in silence: the office is told, before the new
//! time is used, whom to tell (found walking a term as an office: a leave
//! approved for the 16th, the session moved to the 17th, the teacher
//! absent at the close without a word).

use super::leave::LeaveFilter;
use super::{App, Result};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rules::{Leave, LeaveStatus, Session, SessionId};

/// The open or approved leave a session's change of time takes off it
/// (`lost`) or puts on it (`gained`), for teachers the session requires.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LeaveShift {
    pub lost: Vec<(Leave, String)>,
    pub gained: Vec<(Leave, String)>,
}

impl LeaveShift {
    pub fn is_empty(&self) -> bool {
        self.lost.is_empty() && self.gained.is_empty()
    }
}

impl App {
    /// What giving session `id` the day and hours `change` makes of it
    /// would do to the leave asked for it, as things stand at `now` (read
    /// before the change is made; each leave with its teacher's name).
    pub fn leave_shift(
        &self,
        id: SessionId,
        change: impl FnOnce(&Session) -> (NaiveDate, NaiveTime, NaiveTime),
        now: NaiveDateTime,
    ) -> Result<LeaveShift> {
        let r = self.store.read()?;
        let Some(rec) = r.session(id)? else {
            return Ok(LeaveShift::default());
        };
        let before = rec.session;
        let (date, start, end) = change(&before);
        let after = Session {
            date,
            start,
            end,
            ..before.clone()
        };
        let mut shift = LeaveShift::default();
        for leave in self.leaves_at(LeaveFilter::All, now)? {
            if !matches!(leave.status, LeaveStatus::Approved | LeaveStatus::Pending) {
                continue;
            }
            let (was, is) = (leave.cover.covers(&before), leave.cover.covers(&after));
            if was == is {
                continue;
            }
            let Some(t) = r.teacher(&leave.teacher)? else {
                continue;
            };
            if !(before.requires(&t) || after.requires(&t)) {
                continue;
            }
            match was {
                true => shift.lost.push((leave, t.name)),
                false => shift.gained.push((leave, t.name)),
            }
        }
        Ok(shift)
    }
}
