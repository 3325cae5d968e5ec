//! The pure core: domain types, the school's policy, and the scoring rules.
//!
//! Nothing here does I/O. It depends on std, chrono and serde only (a test in
//! `tests/rules.rs` reads the `use` lines to keep it so), and "today" is
//! always passed in by the caller.

pub mod assessment;
pub mod calendar;
pub mod category;
pub mod closed;
pub mod dates;
pub mod limits;
pub mod model;
pub mod policy;
pub mod rates;
pub mod review;
pub mod standing;

pub use assessment::{
    ArchiveItem, CreditId, CreditStage, CreditWarning, Deduction, Degree, ExternalCredit,
    ExternalItem, Figures, Funds, MakeUpDone, MakeUpItem, MentorPair, Qualification, ReviewStep,
    YearFile, YearRecord,
};
pub use calendar::MonthDay;
pub use category::{Category, Outcome, outcome};
pub use closed::{ClosedRoll, Expected};
pub use model::*;
pub use policy::{CalendarRules, Effect, Policy};
pub use rates::Rate;
pub use standing::{Period, Reason, Standing, Tally, YearTally};
