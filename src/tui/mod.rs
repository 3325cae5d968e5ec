//! The terminal app.

use crate::i18n::Lang;
use std::path::PathBuf;

pub fn run(_db: Option<PathBuf>, _lang: Lang) -> Result<String, String> {
    Err("terminal app: not built yet".into())
}
