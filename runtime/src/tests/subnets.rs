//! The subnets pallet against the real credits, yuma and gov-token pallets.

use super::*;
use crate::{dynamic_params, Credits, GovToken, Governance, RuntimeOrigin, Subnets, Yuma};
use frame_support::{
	assert_ok,
	traits::{OnIdle, OnInitialize},
	BoundedVec,
};
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
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(owner.clone()), u128::MAX));
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
	assert_ok!(crate::Validators::do_try_state());
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

/// Everything of value on the chain, summed over every account: GOV (free and reserved), USD
/// and credits (accounts' and pools').
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
struct Totals {
	gov: u128,
	usd: u128,
	credits: u128,
}

fn totals() -> Totals {
	let gov =
		frame_system::Account::<Runtime>::iter().map(|(_, a)| a.data.free + a.data.reserved).sum();
	let usd =
		pallet_assets::Account::<Runtime>::iter_prefix(USD_ASSET_ID).map(|(_, a)| a.balance).sum();
	let held: u128 = pallet_credits::Accounts::<Runtime>::iter().map(|(_, a)| a.free).sum();
	let pooled: u128 = pallet_credits::Pools::<Runtime>::iter().map(|(_, p)| p.balance).sum();
	Totals { gov, usd, credits: held + pooled }
}

/// Runs blocks with their `on_idle` until no subnet is dissolving, checking every invariant
/// after each block.
pub(crate) fn drain_dissolutions() {
	let max = crate::limits::RuntimeBlockWeights::get().max_block;
	for _ in 0..100 {
		if pallet_subnets::Dissolving::<Runtime>::iter().next().is_none() {
			return;
		}
		run_to(System::block_number() + 1);
		crate::AllPalletsWithSystem::on_idle(System::block_number(), max / 2);
		all_invariants();
	}
	panic!("the drain does not end");
}

/// Dissolving a subnet with stakers, paid alpha and credits waiting: summed over every
/// account, no GOV, USD or credit is lost — GOV leaves the pot for the owner, the stakers and
/// the public-pool fee sink (its burn on the ledger), the waiting credits are paid by the last
/// scores, and the stakers together get at least what selling all their alpha through the
/// pool would have.
#[test]
fn dissolving_a_subnet_loses_nothing() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let f = epoch_fixture();
		pay_epoch(&f);
		let user = key(Sr25519Keyring::Ferdie);
		assert_ok!(Credits::buy(
			RuntimeOrigin::signed(user.clone()),
			500 * credit::UNIT,
			u128::MAX
		));
		assert_ok!(Credits::spend(RuntimeOrigin::signed(user), 0, 500 * credit::UNIT));
		run_to(System::block_number() + 2);
		let stakers: Vec<(AccountId, AccountId)> =
			pallet_subnets::SubnetStakers::<Runtime>::iter_key_prefix((0,)).collect();
		assert!(stakers.len() >= 3, "Alice, Bob's take and the owner: {stakers:?}");
		let staked: u128 = stakers.iter().map(|(c, h)| Subnets::position_alpha(c, h, 0)).sum();
		let all_sell_for = Subnets::quote_remove_stake(0, staked).unwrap().amount_out;
		let before = totals();
		let (emitted, burned) = (
			pallet_gov_token::Emitted::<Runtime>::get(),
			pallet_gov_token::Burned::<Runtime>::get(),
		);
		let earned_before: u128 = f.miners.iter().map(earned).sum();

		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(f.owner.clone()), 0));
		drain_dissolutions();

		let after = totals();
		let minted = pallet_gov_token::Emitted::<Runtime>::get() - emitted;
		let burnt = pallet_gov_token::Burned::<Runtime>::get() - burned;
		assert_eq!(after.gov + burnt, before.gov + minted, "GOV: only the ledger's burn left");
		assert_eq!(Balances::total_issuance(), after.gov);
		assert_eq!(after.usd, before.usd, "USD only moves");
		// The 500 waiting credits were paid by the last scores (less the protocol fee, burned
		// with its USD moved to the buyback pot): nothing retired.
		assert!(f.miners.iter().map(earned).sum::<u128>() > earned_before);
		let fee = Perbill::from_percent(10).mul_floor(500 * credit::UNIT);
		assert_eq!(before.credits - after.credits, fee);
		assert_eq!(pallet_credits::Pools::<Runtime>::get(0).balance, 0);
		let redeemed: u128 = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				crate::RuntimeEvent::Subnets(pallet_subnets::Event::StakeRedeemed {
					gov, ..
				}) => Some(gov),
				_ => None,
			})
			.sum();
		assert!(redeemed >= all_sell_for, "{redeemed} < {all_sell_for}");
		// The pot holds its existential deposit only; the id is free.
		assert_eq!(
			Balances::free_balance(Subnets::pot()),
			<Balances as frame_support::traits::fungible::Inspect<_>>::minimum_balance()
		);
		assert_eq!(pallet_subnets::FreeNetuids::<Runtime>::get().to_vec(), vec![0]);
	});
}
