//! `SubnetsApi`: pools, prices, emission shares, quotes and positions for wallets and UIs.

use crate::{
	pool::Price,
	types::{MoveQuote, PositionView, StakeQuote, SubnetView},
};
use alloc::vec::Vec;
use tandem_primitives::{Balance, NetUid};

sp_api::decl_runtime_apis! {
	/// Read-only views of the subnets pallet.
	pub trait SubnetsApi<AccountId> where AccountId: codec::Codec {
		/// Every subnet: reserves, spot and EMA price, emission share, revenue EMA.
		fn subnets() -> Vec<SubnetView<AccountId>>;
		/// What `add_stake(gov)` on `netuid` would buy now (no price limit).
		fn quote_add_stake(netuid: NetUid, gov: Balance) -> Option<StakeQuote>;
		/// What `remove_stake(alpha)` on `netuid` would return now (no price limit).
		fn quote_remove_stake(netuid: NetUid, alpha: Balance) -> Option<StakeQuote>;
		/// What `move_stake(alpha)` from `from` to `to` would return now (no limit).
		fn quote_move_stake(from: NetUid, to: NetUid, alpha: Balance) -> Option<MoveQuote>;
		/// A coldkey's stake positions with their alpha value.
		fn positions(coldkey: AccountId) -> Vec<PositionView<AccountId>>;
		/// The GOV the next `register_network` locks.
		fn lock_cost() -> Balance;
		/// The spot price of `netuid`'s alpha (GOV per alpha, 12 decimals).
		fn spot_price(netuid: NetUid) -> Option<Price>;
	}
}
