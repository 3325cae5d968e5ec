//! Assessment beyond attendance: credits and their review chain, make-ups,
//! notes, archive, open lessons, degrees, mentors, funds.

use super::*;

/// Short texts of the assessment commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum AssessText {
    CreditAdded,
    NoFunds,
    FundsEnough,
    FundsShort,
    Credits,
    Mentors,
    /// Before the mentee's id on the mentor's record.
    MentorOf,
    /// Before the mentor's id on the mentee's record.
    MenteeOf,
    Qualification,
    NotRecorded,
    Deducted,
    Archive,
    OpenLessons,
    Multimedia,
    Notes,
    MakeUps,
    ExternalCredits,
    Unconfirmed,
    SessionCredits,
    MadeUpCredits,
    TabCredits,
    NoCredits,
    ConfirmPass,
    ConfirmReturn,
    Passed,
    Returned,
    /// The hint line's words after the keys (pass, send back, filter).
    CreditsHint,
    SendBack,
    FilterCredits,
    MarkDone,
    TakeBack,
    OpenOnly,
    NoMakeUps,
    ConfirmMakeUp,
    ConfirmTakeBack,
    MarkedDone,
    TakenBack,
    SwitchList,
    MadeUp,
    PublicFunds,
    TrainingFunds,
}

pub fn assessment_text(l: Lang, a: AssessText) -> &'static str {
    use AssessText::*;
    match a {
        CreditAdded => l.t("已保存,学分登记编号", "saved, credit entry"),
        NoFunds => l.t("本学年尚未登记经费", "no funds recorded for this year"),
        FundsEnough => l.t("达标", "meets the minimum"),
        FundsShort => l.t("未达标", "below the minimum"),
        Credits => l.t("学分", "credits"),
        Mentors => l.t("师徒结对", "mentor pairs"),
        MentorOf => l.t("徒弟", "mentee"),
        MenteeOf => l.t("师傅", "mentor"),
        Qualification => l.t("学历", "degree"),
        NotRecorded => l.t("未登记", "not recorded"),
        Deducted => l.t("扣分", "deducted"),
        Archive => l.t("档案", "archive"),
        OpenLessons => l.t("公开课", "open lessons"),
        Multimedia => l.t("多媒体公开课", "multimedia lessons"),
        Notes => l.t("笔记字数", "note characters"),
        MakeUps => l.t("公假待补", "make-ups open"),
        ExternalCredits => l.t("校外学分", "outside credits"),
        Unconfirmed => l.t("待认定", "unconfirmed"),
        SessionCredits => l.t("活动学分", "session credits"),
        MadeUpCredits => l.t("补课学分", "made-up credits"),
        TabCredits => l.t("5 学分审核", "5 Credits"),
        NoCredits => l.t("没有学分登记", "No credit entries"),
        ConfirmPass => l.t("通过此学分登记?", "Pass this credit entry?"),
        ConfirmReturn => l.t("退回此学分登记?", "Send this credit entry back?"),
        Passed => l.t("已通过", "passed"),
        Returned => l.t("已退回", "sent back"),
        MadeUp => l.t("已补", "made up"),
        PublicFunds => l.t("公用经费", "public funds"),
        TrainingFunds => l.t("培训经费", "training"),
        CreditsHint => l.t("通过", "pass"),
        SendBack => l.t("退回", "send back"),
        FilterCredits => l.t("切换:待我审核/全部", "filter: waiting / all"),
        MarkDone => l.t("记为已补", "mark made up"),
        TakeBack => l.t("撤销已补", "take back"),
        OpenOnly => l.t("仅未补", "open only"),
        NoMakeUps => l.t("没有公假待补", "No make-ups"),
        ConfirmMakeUp => l.t("记为培训内容已补?", "Mark this content made up?"),
        ConfirmTakeBack => l.t("撤销已补记录?", "Take the make-up mark back?"),
        MarkedDone => l.t("已记为已补", "marked made up"),
        TakenBack => l.t("已撤销已补", "make-up mark taken back"),
        SwitchList => l.t("切换 学分登记/公假待补", "switch credits / make-ups"),
    }
}

pub fn credit_headers(l: Lang) -> [&'static str; 9] {
    [
        l.t("编号", "id"),
        l.t("工号", "teacher"),
        l.t("日期", "date"),
        l.t("培训", "training"),
        l.t("主办", "organiser"),
        l.t("学分", "credits"),
        l.t("学分卡", "card"),
        l.t("状态", "stage"),
        l.t("意见", "comment"),
    ]
}

pub fn makeup_headers(l: Lang) -> [&'static str; 7] {
    [
        l.t("工号", "id"),
        l.t("姓名", "name"),
        l.t("活动", "session"),
        l.t("日期", "date"),
        l.t("主题", "title"),
        l.t("学分", "credits"),
        l.t("已补", "made up"),
    ]
}

pub fn mentor_headers(l: Lang) -> [&'static str; 4] {
    [
        l.t("学年", "year"),
        l.t("师傅", "mentor"),
        l.t("徒弟", "mentee"),
        l.t("备注", "note"),
    ]
}
