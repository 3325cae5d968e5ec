//! Text for `--help` and for a command line clap cannot read: what every
//! command and every argument does, clap's own headings, and why a command
//! line was refused. Commands are named by their path (`""` is peixun
//! itself, `"leave request"`), arguments by their id (the field name);
//! `cli::help` walks the command tree and fills it from here, and
//! tests/help.rs fails when a command or an argument has no entry.

use super::{Lang, leave_kind_codes};
use std::sync::LazyLock;

/// A piece of `--help`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help<'a> {
    /// What the command at this path does.
    About(&'a str),
    /// What one argument (by its id) of the command at this path means.
    Arg(&'a str, &'a str),
}

/// The text of a piece of `--help`; `None` for a command or an argument the
/// catalogue does not know (a test keeps that from happening).
pub fn help(l: Lang, h: Help) -> Option<&'static str> {
    match h {
        Help::About(path) => about(l, path),
        Help::Arg(path, id) => arg(l, path, id),
    }
}

fn about(l: Lang, path: &str) -> Option<&'static str> {
    Some(match path {
        "" => l.t("校本培训考勤与考核", "School-based training: attendance and assessment"),
        "init" => l.t(
            "新建一个空数据库,你成为教务处",
            "Create a new, empty database; you become the training office",
        ),
        "demo" => l.t(
            "生成一所带有逼真数据的演示学校",
            "Create a demo school with realistic data",
        ),
        "teacher" => l.t("教师名册", "The roster"),
        "teacher add" => l.t("添加教师:工号 姓名 教研组", "Add a teacher: ID NAME GROUP"),
        "teacher edit" => l.t(
            "修改教师的姓名、教研组、年级组或到校日期",
            "Change a teacher's name, group, grade or joining date",
        ),
        "teacher leave" => l.t(
            "教师离校(调离、退休等):最后一天",
            "A teacher leaves the school (transfer, retirement ...): their last day",
        ),
        "teacher list" => l.t("列出名册", "List the roster"),
        "term" => l.t("学期", "Terms"),
        "term add" => l.t(
            "添加学期:学期 开始 结束,例如 2025-autumn 2025-09-01 2026-01-20",
            "Add a term: TERM START END, e.g. 2025-autumn 2025-09-01 2026-01-20",
        ),
        "term list" => l.t("列出学期", "List the terms"),
        "session" => l.t("培训活动", "Training sessions"),
        "session add" => l.t(
            "添加培训活动:日期 开始 结束 标题",
            "Add a session: DATE START END TITLE",
        ),
        "session edit" => l.t(
            "修改培训活动的标题、时间、学分、人员或教研组",
            "Change a session's title, times, credits, people or groups",
        ),
        "session move" => l.t(
            "把培训活动改到另一天、另一时间:活动 日期 开始 结束",
            "Move a session to another day and time: S DATE START END",
        ),
        "session cancel" => l.t(
            "取消培训活动:对谁都不计",
            "Cancel a session: it counts for nobody",
        ),
        "session list" => l.t("列出培训活动", "List the sessions"),
        "roll" => l.t("点名", "Roll call"),
        "roll first" => l.t(
            "第一次点名应答的教师(不写教师:只开始点名);加 --reason 可在点名开放前开始(教务处)",
            "Teachers who answered the first call (none: just start it); --reason starts it before the roll opens (training office)",
        ),
        "roll second" => l.t(
            "第二次点名应答的教师(不写教师:只开始点名)",
            "Teachers who answered the second call (none: just start it)",
        ),
        "roll end-second" => l.t(
            "结束第二次点名:此后到达的算迟到",
            "End the second call: from now on arrivals are late",
        ),
        "roll arrive" => l.t("第二次点名之后的迟到", "A late arrival after the second call"),
        "roll leave" => l.t(
            "早退;加 --excused --reason 理由 即为早退(准假)",
            "An early leave; --excused --reason R excuses it",
        ),
        "roll reopen" => l.t(
            "重新打开已结束的点名,回到结束时的步骤(教务处)",
            "Reopen a closed roll at the step it had reached (training office)",
        ),
        "roll close" => l.t(
            "结束点名:仍未到又未请假的记为缺席",
            "Close the roll: whoever is still missing without leave is absent",
        ),
        "roll undo" => l.t("撤销最后一次标记", "Take back the last mark"),
        "roll status" => l.t("点名的当前情况", "The roll as it stands"),
        "roll correct" => l.t(
            "更正一位教师的考勤(教务处),须写理由",
            "Correct a teacher's facts (training office), with a reason",
        ),
        "leave" => l.t("请假", "Leave requests"),
        "leave request" => {
            // Made once from `LeaveKind::ALL`.
            static ZH: LazyLock<String> = LazyLock::new(|| {
                format!("申请请假:教师 类别({})", leave_kind_codes(Lang::Zh))
            });
            static EN: LazyLock<String> = LazyLock::new(|| {
                format!("Ask for leave: TEACHER KIND ({})", leave_kind_codes(Lang::En))
            });
            l.t(&ZH, &EN)
        }
        "leave list" => l.t(
            "列出请假申请:默认只列待审批的",
            "List requests: pending by default",
        ),
        "leave approve" => l.t("批准一份请假申请", "Approve a leave request"),
        "leave reject" => l.t(
            "驳回一份请假申请,须写意见",
            "Reject a leave request, with a comment",
        ),
        "leave withdraw" => l.t("撤回一份请假申请", "Withdraw a leave request"),
        "leave evidence" => l.t("登记收到的证明材料", "Record evidence received"),
        "lookup" => l.t(
            "按工号、姓名、拼音或首字母查找教师,并显示其考核情况",
            "Find teachers by id, name, pinyin or initials, with their standing",
        ),
        "standings" => l.t(
            "全体教师某学期或某学年的考核情况",
            "Every teacher's standing for a term or an academic year",
        ),
        "record" => l.t(
            "一位教师的记录:每次活动、请假和学分",
            "One teacher's record: every session, leave and credits",
        ),
        "history" => l.t(
            "改了什么、谁改的、何时改的、为什么改",
            "What changed, who, when and why",
        ),
        "account" => l.t("账号及其角色", "Accounts and their roles"),
        "account set" => l.t(
            "给系统账号分配角色(逗号分隔:office, leader, school, group_leader, assessment, teacher)",
            "Give an OS account roles (comma-separated: office, leader, school, group_leader, assessment, teacher)",
        ),
        "account list" => l.t("列出账号", "List the accounts"),
        "policy" => l.t(
            "学校的考核制度:show 以 TOML 显示,set 文件 载入新的,rejudge 按现行制度重评过去",
            "The school's policy: show prints it as TOML, set FILE loads one, rejudge re-judges the past under it",
        ),
        "policy show" => l.t("以 TOML 显示现行制度", "Print the policy as TOML"),
        "policy set" => l.t(
            "从 TOML 文件载入制度,自此刻起生效(已结束的点名与已公布的学期仍按当时的制度)",
            "Load the policy from a TOML file, in force from now on (closed rolls and posted terms keep the policy of their day)",
        ),
        "policy rejudge" => l.t(
            "按现行制度重评自某日起结束的点名与公布的学期(须写明理由,记入历史,公布处标为有更改)",
            "Re-judge the rolls closed and terms posted from a day on under today's policy (with a reason, in the history, flagged in the posting)",
        ),
        "whoami" => l.t(
            "显示你在这个数据库中的身份",
            "Show who you are in this database",
        ),
        "import" => l.t(
            "从 .xlsx 或 .csv 导入名册或学期计划",
            "Import the roster or a term's plan from .xlsx or .csv",
        ),
        "import teachers" => l.t(
            "从 .xlsx/.xls/.ods 或 .csv 导入教师,按工号对应;文件写 - 即读标准输入",
            "Teachers from .xlsx/.xls/.ods or .csv, matched by id; - reads standard input",
        ),
        "import plan" => l.t(
            "从 .xlsx 或 .csv 导入一个学期的活动计划;文件写 - 即读标准输入",
            "A term's plan of sessions from .xlsx or .csv; - reads standard input",
        ),
        "export" => l.t(
            "把考核情况、教师记录或名册导出为 .xlsx 或 .csv;活动的签到表和活动记录导出为 .xlsx",
            "Export standings, a teacher's record or the roster as .xlsx or .csv; a session's sign-in sheet and record as .xlsx",
        ),
        "export standings" => l.t(
            "某学期或某学年的考核情况",
            "The standings of a term or an academic year",
        ),
        "export record" => l.t("一位教师的记录", "One teacher's record"),
        "export signin" => l.t(
            "一次活动的签到表(.xlsx),活动前打印",
            "A session's sign-in sheet (.xlsx), to print before it",
        ),
        "export session" => l.t(
            "一次活动的活动记录(.xlsx),结束点名后存档",
            "A session's record for the archive (.xlsx), once its roll is closed",
        ),
        "export teachers" => l.t(
            "名册,格式与 import teachers 读取的相同",
            "The roster, in the form import teachers reads",
        ),
        "publish" => l.t(
            "公布某学期的考核情况;--list 列出以往的公布",
            "Publish a term's standings; --list shows past publications",
        ),
        "school" => l.t(
            "导出文件标题所用的校名:显示或设置",
            "The school's name for exported titles: show it, or set it",
        ),
        "credit" => l.t(
            "校外培训学分(学分卡)及其审核",
            "Credits from training outside the school and their review",
        ),
        "credit add" => l.t(
            "按学分卡登记一次校外培训",
            "Register training outside the school from the credit card",
        ),
        "credit edit" => l.t(
            "更正已登记或被退回的条目(本人或教务处)",
            "Correct a registered or sent-back entry (the teacher, or the office)",
        ),
        "credit list" => l.t(
            "列出条目:你可以看到的全部,或等你审核的",
            "List entries: all you may see, or those waiting for your review",
        ),
        "credit submit" => l.t(
            "学分自评:提交教研组",
            "The teacher's self-assessment: send to the teaching group",
        ),
        "credit pass" => l.t(
            "通过条目:先由教研组长通过,再由考核小组确认",
            "Pass an entry: the group leader, then the assessment team confirms",
        ),
        "credit return" => l.t(
            "把条目退回教师,须写意见",
            "Send an entry back to the teacher, with a comment",
        ),
        "credit reject" => l.t(
            "最终驳回条目,须写意见(审核人)",
            "Refuse an entry for good, with a comment (a reviewer)",
        ),
        "credit withdraw" => l.t(
            "审核前撤回自己的条目(本人或教务处)",
            "Take back your entry before it is reviewed (the teacher, or the office)",
        ),
        "credit revoke" => l.t(
            "撤销一次确认(考核小组),须写理由",
            "Undo a confirmation (assessment team), with a reason",
        ),
        "credit remove" => l.t(
            "删除登记错误的条目(教务处),须写理由",
            "Remove a mistaken entry (office), with a reason",
        ),
        "credit report" => l.t(
            "已收到校外学习后的书面汇报(教务处)",
            "The written report after outside study was received (office)",
        ),
        "makeup" => l.t("公假待补的培训内容", "Official-leave content to make up"),
        "makeup list" => l.t(
            "因公假需自行补学的活动",
            "Official-leave sessions whose content is to be made up",
        ),
        "makeup done" => l.t(
            "标记某次活动的内容已补(教务处)",
            "Mark a session's content made up (office)",
        ),
        "makeup undo" => l.t("撤回补学标记(教务处)", "Take a make-up mark back (office)"),
        "notes" => l.t("学习笔记:每学期的字数", "Study notes: characters per term"),
        "notes set" => l.t(
            "某学期计入的学习笔记字数:教师 [学期] 字数(不写学期:本学期,或假期中刚结束的学期)",
            "Characters of study notes counted for a term: TEACHER [TERM] CHARS (without TERM: this term, or the one just ended between terms)",
        ),
        "archive" => l.t("教师培训档案和公开课", "The teacher's training archive and open lessons"),
        "archive set" => l.t(
            "修改教师某学年的档案(教务处)",
            "Change a teacher's archive for a year (office)",
        ),
        "archive show" => l.t(
            "教师的一个学年:学分、笔记、档案、公开课、补学、师徒",
            "A teacher's year: credits, notes, archive, lessons, make-ups, mentors",
        ),
        "mentor" => l.t("师徒结对(青蓝工程)", "Mentor pairs"),
        "mentor add" => l.t(
            "为某学年结对师傅与徒弟",
            "Pair a mentor with a mentee for a year",
        ),
        "mentor remove" => l.t("解除一对师徒", "Undo a mentor pair"),
        "mentor list" => l.t("列出师徒结对", "List the mentor pairs"),
        "funds" => l.t("学校培训经费", "The school's training funds"),
        "funds set" => l.t(
            "某学年学校的公用经费和培训支出(元)",
            "The school's public funds and training spending for a year, in yuan",
        ),
        "funds show" => l.t("显示某学年的培训经费", "Show a year's training funds"),
        "qualification" => l.t("教师学历", "A teacher's degree"),
        "qualification set" => l.t(
            "教师的学历(bachelor 本科、master 硕士等)和专业",
            "A teacher's degree (bachelor, master, ...) and major",
        ),
        "assess" => l.t(
            "学年考核:close 学年 结束考核(教务处)",
            "The year's assessment: close YEAR ends it (office)",
        ),
        "assess close" => l.t(
            "结束某学年的考核(教务处):此后的改动须由教务处写明理由,并标记该教师",
            "Close a year's assessment (office): later changes need the office and a reason, and flag the teacher",
        ),
        "check" => l.t(
            "校验数据库文件:每一页、每条记录;从不写入",
            "Verify the database file: every page and record; never writes to it",
        ),
        "backup" => l.t(
            "把数据库某一时刻的内容复制到新文件(他人可继续工作)",
            "Copy the database, as of one moment, to a new file (others may keep working)",
        ),
        "key" => l.t(
            "服务账号的 SSH 密钥(教务处)",
            "The SSH keys of the service account (training office)",
        ),
        "key add" => l.t(
            "允许该账号用这把公钥通过 SSH 登录(.pub 文件的一行)",
            "Let ACCOUNT in through SSH with this public key (one line of a .pub file)",
        ),
        "key list" => l.t(
            "保存的密钥及其账号和指纹",
            "The keys peixun keeps, with their accounts and fingerprints",
        ),
        "key remove" => l.t(
            "删除该账号的全部密钥,或指纹为此 SHA256 的那把",
            "Remove every key of ACCOUNT, or the key with this SHA256 fingerprint",
        ),
        "gate" => l.t(
            "sshd 为一把密钥运行的命令:终端界面,或以该账号执行 SSH_ORIGINAL_COMMAND",
            "What sshd runs for a key: the terminal app or SSH_ORIGINAL_COMMAND as ACCOUNT",
        ),
        _ => return None,
    })
}

/// The first word of a command path: `leave` of `leave request`.
fn group(path: &str) -> &str {
    path.split(' ').next().unwrap_or("")
}

fn arg(l: Lang, path: &str, id: &str) -> Option<&'static str> {
    // The arguments whose meaning depends on the command come first; the
    // ones that mean the same everywhere follow.
    Some(match (path, id) {
        ("", "db") => l.t(
            "数据库文件(默认:系统的数据目录;也可用环境变量 PEIXUN_DB)",
            "Database file (default: the platform data directory; or PEIXUN_DB)",
        ),
        ("", "lang") => l.t(
            "语言:zh(默认)或 en;不写则看 LANG",
            "Language: zh (default) or en; otherwise taken from LANG",
        ),
        ("", "as_name") => l.t(
            "以另一个账号的身份操作(仅限 root)",
            "Act as another account (root only)",
        ),
        ("demo", "teachers") => l.t("教师人数(默认 60)", "How many teachers (default 60)"),
        ("demo", "years") => l.t("学年数(默认 1)", "How many academic years (default 1)"),
        ("demo", "seed") => l.t(
            "随机种子:同一种子生成同一所学校(默认 2026)",
            "Random seed: the same seed gives the same school (default 2026)",
        ),
        ("teacher add", "id") => l.t("工号", "Teacher id"),
        ("teacher add", "name") => l.t("姓名", "Name"),
        ("teacher add", "group") => l.t("教研组", "Teaching group"),
        ("teacher add", "grade") => l.t("年级组", "Grade group"),
        ("teacher edit", "id") => l.t("要修改的教师的工号", "Id of the teacher to change"),
        ("teacher edit", "name") => l.t("新的姓名", "New name"),
        ("teacher edit", "group") => l.t("新的教研组", "New teaching group"),
        ("teacher edit", "grade") => l.t("新的年级组", "New grade group"),
        ("teacher add", "from") => l.t(
            "到校的第一天(YYYY-MM-DD)",
            "First day at the school (YYYY-MM-DD)",
        ),
        ("teacher edit", "from") => l.t(
            "到校的第一天(YYYY-MM-DD);与 --group/--grade 同用时为新组生效之日(默认今天,此前的活动仍按原组)",
            "First day at the school (YYYY-MM-DD); with --group/--grade, the day the new group takes effect (default today; earlier sessions keep the old group)",
        ),
        ("teacher edit", "to") => l.t(
            "在校的最后一天(YYYY-MM-DD);none 撤销已记录的离校",
            "Last day at the school (YYYY-MM-DD); none withdraws a recorded departure",
        ),
        ("teacher add", "to") => l.t(
            "在校的最后一天(YYYY-MM-DD)",
            "Last day at the school (YYYY-MM-DD)",
        ),
        ("teacher leave", "id") => l.t("离校教师的工号", "Id of the teacher who leaves"),
        ("teacher leave", "on") => l.t(
            "在校的最后一天(YYYY-MM-DD)",
            "Last day at the school (YYYY-MM-DD)",
        ),
        ("teacher leave", "reason") => l.t(
            "离校原因(调离、退休等)",
            "Why the teacher leaves (transfer, retirement ...)",
        ),
        ("term add", "term") => l.t("学期,例如 2025-autumn", "The term, e.g. 2025-autumn"),
        ("term add", "start") => l.t(
            "学期的第一天(YYYY-MM-DD)",
            "First day of the term (YYYY-MM-DD)",
        ),
        ("term add", "end") => l.t(
            "学期的最后一天(YYYY-MM-DD)",
            "Last day of the term (YYYY-MM-DD)",
        ),
        ("session add", "date") => l.t("日期(YYYY-MM-DD)", "Day (YYYY-MM-DD)"),
        ("session add", "start") => l.t("开始时间(HH:MM)", "Start time (HH:MM)"),
        ("session add", "end") => l.t("结束时间(HH:MM)", "End time (HH:MM)"),
        ("session add", "title") => l.t("标题", "Title"),
        ("session add", "kind") => l.t(
            "类别:weekly 例会 | training 培训 | outside 校外 | remote 远程(默认 training)",
            "Kind: weekly | training | outside | remote (default training)",
        ),
        ("session add", "credits") => l.t("学分(默认 1)", "Credits (default 1)"),
        ("session add", "groups") => l.t(
            "只要求这些教研组参加(逗号分隔)",
            "Only these teaching groups must attend (comma-separated)",
        ),
        ("session edit", "title") => l.t("新的标题", "New title"),
        ("session edit", "start") => l.t("新的开始时间(HH:MM)", "New start time (HH:MM)"),
        ("session edit", "end") => l.t("新的结束时间(HH:MM)", "New end time (HH:MM)"),
        ("session edit", "credits") => l.t("新的学分", "New credits"),
        ("session edit", "groups") => l.t(
            "参加的教研组(逗号分隔);all 表示全体",
            "Teaching groups (comma-separated); all for everyone",
        ),
        ("session move", "date") => l.t("新的日期(YYYY-MM-DD)", "New day (YYYY-MM-DD)"),
        ("session move", "start") => l.t("新的开始时间(HH:MM)", "New start time (HH:MM)"),
        ("session move", "end") => l.t("新的结束时间(HH:MM)", "New end time (HH:MM)"),
        ("session move", "reason") => l.t("改期的理由", "Why the session moves"),
        ("session cancel", "reason") => l.t("取消的理由", "Why the session is cancelled"),
        ("roll first", "teachers") => l.t(
            "第一次点名应答的教师(工号或姓名,可写多个)",
            "Teachers who answered (ids or names, any number)",
        ),
        ("roll second", "teachers") => l.t(
            "第二次点名应答的教师(工号或姓名,可写多个)",
            "Teachers who answered (ids or names, any number)",
        ),
        ("roll first", "reason") => l.t(
            "点名开放前就开始的理由(教务处),或更改已公布学期的理由",
            "Why the call starts before the roll opens (training office), or changes a posted term",
        ),
        ("roll arrive", "at") => l.t(
            "到达时间 HH:MM(默认:现在)",
            "Time of arrival, HH:MM (default: now)",
        ),
        ("roll leave", "at") => l.t(
            "离开时间 HH:MM(默认:现在)",
            "Time of leaving, HH:MM (default: now)",
        ),
        ("roll leave", "excused") => l.t("准假早退", "The early leave is excused"),
        ("roll leave", "reason") => l.t(
            "准假的理由(与 --excused 一起用),或更改已公布学期的理由",
            "Why it is excused (with --excused), or why a posted term changes",
        ),
        ("roll reopen", "reason") => l.t("重新打开的理由", "Why the roll is reopened"),
        ("roll correct", "reason") => l.t("更正的理由", "Why the facts are corrected"),
        ("roll correct", "first") => l.t(
            "第一次点名时在场(只改这一项,其余照原记录)",
            "Present at the first call (only this fact changes; the others stay as recorded)",
        ),
        ("roll correct", "no_first") => l.t(
            "第一次点名时不在场",
            "Not present at the first call",
        ),
        ("roll correct", "second") => l.t(
            "第二次点名时在场",
            "Present at the second call",
        ),
        ("roll correct", "no_second") => l.t(
            "第二次点名时不在场",
            "Not present at the second call",
        ),
        ("roll correct", "arrived") => l.t("到达时间(HH:MM)", "Time of arrival (HH:MM)"),
        ("roll correct", "no_arrived") => l.t("删去到达时间", "Take the arrival away"),
        ("roll correct", "left") => l.t(
            "离开时间(HH:MM);原有的准假保留",
            "Time of leaving (HH:MM); an excuse already recorded is kept",
        ),
        ("roll correct", "no_left") => l.t(
            "删去早退(连同其准假)",
            "Take the early leave (and its excuse) away",
        ),
        ("roll correct", "excused") => l.t(
            "早退经准假(早退(准假)),理由即 --reason;不写时保留原有的准假",
            "The early leave is excused (the reason is --reason); without it an excuse already recorded is kept",
        ),
        ("roll correct", "no_excused") => l.t("取消早退的准假", "The early leave is not excused"),
        ("roll correct", "remark") => l.t(
            "备注;不写时保留原有的备注",
            "Remark; without it the recorded remark is kept",
        ),
        ("leave request", "teacher") => l.t(
            "请假的教师(工号或姓名)",
            "The teacher on leave (id or name)",
        ),
        ("leave request", "kind") => {
            static ZH: LazyLock<String> =
                LazyLock::new(|| format!("类别:{}", leave_kind_codes(Lang::Zh)));
            static EN: LazyLock<String> =
                LazyLock::new(|| format!("Kind: {}", leave_kind_codes(Lang::En)));
            l.t(&ZH, &EN)
        }
        ("leave request", "from") => l.t(
            "开始:日期 YYYY-MM-DD,或日期和时间 2025-09-10T08:00",
            "Start: a day YYYY-MM-DD, or a day and time 2025-09-10T08:00",
        ),
        ("leave request", "to") => l.t(
            "结束:日期,或日期和时间(默认与开始同一天)",
            "End: a day, or a day and time (default: the start's day)",
        ),
        ("leave request", "sessions") => l.t(
            "请假的活动编号(逗号分隔)",
            "Session numbers (comma-separated)",
        ),
        ("leave request", "reason") => l.t("请假事由", "Why leave is asked for"),
        ("leave request" | "leave evidence", "note") => {
            l.t("已收到请假条", "The leave note was received")
        }
        ("leave request" | "leave evidence", "certificate") => l.t(
            "已收到医院证明",
            "The hospital certificate was received",
        ),
        ("leave request", "emergency") => l.t(
            "急诊病假,可以事后补请",
            "Emergency sick leave, may be asked for after the fact",
        ),
        ("leave list", "all") => l.t("全部申请", "Every request"),
        ("leave list", "decided") => l.t("已审批的申请", "Decided requests"),
        ("leave list", "mine") => l.t("只列等你审批的", "Only those waiting for you to decide"),
        ("leave approve", "comment") => l.t("审批意见", "Comment on the decision"),
        ("leave reject", "comment") => l.t("驳回意见(必写)", "Why it is rejected (required)"),
        ("lookup", "query") => l.t(
            "工号、姓名、拼音或首字母",
            "Id, name, pinyin or initials",
        ),
        ("history", "teacher") => l.t(
            "只看这位教师(工号或姓名)",
            "Only this teacher (id or name)",
        ),
        ("history", "session") => l.t("只看这次活动(编号)", "Only this session (number)"),
        ("history", "json") => l.t(
            "按存储原样输出,供脚本使用:操作代码和 JSON 值",
            "The entries as stored, for scripts: action keys and JSON values",
        ),
        ("account set", "name") => l.t("系统账号名", "The OS account's name"),
        ("account set", "roles") => l.t(
            "角色,逗号分隔:office, leader, school, group_leader, assessment, teacher",
            "Roles, comma-separated: office, leader, school, group_leader, assessment, teacher",
        ),
        ("account set", "teacher") => l.t(
            "这个账号是哪位教师(工号)",
            "The teacher this account is (id)",
        ),
        ("policy rejudge", "from") => l.t(
            "自哪一天起(YYYY-MM-DD):这天及以后结束的点名与公布的学期按现行制度重评",
            "From which day (YYYY-MM-DD): rolls closed and terms posted on it or later are re-judged",
        ),
        ("policy rejudge", "reason") => l.t("重评的理由", "Why the past is re-judged"),
        ("policy set", "file") => l.t(
            "TOML 制度文件;写 - 即读标准输入",
            "The TOML policy file; - reads standard input",
        ),
        ("import teachers" | "import plan", "file") => l.t(
            "要导入的文件;写 - 即读标准输入",
            "The file to import; - reads standard input",
        ),
        ("import teachers" | "import plan", "encoding") => l.t(
            "CSV 的文字编码:utf8 或 gbk(默认自动识别)",
            "Text encoding of a CSV: utf8 or gbk (default: detect)",
        ),
        ("import teachers" | "import plan", "format") => l.t(
            "xlsx 或 csv(默认按内容判断)",
            "xlsx or csv (default: told from the content)",
        ),
        ("import teachers", "departed_on") => l.t(
            "名册中没有的在校教师,记为在这一天离校(YYYY-MM-DD)",
            "The teachers still at the school whom the file does not contain left on this day (YYYY-MM-DD)",
        ),
        ("import plan", "term") => l.t(
            "这些活动所属的学期,例如 2025-autumn",
            "The term the sessions belong to, e.g. 2025-autumn",
        ),
        (_, "out") if group(path) == "export" => l.t(
            "要写入的文件:.xlsx 或 .csv;写 - 即写到标准输出",
            "The file to write: .xlsx or .csv; - writes standard output",
        ),
        (_, "format") if group(path) == "export" => l.t(
            "xlsx 或 csv(默认看文件名;--out - 时必须写)",
            "xlsx or csv (default: from the file name; needed with --out -)",
        ),
        (_, "encoding") if group(path) == "export" => l.t(
            "CSV 的编码:utf8(带 BOM,默认)或 gbk",
            "Encoding of a CSV: utf8 (with BOM, default) or gbk",
        ),
        (_, "force") if group(path) == "export" => {
            l.t("文件已存在时覆盖它", "Replace the file if it exists")
        }
        ("publish", "term") => l.t(
            "要公布的学期,例如 2025-autumn(--list 时只列该学期)",
            "The term to publish, e.g. 2025-autumn (with --list: only its publications)",
        ),
        ("publish", "list") => l.t(
            "列出以往的公布(不写 --term 则列出每个学期的),而不是公布",
            "List past publications (of every term without --term) instead of publishing",
        ),
        ("school", "name") => l.t(
            "新的校名(不写则显示现在的)",
            "The new name (none: show the current one)",
        ),
        ("credit add" | "credit edit", "date") => {
            l.t("培训日期(YYYY-MM-DD)", "Day of the training (YYYY-MM-DD)")
        }
        ("credit add" | "credit edit", "title") => l.t("培训名称", "Title of the training"),
        ("credit add" | "credit edit", "credits") => l.t("学分", "Credits"),
        ("credit add" | "credit edit", "card") => l.t("学分卡编号", "The credit card's number"),
        ("credit add" | "credit edit", "organiser") => l.t("主办单位", "Who ran the training"),
        ("credit add", "year") => l.t(
            "计入的学年(默认本学年,或假期中刚结束的学年);日期须在该学年内",
            "The academic year it counts for (default: this one, or the one just ended between terms); the date must lie in it",
        ),
        ("credit list", "waiting") => l.t(
            "只列等你审核的",
            "Only those waiting for your review",
        ),
        ("credit list", "json") => l.t(
            "以 JSON 输出每个条目及其各审核环节(谁、何时、意见)和下一位审核人",
            "JSON: each entry with its stages (who, when, comment) and who is next",
        ),
        ("credit return" | "credit reject", "comment") => {
            l.t("意见(必写)", "Comment (required)")
        }
        ("credit revoke" | "credit remove", "reason") => l.t("理由(必写)", "Reason (required)"),
        ("credit report", "undo") => l.t("撤回这个标记", "Take the mark back"),
        ("makeup list", "teacher") => l.t(
            "只看这位教师(工号或姓名)",
            "Only this teacher (id or name)",
        ),
        ("makeup list", "open") => l.t("只列尚未补学的", "Only those not made up yet"),
        ("makeup done", "note") => l.t("补学说明", "How it was made up"),
        ("notes set", "term") => l.t(
            "学期(2025-autumn);不写学期时这里写字数",
            "The term (2025-autumn), or the characters when no term is given",
        ),
        ("notes set", "chars") => l.t("笔记字数", "Characters of notes"),
        ("archive set", "has") => l.t(
            "已交的材料(逗号分隔:plan, notes, reflections, summary)",
            "Items handed in (comma-separated: plan, notes, reflections, summary)",
        ),
        ("archive set", "lacks") => l.t(
            "最终缺交的材料(逗号分隔)",
            "Items missing after all (comma-separated)",
        ),
        ("archive set", "open_lessons") => l.t(
            "本学年上过的公开课节数",
            "Open lessons given this year",
        ),
        ("archive set", "multimedia_autumn") => l.t(
            "秋季学期的多媒体公开课节数",
            "Multimedia open lessons in the autumn term",
        ),
        ("archive set", "multimedia_spring") => l.t(
            "春季学期的多媒体公开课节数",
            "Multimedia open lessons in the spring term",
        ),
        (_, "mentor") => l.t("师傅(工号或姓名)", "The mentor (id or name)"),
        (_, "mentee") => l.t("徒弟(工号或姓名)", "The mentee (id or name)"),
        ("mentor add", "note") => l.t("备注", "A note"),
        ("funds set", "public") => l.t("学校公用经费(元)", "The school's public funds, in yuan"),
        ("funds set", "training") => l.t("培训支出(元)", "Training spending, in yuan"),
        ("qualification set", "degree") => l.t(
            "学历:bachelor 本科、master 硕士等",
            "Degree: bachelor, master, ...",
        ),
        ("qualification set", "major") => l.t("所学专业", "Major"),
        ("qualification set", "mismatch") => l.t(
            "所学专业与任教学科不符",
            "The major does not match the subject taught",
        ),
        ("assess close", "year") => l.t(
            "要结束的学年,例如 2025-2026 或 2025",
            "The academic year to close, e.g. 2025-2026 or 2025",
        ),
        ("backup", "path") => l.t("新文件的路径", "Path of the new file"),
        ("backup", "accept_recovered") => l.t(
            "文件已损坏时,备份修复后恢复的内容(其后的更改已丢失);不加则拒绝备份",
            "Back up what redb's repair recovers from a damaged file (the changes after it are lost); refused without",
        ),
        ("key add", "account") => l.t("用这把密钥登录的账号", "The account the key lets in"),
        ("key add", "key") => l.t(
            "公钥(.pub 文件的一行)",
            "The public key (one line of a .pub file)",
        ),
        ("key remove", "what") => l.t(
            "账号名,或 SHA256 指纹",
            "An account name, or a SHA256 fingerprint",
        ),
        ("gate", "account") => l.t("以这个账号运行", "The account to run as"),
        // The same meaning wherever they appear.
        (_, "id") if group(path) == "leave" => l.t("请假申请的编号", "The leave request's number"),
        (_, "id") if group(path) == "credit" => l.t("学分条目的编号", "The credit entry's number"),
        (_, "session") => l.t("活动编号", "The session's number"),
        (_, "teacher") => l.t("教师(工号或姓名)", "The teacher (id or name)"),
        (_, "presenter") => l.t("主讲人", "Presenter"),
        (_, "host") => l.t("主持人", "Host"),
        (_, "recorder") => l.t("记录人", "Recorder"),
        (_, "comment") => l.t("意见", "Comment"),
        (_, "json") => l.t("以 JSON 输出,供脚本使用", "Output JSON, for scripts"),
        (_, "term") => l.t("学期,例如 2025-autumn", "A term, e.g. 2025-autumn"),
        (_, "year") => l.t(
            "学年,例如 2025-2026 或 2025(默认本学年)",
            "An academic year, e.g. 2025-2026 or 2025 (default: this one)",
        ),
        (_, "reason") => l.t(
            "理由,记入历史(改动已结束考核的学年或已公布的学期时必写)",
            "Why, kept in the history (needed to change a closed year or a posted term)",
        ),
        _ => return None,
    })
}

/// Words clap itself prints around the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpWord {
    /// The heading before the usage line.
    Usage,
    /// The heading of the subcommands.
    Commands,
    /// The heading of the positional arguments.
    Arguments,
    /// The heading of the options.
    Options,
    /// The placeholder for a subcommand in a usage line.
    CommandName,
    /// The placeholder for the options in a usage line.
    OptionsPlaceholder,
    /// `-h, --help`.
    PrintHelp,
    /// `-V, --version`.
    PrintVersion,
    /// The `help` subcommand.
    HelpCommand,
    /// The `help` subcommand's argument.
    HelpCommandArg,
}

pub fn help_word(l: Lang, w: HelpWord) -> &'static str {
    match w {
        HelpWord::Usage => l.t("用法", "Usage"),
        HelpWord::Commands => l.t("命令", "Commands"),
        HelpWord::Arguments => l.t("参数", "Arguments"),
        HelpWord::Options => l.t("选项", "Options"),
        HelpWord::CommandName => l.t("命令", "COMMAND"),
        HelpWord::OptionsPlaceholder => l.t("[选项]", "[OPTIONS]"),
        HelpWord::PrintHelp => l.t("显示帮助", "Print help"),
        HelpWord::PrintVersion => l.t("显示版本", "Print version"),
        HelpWord::HelpCommand => l.t(
            "显示本帮助,或所给子命令的帮助",
            "Print this message or the help of the given subcommand(s)",
        ),
        HelpWord::HelpCommandArg => l.t("要看帮助的子命令", "The subcommand(s) to explain"),
    }
}

/// Why a command line was not understood (clap's error kinds). Values are
/// what the user typed, shown as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// An argument no command takes, or one too many; maybe a similar one.
    Unexpected { arg: String, like: Option<String> },
    /// A subcommand that does not exist; maybe a similar one.
    NoSuchCommand { name: String, like: Option<String> },
    /// A command that needs a subcommand got none.
    NoCommand,
    /// Required arguments are missing.
    Missing { args: String },
    /// A value an argument does not take; the values it takes, if listed.
    BadValue {
        arg: String,
        value: String,
        valid: Option<String>,
    },
    /// An option that needs a value got none.
    NoValue { arg: String },
    /// Two arguments that cannot go together.
    Conflict { arg: String, with: String },
    /// The same option given twice.
    Twice { arg: String },
    /// An argument that is not valid UTF-8.
    NotUtf8,
    /// Anything else clap refuses.
    Other,
}

/// The one line for a refused command line, and where to read more.
pub fn parse_error(l: Lang, e: &ParseError, help: &str) -> String {
    let like = |s: &Option<String>| match s {
        Some(s) => format!("{}", Like(l, s)),
        None => String::new(),
    };
    let what = match e {
        ParseError::Unexpected { arg, like: s } => match l {
            Lang::Zh => format!("多余或不认识的参数“{arg}”{}", like(s)),
            Lang::En => format!("unexpected argument '{arg}'{}", like(s)),
        },
        ParseError::NoSuchCommand { name, like: s } => match l {
            Lang::Zh => format!("没有“{name}”这个命令{}", like(s)),
            Lang::En => format!("no command '{name}'{}", like(s)),
        },
        ParseError::NoCommand => l.t("缺少子命令", "a subcommand is needed").to_string(),
        ParseError::Missing { args } => match l {
            Lang::Zh => format!("缺少必需的参数:{args}"),
            Lang::En => format!("required arguments missing: {args}"),
        },
        ParseError::BadValue { arg, value, valid } => match (l, valid) {
            (Lang::Zh, None) => format!("{arg} 的值“{value}”无效"),
            (Lang::Zh, Some(v)) => format!("{arg} 的值“{value}”无效(可用:{v})"),
            (Lang::En, None) => format!("invalid value '{value}' for {arg}"),
            (Lang::En, Some(v)) => format!("invalid value '{value}' for {arg} (possible: {v})"),
        },
        ParseError::NoValue { arg } => match l {
            Lang::Zh => format!("{arg} 后面要写一个值"),
            Lang::En => format!("{arg} needs a value"),
        },
        ParseError::Conflict { arg, with } => match l {
            Lang::Zh => format!("{arg} 不能和 {with} 一起用"),
            Lang::En => format!("{arg} cannot be used with {with}"),
        },
        ParseError::Twice { arg } => match l {
            Lang::Zh => format!("{arg} 只能写一次"),
            Lang::En => format!("{arg} may be given only once"),
        },
        ParseError::NotUtf8 => l
            .t(
                "参数不是有效的 UTF-8 文字",
                "an argument is not valid UTF-8",
            )
            .to_string(),
        ParseError::Other => l
            .t("无法理解这条命令", "the command line cannot be read")
            .to_string(),
    };
    match l {
        Lang::Zh => format!("{what};用法见 {help} --help"),
        Lang::En => format!("{what}; see {help} --help"),
    }
}

/// ", did you mean 'X'?" after an unknown argument or command.
struct Like<'a>(Lang, &'a str);

impl std::fmt::Display for Like<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Lang::Zh => write!(f, "(是不是“{}”?)", self.1),
            Lang::En => write!(f, " (did you mean '{}'?)", self.1),
        }
    }
}
