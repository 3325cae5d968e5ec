//! Terms and years named as schools name them, on the command line too
//! (issue 27, from a walk of the app): `publish` and `term add` say the
//! term's name beside its code, a spring named by its calendar year says
//! which code it was kept under, `--year` takes `2025-2026` (the form every
//! screen shows) as well as `2025`, and a posting before the term's end
//! says it is an interim one.

mod common;

use common::{Db, SETUP, command_in, school, text};

fn zh(db: &Db, now: &str, args: &[&str]) -> String {
    let out = command_in("zh", &db.path, None, now, args)
        .output()
        .expect("run peixun");
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn terms_and_years_are_named_as_schools_name_them() {
    let db = Db::new();
    let _ = school(&db, 2, &["2025-09-10"]);

    // A spring named by its calendar year: kept as the school year's code.
    let said = zh(
        &db,
        SETUP,
        &["term", "add", "2026-spring", "2026-02-23", "2026-07-10"],
    );
    assert!(
        said.contains("2025-spring") && said.contains("2025-2026学年第二学期"),
        "{said}"
    );

    // Every form of a year gives the same standings; others are refused.
    let by_first = zh(&db, "2025-09-11T09:00", &["standings", "--year", "2025"]);
    for form in ["2025-2026", "2025-2026学年", " 2025 - 2026 "] {
        let got = zh(&db, "2025-09-11T09:00", &["standings", "--year", form]);
        assert_eq!(got, by_first, "--year {form}");
    }
    for bad in ["2025-2027", "2025学年度", "25-26"] {
        let out = command_in("zh", &db.path, None, SETUP, &["standings", "--year", bad])
            .output()
            .expect("run peixun");
        assert!(!out.status.success(), "--year {bad} was accepted");
    }

    // A posting mid-term names the term and says it is an interim one.
    let said = zh(
        &db,
        "2025-11-01T09:00",
        &["publish", "--term", "2025-autumn"],
    );
    let first = said.lines().next().unwrap_or_default();
    assert!(
        first.contains("2025-2026学年第一学期") && first.contains("2025-autumn"),
        "{said}"
    );
    assert!(
        said.contains("期中公布") && said.contains("2026-01-20"),
        "{said}"
    );
    // After the term's last day, no such note.
    let said = zh(
        &db,
        "2026-01-21T09:00",
        &["publish", "--term", "2025-autumn"],
    );
    assert!(!said.contains("期中公布"), "{said}");
}
