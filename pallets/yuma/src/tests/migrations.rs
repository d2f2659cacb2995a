//! The v1 → v2 migration on a v1 state: neurons registered before hotkeys were bound.

use crate::{migrations::v2::BackfillHotkeyOwners, mock::*, Event, HotkeyOwner, Neurons, Pallet};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// A neuron as a v1 chain registered it: no hotkey binding.
fn v1_neuron(netuid: u16, hotkey: AccountId, coldkey: AccountId) {
	let uid = crate::SubnetN::<Test>::get(netuid);
	Neurons::<Test>::insert(
		netuid,
		uid,
		crate::types::Neuron { hotkey, coldkey, registered_at: 1, last_update: 1 },
	);
	crate::Uids::<Test>::insert(netuid, hotkey, uid);
	crate::SubnetN::<Test>::insert(netuid, uid + 1);
	let mut scores = crate::Scores::<Test>::get(netuid);
	scores.try_push(Default::default()).unwrap();
	crate::Scores::<Test>::insert(netuid, scores);
}

/// A v1 chain: three neurons, none of whose hotkeys has an owner, one hotkey on two subnets
/// under two coldkeys.
fn v1_state() {
	for (netuid, hotkey, coldkey) in [(NET, 100, COLD), (NET, 101, EVE), (2, 100, EVE)] {
		v1_neuron(netuid, hotkey, coldkey);
	}
	StorageVersion::new(1).put::<Pallet<Test>>();
}

#[test]
fn v2_binds_every_neurons_hotkey_and_runs_once() {
	new_test_ext().execute_with(|| {
		v1_state();
		assert!(Yuma::do_try_state().is_err(), "v1 state breaks the v2 invariant");
		BackfillHotkeyOwners::<Test>::on_runtime_upgrade();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
		assert_eq!(HotkeyOwner::<Test>::get(101), Some(EVE));
		// Hotkey 100 sits under COLD on `NET` and under EVE on subnet 2: the first neuron in
		// storage order binds it, the other is reported for governance.
		let owner = HotkeyOwner::<Test>::get(100).unwrap();
		assert!(owner == COLD || owner == EVE);
		let other_net = if owner == COLD { 2 } else { NET };
		let conflict = Event::HotkeyOwnerConflict { netuid: other_net, uid: 0, hotkey: 100, owner };
		assert!(System::events().iter().any(|r| r.event == RuntimeEvent::Yuma(conflict.clone())));
		// Run again: the version is 2, nothing happens.
		HotkeyOwner::<Test>::remove(101);
		BackfillHotkeyOwners::<Test>::on_runtime_upgrade();
		assert_eq!(HotkeyOwner::<Test>::get(101), None);
	});
}

/// Without the conflict, the migrated state keeps every invariant.
#[test]
fn v2_leaves_a_clean_v1_state_sound() {
	build_and_execute(|| {
		for (hotkey, coldkey) in [(100, COLD), (101, EVE)] {
			v1_neuron(NET, hotkey, coldkey);
		}
		StorageVersion::new(1).put::<Pallet<Test>>();
		BackfillHotkeyOwners::<Test>::on_runtime_upgrade();
		assert_eq!(HotkeyOwner::<Test>::get(100), Some(COLD));
	});
}
