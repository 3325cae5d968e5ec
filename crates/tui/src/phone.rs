//! Lines of the phone-sized layout (40–59 columns): text cut to a display
//! width, and a line of a name between an id and a figure, both whole.
//! CJK characters fill two columns; every width here is a display width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `s` in at most `w` columns: cut with "…" where it is wider.
pub fn cut(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// One line of `w` columns: `left` and `right` whole, `middle` between
/// them, cut where it must be, `right` aligned to the last column.
pub fn line(left: &str, middle: &str, right: &str, w: usize) -> String {
    let room = w.saturating_sub(left.width() + right.width() + 2);
    let middle = cut(middle, room);
    let gap = w.saturating_sub(left.width() + 1 + middle.width() + right.width());
    format!("{left} {middle}{}{right}", " ".repeat(gap.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_stay_whole_and_cjk_lines_up() {
        let a = line("T0001", "王芳 语文组 很长很长的名字", "旷工 3", 30);
        assert_eq!(a.width(), 30, "{a}");
        assert!(a.ends_with("旷工 3"));
        assert!(a.contains('…'));
        let b = line("T0002", "Li", "12/40", 30);
        assert_eq!(b.width(), 30);
        assert_eq!(cut("王芳", 3), "王…");
        assert_eq!(cut("ab", 5), "ab");
    }
}
