//! Benchmarks (frame-benchmarking v2).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOriginWithArg;

#[benchmarks(where <T as pallet_parameters::Config>::RuntimeParameters: Default)]
mod benchmarks {
	use super::*;

	/// Worst case: the bounds read other parameters and the chain's state (the runtime's default
	/// parameter is `CreditPrice`, checked against `PayoutRate`), and the key is already set.
	#[benchmark]
	fn set_parameter() -> Result<(), BenchmarkError> {
		let parameter = <T as pallet_parameters::Config>::RuntimeParameters::default();
		let (key, value) = parameter.clone().into_parts();
		let value = value.ok_or(BenchmarkError::Stop("the default parameter has no value"))?;
		pallet_parameters::Parameters::<T>::insert(&key, &value);
		let origin =
			T::SetOrigin::try_successful_origin(&key).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parameter);

		assert_eq!(pallet_parameters::Parameters::<T>::get(&key), Some(value));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
