//! Pure credit arithmetic: prices and the epoch payout split. No storage, no `T`; every
//! function is total (overflow is an `Err`/`None`, never a panic) and property-tested.
//!
//! Units: credits and USD both have 6 decimals. A price or rate is USD base units per *whole*
//! credit (`CreditPrice = 30_000` is $0.03 per credit).

use sp_runtime::Perbill;
use tandem_primitives::{
	credit::UNIT as CREDIT_UNIT,
	math::{mul_div, mul_div_ceil},
	Balance,
};

/// USD owed for `credits` at `price`, rounded **up** (in the network's favour when it is paid).
pub fn usd_ceil(credits: Balance, price: Balance) -> Option<Balance> {
	credits.checked_mul(price).map(|n| n.div_ceil(CREDIT_UNIT))
}

/// A purchase of `credits` for `usd`: `(backing, spread)` — the vault keeps the backing at
/// `payout_rate` (rounded up, never more than was paid), the spread `usd − backing` goes to the
/// buyback pot at once.
pub fn purchase_split(
	usd: Balance,
	credits: Balance,
	payout_rate: Balance,
) -> Option<(Balance, Balance)> {
	let backing = usd_ceil(credits, payout_rate)?.min(usd);
	Some((backing, usd.saturating_sub(backing)))
}

/// The paid part of `credits` taken from a pool of `balance` credits of which `paid` are paid:
/// `credits × paid / balance`, rounded down (zero from an empty pool).
pub fn paid_part(credits: Balance, paid: Balance, balance: Balance) -> Balance {
	if balance == 0 {
		return 0;
	}
	mul_div(credits, paid.min(balance), balance).unwrap_or(0)
}

/// Credits worth `gov_fee` GOV: `⌈⌈gov_fee / gov_per_usd⌉ × 10⁶ / credit_price⌉`, at least 1;
/// `None` without a usable price.
pub fn credit_fee(
	gov_fee: Balance,
	gov_per_usd: sp_runtime::FixedU128,
	credit_price: Balance,
) -> Option<Balance> {
	use sp_runtime::FixedPointNumber;
	if gov_per_usd.into_inner() == 0 || credit_price == 0 {
		return None;
	}
	// USD units, rounded up: gov_fee / (inner / DIV) = gov_fee × DIV / inner.
	let usd = mul_div_ceil(gov_fee, sp_runtime::FixedU128::DIV, gov_per_usd.into_inner())?;
	let credits = mul_div_ceil(usd, CREDIT_UNIT, credit_price)?;
	Some(credits.max(1))
}

/// USD for `credits` at `rate`, rounded **down** (in the network's favour when it pays out).
pub fn usd_floor(credits: Balance, rate: Balance) -> Option<Balance> {
	credits.checked_mul(rate).and_then(|n| n.checked_div(CREDIT_UNIT))
}

/// Credits whose backing at `rate` is at least `usd`: `⌈usd × 10⁶ / rate⌉` (rounded **up**, in
/// the network's favour when credits pay for something priced in USD). `None` if `rate` is zero
/// or the product overflows.
pub fn credits_worth(usd: Balance, rate: Balance) -> Option<Balance> {
	if rate == 0 {
		return None;
	}
	usd.checked_mul(CREDIT_UNIT).map(|n| n.div_ceil(rate))
}

/// `num / den` in parts per million, `None` if `den` is zero or the result overflows.
pub fn ratio_ppm(num: Balance, den: Balance) -> Option<u128> {
	num.checked_mul(1_000_000).and_then(|n| n.checked_div(den))
}

/// The cuts taken from a pool before miners are paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cuts {
	/// Burned; its USD backing goes to the buyback pot.
	pub protocol_fee: Perbill,
	/// To the subnet owner.
	pub owner: Perbill,
	/// To validators, by dividends.
	pub validators: Perbill,
}

impl Cuts {
	/// `true` if the three cuts leave something (or exactly nothing) for miners.
	pub fn is_valid(&self) -> bool {
		u64::from(self.protocol_fee.deconstruct())
			.saturating_add(u64::from(self.owner.deconstruct()))
			.saturating_add(u64::from(self.validators.deconstruct()))
			<= u64::from(Perbill::one().deconstruct())
	}
}

/// How one pool is paid out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
	/// Credits burned as the protocol fee.
	pub protocol_fee: Balance,
	/// Credits to the owner.
	pub owner: Balance,
	/// Credits to each validator, in the order of the shares given.
	pub validators: alloc::vec::Vec<Balance>,
	/// Credits to each miner, in the order of the shares given.
	pub miners: alloc::vec::Vec<Balance>,
	/// Credits that stay in the pool: rounding dust, unassigned shares, or all of it when
	/// there is no consensus.
	pub carried_over: Balance,
}

/// Why a pool cannot be split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitError {
	/// Protocol fee + owner cut + validator cut exceed 100 %.
	CutsExceedOne,
	/// The validator shares sum to more than 100 %.
	ValidatorSharesExceedOne,
	/// The miner shares sum to more than 100 %.
	MinerSharesExceedOne,
}

fn sum_parts(shares: &[Perbill]) -> u64 {
	shares.iter().fold(0u64, |acc, s| acc.saturating_add(u64::from(s.deconstruct())))
}

/// Splits `pool` credits by `cuts` and the Yuma shares (validators × D, miners × I).
///
/// * no miner share at all (empty, or all zero) means no consensus: nothing is paid, nothing
///   burned, the whole pool carries over;
/// * otherwise `fee = ⌊pool·protocol_fee⌋`, `owner = ⌊pool·owner⌋`,
///   `V = ⌊pool·validators⌋`, `M = pool − fee − owner − V`; validator i gets `⌊V·D_i⌋`, miner j
///   `⌊M·I_j⌋`, and what rounding (or shares summing below one) leaves carries over.
///
/// Always `protocol_fee + owner + Σ validators + Σ miners + carried_over == pool`.
pub fn split_pool(
	pool: Balance,
	cuts: Cuts,
	validator_shares: &[Perbill],
	miner_shares: &[Perbill],
) -> Result<Split, SplitError> {
	if !cuts.is_valid() {
		return Err(SplitError::CutsExceedOne);
	}
	let one = u64::from(Perbill::one().deconstruct());
	if sum_parts(validator_shares) > one {
		return Err(SplitError::ValidatorSharesExceedOne);
	}
	let miner_total = sum_parts(miner_shares);
	if miner_total > one {
		return Err(SplitError::MinerSharesExceedOne);
	}
	if miner_total == 0 {
		return Ok(Split {
			validators: validator_shares.iter().map(|_| 0).collect(),
			miners: miner_shares.iter().map(|_| 0).collect(),
			carried_over: pool,
			..Default::default()
		});
	}

	let protocol_fee = cuts.protocol_fee.mul_floor(pool);
	let owner = cuts.owner.mul_floor(pool);
	let validator_part = cuts.validators.mul_floor(pool);
	// Cuts sum to at most one and each is floored, so this cannot underflow; saturate anyway.
	let miner_part =
		pool.saturating_sub(protocol_fee).saturating_sub(owner).saturating_sub(validator_part);

	let validators: alloc::vec::Vec<Balance> =
		validator_shares.iter().map(|d| d.mul_floor(validator_part)).collect();
	let miners: alloc::vec::Vec<Balance> =
		miner_shares.iter().map(|i| i.mul_floor(miner_part)).collect();
	let paid = validators
		.iter()
		.chain(miners.iter())
		.fold(protocol_fee.saturating_add(owner), |acc, x| acc.saturating_add(*x));
	let carried_over = pool.saturating_sub(paid);

	Ok(Split { protocol_fee, owner, validators, miners, carried_over })
}

#[cfg(test)]
mod tests {
	#![allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)]
	use super::*;
	use proptest::prelude::*;

	const DEFAULT_CUTS: Cuts = Cuts {
		protocol_fee: Perbill::from_percent(10),
		owner: Perbill::from_percent(5),
		validators: Perbill::from_percent(15),
	};

	#[test]
	fn prices_round_in_the_networks_favour() {
		// 1 micro-credit at $0.03 costs 0.03 micro-USD: rounded up to 1 when paying,
		// down to 0 when paying out.
		assert_eq!(usd_ceil(1, 30_000), Some(1));
		assert_eq!(usd_floor(1, 27_000), Some(0));
		assert_eq!(usd_ceil(CREDIT_UNIT, 30_000), Some(30_000));
		assert_eq!(usd_floor(100 * CREDIT_UNIT, 27_000), Some(2_700_000));
		assert_eq!(usd_ceil(Balance::MAX, 2), None);
		assert_eq!(usd_floor(Balance::MAX, 2), None);
	}

	#[test]
	fn a_purchase_keeps_the_backing_and_moves_the_spread() {
		// 100 credits for $3 at a $0.027 payout rate: $2.70 stays, $0.30 to the pot.
		assert_eq!(
			purchase_split(3_000_000, 100 * CREDIT_UNIT, 27_000),
			Some((2_700_000, 300_000))
		);
		// 1 micro-credit: its backing rounds up to the whole unit paid; no spread.
		assert_eq!(purchase_split(1, 1, 27_000), Some((1, 0)));
	}

	proptest! {
		#[test]
		fn the_backing_covers_the_payout_and_the_parts_add_up(
			credits in 0u128..=1u128 << 80,
			price in 1u128..=10_000_000,
			rate_share in 0u32..=1_000_000_000,
		) {
			let rate = Perbill::from_parts(rate_share).mul_floor(price);
			let usd = usd_ceil(credits, price).unwrap();
			let (backing, spread) = purchase_split(usd, credits, rate).unwrap();
			prop_assert_eq!(backing + spread, usd);
			prop_assert!(backing >= usd_floor(credits, rate).unwrap(), "cash-out always covered");
		}
	}

	proptest! {
		/// Credits bought at `credits_worth` always back the USD they pay for, and one credit
		/// unit fewer would not.
		#[test]
		fn credits_worth_covers_the_usd_and_no_more(
			usd in 0u128..=1u128 << 80,
			rate in 1u128..=10_000_000,
		) {
			let credits = credits_worth(usd, rate).unwrap();
			prop_assert!(usd_floor(credits, rate).unwrap() >= usd);
			if credits > 0 {
				prop_assert!((credits - 1) * rate < usd * CREDIT_UNIT, "the least that covers it");
			}
		}
	}

	proptest! {
		#[test]
		fn a_paid_part_is_at_most_the_part_and_the_paid(
			credits in 0u128..=1u128 << 100,
			paid in 0u128..=1u128 << 100,
			extra in 0u128..=1u128 << 100,
		) {
			let balance = paid + extra;
			let part = paid_part(credits.min(balance), paid, balance);
			prop_assert!(part <= credits.min(balance) && part <= paid);
		}
	}

	#[test]
	fn a_credit_fee_is_worth_the_gov_fee() {
		// 0.0002 GOV at $1 per GOV (10⁶ GOV units per USD unit) is $0.0002 = 200 USD units;
		// at $0.03 per credit that is 0.006667 credits, rounded up to 6,667 units.
		let one_dollar = sp_runtime::FixedU128::from_u32(1_000_000);
		assert_eq!(credit_fee(200_000_000, one_dollar, 30_000), Some(6_667));
		// GOV at $0.10 (10⁷ units per USD unit): a tenth of it.
		let dime = sp_runtime::FixedU128::from_u32(10_000_000);
		assert_eq!(credit_fee(200_000_000, dime, 30_000), Some(667));
		// Never free: at least one USD unit's worth.
		assert_eq!(credit_fee(1, one_dollar, 30_000), Some(34));
		assert_eq!(credit_fee(1, sp_runtime::FixedU128::from_u32(0), 30_000), None);
	}

	#[test]
	fn ratio_handles_zero() {
		assert_eq!(ratio_ppm(1, 0), None);
		assert_eq!(ratio_ppm(3, 2), Some(1_500_000));
	}

	#[test]
	fn worked_split_example() {
		// 1,000 credits; D = (60 %, 40 %); I = (50 %, 30 %, 20 %).
		let pool = 1_000 * CREDIT_UNIT;
		let s = split_pool(
			pool,
			DEFAULT_CUTS,
			&[Perbill::from_percent(60), Perbill::from_percent(40)],
			&[Perbill::from_percent(50), Perbill::from_percent(30), Perbill::from_percent(20)],
		)
		.unwrap();
		assert_eq!(s.protocol_fee, 100 * CREDIT_UNIT);
		assert_eq!(s.owner, 50 * CREDIT_UNIT);
		assert_eq!(s.validators, vec![90 * CREDIT_UNIT, 60 * CREDIT_UNIT]);
		assert_eq!(s.miners, vec![350 * CREDIT_UNIT, 210 * CREDIT_UNIT, 140 * CREDIT_UNIT]);
		assert_eq!(s.carried_over, 0);
	}

	#[test]
	fn no_consensus_carries_everything_over() {
		let s = split_pool(500, DEFAULT_CUTS, &[Perbill::one()], &[]).unwrap();
		assert_eq!(s.carried_over, 500);
		assert_eq!(s.protocol_fee, 0);
		let s = split_pool(500, DEFAULT_CUTS, &[], &[Perbill::zero(), Perbill::zero()]).unwrap();
		assert_eq!(s.carried_over, 500);
	}

	#[test]
	fn shares_above_one_are_refused() {
		let half = Perbill::from_percent(50);
		let over = [half, half, Perbill::from_parts(1)];
		assert_eq!(
			split_pool(10, DEFAULT_CUTS, &over, &[half]),
			Err(SplitError::ValidatorSharesExceedOne)
		);
		assert_eq!(
			split_pool(10, DEFAULT_CUTS, &[half], &over),
			Err(SplitError::MinerSharesExceedOne)
		);
		let cuts = Cuts { protocol_fee: half, owner: half, validators: Perbill::from_parts(1) };
		assert_eq!(split_pool(10, cuts, &[half], &[half]), Err(SplitError::CutsExceedOne));
	}

	fn shares(max_len: usize) -> impl Strategy<Value = Vec<Perbill>> {
		// Random weights normalised to sum to at most one.
		prop::collection::vec(0u32..1_000_000, 0..max_len).prop_map(|ws| {
			let total: u64 = ws.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
			ws.iter()
				.map(|w| Perbill::from_rational(u64::from(*w), total))
				.scan(0u64, |acc, p| {
					// from_rational rounds to nearest: keep the running sum ≤ one.
					let parts = u64::from(p.deconstruct()).min(1_000_000_000 - *acc);
					*acc += parts;
					Some(Perbill::from_parts(parts as u32))
				})
				.collect()
		})
	}

	fn cuts() -> impl Strategy<Value = Cuts> {
		(0u32..=1_000_000_000, 0u32..=1_000_000_000, 0u32..=1_000_000_000).prop_map(|(a, b, c)| {
			let b = b.min(1_000_000_000 - a);
			let c = c.min(1_000_000_000 - a - b);
			Cuts {
				protocol_fee: Perbill::from_parts(a),
				owner: Perbill::from_parts(b),
				validators: Perbill::from_parts(c),
			}
		})
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(2_000))]

		/// Credits in == credits out + fee (+ carry-over), to the last unit.
		#[test]
		fn split_conserves_credits(
			pool in 0u128..=(u128::MAX / 4),
			cuts in cuts(),
			v in shares(70),
			m in shares(300),
		) {
			let s = split_pool(pool, cuts, &v, &m).unwrap();
			let out: u128 = s.validators.iter().chain(s.miners.iter()).sum::<u128>()
				+ s.owner + s.protocol_fee + s.carried_over;
			prop_assert_eq!(out, pool);
			prop_assert_eq!(s.validators.len(), v.len());
			prop_assert_eq!(s.miners.len(), m.len());
		}

		/// Every recipient gets at most its exact (real-valued) share.
		#[test]
		fn split_never_overpays(pool in 0u128..=1_000_000_000_000_000u128, cuts in cuts(), m in shares(50)) {
			let s = split_pool(pool, cuts, &[], &m).unwrap();
			for (x, share) in s.miners.iter().zip(m.iter()) {
				prop_assert!(*x <= pool);
				prop_assert!(*x * 1_000_000_000 <= pool * u128::from(share.deconstruct()));
			}
		}

		/// The USD paid for n credits at once is never less than the USD paid out for them, and
		/// splitting a purchase into tiny pieces never costs less than buying at once.
		#[test]
		fn tiny_buys_never_mint_value(
			pieces in prop::collection::vec(1u128..10_000, 1..200),
			price in 1u128..1_000_000,
			rate_frac in 0u128..=1_000,
		) {
			let rate = price * rate_frac / 1_000; // rate ≤ price
			let total: u128 = pieces.iter().sum();
			let paid_in_pieces: u128 = pieces.iter().map(|c| usd_ceil(*c, price).unwrap()).sum();
			let paid_at_once = usd_ceil(total, price).unwrap();
			let paid_out_in_pieces: u128 = pieces.iter().map(|c| usd_floor(*c, rate).unwrap()).sum();
			prop_assert!(paid_in_pieces >= paid_at_once);
			prop_assert!(paid_at_once >= usd_floor(total, rate).unwrap());
			prop_assert!(usd_floor(total, rate).unwrap() >= paid_out_in_pieces);
		}

		/// Payout math never panics, whatever the input.
		#[test]
		fn split_total(pool in any::<u128>(), a in any::<u32>(), b in any::<u32>(), c in any::<u32>(),
			v in prop::collection::vec(any::<u32>(), 0..5), m in prop::collection::vec(any::<u32>(), 0..5)) {
			let cuts = Cuts { protocol_fee: Perbill::from_parts(a), owner: Perbill::from_parts(b), validators: Perbill::from_parts(c) };
			let v: Vec<_> = v.into_iter().map(Perbill::from_parts).collect();
			let m: Vec<_> = m.into_iter().map(Perbill::from_parts).collect();
			let _ = split_pool(pool, cuts, &v, &m);
		}
	}
}
