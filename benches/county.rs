//! Benchmarks at county scale (issue 9): 5,000 teachers, 5 academic years.
//! Run by hand, never in CI: `cargo bench --bench county`. Results and what
//! dominates each cost: docs/benchmarks.md.
//!
//! The data is made once with `peixun demo` (timed as a whole process) and
//! kept in `target/bench-data/` (or `$PEIXUN_BENCH_DIR`). Every figure is
//! printed as median and p99 (or min, where the runs are few) in ms.

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use peixun::app::App;
use peixun::app::roll::Call;
use peixun::core::{
    Audience, Cover, Credits, Leave, LeaveId, LeaveKind, LeaveStatus, Outcome, Policy, RollFacts,
    RollState, Session, SessionId, SessionKind, Tally, Teacher, TeacherId, outcome,
};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::{Message, Model};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TEACHERS: usize = 5000;
const YEARS: u32 = 5;
const BIN: &str = env!("CARGO_BIN_EXE_peixun");

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    // `cargo bench` passes `--bench`; a name filter picks parts.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let want = |name: &str| only.is_empty() || only.iter().any(|o| name.contains(o.as_str()));
    let dir = std::env::var_os("PEIXUN_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data"));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("county.redb");
    println!("machine: {} cores; data in {}", cores(), dir.display());
    if !db.exists() {
        demo(&db)?;
    }
    let year = 2025; // a whole academic year of the demo, all rolls closed
    if want("mark") {
        mark(&dir, &db)?;
    }
    if want("lookup") {
        for q in ["王伟", "wwm", "T2345"] {
            whole(
                "lookup",
                &[BIN, "--db", path(&db)?, "lookup", q, "--json"],
                200,
            )?;
        }
    }
    if want("standings") {
        let y = year.to_string();
        let args = [BIN, "--db", path(&db)?, "standings", "--year", &y, "--json"];
        whole("standings --year --json", &args, 50)?;
    }
    if want("scoring") {
        scoring();
    }
    if want("charts") {
        charts(&db, year)?;
    }
    if want("tui") {
        tui(&db)?;
    }
    if want("assess20") {
        assess20(&dir, &db)?;
    }
    Ok(())
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn path(p: &Path) -> Result<&str, Error> {
    p.to_str().ok_or_else(|| "bench path is not UTF-8".into())
}

/// Median and 99th percentile of `samples`, in ms.
fn report(what: &str, mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |q: f64| ms(samples[((samples.len() - 1) as f64 * q).round() as usize]);
    let (med, p99) = (at(0.5), at(0.99));
    println!(
        "{what:<44} median {med:>8.3} ms  p99 {p99:>8.3} ms  min {:>8.3} ms  (n={})",
        ms(samples[0]),
        samples.len()
    );
    (med, p99)
}

/// `peixun demo` at county scale, as a whole process.
fn demo(db: &Path) -> Result<(), Error> {
    let t = Instant::now();
    let out = Command::new(BIN)
        .args([
            "demo",
            "--db",
            path(db)?,
            "--teachers",
            &TEACHERS.to_string(),
        ])
        .args(["--years", &YEARS.to_string()])
        .env("PEIXUN_NOW", "2026-11-26T08:00")
        .output()?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into());
    }
    let size = std::fs::metadata(db)?.len();
    println!(
        "demo {TEACHERS} teachers x {YEARS} years: {:.1} s, file {:.0} MiB",
        t.elapsed().as_secs_f64(),
        size as f64 / (1 << 20) as f64
    );
    Ok(())
}

/// One roll-call mark through the app layer, from the command to the
/// durable commit, beside a bare 4 KiB write + fsync on the same disk.
fn mark(dir: &Path, db: &Path) -> Result<(), Error> {
    const N: usize = 300;
    // The floor: what any durable write costs on this disk.
    let floor_path = dir.join("floor.bin");
    let mut f = std::fs::File::create(&floor_path)?;
    let page = [7u8; 4096];
    let mut floor = Vec::with_capacity(N);
    for _ in 0..N {
        let t = Instant::now();
        f.write_all(&page)?;
        f.sync_all()?;
        floor.push(t.elapsed());
    }
    drop(f);
    std::fs::remove_file(&floor_path)?;
    // A copy, so that the marks do not change the data other parts read.
    let copy = dir.join("mark.redb");
    std::fs::copy(db, &copy)?;
    let now = NaiveDate::from_ymd_opt(2026, 11, 26)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .ok_or("bad date")?;
    // The demo's staff account is the user who made it.
    let (name, root) = peixun::app::os_account();
    let mut app = App::open(&copy, &name, None, root)?;
    // The next session to come; every teacher is still to be marked.
    let session = app
        .sessions()?
        .into_iter()
        .find(|r| r.state == RollState::NotStarted && r.session.date > now.date())
        .ok_or("no session to come in the demo")?
        .session
        .id;
    app.start_call(session, Call::First, now)?;
    let teachers = app.teachers()?;
    let mut marks = Vec::with_capacity(N);
    for t in teachers.iter().take(N) {
        let start = Instant::now();
        app.answer(session, Call::First, std::slice::from_ref(&t.id), now)?;
        marks.push(start.elapsed());
    }
    drop(app);
    // What redb itself needs for the smallest durable change to this file in
    // the mode several processes need (MultiWriter: two-phase commit, two
    // fsyncs, and the allocator state saved with every commit).
    let scratch: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("bench_scratch");
    let mut bare = Vec::with_capacity(N);
    {
        let mut b = redb::Builder::new();
        b.set_concurrency_mode(redb::ConcurrencyMode::MultiWriter);
        let rdb = b.open(&copy)?;
        for i in 0..N as u64 {
            let t = Instant::now();
            let txn = rdb.begin_write()?;
            txn.open_table(scratch)?.insert(i, [1u8; 100].as_slice())?;
            txn.commit()?;
            bare.push(t.elapsed());
        }
    }
    std::fs::remove_file(&copy)?;
    let (floor_med, floor_p99) = report("floor: 4 KiB write + fsync", floor);
    let (bare_med, _) = report("bare redb MultiWriter commit, one insert", bare);
    let (med, p99) = report("roll-call mark, command to durable commit", marks);
    println!(
        "{:<44} median {:.2}x  p99 {:.2}x  (bare commit / floor: {:.2}x)",
        "mark / floor",
        med / floor_med,
        p99 / floor_p99,
        bare_med / floor_med
    );
    Ok(())
}

/// A command as a whole process, `runs` times after a few warm-up runs.
fn whole(what: &str, args: &[&str], runs: usize) -> Result<(), Error> {
    let run = || -> Result<Duration, Error> {
        let t = Instant::now();
        let out = Command::new(args[0]).args(&args[1..]).output()?;
        let d = t.elapsed();
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into());
        }
        Ok(d)
    };
    for _ in 0..3 {
        run()?;
    }
    let samples = (0..runs).map(|_| run()).collect::<Result<Vec<_>, _>>()?;
    report(&format!("{what} {}", args[4..].join(" ")), samples);
    Ok(())
}

/// The scoring module alone: outcome + tally for two million facts on one
/// core, the work of a full recount.
fn scoring() {
    const FACTS: usize = 2_000_000;
    let day = NaiveDate::from_ymd_opt(2025, 10, 8).unwrap_or_default();
    let session = |i: u32| Session {
        id: SessionId(i),
        date: day,
        start: chrono::NaiveTime::from_hms_opt(15, 30, 0).unwrap_or_default(),
        end: chrono::NaiveTime::from_hms_opt(17, 30, 0).unwrap_or_default(),
        title: String::new(),
        kind: SessionKind::SchoolTraining,
        credits: Credits::whole(1),
        presenter: None,
        host: None,
        recorder: None,
        audience: Audience::Everyone,
    };
    let sessions: Vec<Session> = (0..400).map(session).collect();
    let teacher = Teacher {
        id: TeacherId("T0001".into()),
        name: "王伟".into(),
        group: "语文".into(),
        grade: None,
        active_from: None,
        active_to: None,
        from_time: None,
        past_groups: Vec::new(),
    };
    let leave = Leave {
        id: LeaveId(1),
        teacher: teacher.id.clone(),
        kind: LeaveKind::Sick,
        cover: Cover::Sessions(vec![SessionId(3)]),
        reason: String::new(),
        evidence: Default::default(),
        emergency: false,
        status: LeaveStatus::Approved,
        requested_by: String::new(),
        requested_at: NaiveDateTime::default(),
        decided_by: None,
        decided_at: None,
        comment: String::new(),
    };
    let leaves = [leave];
    // The demo's mix: most present, some late, early, absent, on leave.
    let facts: Vec<Option<RollFacts>> = (0..1000u32)
        .map(|i| match i % 100 {
            0..=86 => Some(RollFacts {
                first_call: true,
                ..Default::default()
            }),
            87..=90 => Some(RollFacts {
                second_call: true,
                ..Default::default()
            }),
            91..=93 => Some(RollFacts {
                arrived: chrono::NaiveTime::from_hms_opt(15, 50, 0),
                ..Default::default()
            }),
            94..=95 => Some(RollFacts {
                first_call: true,
                left_early: chrono::NaiveTime::from_hms_opt(17, 0, 0),
                ..Default::default()
            }),
            _ => None,
        })
        .collect();
    let policy = Policy::default();
    let mut best = f64::MAX;
    let mut check = Tally::default();
    for _ in 0..5 {
        let t = Instant::now();
        let mut tally = Tally::default();
        for i in 0..FACTS {
            let s = &sessions[i % sessions.len()];
            let o: Outcome = outcome(
                s,
                RollState::Closed,
                None,
                &teacher,
                facts[i % facts.len()].as_ref(),
                &leaves,
            );
            tally.add(&policy, o, s.credits);
        }
        best = best.min(t.elapsed().as_secs_f64());
        check = std::hint::black_box(tally);
    }
    let counted = check.required;
    println!(
        "{:<44} {:.1} million facts/s on one core (best of 5; {counted} counted)",
        "scoring module: outcome + tally",
        FACTS as f64 / best / 1e6
    );
}

fn key(c: KeyCode) -> Message {
    Message::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// The terminal app's model and view on a test backend the size of a
/// laptop terminal: start to first frame, and key press to finished frame
/// on the standings of 5,000 teachers. Memory and idle CPU of the real
/// program are measured in a pseudo-terminal (`tui_process`).
fn tui(db: &Path) -> Result<(), Error> {
    let now = NaiveDate::from_ymd_opt(2026, 11, 26)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .ok_or("bad date")?;
    let mut firsts = Vec::new();
    let mut opens = Vec::new();
    let mut keys = Vec::new();
    let mut periods = Vec::new();
    let mut rolls = Vec::new();
    let mut counted = Vec::new();
    let frame = |model: &mut Model, term: &mut Terminal<TestBackend>, c: KeyCode| {
        let t = Instant::now();
        model.update(key(c));
        term.draw(|f| peixun::tui::view::view(model, f))
            .map(|_| t.elapsed())
    };
    for _ in 0..10 {
        let t = Instant::now();
        let (name, root) = peixun::app::os_account();
        let app = App::open(db, &name, None, root)?;
        let mut model = Model::new(app, Lang::Zh, Keymap::default(), Box::new(move || now));
        let mut term = Terminal::new(TestBackend::new(120, 40))?;
        term.draw(|f| peixun::tui::view::view(&model, f))?;
        firsts.push(t.elapsed());
        // The roll screen: moving, the help, the closing question (none
        // of them writes).
        for c in [KeyCode::Down, KeyCode::Down, KeyCode::PageDown, KeyCode::Up] {
            rolls.push(frame(&mut model, &mut term, c)?);
        }
        for c in ['?', 'j', 'j'] {
            rolls.push(frame(&mut model, &mut term, KeyCode::Char(c))?);
        }
        rolls.push(frame(&mut model, &mut term, KeyCode::Esc)?);
        // The standings were counted in a thread of their own since the
        // app opened: showing them draws what is counted, or says that
        // they are being counted; then the figures once they are drawn.
        let t = Instant::now();
        opens.push(frame(&mut model, &mut term, KeyCode::Char('3'))?);
        while model.busy() {
            std::thread::sleep(Duration::from_millis(1));
            model.update(Message::Tick);
        }
        term.draw(|f| peixun::tui::view::view(&model, f))?;
        counted.push(t.elapsed());
        for c in ['o', 'o', 'R', 'v', 'v', 'o'] {
            keys.push(frame(&mut model, &mut term, KeyCode::Char(c))?);
        }
        for _ in 0..20 {
            keys.push(frame(&mut model, &mut term, KeyCode::Down)?);
        }
        // Term ↔ year: both periods were counted together; a switch picks.
        for _ in 0..2 {
            periods.push(frame(&mut model, &mut term, KeyCode::Char('t'))?);
        }
    }
    report("tui: open to first frame (in process)", firsts);
    report("tui: key to frame, sort/filter/move (5,000)", keys);
    report("tui: key to frame, roll screen move/help", rolls);
    report("tui: key to frame, show standings", opens);
    report("tui: show standings, key to figures drawn", counted);
    report("tui: key to frame, term <-> year", periods);
    tui_charts(db, now)?;
    tui_marks(db)?;
    tui_process(db)
}

/// A roll call in the terminal app on a copy of the county file: `Space`
/// marks the teacher under the cursor present (a durable commit), the
/// roll screen is read again from one snapshot, and the standings are
/// counted again in a thread of their own; key to finished frame. Then
/// the standings shown after those marks: key to frame (the figures
/// before the marks, said to be), key to the new figures drawn, and
/// term <-> year.
fn tui_marks(db: &Path) -> Result<(), Error> {
    let copy = db.with_file_name("tui-marks.redb");
    std::fs::copy(db, &copy)?;
    let result = tui_marks_on(&copy);
    std::fs::remove_file(&copy)?;
    result
}

fn tui_marks_on(copy: &Path) -> Result<(), Error> {
    let (name, root) = peixun::app::os_account();
    let mut app = App::open(copy, &name, None, root)?;
    // The first session not yet called, its first call started: the roll
    // screen shows it on its day, every teacher still to be marked.
    let rec = app
        .sessions()?
        .into_iter()
        .find(|r| r.state == RollState::NotStarted)
        .ok_or("no session to come in the demo")?;
    let now = rec.session.date.and_time(rec.session.start);
    app.start_call(rec.session.id, Call::First, now)?;
    let mut model = Model::new(app, Lang::Zh, Keymap::default(), Box::new(move || now));
    // As the program runs: the standings are counted once the marks pause.
    model.ahead_after = peixun::tui::model::AHEAD_AFTER;
    let mut term = Terminal::new(TestBackend::new(120, 40))?;
    let mut frame = |model: &mut Model, c: KeyCode| -> Result<Duration, Error> {
        let t = Instant::now();
        model.update(key(c));
        term.draw(|f| peixun::tui::view::view(model, f))?;
        Ok(t.elapsed())
    };
    // `f` walks the call under way (calling mode, nothing asked).
    frame(&mut model, KeyCode::Char('f'))?;
    let (mut marks, mut calling, mut shows, mut periods) = (vec![], vec![], vec![], vec![]);
    let mut counted = Vec::new();
    for round in 0..10 {
        for _ in 0..5 {
            marks.push(frame(&mut model, KeyCode::Char(' '))?);
        }
        for c in [KeyCode::Down, KeyCode::Up, KeyCode::Char('?'), KeyCode::Esc] {
            calling.push(frame(&mut model, c)?);
        }
        // Half the rounds show the standings at once (still counting),
        // half after the count is done.
        if round % 2 == 1 {
            while model.busy() {
                std::thread::sleep(Duration::from_millis(1));
                model.update(Message::Tick);
            }
        }
        let t = Instant::now();
        shows.push(frame(&mut model, KeyCode::Char('3'))?);
        while model.busy() {
            std::thread::sleep(Duration::from_millis(1));
            model.update(Message::Tick);
        }
        counted.push(t.elapsed());
        for _ in 0..2 {
            periods.push(frame(&mut model, KeyCode::Char('t'))?);
        }
        frame(&mut model, KeyCode::Char('1'))?;
        frame(&mut model, KeyCode::Char('f'))?;
    }
    let v = model.app.roll_view(rec.session.id)?;
    let marked = v
        .lines
        .iter()
        .filter(|l| l.outcome.category != peixun::core::Category::Pending)
        .count();
    println!("tui roll call: {marked} of {} marked", v.lines.len());
    report("tui roll call: Space (mark) to frame", marks);
    report("tui roll call: move/help in calling mode", calling);
    report("tui after marks: key to frame, show standings", shows);
    report("tui after marks: show standings to figures", counted);
    report("tui after marks: key to frame, term <-> year", periods);
    Ok(())
}

/// The real program in tmux: peak memory after opening the standings, and
/// CPU time used while idle for five seconds.
fn tui_process(db: &Path) -> Result<(), Error> {
    let tmux = |args: &[&str]| Command::new("tmux").args(args).output();
    let session = "peixun-bench";
    let cmd = format!("{BIN} --db {}", path(db)?);
    let started = Instant::now();
    match tmux(&[
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "120",
        "-y",
        "40",
        &cmd,
    ]) {
        Ok(o) if o.status.success() => {}
        _ => {
            println!("tui process: tmux unavailable, skipped");
            return Ok(());
        }
    }
    let pane = || -> String {
        tmux(&["capture-pane", "-p", "-t", session])
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    let wait = |text: &str| -> Option<Duration> {
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(10) {
            if pane().contains(text) {
                return Some(started.elapsed());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        None
    };
    let first = wait("点名");
    let pid: String = tmux(&["display-message", "-p", "-t", session, "#{pane_pid}"])
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    tmux(&["send-keys", "-t", session, "3"])?;
    wait("考核");
    std::thread::sleep(Duration::from_millis(500));
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: ?");
    let cpu = || -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let rest = stat.rsplit(')').next()?;
        let f: Vec<&str> = rest.split_whitespace().collect();
        Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
    };
    let before = cpu();
    std::thread::sleep(Duration::from_secs(5));
    let after = cpu();
    tmux(&["send-keys", "-t", session, "q"])?;
    std::thread::sleep(Duration::from_millis(300));
    let _ = tmux(&["kill-session", "-t", session]);
    if let Some(d) = first {
        println!(
            "{:<44} {:.1} ms (upper bound: tmux is polled every 2 ms)",
            "tui process: start to first frame in tmux",
            d.as_secs_f64() * 1e3
        );
    }
    println!("{:<44} {}", "tui process: peak memory", peak.trim());
    match (before, after) {
        (Some(b), Some(a)) => println!(
            "{:<44} {} ticks of 10 ms in 5 s",
            "tui process: CPU while idle",
            a.saturating_sub(b)
        ),
        _ => println!("tui process: CPU while idle not readable"),
    }
    Ok(())
}

/// The chart figures of a term and a year of 5,000 teachers (one snapshot:
/// every session's facts and leave, each outcome through the scoring
/// module), a teacher's pictures, and drawing the chart view from figures
/// already read, on a test backend of 120×40.
fn charts(db: &Path, year: i32) -> Result<(), Error> {
    use peixun::core::{AcademicYear, Period, Season, TermId};
    use peixun::tui::charts::{Look, standings};
    let (name, root) = peixun::app::os_account();
    let app = App::open(db, &name, None, root)?;
    let term = Period::Term(TermId {
        year: AcademicYear(year),
        season: Season::Autumn,
    });
    let whole = Period::Year(AcademicYear(year));
    let mut terms = Vec::new();
    let mut years = Vec::new();
    let mut figures = None;
    for _ in 0..10 {
        let t = Instant::now();
        figures = Some(app.period_charts(term)?);
        terms.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(app.period_charts(whole)?);
        years.push(t.elapsed());
    }
    let figures = figures.ok_or("no figures")?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).ok_or("bad date")?;
    let mut teachers = Vec::new();
    for i in 0..50 {
        let id = TeacherId(format!("T{:04}", 1 + i * 97));
        let t = Instant::now();
        std::hint::black_box(app.teacher_charts(&id, term, today)?);
        teachers.push(t.elapsed());
    }
    let mut draws = Vec::new();
    let mut term_ui = Terminal::new(TestBackend::new(120, 40))?;
    let groups: Vec<Option<String>> = std::iter::once(None)
        .chain(figures.groups.iter().map(|g| Some(g.group.clone())))
        .collect();
    let look = Look {
        lang: Lang::Zh,
        palette: peixun::tui::palette::Palette::colour(),
    };
    for _ in 0..5 {
        for g in &groups {
            let t = Instant::now();
            term_ui.draw(|f| standings::render(f, f.area(), &figures, g.as_deref(), look, "g"))?;
            draws.push(t.elapsed());
        }
    }
    println!(
        "charts: {} groups, {} sessions in the term",
        figures.groups.len(),
        figures.sessions.len()
    );
    report("charts: figures of a term (5,000)", terms);
    report("charts: figures of a year (5,000)", years);
    report("charts: one teacher's pictures", teachers);
    report("charts: draw the chart view (figures read)", draws);
    Ok(())
}

/// The standings chart view (`g`) on 5,000 teachers, in process on a test
/// backend of 120×40: the key to the frame that shows the view (the
/// figures are counted in a thread of their own meanwhile), the time until
/// the counted figures are drawn, and keys in the view (the group filter,
/// and `g` off and on again with nothing changed).
fn tui_charts(db: &Path, now: NaiveDateTime) -> Result<(), Error> {
    let mut shows = Vec::new();
    let mut ready = Vec::new();
    let mut keys = Vec::new();
    let mut toggles = Vec::new();
    for _ in 0..5 {
        let (name, root) = peixun::app::os_account();
        let app = App::open(db, &name, None, root)?;
        let mut model = Model::new(app, Lang::Zh, Keymap::default(), Box::new(move || now));
        let mut term = Terminal::new(TestBackend::new(120, 40))?;
        let draw = |model: &Model, term: &mut Terminal<TestBackend>| {
            term.draw(|f| peixun::tui::view::view(model, f)).map(|_| ())
        };
        model.update(key(KeyCode::Char('3')));
        draw(&model, &mut term)?;
        let t = Instant::now();
        model.update(key(KeyCode::Char('g')));
        draw(&model, &mut term)?;
        shows.push(t.elapsed());
        // What the event loop does while figures are counted: look every
        // few milliseconds, draw once they are there.
        while model.busy() {
            std::thread::sleep(Duration::from_millis(1));
            model.update(Message::Tick);
        }
        draw(&model, &mut term)?;
        ready.push(t.elapsed());
        for _ in 0..15 {
            let t = Instant::now();
            model.update(key(KeyCode::Char('v')));
            draw(&model, &mut term)?;
            keys.push(t.elapsed());
        }
        for _ in 0..3 {
            for _ in 0..2 {
                let t = Instant::now();
                model.update(key(KeyCode::Char('g')));
                draw(&model, &mut term)?;
                toggles.push(t.elapsed());
            }
        }
    }
    report("tui charts: g to frame (counting shown)", shows);
    report("tui charts: g to figures drawn", ready);
    report("tui charts: key to frame, group filter", keys);
    report("tui charts: key to frame, g off/on again", toggles);
    Ok(())
}

/// Issue 20 (the year's assessment to its end), as whole processes on a
/// copy of the county file (the shared file keeps its schema): the first
/// write, which upgrades the copy and builds the credit-card index; the
/// year's standings with the assessment (JSON and the Chinese table, whose
/// columns now carry notes, archive, deductions, credits in review and the
/// warning); the year closed and its standings compared with the closing;
/// and one credit registration (`credit add`, card number checked against
/// the index), each with a card of its own.
fn assess20(dir: &Path, db: &Path) -> Result<(), Error> {
    const NOW: &str = "2026-11-26T16:00";
    let copy = dir.join("assess20-copy.redb");
    std::fs::copy(db, &copy)?;
    let p = path(&copy)?;
    let run = |args: &[&str]| -> Result<Duration, Error> {
        let t = Instant::now();
        let out = Command::new(BIN)
            .args(["--db", p])
            .args(args)
            .env("PEIXUN_NOW", NOW)
            .output()?;
        let d = t.elapsed();
        if !out.status.success() {
            return Err(format!("{args:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        Ok(d)
    };
    let times = |what: &str, args: &[&str], runs: usize| -> Result<(), Error> {
        for _ in 0..2 {
            run(args)?;
        }
        let samples = (0..runs)
            .map(|_| run(args))
            .collect::<Result<Vec<_>, _>>()?;
        report(what, samples);
        Ok(())
    };
    let first = run(&["account", "set", "bench20", "--roles", "leader"])?;
    println!(
        "{:<44} {:>8.0} ms (schema {})",
        "first write: upgrade, card index built",
        first.as_secs_f64() * 1e3,
        peixun::store::SCHEMA_VERSION
    );
    {
        let (name, root) = peixun::app::os_account();
        let app = App::open(&copy, &name, None, root)?;
        let n = app
            .credits(peixun::app::credits::CreditFilter::All, None)?
            .len();
        println!("credit entries in the file: {n}");
    }
    times(
        "assess20 standings --year 2025 --json",
        &["standings", "--year", "2025", "--json"],
        20,
    )?;
    times(
        "assess20 standings --year 2025 (table)",
        &["standings", "--year", "2025"],
        20,
    )?;
    let close = run(&["assess", "close", "2025"])?;
    println!(
        "{:<44} {:>8.0} ms",
        "assess close 2025 (once)",
        close.as_secs_f64() * 1e3
    );
    times(
        "assess20 standings --year 2025 --json, closed",
        &["standings", "--year", "2025", "--json"],
        20,
    )?;
    const N: usize = 30;
    let mut adds = Vec::with_capacity(N);
    for i in 0..N {
        let teacher = format!("T{:04}", 1 + i * 97);
        let card = format!("BENCH20-{i}");
        adds.push(run(&[
            "credit",
            "add",
            &teacher,
            "--year",
            "2026",
            "--date",
            "2026-11-20",
            "--title",
            "县级培训",
            "--credits",
            "2",
            "--card",
            &card,
        ])?);
    }
    report("assess20 credit add (whole process)", adds);
    std::fs::remove_file(&copy)?;
    Ok(())
}
