//! The standings screen's file keys: export the view as shown, publish the
//! term (after a confirmation) and import a roster or the term's plan.

use super::{Modal, Model, input_request};
use crate::app::AppError;
use crate::core::Period;
use crate::i18n::{self, X};
use crate::io::export::{self, FileFormat, StandingsSheet};
use crate::io::{self as files, Encoding, ImportError};
use crate::tui::keymap::Action;
use crossterm::event::{KeyCode, KeyEvent};
use std::path::PathBuf;
use tui_input::Input;

impl Model {
    /// Export, publish and import keys of the standings screen.
    pub(super) fn files_key(&mut self, key: KeyEvent) {
        let k = &self.keys;
        if self.gate && (k.is(Action::Export, &key) || k.is(Action::Import, &key)) {
            let how = if k.is(Action::Export, &key) {
                i18n::GateText::ExportOverSsh
            } else {
                i18n::GateText::ImportOverSsh
            };
            self.status = Some((i18n::gate(self.lang, &how), false));
        } else if k.is(Action::Export, &key) {
            let name = match self.standings.period {
                Some(Period::Term(t)) => format!("standings-{t}.xlsx"),
                Some(Period::Year(y)) => format!("standings-{}.xlsx", y.0),
                None => "standings.xlsx".into(),
            };
            self.modal = Some(Modal::Export(Input::new(name)));
        } else if k.is(Action::Publish, &key) {
            match self.standings.period {
                Some(Period::Term(t)) => self.modal = Some(Modal::ConfirmPublish(t)),
                _ => self.status = Some((i18n::io_text(self.lang, X::NoTerm).into(), true)),
            }
        } else if k.is(Action::Import, &key) {
            self.modal = Some(Modal::Import(Input::default()));
        }
    }

    /// Keys in the export, import and publish dialogs.
    pub(super) fn files_modal_key(&mut self, modal: Modal, key: KeyEvent) {
        let now = self.now();
        match modal {
            Modal::Export(mut input) if !matches!(key.code, KeyCode::Esc | KeyCode::Enter) => {
                if let Some(r) = input_request(&key) {
                    input.handle(r);
                }
                self.modal = Some(Modal::Export(input));
            }
            Modal::Import(mut input) if !matches!(key.code, KeyCode::Esc | KeyCode::Enter) => {
                if let Some(r) = input_request(&key) {
                    input.handle(r);
                }
                self.modal = Some(Modal::Import(input));
            }
            Modal::Export(input) if key.code == KeyCode::Enter => {
                let path = PathBuf::from(input.value().trim());
                if let Err(e) = self.export_view(&path, now) {
                    self.fail(e);
                    self.modal = Some(Modal::Export(input));
                }
            }
            Modal::Import(input) if key.code == KeyCode::Enter => {
                let path = PathBuf::from(input.value().trim());
                match self.import_file(&path, now) {
                    Ok(msg) => self.after(Ok(Some(msg))),
                    Err(e) => {
                        self.fail(e);
                        self.modal = Some(Modal::Import(input));
                    }
                }
            }
            Modal::ConfirmPublish(term) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                    let r = self.app.publish(term, now);
                    let lang = self.lang;
                    self.after(r.map(|p| Some(i18n::published(lang, &p))));
                }
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self.modal = Some(Modal::ConfirmPublish(term)),
            },
            // Esc closes; anything else leaves the dialog as it was.
            _ => {}
        }
    }
}

impl Model {
    /// Writes the standings rows as shown (group filter and order) to `path`.
    fn export_view(
        &mut self,
        path: &std::path::Path,
        now: chrono::NaiveDateTime,
    ) -> Result<(), AppError> {
        let l = self.lang;
        let file = path.display().to_string();
        let format = FileFormat::of(path).ok_or_else(|| AppError::Invalid {
            field: "file",
            value: file.clone(),
            why: i18n::io_text(l, X::WantFormat).into(),
        })?;
        let Some(period) = self.standings.period else {
            return Ok(());
        };
        let rows: Vec<_> = self.visible_standings().into_iter().cloned().collect();
        let school = self.app.school()?;
        let sheet = StandingsSheet {
            school: school.as_deref(),
            period,
            rows: &rows,
            published: self.standings.published.clone(),
            exported: now,
            lang: l,
        };
        let bytes = match format {
            FileFormat::Xlsx => export::standings_xlsx(&sheet, &file, &mut |_, _| {})?,
            FileFormat::Csv => export::standings_csv(&sheet, Encoding::Auto),
        };
        export::write_file(path, &bytes, false)?;
        self.say(format!(
            "{} {file} ({})",
            i18n::io_text(l, X::Written),
            i18n::rows(l, rows.len())
        ));
        Ok(())
    }

    /// Imports `path`: a term plan (it has date and title columns) into the
    /// term shown, else a roster.
    fn import_file(
        &mut self,
        path: &std::path::Path,
        now: chrono::NaiveDateTime,
    ) -> Result<String, AppError> {
        let l = self.lang;
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| ImportError::Read {
            file: name.clone(),
            why: e.to_string(),
        })?;
        let table = files::table::read(&name, &bytes, Encoding::Auto)?;
        let summary = if files::find_header(&table, files::plan::FIELDS).is_ok() {
            let Some(Period::Term(term)) = self.standings.period else {
                return Err(AppError::Invalid {
                    field: "term",
                    value: name,
                    why: i18n::io_text(l, X::NoTerm).into(),
                });
            };
            self.app
                .import_plan(&name, &bytes, Encoding::Auto, term, now, &mut |_, _| {})?
        } else {
            self.app
                .import_teachers(&name, &bytes, Encoding::Auto, now, &mut |_, _| {})?
        };
        Ok(i18n::import_summary(l, &summary))
    }
}
