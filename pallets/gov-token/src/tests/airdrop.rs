//! The contributor airdrop: start, claim, close, and the attacks it must stop.

use crate::{mock::*, pallet::*};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_runtime::DispatchError;

fn gov_of(who: AccountId) -> u128 {
	Balances::balance(&who)
}

/// Launched; contributors 10 and 11 earned 300 and 100 credits.
fn setup() {
	assert_ok!(GovToken::launch(RuntimeOrigin::root()));
	MockCredits::earn(10, 300);
	MockCredits::earn(11, 100);
}

#[test]
fn claims_split_the_airdrop_by_earnings_at_the_snapshot() {
	build_and_execute(|| {
		setup();
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * GOV));
		assert!(events().contains(&Event::AirdropStarted {
			id: 0,
			amount: 1_000 * GOV,
			total_earned: 400,
			ends_at: 101
		}));
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(10)));
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(11)));
		assert_eq!((gov_of(10), gov_of(11)), (750 * GOV, 250 * GOV));
		assert_eq!(CurrentAirdrop::<Test>::get().unwrap().claimed, 1_000 * GOV);
		assert_eq!(gov_of(RESERVE), 1_049_000 * GOV);
	});
}

#[test]
fn claiming_twice_is_refused() {
	build_and_execute(|| {
		setup();
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * GOV));
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(10)));
		assert_noop!(
			GovToken::claim_airdrop(RuntimeOrigin::signed(10)),
			Error::<Test>::AlreadyClaimed
		);
	});
}

/// Earning credits after the snapshot does not inflate a claim: the first earning after the
/// snapshot records the earlier value, and that is what counts.
#[test]
fn earning_after_the_snapshot_does_not_inflate_a_claim() {
	build_and_execute(|| {
		setup();
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * GOV));
		MockCredits::earn(11, 10_000);
		MockCredits::earn(11, 5);
		assert_eq!(EarnedAtSnapshot::<Test>::get(0, 11), Some(100));
		// A newcomer who earns only after the snapshot gets nothing.
		MockCredits::earn(12, 1_000);
		assert_noop!(
			GovToken::claim_airdrop(RuntimeOrigin::signed(12)),
			Error::<Test>::NothingToClaim
		);
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(11)));
		assert_eq!(gov_of(11), 250 * GOV);
	});
}

#[test]
fn close_returns_the_rest_to_the_treasury_after_the_period() {
	build_and_execute(|| {
		setup();
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * GOV));
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(11)));
		assert_noop!(
			GovToken::close_airdrop(RuntimeOrigin::signed(1)),
			Error::<Test>::AirdropStillOpen
		);
		System::set_block_number(102);
		assert_noop!(
			GovToken::claim_airdrop(RuntimeOrigin::signed(10)),
			Error::<Test>::AirdropEnded
		);
		let treasury = gov_of(TREASURY);
		assert_ok!(GovToken::close_airdrop(RuntimeOrigin::signed(1)));
		assert_eq!(gov_of(TREASURY), treasury + 750 * GOV);
		assert!(events().contains(&Event::AirdropClosed { id: 0, returned: 750 * GOV }));
		assert_noop!(GovToken::claim_airdrop(RuntimeOrigin::signed(10)), Error::<Test>::NoAirdrop);
		// A new airdrop gets a new id and a fresh snapshot: the old claim does not block it.
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 100 * GOV));
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(11)));
		assert_eq!(CurrentAirdrop::<Test>::get().unwrap().id, 1);
	});
}

#[test]
fn start_airdrop_rejects_bad_input() {
	build_and_execute(|| {
		assert_noop!(
			GovToken::start_airdrop(RuntimeOrigin::root(), GOV),
			Error::<Test>::NotLaunched
		);
		assert_ok!(GovToken::launch(RuntimeOrigin::root()));
		assert_noop!(
			GovToken::start_airdrop(RuntimeOrigin::root(), GOV),
			Error::<Test>::NoEarnings
		);
		MockCredits::earn(10, 1);
		assert_noop!(
			GovToken::start_airdrop(RuntimeOrigin::signed(1), GOV),
			DispatchError::BadOrigin
		);
		assert_noop!(GovToken::start_airdrop(RuntimeOrigin::root(), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			GovToken::start_airdrop(RuntimeOrigin::root(), 2_000_000 * GOV),
			Error::<Test>::InsufficientReserve
		);
		assert_noop!(GovToken::claim_airdrop(RuntimeOrigin::signed(10)), Error::<Test>::NoAirdrop);
		assert_noop!(GovToken::close_airdrop(RuntimeOrigin::signed(10)), Error::<Test>::NoAirdrop);
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), GOV));
		assert_noop!(
			GovToken::start_airdrop(RuntimeOrigin::root(), GOV),
			Error::<Test>::AirdropActive
		);
	});
}
