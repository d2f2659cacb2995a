#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod runtime_api;
pub mod weights;
pub use weights::WeightInfo;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use frame_support::traits::dynamic_params::AggregatedKeyValue;

/// Benchmark set-up the runtime provides.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<Parameters> {
	/// The in-bounds parameter whose check reads the most state, with that state prepared.
	fn worst_case() -> Parameters;
}

/// The key of a runtime parameter (`RuntimeParametersKey`).
pub type KeyOf<T> =
	<<T as pallet_parameters::Config>::RuntimeParameters as AggregatedKeyValue>::Key;
/// The value of a runtime parameter (`RuntimeParametersValue`).
pub type ValueOf<T> =
	<<T as pallet_parameters::Config>::RuntimeParameters as AggregatedKeyValue>::Value;

/// Why a parameter value is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BoundError {
	/// Under the parameter's lowest allowed value.
	BelowMinimum,
	/// Over the parameter's highest allowed value.
	AboveMaximum,
	/// Contradicts another parameter or the chain's state (e.g. `PayoutRate > CreditPrice`).
	Inconsistent,
	/// `PayoutRate` under 80 % of `CreditPrice`: a contributor's earned credits would cash out
	/// for too little of what users pay for them.
	PayoutRateFloor,
	/// `MaxBuybackSlippage` under `PoolLpFee` + 1 %: the buyback's quote includes the LP fee,
	/// so no lot could trade.
	BuybackLiveness,
	/// `EmissionPerRevenue` above 90 % of `ProtocolFee`: routing a spend through one's own
	/// subnet would cause more emission than the fee it costs.
	Laundering,
	/// `EmissionPerRevenue × CreditPrice` above what the buyback spends on GOV per credit of
	/// revenue: GOV bought back would no longer cover GOV emitted.
	Deflation,
	/// A `PayoutRate` cut below 95 % of the highest rate of the last 30 days.
	PayoutRateDecrease,
}

/// The runtime's table of parameter bounds.
pub trait ParameterBounds<Value> {
	/// `Ok` when `value` may be stored, reading the other parameters' current values.
	fn check(value: &Value) -> Result<(), BoundError>;
	/// Called after `value` passed `check` and just before it is stored, for bounds that
	/// remember the past (the `PayoutRate` cut limit). Nothing by default.
	fn before_set(_value: &Value) {}
}

/// `lo ≤ v ≤ hi`, with the error naming the side broken.
pub fn within<V: PartialOrd>(v: V, lo: V, hi: V) -> Result<(), BoundError> {
	if v < lo {
		Err(BoundError::BelowMinimum)
	} else if v > hi {
		Err(BoundError::AboveMaximum)
	} else {
		Ok(())
	}
}

/// Accepts one variant of [`Origin`] (for the track-origin `Ensure*` types below).
macro_rules! ensure_track_origin {
	($(#[$doc:meta])* $name:ident => $variant:ident) => {
		$(#[$doc])*
		pub struct $name;
		impl<O: Into<Result<Origin, O>> + From<Origin>> frame_support::traits::EnsureOrigin<O>
			for $name
		{
			type Success = ();
			fn try_origin(o: O) -> Result<Self::Success, O> {
				o.into().and_then(|o| match o {
					Origin::$variant => Ok(()),
					r => Err(O::from(r)),
				})
			}
			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin() -> Result<O, ()> {
				Ok(O::from(Origin::$variant))
			}
		}
	};
}

ensure_track_origin!(
	/// A passed referendum of the `parameters` track.
	EnsureParameterAdmin => ParameterAdmin
);
ensure_track_origin!(
	/// A passed referendum of the `treasurer` track.
	EnsureTreasurer => Treasurer
);
ensure_track_origin!(
	/// A passed referendum of the `slasher` track.
	EnsureSlasher => Slasher
);
ensure_track_origin!(
	/// A passed referendum of the `emergency` track.
	EnsureEmergency => Emergency
);

#[frame_support::pallet]
#[allow(clippy::expect_used, clippy::unwrap_used)]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::EnsureOriginWithArg};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_parameters::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Who may set which parameter (the `parameters` track, or root).
		type SetOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, KeyOf<Self>>;
		/// The bounds every value is checked against.
		type Bounds: ParameterBounds<ValueOf<Self>>;
		/// Benchmarked weights.
		type WeightInfo: WeightInfo;
		/// Benchmark set-up the runtime provides.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<
			<Self as pallet_parameters::Config>::RuntimeParameters,
		>;
	}

	/// The origins of the custom referendum tracks (`root` uses the root origin).
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// `parameters` track: protocol parameters, within their bounds.
		ParameterAdmin,
		/// `treasurer` track: treasury spends, payment issuers, airdrops.
		Treasurer,
		/// `slasher` track: credit and stake slashes, within their bounds.
		Slasher,
		/// `emergency` track: stops only — a subnet's emission off, buybacks paused, a subnet
		/// dissolved, a referendum cancelled or killed. No parameter, no spend.
		Emergency,
	}

	/// Dev-chain track timings (blocks instead of days). Set at genesis only.
	#[pallet::storage]
	pub type FastTracks<T: Config> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Use the fast (dev) track timings.
		pub fast_tracks: bool,
		/// The runtime the genesis is for.
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			FastTracks::<T>::put(self.fast_tracks);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A protocol parameter changed (`old_value` `None`: it was at its default).
		ParameterSet {
			/// The parameter.
			key: KeyOf<T>,
			/// Its stored value before, `None` at its default.
			old_value: Option<ValueOf<T>>,
			/// Its value from now on.
			new_value: ValueOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The value is under the parameter's lowest allowed value.
		BelowMinimum,
		/// The value is over the parameter's highest allowed value.
		AboveMaximum,
		/// The value contradicts another parameter or the chain's state (`PayoutRate` above
		/// `CreditPrice` or above what the vault backs, cuts summing over 100 %, `AlphaLow`
		/// above `AlphaHigh`, `MinBurn` above `MaxBurn`).
		Inconsistent,
		/// `PayoutRate` would fall under 80 % of `CreditPrice` (raise `PayoutRate` first to raise
		/// the price that far).
		PayoutRateFloor,
		/// `MaxBuybackSlippage` would fall under `PoolLpFee` + 1 %, where no buyback lot can trade.
		BuybackLiveness,
		/// `EmissionPerRevenue` would exceed 90 % of `ProtocolFee` (the laundering bound).
		Laundering,
		/// `EmissionPerRevenue × CreditPrice` would exceed `BuybackShare × (ProtocolFee ×
		/// PayoutRate + CreditPrice − PayoutRate) × (1 − MaxBuybackSlippage)` (the deflation
		/// bound).
		Deflation,
		/// `PayoutRate` would fall more than 5 % under its highest value of the last 30 days.
		PayoutRateDecrease,
		/// No value given: a parameter is set to an explicit value (defaults are in the docs).
		MissingValue,
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
		/// Sets one protocol parameter after checking it against its bounds.
		///
		/// `SetOrigin` for the parameter's key. Errors: `MissingValue`, `BelowMinimum`,
		/// `AboveMaximum`, `Inconsistent`, `PayoutRateFloor`, `BuybackLiveness`, `Laundering`,
		/// `Deflation`, `PayoutRateDecrease`.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::set_parameter())]
		pub fn set_parameter(
			origin: OriginFor<T>,
			parameter: <T as pallet_parameters::Config>::RuntimeParameters,
		) -> DispatchResult {
			let (key, value) = parameter.into_parts();
			T::SetOrigin::ensure_origin(origin, &key)?;
			let value = value.ok_or(Error::<T>::MissingValue)?;
			T::Bounds::check(&value).map_err(Error::<T>::from)?;
			T::Bounds::before_set(&value);
			let old_value = pallet_parameters::Parameters::<T>::get(&key);
			pallet_parameters::Parameters::<T>::insert(&key, &value);
			Self::deposit_event(Event::ParameterSet { key, old_value, new_value: value });
			Ok(())
		}
	}

	impl<T: Config> From<BoundError> for Error<T> {
		fn from(e: BoundError) -> Self {
			match e {
				BoundError::BelowMinimum => Error::BelowMinimum,
				BoundError::AboveMaximum => Error::AboveMaximum,
				BoundError::Inconsistent => Error::Inconsistent,
				BoundError::PayoutRateFloor => Error::PayoutRateFloor,
				BoundError::BuybackLiveness => Error::BuybackLiveness,
				BoundError::Laundering => Error::Laundering,
				BoundError::Deflation => Error::Deflation,
				BoundError::PayoutRateDecrease => Error::PayoutRateDecrease,
			}
		}
	}

	impl<T: Config> Pallet<T> {
		/// Every stored parameter passes its bounds.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			for (_, value) in pallet_parameters::Parameters::<T>::iter() {
				T::Bounds::check(&value).map_err(|_| "a stored parameter is out of its bounds")?;
			}
			Ok(())
		}
	}
}
