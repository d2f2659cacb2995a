//! The epoch driver: Yuma, then alpha and credit payouts by incentive and dividends.

use crate::{mock::*, pallet::*, types::AlphaPayout};
use frame_support::{assert_ok, BoundedVec};
use sp_runtime::Perbill;

const NO_LIMIT: u128 = u128::MAX;
const MINER2: u64 = 13;

/// Subnet 0 with validator `VALI` (staked by BOB) and miners `MINER`, `MINER2`; the validator
/// scores the miners 3:1. Emission on (1 GOV per block).
fn loop_setup() -> u16 {
	let net = new_subnet();
	for hot in [VALI, MINER, MINER2] {
		register(net, hot);
	}
	assert_ok!(Subnets::add_stake(
		RuntimeOrigin::signed(BOB),
		VALI,
		net,
		100 * GOV,
		NO_LIMIT,
		false
	));
	// Staked before an earlier payout (stake counts once it has crossed one).
	PayoutRound::<Test>::mutate(net, |r| *r += 1);
	// A first epoch hands out the validator permit.
	run_to(10);
	assert_ok!(Yuma::set_weights(
		RuntimeOrigin::signed(VALI),
		net,
		BoundedVec::truncate_from(vec![1, 2]),
		BoundedVec::truncate_from(vec![3, 1]),
		0
	));
	MockEmission::launch(GOV);
	MockEmission::cheap_gov();
	net
}

#[test]
fn epoch_pays_alpha_by_incentive_and_dividends() {
	build_and_execute(|| {
		let net = loop_setup();
		MockCredits::spend(net, 4_000_000);
		run_to(19);
		let s = Networks::<Test>::get(net).unwrap();
		// Blocks 11..=19 each injected 1 GOV; BOB's stake lifted the price above 1, so each
		// GOV backs less than one alpha: that much is pending, and as much went into the pool.
		assert!(s.pending_alpha > 0 && s.pending_alpha < 9 * GOV, "{}", s.pending_alpha);
		assert_eq!(s.alpha_issued, 2 * s.pending_alpha);
		let vali_before = Subnets::position_alpha(&cold(VALI), &VALI, net);
		let bob_before = Subnets::position_alpha(&BOB, &VALI, net);
		run_to(20); // (20 + 0) % 10 == 0: the epoch
		let paid = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::EpochPaid {
					alpha_owner,
					alpha_miners,
					alpha_validators,
					alpha_carried_over,
					consensus,
					..
				} => Some((
					consensus,
					AlphaPayout {
						owner: alpha_owner,
						miners: alpha_miners,
						validators: alpha_validators,
						carried_over: alpha_carried_over,
					},
				)),
				_ => None,
			})
			.next_back()
			.expect("EpochPaid");
		assert!(paid.0, "consensus");
		// Every injection put as much alpha into the pool as it made pending (block 20's too).
		let pending = Networks::<Test>::get(net).unwrap().alpha_issued / 2;
		let owner = Perbill::from_percent(18).mul_floor(pending);
		let half = Perbill::from_percent(41).mul_floor(pending); // MinerAlphaShare
		assert!(half - paid.1.miners <= 2, "miners × I, rounded down");
		let m = pallet_yuma::Pallet::<Test>::metagraph(net);
		let (i1, i2, d) = (m[1].incentive, m[2].incentive, m[0].dividends);
		assert_eq!((i1, i2), (Perbill::from_percent(75), Perbill::from_percent(25)));
		assert_eq!(d, Perbill::one());
		assert_eq!(paid.1.owner, owner);
		assert_eq!(
			Subnets::position_alpha(&ALICE, &ALICE, net),
			owner,
			"owner's alpha is staked to itself"
		);
		assert_eq!(Subnets::position_alpha(&cold(MINER), &MINER, net), i1.mul_floor(half));
		assert_eq!(Subnets::position_alpha(&cold(MINER2), &MINER2, net), i2.mul_floor(half));
		// The validator: 18 % take to its own position, the rest compounds to BOB (its only
		// nominator so far).
		let vd = pending - owner - half;
		assert_eq!(paid.1.validators, vd);
		let take = Perbill::from_percent(18).mul_floor(vd);
		let own = Subnets::position_alpha(&cold(VALI), &VALI, net) - vali_before;
		assert!(take - own <= 1, "the take, less one unit of share rounding: {own} vs {take}");
		let bob_gain = Subnets::position_alpha(&BOB, &VALI, net) - bob_before;
		assert!(bob_gain.abs_diff(vd - take) <= 1, "{bob_gain} vs {}", vd - take);
		// Credits: the mock pays half to validators × D and half to miners × I, to coldkeys.
		assert_eq!(MockCredits::earned(cold(VALI)), 2_000_000);
		assert_eq!(MockCredits::earned(cold(MINER)), 1_500_000);
		assert_eq!(MockCredits::earned(cold(MINER2)), 500_000);
		let s = Networks::<Test>::get(net).unwrap();
		assert_eq!(s.pending_alpha, paid.1.carried_over);
		assert!(s.revenue_ema > 0, "revenue seen");
		assert!(s.allowance > 0, "the schedule, not the allowance, bound every block");
	});
}

#[test]
fn without_consensus_everything_carries_over() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		MockEmission::launch(GOV);
		MockEmission::cheap_gov();
		MockCredits::spend(net, 1_000_000);
		run_to(10);
		let s = Networks::<Test>::get(net).unwrap();
		assert_eq!(s.pending_alpha, 9 * GOV);
		assert_eq!(s.alpha_outstanding, 0);
		assert_eq!(
			<MockCredits as tandem_primitives::CreditsInterface<u64>>::pool_of(net),
			1_000_000
		);
		assert!(events().iter().any(|e| matches!(e, Event::EpochPaid { consensus: false, alpha_carried_over, .. } if *alpha_carried_over == 9 * GOV)));
	});
}

#[test]
fn epochs_are_staggered_and_bounded_per_block() {
	build_and_execute(|| {
		MinLockCost::set(10 * GOV);
		for _ in 0..3 {
			System::set_block_number(System::block_number() + 100_000);
			new_subnet();
		}
		let epochs_at = |b: u64| {
			System::reset_events();
			run_to(b);
			events()
				.iter()
				.filter_map(|e| match e {
					Event::EpochPaid { netuid, .. } => Some(*netuid),
					_ => None,
				})
				.collect::<Vec<_>>()
		};
		let start = System::block_number();
		// Staggered: netuid k runs when (block + k) % 10 == 0.
		let mut seen = Vec::new();
		for b in start + 1..=start + 10 {
			for id in epochs_at(b) {
				assert_eq!((b + u64::from(id)) % 10, 0);
				seen.push(id);
			}
		}
		seen.sort();
		assert_eq!(seen, vec![0, 1, 2]);
		// Tempo 1: all three due every block, at most two run; the third waits its turn.
		Tempo::set(1);
		let b = System::block_number();
		assert_eq!(epochs_at(b + 1).len(), 2);
		assert_eq!(EpochQueue::<Test>::get().len(), 1);
		assert_eq!(epochs_at(b + 2).len(), 2);
		Tempo::set(10);
	});
}
