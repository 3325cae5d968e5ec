//! A value a user gave that a command refuses: the field it was given for
//! and what is wrong with it, both typed, so that the catalogue
//! (`crate::i18n::errors`) words them in either language. Nothing here is
//! an English sentence to be translated later.

use chrono::{NaiveDate, NaiveTime};

/// The field a refused value was given for (a command-line flag, a form
/// field, a column of the terminal app).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum FieldName {
    /// A teacher's id (工号).
    Id,
    /// A teacher's name.
    Name,
    /// An account's name.
    Account,
    Group,
    Teacher,
    /// The first day of something: a leave, a teacher's time at school.
    From,
    /// The last day of something.
    To,
    /// A term's or session's start.
    Start,
    /// A term's or session's end.
    End,
    Date,
    /// The time of a mark (`--at`).
    At,
    /// A time typed in the terminal app.
    Time,
    Arrived,
    Left,
    /// The reason for a correction or a leave.
    Reason,
    Comment,
    Session,
    Sessions,
    Title,
    School,
    Term,
    /// An academic year.
    Year,
    /// A mentor pair.
    Pair,
    Credits,
    /// The number of a credit card (学分卡).
    Card,
    File,
    Encoding,
    SessionKind,
    LeaveKind,
    Roles,
    /// Note characters.
    Chars,
    Funds,
    PublicFunds,
    TrainingFunds,
    Degree,
    /// Archive items handed in.
    ArchiveHas,
    /// Archive items missing.
    ArchiveLacks,
}

/// What is wrong with a refused value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Why {
    Empty,
    /// A credit entry without its card's number.
    NoCardNumber,
    NotPositive,
    /// A comment is needed to send a credit entry back.
    NeededToSendBack,
    /// A comment is needed to reject a leave request.
    NeededToReject,
    /// The office's correction of a roll needs its reason.
    NeededForCorrection,
    /// A re-judgement from a day after the policy's last change: nothing
    /// closed or posted since was judged under another policy.
    NoPolicyChangeSince,
    /// An account with the teacher role names its teacher.
    NeededForTeacherRole,
    /// A teacher's id: empty or with spaces.
    IdWithSpaces,
    /// Before this day.
    BeforeDate(NaiveDate),
    /// A term that ends before it starts.
    BeforeStart,
    /// A session whose end is not after its start.
    NotAfterStart,
    /// A teacher who leaves before they joined.
    BeforeFirstDay,
    /// A session on a day no term holds.
    InNoTerm,
    /// A leave or early leave before the teacher's arrival at this time.
    BeforeArrival(NaiveTime),
    /// An arrival or an early leave later than the time it is recorded
    /// (the clock's time then).
    AfterNow(NaiveTime),
    /// A leave for a list of sessions that names none.
    ListsNoSession,
    /// Taking back a make-up that was never marked.
    NoMakeUpMarked,
    /// A make-up of a session not missed on approved official leave.
    NotOfficialLeave,
    /// Ending a mentor pair that is not recorded.
    NoSuchPair,
    /// Training funds above the public funds.
    OverPublicFunds,
    /// Today is in no term.
    TodayInNoTerm,
    /// The terminal app: no teacher picked on the teacher tab.
    NoTeacherPicked,
    /// The terminal app: no other teacher matches what was typed.
    NoOtherTeacher,
    NotADate,
    NotATime,
    NotATerm,
    NotASessionKind,
    NotALeaveKind,
    NotCredits,
    NotARole,
    NotANumber,
    /// Note characters: a whole number, 0 or more.
    NotAWholeNumber,
    /// The funds: two amounts in yuan.
    NotTwoAmounts,
    NotYuan,
    NotAnEncoding,
    /// A file name that ends in neither .xlsx nor .csv.
    NotAFileFormat,
    /// The terminal app will not replace a file (it has no `--force`).
    FileExists,
    NotAnArchiveItem,
    NotADegree,
}

/// A step of the roll call, refused because the roll is not at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum RollStep {
    AnswerFirstCall,
    AnswerSecondCall,
    EndSecondCall,
    RecordLate,
    RecordEarlyLeave,
    CloseRoll,
    UndoMark,
}

/// What is done to a leave request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum LeaveAction {
    Approve,
    Reject,
    Withdraw,
}

impl LeaveAction {
    /// The machine name: in permission checks (`leave approve`) and the
    /// history's action keys (`leave.approve`); never shown as words.
    pub fn code(self) -> &'static str {
        match self {
            LeaveAction::Approve => "approve",
            LeaveAction::Reject => "reject",
            LeaveAction::Withdraw => "withdraw",
        }
    }
}

/// What nobody does on their own record, whatever roles they hold: someone
/// else with the role must (issue 26).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum OwnAction {
    /// `roll leave --excused`.
    ExcuseEarlyLeave,
    /// `roll correct`, or a fix of a mark while the roll runs.
    CorrectMark,
    /// `leave evidence`.
    RecordEvidence,
}

/// A paper a leave request needs before it is approved (defined with
/// the leave kinds that need it).
pub use rules::LeavePaper;
