//! Any bytes as a roster or term-plan file, read as .csv and as .xlsx: the
//! import returns rows or an error naming the file (and, for a bad cell, the
//! row and column), never panics. A file that parses as a roster gives
//! teachers with an id and a name, each within the bounds of
//! `peixun::core::limits` (docs/io.md): an id of letters, digits and `-_.`,
//! no control or invisible character, no value longer than its limit. A
//! sheet is never read beyond its row and column limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peixun::core::limits::{Shape, check};
use peixun::io::{parse_plan_bytes, parse_roster_bytes};

fuzz_target!(|bytes: &[u8]| {
    for name in ["fuzz.csv", "fuzz.xlsx"] {
        match parse_roster_bytes(name, bytes) {
            Ok(teachers) => {
                for t in teachers {
                    assert!(!t.id.0.trim().is_empty(), "a teacher without an id");
                    assert!(!t.name.trim().is_empty(), "a teacher without a name");
                    assert!(check(Shape::Id, &t.id.0).is_ok(), "an id out of bounds");
                    assert!(check(Shape::Name, &t.name).is_ok(), "a name out of bounds");
                    assert!(check(Shape::Name, &t.group).is_ok(), "a group out of bounds");
                    if let Some(g) = &t.grade {
                        assert!(check(Shape::Name, g).is_ok(), "a grade out of bounds");
                    }
                }
            }
            Err(e) => {
                let said = e.to_string();
                assert!(said.contains(name), "the error does not name the file: {said}");
            }
        }
        match parse_plan_bytes(name, bytes) {
            Ok(sessions) => {
                for s in sessions {
                    assert!(check(Shape::Title, &s.title).is_ok(), "a title out of bounds");
                }
            }
            Err(e) => {
                let said = e.to_string();
                assert!(said.contains(name), "the error does not name the file: {said}");
            }
        }
    }
});
