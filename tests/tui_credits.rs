//! The credit tab for everyone (issue 20), drawn on a test backend: a
//! teacher registers an entry on a form, sees it sent back with the
//! reviewer's comment, corrects it and resubmits it, withdraws another;
//! bad input is refused on the form with nothing changed; the office
//! records the report after outside study and the table shows it; the
//! table gives way by priority at 80 columns; the office's note box works
//! between terms. Every write is proven to add its history entry.

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyCode;
use peixun::app::App;
use peixun::app::assessment::{CreditEntry, CreditFilter};
use peixun::core::{CreditId, CreditStage, Credits, ExternalCredit, Role, TeacherId};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::Model;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

mod common;
use common::demo::{demo_school, small};
use common::tui::{keys, press, press_with, screen, shows, text};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// A demo school of six teachers; "t1" is teacher T0001 (语文 group, as
/// the demo makes it), "t2" teacher T0002.
fn school() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    let mut office = demo_school(&path, small(6), at(15, 35));
    for (account, id) in [("t1", "T0001"), ("t2", "T0002")] {
        office
            .set_account(
                account,
                vec![Role::Teacher],
                Some(TeacherId(id.into())),
                at(9, 0),
            )
            .unwrap();
    }
    (dir, path)
}

fn open_at(path: &Path, who: &str, lang: Lang, now: NaiveDateTime) -> Model {
    let app = App::open(path, who, None, false).unwrap();
    Model::new(app, lang, Keymap::default(), Box::new(move || now))
}

fn open(path: &Path, who: &str, lang: Lang) -> Model {
    open_at(path, who, lang, at(15, 35))
}

fn entries(m: &Model) -> Vec<ExternalCredit> {
    m.app.credits(CreditFilter::All, None).unwrap()
}

fn by_card(m: &Model, card: &str) -> Vec<ExternalCredit> {
    entries(m).into_iter().filter(|c| c.card == card).collect()
}

fn entry(m: &Model, id: u32) -> ExternalCredit {
    entries(m).into_iter().find(|c| c.id.0 == id).unwrap()
}

fn actions(m: &Model, teacher: &str) -> Vec<String> {
    m.app
        .history(Some(&TeacherId(teacher.into())), None)
        .unwrap()
        .into_iter()
        .map(|h| h.action)
        .collect()
}

/// Moves the credits cursor onto entry `id`.
fn select(m: &mut Model, id: u32) {
    press(m, KeyCode::Home);
    for _ in 0..m.screens.credits.list.len() {
        if m.screens
            .credits
            .list
            .get(m.screens.credits.cursor)
            .map(|c| c.id.0)
            == Some(id)
        {
            return;
        }
        press(m, KeyCode::Down);
    }
    panic!("entry {id} is not listed: {}", text(m));
}

/// Types `s` into the focused field of a form, replacing what it holds.
fn field(m: &mut Model, s: &str) {
    press_with(
        m,
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    keys(m, s);
}

/// Fills the new-entry form from its second field on (the teacher is
/// prefilled): date, title, organiser, credits, card; the year as offered.
fn fill(m: &mut Model, date: &str, title: &str, credits: &str, card: &str) {
    press(m, KeyCode::Tab);
    field(m, date);
    press(m, KeyCode::Tab);
    field(m, title);
    press(m, KeyCode::Tab);
    field(m, "进修学校");
    press(m, KeyCode::Tab);
    field(m, credits);
    press(m, KeyCode::Tab);
    field(m, card);
}

#[test]
fn a_teacher_registers_sees_it_sent_back_corrects_and_resubmits_it() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, path, ..) = school();
        let mut m = open(&path, "t1", lang);
        press(&mut m, KeyCode::Char('5'));
        shows(&m, &[t("n\u{a0}登记", "n\u{a0}register")]);
        // n: the form, the teacher's own id and today's date offered.
        press(&mut m, KeyCode::Char('n'));
        shows(
            &m,
            &[
                t("登记学分卡培训", "Register training from a credit card"),
                t("工号", "teacher"),
                "T0001",
                t("培训日期", "training date"),
                "2026-11-26",
                t("学分卡编号", "card number"),
                t("2026-2027学年", "academic year 2026-2027"),
            ],
        );
        fill(&mut m, "2026-10-21", "县级骨干培训", "2", "XF-31");
        assert!(by_card(&m, "XF-31").is_empty(), "nothing before Enter");
        press(&mut m, KeyCode::Enter);
        let all = by_card(&m, "XF-31");
        assert_eq!(all.len(), 1, "{}", text(&m));
        let id = all[0].id.0;
        assert_eq!(all[0].teacher.0, "T0001");
        assert_eq!(all[0].credits, Credits::whole(2));
        assert_eq!(all[0].card, "XF-31");
        assert_eq!(all[0].stage, CreditStage::Registered);
        assert!(actions(&m, "T0001").contains(&"credit.add".to_string()));
        shows(
            &m,
            &[
                &format!("{} {id}", t("已保存,学分登记编号", "saved, credit entry")),
                t("2026-2027学年", "academic year 2026-2027"),
                "XF-31",
                t("已登记待自评", "registered"),
            ],
        );
        assert!(!m.popup_open());

        // Self-assessed (worded 自评), then sent back by the group.
        select(&mut m, id);
        press(&mut m, KeyCode::Char('a'));
        shows(&m, &[t("自评说明", "Self-assessment note")]);
        press(&mut m, KeyCode::Enter);
        let t_ = text(&m);
        assert!(
            !t_.contains(t("通过此学分登记?", "Pass the group review?")),
            "{t_}"
        );
        press(&mut m, KeyCode::Char('y'));
        assert_eq!(entry(&m, id).stage, CreditStage::SelfAssessed);
        let mut r = open(&path, "tester", lang);
        r.app
            .return_credit(CreditId(id), "缺盖章", at(15, 40))
            .unwrap();

        // The teacher sees it waiting for them, with the comment.
        let mut m = open(&path, "t1", lang);
        press(&mut m, KeyCode::Char('5'));
        select(&mut m, id);
        shows(&m, &["缺盖章", t("已退回", "sent back")]);
        // e: the form holds the entry; the first key replaces a field.
        press(&mut m, KeyCode::Char('e'));
        shows(
            &m,
            &[
                &format!("{} {id}", t("修改学分登记", "Edit credit entry")),
                "2026-10-21",
                "县级骨干培训",
                "XF-31",
            ],
        );
        press(&mut m, KeyCode::Tab);
        press(&mut m, KeyCode::Tab);
        press(&mut m, KeyCode::Tab);
        keys(&mut m, "1.5");
        press(&mut m, KeyCode::Enter);
        assert_eq!(entry(&m, id).credits, Credits::parse("1.5").unwrap());
        assert_eq!(entry(&m, id).stage, CreditStage::Returned);
        assert!(actions(&m, "T0001").contains(&"credit.edit".to_string()));
        shows(&m, &[&format!("{id} {}", t("已修改", "edited"))]);
        // Resubmitted: a on the corrected entry.
        select(&mut m, id);
        press(&mut m, KeyCode::Char('a'));
        press(&mut m, KeyCode::Enter);
        shows(&m, &[t("提交自评?", "Submit the self-assessment?")]);
        press(&mut m, KeyCode::Char('y'));
        shows(&m, &[&format!("{id} {}", t("已提交自评", "self-assessed"))]);
        assert_eq!(entry(&m, id).stage, CreditStage::SelfAssessed);
        let n = actions(&m, "T0001")
            .iter()
            .filter(|a| *a == "credit.self_assess")
            .count();
        assert_eq!(n, 2, "both self-assessments are in the history");
        // Once with the group, it cannot be edited: the refusal names who acts.
        press(&mut m, KeyCode::Char('v'));
        select(&mut m, id);
        press(&mut m, KeyCode::Char('e'));
        press(&mut m, KeyCode::Enter);
        let (msg, err) = m.status_line().unwrap();
        assert!(err, "{msg}");
        assert!(msg.contains(t("由", "group leader")), "{msg}");
        assert_eq!(entry(&m, id).credits, Credits::parse("1.5").unwrap());
    }
}

#[test]
fn a_teacher_withdraws_a_pending_entry_and_edits_one_still_registered() {
    let (_d, path) = school();
    let mut m = open(&path, "t1", Lang::Zh);
    press(&mut m, KeyCode::Char('5'));
    press(&mut m, KeyCode::Char('n'));
    fill(&mut m, "2026-10-22", "市级讲座", "1", "XF-40");
    press(&mut m, KeyCode::Enter);
    let id = by_card(&m, "XF-40")[0].id.0;
    // Edited while still registered: the title.
    select(&mut m, id);
    press(&mut m, KeyCode::Char('e'));
    press(&mut m, KeyCode::Tab);
    keys(&mut m, "市级专题讲座");
    press(&mut m, KeyCode::Enter);
    assert_eq!(entry(&m, id).title, "市级专题讲座");
    // Withdrawn before review.
    select(&mut m, id);
    press(&mut m, KeyCode::Char('w'));
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    assert_eq!(entry(&m, id).stage, CreditStage::Withdrawn);
    let a = actions(&m, "T0001");
    for want in ["credit.add", "credit.edit", "credit.withdraw"] {
        assert!(a.contains(&want.to_string()), "{want}: {a:?}");
    }
}

#[test]
fn bad_input_on_the_form_is_refused_and_nothing_changes() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let (_d, path) = school();
        let mut m = open(&path, "t1", lang);
        let before = (entries(&m).len(), actions(&m, "T0001").len());
        press(&mut m, KeyCode::Char('5'));
        press(&mut m, KeyCode::Char('n'));
        fill(&mut m, "2026-10-21", "培训", "lots", "XF-1");
        press(&mut m, KeyCode::Enter);
        let (msg, err) = m.status_line().unwrap();
        assert!(err && msg.contains("lots"), "{msg}");
        assert!(m.popup_open(), "the form stays, with what was typed");
        // A date in the future: the app's plausibility check, in words.
        for _ in 0..4 {
            press(&mut m, KeyCode::BackTab);
        }
        field(&mut m, "2026-12-30");
        press(&mut m, KeyCode::Tab);
        press(&mut m, KeyCode::Tab);
        press(&mut m, KeyCode::Tab);
        field(&mut m, "2");
        press(&mut m, KeyCode::Enter);
        let (msg, err) = m.status_line().unwrap();
        assert!(err, "{msg}");
        assert!(
            msg.contains(if zh {
                "在今天之后"
            } else {
                "in the future"
            }),
            "{msg}"
        );
        // Someone else's entry: a teacher registers only their own.
        press(&mut m, KeyCode::BackTab);
        press(&mut m, KeyCode::BackTab);
        press(&mut m, KeyCode::BackTab);
        press(&mut m, KeyCode::BackTab);
        field(&mut m, "T0002");
        press(&mut m, KeyCode::Tab);
        field(&mut m, "2026-10-21");
        press(&mut m, KeyCode::Enter);
        let (msg, err) = m.status_line().unwrap();
        assert!(err, "{msg}");
        assert!(by_card(&m, "XF-1").is_empty(), "nothing saved");
        assert_eq!((entries(&m).len(), actions(&m, "T0001").len()), before);
        press(&mut m, KeyCode::Esc);
        assert!(!m.popup_open());
    }
}

/// An entry of T0001 confirmed by the team, for the report.
fn confirmed(path: &Path) -> u32 {
    let mut office = App::open(path, "tester", None, false).unwrap();
    let id = office
        .add_credit(
            CreditEntry {
                teacher: TeacherId("T0001".into()),
                date: NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
                title: "省级培训外出学习".into(),
                organiser: "省教育厅".into(),
                credits: Credits::whole(4),
                card: "JX-7".into(),
                year: None,
            },
            at(9, 0),
        )
        .unwrap();
    office.self_assess_credit(id, "", at(9, 1)).unwrap();
    office.pass_credit(id, "", at(9, 2)).unwrap();
    office.pass_credit(id, "同意", at(9, 3)).unwrap();
    id.0
}

#[test]
fn the_office_records_the_report_and_the_table_shows_it() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, path) = school();
        let id = confirmed(&path);
        let mut m = open(&path, "tester", lang);
        press(&mut m, KeyCode::Char('5'));
        press(&mut m, KeyCode::Char('v'));
        select(&mut m, id);
        assert_eq!(entry(&m, id).stage, CreditStage::Confirmed);
        shows(&m, &[t("汇报", "report"), t("未交", "not yet")]);
        press(&mut m, KeyCode::Char('p'));
        press(&mut m, KeyCode::Enter);
        shows(
            &m,
            &[t(
                "记录已交外出学习书面汇报?",
                "Record the written report as received?",
            )],
        );
        press(&mut m, KeyCode::Char('y'));
        assert!(entry(&m, id).reported);
        assert!(actions(&m, "T0001").iter().any(|a| a.contains("report")));
        select(&mut m, id);
        shows(&m, &[t("已交", "received")]);
    }
}

/// The table at 80 columns: the comment and the title give way; the id,
/// the teacher, the credits and the stage are whole.
#[test]
fn the_credits_table_gives_way_by_priority_at_80_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, path) = school();
        let id = confirmed(&path);
        let mut office = App::open(&path, "tester", None, false).unwrap();
        let long = office
            .add_credit(
                CreditEntry {
                    teacher: TeacherId("T0002".into()),
                    date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                    title: "县级新课程标准与大单元教学设计专题培训(第二期)".into(),
                    organiser: "县教师发展中心".into(),
                    credits: Credits::parse("2.5").unwrap(),
                    card: "JX-2026-0117".into(),
                    year: None,
                },
                at(9, 0),
            )
            .unwrap();
        office
            .self_assess_credit(long, "已附学分卡照片与培训通知", at(9, 1))
            .unwrap();
        office
            .return_credit(long, "学分卡缺少主办单位盖章,请补盖后重新提交", at(9, 2))
            .unwrap();
        drop(office);
        let mut m = open(&path, "tester", lang);
        press(&mut m, KeyCode::Char('5'));
        press(&mut m, KeyCode::Char('v'));
        let lines = screen(&m, 80, 24);
        let all = lines.join("\n");
        for want in [
            format!("{id}"),
            "T0001".into(),
            "T0002".into(),
            "2.5".into(),
            "JX-2026-0117".into(),
            "2026-11-02".into(),
        ] {
            assert!(all.contains(&want), "{want} cut at 80 columns:\n{all}");
        }
        // The temporary file's path differs from run to run (and is cut).
        let tmp = std::env::temp_dir().display().to_string();
        let all: Vec<String> = lines
            .iter()
            .map(|l| match l.find(&tmp) {
                Some(i) => format!("{}[file]", &l[..i]),
                None => l.clone(),
            })
            .collect();
        insta::assert_snapshot!(format!("credits_80_{}", lang_name(lang)), all.join("\n"));
    }
}

/// Between terms (2027-02-01: autumn ended on 01-20, spring starts 02-20)
/// the office's `N` opens on the term just ended and saves there.
#[test]
fn the_note_box_works_between_terms() {
    let (_d, path) = school();
    let now = NaiveDate::from_ymd_opt(2027, 2, 1)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let mut m = open_at(&path, "tester", Lang::Zh, now);
    press(&mut m, KeyCode::Char('4'));
    if !m.screens.teacher.typing {
        press(&mut m, KeyCode::Char('/'));
    }
    keys(&mut m, "T0003");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('N'));
    shows(&m, &["2026-2027学年第一学期"]);
    keys(&mut m, "4100");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    shows(&m, &["已保存到 2026-2027学年第一学期"]);
    let f = m
        .app
        .year_file(&TeacherId("T0003".into()), peixun::core::AcademicYear(2026))
        .unwrap();
    assert_eq!(f.notes_chars[0], 4100);
    assert!(actions(&m, "T0003").iter().any(|a| a == "archive.set"));
}

/// The forms, drawn: a teacher's new entry (own id, today and the year
/// offered) and the correction of a sent-back entry.
#[test]
fn the_credit_forms_drawn() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, path) = school();
        let mut m = open(&path, "t1", lang);
        press(&mut m, KeyCode::Char('5'));
        press(&mut m, KeyCode::Char('n'));
        fill(&mut m, "2026-10-21", "县级骨干培训", "2", "XF-31");
        let draw = |m: &Model| screen(m, 100, 28)[4..24].join("\n");
        insta::assert_snapshot!(format!("credit_form_new_{}", lang_name(lang)), draw(&m));
        press(&mut m, KeyCode::Enter);
        let id = by_card(&m, "XF-31")[0].id.0;
        select(&mut m, id);
        press(&mut m, KeyCode::Char('e'));
        insta::assert_snapshot!(format!("credit_form_edit_{}", lang_name(lang)), draw(&m));
    }
}

/// The office's boxes say the term or year they save to, PgUp/PgDn pick
/// another, and a prefilled box is replaced by the first key typed (the
/// funds: 300000 40000 over the recorded amounts, not appended to them).
#[test]
fn office_boxes_say_where_they_save_and_replace_their_value() {
    use peixun::core::AcademicYear;
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, path) = school();
        let mut m = open(&path, "tester", lang);
        press(&mut m, KeyCode::Char('5'));
        let was = m.app.funds(AcademicYear(2026)).unwrap();
        assert!(was.is_some(), "the demo records this year's funds");
        press(&mut m, KeyCode::Char('F'));
        shows(
            &m,
            &[t(
                "保存到 2026-2027学年",
                "saves to the academic year 2026-2027",
            )],
        );
        press(&mut m, KeyCode::PageUp);
        shows(
            &m,
            &[t(
                "保存到 2025-2026学年",
                "saves to the academic year 2025-2026",
            )],
        );
        press(&mut m, KeyCode::PageDown);
        keys(&mut m, "300000 40000");
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        let f = m.app.funds(AcademicYear(2026)).unwrap().unwrap();
        assert_eq!((f.public_fen, f.training_fen), (30_000_000, 4_000_000));
        let logged = m
            .app
            .history(None, None)
            .unwrap()
            .iter()
            .filter(|h| h.action == "funds.set")
            .count();
        assert!(logged >= 1, "the change is in the history");
        // The teacher tab's boxes say it too: N the term, A and M the year.
        press(&mut m, KeyCode::Char('4'));
        if !m.screens.teacher.typing {
            press(&mut m, KeyCode::Char('/'));
        }
        keys(&mut m, "T0003");
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('N'));
        shows(
            &m,
            &[t(
                "保存到 2026-2027学年第一学期",
                "saves to the 2026-2027 autumn term",
            )],
        );
        press(&mut m, KeyCode::Esc);
        for k in ['A', 'M'] {
            press(&mut m, KeyCode::Char(k));
            shows(
                &m,
                &[t(
                    "保存到 2026-2027学年",
                    "saves to the academic year 2026-2027",
                )],
            );
            press(&mut m, KeyCode::Esc);
        }
    }
}

/// The head line of tab 5 (its keys) is whole at 100 and at 80 columns,
/// wrapped where it is wider, each key beside what it does; the same for
/// the make-up list (`m`).
#[test]
fn the_credits_head_is_whole_at_100_columns() {
    for lang in [peixun::i18n::Lang::Zh, peixun::i18n::Lang::En] {
        let (_d, mut m) = common::tui::fixture(lang, 6);
        common::tui::keys(&mut m, "5");
        for list in ["credits", "make-ups"] {
            if list == "make-ups" {
                common::tui::keys(&mut m, "m");
            }
            let want = peixun::i18n::assessment_text(lang, peixun::i18n::AssessText::SwitchList)
                .replace(' ', "\u{a0}");
            for w in [100, 80] {
                let lines = common::tui::screen(&m, w, 30);
                let joined = lines.join(" ");
                assert!(
                    joined.contains(&format!("m\u{a0}{want}")),
                    "{list} at {w}: {}",
                    lines.join("\n")
                );
            }
        }
    }
}
