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
	/// Governance ratio (bought back and burned ÷ emitted, 12 months) in parts per million;
	/// `None` while nothing was emitted.
	pub governance_ratio_ppm: Option<u64>,
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
