//! The emission schedule: property tests, the closed form, emission through the pallet, and a
//! ten-year simulation.

use crate::{emission::*, mock::*, pallet::*, types::*};
use frame_support::{assert_noop, assert_ok};
use proptest::prelude::*;
use sp_runtime::DispatchError;

const E0: u128 = GOV / 2;
const CAP: u128 = 10_500_000 * GOV;

#[test]
fn halvings_follow_the_remaining_share() {
	assert_eq!(halvings(0, CAP), Some(0));
	assert_eq!(halvings(CAP / 2 - 1, CAP), Some(0));
	assert_eq!(halvings(CAP / 2, CAP), Some(1));
	assert_eq!(halvings(CAP - CAP / 4, CAP), Some(2));
	assert_eq!(halvings(CAP - 1, CAP), Some(63)); // 2^63 ≤ 1.05e19 < 2^64
	assert_eq!(halvings(CAP, CAP), None);
	assert_eq!(block_emission(0, CAP, E0), E0);
	assert_eq!(block_emission(CAP / 2, CAP, E0), E0 / 2);
	assert_eq!(block_emission(CAP - 3, CAP, E0), 0, "E0 / 2^63 rounds to zero");
	assert_eq!(block_emission(CAP - 3, CAP, u128::MAX), 3, "never past the cap");
}

/// Each era emits half of what is left and lasts `cap / (2·E0)` blocks (10.5 M blocks here,
/// about two years of 6-second blocks), so after `k` eras `cap·(1 − 2^-k)` is emitted — up to
/// one block's emission of overshoot per era boundary.
#[test]
fn schedule_matches_the_closed_form() {
	let era = (CAP / (2 * E0)) as u64;
	assert_eq!(era, 10_500_000);
	let mut emitted = 0u128;
	for k in 1..=8u32 {
		emitted += emission_over(emitted, era, CAP, E0);
		let closed = CAP - (CAP >> k);
		assert!(emitted.abs_diff(closed) <= u128::from(k) * E0, "era {k}: {emitted} vs {closed}");
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	/// Emission never passes the cap, whatever the cap, E0 and number of blocks; and the fast
	/// `emission_over` equals block-by-block summation.
	#[test]
	fn emission_never_exceeds_the_cap(
		cap in 1u128..=u128::MAX / 2,
		e0 in 0u128..=u128::MAX / 2,
		start_share in 0u32..=1000,
		blocks in 0u64..2_000,
	) {
		let start = cap / 1000 * u128::from(start_share);
		let mut emitted = start;
		for _ in 0..blocks {
			emitted += block_emission(emitted, cap, e0);
			prop_assert!(emitted <= cap);
		}
		prop_assert_eq!(emission_over(start, blocks, cap, e0), emitted - start);
	}

	/// Over many blocks at coarse steps the total stays below the cap, and the emission per
	/// block never increases.
	#[test]
	fn coarse_schedule_is_monotone(steps in prop::collection::vec(1u64..50_000_000, 1..40)) {
		let mut emitted = 0u128;
		let mut rate = block_emission(0, CAP, E0);
		for s in steps {
			emitted += emission_over(emitted, s, CAP, E0);
			prop_assert!(emitted <= CAP);
			let next = block_emission(emitted, CAP, E0);
			prop_assert!(next <= rate);
			rate = next;
		}
	}
}

#[test]
fn emission_is_zero_before_launch_and_minted_only_on_request() {
	build_and_execute(|| {
		assert_eq!(GovToken::block_emission(), 0);
		assert_noop!(GovToken::emit(&ALICE, E0, 0), Error::<Test>::NotLaunched);
		assert_ok!(GovToken::launch(RuntimeOrigin::root()));
		assert_eq!(GovToken::block_emission(), E0);
		let issuance = pallet_balances::TotalIssuance::<Test>::get();
		assert_eq!(GovToken::emit(&BOB, E0, 30), Ok(E0));
		assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance + E0);
		assert_eq!(Emitted::<Test>::get(), E0);
		assert!(events().contains(&Event::Emitted { to: BOB, amount: E0, usd: 30 }));
		// Asking for more than the cap leaves mints only what is left.
		EmissionCap::set(E0 + 5);
		// The USD value at accrual is cut in proportion (rounded up: never under-reported).
		assert_eq!(GovToken::emit(&BOB, E0, 2 * E0), Ok(5));
		assert!(events().contains(&Event::Emitted { to: BOB, amount: 5, usd: 10 }));
		assert_eq!(GovToken::emit(&BOB, E0, 0), Ok(0));
		assert_eq!(GovToken::block_emission(), 0);
		assert_eq!(GovToken::info().emitted_12m, E0 + 5);
		assert_eq!(GovToken::info().emitted_usd_12m, 30 + 10);
	});
}

#[test]
fn launch_once_by_governance() {
	build_and_execute(|| {
		assert_noop!(GovToken::launch(RuntimeOrigin::signed(ALICE)), DispatchError::BadOrigin);
		assert_eq!(CurrentPhase::<Test>::get(), Phase::Mesh);
		assert_ok!(GovToken::launch(RuntimeOrigin::root()));
		assert_eq!(CurrentPhase::<Test>::get(), Phase::Launched);
		assert_eq!(NextBuyback::<Test>::get(), 1 + 10);
		assert!(events().contains(&Event::Launched { block: 1 }));
		assert_noop!(GovToken::launch(RuntimeOrigin::root()), Error::<Test>::AlreadyLaunched);
	});
}
