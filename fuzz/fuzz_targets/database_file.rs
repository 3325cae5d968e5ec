//! A small demo school's database file, truncated and with bytes changed
//! where the input says: `check` (which every open runs on the pages) ends
//! with a report or an error, never a crash, whatever it is given.
//!
//! The input: first byte bit 7 set = truncate at the length the next two
//! bytes give (as a fraction of the file); then triples (offset high, offset
//! low, value): the byte at that fraction of the file is XORed with value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peixun::app::demo::{DemoOptions, demo};
use peixun::store::check::check_bytes;
use std::path::Path;
use std::sync::OnceLock;

fn fixture() -> &'static [u8] {
    static FIXTURE: OnceLock<Vec<u8>> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("peixun-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("fixture directory");
        let path = dir.join("fixture.redb");
        let now = chrono::NaiveDate::from_ymd_opt(2025, 11, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("a date");
        let opts = DemoOptions {
            teachers: 4,
            years: 1,
            seed: 1,
        };
        drop(demo(&path, "fuzz", now, opts, &mut |_, _| {}).expect("demo school"));
        let bytes = std::fs::read(&path).expect("read fixture");
        let _ = std::fs::remove_dir_all(&dir);
        let report = check_bytes(&bytes, Path::new("fixture")).expect("fixture checks");
        assert!(report.is_clean(), "the fixture itself is damaged");
        bytes
    })
}

fn at(len: usize, hi: u8, lo: u8) -> usize {
    (u16::from_be_bytes([hi, lo]) as usize * len) >> 16
}

fuzz_target!(|input: &[u8]| {
    let mut file = fixture().to_vec();
    let mut rest = input;
    if let [mode, hi, lo, tail @ ..] = input
        && mode & 0x80 != 0
    {
        file.truncate(at(file.len(), *hi, *lo));
        rest = tail;
    }
    for change in rest.chunks_exact(3) {
        let i = at(file.len(), change[0], change[1]);
        if let Some(b) = file.get_mut(i) {
            *b ^= change[2];
        }
    }
    // Ok (a report, clean or not) and Err (not ours, not redb) are both
    // fine; a crash or an abort is what the fuzzer finds.
    let _ = check_bytes(&file, Path::new("fuzz.redb"));
});
