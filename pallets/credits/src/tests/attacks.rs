//! Tests named for the attack they stop.

use crate::{mock::*, pallet::*, Error};
use frame_support::{assert_noop, assert_ok};

#[test]
fn receipt_replay_is_rejected() {
	build_and_execute(|| {
		assert_ok!(Credits::issue(RuntimeOrigin::signed(ISSUER), BOB, CREDIT, 3, [5; 32]));
		assert_noop!(
			Credits::issue(RuntimeOrigin::signed(ISSUER), BOB, CREDIT, 3, [5; 32]),
			Error::<Test>::ReceiptAlreadyUsed
		);
		assert_eq!(Accounts::<Test>::get(BOB).free, CREDIT);
	});
}

#[test]
fn charging_beyond_the_cap_is_rejected() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, u128::MAX));
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 10 * CREDIT));
		for _ in 0..10 {
			assert_ok!(Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, CREDIT, [0; 32]));
		}
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, 1, [0; 32]),
			Error::<Test>::CapExceeded
		);
		// A single huge charge cannot overflow past the cap either.
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, u128::MAX, [0; 32]),
			Error::<Test>::Overflow
		);
		assert_eq!(Accounts::<Test>::get(ALICE).free, 90 * CREDIT);
	});
}

#[test]
fn charging_after_revoke_is_rejected() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, u128::MAX));
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 10 * CREDIT));
		assert_ok!(Credits::revoke(RuntimeOrigin::signed(ALICE), GATEWAY, 1));
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, CREDIT, [0; 32]),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn another_operator_cannot_use_an_authorization() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, u128::MAX));
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 10 * CREDIT));
		assert_noop!(
			Credits::charge(RuntimeOrigin::signed(BOB), ALICE, 1, CREDIT, [0; 32]),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn cashing_out_bought_credits_is_rejected() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, u128::MAX));
		assert_noop!(
			Credits::cash_out(RuntimeOrigin::signed(ALICE), CREDIT),
			Error::<Test>::NotCashable
		);
	});
}

#[test]
fn wash_buy_then_cash_out_gains_nothing() {
	build_and_execute(|| {
		// A contributor with earned credits buys more and tries to cash out everything.
		crate::tests::distribute::earn(BOB, 10 * CREDIT);
		assert_ok!(Credits::buy(RuntimeOrigin::signed(BOB), 100 * CREDIT, u128::MAX));
		let cashable = Accounts::<Test>::get(BOB).cashable();
		assert!(cashable <= 10 * CREDIT + 1);
		assert_noop!(
			Credits::cash_out(RuntimeOrigin::signed(BOB), cashable + 1),
			Error::<Test>::NotCashable
		);
		// Buying at $0.03 and cashing out at $0.027 always loses: run the loop and compare.
		let usd_before = usd_of(BOB);
		assert_ok!(Credits::cash_out(RuntimeOrigin::signed(BOB), cashable));
		assert_ok!(Credits::buy(RuntimeOrigin::signed(BOB), cashable, u128::MAX));
		assert!(usd_of(BOB) < usd_before);
	});
}

#[test]
fn spending_earned_credits_then_cashing_out_is_bounded_by_free() {
	build_and_execute(|| {
		crate::tests::distribute::earn(BOB, 10 * CREDIT);
		let free = Accounts::<Test>::get(BOB).free;
		assert_ok!(Credits::spend(RuntimeOrigin::signed(BOB), 1, free));
		assert_noop!(Credits::cash_out(RuntimeOrigin::signed(BOB), 1), Error::<Test>::NotCashable);
	});
}

#[test]
fn rounding_never_mints_value_over_many_tiny_buys_and_spends() {
	build_and_execute(|| {
		let usd_before = usd_of(ALICE);
		for credits in 1..=300u128 {
			assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), credits, u128::MAX));
			assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, credits));
		}
		let bought: u128 = (1..=300u128).sum();
		// Each tiny buy rounds up: at least the exact price was paid in total.
		let paid = usd_before - usd_of(ALICE);
		assert!(paid * 1_000_000 >= bought * 30_000);
		assert_eq!(TotalIssuance::<Test>::get(), bought);
		assert_eq!(Accounts::<Test>::get(ALICE).free, 0);
		// Paying out the pool in tiny pieces cannot create credits either.
		let shares = tandem_primitives::PayoutShares {
			owner: OWNER,
			permit_holders: vec![],
			validators: vec![(BOB, sp_runtime::Perbill::from_percent(33))],
			miners: vec![
				(CHARLIE, sp_runtime::Perbill::from_percent(33)),
				(10, sp_runtime::Perbill::from_percent(67)),
			],
		};
		let out =
			<Credits as tandem_primitives::CreditsInterface<AccountId>>::distribute(1, &shares)
				.unwrap();
		assert_eq!(
			out.protocol_fee + out.owner + out.validators + out.miners + out.carried_over,
			bought
		);
	});
}

#[test]
fn slashing_above_the_bound_is_rejected() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, u128::MAX));
		assert_noop!(
			Credits::slash(RuntimeOrigin::root(), ALICE, 50 * CREDIT + 1, vec![]),
			Error::<Test>::SlashAboveBound
		);
		assert_noop!(
			Credits::slash(RuntimeOrigin::root(), BOB, 1, vec![]),
			Error::<Test>::SlashAboveBound
		);
	});
}

#[test]
fn slashed_earned_credits_cannot_be_cashed_out() {
	build_and_execute(|| {
		crate::tests::distribute::earn(BOB, 100 * CREDIT);
		let free = Accounts::<Test>::get(BOB).free;
		assert_ok!(Credits::slash(RuntimeOrigin::root(), BOB, free / 2, vec![]));
		assert_eq!(Accounts::<Test>::get(BOB).cashable(), free - free / 2);
		assert_noop!(
			Credits::cash_out(RuntimeOrigin::signed(BOB), free - free / 2 + 1),
			Error::<Test>::NotCashable
		);
	});
}

#[test]
fn no_transfer_call_exists() {
	// Exhaustive over the pallet's calls: none moves credits from one user to another.
	use crate::pallet::Call;
	use frame_support::traits::GetCallName;
	let names = Call::<Test>::get_call_names();
	for name in names {
		assert!(!name.contains("transfer"), "unexpected call {name}");
	}
	assert_eq!(
		names,
		&[
			"buy",
			"issue",
			"spend",
			"authorize",
			"revoke",
			"charge",
			"cash_out",
			"slash",
			"add_issuer",
			"remove_issuer"
		]
	);
}

/// A `PayoutRate` cut: the backing of credits already bought stays in the vault. Only the
/// protocol fee's backing at the new rate reaches the buyback pot; the surplus the cut frees
/// is never swept, so no contributor backing turns into buyback money.
#[test]
fn a_payout_rate_cut_moves_no_contributor_backing_to_the_pot() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 100 * CREDIT, u128::MAX));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 100 * CREDIT));
		PayoutRate::set(24_000);
		let (vault_before, pot_before) = (usd_of(vault()), usd_of(BUYBACK));
		let shares = tandem_primitives::PayoutShares {
			owner: OWNER,
			permit_holders: vec![],
			validators: vec![(BOB, sp_runtime::Perbill::one())],
			miners: vec![(CHARLIE, sp_runtime::Perbill::one())],
		};
		let out =
			<Credits as tandem_primitives::CreditsInterface<AccountId>>::distribute(1, &shares)
				.unwrap();
		// 10 fee credits at the new $0.024: $0.24 to the pot, nothing more.
		assert_eq!(out.protocol_fee, 10 * CREDIT);
		assert_eq!(usd_of(BUYBACK) - pot_before, 240_000);
		assert_eq!(vault_before - usd_of(vault()), 240_000);
		// The 90 earned credits are backed at $0.024 ($2.16); the $0.30 the cut freed stays.
		assert_eq!(usd_of(vault()) - 1, 2_460_000);
		let profit_of_the_pot = (usd_of(BUYBACK) - pot_before) as i128 - 240_000;
		assert!(profit_of_the_pot <= 0);
		PayoutRate::set(27_000);
	});
}

/// Receipt ids are each gateway's own payment references. Kept in one global set, a gateway
/// could use another's upcoming ids first and so block its genuine issues. Kept per issuer,
/// the squatter only uses up its own namespace; the victim's issue goes through, and each
/// gateway still cannot replay its own receipts.
#[test]
fn a_gateway_cannot_squat_another_gateways_receipts() {
	build_and_execute(|| {
		assert_ok!(Credits::add_issuer(RuntimeOrigin::root(), GATEWAY));
		assert_ok!(Credits::issue(RuntimeOrigin::signed(GATEWAY), ALICE, CREDIT, 3, [7; 32]));
		assert_ok!(Credits::issue(RuntimeOrigin::signed(ISSUER), BOB, CREDIT, 3, [7; 32]));
		assert!(UsedReceipts::<Test>::contains_key(GATEWAY, [7; 32]));
		assert!(UsedReceipts::<Test>::contains_key(ISSUER, [7; 32]));
		for gateway in [GATEWAY, ISSUER] {
			assert_noop!(
				Credits::issue(RuntimeOrigin::signed(gateway), BOB, CREDIT, 3, [7; 32]),
				Error::<Test>::ReceiptAlreadyUsed
			);
		}
	});
}

/// A contributor holding no USD who cashes out less than the asset's minimum balance used to
/// see `VaultShort` — as if the vault could not pay. The error now names the condition, and a
/// cash-out of at least the minimum goes through.
#[test]
fn a_small_first_cash_out_names_the_usd_minimum() {
	build_and_execute(|| {
		set_usd_min_balance(USD_CENT);
		let fresh: AccountId = 50;
		super::distribute::earn(fresh, 10 * CREDIT);
		// 0.1 credit pays about $0.0025, below the one-cent minimum.
		assert_noop!(
			Credits::cash_out(RuntimeOrigin::signed(fresh), CREDIT / 10),
			Error::<Test>::CashOutBelowUsdMinimum
		);
		assert_ok!(Credits::cash_out(RuntimeOrigin::signed(fresh), 5 * CREDIT));
		assert!(usd_of(fresh) >= USD_CENT);
		// Once it holds USD, smaller cash-outs are fine.
		assert_ok!(Credits::cash_out(RuntimeOrigin::signed(fresh), CREDIT / 10));
	});
}
