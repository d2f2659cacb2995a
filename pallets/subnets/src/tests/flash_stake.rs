//! Flash stake around an epoch: stake added one block before it and removed one block after.
//! Each test runs the scenario twice — with the flash and without — and measures what the
//! flash changed for the attacker: credits, alpha and GOV. None may grow.

use crate::{mock::*, pallet::*};
use frame_support::{assert_ok, traits::fungible::Inspect, BoundedVec};

const NO_LIMIT: u128 = u128::MAX;
/// The attacker's validator and miner hotkeys (their coldkeys are `cold(·)`).
const ATTACK_VALI: AccountId = 14;
const ATTACK_MINER: AccountId = 15;

/// What the attacker holds: credits earned, alpha in positions, GOV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Holdings {
	credits: u128,
	alpha: u128,
	gov: u128,
}

fn holdings(coldkeys: &[AccountId]) -> Holdings {
	let mut h = Holdings { credits: 0, alpha: 0, gov: 0 };
	for who in coldkeys {
		h.credits += MockCredits::earned(*who);
		h.alpha += Subnets::positions_of(who).iter().map(|p| p.alpha).sum::<u128>();
		h.gov += Balances::balance(who);
	}
	h
}

fn stake(who: AccountId, hot: AccountId, net: u16, gov: u128) {
	assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(who), hot, net, gov, NO_LIMIT, false));
}

fn unstake_all(who: AccountId, hot: AccountId, net: u16) {
	let held = Subnets::position_alpha(&who, &hot, net);
	assert_ok!(Subnets::remove_stake(RuntimeOrigin::signed(who), hot, net, held, 0, false));
}

fn weights(hot: AccountId, net: u16, uid: u16) {
	assert_ok!(Yuma::set_weights(
		RuntimeOrigin::signed(hot),
		net,
		BoundedVec::truncate_from(vec![uid]),
		BoundedVec::truncate_from(vec![1]),
		0
	));
}

/// An honest validator (100 GOV of BOB's stake) scores the honest miner; the attacker's
/// validator (20 GOV of its own, held for an epoch) scores the attacker's miner. With `flash`,
/// the attacker stakes 1,000 GOV more to its validator one block before the epoch at block 20
/// — enough to hold most of the stake, above κ — and takes it out one block after.
fn consensus_capture(flash: bool) -> Holdings {
	let mut out = None;
	new_test_ext().execute_with(|| {
		let net = new_subnet();
		for hot in [VALI, MINER, ATTACK_VALI, ATTACK_MINER] {
			register(net, hot);
		}
		stake(BOB, VALI, net, 100 * GOV);
		stake(cold(ATTACK_VALI), ATTACK_VALI, net, 20 * GOV);
		// Both stakes were held across an earlier payout.
		PayoutRound::<Test>::mutate(net, |r| *r += 1);
		run_to(10);
		weights(VALI, net, 1);
		weights(ATTACK_VALI, net, 3);
		MockEmission::launch(GOV);
		MockEmission::cheap_gov();
		MockCredits::spend(net, 4_000_000);
		run_to(19);
		if flash {
			stake(CHARLIE, ATTACK_VALI, net, 1_000 * GOV);
		}
		run_to(21);
		if flash {
			unstake_all(CHARLIE, ATTACK_VALI, net);
		}
		out = Some(holdings(&[cold(ATTACK_VALI), cold(ATTACK_MINER), CHARLIE]));
		Subnets::do_try_state().expect("subnets invariants hold");
		Yuma::do_try_state().expect("yuma invariants hold");
	});
	out.expect("ran")
}

/// Flash stake that would hold most of the stake at the epoch is not counted there: the honest
/// validator keeps consensus, the honest miner is paid, and the attacker ends with no more
/// credits, no more alpha and less GOV (two swap fees) than without the flash.
#[test]
fn flash_stake_cannot_capture_consensus() {
	let honest = consensus_capture(false);
	let flash = consensus_capture(true);
	assert!(flash.credits <= honest.credits, "{flash:?} vs {honest:?}");
	assert!(flash.alpha <= honest.alpha, "{flash:?} vs {honest:?}");
	assert!(flash.gov < honest.gov, "the round trip pays fees: {flash:?} vs {honest:?}");
}

/// BOB nominates the validator for an epoch; with `flash`, CHARLIE stakes 100 GOV to it one
/// block before the epoch at block 20 and takes it all out one block after. Returns CHARLIE's
/// GOV after, and the alpha its stake bought and sold.
fn dividend_snipe(flash: bool) -> (u128, u128, u128) {
	let mut out = None;
	new_test_ext().execute_with(|| {
		let net = new_subnet();
		for hot in [VALI, MINER] {
			register(net, hot);
		}
		stake(BOB, VALI, net, 100 * GOV);
		PayoutRound::<Test>::mutate(net, |r| *r += 1);
		run_to(10);
		weights(VALI, net, 1);
		MockEmission::launch(GOV);
		MockEmission::cheap_gov();
		MockCredits::spend(net, 4_000_000);
		run_to(19);
		if flash {
			stake(CHARLIE, VALI, net, 100 * GOV);
		}
		run_to(21);
		if flash {
			unstake_all(CHARLIE, VALI, net);
		}
		let dividends = events().into_iter().find_map(|e| match e {
			Event::EpochPaid { alpha_validators, .. } if alpha_validators > 0 => Some(()),
			_ => None,
		});
		assert!(dividends.is_some(), "the epoch paid validators' dividends");
		let (mut bought, mut sold) = (0, 0);
		for e in events() {
			match e {
				Event::StakeAdded { coldkey: CHARLIE, alpha_out, .. } => bought += alpha_out,
				Event::StakeRemoved { coldkey: CHARLIE, alpha_in, .. } => sold += alpha_in,
				_ => {}
			}
		}
		out = Some((Balances::balance(&CHARLIE), bought, sold));
		Subnets::do_try_state().expect("subnets invariants hold");
	});
	out.expect("ran")
}

/// Dividends compound only into stake that was held across the epoch boundary: the sniper's
/// stake waits in the hotkey's pending pool through the payout and comes back as the alpha it
/// bought (less a unit of rounding) — none of the dividends, which stay with BOB, who held — so
/// CHARLIE ends
/// with less GOV than it started with (two swap fees).
#[test]
fn flash_stake_cannot_snipe_nominator_dividends() {
	let (charlie_before, _, _) = dividend_snipe(false);
	let (charlie_after, bought, sold) = dividend_snipe(true);
	assert!(sold <= bought, "the sniper took dividends: bought {bought}, sold {sold}");
	assert!(
		charlie_after < charlie_before,
		"profit {}",
		charlie_after as i128 - charlie_before as i128
	);
}
