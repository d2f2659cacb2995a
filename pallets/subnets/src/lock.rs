//! The lock a subnet registration pays (no storage).
//!
//! Each registration doubles the price for the next one, and the doubled price decays linearly
//! back: after `t` blocks the lock is `max(min, 2·last − last · t / interval)`. A burst of
//! registrations therefore pays a geometrically rising price, while one registration per
//! `interval` blocks pays about the last price again.

use tandem_primitives::{math::mul_div, Balance};

/// The lock the next registration pays, `elapsed` blocks after one that locked `last`: twice
/// `last`, less `last` per `interval` blocks elapsed (a zero interval counts as one), never
/// below `min`.
pub fn lock_cost(last: Balance, elapsed: u32, interval: u32, min: Balance) -> Balance {
	let decay =
		mul_div(last, u128::from(elapsed), u128::from(interval.max(1))).unwrap_or(Balance::MAX);
	last.saturating_mul(2).saturating_sub(decay).max(min)
}

#[cfg(test)]
mod tests {
	#![allow(clippy::arithmetic_side_effects)]
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn examples() {
		// Right after a 1,000 lock: 2,000; one interval on: 1,000; two on: the floor.
		assert_eq!(lock_cost(1_000, 0, 100, 10), 2_000);
		assert_eq!(lock_cost(1_000, 50, 100, 10), 1_500);
		assert_eq!(lock_cost(1_000, 100, 100, 10), 1_000);
		assert_eq!(lock_cost(1_000, 200, 100, 10), 10);
		assert_eq!(lock_cost(0, 0, 0, 10), 10);
	}

	proptest! {
		/// The lock starts at twice the last (or the floor), never falls below the floor, only
		/// falls as blocks pass, and is back at the floor two intervals on.
		#[test]
		fn the_lock_doubles_then_decays_to_the_floor(
			last in 0u128..=u128::MAX / 2,
			t in any::<u32>(),
			dt in any::<u32>(),
			interval in 1u32..=u32::MAX / 2,
			min in any::<u64>(),
		) {
			let min = u128::from(min);
			let now = lock_cost(last, t, interval, min);
			prop_assert!(now >= min);
			prop_assert_eq!(lock_cost(last, 0, interval, min), (2 * last).max(min));
			prop_assert!(lock_cost(last, t.saturating_add(dt), interval, min) <= now);
			prop_assert_eq!(lock_cost(last, 2 * interval, interval, min), min);
		}

		/// Registering once per interval pays the same lock again (to rounding), so a steady
		/// pace is never priced out; registering twice at once pays double.
		#[test]
		fn one_per_interval_holds_the_price(last in 1u128..=u128::MAX / 4, interval in 1u32..100_000) {
			prop_assert_eq!(lock_cost(last, interval, interval, 0), last);
			let next = lock_cost(last, 0, interval, 0);
			prop_assert_eq!(lock_cost(next, 0, interval, 0), 4 * last);
		}
	}
}
