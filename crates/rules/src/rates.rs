//! Attendance rates (出勤率): what share of the sessions a teacher, a
//! teaching group or a whole session had to attend were attended.
//!
//! A rate is kept as the two counts it is made of, so that sums stay exact
//! and "no session counted yet" is not confused with 0 %. Pure: no I/O.

use super::standing::Tally;
use serde::{Deserialize, Serialize};

/// Attended (present + late) over required, from a tally.
///
/// Early leave is left out of "attended" as the leaders count it: the
/// teacher did not sit through the session. Pending sessions (roll still
/// open, teacher not seen) are in neither count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rate {
    pub attended: u32,
    pub required: u32,
}

impl Rate {
    pub fn of(t: &Tally) -> Rate {
        Rate {
            // A late arrival who also left early is counted once, as late.
            attended: t.present + t.late,
            required: t.required,
        }
    }

    /// The rate in tenths of a percent, rounded half up; `None` when no
    /// session was required yet.
    pub fn permille(self) -> Option<u32> {
        if self.required == 0 {
            return None;
        }
        let a = u64::from(self.attended.min(self.required));
        let r = u64::from(self.required);
        Some(((a * 1000 * 2 + r) / (r * 2)) as u32)
    }

    /// The rate in whole percent, rounded half up (for bar heights and
    /// spreadsheet cells).
    pub fn percent(self) -> Option<u32> {
        self.permille().map(|p| (p + 5) / 10)
    }

    /// The rate as a fraction between 0 and 1 (for gauges and chart axes).
    pub fn ratio(self) -> Option<f64> {
        self.permille().map(|p| f64::from(p) / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(present: u32, late: u32, early: u32, absent: u32, leave: u32) -> Tally {
        Tally {
            present,
            late,
            early_leave: early,
            absent,
            sick_leave: leave,
            required: present + late + early + absent + leave,
            ..Default::default()
        }
    }

    #[test]
    fn present_and_late_over_required() {
        let r = Rate::of(&tally(7, 1, 1, 1, 0));
        assert_eq!((r.attended, r.required), (8, 10));
        assert_eq!(r.permille(), Some(800));
        assert_eq!(r.percent(), Some(80));
    }

    #[test]
    fn leave_counts_as_required_not_attended() {
        let r = Rate::of(&tally(2, 0, 0, 0, 1));
        assert_eq!(r.permille(), Some(667));
        assert_eq!(r.percent(), Some(67));
    }

    #[test]
    fn nothing_required_is_no_rate() {
        assert_eq!(Rate::of(&Tally::default()).permille(), None);
        assert_eq!(Rate::default().ratio(), None);
    }

    #[test]
    fn rounds_half_up() {
        let r = Rate {
            attended: 1,
            required: 8,
        };
        // 12.5 % is 125 ‰ exactly; 1/3 is 333.3 ‰.
        assert_eq!(r.permille(), Some(125));
        assert_eq!(r.percent(), Some(13));
        let third = Rate {
            attended: 1,
            required: 3,
        };
        assert_eq!(third.permille(), Some(333));
    }
}
