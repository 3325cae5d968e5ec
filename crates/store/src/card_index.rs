//! The credit-card index (学分卡编号): which entries carry a card number,
//! so that a new or edited entry's card is checked against the few that
//! share it rather than against every entry of the county. An entry holds
//! its card until it is withdrawn or removed (then another may carry it).
//! `Writer::put_external_credit` keeps the index in the same transaction;
//! `upgrade` builds it for older files; `check` compares it with
//! `external_credits`.

use super::tables::CREDIT_CARDS;
use super::{Reader, Result, Writer};
use redb::ReadableTable;
use rules::{CreditId, CreditStage, ExternalCredit};

/// The card number an entry holds in the index, if it holds one: trimmed,
/// and none once the entry is withdrawn or removed.
pub(crate) fn held_card(c: &ExternalCredit) -> Option<&str> {
    (!matches!(c.stage, CreditStage::Withdrawn | CreditStage::Removed)).then(|| c.card.trim())
}

macro_rules! card_index_reads {
    ($ty:ty) => {
        impl $ty {
            /// The entries that hold card number `card` (trimmed), by id.
            pub fn credits_with_card(&self, card: &str) -> Result<Vec<CreditId>> {
                let t = self.txn.open_table(CREDIT_CARDS)?;
                let card = card.trim();
                let mut out = Vec::new();
                for row in t.range((card, 0u32)..=(card, u32::MAX))? {
                    out.push(CreditId(row?.0.value().1));
                }
                Ok(out)
            }
        }
    };
}

card_index_reads!(Reader);
card_index_reads!(Writer);

impl Writer {
    /// Moves an entry's card from what `before` held to what `after` holds.
    pub(super) fn index_card(
        &mut self,
        before: Option<&ExternalCredit>,
        after: &ExternalCredit,
    ) -> Result<()> {
        let mut t = self.txn.open_table(CREDIT_CARDS)?;
        if let Some(card) = before.and_then(held_card) {
            t.remove((card, after.id.0))?;
        }
        if let Some(card) = held_card(after) {
            t.insert((card, after.id.0), ())?;
        }
        Ok(())
    }
}
