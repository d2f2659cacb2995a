//! `Config` of every pallet in the runtime.

use crate::{dynamic_params, governance};
use crate::{
	fees::{DealWithFees, TREASURY_PALLET_ID},
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask,
	System, VERSION,
};
#[allow(unused_imports)] // `ord_parameter_types!` expands to `vec![]` in no_std.
use alloc::vec;
use frame_support::traits::tokens::{
	fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
	imbalance::ResolveAssetTo,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8},
	weights::{
		constants::{RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
	PalletId,
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot, EnsureSigned,
};
use pallet_asset_conversion::{AccountIdConverter, Ascending, Chain, WithFirstAsset};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::Permill;
use sp_runtime::{
	traits::{AccountIdConversion, One},
	Perbill,
};
use tandem_primitives::{gov, time::SLOT_DURATION, usd, AssetId};

/// A dispatch may use at most 75 % of a block; the rest is kept for operational transactions.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;

	/// Two seconds of compute per 6-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks; normal transactions may use 75 % of that.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO.mul_floor(MAX_BLOCK_LENGTH)
		})
		.build();
	/// Generic Substrate address format (`5...` addresses), as polkadot.js expects by default.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type BaseCallFilter = NoDirectBurn;
}

/// Every GOV burn goes through `pallet-gov-token` so supply is accounted in one place: the
/// balances pallet's own `burn` call is filtered out.
pub struct NoDirectBurn;
impl frame_support::traits::Contains<RuntimeCall> for NoDirectBurn {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Balances(pallet_balances::Call::burn { .. }))
	}
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

/// Finds the author of the current block from Aura's pre-runtime digest and turns the Aura key
/// into the account it is (an sr25519 key is an account id).
pub struct AuraAccountAdapter;
impl frame_support::traits::FindAuthor<AccountId> for AuraAccountAdapter {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (sp_runtime::ConsensusEngineId, &'a [u8])>,
	{
		pallet_aura::FindAccountFromAuthorIndex::<Runtime, Aura>::find_author(digests)
			.and_then(|key| AccountId::try_from(AsRef::<[u8]>::as_ref(&key)).ok())
	}
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = AuraAccountAdapter;
	type EventHandler = ();
}

parameter_types! {
	/// 0.001 GOV keeps an account alive.
	pub const ExistentialDeposit: Balance = gov::MILLI;
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	// Dust of reaped accounts leaves issuance through gov-token, which records it as burned.
	type DustRemoval = pallet_gov_token::BurnGov<Runtime>;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = ConstU32<8>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// 1 µGOV per byte of transaction.
	pub const TransactionByteFee: Balance = gov::MICRO;
}

/// Fee for a dispatch of `weight`: 1 GOV per 10^15 units of ref-time (a plain transfer costs
/// roughly 0.0002 GOV), plus the length fee. Fees are routed by [`DealWithFees`], never burned.
pub type WeightToFee = IdentityFee<Balance>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, DealWithFees>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = frame_support::weights::ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Anyone may create an asset, for a deposit large enough to deter spam.
	pub const AssetDeposit: Balance = 100 * gov::UNIT;
	pub const AssetAccountDeposit: Balance = gov::UNIT / 100;
	pub const MetadataDepositBase: Balance = gov::UNIT;
	pub const MetadataDepositPerByte: Balance = gov::UNIT / 100;
	pub const ApprovalDeposit: Balance = gov::UNIT / 100;
	pub const AssetsStringLimit: u32 = 50;
	pub const RemoveItemsLimit: u32 = 1000;
	/// Smallest USD balance an account may hold: 0.01 USD.
	pub const UsdMinBalance: Balance = usd::CENT;
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = AssetsStringLimit;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	// Permissionless `create` must take the next id in sequence, so no one can squat on an id
	// (e.g. a future stable) by guessing it.
	type AssetIdAllocator = pallet_assets::AutoIncAssetId<Runtime>;
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	type RemoveItemsLimit = RemoveItemsLimit;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = crate::OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Derives the credits vault (the USD backing credits).
	pub const CreditsPalletId: PalletId = PalletId(*b"tdm/cred");
	/// Derives the buyback pot (USD waiting to buy GOV back; `pallet-gov-token` spends it).
	pub const BuybackPalletId: PalletId = PalletId(*b"tdm/bbak");
	/// Derives the contributor airdrop reserve (GOV set aside at genesis).
	pub const AirdropPalletId: PalletId = PalletId(*b"tdm/drop");
	/// Derives the ecosystem fund (GOV set aside at genesis).
	pub const EcosystemPalletId: PalletId = PalletId(*b"tdm/ecos");
	/// Derives the subnets pot (every subnet pool's GOV reserve).
	pub const SubnetsPalletId: PalletId = PalletId(*b"tdm/subn");
	pub const UsdAsset: AssetId = tandem_primitives::USD_ASSET_ID;
	pub TreasuryAccount: AccountId = crate::fees::treasury_account();
	pub BuybackPotAccount: AccountId = buyback_pot_account();
	/// 0.01 credit (about $0.0003) for `spend` and `cash_out`, paid in credits.
	pub const CreditTxFee: Balance = tandem_primitives::credit::UNIT / 100;
}

/// The contributor airdrop reserve.
pub fn airdrop_reserve_account() -> AccountId {
	AirdropPalletId::get().into_account_truncating()
}

/// The ecosystem fund.
pub fn ecosystem_fund_account() -> AccountId {
	EcosystemPalletId::get().into_account_truncating()
}

/// The buyback pot account.
pub fn buyback_pot_account() -> AccountId {
	BuybackPalletId::get().into_account_truncating()
}

impl pallet_credits::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Assets = crate::Assets;
	type UsdAssetId = UsdAsset;
	type PalletId = CreditsPalletId;
	type BuybackPot = BuybackPotAccount;
	type Treasury = TreasuryAccount;
	type Subnets = crate::Subnets;
	type CreditPrice = dynamic_params::credits::CreditPrice;
	type PayoutRate = dynamic_params::credits::PayoutRate;
	type ProtocolFee = dynamic_params::credits::ProtocolFee;
	type OwnerCut = dynamic_params::credits::OwnerCut;
	type ValidatorCut = dynamic_params::credits::ValidatorCut;
	type MaxCreditSlash = dynamic_params::credits::MaxCreditSlash;
	type CreditTxFee = CreditTxFee;
	// The contributor airdrop snapshots earnings lazily.
	type EarningsObserver = crate::GovToken;
	// Slashes: root or the `slasher` track; payment issuers: root or the `treasurer` track.
	type SlashOrigin = governance::SlashOrigin;
	type AdminOrigin = governance::TreasurerOrigin;
	type MaxReasonLen = ConstU32<128>;
	type WeightInfo = pallet_credits::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CreditsBenchmarkHelper;
}

/// Benchmark set-up: USD exists at genesis of the benchmark chain spec; subnet 1 is valid.
#[cfg(feature = "runtime-benchmarks")]
pub struct CreditsBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_credits::BenchmarkHelper for CreditsBenchmarkHelper {
	fn setup() {
		use frame_support::traits::fungibles::{Create, Inspect};
		let id = tandem_primitives::USD_ASSET_ID;
		if !<crate::Assets as Inspect<AccountId>>::asset_exists(id) {
			let owner: AccountId = TreasuryAccount::get();
			let _ = <crate::Assets as Create<AccountId>>::create(id, owner, true, 1);
		}
	}
	fn subnet() -> tandem_primitives::NetUid {
		ensure_benchmark_subnets();
		1
	}
}

parameter_types! {
	/// Storage bound on uids per subnet; `yuma::MaxAllowedUids` (256) is the working limit.
	pub const YumaMaxUids: u32 = 4_096;
	/// The registration burn halves every 360 blocks (36 minutes).
	pub const BurnHalvingInterval: u32 = 360;
}

impl pallet_yuma::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = crate::Balances;
	// Registration burns are destroyed through gov-token, which records them.
	type BurnSink = pallet_gov_token::BurnGov<Runtime>;
	type Subnets = crate::Subnets;
	// Validators are weighed by the alpha staked to their hotkeys.
	type Stake = crate::Subnets;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxUids = YumaMaxUids;
	type MaxAllowedUids = dynamic_params::yuma::MaxAllowedUids;
	type MaxValidators = dynamic_params::yuma::MaxValidators;
	type ValidatorStakeThreshold = dynamic_params::yuma::ValidatorStakeThreshold;
	type Tempo = dynamic_params::yuma::Tempo;
	type Kappa = dynamic_params::yuma::Kappa;
	type BondsAlpha = dynamic_params::yuma::BondsAlpha;
	type LiquidAlpha = dynamic_params::yuma::LiquidAlpha;
	type AlphaLow = dynamic_params::yuma::AlphaLow;
	type AlphaHigh = dynamic_params::yuma::AlphaHigh;
	type ImmunityPeriod = dynamic_params::yuma::ImmunityPeriod;
	type WeightsRateLimit = dynamic_params::yuma::WeightsRateLimit;
	type CommitReveal = dynamic_params::yuma::CommitReveal;
	type MinAllowedWeights = dynamic_params::yuma::MinAllowedWeights;
	type ActivityCutoff = dynamic_params::yuma::ActivityCutoff;
	type MinBurn = dynamic_params::yuma::MinBurn;
	type MaxBurn = dynamic_params::yuma::MaxBurn;
	type BurnHalvingInterval = BurnHalvingInterval;
	type WeightInfo = pallet_yuma::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = YumaBenchmarkHelper;
}

/// Benchmark set-up: stake is written as a hotkey's alpha; limits are set through
/// `governance.set_parameter`.
#[cfg(feature = "runtime-benchmarks")]
pub struct YumaBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_yuma::BenchmarkHelper<AccountId> for YumaBenchmarkHelper {
	fn subnet() -> tandem_primitives::NetUid {
		ensure_benchmark_subnets();
		1
	}
	fn set_stake(netuid: tandem_primitives::NetUid, hotkey: &AccountId, stake: u128) {
		// Yuma reads the hotkey's alpha; the benchmark only needs the number to be there.
		pallet_subnets::HotkeyAlpha::<Runtime>::insert(
			netuid,
			hotkey,
			pallet_subnets::types::HotkeyStake { alpha: stake, shares: 0 },
		);
	}
	fn set_limits(max_validators: u16, max_allowed_uids: u16) {
		use dynamic_params::{yuma, RuntimeParameters};
		for p in [
			yuma::Parameters::MaxValidators(yuma::MaxValidators, Some(max_validators)),
			yuma::Parameters::MaxAllowedUids(yuma::MaxAllowedUids, Some(max_allowed_uids)),
		] {
			let _ =
				crate::Governance::set_parameter(RuntimeOrigin::root(), RuntimeParameters::Yuma(p));
		}
	}
	fn set_commit_reveal(on: bool) {
		use dynamic_params::{yuma, RuntimeParameters};
		let p = yuma::Parameters::CommitReveal(yuma::CommitReveal, Some(on));
		let _ = crate::Governance::set_parameter(RuntimeOrigin::root(), RuntimeParameters::Yuma(p));
	}
}

// --- The USD/GOV market (`pallet-asset-conversion`) and GOV supply (`pallet-gov-token`) ---

parameter_types! {
	/// Derives the asset-conversion pallet's account and its pools' accounts.
	pub const AssetConversionPalletId: PalletId = PalletId(*b"py/ascon");
	/// The native token as an asset-conversion asset kind.
	pub const NativeKind: NativeOrWithId<AssetId> = NativeOrWithId::Native;
	/// USD as an asset-conversion asset kind.
	pub const UsdKind: NativeOrWithId<AssetId> = NativeOrWithId::WithId(tandem_primitives::USD_ASSET_ID);
	/// Highest LP fee governance may set.
	pub const MaxSwapFee: Permill = Permill::from_percent(10);
	/// No fee on withdrawing liquidity.
	pub const LiquidityWithdrawalFee: Permill = Permill::zero();
	/// Creating a pool costs nothing beyond the transaction fee.
	pub const PoolSetupFee: Balance = 0;
	/// LP tokens locked forever by a pool's first deposit (12-decimal units).
	pub const MintMinLiquidity: Balance = 100;
}

frame_support::ord_parameter_types! {
	/// Only asset-conversion creates LP-token assets.
	pub const AssetConversionOrigin: AccountId =
		AccountIdConversion::<AccountId>::into_account_truncating(&AssetConversionPalletId::get());
}

/// GOV (native) and every `pallet-assets` asset as one `fungibles` set.
pub type NativeAndAssets =
	UnionOf<Balances, crate::Assets, NativeFromLeft, NativeOrWithId<AssetId>, AccountId>;
/// The account of a pool.
pub type PoolIdToAccountId =
	AccountIdConverter<AssetConversionPalletId, (NativeOrWithId<AssetId>, NativeOrWithId<AssetId>)>;

/// LP tokens of the asset-conversion pools (a second assets instance).
impl pallet_assets::Config<pallet_assets::Instance2> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type AssetId = u32;
	type AssetIdParameter = u32;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin =
		AsEnsureOriginWithArg<frame_system::EnsureSignedBy<AssetConversionOrigin, AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
	type StringLimit = AssetsStringLimit;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	type RemoveItemsLimit = RemoveItemsLimit;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_asset_conversion::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type HigherPrecisionBalance = sp_core::U256;
	type AssetKind = NativeOrWithId<AssetId>;
	type Assets = NativeAndAssets;
	type PoolId = (Self::AssetKind, Self::AssetKind);
	type PoolLocator = Chain<
		WithFirstAsset<NativeKind, AccountId, NativeOrWithId<AssetId>, PoolIdToAccountId>,
		Ascending<AccountId, NativeOrWithId<AssetId>, PoolIdToAccountId>,
	>;
	type PoolAssetId = u32;
	type PoolAssets = crate::PoolAssets;
	type PoolSetupFee = PoolSetupFee;
	type PoolSetupFeeAsset = NativeKind;
	type PoolSetupFeeTarget = ResolveAssetTo<TreasuryAccount, Self::Assets>;
	type PalletId = AssetConversionPalletId;
	type WeightInfo = pallet_asset_conversion::weights::SubstrateWeight<Runtime>;
	type LPFee = dynamic_params::token::PoolLpFee;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxSwapFee = MaxSwapFee;
	type LiquidityWithdrawalFee = LiquidityWithdrawalFee;
	type MaxSwapPathLength = ConstU32<3>;
	type MintMinLiquidity = MintMinLiquidity;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = AssetConversionBenchmarkHelper;
}

/// The buyback trades USD → GOV through the asset-conversion pool.
pub struct UsdGovMarket;
impl pallet_gov_token::BuybackMarket<AccountId> for UsdGovMarket {
	fn reserves() -> Option<(Balance, Balance)> {
		crate::AssetConversion::get_reserves(UsdKind::get(), NativeKind::get()).ok()
	}
	fn quote_usd_for_gov(usd_in: Balance) -> Option<Balance> {
		crate::AssetConversion::quote_price_exact_tokens_for_tokens(
			UsdKind::get(),
			NativeKind::get(),
			usd_in,
			true,
		)
	}
	fn swap_usd_for_gov(
		who: &AccountId,
		usd_in: Balance,
		min_gov_out: Balance,
	) -> Result<Balance, sp_runtime::DispatchError> {
		<crate::AssetConversion as pallet_asset_conversion::Swap<AccountId>>::swap_exact_tokens_for_tokens(
			who.clone(),
			alloc::vec![UsdKind::get(), NativeKind::get()],
			usd_in,
			Some(min_gov_out),
			who.clone(),
			true,
		)
	}
	fn seed(provider: &AccountId, usd: Balance, gov: Balance) -> sp_runtime::DispatchResult {
		use alloc::boxed::Box;
		let origin = RuntimeOrigin::signed(provider.clone());
		let created = crate::AssetConversion::create_pool(
			origin.clone(),
			Box::new(UsdKind::get()),
			Box::new(NativeKind::get()),
		);
		let exists: sp_runtime::DispatchError =
			pallet_asset_conversion::Error::<Runtime>::PoolExists.into();
		match created {
			Err(e) if e != exists => return Err(e),
			_ => {}
		}
		crate::AssetConversion::add_liquidity(
			origin,
			Box::new(UsdKind::get()),
			Box::new(NativeKind::get()),
			usd,
			gov,
			1,
			1,
			provider.clone(),
		)
	}
}

parameter_types! {
	/// E0: 0.5 GOV per block before the first halving.
	pub const InitialEmission: Balance = gov::UNIT / 2;
	/// At most 10.5 M GOV is ever emitted (genesis + emission ≤ 21 M).
	pub const EmissionCap: Balance = 10_500_000 * gov::UNIT;
	/// The oracle moves 1 % of the way to the spot price per block (half-life ≈ 69 blocks).
	pub const OracleSmoothing: Perbill = Perbill::from_percent(1);
	/// The contributor airdrop reserve.
	pub AirdropReserveAccount: AccountId = airdrop_reserve_account();
}

impl pallet_gov_token::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type Assets = crate::Assets;
	type UsdAssetId = UsdAsset;
	type Market = UsdGovMarket;
	type BuybackPot = BuybackPotAccount;
	type Treasury = TreasuryAccount;
	// Launching GOV is a one-off decision of the `root` track.
	type LaunchOrigin = EnsureRoot<AccountId>;
	type InitialEmission = InitialEmission;
	type EmissionCap = EmissionCap;
	type BuybackInterval = dynamic_params::token::BuybackInterval;
	type BuybackLot = dynamic_params::token::BuybackLot;
	type BuybackShare = dynamic_params::token::BuybackShare;
	type MaxBuybackSlippage = dynamic_params::token::MaxBuybackSlippage;
	type OracleSmoothing = OracleSmoothing;
	type Credits = crate::Credits;
	// Airdrops pay out of the reserve: root or the `treasurer` track.
	type AirdropOrigin = governance::TreasurerOrigin;
	type AirdropReserve = AirdropReserveAccount;
	type AirdropClaimPeriod = dynamic_params::token::AirdropClaimPeriod;
	type WeightInfo = pallet_gov_token::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GovTokenBenchmarkHelper;
}

/// Benchmark pairs for asset-conversion: native against a fresh asset with the id the assets
/// pallet allocates next (it auto-increments ids), so no pair collides with the genesis USD/GOV
/// pool.
#[cfg(feature = "runtime-benchmarks")]
pub struct AssetConversionBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
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

/// Benchmark set-up: USD exists, a funded provider seeds the pool, the pot gets USD.
#[cfg(feature = "runtime-benchmarks")]
pub struct GovTokenBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_gov_token::BenchmarkHelper<AccountId> for GovTokenBenchmarkHelper {
	fn setup_market_and_pot(usd_amount: Balance) {
		use frame_support::traits::fungibles::Mutate as _;
		use pallet_gov_token::BuybackMarket;
		<CreditsBenchmarkHelper as pallet_credits::BenchmarkHelper>::setup();
		let usd_id = tandem_primitives::USD_ASSET_ID;
		let provider: AccountId = AccountId::new([7u8; 32]);
		let _ = <crate::Balances as frame_support::traits::fungible::Mutate<AccountId>>::mint_into(
			&provider,
			2_000_000 * gov::UNIT,
		);
		let _ = crate::Assets::mint_into(usd_id, &provider, 2_000_000 * usd::UNIT);
		if UsdGovMarket::reserves().is_none() {
			let _ = UsdGovMarket::seed(&provider, 1_000_000 * usd::UNIT, 1_000_000 * gov::UNIT);
		}
		let _ = crate::Assets::mint_into(usd_id, &BuybackPotAccount::get(), usd_amount);
	}
	fn give_earnings(who: &AccountId, credits: Balance) {
		use tandem_primitives::EarningsObserver;
		let before = pallet_credits::Accounts::<Runtime>::get(who).earned_total;
		<crate::GovToken as EarningsObserver<AccountId>>::before_earn(who, before);
		pallet_credits::Accounts::<Runtime>::mutate(who, |a| {
			a.earned_total = a.earned_total.saturating_add(credits);
		});
		pallet_credits::TotalEarned::<Runtime>::mutate(|t| *t = t.saturating_add(credits));
	}
}

parameter_types! {
	/// The smallest amount `vested_transfer` may lock (1 GOV).
	pub const MinVestedTransfer: Balance = gov::UNIT;
	/// Locked (unvested) GOV may still pay transaction fees and tips, nothing else.
	pub UnvestedFundsAllowedWithdrawReasons: frame_support::traits::WithdrawReasons =
		frame_support::traits::WithdrawReasons::except(
			frame_support::traits::WithdrawReasons::TRANSFER | frame_support::traits::WithdrawReasons::RESERVE,
		);
}

/// Team and investor allocations vest here (1-year cliff, then 4 years linear).
impl pallet_vesting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BlockNumberToBalance = sp_runtime::traits::ConvertInto;
	type MinVestedTransfer = MinVestedTransfer;
	type WeightInfo = pallet_vesting::weights::SubstrateWeight<Runtime>;
	type UnvestedFundsAllowedWithdrawReasons = UnvestedFundsAllowedWithdrawReasons;
	type BlockNumberProvider = System;
	const MAX_VESTING_SCHEDULES: u32 = 28;
}

parameter_types! {
	/// The treasury's pallet id (`py/trsry`: the account fees are routed to).
	pub const TreasuryPalletId: PalletId = TREASURY_PALLET_ID;
	/// Approved spends are paid out every day.
	pub const SpendPeriod: BlockNumber = tandem_primitives::time::DAYS;
	/// Unspent funds are never burned: every GOV burn goes through `pallet-gov-token`.
	pub const TreasuryBurn: Permill = Permill::zero();
	/// A spend may be claimed for 30 days after it becomes payable.
	pub const SpendPayoutPeriod: BlockNumber = tandem_primitives::time::MONTH;
	/// Most approvals waiting at once.
	pub const MaxApprovals: u32 = 100;
}

/// The foundation treasury: holds its genesis allocation, 80 % of fees, the lots' USD rest
/// and returned airdrops; spends need root or the `treasurer` track (`governance::TreasurySpendOrigin`).
impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = governance::TreasurerOrigin;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = TreasuryBurn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = MaxApprovals;
	type SpendOrigin = governance::TreasurySpendOrigin;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type Paymaster = frame_support::traits::tokens::PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = frame_support::traits::tokens::UnityAssetBalanceConversion;
	type PayoutPeriod = SpendPayoutPeriod;
	type BlockNumberProvider = System;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = dynamic_params::RuntimeParameters;
	// Nobody writes parameters here: `governance.set_parameter` checks bounds first.
	type AdminOrigin = governance::RawParametersOrigin;
	type WeightInfo = ();
}

// --- dTAO subnet pools (`pallet-subnets`) ---

parameter_types! {
	/// The owner's cut of each epoch's pending alpha (miners and validators halve the rest).
	pub const OwnerAlphaCut: Perbill = Perbill::from_percent(18);
	/// The doubled lock cost decays back by one lock over 14 days.
	pub const LockReductionInterval: u32 = 14 * tandem_primitives::time::DAYS;
	/// A pool keeps at least 1 GOV and 1 alpha.
	pub const SubnetMinReserve: Balance = gov::UNIT;
}

/// The subnets pot account.
pub fn subnets_pot_account() -> AccountId {
	SubnetsPalletId::get().into_account_truncating()
}

impl pallet_subnets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type GovCurrency = Balances;
	// GOV swap fees: `BuybackShare` burned, the rest to the treasury.
	type GovFeeSink = pallet_gov_token::GovFeeSink<Runtime>;
	type Credits = crate::Credits;
	type Emission = crate::GovToken;
	type PalletId = SubnetsPalletId;
	// Turning a subnet's emission on or off is a `root` track decision.
	type AdminOrigin = EnsureRoot<AccountId>;
	type SlashOrigin = governance::SlashOrigin;
	type MaxSubnets = ConstU32<64>;
	type MaxEpochsPerBlock = ConstU32<2>;
	type MinLockCost = dynamic_params::subnets::MinLockCost;
	type LockReductionInterval = LockReductionInterval;
	type SwapFee = dynamic_params::subnets::SwapFee;
	type MinReserve = SubnetMinReserve;
	type ValidatorTake = dynamic_params::subnets::ValidatorTake;
	type OwnerAlphaCut = OwnerAlphaCut;
	type RevenueWeight = dynamic_params::subnets::RevenueWeight;
	type PriceEmaHalfLife = dynamic_params::subnets::PriceEmaHalfLife;
	type WarmupBlocks = dynamic_params::subnets::WarmupBlocks;
	type MaxStakeSlash = dynamic_params::subnets::MaxStakeSlash;
	type MaxReasonLen = ConstU32<128>;
	type WeightInfo = pallet_subnets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SubnetsBenchmarkHelper;
}

/// Benchmark set-up: makes sure subnets 0 and 1 exist (the other pallets' benchmarks use them).
#[cfg(feature = "runtime-benchmarks")]
pub fn ensure_benchmark_subnets() {
	use frame_support::traits::fungible::Mutate;
	let owner: AccountId = AccountId::new([9u8; 32]);
	while pallet_subnets::NextNetuid::<Runtime>::get() < 2 {
		let _ = <crate::Balances as Mutate<AccountId>>::mint_into(&owner, 1_000_000 * gov::UNIT);
		let _ = crate::Subnets::register_network(RuntimeOrigin::signed(owner.clone()));
	}
}

/// Benchmark set-up for `pallet-subnets`: launch GOV, fill a credit pool the way users do.
#[cfg(feature = "runtime-benchmarks")]
pub struct SubnetsBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_subnets::BenchmarkHelper for SubnetsBenchmarkHelper {
	fn launch() {
		let _ = crate::GovToken::launch(RuntimeOrigin::root());
	}
	fn fill_credit_pool(netuid: tandem_primitives::NetUid, credits: Balance) {
		use frame_support::traits::fungibles::Mutate as _;
		<CreditsBenchmarkHelper as pallet_credits::BenchmarkHelper>::setup();
		let user: AccountId = AccountId::new([8u8; 32]);
		let _ = <crate::Balances as frame_support::traits::fungible::Mutate<AccountId>>::mint_into(
			&user,
			gov::UNIT,
		);
		let _ =
			crate::Assets::mint_into(tandem_primitives::USD_ASSET_ID, &user, 1_000_000 * usd::UNIT);
		let _ = crate::Credits::buy(RuntimeOrigin::signed(user.clone()), credits, u128::MAX);
		let _ = crate::Credits::spend(RuntimeOrigin::signed(user), netuid, credits);
	}
}
