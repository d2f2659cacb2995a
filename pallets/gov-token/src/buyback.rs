//! The buyback's lot (no storage): how much of the pot one interval spends, and the largest
//! part of it the pool can fill within the slippage bound.

use tandem_primitives::Balance;

/// Steps of the search for the largest lot within the slippage bound (precision 2^-20 of the
/// lot).
pub const SEARCH_STEPS: u32 = 20;

/// `min(pot, max(min_lot, pot × interval / day))`: at least the governed lot, and the whole
/// pot over one day's intervals, so the pot never backs up more than about a day of inflow.
pub fn lot(pot: Balance, min_lot: Balance, interval: u32, day: u32) -> Balance {
	let adaptive = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		pot,
		u128::from(interval.min(day)),
		u128::from(day.max(1)),
		sp_runtime::Rounding::Down,
	)
	.unwrap_or(pot);
	pot.min(min_lot.max(adaptive))
}

/// The largest `l ≤ lot` (to [`SEARCH_STEPS`] binary steps) with `fits(l)`, or zero. `fits`
/// must be monotone: true up to some amount, false beyond (a constant-product pool's output
/// per unit falls as the input grows while the bound per unit stays fixed).
pub fn largest_fitting(lot: Balance, fits: impl Fn(Balance) -> bool) -> Balance {
	if fits(lot) {
		return lot;
	}
	let (mut lo, mut hi) = (0u32, 1u32 << SEARCH_STEPS);
	let at = |k: u32| {
		sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			lot,
			u128::from(k),
			1u128 << SEARCH_STEPS,
			sp_runtime::Rounding::Down,
		)
		.unwrap_or(0)
	};
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

	proptest! {
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
