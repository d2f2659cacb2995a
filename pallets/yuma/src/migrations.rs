//! Storage migrations of `pallet-yuma`, each a [`VersionedMigration`]: it runs once, when the
//! on-chain storage version is its `FROM`, and sets it to `TO`; otherwise it does nothing. The
//! runtime lists them in its `Migrations` tuple.

use crate::{pallet::*, Config};
#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// v1 → v2: neurons registered before hotkeys were bound to their coldkey get the binding.
pub mod v2 {
	use super::*;

	/// Writes `HotkeyOwner(hotkey) = coldkey` for every neuron whose hotkey has no owner yet.
	/// Should one hotkey sit under two coldkeys (possible before the binding), the first neuron in
	/// storage order binds it and each other one is reported (`HotkeyOwnerConflict`) for
	/// governance to resolve. One pass over `Neurons` (at most `MaxSubnets × MaxUids` entries),
	/// charged by what it reads and writes.
	pub struct BackfillHotkeyOwnersUnchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for BackfillHotkeyOwnersUnchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			for (netuid, uid, neuron) in Neurons::<T>::iter() {
				reads = reads.saturating_add(2);
				match HotkeyOwner::<T>::get(&neuron.hotkey) {
					None => {
						HotkeyOwner::<T>::insert(&neuron.hotkey, &neuron.coldkey);
						writes = writes.saturating_add(1);
					}
					Some(owner) if owner != neuron.coldkey => {
						Pallet::<T>::deposit_event(Event::HotkeyOwnerConflict {
							netuid,
							uid,
							hotkey: neuron.hotkey,
							owner,
						});
					}
					Some(_) => {}
				}
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Neurons::<T>::iter().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let neurons = u64::decode(&mut &state[..]).map_err(|_| "v2: bad pre-upgrade state")?;
			frame_support::ensure!(
				Neurons::<T>::iter().count() as u64 == neurons,
				"v2: the migration changed the neurons"
			);
			frame_support::ensure!(
				Neurons::<T>::iter_values().all(|n| HotkeyOwner::<T>::contains_key(&n.hotkey)),
				"v2: a neuron's hotkey has no owner"
			);
			Ok(())
		}
	}

	/// [`BackfillHotkeyOwnersUnchecked`], run once: from storage version 1 to 2.
	pub type BackfillHotkeyOwners<T> = VersionedMigration<
		1,
		2,
		BackfillHotkeyOwnersUnchecked<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
