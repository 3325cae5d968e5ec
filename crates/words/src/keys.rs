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
    match e {
        KeyFileError::Syntax(why) => say!(l, "keys.toml 格式有误:{}", "keys.toml: {}", shown(why)),
        KeyFileError::NotAnAction(a) => say!(
            l,
            "keys.toml:没有名为 `{}` 的操作",
            "keys.toml: `{}` is not an action",
            shown(a)
        ),
        KeyFileError::NotAScreen(s) => say!(
            l,
            "keys.toml:没有名为 [{}] 的页面(roll、leave、standings、teacher、credits、history)",
            "keys.toml: [{}] is not a screen (roll, leave, standings, teacher, credits, history)",
            shown(s)
        ),
        KeyFileError::NotAKey(k) => say!(
            l,
            "keys.toml:`{}` 不是按键",
            "keys.toml: `{}` is not a key",
            shown(k)
        ),
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
    /// The leave queue's keys in the phone-sized layout.
    /// The keys the actor may use, each only when they may.
    PhoneLeave {
        approve: Option<String>,
        reject: Option<String>,
        evidence: Option<String>,
        new: Option<String>,
        filter: String,
    },
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
    match h {
        HelpQuit { help, quit } => {
            say!(l, "{} 帮助  {} 退出", "{} help  {} quit", k(help), k(quit))
        }
        HelpTitle { close } => say!(l, "按键说明({} 关闭)", "Keys ({} closes)", k(close)),
        Calling { mark, next, stop } => say!(
            l,
            "点名中:{}=到  {}=下一位  {}=停止",
            "Calling: {}=here  {}=next  {}=stop",
            k(mark),
            k(next),
            k(stop)
        ),
        YesNo { yes, no } => say!(
            l,
            "{} 确认  {} 取消",
            "{} confirm  {} cancel",
            k(yes),
            k(no)
        ),
        RejectNeedsReason { submit } => say!(
            l,
            "驳回须填写理由:请输入理由后按 {}",
            "A rejection needs its reason: type it, then {}",
            k(submit)
        ),
        NewRequest { key } => say!(l, "{} 新申请", "{} new request", k(key)),
        Evidence {
            note,
            certificate,
            submit,
            cancel,
        } => say!(
            l,
            "{} 请假条  {} 医院证明  {} 保存  {} 取消",
            "{} leave note  {} certificate  {} save  {} cancel",
            k(note),
            k(certificate),
            k(submit),
            k(cancel)
        ),
        TimePrompt { submit } => say!(
            l,
            "时间 HH:MM({}确认)",
            "Time HH:MM ({} to confirm)",
            k(submit)
        ),
        CommentPrompt { submit } => {
            say!(l, "意见(可空,{}确认)", "Comment (optional, {})", k(submit))
        }
        RejectPrompt { submit } => say!(
            l,
            "驳回理由(必填,{}确认)",
            "Reason for rejecting (required, {})",
            k(submit)
        ),
        FormTitle {
            next,
            submit,
            cancel,
        } => say!(
            l,
            "新的请假申请({} 切换,{}提交,{} 取消)",
            "New leave request ({} next, {} submit, {} cancel)",
            k(next),
            k(submit),
            k(cancel)
        ),
        NotesHint { submit } => say!(l, "输入字数,{}确认", "Type the number, {}", k(submit)),
        ArchiveHint {
            items,
            up,
            down,
            more,
            less,
            submit,
        } => say!(
            l,
            "{} 勾选档案项,{}/{} 选择次数,{}/{} 增减,{}确认",
            "{} tick an item, {}/{} pick a count, {}/{} change it, {}",
            k(items),
            k(up),
            k(down),
            k(more),
            k(less),
            k(submit)
        ),
        DegreeHint {
            up,
            down,
            next,
            submit,
        } => say!(
            l,
            "{}/{} 学历,{} 是否对口,输入专业,{}确认",
            "{}/{} degree, {} matches the subject, type the major, {}",
            k(up),
            k(down),
            k(next),
            k(submit)
        ),
        MentorHint { next, submit } => say!(
            l,
            "输入对方姓名或拼音,{} 切换师傅/徒弟,{}(已结对则解除)",
            "Name or pinyin, {} mentor/mentee, {} (ends an existing pair)",
            k(next),
            k(submit)
        ),
        FundsHint { submit } => say!(
            l,
            "公用经费 培训经费(元,空格分隔),{}确认",
            "Public funds and training spending in yuan, space between, {}",
            k(submit)
        ),
        PickPeriod { year, prev, next } => say!(
            l,
            "{}/{} 换{}",
            "{}/{}: another {}",
            k(prev),
            k(next),
            if *year {
                l.t("学年", "year")
            } else {
                l.t("学期", "term")
            }
        ),
        NotePrompt { submit } => say!(l, "备注(可空,{}确认)", "Note (optional, {})", k(submit)),
        CreditFormHint {
            next,
            clear,
            submit,
            cancel,
        } => say!(
            l,
            "{} 下一项  {} 清空  {}保存  {} 取消",
            "{} next field  {} clear  {} save  {} cancel",
            k(next),
            k(clear),
            k(submit),
            k(cancel)
        ),
        ExportPrompt { submit } => say!(
            l,
            "导出当前统计到文件(.xlsx 或 .csv,{}确认)",
            "Export this view to a file (.xlsx or .csv, {})",
            k(submit)
        ),
        ImportPrompt { submit } => say!(
            l,
            "导入教师名单或本学期计划(文件路径,{}确认)",
            "Import a roster or this term's plan (file path, {})",
            k(submit)
        ),
        SheetFilePrompt { submit } => say!(
            l,
            "写入文件(.xlsx,{}确认)",
            "write to file (.xlsx, {})",
            k(submit)
        ),
        PublishHint {
            export,
            publish,
            import,
        } => say!(
            l,
            "{} 导出  {} 公布  {} 导入",
            "{} export  {} publish  {} import",
            k(export),
            k(publish),
            k(import)
        ),
        PeriodSteps { prev, next } => say!(
            l,
            "{} {} 换学期/学年",
            "{} {} other terms/years",
            k(prev),
            k(next)
        ),
        BackToTable { key } => say!(l, "{} 回到表格", "{}: back to the table", k(key)),
        PhoneLeave {
            approve,
            reject,
            evidence,
            new,
            filter,
        } => {
            let each = [
                (approve.as_ref(), l.t("批准", "approve")),
                (reject.as_ref(), l.t("驳回", "reject")),
                (evidence.as_ref(), l.t("材料", "papers")),
                (new.as_ref(), l.t("新申请", "new")),
                (Some(filter), l.t("筛选", "filter")),
            ];
            // A key and its name stay together where the line wraps.
            each.iter()
                .filter_map(|(key, what)| key.map(|key| format!("{}\u{a0}{what}", k(key))))
                .collect::<Vec<_>>()
                .join("  ")
        }
        HistoryHint {
            teacher,
            session,
            clear,
        } => say!(
            l,
            "{} 按教师  {} 按活动  {} 清除",
            "{} teacher  {} session  {} clear",
            k(teacher),
            k(session),
            k(clear)
        ),
    }
}
