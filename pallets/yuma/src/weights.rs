//! Weights for `pallet_yuma` — replaced by `scripts/bench.sh pallet_yuma` output.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_yuma`.
pub trait WeightInfo {
	fn register(n: u32, ) -> Weight;
	fn set_weights(w: u32, ) -> Weight;
	fn commit_weights() -> Weight;
	fn reveal_weights(w: u32, ) -> Weight;
	fn trigger_epoch(n: u32, v: u32, ) -> Weight;
	fn epoch_weights(z: u32, ) -> Weight;
}

/// Weights for `pallet_yuma` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register(n: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(30_000, 100).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn set_weights(w: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(Weight::from_parts(50_000, 10).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn reveal_weights(w: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(Weight::from_parts(60_000, 10).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(w.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn trigger_epoch(n: u32, v: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(Weight::from_parts(40_000, 100).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(100_000, 100).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn epoch_weights(z: u32, ) -> Weight {
		Weight::from_parts(500_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000, 10).saturating_mul(z.into()))
	}
}

impl WeightInfo for () {
	fn register(n: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(30_000, 100).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn set_weights(w: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(Weight::from_parts(50_000, 10).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn reveal_weights(w: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(Weight::from_parts(60_000, 10).saturating_mul(w.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(w.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn trigger_epoch(n: u32, v: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(Weight::from_parts(40_000, 100).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(100_000, 100).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn epoch_weights(z: u32, ) -> Weight {
		Weight::from_parts(500_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000, 10).saturating_mul(z.into()))
	}
}
