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
        // Only names are scanned; the teachers found are then read whole.
        let q = Query::new(query);
        let ids = r.find_teachers(|id, name| self.actor.may_see_id(id) && q.finds(id, name))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(t) = r.teacher(&id)? {
                out.push(t);
            }
        }
        Ok(out)
    }
}

impl App {
    /// The teacher with this id, if the actor may see them (as `lookup`
    /// finds only those).
    pub fn visible_teacher(&self, id: &TeacherId) -> Result<Teacher> {
        let found = match self.actor.may_see(id) {
            true => self.store.read()?.teacher(id)?,
            false => None,
        };
        found.ok_or_else(|| AppError::UnknownTeacher(id.0.clone()))
    }

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
    Query::new(query).finds(&teacher.id.0, &teacher.name)
}

/// A lookup query, prepared once for trying against every name.
pub struct Query<'a> {
    text: &'a str,
    /// The query as lowercase pinyin letters, when it is only letters.
    letters: Option<Vec<u8>>,
}

impl<'a> Query<'a> {
    pub fn new(query: &'a str) -> Query<'a> {
        let text = query.trim();
        let letters: Vec<u8> = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .filter(char::is_ascii_lowercase)
            .map(|c| c as u8)
            .collect();
        let all_letters = letters.len() == text.chars().filter(|c| !c.is_whitespace()).count();
        Query {
            text,
            letters: (all_letters && !letters.is_empty()).then_some(letters),
        }
    }

    /// Whether the query finds the teacher with this id and name: by the
    /// id, by part of the name, or by the name's pinyin or its initials.
    pub fn finds(&self, id: &str, name: &str) -> bool {
        if self.text.is_empty() {
            return false;
        }
        if id.eq_ignore_ascii_case(self.text) || name.contains(self.text) {
            return true;
        }
        match &self.letters {
            Some(q) => name.char_indices().any(|(i, _)| spell(&name[i..], q)),
            None => false,
        }
    }
}

/// Whether `q` spells consecutive characters from the start of `name`,
/// each by one of its plain readings or that reading's initial; the last
/// may be cut short. A character without pinyin (a Latin letter, say)
/// stands for itself. Nothing is allocated: a lookup tries every name.
fn spell(name: &str, q: &[u8]) -> bool {
    if q.is_empty() {
        return true;
    }
    let mut chars = name.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    let fits = |r: &str| {
        let r = r.as_bytes();
        if q.len() <= r.len() && r.starts_with(q) {
            return true;
        }
        (q.len() > r.len() && q.starts_with(r) && spell(rest, &q[r.len()..]))
            || (!r.is_empty() && q[0] == r[0] && spell(rest, &q[1..]))
    };
    match c.to_pinyin_multi() {
        Some(multi) => multi.into_iter().any(|p| fits(p.plain())),
        None => {
            let mut buf = [0u8; 4];
            fits(c.to_ascii_lowercase().encode_utf8(&mut buf))
        }
    }
}
