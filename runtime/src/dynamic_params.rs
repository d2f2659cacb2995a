//! Protocol parameters that governance changes at runtime (`pallet-parameters`).
//!
//! Each item is a `Get<_>` the pallets read on every use, so a change applies from the next
//! call or epoch. Today `Root` (sudo on dev chains) sets them with
//! `parameters.setParameter`; the governance issue gives each group its referendum track and
//! enforces bounds.

use crate::{Balance, Runtime, RuntimeOrigin};
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	traits::EnsureOriginWithArg,
};
use sp_runtime::Perbill;

#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod params {
	use super::*;

	/// Compute credits (`pallet-credits`).
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod credits {
		/// USD (6 decimals) per whole credit charged by `buy`: $0.03.
		#[codec(index = 0)]
		pub static CreditPrice: Balance = 30_000;
		/// USD (6 decimals) per whole credit paid by `cash_out`: $0.027.
		#[codec(index = 1)]
		pub static PayoutRate: Balance = 27_000;
		/// Share of each epoch's credit pool burned as the protocol fee.
		#[codec(index = 2)]
		pub static ProtocolFee: Perbill = Perbill::from_percent(10);
		/// Share of each epoch's credit pool paid to the subnet owner.
		#[codec(index = 3)]
		pub static OwnerCut: Perbill = Perbill::from_percent(5);
		/// Share of each epoch's credit pool paid to validators.
		#[codec(index = 4)]
		pub static ValidatorCut: Perbill = Perbill::from_percent(15);
		/// Most of an account's credits one slash may take.
		#[codec(index = 5)]
		pub static MaxCreditSlash: Perbill = Perbill::from_percent(50);
	}
}

pub use params::*;

#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::Credits(credits::Parameters::CreditPrice(
			credits::CreditPrice,
			Some(30_000),
		))
	}
}

/// Who may set which parameter: `Root` for all of them until governance tracks exist.
pub struct ParametersAdmin;
impl EnsureOriginWithArg<RuntimeOrigin, RuntimeParametersKey> for ParametersAdmin {
	type Success = ();

	fn try_origin(
		origin: RuntimeOrigin,
		key: &RuntimeParametersKey,
	) -> Result<Self::Success, RuntimeOrigin> {
		match key {
			RuntimeParametersKey::Credits(_) => {
				frame_system::ensure_root(origin.clone()).map_err(|_| origin)?;
				Ok(())
			}
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_key: &RuntimeParametersKey) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}
