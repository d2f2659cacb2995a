//! The Tandem pallets: compute credits, Yuma scoring, GOV supply and the dTAO subnet pools.

use super::{assets::UsdAsset, market::UsdGovMarket};
use crate::{
	accounts::{
		AirdropReserveAccount, BuybackPotAccount, CreditsPalletId, SubnetsPalletId, TreasuryAccount,
	},
	dynamic_params::{credits, subnets, token, yuma},
	governance::origins::{EmergencyOrigin, SlashOrigin, TreasurerOrigin},
	limits::{MaxEpochsPerBlock, MaxReasonLen, MaxSubnets, YumaMaxUids},
	AccountId, Balance, Balances, Runtime, RuntimeEvent,
};
use frame_support::{parameter_types, traits::Get};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;
use tandem_primitives::{gov, time::DAYS};

#[cfg(feature = "runtime-benchmarks")]
use crate::benchmark_helpers::{
	CreditsBenchmarkHelper, GovTokenBenchmarkHelper, SubnetsBenchmarkHelper, YumaBenchmarkHelper,
};

parameter_types! {
	/// 0.01 credit (about $0.0003) for `spend` and `cash_out` while GOV has no price.
	pub const CreditTxFee: Balance = tandem_primitives::credit::UNIT / 100;
}

/// The GOV fee `pallet-transaction-payment` charges a GOV-paid call of this weight and length
/// (base fee, length fee and weight fee; no tip).
pub struct GovFeeOf;
impl sp_runtime::traits::Convert<(frame_support::weights::Weight, u32), Balance> for GovFeeOf {
	fn convert((weight, len): (frame_support::weights::Weight, u32)) -> Balance {
		let info = frame_support::dispatch::DispatchInfo {
			call_weight: weight,
			pays_fee: frame_support::dispatch::Pays::Yes,
			..Default::default()
		};
		pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len, &info, 0)
	}
}

/// GOV units per USD unit at the higher USD price of the two oracles (`None` before both have
/// a price): what a registration burn paid in credits is priced at.
pub struct GovPerUsdForBurns;
impl Get<Option<sp_runtime::FixedU128>> for GovPerUsdForBurns {
	fn get() -> Option<sp_runtime::FixedU128> {
		pallet_gov_token::Pallet::<Runtime>::gov_per_usd()
	}
}

/// GOV units per USD unit at the buyback oracle (`None` before the pool has a price).
pub struct GovPriceOracle;
impl Get<Option<sp_runtime::FixedU128>> for GovPriceOracle {
	fn get() -> Option<sp_runtime::FixedU128> {
		let p = pallet_gov_token::PriceEma::<Runtime>::get();
		(p.into_inner() > 0).then_some(p)
	}
}

impl pallet_credits::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Assets = crate::Assets;
	type UsdAssetId = UsdAsset;
	type PalletId = CreditsPalletId;
	type BuybackPot = BuybackPotAccount;
	type Treasury = TreasuryAccount;
	type Subnets = crate::Subnets;
	type CreditPrice = credits::CreditPrice;
	type PayoutRate = credits::PayoutRate;
	type ProtocolFee = credits::ProtocolFee;
	type OwnerCut = credits::OwnerCut;
	type ValidatorCut = credits::ValidatorCut;
	type MaxCreditSlash = credits::MaxCreditSlash;
	type CreditTxFee = CreditTxFee;
	type GovFee = GovFeeOf;
	type GovPrice = GovPriceOracle;
	// The fees' USD reaches the treasury once per buyback interval.
	type FeeSettleInterval = token::BuybackInterval;
	// The contributor airdrop snapshots earnings lazily.
	type AirdropBasisObserver = crate::GovToken;
	// Slashes: root or the `slasher` track; payment issuers: root or the `treasurer` track.
	type SlashOrigin = SlashOrigin;
	type AdminOrigin = TreasurerOrigin;
	type MaxReasonLen = MaxReasonLen;
	type WeightInfo = pallet_credits::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CreditsBenchmarkHelper;
}

parameter_types! {
	/// The registration burn halves every 360 blocks (36 minutes).
	pub const BurnHalvingInterval: u32 = 360;
}

impl pallet_yuma::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	// Registration burns are destroyed through gov-token, which records them.
	type BurnSink = pallet_gov_token::BurnGov<Runtime>;
	type Subnets = crate::Subnets;
	// Validators are weighed by the matured alpha staked to their hotkeys.
	type Stake = crate::Subnets;
	type Signature = tandem_primitives::Signature;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxUids = YumaMaxUids;
	type MaxAllowedUids = yuma::MaxAllowedUids;
	type MaxValidators = yuma::MaxValidators;
	type ValidatorStakeThreshold = yuma::ValidatorStakeThreshold;
	type Tempo = yuma::Tempo;
	type Kappa = yuma::Kappa;
	type BondsAlpha = yuma::BondsAlpha;
	type LiquidAlpha = yuma::LiquidAlpha;
	type AlphaLow = yuma::AlphaLow;
	type AlphaHigh = yuma::AlphaHigh;
	type ImmunityPeriod = yuma::ImmunityPeriod;
	type WeightsRateLimit = yuma::WeightsRateLimit;
	type CommitReveal = yuma::CommitReveal;
	type MinAllowedWeights = yuma::MinAllowedWeights;
	type ActivityCutoff = yuma::ActivityCutoff;
	type MinBurn = yuma::MinBurn;
	type MaxBurn = yuma::MaxBurn;
	type BurnHalvingInterval = BurnHalvingInterval;
	// A burn paid in credits: priced at the higher USD price of GOV's two oracles, so a dip of
	// the fast one cannot make registration cheaper; the credits' backing goes to the buyback.
	type CreditBurn = crate::Credits;
	type GovPrice = GovPerUsdForBurns;
	type WeightInfo = pallet_yuma::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = YumaBenchmarkHelper;
}

parameter_types! {
	/// E0: 0.5 GOV per block before the first halving.
	pub const InitialEmission: Balance = gov::UNIT / 2;
	/// At most 10.5 M GOV is ever emitted (genesis + emission ≤ 21 M).
	pub const EmissionCap: Balance = 10_500_000 * gov::UNIT;
	/// The oracle moves 1 % of the way to the spot price per block (half-life ≈ 69 blocks).
	pub const OracleSmoothing: Perbill = Perbill::from_percent(1);
	/// The slow oracle averages over 7 days.
	pub const SlowOracleWindow: u32 = 7 * DAYS;
	/// The mesh roster holds at most 1,000 coldkeys.
	pub const MaxRoster: u32 = 1_000;
	/// One coldkey claims at most 2 % of an airdrop.
	pub const MaxAirdropShare: Perbill = Perbill::from_percent(2);
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
	// Pausing buybacks is an emergency stop; resuming them is `root`'s (`LaunchOrigin`).
	type PauseOrigin = EmergencyOrigin;
	type InitialEmission = InitialEmission;
	type EmissionCap = EmissionCap;
	type BuybackInterval = token::BuybackInterval;
	type BuybackLot = token::BuybackLot;
	type BuybackShare = token::BuybackShare;
	type MaxBuybackSlippage = token::MaxBuybackSlippage;
	type OracleSmoothing = OracleSmoothing;
	type SlowOracleWindow = SlowOracleWindow;
	type Credits = crate::Credits;
	// Airdrops pay out of the reserve: root or the `treasurer` track.
	type AirdropOrigin = TreasurerOrigin;
	type AirdropReserve = AirdropReserveAccount;
	type AirdropClaimPeriod = token::AirdropClaimPeriod;
	type MaxRoster = MaxRoster;
	type MaxAirdropShare = MaxAirdropShare;
	type WeightInfo = pallet_gov_token::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GovTokenBenchmarkHelper;
}

parameter_types! {
	/// The owner's cut of each epoch's pending alpha.
	pub const OwnerAlphaCut: Perbill = Perbill::from_percent(18);
	/// Emission allowances may hold 7 days of the schedule in total.
	pub const AllowanceCarry: u32 = 7 * DAYS;
	/// The doubled lock cost decays back by one lock over 14 days.
	pub const LockReductionInterval: u32 = 14 * DAYS;
	/// A pool keeps at least 1 GOV and 1 alpha.
	pub const SubnetMinReserve: Balance = gov::UNIT;
}

impl pallet_subnets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type GovCurrency = Balances;
	// The two pallets meet only through `tandem_primitives::Metagraph`.
	type Metagraph = crate::Yuma;
	// GOV swap fees: `BuybackShare` burned, the rest to the treasury.
	type GovFeeSink = pallet_gov_token::GovFeeSink<Runtime>;
	type Credits = crate::Credits;
	type Emission = crate::GovToken;
	type PalletId = SubnetsPalletId;
	// Turning a subnet's emission on is a `root` track decision; off, `emergency` may too.
	type AdminOrigin = EnsureRoot<AccountId>;
	type StopOrigin = EmergencyOrigin;
	type SlashOrigin = SlashOrigin;
	// Dissolving someone else's subnet is a `root` or `emergency` track decision.
	type DissolveOrigin = EmergencyOrigin;
	type NetworkImmunity = subnets::NetworkImmunity;
	type MaxSubnets = MaxSubnets;
	type MaxEpochsPerBlock = MaxEpochsPerBlock;
	type MinLockCost = subnets::MinLockCost;
	type LockReductionInterval = LockReductionInterval;
	type SwapFee = subnets::SwapFee;
	type MinReserve = SubnetMinReserve;
	type ValidatorTake = subnets::ValidatorTake;
	type OwnerAlphaCut = OwnerAlphaCut;
	type MinerAlphaShare = subnets::MinerAlphaShare;
	type EmissionPerRevenue = subnets::EmissionPerRevenue;
	type AllowanceCarry = AllowanceCarry;
	type PriceEmaHalfLife = subnets::PriceEmaHalfLife;
	type MaxStakeSlash = subnets::MaxStakeSlash;
	type MaxReasonLen = MaxReasonLen;
	type WeightInfo = pallet_subnets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SubnetsBenchmarkHelper;
}
