//! `TokenApi`: GOV supply, buyback and ratios for polkadot.js (`api.call.tokenApi.info()`).

use crate::types::{EconomyInfo, TokenInfo};

sp_api::decl_runtime_apis! {
	/// Read access to the GOV supply accounting. Version 2 adds the USD value of emission at
	/// accrual, this month's figures and `economy()`.
	#[api_version(2)]
	pub trait TokenApi {
		/// Phase, emission per block, emitted (GOV and USD at accrual), burned, pot, next
		/// buyback, prices, ratios.
		fn info() -> TokenInfo;
		/// Emission against paid revenue: revenue, emission at accrual and their ratio, the
		/// allowances, buybacks, the pot and the staking yield (12 months and this month).
		fn economy() -> EconomyInfo;
	}
}
