//! The school's calendar from dates: which academic year (学年) a day
//! belongs to, when a year is over, which term (学期) a term's dates make
//! it, and the names schools give their terms.
//!
//! The academic year starts on a day the policy names (`calendar.year_start`,
//! default 09-01) and ends the day before the next one starts. Every term
//! belongs to the year that contains its first day; the first term of a
//! year (第一学期, autumn) starts in its first five months, the second
//! (第二学期, spring) after. Credits and the other year-only checks wait for
//! the year's last day (篇12: 学年度累积计算, 篇4), not for the last term
//! entered so far.

use super::model::{AcademicYear, Season, TermId};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A day of the year without the year: the academic year's first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MonthDay {
    month: u32,
    day: u32,
}

impl MonthDay {
    /// A day that exists in every year (29 February does not).
    pub fn new(month: u32, day: u32) -> Option<MonthDay> {
        NaiveDate::from_ymd_opt(2001, month, day).map(|_| MonthDay { month, day })
    }

    /// Parses `MM-DD`, e.g. `09-01`.
    pub fn parse(s: &str) -> Option<MonthDay> {
        let (m, d) = s.trim().split_once('-')?;
        MonthDay::new(m.parse().ok()?, d.parse().ok()?)
    }

    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn day(&self) -> u32 {
        self.day
    }

    /// This day in the calendar year `year`.
    pub fn in_year(&self, year: i32) -> NaiveDate {
        // Valid in every year by construction; the fallback is unreachable.
        NaiveDate::from_ymd_opt(year, self.month, self.day).unwrap_or(NaiveDate::MIN)
    }
}

impl Default for MonthDay {
    fn default() -> Self {
        MonthDay { month: 9, day: 1 }
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl TryFrom<String> for MonthDay {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        MonthDay::parse(&s).ok_or_else(|| format!("`{s}` is not a day as MM-DD, e.g. 09-01"))
    }
}

impl From<MonthDay> for String {
    fn from(d: MonthDay) -> String {
        d.to_string()
    }
}

/// The academic year that contains `date`, for a year starting on `start`.
pub fn year_of(date: NaiveDate, start: MonthDay) -> AcademicYear {
    if (date.month(), date.day()) >= (start.month, start.day) {
        AcademicYear(date.year())
    } else {
        AcademicYear(date.year() - 1)
    }
}

/// The first day of `year`.
pub fn first_day(year: AcademicYear, start: MonthDay) -> NaiveDate {
    start.in_year(year.0)
}

/// The last day of `year`: the day before the next year starts.
pub fn last_day(year: AcademicYear, start: MonthDay) -> NaiveDate {
    start
        .in_year(year.0.saturating_add(1))
        .pred_opt()
        .unwrap_or(NaiveDate::MAX)
}

/// Whether `year` is over on `today`: only then do the year-only rules
/// (credits, archive, open lessons, reports, notes) give verdicts.
pub fn year_over(year: AcademicYear, start: MonthDay, today: NaiveDate) -> bool {
    today > last_day(year, start)
}

/// Days of `year` left after `today` (0 once it is over; the whole year
/// before it starts).
pub fn days_left(year: AcademicYear, start: MonthDay, today: NaiveDate) -> i64 {
    let from = today.max(first_day(year, start).pred_opt().unwrap_or(today));
    (last_day(year, start) - from).num_days().max(0)
}

/// Days into its academic year after which a term is the second (spring).
const SECOND_TERM_AFTER_DAYS: i64 = 150;

/// The term a term starting on `first` is: the year containing its first
/// day, and the first or the second term by how far into the year it starts.
pub fn term_for(first: NaiveDate, start: MonthDay) -> TermId {
    let year = year_of(first, start);
    let into = (first - first_day(year, start)).num_days();
    let season = if into < SECOND_TERM_AFTER_DAYS {
        Season::Autumn
    } else {
        Season::Spring
    };
    TermId { year, season }
}

/// Checks a term's name against its dates: `Err` carries the name that
/// would fit.
pub fn check_term(id: TermId, first: NaiveDate, start: MonthDay) -> Result<(), TermId> {
    let fits = term_for(first, start);
    if fits == id { Ok(()) } else { Err(fits) }
}

/// Parses a term's name as schools write it. The year in these forms is the
/// academic year's first calendar year:
/// `2025-autumn`, `2025-spring`, `2025-1`, `2025-2`, `2025-秋`, `2025-春`,
/// `2025-2026-1`, `2025-2026-2`, `2025-2026学年第一学期`, `2025-2026学年第二学期`
/// (or 第1/第2学期). Named by the calendar year the term is in:
/// `2025年秋季学期` (first term of 2025–2026), `2026年春季学期` (its second term).
pub fn parse_term(s: &str) -> Option<TermId> {
    let s: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '–' | '—' | '－' | '~' | '至' => '-',
            c => c.to_ascii_lowercase(),
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    // 2025-2026学年第二学期
    if let Some((years, rest)) = s.split_once("学年") {
        let (a, b) = years.split_once('-')?;
        let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
        if b != a.checked_add(1)? {
            return None;
        }
        let n = rest.strip_prefix('第')?.strip_suffix("学期")?;
        let season = match n {
            "一" | "1" | "上" => Season::Autumn,
            "二" | "2" | "下" => Season::Spring,
            _ => return None,
        };
        return Some(TermId {
            year: AcademicYear(a),
            season,
        });
    }
    // 2026年春季学期, 2025年秋季学期, 2026年春季, 2025年秋
    if let Some((y, rest)) = s.split_once('年') {
        let year: i32 = y.parse().ok()?;
        let rest = rest.trim_end_matches("学期").trim_end_matches('季');
        return match rest {
            "秋" => Some(TermId {
                year: AcademicYear(year),
                season: Season::Autumn,
            }),
            "春" => Some(TermId {
                year: AcademicYear(year.checked_sub(1)?),
                season: Season::Spring,
            }),
            _ => None,
        };
    }
    let parts: Vec<&str> = s.split('-').collect();
    let (year, season) = match parts.as_slice() {
        [y, t] => (*y, *t),
        // 2025-2026-1
        [a, b, t] => {
            let (ya, yb): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
            if yb != ya.checked_add(1)? || !matches!(*t, "1" | "2") {
                return None;
            }
            (*a, *t)
        }
        _ => return None,
    };
    let year = AcademicYear(year.parse().ok()?);
    let season = match season {
        "autumn" | "fall" | "1" | "秋" | "秋季" => Season::Autumn,
        "spring" | "2" | "春" | "春季" => Season::Spring,
        _ => return None,
    };
    Some(TermId { year, season })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn names_schools_use() {
        let spring = Some(TermId {
            year: AcademicYear(2025),
            season: Season::Spring,
        });
        for s in [
            "2025-spring",
            "2025-2",
            "2025-2026-2",
            "2025-2026学年第二学期",
            "2025—2026学年第2学期",
            "2026年春季学期",
        ] {
            assert_eq!(parse_term(s), spring, "{s}");
        }
        assert_eq!(parse_term("2025-2027-1"), None);
        assert_eq!(parse_term("2025-summer"), None);
    }

    #[test]
    fn years_from_dates() {
        let start = MonthDay::default();
        assert_eq!(year_of(d("2025-09-01"), start), AcademicYear(2025));
        assert_eq!(year_of(d("2025-08-31"), start), AcademicYear(2024));
        assert_eq!(last_day(AcademicYear(2025), start), d("2026-08-31"));
        assert!(!year_over(AcademicYear(2025), start, d("2026-08-31")));
        assert!(year_over(AcademicYear(2025), start, d("2026-09-01")));
        assert_eq!(
            term_for(d("2026-02-20"), start).to_string(),
            "2025-spring".to_string()
        );
        assert_eq!(
            check_term(
                TermId::parse("2026-spring").unwrap(),
                d("2026-02-20"),
                start
            )
            .unwrap_err()
            .to_string(),
            "2025-spring"
        );
    }
}
