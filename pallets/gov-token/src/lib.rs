#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod buyback;
/// The emission schedule (shared with the subnets' alpha emission).
pub use tandem_primitives::halving as emission;
mod impls;
pub mod oracle;
pub use impls::{ratio_ppm, BurnGov, GovFeeSink};
pub mod runtime_api;
pub mod types;
pub mod weights;
pub use weights::WeightInfo;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use tandem_primitives::Balance;

/// The most buyback lots one block runs (lots fall due one per `BuybackInterval`; a block
/// standing for many intervals runs those due, up to this many).
pub const MAX_LOTS_PER_BLOCK: u32 = 24;

/// The USD/GOV market the buyback trades on (`pallet-asset-conversion` in the runtime).
pub trait BuybackMarket<AccountId> {
	/// Pool reserves `(usd, gov)`, or `None` without a pool or liquidity.
	fn reserves() -> Option<(Balance, Balance)>;
	/// The pool's fee on each swap, taken from the input.
	fn fee() -> sp_runtime::Perbill;
	/// GOV out for exactly `usd_in` USD at the pool's current state, after its fee.
	fn quote_usd_for_gov(usd_in: Balance) -> Option<Balance>;
	/// Swaps exactly `usd_in` USD of `who` for at least `min_gov_out` GOV, paid to `who`.
	fn swap_usd_for_gov(
		who: &AccountId,
		usd_in: Balance,
		min_gov_out: Balance,
	) -> Result<Balance, sp_runtime::DispatchError>;
	/// Creates the pool if it does not exist and adds `usd` + `gov` liquidity from `provider`
	/// (genesis and benchmarks).
	fn seed(provider: &AccountId, usd: Balance, gov: Balance) -> sp_runtime::DispatchResult;
}

/// Benchmark set-up the runtime provides.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes a USD/GOV pool with liquidity exist and funds the buyback pot with `usd`.
	fn setup_market_and_pot(usd: Balance);
	/// Gives `who` an airdrop basis of `credits` credits (earned mining paid work).
	fn give_earnings(who: &AccountId, credits: Balance);
}

// The FRAME macros expand into `expect`s on metadata and storage-prefix lookups that cannot fail
// at runtime; the lints stay on for the logic (`impls.rs`, `emission.rs`).
#[allow(clippy::expect_used, clippy::unwrap_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::types::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, fungibles},
		weights::WeightMeter,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{FixedU128, Perbill};
	use tandem_primitives::AssetId;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// GOV (the native token).
		type Currency: fungible::Mutate<Self::AccountId, Balance = Balance>
			+ fungible::Balanced<Self::AccountId, Balance = Balance>;

		/// The assets pallet holding USD.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = AssetId, Balance = Balance>;

		/// The asset id of USD.
		#[pallet::constant]
		type UsdAssetId: Get<AssetId>;

		/// The USD/GOV pool.
		type Market: BuybackMarket<Self::AccountId>;

		/// The buyback pot (USD waiting to buy GOV back).
		type BuybackPot: Get<Self::AccountId>;

		/// The treasury.
		type Treasury: Get<Self::AccountId>;

		/// May `launch()` (governance), and resume paused buybacks.
		type LaunchOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// May pause buybacks, never resume them (governance, including its emergency track).
		type PauseOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// `E0`: GOV emitted per block before the first halving (0.5 GOV).
		#[pallet::constant]
		type InitialEmission: Get<Balance>;

		/// Most GOV ever emitted (10,500,000 GOV).
		#[pallet::constant]
		type EmissionCap: Get<Balance>;

		/// Blocks between buybacks (default 600).
		type BuybackInterval: Get<u32>;

		/// Most USD one buyback takes from the pot (default 1,000 USD).
		type BuybackLot: Get<Balance>;

		/// Share of a lot (and of GOV fees) spent on buying back and burning GOV (default 50 %).
		type BuybackShare: Get<Perbill>;

		/// Largest shortfall of a buyback's output against the oracle price (default 2 %).
		type MaxBuybackSlippage: Get<Perbill>;

		/// Weight of each block's spot price in the price oracle's EMA.
		#[pallet::constant]
		type OracleSmoothing: Get<Perbill>;

		/// Blocks the slow oracle averages over (7 days): each block's spot price weighs
		/// `1 / SlowOracleWindow` in it. Revenue converts to GOV at the higher USD price of the
		/// two oracles, so a short dip of the fast one cannot inflate an emission allowance.
		#[pallet::constant]
		type SlowOracleWindow: Get<u32>;

		/// Contributors' credit earnings (the airdrop's basis).
		type Credits: tandem_primitives::CreditsInterface<Self::AccountId>;

		/// May start an airdrop (governance).
		type AirdropOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The account holding GOV set aside for contributor airdrops.
		type AirdropReserve: Get<Self::AccountId>;

		/// Blocks an airdrop can be claimed for; then `close_airdrop` returns the rest.
		type AirdropClaimPeriod: Get<u32>;

		/// The most coldkeys on the mesh roster.
		#[pallet::constant]
		type MaxRoster: Get<u32>;

		/// The largest share of an airdrop one coldkey may claim (2 %).
		#[pallet::constant]
		type MaxAirdropShare: Get<Perbill>;

		/// Weights of the calls and hooks.
		type WeightInfo: WeightInfo;

		/// Prepares benchmark state.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// `Mesh` until governance launches the token.
	#[pallet::storage]
	pub type CurrentPhase<T: Config> = StorageValue<_, Phase, ValueQuery>;

	/// GOV issuance at genesis.
	#[pallet::storage]
	pub type GenesisIssuance<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// GOV ever emitted.
	#[pallet::storage]
	pub type Emitted<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// GOV ever burned through this pallet.
	#[pallet::storage]
	pub type Burned<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// First block the next buyback may run in.
	#[pallet::storage]
	pub type NextBuyback<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Buybacks are paused (`set_buyback_paused`): none runs, the pot keeps filling.
	#[pallet::storage]
	pub type BuybackPaused<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// EMA of the pool price, GOV units per USD unit (zero until the pool has liquidity).
	#[pallet::storage]
	pub type PriceEma<T: Config> = StorageValue<_, FixedU128, ValueQuery>;

	/// The block the oracles were last updated in (the update weighs the blocks since).
	#[pallet::storage]
	pub type OracleUpdatedAt<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The slow (`SlowOracleWindow`) EMA of the pool price, GOV units per USD unit.
	#[pallet::storage]
	pub type PriceEmaSlow<T: Config> = StorageValue<_, FixedU128, ValueQuery>;

	/// The 12-slot ring of monthly metrics; slot `month % 12`.
	#[pallet::storage]
	pub type Metrics<T: Config> = StorageMap<_, Twox64Concat, u8, TokenMonth, ValueQuery>;

	/// The airdrop being claimed, if any.
	#[pallet::storage]
	pub type CurrentAirdrop<T: Config> = StorageValue<_, Airdrop, OptionQuery>;

	/// Id the next airdrop gets.
	#[pallet::storage]
	pub type NextAirdropId<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// An account's airdrop basis as of airdrop `id`'s snapshot, recorded the first time it
	/// grows after it (before that, the current value is the snapshot value).
	#[pallet::storage]
	pub type BasisAtSnapshot<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u32,
		Blake2_128Concat,
		T::AccountId,
		Balance,
		OptionQuery,
	>;

	/// The mesh roster: the coldkeys eligible for contributor airdrops, with the block each
	/// joined. The treasurer track maintains it.
	#[pallet::storage]
	pub type MeshRoster<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

	/// GOV each account claimed from airdrop `id`.
	#[pallet::storage]
	pub type AirdropClaims<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u32,
		Blake2_128Concat,
		T::AccountId,
		Balance,
		OptionQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Start already launched (otherwise `Mesh`).
		pub launched: bool,
		/// Seed the USD/GOV pool: `(provider, usd, gov)` liquidity from `provider`.
		pub pool: Option<(T::AccountId, Balance, Balance)>,
		/// Coldkeys on the mesh roster from genesis (at most `MaxRoster`).
		pub roster: alloc::vec::Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use frame_support::traits::fungible::Inspect;
			if let Some((provider, usd, gov)) = &self.pool {
				T::Market::seed(provider, *usd, *gov).expect("the genesis pool can be seeded");
			}
			GenesisIssuance::<T>::put(T::Currency::total_issuance());
			assert!(
				self.roster.len() <= T::MaxRoster::get() as usize,
				"the genesis roster is longer than MaxRoster"
			);
			for who in &self.roster {
				MeshRoster::<T>::insert(who, 0);
			}
			if self.launched {
				CurrentPhase::<T>::put(Phase::Launched);
				NextBuyback::<T>::put(T::BuybackInterval::get());
			}
			if let Some(price) = Pallet::<T>::spot_price() {
				PriceEma::<T>::put(price);
				PriceEmaSlow::<T>::put(price);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance launched the token: emission and buybacks start.
		Launched {
			/// The block of the launch.
			block: u32,
		},
		/// Buybacks were paused (`paused`) or resumed.
		BuybackPauseSet {
			/// `true`: buybacks paused; `false`: resumed.
			paused: bool,
		},
		/// A buyback spent `usd_spent` USD on `gov_burned` GOV (burned) and sent
		/// `usd_to_treasury` to the treasury; `oracle_price` is GOV units per USD unit;
		/// `scaled_down` if the lot was cut to what the pool could fill within the bound.
		BoughtBack {
			/// USD (6 decimals) swapped for GOV: `BuybackShare` of the lot.
			usd_spent: Balance,
			/// Whether the lot was cut to the largest the pool could fill within the bound.
			scaled_down: bool,
			/// GOV (12 decimals) the swap bought, all burned.
			gov_burned: Balance,
			/// USD (6 decimals) of the lot sent to the treasury: the lot less `usd_spent`.
			usd_to_treasury: Balance,
			/// Least GOV (12 decimals) the swap accepted: `usd_spent` at `oracle_price`, less
			/// `MaxBuybackSlippage` (zero when nothing was swapped).
			min_gov_out: Balance,
			/// The fast oracle's EMA price (`PriceEma`), GOV units per USD unit.
			oracle_price: FixedU128,
		},
		/// A due buyback was skipped and the USD left in the pot.
		BuybackSkipped {
			/// Why the lot was skipped.
			reason: SkipReason,
			/// USD (6 decimals) the pot can spend after the skip (above its minimum balance).
			usd_in_pot: Balance,
		},
		/// `amount` GOV was burned (`source` says why).
		Burned {
			/// GOV burned (12 decimals).
			amount: Balance,
			/// What the burn was for.
			source: BurnSource,
		},
		/// `amount` GOV was emitted to `to`, accrued from revenue worth `usd` (USD units) at the
		/// accrual price.
		Emitted {
			/// The account the GOV was minted to.
			to: T::AccountId,
			/// GOV minted (12 decimals), never past `EmissionCap`.
			amount: Balance,
			/// Revenue it accrued from, in USD (6 decimals); cut in proportion when the cap
			/// cuts `amount`.
			usd: Balance,
		},
		/// Airdrop `id` of `amount` GOV opened over `total_basis`, the airdrop basis of every
		/// coldkey on the mesh roster at the snapshot; claimable until block `ends_at`.
		AirdropStarted {
			/// The airdrop's id.
			id: u32,
			/// GOV (12 decimals) to split, from the airdrop reserve.
			amount: Balance,
			/// Sum of the roster's airdrop bases at the snapshot (credits, 6 decimals).
			total_basis: Balance,
			/// Last block to claim in.
			ends_at: u32,
		},
		/// `who` claimed `amount` GOV of airdrop `id` for its `basis` (capped at
		/// `MaxAirdropShare` of the airdrop).
		AirdropClaimed {
			/// The airdrop's id.
			id: u32,
			/// The claiming coldkey.
			who: T::AccountId,
			/// GOV (12 decimals) paid to `who` from the airdrop reserve.
			amount: Balance,
			/// `who`'s airdrop basis at the snapshot (credits, 6 decimals).
			basis: Balance,
		},
		/// The treasurer track put `who` on the mesh roster.
		RosterAdded {
			/// The coldkey added.
			who: T::AccountId,
		},
		/// The treasurer track took `who` off the mesh roster.
		RosterRemoved {
			/// The coldkey removed.
			who: T::AccountId,
		},
		/// Airdrop `id` closed; `returned` unclaimed GOV went to the treasury.
		AirdropClosed {
			/// The airdrop's id.
			id: u32,
			/// Unclaimed GOV (12 decimals) moved from the airdrop reserve to the treasury.
			returned: Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The token is already launched.
		AlreadyLaunched,
		/// Not before launch.
		NotLaunched,
		/// No buyback is due yet (see `NextBuyback`).
		BuybackNotDue,
		/// An amount overflowed.
		Overflow,
		/// The amount is zero.
		ZeroAmount,
		/// An airdrop is already open.
		AirdropActive,
		/// No airdrop is open.
		NoAirdrop,
		/// The airdrop's claim period is over.
		AirdropEnded,
		/// The airdrop's claim period is not over yet.
		AirdropStillOpen,
		/// This account already claimed this airdrop.
		AlreadyClaimed,
		/// The account has no airdrop basis at the snapshot (no miner earnings from paid work).
		NothingToClaim,
		/// The airdrop reserve holds less GOV than the airdrop.
		InsufficientReserve,
		/// Nobody on the mesh roster has an airdrop basis: there is nothing to split by.
		NoEarnings,
		/// The account is not on the mesh roster (or joined it after the airdrop's snapshot).
		NotOnRoster,
		/// The account is on the mesh roster already.
		AlreadyOnRoster,
		/// The mesh roster holds `MaxRoster` coldkeys already.
		RosterFull,
		/// Buybacks are paused: no buyback runs until governance resumes them.
		BuybackPaused,
		/// Buybacks are already in the state asked for (paused, or running).
		BuybackPauseUnchanged,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::EmissionCap::get() > 0, "EmissionCap must be positive");
			assert!(T::InitialEmission::get() <= T::EmissionCap::get(), "E0 above the cap");
			assert!(T::SlowOracleWindow::get() >= 1, "SlowOracleWindow must be positive");
		}

		/// Folds the pool's spot price into the oracle EMA (before this block's swaps).
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::update_oracle();
			T::WeightInfo::on_initialize_oracle()
		}

		/// Runs a due buyback if the block has room for it.
		///
		/// Every lot due since the last one, up to `MAX_LOTS_PER_BLOCK` (one on a live chain;
		/// the simulator's one block stands for a day of them).
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let mut meter = WeightMeter::with_limit(remaining);
			let check = T::DbWeight::get().reads(2);
			for _ in 0..crate::MAX_LOTS_PER_BLOCK {
				if meter.try_consume(check).is_err() || !Self::buyback_due() {
					break;
				}
				if meter.try_consume(T::WeightInfo::buyback()).is_err() {
					break;
				}
				Self::run_buyback();
			}
			meter.consumed()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Move from `Mesh` to `Launched`: emission and buybacks start; the first buyback is due
		/// `BuybackInterval` blocks later.
		///
		/// `LaunchOrigin` only. Errors: `AlreadyLaunched`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::launch())]
		pub fn launch(origin: OriginFor<T>) -> DispatchResult {
			T::LaunchOrigin::ensure_origin(origin)?;
			ensure!(CurrentPhase::<T>::get() == Phase::Mesh, Error::<T>::AlreadyLaunched);
			CurrentPhase::<T>::put(Phase::Launched);
			let now = Self::now();
			NextBuyback::<T>::put(now.saturating_add(T::BuybackInterval::get()));
			Self::deposit_event(Event::Launched { block: now });
			Ok(())
		}

		/// Run a due buyback now (for when `on_idle` had no room). A lot the pool cannot fill
		/// within the slippage bound is skipped with `BuybackSkipped`, as in the hook.
		///
		/// Signed, anyone. Errors: `NotLaunched`, `BuybackPaused`, `BuybackNotDue`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::buyback())]
		pub fn poke_buyback(origin: OriginFor<T>) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(CurrentPhase::<T>::get() == Phase::Launched, Error::<T>::NotLaunched);
			ensure!(!BuybackPaused::<T>::get(), Error::<T>::BuybackPaused);
			ensure!(Self::buyback_due(), Error::<T>::BuybackNotDue);
			Self::run_buyback();
			Ok(())
		}

		/// Open an airdrop of `amount` GOV from the reserve, split by the airdrop basis of the
		/// coldkeys on the mesh roster now (the snapshot is taken lazily: see
		/// `BasisAtSnapshot`).
		///
		/// `AirdropOrigin` only. Errors: `NotLaunched`, `ZeroAmount`, `AirdropActive`,
		/// `InsufficientReserve`, `NoEarnings`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::start_airdrop(T::MaxRoster::get()))]
		pub fn start_airdrop(origin: OriginFor<T>, amount: Balance) -> DispatchResultWithPostInfo {
			T::AirdropOrigin::ensure_origin(origin)?;
			let members = Self::do_start_airdrop(amount)?;
			Ok(Some(T::WeightInfo::start_airdrop(members)).into())
		}

		/// Claim the caller's share of the open airdrop, once:
		/// `min(amount × basis / total_basis, MaxAirdropShare × amount)`, for a coldkey on the
		/// mesh roster since before the snapshot.
		///
		/// Signed. Errors: `NoAirdrop`, `AirdropEnded`, `AlreadyClaimed`, `NotOnRoster`,
		/// `NothingToClaim`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::claim_airdrop())]
		pub fn claim_airdrop(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_airdrop(who)
		}

		/// Close the airdrop after its claim period: the unclaimed GOV returns to the treasury.
		///
		/// Signed, anyone. Errors: `NoAirdrop`, `AirdropStillOpen`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::close_airdrop())]
		pub fn close_airdrop(origin: OriginFor<T>) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_airdrop()
		}

		/// Put `who` on the mesh roster (from the next airdrop's snapshot on, it may claim).
		///
		/// `AirdropOrigin` (the treasurer track). Errors: `AlreadyOnRoster`, `RosterFull`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_to_roster())]
		pub fn add_to_roster(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AirdropOrigin::ensure_origin(origin)?;
			ensure!(!MeshRoster::<T>::contains_key(&who), Error::<T>::AlreadyOnRoster);
			ensure!(MeshRoster::<T>::count() < T::MaxRoster::get(), Error::<T>::RosterFull);
			MeshRoster::<T>::insert(&who, Self::now());
			Self::deposit_event(Event::RosterAdded { who });
			Ok(())
		}

		/// Take `who` off the mesh roster: it can no longer claim (an open airdrop's unclaimed
		/// share returns to the treasury at its close).
		///
		/// `AirdropOrigin` (the treasurer track). Errors: `NotOnRoster`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_from_roster())]
		pub fn remove_from_roster(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AirdropOrigin::ensure_origin(origin)?;
			ensure!(MeshRoster::<T>::contains_key(&who), Error::<T>::NotOnRoster);
			MeshRoster::<T>::remove(&who);
			Self::deposit_event(Event::RosterRemoved { who });
			Ok(())
		}

		/// Pause buybacks (`paused`) or resume them. While paused no lot runs, from the hook or
		/// `poke_buyback`; the pot keeps what it receives, and the schedule picks up where it
		/// stopped once resumed.
		///
		/// Pause: `PauseOrigin` (the runtime's emergency track among others). Resume:
		/// `LaunchOrigin`. Errors: `BuybackPauseUnchanged`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_buyback_paused())]
		pub fn set_buyback_paused(origin: OriginFor<T>, paused: bool) -> DispatchResult {
			if paused {
				T::PauseOrigin::ensure_origin(origin)?;
			} else {
				T::LaunchOrigin::ensure_origin(origin)?;
			}
			ensure!(BuybackPaused::<T>::get() != paused, Error::<T>::BuybackPauseUnchanged);
			BuybackPaused::<T>::put(paused);
			Self::deposit_event(Event::BuybackPauseSet { paused });
			Ok(())
		}
	}
}
