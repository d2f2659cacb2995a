//! Attacks on the economy through the real pallets (credits, subnets, yuma, gov-token,
//! asset-conversion), each over a grid, each measuring the attacker's profit in USD at oracle
//! prices and asserting it is not positive.
//!
//! The attacker, Dave, owns subnet 0, validates it with his own hotkey (his 100 GOV staked)
//! and mines it with a second hotkey he owns: every credit and alpha payout lands on Dave's
//! coldkey. His wealth is his USD, plus his GOV and the GOV his alpha would sell for, valued at
//! the buyback oracle's price.

use super::{subnets::key, *};
use crate::{
	dynamic_params::{credits as cp, subnets as sp, yuma, RuntimeParameters},
	Credits, GovToken, Governance, RuntimeOrigin, Subnets, Yuma,
};
use frame_support::{
	assert_ok,
	traits::{Get, OnInitialize},
	BoundedVec,
};
use sp_runtime::{FixedPointNumber, Perbill};
use tandem_primitives::{credit, gov};

fn set(p: RuntimeParameters) {
	assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), p));
}

fn rho(parts: u32) -> RuntimeParameters {
	RuntimeParameters::Subnets(sp::Parameters::EmissionPerRevenue(
		sp::EmissionPerRevenue,
		Some(Perbill::from_parts(parts)),
	))
}

fn protocol_fee(parts: u32) -> RuntimeParameters {
	RuntimeParameters::Credits(cp::Parameters::ProtocolFee(
		cp::ProtocolFee,
		Some(Perbill::from_parts(parts)),
	))
}

fn dave() -> AccountId {
	key(Sr25519Keyring::Dave)
}

fn miner_key() -> sp_core::sr25519::Pair {
	<sp_core::sr25519::Pair as sp_core::Pair>::from_seed(&[42u8; 32])
}

fn miner() -> AccountId {
	AccountId::from(sp_core::Pair::public(&miner_key()))
}

/// Runs every pallet's hooks for `n` blocks.
fn blocks(n: u32) {
	let end = System::block_number() + n;
	while System::block_number() < end {
		let b = System::block_number() + 1;
		System::set_block_number(b);
		crate::AllPalletsWithSystem::on_initialize(b);
	}
}

/// Dave's subnet, staked, scored and launched (see the module docs).
fn attacker_subnet() {
	for p in [
		yuma::Parameters::Tempo(yuma::Tempo, Some(5)),
		yuma::Parameters::CommitReveal(yuma::CommitReveal, Some(false)),
		yuma::Parameters::WeightsRateLimit(yuma::WeightsRateLimit, Some(0)),
	] {
		set(RuntimeParameters::Yuma(p));
	}
	let dave = dave();
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(dave.clone()), u128::MAX));
	assert_ok!(super::register_hotkey(&dave, 0, &Sr25519Keyring::Dave.pair()));
	assert_ok!(super::register_hotkey(&dave, 0, &miner_key()));
	assert_ok!(Subnets::add_stake(
		RuntimeOrigin::signed(dave.clone()),
		dave.clone(),
		0,
		100 * gov::UNIT,
		u128::MAX,
		false
	));
	// As if staked an epoch earlier: stake counts once a payout has matured it.
	pallet_subnets::PayoutRound::<Runtime>::mutate(0, |r| *r += 1);
	assert_ok!(GovToken::launch(RuntimeOrigin::root()));
	start_valuation();
	blocks(5);
	assert_ok!(Yuma::set_weights(
		RuntimeOrigin::signed(dave),
		0,
		BoundedVec::truncate_from(vec![1]),
		BoundedVec::truncate_from(vec![1]),
		0
	));
}

/// USD units `gov` GOV is worth at `gov_per_usd`.
fn usd_of_gov(gov: u128, gov_per_usd: sp_runtime::FixedU128) -> u128 {
	gov_per_usd.reciprocal().map(|r| r.saturating_mul_int(gov)).unwrap_or(0)
}

/// Dave's USD, GOV and alpha (at what selling it all would return), in USD units, GOV at the
/// buyback oracle's price when the attack starts (so a price move of the GOV he held anyway is
/// not counted as the attack's gain or loss).
fn wealth() -> i128 {
	wealth_at(ORACLE_AT_START.with(|p| *p.borrow()))
}

std::thread_local! {
	static ORACLE_AT_START: core::cell::RefCell<sp_runtime::FixedU128> =
		const { core::cell::RefCell::new(sp_runtime::FixedU128::from_inner(0)) };
}

/// Takes the oracle's price as the valuation price of this attack.
fn start_valuation() {
	ORACLE_AT_START.with(|p| *p.borrow_mut() = pallet_gov_token::PriceEma::<Runtime>::get());
}

fn wealth_at(gov_per_usd: sp_runtime::FixedU128) -> i128 {
	let dave = dave();
	let alpha =
		Subnets::position_alpha(&dave, &dave, 0) + Subnets::position_alpha(&dave, &miner(), 0);
	let from_alpha = Subnets::quote_remove_stake(0, alpha).map(|q| q.amount_out).unwrap_or(0);
	let usd = Assets::balance(USD_ASSET_ID, &dave);
	(usd + usd_of_gov(Balances::free_balance(&dave) + from_alpha, gov_per_usd)) as i128
}

/// Dave buys `c` credits and spends them on his own subnet; enough blocks pass for the
/// allowance to be minted and the epochs to pay it out.
fn route_through_own_subnet(c: u128) {
	let origin = RuntimeOrigin::signed(dave());
	assert_ok!(Credits::buy(origin.clone(), c, u128::MAX));
	assert_ok!(Credits::spend(origin, 0, c));
	blocks(400);
}

/// Sets the protocol fee and ρ (ρ through zero, so every step passes the bounds).
fn set_economy(fee: u32, r: u32) {
	set(rho(0));
	set(protocol_fee(fee));
	set(rho(r));
}

const REVENUE: [u128; 2] = [1_000 * credit::UNIT, 50_000 * credit::UNIT];

/// Wash revenue: buy, spend on the own subnet, cash every earned credit out. Over ρ at the
/// laundering bound's edge for two protocol fees, and two amounts.
#[test]
fn wash_revenue_never_pays() {
	for (fee, r) in [(100_000_000, 90_000_000), (100_000_000, 0), (66_666_667, 60_000_000)] {
		for c in REVENUE {
			ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
				attacker_subnet();
				set_economy(fee, r);
				let before = wealth();
				route_through_own_subnet(c);
				let cashable = Credits::account_credits(&dave()).cashable;
				assert!(cashable > 0, "the earned credits came back");
				assert_ok!(Credits::cash_out(RuntimeOrigin::signed(dave()), cashable));
				let profit = wealth() - before;
				println!("wash fee {fee} ρ {r} credits {c}: profit {profit} USD units");
				assert!(profit <= 0, "wash: profit {profit} at fee {fee}, ρ {r}, {c} credits");
				super::subnets::all_invariants();
			});
		}
	}
}

/// Laundering: a user who needs `c` credits of inference routes them through its own subnet
/// first. It keeps the earned credits for real use, worth `CreditPrice` each to it (it would
/// otherwise buy them), so it pays only the protocol fee; the emission it causes must be worth
/// less. Profit = wealth after + credits kept × price − wealth before.
#[test]
fn laundering_a_needed_spend_never_pays() {
	for (fee, r) in [(100_000_000, 90_000_000), (66_666_667, 60_000_000), (33_333_334, 30_000_000)]
	{
		for c in REVENUE {
			ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
				attacker_subnet();
				set_economy(fee, r);
				let price = cp::CreditPrice::get() as i128;
				let before = wealth();
				route_through_own_subnet(c);
				let kept = Credits::account_credits(&dave()).free as i128;
				let after = wealth() + kept * price / credit::UNIT as i128;
				let emitted = pallet_gov_token::Emitted::<Runtime>::get();
				assert!(r == 0 || emitted > 0, "the attack did cause emission");
				let profit = after - before;
				assert!(
					profit <= 0,
					"laundering: profit {profit} at fee {fee}, ρ {r}, {c} credits"
				);
				// What the emission gave back against the fee paid: real, and under it.
				let revenue = c * cp::CreditPrice::get() / credit::UNIT;
				let fee_usd = Perbill::from_parts(fee).mul_ceil(revenue) as i128;
				let gain = profit + fee_usd;
				println!("laundering fee {fee} ρ {r} credits {c}: fee {fee_usd} gain {gain} profit {profit} (USD units)");
				assert!(gain > 0, "the emission was worth something to the attacker");
				super::subnets::all_invariants();
			});
		}
	}
}

/// `who` swaps `amount` in the USD/GOV pool, GOV for USD (GOV's price falls) or USD for GOV
/// (it rises); returns what `who` received.
fn swap_in_pool(who: &AccountId, gov_to_usd: bool, amount: u128) -> u128 {
	use frame_support::traits::fungible::NativeOrWithId;
	let (gov, usd) = (NativeOrWithId::Native, NativeOrWithId::WithId(USD_ASSET_ID));
	let path = if gov_to_usd { vec![gov, usd] } else { vec![usd, gov] };
	let before = (Balances::free_balance(who), Assets::balance(USD_ASSET_ID, who));
	assert_ok!(crate::AssetConversion::swap_exact_tokens_for_tokens(
		RuntimeOrigin::signed(who.clone()),
		path.into_iter().map(Box::new).collect(),
		amount,
		1,
		who.clone(),
		false
	));
	if gov_to_usd {
		Assets::balance(USD_ASSET_ID, who) - before.1
	} else {
		Balances::free_balance(who) - before.0
	}
}

/// Sells `gov` of Alice's GOV into the USD/GOV pool (GOV's price falls).
fn dump_gov(gov: u128) {
	swap_in_pool(&alice(), true, gov);
}

/// Buys GOV back with `usd` of Alice's USD (GOV's price recovers).
fn buy_gov(usd: u128) {
	swap_in_pool(&alice(), false, usd);
}

/// A 10× dip of GOV's price for 23 minutes (230 blocks) with no arbitrage: the fast oracle
/// follows it, the slow one barely moves, and revenue converts at the smaller GOV-per-USD
/// figure. Dave launders through the dip; after the price is restored his profit, at the
/// oracle, is not positive.
#[test]
fn laundering_through_a_ten_times_oracle_dip_never_pays() {
	for c in REVENUE {
		ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			attacker_subnet();
			set_economy(100_000_000, 90_000_000);
			let before = wealth();
			let usd_before = Assets::balance(USD_ASSET_ID, alice());
			// 100k GOV / 100k USD to about 316k / 31.6k: GOV at about $0.10.
			dump_gov(217_000 * gov::UNIT);
			blocks(1);
			let origin = RuntimeOrigin::signed(dave());
			assert_ok!(Credits::buy(origin.clone(), c, u128::MAX));
			assert_ok!(Credits::spend(origin, 0, c));
			blocks(229);
			let fast = pallet_gov_token::PriceEma::<Runtime>::get();
			let slow = pallet_gov_token::PriceEmaSlow::<Runtime>::get();
			assert!(
				fast > slow * sp_runtime::FixedU128::saturating_from_integer(5u32),
				"the fast oracle fell with the dip"
			);
			// The arbitrage returns: the USD taken out goes back in.
			buy_gov(Assets::balance(USD_ASSET_ID, alice()) - usd_before);
			blocks(1_500);
			let kept = Credits::account_credits(&dave()).free as i128;
			let price = cp::CreditPrice::get() as i128;
			let profit = wealth() + kept * price / credit::UNIT as i128 - before;
			println!("oracle dip, {c} credits: profit {profit} USD units");
			assert!(pallet_gov_token::Emitted::<Runtime>::get() > 0);
			assert!(profit <= 0, "oracle dip: profit {profit} for {c} credits");
			super::subnets::all_invariants();
		});
	}
}

/// A 70 % GOV crash leaves contributors' income unchanged: the same usage before and after
/// pays every miner exactly the same credits, cashed out for exactly the same USD (miners are
/// paid in credits out of revenue; `MinerAlphaShare` is 0).
#[test]
fn gov_crash_leaves_contributor_income_unchanged() {
	use super::subnets::{earned, epoch_fixture, pay_epoch};
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let f = epoch_fixture();
		let income = |f: &super::subnets::EpochFixture| -> Vec<(u128, u128)> {
			let before: Vec<u128> = f.miners.iter().map(earned).collect();
			pay_epoch(f);
			f.miners
				.iter()
				.zip(before)
				.map(|(m, b)| {
					let credits = earned(m) - b;
					let usd = Assets::balance(USD_ASSET_ID, m);
					assert_ok!(Credits::cash_out(RuntimeOrigin::signed(m.clone()), credits));
					(credits, Assets::balance(USD_ASSET_ID, m) - usd)
				})
				.collect()
		};
		let calm = income(&f);
		assert!(calm.iter().all(|(c, u)| *c > 0 && *u > 0));
		// GOV falls 70 %: 100k GOV / 100k USD to about 183k / 54.8k.
		let spot = GovToken::spot_price().unwrap();
		dump_gov(83_000 * gov::UNIT);
		let after = GovToken::spot_price().unwrap();
		assert!(
			after > spot * sp_runtime::FixedU128::saturating_from_rational(33, 10),
			"GOV at most 30 % of its price"
		);
		blocks(500);
		// The same usage again: Ferdie buys and spends 1,000 credits on the subnet.
		let user = RuntimeOrigin::signed(key(Sr25519Keyring::Ferdie));
		assert_ok!(Credits::buy(user.clone(), 1_000 * credit::UNIT, u128::MAX));
		assert_ok!(Credits::spend(user, 0, 1_000 * credit::UNIT));
		let crashed = income(&f);
		assert_eq!(calm, crashed, "identical credits and USD for every miner");
		super::subnets::all_invariants();
	});
}

/// `TokenApi::economy`: the paid revenue, the emission it caused at accrual, and their ratio —
/// at most ρ — from the real pallets.
#[test]
fn the_economy_report_shows_emission_at_most_rho_times_paid_revenue() {
	use super::subnets::{epoch_fixture, pay_epoch};
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let f = epoch_fixture();
		pay_epoch(&f);
		blocks(20);
		let e = crate::economy::report();
		// Ferdie paid $30 for the 1,000 credits he spent; 6 % of it, $1.80, was emitted.
		assert_eq!(e.paid_revenue_usd_12m, 30 * tandem_primitives::usd::UNIT);
		assert_eq!(e.emitted_usd_12m, 1_800_000);
		assert_eq!(e.emission_revenue_ppm_12m, Some(60_000));
		assert_eq!((e.allowance_gov, e.allowance_usd), (0, 0), "all of it minted");
		assert!(e.staked_gov > 0 && e.staking_yield_ppm.is_some_and(|y| y > 0));
		assert_eq!(e.recycled_credits_12m, 0);
	});
}

/// Prints the break-even and staking-yield tables of `docs/economics.md` from the runtime's
/// parameters (defaults and the bounds' edges), and checks each attack loses per credit.
#[test]
fn break_even_tables() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let price = cp::CreditPrice::get() as f64 / 1e6;
		let payout = cp::PayoutRate::get() as f64 / 1e6;
		let fee = cp::ProtocolFee::get();
		let share = crate::dynamic_params::token::BuybackShare::get();
		let slip = crate::dynamic_params::token::MaxBuybackSlippage::get();
		let pct = |p: Perbill| f64::from(p.deconstruct()) / 1e9;
		println!("| ρ | protocol fee | emission per $1 of revenue | laundering cost per $1 | wash cost per $1 | buyback GOV spend per $1 |");
		println!("|---|---|---|---|---|---|");
		for (rho, pf) in [(0.06, pct(fee)), (0.09, 0.10), (0.06, 0.0667), (0.03, 0.0334)] {
			let laundering = pf;
			let wash = pf * payout / price + (price - payout) / price;
			let buyback = pct(share) * (pf * payout + price - payout) / price * (1.0 - pct(slip));
			println!(
				"| {:.0} % | {:.2} % | ${rho:.4} | ${laundering:.4} | ${wash:.4} | ${buyback:.4} |",
				rho * 100.0,
				pf * 100.0
			);
			assert!(rho < laundering && rho < wash, "each attack costs more than it earns");
		}
		println!();
		println!("| paid revenue a day | GOV emitted a year (USD) | APY at $1 M staked | at $10 M | at $100 M |");
		println!("|---|---|---|---|---|");
		let rho = pct(sp::EmissionPerRevenue::get());
		for revenue in [2_000.0f64, 20_000.0, 200_000.0] {
			let emitted = rho * revenue * 365.0;
			let apy = |stake: f64| 0.82 * emitted / stake * 100.0;
			println!(
				"| ${revenue:.0} | ${emitted:.0} | {:.2} % | {:.3} % | {:.4} % |",
				apy(1e6),
				apy(1e7),
				apy(1e8)
			);
		}
	});
}

/// Dave's wealth (see [`wealth`]) plus his credits at `CreditPrice`, what buying them costs.
fn wealth_with_credits() -> i128 {
	let credits = Credits::account_credits(&dave()).free as i128;
	wealth() + credits * cp::CreditPrice::get() as i128 / credit::UNIT as i128
}

/// Waits `hold` blocks, then registers `n` hotkeys on his subnet paying each burn in credits;
/// with `dump` GOV, Dave first sells that much GOV into the USD/GOV pool (GOV's USD price falls,
/// so a burn in GOV is worth fewer USD, if the oracle follows) and buys it back with every USD
/// he received once registered. Returns what it cost him in USD units.
fn register_in_credits_after(dump: u128, hold: u32, n: u8) -> i128 {
	let before = wealth_with_credits();
	let fast_before = pallet_gov_token::PriceEma::<Runtime>::get();
	let usd = if dump > 0 { swap_in_pool(&dave(), true, dump) } else { 0 };
	blocks(hold);
	if dump > 0 {
		assert!(
			pallet_gov_token::PriceEma::<Runtime>::get() > fast_before,
			"the dump moved the fast oracle (more GOV per USD)"
		);
	}
	for i in 0..n {
		use sp_core::Pair as _;
		let hotkey = sp_core::sr25519::Pair::from_seed(&[100 + i; 32]);
		let signature = hotkey.sign(&Yuma::hotkey_message(&dave(), 0));
		assert_ok!(Yuma::register_with_credits(
			RuntimeOrigin::signed(dave()),
			0,
			AccountId::from(hotkey.public()),
			signature.into()
		));
	}
	if usd > 0 {
		swap_in_pool(&dave(), false, usd);
	}
	before - wealth_with_credits()
}

/// Oracle manipulation before a burn paid in credits: Dave dumps GOV to make it look cheap in
/// USD, holds the price down (no arbitrage: the attacker's best case) for 23 minutes or a day,
/// registers five hotkeys paying the burns in credits, then buys his GOV back. The burns are
/// converted at the higher of the two oracles' USD prices, so the fast oracle's fall is not
/// used, and the slow one's drift over a day (up to 55 % of the burns for a 10× dip) saves far
/// less than the round trip's fees and slippage. Profit = the honest path's cost (same wait,
/// same registrations) − the attack's cost, at the start's oracle price and `CreditPrice`;
/// never positive.
#[test]
fn dumping_gov_before_burns_paid_in_credits_never_pays() {
	for dump in [20_000 * gov::UNIT, 217_000 * gov::UNIT] {
		for hold in [230u32, 14_400] {
			let cost = |dump| {
				ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
					attacker_subnet();
					assert_ok!(Credits::buy(
						RuntimeOrigin::signed(dave()),
						100_000 * credit::UNIT,
						u128::MAX
					));
					let credits = Credits::account_credits(&dave()).free;
					let cost = register_in_credits_after(dump, hold, 5);
					super::subnets::all_invariants();
					(cost, credits - Credits::account_credits(&dave()).free)
				})
			};
			let ((honest, honest_credits), (attack, attack_credits)) = (cost(0), cost(dump));
			let profit = honest - attack;
			println!(
				"dump {} GOV, hold {hold}: burns took {honest_credits} credit units honestly, \
				 {attack_credits} after the dump; cost honest {honest}, attack {attack}, profit \
				 {profit} USD units",
				dump / gov::UNIT
			);
			assert!(honest > 0, "the burns cost something");
			assert!(profit <= 0, "dumping {dump} for {hold} blocks: profit {profit}");
		}
	}
}
