//! One clear line for each error a command returns.

use super::*;

/// One clear line for an error, in the user's language.
pub fn error(l: Lang, e: &AppError) -> String {
    use AppError::*;
    match (l, e) {
        (_, Store(s)) => store_error(l, s),
        (_, Import(x)) => import_error(l, x),
        (_, Calendar(x)) => calendar_error(l, x),
        (
            _,
            Bound {
                field,
                value,
                bound,
            },
        ) => bound_error(l, *field, value, bound),
        (Lang::Zh, NoAccount(n)) => format!("账号 {n} 无权使用此数据库,请联系教务处添加"),
        (Lang::Zh, Forbidden { action, needs }) => {
            format!("无权执行 {action}:需要{}身份,未做任何更改", roles(l, needs))
        }
        (Lang::En, Forbidden { action, needs }) => format!(
            "not allowed: `{action}` needs the role {}; nothing was changed",
            roles(l, needs)
        ),
        (Lang::Zh, NotRoot) => "只有 root 可以用 --as 代替其他账号操作".into(),
        (Lang::Zh, UnknownTeacher(t)) => format!("没有工号或姓名为 {t} 的教师"),
        (Lang::Zh, Ambiguous(list)) => {
            format!("{}:{}", text(l, Label::Ambiguous), list.join(","))
        }
        (Lang::Zh, UnknownSession(s)) => format!("没有编号为 {s} 的培训活动"),
        (Lang::Zh, UnknownTerm(t)) => format!("没有学期 {t}"),
        (Lang::Zh, UnknownLeave(i)) => format!("没有编号为 {i} 的请假申请"),
        (Lang::Zh, Exists(x)) => format!("{x} 已存在,未做任何更改"),
        (Lang::Zh, Invalid { field, value, why }) => {
            format!("{field}:“{value}” 无效({}),未做任何更改", why_zh(why))
        }
        (
            Lang::Zh,
            RollOrder {
                session,
                state,
                step,
            },
        ) => format!(
            "活动 {session} 当前为“{}”,不能{}",
            roll_state(l, *state),
            step_zh(step)
        ),
        (
            Lang::En,
            RollOrder {
                session,
                state,
                step,
            },
        ) => format!(
            "session {session} is at \"{}\": cannot {step}",
            roll_state(l, *state)
        ),
        (Lang::Zh, NotExpected { teacher, session }) => {
            format!("{teacher} 不需参加活动 {session}")
        }
        (Lang::Zh, AlreadyMarked { teacher, session }) => {
            format!("{teacher} 在活动 {session} 已有记录")
        }
        (Lang::Zh, NotPresent { teacher, session }) => {
            format!("{teacher} 在活动 {session} 尚未签到,不能记早退")
        }
        (Lang::Zh, NothingToUndo(s)) => format!("活动 {s} 没有可撤销的记录"),
        (Lang::Zh, LeaveState { id, status, action }) => format!(
            "请假 {id} 已是“{}”,不能{}",
            leave_status(l, *status),
            step_zh(action)
        ),
        (Lang::En, LeaveState { id, status, action }) => format!(
            "leave {id} is {}: cannot {action}",
            leave_status(l, *status)
        ),
        (Lang::Zh, MissingEvidence { id, what }) => {
            format!("请假 {id} 缺少{},不能批准", evidence_zh(what))
        }
        (Lang::Zh, OwnLeave { id, action }) => format!(
            "请假 {id} 是你本人的请假:任何人都不能{}自己的请假,未做任何更改",
            step_zh(action)
        ),
        (Lang::Zh, AfterTheFact) => "只有急诊病假可以事后补请;事假和病假须在活动开始前申请".into(),
        (_, e @ (UnknownCredit(_) | CreditState { .. })) => assessment_error(l, e),
        (_, Assess(x)) => assess_error(l, x),
        (Lang::En, other) => other.to_string(),
    }
}

fn step_zh(step: &str) -> &'static str {
    match step {
        "answer the first call" => "进行第一次点名",
        "answer the second call" => "进行第二次点名",
        "end the second call" => "结束第二次点名",
        "record a late arrival" => "记迟到(须在第二次点名之后)",
        "record an early leave" => "记早退(点名尚未开始或已结束)",
        "close the roll" => "结束点名(须先完成第二次点名)",
        "undo a mark" => "撤销",
        "approve" => "批准",
        "reject" => "驳回",
        "withdraw" => "撤回",
        _ => "执行此操作",
    }
}

fn evidence_zh(what: &str) -> &'static str {
    match what {
        "leave note" => "请假条",
        _ => "医院证明",
    }
}

pub fn store_error(l: Lang, e: &StoreError) -> String {
    use StoreError::*;
    if let Some(m) = disk_error(l, e).or_else(|| store_text(l, e)) {
        return m;
    }
    match (l, e) {
        (Lang::Zh, Missing(p)) => format!(
            "{} 处没有数据库;请先运行 peixun init 或 peixun demo,或用 --db 指定",
            p.display()
        ),
        (Lang::Zh, Exists(p)) => format!("{} 已存在,不会覆盖", p.display()),
        (Lang::Zh, NotRedb(p)) => format!("{} 不是 peixun 数据库,文件未被改动", p.display()),
        (Lang::Zh, NotPeixun(p)) => {
            format!(
                "{} 是 redb 数据库但不是 peixun 的,文件未被改动",
                p.display()
            )
        }
        (Lang::Zh, Newer { path, found, known }) => format!(
            "{} 由更新版本的 peixun 写入(结构版本 {found},本程序最高支持 {known});请升级 peixun。文件未被改动",
            path.display()
        ),
        (Lang::Zh, Open { path, message }) => format!("无法打开 {}:{message}", path.display()),
        (Lang::Zh, Damaged { path, why }) => format!(
            "{} 已损坏({why}),文件未被改动;请运行 peixun check 查看详情,并恢复最近的备份",
            path.display()
        ),
        (Lang::Zh, Decode(d)) => {
            format!("数据表 {} 中键 {} 的记录已损坏:{}", d.table, d.key, d.why)
        }
        (Lang::Zh, Db(m)) => format!("数据库错误:{m}"),
        (Lang::Zh, Busy { .. } | Replaced(_)) | (Lang::En, _) => e.to_string(),
    }
}

pub(super) fn assessment_error(l: Lang, e: &AppError) -> String {
    match (l, e) {
        (Lang::En, AppError::CreditState { id, stage, action }) => format!(
            "credit entry {id} is {}: cannot {action}",
            credit_stage(l, *stage)
        ),
        (Lang::Zh, AppError::UnknownCredit(id)) => format!("没有编号为 {id} 的学分登记"),
        (Lang::Zh, AppError::CreditState { id, stage, action }) => format!(
            "学分登记 {id} 当前为“{}”,不能{}",
            credit_stage(Lang::Zh, *stage),
            match *action {
                "self-assess" => "自评",
                "pass" => "通过",
                "send back" => "退回",
                "edit" => "修改",
                _ => "执行此操作",
            }
        ),
        (_, other) => other.to_string(),
    }
}

/// The Chinese of an `AppError::Invalid` explanation the app layer gives in
/// English; one not listed here is shown as it is.
fn why_zh(why: &str) -> &str {
    match why {
        "is empty" => "为空",
        "is empty: give the credit card's number" => "为空:请填学分卡编号",
        "must be more than 0" => "须大于0",
        "is required when sending back" => "退回时必须填写理由",
        "is required when rejecting" => "驳回时必须填写理由",
        "has no make-up marked" => "尚未记为已补",
        "was not missed on approved official leave" => "该教师此次活动不是已批准的公假,无需后补",
        "is the mentor" => "与师傅是同一人",
        "does not exist" => "不存在",
        "is more than the public funds" => "超过了公用经费",
        other => other,
    }
}
