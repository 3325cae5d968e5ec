//! Text about spreadsheet files as people see them (issue 19): where
//! a file's data ended (a total or footer row), ids that differ only by
//! leading zeros, and stored characters a file's encoding would lose.

use crate::ShownProblem;
use crate::ends::{EndKind, Ended};
use i18n::{Lang, shown};

/// The note an import summary ends with when a total or footer row ended
/// the data: "; 第 14 行为合计行,已跳过".
pub fn ended(l: Lang, e: &Ended) -> String {
    let mut out = match (l, e.kind) {
        (Lang::Zh, EndKind::Total) => format!(";第 {} 行为合计行,已跳过", e.row),
        (Lang::Zh, EndKind::Footer) => {
            format!(";第 {} 行为表尾(制表人、审核人等),已跳过", e.row)
        }
        (Lang::En, EndKind::Total) => format!("; row {} is a total row, skipped", e.row),
        (Lang::En, EndKind::Footer) => format!(
            "; row {} is a footer (prepared by, checked by ...), skipped",
            e.row
        ),
    };
    if e.after > 0 {
        out.push_str(&match l {
            Lang::Zh => format!(",其下 {} 行也未导入", e.after),
            Lang::En => format!(", with the {} row(s) below it", e.after),
        });
    }
    out
}

/// What is wrong with a cell that reads as another value.
pub fn as_shown(l: Lang, p: &ShownProblem) -> String {
    match (l, p) {
        (Lang::Zh, ShownProblem::ZerosLikeRow { other, first_row }) => format!(
            "与第 {first_row} 行的工号 {} 只差前导零(是否有一处丢了单元格的数字格式?)",
            shown(other)
        ),
        (Lang::En, ShownProblem::ZerosLikeRow { other, first_row }) => format!(
            "differs only by leading zeros from the id {} on row {first_row} (a lost number format?)",
            shown(other)
        ),
        (Lang::Zh, ShownProblem::ZerosLikeStored { other, name }) => format!(
            "与已有教师 {} {} 的工号只差前导零;请让文件中的工号与已有的一致(单元格设为文本,或用相同的数字格式)",
            shown(other),
            shown(name)
        ),
        (Lang::En, ShownProblem::ZerosLikeStored { other, name }) => format!(
            "differs only by leading zeros from the stored teacher {} {}; make the file's ids match (text cells, or the same number format)",
            shown(other),
            shown(name)
        ),
        (Lang::Zh, ShownProblem::Lossy { stored }) => format!(
            "会把已存的“{}”中的字换成问号:文件的编码存不下这些字;请另存为 UTF-8 或 .xlsx 后再导入",
            shown(stored)
        ),
        (Lang::En, ShownProblem::Lossy { stored }) => format!(
            "would replace characters of the stored `{}` with question marks: the file's encoding cannot hold them; save it as UTF-8 or .xlsx",
            shown(stored)
        ),
        (Lang::Zh, ShownProblem::Unheld) => {
            "有问号代替了字:文件的编码存不下这些字;请另存为 UTF-8 或 .xlsx 后再导入".into()
        }
        (Lang::En, ShownProblem::Unheld) => {
            "has question marks in place of characters: the file's encoding cannot hold them; save it as UTF-8 or .xlsx".into()
        }
    }
}
