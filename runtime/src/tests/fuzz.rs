//! A runtime fuzzer: a long seeded random walk through the real runtime, natively, from the
//! dev preset. Many accounts make random calls to every Tandem pallet (and balances, assets,
//! `utility.batch` and governance), blocks advance by random steps across epochs and buyback
//! intervals, and after every block the checks below must hold:
//!
//! * every project pallet's `do_try_state` (always compiled);
//! * the block's weight — the hooks' weight plus the declared weight of every call in it — is
//!   within the block's limit;
//! * GOV total issuance = genesis + minted − burned (gov-token's ledger);
//! * USD is conserved: its total supply never changes (nothing mints or burns it), and credits
//!   are conserved across accounts, pools and the vault (credits' `try_state`).
//!
//! `TANDEM_FUZZ_CALLS` (default 10,000) sets how many calls, `TANDEM_FUZZ_SEED` one seed to
//! replay; `scripts/fuzz.sh` runs fresh seeds for as long as asked and prints calls per second.
//! Seeds that once failed are kept in [`REGRESSION_SEEDS`] and run first in the CI run.

use super::{ext_from_preset, register_hotkey};
use crate::{
	dynamic_params::{self, RuntimeParameters},
	Assets, Balances, Credits, GovToken, Governance, Runtime, RuntimeCall, RuntimeOrigin, Subnets,
	System, Yuma, USD_ASSET_ID,
};
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{fungibles::Inspect as _, OnFinalize, OnIdle, OnInitialize},
	weights::Weight,
	BoundedVec,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Dispatchable;
use tandem_primitives::{credit, gov, usd, NetUid};

/// Seeds that once broke an invariant, run before the random ones.
const REGRESSION_SEEDS: &[u64] = &[1];

/// A small seeded generator (xorshift64*): reproducible walks without a dependency.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n.max(1)
	}
	fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.below(items.len() as u64) as usize]
	}
	/// An amount spread over orders of magnitude up to `max`.
	fn amount(&mut self, max: u128) -> u128 {
		let digits = self.below(u64::from(max.max(1).ilog10()) + 2) as u32;
		let cap = 10u128.saturating_pow(digits).min(max);
		(u128::from(self.next()) % cap.max(1)).saturating_add(u128::from(self.below(2)))
	}
}

/// What the walk knows about the chain it drives.
struct World {
	users: Vec<Sr25519Keyring>,
	nets: Vec<NetUid>,
	/// Per subnet, the hotkeys registered by the walk.
	hotkeys: Vec<(NetUid, Sr25519Keyring)>,
	usd_supply: u128,
	calls: u64,
	failed: u64,
	/// How often the walk reached what it is meant to exercise, by event name.
	seen: std::collections::BTreeMap<&'static str, u64>,
}

/// Counts the block's events of interest into `seen`, then clears them.
fn tally(seen: &mut std::collections::BTreeMap<&'static str, u64>) {
	use crate::RuntimeEvent as E;
	for record in System::events() {
		let name = match record.event {
			E::Subnets(pallet_subnets::Event::EpochPaid { consensus: true, .. }) => "epoch paid",
			E::Subnets(pallet_subnets::Event::StakeAdded { .. }) => "stake added",
			E::Subnets(pallet_subnets::Event::StakeRemoved { .. }) => "stake removed",
			E::Subnets(pallet_subnets::Event::StakeMoved { .. }) => "stake moved",
			E::Subnets(pallet_subnets::Event::StakeSlashed { .. }) => "stake slashed",
			E::Subnets(pallet_subnets::Event::NetworkRegistered { .. }) => "network registered",
			E::Subnets(pallet_subnets::Event::NetworkDissolving { .. }) => "network dissolving",
			E::Subnets(pallet_subnets::Event::StakeRedeemed { .. }) => "stake redeemed",
			E::Subnets(pallet_subnets::Event::NetworkDissolved { .. }) => "network dissolved",
			E::GovToken(pallet_gov_token::Event::BoughtBack { .. }) => "buyback",
			E::Credits(pallet_credits::Event::Bought { .. }) => "credits bought",
			E::Credits(pallet_credits::Event::Spent { .. }) => "credits spent",
			E::Credits(pallet_credits::Event::CashedOut { .. }) => "cashed out",
			E::Yuma(pallet_yuma::Event::WeightsSet { .. }) => "weights set",
			_ => continue,
		};
		*seen.entry(name).or_default() += 1;
	}
	System::reset_events();
}

fn usd_supply() -> u128 {
	Assets::total_issuance(USD_ASSET_ID)
}

/// One random call and the origin it is made from.
fn random_call(rng: &mut Rng, w: &World) -> (RuntimeOrigin, RuntimeCall) {
	let who = *rng.pick(&w.users);
	let signed = RuntimeOrigin::signed(who.to_account_id());
	let net = *rng.pick(&w.nets);
	let (hot_net, hot) = *rng.pick(&w.hotkeys);
	let limit = if rng.below(4) == 0 { rng.amount(2 * 10u128.pow(12)) } else { u128::MAX };
	let call = match rng.below(20) {
		0 | 1 => RuntimeCall::Credits(pallet_credits::Call::buy {
			credits: rng.amount(100_000 * credit::UNIT),
			max_usd: u128::MAX,
		}),
		2 | 3 => RuntimeCall::Credits(pallet_credits::Call::spend {
			netuid: net,
			credits: rng.amount(10_000 * credit::UNIT),
		}),
		4 => RuntimeCall::Credits(pallet_credits::Call::cash_out {
			credits: rng.amount(1_000 * credit::UNIT),
		}),
		5 | 6 => RuntimeCall::Subnets(pallet_subnets::Call::add_stake {
			hotkey: hot.to_account_id(),
			netuid: hot_net,
			gov: rng.amount(1_000 * gov::UNIT),
			limit_price: limit,
			allow_partial: rng.below(2) == 0,
		}),
		7 => RuntimeCall::Subnets(pallet_subnets::Call::remove_stake {
			hotkey: hot.to_account_id(),
			netuid: hot_net,
			alpha: rng.amount(1_000 * gov::UNIT),
			limit_price: 0,
			allow_partial: rng.below(2) == 0,
		}),
		8 => RuntimeCall::Subnets(pallet_subnets::Call::move_stake {
			hotkey: hot.to_account_id(),
			from: hot_net,
			to: *rng.pick(&w.nets),
			alpha: rng.amount(100 * gov::UNIT),
			limit_price: 0,
			allow_partial: rng.below(2) == 0,
		}),
		9 => {
			let uids: Vec<u16> = (0..rng.below(4) + 1).map(|_| rng.below(6) as u16).collect();
			let weights: Vec<u16> = uids.iter().map(|_| rng.below(1_000) as u16 + 1).collect();
			return (
				RuntimeOrigin::signed(hot.to_account_id()),
				RuntimeCall::Yuma(pallet_yuma::Call::set_weights {
					netuid: hot_net,
					uids: BoundedVec::truncate_from(uids),
					weights: BoundedVec::truncate_from(weights),
					version: 0,
				}),
			);
		}
		10 => RuntimeCall::GovToken(pallet_gov_token::Call::poke_buyback {}),
		11 => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: rng.pick(&w.users).to_account_id().into(),
			value: rng.amount(1_000 * gov::UNIT),
		}),
		12 => RuntimeCall::Assets(pallet_assets::Call::transfer_keep_alive {
			id: USD_ASSET_ID.into(),
			target: rng.pick(&w.users).to_account_id().into(),
			amount: rng.amount(1_000 * usd::UNIT),
		}),
		13 => {
			// A batch of two or three of the calls above, the buyback poke among them.
			let inner: Vec<RuntimeCall> = (0..rng.below(2) + 2)
				.map(|_| {
					if rng.below(3) == 0 {
						RuntimeCall::GovToken(pallet_gov_token::Call::poke_buyback {})
					} else {
						random_call(rng, w).1
					}
				})
				.filter(|c| !matches!(c, RuntimeCall::Utility(_)))
				.collect();
			RuntimeCall::Utility(pallet_utility::Call::batch { calls: inner })
		}
		14 => {
			// Governance moves a parameter within its bounds (out-of-bounds values fail).
			use dynamic_params::{subnets as sn, token, yuma};
			let p = match rng.below(4) {
				0 => RuntimeParameters::Token(token::Parameters::BuybackInterval(
					token::BuybackInterval,
					Some(rng.below(40) as u32 + 1),
				)),
				1 => RuntimeParameters::Yuma(yuma::Parameters::Tempo(
					yuma::Tempo,
					Some(rng.below(12) as u32 + 2),
				)),
				2 => RuntimeParameters::Subnets(sn::Parameters::ValidatorTake(
					sn::ValidatorTake,
					Some(sp_runtime::Perbill::from_percent(rng.below(30) as u32)),
				)),
				_ => RuntimeParameters::Token(token::Parameters::BuybackShare(
					token::BuybackShare,
					Some(sp_runtime::Perbill::from_percent(rng.below(101) as u32)),
				)),
			};
			return (
				RuntimeOrigin::root(),
				RuntimeCall::Governance(pallet_governance::Call::set_parameter { parameter: p }),
			);
		}
		15 if rng.below(6) == 0 => {
			// Dissolved by governance or by whoever signs (its owner, or refused).
			let call = RuntimeCall::Subnets(pallet_subnets::Call::dissolve_network { netuid: net });
			let origin = if rng.below(3) == 0 { RuntimeOrigin::root() } else { signed };
			return (origin, call);
		}
		15 | 16 => RuntimeCall::Subnets(pallet_subnets::Call::register_network {
			max_lock: if rng.below(4) == 0 { rng.amount(10_000 * gov::UNIT) } else { u128::MAX },
		}),
		17 | 18 => {
			// A hotkey (re-)registers under itself, with its proof: after a dissolution the
			// reused id has no neurons.
			use sp_core::Pair as _;
			let k =
				*rng.pick(&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Ferdie]);
			let cold = k.to_account_id();
			let signature = k.pair().sign(&Yuma::hotkey_message(&cold, net));
			return (
				RuntimeOrigin::signed(cold.clone()),
				RuntimeCall::Yuma(pallet_yuma::Call::register {
					netuid: net,
					hotkey: cold,
					signature: signature.into(),
				}),
			);
		}
		_ => RuntimeCall::Subnets(pallet_subnets::Call::slash_stake {
			hotkey: hot.to_account_id(),
			netuid: hot_net,
			fraction: sp_runtime::Perbill::from_percent(rng.below(60) as u32),
			reason: BoundedVec::truncate_from(b"fuzz".to_vec()),
		}),
	};
	let origin = if matches!(call, RuntimeCall::Subnets(pallet_subnets::Call::slash_stake { .. })) {
		RuntimeOrigin::root()
	} else {
		signed
	};
	(origin, call)
}

/// Ends the current block, whose calls and hooks so far weigh `weight`: `on_idle` gets what is
/// left, the checks run, then `on_finalize`.
fn end_block(w: &mut World, seed: u64, weight: Weight) {
	let n = System::block_number();
	let max = crate::limits::RuntimeBlockWeights::get().max_block;
	let idle = crate::AllPalletsWithSystem::on_idle(n, max.saturating_sub(weight));
	check_block(w, seed, weight.saturating_add(idle));
	tally(&mut w.seen);
	// The Tandem pallets' `on_finalize` (the timestamp's would demand its inherent).
	<(Credits, Yuma, GovToken, Subnets, Governance) as OnFinalize<_>>::on_finalize(n);
}

/// Starts the next block; returns its hooks' weight. A session rotation claims the whole block
/// (`pallet-session` does, so no transaction lands in it); that claim is left out, so the
/// block-weight check measures what the other hooks and the calls use.
fn start_block() -> Weight {
	use pallet_session::ShouldEndSession;
	let n = System::block_number() + 1;
	System::set_block_number(n);
	let rotation = <Runtime as pallet_session::Config>::ShouldEndSession::should_end_session(n);
	let weight = crate::AllPalletsWithSystem::on_initialize(n);
	if rotation {
		weight.saturating_sub(crate::limits::RuntimeBlockWeights::get().max_block)
	} else {
		weight
	}
}

/// The checks after every block (see the module docs).
fn check_block(w: &World, seed: u64, weight: Weight) {
	let context = |what: &str| format!("seed {seed}, block {}: {what}", System::block_number());
	for (name, result) in [
		("credits", Credits::do_try_state()),
		("gov-token", GovToken::do_try_state()),
		("subnets", Subnets::do_try_state()),
		("yuma", Yuma::do_try_state()),
		("governance", Governance::do_try_state()),
		("validators", crate::Validators::do_try_state()),
	] {
		if let Err(e) = result {
			panic!("{}", context(&format!("{name} try_state: {e:?}")));
		}
	}
	let max = crate::limits::RuntimeBlockWeights::get().max_block;
	assert!(weight.all_lte(max), "{}", context(&format!("block weight {weight:?} > {max:?}")));
	assert_eq!(usd_supply(), w.usd_supply, "{}", context("USD supply changed"));
	let ledger = pallet_gov_token::GenesisIssuance::<Runtime>::get()
		.saturating_add(pallet_gov_token::Emitted::<Runtime>::get())
		.saturating_sub(pallet_gov_token::Burned::<Runtime>::get());
	assert_eq!(Balances::total_issuance(), ledger, "{}", context("GOV issuance off its ledger"));
}

/// Sets up two subnets with registered hotkeys, launches GOV, then walks `calls` random calls
/// from `seed`. Returns the calls made, how many failed (a failed call is fine: it must just
/// change nothing the checks can see) and the events of interest reached.
fn walk(seed: u64, calls: u64) -> (u64, u64, std::collections::BTreeMap<&'static str, u64>) {
	let mut out = (0, 0, Default::default());
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use dynamic_params::yuma;
		for p in [
			yuma::Parameters::Tempo(yuma::Tempo, Some(5)),
			yuma::Parameters::CommitReveal(yuma::CommitReveal, Some(false)),
			yuma::Parameters::WeightsRateLimit(yuma::WeightsRateLimit, Some(0)),
		] {
			Governance::set_parameter(RuntimeOrigin::root(), RuntimeParameters::Yuma(p))
				.expect("a legal parameter");
		}
		let users = crate::genesis_config_presets::DEV_VALIDATORS.to_vec();
		let mut nets = Vec::new();
		let mut hotkeys = Vec::new();
		for owner in [Sr25519Keyring::Dave, Sr25519Keyring::Eve] {
			nets.push(pallet_subnets::NextNetuid::<Runtime>::get());
			Subnets::register_network(RuntimeOrigin::signed(owner.to_account_id()), u128::MAX)
				.expect("the owner pays the lock");
		}
		let registered = nets.clone();
		// The next id, for a registration during the walk.
		nets.push(pallet_subnets::NextNetuid::<Runtime>::get());
		for &net in &registered {
			for k in [Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Ferdie] {
				register_hotkey(&k.to_account_id(), net, &k.pair()).expect("registers");
				hotkeys.push((net, k));
			}
		}
		GovToken::launch(RuntimeOrigin::root()).expect("launches");
		let mut w = World {
			users,
			nets,
			hotkeys,
			usd_supply: usd_supply(),
			calls: 0,
			failed: 0,
			seen: Default::default(),
		};
		let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
		let mut weight = start_block();
		while w.calls < calls {
			if rng.below(6) == 0 {
				// Advance 1 to 40 blocks: across epochs (Tempo 5) and buyback intervals.
				for _ in 0..rng.below(40) + 1 {
					end_block(&mut w, seed, weight);
					weight = start_block();
				}
				continue;
			}
			let (origin, call) = random_call(&mut rng, &w);
			weight = weight.saturating_add(call.get_dispatch_info().total_weight());
			if call.dispatch(origin).is_err() {
				w.failed += 1;
			}
			w.calls += 1;
		}
		end_block(&mut w, seed, weight);
		out = (w.calls, w.failed, w.seen);
	});
	out
}

fn env_u64(name: &str) -> Option<u64> {
	std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// The CI run: the regression seeds, then random walks until `TANDEM_FUZZ_CALLS` calls. With
/// `TANDEM_FUZZ_SECONDS` (`scripts/fuzz.sh`) it walks seeds from `TANDEM_FUZZ_SEED_START` until
/// that time has passed instead.
#[test]
fn runtime_fuzz_walk_keeps_every_invariant() {
	let total = env_u64("TANDEM_FUZZ_CALLS").unwrap_or(10_000);
	let seconds = env_u64("TANDEM_FUZZ_SECONDS");
	let started = std::time::Instant::now();
	let (mut calls, mut failed) = (0, 0);
	let mut seen = std::collections::BTreeMap::<&'static str, u64>::new();
	let seeds: Box<dyn Iterator<Item = u64>> = match (env_u64("TANDEM_FUZZ_SEED"), seconds) {
		(Some(seed), _) => Box::new(core::iter::once(seed)),
		(None, Some(_)) => Box::new(env_u64("TANDEM_FUZZ_SEED_START").unwrap_or(2)..),
		(None, None) => Box::new(REGRESSION_SEEDS.iter().copied().chain(2..)),
	};
	for seed in seeds {
		let done = match seconds {
			Some(s) => started.elapsed().as_secs() >= s,
			None => calls >= total,
		};
		if done {
			break;
		}
		let (c, f, s) =
			walk(seed, if seconds.is_some() { 2_000 } else { 2_000.min(total - calls) });
		calls += c;
		failed += f;
		for (k, v) in s {
			*seen.entry(k).or_default() += v;
		}
		if seconds.is_some() {
			println!("fuzz: seed {seed} passed; {calls} calls so far");
		}
	}
	let secs = started.elapsed().as_secs_f64();
	println!(
		"fuzz: {calls} calls ({failed} refused by the runtime) in {secs:.1} s = {:.0} calls/s",
		calls as f64 / secs.max(1e-9)
	);
	println!("fuzz: reached {seen:?}");
	let replay = env_u64("TANDEM_FUZZ_SEED").is_some();
	assert!(calls >= total || seconds.is_some() || replay);
	for what in [
		"epoch paid",
		"stake added",
		"stake removed",
		"buyback",
		"credits spent",
		"cashed out",
		"network dissolved",
		"stake redeemed",
		"network registered",
	] {
		assert!(seen.get(what).copied().unwrap_or(0) > 0, "the walk never reached: {what}");
	}
}
