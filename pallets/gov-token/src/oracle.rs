//! The GOV price oracle's step (no storage): two exponential moving averages of the pool's spot
//! price (GOV units per USD unit), a fast one and a slow one.

use sp_runtime::{traits::Zero, FixedU128, Perbill, Perquintill};
use tandem_primitives::math::{ema_step, ema_weight};

/// The fast average's weight per block: `smoothing` (`OracleSmoothing`), exactly.
pub fn fast_weight(smoothing: Perbill) -> Perquintill {
	Perquintill::from_rational(u64::from(smoothing.deconstruct()), 1_000_000_000)
}

/// The slow average's weight per block: `1 / window` (`SlowOracleWindow` blocks; a zero
/// window counts as one).
pub fn slow_weight(window: u32) -> Perquintill {
	Perquintill::from_rational(1, u64::from(window.max(1)))
}

/// The average `elapsed` blocks after `ema`, the spot price having been `spot`: the weight of
/// `elapsed` steps of `w` each (`1 − (1 − w)^elapsed`) of the way from `ema` to `spot`. An
/// unset (zero) average starts at the spot price.
pub fn step(ema: FixedU128, spot: FixedU128, w: Perquintill, elapsed: u32) -> FixedU128 {
	if ema.is_zero() {
		return spot;
	}
	FixedU128::from_inner(ema_step(ema.into_inner(), spot.into_inner(), ema_weight(w, elapsed)))
}

#[cfg(test)]
mod tests {
	#![allow(clippy::arithmetic_side_effects)]
	use super::*;
	use proptest::prelude::*;

	fn price() -> impl Strategy<Value = FixedU128> {
		(1u128..=u128::MAX / 4).prop_map(FixedU128::from_inner)
	}

	#[test]
	fn examples() {
		let (one, two) = (FixedU128::from_u32(1), FixedU128::from_u32(2));
		assert_eq!(step(FixedU128::zero(), two, fast_weight(Perbill::from_percent(10)), 1), two);
		let w = fast_weight(Perbill::from_percent(10));
		assert_eq!(step(one, two, w, 1), FixedU128::from_rational(11, 10));
		// Two blocks at 10 %: 19 % of the way.
		assert_eq!(step(one, two, w, 2), FixedU128::from_rational(119, 100));
		assert_eq!(slow_weight(0), Perquintill::one());
		assert_eq!(slow_weight(4), Perquintill::from_percent(25));
	}

	proptest! {
		/// The average moves toward the spot price and never past it; the more blocks pass,
		/// the closer it gets; a heavier weight moves it at least as far.
		#[test]
		fn the_average_follows_the_spot(
			ema in price(),
			spot in price(),
			smoothing in 0u32..=1_000_000_000,
			elapsed in 1u32..10_000,
			more in 0u32..10_000,
		) {
			let w = fast_weight(Perbill::from_parts(smoothing));
			let next = step(ema, spot, w, elapsed);
			prop_assert!(next >= ema.min(spot) && next <= ema.max(spot));
			// It moves the weight of `elapsed` steps of the gap (to one unit of rounding).
			let gap = ema.into_inner().abs_diff(spot.into_inner());
			let moved = next.into_inner().abs_diff(ema.into_inner());
			prop_assert!(moved + 1 >= ema_weight(w, elapsed).mul_floor(gap));
			let later = step(ema, spot, w, elapsed + more);
			prop_assert!(later.into_inner().abs_diff(spot.into_inner()) <= next.into_inner().abs_diff(spot.into_inner()));
			let heavier = step(ema, spot, fast_weight(Perbill::from_parts(smoothing.saturating_add(1_000_000).min(1_000_000_000))), elapsed);
			prop_assert!(heavier.into_inner().abs_diff(spot.into_inner()) <= next.into_inner().abs_diff(spot.into_inner()));
		}

		/// A one-block spike moves the slow average by at most `1 / window` of the spike: an
		/// attacker who holds the pool price off for one block buys little of the oracle.
		#[test]
		fn a_spike_moves_the_slow_average_little(ema in price(), spike in price(), window in 1u32..1_000_000) {
			let next = step(ema, spike, slow_weight(window), 1);
			let (gap, moved) = (ema.into_inner().abs_diff(spike.into_inner()), next.into_inner().abs_diff(ema.into_inner()));
			prop_assert!(moved <= gap / u128::from(window) + 1);
			// `1 / window` is rounded down to a billionth of a billionth.
			prop_assert!(moved + 2 + gap / 1_000_000_000_000_000_000 >= gap / u128::from(window));
		}
	}
}
