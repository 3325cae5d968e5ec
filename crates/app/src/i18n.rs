//! The whole catalogue as the terminal app and the command line see it:
//! the words crate, the words for spreadsheet problems (sheets) and the
//! words for the commands' own errors (here, above the types they name).

mod assess;
mod calendar;
mod errors;
mod files;
mod roll;

pub use assess::*;
pub use calendar::*;
pub use errors::*;
pub use files::*;
pub use roll::*;
pub use sheets::words::*;
pub use words::*;
