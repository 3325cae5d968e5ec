//! peixun: attendance and assessment for school-based teacher training.
//!
//! The work is in the workspace's crates (docs/architecture.md); this
//! library gives them their old module names for tests/, benches/ and
//! fuzz/.

pub use app;
pub use app::i18n;
pub use cli;
pub use rules as core;
pub use sheets as io;
pub use store;
pub use store::{atomic, policy_file};
pub use tui;
