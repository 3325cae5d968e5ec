//! The credits screen (5 学分审核): credit-card entries waiting for this
//! user's review, or all they may see; pass or send back with a comment,
//! confirmed first. Passing a registered or returned entry is its
//! self-assessment (学分自评): the teacher's own, or the office's entry of
//! the paper form.
//!
//! `m` switches to the official-leave make-ups of the year (公假待补): the
//! office marks one made up or takes the mark back; the filter shows the
//! open ones only or all. `F` edits the school's training funds.

use super::{Cx, Screen, View, move_cursor};
use crate::app::assessment::{CreditFilter, MakeUpLine};
use crate::app::{App, AppError};
use crate::core::{CreditStage, ExternalCredit, Role};
use crate::i18n::{self, A, Lang};
use crate::tui::action::{Action, Mode};
use crate::tui::archive::OfficeEdit;
use crate::tui::screens::Tab;
use crate::tui::widgets::{self, CommentBox, Step, fit, list_table, selected};
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Row};

pub enum Popup {
    /// A comment, then a confirmation, to pass a credit entry or send it back.
    Review {
        credit: ExternalCredit,
        pass: bool,
        comment: CommentBox,
    },
    /// A note, then a confirmation, to mark an official leave's content
    /// made up (or take the mark back).
    MakeUp {
        line: MakeUpLine,
        undo: bool,
        comment: CommentBox,
    },
    /// The school's funds.
    Funds(Box<OfficeEdit>),
}

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
    pub popup: Option<Popup>,
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
            popup: None,
        }
    }
}

impl CreditsScreen {
    fn reload(&mut self, cx: &mut Cx) {
        if let Err(e) = self.load(cx.app, cx.now, cx.lang) {
            cx.fail(e);
        }
    }

    fn popup_action(&mut self, popup: Popup, action: Action, cx: &mut Cx) {
        match popup {
            Popup::Funds(e) => {
                self.popup = e.handle(action, cx).map(|e| Popup::Funds(Box::new(e)));
            }
            Popup::Review {
                credit,
                pass,
                mut comment,
            } => match comment.handle(action) {
                Step::Cancel => {}
                Step::Stay => {
                    self.popup = Some(Popup::Review {
                        credit,
                        pass,
                        comment,
                    })
                }
                Step::Confirm => {
                    let now = cx.now;
                    let text = comment.text.value().to_string();
                    let own = cx.app.actor.teacher.as_ref() == Some(&credit.teacher)
                        || cx.app.actor.has(Role::Office);
                    let r = match (pass, credit.stage) {
                        (true, CreditStage::Registered | CreditStage::Returned) if own => {
                            cx.app.self_assess_credit(credit.id, &text, now)
                        }
                        (true, _) => cx.app.pass_credit(credit.id, &text, now),
                        (false, _) => cx.app.return_credit(credit.id, &text, now),
                    };
                    let what = if pass { A::Passed } else { A::Returned };
                    let msg = format!("{} {}", credit.id, i18n::assessment_text(cx.lang, what));
                    cx.done(r.map(|_| msg));
                }
            },
            Popup::MakeUp {
                line,
                undo,
                mut comment,
            } => match comment.handle(action) {
                Step::Cancel => {}
                Step::Stay => {
                    self.popup = Some(Popup::MakeUp {
                        line,
                        undo,
                        comment,
                    })
                }
                Step::Confirm => {
                    let r = cx.app.set_makeup(
                        &line.teacher.id,
                        line.item.session,
                        comment.text.value(),
                        undo,
                        cx.now,
                    );
                    let what = if undo { A::TakenBack } else { A::MarkedDone };
                    let msg = format!(
                        "{} {} {}",
                        line.teacher.id,
                        line.item.session,
                        i18n::assessment_text(cx.lang, what)
                    );
                    cx.done(r.map(|_| msg));
                }
            },
        }
    }
}

impl Screen for CreditsScreen {
    fn has_popup(&self) -> bool {
        self.popup.is_some()
    }

    fn mode(&self) -> Mode {
        match &self.popup {
            Some(Popup::Funds(e)) => e.mode(),
            Some(Popup::Review { comment, .. } | Popup::MakeUp { comment, .. }) => comment.mode(),
            None => Mode::Normal,
        }
    }

    fn typed(&mut self, key: &KeyEvent, cx: &mut Cx) {
        match &mut self.popup {
            Some(Popup::Funds(e)) => e.typed(key, cx),
            Some(Popup::Review { comment, .. } | Popup::MakeUp { comment, .. }) => {
                comment.text.typed(key);
            }
            None => {}
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) {
        if let Some(p) = self.popup.take() {
            self.popup_action(p, action, cx);
            return;
        }
        match action {
            Action::Funds => match OfficeEdit::open(Action::Funds, None, None, cx) {
                Ok(e) => self.popup = Some(Popup::Funds(Box::new(e))),
                Err(e) => cx.fail(e),
            },
            Action::MakeUps => {
                self.makeups = !self.makeups;
                self.reload(cx);
            }
            _ if self.makeups => {
                if move_cursor(&mut self.makeup_cursor, self.makeup_list.len(), action) {
                    return;
                }
                match action {
                    Action::CreditFilter => {
                        self.open_only = !self.open_only;
                        self.makeup_cursor = 0;
                        self.reload(cx);
                    }
                    Action::Pass | Action::SendBack => {
                        if let Some(line) = self.makeup_list.get(self.makeup_cursor).cloned() {
                            self.popup = Some(Popup::MakeUp {
                                line,
                                undo: action == Action::SendBack,
                                comment: CommentBox::default(),
                            });
                        }
                    }
                    _ => {}
                }
            }
            _ => {
                if move_cursor(&mut self.cursor, self.list.len(), action) {
                    return;
                }
                match action {
                    Action::CreditFilter => {
                        self.filter = match self.filter {
                            CreditFilter::Waiting => CreditFilter::All,
                            CreditFilter::All => CreditFilter::Waiting,
                        };
                        self.cursor = 0;
                        self.reload(cx);
                    }
                    Action::Pass | Action::SendBack => {
                        if let Some(credit) = self.list.get(self.cursor).cloned() {
                            self.popup = Some(Popup::Review {
                                credit,
                                pass: action == Action::Pass,
                                comment: CommentBox::default(),
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn load(&mut self, app: &App, now: NaiveDateTime, _lang: Lang) -> Result<(), AppError> {
        self.list = app.credits(self.filter, None)?;
        self.cursor = self.cursor.min(self.list.len().saturating_sub(1));
        if self.makeups {
            let today = now.date();
            let year = app.current_year(today)?;
            self.makeup_list = app.makeups(None, year, self.open_only, today)?;
            self.makeup_cursor = self
                .makeup_cursor
                .min(self.makeup_list.len().saturating_sub(1));
        }
        Ok(())
    }

    fn render(&self, v: &View, f: &mut Frame, area: Rect) {
        if self.makeups {
            render_makeups(self, v, f, area);
        } else {
            render_credits(self, v, f, area);
        }
        let l = v.lang;
        let about_line = |line: &MakeUpLine| {
            format!(
                "{} {} {} {} {}",
                line.teacher.id,
                i18n::shown(&line.teacher.name),
                line.item.session,
                line.item.date,
                i18n::shown(&line.item.title)
            )
        };
        match &self.popup {
            None => {}
            Some(Popup::Funds(e)) => {
                let (title, lines, h) = crate::tui::archive::modal(l, e);
                widgets::popup(f, f.area(), &title, lines, h);
            }
            Some(Popup::Review {
                credit,
                pass,
                comment,
            }) => {
                let prompt = match (pass, comment.confirming) {
                    (true, false) => A::PassPrompt,
                    (false, false) => A::ReturnPrompt,
                    (true, true) => A::ConfirmPass,
                    (false, true) => A::ConfirmReturn,
                };
                let about = format!(
                    "{} {} {} {} {}",
                    credit.id,
                    credit.teacher,
                    i18n::shown(&credit.title),
                    credit.credits,
                    i18n::credit_stage(l, credit.stage)
                );
                let lines = comment.lines(l, about);
                widgets::popup(f, f.area(), i18n::assessment_text(l, prompt), lines, 5);
            }
            Some(Popup::MakeUp {
                line,
                undo,
                comment,
            }) => {
                let prompt = match (undo, comment.confirming) {
                    (_, false) => A::NotePrompt,
                    (false, true) => A::ConfirmMakeUp,
                    (true, true) => A::ConfirmTakeBack,
                };
                let lines = comment.lines(l, about_line(line));
                widgets::popup(f, f.area(), i18n::assessment_text(l, prompt), lines, 5);
            }
        }
    }
}

fn render_credits(s: &CreditsScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let filter = match s.filter {
        CreditFilter::Waiting => i18n::ui(l, i18n::U::FilterWaiting),
        CreditFilter::All => i18n::ui(l, i18n::U::FilterAll),
    };
    let a = |x: A| i18n::assessment_text(l, x);
    let key = |x: Action| v.keys.label(Tab::Credits, x);
    f.render_widget(
        Paragraph::new(format!(
            "[{filter}]  {} {}  {} {}  {} {}  {} {}",
            key(Action::Pass),
            a(A::CreditsHint),
            key(Action::SendBack),
            a(A::SendBack),
            key(Action::CreditFilter),
            a(A::FilterCredits),
            key(Action::MakeUps),
            a(A::SwitchList)
        )),
        head,
    );
    if s.list.is_empty() {
        f.render_widget(Paragraph::new(a(A::NoCredits)), rest);
        return;
    }
    let headers = i18n::credit_headers(l);
    let cells: Vec<Vec<String>> = s
        .list
        .iter()
        .map(|c| {
            crate::app::format::credit_cells(c, l)
                .into_iter()
                .map(|x| i18n::shown(&x).into_owned())
                .collect()
        })
        .collect();
    let widths = fit(&headers, &cells, 3, &[4, 6, 10, 10, 6, 4, 6, 8, 6]);
    let table = list_table(headers, cells.into_iter().map(Row::new), widths);
    f.render_stateful_widget(table, rest, &mut selected(s.cursor));
}

fn render_makeups(s: &CreditsScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let a = |x: A| i18n::assessment_text(l, x);
    let key = |x: Action| v.keys.label(Tab::Credits, x);
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let filter = if s.open_only {
        a(A::OpenOnly)
    } else {
        i18n::ui(l, i18n::U::FilterAll)
    };
    f.render_widget(
        Paragraph::new(format!(
            "{} [{filter}]  {} {}  {} {}  {} {}",
            a(A::MakeUps),
            key(Action::Pass),
            a(A::MarkDone),
            key(Action::SendBack),
            a(A::TakeBack),
            key(Action::MakeUps),
            a(A::SwitchList),
        )),
        head,
    );
    if s.makeup_list.is_empty() {
        f.render_widget(Paragraph::new(a(A::NoMakeUps)), rest);
        return;
    }
    let headers = i18n::makeup_headers(l);
    let cells: Vec<Vec<String>> = s
        .makeup_list
        .iter()
        .map(|x| {
            crate::app::format::makeup_cells(x, l)
                .into_iter()
                .map(|x| i18n::shown(&x).into_owned())
                .collect()
        })
        .collect();
    let widths = fit(&headers, &cells, 4, &[6, 8, 4, 10, 10, 4, 6]);
    let table = list_table(headers, cells.into_iter().map(Row::new), widths);
    f.render_stateful_widget(table, rest, &mut selected(s.makeup_cursor));
}
