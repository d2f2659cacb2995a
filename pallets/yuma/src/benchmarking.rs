//! Benchmarks (frame-benchmarking v2). Subnets are filled by writing storage directly, so the
//! epoch can be measured far beyond what registrations in one block could build: up to
//! `MaxUids` neurons and 256 validators.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use crate::types::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Balanced, tokens::Precision, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::Perbill;
use tandem_primitives::{gov, NetUid};

/// A block far past any immunity period; neurons last set weights 1,000 blocks before it
/// (past the rate limit, within the activity cutoff).
const NOW: u32 = 1_000_000;

fn set_block<T: Config>(block: u32) {
	frame_system::Pallet::<T>::set_block_number(block.into());
}

/// Fills `netuid` with `n` neurons registered at block 0; the first `v` hold permits and stake.
fn fill<T: Config>(netuid: NetUid, n: u16, v: u16) {
	T::BenchmarkHelper::set_limits(v.max(1), n);
	let mut scores = alloc::vec::Vec::new();
	for uid in 0..n {
		let hotkey: T::AccountId = account("hotkey", u32::from(uid), 0);
		let coldkey: T::AccountId = account("coldkey", u32::from(uid), 0);
		Neurons::<T>::insert(
			netuid,
			uid,
			Neuron {
				hotkey: hotkey.clone(),
				coldkey: coldkey.clone(),
				registered_at: 0,
				last_update: NOW - 1_000,
			},
		);
		Uids::<T>::insert(netuid, &hotkey, uid);
		HotkeyOwner::<T>::insert(&hotkey, &coldkey);
		let validator = uid < v;
		if validator {
			T::BenchmarkHelper::set_stake(netuid, &hotkey, 1_000 * gov::UNIT + u128::from(uid));
		}
		scores.push(Score {
			validator_permit: validator,
			incentive: Perbill::from_parts(u32::from(uid) + 1),
			..Default::default()
		});
	}
	SubnetN::<T>::insert(netuid, n);
	Scores::<T>::insert(netuid, BoundedVec::truncate_from(scores));
	LastEpoch::<T>::insert(netuid, 1);
}

/// Gives each of the first `v` uids a row of `per_row` weights on the uids after them (all
/// rows alike, so consensus forms) and bonds on the same uids.
fn weights_and_bonds<T: Config>(netuid: NetUid, n: u16, v: u16, per_row: u16) {
	let targets: alloc::vec::Vec<u16> = (v..n).take(usize::from(per_row)).collect();
	for uid in 0..v {
		let row: alloc::vec::Vec<(u16, u16)> = targets.iter().map(|j| (*j, 1 + (*j % 7))).collect();
		let values: alloc::vec::Vec<u128> = row.iter().map(|(_, w)| u128::from(*w)).collect();
		let entries: alloc::vec::Vec<(u16, u32)> =
			row.iter().zip(epoch::normalize(&values)).map(|((j, _), w)| (*j, w as u32)).collect();
		Weights::<T>::insert(
			netuid,
			uid,
			WeightsRow { set_at: 1, entries: BoundedVec::truncate_from(entries.clone()) },
		);
		let bonds: alloc::vec::Vec<(u16, u32)> = targets.iter().map(|j| (*j, 1_000_000)).collect();
		Bonds::<T>::insert(netuid, uid, BoundedVec::truncate_from(bonds));
	}
}

fn fund<T: Config>(who: &T::AccountId) {
	let _ = T::Currency::deposit(who, 1_000_000 * gov::UNIT, Precision::Exact);
}

/// A full subnet of `n` neurons at `NOW`, and a coldkey (funded by `fund`) with a fresh hotkey
/// and its `<Bytes>`-wrapped proof.
fn registration<T: Config>(
	n: u32,
	fund: impl FnOnce(&T::AccountId),
) -> (tandem_primitives::NetUid, T::AccountId, T::AccountId, T::Signature) {
	let netuid = T::BenchmarkHelper::subnet();
	fill::<T>(netuid, n as u16, 1);
	set_block::<T>(NOW);
	let caller: T::AccountId = whitelisted_caller();
	fund(&caller);
	let message = Pallet::<T>::hotkey_message(&caller, netuid);
	let (hotkey, signature) = T::BenchmarkHelper::signed_hotkey(&crate::bytes_wrapped(&message));
	(netuid, caller, hotkey, signature)
}

fn bounded<T: Config>(x: alloc::vec::Vec<u16>) -> BoundedVec<u16, T::MaxUids> {
	BoundedVec::truncate_from(x)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A full subnet of `n` neurons, none immune: the replacement scans all of them. The proof
	/// is the `<Bytes>`-wrapped form, so both signature checks run.
	#[benchmark]
	fn register(n: Linear<1, { T::MaxUids::get() }>) {
		let (netuid, caller, hotkey, signature) = registration::<T>(n, fund::<T>);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), netuid, hotkey.clone(), signature);
		assert!(Uids::<T>::contains_key(netuid, &hotkey));
	}

	/// `register` with the burn paid in credits (paid and earned credits both touched, their USD
	/// backing moved from the vault to the buyback pot).
	#[benchmark]
	fn register_with_credits(n: Linear<1, { T::MaxUids::get() }>) {
		let (netuid, caller, hotkey, signature) =
			registration::<T>(n, T::BenchmarkHelper::fund_credits);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), netuid, hotkey.clone(), signature);
		assert!(Uids::<T>::contains_key(netuid, &hotkey));
	}

	/// A validator sets `w` weights, one on every other uid of a subnet of `w + 1` neurons, with
	/// commit-reveal off: the permit and rate limit checked, the row sorted, checked, normalized
	/// and stored.
	#[benchmark]
	fn set_weights(w: Linear<1, { T::MaxUids::get() - 1 }>) {
		let netuid = T::BenchmarkHelper::subnet();
		T::BenchmarkHelper::set_commit_reveal(false);
		fill::<T>(netuid, (w + 1) as u16, 1);
		set_block::<T>(NOW);
		let hotkey = Neurons::<T>::get(netuid, 0).unwrap().hotkey;
		let uids = bounded::<T>((1..=w as u16).collect());
		let weights = bounded::<T>((1..=w as u16).collect());
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey), netuid, uids, weights, 1);
		assert_eq!(Weights::<T>::get(netuid, 0).unwrap().entries.len(), w as usize);
	}

	/// Replacing an expired commit (the costlier path).
	#[benchmark]
	fn commit_weights() {
		let netuid = T::BenchmarkHelper::subnet();
		T::BenchmarkHelper::set_commit_reveal(true);
		fill::<T>(netuid, 2, 1);
		WeightCommits::<T>::insert(netuid, 0, WeightsCommit { hash: Default::default(), block: 1 });
		set_block::<T>(NOW);
		let hotkey = Neurons::<T>::get(netuid, 0).unwrap().hotkey;
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey), netuid, sp_core::H256::repeat_byte(1));
		assert_eq!(WeightCommits::<T>::get(netuid, 0).unwrap().block, NOW);
	}

	/// A validator reveals a commit of `w` weights (one on every other uid of a subnet of `w + 1`
	/// neurons) in the epoch after it: the hash recomputed and compared, and each target's
	/// registration block read (weights to a uid registered since the commit are dropped).
	#[benchmark]
	fn reveal_weights(w: Linear<1, { T::MaxUids::get() - 1 }>) {
		let netuid = T::BenchmarkHelper::subnet();
		T::BenchmarkHelper::set_commit_reveal(true);
		fill::<T>(netuid, (w + 1) as u16, 1);
		let hotkey = Neurons::<T>::get(netuid, 0).unwrap().hotkey;
		let uids: alloc::vec::Vec<u16> = (1..=w as u16).collect();
		let weights = uids.clone();
		let salt = [3u8; 32];
		let hash = Pallet::<T>::commit_hash(&hotkey, netuid, &uids, &weights, &salt, 1);
		WeightCommits::<T>::insert(netuid, 0, WeightsCommit { hash, block: NOW });
		set_block::<T>(NOW + T::Tempo::get().max(1));
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey), netuid, bounded::<T>(uids), bounded::<T>(weights), salt, 1);
		assert_eq!(Weights::<T>::get(netuid, 0).unwrap().entries.len(), w as usize);
	}

	/// The epoch's cost in neurons and validators (one weight and one bond per validator), up to
	/// the storage bound; each validator's stake is read from its main pool and a matured pending
	/// pool (the costliest read).
	#[benchmark]
	fn trigger_epoch(n: Linear<2, { T::MaxUids::get() }>, v: Linear<1, { T::MaxUids::get() }>) {
		let netuid = T::BenchmarkHelper::subnet();
		let v = v.min(n - 1);
		fill::<T>(netuid, n as u16, v as u16);
		weights_and_bonds::<T>(netuid, n as u16, v as u16, 1);
		set_block::<T>(NOW);
		let origin = T::AdminOrigin::try_successful_origin().unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, netuid);
		assert_eq!(LastEpoch::<T>::get(netuid), NOW);
	}

	/// The epoch's marginal cost per non-zero weight: `z` weights spread over the validators
	/// holding half the uids of the largest subnet, each weighting up to the other half (at
	/// `MaxUids` = 256: 128 validators, up to 16,384 weights, fully dense).
	#[benchmark]
	fn epoch_weights(z: Linear<0, { (T::MaxUids::get() / 2) * (T::MaxUids::get() / 2) }>) {
		let netuid = T::BenchmarkHelper::subnet();
		let n = T::MaxUids::get().min(u32::from(u16::MAX)) as u16;
		let v = n / 2;
		fill::<T>(netuid, n, v);
		weights_and_bonds::<T>(netuid, n, v, (z / u32::from(v)) as u16);
		set_block::<T>(NOW);
		#[block]
		{
			Pallet::<T>::compute_scores(netuid);
		}
		assert_eq!(LastEpoch::<T>::get(netuid), NOW);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
