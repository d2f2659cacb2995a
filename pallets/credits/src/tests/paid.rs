//! Paid revenue: bought and issued credits are paid until spent, spends take them first, and
//! only paid credits count as a subnet's revenue.

use crate::{mock::*, pallet::*, tests::distribute::earn, Error};
use frame_support::{assert_noop, assert_ok};
use tandem_primitives::CreditsInterface;

fn buy(who: AccountId, credits: u128) {
	assert_ok!(Credits::buy(RuntimeOrigin::signed(who), credits, u128::MAX));
}

fn paid_total(netuid: u16) -> u128 {
	<Credits as CreditsInterface<AccountId>>::paid_total(netuid)
}

#[test]
fn bought_and_issued_credits_are_paid() {
	build_and_execute(|| {
		buy(ALICE, 10 * CREDIT);
		assert_ok!(Credits::issue(RuntimeOrigin::signed(ISSUER), ALICE, 5 * CREDIT, 150, [7; 32]));
		let acc = Accounts::<Test>::get(ALICE);
		assert_eq!((acc.free, acc.paid), (15 * CREDIT, 15 * CREDIT));
		assert_eq!(Credits::account_credits(&ALICE).paid, 15 * CREDIT);
	});
}

#[test]
fn a_spend_takes_paid_credits_first_and_the_rest_is_recycled() {
	build_and_execute(|| {
		earn(BOB, 10 * CREDIT);
		buy(BOB, 5 * CREDIT);
		let before = Accounts::<Test>::get(BOB);
		assert_eq!(before.paid, 5 * CREDIT);
		let month_before = Credits::metrics_12m();

		assert_ok!(Credits::spend(RuntimeOrigin::signed(BOB), 1, 8 * CREDIT));
		assert_eq!(
			last_event(),
			Event::<Test>::Spent { who: BOB, netuid: 1, credits: 8 * CREDIT, paid: 5 * CREDIT }
				.into()
		);
		let acc = Accounts::<Test>::get(BOB);
		assert_eq!((acc.free, acc.paid), (before.free - 8 * CREDIT, 0));
		let pool = Pools::<Test>::get(1);
		assert_eq!((pool.paid_total, pool.recycled_total()), (5 * CREDIT, 3 * CREDIT));
		assert_eq!(paid_total(1), 5 * CREDIT);
		let month = Credits::metrics_12m();
		assert_eq!(month.credits_paid - month_before.credits_paid, 5 * CREDIT);
		assert_eq!(month.credits_recycled() - month_before.credits_recycled(), 3 * CREDIT);
		assert_eq!(month.credits_redeemed - month_before.credits_redeemed, 8 * CREDIT);
		let totals = Credits::totals();
		assert_eq!(totals.credits_paid_12m, month.credits_paid);
		assert_eq!(totals.credits_recycled_12m, month.credits_recycled());
	});
}

#[test]
fn a_charge_takes_paid_credits_first() {
	build_and_execute(|| {
		earn(ALICE, 10 * CREDIT);
		buy(ALICE, 2 * CREDIT);
		assert_ok!(Credits::authorize(RuntimeOrigin::signed(ALICE), GATEWAY, 1, 5 * CREDIT));
		assert_ok!(Credits::charge(RuntimeOrigin::signed(GATEWAY), ALICE, 1, 3 * CREDIT, [1; 32]));
		assert_eq!(
			last_event(),
			Event::<Test>::Charged {
				operator: GATEWAY,
				user: ALICE,
				netuid: 1,
				credits: 3 * CREDIT,
				paid: 2 * CREDIT,
				usage_ref: [1; 32],
				remaining: 2 * CREDIT
			}
			.into()
		);
		let pool = Pools::<Test>::get(1);
		assert_eq!((pool.paid_total, pool.recycled_total()), (2 * CREDIT, CREDIT));
	});
}

#[test]
fn only_earned_credits_spent_again_are_recycled_revenue_is_not_faked_by_them() {
	build_and_execute(|| {
		earn(BOB, 10 * CREDIT);
		let free = Accounts::<Test>::get(BOB).free;
		assert_ok!(Credits::spend(RuntimeOrigin::signed(BOB), 1, free));
		let pool = Pools::<Test>::get(1);
		assert_eq!((pool.paid_total, pool.recycled_total()), (0, free));
		assert_eq!(paid_total(1), 0);
	});
}

#[test]
fn bought_credits_are_never_cashable_even_after_the_earned_ones_were_spent() {
	build_and_execute(|| {
		// Earned credits spent (recycled), then credits bought: `earned − cashed_out` is still
		// positive, but nothing held was earned.
		earn(BOB, 10 * CREDIT);
		let earned = Accounts::<Test>::get(BOB).free;
		assert_ok!(Credits::spend(RuntimeOrigin::signed(BOB), 1, earned));
		buy(BOB, 10 * CREDIT);
		let acc = Accounts::<Test>::get(BOB);
		assert!(acc.earned_total > acc.cashed_out_total);
		assert_eq!(acc.cashable(), 0);
		assert_noop!(Credits::cash_out(RuntimeOrigin::signed(BOB), 1), Error::<Test>::NotCashable);
	});
}

#[test]
fn earned_credits_beside_paid_ones_stay_cashable() {
	build_and_execute(|| {
		earn(BOB, 10 * CREDIT);
		let earned = Accounts::<Test>::get(BOB).free;
		buy(BOB, 100 * CREDIT);
		assert_eq!(Accounts::<Test>::get(BOB).cashable(), earned);
		assert_ok!(Credits::cash_out(RuntimeOrigin::signed(BOB), earned));
		let acc = Accounts::<Test>::get(BOB);
		assert_eq!((acc.free, acc.paid, acc.cashable()), (100 * CREDIT, 100 * CREDIT, 0));
	});
}

#[test]
fn a_slash_or_the_credit_fee_leaves_paid_at_most_what_is_held() {
	build_and_execute(|| {
		// About 10 earned + 30 paid; a slash of half leaves about 20 held, all counted paid:
		// nothing earned is left to cash out.
		earn(BOB, 10 * CREDIT);
		buy(BOB, 30 * CREDIT);
		let free = Accounts::<Test>::get(BOB).free;
		assert_ok!(Credits::slash(RuntimeOrigin::root(), BOB, free / 2, vec![]));
		let acc = Accounts::<Test>::get(BOB);
		assert_eq!(acc.free, free - free / 2);
		assert_eq!((acc.paid, acc.cashable()), (acc.free, 0));

		// Only paid credits: the fee takes them, and `paid` follows `free` down.
		buy(ALICE, 2 * CREDIT);
		assert_ok!(Credits::do_charge_credit_fee(&ALICE, CREDIT / 2));
		let acc = Accounts::<Test>::get(ALICE);
		assert_eq!((acc.free, acc.paid), (3 * CREDIT / 2, 3 * CREDIT / 2));
		// A fee above what is held changes nothing.
		assert_noop!(
			Credits::do_charge_credit_fee(&ALICE, 2 * CREDIT),
			Error::<Test>::InsufficientCredits
		);
	});
}

#[test]
fn a_failed_spend_changes_no_paid_figure() {
	build_and_execute(|| {
		buy(ALICE, CREDIT);
		assert_noop!(
			Credits::spend(RuntimeOrigin::signed(ALICE), 1, 2 * CREDIT),
			Error::<Test>::InsufficientCredits
		);
		assert_noop!(
			Credits::spend(RuntimeOrigin::signed(ALICE), 7, CREDIT),
			Error::<Test>::UnknownSubnet
		);
		assert_eq!(paid_total(1), 0);
	});
}

mod account {
	use crate::types::CreditAccount;
	use proptest::prelude::*;

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(2_000))]

		/// `take_for_spend` takes `min(c, paid)` as paid and keeps `paid ≤ free`; when short it
		/// changes nothing.
		#[test]
		fn take_for_spend_takes_paid_first(
			free in 0u128..1_000_000, paid_share in 0u128..=100, c in 0u128..1_200_000
		) {
			let paid = free * paid_share / 100;
			let mut acc = CreditAccount { free, paid, ..Default::default() };
			match acc.take_for_spend(c) {
				Some((p, _)) => {
					prop_assert_eq!(p, c.min(paid));
					prop_assert_eq!(acc.free, free - c);
					prop_assert_eq!(acc.paid, paid - p);
					prop_assert!(acc.paid <= acc.free);
				}
				None => {
					prop_assert!(c > free);
					prop_assert_eq!((acc.free, acc.paid), (free, paid));
				}
			}
		}

		/// `take_unspent` leaves `paid = min(paid, free)`; cashable never includes paid credits.
		#[test]
		fn take_unspent_keeps_paid_within_free(
			free in 0u128..1_000_000, paid_share in 0u128..=100, c in 0u128..1_200_000,
			earned in 0u128..2_000_000
		) {
			let paid = free * paid_share / 100;
			let mut acc = CreditAccount { free, paid, earned_total: earned, ..Default::default() };
			match acc.take_unspent(c) {
				Some(()) => {
					prop_assert_eq!(acc.free, free - c);
					prop_assert_eq!(acc.paid, paid.min(free - c));
				}
				None => {
					prop_assert!(c > free);
					prop_assert_eq!((acc.free, acc.paid), (free, paid));
				}
			}
			// What stays earned and held is cashable, never more: the paid part is kept out.
			let held_earned = acc.free - acc.paid;
			prop_assert_eq!(acc.cashable(), earned.min(held_earned));
		}
	}
}

fn pay_pool(
	netuid: u16,
	owner: AccountId,
	miners: Vec<(AccountId, sp_runtime::Perbill)>,
	permit_holders: Vec<AccountId>,
) {
	let shares =
		tandem_primitives::PayoutShares { owner, validators: vec![], miners, permit_holders };
	assert_ok!(<Credits as CreditsInterface<AccountId>>::distribute(netuid, &shares));
}

/// The airdrop basis counts only what a miner earns out of paid spends, pro rata to the paid
/// part of the pool, and nothing for a coldkey that owns the subnet or holds a validator
/// permit on it.
#[test]
fn the_airdrop_basis_counts_paid_work_by_outside_miners_only() {
	use sp_runtime::Perbill;
	build_and_execute(|| {
		// Pool 1: 100 paid + 100 recycled credits.
		earn(BOB, 100 * CREDIT);
		buy(ALICE, 100 * CREDIT);
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 100 * CREDIT));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(BOB), 1, 100 * CREDIT));
		assert_eq!(Pools::<Test>::get(1).paid_balance, 100 * CREDIT);
		let half = Perbill::from_percent(50);
		// Miner 10 is an outsider; miner 11 also holds a validator permit; OWNER mines too.
		pay_pool(1, OWNER, vec![(10, half), (11, half)], vec![11]);
		let (a10, a11) = (Accounts::<Test>::get(10), Accounts::<Test>::get(11));
		// 10 % fee and 5 % owner cut out of 200; miners 70 % of it, half each: 70 credits.
		assert_eq!((a10.earned_total, a11.earned_total), (70 * CREDIT, 70 * CREDIT));
		assert_eq!(a10.airdrop_basis, 35 * CREDIT, "half the pool was paid");
		assert_eq!(a11.airdrop_basis, 0, "a permit holder's mining does not count");
		assert_eq!(Accounts::<Test>::get(OWNER).airdrop_basis, 0);
		// The owner mining its own subnet does not count either.
		buy(ALICE, 100 * CREDIT);
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 100 * CREDIT));
		let before = Accounts::<Test>::get(OWNER).airdrop_basis;
		pay_pool(1, OWNER, vec![(OWNER, Perbill::one())], vec![]);
		assert_eq!(Accounts::<Test>::get(OWNER).airdrop_basis, before);
		// A recycled-only pool adds no basis.
		MockSubnets::add(3);
		assert_ok!(Credits::spend(RuntimeOrigin::signed(10), 3, 10 * CREDIT));
		assert_eq!(Pools::<Test>::get(3).paid_balance, 0);
		pay_pool(3, OWNER, vec![(12, Perbill::one())], vec![]);
		assert_eq!(Accounts::<Test>::get(12).airdrop_basis, 0);
		assert!(Accounts::<Test>::get(12).earned_total > 0);
	});
}

/// A `CreditPrice` raise announced in advance does not inflate revenue: credits bought before
/// it carry the USD actually paid for them into the pool, so the emission they can cause is
/// ρ × what the attacker paid, not ρ × the new price.
#[test]
fn a_credit_price_raise_does_not_revalue_credits_bought_before_it() {
	build_and_execute(|| {
		buy(ALICE, 100 * CREDIT); // $3.00 at $0.03
		CreditPrice::set(60_000);
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 60 * CREDIT));
		let pool = Pools::<Test>::get(1);
		assert_eq!(pool.paid_total, 60 * CREDIT);
		assert_eq!(pool.paid_usd_total, 1_800_000, "60 credits at the $0.03 paid, not $0.06");
		// A purchase at the new price carries the new price.
		buy(ALICE, 10 * CREDIT);
		assert_ok!(Credits::spend(RuntimeOrigin::signed(ALICE), 1, 50 * CREDIT));
		// 40 old credits ($1.20 left of the $3.00) and then 10 new ones ($0.60).
		assert_eq!(Pools::<Test>::get(1).paid_usd_total, 1_800_000 + 1_200_000 + 600_000);
		assert_eq!(Accounts::<Test>::get(ALICE).paid_usd, 0);
		CreditPrice::set(30_000);
	});
}

/// A USD-priced charge paid in credits: paid credits go first, then earned; exactly the USD
/// backing moves to the buyback pot; too few credits changes nothing.
#[test]
fn burn_worth_takes_paid_then_earned_and_moves_exactly_the_usd() {
	use tandem_primitives::CreditBurn;
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 2 * CREDIT, u128::MAX));
		crate::tests::distribute::earn(ALICE, 10 * CREDIT);
		let (vault_usd, pot, issuance) =
			(usd_of(vault()), usd_of(BUYBACK), TotalIssuance::<Test>::get());
		// $0.081 at $0.027 a credit: exactly 3 credits — the 2 paid, then 1 earned.
		let before = Accounts::<Test>::get(ALICE);
		assert_eq!(before.paid, 2 * CREDIT);
		assert_eq!(Credits::burn_worth(&ALICE, 81_000), Ok(3 * CREDIT));
		let acc = Accounts::<Test>::get(ALICE);
		assert_eq!((before.free - acc.free, acc.paid), (3 * CREDIT, 0));
		assert_eq!(vault_usd - usd_of(vault()), 81_000);
		assert_eq!(usd_of(BUYBACK) - pot, 81_000);
		assert_eq!(issuance - TotalIssuance::<Test>::get(), 3 * CREDIT);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Credits(Event::BurnedFor {
				who: ALICE,
				credits: 3 * CREDIT,
				usd: 81_000
			})));
		// One USD unit more than what is held backs: refused, nothing changes.
		assert_noop!(
			Credits::burn_worth(&ALICE, acc.free * 27_000 / CREDIT + 1),
			Error::<Test>::InsufficientCredits
		);
		assert_noop!(Credits::burn_worth(&ALICE, 0), Error::<Test>::ZeroAmount);
	});
}
