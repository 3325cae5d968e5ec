//! The terminal app at 60 to 79 columns (issue 27's 60×20): the full
//! layout is used only where it shows its screen whole. The standings
//! leave out a column that does not fit rather than cut a figure or a
//! header; the leave queue and the teacher screen, whose full tables need
//! 80 columns, take the phone layout, with the record list. Snapshots in
//! both languages at 60×20.

use peixun::app::leave::LeaveRequest;
use peixun::core::{Cover, Evidence, LeaveKind, TeacherId};
use peixun::i18n::Lang;
use peixun::tui::model::Model;
use peixun::tui::screens::Tab;
use unicode_width::UnicodeWidthStr;

mod common;
use common::tui::{at, fixture, keys, screen};

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

#[track_caller]
fn snap(m: &Model, name: &str, (w, h): (u16, u16)) -> Vec<String> {
    let lines = screen(m, w, h);
    for line in &lines {
        assert!(line.width() <= usize::from(w), "{line:?} wider than {w}");
    }
    // The temporary file's path differs from run to run (and is cut
    // where the header is wider than the screen).
    let file = m.app.path().display().to_string();
    let text: Vec<String> = lines
        .iter()
        .map(|l| {
            match (5..=file.len())
                .rev()
                .find(|n| file.is_char_boundary(*n) && l.ends_with(&file[..*n]))
            {
                Some(n) => format!("{}[file]", &l[..l.len() - n]),
                None => l.clone(),
            }
        })
        .collect();
    insta::assert_snapshot!(
        format!("{name}_{}_{w}x{h}", lang_name(m.lang)),
        text.join("\n")
    );
    lines
}

/// The standings at 60 and 70 columns: every header shown is whole, and
/// every figure of the rows shown is whole (a column left out is left out
/// whole, never cut).
#[test]
fn the_standings_cut_no_figure_at_60_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 6);
        keys(&mut m, "3");
        assert_eq!(m.tab, Tab::Standings);
        for size in [(60, 20), (70, 20)] {
            let lines = if size == (60, 20) {
                snap(&m, "narrow_standings", size)
            } else {
                screen(&m, size.0, size.1)
            };
            let at = lines
                .iter()
                .position(|l| l.starts_with("T0001"))
                .expect("the first teacher's row");
            let head: Vec<&str> = lines[at - 1].split_whitespace().collect();
            let row: Vec<&str> = lines[at].split_whitespace().collect();
            let all: Vec<(&str, String)> = peixun::io::columns::screen()
                .into_iter()
                .map(|(_, c)| {
                    let r = &m.screens.standings.rows[0];
                    (c.header.get(lang), (c.cell)(r, lang))
                })
                .collect();
            // Every header on screen is one of the headers, whole.
            for h in &head {
                assert!(
                    all.iter()
                        .any(|(name, _)| name.split_whitespace().any(|w| w == *h)),
                    "{h:?} is cut:\n{}",
                    lines.join("\n")
                );
            }
            // Every figure of the row is one of its cells, whole.
            for cell in row
                .iter()
                .filter(|c| c.starts_with(|ch: char| ch.is_ascii_digit()))
            {
                assert!(
                    all.iter().any(|(_, v)| v == cell),
                    "{cell:?} is cut:\n{}",
                    lines.join("\n")
                );
            }
        }
    }
}

/// The leave queue and the teacher screen at 60×20 take the phone
/// layout: a request's reason whole, and the teacher's record list.
#[test]
fn the_leave_queue_and_the_teacher_screen_are_whole_at_60_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 6);
        let day = at(0, 0).date() + chrono::Days::new(1);
        m.app
            .request_leave(
                LeaveRequest {
                    teacher: TeacherId("T0004".into()),
                    kind: LeaveKind::Personal,
                    cover: Cover::Dates { from: day, to: day },
                    reason: "家中有事,需要回老家处理".into(),
                    evidence: Evidence {
                        leave_note: true,
                        hospital_certificate: false,
                    },
                    emergency: false,
                },
                at(9, 0),
            )
            .expect("a request");
        m.reload();
        keys(&mut m, "2");
        let lines = snap(&m, "narrow_leave", (60, 20));
        let joined = lines.join("");
        assert!(
            joined.contains("家中有事,需要回老家处理"),
            "{}",
            lines.join("\n")
        );
        // Every tab is still listed: the others are drawn in full.
        assert!(lines[0].contains(Tab::Roll.title(lang)), "{}", lines[0]);

        keys(&mut m, "4");
        let lines = snap(&m, "narrow_teacher", (60, 20));
        let record = peixun::i18n::ui(lang, peixun::i18n::Ui::Record);
        assert!(
            lines.iter().any(|l| l.contains(record)),
            "{}",
            lines.join("\n")
        );
        // At 80 columns the full layout is back.
        let wide = screen(&m, 80, 20).join("\n");
        assert!(
            wide.contains(peixun::i18n::ui(lang, peixun::i18n::Ui::QueryPrompt)),
            "{wide}"
        );
    }
}

/// Tab 5 at 60 and 70 columns: a date, a card number or a figure shown
/// is whole (a column that does not fit is left out whole).
#[test]
fn the_credits_list_cuts_no_date_or_card_at_60_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 8);
        keys(&mut m, "5v");
        let first = m.screens.credits.list.first().expect("an entry").clone();
        let cells = peixun::app::cells::credit_cells(&first, lang);
        for w in [60, 70, 80] {
            let lines = screen(&m, w, 20);
            let row = lines
                .iter()
                .find(|l| l.starts_with(&format!("{} ", first.id)))
                .expect("the entry's row");
            for word in row.split_whitespace() {
                if word.starts_with(|c: char| c.is_ascii_digit()) || word.starts_with("XF") {
                    assert!(
                        cells.iter().any(|c| c == word) || word == first.id.to_string(),
                        "{w}: {word:?} is cut:\n{}",
                        lines.join("\n")
                    );
                }
            }
        }
    }
}

/// Tab 6 at 60 and 70 columns: every time is whole; the reason and the
/// change are left out whole where they do not fit (the entry under the
/// cursor is given in full below the list).
#[test]
fn the_history_cuts_no_time_at_60_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 8);
        keys(&mut m, "6");
        let times: Vec<String> = m
            .screens
            .history
            .entries
            .iter()
            .map(|e| e.at.format("%Y-%m-%d %H:%M").to_string())
            .collect();
        assert!(!times.is_empty());
        for w in [60, 70, 100] {
            let lines = screen(&m, w, 20);
            let rows: Vec<&String> = lines.iter().filter(|l| l.starts_with("20")).collect();
            assert!(!rows.is_empty(), "{}", lines.join("\n"));
            for row in rows {
                assert!(
                    times.iter().any(|t| row.starts_with(t.as_str())),
                    "{w}: {row:?} cut:\n{}",
                    lines.join("\n")
                );
            }
        }
    }
}
