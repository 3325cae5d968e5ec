//! The standings screen (3 考勤统计): every teacher's term or year standing
//! as the scoring module computes it, sorted and filtered by group; export
//! the view as shown, publish the term (confirmed first), import a roster
//! or the term's plan.

use super::{Cx, Screen, View, move_cursor};
use crate::action::{Action, Mode};
use crate::charts::Look;
use crate::charts::live::ChartView;
use crate::i18n::{self, IoText, KeyHint, Lang, Ui};
use crate::widgets::{self, TextBox, list_table, selected};
use app::standings::StandingRow;
use app::standings_job::{self, Counted, PeriodStandings, StandingsJob};
use app::{App, AppError};
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Wrap};
use rules::{Period, TermId};
use sheets::columns::{self, Col};
use sheets::export::{self, FileFormat, StandingsSheet};
use sheets::{self as files, Encoding, ImportError};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

pub enum Popup {
    /// The file to export the standings as shown to.
    Export(TextBox),
    /// The file to import a roster or this term's plan from.
    Import(TextBox),
    /// Publishing the term's standings.
    ConfirmPublish(TermId),
    /// A roster left teachers out: record their departure today? (the
    /// file is read again, as `import teachers --departed-on` reads it).
    ConfirmDepart { path: PathBuf, question: String },
}

#[derive(Default)]
pub struct StandingsScreen {
    pub year: bool,
    /// The term chosen with `[`/`]`, when not the one under way.
    pub chosen_term: Option<TermId>,
    /// The academic year chosen with `[`/`]`, when not this one.
    pub chosen_year: Option<rules::AcademicYear>,
    /// Every term there is, in order (`[`/`]` step through them).
    pub terms: Vec<TermId>,
    /// Every academic year a term is in, and this one, in order.
    pub years: Vec<rules::AcademicYear>,
    pub rows: Vec<StandingRow>,
    /// The column sorted by.
    pub sort: Col,
    pub reverse: bool,
    pub groups: Vec<String>,
    /// Index into `groups`, or None for all.
    pub group: Option<usize>,
    pub cursor: usize,
    /// The period shown, once loaded.
    pub period: Option<Period>,
    /// The shown term's latest publication: when, by whom, which number.
    pub published: Option<(NaiveDateTime, String, u32)>,
    pub popup: Option<Popup>,
    /// The chart view of the period shown (`g`), instead of the table.
    pub chart: ChartView,
    /// The live standings: counted in the background at county scale.
    pub live: Live,
}

/// The standings as counted: the term and the year are counted together,
/// from one snapshot, after the app opens and after each change (in a
/// thread of their own at county scale, `app::standings_job`), so that
/// showing the screen or switching term ↔ year only picks what is counted.
#[derive(Default)]
pub struct Live {
    /// The period the screen wants shown.
    want: Option<Period>,
    /// The other period of the last count (the shown one is in the
    /// screen's `rows`).
    stash: Vec<PeriodStandings>,
    /// The generation the last count was read at.
    counted_at: Option<u64>,
    /// The store's generation when last looked.
    latest: Option<u64>,
    job: Option<StandingsJob>,
    /// The last count found few enough teachers to count at once: no need
    /// to count ahead of the screen being shown.
    small: bool,
    /// Up to this many teachers the standings are counted at once; None
    /// for `standings_job::INLINE` (tests set 0 to count in a thread).
    pub inline: Option<usize>,
}

impl StandingsScreen {
    /// The group the filter shows, or None for all.
    pub fn group_shown(&self) -> Option<&str> {
        self.group
            .and_then(|g| self.groups.get(g))
            .map(String::as_str)
    }

    /// Rows as shown: filtered by group, in the chosen order.
    pub fn visible(&self) -> Vec<&StandingRow> {
        let group = self.group.and_then(|g| self.groups.get(g));
        self.rows
            .iter()
            .filter(|r| group.is_none_or(|g| r.teacher.group == *g))
            .collect()
    }

    fn sort(&mut self) {
        // The column's own key (`sheets::columns`).
        let col = self.sort;
        let key = |r: &StandingRow| col.sort_key(r);
        // Each row's key once, not once per comparison: 5,000 rows.
        self.rows.sort_by_cached_key(key);
        if self.reverse {
            self.rows.reverse();
        }
    }

    /// Counts the standings again if the store changed since they were
    /// last counted (or are being counted). `ahead`: the screen is not
    /// shown, so a school small enough to be counted at once waits until
    /// it is.
    pub fn count(&mut self, app: &App, today: NaiveDate, ahead: bool) -> Result<(), AppError> {
        let g = app.generation()?;
        self.live.latest = Some(g);
        let live = &self.live;
        // The period wanted was not counted (the day moved into another
        // term since): counted now, whatever the generation.
        let missing = live
            .want
            .is_some_and(|w| self.period != Some(w) && !live.stash.iter().any(|p| p.period == w));
        if (live.counted_at == Some(g) && !missing)
            || live.job.as_ref().is_some_and(|j| j.generation() == g)
            // Counted again when this job ends (`poll`).
            || live.job.as_ref().is_some_and(StandingsJob::running)
            || (ahead && live.small)
        {
            return Ok(());
        }
        let inline = live.inline.unwrap_or(standings_job::INLINE);
        self.live.job = Some(app.start_standings(today, inline, self.live.want)?);
        Ok(())
    }

    /// Takes the standings once counted, and counts again if the store
    /// changed meanwhile: `Some` when that changed the screen.
    pub fn poll(&mut self, app: &App, today: NaiveDate) -> Option<Result<(), AppError>> {
        let taken = self.take()?;
        if taken.is_ok() && self.live.latest > self.live.counted_at {
            return Some(self.count(app, today, true));
        }
        Some(taken)
    }

    /// Standings are being counted, or the ones shown are older than the
    /// store's latest change.
    pub fn counting(&self) -> bool {
        self.live.job.is_some() || self.live.latest > self.live.counted_at
    }

    /// A count is under way (the event loop looks for it soon).
    pub fn job_running(&self) -> bool {
        self.live.job.is_some()
    }

    /// Waits for the standings being counted and shows them (tests and
    /// benchmarks).
    pub fn wait(&mut self) -> Result<(), AppError> {
        if let Some(job) = self.live.job.take() {
            self.install(job.wait()?);
        }
        Ok(())
    }

    /// The finished job's standings, shown.
    fn take(&mut self) -> Option<Result<(), AppError>> {
        let result = self.live.job.as_mut()?.poll()?;
        self.live.job = None;
        Some(result.map(|c| self.install(c)))
    }

    fn install(&mut self, c: Counted) {
        let inline = self.live.inline.unwrap_or(standings_job::INLINE);
        self.live.small = c.visible <= inline;
        self.live.counted_at = Some(c.generation);
        self.live.stash = c.periods;
        // What was shown is older: it goes.
        self.period = None;
        self.rows.clear();
        self.published = None;
        self.show();
    }

    /// Shows the period wanted from what was counted; where it was not
    /// (yet), nothing of another period is shown under its name.
    fn show(&mut self) {
        let Some(want) = self.live.want else { return };
        if self.period == Some(want) {
            return;
        }
        if let Some(p) = self.period.take() {
            self.live.stash.push(PeriodStandings {
                period: p,
                rows: std::mem::take(&mut self.rows),
                published: self.published.take(),
            });
        }
        self.period = Some(want);
        self.rows.clear();
        self.published = None;
        if let Some(i) = self.live.stash.iter().position(|p| p.period == want) {
            let p = self.live.stash.swap_remove(i);
            self.rows = p.rows;
            self.published = p.published;
        }
        let mut groups: Vec<String> = self.rows.iter().map(|r| r.teacher.group.clone()).collect();
        groups.sort();
        groups.dedup();
        // The group filter keeps its group, wherever it now is.
        let shown = self.group_shown().map(str::to_string);
        self.groups = groups;
        self.group = shown.and_then(|g| self.groups.iter().position(|x| *x == g));
        self.sort();
        let n = self.visible().len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
    }

    fn reload(&mut self, cx: &mut Cx) {
        if let Err(e) = self.read(cx.app, cx.now, cx.lang) {
            cx.fail(e);
        }
    }

    fn popup_action(&mut self, popup: Popup, action: Action, cx: &mut Cx) {
        match (popup, action) {
            (Popup::Export(_) | Popup::Import(_), Action::Cancel) => {}
            (Popup::Export(mut t), Action::ClearInput) => {
                t.clear();
                self.popup = Some(Popup::Export(t));
            }
            (Popup::Import(mut t), Action::ClearInput) => {
                t.clear();
                self.popup = Some(Popup::Import(t));
            }
            (Popup::Export(t), Action::Submit) => {
                let path = PathBuf::from(t.value().trim());
                match self.export_view(&path, cx) {
                    Ok(msg) => cx.say(msg),
                    Err(e) => {
                        cx.fail(e);
                        self.popup = Some(Popup::Export(t));
                    }
                }
            }
            (Popup::Import(t), Action::Submit) => {
                let path = PathBuf::from(t.value().trim());
                match self.import_file(&path, None, cx) {
                    Ok((msg, summary)) => {
                        let changed = summary.as_ref().is_none_or(|s| s.changed());
                        // Teachers the roster leaves out: asked, never
                        // kept required in silence (issue 25).
                        if let Some(s) = summary.filter(|s| !s.missing.is_empty()) {
                            self.popup = Some(Popup::ConfirmDepart {
                                path,
                                question: i18n::missing_question(cx.lang, &s, cx.now.date()),
                            });
                        }
                        if changed {
                            cx.done(Ok(msg));
                        } else {
                            cx.say(msg);
                        }
                    }
                    Err(e) => {
                        cx.fail(e);
                        self.popup = Some(Popup::Import(t));
                    }
                }
            }
            (Popup::ConfirmDepart { path, .. }, Action::Yes) => {
                let r = self.import_file(&path, Some(cx.now.date()), cx);
                cx.done(r.map(|(msg, _)| msg));
            }
            (Popup::ConfirmDepart { .. }, Action::No) => {}
            (Popup::ConfirmPublish(term), Action::Yes) => {
                // Held sessions left without a closed roll are named after
                // the posting (read before it, as the CLI does).
                let unclosed = cx.app.unclosed_rolls(term, cx.now);
                let ends = cx.app.term(term).map(|t| t.end);
                let r = unclosed.and_then(|u| Ok((cx.app.publish(term, cx.now)?, u, ends?)));
                let lang = cx.lang;
                cx.done(r.map(|(p, u, ends)| i18n::published_with(lang, &p, &u, ends)));
            }
            (Popup::ConfirmPublish(_), Action::No) => {}
            (p, _) => self.popup = Some(p),
        }
    }

    /// Writes the rows as shown (group filter and order) to `path`.
    fn export_view(&self, path: &Path, cx: &mut Cx) -> Result<String, AppError> {
        let l = cx.lang;
        let file = path.display().to_string();
        let format = FileFormat::of(path).ok_or_else(|| AppError::Invalid {
            field: app::FieldName::File,
            value: file.clone(),
            why: app::Why::NotAFileFormat,
        })?;
        let Some(period) = self.period else {
            return Ok(String::new());
        };
        let rows: Vec<_> = self.visible().into_iter().cloned().collect();
        let school = cx.app.school()?;
        let sheet = StandingsSheet {
            school: school.as_deref(),
            period,
            rows: &rows,
            published: self.published.clone(),
            exported: cx.now,
            lang: l,
        };
        let bytes = match format {
            FileFormat::Xlsx => export::standings_xlsx(&sheet, &file, &mut |_, _| {})?,
            FileFormat::Csv => export::standings_csv(&sheet, Encoding::Auto),
        };
        // The app has no --force: a file in the way asks for another name.
        export::write_file(path, &bytes, false).map_err(|e| match e {
            ImportError::Exists { file } => AppError::Invalid {
                field: app::FieldName::File,
                value: file,
                why: app::Why::FileExists,
            },
            e => e.into(),
        })?;
        Ok(format!(
            "{} {} ({})",
            i18n::io_text(l, IoText::Written),
            i18n::shown(&file),
            i18n::rows(l, rows.len())
        ))
    }

    /// Imports `path`: a term plan (it has date and title columns) into the
    /// term shown, else a roster (recording `departed_on` as the last day
    /// of the teachers it leaves out, when given). Says what it did; a
    /// roster's summary comes back too (whom it left out).
    fn import_file(
        &self,
        path: &Path,
        departed_on: Option<chrono::NaiveDate>,
        cx: &mut Cx,
    ) -> Result<(String, Option<app::import::ImportSummary>), AppError> {
        let l = cx.lang;
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| ImportError::Read {
            file: name.clone(),
            why: e.to_string(),
        })?;
        let table = files::table::read(&name, &bytes, Encoding::Auto)?;
        let summary = if files::find_header(&table, files::plan::FIELDS).is_ok() {
            let Some(Period::Term(term)) = self.period else {
                return Err(AppError::Invalid {
                    field: app::FieldName::Term,
                    value: name,
                    why: app::Why::TodayInNoTerm,
                });
            };
            cx.app
                .import_plan(&name, &bytes, Encoding::Auto, term, cx.now, &mut |_, _| {})?
        } else {
            let s = cx.app.import_roster(
                &name,
                &bytes,
                Encoding::Auto,
                departed_on,
                cx.now,
                &mut |_, _| {},
            )?;
            return Ok((i18n::import_summary_shown(l, &s), Some(s)));
        };
        Ok((i18n::import_summary_shown(l, &summary), None))
    }
}

impl Screen for StandingsScreen {
    fn has_popup(&self) -> bool {
        self.popup.is_some()
    }

    fn mode(&self) -> Mode {
        match &self.popup {
            Some(Popup::Export(_) | Popup::Import(_)) => Mode::Text,
            Some(Popup::ConfirmPublish(_) | Popup::ConfirmDepart { .. }) => Mode::Confirm,
            None => Mode::Normal,
        }
    }

    fn typed(&mut self, key: &KeyEvent, _cx: &mut Cx) {
        if let Some(Popup::Export(t) | Popup::Import(t)) = &mut self.popup {
            t.typed(key);
        }
    }

    fn handle(&mut self, action: Action, cx: &mut Cx) {
        if let Some(p) = self.popup.take() {
            self.popup_action(p, action, cx);
            return;
        }
        let len = self.visible().len();
        if move_cursor(&mut self.cursor, len, action) {
            return;
        }
        if cx.gate && matches!(action, Action::Export | Action::Import) {
            let how = if action == Action::Export {
                i18n::GateText::ExportOverSsh
            } else {
                i18n::GateText::ImportOverSsh
            };
            cx.say(i18n::gate(cx.lang, &how));
            return;
        }
        match action {
            Action::TogglePeriod => {
                // The year of the term shown, or a term of the year shown.
                match self.period {
                    Some(Period::Term(t)) => self.chosen_year = Some(t.year),
                    Some(Period::Year(y)) if self.chosen_year.is_some() => {
                        self.chosen_term = self.terms.iter().rev().find(|t| t.year == y).copied();
                    }
                    _ => {}
                }
                self.year = !self.year;
                self.reload(cx);
            }
            Action::PrevPeriod | Action::NextPeriod => {
                let back = action == Action::PrevPeriod;
                let moved = match self.period {
                    Some(Period::Term(t)) => {
                        step(&self.terms, t, back).map(|t| self.chosen_term = Some(t))
                    }
                    Some(Period::Year(y)) => {
                        step(&self.years, y, back).map(|y| self.chosen_year = Some(y))
                    }
                    None => None,
                };
                if moved.is_some() {
                    self.reload(cx);
                }
            }
            Action::SortNext => {
                let shown = columns::screen();
                let at = shown.iter().position(|(c, _)| *c == self.sort).unwrap_or(0);
                if let Some((next, _)) = shown.get((at + 1) % shown.len()) {
                    self.sort = *next;
                }
                self.sort();
            }
            Action::Reverse => {
                self.reverse = !self.reverse;
                self.sort();
            }
            Action::Group => {
                let n = self.groups.len();
                self.group = match self.group {
                    None if n > 0 => Some(0),
                    Some(g) if g + 1 < n => Some(g + 1),
                    _ => None,
                };
                self.cursor = 0;
            }
            Action::Export | Action::Import if cx.gate => {
                let how = if action == Action::Export {
                    i18n::GateText::ExportOverSsh
                } else {
                    i18n::GateText::ImportOverSsh
                };
                cx.say(i18n::gate(cx.lang, &how));
            }
            // Nothing counted yet for the period: nothing to write.
            Action::Export if self.rows.is_empty() && self.counting() => {
                cx.fail_text(i18n::standings_live(cx.lang, i18n::StandingsLive::Counting).into());
            }
            Action::Export => {
                let name = match self.period {
                    Some(Period::Term(t)) => format!("standings-{t}.xlsx"),
                    Some(Period::Year(y)) => format!("standings-{}.xlsx", y.0),
                    None => "standings.xlsx".into(),
                };
                self.popup = Some(Popup::Export(TextBox::new(name)));
            }
            Action::Publish => match self.period {
                Some(Period::Term(t)) => self.popup = Some(Popup::ConfirmPublish(t)),
                _ => {
                    cx.status = Some(super::Status {
                        text: i18n::io_text(cx.lang, IoText::NoTerm).into(),
                        error: true,
                    })
                }
            },
            Action::Import => self.popup = Some(Popup::Import(TextBox::default())),
            Action::ChartView => {
                if let Err(e) = self.chart.toggle(cx.app, self.period) {
                    cx.fail(e);
                }
            }
            _ => {}
        }
    }

    fn load(&mut self, app: &App, now: NaiveDateTime, _lang: Lang) -> Result<(), AppError> {
        let today = now.date();
        let this_year = app.current_year(today)?;
        self.terms = app.terms()?.into_iter().map(|t| t.id).collect();
        self.terms.sort();
        self.years = self.terms.iter().map(|t| t.year).collect();
        self.years.push(this_year);
        self.years.sort();
        self.years.dedup();
        // A term or year chosen with `[`/`]` that is gone is forgotten.
        self.chosen_term = self.chosen_term.filter(|t| self.terms.contains(t));
        let period = if self.year {
            Period::Year(self.chosen_year.unwrap_or(this_year))
        } else {
            match self.chosen_term.or(app.current_term(today)?) {
                Some(t) => Period::Term(t),
                None => Period::Year(this_year),
            }
        };
        // Counted after the change that made the screen stale (ahead of
        // it being shown, at county scale) or now; shown from what is
        // counted, with a line saying so while newer figures are on their
        // way.
        self.live.want = Some(period);
        self.count(app, now.date(), false)?;
        // Counted at once (a school): shown now. A county's count is taken
        // by the event loop's next look (`poll`).
        if !self.live.job.as_ref().is_some_and(StandingsJob::running)
            && let Some(taken) = self.take()
        {
            taken?;
        }
        self.show();
        // The charts are live like the table: counted again with it.
        self.chart.reload(app, Some(period))
    }

    fn render(&self, v: &View, f: &mut Frame, area: Rect) {
        render(self, v, f, area);
        let l = v.lang;
        let submit = || v.keys.name(l, super::Tab::Standings, Action::Submit);
        match &self.popup {
            None => {}
            Some(Popup::Export(t)) => widgets::popup(
                f,
                f.area(),
                &i18n::key_hint(l, &KeyHint::ExportPrompt { submit: submit() }),
                vec![t.line()],
                3,
            ),
            Some(Popup::Import(t)) => widgets::popup(
                f,
                f.area(),
                &i18n::key_hint(l, &KeyHint::ImportPrompt { submit: submit() }),
                vec![t.line()],
                3,
            ),
            Some(Popup::ConfirmDepart { question, .. }) => widgets::popup(
                f,
                f.area(),
                i18n::io_text(l, IoText::DepartTitle),
                vec![
                    Line::from(question.clone()),
                    Line::from(v.keys.yes_no(l, super::Tab::Standings)),
                ],
                4,
            ),
            Some(Popup::ConfirmPublish(term)) => widgets::popup(
                f,
                f.area(),
                i18n::io_text(l, IoText::ConfirmPublish),
                vec![
                    Line::from(i18n::term_name(l, *term)),
                    Line::from(v.keys.yes_no(l, super::Tab::Standings)),
                ],
                4,
            ),
        }
    }
}

/// The one before or after `at` in `list` (in order), if there is one;
/// from a period not in the list, the nearest on that side.
fn step<T: Copy + Ord>(list: &[T], at: T, back: bool) -> Option<T> {
    if back {
        list.iter().rev().find(|x| **x < at).copied()
    } else {
        list.iter().find(|x| **x > at).copied()
    }
}

fn render(s: &StandingsScreen, v: &View, f: &mut Frame, area: Rect) {
    let l = v.lang;
    let shown = columns::screen();
    let headers: Vec<&str> = shown.iter().map(|(_, c)| c.header.get(l)).collect();
    let counting = s.counting();
    let period = s
        .period
        .map(|p| match p {
            // As schools name it: 2026-2027学年第一学期.
            Period::Term(t) => i18n::term_name(l, t),
            Period::Year(y) => format!("{} {}", i18n::ui(l, Ui::Year), y),
        })
        .unwrap_or_default();
    let group = s
        .group
        .and_then(|g| s.groups.get(g))
        .map(|g| i18n::shown(g).into_owned())
        .unwrap_or_else(|| i18n::ui(l, Ui::AllGroups).to_string());
    let published = match s.period {
        Some(Period::Term(_)) => format!("  [{}]", i18n::published_line(l, s.published.as_ref())),
        _ => String::new(),
    };
    let steps = i18n::key_hint(
        l,
        &KeyHint::PeriodSteps {
            prev: v
                .keys
                .name_in(l, super::Tab::Standings, Mode::Normal, Action::PrevPeriod),
            next: v
                .keys
                .name_in(l, super::Tab::Standings, Mode::Normal, Action::NextPeriod),
        },
    );
    let info = format!(
        "{period} ({steps})  [{group}]  {} {}{}{published}",
        i18n::ui(l, Ui::SortedBy),
        s.sort.header(l),
        if s.reverse { " ↓" } else { " ↑" },
    );
    let hints = i18n::key_hint(
        l,
        &KeyHint::PublishHint {
            export: v.keys.name(l, super::Tab::Standings, Action::Export),
            publish: v.keys.name(l, super::Tab::Standings, Action::Publish),
            import: v.keys.name(l, super::Tab::Standings, Action::Import),
        },
    );
    // The head line takes a second row, for the key hints, where it is
    // wider than the screen: they are never cut.
    let one = format!("{info}  {hints}");
    let (head_text, head_rows) = if one.as_str().width() > usize::from(area.width) {
        let info_rows = if info.as_str().width() > usize::from(area.width) {
            2
        } else {
            1
        };
        (vec![Line::from(info), Line::from(hints)], info_rows + 1)
    } else {
        (vec![Line::from(one)], 1)
    };
    let [head, note, rest, detail] = Layout::vertical([
        Constraint::Length(head_rows),
        Constraint::Length(u16::from(counting)),
        Constraint::Min(1),
        Constraint::Length(6),
    ])
    .areas(area);
    if counting {
        // Never figures older than a change without saying so.
        let what = match s.rows.is_empty() {
            true => i18n::StandingsLive::Counting,
            false => i18n::StandingsLive::Older,
        };
        f.render_widget(
            Paragraph::new(i18n::standings_live(l, what)).style(v.palette.hint()),
            note,
        );
    }
    f.render_widget(Paragraph::new(head_text).wrap(Wrap { trim: true }), head);
    if s.chart.shown {
        let [_, below] =
            Layout::vertical([Constraint::Length(head_rows), Constraint::Min(0)]).areas(area);
        let look = Look {
            lang: l,
            palette: v.palette,
        };
        let back = v.keys.name(l, super::Tab::Standings, Action::ChartView);
        s.chart.render(f, below, s.group_shown(), look, &back);
        return;
    }
    let visible = s.visible();
    if let Some(r) = visible.get(s.cursor) {
        // The verdict and its reasons first: wrapped, they are never cut.
        let mut lines = vec![crate::assessment_view::verdict(l, v.palette, r)];
        lines.extend(crate::assessment_view::lines(l, r));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), detail);
    }
    // Only the rows on screen are laid out (a county has 5,000): the window
    // ends at the cursor once it moves past the first screenful, as the
    // table itself would scroll.
    let height = usize::from(rest.height.saturating_sub(1)).max(1);
    let first = s.cursor.saturating_sub(height - 1);
    let visible: Vec<_> = visible.into_iter().skip(first).take(height).collect();
    let cells: Vec<Vec<String>> = visible
        .iter()
        .map(|r| shown.iter().map(|(_, c)| (c.cell)(r, l)).collect())
        .collect();
    let cells = widgets::shown_cells(cells);
    // Too wide for the terminal: the columns give way by priority (names
    // and figures never do), each down to its least width.
    let mut give_way: Vec<(u8, usize)> = shown
        .iter()
        .enumerate()
        .filter_map(|(i, (_, c))| c.give_way.map(|p| (p, i)))
        .collect();
    give_way.sort();
    let give_way: Vec<usize> = give_way.into_iter().map(|(_, i)| i).collect();
    let min_width: Vec<u16> = shown.iter().map(|(_, c)| c.min_width).collect();
    // No figure is ever cut: a column that does not fit whole is left out
    // (the detail below names the verdict and every reason).
    let (kept, widths) = widgets::fit_or_drop(&headers, &cells, rest.width, &give_way, &min_width);
    let headers: Vec<&str> = kept.iter().map(|i| headers[*i]).collect();
    let cells: Vec<Vec<String>> = cells
        .into_iter()
        .map(|c| {
            kept.iter()
                .map(|i| c.get(*i).cloned().unwrap_or_default())
                .collect()
        })
        .collect();
    let rows = cells.into_iter().zip(visible).map(|(c, r)| {
        let style = if !r.standing.qualified {
            v.palette.unqualified()
        } else if r.changed_since_published {
            v.palette.changed()
        } else if r.standing.warning {
            v.palette.warn()
        } else {
            Style::new()
        };
        Row::new(c).style(style)
    });
    let table = list_table(headers.clone(), rows, widths);
    f.render_stateful_widget(table, rest, &mut selected(s.cursor - first));
}
