//! One clear line for each error a command returns.

use super::*;
use crate::{AppError, FieldName, LeaveAction, OwnAction, RollStep, Why};
use store::StoreError;

/// One clear line for an error, in the user's language, the system's own
/// English words included (`system_words`).
pub fn error(l: Lang, e: &AppError) -> String {
    system_words(l, &error_words(l, e))
}

/// One clear line for an error. Each arm holds both languages; the values
/// a person typed pass through `shown`.
fn error_words(l: Lang, e: &AppError) -> String {
    use AppError::*;
    match e {
        Store(s) => store_error(l, s),
        Import(x) => import_error(l, x),
        Calendar(x) => calendar_error(l, x),
        Assess(x) => assess_error(l, x),
        Bound {
            field,
            value,
            bound,
        } => bound_error(l, *field, value, bound),
        NoAccount(n) => match l {
            Lang::Zh => format!("账号 {} 无权使用此数据库,请联系教务处添加", shown(n)),
            Lang::En => format!("account `{}` has no access to this database", shown(n)),
        },
        Forbidden { action, needs } => match l {
            Lang::Zh => format!("无权执行 {action}:需要{}身份,未做任何更改", roles(l, needs)),
            Lang::En => format!(
                "not allowed: `{action}` needs the role {}; nothing was changed",
                roles(l, needs)
            ),
        },
        NotRoot => l
            .t(
                "只有 root 可以用 --as 代替其他账号操作",
                "only root may act as another account",
            )
            .into(),
        UnknownTeacher(t) if t.trim().is_empty() => l
            .t(
                "未给出工号或姓名,未做任何更改",
                "no teacher id or name given; nothing was changed",
            )
            .into(),
        UnknownTeacher(t) => match l {
            Lang::Zh => format!("没有工号或姓名为 {} 的教师", shown(t)),
            Lang::En => format!("no teacher `{}`", shown(t)),
        },
        Ambiguous(list) => {
            let list: Vec<_> = list.iter().map(|x| shown(x)).collect();
            format!(
                "{}{}{}",
                text(l, Label::Ambiguous),
                l.t(":", ": "),
                list.join(l.t(",", ", "))
            )
        }
        UnknownSession(s) => match l {
            Lang::Zh => format!("没有编号为 {s} 的培训活动"),
            Lang::En => format!("no session {s}"),
        },
        UnknownTerm(t) => match l {
            Lang::Zh => format!("没有学期 {}", shown(t)),
            Lang::En => format!("no term `{}`", shown(t)),
        },
        UnknownLeave(i) => match l {
            Lang::Zh => format!("没有编号为 {i} 的请假申请"),
            Lang::En => format!("no leave request {i}"),
        },
        UnknownCredit(id) => match l {
            Lang::Zh => format!("没有编号为 {id} 的学分登记"),
            Lang::En => format!("no credit entry {id}"),
        },
        Exists(x) => match l {
            Lang::Zh => format!("{} 已存在,未做任何更改", shown(x)),
            Lang::En => format!("`{}` already exists; nothing was changed", shown(x)),
        },
        Invalid { field, value, why } => invalid(l, *field, value, *why),
        RollOrder {
            session,
            state,
            step,
        } => match l {
            Lang::Zh => format!(
                "活动 {session} 当前为“{}”,不能{}",
                roll_state(l, *state),
                roll_step(l, *step)
            ),
            Lang::En => format!(
                "session {session} is at \"{}\": cannot {}",
                roll_state(l, *state),
                roll_step(l, *step)
            ),
        },
        UnknownGroup { group, known, near } => {
            let what = unknown_group(l, group, near.as_deref(), known);
            match l {
                Lang::Zh => format!("{what};未做任何更改"),
                Lang::En => format!("{what}; nothing was changed"),
            }
        }
        NotExpected { teacher, session } => match l {
            Lang::Zh => format!("{} 不需参加活动 {session}", shown(&teacher.0)),
            Lang::En => format!("{} is not expected at session {session}", shown(&teacher.0)),
        },
        AlreadyMarked { teacher, session } => match l {
            Lang::Zh => format!("{} 在活动 {session} 已有记录", shown(&teacher.0)),
            Lang::En => format!(
                "{} is already marked at session {session}",
                shown(&teacher.0)
            ),
        },
        NotPresent { teacher, session } => match l {
            Lang::Zh => format!("{} 在活动 {session} 尚未签到,不能记早退", shown(&teacher.0)),
            Lang::En => format!(
                "{} has not been marked present at session {session}",
                shown(&teacher.0)
            ),
        },
        NothingToUndo(s) => match l {
            Lang::Zh => format!("活动 {s} 没有可撤销的记录"),
            Lang::En => format!("nothing to undo at session {s}"),
        },
        NotYourClose { session, closed_by } => say!(
            l,
            "活动 {} 的点名由 {} 结束,只有 {} 本人可以在活动结束前撤销;此后由教务处填理由重新打开",
            "session {}'s roll was closed by {}: only {} may take the close back, before the session ends; after that the office reopens it with a reason",
            session,
            shown(closed_by),
            shown(closed_by)
        ),
        ClosePosted { session, term } => say!(
            l,
            "活动 {} 结束点名后,{}的考勤已公布;不能再撤销结束点名,请教务处填理由重新打开",
            "{}: {} was published after the roll was closed, so the close cannot be taken back; the office reopens it with a reason (roll reopen)",
            session,
            term_name(l, *term)
        ),
        CloseAfterEnd { session, end } => say!(
            l,
            "活动 {} 已于 {} 结束,不能再撤销结束点名;请教务处填理由重新打开",
            "session {} ended at {}: its close cannot be taken back any more; the office reopens it with a reason (roll reopen)",
            session,
            end.format("%Y-%m-%d %H:%M")
        ),
        LeaveState { id, status, action } => match l {
            Lang::Zh => format!(
                "请假 {id} 已是“{}”,不能{}",
                leave_status(l, *status),
                leave_action(l, *action)
            ),
            Lang::En => format!(
                "leave {id} is {}: cannot {}",
                leave_status(l, *status),
                leave_action(l, *action)
            ),
        },
        MissingEvidence { id, what } => match l {
            Lang::Zh => format!("请假 {id} 缺少{},不能批准", leave_paper(l, *what)),
            Lang::En => format!("leave {id} lacks its {}", leave_paper(l, *what)),
        },
        LeaveForOthers => match l {
            Lang::Zh => format!(
                "只能为自己请假:为其他教师请假需要{}身份,未做任何更改",
                roles(l, &[rules::Role::Office])
            ),
            Lang::En => format!(
                "you can request leave only for yourself: leave for another teacher needs the role {}; nothing was changed",
                roles(l, &[rules::Role::Office])
            ),
        },
        OwnLeave { id, action } => match l {
            Lang::Zh => format!(
                "请假 {id} 是你本人的请假:任何人都不能{}自己的请假,未做任何更改",
                leave_action(l, *action)
            ),
            Lang::En => format!(
                "leave {id} is your own leave: nobody may {} their own leave; nothing was changed",
                leave_action(l, *action)
            ),
        },
        OwnRecord {
            teacher,
            action,
            leave,
        } => {
            let t = shown(&teacher.0);
            let what = match (l, leave) {
                (Lang::Zh, Some(id)) => format!("请假 {id} 是 {t} 本人的请假"),
                (Lang::Zh, None) => format!("{t} 是你本人"),
                (Lang::En, Some(id)) => format!("leave {id} is your own ({t})"),
                (Lang::En, None) => format!("{t} is your own record"),
            };
            let act = match (l, action) {
                (Lang::Zh, OwnAction::ExcuseEarlyLeave) => "准假早退",
                (Lang::Zh, OwnAction::CorrectMark) => "更正考勤",
                (Lang::Zh, OwnAction::RecordEvidence) => "登记请假材料",
                (Lang::En, OwnAction::ExcuseEarlyLeave) => "excuse an early leave",
                (Lang::En, OwnAction::CorrectMark) => "correct a mark",
                (Lang::En, OwnAction::RecordEvidence) => "record the evidence of a leave",
            };
            match l {
                Lang::Zh => format!(
                    "{what}:任何人都不能为自己{act},须由另一位有此职责的人办理;未做任何更改"
                ),
                Lang::En => format!(
                    "{what}: nobody may {act} on their own record; someone else with the role must. Nothing was changed"
                ),
            }
        }
        LeaveTwice { first, session } => match l {
            Lang::Zh => format!(
                "活动 {session} 已有待审批的请假 {first};一次活动只能有一份待审批的请假,可先撤回请假 {first}"
            ),
            Lang::En => format!(
                "leave {first} already asks for session {session}, and is still open: one open request per session; withdraw leave {first} first"
            ),
        },
        AfterTheFact => l
            .t(
                "只有急诊病假可以事后补请;事假和病假须在活动开始前申请",
                "only emergency sick leave may be asked for after the session",
            )
            .into(),
    }
}

/// A refused value: the field, the value as given (shown safely) and what
/// is wrong with it; that nothing was changed.
fn invalid(l: Lang, field: FieldName, value: &str, why: Why) -> String {
    let (f, w) = (input_field(l, field), why_text(l, why));
    match (l, value.is_empty()) {
        (Lang::Zh, true) => format!("{f}{w},未做任何更改"),
        (Lang::Zh, false) => format!("{f}“{}”{w},未做任何更改", shown(value)),
        (Lang::En, true) => format!("{f} {w}; nothing was changed"),
        (Lang::En, false) => format!("{f}: `{}` {w}; nothing was changed", shown(value)),
    }
}

/// The name of a field a value was given for.
pub fn input_field(l: Lang, f: FieldName) -> &'static str {
    use FieldName::*;
    match f {
        Id => l.t("工号", "id"),
        Name => l.t("姓名", "name"),
        Account => l.t("账号", "account"),
        Group => l.t("教研组", "group"),
        Teacher => l.t("教师", "teacher"),
        From => l.t("开始日期", "from"),
        To => l.t("结束日期", "to"),
        Start => l.t("开始", "start"),
        End => l.t("结束", "end"),
        Date => l.t("日期", "date"),
        At => l.t("时间", "at"),
        Time => l.t("时间", "time"),
        Arrived => l.t("到达时间", "arrived"),
        Left => l.t("离开时间", "left"),
        Reason => l.t("理由", "reason"),
        Comment => l.t("意见", "comment"),
        Session => l.t("活动", "session"),
        Sessions => l.t("活动编号", "sessions"),
        Title => l.t("主题", "title"),
        School => l.t("学校名称", "school"),
        Term => l.t("学期", "term"),
        Year => l.t("学年", "year"),
        Pair => l.t("师徒结对", "pair"),
        Credits => l.t("学分", "credits"),
        Card => l.t("学分卡编号", "card"),
        File => l.t("文件", "file"),
        Encoding => l.t("编码", "encoding"),
        SessionKind => l.t("活动类型", "kind"),
        LeaveKind => l.t("请假类别", "kind"),
        Roles => l.t("角色", "roles"),
        Chars => l.t("笔记字数", "chars"),
        Funds => l.t("经费", "funds"),
        PublicFunds => l.t("公用经费", "public funds"),
        TrainingFunds => l.t("培训经费", "training funds"),
        Degree => l.t("学历", "degree"),
        ArchiveHas => l.t("已交档案", "has"),
        ArchiveLacks => l.t("缺交档案", "lacks"),
    }
}

/// What is wrong with a refused value, said after the field and value.
pub fn why_text(l: Lang, w: Why) -> String {
    use Why::*;
    let s = match w {
        BeforeDate(d) => {
            return match l {
                Lang::Zh => format!("早于 {d}"),
                Lang::En => format!("is before {d}"),
            };
        }
        BeforeArrival(t) => {
            let t = t.format("%H:%M");
            return match l {
                Lang::Zh => format!("早于到达时间 {t}"),
                Lang::En => format!("is before the arrival at {t}"),
            };
        }
        AfterNow(t) => {
            let t = t.format("%H:%M");
            return match l {
                Lang::Zh => format!("晚于现在({t}),不能预先记录"),
                Lang::En => format!("is later than now ({t}); it cannot be recorded ahead"),
            };
        }
        Empty => l.t("为空", "is empty"),
        NoCardNumber => l.t(
            "为空:请填学分卡编号",
            "is empty: give the credit card's number",
        ),
        NotPositive => l.t("须大于 0", "must be more than 0"),
        NeededToSendBack => l.t("为空:退回时必须填写理由", "is required when sending back"),
        NeededToReject => l.t("为空:驳回时必须填写理由", "is required when rejecting"),
        NeededForCorrection => l.t("为空:更正须写明理由", "is required for a correction"),
        NoPolicyChangeSince => l.t(
            "之后制度未曾更改,没有可重评的",
            "is after the policy's last change: there is nothing to re-judge",
        ),
        NeededForTeacherRole => l.t(
            "为空:教师角色须指定对应的教师",
            "is needed for the teacher role",
        ),
        IdWithSpaces => l.t("不能为空,也不能含空格", "must be non-empty with no spaces"),
        BeforeStart => l.t("早于开始日期", "is before the start"),
        NotAfterStart => l.t("不晚于开始时间", "is not after the start"),
        BeforeFirstDay => l.t("早于入职日期", "is before the first day"),
        InNoTerm => l.t(
            "不在任何学期内;请先添加学期",
            "is in no term; add the term first",
        ),
        ListsNoSession => l.t("没有列出任何活动", "lists no session"),
        NoMakeUpMarked => l.t("尚未记为已补", "has no make-up marked"),
        NotOfficialLeave => l.t(
            "不是该教师以已批准的公假缺席的活动,无需后补",
            "was not missed on approved official leave",
        ),
        NoSuchPair => l.t("不存在", "does not exist"),
        OverPublicFunds => l.t("超过了公用经费", "is more than the public funds"),
        TodayInNoTerm => l.t("无效:今天不在任何学期内", "is not usable: today is in no term"),
        NoTeacherPicked => l.t(
            "为空:请先在教师页选定一位教师",
            "is not picked: pick a teacher on the teacher tab first",
        ),
        NoOtherTeacher => l.t(
            "无效:没有找到其他教师",
            "matches no other teacher",
        ),
        NotADate => l.t("无效,应为日期 YYYY-MM-DD", "should be a date YYYY-MM-DD"),
        NotATime => l.t("无效,应为时间 HH:MM", "should be a time HH:MM"),
        NotATerm => l.t(
            "无效,应为学期,如 2025-autumn 或 2026-spring",
            "should be a term such as 2025-autumn or 2026-spring",
        ),
        NotASessionKind => l.t(
            "无效,应为 weekly(业务学习)、training(校本培训)、outside(外出学习)或 remote(远程培训)",
            "should be weekly, training, outside or remote",
        ),
        NotALeaveKind => return format!("{}{}", l.t("无效,应为", "should be "), leave_kinds(l)),
        NotCredits => l.t("无效,应为学分,如 1 或 1.5", "should be credits such as 1 or 1.5"),
        NotARole => return format!("{}{}", l.t("无效,应为 ", "should be "), role_codes(l)),
        NotANumber => l.t("无效,应为数字", "should be a number"),
        NotAWholeNumber => l.t("无效,应为非负整数", "should be a whole number"),
        NotTwoAmounts => l.t(
            "无效,应为两个金额(元),如 200000 25000",
            "should be two amounts in yuan, like 200000 25000",
        ),
        NotYuan => l.t(
            "无效,应为金额(元),最多两位小数",
            "should be an amount in yuan, at most two decimals",
        ),
        NotAnEncoding => l.t("无效,应为 utf8 或 gbk", "should be utf8 or gbk"),
        NotAFileFormat => l.t(
            "无效,文件名应以 .xlsx 或 .csv 结尾",
            "should end in .xlsx or .csv",
        ),
        FileExists => l.t(
            "已存在,未覆盖;请换一个文件名",
            "already exists and was left as it is; give another name",
        ),
        NotAnArchiveItem => l.t(
            "无效,应为 plan(学习目标计划)、notes(学习笔记)、reflections(学习心得)或 summary(阶段性总结)",
            "should be plan, notes, reflections or summary",
        ),
        NotADegree => l.t(
            "无效,应为 secondary(中专)、associate(大专)、bachelor(本科)、master(硕士)或 doctorate(博士)",
            "should be secondary, associate, bachelor, master or doctorate",
        ),
    };
    s.to_string()
}

/// A step of the roll call, as in "cannot …".
pub fn roll_step(l: Lang, s: RollStep) -> &'static str {
    use RollStep::*;
    match s {
        AnswerFirstCall => l.t("进行第一次点名", "answer the first call"),
        AnswerSecondCall => l.t("进行第二次点名", "answer the second call"),
        EndSecondCall => l.t("结束第二次点名", "end the second call"),
        RecordLate => l.t("记迟到(须在第二次点名之后)", "record a late arrival"),
        RecordEarlyLeave => l.t("记早退(点名尚未开始或已结束)", "record an early leave"),
        CloseRoll => l.t("结束点名(须先完成第二次点名)", "close the roll"),
        UndoMark => l.t("撤销", "undo a mark"),
    }
}

/// What is done to a leave request, as in "cannot …".
pub fn leave_action(l: Lang, a: LeaveAction) -> &'static str {
    match a {
        LeaveAction::Approve => l.t("批准", "approve"),
        LeaveAction::Reject => l.t("驳回", "reject"),
        LeaveAction::Withdraw => l.t("撤回", "withdraw"),
    }
}

pub fn store_error(l: Lang, e: &StoreError) -> String {
    use StoreError::*;
    if let Some(m) = disk_error(l, e).or_else(|| store_text(l, e)) {
        return m;
    }
    let zh = l == Lang::Zh;
    match e {
        Missing(p) => {
            let p = shown_path(p);
            if zh {
                format!("{p} 处没有数据库;请先运行 peixun init 或 peixun demo,或用 --db 指定")
            } else {
                format!(
                    "no database at {p}; run `peixun init` or `peixun demo` first, or give --db"
                )
            }
        }
        Exists(p) => {
            let p = shown_path(p);
            if zh {
                format!("{p} 已存在,不会覆盖")
            } else {
                format!("{p} already exists; refusing to overwrite it")
            }
        }
        NotRedb(p) => {
            let p = shown_path(p);
            if zh {
                format!("{p} 不是 peixun 数据库,文件未被改动")
            } else {
                format!(
                    "{p} is not a peixun database (it is not a redb file); it was left untouched"
                )
            }
        }
        NotPeixun(p) => {
            let p = shown_path(p);
            if zh {
                format!("{p} 是 redb 数据库但不是 peixun 的,文件未被改动")
            } else {
                format!("{p} is a redb database but not a peixun one; it was left untouched")
            }
        }
        Newer { path, found, known } => {
            let p = shown_path(path);
            if zh {
                format!(
                    "{p} 由更新版本的 peixun 写入(结构版本 {found},本程序最高支持 {known});请升级 peixun。文件未被改动"
                )
            } else {
                format!(
                    "{p} was written by a newer peixun (schema {found}, this program knows up to {known}); \
                     upgrade peixun. The file was left untouched"
                )
            }
        }
        Development { path, found } => {
            let p = shown_path(path);
            if zh {
                format!(
                    "{p} 的结构版本 {found} 只由 peixun 的开发版本(两次发布之间)写入过;本程序只读取正式发布版本的文件。文件未被改动"
                )
            } else {
                format!(
                    "{p} is of schema {found}, which only a development build of peixun wrote \
                     (between releases); this program reads the files of released builds. \
                     The file was left untouched"
                )
            }
        }
        NotKept {
            path,
            kept,
            message,
        } => {
            let (p, k, m) = (shown_path(path), shown_path(kept), shown(message));
            if zh {
                format!("{p} 未升级:无法把升级前的文件保留为 {k}({m});未作任何更改")
            } else {
                format!(
                    "{p} was not upgraded: the file as it was could not be kept at {k} ({m}); \
                     nothing was changed"
                )
            }
        }
        NoDirectory(path) => {
            let p = shown_path(path);
            if zh {
                format!("目录 {p} 不存在,未写入任何文件")
            } else {
                format!("there is no directory {p}; nothing was written")
            }
        }
        Unreadable(path) => {
            let p = shown_path(path);
            if zh {
                format!("没有读取 {p} 的权限,无法打开;请联系管理员")
            } else {
                format!("no permission to read {p}, so it cannot be opened; ask the administrator")
            }
        }
        Recovered { path, last, lost } => {
            let p = shown_path(path);
            let line = recovery_line(
                l,
                &store::check::Recovery {
                    last: last.as_deref().cloned(),
                    lost: *lost,
                },
            );
            if zh {
                format!(
                    "{p} 已损坏(文件页未通过校验),未备份。{line}。如要备份恢复后的内容请加 --accept-recovered,或恢复最近的备份"
                )
            } else {
                format!(
                    "{p} is damaged (its pages do not verify); nothing was copied. {line}. \
                     Give --accept-recovered to back up the recovered state, or restore the latest backup"
                )
            }
        }
        Open { path, message } => {
            let (p, m) = (shown_path(path), shown(message));
            if zh {
                format!("无法打开 {p}:{m}")
            } else {
                format!("{p}: {m}")
            }
        }
        Damaged { path, why } => {
            let p = shown_path(path);
            if zh {
                // `why` is English (redb's words, or the check's): the
                // details are `peixun check`'s, in Chinese.
                format!(
                    "{p} 已损坏(文件页或记录未通过校验),文件未被改动;请运行 peixun check 查看详情,并恢复最近的备份"
                )
            } else {
                let why = shown(why);
                format!(
                    "{p} is damaged ({why}); it was left untouched. Run `peixun check` for details \
                     and restore the latest backup"
                )
            }
        }
        Decode(d) => {
            let key = shown(&d.key);
            if zh {
                format!(
                    "数据表 {} 中键 {key} 的记录已损坏:{}",
                    d.table,
                    decode_fault(l, d.fault)
                )
            } else {
                format!(
                    "damaged record in table `{}` at key {key}: {}",
                    d.table,
                    shown(&d.why)
                )
            }
        }
        Db(m) => {
            if zh {
                format!("数据库错误:{}", shown(m))
            } else {
                format!("database error: {}", shown(m))
            }
        }
        // Worded by `store_text` above.
        Busy { .. } | Replaced(_) => e.to_string(),
    }
}

/// A path as the store reports it, shown safely.
fn shown_path(p: &std::path::Path) -> String {
    shown(&p.display().to_string()).into_owned()
}
