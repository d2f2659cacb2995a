//! The emission split and injection.

use crate::{emission::*, mock::*, pallet::*, pool::PRICE_ONE};
use frame_support::assert_ok;
use proptest::prelude::*;
use sp_runtime::{Perbill, Perquintill};

#[test]
fn split_worked_example() {
	// Prices 9 and 1, revenue 0 and 1,000, λ = 50 %: A = 0.5 × 0.9 = 45 %, B = 5 % + 50 % = 55 %.
	let s = shares(
		&[
			SplitInput { price: 9 * PRICE_ONE, revenue: 0 },
			SplitInput { price: PRICE_ONE, revenue: 1_000 },
		],
		Perbill::from_percent(50),
	);
	assert_eq!(s, vec![Perquintill::from_percent(45), Perquintill::from_percent(55)]);
	// No revenue anywhere: price alone.
	let s = shares(
		&[SplitInput { price: 9, revenue: 0 }, SplitInput { price: 1, revenue: 0 }],
		Perbill::from_percent(50),
	);
	assert_eq!(s, vec![Perquintill::from_percent(90), Perquintill::from_percent(10)]);
	assert!(shares(&[SplitInput::default()], Perbill::from_percent(50))[0].is_zero());
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	#[test]
	fn shares_sum_to_at_most_one_and_respect_lambda(
		inputs in proptest::collection::vec((0u128..=u128::MAX / 64, 0u128..=u128::MAX / 64), 1..20),
		lambda in 0u32..=1_000_000_000,
	) {
		let inputs: Vec<SplitInput> = inputs.into_iter().map(|(price, revenue)| SplitInput { price, revenue }).collect();
		let lambda = Perbill::from_parts(lambda);
		let s = shares(&inputs, lambda);
		let sum: u128 = s.iter().map(|x| u128::from(x.deconstruct())).sum();
		prop_assert!(sum <= 1_000_000_000_000_000_000);
		let any_revenue = inputs.iter().any(|x| x.revenue > 0);
		let any_price = inputs.iter().any(|x| x.price > 0);
		for (x, w) in inputs.iter().zip(&s) {
			// A subnet without revenue never takes more than (1 − λ) when someone has revenue.
			if x.revenue == 0 && any_revenue && any_price {
				let cap = 1_000_000_000_000_000_000u128 - u128::from(lambda.deconstruct()) * 1_000_000_000;
				prop_assert!(u128::from(w.deconstruct()) <= cap);
			}
		}
		if any_price || any_revenue {
			// Rounding loses at most one part per term per subnet.
			prop_assert!(sum + 2 * inputs.len() as u128 >= 1_000_000_000_000_000_000);
		}
	}

	#[test]
	fn ema_moves_toward_the_value_and_never_overshoots(ema in any::<u128>(), v in any::<u128>(), h in 1u32..1_000_000) {
		let next = ema_step(ema, v, ema_alpha(h));
		prop_assert!(next >= ema.min(v) && next <= ema.max(v));
	}
}

#[test]
fn nothing_is_emitted_before_launch() {
	build_and_execute(|| {
		let net = new_subnet();
		let issuance = Balances::total_issuance();
		run_to(20);
		assert_eq!(Balances::total_issuance(), issuance);
		let s = Networks::<Test>::get(net).unwrap();
		assert_eq!((s.pending_alpha, s.alpha_issued), (0, 0));
	});
}

#[test]
fn injection_keeps_the_price_and_accrues_pending_alpha() {
	build_and_execute(|| {
		let net = new_subnet();
		// 0.5 GOV per block at price 1: 0.5 alpha injected (under the 1-alpha cap).
		MockEmission::launch(GOV / 2);
		run_to(5);
		let s = Networks::<Test>::get(net).unwrap();
		assert_eq!(s.reserves.gov, 1_000 * GOV + 4 * GOV / 2);
		assert_eq!(s.reserves.alpha, 1_000 * GOV + 4 * GOV / 2);
		assert_eq!(s.reserves.price(), Some(PRICE_ONE));
		assert_eq!(s.pending_alpha, 4 * GOV, "1 alpha per block");
		assert_eq!(s.alpha_issued, 4 * GOV + 4 * GOV / 2);
		assert_eq!(MockEmission::emitted(), 4 * GOV / 2);
	});
}

#[test]
fn gov_beyond_the_alpha_cap_goes_in_alone_and_the_price_rises() {
	build_and_execute(|| {
		let net = new_subnet();
		MockEmission::launch(3 * GOV);
		run_to(2);
		let s = Networks::<Test>::get(net).unwrap();
		assert_eq!(s.reserves.gov, 1_003 * GOV);
		assert_eq!(s.reserves.alpha, 1_001 * GOV, "alpha capped at 1 per block");
		assert!(s.reserves.price().unwrap() > PRICE_ONE);
	});
}

#[test]
fn a_disabled_subnet_gets_no_emission() {
	build_and_execute(|| {
		let a = new_subnet();
		System::set_block_number(100_000);
		let b = new_subnet();
		assert_ok!(Subnets::set_emission(RuntimeOrigin::root(), a, false));
		MockEmission::launch(GOV);
		let ga = Networks::<Test>::get(a).unwrap().reserves.gov;
		run_to(100_003);
		let (sa, sb) = (Networks::<Test>::get(a).unwrap(), Networks::<Test>::get(b).unwrap());
		assert_eq!((sa.reserves.gov, sa.pending_alpha), (ga, 0));
		assert!(sa.emission_share.is_zero());
		assert_eq!(sb.emission_share, Perquintill::one());
		assert_eq!(sb.reserves.gov, 1_000 * GOV + 3 * GOV);
	});
}
