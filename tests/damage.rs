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
    let (mut passed, mut caught, mut recovered) = (0, 0, 0);
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
            // A file check rejects is never backed up as if it were sound
            // (issue 26): refused, in one line, and no copy appears.
            let copy = db.file(&format!("copy-{variant}.redb"));
            let args = ["backup", copy.to_str().expect("utf-8")];
            let out = run_on(&path, None, NOW, &args);
            assert!(
                !out.status.success(),
                "variant {variant} (bytes changed at {changed:?}): check rejects it, \
                 yet backup made a copy: {}",
                text(&out.stdout)
            );
            assert!(
                !copy.exists(),
                "variant {variant}: a refused backup left {copy:?}"
            );
            // check and backup say the same about what a recovery keeps;
            // told to, backup copies the recovered state, which checks clean.
            let check = text(&run_on(&path, None, NOW, &["check"]).stderr);
            let refusal = text(&out.stderr);
            let recovery = check
                .lines()
                .map(str::trim)
                .find(|l| l.starts_with("recoverable"));
            let mut accept = args.to_vec();
            accept.push("--accept-recovered");
            let out = run_on(&path, None, NOW, &accept);
            match recovery {
                Some(line) => {
                    recovered += 1;
                    assert!(
                        refusal.contains(line),
                        "variant {variant}: {refusal} / {line}"
                    );
                    let said = expect_ok(out, &accept);
                    assert!(said.contains(line), "variant {variant}: {said}");
                    let out = run_on(&copy, None, NOW, &["check"]);
                    assert!(
                        out.status.success(),
                        "variant {variant}: the recovered copy"
                    );
                }
                None => {
                    assert!(!out.status.success() && !copy.exists(), "variant {variant}");
                }
            }
            assert_eq!(
                std::fs::read(&path).expect("read"),
                bytes,
                "variant {variant}: check or backup wrote to the file"
            );
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
    eprintln!(
        "{VARIANTS} variants: {caught} caught by check ({recovered} recoverable), {passed} passed it"
    );
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
    // In Chinese, the same places in Chinese words: neither redb's nor
    // the checksum's English (issue 26).
    for args in [&["check"][..], &["record", "T0001"]] {
        let out = common::command_in("zh", &db.path, None, NOW, args)
            .output()
            .expect("run peixun");
        let said = text(&out.stderr);
        assert!(
            said.contains("T0001") && said.contains("校验和与内容不符"),
            "{args:?}: {said}"
        );
        assert!(
            !said.contains("checksum") && !said.contains("verify"),
            "{args:?}: {said}"
        );
    }
    assert_eq!(std::fs::read(&db.path).expect("read"), raw);
}

/// The commit slot redb reads first, damaged (issue 26): the last commit no
/// longer verifies and redb's repair falls back to the one before. `check`
/// and `backup` both say so, in the same words, naming the last change
/// that survived; `backup` copies nothing unless told `--accept-recovered`,
/// and then copies exactly that state. The file is never written.
#[test]
fn a_damaged_last_commit_is_said_alike_by_check_and_backup() {
    let db = Db::new();
    demo_file(&db);
    db.ok(NOW, &["teacher", "add", "T0100", "王一", "语文"]);
    db.ok(NOW, &["teacher", "add", "T0101", "王二", "数学"]);
    let mut raw = std::fs::read(&db.path).expect("read");
    // redb's header: the god byte (offset 9) says which of the two commit
    // slots (128 bytes each from offset 64) is the last; a byte of its
    // transaction id (at 104 in the slot) changed fails its checksum.
    let slot = usize::from(raw[9] & 1);
    raw[64 + 128 * slot + 104] ^= 0xff;
    std::fs::write(&db.path, &raw).expect("write");

    let out = run_on(&db.path, None, NOW, &["check"]);
    assert!(!out.status.success(), "check passed a damaged commit slot");
    let said = text(&out.stderr);
    let line = said
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("recoverable to the commit before the last"))
        .unwrap_or_else(|| panic!("check does not say what survives: {said}"))
        .to_string();
    assert!(line.contains("teacher.add teacher T01"), "{line}");
    let survivor = if line.contains("T0101") {
        "T0101"
    } else {
        "T0100"
    };

    let copy = db.file("copy.redb");
    let args = ["backup", copy.to_str().expect("utf-8")];
    let refusal = expect_refused(run_on(&db.path, None, NOW, &args), &args);
    assert!(refusal.contains(&line), "{refusal}");
    assert!(refusal.contains("--accept-recovered"), "{refusal}");
    assert!(!copy.exists());

    let accept = [
        "backup",
        copy.to_str().expect("utf-8"),
        "--accept-recovered",
    ];
    let said = expect_ok(run_on(&db.path, None, NOW, &accept), &accept);
    assert!(said.contains(&line), "{said}");
    expect_ok(run_on(&copy, None, NOW, &["check"]), &["check"]);
    let teachers = expect_ok(run_on(&copy, None, NOW, &["teacher", "list"]), &["teacher"]);
    assert!(teachers.contains(survivor), "{teachers}");
    assert_eq!(
        std::fs::read(&db.path).expect("read"),
        raw,
        "the file was written"
    );
}
