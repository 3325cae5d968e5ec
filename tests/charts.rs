//! The chart components drawn on a test backend from figures made here,
//! in both languages, at 80×24 and 160×48, compared with insta snapshots;
//! and what they say when the terminal is too small.

use chrono::{Duration, NaiveDate};
use insta::assert_snapshot;
use peixun::app::charts::{
    GroupFigures, PeriodCharts, RollCounts, SessionPoint, StripCell, TeacherCharts,
};
use peixun::core::{
    AcademicYear, Category, Credits, Outcome, Period, RollState, Season, SessionId, Tally,
    TeacherId, TermId,
};
use peixun::i18n::Lang;
use peixun::tui::charts::{Look, roll_gauge, standings, teacher};
use peixun::tui::palette::Palette;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn look(lang: Lang) -> Look {
    Look {
        lang,
        palette: Palette::colour(),
    }
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

fn term() -> Period {
    Period::Term(TermId {
        year: AcademicYear(2025),
        season: Season::Autumn,
    })
}

/// A tally of `required` sessions: so many late and absent, one on leave
/// every ten, the rest present.
fn tally(required: u32, late: u32, absent: u32) -> Tally {
    let leave = required / 10;
    Tally {
        present: required - late - absent - leave,
        late,
        absent,
        personal_leave: leave,
        required,
        ..Default::default()
    }
}

const GROUPS: [&str; 10] = [
    "语文",
    "数学",
    "英语",
    "物理",
    "化学",
    "生物",
    "历史",
    "地理",
    "体育与健康",
    "音乐",
];

/// Ten groups over a term of 30 sessions, attendance dipping after the
/// midterm (sessions 16–20), the last 4 sessions still to come.
fn period() -> PeriodCharts {
    let first = NaiveDate::from_ymd_opt(2025, 9, 3).expect("date");
    let sessions: Vec<SessionPoint> = (0..30u32)
        .map(|i| {
            let held = i < 26;
            let dip = (16..=20).contains(&i);
            let by_group = (0..GROUPS.len() as u32)
                .map(|g| {
                    if !held {
                        return Tally::default();
                    }
                    let n = 6 + g;
                    let absent = u32::from(dip) * (1 + g % 3) + u32::from((i + g) % 9 == 0);
                    let late = u32::from((i * 7 + g) % 5 == 0);
                    tally(n, late.min(n - absent), absent)
                })
                .collect();
            SessionPoint {
                id: SessionId(i + 1),
                date: first + Duration::days(i64::from(i / 2 * 7 + i % 2)),
                state: if held {
                    RollState::Closed
                } else {
                    RollState::NotStarted
                },
                by_group,
            }
        })
        .collect();
    let groups = GROUPS
        .iter()
        .enumerate()
        .map(|(g, name)| {
            let mut t = Tally::default();
            for s in &sessions {
                t.merge(&s.by_group[g]);
            }
            GroupFigures {
                group: name.to_string(),
                teachers: 6 + g as u32,
                tally: t,
            }
        })
        .collect();
    PeriodCharts {
        period: term(),
        groups,
        sessions,
    }
}

/// A teacher with two unexcused absences of three, 27.5 of 40 credits,
/// and every category somewhere in the strip.
fn teacher_charts(sessions: usize) -> TeacherCharts {
    let first = NaiveDate::from_ymd_opt(2025, 9, 3).expect("date");
    let cycle = [
        Category::Present,
        Category::Present,
        Category::Late,
        Category::Present,
        Category::EarlyLeave,
        Category::Present,
        Category::Absent,
        Category::OfficialLeave,
        Category::Present,
        Category::PersonalLeave,
        Category::SickLeave,
        Category::NotRequired,
    ];
    let strip = (0..sessions)
        .map(|i| {
            let category = if i + 4 >= sessions {
                Category::Pending
            } else {
                cycle[i % cycle.len()]
            };
            StripCell {
                session: SessionId(i as u32 + 1),
                date: first + Duration::days(i as i64 * 7),
                outcome: Outcome {
                    category,
                    also_left_early: i == 14,
                },
            }
        })
        .collect();
    TeacherCharts {
        teacher: TeacherId("T0007".into()),
        period: term(),
        strip,
        credits: Credits(275),
        credits_required: Credits::whole(40),
        absences: 2,
        limit: 3,
    }
}

fn roll() -> RollCounts {
    RollCounts {
        present: 40,
        on_leave: 3,
        late: 2,
        missing: 15,
        closed: false,
    }
}

/// Draws into a `w`×`h` terminal and returns the lines of `area` as the
/// user reads them (a wide character's second cell skipped).
fn draw(
    w: u16,
    h: u16,
    area: impl Fn(Rect) -> Rect,
    render: impl Fn(&mut ratatui::Frame, Rect),
) -> (String, ratatui::buffer::Buffer) {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let mut drawn = Rect::default();
    t.draw(|f| {
        drawn = area(f.area());
        render(f, drawn);
    })
    .expect("draw");
    let b = t.backend().buffer().clone();
    let lines: Vec<String> = (drawn.y..drawn.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = drawn.x;
            while x < drawn.right() {
                let sym = b[(x, y)].symbol();
                line.push_str(sym);
                x += sym.width().max(1) as u16;
            }
            line.trim_end().to_string()
        })
        .collect();
    (lines.join("\n"), b)
}

fn rows(n: u16) -> impl Fn(Rect) -> Rect {
    move |a| Rect { height: n, ..a }
}

#[test]
fn standings_chart_snapshots() {
    let charts = period();
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in SIZES {
            let (text, _) = draw(
                w,
                h,
                |a| a,
                |f, a| standings::render(f, a, &charts, None, look(lang), "g"),
            );
            assert_snapshot!(format!("standings_{}_{w}x{h}", lang_name(lang)), text);
        }
    }
}

#[test]
fn standings_chart_follows_the_group_filter() {
    let charts = period();
    for lang in [Lang::Zh, Lang::En] {
        let (text, _) = draw(
            80,
            24,
            |a| a,
            |f, a| standings::render(f, a, &charts, Some("物理"), look(lang), "g"),
        );
        assert_snapshot!(format!("standings_physics_{}_80x24", lang_name(lang)), text);
        assert!(!text.contains("语文"), "{text}");
    }
}

#[test]
fn teacher_pictures_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in SIZES {
            // A term's sessions at 160 columns; more than 80 columns hold at 80.
            let c = teacher_charts(if w == 80 { 40 } else { 38 });
            let (text, _) = draw(w, h, rows(teacher::HEIGHT + 1), |f, a| {
                teacher::render(f, a, &c, look(lang))
            });
            assert_snapshot!(format!("teacher_{}_{w}x{h}", lang_name(lang)), text);
        }
    }
}

#[test]
fn roll_gauge_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in SIZES {
            let (text, _) = draw(w, h, rows(2), |f, a| {
                roll_gauge::render(f, a, &roll(), look(lang))
            });
            assert_snapshot!(format!("roll_gauge_{}_{w}x{h}", lang_name(lang)), text);
        }
    }
}

/// On one line the bar goes beside the legend; after closing, those still
/// missing are absent.
#[test]
fn roll_gauge_on_one_line_and_after_closing() {
    let closed = RollCounts {
        closed: true,
        ..roll()
    };
    let (text, _) = draw(80, 24, rows(1), |f, a| {
        roll_gauge::render(f, a, &closed, look(Lang::Zh))
    });
    assert!(text.starts_with('█'), "{text}");
    assert!(text.contains("旷工 15") && !text.contains("未到"), "{text}");
    let (text, _) = draw(40, 24, rows(1), |f, a| {
        roll_gauge::render(f, a, &closed, look(Lang::En))
    });
    // present counts the late, as `roll status` does (issue 27).
    assert!(text.starts_with("expected 60   █ present 42"), "{text}");
}

/// On the old Windows console (console.rs) the bar and its legend keep to
/// ASCII, one cell per character, and the parts stay apart by their fill.
#[test]
fn roll_gauge_in_ascii_for_the_old_windows_console() {
    let ascii = Look {
        lang: Lang::En,
        palette: Palette {
            ascii: true,
            ..Palette::colour()
        },
    };
    let (text, _) = draw(80, 24, rows(2), |f, a| {
        roll_gauge::render(f, a, &roll(), ascii)
    });
    assert!(text.is_ascii(), "{text}");
    for fill in ["#", "=", "+", "."] {
        assert!(
            text.contains(&format!("{fill} ")),
            "no {fill} in the legend: {text}"
        );
    }
    let (bar, _) = draw(80, 24, rows(1), |f, a| {
        roll_gauge::render(f, a, &roll(), ascii)
    });
    assert!(bar.starts_with('#'), "{bar}");
}

/// Too small for the charts: they say so, with the size they need.
#[test]
fn too_small_says_so() {
    let charts = period();
    let (text, _) = draw(
        30,
        5,
        |a| a,
        |f, a| standings::render(f, a, &charts, None, look(Lang::Zh), "g"),
    );
    assert!(text.contains("终端太小"), "{text}");
    assert!(text.contains("40×6"), "{text}");
    let (text, _) = draw(
        60,
        12,
        |a| a,
        |f, a| standings::render(f, a, &charts, None, look(Lang::En), "g"),
    );
    assert!(text.contains("per-session chart is hidden"), "{text}");
    assert!(text.contains("more groups not shown"), "{text}");
    // The teacher's strip at 60 columns shows the latest sessions and says so.
    let c = teacher_charts(40);
    let (text, _) = draw(60, 10, rows(5), |f, a| {
        teacher::render(f, a, &c, look(Lang::En))
    });
    assert!(text.contains("of 40"), "{text}");
    // Two lines: the absences (which decide) and the strip stay.
    let (text, _) = draw(80, 10, rows(2), |f, a| {
        teacher::render(f, a, &c, look(Lang::Zh))
    });
    assert!(text.contains("再旷工 1 次即不合格"), "{text}");
    assert!(text.contains("本期培训"), "{text}");
}

/// "One more absence" is drawn so it cannot be missed: the last slot is
/// reversed, in colour and without.
#[test]
fn one_more_absence_is_marked() {
    let c = teacher_charts(20);
    for palette in [Palette::colour(), Palette::mono()] {
        let look = Look {
            lang: Lang::Zh,
            palette,
        };
        let (text, buf) = draw(80, 24, rows(5), |f, a| teacher::render(f, a, &c, look));
        let y = text
            .lines()
            .position(|l| l.starts_with("无故旷工"))
            .expect("absences line");
        assert!(
            text.lines().nth(y).is_some_and(|l| l.contains("■ ■ ✗")),
            "{text}"
        );
        let y = y as u16;
        let x = (0..80u16)
            .find(|&x| buf[(x, y)].symbol() == "✗")
            .expect("the last slot");
        assert!(
            buf[(x, y)].modifier.contains(Modifier::REVERSED),
            "{palette:?}"
        );
        if palette.mono {
            for y in 0..5u16 {
                for x in 0..80u16 {
                    let cell = &buf[(x, y)];
                    assert_eq!(
                        (cell.fg, cell.bg),
                        (ratatui::style::Color::Reset, ratatui::style::Color::Reset),
                        "colour at {x},{y} without colour"
                    );
                }
            }
        }
    }
}
