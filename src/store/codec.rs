//! Records as versioned bytes: one format byte, then postcard. A record that
//! does not decode is an error naming its table and key, never a panic.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The record format written by this build.
pub const FORMAT: u8 = 1;

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let out = vec![FORMAT];
    // postcard only fails on types serde cannot describe; ours are plain data.
    match postcard::to_extend(value, out) {
        Ok(v) => v,
        Err(_) => vec![FORMAT],
    }
}

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
#[error("damaged record in table `{table}` at key {key}: {why}")]
pub struct DecodeError {
    pub table: &'static str,
    pub key: String,
    pub why: String,
}

pub fn decode<T: DeserializeOwned>(
    bytes: &[u8],
    table: &'static str,
    key: &dyn std::fmt::Display,
) -> Result<T, DecodeError> {
    let err = |why: String| DecodeError {
        table,
        key: key.to_string(),
        why,
    };
    match bytes.split_first() {
        Some((&FORMAT, rest)) => postcard::from_bytes(rest).map_err(|e| err(e.to_string())),
        Some((v, _)) => Err(err(format!("unknown record format {v}"))),
        None => Err(err("empty record".into())),
    }
}
