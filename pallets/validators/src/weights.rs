//! Weights for `pallet_validators`.
//!
//! Regenerate with `scripts/bench.sh pallet_validators`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_validators`.
pub trait WeightInfo {
	fn add_validator(n: u32, ) -> Weight;
	fn remove_validator(n: u32, ) -> Weight;
}

/// Weights for `pallet_validators` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4000)
			.saturating_add(Weight::from_parts(50_000, 32).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn remove_validator(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4000)
			.saturating_add(Weight::from_parts(50_000, 32).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// For tests and mocks: the same figures with RocksDB database weights.
impl WeightInfo for () {
	fn add_validator(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4000)
			.saturating_add(Weight::from_parts(50_000, 32).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn remove_validator(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4000)
			.saturating_add(Weight::from_parts(50_000, 32).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
