//! pallet-gov-token on the real runtime: the genesis pool and allocation, vesting, the airdrop,
//! burns only through the pallet, the buyback through asset-conversion.

use super::*;
use crate::{GovToken, RuntimeCall, RuntimeOrigin, Subnets};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Contains, OnIdle, OnInitialize},
	weights::Weight,
};
use tandem_primitives::{gov, usd};

/// The dev genesis seeds the USD/GOV pool at $1 per GOV, records the genesis issuance,
/// and the supply invariant holds.
#[test]
fn genesis_pool_and_supply_invariant() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let info = GovToken::info();
		assert_eq!(info.spot_price, sp_runtime::FixedU128::from_rational(gov::UNIT, usd::UNIT));
		assert_eq!(info.oracle_price, info.spot_price);
		assert_eq!(info.phase, pallet_gov_token::types::Phase::Mesh);
		assert_eq!(pallet_gov_token::GenesisIssuance::<Runtime>::get(), Balances::total_issuance());
		assert_ok!(GovToken::do_try_state());
	});
}

/// The 10.5 M GOV genesis allocation: 30/30/20/10/10 %, team and investors vesting with a
/// one-year cliff then four years linear.
#[test]
fn genesis_allocation_and_vesting() {
	use crate::genesis_config_presets as p;
	use frame_support::traits::fungible::Inspect;
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(
			p::TEAM_ALLOCATION
				+ p::INVESTOR_ALLOCATION
				+ p::TREASURY_ALLOCATION
				+ p::ECOSYSTEM_ALLOCATION
				+ p::AIRDROP_ALLOCATION,
			p::GENESIS_ALLOCATION
		);
		let reserve = crate::accounts::AirdropReserveAccount::get();
		assert_eq!(Balances::balance(&reserve), p::AIRDROP_ALLOCATION);
		assert_eq!(
			Balances::balance(&crate::accounts::EcosystemFundAccount::get()),
			p::ECOSYSTEM_ALLOCATION
		);
		assert_eq!(
			Balances::balance(&crate::accounts::TreasuryAccount::get()),
			p::TREASURY_ALLOCATION
		);
		// The treasury pallet's account is the one fees and returned airdrops go to.
		assert_eq!(crate::Treasury::account_id(), crate::accounts::TreasuryAccount::get());
		assert_eq!(
			crate::Treasury::pot(),
			p::TREASURY_ALLOCATION - crate::configs::ExistentialDeposit::get()
		);
		for who in [Sr25519Keyring::One.to_account_id(), Sr25519Keyring::Two.to_account_id()] {
			let schedules = pallet_vesting::Vesting::<Runtime>::get(&who).expect("vesting");
			assert_eq!(schedules[0].locked(), p::TEAM_ALLOCATION);
			assert_eq!(schedules[0].starting_block(), p::VESTING_CLIFF);
			// Before the cliff only the dev endowment is spendable.
			assert_eq!(
				Balances::reducible_balance(
					&who,
					frame_support::traits::tokens::Preservation::Expendable,
					frame_support::traits::tokens::Fortitude::Polite
				),
				p::DEV_GOV_ENDOWMENT
			);
			// Halfway through the linear part, half of it has vested.
			let half = schedules[0].locked_at::<sp_runtime::traits::ConvertInto>(
				p::VESTING_CLIFF + p::VESTING_LENGTH / 2,
			);
			// (per-block release is rounded down: at most one unit per block stays locked)
			assert!(half.abs_diff(p::TEAM_ALLOCATION / 2) <= u128::from(p::VESTING_LENGTH));
		}
	});
}

/// Dev contributors start with earned credits backed in the vault and are on the mesh
/// roster; an airdrop splits by their basis, each claim capped at 2 %, and the credits
/// invariants hold.
#[test]
fn dev_airdrop_claims_by_genesis_earnings() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(crate::Credits::do_try_state());
		assert_ok!(GovToken::launch(RuntimeOrigin::root()));
		assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * gov::UNIT));
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		let before = Balances::free_balance(&ferdie);
		assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(ferdie.clone())));
		// 1,000 × 100 / 400 = 250 GOV, capped at 2 % of 1,000.
		assert_eq!(Balances::free_balance(&ferdie), before + 20 * gov::UNIT);
		let stranger = Sr25519Keyring::Charlie.to_account_id();
		assert_noop!(
			GovToken::claim_airdrop(RuntimeOrigin::signed(stranger)),
			pallet_gov_token::Error::<Runtime>::NotOnRoster
		);
		assert_ok!(GovToken::do_try_state());
	});
}

/// A Yuma registration burn is recorded as burned: the invariant still holds. The
/// balances pallet's `burn` call is filtered out.
#[test]
fn burns_go_through_the_pallet() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(alice()), u128::MAX));
		let before = Balances::total_issuance();
		assert_ok!(super::register_hotkey(&alice(), 0, &Sr25519Keyring::Alice.pair()));
		assert_eq!(pallet_gov_token::Burned::<Runtime>::get(), before - Balances::total_issuance());
		assert_ok!(GovToken::do_try_state());
		let burn =
			RuntimeCall::Balances(pallet_balances::Call::burn { value: 1, keep_alive: true });
		assert!(!crate::configs::NoDirectBurn::contains(&burn));
	});
}

/// Launched, with USD in the pot: the real asset-conversion pool fills the buyback and the
/// GOV leaves issuance.
#[test]
fn buyback_through_asset_conversion() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use frame_support::traits::fungibles::Mutate;
		assert_ok!(GovToken::launch(RuntimeOrigin::root()));
		let pot = crate::accounts::BuybackPotAccount::get();
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			USD_ASSET_ID,
			&alice(),
			&pot,
			5_000 * usd::UNIT,
			frame_support::traits::tokens::Preservation::Preserve,
		));
		let before = Balances::total_issuance();
		let due = pallet_gov_token::NextBuyback::<Runtime>::get();
		System::set_block_number(due);
		GovToken::on_initialize(due);
		GovToken::on_idle(due, Weight::MAX);
		let burned = pallet_gov_token::Burned::<Runtime>::get();
		// The $1,000 lot would buy $500, over the sandwich cap of the $100,000 pool (0.3 %):
		// $300 buys GOV at $1, less the 0.3 % fee and ≈ 0.3 % price impact.
		let spent = System::events().iter().find_map(|r| match &r.event {
			crate::RuntimeEvent::GovToken(pallet_gov_token::Event::BoughtBack {
				usd_spent,
				scaled_down,
				..
			}) => Some((*usd_spent, *scaled_down)),
			_ => None,
		});
		let (spent, scaled) = spent.expect("a buyback");
		assert!(scaled && spent <= 300 * usd::UNIT && spent > 299 * usd::UNIT, "spent {spent}");
		assert!(burned > 296 * gov::UNIT && burned < 300 * gov::UNIT, "burned {burned}");
		assert_eq!(Balances::total_issuance(), before - burned);
		assert_ok!(GovToken::do_try_state());
	});
}
