//! Finding a teacher by id, by any part of the name, by full pinyin or by
//! pinyin initials (zh/ch/sh may stand whole; `v`, `u` or `yu` for ü),
//! best matches first: the exact name or id, the whole name in full
//! pinyin, names beginning with the query, then the pinyin of the usual
//! reading from the surname on (a surname by its surname reading: 单 shan,
//! 曾 zeng, 解 xie) — whole syllables before a last one cut short — then
//! its initials, then a rare reading of a polyphonic character from the
//! surname on (解 jie, 曾 ceng, 立 wei), and last a match starting after
//! the surname.

use super::{App, AppError, Result, surnames};
use pinyin::{ToPinyin, ToPinyinMulti};
use rules::{Teacher, TeacherId};

/// How a query found a teacher, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    /// The whole name, or the id.
    Exact,
    /// The full pinyin of the usual reading of the whole name, every
    /// syllable whole (`shili` for 石丽, not for 史丽华): above any match of
    /// a part (issue 27).
    Whole,
    /// The beginning of the name.
    Prefix,
    /// The full pinyin of the usual reading, from the surname on, every
    /// syllable whole, the name going on (`lu` for 卢伟: above 罗佳, whose
    /// `luo` it only begins; issue 27).
    Syllables,
    /// The full pinyin of the usual reading, from the surname on, the last
    /// syllable cut short.
    Pinyin,
    /// The initials of the usual reading (or a mix of initials and whole
    /// syllables), from the surname on.
    Initials,
    /// Any reading, a rare one included, from the surname on (`jieyi` for
    /// 解怡: above 段杰颖, found after its surname; issue 27).
    Rare,
    /// A match that starts after the surname.
    Other,
}

impl Match {
    /// The code `lookup --json` shows in its `match` field.
    pub fn code(self) -> &'static str {
        match self {
            Match::Exact => "exact",
            Match::Whole => "whole",
            Match::Prefix => "prefix",
            Match::Syllables => "syllables",
            Match::Pinyin => "pinyin",
            Match::Initials => "initials",
            Match::Rare => "rare",
            Match::Other => "other",
        }
    }
}

impl App {
    /// Every visible teacher the query matches, best matches first (id
    /// order among equally good ones).
    pub fn lookup(&self, query: &str) -> Result<Vec<Teacher>> {
        Ok(self
            .lookup_ranked(query)?
            .into_iter()
            .map(|(t, _)| t)
            .collect())
    }

    /// `lookup`, with how each teacher matched.
    pub fn lookup_ranked(&self, query: &str) -> Result<Vec<(Teacher, Match)>> {
        let r = self.store.read()?;
        // Only names are scanned; the teachers found are then read whole.
        let q = Query::new(query);
        let mut ranks = Vec::new();
        let ids = r.find_teachers(|id, name| {
            let found = match self.actor.may_see_id(id) {
                true => q.rank(id, name),
                false => None,
            };
            ranks.extend(found);
            found.is_some()
        })?;
        let mut out = Vec::with_capacity(ids.len());
        for (id, rank) in ids.into_iter().zip(ranks) {
            if let Some(t) = r.teacher(&id)? {
                out.push((t, rank));
            }
        }
        // Stable: id order among equals.
        out.sort_by_key(|(_, rank)| *rank);
        Ok(out)
    }
}

impl App {
    /// Whether a lookup that found nobody can be trusted as it is: the
    /// names it scanned agree with the teachers' checksummed records
    /// (`store::Reader::names_agree`). Where they do not, the file is
    /// verified page by page before the miss is believed (`cli::run`).
    pub fn names_agree(&self) -> Result<bool> {
        Ok(self.store.read()?.names_agree()?)
    }

    /// The teacher with this id, if the actor may see them (as `lookup`
    /// finds only those).
    pub fn visible_teacher(&self, id: &TeacherId) -> Result<Teacher> {
        let found = match self.actor.may_see(id) {
            true => self.store.read()?.teacher(id)?,
            false => None,
        };
        found.ok_or_else(|| AppError::UnknownTeacher(id.0.clone()))
    }

    /// The one teacher a user means: an exact id, or else the best match of
    /// the query when no other matches as well (an exact name wins over
    /// names that only contain it). Several equally good matches are an
    /// error that lists them.
    pub fn resolve_teacher(&self, query: &str) -> Result<TeacherId> {
        let id = TeacherId(rules::half_width_id(query.trim()));
        if self.store.read()?.teacher(&id)?.is_some() {
            return Ok(id);
        }
        let found = self.lookup_ranked(query)?;
        let Some(best) = found.first().map(|(_, m)| *m) else {
            return Err(AppError::UnknownTeacher(query.to_string()));
        };
        let mut best: Vec<Teacher> = found
            .into_iter()
            .take_while(|(_, m)| *m == best)
            .map(|(t, _)| t)
            .collect();
        match best.len() {
            1 => Ok(best.remove(0).id),
            _ => Err(AppError::Ambiguous(
                best.into_iter()
                    .map(|t| format!("{} {}", t.id, t.name))
                    .collect(),
            )),
        }
    }
}

/// The number at the end of an id: T0015 → 15.
pub fn id_number(id: &str) -> Option<u64> {
    let start = id
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    id[start..].parse().ok()
}

/// Whether `query` finds `teacher`.
pub fn matches(teacher: &Teacher, query: &str) -> bool {
    rank(teacher, query).is_some()
}

/// How `query` finds `teacher`, if it does.
pub fn rank(teacher: &Teacher, query: &str) -> Option<Match> {
    Query::new(query).rank(&teacher.id.0, &teacher.name)
}

/// A lookup query, prepared once for trying against every name.
pub struct Query {
    /// The query as typed, trimmed, full-width letters and digits in their
    /// half-width form (`T０００１` is T0001, as imports and `teacher add`
    /// keep it).
    text: String,
    /// Finds `text` inside a name. Every name is tried, and names are
    /// short: Rabin-Karp needs no set-up per name (memmem's vector
    /// searcher cost more than the rest of the test).
    inside: memchr::arch::all::rabinkarp::Finder,
    /// The query as lowercase pinyin letters (ü as `v`), when it is only
    /// letters.
    letters: Option<Vec<u8>>,
}

impl Query {
    pub fn new(query: &str) -> Query {
        let text = rules::half_width_id(query.trim());
        let typed = || text.chars().filter(|c| !c.is_whitespace());
        let letters: Vec<u8> = typed()
            .map(|c| match c {
                'ü' | 'Ü' => 'v',
                c => c.to_ascii_lowercase(),
            })
            .filter(char::is_ascii_lowercase)
            .map(|c| c as u8)
            .collect();
        let all_letters = letters.len() == typed().count();
        Query {
            inside: memchr::arch::all::rabinkarp::Finder::new(text.as_bytes()),
            letters: (all_letters && !letters.is_empty()).then_some(letters),
            text,
        }
    }

    /// Whether the query finds the teacher with this id and name.
    pub fn finds(&self, id: &str, name: &str) -> bool {
        self.rank(id, name).is_some()
    }

    /// How the query finds the teacher with this id and name, if it does.
    /// Nothing is allocated: a lookup tries every name.
    pub fn rank(&self, id: &str, name: &str) -> Option<Match> {
        if self.text.is_empty() {
            return None;
        }
        if id.eq_ignore_ascii_case(&self.text) {
            return Some(Match::Exact);
        }
        // A bare number is the number in an id: 40 finds T0040, as the
        // roll screen and the teacher tab take it (issue 27).
        if self.text.bytes().all(|b| b.is_ascii_digit()) {
            return (id_number(id).is_some() && id_number(id) == self.text.parse().ok())
                .then_some(Match::Exact);
        }
        // Most names do not match at all: the cheapest tests first.
        let inside = (self.inside)
            .find(name.as_bytes(), self.text.as_bytes())
            .is_some();
        if inside && name.len() == self.text.len() {
            return Some(Match::Exact);
        }
        if inside && name.starts_with(&self.text) {
            return Some(Match::Prefix);
        }
        let Some(q) = &self.letters else {
            return inside.then_some(Match::Other);
        };
        // Every surname reading is one of the character's readings
        // (`surnames` tests this), so the loose test needs no table.
        let loose = inside
            || name
                .char_indices()
                .any(|(i, _)| spell(&name[i..], &[], q, Mode::Loose));
        if !loose {
            return None;
        }
        let sur = surnames::readings(name);
        if spell(name, &sur, q, Mode::Full) {
            if spell(name, &sur, q, Mode::Whole) {
                Some(Match::Whole)
            } else if spell(name, &sur, q, Mode::Syllables) {
                Some(Match::Syllables)
            } else {
                Some(Match::Pinyin)
            }
        } else if spell(name, &sur, q, Mode::Initials) {
            Some(Match::Initials)
        } else if spell(name, &[], q, Mode::Loose) {
            Some(Match::Rare)
        } else {
            Some(Match::Other)
        }
    }
}

/// Which readings and which ways of spelling a character count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The usual reading, whole syllables (the last may be cut short).
    Full,
    /// The usual reading of every character, each syllable whole, the
    /// query ending with the name.
    Whole,
    /// The usual reading, each syllable whole, the name going on or not.
    Syllables,
    /// The usual reading, whole or by its initial.
    Initials,
    /// Any reading, whole or by its initial.
    Loose,
}

/// Whether `q` spells consecutive characters from the start of `name`,
/// each by a reading `mode` allows or by that reading's initial (zh, ch and
/// sh as one letter or two); the last may be cut short. `sur` gives the
/// surname readings of the first characters. A character without pinyin (a
/// Latin letter, say) stands for itself; a separator (· or a space) may be
/// skipped.
fn spell(name: &str, sur: &[Option<&'static str>], q: &[u8], mode: Mode) -> bool {
    if q.is_empty() {
        return mode != Mode::Whole || name.chars().all(separator);
    }
    let mut chars = name.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    let sur_here = sur.first().copied().flatten();
    let sur_rest = sur.get(1..).unwrap_or(&[]);
    let fits = |r: &str| {
        let b = r.as_bytes();
        // Most readings fail on their first letter (no reading starts
        // with ü).
        if b.first() != q.first() {
            return false;
        }
        let whole = match fit(r, q) {
            Fit::Cut => !matches!(mode, Mode::Whole | Mode::Syllables),
            Fit::Whole(n) => spell(rest, sur_rest, &q[n..], mode),
            Fit::No => false,
        };
        if whole || matches!(mode, Mode::Full | Mode::Whole | Mode::Syllables) {
            return whole;
        }
        // By its initial: the first letter, or zh/ch/sh whole.
        spell(rest, sur_rest, &q[1..], mode)
            || (matches!(b, [b'z' | b'c' | b's', b'h', ..])
                && q.get(1) == Some(&b'h')
                && spell(rest, sur_rest, &q[2..], mode))
    };
    if separator(c) {
        return spell(rest, sur_rest, q, mode);
    }
    if let Some(r) = sur_here {
        if fits(r) || surnames::also(c).is_some_and(fits) {
            return true;
        }
        if mode != Mode::Loose {
            return false;
        }
    }
    match mode {
        Mode::Loose => match c.to_pinyin_multi() {
            Some(multi) => multi.into_iter().any(|p| fits(p.plain())),
            None => fits(c.to_ascii_lowercase().encode_utf8(&mut [0u8; 4])),
        },
        Mode::Full | Mode::Whole | Mode::Syllables | Mode::Initials => match c.to_pinyin() {
            Some(p) => fits(p.plain()),
            None => fits(c.to_ascii_lowercase().encode_utf8(&mut [0u8; 4])),
        },
    }
}

/// A separator in a name (· or a space), which a query may skip.
fn separator(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '.' | '-' | ' ')
}

/// How a reading fits the start of the query.
enum Fit {
    /// The whole reading, taking this many letters of the query.
    Whole(usize),
    /// The query ends inside the reading.
    Cut,
    No,
}

/// How `r` (plain pinyin: ASCII letters, ü as two UTF-8 bytes) fits the
/// start of the query; ü is typed `v`, `u` or `yu` (lyu, nyu: the other
/// common spelling). Byte by byte: this runs for readings of every name.
fn fit(r: &str, q: &[u8]) -> Fit {
    let r = r.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < r.len() {
        let Some(&b) = q.get(n) else {
            return Fit::Cut;
        };
        // ü is the UTF-8 bytes C3 BC.
        let (same, len) = match r[i] {
            0xC3 if r.get(i + 1) == Some(&0xBC) && b == b'y' => match q.get(n + 1) {
                None => return Fit::Cut,
                Some(b'u') => {
                    // `yu` for ü: two letters of the query.
                    n += 1;
                    (true, 2)
                }
                Some(_) => (false, 2),
            },
            0xC3 if r.get(i + 1) == Some(&0xBC) => (b == b'v' || b == b'u', 2),
            x => (x == b, 1),
        };
        if !same {
            return Fit::No;
        }
        i += len;
        n += 1;
    }
    Fit::Whole(n)
}
