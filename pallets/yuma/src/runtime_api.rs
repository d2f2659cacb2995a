//! `YumaApi`: a subnet's metagraph for polkadot.js (`api.call.yumaApi.metagraph(netuid)`).

use crate::types::NeuronView;
use alloc::vec::Vec;
use tandem_primitives::{Balance, NetUid};

sp_api::decl_runtime_apis! {
	/// Read access to the Yuma metagraph. Version 2 adds `hotkey_message`.
	#[api_version(2)]
	pub trait YumaApi<AccountId> where AccountId: codec::Codec {
		/// Every uid of `netuid` with its keys and the last epoch's results.
		fn metagraph(netuid: NetUid) -> Vec<NeuronView<AccountId>>;
		/// What registering on `netuid` costs now (GOV burned).
		fn registration_burn(netuid: NetUid) -> Balance;
		/// The bytes a hotkey signs so `coldkey` may register it on `netuid` (`register`'s
		/// proof), for wallets that sign a message they are handed.
		#[api_version(2)]
		fn hotkey_message(coldkey: AccountId, netuid: NetUid) -> Vec<u8>;
	}
}
