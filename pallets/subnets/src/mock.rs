//! A test runtime: system, balances (GOV), yuma and subnets, with the credit ledger and the GOV
//! emission schedule standing in as thread-local tables the tests drive.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_subnets;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{Balanced, Mutate},
		ConstU128, ConstU32, OnFinalize, OnIdle, OnInitialize, OnUnbalanced,
	},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::{
	testing::TestSignature, BuildStorage, DispatchError, FixedPointNumber, FixedU128, Perbill,
};
use std::collections::BTreeMap;
use tandem_primitives::{
	Balance, CreditsInterface, GovEmission, NetUid, PayoutOutcome, PayoutShares,
};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Yuma: pallet_yuma,
		Subnets: pallet_subnets,
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
}

pub const GOV: Balance = 1_000_000_000_000;
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const TREASURY: AccountId = 100;
/// May switch emission off, never on (stands for the runtime's emergency track).
pub const STOPPER: AccountId = 101;
/// Hotkeys 11.. ; their coldkeys are `hotkey + 100`.
pub const VALI: AccountId = 11;
pub const MINER: AccountId = 12;

parameter_types! {
	pub static Tempo: u32 = 10;
	pub static CommitReveal: bool = false;
	pub static WeightsRateLimit: u32 = 0;
	pub const MaxUids: u32 = 256;
	pub const MaxAllowedUids: u16 = 256;
	pub const MaxValidators: u16 = 8;
	pub const Zero: Balance = 0;
	pub const Kappa: Perbill = Perbill::from_percent(50);
	pub const BondsAlpha: Perbill = Perbill::from_percent(10);
	pub const AlphaLow: Perbill = Perbill::from_percent(5);
	pub const AlphaHigh: Perbill = Perbill::from_percent(30);
	pub const ImmunityPeriod: u32 = 100;
	pub const MinAllowedWeights: u16 = 1;
	pub const ActivityCutoff: u32 = 5_000;
	pub const MinBurn: Balance = GOV / 1_000;
	pub const MaxBurn: Balance = GOV;
	pub const BurnHalvingInterval: u32 = 360;
	pub const False: bool = false;
}

impl pallet_yuma::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BurnSink = ();
	type Subnets = Subnets;
	type Stake = Subnets;
	type Signature = TestSignature;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxUids = MaxUids;
	type MaxAllowedUids = MaxAllowedUids;
	type MaxValidators = MaxValidators;
	type ValidatorStakeThreshold = Zero;
	type Tempo = Tempo;
	type Kappa = Kappa;
	type BondsAlpha = BondsAlpha;
	type LiquidAlpha = False;
	type AlphaLow = AlphaLow;
	type AlphaHigh = AlphaHigh;
	type ImmunityPeriod = ImmunityPeriod;
	type WeightsRateLimit = WeightsRateLimit;
	type CommitReveal = CommitReveal;
	type MinAllowedWeights = MinAllowedWeights;
	type ActivityCutoff = ActivityCutoff;
	type MinBurn = MinBurn;
	type MaxBurn = MaxBurn;
	type BurnHalvingInterval = BurnHalvingInterval;
	type CreditBurn = ();
	type GovPrice = frame_support::traits::GetDefault;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = YumaBench;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct YumaBench;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_yuma::BenchmarkHelper<AccountId, TestSignature> for YumaBench {
	fn subnet() -> NetUid {
		0
	}
	fn set_stake(_: NetUid, _: &AccountId, _: u128) {}
	fn set_limits(_: u16, _: u16) {}
	fn set_commit_reveal(on: bool) {
		CommitReveal::set(on);
	}
	fn signed_hotkey(message: &[u8]) -> (AccountId, TestSignature) {
		(7_777, TestSignature(7_777, message.to_vec()))
	}
	fn fund_credits(_: &AccountId) {}
}

thread_local! {
	/// Per subnet: (credits in the pool, paid credits ever spent, the USD paid for them).
	static CREDITS: RefCell<BTreeMap<NetUid, (Balance, Balance, Balance)>> = const { RefCell::new(BTreeMap::new()) };
	/// Credits retired with dissolved subnets' pools.
	static RETIRED: RefCell<Balance> = const { RefCell::new(0) };
	/// Credits earned per account.
	static EARNED: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	/// GOV emission per block once launched (zero: not launched).
	static EMISSION: RefCell<Balance> = const { RefCell::new(0) };
	static EMITTED: RefCell<Balance> = const { RefCell::new(0) };
	/// USD value at accrual of the GOV emitted.
	static EMITTED_USD: RefCell<Balance> = const { RefCell::new(0) };
}

/// A credit ledger reduced to what subnets use: pools users spend into, paid out as shares.
pub struct MockCredits;
impl MockCredits {
	/// A user spends bought credits on `netuid`: paid, so revenue.
	pub fn spend(netuid: NetUid, credits: Balance) {
		Self::spend_as(netuid, credits, true);
	}
	/// A contributor spends earned credits on `netuid`: recycled, not revenue.
	pub fn spend_recycled(netuid: NetUid, credits: Balance) {
		Self::spend_as(netuid, credits, false);
	}
	fn spend_as(netuid: NetUid, credits: Balance, paid: bool) {
		CREDITS.with(|c| {
			let mut c = c.borrow_mut();
			let (pool, paid_total, paid_usd) = c.entry(netuid).or_default();
			*pool += credits;
			if paid {
				*paid_total += credits;
				// Bought at the current `CreditPrice`.
				*paid_usd += credits * CreditPrice::get() / 1_000_000;
			}
		});
	}
	pub fn retired() -> Balance {
		RETIRED.with(|r| *r.borrow())
	}
	pub fn earned(who: AccountId) -> Balance {
		EARNED.with(|e| e.borrow().get(&who).copied().unwrap_or(0))
	}
}
impl CreditsInterface<AccountId> for MockCredits {
	fn pool_of(netuid: NetUid) -> Balance {
		CREDITS.with(|c| c.borrow().get(&netuid).map(|x| x.0).unwrap_or(0))
	}
	fn distribute(
		netuid: NetUid,
		shares: &PayoutShares<AccountId>,
	) -> Result<PayoutOutcome, DispatchError> {
		let pool = Self::pool_of(netuid);
		if shares.miners.is_empty() || pool == 0 {
			return Ok(PayoutOutcome {
				pool_before: pool,
				carried_over: pool,
				..Default::default()
			});
		}
		// No fees or cuts in the mock: half to validators × D, half to miners × I.
		let mut paid = 0;
		let mut pay = |who: AccountId, amount: Balance| {
			EARNED.with(|e| *e.borrow_mut().entry(who).or_default() += amount);
			paid += amount;
		};
		let (mut v, mut m) = (0, 0);
		for (who, d) in &shares.validators {
			let a = d.mul_floor(pool / 2);
			pay(*who, a);
			v += a;
		}
		for (who, i) in &shares.miners {
			let a = i.mul_floor(pool - pool / 2);
			pay(*who, a);
			m += a;
		}
		CREDITS.with(|c| c.borrow_mut().get_mut(&netuid).unwrap().0 -= paid);
		Ok(PayoutOutcome {
			pool_before: pool,
			validators: v,
			miners: m,
			carried_over: pool - paid,
			..Default::default()
		})
	}
	fn airdrop_basis(who: &AccountId) -> Balance {
		Self::earned(*who)
	}
	fn paid_total(netuid: NetUid) -> Balance {
		CREDITS.with(|c| c.borrow().get(&netuid).map(|x| x.1).unwrap_or(0))
	}
	fn paid_totals(netuid: NetUid) -> (Balance, Balance) {
		CREDITS.with(|c| c.borrow().get(&netuid).map(|x| (x.1, x.2)).unwrap_or((0, 0)))
	}
	fn retire_pool(netuid: NetUid) -> Result<(Balance, Balance), DispatchError> {
		if RetireFails::get() == Some(netuid) {
			return Err(DispatchError::Other("the vault is short"));
		}
		let credits = Self::pool_of(netuid);
		RETIRED.with(|r| *r.borrow_mut() += credits);
		CREDITS.with(|c| c.borrow_mut().entry(netuid).or_default().0 = 0);
		Ok((credits, 0))
	}
}

/// GOV emission: `EMISSION` per block once `launch` set it, minted into the pot; GOV's USD
/// price is `GovPerUsd` (GOV units per USD unit; `None`: no price).
pub struct MockEmission;
impl MockEmission {
	pub fn launch(per_block: Balance) {
		EMISSION.with(|e| *e.borrow_mut() = per_block);
	}
	pub fn emitted() -> Balance {
		EMITTED.with(|e| *e.borrow())
	}
	/// Makes GOV so cheap (10,000 GOV per USD) that the few credits the epoch tests spend
	/// allow the schedule for the whole test.
	pub fn cheap_gov() {
		GovPerUsd::set(Some(FixedU128::saturating_from_integer(10_000_000_000u128)));
	}
	pub fn emitted_usd() -> Balance {
		EMITTED_USD.with(|e| *e.borrow())
	}
}
impl GovEmission<AccountId> for MockEmission {
	fn launched() -> bool {
		EMISSION.with(|e| *e.borrow()) > 0
	}
	fn block_emission() -> Balance {
		EMISSION.with(|e| *e.borrow())
	}
	fn emission_over(blocks: u32) -> Balance {
		EMISSION.with(|e| *e.borrow()) * Balance::from(blocks)
	}
	fn gov_per_usd() -> Option<FixedU128> {
		GovPerUsd::get()
	}
	fn emit(to: &AccountId, amount: Balance, usd: Balance) -> Result<Balance, DispatchError> {
		Balances::mint_into(to, amount)?;
		EMITTED.with(|e| *e.borrow_mut() += amount);
		EMITTED_USD.with(|e| *e.borrow_mut() += usd);
		Ok(amount)
	}
}

/// GOV fees go to the treasury account (the runtime burns part of them).
pub struct FeesToTreasury;
impl OnUnbalanced<pallet_subnets::CreditOf<Test>> for FeesToTreasury {
	fn on_nonzero_unbalanced(fee: pallet_subnets::CreditOf<Test>) {
		let _ = Balances::resolve(&TREASURY, fee);
	}
}

parameter_types! {
	pub const SubnetsPalletId: PalletId = PalletId(*b"tdm/subn");
	pub static MinLockCost: Balance = 1_000 * GOV;
	pub static SwapFee: Perbill = Perbill::from_parts(500_000); // 0.05 %
	pub static MinReserve: Balance = GOV;
	pub static ValidatorTake: Perbill = Perbill::from_percent(18);
	pub static PriceEmaHalfLife: u32 = 100;
	pub static MinerAlphaShare: Perbill = Perbill::from_percent(41);
	pub static EmissionPerRevenue: Perbill = Perbill::from_percent(6);
	pub static AllowanceCarry: u32 = 100;
	/// $0.03 per credit.
	pub static CreditPrice: Balance = 30_000;
	/// 1 GOV per USD (10^12 GOV units per 10^6 USD units).
	pub static GovPerUsd: Option<FixedU128> = Some(FixedU128::from_u32(1_000_000));
	pub static MaxStakeSlash: Perbill = Perbill::from_percent(50);
	pub const OwnerAlphaCut: Perbill = Perbill::from_percent(18);
	pub const LockReductionInterval: u32 = 1_000;
	pub static MaxEpochsPerBlock: u32 = 2;
	pub static NetworkImmunity: u32 = 100;
	/// Makes the mock credit ledger refuse to retire this subnet's pool.
	pub static RetireFails: Option<NetUid> = None;
	/// The weight `on_idle` is offered each block.
	pub static IdleWeight: Weight = Weight::from_parts(2_000_000_000_000, u64::MAX);
}

frame_support::ord_parameter_types! {
	pub const Stopper: AccountId = STOPPER;
}

impl pallet_subnets::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type GovCurrency = Balances;
	type Metagraph = Yuma;
	type GovFeeSink = FeesToTreasury;
	type Credits = MockCredits;
	type Emission = MockEmission;
	type PalletId = SubnetsPalletId;
	type AdminOrigin = EnsureRoot<AccountId>;
	type StopOrigin = frame_support::traits::EitherOfDiverse<
		EnsureRoot<AccountId>,
		frame_system::EnsureSignedBy<Stopper, AccountId>,
	>;
	type SlashOrigin = EnsureRoot<AccountId>;
	type DissolveOrigin = EnsureRoot<AccountId>;
	type NetworkImmunity = NetworkImmunity;
	type MaxSubnets = ConstU32<16>;
	type MaxEpochsPerBlock = MaxEpochsPerBlock;
	type MinLockCost = MinLockCost;
	type LockReductionInterval = LockReductionInterval;
	type SwapFee = SwapFee;
	type MinReserve = MinReserve;
	type ValidatorTake = ValidatorTake;
	type OwnerAlphaCut = OwnerAlphaCut;
	type MinerAlphaShare = MinerAlphaShare;
	type EmissionPerRevenue = EmissionPerRevenue;
	type AllowanceCarry = AllowanceCarry;
	type PriceEmaHalfLife = PriceEmaHalfLife;
	type MaxStakeSlash = MaxStakeSlash;
	type MaxReasonLen = ConstU32<64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBench;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBench;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for MockBench {
	fn launch() {
		MockEmission::launch(GOV);
	}
	fn fill_credit_pool(netuid: NetUid, credits: Balance) {
		MockCredits::spend(netuid, credits);
	}
	fn set_miner_alpha_share(share: Perbill) {
		MinerAlphaShare::set(share);
	}
	fn open_airdrop() {}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> = vec![
		(ALICE, 1_000_000 * GOV),
		(BOB, 1_000_000 * GOV),
		(CHARLIE, 1_000_000 * GOV),
		(TREASURY, 1),
	];
	balances.push((Subnets::pot(), 1));
	for hot in 11..=20 {
		balances.push((hot + 100, 1_000 * GOV));
	}
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	CREDITS.with(|c| c.borrow_mut().clear());
	EARNED.with(|c| c.borrow_mut().clear());
	RETIRED.with(|c| *c.borrow_mut() = 0);
	EMISSION.with(|c| *c.borrow_mut() = 0);
	EMITTED.with(|c| *c.borrow_mut() = 0);
	EMITTED_USD.with(|c| *c.borrow_mut() = 0);
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` and then checks every invariant of the subnets and yuma pallets.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Subnets::do_try_state().expect("subnets invariants hold");
		Yuma::do_try_state().expect("yuma invariants hold");
	});
}

/// Runs blocks (hooks included) up to and including `n`.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		Subnets::on_idle(System::block_number(), IdleWeight::get());
		Subnets::on_finalize(System::block_number());
		System::set_block_number(System::block_number() + 1);
		Subnets::on_initialize(System::block_number());
	}
}

/// The coldkey that registers hotkey `hot`.
pub fn cold(hot: AccountId) -> AccountId {
	hot + 100
}

/// Registers a subnet owned by `ALICE` and returns its id.
pub fn new_subnet() -> NetUid {
	frame_support::assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), u128::MAX));
	events()
		.into_iter()
		.rev()
		.find_map(|e| match e {
			pallet_subnets::Event::NetworkRegistered { netuid, .. } => Some(netuid),
			_ => None,
		})
		.expect("registered")
}

/// Registers hotkey `hot` (paid by its coldkey) on `netuid`.
pub fn register(netuid: NetUid, hot: AccountId) {
	let proof = TestSignature(hot, Yuma::hotkey_message(&cold(hot), netuid));
	frame_support::assert_ok!(Yuma::register(RuntimeOrigin::signed(cold(hot)), netuid, hot, proof));
}

pub fn events() -> Vec<pallet_subnets::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Subnets(e) = r.event { Some(e) } else { None })
		.collect()
}
