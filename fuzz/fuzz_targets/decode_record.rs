//! Any bytes, read as a stored record of every kind: decoding returns a
//! record or an error naming the table, never panics; and what decodes
//! encodes back to bytes that decode to the same record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peixun::core::{Leave, Policy, RollFacts, Teacher, Term};
use peixun::store::codec::{decode, encode};
use peixun::store::{Account, HistoryEntry, SessionRecord};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(
    bytes: &[u8],
    table: &'static str,
) {
    match decode::<T>(bytes, table, &"fuzz") {
        Ok(value) => {
            let again: T = decode(&encode(&value), table, &"fuzz")
                .unwrap_or_else(|e| panic!("{table}: re-encoded record does not decode: {e}"));
            assert_eq!(again, value, "{table}: round trip changed the record");
        }
        Err(e) => assert_eq!(e.table, table),
    }
}

fuzz_target!(|bytes: &[u8]| {
    round_trip::<Teacher>(bytes, "teachers");
    round_trip::<Term>(bytes, "terms");
    round_trip::<SessionRecord>(bytes, "sessions");
    round_trip::<RollFacts>(bytes, "facts");
    round_trip::<Leave>(bytes, "leaves");
    round_trip::<Account>(bytes, "accounts");
    round_trip::<HistoryEntry>(bytes, "history");
    round_trip::<Policy>(bytes, "meta");
});
