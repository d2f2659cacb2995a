//! The scenario simulator: the real runtime, natively, from the development preset, with one
//! block per simulated day (the emission, oracle and buyback hooks are elapsed-aware, so a
//! block standing for 14,400 does what they would). Every action is a real call: a user buys
//! credits and spends them, the validator sets weights, an arbitrageur pins the USD/GOV pool to
//! the scenario's price; Tempo is one day.
//!
//! The grid: paid revenue {0, $2k, $20k, $200k} a day and a drop from $250k to $2k; GOV's
//! price flat, +25 % a year, or a 70 % shock; a tenth of the revenue goes to a subnet whose
//! emission governance switched off. CI runs a year of each cell; `TANDEM_SIM_YEARS=10` (what
//! `scripts/economy-sim.sh` sets) runs ten. Every cell asserts:
//!
//! * the emission property: GOV emitted, in USD at accrual, ≤ ρ × the paid revenue of enabled
//!   subnets, from launch to every day;
//! * zero emission at zero revenue;
//! * a 12-month governance ratio (GOV bought back ÷ GOV emitted) ≥ 1 in every window that
//!   starts at least 7 days after the last change in revenue;
//! * a backing ratio ≥ 1 throughout.
//!
//! Lines starting `csv,` are the monthly series the script plots.

use super::{subnets::key, *};
use crate::{
	dynamic_params::{credits as cp, subnets as sp, yuma, RuntimeParameters},
	AssetConversion, Credits, GovToken, Governance, RuntimeOrigin, Subnets, Yuma,
};
use frame_support::{
	assert_ok,
	traits::{fungible::NativeOrWithId, fungibles::Mutate as _, Get, Hooks},
	weights::Weight,
	BoundedVec,
};
use pallet_gov_token::BuybackMarket;
use tandem_primitives::{credit, gov, time::DAYS, usd};

/// Paid revenue, in whole dollars a day.
#[derive(Clone, Copy, Debug)]
enum Revenue {
	Flat(u128),
	/// `from` a day, then `to` from the middle of the run.
	Drop {
		from: u128,
		to: u128,
	},
}

/// GOV's price in the USD/GOV pool.
#[derive(Clone, Copy, Debug)]
enum GovPrice {
	Flat,
	/// +25 % a year.
	Growing,
	/// $1, then $0.30 from the middle of the run.
	Shock,
}

/// One month of a cell, as the CSV lines print it.
#[derive(Clone, Debug, Default)]
struct Month {
	paid_usd: u128,
	emitted_gov: u128,
	emitted_usd: u128,
	bought_back_gov: u128,
	buyback_usd: u128,
	pot_usd: u128,
	gov_price_micro: u128,
	backing_ppm: u128,
}

fn years() -> u32 {
	std::env::var("TANDEM_SIM_YEARS").ok().and_then(|y| y.parse().ok()).unwrap_or(1)
}

fn set(p: RuntimeParameters) {
	assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), p));
}

fn kind(usd: bool) -> Box<NativeOrWithId<u32>> {
	Box::new(if usd { NativeOrWithId::WithId(USD_ASSET_ID) } else { NativeOrWithId::Native })
}

/// Moves the USD/GOV pool to `usd_per_gov` (micro-dollars per GOV) with one swap by Alice.
fn pin_gov_price(usd_per_gov_micro: u128) {
	let (u, g) = crate::configs::UsdGovMarket::reserves().expect("the pool exists");
	// Target GOV units per USD unit: 10^12 / (price × 10^6 / 10^6) ...
	let target = 1e12 / usd_per_gov_micro as f64; // GOV units per USD unit
	let k = u as f64 * g as f64;
	let (u2, g2) = ((k / target).sqrt(), (k * target).sqrt());
	let alice = alice();
	if u2 > u as f64 * 1.0001 {
		let usd_in = ((u2 - u as f64) / 0.997) as u128;
		assert_ok!(Assets::mint_into(USD_ASSET_ID, &alice, usd_in));
		assert_ok!(AssetConversion::swap_exact_tokens_for_tokens(
			RuntimeOrigin::signed(alice.clone()),
			vec![kind(true), kind(false)],
			usd_in,
			1,
			alice,
			false
		));
	} else if g2 > g as f64 * 1.0001 {
		let gov_in = ((g2 - g as f64) / 0.997) as u128;
		assert_ok!(AssetConversion::swap_exact_tokens_for_tokens(
			RuntimeOrigin::signed(alice.clone()),
			vec![kind(false), kind(true)],
			gov_in,
			1,
			alice,
			false
		));
	}
}

/// Subnet 0: owner Dave, validator Bob (staked), miner Eve. Subnet 1: owner Charlie, its
/// emission switched off. A deeper USD/GOV pool; Tempo one day; GOV launched.
fn set_up() {
	for p in [
		yuma::Parameters::Tempo(yuma::Tempo, Some(DAYS)),
		yuma::Parameters::CommitReveal(yuma::CommitReveal, Some(false)),
		yuma::Parameters::WeightsRateLimit(yuma::WeightsRateLimit, Some(0)),
		// Weights set once a day must count at the next day's epoch.
		yuma::Parameters::ActivityCutoff(yuma::ActivityCutoff, Some(3 * DAYS)),
	] {
		set(RuntimeParameters::Yuma(p));
	}
	let (dave, bob, charlie) =
		(key(Sr25519Keyring::Dave), key(Sr25519Keyring::Bob), key(Sr25519Keyring::Charlie));
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(dave), u128::MAX));
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(charlie), u128::MAX));
	assert_ok!(Subnets::set_emission(RuntimeOrigin::root(), 1, false));
	for k in [Sr25519Keyring::Bob, Sr25519Keyring::Eve] {
		assert_ok!(super::register_hotkey(&k.to_account_id(), 0, &k.pair()));
	}
	assert_ok!(Subnets::add_stake(
		RuntimeOrigin::signed(bob.clone()),
		bob,
		0,
		1_000 * gov::UNIT,
		u128::MAX,
		false
	));
	// The arbitrageur (Alice) holds the market's GOV inventory: every GOV the buyback takes out
	// of the pool she sells back in to hold the scenario's price. Counted as genesis supply, so
	// the supply invariant still holds; emission and its cap do not depend on it.
	let inventory = 500_000_000 * gov::UNIT;
	assert_ok!(<crate::Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(
		&alice(),
		inventory
	));
	pallet_gov_token::GenesisIssuance::<Runtime>::mutate(|g| *g += inventory);
	// She also deepens the USD/GOV pool to about $10 M a side at $1, so a day of buyback lots,
	// run in one block with no arbitrage between them, fits the slippage bound.
	assert_ok!(Assets::mint_into(USD_ASSET_ID, &alice(), 10_000_000 * usd::UNIT));
	assert_ok!(AssetConversion::add_liquidity(
		RuntimeOrigin::signed(alice()),
		kind(false),
		kind(true),
		10_000_000 * gov::UNIT,
		10_000_000 * usd::UNIT,
		1,
		1,
		alice()
	));
	assert_ok!(GovToken::launch(RuntimeOrigin::root()));
}

/// Runs one cell for `days` days; returns its months and asserts the per-day properties.
fn simulate(revenue: Revenue, price: GovPrice, days: u32) -> Vec<Month> {
	let mut months = Vec::new();
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		set_up();
		let rho = sp::EmissionPerRevenue::get();
		let credit_price = cp::CreditPrice::get();
		let user = key(Sr25519Keyring::Alice);
		let (bob, eve) = (key(Sr25519Keyring::Bob), key(Sr25519Keyring::Eve));
		let uid_of_eve = pallet_yuma::Pallet::<Runtime>::metagraph(0)
			.iter()
			.find(|n| n.hotkey == eve)
			.map(|n| n.uid)
			.unwrap();
		let half = days / 2;
		let (mut enabled_revenue_usd, mut emitted_usd_total) = (0u128, 0u128);
		let mut month = Month::default();
		for day in 1..=days {
			let usd_a_day = match revenue {
				Revenue::Flat(r) => r,
				Revenue::Drop { from, to } => {
					if day <= half {
						from
					} else {
						to
					}
				}
			};
			let gov_price_micro: u128 = match price {
				GovPrice::Flat => 1_000_000,
				GovPrice::Growing => (1e6 * 1.25f64.powf(f64::from(day) / 365.0)) as u128,
				GovPrice::Shock => {
					if day <= half {
						1_000_000
					} else {
						300_000
					}
				}
			};
			let block = day * DAYS;
			System::set_block_number(block);
			System::reset_events();
			pin_gov_price(gov_price_micro);
			if usd_a_day > 0 {
				let credits = usd_a_day * usd::UNIT * credit::UNIT / credit_price;
				assert_ok!(Assets::mint_into(USD_ASSET_ID, &user, usd_a_day * usd::UNIT * 2));
				let origin = RuntimeOrigin::signed(user.clone());
				assert_ok!(Credits::buy(origin.clone(), credits, u128::MAX));
				let to_disabled = credits / 10;
				assert_ok!(Credits::spend(origin.clone(), 0, credits - to_disabled));
				assert_ok!(Credits::spend(origin, 1, to_disabled));
				let paid =
					pallet_credits::math::usd_floor(credits - to_disabled, credit_price).unwrap();
				enabled_revenue_usd += paid;
				month.paid_usd += usd_a_day * usd::UNIT;
			}
			// The economy's hooks, in the runtime's order (the scheduler and referenda would
			// walk every skipped block; nothing is scheduled here).
			Credits::on_initialize(block);
			GovToken::on_initialize(block);
			Subnets::on_initialize(block);
			GovToken::on_idle(block, Weight::MAX);
			// The validator scores the miner for the next day's epoch (the first epoch, on day
			// one, hands out its permit).
			let weights = Yuma::set_weights(
				RuntimeOrigin::signed(bob.clone()),
				0,
				BoundedVec::truncate_from(vec![uid_of_eve]),
				BoundedVec::truncate_from(vec![1]),
				0,
			);
			assert!(day == 1 || weights.is_ok(), "day {day}: {weights:?}");
			for r in System::events() {
				match r.event {
					crate::RuntimeEvent::GovToken(pallet_gov_token::Event::Emitted {
						amount,
						usd,
						..
					}) => {
						month.emitted_gov += amount;
						month.emitted_usd += usd;
						emitted_usd_total += usd;
					}
					crate::RuntimeEvent::GovToken(pallet_gov_token::Event::BoughtBack {
						usd_spent,
						gov_burned,
						..
					}) => {
						month.bought_back_gov += gov_burned;
						month.buyback_usd += usd_spent;
					}
					_ => {}
				}
			}
			// The emission property, from launch to this day (no rounding in its favour).
			assert!(
				emitted_usd_total <= rho.mul_ceil(enabled_revenue_usd),
				"day {day}: {emitted_usd_total} emitted > ρ × {enabled_revenue_usd}"
			);
			let backing = Credits::totals().backing_ratio_ppm;
			assert!(backing.is_none_or(|b| b >= 1_000_000), "day {day}: backing {backing:?}");
			if day % 30 == 0 {
				month.pot_usd = GovToken::pot_usd();
				month.gov_price_micro = gov_price_micro;
				month.backing_ppm = backing.unwrap_or(0);
				months.push(core::mem::take(&mut month));
			}
		}
		if matches!(revenue, Revenue::Flat(0)) {
			assert_eq!(pallet_gov_token::Emitted::<Runtime>::get(), 0, "no revenue, no emission");
		}
		super::subnets::all_invariants();
	});
	months
}

/// The 12-month governance ratio in every window starting at least 7 days after the last
/// revenue change (for a drop, from the month after it); `None` if the run is under a year.
fn worst_governance_ratio(months: &[Month], revenue: Revenue) -> Option<f64> {
	let first = match revenue {
		Revenue::Flat(_) => 1,
		// The drop is at the middle of the run: the first window starts a month after it.
		Revenue::Drop { .. } => months.len() / 2 + 1,
	};
	(first..months.len().saturating_sub(11))
		.map(|m| {
			let w = &months[m..m + 12];
			let emitted: u128 = w.iter().map(|x| x.emitted_gov).sum();
			let bought: u128 = w.iter().map(|x| x.bought_back_gov).sum();
			if emitted == 0 {
				f64::INFINITY
			} else {
				bought as f64 / emitted as f64
			}
		})
		.reduce(f64::min)
}

#[test]
fn simulated_grid_holds_every_property() {
	let years = years();
	let days = 365 * years + 30;
	let revenues = [
		("0", Revenue::Flat(0)),
		("2k", Revenue::Flat(2_000)),
		("20k", Revenue::Flat(20_000)),
		("200k", Revenue::Flat(200_000)),
		("250k-2k", Revenue::Drop { from: 250_000, to: 2_000 }),
	];
	let prices =
		[("flat", GovPrice::Flat), ("+25%/yr", GovPrice::Growing), ("-70%", GovPrice::Shock)];
	println!("csv,revenue,price,month,paid_usd,emitted_gov,emitted_usd,bought_back_gov,buyback_usd,pot_usd,gov_price,backing");
	for (rname, revenue) in revenues {
		for (pname, price) in prices {
			let months = simulate(revenue, price, days);
			for (m, x) in months.iter().enumerate() {
				println!(
					"csv,{rname},{pname},{},{},{},{},{},{},{},{},{}",
					m + 1,
					x.paid_usd as f64 / 1e6,
					x.emitted_gov as f64 / 1e12,
					x.emitted_usd as f64 / 1e6,
					x.bought_back_gov as f64 / 1e12,
					x.buyback_usd as f64 / 1e6,
					x.pot_usd as f64 / 1e6,
					x.gov_price_micro as f64 / 1e6,
					x.backing_ppm as f64 / 1e6,
				);
			}
			let paid: u128 = months.iter().map(|x| x.paid_usd).sum();
			let emitted_usd: u128 = months.iter().map(|x| x.emitted_usd).sum();
			let worst = worst_governance_ratio(&months, revenue);
			println!(
				"cell {rname} / {pname}: paid ${:.0}, emitted ${:.0} at accrual ({:.4}:1), worst 12-month governance ratio {worst:?}",
				paid as f64 / 1e6,
				emitted_usd as f64 / 1e6,
				if paid == 0 { 0.0 } else { emitted_usd as f64 / paid as f64 },
			);
			if let Some(worst) = worst {
				assert!(worst >= 1.0, "{rname} / {pname}: 12-month governance ratio {worst}");
			}
		}
	}
}
