//! peixun: attendance and assessment for school-based teacher training.

pub mod app;
pub mod atomic;
pub mod cli;
pub mod core;
pub mod i18n;
pub mod io;
pub mod policy_file;
pub mod store;
pub mod tui;
