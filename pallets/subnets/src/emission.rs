//! GOV emission against paid revenue, and its split across subnets (no storage).
//!
//! * **Accrual.** Paid credits spent on subnet `i` since the last block are revenue:
//!   `usd = paid × CreditPrice`. `ρ × usd` (`EmissionPerRevenue`) is added to the subnet's
//!   allowance, converted to GOV at the higher USD price of GOV ([`accrue`]).
//! * **Split.** `w_i = R_i / Σ R` over enabled subnets, `R` the EMA of paid revenue
//!   ([`shares`]). Subnet `i` is minted `min(w_i × S(h), allowance_i)` ([`mint`]).
//! * **Carry.** Allowances above `carry × S(h)` in total are cut pro rata ([`carry_cut`]).
//! * **Alpha.** The alpha a block adds to a subnet (pending for the epoch, and injected into
//!   the pool) is at most the GOV injected divided by its pool price ([`backed_alpha`]).
//! * **Alpha payout.** At an epoch the pending alpha goes to the owner, the miners and the
//!   validators ([`alpha_split`]).
//!
//! Every function rounds against the minter: allowances and shares down, the USD value a mint
//! uses up of an allowance up.

use crate::pool::PRICE_ONE;
use sp_runtime::{FixedPointNumber, FixedU128, Perbill, Perquintill};
use tandem_primitives::math::{mul_div, mul_div_ceil};
use tandem_primitives::Balance;

/// `ln 2` in parts per 10^18.
const LN2_PARTS: u64 = 693_147_180_559_945_309;

/// The revenue EMA is kept in credit units × this, so a few credits a block still move it.
pub const REVENUE_EMA_SCALE: u128 = 1_000_000_000;

/// Each subnet's share of the block's schedule, `R_i / Σ R`, in the order of `revenues`
/// (a disabled subnet passes zero). All zero when nobody has revenue; they sum to at most one.
pub fn shares(revenues: &[u128]) -> alloc::vec::Vec<Perquintill> {
	let sum = revenues.iter().fold(0u128, |a, r| a.saturating_add(*r));
	revenues
		.iter()
		.map(|r| {
			if sum == 0 {
				return Perquintill::zero();
			}
			let parts = mul_div(u128::from(Perquintill::one().deconstruct()), *r, sum).unwrap_or(0);
			Perquintill::from_parts(u64::try_from(parts).unwrap_or(u64::MAX))
		})
		.collect()
}

/// The allowance `revenue` USD of paid revenue adds: `(gov, usd)`, where `usd = ρ × revenue`
/// (USD units, rounded down) and `gov = usd × gov_per_usd` (rounded down).
pub fn accrue(revenue: Balance, rho: Perbill, gov_per_usd: FixedU128) -> (Balance, Balance) {
	let usd = rho.mul_floor(revenue);
	let gov = gov_per_usd.saturating_mul_int(usd);
	(gov, if gov == 0 { 0 } else { usd })
}

/// GOV minted for a subnet: `min(w × schedule, allowance)`.
pub fn mint(share: Perquintill, schedule: Balance, allowance: Balance) -> Balance {
	share.mul_floor(schedule).min(allowance)
}

/// The USD value (at accrual) of `taken` GOV out of an allowance of `gov` GOV worth `usd`:
/// `usd × taken / gov` rounded up, at most `usd`; all of it when the allowance is used up.
pub fn usd_of(taken: Balance, gov: Balance, usd: Balance) -> Balance {
	if taken >= gov {
		return usd;
	}
	mul_div_ceil(usd, taken, gov).unwrap_or(usd).min(usd)
}

/// Cuts `allowances` (`(gov, usd)` each) pro rata so their GOV adds up to at most `cap`.
pub fn carry_cut(allowances: &mut [(Balance, Balance)], cap: Balance) {
	let total = allowances.iter().fold(0u128, |a, (g, _)| a.saturating_add(*g));
	if total <= cap {
		return;
	}
	for (gov, usd) in allowances.iter_mut() {
		let kept = mul_div(*gov, cap, total).unwrap_or(0);
		*usd = if kept == 0 {
			0
		} else {
			usd.saturating_sub(usd_of(gov.saturating_sub(kept), *gov, *usd))
		};
		*gov = kept;
	}
}

/// Alpha that `gov` GOV is worth at the pool's price `G / A` and at the price EMA, whichever
/// is dearer (so a pushed-down spot price adds no alpha), at most `cap`.
pub fn backed_alpha(
	gov: Balance,
	reserve_gov: Balance,
	reserve_alpha: Balance,
	price_ema: u128,
	cap: Balance,
) -> Balance {
	let at_spot = mul_div(gov, reserve_alpha, reserve_gov).unwrap_or(0);
	let at_ema =
		if price_ema == 0 { at_spot } else { mul_div(gov, PRICE_ONE, price_ema).unwrap_or(0) };
	at_spot.min(at_ema).min(cap)
}

/// The per-step EMA weight for a half-life of `half_life` steps: `ln 2 / half_life`, the
/// first-order value of `1 − 2^(−1/h)` (within 0.01 % of it for `h ≥ 3,600`; at most one).
pub fn ema_alpha(half_life: u32) -> Perquintill {
	Perquintill::from_parts(LN2_PARTS.checked_div(u64::from(half_life)).unwrap_or(u64::MAX))
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

/// The three parts of a subnet's pending alpha at an epoch (see [`alpha_split`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AlphaSplit {
	/// The owner's part.
	pub owner: Balance,
	/// The miners' part (shared × incentive).
	pub miners: Balance,
	/// The validators' part (shared × dividends).
	pub validators: Balance,
}

/// Splits `pending` alpha: `owner_cut` of it to the owner, `miner_share` of it to the miners
/// (at most what the owner leaves), the rest to the validators. Each cut rounds down, so the
/// validators receive the rounding and the three parts sum to `pending` exactly.
pub fn alpha_split(pending: Balance, owner_cut: Perbill, miner_share: Perbill) -> AlphaSplit {
	let owner = owner_cut.mul_floor(pending);
	let miners = miner_share.mul_floor(pending).min(pending.saturating_sub(owner));
	AlphaSplit { owner, miners, validators: pending.saturating_sub(owner).saturating_sub(miners) }
}
