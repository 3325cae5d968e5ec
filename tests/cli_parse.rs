//! The one-shot lookup's own parser (issue 15) gives exactly the `Cli` the
//! full parser gives, and leaves everything else to it.

use clap::Parser;
use peixun::cli::Cli;
use std::ffi::OsString;

fn argv(args: &[&str]) -> Vec<OsString> {
    std::iter::once("peixun")
        .chain(args.iter().copied())
        .map(OsString::from)
        .collect()
}

#[test]
fn lookup_parses_as_the_full_parser_does() {
    let cases: &[&[&str]] = &[
        &["lookup", "王伟"],
        &["lookup", "王伟", "--json"],
        &[
            "--db",
            "/tmp/x.redb",
            "lookup",
            "wangw",
            "--year",
            "2025",
            "--json",
        ],
        &["lookup", "wangw", "--db", "/tmp/x.redb", "--lang", "en"],
        &[
            "--as",
            "someone",
            "lookup",
            "T0001",
            "--term",
            "2025-autumn",
        ],
        &["lookup", "--", "--json"],
        &["--lang=en", "lookup", "卢", "--json", "--year=2024"],
        &["teacher", "add", "lookup", "名字", "语文"],
        &["record", "lookup"],
    ];
    for args in cases {
        let full = Cli::try_parse_from(argv(args)).expect("the full parser takes it");
        let fast = Cli::parse_args_from(argv(args));
        assert_eq!(format!("{fast:?}"), format!("{full:?}"), "{args:?}");
    }
}
