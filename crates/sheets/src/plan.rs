//! The term plan file (学期培训计划): one session a row — date, start, end,
//! title, kind, credits, presenter, and optionally host, recorder and the
//! teaching groups that must attend. Checked row by row like the roster;
//! whether the dates fall in the term is checked by the app layer, which
//! knows the term.

use super::table::Table;
use super::{
    Field, Numbered, Parsed, Problem, find_header, finish, parse_credits, parse_date, parse_time,
};
use rules::{Audience, Credits, Session, SessionId, SessionKind};
use std::collections::HashMap;

/// The plan's columns. `time` ("14:00-15:30") may stand for start and end.
pub const FIELDS: &[Field] = &[
    Field {
        key: "date",
        aliases: &["日期", "培训日期", "date"],
        required: true,
    },
    Field {
        key: "start",
        aliases: &["开始", "开始时间", "start", "start time", "from"],
        required: false,
    },
    Field {
        key: "end",
        aliases: &["结束", "结束时间", "end", "end time", "to"],
        required: false,
    },
    Field {
        key: "time",
        aliases: &["时间", "time"],
        required: false,
    },
    Field {
        key: "title",
        aliases: &[
            "主题",
            "培训主题",
            "内容",
            "培训内容",
            "题目",
            "title",
            "topic",
        ],
        required: true,
    },
    Field {
        key: "kind",
        aliases: &["类型", "类别", "形式", "培训形式", "kind", "type"],
        required: false,
    },
    Field {
        key: "credits",
        aliases: &["学分", "credits", "credit"],
        required: false,
    },
    Field {
        key: "presenter",
        aliases: &["主讲人", "主讲", "主讲教师", "presenter", "speaker"],
        required: false,
    },
    Field {
        key: "host",
        aliases: &["主持人", "主持", "host"],
        required: false,
    },
    Field {
        key: "recorder",
        aliases: &["记录人", "记录", "recorder"],
        required: false,
    },
    Field {
        key: "groups",
        aliases: &[
            "参加对象",
            "对象",
            "参加教研组",
            "参训对象",
            "groups",
            "audience",
        ],
        required: false,
    },
];

/// A session kind as schools write it (or the CLI's names).
pub fn parse_kind(s: &str) -> Option<SessionKind> {
    Some(match s.trim().to_lowercase().as_str() {
        "" | "training" | "校本培训" | "校本" => SessionKind::SchoolTraining,
        "weekly" | "业务学习" | "每周业务学习" => SessionKind::WeeklyStudy,
        "outside" | "外出学习" | "外出" => SessionKind::OutsideStudy,
        "remote" | "远程培训" | "远程" => SessionKind::Remote,
        _ => return None,
    })
}

/// Who must attend: empty or 全体/全体教师/all means everyone, else a list
/// of teaching groups separated by commas, 、 or spaces.
pub fn parse_audience(s: &str) -> Audience {
    let s = s.trim();
    if matches!(
        s.to_lowercase().as_str(),
        "" | "全体" | "全体教师" | "全校" | "all" | "everyone"
    ) {
        return Audience::Everyone;
    }
    Audience::Groups(
        s.split([',', '\u{FF0C}', '\u{3001}', ';', '\u{FF1B}', ' '])
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// Reads the sessions of a plan table (ids are 0: the store assigns them).
/// A missing kind is school training and missing credits are 1, as for
/// `peixun session add`.
pub fn parse(table: &Table) -> Result<Parsed<Session>, super::ImportError> {
    let header = find_header(table, FIELDS)?;
    let has_range = header.column("start").is_some() && header.column("end").is_some();
    if !has_range && header.column("time").is_none() {
        return Err(super::ImportError::NoHeader {
            file: table.file.clone(),
            missing: FIELDS
                .iter()
                .filter(|f| matches!(f.key, "start" | "end"))
                .collect(),
        });
    }
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut seen: HashMap<(chrono::NaiveDate, chrono::NaiveTime, String), usize> = HashMap::new();
    let (data, ended) = super::ends::data_rows(table.rows.get(header.at + 1..).unwrap_or(&[]));
    for row in data {
        let text = |k: &str| header.cell(row, k).text();
        let before = problems.len();
        let date = parse_date(header.cell(row, "date"));
        if date.is_none() {
            let p = if text("date").is_empty() {
                Problem::Missing
            } else {
                Problem::Date
            };
            problems.push(header.problem(row, "date", p));
        }
        let (start, end) = if has_range {
            let mut time = |k: &str| {
                let t = parse_time(header.cell(row, k));
                if t.is_none() {
                    let p = if text(k).is_empty() {
                        Problem::Missing
                    } else {
                        Problem::Time
                    };
                    problems.push(header.problem(row, k, p));
                }
                t
            };
            (time("start"), time("end"))
        } else {
            let t = text("time");
            let parts = t
                .split_once(['-', '\u{2014}', '~', '\u{FF5E}', '\u{2013}'])
                .map(|(a, b)| {
                    let p = |s: &str| parse_time(&super::table::Cell::Text(s.trim().into()));
                    (p(a), p(b))
                })
                .unwrap_or((None, None));
            if parts.0.is_none() || parts.1.is_none() {
                let p = if t.is_empty() {
                    Problem::Missing
                } else {
                    Problem::Time
                };
                problems.push(header.problem(row, "time", p));
            }
            parts
        };
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            let k = if has_range { "end" } else { "time" };
            problems.push(header.problem(row, k, Problem::EndNotAfterStart));
        }
        let title = text("title");
        if title.is_empty() {
            problems.push(header.problem(row, "title", Problem::Missing));
        }
        let kind = parse_kind(&text("kind"));
        if kind.is_none() {
            problems.push(header.problem(row, "kind", Problem::Kind));
        }
        let credits_cell = header.cell(row, "credits");
        let credits = if credits_cell.is_empty() {
            Some(Credits::whole(1))
        } else {
            parse_credits(credits_cell)
        };
        if credits.is_none() {
            problems.push(header.problem(row, "credits", Problem::Credits));
        }
        if let Some(c) = credits
            && c.0 > rules::limits::CREDITS_MAX_TENTHS
        {
            problems.push(header.problem(
                row,
                "credits",
                Problem::Bound(rules::limits::Bound::TooLarge {
                    max: u64::from(rules::limits::CREDITS_MAX_TENTHS / 10),
                }),
            ));
        }
        {
            use rules::limits::Shape;
            super::bound_cells(
                &header,
                row,
                &[
                    ("title", Shape::Title),
                    ("presenter", Shape::Name),
                    ("host", Shape::Name),
                    ("recorder", Shape::Name),
                    ("groups", Shape::Title),
                ],
                &mut problems,
            );
        }
        if let (Some(d), Some(s)) = (date, start)
            && !title.is_empty()
        {
            match seen.get(&(d, s, title.clone())) {
                Some(first) => problems.push(header.problem(
                    row,
                    "title",
                    Problem::Duplicate { first_row: *first },
                )),
                None => {
                    seen.insert((d, s, title.clone()), row.number);
                }
            }
        }
        let (Some(date), Some(start), Some(end), Some(kind), Some(credits)) =
            (date, start, end, kind, credits)
        else {
            continue;
        };
        if problems.len() > before {
            continue;
        }
        let opt = |k: &str| Some(text(k)).filter(|s| !s.is_empty());
        rows.push(Numbered {
            row: row.clone(),
            value: Session {
                id: SessionId(0),
                date,
                start,
                end,
                title,
                kind,
                credits,
                presenter: opt("presenter"),
                host: opt("host"),
                recorder: opt("recorder"),
                audience: parse_audience(&text("groups")),
            },
        });
    }
    finish(table, header, rows, problems, ended, |h, row| {
        let words = [h.cell(row, "date").text(), h.cell(row, "title").text()];
        words
            .iter()
            .filter(|w| !w.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    })
}
