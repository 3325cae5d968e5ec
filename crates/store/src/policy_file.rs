//! Reading the school's policy from TOML, with errors that name the file,
//! the line and the key. The errors carry what went wrong as data; the
//! catalogue (`crate::i18n::policy_error`) words them in the user's
//! language. `Display` gives the English wording, for logs and tests.
//!
//! Kept outside `core` so the scoring module depends on std, chrono and serde only.

use rules::Policy;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("cannot read policy file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("policy file {path}, line {line}{}: {problem}", key_part(.key))]
    Parse {
        path: String,
        line: usize,
        /// The key the problem is about, where one can be named.
        key: Option<String>,
        problem: Problem,
    },
}

fn key_part(key: &Option<String>) -> String {
    key.as_ref()
        .map(|k| format!(", key `{k}`"))
        .unwrap_or_default()
}

/// What is wrong at that line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The key is not one the policy has.
    #[error("unknown key; known here: {}", .known.join(", "))]
    UnknownKey { known: Vec<String> },
    /// A value that must be one of a few words is another.
    #[error("`{value}` is not one of {}", .choices.join(", "))]
    NotAChoice { value: String, choices: Vec<String> },
    /// A value of the wrong type or out of range.
    #[error("`{value}` is not {}", expected_en(.expected))]
    BadValue { value: String, expected: Expected },
    /// A percentage above 100.
    #[error("{0} is more than 100 percent")]
    OverHundred(u32),
    /// The text is not TOML; the parser's own words.
    #[error("{0}")]
    Syntax(String),
}

/// The kind of value a key wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// 0, 1, 2, ...
    Count,
    /// A whole number, maybe negative.
    Integer,
    /// true or false.
    Bool,
    Text,
    /// What the parser said it wanted, where it is none of the above.
    Other(String),
}

fn expected_en(e: &Expected) -> String {
    match e {
        Expected::Count => "a whole number 0 or more".into(),
        Expected::Integer => "a whole number".into(),
        Expected::Bool => "true or false".into(),
        Expected::Text => "a quoted text".into(),
        Expected::Other(s) => s.clone(),
    }
}

/// The words between backticks in a parser message, in order.
fn quoted(s: &str) -> Vec<String> {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, w)| w.to_string())
        .collect()
}

/// Turns a serde/toml message into a `Problem`, and the key it names if any.
fn classify(message: &str) -> (Option<String>, Problem) {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let mut words = quoted(rest).into_iter();
        let key = words.next();
        return (
            key,
            Problem::UnknownKey {
                known: words.collect(),
            },
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let mut words = quoted(rest).into_iter();
        let value = words.next().unwrap_or_default();
        return (
            None,
            Problem::NotAChoice {
                value,
                choices: words.collect(),
            },
        );
    }
    let typed = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some((found, expected)) = typed.and_then(|r| r.rsplit_once(", expected ")) {
        // `integer `-1`` or `string "forty"`: the value is what is quoted.
        let value = match (quoted(found).first(), found.split_once('"')) {
            (Some(v), _) => v.clone(),
            (None, Some((_, v))) => v.trim_end_matches('"').to_string(),
            (None, None) => found.to_string(),
        };
        let expected = match expected.trim() {
            "u8" | "u16" | "u32" | "u64" | "usize" => Expected::Count,
            "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" => Expected::Integer,
            "a boolean" => Expected::Bool,
            "a string" => Expected::Text,
            other => Expected::Other(other.to_string()),
        };
        return (None, Problem::BadValue { value, expected });
    }
    (None, Problem::Syntax(message.to_string()))
}

/// Parses policy TOML. `path` is only used in messages.
pub fn parse(text: &str, path: &str) -> Result<Policy, PolicyError> {
    let policy = toml::from_str::<Policy>(text).map_err(|e| {
        let start = e.span().map_or(0, |s| s.start.min(text.len()));
        let line = text[..start].matches('\n').count() + 1;
        let (named, problem) = classify(e.message().trim().lines().next().unwrap_or_default());
        // Otherwise name the key written on that line, so the message says where.
        let key = named.or_else(|| {
            text.lines()
                .nth(line - 1)
                .and_then(|l| l.split_once('='))
                .map(|(k, _)| k.trim().to_string())
        });
        PolicyError::Parse {
            path: path.to_string(),
            line,
            key,
            problem,
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
                key: Some(key.to_string()),
                problem: Problem::OverHundred(v),
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
