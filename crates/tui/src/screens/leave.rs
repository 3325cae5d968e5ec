//! The leave queue (2 请假审批): requests waiting for this user, all, or
//! those decided; approve or reject with a comment, confirmed first; file
//! a new request on a form.

use super::{Cx, Screen, View, move_cursor};
use crate::action::{Action, Mode};
use crate::i18n::{self, KeyHint, Lang, Ui};
use crate::widgets::{self, CommentBox, Step, TextBox, list_table, selected};
use app::leave::{LeaveFilter, LeaveRequest};
use app::{App, AppError, FieldName, Why};
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row};
use rules::{Cover, Evidence, Leave, LeaveStatus, Role};

/// The new-request form's fields, in order.
const FIELDS: [Ui; 8] = [
    Ui::FormTeacher,
    Ui::FormKind,
    Ui::FormFrom,
    Ui::FormTo,
    Ui::FormReason,
    Ui::FormNote,
    Ui::FormCertificate,
    Ui::FormEmergency,
];

pub enum Popup {
    /// A comment, then a confirmation, for a decision.
    Decide {
        leave: Box<Leave>,
        approve: bool,
        comment: CommentBox,
    },
    /// The new-request form: fields and the focused one.
    Form { fields: Vec<TextBox>, focus: usize },
    /// The papers received for a request: the leave note, the hospital
    /// certificate (ticked by the checklist's item keys).
    Evidence {
        leave: Box<Leave>,
        note: bool,
        certificate: bool,
        /// Asked "record these?" (y/n), as a decision is.
        confirming: bool,
    },
}

pub struct LeaveScreen {
    pub filter: LeaveFilter,
    pub list: Vec<Leave>,
    /// The names of the teachers listed, by id.
    pub names: std::collections::HashMap<rules::TeacherId, String>,
    pub cursor: usize,
    pub popup: Option<Popup>,
    /// Chosen on first load: a teacher who decides no leave sees their
    /// own requests, not an empty queue.
    picked: bool,
    /// What the actor may do here: the keys shown are those they may use.
    pub powers: app::leave::LeavePowers,
}

impl Default for LeaveScreen {
    fn default() -> Self {
        LeaveScreen {
            filter: LeaveFilter::Waiting,
            list: Vec::new(),
            names: Default::default(),
            cursor: 0,
            popup: None,
            picked: false,
            powers: Default::default(),
        }
    }
}

impl LeaveScreen {
    fn popup_action(&mut self, popup: Popup, action: Action, cx: &mut Cx) {
        match popup {
            Popup::Decide {
                leave,
                approve,
                mut comment,
            } if !approve
                && !comment.confirming
                && action == Action::Submit
                && comment.text.value().trim().is_empty() =>
            {
                // A rejection is not asked for without its reason.
                let submit = cx.keys.name(cx.lang, super::Tab::Leave, Action::Submit);
                cx.fail_text(i18n::key_hint(
                    cx.lang,
                    &KeyHint::RejectNeedsReason { submit },
                ));
                comment.confirming = false;
                self.popup = Some(Popup::Decide {
                    leave,
                    approve,
                    comment,
                });
            }
            Popup::Decide {
                leave,
                approve,
                mut comment,
            } => match comment.handle(action) {
                Step::Cancel => {}
                Step::Stay => {
                    self.popup = Some(Popup::Decide {
                        leave,
                        approve,
                        comment,
                    })
                }
                Step::Confirm => {
                    let text = comment.text.value().to_string();
                    let r = if approve {
                        cx.app.approve_leave(leave.id, &text, cx.now)
                    } else {
                        cx.app.reject_leave(leave.id, &text, cx.now)
                    };
                    let what = if approve { Ui::Approved } else { Ui::Rejected };
                    let lang = cx.lang;
                    // A refused decision closes the form: the refusal
                    // stays on the status line, and no text box is left
                    // holding the keys that follow.
                    cx.done(r.map(|_| format!("{} {}", leave.id, i18n::ui(lang, what))));
                }
            },
            Popup::Evidence {
                leave,
                mut note,
                mut certificate,
                mut confirming,
            } => {
                match (action, confirming) {
                    (Action::Cancel, _) | (Action::No, true) => return,
                    (Action::Item1, false) => note = !note,
                    (Action::Item2, false) => certificate = !certificate,
                    // Asked first, as a decision is: only y records.
                    (Action::Submit, false) => confirming = true,
                    (Action::Yes, true) => {
                        let ev = Evidence {
                            leave_note: note,
                            hospital_certificate: certificate,
                        };
                        let r = cx.app.set_evidence(leave.id, ev, cx.now);
                        let text = i18n::leave_text(cx.lang, i18n::LeaveText::EvidenceSaved);
                        // Saved or refused, the popup closes: the
                        // outcome is on the status line.
                        cx.done(r.map(|()| format!("{} {text}", leave.id)));
                        return;
                    }
                    _ => {}
                }
                self.popup = Some(Popup::Evidence {
                    leave,
                    note,
                    certificate,
                    confirming,
                });
            }
            Popup::Form {
                mut fields,
                mut focus,
            } => {
                let n = fields.len();
                match action {
                    Action::Cancel => return,
                    Action::NextField | Action::Down => focus = (focus + 1) % n,
                    Action::PrevField | Action::Up => focus = (focus + n - 1) % n,
                    Action::ClearInput => fields[focus].clear(),
                    Action::Submit => match submit(&fields, cx) {
                        Ok(id) => {
                            let msg = format!("{} {id}", i18n::ui(cx.lang, Ui::Filed));
                            cx.done(Ok(msg));
                            return;
                        }
                        Err(e) => cx.fail(e),
                    },
                    _ => {}
                }
                self.popup = Some(Popup::Form { fields, focus });
            }
        }
    }
}

/// The actor's own teacher record, when they file for themselves (a
/// teacher, not the office).
fn own_teacher(app: &App) -> Option<rules::TeacherId> {
    app.actor()
        .teacher
        .clone()
        .filter(|_| !app.actor().has(Role::Office))
}

/// Files the request the form describes.
fn submit(f: &[TextBox], cx: &mut Cx) -> Result<rules::LeaveId, AppError> {
    let v = |i: usize| f[i].value().trim().to_string();
    let yes = |i: usize| matches!(v(i).as_str(), "y" | "Y" | "yes" | "是");
    let bad = |field, value: String, why| AppError::Invalid { field, value, why };
    let teacher = cx.app.leave_teacher(&v(0))?;
    let kind = i18n::parse_leave_kind(&v(1))
        .ok_or_else(|| bad(FieldName::LeaveKind, v(1), Why::NotALeaveKind))?;
    // Dates, or dates and hours, as the CLI's --from and --to take them.
    let cover = app::leave::leave_cover(&v(2), Some(&v(3))).map_err(|(end, value)| {
        let field = match end {
            app::leave::SpanEnd::From => FieldName::From,
            app::leave::SpanEnd::To => FieldName::To,
        };
        bad(field, value, Why::NotADate)
    })?;
    cx.app.request_leave(
        LeaveRequest {
            teacher,
            kind,
            cover,
            reason: v(4),
            evidence: Evidence {
                leave_note: yes(5),
                hospital_certificate: yes(6),
            },
            emergency: yes(7),
        },
        cx.now,
    )
}

impl Screen for LeaveScreen {
    fn has_popup(&self) -> bool {
        self.popup.is_some()
    }

    fn mode(&self) -> Mode {
        match &self.popup {
            Some(Popup::Decide { comment, .. }) => comment.mode(),
            Some(Popup::Form { .. }) => Mode::Text,
            Some(Popup::Evidence {
                confirming: true, ..
            }) => Mode::Confirm,
            Some(Popup::Evidence { .. }) => Mode::Checklist,
            None => Mode::Normal,
        }
    }

    fn typed(&mut self, key: &KeyEvent, _cx: &mut Cx) {
        match &mut self.popup {
            Some(Popup::Decide { comment, .. }) => {
                comment.text.typed(key);
            }
            Some(Popup::Form { fields, focus }) => {
                fields[*focus].typed(key);
            }
            Some(Popup::Evidence { .. }) | None => {}
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) {
        if let Some(p) = self.popup.take() {
            self.popup_action(p, action, cx);
            return;
        }
        if move_cursor(&mut self.cursor, self.list.len(), action) {
            return;
        }
        match action {
            Action::Filter => {
                self.filter = match self.filter {
                    LeaveFilter::Waiting => LeaveFilter::All,
                    LeaveFilter::All => LeaveFilter::Decided,
                    _ => LeaveFilter::Waiting,
                };
                self.cursor = 0;
                if let Err(e) = self.read(cx.app, cx.now, cx.lang) {
                    cx.fail(e);
                }
            }
            Action::Approve | Action::Reject => {
                if let Some(leave) = self.list.get(self.cursor).cloned() {
                    // What cannot be decided yet (a paper missing, a role
                    // not held, one's own request) is said at once, not
                    // after a comment and a confirmation.
                    if let Err(e) = cx.app.may_decide(leave.id, action == Action::Approve) {
                        cx.fail(e);
                        return;
                    }
                    self.popup = Some(Popup::Decide {
                        leave: Box::new(leave),
                        approve: action == Action::Approve,
                        comment: CommentBox::default(),
                    });
                }
            }
            Action::NewRequest => {
                let today = cx.now.date().to_string();
                let mut fields: Vec<TextBox> = FIELDS.iter().map(|_| TextBox::default()).collect();
                // A value already there is selected: the first key typed
                // replaces it. A teacher's own id is filled in.
                let mut focus = 0;
                if let Some(me) = own_teacher(cx.app) {
                    fields[0] = TextBox::selected(me.0);
                    focus = 1;
                }
                fields[1] =
                    TextBox::selected(i18n::leave_kind(cx.lang, rules::LeaveKind::Personal));
                fields[2] = TextBox::selected(today);
                for f in &mut fields[5..8] {
                    *f = TextBox::selected("n");
                }
                self.popup = Some(Popup::Form { fields, focus });
            }
            Action::Evidence => {
                if let Some(leave) = self.list.get(self.cursor).cloned() {
                    self.popup = Some(Popup::Evidence {
                        note: leave.evidence.leave_note,
                        certificate: leave.evidence.hospital_certificate,
                        leave: Box::new(leave),
                        confirming: false,
                    });
                }
            }
            _ => {}
        }
    }

    fn load(&mut self, app: &App, now: NaiveDateTime, _lang: Lang) -> Result<(), AppError> {
        if !self.picked {
            self.picked = true;
            // A teacher who decides no leave opens on their own requests.
            if own_teacher(app).is_some() && !app.actor().roles.iter().any(|r| *r != Role::Teacher)
            {
                self.filter = LeaveFilter::All;
            }
        }
        self.powers = app.leave_powers()?;
        // Lapsed requests show as expired, among the decided (issue 14).
        self.list = app.leaves_at(self.filter, now)?;
        for x in &self.list {
            if !self.names.contains_key(&x.teacher)
                && let Ok(t) = app.visible_teacher(&x.teacher)
            {
                self.names.insert(x.teacher.clone(), t.name);
            }
        }
        self.cursor = self.cursor.min(self.list.len().saturating_sub(1));
        Ok(())
    }

    fn render(&self, v: &View, f: &mut Frame, area: Rect) {
        render(self, v, f, area);
        self.popups(v, f);
    }

    fn render_phone(&self, v: &View, f: &mut Frame, area: Rect) {
        render_phone(self, v, f, area);
        self.popups(v, f);
    }
}

impl LeaveScreen {
    /// The screen's popups, over whatever layout it was drawn in.
    fn popups(&self, v: &View, f: &mut Frame) {
        match &self.popup {
            None => {}
            Some(Popup::Decide {
                leave,
                approve,
                comment,
            }) => {
                let submit = v.keys.name(v.lang, super::Tab::Leave, Action::Submit);
                let prompt = match (approve, comment.confirming) {
                    (true, false) => i18n::key_hint(v.lang, &KeyHint::CommentPrompt { submit }),
                    (false, false) => i18n::key_hint(v.lang, &KeyHint::RejectPrompt { submit }),
                    (true, true) => i18n::ui(v.lang, Ui::ConfirmApprove).to_string(),
                    (false, true) => i18n::ui(v.lang, Ui::ConfirmReject).to_string(),
                };
                let about = format!(
                    "{} {} {} {}",
                    leave.id,
                    leave.teacher,
                    i18n::leave_kind(v.lang, leave.kind),
                    i18n::shown(&leave.reason)
                );
                let lines = comment.lines(about, v.keys.yes_no(v.lang, super::Tab::Leave));
                widgets::popup(f, f.area(), &prompt, lines, 5);
            }
            Some(Popup::Evidence {
                leave,
                note,
                certificate,
                confirming,
            }) => {
                let l = v.lang;
                let tick = |on: bool| if on { "[x]" } else { "[ ]" };
                let name = |a| v.keys.name(l, super::Tab::Leave, a);
                let mut lines = vec![
                    Line::from(format!(
                        "{} {} {}",
                        leave.id,
                        leave.teacher,
                        i18n::leave_kind(l, leave.kind)
                    )),
                    Line::from(format!(
                        "{} {}",
                        tick(*note),
                        i18n::leave_text(l, i18n::LeaveText::EvidenceNote)
                    )),
                    Line::from(format!(
                        "{} {}",
                        tick(*certificate),
                        i18n::leave_text(l, i18n::LeaveText::EvidenceCertificate)
                    )),
                    Line::from(i18n::key_hint(
                        l,
                        &KeyHint::Evidence {
                            note: name(Action::Item1),
                            certificate: name(Action::Item2),
                            submit: name(Action::Submit),
                            cancel: name(Action::Cancel),
                        },
                    )),
                ];
                if *confirming {
                    lines.pop();
                    lines.push(Line::from(i18n::leave_text(
                        l,
                        i18n::LeaveText::ConfirmEvidence,
                    )));
                    lines.push(Line::from(v.keys.yes_no(l, super::Tab::Leave)));
                }
                let title = i18n::leave_text(l, i18n::LeaveText::EvidenceTitle);
                widgets::popup(f, f.area(), title, lines, 6);
            }
            Some(Popup::Form { fields, focus }) => {
                let l = v.lang;
                let lines = FIELDS
                    .iter()
                    .zip(fields)
                    .enumerate()
                    .map(|(i, (u, text))| {
                        let style = if i == *focus {
                            v.palette.accent().add_modifier(Modifier::BOLD)
                        } else {
                            Style::new()
                        };
                        Line::from(vec![
                            Span::raw(app::cells::pad(i18n::ui(l, *u), 28)),
                            Span::styled(i18n::shown(text.value()).into_owned(), style),
                        ])
                    })
                    .collect();
                let title = i18n::key_hint(
                    l,
                    &KeyHint::FormTitle {
                        next: v.keys.name(l, super::Tab::Leave, Action::NextField),
                        submit: v.keys.name(l, super::Tab::Leave, Action::Submit),
                        cancel: v.keys.name(l, super::Tab::Leave, Action::Cancel),
                    },
                );
                widgets::popup(f, f.area(), &title, lines, 10);
            }
        }
    }
}

/// A request's colour: pending in the warning's, rejected in red.
fn style(v: &View, x: &Leave) -> Style {
    match x.status {
        LeaveStatus::Pending => v.palette.warn(),
        LeaveStatus::Rejected => v.palette.error(),
        _ => Style::new(),
    }
}

/// Whether `x` is approved and to come: none of its sessions has begun.
fn to_come(sessions: &[app::SessionRecord], x: &Leave) -> bool {
    x.to_come(sessions.iter().map(|s| (&s.session, s.state)))
}

/// A request's cells, in `i18n::leave_headers` order (not yet shown
/// through the sanitising function).
fn cells(s: &LeaveScreen, v: &View, x: &Leave) -> Vec<String> {
    let l = v.lang;
    let sessions = v.sessions;
    let covers = match &x.cover {
        Cover::Dates { .. } | Cover::Span { .. } => x.cover.to_string(),
        Cover::Sessions(ids) => ids
            .iter()
            .map(|i| {
                sessions
                    .iter()
                    .find(|s| s.session.id == *i)
                    .map_or(i.to_string(), |s| {
                        i18n::leave_session(l, &i.to_string(), &s.session.date.to_string())
                    })
            })
            .collect::<Vec<_>>()
            .join(l.t("、", ", ")),
    };
    let affected = sessions
        .iter()
        .filter(|s| x.cover.covers(&s.session))
        .count();
    let ahead = to_come(sessions, x);
    let status = i18n::leave_status_of(l, x.status, ahead);
    let ev: Vec<String> = x
        .kind
        .papers()
        .iter()
        .map(|p| {
            let got = if p.received(&x.evidence) {
                "✓"
            } else {
                "✗"
            };
            // A paper's name and its mark stay on one line where wrapped.
            format!("{}{got}", i18n::leave_paper(l, *p).replace(' ', "\u{a0}"))
        })
        .collect();
    vec![
        x.id.to_string(),
        match s.names.get(&x.teacher) {
            Some(name) => format!("{} {name}", x.teacher),
            None => x.teacher.0.clone(),
        },
        i18n::leave_kind(l, x.kind).to_string(),
        i18n::leave_covers(l, &covers, affected),
        x.reason.clone(),
        ev.join(" "),
        if x.emergency {
            i18n::text(l, i18n::Label::Emergency).to_string()
        } else {
            String::new()
        },
        match &x.decided_by {
            // To come, the status says so instead of who decided (the
            // column keeps its width).
            Some(by) if x.status != LeaveStatus::Pending && !ahead => format!(
                "{status} ({} {by})",
                i18n::leave_text(l, i18n::LeaveText::DecidedBy)
            ),
            _ => status.to_string(),
        },
        x.comment.clone(),
    ]
}

/// The queue in the phone-sized layout: the filter, a short list (id,
/// teacher and kind, status), and the request under the cursor read in
/// full below it, every field on its own wrapped lines.
fn render_phone(s: &LeaveScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let w = usize::from(area.width);
    let filter = match s.filter {
        LeaveFilter::Waiting | LeaveFilter::Pending => Ui::FilterWaiting,
        LeaveFilter::All => Ui::FilterAll,
        LeaveFilter::Decided => Ui::FilterDecided,
    };
    let count = if s.list.is_empty() {
        String::new()
    } else {
        format!("{}/{}", s.cursor + 1, s.list.len())
    };
    let head = crate::phone::line(&format!("[{}]", i18n::ui(l, filter)), "", &count, w);
    // The keys this actor may use, from the key map: the last rows.
    let name = |a| v.keys.name(l, super::Tab::Leave, a);
    let p = s.powers;
    let hints = i18n::key_hint(
        l,
        &KeyHint::PhoneLeave {
            approve: p.decide.then(|| name(Action::Approve)),
            reject: p.decide.then(|| name(Action::Reject)),
            evidence: p.evidence.then(|| name(Action::Evidence)),
            new: p.file.then(|| name(Action::NewRequest)),
            filter: name(Action::Filter),
        },
    );
    let hint_rows = if unicode_width::UnicodeWidthStr::width(hints.as_str()) > w {
        2
    } else {
        1
    };
    if s.list.is_empty() {
        let [top, keys] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(hint_rows)]).areas(area);
        let text = vec![Line::from(head), Line::from(i18n::ui(l, Ui::NoRequests))];
        f.render_widget(Paragraph::new(text), top);
        f.render_widget(
            Paragraph::new(hints)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .style(v.palette.hint()),
            keys,
        );
        return;
    }
    // The list takes a third of the height; the request read, the rest;
    // the keys that act on it, the last rows.
    let rows = (area.height.saturating_sub(2) / 3).max(1);
    let [top, list, detail, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(rows.min(s.list.len() as u16)),
        Constraint::Min(1),
        Constraint::Length(hint_rows),
    ])
    .areas(area);
    f.render_widget(
        Paragraph::new(hints)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .style(v.palette.hint()),
        keys,
    );
    f.render_widget(Paragraph::new(head), top);
    let height = usize::from(list.height).max(1);
    let first = s.cursor.saturating_sub(height - 1);
    let lines: Vec<Line> = s
        .list
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, x)| {
            let c = widgets::shown_cells(vec![cells(s, v, x)])
                .pop()
                .unwrap_or_default();
            let get = |k: usize| c.get(k).map_or("", String::as_str);
            let text = crate::phone::line(
                &format!("#{}", get(0)),
                &format!("{} {}", get(1), get(2)),
                i18n::leave_status_of(l, x.status, to_come(v.sessions, x)),
                w,
            );
            let st = if i == s.cursor {
                widgets::highlight()
            } else {
                style(v, x)
            };
            Line::from(Span::styled(text, st))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    let Some(x) = s.list.get(s.cursor) else {
        return;
    };
    let c = widgets::shown_cells(vec![cells(s, v, x)])
        .pop()
        .unwrap_or_default();
    let h = i18n::leave_headers(l);
    let sep = l.t(":", ": ");
    // Wrapped here, by words, so that no character is lost.
    let text: Vec<Line> = h
        .iter()
        .zip(&c)
        .skip(1)
        .filter(|(_, value)| !value.is_empty())
        .flat_map(|(name, value)| crate::phone::wrap(&format!("{name}{sep}{value}"), w))
        .map(Line::from)
        .collect();
    let title = format!("#{}", x.id);
    f.render_widget(
        Paragraph::new(text)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(
                ratatui::widgets::Block::new()
                    .borders(ratatui::widgets::Borders::TOP)
                    .title(title),
            ),
        detail,
    );
}

fn render(s: &LeaveScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let filter = match s.filter {
        LeaveFilter::Waiting | LeaveFilter::Pending => Ui::FilterWaiting,
        LeaveFilter::All => Ui::FilterAll,
        LeaveFilter::Decided => Ui::FilterDecided,
    };
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    f.render_widget(
        Paragraph::new(format!(
            "[{}]  {}",
            i18n::ui(l, filter),
            i18n::key_hint(
                l,
                &KeyHint::NewRequest {
                    key: v.keys.name(l, super::Tab::Leave, Action::NewRequest),
                }
            )
        )),
        head,
    );
    if s.list.is_empty() {
        f.render_widget(Paragraph::new(i18n::ui(l, Ui::NoRequests)), rest);
        return;
    }
    let (cells, styles): (Vec<Vec<String>>, Vec<Style>) =
        s.list.iter().map(|x| (cells(s, v, x), style(v, x))).unzip();
    let cells = widgets::shown_cells(cells);
    let h = i18n::leave_headers(l);
    // The waiting list has no decision yet: no comment column.
    let n = if s.filter == LeaveFilter::Waiting {
        8
    } else {
        9
    };
    let cells: Vec<Vec<String>> = cells
        .into_iter()
        .map(|mut c| {
            c.truncate(n);
            c
        })
        .collect();
    // The reason gives up room first, then the covers, the comment, the
    // evidence and the emergency mark; the id, the teacher and the
    // decision never.
    let widths = widgets::fit_within(
        &h[..n],
        &cells,
        rest.width,
        &[4, 3, 8, 5, 6],
        &[5, 7, 8, 10, 6, 12, 4, 8, 6],
    );
    let rows = cells
        .into_iter()
        .zip(styles)
        .map(|(c, style)| Row::new(c).style(style));
    let table = list_table(h[..n].to_vec(), rows, widths);
    f.render_stateful_widget(table, rest, &mut selected(s.cursor));
}
