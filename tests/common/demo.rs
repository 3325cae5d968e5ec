//! A demo school for tests that drive the app directly: made in a
//! temporary file, with a few lookups into what the demo generated.

use chrono::{NaiveDate, NaiveDateTime};
use peixun::app::App;
use peixun::app::demo::{DemoOptions, demo};
use peixun::core::{Category, RollState, SessionId, TeacherId};
use std::path::Path;

/// A small demo: `teachers` teachers, one year, seed 7.
pub fn small(teachers: usize) -> DemoOptions {
    DemoOptions {
        teachers,
        years: 1,
        seed: 7,
    }
}

/// A demo school made at `now` in the file `path`, opened as "tester" the
/// way the program opens it (with every staff role the demo gives it).
pub fn demo_school(path: &Path, opts: DemoOptions, now: NaiveDateTime) -> App {
    let made = demo(path, "tester", now, opts, &mut |_, _| {}).expect("demo school");
    drop(made);
    App::open(path, "tester", None, false).expect("open the demo school")
}

/// A teacher marked present at a closed session held on or after `since`,
/// with that session.
pub fn present_at_closed(app: &App, since: NaiveDate) -> (SessionId, TeacherId) {
    app.sessions()
        .expect("sessions")
        .into_iter()
        .filter(|s| s.state == RollState::Closed && s.session.date >= since)
        .find_map(|s| {
            let v = app.roll_view(s.session.id).expect("roll view");
            v.lines
                .iter()
                .find(|l| l.outcome.category == Category::Present)
                .map(|l| (s.session.id, l.teacher.id.clone()))
        })
        .expect("a present teacher at a closed session")
}
