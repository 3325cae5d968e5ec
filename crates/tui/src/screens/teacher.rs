//! The teacher screen (4 教师): find a teacher by name, pinyin or id and
//! read their record: each session's outcome, their leaves, and the year's
//! standing as the scoring module computes it. The office edits note
//! characters, the archive, the degree and mentor pairs from here.

use super::{Cx, Screen, View, move_cursor};
use crate::action::{Action, Mode};
use crate::archive::OfficeEdit;
use crate::calendar_form::{Form, Outcome};
use crate::i18n::{self, Lang, Ui};
use crate::widgets::{self, TextBox, highlight, selected};
use app::calendar::Change;
use app::charts::TeacherCharts;
use app::standings::{RecordLine, StandingRow};
use app::{App, AppError};
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};
use rules::{Category, Leave, Period, Teacher};
use unicode_width::UnicodeWidthStr;

#[derive(Default)]
pub struct TeacherScreen {
    pub query: TextBox,
    /// The search box has the keys, once opened (`/`): the tab keys and
    /// quit work on this tab as on every other.
    pub typing: bool,
    pub matches: Vec<Teacher>,
    pub cursor: usize,
    pub record: Option<(Teacher, Vec<RecordLine>, Vec<Leave>)>,
    /// Every session on the record, counted by the scoring module.
    pub record_tally: rules::Tally,
    /// The teacher's academic-year standing, with the assessment figures.
    pub year: Option<StandingRow>,
    /// The strip of this period's sessions, credits and absences.
    pub charts: Option<TeacherCharts>,
    pub popup: Option<Box<OfficeEdit>>,
    /// A departure or an edit of the teacher under the cursor (issue 14).
    pub form: Option<Box<Form>>,
    /// When the record was read: a session after it is still to come.
    pub read_at: NaiveDateTime,
}

impl TeacherScreen {
    /// The record of the teacher under the cursor.
    fn load_record(&mut self, app: &App, now: NaiveDateTime) -> Result<(), AppError> {
        let chosen = self.matches.get(self.cursor);
        self.read_at = now;
        self.record = match chosen {
            Some(t) => Some(app.record(&t.id)?),
            None => None,
        };
        self.record_tally = match &self.record {
            Some((_, lines, _)) => app.record_tally(lines)?,
            None => rules::Tally::default(),
        };
        self.year = match chosen {
            Some(t) => {
                let today = now.date();
                let year = Period::Year(app.current_year(today)?);
                app.standings_of(std::slice::from_ref(t), year, today)?
                    .pop()
            }
            None => None,
        };
        // The strip shows the term under way, else the academic year.
        self.charts = match chosen {
            Some(t) => {
                let today = now.date();
                let period = match app.current_term(today)? {
                    Some(term) => Period::Term(term),
                    None => Period::Year(app.current_year(today)?),
                };
                Some(app.teacher_charts(&t.id, period, today)?)
            }
            None => None,
        };
        Ok(())
    }

    fn find(&mut self, cx: &mut Cx) {
        self.cursor = 0;
        if let Err(e) = self.read(cx.app, cx.now, cx.lang) {
            cx.fail(e);
        }
    }
}

impl Screen for TeacherScreen {
    fn has_popup(&self) -> bool {
        self.popup.is_some() || self.form.is_some()
    }

    fn mode(&self) -> Mode {
        if let Some(f) = &self.form {
            return f.mode();
        }
        match &self.popup {
            Some(e) => e.mode(),
            None if self.typing => Mode::Text,
            None => Mode::Normal,
        }
    }

    fn typed(&mut self, key: &KeyEvent, cx: &mut Cx) {
        if let Some(f) = &mut self.form {
            f.typed(key);
        } else if let Some(e) = &mut self.popup {
            e.typed(key, cx);
        } else if self.typing && self.query.typed(key) {
            self.find(cx);
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) {
        if let Some(f) = self.form.take() {
            if let Outcome::Open(f) = f.handle(action, cx) {
                self.form = Some(f);
            }
            return;
        }
        if let Some(e) = self.popup.take() {
            self.popup = e.handle(action, cx).map(Box::new);
            return;
        }
        if self.typing {
            match action {
                Action::Submit | Action::Cancel | Action::Down => self.typing = false,
                Action::NextField => {
                    self.typing = false;
                    cx.goto = Some(super::Tab::Teacher.next());
                }
                Action::PrevField => {
                    self.typing = false;
                    cx.goto = Some(super::Tab::Teacher.prev());
                }
                Action::ClearInput => {
                    self.query.clear();
                    self.find(cx);
                }
                _ => {}
            }
            return;
        }
        if move_cursor(&mut self.cursor, self.matches.len(), action) {
            if let Err(e) = self.load_record(cx.app, cx.now) {
                cx.fail(e);
            }
            return;
        }
        match action {
            Action::Search => {
                // What was searched before is selected: the first key
                // typed replaces it, as in the forms.
                self.typing = true;
                self.query.selected = !self.query.value().is_empty();
            }
            Action::NotesChars | Action::ArchiveFile | Action::Degree | Action::MentorPair => {
                let t = self.matches.get(self.cursor);
                match OfficeEdit::open(action, t, self.year.as_ref(), cx) {
                    Ok(e) => self.popup = Some(Box::new(e)),
                    Err(e) => cx.fail(e),
                }
            }
            Action::TeacherDeparts | Action::EditTeacher => {
                let Some(t) = self.matches.get(self.cursor) else {
                    return;
                };
                let (change, form) = if action == Action::TeacherDeparts {
                    (Change::TeacherLeaves, Form::depart(t, cx.now.date()))
                } else {
                    (Change::EditTeacher, Form::edit_teacher(t))
                };
                match cx.app.may_change(change) {
                    Ok(()) => self.form = Some(Box::new(form)),
                    Err(e) => cx.fail(e),
                }
            }
            _ => {}
        }
    }

    fn load(&mut self, app: &App, now: NaiveDateTime, _lang: Lang) -> Result<(), AppError> {
        let q = self.query.value().trim().to_string();
        self.matches = if q.is_empty() {
            // No search: every teacher this user may see, to browse.
            browse(app)?
        } else if q.chars().all(|c| c.is_ascii_digit()) {
            // A bare number is the number in an id: 15 finds T0015.
            let n: u64 = q.parse().unwrap_or(u64::MAX);
            let mut found: Vec<Teacher> = browse(app)?
                .into_iter()
                .filter(|t| app::lookup::id_number(&t.id.0) == Some(n))
                .collect();
            for t in app.lookup(&q)? {
                if !found.iter().any(|f| f.id == t.id) {
                    found.push(t);
                }
            }
            found
        } else {
            app.lookup(&q)?
        };
        self.cursor = self.cursor.min(self.matches.len().saturating_sub(1));
        self.load_record(app, now)
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

impl TeacherScreen {
    /// The office's edits and forms, over whatever layout was drawn.
    fn popups(&self, v: &View, f: &mut Frame) {
        if let Some(e) = &self.popup {
            let (title, lines, h) = crate::archive::modal(v.lang, e, v.keys, super::Tab::Teacher);
            widgets::popup(f, f.area(), &title, lines, h);
        }
        if let Some(form) = &self.form {
            form.render(f, v.lang, v.palette, v.keys, super::Tab::Teacher);
        }
    }
}

/// Every teacher the user may see: the roster for staff, themselves for a
/// teacher.
fn browse(app: &App) -> Result<Vec<Teacher>, AppError> {
    match app.teachers() {
        Ok(all) => Ok(all),
        Err(AppError::Forbidden { .. }) => Ok(app
            .actor()
            .teacher
            .as_ref()
            .and_then(|t| app.visible_teacher(t).ok())
            .into_iter()
            .collect()),
        Err(e) => Err(e),
    }
}

/// The teacher screen in the phone-sized layout: the search line, the
/// teacher found (which of how many), the year's verdict with every
/// reason, then the record, newest first: the outcome of each session is
/// whole, the title gives way.
fn render_phone(s: &TeacherScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let w = usize::from(area.width);
    let count = if s.matches.is_empty() {
        String::new()
    } else {
        format!("{}/{}", s.cursor + 1, s.matches.len())
    };
    let find = format!("{}:", i18n::ui(l, Ui::PhoneFind));
    let query = i18n::shown(s.query.value()).into_owned();
    let mut text = vec![Line::from(Span::styled(
        crate::phone::line(&find, &query, &count, w),
        if s.typing {
            v.palette.accent()
        } else {
            Style::new()
        },
    ))];
    if s.typing && s.popup.is_none() && s.form.is_none() {
        let x = (find.as_str().width() + 1 + query.as_str().width()) as u16;
        f.set_cursor_position((area.x + x.min(area.width.saturating_sub(1)), area.y));
    }
    let Some((t, lines, _)) = &s.record else {
        if !s.query.value().trim().is_empty() {
            text.push(Line::from(i18n::ui(l, Ui::NoMatch)));
        }
        f.render_widget(Paragraph::new(text), area);
        return;
    };
    text.push(Line::from(Span::styled(
        format!(
            "{} {} {}",
            t.id,
            i18n::shown(&t.name),
            i18n::shown(&t.group)
        ),
        Style::new().add_modifier(Modifier::BOLD),
    )));
    // The groups over time, wrapped here by words: whole, nothing lost.
    if let Some(groups) = i18n::group_history(l, t) {
        text.extend(crate::phone::wrap(&groups, w).into_iter().map(Line::from));
    }
    if let Some(r) = &s.year {
        let st = &r.standing;
        // The name is on the line above: the period, then the verdict.
        text.push(crate::assessment_view::verdict_after(
            l,
            v.palette,
            r,
            i18n::period_name(l, st.period),
        ));
        text.push(Line::from(format!(
            "{} {}  {} {}/{}",
            i18n::category(l, Category::Absent),
            st.unexcused,
            sheets::columns::Col::Credits.header(l),
            r.year_credits().0,
            r.year_credits().1
        )));
    }
    text.push(Line::from(format!("— {} —", i18n::ui(l, Ui::Record))));
    for x in lines
        .iter()
        .rev()
        .filter(|x| x.state != rules::RollState::NotStarted)
    {
        let cat = app::cells::record_attendance(l, x, s.read_at);
        text.push(Line::from(crate::phone::line(
            &x.session.date.format("%m-%d").to_string(),
            &i18n::shown(&x.session.title),
            &cat,
            w,
        )));
    }
    f.render_widget(
        Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}

fn render(s: &TeacherScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let [q, lists] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let style = if s.typing {
        v.palette.accent()
    } else {
        Style::new()
    };
    f.render_widget(
        Paragraph::new(s.query.line())
            .style(style)
            .block(Block::bordered().title(i18n::ui(l, Ui::QueryPrompt))),
        q,
    );
    if s.typing && s.popup.is_none() && s.form.is_none() {
        let x = s.query.input.visual_cursor() as u16;
        f.set_cursor_position((q.x + 1 + x.min(q.width.saturating_sub(3)), q.y + 1));
    }
    let [left, right] =
        Layout::horizontal([Constraint::Length(24), Constraint::Min(10)]).areas(lists);
    if s.matches.is_empty() {
        if !s.query.value().trim().is_empty() {
            f.render_widget(Paragraph::new(i18n::ui(l, Ui::NoMatch)), left);
        }
        return;
    }
    // Only the rows on screen are laid out: a county has 5,000 teachers.
    let height = usize::from(left.height).max(1);
    let first = s.cursor.saturating_sub(height - 1);
    let rows = s.matches.iter().skip(first).take(height).map(|t| {
        Row::new(vec![
            t.id.0.clone(),
            i18n::shown(&t.name).into_owned(),
            i18n::shown(&t.group).into_owned(),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(6),
            Constraint::Length(8),
            Constraint::Length(8),
        ],
    )
    .row_highlight_style(highlight());
    f.render_stateful_widget(table, left, &mut selected(s.cursor - first));
    let Some((t, lines, leaves)) = &s.record else {
        return;
    };
    // The pictures on top: the period's strip, credits, absences.
    let right = match &s.charts {
        Some(c) if right.height >= 12 => {
            let look = crate::charts::Look {
                lang: l,
                palette: v.palette,
            };
            let h = crate::charts::teacher::height(c, look, right.width.saturating_sub(2)) + 2;
            let [pics, rest] =
                Layout::vertical([Constraint::Length(h), Constraint::Min(1)]).areas(right);
            let block = Block::bordered().title(format!(" {} ", i18n::period_name(l, c.period)));
            crate::charts::teacher::render(f, block.inner(pics), c, look);
            f.render_widget(block, pics);
            rest
        }
        _ => right,
    };
    let (absent, credits) = (s.record_tally.absent, s.record_tally.credits);
    let mut text = vec![Line::from(Span::styled(
        format!(
            "{} {} {}   {} {}   {} {}",
            t.id,
            i18n::shown(&t.name),
            i18n::shown(&t.group),
            i18n::category(l, Category::Absent),
            absent,
            sheets::columns::Col::Credits.header(l),
            credits
        ),
        Style::new().add_modifier(Modifier::BOLD),
    ))];
    if let Some(groups) = i18n::group_history(l, t) {
        text.push(Line::from(groups));
    }
    if let Some(r) = &s.year {
        text.push(crate::assessment_view::verdict(l, v.palette, r));
        text.extend(crate::assessment_view::lines(l, r));
    }
    text.push(Line::from(format!("— {} —", i18n::ui(l, Ui::Leaves))));
    // Each leave by the dates and times it covers, as `record` says them.
    let sessions: Vec<&rules::Session> = lines.iter().map(|x| &x.session).collect();
    for x in leaves {
        text.push(Line::from(format!(
            "{} {} {} {} {}",
            x.id,
            i18n::leave_kind(l, x.kind),
            app::cells::cover_words(l, &x.cover, &sessions),
            i18n::shown(&x.reason),
            i18n::leave_status_of(
                l,
                x.status,
                x.to_come(lines.iter().map(|y| (&y.session, y.state)))
            )
        )));
    }
    text.push(Line::from(format!("— {} —", i18n::ui(l, Ui::Record))));
    // Sessions whose roll has not begun say nothing yet; leave them out.
    for x in lines
        .iter()
        .rev()
        .filter(|x| x.state != rules::RollState::NotStarted)
    {
        let cat = app::cells::record_attendance(l, x, s.read_at);
        text.push(Line::from(format!(
            "{} {} {}  {}",
            x.session.date,
            x.session.id,
            i18n::shown(&x.session.title),
            cat
        )));
    }
    f.render_widget(
        Paragraph::new(text)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(Block::bordered()),
        right,
    );
}
