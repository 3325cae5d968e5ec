//! The roll call of issue 27, played in a real terminal (tmux) and its keys
//! counted: 60 teachers, 2 on approved leave, 3 who come after the second
//! call, 2 who leave early (one excused, reason 家长会). It took 125 keys
//! before the short list of the missing; it must take at most 90, reason
//! typed included. The command line then sees exactly that roll.

use std::path::Path;
use std::process::Command;

mod common;
use common::tmux::{Tmux, must_run};

const BIN: &str = env!("CARGO_BIN_EXE_peixun");
/// The most keys the roll may take (issue 27).
const MOST: usize = 90;

fn peixun(db: &Path, now: &str, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .env("PEIXUN_DB", db)
        .env("PEIXUN_NOW", now)
        .output()
        .expect("peixun runs");
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const ON_LEAVE: [u32; 2] = [10, 30];
const LATE: [u32; 3] = [12, 25, 47];
const EARLY: u32 = 5;
const EXCUSED: u32 = 40;

fn id(n: u32) -> String {
    format!("T{n:04}")
}

#[test]
fn the_issue_roll_call_takes_at_most_90_keys() {
    if !must_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("school.redb");
    let morning = "2026-11-26T09:00";
    peixun(&db, morning, &["demo", "--teachers", "60", "--seed", "7"]);
    // Two approved leaves, filed and decided in the morning.
    for (n, kind, reason) in [(10, "official", "区教研活动"), (30, "sick", "发烧")] {
        let mut args = vec!["--lang", "en", "leave", "request"];
        let t = id(n);
        args.extend([t.as_str(), kind, "--from", "2026-11-26", "--reason", reason]);
        args.extend(["--note", "--certificate"]);
        let said = peixun(&db, morning, &args);
        let leave = said
            .split_whitespace()
            .last()
            .expect("the request's number")
            .to_string();
        peixun(&db, morning, &["leave", "approve", &leave]);
    }
    let cmd = format!(
        "env LANG=C.UTF-8 PEIXUN_DB='{}' PEIXUN_NOW=2026-11-26T15:35 '{BIN}' --lang zh; echo PEIXUN-EXIT=$?; sleep 30",
        db.display()
    );
    let mut t = Tmux::start("roll60", &cmd, 120, 40);
    t.wait_for("【未开始】");

    // The first call: everyone who is there answers (Space); the three
    // who are not are passed (n); those on leave are not called.
    t.key("f");
    t.wait_for("开始第一次点名?");
    t.key("y");
    t.wait_for("点名中");
    for n in 1..=60 {
        if ON_LEAVE.contains(&n) {
            continue;
        }
        t.key(if LATE.contains(&n) { "n" } else { "Space" });
    }
    t.wait_for("已到 55");
    // The second call, nobody more; ended.
    t.key("s");
    t.wait_for("开始第二次点名?");
    t.key("y");
    t.wait_for("【第二次点名】");
    t.key("e");
    t.wait_for("结束第二次点名?");
    t.key("y");
    // The short list of the three missing; they come in one by one:
    // the last of them first (two down, Space), then the others.
    t.wait_for("仅列未到的 3 人");
    t.key("j");
    t.key("j");
    t.key("Space");
    t.wait_for("仅列未到的 2 人");
    t.key("Space");
    t.wait_for("仅列未到的 1 人");
    t.key("Space");
    t.wait_for("仅列未到的 0 人");
    // An early leave: found by the digits of the id.
    t.key("/");
    t.type_text(&EARLY.to_string());
    t.key("Enter");
    t.key("l");
    t.wait_for("时间 HH:MM");
    t.key("Enter");
    t.wait_for("已记早退");
    // An early leave excused, with its reason.
    t.key("/");
    t.type_text(&EXCUSED.to_string());
    t.key("Enter");
    t.key("L");
    t.key("Tab");
    t.type_text("家长会");
    t.key("Enter");
    t.key("y");
    t.wait_for("家长会");
    // Closed: nobody is absent.
    t.key("x");
    t.wait_for("以下 0 人将记旷工");
    t.key("y");
    t.wait_for("【已结束】");
    let keys = t.keys;
    assert!(
        keys <= MOST,
        "the roll call took {keys} keys (at most {MOST})"
    );
    eprintln!("the roll call of issue 27 took {keys} keys");
    t.key("q");
    t.wait("the app to exit", |s| {
        s.is_none_or(|s| s.contains("PEIXUN-EXIT=0"))
    });

    // The command line sees exactly that roll.
    let json = peixun(&db, "2026-11-26T18:00", &["roll", "status", "26", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["step"], "closed", "{json}");
    assert_eq!(
        (&v["expected"], &v["present"], &v["on_leave"], &v["missing"]),
        (
            &serde_json::json!(60),
            &serde_json::json!(58),
            &serde_json::json!(2),
            &serde_json::json!(0)
        ),
        "{json}"
    );
    let lines = v["lines"].as_array().expect("lines");
    let line = |n: u32| {
        lines
            .iter()
            .find(|l| l["teacher"] == id(n))
            .unwrap_or_else(|| panic!("{} on the roll", id(n)))
    };
    for n in LATE {
        assert_eq!(line(n)["category"], "Late", "{}", line(n));
        assert_eq!(line(n)["arrived"], "15:35", "{}", line(n));
    }
    assert_eq!(line(EARLY)["category"], "EarlyLeave", "{}", line(EARLY));
    assert_eq!(line(EARLY)["left_early"], "15:35");
    assert_eq!(
        line(EXCUSED)["early_excused"],
        "家长会",
        "{}",
        line(EXCUSED)
    );
    assert_eq!(line(EXCUSED)["category"], "Present", "{}", line(EXCUSED));
    for n in ON_LEAVE {
        assert_eq!(line(n)["leave_status"], "Approved", "{}", line(n));
    }
    let present = lines.iter().filter(|l| l["category"] == "Present").count();
    // 60 less 2 on leave, 3 late and 1 left early (the excused counts as
    // present).
    assert_eq!(present, 54, "{json}");
}
