//! The foundation treasury (`pallet-treasury`).

use crate::{
	accounts::{TreasuryAccount, TreasuryPalletId},
	governance::origins::{TreasurerOrigin, TreasurySpendOrigin},
	AccountId, Balances, BlockNumber, Runtime, RuntimeEvent, System,
};
use frame_support::{
	parameter_types,
	traits::tokens::{PayFromAccount, UnityAssetBalanceConversion},
};
use sp_runtime::{traits::IdentityLookup, Permill};
use tandem_primitives::time::{DAYS, MONTH};

parameter_types! {
	/// Approved spends are paid out every day.
	pub const SpendPeriod: BlockNumber = DAYS;
	/// Unspent funds are never burned: every GOV burn goes through `pallet-gov-token`.
	pub const TreasuryBurn: Permill = Permill::zero();
	/// A spend may be claimed for 30 days after it becomes payable.
	pub const SpendPayoutPeriod: BlockNumber = MONTH;
	/// Most approvals waiting at once.
	pub const MaxApprovals: u32 = 100;
}

/// The foundation treasury: holds its genesis allocation, 80 % of fees, the lots' USD rest
/// and returned airdrops; spends need root or the `treasurer` track ([`TreasurySpendOrigin`]).
impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = TreasurerOrigin;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = TreasuryBurn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = MaxApprovals;
	type SpendOrigin = TreasurySpendOrigin;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = SpendPayoutPeriod;
	type BlockNumberProvider = System;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
