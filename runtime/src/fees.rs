//! Where transaction fees go.
//!
//! Fees in GOV are not burned (spec §4): of every transaction's fee, [`TREASURY_SHARE_PERCENT`]
//! goes to the treasury account and the rest to the author of the block that included it. Tips
//! go to the block author in full — they exist to pay the author for priority. When the author
//! cannot be found (a block without an Aura digest, as in some tests) or cannot receive the
//! amount, the author's part goes to the treasury too, so fee value is never lost.

use crate::{accounts::TreasuryAccount, AccountId, Balances, Runtime};
use frame_support::traits::{
	fungible::{Balanced, Credit},
	Imbalance, OnUnbalanced,
};

/// Share of each fee (not tip) that goes to the treasury, in percent; the rest to the author.
pub const TREASURY_SHARE_PERCENT: u32 = 80;

/// The treasury account.
fn treasury_account() -> AccountId {
	TreasuryAccount::get()
}

type GovCredit = Credit<AccountId, Balances>;

/// Pays an imbalance to `who`, falling back to the treasury if `who` cannot take it (e.g. the
/// amount is below the existential deposit of a new account).
fn pay(who: &AccountId, amount: GovCredit) {
	if let Err(amount) = <Balances as Balanced<AccountId>>::resolve(who, amount) {
		let treasury = treasury_account();
		if who != &treasury {
			// The treasury is endowed at genesis, so this cannot fail for a live chain; if it did,
			// the amount is dropped (burned) rather than panicking in the fee path.
			let _ = <Balances as Balanced<AccountId>>::resolve(&treasury, amount);
		}
	}
}

/// `OnUnbalanced` handler for transaction fees: see the module docs.
pub struct DealWithFees;

impl OnUnbalanced<GovCredit> for DealWithFees {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = GovCredit>) {
		let Some(fees) = fees_then_tips.next() else { return };
		let (to_treasury, mut to_author) =
			fees.ration(TREASURY_SHARE_PERCENT, 100u32.saturating_sub(TREASURY_SHARE_PERCENT));
		for tip in fees_then_tips {
			to_author = to_author.merge(tip);
		}
		pay(&treasury_account(), to_treasury);
		match pallet_authorship::Pallet::<Runtime>::author() {
			Some(author) => pay(&author, to_author),
			None => pay(&treasury_account(), to_author),
		}
	}
}
