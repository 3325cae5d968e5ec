//! The standings table of the command line and the exported sheet carry
//! what the terminal app's standings tab shows (issue 20): note
//! characters, the archive with the missing items said as missing, points
//! deducted, credits still in review and the credit warning.
//!
//! Like tests/cli.rs these run as root: `init` makes root the office.

mod common;

use common::{Db, command_in};

const SETUP: &str = "2025-08-25T09:00";
const NOV: &str = "2025-11-20T10:00";

fn zh(db: &Db, args: &[&str]) -> String {
    let out = command_in("zh", &db.path, None, NOV, args)
        .output()
        .expect("run peixun");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// T1 with a 3-credit entry waiting for review, 1200 note characters, the
/// plan handed in, nothing else: behind on credits in November.
fn school() -> Db {
    let db = Db::new();
    db.ok(SETUP, &["init"]);
    db.ok(SETUP, &["teacher", "add", "T1", "王芳", "语文"]);
    db.ok(
        SETUP,
        &["term", "add", "2025-autumn", "2025-09-01", "2026-01-20"],
    );
    db.ok(
        NOV,
        &[
            "credit",
            "add",
            "T1",
            "--date",
            "2025-10-10",
            "--title",
            "县级培训",
            "--credits",
            "3",
            "--card",
            "K-1",
        ],
    );
    db.ok(NOV, &["notes", "set", "T1", "2025-autumn", "1200"]);
    db.ok(NOV, &["archive", "set", "T1", "--has", "plan"]);
    db
}

#[test]
fn the_standings_table_carries_the_assessment_columns() {
    let db = school();
    let table = zh(&db, &["standings", "--year", "2025"]);
    let head = table.lines().next().unwrap_or_default();
    for h in ["笔记字数", "档案", "扣分", "待认定", "学分提醒"] {
        assert!(head.contains(h), "{head}");
    }
    let t1 = table
        .lines()
        .find(|l| l.starts_with("T1"))
        .unwrap_or_default();
    for want in [
        "1200/",
        "1/4 缺:学习笔记、学习心得、阶段性总结",
        "学分落后:已 0/40",
    ] {
        assert!(t1.contains(want), "lacks {want}: {t1}");
    }
    // The credits in review: the 3 waiting, beside 0 deducted.
    let cells: Vec<&str> = t1.split_whitespace().collect();
    assert!(cells.contains(&"3"), "{t1}");
}

#[test]
fn the_export_carries_the_assessment_columns() {
    let db = school();
    let out = db.file("s.csv");
    zh(
        &db,
        &[
            "export",
            "standings",
            "--year",
            "2025",
            "--out",
            out.to_str().unwrap_or_default(),
        ],
    );
    let csv = std::fs::read_to_string(&out).unwrap_or_default();
    let mut lines = csv.lines();
    let head = lines.next().unwrap_or_default();
    for h in ["笔记字数", "档案", "扣分", "待认定学分", "学分提醒"] {
        assert!(head.contains(h), "{head}");
    }
    let t1 = lines.find(|l| l.starts_with("T1")).unwrap_or_default();
    for want in [
        ",1200,",
        "1/4 缺:学习笔记、学习心得、阶段性总结",
        ",3,",
        "学分落后:已 0/40",
    ] {
        assert!(t1.contains(want), "lacks {want}: {t1}");
    }
}
