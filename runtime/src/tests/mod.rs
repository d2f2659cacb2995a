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
	fungible::Inspect,
	fungibles::{metadata::Inspect as MetadataInspect, Inspect as FungiblesInspect},
	OnUnbalanced, PalletInfoAccess,
};
use frame_support::{assert_noop, assert_ok};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Hash as _, BuildStorage, Digest, DigestItem};

/// State built from a genesis preset, exactly as the node builds it.
pub(crate) fn ext_from_preset(id: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&id.into()).expect("preset exists");
	ext_from_patch(serde_json::from_slice(&patch).unwrap())
}

/// State built from a genesis patch over the default config, as the node builds it.
pub(crate) fn ext_from_patch(patch: serde_json::Value) -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
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

/// Registers `hotkey`'s account on `netuid` under `coldkey`, the hotkey signing its ownership
/// proof (the raw message, as polkadot.js's keyring `sign` does).
pub(crate) fn register_hotkey(
	coldkey: &AccountId,
	netuid: tandem_primitives::NetUid,
	hotkey: &sp_core::sr25519::Pair,
) -> sp_runtime::DispatchResult {
	use sp_core::Pair as _;
	let signature = hotkey.sign(&crate::Yuma::hotkey_message(coldkey, netuid));
	crate::Yuma::register(
		crate::RuntimeOrigin::signed(coldkey.clone()),
		netuid,
		AccountId::from(hotkey.public()),
		signature.into(),
	)
}

/// The proof's two accepted forms with real sr25519 keys: a keyring signs the raw message, a
/// browser extension's `signRaw` the `<Bytes>`-wrapped one. A signature by the coldkey, or one
/// over another coldkey's message, is refused.
#[test]
fn hotkey_proof_from_a_keyring_or_an_extension() {
	use sp_core::Pair as _;
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let bad = || pallet_yuma::Error::<Runtime>::BadHotkeySignature;
		assert_ok!(crate::Subnets::register_network(
			crate::RuntimeOrigin::signed(alice()),
			u128::MAX
		));
		let (bob, hotkey) = (Sr25519Keyring::Bob, Sr25519Keyring::Eve);
		let register = |netuid, signature: sp_core::sr25519::Signature| {
			crate::Yuma::register(
				crate::RuntimeOrigin::signed(bob.to_account_id()),
				netuid,
				hotkey.to_account_id(),
				signature.into(),
			)
		};
		let message = crate::Yuma::hotkey_message(&bob.to_account_id(), 0);
		let other = crate::Yuma::hotkey_message(&alice(), 0);
		assert_noop!(register(0, bob.pair().sign(&message)), bad());
		assert_noop!(register(0, hotkey.pair().sign(&other)), bad());
		assert_ok!(register(0, hotkey.pair().sign(&message)));
		assert_ok!(crate::Subnets::register_network(
			crate::RuntimeOrigin::signed(alice()),
			u128::MAX
		));
		let wrapped =
			pallet_yuma::bytes_wrapped(&crate::Yuma::hotkey_message(&bob.to_account_id(), 1));
		assert_ok!(register(1, hotkey.pair().sign(&wrapped)));
		assert_ok!(crate::Yuma::do_try_state());
	});
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

/// Newly issued GOV, as the fee handler receives it.
fn gov_credit(amount: crate::Balance) -> crate::fees::FeeCredit {
	<crate::configs::NativeAndAssets as frame_support::traits::fungibles::Balanced<AccountId>>::issue(
		crate::configs::NativeKind::get(),
		amount,
	)
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

		let fee = gov_credit(1_000_000);
		let tip = gov_credit(7);
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
		let fee = gov_credit(1_000);
		DealWithFees::on_unbalanceds([fee].into_iter());
		assert_eq!(Balances::balance(&crate::accounts::TreasuryAccount::get()) - before, 1_000);
	});
}

/// Every Tandem pallet declares a storage version and genesis writes it; the runtime's
/// `Migrations` do nothing on a current chain and migrate a pallet found at an older version.
#[test]
fn storage_versions_and_the_migrations() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	fn current<P: GetStorageVersion<InCodeStorageVersion = StorageVersion>>() -> bool {
		P::on_chain_storage_version() == P::in_code_storage_version()
			&& P::in_code_storage_version() > StorageVersion::new(0)
	}
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert!(current::<crate::Credits>());
		assert!(current::<crate::Yuma>());
		assert!(current::<crate::GovToken>());
		assert!(current::<crate::Subnets>());
		assert!(current::<crate::Governance>());
		assert!(current::<crate::BlockTime>());
		// A neuron registered, then the chain as a v1 yuma left it: no hotkey binding.
		use sp_core::Pair as _;
		assert_ok!(crate::Subnets::register_network(
			crate::RuntimeOrigin::signed(alice()),
			u128::MAX
		));
		let hotkey = sp_core::sr25519::Pair::from_string("//MigratedHotkey", None).unwrap();
		assert_ok!(register_hotkey(&alice(), 0, &hotkey));
		let hotkey = AccountId::from(hotkey.public());
		// Current: nothing to do.
		crate::Migrations::on_runtime_upgrade();
		assert_eq!(pallet_yuma::HotkeyOwner::<Runtime>::get(&hotkey), Some(alice()));
		pallet_yuma::HotkeyOwner::<Runtime>::remove(&hotkey);
		StorageVersion::new(1).put::<crate::Yuma>();
		crate::Migrations::on_runtime_upgrade();
		assert_eq!(pallet_yuma::HotkeyOwner::<Runtime>::get(&hotkey), Some(alice()));
		assert!(current::<crate::Yuma>());
		subnets::all_invariants();
	});
}

#[test]
fn default_genesis_builds() {
	// The empty config must build too (chain-spec tooling starts from it).
	let _ = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
}

/// Governance may set `MaxAllowedUids` and `MaxValidators` anywhere up to `MAX_UIDS`: the
/// heaviest legal case — `MaxEpochsPerBlock` epochs in one block, each over `MAX_UIDS` uids, all
/// of them validators weighting every other uid, scores and payout — fits a quarter of the
/// block; twice the uids would not. Prints the default case's share too.
#[test]
fn the_heaviest_legal_epochs_fit_a_quarter_of_the_block() {
	// The payout's weight reads `MinerAlphaShare` (zero in the dev preset, as by default).
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use crate::limits::{MaxEpochsPerBlock, MAX_UIDS};
		use pallet_yuma::EpochStats;
		let max = crate::limits::RuntimeBlockWeights::get().max_block;
		let epoch = |n: u16, v: u16| {
			let stats = EpochStats {
				neurons: n,
				validators: v,
				weights: u32::from(v) * u32::from(n - 1),
				consensus: true,
			};
			stats.weight::<Runtime>().saturating_add(
				pallet_subnets::Pallet::<Runtime>::payout_weight(u32::from(n), u32::from(v)),
			)
		};
		let pct =
			|w: frame_support::weights::Weight| w.ref_time() as f64 * 100.0 / max.ref_time() as f64;
		let heaviest =
			epoch(MAX_UIDS, MAX_UIDS).saturating_mul(u64::from(MaxEpochsPerBlock::get()));
		let default = epoch(256, 64);
		let double =
			epoch(2 * MAX_UIDS, 2 * MAX_UIDS).saturating_mul(u64::from(MaxEpochsPerBlock::get()));
		println!(
			"epoch n=256 v=64 dense: {:.1} ms = {:.2} % of the block; {} epochs at n=v={MAX_UIDS}: \
			 {:.1} % (at n=v={}: {:.1} %)",
			default.ref_time() as f64 / 1e9,
			pct(default),
			MaxEpochsPerBlock::get(),
			pct(heaviest),
			2 * MAX_UIDS,
			pct(double),
		);
		let quarter = frame_support::weights::Weight::from_parts(max.ref_time() / 4, u64::MAX);
		assert!(
			heaviest.all_lte(quarter),
			"the heaviest legal epochs exceed a quarter of the block"
		);
		assert!(!double.all_lte(quarter), "MAX_UIDS could be higher: twice it still fits");
		// Governance may pay miners alpha too; then every uid may take the full payout path,
		// which is never heavier than the bound above.
		use crate::dynamic_params::{subnets, RuntimeParameters};
		frame_support::assert_ok!(crate::Governance::set_parameter(
			crate::RuntimeOrigin::root(),
			RuntimeParameters::Subnets(subnets::Parameters::MinerAlphaShare(
				subnets::MinerAlphaShare,
				Some(sp_runtime::Perbill::from_percent(41)),
			)),
		));
		let paid_miners = epoch(256, 64);
		println!("with miners paid alpha: {:.2} % of the block", pct(paid_miners));
		let heaviest_paid =
			epoch(MAX_UIDS, MAX_UIDS).saturating_mul(u64::from(MaxEpochsPerBlock::get()));
		assert!(heaviest_paid.all_lte(quarter), "the heaviest legal epochs exceed a quarter");
	});
}

mod credits;
mod economy;
mod fees;
mod fuzz;
mod gov_token;
mod production;
mod simulator;
pub(crate) mod subnets;
