//! Texts of the terminal app's key map: what is wrong with keys.toml.

use super::Lang;

/// What is wrong with the user's keys.toml.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum KeyFileError {
    /// Not TOML at all: the parser's message.
    Syntax(String),
    /// A name that is no action.
    NotAnAction(String),
    /// A table named after no screen.
    NotAScreen(String),
    /// A key that cannot be read.
    NotAKey(String),
}

pub fn key_file_error(l: Lang, e: &KeyFileError) -> String {
    let shown = |s: &str| super::shown(s).into_owned();
    match (l, e) {
        (Lang::Zh, KeyFileError::Syntax(why)) => format!("keys.toml 格式有误:{}", shown(why)),
        (Lang::En, KeyFileError::Syntax(why)) => format!("keys.toml: {}", shown(why)),
        (Lang::Zh, KeyFileError::NotAnAction(a)) => {
            format!("keys.toml:没有名为 `{}` 的操作", shown(a))
        }
        (Lang::En, KeyFileError::NotAnAction(a)) => {
            format!("keys.toml: `{}` is not an action", shown(a))
        }
        (Lang::Zh, KeyFileError::NotAScreen(s)) => format!(
            "keys.toml:没有名为 [{}] 的页面(roll、leave、standings、teacher、credits、history)",
            shown(s)
        ),
        (Lang::En, KeyFileError::NotAScreen(s)) => format!(
            "keys.toml: [{}] is not a screen (roll, leave, standings, teacher, credits, history)",
            shown(s)
        ),
        (Lang::Zh, KeyFileError::NotAKey(k)) => format!("keys.toml:`{}` 不是按键", shown(k)),
        (Lang::En, KeyFileError::NotAKey(k)) => format!("keys.toml: `{}` is not a key", shown(k)),
    }
}

/// Hints that name keys, each key as the key map binds it (a user's
/// keys.toml may have changed it), written by the terminal app.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum KeyHint {
    /// The status line when there is nothing to say: help and quit.
    HelpQuit { help: String, quit: String },
    /// The help overlay's title: the key that closes it.
    HelpTitle { close: String },
    /// The calling box's title: mark, next name, stop.
    Calling {
        mark: String,
        next: String,
        stop: String,
    },
    /// A question's answer line.
    YesNo { yes: String, no: String },
    /// The leave queue's last line: a new request.
    NewRequest { key: String },
    /// Reject was confirmed with an empty reason; `submit` confirms.
    RejectNeedsReason { submit: String },
    /// The papers popup's keys: tick each paper, save, cancel.
    Evidence {
        note: String,
        certificate: String,
        submit: String,
        cancel: String,
    },
    /// A time box's title.
    TimePrompt { submit: String },
    /// The comment box of an approval.
    CommentPrompt { submit: String },
    /// The reason box of a rejection.
    RejectPrompt { submit: String },
    /// The new leave request form's title.
    FormTitle {
        next: String,
        submit: String,
        cancel: String,
    },
}

pub fn key_hint(l: Lang, h: &KeyHint) -> String {
    use KeyHint::*;
    let k = |s: &String| super::shown(s).into_owned();
    match (l, h) {
        (Lang::Zh, HelpQuit { help, quit }) => format!("{} 帮助  {} 退出", k(help), k(quit)),
        (Lang::En, HelpQuit { help, quit }) => format!("{} help  {} quit", k(help), k(quit)),
        (Lang::Zh, HelpTitle { close }) => format!("按键说明({} 关闭)", k(close)),
        (Lang::En, HelpTitle { close }) => format!("Keys ({} closes)", k(close)),
        (Lang::Zh, Calling { mark, next, stop }) => format!(
            "点名中:{}=到  {}=下一位  {}=停止",
            k(mark),
            k(next),
            k(stop)
        ),
        (Lang::En, Calling { mark, next, stop }) => format!(
            "Calling: {}=here  {}=next  {}=stop",
            k(mark),
            k(next),
            k(stop)
        ),
        (Lang::Zh, YesNo { yes, no }) => format!("{} 确认  {} 取消", k(yes), k(no)),
        (Lang::En, YesNo { yes, no }) => format!("{} confirm  {} cancel", k(yes), k(no)),
        (Lang::Zh, RejectNeedsReason { submit }) => {
            format!("驳回须填写理由:请输入理由后按 {}", k(submit))
        }
        (Lang::En, RejectNeedsReason { submit }) => {
            format!("A rejection needs its reason: type it, then {}", k(submit))
        }
        (Lang::Zh, NewRequest { key }) => format!("{} 新申请", k(key)),
        (Lang::En, NewRequest { key }) => format!("{} new request", k(key)),
        (
            Lang::Zh,
            Evidence {
                note,
                certificate,
                submit,
                cancel,
            },
        ) => format!(
            "{} 请假条  {} 医院证明  {} 保存  {} 取消",
            k(note),
            k(certificate),
            k(submit),
            k(cancel)
        ),
        (
            Lang::En,
            Evidence {
                note,
                certificate,
                submit,
                cancel,
            },
        ) => format!(
            "{} leave note  {} certificate  {} save  {} cancel",
            k(note),
            k(certificate),
            k(submit),
            k(cancel)
        ),
        (Lang::Zh, TimePrompt { submit }) => format!("时间 HH:MM({}确认)", k(submit)),
        (Lang::En, TimePrompt { submit }) => format!("Time HH:MM ({} to confirm)", k(submit)),
        (Lang::Zh, CommentPrompt { submit }) => format!("意见(可空,{}确认)", k(submit)),
        (Lang::En, CommentPrompt { submit }) => format!("Comment (optional, {})", k(submit)),
        (Lang::Zh, RejectPrompt { submit }) => format!("驳回理由(必填,{}确认)", k(submit)),
        (Lang::En, RejectPrompt { submit }) => {
            format!("Reason for rejecting (required, {})", k(submit))
        }
        (
            Lang::Zh,
            FormTitle {
                next,
                submit,
                cancel,
            },
        ) => format!(
            "新的请假申请({} 切换,{}提交,{} 取消)",
            k(next),
            k(submit),
            k(cancel)
        ),
        (
            Lang::En,
            FormTitle {
                next,
                submit,
                cancel,
            },
        ) => format!(
            "New leave request ({} next, {} submit, {} cancel)",
            k(next),
            k(submit),
            k(cancel)
        ),
    }
}
