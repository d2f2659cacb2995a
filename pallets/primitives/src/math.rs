//! Shared arithmetic (no storage): `a · b / c` in 256 bits, and the exponential moving average
//! every smoothed figure of the chain steps with.

use sp_core::U256;
use sp_runtime::{traits::Saturating, Perquintill};

/// `⌊a · b / c⌋`, the product taken in 256 bits so no `u128` inputs overflow it; `None` if `c`
/// is zero or the quotient exceeds `u128`.
pub fn mul_div(a: u128, b: u128, c: u128) -> Option<u128> {
	if c == 0 {
		return None;
	}
	let q = U256::from(a).checked_mul(U256::from(b))?.checked_div(U256::from(c))?;
	u128::try_from(q).ok()
}

/// `⌈a · b / c⌉`, the product taken in 256 bits; `None` if `c` is zero or the quotient
/// exceeds `u128`.
pub fn mul_div_ceil(a: u128, b: u128, c: u128) -> Option<u128> {
	if c == 0 {
		return None;
	}
	let (c, p) = (U256::from(c), U256::from(a).checked_mul(U256::from(b))?);
	let q = p.checked_add(c.checked_sub(U256::one())?)?.checked_div(c)?;
	u128::try_from(q).ok()
}

/// The weight of `steps` EMA steps of weight `w` each, taken at once: `1 − (1 − w)^steps`
/// (`w` itself for zero or one step).
pub fn ema_weight(w: Perquintill, steps: u32) -> Perquintill {
	if steps <= 1 {
		return w;
	}
	let keep = Perquintill::one().saturating_sub(w);
	Perquintill::one().saturating_sub(keep.saturating_pow(steps as usize))
}

/// One EMA step: `ema + w · (value − ema)`. A rise rounds down (toward the old value); a fall
/// rounds toward the new value, so an EMA whose input stays at zero reaches exactly zero. The
/// result always lies between `ema` and `value`.
pub fn ema_step(ema: u128, value: u128, w: Perquintill) -> u128 {
	if value >= ema {
		ema.saturating_add(w.mul_floor(value.saturating_sub(ema)))
	} else {
		ema.saturating_sub(w.mul_ceil(ema.saturating_sub(value))).max(value)
	}
}

#[cfg(test)]
mod tests {
	#![allow(clippy::arithmetic_side_effects, clippy::unwrap_used)]
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn examples() {
		assert_eq!(mul_div(7, 3, 2), Some(10));
		assert_eq!(mul_div_ceil(7, 3, 2), Some(11));
		assert_eq!(mul_div(u128::MAX, u128::MAX, u128::MAX), Some(u128::MAX));
		assert_eq!(mul_div(u128::MAX, 2, 1), None);
		assert_eq!(mul_div(1, 1, 0), None);
		assert_eq!(mul_div_ceil(1, 1, 0), None);
		assert_eq!(ema_step(100, 200, Perquintill::from_percent(10)), 110);
		assert_eq!(ema_step(100, 0, Perquintill::from_percent(10)), 90);
		assert_eq!(ema_weight(Perquintill::from_percent(50), 2), Perquintill::from_percent(75));
	}

	proptest! {
		/// Both roundings match exact division of the 256-bit product, and differ by at most
		/// one (exactly one unless `c` divides `a · b`).
		#[test]
		fn mul_div_is_exact_division(a in any::<u128>(), b in any::<u128>(), c in 1..=u128::MAX) {
			let p = U256::from(a) * U256::from(b);
			let (q, r) = (p / U256::from(c), p % U256::from(c));
			prop_assert_eq!(mul_div(a, b, c), u128::try_from(q).ok());
			let up = if r.is_zero() { q } else { q + 1 };
			prop_assert_eq!(mul_div_ceil(a, b, c), u128::try_from(up).ok());
		}

		/// Small products agree with `u128` arithmetic.
		#[test]
		fn mul_div_agrees_with_u128(a in any::<u64>(), b in any::<u64>(), c in 1..=u64::MAX) {
			let (a, b, c) = (u128::from(a), u128::from(b), u128::from(c));
			prop_assert_eq!(mul_div(a, b, c), Some(a * b / c));
			prop_assert_eq!(mul_div_ceil(a, b, c), Some((a * b).div_ceil(c)));
		}

		/// A step lands between the old average and the new value, moves by `w` of the gap to
		/// within one unit, and never moves at zero weight.
		#[test]
		fn a_step_moves_w_of_the_gap(ema in any::<u128>(), value in any::<u128>(), w in any::<u64>()) {
			let w = Perquintill::from_parts(w % (Perquintill::one().deconstruct() + 1));
			let next = ema_step(ema, value, w);
			prop_assert!(next >= ema.min(value) && next <= ema.max(value));
			let exact = w.mul_floor(ema.abs_diff(value));
			prop_assert!(next.abs_diff(ema).abs_diff(exact) <= 1);
			prop_assert_eq!(ema_step(ema, value, Perquintill::zero()), ema);
			prop_assert_eq!(ema_step(ema, value, Perquintill::one()), value);
		}

		/// An average whose input stays at zero reaches zero, and one whose input stays at a
		/// value never passes it.
		#[test]
		fn a_constant_input_is_approached(ema in any::<u64>(), value in any::<u64>(), pct in 1u64..=100) {
			let w = Perquintill::from_percent(pct);
			let mut e = u128::from(ema);
			for _ in 0..10_000 {
				let next = ema_step(e, u128::from(value), w);
				prop_assert!(e.abs_diff(u128::from(value)) >= next.abs_diff(u128::from(value)));
				e = next;
			}
			if value == 0 {
				prop_assert_eq!(e, 0);
			}
		}

		/// `k` steps taken at once land where `k` single steps do, to the rounding of the steps
		/// (one unit each) and of the power (a billionth of the gap).
		#[test]
		fn many_steps_at_once_match_one_by_one(
			ema in any::<u64>(),
			value in any::<u64>(),
			w in 0u64..=1_000_000_000_000_000_000,
			k in 1u32..200,
		) {
			let (w, ema, value) = (Perquintill::from_parts(w), u128::from(ema), u128::from(value));
			let mut one_by_one = ema;
			for _ in 0..k {
				one_by_one = ema_step(one_by_one, value, w);
			}
			let at_once = ema_step(ema, value, ema_weight(w, k));
			let slack = u128::from(k) + ema.abs_diff(value) / 1_000_000_000 + 1;
			prop_assert!(at_once.abs_diff(one_by_one) <= slack);
		}
	}
}
