//! The credits screen (5 学分审核): credit-card entries waiting for this
//! user (to review, or a teacher's own to self-assess or resubmit), or all
//! they may see, with the conversation of the entry under the cursor. `a`
//! takes the step the entry is at, worded by it: 自评 (a registered or
//! sent-back entry: the teacher's own, or the office's entry of the paper
//! form), 审核 (the group), 认定 (the team); `r` sends back, `x` rejects
//! for good, `w` withdraws one's own entry before review, `p` records the
//! report after outside study (office); each asks first. `n` registers a
//! new entry on a form (the fields of `peixun credit add`: the teacher's own,
//! or the office for a teacher), `e` corrects a registered or sent-back one
//! before it is (re)submitted with `a`. The table shows whether the report
//! after outside study is in, and gives way by priority on a narrow
//! terminal (the comment, organiser and title first; never an id, a teacher
//! or a figure).
//!
//! `m` switches to the official-leave make-ups of the year (公假待补): the
//! office marks one made up or takes the mark back; the filter shows the
//! open ones only or all. `F` edits the school's training funds.

use super::{Cx, Screen, View, move_cursor};
use crate::action::{Action, Mode};
use crate::archive::OfficeEdit;
use crate::i18n::{
    self, AssessText, CreditDo, CreditField, CreditForm, KeyHint, Lang, ReviewStepWord,
};
use crate::screens::Tab;
use crate::widgets::{self, CommentBox, Step, TextBox, fit, list_table, selected};
use app::assessment::{CreditFilter, MakeUpLine};
use app::{App, AppError, FieldName, Why};
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Row};
use rules::ExternalCredit;
use rules::review::Next;

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
    /// The credit-entry form: a new entry (`editing` None), or the
    /// correction of one; `fields` follow `form_fields(editing)`.
    Form {
        editing: Option<ExternalCredit>,
        fields: Vec<TextBox>,
        focus: usize,
    },
}

/// The fields of a new entry.
const NEW_FIELDS: [CreditField; 7] = [
    CreditField::Teacher,
    CreditField::Date,
    CreditField::Title,
    CreditField::Organiser,
    CreditField::Credits,
    CreditField::Card,
    CreditField::Year,
];

/// The fields of a correction (the teacher and the year stay).
const EDIT_FIELDS: [CreditField; 5] = [
    CreditField::Date,
    CreditField::Title,
    CreditField::Organiser,
    CreditField::Credits,
    CreditField::Card,
];

fn form_fields(editing: bool) -> &'static [CreditField] {
    if editing { &EDIT_FIELDS } else { &NEW_FIELDS }
}

/// The year a form's year field names ("2026" or "2026-2027"); None when
/// it is blank (the year meant today) or unreadable.
fn form_year(text: &str) -> Option<rules::AcademicYear> {
    let t = text.trim();
    let first = t.split(['-', '/', '–']).next().unwrap_or(t).trim();
    first.parse().ok().map(rules::AcademicYear)
}

/// Saves what the form says through the app: registers a new entry or
/// corrects one. Returns the line to show.
fn save_form(
    editing: Option<&ExternalCredit>,
    fields: &[TextBox],
    cx: &mut Cx,
) -> Result<String, AppError> {
    use app::assessment::{CreditChange, CreditEntry};
    use rules::{AcademicYear, Credits, Period};
    let lang = cx.lang;
    let names = form_fields(editing.is_some());
    let v = |f: CreditField| {
        names
            .iter()
            .position(|x| *x == f)
            .and_then(|i| fields.get(i))
            .map_or(String::new(), |b| b.value().trim().to_string())
    };
    let bad = |field, value: String, why| AppError::Invalid { field, value, why };
    let date = chrono::NaiveDate::parse_from_str(&v(CreditField::Date), "%Y-%m-%d")
        .map_err(|_| bad(FieldName::Date, v(CreditField::Date), Why::NotADate))?;
    let credits = Credits::parse(&v(CreditField::Credits))
        .ok_or_else(|| bad(FieldName::Credits, v(CreditField::Credits), Why::NotCredits))?;
    let saved = |year: AcademicYear| i18n::saved_to(lang, Period::Year(year));
    match editing {
        Some(c) => {
            let change = CreditChange {
                date: Some(date),
                title: Some(v(CreditField::Title)),
                organiser: Some(v(CreditField::Organiser)),
                credits: Some(credits),
                card: Some(v(CreditField::Card)),
            };
            cx.app.edit_credit(c.id, change, cx.now)?;
            Ok(format!(
                "{} {};{}",
                c.id,
                i18n::credit_form(lang, CreditForm::Edited),
                saved(c.year)
            ))
        }
        None => {
            let year_text = v(CreditField::Year);
            let year = if year_text.is_empty() {
                None
            } else {
                Some(
                    form_year(&year_text)
                        .ok_or_else(|| bad(FieldName::Year, year_text.clone(), Why::NotANumber))?,
                )
            };
            let teacher = cx.app.resolve_teacher(&v(CreditField::Teacher))?;
            let entry = CreditEntry {
                teacher,
                date,
                title: v(CreditField::Title),
                organiser: v(CreditField::Organiser),
                credits,
                card: v(CreditField::Card),
                year,
            };
            let id = cx.app.add_credit(entry, cx.now)?;
            let year = match year {
                Some(y) => y,
                None => cx.app.meant_year(cx.now.date())?,
            };
            Ok(format!(
                "{} {id};{}",
                i18n::year_text(lang, i18n::YearEndText::CreditAddedAs),
                saved(year)
            ))
        }
    }
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

/// The form holding an entry to correct: refused at once (naming who acts
/// next) unless the entry is registered or sent back.
fn edit_form(credit: ExternalCredit, next: Next) -> Result<Popup, AppError> {
    use app::year_end::{AssessError, CreditAction};
    use rules::CreditStage;
    if !matches!(
        credit.stage,
        CreditStage::Registered | CreditStage::Returned
    ) {
        return Err(AssessError::WrongStage {
            id: credit.id,
            stage: credit.stage,
            action: CreditAction::Edit,
            next,
        }
        .into());
    }
    let fields = vec![
        TextBox::selected(credit.date.to_string()),
        TextBox::selected(credit.title.clone()),
        TextBox::selected(credit.organiser.clone()),
        TextBox::selected(credit.credits.to_string()),
        TextBox::selected(credit.card.clone()),
    ];
    Ok(Popup::Form {
        editing: Some(credit),
        fields,
        focus: 0,
    })
}

impl CreditsScreen {
    /// The form of a new entry: a teacher's own id, today, and the year
    /// meant today offered (each replaced by the first key typed).
    fn new_form(&self, cx: &mut Cx) -> Result<Popup, AppError> {
        let today = cx.now.date();
        let year = cx.app.meant_year(today)?;
        let me = cx
            .app
            .actor()
            .teacher
            .as_ref()
            .map_or(TextBox::default(), |t| TextBox::selected(t.0.clone()));
        let fields = vec![
            me,
            TextBox::selected(today.to_string()),
            TextBox::default(),
            TextBox::default(),
            TextBox::default(),
            TextBox::default(),
            TextBox::selected(year.0.to_string()),
        ];
        Ok(Popup::Form {
            editing: None,
            fields,
            focus: 0,
        })
    }

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
            Popup::Form {
                editing,
                mut fields,
                mut focus,
            } => {
                let n = fields.len();
                match action {
                    Action::Cancel => return,
                    Action::NextField | Action::Down => focus = (focus + 1) % n,
                    Action::PrevField | Action::Up => focus = (focus + n - 1) % n,
                    Action::ClearInput => {
                        if let Some(f) = fields.get_mut(focus) {
                            f.clear();
                        }
                    }
                    Action::Submit => match save_form(editing.as_ref(), &fields, cx) {
                        Ok(msg) => {
                            cx.done(Ok(msg));
                            return;
                        }
                        // What was typed stays: the form is back.
                        Err(e) => cx.fail(e),
                    },
                    _ => {}
                }
                self.popup = Some(Popup::Form {
                    editing,
                    fields,
                    focus,
                });
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
            Some(Popup::Form { .. }) => Mode::Text,
            Some(Popup::Review { comment, .. } | Popup::MakeUp { comment, .. }) => comment.mode(),
            None => Mode::Normal,
        }
    }

    fn typed(&mut self, key: &KeyEvent, cx: &mut Cx) {
        match &mut self.popup {
            Some(Popup::Funds(e)) => e.typed(key, cx),
            Some(Popup::Form { fields, focus, .. }) => {
                if let Some(f) = fields.get_mut(*focus) {
                    f.typed(key);
                }
            }
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
                    Action::NewCredit => match self.new_form(cx) {
                        Ok(p) => self.popup = Some(p),
                        Err(e) => cx.fail(e),
                    },
                    Action::EditCredit => {
                        if let Some(credit) = self.list.get(self.cursor).cloned() {
                            let next = self.nexts.get(self.cursor).cloned().unwrap_or(Next::Nobody);
                            match edit_form(credit, next) {
                                Ok(p) => self.popup = Some(p),
                                Err(e) => cx.fail(e),
                            }
                        }
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
                let (title, lines, h) = crate::archive::modal(l, e, v.keys, super::Tab::Credits);
                widgets::popup(f, f.area(), &title, lines, h);
            }
            Some(Popup::Form {
                editing,
                fields,
                focus,
            }) => render_form(v, f, editing.as_ref(), fields, *focus),
            Some(Popup::Review {
                credit,
                what,
                step,
                comment,
            }) => {
                let title = if comment.confirming {
                    i18n::credit_question(l, *what, *step)
                } else {
                    &i18n::credit_prompt(
                        l,
                        *what,
                        *step,
                        &v.keys.name(l, super::Tab::Credits, Action::Submit),
                    )
                };
                let about = format!(
                    "{} {} {} {} {}",
                    credit.id,
                    credit.teacher,
                    i18n::shown(&credit.title),
                    credit.credits,
                    i18n::credit_stage(l, credit.stage)
                );
                let lines = comment.lines(about, v.keys.yes_no(l, super::Tab::Credits));
                widgets::popup(f, f.area(), title, lines, 5);
            }
            Some(Popup::MakeUp {
                line,
                undo,
                comment,
            }) => {
                let prompt = match (undo, comment.confirming) {
                    (_, false) => i18n::key_hint(
                        l,
                        &KeyHint::NotePrompt {
                            submit: v.keys.name(l, super::Tab::Credits, Action::Submit),
                        },
                    ),
                    (false, true) => i18n::assessment_text(l, AssessText::ConfirmMakeUp).into(),
                    (true, true) => i18n::assessment_text(l, AssessText::ConfirmTakeBack).into(),
                };
                let lines = comment.lines(about_line(line), v.keys.yes_no(l, super::Tab::Credits));
                widgets::popup(f, f.area(), &prompt, lines, 5);
            }
        }
    }
}

fn render_form(
    v: &View,
    f: &mut Frame,
    editing: Option<&ExternalCredit>,
    fields: &[TextBox],
    focus: usize,
) {
    use ratatui::style::{Modifier, Style};
    use ratatui::text::{Line, Span};
    let l = v.lang;
    let names = form_fields(editing.is_some());
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(c) = editing {
        lines.push(Line::from(format!(
            "{} {}  {}",
            i18n::shown(&c.teacher.0),
            i18n::period_name(l, rules::Period::Year(c.year)),
            i18n::credit_stage(l, c.stage)
        )));
    }
    for (i, (name, b)) in names.iter().zip(fields).enumerate() {
        let at = i == focus;
        let style = if at {
            v.palette.accent().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let mut value = b.line();
        if !b.selected {
            value = value.style(style);
        }
        let mut spans = vec![Span::styled(
            format!(
                "{}{}",
                if at { "> " } else { "  " },
                app::cells::pad(i18n::credit_field(l, *name), 34)
            ),
            style,
        )];
        spans.extend(value.spans);
        lines.push(Line::from(spans));
    }
    // The year a new entry counts for, said out loud.
    if editing.is_none()
        && let Some(b) = names
            .iter()
            .position(|x| *x == CreditField::Year)
            .and_then(|i| fields.get(i))
        && let Some(y) = form_year(b.value())
    {
        lines.push(Line::from(format!(
            "  {}",
            i18n::period_name(l, rules::Period::Year(y))
        )));
    }
    let key = |a: Action| v.keys.name(l, super::Tab::Credits, a);
    lines.push(Line::from(i18n::key_hint(
        l,
        &KeyHint::CreditFormHint {
            next: key(Action::NextField),
            clear: key(Action::ClearInput),
            submit: key(Action::Submit),
            cancel: key(Action::Cancel),
        },
    )));
    let title = match editing {
        Some(c) => format!("{} {}", i18n::credit_form(l, CreditForm::EditTitle), c.id),
        None => i18n::credit_form(l, CreditForm::NewTitle).to_string(),
    };
    let h = lines.len() as u16 + 2;
    widgets::popup(f, f.area(), &title, lines, h);
}

/// A head line wrapped into rows of `w` columns: how many, and the rows.
/// Each key and what it does are joined by no-break spaces (`nb`), so a
/// wrap never parts them.
fn head_lines(text: &str, w: u16) -> (u16, Vec<ratatui::text::Line<'static>>) {
    let rows: Vec<ratatui::text::Line<'static>> = crate::phone::wrap(text, usize::from(w))
        .into_iter()
        .map(ratatui::text::Line::from)
        .collect();
    (rows.len() as u16, rows)
}

/// What a key does, its words held together on one row.
fn nb(s: &str) -> String {
    s.replace(' ', "\u{a0}")
}

fn render_credits(s: &CreditsScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let filter = match s.filter {
        CreditFilter::Waiting => i18n::ui(l, i18n::Ui::FilterWaiting),
        CreditFilter::All => i18n::ui(l, i18n::Ui::FilterAll),
    };
    let a = |x: AssessText| i18n::assessment_text(l, x);
    let key = |x: Action| v.keys.label(Tab::Credits, x);
    // Each key beside what it does (a no-break space), the line wrapped
    // where it is wider than the screen: never cut.
    let (head_rows, head_text) = head_lines(
        &format!(
            "[{filter}]  {}\u{a0}{}  {}\u{a0}{}  {}\u{a0}{}  {}\u{a0}{}  {}\u{a0}{}  {}\u{a0}{}  {}\u{a0}{}  {}\u{a0}{}",
            key(Action::NewCredit),
            nb(i18n::credit_action(
                l,
                app::year_end::CreditAction::Register
            )),
            key(Action::EditCredit),
            nb(i18n::credit_action(l, app::year_end::CreditAction::Edit)),
            key(Action::Pass),
            nb(a(AssessText::CreditsHint)),
            key(Action::SendBack),
            nb(a(AssessText::SendBack)),
            key(Action::Reject),
            nb(i18n::credit_action(l, app::year_end::CreditAction::Reject)),
            key(Action::Withdraw),
            nb(i18n::credit_action(
                l,
                app::year_end::CreditAction::Withdraw
            )),
            key(Action::CreditFilter),
            nb(a(AssessText::FilterCredits)),
            key(Action::MakeUps),
            nb(a(AssessText::SwitchList))
        ),
        area.width,
    );
    let [head, rest, talk] = Layout::vertical([
        Constraint::Length(head_rows),
        Constraint::Min(1),
        Constraint::Length(3),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(head_text), head);
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
    let mut headers = i18n::credit_headers(l).to_vec();
    headers.push(i18n::credit_form(l, CreditForm::ReportHeader));
    let cells: Vec<Vec<String>> = s
        .list
        .iter()
        .map(|c| {
            let mut cells = app::cells::credit_cells(c, l);
            cells.push(i18n::credit_report_cell(l, c).to_string());
            cells
        })
        .collect();
    let cells = widgets::shown_cells(cells);
    // Columns: id, teacher, date, title, organiser, credits, card, stage,
    // comment, report. The comment (shown whole in the conversation
    // below), the organiser and the title give way first, then the stage;
    // where that is not enough (60 to 79 columns) the stage (said in the
    // conversation), the report, the card and the date are left out
    // whole: a date, a card number or a figure is never cut.
    let (kept, widths) = widgets::fit_within_or_drop(
        &headers,
        &cells,
        rest.width,
        &[8, 4, 3, 7],
        &[4, 6, 10, 8, 0, 4, 6, 9, 0, 4],
        &[7, 9, 6, 2],
    );
    let headers: Vec<&str> = kept.iter().map(|i| headers[*i]).collect();
    let cells = cells.into_iter().map(|c| {
        Row::new(
            kept.iter()
                .map(|i| c.get(*i).cloned().unwrap_or_default())
                .collect::<Vec<_>>(),
        )
    });
    let table = list_table(headers, cells, widths);
    f.render_stateful_widget(table, rest, &mut selected(s.cursor));
}

fn render_makeups(s: &CreditsScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let a = |x: AssessText| i18n::assessment_text(l, x);
    let key = |x: Action| v.keys.label(Tab::Credits, x);
    let filter = if s.open_only {
        a(AssessText::OpenOnly)
    } else {
        i18n::ui(l, i18n::Ui::FilterAll)
    };
    let (head_rows, head_text) = head_lines(
        &format!(
            "{} [{filter}]  {}\u{a0}{}  {}\u{a0}{}  {}\u{a0}{}",
            a(AssessText::MakeUps),
            key(Action::Pass),
            nb(a(AssessText::MarkDone)),
            key(Action::SendBack),
            nb(a(AssessText::TakeBack)),
            key(Action::MakeUps),
            nb(a(AssessText::SwitchList)),
        ),
        area.width,
    );
    let [head, rest] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(1)]).areas(area);
    f.render_widget(Paragraph::new(head_text), head);
    if s.makeup_list.is_empty() {
        f.render_widget(Paragraph::new(a(AssessText::NoMakeUps)), rest);
        return;
    }
    let headers = i18n::makeup_headers(l);
    let cells: Vec<Vec<String>> = s
        .makeup_list
        .iter()
        .map(|x| app::cells::makeup_cells(x, l))
        .collect();
    let cells = widgets::shown_cells(cells);
    let widths = fit(&headers, &cells, 4, &[6, 8, 4, 10, 10, 4, 6]);
    let table = list_table(headers, cells.into_iter().map(Row::new), widths);
    f.render_stateful_widget(table, rest, &mut selected(s.makeup_cursor));
}
