//! Every redb table of a peixun database. Values are versioned bytes
//! (`codec.rs`); keys are chosen so that what is read together is one range.

use redb::TableDefinition;

/// `"app"` → `b"peixun"`, `"schema"` → schema version (u32 LE),
/// `"policy"` → the policy, `"generation"` → u64 bumped by every commit so
/// that other processes notice changes cheaply; `SUPERSEDED` → the
/// policies `"policy"` replaced (issue 25).
pub const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
/// The `META` key of the policies replaced by the one in force
/// (`Vec<rules::Superseded>`, oldest first; absent until the first change):
/// closed rolls and postings of their time are judged under them.
pub const SUPERSEDED: &str = "policies_before";
/// Teacher id (工号) → `Teacher`.
pub const TEACHERS: TableDefinition<&str, &[u8]> = TableDefinition::new("teachers");
/// (academic year, season 0 autumn / 1 spring) → `Term`.
pub const TERMS: TableDefinition<(i32, u8), &[u8]> = TableDefinition::new("terms");
/// Session id → `SessionRecord` (the session and its roll-call state).
pub const SESSIONS: TableDefinition<u32, &[u8]> = TableDefinition::new("sessions");
/// (session, teacher) → `RollFacts`: one session's facts are one range.
pub const FACTS: TableDefinition<(u32, &str), &[u8]> = TableDefinition::new("facts");
/// (teacher, session) → (): one teacher's facts are one range of this index.
pub const FACTS_BY_TEACHER: TableDefinition<(&str, u32), ()> =
    TableDefinition::new("facts_by_teacher");
/// Leave id → `Leave`.
pub const LEAVES: TableDefinition<u32, &[u8]> = TableDefinition::new("leaves");
/// (teacher, leave id) → (): one teacher's leave requests are one range.
pub const LEAVES_BY_TEACHER: TableDefinition<(&str, u32), ()> =
    TableDefinition::new("leaves_by_teacher");
/// OS account name → `Account`.
pub const ACCOUNTS: TableDefinition<&str, &[u8]> = TableDefinition::new("accounts");
/// Sequence number → `HistoryEntry`. Only ever appended to.
pub const HISTORY: TableDefinition<u64, &[u8]> = TableDefinition::new("history");
/// (academic year, teacher) → `YearTally`: each teacher's counts per term,
/// kept current by every change (`tallies.rs`); one year is one range.
pub const TALLIES: TableDefinition<(i32, &str), &[u8]> = TableDefinition::new("tallies");
/// Teacher id (工号) → name: what a lookup scans, without decoding whole
/// teacher records. Kept with `TEACHERS` by `Writer::put_teacher`.
pub const NAMES: TableDefinition<&str, &str> = TableDefinition::new("names");
/// (session, leave id) → (): requests that name the session they cover.
pub const LEAVES_BY_SESSION: TableDefinition<(u32, u32), ()> =
    TableDefinition::new("leaves_by_session");
/// (day, counted from 1 January of year 1, leave id) → (): requests that
/// cover a range of dates, once per day.
pub const LEAVES_BY_DAY: TableDefinition<(i32, u32), ()> = TableDefinition::new("leaves_by_day");
/// (teacher, leave id) → (): approved official leave (公假), which make-ups
/// come from; read for the standings without decoding every request.
pub const OFFICIAL_LEAVES: TableDefinition<(&str, u32), ()> =
    TableDefinition::new("official_leaves");
/// Leave id → (): requests waiting for a decision (the queue).
pub const OPEN_LEAVES: TableDefinition<u32, ()> = TableDefinition::new("open_leaves");
/// (academic year, season, number) → `Publication`: every posting of a
/// term's standings (学期公布), with what was posted, when and by whom.
pub const PUBLISHED: TableDefinition<(i32, u8, u32), &[u8]> = TableDefinition::new("published");

// --- Assessment beyond attendance (issue 7) ---

/// Outside-credit id → `ExternalCredit` (学分卡 entries with their review chain).
pub const EXTERNAL_CREDITS: TableDefinition<u32, &[u8]> = TableDefinition::new("external_credits");
/// (teacher, academic year, credit id) → (): one teacher's year is one range.
pub const EXTERNAL_CREDITS_BY_TEACHER: TableDefinition<(&str, i32, u32), ()> =
    TableDefinition::new("external_credits_by_teacher");
/// (teacher, session) → `MakeUpDone`: official-leave content made up. The
/// open make-ups are derived from the outcomes, never stored.
pub const MAKEUPS: TableDefinition<(&str, u32), &[u8]> = TableDefinition::new("makeups");
/// (teacher, academic year) → `YearFile`: archive checklist, note
/// characters per term, open lessons.
pub const YEAR_FILES: TableDefinition<(&str, i32), &[u8]> = TableDefinition::new("year_files");
/// (academic year, mentor, mentee) → `MentorPair` (师徒结对).
pub const MENTORS: TableDefinition<(i32, &str, &str), &[u8]> = TableDefinition::new("mentors");
/// Teacher id → `Qualification` (degree and major).
pub const QUALIFICATIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("qualifications");
/// Academic year → `Funds` (public funds and training spending).
pub const FUNDS: TableDefinition<i32, &[u8]> = TableDefinition::new("funds");

// --- The year's assessment to its end (issue 20) ---

/// (academic year, season, number) → `PostedAssessment`: what a term's
/// posting said of each teacher beyond the counts (credits, notes, archive,
/// deductions, verdict), kept beside `PUBLISHED` so that a posting's record
/// keeps its shape.
pub const PUBLISHED_ASSESSMENT: TableDefinition<(i32, u8, u32), &[u8]> =
    TableDefinition::new("published_assessment");
/// Academic year → `YearClosing`: the office closed the year's assessment,
/// when, by whom, and each teacher's year as it stood then.
pub const CLOSED_YEARS: TableDefinition<i32, &[u8]> = TableDefinition::new("closed_years");
/// (credit card number, trimmed; credit id) → (): the entries holding each
/// card number, all but the withdrawn and removed ones (`card_index.rs`).
pub const CREDIT_CARDS: TableDefinition<(&str, u32), ()> = TableDefinition::new("credit_cards");

// --- What happened stays as it happened (issue 25) ---

/// Session id → `ClosedRoll`: who was expected when the roll closed, with
/// their group and outcome; removed when the roll is reopened.
pub const CLOSED_ROLLS: TableDefinition<u32, &[u8]> = TableDefinition::new("closed_rolls");

/// Applies the macro `$each` to every table of the schema, META first: the
/// one list for code that must touch each table (creating them, backups,
/// checks). A new table is added here.
macro_rules! every_table {
    ($each:ident) => {
        $each!(META);
        $each!(TEACHERS);
        $each!(TERMS);
        $each!(SESSIONS);
        $each!(FACTS);
        $each!(FACTS_BY_TEACHER);
        $each!(LEAVES);
        $each!(LEAVES_BY_TEACHER);
        $each!(ACCOUNTS);
        $each!(HISTORY);
        $each!(TALLIES);
        $each!(NAMES);
        $each!(LEAVES_BY_SESSION);
        $each!(LEAVES_BY_DAY);
        $each!(OPEN_LEAVES);
        $each!(OFFICIAL_LEAVES);
        $each!(PUBLISHED);
        $each!(EXTERNAL_CREDITS);
        $each!(EXTERNAL_CREDITS_BY_TEACHER);
        $each!(MAKEUPS);
        $each!(YEAR_FILES);
        $each!(MENTORS);
        $each!(QUALIFICATIONS);
        $each!(FUNDS);
        $each!(PUBLISHED_ASSESSMENT);
        $each!(CLOSED_YEARS);
        $each!(CREDIT_CARDS);
        $each!(CLOSED_ROLLS);
    };
}
pub(crate) use every_table;
