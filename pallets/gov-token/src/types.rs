//! Stored records, event payloads and the `TokenApi` view.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::FixedU128;
use tandem_primitives::Balance;

/// Launch phase: mesh before token.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Phase {
	/// No emission; USD collects in the buyback pot but buys nothing.
	#[default]
	Mesh,
	/// Emission and buybacks run.
	Launched,
}

/// Why a due buyback did not trade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum SkipReason {
	/// The pot holds no USD above its minimum balance.
	EmptyPot,
	/// There is no USD/GOV pool with liquidity, or no oracle price yet.
	NoMarket,
	/// The pool would pay less than the oracle price allows (a moved price, or thin liquidity).
	SlippageBound,
	/// The swap or a transfer failed; nothing was changed.
	Failed,
}

/// Why GOV was burned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum BurnSource {
	/// Bought back with protocol-fee USD.
	Buyback,
	/// `BuybackShare` of a GOV fee.
	Fee,
	/// Any other burn routed through the pallet (registration burns, balance dust).
	Other,
}

/// One month of token flows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct TokenMonth {
	/// The month (block / 30 days) this slot holds.
	pub month: u32,
	/// GOV emitted.
	pub emitted: Balance,
	/// USD value of the GOV emitted, at the price its allowance accrued at.
	pub emitted_usd: Balance,
	/// GOV bought back and burned (buybacks and the burned share of GOV fees).
	pub bought_back: Balance,
	/// USD spent on buybacks.
	pub usd_spent: Balance,
}

/// What `TokenApi::info` returns.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct TokenInfo {
	/// Launch phase.
	pub phase: Phase,
	/// GOV the next block emits (zero before launch).
	pub emission_per_block: Balance,
	/// GOV ever emitted.
	pub emitted: Balance,
	/// GOV ever burned through the pallet.
	pub burned: Balance,
	/// Emission cap.
	pub emission_cap: Balance,
	/// GOV issuance now.
	pub total_issuance: Balance,
	/// USD in the buyback pot.
	pub pot_usd: Balance,
	/// First block of the next buyback.
	pub next_buyback: u32,
	/// Oracle EMA, GOV units per USD unit.
	pub oracle_price: FixedU128,
	/// Spot price of the pool, GOV units per USD unit (zero without a pool).
	pub spot_price: FixedU128,
	/// GOV emitted over the last 12 months.
	pub emitted_12m: Balance,
	/// The USD value of that GOV at the prices its allowances accrued at: at most
	/// `EmissionPerRevenue` × the paid revenue behind it.
	pub emitted_usd_12m: Balance,
	/// GOV bought back and burned over the last 12 months.
	pub bought_back_12m: Balance,
	/// USD spent on buybacks over the last 12 months.
	pub buyback_usd_12m: Balance,
	/// GOV emitted this month (30 days of blocks).
	pub emitted_month: Balance,
	/// Its USD value at accrual.
	pub emitted_usd_month: Balance,
	/// GOV bought back and burned this month.
	pub bought_back_month: Balance,
	/// USD spent on buybacks this month.
	pub buyback_usd_month: Balance,
	/// Governance ratio (bought back and burned ÷ emitted, 12 months) in parts per million;
	/// `None` while nothing was emitted.
	pub governance_ratio_ppm: Option<u64>,
}

/// Emission against revenue, as `TokenApi::economy` reports it (the runtime gathers it from the
/// credits, subnets and GOV pallets). Ratios in parts per million, `None` on a zero
/// denominator; "month" is the current 30-day metrics month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct EconomyInfo {
	/// Paid revenue (paid credits spent, at `CreditPrice`) over 12 months, USD units.
	pub paid_revenue_usd_12m: Balance,
	/// Paid revenue this month, USD units.
	pub paid_revenue_usd_month: Balance,
	/// Recycled credits (earned credits spent again) over 12 months.
	pub recycled_credits_12m: Balance,
	/// Recycled credits this month.
	pub recycled_credits_month: Balance,
	/// GOV emitted over 12 months, in USD at accrual.
	pub emitted_usd_12m: Balance,
	/// GOV emitted this month, in USD at accrual.
	pub emitted_usd_month: Balance,
	/// Emission : paid revenue over 12 months (at most `EmissionPerRevenue`).
	pub emission_revenue_ppm_12m: Option<u64>,
	/// Emission : paid revenue this month.
	pub emission_revenue_ppm_month: Option<u64>,
	/// GOV the subnets may still be minted (Σ allowances).
	pub allowance_gov: Balance,
	/// Its USD value at accrual.
	pub allowance_usd: Balance,
	/// GOV bought back and burned over 12 months.
	pub bought_back_12m: Balance,
	/// USD spent on buybacks over 12 months.
	pub buyback_usd_12m: Balance,
	/// USD waiting in the buyback pot.
	pub pot_usd: Balance,
	/// Bought back ÷ emitted over 12 months.
	pub governance_ratio_ppm: Option<u64>,
	/// Alpha staked on every subnet, valued in GOV at each pool's price.
	pub staked_gov: Balance,
	/// The staking yield emission implies: stakers' 82 % of the GOV emitted over 12 months
	/// ÷ `staked_gov`.
	pub staking_yield_ppm: Option<u64>,
}

/// An open contributor airdrop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Airdrop {
	/// Its id (keys the snapshot and the claims).
	pub id: u32,
	/// GOV to split.
	pub amount: Balance,
	/// The airdrop basis of every coldkey on the roster at the snapshot.
	pub total_basis: Balance,
	/// Block of the snapshot.
	pub snapshot_block: u32,
	/// Last block to claim in.
	pub ends_at: u32,
	/// GOV claimed so far.
	pub claimed: Balance,
}
