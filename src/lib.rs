//! peixun: attendance and assessment for school-based teacher training.

pub mod core;
pub mod policy_file;
pub mod app;
pub mod store;
