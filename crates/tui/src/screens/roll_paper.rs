//! The roll screen's paper (issue 28): a key asks where to write the
//! session's sign-in sheet or, once its roll is closed, its record; Enter
//! writes it from the roll the screen shows (the same `RollView` as `roll
//! status --json`). Kept out of `roll.rs`, which only opens the box and
//! hands it the keys.

use super::Cx;
use crate::action::Action;
use crate::i18n::{self, IoText, KeyHint, PaperText, SessionSheet};
use crate::widgets::{self, TextBox};
use app::roll::RollView;
use app::{AppError, FieldName, Why};
use ratatui::Frame;
use rules::RollState;
use sheets::ImportError;
use sheets::export;
use sheets::session_sheet::{SessionPaper, session_xlsx};
use sheets::signin::signin_xlsx;
use std::path::Path;

/// The file box of one of the two sheets.
#[derive(Debug, Clone)]
pub struct SheetBox {
    pub which: SessionSheet,
    pub text: TextBox,
}

impl SheetBox {
    /// The box for `which` of the session shown, with a file name filled
    /// in; `None` when nothing can be written (said on the status line):
    /// through the SSH gate, or a record of a roll still open.
    pub fn open(which: SessionSheet, view: &RollView, cx: &mut Cx) -> Option<SheetBox> {
        let id = view.record.session.id.0;
        if cx.gate {
            cx.say(i18n::sheet_over_ssh(cx.lang, which, id));
            return None;
        }
        if which == SessionSheet::Record && view.record.state != RollState::Closed {
            cx.fail_text(i18n::record_not_closed(cx.lang, id));
            return None;
        }
        Some(SheetBox {
            which,
            text: TextBox::new(i18n::sheet_file(cx.lang, which, id)),
        })
    }

    /// Acts on a key; the box stays open (returned) until it is written
    /// or cancelled.
    pub fn act(mut self, action: Action, view: Option<&RollView>, cx: &mut Cx) -> Option<Self> {
        match action {
            Action::Cancel => None,
            Action::ClearInput => {
                self.text.clear();
                Some(self)
            }
            Action::Submit => {
                let view = view?;
                let path = std::path::PathBuf::from(self.text.value().trim());
                if export::FileFormat::of(&path) != Some(export::FileFormat::Xlsx) {
                    cx.fail_text(i18n::sheet_xlsx_only(cx.lang));
                    return Some(self);
                }
                match write(self.which, view, &path, cx) {
                    Ok(msg) => {
                        cx.say(msg);
                        None
                    }
                    Err(e) => {
                        cx.fail(e);
                        Some(self)
                    }
                }
            }
            _ => Some(self),
        }
    }

    /// The file box; `submit` names the key that writes the file.
    pub fn render(&self, f: &mut Frame, l: i18n::Lang, submit: String) {
        let what = match self.which {
            SessionSheet::SignIn => PaperText::SignInTitle,
            SessionSheet::Record => PaperText::SessionTitle,
        };
        widgets::popup(
            f,
            f.area(),
            &format!(
                "{} — {}",
                i18n::paper_text(l, what),
                i18n::key_hint(l, &KeyHint::SheetFilePrompt { submit })
            ),
            vec![self.text.line()],
            3,
        );
    }
}

/// Writes `which` of the session in `view` to `path` as .xlsx; never over
/// a file that is there (the app has no --force).
pub fn write(
    which: SessionSheet,
    view: &RollView,
    path: &Path,
    cx: &mut Cx,
) -> Result<String, AppError> {
    let l = cx.lang;
    let file = path.display().to_string();
    let school = cx.app.school()?;
    let p = SessionPaper {
        school: school.as_deref(),
        view,
        exported: cx.now,
        lang: l,
    };
    let bytes = match which {
        SessionSheet::SignIn => signin_xlsx(&p, &file)?,
        SessionSheet::Record => session_xlsx(&p, &file)?,
    };
    export::write_file(path, &bytes, false).map_err(|e| match e {
        ImportError::Exists { file } => AppError::Invalid {
            field: FieldName::File,
            value: file,
            why: Why::FileExists,
        },
        e => e.into(),
    })?;
    Ok(format!(
        "{} {} ({})",
        i18n::io_text(l, IoText::Written),
        i18n::shown(&file),
        i18n::rows(l, view.lines.len())
    ))
}
