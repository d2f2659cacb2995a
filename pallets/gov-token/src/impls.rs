//! The pallet's logic: emission, the oracle, the buyback, burns and fee sinks, metrics.

use crate::{buyback, emission, oracle, pallet::*, types::*, BuybackMarket};
use core::marker::PhantomData;
use frame_support::{
	storage::with_storage_layer,
	traits::{
		fungible::{self, Balanced, Inspect, Mutate},
		fungibles,
		tokens::{Fortitude, Precision, Preservation},
		Get, Imbalance, OnUnbalanced,
	},
};
use sp_runtime::{traits::Zero, DispatchError, FixedPointNumber, FixedU128};
use tandem_primitives::{
	math::{mul_div, mul_div_ceil},
	months, Balance,
};

/// GOV taken out of circulation, in the pallet's eyes.
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

/// What a buyback will do, decided before anything moves.
struct Plan {
	lot: Balance,
	buy: Balance,
	min_out: Balance,
	oracle: FixedU128,
	scaled_down: bool,
}

/// `num / den` in parts per million (rounded down, saturating), `None` on a zero denominator.
pub fn ratio_ppm(num: Balance, den: Balance) -> Option<u64> {
	(den > 0).then(|| {
		let r = mul_div(num, 1_000_000, den).unwrap_or(u128::MAX);
		u64::try_from(r).unwrap_or(u64::MAX)
	})
}

impl<T: Config> Pallet<T> {
	/// The current block as `u32`.
	pub fn now() -> u32 {
		tandem_primitives::block_u32(frame_system::Pallet::<T>::block_number())
	}

	/// GOV the next block emits: `E0 / 2^h` once launched, zero before.
	pub fn block_emission() -> Balance {
		if CurrentPhase::<T>::get() != Phase::Launched {
			return 0;
		}
		emission::block_emission(
			Emitted::<T>::get(),
			T::EmissionCap::get(),
			T::InitialEmission::get(),
		)
	}

	/// Mints up to `amount` GOV of emission to `to` (for the subnets pallet), never past the
	/// cap; `usd` is the revenue value it was accrued at (cut in proportion when the cap cuts
	/// the amount). Returns what was minted. Errors: `NotLaunched`.
	pub fn emit(
		to: &T::AccountId,
		amount: Balance,
		usd: Balance,
	) -> Result<Balance, DispatchError> {
		frame_support::ensure!(
			CurrentPhase::<T>::get() == Phase::Launched,
			Error::<T>::NotLaunched
		);
		let emitted = Emitted::<T>::get();
		let minted = amount.min(T::EmissionCap::get().saturating_sub(emitted));
		if minted.is_zero() {
			return Ok(0);
		}
		let usd =
			if minted == amount { usd } else { mul_div_ceil(usd, minted, amount).unwrap_or(usd) };
		T::Currency::mint_into(to, minted)?;
		Emitted::<T>::put(emitted.saturating_add(minted));
		Self::note_month(|m| {
			m.emitted = m.emitted.saturating_add(minted);
			m.emitted_usd = m.emitted_usd.saturating_add(usd);
		});
		Self::deposit_event(Event::Emitted { to: to.clone(), amount: minted, usd });
		Ok(minted)
	}

	/// GOV units per USD unit at the higher USD price of the two oracles (the smaller of the
	/// two GOV-per-USD figures); `None` until both have a price.
	pub fn gov_per_usd() -> Option<FixedU128> {
		let (fast, slow) = (PriceEma::<T>::get(), PriceEmaSlow::<T>::get());
		(!fast.is_zero() && !slow.is_zero()).then(|| fast.min(slow))
	}

	/// The pool's spot price, GOV units per USD unit.
	pub fn spot_price() -> Option<FixedU128> {
		let (usd, gov) = T::Market::reserves()?;
		FixedU128::checked_from_rational(gov, usd).filter(|p| !p.is_zero())
	}

	/// Moves the oracle EMA `OracleSmoothing` of the way towards the spot price, and the slow
	/// one `1 / SlowOracleWindow` of the way (each starts at the spot price).
	///
	/// Per block elapsed since the last update: over `Δ` blocks the weight is `1 − (1 − w)^Δ`
	/// (`Δ = 1` on a live chain; the simulator's one block stands for a day).
	pub(crate) fn update_oracle() {
		let now = Self::now();
		let elapsed = match OracleUpdatedAt::<T>::get() {
			0 => 1,
			last => now.saturating_sub(last).max(1),
		};
		OracleUpdatedAt::<T>::put(now);
		let Some(spot) = Self::spot_price() else { return };
		let fast = oracle::fast_weight(T::OracleSmoothing::get());
		PriceEma::<T>::mutate(|ema| *ema = oracle::step(*ema, spot, fast, elapsed));
		let slow = oracle::slow_weight(T::SlowOracleWindow::get());
		PriceEmaSlow::<T>::mutate(|ema| *ema = oracle::step(*ema, spot, slow, elapsed));
	}

	/// USD the pot can spend (above its minimum balance).
	pub fn pot_usd() -> Balance {
		<T::Assets as fungibles::Inspect<T::AccountId>>::reducible_balance(
			T::UsdAssetId::get(),
			&T::BuybackPot::get(),
			Preservation::Preserve,
			Fortitude::Polite,
		)
	}

	/// Whether a buyback may run now.
	pub fn buyback_due() -> bool {
		CurrentPhase::<T>::get() == Phase::Launched
			&& !BuybackPaused::<T>::get()
			&& Self::now() >= NextBuyback::<T>::get()
	}

	/// Decides the lot, the GOV share and the least GOV acceptable, or why to skip. A lot the
	/// pool cannot fill within `MaxBuybackSlippage` of the oracle, or whose GOV share exceeds
	/// the pool fee × its USD reserve (the most no sandwich can profit from), is scaled down,
	/// whole (the `BuybackShare` split kept), to the largest that fits.
	fn plan() -> Result<Plan, SkipReason> {
		let pot = Self::pot_usd();
		let full = buyback::lot(
			pot,
			T::BuybackLot::get(),
			T::BuybackInterval::get(),
			tandem_primitives::time::DAYS,
		);
		if full.is_zero() {
			return Err(SkipReason::EmptyPot);
		}
		let share = T::BuybackShare::get();
		let oracle = PriceEma::<T>::get();
		if share.mul_floor(full).is_zero() {
			return Ok(Plan { lot: full, buy: 0, min_out: 0, oracle, scaled_down: false });
		}
		let Some((usd_reserve, _)) = T::Market::reserves().filter(|_| !oracle.is_zero()) else {
			return Err(SkipReason::NoMarket);
		};
		let slippage = T::MaxBuybackSlippage::get();
		let min_out = |buy| buyback::min_out(buy, oracle, slippage);
		// No bigger than a sandwich around it could profit from.
		let cap = buyback::sandwich_safe_buy(usd_reserve, T::Market::fee());
		let fits = |lot: Balance| {
			let buy = share.mul_floor(lot);
			!buy.is_zero()
				&& buy <= cap
				&& T::Market::quote_usd_for_gov(buy).is_some_and(|out| out >= min_out(buy))
		};
		let lot = buyback::largest_fitting(full, fits);
		if lot.is_zero() {
			return Err(SkipReason::SlippageBound);
		}
		let buy = share.mul_floor(lot);
		Ok(Plan { lot, buy, min_out: min_out(buy), oracle, scaled_down: lot < full })
	}

	/// Swaps, burns and pays the treasury as planned; all or nothing (in a storage layer).
	fn execute(plan: &Plan) -> Result<Balance, DispatchError> {
		let pot = T::BuybackPot::get();
		let gov = if plan.buy.is_zero() {
			0
		} else {
			let gov = T::Market::swap_usd_for_gov(&pot, plan.buy, plan.min_out)?;
			T::Currency::burn_from(
				&pot,
				gov,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Force,
			)?;
			gov
		};
		let rest = plan.lot.saturating_sub(plan.buy);
		if !rest.is_zero() {
			<T::Assets as fungibles::Mutate<T::AccountId>>::transfer(
				T::UsdAssetId::get(),
				&pot,
				&T::Treasury::get(),
				rest,
				Preservation::Preserve,
			)?;
		}
		Self::record_burn(gov, BurnSource::Buyback);
		Self::note_month(|m| m.usd_spent = m.usd_spent.saturating_add(plan.buy));
		Ok(gov)
	}

	/// Runs the due buyback: schedules the next one, then trades or skips with an event.
	pub(crate) fn run_buyback() {
		// The next lot is due one interval after this one was (now + interval on a live chain),
		// never more than `MAX_LOTS_PER_BLOCK` intervals behind.
		let interval = T::BuybackInterval::get().max(1);
		let behind = interval.saturating_mul(crate::MAX_LOTS_PER_BLOCK.saturating_sub(1));
		let next = NextBuyback::<T>::get()
			.saturating_add(interval)
			.max(Self::now().saturating_add(interval).saturating_sub(behind));
		NextBuyback::<T>::put(next);
		let skipped = |reason| Event::<T>::BuybackSkipped { reason, usd_in_pot: Self::pot_usd() };
		let event = match Self::plan() {
			Err(reason) => skipped(reason),
			Ok(plan) => match with_storage_layer(|| Self::execute(&plan)) {
				Ok(gov_burned) => Event::BoughtBack {
					usd_spent: plan.buy,
					scaled_down: plan.scaled_down,
					gov_burned,
					usd_to_treasury: plan.lot.saturating_sub(plan.buy),
					min_gov_out: plan.min_out,
					oracle_price: plan.oracle,
				},
				Err(_) => skipped(SkipReason::Failed),
			},
		};
		Self::deposit_event(event);
	}

	/// Records `amount` GOV as burned (its credit was already dropped).
	pub(crate) fn record_burn(amount: Balance, source: BurnSource) {
		if amount.is_zero() {
			return;
		}
		Burned::<T>::mutate(|b| *b = b.saturating_add(amount));
		if source != BurnSource::Other {
			Self::note_month(|m| m.bought_back = m.bought_back.saturating_add(amount));
		}
		Self::deposit_event(Event::Burned { amount, source });
	}

	/// The current metrics month (30 days of blocks) and its slot in the 12-slot ring.
	fn month_slot() -> (u32, u8) {
		months::month_slot(Self::now())
	}

	/// Applies `f` to this month's metrics slot (resetting a slot left from a year ago).
	fn note_month(f: impl FnOnce(&mut TokenMonth)) {
		let (month, slot) = Self::month_slot();
		Metrics::<T>::mutate(slot, |m| {
			if m.month != month {
				*m = TokenMonth { month, ..Default::default() };
			}
			f(m);
		});
	}

	/// The last 12 months of metrics (this one included), added up.
	pub fn twelve_months() -> TokenMonth {
		let (month, _) = Self::month_slot();
		Metrics::<T>::iter_values().filter(|m| months::in_last_year(m.month, month)).fold(
			TokenMonth { month, ..Default::default() },
			|a, m| TokenMonth {
				month,
				emitted: a.emitted.saturating_add(m.emitted),
				emitted_usd: a.emitted_usd.saturating_add(m.emitted_usd),
				bought_back: a.bought_back.saturating_add(m.bought_back),
				usd_spent: a.usd_spent.saturating_add(m.usd_spent),
			},
		)
	}

	/// This month's metrics (empty early in a month).
	pub fn this_month() -> TokenMonth {
		let (month, slot) = Self::month_slot();
		Some(Metrics::<T>::get(slot))
			.filter(|m| m.month == month)
			.unwrap_or(TokenMonth { month, ..Default::default() })
	}

	/// Everything `TokenApi::info` reports.
	pub fn info() -> TokenInfo {
		let year = Self::twelve_months();
		let month = Self::this_month();
		let (emitted_12m, bought_back_12m) = (year.emitted, year.bought_back);
		let governance_ratio_ppm = ratio_ppm(bought_back_12m, emitted_12m);
		TokenInfo {
			phase: CurrentPhase::<T>::get(),
			emission_per_block: Self::block_emission(),
			emitted: Emitted::<T>::get(),
			burned: Burned::<T>::get(),
			emission_cap: T::EmissionCap::get(),
			total_issuance: T::Currency::total_issuance(),
			pot_usd: Self::pot_usd(),
			next_buyback: NextBuyback::<T>::get(),
			oracle_price: PriceEma::<T>::get(),
			spot_price: Self::spot_price().unwrap_or_default(),
			emitted_12m,
			emitted_usd_12m: year.emitted_usd,
			bought_back_12m,
			buyback_usd_12m: year.usd_spent,
			emitted_month: month.emitted,
			emitted_usd_month: month.emitted_usd,
			bought_back_month: month.bought_back,
			buyback_usd_month: month.usd_spent,
			governance_ratio_ppm,
		}
	}

	/// `total issuance == genesis issuance + emitted − burned`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let expected = GenesisIssuance::<T>::get()
			.saturating_add(Emitted::<T>::get())
			.saturating_sub(Burned::<T>::get());
		frame_support::ensure!(
			T::Currency::total_issuance() == expected,
			"GOV issuance != genesis + emitted - burned"
		);
		frame_support::ensure!(
			Emitted::<T>::get() <= T::EmissionCap::get(),
			"emitted beyond the cap"
		);
		frame_support::ensure!(
			MeshRoster::<T>::count() <= T::MaxRoster::get(),
			"the mesh roster is longer than MaxRoster"
		);
		if let Some(a) = CurrentAirdrop::<T>::get() {
			frame_support::ensure!(a.claimed <= a.amount, "an airdrop paid out more than it holds");
			let claims = AirdropClaims::<T>::iter_prefix_values(a.id)
				.fold(0u128, |t, c| t.saturating_add(c));
			frame_support::ensure!(claims == a.claimed, "airdrop claims != claimed");
		}
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Opens the airdrop; returns how many roster members it read.
	pub(crate) fn do_start_airdrop(amount: Balance) -> Result<u32, DispatchError> {
		use tandem_primitives::CreditsInterface;
		frame_support::ensure!(
			CurrentPhase::<T>::get() == Phase::Launched,
			Error::<T>::NotLaunched
		);
		frame_support::ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		frame_support::ensure!(CurrentAirdrop::<T>::get().is_none(), Error::<T>::AirdropActive);
		let reserve = T::Currency::reducible_balance(
			&T::AirdropReserve::get(),
			Preservation::Preserve,
			Fortitude::Polite,
		);
		frame_support::ensure!(reserve >= amount, Error::<T>::InsufficientReserve);
		let (members, total_basis) = MeshRoster::<T>::iter_keys()
			.fold((0u32, 0u128), |(n, t), who| {
				(n.saturating_add(1), t.saturating_add(T::Credits::airdrop_basis(&who)))
			});
		frame_support::ensure!(!total_basis.is_zero(), Error::<T>::NoEarnings);
		let id = NextAirdropId::<T>::get();
		let now = Self::now();
		let ends_at = now.saturating_add(T::AirdropClaimPeriod::get());
		CurrentAirdrop::<T>::put(Airdrop {
			id,
			amount,
			total_basis,
			snapshot_block: now,
			ends_at,
			claimed: 0,
		});
		NextAirdropId::<T>::put(id.saturating_add(1));
		Self::deposit_event(Event::AirdropStarted { id, amount, total_basis, ends_at });
		Ok(members)
	}

	/// `who`'s airdrop basis as of the open airdrop's snapshot.
	pub fn basis_at_snapshot(airdrop: &Airdrop, who: &T::AccountId) -> Balance {
		use tandem_primitives::CreditsInterface;
		BasisAtSnapshot::<T>::get(airdrop.id, who).unwrap_or_else(|| T::Credits::airdrop_basis(who))
	}

	pub(crate) fn do_claim_airdrop(who: T::AccountId) -> sp_runtime::DispatchResult {
		let mut airdrop = CurrentAirdrop::<T>::get().ok_or(Error::<T>::NoAirdrop)?;
		frame_support::ensure!(Self::now() <= airdrop.ends_at, Error::<T>::AirdropEnded);
		frame_support::ensure!(
			!AirdropClaims::<T>::contains_key(airdrop.id, &who),
			Error::<T>::AlreadyClaimed
		);
		frame_support::ensure!(
			MeshRoster::<T>::get(&who).is_some_and(|joined| joined < airdrop.snapshot_block),
			Error::<T>::NotOnRoster
		);
		let basis = Self::basis_at_snapshot(&airdrop, &who);
		let share = mul_div(airdrop.amount, basis, airdrop.total_basis)
			.ok_or(Error::<T>::Overflow)?
			.min(T::MaxAirdropShare::get().mul_floor(airdrop.amount))
			// Never more than is left (the snapshot sums to `total_basis`, so it never binds).
			.min(airdrop.amount.saturating_sub(airdrop.claimed));
		frame_support::ensure!(!share.is_zero(), Error::<T>::NothingToClaim);
		T::Currency::transfer(&T::AirdropReserve::get(), &who, share, Preservation::Preserve)?;
		airdrop.claimed = airdrop.claimed.saturating_add(share);
		CurrentAirdrop::<T>::put(airdrop);
		AirdropClaims::<T>::insert(airdrop.id, &who, share);
		Self::deposit_event(Event::AirdropClaimed { id: airdrop.id, who, amount: share, basis });
		Ok(())
	}

	pub(crate) fn do_close_airdrop() -> sp_runtime::DispatchResult {
		let airdrop = CurrentAirdrop::<T>::get().ok_or(Error::<T>::NoAirdrop)?;
		frame_support::ensure!(Self::now() > airdrop.ends_at, Error::<T>::AirdropStillOpen);
		let returned = airdrop.amount.saturating_sub(airdrop.claimed);
		if !returned.is_zero() {
			T::Currency::transfer(
				&T::AirdropReserve::get(),
				&T::Treasury::get(),
				returned,
				Preservation::Preserve,
			)?;
		}
		CurrentAirdrop::<T>::kill();
		Self::deposit_event(Event::AirdropClosed { id: airdrop.id, returned });
		Ok(())
	}
}

/// The lazy snapshot: the first time an account's airdrop basis grows during an airdrop, its
/// value before the growth is what the airdrop counts.
impl<T: Config> tandem_primitives::AirdropBasisObserver<T::AccountId> for Pallet<T> {
	fn before_basis_grows(who: &T::AccountId, basis_before: Balance) {
		if let Some(airdrop) = CurrentAirdrop::<T>::get() {
			if !BasisAtSnapshot::<T>::contains_key(airdrop.id, who) {
				BasisAtSnapshot::<T>::insert(airdrop.id, who, basis_before);
			}
		}
	}
}

/// The emission the subnets pallet splits across subnets each block.
impl<T: Config> tandem_primitives::GovEmission<T::AccountId> for Pallet<T> {
	fn launched() -> bool {
		CurrentPhase::<T>::get() == Phase::Launched
	}
	fn block_emission() -> Balance {
		Self::block_emission()
	}
	fn emission_over(blocks: u32) -> Balance {
		if CurrentPhase::<T>::get() != Phase::Launched {
			return 0;
		}
		emission::emission_over(
			Emitted::<T>::get(),
			u64::from(blocks),
			T::EmissionCap::get(),
			T::InitialEmission::get(),
		)
	}
	fn gov_per_usd() -> Option<FixedU128> {
		Self::gov_per_usd()
	}
	fn emit(to: &T::AccountId, amount: Balance, usd: Balance) -> Result<Balance, DispatchError> {
		Self::emit(to, amount, usd)
	}
}

/// Burns GOV handed to it and records the burn (registration burns, balance dust).
pub struct BurnGov<T>(PhantomData<T>);
impl<T: Config> OnUnbalanced<CreditOf<T>> for BurnGov<T> {
	fn on_nonzero_unbalanced(amount: CreditOf<T>) {
		let value = amount.peek();
		// Dropping the credit takes it out of issuance.
		drop(amount);
		Pallet::<T>::record_burn(value, BurnSource::Other);
	}
}

/// Takes GOV fees (subnet swap fees): `BuybackShare` burned at once, the rest to the treasury.
pub struct GovFeeSink<T>(PhantomData<T>);
impl<T: Config> OnUnbalanced<CreditOf<T>> for GovFeeSink<T> {
	fn on_nonzero_unbalanced(fee: CreditOf<T>) {
		let burn = T::BuybackShare::get().mul_floor(fee.peek());
		let (burned, rest) = fee.split(burn);
		let burned_value = burned.peek();
		drop(burned);
		Pallet::<T>::record_burn(burned_value, BurnSource::Fee);
		// A treasury that cannot take it (it always can: it is endowed) would burn it instead.
		if let Err(rest) = T::Currency::resolve(&T::Treasury::get(), rest) {
			let value = rest.peek();
			drop(rest);
			Pallet::<T>::record_burn(value, BurnSource::Other);
		}
	}
}
