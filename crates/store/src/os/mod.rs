//! What the store asks of the operating system, one question per module
//! (issue 29: the same promises on Unix and on Windows). Everything
//! platform-specific in the store is here, behind a function that names
//! the question; the rest of the store has no `cfg`.

pub mod create;
pub mod disk;
pub mod file_id;
pub mod hold;
pub mod lock;
pub mod network;
pub mod read_at;
