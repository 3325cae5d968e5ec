//! The credits screen (5 学分审核): credit-card entries waiting for this
//! user's review, or all they may see; pass (a) or send back (r) with a
//! comment, confirmed first. Passing a registered or returned entry is its
//! self-assessment (学分自评): the teacher's own, or the office's entry of
//! the paper form.
//!
//! `m` switches to the official-leave make-ups of the year (公假待补): the
//! office marks one made up (a) or takes the mark back (r); `v` shows the
//! open ones only or all.

use super::keymap::Action;
use super::model::{CommentStep, Modal, Model, comment_step};
use crate::app::assessment::{CreditFilter, MakeUpLine};
use crate::core::{CreditStage, ExternalCredit};
use crate::i18n::{self, A};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row};
use tui_input::Input;

pub struct CreditsScreen {
    pub filter: CreditFilter,
    pub list: Vec<ExternalCredit>,
    pub cursor: usize,
    /// Showing the make-ups instead of the credit entries.
    pub makeups: bool,
    pub makeup_list: Vec<MakeUpLine>,
    pub makeup_cursor: usize,
    /// Only the make-ups still open.
    pub open_only: bool,
}

impl Default for CreditsScreen {
    fn default() -> Self {
        CreditsScreen {
            filter: CreditFilter::Waiting,
            list: Vec::new(),
            cursor: 0,
            makeups: false,
            makeup_list: Vec::new(),
            makeup_cursor: 0,
            open_only: true,
        }
    }
}

impl Model {
    pub(super) fn reload_credits(&mut self) -> Result<(), crate::app::AppError> {
        self.credits.list = self.app.credits(self.credits.filter, None)?;
        self.credits.cursor = self
            .credits
            .cursor
            .min(self.credits.list.len().saturating_sub(1));
        if self.credits.makeups {
            let today = (self.clock)().date();
            let year = self.app.current_year(today)?;
            self.credits.makeup_list =
                self.app
                    .makeups(None, year, self.credits.open_only, today)?;
            self.credits.makeup_cursor = self
                .credits
                .makeup_cursor
                .min(self.credits.makeup_list.len().saturating_sub(1));
        }
        Ok(())
    }

    pub(super) fn credits_key(&mut self, key: KeyEvent) {
        if self.office_funds_key(key) {
            return;
        }
        if self.keys.is(Action::MakeUps, &key) {
            self.credits.makeups = !self.credits.makeups;
            self.reload();
            return;
        }
        if self.credits.makeups {
            self.makeups_key(key);
            return;
        }
        let len = self.credits.list.len();
        let k = &self.keys;
        if k.is(Action::Up, &key) {
            self.credits.cursor = self.credits.cursor.saturating_sub(1);
        } else if k.is(Action::Down, &key) {
            self.credits.cursor = (self.credits.cursor + 1).min(len.saturating_sub(1));
        } else if k.is(Action::Filter, &key) {
            self.credits.filter = match self.credits.filter {
                CreditFilter::Waiting => CreditFilter::All,
                CreditFilter::All => CreditFilter::Waiting,
            };
            self.credits.cursor = 0;
            self.reload();
        } else if (k.is(Action::Approve, &key) || k.is(Action::Reject, &key))
            && let Some(credit) = self.credits.list.get(self.credits.cursor).cloned()
        {
            self.modal = Some(Modal::Review {
                credit,
                pass: k.is(Action::Approve, &key),
                input: Input::default(),
                confirming: false,
            });
        }
    }

    fn makeups_key(&mut self, key: KeyEvent) {
        let len = self.credits.makeup_list.len();
        let k = &self.keys;
        if k.is(Action::Up, &key) {
            self.credits.makeup_cursor = self.credits.makeup_cursor.saturating_sub(1);
        } else if k.is(Action::Down, &key) {
            self.credits.makeup_cursor =
                (self.credits.makeup_cursor + 1).min(len.saturating_sub(1));
        } else if k.is(Action::Filter, &key) {
            self.credits.open_only = !self.credits.open_only;
            self.credits.makeup_cursor = 0;
            self.reload();
        } else if (k.is(Action::Approve, &key) || k.is(Action::Reject, &key))
            && let Some(line) = self
                .credits
                .makeup_list
                .get(self.credits.makeup_cursor)
                .cloned()
        {
            self.modal = Some(Modal::MakeUp {
                line,
                undo: k.is(Action::Reject, &key),
                input: Input::default(),
                confirming: false,
            });
        }
    }

    /// A key in the make-up modal: a note, Enter, then y to confirm.
    pub(super) fn makeup_key(
        &mut self,
        line: MakeUpLine,
        undo: bool,
        mut input: Input,
        confirming: bool,
        key: KeyEvent,
    ) {
        match comment_step(&mut input, confirming, &key) {
            CommentStep::Cancel => {}
            CommentStep::Stay(confirming) => {
                self.modal = Some(Modal::MakeUp {
                    line,
                    undo,
                    input,
                    confirming,
                })
            }
            CommentStep::Confirm => {
                let lang = self.lang;
                let r = self
                    .app
                    .set_makeup(
                        &line.teacher.id,
                        line.item.session,
                        input.value(),
                        undo,
                        (self.clock)(),
                    )
                    .map(drop);
                let what = if undo { A::TakenBack } else { A::MarkedDone };
                let msg = format!(
                    "{} {} {}",
                    line.teacher.id,
                    line.item.session,
                    i18n::assessment_text(lang, what)
                );
                self.done(r, msg);
            }
        }
    }

    /// A key in the review modal: type the comment, Enter, then y to confirm.
    pub(super) fn review_key(
        &mut self,
        credit: ExternalCredit,
        pass: bool,
        mut input: Input,
        confirming: bool,
        key: KeyEvent,
    ) {
        match comment_step(&mut input, confirming, &key) {
            CommentStep::Cancel => {}
            CommentStep::Stay(confirming) => {
                self.modal = Some(Modal::Review {
                    credit,
                    pass,
                    input,
                    confirming,
                })
            }
            CommentStep::Confirm => {
                let now = (self.clock)();
                let comment = input.value().to_string();
                let own = self.app.actor.teacher.as_ref() == Some(&credit.teacher)
                    || self.app.actor.has(crate::core::Role::Office);
                let r = match (pass, credit.stage) {
                    (true, CreditStage::Registered | CreditStage::Returned) if own => {
                        self.app.self_assess_credit(credit.id, &comment, now)
                    }
                    (true, _) => self.app.pass_credit(credit.id, &comment, now),
                    (false, _) => self.app.return_credit(credit.id, &comment, now),
                };
                let what = if pass { A::Passed } else { A::Returned };
                let msg = format!("{} {}", credit.id, i18n::assessment_text(self.lang, what));
                self.done(r, msg);
            }
        }
    }

    /// Shows `msg` when the command went through (then reloads), else its error.
    fn done(&mut self, r: Result<(), crate::app::AppError>, msg: String) {
        match r {
            Ok(()) => {
                self.status = Some((msg, false));
                self.reload();
            }
            Err(e) => self.fail(e),
        }
    }
}

pub fn draw(m: &Model, f: &mut Frame, area: Rect) {
    if m.credits.makeups {
        draw_makeups(m, f, area);
        return;
    }
    let l = m.lang;
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let filter = match m.credits.filter {
        CreditFilter::Waiting => i18n::ui(l, i18n::U::FilterWaiting),
        CreditFilter::All => i18n::ui(l, i18n::U::FilterAll),
    };
    let a = |x: A| i18n::assessment_text(l, x);
    f.render_widget(
        Paragraph::new(
            format!(
                "[{filter}]  {} {}  {} {}  {} {}",
                m.keys.label(Action::Approve),
                a(A::CreditsHint),
                m.keys.label(Action::Reject),
                a(A::SendBack),
                m.keys.label(Action::Filter),
                a(A::FilterCredits),
            ) + &format!("  {} {}", m.keys.label(Action::MakeUps), a(A::SwitchList)),
        ),
        head,
    );
    if m.credits.list.is_empty() {
        f.render_widget(Paragraph::new(i18n::assessment_text(l, A::NoCredits)), rest);
        return;
    }
    let headers = i18n::credit_headers(l);
    let cells: Vec<Vec<String>> = m
        .credits
        .list
        .iter()
        .map(|c| crate::app::format::credit_cells(c, l))
        .collect();
    let cells = super::view::shown_cells(cells);
    let widths = super::view::fit(&headers, &cells, 3, &[4, 6, 10, 10, 6, 4, 6, 8, 6]);
    let table = super::view::list_table(headers, cells.into_iter().map(Row::new), widths);
    f.render_stateful_widget(table, rest, &mut super::view::selected(m.credits.cursor));
}

/// The review modal's title and lines.
pub fn modal(
    m: &Model,
    credit: &ExternalCredit,
    pass: bool,
    input: &Input,
    confirming: bool,
) -> (String, Vec<Line<'static>>, u16) {
    let l = m.lang;
    let prompt = match (pass, confirming) {
        (true, false) => A::PassPrompt,
        (false, false) => A::ReturnPrompt,
        (true, true) => A::ConfirmPass,
        (false, true) => A::ConfirmReturn,
    };
    let about = format!(
        "{} {} {} {} {}",
        credit.id,
        credit.teacher,
        credit.title,
        credit.credits,
        i18n::credit_stage(l, credit.stage)
    );
    let lines = super::view::comment_lines(l, about, input, confirming);
    (i18n::assessment_text(l, prompt).into(), lines, 5)
}

fn draw_makeups(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let a = |x: A| i18n::assessment_text(l, x);
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let filter = if m.credits.open_only {
        a(A::OpenOnly)
    } else {
        i18n::ui(l, i18n::U::FilterAll)
    };
    f.render_widget(
        Paragraph::new(format!(
            "{} [{filter}]  {} {}  {} {}  {} {}",
            a(A::MakeUps),
            m.keys.label(Action::Approve),
            a(A::MarkDone),
            m.keys.label(Action::Reject),
            a(A::TakeBack),
            m.keys.label(Action::MakeUps),
            a(A::SwitchList),
        )),
        head,
    );
    if m.credits.makeup_list.is_empty() {
        f.render_widget(Paragraph::new(a(A::NoMakeUps)), rest);
        return;
    }
    let headers = i18n::makeup_headers(l);
    let cells: Vec<Vec<String>> = m
        .credits
        .makeup_list
        .iter()
        .map(|x| crate::app::format::makeup_cells(x, l))
        .collect();
    let cells = super::view::shown_cells(cells);
    let widths = super::view::fit(&headers, &cells, 4, &[6, 8, 4, 10, 10, 4, 6]);
    let table = super::view::list_table(headers, cells.into_iter().map(Row::new), widths);
    f.render_stateful_widget(
        table,
        rest,
        &mut super::view::selected(m.credits.makeup_cursor),
    );
}

/// The make-up modal's title and lines.
pub fn makeup_modal(
    m: &Model,
    line: &MakeUpLine,
    undo: bool,
    input: &Input,
    confirming: bool,
) -> (String, Vec<Line<'static>>, u16) {
    let l = m.lang;
    let prompt = match (undo, confirming) {
        (_, false) => A::NotePrompt,
        (false, true) => A::ConfirmMakeUp,
        (true, true) => A::ConfirmTakeBack,
    };
    let about = format!(
        "{} {} {} {} {}",
        line.teacher.id, line.teacher.name, line.item.session, line.item.date, line.item.title
    );
    let lines = super::view::comment_lines(l, about, input, confirming);
    (i18n::assessment_text(l, prompt).into(), lines, 5)
}
