//! `TokenApi`: GOV supply, buyback and ratios for polkadot.js (`api.call.tokenApi.info()`).

use crate::types::TokenInfo;

sp_api::decl_runtime_apis! {
	/// Read access to the GOV supply accounting.
	pub trait TokenApi {
		/// Phase, emission per block, emitted, burned, pot, next buyback, prices, ratios.
		fn info() -> TokenInfo;
	}
}
