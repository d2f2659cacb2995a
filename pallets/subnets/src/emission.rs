//! How each block's GOV emission is split across subnets (no storage).
//!
//! Subnet `i` gets the share `w_i = (1 − λ) · p̄_i / Σ p̄ + λ · r̄_i / Σ r̄` where `p̄` is its pool
//! price EMA (scaled by its warm-up), `r̄` its revenue EMA (credits spent on it) and `λ` the
//! `RevenueWeight`. With no revenue anywhere the price term takes all; with no price anywhere
//! the revenue term does. Each term is rounded down on its own, so `Σ w_i ≤ 1`.

use crate::pool::mul_div;
use sp_runtime::{Perbill, Perquintill};
use tandem_primitives::Balance;

/// `ln 2` in parts per 10^18.
const LN2_PARTS: u64 = 693_147_180_559_945_309;
/// One in parts per 10^18.
const ONE: u128 = 1_000_000_000_000_000_000;

/// A subnet's inputs to the split: its price EMA after warm-up and its revenue EMA.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SplitInput {
	/// Price EMA × warm-up factor (GOV per alpha, 12 decimals).
	pub price: u128,
	/// Revenue EMA (credits per epoch).
	pub revenue: u128,
}

/// Each subnet's share of the block's emission, in the order of `inputs`; they sum to at most
/// one.
pub fn shares(inputs: &[SplitInput], revenue_weight: Perbill) -> alloc::vec::Vec<Perquintill> {
	let sum_p = inputs.iter().fold(0u128, |a, x| a.saturating_add(x.price));
	let sum_r = inputs.iter().fold(0u128, |a, x| a.saturating_add(x.revenue));
	// λ in parts per 10^18, then fall back to one term when the other has nothing to divide.
	let lambda = u128::from(revenue_weight.deconstruct()).saturating_mul(1_000_000_000);
	let lambda = match (sum_p, sum_r) {
		(_, 0) => 0,
		(0, _) => ONE,
		_ => lambda,
	};
	let price_part = ONE.saturating_sub(lambda);
	inputs
		.iter()
		.map(|x| {
			let by_price = mul_div(price_part, x.price, sum_p).unwrap_or(0);
			let by_revenue = mul_div(lambda, x.revenue, sum_r).unwrap_or(0);
			Perquintill::from_parts(
				u64::try_from(by_price.saturating_add(by_revenue).min(ONE)).unwrap_or(u64::MAX),
			)
		})
		.collect()
}

/// The per-step EMA weight for a half-life of `half_life` steps: `ln 2 / half_life`, the
/// first-order value of `1 − 2^(−1/h)` (within 0.01 % of it for `h ≥ 3,600`; at most one).
pub fn ema_alpha(half_life: u32) -> Perquintill {
	Perquintill::from_parts(LN2_PARTS.checked_div(u64::from(half_life)).unwrap_or(u64::MAX))
}

/// One EMA step: `ema + α · (value − ema)`, rounded toward the old value.
pub fn ema_step(ema: u128, value: u128, alpha: Perquintill) -> u128 {
	if value >= ema {
		ema.saturating_add(alpha.mul_floor(value.saturating_sub(ema)))
	} else {
		ema.saturating_sub(alpha.mul_floor(ema.saturating_sub(value)))
	}
}

/// The warm-up factor of a subnet `age` blocks old: `age / warmup`, at most one.
pub fn warmup(age: u32, warmup: u32) -> Perquintill {
	if age >= warmup {
		Perquintill::one()
	} else {
		Perquintill::from_rational(u64::from(age), u64::from(warmup))
	}
}

/// Alpha to inject with `gov` GOV at the pool's constant price `G / A`, at most `cap`.
pub fn alpha_at_price(
	gov: Balance,
	reserve_gov: Balance,
	reserve_alpha: Balance,
	cap: Balance,
) -> Balance {
	mul_div(gov, reserve_alpha, reserve_gov).unwrap_or(cap).min(cap)
}
