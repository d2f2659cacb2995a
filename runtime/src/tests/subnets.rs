//! The subnets pallet against the real credits, yuma and gov-token pallets.

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
/// Charlie; GOV launched; Ferdie buys and spends 1,000 credits on it; Tempo 5, no
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
		assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), RuntimeParameters::Yuma(p)));
	}
	let (owner, vali) = (key(Sr25519Keyring::Dave), key(Sr25519Keyring::Bob));
	let miners = [key(Sr25519Keyring::Eve), key(Sr25519Keyring::Charlie)];
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(owner.clone())));
	for k in [Sr25519Keyring::Bob, Sr25519Keyring::Eve, Sr25519Keyring::Charlie] {
		assert_ok!(super::register_hotkey(&key(k), 0, &k.pair()));
	}
	assert_ok!(Subnets::add_stake(
		RuntimeOrigin::signed(alice()),
		vali.clone(),
		0,
		100 * gov::UNIT,
		u128::MAX,
		false
	));
	// As if staked an epoch earlier: stake counts once a payout has matured it.
	pallet_subnets::PayoutRound::<Runtime>::mutate(0, |r| *r += 1);
	// Launched first: paid revenue from then on accrues the subnet's emission allowance.
	assert_ok!(GovToken::launch(RuntimeOrigin::root()));
	let user = key(Sr25519Keyring::Ferdie);
	assert_ok!(Credits::buy(RuntimeOrigin::signed(user.clone()), 1_000 * credit::UNIT, u128::MAX));
	assert_ok!(Credits::spend(RuntimeOrigin::signed(user), 0, 1_000 * credit::UNIT));
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
		let paid: Vec<u128> = f.miners.iter().zip(&before).map(|(m, b)| earned(m) - b).collect();
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
