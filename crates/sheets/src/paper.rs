//! How every exported sheet prints (issue 28): A4, turned landscape when
//! its columns are wider than a portrait page, fitted to one page wide,
//! its heading rows repeated on each page, the page number and the export
//! time in the footer. Pure: it only sets a worksheet's page setup.

use crate::stamp;
use chrono::NaiveDateTime;
use i18n::{self, Lang};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// A4 in Excel's paper codes.
pub const A4: u8 = 9;

/// The column widths (Excel's units, about one Latin character of the
/// default font) that print across an A4 portrait page at 100% within
/// the margins below; a sheet whose columns add up to more turns
/// landscape, where it is fitted to the width.
pub const PORTRAIT_WIDTH: f64 = 100.0;

/// Margins in inches: narrow, so that a sign-in sheet's 30 rows a column
/// fit at 100%, with room for the footer below.
pub const SIDE: f64 = 0.5;
pub const TOP: f64 = 0.55;
pub const BOTTOM: f64 = 0.6;

/// The height in points an A4 portrait page prints rows on within them.
pub fn portrait_rows_height() -> f64 {
    841.89 - (TOP + BOTTOM) * 72.0
}

/// Whether columns of these widths print landscape.
pub fn landscape_for(widths: &[f64]) -> bool {
    widths.iter().sum::<f64>() > PORTRAIT_WIDTH
}

/// How one sheet prints.
#[derive(Debug, Clone, Copy)]
pub struct Paper {
    pub landscape: bool,
    /// The rows printed at the top of every page (0-based, both included):
    /// the header, so that a second page still says what each column is.
    pub repeat: Option<(u32, u32)>,
    /// Pages tall: 0 as many as it takes, 1 the whole sheet on one page.
    pub tall: u16,
    pub exported: NaiveDateTime,
    pub lang: Lang,
}

/// Sets up `ws` to print as `p` says.
pub fn set_up(ws: &mut Worksheet, p: &Paper) -> Result<(), XlsxError> {
    ws.set_paper_size(A4);
    if p.landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_margins(SIDE, SIDE, TOP, BOTTOM, 0.3, 0.3)
        .set_print_fit_to_pages(1, p.tall)
        .set_print_center_horizontally(true)
        .set_footer(footer(p.lang, p.exported));
    if let Some((first, last)) = p.repeat {
        ws.set_repeat_rows(first, last)?;
    }
    Ok(())
}

/// The footer: the export time on the left, the page of pages in the
/// middle. `&` starts a code in a footer, so the words double theirs.
pub fn footer(l: Lang, exported: NaiveDateTime) -> String {
    let (before, middle, after) = i18n::page_of(l);
    let esc = |s: &str| s.replace('&', "&&");
    format!(
        "&L{} {}&C{}&P{}&N{}",
        esc(i18n::io_text(l, i18n::IoText::ExportedAt)),
        stamp(exported),
        esc(before),
        esc(middle),
        esc(after)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_has_the_page_codes_and_the_time() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(16, 25, 0))
            .unwrap_or_default();
        let zh = footer(Lang::Zh, at);
        assert!(zh.contains("&P") && zh.contains("&N"), "{zh}");
        assert!(zh.contains("2026-12-05 16:25"), "{zh}");
        assert!(landscape_for(&[60.0, 50.0]));
        assert!(!landscape_for(&[40.0, 50.0]));
    }
}
