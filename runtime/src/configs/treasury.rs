//! The foundation treasury (`pallet-treasury`): spends in USD and GOV.
//!
//! `treasury.spend(asset_kind, amount, beneficiary, valid_from)` names what it pays in, as the
//! asset-conversion pallet names assets (`NativeOrWithId`):
//!
//! * `WithId(1)` — **USD**, paid from the treasury account (which receives 80 % of fees, the
//!   credit fees' USD and the buybacks' USD rest);
//! * `Native` — **GOV**, paid from the ecosystem fund (its genesis allocation);
//! * any other asset is refused at `spend` (`FailedToConvertBalance`).
//!
//! Each origin's spend limit is in GOV; a USD spend is valued at the lower USD price of GOV's two
//! oracles ([`SpendValueInGov`]), so the `treasurer` track's 1,000,000 GOV cap covers both and a
//! short pump of GOV cannot enlarge it. Before the USD/GOV pool has a price, USD spends are
//! refused the same way. Payouts keep the paying account alive. `spend_local` (GOV from the
//! treasury account itself) is open to the same origins, within the same caps.

use crate::{
	accounts::{EcosystemFundAccount, TreasuryAccount, TreasuryPalletId},
	configs::{tandem::GovPriceOracle, NativeAndAssets},
	governance::origins::{TreasurerOrigin, TreasurySpendOrigin},
	AccountId, AssetId, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, System,
	USD_ASSET_ID,
};
use frame_support::{
	parameter_types,
	traits::{
		fungible::NativeOrWithId,
		fungibles,
		tokens::{ConversionFromAssetBalance, Pay, PaymentStatus, Preservation},
		Get,
	},
};
use sp_runtime::{traits::IdentityLookup, DispatchError, FixedPointNumber, Permill};
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

/// What a treasury spend pays in.
pub type TreasuryAsset = NativeOrWithId<AssetId>;

/// The account a spend in `asset` is paid from: USD from the treasury, GOV from the ecosystem
/// fund; `None` for anything else.
pub fn paying_account(asset: &TreasuryAsset) -> Option<AccountId> {
	match asset {
		NativeOrWithId::Native => Some(EcosystemFundAccount::get()),
		NativeOrWithId::WithId(id) if *id == USD_ASSET_ID => Some(TreasuryAccount::get()),
		NativeOrWithId::WithId(_) => None,
	}
}

/// Pays treasury spends from [`paying_account`], keeping it alive.
pub struct TreasuryPaymaster;
impl Pay for TreasuryPaymaster {
	type Balance = Balance;
	type Beneficiary = AccountId;
	type AssetKind = TreasuryAsset;
	type Id = ();
	type Error = DispatchError;

	fn pay(to: &AccountId, asset: TreasuryAsset, amount: Balance) -> Result<(), DispatchError> {
		let from = paying_account(&asset).ok_or(DispatchError::Unavailable)?;
		<NativeAndAssets as fungibles::Mutate<AccountId>>::transfer(
			asset,
			&from,
			to,
			amount,
			Preservation::Preserve,
		)?;
		Ok(())
	}
	fn check_payment(_: ()) -> PaymentStatus {
		// Transfers are final in the block that makes them.
		PaymentStatus::Success
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(_: &AccountId, asset: TreasuryAsset, amount: Balance) {
		if let Some(from) = paying_account(&asset) {
			let _ = <NativeAndAssets as fungibles::Mutate<AccountId>>::mint_into(
				asset,
				&from,
				amount.saturating_mul(2),
			);
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_concluded(_: ()) {}
}

/// A spend's value in GOV, for the origin's limit: GOV as is, USD at the buyback oracle.
pub struct SpendValueInGov;
impl ConversionFromAssetBalance<Balance, TreasuryAsset, Balance> for SpendValueInGov {
	type Error = ();
	fn from_asset_balance(amount: Balance, asset: TreasuryAsset) -> Result<Balance, ()> {
		match asset {
			NativeOrWithId::Native => Ok(amount),
			NativeOrWithId::WithId(id) if id == USD_ASSET_ID => {
				// The lower USD price of GOV's two oracles (the more GOV per USD): pumping GOV
				// for a few blocks cannot squeeze a larger USD spend under a track's cap.
				let fast = GovPriceOracle::get().ok_or(())?;
				let slow = pallet_gov_token::PriceEmaSlow::<Runtime>::get();
				fast.max(slow).checked_mul_int(amount).ok_or(())
			}
			NativeOrWithId::WithId(_) => Err(()),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(_: TreasuryAsset) {
		let price = sp_runtime::FixedU128::from_u32(1_000_000);
		pallet_gov_token::PriceEma::<Runtime>::put(price);
		pallet_gov_token::PriceEmaSlow::<Runtime>::put(price);
	}
}

/// Benchmark arguments: spends in USD to a fresh account.
#[cfg(feature = "runtime-benchmarks")]
pub struct TreasuryBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_treasury::ArgumentsFactory<TreasuryAsset, AccountId> for TreasuryBenchmarkHelper {
	fn create_asset_kind(_seed: u32) -> TreasuryAsset {
		NativeOrWithId::WithId(USD_ASSET_ID)
	}
	fn create_beneficiary(seed: [u8; 32]) -> AccountId {
		AccountId::from(seed)
	}
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
	type AssetKind = TreasuryAsset;
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = TreasuryPaymaster;
	type BalanceConverter = SpendValueInGov;
	type PayoutPeriod = SpendPayoutPeriod;
	type BlockNumberProvider = System;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TreasuryBenchmarkHelper;
}
