//! Where the data of a roster or plan ends: a total row (合计, 总计, 小计,
//! 共计 in its first cell, as offices add under a list, by hand or with
//! `=COUNTA(...)`) or a footer (制表人, 审核人, 填表日期 ...). Such a row is
//! not a teacher or a session; it and every row below it are left out, and
//! the import summary says so.

use super::table::Row;

/// Why the data ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndKind {
    /// 合计, 总计, 小计, 共计.
    Total,
    /// 制表人, 审核人, 填表日期 and the like.
    Footer,
}

/// The row where the data ended: its number as the file shows it, what it
/// is, and how many non-blank rows below it were left out with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ended {
    pub row: usize,
    pub kind: EndKind,
    pub after: usize,
}

const TOTALS: &[&str] = &[
    "合计", "总计", "小计", "共计", "总数", "total", "subtotal", "sum",
];

const FOOTERS: &[&str] = &[
    "制表人",
    "制表",
    "审核人",
    "审核",
    "复核人",
    "审批人",
    "填表人",
    "填表日期",
    "填表时间",
    "填报人",
    "填报日期",
    "统计人",
    "负责人",
    "经办人",
    "校长签字",
    "签字",
    "签名",
    "盖章",
    "prepared by",
    "checked by",
    "approved by",
];

/// Whether `row` is a total or footer row: judged by its first non-empty
/// cell (spaces inside it ignored: 合 计).
pub fn end_of_data(row: &Row) -> Option<EndKind> {
    let first = row.cells.iter().map(|c| c.text()).find(|t| !t.is_empty())?;
    let first: String = first
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let word = |w: &&str| {
        let w: String = w.chars().filter(|c| !c.is_whitespace()).collect();
        first.starts_with(&w)
    };
    // A total is its word alone or followed by a colon, a count or a unit
    // (合计:, 合计10人, 总计(人)); not a name that only begins like one.
    let total = TOTALS.iter().any(|w| {
        first.strip_prefix(*w).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| !c.is_alphabetic() || matches!(c, '人' | '名' | '项' | '次' | '条'))
        })
    });
    if total {
        Some(EndKind::Total)
    } else if FOOTERS.iter().any(word) {
        Some(EndKind::Footer)
    } else {
        None
    }
}

/// The rows of data below the header (`rows`, in file order) up to the
/// first total or footer row, and where they ended.
pub fn data_rows(rows: &[Row]) -> (&[Row], Option<Ended>) {
    match rows.iter().position(|r| end_of_data(r).is_some()) {
        Some(i) => (
            &rows[..i],
            end_of_data(&rows[i]).map(|kind| Ended {
                row: rows[i].number,
                kind,
                after: rows.len() - i - 1,
            }),
        ),
        None => (rows, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Cell;

    fn row(cells: &[&str]) -> Row {
        Row {
            number: 1,
            cells: cells
                .iter()
                .map(|c| match c.is_empty() {
                    true => Cell::Empty,
                    false => Cell::Text(c.to_string()),
                })
                .collect(),
        }
    }

    #[test]
    fn totals_and_footers() {
        for total in [
            &["合计", "10", "共10人"][..],
            &["", "合 计"],
            &["总计:"],
            &["小计", "3"],
            &["共计10人"],
            &["Total", "10"],
        ] {
            assert_eq!(end_of_data(&row(total)), Some(EndKind::Total), "{total:?}");
        }
        for footer in [
            &["制表人:王五", "", "审核人:赵六"][..],
            &["审核人:"],
            &["填表日期:2025年9月1日"],
            &["", "制表:王五"],
        ] {
            assert_eq!(
                end_of_data(&row(footer)),
                Some(EndKind::Footer),
                "{footer:?}"
            );
        }
        for data in [
            &["T1", "合计", "语文"][..],
            &["0012", "张三", "语文"],
            &["合计划"],
            &["summer", "x"],
        ] {
            assert_eq!(end_of_data(&row(data)), None, "{data:?}");
        }
    }
}
