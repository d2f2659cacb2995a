//! Emission against paid revenue: the pure math, the per-subnet allowance through the pallet,
//! and the property that GOV emitted never outruns ρ × paid revenue.

use crate::{emission::*, mock::*, pallet::*, pool::PRICE_ONE};
use frame_support::{assert_ok, traits::Hooks};
use proptest::prelude::*;
use sp_core::U256;
use sp_runtime::{FixedPointNumber, FixedU128, Perbill, Perquintill};
use tandem_primitives::math::ema_step;

/// One credit, in units.
const CREDIT: u128 = 1_000_000;

#[test]
fn split_follows_paid_revenue_only() {
	let s = shares(&[0, 1_000, 3_000]);
	assert_eq!(
		s,
		vec![Perquintill::zero(), Perquintill::from_percent(25), Perquintill::from_percent(75)]
	);
	assert_eq!(shares(&[0, 0]), vec![Perquintill::zero(); 2], "nobody paid: nobody is minted");
}

#[test]
fn accrual_worked_example() {
	// 1,000 paid credits bought at $0.03 are $30 of revenue; ρ = 6 % allows $1.80 of GOV; at
	// 1 GOV per USD (10^6 GOV units per USD unit) that is 1.8 GOV.
	let (gov, usd) = accrue(30_000_000, Perbill::from_percent(6), FixedU128::from_u32(1_000_000));
	assert_eq!((gov, usd), (1_800_000_000_000, 1_800_000));
	assert_eq!(accrue(30_000_000, Perbill::zero(), FixedU128::from_u32(1)), (0, 0));
	// Too little to be any GOV: nothing, and no USD value either.
	assert_eq!(accrue(1, Perbill::from_percent(6), FixedU128::from_u32(1)), (0, 0));
}

#[test]
fn a_revenue_ema_reaches_zero_once_revenue_stops() {
	let alpha = ema_alpha(100);
	let mut ema = 1_000 * CREDIT * REVENUE_EMA_SCALE;
	let mut steps = 0;
	while ema > 0 {
		ema = ema_step(ema, 0, alpha);
		steps += 1;
		assert!(steps < 20_000, "the EMA must reach zero");
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	#[test]
	fn shares_sum_to_at_most_one_and_zero_revenue_gets_nothing(
		revenues in proptest::collection::vec(0u128..=u128::MAX / 64, 1..20),
	) {
		let s = shares(&revenues);
		let sum: u128 = s.iter().map(|x| u128::from(x.deconstruct())).sum();
		prop_assert!(sum <= 1_000_000_000_000_000_000);
		for (r, w) in revenues.iter().zip(&s) {
			if *r == 0 {
				prop_assert!(w.is_zero());
			}
		}
		if revenues.iter().any(|r| *r > 0) {
			prop_assert!(sum + revenues.len() as u128 >= 1_000_000_000_000_000_000);
		}
	}

	#[test]
	fn ema_moves_toward_the_value_and_never_overshoots(ema in any::<u128>(), v in any::<u128>(), h in 1u32..1_000_000) {
		let next = ema_step(ema, v, ema_alpha(h));
		prop_assert!(next >= ema.min(v) && next <= ema.max(v));
		if ema > v {
			prop_assert!(next < ema, "a fall always moves");
		}
	}

	#[test]
	fn carry_cut_keeps_the_total_under_the_cap_and_never_raises(
		allowances in proptest::collection::vec((0u128..=1u128 << 100, 0u128..=1u128 << 60), 1..10),
		cap in 0u128..=1u128 << 100,
	) {
		let mut cut = allowances.clone();
		carry_cut(&mut cut, cap);
		let total: u128 = cut.iter().map(|(g, _)| g).sum();
		let before: u128 = allowances.iter().map(|(g, _)| g).sum();
		prop_assert!(total <= cap.max(before.min(cap)));
		for ((g0, u0), (g1, u1)) in allowances.iter().zip(&cut) {
			prop_assert!(g1 <= g0 && u1 <= u0);
			if *g1 == 0 {
				prop_assert_eq!(*u1, 0);
			}
		}
		if before <= cap {
			prop_assert_eq!(cut, allowances);
		}
	}

	#[test]
	fn backed_alpha_is_at_most_the_gov_over_either_price(
		gov in 0u128..=1u128 << 80,
		g in 1u128..=1u128 << 80,
		a in 1u128..=1u128 << 80,
		ema in 0u128..=1u128 << 60,
		cap in 0u128..=1u128 << 80,
	) {
		let x = backed_alpha(gov, g, a, ema, cap);
		prop_assert!(x <= cap);
		// x ≤ gov / (G / A), i.e. x · G ≤ gov · A, and x · ema ≤ gov · PRICE_ONE.
		prop_assert!(U256::from(x) * U256::from(g) <= U256::from(gov) * U256::from(a));
		if ema > 0 {
			prop_assert!(U256::from(x) * U256::from(ema) <= U256::from(gov) * U256::from(PRICE_ONE));
		}
	}
}

fn subnet(net: u16) -> crate::types::SubnetInfo<AccountId> {
	Networks::<Test>::get(net).unwrap()
}

#[test]
fn nothing_is_emitted_before_launch_and_no_backlog_on_launch() {
	build_and_execute(|| {
		let net = new_subnet();
		MockCredits::spend(net, 1_000 * CREDIT);
		let issuance = Balances::total_issuance();
		run_to(20);
		assert_eq!(Balances::total_issuance(), issuance);
		let s = subnet(net);
		assert_eq!((s.pending_alpha, s.alpha_issued, s.allowance), (0, 0, 0));
		assert_eq!(s.paid_seen, 1_000 * CREDIT, "the watermark moved on");
		// Launch: the revenue paid before it accrues nothing.
		MockEmission::launch(GOV);
		run_to(30);
		assert_eq!(MockEmission::emitted(), 0);
		assert_eq!(subnet(net).allowance, 0);
	});
}

#[test]
fn with_no_revenue_nothing_is_emitted() {
	build_and_execute(|| {
		let net = new_subnet();
		MockEmission::launch(GOV);
		let issuance = Balances::total_issuance();
		run_to(50);
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!((subnet(net).pending_alpha, MockEmission::emitted()), (0, 0));
	});
}

/// 1,000 paid credits allow 1.8 GOV; the schedule of 0.5 GOV a block mints it over four
/// blocks, and the alpha pending is what the GOV is worth at the pool's price (1).
#[test]
fn paid_revenue_accrues_an_allowance_that_emission_follows() {
	build_and_execute(|| {
		let net = new_subnet();
		MockEmission::launch(GOV / 2);
		MockCredits::spend(net, 1_000 * CREDIT);
		run_to(2);
		let s = subnet(net);
		assert_eq!(s.emission_share, Perquintill::one());
		assert_eq!(s.allowance, 1_800_000_000_000 - GOV / 2);
		assert_eq!(s.reserves.gov, 1_000 * GOV + GOV / 2);
		assert_eq!(s.pending_alpha, GOV / 2, "alpha backed by the GOV injected");
		run_to(10);
		let s = subnet(net);
		assert_eq!(s.allowance, 0);
		assert_eq!(MockEmission::emitted(), 1_800_000_000_000);
		assert_eq!(MockEmission::emitted_usd(), 1_800_000, "$1.80 at accrual: ρ × $30");
		assert_eq!(s.reserves.gov, 1_000 * GOV + 1_800_000_000_000);
		assert_eq!(s.reserves.price(), Some(PRICE_ONE), "injected at the pool's price");
		assert_eq!(s.pending_alpha, 1_800_000_000_000);
	});
}

#[test]
fn recycled_credits_allow_no_emission() {
	build_and_execute(|| {
		let net = new_subnet();
		MockEmission::launch(GOV);
		MockCredits::spend_recycled(net, 1_000_000 * CREDIT);
		run_to(20);
		let s = subnet(net);
		assert_eq!((s.allowance, s.revenue_ema, MockEmission::emitted()), (0, 0, 0));
	});
}

#[test]
fn without_a_gov_price_revenue_accrues_nothing() {
	build_and_execute(|| {
		let net = new_subnet();
		MockEmission::launch(GOV);
		GovPerUsd::set(None);
		MockCredits::spend(net, 1_000 * CREDIT);
		run_to(5);
		assert_eq!((subnet(net).allowance, MockEmission::emitted()), (0, 0));
		assert_eq!(subnet(net).paid_seen, 1_000 * CREDIT);
	});
}

/// A disabled subnet's paid revenue accrues nothing, switching a subnet off forfeits its
/// allowance, and switching it back on brings no backlog.
#[test]
fn a_disabled_subnet_accrues_nothing_and_loses_its_allowance() {
	build_and_execute(|| {
		let (a, b) = (new_subnet(), new_subnet());
		MockEmission::launch(GOV / 100);
		MockCredits::spend(a, 1_000 * CREDIT);
		MockCredits::spend(b, 1_000 * CREDIT);
		run_to(2);
		let held = subnet(a).allowance;
		assert!(held > 0);
		assert_ok!(Subnets::set_emission(RuntimeOrigin::root(), a, false));
		assert!(events().contains(&Event::EmissionSet {
			netuid: a,
			enabled: false,
			forfeited: held
		}));
		let ga = subnet(a).reserves.gov;
		MockCredits::spend(a, 1_000_000 * CREDIT);
		run_to(10);
		let sa = subnet(a);
		assert_eq!((sa.allowance, sa.reserves.gov, sa.pending_alpha), (0, ga, GOV / 200));
		assert!(sa.emission_share.is_zero());
		assert_eq!(subnet(b).emission_share, Perquintill::one(), "B takes the whole split");
		// Paid while off, then switched on in the same block: still nothing accrues.
		MockCredits::spend(a, 1_000_000 * CREDIT);
		assert_ok!(Subnets::set_emission(RuntimeOrigin::root(), a, true));
		run_to(12);
		assert_eq!(subnet(a).allowance, 0, "no backlog from the revenue paid while off");
	});
}

#[test]
fn allowances_above_the_carry_cap_are_cut_pro_rata() {
	build_and_execute(|| {
		let (a, b) = (new_subnet(), new_subnet());
		MockEmission::launch(GOV / 1_000);
		// $30,000 and $90,000 of revenue: 1,800 and 5,400 GOV allowed, far over 100 blocks of
		// 0.001 GOV.
		MockCredits::spend(a, 1_000_000 * CREDIT);
		MockCredits::spend(b, 3_000_000 * CREDIT);
		run_to(2);
		let (sa, sb) = (subnet(a), subnet(b));
		let cap = 100 * GOV / 1_000;
		assert!(sa.allowance + sb.allowance <= cap);
		assert!(sa.allowance + sb.allowance >= cap - 2, "cut to the cap, not below it");
		assert!((sb.allowance / 3).abs_diff(sa.allowance) <= 1, "pro rata: 1 to 3");
		assert!(sa.allowance_usd < 1_800 * 1_000_000, "the USD value was cut alongside");
	});
}

/// At most the GOV injected, over the pool price, becomes alpha: a subnet paid little is
/// paid little alpha, whatever the alpha schedule.
#[test]
fn pending_alpha_is_backed_by_the_gov_injected() {
	build_and_execute(|| {
		let net = new_subnet();
		MockEmission::launch(GOV);
		MockCredits::spend(net, 10 * CREDIT); // $0.30 → 0.018 GOV allowed.
		run_to(5);
		let s = subnet(net);
		assert_eq!(s.pending_alpha, 18_000_000_000);
		assert!(s.pending_alpha < GOV, "far below the schedule's 1 alpha a block");
	});
}

#[test]
fn the_revenue_ema_returns_to_zero_and_the_split_with_it() {
	build_and_execute(|| {
		let (a, b) = (new_subnet(), new_subnet());
		PriceEmaHalfLife::set(10);
		MockEmission::launch(GOV);
		MockCredits::spend(a, 1_000 * CREDIT);
		run_to(2);
		MockCredits::spend(b, CREDIT);
		run_to(3);
		assert!(subnet(a).revenue_ema > 0);
		run_to(3_000);
		assert_eq!(subnet(a).revenue_ema, 0);
		assert!(subnet(a).emission_share.is_zero());
	});
}

/// One block of the property test: what happens before it runs.
#[derive(Clone, Debug)]
enum Step {
	/// Paid credits spent on subnet `0` or `1`.
	Pay(u16, u128),
	/// Earned credits spent again.
	Recycle(u16, u128),
	/// GOV's price moves (GOV units per USD unit × 10^3), or disappears.
	Price(Option<u64>),
	/// Emission of a subnet switched on or off.
	Switch(u16, bool),
	/// The schedule `S(h)` changes (a halving, in effect).
	Schedule(u128),
	/// Nothing: a block passes.
	Idle,
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		3 => (0u16..2, 1u128..=100_000 * CREDIT).prop_map(|(n, c)| Step::Pay(n, c)),
		1 => (0u16..2, 1u128..=100_000 * CREDIT).prop_map(|(n, c)| Step::Recycle(n, c)),
		1 => proptest::option::weighted(0.9, 1u64..=10_000_000_000).prop_map(Step::Price),
		1 => (0u16..2, any::<bool>()).prop_map(|(n, on)| Step::Switch(n, on)),
		1 => (1u128..=2 * GOV).prop_map(Step::Schedule),
		4 => Just(Step::Idle),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	/// Over random revenue, prices, switches and schedules, per subnet:
	/// * from launch to any block, GOV emitted ≤ the GOV its paid revenue allowed at the
	///   prices it accrued at, and the USD value at accrual ≤ ρ × paid revenue;
	/// * over any window, GOV emitted ≤ the GOV allowed in the window + the allowance at its
	///   start (and the same in USD).
	#[test]
	fn emission_never_outruns_rho_times_paid_revenue(steps in proptest::collection::vec(step(), 1..120)) {
		new_test_ext().execute_with(|| -> Result<(), TestCaseError> {
			use tandem_primitives::CreditsInterface;
			let nets = [new_subnet(), new_subnet()];
			MockEmission::launch(GOV / 10);
			let rho = EmissionPerRevenue::get();
			// Per block: per subnet (GOV emitted, GOV allowed, allowance at the block's start),
			// and overall (USD emitted at accrual, USD allowed, USD allowance at the start).
			let mut gov_rows: Vec<[(u128, u128, u128); 2]> = Vec::new();
			let mut usd_rows: Vec<(u128, u128, u128)> = Vec::new();
			for st in steps {
				match st {
					Step::Pay(n, c) => MockCredits::spend(nets[n as usize], c),
					Step::Recycle(n, c) => MockCredits::spend_recycled(nets[n as usize], c),
					Step::Price(p) => GovPerUsd::set(p.map(|p| FixedU128::saturating_from_rational(p, 1_000))),
					Step::Switch(n, on) => {
						assert_ok!(Subnets::set_emission(RuntimeOrigin::root(), nets[n as usize], on));
					},
					Step::Schedule(s) => MockEmission::launch(s),
					Step::Idle => {},
				}
				let before: Vec<_> = nets.iter().map(|n| subnet(*n)).collect();
				let price = GovPerUsd::get();
				let usd_before = MockEmission::emitted_usd();
				run_to(System::block_number() + 1);
				let mut row = [(0, 0, 0); 2];
				let (mut usd_allowed, mut usd_held) = (0, 0);
				for (k, n) in nets.iter().enumerate() {
					let (b, a) = (&before[k], subnet(*n));
					let revenue_usd = a.paid_usd_seen - b.paid_usd_seen;
					let (allowed, allowed_usd) = match (b.emission_enabled, price) {
						(true, Some(p)) => accrue(revenue_usd, rho, p),
						_ => (0, 0),
					};
					row[k] = (a.reserves.gov - b.reserves.gov, allowed, b.allowance);
					usd_allowed += allowed_usd;
					usd_held += b.allowance_usd;
				}
				gov_rows.push(row);
				usd_rows.push((MockEmission::emitted_usd() - usd_before, usd_allowed, usd_held));
			}
			// From launch: USD at accrual ≤ ρ × paid revenue (exactly, with no rounding).
			let paid: u128 = nets.iter().map(|n| MockCredits::paid_total(*n)).sum();
			let usd_total: u128 = usd_rows.iter().map(|r| r.0).sum();
			prop_assert!(usd_total <= rho.mul_ceil(paid * CreditPrice::get() / CREDIT));
			// Over every window: emitted ≤ allowed in it + the allowance at its start, per
			// subnet in GOV and overall in USD (from launch is the window from block 0).
			for start in 0..gov_rows.len() {
				let (mut e, mut a) = ([0u128; 2], [0u128; 2]);
				let (mut eu, mut au) = (0u128, 0u128);
				for (g, u) in gov_rows[start..].iter().zip(&usd_rows[start..]) {
					for k in 0..2 {
						(e[k], a[k]) = (e[k] + g[k].0, a[k] + g[k].1);
						prop_assert!(e[k] <= a[k] + gov_rows[start][k].2, "subnet {k} from {start}");
					}
					(eu, au) = (eu + u.0, au + u.1);
					prop_assert!(eu <= au + usd_rows[start].2, "USD from {start}: {eu} > {au}");
				}
			}
			Subnets::do_try_state().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
			Ok(())
		})?;
	}
}

/// The hook is elapsed-aware: one block standing for a hundred emits what a hundred blocks
/// would (the schedule and the alpha over all of them), so the simulator can step a day at a
/// time; on a live chain every step is one block.
#[test]
fn one_block_standing_for_many_emits_what_they_would() {
	let run = |jump: bool| {
		let mut out = (0, 0);
		new_test_ext().execute_with(|| {
			let net = new_subnet();
			MockEmission::launch(GOV / 10);
			// $3,000 of revenue: 180 GOV allowed, cut to the carry cap (100 blocks of 0.1 GOV).
			MockCredits::spend(net, 100_000 * CREDIT);
			run_to(2);
			if jump {
				System::set_block_number(101);
				Subnets::on_initialize(101);
			} else {
				run_to(101);
			}
			let s = subnet(net);
			out = (MockEmission::emitted(), s.pending_alpha);
			Subnets::do_try_state().unwrap();
		});
		out
	};
	let (step_by_step, one_jump) = (run(false), run(true));
	assert_eq!(step_by_step.0, 100 * GOV / 10, "the schedule binds: 0.1 GOV a block");
	assert_eq!(one_jump, step_by_step);
}

proptest! {
	/// The pending alpha's three parts sum to it exactly; the owner and the miners get their
	/// cut rounded down, and never more than is pending.
	#[test]
	fn the_alpha_split_adds_up(pending in any::<u128>(), owner in any::<u32>(), miners in any::<u32>()) {
		let (owner, miners) = (Perbill::from_parts(owner % 1_000_000_001), Perbill::from_parts(miners % 1_000_000_001));
		let s = alpha_split(pending, owner, miners);
		prop_assert_eq!(s.owner.checked_add(s.miners).and_then(|x| x.checked_add(s.validators)), Some(pending));
		prop_assert_eq!(s.owner, owner.mul_floor(pending));
		prop_assert!(s.miners <= miners.mul_floor(pending));
		if owner.deconstruct() + miners.deconstruct() <= 1_000_000_000 {
			prop_assert_eq!(s.miners, miners.mul_floor(pending));
		}
	}
}
