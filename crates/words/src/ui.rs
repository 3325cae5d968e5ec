//! Texts of the terminal app's tabs, forms and prompts.

use super::*;
use std::sync::LazyLock;

/// Texts of the terminal app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Ui {
    TabRoll,
    TabLeave,
    TabStandings,
    TabTeacher,
    TooSmall,
    NoSessions,
    CallingDone,
    ConfirmClose,
    Nobody,
    SearchPrompt,
    ConfirmApprove,
    ConfirmReject,
    FilterWaiting,
    FilterAll,
    FilterDecided,
    NoRequests,
    FormTeacher,
    FormKind,
    FormFrom,
    FormTo,
    FormReason,
    FormNote,
    FormCertificate,
    FormEmergency,
    Year,
    Term,
    AllGroups,
    SortedBy,
    QueryPrompt,
    NoMatch,
    Record,
    Leaves,
    DemoOpened,
    Marked,
    LeftEarly,
    Closed,
    Approved,
    Rejected,
    Filed,
    Session,
    PhoneFind,
}

pub fn ui(l: Lang, u: Ui) -> &'static str {
    use Ui::*;
    match u {
        TabRoll => l.t("1 点名", "1 Roll call"),
        TabLeave => l.t("2 请假审批", "2 Leave queue"),
        TabStandings => l.t("3 考勤统计", "3 Standings"),
        TabTeacher => l.t("4 教师", "4 Teacher"),
        TooSmall => l.t(
            "终端太小,请放大窗口",
            "Terminal too small; please enlarge it",
        ),
        NoSessions => l.t("没有培训活动", "No sessions"),
        CallingDone => l.t(
            "本轮点名已走完",
            "This call has reached the end of the list",
        ),
        ConfirmClose => l.t(
            "结束点名?以下教师将记旷工",
            "Close the roll? These teachers become absent",
        ),
        Nobody => l.t("(无)", "(nobody)"),
        SearchPrompt => l.t("查找(姓名或拼音首字母)", "Find (name or pinyin initials)"),
        ConfirmApprove => l.t("批准此请假?", "Approve this leave?"),
        ConfirmReject => l.t("驳回此请假?", "Reject this leave?"),
        FilterWaiting => l.t("待我审批", "waiting for me"),
        FilterAll => l.t("全部", "all"),
        FilterDecided => l.t("已处理", "decided"),
        NoRequests => l.t("没有请假申请", "No requests"),
        FormTeacher => l.t("教师(工号/姓名)", "Teacher (id/name)"),
        FormKind => {
            // Made once from `LeaveKind::ALL`: "类别 公假/事假/病假".
            static ZH: LazyLock<String> =
                LazyLock::new(|| format!("类别 {}", leave_kind_words(Lang::Zh).join("/")));
            static EN: LazyLock<String> =
                LazyLock::new(|| format!("Kind {}", leave_kind_words(Lang::En).join("/")));
            l.t(&ZH, &EN)
        }
        FormFrom => l.t("开始日期(可带时刻 16:00)", "From YYYY-MM-DD[THH:MM]"),
        FormTo => l.t("结束日期(可空,可带时刻)", "To (optional)"),
        FormReason => l.t("事由", "Reason"),
        FormNote => l.t("已交请假条 y/n", "Leave note received y/n"),
        FormCertificate => l.t("已交医院证明 y/n", "Hospital certificate y/n"),
        FormEmergency => l.t("急诊 y/n", "Emergency y/n"),
        Year => l.t("学年", "academic year"),
        Term => l.t("学期", "term"),
        AllGroups => l.t("全部教研组", "all groups"),
        SortedBy => l.t("排序", "sorted by"),
        QueryPrompt => l.t(
            "查找教师(姓名、拼音或工号)",
            "Find a teacher (name, pinyin or id)",
        ),
        NoMatch => l.t("没有匹配的教师", "No teacher matches"),
        Record => l.t("考勤记录", "Record"),
        Leaves => l.t("请假记录", "Leave history"),
        DemoOpened => l.t(
            "尚无数据库,已打开示例学校",
            "No database yet: opened the demo school",
        ),
        Marked => l.t("已记到", "marked present"),
        LeftEarly => l.t("已记早退", "marked early leave"),
        Closed => l.t("点名已结束", "roll closed"),
        Approved => l.t("已批准", "approved"),
        Rejected => l.t("已驳回", "rejected"),
        Filed => l.t("请假申请已保存", "leave request saved"),
        Session => l.t("活动", "session"),
        PhoneFind => l.t("查找", "Find"),
    }
}
