//! Everything a key can do in the terminal app, each with its help text in
//! both languages beside it (as television keeps `description` beside its
//! actions). The key map (`keymap.rs`) turns a key into one of these; the
//! screens act on them and never look at keys themselves, except for the
//! characters typed into a text box.
//!
//! The snake_case names are the names a user's `keys.toml` binds.

use crate::i18n::Lang;
use serde::Deserialize;

/// What the keys are doing right now: which table of the key map applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A screen's own keys.
    Normal,
    /// The roll call walking the missing one name at a time; the roll
    /// screen's normal keys work too.
    Calling,
    /// A text box has the keys; keys bound to no action are typed.
    Text,
    /// A one-key question: y or n.
    Confirm,
    /// The office's archive checklist: item keys and counts.
    Checklist,
    /// The help overlay.
    Help,
}

impl Mode {
    /// The mode whose bindings apply when this one has none for a key.
    pub fn parent(self) -> Option<Mode> {
        match self {
            Mode::Calling => Some(Mode::Normal),
            _ => None,
        }
    }

    pub const ALL: [Mode; 6] = [
        Mode::Normal,
        Mode::Calling,
        Mode::Text,
        Mode::Confirm,
        Mode::Checklist,
        Mode::Help,
    ];

    /// The mode's name in the help overlay and the README.
    pub fn name(self, l: Lang) -> &'static str {
        match self {
            Mode::Normal => l.t("浏览", "browsing"),
            Mode::Calling => l.t("逐个点名", "calling names"),
            Mode::Text => l.t("输入框", "typing in a box"),
            Mode::Confirm => l.t("确认", "confirming"),
            Mode::Checklist => l.t("档案清单", "archive checklist"),
            Mode::Help => l.t("帮助", "help"),
        }
    }
}

/// Everything a key can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    NextTab,
    PrevTab,
    Tab1,
    Tab2,
    Tab3,
    Tab4,
    Tab5,
    Tab6,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    // In a box or a question.
    Submit,
    Cancel,
    ClearInput,
    NextField,
    PrevField,
    Yes,
    No,
    // The roll call.
    PrevSession,
    NextSession,
    Mark,
    FirstCall,
    SecondCall,
    EndSecondCall,
    Calling,
    NextName,
    StopCalling,
    EarlyLeave,
    Undo,
    CloseRoll,
    Correct,
    Find,
    /// After the second call: the short list of the missing, or everyone.
    ShowAll,
    // The school's calendar (issue 14).
    EditSession,
    MoveSession,
    CancelSession,
    ReopenRoll,
    ExcuseEarlyLeave,
    // A session's paper (issue 28).
    SignInSheet,
    SessionRecord,
    TeacherDeparts,
    EditTeacher,
    // The leave queue.
    Approve,
    Reject,
    Filter,
    NewRequest,
    /// The leave queue: record the note or certificate that arrived.
    Evidence,
    // The standings.
    TogglePeriod,
    SortNext,
    Reverse,
    Group,
    ChartView,
    Export,
    Publish,
    Import,
    // The teacher screen (office).
    Search,
    NotesChars,
    ArchiveFile,
    Degree,
    MentorPair,
    // The credits screen.
    Pass,
    SendBack,
    CreditFilter,
    MakeUps,
    Funds,
    Withdraw,
    Report,
    NewCredit,
    EditCredit,
    // The office's boxes: which term or year they record for.
    PrevPeriod,
    NextPeriod,
    // The history screen.
    FilterTeacher,
    FilterSession,
    ClearFilters,
    // The archive checklist.
    Item1,
    Item2,
    Item3,
    Item4,
    Increase,
    Decrease,
}

impl Action {
    /// What the action does, as the help overlay says it.
    pub fn help(self, l: Lang) -> &'static str {
        use Action::*;
        match self {
            Quit => l.t("退出", "quit"),
            Help => l.t("帮助(可滚动)", "help (scrolls)"),
            NextTab => l.t("下一页", "next screen"),
            PrevTab => l.t("上一页", "previous screen"),
            Tab1 => l.t("到第 1 页:点名", "screen 1: roll call"),
            Tab2 => l.t("到第 2 页:请假审批", "screen 2: leave queue"),
            Tab3 => l.t("到第 3 页:考勤统计", "screen 3: standings"),
            Tab4 => l.t("到第 4 页:教师", "screen 4: teacher"),
            Tab5 => l.t("到第 5 页:学分审核", "screen 5: credits"),
            Tab6 => crate::i18n::history_ui(l, crate::i18n::HistoryUi::GoTo),
            Up => l.t("上移", "move up"),
            Down => l.t("下移", "move down"),
            PageUp => l.t("上翻一页", "page up"),
            PageDown => l.t("下翻一页", "page down"),
            Top => l.t("到第一行", "to the first line"),
            Bottom => l.t("到最后一行", "to the last line"),
            Submit => l.t("确定", "done"),
            Cancel => l.t("取消并关闭", "cancel and close"),
            ClearInput => l.t("清空输入", "clear the box"),
            NextField => l.t("下一项", "next field"),
            PrevField => l.t("上一项", "previous field"),
            Yes => l.t("确认", "confirm"),
            No => l.t("取消", "cancel"),
            PrevSession => l.t("上一个活动", "previous session"),
            NextSession => l.t("下一个活动", "next session"),
            Mark => l.t(
                "记到(第二次点名后记迟到)",
                "mark present (late after the second call)",
            ),
            FirstCall => l.t("开始第一次点名", "start the first call"),
            SecondCall => l.t(
                "开始第二次点名(只点未到者)",
                "start the second call (only the missing)",
            ),
            EndSecondCall => l.t("结束第二次点名", "end the second call"),
            Calling => l.t("逐个点名模式", "calling mode, one name at a time"),
            NextName => l.t("跳过,下一位", "skip to the next name"),
            StopCalling => l.t("离开逐个点名", "leave calling mode"),
            EarlyLeave => l.t("记早退", "record early leave"),
            Undo => l.t("撤销上一次记录", "undo the last mark"),
            CloseRoll => l.t(
                "结束点名(先确认将记旷工者)",
                "close the roll (confirm the absent first)",
            ),
            Correct => l.t(
                "更正光标所在教师的记录(结束后需理由)",
                "correct the teacher under the cursor (a reason once closed)",
            ),
            Find => l.t(
                "按姓名、拼音或工号数字查找(未到者优先)",
                "find by name, pinyin or id digits (the missing first)",
            ),
            ShowAll => l.t(
                "第二次点名后:只列未到者/列出全部",
                "after the second call: the missing only / everyone",
            ),
            SignInSheet => l.t(
                "导出本活动的签到表(.xlsx,供打印)",
                "export this session's sign-in sheet (.xlsx, to print)",
            ),
            SessionRecord => l.t(
                "导出本活动的活动记录(.xlsx,结束点名后)",
                "export this session's record (.xlsx, once the roll is closed)",
            ),
            EditSession => l.t(
                "修改本活动:标题、时间、学分、主讲人(教务处)",
                "edit this session: title, times, credits, presenter (office)",
            ),
            MoveSession => l.t(
                "调整本活动的日期和时间,须填原因(教务处)",
                "move this session to another day or time, with a reason (office)",
            ),
            CancelSession => l.t(
                "取消本活动,须填原因(教务处)",
                "cancel this session, with a reason (office)",
            ),
            ReopenRoll => l.t(
                "重新打开已结束的点名,须填原因(教务处)",
                "reopen a closed roll, with a reason (office)",
            ),
            ExcuseEarlyLeave => l.t(
                "光标所在教师早退准假,须填原因(教务处、组长)",
                "excuse this teacher's early leave, with a reason (office, leaders)",
            ),
            TeacherDeparts => l.t(
                "登记离校日期与原因(教务处)",
                "record a departure: date and reason (office)",
            ),
            EditTeacher => l.t(
                "修改姓名、教研组、年级、到校日期(教务处)",
                "edit name, group, grade, joining date (office)",
            ),
            Approve => l.t("批准", "approve"),
            Reject => l.t("驳回(须填理由)", "reject (with a reason)"),
            Filter => l.t(
                "切换:待我审批/全部/已处理",
                "filter: waiting / all / decided",
            ),
            NewRequest => l.t("新的请假申请", "new leave request"),
            Evidence => l.t(
                "登记收到的请假条/医院证明(同 leave evidence)",
                "record the leave note or certificate received (as leave evidence)",
            ),
            TogglePeriod => l.t("切换学期/学年", "term / academic year"),
            SortNext => l.t("换排序列", "sort by the next column"),
            Reverse => l.t("倒序", "reverse the order"),
            Group => l.t("按教研组筛选", "filter by group"),
            ChartView => l.t(
                "图表:各教研组出勤率、旷工、迟到,每次培训出勤率(再按回到表格)",
                "charts: rate, absences and lates by group, rate per session (again: the table)",
            ),
            Export => l.t("导出当前统计(.xlsx/.csv)", "export this view (.xlsx/.csv)"),
            Publish => l.t("公布本学期考勤", "publish this term's standings"),
            Import => l.t("导入教师名单或学期计划", "import a roster or a term plan"),
            Search => l.t("输入姓名、拼音或工号查找", "search by name, pinyin or id"),
            NotesChars => l.t(
                "登记本学期笔记字数(教务处)",
                "note characters this term (office)",
            ),
            ArchiveFile => l.t(
                "档案清单与公开课(教务处)",
                "archive checklist and open lessons (office)",
            ),
            Degree => l.t("登记学历与专业(教务处)", "degree and major (office)"),
            MentorPair => l.t("师徒结对(教务处)", "pair with a mentor or mentee (office)"),
            Pass => l.t(
                "通过(登记或退回的:自评);公假待补:记为已补",
                "pass or self-assess; make-ups: mark made up",
            ),
            SendBack => l.t(
                "退回(须填理由);公假待补:撤销已补",
                "send back (with a reason); make-ups: take back",
            ),
            CreditFilter => l.t(
                "切换:待我审核/全部;公假待补:仅未补/全部",
                "waiting / all; make-ups: open / all",
            ),
            MakeUps => l.t("切换学分登记/公假待补", "credit entries / make-ups"),
            Funds => l.t(
                "本学年培训经费(教务处)",
                "this year's training funds (office)",
            ),
            Withdraw => l.t(
                "撤回自己的学分登记(审核前)",
                "withdraw your own entry (before review)",
            ),
            Report => l.t(
                "记录外出学习书面汇报(教务处,已认定的)",
                "record the written report of outside study (office, confirmed)",
            ),
            NewCredit => l.t(
                "登记学分卡培训(本人,或教务处代为)",
                "register training from a credit card (yours, or the office for a teacher)",
            ),
            EditCredit => l.t(
                "修改光标所在的学分登记(已登记或已退回的)",
                "correct the entry under the cursor (registered or sent back)",
            ),
            PrevPeriod => l.t(
                "上一学期/学年(考勤统计、教务处登记框)",
                "the previous term or year (standings, office boxes)",
            ),
            NextPeriod => l.t(
                "下一学期/学年(考勤统计、教务处登记框)",
                "the next term or year (standings, office boxes)",
            ),
            FilterTeacher => l.t("按教师筛选", "filter by teacher"),
            FilterSession => l.t("按活动筛选", "filter by session"),
            ClearFilters => l.t("清除筛选", "clear the filters"),
            Item1 => l.t("勾选:第 1 项", "tick item 1"),
            Item2 => l.t("勾选:第 2 项", "tick item 2"),
            Item3 => l.t("勾选:第 3 项", "tick item 3"),
            Item4 => l.t("勾选:第 4 项", "tick item 4"),
            Increase => l.t("所选数目加一", "add one to the count"),
            Decrease => l.t("所选数目减一", "take one from the count"),
        }
    }
}
