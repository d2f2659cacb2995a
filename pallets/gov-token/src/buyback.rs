//! The buyback's lot (no storage): how much of the pot one interval spends, and the largest
//! part of it the pool can fill within the slippage bound.

use sp_runtime::{traits::Saturating, FixedPointNumber, FixedU128, Perbill};
use tandem_primitives::{math::mul_div, Balance};

/// Steps of the search for the largest lot within the slippage bound (precision 2^-20 of the
/// lot).
pub const SEARCH_STEPS: u32 = 20;

/// `min(pot, max(min_lot, pot × interval / day))`: at least the governed lot, and the whole
/// pot over one day's intervals, so the pot never backs up more than about a day of inflow.
pub fn lot(pot: Balance, min_lot: Balance, interval: u32, day: u32) -> Balance {
	let adaptive =
		mul_div(pot, u128::from(interval.min(day)), u128::from(day.max(1))).unwrap_or(pot);
	pot.min(min_lot.max(adaptive))
}

/// The most USD one buyback may swap into a pool holding `usd_reserve` USD that charges `fee`
/// on each swap's input: `fee × usd_reserve`.
///
/// A sandwich buys GOV just before the buyback and sells it just after, paying the fee twice.
/// The buyback of `b` USD raises the price by about `2b / usd_reserve`, of which the attacker's
/// round trip keeps at most `(1 − fee)²·(1 + b(1 − fee)/usd_reserve)² − 1` per unit; that is
/// positive only when `b > fee·usd_reserve/(1 − fee)²`. At or under `fee × usd_reserve` no
/// sandwich of any size pays (property `no_sandwich_around_a_capped_buy_pays`).
pub fn sandwich_safe_buy(usd_reserve: Balance, fee: sp_runtime::Perbill) -> Balance {
	fee.mul_floor(usd_reserve)
}

/// The least GOV a buyback of `buy` USD accepts: `buy` at the `oracle` price (GOV units per USD
/// unit) less `max_slippage`, rounded down, and at least one unit (a swap paying nothing is
/// never acceptable).
pub fn min_out(buy: Balance, oracle: FixedU128, max_slippage: Perbill) -> Balance {
	let keep = Perbill::one().saturating_sub(max_slippage);
	keep.mul_floor(oracle.saturating_mul_int(buy)).max(1)
}

/// The largest `l ≤ lot` (to [`SEARCH_STEPS`] binary steps) with `fits(l)`, or zero. `fits`
/// must be monotone: true up to some amount, false beyond (a constant-product pool's output
/// per unit falls as the input grows while the bound per unit stays fixed).
pub fn largest_fitting(lot: Balance, fits: impl Fn(Balance) -> bool) -> Balance {
	if fits(lot) {
		return lot;
	}
	let (mut lo, mut hi) = (0u32, 1u32 << SEARCH_STEPS);
	let at = |k: u32| mul_div(lot, u128::from(k), 1u128 << SEARCH_STEPS).unwrap_or(0);
	// Invariant: `fits(at(lo))` or `lo == 0`; `!fits(at(hi))`.
	while hi.saturating_sub(lo) > 1 {
		let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
		if fits(at(mid)) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	if lo == 0 {
		0
	} else {
		at(lo)
	}
}

#[cfg(test)]
mod tests {
	#![allow(clippy::arithmetic_side_effects, clippy::unwrap_used)]
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn the_lot_follows_the_pot_over_a_day() {
		// $24,000 in the pot, hourly lots: $1,000 each (the floor binds at or under it).
		assert_eq!(lot(24_000, 1_000, 600, 14_400), 1_000);
		// $96,000: a day's share, $4,000, above the floor.
		assert_eq!(lot(96_000, 1_000, 600, 14_400), 4_000);
		// Never more than the pot.
		assert_eq!(lot(500, 1_000, 600, 14_400), 500);
	}

	/// GOV out of a constant-product pool `(usd, gov)` for `usd_in`, the fee taken from the
	/// input in parts per billion (as the USD/GOV pool does).
	fn swap(r_in: u128, r_out: u128, amount: u128, fee_ppb: u128) -> u128 {
		let net = amount * (1_000_000_000 - fee_ppb) / 1_000_000_000;
		r_out * net / (r_in + net)
	}

	proptest! {
		/// The least acceptable GOV is the oracle's figure less at most the slippage bound (to
		/// one unit of rounding), never more than the oracle's figure unless that rounds to
		/// zero, at least one unit, and grows with the amount bought.
		#[test]
		fn min_out_is_the_oracle_less_the_slippage(
			buy in 0u128..=u128::MAX / 1_000_000_000_000_000_000,
			more in 0u128..1_000_000_000_000,
			price in 1u128..=1_000_000_000_000_000_000_000_000,
			slip in 0u32..=1_000_000_000,
		) {
			let (oracle, slip) = (FixedU128::from_inner(price), Perbill::from_parts(slip));
			let at_oracle = oracle.saturating_mul_int(buy);
			let m = min_out(buy, oracle, slip);
			prop_assert!(m >= 1);
			prop_assert!(m <= at_oracle.max(1));
			// The cut is taken: no more than the oracle's figure less the slippage.
			let keep = Perbill::one() - slip;
			prop_assert!(m <= keep.mul_floor(at_oracle).max(1));
			prop_assert!(m + 1 >= keep.mul_floor(at_oracle));
			prop_assert!(min_out(buy + more, oracle, slip) >= m);
		}

		/// Buy `x` USD of GOV, let the capped buyback run, sell the GOV back: the attacker never
		/// ends with more USD than it started with, for any pool, fee and attack size.
		#[test]
		fn no_sandwich_around_a_capped_buy_pays(
			usd in 1_000_000u128..1u128 << 60,
			gov in 1_000_000u128..1u128 << 60,
			fee_ppb in 1_000_000u128..50_000_000,
			attack in 1u128..1u128 << 60,
		) {
			let fee = sp_runtime::Perbill::from_parts(fee_ppb as u32);
			let buy = sandwich_safe_buy(usd, fee);
			let x = attack % (usd * 4) + 1;
			let g1 = swap(usd, gov, x, fee_ppb);
			let (u1, gv1) = (usd + x, gov - g1);
			let g2 = swap(u1, gv1, buy, fee_ppb);
			let (u2, gv2) = (u1 + buy, gv1 - g2);
			let back = swap(gv2, u2, g1, fee_ppb);
			prop_assert!(back <= x, "x {} back {} buy {}", x, back, buy);
		}

		#[test]
		fn the_search_finds_the_edge(lot in 1u128..=1u128 << 100, edge in 0u128..=1u128 << 100) {
			let found = largest_fitting(lot, |l| l <= edge);
			prop_assert!(found <= edge.min(lot));
			if edge >= lot {
				prop_assert_eq!(found, lot);
			} else {
				// Within one step of the edge.
				prop_assert!(edge - found <= lot / (1u128 << SEARCH_STEPS) + 1);
			}
		}
	}
}
