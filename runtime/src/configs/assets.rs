//! Tokens and fees: GOV (`pallet-balances`), transaction fees, the USD stable
//! (`pallet-assets`, asset 1) and vesting.

use crate::{
	fees::GovOrUsdFees, AccountId, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, System,
};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU8, WithdrawReasons},
	weights::{ConstantMultiplier, IdentityFee},
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_transaction_payment::{ConstFeeMultiplier, Multiplier};
use sp_runtime::traits::One;
use tandem_primitives::{gov, usd, AssetId};

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
/// roughly 0.0002 GOV), plus the length fee. Fees are routed by [`crate::fees::DealWithFees`],
/// never burned.
pub type WeightToFee = IdentityFee<Balance>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// GOV, or USD through the pool when the signer has no GOV to pay with (`fees`).
	type OnChargeTransaction = GovOrUsdFees;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
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
	pub const UsdAsset: AssetId = tandem_primitives::USD_ASSET_ID;
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

parameter_types! {
	/// The smallest amount `vested_transfer` may lock (1 GOV).
	pub const MinVestedTransfer: Balance = gov::UNIT;
	/// Locked (unvested) GOV may still pay transaction fees and tips, nothing else.
	pub UnvestedFundsAllowedWithdrawReasons: WithdrawReasons =
		WithdrawReasons::except(WithdrawReasons::TRANSFER | WithdrawReasons::RESERVE);
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
