//! `TokenApi`: GOV supply, buyback and ratios for polkadot.js (`api.call.tokenApi.info()`).

use crate::types::TokenInfo;

sp_api::decl_runtime_apis! {
	/// Read access to the GOV supply accounting. Version 2 adds the USD value of emission at
	/// accrual and the buyback's USD over 12 months.
	#[api_version(2)]
	pub trait TokenApi {
		/// Phase, emission per block, emitted (GOV and USD at accrual), burned, pot, next
		/// buyback, prices, ratios.
		fn info() -> TokenInfo;
	}
}
