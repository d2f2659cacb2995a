//! # Subnets
//!
//! dTAO subnet pools, staking as swaps, the revenue-aware split of GOV emission, and the
//! per-tempo epoch that pays subnets' contributors.
//!
//! ## Overview
//!
//! `register_network` locks GOV (the lock cost doubles with each registration and decays back
//! linearly) and creates a subnet whose **pool** is seeded with the lock on both sides (price
//! 1). The pool math ([`pool`]) is pure: constant product, fee from the input, outputs rounded
//! down, `MinReserve` locked.
//!
//! **Staking is a swap**: `add_stake` buys alpha with GOV and stakes it to a registered
//! hotkey; `remove_stake` sells it back; `move_stake` goes alpha → GOV → alpha. Each has a price
//! limit and is fill-or-kill unless `allow_partial`. GOV fees are public-pool fees
//! (`Config::GovFeeSink`: part burned, the rest to the treasury); alpha fees stay in the pool.
//! A hotkey's stake is a **share pool**: dividends added to it compound to every nominator whose
//! stake has matured. Stake bought waits in the hotkey's pending pool until the subnet's next
//! epoch payout: it earns no dividends and weighs nothing in consensus before then.
//!
//! **Emission follows paid revenue** ([`emission`]). Each block, the paid credits spent on a
//! subnet since the last block (read from the credit ledger's running total against a
//! per-subnet watermark) add `EmissionPerRevenue × revenue` in USD to the subnet's own
//! **allowance**, converted to GOV at the higher USD price of GOV — only once GOV is launched,
//! only while the subnet's emission is on, and only with a price; otherwise the watermark just
//! moves on. Subnet `i` is then minted `min(w_i × S(h), allowance_i)` where `S(h)` is the GOV
//! schedule and `w_i = R_i / Σ R` over enabled subnets, `R` the EMA of paid revenue (it
//! reaches zero when revenue stops). Allowances above `AllowanceCarry` blocks of `S(h)` in
//! total are cut pro rata; a subnet switched off loses its allowance. The minted GOV is
//! injected into the pool at its price, and the alpha it is worth (at most the block's alpha
//! emission) accrues as pending. Every `Tempo` blocks (staggered by netuid, at most
//! `MaxEpochsPerBlock` per block, each in its own storage layer) a subnet's epoch runs Yuma
//! (`pallet-yuma`) and pays pending alpha (owner `OwnerAlphaCut`, miners `MinerAlphaShare`
//! × I, validators the rest × D with take) and its credit pool
//! (`pallet-credits::distribute`).
//!
//! **Lifecycle.** `dissolve_network` (the owner, or `DissolveOrigin`) stops a subnet at once;
//! `on_idle` drains it step by step within its budget: a final payout by the last scores (credits
//! it cannot place are retired), the pool's GOV split — `G·S/(A+S)` to the stakers pro rata, the
//! rest to the owner up to its lock (nothing if it dissolves within `NetworkImmunity`), any
//! surplus to the fee sink — every position redeemed (found through `SubnetStakers`), then the
//! pools and the metagraph cleared and the id freed (`FreeNetuids`) or handed to a waiting
//! registration. With every id taken, a registration waits for a dissolving subnet, or prunes
//! the non-immune subnet with the lowest emission share.
//!
//! ## Invariants (`try_state`)
//!
//! * the pot holds at least Σ GOV reserves plus its existential deposit (a donation strands);
//! * reserves never fall below `MinReserve`;
//! * per hotkey Σ position shares plus unclaimed matured shares == the hotkey's shares, and
//!   their alpha values add up to
//!   the hotkey's alpha less under one unit of rounding per position;
//! * per subnet Σ hotkey alpha (main and pending pools) == alpha outstanding; revenue seen ≤ paid
//!   credits spent;
//! * per pending pool and matured round, Σ positions' pending units == its units; none stored
//!   empty; every pending position has its pool or its matured round.
//! * the pot also holds each dissolving subnet's pool (until its final payout), then what its
//!   positions are still owed, and the locks of registrations waiting for ids; `SubnetStakers`
//!   names exactly the positions; a free id is listed once and neither live nor dissolving.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod emission;
mod impls;
pub mod pool;
pub mod runtime_api;
pub mod types;
pub mod weights;
pub use weights::WeightInfo;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Benchmark set-up the runtime provides.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Makes the GOV token emit (launch it) with a USD price of GOV.
	fn launch();
	/// Puts `credits` into subnet `netuid`'s credit pool the way users do (buy, then spend).
	fn fill_credit_pool(netuid: tandem_primitives::NetUid, credits: tandem_primitives::Balance);
	/// Sets `MinerAlphaShare` (miners' share of the pending alpha).
	fn set_miner_alpha_share(share: sp_runtime::Perbill);
	/// Opens a contributor airdrop, so a miner's first earnings snapshot its airdrop basis.
	fn open_airdrop();
}

// The FRAME macros expand into `expect`s on metadata and storage-prefix lookups that cannot fail
// at runtime; the lints stay on for the logic (`impls.rs`, `pool.rs`, `emission.rs`).
#[allow(clippy::expect_used, clippy::unwrap_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::{pool::Price, types::*};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, OnUnbalanced},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;
	use tandem_primitives::{Balance, CreditsInterface, GovEmission, NetUid};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	/// GOV fees handed to `Config::GovFeeSink`.
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::GovCurrency>;

	/// Why a stake was slashed (free text, bounded).
	pub type ReasonOf<T> = BoundedVec<u8, <T as Config>::MaxReasonLen>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_yuma::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// GOV (the native token).
		type GovCurrency: fungible::Mutate<Self::AccountId, Balance = Balance>
			+ fungible::Balanced<Self::AccountId, Balance = Balance>;

		/// Takes GOV swap fees (burns `BuybackShare`, the rest to the treasury).
		type GovFeeSink: OnUnbalanced<CreditOf<Self>>;

		/// The credit ledger: subnet credit pools and their payout.
		type Credits: CreditsInterface<Self::AccountId>;

		/// The GOV emission schedule.
		type Emission: GovEmission<Self::AccountId>;

		/// Derives the pot that holds every pool's GOV reserve.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Switches a subnet's emission on or off (governance).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Switches a subnet's emission off, never on (governance, including its emergency
		/// track).
		type StopOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// May slash stake (governance's slasher track).
		type SlashOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// May dissolve any subnet (governance); a subnet's owner may dissolve its own.
		type DissolveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Blocks after its registration during which a subnet cannot be pruned to make room.
		type NetworkImmunity: Get<u32>;

		/// The most subnets there can be.
		#[pallet::constant]
		type MaxSubnets: Get<u32>;

		/// The most epochs run in one block; the rest wait in a queue.
		#[pallet::constant]
		type MaxEpochsPerBlock: Get<u32>;

		/// The floor of the network lock cost.
		type MinLockCost: Get<Balance>;

		/// Blocks over which the doubled lock cost decays back by one lock.
		type LockReductionInterval: Get<u32>;

		/// The swap fee, taken from the input.
		type SwapFee: Get<Perbill>;

		/// The least GOV and alpha a pool keeps (never swapped out).
		#[pallet::constant]
		type MinReserve: Get<Balance>;

		/// The validator's take of its dividends before nominators share the rest.
		type ValidatorTake: Get<Perbill>;

		/// The owner's cut of the pending alpha.
		type OwnerAlphaCut: Get<Perbill>;

		/// Miners' share of the pending alpha (× incentive); validators take what the owner
		/// and miners leave (× dividends).
		type MinerAlphaShare: Get<Perbill>;

		/// `ρ`: GOV emission allowed per unit of paid revenue, in USD value.
		type EmissionPerRevenue: Get<Perbill>;

		/// Blocks of `S(h)` the allowances may hold in total (7 days); beyond, cut pro rata.
		#[pallet::constant]
		type AllowanceCarry: Get<u32>;

		/// Half-life of the price and revenue EMAs, in blocks.
		type PriceEmaHalfLife: Get<u32>;

		/// The largest fraction of a hotkey's stake one slash may take.
		type MaxStakeSlash: Get<Perbill>;

		/// The longest slash reason, in bytes.
		#[pallet::constant]
		type MaxReasonLen: Get<u32>;

		/// Weights of calls and hooks.
		type WeightInfo: WeightInfo;

		/// Benchmark set-up.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// Subnets (networks) by id.
	#[pallet::storage]
	pub type Networks<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, SubnetInfo<T::AccountId>, OptionQuery>;

	/// The id the next new subnet gets once no dissolved id is free ([`FreeNetuids`]).
	#[pallet::storage]
	pub type NextNetuid<T: Config> = StorageValue<_, NetUid, ValueQuery>;

	/// The last lock paid and its block (the lock cost rule's memory).
	#[pallet::storage]
	pub type LastLock<T: Config> = StorageValue<_, (Balance, u32), ValueQuery>;

	/// Each hotkey's stake on each subnet.
	#[pallet::storage]
	pub type HotkeyAlpha<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Blake2_128Concat,
		T::AccountId,
		HotkeyStake,
		ValueQuery,
	>;

	/// Stake positions: `(coldkey, hotkey, netuid)` → shares of the hotkey's pool.
	#[pallet::storage]
	pub type Positions<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, NetUid>,
		),
		u128,
		ValueQuery,
	>;

	/// Epoch payouts each subnet has made: stake added in round `r` matures at payout `r + 1`.
	#[pallet::storage]
	pub type PayoutRound<T: Config> = StorageMap<_, Twox64Concat, NetUid, u32, ValueQuery>;

	/// Each hotkey's pending pool: stake added since its subnet's last payout.
	#[pallet::storage]
	pub type HotkeyPending<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Blake2_128Concat,
		T::AccountId,
		PendingStake,
		OptionQuery,
	>;

	/// A position's pending stake: `(round, units)` of its hotkey's pending pool of that round.
	#[pallet::storage]
	pub type PositionPending<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, NetUid>,
		),
		(u32, u128),
		OptionQuery,
	>;

	/// Pending pools that matured into main-pool shares, by `(netuid, hotkey, round)`, until
	/// every position holding units of them has claimed its shares.
	#[pallet::storage]
	pub type Matured<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, NetUid>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, u32>,
		),
		MaturedRound,
		OptionQuery,
	>;

	/// Subnets being dissolved: each is drained by `on_idle`, then its id is freed.
	#[pallet::storage]
	pub type Dissolving<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, Dissolution<T::AccountId>, OptionQuery>;

	/// Ids of dissolved subnets, drained and free for the next registrations.
	#[pallet::storage]
	pub type FreeNetuids<T: Config> =
		StorageValue<_, BoundedVec<NetUid, T::MaxSubnets>, ValueQuery>;

	/// Every `(netuid, coldkey, hotkey)` holding a position (shares or pending stake), so a
	/// dissolution can find the positions of one subnet.
	#[pallet::storage]
	pub type SubnetStakers<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, NetUid>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		(),
		OptionQuery,
	>;

	/// The block the emission hook last ran in (it weighs the blocks since).
	#[pallet::storage]
	pub type EmissionRunAt<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Subnets whose epoch is due but has not run yet (more than `MaxEpochsPerBlock` fell due).
	#[pallet::storage]
	pub type EpochQueue<T: Config> = StorageValue<_, BoundedVec<NetUid, T::MaxSubnets>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnet was created, its pool seeded by the lock.
		NetworkRegistered { netuid: NetUid, owner: T::AccountId, lock: Balance },
		/// Governance switched a subnet's emission on or off; switching it off forfeits the
		/// `forfeited` GOV of allowance it held (revenue while off accrues nothing).
		EmissionSet { netuid: NetUid, enabled: bool, forfeited: Balance },
		/// GOV was swapped into alpha staked to `hotkey`.
		StakeAdded {
			coldkey: T::AccountId,
			hotkey: T::AccountId,
			netuid: NetUid,
			gov_in: Balance,
			gov_fee: Balance,
			alpha_out: Balance,
			price_after: Price,
		},
		/// Staked alpha was swapped back into GOV.
		StakeRemoved {
			coldkey: T::AccountId,
			hotkey: T::AccountId,
			netuid: NetUid,
			alpha_in: Balance,
			alpha_fee: Balance,
			gov_out: Balance,
			price_after: Price,
		},
		/// Stake moved between subnets (alpha → GOV → alpha).
		StakeMoved {
			coldkey: T::AccountId,
			hotkey: T::AccountId,
			from: NetUid,
			to: NetUid,
			alpha_in: Balance,
			gov_between: Balance,
			alpha_out: Balance,
		},
		/// A hotkey's stake (and its nominators') was slashed; the alpha is destroyed.
		StakeSlashed {
			hotkey: T::AccountId,
			netuid: NetUid,
			fraction: Perbill,
			alpha: Balance,
			reason: ReasonOf<T>,
		},
		/// A subnet's epoch ran and paid out.
		EpochPaid {
			netuid: NetUid,
			consensus: bool,
			alpha_owner: Balance,
			alpha_miners: Balance,
			alpha_validators: Balance,
			alpha_carried_over: Balance,
			credits_paid: Balance,
			credits_protocol_fee: Balance,
			credits_carried_over: Balance,
		},
		/// A subnet's epoch failed and changed nothing; it runs again next tempo.
		EpochFailed { netuid: NetUid, error: DispatchError },
		/// A subnet stopped: no stake, spends, registrations or emission from here; `on_idle`
		/// drains it.
		NetworkDissolving { netuid: NetUid, owner: T::AccountId, cause: DissolveCause },
		/// A dissolving subnet's pool was split after its final payout: `owner_refund` to the
		/// owner (at most its lock), `stakers_gov` owed to the positions holding
		/// `stakers_alpha`, `surplus` to the public-pool fee sink; `credits_retired` of its
		/// credit pool nobody could be paid were burned.
		NetworkRedeemed {
			netuid: NetUid,
			owner_refund: Balance,
			stakers_gov: Balance,
			stakers_alpha: Balance,
			surplus: Balance,
			credits_retired: Balance,
		},
		/// A position on a dissolving subnet was redeemed: `alpha` for `gov` GOV.
		StakeRedeemed {
			coldkey: T::AccountId,
			hotkey: T::AccountId,
			netuid: NetUid,
			alpha: Balance,
			gov: Balance,
		},
		/// A dissolved subnet is drained; its id is free, or taken by `heir`.
		NetworkDissolved { netuid: NetUid, heir: Option<T::AccountId> },
		/// A registration paid `lock` while every id was taken; it gets `netuid` once that
		/// subnet is drained.
		NetworkQueued { netuid: NetUid, owner: T::AccountId, lock: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this id.
		UnknownSubnet,
		/// The caller cannot pay the lock cost and keep its account alive.
		CannotAffordLock,
		/// The amount is zero.
		ZeroAmount,
		/// The swap would return nothing (the amount is too small).
		AmountTooSmall,
		/// The swap would take a pool reserve below `MinReserve`.
		ReserveTooLow,
		/// The price would cross the caller's limit (or nothing fits under it).
		PriceLimitExceeded,
		/// An amount or reserve would overflow.
		Overflow,
		/// The caller cannot pay the GOV and keep its account alive.
		InsufficientBalance,
		/// The hotkey is not registered on the subnet.
		HotkeyNotRegistered,
		/// The position holds less alpha than asked for.
		NotEnoughStake,
		/// A move needs two different subnets.
		SameSubnet,
		/// The slash fraction is zero or above `MaxStakeSlash`.
		SlashOutOfBounds,
		/// The hotkey has no stake on the subnet.
		NothingToSlash,
		/// The alpha bought is worth less than one share of the hotkey's pool.
		StakeBelowOneShare,
		/// Only the subnet's owner or `DissolveOrigin` may dissolve it.
		NotSubnetOwner,
		/// Every id is taken and every subnet is within `NetworkImmunity` of its registration
		/// or already dissolving with a registration waiting for it.
		AllSubnetsImmune,
		/// The lock cost is above the caller's `max_lock`.
		LockAboveLimit,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::run_emission().saturating_add(Self::run_due_epochs())
		}

		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::drain(remaining)
		}

		fn integrity_test() {
			assert!(T::MaxEpochsPerBlock::get() >= 1, "MaxEpochsPerBlock must be positive");
			assert!(T::MinReserve::get() >= 1, "MinReserve must be positive");
			assert!(
				T::MinLockCost::get() > T::MinReserve::get(),
				"the smallest lock must seed a pool above MinReserve"
			);
			assert!(T::MaxSubnets::get() <= u32::from(NetUid::MAX), "netuids are u16");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a subnet owned by the caller, locking the current lock cost
		/// (`max(MinLockCost, 2 × last lock − decay)`, at most `max_lock`) as the seed of its
		/// pool on both sides.
		/// It takes a free id; with every id taken it waits (`NetworkQueued`) for a dissolving
		/// subnet without a registration waiting, or prunes the non-immune subnet with the
		/// lowest emission share and waits for it.
		///
		/// Signed. Errors: `LockAboveLimit`, `AllSubnetsImmune`, `CannotAffordLock`.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::register_network_pruning())]
		pub fn register_network(
			origin: OriginFor<T>,
			max_lock: Balance,
		) -> DispatchResultWithPostInfo {
			let owner = ensure_signed(origin)?;
			Self::do_register_network(owner, max_lock)
		}

		/// Swap `gov` GOV (fee included) into alpha of `netuid` staked to `hotkey`. The spot
		/// price after the swap must not exceed `limit_price` (GOV per alpha, 12 decimals);
		/// with `allow_partial` the largest amount that respects it is swapped.
		///
		/// Signed (the coldkey). Errors: `UnknownSubnet`, `ZeroAmount`, `HotkeyNotRegistered`,
		/// `PriceLimitExceeded`, `ReserveTooLow`, `AmountTooSmall`, `InsufficientBalance`,
		/// `StakeBelowOneShare`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::add_stake())]
		pub fn add_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			netuid: NetUid,
			gov: Balance,
			limit_price: Price,
			allow_partial: bool,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_add_stake(coldkey, hotkey, netuid, gov, limit_price, allow_partial)
		}

		/// Swap `alpha` of the caller's stake on `hotkey` back into GOV. The spot price after
		/// the swap must not fall below `limit_price`; with `allow_partial` the largest amount
		/// that respects it is sold.
		///
		/// Signed (the coldkey). Errors: `UnknownSubnet`, `ZeroAmount`, `NotEnoughStake`,
		/// `PriceLimitExceeded`, `ReserveTooLow`, `AmountTooSmall`.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_stake())]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			netuid: NetUid,
			alpha: Balance,
			limit_price: Price,
			allow_partial: bool,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_remove_stake(coldkey, hotkey, netuid, alpha, limit_price, allow_partial)
		}

		/// Move `alpha` of the caller's stake on `hotkey` from subnet `from` to subnet `to`:
		/// sold for GOV on `from`, the GOV bought into `to`. At least `limit_price` alpha out
		/// per alpha in (12 decimals); with `allow_partial` the largest amount that respects
		/// it moves.
		///
		/// Signed (the coldkey). Errors: `SameSubnet`, `UnknownSubnet`, `ZeroAmount`,
		/// `HotkeyNotRegistered` (on `to`), `NotEnoughStake`, `PriceLimitExceeded`,
		/// `ReserveTooLow`, `AmountTooSmall`, `StakeBelowOneShare`.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::move_stake())]
		pub fn move_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			from: NetUid,
			to: NetUid,
			alpha: Balance,
			limit_price: Price,
			allow_partial: bool,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move_stake(coldkey, hotkey, (from, to), alpha, limit_price, allow_partial)
		}

		/// Slash `fraction` of `hotkey`'s stake on `netuid` (every nominator loses the same
		/// fraction); the alpha is destroyed.
		///
		/// `SlashOrigin`. Errors: `UnknownSubnet`, `SlashOutOfBounds`, `NothingToSlash`.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::slash_stake())]
		pub fn slash_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			netuid: NetUid,
			fraction: Perbill,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			T::SlashOrigin::ensure_origin(origin)?;
			Self::do_slash_stake(hotkey, netuid, fraction, reason)
		}

		/// Switch subnet `netuid`'s emission on or off. Off forfeits its allowance; its paid
		/// revenue accrues nothing until it is switched on again.
		///
		/// On: `AdminOrigin`. Off: `StopOrigin` (which the runtime gives its emergency track
		/// as well). Errors: `UnknownSubnet`.
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::set_emission())]
		pub fn set_emission(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
			if enabled {
				<T as Config>::AdminOrigin::ensure_origin(origin)?;
			} else {
				T::StopOrigin::ensure_origin(origin)?;
			}
			let forfeited =
				Networks::<T>::try_mutate(netuid, |s| -> Result<Balance, DispatchError> {
					let s = s.as_mut().ok_or(Error::<T>::UnknownSubnet)?;
					s.emission_enabled = enabled;
					if enabled {
						// Revenue paid while off, up to now, never accrues.
						(s.paid_seen, s.paid_usd_seen) = T::Credits::paid_totals(netuid);
						return Ok(0);
					}
					let lost = s.allowance;
					(s.allowance, s.allowance_usd, s.revenue_ema) = (0, 0, 0);
					Ok(lost)
				})?;
			Self::deposit_event(Event::EmissionSet { netuid, enabled, forfeited });
			Ok(())
		}

		/// Dissolve subnet `netuid`: it stops at once (no stake, spends, registrations or
		/// emission), then `on_idle` pays its final epoch from the last scores, refunds the
		/// owner at most its lock from the pool's GOV (nothing if the owner dissolves it within
		/// `NetworkImmunity` of its registration), redeems every position for its share of the
		/// rest, clears the metagraph and frees the id.
		///
		/// The subnet's owner (signed) or `DissolveOrigin`. Errors: `UnknownSubnet`,
		/// `NotSubnetOwner`.
		#[pallet::call_index(6)]
		#[pallet::weight(<T as Config>::WeightInfo::dissolve_network())]
		pub fn dissolve_network(origin: OriginFor<T>, netuid: NetUid) -> DispatchResult {
			let cause = match T::DissolveOrigin::try_origin(origin) {
				Ok(_) => DissolveCause::Governance,
				Err(origin) => {
					let who = ensure_signed(origin)?;
					let owner = Networks::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?.owner;
					ensure!(who == owner, Error::<T>::NotSubnetOwner);
					DissolveCause::Owner
				}
			};
			Self::start_dissolution(netuid, cause)
		}
	}
}
