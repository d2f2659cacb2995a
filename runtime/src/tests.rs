//! Runtime-level tests, run natively against the real runtime configuration.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

use crate::{
	fees::DealWithFees, genesis_config_presets, AccountId, Assets, Balances, Runtime,
	RuntimeGenesisConfig, System, USD_ASSET_ID,
};
use codec::Encode;
use frame_support::traits::{
	fungible::{Balanced, Inspect},
	fungibles::{metadata::Inspect as MetadataInspect, Inspect as FungiblesInspect},
	OnUnbalanced, PalletInfoAccess,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Hash as _, BuildStorage, Digest, DigestItem};

/// State built from a genesis preset, exactly as the node builds it.
pub(crate) fn ext_from_preset(id: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&id.into()).expect("preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	let patch: serde_json::Value = serde_json::from_slice(&patch).unwrap();
	json_merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	let mut ext: sp_io::TestExternalities = config.build_storage().unwrap().into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn json_merge(a: &mut serde_json::Value, b: serde_json::Value) {
	match (a, b) {
		(serde_json::Value::Object(a), serde_json::Value::Object(b)) => {
			for (k, v) in b {
				json_merge(a.entry(k).or_insert(serde_json::Value::Null), v);
			}
		}
		(a, b) => *a = b,
	}
}

/// Starts block 2 with Aura's pre-runtime digest for `slot`, so the authorship pallet finds the
/// author the way it does on a live chain.
fn start_block_with_slot(slot: u64) {
	let digest = Digest {
		logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
	};
	System::reset_events();
	System::initialize(&2, &sp_runtime::traits::BlakeTwo256::hash(b"parent"), &digest);
}

pub(crate) fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}

#[test]
fn pallet_indices_are_stable() {
	// Signed transactions encode these; changing one breaks every wallet.
	assert_eq!(<System as PalletInfoAccess>::index(), 0);
	assert_eq!(<crate::Timestamp as PalletInfoAccess>::index(), 1);
	assert_eq!(<crate::Aura as PalletInfoAccess>::index(), 2);
	assert_eq!(<crate::Grandpa as PalletInfoAccess>::index(), 3);
	assert_eq!(<crate::Authorship as PalletInfoAccess>::index(), 4);
	assert_eq!(<Balances as PalletInfoAccess>::index(), 10);
	assert_eq!(<crate::TransactionPayment as PalletInfoAccess>::index(), 11);
	assert_eq!(<Assets as PalletInfoAccess>::index(), 12);
	assert_eq!(<crate::PoolAssets as PalletInfoAccess>::index(), 13);
	assert_eq!(<crate::AssetConversion as PalletInfoAccess>::index(), 14);
	assert_eq!(<crate::Vesting as PalletInfoAccess>::index(), 15);
	assert_eq!(<crate::Treasury as PalletInfoAccess>::index(), 16);
	assert_eq!(<crate::Utility as PalletInfoAccess>::index(), 20);
	assert_eq!(<crate::Credits as PalletInfoAccess>::index(), 30);
	assert_eq!(<crate::Yuma as PalletInfoAccess>::index(), 31);
	assert_eq!(<crate::GovToken as PalletInfoAccess>::index(), 32);
	assert_eq!(<crate::Subnets as PalletInfoAccess>::index(), 33);
	assert_eq!(<crate::Parameters as PalletInfoAccess>::index(), 34);
	assert_eq!(<crate::Scheduler as PalletInfoAccess>::index(), 50);
	assert_eq!(<crate::Preimage as PalletInfoAccess>::index(), 51);
	assert_eq!(<crate::Referenda as PalletInfoAccess>::index(), 52);
	assert_eq!(<crate::ConvictionVoting as PalletInfoAccess>::index(), 53);
	assert_eq!(<crate::Governance as PalletInfoAccess>::index(), 54);
	assert_eq!(<crate::Sudo as PalletInfoAccess>::index(), 90);
}

#[test]
fn presets_are_listed_and_unknown_preset_is_none() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names.len(), 3);
	assert!(genesis_config_presets::get_preset(&"development".into()).is_some());
	assert!(genesis_config_presets::get_preset(&"development_fast".into()).is_some());
	assert!(genesis_config_presets::get_preset(&"local_testnet".into()).is_some());
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

#[test]
fn development_preset_creates_usd_and_funds_dev_accounts() {
	ext_from_preset("development").execute_with(|| {
		assert!(Assets::asset_exists(USD_ASSET_ID));
		assert_eq!(<Assets as MetadataInspect<AccountId>>::decimals(USD_ASSET_ID), 6);
		assert_eq!(<Assets as MetadataInspect<AccountId>>::symbol(USD_ASSET_ID), b"USD".to_vec());
		for k in [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Ferdie] {
			let who = k.to_account_id();
			// Alice (root) seeded the USD/GOV pool from her endowment.
			let (gov_pool, usd_pool) = if k == Sr25519Keyring::Alice {
				(genesis_config_presets::GENESIS_POOL_GOV, genesis_config_presets::GENESIS_POOL_USD)
			} else {
				(0, 0)
			};
			assert_eq!(
				Balances::balance(&who),
				genesis_config_presets::DEV_GOV_ENDOWMENT - gov_pool,
				"GOV of {k:?}"
			);
			assert_eq!(
				<Assets as FungiblesInspect<AccountId>>::balance(USD_ASSET_ID, &who),
				genesis_config_presets::DEV_USD_ENDOWMENT - usd_pool,
				"USD of {k:?}"
			);
		}
		assert_eq!(
			Balances::balance(&crate::accounts::TreasuryAccount::get()),
			genesis_config_presets::TREASURY_ALLOCATION
		);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice()));
	});
}

#[test]
fn local_testnet_preset_has_two_authorities() {
	ext_from_preset("local_testnet").execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 2);
	});
}

#[test]
fn fees_split_between_treasury_and_author_and_tips_go_to_author() {
	ext_from_preset("local_testnet").execute_with(|| {
		// Two authorities (Alice, Bob): slot 3 is Bob's (3 % 2 == 1).
		start_block_with_slot(3);
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_eq!(pallet_authorship::Pallet::<Runtime>::author(), Some(bob.clone()));

		let issuance = Balances::total_issuance();
		let treasury_before = Balances::balance(&crate::accounts::TreasuryAccount::get());
		let bob_before = Balances::balance(&bob);

		let fee = <Balances as Balanced<AccountId>>::issue(1_000_000);
		let tip = <Balances as Balanced<AccountId>>::issue(7);
		DealWithFees::on_unbalanceds([fee, tip].into_iter());

		assert_eq!(
			Balances::balance(&crate::accounts::TreasuryAccount::get()) - treasury_before,
			800_000
		);
		assert_eq!(Balances::balance(&bob) - bob_before, 200_007);
		// Nothing burned, nothing minted beyond what was issued.
		assert_eq!(Balances::total_issuance(), issuance + 1_000_007);
	});
}

#[test]
fn fees_without_an_author_go_to_the_treasury() {
	ext_from_preset("development").execute_with(|| {
		assert_eq!(pallet_authorship::Pallet::<Runtime>::author(), None);
		let before = Balances::balance(&crate::accounts::TreasuryAccount::get());
		let fee = <Balances as Balanced<AccountId>>::issue(1_000);
		DealWithFees::on_unbalanceds([fee].into_iter());
		assert_eq!(Balances::balance(&crate::accounts::TreasuryAccount::get()) - before, 1_000);
	});
}

#[test]
fn default_genesis_builds() {
	// The empty config must build too (chain-spec tooling starts from it).
	let _ = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
}

mod credits {
	use super::*;
	use crate::{dynamic_params, Credits, Governance, RuntimeCall, RuntimeOrigin, Subnets};
	use core::marker::PhantomData;
	use frame_support::{assert_ok, traits::GetCallName};

	/// Autoref probe: `is_fungible()` resolves to the inherent method only if `T` implements
	/// `fungible::Inspect`; otherwise to the blanket trait method that answers `false`.
	struct Probe<T>(PhantomData<T>);
	trait NotFungible {
		fn is_fungible(&self) -> bool {
			false
		}
	}
	impl<T> NotFungible for Probe<T> {}
	#[allow(dead_code)]
	impl<T: frame_support::traits::fungible::Inspect<AccountId>> Probe<T> {
		fn is_fungible(&self) -> bool {
			true
		}
	}

	#[test]
	fn credits_cannot_be_transferred_between_users() {
		// No call of the credits pallet moves credits from one user to another…
		let names = <pallet_credits::Call<Runtime> as GetCallName>::get_call_names();
		assert!(names.iter().all(|n| !n.contains("transfer")), "{names:?}");
		let moving: Vec<_> = names
			.iter()
			.filter(|n| ["buy", "issue", "spend", "charge", "cash_out", "slash"].contains(n))
			.collect();
		assert_eq!(moving.len(), 6, "every value-moving call is accounted for");
		// …and the pallet offers no fungible impl that wallets or pallets could transfer with.
		assert!(!Probe::<Credits>(PhantomData).is_fungible());
		// (The probe does detect a fungible: Balances is one.)
		assert!(Probe::<Balances>(PhantomData).is_fungible());
	}

	#[test]
	fn governance_parameter_changes_the_buy_price() {
		ext_from_preset("development").execute_with(|| {
			let bob = Sr25519Keyring::Bob.to_account_id();
			let usd = |who: &AccountId| {
				<Assets as FungiblesInspect<AccountId>>::balance(USD_ASSET_ID, who)
			};
			let before = usd(&bob);
			assert_ok!(Credits::buy(RuntimeOrigin::signed(bob.clone()), 1_000_000, u128::MAX));
			assert_eq!(before - usd(&bob), 30_000);
			let key_value = dynamic_params::RuntimeParameters::Credits(
				dynamic_params::credits::Parameters::CreditPrice(
					dynamic_params::credits::CreditPrice,
					// Within the payout-rate floor: $0.027 ≥ 80 % × $0.033.
					Some(33_000),
				),
			);
			assert!(Governance::set_parameter(
				RuntimeOrigin::signed(bob.clone()),
				key_value.clone()
			)
			.is_err());
			assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), key_value));
			let before = usd(&bob);
			assert_ok!(Credits::buy(RuntimeOrigin::signed(bob.clone()), 1_000_000, u128::MAX));
			assert_eq!(before - usd(&bob), 33_000);
			Credits::do_try_state().unwrap();
		});
	}

	#[test]
	fn credits_calls_are_free_in_gov() {
		use frame_support::dispatch::{GetDispatchInfo, Pays};
		let spend = RuntimeCall::Credits(pallet_credits::Call::spend { netuid: 1, credits: 1 });
		assert_eq!(spend.get_dispatch_info().pays_fee, Pays::No);
		let cash_out = RuntimeCall::Credits(pallet_credits::Call::cash_out { credits: 1 });
		assert_eq!(cash_out.get_dispatch_info().pays_fee, Pays::No);
	}

	#[test]
	fn subnets_exist_once_registered() {
		use tandem_primitives::SubnetRegistry;
		ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			assert!(!Subnets::exists(0));
			assert_ok!(Subnets::register_network(RuntimeOrigin::signed(alice())));
			assert!(Subnets::exists(0) && !Subnets::exists(1));
			assert_ok!(Subnets::do_try_state());
		});
	}

	#[test]
	fn pallet_accounts_hold_usd_from_genesis() {
		ext_from_preset("development").execute_with(|| {
			let usd = |who: &AccountId| {
				<Assets as FungiblesInspect<AccountId>>::balance(USD_ASSET_ID, who)
			};
			assert!(usd(&Credits::vault_account()) > 0);
			assert!(usd(&crate::accounts::BuybackPotAccount::get()) > 0);
			assert!(usd(&crate::accounts::TreasuryAccount::get()) > 0);
			assert!(pallet_credits::Issuers::<Runtime>::contains_key(alice()));
		});
	}
}

/// The Yuma epoch's speed targets, from the benchmarked weights (`pallet_yuma::weights`):
/// a 256-uid subnet with 64 validators and dense rows costs at most 5 % of a block; a
/// 4,096-uid subnet with 256 validators and 10 %-dense rows fits in one normal-class block.
#[test]
fn yuma_epoch_weight_targets() {
	use frame_support::dispatch::DispatchClass;
	use pallet_yuma::EpochStats;
	let block = crate::limits::RuntimeBlockWeights::get();
	let max = block.max_block;
	let normal = block.get(DispatchClass::Normal).max_extrinsic.expect("normal has a limit");
	let small = EpochStats { neurons: 256, validators: 64, weights: 64 * 255, consensus: true }
		.weight::<Runtime>();
	let large = EpochStats { neurons: 4096, validators: 256, weights: 256 * 410, consensus: true }
		.weight::<Runtime>();
	let pct =
		|w: frame_support::weights::Weight| w.ref_time() as f64 * 100.0 / max.ref_time() as f64;
	println!(
		"epoch n=256 v=64 dense: {:.2} ms = {:.2} % of the block",
		small.ref_time() as f64 / 1e9,
		pct(small)
	);
	println!(
		"epoch n=4096 v=256 10%: {:.2} ms = {:.2} % of the block",
		large.ref_time() as f64 / 1e9,
		pct(large)
	);
	assert!(small.ref_time() <= max.ref_time() / 20, "n = 256 epoch above 5 % of the block");
	assert!(large.all_lte(normal), "n = 4,096 epoch does not fit in one block");
}

mod gov_token {
	use super::*;
	use crate::{GovToken, RuntimeCall, RuntimeOrigin, Subnets, Yuma};
	use frame_support::{
		assert_ok,
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
			assert_eq!(
				pallet_gov_token::GenesisIssuance::<Runtime>::get(),
				Balances::total_issuance()
			);
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

	/// Dev contributors start with earned credits backed in the vault; an airdrop splits by
	/// them and the credits invariants hold.
	#[test]
	fn dev_airdrop_claims_by_genesis_earnings() {
		ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			assert_ok!(crate::Credits::do_try_state());
			assert_ok!(GovToken::launch(RuntimeOrigin::root()));
			assert_ok!(GovToken::start_airdrop(RuntimeOrigin::root(), 1_000 * gov::UNIT));
			let ferdie = Sr25519Keyring::Ferdie.to_account_id();
			let before = Balances::free_balance(&ferdie);
			assert_ok!(GovToken::claim_airdrop(RuntimeOrigin::signed(ferdie.clone())));
			assert_eq!(Balances::free_balance(&ferdie), before + 250 * gov::UNIT);
			assert_ok!(GovToken::do_try_state());
		});
	}

	/// A Yuma registration burn is recorded as burned: the invariant still holds. The
	/// balances pallet's `burn` call is filtered out.
	#[test]
	fn burns_go_through_the_pallet() {
		ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			assert_ok!(Subnets::register_network(RuntimeOrigin::signed(alice())));
			let before = Balances::total_issuance();
			assert_ok!(Yuma::register(RuntimeOrigin::signed(alice()), 0, alice()));
			assert_eq!(
				pallet_gov_token::Burned::<Runtime>::get(),
				before - Balances::total_issuance()
			);
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
			// 500 USD at $1 per GOV, less the 0.3 % fee and ≈ 0.5 % price impact.
			assert!(burned > 490 * gov::UNIT && burned < 500 * gov::UNIT, "burned {burned}");
			assert_eq!(Balances::total_issuance(), before - burned);
			assert_ok!(GovToken::do_try_state());
		});
	}
}

/// The subnets pallet against the real credits, yuma and gov-token pallets.
pub(crate) mod subnets {
	use super::*;
	use crate::{dynamic_params, Credits, GovToken, Governance, RuntimeOrigin, Subnets, Yuma};
	use frame_support::{assert_ok, traits::OnInitialize, BoundedVec};
	use sp_runtime::Perbill;
	use tandem_primitives::{credit, gov};

	pub(crate) fn key(k: Sr25519Keyring) -> AccountId {
		k.to_account_id()
	}

	/// Runs every pallet's `on_initialize` up to block `n` (scheduler, referenda alarms, the
	/// emission and epoch hooks).
	pub(crate) fn run_to(n: u32) {
		while System::block_number() < n {
			let b = System::block_number() + 1;
			System::set_block_number(b);
			crate::AllPalletsWithSystem::on_initialize(b);
		}
	}

	/// Subnet 0 (owner Dave), validator Bob (100 GOV of alpha from Alice), miners Eve and
	/// Charlie; Ferdie buys and spends 1,000 credits on it; GOV launched; Tempo 5, no
	/// commit-reveal. Call [`pay_epoch`] next.
	pub(crate) struct EpochFixture {
		pub owner: AccountId,
		pub vali: AccountId,
		pub miners: [AccountId; 2],
	}

	pub(crate) fn epoch_fixture() -> EpochFixture {
		use dynamic_params::{yuma, RuntimeParameters};
		for p in [
			yuma::Parameters::Tempo(yuma::Tempo, Some(5)),
			yuma::Parameters::CommitReveal(yuma::CommitReveal, Some(false)),
			yuma::Parameters::WeightsRateLimit(yuma::WeightsRateLimit, Some(0)),
		] {
			assert_ok!(Governance::set_parameter(
				RuntimeOrigin::root(),
				RuntimeParameters::Yuma(p)
			));
		}
		let (owner, vali) = (key(Sr25519Keyring::Dave), key(Sr25519Keyring::Bob));
		let miners = [key(Sr25519Keyring::Eve), key(Sr25519Keyring::Charlie)];
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(owner.clone())));
		for who in [&vali, &miners[0], &miners[1]] {
			assert_ok!(Yuma::register(RuntimeOrigin::signed(who.clone()), 0, who.clone()));
		}
		assert_ok!(Subnets::add_stake(
			RuntimeOrigin::signed(alice()),
			vali.clone(),
			0,
			100 * gov::UNIT,
			u128::MAX,
			false
		));
		let user = key(Sr25519Keyring::Ferdie);
		assert_ok!(Credits::buy(
			RuntimeOrigin::signed(user.clone()),
			1_000 * credit::UNIT,
			u128::MAX
		));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(user), 0, 1_000 * credit::UNIT));
		assert_ok!(GovToken::launch(RuntimeOrigin::root()));
		EpochFixture { owner, vali, miners }
	}

	/// Runs to the next epoch of subnet 0 (the permit epoch), sets Bob's weights 3:1 on the
	/// miners, and runs the epoch after it, which pays the pool.
	pub(crate) fn pay_epoch(f: &EpochFixture) {
		let next = (System::block_number() / 5 + 1) * 5;
		run_to(next);
		assert_ok!(Yuma::set_weights(
			RuntimeOrigin::signed(f.vali.clone()),
			0,
			BoundedVec::truncate_from(vec![1, 2]),
			BoundedVec::truncate_from(vec![3, 1]),
			0
		));
		run_to(next + 5);
	}

	pub(crate) fn earned(who: &AccountId) -> u128 {
		pallet_credits::Accounts::<Runtime>::get(who).earned_total
	}

	pub(crate) fn all_invariants() {
		assert_ok!(Subnets::do_try_state());
		assert_ok!(Credits::do_try_state());
		assert_ok!(GovToken::do_try_state());
		assert_ok!(Yuma::do_try_state());
		assert_ok!(Governance::do_try_state());
	}

	/// A full epoch: a user's credits are paid to the miners by incentive and validators by
	/// dividends, the protocol fee's USD lands in the buyback pot, pending alpha is paid, and
	/// every pallet's invariants hold.
	#[test]
	fn epoch_pays_credits_and_alpha_through_the_real_pallets() {
		ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let f = epoch_fixture();
			let pot = crate::accounts::BuybackPotAccount::get();
			let pot_before = Assets::balance(USD_ASSET_ID, &pot);
			let before: Vec<u128> = f.miners.iter().map(earned).collect();
			pay_epoch(&f);
			let paid: Vec<u128> =
				f.miners.iter().zip(&before).map(|(m, b)| earned(m) - b).collect();
			// Pool 1,000 credits: 10 % protocol fee, 5 % owner, 15 % validators, 70 % miners 3:1.
			assert_eq!(paid[0] + paid[1], 700 * credit::UNIT);
			assert_eq!(paid[0], Perbill::from_percent(75).mul_floor(700 * credit::UNIT));
			assert_eq!(earned(&f.vali), 150 * credit::UNIT);
			// 100 protocol-fee credits at PayoutRate $0.027 moved from the vault to the pot.
			assert_eq!(Assets::balance(USD_ASSET_ID, &pot) - pot_before, 2_700_000);
			let s = pallet_subnets::Networks::<Runtime>::get(0).unwrap();
			assert!(s.alpha_outstanding > 100 * gov::UNIT / 2, "stake plus paid alpha");
			assert!(Subnets::position_alpha(&f.owner, &f.owner, 0) > 0, "the owner's alpha cut");
			all_invariants();
		});
	}
}
