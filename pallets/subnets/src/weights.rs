//! Placeholder weights, replaced by `scripts/bench.sh pallet_subnets`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_subnets`.
pub trait WeightInfo {
	fn register_network() -> Weight;
	fn add_stake() -> Weight;
	fn remove_stake() -> Weight;
	fn move_stake() -> Weight;
	fn slash_stake() -> Weight;
	fn set_emission() -> Weight;
	fn emission(s: u32, ) -> Weight;
	fn epoch_payout(n: u32, ) -> Weight;
}

/// Weights for `pallet_subnets` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_network() -> Weight { Weight::from_parts(100_000_000, 5_000) }
	fn add_stake() -> Weight { Weight::from_parts(200_000_000, 10_000) }
	fn remove_stake() -> Weight { Weight::from_parts(200_000_000, 10_000) }
	fn move_stake() -> Weight { Weight::from_parts(300_000_000, 15_000) }
	fn slash_stake() -> Weight { Weight::from_parts(50_000_000, 5_000) }
	fn set_emission() -> Weight { Weight::from_parts(20_000_000, 3_000) }
	fn emission(s: u32, ) -> Weight { Weight::from_parts(20_000_000, 3_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(s.into())) }
	fn epoch_payout(n: u32, ) -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(Weight::from_parts(30_000_000, 5_000).saturating_mul(n.into())) }
}

impl WeightInfo for () {
	fn register_network() -> Weight { Weight::from_parts(100_000_000, 5_000) }
	fn add_stake() -> Weight { Weight::from_parts(200_000_000, 10_000) }
	fn remove_stake() -> Weight { Weight::from_parts(200_000_000, 10_000) }
	fn move_stake() -> Weight { Weight::from_parts(300_000_000, 15_000) }
	fn slash_stake() -> Weight { Weight::from_parts(50_000_000, 5_000) }
	fn set_emission() -> Weight { Weight::from_parts(20_000_000, 3_000) }
	fn emission(s: u32, ) -> Weight { Weight::from_parts(20_000_000, 3_000).saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(s.into())) }
	fn epoch_payout(n: u32, ) -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(Weight::from_parts(30_000_000, 5_000).saturating_mul(n.into())) }
}
