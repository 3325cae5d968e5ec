//! Indexes that find the leave requests a screen needs without reading all
//! of them (a county file holds tens of thousands): those covering a session
//! (by the session, or by each day of a date range) and those still waiting
//! for a decision, and each teacher's approved official leave.
//! `Writer::put_leave` keeps them; `upgrade` fills them.

use super::tables::{LEAVES_BY_DAY, LEAVES_BY_SESSION, OFFICIAL_LEAVES, OPEN_LEAVES};
use super::{Reader, Result, Writer};
use chrono::Datelike;
use redb::ReadableTable;
use rules::{Cover, Leave, LeaveId, LeaveStatus, Session, TeacherId};
use std::collections::BTreeSet;

/// The index keys of one request: sessions, days, and whether it is open.
pub(super) fn keys(l: &Leave) -> (Vec<u32>, Vec<i32>, bool) {
    let (sessions, days) = match (&l.cover, l.cover.days()) {
        (Cover::Sessions(ids), _) => (ids.iter().map(|s| s.0).collect(), Vec::new()),
        (_, Some((from, to))) => {
            let (a, b) = (from.num_days_from_ce(), to.num_days_from_ce());
            (Vec::new(), (a..=b).collect())
        }
        (_, None) => (Vec::new(), Vec::new()),
    };
    (sessions, days, l.status == LeaveStatus::Pending)
}

macro_rules! leave_index_reads {
    ($ty:ty) => {
        impl $ty {
            /// The requests, in any state, whose cover includes `session`.
            pub fn leaves_covering(&self, session: &Session) -> Result<Vec<Leave>> {
                let mut ids = BTreeSet::new();
                let by_session = self.open_table(LEAVES_BY_SESSION)?;
                for row in by_session.range((session.id.0, 0u32)..=(session.id.0, u32::MAX))? {
                    ids.insert(row?.0.value().1);
                }
                let day = session.date.num_days_from_ce();
                let by_day = self.open_table(LEAVES_BY_DAY)?;
                for row in by_day.range((day, 0u32)..=(day, u32::MAX))? {
                    ids.insert(row?.0.value().1);
                }
                let mut out = Vec::with_capacity(ids.len());
                for id in ids {
                    if let Some(l) = self.leave(LeaveId(id))?
                        && l.cover.covers(session)
                    {
                        out.push(l);
                    }
                }
                Ok(out)
            }

            /// A teacher's approved official leave, oldest first.
            pub fn official_leaves(&self, teacher: &TeacherId) -> Result<Vec<Leave>> {
                let t = self.open_table(OFFICIAL_LEAVES)?;
                let mut out = Vec::new();
                let id = teacher.0.as_str();
                for row in t.range((id, 0u32)..=(id, u32::MAX))? {
                    if let Some(l) = self.leave(LeaveId(row?.0.value().1))? {
                        out.push(l);
                    }
                }
                Ok(out)
            }

            /// The requests waiting for a decision, oldest first.
            pub fn open_leaves(&self) -> Result<Vec<Leave>> {
                let t = self.open_table(OPEN_LEAVES)?;
                let mut out = Vec::new();
                for row in t.iter()? {
                    if let Some(l) = self.leave(LeaveId(row?.0.value()))? {
                        out.push(l);
                    }
                }
                Ok(out)
            }
        }
    };
}

leave_index_reads!(Reader);
leave_index_reads!(Writer);

impl Writer {
    /// Moves a request's index entries from `before` to `after`.
    pub(super) fn index_leave(&mut self, before: Option<&Leave>, after: &Leave) -> Result<()> {
        let id = after.id.0;
        let mut by_session = self.txn.open_table(LEAVES_BY_SESSION)?;
        let mut by_day = self.txn.open_table(LEAVES_BY_DAY)?;
        let mut open = self.txn.open_table(OPEN_LEAVES)?;
        let mut official = self.txn.open_table(OFFICIAL_LEAVES)?;
        let approved_official = |l: &Leave| l.kind.made_up() && l.status == LeaveStatus::Approved;
        if let Some(b) = before {
            official.remove((b.teacher.0.as_str(), id))?;
            let (sessions, days, _) = keys(b);
            for s in sessions {
                by_session.remove((s, id))?;
            }
            for d in days {
                by_day.remove((d, id))?;
            }
            open.remove(id)?;
        }
        let (sessions, days, is_open) = keys(after);
        for s in sessions {
            by_session.insert((s, id), ())?;
        }
        for d in days {
            by_day.insert((d, id), ())?;
        }
        if is_open {
            open.insert(id, ())?;
        }
        if approved_official(after) {
            official.insert((after.teacher.0.as_str(), id), ())?;
        }
        Ok(())
    }
}
