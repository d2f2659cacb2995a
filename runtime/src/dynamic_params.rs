//! Protocol parameters that governance changes at runtime (`pallet-parameters`).
//!
//! Each item is a `Get<_>` the pallets read on every use, so a change applies from the next
//! call or epoch. They change only through `governance.set_parameter` — a `parameters` track
//! referendum, or root — which checks each value against its bounds (`governance::Bounds`).

use crate::{Balance, Runtime};
use frame_support::dynamic_params::{dynamic_pallet_params, dynamic_params};
use sp_runtime::Perbill;

/// `credits.PayoutRate` at genesis: $0.027 per credit (genesis presets use it to back the dev
/// chain's earned credits, without reading storage).
pub const DEFAULT_PAYOUT_RATE: Balance = 27_000;

#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod params {
	use super::*;

	/// Compute credits (`pallet-credits`).
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod credits {
		/// USD (6 decimals) per whole credit charged by `buy`: $0.03.
		#[codec(index = 0)]
		pub static CreditPrice: Balance = 30_000;
		/// USD (6 decimals) per whole credit paid by `cash_out`: $0.027.
		#[codec(index = 1)]
		pub static PayoutRate: Balance = super::DEFAULT_PAYOUT_RATE;
		/// Share of each epoch's credit pool burned as the protocol fee.
		#[codec(index = 2)]
		pub static ProtocolFee: Perbill = Perbill::from_percent(10);
		/// Share of each epoch's credit pool paid to the subnet owner.
		#[codec(index = 3)]
		pub static OwnerCut: Perbill = Perbill::from_percent(5);
		/// Share of each epoch's credit pool paid to validators.
		#[codec(index = 4)]
		pub static ValidatorCut: Perbill = Perbill::from_percent(15);
		/// Most of an account's credits one slash may take.
		#[codec(index = 5)]
		pub static MaxCreditSlash: Perbill = Perbill::from_percent(50);
	}

	/// Yuma consensus and the metagraph (`pallet-yuma`).
	#[dynamic_pallet_params]
	#[codec(index = 1)]
	pub mod yuma {
		/// Blocks per epoch; commit-reveal counts epochs with it.
		#[codec(index = 0)]
		pub static Tempo: u32 = 360;
		/// Consensus quantile κ.
		#[codec(index = 1)]
		pub static Kappa: Perbill = Perbill::from_percent(50);
		/// Bond EMA rate α.
		#[codec(index = 2)]
		pub static BondsAlpha: Perbill = Perbill::from_percent(10);
		/// Liquid alpha (per-bond α between `AlphaLow` and `AlphaHigh`).
		#[codec(index = 3)]
		pub static LiquidAlpha: bool = false;
		/// Lowest per-bond α under liquid alpha.
		#[codec(index = 4)]
		pub static AlphaLow: Perbill = Perbill::from_percent(5);
		/// Highest per-bond α under liquid alpha.
		#[codec(index = 5)]
		pub static AlphaHigh: Perbill = Perbill::from_percent(30);
		/// Most validator permits per subnet.
		#[codec(index = 6)]
		pub static MaxValidators: u16 = 64;
		/// Most uids per subnet (at most the storage bound, `MAX_UIDS` = 256).
		#[codec(index = 7)]
		pub static MaxAllowedUids: u16 = 256;
		/// Blocks a new neuron cannot be replaced for.
		#[codec(index = 8)]
		pub static ImmunityPeriod: u32 = 4_096;
		/// Blocks between two weight settings or commits of one validator.
		#[codec(index = 9)]
		pub static WeightsRateLimit: u32 = 100;
		/// Weights only through commit-reveal.
		#[codec(index = 10)]
		pub static CommitReveal: bool = true;
		/// Least non-zero weights per row (capped at the subnet's size − 1).
		#[codec(index = 11)]
		pub static MinAllowedWeights: u16 = 1;
		/// A validator silent for longer counts with zero stake.
		#[codec(index = 12)]
		pub static ActivityCutoff: u32 = 5_000;
		/// Least stake for a validator permit (any positive stake by default).
		#[codec(index = 13)]
		pub static ValidatorStakeThreshold: Balance = 0;
		/// Lowest registration burn: 1 GOV.
		#[codec(index = 14)]
		pub static MinBurn: Balance = tandem_primitives::gov::UNIT;
		/// Highest registration burn: 1,000 GOV.
		#[codec(index = 15)]
		pub static MaxBurn: Balance = 1_000 * tandem_primitives::gov::UNIT;
	}

	/// GOV supply and the USD/GOV market (`pallet-gov-token`, `pallet-asset-conversion`).
	#[dynamic_pallet_params]
	#[codec(index = 2)]
	pub mod token {
		/// Blocks between buybacks ("hop").
		#[codec(index = 0)]
		pub static BuybackInterval: u32 = 600;
		/// Most USD (6 decimals) one buyback takes from the pot ("bump"): $1,000.
		#[codec(index = 1)]
		pub static BuybackLot: Balance = 1_000 * tandem_primitives::usd::UNIT;
		/// Share of a lot, and of GOV fees, that buys back and burns GOV.
		#[codec(index = 2)]
		pub static BuybackShare: Perbill = Perbill::from_percent(50);
		/// Largest shortfall of a buyback's output against the oracle price.
		#[codec(index = 3)]
		pub static MaxBuybackSlippage: Perbill = Perbill::from_percent(2);
		/// Liquidity providers' fee of the USD/GOV pool: 0.3 %.
		#[codec(index = 4)]
		pub static PoolLpFee: sp_runtime::Permill = sp_runtime::Permill::from_parts(3_000);
		/// Blocks a contributor airdrop can be claimed for: 30 days.
		#[codec(index = 5)]
		pub static AirdropClaimPeriod: u32 = tandem_primitives::time::MONTH;
	}

	/// dTAO subnet pools and the emission split (`pallet-subnets`).
	#[dynamic_pallet_params]
	#[codec(index = 3)]
	pub mod subnets {
		/// Swap fee of the subnet pools, from the input: 0.05 %.
		#[codec(index = 0)]
		pub static SwapFee: Perbill = Perbill::from_parts(500_000);
		/// A validator's take of its alpha dividends.
		#[codec(index = 1)]
		pub static ValidatorTake: Perbill = Perbill::from_percent(18);
		/// The floor of the network lock cost: 1,000 GOV.
		#[codec(index = 3)]
		pub static MinLockCost: Balance = 1_000 * tandem_primitives::gov::UNIT;
		/// The largest fraction of a stake one slash takes.
		#[codec(index = 4)]
		pub static MaxStakeSlash: Perbill = Perbill::from_percent(50);
		/// Half-life of the price and revenue EMAs: 7 days.
		#[codec(index = 5)]
		pub static PriceEmaHalfLife: u32 = 7 * tandem_primitives::time::DAYS;
		/// `ρ`: GOV emission allowed per unit of paid revenue, in USD value: 6 %.
		#[codec(index = 7)]
		pub static EmissionPerRevenue: Perbill = Perbill::from_percent(6);
		/// Miners' share of each epoch's pending alpha (they are paid in credits).
		#[codec(index = 8)]
		pub static MinerAlphaShare: Perbill = Perbill::zero();
		/// Blocks after registration during which a subnet cannot be pruned: 14 days.
		#[codec(index = 9)]
		pub static NetworkImmunity: u32 = 14 * tandem_primitives::time::DAYS;
	}
}

pub use params::*;
