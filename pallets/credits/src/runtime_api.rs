//! `CreditsApi`: an account's credits and the ledger's totals and ratios, for polkadot.js
//! (`api.call.creditsApi.account(who)`, `api.call.creditsApi.totals()`).

use crate::types::{AccountCredits, CreditsTotals};
use tandem_primitives::{Balance, NetUid};

sp_api::decl_runtime_apis! {
	/// Read access to the credits ledger.
	pub trait CreditsApi<AccountId> where AccountId: codec::Codec {
		/// Free, paid, earned, cashable, spent and cashed-out credits of `who`.
		fn account(who: AccountId) -> AccountCredits;
		/// Issuance, vault, prices, 12-month flows (paid and recycled credits among them), credit
		/// and backing ratios.
		fn totals() -> CreditsTotals;
		/// Credits waiting in subnet `netuid`'s pool.
		fn pool(netuid: NetUid) -> Balance;
	}
}
