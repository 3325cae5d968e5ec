//! Records as versioned, self-checking bytes: one format byte, a checksum,
//! then postcard. A record that does not decode, or whose checksum does not
//! match its bytes, is an error naming its table and key, never a panic.
//!
//! Format 2 (schema 3 on): `[2][CRC-32 of the format byte and the payload,
//! little-endian][postcard payload]`. Format 1 (schemas 1 and 2) had no
//! checksum: `[1][postcard payload]`; files holding it are rewritten by the
//! upgrade (`rewrap_v1`), and nothing else reads it.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The record format written by this build.
pub const FORMAT: u8 = 2;
/// The format schemas 1 and 2 wrote: no checksum.
pub const FORMAT_V1: u8 = 1;
const HEAD: usize = 5;

fn checksum(format: u8, payload: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(&[format]);
    h.update(payload);
    h.finalize()
}

/// Wraps a postcard payload as a format-2 record.
fn wrap(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEAD + payload.len());
    out.push(FORMAT);
    out.extend_from_slice(&checksum(FORMAT, payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // postcard only fails on types serde cannot describe; ours are plain data.
    let payload = postcard::to_stdvec(value).unwrap_or_default();
    wrap(&payload)
}

/// A format-1 record (no checksum) as format 2, for the upgrade to schema 3;
/// `None` for bytes that are not a format-1 record.
pub fn rewrap_v1(bytes: &[u8]) -> Option<Vec<u8>> {
    match bytes.split_first() {
        Some((&FORMAT_V1, payload)) => Some(wrap(payload)),
        _ => None,
    }
}

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
#[error("damaged record in table `{table}` at key {key}: {why}")]
pub struct DecodeError {
    pub table: &'static str,
    pub key: String,
    /// What was wrong, in English (the `Display` above and `check --json`).
    pub why: String,
    /// What was wrong, by kind: the catalogue words it in the user's
    /// language (`i18n::decode_fault`).
    pub fault: DecodeFault,
}

/// What was wrong with a record's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeFault {
    /// Its checksum does not match its bytes.
    Checksum,
    /// Shorter than its header.
    TooShort,
    /// A record format no build wrote.
    UnknownFormat(u8),
    /// No bytes at all.
    Empty,
    /// The bytes do not make a record of the expected shape.
    Shape,
}

static DAMAGE_SEEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this process has read a record that failed its checksum: the
/// error it gave names the table and key, which says more than "the file
/// does not verify" (`cli::run`).
pub fn damage_seen() -> bool {
    DAMAGE_SEEN.load(std::sync::atomic::Ordering::Relaxed)
}

/// The payload of a format-2 record whose checksum matches.
pub fn payload<'a>(
    bytes: &'a [u8],
    table: &'static str,
    key: &dyn std::fmt::Display,
) -> Result<&'a [u8], DecodeError> {
    let err = |why: String, fault| DecodeError {
        table,
        key: key.to_string(),
        why,
        fault,
    };
    match bytes.split_first() {
        Some((&FORMAT, rest)) if rest.len() >= HEAD - 1 => {
            let (sum, payload) = rest.split_at(HEAD - 1);
            let sum = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
            if sum == checksum(FORMAT, payload) {
                Ok(payload)
            } else {
                DAMAGE_SEEN.store(true, std::sync::atomic::Ordering::Relaxed);
                Err(err(
                    "its checksum does not match its bytes".into(),
                    DecodeFault::Checksum,
                ))
            }
        }
        Some((&FORMAT, _)) => Err(err("record too short".into(), DecodeFault::TooShort)),
        Some((v, _)) => Err(err(
            format!("unknown record format {v}"),
            DecodeFault::UnknownFormat(*v),
        )),
        None => Err(err("empty record".into(), DecodeFault::Empty)),
    }
}

pub fn decode<T: DeserializeOwned>(
    bytes: &[u8],
    table: &'static str,
    key: &dyn std::fmt::Display,
) -> Result<T, DecodeError> {
    let payload = payload(bytes, table, key)?;
    postcard::from_bytes(payload).map_err(|e| DecodeError {
        table,
        key: key.to_string(),
        why: e.to_string(),
        fault: DecodeFault::Shape,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_changed_byte_is_caught() {
        let bytes = encode(&("卢芳".to_string(), 42u32, vec![1u8, 2, 3]));
        let fine: (String, u32, Vec<u8>) = decode(&bytes, "t", &"k").expect("decodes");
        assert_eq!(fine.0, "卢芳");
        for i in 0..bytes.len() {
            for flip in [1u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                let got: Result<(String, u32, Vec<u8>), _> = decode(&b, "t", &"k");
                assert!(got.is_err(), "byte {i} ^ {flip:#x} went unnoticed");
            }
        }
    }

    #[test]
    fn a_v1_record_is_rewrapped_with_its_payload() {
        let mut old = vec![FORMAT_V1];
        old.extend(postcard::to_stdvec(&7u32).expect("postcard"));
        let new = rewrap_v1(&old).expect("v1");
        assert_eq!(decode::<u32>(&new, "t", &"k").expect("decodes"), 7);
        assert!(decode::<u32>(&old, "t", &"k").is_err());
        assert!(rewrap_v1(&new).is_none());
    }
}
