//! Whole referenda on the real runtime (dev genesis, so the fast track timings): submit, decision
//! deposit, conviction votes, confirmation, enactment through the scheduler.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

use super::track;
use crate::{
	dynamic_params::{credits, RuntimeParameters},
	tests::{
		alice, ext_from_preset,
		subnets::{all_invariants, earned, epoch_fixture, key, pay_epoch, run_to},
	},
	AccountId, Assets, Balances, ConvictionVoting, Governance, OriginCaller, Preimage, Referenda,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, USD_ASSET_ID,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Inspect, fungible::NativeOrWithId, Bounded, Get, LockIdentifier},
};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_governance::Origin as Track;
use pallet_referenda::ReferendumInfo;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _},
	DispatchError, Perbill,
};
use tandem_primitives::{credit, gov};

const VOTE: u128 = 950_000 * gov::UNIT;
const CONVICTION_LOCK: LockIdentifier = *b"pyconvot";

/// Four dev holders whose GOV together is over every track's highest support threshold.
fn voters() -> [AccountId; 4] {
	[
		key(Sr25519Keyring::AliceStash),
		key(Sr25519Keyring::BobStash),
		key(Sr25519Keyring::CharlieStash),
		key(Sr25519Keyring::DaveStash),
	]
}

fn dev() -> sp_io::TestExternalities {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET)
}

fn set_param(p: RuntimeParameters) -> RuntimeCall {
	RuntimeCall::Governance(pallet_governance::Call::set_parameter { parameter: p })
}

fn protocol_fee(p: u32) -> RuntimeCall {
	set_param(RuntimeParameters::Credits(credits::Parameters::ProtocolFee(
		credits::ProtocolFee,
		Some(Perbill::from_percent(p)),
	)))
}

/// A treasury spend of `amount` GOV (from the ecosystem fund).
fn spend(to: &AccountId, amount: u128) -> RuntimeCall {
	spend_in(NativeOrWithId::Native, to, amount)
}

fn spend_in(asset: NativeOrWithId<u32>, to: &AccountId, amount: u128) -> RuntimeCall {
	RuntimeCall::Treasury(pallet_treasury::Call::spend {
		asset_kind: Box::new(asset),
		amount,
		beneficiary: Box::new(to.clone()),
		valid_from: None,
	})
}

fn slash(who: &AccountId, credits: u128) -> RuntimeCall {
	RuntimeCall::Credits(pallet_credits::Call::slash {
		who: who.clone(),
		credits,
		reason: b"served garbage".to_vec(),
	})
}

/// Alice notes the call's preimage, submits it on `origin`'s track and places the decision
/// deposit; returns the referendum index.
fn submit(origin: OriginCaller, call: RuntimeCall) -> u32 {
	let bytes = call.encode();
	let hash = BlakeTwo256::hash(&bytes);
	// The same call proposed again reuses its noted preimage.
	if !pallet_preimage::RequestStatusFor::<Runtime>::contains_key(hash) {
		assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(alice()), bytes.clone()));
	}
	let index = pallet_referenda::ReferendumCount::<Runtime>::get();
	assert_ok!(Referenda::submit(
		RuntimeOrigin::signed(alice()),
		Box::new(origin),
		Bounded::Lookup { hash, len: bytes.len() as u32 },
		frame_support::traits::schedule::DispatchTime::After(1),
	));
	assert_ok!(Referenda::place_decision_deposit(RuntimeOrigin::signed(alice()), index));
	index
}

fn vote(who: &AccountId, index: u32, aye: bool, conviction: Conviction, balance: u128) {
	assert_ok!(ConvictionVoting::vote(
		RuntimeOrigin::signed(who.clone()),
		index,
		AccountVote::Standard { vote: Vote { aye, conviction }, balance },
	));
}

fn all_vote(index: u32, aye: bool) {
	for v in voters() {
		vote(&v, index, aye, Conviction::Locked1x, VOTE);
	}
}

/// A referendum's stored state on this runtime.
type Info = ReferendumInfo<
	u16,
	OriginCaller,
	u32,
	Bounded<RuntimeCall, BlakeTwo256>,
	u128,
	pallet_conviction_voting::TallyOf<Runtime>,
	AccountId,
	(u32, u32),
>;

fn info(index: u32) -> Info {
	pallet_referenda::ReferendumInfoFor::<Runtime>::get(index).expect("referendum exists")
}

/// Runs blocks until the referendum is decided (at most `limit` blocks); `Some(block)` when
/// approved, `None` when rejected or timed out.
fn decide(index: u32, limit: u32) -> Option<u32> {
	let start = System::block_number();
	while System::block_number() < start + limit {
		run_to(System::block_number() + 1);
		match info(index) {
			ReferendumInfo::Ongoing(_) => continue,
			ReferendumInfo::Approved(when, ..) => return Some(when),
			_ => return None,
		}
	}
	panic!("referendum {index} undecided after {limit} blocks");
}

/// What enacted proposals returned since the events were last cleared (enactments are the
/// named scheduler tasks; referenda's own alarms are anonymous).
fn dispatched() -> Vec<Result<(), DispatchError>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched {
				id: Some(_),
				result,
				..
			}) => Some(result),
			_ => None,
		})
		.collect()
}

/// Decides and enacts a referendum everyone votes aye on; returns what the call returned.
fn pass_and_enact(index: u32) -> Result<(), DispatchError> {
	all_vote(index, true);
	System::reset_events();
	let approved = decide(index, 30).expect("approved");
	run_to(approved + 2);
	let results = dispatched();
	assert_eq!(results.len(), 1, "exactly the proposal was dispatched");
	results[0]
}

fn module_error(e: pallet_governance::Error<Runtime>) -> DispatchError {
	sp_runtime::DispatchError::from(e)
}

#[test]
fn dev_chain_uses_fast_tracks_and_production_the_long_ones() {
	use pallet_referenda::TracksInfo;
	dev().execute_with(|| {
		let t = super::tracks::Tracks::info(track::PARAMETERS).unwrap();
		assert_eq!((t.prepare_period, t.decision_period, t.confirm_period), (1, 20, 2));
	});
	ext_from_preset(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let t = super::tracks::Tracks::info(track::PARAMETERS).unwrap();
		assert_eq!(t.decision_period, 7 * tandem_primitives::time::DAYS);
		let root = super::tracks::Tracks::info(track::ROOT).unwrap();
		assert_eq!(root.max_deciding, 1);
		assert_eq!(super::VoteLockingPeriod::get(), 7 * tandem_primitives::time::DAYS);
		assert_eq!(super::UndecidingTimeout::get(), 14 * tandem_primitives::time::DAYS);
	});
	// Each track's origin maps to its own track, and signed origins to none.
	use super::tracks::Tracks;
	assert_eq!(Tracks::track_for(&OriginCaller::Governance(Track::Slasher)), Ok(track::SLASHER));
	assert_eq!(
		Tracks::track_for(&OriginCaller::Governance(Track::Emergency)),
		Ok(track::EMERGENCY)
	);
	assert_eq!(
		Tracks::track_for(&OriginCaller::Governance(Track::ParameterAdmin)),
		Ok(track::PARAMETERS)
	);
	assert_eq!(
		Tracks::track_for(&OriginCaller::system(frame_system::RawOrigin::Signed(alice()))),
		Err(())
	);
}

/// A `parameters` referendum raises `ProtocolFee` to 20 %, and the next epoch burns 20 % of
/// the pool: 200 credits' backing reaches the buyback pot and the miners share 600.
#[test]
fn parameters_referendum_changes_protocol_fee_used_by_the_next_epoch() {
	dev().execute_with(|| {
		let index = submit(OriginCaller::Governance(Track::ParameterAdmin), protocol_fee(20));
		assert_eq!(pass_and_enact(index), Ok(()));
		assert_eq!(credits::ProtocolFee::get(), Perbill::from_percent(20));

		let f = epoch_fixture();
		let pot = crate::accounts::BuybackPotAccount::get();
		let pot_before = Assets::balance(USD_ASSET_ID, &pot);
		let before: u128 = f.miners.iter().map(earned).sum();
		pay_epoch(&f);
		let paid: u128 = f.miners.iter().map(earned).sum::<u128>() - before;
		// 1,000 credits: 20 % fee, 5 % owner, 15 % validators, 60 % miners.
		assert_eq!(paid, 600 * credit::UNIT);
		assert_eq!(earned(&f.vali), 150 * credit::UNIT);
		// 200 fee credits × $0.027.
		assert_eq!(Assets::balance(USD_ASSET_ID, &pot) - pot_before, 5_400_000);
		all_invariants();
	});
}

/// The `parameters` track enacts, but its origin opens neither a treasury spend nor a slash:
/// both dispatches fail with `BadOrigin` and nothing moves.
#[test]
fn parameters_track_cannot_spend_or_slash() {
	dev().execute_with(|| {
		let eve = key(Sr25519Keyring::Eve);
		let credits_before = pallet_credits::Accounts::<Runtime>::get(&eve).free;
		assert!(credits_before > 0, "Eve has earned credits at genesis");
		for call in [spend(&eve, 1_000 * gov::UNIT), slash(&eve, credit::UNIT)] {
			let index = submit(OriginCaller::Governance(Track::ParameterAdmin), call);
			assert_eq!(pass_and_enact(index), Err(DispatchError::BadOrigin));
		}
		assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 0);
		assert_eq!(pallet_credits::Accounts::<Runtime>::get(&eve).free, credits_before);
		// The treasurer track is where spends pass.
		let index =
			submit(OriginCaller::Governance(Track::Treasurer), spend(&eve, 2_000 * gov::UNIT));
		assert_eq!(pass_and_enact(index), Ok(()));
		assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 1);
		all_invariants();
	});
}

/// A `slasher` referendum slashes a miner's credits within `MaxCreditSlash` (50 % of free);
/// one asking for more enacts but the slash is refused.
#[test]
fn slasher_referendum_slashes_miner_credits_within_the_bound() {
	dev().execute_with(|| {
		let eve = key(Sr25519Keyring::Eve);
		let free = pallet_credits::Accounts::<Runtime>::get(&eve).free;
		assert_eq!(free, 300 * credit::UNIT);
		let treasury = crate::accounts::TreasuryAccount::get();
		let usd_before = Assets::balance(USD_ASSET_ID, &treasury);

		let too_much = submit(OriginCaller::Governance(Track::Slasher), slash(&eve, free / 2 + 1));
		assert_eq!(
			pass_and_enact(too_much),
			Err(pallet_credits::Error::<Runtime>::SlashAboveBound.into())
		);
		assert_eq!(pallet_credits::Accounts::<Runtime>::get(&eve).free, free);

		let index =
			submit(OriginCaller::Governance(Track::Slasher), slash(&eve, 100 * credit::UNIT));
		assert_eq!(pass_and_enact(index), Ok(()));
		assert_eq!(pallet_credits::Accounts::<Runtime>::get(&eve).free, 200 * credit::UNIT);
		// The slashed credits' backing (100 × $0.027) went to the treasury.
		assert_eq!(Assets::balance(USD_ASSET_ID, &treasury) - usd_before, 2_700_000);
		all_invariants();
	});
}

/// Out-of-range values are refused — by a passed referendum, by root, and `pallet-parameters`
/// cannot be used to get around the bounds.
#[test]
fn out_of_bounds_parameter_is_refused() {
	dev().execute_with(|| {
		let index = submit(OriginCaller::Governance(Track::ParameterAdmin), protocol_fee(60));
		assert_eq!(
			pass_and_enact(index),
			Err(module_error(pallet_governance::Error::AboveMaximum))
		);
		assert_eq!(credits::ProtocolFee::get(), Perbill::from_percent(10));

		let price = |v| {
			RuntimeParameters::Credits(credits::Parameters::CreditPrice(
				credits::CreditPrice,
				Some(v),
			))
		};
		assert_noop!(
			Governance::set_parameter(RuntimeOrigin::root(), price(20_000_000)),
			pallet_governance::Error::<Runtime>::AboveMaximum
		);
		// Under the payout rate ($0.027): cash-outs would pay more than credits cost.
		assert_noop!(
			Governance::set_parameter(RuntimeOrigin::root(), price(20_000)),
			pallet_governance::Error::<Runtime>::Inconsistent
		);
		// The cuts may not sum over 100 %: 50 % fee + 20 % owner + 50 % validators.
		let cut = |p: credits::Parameters| {
			Governance::set_parameter(RuntimeOrigin::root(), RuntimeParameters::Credits(p))
		};
		assert_ok!(cut(credits::Parameters::ProtocolFee(
			credits::ProtocolFee,
			Some(Perbill::from_percent(50))
		)));
		assert_ok!(cut(credits::Parameters::OwnerCut(
			credits::OwnerCut,
			Some(Perbill::from_percent(20))
		)));
		assert_noop!(
			cut(credits::Parameters::ValidatorCut(
				credits::ValidatorCut,
				Some(Perbill::from_percent(50))
			)),
			pallet_governance::Error::<Runtime>::Inconsistent
		);
		assert_noop!(
			crate::Parameters::set_parameter(RuntimeOrigin::root(), price(1)),
			DispatchError::BadOrigin
		);
		assert_eq!(credits::CreditPrice::get(), 30_000);
		all_invariants();
	});
}

/// A referendum voted down is rejected at the end of its decision period: the call never runs,
/// the parameter keeps its value, and the decision deposit comes back.
#[test]
fn failed_referendum_changes_nothing() {
	dev().execute_with(|| {
		let index = submit(OriginCaller::Governance(Track::ParameterAdmin), protocol_fee(20));
		let [a, b, c, d] = voters();
		for v in [&a, &b, &c] {
			vote(v, index, false, Conviction::Locked1x, VOTE);
		}
		vote(&d, index, true, Conviction::Locked1x, VOTE);
		System::reset_events();
		assert_eq!(decide(index, 30), None);
		assert!(matches!(info(index), ReferendumInfo::Rejected(..)));
		run_to(System::block_number() + 3);
		assert!(dispatched().is_empty(), "nothing enacted");
		assert_eq!(credits::ProtocolFee::get(), Perbill::from_percent(10));
		let reserved = Balances::reserved_balance(alice());
		assert_ok!(Referenda::refund_decision_deposit(RuntimeOrigin::signed(alice()), index));
		assert_eq!(reserved - Balances::reserved_balance(alice()), 5_000 * gov::UNIT);
		all_invariants();
	});
}

/// `Locked3x` counts three times the balance in the tally (support counts it once) and, the
/// referendum won, keeps the balance locked for 4 × `VoteLockingPeriod` after it ends.
#[test]
fn conviction_multiplies_votes_and_locks_for_the_right_period() {
	dev().execute_with(|| {
		let index = submit(OriginCaller::Governance(Track::ParameterAdmin), protocol_fee(15));
		let bob = key(Sr25519Keyring::Bob);
		let stake = 100_000 * gov::UNIT;
		vote(&bob, index, true, Conviction::Locked3x, stake);
		let ReferendumInfo::Ongoing(status) = info(index) else { panic!("ongoing") };
		assert_eq!(status.tally.ayes, 3 * stake);
		assert_eq!(status.tally.support, stake);
		assert_eq!(status.tally.nays, 0);

		all_vote(index, true);
		let ended = decide(index, 30).expect("approved");
		let lock = || {
			pallet_balances::Locks::<Runtime>::get(&bob)
				.iter()
				.find(|l| l.id == CONVICTION_LOCK)
				.map(|l| l.amount)
		};
		assert_eq!(lock(), Some(stake));
		// Locked GOV cannot be moved.
		let free = Balances::balance(&bob);
		assert_noop!(
			Balances::transfer_allow_death(
				RuntimeOrigin::signed(bob.clone()),
				alice().into(),
				free - stake / 2
			),
			sp_runtime::TokenError::Frozen
		);
		assert_ok!(ConvictionVoting::remove_vote(
			RuntimeOrigin::signed(bob.clone()),
			Some(track::PARAMETERS),
			index
		));
		let unlock = || {
			assert_ok!(ConvictionVoting::unlock(
				RuntimeOrigin::signed(bob.clone()),
				track::PARAMETERS,
				bob.clone().into()
			));
		};
		let period = super::VoteLockingPeriod::get();
		assert_eq!(period, 10, "fast tracks");
		run_to(ended + 4 * period - 1);
		unlock();
		assert_eq!(lock(), Some(stake), "still locked one block before the end");
		run_to(ended + 4 * period);
		unlock();
		assert_eq!(lock(), None, "unlocked after 4 periods");
		all_invariants();
	});
}

/// Bad input: a plain account cannot submit on a track it names with a signed origin, nor vote
/// on a referendum that does not exist, nor set parameters directly.
#[test]
fn bad_governance_input_is_refused() {
	dev().execute_with(|| {
		let call = protocol_fee(20);
		let bytes = call.encode();
		assert_noop!(
			Referenda::submit(
				RuntimeOrigin::signed(alice()),
				Box::new(OriginCaller::system(frame_system::RawOrigin::Signed(alice()))),
				Bounded::Lookup { hash: BlakeTwo256::hash(&bytes), len: bytes.len() as u32 },
				frame_support::traits::schedule::DispatchTime::After(1),
			),
			pallet_referenda::Error::<Runtime>::NoTrack
		);
		assert_noop!(
			ConvictionVoting::vote(
				RuntimeOrigin::signed(alice()),
				99,
				AccountVote::Standard {
					vote: Vote { aye: true, conviction: Conviction::None },
					balance: gov::UNIT
				},
			),
			pallet_conviction_voting::Error::<Runtime>::NotOngoing
		);
		assert_noop!(
			Governance::set_parameter(
				RuntimeOrigin::signed(alice()),
				RuntimeParameters::Credits(credits::Parameters::CreditPrice(
					credits::CreditPrice,
					Some(40_000)
				))
			),
			DispatchError::BadOrigin
		);
	});
}

/// Team and investor GOV still vesting cannot vote or be delegated; a referendum only it
/// backs is not approved. What has vested votes.
#[test]
fn vesting_gov_does_not_vote() {
	use crate::genesis_config_presets::{
		DEV_GOV_ENDOWMENT, TEAM_ALLOCATION, VESTING_CLIFF, VESTING_LENGTH,
	};
	dev().execute_with(|| {
		let insiders = [key(Sr25519Keyring::One), key(Sr25519Keyring::Two)];
		let index = submit(OriginCaller::Governance(Track::ParameterAdmin), protocol_fee(3));
		let insufficient = || pallet_conviction_voting::Error::<Runtime>::InsufficientFunds;
		for who in &insiders {
			// Their whole balance: the dev endowment (liquid) and the allocation (vesting).
			let total = Balances::total_balance(who);
			assert_eq!(total, DEV_GOV_ENDOWMENT + TEAM_ALLOCATION);
			assert_eq!(crate::governance::votable::VotableGov::unvested(who), TEAM_ALLOCATION);
			let standard = |balance| AccountVote::Standard {
				vote: Vote { aye: true, conviction: Conviction::Locked6x },
				balance,
			};
			assert_noop!(
				ConvictionVoting::vote(RuntimeOrigin::signed(who.clone()), index, standard(total)),
				insufficient()
			);
			assert_noop!(
				ConvictionVoting::vote(
					RuntimeOrigin::signed(who.clone()),
					index,
					standard(DEV_GOV_ENDOWMENT + 1)
				),
				insufficient()
			);
			assert_noop!(
				ConvictionVoting::delegate(
					RuntimeOrigin::signed(who.clone()),
					track::PARAMETERS,
					alice().into(),
					Conviction::Locked6x,
					total
				),
				insufficient()
			);
		}
		// Every vote the vesting GOV tried was refused, so the referendum has no backing.
		assert_eq!(decide(index, 30), None, "rejected");
		// A quarter of the way through the linear vesting, a quarter of it votes.
		System::set_block_number(VESTING_CLIFF + VESTING_LENGTH / 4);
		let later = submit(OriginCaller::Governance(Track::ParameterAdmin), protocol_fee(4));
		// (Linear vesting rounds its per-block amount down: a hair under a quarter.)
		let vested = TEAM_ALLOCATION / 4;
		vote(
			&insiders[0],
			later,
			true,
			Conviction::Locked1x,
			DEV_GOV_ENDOWMENT + vested - gov::UNIT,
		);
		assert_noop!(
			ConvictionVoting::vote(
				RuntimeOrigin::signed(insiders[1].clone()),
				later,
				AccountVote::Standard {
					vote: Vote { aye: true, conviction: Conviction::Locked1x },
					balance: DEV_GOV_ENDOWMENT + vested + gov::UNIT,
				}
			),
			insufficient()
		);
	});
}

/// The `emergency` track stops things and does nothing else: it switches a subnet's emission
/// off (not on), pauses buybacks, cancels a referendum and dissolves a subnet; a parameter
/// change, a spend or a slash on it fails with `BadOrigin` at enactment.
#[test]
fn emergency_track_stops_and_does_nothing_else() {
	dev().execute_with(|| {
		let emergency = || OriginCaller::Governance(Track::Emergency);
		assert_ok!(crate::Subnets::register_network(RuntimeOrigin::signed(alice()), u128::MAX));
		let emission = |enabled| {
			RuntimeCall::Subnets(pallet_subnets::Call::set_emission { netuid: 0, enabled })
		};
		assert_eq!(pass_and_enact(submit(emergency(), emission(false))), Ok(()));
		assert!(!pallet_subnets::Networks::<Runtime>::get(0).unwrap().emission_enabled);
		assert_eq!(
			pass_and_enact(submit(emergency(), emission(true))),
			Err(DispatchError::BadOrigin)
		);

		let pause =
			RuntimeCall::GovToken(pallet_gov_token::Call::set_buyback_paused { paused: true });
		assert_eq!(pass_and_enact(submit(emergency(), pause)), Ok(()));
		assert!(pallet_gov_token::BuybackPaused::<Runtime>::get());
		let resume =
			RuntimeCall::GovToken(pallet_gov_token::Call::set_buyback_paused { paused: false });
		assert_eq!(pass_and_enact(submit(emergency(), resume)), Err(DispatchError::BadOrigin));

		let eve = key(Sr25519Keyring::Eve);
		for call in [protocol_fee(3), spend(&eve, 1_000 * gov::UNIT), slash(&eve, credit::UNIT)] {
			assert_eq!(pass_and_enact(submit(emergency(), call)), Err(DispatchError::BadOrigin));
		}
		assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 0);

		let victim = submit(OriginCaller::Governance(Track::ParameterAdmin), protocol_fee(4));
		let cancel = RuntimeCall::Referenda(pallet_referenda::Call::cancel { index: victim });
		assert_eq!(pass_and_enact(submit(emergency(), cancel)), Ok(()));
		assert!(matches!(info(victim), ReferendumInfo::Cancelled(..)));

		let dissolve = RuntimeCall::Subnets(pallet_subnets::Call::dissolve_network { netuid: 0 });
		assert_eq!(pass_and_enact(submit(emergency(), dissolve)), Ok(()));
		assert!(pallet_subnets::Dissolving::<Runtime>::contains_key(0));
		all_invariants();
	});
}

/// A `treasurer` referendum spends USD from the treasury; the payout reaches the beneficiary. A
/// USD spend is valued in GOV at the oracle against the track's cap, and an asset the treasury
/// does not pay in is refused.
#[test]
fn treasurer_spends_usd_and_the_ecosystem_funds_gov() {
	use tandem_primitives::usd;
	dev().execute_with(|| {
		let treasury = crate::accounts::TreasuryAccount::get();
		let ecosystem = crate::accounts::EcosystemFundAccount::get();
		assert_ok!(Assets::transfer(
			RuntimeOrigin::signed(alice()),
			USD_ASSET_ID.into(),
			treasury.clone().into(),
			10_000 * usd::UNIT
		));
		run_to(3);
		assert!(crate::configs::tandem::GovPriceOracle::get().is_some(), "the oracle has a price");
		let bob = key(Sr25519Keyring::Bob);
		let usd_of = |who: &AccountId| Assets::balance(USD_ASSET_ID, who);
		let (bob_usd, treasury_usd) = (usd_of(&bob), usd_of(&treasury));
		let usd_spend = spend_in(NativeOrWithId::WithId(USD_ASSET_ID), &bob, 1_000 * usd::UNIT);
		assert_eq!(
			pass_and_enact(submit(OriginCaller::Governance(Track::Treasurer), usd_spend)),
			Ok(())
		);
		let index = pallet_treasury::SpendCount::<Runtime>::get() - 1;
		assert_ok!(crate::Treasury::payout(RuntimeOrigin::signed(bob.clone()), index));
		assert_eq!(usd_of(&bob) - bob_usd, 1_000 * usd::UNIT);
		assert_eq!(treasury_usd - usd_of(&treasury), 1_000 * usd::UNIT);
		// GOV comes out of the ecosystem fund.
		let (bob_gov, fund_gov) = (Balances::balance(&bob), Balances::balance(&ecosystem));
		assert_eq!(
			pass_and_enact(submit(
				OriginCaller::Governance(Track::Treasurer),
				spend(&bob, 500 * gov::UNIT)
			)),
			Ok(())
		);
		let index = pallet_treasury::SpendCount::<Runtime>::get() - 1;
		assert_ok!(crate::Treasury::payout(RuntimeOrigin::signed(bob.clone()), index));
		assert_eq!(Balances::balance(&bob) - bob_gov, 500 * gov::UNIT);
		assert_eq!(fund_gov - Balances::balance(&ecosystem), 500 * gov::UNIT);
		// $2 M is worth about 2 M GOV at $1: over the treasurer's 1 M GOV cap.
		let too_much = spend_in(NativeOrWithId::WithId(USD_ASSET_ID), &bob, 2_000_000 * usd::UNIT);
		assert_eq!(
			pass_and_enact(submit(OriginCaller::Governance(Track::Treasurer), too_much)),
			Err(pallet_treasury::Error::<Runtime>::InsufficientPermission.into())
		);
		// An asset the treasury does not pay in.
		let other = spend_in(NativeOrWithId::WithId(7), &bob, 1);
		assert_eq!(
			pass_and_enact(submit(OriginCaller::Governance(Track::Treasurer), other)),
			Err(pallet_treasury::Error::<Runtime>::FailedToConvertBalance.into())
		);
		all_invariants();
	});
}

/// Session keys of a dev validator with the proof `session.set_keys` checks: each key signs
/// `owner`'s encoding (what `author_rotateKeysWithOwner` returns on a node).
fn session_keys_with_proof(k: Sr25519Keyring, owner: &AccountId) -> (crate::SessionKeys, Vec<u8>) {
	use sp_core::proof_of_possession::ProofOfPossessionGenerator;
	let (_, aura, grandpa) = crate::genesis_config_presets::authority(k);
	let mut sr = k.pair();
	let mut ed = sp_keyring::Ed25519Keyring::from_raw_public(grandpa.clone().into_inner().0)
		.expect("a dev key")
		.pair();
	let owner = owner.encode();
	let proof = (sr.generate_proof_of_possession(&owner), ed.generate_proof_of_possession(&owner));
	(crate::SessionKeys { aura, grandpa }, proof.encode())
}

/// Runs to the first block of the next session (`TEST_SESSION_LENGTH` on the dev chain) and
/// finalizes it for GRANDPA, which applies a scheduled set change in `on_finalize`.
fn next_session() {
	use frame_support::traits::OnFinalize;
	let length = crate::genesis_config_presets::TEST_SESSION_LENGTH;
	let at = (System::block_number() / length + 1) * length;
	run_to(at);
	crate::Grandpa::on_finalize(at);
}

/// The validator set changes by referendum: a root referendum adds Charlie once his keys are
/// set (with a valid ownership proof), Aura and GRANDPA take him on two sessions later, and he
/// is then credited as author of his slots; the emergency track cannot add but can remove.
#[test]
fn referenda_add_and_remove_validators() {
	use pallet_validators::Call as V;
	dev().execute_with(|| {
		let charlie = key(Sr25519Keyring::Charlie);
		let alice_v = alice();
		let add = |who: &AccountId| RuntimeCall::Validators(V::add_validator { who: who.clone() });
		let remove =
			|who: &AccountId| RuntimeCall::Validators(V::remove_validator { who: who.clone() });
		let root = || OriginCaller::system(frame_system::RawOrigin::Root);
		let emergency = || OriginCaller::Governance(Track::Emergency);

		// Keys first: a proof made for another account is refused.
		let (keys, proof) = session_keys_with_proof(Sr25519Keyring::Charlie, &alice_v);
		assert_noop!(
			crate::Session::set_keys(RuntimeOrigin::signed(charlie.clone()), keys, proof),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		// Without keys the referendum cannot add him.
		assert_eq!(
			pass_and_enact(submit(root(), add(&charlie))),
			Err(pallet_validators::Error::<Runtime>::NoSessionKeys.into())
		);
		let (keys, proof) = session_keys_with_proof(Sr25519Keyring::Charlie, &charlie);
		assert_ok!(crate::Session::set_keys(
			RuntimeOrigin::signed(charlie.clone()),
			keys.clone(),
			proof
		));
		assert_eq!(
			pass_and_enact(submit(emergency(), add(&charlie))),
			Err(DispatchError::BadOrigin)
		);
		assert_eq!(pass_and_enact(submit(root(), add(&charlie))), Ok(()));

		let aura = || pallet_aura::Authorities::<Runtime>::get().into_inner();
		let (_, alice_aura, _) = crate::genesis_config_presets::authority(Sr25519Keyring::Alice);
		next_session();
		assert_eq!(aura(), vec![alice_aura.clone()], "queued, not yet active");
		next_session();
		assert_eq!(aura(), vec![alice_aura.clone(), keys.aura.clone()]);
		assert_eq!(crate::Grandpa::grandpa_authorities().len(), 2, "GRANDPA follows");
		assert_eq!(crate::Session::validators(), vec![alice_v.clone(), charlie.clone()]);
		// Slot 7 of two authorities is Charlie's (index 1): he is the block's author.
		let slot = sp_consensus_aura::Slot::from(7u64);
		let digest = [(sp_consensus_aura::AURA_ENGINE_ID, &slot.encode()[..])];
		assert_eq!(
			<pallet_session::FindAccountFromAuthorIndex<Runtime, crate::Aura> as
				frame_support::traits::FindAuthor<AccountId>>::find_author(digest),
			Some(charlie.clone())
		);

		// The emergency track removes Alice; two sessions later only Charlie authors.
		assert_eq!(pass_and_enact(submit(emergency(), remove(&alice_v))), Ok(()));
		next_session();
		next_session();
		assert_eq!(aura(), vec![keys.aura]);
		assert_eq!(crate::Grandpa::grandpa_authorities().len(), 1);
		// The last validator cannot be removed.
		assert_eq!(
			pass_and_enact(submit(root(), remove(&charlie))),
			Err(pallet_validators::Error::<Runtime>::TooFewValidators.into())
		);
		all_invariants();
	});
}
