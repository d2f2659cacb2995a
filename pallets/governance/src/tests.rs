//! Unit tests: the bounded `set_parameter`, the track origins and the genesis profile.

#![allow(clippy::unwrap_used)]

use crate::{
	mock::*, EnsureEmergency, EnsureParameterAdmin, EnsureSlasher, EnsureTreasurer, Error, Event,
	Origin,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{EnsureOrigin, Get},
};
use sp_runtime::{BuildStorage, DispatchError};

fn price(v: u64) -> RuntimeParameters {
	RuntimeParameters::Demo(demo::Parameters::Price(demo::Price, Some(v)))
}
fn payout(v: u64) -> RuntimeParameters {
	RuntimeParameters::Demo(demo::Parameters::Payout(demo::Payout, Some(v)))
}
fn track(o: Origin) -> RuntimeOrigin {
	RuntimeOrigin::from(o)
}

#[test]
fn parameter_track_sets_a_value_within_bounds() {
	test(|| {
		assert_eq!(demo::Price::get(), 30);
		assert_ok!(Governance::set_parameter(track(Origin::ParameterAdmin), price(45)));
		assert_eq!(demo::Price::get(), 45);
		System::assert_last_event(
			Event::ParameterSet {
				key: RuntimeParametersKey::Demo(demo::ParametersKey::Price(demo::Price)),
				old_value: None,
				new_value: RuntimeParametersValue::Demo(demo::ParametersValue::Price(45)),
			}
			.into(),
		);
		// Root may too, and the event carries the previous value.
		assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), price(50)));
		System::assert_last_event(
			Event::ParameterSet {
				key: RuntimeParametersKey::Demo(demo::ParametersKey::Price(demo::Price)),
				old_value: Some(RuntimeParametersValue::Demo(demo::ParametersValue::Price(45))),
				new_value: RuntimeParametersValue::Demo(demo::ParametersValue::Price(50)),
			}
			.into(),
		);
		// The edges of the range are allowed.
		assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), price(1_000)));
		assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), price(27)));
	});
}

#[test]
fn out_of_bounds_values_are_refused_and_change_nothing() {
	test(|| {
		assert_noop!(
			Governance::set_parameter(RuntimeOrigin::root(), price(9)),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Governance::set_parameter(RuntimeOrigin::root(), price(1_001)),
			Error::<Test>::AboveMaximum
		);
		assert_noop!(
			Governance::set_parameter(RuntimeOrigin::root(), payout(0)),
			Error::<Test>::BelowMinimum
		);
		assert_eq!(demo::Price::get(), 30);
		assert_eq!(demo::Payout::get(), 27);
	});
}

#[test]
fn values_contradicting_another_parameter_are_inconsistent() {
	test(|| {
		// Payout above the current price, and a price under the current payout.
		assert_noop!(
			Governance::set_parameter(RuntimeOrigin::root(), payout(31)),
			Error::<Test>::Inconsistent
		);
		assert_noop!(
			Governance::set_parameter(RuntimeOrigin::root(), price(26)),
			Error::<Test>::Inconsistent
		);
		// In the right order both move.
		assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), price(40)));
		assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), payout(40)));
		assert_eq!((demo::Price::get(), demo::Payout::get()), (40, 40));
	});
}

#[test]
fn a_missing_value_is_refused() {
	test(|| {
		assert_noop!(
			Governance::set_parameter(
				RuntimeOrigin::root(),
				RuntimeParameters::Demo(demo::Parameters::Price(demo::Price, None))
			),
			Error::<Test>::MissingValue
		);
	});
}

#[test]
fn other_origins_cannot_set_parameters() {
	test(|| {
		for origin in [
			RuntimeOrigin::signed(1),
			RuntimeOrigin::none(),
			track(Origin::Treasurer),
			track(Origin::Slasher),
		] {
			assert_noop!(Governance::set_parameter(origin, price(40)), DispatchError::BadOrigin);
		}
		// `pallet-parameters` itself is closed to everyone, root included.
		assert_noop!(
			Parameters::set_parameter(RuntimeOrigin::root(), price(5)),
			DispatchError::BadOrigin
		);
		assert_eq!(demo::Price::get(), 30);
	});
}

#[test]
fn each_track_origin_is_accepted_only_by_its_own_ensure() {
	test(|| {
		let all = [Origin::ParameterAdmin, Origin::Treasurer, Origin::Slasher, Origin::Emergency];
		for o in all {
			assert_eq!(
				EnsureParameterAdmin::try_origin(track(o)).is_ok(),
				o == Origin::ParameterAdmin
			);
			assert_eq!(EnsureTreasurer::try_origin(track(o)).is_ok(), o == Origin::Treasurer);
			assert_eq!(EnsureSlasher::try_origin(track(o)).is_ok(), o == Origin::Slasher);
			assert_eq!(EnsureEmergency::try_origin(track(o)).is_ok(), o == Origin::Emergency);
		}
		for o in [RuntimeOrigin::root(), RuntimeOrigin::signed(1)] {
			assert!(EnsureParameterAdmin::try_origin(o.clone()).is_err());
			assert!(EnsureTreasurer::try_origin(o.clone()).is_err());
			assert!(EnsureSlasher::try_origin(o.clone()).is_err());
			assert!(EnsureEmergency::try_origin(o).is_err());
		}
	});
}

#[test]
fn genesis_sets_the_timing_profile() {
	test(|| assert!(crate::FastTracks::<Test>::get()));
	let t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	sp_io::TestExternalities::new(t).execute_with(|| assert!(!crate::FastTracks::<Test>::get()));
}

#[test]
fn try_state_catches_a_stored_value_out_of_bounds() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::dynamic_params::AggregatedKeyValue;
		let (key, value) = price(5).into_parts();
		pallet_parameters::Parameters::<Test>::insert(key, value.unwrap());
		assert!(Governance::do_try_state().is_err());
	});
}
