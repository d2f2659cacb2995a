//! Buyback-and-burn, the fee sinks and the metrics; attack tests named for what they stop.

use crate::{mock::*, pallet::*, types::*, BurnGov, GovFeeSink};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Balanced, Hooks, OnUnbalanced},
	weights::Weight,
};
use sp_runtime::Perbill;

fn issuance() -> u128 {
	pallet_balances::TotalIssuance::<Test>::get()
}

fn launch_with_pot(usd: u128) {
	assert_ok!(GovToken::launch(RuntimeOrigin::root()));
	fund_pot(usd);
}

fn skipped() -> Vec<SkipReason> {
	events()
		.into_iter()
		.filter_map(
			|e| if let Event::BuybackSkipped { reason, .. } = e { Some(reason) } else { None },
		)
		.collect()
}

fn bought() -> Vec<(u128, u128, u128)> {
	events()
		.into_iter()
		.filter_map(|e| match e {
			Event::BoughtBack { usd_spent, gov_burned, usd_to_treasury, .. } => {
				Some((usd_spent, gov_burned, usd_to_treasury))
			}
			_ => None,
		})
		.collect()
}

#[test]
fn mesh_phase_only_accumulates_usd() {
	build_and_execute(|| {
		fund_pot(5_000 * USD);
		run_to(50);
		assert!(bought().is_empty() && skipped().is_empty());
		assert_eq!(GovToken::pot_usd(), 5_000 * USD);
		assert_noop!(
			GovToken::poke_buyback(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NotLaunched
		);
		assert_eq!(GovToken::info().phase, Phase::Mesh);
	});
}

#[test]
fn a_due_lot_buys_gov_burns_it_and_pays_the_treasury() {
	build_and_execute(|| {
		launch_with_pot(3_000 * USD);
		let (supply, treasury) = (issuance(), usd_of(TREASURY));
		run_to(10);
		assert!(bought().is_empty(), "not due before block 11");
		run_to(11);
		// Lot 1,000 USD: 500 buys GOV at ≈ 2 GOV per USD less the 0.3 % fee, 500 to treasury.
		let expected = MockMarket::out_for(500 * USD).unwrap();
		let [(spent, gov, to_treasury)] = bought()[..] else { panic!("one buyback") };
		assert_eq!((spent, to_treasury), (500 * USD, 500 * USD));
		// The quote was taken before the swap moved the pool, so compare with the pre-swap
		// reserves: 2,000,000 GOV · 498.5 / 1,000,498.5.
		assert!(gov > 990 * GOV && gov < 2 * 500 * GOV);
		assert!(expected < gov, "the pool now quotes less for the same USD");
		assert_eq!(issuance(), supply - gov);
		assert_eq!(Burned::<Test>::get(), gov);
		assert!(events().contains(&Event::Burned { amount: gov, source: BurnSource::Buyback }));
		assert_eq!(usd_of(TREASURY), treasury + 500 * USD);
		assert_eq!(GovToken::pot_usd(), 2_000 * USD);
		assert_eq!(NextBuyback::<Test>::get(), 21);
		run_to(31);
		assert_eq!(bought().len(), 3);
		assert_eq!(GovToken::pot_usd(), 0);
		run_to(41);
		assert_eq!(skipped(), vec![SkipReason::EmptyPot]);
	});
}

#[test]
fn poke_runs_a_due_lot_the_hook_had_no_room_for() {
	build_and_execute(|| {
		launch_with_pot(1_000 * USD);
		assert_noop!(
			GovToken::poke_buyback(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::BuybackNotDue
		);
		System::set_block_number(11);
		GovToken::on_initialize(11);
		// A full block: no weight left for the buyback.
		assert_eq!(GovToken::on_idle(11, Weight::zero()), Weight::zero());
		assert!(bought().is_empty());
		assert_ok!(GovToken::poke_buyback(RuntimeOrigin::signed(BOB)));
		assert_eq!(bought().len(), 1);
		assert_noop!(
			GovToken::poke_buyback(RuntimeOrigin::signed(BOB)),
			Error::<Test>::BuybackNotDue
		);
	});
}

/// Paused, no lot runs from the hook or a poke; the pauser cannot resume, governance can, and
/// the due lot then runs.
#[test]
fn paused_buybacks_run_nothing_until_resumed() {
	build_and_execute(|| {
		launch_with_pot(1_000 * USD);
		assert_noop!(
			GovToken::set_buyback_paused(RuntimeOrigin::signed(ALICE), true),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(GovToken::set_buyback_paused(RuntimeOrigin::signed(PAUSER), true));
		assert!(events().contains(&Event::BuybackPauseSet { paused: true }));
		assert_noop!(
			GovToken::set_buyback_paused(RuntimeOrigin::signed(PAUSER), true),
			Error::<Test>::BuybackPauseUnchanged
		);
		run_to(31);
		assert!(bought().is_empty(), "no lot while paused");
		assert_noop!(
			GovToken::poke_buyback(RuntimeOrigin::signed(BOB)),
			Error::<Test>::BuybackPaused
		);
		assert_noop!(
			GovToken::set_buyback_paused(RuntimeOrigin::signed(PAUSER), false),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(GovToken::set_buyback_paused(RuntimeOrigin::root(), false));
		run_to(32);
		assert_eq!(bought().len(), 1, "the due lot runs once resumed");
	});
}

/// A sandwich: the attacker buys GOV right before the buyback to sell it dearer to it. The
/// buyback's minimum output comes from the oracle EMA, not the moved spot price, so the lot
/// is skipped, not filled at the bad price — and bought normally once the price is back.
#[test]
fn sandwich_before_a_buyback_gets_the_lot_skipped() {
	build_and_execute(|| {
		launch_with_pot(2_000 * USD);
		run_to(10);
		let oracle = PriceEma::<Test>::get();
		System::set_block_number(11);
		GovToken::on_initialize(11);
		// Front-run in block 11: 200,000 USD of GOV moves the price ≈ 44 %.
		let got = MockMarket::buy_gov(ALICE, 200_000 * USD);
		assert!(GovToken::on_idle(11, Weight::MAX).ref_time() > 0);
		assert_eq!(skipped(), vec![SkipReason::SlippageBound]);
		assert_eq!(GovToken::pot_usd(), 2_000 * USD, "nothing left the pot");
		assert_eq!(Burned::<Test>::get(), 0);
		assert_eq!(PriceEma::<Test>::get(), oracle, "the oracle ignores the moved spot price");
		// The attacker unwinds; the next lot goes through at a fair price.
		MockMarket::sell_back(ALICE, got);
		run_to(21);
		assert_eq!(bought().len(), 1);
	});
}

/// Slow manipulation moves the oracle too, but only `OracleSmoothing` per block: a price held
/// 45 % off for a few blocks still cannot pass the 2 % bound.
#[test]
fn a_price_held_for_a_few_blocks_still_fails_the_bound() {
	build_and_execute(|| {
		launch_with_pot(2_000 * USD);
		run_to(8);
		MockMarket::buy_gov(ALICE, 200_000 * USD);
		run_to(11);
		assert_eq!(skipped(), vec![SkipReason::SlippageBound]);
	});
}

#[test]
fn no_market_or_failed_swap_changes_nothing() {
	build_and_execute(|| {
		launch_with_pot(1_000 * USD);
		MarketOpen::set(false);
		run_to(11);
		assert_eq!(skipped(), vec![SkipReason::NoMarket]);
		MarketOpen::set(true);
		// The swap fails after moving USD: the storage layer undoes it all.
		SwapFails::set(true);
		let (pot, supply, treasury) = (GovToken::pot_usd(), issuance(), usd_of(TREASURY));
		run_to(21);
		assert_eq!(skipped(), vec![SkipReason::NoMarket, SkipReason::Failed]);
		assert_eq!((GovToken::pot_usd(), issuance(), usd_of(TREASURY)), (pot, supply, treasury));
		SwapFails::set(false);
	});
}

#[test]
fn buyback_share_splits_the_lot() {
	build_and_execute(|| {
		launch_with_pot(2_000 * USD);
		BuybackShare::set(Perbill::zero());
		run_to(11);
		assert_eq!(bought(), vec![(0, 0, 1_000 * USD)]);
		BuybackShare::set(Perbill::one());
		let treasury = usd_of(TREASURY);
		run_to(21);
		assert_eq!(bought()[1].0, 1_000 * USD);
		assert_eq!(usd_of(TREASURY), treasury);
	});
}

#[test]
fn gov_fees_are_half_burned_half_to_treasury() {
	use frame_support::traits::tokens::{Fortitude, Precision, Preservation};
	let take = |amount| {
		Balances::withdraw(
			&ALICE,
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.unwrap()
	};
	build_and_execute(|| {
		let (supply, treasury) = (issuance(), Balances::free_balance(TREASURY));
		// A 1,000 GOV swap fee taken from a trader.
		GovFeeSink::<Test>::on_unbalanced(take(1_000 * GOV));
		assert_eq!(issuance(), supply - 500 * GOV);
		assert_eq!(Balances::free_balance(TREASURY), treasury + 500 * GOV);
		assert!(events().contains(&Event::Burned { amount: 500 * GOV, source: BurnSource::Fee }));
		assert_eq!(GovToken::info().bought_back_12m, 500 * GOV, "the burned fee share counts");
		// A registration burn: all of it leaves issuance, recorded but not as a buyback.
		BurnGov::<Test>::on_unbalanced(take(7 * GOV));
		assert_eq!(Burned::<Test>::get(), 507 * GOV);
		assert_eq!(issuance(), supply - 507 * GOV);
		assert_eq!(GovToken::info().bought_back_12m, 500 * GOV);
	});
}

#[test]
fn governance_ratio_over_twelve_months() {
	build_and_execute(|| {
		launch_with_pot(1_000 * USD);
		assert_eq!(GovToken::info().governance_ratio_ppm, None);
		assert_ok!(GovToken::emit(&BOB, 1_000 * GOV, 0));
		run_to(11);
		let gov = bought()[0].1;
		let info = GovToken::info();
		assert_eq!(info.emitted_12m, 1_000 * GOV);
		assert_eq!(info.bought_back_12m, gov);
		assert_eq!(info.governance_ratio_ppm, Some((gov * 1_000_000 / (1_000 * GOV)) as u64));
		assert_eq!(info.burned, gov);
		assert_eq!(info.pot_usd, 0);
		// Thirteen months later the old month has left the window.
		System::set_block_number(13 * tandem_primitives::time::MONTH as u64);
		assert_eq!(GovToken::info().emitted_12m, 0);
	});
}

/// `try_state` is not vacuous: a mint that bypasses the pallet breaks the supply invariant.
#[test]
fn try_state_catches_untracked_supply() {
	new_test_ext().execute_with(|| {
		assert_ok!(GovToken::do_try_state());
		use frame_support::traits::fungible::Mutate;
		assert_ok!(Balances::mint_into(&ALICE, 1));
		assert!(GovToken::do_try_state().is_err());
	});
}

/// Emission allowances convert revenue at the higher USD price of GOV. Dumping GOV into the
/// pool (a dip) raises the fast oracle's GOV per USD within blocks; the slow one moves
/// `1 / SlowOracleWindow` of the way per block, and `gov_per_usd` follows the smaller.
#[test]
fn a_gov_price_dip_converts_revenue_at_the_slow_oracle() {
	build_and_execute(|| {
		run_to(2);
		let start = PriceEma::<Test>::get();
		assert_eq!(PriceEmaSlow::<Test>::get(), start, "both start at the spot price");
		assert_eq!(GovToken::gov_per_usd(), Some(start));
		MockMarket::sell_back(ALICE, 100_000 * GOV);
		let spot = GovToken::spot_price().unwrap();
		assert!(spot > start, "GOV is cheaper: more GOV per USD");
		run_to(12);
		let (fast, slow) = (PriceEma::<Test>::get(), PriceEmaSlow::<Test>::get());
		assert!(fast > slow && slow > start, "{fast:?} {slow:?} {start:?}");
		assert_eq!(GovToken::gov_per_usd(), Some(slow));
		// Ten blocks move the slow EMA at most 10/50 of the way to the dipped spot.
		let most = start + (spot - start) * sp_runtime::FixedU128::from_rational(10, 50);
		assert!(slow <= most, "{slow:?} > {most:?}");
	});
}

#[test]
fn no_price_no_conversion() {
	build_and_execute(|| {
		MarketOpen::set(false);
		PriceEma::<Test>::kill();
		PriceEmaSlow::<Test>::kill();
		run_to(3);
		assert_eq!(GovToken::gov_per_usd(), None);
	});
}

/// A pot far larger than the pool can absorb: the lot is cut, whole, to the largest that fits
/// — here the sandwich cap, 0.3 % of the pool's $1M — instead of being skipped.
#[test]
fn a_lot_too_big_for_the_pool_is_scaled_down_not_skipped() {
	build_and_execute(|| {
		launch_with_pot(9_000_000 * USD);
		run_to(11);
		let (scaled, spent, burned, min_out) = events()
			.into_iter()
			.find_map(|e| match e {
				Event::BoughtBack { scaled_down, usd_spent, gov_burned, min_gov_out, .. } => {
					Some((scaled_down, usd_spent, gov_burned, min_gov_out))
				}
				_ => None,
			})
			.expect("a lot was bought");
		// The full lot would be 9 M × 10 / 14,400 = $6,250, half of it ($3,125) buying GOV;
		// the cap is $3,000.
		assert!(scaled && spent <= 3_000 * USD && spent > 2_990 * USD, "{spent}");
		assert!(burned >= min_out, "within the bound");
		assert!(skipped().is_empty());
	});
}

/// Ten times the medium cell: $200k a day of paid revenue sends 19 % of it — the spread and
/// the protocol fee's backing, $38,000 a day — to the pot. With hourly lots of at least a
/// day's share of the pot, the pot stays under 1.5 days of inflow (a fixed $1,000 lot would
/// fall behind by $583 an hour, without end). An arbitrageur keeps the pool at its price.
#[test]
fn at_ten_times_the_medium_cell_the_pot_drains_to_a_day_and_a_half_of_inflow() {
	build_and_execute(|| {
		BuybackInterval::set(600);
		assert_ok!(GovToken::launch(RuntimeOrigin::root()));
		let per_day = 38_000 * USD;
		let per_lot = per_day / 24;
		let mut highest_after_day_one = 0;
		for hour in 0..24 * 5u64 {
			fund_pot(per_lot);
			let before = bought().len();
			run_to(System::block_number() + 600);
			if let Some((_, gov, _)) = bought().get(before).copied() {
				MockMarket::sell_back(BOB, gov);
			}
			if hour >= 24 {
				highest_after_day_one = highest_after_day_one.max(GovToken::pot_usd());
			}
		}
		assert!(skipped().is_empty(), "{:?}", skipped());
		assert!(
			highest_after_day_one <= per_day * 3 / 2,
			"the pot held {highest_after_day_one}, over 1.5 days of inflow"
		);
	});
}

/// The buyback is elapsed-aware: a block standing for several intervals runs every lot due
/// since the last (up to `MAX_LOTS_PER_BLOCK`); a live chain runs one per interval.
#[test]
fn a_block_standing_for_many_intervals_runs_the_lots_due() {
	build_and_execute(|| {
		BuybackLot::set(20 * USD);
		launch_with_pot(2_000 * USD);
		// Lots fall due at blocks 11, 21, …, 61: six of them by block 61.
		System::set_block_number(61);
		GovToken::on_initialize(61);
		GovToken::on_idle(61, Weight::MAX);
		assert_eq!(bought().len(), 6);
		assert!(skipped().is_empty());
		assert_eq!(NextBuyback::<Test>::get(), 71);
		// Far behind: at most 24 lots in one block, and the schedule catches up with now.
		System::set_block_number(10_061);
		GovToken::on_idle(10_061, Weight::MAX);
		assert_eq!(bought().len() + skipped().len(), 6 + crate::MAX_LOTS_PER_BLOCK as usize);
		assert!(NextBuyback::<Test>::get() > 10_061);
	});
}

/// A sandwich around a poked buyback, in one batch: buy GOV, `poke_buyback`, sell the GOV back
/// into the price the buyback raised. The slippage bound alone let a lot buy up to ~1.7 % of
/// the pool's USD, and a round trip of two 0.3 % fees is repaid once the buy exceeds the fee ×
/// the USD reserve. Capped there, the attacker's USD never grows, whatever the attack size.
#[test]
fn a_sandwich_around_a_poked_buyback_does_not_pay() {
	for attack in [1_000, 3_000, 6_000, 10_000, 20_000, 50_000] {
		build_and_execute(|| {
			// A lot that would buy $10,000 of GOV from the $1M pool.
			BuybackLot::set(20_000 * USD);
			launch_with_pot(100_000 * USD);
			System::set_block_number(11);
			GovToken::on_initialize(11);
			let (usd, gov) = (usd_of(ALICE), pallet_balances::Pallet::<Test>::free_balance(ALICE));
			let got = MockMarket::buy_gov(ALICE, attack * USD);
			assert_ok!(GovToken::poke_buyback(RuntimeOrigin::signed(BOB)));
			// Up to a few thousand dollars the front-run stays within the slippage bound and
			// the buyback runs (capped); larger ones get it skipped.
			assert_eq!(bought().len(), usize::from(attack <= 6_000), "attack ${attack}");
			MockMarket::sell_back(ALICE, got);
			assert_eq!(pallet_balances::Pallet::<Test>::free_balance(ALICE), gov);
			let profit = usd_of(ALICE) as i128 - usd as i128;
			assert!(profit <= 0, "attack ${attack}: profit {profit} micro-USD");
		});
	}
}
