//! Short texts and table headers of the command line.

use super::*;

/// Short texts used by the command line and the terminal app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Label {
    NoCommand,
    Created,
    DemoProgress,
    Saved,
    SessionAdded,
    LeaveFiled,
    Undone,
    Absent,
    NobodyAbsent,
    Expected,
    Present,
    OnLeave,
    Missing,
    Ambiguous,
    Emergency,
    WantCover,
}

pub fn text(l: Lang, t: Label) -> &'static str {
    match t {
        Label::NoCommand => l.t("缺少子命令", "no subcommand given"),
        Label::Created => l.t("已创建", "created"),
        Label::DemoProgress => l.t("生成示例学年", "generating demo year"),
        Label::Saved => l.t("已保存", "saved"),
        Label::SessionAdded => l.t("已保存,活动编号", "saved, session"),
        Label::LeaveFiled => l.t("已保存,请假编号", "saved, leave request"),
        Label::Undone => l.t("已撤销", "undone for"),
        Label::Absent => l.t("记旷工", "absent"),
        Label::NobodyAbsent => l.t("已保存,无人旷工", "saved; nobody absent"),
        Label::Expected => l.t("应到", "expected"),
        Label::Present => l.t("已到", "present"),
        Label::OnLeave => l.t("请假", "on leave"),
        Label::Missing => l.t("未到", "missing"),
        Label::Ambiguous => l.t(
            "匹配到多位教师,请用工号",
            "several teachers match; use the id",
        ),
        Label::Emergency => l.t("急诊", "emergency"),
        Label::WantCover => l.t(
            "请用 --from/--to 给出日期,或用 --sessions 列出活动",
            "give dates with --from/--to or sessions with --sessions",
        ),
    }
}

pub fn teacher_headers(l: Lang) -> [&'static str; 4] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("教研组", "group"),
        l.t("年级组", "grade"),
    ]
}

pub fn term_headers(l: Lang) -> [&'static str; 4] {
    [
        l.t("学期", "term"),
        l.t("名称", "name"),
        l.t("开始", "start"),
        l.t("结束", "end"),
    ]
}

pub fn session_headers(l: Lang) -> [&'static str; 6] {
    [
        l.t("编号", "id"),
        l.t("日期", "date"),
        l.t("时间", "time"),
        l.t("主题", "title"),
        l.t("学分", "credits"),
        l.t("点名", "roll"),
    ]
}

pub fn roll_headers(l: Lang) -> [&'static str; 5] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("教研组", "group"),
        l.t("考勤", "attendance"),
        l.t("请假", "leave"),
    ]
}

pub fn record_headers(l: Lang) -> [&'static str; 5] {
    [
        l.t("编号", "id"),
        l.t("日期", "date"),
        l.t("主题", "title"),
        l.t("学分", "credits"),
        l.t("考勤", "attendance"),
    ]
}

pub fn leave_headers(l: Lang) -> [&'static str; 9] {
    [
        l.t("编号", "id"),
        l.t("工号", "teacher"),
        l.t("类别", "kind"),
        l.t("范围", "covers"),
        l.t("事由", "reason"),
        l.t("材料", "evidence"),
        l.t("急诊", "emergency"),
        l.t("状态", "status"),
        l.t("意见", "comment"),
    ]
}

pub fn history_headers(l: Lang) -> [&'static str; 8] {
    [
        l.t("序号", "seq"),
        l.t("时间", "when"),
        l.t("操作人", "who"),
        l.t("操作", "action"),
        l.t("对象", "what"),
        l.t("原值", "before"),
        l.t("新值", "after"),
        l.t("原因", "reason"),
    ]
}

pub fn account_headers(l: Lang) -> [&'static str; 3] {
    [
        l.t("账号", "account"),
        l.t("角色", "roles"),
        l.t("教师", "teacher"),
    ]
}
