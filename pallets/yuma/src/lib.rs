#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod epoch;
mod impls;
pub mod migrations;
pub use impls::{bytes_wrapped, EpochStats, HOTKEY_PROOF_CONTEXT};
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
pub trait BenchmarkHelper<AccountId, Signature> {
	/// A subnet id that `Config::Subnets` accepts.
	fn subnet() -> tandem_primitives::NetUid;
	/// Gives `hotkey` `stake` on `netuid` in the eyes of `Config::Stake`.
	fn set_stake(netuid: tandem_primitives::NetUid, hotkey: &AccountId, stake: u128);
	/// Sets the governable `MaxValidators` and `MaxAllowedUids`.
	fn set_limits(max_validators: u16, max_allowed_uids: u16);
	/// Turns commit-reveal on or off.
	fn set_commit_reveal(on: bool);
	/// A fresh hotkey and its signature over `message` (a hotkey ownership proof).
	fn signed_hotkey(message: &[u8]) -> (AccountId, Signature);
	/// Gives GOV a price and `who` enough credits to pay a registration burn in credits.
	fn fund_credits(who: &AccountId);
}

// The FRAME macros expand into `expect`s on metadata and storage-prefix lookups that cannot fail
// at runtime; the lints stay on for the logic (`impls.rs`, `epoch.rs`).
#[allow(clippy::expect_used, clippy::unwrap_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::types::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, OnUnbalanced},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::{
		traits::{IdentifyAccount, Verify},
		Perbill,
	};
	use tandem_primitives::{Balance, NetUid, StakeProvider, SubnetRegistry};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	/// GOV taken by a registration, handed to `Config::BurnSink`.
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// GOV, for the registration burn.
		type Currency: fungible::Balanced<Self::AccountId, Balance = Balance>;

		/// Receives the registration burn. `()` destroys it (issuance falls).
		type BurnSink: OnUnbalanced<CreditOf<Self>>;

		/// Which subnet ids exist.
		type Subnets: SubnetRegistry;

		/// Stake behind each hotkey.
		type Stake: StakeProvider<Self::AccountId>;

		/// A hotkey's signature over its ownership proof (`MultiSignature` in the runtime).
		type Signature: Parameter + Verify<Signer: IdentifyAccount<AccountId = Self::AccountId>>;

		/// May recompute any subnet's scores outside the schedule (root).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Hard bound on uids per subnet, sizing storage (≤ 65,535).
		#[pallet::constant]
		type MaxUids: Get<u32>;

		/// Governable limit on uids per subnet (default 256); `min(MaxAllowedUids, MaxUids)`
		/// applies.
		type MaxAllowedUids: Get<u16>;

		/// Most validator permits per subnet (default 64).
		type MaxValidators: Get<u16>;

		/// Least stake for a validator permit.
		type ValidatorStakeThreshold: Get<Balance>;

		/// Blocks per epoch (default 360); commit-reveal counts epochs with it.
		type Tempo: Get<u32>;

		/// Consensus quantile κ (default 50 %).
		type Kappa: Get<Perbill>;

		/// Bond EMA rate α (default 10 %).
		type BondsAlpha: Get<Perbill>;

		/// Liquid alpha on/off (default off) and its range.
		type LiquidAlpha: Get<bool>;
		/// Lowest per-bond α under liquid alpha.
		type AlphaLow: Get<Perbill>;
		/// Highest per-bond α under liquid alpha.
		type AlphaHigh: Get<Perbill>;

		/// Blocks a fresh neuron cannot be replaced for (default 4,096).
		type ImmunityPeriod: Get<u32>;

		/// Blocks between two weight settings or commits of a validator (default 100).
		type WeightsRateLimit: Get<u32>;

		/// Weights only through commit-reveal (default on).
		type CommitReveal: Get<bool>;

		/// Least number of non-zero weights in a row (capped at `n − 1`).
		type MinAllowedWeights: Get<u16>;

		/// A validator silent for longer counts with zero stake in consensus.
		type ActivityCutoff: Get<u32>;

		/// Lowest registration burn.
		type MinBurn: Get<Balance>;

		/// Highest registration burn.
		type MaxBurn: Get<Balance>;

		/// Blocks over which the registration burn halves (default 360).
		#[pallet::constant]
		type BurnHalvingInterval: Get<u32>;

		/// Takes a registration burn in credits (`register_with_credits`).
		type CreditBurn: tandem_primitives::CreditBurn<Self::AccountId>;

		/// GOV units per USD unit, at which a burn is priced in USD when it is paid in credits
		/// (`None` while GOV has no price).
		type GovPrice: Get<Option<sp_runtime::FixedU128>>;

		/// Weights of the calls and of the epoch.
		type WeightInfo: WeightInfo;

		/// Prepares benchmark state.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Signature>;
	}

	/// Number of uids on each subnet.
	#[pallet::storage]
	pub type SubnetN<T: Config> = StorageMap<_, Twox64Concat, NetUid, u16, ValueQuery>;

	/// Neuron of each `(netuid, uid)`. Twox: both are assigned by the chain.
	#[pallet::storage]
	pub type Neurons<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Twox64Concat,
		u16,
		Neuron<T::AccountId>,
		OptionQuery,
	>;

	/// Uid of each registered hotkey. Blake2: hotkeys are chosen by users.
	#[pallet::storage]
	pub type Uids<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, u16, OptionQuery>;

	/// The coldkey each hotkey is bound to, set by its first registration. A hotkey registers on
	/// any subnet only under this coldkey. Blake2: hotkeys are chosen by users.
	#[pallet::storage]
	pub type HotkeyOwner<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// The last epoch's results, indexed by uid (one per uid).
	#[pallet::storage]
	pub type Scores<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, BoundedVec<Score, T::MaxUids>, ValueQuery>;

	/// Each validator's normalized weights.
	#[pallet::storage]
	pub type Weights<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Twox64Concat,
		u16,
		WeightsRow<T::MaxUids>,
		OptionQuery,
	>;

	/// Each permitted validator's bonds `(uid, bond in billionths)`, sorted by uid.
	#[pallet::storage]
	pub type Bonds<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Twox64Concat,
		u16,
		BoundedVec<(u16, u32), T::MaxUids>,
		ValueQuery,
	>;

	/// A validator's pending weights commit (at most one).
	#[pallet::storage]
	pub type WeightCommits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, u16, WeightsCommit, OptionQuery>;

	/// Registration burn of each subnet.
	#[pallet::storage]
	pub type Burn<T: Config> = StorageMap<_, Twox64Concat, NetUid, BurnState, ValueQuery>;

	/// Block of each subnet's last epoch.
	#[pallet::storage]
	pub type LastEpoch<T: Config> = StorageMap<_, Twox64Concat, NetUid, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `coldkey` registered `hotkey` as uid `uid` of `netuid`, burning `burn` GOV;
		/// `replaced` is the hotkey that held the uid before, if any.
		NeuronRegistered {
			/// The subnet.
			netuid: NetUid,
			/// The uid the neuron took.
			uid: u16,
			/// The registered hotkey.
			hotkey: T::AccountId,
			/// The coldkey that paid the burn, now the hotkey's owner.
			coldkey: T::AccountId,
			/// The registration burn, in GOV (12 decimals), whether paid in GOV or in credits.
			burn: Balance,
			/// Hotkey of the neuron replaced on a full subnet; `None` for a new uid.
			replaced: Option<T::AccountId>,
		},
		/// `coldkey` paid its registration burn of `burn` GOV on `netuid` in credits: `credits`
		/// burned, worth `usd` at the payout rate (the burn's value at the GOV price).
		BurnPaidInCredits {
			/// The registering coldkey, whose credits were burned.
			coldkey: T::AccountId,
			/// The subnet registered on.
			netuid: NetUid,
			/// The registration burn, in GOV (12 decimals).
			burn: Balance,
			/// The burn's value at `GovPrice`, rounded up, in USD (6 decimals); this much
			/// backing moved from the vault to the buyback pot.
			usd: Balance,
			/// Credits burned (6 decimals), paid credits first: worth `usd` at the payout rate.
			credits: Balance,
		},
		/// The v2 migration found neuron `uid` of `netuid` registered under a coldkey other than
		/// the `owner` its `hotkey` is bound to (a registration from before the binding).
		HotkeyOwnerConflict {
			/// The neuron's subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: u16,
			/// The neuron's hotkey.
			hotkey: T::AccountId,
			/// The coldkey the hotkey is bound to (not the neuron's coldkey).
			owner: T::AccountId,
		},
		/// Validator `uid` set `count` non-zero weights on `netuid`.
		WeightsSet {
			/// The subnet.
			netuid: NetUid,
			/// The validator's uid.
			uid: u16,
			/// Non-zero weights stored.
			count: u32,
			/// The `version` the validator passed, recorded as given (not checked).
			version: u64,
		},
		/// Validator `uid` committed to weights on `netuid`; reveal in epoch `reveal_epoch`.
		WeightsCommitted {
			/// The subnet.
			netuid: NetUid,
			/// The validator's uid.
			uid: u16,
			/// The commit: `blake2_256` of the SCALE-encoded
			/// `(hotkey, netuid, uids, weights, salt, version)`.
			hash: H256,
			/// The epoch index (`(block + netuid) / Tempo`) the reveal must fall in.
			reveal_epoch: u32,
		},
		/// Validator `uid` revealed `count` non-zero weights on `netuid`; `dropped` of them
		/// named uids re-registered since the commit.
		WeightsRevealed {
			/// The subnet.
			netuid: NetUid,
			/// The validator's uid.
			uid: u16,
			/// Non-zero weights stored, after the dropped ones (zero removes the row).
			count: u32,
			/// Weights dropped for naming uids re-registered since the commit.
			dropped: u32,
			/// The revealed `version` (part of the commit hash).
			version: u64,
		},
		/// An epoch ran on `netuid` over `neurons` uids, `validators` permits and `weights`
		/// non-zero weights; `consensus` is false when no miner reached consensus.
		EpochRun {
			/// The subnet.
			netuid: NetUid,
			/// Uids on the subnet.
			neurons: u16,
			/// Validator permits.
			validators: u16,
			/// Non-zero weights that entered the epoch (after masking).
			weights: u32,
			/// Whether any miner reached consensus (got incentive).
			consensus: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet with this id.
		UnknownSubnet,
		/// A uid at or beyond the subnet's size.
		UnknownUid,
		/// The hotkey has no uid on this subnet.
		NotRegistered,
		/// The hotkey already has a uid on this subnet.
		HotkeyAlreadyRegistered,
		/// The signature is not the hotkey's over `hotkey_message(coldkey, netuid)`, raw or
		/// wrapped in `<Bytes>…</Bytes>`.
		BadHotkeySignature,
		/// The hotkey is bound to another coldkey (its first registration's).
		HotkeyOwnedByOther,
		/// The subnet is full and every neuron is still immune.
		SubnetFull,
		/// The coldkey cannot pay the registration burn (and keep its account alive), in GOV or
		/// in credits.
		CannotAffordBurn,
		/// GOV has no price yet, so a burn cannot be paid in credits.
		NoGovPrice,
		/// `uids` and `weights` differ in length.
		LengthMismatch,
		/// A uid appears twice in `uids`.
		DuplicateUids,
		/// More weights than the subnet has uids.
		TooManyWeights,
		/// Fewer non-zero weights than `MinAllowedWeights` (or none).
		TooFewWeights,
		/// A validator cannot weight itself.
		SelfWeight,
		/// The hotkey has no validator permit.
		NoValidatorPermit,
		/// Weights or a commit again before `WeightsRateLimit` blocks passed.
		RateLimited,
		/// `set_weights` is refused while commit-reveal is on.
		CommitRevealEnabled,
		/// Commits are refused while commit-reveal is off.
		CommitRevealDisabled,
		/// A commit is already waiting for its reveal window.
		CommitPending,
		/// No commit to reveal.
		NoCommit,
		/// The reveal window (the epoch after the commit's) has not started.
		RevealTooEarly,
		/// The reveal window has passed; commit again.
		RevealExpired,
		/// The revealed weights, salt or version do not hash to the commit.
		RevealMismatch,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MaxUids::get() >= 1 && T::MaxUids::get() <= u32::from(u16::MAX),
				"MaxUids must fit a u16 uid"
			);
			assert!(T::BurnHalvingInterval::get() > 0, "BurnHalvingInterval must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register `hotkey` on `netuid`, paying the registration burn from the caller (the
		/// coldkey). Takes the next uid, or replaces the non-immune neuron with the lowest pruning
		/// score of a full subnet.
		///
		/// `signature` is the hotkey's over [`Pallet::hotkey_message`]`(coldkey, netuid)`, raw or
		/// wrapped in `<Bytes>…</Bytes>` (as browser extensions' `signRaw` does): proof that the
		/// hotkey's owner chose this coldkey, so no one can register another's hotkey. The first
		/// registration binds the hotkey to the coldkey on every subnet.
		///
		/// Signed. Errors: `BadHotkeySignature`, `UnknownSubnet`, `HotkeyAlreadyRegistered`,
		/// `HotkeyOwnedByOther`, `SubnetFull`, `CannotAffordBurn`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register(u32::from(SubnetN::<T>::get(netuid))))]
		pub fn register(
			origin: OriginFor<T>,
			netuid: NetUid,
			hotkey: T::AccountId,
			signature: T::Signature,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::check_hotkey_proof(&coldkey, netuid, &hotkey, &signature)?;
			Self::do_register(coldkey, netuid, hotkey, BurnPayment::Gov)
		}

		/// Set the caller's weights on `netuid`: `weights[k]` for uid `uids[k]`, any scale
		/// (normalized to sum one). Only while commit-reveal is off.
		///
		/// Signed by a validator's hotkey. Errors: `CommitRevealEnabled`, `UnknownSubnet`,
		/// `NotRegistered`, `NoValidatorPermit`, `RateLimited`, `LengthMismatch`,
		/// `TooManyWeights`, `DuplicateUids`, `UnknownUid`, `SelfWeight`, `TooFewWeights`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_weights(uids.len() as u32))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: BoundedVec<u16, T::MaxUids>,
			weights: BoundedVec<u16, T::MaxUids>,
			version: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			ensure!(!T::CommitReveal::get(), Error::<T>::CommitRevealEnabled);
			Self::do_set_weights(hotkey, netuid, &uids, &weights, version)
		}

		/// Commit to weights on `netuid` with `hash` =
		/// `blake2_256(SCALE((hotkey, netuid, uids, weights, salt, version)))`; reveal them in
		/// the next epoch with `reveal_weights`.
		///
		/// Signed by a validator's hotkey. Errors: `CommitRevealDisabled`, `UnknownSubnet`,
		/// `NotRegistered`, `NoValidatorPermit`, `RateLimited`, `CommitPending`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::commit_weights())]
		pub fn commit_weights(origin: OriginFor<T>, netuid: NetUid, hash: H256) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			ensure!(T::CommitReveal::get(), Error::<T>::CommitRevealDisabled);
			Self::do_commit(hotkey, netuid, hash)
		}

		/// Reveal the weights committed in the previous epoch. Weights to uids re-registered
		/// since the commit are dropped.
		///
		/// Signed by the committing hotkey. Errors: `CommitRevealDisabled`, `UnknownSubnet`,
		/// `NotRegistered`, `NoCommit`, `RevealTooEarly`, `RevealExpired`, `RevealMismatch`,
		/// `NoValidatorPermit`, and the weight checks of `set_weights`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reveal_weights(uids.len() as u32))]
		pub fn reveal_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: BoundedVec<u16, T::MaxUids>,
			weights: BoundedVec<u16, T::MaxUids>,
			salt: Salt,
			version: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			ensure!(T::CommitReveal::get(), Error::<T>::CommitRevealDisabled);
			Self::do_reveal(hotkey, netuid, &uids, &weights, salt, version)
		}

		/// Run `netuid`'s Yuma epoch now and store the results as its metagraph, without any
		/// payout (payouts happen only in the subnets pallet's scheduled epochs). A repair tool
		/// for governance, e.g. after a parameter change; subnet owners cannot call it, so no one
		/// can run extra epochs to move bonds.
		///
		/// `AdminOrigin`. Errors: `UnknownSubnet`.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::epoch_weight_bound(*netuid))]
		pub fn trigger_epoch(origin: OriginFor<T>, netuid: NetUid) -> DispatchResultWithPostInfo {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(T::Subnets::exists(netuid), Error::<T>::UnknownSubnet);
			let stats = Self::compute_scores(netuid);
			Ok(Some(stats.weight::<T>()).into())
		}

		/// [`Pallet::register`], paying the burn in credits instead of GOV: for contributors
		/// who hold credits and no GOV. The burn's GOV is priced in USD at `GovPrice` (rounded
		/// up), and credits worth that USD at the payout rate are burned — paid credits first,
		/// then earned — their backing going to the buyback pot, which buys GOV back and burns
		/// it. So the burn costs the same whichever way it is paid.
		///
		/// Signed. Errors: those of `register`, and `NoGovPrice`; `CannotAffordBurn` when the
		/// caller holds too few credits.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_with_credits(u32::from(SubnetN::<T>::get(netuid))))]
		pub fn register_with_credits(
			origin: OriginFor<T>,
			netuid: NetUid,
			hotkey: T::AccountId,
			signature: T::Signature,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::check_hotkey_proof(&coldkey, netuid, &hotkey, &signature)?;
			Self::do_register(coldkey, netuid, hotkey, BurnPayment::Credits)
		}
	}
}
