#![allow(clippy::expect_used, clippy::arithmetic_side_effects)]

use crate::{mock::*, Error, Event, Handed};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{testing::UintAuthorityId, DispatchError};

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Validators(e) => Some(e),
			_ => None,
		})
		.expect("a validators event")
}

#[test]
fn genesis_validators_are_the_first_session_set() {
	test(|| {
		assert_eq!(crate::Validators::<Test>::get().into_inner(), vec![1, 2]);
		assert_eq!(Session::validators(), vec![1, 2]);
		assert_eq!(Authorities::get(), vec![1, 2]);
		assert_eq!(crate::SessionLength::<Test>::get(), SESSION);
		assert_eq!(Handed::<Test>::get().to_vec(), vec![1, 2]);
	});
}

#[test]
fn an_added_validator_authors_from_the_session_after_next() {
	test(|| {
		set_keys(3);
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 3));
		assert_eq!(last_event(), Event::ValidatorAdded { who: 3, validators: 3 });
		// Session 1 starts at block 5 and queues the new set for session 2.
		run_to(SESSION);
		assert_eq!(Session::current_index(), 1);
		assert_eq!(last_event(), Event::NewSetQueued { session: 2, validators: 3 });
		assert_eq!(Authorities::get(), vec![1, 2]);
		run_to(2 * SESSION);
		assert_eq!(Session::current_index(), 2);
		assert_eq!(Session::validators(), vec![1, 2, 3]);
		assert_eq!(Authorities::get(), vec![1, 2, 3]);
		// Nothing changed since: the next rotation keeps the set.
		run_to(3 * SESSION);
		assert_eq!(Authorities::get(), vec![1, 2, 3]);
	});
}

#[test]
fn a_removed_validator_stops_after_the_session_after_next() {
	test(|| {
		assert_ok!(Validators::remove_validator(RuntimeOrigin::signed(EMERGENCY), 2));
		assert_eq!(last_event(), Event::ValidatorRemoved { who: 2, validators: 1 });
		run_to(SESSION);
		assert_eq!(Authorities::get(), vec![1, 2]);
		run_to(2 * SESSION);
		assert_eq!(Authorities::get(), vec![1]);
	});
}

#[test]
fn only_root_adds_and_only_root_or_emergency_removes() {
	test(|| {
		set_keys(3);
		for who in [3, EMERGENCY] {
			assert_noop!(
				Validators::add_validator(RuntimeOrigin::signed(who), 3),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 2));
	});
}

#[test]
fn bad_additions_are_refused_by_name() {
	test(|| {
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadyValidator
		);
		// No keys: the referendum could not make it author.
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::NoSessionKeys
		);
		for v in [3, 4] {
			set_keys(v);
			assert_ok!(Validators::add_validator(RuntimeOrigin::root(), v));
		}
		set_keys(5);
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn bad_removals_are_refused_by_name() {
	test(|| {
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::NotValidator
		);
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 1));
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
	});
}

#[test]
fn a_set_without_enough_keys_waits() {
	test(|| {
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 2));
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(1)));
		// The only listed validator has no keys: nothing is handed over, the authorities stay.
		run_to(SESSION);
		assert_eq!(last_event(), Event::NewSetDeferred { session: 2, keyed: 0 });
		assert_eq!(Handed::<Test>::get().to_vec(), vec![1, 2], "session keeps the last set");
		assert_eq!(Authorities::get(), vec![1, 2]);
		set_keys(1);
		run_to(2 * SESSION);
		assert_eq!(last_event(), Event::NewSetQueued { session: 3, validators: 1 });
		run_to(3 * SESSION);
		assert_eq!(Authorities::get(), vec![1]);
	});
}

#[test]
fn a_listed_validator_without_keys_is_left_out() {
	test(|| {
		set_keys(3);
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 3));
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(2)));
		run_to(2 * SESSION);
		assert_eq!(Authorities::get(), vec![1, 3]);
	});
}

#[test]
fn keys_purged_without_a_referendum_take_the_validator_out_and_back() {
	test(|| {
		set_keys(3);
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 3));
		run_to(2 * SESSION);
		assert_eq!(Authorities::get(), vec![1, 2, 3]);
		// Validator 3 purges its keys: the next rotation hands session the set without it,
		// so consensus and session's list change together.
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(3)));
		run_to(3 * SESSION);
		assert_eq!(last_event(), Event::NewSetQueued { session: 4, validators: 2 });
		run_to(4 * SESSION);
		assert_eq!(Authorities::get(), vec![1, 2]);
		assert_eq!(Session::validators(), vec![1, 2]);
		// Keys set again: it is back two sessions later, with no referendum.
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(3), UintAuthorityId(3), vec![]));
		run_to(5 * SESSION);
		assert_eq!(last_event(), Event::NewSetQueued { session: 6, validators: 3 });
		run_to(6 * SESSION);
		assert_eq!(Authorities::get(), vec![1, 2, 3]);
		// Nothing changes after that: no set is handed over.
		System::reset_events();
		run_to(7 * SESSION);
		assert!(System::events().iter().all(|r| !matches!(r.event, RuntimeEvent::Validators(_))));
	});
}
