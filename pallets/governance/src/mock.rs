//! A test runtime: system, parameters and governance, with two demo parameters: `Price`
//! (10 ..= 1,000) and `Payout` (1 ..= `Price`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate::{self as pallet_governance, within, BoundError, EnsureParameterAdmin, ParameterBounds};
use frame_support::{
	derive_impl,
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	traits::{AsEnsureOriginWithArg, EitherOf, Get, NeverEnsureOrigin},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Parameters: pallet_parameters,
		Governance: pallet_governance,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Test>)]
pub mod params {
	use super::*;

	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod demo {
		#[codec(index = 0)]
		pub static Price: u64 = 30;
		#[codec(index = 1)]
		pub static Payout: u64 = 27;
	}
}
pub use params::*;

/// A payout raise: checked against the price.
#[cfg(feature = "runtime-benchmarks")]
pub struct WorstCase;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<RuntimeParameters> for WorstCase {
	fn worst_case() -> RuntimeParameters {
		RuntimeParameters::Demo(demo::Parameters::Payout(demo::Payout, Some(29)))
	}
}

pub struct DemoBounds;
impl ParameterBounds<RuntimeParametersValue> for DemoBounds {
	fn check(value: &RuntimeParametersValue) -> Result<(), BoundError> {
		match value {
			RuntimeParametersValue::Demo(demo::ParametersValue::Price(v)) => {
				within(*v, 10, 1_000)?;
				within(demo::Payout::get(), 0, *v).map_err(|_| BoundError::Inconsistent)
			}
			RuntimeParametersValue::Demo(demo::ParametersValue::Payout(v)) => {
				within(*v, 1, 1_000)?;
				within(*v, 0, demo::Price::get()).map_err(|_| BoundError::Inconsistent)
			}
		}
	}
}

impl pallet_parameters::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	// Only the bounded call below writes parameters.
	type AdminOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<()>>;
	type WeightInfo = ();
}

impl pallet_governance::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type SetOrigin = AsEnsureOriginWithArg<EitherOf<EnsureRoot<u64>, EnsureParameterAdmin>>;
	type Bounds = DemoBounds;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = WorstCase;
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		governance: pallet_governance::GenesisConfig { fast_tracks: true, ..Default::default() },
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `f`, then the pallet's invariants.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		Governance::do_try_state().expect("invariants hold");
	});
}
