//! Constant-product pool math (no storage): a subnet's GOV reserve `G` against its alpha
//! reserve `A`, price `p = G / A`.
//!
//! * The swap fee is taken from the input and rounded **up**; outputs are rounded **down**. Both
//!   roundings favour the pool, so `G · A` never decreases across a swap.
//! * A GOV fee leaves the pool (it is a public-pool fee routed by the caller); an alpha fee stays
//!   in the pool's alpha reserve.
//! * Neither reserve may fall below `min_reserve`: a pool can never be emptied.
//! * Every product is taken in 256 bits, so no input up to `u128::MAX` can overflow.

use sp_core::U256;
use sp_runtime::Perbill;
use tandem_primitives::{
	math::{mul_div, mul_div_ceil},
	Balance,
};

/// A price in GOV per alpha with 12 decimals: `PRICE_ONE` means 1 GOV per alpha.
pub type Price = u128;

/// The price of one GOV per alpha.
pub const PRICE_ONE: Price = 1_000_000_000_000;

/// Why a swap cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolError {
	/// The input is zero.
	ZeroAmount,
	/// The output would round to zero.
	ZeroOutput,
	/// The swap would take a reserve below the locked minimum.
	ReserveTooLow,
	/// A reserve would exceed `u128`.
	Overflow,
}

/// A pool's reserves.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub struct Reserves {
	/// GOV in the pool.
	pub gov: Balance,
	/// Alpha in the pool.
	pub alpha: Balance,
}

/// The result of a swap: what went in, the fee (in the input asset, part of `amount_in`), what
/// came out, and the reserves after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swap {
	/// Input, fee included.
	pub amount_in: Balance,
	/// Fee taken from the input (rounded up).
	pub fee: Balance,
	/// Output (rounded down).
	pub amount_out: Balance,
	/// Reserves after the swap.
	pub after: Reserves,
}

/// Units a share pool issues per alpha to its first holder.
pub const SHARE_SCALE: u128 = 1_000_000;

/// The units `alpha` new alpha buys in a share pool holding `pool_alpha` in `pool_units` units,
/// rounded down (so the other holders never lose); an empty pool issues [`SHARE_SCALE`] per
/// alpha. `None` on overflow.
pub fn units_for(alpha: u128, pool_units: u128, pool_alpha: u128) -> Option<u128> {
	if pool_units == 0 || pool_alpha == 0 {
		alpha.checked_mul(SHARE_SCALE)
	} else {
		mul_div(alpha, pool_units, pool_alpha)
	}
}

/// The units to burn when `take` alpha leaves a holding of `held` units worth `value`, out of a
/// pool holding `pool_alpha` in `pool_units` units: all of them for the whole value, otherwise
/// `⌈take · pool_units / pool_alpha⌉` (rounded up, so the other holders never lose), at most
/// `held`. `None` on overflow or an empty pool.
pub fn units_to_burn(
	take: u128,
	value: u128,
	held: u128,
	pool_units: u128,
	pool_alpha: u128,
) -> Option<u128> {
	if take == value {
		Some(held)
	} else {
		mul_div_ceil(take, pool_units, pool_alpha).map(|b| b.min(held))
	}
}

impl Reserves {
	/// The spot price `G / A` (rounded down); `None` for an empty alpha reserve.
	pub fn price(&self) -> Option<Price> {
		mul_div(self.gov, PRICE_ONE, self.alpha)
	}

	/// The invariant `k = G · A` in 256 bits.
	pub fn k(&self) -> U256 {
		U256::from(self.gov).saturating_mul(U256::from(self.alpha))
	}

	/// Buys alpha with `gov_in` GOV (fee included). The GOV fee leaves the pool.
	pub fn buy_alpha(
		&self,
		gov_in: Balance,
		fee: Perbill,
		min_reserve: Balance,
	) -> Result<Swap, PoolError> {
		if gov_in == 0 {
			return Err(PoolError::ZeroAmount);
		}
		let fee_paid = fee.mul_ceil(gov_in);
		let net = gov_in.saturating_sub(fee_paid);
		let gov = self.gov.checked_add(net).ok_or(PoolError::Overflow)?;
		let out = mul_div(self.alpha, net, gov).ok_or(PoolError::Overflow)?;
		if out == 0 {
			return Err(PoolError::ZeroOutput);
		}
		let alpha = self.alpha.checked_sub(out).ok_or(PoolError::ReserveTooLow)?;
		if alpha < min_reserve {
			return Err(PoolError::ReserveTooLow);
		}
		Ok(Swap {
			amount_in: gov_in,
			fee: fee_paid,
			amount_out: out,
			after: Reserves { gov, alpha },
		})
	}

	/// Sells `alpha_in` alpha (fee included) for GOV. The alpha fee stays in the pool.
	pub fn sell_alpha(
		&self,
		alpha_in: Balance,
		fee: Perbill,
		min_reserve: Balance,
	) -> Result<Swap, PoolError> {
		if alpha_in == 0 {
			return Err(PoolError::ZeroAmount);
		}
		let fee_paid = fee.mul_ceil(alpha_in);
		let net = alpha_in.saturating_sub(fee_paid);
		let alpha = self.alpha.checked_add(alpha_in).ok_or(PoolError::Overflow)?;
		// The output is priced on the net input only: `G · net / (A + net)`.
		let out =
			mul_div(self.gov, net, self.alpha.saturating_add(net)).ok_or(PoolError::Overflow)?;
		if out == 0 {
			return Err(PoolError::ZeroOutput);
		}
		let gov = self.gov.checked_sub(out).ok_or(PoolError::ReserveTooLow)?;
		if gov < min_reserve {
			return Err(PoolError::ReserveTooLow);
		}
		Ok(Swap {
			amount_in: alpha_in,
			fee: fee_paid,
			amount_out: out,
			after: Reserves { gov, alpha },
		})
	}
}

/// The largest `x ≤ amount` for which `fits(x)` holds, assuming `fits` holds for every amount
/// below one that fits (monotone). Zero if not even 1 fits. At most 128 probes.
pub fn max_fill(amount: Balance, fits: impl Fn(Balance) -> bool) -> Balance {
	let (mut lo, mut hi) = (0u128, amount);
	while lo < hi {
		// `hi − lo ≥ 1`, so `mid ∈ (lo, hi]`.
		let mid = lo.saturating_add(hi.saturating_sub(lo).div_ceil(2));
		if fits(mid) {
			lo = mid;
		} else {
			hi = mid.saturating_sub(1);
		}
	}
	lo
}

/// A price limit on a swap: buying must not push the price above `Max`, selling must not push
/// it below `Min`, a move must return at least `MinRate` alpha out per alpha in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
	/// Highest acceptable spot price after a purchase.
	Max(Price),
	/// Lowest acceptable spot price after a sale.
	Min(Price),
}

impl Limit {
	/// Whether reserves `after` a swap respect the limit.
	pub fn holds(&self, after: &Reserves) -> bool {
		match (self, after.price()) {
			(_, None) => false,
			(Limit::Max(max), Some(p)) => p <= *max,
			(Limit::Min(min), Some(p)) => p >= *min,
		}
	}
}

/// How much of `amount` to swap with `swap` under `limit`: all of it (fill-or-kill) or, with
/// `allow_partial`, the most that respects the limit. A too-small remainder is still an error.
pub fn fill(
	amount: Balance,
	allow_partial: bool,
	swap: impl Fn(Balance) -> Result<Swap, PoolError>,
	limit: Limit,
) -> Result<Swap, FillError> {
	let fits = |x: Balance| match swap(x) {
		Ok(s) => limit.holds(&s.after),
		// Dust that buys nothing still "fits" so the search can pass it (monotone predicate).
		Err(PoolError::ZeroOutput) => true,
		Err(_) => false,
	};
	let x = if allow_partial { max_fill(amount, fits) } else { amount };
	if x == 0 {
		return Err(FillError::Limit);
	}
	let s = swap(x).map_err(|e| match e {
		// A partial fill that only fits dust: nothing fits under the limit.
		PoolError::ZeroOutput if allow_partial && x < amount => FillError::Limit,
		e => FillError::Pool(e),
	})?;
	if !limit.holds(&s.after) {
		return Err(FillError::Limit);
	}
	Ok(s)
}

/// Why a limited swap was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FillError {
	/// The pool refused the swap.
	Pool(PoolError),
	/// The price limit would be crossed (nothing fits, for a partial fill).
	Limit,
}
