//! The bounds of every protocol parameter (`docs/governance.md` lists them with reasons).
//!
//! A value passes two kinds of check:
//!
//! * its **range** ([`range`]): one arm per parameter, and the match is exhaustive, so a new
//!   parameter does not compile until it has a range;
//! * the **rules between parameters** ([`RULES`]): each rule says which parameters it reads
//!   and is checked, against the values as they would be after the change ([`After`]),
//!   whenever one of them changes. A new cross-parameter bound is one more entry there.
//!
//! A range failure is `BelowMinimum`/`AboveMaximum`; a broken rule returns its own error: the
//! economic bounds name themselves (`PayoutRateFloor`, `BuybackLiveness`, `Laundering`,
//! `Deflation`), the plain consistency rules say `Inconsistent`.

use crate::{
	dynamic_params::{
		credits, subnets, token, yuma, RuntimeParametersKey as K, RuntimeParametersValue as V,
	},
	limits::MAX_UIDS,
	Balance, Runtime,
};
use alloc::vec::Vec;
use frame_support::traits::Get;
use pallet_governance::{
	runtime_api::{ParameterUnit, ParameterView},
	within, BoundError, ParameterBounds,
};
use sp_runtime::{Perbill, Permill};
use tandem_primitives::{
	gov,
	time::{DAYS, MONTH},
	usd,
};

const GOV: Balance = gov::UNIT;
const USD: Balance = usd::UNIT;

use credits::ParametersValue as C;
use subnets::ParametersValue as S;
use token::ParametersValue as T;
use yuma::ParametersValue as Y;

const fn pct(p: u32) -> Perbill {
	Perbill::from_percent(p)
}

/// The parameters as they would be after `self.0` is set: the proposed value for the one that
/// changes, the current value for every other.
pub struct After<'a>(pub &'a V);

/// `After::$name()`: the proposed value if the change is to `$variant`, else `$current::get()`.
macro_rules! after {
	($($name:ident: $ty:ty = $outer:ident($inner:ident::$variant:ident) or $current:path;)*) => {
		impl After<'_> {
			$(
				pub fn $name(&self) -> $ty {
					match self.0 {
						V::$outer($inner::$variant(v)) => *v,
						_ => <$current as Get<$ty>>::get(),
					}
				}
			)*
		}
	};
}

after! {
	credit_price: Balance = Credits(C::CreditPrice) or credits::CreditPrice;
	payout_rate: Balance = Credits(C::PayoutRate) or credits::PayoutRate;
	protocol_fee: Perbill = Credits(C::ProtocolFee) or credits::ProtocolFee;
	owner_cut: Perbill = Credits(C::OwnerCut) or credits::OwnerCut;
	validator_cut: Perbill = Credits(C::ValidatorCut) or credits::ValidatorCut;
	alpha_low: Perbill = Yuma(Y::AlphaLow) or yuma::AlphaLow;
	alpha_high: Perbill = Yuma(Y::AlphaHigh) or yuma::AlphaHigh;
	min_burn: Balance = Yuma(Y::MinBurn) or yuma::MinBurn;
	max_burn: Balance = Yuma(Y::MaxBurn) or yuma::MaxBurn;
	max_buyback_slippage: Perbill = Token(T::MaxBuybackSlippage) or token::MaxBuybackSlippage;
	pool_lp_fee: Permill = Token(T::PoolLpFee) or token::PoolLpFee;
	buyback_share: Perbill = Token(T::BuybackShare) or token::BuybackShare;
	rho: Perbill = Subnets(S::EmissionPerRevenue) or subnets::EmissionPerRevenue;
}

/// A bound between parameters.
pub struct Rule {
	/// What the rule says, for docs and test messages.
	pub name: &'static str,
	/// Whether a change of this parameter can break the rule.
	pub involves: fn(&V) -> bool,
	/// Whether the rule holds after the change.
	pub holds: fn(&After) -> bool,
	/// What a change that breaks the rule is refused with.
	pub error: BoundError,
}

/// `PayoutRate` may not fall under this share of `CreditPrice`.
pub const PAYOUT_RATE_FLOOR: Perbill = Perbill::from_percent(80);
/// `MaxBuybackSlippage` must leave this much above `PoolLpFee`.
pub const BUYBACK_SLIPPAGE_MARGIN: Perbill = Perbill::from_percent(1);

/// `rate ≥ PAYOUT_RATE_FLOOR × price`, exactly (no rounding in the rate's favour).
fn above_payout_floor(rate: Balance, price: Balance) -> bool {
	let floor = u128::from(PAYOUT_RATE_FLOOR.deconstruct());
	let whole = u128::from(Perbill::one().deconstruct());
	rate.saturating_mul(whole) >= price.saturating_mul(floor)
}

/// `slippage ≥ lp_fee + BUYBACK_SLIPPAGE_MARGIN`, in parts per billion.
fn buyback_can_trade(slippage: Perbill, lp_fee: Permill) -> bool {
	let lp_fee_ppb = u64::from(lp_fee.deconstruct()).saturating_mul(1_000);
	let needed = lp_fee_ppb.saturating_add(u64::from(BUYBACK_SLIPPAGE_MARGIN.deconstruct()));
	u64::from(slippage.deconstruct()) >= needed
}

/// `EmissionPerRevenue` may be at most this share of `ProtocolFee`.
pub const LAUNDERING_MARGIN: Perbill = Perbill::from_percent(90);

/// `ρ ≤ LAUNDERING_MARGIN × protocol_fee`, exactly.
fn laundering_unprofitable(rho: Perbill, protocol_fee: Perbill) -> bool {
	let whole = u128::from(Perbill::one().deconstruct());
	u128::from(rho.deconstruct()).saturating_mul(whole)
		<= u128::from(LAUNDERING_MARGIN.deconstruct())
			.saturating_mul(u128::from(protocol_fee.deconstruct()))
}

/// `ρ × price ≤ buyback_share × (protocol_fee × payout + price − payout) × (1 − slippage)`,
/// exactly: every Perbill in parts per billion, the right side's bracket scaled by 10^9.
fn buybacks_cover_emission(a: &After) -> bool {
	let parts = |p: Perbill| u128::from(p.deconstruct());
	let whole = parts(Perbill::one());
	let (price, payout) = (a.credit_price(), a.payout_rate());
	let lhs = parts(a.rho()).saturating_mul(price).saturating_mul(whole).saturating_mul(whole);
	let per_credit = parts(a.protocol_fee())
		.saturating_mul(payout)
		.saturating_add(whole.saturating_mul(price.saturating_sub(payout)));
	let rhs = parts(a.buyback_share())
		.saturating_mul(per_credit)
		.saturating_mul(whole.saturating_sub(parts(a.max_buyback_slippage())));
	lhs <= rhs
}

/// A `PayoutRate` cut may take the rate at most this far under its 30-day high.
pub const PAYOUT_RATE_MAX_CUT: Perbill = Perbill::from_percent(5);

/// A raise, or a cut to at least `(1 − PAYOUT_RATE_MAX_CUT)` × the highest rate of the last
/// 30 days (exactly, no rounding in the cut's favour).
fn cut_within_limit(rate: Balance) -> bool {
	if rate >= credits::PayoutRate::get() {
		return true;
	}
	let high = pallet_credits::Pallet::<Runtime>::payout_rate_high_30d();
	let keep =
		u128::from(Perbill::one().deconstruct().saturating_sub(PAYOUT_RATE_MAX_CUT.deconstruct()));
	let whole = u128::from(Perbill::one().deconstruct());
	rate.saturating_mul(whole) >= high.saturating_mul(keep)
}

/// Every rule between parameters.
pub static RULES: &[Rule] = &[
	Rule {
		name: "the payout rate never exceeds the credit price",
		involves: |v| matches!(v, V::Credits(C::CreditPrice(_) | C::PayoutRate(_))),
		holds: |a| a.payout_rate() <= a.credit_price(),
		error: BoundError::Inconsistent,
	},
	Rule {
		name: "a payout-rate raise is backed: the vault holds every credit at the new rate",
		involves: |v| matches!(v, V::Credits(C::PayoutRate(_))),
		holds: |a| a.payout_rate() <= credits::PayoutRate::get() || vault_backs(a.payout_rate()),
		error: BoundError::Inconsistent,
	},
	Rule {
		name: "the epoch cuts of the credit pool fit in the pool",
		involves: |v| {
			matches!(v, V::Credits(C::ProtocolFee(_) | C::OwnerCut(_) | C::ValidatorCut(_)))
		},
		holds: |a| {
			pallet_credits::math::Cuts {
				protocol_fee: a.protocol_fee(),
				owner: a.owner_cut(),
				validators: a.validator_cut(),
			}
			.is_valid()
		},
		error: BoundError::Inconsistent,
	},
	Rule {
		name: "liquid alpha's low end is at most its high end",
		involves: |v| matches!(v, V::Yuma(Y::AlphaLow(_) | Y::AlphaHigh(_))),
		holds: |a| a.alpha_low() <= a.alpha_high(),
		error: BoundError::Inconsistent,
	},
	Rule {
		name: "the lowest registration burn is at most the highest",
		involves: |v| matches!(v, V::Yuma(Y::MinBurn(_) | Y::MaxBurn(_))),
		holds: |a| a.min_burn() <= a.max_burn(),
		error: BoundError::Inconsistent,
	},
	Rule {
		name: "contributors' protection: the payout rate is at least 80 % of the credit price",
		involves: |v| matches!(v, V::Credits(C::CreditPrice(_) | C::PayoutRate(_))),
		holds: |a| above_payout_floor(a.payout_rate(), a.credit_price()),
		error: BoundError::PayoutRateFloor,
	},
	Rule {
		name: "buyback liveness: the slippage bound is at least the LP fee + 1 %",
		involves: |v| matches!(v, V::Token(T::MaxBuybackSlippage(_) | T::PoolLpFee(_))),
		holds: |a| buyback_can_trade(a.max_buyback_slippage(), a.pool_lp_fee()),
		error: BoundError::BuybackLiveness,
	},
	Rule {
		name: "at most 16 payout-rate changes in 30 days (the cut limit remembers them)",
		involves: |v| matches!(v, V::Credits(C::PayoutRate(_))),
		holds: |_| pallet_credits::Pallet::<Runtime>::payout_rate_change_fits(),
		error: BoundError::Inconsistent,
	},
	Rule {
		name: "contributors' protection: a payout-rate cut is at most 5 % per 30 days",
		involves: |v| matches!(v, V::Credits(C::PayoutRate(_))),
		holds: |a| cut_within_limit(a.payout_rate()),
		error: BoundError::PayoutRateDecrease,
	},
	Rule {
		name: "laundering: emission per revenue is at most 90 % of the protocol fee",
		involves: |v| {
			matches!(v, V::Subnets(S::EmissionPerRevenue(_)) | V::Credits(C::ProtocolFee(_)))
		},
		holds: |a| laundering_unprofitable(a.rho(), a.protocol_fee()),
		error: BoundError::Laundering,
	},
	Rule {
		name: "deflation: the buyback spends on GOV at least what a credit of revenue emits",
		involves: |v| {
			matches!(
				v,
				V::Subnets(S::EmissionPerRevenue(_))
					| V::Credits(C::CreditPrice(_) | C::PayoutRate(_) | C::ProtocolFee(_))
					| V::Token(T::BuybackShare(_) | T::MaxBuybackSlippage(_))
			)
		},
		holds: buybacks_cover_emission,
		error: BoundError::Deflation,
	},
];

/// Whether the credits vault holds the USD to pay every credit in existence at `rate`, on top
/// of the credit fees' USD it owes the treasury.
fn vault_backs(rate: Balance) -> bool {
	let supply = pallet_credits::TotalIssuance::<Runtime>::get();
	let owed = pallet_credits::math::usd_floor(supply, rate)
		.map(|o| o.saturating_add(pallet_credits::PendingFeeUsd::<Runtime>::get()));
	let vault = pallet_credits::Pallet::<Runtime>::vault_usd();
	owed.is_some_and(|owed| vault >= owed)
}

/// A parameter value as the `u128` the runtime API reports (`ParameterUnit` says how it reads).
trait Reported {
	fn reported(self) -> u128;
}
impl Reported for u128 {
	fn reported(self) -> u128 {
		self
	}
}
impl Reported for u32 {
	fn reported(self) -> u128 {
		self.into()
	}
}
impl Reported for u16 {
	fn reported(self) -> u128 {
		self.into()
	}
}
impl Reported for bool {
	fn reported(self) -> u128 {
		self.into()
	}
}
impl Reported for Perbill {
	fn reported(self) -> u128 {
		self.deconstruct().into()
	}
}
impl Reported for Permill {
	fn reported(self) -> u128 {
		self.deconstruct().into()
	}
}

/// `(value, lo, hi)` of one parameter type, reported.
fn reported<P: Reported>(value: P, lo: P, hi: P) -> (u128, u128, u128) {
	(value.reported(), lo.reported(), hi.reported())
}

/// The table of every parameter's range and unit. It writes [`range`], the check
/// `set_parameter` runs (one arm per parameter: the match is exhaustive, so a new parameter does
/// not compile until it has a row), and [`parameter_views`], what the runtime API reports.
macro_rules! parameter_table {
	($(
		$outer:ident($module:ident::$variant:ident): $unit:ident = $lo:expr, $hi:expr;
	)*) => {
		/// The range of each parameter.
		pub fn range(value: &V) -> Result<(), BoundError> {
			match *value {
				$( V::$outer($module::ParametersValue::$variant(v)) => within(v, $lo, $hi), )*
			}
		}

		/// Every parameter with its effective value, its range and its unit
		/// (`GovernanceApi::parameters`).
		pub fn parameter_views() -> Vec<ParameterView<K>> {
			alloc::vec![$({
				let key = K::$outer($module::ParametersKey::$variant($module::$variant));
				let (value, min, max) = reported(<$module::$variant as Get<_>>::get(), $lo, $hi);
				ParameterView {
					name: concat!(stringify!($module), ".", stringify!($variant)).as_bytes().to_vec(),
					value,
					min,
					max,
					unit: ParameterUnit::$unit,
					is_default: !pallet_parameters::Parameters::<Runtime>::contains_key(&key),
					key,
				}
			}),*]
		}
	};
}

parameter_table! {
	// $0.001 ..= $10 per credit.
	Credits(credits::CreditPrice): Usd = USD / 1_000, 10 * USD;
	Credits(credits::PayoutRate): Usd = 1, 10 * USD;
	Credits(credits::ProtocolFee): Perbill = pct(0), pct(50);
	Credits(credits::OwnerCut): Perbill = pct(0), pct(20);
	Credits(credits::ValidatorCut): Perbill = pct(0), pct(50);
	Credits(credits::MaxCreditSlash): Perbill = pct(1), pct(100);

	// 5 blocks (dev chains) ..= 1 week.
	Yuma(yuma::Tempo): Blocks = 5, 7 * DAYS;
	Yuma(yuma::Kappa): Perbill = pct(10), pct(90);
	Yuma(yuma::BondsAlpha): Perbill = pct(1), pct(100);
	Yuma(yuma::LiquidAlpha): Flag = false, true;
	Yuma(yuma::AlphaLow): Perbill = pct(1), pct(100);
	Yuma(yuma::AlphaHigh): Perbill = pct(1), pct(100);
	// Up to the storage bound on uids per subnet.
	Yuma(yuma::MaxValidators): Count = 1, MAX_UIDS;
	Yuma(yuma::MaxAllowedUids): Count = 2, MAX_UIDS;
	Yuma(yuma::ImmunityPeriod): Blocks = 0, MONTH;
	Yuma(yuma::WeightsRateLimit): Blocks = 0, DAYS;
	Yuma(yuma::CommitReveal): Flag = false, true;
	Yuma(yuma::MinAllowedWeights): Count = 0, MAX_UIDS;
	Yuma(yuma::ActivityCutoff): Blocks = 1, MONTH;
	Yuma(yuma::ValidatorStakeThreshold): Gov = 0, 1_000_000 * GOV;
	Yuma(yuma::MinBurn): Gov = 0, 1_000_000 * GOV;
	Yuma(yuma::MaxBurn): Gov = 0, 1_000_000 * GOV;

	Token(token::BuybackInterval): Blocks = 1, DAYS;
	Token(token::BuybackLot): Usd = USD, 1_000_000 * USD;
	Token(token::BuybackShare): Perbill = pct(0), pct(100);
	Token(token::MaxBuybackSlippage): Perbill = Perbill::from_parts(1_000_000), pct(20);
	Token(token::PoolLpFee): Permill = Permill::zero(), Permill::from_percent(3);
	Token(token::AirdropClaimPeriod): Blocks = DAYS, 365 * DAYS;

	Subnets(subnets::SwapFee): Perbill = pct(0), pct(1);
	Subnets(subnets::ValidatorTake): Perbill = pct(0), pct(50);
	Subnets(subnets::MinLockCost): Gov = GOV, 1_000_000 * GOV;
	Subnets(subnets::MaxStakeSlash): Perbill = pct(1), pct(100);
	Subnets(subnets::PriceEmaHalfLife): Blocks = 1, 90 * DAYS;
	Subnets(subnets::EmissionPerRevenue): Perbill = pct(0), pct(9);
	Subnets(subnets::MinerAlphaShare): Perbill = pct(0), pct(41);
	Subnets(subnets::NetworkImmunity): Blocks = 0, 365 * DAYS;
}

/// The bounds `governance.set_parameter` checks: the range, then every rule the change touches,
/// in table order; the first broken rule names the error.
pub struct Bounds;
impl ParameterBounds<V> for Bounds {
	fn check(value: &V) -> Result<(), BoundError> {
		range(value)?;
		let after = After(value);
		match RULES.iter().filter(|r| (r.involves)(value)).find(|r| !(r.holds)(&after)) {
			Some(broken) => Err(broken.error),
			None => Ok(()),
		}
	}

	/// The cut limit remembers every `PayoutRate` change of the last 30 days.
	fn before_set(value: &V) {
		if matches!(value, V::Credits(C::PayoutRate(_))) {
			pallet_credits::Pallet::<Runtime>::note_payout_rate_change();
		}
	}
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

	use super::*;
	use crate::{
		dynamic_params::RuntimeParameters, tests::ext_from_preset, Governance, RuntimeOrigin,
		System,
	};
	use frame_support::{assert_noop, assert_ok};
	use pallet_governance::Error;

	fn set(p: RuntimeParameters) -> sp_runtime::DispatchResult {
		Governance::set_parameter(RuntimeOrigin::root(), p)
	}
	fn credits(p: credits::Parameters) -> RuntimeParameters {
		RuntimeParameters::Credits(p)
	}
	fn yuma(p: yuma::Parameters) -> RuntimeParameters {
		RuntimeParameters::Yuma(p)
	}
	fn inconsistent(p: RuntimeParameters) {
		assert_noop!(set(p), Error::<Runtime>::Inconsistent);
	}

	/// The runtime API's view: every parameter once, its effective value (the default, then
	/// what a referendum set), the range `set_parameter` enforces, and its unit.
	#[test]
	fn the_parameter_views_report_effective_values_and_ranges() {
		ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let views = parameter_views();
			let mut names: Vec<_> = views.iter().map(|v| v.name.clone()).collect();
			names.sort();
			names.dedup();
			assert_eq!(names.len(), views.len(), "each parameter once");
			assert_eq!(views.len(), 36);
			let price = view("credits.CreditPrice");
			assert_eq!((price.value, price.min, price.max), (30_000, 1_000, 10_000_000));
			assert_eq!(price.unit, ParameterUnit::Usd);
			assert!(price.is_default);
			let fee = view("credits.ProtocolFee");
			assert_eq!(
				(fee.value, fee.max, fee.unit),
				(100_000_000, 500_000_000, ParameterUnit::Perbill)
			);
			assert_eq!(view("yuma.CommitReveal").unit, ParameterUnit::Flag);
			assert_eq!(view("yuma.CommitReveal").value, 1);
			// A referendum's value is in force: reported, and no longer the default.
			assert_ok!(set(credits(credits::Parameters::ProtocolFee(
				credits::ProtocolFee,
				Some(pct(12))
			))));
			let fee = view("credits.ProtocolFee");
			assert_eq!(fee.value, 120_000_000);
			assert!(!fee.is_default);
			// The reported ends are what `set_parameter` accepts, and one past them is refused.
			let max = u32::try_from(fee.max).unwrap();
			assert_eq!(range(&V::Credits(C::ProtocolFee(Perbill::from_parts(max)))), Ok(()));
			assert_eq!(
				range(&V::Credits(C::ProtocolFee(Perbill::from_parts(max + 1)))),
				Err(BoundError::AboveMaximum)
			);
			let tempo = view("yuma.Tempo");
			let min = u32::try_from(tempo.min).unwrap();
			assert_eq!(range(&V::Yuma(Y::Tempo(min))), Ok(()));
			assert_eq!(range(&V::Yuma(Y::Tempo(min - 1))), Err(BoundError::BelowMinimum));
		});
	}

	/// The runtime API's view of `name`, as it stands now.
	fn view(name: &str) -> ParameterView<K> {
		parameter_views().into_iter().find(|v| v.name == name.as_bytes()).expect("listed")
	}

	#[test]
	fn after_a_change_the_changed_value_is_proposed_and_the_rest_current() {
		ext_from_preset("development").execute_with(|| {
			let v = V::Credits(C::PayoutRate(20_000));
			let after = After(&v);
			assert_eq!(after.payout_rate(), 20_000);
			assert_eq!(after.credit_price(), credits::CreditPrice::get());
			assert_eq!(after.owner_cut(), credits::OwnerCut::get());
		});
	}

	#[test]
	fn every_rule_involves_some_parameter_and_holds_at_the_defaults() {
		ext_from_preset("development").execute_with(|| {
			let samples = [
				V::Credits(C::CreditPrice(credits::CreditPrice::get())),
				V::Credits(C::PayoutRate(credits::PayoutRate::get())),
				V::Credits(C::ProtocolFee(credits::ProtocolFee::get())),
				V::Yuma(Y::AlphaLow(yuma::AlphaLow::get())),
				V::Yuma(Y::MinBurn(yuma::MinBurn::get())),
				V::Token(T::MaxBuybackSlippage(token::MaxBuybackSlippage::get())),
				V::Subnets(S::EmissionPerRevenue(subnets::EmissionPerRevenue::get())),
			];
			for rule in RULES {
				let involved: Vec<_> = samples.iter().filter(|v| (rule.involves)(v)).collect();
				assert!(!involved.is_empty(), "{} involves no parameter", rule.name);
				for v in involved {
					assert!((rule.holds)(&After(v)), "{} fails at the defaults", rule.name);
				}
			}
		});
	}

	#[test]
	fn each_rule_refuses_the_change_that_breaks_it() {
		ext_from_preset("development").execute_with(|| {
			// Payout rate ≤ credit price, from both sides ($0.027 ≤ $0.03).
			inconsistent(credits(credits::Parameters::CreditPrice(
				credits::CreditPrice,
				Some(26_000),
			)));
			inconsistent(credits(credits::Parameters::PayoutRate(
				credits::PayoutRate,
				Some(31_000),
			)));
			// A raise the vault cannot back: the dev earners' credits are backed at $0.027 only.
			inconsistent(credits(credits::Parameters::PayoutRate(
				credits::PayoutRate,
				Some(28_000),
			)));
			// A cut is checked with the other two as they stand: 50 % + 5 % + 50 % > 100 %.
			assert_ok!(set(credits(credits::Parameters::ProtocolFee(
				credits::ProtocolFee,
				Some(pct(50))
			))));
			inconsistent(credits(credits::Parameters::ValidatorCut(
				credits::ValidatorCut,
				Some(pct(50)),
			)));
			// Liquid alpha low ≤ high (5 % / 30 %), from both sides.
			inconsistent(yuma(yuma::Parameters::AlphaLow(yuma::AlphaLow, Some(pct(40)))));
			inconsistent(yuma(yuma::Parameters::AlphaHigh(yuma::AlphaHigh, Some(pct(4)))));
			// Registration burn min ≤ max (1 / 1,000 GOV), from both sides.
			inconsistent(yuma(yuma::Parameters::MinBurn(yuma::MinBurn, Some(2_000 * gov::UNIT))));
			inconsistent(yuma(yuma::Parameters::MaxBurn(yuma::MaxBurn, Some(gov::UNIT / 2))));
			// The same values pass once the other side moves first.
			assert_ok!(set(yuma(yuma::Parameters::MaxBurn(
				yuma::MaxBurn,
				Some(3_000 * gov::UNIT)
			))));
			assert_ok!(set(yuma(yuma::Parameters::MinBurn(
				yuma::MinBurn,
				Some(2_000 * gov::UNIT)
			))));
		});
	}

	#[test]
	fn the_payout_rate_floor_is_named_and_holds_at_its_edge() {
		ext_from_preset("development").execute_with(|| {
			let price =
				|v| credits(credits::Parameters::CreditPrice(credits::CreditPrice, Some(v)));
			let rate = |v| credits(credits::Parameters::PayoutRate(credits::PayoutRate, Some(v)));
			// PayoutRate $0.027 is 80 % of $0.03375 exactly; one unit more breaks the floor.
			assert_noop!(set(price(33_751)), Error::<Runtime>::PayoutRateFloor);
			assert_ok!(set(price(33_750)));
			// With the price at $0.03375 the rate may not fall at all; back at $0.03 it may fall
			// to $0.024 and no lower (in cuts of at most 5 % a month).
			assert_noop!(set(rate(26_999)), Error::<Runtime>::PayoutRateFloor);
			assert_ok!(set(price(30_000)));
			for (month, to) in [(0, 25_650), (1, 24_368), (2, 24_000)] {
				System::set_block_number(1 + month * MONTH);
				assert_ok!(set(rate(to)));
			}
			System::set_block_number(1 + 3 * MONTH);
			assert_noop!(set(rate(23_999)), Error::<Runtime>::PayoutRateFloor);
		});
	}

	/// A cut is at most 5 % under the highest rate of the last 30 days: two cuts in a month add
	/// up against the same high, and a raise then a cut counts from the raise.
	#[test]
	fn the_payout_rate_cut_limit_is_named_and_slides_over_30_days() {
		ext_from_preset("development").execute_with(|| {
			let rate = |v| credits(credits::Parameters::PayoutRate(credits::PayoutRate, Some(v)));
			// $0.027: 95 % is $0.02565.
			assert_noop!(set(rate(25_649)), Error::<Runtime>::PayoutRateDecrease);
			assert_ok!(set(rate(26_000)));
			// A second cut the same month still counts from $0.027.
			System::set_block_number(MONTH / 2);
			assert_noop!(set(rate(25_649)), Error::<Runtime>::PayoutRateDecrease);
			assert_ok!(set(rate(25_650)));
			// 30 days after the first cut, the high is the $0.026 set then; after the second,
			// $0.02565.
			System::set_block_number(1 + MONTH);
			assert_noop!(set(rate(24_699)), Error::<Runtime>::PayoutRateDecrease);
			System::set_block_number(MONTH / 2 + MONTH);
			assert_ok!(set(rate(24_368)));
			assert_eq!(credits::PayoutRate::get(), 24_368);
		});
	}

	#[test]
	fn buyback_liveness_is_named_and_holds_at_its_edge() {
		ext_from_preset("development").execute_with(|| {
			let token = |p| RuntimeParameters::Token(p);
			let slippage = |v| {
				token(token::Parameters::MaxBuybackSlippage(
					token::MaxBuybackSlippage,
					Some(Perbill::from_parts(v)),
				))
			};
			let lp_fee = |v| {
				token(token::Parameters::PoolLpFee(token::PoolLpFee, Some(Permill::from_parts(v))))
			};
			// LP fee 0.3 % + 1 % = 1.3 %: the lowest slippage bound a buyback can trade under.
			assert_noop!(set(slippage(12_999_999)), Error::<Runtime>::BuybackLiveness);
			assert_ok!(set(slippage(13_000_000)));
			// The LP fee is held to the slippage bound − 1 % from the other side.
			assert_noop!(set(lp_fee(3_001)), Error::<Runtime>::BuybackLiveness);
			assert_ok!(set(slippage(20_000_000)));
			assert_ok!(set(lp_fee(10_000)));
			assert_noop!(set(lp_fee(10_001)), Error::<Runtime>::BuybackLiveness);
		});
	}

	fn emission_per_revenue(parts: u32) -> RuntimeParameters {
		RuntimeParameters::Subnets(subnets::Parameters::EmissionPerRevenue(
			subnets::EmissionPerRevenue,
			Some(Perbill::from_parts(parts)),
		))
	}

	#[test]
	fn the_laundering_bound_is_named_and_holds_at_its_edge() {
		ext_from_preset("development").execute_with(|| {
			let fee = |v| {
				credits(credits::Parameters::ProtocolFee(
					credits::ProtocolFee,
					Some(Perbill::from_parts(v)),
				))
			};
			// ρ = 6 % needs a protocol fee of at least 6 % / 0.9 = 6.666…67 %.
			assert_noop!(set(fee(66_666_666)), Error::<Runtime>::Laundering);
			assert_ok!(set(fee(66_666_667)));
			// From the other side: at that fee ρ may rise by one part at most.
			assert_noop!(set(emission_per_revenue(60_000_001)), Error::<Runtime>::Laundering);
			// And ρ's own range stops at 9 % whatever the fee.
			assert_ok!(set(fee(500_000_000)));
			assert_noop!(set(emission_per_revenue(90_000_001)), Error::<Runtime>::AboveMaximum);
			assert_ok!(set(emission_per_revenue(0)));
		});
	}

	#[test]
	fn the_deflation_bound_is_named_and_holds_at_its_edge() {
		ext_from_preset("development").execute_with(|| {
			let share = |v| {
				RuntimeParameters::Token(token::Parameters::BuybackShare(
					token::BuybackShare,
					Some(Perbill::from_parts(v)),
				))
			};
			// 6 % × $0.03 ≤ s × (10 % × $0.027 + $0.003) × 98 % needs s ≥ 32.2234157 %.
			assert_noop!(set(share(322_234_156)), Error::<Runtime>::Deflation);
			assert_ok!(set(share(322_234_157)));
			// With that share, ρ may not rise, nor the spread shrink, nor slippage grow.
			assert_noop!(set(emission_per_revenue(60_000_001)), Error::<Runtime>::Deflation);
			let slippage = RuntimeParameters::Token(token::Parameters::MaxBuybackSlippage(
				token::MaxBuybackSlippage,
				Some(pct(3)),
			));
			assert_noop!(set(slippage), Error::<Runtime>::Deflation);
			// A lower ρ makes room again.
			assert_ok!(set(emission_per_revenue(50_000_000)));
			assert_ok!(set(share(300_000_000)));
		});
	}

	#[test]
	fn miner_alpha_share_has_its_range() {
		ext_from_preset("development").execute_with(|| {
			let miners = |p| {
				RuntimeParameters::Subnets(subnets::Parameters::MinerAlphaShare(
					subnets::MinerAlphaShare,
					Some(p),
				))
			};
			assert_noop!(
				set(miners(Perbill::from_parts(410_000_001))),
				Error::<Runtime>::AboveMaximum
			);
			assert_ok!(set(miners(pct(41))));
		});
	}

	#[test]
	fn network_immunity_has_its_range() {
		ext_from_preset("development").execute_with(|| {
			let immunity = |v| {
				RuntimeParameters::Subnets(subnets::Parameters::NetworkImmunity(
					subnets::NetworkImmunity,
					Some(v),
				))
			};
			assert_noop!(set(immunity(365 * DAYS + 1)), Error::<Runtime>::AboveMaximum);
			assert_ok!(set(immunity(0)));
			assert_eq!(<subnets::NetworkImmunity as Get<u32>>::get(), 0);
		});
	}

	#[test]
	fn a_change_outside_every_rule_runs_only_its_range() {
		ext_from_preset("development").execute_with(|| {
			let tempo = V::Yuma(Y::Tempo(10));
			assert!(RULES.iter().all(|r| !(r.involves)(&tempo)));
			assert_eq!(Bounds::check(&tempo), Ok(()));
			assert_eq!(Bounds::check(&V::Yuma(Y::Tempo(4))), Err(BoundError::BelowMinimum));
			assert_eq!(
				Bounds::check(&V::Yuma(Y::MaxAllowedUids(MAX_UIDS + 1))),
				Err(BoundError::AboveMaximum)
			);
		});
	}
}
