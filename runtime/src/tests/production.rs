//! The production genesis: the exact supply, no sudo, production tracks, USD held by
//! governance; it authors blocks and keeps every invariant. Bad allocations are refused.

use super::{
	ext_from_patch,
	subnets::{all_invariants, run_to},
};
use crate::{
	accounts::{TreasuryAccount, UsdAdminAccount},
	genesis_config_presets::{
		authority, check_allocation, launch_liquid, production_genesis, AllocationError, Authority,
		GENESIS_ALLOCATION, TEAM_ALLOCATION,
	},
	AccountId, Balances, Runtime, USD_ASSET_ID,
};
use frame_support::traits::fungible::Inspect;
use sp_keyring::Sr25519Keyring;

fn authorities() -> Vec<Authority> {
	vec![authority(Sr25519Keyring::Alice), authority(Sr25519Keyring::Bob)]
}

fn team() -> AccountId {
	Sr25519Keyring::One.to_account_id()
}

fn investors() -> AccountId {
	Sr25519Keyring::Two.to_account_id()
}

fn issuers() -> Vec<AccountId> {
	vec![Sr25519Keyring::Ferdie.to_account_id()]
}

fn production() -> sp_io::TestExternalities {
	ext_from_patch(production_genesis(
		authorities(),
		team(),
		investors(),
		issuers(),
		UsdAdminAccount::get(),
	))
}

#[test]
fn the_production_genesis_mints_the_supply_and_gives_no_one_the_keys() {
	production().execute_with(|| {
		assert_eq!(Balances::total_issuance(), GENESIS_ALLOCATION, "exactly the genesis supply");
		assert_eq!(Balances::balance(&team()), TEAM_ALLOCATION);
		let vesting = TEAM_ALLOCATION - launch_liquid(TEAM_ALLOCATION);
		assert_eq!(crate::governance::votable::VotableGov::unvested(&team()), vesting);
		assert_eq!(crate::governance::votable::VotableGov::unvested(&investors()), vesting);
		assert!(Balances::balance(&TreasuryAccount::get()) > 0);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None, "no sudo");
		assert!(!pallet_governance::FastTracks::<Runtime>::get(), "production tracks");
		assert_eq!(crate::block_time::SlotMillis::<Runtime>::get(), None, "6-second blocks");
		let usd = pallet_assets::Asset::<Runtime>::get(USD_ASSET_ID).expect("USD exists");
		for role in [&usd.owner, &usd.admin, &usd.issuer, &usd.freezer] {
			assert_eq!(role, &UsdAdminAccount::get());
		}
		assert_eq!(usd.supply, 3 * crate::configs::UsdMinBalance::get(), "the protocol minimums");
		assert!(pallet_credits::Issuers::<Runtime>::contains_key(&issuers()[0]));
		assert_eq!(
			crate::AssetConversion::get_reserves(
				crate::configs::UsdKind::get(),
				crate::configs::NativeKind::get()
			)
			.ok(),
			None,
			"no pool at genesis"
		);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 2);
		assert_eq!(
			pallet_validators::Validators::<Runtime>::get().into_inner(),
			authorities().into_iter().map(|a| a.0).collect::<Vec<_>>()
		);
		assert_eq!(
			pallet_validators::SessionLength::<Runtime>::get(),
			crate::configs::validators::SessionLength::get(),
			"one-hour sessions"
		);
		// Blocks run and every invariant holds.
		run_to(20);
		all_invariants();
		// Governance can start from block 1: the team's liquid tranche pays a root
		// referendum's deposits (and fees), and only that tranche votes.
		let call = crate::RuntimeCall::GovToken(pallet_gov_token::Call::launch {});
		let bytes = codec::Encode::encode(&call);
		let hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&bytes);
		let signed = || crate::RuntimeOrigin::signed(team());
		frame_support::assert_ok!(crate::Preimage::note_preimage(signed(), bytes.clone()));
		frame_support::assert_ok!(crate::Referenda::submit(
			signed(),
			Box::new(crate::OriginCaller::system(frame_system::RawOrigin::Root)),
			frame_support::traits::Bounded::Lookup { hash, len: bytes.len() as u32 },
			frame_support::traits::schedule::DispatchTime::After(1),
		));
		frame_support::assert_ok!(crate::Referenda::place_decision_deposit(signed(), 0));
		let vote = |balance| {
			crate::ConvictionVoting::vote(
				signed(),
				0,
				pallet_conviction_voting::AccountVote::Standard {
					vote: pallet_conviction_voting::Vote {
						aye: true,
						conviction: pallet_conviction_voting::Conviction::None,
					},
					balance,
				},
			)
		};
		frame_support::assert_noop!(
			vote(launch_liquid(TEAM_ALLOCATION) + 1),
			pallet_conviction_voting::Error::<Runtime>::InsufficientFunds
		);
		frame_support::assert_ok!(vote(launch_liquid(TEAM_ALLOCATION)));
	});
}

/// The example allocation file's `usdAdmin` is the keyless governance account.
#[test]
fn the_example_files_usd_admin_is_the_governance_account() {
	use sp_core::crypto::Ss58Codec;
	let file: serde_json::Value =
		serde_json::from_str(include_str!("../../../node/res/allocation.example.json")).unwrap();
	let admin = AccountId::from_ss58check(file["usdAdmin"].as_str().unwrap()).unwrap();
	assert_eq!(admin, UsdAdminAccount::get());
}

#[test]
fn a_bad_allocation_is_refused() {
	let admin = UsdAdminAccount::get();
	assert_eq!(check_allocation(&authorities(), &admin), Ok(()));
	assert_eq!(check_allocation(&[], &admin), Err(AllocationError::NoAuthorities));
	let twice = [authorities()[0].clone(), authorities()[0].clone()];
	assert_eq!(check_allocation(&twice, &admin), Err(AllocationError::DuplicateAuthority));
	// Two validators on one account: distinct keys do not make them two.
	let (alice, bob) = (authorities()[0].clone(), authorities()[1].clone());
	let shared = [alice.clone(), (alice.0, bob.1, bob.2)];
	assert_eq!(check_allocation(&shared, &admin), Err(AllocationError::DuplicateAuthority));
	for key in [team(), investors(), issuers()[0].clone(), Sr25519Keyring::Bob.to_account_id()] {
		assert_eq!(
			check_allocation(&authorities(), &key),
			Err(AllocationError::UsdAdminNotGovernance)
		);
	}
}
