//! A test runtime: system, balances, assets (USD = asset 1) and credits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_credits;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{BuildStorage, Perbill};
use tandem_primitives::{Balance, NetUid, SubnetRegistry};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Credits: pallet_credits,
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

pub const USD: u32 = 1;
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const GATEWAY: AccountId = 10;
pub const ISSUER: AccountId = 11;
pub const OWNER: AccountId = 20;
pub const TREASURY: AccountId = 100;
pub const BUYBACK: AccountId = 101;
/// Accounts funded with USD at genesis.
pub const USD_FUNDED: [AccountId; 5] = [ALICE, BOB, CHARLIE, GATEWAY, ISSUER];
pub const USD_ENDOWMENT: Balance = 1_000_000 * 1_000_000; // $1M
pub const CREDIT: Balance = 1_000_000;
/// One cent: the runtime's USD minimum balance (the mock's asset starts at 1 unit).
pub const USD_CENT: Balance = 10_000;

/// Raises the USD asset's minimum balance to `min`, as the runtime's one cent.
pub fn set_usd_min_balance(min: Balance) {
	pallet_assets::Asset::<Test>::mutate(USD, |d| {
		d.as_mut().expect("USD exists").min_balance = min
	});
}

thread_local! {
	static SUBNETS: RefCell<Vec<NetUid>> = RefCell::new(vec![1, 2]);
}

/// The GOV fee of a call: one GOV unit per unit of ref-time, one µGOV per byte.
pub struct WeightAsGov;
impl sp_runtime::traits::Convert<(frame_support::weights::Weight, u32), Balance> for WeightAsGov {
	fn convert((weight, len): (frame_support::weights::Weight, u32)) -> Balance {
		u128::from(weight.ref_time()) + u128::from(len) * 1_000_000
	}
}

/// Subnets 1 and 2 exist (tests may add more).
pub struct MockSubnets;
impl MockSubnets {
	pub fn add(netuid: NetUid) {
		SUBNETS.with(|s| s.borrow_mut().push(netuid));
	}
}
impl SubnetRegistry for MockSubnets {
	fn exists(netuid: NetUid) -> bool {
		SUBNETS.with(|s| s.borrow().contains(&netuid))
	}
}

parameter_types! {
	pub const CreditsPalletId: PalletId = PalletId(*b"tdm/cred");
	pub const UsdAssetId: u32 = USD;
	pub const Treasury: AccountId = TREASURY;
	pub const BuybackPot: AccountId = BUYBACK;
	pub static CreditPrice: Balance = 30_000;
	pub static PayoutRate: Balance = 27_000;
	pub static ProtocolFee: Perbill = Perbill::from_percent(10);
	pub static OwnerCut: Perbill = Perbill::from_percent(5);
	pub static ValidatorCut: Perbill = Perbill::from_percent(15);
	pub static MaxCreditSlash: Perbill = Perbill::from_percent(50);
	/// 0.01 credit per fee-in-credits transaction.
	pub static CreditTxFee: Balance = 10_000;
	/// GOV at $1: 10^6 GOV units per USD unit (`None`: no price).
	pub static GovPrice: Option<sp_runtime::FixedU128> = None;
	pub static FeeSettleInterval: u32 = 10;
}

impl pallet_credits::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Assets = Assets;
	type UsdAssetId = UsdAssetId;
	type PalletId = CreditsPalletId;
	type BuybackPot = BuybackPot;
	type Treasury = Treasury;
	type Subnets = MockSubnets;
	type CreditPrice = CreditPrice;
	type PayoutRate = PayoutRate;
	type ProtocolFee = ProtocolFee;
	type OwnerCut = OwnerCut;
	type ValidatorCut = ValidatorCut;
	type MaxCreditSlash = MaxCreditSlash;
	type CreditTxFee = CreditTxFee;
	type GovFee = WeightAsGov;
	type GovPrice = GovPrice;
	type FeeSettleInterval = FeeSettleInterval;
	type AirdropBasisObserver = ();
	type SlashOrigin = EnsureRoot<AccountId>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxReasonLen = ConstU32<64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub fn vault() -> AccountId {
	Credits::vault_account()
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: USD_FUNDED.iter().map(|a| (*a, 1_000_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut accounts: Vec<(u32, AccountId, Balance)> =
		USD_FUNDED.iter().map(|a| (USD, *a, USD_ENDOWMENT)).collect();
	// Pallet accounts hold the minimum balance from genesis so nothing is refused as dust.
	for a in [vault(), TREASURY, BUYBACK] {
		accounts.push((USD, a, 1));
	}
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USD, ALICE, true, 1)],
		metadata: vec![(USD, b"US Dollar".to_vec(), b"USD".to_vec(), 6)],
		accounts,
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_credits::GenesisConfig::<Test> { issuers: vec![ISSUER], earners: vec![] }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` and then checks every invariant of the pallet.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Credits::do_try_state().expect("try_state invariants hold");
	});
}

pub fn usd_of(who: AccountId) -> Balance {
	use frame_support::traits::fungibles::Inspect;
	<Assets as Inspect<AccountId>>::balance(USD, &who)
}

/// Mints `amount` USD to `who` (an account that then holds USD and nothing else).
pub fn fund_usd(who: AccountId, amount: Balance) {
	use frame_support::traits::fungibles::Mutate;
	<Assets as Mutate<AccountId>>::mint_into(USD, &who, amount).expect("USD minted");
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for MockBenchmarkHelper {
	fn setup() {}
	fn subnet() -> NetUid {
		1
	}
}
