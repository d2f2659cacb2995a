#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod halving;
pub mod math;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// A signature on the chain (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;

/// An account id: the 32-byte public key of the signer.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of GOV (12 decimals), USD (6 decimals) and credits (6 decimals).
pub type Balance = u128;

/// Block number.
pub type BlockNumber = u32;

/// Account nonce.
pub type Nonce = u32;

/// Id of an asset in `pallet-assets`.
pub type AssetId = u32;

/// Id of a subnet (`pallet-subnets`, `pallet-yuma`, per-subnet credit pools).
pub type NetUid = u16;

/// The asset id of the USD settlement stable in `pallet-assets`.
pub const USD_ASSET_ID: AssetId = 1;

/// Units of the native governance token (GOV, symbol `TDM`, 12 decimals).
pub mod gov {
	use super::Balance;
	/// Decimals of GOV.
	pub const DECIMALS: u8 = 12;
	/// One whole GOV.
	pub const UNIT: Balance = 1_000_000_000_000;
	/// One thousandth of a GOV.
	pub const MILLI: Balance = UNIT / 1_000;
	/// One millionth of a GOV.
	pub const MICRO: Balance = UNIT / 1_000_000;
	/// Ticker shown by wallets.
	pub const SYMBOL: &str = "TDM";
}

/// Units of the USD stable (asset 1, 6 decimals).
pub mod usd {
	use super::Balance;
	/// Decimals of USD.
	pub const DECIMALS: u8 = 6;
	/// One US dollar.
	pub const UNIT: Balance = 1_000_000;
	/// One US cent.
	pub const CENT: Balance = UNIT / 100;
}

/// Units of the compute credit (6 decimals; 1 credit = 1 normalized A100-minute).
pub mod credit {
	use super::Balance;
	/// Decimals of a credit.
	pub const DECIMALS: u8 = 6;
	/// One credit.
	pub const UNIT: Balance = 1_000_000;
}

/// Time, for 6-second blocks.
pub mod time {
	use super::BlockNumber;
	/// Target block time in milliseconds.
	pub const MILLISECS_PER_BLOCK: u64 = 6_000;
	/// Aura slot duration (one block per slot).
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
	/// Blocks per metrics "month" (30 days), the size of one bucket of the 12-slot rings.
	pub const MONTH: BlockNumber = DAYS * 30;
}

/// The 12-slot ring of monthly metrics (credits and gov-token keep one each): month `m` is
/// stored in slot `m % 12`, and a slot still holding an older month is reset on first write.
pub mod months {
	use super::{time::MONTH, BlockNumber};

	/// Slots in the ring: a year of months.
	pub const SLOTS: u32 = 12;

	/// The metrics month of block `now` (30-day months from block 0) and its slot in the ring.
	pub fn month_slot(now: BlockNumber) -> (u32, u8) {
		let month = now.checked_div(MONTH).unwrap_or(0);
		(month, u8::try_from(month.checked_rem(SLOTS).unwrap_or(0)).unwrap_or(0))
	}

	/// Whether a slot recording `month` counts in the year that ends with month `current`
	/// (the current month and the 11 before it).
	pub fn in_last_year(month: u32, current: u32) -> bool {
		month <= current && current.saturating_sub(month) < SLOTS
	}
}

/// A block number as the `u32` the pallets count in (saturating: a chain of 6-second blocks
/// reaches `u32::MAX` after 800 years).
pub fn block_u32<N: sp_runtime::traits::UniqueSaturatedInto<u32>>(n: N) -> u32 {
	n.unique_saturated_into()
}

/// Answers whether a subnet exists (`pallet-subnets` implements it), so pallets that take a
/// `netuid` can validate it.
pub trait SubnetRegistry {
	/// `true` if `netuid` names a live subnet.
	fn exists(netuid: NetUid) -> bool;
}

/// The result of paying out one subnet's credit pool at an epoch (see [`CreditsInterface`]).
#[derive(
	Clone, Copy, Debug, Default, PartialEq, Eq, codec::Encode, codec::Decode, scale_info::TypeInfo,
)]
pub struct PayoutOutcome {
	/// Credits in the pool before the payout.
	pub pool_before: Balance,
	/// Credits burned as the protocol fee (their USD backing moved to the buyback pot).
	pub protocol_fee: Balance,
	/// USD moved from the vault to the buyback pot for the protocol fee.
	pub protocol_fee_usd: Balance,
	/// Credits paid to the subnet owner.
	pub owner: Balance,
	/// Credits paid to validators in total.
	pub validators: Balance,
	/// Credits paid to miners in total.
	pub miners: Balance,
	/// Credits left in the pool for the next epoch (rounding dust, or all of it without
	/// consensus).
	pub carried_over: Balance,
}

/// Who is paid from a subnet's credit pool at an epoch, and in what proportion. Validator
/// shares are Yuma dividends `D`, miner shares incentives `I`; each list must sum to at most
/// one. An empty miner list means "no consensus": the pool carries over untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayoutShares<AccountId> {
	/// The subnet owner (receives `OwnerCut`).
	pub owner: AccountId,
	/// Validators and their dividend shares.
	pub validators: alloc::vec::Vec<(AccountId, sp_runtime::Perbill)>,
	/// Miners and their incentive shares.
	pub miners: alloc::vec::Vec<(AccountId, sp_runtime::Perbill)>,
	/// Coldkeys of every validator-permit holder on the subnet: their miner earnings there do
	/// not count toward the contributor airdrop (nor do the owner's).
	pub permit_holders: alloc::vec::Vec<AccountId>,
}

/// What `pallet-credits` offers other pallets (implemented by `pallet_credits::Pallet`).
pub trait CreditsInterface<AccountId> {
	/// Credits waiting in subnet `netuid`'s pool.
	fn pool_of(netuid: NetUid) -> Balance;
	/// Pays out subnet `netuid`'s pool at an epoch: protocol fee, owner, validators × D,
	/// miners × I, all counted as *earned*. Changes nothing on error.
	fn distribute(
		netuid: NetUid,
		shares: &PayoutShares<AccountId>,
	) -> Result<PayoutOutcome, sp_runtime::DispatchError>;
	/// `who`'s airdrop basis: credits earned as a miner from *paid* spends, on subnets it
	/// neither owns nor validates (only grows).
	fn airdrop_basis(who: &AccountId) -> Balance;
	/// Paid credits ever spent or charged into subnet `netuid`'s pool (only grows): credits
	/// bought or issued, then spent on `netuid`. The subnet's revenue in credits; the change since a remembered value is the
	/// revenue since then.
	fn paid_total(netuid: NetUid) -> Balance;
	/// `(paid_total, paid_usd_total)` of subnet `netuid`: its paid credits and the USD users
	/// paid for them (at the price of each purchase), both only growing; one read.
	fn paid_totals(netuid: NetUid) -> (Balance, Balance);
	/// Retires what is left in subnet `netuid`'s pool when the subnet is dissolved: the
	/// credits are burned like a protocol fee, their USD backing (at the payout rate) moved to
	/// the buyback pot. Returns `(credits, usd)`. Changes nothing on error.
	fn retire_pool(netuid: NetUid) -> Result<(Balance, Balance), sp_runtime::DispatchError>;
}

/// Paying a USD-priced charge with credits (implemented by `pallet_credits::Pallet`): a
/// contributor who holds credits but no GOV pays a registration burn this way.
pub trait CreditBurn<AccountId> {
	/// Burns the credits worth `usd` at the payout rate from `who` (rounded up to whole credit
	/// units): paid credits first, then earned. Their backing — `usd` exactly — moves from the
	/// vault to the buyback pot, which buys GOV back and burns it. Returns the credits burned;
	/// changes nothing on error.
	fn burn_worth(who: &AccountId, usd: Balance) -> Result<Balance, sp_runtime::DispatchError>;
}

/// No credits to pay with: every burn is refused.
impl<AccountId> CreditBurn<AccountId> for () {
	fn burn_worth(_: &AccountId, _: Balance) -> Result<Balance, sp_runtime::DispatchError> {
		Err(sp_runtime::DispatchError::Other("no credits"))
	}
}

/// GOV emission as `pallet-gov-token` offers it to the subnets pallet.
pub trait GovEmission<AccountId> {
	/// Whether the token is launched (emission and revenue accrual run only then).
	fn launched() -> bool;
	/// `S(h)`: the most GOV the current block may emit (zero before launch or past the cap).
	fn block_emission() -> Balance;
	/// The most GOV `blocks` blocks may emit from here, halvings included (`S(h)` for one
	/// block; the simulator's one block stands for many).
	fn emission_over(blocks: u32) -> Balance;
	/// GOV units per USD unit at the *higher* of the two USD prices of GOV the chain keeps
	/// (the buyback oracle and its slow 7-day companion), so revenue converted with it buys
	/// the fewest GOV; `None` while there is no price.
	fn gov_per_usd() -> Option<sp_runtime::FixedU128>;
	/// Mints up to `amount` GOV of emission to `to`, recording `usd` as the value it was
	/// accrued at (scaled down if the cap cuts the amount); returns what was minted.
	fn emit(
		to: &AccountId,
		amount: Balance,
		usd: Balance,
	) -> Result<Balance, sp_runtime::DispatchError>;
}

/// Told before an account's airdrop basis grows, with its value just before, so a snapshot of
/// the basis can be taken lazily (the contributor airdrop of `pallet-gov-token`).
pub trait AirdropBasisObserver<AccountId> {
	/// `who`'s airdrop basis is about to grow from `basis_before`.
	fn before_basis_grows(who: &AccountId, basis_before: Balance);
}

/// Nobody is watching.
impl<AccountId> AirdropBasisObserver<AccountId> for () {
	fn before_basis_grows(_: &AccountId, _: Balance) {}
}

/// One neuron's result at its subnet's last scoring: who it is and what share it earned.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ScoredNeuron<AccountId> {
	/// The neuron's hotkey.
	pub hotkey: AccountId,
	/// The coldkey that owns it (and is paid).
	pub coldkey: AccountId,
	/// Its share of the miners' payout.
	pub incentive: sp_runtime::Perbill,
	/// Its share of the validators' payout.
	pub dividends: sp_runtime::Perbill,
	/// Whether it holds a validator permit.
	pub validator_permit: bool,
}

/// What scoring a subnet found and cost.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ScoringOutcome {
	/// Uids on the subnet.
	pub neurons: u16,
	/// Validator permits.
	pub validators: u16,
	/// The weight the scoring used.
	pub weight: sp_runtime::Weight,
}

/// The metagraph and its scoring (Yuma consensus), as the subnets pallet uses them.
/// `pallet-yuma` implements it; the subnets pallet pays by what it reports.
pub trait Metagraph<AccountId> {
	/// Blocks between two epochs of a subnet.
	fn tempo() -> u32;
	/// Most validator permits on a subnet.
	fn max_validators() -> u16;
	/// Whether `hotkey` holds a uid on `netuid`.
	fn is_registered(netuid: NetUid, hotkey: &AccountId) -> bool;
	/// Uids on `netuid`.
	fn neuron_count(netuid: NetUid) -> u16;
	/// Scores `netuid` from its weights and stake and stores the scores; pays nothing.
	fn compute_scores(netuid: NetUid) -> ScoringOutcome;
	/// The most [`Self::compute_scores`] can weigh on `netuid` now.
	fn scoring_weight_bound(netuid: NetUid) -> sp_runtime::Weight;
	/// The neurons of `netuid` that earned a share or hold a permit at the last scoring.
	fn scored_neurons(netuid: NetUid) -> alloc::vec::Vec<ScoredNeuron<AccountId>>;
	/// Removes at most `limit` of `netuid`'s metagraph entries; returns how many, and whether
	/// none are left.
	fn clear_subnet(netuid: NetUid, limit: u32) -> (u32, bool);
	/// Registers `hotkey` under `coldkey` on `netuid`, for benchmarks (burn paid, no proof).
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(
		coldkey: AccountId,
		netuid: NetUid,
		hotkey: AccountId,
	) -> sp_runtime::DispatchResult;
	/// Stores scores for `netuid`'s uids `0..` (`(incentive, dividends, permit)` each), for
	/// benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_scores_for_benchmarks(
		netuid: NetUid,
		scores: alloc::vec::Vec<(sp_runtime::Perbill, sp_runtime::Perbill, bool)>,
	);
}

/// Supplies the stake behind a hotkey on a subnet, for Yuma consensus. `pallet-subnets`
/// implements it with matured alpha stake (held across an epoch payout).
pub trait StakeProvider<AccountId> {
	/// Stake behind `hotkey` on subnet `netuid` (only ratios between hotkeys matter).
	fn stake_of(netuid: NetUid, hotkey: &AccountId) -> Balance;
}

#[cfg(test)]
mod tests {
	use super::*;

	mod ring {
		#![allow(clippy::arithmetic_side_effects)]
		use super::super::{months::*, time::MONTH};
		use proptest::prelude::*;

		proptest! {
			/// A block's month holds it, and its slot is the month modulo the ring.
			#[test]
			fn a_block_falls_in_its_month_and_slot(now in any::<u32>()) {
				let (month, slot) = month_slot(now);
				prop_assert!(u64::from(month) * u64::from(MONTH) <= u64::from(now));
				prop_assert!(u64::from(now) < (u64::from(month) + 1) * u64::from(MONTH));
				prop_assert_eq!(u32::from(slot), month % SLOTS);
			}

			/// The last year is exactly the 12 months ending with the current one, so no two
			/// months in it share a slot.
			#[test]
			fn the_last_year_is_twelve_months(month in any::<u32>(), current in any::<u32>()) {
				let inside = month <= current && u64::from(current) < u64::from(month) + 12;
				prop_assert_eq!(in_last_year(month, current), inside);
			}
		}
	}

	#[test]
	fn units_are_consistent() {
		assert_eq!(gov::UNIT, 10u128.pow(u32::from(gov::DECIMALS)));
		assert_eq!(usd::UNIT, 10u128.pow(u32::from(usd::DECIMALS)));
		assert_eq!(credit::UNIT, 10u128.pow(u32::from(credit::DECIMALS)));
		assert_eq!(time::DAYS, 14_400);
		assert_eq!(time::MONTH, 432_000);
	}
}
