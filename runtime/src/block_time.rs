//! Block time, fixed at genesis.
//!
//! Aura's slot duration and the timestamp pallet's `MinimumPeriod` (half a slot) both read
//! [`SlotDuration`]. Every real chain leaves [`pallet::SlotMillis`] unset and runs 6-second
//! slots ([`SLOT_DURATION`]). Only the `development_fast` preset (`--chain dev-fast`, used by
//! end-to-end tests that opt in) sets a shorter slot. Nothing can change it after genesis: the
//! pallet has no calls, and a slot duration that changed on a live chain would break Aura's
//! slot arithmetic.
//!
//! Block-denominated periods (`DAYS`, tempos, voting periods) stay in blocks, so on a
//! short-slot chain they pass faster in wall-clock time; weights and fees are unchanged.

pub use pallet::*;
use tandem_primitives::time::SLOT_DURATION;

/// Shortest slot a genesis may set, in milliseconds.
pub const MIN_SLOT_MILLIS: u64 = 1_000;

/// Whether `millis` is a slot duration a genesis may set: between [`MIN_SLOT_MILLIS`] and the
/// 6-second default, and even (the minimum period is half of it).
pub fn valid_slot(millis: u64) -> bool {
	(MIN_SLOT_MILLIS..=SLOT_DURATION).contains(&millis) && millis.is_multiple_of(2)
}

// The pallet macro expands into `expect`s on metadata lookups that cannot fail.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::valid_slot;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// Milliseconds per slot when the genesis set one; `None` means the 6-second default.
	#[pallet::storage]
	pub type SlotMillis<T: Config> = StorageValue<_, u64, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// A slot shorter than 6 seconds (test chains only).
		pub slot_millis: Option<u64>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(millis) = self.slot_millis {
				// A bad genesis must not produce a chain at all.
				assert!(valid_slot(millis), "genesis slot of {millis} ms is not a valid slot");
				SlotMillis::<T>::put(millis);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			ensure!(SlotMillis::<T>::get().is_none_or(valid_slot), "slot duration out of range");
			Ok(())
		}
	}
}

/// Milliseconds per slot: the genesis setting, or 6 seconds.
pub struct SlotDuration;
impl frame_support::traits::Get<u64> for SlotDuration {
	fn get() -> u64 {
		SlotMillis::<crate::Runtime>::get().unwrap_or(SLOT_DURATION)
	}
}

/// Least time between two blocks' timestamps: half a slot.
pub struct MinimumPeriod;
impl frame_support::traits::Get<u64> for MinimumPeriod {
	fn get() -> u64 {
		SlotDuration::get().saturating_div(2)
	}
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

	use super::*;
	use crate::{
		genesis_config_presets::{get_preset, DEV_FAST_PRESET, FAST_SLOT_MILLIS},
		tests::ext_from_preset,
		Aura, Runtime,
	};
	use frame_support::traits::{BuildGenesisConfig, Get};

	fn preset_json(id: &str) -> serde_json::Value {
		serde_json::from_slice(&get_preset(&id.into()).unwrap()).unwrap()
	}

	#[test]
	fn slots_between_one_and_six_seconds_and_even_are_valid() {
		for ms in [1_000, 2_000, 1_002, 5_998, 6_000] {
			assert!(valid_slot(ms), "{ms}");
		}
		for ms in [0, 2, 998, 999, 1_001, 6_001, 6_002, 12_000, u64::MAX] {
			assert!(!valid_slot(ms), "{ms}");
		}
	}

	#[test]
	fn every_preset_but_the_fast_one_keeps_six_second_slots() {
		for preset in ["development", "local_testnet"] {
			ext_from_preset(preset).execute_with(|| {
				assert_eq!(SlotMillis::<Runtime>::get(), None);
				assert_eq!(Aura::slot_duration(), SLOT_DURATION);
				assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 3_000);
			});
		}
	}

	#[test]
	fn the_fast_preset_is_the_development_chain_with_one_second_slots() {
		ext_from_preset(DEV_FAST_PRESET).execute_with(|| {
			assert_eq!(SlotMillis::<Runtime>::get(), Some(FAST_SLOT_MILLIS));
			assert_eq!(Aura::slot_duration(), 1_000);
			assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 500);
		});
		// Nothing else differs from `development` but the session length, which keeps sessions
		// about as short in time.
		let (mut fast, mut dev) = (preset_json(DEV_FAST_PRESET), preset_json("development"));
		assert_eq!(fast["blockTime"]["slotMillis"], 1_000);
		assert_eq!(fast["validators"]["sessionLength"], 10);
		assert_eq!(dev["validators"]["sessionLength"], 50);
		for json in [&mut fast, &mut dev] {
			json.as_object_mut().unwrap().remove("blockTime");
			json["validators"].as_object_mut().unwrap().remove("sessionLength");
		}
		assert_eq!(fast, dev);
	}

	#[test]
	#[should_panic(expected = "genesis slot of 500 ms is not a valid slot")]
	fn a_genesis_with_an_invalid_slot_builds_no_chain() {
		sp_io::TestExternalities::default().execute_with(|| {
			GenesisConfig::<Runtime> { slot_millis: Some(500), ..Default::default() }.build();
		});
	}
}
