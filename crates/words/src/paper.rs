//! Paper (issue 28): the words of the sign-in sheet and the session
//! record, the footer of every printed sheet, and how a teacher's record
//! says sessions still to come and the leave it lists.

use super::*;

/// The texts of the sign-in sheet and the session record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum PaperText {
    SignInTitle,
    SessionTitle,
    SheetSignIn,
    SheetSession,
    Title,
    When,
    Place,
    Presenter,
    Host,
    Recorder,
    Number,
    SessionNumber,
    Id,
    Name,
    Group,
    Signature,
    Note,
    Expected,
    Present,
    OnLeave,
    Late,
    EarlyLeave,
    Absent,
    Category,
    Names,
    Summary,
    RecorderSigns,
    Date,
    Nobody,
    /// A session of a teacher's record that is still to come.
    NotYetHeld,
}

pub fn paper_text(l: Lang, x: PaperText) -> &'static str {
    use PaperText::*;
    match x {
        SignInTitle => l.t("培训签到表", "Training sign-in sheet"),
        SessionTitle => l.t("培训活动记录", "Training session record"),
        SheetSignIn => l.t("签到表", "Sign-in"),
        SheetSession => l.t("活动记录", "Session record"),
        Title => l.t("主题", "Title"),
        When => l.t("时间", "Date and time"),
        Place => l.t("地点", "Place"),
        Presenter => l.t("主讲人", "Presenter"),
        Host => l.t("主持人", "Host"),
        Recorder => l.t("记录人", "Recorder"),
        Number => l.t("序号", "No."),
        SessionNumber => l.t("活动编号", "Session"),
        Id => l.t("工号", "Id"),
        Name => l.t("姓名", "Name"),
        Group => l.t("教研组", "Group"),
        Signature => l.t("签名", "Signature"),
        Note => l.t("备注", "Note"),
        Expected => l.t("应到", "Expected"),
        Present => l.t("实到", "Present"),
        OnLeave => l.t("请假", "On leave"),
        Late => l.t("迟到", "Late"),
        EarlyLeave => l.t("早退", "Left early"),
        Absent => l.t("旷工", "Absent"),
        Category => l.t("类别", "Category"),
        Names => l.t("名单", "Names"),
        Summary => l.t(
            "内容摘要(记录人填写)",
            "Summary of the content (filled in by the recorder)",
        ),
        RecorderSigns => l.t("记录人签名", "Recorder's signature"),
        Date => l.t("日期", "Date"),
        Nobody => l.t("无", "none"),
        NotYetHeld => l.t("未开始", "not yet held"),
    }
}

/// The footer's page number in words around Excel's codes: what comes
/// before the page, between it and the number of pages, and after.
pub fn page_of(l: Lang) -> (&'static str, &'static str, &'static str) {
    match l {
        Lang::Zh => ("第 ", " 页,共 ", " 页"),
        Lang::En => ("page ", " of ", ""),
    }
}

/// Which of a session's two sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum SessionSheet {
    /// The sign-in sheet, printed before the session.
    SignIn,
    /// The session record, filed once the roll is closed.
    Record,
}

/// A session record asked for before its roll is closed.
pub fn record_not_closed(l: Lang, session: u32) -> String {
    match l {
        Lang::Zh => {
            format!("活动 {session} 的点名尚未结束:结束点名后才能导出活动记录,未导出任何文件")
        }
        Lang::En => format!(
            "the roll of session {session} is not closed yet: a session record is written once it is; nothing was written"
        ),
    }
}

/// Through the SSH gate no file is written on the server: the command that
/// brings the sheet home instead.
pub fn sheet_over_ssh(l: Lang, which: SessionSheet, session: u32) -> String {
    let (cmd, zh, en) = match which {
        SessionSheet::SignIn => ("signin", "签到表", "signin"),
        SessionSheet::Record => ("session", "活动记录", "session"),
    };
    match l {
        Lang::Zh => format!(
            "通过 SSH 使用时不在服务器上写文件;请在自己的电脑上运行: ssh peixun@服务器 export {cmd} {session} --out - --format xlsx > {zh}-{session}.xlsx"
        ),
        Lang::En => format!(
            "over SSH no file is written on the server; on your own computer run: ssh peixun@server export {cmd} {session} --out - --format xlsx > {en}-{session}.xlsx"
        ),
    }
}

/// The file a key on the roll screen writes a session's sheet to.
pub fn sheet_file(l: Lang, which: SessionSheet, session: u32) -> String {
    let name = match which {
        SessionSheet::SignIn => l.t("签到表", "signin"),
        SessionSheet::Record => l.t("活动记录", "session"),
    };
    format!("{name}-{session}.xlsx")
}

/// The chart sheet's rate axis: its name, and where it does not start at
/// 0, the rate it starts from (so a short bar is not read as a low rate).
pub fn rate_axis(l: Lang, from_percent: Option<u32>) -> String {
    match (l, from_percent) {
        (_, None) => l.t("出勤率", "attendance rate").into(),
        (_, Some(p)) => say!(
            l,
            "出勤率(坐标从 {p}% 起,不从 0 起)",
            "attendance rate (axis starts at {p}%, not 0)"
        ),
    }
}

/// The chart sheet's count axis: absences and lates are counted in 人次.
pub fn count_axis(l: Lang) -> &'static str {
    l.t("人次", "times")
}

/// A day of the week as a sheet's heading says it.
pub fn weekday(l: Lang, d: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match d {
        Mon => l.t("星期一", "Monday"),
        Tue => l.t("星期二", "Tuesday"),
        Wed => l.t("星期三", "Wednesday"),
        Thu => l.t("星期四", "Thursday"),
        Fri => l.t("星期五", "Friday"),
        Sat => l.t("星期六", "Saturday"),
        Sun => l.t("星期日", "Sunday"),
    }
}

/// "标签:" / "Label: ", the way a sheet's heading names a field.
pub fn field_label(l: Lang, x: PaperText) -> String {
    match l {
        Lang::Zh => format!("{}:", paper_text(l, x)),
        Lang::En => format!("{}: ", paper_text(l, x)),
    }
}

/// A leave written on a sheet: its kind and that it is approved, e.g.
/// 事假(已批准).
pub fn leave_note(l: Lang, kind: LeaveKind, status: LeaveStatus) -> String {
    match l {
        Lang::Zh => format!("{}({})", leave_kind(l, kind), leave_status(l, status)),
        Lang::En => format!("{} ({})", leave_kind(l, kind), leave_status(l, status)),
    }
}

/// A session's sheet asked for as CSV: it is a sheet to print.
pub fn sheet_xlsx_only(l: Lang) -> String {
    l.t(
        "签到表和活动记录只导出为 .xlsx(用于打印),未导出任何文件",
        "a sign-in sheet or a session record is written as .xlsx only (it is for printing); nothing was written",
    )
    .to_string()
}
