//! The economy report `TokenApi::economy` returns: figures of the credits, subnets and GOV
//! pallets side by side, so emission can be read against the paid revenue behind it.

use crate::Runtime;
use pallet_gov_token::ratio_ppm as ppm;
use pallet_gov_token::types::EconomyInfo;
use sp_runtime::{traits::Saturating, Perbill};

/// Stakers' share of a subnet's pending alpha: what the owner's cut and the miners' share
/// leave (82 % at the defaults).
fn stakers_share() -> Perbill {
	use frame_support::traits::Get;
	Perbill::one()
		.saturating_sub(crate::configs::tandem::OwnerAlphaCut::get())
		.saturating_sub(crate::dynamic_params::subnets::MinerAlphaShare::get())
}

/// Everything `TokenApi::economy` reports.
pub fn report() -> EconomyInfo {
	let token = pallet_gov_token::Pallet::<Runtime>::info();
	let year = pallet_credits::Pallet::<Runtime>::metrics_12m();
	let month = pallet_credits::Pallet::<Runtime>::metrics_this_month();
	let (mut allowance_gov, mut allowance_usd, mut staked_gov) = (0u128, 0u128, 0u128);
	for (_, s) in pallet_subnets::Networks::<Runtime>::iter() {
		allowance_gov = allowance_gov.saturating_add(s.allowance);
		allowance_usd = allowance_usd.saturating_add(s.allowance_usd);
		let value =
			tandem_primitives::math::mul_div(s.alpha_outstanding, s.reserves.gov, s.reserves.alpha)
				.unwrap_or(0);
		staked_gov = staked_gov.saturating_add(value);
	}
	EconomyInfo {
		paid_revenue_usd_12m: year.paid_usd,
		paid_revenue_usd_month: month.paid_usd,
		recycled_credits_12m: year.credits_recycled(),
		recycled_credits_month: month.credits_recycled(),
		emitted_usd_12m: token.emitted_usd_12m,
		emitted_usd_month: token.emitted_usd_month,
		emission_revenue_ppm_12m: ppm(token.emitted_usd_12m, year.paid_usd),
		emission_revenue_ppm_month: ppm(token.emitted_usd_month, month.paid_usd),
		allowance_gov,
		allowance_usd,
		bought_back_12m: token.bought_back_12m,
		buyback_usd_12m: token.buyback_usd_12m,
		pot_usd: token.pot_usd,
		governance_ratio_ppm: token.governance_ratio_ppm,
		staked_gov,
		staking_yield_ppm: ppm(stakers_share().mul_floor(token.emitted_12m), staked_gov),
	}
}
