//! Bodies of the calls, the interface for other pallets, metrics and invariants.

use crate::{
	math::{self, Cuts},
	pallet::*,
	types::*,
	Reference,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{DepositConsequence, Fortitude, Preservation, Provenance},
		Get,
	},
};
use sp_runtime::{traits::AccountIdConversion, DispatchError, Perbill};
use tandem_primitives::AirdropBasisObserver as _;
use tandem_primitives::{
	block_u32, months, time::MONTH, Balance, CreditsInterface, NetUid, PayoutOutcome, PayoutShares,
	SubnetRegistry,
};

/// Which monthly counter a metric goes to.
#[derive(Clone, Copy)]
pub(crate) enum Metric {
	UsdRevenue,
	CreditsRedeemed,
	CreditsPaid,
	PaidUsd,
	CashOutUsd,
	CreditsMinted,
}

impl<T: Config> Pallet<T> {
	/// The `PayoutRate` changes of the last 30 days, oldest first, and the current block.
	fn recent_payout_rate_changes(
	) -> (BoundedVec<(u32, Balance), ConstU32<{ crate::MAX_PAYOUT_RATE_CHANGES }>>, u32) {
		let now = block_u32(frame_system::Pallet::<T>::block_number());
		let mut changes = PayoutRateChanges::<T>::get();
		changes.retain(|(at, _)| at.saturating_add(MONTH) > now);
		(changes, now)
	}

	/// The highest `PayoutRate` in effect at any time in the last 30 days (the current one
	/// included).
	pub fn payout_rate_high_30d() -> Balance {
		let (changes, _) = Self::recent_payout_rate_changes();
		changes.iter().fold(T::PayoutRate::get(), |high, (_, rate)| high.max(*rate))
	}

	/// Whether another `PayoutRate` change can be remembered (at most
	/// `MAX_PAYOUT_RATE_CHANGES` in 30 days).
	pub fn payout_rate_change_fits() -> bool {
		!Self::recent_payout_rate_changes().0.is_full()
	}

	/// Remembers that `PayoutRate` is about to change from its current value (governance calls
	/// it just before storing a new rate); forgets changes older than 30 days.
	pub fn note_payout_rate_change() {
		let (mut changes, now) = Self::recent_payout_rate_changes();
		// `payout_rate_change_fits` was checked by the bounds; if it ever was not, the oldest
		// change is the one dropped.
		if changes.is_full() {
			changes.remove(0);
		}
		let _ = changes.try_push((now, T::PayoutRate::get()));
		PayoutRateChanges::<T>::put(changes);
	}

	/// The vault: holds the USD backing every credit.
	pub fn vault_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// USD held by the vault.
	pub fn vault_usd() -> Balance {
		T::Assets::balance(T::UsdAssetId::get(), &Self::vault_account())
	}

	pub(crate) fn cuts() -> Cuts {
		Cuts {
			protocol_fee: T::ProtocolFee::get(),
			owner: T::OwnerCut::get(),
			validators: T::ValidatorCut::get(),
		}
	}

	/// Moves USD between accounts; a shortfall is reported as `short`.
	fn move_usd(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		short: Error<T>,
	) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		// Preserve: the vault (and payers) stay alive; a transfer that would reap them is a
		// shortfall, not a silent account deletion.
		T::Assets::transfer(T::UsdAssetId::get(), from, to, amount, Preservation::Preserve)
			.map(|_| ())
			.map_err(|_| short.into())
	}

	/// Adds `credits` to `who`, creating the record (and a `sufficients` reference, so a
	/// credits-only account can sign transactions) if needed.
	pub(crate) fn credit_account(
		who: &T::AccountId,
		f: impl FnOnce(&mut CreditAccount) -> Result<(), Error<T>>,
	) -> DispatchResult {
		Accounts::<T>::try_mutate(who, |acc| -> DispatchResult {
			let was_empty = acc.is_empty();
			f(acc)?;
			if was_empty && !acc.is_empty() {
				frame_system::Pallet::<T>::inc_sufficients(who);
			}
			Ok(())
		})
	}

	/// Mints credits someone paid USD for (`buy`, `issue`): they are held and paid.
	fn mint_paid(who: &T::AccountId, credits: Balance, usd: Balance) -> DispatchResult {
		TotalIssuance::<T>::try_mutate(|t| -> DispatchResult {
			*t = t.checked_add(credits).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})?;
		Self::credit_account(who, |acc| {
			acc.free = acc.free.checked_add(credits).ok_or(Error::<T>::Overflow)?;
			// `paid ≤ free` held before, so this cannot overflow where `free` did not.
			acc.paid = acc.paid.saturating_add(credits);
			acc.paid_usd = acc.paid_usd.saturating_add(usd);
			Ok(())
		})
	}

	/// Current month index and its ring slot.
	fn month_slot() -> (u32, u8) {
		months::month_slot(block_u32(frame_system::Pallet::<T>::block_number()))
	}

	/// Adds each `(metric, amount)` to this month's slot, in one write.
	pub(crate) fn record(entries: &[(Metric, Balance)]) {
		let (month, slot) = Self::month_slot();
		Metrics::<T>::mutate(slot, |m| {
			if m.month != month {
				*m = MonthMetrics { month, ..Default::default() };
			}
			for (metric, amount) in entries {
				let field = match metric {
					Metric::UsdRevenue => &mut m.usd_revenue,
					Metric::CreditsRedeemed => &mut m.credits_redeemed,
					Metric::CreditsPaid => &mut m.credits_paid,
					Metric::PaidUsd => &mut m.paid_usd,
					Metric::CashOutUsd => &mut m.cash_out_usd,
					Metric::CreditsMinted => &mut m.credits_minted,
				};
				// Metrics saturate: they are reports, not balances.
				*field = field.saturating_add(*amount);
			}
		});
	}

	/// This month's metrics (30 days of blocks; empty early in a month).
	pub fn metrics_this_month() -> MonthMetrics {
		let (month, slot) = Self::month_slot();
		Some(Metrics::<T>::get(slot))
			.filter(|m| m.month == month)
			.unwrap_or(MonthMetrics { month, ..Default::default() })
	}

	/// Sum of the last 12 months (the current one included).
	pub fn metrics_12m() -> MonthMetrics {
		let (month, _) = Self::month_slot();
		Metrics::<T>::iter_values().filter(|m| months::in_last_year(m.month, month)).fold(
			MonthMetrics { month, ..Default::default() },
			|acc, m| MonthMetrics {
				month,
				usd_revenue: acc.usd_revenue.saturating_add(m.usd_revenue),
				credits_redeemed: acc.credits_redeemed.saturating_add(m.credits_redeemed),
				credits_paid: acc.credits_paid.saturating_add(m.credits_paid),
				paid_usd: acc.paid_usd.saturating_add(m.paid_usd),
				cash_out_usd: acc.cash_out_usd.saturating_add(m.cash_out_usd),
				credits_minted: acc.credits_minted.saturating_add(m.credits_minted),
			},
		)
	}

	pub(crate) fn do_buy(who: T::AccountId, credits: Balance, max_usd: Balance) -> DispatchResult {
		ensure!(credits > 0, Error::<T>::ZeroAmount);
		let usd = math::usd_ceil(credits, T::CreditPrice::get()).ok_or(Error::<T>::Overflow)?;
		ensure!(usd <= max_usd, Error::<T>::PriceAboveLimit);
		let spread = Self::take_payment(&who, credits, usd)?;
		Self::mint_paid(&who, credits, usd)?;
		Self::record(&[(Metric::UsdRevenue, usd), (Metric::CreditsMinted, credits)]);
		Self::deposit_event(Event::Bought { who, credits, usd, spread });
		Ok(())
	}

	/// Takes `usd` from `payer` for `credits`: the backing at `PayoutRate` into the vault, the
	/// spread straight to the buyback pot. Returns the spread.
	fn take_payment(
		payer: &T::AccountId,
		credits: Balance,
		usd: Balance,
	) -> Result<Balance, DispatchError> {
		let (backing, spread) =
			math::purchase_split(usd, credits, T::PayoutRate::get()).ok_or(Error::<T>::Overflow)?;
		Self::move_usd(payer, &Self::vault_account(), backing, Error::<T>::InsufficientUsd)?;
		if spread > 0 {
			Self::move_usd(payer, &T::BuybackPot::get(), spread, Error::<T>::InsufficientUsd)?;
		}
		Ok(spread)
	}

	pub(crate) fn do_issue(
		issuer: T::AccountId,
		who: T::AccountId,
		credits: Balance,
		fiat_amount: Balance,
		receipt: Reference,
	) -> DispatchResult {
		ensure!(Issuers::<T>::contains_key(&issuer), Error::<T>::NotIssuer);
		ensure!(credits > 0, Error::<T>::ZeroAmount);
		ensure!(!UsedReceipts::<T>::contains_key(&issuer, receipt), Error::<T>::ReceiptAlreadyUsed);
		let usd = math::usd_ceil(credits, T::CreditPrice::get()).ok_or(Error::<T>::Overflow)?;
		let spread = Self::take_payment(&issuer, credits, usd)?;
		Self::mint_paid(&who, credits, usd)?;
		UsedReceipts::<T>::insert(&issuer, receipt, frame_system::Pallet::<T>::block_number());
		FiatRevenue::<T>::mutate(|f| *f = f.saturating_add(fiat_amount));
		Self::record(&[(Metric::UsdRevenue, usd), (Metric::CreditsMinted, credits)]);
		Self::deposit_event(Event::Issued {
			issuer,
			who,
			credits,
			usd,
			spread,
			fiat_amount,
			receipt,
		});
		Ok(())
	}

	/// Moves `credits` from `who` into `netuid`'s pool, the paid ones first; returns how many
	/// of them were paid (the rest are recycled).
	fn move_to_pool(
		who: &T::AccountId,
		netuid: NetUid,
		credits: Balance,
	) -> Result<Balance, DispatchError> {
		ensure!(credits > 0, Error::<T>::ZeroAmount);
		ensure!(T::Subnets::exists(netuid), Error::<T>::UnknownSubnet);
		let (paid, paid_usd) =
			Accounts::<T>::try_mutate(who, |acc| -> Result<(Balance, Balance), DispatchError> {
				let taken = acc.take_for_spend(credits).ok_or(Error::<T>::InsufficientCredits)?;
				acc.spent_total = acc.spent_total.saturating_add(credits);
				Ok(taken)
			})?;
		Pools::<T>::try_mutate(netuid, |p| -> DispatchResult {
			p.balance = p.balance.checked_add(credits).ok_or(Error::<T>::Overflow)?;
			p.spent_total = p.spent_total.checked_add(credits).ok_or(Error::<T>::Overflow)?;
			// `paid ≤ credits`, a part of `spent_total` and `balance`, which did not overflow.
			p.paid_total = p.paid_total.saturating_add(paid);
			p.paid_balance = p.paid_balance.saturating_add(paid);
			p.paid_usd_total = p.paid_usd_total.saturating_add(paid_usd);
			Ok(())
		})?;
		Self::record(&[
			(Metric::CreditsRedeemed, credits),
			(Metric::CreditsPaid, paid),
			(Metric::PaidUsd, paid_usd),
		]);
		Ok(paid)
	}

	pub(crate) fn do_spend(who: &T::AccountId, netuid: NetUid, credits: Balance) -> DispatchResult {
		let paid = Self::move_to_pool(who, netuid, credits)?;
		Self::deposit_event(Event::Spent { who: who.clone(), netuid, credits, paid });
		Ok(())
	}

	pub(crate) fn do_authorize(
		user: T::AccountId,
		operator: T::AccountId,
		netuid: NetUid,
		cap: Balance,
	) -> DispatchResult {
		ensure!(user != operator, Error::<T>::SelfAuthorization);
		ensure!(T::Subnets::exists(netuid), Error::<T>::UnknownSubnet);
		let generation = Pools::<T>::get(netuid).generation;
		Authorizations::<T>::mutate((&user, &operator, netuid), |a| {
			// What was charged counts against the new cap, unless the subnet is another one.
			let used = a.filter(|a| a.generation == generation).map_or(0, |a| a.used);
			*a = Some(Authorization { cap, used: used.min(cap), generation });
		});
		Self::deposit_event(Event::Authorized { user, operator, netuid, cap });
		Ok(())
	}

	pub(crate) fn do_revoke(
		user: T::AccountId,
		operator: T::AccountId,
		netuid: NetUid,
	) -> DispatchResult {
		ensure!(
			Authorizations::<T>::take((&user, &operator, netuid)).is_some(),
			Error::<T>::NotAuthorized
		);
		Self::deposit_event(Event::Revoked { user, operator, netuid });
		Ok(())
	}

	pub(crate) fn do_charge(
		operator: T::AccountId,
		user: T::AccountId,
		netuid: NetUid,
		credits: Balance,
		usage_ref: Reference,
	) -> DispatchResult {
		ensure!(credits > 0, Error::<T>::ZeroAmount);
		let generation = Pools::<T>::get(netuid).generation;
		let remaining = Authorizations::<T>::try_mutate((&user, &operator, netuid), |a| {
			let a = a.as_mut().ok_or(Error::<T>::NotAuthorized)?;
			ensure!(a.generation == generation, Error::<T>::AuthorizationExpired);
			let used = a.used.checked_add(credits).ok_or(Error::<T>::Overflow)?;
			ensure!(used <= a.cap, Error::<T>::CapExceeded);
			a.used = used;
			Ok::<_, DispatchError>(a.remaining())
		})?;
		let paid = Self::move_to_pool(&user, netuid, credits)?;
		Self::deposit_event(Event::Charged {
			operator,
			user,
			netuid,
			credits,
			paid,
			usage_ref,
			remaining,
		});
		Ok(())
	}

	pub(crate) fn do_cash_out(who: T::AccountId, credits: Balance) -> DispatchResult {
		ensure!(credits > 0, Error::<T>::ZeroAmount);
		let acc = Accounts::<T>::get(&who);
		ensure!(credits <= acc.cashable(), Error::<T>::NotCashable);
		let usd = math::usd_floor(credits, T::PayoutRate::get()).ok_or(Error::<T>::Overflow)?;
		ensure!(usd > 0, Error::<T>::CashOutTooSmall);
		// A holder without USD must receive at least the asset's minimum balance; say so, rather
		// than let the transfer's failure read as a short vault.
		ensure!(
			T::Assets::can_deposit(T::UsdAssetId::get(), &who, usd, Provenance::Extant)
				!= DepositConsequence::BelowMinimum,
			Error::<T>::CashOutBelowUsdMinimum
		);
		Self::move_usd(&Self::vault_account(), &who, usd, Error::<T>::VaultShort)?;
		Accounts::<T>::mutate(&who, |acc| {
			// Checked above: credits ≤ cashable ≤ free − paid and ≤ earned − cashed, so `paid`
			// stays held.
			acc.free = acc.free.saturating_sub(credits);
			acc.cashed_out_total = acc.cashed_out_total.saturating_add(credits);
		});
		TotalIssuance::<T>::mutate(|t| *t = t.saturating_sub(credits));
		Self::record(&[(Metric::CashOutUsd, usd)]);
		Self::deposit_event(Event::CashedOut { who, credits, usd });
		Ok(())
	}

	pub(crate) fn do_slash(
		who: T::AccountId,
		credits: Balance,
		reason: BoundedVec<u8, T::MaxReasonLen>,
	) -> DispatchResult {
		ensure!(credits > 0, Error::<T>::ZeroAmount);
		let acc = Accounts::<T>::get(&who);
		ensure!(
			credits <= T::MaxCreditSlash::get().mul_floor(acc.free),
			Error::<T>::SlashAboveBound
		);
		let usd = math::usd_floor(credits, T::PayoutRate::get()).ok_or(Error::<T>::Overflow)?;
		Self::move_usd(&Self::vault_account(), &T::Treasury::get(), usd, Error::<T>::VaultShort)?;
		// `cashable()` is bounded by `free`, so what is slashed can never be cashed out.
		// `credits ≤ MaxCreditSlash × free ≤ free` (checked above), so nothing is short.
		Accounts::<T>::mutate(&who, |acc| acc.take_unspent(credits));
		TotalIssuance::<T>::mutate(|t| *t = t.saturating_sub(credits));
		Self::deposit_event(Event::Slashed { who, credits, usd, reason });
		Ok(())
	}

	/// The credit fee of a credits-paid call of `weight` and `len` bytes: the GOV fee of the
	/// same call, converted at the buyback oracle and `CreditPrice` (rounded up); the flat
	/// `CreditTxFee` while GOV has no price.
	pub fn credit_fee(weight: frame_support::weights::Weight, len: u32) -> Balance {
		use sp_runtime::traits::Convert;
		let gov = T::GovFee::convert((weight, len));
		T::GovPrice::get()
			.and_then(|p| math::credit_fee(gov, p, T::CreditPrice::get()))
			.unwrap_or_else(T::CreditTxFee::get)
	}

	/// Burns the credits worth `usd` at `PayoutRate` from `who` (see
	/// [`tandem_primitives::CreditBurn`]): paid credits first, then earned; their backing, `usd`
	/// exactly, moves from the vault to the buyback pot. Changes nothing on error.
	pub(crate) fn do_burn_worth(
		who: &T::AccountId,
		usd: Balance,
	) -> Result<Balance, DispatchError> {
		ensure!(usd > 0, Error::<T>::ZeroAmount);
		let credits = math::credits_worth(usd, T::PayoutRate::get()).ok_or(Error::<T>::Overflow)?;
		let mut acc = Accounts::<T>::get(who);
		acc.take_for_spend(credits).ok_or(Error::<T>::InsufficientCredits)?;
		Self::move_usd(&Self::vault_account(), &T::BuybackPot::get(), usd, Error::<T>::VaultShort)?;
		Accounts::<T>::insert(who, acc);
		TotalIssuance::<T>::mutate(|t| *t = t.saturating_sub(credits));
		Self::deposit_event(Event::BurnedFor { who: who.clone(), credits, usd });
		Ok(credits)
	}

	/// Whether `who` can buy `credits` for at most `max_usd` with the USD it holds (keeping the
	/// asset's minimum) and have the credit `fee` taken out of them.
	pub(crate) fn can_buy_paying(
		who: &T::AccountId,
		credits: Balance,
		max_usd: Balance,
		fee: Balance,
	) -> bool {
		credits > fee
			&& math::usd_ceil(credits, T::CreditPrice::get()).is_some_and(|usd| {
				usd <= max_usd
					&& T::Assets::reducible_balance(
						T::UsdAssetId::get(),
						who,
						Preservation::Preserve,
						Fortitude::Polite,
					) >= usd
			})
	}

	/// Takes the price of `fee` credits at `CreditPrice` in USD from `who` to the treasury: the
	/// fee of a `buy` that failed after passing validation.
	pub(crate) fn charge_fee_in_usd(who: &T::AccountId, fee: Balance) -> DispatchResult {
		let usd = math::usd_ceil(fee, T::CreditPrice::get()).ok_or(Error::<T>::Overflow)?;
		Self::move_usd(who, &T::Treasury::get(), usd, Error::<T>::InsufficientUsd)
	}

	/// Burns a transaction fee of `fee` credits from `who`; its USD backing is owed to the
	/// treasury and accrues in `PendingFeeUsd` (no USD moves per transaction).
	pub(crate) fn do_charge_credit_fee(who: &T::AccountId, fee: Balance) -> DispatchResult {
		Accounts::<T>::try_mutate(who, |acc| -> DispatchResult {
			acc.take_unspent(fee).ok_or(Error::<T>::InsufficientCredits)?;
			Ok(())
		})?;
		TotalIssuance::<T>::mutate(|t| *t = t.saturating_sub(fee));
		let usd = math::usd_floor(fee, T::PayoutRate::get()).unwrap_or_default();
		PendingFeeUsd::<T>::mutate(|p| *p = p.saturating_add(usd));
		Self::deposit_event(Event::CreditFeePaid { who: who.clone(), credits: fee, usd });
		Ok(())
	}

	/// Moves the accrued credit fees' USD from the vault to the treasury (what the vault can
	/// pay of it; the rest stays owed).
	pub(crate) fn settle_fees() {
		let owed = PendingFeeUsd::<T>::get();
		if owed == 0 {
			return;
		}
		// Never into the backing of the credits in existence (nor the vault's minimum).
		let backing = math::usd_floor(TotalIssuance::<T>::get(), T::PayoutRate::get())
			.unwrap_or(Balance::MAX);
		let spare = Self::vault_usd()
			.saturating_sub(T::Assets::minimum_balance(T::UsdAssetId::get()))
			.saturating_sub(backing);
		let usd = owed.min(spare);
		if usd > 0
			&& Self::move_usd(
				&Self::vault_account(),
				&T::Treasury::get(),
				usd,
				Error::<T>::VaultShort,
			)
			.is_ok()
		{
			PendingFeeUsd::<T>::put(owed.saturating_sub(usd));
			Self::deposit_event(Event::CreditFeesSettled { usd });
		}
	}

	/// Burns what is left in a dissolved subnet's pool as a protocol fee: its USD backing at
	/// `PayoutRate` goes to the buyback pot. The pool keeps its totals (a netuid reused later
	/// counts its revenue from them on).
	pub(crate) fn do_retire_pool(netuid: NetUid) -> Result<(Balance, Balance), DispatchError> {
		let credits = Pools::<T>::get(netuid).balance;
		let usd = math::usd_floor(credits, T::PayoutRate::get()).ok_or(Error::<T>::Overflow)?;
		Self::move_usd(&Self::vault_account(), &T::BuybackPot::get(), usd, Error::<T>::VaultShort)?;
		Pools::<T>::mutate(netuid, |p| {
			// Authorizations given to this subnet end with it.
			p.generation = p.generation.saturating_add(1);
			p.balance = 0;
			p.paid_balance = 0;
			p.distributed_total = p.distributed_total.saturating_add(credits);
		});
		TotalIssuance::<T>::mutate(|t| *t = t.saturating_sub(credits));
		if credits > 0 {
			Self::deposit_event(Event::PoolRetired { netuid, credits, usd });
		}
		Ok((credits, usd))
	}

	/// Pays out `netuid`'s pool: see [`math::split_pool`]. All or nothing.
	pub(crate) fn do_distribute(
		netuid: NetUid,
		shares: &PayoutShares<T::AccountId>,
	) -> Result<PayoutOutcome, DispatchError> {
		let pool = Pools::<T>::get(netuid);
		let v_shares: alloc::vec::Vec<Perbill> =
			shares.validators.iter().map(|(_, s)| *s).collect();
		let m_shares: alloc::vec::Vec<Perbill> = shares.miners.iter().map(|(_, s)| *s).collect();
		let split = math::split_pool(pool.balance, Self::cuts(), &v_shares, &m_shares).map_err(
			|e| match e {
				math::SplitError::CutsExceedOne => Error::<T>::CutsExceedOne,
				_ => Error::<T>::SharesExceedOne,
			},
		)?;

		let fee_usd = math::usd_floor(split.protocol_fee, T::PayoutRate::get())
			.ok_or(Error::<T>::Overflow)?;
		Self::move_usd(
			&Self::vault_account(),
			&T::BuybackPot::get(),
			fee_usd,
			Error::<T>::VaultShort,
		)?;

		// A payout's paid part counts toward the airdrop: miners' only, and not for a coldkey
		// that owns the subnet or holds a validator permit on it.
		let counts =
			|who: &T::AccountId| *who != shares.owner && !shares.permit_holders.contains(who);
		let pay = |who: &T::AccountId, credits: Balance, basis: Balance| -> DispatchResult {
			if credits == 0 {
				return Ok(());
			}
			let before = Accounts::<T>::get(who).airdrop_basis;
			if basis > 0 {
				T::AirdropBasisObserver::before_basis_grows(who, before);
			}
			Self::credit_account(who, |acc| {
				acc.free = acc.free.checked_add(credits).ok_or(Error::<T>::Overflow)?;
				acc.earned_total =
					acc.earned_total.checked_add(credits).ok_or(Error::<T>::Overflow)?;
				// `basis ≤ credits`, a part of `earned_total`, which did not overflow.
				acc.airdrop_basis = acc.airdrop_basis.saturating_add(basis);
				Ok(())
			})?;
			TotalEarned::<T>::try_mutate(|t| -> DispatchResult {
				*t = t.checked_add(credits).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})?;
			Self::deposit_event(Event::Earned { who: who.clone(), netuid, credits });
			Ok(())
		};
		pay(&shares.owner, split.owner, 0)?;
		for ((who, _), credits) in shares.validators.iter().zip(split.validators.iter()) {
			pay(who, *credits, 0)?;
		}
		for ((who, _), credits) in shares.miners.iter().zip(split.miners.iter()) {
			let basis = if counts(who) {
				math::paid_part(*credits, pool.paid_balance, pool.balance)
			} else {
				0
			};
			pay(who, *credits, basis)?;
		}

		let taken = pool.balance.saturating_sub(split.carried_over);
		Pools::<T>::mutate(netuid, |p| {
			p.paid_balance = math::paid_part(split.carried_over, p.paid_balance, p.balance);
			p.balance = split.carried_over;
			p.distributed_total = p.distributed_total.saturating_add(taken);
		});
		TotalIssuance::<T>::mutate(|t| *t = t.saturating_sub(split.protocol_fee));

		let sum = |v: &[Balance]| v.iter().fold(0u128, |a, x| a.saturating_add(*x));
		let outcome = PayoutOutcome {
			pool_before: pool.balance,
			protocol_fee: split.protocol_fee,
			protocol_fee_usd: fee_usd,
			owner: split.owner,
			validators: sum(&split.validators),
			miners: sum(&split.miners),
			carried_over: split.carried_over,
		};
		Self::deposit_event(Event::Distributed {
			netuid,
			pool_before: outcome.pool_before,
			protocol_fee: outcome.protocol_fee,
			protocol_fee_usd: outcome.protocol_fee_usd,
			owner: outcome.owner,
			validators: outcome.validators,
			miners: outcome.miners,
			carried_over: outcome.carried_over,
		});
		Ok(outcome)
	}

	/// An account's balances, for the runtime API.
	pub fn account_credits(who: &T::AccountId) -> AccountCredits {
		let a = Accounts::<T>::get(who);
		AccountCredits {
			free: a.free,
			paid: a.paid,
			earned_total: a.earned_total,
			cashable: a.cashable(),
			spent_total: a.spent_total,
			cashed_out_total: a.cashed_out_total,
			airdrop_basis: a.airdrop_basis,
		}
	}

	/// Totals and ratios, for the runtime API.
	pub fn totals() -> CreditsTotals {
		let m = Self::metrics_12m();
		let total_issuance = TotalIssuance::<T>::get();
		let vault_usd = Self::vault_usd();
		let payout_rate = T::PayoutRate::get();
		let liability = math::usd_floor(total_issuance, payout_rate).unwrap_or(Balance::MAX);
		CreditsTotals {
			total_issuance,
			vault_usd,
			credit_price: T::CreditPrice::get(),
			payout_rate,
			usd_revenue_12m: m.usd_revenue,
			credits_redeemed_12m: m.credits_redeemed,
			credits_paid_12m: m.credits_paid,
			credits_recycled_12m: m.credits_recycled(),
			cash_out_usd_12m: m.cash_out_usd,
			// USD per credit: both have 6 decimals, so ppm of (usd / credits) is USD base
			// units per whole credit.
			credit_ratio_ppm: math::ratio_ppm(m.usd_revenue, m.credits_paid),
			backing_ratio_ppm: math::ratio_ppm(vault_usd, liability),
		}
	}

	/// The invariants listed in the crate docs. Run by `try_state` (feature `try-runtime`), after
	/// every unit test, and by the runtime's tests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut held: Balance = 0;
		let mut cashable: Balance = 0;
		let mut earned: Balance = 0;
		for (_, acc) in Accounts::<T>::iter() {
			earned = earned.saturating_add(acc.earned_total);
			held = held.checked_add(acc.free).ok_or("account sum overflows")?;
			cashable = cashable.saturating_add(acc.cashable());
			ensure!(acc.cashed_out_total <= acc.earned_total, "cashed out more than earned");
			ensure!(acc.paid <= acc.free, "paid credits above held credits");
			ensure!(acc.airdrop_basis <= acc.earned_total, "airdrop basis above earnings");
			ensure!(acc.paid > 0 || acc.paid_usd == 0, "USD paid for no paid credits");
		}
		let mut pooled: Balance = 0;
		for (_, p) in Pools::<T>::iter() {
			pooled = pooled.checked_add(p.balance).ok_or("pool sum overflows")?;
			ensure!(
				Some(p.balance) == p.spent_total.checked_sub(p.distributed_total),
				"pool != spent - distributed"
			);
			ensure!(p.paid_total <= p.spent_total, "pool paid above spent");
			ensure!(p.paid_balance <= p.balance, "pool's paid part above its balance");
		}
		ensure!(
			held.checked_add(pooled) == Some(TotalIssuance::<T>::get()),
			"total issuance != accounts + pools"
		);
		ensure!(earned == TotalEarned::<T>::get(), "total earned != sum of accounts' earned");
		for (_, a) in Authorizations::<T>::iter() {
			ensure!(a.used <= a.cap, "authorization used above cap");
		}
		let owed = math::usd_floor(cashable, T::PayoutRate::get()).ok_or("cashable overflows")?;
		ensure!(
			Self::vault_usd() >= owed.saturating_add(PendingFeeUsd::<T>::get()),
			"vault cannot cover cashable credits and the fees owed to the treasury"
		);
		Ok(())
	}
}

impl<T: Config> tandem_primitives::CreditBurn<T::AccountId> for Pallet<T> {
	fn burn_worth(who: &T::AccountId, usd: Balance) -> Result<Balance, DispatchError> {
		Self::do_burn_worth(who, usd)
	}
}

impl<T: Config> CreditsInterface<T::AccountId> for Pallet<T> {
	fn pool_of(netuid: NetUid) -> Balance {
		Pools::<T>::get(netuid).balance
	}

	fn distribute(
		netuid: NetUid,
		shares: &PayoutShares<T::AccountId>,
	) -> Result<PayoutOutcome, DispatchError> {
		frame_support::storage::with_storage_layer(|| Self::do_distribute(netuid, shares))
	}

	fn airdrop_basis(who: &T::AccountId) -> Balance {
		Accounts::<T>::get(who).airdrop_basis
	}

	fn paid_total(netuid: NetUid) -> Balance {
		Pools::<T>::get(netuid).paid_total
	}

	fn paid_totals(netuid: NetUid) -> (Balance, Balance) {
		let p = Pools::<T>::get(netuid);
		(p.paid_total, p.paid_usd_total)
	}

	fn retire_pool(netuid: NetUid) -> Result<(Balance, Balance), DispatchError> {
		frame_support::storage::with_storage_layer(|| Self::do_retire_pool(netuid))
	}
}
