//! Happy paths and every error of each call.

use crate::{mock::*, pallet::*, types::*, Error};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use sp_runtime::DispatchError;

fn buy(who: AccountId, credits: u128) {
	assert_ok!(Credits::buy(RuntimeOrigin::signed(who), credits, u128::MAX));
}

#[test]
fn integrity_test_passes() {
	build_and_execute(<Credits as Hooks<u64>>::integrity_test);
}

#[test]
fn buy_moves_usd_to_vault_and_mints() {
	build_and_execute(|| {
		let vault_before = usd_of(vault());
		let sufficients = System::sufficients(&ALICE);
		let pot_before = usd_of(BUYBACK);
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, 3_000_000));
		assert_eq!(Accounts::<Test>::get(ALICE).free, 100 * CREDIT);
		// 100 × $0.03 paid: the backing (100 × $0.027) stays, the spread goes to the pot.
		assert_eq!(usd_of(vault()) - vault_before, 2_700_000);
		assert_eq!(usd_of(BUYBACK) - pot_before, 300_000);
		assert_eq!(usd_of(ALICE), USD_ENDOWMENT - 3_000_000);
		assert_eq!(TotalIssuance::<Test>::get(), 100 * CREDIT);
		assert_eq!(
			last_event(),
			Event::<Test>::Bought {
				who: ALICE,
				credits: 100 * CREDIT,
				usd: 3_000_000,
				spread: 300_000
			}
			.into()
		);
		// A credits record gives the account a sufficients reference (it may sign).
		assert_eq!(System::sufficients(&ALICE), sufficients + 1);
		// Only once per account.
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), CREDIT, u128::MAX));
		assert_eq!(System::sufficients(&ALICE), sufficients + 1);
	});
}

#[test]
fn buy_errors() {
	build_and_execute(|| {
		assert_noop!(Credits::buy(RuntimeOrigin::signed(ALICE), 0, 1), Error::<Test>::ZeroAmount);
		assert_noop!(
			Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, 2_999_999),
			Error::<Test>::PriceAboveLimit
		);
		assert_noop!(
			Credits::buy(RuntimeOrigin::signed(ALICE), u128::MAX, u128::MAX),
			Error::<Test>::Overflow
		);
		// 99 has no USD at all.
		assert_noop!(
			Credits::buy(RuntimeOrigin::signed(99), CREDIT, u128::MAX),
			Error::<Test>::InsufficientUsd
		);
		assert_noop!(
			Credits::buy(RuntimeOrigin::root(), CREDIT, u128::MAX),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn buy_rounds_up() {
	build_and_execute(|| {
		let before = usd_of(ALICE);
		// 1 micro-credit costs 0.03 micro-USD: rounds up to 1.
		buy(ALICE, 1);
		assert_eq!(before - usd_of(ALICE), 1);
	});
}

#[test]
fn issue_pays_from_gateway_and_records_fiat() {
	build_and_execute(|| {
		assert_ok!(Credits::issue(RuntimeOrigin::signed(ISSUER), BOB, 50 * CREDIT, 1_500, [1; 32]));
		assert_eq!(Accounts::<Test>::get(BOB).free, 50 * CREDIT);
		assert_eq!(usd_of(ISSUER), USD_ENDOWMENT - 1_500_000);
		assert_eq!(usd_of(BOB), USD_ENDOWMENT);
		assert_eq!(FiatRevenue::<Test>::get(), 1_500);
		assert!(UsedReceipts::<Test>::contains_key(ISSUER, [1; 32]));
	});
}

#[test]
fn issue_errors() {
	build_and_execute(|| {
		assert_noop!(
			Credits::issue(RuntimeOrigin::signed(ALICE), BOB, CREDIT, 1, [1; 32]),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Credits::issue(RuntimeOrigin::signed(ISSUER), BOB, 0, 1, [1; 32]),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(Credits::add_issuer(RuntimeOrigin::root(), 99));
		assert_noop!(
			Credits::issue(RuntimeOrigin::signed(99), BOB, CREDIT, 1, [2; 32]),
			Error::<Test>::InsufficientUsd
		);
	});
}

#[test]
fn spend_moves_credits_into_the_subnet_pool() {
	build_and_execute(|| {
		buy(ALICE, 10 * CREDIT);
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 4 * CREDIT));
		let acc = Accounts::<Test>::get(ALICE);
		assert_eq!((acc.free, acc.spent_total), (6 * CREDIT, 4 * CREDIT));
		assert_eq!(
			Pools::<Test>::get(1),
			SubnetPool {
				balance: 4 * CREDIT,
				spent_total: 4 * CREDIT,
				distributed_total: 0,
				paid_total: 4 * CREDIT,
				paid_balance: 4 * CREDIT,
				paid_usd_total: 120_000,
				generation: 0,
			}
		);
		assert_eq!(TotalIssuance::<Test>::get(), 10 * CREDIT);
		assert_eq!(
			last_event(),
			Event::<Test>::Spent { who: ALICE, netuid: 1, credits: 4 * CREDIT, paid: 4 * CREDIT }
				.into()
		);
	});
}

#[test]
fn spend_errors() {
	build_and_execute(|| {
		buy(ALICE, CREDIT);
		assert_noop!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Credits::spend(RuntimeOrigin::signed(ALICE), 7, 1),
			Error::<Test>::UnknownSubnet
		);
		assert_noop!(
			Credits::spend(RuntimeOrigin::signed(ALICE), 1, CREDIT + 1),
			Error::<Test>::InsufficientCredits
		);
	});
}

#[test]
fn authorize_charge_revoke() {
	build_and_execute(|| {
		buy(ALICE, 10 * CREDIT);
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 5 * CREDIT));
		assert_ok!(Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, 2 * CREDIT, [9; 32]));
		assert_eq!(
			last_event(),
			Event::<Test>::Charged {
				operator: GATEWAY,
				user: ALICE,
				netuid: 1,
				credits: 2 * CREDIT,
				paid: 2 * CREDIT,
				usage_ref: [9; 32],
				remaining: 3 * CREDIT
			}
			.into()
		);
		assert_eq!(Pools::<Test>::get(1).balance, 2 * CREDIT);
		// Credits go to the pool, never to the operator.
		assert_eq!(Accounts::<Test>::get(GATEWAY).free, 0);
		assert_eq!(Authorizations::<Test>::get((ALICE, GATEWAY, 1)).unwrap().used, 2 * CREDIT);
		// Re-authorizing keeps what was used.
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 4 * CREDIT));
		assert_eq!(
			Authorizations::<Test>::get((ALICE, GATEWAY, 1)).unwrap().remaining(),
			2 * CREDIT
		);
		assert_ok!(Credits::revoke(RuntimeOrigin::signed(ALICE), GATEWAY, 1));
		assert!(Authorizations::<Test>::get((ALICE, GATEWAY, 1)).is_none());
	});
}

/// An operator authorized on a subnet that was dissolved cannot charge the subnet that reuses
/// its netuid: the user never authorized that one.
#[test]
fn an_authorization_ends_with_its_dissolved_subnet() {
	build_and_execute(|| {
		buy(ALICE, 10 * CREDIT);
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 5 * CREDIT));
		assert_ok!(Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, 2 * CREDIT, [1; 32]));
		assert_ok!(<Credits as tandem_primitives::CreditsInterface<AccountId>>::retire_pool(1));
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, CREDIT, [2; 32]),
			Error::<Test>::AuthorizationExpired
		);
		// Authorized again, for the new subnet: nothing used yet.
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 5 * CREDIT));
		assert_eq!(
			Authorizations::<Test>::get((ALICE, GATEWAY, 1)).unwrap().remaining(),
			5 * CREDIT
		);
		assert_ok!(Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, CREDIT, [3; 32]));
	});
}

#[test]
fn authorize_charge_revoke_errors() {
	build_and_execute(|| {
		buy(ALICE, CREDIT);
		assert_noop!(
			Credits::authorize(RuntimeOrigin::signed(ALICE), ALICE, 1, CREDIT),
			Error::<Test>::SelfAuthorization
		);
		assert_noop!(
			Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 9, CREDIT),
			Error::<Test>::UnknownSubnet
		);
		assert_noop!(
			Credits::revoke(RuntimeOrigin::signed(ALICE), GATEWAY, 1),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, CREDIT, [0; 32]),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 10 * CREDIT));
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, 0, [0; 32]),
			Error::<Test>::ZeroAmount
		);
		// Within the cap but above the balance.
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, 2 * CREDIT, [0; 32]),
			Error::<Test>::InsufficientCredits
		);
		// The authorization is per subnet.
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 2, 1, [0; 32]),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn cash_out_pays_earned_credits_at_payout_rate() {
	build_and_execute(|| {
		crate::tests::distribute::earn(BOB, 100 * CREDIT);
		let before = usd_of(BOB);
		assert_ok!(Credits::cash_out(RuntimeOrigin::signed(BOB), 40 * CREDIT));
		assert_eq!(usd_of(BOB) - before, 1_080_000); // 40 × $0.027
		let acc = Accounts::<Test>::get(BOB);
		assert_eq!(acc.cashed_out_total, 40 * CREDIT);
		assert_eq!(acc.cashable(), acc.free.min(acc.earned_total - 40 * CREDIT));
		assert_eq!(
			last_event(),
			Event::<Test>::CashedOut { who: BOB, credits: 40 * CREDIT, usd: 1_080_000 }.into()
		);
	});
}

#[test]
fn cash_out_errors() {
	build_and_execute(|| {
		assert_noop!(Credits::cash_out(RuntimeOrigin::signed(BOB), 0), Error::<Test>::ZeroAmount);
		assert_noop!(Credits::cash_out(RuntimeOrigin::signed(BOB), 1), Error::<Test>::NotCashable);
		crate::tests::distribute::earn(BOB, 10 * CREDIT);
		// 1 micro-credit is worth 0.027 micro-USD: nothing to pay, refused.
		assert_noop!(
			Credits::cash_out(RuntimeOrigin::signed(BOB), 1),
			Error::<Test>::CashOutTooSmall
		);
	});
}

#[test]
fn cash_out_with_a_short_vault_changes_nothing() {
	build_and_execute(|| {
		crate::tests::distribute::earn(BOB, 100 * CREDIT);
		// Governance raises the payout above what the vault holds (and above the price).
		PayoutRate::set(10_000_000);
		let acc = Accounts::<Test>::get(BOB);
		assert_noop!(
			Credits::cash_out(RuntimeOrigin::signed(BOB), 100 * CREDIT),
			Error::<Test>::VaultShort
		);
		assert_eq!(Accounts::<Test>::get(BOB), acc);
		PayoutRate::set(27_000);
	});
}

#[test]
fn slash_burns_and_sends_backing_to_treasury() {
	build_and_execute(|| {
		buy(ALICE, 100 * CREDIT);
		let treasury = usd_of(TREASURY);
		assert_ok!(Credits::slash(RuntimeOrigin::root(), ALICE, 50 * CREDIT, b"fraud".to_vec()));
		assert_eq!(Accounts::<Test>::get(ALICE).free, 50 * CREDIT);
		assert_eq!(TotalIssuance::<Test>::get(), 50 * CREDIT);
		assert_eq!(usd_of(TREASURY) - treasury, 1_350_000); // 50 × $0.027
	});
}

#[test]
fn slash_errors() {
	build_and_execute(|| {
		buy(ALICE, 100 * CREDIT);
		assert_noop!(
			Credits::slash(RuntimeOrigin::signed(ALICE), ALICE, CREDIT, vec![]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::slash(RuntimeOrigin::root(), ALICE, 0, vec![]),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Credits::slash(RuntimeOrigin::root(), ALICE, CREDIT, vec![0; 65]),
			Error::<Test>::ReasonTooLong
		);
	});
}

#[test]
fn issuer_management() {
	build_and_execute(|| {
		assert_noop!(
			Credits::add_issuer(RuntimeOrigin::signed(ALICE), 5),
			DispatchError::BadOrigin
		);
		assert_ok!(Credits::add_issuer(RuntimeOrigin::root(), 5));
		assert_noop!(Credits::add_issuer(RuntimeOrigin::root(), 5), Error::<Test>::AlreadyIssuer);
		assert_ok!(Credits::remove_issuer(RuntimeOrigin::root(), 5));
		assert_noop!(Credits::remove_issuer(RuntimeOrigin::root(), 5), Error::<Test>::NotIssuer);
		assert_noop!(
			Credits::remove_issuer(RuntimeOrigin::signed(5), ISSUER),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn metrics_and_ratios() {
	build_and_execute(|| {
		buy(ALICE, 100 * CREDIT); // $3 revenue
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 50 * CREDIT));
		let t = Credits::totals();
		assert_eq!(t.total_issuance, 100 * CREDIT);
		assert_eq!(t.usd_revenue_12m, 3_000_000);
		assert_eq!(t.credits_redeemed_12m, 50 * CREDIT);
		// $3 for 50 credits redeemed: $0.06 per credit.
		assert_eq!(t.credit_ratio_ppm, Some(60_000));
		// vault $2.70 + 1 unit vs 100 × $0.027 = $2.70: the spread went to the pot.
		assert_eq!(t.backing_ratio_ppm, Some((2_700_001u128 * 1_000_000) / 2_700_000));
		let a = Credits::account_credits(&ALICE);
		assert_eq!((a.free, a.spent_total, a.cashable), (50 * CREDIT, 50 * CREDIT, 0));
	});
}

#[test]
fn metrics_roll_over_after_twelve_months() {
	build_and_execute(|| {
		buy(ALICE, 100 * CREDIT);
		System::set_block_number(1 + 12 * tandem_primitives::time::MONTH as u64);
		assert_eq!(
			Credits::totals().usd_revenue_12m,
			0,
			"a year later the month is out of the window"
		);
		buy(ALICE, CREDIT);
		assert_eq!(Credits::totals().usd_revenue_12m, 30_000);
	});
}
