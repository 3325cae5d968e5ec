//! Pieces the screens share: list tables with columns fitted to their
//! text, popups, the text box, and the comment-then-confirm step of every
//! decision. Drawing helpers take what they draw as arguments; nothing here
//! reads the store.

use super::action::{Action, Mode};
use crate::i18n;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, TableState};
use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthStr;

pub fn selected(cursor: usize) -> TableState {
    TableState::default().with_selected(Some(cursor))
}

/// Column widths that fit each column's header and every cell, so no
/// header or value is cut (English words are longer than the Chinese).
/// No column is narrower than its `min`; the `flexible` column takes
/// whatever room is left.
pub fn fit(
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

/// Column widths for a table `width` columns wide: each column as wide as
/// its header and cells, then, while the table is too wide, the columns in
/// `shrink` (first the least needed: reasons, notes, comments) give up
/// room down to their `min`. A column not in `shrink` (a name, an id) is
/// never cut.
pub fn fit_within(
    headers: &[&str],
    rows: &[Vec<String>],
    width: u16,
    shrink: &[usize],
    min: &[u16],
) -> Vec<Constraint> {
    let n = headers.len();
    let mut w: Vec<u16> = (0..n).map(|i| column_width(headers, rows, i)).collect();
    // ratatui puts one column of space between columns.
    let total: u16 = w.iter().sum::<u16>() + n.saturating_sub(1) as u16;
    let mut over = total.saturating_sub(width);
    for &i in shrink {
        if over == 0 {
            break;
        }
        let floor = min.get(i).copied().unwrap_or(0);
        if let Some(c) = w.get_mut(i) {
            let cut = c.saturating_sub(floor).min(over);
            *c -= cut;
            over -= cut;
        }
    }
    w.into_iter().map(Constraint::Length).collect()
}

/// The columns of a table of figures (the standings) that fit `width`,
/// with their widths, so that no figure and no header of a figure is ever
/// cut: while the table is too wide, the columns in `give_way` give way
/// in that order (least needed first), a text column (a group, a note)
/// by giving up room down to its `min` and its header's width (and left
/// out whole if that is not enough, unless its `min` is 0: a note is cut,
/// down to nothing), a column of figures by being left out whole. A column not in `give_way` (the id,
/// the name, the verdict) stays. Returns the indexes of the columns kept,
/// in order, and their widths.
pub fn fit_or_drop(
    headers: &[&str],
    rows: &[Vec<String>],
    width: u16,
    give_way: &[usize],
    min: &[u16],
) -> (Vec<usize>, Vec<Constraint>) {
    let n = headers.len();
    let mut w: Vec<u16> = (0..n).map(|i| column_width(headers, rows, i)).collect();
    let mut kept = vec![true; n];
    // ratatui puts one column of space between columns.
    let total = |w: &[u16], kept: &[bool]| {
        let k: Vec<usize> = (0..n).filter(|i| kept[*i]).collect();
        k.iter().map(|i| w[*i]).sum::<u16>() + k.len().saturating_sub(1) as u16
    };
    let figures = |i: usize| {
        rows.iter().filter_map(|r| r.get(i)).all(|c| {
            c.chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | '/' | '-' | '+' | '%' | ' '))
        })
    };
    for &i in give_way {
        let over = total(&w, &kept).saturating_sub(width);
        if over == 0 {
            break;
        }
        if i >= n {
            continue;
        }
        if figures(i) {
            kept[i] = false;
            continue;
        }
        // Nor is a header cut: a text column is as wide as its header,
        // or left out (a column of notes whose least width is 0).
        let least = min.get(i).copied().unwrap_or(0);
        let floor = match least {
            0 => 0,
            m => m.max(headers.get(i).map_or(0, |h| h.width() as u16)),
        };
        w[i] -= w[i].saturating_sub(floor).min(over);
        // A short text (a group) that still does not fit goes whole, as
        // figures do; a long one (a note) is what is cut, down to 0.
        if w[i] == 0 || (least > 0 && total(&w, &kept) > width) {
            kept[i] = false;
        }
    }
    let kept: Vec<usize> = (0..n).filter(|i| kept[*i]).collect();
    let widths = kept.iter().map(|i| Constraint::Length(w[*i])).collect();
    (kept, widths)
}

/// `fit_within`, and where the columns in `shrink` cannot give up enough
/// room, the columns in `drop` are left out whole, in that order, until
/// the rest fits (a date or a card number is never cut). Returns the
/// indexes of the columns kept, in order, and their widths.
pub fn fit_within_or_drop(
    headers: &[&str],
    rows: &[Vec<String>],
    width: u16,
    shrink: &[usize],
    min: &[u16],
    drop: &[usize],
) -> (Vec<usize>, Vec<Constraint>) {
    let mut kept: Vec<usize> = (0..headers.len()).collect();
    let mut dropping = drop.iter();
    loop {
        let h: Vec<&str> = kept.iter().map(|i| headers[*i]).collect();
        let r: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                kept.iter()
                    .map(|i| row.get(*i).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        let s: Vec<usize> = shrink
            .iter()
            .filter_map(|i| kept.iter().position(|k| k == i))
            .collect();
        let m: Vec<u16> = kept
            .iter()
            .map(|i| min.get(*i).copied().unwrap_or(0))
            .collect();
        let widths = fit_within(&h, &r, width, &s, &m);
        let total: u16 = widths
            .iter()
            .map(|c| match c {
                Constraint::Length(w) => *w,
                _ => 0,
            })
            .sum::<u16>()
            + kept.len().saturating_sub(1) as u16;
        match dropping.next() {
            Some(d) if total > width => kept.retain(|k| k != d),
            _ => return (kept, widths),
        }
    }
}

/// The display width of column `i`: its header's or its widest cell's.
pub fn column_width(headers: &[&str], rows: &[Vec<String>], i: usize) -> u16 {
    rows.iter()
        .filter_map(|r| r.get(i))
        .map(|c| c.width())
        .chain([headers.get(i).map_or(0, |h| h.width())])
        .max()
        .unwrap_or(0) as u16
}

/// Cells of a list, each shown through `i18n::shown`: a name, title or
/// reason someone typed is written visibly, never as control characters.
pub fn shown_cells(cells: Vec<Vec<String>>) -> Vec<Vec<String>> {
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

pub fn highlight() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A list table: the header in bold, the selected row reversed.
pub fn list_table<'a, C: Into<Cell<'a>>>(
    header: impl IntoIterator<Item = C>,
    rows: impl IntoIterator<Item = Row<'a>>,
    widths: Vec<Constraint>,
) -> Table<'a> {
    Table::new(rows, widths)
        .header(Row::new(header).style(Style::new().add_modifier(Modifier::BOLD)))
        .row_highlight_style(highlight())
}

/// A rectangle of `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The width of a popup of `lines` over `area`: 70 columns, wider where a
/// line needs it (the help's longest), never wider than `area`.
fn popup_width(area: Rect, lines: &[Line]) -> u16 {
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16 + 2;
    area.width.min(widest.max(70))
}

/// The rows `line` takes in a box of `inner` columns: a line wider than
/// the box (a phone's 40 columns) wraps, with one row spare, since a word
/// wrapped whole may leave part of a row empty.
fn rows_of(line: &Line, inner: usize) -> usize {
    match line.width() {
        w if w > inner => w.div_ceil(inner) + 1,
        _ => 1,
    }
}

/// A popup over `area`: a bordered box of `lines`, at least `h` rows high,
/// higher by the rows its wrapped lines take, so nothing in it is cut.
pub fn popup(f: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'static>>, h: u16) {
    let w = popup_width(area, &lines);
    let inner = usize::from(w.saturating_sub(2)).max(1);
    // A title wider than the box (its key hints, on a phone) is the
    // box's first line instead, wrapped, rather than cut on the border.
    let (title, lines) = if title.width() > inner {
        let mut all = vec![Line::styled(
            title.to_string(),
            Style::new().add_modifier(Modifier::BOLD),
        )];
        all.extend(lines);
        (String::new(), all)
    } else {
        (title.to_string(), lines)
    };
    let rows: usize = lines.iter().map(|l| rows_of(l, inner)).sum();
    let h = h.max(rows as u16 + 2);
    let rect = centered(area, w, h);
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(Block::bordered().title(title)),
        rect,
    );
}

/// A popup whose body scrolls while its last line (the question) stays:
/// the body from `scroll`, as many lines as fit (wrapped ones counted by
/// the rows they take).
pub fn scrolling_popup(
    f: &mut Frame,
    area: Rect,
    title: &str,
    body: Vec<Line<'static>>,
    last: Line<'static>,
    scroll: usize,
) {
    let mut all = body.clone();
    all.push(last.clone());
    let inner = usize::from(popup_width(area, &all).saturating_sub(2)).max(1);
    let room = usize::from(area.height.saturating_sub(2)).saturating_sub(rows_of(&last, inner));
    // The first line shown: no further than where the rest still fills.
    let mut first = 0;
    let mut tail = 0;
    for (i, l) in body.iter().enumerate().rev() {
        tail += rows_of(l, inner);
        if tail > room {
            break;
        }
        first = i;
    }
    let first = scroll.min(first);
    let mut used = 0;
    let mut lines: Vec<Line> = Vec::new();
    for l in body.into_iter().skip(first) {
        used += rows_of(&l, inner);
        if used > room.max(1) && !lines.is_empty() {
            break;
        }
        lines.push(l);
    }
    lines.push(last);
    let rows: usize = lines.iter().map(|l| rows_of(l, inner)).sum();
    popup(f, area, title, lines, (rows as u16 + 2).min(area.height));
}

/// The text-editing request of a typed key, for tui-input.
pub fn input_request(key: &KeyEvent) -> Option<InputRequest> {
    use InputRequest::*;
    Some(match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => InsertChar(c),
        KeyCode::Backspace => DeletePrevChar,
        KeyCode::Delete => DeleteNextChar,
        KeyCode::Left => GoToPrevChar,
        KeyCode::Right => GoToNextChar,
        KeyCode::Home => GoToStart,
        KeyCode::End => GoToEnd,
        _ => return None,
    })
}

/// A one-line text box. Opened `selected`, its text is replaced by the
/// first character typed (as a selected field in a form would be).
#[derive(Debug, Clone, Default)]
pub struct TextBox {
    pub input: Input,
    pub selected: bool,
}

impl TextBox {
    pub fn new(text: impl Into<String>) -> TextBox {
        TextBox {
            input: Input::new(text.into()),
            selected: false,
        }
    }

    /// A box whose text is selected: typing replaces it.
    pub fn selected(text: impl Into<String>) -> TextBox {
        TextBox {
            input: Input::new(text.into()),
            selected: true,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn clear(&mut self) {
        self.input.reset();
        self.selected = false;
    }

    /// A typed key: edits the text.
    pub fn typed(&mut self, key: &KeyEvent) -> bool {
        let Some(r) = input_request(key) else {
            return false;
        };
        if self.selected {
            self.selected = false;
            match r {
                InputRequest::InsertChar(_) | InputRequest::DeletePrevChar => self.input.reset(),
                _ => {}
            }
            if r == InputRequest::DeletePrevChar {
                return true;
            }
        }
        self.input.handle(r);
        true
    }

    /// The text as a line, shown selected (reversed) while it is.
    pub fn line(&self) -> Line<'static> {
        let text = i18n::shown(self.value()).into_owned();
        if self.selected {
            Line::styled(text, highlight())
        } else {
            Line::from(text)
        }
    }
}

/// Where a comment-then-confirm popup is.
pub enum Step {
    /// Esc, or n at the question: closes, nothing changes.
    Cancel,
    /// Still open.
    Stay,
    /// y at the question: do it.
    Confirm,
}

/// A comment, then a y/n question: every decision (approve, reject,
/// pass, send back, mark made up) goes through one.
#[derive(Debug, Clone, Default)]
pub struct CommentBox {
    pub text: TextBox,
    pub confirming: bool,
}

impl CommentBox {
    pub fn mode(&self) -> Mode {
        if self.confirming {
            Mode::Confirm
        } else {
            Mode::Text
        }
    }

    pub fn handle(&mut self, action: Action) -> Step {
        match (action, self.confirming) {
            // Esc, or n at the question ("y confirm  n cancel").
            (Action::Cancel, _) | (Action::No, true) => Step::Cancel,
            (Action::Submit, false) => {
                self.confirming = true;
                Step::Stay
            }
            (Action::ClearInput, false) => {
                self.text.clear();
                Step::Stay
            }
            (Action::Yes, true) => Step::Confirm,
            _ => Step::Stay,
        }
    }

    /// What it is about, the comment so far, and the question once asked.
    /// `yes_no` is the question's answer line, with the keys bound.
    pub fn lines(&self, about: String, yes_no: String) -> Vec<Line<'static>> {
        let mut lines = vec![
            Line::from(i18n::shown(&about).into_owned()),
            self.text.line(),
        ];
        if self.confirming {
            lines.push(Line::from(yes_no));
        }
        lines
    }
}
