//! Stored types of the credits ledger. All fixed-size (`MaxEncodedLen`).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use tandem_primitives::Balance;

/// One account's credits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct CreditAccount {
	/// Credits the account holds now.
	pub free: Balance,
	/// Credits ever received as a contributor (epoch payouts). Only grows.
	pub earned_total: Balance,
	/// Earned credits ever turned into USD. `earned_total - cashed_out_total` is what may still
	/// be cashed out (bounded by `free`).
	pub cashed_out_total: Balance,
	/// Credits ever spent or charged for inference.
	pub spent_total: Balance,
}

impl CreditAccount {
	/// Credits that may be cashed out now: earned and not yet cashed out, and held.
	pub fn cashable(&self) -> Balance {
		self.earned_total.saturating_sub(self.cashed_out_total).min(self.free)
	}

	/// `true` if the record carries nothing worth keeping in storage.
	pub fn is_empty(&self) -> bool {
		*self == Self::default()
	}
}

/// A metering authorization: `operator` may charge the user's credits on one subnet up to `cap`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Authorization {
	/// Most credits the operator may charge in total under this authorization.
	pub cap: Balance,
	/// Credits charged so far. Never above `cap`.
	pub used: Balance,
}

impl Authorization {
	/// Credits the operator may still charge.
	pub fn remaining(&self) -> Balance {
		self.cap.saturating_sub(self.used)
	}
}

/// Lifetime ledger of one subnet's credit pool.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct SubnetPool {
	/// Credits waiting for the next epoch payout.
	pub balance: Balance,
	/// Credits ever spent or charged into this pool.
	pub spent_total: Balance,
	/// Credits ever taken out of this pool by payouts (paid, or burned as protocol fee).
	pub distributed_total: Balance,
}

/// Totals for one metrics "month" (30 days of blocks).
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct MonthMetrics {
	/// Month index (`block / MONTH`) this slot holds.
	pub month: u32,
	/// USD paid into the vault for credits (`buy` and `issue`).
	pub usd_revenue: Balance,
	/// Credits redeemed: spent or charged for inference.
	pub credits_redeemed: Balance,
	/// USD paid out by `cash_out`.
	pub cash_out_usd: Balance,
	/// Credits minted (`buy` and `issue`).
	pub credits_minted: Balance,
}

/// What the runtime API reports for one account.
#[derive(
	Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo,
)]
pub struct AccountCredits {
	/// Credits held.
	pub free: Balance,
	/// Credits ever earned.
	pub earned_total: Balance,
	/// Credits that may be cashed out now.
	pub cashable: Balance,
	/// Credits ever spent.
	pub spent_total: Balance,
	/// Credits ever cashed out.
	pub cashed_out_total: Balance,
}

/// What the runtime API reports for the whole ledger. Ratios are in parts per million
/// (1_000_000 = 1.0); `None` when the denominator is zero.
#[derive(
	Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo,
)]
pub struct CreditsTotals {
	/// Credits in existence.
	pub total_issuance: Balance,
	/// USD in the vault.
	pub vault_usd: Balance,
	/// USD per credit charged by `buy` (6 decimals).
	pub credit_price: Balance,
	/// USD per credit paid by `cash_out` (6 decimals).
	pub payout_rate: Balance,
	/// USD revenue over the last 12 months.
	pub usd_revenue_12m: Balance,
	/// Credits redeemed over the last 12 months.
	pub credits_redeemed_12m: Balance,
	/// USD cashed out over the last 12 months.
	pub cash_out_usd_12m: Balance,
	/// Credit ratio = USD revenue ÷ credits redeemed (12 months), USD per whole credit in ppm
	/// of a dollar — i.e. the average price actually paid per redeemed credit.
	pub credit_ratio_ppm: Option<u128>,
	/// Backing ratio = vault USD ÷ (outstanding credits × PayoutRate), ppm. Must stay ≥ 1.0.
	pub backing_ratio_ppm: Option<u128>,
}
