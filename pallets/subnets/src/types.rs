//! Stored records and the views the runtime API returns.

use crate::pool::{Price, Reserves};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{Perbill, Perquintill};
use tandem_primitives::{Balance, NetUid};

/// One subnet: owner, pool, alpha accounting and the emission inputs.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct SubnetInfo<AccountId> {
	/// Who registered (and owns) the subnet.
	pub owner: AccountId,
	/// Block of registration.
	pub registered_at: u32,
	/// GOV locked at registration (it seeded the pool).
	pub lock: Balance,
	/// Whether the subnet takes a share of emission (governance can switch it off).
	pub emission_enabled: bool,
	/// The pool's reserves.
	pub reserves: Reserves,
	/// Alpha held in stake positions (Σ hotkey totals).
	pub alpha_outstanding: Balance,
	/// Alpha emitted so far (injected into the pool or accrued as pending), against the cap.
	pub alpha_issued: Balance,
	/// Alpha emission waiting for the next epoch's payout.
	pub pending_alpha: Balance,
	/// EMA of the pool price (GOV per alpha, 12 decimals).
	pub price_ema: Price,
	/// EMA of paid credits spent on the subnet per block (its revenue; recycled credits do not
	/// count), in credit units × `REVENUE_EMA_SCALE`.
	pub revenue_ema: Balance,
	/// The credits pallet's `paid_total` for this subnet at the last block (the watermark).
	pub paid_seen: Balance,
	/// Its `paid_usd_total` at the last block (the watermark of revenue in USD).
	pub paid_usd_seen: Balance,
	/// GOV the subnet may still be minted, accrued from its own paid revenue.
	pub allowance: Balance,
	/// The allowance's USD value at the prices it accrued at.
	pub allowance_usd: Balance,
	/// The subnet's share `w` of the last block's schedule.
	pub emission_share: Perquintill,
}

/// A hotkey's stake on one subnet: its alpha and the shares its nominators hold in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct HotkeyStake {
	/// Alpha staked to the hotkey (grows with dividends).
	pub alpha: Balance,
	/// Shares outstanding in the hotkey's pool.
	pub shares: u128,
}

/// Stake added to a hotkey since its subnet's last epoch payout: a share pool of its own (in
/// `units`) that earns no dividends and does not weigh in consensus until it matures — at
/// the next payout it joins the hotkey's main pool as shares ([`MaturedRound`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct PendingStake {
	/// The payout round (`PayoutRound`) it was added in.
	pub round: u32,
	/// Alpha in the pool (slashes reduce it with the main pool).
	pub alpha: Balance,
	/// Units its positions hold.
	pub units: u128,
}

/// A hotkey's pending pool once matured: `shares` of the main pool minted for it, still to be
/// claimed by positions holding `units` of it (each claims its share when next touched).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct MaturedRound {
	/// Units not yet claimed.
	pub units: u128,
	/// Main-pool shares not yet claimed.
	pub shares: u128,
}

/// A subnet as the runtime API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct SubnetView<AccountId> {
	/// Subnet id.
	pub netuid: NetUid,
	/// Owner.
	pub owner: AccountId,
	/// Emission on.
	pub emission_enabled: bool,
	/// GOV reserve.
	pub gov_reserve: Balance,
	/// Alpha reserve.
	pub alpha_reserve: Balance,
	/// Spot price (GOV per alpha, 12 decimals).
	pub spot_price: Price,
	/// Price EMA.
	pub price_ema: Price,
	/// Share `w` of the last block's schedule (paid revenue EMA ÷ all enabled subnets').
	pub emission_share: Perbill,
	/// Paid revenue EMA, in credit units per day.
	pub revenue_per_day: Balance,
	/// GOV the subnet may still be minted (its emission allowance).
	pub allowance: Balance,
	/// The allowance's USD value at accrual (USD units).
	pub allowance_usd: Balance,
	/// Alpha staked.
	pub alpha_outstanding: Balance,
	/// Alpha waiting for the epoch.
	pub pending_alpha: Balance,
	/// Credits waiting in the subnet's credit pool.
	pub credit_pool: Balance,
}

/// A quote for one swap (equal to what the call would execute now).
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct StakeQuote {
	/// Input, fee included.
	pub amount_in: Balance,
	/// Fee (in the input asset).
	pub fee: Balance,
	/// Output.
	pub amount_out: Balance,
	/// Spot price before.
	pub price_before: Price,
	/// Spot price after.
	pub price_after: Price,
	/// `|after − before| / before`.
	pub price_impact: Perbill,
}

/// A quote for `move_stake`: alpha sold on one subnet, the GOV between, alpha bought on the
/// other.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct MoveQuote {
	/// Alpha sold on `from`.
	pub alpha_in: Balance,
	/// GOV the sale returned (spent on `to`, fee included).
	pub gov_between: Balance,
	/// Alpha bought on `to`.
	pub alpha_out: Balance,
}

/// One of a coldkey's stake positions.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PositionView<AccountId> {
	/// The hotkey staked to.
	pub hotkey: AccountId,
	/// The subnet.
	pub netuid: NetUid,
	/// Shares in the hotkey's pool, matured ones not yet claimed included.
	pub shares: u128,
	/// The position's value in alpha now, its pending (not yet matured) stake included.
	pub alpha: Balance,
	/// The part of `alpha` still pending: staked since the subnet's last epoch payout, it
	/// earns dividends and weighs in consensus only from the next one.
	pub pending: Balance,
}

/// The alpha paid out at one epoch.
#[derive(
	Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo,
)]
pub struct AlphaPayout {
	/// To the owner.
	pub owner: Balance,
	/// To miners (× incentive).
	pub miners: Balance,
	/// To validators (× dividends), take and nominators included.
	pub validators: Balance,
	/// Left pending (no consensus, or rounding).
	pub carried_over: Balance,
}

/// Who dissolved a subnet.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum DissolveCause {
	/// Its owner.
	Owner,
	/// Governance (`DissolveOrigin`).
	Governance,
	/// Pruned to make room for a registration while `MaxSubnets` subnets existed.
	Pruned,
}

/// Where a dissolving subnet's drain stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub enum DrainPhase {
	/// The final payout is still to run (pending alpha and the credit pool, by the last
	/// epoch's scores), then the pool's GOV is split between the owner and the stakers.
	Payout,
	/// Stake positions are redeemed for GOV, `owed_gov` for `owed_alpha`, pro rata.
	Stakers,
	/// The hotkeys' pools and the metagraph are cleared.
	Cleanup,
}

/// A subnet being dissolved: its record taken out of `Networks`, drained by `on_idle`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Dissolution<AccountId> {
	/// The subnet as it was (its pool, alpha outstanding and owner).
	pub info: SubnetInfo<AccountId>,
	/// Who dissolved it.
	pub cause: DissolveCause,
	/// Where the drain stands.
	pub phase: DrainPhase,
	/// GOV still owed to the positions not yet redeemed (held by the pot).
	pub owed_gov: Balance,
	/// Alpha those positions were counted with when the rate was fixed.
	pub owed_alpha: Balance,
	/// A registration waiting for this netuid: the new owner and the lock it paid (held by
	/// the pot).
	pub heir: Option<(AccountId, Balance)>,
	/// Whether the owner may be refunded its lock: not when it dissolves its own subnet within
	/// `NetworkImmunity` of registering it.
	pub refund_lock: bool,
	/// Its final payout failed (its credits could not be retired): other dissolutions drain
	/// first, and it is tried again when none is left.
	pub stalled: bool,
}
