//! The calls: happy paths, every named error (each changing nothing), and the epoch driven
//! through the pallet's storage.

use crate::{
	mock::*, types::*, Bonds, Burn, Error, Event, Neurons, Scores, SubnetN, Uids, WeightCommits,
	Weights,
};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect, BoundedVec};
use sp_runtime::{testing::TestSignature, DispatchError, Perbill};

type Yb = BoundedVec<u16, MaxUids>;

fn v(x: &[u16]) -> Yb {
	BoundedVec::truncate_from(x.to_vec())
}

fn register(hotkey: AccountId) -> u16 {
	assert_ok!(Yuma::register(RuntimeOrigin::signed(COLD), NET, hotkey, proof(COLD, NET, hotkey)));
	Uids::<Test>::get(NET, hotkey).unwrap()
}

/// Validators 100, 101, 102 (stakes 40, 30, 30) and miners 200, 201 registered at block 1;
/// an epoch at block 2 gives the validators their permits. Returns at block 3.
fn setup() {
	for (hk, stake) in [(100, 40), (101, 30), (102, 30)] {
		register(hk);
		set_stake(hk, stake * UNIT);
	}
	register(200);
	register(201);
	run_to(2);
	assert_ok!(Yuma::trigger_epoch(RuntimeOrigin::root(), NET));
	run_to(3);
}

fn score(uid: u16) -> Score {
	Scores::<Test>::get(NET)[uid as usize]
}

/// A coldkey with no GOV pays the burn in credits: its GOV value at the price, in credits at
/// the payout rate; the burn still grows for the next registration. Too few credits, or no
/// GOV price, changes nothing.
#[test]
fn register_with_credits_pays_the_burns_usd_value() {
	build_and_execute(|| {
		let miner = 42;
		assert_eq!(Balances::balance(&miner), 0, "no GOV");
		set_credits(miner, 100_000_000);
		let register = |hotkey| {
			Yuma::register_with_credits(
				RuntimeOrigin::signed(miner),
				NET,
				hotkey,
				proof(miner, NET, hotkey),
			)
		};
		// Bad input: no GOV price; a bad proof; more than it holds.
		GovPrice::set(None);
		assert_noop!(register(300), Error::<Test>::NoGovPrice);
		GovPrice::set(Some(sp_runtime::FixedU128::from_u32(1_000_000)));
		assert_noop!(
			Yuma::register_with_credits(
				RuntimeOrigin::signed(miner),
				NET,
				300,
				proof(miner, NET, 301)
			),
			Error::<Test>::BadHotkeySignature
		);
		set_credits(miner, 1);
		assert_noop!(register(300), Error::<Test>::CannotAffordBurn);
		set_credits(miner, 100_000_000);

		let issuance = Balances::total_issuance();
		assert_ok!(register(300));
		// 1 GOV at $1 is $1 = 1_000_000 USD units; at $0.027 a credit, ⌈37.037…⌉ credits.
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Yuma(Event::BurnPaidInCredits {
				coldkey: miner,
				netuid: NET,
				burn: UNIT,
				usd: 1_000_000,
				credits: 37_037_038,
			})));
		assert_eq!(credits_of(miner), 100_000_000 - 37_037_038);
		assert_eq!(burned_usd(), 1_000_000);
		assert_eq!(Balances::total_issuance(), issuance, "no GOV moved");
		assert_eq!(Uids::<Test>::get(NET, 300), Some(0));
		// The next burn is 1.26 GOV, paid the same way.
		assert_ok!(register(301));
		assert_eq!(burned_usd(), 1_000_000 + 1_260_000);
	});
}

#[test]
fn register_assigns_uids_and_burns_a_growing_fee() {
	build_and_execute(|| {
		let issuance = Balances::total_issuance();
		let before = Balances::balance(&COLD);
		assert_eq!(register(100), 0);
		assert_eq!(
			last_event(),
			RuntimeEvent::Yuma(Event::NeuronRegistered {
				netuid: NET,
				uid: 0,
				hotkey: 100,
				coldkey: COLD,
				burn: UNIT,
				replaced: None
			})
		);
		assert_eq!(register(101), 1);
		// 1 GOV, then ×1.26.
		let paid = UNIT + UNIT * 126 / 100;
		assert_eq!(Balances::balance(&COLD), before - paid);
		assert_eq!(Balances::total_issuance(), issuance - paid);
		assert_eq!(SubnetN::<Test>::get(NET), 2);
		assert_eq!(Yuma::current_burn(NET, 1), UNIT * 126 * 126 / 10_000);
		let n = Neurons::<Test>::get(NET, 1).unwrap();
		assert_eq!((n.hotkey, n.coldkey, n.registered_at, n.last_update), (101, COLD, 1, 1));
		// The same hotkey may register on another subnet, where the burn starts afresh.
		assert_ok!(Yuma::register(RuntimeOrigin::signed(COLD), 2, 100, proof(COLD, 2, 100)));
		assert_eq!(Uids::<Test>::get(2, 100), Some(0));
	});
}

#[test]
fn burn_halves_every_interval_within_bounds() {
	build_and_execute(|| {
		for hk in 0..20 {
			register(1_000 + hk);
		}
		// 1.26^20 ≈ 101 > MaxBurn: capped at 100 GOV.
		assert_eq!(Yuma::current_burn(NET, 1), 100 * UNIT);
		// The halving clock runs from genesis: intervals end at blocks 360, 720, ...
		assert_eq!(Yuma::current_burn(NET, 359), 100 * UNIT);
		assert_eq!(Yuma::current_burn(NET, 360), 50 * UNIT);
		assert_eq!(Yuma::current_burn(NET, 3 * 360), 25 * UNIT / 2);
		// Never below MinBurn.
		assert_eq!(Yuma::current_burn(NET, 100 * 360), UNIT);
		// A registration in the middle of an interval pays the halved burn, raises it ×1.26
		// and keeps the halving phase.
		run_to(461);
		let before = Balances::balance(&COLD);
		register(5_000);
		assert_eq!(Balances::balance(&COLD), before - 50 * UNIT);
		assert_eq!(Burn::<Test>::get(NET).at, 360);
		assert_eq!(Yuma::current_burn(NET, 719), 63 * UNIT);
		assert_eq!(Yuma::current_burn(NET, 720), 63 * UNIT / 2);
	});
}

#[test]
fn register_rejects_bad_input() {
	build_and_execute(|| {
		assert_noop!(
			Yuma::register(RuntimeOrigin::signed(COLD), 9, 100, proof(COLD, 9, 100)),
			Error::<Test>::UnknownSubnet
		);
		register(100);
		assert_noop!(
			Yuma::register(RuntimeOrigin::signed(COLD), NET, 100, proof(COLD, NET, 100)),
			Error::<Test>::HotkeyAlreadyRegistered
		);
		// POOR holds half a GOV: it cannot pay 1.26 GOV.
		assert_noop!(
			Yuma::register(RuntimeOrigin::signed(POOR), NET, 101, proof(POOR, NET, 101)),
			Error::<Test>::CannotAffordBurn
		);
		assert_noop!(
			Yuma::register(RuntimeOrigin::none(), NET, 101, proof(COLD, NET, 101)),
			DispatchError::BadOrigin
		);
	});
}

/// Front-running a hotkey: Eve sees COLD's registration of hotkey 100 in the pool and submits
/// her own first. Without the hotkey's signature over her coldkey she cannot: neither her own
/// signature, nor COLD's proof (it names COLD), nor a proof for another subnet or chain
/// passes. Once bound, the hotkey registers elsewhere only under COLD. Eve gains nothing and
/// pays nothing (`assert_noop`); COLD's registration succeeds.
#[test]
fn hotkey_front_running_is_refused() {
	build_and_execute(|| {
		let eve_msg = Yuma::hotkey_message(&EVE, NET);
		for forged in [
			TestSignature(EVE, eve_msg.clone()),
			proof(COLD, NET, 100),
			proof(EVE, 2, 100),
			TestSignature(100, (crate::HOTKEY_PROOF_CONTEXT, EVE, NET, [0u8; 32]).encode()),
		] {
			assert_noop!(
				Yuma::register(RuntimeOrigin::signed(EVE), NET, 100, forged),
				Error::<Test>::BadHotkeySignature
			);
		}
		// The wrapped form a browser extension's `signRaw` produces is accepted too.
		let wrapped = TestSignature(100, crate::bytes_wrapped(&Yuma::hotkey_message(&COLD, NET)));
		assert_ok!(Yuma::register(RuntimeOrigin::signed(COLD), NET, 100, wrapped));
		assert_eq!(crate::HotkeyOwner::<Test>::get(100), Some(COLD));
		// Even with the hotkey's own proof for Eve (say, a key once shared), a bound hotkey
		// stays with its coldkey on every subnet.
		assert_noop!(
			Yuma::register(RuntimeOrigin::signed(EVE), 2, 100, proof(EVE, 2, 100)),
			Error::<Test>::HotkeyOwnedByOther
		);
		assert_ok!(Yuma::register(RuntimeOrigin::signed(COLD), 2, 100, proof(COLD, 2, 100)));
	});
}

#[test]
fn hotkey_message_is_context_coldkey_netuid_genesis() {
	build_and_execute(|| {
		let msg = Yuma::hotkey_message(&COLD, NET);
		let genesis = System::block_hash(0);
		let mut expected = b"tandem/hotkey".to_vec();
		expected.extend_from_slice(&COLD.to_le_bytes());
		expected.extend_from_slice(&NET.to_le_bytes());
		expected.extend_from_slice(genesis.as_ref());
		assert_eq!(msg, expected);
	});
}

/// A full subnet replaces the weakest non-immune neuron by a score that counts both roles, so
/// one cheap registration cannot evict a validator (zero incentive, but dividends) and erase
/// its bonds: the miner nobody scores goes instead.
#[test]
fn one_registration_cannot_evict_a_validator() {
	build_and_execute(|| {
		MaxAllowedUids::set(5);
		setup();
		// Validators weight miner 200 (uid 3) only: miner 201 (uid 4) has zero incentive.
		for hk in [100, 101, 102] {
			assert_ok!(Yuma::set_weights(RuntimeOrigin::signed(hk), NET, v(&[3]), v(&[1]), 0));
		}
		assert_ok!(Yuma::trigger_epoch(RuntimeOrigin::root(), NET));
		assert!(Bonds::<Test>::contains_key(NET, 0));
		// Everyone is immune until block 1 + 100.
		assert_noop!(
			Yuma::register(RuntimeOrigin::signed(COLD), NET, 300, proof(COLD, NET, 300)),
			Error::<Test>::SubnetFull
		);
		run_to(102);
		assert!((0..3).all(|uid| score(uid).incentive.is_zero() && !score(uid).dividends.is_zero()));
		assert_ok!(Yuma::register(RuntimeOrigin::signed(COLD), NET, 300, proof(COLD, NET, 300)));
		// Miner 201 (uid 4) has neither incentive nor dividends: it goes, with its score. The
		// validators, with zero incentive but dividends, keep their uids, rows and bonds.
		assert_eq!(Uids::<Test>::get(NET, 300), Some(4));
		assert_eq!(Uids::<Test>::get(NET, 201), None);
		assert_eq!(Uids::<Test>::get(NET, 100), Some(0));
		assert!(Weights::<Test>::contains_key(NET, 0));
		assert!(Bonds::<Test>::contains_key(NET, 0));
		assert_eq!(score(4), Score::default());
		assert_eq!(SubnetN::<Test>::get(NET), 5);
		assert!(matches!(
			last_event(),
			RuntimeEvent::Yuma(Event::NeuronRegistered { uid: 4, replaced: Some(201), .. })
		));
	});
}

#[test]
fn set_weights_stores_a_normalized_row_in_any_order() {
	build_and_execute(|| {
		setup();
		assert!(
			score(0).validator_permit && score(1).validator_permit && score(2).validator_permit
		);
		assert!(!score(3).validator_permit);
		assert_ok!(Yuma::set_weights(
			RuntimeOrigin::signed(100),
			NET,
			v(&[4, 3, 1]),
			v(&[1, 2, 0]),
			7
		));
		assert_eq!(
			last_event(),
			RuntimeEvent::Yuma(Event::WeightsSet { netuid: NET, uid: 0, count: 2, version: 7 })
		);
		let row = Weights::<Test>::get(NET, 0).unwrap();
		assert_eq!(row.set_at, 3);
		assert_eq!(row.entries.to_vec(), vec![(3, 666_666_666), (4, 333_333_334)]);
		assert_eq!(Neurons::<Test>::get(NET, 0).unwrap().last_update, 3);
		// The same weights listed in another order give the same row.
		assert_ok!(Yuma::set_weights(RuntimeOrigin::signed(101), NET, v(&[3, 4]), v(&[2, 1]), 7));
		assert_eq!(Weights::<Test>::get(NET, 1).unwrap().entries, row.entries);
	});
}

#[test]
fn set_weights_rejects_bad_input() {
	build_and_execute(|| {
		setup();
		let sw = |who, uids: &[u16], w: &[u16]| {
			Yuma::set_weights(RuntimeOrigin::signed(who), NET, v(uids), v(w), 0)
		};
		assert_noop!(
			Yuma::set_weights(RuntimeOrigin::signed(100), 9, v(&[3]), v(&[1]), 0),
			Error::<Test>::UnknownSubnet
		);
		assert_noop!(sw(999, &[3], &[1]), Error::<Test>::NotRegistered);
		assert_noop!(sw(200, &[4], &[1]), Error::<Test>::NoValidatorPermit);
		assert_noop!(sw(100, &[3, 4], &[1]), Error::<Test>::LengthMismatch);
		assert_noop!(sw(100, &[0, 1, 2, 3, 4, 3], &[1; 6]), Error::<Test>::TooManyWeights);
		assert_noop!(sw(100, &[3, 3], &[1, 1]), Error::<Test>::DuplicateUids);
		assert_noop!(sw(100, &[3, 5], &[1, 1]), Error::<Test>::UnknownUid);
		assert_noop!(sw(100, &[0, 3], &[1, 1]), Error::<Test>::SelfWeight);
		assert_noop!(sw(100, &[3], &[0]), Error::<Test>::TooFewWeights);
		assert_noop!(sw(100, &[], &[]), Error::<Test>::TooFewWeights);
		MinAllowedWeights::set(2);
		assert_noop!(sw(100, &[3, 4], &[1, 0]), Error::<Test>::TooFewWeights);
		MinAllowedWeights::set(1);
		WeightsRateLimit::set(10);
		assert_noop!(sw(100, &[3], &[1]), Error::<Test>::RateLimited);
		run_to(11);
		assert_ok!(sw(100, &[3], &[1]));
		assert_noop!(sw(100, &[3], &[1]), Error::<Test>::RateLimited);
		CommitReveal::set(true);
		assert_noop!(sw(101, &[3], &[1]), Error::<Test>::CommitRevealEnabled);
		CommitReveal::set(false);
		WeightsRateLimit::set(0);
	});
}

fn hash(who: AccountId, uids: &[u16], weights: &[u16], salt: Salt, version: u64) -> sp_core::H256 {
	Yuma::commit_hash(&who, NET, uids, weights, &salt, version)
}

#[test]
fn commit_then_reveal_in_the_next_epoch() {
	build_and_execute(|| {
		CommitReveal::set(true);
		setup();
		// Tempo 10, netuid 1: epoch index = (block + 1) / 10; block 3 is in epoch 0.
		let h = hash(100, &[3, 4], &[3, 1], [7; 32], 1);
		assert_ok!(Yuma::commit_weights(RuntimeOrigin::signed(100), NET, h));
		assert_eq!(
			last_event(),
			RuntimeEvent::Yuma(Event::WeightsCommitted {
				netuid: NET,
				uid: 0,
				hash: h,
				reveal_epoch: 1
			})
		);
		let reveal = |salt, version| {
			Yuma::reveal_weights(
				RuntimeOrigin::signed(100),
				NET,
				v(&[3, 4]),
				v(&[3, 1]),
				salt,
				version,
			)
		};
		run_to(8);
		assert_noop!(reveal([7; 32], 1), Error::<Test>::RevealTooEarly);
		run_to(9);
		assert_noop!(reveal([8; 32], 1), Error::<Test>::RevealMismatch);
		assert_noop!(reveal([7; 32], 2), Error::<Test>::RevealMismatch);
		assert_noop!(
			Yuma::reveal_weights(
				RuntimeOrigin::signed(100),
				NET,
				v(&[3, 4]),
				v(&[3, 2]),
				[7; 32],
				1
			),
			Error::<Test>::RevealMismatch
		);
		assert_ok!(reveal([7; 32], 1));
		assert_eq!(
			last_event(),
			RuntimeEvent::Yuma(Event::WeightsRevealed {
				netuid: NET,
				uid: 0,
				count: 2,
				dropped: 0,
				version: 1
			})
		);
		let row = Weights::<Test>::get(NET, 0).unwrap();
		assert_eq!(
			(row.set_at, row.entries.to_vec()),
			(3, vec![(3, 750_000_000), (4, 250_000_000)])
		);
		assert!(WeightCommits::<Test>::get(NET, 0).is_none());
		assert_noop!(reveal([7; 32], 1), Error::<Test>::NoCommit);
	});
}

#[test]
fn commit_reveal_rejects_bad_input() {
	build_and_execute(|| {
		setup();
		let h = hash(100, &[3], &[1], [1; 32], 0);
		assert_noop!(
			Yuma::commit_weights(RuntimeOrigin::signed(100), NET, h),
			Error::<Test>::CommitRevealDisabled
		);
		assert_noop!(
			Yuma::reveal_weights(RuntimeOrigin::signed(100), NET, v(&[3]), v(&[1]), [1; 32], 0),
			Error::<Test>::CommitRevealDisabled
		);
		CommitReveal::set(true);
		assert_noop!(
			Yuma::commit_weights(RuntimeOrigin::signed(200), NET, h),
			Error::<Test>::NoValidatorPermit
		);
		assert_noop!(
			Yuma::commit_weights(RuntimeOrigin::signed(999), NET, h),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Yuma::commit_weights(RuntimeOrigin::signed(100), 9, h),
			Error::<Test>::UnknownSubnet
		);
		assert_ok!(Yuma::commit_weights(RuntimeOrigin::signed(100), NET, h));
		assert_noop!(
			Yuma::commit_weights(RuntimeOrigin::signed(100), NET, h),
			Error::<Test>::CommitPending
		);
		// Past the reveal window (epoch 2 starts at block 19): expired, and a new commit may
		// replace it.
		run_to(19);
		assert_noop!(
			Yuma::reveal_weights(RuntimeOrigin::signed(100), NET, v(&[3]), v(&[1]), [1; 32], 0),
			Error::<Test>::RevealExpired
		);
		assert_ok!(Yuma::commit_weights(RuntimeOrigin::signed(100), NET, h));
		// A reveal that matches its commit still goes through the weight checks.
		let bad = hash(101, &[1], &[1], [1; 32], 0);
		assert_ok!(Yuma::commit_weights(RuntimeOrigin::signed(101), NET, bad));
		run_to(29);
		assert_noop!(
			Yuma::reveal_weights(RuntimeOrigin::signed(101), NET, v(&[1]), v(&[1]), [1; 32], 0),
			Error::<Test>::SelfWeight
		);
		WeightsRateLimit::set(100);
		assert_noop!(
			Yuma::commit_weights(RuntimeOrigin::signed(102), NET, h),
			Error::<Test>::RateLimited
		);
		WeightsRateLimit::set(0);
	});
}

#[test]
fn reveal_drops_weights_to_uids_re_registered_since_the_commit() {
	build_and_execute(|| {
		MaxAllowedUids::set(5);
		ImmunityPeriod::set(0);
		CommitReveal::set(true);
		setup();
		let h = hash(100, &[3, 4], &[1, 1], [2; 32], 0);
		assert_ok!(Yuma::commit_weights(RuntimeOrigin::signed(100), NET, h));
		// Make miner 201 (uid 4) the weakest neuron, so the next registration replaces it.
		Scores::<Test>::mutate(NET, |s| {
			for uid in 0..3 {
				s[uid].incentive = Perbill::from_percent(10);
			}
			s[3].incentive = Perbill::from_percent(5);
		});
		run_to(5);
		assert_ok!(Yuma::register(RuntimeOrigin::signed(COLD), NET, 300, proof(COLD, NET, 300)));
		assert_eq!(Uids::<Test>::get(NET, 300), Some(4));
		run_to(9);
		assert_ok!(Yuma::reveal_weights(
			RuntimeOrigin::signed(100),
			NET,
			v(&[3, 4]),
			v(&[1, 1]),
			[2; 32],
			0
		));
		assert!(matches!(
			last_event(),
			RuntimeEvent::Yuma(Event::WeightsRevealed { count: 1, dropped: 1, .. })
		));
		assert_eq!(
			Weights::<Test>::get(NET, 0).unwrap().entries.to_vec(),
			vec![(3, 1_000_000_000)]
		);
	});
}

#[test]
fn trigger_epoch_is_root_only() {
	build_and_execute(|| {
		setup();
		// Not even the subnet owner: extra epochs would move bonds outside the schedule.
		assert_noop!(
			Yuma::trigger_epoch(RuntimeOrigin::signed(OWNER), NET),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Yuma::trigger_epoch(RuntimeOrigin::signed(COLD), NET),
			DispatchError::BadOrigin
		);
		assert_ok!(Yuma::trigger_epoch(RuntimeOrigin::root(), 2));
		assert_noop!(Yuma::trigger_epoch(RuntimeOrigin::root(), 9), Error::<Test>::UnknownSubnet);
	});
}

/// The colluding-minority example of `examples.rs`, driven through the calls.
#[test]
fn epoch_through_the_pallet_follows_weights_and_clips_collusion() {
	build_and_execute(|| {
		setup();
		let sw = |who, uids: &[u16], w: &[u16]| {
			assert_ok!(Yuma::set_weights(RuntimeOrigin::signed(who), NET, v(uids), v(w), 0));
		};
		sw(100, &[3, 4], &[8, 2]);
		sw(101, &[3, 4], &[8, 2]);
		sw(102, &[4], &[1]);
		run_to(4);
		assert_ok!(Yuma::trigger_epoch(RuntimeOrigin::root(), NET));
		assert_eq!(
			last_event(),
			RuntimeEvent::Yuma(Event::EpochRun {
				netuid: NET,
				neurons: 5,
				validators: 3,
				weights: 5,
				consensus: true
			})
		);
		let m = Yuma::metagraph(NET);
		assert_eq!(m.len(), 5);
		assert_eq!((m[3].hotkey, m[3].coldkey), (200, COLD));
		assert_eq!(m[3].consensus, Perbill::from_percent(80));
		assert_eq!(m[4].consensus, Perbill::from_percent(20));
		assert!(m[3].incentive.deconstruct().abs_diff(736_842_105) <= 2);
		assert!(m[4].incentive.deconstruct().abs_diff(263_157_894) <= 2);
		assert_eq!(m[2].validator_trust, Perbill::from_percent(20));
		assert!(m[0].dividends.deconstruct().abs_diff(527_918_781) <= 2);
		assert_eq!(m[0].stake, 40 * UNIT);
		assert!(m[0].validator_permit && !m[3].validator_permit);
		assert_eq!(Bonds::<Test>::get(NET, 2).to_vec(), vec![(4, 20_000_000)]);
	});
}

/// The storage steps of `compute_scores`, one at a time: what it reads, and what it stores.
#[test]
fn compute_scores_reads_and_stores_in_steps() {
	build_and_execute(|| {
		setup();
		for who in [100, 101] {
			assert_ok!(Yuma::set_weights(
				RuntimeOrigin::signed(who),
				NET,
				v(&[3, 4]),
				v(&[3, 1]),
				0
			));
		}
		// Reads: every uid's stake and blocks; the parameters; the permitted rows and bonds.
		let inputs = Yuma::epoch_inputs(NET);
		assert_eq!(inputs.len(), 5);
		assert_eq!(
			(inputs[0].stake, inputs[0].last_update, inputs[0].registered_at),
			(40 * UNIT, 3, 1)
		);
		assert_eq!(inputs[3].stake, 0);
		let params = Yuma::epoch_params(NET, 3);
		assert_eq!((params.now, params.last_epoch), (3, 2));
		assert_eq!(params.kappa, u64::from(<Test as crate::Config>::Kappa::get().deconstruct()));
		let (rows, bonds) = Yuma::permitted_rows(NET, &[0, 1, 2]);
		assert_eq!(rows.len(), 2, "uid 2 set no weights");
		assert_eq!((rows[0].validator, rows[0].set_at), (0, 3));
		assert_eq!(rows[0].entries.iter().map(|(j, _)| *j).collect::<Vec<_>>(), vec![3, 4]);
		assert!(bonds.iter().all(|b| b.entries.is_empty()), "no epoch has bonded yet");
		// Stores: bonds of the permitted, none for an empty row; scores and the epoch block.
		let out = crate::epoch::epoch(&inputs, &rows, &bonds, &params);
		Yuma::store_bonds(NET, &[0, 1, 2], &out.bonds);
		assert!(Bonds::<Test>::contains_key(NET, 0));
		assert!(!Bonds::<Test>::contains_key(NET, 2));
		Yuma::store_scores(NET, &inputs, &out, 3);
		assert_eq!(crate::LastEpoch::<Test>::get(NET), 3);
		assert_eq!(score(0).stake, 40 * UNIT);
		assert_eq!(score(3).incentive, Perbill::from_percent(75));
		// Uid 0 losing its permit loses its bonds, even with no new bond row for it.
		Yuma::store_bonds(NET, &[1, 2], &[]);
		assert!(!Bonds::<Test>::contains_key(NET, 0));
	});
}

#[test]
fn losing_the_permit_clears_bonds() {
	build_and_execute(|| {
		setup();
		assert_ok!(Yuma::set_weights(RuntimeOrigin::signed(102), NET, v(&[3]), v(&[1]), 0));
		assert_ok!(Yuma::set_weights(RuntimeOrigin::signed(100), NET, v(&[3]), v(&[1]), 0));
		run_to(4);
		assert_ok!(Yuma::trigger_epoch(RuntimeOrigin::root(), NET));
		assert!(Bonds::<Test>::contains_key(NET, 2));
		MaxValidators::set(2);
		assert_ok!(Yuma::trigger_epoch(RuntimeOrigin::root(), NET));
		// Validator 102 (uid 2, 30 GOV, tied with uid 1 which wins the tie) lost its permit.
		assert!(!score(2).validator_permit);
		assert!(!Bonds::<Test>::contains_key(NET, 2));
		assert!(Bonds::<Test>::contains_key(NET, 0));
		MaxValidators::set(64);
	});
}

/// `try_state` is not vacuous: each kind of corruption is reported.
#[test]
fn try_state_catches_corruption() {
	let corrupt = |f: fn()| {
		new_test_ext().execute_with(|| {
			setup();
			for hk in [100, 101] {
				assert_ok!(Yuma::set_weights(
					RuntimeOrigin::signed(hk),
					NET,
					v(&[3, 4]),
					v(&[1, 1]),
					0
				));
			}
			run_to(4);
			assert_ok!(Yuma::trigger_epoch(RuntimeOrigin::root(), NET));
			assert_ok!(Yuma::do_try_state());
			f();
			assert!(Yuma::do_try_state().is_err());
		})
	};
	// A row that no longer sums to one.
	corrupt(|| Weights::<Test>::mutate(NET, 0, |r| r.as_mut().unwrap().entries[0].1 -= 1));
	// A bond above one.
	corrupt(|| Bonds::<Test>::mutate(NET, 0, |b| b[0].1 = 1_000_000_001));
	// A duplicate hotkey.
	corrupt(|| Neurons::<Test>::mutate(NET, 1, |x| x.as_mut().unwrap().hotkey = 100));
	// A uid count above the neurons stored.
	corrupt(|| SubnetN::<Test>::insert(NET, 6));
	// Self-weight.
	corrupt(|| Weights::<Test>::mutate(NET, 0, |r| r.as_mut().unwrap().entries[0].0 = 0));
	// A neuron whose coldkey is not its hotkey's bound owner.
	corrupt(|| crate::HotkeyOwner::<Test>::insert(100, EVE));
}
