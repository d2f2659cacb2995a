//! Property tests of the pure pool math (1,000 cases each).

use crate::pool::*;
use proptest::prelude::*;
use sp_runtime::Perbill;
use tandem_primitives::math::mul_div;

const MIN: u128 = 1_000_000_000_000;

fn reserves() -> impl Strategy<Value = Reserves> {
	(MIN..=u128::MAX / 4, MIN..=u128::MAX / 4).prop_map(|(gov, alpha)| Reserves { gov, alpha })
}

fn small_reserves() -> impl Strategy<Value = Reserves> {
	(MIN..=10u128.pow(24), MIN..=10u128.pow(24)).prop_map(|(gov, alpha)| Reserves { gov, alpha })
}

fn fee() -> impl Strategy<Value = Perbill> {
	(0u32..=10_000_000).prop_map(Perbill::from_parts)
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	/// Joining a share pool and leaving it never gains: the units `alpha` buys are worth at most
	/// `alpha`, and taking any part of a holding burns at least its share of the units.
	#[test]
	fn share_pool_rounding_never_gains(
		pool_units in 1u128..=1u128 << 90,
		pool_alpha in 1u128..=1u128 << 80,
		alpha in 1u128..=1u128 << 70,
		part in 0u32..=1_000_000_000,
	) {
		let units = units_for(alpha, pool_units, pool_alpha).unwrap();
		let (units_after, alpha_after) = (pool_units + units, pool_alpha + alpha);
		let value = mul_div(units, alpha_after, units_after).unwrap();
		prop_assert!(value <= alpha, "bought {} units worth {} for {}", units, value, alpha);
		let take = Perbill::from_parts(part).mul_floor(value);
		let burn = units_to_burn(take, value, units, units_after, alpha_after).unwrap();
		prop_assert!(burn <= units);
		// What is left is worth no more than what was not taken.
		let left = mul_div(units - burn, alpha_after - take, units_after - burn).unwrap_or(0);
		prop_assert!(left <= value - take + 1, "left {} of {} after taking {}", left, value, take);
	}

	#[test]
	fn k_never_decreases_buying(r in reserves(), x in 0u128..=u128::MAX, f in fee()) {
		if let Ok(s) = r.buy_alpha(x, f, MIN) {
			prop_assert!(s.after.k() >= r.k());
			prop_assert!(s.after.alpha >= MIN);
			prop_assert_eq!(s.after.gov, r.gov + (s.amount_in - s.fee));
			prop_assert!(s.amount_out > 0);
		}
	}

	#[test]
	fn k_never_decreases_selling(r in reserves(), x in 0u128..=u128::MAX, f in fee()) {
		if let Ok(s) = r.sell_alpha(x, f, MIN) {
			prop_assert!(s.after.k() >= r.k());
			prop_assert!(s.after.gov >= MIN);
			prop_assert_eq!(s.after.alpha, r.alpha + s.amount_in);
		}
	}

	#[test]
	fn no_round_trip_profit(r in small_reserves(), x in 1u128..=10u128.pow(24), f in fee()) {
		// GOV → alpha → GOV returns no more than went in; strictly less with a fee.
		if let Ok(buy) = r.buy_alpha(x, f, MIN) {
			if let Ok(sell) = buy.after.sell_alpha(buy.amount_out, f, MIN) {
				prop_assert!(sell.amount_out <= x);
				if !f.is_zero() {
					prop_assert!(sell.amount_out < x);
				}
			}
		}
	}

	#[test]
	fn no_reverse_round_trip_profit(r in small_reserves(), x in 1u128..=10u128.pow(24), f in fee()) {
		// alpha → GOV → alpha likewise.
		if let Ok(sell) = r.sell_alpha(x, f, MIN) {
			if let Ok(buy) = sell.after.buy_alpha(sell.amount_out, f, MIN) {
				prop_assert!(buy.amount_out <= x);
			}
		}
	}

	#[test]
	fn partial_fill_respects_the_limit_and_is_maximal(
		r in small_reserves(), x in 1u128..=10u128.pow(24), f in fee(), bump in 0u32..=1_000_000_000,
	) {
		// A limit between the spot price and 2× it.
		let p = r.price().unwrap();
		let limit = p.saturating_add(Perbill::from_parts(bump).mul_floor(p));
		let swap = |a| r.buy_alpha(a, f, MIN);
		if let Ok(s) = fill(x, true, swap, Limit::Max(limit)) {
			prop_assert!(s.after.price().unwrap() <= limit);
			prop_assert!(s.amount_in <= x);
			// One more unit would cross the limit (or run out of amount or reserve).
			if s.amount_in < x {
				if let Ok(more) = swap(s.amount_in + 1) {
					prop_assert!(more.after.price().unwrap() > limit);
				}
			}
		}
	}

	#[test]
	fn no_panic_at_the_bounds(g in prop_oneof![Just(0u128), Just(1), Just(MIN), Just(u128::MAX)],
		a in prop_oneof![Just(0u128), Just(1), Just(MIN), Just(u128::MAX)],
		x in prop_oneof![Just(0u128), Just(1), Just(u128::MAX / 2), Just(u128::MAX)],
		f in prop_oneof![Just(Perbill::zero()), Just(Perbill::one()), Just(Perbill::from_parts(500_000))]) {
		let r = Reserves { gov: g, alpha: a };
		let _ = r.buy_alpha(x, f, MIN);
		let _ = r.sell_alpha(x, f, MIN);
		let _ = r.price();
		let _ = fill(x, true, |v| r.buy_alpha(v, f, MIN), Limit::Max(u128::MAX));
		let _ = fill(x, true, |v| r.sell_alpha(v, f, MIN), Limit::Min(0));
	}
}

#[test]
fn a_full_fee_buys_nothing() {
	let r = Reserves { gov: 10 * MIN, alpha: 10 * MIN };
	assert_eq!(r.buy_alpha(MIN, Perbill::one(), MIN), Err(PoolError::ZeroOutput));
	assert_eq!(r.buy_alpha(0, Perbill::zero(), MIN), Err(PoolError::ZeroAmount));
}

#[test]
fn worked_example() {
	// 1,000 GOV / 1,000 alpha, 0.05 % fee: 100 GOV in → fee 0.05, net 99.95,
	// out = 1,000 · 99.95 / 1,099.95 = 90.867766... alpha.
	let r = Reserves { gov: 1_000 * MIN, alpha: 1_000 * MIN };
	let s = r.buy_alpha(100 * MIN, Perbill::from_parts(500_000), MIN).unwrap();
	assert_eq!(s.fee, 50_000_000_000);
	assert_eq!(s.amount_out, 90_867_766_716_668);
	assert_eq!(s.after.gov, 1_099_950_000_000_000);
}
