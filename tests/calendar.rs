//! The school's year as it really goes (issue 14), through the binary: the
//! nine cases the issue reproduced, each of which the program before it got
//! wrong, and the lists scripts read as JSON.

mod common;

use common::{Db, SETUP, school, teacher};
use serde_json::Value;

fn json(db: &Db, now: &str, args: &[&str]) -> Value {
    let out = db.ok(now, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

fn row<'a>(rows: &'a Value, id: &str) -> &'a Value {
    rows.as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == id))
        .unwrap_or_else(|| panic!("no row {id} in {rows}"))
}

/// Takes a whole roll at `session` on `day`: everyone in `present` answers
/// the first call; the rest are absent unless on leave.
fn roll(db: &Db, session: &str, day: &str, present: &[&str]) {
    let mut first = vec!["roll", "first", session];
    first.extend_from_slice(present);
    db.ok(&format!("{day}T15:31"), &first);
    db.ok(&format!("{day}T15:36"), &["roll", "second", session]);
    db.ok(&format!("{day}T15:40"), &["roll", "end-second", session]);
    db.ok(&format!("{day}T16:30"), &["roll", "close", session]);
}

/// Case 1 (篇12, 篇4 学年度累积计算): between the end of autumn and the day the
/// spring term is entered, a teacher who attended everything is not
/// 不合格: credits and the archive wait for the academic year's last day.
#[test]
fn case1_the_autumn_posting_gives_no_year_verdict() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10"]);
    roll(&db, &s[0], "2025-09-10", &[&teacher(1), &teacher(2)]);
    let january = "2026-01-25T09:00";
    let rows = json(&db, january, &["standings", "--year", "2025", "--json"]);
    let r = row(&rows, &teacher(1));
    assert_eq!(r["qualified"], true, "{r}");
    assert_eq!(r["deductions"].as_array().map(Vec::len), Some(0), "{r}");
    assert_eq!(r["year_over"], false, "{r}");
    let term = db.ok(january, &["standings", "--term", "2025-autumn"]);
    assert!(
        term.contains("credits 2/40") && !term.contains("unqualified"),
        "the term shows year progress, never a year verdict:\n{term}"
    );
    db.ok(january, &["publish", "--term", "2025-autumn"]);
    let posted = db.ok(january, &["publish", "--term", "2025-autumn", "--list"]);
    let last = posted.lines().last().unwrap_or_default();
    assert!(
        last.trim_end().ends_with(" 0"),
        "nobody posted 不合格:\n{posted}"
    );
    // After the year's last day (2026-08-31 by default) the verdict applies.
    let rows = json(
        &db,
        "2026-09-01T09:00",
        &["standings", "--year", "2025", "--json"],
    );
    assert_eq!(row(&rows, &teacher(1))["qualified"], false);
}

/// Case 2 (篇4 学年度累积计算): a term belongs to the academic year that
/// contains its first day; a name that disagrees is refused with the name
/// that fits, and autumn's two absences meet spring's third.
#[test]
fn case2_a_terms_dates_decide_its_year() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10", "2025-09-17"]);
    let refused = db.refused(
        None,
        SETUP,
        &["term", "add", "2024-spring", "2026-02-20", "2026-07-10"],
    );
    assert!(
        refused.contains("2025-spring") && refused.contains("2025-2026 spring term"),
        "{refused}"
    );
    // Named as schools do: 2025-2026学年第二学期.
    db.ok(
        SETUP,
        &[
            "term",
            "add",
            "2025-2026学年第二学期",
            "2026-02-20",
            "2026-07-10",
        ],
    );
    let terms = json(&db, SETUP, &["term", "list", "--json"]);
    assert!(terms.to_string().contains("\"2025-spring\""), "{terms}");
    let spring = common::last_number(&db.ok(
        SETUP,
        &["session", "add", "2026-03-04", "15:30", "16:30", "Spring"],
    ));
    roll(&db, &s[0], "2025-09-10", &[&teacher(2)]);
    roll(&db, &s[1], "2025-09-17", &[&teacher(2)]);
    roll(&db, &spring, "2026-03-04", &[&teacher(2)]);
    let rows = json(
        &db,
        "2026-03-05T09:00",
        &["standings", "--year", "2025", "--json"],
    );
    let r = row(&rows, &teacher(1));
    assert_eq!(r["year_unexcused_absences"], 3, "{r}");
    assert_eq!(r["qualified"], false, "three absences in one year: {r}");
    // Overlapping terms are refused, naming the other.
    db.ok(
        SETUP,
        &["term", "add", "2026-2027-1", "2026-09-01", "2027-02-10"],
    );
    let overlap = db.refused(
        None,
        SETUP,
        &["term", "add", "2027年春季学期", "2027-02-01", "2027-07-10"],
    );
    assert!(overlap.contains("2026-autumn"), "{overlap}");
}

/// A spring term named by the calendar year it falls in (`2027-spring`, as
/// `2027年春季学期` names it) is the spring of the academic year before:
/// accepted and stored as that term (issue 27); a name that fits neither
/// reading is still refused.
#[test]
fn a_spring_term_named_by_its_calendar_year_is_accepted() {
    let db = Db::new();
    school(&db, 1, &["2025-09-10"]);
    db.ok(
        SETUP,
        &["term", "add", "2027-spring", "2027-02-22", "2027-07-10"],
    );
    let terms = json(&db, SETUP, &["term", "list", "--json"]);
    assert!(terms.to_string().contains("\"2026-spring\""), "{terms}");
    assert!(!terms.to_string().contains("2027-spring"), "{terms}");
    let history = json(&db, SETUP, &["history", "--json"]);
    let added: Vec<&Value> = history
        .as_array()
        .expect("a list")
        .iter()
        .filter(|e| e["action"] == "term.add")
        .collect();
    assert!(
        added
            .last()
            .is_some_and(|e| e.to_string().contains("2026-spring")),
        "{history}"
    );
    // The school-year reading of the same code still fits its own dates …
    db.ok(
        SETUP,
        &["term", "add", "2027-spring", "2028-02-21", "2028-07-10"],
    );
    let terms = json(&db, SETUP, &["term", "list", "--json"]);
    assert!(terms.to_string().contains("\"2027-spring\""), "{terms}");
    // … and a name that fits neither reading is refused.
    let refused = db.refused(
        None,
        SETUP,
        &["term", "add", "2029-spring", "2029-09-01", "2030-01-20"],
    );
    assert!(refused.contains("2029-autumn"), "{refused}");
}

/// Case 3: a teacher joins from the day they are added; sessions before
/// are not required. Teachers are edited and leave, and the list shows
/// both dates.
#[test]
fn case3_people_join_and_leave() {
    let db = Db::new();
    let s = school(
        &db,
        1,
        &["2025-09-10", "2025-09-17", "2025-09-24", "2025-10-15"],
    );
    for (i, d) in ["2025-09-10", "2025-09-17", "2025-09-24"]
        .iter()
        .enumerate()
    {
        roll(&db, &s[i], d, &[&teacher(1)]);
    }
    db.ok(
        "2025-09-29T10:00",
        &["teacher", "add", "N1", "新来", "语文"],
    );
    let rows = json(&db, "2025-09-29T10:00", &["standings", "--json"]);
    let r = row(&rows, "N1");
    assert_eq!(r["absent"], 0, "{r}");
    assert_eq!(r["qualified"], true, "{r}");
    let list = json(&db, "2025-09-29T10:00", &["teacher", "list", "--json"]);
    assert_eq!(row(&list, "N1")["joined"], "2025-09-29");
    db.ok(
        "2025-09-29T10:05",
        &["teacher", "edit", "N1", "--from", "2025-09-20"],
    );
    // Issue 25: a start before a closed roll does not put them on it.
    let rows = json(&db, "2025-09-29T10:05", &["standings", "--json"]);
    assert_eq!(
        row(&rows, "N1")["absent"],
        0,
        "the 09-24 roll closed without them"
    );
    // T0001 leaves on 2025-10-01: the 10-15 session is not theirs, the
    // past stays.
    db.ok(
        "2025-10-02T10:00",
        &[
            "teacher",
            "leave",
            &teacher(1),
            "--on",
            "2025-10-01",
            "--reason",
            "调离",
        ],
    );
    let table = db.ok("2025-10-02T10:00", &["teacher", "list"]);
    let line = table
        .lines()
        .find(|l| l.starts_with(&teacher(1)))
        .unwrap_or_default();
    assert!(
        line.contains("2025-08-25") && line.contains("2025-10-01"),
        "{table}"
    );
    roll(&db, &s[3], "2025-10-15", &[]);
    let rows = json(&db, "2025-10-16T10:00", &["standings", "--json"]);
    let r = row(&rows, &teacher(1));
    assert_eq!(
        (r["present"].as_u64(), r["absent"].as_u64()),
        (Some(3), Some(0)),
        "{r}"
    );
    let history = db
        .ok(
            "2025-10-16T10:00",
            &["history", "--teacher", &teacher(1), "--json"],
        )
        .to_string();
    assert!(
        history.contains("teacher.leave") && history.contains("调离"),
        "{history}"
    );
    let bad = db.refused(
        None,
        "2025-10-16T10:00",
        &["teacher", "leave", "N1", "--on", "2025-09-01"],
    );
    assert!(bad.contains("2025-09-20"), "{bad}");
}

/// Case 4: a session moved keeps its number: a leave that named it follows
/// it, a leave by date covers what it now overlaps; a cancelled session
/// counts for nobody and leaves nothing pending.
#[test]
fn case4_sessions_move_and_are_cancelled() {
    let db = Db::new();
    let s = school(&db, 3, &["2025-09-10", "2025-09-17"]);
    db.ok(SETUP, &["account", "set", "leader1", "--roles", "leader"]);
    let ask = "2025-09-01T10:00";
    let by_session = common::last_number(&db.ok(
        ask,
        &[
            "leave",
            "request",
            &teacher(1),
            "personal",
            "--sessions",
            &s[0],
            "--reason",
            "家事",
            "--note",
        ],
    ));
    let by_date = common::last_number(&db.ok(
        ask,
        &[
            "leave",
            "request",
            &teacher(2),
            "personal",
            "--from",
            "2025-09-10",
            "--reason",
            "家事",
            "--note",
        ],
    ));
    for l in [&by_session, &by_date] {
        db.ok_as("leader1", "2025-09-02T10:00", &["leave", "approve", l]);
    }
    let no_reason = db.run(
        None,
        "2025-09-03T10:00",
        &["session", "move", &s[0], "2025-09-12", "15:30", "16:30"],
    );
    assert!(!no_reason.status.success(), "a move needs --reason");
    db.ok(
        "2025-09-03T10:00",
        &[
            "session",
            "move",
            &s[0],
            "2025-09-12",
            "15:30",
            "16:30",
            "--reason",
            "教师节活动",
        ],
    );
    roll(&db, &s[0], "2025-09-12", &[&teacher(3)]);
    let status = json(
        &db,
        "2025-09-12T17:00",
        &["roll", "status", &s[0], "--json"],
    );
    let line = |t: &str| {
        status["lines"]
            .as_array()
            .and_then(|a| a.iter().find(|l| l["teacher"] == t))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(line(&teacher(1))["category"], "PersonalLeave", "{status}");
    assert_eq!(line(&teacher(2))["category"], "Absent", "{status}");
    assert_eq!(status["step"], "closed");
    db.ok(
        "2025-09-15T10:00",
        &["session", "cancel", &s[1], "--reason", "期中考试"],
    );
    let rows = json(&db, "2025-09-20T10:00", &["standings", "--json"]);
    for t in [teacher(1), teacher(2), teacher(3)] {
        assert_eq!(row(&rows, &t)["pending"], 0, "nothing pending for good");
    }
    assert_eq!(row(&rows, &teacher(2))["absent"], 1);
    assert_eq!(row(&rows, &teacher(2))["personal_leave"], 0);
    let sessions = json(&db, "2025-09-20T10:00", &["session", "list", "--json"]);
    let cancelled = sessions
        .as_array()
        .and_then(|a| a.iter().find(|x| x["id"].as_u64() == s[1].parse().ok()))
        .cloned()
        .unwrap_or_default();
    assert_eq!(cancelled["cancelled"], true, "{sessions}");
    let refused = db.refused(None, "2025-09-20T10:00", &["roll", "first", &s[1]]);
    assert!(refused.contains("cancelled"), "{refused}");
    let history = db.ok(
        "2025-09-20T10:00",
        &["history", "--session", &s[1], "--json"],
    );
    assert!(
        history.contains("session.cancel") && history.contains("期中考试"),
        "{history}"
    );
}

/// Case 5 (篇4, 篇7, 篇10 ③ 特殊情况(如急诊)除外): personal leave still
/// pending when its session starts lapses; only emergency sick leave is
/// approved after the fact.
#[test]
fn case5_only_an_emergency_is_approved_after_the_fact() {
    let db = Db::new();
    let s = school(&db, 3, &["2025-09-10"]);
    db.ok(SETUP, &["account", "set", "leader1", "--roles", "leader"]);
    db.ok(SETUP, &["account", "set", "principal", "--roles", "school"]);
    let personal = common::last_number(&db.ok(
        "2025-09-08T10:00",
        &[
            "leave",
            "request",
            &teacher(1),
            "personal",
            "--sessions",
            &s[0],
            "--reason",
            "家事",
            "--note",
        ],
    ));
    roll(&db, &s[0], "2025-09-10", &[]);
    let emergency = common::last_number(&db.ok(
        "2025-09-10T18:00",
        &[
            "leave",
            "request",
            &teacher(2),
            "sick",
            "--sessions",
            &s[0],
            "--reason",
            "急诊",
            "--certificate",
            "--emergency",
        ],
    ));
    let refused = db.refused(
        Some("leader1"),
        "2025-09-12T10:00",
        &["leave", "approve", &personal],
    );
    assert!(refused.contains("expired"), "{refused}");
    db.ok_as(
        "principal",
        "2025-09-12T10:00",
        &["leave", "approve", &emergency],
    );
    let decided = json(
        &db,
        "2025-09-12T10:00",
        &["leave", "list", "--decided", "--json"],
    );
    let lapsed = decided
        .as_array()
        .and_then(|a| a.iter().find(|l| l["id"].as_u64() == personal.parse().ok()))
        .cloned()
        .unwrap_or_default();
    assert_eq!(lapsed["status"], "Expired", "{decided}");
    let table = db.ok("2025-09-12T10:00", &["leave", "list", "--decided"]);
    assert!(table.contains("lapsed"), "the reason is shown:\n{table}");
    let rows = json(&db, "2025-09-12T10:00", &["standings", "--json"]);
    assert_eq!(row(&rows, &teacher(1))["absent"], 1);
    assert_eq!(row(&rows, &teacher(2))["sick_leave"], 1);
}

/// Case 6: leave by the hour covers exactly the sessions it overlaps.
#[test]
fn case6_leave_by_the_hour() {
    let db = Db::new();
    let _ = school(&db, 2, &["2025-09-10"]);
    db.ok(SETUP, &["account", "set", "leader1", "--roles", "leader"]);
    let morning = common::last_number(&db.ok(
        SETUP,
        &["session", "add", "2025-09-10", "09:00", "10:00", "晨会培训"],
    ));
    let id = common::last_number(&db.ok(
        "2025-09-05T10:00",
        &[
            "leave",
            "request",
            &teacher(1),
            "personal",
            "--from",
            "2025-09-10T08:00",
            "--to",
            "2025-09-10T11:30",
            "--reason",
            "看病陪护",
            "--note",
        ],
    ));
    db.ok_as("leader1", "2025-09-06T10:00", &["leave", "approve", &id]);
    let twice = db.ok(
        "2025-09-06T11:00",
        &[
            "leave",
            "request",
            &teacher(1),
            "official",
            "--from",
            "2025-09-10",
            "--reason",
            "区教研",
        ],
    );
    assert!(
        twice.contains(&format!("overlaps these leave requests: {id}")),
        "{twice}"
    );
    roll(&db, &morning, "2025-09-10", &[]);
    roll(&db, "1", "2025-09-10", &[]);
    let record = db.ok("2025-09-11T10:00", &["record", &teacher(1)]);
    let cat = |s: &str| {
        record
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{s} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(cat(&morning).contains("personal"), "{record}");
    assert!(
        cat("1").contains("absent"),
        "the afternoon is not covered:\n{record}"
    );
}

/// Case 7: a roll starts from 30 minutes before its session, on its day;
/// earlier needs the office and a reason; a closed roll reopens.
#[test]
fn case7_rolls_in_their_time_and_reopened() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10", "2025-09-19"]);
    let early = db.refused(None, "2025-09-01T10:00", &["roll", "first", &s[0]]);
    assert!(
        early.contains("15:30") && early.contains("2025-09-10 15:00"),
        "{early}"
    );
    db.refused(None, "2025-09-10T14:59", &["roll", "first", &s[0]]);
    db.ok("2025-09-10T15:00", &["roll", "first", &s[0], &teacher(1)]);
    db.ok(
        "2025-09-18T10:00",
        &["roll", "first", &s[1], "--reason", "活动提前一天"],
    );
    db.ok("2025-09-10T15:36", &["roll", "second", &s[0]]);
    db.ok("2025-09-10T16:30", &["roll", "close", &s[0]]);
    let closed = json(
        &db,
        "2025-09-10T16:31",
        &["roll", "status", &s[0], "--json"],
    );
    assert_eq!(closed["step"], "closed");
    db.refused(
        None,
        "2025-09-10T16:40",
        &["roll", "reopen", &s[0], "--reason", " "],
    );
    db.ok(
        "2025-09-10T16:40",
        &["roll", "reopen", &s[0], "--reason", "漏记一位教师"],
    );
    let open = json(
        &db,
        "2025-09-10T16:41",
        &["roll", "status", &s[0], "--json"],
    );
    assert_eq!(open["step"], "second_call", "reopened at the step it had");
    db.ok("2025-09-10T16:42", &["roll", "second", &s[0], &teacher(2)]);
    db.ok("2025-09-10T16:43", &["roll", "close", &s[0]]);
    let rows = json(&db, "2025-09-11T10:00", &["standings", "--json"]);
    assert_eq!(row(&rows, &teacher(2))["absent"], 0);
    let history = db.ok("2025-09-11T10:00", &["history", "--session", &s[0]]);
    assert!(history.contains("漏记一位教师"), "{history}");
}

/// Case 8: early leave and arrival before the session's end, corrections
/// too; each refusal says the session's times.
#[test]
fn case8_times_are_checked() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10"]);
    db.ok("2025-09-10T15:31", &["roll", "first", &s[0], &teacher(1)]);
    db.ok("2025-09-10T15:36", &["roll", "second", &s[0]]);
    db.ok("2025-09-10T15:40", &["roll", "end-second", &s[0]]);
    let at_end = db.refused(
        None,
        "2025-09-10T16:30",
        &["roll", "leave", &s[0], &teacher(1), "--at", "16:30"],
    );
    assert!(
        at_end.contains("15:30") && at_end.contains("16:30"),
        "{at_end}"
    );
    db.refused(
        None,
        "2025-09-10T16:30",
        &["roll", "arrive", &s[0], &teacher(2), "--at", "16:30"],
    );
    let fix = db.refused(
        None,
        "2025-09-11T10:00",
        &[
            "roll",
            "correct",
            &s[0],
            &teacher(2),
            "--arrived",
            "16:45",
            "--reason",
            "补记",
        ],
    );
    assert!(fix.contains("15:30") && fix.contains("16:30"), "{fix}");
    db.ok(
        "2025-09-10T16:29",
        &["roll", "leave", &s[0], &teacher(1), "--at", "16:29"],
    );
}

/// Case 9 (篇10: 早退…特殊情况除外): an excused early leave is recorded and
/// not counted, shown as 早退(准假) with its reason.
#[test]
fn case9_excused_early_leave() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10"]);
    db.ok(
        "2025-09-10T15:31",
        &["roll", "first", &s[0], &teacher(1), &teacher(2)],
    );
    db.refused(
        None,
        "2025-09-10T16:00",
        &[
            "roll",
            "leave",
            &s[0],
            &teacher(1),
            "--at",
            "16:00",
            "--excused",
        ],
    );
    db.ok(
        "2025-09-10T16:00",
        &[
            "roll",
            "leave",
            &s[0],
            &teacher(1),
            "--at",
            "16:00",
            "--excused",
            "--reason",
            "学生突发疾病送医",
        ],
    );
    db.ok(
        "2025-09-10T16:05",
        &["roll", "leave", &s[0], &teacher(2), "--at", "16:05"],
    );
    let status = db.ok("2025-09-10T16:06", &["roll", "status", &s[0]]);
    // Said once, with its time and reason (not "early leave 16:00, early
    // leave (excused) …").
    assert!(
        status.contains("early leave (excused) 16:00 学生突发疾病送医"),
        "{status}"
    );
    assert!(!status.contains("16:00, early leave"), "{status}");
    db.ok("2025-09-10T15:36", &["roll", "second", &s[0]]);
    db.ok("2025-09-10T16:30", &["roll", "close", &s[0]]);
    let rows = json(&db, "2025-09-11T10:00", &["standings", "--json"]);
    let r1 = row(&rows, &teacher(1));
    assert_eq!(
        (r1["early_leave"].as_u64(), r1["present"].as_u64()),
        (Some(0), Some(1)),
        "{r1}"
    );
    assert_eq!(row(&rows, &teacher(2))["early_leave"], 1);
}

/// A group's weekly study is run by that group's leader (篇1 业务学习…由教研组长
/// 组织), not by a leader of another group.
#[test]
fn a_group_leader_runs_their_groups_roll() {
    let db = Db::new();
    let _ = school(&db, 4, &[]);
    db.ok(
        SETUP,
        &[
            "account",
            "set",
            "yuwen",
            "--roles",
            "group_leader",
            "--teacher",
            &teacher(1),
        ],
    );
    db.ok(
        SETUP,
        &[
            "account",
            "set",
            "shuxue",
            "--roles",
            "group_leader",
            "--teacher",
            &teacher(2),
        ],
    );
    let s = common::last_number(&db.ok(
        SETUP,
        &[
            "session",
            "add",
            "2025-09-10",
            "16:30",
            "17:30",
            "业务学习",
            "--kind",
            "weekly",
            "--groups",
            "语文",
            "--host",
            "教师1",
            "--recorder",
            "教师3",
        ],
    ));
    let other = db.refused(Some("shuxue"), "2025-09-10T16:31", &["roll", "first", &s]);
    assert!(other.contains("training office"), "{other}");
    db.ok_as(
        "yuwen",
        "2025-09-10T16:31",
        &["roll", "first", &s, &teacher(3)],
    );
    db.ok_as(
        "yuwen",
        "2025-09-10T16:36",
        &["roll", "second", &s, &teacher(1)],
    );
    db.ok_as(
        "yuwen",
        "2025-09-10T17:00",
        &[
            "roll",
            "leave",
            &s,
            &teacher(3),
            "--at",
            "17:00",
            "--excused",
            "--reason",
            "接送学生",
        ],
    );
    db.ok_as("yuwen", "2025-09-10T17:31", &["roll", "close", &s]);
    db.refused(
        Some("yuwen"),
        "2025-09-10T17:40",
        &["roll", "reopen", &s, "--reason", "x"],
    );
    let list = json(&db, "2025-09-10T18:00", &["session", "list", "--json"]);
    let one = &list[0];
    assert_eq!(
        (one["host"].as_str(), one["recorder"].as_str()),
        (Some("教师1"), Some("教师3"))
    );
    assert_eq!(one["groups"][0], "语文");
}

/// Scripts read every list as JSON, with ids and codes.
#[test]
fn every_list_as_json() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10"]);
    let at = "2025-09-05T10:00";
    db.ok(
        at,
        &[
            "leave",
            "request",
            &teacher(1),
            "official",
            "--sessions",
            &s[0],
            "--reason",
            "区教研",
        ],
    );
    for args in [
        &["leave", "list", "--all", "--json"][..],
        &["session", "list", "--json"],
        &["teacher", "list", "--json"],
        &["term", "list", "--json"],
        &["history", "--json"],
        &["credit", "list", "--json"],
        &["makeup", "list", "--json"],
    ] {
        let v = json(&db, at, args);
        assert!(v.is_array(), "{args:?}: {v}");
    }
    let roll = json(&db, at, &["roll", "status", &s[0], "--json"]);
    assert_eq!(roll["step"], "not_started");
    let leaves = json(&db, at, &["leave", "list", "--all", "--json"]);
    assert_eq!(leaves[0]["id"], 1);
    assert_eq!(leaves[0]["status"], "Pending");
}

/// The calendar's new texts obey the bounds every other text obeys
/// (docs/io.md): a title over 200 characters, a reason over 1,000, a
/// control character in either is refused by each new command, naming the
/// field, and nothing is written.
#[test]
fn the_calendar_commands_bound_their_texts() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10", "2025-09-17"]);
    roll(&db, &s[0], "2025-09-10", &[&teacher(1)]);
    let long_title = "题".repeat(201);
    let long_reason = "因".repeat(1001);
    let control = "家事\u{1b}[31m";
    let now = "2025-09-11T10:00";
    let edit = db.refused(
        None,
        now,
        &["session", "edit", &s[1], "--title", &long_title],
    );
    assert!(edit.contains("201") && edit.contains("200"), "{edit}");
    db.refused(
        None,
        now,
        &["session", "edit", &s[1], "--presenter", control],
    );
    for reason in [long_reason.as_str(), control] {
        for args in [
            vec!["session", "cancel", &s[1], "--reason", reason],
            vec![
                "session",
                "move",
                &s[1],
                "2025-09-18",
                "15:30",
                "16:30",
                "--reason",
                reason,
            ],
            vec!["roll", "reopen", &s[0], "--reason", reason],
            vec!["roll", "first", &s[1], "--reason", reason],
            vec![
                "teacher",
                "leave",
                &teacher(2),
                "--on",
                "2025-10-01",
                "--reason",
                reason,
            ],
        ] {
            let said = db.refused(None, now, &args);
            assert!(said.contains("reason"), "{args:?} names the reason: {said}");
        }
    }
}

/// `--from`/`--to` take a date or a date and time: a refusal says both
/// forms, and a time past 23:59 is no time. The Chinese refusals of a
/// cancelled session and an open roll say that nothing was changed.
#[test]
fn leave_times_and_calendar_refusals_say_what_is_wanted() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10"]);
    let ask = "2025-09-01T10:00";
    for bad in ["2025-09-10T25:00", "2025-09-10T24:00", "2025-09-10T8"] {
        let said = db.refused(
            None,
            ask,
            &[
                "leave",
                "request",
                &teacher(1),
                "personal",
                "--from",
                bad,
                "--reason",
                "x",
            ],
        );
        assert!(
            said.contains("YYYY-MM-DDTHH:MM") && said.contains(bad),
            "{said}"
        );
        let said = db.refused(
            None,
            ask,
            &[
                "leave",
                "request",
                &teacher(1),
                "personal",
                "--from",
                "2025-09-10",
                "--to",
                bad,
                "--reason",
                "x",
            ],
        );
        assert!(
            said.contains("YYYY-MM-DDTHH:MM") && said.contains("--to"),
            "{said}"
        );
    }
    let zh = |args: &[&str]| {
        let out = common::command_in("zh", &db.path, None, ask, args)
            .output()
            .expect("run");
        assert!(!out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let open = zh(&["roll", "reopen", &s[0], "--reason", "x"]);
    assert!(open.contains("未做任何更改"), "{open}");
    db.ok(ask, &["session", "cancel", &s[0], "--reason", "停课"]);
    let again = zh(&["session", "cancel", &s[0], "--reason", "x"]);
    assert!(again.contains("未做任何更改"), "{again}");
}

/// A departure recorded by mistake (or on the wrong day) can be withdrawn:
/// `teacher edit ID --to none` keeps the teacher at the school, `--to DATE`
/// sets another last day; the sessions after it count for them again, and
/// the history keeps both.
#[test]
fn a_departure_recorded_by_mistake_is_withdrawn() {
    let db = Db::new();
    let s = school(&db, 2, &["2025-09-10", "2025-09-17"]);
    let now = "2025-09-05T10:00";
    db.ok(
        now,
        &[
            "teacher",
            "leave",
            &teacher(1),
            "--on",
            "2025-09-01",
            "--reason",
            "记错了人",
        ],
    );
    let rows = json(&db, now, &["teacher", "list", "--json"]);
    assert_eq!(row(&rows, &teacher(1))["left"], "2025-09-01", "{rows}");
    db.ok(now, &["teacher", "edit", &teacher(1), "--to", "none"]);
    let rows = json(&db, now, &["teacher", "list", "--json"]);
    assert!(row(&rows, &teacher(1))["left"].is_null(), "{rows}");
    db.ok(now, &["teacher", "edit", &teacher(1), "--to", "2025-09-12"]);
    let rows = json(&db, now, &["teacher", "list", "--json"]);
    assert_eq!(row(&rows, &teacher(1))["left"], "2025-09-12", "{rows}");
    let said = db.refused(None, now, &["teacher", "edit", &teacher(1), "--to", "9月"]);
    assert!(said.contains("9月"), "{said}");
    roll(&db, &s[0], "2025-09-10", &[&teacher(2)]);
    let rows = json(&db, "2025-09-11T10:00", &["standings", "--json"]);
    assert_eq!(
        row(&rows, &teacher(1))["absent"],
        1,
        "required until their last day"
    );
    let history = db.ok("2025-09-11T10:00", &["history"]);
    assert!(history.contains("记错了人"), "{history}");
}

/// `session list` goes by date and time: a session moved before another
/// is listed before it.
#[test]
fn session_list_goes_by_date_after_a_move() {
    let db = Db::new();
    let s = school(&db, 1, &["2025-09-10", "2025-09-17"]);
    let now = "2025-09-01T10:00";
    db.ok(
        now,
        &[
            "session",
            "move",
            &s[1],
            "2025-09-03",
            "15:30",
            "16:30",
            "--reason",
            "提前",
        ],
    );
    let rows = json(&db, now, &["session", "list", "--json"]);
    let ids: Vec<String> = rows
        .as_array()
        .map(|a| a.iter().map(|r| r["id"].to_string()).collect())
        .unwrap_or_default();
    assert_eq!(ids, vec![s[1].clone(), s[0].clone()], "{rows}");
    let text = db.ok(now, &["session", "list"]);
    let at = |d: &str| text.find(d).unwrap_or_else(|| panic!("{d}:\n{text}"));
    assert!(at("2025-09-03") < at("2025-09-10"), "{text}");
}
