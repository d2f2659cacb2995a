//! Benchmarks of every call, the per-block emission hook and the epoch payout.

// Benchmark set-up may panic: a failed set-up is a broken benchmark, not a runtime path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use crate::types::{DissolveCause, DrainPhase, HotkeyStake};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::Perbill;
use tandem_primitives::{gov, Balance, Metagraph, NetUid};

const FUNDS: Balance = 100_000_000 * gov::UNIT;

fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	let _ = T::GovCurrency::set_balance(&who, FUNDS);
	who
}

/// A new subnet owned by a fresh account.
fn subnet<T: Config>(i: u32) -> NetUid {
	let owner = funded::<T>("owner", i);
	// The lock doubles per registration: start each from the floor so many subnets are cheap.
	LastLock::<T>::kill();
	let netuid = NextNetuid::<T>::get();
	Pallet::<T>::do_register_network(owner, Balance::MAX).expect("the owner can pay the lock");
	netuid
}

/// Registers a hotkey (paid by its own coldkey) on `netuid`.
fn neuron<T: Config>(netuid: NetUid, i: u32) -> (T::AccountId, T::AccountId) {
	let cold = funded::<T>("cold", i);
	let hot: T::AccountId = account("hot", i, 0);
	T::Metagraph::register_for_benchmarks(cold.clone(), netuid, hot.clone())
		.expect("registration fits");
	(hot, cold)
}

/// A staker with a position on `hot` worth about `gov` GOV, staked before the subnet's last
/// payout: the next call touching it matures the hotkey's pending pool and claims the
/// position's shares (the costliest path).
fn staked<T: Config>(netuid: NetUid, hot: &T::AccountId, gov: Balance) -> T::AccountId {
	let who = funded::<T>("staker", 0);
	Pallet::<T>::do_add_stake(who.clone(), hot.clone(), netuid, gov, u128::MAX, false)
		.expect("stake fits the pool");
	PayoutRound::<T>::mutate(netuid, |r| *r = r.saturating_add(1));
	who
}

/// A subnet of `n` neurons whose last scores pay every one of them alpha and credits (each a
/// miner and a validator with nominators to compound to; miners paid alpha at the legal
/// maximum `MinerAlphaShare`), with pending alpha, a credit pool and an airdrop open.
fn scored_subnet<T: Config>(n: u32) -> NetUid {
	T::BenchmarkHelper::set_miner_alpha_share(Perbill::from_percent(41));
	T::BenchmarkHelper::open_airdrop();
	let net = subnet::<T>(0);
	let mut payees = Vec::new();
	for i in 0..n {
		payees.push(neuron::<T>(net, i));
	}
	for (hot, _) in &payees {
		staked::<T>(net, hot, gov::UNIT);
	}
	let share = Perbill::from_rational(1u32, n);
	// (incentive, dividends, validator permit) of each uid.
	let scores: Vec<(Perbill, Perbill, bool)> = (0..n).map(|_| (share, share, true)).collect();
	pay_by::<T>(net, scores);
	net
}

/// Stores `scores` as `net`'s last epoch, with 1,000 alpha pending and a credit pool to pay.
fn pay_by<T: Config>(net: NetUid, scores: Vec<(Perbill, Perbill, bool)>) {
	T::Metagraph::set_scores_for_benchmarks(net, scores);
	Networks::<T>::mutate(net, |s| {
		if let Some(s) = s {
			s.pending_alpha = 1_000 * gov::UNIT;
		}
	});
	T::BenchmarkHelper::fill_credit_pool(net, 1_000_000_000);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A registration that takes a free id: the lock withdrawn from the caller into the pot and the
	/// subnet created, its pool seeded with the lock on both sides. The call declares the weight of
	/// `register_network_pruning` and is refunded to this one on a free id.
	#[benchmark]
	fn register_network() {
		subnet::<T>(0);
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), Balance::MAX);
		assert_eq!(NextNetuid::<T>::get(), 2);
	}

	/// A caller stakes again on a hotkey: its earlier stake, added before the subnet's last payout,
	/// matures and is claimed first (the hotkey's pending pool turned into main-pool shares, the
	/// position's part of them claimed), then the GOV is swapped into alpha, the fee routed and the
	/// alpha staked as pending.
	#[benchmark]
	fn add_stake() {
		let net = subnet::<T>(0);
		let (hot, _) = neuron::<T>(net, 0);
		// A position already there and matured: the share pool's general path, with the
		// caller's own earlier stake to mature and claim first.
		staked::<T>(net, &hot, 10 * gov::UNIT);
		let caller = funded::<T>("caller", 0);
		Pallet::<T>::do_add_stake(caller.clone(), hot.clone(), net, gov::UNIT, u128::MAX, false)
			.expect("stake fits the pool");
		PayoutRound::<T>::mutate(net, |r| *r = r.saturating_add(1));
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hot.clone(), net, 10 * gov::UNIT, u128::MAX, false);
		assert!(Pallet::<T>::position_alpha(&caller, &hot, net) > 0);
	}

	/// Selling half of a position whose stake, added before the subnet's last payout, matures and
	/// is claimed first; the alpha is then sold and the GOV paid out of the pot.
	#[benchmark]
	fn remove_stake() {
		let net = subnet::<T>(0);
		let (hot, _) = neuron::<T>(net, 0);
		let who = staked::<T>(net, &hot, 10 * gov::UNIT);
		let half = Pallet::<T>::position_alpha(&who, &hot, net) / 2;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), hot.clone(), net, half, 0, false);
		assert!(Pallet::<T>::position_alpha(&who, &hot, net) > 0);
	}

	/// Moving half of a position to another subnet where the staker also holds stake on the same
	/// hotkey, both added before each subnet's last payout: both sides mature and claim first, then
	/// the alpha is sold on the source, the GOV bought into the destination (the purchase's fee
	/// routed) and staked as pending.
	#[benchmark]
	fn move_stake() {
		let a = subnet::<T>(0);
		let b = subnet::<T>(1);
		let (hot, cold) = neuron::<T>(a, 0);
		T::Metagraph::register_for_benchmarks(cold, b, hot.clone()).expect("registration fits");
		let who = staked::<T>(a, &hot, 10 * gov::UNIT);
		// The destination holds a matured stake of the same staker too: both sides mature and
		// claim.
		staked::<T>(b, &hot, 10 * gov::UNIT);
		let half = Pallet::<T>::position_alpha(&who, &hot, a) / 2;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), hot.clone(), a, b, half, 0, false);
		assert!(Pallet::<T>::position_alpha(&who, &hot, b) > 0);
	}

	/// `SlashOrigin` slashes 50 % of a hotkey's stake (or `MaxStakeSlash`, if lower) with a reason
	/// of `MaxReasonLen` bytes; the hotkey's pending pool is due, so it matures into the main pool
	/// first (the costlier path).
	#[benchmark]
	fn slash_stake() -> Result<(), BenchmarkError> {
		let net = subnet::<T>(0);
		let (hot, _) = neuron::<T>(net, 0);
		staked::<T>(net, &hot, 10 * gov::UNIT);
		let origin =
			T::SlashOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let reason: ReasonOf<T> =
			BoundedVec::truncate_from(alloc::vec![b'x'; T::MaxReasonLen::get() as usize]);
		let fraction = T::MaxStakeSlash::get().min(Perbill::from_percent(50));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hot, net, fraction, reason);
		Ok(())
	}

	/// `AdminOrigin` switches a subnet's emission back on: the costlier direction, which also
	/// reads the subnet's paid totals from the credit ledger (revenue paid while it was off
	/// never accrues). Switching off writes the same record and reads nothing else.
	#[benchmark]
	fn set_emission() -> Result<(), BenchmarkError> {
		let net = subnet::<T>(0);
		Networks::<T>::mutate(net, |s| {
			if let Some(s) = s {
				s.emission_enabled = false;
			}
		});
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, net, true);
		assert!(Networks::<T>::get(net).expect("exists").emission_enabled);
		Ok(())
	}

	/// The per-block hook with `s` subnets, emission on, every subnet paid since the last
	/// block (so each accrues an allowance, takes a share and is minted into its pool).
	#[benchmark]
	fn emission(s: Linear<1, { T::MaxSubnets::get() }>) {
		T::BenchmarkHelper::launch();
		for i in 0..s {
			let net = subnet::<T>(i);
			T::BenchmarkHelper::fill_credit_pool(net, 1_000_000_000);
		}
		frame_system::Pallet::<T>::set_block_number(1_000u32.into());
		#[block]
		{
			Pallet::<T>::run_emission();
		}
		assert!(Networks::<T>::iter().all(|(_, x)| x.pending_alpha > 0 && x.allowance > 0));
	}

	/// Paying one epoch on a subnet of `n` neurons, each paid alpha (`MinerAlphaShare` at its 41 %
	/// maximum) and credits as both miner and validator: every validator's pending pool matures,
	/// every payee's position is new, and an airdrop is open.
	#[benchmark]
	fn epoch_payout(n: Linear<2, 256>) {
		let net = scored_subnet::<T>(n);
		#[block]
		{
			Pallet::<T>::pay_out(net).expect("pays");
		}
		assert!(Networks::<T>::get(net).expect("exists").pending_alpha < 1_000 * gov::UNIT);
	}

	/// A registration with every id taken: the non-immune subnet with the lowest emission
	/// share is picked out of `MaxSubnets`, its queued epoch dropped and its dissolution
	/// started; the caller pays the lock and waits for the id.
	#[benchmark]
	fn register_network_pruning() {
		for i in 0..T::MaxSubnets::get() {
			subnet::<T>(i);
		}
		EpochQueue::<T>::put(BoundedVec::truncate_from(
			Networks::<T>::iter_keys().collect::<Vec<_>>(),
		));
		let after = T::NetworkImmunity::get().saturating_add(10);
		frame_system::Pallet::<T>::set_block_number(after.into());
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		register_network(RawOrigin::Signed(caller), Balance::MAX);
		assert_eq!(Dissolving::<T>::iter().count(), 1);
	}

	/// The owner dissolves its subnet (the signed path reads the subnet twice), its epoch
	/// queued.
	#[benchmark]
	fn dissolve_network() {
		let net = subnet::<T>(0);
		let owner = Networks::<T>::get(net).expect("exists").owner;
		EpochQueue::<T>::put(BoundedVec::truncate_from(alloc::vec![net]));
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), net);
		assert!(Dissolving::<T>::contains_key(net));
	}

	/// Paying one epoch to `m` miners with incentive and no dividends, while miners are paid
	/// no alpha (`MinerAlphaShare` zero, the default): credits only, their hotkeys untouched;
	/// an airdrop is open, so each miner's first earnings snapshot its basis.
	#[benchmark]
	fn epoch_payout_miners(m: Linear<1, 256>) {
		T::BenchmarkHelper::set_miner_alpha_share(Perbill::zero());
		T::BenchmarkHelper::open_airdrop();
		let net = subnet::<T>(0);
		for i in 0..m {
			neuron::<T>(net, i);
		}
		let share = Perbill::from_rational(1u32, m);
		let scores: Vec<(Perbill, Perbill, bool)> =
			(0..m).map(|_| (share, Perbill::zero(), false)).collect();
		pay_by::<T>(net, scores);
		#[block]
		{
			Pallet::<T>::pay_out(net).expect("pays");
		}
	}

	/// A dissolving subnet's final payout on `n` neurons (each paid alpha and credits, as in
	/// `epoch_payout`), its credit pool retired and its pool's GOV split.
	#[benchmark]
	fn drain_payout(n: Linear<2, 256>) {
		let net = scored_subnet::<T>(n);
		Pallet::<T>::start_dissolution(net, DissolveCause::Governance).expect("exists");
		let mut d = Dissolving::<T>::get(net).expect("dissolving");
		#[block]
		{
			Pallet::<T>::final_payout(net, &mut d).expect("pays");
		}
		assert_eq!(d.phase, DrainPhase::Stakers);
		assert!(d.owed_gov > 0);
	}

	/// Redeeming a position whose matured pending stake is still to be claimed (the costliest
	/// path), with another nominator on the hotkey.
	#[benchmark]
	fn redeem_position() {
		let net = subnet::<T>(0);
		let (hot, _) = neuron::<T>(net, 0);
		let other = funded::<T>("other", 0);
		Pallet::<T>::do_add_stake(other, hot.clone(), net, 10 * gov::UNIT, u128::MAX, false)
			.expect("stake fits the pool");
		let who = staked::<T>(net, &hot, 10 * gov::UNIT);
		Pallet::<T>::start_dissolution(net, DissolveCause::Governance).expect("exists");
		let mut d = Dissolving::<T>::get(net).expect("dissolving");
		Pallet::<T>::final_payout(net, &mut d).expect("pays");
		#[block]
		{
			Pallet::<T>::redeem_position(net, &mut d, &who, &hot);
		}
		assert!(!SubnetStakers::<T>::contains_key((net, &who, &hot)));
	}

	/// Clearing `k` keys of a drained subnet (hotkeys' pools holding rounding dust), then
	/// finishing it: the id handed to a registration waiting for it.
	#[benchmark]
	fn drain_clear(k: Linear<0, 1_024>) {
		let net = subnet::<T>(0);
		for i in 0..k {
			let hot: T::AccountId = account("dust", i, 0);
			HotkeyAlpha::<T>::insert(net, hot, HotkeyStake { alpha: 1, shares: 0 });
		}
		Networks::<T>::mutate(net, |s| {
			if let Some(s) = s {
				s.alpha_outstanding = Balance::from(k);
			}
		});
		Pallet::<T>::start_dissolution(net, DissolveCause::Governance).expect("exists");
		let mut d = Dissolving::<T>::get(net).expect("dissolving");
		Pallet::<T>::final_payout(net, &mut d).expect("pays");
		d.phase = DrainPhase::Cleanup;
		d.heir = Some((funded::<T>("heir", 0), T::MinLockCost::get()));
		#[block]
		{
			let (_, done) = Pallet::<T>::cleanup_step(net, &mut d, k + 8);
			assert!(done);
		}
		assert!(Networks::<T>::contains_key(net), "the heir's subnet");
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
