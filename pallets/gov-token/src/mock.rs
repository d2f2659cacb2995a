//! A test runtime: system, balances (GOV), assets (USD = asset 1) and gov-token, with a small
//! constant-product USD/GOV pool (0.3 % fee) standing in for `pallet-asset-conversion`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate::{self as pallet_gov_token, BurnGov, BuybackMarket};
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{Inspect as _, Mutate as _},
		fungibles::{Inspect as FsInspect, Mutate as FsMutate},
		tokens::Preservation,
		AsEnsureOriginWithArg, ConstU128, ConstU32,
	},
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{BuildStorage, DispatchError, Perbill};
use tandem_primitives::Balance;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		GovToken: pallet_gov_token,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
	type DustRemoval = BurnGov<Test>;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = u32;
	type AssetIdParameter = u32;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

pub const USD_ID: u32 = 1;
pub const GOV: Balance = 1_000_000_000_000;
pub const USD: Balance = 1_000_000;
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const POOL: AccountId = 50;
pub const POT: AccountId = 101;
pub const TREASURY: AccountId = 100;
pub const RESERVE: AccountId = 102;
/// May pause buybacks, not resume them (stands for the runtime's emergency track).
pub const PAUSER: AccountId = 103;

thread_local! {
	static EARNED: core::cell::RefCell<std::collections::BTreeMap<AccountId, Balance>> =
		Default::default();
}

/// Contributors' earnings, as `pallet-credits` would keep them; `earn` tells the observer
/// first, exactly as the credits pallet does.
pub struct MockCredits;
impl MockCredits {
	pub fn earn(who: AccountId, credits: Balance) {
		use tandem_primitives::{AirdropBasisObserver, CreditsInterface};
		<GovToken as AirdropBasisObserver<AccountId>>::before_basis_grows(
			&who,
			Self::airdrop_basis(&who),
		);
		EARNED.with(|e| *e.borrow_mut().entry(who).or_default() += credits);
	}
}
impl tandem_primitives::CreditsInterface<AccountId> for MockCredits {
	fn pool_of(_: tandem_primitives::NetUid) -> Balance {
		0
	}
	fn distribute(
		_: tandem_primitives::NetUid,
		_: &tandem_primitives::PayoutShares<AccountId>,
	) -> Result<tandem_primitives::PayoutOutcome, DispatchError> {
		Err(DispatchError::Other("not in this mock"))
	}
	fn airdrop_basis(who: &AccountId) -> Balance {
		EARNED.with(|e| e.borrow().get(who).copied().unwrap_or(0))
	}
	fn paid_total(_: tandem_primitives::NetUid) -> Balance {
		0
	}
	fn paid_totals(_: tandem_primitives::NetUid) -> (Balance, Balance) {
		(0, 0)
	}
	fn retire_pool(_: tandem_primitives::NetUid) -> Result<(Balance, Balance), DispatchError> {
		Err(DispatchError::Other("not in this mock"))
	}
}

/// The mock pool: reserves are `POOL`'s balances; constant product with a 0.3 % input fee.
pub struct MockMarket;
impl MockMarket {
	fn usd(who: AccountId) -> Balance {
		<Assets as FsInspect<AccountId>>::balance(USD_ID, &who)
	}
	pub fn out_for(usd_in: Balance) -> Option<Balance> {
		let (usd, gov) = Self::reserves()?;
		let net = usd_in * 997 / 1000;
		Some(gov * net / (usd + net))
	}
	/// A trader buys GOV with `usd_in` USD (moving the price: GOV gets dearer).
	pub fn buy_gov(who: AccountId, usd_in: Balance) -> Balance {
		Self::swap_usd_for_gov(&who, usd_in, 0).unwrap()
	}
	/// The trader sells `gov_in` GOV back for USD.
	pub fn sell_back(who: AccountId, gov_in: Balance) {
		let (usd, gov) = Self::reserves().unwrap();
		let net = gov_in * 997 / 1000;
		let out = usd * net / (gov + net);
		Balances::transfer(&who, &POOL, gov_in, Preservation::Expendable).unwrap();
		<Assets as FsMutate<AccountId>>::transfer(
			USD_ID,
			&POOL,
			&who,
			out,
			Preservation::Expendable,
		)
		.unwrap();
	}
}
impl BuybackMarket<AccountId> for MockMarket {
	fn reserves() -> Option<(Balance, Balance)> {
		if !MarketOpen::get() {
			return None;
		}
		let (usd, gov) = (Self::usd(POOL), Balances::balance(&POOL));
		(usd > 0 && gov > 0).then_some((usd, gov))
	}
	fn fee() -> sp_runtime::Perbill {
		sp_runtime::Perbill::from_parts(3_000_000)
	}
	fn quote_usd_for_gov(usd_in: Balance) -> Option<Balance> {
		Self::out_for(usd_in)
	}
	fn swap_usd_for_gov(
		who: &AccountId,
		usd_in: Balance,
		min: Balance,
	) -> Result<Balance, DispatchError> {
		let out = Self::out_for(usd_in).ok_or(DispatchError::Other("no pool"))?;
		// Moves the USD first, so a failure below leaves a half-done swap for the caller's
		// storage layer to roll back.
		<Assets as FsMutate<AccountId>>::transfer(
			USD_ID,
			who,
			&POOL,
			usd_in,
			Preservation::Preserve,
		)?;
		if SwapFails::get() || out < min {
			return Err(DispatchError::Other("slippage"));
		}
		Balances::transfer(&POOL, who, out, Preservation::Preserve)?;
		Ok(out)
	}
	fn seed(provider: &AccountId, usd: Balance, gov: Balance) -> sp_runtime::DispatchResult {
		<Assets as FsMutate<AccountId>>::transfer(
			USD_ID,
			provider,
			&POOL,
			usd,
			Preservation::Preserve,
		)?;
		Balances::transfer(provider, &POOL, gov, Preservation::Preserve)?;
		Ok(())
	}
}

parameter_types! {
	pub const UsdAssetId: u32 = USD_ID;
	pub const Pot: AccountId = POT;
	pub const Treasury: AccountId = TREASURY;
	pub const InitialEmission: Balance = GOV / 2;
	pub static EmissionCap: Balance = 10_500_000 * GOV;
	pub static BuybackInterval: u32 = 10;
	pub static BuybackLot: Balance = 1_000 * USD;
	pub static BuybackShare: Perbill = Perbill::from_percent(50);
	pub static MaxBuybackSlippage: Perbill = Perbill::from_percent(2);
	pub const OracleSmoothing: Perbill = Perbill::from_percent(10);
	pub const SlowOracleWindow: u32 = 50;
	pub static MaxAirdropShare: Perbill = Perbill::from_percent(100);
	pub static MarketOpen: bool = true;
	pub static SwapFails: bool = false;
	pub const Reserve: AccountId = RESERVE;
	pub static AirdropClaimPeriod: u32 = 100;
}

frame_support::ord_parameter_types! {
	pub const Pauser: AccountId = PAUSER;
}

impl pallet_gov_token::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type Assets = Assets;
	type UsdAssetId = UsdAssetId;
	type Market = MockMarket;
	type BuybackPot = Pot;
	type Treasury = Treasury;
	type LaunchOrigin = EnsureRoot<AccountId>;
	type PauseOrigin = frame_support::traits::EitherOfDiverse<
		EnsureRoot<AccountId>,
		frame_system::EnsureSignedBy<Pauser, AccountId>,
	>;
	type InitialEmission = InitialEmission;
	type EmissionCap = EmissionCap;
	type BuybackInterval = BuybackInterval;
	type BuybackLot = BuybackLot;
	type BuybackShare = BuybackShare;
	type MaxBuybackSlippage = MaxBuybackSlippage;
	type OracleSmoothing = OracleSmoothing;
	type SlowOracleWindow = SlowOracleWindow;
	type Credits = MockCredits;
	type AirdropOrigin = EnsureRoot<AccountId>;
	type AirdropReserve = Reserve;
	type AirdropClaimPeriod = AirdropClaimPeriod;
	type MaxRoster = ConstU32<16>;
	type MaxAirdropShare = MaxAirdropShare;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Alice and Bob hold GOV and USD; the pool is seeded at genesis with 1,000,000 USD and
/// 2,000,000 GOV (2 GOV per USD), deep enough for a $3,000 buy under the sandwich cap (the
/// 0.3 % fee × the USD reserve); pot and treasury hold the minimum balances.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 3_000_000 * GOV),
			(BOB, 1_000_000 * GOV),
			(TREASURY, 1),
			(POOL, 1),
			(RESERVE, 1_050_000 * GOV),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USD_ID, ALICE, true, 1)],
		metadata: vec![(USD_ID, b"US Dollar".to_vec(), b"USD".to_vec(), 6)],
		accounts: vec![
			(USD_ID, ALICE, 10_000_000 * USD),
			(USD_ID, BOB, 10_000_000 * USD),
			(USD_ID, POT, 1),
			(USD_ID, TREASURY, 1),
			(USD_ID, POOL, 1),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_gov_token::GenesisConfig::<Test> {
		launched: false,
		pool: Some((ALICE, 1_000_000 * USD, 2_000_000 * GOV)),
		roster: vec![],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	EARNED.with(|e| e.borrow_mut().clear());
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` and then checks the pallet's invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		GovToken::do_try_state().expect("try_state invariants hold");
	});
}

/// Runs the hooks of blocks up to `n` (`on_initialize`, then `on_idle` with a full block).
pub fn run_to(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		GovToken::on_initialize(next);
		GovToken::on_idle(next, frame_support::weights::Weight::MAX);
	}
}

pub fn usd_of(who: AccountId) -> Balance {
	<Assets as FsInspect<AccountId>>::balance(USD_ID, &who)
}

pub fn fund_pot(usd: Balance) {
	<Assets as FsMutate<AccountId>>::transfer(USD_ID, &BOB, &POT, usd, Preservation::Expendable)
		.unwrap();
}

pub fn events() -> Vec<pallet_gov_token::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::GovToken(e) = r.event { Some(e) } else { None })
		.collect()
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn setup_market_and_pot(usd: Balance) {
		fund_pot(usd);
	}
	fn give_earnings(who: &AccountId, credits: Balance) {
		MockCredits::earn(*who, credits);
	}
}
