//! The USD/GOV market: `pallet-asset-conversion` with its LP-token assets, and the
//! [`UsdGovMarket`] the buyback trades through.

use crate::{
	accounts::{AssetConversionAccount, AssetConversionPalletId, TreasuryAccount},
	dynamic_params, AccountId, Balance, Balances, Runtime, RuntimeEvent, RuntimeOrigin,
};
use alloc::{boxed::Box, vec};
use frame_support::{
	parameter_types,
	traits::{
		tokens::{
			fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
			imbalance::ResolveAssetTo,
		},
		AsEnsureOriginWithArg, ConstU128, ConstU32,
	},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use pallet_asset_conversion::{AccountIdConverter, Ascending, Chain, WithFirstAsset};
use sp_runtime::{DispatchError, DispatchResult, Permill};
use tandem_primitives::AssetId;

use super::assets::{AssetsStringLimit, RemoveItemsLimit};

parameter_types! {
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
	pub const AssetConversionOrigin: AccountId = AssetConversionAccount::get();
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
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSignedBy<AssetConversionOrigin, AccountId>>;
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
	type BenchmarkHelper = crate::benchmark_helpers::AssetConversionBenchmarkHelper;
}

/// The buyback trades USD → GOV through the asset-conversion pool.
pub struct UsdGovMarket;
impl pallet_gov_token::BuybackMarket<AccountId> for UsdGovMarket {
	fn reserves() -> Option<(Balance, Balance)> {
		crate::AssetConversion::get_reserves(UsdKind::get(), NativeKind::get()).ok()
	}
	fn fee() -> sp_runtime::Perbill {
		use pallet_asset_conversion::PoolLocator;
		// The pool's own fee if governance set one, else the default; Permill to Perbill.
		let fee = <Runtime as pallet_asset_conversion::Config>::PoolLocator::pool_id(
			&UsdKind::get(),
			&NativeKind::get(),
		)
		.map(|id| crate::AssetConversion::pool_fee(&id))
		.unwrap_or_else(|()| {
			<dynamic_params::token::PoolLpFee as frame_support::traits::Get<Permill>>::get()
		});
		sp_runtime::Perbill::from_parts(fee.deconstruct().saturating_mul(1_000))
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
	) -> Result<Balance, DispatchError> {
		<crate::AssetConversion as pallet_asset_conversion::Swap<AccountId>>::swap_exact_tokens_for_tokens(
			who.clone(),
			vec![UsdKind::get(), NativeKind::get()],
			usd_in,
			Some(min_gov_out),
			who.clone(),
			true,
		)
	}
	fn seed(provider: &AccountId, usd: Balance, gov: Balance) -> DispatchResult {
		let origin = RuntimeOrigin::signed(provider.clone());
		let created = crate::AssetConversion::create_pool(
			origin.clone(),
			Box::new(UsdKind::get()),
			Box::new(NativeKind::get()),
		);
		let exists: DispatchError = pallet_asset_conversion::Error::<Runtime>::PoolExists.into();
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
