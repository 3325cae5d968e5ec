//! The import bounds of issue 16, with files built to reach them (random
//! bytes seldom make a valid .xlsx): a roster or a plan as .xlsx, whose
//! declared dimension (`<dimension ref=…>`) and cell positions are drawn
//! near and far beyond `SHEET_ROWS_MAX` × `SHEET_COLUMNS_MAX` (up to
//! XFD1048576), whose header may name a field twice (工号 and id), whose
//! cells are drawn up to several times `TITLE_MAX` long with control,
//! invisible and formula characters; and the same table as CSV, sometimes
//! with a row wider than `SHEET_COLUMNS_MAX`.
//!
//! What must hold: no panic and no huge allocation; a declared dimension or
//! a cell beyond the limits is refused (`SheetTooLarge`) before any cell is
//! kept; a header naming a field twice is refused (`DuplicateColumn`); and
//! whatever is accepted lies within `core::limits` (docs/io.md).
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use peixun::core::limits::{NAME_MAX, SHEET_COLUMNS_MAX, SHEET_ROWS_MAX, Shape, TITLE_MAX, check};
use peixun::io::{ImportError, parse_plan_bytes, parse_roster_bytes};
use std::io::Write;

/// Headers a roster or a plan may have, with the roster field each names
/// (`None`: a plan's column, or one nobody reads).
const HEADERS: &[(&str, Option<&str>)] = &[
    ("工号", Some("id")),
    ("id", Some("id")),
    ("编号", Some("id")),
    ("姓名", Some("name")),
    ("name", Some("name")),
    ("教研组", Some("group")),
    ("group", Some("group")),
    ("年级", Some("grade")),
    ("入职日期", Some("from")),
    ("日期", None),
    ("开始", None),
    ("结束", None),
    ("主题", None),
    ("备注", None),
];

/// Characters that test the bounds: control, invisible, bidirectional,
/// formula starts, CJK, id characters.
const CHARS: &[char] = &[
    'a', 'Z', '7', '张', '伟', '.', '-', '_', ' ', '=', '+', '@', '\'', '"', ',', '\0', '\t', '\n',
    '\r', '\u{1b}', '\u{7f}', '\u{200b}', '\u{202e}', '\u{2066}', '\u{feff}', '&', '<',
];

struct Table {
    /// Header names (row 1).
    header: Vec<&'static str>,
    /// Data rows: one text per header column.
    rows: Vec<Vec<String>>,
    /// A cell placed anywhere (0-based row, column).
    stray: Option<(u32, u32)>,
    /// The dimension the sheet declares, as 0-based (row, column) of its end.
    declared: (u32, u32),
    /// The start of the declared dimension (may lie after the end).
    declared_start: (u32, u32),
    /// Extra empty columns on one CSV row.
    wide: usize,
}

fn position(u: &mut Unstructured) -> Result<(u32, u32)> {
    let near = |u: &mut Unstructured, max: u32, top: u32| -> Result<u32> {
        Ok(match u.int_in_range(0..=3u8)? {
            0 => u.int_in_range(0..=8)?,
            1 => u.int_in_range(max.saturating_sub(2)..=max + 1)?,
            2 => top,
            _ => u.int_in_range(0..=top)?,
        })
    };
    Ok((
        near(u, SHEET_ROWS_MAX - 1, 1_048_575)?,
        near(u, SHEET_COLUMNS_MAX - 1, 16_383)?,
    ))
}

fn text(u: &mut Unstructured) -> Result<String> {
    let len = match u.int_in_range(0..=3u8)? {
        0 => u.int_in_range(0..=12)?,
        1 => u.int_in_range(NAME_MAX - 1..=NAME_MAX + 1)?,
        2 => u.int_in_range(TITLE_MAX - 1..=TITLE_MAX + 1)?,
        _ => u.int_in_range(0..=4 * TITLE_MAX)?,
    };
    // A few distinct characters, repeated: long values stay cheap to draw.
    let mut pool = Vec::new();
    for _ in 0..u.int_in_range(1..=4)? {
        pool.push(*u.choose(CHARS)?);
    }
    Ok((0..len).map(|i| pool[i % pool.len()]).collect())
}

fn table(u: &mut Unstructured) -> Result<Table> {
    let mut header = Vec::new();
    for _ in 0..u.int_in_range(1..=7)? {
        header.push(u.choose(HEADERS)?.0);
    }
    let mut rows = Vec::new();
    for _ in 0..u.int_in_range(0..=4)? {
        let mut row = Vec::new();
        for _ in &header {
            row.push(text(u)?);
        }
        rows.push(row);
    }
    let stray = if u.ratio(1, 3)? {
        Some(position(u)?)
    } else {
        None
    };
    let fits = (rows.len() as u32, header.len().saturating_sub(1) as u32);
    let declared = if u.ratio(1, 2)? { fits } else { position(u)? };
    let declared_start = if u.ratio(1, 8)? { position(u)? } else { (0, 0) };
    let wide = if u.ratio(1, 6)? {
        u.int_in_range(0..=SHEET_COLUMNS_MAX as usize + 8)?
    } else {
        0
    };
    Ok(Table {
        header,
        rows,
        stray,
        declared,
        declared_start,
        wide,
    })
}

/// A1-style name of a 0-based (row, column).
fn a1((row, column): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut c = column as u64 + 1;
    while c > 0 {
        let r = ((c - 1) % 26) as u8;
        letters.push((b'A' + r) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        letters.into_iter().collect::<String>(),
        row as u64 + 1
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn inline(at: (u32, u32), s: &str) -> String {
    format!(
        r#"<c r="{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
        a1(at),
        escape(s)
    )
}

/// The table as a one-sheet .xlsx with inline strings.
fn xlsx(t: &Table) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    sheet.push_str(&format!(
        r#"<dimension ref="{}:{}"/><sheetData>"#,
        a1(t.declared_start),
        a1(t.declared)
    ));
    let mut lines: Vec<(u32, Vec<String>)> = Vec::new();
    lines.push((
        0,
        t.header
            .iter()
            .enumerate()
            .map(|(c, h)| inline((0, c as u32), h))
            .collect(),
    ));
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        lines.push((
            r,
            row.iter()
                .enumerate()
                .map(|(c, s)| inline((r, c as u32), s))
                .collect(),
        ));
    }
    if let Some((r, c)) = t.stray {
        match lines.iter_mut().find(|(n, _)| *n == r) {
            // Cells in order within their row: the stray one goes last.
            Some((_, cells)) if c as usize >= cells.len() => cells.push(inline((r, c), "x")),
            Some(_) => {}
            None => lines.push((r, vec![inline((r, c), "x")])),
        }
    }
    lines.sort_by_key(|(n, _)| *n);
    for (r, cells) in lines {
        sheet.push_str(&format!(
            r#"<row r="{}">{}</row>"#,
            r as u64 + 1,
            cells.concat()
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let files = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in files {
        zip.start_file(name, options)
            .expect("an in-memory zip entry");
        zip.write_all(body.as_bytes()).expect("an in-memory write");
    }
    zip.finish().expect("an in-memory zip").into_inner()
}

/// The table as CSV, every field quoted.
fn csv(t: &Table) -> Vec<u8> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::new();
    let header: Vec<String> = t.header.iter().map(|h| quote(h)).collect();
    out.push_str(&header.join(","));
    out.push('\n');
    for (i, row) in t.rows.iter().enumerate() {
        let mut fields: Vec<String> = row.iter().map(|s| quote(s)).collect();
        if i == 0 && t.wide > 0 {
            fields.extend(std::iter::repeat_n("x".to_string(), t.wide));
        }
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

fn within((row, column): (u32, u32)) -> bool {
    row < SHEET_ROWS_MAX && column < SHEET_COLUMNS_MAX
}

/// Whether row 1 is a complete roster header that names a field twice.
fn duplicate_roster_header(header: &[&str]) -> bool {
    let keys: Vec<&str> = header
        .iter()
        .filter_map(|h| HEADERS.iter().find(|(n, _)| n == h).and_then(|(_, k)| *k))
        .collect();
    let complete = ["id", "name", "group"].iter().all(|k| keys.contains(k));
    let twice = keys
        .iter()
        .enumerate()
        .any(|(i, k)| keys[i + 1..].contains(k));
    complete && twice
}

/// No cell holds a character that may stop the file being read at all
/// (control characters are not XML; a BOM or NUL changes how text decodes),
/// so the header is what decides.
fn clean(t: &Table) -> bool {
    t.rows
        .iter()
        .flatten()
        .all(|s| !s.chars().any(|c| c.is_control() || c == '\u{feff}'))
}

fn roster_within(teachers: &[peixun::core::Teacher]) {
    for t in teachers {
        assert!(
            check(Shape::Id, &t.id.0).is_ok(),
            "an id out of bounds: {:?}",
            t.id.0
        );
        assert!(check(Shape::Name, &t.name).is_ok(), "a name out of bounds");
        assert!(
            check(Shape::Name, &t.group).is_ok(),
            "a group out of bounds"
        );
        if let Some(g) = &t.grade {
            assert!(check(Shape::Name, g).is_ok(), "a grade out of bounds");
        }
    }
}

fuzz_target!(|bytes: &[u8]| {
    let mut u = Unstructured::new(bytes);
    let Ok(t) = table(&mut u) else {
        return;
    };

    // .xlsx
    let reversed = t.declared_start.0 > t.declared.0 || t.declared_start.1 > t.declared.1;
    // KNOWN, NOT FIXED: calamine 0.38 (`xlsx::get_dimension`) subtracts the
    // start of `<dimension ref="C3:A1">` from its end unchecked: with
    // overflow checks (debug builds, cargo fuzz) a reversed range panics
    // ("attempt to subtract with overflow", which `peixun import` in a
    // debug build prints as its error); a release build wraps and reads on.
    // Found by this target at once (docs/io.md); skipped so that it can
    // look further. Drop this line once the reader checks the range.
    if reversed {
        return;
    }
    let file = xlsx(&t);
    let roster = parse_roster_bytes("fuzz.xlsx", &file);
    if !within(t.declared) {
        assert!(
            matches!(roster, Err(ImportError::SheetTooLarge { .. })),
            "a declared dimension to {} was not refused: {roster:?}",
            a1(t.declared)
        );
    }
    if t.stray.is_some_and(|s| !within(s)) {
        assert!(roster.is_err(), "a cell at {:?} was read", t.stray);
    }
    let sized = within(t.declared) && t.stray.is_none_or(within);
    if sized && clean(&t) && duplicate_roster_header(&t.header) {
        assert!(
            matches!(roster, Err(ImportError::DuplicateColumn { .. })),
            "a header naming a field twice was not refused: {:?}: {roster:?}",
            t.header
        );
    }
    if let Ok(teachers) = &roster {
        roster_within(teachers);
    }
    if let Ok(sessions) = parse_plan_bytes("fuzz.xlsx", &file) {
        for s in sessions {
            assert!(
                check(Shape::Title, &s.title).is_ok(),
                "a title out of bounds"
            );
        }
    }

    // .csv
    let file = csv(&t);
    let roster = parse_roster_bytes("fuzz.csv", &file);
    if t.wide > 0 && !t.rows.is_empty() && t.header.len() + t.wide > SHEET_COLUMNS_MAX as usize {
        assert!(
            matches!(roster, Err(ImportError::SheetTooLarge { .. })),
            "a CSV row of {} columns was not refused: {roster:?}",
            t.header.len() + t.wide
        );
    } else if clean(&t) && duplicate_roster_header(&t.header) {
        assert!(
            matches!(roster, Err(ImportError::DuplicateColumn { .. })),
            "a CSV header naming a field twice was not refused: {:?}: {roster:?}",
            t.header
        );
    }
    if let Ok(teachers) = &roster {
        roster_within(teachers);
    }
    if let Ok(sessions) = parse_plan_bytes("fuzz.csv", &file) {
        for s in sessions {
            assert!(
                check(Shape::Title, &s.title).is_ok(),
                "a title out of bounds"
            );
        }
    }
});
