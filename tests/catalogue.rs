//! The catalogue walk (issue 16): every variant of every text enum, and a
//! sample value of every variant of the errors and reasons the catalogue
//! words, in both languages. A text fails when it is empty, when its
//! Chinese holds a run of Latin letters that is not an id, a file name, a
//! flag or a placeholder the user types (`ALLOWED`), or when its English
//! holds Chinese characters.

use chrono::{NaiveDate, NaiveTime};
use peixun::app::year_end::CreditAction;
use peixun::app::{AppError, FieldName, LeaveAction, LeavePaper, OwnAction, RollStep, Why};
use peixun::core::limits::{Bound, Field};
use peixun::core::{
    ArchiveItem, Category, CreditId, CreditStage, Credits, Degree, LeaveId, LeaveKind, LeaveStatus,
    Reason, Role, RollState, Season, SessionId, SessionKind, TeacherId,
};
use peixun::i18n::{self, Lang};
use strum::IntoEnumIterator;

/// Latin words a Chinese text may hold: what the user types as it is
/// (command names, values of flags, placeholders of a format, key names,
/// file types and encodings). Anything else in Latin letters inside a
/// Chinese sentence is English left untranslated.
const ALLOWED: &[&str] = &[
    // the program, its commands and its file
    "peixun",
    "init",
    "demo",
    "check",
    "backup",
    "school",
    "root",
    // the export commands of a session's sheets, as typed
    "export",
    "signin",
    "session",
    "redb",
    "TOML",
    // placeholders of a date or a time
    "YYYY",
    "MM",
    "DD",
    "HH",
    // keys of the terminal app
    "Esc",
    "Tab",
    "Enter",
    "PgUp",
    "PgDn",
    "Ctrl",
    // the key-binding file and the screen names it is written with
    "keys",
    "toml",
    "roll",
    "leave",
    "standings",
    "credits",
    "history",
    // SSH keys as written in an authorized_keys line
    "SSH",
    "ssh",
    "ed",
    "base",
    "AAAA",
    // operating systems and network file systems by their names, and the
    // configuration setting a refused network share names (issue 29)
    "Unix",
    "Linux",
    "Windows",
    "NFS",
    "SMB",
    "network",
    "filesystem",
    "accept",
    "refuse",
    "config",
    // file types and encodings
    "xlsx",
    "csv",
    "utf",
    "gbk",
    "UTF",
    "GBK",
    "GB",
    // values of flags, as typed (each shown with its Chinese beside it)
    "weekly",
    "training",
    "outside",
    "remote",
    "office",
    "leader",
    "group",
    "assessment",
    "teacher",
    "plan",
    "notes",
    "reflections",
    "summary",
    "secondary",
    "associate",
    "bachelor",
    "master",
    "doctorate",
    "autumn",
    "spring",
    "true",
    "false",
];

/// Ids in the sample values given to the functions that format typed
/// values (a command as typed, a store table's name): ids, not the
/// catalogue's words.
const SAMPLE_IDS: &[&str] = &["roll arrive", "teachers"];

/// Flags a Chinese text may name after `--`.
const FLAGS: &[&str] = &[
    "as",
    "force",
    "db",
    "encoding",
    "from",
    "to",
    "sessions",
    "at",
    "out",
    "format",
    "accept",
    "recovered",
];

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// What is wrong with `text` in language `l`, if anything.
fn fault(l: Lang, text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("empty".into());
    }
    match l {
        Lang::En => text
            .chars()
            .find(|c| is_cjk(*c))
            .map(|c| format!("Chinese character {c:?} in English")),
        Lang::Zh => {
            let cs: Vec<char> = text.chars().collect();
            let mut i = 0;
            while i < cs.len() {
                if !cs[i].is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < cs.len() && cs[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let run: String = cs[start..i].iter().collect();
                // A word of a flag: `--force`, `--accept-recovered`.
                let mut b = start;
                while b > 0 && (cs[b - 1].is_ascii_alphabetic() || cs[b - 1] == '-') {
                    b -= 1;
                }
                let flag = cs[b..start].starts_with(&['-', '-']);
                let ok = run.len() == 1
                    || ALLOWED.contains(&run.as_str())
                    // the leave kinds as typed, from the enum
                    || LeaveKind::ALL.iter().any(|k| k.code() == run)
                    || (flag && FLAGS.contains(&run.as_str()));
                if !ok {
                    return Some(format!("English {run:?} in Chinese"));
                }
            }
            None
        }
    }
}

/// Collects the faults of one catalogue: `words(l)` gives each text with
/// the name of the variant it came from.
#[derive(Default)]
struct Walk {
    faults: Vec<String>,
    texts: usize,
}

impl Walk {
    fn check(&mut self, what: impl std::fmt::Debug, l: Lang, text: &str) {
        self.texts += 1;
        let text = &SAMPLE_IDS
            .iter()
            .fold(text.to_string(), |t, id| t.replace(id, "0"));
        if let Some(f) = fault(l, text) {
            self.faults.push(format!("{what:?} ({l:?}): {f}: {text:?}"));
        }
    }

    fn both<T: std::fmt::Debug>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut f: impl FnMut(Lang, &T) -> String,
    ) {
        for x in items {
            for l in [Lang::Zh, Lang::En] {
                let t = f(l, &x);
                self.check(&x, l, &t);
            }
        }
    }

    fn headers(&mut self, name: &str, f: impl Fn(Lang) -> Vec<&'static str>) {
        for l in [Lang::Zh, Lang::En] {
            for h in f(l) {
                self.check(name, l, h);
            }
        }
    }
}

/// Every variant of an enum the library keeps outside the catalogue
/// (core and app types, which do not derive `EnumIter`): the match makes
/// this fail to compile when a variant is added and not listed.
macro_rules! all {
    ($t:ident: $($v:ident),* $(,)?) => {{
        #[allow(dead_code)]
        fn exhaustive(x: $t) {
            match x {
                $($t::$v => ()),*
            }
        }
        [$($t::$v),*]
    }};
}

fn walk() -> Walk {
    let mut w = Walk::default();
    // The catalogue's own enums.
    w.both(i18n::Label::iter(), |l, x| i18n::text(l, *x).into());
    w.both(i18n::Ui::iter(), |l, x| i18n::ui(l, *x).into());
    w.both(i18n::SystemFault::iter(), |l, x| x.text(l).into());
    {
        use peixun::store::codec::DecodeFault::{self, *};
        #[allow(dead_code)]
        fn exhaustive(x: DecodeFault) {
            match x {
                Checksum | TooShort | UnknownFormat(_) | Empty | Shape => (),
            }
        }
        w.both(
            [Checksum, TooShort, UnknownFormat(9), Empty, Shape],
            |l, x| i18n::decode_fault(l, *x),
        );
    }
    w.both(i18n::HistoryUi::iter(), |l, x| {
        i18n::history_ui(l, *x).into()
    });
    w.both(i18n::IoText::iter(), |l, x| i18n::io_text(l, *x).into());
    w.both(i18n::AssessText::iter(), |l, x| {
        i18n::assessment_text(l, *x).into()
    });
    w.both(i18n::ReliabilityText::iter(), |l, x| {
        i18n::reliability(l, *x).into()
    });
    w.both(i18n::OfficeText::iter(), |l, x| {
        i18n::office_text(l, *x).into()
    });
    w.both(i18n::CalendarText::iter(), |l, x| {
        i18n::calendar_text(l, *x).into()
    });
    w.both(i18n::YearEndText::iter(), |l, x| {
        i18n::year_text(l, *x).into()
    });
    w.both(i18n::ChartText::iter(), |l, x| {
        i18n::chart_text(l, *x).into()
    });
    w.both(i18n::CreditField::iter(), |l, x| {
        i18n::credit_field(l, *x).into()
    });
    w.both(i18n::CreditForm::iter(), |l, x| {
        i18n::credit_form(l, *x).into()
    });
    w.both(i18n::FormField::iter(), |l, x| {
        i18n::form_field(l, *x).into()
    });
    w.both(i18n::PaperText::iter(), |l, x| {
        i18n::paper_text(l, *x).into()
    });
    w.both(i18n::SessionSheet::iter(), |l, x| {
        format!(
            "{} {} {} {}",
            i18n::sheet_over_ssh(l, *x, 17),
            i18n::sheet_file(l, *x, 17),
            i18n::record_not_closed(l, 17),
            i18n::sheet_xlsx_only(l)
        )
    });
    w.both([None, Some(80)], |l, x| {
        format!("{} {}", i18n::rate_axis(l, *x), i18n::count_axis(l))
    });
    w.both(
        (0..7u8).filter_map(|n| chrono::Weekday::try_from(n).ok()),
        |l, d| i18n::weekday(l, *d).into(),
    );
    w.both(i18n::StandingsLive::iter(), |l, x| {
        i18n::standings_live(l, *x).into()
    });
    w.both(peixun::store::check::Counted::iter(), |l, x| {
        i18n::table_name(l, *x).into()
    });
    w.both(i18n::LeaveText::iter(), |l, x| {
        i18n::leave_text(l, *x).into()
    });
    w.both(i18n::RollText::iter(), i18n::roll_text);
    w.both(i18n::KeyFileError::iter(), |l, x| {
        i18n::key_file_error(l, x)
    });
    w.both(i18n::PlatformText::iter(), i18n::platform);
    w.both(i18n::ShareKind::iter(), |l, kind| {
        let share = i18n::PlatformText::NetworkShare {
            path: "peixun.redb".into(),
            kind: *kind,
            config: "config.toml".into(),
        };
        i18n::platform(l, &share)
    });
    w.both(i18n::KeyWhy::iter(), |l, x| {
        i18n::gate(l, &i18n::GateText::BadKey(x.clone()))
    });
    for what in i18n::CreditDo::iter() {
        w.both(i18n::ReviewStepWord::iter(), |l, step| {
            format!(
                "{} {} {}",
                i18n::credit_question(l, what, *step),
                i18n::credit_prompt(l, what, *step, if l == Lang::Zh { "回车" } else { "Enter" }),
                i18n::credit_done(l, what, *step)
            )
        });
    }
    w.both(i18n::HistoryAction::ALL, |l, x| x.text(l).into());

    // The typed fields of errors.
    w.both(FieldName::iter(), |l, x| i18n::input_field(l, *x).into());
    w.both(Why::iter(), |l, x| i18n::why_text(l, *x));
    w.both(RollStep::iter(), |l, x| i18n::roll_step(l, *x).into());
    w.both(LeaveAction::iter(), |l, x| i18n::leave_action(l, *x).into());
    w.both(LeavePaper::ALL.iter().copied(), |l, x| {
        i18n::leave_paper(l, *x).into()
    });

    // The domain's words.
    w.both(Category::ALL.iter().copied(), |l, x| {
        format!("{} {}", i18n::category(l, *x), i18n::category_symbol(l, *x))
    });
    w.both(LeaveKind::ALL.iter().copied(), |l, x| {
        i18n::leave_kind(l, *x).into()
    });
    // The texts that list them, generated from the lists.
    w.both([()], |l, _| i18n::leave_kinds(l));
    w.both([()], |l, _| i18n::leave_kind_codes(l));
    w.both([()], |l, _| i18n::role_codes(l));
    w.both(
        all!(LeaveStatus: Pending, Approved, Rejected, Withdrawn, Expired),
        |l, x| i18n::leave_status(l, *x).into(),
    );
    w.both(
        all!(RollState: NotStarted, FirstCall, SecondCall, AfterSecondCall, Closed, Cancelled),
        |l, x| i18n::roll_state(l, *x).into(),
    );
    w.both(Role::ALL.iter().copied(), |l, x| i18n::role(l, *x).into());
    w.both(all!(Season: Autumn, Spring), |l, x| {
        i18n::season(l, *x).into()
    });
    w.both(
        all!(CreditStage: Registered, SelfAssessed, GroupPassed, Confirmed, Returned, Rejected,
            Withdrawn, Removed),
        |l, x| i18n::credit_stage(l, *x).into(),
    );
    w.both(
        all!(Degree: Secondary, Associate, Bachelor, Master, Doctorate),
        |l, x| i18n::degree(l, *x).into(),
    );
    w.both(
        all!(SessionKind: WeeklyStudy, SchoolTraining, OutsideStudy, Remote),
        |l, x| i18n::session_kind(l, *x).into(),
    );
    w.both(ArchiveItem::ALL, |l, x| i18n::archive_item(l, *x).into());
    w.both(
        all!(CreditAction: Register, SelfAssess, Edit, Withdraw, Pass, Return, Reject, Revoke,
            Remove, Report),
        |l, x| i18n::credit_action(l, *x).into(),
    );
    let fields = all!(Field: TeacherId, Name, Group, Grade, Title, Presenter, Host, Recorder,
        Reason, Comment, Remark, Organiser, Card, Major, School, Account, Note, NotesChars,
        OpenLessons, Credits);
    w.both(fields, |l, x| i18n::field_name(l, *x).into());
    w.both([true, false], |l, x| {
        format!("{} {}", i18n::yes_no(l, *x), i18n::qualified(l, *x))
    });
    w.both([()], |l, _| i18n::warning(l).into());
    w.both(reasons(), |l, x| {
        format!(
            "{} {}",
            i18n::reason(l, x),
            i18n::deduction(
                l,
                &peixun::core::Deduction {
                    reason: x.clone(),
                    points: 2,
                }
            )
        )
    });

    // Column headers.
    w.headers("standings", peixun::io::columns::cli_headers);
    w.headers("teacher", |l| i18n::teacher_headers(l).to_vec());
    w.headers("term", |l| i18n::term_headers(l).to_vec());
    w.headers("session", |l| i18n::session_headers(l).to_vec());
    w.headers("roll", |l| i18n::roll_headers(l).to_vec());
    w.headers("record", |l| i18n::record_headers(l).to_vec());
    w.headers("leave", |l| i18n::leave_headers(l).to_vec());
    w.headers("history", |l| i18n::history_headers(l).to_vec());
    w.headers("account", |l| i18n::account_headers(l).to_vec());
    w.headers("history screen", |l| {
        i18n::history_screen_headers(l).to_vec()
    });
    w.headers("export", peixun::io::columns::export_headers);
    w.headers("roster file", |l| i18n::roster_file_headers(l).to_vec());
    w.headers("record file", |l| i18n::record_file_headers(l).to_vec());
    w.headers("leave file", |l| i18n::leave_file_headers(l).to_vec());
    w.headers("publications", |l| i18n::publication_headers(l).to_vec());
    w.headers("credits", |l| i18n::credit_headers(l).to_vec());
    w.headers("make-ups", |l| i18n::makeup_headers(l).to_vec());
    w.headers("mentors", |l| i18n::mentor_headers(l).to_vec());
    w.headers("keys", i18n::key_headers);

    // A sample of every error the commands return, and of the store's.
    w.both(errors(), i18n::error);
    w.both(store_errors(), i18n::store_error);
    w
}

/// A sample of every reason the standings give.
fn reasons() -> Vec<Reason> {
    let all = vec![
        Reason::TooManyAbsences {
            absences: 3,
            limit: 3,
        },
        Reason::NotEnoughCredits {
            earned: Credits(10),
            required: Credits(20),
        },
        Reason::NotesShort {
            season: Season::Autumn,
            chars: 100,
            required: 5000,
        },
        Reason::ArchiveMissing {
            item: ArchiveItem::Plan,
        },
        Reason::TooFewOpenLessons {
            given: 0,
            required: 1,
        },
        Reason::TooFewMultimediaLessons {
            season: Season::Spring,
            given: 0,
            required: 1,
        },
        Reason::MakeUpsOpen { open: 2 },
        Reason::ReportMissing {
            credit: CreditId(4),
            title: "2025".into(),
        },
        Reason::DegreeBelow {
            degree: Degree::Associate,
            required: Degree::Bachelor,
        },
        Reason::DegreeMismatch,
    ];
    // Fails to compile when a reason is added and not sampled above.
    for r in &all {
        match r {
            Reason::TooManyAbsences { .. }
            | Reason::NotEnoughCredits { .. }
            | Reason::NotesShort { .. }
            | Reason::ArchiveMissing { .. }
            | Reason::TooFewOpenLessons { .. }
            | Reason::TooFewMultimediaLessons { .. }
            | Reason::MakeUpsOpen { .. }
            | Reason::ReportMissing { .. }
            | Reason::DegreeBelow { .. }
            | Reason::DegreeMismatch => {}
        }
    }
    all
}

/// A sample of every error of the app layer; `Invalid` with every field
/// and every reason, the roll's and leave's refusals with every step.
fn errors() -> Vec<AppError> {
    let t = || TeacherId("T0001".into());
    let mut all = vec![
        AppError::Store(peixun::store::StoreError::Missing("2025.redb".into())),
        AppError::NoAccount("w".into()),
        AppError::Forbidden {
            action: "roll arrive".into(),
            needs: vec![Role::Office, Role::Leader],
        },
        AppError::NotRoot,
        AppError::LeaveForOthers,
        AppError::UnknownTeacher("T9".into()),
        AppError::UnknownTeacher(String::new()),
        AppError::Ambiguous(vec!["T0001".into(), "T0002".into()]),
        AppError::UnknownSession(SessionId(3)),
        AppError::UnknownTerm("2030-autumn".into()),
        AppError::UnknownLeave(LeaveId(5)),
        AppError::Exists("T0001".into()),
        AppError::UnknownGroup {
            group: "G10".into(),
            known: vec!["G1".into(), "G2".into()],
            near: Some("G1".into()),
        },
        AppError::UnknownGroup {
            group: "G30".into(),
            known: vec!["G1".into(), "G2".into()],
            near: None,
        },
        AppError::NotExpected {
            teacher: t(),
            session: SessionId(1),
        },
        AppError::AlreadyMarked {
            teacher: t(),
            session: SessionId(1),
        },
        AppError::NotPresent {
            teacher: t(),
            session: SessionId(1),
        },
        AppError::NothingToUndo(SessionId(1)),
        AppError::MissingEvidence {
            id: LeaveId(1),
            what: LeavePaper::LeaveNote,
        },
        AppError::AfterTheFact,
        AppError::Import(peixun::io::ImportError::Exists {
            file: "2025.xlsx".into(),
        }),
        AppError::Bound {
            field: Field::Name,
            value: "x".into(),
            bound: Bound::TooLong { max: 64, len: 65 },
        },
        AppError::UnknownCredit(CreditId(2)),
    ];
    for field in FieldName::iter() {
        for why in Why::iter() {
            for value in ["", "16:25"] {
                all.push(AppError::Invalid {
                    field,
                    value: value.into(),
                    why,
                });
            }
        }
    }
    for why in [
        Why::BeforeDate(NaiveDate::from_ymd_opt(2025, 9, 1).unwrap_or_default()),
        Why::BeforeArrival(NaiveTime::from_hms_opt(16, 30, 0).unwrap_or_default()),
    ] {
        all.push(AppError::Invalid {
            field: FieldName::At,
            value: "16:25".into(),
            why,
        });
    }
    for step in RollStep::iter() {
        all.push(AppError::RollOrder {
            session: SessionId(1),
            state: RollState::Closed,
            step,
        });
    }
    for action in LeaveAction::iter() {
        all.push(AppError::LeaveState {
            id: LeaveId(1),
            status: LeaveStatus::Approved,
            action,
        });
        all.push(AppError::OwnLeave {
            id: LeaveId(1),
            action,
        });
    }
    for action in OwnAction::iter() {
        for leave in [None, Some(LeaveId(1))] {
            all.push(AppError::OwnRecord {
                teacher: TeacherId("T0001".into()),
                action,
                leave,
            });
        }
    }
    all.push(AppError::LeaveTwice {
        first: LeaveId(1),
        session: SessionId(2),
    });
    all.push(AppError::NotYourClose {
        session: SessionId(1),
        closed_by: "t1".into(),
    });
    all.push(AppError::ClosePosted {
        session: SessionId(1),
        term: peixun::core::TermId {
            year: peixun::core::AcademicYear(2025),
            season: Season::Autumn,
        },
    });
    all.push(AppError::CloseAfterEnd {
        session: SessionId(1),
        end: NaiveDate::from_ymd_opt(2025, 9, 10)
            .and_then(|d| d.and_hms_opt(16, 30, 0))
            .unwrap_or_default(),
    });
    // Fails to compile when a variant is added and not sampled above
    // (`Calendar` and `Assess` are walked in their own catalogue files).
    for e in &all {
        match e {
            AppError::Store(_)
            | AppError::NoAccount(_)
            | AppError::Forbidden { .. }
            | AppError::NotRoot
            | AppError::UnknownTeacher(_)
            | AppError::Ambiguous(_)
            | AppError::UnknownSession(_)
            | AppError::UnknownTerm(_)
            | AppError::UnknownLeave(_)
            | AppError::Exists(_)
            | AppError::Invalid { .. }
            | AppError::RollOrder { .. }
            | AppError::NotExpected { .. }
            | AppError::UnknownGroup { .. }
            | AppError::AlreadyMarked { .. }
            | AppError::NotPresent { .. }
            | AppError::NothingToUndo(_)
            | AppError::LeaveState { .. }
            | AppError::MissingEvidence { .. }
            | AppError::AfterTheFact
            | AppError::OwnLeave { .. }
            | AppError::LeaveForOthers
            | AppError::OwnRecord { .. }
            | AppError::LeaveTwice { .. }
            | AppError::NotYourClose { .. }
            | AppError::CloseAfterEnd { .. }
            | AppError::ClosePosted { .. }
            | AppError::Import(_)
            | AppError::Bound { .. }
            | AppError::UnknownCredit(_)
            | AppError::Calendar(_)
            | AppError::Assess(_) => {}
        }
    }
    all
}

/// A sample of every error of the store.
fn store_errors() -> Vec<peixun::store::StoreError> {
    use peixun::store::StoreError::*;
    let p = || std::path::PathBuf::from("2025.redb");
    let all = vec![
        Missing(p()),
        Exists(p()),
        NotRedb(p()),
        NotPeixun(p()),
        Newer {
            path: p(),
            found: 9,
            known: 8,
        },
        Open {
            path: p(),
            message: "0".into(),
        },
        Damaged {
            path: p(),
            why: "0".into(),
        },
        Decode(peixun::store::codec::DecodeError {
            table: "teachers",
            key: "T0001".into(),
            why: "its checksum does not match its bytes".into(),
            fault: peixun::store::codec::DecodeFault::Checksum,
        }),
        Busy {
            path: p(),
            waited: std::time::Duration::from_secs(30),
        },
        Replaced(p()),
        Development {
            path: p(),
            found: 4,
        },
        Unreadable(p()),
        NoDirectory(p()),
        Recovered {
            path: p(),
            last: None,
            lost: Some(2),
        },
        NotKept {
            path: p(),
            kept: p(),
            message: "0".into(),
        },
        Db("0".into()),
    ];
    for e in &all {
        match e {
            Missing(_)
            | Exists(_)
            | NotRedb(_)
            | NotPeixun(_)
            | Newer { .. }
            | Open { .. }
            | Damaged { .. }
            | Decode(_)
            | Busy { .. }
            | Replaced(_)
            | Development { .. }
            | Unreadable(_)
            | NoDirectory(_)
            | Recovered { .. }
            | NotKept { .. }
            | Db(_) => {}
        }
    }
    all
}

#[test]
fn every_text_in_both_languages_is_whole() {
    let w = walk();
    assert!(w.texts > 1000, "the walk saw only {} texts", w.texts);
    assert!(
        w.faults.is_empty(),
        "{} of {} texts are wrong:\n{}",
        w.faults.len(),
        w.texts,
        w.faults.join("\n")
    );
}

/// The check itself: a planted English word in a Chinese text, Chinese in
/// an English text and an empty text are each caught.
#[test]
fn the_walk_catches_a_planted_fault() {
    assert!(fault(Lang::Zh, "at:“16:25” 无效(is outside the session)").is_some());
    assert!(fault(Lang::Zh, "类别 holiday/vacation").is_some());
    assert!(fault(Lang::Zh, "give --force to replace it").is_some());
    assert!(fault(Lang::Zh, "如要覆盖请加 --force").is_none());
    assert!(fault(Lang::En, "leave 3 lacks its 请假条").is_some());
    assert!(fault(Lang::En, " ").is_some());
    assert!(fault(Lang::Zh, "按 Esc 关闭,格式 YYYY-MM-DD,工号 T0001").is_none());
}
