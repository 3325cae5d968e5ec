//! The chart view of the standings screen driven by keys: `g` shows it and
//! hides it again, it follows the group filter, and it is live like the
//! table (a mark at today's session moves it). The roll call's gauge and
//! the teacher's pictures on their screens. Both languages.

use crossterm::event::KeyCode;
use peixun::i18n::{self, ChartText, Lang};

mod common;
use common::tui::{fixture, keys, press, screen};

fn text(m: &peixun::tui::model::Model) -> String {
    screen(m, 100, 30).join("\n")
}

#[test]
fn g_toggles_the_chart_view_which_follows_the_group_filter_and_a_new_mark() {
    for lang in [Lang::Zh, Lang::En] {
        let t = |zh: &'static str, en: &'static str| lang.t(zh, en);
        let groups_title = i18n::chart_text(lang, ChartText::GroupsTitle);
        let (_d, mut m) = fixture(lang, 12);
        press(&mut m, KeyCode::Char('3'));
        let table = text(&m);
        let id_header = t("工号", "id");
        assert!(table.contains(id_header) && !table.contains(groups_title));

        // g: the charts instead of the table.
        press(&mut m, KeyCode::Char('g'));
        assert!(m.screens.standings.chart.shown);
        let charts = text(&m);
        assert!(charts.contains(groups_title), "{charts}");
        assert!(
            charts.contains(i18n::chart_text(lang, ChartText::SessionsTitle)),
            "{charts}"
        );
        assert!(!charts.contains("T0001"), "no table rows: {charts}");
        let groups = m.screens.standings.groups.clone();
        assert!(groups.len() > 2);
        for g in &groups {
            assert!(charts.contains(g.as_str()), "{g} missing:\n{charts}");
        }

        // v: one group; the bars and the line are that group's.
        keys(&mut m, "v");
        let one = &groups[0];
        let filtered = text(&m);
        assert!(filtered.contains(&format!("· {one}")), "{filtered}");
        for g in &groups[1..] {
            assert!(!filtered.contains(g.as_str()), "{g} shown:\n{filtered}");
        }
        // Back to every group.
        for _ in 0..groups.len() {
            keys(&mut m, "v");
        }
        assert!(m.screens.standings.group.is_none());

        // Today's session has no rate until its roll starts; a mark there
        // puts it on the line.
        let rates = |m: &peixun::tui::model::Model| {
            m.screens
                .standings
                .chart
                .figures()
                .expect("figures")
                .session_rates(None)
        };
        let before = rates(&m);
        let today = common::tui::at(15, 35).date();
        assert!(before.iter().all(|r| r.date < today));
        assert!(!text(&m).contains("11-26"));
        press(&mut m, KeyCode::Char('1'));
        // Starting the call asks first (y).
        keys(&mut m, "fy");
        press(&mut m, KeyCode::Char(' '));
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Char('3'));
        assert!(m.screens.standings.chart.shown, "still the charts");
        let after = rates(&m);
        assert_eq!(after.len(), before.len() + 1);
        let last = after.last().expect("a rate");
        assert_eq!(last.date, today);
        assert_eq!(last.rate.attended, 1, "the one teacher marked");
        let shown = text(&m);
        assert!(shown.contains("11-26"), "{shown}");

        // g again: the table.
        press(&mut m, KeyCode::Char('g'));
        assert!(!m.screens.standings.chart.shown);
        let back = text(&m);
        assert!(
            back.contains(id_header) && !back.contains(groups_title),
            "{back}"
        );

        // t: the year; the charts follow the period shown.
        press(&mut m, KeyCode::Char('g'));
        press(&mut m, KeyCode::Char('t'));
        let year = text(&m);
        let period = m.screens.standings.period.expect("a period");
        assert!(year.contains(&i18n::period_name(lang, period)), "{year}");
        assert_eq!(
            m.screens.standings.chart.figures().map(|f| f.period),
            Some(period)
        );
    }
}

/// The roll call's gauge fills as the roll goes.
#[test]
fn the_roll_gauge_follows_the_marks() {
    let (_d, mut m) = fixture(Lang::Zh, 12);
    let first = text(&m);
    assert!(first.contains("░ 未到 12"), "{first}");
    assert!(first.contains("░░░░"), "{first}");
    // Starting the call asks first (y).
    keys(&mut m, "fy   ");
    let marked = text(&m);
    assert!(marked.contains("█ 已到 3"), "{marked}");
    assert!(marked.contains("░ 未到 9"), "{marked}");
    let bar = marked
        .lines()
        .find(|l| l.starts_with('█'))
        .expect("the bar");
    assert_eq!(bar.chars().filter(|c| *c == '█').count(), 100 * 3 / 12);
}

/// The teacher screen shows the strip, the credits gauge and the absences.
#[test]
fn the_teacher_screen_shows_the_pictures() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut m) = fixture(lang, 8);
        press(&mut m, KeyCode::Char('4'));
        press(&mut m, KeyCode::Char('/'));
        keys(&mut m, "T0003");
        press(&mut m, KeyCode::Enter);
        let shown = text(&m);
        let c = m.screens.teacher.charts.as_ref().expect("pictures");
        assert!(!c.strip.is_empty());
        for want in [
            i18n::chart_text(lang, ChartText::StripTitle),
            i18n::chart_text(lang, ChartText::Credits),
            i18n::chart_text(lang, ChartText::Absences),
        ] {
            assert!(shown.contains(want), "{want}:\n{shown}");
        }
        let note = i18n::absences_note(lang, c.absences, c.limit);
        assert!(shown.contains(&note), "{note}:\n{shown}");
    }
}
