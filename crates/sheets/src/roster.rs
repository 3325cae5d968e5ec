//! The roster file (教师名单): one teacher a row, with a header row in
//! Chinese or English. Checks every row and reports every bad cell.

use super::table::Table;
use super::{Field, Numbered, Parsed, Problem, ShownProblem, find_header, finish, parse_date};
use rules::{Teacher, TeacherId};
use std::collections::HashMap;

/// The roster's columns. Only id, name and group are required.
pub const FIELDS: &[Field] = &[
    Field {
        key: "id",
        aliases: &[
            "工号",
            "教师工号",
            "教师编号",
            "编号",
            "id",
            "staff id",
            "staff no",
        ],
        required: true,
    },
    Field {
        key: "name",
        aliases: &["姓名", "教师姓名", "name"],
        required: true,
    },
    Field {
        key: "group",
        aliases: &["教研组", "学科组", "学科", "group", "teaching group"],
        required: true,
    },
    Field {
        key: "grade",
        aliases: &["年级组", "年级", "grade", "grade group"],
        required: false,
    },
    Field {
        key: "from",
        aliases: &[
            "入职日期",
            "到校日期",
            "起始日期",
            "from",
            "active from",
            "active_from",
        ],
        required: false,
    },
    Field {
        key: "to",
        aliases: &[
            "离校日期",
            "调离日期",
            "截止日期",
            "to",
            "active to",
            "active_to",
        ],
        required: false,
    },
];

/// Reads the teachers of a roster table. Every row is checked; any problem
/// fails the whole file, listing each bad cell.
pub fn parse(table: &Table) -> Result<Parsed<Teacher>, super::ImportError> {
    let header = find_header(table, FIELDS)?;
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut zeros: HashMap<String, (String, usize)> = HashMap::new();
    let (data, ended) = super::ends::data_rows(table.rows.get(header.at + 1..).unwrap_or(&[]));
    for row in data {
        let text = |k: &str| header.cell(row, k).text();
        let before = problems.len();
        // Full-width letters and digits are the same id (issue 25).
        let id = rules::half_width_id(&text("id"));
        if id.is_empty() {
            problems.push(header.problem(row, "id", Problem::Missing));
        } else if id.chars().any(char::is_whitespace) {
            problems.push(header.problem(row, "id", Problem::Spaces));
        } else if let Err(b) = rules::limits::check(rules::limits::Shape::Id, &id) {
            problems.push(header.problem(row, "id", Problem::Bound(b)));
        } else if let Some(first) = seen.get(&id) {
            problems.push(header.problem(row, "id", Problem::Duplicate { first_row: *first }));
        } else if let Some((other, first)) = zeros.get(super::without_zeros(&id)) {
            // 0012 and 12: the same id to a person, two to the program.
            let p = ShownProblem::ZerosLikeRow {
                other: other.clone(),
                first_row: *first,
            };
            problems.push(header.problem(row, "id", Problem::AsShown(p)));
        } else {
            seen.insert(id.clone(), row.number);
            zeros.insert(
                super::without_zeros(&id).to_string(),
                (id.clone(), row.number),
            );
        }
        for k in ["name", "group"] {
            if text(k).is_empty() {
                problems.push(header.problem(row, k, Problem::Missing));
            }
        }
        {
            use rules::limits::Shape;
            super::bound_cells(
                &header,
                row,
                &[
                    ("name", Shape::Name),
                    ("group", Shape::Name),
                    ("grade", Shape::Name),
                ],
                &mut problems,
            );
        }
        let mut date = |k: &str| {
            let c = header.cell(row, k);
            if c.is_empty() {
                return None;
            }
            let d = parse_date(c);
            if d.is_none() {
                problems.push(header.problem(row, k, Problem::Date));
            }
            d
        };
        let from = date("from");
        let to = date("to");
        if let (Some(a), Some(b)) = (from, to)
            && b < a
        {
            problems.push(header.problem(row, "to", Problem::ToBeforeFrom));
        }
        if problems.len() > before {
            continue;
        }
        let grade = text("grade");
        rows.push(Numbered {
            row: row.clone(),
            value: Teacher {
                id: TeacherId(id),
                name: rules::tidy_name(&text("name")),
                group: text("group"),
                grade: (!grade.is_empty()).then_some(grade),
                active_from: from,
                active_to: to,
                from_time: None,
                past_groups: Vec::new(),
            },
        });
    }
    finish(table, header, rows, problems, ended, |h, row| {
        rules::half_width_id(&h.cell(row, "id").text())
    })
}
