//! Errors of the policy file (`peixun policy`).

use super::*;

// ---------------------------------------------------------------------------
// Issue 5: policy-file errors, the history screen.
// ---------------------------------------------------------------------------

/// A policy-file error in the user's language: the file, the line and the
/// key, then what is wrong with it.
pub fn policy_error(l: Lang, e: &::store::policy_file::PolicyError) -> String {
    use ::store::policy_file::PolicyError::*;
    match e {
        Read { path, source } => {
            let why = match source.kind() {
                std::io::ErrorKind::NotFound => l.t("文件不存在", "no such file").to_string(),
                std::io::ErrorKind::PermissionDenied => {
                    l.t("没有读取权限", "permission denied").to_string()
                }
                std::io::ErrorKind::InvalidData => {
                    l.t("不是 UTF-8 文本", "not UTF-8 text").to_string()
                }
                _ => source.to_string(),
            };
            match l {
                Lang::Zh => format!("无法读取考勤设置文件 {path}:{why}"),
                Lang::En => format!("cannot read policy file {path}: {why}"),
            }
        }
        Parse {
            path,
            line,
            key,
            problem,
        } => {
            let what = policy_problem(l, problem);
            match (l, key) {
                (Lang::Zh, Some(k)) => {
                    format!("考勤设置文件 {path} 第 {line} 行,设置项 {k}:{what};未做任何更改")
                }
                (Lang::Zh, None) => {
                    format!("考勤设置文件 {path} 第 {line} 行:{what};未做任何更改")
                }
                (Lang::En, Some(k)) => format!(
                    "policy file {path}, line {line}, key `{k}`: {what}; nothing was changed"
                ),
                (Lang::En, None) => {
                    format!("policy file {path}, line {line}: {what}; nothing was changed")
                }
            }
        }
    }
}

fn policy_problem(l: Lang, p: &::store::policy_file::Problem) -> String {
    use ::store::policy_file::{Expected, Problem::*};
    let list = |v: &[String]| v.join(l.t("、", ", "));
    match p {
        UnknownKey { known } if known.is_empty() => {
            l.t("没有这个设置项", "unknown key").to_string()
        }
        UnknownKey { known } => match l {
            Lang::Zh => format!("没有这个设置项;此处可用的有:{}", list(known)),
            Lang::En => format!("unknown key; known here: {}", list(known)),
        },
        NotAChoice { value, choices } => match l {
            Lang::Zh => format!("“{value}” 不是可选值;可选:{}", list(choices)),
            Lang::En => format!("`{value}` is not one of {}", list(choices)),
        },
        BadValue { value, expected } => {
            let want = match expected {
                Expected::Count => l.t("0 或正整数", "a whole number 0 or more"),
                Expected::Integer => l.t("整数", "a whole number"),
                Expected::Bool => l.t("true 或 false", "true or false"),
                Expected::Text => l.t("带引号的文字", "a quoted text"),
                // The TOML parser's own word for what it wanted (a value
                // type such as `table`): shown as it wrote it.
                Expected::Other(s) => s.as_str(),
            };
            match l {
                Lang::Zh => format!("“{value}” 无效,应为{want}"),
                Lang::En => format!("`{value}` is not {want}"),
            }
        }
        OverHundred(v) => match l {
            Lang::Zh => format!("{v} 超过了 100%"),
            Lang::En => format!("{v} is more than 100 percent"),
        },
        Syntax(m) => match l {
            Lang::Zh => format!("TOML 格式错误({m})"),
            Lang::En => m.clone(),
        },
    }
}
