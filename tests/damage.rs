//! Random damage to a demo file (issue 15): whenever `check` passes, every
//! reading command works and prints what it printed on the original file;
//! a one-byte change inside a record is reported by `check` and by the
//! first command that reads it. Seeded: `PEIXUN_DAMAGE_SEED` repeats a run.

mod common;

use common::*;
use std::path::Path;

const NOW: &str = "2026-01-15T12:00";
const VARIANTS: usize = 200;

/// The commands whose output must not change while `check` passes.
const READS: &[&[&str]] = &[
    &["standings", "--json"],
    &["credit", "list"],
    &["lookup", "廖"],
    &["history"],
    &["teacher", "list"],
    &["record", "T0001"],
];

fn demo_file(db: &Db) -> Vec<u8> {
    let out = run_on(
        &db.path,
        None,
        NOW,
        &["demo", "--teachers", "12", "--years", "1"],
    );
    expect_ok(out, &["demo"]);
    std::fs::read(&db.path).expect("read demo")
}

fn outputs(path: &Path) -> Vec<Result<String, String>> {
    READS
        .iter()
        .map(|args| {
            let out = run_on(path, None, NOW, args);
            if out.status.success() {
                Ok(text(&out.stdout))
            } else {
                Err(text(&out.stderr))
            }
        })
        .collect()
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn whenever_check_passes_every_reading_command_prints_the_same() {
    let seed = std::env::var("PEIXUN_DAMAGE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_da7a_u64);
    eprintln!("damage seed {seed} (set PEIXUN_DAMAGE_SEED to repeat)");
    let mut rng = Rng(seed | 1);
    let db = Db::new();
    let raw = demo_file(&db);
    let original = outputs(&db.path);
    for (args, out) in READS.iter().zip(&original) {
        assert!(out.is_ok(), "{args:?} fails on the original: {out:?}");
    }
    let path = db.file("damaged.redb");
    let (mut passed, mut caught) = (0, 0);
    for variant in 0..VARIANTS {
        let mut bytes = raw.clone();
        // One to four runs of one to sixteen random bytes, past the magic
        // bytes (a file without them is not taken for a database at all).
        let mut changed = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let len = 1 + rng.below(16);
            let at = 9 + rng.below(bytes.len() - 9 - len);
            for b in &mut bytes[at..at + len] {
                *b = rng.next() as u8;
            }
            changed.push((at, len));
        }
        if bytes == raw {
            continue;
        }
        std::fs::write(&path, &bytes).expect("write variant");
        let sound = matches!(peixun::store::check::check(&path), Ok(r) if r.is_clean());
        if !sound {
            caught += 1;
            continue;
        }
        passed += 1;
        let now = outputs(&path);
        for ((args, want), got) in READS.iter().zip(&original).zip(&now) {
            assert_eq!(
                got, want,
                "variant {variant} (bytes changed at {changed:?}) passed check, \
                 but {args:?} differs"
            );
        }
        assert_eq!(
            std::fs::read(&path).expect("read"),
            bytes,
            "variant {variant}: a reading command wrote to the file"
        );
    }
    eprintln!("{VARIANTS} variants: {caught} caught by check, {passed} passed it");
    assert!(caught > 0 && caught + passed >= VARIANTS * 9 / 10);
}

#[test]
fn a_one_byte_change_inside_a_record_is_reported_by_check_and_the_first_reader() {
    let db = Db::new();
    let mut raw = demo_file(&db);
    // The teacher record of T0001: its id, then its name, length-prefixed.
    let name = "廖强".as_bytes();
    let mut pattern = b"\x05T0001".to_vec();
    pattern.push(name.len() as u8);
    pattern.extend_from_slice(name);
    let at = raw
        .windows(pattern.len())
        .position(|w| w == pattern.as_slice())
        .expect("the teacher record of T0001");
    // One byte of the name's last character: still valid UTF-8 (强 → 弻).
    raw[at + pattern.len() - 1] ^= 0x01;
    std::fs::write(&db.path, &raw).expect("write");

    let out = run_on(&db.path, None, NOW, &["check"]);
    assert!(!out.status.success(), "check passed a changed record");
    let said = text(&out.stderr);
    assert!(said.contains("table `teachers` at key T0001"), "{said}");
    for args in [
        &["teacher", "list"][..],
        &["record", "T0001"],
        &["lookup", "廖"],
    ] {
        let line = expect_refused(run_on(&db.path, None, NOW, args), args);
        assert!(
            line.contains("teachers") && line.contains("T0001"),
            "{args:?}: {line}"
        );
    }
    assert_eq!(std::fs::read(&db.path).expect("read"), raw);
}
