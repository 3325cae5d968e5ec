//! The one function through which anything that came from a person or a
//! file (names, reasons, comments, titles, file names) is shown, on a
//! terminal or in a file: control characters, bidirectional overrides and
//! invisible characters are written visibly as `\u{..}` instead of being
//! emitted, so a value can neither move the cursor, rewrite a line, reach
//! the clipboard nor hide part of itself.

use std::borrow::Cow;

/// True for a character that must never reach a terminal as itself.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // bidirectional marks, embeddings, overrides and isolates
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            // zero-width and invisible characters
            | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}'
            // line and paragraph separators
            | '\u{2028}' | '\u{2029}'
        )
}

/// `s` as it may be shown: unchanged (and not copied) when it is safe,
/// otherwise with every unsafe character written as `\u{hex}`.
pub fn shown(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(shown("张三 T0001"), Cow::Borrowed("张三 T0001")));
    }

    #[test]
    fn escapes_and_bidi_are_made_visible() {
        assert_eq!(shown("a\u{1b}]52;c;x\u{7}b"), "a\\u{1b}]52;c;x\\u{7}b");
        assert_eq!(shown("G\u{0}002"), "G\\u{0}002");
        assert_eq!(shown("x\u{202e}y\u{200b}"), "x\\u{202e}y\\u{200b}");
        assert_eq!(shown("a\nb\tc\r"), "a\\u{a}b\\u{9}c\\u{d}");
        assert_eq!(shown("\u{9b}31m"), "\\u{9b}31m");
    }
}
