//! The standings chart view's state: whether it is shown, the figures it
//! shows, and the figures being counted after a key or a change. A
//! county's figures are counted in a thread of their own (`ChartsJob`):
//! the view answers keys meanwhile, says it is counting, and keeps the
//! figures it had until the new ones arrive.

use super::{Look, standings};
use crate::i18n::{self, ChartText};
use app::charts::{ChartsJob, PeriodCharts};
use app::{App, AppError};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use rules::Period;

#[derive(Default)]
pub struct ChartView {
    /// The view is shown instead of the table.
    pub shown: bool,
    figures: Option<PeriodCharts>,
    job: Option<ChartsJob>,
    /// The store's generation the figures (or the job) were taken at.
    taken_at: Option<u64>,
}

impl ChartView {
    /// Shows or hides the view; shown, it counts the figures of `period`.
    pub fn toggle(&mut self, app: &App, period: Option<Period>) -> Result<(), AppError> {
        self.shown = !self.shown;
        match self.shown {
            true => self.reload(app, period),
            false => Ok(()),
        }
    }

    /// The data or the period changed: counted again while shown, else
    /// forgotten (counted when next shown).
    pub fn reload(&mut self, app: &App, period: Option<Period>) -> Result<(), AppError> {
        if !self.shown {
            self.figures = None;
            self.job = None;
            self.taken_at = None;
            return Ok(());
        }
        let Some(period) = period else {
            return Ok(());
        };
        // Shown again with nothing changed: the figures are still true.
        let generation = app.generation()?;
        let same = self
            .job
            .as_ref()
            .map(|j| j.period())
            .or(self.figures.as_ref().map(|f| f.period));
        if same == Some(period) && self.taken_at == Some(generation) {
            return Ok(());
        }
        self.taken_at = Some(generation);
        // Figures of another period are not shown while these are counted.
        if self.figures.as_ref().is_some_and(|f| f.period != period) {
            self.figures = None;
        }
        self.job = Some(app.start_period_charts(period)?);
        self.poll().unwrap_or(Ok(()))
    }

    /// Takes the figures once counted: `Some` when that changed the view.
    pub fn poll(&mut self) -> Option<Result<(), AppError>> {
        let result = self.job.as_mut()?.poll()?;
        self.job = None;
        Some(result.map(|f| self.figures = Some(f)))
    }

    /// Figures are being counted.
    pub fn counting(&self) -> bool {
        self.job.is_some()
    }

    /// The figures shown, once counted.
    pub fn figures(&self) -> Option<&PeriodCharts> {
        self.figures.as_ref()
    }

    /// Draws the view for the groups `group` lets through.
    pub fn render(&self, f: &mut Frame, area: Rect, group: Option<&str>, look: Look, back: &str) {
        let counting = Paragraph::new(i18n::chart_text(look.lang, ChartText::Counting))
            .style(look.palette.hint());
        match (&self.figures, self.counting()) {
            (None, _) => f.render_widget(counting, area),
            (Some(figures), false) => standings::render(f, area, figures, group, look, back),
            (Some(figures), true) => {
                // The figures before the change, and a line saying that
                // new ones are on their way.
                let [top, rest] =
                    Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
                f.render_widget(counting, top);
                standings::render(f, rest, figures, group, look, back);
            }
        }
    }
}
