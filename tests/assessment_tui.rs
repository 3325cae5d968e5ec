//! The assessment in the terminal app, drawn on a test backend: the credits
//! tab with its review actions (pass, send back with a required comment,
//! a teacher's own self-assessment), in both languages; and the figures and
//! reasons under the standings and on the teacher's record.

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyCode;
use peixun::app::App;
use peixun::app::assessment::{CreditEntry, CreditFilter, YearFileChange};
use peixun::core::{AcademicYear, ArchiveItem, CreditStage, Credits, MentorPair, Role, TeacherId};
use peixun::i18n::Lang;
use peixun::tui::keymap::Keymap;
use peixun::tui::model::Model;
use peixun::tui::screens::credits::Popup;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

mod common;
use common::demo::{demo_school, small};
use common::tui::{keys, press, shows, text};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

/// A demo school with two credit-card entries of T0001 (one self-assessed,
/// one only registered), a mentor pair and part of T0001's archive; the
/// account "t1" is teacher T0001.
fn school() -> (TempDir, PathBuf, [u32; 2]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.redb");
    let mut office = demo_school(&path, small(6), at(15, 35));
    let t1 = TeacherId("T0001".into());
    office
        .set_account("t1", vec![Role::Teacher], Some(t1.clone()), at(9, 0))
        .unwrap();
    // T0006 has an open make-up in the demo (official leave at session 7).
    office
        .set_account(
            "t6",
            vec![Role::Teacher],
            Some(TeacherId("T0006".into())),
            at(9, 0),
        )
        .unwrap();
    let mut ids = [0; 2];
    for (i, card) in ["XF-1", "XF-2"].into_iter().enumerate() {
        ids[i] = office
            .add_credit(
                CreditEntry {
                    teacher: t1.clone(),
                    date: NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
                    title: format!("县级培训{card}"),
                    organiser: "进修学校".into(),
                    credits: Credits::whole(3),
                    year: None,
                    card: card.into(),
                },
                at(9, 0),
            )
            .unwrap()
            .0;
    }
    office
        .add_mentor_pair(
            MentorPair {
                year: AcademicYear(2026),
                mentor: TeacherId("T0002".into()),
                mentee: t1.clone(),
                note: String::new(),
            },
            at(9, 0),
        )
        .unwrap();
    office
        .set_year_file(
            &t1,
            AcademicYear(2026),
            YearFileChange {
                items: vec![(ArchiveItem::Plan, true)],
                notes_chars: [Some(3200), None],
                ..YearFileChange::default()
            },
            at(9, 0),
        )
        .unwrap();
    drop(office);
    let mut teacher = App::open(&path, "t1", None, false).unwrap();
    teacher
        .self_assess_credit(peixun::core::CreditId(ids[0]), "", at(9, 5))
        .unwrap();
    (dir, path, ids)
}

fn open(path: &Path, who: &str, lang: Lang) -> Model {
    let app = App::open(path, who, None, false).unwrap();
    Model::new(app, lang, Keymap::default(), Box::new(|| at(15, 35)))
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

fn stage(m: &Model, id: u32) -> CreditStage {
    m.app
        .credits(CreditFilter::All, None)
        .unwrap()
        .into_iter()
        .find(|c| c.id.0 == id)
        .unwrap()
        .stage
}

#[test]
fn reviewers_pass_and_send_back_from_the_credits_tab() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, path, [one, two]) = school();
        let mut m = open(&path, "tester", lang);
        press(&mut m, KeyCode::Char('5'));
        // Waiting for this reviewer: the self-assessed entry, not the registered one.
        shows(
            &m,
            &[
                t("5 学分审核", "5 Credits"),
                t("[待我审批]", "[waiting for me]"),
                // Each key beside what it does, held by a no-break space.
                t(
                    "a\u{a0}通过  r\u{a0}退回  x\u{a0}驳回  w\u{a0}撤回  v\u{a0}切换",
                    "a\u{a0}pass  r\u{a0}send\u{a0}back  x\u{a0}reject  w\u{a0}withdraw  v\u{a0}filter",
                ),
                "XF-1",
                t("待教研组考评", "self-assessed, with the group"),
            ],
        );
        let waiting: Vec<u32> = m.screens.credits.list.iter().map(|c| c.id.0).collect();
        assert!(
            waiting.contains(&one) && !waiting.contains(&two),
            "{waiting:?}"
        );
        select(&mut m, one);
        // The help overlay lists this screen's keys.
        press(&mut m, KeyCode::Char('?'));
        shows(
            &m,
            &[
                t("退回(须填理由)", "send back (with a reason)"),
                t("切换学分登记/公假待补", "credit entries / make-ups"),
            ],
        );
        press(&mut m, KeyCode::Esc);

        // Pass with a comment: typed, Enter, then confirmed with y; the
        // group's step is worded as its review (审核).
        press(&mut m, KeyCode::Char('a'));
        shows(
            &m,
            &[t(
                "审核意见(可空,回车确认)",
                "Review comment (optional, Enter)",
            )],
        );
        keys(&mut m, "ok");
        press(&mut m, KeyCode::Enter);
        shows(
            &m,
            &[t("审核通过此学分登记?", "Pass the group review?"), "ok"],
        );
        assert_eq!(
            stage(&m, one),
            CreditStage::SelfAssessed,
            "nothing before y"
        );
        press(&mut m, KeyCode::Char('y'));
        assert_eq!(stage(&m, one), CreditStage::GroupPassed);
        let passed = format!("{one} {}", t("审核通过", "passed the group review"));
        shows(
            &m,
            &[&passed, t("待考核小组考评", "group passed, with the team")],
        );
        select(&mut m, one);

        // Sending back needs a comment: an empty one is refused, nothing changes.
        press(&mut m, KeyCode::Char('r'));
        shows(
            &m,
            &[t(
                "退回理由(必填,回车确认)",
                "Reason for sending back (required, Enter)",
            )],
        );
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        assert_eq!(stage(&m, one), CreditStage::GroupPassed);
        assert!(
            m.status_line().is_some_and(|(_, err)| err),
            "an error is shown"
        );
        press(&mut m, KeyCode::Char('r'));
        keys(&mut m, "no stamp");
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('n'));
        assert!(!m.popup_open());
        assert_eq!(stage(&m, one), CreditStage::GroupPassed, "n cancels");
        select(&mut m, one);
        press(&mut m, KeyCode::Char('r'));
        keys(&mut m, "no stamp");
        press(&mut m, KeyCode::Enter);
        press(&mut m, KeyCode::Char('y'));
        assert_eq!(stage(&m, one), CreditStage::Returned);
        // It waits no more; the filter shows all, with the comment (in
        // the conversation under the table: the table's comment column
        // gives way first on a narrow screen).
        assert!(!m.screens.credits.list.iter().any(|c| c.id.0 == one));
        press(&mut m, KeyCode::Char('v'));
        select(&mut m, one);
        shows(
            &m,
            &[
                t("[全部]", "[all]"),
                "XF-1",
                "XF-2",
                "no stamp",
                t("已退回", "sent back"),
            ],
        );
        let history = m
            .app
            .history(Some(&TeacherId("T0001".into())), None)
            .unwrap();
        let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
        assert!(actions.contains(&"credit.pass") && actions.contains(&"credit.return"));
    }
}

#[test]
fn a_teacher_self_assesses_and_sees_the_assessment() {
    let (_d, path, [_, two]) = school();
    let mut m = open(&path, "t1", Lang::Zh);
    press(&mut m, KeyCode::Char('5'));
    // What waits for a teacher: their own registered entry, to self-assess.
    let waiting: Vec<u32> = m.screens.credits.list.iter().map(|c| c.id.0).collect();
    assert_eq!(waiting, vec![two]);
    press(&mut m, KeyCode::Char('v'));
    shows(&m, &["XF-1", "XF-2", "已登记待自评"]);
    assert!(
        m.screens
            .credits
            .list
            .iter()
            .all(|c| c.teacher.0 == "T0001")
    );
    // On XF-2 (registered): a is the self-assessment.
    select(&mut m, two);
    press(&mut m, KeyCode::Char('a'));
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    assert_eq!(stage(&m, two), CreditStage::SelfAssessed);
    // A teacher cannot pass a self-assessed entry (their own, and not a reviewer).
    select(&mut m, two);
    press(&mut m, KeyCode::Char('a'));
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    assert_eq!(stage(&m, two), CreditStage::SelfAssessed);
    let (msg, err) = m.status_line().unwrap();
    assert!(
        err && msg.contains("你不能通过") && msg.contains("由语文教研组长审核"),
        "{msg}"
    );
    assert!(!matches!(
        m.screens.credits.popup,
        Some(Popup::Review { .. })
    ));
}

#[test]
fn standings_and_record_show_the_assessment() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, path, _) = school();
        let mut m = open(&path, "tester", lang);
        press(&mut m, KeyCode::Char('3'));
        shows(&m, &[t("待补", "make-ups")]);
        // The first row is T0001: its detail lines under the table.
        let row = m.screens.standings.visible()[0].clone();
        assert_eq!(row.teacher.id.0, "T0001");
        let f = row.standing.figures.clone().unwrap();
        // Our two entries are not confirmed: at least their 6 are pending.
        assert!(f.external_pending >= Credits::whole(6), "{f:?}");
        assert_eq!(f.notes_chars, 3200);
        let want = [
            format!("{} {}", t("活动学分", "session credits"), f.session_credits),
            format!(
                "{} {}",
                t("校外学分", "outside credits"),
                f.external_credits
            ),
            format!("{} {}", t("待认定", "unconfirmed"), f.external_pending),
            format!("{} 3200/5000", t("笔记字数", "note characters")),
            format!("{} {}/4", t("档案", "archive"), 4 - f.archive_missing.len()),
            t("师傅 T0002", "mentor T0002").to_string(),
        ];
        shows(&m, &want.iter().map(String::as_str).collect::<Vec<_>>());
        // Sorting walks the shown columns only, the make-ups among them
        // (the 17th, after the assessment's columns).
        for _ in 0..16 {
            press(&mut m, KeyCode::Char('o'));
        }
        shows(
            &m,
            &[&format!(
                "{} {}",
                t("排序", "sorted by"),
                t("待补", "make-ups")
            )],
        );

        // The teacher's record: the year's figures and the mentor pair.
        press(&mut m, KeyCode::Char('4'));
        press(&mut m, KeyCode::Char('/'));
        for c in "T0002".chars() {
            press(&mut m, KeyCode::Char(c));
        }
        press(&mut m, KeyCode::Enter);
        shows(
            &m,
            &[t("徒弟 T0001", "mentee T0001"), t("学历 ", "degree ")],
        );
    }
}

#[test]
fn the_office_marks_makeups_done_and_takes_them_back() {
    for lang in [Lang::Zh, Lang::En] {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let (_d, path, _) = school();
        let mut m = open(&path, "tester", lang);
        press(&mut m, KeyCode::Char('5'));
        press(&mut m, KeyCode::Char('m'));
        shows(&m, &[t("公假待补 [仅未补]", "make-ups open [open only]")]);
        let open: Vec<(String, u32)> = m
            .screens
            .credits
            .makeup_list
            .iter()
            .map(|x| (x.teacher.id.0.clone(), x.item.session.0))
            .collect();
        assert!(
            !open.is_empty(),
            "the demo has an open make-up:\n{}",
            text(&m)
        );
        assert!(
            m.screens
                .credits
                .makeup_list
                .iter()
                .all(|x| x.done.is_none())
        );
        let (who, session) = open[0].clone();
        shows(&m, &[&who, t("否", "no")]);

        // Mark it made up with a note: Enter, then y.
        press(&mut m, KeyCode::Char('a'));
        shows(&m, &[t("备注(可空,回车确认)", "Note (optional, Enter)")]);
        keys(&mut m, "notes in");
        press(&mut m, KeyCode::Enter);
        shows(&m, &[t("记为培训内容已补?", "Mark this content made up?")]);
        press(&mut m, KeyCode::Char('y'));
        let status = m.status_line().unwrap();
        assert!(!status.1, "{status:?}");
        assert!(
            !m.screens
                .credits
                .makeup_list
                .iter()
                .any(|x| x.teacher.id.0 == who && x.item.session.0 == session),
            "made up, so no longer open"
        );
        let year = AcademicYear(2026);
        let done = m
            .app
            .makeups(
                Some(&TeacherId(who.clone())),
                year,
                false,
                at(15, 35).date(),
            )
            .unwrap();
        let line = done.iter().find(|x| x.item.session.0 == session).unwrap();
        assert_eq!(line.done.as_ref().unwrap().note, "notes in");

        // All of them, then take the mark back with r.
        press(&mut m, KeyCode::Char('v'));
        shows(&m, &[t("[全部]", "[all]"), "notes in"]);
        let i = m
            .screens
            .credits
            .makeup_list
            .iter()
            .position(|x| x.teacher.id.0 == who && x.item.session.0 == session)
            .unwrap();
        for _ in 0..i {
            press(&mut m, KeyCode::Down);
        }
        press(&mut m, KeyCode::Char('r'));
        press(&mut m, KeyCode::Enter);
        shows(&m, &[t("撤销已补记录?", "Take the make-up mark back?")]);
        press(&mut m, KeyCode::Char('y'));
        let again = m
            .app
            .makeups(Some(&TeacherId(who.clone())), year, true, at(15, 35).date())
            .unwrap();
        assert!(again.iter().any(|x| x.item.session.0 == session));
        let history = m.app.history(Some(&TeacherId(who)), None).unwrap();
        let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
        assert!(actions.contains(&"makeup.done") && actions.contains(&"makeup.undo"));

        // Back to the credit entries with m.
        press(&mut m, KeyCode::Char('m'));
        shows(&m, &[t("[待我审批]", "[waiting for me]")]);
    }
}

#[test]
fn a_teacher_sees_their_own_makeups_and_cannot_mark_them() {
    let (_d, path, _) = school();
    let mut m = open(&path, "t6", Lang::En);
    press(&mut m, KeyCode::Char('5'));
    press(&mut m, KeyCode::Char('m'));
    assert!(!m.screens.credits.makeup_list.is_empty(), "{}", text(&m));
    assert!(
        m.screens
            .credits
            .makeup_list
            .iter()
            .all(|x| x.teacher.id.0 == "T0006")
    );
    let before = m.screens.credits.makeup_list.len();
    press(&mut m, KeyCode::Char('a'));
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    let (msg, err) = m.status_line().unwrap();
    assert!(
        err && msg.contains("makeup done") && msg.contains("training office"),
        "{msg}"
    );
    assert_eq!(m.screens.credits.makeup_list.len(), before, "still open");
    // T0001 has no official leave: nothing to make up.
    let mut m = open(&path, "t1", Lang::En);
    press(&mut m, KeyCode::Char('5'));
    press(&mut m, KeyCode::Char('m'));
    press(&mut m, KeyCode::Char('v'));
    shows(&m, &["No make-ups"]);
}

#[test]
fn teachers_resubmit_and_withdraw_and_the_wording_follows_the_step() {
    let (_d, path, [one, two]) = school();
    // The teacher: their registered entry waits for them, worded 自评.
    let mut m = open(&path, "t1", Lang::Zh);
    press(&mut m, KeyCode::Char('5'));
    select(&mut m, two);
    press(&mut m, KeyCode::Char('a'));
    shows(&m, &["自评说明(可空,回车确认)"]);
    press(&mut m, KeyCode::Enter);
    shows(&m, &["提交自评?"]);
    press(&mut m, KeyCode::Char('y'));
    shows(&m, &[&format!("{two} 已提交自评")]);
    assert_eq!(stage(&m, two), CreditStage::SelfAssessed);
    // Withdrawn before anyone reviewed it.
    press(&mut m, KeyCode::Char('v'));
    select(&mut m, two);
    press(&mut m, KeyCode::Char('w'));
    press(&mut m, KeyCode::Enter);
    shows(&m, &["撤回此学分登记?"]);
    press(&mut m, KeyCode::Char('y'));
    assert_eq!(stage(&m, two), CreditStage::Withdrawn);

    // The group's review is worded 审核; it sends the other entry back.
    let mut r = open(&path, "tester", Lang::Zh);
    press(&mut r, KeyCode::Char('5'));
    select(&mut r, one);
    press(&mut r, KeyCode::Char('a'));
    shows(&r, &["审核意见(可空,回车确认)"]);
    press(&mut r, KeyCode::Esc);
    press(&mut r, KeyCode::Char('r'));
    keys(&mut r, "缺盖章");
    press(&mut r, KeyCode::Enter);
    press(&mut r, KeyCode::Char('y'));
    assert_eq!(stage(&r, one), CreditStage::Returned);

    // Sent back: it waits for the teacher, with the conversation shown.
    let mut m = open(&path, "t1", Lang::Zh);
    press(&mut m, KeyCode::Char('5'));
    select(&mut m, one);
    shows(&m, &["已退回 tester", "缺盖章", "待教研组考评 t1"]);
    press(&mut m, KeyCode::Char('a'));
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('y'));
    assert_eq!(stage(&m, one), CreditStage::SelfAssessed);

    // Passed by the group, the team's step is worded 认定; it rejects.
    let mut r = open(&path, "tester", Lang::Zh);
    press(&mut r, KeyCode::Char('5'));
    select(&mut r, one);
    press(&mut r, KeyCode::Char('a'));
    press(&mut r, KeyCode::Enter);
    shows(&r, &["审核通过此学分登记?"]);
    press(&mut r, KeyCode::Char('y'));
    shows(&r, &[&format!("{one} 审核通过")]);
    select(&mut r, one);
    press(&mut r, KeyCode::Char('a'));
    shows(&r, &["认定意见(可空,回车确认)"]);
    press(&mut r, KeyCode::Esc);
    press(&mut r, KeyCode::Char('x'));
    keys(&mut r, "不属实");
    press(&mut r, KeyCode::Enter);
    shows(&r, &["驳回此学分登记(不能再提交)?"]);
    press(&mut r, KeyCode::Char('y'));
    assert_eq!(stage(&r, one), CreditStage::Rejected);
}
