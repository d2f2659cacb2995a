//! A test runtime: system, balances (GOV) and yuma, with stake, subnets and owners from
//! thread-local tables the tests set.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_yuma;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::ConstU128};
use frame_system::EnsureRoot;
use sp_runtime::{testing::TestSignature, BuildStorage, Perbill};
use std::collections::BTreeMap;
use tandem_primitives::{Balance, NetUid, StakeProvider, SubnetRegistry};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Yuma: pallet_yuma,
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

pub const NET: NetUid = 1;
pub const OWNER: AccountId = 500;
pub const COLD: AccountId = 1;
pub const POOR: AccountId = 2;
/// A funded coldkey that tries to take others' hotkeys.
pub const EVE: AccountId = 3;
pub const UNIT: Balance = 1_000_000_000_000;

thread_local! {
	static STAKE: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	/// Credits per coldkey (for `register_with_credits`), and the USD their burns moved.
	static CREDITS: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	static BURNED_USD: RefCell<Balance> = const { RefCell::new(0) };
}

/// Credits at a payout rate of $0.027, as the credits pallet prices them.
pub struct MockCreditBurn;
impl tandem_primitives::CreditBurn<AccountId> for MockCreditBurn {
	fn burn_worth(who: &AccountId, usd: Balance) -> Result<Balance, sp_runtime::DispatchError> {
		let credits = (usd * 1_000_000).div_ceil(27_000);
		CREDITS.with(|c| {
			let mut c = c.borrow_mut();
			let held = c.entry(*who).or_default();
			*held = held.checked_sub(credits).ok_or(sp_runtime::DispatchError::Other("short"))?;
			Ok::<_, sp_runtime::DispatchError>(())
		})?;
		BURNED_USD.with(|b| *b.borrow_mut() += usd);
		Ok(credits)
	}
}

pub fn set_credits(who: AccountId, credits: Balance) {
	CREDITS.with(|c| c.borrow_mut().insert(who, credits));
}

pub fn credits_of(who: AccountId) -> Balance {
	CREDITS.with(|c| c.borrow().get(&who).copied().unwrap_or(0))
}

pub fn burned_usd() -> Balance {
	BURNED_USD.with(|b| *b.borrow())
}

/// Subnets 1 and 2 exist.
pub struct MockSubnets;
impl SubnetRegistry for MockSubnets {
	fn exists(netuid: NetUid) -> bool {
		netuid == 1 || netuid == 2
	}
}

/// Stake per hotkey, the same on every subnet.
pub struct MockStake;
impl StakeProvider<AccountId> for MockStake {
	fn stake_of(_: NetUid, hotkey: &AccountId) -> Balance {
		STAKE.with(|s| s.borrow().get(hotkey).copied().unwrap_or(0))
	}
}

pub fn set_stake(hotkey: AccountId, stake: Balance) {
	STAKE.with(|s| s.borrow_mut().insert(hotkey, stake));
}

parameter_types! {
	pub static MaxAllowedUids: u16 = 256;
	pub static MaxValidators: u16 = 64;
	pub static ValidatorStakeThreshold: Balance = 0;
	pub static Tempo: u32 = 10;
	pub static Kappa: Perbill = Perbill::from_percent(50);
	/// GOV units per USD unit: GOV at $1.
	pub static GovPrice: Option<sp_runtime::FixedU128> = Some(sp_runtime::FixedU128::from_u32(1_000_000));
	pub static BondsAlpha: Perbill = Perbill::from_percent(10);
	pub static LiquidAlpha: bool = false;
	pub static AlphaLow: Perbill = Perbill::from_percent(5);
	pub static AlphaHigh: Perbill = Perbill::from_percent(30);
	pub static ImmunityPeriod: u32 = 100;
	pub static WeightsRateLimit: u32 = 0;
	pub static CommitReveal: bool = false;
	pub static MinAllowedWeights: u16 = 1;
	pub static ActivityCutoff: u32 = 5_000;
	pub static MinBurn: Balance = UNIT;
	pub static MaxBurn: Balance = 100 * UNIT;
	pub const MaxUids: u32 = 256;
	pub const BurnHalvingInterval: u32 = 360;
}

impl pallet_yuma::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BurnSink = ();
	type Subnets = MockSubnets;
	type Stake = MockStake;
	type Signature = TestSignature;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxUids = MaxUids;
	type MaxAllowedUids = MaxAllowedUids;
	type MaxValidators = MaxValidators;
	type ValidatorStakeThreshold = ValidatorStakeThreshold;
	type Tempo = Tempo;
	type Kappa = Kappa;
	type BondsAlpha = BondsAlpha;
	type LiquidAlpha = LiquidAlpha;
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
	type CreditBurn = MockCreditBurn;
	type GovPrice = GovPrice;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(COLD, 1_000_000 * UNIT),
			(POOR, UNIT / 2),
			(OWNER, UNIT),
			(EVE, 1_000 * UNIT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	STAKE.with(|s| s.borrow_mut().clear());
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` and then checks every invariant of the pallet.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Yuma::do_try_state().expect("try_state invariants hold");
	});
}

/// `hotkey`'s proof that `coldkey` may register it on `netuid` (the raw message).
pub fn proof(coldkey: AccountId, netuid: NetUid, hotkey: AccountId) -> TestSignature {
	TestSignature(hotkey, Yuma::hotkey_message(&coldkey, netuid))
}

pub fn run_to(block: u64) {
	System::set_block_number(block);
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, TestSignature> for MockBenchmarkHelper {
	fn subnet() -> NetUid {
		NET
	}
	fn set_stake(_: NetUid, hotkey: &AccountId, stake: u128) {
		set_stake(*hotkey, stake);
	}
	fn set_limits(max_validators: u16, max_allowed_uids: u16) {
		MaxValidators::set(max_validators);
		MaxAllowedUids::set(max_allowed_uids);
	}
	fn set_commit_reveal(on: bool) {
		CommitReveal::set(on);
	}
	fn signed_hotkey(message: &[u8]) -> (AccountId, TestSignature) {
		(7_777, TestSignature(7_777, message.to_vec()))
	}
	fn fund_credits(who: &AccountId) {
		set_credits(*who, u128::MAX / 4);
	}
}
