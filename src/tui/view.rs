//! Drawing: a pure function of the model. No I/O, no store calls.

use super::keymap::{Action, screen_actions};
use super::model::{Modal, Model};
use crate::app::format::standing_cells;
use crate::app::leave::LeaveFilter;
use crate::core::{Category, Cover, LeaveStatus};
use crate::i18n::{self, U};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Tabs, Wrap,
};
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the screens fit in.
pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 15;

pub fn view(m: &Model, f: &mut Frame) {
    let area = f.area();
    let l = m.lang;
    if area.width < MIN_W || area.height < MIN_H {
        f.render_widget(
            Paragraph::new(i18n::ui(l, U::TooSmall)).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [top, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut titles: Vec<&str> = [U::TabRoll, U::TabLeave, U::TabStandings, U::TabTeacher]
        .map(|u| i18n::ui(l, u))
        .to_vec();
    titles.push(i18n::assessment_text(l, i18n::A::TabCredits));
    titles.push(i18n::history_ui(l, i18n::H::Tab));
    f.render_widget(
        Tabs::new(titles)
            .select(m.tab)
            .highlight_style(Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)),
        top,
    );
    match m.tab {
        0 => roll(m, f, body),
        1 => leave(m, f, body),
        2 => standings(m, f, body),
        3 => teacher(m, f, body),
        super::model::CREDITS_TAB => super::credits::draw(m, f, body),
        _ => super::history::draw(m, f, body),
    }
    let (text, style) = match &m.status {
        Some((s, true)) => (s.clone(), Style::new().fg(Color::Red)),
        Some((s, false)) => (s.clone(), Style::new().fg(Color::Green)),
        None => (
            i18n::ui(l, U::HelpHint).to_string(),
            Style::new().fg(Color::DarkGray),
        ),
    };
    f.render_widget(
        Paragraph::new(i18n::shown(&text).into_owned()).style(style),
        status,
    );
    if let Some(modal) = &m.modal {
        draw_modal(m, modal, f, area);
    }
    guard(f);
}

/// The last line of defence: a bidirectional or invisible character that
/// reached a cell by a path not shown through `i18n::shown` is dropped
/// before the frame goes to the terminal (ratatui drops control ones).
fn guard(f: &mut Frame) {
    for cell in f.buffer_mut().content.iter_mut() {
        if cell.symbol().chars().any(i18n::is_unsafe_char) {
            let kept: String = cell
                .symbol()
                .chars()
                .filter(|c| !i18n::is_unsafe_char(*c))
                .collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

/// Cells of a list, each shown through `i18n::shown`: a name, title or
/// reason someone typed is written visibly, never as control characters.
pub(super) fn shown_cells(cells: Vec<Vec<String>>) -> Vec<Vec<String>> {
    cells
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|c| match i18n::shown(&c) {
                    std::borrow::Cow::Borrowed(_) => c,
                    std::borrow::Cow::Owned(o) => o,
                })
                .collect()
        })
        .collect()
}

pub(super) fn selected(cursor: usize) -> TableState {
    TableState::default().with_selected(Some(cursor))
}

/// Column widths that fit each column's header and every cell, so no
/// header or value is cut (English words are longer than the Chinese).
/// No column is narrower than its `min`; the `flexible` column takes
/// whatever room is left.
pub(super) fn fit(
    headers: &[&str],
    rows: &[Vec<String>],
    flexible: usize,
    min: &[u16],
) -> Vec<Constraint> {
    (0..headers.len())
        .map(|i| {
            let w = column_width(headers, rows, i).max(min.get(i).copied().unwrap_or(0));
            if i == flexible {
                Constraint::Min(min.get(i).copied().unwrap_or(0))
            } else {
                Constraint::Length(w)
            }
        })
        .collect()
}

/// The display width of column `i`: its header's or its widest cell's.
pub(super) fn column_width(headers: &[&str], rows: &[Vec<String>], i: usize) -> u16 {
    rows.iter()
        .filter_map(|r| r.get(i))
        .map(|c| c.width())
        .chain([headers[i].width()])
        .max()
        .unwrap_or(0) as u16
}

fn highlight() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The lines of a comment-then-confirm modal: what it is about, the
/// comment typed so far, and the y/n question once it is asked.
pub(super) fn comment_lines(
    l: i18n::Lang,
    about: String,
    input: &tui_input::Input,
    confirming: bool,
) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(i18n::shown(&about).into_owned()),
        Line::from(i18n::shown(input.value()).into_owned()),
    ];
    if confirming {
        lines.push(Line::from(i18n::ui(l, U::YesNo)));
    }
    lines
}

/// A list table: the header in bold, the selected row reversed.
pub(super) fn list_table<'a, C: Into<Cell<'a>>>(
    header: impl IntoIterator<Item = C>,
    rows: impl IntoIterator<Item = Row<'a>>,
    widths: Vec<Constraint>,
) -> Table<'a> {
    Table::new(rows, widths)
        .header(Row::new(header).style(Style::new().add_modifier(Modifier::BOLD)))
        .row_highlight_style(highlight())
}

fn roll(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let Some(v) = &m.roll.view else {
        f.render_widget(Paragraph::new(i18n::ui(l, U::NoSessions)), area);
        return;
    };
    let s = &v.record.session;
    let [head, rest] = Layout::vertical([Constraint::Length(4), Constraint::Min(1)]).areas(area);
    let state = i18n::roll_state(l, v.record.state);
    let header = vec![
        Line::from(vec![Span::raw(format!(
            "{} {}  {}  {}-{}  {}",
            i18n::ui(l, U::Session),
            s.id,
            s.date,
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            i18n::shown(&s.title)
        ))]),
        Line::from(Span::styled(
            format!("【{state}】"),
            Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow),
        )),
        Line::from(format!(
            "{} {}   {} {}   {} {}   {} {}",
            i18n::text(l, i18n::T::Expected),
            v.expected(),
            i18n::text(l, i18n::T::Present),
            v.present(),
            i18n::text(l, i18n::T::OnLeave),
            v.on_leave(),
            i18n::text(l, i18n::T::Missing),
            v.missing().len()
        )),
    ];
    f.render_widget(
        Paragraph::new(header).block(Block::new().borders(Borders::BOTTOM)),
        head,
    );
    let (list_area, big) = if m.roll.calling {
        let [a, b] = Layout::vertical([Constraint::Min(3), Constraint::Length(7)]).areas(rest);
        (a, Some(b))
    } else {
        (rest, None)
    };
    let styles: Vec<Style> = v
        .lines
        .iter()
        .map(|line| match line.outcome.category {
            Category::Present => Style::new().fg(Color::Green),
            Category::Late | Category::EarlyLeave => Style::new().fg(Color::Yellow),
            Category::Absent => Style::new().fg(Color::Red),
            _ => Style::new(),
        })
        .collect();
    let cells: Vec<Vec<String>> = v
        .lines
        .iter()
        .map(|line| {
            let leave = line
                .leave
                .as_ref()
                .map(|x| {
                    format!(
                        "{} {}",
                        i18n::leave_kind(l, x.kind),
                        i18n::leave_status(l, x.status)
                    )
                })
                .unwrap_or_default();
            vec![
                line.teacher.id.0.clone(),
                line.teacher.name.clone(),
                line.teacher.group.clone(),
                i18n::category(l, line.outcome.category).to_string(),
                leave,
            ]
        })
        .collect();
    let cells = shown_cells(cells);
    let headers = i18n::roll_headers(l);
    let widths = fit(&headers, &cells, 4, &[7, 10, 10, 12, 10]);
    let rows = cells
        .into_iter()
        .zip(styles)
        .map(|(c, style)| Row::new(c).style(style));
    let table = list_table(headers.to_vec(), rows, widths);
    f.render_stateful_widget(table, list_area, &mut selected(m.roll.cursor));
    if let (Some(big), Some(line)) = (big, v.lines.get(m.roll.cursor)) {
        let spaced: String = i18n::shown(&line.teacher.name)
            .chars()
            .map(|c| format!("{c} "))
            .collect();
        let text = vec![
            Line::from(""),
            Line::from(Span::styled(
                spaced.trim_end().to_string(),
                Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
            ))
            .centered(),
            Line::from(format!(
                "{}  {}",
                i18n::shown(&line.teacher.id.0),
                i18n::shown(&line.teacher.group)
            ))
            .centered(),
        ];
        f.render_widget(
            Paragraph::new(text).block(Block::bordered().title(i18n::ui(l, U::CallingTitle))),
            big,
        );
    }
}

fn leave(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let filter = match m.leave.filter {
        LeaveFilter::Waiting | LeaveFilter::Pending => U::FilterWaiting,
        LeaveFilter::All => U::FilterAll,
        LeaveFilter::Decided => U::FilterDecided,
    };
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    f.render_widget(
        Paragraph::new(format!(
            "[{}]  {}",
            i18n::ui(l, filter),
            i18n::ui(l, U::FormHint)
        )),
        head,
    );
    if m.leave.list.is_empty() {
        f.render_widget(Paragraph::new(i18n::ui(l, U::NoRequests)), rest);
        return;
    }
    let sessions = &m.roll.sessions;
    let (cells, styles): (Vec<Vec<String>>, Vec<Style>) = m
        .leave
        .list
        .iter()
        .map(|x| {
            let covers = match &x.cover {
                Cover::Dates { .. } | Cover::Span { .. } => x.cover.to_string(),
                Cover::Sessions(ids) => ids
                    .iter()
                    .map(|i| {
                        sessions
                            .iter()
                            .find(|s| s.session.id == *i)
                            .map_or(i.to_string(), |s| format!("{} {}", i, s.session.date))
                    })
                    .collect::<Vec<_>>()
                    .join(","),
            };
            let affected = sessions
                .iter()
                .filter(|s| x.cover.covers(&s.session))
                .count();
            let mut ev = Vec::new();
            ev.push(format!(
                "{}{}",
                i18n::text(l, i18n::T::LeaveNote),
                if x.evidence.leave_note { "✓" } else { "✗" }
            ));
            if x.kind == crate::core::LeaveKind::Sick {
                ev.push(format!(
                    "{}{}",
                    i18n::text(l, i18n::T::Certificate),
                    if x.evidence.hospital_certificate {
                        "✓"
                    } else {
                        "✗"
                    }
                ));
            }
            let style = match x.status {
                LeaveStatus::Pending => Style::new().fg(Color::Yellow),
                LeaveStatus::Rejected => Style::new().fg(Color::Red),
                _ => Style::new(),
            };
            (
                vec![
                    x.id.to_string(),
                    x.teacher.0.clone(),
                    i18n::leave_kind(l, x.kind).to_string(),
                    format!("{covers} ({affected})"),
                    x.reason.clone(),
                    ev.join(" "),
                    if x.emergency {
                        i18n::text(l, i18n::T::Emergency).to_string()
                    } else {
                        String::new()
                    },
                    i18n::leave_status(l, x.status).to_string(),
                ],
                style,
            )
        })
        .unzip();
    let cells = shown_cells(cells);
    let h = i18n::leave_headers(l);
    let widths = fit(&h[..8], &cells, 4, &[5, 7, 8, 18, 10, 22, 6, 8]);
    let rows = cells
        .into_iter()
        .zip(styles)
        .map(|(c, style)| Row::new(c).style(style));
    let table = list_table(h[..8].to_vec(), rows, widths);
    f.render_stateful_widget(table, rest, &mut selected(m.leave.cursor));
}

/// The standings columns the terminal app shows (by index into
/// `i18n::standings_headers`): all but the note characters and the archive,
/// which the detail lines under the table give for the selected teacher.
pub const STANDINGS_SHOWN: [usize; 15] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16];

fn standings(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let all_headers = i18n::standings_headers(l);
    let headers: Vec<&str> = STANDINGS_SHOWN.iter().map(|i| all_headers[*i]).collect();
    let [head, rest, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(5),
    ])
    .areas(area);
    let period = m
        .standings
        .rows
        .first()
        .map(|r| match r.standing.period {
            crate::core::Period::Term(t) => format!("{} {}", i18n::ui(l, U::Term), t),
            crate::core::Period::Year(y) => format!("{} {}", i18n::ui(l, U::Year), y),
        })
        .unwrap_or_default();
    let group = m
        .standings
        .group
        .and_then(|g| m.standings.groups.get(g).cloned())
        .unwrap_or_else(|| i18n::ui(l, U::AllGroups).to_string());
    let published = match m.standings.period {
        Some(crate::core::Period::Term(_)) => format!(
            "  [{}]",
            i18n::published_line(l, m.standings.published.as_ref())
        ),
        _ => String::new(),
    };
    f.render_widget(
        Paragraph::new(format!(
            "{period}  [{group}]  {} {}{}{published}  {}",
            i18n::ui(l, U::SortedBy),
            all_headers[m.standings.sort],
            if m.standings.reverse { " ↓" } else { " ↑" },
            i18n::io_text(l, i18n::X::PublishHint)
        )),
        head,
    );
    let visible = m.visible_standings();
    if let Some(r) = visible.get(m.standings.cursor) {
        f.render_widget(
            Paragraph::new(super::assessment_view::lines(l, r)).wrap(Wrap { trim: true }),
            detail,
        );
    }
    // Only the rows on screen are laid out (a county has 5,000): the window
    // ends at the cursor once it moves past the first screenful, as the
    // table itself would scroll.
    let height = usize::from(rest.height.saturating_sub(1)).max(1);
    let first = m.standings.cursor.saturating_sub(height - 1);
    let visible: Vec<_> = visible.into_iter().skip(first).take(height).collect();
    let cells: Vec<Vec<String>> = visible
        .iter()
        .map(|r| {
            let c = standing_cells(r, l);
            STANDINGS_SHOWN.iter().map(|i| c[*i].clone()).collect()
        })
        .collect();
    let cells = shown_cells(cells);
    let widths = fit(
        &headers,
        &cells,
        headers.len() - 1,
        &[7, 8, 9, 5, 5, 5, 5, 5, 5, 5, 7, 5, 5, 7, 0],
    );
    let rows = cells.into_iter().zip(visible).map(|(c, r)| {
        let style = if !r.standing.qualified {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else if r.changed_since_published {
            Style::new().fg(Color::Magenta)
        } else if r.standing.warning {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new()
        };
        Row::new(c).style(style)
    });
    let table = list_table(headers.clone(), rows, widths);
    f.render_stateful_widget(table, rest, &mut selected(m.standings.cursor - first));
}

fn teacher(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let [q, lists] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let input = &m.teacher.query;
    let style = if m.teacher.typing {
        Style::new().fg(Color::Cyan)
    } else {
        Style::new()
    };
    f.render_widget(
        Paragraph::new(input.value())
            .style(style)
            .block(Block::bordered().title(i18n::ui(l, U::QueryPrompt))),
        q,
    );
    if m.teacher.typing {
        let x = input.visual_cursor() as u16;
        f.set_cursor_position((q.x + 1 + x.min(q.width.saturating_sub(3)), q.y + 1));
    }
    let [left, right] =
        Layout::horizontal([Constraint::Length(24), Constraint::Min(10)]).areas(lists);
    if m.teacher.matches.is_empty() {
        if !input.value().trim().is_empty() {
            f.render_widget(Paragraph::new(i18n::ui(l, U::NoMatch)), left);
        }
        return;
    }
    let rows = m.teacher.matches.iter().map(|t| {
        Row::new(vec![
            i18n::shown(&t.id.0).into_owned(),
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
    f.render_stateful_widget(table, left, &mut selected(m.teacher.cursor));
    let Some((t, lines, leaves)) = &m.teacher.record else {
        return;
    };
    let (absent, credits) = (
        m.teacher.record_tally.absent,
        m.teacher.record_tally.credits,
    );
    let mut text = vec![Line::from(Span::styled(
        format!(
            "{} {} {}   {} {}   {} {}",
            i18n::shown(&t.id.0),
            i18n::shown(&t.name),
            i18n::shown(&t.group),
            i18n::category(l, Category::Absent),
            absent,
            i18n::standings_headers(l)[10],
            credits
        ),
        Style::new().add_modifier(Modifier::BOLD),
    ))];
    if let Some(r) = &m.teacher.year {
        text.extend(super::assessment_view::lines(l, r));
    }
    text.push(Line::from(format!("— {} —", i18n::ui(l, U::Leaves))));
    for x in leaves {
        text.push(Line::from(format!(
            "{} {} {} {}",
            x.id,
            i18n::leave_kind(l, x.kind),
            i18n::shown(&x.reason),
            i18n::leave_status(l, x.status)
        )));
    }
    text.push(Line::from(format!("— {} —", i18n::ui(l, U::Record))));
    // Sessions whose roll has not begun say nothing yet; leave them out.
    for x in lines
        .iter()
        .rev()
        .filter(|x| x.state != crate::core::RollState::NotStarted)
    {
        let mut cat = i18n::category(l, x.outcome.category).to_string();
        if x.outcome.also_left_early {
            cat = format!("{cat}+{}", i18n::category(l, Category::EarlyLeave));
        }
        text.push(Line::from(format!(
            "{} {} {}  {}",
            x.session.date,
            x.session.id,
            i18n::shown(&x.session.title),
            cat
        )));
    }
    f.render_widget(Paragraph::new(text).block(Block::bordered()), right);
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn draw_modal(m: &Model, modal: &Modal, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let (title, lines, h): (String, Vec<Line>, u16) = match modal {
        Modal::Help => {
            let mut lines: Vec<Line> = screen_actions(m.tab)
                .iter()
                .chain([Action::Help, Action::Quit].iter())
                .map(|a| {
                    // The credits tab's keys do what its own texts say.
                    let what = match m.tab {
                        4 => i18n::credits_action(l, *a),
                        _ => None,
                    };
                    let what = what.unwrap_or_else(|| i18n::action(l, *a));
                    Line::from(format!("{:>6}  {}", m.keys.label(*a), what))
                })
                .collect();
            lines.push(Line::from("1-5/Tab  ⇄"));
            let h = lines.len() as u16 + 2;
            (i18n::ui(l, U::HelpTitle).into(), lines, h)
        }
        Modal::Time { input, .. } => (
            i18n::ui(l, U::TimePrompt).into(),
            vec![Line::from(input.value().to_string())],
            3,
        ),
        Modal::Find(input) => (
            i18n::ui(l, U::SearchPrompt).into(),
            vec![Line::from(input.value().to_string())],
            3,
        ),
        Modal::ConfirmClose(names) => {
            let mut lines: Vec<Line> = if names.is_empty() {
                vec![Line::from(i18n::ui(l, U::Nobody))]
            } else {
                names
                    .iter()
                    .map(|t| {
                        Line::from(format!(
                            "{} {} {}",
                            i18n::shown(&t.id.0),
                            i18n::shown(&t.name),
                            i18n::shown(&t.group)
                        ))
                    })
                    .collect()
            };
            lines.push(Line::from(i18n::ui(l, U::YesNo)));
            let h = (lines.len() as u16 + 2).min(area.height);
            (i18n::ui(l, U::ConfirmClose).into(), lines, h)
        }
        Modal::Decide {
            leave,
            approve,
            input,
            confirming,
        } => {
            let prompt = match (approve, confirming) {
                (true, false) => U::CommentPrompt,
                (false, false) => U::RejectPrompt,
                (true, true) => U::ConfirmApprove,
                (false, true) => U::ConfirmReject,
            };
            let about = format!(
                "{} {} {} {}",
                leave.id,
                i18n::shown(&leave.teacher.0),
                i18n::leave_kind(l, leave.kind),
                i18n::shown(&leave.reason)
            );
            let lines = comment_lines(l, about, input, *confirming);
            (i18n::ui(l, prompt).into(), lines, 5)
        }
        Modal::Review {
            credit,
            pass,
            input,
            confirming,
        } => super::credits::modal(m, credit, *pass, input, *confirming),
        Modal::MakeUp {
            line,
            undo,
            input,
            confirming,
        } => super::credits::makeup_modal(m, line, *undo, input, *confirming),
        Modal::Office(e) => super::archive::modal(m, e),
        Modal::Form { fields, focus } => {
            let labels = [
                U::FormTeacher,
                U::FormKind,
                U::FormFrom,
                U::FormTo,
                U::FormReason,
                U::FormNote,
                U::FormCertificate,
                U::FormEmergency,
            ];
            let lines = labels
                .iter()
                .zip(fields)
                .enumerate()
                .map(|(i, (u, input))| {
                    let style = if i == *focus {
                        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
                    } else {
                        Style::new()
                    };
                    Line::from(vec![
                        Span::raw(crate::app::format::pad(i18n::ui(l, *u), 28)),
                        Span::styled(input.value().to_string(), style),
                    ])
                })
                .collect();
            (i18n::ui(l, U::FormTitle).into(), lines, 10)
        }
        Modal::HistoryFilter { session, input } => {
            let prompt = if *session {
                i18n::H::SessionPrompt
            } else {
                i18n::H::TeacherPrompt
            };
            (
                i18n::history_ui(l, prompt).into(),
                vec![Line::from(input.value().to_string())],
                3,
            )
        }
        Modal::Export(input) => (
            i18n::io_text(l, i18n::X::ExportPrompt).into(),
            vec![Line::from(input.value().to_string())],
            3,
        ),
        Modal::Import(input) => (
            i18n::io_text(l, i18n::X::ImportPrompt).into(),
            vec![Line::from(input.value().to_string())],
            3,
        ),
        Modal::ConfirmPublish(term) => (
            i18n::io_text(l, i18n::X::ConfirmPublish).into(),
            vec![
                Line::from(term.to_string()),
                Line::from(i18n::ui(l, U::YesNo)),
            ],
            4,
        ),
    };
    let rect = centered(area, area.width.min(70), h);
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title)),
        rect,
    );
}
