//! Genesis presets: `development` (one authority, Alice), `development_fast` (the same with
//! 1-second slots, for end-to-end tests), `local_testnet` (Alice and Bob), and
//! [`production_genesis`], built from an allocation file by the node
//! (`--chain production:<file>`, `docs/launch.md`).
//!
//! Every preset's authorities are validators of `pallet-validators` with their Aura and GRANDPA
//! keys as session keys (`pallet-session`); consensus takes its first authorities from there.
//!
//! The test presets pre-fund the well-known dev accounts with GOV and USD, create the USD stable
//! as asset 1 (6 decimals, sufficient, so an account holding only USD is a valid account), seed
//! the USD/GOV pool and make Alice sudo. The production genesis does none of that.

use crate::{
	accounts::{
		AirdropReserveAccount, BuybackPotAccount, CreditsVaultAccount, EcosystemFundAccount,
		SubnetsPotAccount, TreasuryAccount,
	},
	configs::{ExistentialDeposit, UsdMinBalance},
	gov, usd, AccountId, Balance, BlockNumber, RuntimeGenesisConfig, SessionKeys, USD_ASSET_ID,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::Sr25519Keyring;
use tandem_primitives::{credit, time::DAYS};

/// GOV given to each pre-funded dev account.
pub const DEV_GOV_ENDOWMENT: Balance = 1_000_000 * gov::UNIT;
/// USD given to each pre-funded dev account.
pub const DEV_USD_ENDOWMENT: Balance = 1_000_000 * usd::UNIT;
/// USD the root account puts into the USD/GOV pool at genesis.
pub const GENESIS_POOL_USD: Balance = 100_000 * usd::UNIT;
/// GOV the root account puts into the USD/GOV pool at genesis ($1 per GOV).
pub const GENESIS_POOL_GOV: Balance = 100_000 * gov::UNIT;
/// GOV minted at genesis for the allocation below (the dev endowments come on top).
pub const GENESIS_ALLOCATION: Balance = 10_500_000 * gov::UNIT;
/// Team (30 %), vesting.
pub const TEAM_ALLOCATION: Balance = GENESIS_ALLOCATION / 100 * 30;
/// Investors (30 %), vesting.
pub const INVESTOR_ALLOCATION: Balance = GENESIS_ALLOCATION / 100 * 30;
/// Foundation treasury (20 %).
pub const TREASURY_ALLOCATION: Balance = GENESIS_ALLOCATION / 100 * 20;
/// Ecosystem fund (10 %).
pub const ECOSYSTEM_ALLOCATION: Balance = GENESIS_ALLOCATION / 100 * 10;
/// Contributor airdrop reserve (10 %).
pub const AIRDROP_ALLOCATION: Balance = GENESIS_ALLOCATION / 100 * 10;
/// Vesting cliff: nothing unlocks for a year (365 days of 6-second blocks).
pub const VESTING_CLIFF: BlockNumber = 365 * DAYS;
/// Then linear over four years.
pub const VESTING_LENGTH: BlockNumber = 4 * 365 * DAYS;
/// Earned credits Ferdie starts with on dev chains (Eve three times as many).
pub const DEV_EARNED_CREDITS: Balance = 100 * credit::UNIT;
/// Name, symbol and decimals of the USD stable.
pub const USD_NAME: &[u8] = b"US Dollar";
pub const USD_SYMBOL: &[u8] = b"USD";
/// The preset of `--chain dev-fast`: the development chain with short slots.
pub const DEV_FAST_PRESET: &str = "development_fast";
/// Slot duration of the `development_fast` preset, in milliseconds.
pub const FAST_SLOT_MILLIS: u64 = 1_000;

/// Blocks per session on the test presets with 6-second blocks (5 minutes): a validator added
/// by a referendum authors within 10 minutes. Production keeps `configs::SessionLength`.
pub const TEST_SESSION_LENGTH: BlockNumber = 50;
/// Blocks per session on the presets with [`FAST_SLOT_MILLIS`] slots (10 seconds).
pub const FAST_SESSION_LENGTH: BlockNumber = 10;

/// A validator at genesis: its account and its Aura and GRANDPA session keys.
pub type Authority = (AccountId, AuraId, GrandpaId);

/// The `validators` and `session` genesis of `authorities`: each is a validator from block 0,
/// its keys registered as session keys (consensus reads its first authorities from them).
fn validator_genesis(
	authorities: &[Authority],
	session_length: Option<BlockNumber>,
) -> (pallet_validators::GenesisConfig<crate::Runtime>, pallet_session::GenesisConfig<crate::Runtime>)
{
	let keys = authorities
		.iter()
		.map(|(account, aura, grandpa)| {
			(
				account.clone(),
				account.clone(),
				SessionKeys { aura: aura.clone(), grandpa: grandpa.clone() },
			)
		})
		.collect();
	(
		pallet_validators::GenesisConfig {
			validators: authorities.iter().map(|a| a.0.clone()).collect(),
			session_length,
		},
		pallet_session::GenesisConfig { keys, non_authority_keys: vec![] },
	)
}

/// Adds `amount` to `who`'s genesis balance (one entry per account, as balances requires).
fn endow(balances: &mut Vec<(AccountId, Balance)>, who: &AccountId, amount: Balance) {
	match balances.iter_mut().find(|(a, _)| a == who) {
		Some((_, b)) => *b = b.saturating_add(amount),
		None => balances.push((who.clone(), amount)),
	}
}

/// How fast a test preset runs.
#[derive(Clone, Copy)]
struct Pace {
	/// Fast track timings.
	fast_tracks: bool,
	/// Slot length in milliseconds (`None`: 6 seconds).
	slot_millis: Option<u64>,
	/// Blocks per session.
	session_length: BlockNumber,
}

/// 6-second blocks, production track timings: the local testnets.
const LOCAL_PACE: Pace =
	Pace { fast_tracks: false, slot_millis: None, session_length: TEST_SESSION_LENGTH };
/// 1-second blocks, fast tracks, 10-block sessions: the end-to-end tests' chains.
const FAST_PACE: Pace = Pace {
	fast_tracks: true,
	slot_millis: Some(FAST_SLOT_MILLIS),
	session_length: FAST_SESSION_LENGTH,
};

fn testnet_genesis(
	initial_authorities: Vec<Authority>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
	team: AccountId,
	investors: AccountId,
	pace: Pace,
) -> Value {
	let Pace { fast_tracks, slot_millis, session_length } = pace;
	let (validators, session) = validator_genesis(&initial_authorities, Some(session_length));
	let mut balances: Vec<(AccountId, Balance)> =
		endowed_accounts.iter().cloned().map(|k| (k, DEV_GOV_ENDOWMENT)).collect();
	// The genesis allocation (docs/gov-token.md). The treasury's share also means even the
	// first, smallest fee share is credited to it instead of being refused as dust.
	endow(&mut balances, &team, TEAM_ALLOCATION);
	endow(&mut balances, &investors, INVESTOR_ALLOCATION);
	endow(&mut balances, &TreasuryAccount::get(), TREASURY_ALLOCATION);
	endow(&mut balances, &EcosystemFundAccount::get(), ECOSYSTEM_ALLOCATION);
	endow(&mut balances, &AirdropReserveAccount::get(), AIRDROP_ALLOCATION);
	// The subnets pot holds the existential deposit, so pool reserves are exactly the rest.
	endow(&mut balances, &SubnetsPotAccount::get(), ExistentialDeposit::get());
	// Team and investor allocations vest: (who, begin, length, liquid part of the balance).
	let vesting: Vec<(AccountId, BlockNumber, BlockNumber, Balance)> =
		[(&team, TEAM_ALLOCATION), (&investors, INVESTOR_ALLOCATION)]
			.into_iter()
			.map(|(who, locked)| {
				let total = balances.iter().find(|(a, _)| a == who).map(|(_, b)| *b).unwrap_or(0);
				(who.clone(), VESTING_CLIFF, VESTING_LENGTH, total.saturating_sub(locked))
			})
			.collect();
	let mut usd_accounts: Vec<(u32, AccountId, Balance)> =
		endowed_accounts.iter().cloned().map(|k| (USD_ASSET_ID, k, DEV_USD_ENDOWMENT)).collect();
	usd_accounts.extend(protocol_usd_minimums());
	// Dev contributors start with earned credits (so the airdrop and cash-outs can be tried
	// before any subnet pays out), counted as airdrop basis, and are on the mesh roster; the
	// vault holds their backing at `PayoutRate`.
	let earners = vec![
		(Sr25519Keyring::Ferdie.to_account_id(), DEV_EARNED_CREDITS),
		(Sr25519Keyring::Eve.to_account_id(), 3 * DEV_EARNED_CREDITS),
	];
	let backing: Balance = earners
		.iter()
		.fold(0, |sum: Balance, (_, c)| sum.saturating_add(*c))
		.saturating_div(credit::UNIT)
		.saturating_mul(crate::dynamic_params::DEFAULT_PAYOUT_RATE);
	if let Some(vault) = usd_accounts.iter_mut().find(|(_, a, _)| *a == CreditsVaultAccount::get())
	{
		vault.2 = vault.2.saturating_add(backing);
	}

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig { balances },
		vesting: pallet_vesting::GenesisConfig { vesting },
		validators,
		session,
		assets: pallet_assets::GenesisConfig {
			// (id, owner, is_sufficient, min_balance)
			assets: vec![(USD_ASSET_ID, root.clone(), true, UsdMinBalance::get())],
			metadata: vec![(USD_ASSET_ID, USD_NAME.to_vec(), USD_SYMBOL.to_vec(), usd::DECIMALS)],
			accounts: usd_accounts,
			next_asset_id: Some(USD_ASSET_ID.saturating_add(1)),
		},
		// The dev fiat gateway: Alice may `issue` credits against (simulated) fiat receipts.
		credits: pallet_credits::GenesisConfig {
			issuers: vec![root.clone()],
			earners: earners.clone()
		},
		// The USD/GOV market: the root account seeds the pool at $1 per GOV.
		gov_token: pallet_gov_token::GenesisConfig {
			launched: false,
			pool: Some((root.clone(), GENESIS_POOL_USD, GENESIS_POOL_GOV)),
			roster: earners.iter().map(|(who, _)| who.clone()).collect::<Vec<_>>(),
		},
		// Fast track timings decide a referendum in about 25 blocks instead of days.
		governance: pallet_governance::GenesisConfig { fast_tracks, ..Default::default() },
		// Test chains only: a slot shorter than 6 seconds, fixed for the chain's life.
		block_time: crate::block_time::GenesisConfig { slot_millis, ..Default::default() },
		sudo: pallet_sudo::GenesisConfig { key: Some(root) },
	})
}

/// Pallet accounts that receive USD hold the asset's minimum from genesis, so no first small
/// deposit is refused as dust and none of them can be reaped.
fn protocol_usd_minimums() -> Vec<(u32, AccountId, Balance)> {
	[CreditsVaultAccount::get(), BuybackPotAccount::get(), TreasuryAccount::get()]
		.into_iter()
		.map(|a| (USD_ASSET_ID, a, UsdMinBalance::get()))
		.collect()
}

/// Share of the team's and the investors' allocations liquid at genesis on a production chain.
pub const LAUNCH_LIQUID_PERCENT: u8 = 5;

/// The liquid part of an allocation on a production chain: [`LAUNCH_LIQUID_PERCENT`].
pub fn launch_liquid(allocation: Balance) -> Balance {
	sp_runtime::Percent::from_percent(LAUNCH_LIQUID_PERCENT).mul_floor(allocation)
}

/// The production genesis: see `docs/launch.md`.
///
/// * GOV: exactly [`GENESIS_ALLOCATION`], split by the allocation table — team and investors
///   30 % each, vesting (the 1-year cliff, then 4 years linear) but for a liquid
///   [`LAUNCH_LIQUID_PERCENT`] that pays the first referendums' deposits, the treasury 20 %, the
///   ecosystem fund 10 %, the airdrop reserve 10 %. The subnets pot's existential deposit comes
///   out of the treasury's share. No other account holds GOV.
/// * No sudo key, the production track timings, 6-second blocks, one-hour sessions; the
///   authorities are the first validators.
/// * USD (asset 1, sufficient, 6 decimals) owned — owner, admin, issuer, freezer — by
///   `usd_admin` (on a real launch the keyless `UsdAdminAccount` of `crate::accounts`), with no
///   supply but the three protocol accounts' minimum balances (so their first small deposits
///   are not refused as dust).
/// * Credit issuers from the file; no earned credits, no mesh roster, no USD/GOV pool.
pub fn production_genesis(
	authorities: Vec<Authority>,
	team: AccountId,
	investors: AccountId,
	issuers: Vec<AccountId>,
	usd_admin: AccountId,
) -> Value {
	let ed = ExistentialDeposit::get();
	let (validators, session) = validator_genesis(&authorities, None);
	let balances = vec![
		(team.clone(), TEAM_ALLOCATION),
		(investors.clone(), INVESTOR_ALLOCATION),
		(TreasuryAccount::get(), TREASURY_ALLOCATION.saturating_sub(ed)),
		(EcosystemFundAccount::get(), ECOSYSTEM_ALLOCATION),
		(AirdropReserveAccount::get(), AIRDROP_ALLOCATION),
		(SubnetsPotAccount::get(), ed),
	];
	// The liquid tranches are the launch's working capital: they pay the first referendums'
	// deposits and fees (no other account with a key holds GOV at genesis).
	let vesting: Vec<(AccountId, BlockNumber, BlockNumber, Balance)> = vec![
		(team, VESTING_CLIFF, VESTING_LENGTH, launch_liquid(TEAM_ALLOCATION)),
		(investors, VESTING_CLIFF, VESTING_LENGTH, launch_liquid(INVESTOR_ALLOCATION)),
	];
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig { balances },
		vesting: pallet_vesting::GenesisConfig { vesting },
		validators,
		session,
		assets: pallet_assets::GenesisConfig {
			assets: vec![(USD_ASSET_ID, usd_admin, true, UsdMinBalance::get())],
			metadata: vec![(USD_ASSET_ID, USD_NAME.to_vec(), USD_SYMBOL.to_vec(), usd::DECIMALS)],
			accounts: protocol_usd_minimums(),
			next_asset_id: Some(USD_ASSET_ID.saturating_add(1)),
		},
		credits: pallet_credits::GenesisConfig { issuers },
	})
}

/// Why an allocation cannot make a production genesis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocationError {
	/// No authority: nobody could author a block.
	NoAuthorities,
	/// The same account, Aura key or GRANDPA key twice.
	DuplicateAuthority,
	/// `usd_admin` is not the keyless governance account (`crate::accounts::UsdAdminAccount`):
	/// the USD asset's roles would sit with whoever holds that key.
	UsdAdminNotGovernance,
}

/// Checks an allocation before [`production_genesis`] builds it.
pub fn check_allocation(
	authorities: &[Authority],
	usd_admin: &AccountId,
) -> Result<(), AllocationError> {
	if authorities.is_empty() {
		return Err(AllocationError::NoAuthorities);
	}
	for (i, (account, aura, grandpa)) in authorities.iter().enumerate() {
		if authorities
			.iter()
			.skip(i.saturating_add(1))
			.any(|(c, a, g)| c == account || a == aura || g == grandpa)
		{
			return Err(AllocationError::DuplicateAuthority);
		}
	}
	if *usd_admin != crate::accounts::UsdAdminAccount::get() {
		return Err(AllocationError::UsdAdminNotGovernance);
	}
	Ok(())
}

/// The account and Aura and GRANDPA keys of one of [`DEV_VALIDATORS`].
pub(crate) fn authority(k: Sr25519Keyring) -> Authority {
	let grandpa = match k {
		Sr25519Keyring::Alice => sp_keyring::Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => sp_keyring::Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => sp_keyring::Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => sp_keyring::Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => sp_keyring::Ed25519Keyring::Eve,
		_ => sp_keyring::Ed25519Keyring::Ferdie,
	};
	(k.to_account_id(), k.public().into(), grandpa.public().into())
}

/// The development chain: Alice authors and finalizes alone; governance uses the fast tracks.
pub fn development_config_genesis() -> Value {
	development_genesis(Pace {
		fast_tracks: true,
		slot_millis: None,
		session_length: TEST_SESSION_LENGTH,
	})
}

/// The development chain with [`FAST_SLOT_MILLIS`] slots: end-to-end tests that wait on
/// blocks, not on time, run on it.
pub fn development_fast_config_genesis() -> Value {
	development_genesis(FAST_PACE)
}

fn development_genesis(pace: Pace) -> Value {
	testnet_genesis(
		vec![authority(Sr25519Keyring::Alice)],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::One.to_account_id(),
		Sr25519Keyring::Two.to_account_id(),
		pace,
	)
}

/// The local testnet: Alice and Bob author and both must vote for finality; governance uses
/// the production track timings.
pub fn local_config_genesis() -> Value {
	local_testnet_genesis(2, false)
}

/// The dev keys that can validate: each has an ed25519 twin for GRANDPA ([`authority`]).
pub const DEV_VALIDATORS: [Sr25519Keyring; 6] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
];

/// Most validators a local testnet may have: every one of [`DEV_VALIDATORS`].
pub const MAX_LOCAL_VALIDATORS: usize = DEV_VALIDATORS.len();

/// A local testnet of `validators` dev authorities (Alice, Bob, Charlie, … up to
/// [`MAX_LOCAL_VALIDATORS`]; at least one), each authoring in turn and voting for finality:
/// `--chain local-N` and `scripts/local-testnet.sh N`. Otherwise the `local_testnet` preset.
/// `fast` (`--chain local-N-fast`): 1-second blocks, fast tracks and 10-block sessions, for
/// tests that change the validator set by referendum.
pub fn local_testnet_genesis(validators: usize, fast: bool) -> Value {
	testnet_genesis(
		DEV_VALIDATORS
			.into_iter()
			.take(validators.clamp(1, MAX_LOCAL_VALIDATORS))
			.map(authority)
			.collect(),
		Sr25519Keyring::iter()
			.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
			.map(|k| k.to_account_id())
			.collect(),
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::One.to_account_id(),
		Sr25519Keyring::Two.to_account_id(),
		if fast { FAST_PACE } else { LOCAL_PACE },
	)
}

/// The preset with the given id, if any.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		DEV_FAST_PRESET => development_fast_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|s| s.into_bytes())
}

/// The ids of the available presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(DEV_FAST_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
