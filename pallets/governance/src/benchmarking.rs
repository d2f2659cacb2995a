//! Benchmarks (frame-benchmarking v2).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOriginWithArg;

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: the runtime's helper picks the check that reads the most (in Tandem a
	/// `PayoutRate` raise, which reads the parameter, `CreditPrice`, `ProtocolFee`, the buyback
	/// share and slippage, ρ, the credit supply, the fees owed, the vault's USD and the 30-day rate
	/// history, which it then writes).
	#[benchmark]
	fn set_parameter() -> Result<(), BenchmarkError> {
		let parameter = T::BenchmarkHelper::worst_case();
		let (key, value) = parameter.clone().into_parts();
		let value = value.ok_or(BenchmarkError::Stop("the worst case has no value"))?;
		let origin =
			T::SetOrigin::try_successful_origin(&key).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parameter);

		assert_eq!(pallet_parameters::Parameters::<T>::get(&key), Some(value));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
