//! The epoch payout interface used by the subnets pallet.

use crate::{mock::*, pallet::*, Error};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;
use tandem_primitives::{CreditsInterface, PayoutOutcome, PayoutShares};

/// Makes `who` earn `credits` the way contributors do: a user spends on subnet 2 and the pool
/// is paid out with `who` as the only miner (and owner and validator, so all but the fee).
pub fn earn(who: AccountId, credits: u128) {
	// Gross up so that after the 10 % fee `who` receives exactly `credits`: pool = credits / 0.9.
	let pool = credits * 10 / 9 + 1;
	assert_ok!(Credits::buy(RuntimeOrigin::signed(CHARLIE), pool, u128::MAX));
	assert_ok!(Credits::spend(RuntimeOrigin::signed(CHARLIE), 2, pool));
	let shares = PayoutShares {
		owner: who,
		permit_holders: vec![],
		validators: vec![(who, Perbill::one())],
		miners: vec![(who, Perbill::one())],
	};
	assert_ok!(<Credits as CreditsInterface<AccountId>>::distribute(2, &shares));
}

fn pool_of(netuid: u16) -> u128 {
	<Credits as CreditsInterface<AccountId>>::pool_of(netuid)
}

#[test]
fn distribute_pays_fee_owner_validators_miners_as_earned() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 1_000 * CREDIT, u128::MAX));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 1_000 * CREDIT));
		let buyback = usd_of(BUYBACK);
		let shares = PayoutShares {
			owner: OWNER,
			permit_holders: vec![],
			validators: vec![
				(BOB, Perbill::from_percent(60)),
				(CHARLIE, Perbill::from_percent(40)),
			],
			miners: vec![(10, Perbill::from_percent(50)), (11, Perbill::from_percent(50))],
		};
		let out = <Credits as CreditsInterface<AccountId>>::distribute(1, &shares).unwrap();
		assert_eq!(
			out,
			PayoutOutcome {
				pool_before: 1_000 * CREDIT,
				protocol_fee: 100 * CREDIT,
				protocol_fee_usd: 2_700_000,
				owner: 50 * CREDIT,
				validators: 150 * CREDIT,
				miners: 700 * CREDIT,
				carried_over: 0,
			}
		);
		assert_eq!(usd_of(BUYBACK) - buyback, 2_700_000);
		assert_eq!(Accounts::<Test>::get(OWNER).earned_total, 50 * CREDIT);
		assert_eq!(Accounts::<Test>::get(BOB).earned_total, 90 * CREDIT);
		assert_eq!(Accounts::<Test>::get(CHARLIE).earned_total, 60 * CREDIT);
		assert_eq!(Accounts::<Test>::get(10).free, 350 * CREDIT);
		assert_eq!(Accounts::<Test>::get(11).earned_total, 350 * CREDIT);
		// Miners' earnings from a paid pool are their airdrop basis; the owner's and the
		// validators' are not.
		assert_eq!(<Credits as CreditsInterface<AccountId>>::airdrop_basis(&11), 350 * CREDIT);
		assert_eq!(Accounts::<Test>::get(OWNER).airdrop_basis, 0);
		assert_eq!(Accounts::<Test>::get(BOB).airdrop_basis, 0);
		assert_eq!(pool_of(1), 0);
		assert_eq!(TotalIssuance::<Test>::get(), 900 * CREDIT);
	});
}

#[test]
fn no_consensus_carries_the_pool_over() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 10 * CREDIT, u128::MAX));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 10 * CREDIT));
		let shares = PayoutShares {
			owner: OWNER,
			permit_holders: vec![],
			validators: vec![(BOB, Perbill::one())],
			miners: vec![],
		};
		let out = <Credits as CreditsInterface<AccountId>>::distribute(1, &shares).unwrap();
		assert_eq!(out.carried_over, 10 * CREDIT);
		assert_eq!(pool_of(1), 10 * CREDIT, "users' payments never vanish");
		assert_eq!(Accounts::<Test>::get(OWNER).free, 0);
		// Next epoch with consensus pays the carried pool.
		let shares = PayoutShares {
			owner: OWNER,
			permit_holders: vec![],
			validators: vec![],
			miners: vec![(BOB, Perbill::one())],
		};
		let out = <Credits as CreditsInterface<AccountId>>::distribute(1, &shares).unwrap();
		assert_eq!(out.pool_before, 10 * CREDIT);
		// No validators listed: their 15 % carries over.
		assert_eq!(out.carried_over, 15 * CREDIT / 10);
	});
}

#[test]
fn distribute_with_a_new_parameter_uses_it() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, u128::MAX));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 100 * CREDIT));
		ProtocolFee::set(Perbill::from_percent(20));
		let shares = PayoutShares {
			owner: OWNER,
			permit_holders: vec![],
			validators: vec![],
			miners: vec![(BOB, Perbill::one())],
		};
		let out = <Credits as CreditsInterface<AccountId>>::distribute(1, &shares).unwrap();
		assert_eq!(out.protocol_fee, 20 * CREDIT);
		ProtocolFee::set(Perbill::from_percent(10));
	});
}

#[test]
fn distribution_shares_above_one_are_refused_and_change_nothing() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, u128::MAX));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 100 * CREDIT));
		let over = vec![(BOB, Perbill::from_percent(60)), (CHARLIE, Perbill::from_percent(41))];
		let shares = PayoutShares {
			owner: OWNER,
			permit_holders: vec![],
			validators: over.clone(),
			miners: vec![(BOB, Perbill::one())],
		};
		assert_noop!(
			<Credits as CreditsInterface<AccountId>>::distribute(1, &shares),
			Error::<Test>::SharesExceedOne
		);
		let shares =
			PayoutShares { owner: OWNER, permit_holders: vec![], validators: vec![], miners: over };
		assert_noop!(
			<Credits as CreditsInterface<AccountId>>::distribute(1, &shares),
			Error::<Test>::SharesExceedOne
		);
		ValidatorCut::set(Perbill::from_percent(90));
		let shares = PayoutShares {
			owner: OWNER,
			permit_holders: vec![],
			validators: vec![],
			miners: vec![(BOB, Perbill::one())],
		};
		assert_noop!(
			<Credits as CreditsInterface<AccountId>>::distribute(1, &shares),
			Error::<Test>::CutsExceedOne
		);
		ValidatorCut::set(Perbill::from_percent(15));
	});
}

#[test]
fn retiring_a_dissolved_subnets_pool_burns_it_into_the_buyback_pot() {
	build_and_execute(|| {
		assert_eq!(<Credits as CreditsInterface<AccountId>>::retire_pool(1), Ok((0, 0)));
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 10 * CREDIT, u128::MAX));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 10 * CREDIT));
		let (buyback, issuance) = (usd_of(BUYBACK), TotalIssuance::<Test>::get());
		// At the payout rate ($0.027 a credit): the backing of 10 credits is $0.27.
		let out = <Credits as CreditsInterface<AccountId>>::retire_pool(1).unwrap();
		assert_eq!(out, (10 * CREDIT, 270_000));
		assert_eq!(usd_of(BUYBACK) - buyback, 270_000);
		assert_eq!(issuance - TotalIssuance::<Test>::get(), 10 * CREDIT);
		assert_eq!(pool_of(1), 0);
		// The revenue totals stay: a netuid reused later counts its revenue from them on.
		assert_eq!(<Credits as CreditsInterface<AccountId>>::paid_total(1), 10 * CREDIT);
		System::assert_last_event(
			Event::PoolRetired { netuid: 1, credits: 10 * CREDIT, usd: 270_000 }.into(),
		);
	});
}
