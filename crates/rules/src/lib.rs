//! The pure core: domain types, the school's policy, and the scoring rules.
//!
//! Nothing here does I/O. It depends on std, chrono and serde only (a test in
//! `tests/rules.rs` reads the `use` lines to keep it so), and "today" is
//! always passed in by the caller.

/// Defines an enum of plain variants and its `ALL`: every variant, in the
/// order written, generated from the definition itself (so a new variant
/// is in every list built from `ALL`: the words that list the kinds, the
/// catalogue walk, the legends). Std only, where strum's `EnumIter` would
/// be a dependency the rules crate does not take.
macro_rules! listed {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }
        impl $name {
            /// Every variant, in the order of the definition.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }
    };
}

pub mod assessment;
pub mod calendar;
pub mod category;
pub mod closed;
pub mod dates;
pub mod limits;
pub mod model;
pub mod policies;
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
pub use policies::{Policies, Superseded};
pub use policy::{CalendarRules, Effect, Policy};
pub use rates::Rate;
pub use standing::{Period, Reason, Standing, Tally, YearTally};
