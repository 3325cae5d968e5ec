//! Rows of the first sheet that the person who saved the file does not see
//! (issue 25): hidden by hand (a departed teacher the office hid) or by a
//! filter. They are not imported; the import summary names them. calamine
//! reads every row alike, so the sheet's own records are read here: an
//! .xlsx row with `hidden="1"` (Excel and LibreOffice write it for both
//! kinds), an .ods `table:table-row` whose `table:visibility` is `collapse`
//! or `filter`, an .xls ROW record with `fDyZero`. Best effort, like `shown`: a file whose XML cannot be read has
//! no hidden rows.

use quick_xml::events::Event;
use std::io::{Cursor, Read};
use std::ops::Range;

/// Hidden rows: ranges of 0-based row indexes, as calamine counts them (an
/// .ods file may hide a million repeated rows in one element).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden(Vec<Range<u32>>);

impl Hidden {
    pub fn new() -> Hidden {
        Hidden::default()
    }

    /// Whether the row of 0-based index `row` is hidden.
    pub fn contains(&self, row: u32) -> bool {
        self.0.iter().any(|r| r.contains(&row))
    }

    fn insert(&mut self, rows: Range<u32>) {
        match self.0.last_mut() {
            Some(last) if last.end == rows.start => last.end = rows.end,
            _ => self.0.push(rows),
        }
    }
}

fn zip_file(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut file = zip.by_name(name).ok()?;
    // A sheet's XML is bounded by the file's own limit (`limits`).
    let mut out = Vec::new();
    file.by_ref()
        .take(rules::limits::FILE_BYTES_MAX * 8)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

fn attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// The path of an .xlsx workbook's first sheet: the first `<sheet>` of
/// xl/workbook.xml, through its relationship.
fn first_sheet_path(bytes: &[u8]) -> Option<String> {
    let workbook = zip_file(bytes, "xl/workbook.xml")?;
    let mut reader = quick_xml::Reader::from_reader(workbook.as_slice());
    let mut buf = Vec::new();
    let id = loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                break attr(&e, "r:id")?;
            }
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    };
    let rels = zip_file(bytes, "xl/_rels/workbook.xml.rels")?;
    let mut reader = quick_xml::Reader::from_reader(rels.as_slice());
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "Relationship"
                    && attr(&e, "Id").as_deref() == Some(id.as_str()) =>
            {
                let target = attr(&e, "Target")?;
                return Some(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                });
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The hidden rows of an .xlsx file's first sheet.
pub fn xlsx(bytes: &[u8]) -> Hidden {
    let mut out = Hidden::new();
    let Some(sheet) = first_sheet_path(bytes).and_then(|p| zip_file(bytes, &p)) else {
        return out;
    };
    let mut reader = quick_xml::Reader::from_reader(sheet.as_slice());
    let mut buf = Vec::new();
    // A row without `r` follows the one before it.
    let mut next = 1u32;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "row" => {
                let r = attr(&e, "r")
                    .and_then(|r| r.parse::<u32>().ok())
                    .unwrap_or(next);
                next = r.saturating_add(1);
                if matches!(attr(&e, "hidden").as_deref(), Some("1" | "true")) {
                    let r = r.saturating_sub(1);
                    out.insert(r..r.saturating_add(1));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// The hidden rows of an .xls (BIFF8) file's first worksheet: each ROW
/// record (0x0208) whose option flags have `fDyZero` (0x0020), which Excel
/// and Calc set for a row hidden by hand or by a filter.
pub fn xls(bytes: &[u8]) -> Hidden {
    let mut out = Hidden::new();
    let Some(stream) = super::shown::workbook_stream(bytes) else {
        return out;
    };
    let Some(start) = super::shown::first_worksheet(&stream) else {
        return out;
    };
    let u16_at = |d: &[u8], i: usize| d.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    for (kind, data) in super::shown::records(&stream, start) {
        match kind {
            0x0208 => {
                if let (Some(row), Some(flags)) = (u16_at(data, 0), u16_at(data, 12))
                    && flags & 0x0020 != 0
                {
                    let row = u32::from(row);
                    out.insert(row..row + 1);
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    out
}

/// The hidden and filtered rows of an .ods file's first table.
pub fn ods(bytes: &[u8]) -> Hidden {
    let mut out = Hidden::new();
    let Some(content) = zip_file(bytes, "content.xml") else {
        return out;
    };
    let mut reader = quick_xml::Reader::from_reader(content.as_slice());
    let mut buf = Vec::new();
    let (mut tables, mut row) = (0u32, 0u32);
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.name().as_ref() {
                "table:table" => {
                    tables += 1;
                    if tables > 1 {
                        break;
                    }
                }
                "table:table-row" if tables == 1 => {
                    let repeat = attr(&e, "table:number-rows-repeated")
                        .and_then(|v| v.parse::<u32>().ok())
                        .unwrap_or(1)
                        .max(1);
                    if matches!(
                        attr(&e, "table:visibility").as_deref(),
                        Some("collapse" | "filter")
                    ) {
                        out.insert(row..row.saturating_add(repeat));
                    }
                    row = row.saturating_add(repeat);
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.name().as_ref() == "table:table" => break,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files LibreOffice saved from tests/data/office/make.sh: rows 3
    /// and 5 (0-based 2 and 4) hidden by hand, or left out by a filter.
    #[test]
    fn the_rows_libreoffice_hid_in_every_format() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/office");
        for name in ["roster_hidden", "roster_filtered"] {
            for (ext, read) in [
                ("xlsx", xlsx as fn(&[u8]) -> Hidden),
                ("ods", ods),
                ("xls", xls),
            ] {
                let bytes = std::fs::read(dir.join(format!("{name}.{ext}"))).unwrap_or_default();
                let h = read(&bytes);
                let rows: Vec<u32> = (0..8).filter(|r| h.contains(*r)).collect();
                assert_eq!(rows, [2, 4], "{name}.{ext}");
            }
        }
        assert_eq!(xlsx(b"not a zip"), Hidden::new());
    }
}
