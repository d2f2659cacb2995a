//! The subnet lifecycle: dissolution by the owner or governance, the bounded drain, pruning
//! when every id is taken, and ids reused.

use crate::{
	mock::*,
	pallet::*,
	types::{DissolveCause, DrainPhase},
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, Mutate},
	weights::Weight,
	BoundedVec,
};
use sp_runtime::{DispatchError, Perquintill};
use tandem_primitives::CreditsInterface;

const NO_LIMIT: u128 = u128::MAX;

fn stake(who: AccountId, hot: AccountId, net: u16, gov: u128) {
	assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(who), hot, net, gov, NO_LIMIT, false));
}

/// Subnet `ALICE` owns with validator `VALI` (BOB's 100 GOV, matured) scoring miner `MINER`,
/// emission on, one epoch paid and credits waiting in the pool.
fn live_subnet() -> u16 {
	let net = new_subnet();
	for hot in [VALI, MINER] {
		register(net, hot);
	}
	stake(BOB, VALI, net, 100 * GOV);
	PayoutRound::<Test>::mutate(net, |r| *r += 1);
	run_to(10);
	assert_ok!(Yuma::set_weights(
		RuntimeOrigin::signed(VALI),
		net,
		BoundedVec::truncate_from(vec![1]),
		BoundedVec::truncate_from(vec![1]),
		0
	));
	MockEmission::launch(GOV);
	MockEmission::cheap_gov();
	MockCredits::spend(net, 2_000_000);
	run_to(20);
	MockCredits::spend(net, 1_000_000);
	run_to(25);
	net
}

/// Runs blocks until nothing is dissolving (checking every invariant after each); returns
/// the blocks it took.
fn drain_all() -> u32 {
	let mut blocks = 0;
	while Dissolving::<Test>::iter().next().is_some() {
		run_to(System::block_number() + 1);
		Subnets::do_try_state().expect("subnets invariants hold mid-drain");
		Yuma::do_try_state().expect("yuma invariants hold mid-drain");
		blocks += 1;
		assert!(blocks < 1_000, "the drain does not end");
	}
	blocks
}

fn gov(who: AccountId) -> u128 {
	Balances::balance(&who)
}

fn redeemed() -> Vec<(AccountId, u128, u128)> {
	events()
		.into_iter()
		.filter_map(|e| match e {
			Event::StakeRedeemed { coldkey, alpha, gov, .. } => Some((coldkey, alpha, gov)),
			_ => None,
		})
		.collect()
}

#[test]
fn the_owner_dissolves_and_every_staker_is_redeemed() {
	build_and_execute(|| {
		// Registered at block 1, dissolved at 25: past its immunity, so the lock is refunded.
		NetworkImmunity::set(20);
		let net = live_subnet();
		let s = Networks::<Test>::get(net).unwrap();
		let (issuance, treasury) = (Balances::total_issuance(), gov(TREASURY));
		let before: Vec<(AccountId, u128)> =
			[ALICE, BOB, cold(VALI), cold(MINER)].iter().map(|w| (*w, gov(*w))).collect();
		let earned_before = MockCredits::earned(cold(MINER));
		// What selling every position through the pool, one after another, would return now.
		let staked: u128 = SubnetStakers::<Test>::iter_key_prefix((net,))
			.map(|(c, h)| Subnets::position_alpha(&c, &h, net))
			.sum();
		let all_sell_for = Subnets::quote_remove_stake(net, staked).unwrap().amount_out;

		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), net));
		System::assert_last_event(
			Event::NetworkDissolving { netuid: net, owner: ALICE, cause: DissolveCause::Owner }
				.into(),
		);
		// Stopped at once: no stake, no registration, no epoch, no emission.
		assert!(Networks::<Test>::get(net).is_none());
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(BOB), VALI, net, GOV, NO_LIMIT, false),
			Error::<Test>::UnknownSubnet
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), net),
			Error::<Test>::UnknownSubnet
		);
		let d = Dissolving::<Test>::get(net).unwrap();
		assert_eq!((d.phase, d.info.allowance), (DrainPhase::Payout, 0));

		let blocks = drain_all();
		assert!(blocks >= 1);
		let (owner_refund, stakers_gov, stakers_alpha, surplus) = events()
			.into_iter()
			.find_map(|e| match e {
				Event::NetworkRedeemed {
					owner_refund,
					stakers_gov,
					stakers_alpha,
					surplus,
					..
				} => Some((owner_refund, stakers_gov, stakers_alpha, surplus)),
				_ => None,
			})
			.expect("NetworkRedeemed");
		// The final payout ran on the last scores: the miner earned the waiting credits.
		assert!(MockCredits::earned(cold(MINER)) > earned_before);
		assert_eq!(<MockCredits as CreditsInterface<u64>>::pool_of(net), 0);
		// The owner gets at most its lock back; the pool's GOV is split without remainder.
		assert!(owner_refund <= s.lock && owner_refund > 0);
		assert!(stakers_gov > 0 && stakers_alpha > 0);
		// Every position paid its pro rata part of the stakers' GOV, to the unit.
		let paid = redeemed();
		assert!(paid.len() >= 3, "BOB, the validator's own take and the miner: {paid:?}");
		for (_, alpha, g) in &paid {
			let fair = alpha * stakers_gov / stakers_alpha;
			// Each pays from what is left, so rounding moves at most a unit per position.
			assert!(g.abs_diff(fair) <= paid.len() as u128, "{g} vs {fair}");
		}
		let total_paid: u128 = paid.iter().map(|p| p.2).sum();
		assert!(stakers_gov - total_paid <= paid.len() as u128, "only rounding is left");
		// The stakers together get what selling all their alpha through the pool would return,
		// with no fee, split pro rata instead of first come first served.
		assert!(total_paid >= all_sell_for, "{total_paid} < {all_sell_for}");
		// Nothing lost: the GOV that left the pot is in accounts, the treasury (surplus and
		// rounding) or was minted meanwhile by the emission.
		let gained: u128 = before.iter().map(|(w, b)| gov(*w) - b).sum();
		assert_eq!(
			gained + (gov(TREASURY) - treasury),
			owner_refund + total_paid + surplus + (stakers_gov - total_paid)
		);
		// No GOV minted or burned: the subnet is gone from the emission split, and the mock's
		// fee sink is the treasury.
		assert_eq!(Balances::total_issuance(), issuance);
		// Only the pot's existential deposit is left, and the id is free.
		assert_eq!(gov(Subnets::pot()), 1);
		assert_eq!(FreeNetuids::<Test>::get().to_vec(), vec![net]);
		assert_eq!(pallet_yuma::SubnetN::<Test>::get(net), 0);
		assert!(pallet_yuma::Neurons::<Test>::iter_prefix(net).next().is_none());
		assert!(HotkeyAlpha::<Test>::iter_prefix(net).next().is_none());
		assert!(SubnetStakers::<Test>::iter().next().is_none());
		assert!(Subnets::positions_of(&BOB).is_empty());
		// A hotkey stays bound to its coldkey.
		assert_eq!(pallet_yuma::HotkeyOwner::<Test>::get(VALI), Some(cold(VALI)));
		System::assert_has_event(Event::NetworkDissolved { netuid: net, heir: None }.into());
	});
}

#[test]
fn dissolve_network_bad_input() {
	build_and_execute(|| {
		let net = new_subnet();
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), 7),
			Error::<Test>::UnknownSubnet
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(BOB), net),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::none(), net),
			DispatchError::BadOrigin
		);
		// Governance may dissolve any subnet.
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), net));
		System::assert_last_event(
			Event::NetworkDissolving {
				netuid: net,
				owner: ALICE,
				cause: DissolveCause::Governance,
			}
			.into(),
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::root(), net),
			Error::<Test>::UnknownSubnet
		);
		drain_all();
		// A fresh subnet nobody staked on: the whole lock comes back.
		System::assert_has_event(
			Event::NetworkRedeemed {
				netuid: net,
				owner_refund: 1_000 * GOV,
				stakers_gov: 0,
				stakers_alpha: 0,
				surplus: 0,
				credits_retired: 0,
			}
			.into(),
		);
	});
}

/// Registering and dissolving at once refunds nothing: pumping the lock cost, or evicting a
/// subnet by a registration that prunes and then dissolving the new subnet, costs the lock.
#[test]
fn an_owner_dissolving_within_immunity_forfeits_its_lock() {
	build_and_execute(|| {
		let (start, treasury) = (gov(ALICE), gov(TREASURY));
		let net = new_subnet();
		assert_eq!(Subnets::lock_cost(), 2_000 * GOV, "the lock doubled");
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), net));
		drain_all();
		System::assert_has_event(
			Event::NetworkRedeemed {
				netuid: net,
				owner_refund: 0,
				stakers_gov: 0,
				stakers_alpha: 0,
				surplus: 1_000 * GOV,
				credits_retired: 0,
			}
			.into(),
		);
		assert_eq!(start - gov(ALICE), 1_000 * GOV, "the attacker's loss is the lock");
		assert_eq!(gov(TREASURY) - treasury, 1_000 * GOV);
		// Past immunity the owner gets its lock back.
		let net = new_subnet();
		run_to(System::block_number() + NetworkImmunity::get() as u64);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), net));
		drain_all();
		assert_eq!(start - gov(ALICE), 1_000 * GOV);
	});
}

/// Stake bought just before a dissolution is redeemed at the pool's average price, below the
/// price paid: the attacker ends with less GOV than it started with.
#[test]
fn staking_before_a_dissolution_does_not_pay() {
	build_and_execute(|| {
		let net = live_subnet();
		let start = gov(CHARLIE);
		stake(CHARLIE, VALI, net, 10_000 * GOV);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), net));
		drain_all();
		let end = gov(CHARLIE);
		assert!(end < start, "profit {}", end as i128 - start as i128);
	});
}

#[test]
fn the_drain_fits_the_idle_weight_and_frees_the_id_only_when_done() {
	build_and_execute(|| {
		let net = live_subnet();
		for who in 1_000..1_030u64 {
			Balances::mint_into(&who, 10 * GOV).unwrap();
			stake(who, VALI, net, 5 * GOV);
		}
		let positions = SubnetStakers::<Test>::iter_prefix((net,)).count();
		assert!(positions >= 33);
		let w = <() as crate::WeightInfo>::redeem_position();
		let payout = <() as crate::WeightInfo>::drain_payout(2);
		// Room for the final payout, or for four redemptions, per block.
		IdleWeight::set(
			payout
				.max(w.saturating_mul(4))
				.saturating_add(Weight::from_parts(100_000_000, 100_000)),
		);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), net));
		let blocks = drain_all();
		// Four positions a block at most.
		assert!(blocks >= positions as u32 / 4, "{blocks} blocks");
		assert!(redeemed().len() >= positions);
		for who in 1_000..1_030u64 {
			assert!(gov(who) > 5 * GOV, "redeemed: {}", gov(who));
		}
		// No idle weight at all: nothing moves.
		IdleWeight::set(Weight::zero());
		let again = new_subnet();
		assert_eq!(again, net, "the freed id is taken first");
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), again));
		run_to(System::block_number() + 5);
		assert_eq!(Dissolving::<Test>::get(again).unwrap().phase, DrainPhase::Payout);
		IdleWeight::set(Weight::from_parts(2_000_000_000_000, u64::MAX));
	});
}

#[test]
fn a_freed_id_is_reused_with_nothing_inherited() {
	build_and_execute(|| {
		let net = live_subnet();
		let other = new_subnet();
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), net));
		drain_all();
		let next = NextNetuid::<Test>::get();
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), u128::MAX));
		assert_eq!(NextNetuid::<Test>::get(), next, "the free id, not a new one");
		let s = Networks::<Test>::get(net).unwrap();
		assert_eq!(s.owner, CHARLIE);
		assert_eq!((s.alpha_outstanding, s.pending_alpha, s.revenue_ema), (0, 0, 0));
		// Revenue paid to the old subnet is not the new one's.
		assert_eq!(s.paid_seen, MockCredits::paid_total(net));
		assert_eq!(PayoutRound::<Test>::get(net), 0);
		assert_eq!(pallet_yuma::SubnetN::<Test>::get(net), 0);
		assert!(FreeNetuids::<Test>::get().is_empty());
		assert!(Networks::<Test>::contains_key(other));
		// It runs epochs again on its own stagger.
		register(net, MINER);
		System::reset_events();
		run_to(System::block_number() + 10);
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::EpochPaid { netuid, .. } if *netuid == net)));
	});
}

#[test]
fn a_full_registry_prunes_the_lowest_emission_share_past_immunity() {
	build_and_execute(|| {
		MinLockCost::set(GOV);
		for _ in 0..16 {
			System::set_block_number(System::block_number() + 1_000);
			new_subnet();
		}
		// Shares: subnet k has k %, but subnets 0 (the lowest) and 1 are within immunity.
		System::set_block_number(System::block_number() + 50_000);
		NetworkImmunity::set(10);
		let now = System::block_number() as u32;
		for netuid in Networks::<Test>::iter_keys().collect::<Vec<_>>() {
			Networks::<Test>::mutate(netuid, |x| {
				let x = x.as_mut().unwrap();
				x.emission_share = Perquintill::from_percent(u64::from(netuid));
				if netuid < 2 {
					x.registered_at = now - 5;
				}
			});
		}
		assert_eq!(Subnets::prune_candidate(), Some(2));
		let lock = Subnets::lock_cost();
		let charlie = gov(CHARLIE);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), u128::MAX));
		assert_eq!(charlie - gov(CHARLIE), lock, "the lock is paid at once");
		System::assert_has_event(
			Event::NetworkDissolving { netuid: 2, owner: ALICE, cause: DissolveCause::Pruned }
				.into(),
		);
		System::assert_last_event(Event::NetworkQueued { netuid: 2, owner: CHARLIE, lock }.into());
		// The next registration prunes the next lowest.
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(BOB), u128::MAX));
		System::assert_last_event(
			Event::NetworkQueued { netuid: 3, owner: BOB, lock: Subnets::lock_cost() / 2 }.into(),
		);
		drain_all();
		assert_eq!(Networks::<Test>::get(2).unwrap().owner, CHARLIE);
		assert_eq!(Networks::<Test>::get(2).unwrap().lock, lock);
		assert_eq!(Networks::<Test>::get(3).unwrap().owner, BOB);
		System::assert_has_event(Event::NetworkDissolved { netuid: 2, heir: Some(CHARLIE) }.into());
		assert!(FreeNetuids::<Test>::get().is_empty());
		// The two new subnets are immune; 4 is next.
		assert_eq!(Subnets::prune_candidate(), Some(4));
		NetworkImmunity::set(u32::MAX);
		assert_eq!(Subnets::prune_candidate(), None);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(BOB), u128::MAX),
			Error::<Test>::AllSubnetsImmune
		);
	});
}

#[test]
fn a_registration_waits_for_a_subnet_its_owner_dissolves() {
	build_and_execute(|| {
		MinLockCost::set(GOV);
		for _ in 0..16 {
			new_subnet();
		}
		NetworkImmunity::set(u32::MAX);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), 5));
		// Every id taken, all immune, but one is dissolving with nobody waiting for it.
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(BOB), u128::MAX));
		System::assert_last_event(
			Event::NetworkQueued { netuid: 5, owner: BOB, lock: Subnets::lock_cost() / 2 }.into(),
		);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(CHARLIE), u128::MAX),
			Error::<Test>::AllSubnetsImmune
		);
		drain_all();
		assert_eq!(Networks::<Test>::get(5).unwrap().owner, BOB);
	});
}

#[test]
fn the_drain_never_uses_more_than_its_budget() {
	build_and_execute(|| {
		use frame_support::traits::OnIdle;
		let net = live_subnet();
		for who in 1_000..1_010u64 {
			Balances::mint_into(&who, 10 * GOV).unwrap();
			stake(who, VALI, net, 5 * GOV);
		}
		IdleWeight::set(Weight::zero());
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), net));
		let step = <() as crate::WeightInfo>::redeem_position();
		let payout = <() as crate::WeightInfo>::drain_payout(2);
		let budgets =
			[Weight::zero(), step, step.saturating_mul(3), payout, payout.saturating_mul(2)];
		let mut i = 0;
		while Dissolving::<Test>::contains_key(net) {
			let budget = budgets[i % budgets.len()];
			let used = Subnets::on_idle(System::block_number(), budget);
			assert!(used.all_lte(budget), "{used:?} > {budget:?}");
			Subnets::do_try_state().unwrap();
			i += 1;
			assert!(i < 1_000, "the drain does not end");
		}
		IdleWeight::set(Weight::from_parts(2_000_000_000_000, u64::MAX));
	});
}

/// A final payout whose credits cannot be retired changes nothing — it is not paid twice when
/// tried again — and does not hold up another subnet's dissolution.
#[test]
fn a_stalled_final_payout_is_atomic_and_blocks_no_one() {
	build_and_execute(|| {
		NetworkImmunity::set(0);
		let net = live_subnet();
		let other = new_subnet();
		let round = PayoutRound::<Test>::get(net);
		let pending = Networks::<Test>::get(net).unwrap().pending_alpha;
		RetireFails::set(Some(net));
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), net));
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), other));
		System::reset_events();
		run_to(System::block_number() + 5);
		// The other subnet drained meanwhile; this one waits, its payout undone each time.
		assert!(!Dissolving::<Test>::contains_key(other));
		let d = Dissolving::<Test>::get(net).unwrap();
		assert!(d.stalled && d.phase == DrainPhase::Payout);
		assert_eq!((d.info.pending_alpha, PayoutRound::<Test>::get(net)), (pending, round));
		assert!(!events()
			.iter()
			.any(|e| matches!(e, Event::EpochPaid { netuid, .. } if *netuid == net)));
		RetireFails::set(None);
		drain_all();
		let paid = events()
			.iter()
			.filter(|e| matches!(e, Event::EpochPaid { netuid, .. } if *netuid == net))
			.count();
		assert_eq!(paid, 1, "the final payout ran once");
		assert_eq!(PayoutRound::<Test>::get(net), 0, "forgotten with the subnet");
	});
}
