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
    /// The note-characters box's keys.
    NotesHint { submit: String },
    /// The archive checklist's keys: the four items' keys joined by `/`.
    ArchiveHint {
        items: String,
        up: String,
        down: String,
        more: String,
        less: String,
        submit: String,
    },
    /// The degree box's keys.
    DegreeHint {
        up: String,
        down: String,
        next: String,
        submit: String,
    },
    /// The mentor box's keys.
    MentorHint { next: String, submit: String },
    /// The funds box's keys.
    FundsHint { submit: String },
    /// An office box's keys that pick another term (`year` false) or year.
    PickPeriod {
        year: bool,
        prev: String,
        next: String,
    },
    /// The make-up mark's note box.
    NotePrompt { submit: String },
    /// The standings' export box.
    ExportPrompt { submit: String },
    /// The standings' import box.
    ImportPrompt { submit: String },
    /// A sign-in sheet's or record's file box, after its name.
    SheetFilePrompt { submit: String },
    /// The standings' head line: export, publish, import.
    PublishHint {
        export: String,
        publish: String,
        import: String,
    },
    /// The chart's way back to the table.
    BackToTable { key: String },
    /// The standings' keys to the term or year before and after.
    PeriodSteps { prev: String, next: String },
    /// The history screen's filters.
    HistoryHint {
        teacher: String,
        session: String,
        clear: String,
    },
    /// The credit-entry form's keys.
    CreditFormHint {
        next: String,
        clear: String,
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
        (Lang::Zh, NotesHint { submit }) => format!("输入字数,{}确认", k(submit)),
        (Lang::En, NotesHint { submit }) => format!("Type the number, {}", k(submit)),
        (
            Lang::Zh,
            ArchiveHint {
                items,
                up,
                down,
                more,
                less,
                submit,
            },
        ) => format!(
            "{} 勾选档案项,{}/{} 选择次数,{}/{} 增减,{}确认",
            k(items),
            k(up),
            k(down),
            k(more),
            k(less),
            k(submit)
        ),
        (
            Lang::En,
            ArchiveHint {
                items,
                up,
                down,
                more,
                less,
                submit,
            },
        ) => format!(
            "{} tick an item, {}/{} pick a count, {}/{} change it, {}",
            k(items),
            k(up),
            k(down),
            k(more),
            k(less),
            k(submit)
        ),
        (
            Lang::Zh,
            DegreeHint {
                up,
                down,
                next,
                submit,
            },
        ) => format!(
            "{}/{} 学历,{} 是否对口,输入专业,{}确认",
            k(up),
            k(down),
            k(next),
            k(submit)
        ),
        (
            Lang::En,
            DegreeHint {
                up,
                down,
                next,
                submit,
            },
        ) => format!(
            "{}/{} degree, {} matches the subject, type the major, {}",
            k(up),
            k(down),
            k(next),
            k(submit)
        ),
        (Lang::Zh, MentorHint { next, submit }) => format!(
            "输入对方姓名或拼音,{} 切换师傅/徒弟,{}(已结对则解除)",
            k(next),
            k(submit)
        ),
        (Lang::En, MentorHint { next, submit }) => format!(
            "Name or pinyin, {} mentor/mentee, {} (ends an existing pair)",
            k(next),
            k(submit)
        ),
        (Lang::Zh, FundsHint { submit }) => {
            format!("公用经费 培训经费(元,空格分隔),{}确认", k(submit))
        }
        (Lang::En, FundsHint { submit }) => format!(
            "Public funds and training spending in yuan, space between, {}",
            k(submit)
        ),
        (Lang::Zh, PickPeriod { year, prev, next }) => format!(
            "{}/{} 换{}",
            k(prev),
            k(next),
            if *year { "学年" } else { "学期" }
        ),
        (Lang::En, PickPeriod { year, prev, next }) => format!(
            "{}/{}: another {}",
            k(prev),
            k(next),
            if *year { "year" } else { "term" }
        ),
        (Lang::Zh, NotePrompt { submit }) => format!("备注(可空,{}确认)", k(submit)),
        (Lang::En, NotePrompt { submit }) => format!("Note (optional, {})", k(submit)),
        (
            Lang::Zh,
            CreditFormHint {
                next,
                clear,
                submit,
                cancel,
            },
        ) => format!(
            "{} 下一项  {} 清空  {}保存  {} 取消",
            k(next),
            k(clear),
            k(submit),
            k(cancel)
        ),
        (
            Lang::En,
            CreditFormHint {
                next,
                clear,
                submit,
                cancel,
            },
        ) => format!(
            "{} next field  {} clear  {} save  {} cancel",
            k(next),
            k(clear),
            k(submit),
            k(cancel)
        ),
        (Lang::Zh, ExportPrompt { submit }) => {
            format!("导出当前统计到文件(.xlsx 或 .csv,{}确认)", k(submit))
        }
        (Lang::En, ExportPrompt { submit }) => {
            format!("Export this view to a file (.xlsx or .csv, {})", k(submit))
        }
        (Lang::Zh, ImportPrompt { submit }) => {
            format!("导入教师名单或本学期计划(文件路径,{}确认)", k(submit))
        }
        (Lang::En, ImportPrompt { submit }) => format!(
            "Import a roster or this term's plan (file path, {})",
            k(submit)
        ),
        (Lang::Zh, SheetFilePrompt { submit }) => {
            format!("写入文件(.xlsx,{}确认)", k(submit))
        }
        (Lang::En, SheetFilePrompt { submit }) => {
            format!("write to file (.xlsx, {})", k(submit))
        }
        (
            Lang::Zh,
            PublishHint {
                export,
                publish,
                import,
            },
        ) => format!(
            "{} 导出  {} 公布  {} 导入",
            k(export),
            k(publish),
            k(import)
        ),
        (
            Lang::En,
            PublishHint {
                export,
                publish,
                import,
            },
        ) => format!(
            "{} export  {} publish  {} import",
            k(export),
            k(publish),
            k(import)
        ),
        (_, PeriodSteps { prev, next }) => {
            say!(
                l,
                "{} {} 换学期/学年",
                "{} {} other terms/years",
                k(prev),
                k(next)
            )
        }
        (Lang::Zh, BackToTable { key }) => format!("{} 回到表格", k(key)),
        (Lang::En, BackToTable { key }) => format!("{}: back to the table", k(key)),
        (
            Lang::Zh,
            HistoryHint {
                teacher,
                session,
                clear,
            },
        ) => format!(
            "{} 按教师  {} 按活动  {} 清除",
            k(teacher),
            k(session),
            k(clear)
        ),
        (
            Lang::En,
            HistoryHint {
                teacher,
                session,
                clear,
            },
        ) => format!(
            "{} teacher  {} session  {} clear",
            k(teacher),
            k(session),
            k(clear)
        ),
    }
}
