//! Any bytes as a roster or term-plan file, read as .csv and as .xlsx: the
//! import returns rows or an error naming the file (and, for a bad cell, the
//! row and column), never panics. A file that parses as a roster gives
//! teachers with an id and a name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peixun::io::{parse_plan_bytes, parse_roster_bytes};

fuzz_target!(|bytes: &[u8]| {
    for name in ["fuzz.csv", "fuzz.xlsx"] {
        match parse_roster_bytes(name, bytes) {
            Ok(teachers) => {
                for t in teachers {
                    assert!(!t.id.0.trim().is_empty(), "a teacher without an id");
                    assert!(!t.name.trim().is_empty(), "a teacher without a name");
                }
            }
            Err(e) => {
                let said = e.to_string();
                assert!(said.contains(name), "the error does not name the file: {said}");
            }
        }
        if let Err(e) = parse_plan_bytes(name, bytes) {
            let said = e.to_string();
            assert!(said.contains(name), "the error does not name the file: {said}");
        }
    }
});
