//! Bounds on what a person or a file may put in the database: how long an
//! id, a name, a title or a reason may be, which characters it may hold,
//! and how large a count may grow. Every command and every import checks
//! its text here before anything is written (docs/io.md lists the limits).

/// An id (工号, account names): at most this many characters, each a
/// letter, a digit or one of `-`, `_`, `.`; it cannot start with `.`.
pub const ID_MAX: usize = 32;
/// A person's name, a teaching group, a grade, an organiser or a major.
pub const NAME_MAX: usize = 64;
/// A session's or a training's title, a school's name.
pub const TITLE_MAX: usize = 200;
/// A reason, a comment or a remark.
pub const TEXT_MAX: usize = 1_000;
/// Study-note characters in one term.
pub const NOTES_MAX: u32 = 1_000_000;
/// Open lessons (or multimedia open lessons) in one term or year.
pub const LESSONS_MAX: u32 = 1_000;
/// Credits of one session or one outside training, in tenths (1000.0).
pub const CREDITS_MAX_TENTHS: u32 = 10_000;
/// A spreadsheet's rows and columns as its file declares them: a roster
/// or a plan of more is refused before any cell is read.
pub const SHEET_ROWS_MAX: u32 = 100_000;
pub const SHEET_COLUMNS_MAX: u32 = 200;
/// Cells of a spreadsheet (rows × columns of its declared range).
pub const SHEET_CELLS_MAX: u64 = 2_000_000;
/// Bytes of a file to import.
pub const FILE_BYTES_MAX: u64 = 64 * 1024 * 1024;

/// What kind of text a field holds, and so its bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Id,
    Name,
    Title,
    Text,
}

impl Shape {
    /// The most characters a value of this shape may have.
    pub fn max(self) -> usize {
        match self {
            Shape::Id => ID_MAX,
            Shape::Name => NAME_MAX,
            Shape::Title => TITLE_MAX,
            Shape::Text => TEXT_MAX,
        }
    }
}

/// Why a value is out of bounds. Positions count characters from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Longer than the shape allows.
    TooLong { max: usize, len: usize },
    /// A control character (NUL, escape, line break, tab...).
    Control { at: usize, ch: char },
    /// A zero-width or bidirectional character, in an id or a name.
    Invisible { at: usize, ch: char },
    /// A character an id may not hold (anything but letters, digits, `-_.`).
    IdChar { at: usize, ch: char },
    /// A number above its maximum.
    TooLarge { max: u64 },
}

/// A field a person or a file fills, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    TeacherId,
    Name,
    Group,
    Grade,
    Title,
    Presenter,
    Host,
    Recorder,
    Reason,
    Comment,
    Remark,
    Organiser,
    Card,
    Major,
    School,
    Account,
    Note,
    NotesChars,
    OpenLessons,
    Credits,
}

impl Field {
    /// The shape of the field's text.
    pub fn shape(self) -> Shape {
        match self {
            Field::TeacherId | Field::Account => Shape::Id,
            Field::Name
            | Field::Group
            | Field::Grade
            | Field::Presenter
            | Field::Host
            | Field::Recorder
            | Field::Organiser
            | Field::Card
            | Field::Major => Shape::Name,
            Field::Title | Field::School => Shape::Title,
            Field::Reason
            | Field::Comment
            | Field::Remark
            | Field::Note
            | Field::NotesChars
            | Field::OpenLessons
            | Field::Credits => Shape::Text,
        }
    }
}

/// A zero-width, invisible or bidirectional character: it hides part of a
/// value or reorders what is shown.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{2028}' | '\u{2029}'
            | '\u{180E}' | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Checks `s` against `shape`: its length first (so a megabyte is refused
/// without being scanned), then each character.
pub fn check(shape: Shape, s: &str) -> Result<(), Bound> {
    let max = shape.max();
    // A character is at most 4 bytes: short strings need no count.
    if s.len() > max {
        let len = s.chars().count();
        if len > max {
            return Err(Bound::TooLong { max, len });
        }
    }
    if shape == Shape::Id && s.starts_with('.') {
        return Err(Bound::IdChar { at: 1, ch: '.' });
    }
    for (i, ch) in s.chars().enumerate() {
        let at = i + 1;
        if ch.is_control() {
            return Err(Bound::Control { at, ch });
        }
        if shape != Shape::Title && shape != Shape::Text && is_invisible(ch) {
            return Err(Bound::Invisible { at, ch });
        }
        if shape == Shape::Id && !(ch.is_alphanumeric() || matches!(ch, '-' | '_' | '.')) {
            return Err(Bound::IdChar { at, ch });
        }
    }
    Ok(())
}

/// Checks `n` against `max`.
pub fn at_most(n: u64, max: u64) -> Result<(), Bound> {
    if n > max {
        Err(Bound::TooLarge { max })
    } else {
        Ok(())
    }
}

/// The start of a value for a message: at most 24 characters, then `…`.
pub fn preview(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if s.chars().nth(24).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(check(Shape::Id, "T0001").is_ok());
        assert!(check(Shape::Id, "a-b_c.d").is_ok());
        assert!(check(Shape::Id, "张三").is_ok());
        assert_eq!(
            check(Shape::Id, "G\u{0}002"),
            Err(Bound::Control { at: 2, ch: '\0' })
        );
        assert_eq!(
            check(Shape::Id, "../../x"),
            Err(Bound::IdChar { at: 1, ch: '.' })
        );
        assert_eq!(
            check(Shape::Id, "a/b"),
            Err(Bound::IdChar { at: 2, ch: '/' })
        );
        assert_eq!(
            check(Shape::Id, "T0\u{200b}1"),
            Err(Bound::Invisible {
                at: 3,
                ch: '\u{200b}'
            })
        );
        assert_eq!(
            check(Shape::Id, &"x".repeat(33)),
            Err(Bound::TooLong { max: 32, len: 33 })
        );
    }

    #[test]
    fn names_and_texts() {
        assert!(check(Shape::Name, &"张".repeat(64)).is_ok());
        assert!(check(Shape::Name, &"张".repeat(65)).is_err());
        assert!(check(Shape::Name, "a\u{202e}b").is_err());
        assert!(check(Shape::Text, "a\u{202e}b").is_ok());
        assert!(check(Shape::Text, "a\u{1b}b").is_err());
        assert!(check(Shape::Text, &"x".repeat(1000)).is_ok());
        assert!(check(Shape::Text, &"x".repeat(1001)).is_err());
    }

    #[test]
    fn previews_are_short() {
        assert_eq!(preview("abc"), "abc");
        assert_eq!(preview(&"x".repeat(100)).chars().count(), 25);
    }
}
