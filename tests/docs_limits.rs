//! docs/io.md lists every limit of `core::limits` (issue 16): a new
//! constant there without its line in the table fails here.

#[test]
fn docs_io_names_every_limit() {
    let root = env!("CARGO_MANIFEST_DIR");
    let source =
        std::fs::read_to_string(format!("{root}/crates/rules/src/limits.rs")).expect("limits.rs");
    let docs = std::fs::read_to_string(format!("{root}/docs/io.md")).expect("docs/io.md");
    let consts: Vec<&str> = source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub const "))
        .filter_map(|l| l.split(':').next())
        .collect();
    assert!(consts.len() >= 11, "{consts:?}");
    let missing: Vec<&&str> = consts
        .iter()
        .filter(|c| !docs.contains(&format!("`{c}`")))
        .collect();
    assert!(missing.is_empty(), "docs/io.md does not name {missing:?}");
}
