//! Benchmarks (frame-benchmarking v2): launch, a full buyback (swap, burn, treasury transfer)
//! and the per-block oracle update.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use crate::types::Phase;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use tandem_primitives::usd;

/// Launched, a market with liquidity, a pot holding two lots, a buyback due, the oracle at
/// the spot price.
fn due_buyback<T: Config>() {
	T::BenchmarkHelper::setup_market_and_pot(2 * T::BuybackLot::get().max(usd::UNIT));
	CurrentPhase::<T>::put(Phase::Launched);
	NextBuyback::<T>::put(0);
	PriceEma::<T>::put(Pallet::<T>::spot_price().expect("the helper made a market"));
}

/// Launched, `contributor` is on the roster with an airdrop basis, the reserve holds GOV.
fn airdrop_ready<T: Config>(contributor: &T::AccountId) {
	CurrentPhase::<T>::put(Phase::Launched);
	T::BenchmarkHelper::give_earnings(contributor, 1_000);
	// Joined at block 0 and the airdrop opened after it (a roster member must have joined
	// before the snapshot): the benchmark state may start at block 0.
	MeshRoster::<T>::insert(contributor, 0);
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let _ = <T::Currency as frame_support::traits::fungible::Mutate<T::AccountId>>::mint_into(
		&T::AirdropReserve::get(),
		1_000_000 * tandem_primitives::gov::UNIT,
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `LaunchOrigin` moves the pallet from `Mesh` to `Launched` and schedules the first buyback
	/// one `BuybackInterval` later.
	#[benchmark]
	fn launch() {
		let origin = T::LaunchOrigin::try_successful_origin().unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);
		assert_eq!(CurrentPhase::<T>::get(), Phase::Launched);
	}

	/// The hook's and `poke_buyback`'s work: a full lot that fits the sandwich cap (the pool's fee
	/// times its USD reserve), its GOV share swapped through asset-conversion and burned, the rest
	/// of the lot sent to the treasury. A lot scaled down runs more pool quotes in its binary
	/// search, which this does not include.
	#[benchmark]
	fn buyback() {
		due_buyback::<T>();
		let caller: T::AccountId = whitelisted_caller();
		let burned = Burned::<T>::get();
		#[extrinsic_call]
		poke_buyback(RawOrigin::Signed(caller));
		assert!(Burned::<T>::get() > burned, "the lot was bought back");
	}

	/// The oracle update `on_initialize` runs every block: the USD/GOV pool's spot price read, both
	/// EMAs (fast and slow) stepped towards it and the update block written.
	#[benchmark]
	fn on_initialize_oracle() {
		due_buyback::<T>();
		PriceEma::<T>::put(sp_runtime::FixedU128::from_u32(1));
		#[block]
		{
			Pallet::<T>::update_oracle();
		}
		assert!(PriceEma::<T>::get() != sp_runtime::FixedU128::from_u32(1));
	}

	/// An airdrop over a roster of `r` coldkeys, each with a basis to read.
	#[benchmark]
	fn start_airdrop(r: Linear<1, { T::MaxRoster::get() }>) {
		for i in 0..r {
			airdrop_ready::<T>(&account("contributor", i, 0));
		}
		let origin = T::AirdropOrigin::try_successful_origin().unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tandem_primitives::gov::UNIT);
		assert!(CurrentAirdrop::<T>::get().is_some());
	}

	/// `AirdropOrigin` puts a coldkey on the mesh roster (checked absent, and the roster not full).
	#[benchmark]
	fn add_to_roster() {
		let who: T::AccountId = account("contributor", 0, 0);
		let origin = T::AirdropOrigin::try_successful_origin().unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(MeshRoster::<T>::contains_key(&who));
	}

	/// `AirdropOrigin` takes a coldkey off the mesh roster.
	#[benchmark]
	fn remove_from_roster() {
		let who: T::AccountId = account("contributor", 0, 0);
		MeshRoster::<T>::insert(&who, 0);
		let origin = T::AirdropOrigin::try_successful_origin().unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!MeshRoster::<T>::contains_key(&who));
	}

	/// `PauseOrigin` pauses buybacks; resuming (`LaunchOrigin`) does the same work.
	#[benchmark]
	fn set_buyback_paused() {
		let origin = T::PauseOrigin::try_successful_origin().unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, true);
		assert!(BuybackPaused::<T>::get());
	}

	/// A contributor whose earnings grew after the snapshot (the recorded value is read).
	#[benchmark]
	fn claim_airdrop() {
		let who: T::AccountId = whitelisted_caller();
		airdrop_ready::<T>(&who);
		Pallet::<T>::do_start_airdrop(1_000 * tandem_primitives::gov::UNIT).unwrap();
		T::BenchmarkHelper::give_earnings(&who, 1_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(AirdropClaims::<T>::contains_key(0, &who));
	}

	/// Closing an airdrop after its claim period with nothing claimed: the whole amount returns
	/// from the airdrop reserve to the treasury.
	#[benchmark]
	fn close_airdrop() {
		airdrop_ready::<T>(&account("contributor", 0, 0));
		Pallet::<T>::do_start_airdrop(1_000 * tandem_primitives::gov::UNIT).unwrap();
		let end = CurrentAirdrop::<T>::get().unwrap().ends_at;
		frame_system::Pallet::<T>::set_block_number((end + 1).into());
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller));
		assert!(CurrentAirdrop::<T>::get().is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
