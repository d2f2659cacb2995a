//! Attacks on the emission budget, each over a grid of `ρ`, the protocol fee, GOV's price and
//! honest revenue, each measuring the attacker's profit in USD at the accrual price and
//! asserting it is not positive.
//!
//! The attacker owns, validates and mines subnet A, so every GOV minted into A counts as its
//! gain (it can at best capture all of it); what it pays is the protocol fee on the paid credits
//! it routes through A (the rest comes back to it as earned credits). The laundering bound
//! `ρ ≤ 90 % × ProtocolFee` is what makes every cell non-positive; the per-subnet allowance is
//! what keeps honest subnets' revenue out of A's reach.

use crate::{mock::*, pallet::*};
use frame_support::assert_ok;
use sp_runtime::{FixedPointNumber, FixedU128, Perbill};

const CREDIT: u128 = 1_000_000;

/// ρ and the smallest protocol fee the laundering bound allows with it.
fn rho_fee_grid() -> Vec<(Perbill, Perbill)> {
	[0u32, 30_000_000, 60_000_000, 90_000_000]
		.into_iter()
		.map(|rho| {
			let fee = (u64::from(rho) * 10).div_ceil(9);
			(Perbill::from_parts(rho), Perbill::from_parts(u32::try_from(fee).unwrap()))
		})
		.collect()
}

/// GOV units per USD unit: GOV at $2, $1 and $0.10.
fn price_grid() -> Vec<FixedU128> {
	[500_000u128, 1_000_000, 10_000_000]
		.into_iter()
		.map(FixedU128::saturating_from_integer)
		.collect()
}

/// Honest revenue per block on subnet B, in credits.
const HONEST: [u128; 3] = [0, 100, 100_000];

/// USD value (units) of `gov` GOV units at `gov_per_usd`.
fn usd_of(gov: u128, gov_per_usd: FixedU128) -> u128 {
	gov_per_usd.reciprocal().map(|r| r.saturating_mul_int(gov)).unwrap_or(0)
}

/// The attacker's profit: A's GOV gain at `price`, less `fee` of the paid revenue routed.
fn profit(minted_into_a: u128, paid_credits: u128, fee: Perbill, price: FixedU128) -> i128 {
	let revenue_usd = paid_credits * CreditPrice::get() / CREDIT;
	usd_of(minted_into_a, price) as i128 - fee.mul_ceil(revenue_usd) as i128
}

fn gov_in(net: u16) -> u128 {
	Networks::<Test>::get(net).unwrap().reserves.gov
}

/// Runs every cell of the grid through `attack`, which returns (GOV minted into A, paid
/// credits the attacker routed through A).
fn over_the_grid(name: &str, attack: impl Fn(u128) -> (u128, u128)) {
	for (rho, fee) in rho_fee_grid() {
		for price in price_grid() {
			for honest in HONEST {
				new_test_ext().execute_with(|| {
					EmissionPerRevenue::set(rho);
					GovPerUsd::set(Some(price));
					let (minted, paid) = attack(honest);
					let p = profit(minted, paid, fee, price);
					assert!(
						p <= 0,
						"{name}: profit {p} at ρ {rho:?}, fee {fee:?}, {price:?} GOV/USD, honest {honest}"
					);
					Subnets::do_try_state().unwrap();
				});
			}
		}
	}
}

/// A user who needs inference anyway routes its spend through its own subnet first.
#[test]
fn laundering_through_an_own_subnet_never_pays() {
	over_the_grid("laundering", |honest| {
		let (a, b) = (new_subnet(), new_subnet());
		MockEmission::launch(GOV);
		let start = gov_in(a);
		for _ in 0..50 {
			MockCredits::spend(a, 1_000 * CREDIT);
			MockCredits::spend(b, honest * CREDIT);
			run_to(System::block_number() + 1);
		}
		run_to(System::block_number() + 500);
		(gov_in(a) - start, 50 * 1_000 * CREDIT)
	});
}

/// Wash revenue: buy, spend on the own subnet, cash out. It pays the fee and the spread, so it
/// costs more than laundering; measured here against the fee alone.
#[test]
fn wash_revenue_never_pays() {
	over_the_grid("wash", |honest| {
		let (a, b) = (new_subnet(), new_subnet());
		MockEmission::launch(GOV / 10);
		let start = gov_in(a);
		MockCredits::spend(a, 100_000 * CREDIT);
		for _ in 0..20 {
			MockCredits::spend(b, honest * CREDIT);
			run_to(System::block_number() + 1);
		}
		run_to(System::block_number() + 2_000);
		(gov_in(a) - start, 100_000 * CREDIT)
	});
}

/// A large subnet is disabled but its users keep paying; the attacker launders meanwhile. A's
/// mint comes from A's own allowance only: the disabled subnet's revenue accrues to nobody.
#[test]
fn laundering_while_a_large_subnet_is_disabled_never_pays() {
	over_the_grid("laundering beside a disabled subnet", |honest| {
		let (a, b) = (new_subnet(), new_subnet());
		MockEmission::launch(GOV);
		assert_ok!(Subnets::set_emission(RuntimeOrigin::root(), b, false));
		let start = gov_in(a);
		for _ in 0..50 {
			MockCredits::spend(a, 10 * CREDIT);
			MockCredits::spend(b, (honest + 1_000_000) * CREDIT);
			run_to(System::block_number() + 1);
		}
		run_to(System::block_number() + 500);
		assert_eq!(
			gov_in(b),
			Networks::<Test>::get(b).unwrap().lock,
			"nothing for the disabled subnet"
		);
		(gov_in(a) - start, 50 * 10 * CREDIT)
	});
}

/// Honest revenue saturates the schedule, then drops to nothing; the attacker feeds a little
/// revenue right after the drop, when the revenue EMA still favours the big subnet.
#[test]
fn the_timing_attack_after_a_revenue_drop_never_pays() {
	over_the_grid("timing after a drop", |honest| {
		let (a, b) = (new_subnet(), new_subnet());
		MockEmission::launch(GOV / 100);
		for _ in 0..50 {
			MockCredits::spend(b, (honest + 100_000) * CREDIT);
			run_to(System::block_number() + 1);
		}
		let start = gov_in(a);
		for _ in 0..50 {
			MockCredits::spend(a, 100 * CREDIT);
			run_to(System::block_number() + 1);
		}
		run_to(System::block_number() + 1_000);
		(gov_in(a) - start, 50 * 100 * CREDIT)
	});
}

/// The attacker feeds a little revenue before a jump in honest revenue, hoping a share of the
/// jump's emission lands on it.
#[test]
fn pre_positioning_before_a_jump_in_honest_revenue_never_pays() {
	over_the_grid("pre-positioning", |honest| {
		let (a, b) = (new_subnet(), new_subnet());
		MockEmission::launch(GOV);
		let start = gov_in(a);
		for _ in 0..20 {
			MockCredits::spend(a, 100 * CREDIT);
			MockCredits::spend(b, CREDIT);
			run_to(System::block_number() + 1);
		}
		for _ in 0..50 {
			MockCredits::spend(b, (honest + 1) * 1_000 * CREDIT);
			run_to(System::block_number() + 1);
		}
		run_to(System::block_number() + 1_000);
		(gov_in(a) - start, 20 * 100 * CREDIT)
	});
}

/// A subnet whose revenue saturates the schedule is switched off; the attacker hopes the
/// schedule it leaves free flows to its own subnet.
#[test]
fn switching_off_a_saturating_subnet_never_pays() {
	over_the_grid("switch-off", |honest| {
		let (a, b) = (new_subnet(), new_subnet());
		MockEmission::launch(GOV / 100);
		let start = gov_in(a);
		for k in 0..100 {
			if k == 50 {
				assert_ok!(Subnets::set_emission(RuntimeOrigin::root(), b, false));
			}
			MockCredits::spend(a, 10 * CREDIT);
			MockCredits::spend(b, (honest + 100_000) * CREDIT);
			run_to(System::block_number() + 1);
		}
		run_to(System::block_number() + 1_000);
		(gov_in(a) - start, 100 * 10 * CREDIT)
	});
}

/// Junk subnets filling free slots: registered, never paid. Minted nothing; the owner's
/// profit is minus the locks.
#[test]
fn junk_subnets_filling_free_slots_are_minted_nothing() {
	build_and_execute(|| {
		MinLockCost::set(10 * GOV);
		let honest = new_subnet();
		let before = Balances::free_balance(ALICE);
		let junk: Vec<u16> = (0..5).map(|_| new_subnet()).collect();
		let locks = before - Balances::free_balance(ALICE);
		MockEmission::launch(GOV);
		for _ in 0..100 {
			MockCredits::spend(honest, 1_000 * CREDIT);
			run_to(System::block_number() + 1);
		}
		for j in &junk {
			let s = Networks::<Test>::get(j).unwrap();
			assert_eq!((s.allowance, s.pending_alpha), (0, 0));
			assert!(s.emission_share.is_zero());
		}
		let gain: u128 =
			junk.iter().map(|j| gov_in(*j) - Networks::<Test>::get(j).unwrap().lock).sum();
		assert_eq!(gain, 0);
		assert!((gain as i128) - (locks as i128) < 0);
		assert!(MockEmission::emitted() > 0, "the honest subnet was paid");
	});
}
