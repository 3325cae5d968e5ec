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

/// `text` wrapped at spaces into rows of at most `w` columns (a word
/// wider than a row breaks where the row ends); at least one row. The
/// status line is drawn from these rows: ratatui's own wrapping lost a
/// character after a row that ends in wide characters.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut rows = Vec::new();
    let mut row = String::new();
    for word in text.split(' ') {
        let ww = word.width();
        let (used, gap) = (row.width(), usize::from(!row.is_empty()));
        if used + gap + ww <= w {
            if gap == 1 {
                row.push(' ');
            }
            row.push_str(word);
            continue;
        }
        if !row.is_empty() {
            rows.push(std::mem::take(&mut row));
        }
        for c in word.chars() {
            if row.width() + c.width().unwrap_or(0) > w {
                rows.push(std::mem::take(&mut row));
            }
            row.push(c);
        }
    }
    rows.push(row);
    rows
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

    #[test]
    fn wrapped_rows_keep_every_character() {
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("abc def", 7), ["abc def"]);
        assert_eq!(wrap("abc def", 6), ["abc", "def"]);
        assert_eq!(wrap("已将文件升级", 4), ["已将", "文件", "升级"]);
        assert_eq!(
            wrap("ab /a/very/long/path", 8),
            ["ab", "/a/very/", "long/pat", "h"]
        );
        let s = "已导入:新增 0,更新 2,未变 10;已记为 2026-11-26 离校";
        for w in [10, 20, 33, 60] {
            let rows = wrap(s, w);
            assert!(rows.iter().all(|r| r.width() <= w), "{rows:?}");
            assert_eq!(rows.join(" ").replace(' ', ""), s.replace(' ', ""));
        }
    }
}
