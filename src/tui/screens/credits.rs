//! The credits screen (5 学分审核): credit-card entries waiting for this
//! user (to review, or a teacher's own to self-assess or resubmit), or all
//! they may see, with the conversation of the entry under the cursor. `a`
//! takes the step the entry is at, worded by it: 自评 (a registered or
//! sent-back entry: the teacher's own, or the office's entry of the paper
//! form), 审核 (the group), 认定 (the team); `r` sends back, `x` rejects
//! for good, `w` withdraws one's own entry before review, `p` records the
//! report after outside study (office); each asks first.
//!
//! `m` switches to the official-leave make-ups of the year (公假待补): the
//! office marks one made up or takes the mark back; the filter shows the
//! open ones only or all. `F` edits the school's training funds.

use super::{Cx, Screen, View, move_cursor};
use crate::app::assessment::{CreditFilter, MakeUpLine};
use crate::app::{App, AppError};
use crate::core::ExternalCredit;
use crate::core::review::Next;
use crate::i18n::{self, AssessText, CreditDo, Lang, ReviewStepWord};
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
    /// A comment, then a confirmation, to act on a credit entry: its
    /// self-assessment, review or confirmation (by the step it is at), a
    /// send-back, a rejection, a withdrawal or its report.
    Review {
        credit: ExternalCredit,
        what: CreditDo,
        step: ReviewStepWord,
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
    /// Who acts next on each entry of `list`.
    pub nexts: Vec<Next>,
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
            nexts: Vec::new(),
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
        if let Err(e) = self.read(cx.app, cx.now, cx.lang) {
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
                what,
                step,
                mut comment,
            } => match comment.handle(action) {
                Step::Cancel => {}
                Step::Stay => {
                    self.popup = Some(Popup::Review {
                        credit,
                        what,
                        step,
                        comment,
                    })
                }
                Step::Confirm => {
                    let now = cx.now;
                    let text = comment.text.value().to_string();
                    let id = credit.id;
                    let r = match (what, step) {
                        (CreditDo::Pass, ReviewStepWord::SelfAssess) => {
                            cx.app.self_assess_credit(id, &text, now)
                        }
                        (CreditDo::Pass, _) => cx.app.pass_credit(id, &text, now),
                        (CreditDo::SendBack, _) => cx.app.return_credit(id, &text, now),
                        (CreditDo::Reject, _) => cx.app.reject_credit(id, &text, now),
                        (CreditDo::Withdraw, _) => cx.app.withdraw_credit(id, now),
                        (CreditDo::Report, _) => cx.app.set_credit_report(id, true, now).map(drop),
                    };
                    let msg = format!("{id} {}", i18n::credit_done(cx.lang, what, step));
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
                    let what = if undo {
                        AssessText::TakenBack
                    } else {
                        AssessText::MarkedDone
                    };
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
                    Action::Pass
                    | Action::SendBack
                    | Action::Reject
                    | Action::Withdraw
                    | Action::Report => {
                        let what = match action {
                            Action::Pass => CreditDo::Pass,
                            Action::SendBack => CreditDo::SendBack,
                            Action::Reject => CreditDo::Reject,
                            Action::Withdraw => CreditDo::Withdraw,
                            _ => CreditDo::Report,
                        };
                        if let Some(credit) = self.list.get(self.cursor).cloned() {
                            let next = self.nexts.get(self.cursor).cloned().unwrap_or(Next::Nobody);
                            self.popup = Some(Popup::Review {
                                step: i18n::review_step_word(credit.stage, &next),
                                credit,
                                what,
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
        let views = app.credit_views(self.filter, None)?;
        self.nexts = views.iter().map(|v| v.next.clone()).collect();
        self.list = views.into_iter().map(|v| v.entry).collect();
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
                what,
                step,
                comment,
            }) => {
                let title = if comment.confirming {
                    i18n::credit_question(l, *what, *step)
                } else {
                    i18n::credit_prompt(l, *what, *step)
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
                widgets::popup(f, f.area(), title, lines, 5);
            }
            Some(Popup::MakeUp {
                line,
                undo,
                comment,
            }) => {
                let prompt = match (undo, comment.confirming) {
                    (_, false) => AssessText::NotePrompt,
                    (false, true) => AssessText::ConfirmMakeUp,
                    (true, true) => AssessText::ConfirmTakeBack,
                };
                let lines = comment.lines(l, about_line(line));
                widgets::popup(f, f.area(), i18n::assessment_text(l, prompt), lines, 5);
            }
        }
    }
}

fn render_credits(s: &CreditsScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let [head, rest, talk] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(3),
    ])
    .areas(area);
    let filter = match s.filter {
        CreditFilter::Waiting => i18n::ui(l, i18n::Ui::FilterWaiting),
        CreditFilter::All => i18n::ui(l, i18n::Ui::FilterAll),
    };
    let a = |x: AssessText| i18n::assessment_text(l, x);
    let key = |x: Action| v.keys.label(Tab::Credits, x);
    f.render_widget(
        Paragraph::new(format!(
            "[{filter}]  {} {}  {} {}  {} {}  {} {}  {} {}  {} {}",
            key(Action::Pass),
            a(AssessText::CreditsHint),
            key(Action::SendBack),
            a(AssessText::SendBack),
            key(Action::Reject),
            i18n::credit_action(l, crate::app::year_end::CreditAction::Reject),
            key(Action::Withdraw),
            i18n::credit_action(l, crate::app::year_end::CreditAction::Withdraw),
            key(Action::CreditFilter),
            a(AssessText::FilterCredits),
            key(Action::MakeUps),
            a(AssessText::SwitchList)
        )),
        head,
    );
    // The conversation of the entry under the cursor: every step with who,
    // when and the comment.
    if let Some(c) = s.list.get(s.cursor) {
        let steps: Vec<String> = c
            .steps
            .iter()
            .map(|x| i18n::conversation_step(l, x))
            .collect();
        f.render_widget(
            Paragraph::new(steps.join("  →  ")).wrap(ratatui::widgets::Wrap { trim: true }),
            talk,
        );
    }
    if s.list.is_empty() {
        f.render_widget(Paragraph::new(a(AssessText::NoCredits)), rest);
        return;
    }
    let headers = i18n::credit_headers(l);
    let cells: Vec<Vec<String>> = s
        .list
        .iter()
        .map(|c| crate::app::format::credit_cells(c, l))
        .collect();
    let cells = widgets::shown_cells(cells);
    let widths = fit(&headers, &cells, 3, &[4, 6, 10, 10, 6, 4, 6, 8, 6]);
    let table = list_table(headers, cells.into_iter().map(Row::new), widths);
    f.render_stateful_widget(table, rest, &mut selected(s.cursor));
}

fn render_makeups(s: &CreditsScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let a = |x: AssessText| i18n::assessment_text(l, x);
    let key = |x: Action| v.keys.label(Tab::Credits, x);
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let filter = if s.open_only {
        a(AssessText::OpenOnly)
    } else {
        i18n::ui(l, i18n::Ui::FilterAll)
    };
    f.render_widget(
        Paragraph::new(format!(
            "{} [{filter}]  {} {}  {} {}  {} {}",
            a(AssessText::MakeUps),
            key(Action::Pass),
            a(AssessText::MarkDone),
            key(Action::SendBack),
            a(AssessText::TakeBack),
            key(Action::MakeUps),
            a(AssessText::SwitchList),
        )),
        head,
    );
    if s.makeup_list.is_empty() {
        f.render_widget(Paragraph::new(a(AssessText::NoMakeUps)), rest);
        return;
    }
    let headers = i18n::makeup_headers(l);
    let cells: Vec<Vec<String>> = s
        .makeup_list
        .iter()
        .map(|x| crate::app::format::makeup_cells(x, l))
        .collect();
    let cells = widgets::shown_cells(cells);
    let widths = fit(&headers, &cells, 4, &[6, 8, 4, 10, 10, 4, 6]);
    let table = list_table(headers, cells.into_iter().map(Row::new), widths);
    f.render_stateful_widget(table, rest, &mut selected(s.makeup_cursor));
}
