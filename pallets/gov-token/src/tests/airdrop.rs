//! The contributor airdrop: start, claim, close, and the attacks it must stop.

use crate::{mock::*, pallet::*};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_runtime::{DispatchError, Perbill};

fn gov_of(who: AccountId) -> u128 {
	Balances::balance(&who)
}

/// Launched; contributors 10 and 11, on the mesh roster, have a basis of 300 and 100 credits.
fn setup() {
	assert_ok!(GovToken::launch(RuntimeOrigin::root()));
	MockCredits::earn(10, 300);
	MockCredits::earn(11, 100);
	roster(&[10, 11]);
}

/// Puts `who` on the roster one block back, so an airdrop started in this block counts them
/// (a join must predate the snapshot's block).
fn roster(who: &[AccountId]) {
	let now = System::block_number();
	System::set_block_number(now - 1);
	for w in who {
		assert_ok!(GovToken::add_to_roster(RuntimeOrigin::root(), *w));
	}
	System::set_block_number(now);
}

#[test]
fn claims_split_the_airdrop_by_earnings_at_the_snapshot() {
	build_and_execute(|| {
		setup();
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * GOV));
		assert!(events().contains(&Event::AirdropStarted {
			id: 0,
			amount: 1_000 * GOV,
			total_basis: 400,
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
		assert_eq!(BasisAtSnapshot::<Test>::get(0, 11), Some(100));
		// A newcomer (on the roster before the snapshot) who earns only after it gets nothing.
		roster(&[12]);
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
			GovToken::start_airdrop(RuntimeOrigin::root(), GOV),
			Error::<Test>::NoEarnings,
		);
		roster(&[10]);
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

/// Airdrop self-farming off the roster: a coldkey with a basis but not on the mesh roster is
/// refused, so its gain — and its profit — is zero; its basis is not even in the denominator.
#[test]
fn off_the_roster_nothing_is_claimed() {
	build_and_execute(|| {
		setup();
		MockCredits::earn(12, 1_000_000);
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * GOV));
		assert_eq!(CurrentAirdrop::<Test>::get().unwrap().total_basis, 400);
		let before = gov_of(12);
		assert_noop!(
			GovToken::claim_airdrop(RuntimeOrigin::signed(12)),
			Error::<Test>::NotOnRoster
		);
		assert_eq!(gov_of(12) as i128 - before as i128, 0, "profit off the roster");
	});
}

/// On the roster, a farmer's gain is bounded by the cap: however large its basis, one
/// coldkey claims at most `MaxAirdropShare` (2 %) of the airdrop.
#[test]
fn on_the_roster_a_claim_is_capped_at_two_percent() {
	build_and_execute(|| {
		MaxAirdropShare::set(Perbill::from_percent(2));
		setup();
		MockCredits::earn(12, 1_000_000);
		roster(&[12]);
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * GOV));
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(12)));
		assert_eq!(gov_of(12), 20 * GOV, "2 % of 1,000 GOV, not ~99.96 %");
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(11)));
		assert!(gov_of(11) <= 20 * GOV);
	});
}

#[test]
fn the_roster_is_kept_by_the_airdrop_origin_with_named_errors() {
	build_and_execute(|| {
		assert_noop!(
			GovToken::add_to_roster(RuntimeOrigin::signed(10), 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			GovToken::remove_from_roster(RuntimeOrigin::signed(10), 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			GovToken::remove_from_roster(RuntimeOrigin::root(), 10),
			Error::<Test>::NotOnRoster
		);
		assert_ok!(GovToken::add_to_roster(RuntimeOrigin::root(), 10));
		assert!(events().contains(&Event::RosterAdded { who: 10 }));
		assert_noop!(
			GovToken::add_to_roster(RuntimeOrigin::root(), 10),
			Error::<Test>::AlreadyOnRoster
		);
		for w in 100..115 {
			assert_ok!(GovToken::add_to_roster(RuntimeOrigin::root(), w));
		}
		assert_noop!(
			GovToken::add_to_roster(RuntimeOrigin::root(), 200),
			Error::<Test>::RosterFull
		);
		assert_ok!(GovToken::remove_from_roster(RuntimeOrigin::root(), 10));
		assert!(events().contains(&Event::RosterRemoved { who: 10 }));
		assert!(!MeshRoster::<Test>::contains_key(10));
	});
}

/// Joining the roster after the snapshot is too late for that airdrop.
#[test]
fn a_coldkey_added_after_the_snapshot_cannot_claim_it() {
	build_and_execute(|| {
		setup();
		MockCredits::earn(12, 100);
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * GOV));
		// Added in the snapshot's own block, after the airdrop started: too late for it.
		assert_ok!(GovToken::add_to_roster(RuntimeOrigin::root(), 12));
		assert_noop!(
			GovToken::claim_airdrop(RuntimeOrigin::signed(12)),
			Error::<Test>::NotOnRoster
		);
	});
}
