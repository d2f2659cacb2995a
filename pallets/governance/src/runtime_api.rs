//! The runtime API of governance's protocol parameters: what is in force, and what may be set.

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

/// How a parameter's [`ParameterView::value`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum ParameterUnit {
	/// USD base units (6 decimals).
	Usd,
	/// GOV base units (12 decimals).
	Gov,
	/// Parts per billion.
	Perbill,
	/// Parts per million.
	Permill,
	/// A number of blocks.
	Blocks,
	/// A plain count.
	Count,
	/// 0 (off) or 1 (on).
	Flag,
}

/// One protocol parameter as a client shows it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ParameterView<Key> {
	/// The key `governance.set_parameter` takes it by.
	pub key: Key,
	/// `module.Name`, e.g. `credits.CreditPrice`.
	pub name: Vec<u8>,
	/// The value in force: the stored one, else the default.
	pub value: u128,
	/// Lowest value governance may set.
	pub min: u128,
	/// Highest value governance may set.
	pub max: u128,
	/// How `value`, `min` and `max` read.
	pub unit: ParameterUnit,
	/// No referendum has set it: `value` is the default.
	pub is_default: bool,
}

sp_api::decl_runtime_apis! {
	/// The protocol parameters for clients.
	pub trait GovernanceApi<Key: Codec> {
		/// Every parameter with its effective value, its bounds and its unit.
		fn parameters() -> Vec<ParameterView<Key>>;
	}
}
