//! Finding a teacher by id, by any part of the name, by full pinyin or by
//! pinyin initials, accepting every reading of a polyphonic character
//! (曾 zeng/ceng, 单 shan/dan, 解 xie/jie).

use super::{App, AppError, Result};
use crate::core::{Teacher, TeacherId};
use pinyin::ToPinyinMulti;

impl App {
    /// Every visible teacher the query matches, in id order.
    pub fn lookup(&self, query: &str) -> Result<Vec<Teacher>> {
        let r = self.store.read()?;
        Ok(r.teachers()?
            .into_iter()
            .filter(|t| self.actor.may_see(&t.id) && matches(t, query))
            .collect())
    }
}

impl App {
    /// The one teacher a user means: an exact id, or else the only teacher
    /// the query finds. Several matches are an error that lists them.
    pub fn resolve_teacher(&self, query: &str) -> Result<TeacherId> {
        let id = TeacherId(query.trim().to_string());
        if self.store.read()?.teacher(&id)?.is_some() {
            return Ok(id);
        }
        let mut found = self.lookup(query)?;
        match found.len() {
            0 => Err(AppError::UnknownTeacher(query.to_string())),
            1 => Ok(found.remove(0).id),
            _ => Err(AppError::Ambiguous(
                found
                    .into_iter()
                    .map(|t| format!("{} {}", t.id, t.name))
                    .collect(),
            )),
        }
    }
}

/// Whether `query` finds `teacher`.
pub fn matches(teacher: &Teacher, query: &str) -> bool {
    let q = query.trim();
    if q.is_empty() {
        return false;
    }
    if teacher.id.0.eq_ignore_ascii_case(q) || teacher.name.contains(q) {
        return true;
    }
    let q: Vec<u8> = q
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .filter(char::is_ascii_lowercase)
        .map(|c| c as u8)
        .collect();
    if q.is_empty() || q.len() != query.trim().chars().filter(|c| !c.is_whitespace()).count() {
        return false;
    }
    let readings = readings(&teacher.name);
    (0..readings.len()).any(|start| spell(&readings[start..], &q))
}

/// The plain readings of each character of a name; a character without
/// pinyin (a Latin letter, say) stands for itself.
pub fn readings(name: &str) -> Vec<Vec<String>> {
    name.chars()
        .map(|c| match c.to_pinyin_multi() {
            Some(multi) => {
                let mut v: Vec<String> = multi.into_iter().map(|p| p.plain().to_string()).collect();
                v.dedup();
                v
            }
            None => vec![c.to_lowercase().collect()],
        })
        .collect()
}

/// Whether `q` spells consecutive characters from the first of `chars`,
/// each by a whole reading or its initial; the last may be cut short.
fn spell(chars: &[Vec<String>], q: &[u8]) -> bool {
    if q.is_empty() {
        return true;
    }
    let Some((first, rest)) = chars.split_first() else {
        return false;
    };
    first.iter().any(|reading| {
        let r = reading.as_bytes();
        if q.len() <= r.len() && r.starts_with(q) {
            return true;
        }
        (q.len() > r.len() && q.starts_with(r) && spell(rest, &q[r.len()..]))
            || (!r.is_empty() && q[0] == r[0] && spell(rest, &q[1..]))
    })
}
