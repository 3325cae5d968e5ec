//! Reading the school's policy from TOML, with errors that name the key and line.
//!
//! Kept outside `core` so the scoring module depends on std, chrono and serde only.

use crate::core::Policy;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("cannot read policy file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("policy file {path}, line {line}: {message}")]
    Parse {
        path: String,
        line: usize,
        message: String,
    },
}

/// Parses policy TOML. `path` is only used in messages.
pub fn parse(text: &str, path: &str) -> Result<Policy, PolicyError> {
    let policy = toml::from_str::<Policy>(text).map_err(|e| {
        let start = e.span().map_or(0, |s| s.start.min(text.len()));
        let line = text[..start].matches('\n').count() + 1;
        // Name the key written on that line, so the message says where.
        let key = text
            .lines()
            .nth(line - 1)
            .and_then(|l| l.split_once('='))
            .map(|(k, _)| k.trim().to_string());
        let what = e.message().trim().replace('\n', " ");
        let message = match key {
            Some(k) => format!("key `{k}`: {what}"),
            None => what,
        };
        PolicyError::Parse {
            path: path.to_string(),
            line,
            message,
        }
    })?;
    check(policy, text, path)
}

/// Checks the values serde cannot: percentages at most 100.
fn check(policy: Policy, text: &str, path: &str) -> Result<Policy, PolicyError> {
    for (key, v) in [
        ("late_percent", policy.credits.late_percent),
        ("early_leave_percent", policy.credits.early_leave_percent),
        ("made_up_percent", policy.credits.made_up_percent),
        (
            "training_funds_percent",
            policy.assessment.training_funds_percent,
        ),
    ] {
        if v > 100 {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(0, |i| i + 1);
            return Err(PolicyError::Parse {
                path: path.to_string(),
                line,
                message: format!("key `{key}`: {v} is more than 100 percent"),
            });
        }
    }
    Ok(policy)
}

/// Reads and parses a policy file.
pub fn load(path: &Path) -> Result<Policy, PolicyError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
        path: shown.clone(),
        source,
    })?;
    parse(&text, &shown)
}

/// A policy as TOML (every key, no comments; docs/policy.md explains them).
pub fn to_toml(policy: &Policy) -> String {
    toml::to_string_pretty(policy).unwrap_or_default()
}
