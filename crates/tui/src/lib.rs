//! The terminal app: model / message / update / view. The event loop waits
//! for a key with a timeout; when none comes it asks the store for its
//! generation number (one small read) and redraws only if someone else
//! wrote. No busy loop, no store call in the drawing code.

pub mod action;
pub mod archive;
pub mod assessment_view;
pub mod calendar_form;
pub mod charts;
mod console;
pub mod keymap;
pub mod model;
pub mod palette;
pub mod phone;
pub mod screens;
pub mod view;
pub mod widgets;

use app::{self, App, i18n};
use crossterm::event::{self, Event, KeyEventKind};
use i18n::{Lang, Ui};
use model::{Message, Model};
use std::path::PathBuf;
use std::time::Duration;

/// How often the app checks whether another process changed the data.
const POLL: Duration = Duration::from_millis(500);
/// How often it looks for figures counted in the background (charts).
const BUSY_POLL: Duration = Duration::from_millis(30);

/// Opens the database (or, where there is none yet, the demo school) and
/// runs the app until the user quits.
/// `as_name` is the CLI's `--as`: the account acted as, checked exactly
/// as the command line checks it.
pub fn run(db: Option<PathBuf>, as_name: Option<&str>, lang: Lang) -> Result<String, String> {
    let (os_name, is_root) = app::os_account();
    let now = app::env::now();
    let err = |e: app::AppError| i18n::error(lang, &e);
    let path = db.unwrap_or_else(app::env::default_db);
    let mut opened_demo = false;
    let app = match App::open(&path, &os_name, as_name, is_root) {
        Ok(app) => app,
        Err(app::AppError::Store(app::StoreError::Missing(_))) => {
            // A new user sees the demo school at once, kept beside the default.
            let demo = path.with_file_name("demo.redb");
            opened_demo = true;
            match App::open(&demo, &os_name, as_name, is_root) {
                Ok(app) => app,
                Err(app::AppError::Store(app::StoreError::Missing(_))) => {
                    app::demo::demo(&demo, &os_name, now, Default::default(), &mut |_, _| {})
                        .map_err(err)?
                }
                Err(e) => return Err(err(e)),
            }
        }
        Err(e) => return Err(err(e)),
    };
    let (keys, key_error) = keymap::Keymap::load();
    let mut model = Model::new(app, lang, keys, Box::new(app::env::now));
    model.ahead_after = model::AHEAD_AFTER;
    model.demo = opened_demo;
    if let Some(e) = key_error {
        model.set_status(keymap::key_error(lang, &e), true);
    } else if opened_demo {
        model.set_status(i18n::ui(lang, Ui::DemoOpened), false);
    }
    show(model)
}

/// The terminal app through the SSH gate: as `account`, on `path`, at the
/// server's time; no demo school, and no files on the server.
pub fn run_gate(path: PathBuf, account: &str, lang: Lang) -> Result<String, String> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(i18n::gate(lang, &i18n::GateText::NoTerminal));
    }
    let app = App::open(&path, account, None, false).map_err(|e| i18n::error(lang, &e))?;
    let (keys, key_error) = keymap::Keymap::load();
    let clock = || chrono::Local::now().naive_local();
    let mut model = Model::new(app, lang, keys, Box::new(clock));
    model.ahead_after = model::AHEAD_AFTER;
    model.gate = true;
    if let Some(e) = key_error {
        model.set_status(keymap::key_error(lang, &e), true);
    }
    show(model)
}

fn show(mut model: Model) -> Result<String, String> {
    // ratatui::init installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut model);
    ratatui::restore();
    // Said on the status line when it happened; said again where it
    // stays, as the command line says it.
    if let Some(line) = model.upgrade_notice() {
        eprintln!("{line}");
    }
    result.map(|_| String::new()).map_err(|e| e.to_string())
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, model: &mut Model) -> std::io::Result<()> {
    let size = terminal.size()?;
    model.fit(size.width, size.height);
    terminal.draw(|f| view::view(model, f))?;
    while !model.quit {
        let busy = model.busy();
        let msg = if event::poll(if busy { BUSY_POLL } else { POLL })? {
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => Some(Message::Key(k)),
                Event::Resize(w, h) => {
                    model.fit(w, h);
                    None
                }
                _ => continue,
            }
        } else {
            Some(Message::Tick)
        };
        let before = model.generation;
        let tick = matches!(msg, Some(Message::Tick));
        if let Some(m) = msg {
            model.update(m);
        }
        // A tick that found nothing new changes nothing on screen; one
        // that brought counted figures does.
        if !tick || model.generation != before || busy != model.busy() {
            terminal.draw(|f| view::view(model, f))?;
        }
    }
    Ok(())
}
