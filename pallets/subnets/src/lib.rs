#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod emission;
mod impls;
pub mod lock;
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
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// GOV (the native token).
		type GovCurrency: fungible::Mutate<Self::AccountId, Balance = Balance>
			+ fungible::Balanced<Self::AccountId, Balance = Balance>;

		/// The metagraph and its scoring (`pallet-yuma`): who is registered, and the scores an
		/// epoch pays by.
		type Metagraph: tandem_primitives::Metagraph<Self::AccountId>;

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
		NetworkRegistered {
			/// The new subnet.
			netuid: NetUid,
			/// Who registered it (its owner).
			owner: T::AccountId,
			/// GOV locked, the seed of the pool on both sides.
			lock: Balance,
		},
		/// Governance switched a subnet's emission on or off; switching it off forfeits the
		/// `forfeited` GOV of allowance it held (revenue while off accrues nothing).
		EmissionSet {
			/// The subnet.
			netuid: NetUid,
			/// Whether its emission is on from now.
			enabled: bool,
			/// GOV of allowance lost (zero when switched on).
			forfeited: Balance,
		},
		/// GOV was swapped into alpha staked to `hotkey`.
		StakeAdded {
			/// The staker (the position's coldkey).
			coldkey: T::AccountId,
			/// The hotkey staked to.
			hotkey: T::AccountId,
			/// The subnet.
			netuid: NetUid,
			/// GOV paid, fee included.
			gov_in: Balance,
			/// GOV fee, part of `gov_in`, handed to `GovFeeSink`.
			gov_fee: Balance,
			/// Alpha bought, pending until the subnet's next epoch payout.
			alpha_out: Balance,
			/// The pool's spot price after the swap (GOV per alpha, 12 decimals).
			price_after: Price,
		},
		/// Staked alpha was swapped back into GOV.
		StakeRemoved {
			/// The staker (the position's coldkey).
			coldkey: T::AccountId,
			/// The hotkey the stake was on.
			hotkey: T::AccountId,
			/// The subnet.
			netuid: NetUid,
			/// Alpha sold, fee included.
			alpha_in: Balance,
			/// Alpha fee, part of `alpha_in`, left in the pool.
			alpha_fee: Balance,
			/// GOV paid to the coldkey.
			gov_out: Balance,
			/// The pool's spot price after the swap (GOV per alpha, 12 decimals).
			price_after: Price,
		},
		/// Stake moved between subnets (alpha → GOV → alpha).
		StakeMoved {
			/// The staker (the position's coldkey).
			coldkey: T::AccountId,
			/// The hotkey staked to on both subnets.
			hotkey: T::AccountId,
			/// The subnet the alpha was sold on.
			from: NetUid,
			/// The subnet the alpha was bought on.
			to: NetUid,
			/// Alpha sold on `from`, fee included.
			alpha_in: Balance,
			/// GOV the sale returned, spent on `to` (fee included).
			gov_between: Balance,
			/// Alpha bought on `to`, pending until `to`'s next epoch payout.
			alpha_out: Balance,
		},
		/// A hotkey's stake (and its nominators') was slashed; the alpha is destroyed.
		StakeSlashed {
			/// The hotkey slashed.
			hotkey: T::AccountId,
			/// The subnet.
			netuid: NetUid,
			/// The fraction of the hotkey's stake (main and pending pools) taken.
			fraction: Perbill,
			/// Alpha destroyed.
			alpha: Balance,
			/// Why (free text).
			reason: ReasonOf<T>,
		},
		/// A subnet's epoch ran and paid out.
		EpochPaid {
			/// The subnet.
			netuid: NetUid,
			/// Whether any miner had incentive; without it all pending alpha carries over.
			consensus: bool,
			/// Alpha paid to the owner (`OwnerAlphaCut`).
			alpha_owner: Balance,
			/// Alpha paid to miners (× incentive).
			alpha_miners: Balance,
			/// Alpha paid to validators (× dividends), take and nominators' part included.
			alpha_validators: Balance,
			/// Pending alpha left for the next epoch (rounding dust, or all without consensus).
			alpha_carried_over: Balance,
			/// Credits paid to the owner, validators and miners.
			credits_paid: Balance,
			/// Credits burned as the protocol fee.
			credits_protocol_fee: Balance,
			/// Credits left in the subnet's credit pool for the next epoch.
			credits_carried_over: Balance,
		},
		/// A subnet's epoch failed and changed nothing; it runs again next tempo.
		EpochFailed {
			/// The subnet.
			netuid: NetUid,
			/// Why it failed.
			error: DispatchError,
		},
		/// A subnet stopped: no stake, spends, registrations or emission from here; `on_idle`
		/// drains it.
		NetworkDissolving {
			/// The subnet.
			netuid: NetUid,
			/// Its owner.
			owner: T::AccountId,
			/// Who dissolved it: its owner, governance, or a registration that pruned it.
			cause: DissolveCause,
		},
		/// A dissolving subnet's pool was split after its final payout: `owner_refund` to the
		/// owner (at most its lock), `stakers_gov` owed to the positions holding
		/// `stakers_alpha`, `surplus` to the public-pool fee sink; `credits_retired` of its
		/// credit pool nobody could be paid were burned.
		NetworkRedeemed {
			/// The subnet.
			netuid: NetUid,
			/// GOV refunded to the owner: at most its lock, nothing if it dissolved the subnet
			/// within `NetworkImmunity` of registering it.
			owner_refund: Balance,
			/// GOV owed to the positions, `G·S/(A+S)` of the pool's GOV `G` and alpha `A`.
			stakers_gov: Balance,
			/// Alpha the positions held (`S`), redeemed pro rata for `stakers_gov`.
			stakers_alpha: Balance,
			/// GOV beyond the refund, handed to the public-pool fee sink.
			surplus: Balance,
			/// Credits left in the credit pool that nobody could be paid, burned.
			credits_retired: Balance,
		},
		/// A position on a dissolving subnet was redeemed: `alpha` for `gov` GOV.
		StakeRedeemed {
			/// The staker (the position's coldkey).
			coldkey: T::AccountId,
			/// The hotkey the stake was on.
			hotkey: T::AccountId,
			/// The dissolving subnet.
			netuid: NetUid,
			/// Alpha the position held, burned.
			alpha: Balance,
			/// GOV paid to the coldkey (zero if it could not open the account: the fee sink
			/// takes it).
			gov: Balance,
		},
		/// A dissolved subnet is drained; its id is free, or taken by `heir`.
		NetworkDissolved {
			/// The subnet's id.
			netuid: NetUid,
			/// The owner of the registration that takes the id; `None` if the id is freed.
			heir: Option<T::AccountId>,
		},
		/// A registration paid `lock` while every id was taken; it gets `netuid` once that
		/// subnet is drained.
		NetworkQueued {
			/// The id it waits for.
			netuid: NetUid,
			/// Who registered (the future owner).
			owner: T::AccountId,
			/// GOV locked, held by the pot until the subnet is created.
			lock: Balance,
		},
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
		#[pallet::weight(T::WeightInfo::register_network_pruning())]
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
		#[pallet::weight(T::WeightInfo::add_stake())]
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
		#[pallet::weight(T::WeightInfo::remove_stake())]
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
		#[pallet::weight(T::WeightInfo::move_stake())]
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
		#[pallet::weight(T::WeightInfo::slash_stake())]
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
		#[pallet::weight(T::WeightInfo::set_emission())]
		pub fn set_emission(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
			if enabled {
				T::AdminOrigin::ensure_origin(origin)?;
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
		#[pallet::weight(T::WeightInfo::dissolve_network())]
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
