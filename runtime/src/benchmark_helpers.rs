//! Benchmark set-up on the real runtime (feature `runtime-benchmarks`): the `BenchmarkHelper`
//! of each Tandem pallet, and asset-conversion's.
//!
//! Every step either succeeds or stops the benchmark with the step's name and error ([`must`]):
//! a benchmark measured on a half-built state would record a weight for the wrong path. Steps
//! that may legitimately find their work done (the USD asset, the pool, subnets 0 and 1, the
//! launch) check first instead of ignoring an error.

use crate::{
	accounts::{BuybackPotAccount, TreasuryAccount},
	configs::UsdGovMarket,
	dynamic_params::{credits, yuma, RuntimeParameters},
	AccountId, Assets, Balance, Balances, Credits, GovToken, Governance, Runtime, RuntimeOrigin,
	Subnets,
};
use frame_support::traits::{
	fungible::{Mutate as _, NativeOrWithId},
	fungibles::{Create, Inspect, Mutate as _},
};
use pallet_gov_token::BuybackMarket;
use tandem_primitives::{gov, usd, AssetId, NetUid, USD_ASSET_ID};

/// The value of a set-up step, or a panic naming the step and its error.
fn must<T, E: core::fmt::Debug>(step: &str, result: Result<T, E>) -> T {
	result.unwrap_or_else(|e| panic!("benchmark set-up: {step} failed: {e:?}"))
}

/// Makes subnets 0 and 1 exist (the other pallets' benchmarks use subnet 1).
pub fn ensure_benchmark_subnets() {
	let owner = AccountId::new([9u8; 32]);
	while pallet_subnets::NextNetuid::<Runtime>::get() < 2 {
		must("mint the subnet owner's GOV", Balances::mint_into(&owner, 1_000_000 * gov::UNIT));
		must(
			"register a subnet",
			Subnets::register_network(RuntimeOrigin::signed(owner.clone()), u128::MAX),
		);
	}
}

/// Sets a protocol parameter through its bounds, as a referendum would.
fn set_parameter(p: RuntimeParameters) {
	must("set a parameter", Governance::set_parameter(RuntimeOrigin::root(), p));
}

/// The USD asset exists (it does on the benchmark chain spec; created otherwise).
pub struct CreditsBenchmarkHelper;
impl pallet_credits::BenchmarkHelper for CreditsBenchmarkHelper {
	fn setup() {
		if !<Assets as Inspect<AccountId>>::asset_exists(USD_ASSET_ID) {
			let created = <Assets as Create<AccountId>>::create(
				USD_ASSET_ID,
				TreasuryAccount::get(),
				true,
				1,
			);
			must("create the USD asset", created);
		}
	}
	fn subnet() -> NetUid {
		ensure_benchmark_subnets();
		1
	}
}

/// Stake is written as a hotkey's matured alpha; limits are set through
/// `governance.set_parameter`.
pub struct YumaBenchmarkHelper;
impl pallet_yuma::BenchmarkHelper<AccountId, tandem_primitives::Signature> for YumaBenchmarkHelper {
	fn subnet() -> NetUid {
		ensure_benchmark_subnets();
		1
	}
	fn set_stake(netuid: NetUid, hotkey: &AccountId, stake: u128) {
		// Yuma reads the hotkey's matured alpha: its main pool and a matured pending pool (the
		// costliest read); the benchmark only needs the numbers to be there.
		pallet_subnets::HotkeyAlpha::<Runtime>::insert(
			netuid,
			hotkey,
			pallet_subnets::types::HotkeyStake { alpha: stake, shares: stake },
		);
		pallet_subnets::HotkeyPending::<Runtime>::insert(
			netuid,
			hotkey,
			pallet_subnets::types::PendingStake { round: 0, alpha: 1, units: 1 },
		);
		pallet_subnets::PayoutRound::<Runtime>::insert(netuid, 1);
	}
	fn set_limits(max_validators: u16, max_allowed_uids: u16) {
		set_parameter(RuntimeParameters::Yuma(yuma::Parameters::MaxValidators(
			yuma::MaxValidators,
			Some(max_validators),
		)));
		// The legal minimum is two uids; `register`'s smallest case (one uid) asks for one and
		// gets two: the subnet is not full, so that case registers without replacing anyone.
		set_parameter(RuntimeParameters::Yuma(yuma::Parameters::MaxAllowedUids(
			yuma::MaxAllowedUids,
			Some(max_allowed_uids.max(2)),
		)));
	}
	fn set_commit_reveal(on: bool) {
		set_parameter(RuntimeParameters::Yuma(yuma::Parameters::CommitReveal(
			yuma::CommitReveal,
			Some(on),
		)));
	}
	/// An sr25519 hotkey from the benchmark's keystore, and its signature.
	fn signed_hotkey(message: &[u8]) -> (AccountId, tandem_primitives::Signature) {
		use sp_runtime::traits::IdentifyAccount;
		const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"tbhk");
		let public = sp_io::crypto::sr25519_generate(KEY_TYPE, None);
		let signature = must(
			"sign the hotkey proof",
			sp_io::crypto::sr25519_sign(KEY_TYPE, &public, message).ok_or("no keystore"),
		);
		(sp_runtime::MultiSigner::from(public).into_account(), signature.into())
	}
	/// GOV priced at $1 on both oracles, and `who` holding 10,000 bought credits.
	fn fund_credits(who: &AccountId) {
		let price = sp_runtime::FixedU128::from_u32(1_000_000);
		pallet_gov_token::PriceEma::<Runtime>::put(price);
		pallet_gov_token::PriceEmaSlow::<Runtime>::put(price);
		let usd = 1_000 * usd::UNIT;
		must(
			"fund USD",
			<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::mint_into(
				USD_ASSET_ID,
				who,
				2 * usd,
			),
		);
		must(
			"buy credits",
			Credits::buy(
				RuntimeOrigin::signed(who.clone()),
				10_000 * tandem_primitives::credit::UNIT,
				usd,
			),
		);
	}
}

/// Benchmark pairs for asset-conversion: native against a fresh asset with the id the assets
/// pallet allocates next (it auto-increments ids), so no pair collides with the genesis USD/GOV
/// pool.
pub struct AssetConversionBenchmarkHelper;
impl pallet_asset_conversion::BenchmarkHelper<NativeOrWithId<AssetId>>
	for AssetConversionBenchmarkHelper
{
	fn create_pair(seed1: u32, _seed2: u32) -> (NativeOrWithId<AssetId>, NativeOrWithId<AssetId>) {
		let next = pallet_assets::NextAssetId::<Runtime>::get().unwrap_or(1_000);
		let fresh = NativeOrWithId::WithId(next);
		// Native leads every odd-numbered pair, as the pool locator requires a native side.
		if seed1.is_multiple_of(2) {
			(fresh, NativeOrWithId::Native)
		} else {
			(NativeOrWithId::Native, fresh)
		}
	}
}

/// USD exists, a funded provider seeds the pool if there is none, the pot gets USD.
pub struct GovTokenBenchmarkHelper;
impl pallet_gov_token::BenchmarkHelper<AccountId> for GovTokenBenchmarkHelper {
	fn setup_market_and_pot(usd_amount: Balance) {
		<CreditsBenchmarkHelper as pallet_credits::BenchmarkHelper>::setup();
		let provider = AccountId::new([7u8; 32]);
		must("mint the provider's GOV", Balances::mint_into(&provider, 2_000_000 * gov::UNIT));
		let usd = Assets::mint_into(USD_ASSET_ID, &provider, 2_000_000 * usd::UNIT);
		must("mint the provider's USD", usd);
		if UsdGovMarket::reserves().is_none() {
			let seeded =
				UsdGovMarket::seed(&provider, 1_000_000 * usd::UNIT, 1_000_000 * gov::UNIT);
			must("seed the USD/GOV pool", seeded);
		}
		let pot = Assets::mint_into(USD_ASSET_ID, &BuybackPotAccount::get(), usd_amount);
		must("fund the buyback pot", pot);
	}
	fn give_earnings(who: &AccountId, credits: Balance) {
		use tandem_primitives::AirdropBasisObserver;
		let before = pallet_credits::Accounts::<Runtime>::get(who).airdrop_basis;
		<GovToken as AirdropBasisObserver<AccountId>>::before_basis_grows(who, before);
		pallet_credits::Accounts::<Runtime>::mutate(who, |a| {
			a.earned_total = a.earned_total.saturating_add(credits);
			a.airdrop_basis = a.airdrop_basis.saturating_add(credits);
		});
		pallet_credits::TotalEarned::<Runtime>::mutate(|t| *t = t.saturating_add(credits));
	}
}

/// Launches GOV, fills a credit pool the way users do (buy, then spend).
pub struct SubnetsBenchmarkHelper;
impl pallet_subnets::BenchmarkHelper for SubnetsBenchmarkHelper {
	fn launch() {
		if pallet_gov_token::CurrentPhase::<Runtime>::get() == pallet_gov_token::types::Phase::Mesh
		{
			must("launch GOV", GovToken::launch(RuntimeOrigin::root()));
		}
		if GovToken::gov_per_usd().is_none() {
			<GovTokenBenchmarkHelper as pallet_gov_token::BenchmarkHelper<AccountId>>::setup_market_and_pot(usd::UNIT);
			let spot = must("price the USD/GOV pool", GovToken::spot_price().ok_or("no price"));
			pallet_gov_token::PriceEma::<Runtime>::put(spot);
			pallet_gov_token::PriceEmaSlow::<Runtime>::put(spot);
		}
	}
	fn fill_credit_pool(netuid: NetUid, credits: Balance) {
		<CreditsBenchmarkHelper as pallet_credits::BenchmarkHelper>::setup();
		let user = AccountId::new([8u8; 32]);
		must("mint the buyer's GOV", Balances::mint_into(&user, gov::UNIT));
		must("mint the buyer's USD", Assets::mint_into(USD_ASSET_ID, &user, 1_000_000 * usd::UNIT));
		let origin = RuntimeOrigin::signed(user);
		must("buy credits", Credits::buy(origin.clone(), credits, u128::MAX));
		must("spend credits", Credits::spend(origin, netuid, credits));
	}
	fn set_miner_alpha_share(share: sp_runtime::Perbill) {
		use crate::dynamic_params::subnets;
		set_parameter(RuntimeParameters::Subnets(subnets::Parameters::MinerAlphaShare(
			subnets::MinerAlphaShare,
			Some(share),
		)));
	}
	fn open_airdrop() {
		let now = frame_system::Pallet::<Runtime>::block_number();
		pallet_gov_token::CurrentAirdrop::<Runtime>::put(pallet_gov_token::types::Airdrop {
			id: pallet_gov_token::NextAirdropId::<Runtime>::get(),
			amount: gov::UNIT,
			total_basis: 1,
			snapshot_block: now,
			ends_at: now.saturating_add(1_000),
			claimed: 0,
		});
	}
}

/// A `PayoutRate` raise to $0.028 with the vault funded to back it: the check reads
/// `CreditPrice`, `PayoutRate`, the credit supply and the vault's USD.
pub struct GovernanceBenchmarkHelper;
impl pallet_governance::BenchmarkHelper<RuntimeParameters> for GovernanceBenchmarkHelper {
	fn worst_case() -> RuntimeParameters {
		let rate: Balance = 28_000;
		let supply = pallet_credits::TotalIssuance::<Runtime>::get();
		let owed = pallet_credits::math::usd_floor(supply, rate).unwrap_or(Balance::MAX);
		let vault = pallet_credits::Pallet::<Runtime>::vault_account();
		let funded = Assets::mint_into(USD_ASSET_ID, &vault, owed.saturating_add(usd::UNIT));
		must("fund the credits vault", funded);
		RuntimeParameters::Credits(credits::Parameters::PayoutRate(credits::PayoutRate, Some(rate)))
	}
}

/// Session keys for validator benchmarks: written straight into `pallet-session` (the ownership
/// proof needs private keys a benchmark does not have; `set_keys` is not what is measured).
pub struct ValidatorKeys;
impl pallet_validators::BenchmarkHelper<AccountId> for ValidatorKeys {
	fn register_keys(who: &AccountId) {
		let raw: [u8; 32] = *who.as_ref();
		let keys = crate::SessionKeys {
			aura: sp_consensus_aura::sr25519::AuthorityId::from(
				sp_core::sr25519::Public::from_raw(raw),
			),
			grandpa: sp_consensus_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(
				raw,
			)),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
