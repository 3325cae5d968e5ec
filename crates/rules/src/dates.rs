//! Reading stored dates and times without chrono's general parser.
//!
//! chrono stores a `NaiveDate` as `2025-09-01` and a `NaiveTime` as
//! `08:00:00`, and reads them back through its format-item parser, which
//! costs a few hundred instructions a field: a county's 380 sessions cost a
//! one-shot lookup about a million (docs/benchmarks.md, issue 15). These
//! read exactly those shapes directly and hand anything else to chrono, so
//! what is accepted, and what it means, is chrono's.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// The number `digits` spell, when they are all ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `YYYY-MM-DD`, as chrono writes a date.
fn date(s: &str) -> Option<NaiveDate> {
    match s.as_bytes() {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => NaiveDate::from_ymd_opt(
            i32::try_from(number(y)?).ok()?,
            number(&[*m1, *m2])?,
            number(&[*d1, *d2])?,
        ),
        _ => None,
    }
}

/// `HH:MM:SS`, as chrono writes a time without fractions.
fn time(s: &str) -> Option<NaiveTime> {
    match s.as_bytes() {
        [h1, h2, b':', m1, m2, b':', s1, s2] => NaiveTime::from_hms_opt(
            number(&[*h1, *h2])?,
            number(&[*m1, *m2])?,
            number(&[*s1, *s2])?,
        ),
        _ => None,
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, as chrono writes a moment without fractions.
fn datetime(s: &str) -> Option<NaiveDateTime> {
    match (s.len(), s.as_bytes().get(10)) {
        (19, Some(b'T')) => Some(date(s.get(..10)?)?.and_time(time(s.get(11..)?)?)),
        _ => None,
    }
}

/// Parses with the fast reader, else with chrono's `FromStr`.
struct Fast<T>(fn(&str) -> Option<T>);

impl<T: std::str::FromStr> Visitor<'_> for Fast<T>
where
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date or time as chrono writes it")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        match (self.0)(s) {
            Some(v) => Ok(v),
            None => s.parse().map_err(E::custom),
        }
    }
}

/// `#[serde(deserialize_with = "dates::naive_date")]`
pub fn naive_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Fast(date))
}

/// `#[serde(deserialize_with = "dates::naive_time")]`
pub fn naive_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    d.deserialize_str(Fast(time))
}

/// `#[serde(deserialize_with = "dates::naive_datetime")]`
pub fn naive_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    d.deserialize_str(Fast(datetime))
}

/// A moment read by `naive_datetime`, inside an `Option`.
struct Moment(NaiveDateTime);

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Moment, D::Error> {
        naive_datetime(d).map(Moment)
    }
}

/// `#[serde(default, deserialize_with = "dates::opt_naive_datetime")]`
pub fn opt_naive_datetime<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDateTime>, D::Error> {
    Ok(Option::<Moment>::deserialize(d)?.map(|m| m.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the fast reader takes, chrono reads as the same value; with the
    /// fall-back, every string reads as chrono reads it.
    #[test]
    fn agrees_with_chrono() {
        let json = |s: &str| serde_json::Value::String(s.to_string());
        for s in [
            "2025-09-01",
            "2024-02-29",
            "0001-01-01",
            "9999-12-31",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-01",
            "20250-01-01",
            "+2025-01-01",
            "2025-01-0x",
            "",
        ] {
            let chrono = s.parse::<NaiveDate>().ok();
            if let Some(d) = date(s) {
                assert_eq!(Some(d), chrono, "{s}");
            }
            assert_eq!(naive_date(json(s)).ok(), chrono, "{s}");
        }
        for s in [
            "08:00:00",
            "23:59:59",
            "00:00:00",
            "24:00:00",
            "12:60:00",
            "23:59:60",
            "8:00:00",
            "08:00",
            "08:0a:00",
            "08:00:00.25",
        ] {
            let chrono = s.parse::<NaiveTime>().ok();
            if let Some(t) = time(s) {
                assert_eq!(Some(t), chrono, "{s}");
            }
            assert_eq!(naive_time(json(s)).ok(), chrono, "{s}");
        }
        for s in [
            "2025-09-01T08:00:00",
            "2025-09-01T08:00:00.5",
            "2025-09-01 08:00:00",
            "2025-02-30T08:00:00",
            "2025-09-01T25:00:00",
            "2025-09-01T08:00",
        ] {
            let chrono = s.parse::<NaiveDateTime>().ok();
            if let Some(t) = datetime(s) {
                assert_eq!(Some(t), chrono, "{s}");
            }
            assert_eq!(naive_datetime(json(s)).ok(), chrono, "{s}");
        }
        // The shapes chrono writes are all taken by the fast reader.
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).expect("a date");
        assert_eq!(date(&d.to_string()), Some(d));
        let t = NaiveTime::from_hms_opt(7, 5, 9).expect("a time");
        assert_eq!(time(&t.to_string()), Some(t));
        let m = d.and_time(t);
        let written = serde_json::to_value(m).expect("writes");
        assert_eq!(datetime(written.as_str().unwrap_or_default()), Some(m));
    }

    #[test]
    fn other_shapes_fall_back_to_chrono() {
        #[derive(serde::Deserialize)]
        struct S {
            #[serde(deserialize_with = "naive_date")]
            d: NaiveDate,
            #[serde(deserialize_with = "naive_time")]
            t: NaiveTime,
        }
        let s: S = serde_json::from_str(r#"{"d":"2025-09-01","t":"08:30:00.5"}"#).expect("reads");
        assert_eq!(s.d, NaiveDate::from_ymd_opt(2025, 9, 1).expect("a date"));
        assert_eq!(
            s.t,
            NaiveTime::from_hms_milli_opt(8, 30, 0, 500).expect("a time")
        );
        assert!(serde_json::from_str::<S>(r#"{"d":"2025-02-30","t":"08:30:00"}"#).is_err());
    }
}
