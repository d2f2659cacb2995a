//! The calls: what they do, and every bad input refused with a named error and no change.

use crate::{mock::*, pallet::*, pool::PRICE_ONE};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_runtime::{DispatchError, Perbill};

const NO_LIMIT: u128 = u128::MAX;

#[test]
fn register_network_locks_and_seeds_the_pool() {
	build_and_execute(|| {
		let before = Balances::balance(&ALICE);
		let id = new_subnet();
		assert_eq!(id, 0);
		let s = Networks::<Test>::get(0).unwrap();
		assert_eq!((s.owner, s.lock), (ALICE, 1_000 * GOV));
		assert_eq!((s.reserves.gov, s.reserves.alpha), (1_000 * GOV, 1_000 * GOV));
		assert_eq!(s.reserves.price(), Some(PRICE_ONE));
		assert_eq!(Balances::balance(&ALICE), before - 1_000 * GOV);
		assert!(events().contains(&Event::NetworkRegistered {
			netuid: 0,
			owner: ALICE,
			lock: 1_000 * GOV
		}));
	});
}

#[test]
fn lock_cost_doubles_then_decays_linearly() {
	build_and_execute(|| {
		new_subnet();
		assert_eq!(Subnets::lock_cost(), 2_000 * GOV);
		// Half the reduction interval: 2 × 1,000 − 500.
		System::set_block_number(1 + 500);
		assert_eq!(Subnets::lock_cost(), 1_500 * GOV);
		System::set_block_number(1 + 5_000);
		assert_eq!(Subnets::lock_cost(), 1_000 * GOV, "never below MinLockCost");
		System::set_block_number(1);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(BOB), u128::MAX));
		assert_eq!(Networks::<Test>::get(1).unwrap().lock, 2_000 * GOV);
		assert_eq!(Subnets::lock_cost(), 4_000 * GOV);
	});
}

#[test]
fn register_network_bad_input() {
	build_and_execute(|| {
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::root(), u128::MAX),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(TREASURY), u128::MAX),
			Error::<Test>::CannotAffordLock
		);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(ALICE), 1_000 * GOV - 1),
			Error::<Test>::LockAboveLimit
		);
		MinLockCost::set(GOV);
		for _ in 0..16 {
			System::set_block_number(System::block_number() + 100_000);
			assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), u128::MAX));
		}
		// Every id taken and every subnet immune: nothing can be pruned.
		NetworkImmunity::set(u32::MAX);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(ALICE), u128::MAX),
			Error::<Test>::AllSubnetsImmune
		);
	});
}

#[test]
fn add_and_remove_stake() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		let before = Balances::balance(&BOB);
		let quote = Subnets::quote_add_stake(net, 100 * GOV).unwrap();
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(BOB),
			VALI,
			net,
			100 * GOV,
			NO_LIMIT,
			false
		));
		assert_eq!(Balances::balance(&BOB), before - 100 * GOV);
		let alpha = Subnets::position_alpha(&BOB, &VALI, net);
		assert_eq!(alpha, quote.amount_out, "the quote is what executes");
		assert_eq!(alpha, 90_867_766_716_668);
		// The fee left the pool for the fee sink.
		assert_eq!(Balances::balance(&TREASURY), 1 + quote.fee);
		// Pending until the subnet's next payout: it weighs nothing in consensus yet.
		let stake_of = || <Subnets as tandem_primitives::StakeProvider<_>>::stake_of(net, &VALI);
		assert_eq!(stake_of(), 0);
		PayoutRound::<Test>::mutate(net, |r| *r += 1);
		assert_eq!(stake_of(), alpha, "matured by the payout");

		let back = Subnets::quote_remove_stake(net, alpha).unwrap();
		assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(BOB), VALI, net, alpha, 0, false));
		assert_eq!(Balances::balance(&BOB), before - 100 * GOV + back.amount_out);
		assert!(back.amount_out < 100 * GOV, "a round trip loses the fees");
		assert_eq!(Subnets::position_alpha(&BOB, &VALI, net), 0);
		assert!(Positions::<Test>::iter().next().is_none());
	});
}

#[test]
fn staking_bad_input_changes_nothing() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		let add = |who, hot, net, gov| {
			Subnets::add_stake(RuntimeOrigin::signed(who), hot, net, gov, NO_LIMIT, false)
		};
		assert_noop!(add(BOB, VALI, net, 0), Error::<Test>::ZeroAmount);
		assert_noop!(add(BOB, VALI, 7, GOV), Error::<Test>::UnknownSubnet);
		assert_noop!(add(BOB, MINER, net, GOV), Error::<Test>::HotkeyNotRegistered);
		assert_noop!(add(TREASURY, VALI, net, 10 * GOV), Error::<Test>::InsufficientBalance);
		assert_noop!(add(BOB, VALI, net, 10_000_000 * GOV), Error::<Test>::ReserveTooLow);
		assert_noop!(add(BOB, VALI, net, 1), Error::<Test>::AmountTooSmall);
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::signed(BOB), VALI, net, GOV, PRICE_ONE, false),
			Error::<Test>::PriceLimitExceeded
		);
		assert_noop!(
			Subnets::add_stake(RuntimeOrigin::none(), VALI, net, GOV, NO_LIMIT, false),
			DispatchError::BadOrigin
		);
		assert_ok!(add(BOB, VALI, net, 10 * GOV));
		let held = Subnets::position_alpha(&BOB, &VALI, net);
		let remove = |who, net, alpha, limit| {
			Subnets::remove_stake(RuntimeOrigin::signed(who), VALI, net, alpha, limit, false)
		};
		assert_noop!(remove(BOB, net, 0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(remove(BOB, net, held + 1, 0), Error::<Test>::NotEnoughStake);
		assert_noop!(remove(CHARLIE, net, 1, 0), Error::<Test>::NotEnoughStake);
		assert_noop!(remove(BOB, 9, 1, 0), Error::<Test>::UnknownSubnet);
		let spot = Networks::<Test>::get(net).unwrap().reserves.price().unwrap();
		assert_noop!(remove(BOB, net, held, spot), Error::<Test>::PriceLimitExceeded);
		assert_noop!(
			Subnets::move_stake(RuntimeOrigin::signed(BOB), VALI, net, net, held, 0, false),
			Error::<Test>::SameSubnet
		);
		assert_noop!(
			Subnets::move_stake(RuntimeOrigin::signed(BOB), VALI, net, 9, held, 0, false),
			Error::<Test>::UnknownSubnet
		);
	});
}

#[test]
fn move_stake_goes_through_gov() {
	build_and_execute(|| {
		let a = new_subnet();
		System::set_block_number(10_000);
		let b = new_subnet();
		register(a, VALI);
		register(b, VALI);
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(BOB),
			VALI,
			a,
			50 * GOV,
			NO_LIMIT,
			false
		));
		let held = Subnets::position_alpha(&BOB, &VALI, a);
		let q = Subnets::quote_move_stake(a, b, held).unwrap();
		// Not registered on the target: refused.
		register(b, MINER);
		assert_noop!(
			Subnets::move_stake(RuntimeOrigin::signed(BOB), 13, a, b, held, 0, false),
			Error::<Test>::HotkeyNotRegistered
		);
		// Asking for more than the rate gives is refused; the quoted rate passes.
		let rate = q.alpha_out * PRICE_ONE / q.alpha_in;
		assert_noop!(
			Subnets::move_stake(RuntimeOrigin::signed(BOB), VALI, a, b, held, rate + 1, false),
			Error::<Test>::PriceLimitExceeded
		);
		assert_ok!(Subnets::move_stake(RuntimeOrigin::signed(BOB), VALI, a, b, held, rate, false));
		assert_eq!(Subnets::position_alpha(&BOB, &VALI, a), 0);
		assert_eq!(Subnets::position_alpha(&BOB, &VALI, b), q.alpha_out);
		assert!(events().iter().any(
			|e| matches!(e, Event::StakeMoved { alpha_out, .. } if *alpha_out == q.alpha_out)
		));
	});
}

#[test]
fn nominators_share_dividends_and_slashes() {
	build_and_execute(|| {
		let net = new_subnet();
		register(net, VALI);
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(BOB),
			VALI,
			net,
			30 * GOV,
			NO_LIMIT,
			false
		));
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(CHARLIE),
			VALI,
			net,
			10 * GOV,
			NO_LIMIT,
			false
		));
		let (b, c) = (
			Subnets::position_alpha(&BOB, &VALI, net),
			Subnets::position_alpha(&CHARLIE, &VALI, net),
		);
		// A slash takes the same fraction from everyone behind the hotkey.
		assert_noop!(
			Subnets::slash_stake(
				RuntimeOrigin::signed(ALICE),
				VALI,
				net,
				Perbill::from_percent(10),
				Default::default()
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subnets::slash_stake(
				RuntimeOrigin::root(),
				VALI,
				net,
				Perbill::from_percent(51),
				Default::default()
			),
			Error::<Test>::SlashOutOfBounds
		);
		assert_noop!(
			Subnets::slash_stake(
				RuntimeOrigin::root(),
				VALI,
				net,
				Perbill::zero(),
				Default::default()
			),
			Error::<Test>::SlashOutOfBounds
		);
		assert_noop!(
			Subnets::slash_stake(
				RuntimeOrigin::root(),
				MINER,
				net,
				Perbill::from_percent(10),
				Default::default()
			),
			Error::<Test>::NothingToSlash
		);
		assert_noop!(
			Subnets::slash_stake(
				RuntimeOrigin::root(),
				VALI,
				5,
				Perbill::from_percent(10),
				Default::default()
			),
			Error::<Test>::UnknownSubnet
		);
		assert_ok!(Subnets::slash_stake(
			RuntimeOrigin::root(),
			VALI,
			net,
			Perbill::from_percent(50),
			b"double signing".to_vec().try_into().unwrap()
		));
		let (b2, c2) = (
			Subnets::position_alpha(&BOB, &VALI, net),
			Subnets::position_alpha(&CHARLIE, &VALI, net),
		);
		assert!(b2.abs_diff(b / 2) <= 1 && c2.abs_diff(c / 2) <= 1, "{b2} {c2}");
		let s = Networks::<Test>::get(net).unwrap();
		let pending = HotkeyPending::<Test>::get(net, VALI).map_or(0, |p| p.alpha);
		assert_eq!(s.alpha_outstanding, HotkeyAlpha::<Test>::get(net, VALI).alpha + pending);
	});
}

#[test]
fn set_emission_off_is_the_stoppers_and_on_the_admins() {
	build_and_execute(|| {
		let net = new_subnet();
		assert_noop!(
			Subnets::set_emission(RuntimeOrigin::signed(ALICE), net, false),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subnets::set_emission(RuntimeOrigin::root(), 3, false),
			Error::<Test>::UnknownSubnet
		);
		// Off is `StopOrigin`'s (root or the emergency track), on is `AdminOrigin`'s alone.
		assert_ok!(Subnets::set_emission(RuntimeOrigin::signed(STOPPER), net, false));
		assert!(!Networks::<Test>::get(net).unwrap().emission_enabled);
		assert!(events().contains(&Event::EmissionSet {
			netuid: net,
			enabled: false,
			forfeited: 0
		}));
		assert_noop!(
			Subnets::set_emission(RuntimeOrigin::signed(STOPPER), net, true),
			DispatchError::BadOrigin
		);
		assert_ok!(Subnets::set_emission(RuntimeOrigin::root(), net, true));
		assert!(Networks::<Test>::get(net).unwrap().emission_enabled);
	});
}

#[test]
fn try_state_catches_a_corrupted_pot() {
	build_and_execute(|| {
		new_subnet();
		Networks::<Test>::mutate(0, |s| s.as_mut().unwrap().reserves.gov += 1);
		assert!(Subnets::do_try_state().is_err());
		Networks::<Test>::mutate(0, |s| s.as_mut().unwrap().reserves.gov -= 1);
	});
}
