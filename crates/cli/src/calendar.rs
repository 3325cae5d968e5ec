//! The calendar's subcommands (issue 14): teachers joining and leaving,
//! sessions edited, moved and cancelled, rolls reopened and early leave
//! excused, leave by the hour, and every list as JSON for scripts.

use super::{Outcome, credits_arg, date, hm, teacher_arg};
use crate::i18n::{self, CalendarText, Label, Lang};
use app::calendar::{CalendarError, SessionEdit, TeacherEdit};
use app::roll::Call;
use app::{App, FieldName};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use clap::Args;
use rules::{Audience, Cover, Leave, LeaveId, RollState, SessionId, TeacherId};
use serde::Serialize;

/// `teacher edit ID [--name --group --grade --from]`.
#[derive(Args, Debug)]
pub struct TeacherEditArgs {
    pub id: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long)]
    pub grade: Option<String>,
    /// First day at the school (YYYY-MM-DD); with --group/--grade, the
    /// day the new group takes effect (default today).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day at the school (YYYY-MM-DD); `none` withdraws a departure.
    #[arg(long)]
    pub to: Option<String>,
    /// Why a closed year's figures change (training office).
    #[arg(long)]
    pub reason: Option<String>,
}

/// `session edit S [--title --start --end --credits --presenter --host --recorder --groups]`.
#[derive(Args, Debug)]
pub struct SessionEditArgs {
    pub session: u32,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub start: Option<String>,
    #[arg(long)]
    pub end: Option<String>,
    #[arg(long)]
    pub credits: Option<String>,
    #[arg(long)]
    pub presenter: Option<String>,
    #[arg(long)]
    pub host: Option<String>,
    #[arg(long)]
    pub recorder: Option<String>,
    /// Teaching groups (comma-separated); `all` for everyone.
    #[arg(long)]
    pub groups: Option<String>,
    #[arg(long)]
    pub reason: Option<String>,
}

/// The audience `--groups` names: `all` (全体) or a list of groups.
pub(crate) fn audience(g: &str) -> Audience {
    if matches!(g.trim(), "all" | "全体" | "") {
        return Audience::Everyone;
    }
    Audience::Groups(
        g.split([',', ','])
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect(),
    )
}

pub(super) fn teacher_edit(
    app: &mut App,
    a: TeacherEditArgs,
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    let id = teacher_arg(app, lang, &a.id)?;
    app.reason = a.reason;
    let from = a
        .from
        .map(|s| date(lang, FieldName::From, &s))
        .transpose()?;
    // With a new group or grade, --from is the day it takes effect.
    let regroup = a.group.is_some() || a.grade.is_some();
    let edit = TeacherEdit {
        name: a.name,
        group: a.group,
        grade: a.grade,
        from: from.filter(|_| !regroup),
        group_from: from.filter(|_| regroup),
        to: match a.to.as_deref().map(str::trim) {
            None => None,
            Some("none") => Some(None),
            Some(s) => Some(Some(date(lang, FieldName::To, s)?)),
        },
    };
    app.edit_teacher(&id, edit, now)
        .map_err(|x| i18n::error(lang, &x))?;
    Ok(i18n::text(lang, Label::Saved).to_string())
}

pub(super) fn teacher_leave(
    app: &mut App,
    id: &str,
    on: &str,
    reason: Option<&str>,
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    let id = teacher_arg(app, lang, id)?;
    let on = date(lang, FieldName::Date, on)?;
    app.teacher_leaves(&id, on, reason, now)
        .map_err(|x| i18n::error(lang, &x))?;
    Ok(i18n::text(lang, Label::Saved).to_string())
}

#[derive(Serialize)]
struct TeacherJson<'a> {
    id: &'a str,
    name: &'a str,
    group: &'a str,
    grade: Option<&'a str>,
    joined: Option<NaiveDate>,
    left: Option<NaiveDate>,
    /// Every group the teacher was in, oldest first, the current one last
    /// (`to` null), each with its first and last day.
    groups: Vec<GroupJson<'a>>,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    group: &'a str,
    grade: Option<&'a str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

/// A teacher's groups over time, oldest first, the current one last.
fn groups_of(t: &rules::Teacher) -> Vec<GroupJson<'_>> {
    let mut out: Vec<GroupJson> = t
        .past_groups
        .iter()
        .map(|p| GroupJson {
            group: &p.group,
            grade: p.grade.as_deref(),
            from: p.from.or(t.active_from),
            to: Some(p.until),
        })
        .collect();
    out.push(GroupJson {
        group: &t.group,
        grade: t.grade.as_deref(),
        from: t.group_since().or(t.active_from),
        to: None,
    });
    out
}

pub(super) fn teacher_list(app: &App, lang: Lang, json: bool) -> Outcome {
    let list = app.teachers().map_err(|x| i18n::error(lang, &x))?;
    if json {
        let v: Vec<TeacherJson> = list
            .iter()
            .map(|t| TeacherJson {
                id: &t.id.0,
                name: &t.name,
                group: &t.group,
                grade: t.grade.as_deref(),
                joined: t.active_from,
                left: t.active_to,
                groups: groups_of(t),
            })
            .collect();
        return to_json(&v);
    }
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows: Vec<Vec<String>> = list
        .into_iter()
        .map(|t| {
            vec![
                t.id.0,
                i18n::shown(&t.name).into_owned(),
                i18n::shown(&t.group).into_owned(),
                i18n::shown(&t.grade.unwrap_or_default()).into_owned(),
                day(t.active_from),
                day(t.active_to),
            ]
        })
        .collect();
    let h = i18n::teacher_headers(lang);
    let headers = [
        h[0],
        h[1],
        h[2],
        h[3],
        i18n::calendar_text(lang, CalendarText::Joined),
        i18n::calendar_text(lang, CalendarText::Left),
    ];
    Ok(super::output::table(&headers, &rows))
}

#[derive(Serialize)]
struct TermJson {
    id: String,
    year: i32,
    season: rules::Season,
    start: NaiveDate,
    end: NaiveDate,
}

pub(super) fn term_list(app: &App, lang: Lang, json: bool) -> Outcome {
    let terms = app.terms().map_err(|x| i18n::error(lang, &x))?;
    if json {
        let v: Vec<TermJson> = terms
            .iter()
            .map(|t| TermJson {
                id: t.id.to_string(),
                year: t.id.year.0,
                season: t.id.season,
                start: t.start,
                end: t.end,
            })
            .collect();
        return to_json(&v);
    }
    let rows: Vec<Vec<String>> = terms
        .into_iter()
        .map(|t| {
            vec![
                t.id.to_string(),
                i18n::term_name(lang, t.id),
                t.start.to_string(),
                t.end.to_string(),
            ]
        })
        .collect();
    Ok(super::output::table(&i18n::term_headers(lang), &rows))
}

/// A roll's step as scripts read it.
pub fn step_code(s: RollState) -> &'static str {
    match s {
        RollState::NotStarted => "not_started",
        RollState::FirstCall => "first_call",
        RollState::SecondCall => "second_call",
        RollState::AfterSecondCall => "after_second_call",
        RollState::Closed => "closed",
        RollState::Cancelled => "cancelled",
    }
}

#[derive(Serialize)]
struct SessionJson<'a> {
    id: u32,
    date: NaiveDate,
    start: String,
    end: String,
    title: &'a str,
    kind: rules::SessionKind,
    credits: f64,
    presenter: Option<&'a str>,
    host: Option<&'a str>,
    recorder: Option<&'a str>,
    /// Teaching groups; empty for everyone.
    groups: Vec<&'a str>,
    step: &'static str,
    cancelled: bool,
}

pub(super) fn session_list(app: &App, lang: Lang, json: bool) -> Outcome {
    let mut list = app.sessions().map_err(|x| i18n::error(lang, &x))?;
    // By when they take place: a moved session takes its new place.
    list.sort_by_key(|r| (r.session.date, r.session.start, r.session.id.0));
    if json {
        let v: Vec<SessionJson> = list
            .iter()
            .map(|r| {
                let s = &r.session;
                SessionJson {
                    id: s.id.0,
                    date: s.date,
                    start: s.start.format("%H:%M").to_string(),
                    end: s.end.format("%H:%M").to_string(),
                    title: &s.title,
                    kind: s.kind,
                    credits: s.credits.as_f64(),
                    presenter: s.presenter.as_deref(),
                    host: s.host.as_deref(),
                    recorder: s.recorder.as_deref(),
                    groups: match &s.audience {
                        Audience::Everyone => Vec::new(),
                        Audience::Groups(g) => g.iter().map(String::as_str).collect(),
                    },
                    step: step_code(r.state),
                    cancelled: r.state == RollState::Cancelled,
                }
            })
            .collect();
        return to_json(&v);
    }
    let rows: Vec<Vec<String>> = list
        .into_iter()
        .map(|r| {
            let s = r.session;
            vec![
                s.id.to_string(),
                s.date.to_string(),
                format!("{}-{}", s.start.format("%H:%M"), s.end.format("%H:%M")),
                i18n::shown(&s.title).into_owned(),
                s.credits.to_string(),
                i18n::roll_state(lang, r.state).to_string(),
            ]
        })
        .collect();
    Ok(super::output::table(&i18n::session_headers(lang), &rows))
}

pub(super) fn session_edit(
    app: &mut App,
    a: SessionEditArgs,
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    let edit = SessionEdit {
        title: a.title,
        start: a
            .start
            .map(|s| hm(lang, FieldName::Start, &s))
            .transpose()?,
        end: a.end.map(|s| hm(lang, FieldName::End, &s)).transpose()?,
        credits: a.credits.map(|c| credits_arg(lang, &c)).transpose()?,
        presenter: a.presenter,
        host: a.host,
        recorder: a.recorder,
        groups: a.groups.as_deref().map(audience),
    };
    let e = |x| i18n::error(lang, &x);
    let (start, end) = (edit.start, edit.end);
    let shift = app
        .leave_shift(
            SessionId(a.session),
            |s| (s.date, start.unwrap_or(s.start), end.unwrap_or(s.end)),
            now,
        )
        .map_err(e)?;
    app.edit_session(SessionId(a.session), edit, a.reason.as_deref(), now)
        .map_err(e)?;
    Ok(saved_with_shift(lang, &shift))
}

/// "Saved", and what the session's new time did to the leave asked for it.
fn saved_with_shift(lang: Lang, shift: &app::moved::LeaveShift) -> String {
    let saved = i18n::text(lang, Label::Saved).to_string();
    i18n::with_leave_shift(lang, saved, &shift.lost, &shift.gained)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn session_move(
    app: &mut App,
    session: u32,
    d: &str,
    start: &str,
    end: &str,
    reason: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    let d = date(lang, FieldName::Date, d)?;
    let (start, end) = (
        hm(lang, FieldName::Start, start)?,
        hm(lang, FieldName::End, end)?,
    );
    let e = |x| i18n::error(lang, &x);
    let shift = app
        .leave_shift(SessionId(session), |_| (d, start, end), now)
        .map_err(e)?;
    app.move_session(SessionId(session), d, start, end, reason, now)
        .map_err(e)?;
    Ok(saved_with_shift(lang, &shift))
}

pub(super) fn session_cancel(
    app: &mut App,
    session: u32,
    reason: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    app.cancel_session(SessionId(session), reason, now)
        .map_err(|x| i18n::error(lang, &x))?;
    Ok(i18n::text(lang, Label::Saved).to_string())
}

pub(super) fn roll_reopen(
    app: &mut App,
    session: u32,
    reason: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    app.reopen_roll(SessionId(session), reason, now)
        .map_err(|x| i18n::error(lang, &x))?;
    Ok(i18n::calendar_text(lang, CalendarText::Reopened).to_string())
}

/// A call started before the roll opens: the office, with a reason.
pub(super) fn early_call(
    app: &mut App,
    call: Call,
    session: u32,
    reason: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), String> {
    app.start_call_early(SessionId(session), call, reason, now)
        .map_err(|x| i18n::error(lang, &x))
}

pub(super) fn excuse_early(
    app: &mut App,
    session: u32,
    teacher: &str,
    at: Option<NaiveTime>,
    reason: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    let id = teacher_arg(app, lang, teacher)?;
    app.excuse_early_leave(SessionId(session), &id, at, reason, now)
        .map_err(|x| i18n::error(lang, &x))?;
    Ok(i18n::text(lang, Label::Saved).to_string())
}

/// `--from`/`--to` of a leave request: dates (whole days) or dates with a
/// time (`2025-09-10T08:00` or `2025-09-10 08:00`), exactly the sessions
/// they overlap; read by the app, as the terminal app's form reads them.
pub(super) fn leave_cover(lang: Lang, from: &str, to: Option<&str>) -> Result<Cover, String> {
    app::leave::leave_cover(from, to).map_err(|(end, value)| {
        let field = match end {
            app::leave::SpanEnd::From => "--from",
            app::leave::SpanEnd::To => "--to",
        };
        i18n::error(lang, &CalendarError::BadWhen { field, value }.into())
    })
}

/// The warning after a request that overlaps others of the same teacher.
pub(super) fn overlap_note(
    app: &App,
    teacher: &TeacherId,
    cover: &Cover,
    filed: LeaveId,
    lang: Lang,
) -> Option<String> {
    let others = app.overlapping_leaves(teacher, cover, Some(filed)).ok()?;
    if others.is_empty() {
        return None;
    }
    let list: Vec<String> = others
        .iter()
        .map(|l| format!("{} ({}, {})", l.id, i18n::leave_kind(lang, l.kind), l.cover))
        .collect();
    Some(format!(
        "{}: {}",
        i18n::calendar_text(lang, CalendarText::Overlaps),
        list.join("; ")
    ))
}

#[derive(Serialize)]
struct LeaveJson<'a> {
    id: u32,
    teacher: &'a str,
    kind: rules::LeaveKind,
    cover: &'a Cover,
    covers: String,
    reason: &'a str,
    leave_note: bool,
    hospital_certificate: bool,
    emergency: bool,
    status: rules::LeaveStatus,
    requested_by: &'a str,
    requested_at: NaiveDateTime,
    decided_by: Option<&'a str>,
    decided_at: Option<NaiveDateTime>,
    comment: &'a str,
}

pub(super) fn leave_json(leaves: &[Leave]) -> Outcome {
    let v: Vec<LeaveJson> = leaves
        .iter()
        .map(|l| LeaveJson {
            id: l.id.0,
            teacher: &l.teacher.0,
            kind: l.kind,
            cover: &l.cover,
            covers: l.cover.to_string(),
            reason: &l.reason,
            leave_note: l.evidence.leave_note,
            hospital_certificate: l.evidence.hospital_certificate,
            emergency: l.emergency,
            status: l.status,
            requested_by: &l.requested_by,
            requested_at: l.requested_at,
            decided_by: l.decided_by.as_deref(),
            decided_at: l.decided_at,
            comment: &l.comment,
        })
        .collect();
    to_json(&v)
}

#[derive(Serialize)]
struct RollJson<'a> {
    session: u32,
    date: NaiveDate,
    start: String,
    end: String,
    title: &'a str,
    step: &'static str,
    expected: usize,
    present: usize,
    on_leave: usize,
    missing: usize,
    lines: Vec<RollLineJson<'a>>,
}

#[derive(Serialize)]
struct RollLineJson<'a> {
    teacher: &'a str,
    name: &'a str,
    group: &'a str,
    category: rules::Category,
    also_left_early: bool,
    first_call: bool,
    second_call: bool,
    arrived: Option<String>,
    left_early: Option<String>,
    early_excused: Option<&'a str>,
    leave: Option<u32>,
    leave_status: Option<rules::LeaveStatus>,
}

pub(super) fn roll_json(app: &App, session: u32, lang: Lang) -> Outcome {
    let v = app
        .roll_view(SessionId(session))
        .map_err(|x| i18n::error(lang, &x))?;
    let s = &v.record.session;
    let hm = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    let out = RollJson {
        session: s.id.0,
        date: s.date,
        start: s.start.format("%H:%M").to_string(),
        end: s.end.format("%H:%M").to_string(),
        title: &s.title,
        step: step_code(v.record.state),
        expected: v.expected(),
        present: v.present(),
        on_leave: v.on_leave(),
        missing: v.missing().len(),
        lines: v
            .lines
            .iter()
            .map(|l| RollLineJson {
                teacher: &l.teacher.id.0,
                name: &l.teacher.name,
                group: &l.teacher.group,
                category: l.outcome.category,
                also_left_early: l.outcome.also_left_early,
                first_call: l.facts.first_call,
                second_call: l.facts.second_call,
                arrived: hm(l.facts.arrived),
                left_early: hm(l.facts.left_early),
                early_excused: l.facts.early_excused.as_deref(),
                leave: l.leave.as_ref().map(|x| x.id.0),
                leave_status: l.leave.as_ref().map(|x| x.status),
            })
            .collect(),
    };
    to_json(&out)
}

fn to_json<T: Serialize + ?Sized>(v: &T) -> Outcome {
    serde_json::to_string_pretty(v).map_err(|x| x.to_string())
}

#[derive(Serialize)]
struct MakeUpJson<'a> {
    teacher: &'a str,
    name: &'a str,
    session: u32,
    date: NaiveDate,
    title: &'a str,
    credits: f64,
    done: bool,
    done_by: Option<&'a str>,
    done_at: Option<NaiveDateTime>,
    note: Option<&'a str>,
}

/// `makeup list --json`.
pub(super) fn makeup_json(list: &[app::archive::MakeUpLine]) -> Outcome {
    let v: Vec<MakeUpJson> = list
        .iter()
        .map(|m| MakeUpJson {
            teacher: &m.teacher.id.0,
            name: &m.teacher.name,
            session: m.item.session.0,
            date: m.item.date,
            title: &m.item.title,
            credits: m.item.credits.as_f64(),
            done: m.done.is_some(),
            done_by: m.done.as_ref().map(|d| d.by.as_str()),
            done_at: m.done.as_ref().map(|d| d.at),
            note: m.done.as_ref().map(|d| d.note.as_str()),
        })
        .collect();
    to_json(&v)
}
