//! Files in and out: roster and term plan import (xlsx, CSV in UTF-8 and
//! GBK), refusals with the row and column of each bad cell and nothing
//! changed, re-import changing nothing, the exported standings opened with
//! calamine, and publishing with the changed-since-published flag.

use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime};
use peixun::app::App;
use peixun::app::accounts::init;
use peixun::app::demo::{DemoOptions, demo};
use peixun::app::import::ImportSummary;
use peixun::core::{Period, Role, RollFacts, Teacher, TeacherId, Term, TermId};
use peixun::i18n::{self, Lang};
use peixun::io::{Encoding, ImportError, Problem, RowProblem};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

mod common;
use common::demo::present_at_closed;

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
const NOW: &str = "2026-11-26T15:35";

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(15, 35, 0)
        .unwrap()
}

fn autumn() -> TermId {
    TermId::parse("2026-autumn").unwrap()
}

/// The demo school (12 teachers, one year) in a temporary file.
fn school() -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.redb");
    let opts = DemoOptions {
        teachers: 12,
        years: 1,
        seed: 7,
    };
    let app = demo(&path, "office", now(), opts, &mut |_, _| {}).unwrap();
    (dir, app)
}

/// A new, empty database with the autumn term.
fn empty() -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = init(&dir.path().join("e.redb"), "office", now()).unwrap();
    app.add_term(
        Term {
            id: autumn(),
            start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2027, 1, 20).unwrap(),
        },
        now(),
    )
    .unwrap();
    (dir, app)
}

fn teachers(
    app: &mut App,
    name: &str,
    bytes: &[u8],
) -> Result<ImportSummary, peixun::app::AppError> {
    app.import_teachers(name, bytes, Encoding::Auto, now(), &mut |_, _| {})
}

fn plan(app: &mut App, name: &str, bytes: &[u8]) -> Result<ImportSummary, peixun::app::AppError> {
    app.import_plan(name, bytes, Encoding::Auto, autumn(), now(), &mut |_, _| {})
}

/// The bad cells of a refused import, as (row, column, problem).
fn problems(r: Result<ImportSummary, peixun::app::AppError>) -> Vec<(usize, String, Problem)> {
    match r {
        Err(peixun::app::AppError::Import(ImportError::Rows { problems, .. })) => problems
            .into_iter()
            .map(|p: RowProblem| (p.row, p.column, p.problem))
            .collect(),
        other => panic!("expected bad rows, got {other:?}"),
    }
}

/// What a refused import must leave as it was.
fn state(app: &App) -> (u64, Vec<Teacher>, usize, usize) {
    (
        app.generation().unwrap(),
        app.teachers().unwrap(),
        app.sessions().unwrap().len(),
        app.history(None, None).unwrap().len(),
    )
}

fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn roster_export_then_import_gives_the_same_roster() {
    let (_d, mut from) = school();
    let roster = from.teachers().unwrap();
    assert_eq!(roster.len(), 12);
    for lang in [Lang::Zh, Lang::En] {
        let files = [
            (
                "r.xlsx",
                peixun::io::export::roster_xlsx(
                    &peixun::io::export::RosterSheet {
                        school: Some("第一中学"),
                        teachers: &roster,
                        exported: chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
                            .unwrap()
                            .and_hms_opt(16, 25, 0)
                            .unwrap(),
                        lang,
                    },
                    "r.xlsx",
                )
                .unwrap(),
            ),
            (
                "r.csv",
                peixun::io::export::roster_csv(&roster, lang, Encoding::Utf8),
            ),
            (
                "g.csv",
                peixun::io::export::roster_csv(&roster, lang, Encoding::Gbk),
            ),
        ];
        for (name, bytes) in files {
            let (_e, mut to) = empty();
            let s = teachers(&mut to, name, &bytes).unwrap();
            assert_eq!((s.added, s.updated, s.unchanged), (12, 0, 0), "{name}");
            // A teacher without a first day starts at the import (issue 25).
            let started: Vec<_> = roster
                .iter()
                .cloned()
                .map(|mut t| {
                    if t.active_from.is_none() {
                        t.active_from = Some(now().date());
                        t.from_time = Some(now().time());
                    }
                    t
                })
                .collect();
            assert_eq!(to.teachers().unwrap(), started, "{name} in {lang:?}");
            // And the original database sees its own roster as unchanged.
            let before = state(&from);
            let s = teachers(&mut from, name, &bytes).unwrap();
            assert_eq!((s.added, s.updated, s.unchanged), (0, 0, 12));
            assert_eq!(state(&from), before);
        }
    }
}

#[test]
fn reimport_changes_nothing_and_a_changed_row_is_one_update() {
    let (_e, mut app) = empty();
    let csv = "工号,姓名,教研组,年级组,性别\nA01,张三,语文,七年级,男\nA02,李四,数学,,女\n";
    let s = teachers(&mut app, "r.csv", csv.as_bytes()).unwrap();
    assert_eq!((s.added, s.updated), (2, 0));
    let before = state(&app);
    let s = teachers(&mut app, "r.csv", csv.as_bytes()).unwrap();
    assert!(!s.changed());
    assert_eq!(state(&app), before, "a re-import changed the database");

    let changed = csv.replace("李四,数学", "李四,物理");
    let s = teachers(&mut app, "r2.csv", changed.as_bytes()).unwrap();
    assert_eq!((s.added, s.updated, s.unchanged), (0, 1, 1));
    let h = app.history(Some(&TeacherId("A02".into())), None).unwrap();
    let last = h.last().unwrap();
    assert_eq!(last.action, "teacher.update");
    assert_eq!(last.reason.as_deref(), Some("import r2.csv"));
    assert!(last.before.as_deref().unwrap().contains("数学"));
    assert!(last.after.as_deref().unwrap().contains("物理"));
    assert_eq!(app.history(None, None).unwrap().len(), before.3 + 1);

    // A file without the 年级组 column keeps the stored grades; one with a
    // last day sets it, and the usual roster (without that column) keeps it.
    let leaving = "工号,姓名,教研组,离校日期\nA01,张三,语文,2027-01-15\n";
    let s = teachers(&mut app, "leaving.csv", leaving.as_bytes()).unwrap();
    assert_eq!((s.added, s.updated), (0, 1));
    let a01 = app.teachers().unwrap().remove(0);
    assert_eq!(a01.grade.as_deref(), Some("七年级"));
    assert_eq!(a01.active_to, NaiveDate::from_ymd_opt(2027, 1, 15));
    let before = state(&app);
    assert!(
        !teachers(&mut app, "r2.csv", changed.as_bytes())
            .unwrap()
            .changed()
    );
    assert_eq!(state(&app), before);
}

#[test]
fn a_malformed_csv_is_refused_with_rows_and_columns_and_changes_nothing() {
    let (_d, mut app) = school();
    let before = state(&app);
    let csv = "工号,姓名,教研组,年级组,入职日期\n\
               N001,张三,语文,七年级,2025-09-01\n\
               N002,李四,数学,八年级,2025/13/40\n\
               N003,,英语,,\n\
               N001,王五,语文,,\n";
    let got = problems(teachers(&mut app, "bad.csv", csv.as_bytes()));
    assert_eq!(
        got,
        vec![
            (3, "E".into(), Problem::Date),
            (4, "B".into(), Problem::Missing),
            (5, "A".into(), Problem::Duplicate { first_row: 2 }),
        ]
    );
    assert_eq!(state(&app), before, "a refused file changed the database");
    // The message names the file, each row, column and header.
    let e = app
        .import_teachers(
            "bad.csv",
            csv.as_bytes(),
            Encoding::Auto,
            now(),
            &mut |_, _| {},
        )
        .unwrap_err();
    let zh = i18n::error(Lang::Zh, &e);
    assert!(zh.starts_with("bad.csv:3 处错误,未导入任何数据"), "{zh}");
    assert!(zh.contains("第 3 行 E 列(入职日期)"), "{zh}");
    let en = i18n::error(Lang::En, &e);
    assert!(en.contains("row 4, column B (姓名): `` is empty"), "{en}");
    assert!(
        en.contains("row 5, column A (工号): `N001` repeats row 2"),
        "{en}"
    );
}

#[test]
fn a_malformed_xlsx_is_refused_with_excel_row_numbers_and_changes_nothing() {
    let (_d, mut app) = school();
    let before = state(&app);
    // A title row above the header, and a blank row 4, as schools make them.
    let bytes = xlsx(&[
        &["阳光小学教师名单"],
        &["id", "name", "group", "grade"],
        &["X01", "赵六", "语文", "七年级"],
        &[],
        &["X 02", "钱七", "数学", ""],
        &["X03", "孙八", "", ""],
    ]);
    let got = problems(teachers(&mut app, "bad.xlsx", &bytes));
    assert_eq!(
        got,
        vec![
            (5, "A".into(), Problem::Spaces),
            (6, "C".into(), Problem::Missing),
        ]
    );
    assert_eq!(state(&app), before);

    // A plan with the end before the start, and a date outside the term.
    let bytes = xlsx(&[
        &["日期", "开始", "结束", "主题", "类型", "学分", "主讲人"],
        &[
            "2026-10-08",
            "15:30",
            "17:00",
            "课例研讨",
            "校本培训",
            "1",
            "王老师",
        ],
        &[
            "2026-10-15",
            "17:00",
            "15:30",
            "说课",
            "业务学习",
            "0.5",
            "",
        ],
    ]);
    assert_eq!(
        problems(plan(&mut app, "plan.xlsx", &bytes)),
        vec![(3, "C".into(), Problem::EndNotAfterStart)]
    );
    let bytes = xlsx(&[
        &["日期", "开始", "结束", "主题"],
        &["2026-10-08", "15:30", "17:00", "课例研讨"],
        &["2027-03-01", "15:30", "17:00", "开学培训"],
    ]);
    let got = problems(plan(&mut app, "plan.xlsx", &bytes));
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].0, got[0].1.as_str()), (3, "A"));
    assert!(matches!(got[0].2, Problem::OutsideTerm { .. }));
    assert_eq!(state(&app), before);
}

#[test]
fn gbk_csv_as_excel_saves_it_in_china() {
    let text = "工号,姓名,教研组,年级组\r\nG001,欧阳修,语文,七年级\r\nG002,张三丰,数学,\r\n";
    let (bytes, _, lossy) = encoding_rs::GBK.encode(text);
    assert!(!lossy);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test file must not be UTF-8"
    );
    let (_e, mut app) = empty();
    let s = teachers(&mut app, "gbk.csv", &bytes).unwrap();
    assert_eq!(s.added, 2);
    let t = app.teachers().unwrap();
    assert_eq!(t[0].name, "欧阳修");
    assert_eq!(t[0].grade.as_deref(), Some("七年级"));
    assert_eq!(t[1].name, "张三丰");
    assert_eq!(t[1].group, "数学");

    // Forcing UTF-8 on it is refused, naming the line, and changes nothing.
    let (_f, mut other) = empty();
    let before = state(&other);
    let e = other
        .import_teachers("gbk.csv", &bytes, Encoding::Utf8, now(), &mut |_, _| {})
        .unwrap_err();
    match e {
        peixun::app::AppError::Import(ImportError::Encoding { line, .. }) => assert_eq!(line, 1),
        other => panic!("expected an encoding error, got {other:?}"),
    }
    assert_eq!(state(&other), before);
    // A UTF-8 file with a BOM, as Excel's "CSV UTF-8" saves, reads the same.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let s = teachers(&mut other, "bom.csv", &bom).unwrap();
    assert_eq!(s.added, 2);
    assert_eq!(other.teachers().unwrap(), t);
}

#[test]
fn plan_import_adds_matches_and_updates_sessions() {
    let (_e, mut app) = empty();
    let csv = "日期,时间,主题,类型,学分,主讲人,参加对象\n\
               2026/9/9,15:30-17:00,新课标解读,校本培训,1,王校长,全体教师\n\
               2026年9月16日,16:00-17:00,语文组教研,业务学习,0.5,,语文、英语\n";
    let s = plan(&mut app, "plan.csv", csv.as_bytes()).unwrap();
    assert_eq!((s.added, s.updated), (2, 0));
    let sessions = app.sessions().unwrap();
    assert_eq!(sessions.len(), 2);
    let second = &sessions[1].session;
    assert_eq!(second.date, NaiveDate::from_ymd_opt(2026, 9, 16).unwrap());
    assert_eq!(second.credits.to_string(), "0.5");
    assert_eq!(second.kind, peixun::core::SessionKind::WeeklyStudy);
    assert_eq!(
        second.audience,
        peixun::core::Audience::Groups(vec!["语文".into(), "英语".into()])
    );
    let before = state(&app);
    assert!(
        !plan(&mut app, "plan.csv", csv.as_bytes())
            .unwrap()
            .changed()
    );
    assert_eq!(state(&app), before);
    // New credits for a session: the same session, updated in place.
    let s = plan(
        &mut app,
        "plan.csv",
        csv.replace(",1,王校长", ",2,王校长").as_bytes(),
    )
    .unwrap();
    assert_eq!((s.added, s.updated, s.unchanged), (0, 1, 1));
    let after = app.sessions().unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(after[0].session.id, sessions[0].session.id);
    assert_eq!(after[0].session.credits.to_string(), "2");
}

#[test]
fn only_the_training_office_imports_and_publishes() {
    let (dir, mut app) = school();
    app.set_account("leader1", vec![Role::Leader], None, now())
        .unwrap();
    let path = dir.path().join("s.redb");
    let mut leader = App::open(&path, "leader1", None, false).unwrap();
    let before = state(&app);
    let csv = "工号,姓名,教研组\nZ01,周九,语文\n";
    assert!(matches!(
        teachers(&mut leader, "r.csv", csv.as_bytes()),
        Err(peixun::app::AppError::Forbidden { .. })
    ));
    assert!(matches!(
        leader.publish(autumn(), now()),
        Err(peixun::app::AppError::Forbidden { .. })
    ));
    assert_eq!(state(&app), before);
    // Viewing the standings is enough to export them.
    assert!(
        !leader
            .standings(Period::Term(autumn()), now().date())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_correction_after_publishing_flags_the_row_until_published_again() {
    let (_d, mut app) = school();
    let term = Period::Term(autumn());
    let today = now().date();
    assert!(
        app.standings(term, today)
            .unwrap()
            .iter()
            .all(|r| !r.changed_since_published)
    );
    let p = app.publish(autumn(), now()).unwrap();
    assert_eq!(p.number, 1);
    assert_eq!(p.rows.len(), 12);
    assert!(
        app.standings(term, today)
            .unwrap()
            .iter()
            .all(|r| !r.changed_since_published)
    );

    // Someone present at a closed session is corrected to absent.
    let (session, who) = present_at_closed(&app, NaiveDate::from_ymd_opt(2026, 9, 1).unwrap());
    app.correct_facts(session, &who, RollFacts::default(), "补录更正", now())
        .unwrap();
    let rows = app.standings(term, today).unwrap();
    let flagged: Vec<&TeacherId> = rows
        .iter()
        .filter(|r| r.changed_since_published)
        .map(|r| &r.teacher.id)
        .collect();
    assert_eq!(flagged, vec![&who]);
    // The year's standings show the same teacher as changed.
    let year: Vec<TeacherId> = app
        .standings(Period::Year(autumn().year), today)
        .unwrap()
        .into_iter()
        .filter(|r| r.changed_since_published)
        .map(|r| r.teacher.id)
        .collect();
    assert_eq!(year, vec![who.clone()]);

    let p = app.publish(autumn(), now()).unwrap();
    assert_eq!(p.number, 2);
    assert!(
        app.standings(term, today)
            .unwrap()
            .iter()
            .all(|r| !r.changed_since_published)
    );
    assert_eq!(app.publications(autumn()).unwrap().len(), 2);
    let h = app.history(None, None).unwrap();
    assert_eq!(h.iter().filter(|e| e.action == "term.publish").count(), 2);
}

// ---- the command line ----------------------------------------------------

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PEIXUN_NOW", NOW)
        .env_remove("PEIXUN_DB")
        .env("LANG", "C")
        .output()
        .expect("run peixun")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "peixun {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(!out.status.success(), "peixun {args:?} should be refused");
    assert!(out.stdout.is_empty());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn cli_school() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.redb");
    ok(&db, &["demo", "--teachers", "12", "--seed", "7"]);
    (dir, db)
}

fn cell(r: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

fn number(r: &calamine::Range<Data>, row: u32, col: u32) -> f64 {
    match r.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("no number at ({row}, {col}): {other:?}"),
    }
}

#[test]
fn exported_standings_xlsx_has_title_header_rows_and_totals() {
    let (dir, db) = cli_school();
    ok(&db, &["school", "阳光实验中学"]);
    let json: serde_json::Value =
        serde_json::from_str(&ok(&db, &["standings", "--term", "2026-autumn", "--json"])).unwrap();
    let rows = json.as_array().unwrap();
    let out = dir.path().join("s.xlsx");
    let said = ok(
        &db,
        &[
            "export",
            "standings",
            "--term",
            "2026-autumn",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(said.contains("已导出"), "{said}");
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let r = wb.worksheet_range_at(0).unwrap().unwrap();
    let title = cell(&r, 0, 0);
    assert!(title.contains("阳光实验中学"), "{title}");
    assert!(title.contains("2026-2027学年第一学期"), "{title}");
    assert!(
        cell(&r, 1, 0).contains("本学期尚未公布"),
        "{}",
        cell(&r, 1, 0)
    );
    // The sheet's columns as they have always been (sheets::columns).
    let want = [
        "工号",
        "姓名",
        "教研组",
        "年级组",
        "出勤",
        "迟到",
        "早退",
        "旷工",
        "公假",
        "事假",
        "病假",
        "学分",
        "应得学分",
        "积分",
        "考核",
        "说明",
        "公布后有更改",
        "笔记字数",
        "档案",
        "扣分",
        "待认定学分",
        "学分提醒",
    ];
    assert_eq!(peixun::io::columns::export_headers(Lang::Zh), want);
    let headers: Vec<String> = (0..want.len() as u32).map(|c| cell(&r, 2, c)).collect();
    assert_eq!(headers, want.map(String::from));
    for (i, want) in rows.iter().enumerate() {
        let row = 3 + i as u32;
        assert_eq!(cell(&r, row, 0), want["id"].as_str().unwrap());
        assert_eq!(cell(&r, row, 1), want["name"].as_str().unwrap());
        assert_eq!(number(&r, row, 4), want["present"].as_f64().unwrap());
        assert_eq!(number(&r, row, 7), want["absent"].as_f64().unwrap());
        assert_eq!(number(&r, row, 11), want["credits"].as_f64().unwrap());
        let verdict = if want["qualified"].as_bool().unwrap() {
            "合格"
        } else {
            "不合格"
        };
        assert_eq!(cell(&r, row, 14), verdict);
    }
    let total = 3 + rows.len() as u32;
    assert_eq!(cell(&r, total, 0), "合计");
    assert_eq!(cell(&r, total, 1), format!("{} 人", rows.len()));
    let sum = |k: &str| rows.iter().map(|x| x[k].as_f64().unwrap()).sum::<f64>();
    assert_eq!(number(&r, total, 4), sum("present"));
    assert_eq!(number(&r, total, 5), sum("late"));
    assert_eq!(number(&r, total, 7), sum("absent"));
    assert!((number(&r, total, 11) - sum("credits")).abs() < 1e-9);
    let bad = rows
        .iter()
        .filter(|x| !x["qualified"].as_bool().unwrap())
        .count();
    assert_eq!(cell(&r, total, 14), format!("不合格 {bad} 人"));
    assert_eq!(r.height() as u32, total + 1, "nothing below the totals");

    // The same as CSV: a BOM, the header, one line a teacher.
    let csv_path = dir.path().join("s.csv");
    ok(
        &db,
        &[
            "export",
            "standings",
            "--term",
            "2026-autumn",
            "--out",
            csv_path.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut rd = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(rd.headers().unwrap().get(0), Some("工号"));
    assert_eq!(rd.records().count(), rows.len());
    // An existing file is not replaced without --force.
    let msg = refused(
        &db,
        &[
            "export",
            "standings",
            "--term",
            "2026-autumn",
            "--out",
            csv_path.to_str().unwrap(),
        ],
    );
    assert!(msg.contains("--force"), "{msg}");
    ok(
        &db,
        &[
            "export",
            "standings",
            "--term",
            "2026-autumn",
            "--out",
            csv_path.to_str().unwrap(),
            "--force",
        ],
    );
}

#[test]
fn cli_roster_round_trip_record_export_and_publish() {
    let (dir, db) = cli_school();
    let x = dir.path().join("roster.xlsx");
    let g = dir.path().join("roster.csv");
    ok(&db, &["export", "teachers", "--out", x.to_str().unwrap()]);
    ok(
        &db,
        &[
            "export",
            "teachers",
            "--out",
            g.to_str().unwrap(),
            "--encoding",
            "gbk",
        ],
    );
    for file in [&x, &g] {
        let fresh = dir.path().join(format!(
            "{}.redb",
            file.extension().unwrap().to_string_lossy()
        ));
        ok(&fresh, &["init"]);
        let said = ok(
            &fresh,
            &["--lang", "en", "import", "teachers", file.to_str().unwrap()],
        );
        assert!(said.contains("12 added"), "{said}");
        // The same roster; a teacher without a first day starts on the day
        // of the import (issue 25).
        let joined = |db: &Path| -> Vec<serde_json::Value> {
            let list: Vec<serde_json::Value> =
                serde_json::from_str(&ok(db, &["teacher", "list", "--json"])).unwrap();
            list.into_iter()
                .map(|mut t| {
                    if let Some(o) = t.as_object_mut() {
                        o.remove("groups");
                        if o.get("joined").is_some_and(|j| j.is_null()) {
                            o.insert("joined".into(), serde_json::json!("fresh"));
                        }
                        o.remove("from_time");
                    }
                    t
                })
                .collect()
        };
        let was = joined(&db);
        let now: Vec<serde_json::Value> = joined(&fresh)
            .into_iter()
            .zip(&was)
            .map(|(mut t, w)| {
                if w["joined"] == "fresh"
                    && t["joined"].is_string()
                    && let Some(o) = t.as_object_mut()
                {
                    o.insert("joined".into(), serde_json::json!("fresh"));
                }
                t
            })
            .collect();
        assert_eq!(now, was);
        let said = ok(
            &fresh,
            &["--lang", "en", "import", "teachers", file.to_str().unwrap()],
        );
        assert!(said.contains("nothing new"), "{said}");
    }

    // A bad plan: the message lists the row and column; nothing changes.
    let bad = dir.path().join("plan.csv");
    std::fs::write(
        &bad,
        "日期,开始,结束,主题\n2026-12-02,15:30,17:00,期末复习研讨\n2026-12-09,15:30,17:00,\n",
    )
    .unwrap();
    let history = ok(&db, &["history"]);
    let msg = refused(
        &db,
        &[
            "--lang",
            "en",
            "import",
            "plan",
            bad.to_str().unwrap(),
            "--term",
            "2026-autumn",
        ],
    );
    assert!(msg.contains("row 3, column D (主题): `` is empty"), "{msg}");
    assert_eq!(ok(&db, &["history"]), history);

    let rec = dir.path().join("t1.xlsx");
    ok(
        &db,
        &["export", "record", "T0001", "--out", rec.to_str().unwrap()],
    );
    let mut wb: Xlsx<_> = calamine::open_workbook(&rec).unwrap();
    let r = wb.worksheet_range_at(0).unwrap().unwrap();
    assert!(cell(&r, 0, 0).contains("T0001"));
    assert_eq!(cell(&r, 2, 0), "编号");

    let said = ok(&db, &["publish", "--term", "2026-autumn"]);
    assert!(said.contains("第1次"), "{said}");
    let listed = ok(
        &db,
        &["--lang", "en", "publish", "--term", "2026-autumn", "--list"],
    );
    assert_eq!(listed.lines().count(), 2, "{listed}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&db, &["standings", "--term", "2026-autumn", "--json"])).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|r| r["changed_since_published"] == false)
    );
}

#[test]
fn parse_functions_for_fuzzing_never_panic_on_junk() {
    for junk in [
        &b""[..],
        b"\xff\xfe\x00",
        b"PK\x03\x04garbage",
        b"\xD0\xCF\x11\xE0junk",
        b"a,b\n\"unclosed",
        "工号,姓名,教研组\n".as_bytes(),
    ] {
        assert!(peixun::io::parse_roster_bytes("junk", junk).is_err());
        assert!(peixun::io::parse_plan_bytes("junk", junk).is_err());
    }
    let ok = peixun::io::parse_roster_bytes("r.csv", "id,name,group\n1,A,B\n".as_bytes()).unwrap();
    assert_eq!(ok[0].id.0, "1");
}
