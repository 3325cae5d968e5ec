//! What the standings screen says while the standings are being counted
//! (a county's, in a thread of their own). Chinese and English in one arm.

use super::Lang;

/// The standings screen's counting line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum StandingsLive {
    /// Nothing counted yet for the period shown.
    Counting,
    /// The figures shown were counted before the latest change.
    Older,
}

pub fn standings_live(l: Lang, t: StandingsLive) -> &'static str {
    match t {
        StandingsLive::Counting => l.t("正在统计……", "counting…"),
        StandingsLive::Older => l.t(
            "正在统计……(下表是最近一次变更之前的数字)",
            "counting… (the figures below are from before the latest change)",
        ),
    }
}
