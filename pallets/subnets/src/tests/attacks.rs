//! Attacks, each named for what it stops.

use crate::{mock::*, pallet::*, pool::PRICE_ONE, types::SubnetInfo};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

const NO_LIMIT: u128 = u128::MAX;

#[test]
fn sandwich_around_add_stake_fails_against_the_victims_limit() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		// The victim quotes 100 GOV and accepts 1 % above the quoted price after.
		let q = Subnets::quote_add_stake(net, 100 * GOV).unwrap();
		let limit = q.price_after + q.price_after / 100;
		// The attacker front-runs with a large purchase...
		let bob_before = Balances::balance(&BOB);
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(BOB),
			VALI,
			net,
			300 * GOV,
			NO_LIMIT,
			false
		));
		// ...and the victim's order is refused instead of filled at the pumped price.
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(CHARLIE), VALI, net, 100 * GOV, limit, false),
			Error::<Test>::PriceLimitExceeded
		);
		// With allow_partial only what fits under the limit fills (nothing here).
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(CHARLIE), VALI, net, 100 * GOV, limit, true),
			Error::<Test>::PriceLimitExceeded
		);
		// The attacker's back-run only pays fees.
		let held = Subnets::position_alpha(&BOB, &VALI, net);
		assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(BOB), VALI, net, held, 0, false));
		assert!(Balances::balance(&BOB) < bob_before);
	});
}

#[test]
fn draining_a_pool_below_min_reserve_is_refused() {
	build_and_execute(|| {
		MinReserve::set(500 * GOV);
		let net = new_subnet();
		register(net, VALI);
		// 1,500 GOV into 1,000/1,000 would leave 400 alpha < 500.
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(BOB), VALI, net, 1_500 * GOV, NO_LIMIT, false),
			Error::<Test>::ReserveTooLow
		);
		// A partial fill stops at the reserve.
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(BOB),
			VALI,
			net,
			1_500 * GOV,
			NO_LIMIT,
			true
		));
		let r = Networks::<Test>::get(net).unwrap().reserves;
		assert!(r.alpha >= 500 * GOV && r.alpha < 501 * GOV, "{r:?}");
		// Selling everything back cannot take the GOV side below the reserve either.
		let held = Subnets::position_alpha(&BOB, &VALI, net);
		assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(BOB), VALI, net, held, 0, false));
		assert!(Networks::<Test>::get(net).unwrap().reserves.gov >= 500 * GOV);
	});
}

#[test]
fn staking_to_an_unregistered_hotkey_is_refused() {
	build_and_execute(|| {
		let net = new_subnet();
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(BOB), 77, net, 10 * GOV, NO_LIMIT, false),
			Error::<Test>::HotkeyNotRegistered
		);
	});
}

#[test]
fn rounding_never_creates_alpha_or_gov() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		let issuance = Balances::total_issuance();
		let alpha_total = |s: &SubnetInfo<u64>| s.reserves.alpha + s.alpha_outstanding;
		let start = alpha_total(&Networks::<Test>::get(net).unwrap());
		let bob = Balances::balance(&BOB);
		// Odd-sized stakes and unstakes, many of them.
		for i in 1..=60u128 {
			let gov = i * 7_919_000_000 + i;
			assert_ok!(Subnets::add_stake(
				RuntimeOrigin::signed(BOB),
				VALI,
				net,
				gov,
				NO_LIMIT,
				false
			));
			let held = Subnets::position_alpha(&BOB, &VALI, net);
			let part = held / 3 + 1;
			assert_ok!(Subnets::remove_stake(
				RuntimeOrigin::signed(BOB),
				VALI,
				net,
				part,
				0,
				false
			));
			// Alpha is only ever moved between the pool and positions.
			assert_eq!(alpha_total(&Networks::<Test>::get(net).unwrap()), start);
		}
		let held = Subnets::position_alpha(&BOB, &VALI, net);
		assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(BOB), VALI, net, held, 0, false));
		assert!(Balances::balance(&BOB) < bob, "no profit from rounding");
		assert_eq!(Balances::total_issuance(), issuance, "no GOV created or destroyed");
	});
}

/// SN28: pump a thin pool's price and wait for the split to pay it. The split follows paid
/// revenue only, so the pumped subnet is minted nothing and the attacker's round trip only
/// pays swap fees: its profit, in GOV, is negative.
#[test]
fn sn28_pumped_price_without_revenue_is_minted_nothing() {
	build_and_execute(|| {
		// Subnet A: its price pumped ~9×, nobody pays for it. Subnet B: price 1, real revenue.
		let a = new_subnet();
		System::set_block_number(100_000);
		let b = new_subnet();
		register(a, VALI);
		let bob = Balances::balance(&BOB);
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(BOB),
			VALI,
			a,
			2_000 * GOV,
			NO_LIMIT,
			false
		));
		let pa = Networks::<Test>::get(a).unwrap().reserves.price().unwrap();
		assert!(pa > 8 * PRICE_ONE && pa < 9 * PRICE_ONE, "{pa}");
		PriceEmaHalfLife::set(10);
		MockEmission::launch(GOV);
		let ga = Networks::<Test>::get(a).unwrap().reserves.gov;
		for _ in 0..10 {
			MockCredits::spend(b, 1_000_000_000);
			run_to(System::block_number() + 10);
		}
		let (sa, sb) = (Networks::<Test>::get(a).unwrap(), Networks::<Test>::get(b).unwrap());
		assert!(sb.revenue_ema > 0 && sa.revenue_ema == 0);
		assert!(sa.emission_share.is_zero(), "a pumped price earns no share");
		assert_eq!((sa.reserves.gov, sa.allowance, sa.pending_alpha), (ga, 0, 0));
		assert!(MockEmission::emitted() > 0 && sb.reserves.gov > 1_000 * GOV, "B was paid");
		// The attacker exits: all its alpha back for GOV.
		let held = Subnets::position_alpha(&BOB, &VALI, a);
		assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(BOB), VALI, a, held, 0, false));
		let profit = Balances::balance(&BOB) as i128 - bob as i128;
		assert!(profit < 0, "profit {profit}");
	});
}

#[test]
fn extra_epochs_cannot_be_forced_by_owners() {
	build_and_execute(|| {
		let net = new_subnet();
		// The yuma trigger is root-only; the subnet owner cannot run an epoch out of schedule.
		assert_noop!(
			Yuma::trigger_epoch(RuntimeOrigin::signed(ALICE), net),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn recycled_credits_earn_a_subnet_no_revenue_and_no_emission() {
	build_and_execute(|| {
		// Subnet A's own contributors spend their earned credits back into it every epoch (the
		// recycling loop); users pay for B. Only B has revenue, and B gets the revenue side of
		// the split.
		let a = new_subnet();
		let b = new_subnet();
		MockEmission::launch(GOV);
		for _ in 0..10 {
			MockCredits::spend_recycled(a, 1_000_000_000);
			MockCredits::spend(b, 1_000_000_000);
			run_to(System::block_number() + 10);
		}
		let (sa, sb) = (Networks::<Test>::get(a).unwrap(), Networks::<Test>::get(b).unwrap());
		assert_eq!(sa.revenue_ema, 0, "recycled credits are not revenue");
		assert!(sb.revenue_ema > 0);
		assert_eq!(sa.paid_seen, 0);
		assert_eq!(sb.paid_seen, 10 * 1_000_000_000);
		assert!(sa.emission_share.is_zero() && sa.allowance == 0, "{sa:?}");
		assert!(sb.emission_share > sa.emission_share, "{sa:?} vs {sb:?}");
	});
}

/// A stake worth less than one share of a hotkey's pool used to be taken and absorbed by the
/// pool's holders, leaving an empty position behind (which `try_state` rejects). The pool here
/// has compounded to about ten alpha per share; a stake buying a few alpha is refused and
/// changes nothing, so the staker loses nothing.
#[test]
fn a_stake_worth_less_than_one_share_is_refused() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(CHARLIE),
			VALI,
			net,
			10 * GOV,
			NO_LIMIT,
			false
		));
		// An epoch later the stake has matured into the hotkey's pool...
		PayoutRound::<Test>::mutate(net, |r| *r += 1);
		assert_ok!(Subnets::mature_position(&CHARLIE, &VALI, net));
		// ...and dividends compounded into it: alpha per share rises to about 10.
		let shares = HotkeyAlpha::<Test>::get(net, VALI).shares;
		let extra = 10 * shares;
		HotkeyAlpha::<Test>::mutate(net, VALI, |h| h.alpha += extra);
		Networks::<Test>::mutate(net, |s| s.as_mut().unwrap().alpha_outstanding += extra);
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(BOB), VALI, net, 5, NO_LIMIT, false),
			Error::<Test>::StakeBelowOneShare
		);
		// A stake worth a share or more goes through.
		assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(BOB), VALI, net, 100, NO_LIMIT, false));
		assert!(Subnets::position_alpha(&BOB, &VALI, net) > 0);
	});
}

/// Anyone may send GOV to the subnets pot. The invariant used to demand that the pot hold
/// exactly the pools' reserves, so one planck broke `try_state` (and with it every check run
/// after a block); it now demands at least, and the donation is simply stranded.
#[test]
fn a_donation_to_the_pot_cannot_break_try_state() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
			&BOB,
			&Subnets::pot(),
			1,
			frame_support::traits::tokens::Preservation::Preserve,
		));
		assert_ok!(Subnets::do_try_state());
	});
}

/// A pending stake worth less than one share at the price its pool has when it matures (the
/// price rose with dividends meanwhile) matures into no shares: its few units of alpha stay with
/// the pool's holders — at most one share's worth — and nothing is left stored that breaks the
/// invariants.
#[test]
fn a_stake_that_matures_into_no_shares_leaves_the_invariants_whole() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(CHARLIE),
			VALI,
			net,
			10 * GOV,
			NO_LIMIT,
			false
		));
		PayoutRound::<Test>::mutate(net, |r| *r += 1);
		assert_ok!(Subnets::mature_position(&CHARLIE, &VALI, net));
		assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(BOB), VALI, net, 5, NO_LIMIT, false));
		assert!(Subnets::position_alpha(&BOB, &VALI, net) > 0);
		// Dividends lift the pool to about ten alpha per share before BOB's stake matures.
		let extra = 10 * HotkeyAlpha::<Test>::get(net, VALI).shares;
		HotkeyAlpha::<Test>::mutate(net, VALI, |h| h.alpha += extra);
		Networks::<Test>::mutate(net, |s| s.as_mut().unwrap().alpha_outstanding += extra);
		PayoutRound::<Test>::mutate(net, |r| *r += 1);
		assert_ok!(Subnets::mature_position(&BOB, &VALI, net));
		assert_eq!(Subnets::position_alpha(&BOB, &VALI, net), 0);
		assert_ok!(Subnets::do_try_state());
		assert!(!PositionPending::<Test>::contains_key((BOB, VALI, net)));
	});
}
