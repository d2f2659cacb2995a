#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod weights;
pub use weights::WeightInfo;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// A session's index (`pallet-session`'s `SessionIndex`).
pub type SessionIndex = u32;

/// Benchmark set-up the runtime provides.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` session keys (and whatever an account needs to hold them).
	fn register_keys(who: &AccountId);
}

#[frame_support::pallet]
#[allow(clippy::expect_used, clippy::unwrap_used)]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{One, Zero};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Who may add a validator (the root track).
		type AddOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who may remove one (the root and the emergency tracks).
		type RemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Whether an account has session keys (`pallet-session`).
		type KeysRegistered: ValidatorRegistration<Self::AccountId>;
		/// Most validators (at most the consensus pallets' `MaxAuthorities`).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Fewest validators: a removal below it is refused.
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// Session length when the genesis sets none.
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;
		/// Benchmarked weights.
		type WeightInfo: WeightInfo;
		/// Benchmark set-up the runtime provides.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The accounts that should validate, in the order they were added.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The set last handed to session (the keyed validators at that rotation).
	#[pallet::storage]
	pub type Handed<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Blocks per session. Set at genesis only.
	#[pallet::storage]
	pub type SessionLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultSessionLength>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The first validators (`pallet-session`'s genesis must give each of them keys).
		pub validators: Vec<T::AccountId>,
		/// Blocks per session; `DefaultSessionLength` when `None`.
		pub session_length: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let validators: BoundedVec<_, _> =
				self.validators.clone().try_into().expect("more genesis validators than allowed");
			Validators::<T>::put(validators);
			if let Some(length) = self.session_length {
				SessionLength::<T>::put(length);
			}
			// An empty list is the (unusable) default genesis; a real one must be valid.
			if !self.validators.is_empty() {
				Pallet::<T>::do_try_state().expect("a valid genesis validator set");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` joins the validator set from the session after next (`validators` listed now).
		ValidatorAdded {
			/// The new validator.
			who: T::AccountId,
			/// Accounts listed now.
			validators: u32,
		},
		/// `who` leaves the validator set from the session after next (`validators` listed now).
		ValidatorRemoved {
			/// The removed validator.
			who: T::AccountId,
			/// Accounts listed now.
			validators: u32,
		},
		/// Session received a new set (the list changed, or a listed validator's keys went or
		/// came back): it validates from session `session`.
		NewSetQueued {
			/// The session the set validates from.
			session: SessionIndex,
			/// Validators in it.
			validators: u32,
		},
		/// The new set was not handed over: fewer than `MinValidators` listed accounts have
		/// session keys (`keyed`). It is offered again at the next rotation.
		NewSetDeferred {
			/// The session that keeps the current set.
			session: SessionIndex,
			/// Listed accounts with session keys.
			keyed: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The account has no session keys: it must call `session.set_keys` before it is added.
		NoSessionKeys,
		/// The set is at `MaxValidators`.
		TooManyValidators,
		/// The removal would leave fewer than `MinValidators`.
		TooFewValidators,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `who` to the validator set from the session after next.
		///
		/// `AddOrigin`. Errors: `AlreadyValidator`, `NoSessionKeys`, `TooManyValidators`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AddOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
			ensure!(T::KeysRegistered::is_registered(&who), Error::<T>::NoSessionKeys);
			validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Self::store(validators, |validators| Event::ValidatorAdded { who, validators });
			Ok(())
		}

		/// Removes `who` from the validator set from the session after next.
		///
		/// `RemoveOrigin`. Errors: `NotValidator`, `TooFewValidators`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::RemoveOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			let at = validators.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
			ensure!(
				validators.len() > T::MinValidators::get() as usize,
				Error::<T>::TooFewValidators
			);
			validators.remove(at);
			Self::store(validators, |validators| Event::ValidatorRemoved { who, validators });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Stores the changed list and reports `event(new length)`; the next rotation compares
		/// it with what session last received.
		fn store(
			validators: BoundedVec<T::AccountId, T::MaxValidators>,
			event: impl FnOnce(u32) -> Event<T>,
		) {
			let count = validators.len() as u32;
			Validators::<T>::put(validators);
			Self::deposit_event(event(count));
		}

		/// Records `set` as handed to session (it is at most the list, so within the bound).
		fn hand(set: &[T::AccountId]) {
			Handed::<T>::put(BoundedVec::truncate_from(set.to_vec()));
		}

		/// The listed validators that have session keys.
		pub fn keyed_validators() -> Vec<T::AccountId> {
			Validators::<T>::get().into_iter().filter(T::KeysRegistered::is_registered).collect()
		}

		/// The invariants listed in the crate docs.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			ensure!(
				validators.len() >= T::MinValidators::get() as usize,
				"fewer validators than MinValidators"
			);
			for (i, v) in validators.iter().enumerate() {
				ensure!(
					!validators.iter().skip(i.saturating_add(1)).any(|w| w == v),
					"a validator is listed twice"
				);
			}
			ensure!(!SessionLength::<T>::get().is_zero(), "the session length is zero");
			Ok(())
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			let keyed = Self::keyed_validators();
			// Unchanged (no governance change, no keys set or purged): nothing to hand over.
			if Handed::<T>::get().as_slice() == keyed.as_slice() {
				return None;
			}
			let count = keyed.len() as u32;
			if count < T::MinValidators::get().max(1) {
				Self::deposit_event(Event::NewSetDeferred { session: new_index, keyed: count });
				return None;
			}
			Self::hand(&keyed);
			Self::deposit_event(Event::NewSetQueued { session: new_index, validators: count });
			Some(keyed)
		}

		/// Session's genesis asks after registering the genesis keys: the listed validators
		/// that have them.
		fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			let keyed = Self::keyed_validators();
			Self::hand(&keyed);
			Some(keyed)
		}

		fn end_session(_end_index: SessionIndex) {}
		fn start_session(_start_index: SessionIndex) {}
	}

	/// [`SessionLength`] as a `Get`, for `pallet_session::PeriodicSessions` (never zero).
	pub struct SessionPeriod<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<BlockNumberFor<T>> for SessionPeriod<T> {
		fn get() -> BlockNumberFor<T> {
			SessionLength::<T>::get().max(One::one())
		}
	}
}
