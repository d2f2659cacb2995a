//! Stored types of the credits ledger. All fixed-size (`MaxEncodedLen`).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use tandem_primitives::Balance;

/// One account's credits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct CreditAccount {
	/// Credits the account holds now.
	pub free: Balance,
	/// The part of `free` that was bought or issued and not yet spent. Spends take it first;
	/// never above `free`.
	pub paid: Balance,
	/// The USD paid for `paid` (at the `CreditPrice` of each purchase): a spend's paid part
	/// carries its share of it as the subnet's revenue, so a later price change never revalues
	/// credits already bought.
	pub paid_usd: Balance,
	/// Credits ever received as a contributor (epoch payouts). Only grows.
	pub earned_total: Balance,
	/// Earned credits ever turned into USD. `earned_total - cashed_out_total` is what may still
	/// be cashed out (bounded by `free`).
	pub cashed_out_total: Balance,
	/// Credits ever spent or charged for inference.
	pub spent_total: Balance,
	/// The contributor airdrop's basis: credits earned as a miner out of *paid* spends, on a
	/// subnet the account neither owns nor holds a validator permit on. Only grows.
	pub airdrop_basis: Balance,
}

impl CreditAccount {
	/// Credits that may be cashed out now: earned and not yet cashed out, and held apart from
	/// the paid ones.
	pub fn cashable(&self) -> Balance {
		self.earned_total
			.saturating_sub(self.cashed_out_total)
			.min(self.free.saturating_sub(self.paid))
	}

	/// Takes `credits` out of `free` for a spend: the paid part first. Returns the paid part
	/// and the USD paid for it (its share of `paid_usd`, rounded down), or `None` (and changes
	/// nothing) if the account holds less than `credits`.
	pub fn take_for_spend(&mut self, credits: Balance) -> Option<(Balance, Balance)> {
		let free = self.free.checked_sub(credits)?;
		let paid = credits.min(self.paid);
		let usd = crate::math::paid_part(self.paid_usd, paid, self.paid);
		self.free = free;
		self.paid = self.paid.saturating_sub(paid);
		self.paid_usd = if self.paid == 0 { 0 } else { self.paid_usd.saturating_sub(usd) };
		Some((paid, usd))
	}

	/// Takes `credits` out of `free` without spending them (a slash, the credit fee): what is
	/// left of `paid` is at most what is left held, with its share of `paid_usd` (rounded
	/// down). `None` (and no change) if short.
	pub fn take_unspent(&mut self, credits: Balance) -> Option<()> {
		self.free = self.free.checked_sub(credits)?;
		let paid = self.paid.min(self.free);
		self.paid_usd = crate::math::paid_part(self.paid_usd, paid, self.paid);
		self.paid = paid;
		Some(())
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
	/// The subnet pool's `generation` when it was given: a netuid dissolved and reused since
	/// is another subnet, which the user never authorized.
	pub generation: u32,
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
	/// The paid part of `spent_total`: credits bought or issued, then spent here. The
	/// subnet's revenue in credits; only grows.
	pub paid_total: Balance,
	/// The paid part of `balance` (pro rata after each payout): what the airdrop basis counts.
	pub paid_balance: Balance,
	/// The USD users paid for the credits in `paid_total`: the subnet's revenue in USD; only
	/// grows.
	pub paid_usd_total: Balance,
	/// Dissolutions of the subnet with this netuid (its pool retired): authorizations given
	/// before the last one are void.
	pub generation: u32,
}

impl SubnetPool {
	/// The recycled part of `spent_total`: earned credits spent here. Only grows.
	pub fn recycled_total(&self) -> Balance {
		self.spent_total.saturating_sub(self.paid_total)
	}
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
	/// The paid part of `credits_redeemed` (revenue).
	pub credits_paid: Balance,
	/// `credits_paid` in USD at the `CreditPrice` of each spend: paid revenue.
	pub paid_usd: Balance,
	/// USD paid out by `cash_out`.
	pub cash_out_usd: Balance,
	/// Credits minted (`buy` and `issue`).
	pub credits_minted: Balance,
}

impl MonthMetrics {
	/// The recycled part of `credits_redeemed` (earned credits spent again).
	pub fn credits_recycled(&self) -> Balance {
		self.credits_redeemed.saturating_sub(self.credits_paid)
	}
}

/// What the runtime API reports for one account.
#[derive(
	Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo,
)]
pub struct AccountCredits {
	/// Credits held.
	pub free: Balance,
	/// The part of `free` that was bought or issued (spent first; never cashable).
	pub paid: Balance,
	/// Credits ever earned.
	pub earned_total: Balance,
	/// Credits that may be cashed out now.
	pub cashable: Balance,
	/// Credits ever spent.
	pub spent_total: Balance,
	/// Credits ever cashed out.
	pub cashed_out_total: Balance,
	/// The contributor airdrop's basis (miner earnings out of paid spends).
	pub airdrop_basis: Balance,
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
	/// The paid part of them (revenue).
	pub credits_paid_12m: Balance,
	/// The recycled part of them (earned credits spent again).
	pub credits_recycled_12m: Balance,
	/// USD cashed out over the last 12 months.
	pub cash_out_usd_12m: Balance,
	/// Credit ratio = USD revenue ÷ paid credits redeemed (12 months), USD per whole credit in
	/// ppm of a dollar — i.e. the average price actually paid per credit spent as revenue
	/// (recycled credits brought no USD in, so they are left out).
	pub credit_ratio_ppm: Option<u128>,
	/// Backing ratio = vault USD ÷ (outstanding credits × PayoutRate), ppm. Must stay ≥ 1.0.
	pub backing_ratio_ppm: Option<u128>,
}
