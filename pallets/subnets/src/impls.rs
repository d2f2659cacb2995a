//! The pallet's logic: network registration, staking swaps and the share pools, the emission
//! split and injection, the epoch driver and payout, slashing, views and invariants.

use crate::{
	emission,
	pallet::*,
	pool::{self, FillError, Limit, PoolError, Price, Reserves, Swap, PRICE_ONE},
	types::*,
	WeightInfo,
};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::{Balanced, Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		Imbalance, OnUnbalanced,
	},
};
use sp_runtime::{traits::AccountIdConversion, Perbill, Perquintill};
use tandem_primitives::{
	gov, halving,
	math::{ema_step, ema_weight, mul_div},
	Balance, CreditsInterface, GovEmission, Metagraph, NetUid, PayoutShares, StakeProvider,
	SubnetRegistry,
};

/// The most alpha a subnet ever emits (21 M alpha).
pub const ALPHA_CAP: Balance = 21_000_000 * gov::UNIT;
/// A subnet's alpha emission per block before any halving (1 alpha).
pub const ALPHA_PER_BLOCK: Balance = gov::UNIT;

/// The most keys one block's cleanup step removes.
const MAX_CLEAR_PER_BLOCK: u32 = 1_024;

/// A neuron paid at an epoch: hotkey, coldkey and its share (incentive or dividends).
type Payee<AccountId> = (AccountId, AccountId, Perbill);

impl<T: Config> Pallet<T> {
	/// The pot holding every pool's GOV reserve.
	pub fn pot() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The current block as `u32`.
	pub fn now() -> u32 {
		tandem_primitives::block_u32(frame_system::Pallet::<T>::block_number())
	}

	/// The lock the next `register_network` pays: `max(MinLockCost, 2 × last − decay)` where
	/// the decay grows linearly by one `last` per `LockReductionInterval` blocks.
	pub fn lock_cost() -> Balance {
		let (last, at) = LastLock::<T>::get();
		crate::lock::lock_cost(
			last,
			Self::now().saturating_sub(at),
			T::LockReductionInterval::get(),
			T::MinLockCost::get(),
		)
	}

	/// Registers a subnet for `owner`: a free id at once, or — every id taken — the id of a
	/// dissolving subnet without a registration waiting, else of the subnet pruned for it
	/// ([`Self::prune_candidate`]), once drained.
	pub(crate) fn do_register_network(
		owner: T::AccountId,
		max_lock: Balance,
	) -> DispatchResultWithPostInfo {
		let lock = Self::lock_cost();
		ensure!(lock <= max_lock, Error::<T>::LockAboveLimit);
		let free = FreeNetuids::<T>::get().first().copied().or_else(|| {
			let next = NextNetuid::<T>::get();
			(u32::from(next) < T::MaxSubnets::get()).then_some(next)
		});
		let waiting_for = match free {
			Some(_) => None,
			None => Some(
				match Dissolving::<T>::iter().find(|(_, d)| d.heir.is_none()).map(|(n, _)| n) {
					Some(netuid) => netuid,
					None => {
						let victim = Self::prune_candidate().ok_or(Error::<T>::AllSubnetsImmune)?;
						Self::start_dissolution(victim, DissolveCause::Pruned)?;
						victim
					}
				},
			),
		};
		let paid = T::GovCurrency::withdraw(
			&owner,
			lock,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::CannotAffordLock)?;
		T::GovCurrency::resolve(&Self::pot(), paid).map_err(|_| Error::<T>::Overflow)?;
		LastLock::<T>::put((lock, Self::now()));
		match (free, waiting_for) {
			(Some(netuid), _) => {
				FreeNetuids::<T>::mutate(|f| f.retain(|n| *n != netuid));
				if netuid == NextNetuid::<T>::get() {
					// `netuid < MaxSubnets ≤ u16::MAX`, so the increment fits.
					NextNetuid::<T>::put(netuid.saturating_add(1));
				}
				Self::create_subnet(netuid, owner, lock);
				Ok(Some(T::WeightInfo::register_network()).into())
			}
			(None, Some(netuid)) => {
				Dissolving::<T>::mutate(netuid, |d| {
					if let Some(d) = d {
						d.heir = Some((owner.clone(), lock));
					}
				});
				Self::deposit_event(Event::NetworkQueued { netuid, owner, lock });
				Ok(().into())
			}
			(None, None) => Err(Error::<T>::AllSubnetsImmune.into()),
		}
	}

	/// Creates subnet `netuid` for `owner`, its pool seeded with `lock` GOV (already in the
	/// pot) and as much alpha.
	fn create_subnet(netuid: NetUid, owner: T::AccountId, lock: Balance) {
		let reserves = Reserves { gov: lock, alpha: lock };
		let (paid_seen, paid_usd_seen) = T::Credits::paid_totals(netuid);
		Networks::<T>::insert(
			netuid,
			SubnetInfo {
				owner: owner.clone(),
				registered_at: Self::now(),
				lock,
				emission_enabled: true,
				reserves,
				alpha_outstanding: 0,
				alpha_issued: 0,
				pending_alpha: 0,
				price_ema: reserves.price().unwrap_or(PRICE_ONE),
				revenue_ema: 0,
				paid_seen,
				paid_usd_seen,
				allowance: 0,
				allowance_usd: 0,
				emission_share: Perquintill::zero(),
			},
		);
		Self::deposit_event(Event::NetworkRegistered { netuid, owner, lock });
	}

	/// The subnet a registration prunes when every id is taken: of those past
	/// `NetworkImmunity` blocks since registration, the lowest emission share, then the lowest
	/// revenue, then the oldest.
	pub fn prune_candidate() -> Option<NetUid> {
		let now = Self::now();
		let immunity = T::NetworkImmunity::get();
		Networks::<T>::iter()
			.filter(|(_, s)| now.saturating_sub(s.registered_at) >= immunity)
			.min_by_key(|(netuid, s)| (s.emission_share, s.revenue_ema, s.registered_at, *netuid))
			.map(|(netuid, _)| netuid)
	}

	// ----- share pools -----

	/// The alpha value of `shares` of a hotkey's pool (rounded down).
	fn value_of(shares: u128, stake: &HotkeyStake) -> Balance {
		mul_div(shares, stake.alpha, stake.shares).unwrap_or(0)
	}

	/// Alpha the position `(coldkey, hotkey, netuid)` is worth now.
	pub fn position_alpha(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
	) -> Balance {
		Self::position_value(coldkey, hotkey, netuid).0
	}

	/// The position's value in alpha and the part of it still pending, read-only but as the
	/// next call touching it will see it: a matured pending pool counts as converted, so the
	/// whole value can be unstaked to the last unit.
	pub fn position_value(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
	) -> (Balance, Balance) {
		let (_, alpha, pending) = Self::position_state(coldkey, hotkey, netuid);
		(alpha, pending)
	}

	/// The position's main-pool shares (matured ones not yet claimed included), its value in
	/// alpha and the part still pending, as the next call touching it will see them.
	fn position_state(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
	) -> (u128, Balance, Balance) {
		let key = (coldkey, hotkey, netuid);
		let (main, matured) = Self::matured_state(netuid, hotkey);
		let (mut claim, mut pending) = (0, 0);
		if let Some((round, units)) = PositionPending::<T>::get(key) {
			let round_matured = Matured::<T>::get((netuid, hotkey, round))
				.or(matured.filter(|(r, _)| *r == round).map(|(_, m)| m));
			if let Some(m) = round_matured {
				claim = Self::claim_of(units, &m);
			} else if let Some(p) =
				HotkeyPending::<T>::get(netuid, hotkey).filter(|p| p.round == round)
			{
				pending = mul_div(units, p.alpha, p.units).unwrap_or(0);
			}
		}
		let shares = Positions::<T>::get(key).saturating_add(claim);
		(shares, Self::value_of(shares, &main).saturating_add(pending), pending)
	}

	// ----- maturity -----

	/// The main-pool shares `units` of a matured round claim: their part of what is left, all
	/// of it for the last claimant (so the round's shares are handed out exactly).
	fn claim_of(units: u128, m: &MaturedRound) -> u128 {
		if units >= m.units {
			m.shares
		} else {
			mul_div(units, m.shares, m.units).unwrap_or(0)
		}
	}

	/// `hotkey`'s main pool as it is once its pending pool matures, and the matured round it
	/// leaves for positions to claim: if the subnet has paid an epoch since the pending pool
	/// opened, the pool turns into main-pool shares at the price then (after that payout's
	/// dividends, which it did not share). Saturating: alpha is bounded by the alpha cap far
	/// below `u128`.
	fn matured_state(
		netuid: NetUid,
		hotkey: &T::AccountId,
	) -> (HotkeyStake, Option<(u32, MaturedRound)>) {
		let main = HotkeyAlpha::<T>::get(netuid, hotkey);
		let Some(p) = HotkeyPending::<T>::get(netuid, hotkey)
			.filter(|p| p.round < PayoutRound::<T>::get(netuid))
		else {
			return (main, None);
		};
		let shares = Self::shares_for(&main, p.alpha).unwrap_or(0);
		let after = HotkeyStake {
			alpha: main.alpha.saturating_add(p.alpha),
			shares: main.shares.saturating_add(shares),
		};
		(after, Some((p.round, MaturedRound { units: p.units, shares })))
	}

	/// Matures `hotkey`'s pending pool if due ([`Self::matured_state`]). Called before anything
	/// reads or changes the hotkey's pools.
	fn mature_hotkey(netuid: NetUid, hotkey: &T::AccountId) {
		if let (main, Some((round, m))) = Self::matured_state(netuid, hotkey) {
			HotkeyAlpha::<T>::insert(netuid, hotkey, main);
			HotkeyPending::<T>::remove(netuid, hotkey);
			Matured::<T>::insert((netuid, hotkey, round), m);
		}
	}

	/// Matures `hotkey`'s pending pool if due, then hands the position its shares of a matured
	/// round. Lazy: positions are never iterated; each claims when it is next touched.
	pub(crate) fn mature_position(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
	) -> DispatchResult {
		Self::mature_hotkey(netuid, hotkey);
		let key = (coldkey, hotkey, netuid);
		let Some((round, units)) = PositionPending::<T>::get(key) else { return Ok(()) };
		let Some(mut m) = Matured::<T>::get((netuid, hotkey, round)) else { return Ok(()) };
		let claim = Self::claim_of(units, &m);
		m.units = m.units.saturating_sub(units);
		m.shares = m.shares.saturating_sub(claim);
		if m.units == 0 {
			Matured::<T>::remove((netuid, hotkey, round));
		} else {
			Matured::<T>::insert((netuid, hotkey, round), m);
		}
		PositionPending::<T>::remove(key);
		if claim > 0 {
			Self::add_position_shares(coldkey, hotkey, netuid, claim)?;
		} else {
			Self::forget_if_empty(coldkey, hotkey, netuid);
		}
		Ok(())
	}

	/// Adds `shares` of `hotkey`'s main pool to `coldkey`'s position.
	fn add_position_shares(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		shares: u128,
	) -> DispatchResult {
		let new = Positions::<T>::try_mutate((coldkey, hotkey, netuid), |s| {
			let new = *s == 0;
			*s = s.checked_add(shares).ok_or(Error::<T>::Overflow)?;
			Ok::<_, DispatchError>(new)
		})?;
		if new {
			SubnetStakers::<T>::insert((netuid, coldkey, hotkey), ());
		}
		Ok(())
	}

	/// Drops `(netuid, coldkey, hotkey)` from [`SubnetStakers`] once the position holds
	/// neither shares nor pending stake.
	fn forget_if_empty(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: NetUid) {
		let key = (coldkey, hotkey, netuid);
		if !Positions::<T>::contains_key(key) && !PositionPending::<T>::contains_key(key) {
			SubnetStakers::<T>::remove((netuid, coldkey, hotkey));
		}
	}

	/// Stakes `alpha` bought by `coldkey` into `hotkey`'s pending pool: it earns no dividends
	/// and weighs nothing in consensus until the subnet's next epoch payout matures it, so stake
	/// held across no epoch boundary wins nothing there. Alpha worth less than one share of the
	/// main pool is refused (`StakeBelowOneShare`).
	fn stake_pending(
		info: &mut SubnetInfo<T::AccountId>,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		alpha: Balance,
	) -> DispatchResult {
		if alpha == 0 {
			return Ok(());
		}
		Self::mature_position(coldkey, hotkey, netuid)?;
		let main = HotkeyAlpha::<T>::get(netuid, hotkey);
		let as_shares = Self::shares_for(&main, alpha).ok_or(Error::<T>::Overflow)?;
		ensure!(as_shares > 0, Error::<T>::StakeBelowOneShare);
		let round = PayoutRound::<T>::get(netuid);
		// Matured above if older: what is left is this round's pool, or none.
		let mut pending = HotkeyPending::<T>::get(netuid, hotkey).unwrap_or(PendingStake {
			round,
			alpha: 0,
			units: 0,
		});
		let units =
			pool::units_for(alpha, pending.units, pending.alpha).ok_or(Error::<T>::Overflow)?;
		ensure!(units > 0, Error::<T>::StakeBelowOneShare);
		pending.alpha = pending.alpha.checked_add(alpha).ok_or(Error::<T>::Overflow)?;
		pending.units = pending.units.checked_add(units).ok_or(Error::<T>::Overflow)?;
		let key = (coldkey, hotkey, netuid);
		let held = PositionPending::<T>::get(key).map_or(0, |(_, u)| u);
		PositionPending::<T>::insert(
			key,
			(round, held.checked_add(units).ok_or(Error::<T>::Overflow)?),
		);
		HotkeyPending::<T>::insert(netuid, hotkey, pending);
		if held == 0 {
			SubnetStakers::<T>::insert((netuid, coldkey, hotkey), ());
		}
		info.alpha_outstanding =
			info.alpha_outstanding.checked_add(alpha).ok_or(Error::<T>::Overflow)?;
		Ok(())
	}

	/// Takes up to `alpha` out of the position's pending stake (matured first by the caller);
	/// returns what it took. Units are burned rounded up, so the pool's other holders never lose;
	/// dust left in an emptied pool joins the hotkey's main pool.
	fn unstake_pending(
		info: &mut SubnetInfo<T::AccountId>,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		alpha: Balance,
	) -> Result<Balance, DispatchError> {
		let key = (coldkey, hotkey, netuid);
		let Some((round, units)) = PositionPending::<T>::get(key) else { return Ok(0) };
		let Some(mut pending) =
			HotkeyPending::<T>::get(netuid, hotkey).filter(|p| p.round == round)
		else {
			return Ok(0);
		};
		let value = mul_div(units, pending.alpha, pending.units).unwrap_or(0);
		let take = alpha.min(value);
		if take == 0 {
			return Ok(0);
		}
		let burn = pool::units_to_burn(take, value, units, pending.units, pending.alpha)
			.ok_or(Error::<T>::Overflow)?;
		pending.alpha = pending.alpha.saturating_sub(take);
		pending.units = pending.units.saturating_sub(burn);
		info.alpha_outstanding = info.alpha_outstanding.saturating_sub(take);
		if units == burn {
			PositionPending::<T>::remove(key);
			Self::forget_if_empty(coldkey, hotkey, netuid);
		} else {
			PositionPending::<T>::insert(key, (round, units.saturating_sub(burn)));
		}
		if pending.units == 0 {
			HotkeyPending::<T>::remove(netuid, hotkey);
			if pending.alpha > 0 {
				// Rounding dust nobody holds: the hotkey's nominators keep it.
				HotkeyAlpha::<T>::mutate(netuid, hotkey, |h| {
					h.alpha = h.alpha.saturating_add(pending.alpha)
				});
			}
		} else {
			HotkeyPending::<T>::insert(netuid, hotkey, pending);
		}
		Ok(take)
	}

	/// The shares `alpha` new alpha buys in `stake`'s pool, at its current rate (rounded
	/// down).
	fn shares_for(stake: &HotkeyStake, alpha: Balance) -> Option<u128> {
		pool::units_for(alpha, stake.shares, stake.alpha)
	}

	/// Stakes `alpha` new alpha to `hotkey` for `coldkey`: shares at the pool's current rate.
	/// Alpha worth less than one share is refused (`StakeBelowOneShare`): the pool would
	/// absorb it and leave an empty position.
	fn stake_into(
		info: &mut SubnetInfo<T::AccountId>,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		alpha: Balance,
	) -> DispatchResult {
		if alpha == 0 {
			return Ok(());
		}
		let mut stake = HotkeyAlpha::<T>::get(netuid, hotkey);
		let shares = Self::shares_for(&stake, alpha).ok_or(Error::<T>::Overflow)?;
		ensure!(shares > 0, Error::<T>::StakeBelowOneShare);
		stake.alpha = stake.alpha.checked_add(alpha).ok_or(Error::<T>::Overflow)?;
		stake.shares = stake.shares.checked_add(shares).ok_or(Error::<T>::Overflow)?;
		info.alpha_outstanding =
			info.alpha_outstanding.checked_add(alpha).ok_or(Error::<T>::Overflow)?;
		Self::add_position_shares(coldkey, hotkey, netuid, shares)?;
		HotkeyAlpha::<T>::insert(netuid, hotkey, stake);
		Ok(())
	}

	/// Pays `alpha` out of an epoch to `coldkey`'s position on `hotkey`; a payout worth less
	/// than one share goes to the hotkey's pool as a whole (its nominators), never lost.
	fn pay_into(
		info: &mut SubnetInfo<T::AccountId>,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		alpha: Balance,
	) -> DispatchResult {
		Self::mature_hotkey(netuid, hotkey);
		let stake = HotkeyAlpha::<T>::get(netuid, hotkey);
		if alpha > 0 && Self::shares_for(&stake, alpha) == Some(0) {
			Self::compound_into(info, coldkey, hotkey, netuid, alpha)
		} else {
			Self::stake_into(info, coldkey, hotkey, netuid, alpha)
		}
	}

	/// Adds `alpha` to `hotkey`'s pool without new shares: every nominator's stake grows.
	fn compound_into(
		info: &mut SubnetInfo<T::AccountId>,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		alpha: Balance,
	) -> DispatchResult {
		// Stake that matured before this payout shares it; stake added since does not.
		Self::mature_hotkey(netuid, hotkey);
		let mut stake = HotkeyAlpha::<T>::get(netuid, hotkey);
		if stake.shares == 0 {
			// Nobody to share with: it is the hotkey owner's.
			return Self::stake_into(info, coldkey, hotkey, netuid, alpha);
		}
		stake.alpha = stake.alpha.checked_add(alpha).ok_or(Error::<T>::Overflow)?;
		info.alpha_outstanding =
			info.alpha_outstanding.checked_add(alpha).ok_or(Error::<T>::Overflow)?;
		HotkeyAlpha::<T>::insert(netuid, hotkey, stake);
		Ok(())
	}

	/// Takes `alpha` out of `coldkey`'s position on `hotkey` — its pending stake first, then its
	/// shares — burning units and shares rounded up (so the other nominators never lose).
	fn unstake_from(
		info: &mut SubnetInfo<T::AccountId>,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		alpha: Balance,
	) -> DispatchResult {
		ensure!(alpha > 0, Error::<T>::NotEnoughStake);
		Self::mature_position(coldkey, hotkey, netuid)?;
		let from_pending = Self::unstake_pending(info, coldkey, hotkey, netuid, alpha)?;
		let alpha = alpha.saturating_sub(from_pending);
		if alpha == 0 {
			return Ok(());
		}
		let key = (coldkey, hotkey, netuid);
		let held = Positions::<T>::get(key);
		let mut stake = HotkeyAlpha::<T>::get(netuid, hotkey);
		let value = Self::value_of(held, &stake);
		ensure!(alpha > 0 && alpha <= value, Error::<T>::NotEnoughStake);
		let burn = pool::units_to_burn(alpha, value, held, stake.shares, stake.alpha)
			.ok_or(Error::<T>::Overflow)?;
		stake.shares = stake.shares.saturating_sub(burn);
		stake.alpha = stake.alpha.saturating_sub(alpha);
		info.alpha_outstanding = info.alpha_outstanding.saturating_sub(alpha);
		if held == burn {
			Positions::<T>::remove(key);
			Self::forget_if_empty(coldkey, hotkey, netuid);
		} else {
			Positions::<T>::insert(key, held.saturating_sub(burn));
		}
		if stake == HotkeyStake::default() {
			HotkeyAlpha::<T>::remove(netuid, hotkey);
		} else {
			HotkeyAlpha::<T>::insert(netuid, hotkey, stake);
		}
		Ok(())
	}

	// ----- swaps -----

	fn pool_error(e: PoolError) -> Error<T> {
		match e {
			PoolError::ZeroAmount => Error::<T>::ZeroAmount,
			PoolError::ZeroOutput => Error::<T>::AmountTooSmall,
			PoolError::ReserveTooLow => Error::<T>::ReserveTooLow,
			PoolError::Overflow => Error::<T>::Overflow,
		}
	}

	fn fill_error(e: FillError) -> Error<T> {
		match e {
			FillError::Pool(e) => Self::pool_error(e),
			FillError::Limit => Error::<T>::PriceLimitExceeded,
		}
	}

	/// The swap `add_stake` would make on `reserves`.
	pub fn plan_add(
		reserves: Reserves,
		gov: Balance,
		limit: Price,
		partial: bool,
	) -> Result<Swap, Error<T>> {
		let (fee, min) = (T::SwapFee::get(), T::MinReserve::get());
		pool::fill(gov, partial, |x| reserves.buy_alpha(x, fee, min), Limit::Max(limit))
			.map_err(Self::fill_error)
	}

	/// The swap `remove_stake` would make on `reserves`.
	pub fn plan_remove(
		reserves: Reserves,
		alpha: Balance,
		limit: Price,
		partial: bool,
	) -> Result<Swap, Error<T>> {
		let (fee, min) = (T::SwapFee::get(), T::MinReserve::get());
		pool::fill(alpha, partial, |x| reserves.sell_alpha(x, fee, min), Limit::Min(limit))
			.map_err(Self::fill_error)
	}

	/// The two swaps `move_stake` would make: a sale on `from`, a purchase on `to` with its
	/// proceeds, with at least `min_rate` alpha out per alpha in (12 decimals).
	pub fn plan_move(
		from: Reserves,
		to: Reserves,
		alpha: Balance,
		min_rate: Price,
		partial: bool,
	) -> Result<(Swap, Swap), Error<T>> {
		let (fee, min) = (T::SwapFee::get(), T::MinReserve::get());
		let legs = |x: Balance| -> Result<(Swap, Swap), PoolError> {
			let sell = from.sell_alpha(x, fee, min)?;
			let buy = to.buy_alpha(sell.amount_out, fee, min)?;
			Ok((sell, buy))
		};
		let rate_ok = |(sell, buy): &(Swap, Swap)| {
			mul_div(buy.amount_out, PRICE_ONE, sell.amount_in).is_some_and(|r| r >= min_rate)
		};
		let fits = |x| match legs(x) {
			Ok(l) => rate_ok(&l),
			Err(PoolError::ZeroOutput) => true,
			Err(_) => false,
		};
		let x = if partial { pool::max_fill(alpha, fits) } else { alpha };
		ensure!(x > 0, Error::<T>::PriceLimitExceeded);
		let l = legs(x).map_err(Self::pool_error)?;
		ensure!(rate_ok(&l), Error::<T>::PriceLimitExceeded);
		Ok(l)
	}

	fn ensure_registered(netuid: NetUid, hotkey: &T::AccountId) -> DispatchResult {
		ensure!(T::Metagraph::is_registered(netuid, hotkey), Error::<T>::HotkeyNotRegistered);
		Ok(())
	}

	pub(crate) fn do_add_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		netuid: NetUid,
		gov: Balance,
		limit: Price,
		partial: bool,
	) -> DispatchResult {
		ensure!(gov > 0, Error::<T>::ZeroAmount);
		let mut info = Networks::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
		Self::ensure_registered(netuid, &hotkey)?;
		let swap = Self::plan_add(info.reserves, gov, limit, partial)?;
		let paid = T::GovCurrency::withdraw(
			&coldkey,
			swap.amount_in,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		let (fee, net) = paid.split(swap.fee);
		T::GovCurrency::resolve(&Self::pot(), net).map_err(|_| Error::<T>::Overflow)?;
		T::GovFeeSink::on_unbalanced(fee);
		info.reserves = swap.after;
		Self::stake_pending(&mut info, &coldkey, &hotkey, netuid, swap.amount_out)?;
		Networks::<T>::insert(netuid, info);
		Self::deposit_event(Event::StakeAdded {
			coldkey,
			hotkey,
			netuid,
			gov_in: swap.amount_in,
			gov_fee: swap.fee,
			alpha_out: swap.amount_out,
			price_after: swap.after.price().unwrap_or(0),
		});
		Ok(())
	}

	pub(crate) fn do_remove_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		netuid: NetUid,
		alpha: Balance,
		limit: Price,
		partial: bool,
	) -> DispatchResult {
		ensure!(alpha > 0, Error::<T>::ZeroAmount);
		let mut info = Networks::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
		ensure!(
			alpha <= Self::position_alpha(&coldkey, &hotkey, netuid),
			Error::<T>::NotEnoughStake
		);
		let swap = Self::plan_remove(info.reserves, alpha, limit, partial)?;
		Self::unstake_from(&mut info, &coldkey, &hotkey, netuid, swap.amount_in)?;
		info.reserves = swap.after;
		T::GovCurrency::transfer(&Self::pot(), &coldkey, swap.amount_out, Preservation::Preserve)?;
		Networks::<T>::insert(netuid, info);
		Self::deposit_event(Event::StakeRemoved {
			coldkey,
			hotkey,
			netuid,
			alpha_in: swap.amount_in,
			alpha_fee: swap.fee,
			gov_out: swap.amount_out,
			price_after: swap.after.price().unwrap_or(0),
		});
		Ok(())
	}

	pub(crate) fn do_move_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		(from, to): (NetUid, NetUid),
		alpha: Balance,
		min_rate: Price,
		partial: bool,
	) -> DispatchResult {
		ensure!(from != to, Error::<T>::SameSubnet);
		ensure!(alpha > 0, Error::<T>::ZeroAmount);
		let mut src = Networks::<T>::get(from).ok_or(Error::<T>::UnknownSubnet)?;
		let mut dst = Networks::<T>::get(to).ok_or(Error::<T>::UnknownSubnet)?;
		Self::ensure_registered(to, &hotkey)?;
		ensure!(alpha <= Self::position_alpha(&coldkey, &hotkey, from), Error::<T>::NotEnoughStake);
		let (sell, buy) = Self::plan_move(src.reserves, dst.reserves, alpha, min_rate, partial)?;
		Self::unstake_from(&mut src, &coldkey, &hotkey, from, sell.amount_in)?;
		src.reserves = sell.after;
		dst.reserves = buy.after;
		// The GOV stays in the pot, from one reserve to the other, less the fee of the purchase.
		if buy.fee > 0 {
			let fee = T::GovCurrency::withdraw(
				&Self::pot(),
				buy.fee,
				Precision::Exact,
				Preservation::Preserve,
				Fortitude::Polite,
			)?;
			T::GovFeeSink::on_unbalanced(fee);
		}
		Self::stake_pending(&mut dst, &coldkey, &hotkey, to, buy.amount_out)?;
		Networks::<T>::insert(from, src);
		Networks::<T>::insert(to, dst);
		Self::deposit_event(Event::StakeMoved {
			coldkey,
			hotkey,
			from,
			to,
			alpha_in: sell.amount_in,
			gov_between: sell.amount_out,
			alpha_out: buy.amount_out,
		});
		Ok(())
	}

	pub(crate) fn do_slash_stake(
		hotkey: T::AccountId,
		netuid: NetUid,
		fraction: Perbill,
		reason: ReasonOf<T>,
	) -> DispatchResult {
		let mut info = Networks::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
		ensure!(
			!fraction.is_zero() && fraction <= T::MaxStakeSlash::get() && fraction < Perbill::one(),
			Error::<T>::SlashOutOfBounds
		);
		Self::mature_hotkey(netuid, &hotkey);
		let mut stake = HotkeyAlpha::<T>::get(netuid, &hotkey);
		let mut pending = HotkeyPending::<T>::get(netuid, &hotkey);
		// Pending stake is slashed alike: staking just before a slash does not dodge it.
		let from_pending = pending.as_ref().map_or(0, |p| fraction.mul_floor(p.alpha));
		let alpha = fraction.mul_floor(stake.alpha).saturating_add(from_pending);
		ensure!(alpha > 0, Error::<T>::NothingToSlash);
		stake.alpha = stake.alpha.saturating_sub(alpha.saturating_sub(from_pending));
		info.alpha_outstanding = info.alpha_outstanding.saturating_sub(alpha);
		if stake != HotkeyStake::default() {
			HotkeyAlpha::<T>::insert(netuid, &hotkey, stake);
		}
		if let Some(p) = pending.as_mut() {
			p.alpha = p.alpha.saturating_sub(from_pending);
			HotkeyPending::<T>::insert(netuid, &hotkey, *p);
		}
		Networks::<T>::insert(netuid, info);
		Self::deposit_event(Event::StakeSlashed { hotkey, netuid, fraction, alpha, reason });
		Ok(())
	}

	// ----- emission -----

	/// Each block: moves the price and revenue EMAs, accrues each subnet's allowance from its
	/// paid revenue since the last block, mints `min(w_i × S(h), allowance_i)` per subnet into
	/// its pool, then cuts the allowances to the carry cap. Returns the hook's weight.
	pub(crate) fn run_emission() -> Weight {
		let mut subnets: Vec<(NetUid, SubnetInfo<T::AccountId>)> = Networks::<T>::iter().collect();
		let count = u32::try_from(subnets.len()).unwrap_or(u32::MAX);
		let weight = T::WeightInfo::emission(count);
		if subnets.is_empty() {
			return weight;
		}
		// Blocks since the hook last ran: one on a live chain; the simulator's one block
		// stands for a day. EMAs take `Δ` steps, the schedule `Δ` blocks' worth.
		let now = Self::now();
		// (The first run, with nothing before it, counts one block.)
		let elapsed = match EmissionRunAt::<T>::get() {
			0 => 1,
			last => now.saturating_sub(last).max(1),
		};
		EmissionRunAt::<T>::put(now);
		let ema = ema_weight(emission::ema_alpha(T::PriceEmaHalfLife::get()), elapsed);
		let price = if T::Emission::launched() { T::Emission::gov_per_usd() } else { None };
		let rho = T::EmissionPerRevenue::get();
		for (netuid, s) in subnets.iter_mut() {
			s.price_ema = ema_step(s.price_ema, s.reserves.price().unwrap_or(0), ema);
			let (paid, paid_usd) = T::Credits::paid_totals(*netuid);
			let revenue = paid.saturating_sub(s.paid_seen);
			let revenue_usd = paid_usd.saturating_sub(s.paid_usd_seen);
			(s.paid_seen, s.paid_usd_seen) = (paid, paid_usd);
			// The EMA is of revenue per block: over `Δ` blocks, their average.
			let scaled = revenue
				.saturating_mul(emission::REVENUE_EMA_SCALE)
				.checked_div(u128::from(elapsed))
				.unwrap_or(0);
			s.revenue_ema = ema_step(s.revenue_ema, scaled, ema);
			if !s.emission_enabled {
				(s.allowance, s.allowance_usd) = (0, 0);
			} else if let Some(price) = price {
				let (gov, usd) = emission::accrue(revenue_usd, rho, price);
				s.allowance = s.allowance.saturating_add(gov);
				s.allowance_usd = s.allowance_usd.saturating_add(usd);
			}
		}
		let per_block = T::Emission::block_emission();
		let schedule = if elapsed == 1 { per_block } else { T::Emission::emission_over(elapsed) };
		let revenues: Vec<u128> = subnets
			.iter()
			.map(|(_, s)| if s.emission_enabled { s.revenue_ema } else { 0 })
			.collect();
		let shares = emission::shares(&revenues);
		let mut gov: Vec<Balance> = subnets
			.iter()
			.zip(&shares)
			.map(|((_, s), w)| emission::mint(*w, schedule, s.allowance))
			.collect();
		let wanted = gov.iter().fold(0u128, |a, g| a.saturating_add(*g));
		let wanted_usd = subnets.iter().zip(&gov).fold(0u128, |a, ((_, s), g)| {
			a.saturating_add(emission::usd_of(*g, s.allowance, s.allowance_usd))
		});
		let minted = if wanted == 0 {
			0
		} else {
			T::Emission::emit(&Self::pot(), wanted, wanted_usd).unwrap_or(0)
		};
		// Inject only what was minted (all of it, unless the GOV cap cut it short).
		let mut left = minted;
		for g in gov.iter_mut() {
			*g = (*g).min(left);
			left = left.saturating_sub(*g);
		}
		for ((_, s), g) in subnets.iter_mut().zip(&gov) {
			let used = emission::usd_of(*g, s.allowance, s.allowance_usd);
			s.allowance = s.allowance.saturating_sub(*g);
			s.allowance_usd =
				if s.allowance == 0 { 0 } else { s.allowance_usd.saturating_sub(used) };
		}
		let mut allowances: Vec<(Balance, Balance)> =
			subnets.iter().map(|(_, s)| (s.allowance, s.allowance_usd)).collect();
		let cap = per_block.saturating_mul(u128::from(T::AllowanceCarry::get()));
		emission::carry_cut(&mut allowances, cap);
		for ((((netuid, mut s), share), g), (allowance, usd)) in
			subnets.into_iter().zip(shares).zip(gov).zip(allowances)
		{
			(s.allowance, s.allowance_usd, s.emission_share) = (allowance, usd, share);
			if g > 0 {
				Self::inject(&mut s, g, elapsed);
			}
			Networks::<T>::insert(netuid, s);
		}
		weight
	}

	/// Injects `gov` GOV into a subnet's pool. The alpha it is worth at the pool's price (and
	/// at most at the price EMA), capped by the alpha emission of the `elapsed` blocks, accrues
	/// as pending;
	/// alpha at the pool's price goes into the pool beside it, within the same cap, so the
	/// price holds (GOV beyond the cap goes in alone and the price rises).
	fn inject(s: &mut SubnetInfo<T::AccountId>, gov: Balance, elapsed: u32) {
		let block_alpha =
			halving::emission_over(s.alpha_issued, u64::from(elapsed), ALPHA_CAP, ALPHA_PER_BLOCK);
		let room = ALPHA_CAP.saturating_sub(s.alpha_issued);
		let (g, a) = (s.reserves.gov, s.reserves.alpha);
		let pending = emission::backed_alpha(gov, g, a, s.price_ema, block_alpha.min(room));
		let alpha_in =
			emission::alpha_at_price(gov, g, a, block_alpha.min(room.saturating_sub(pending)));
		s.reserves.gov = g.saturating_add(gov);
		s.reserves.alpha = a.saturating_add(alpha_in);
		s.pending_alpha = s.pending_alpha.saturating_add(pending);
		s.alpha_issued = s.alpha_issued.saturating_add(pending).saturating_add(alpha_in);
	}

	// ----- epochs -----

	/// Queues the subnets whose epoch falls on this block (`(block + netuid) % Tempo == 0`)
	/// and runs at most `MaxEpochsPerBlock` queued epochs. Returns the weight used.
	pub(crate) fn run_due_epochs() -> Weight {
		let tempo = T::Metagraph::tempo().max(1);
		let now = Self::now();
		let next = u32::from(NextNetuid::<T>::get());
		let mut queue = EpochQueue::<T>::get();
		let mut weight = T::DbWeight::get()
			.reads_writes(3, 1)
			.saturating_add(T::DbWeight::get().reads(u64::from(next.div_ceil(tempo))));
		// The due netuids are `≡ −now (mod tempo)`.
		let mut netuid = tempo
			.saturating_sub(now.checked_rem(tempo).unwrap_or(0))
			.checked_rem(tempo)
			.unwrap_or(0);
		while netuid < next {
			let id = NetUid::try_from(netuid).unwrap_or(NetUid::MAX);
			// A dissolved id is not queued until it is reused.
			if !queue.contains(&id) && Networks::<T>::contains_key(id) {
				// The queue holds each subnet at most once, so it cannot be full here.
				let _ = queue.try_push(id);
			}
			netuid = netuid.saturating_add(tempo);
		}
		if queue.is_empty() {
			return weight;
		}
		let take =
			usize::try_from(T::MaxEpochsPerBlock::get()).unwrap_or(usize::MAX).min(queue.len());
		let due: Vec<NetUid> = queue.iter().take(take).copied().collect();
		let rest: Vec<NetUid> = queue.iter().skip(take).copied().collect();
		EpochQueue::<T>::put(BoundedVec::truncate_from(rest));
		for netuid in due {
			weight = weight.saturating_add(Self::run_epoch(netuid));
		}
		weight
	}

	/// Runs subnet `netuid`'s epoch in its own storage layer: on failure nothing changes and
	/// `EpochFailed` says why. Returns its weight.
	pub fn run_epoch(netuid: NetUid) -> Weight {
		match with_storage_layer(|| Self::do_epoch(netuid)) {
			Ok(weight) => weight,
			Err(error) => {
				Self::deposit_event(Event::EpochFailed { netuid, error });
				let n = T::Metagraph::neuron_count(netuid);
				let v = T::Metagraph::max_validators().min(n);
				T::Metagraph::scoring_weight_bound(netuid)
					.saturating_add(Self::payout_weight(n.into(), v.into()))
			}
		}
	}

	/// Yuma's scores, then the payouts.
	fn do_epoch(netuid: NetUid) -> Result<Weight, DispatchError> {
		ensure!(Networks::<T>::contains_key(netuid), Error::<T>::UnknownSubnet);
		let outcome = T::Metagraph::compute_scores(netuid);
		Self::pay_out(netuid)?;
		let (n, v) = (u32::from(outcome.neurons), u32::from(outcome.validators));
		Ok(outcome.weight.saturating_add(Self::payout_weight(n, v)))
	}

	/// The weight of an epoch payout on `n` uids of which at most `v` hold validator permits:
	/// with `MinerAlphaShare` zero, only validators (and the owner) are paid alpha, so the `v`
	/// validators take the full path and every uid the credits-only miner path; otherwise
	/// every uid may take the full path.
	pub fn payout_weight(n: u32, v: u32) -> Weight {
		type W<T> = <T as Config>::WeightInfo;
		if T::MinerAlphaShare::get().is_zero() {
			W::<T>::epoch_payout(v.min(n)).saturating_add(W::<T>::epoch_payout_miners(n))
		} else {
			W::<T>::epoch_payout(n)
		}
	}

	/// Pays an epoch from Yuma's fresh scores: pending alpha, then the credit pool.
	pub fn pay_out(netuid: NetUid) -> DispatchResult {
		let mut info = Networks::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
		Self::pay_scores(netuid, &mut info)?;
		Networks::<T>::insert(netuid, info);
		Ok(())
	}

	/// Pays `info`'s pending alpha and credit pool by Yuma's stored scores of `netuid` and ends
	/// the payout round.
	fn pay_scores(netuid: NetUid, info: &mut SubnetInfo<T::AccountId>) -> DispatchResult {
		let mut miners: Vec<Payee<T::AccountId>> = Vec::new();
		let mut validators: Vec<Payee<T::AccountId>> = Vec::new();
		let mut permit_holders: Vec<T::AccountId> = Vec::new();
		for neuron in T::Metagraph::scored_neurons(netuid) {
			if neuron.validator_permit {
				permit_holders.push(neuron.coldkey.clone());
			}
			if !neuron.incentive.is_zero() {
				miners.push((neuron.hotkey.clone(), neuron.coldkey.clone(), neuron.incentive));
			}
			if !neuron.dividends.is_zero() {
				validators.push((neuron.hotkey, neuron.coldkey, neuron.dividends));
			}
		}
		let consensus = !miners.is_empty();
		let alpha = if consensus {
			Self::pay_alpha(info, netuid, &miners, &validators)?
		} else {
			AlphaPayout { carried_over: info.pending_alpha, ..Default::default() }
		};
		let credits = T::Credits::distribute(
			netuid,
			&PayoutShares {
				owner: info.owner.clone(),
				validators: validators.iter().map(|(_, c, d)| (c.clone(), *d)).collect(),
				miners: miners.iter().map(|(_, c, i)| (c.clone(), *i)).collect(),
				permit_holders,
			},
		)?;
		// Stake added before this payout matures now; stake added from here on, at the next.
		PayoutRound::<T>::mutate(netuid, |r| *r = r.saturating_add(1));
		Self::deposit_event(Event::EpochPaid {
			netuid,
			consensus,
			alpha_owner: alpha.owner,
			alpha_miners: alpha.miners,
			alpha_validators: alpha.validators,
			alpha_carried_over: alpha.carried_over,
			credits_paid: credits
				.owner
				.saturating_add(credits.validators)
				.saturating_add(credits.miners),
			credits_protocol_fee: credits.protocol_fee,
			credits_carried_over: credits.carried_over,
		});
		Ok(())
	}

	/// Pays the pending alpha: `OwnerAlphaCut` to the owner, `MinerAlphaShare` to miners × I
	/// and the rest to validators × D (the validator's take to its own position, the
	/// remainder compounding to its nominators). Rounding dust stays pending.
	fn pay_alpha(
		info: &mut SubnetInfo<T::AccountId>,
		netuid: NetUid,
		miners: &[Payee<T::AccountId>],
		validators: &[Payee<T::AccountId>],
	) -> Result<AlphaPayout, DispatchError> {
		let pending = info.pending_alpha;
		let emission::AlphaSplit {
			owner: owner_part,
			miners: miners_part,
			validators: validators_part,
		} = emission::alpha_split(pending, T::OwnerAlphaCut::get(), T::MinerAlphaShare::get());
		let mut out = AlphaPayout::default();
		for (hotkey, coldkey, incentive) in miners {
			let a = incentive.mul_floor(miners_part);
			// With no alpha for miners (the default), their hotkeys are not touched at all.
			if a > 0 {
				Self::pay_into(info, coldkey, hotkey, netuid, a)?;
			}
			out.miners = out.miners.saturating_add(a);
		}
		for (hotkey, coldkey, dividends) in validators {
			let a = dividends.mul_floor(validators_part);
			let take = T::ValidatorTake::get().mul_floor(a);
			// Nominators (as they stand) share the rest; then the take joins the pool.
			if a > take {
				Self::compound_into(info, coldkey, hotkey, netuid, a.saturating_sub(take))?;
			}
			Self::pay_into(info, coldkey, hotkey, netuid, take)?;
			out.validators = out.validators.saturating_add(a);
		}
		let owner = info.owner.clone();
		Self::pay_into(info, &owner, &owner, netuid, owner_part)?;
		out.owner = owner_part;
		let paid = out.owner.saturating_add(out.miners).saturating_add(out.validators);
		info.pending_alpha = pending.saturating_sub(paid);
		out.carried_over = info.pending_alpha;
		Ok(out)
	}

	// ----- dissolution -----

	/// Stops subnet `netuid` (its record moves from `Networks` to `Dissolving`, so nothing
	/// can stake, spend, register or emit on it) and leaves the drain to `on_idle`. Its
	/// allowance is forfeited; a queued epoch is dropped.
	pub(crate) fn start_dissolution(netuid: NetUid, cause: DissolveCause) -> DispatchResult {
		let mut info = Networks::<T>::take(netuid).ok_or(Error::<T>::UnknownSubnet)?;
		// Registering and dissolving at once would make the lock free to pump, and evicting
		// a subnet (a registration that prunes, then its own dissolution) free.
		let young = Self::now().saturating_sub(info.registered_at) < T::NetworkImmunity::get();
		let refund_lock = !(cause == DissolveCause::Owner && young);
		(info.emission_enabled, info.allowance, info.allowance_usd) = (false, 0, 0);
		EpochQueue::<T>::mutate(|q| q.retain(|n| *n != netuid));
		let owner = info.owner.clone();
		Dissolving::<T>::insert(
			netuid,
			Dissolution {
				info,
				cause,
				phase: DrainPhase::Payout,
				owed_gov: 0,
				owed_alpha: 0,
				heir: None,
				refund_lock,
				stalled: false,
			},
		);
		Self::deposit_event(Event::NetworkDissolving { netuid, owner, cause });
		Ok(())
	}

	/// Drains a dissolving subnet (one at a time, in storage order) within `budget`, step by
	/// step; returns the weight used (never above `budget`).
	pub(crate) fn drain(budget: Weight) -> Weight {
		let db = T::DbWeight::get();
		// Finding the subnet (the first not stalled, reading at most every dissolving one),
		// and storing where its drain stands.
		if !db.reads_writes(T::MaxSubnets::get().into(), 1).all_lte(budget) {
			return Weight::zero();
		}
		let (mut scanned, mut stalled, mut chosen) = (0u64, None, None);
		for (netuid, d) in Dissolving::<T>::iter() {
			scanned = scanned.saturating_add(1);
			if !d.stalled {
				chosen = Some((netuid, d));
				break;
			}
			stalled = stalled.or(Some((netuid, d)));
		}
		let Some((netuid, mut d)) = chosen.or(stalled) else { return db.reads(scanned.max(1)) };
		let mut used = db.reads_writes(scanned, 1);
		let fits = |used: Weight, step: Weight| used.saturating_add(step).all_lte(budget);
		loop {
			match d.phase {
				DrainPhase::Payout => {
					let n = u32::from(T::Metagraph::neuron_count(netuid));
					let step = T::WeightInfo::drain_payout(n).saturating_add(db.reads(1));
					if !fits(used, step) {
						break;
					}
					used = used.saturating_add(step);
					if let Err(error) = Self::final_payout(netuid, &mut d) {
						// Nothing changed (the credits could not be retired): the others go
						// first, then this one is tried again.
						d.stalled = true;
						Self::deposit_event(Event::EpochFailed { netuid, error });
						break;
					}
				}
				DrainPhase::Stakers => {
					let step = T::WeightInfo::redeem_position().saturating_add(db.reads(1));
					if !fits(used, step) {
						break;
					}
					used = used.saturating_add(step);
					match SubnetStakers::<T>::iter_key_prefix((netuid,)).next() {
						Some((coldkey, hotkey)) => {
							Self::redeem_position(netuid, &mut d, &coldkey, &hotkey)
						}
						None => d.phase = DrainPhase::Cleanup,
					}
				}
				DrainPhase::Cleanup => {
					// `drain_clear(k)` is `k` keys and the finish (the id handed on).
					let base = T::WeightInfo::drain_clear(0);
					let per_key = T::WeightInfo::drain_clear(1).saturating_sub(base);
					if !fits(used, base.saturating_add(per_key)) {
						break;
					}
					let room = budget.saturating_sub(used).saturating_sub(base);
					// As many keys as fit in both time and proof size.
					let fit = |room: u64, per: u64| room.checked_div(per.max(1)).unwrap_or(0);
					let limit = fit(room.ref_time(), per_key.ref_time())
						.min(fit(room.proof_size(), per_key.proof_size()))
						.min(MAX_CLEAR_PER_BLOCK.into());
					let limit = u32::try_from(limit).unwrap_or(MAX_CLEAR_PER_BLOCK);
					let (removed, done) = Self::cleanup_step(netuid, &mut d, limit);
					used = used.saturating_add(T::WeightInfo::drain_clear(removed));
					if done {
						return used;
					}
					break;
				}
			}
		}
		Dissolving::<T>::insert(netuid, d);
		used
	}

	/// Clears up to `limit` keys of a drained subnet; once nothing is left, finishes it.
	/// Returns the keys removed and whether it finished.
	pub(crate) fn cleanup_step(
		netuid: NetUid,
		d: &mut Dissolution<T::AccountId>,
		limit: u32,
	) -> (u32, bool) {
		let (removed, done) = Self::clear_keys(netuid, d, limit);
		if done {
			Self::finish_dissolution(netuid, d.clone());
		}
		(removed, done)
	}

	/// The final payout of a dissolving subnet, by the last epoch's scores (nothing is
	/// recomputed); the credits it cannot pay are retired; then the pool's GOV `G` is split
	/// against its alpha `A` and the stakers' alpha `S`: the stakers are owed `G·S/(A+S)` (the
	/// value of their alpha at the pool's average, no slippage), the owner is refunded the
	/// rest up to its lock, and anything beyond goes to the public-pool fee sink.
	pub(crate) fn final_payout(
		netuid: NetUid,
		d: &mut Dissolution<T::AccountId>,
	) -> DispatchResult {
		// All or nothing, so a retry never pays the epoch twice.
		let mut next = d.clone();
		with_storage_layer(|| Self::try_final_payout(netuid, &mut next))?;
		*d = next;
		Ok(())
	}

	fn try_final_payout(netuid: NetUid, d: &mut Dissolution<T::AccountId>) -> DispatchResult {
		let mut info = d.info.clone();
		match with_storage_layer(|| Self::pay_scores(netuid, &mut info)) {
			Ok(()) => d.info = info,
			// Then the whole pool is retired.
			Err(error) => Self::deposit_event(Event::EpochFailed { netuid, error }),
		}
		let (credits_retired, _) = T::Credits::retire_pool(netuid)?;
		let Reserves { gov, alpha } = d.info.reserves;
		let staked = d.info.alpha_outstanding;
		let stakers_gov = mul_div(gov, staked, alpha.saturating_add(staked)).unwrap_or(0).min(gov);
		let owner_part = gov.saturating_sub(stakers_gov);
		let refund = if d.refund_lock { owner_part.min(d.info.lock) } else { 0 };
		let surplus = owner_part.saturating_sub(refund);
		let owner = d.info.owner.clone();
		Self::pay_from_pot(&owner, refund);
		Self::pay_from_pot_to_sink(surplus);
		d.info.reserves = Reserves::default();
		d.info.pending_alpha = 0;
		(d.owed_gov, d.owed_alpha) = (stakers_gov, staked);
		(d.phase, d.stalled) = (DrainPhase::Stakers, false);
		Self::deposit_event(Event::NetworkRedeemed {
			netuid,
			owner_refund: refund,
			stakers_gov,
			stakers_alpha: staked,
			surplus,
			credits_retired,
		});
		Ok(())
	}

	/// Redeems one position of a dissolving subnet: its shares and pending units are burned,
	/// its alpha taken out of the hotkey's pools, and it is paid its pro rata part of what is
	/// still owed (`alpha · owed_gov / owed_alpha`).
	pub(crate) fn redeem_position(
		netuid: NetUid,
		d: &mut Dissolution<T::AccountId>,
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) {
		// Claiming matured shares cannot overflow a pool that held them already.
		let _ = Self::mature_position(coldkey, hotkey, netuid);
		let key = (coldkey, hotkey, netuid);
		let mut main = HotkeyAlpha::<T>::get(netuid, hotkey);
		let shares = Positions::<T>::take(key);
		let mut alpha = Self::value_of(shares, &main);
		main.shares = main.shares.saturating_sub(shares);
		main.alpha = main.alpha.saturating_sub(alpha);
		if let Some((round, units)) = PositionPending::<T>::take(key) {
			if let Some(mut p) =
				HotkeyPending::<T>::get(netuid, hotkey).filter(|p| p.round == round)
			{
				let value = mul_div(units, p.alpha, p.units).unwrap_or(0);
				p.alpha = p.alpha.saturating_sub(value);
				p.units = p.units.saturating_sub(units);
				alpha = alpha.saturating_add(value);
				if p.units == 0 {
					// Rounding dust nobody holds stays with the main pool until cleanup.
					main.alpha = main.alpha.saturating_add(p.alpha);
					HotkeyPending::<T>::remove(netuid, hotkey);
				} else {
					HotkeyPending::<T>::insert(netuid, hotkey, p);
				}
			}
		}
		if main == HotkeyStake::default() {
			HotkeyAlpha::<T>::remove(netuid, hotkey);
		} else {
			HotkeyAlpha::<T>::insert(netuid, hotkey, main);
		}
		SubnetStakers::<T>::remove((netuid, coldkey, hotkey));
		d.info.alpha_outstanding = d.info.alpha_outstanding.saturating_sub(alpha);
		let gov = if alpha >= d.owed_alpha {
			d.owed_gov
		} else {
			mul_div(alpha, d.owed_gov, d.owed_alpha).unwrap_or(0).min(d.owed_gov)
		};
		d.owed_gov = d.owed_gov.saturating_sub(gov);
		d.owed_alpha = d.owed_alpha.saturating_sub(alpha);
		let paid = Self::pay_from_pot(coldkey, gov);
		Self::deposit_event(Event::StakeRedeemed {
			coldkey: coldkey.clone(),
			hotkey: hotkey.clone(),
			netuid,
			alpha,
			gov: paid,
		});
	}

	/// Removes up to `limit` keys of a drained subnet: hotkeys' pools (rounding dust nobody
	/// holds), then the metagraph. Returns the keys removed and whether nothing is left.
	pub(crate) fn clear_keys(
		netuid: NetUid,
		d: &mut Dissolution<T::AccountId>,
		limit: u32,
	) -> (u32, bool) {
		let mut left = usize::try_from(limit).unwrap_or(usize::MAX);
		let hotkeys: Vec<T::AccountId> =
			HotkeyAlpha::<T>::iter_key_prefix(netuid).take(left).collect();
		for hotkey in &hotkeys {
			let dust = HotkeyAlpha::<T>::take(netuid, hotkey).alpha;
			d.info.alpha_outstanding = d.info.alpha_outstanding.saturating_sub(dust);
		}
		left = left.saturating_sub(hotkeys.len());
		let pending: Vec<T::AccountId> =
			HotkeyPending::<T>::iter_key_prefix(netuid).take(left).collect();
		for hotkey in &pending {
			let dust = HotkeyPending::<T>::take(netuid, hotkey).map_or(0, |p| p.alpha);
			d.info.alpha_outstanding = d.info.alpha_outstanding.saturating_sub(dust);
		}
		left = left.saturating_sub(pending.len());
		let matured: Vec<(T::AccountId, u32)> =
			Matured::<T>::iter_key_prefix((netuid,)).take(left).collect();
		for (hotkey, round) in &matured {
			Matured::<T>::remove((netuid, hotkey, round));
		}
		left = left.saturating_sub(matured.len());
		let ours = limit.saturating_sub(u32::try_from(left).unwrap_or(u32::MAX));
		if left == 0 {
			return (ours, false);
		}
		let (yuma, done) = T::Metagraph::clear_subnet(netuid, u32::try_from(left).unwrap_or(0));
		(ours.saturating_add(yuma), done)
	}

	/// The drain is done: the payout round is forgotten, GOV still owed (rounding) goes to the
	/// fee sink, and the id is handed to the registration waiting for it or freed.
	fn finish_dissolution(netuid: NetUid, d: Dissolution<T::AccountId>) {
		Self::pay_from_pot_to_sink(d.owed_gov);
		PayoutRound::<T>::remove(netuid);
		Dissolving::<T>::remove(netuid);
		let heir = d.heir.map(|(owner, lock)| {
			Self::create_subnet(netuid, owner.clone(), lock);
			owner
		});
		if heir.is_none() {
			// At most `MaxSubnets` ids exist, so the list has room.
			let _ = FreeNetuids::<T>::try_mutate(|f| f.try_push(netuid));
		}
		Self::deposit_event(Event::NetworkDissolved { netuid, heir });
	}

	/// Pays `gov` from the pot to `to`; an amount that cannot open `to`'s account goes to the
	/// fee sink. Returns what `to` received.
	fn pay_from_pot(to: &T::AccountId, gov: Balance) -> Balance {
		let Some(credit) = Self::withdraw_from_pot(gov) else { return 0 };
		let amount = credit.peek();
		match T::GovCurrency::resolve(to, credit) {
			Ok(()) => amount,
			Err(dust) => {
				T::GovFeeSink::on_unbalanced(dust);
				0
			}
		}
	}

	/// Hands `gov` from the pot to the public-pool fee sink.
	fn pay_from_pot_to_sink(gov: Balance) {
		if let Some(credit) = Self::withdraw_from_pot(gov) {
			T::GovFeeSink::on_unbalanced(credit);
		}
	}

	fn withdraw_from_pot(gov: Balance) -> Option<CreditOf<T>> {
		if gov == 0 {
			return None;
		}
		T::GovCurrency::withdraw(
			&Self::pot(),
			gov,
			Precision::BestEffort,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.ok()
	}

	// ----- views -----

	/// Every subnet with its pool, prices, emission share and revenue.
	pub fn subnets_view() -> Vec<SubnetView<T::AccountId>> {
		Networks::<T>::iter()
			.map(|(netuid, s)| SubnetView {
				netuid,
				owner: s.owner,
				emission_enabled: s.emission_enabled,
				gov_reserve: s.reserves.gov,
				alpha_reserve: s.reserves.alpha,
				spot_price: s.reserves.price().unwrap_or(0),
				price_ema: s.price_ema,
				emission_share: Perbill::from_parts(
					u32::try_from(s.emission_share.deconstruct() / 1_000_000_000).unwrap_or(0),
				),
				revenue_per_day: mul_div(
					s.revenue_ema,
					u128::from(tandem_primitives::time::DAYS),
					emission::REVENUE_EMA_SCALE,
				)
				.unwrap_or(Balance::MAX),
				allowance: s.allowance,
				allowance_usd: s.allowance_usd,
				alpha_outstanding: s.alpha_outstanding,
				pending_alpha: s.pending_alpha,
				credit_pool: T::Credits::pool_of(netuid),
			})
			.collect()
	}

	fn quote_of(before: Reserves, swap: Swap) -> StakeQuote {
		let (p0, p1) = (before.price().unwrap_or(0), swap.after.price().unwrap_or(0));
		StakeQuote {
			amount_in: swap.amount_in,
			fee: swap.fee,
			amount_out: swap.amount_out,
			price_before: p0,
			price_after: p1,
			price_impact: Perbill::from_rational(p0.abs_diff(p1), p0.max(1)),
		}
	}

	/// What `add_stake` of `gov` on `netuid` would return now, with no price limit.
	pub fn quote_add_stake(netuid: NetUid, gov: Balance) -> Option<StakeQuote> {
		let r = Networks::<T>::get(netuid)?.reserves;
		Self::plan_add(r, gov, Price::MAX, false).ok().map(|s| Self::quote_of(r, s))
	}

	/// What `remove_stake` of `alpha` on `netuid` would return now, with no price limit.
	pub fn quote_remove_stake(netuid: NetUid, alpha: Balance) -> Option<StakeQuote> {
		let r = Networks::<T>::get(netuid)?.reserves;
		Self::plan_remove(r, alpha, 0, false).ok().map(|s| Self::quote_of(r, s))
	}

	/// What `move_stake` of `alpha` from `from` to `to` would return now, with no limit.
	pub fn quote_move_stake(from: NetUid, to: NetUid, alpha: Balance) -> Option<MoveQuote> {
		if from == to {
			return None;
		}
		let (a, b) = (Networks::<T>::get(from)?.reserves, Networks::<T>::get(to)?.reserves);
		let (sell, buy) = Self::plan_move(a, b, alpha, 0, false).ok()?;
		Some(MoveQuote {
			alpha_in: sell.amount_in,
			gov_between: sell.amount_out,
			alpha_out: buy.amount_out,
		})
	}

	/// `coldkey`'s stake positions.
	pub fn positions_of(coldkey: &T::AccountId) -> Vec<PositionView<T::AccountId>> {
		let mut keys: Vec<(T::AccountId, NetUid)> =
			Positions::<T>::iter_key_prefix((coldkey,)).collect();
		keys.extend(
			PositionPending::<T>::iter_key_prefix((coldkey,))
				.filter(|(h, n)| !Positions::<T>::contains_key((coldkey, h, *n))),
		);
		keys.into_iter()
			.map(|(hotkey, netuid)| {
				let (shares, alpha, pending) = Self::position_state(coldkey, &hotkey, netuid);
				PositionView { hotkey, netuid, shares, alpha, pending }
			})
			.collect()
	}

	// ----- invariants -----

	/// Checks the pallet's invariants (see the crate docs).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		// Dissolving subnets: their pool until the final payout, then what the unredeemed
		// positions are owed, and the lock of a registration waiting for the id.
		let held = Dissolving::<T>::iter().fold(0u128, |a, (_, d)| {
			a.saturating_add(d.info.reserves.gov)
				.saturating_add(d.owed_gov)
				.saturating_add(d.heir.map_or(0, |(_, lock)| lock))
		});
		let reserves =
			Networks::<T>::iter().fold(held, |a, (_, s)| a.saturating_add(s.reserves.gov));
		// The pot is endowed with the existential deposit at genesis and never dips into it.
		let floor = T::GovCurrency::minimum_balance();
		// At least: anyone may transfer GOV to the pot, which strands it but owes no one.
		ensure!(
			T::GovCurrency::balance(&Self::pot()) >= reserves.saturating_add(floor),
			"the pot holds less than the pools' GOV reserves"
		);
		let min = T::MinReserve::get();
		for (netuid, s) in Networks::<T>::iter() {
			ensure!(netuid < NextNetuid::<T>::get(), "a subnet id at or past NextNetuid");
			ensure!(s.reserves.gov >= min && s.reserves.alpha >= min, "a reserve below MinReserve");
			ensure!(
				Self::hotkeys_alpha(netuid) == s.alpha_outstanding,
				"Σ hotkey alpha (main and pending) != the subnet's alpha outstanding"
			);
			ensure!(s.alpha_issued <= ALPHA_CAP, "alpha issued past the cap");
			ensure!(
				s.paid_seen <= T::Credits::paid_total(netuid),
				"revenue seen beyond paid credits spent"
			);
			ensure!(
				s.emission_enabled || (s.allowance == 0 && s.allowance_usd == 0),
				"a subnet with emission off holds an allowance"
			);
			ensure!(s.allowance > 0 || s.allowance_usd == 0, "USD value of an empty allowance");
		}
		let free = FreeNetuids::<T>::get();
		for (i, netuid) in free.iter().enumerate() {
			ensure!(*netuid < NextNetuid::<T>::get(), "a free id never handed out");
			ensure!(!free.iter().skip(i.saturating_add(1)).any(|n| n == netuid), "a free id twice");
		}
		for (netuid, d) in Dissolving::<T>::iter() {
			ensure!(!Networks::<T>::contains_key(netuid), "a subnet live and dissolving");
			ensure!(!free.contains(&netuid), "a dissolving subnet's id is free");
			ensure!(
				Self::hotkeys_alpha(netuid) == d.info.alpha_outstanding,
				"Σ hotkey alpha != a dissolving subnet's alpha outstanding"
			);
			ensure!(
				d.phase == DrainPhase::Payout || d.info.reserves == Reserves::default(),
				"a redeemed pool still holds reserves"
			);
		}
		for netuid in Networks::<T>::iter_keys() {
			ensure!(!free.contains(&netuid), "a live subnet's id is free");
		}
		// The stakers index names exactly the positions.
		for (netuid, coldkey, hotkey) in SubnetStakers::<T>::iter_keys() {
			let key = (&coldkey, &hotkey, netuid);
			ensure!(
				Positions::<T>::contains_key(key) || PositionPending::<T>::contains_key(key),
				"an indexed staker holds no position"
			);
		}
		let indexed = |(c, h, n): &(T::AccountId, T::AccountId, NetUid)| {
			SubnetStakers::<T>::contains_key((*n, c, h))
		};
		ensure!(Positions::<T>::iter_keys().all(|k| indexed(&k)), "a position not indexed");
		ensure!(
			PositionPending::<T>::iter_keys().all(|k| indexed(&k)),
			"a pending position not indexed"
		);
		// Per hotkey: Σ position shares == its shares; Σ position values within rounding.
		let mut sums: alloc::collections::BTreeMap<(NetUid, T::AccountId), (u128, u128, u128)> =
			Default::default();
		for ((_, hotkey, netuid), shares) in Positions::<T>::iter() {
			ensure!(shares > 0, "an empty position is stored");
			let stake = HotkeyAlpha::<T>::get(netuid, &hotkey);
			let e = sums.entry((netuid, hotkey)).or_default();
			e.0 = e.0.saturating_add(shares);
			e.1 = e.1.saturating_add(Self::value_of(shares, &stake));
			e.2 = e.2.saturating_add(1);
		}
		// Matured shares not claimed yet belong to the positions holding the round's units.
		let mut units: alloc::collections::BTreeMap<(NetUid, T::AccountId, u32), u128> =
			Default::default();
		for ((_, hotkey, netuid), (round, held)) in PositionPending::<T>::iter() {
			ensure!(held > 0, "an empty pending position is stored");
			let u = units.entry((netuid, hotkey, round)).or_default();
			*u = u.saturating_add(held);
		}
		for ((netuid, hotkey, round), m) in Matured::<T>::iter() {
			ensure!(m.units > 0, "a matured round nobody holds");
			ensure!(
				units.remove(&(netuid, hotkey.clone(), round)) == Some(m.units),
				"Σ pending units of a matured round != its units"
			);
			// A round that matured into no shares (its alpha was worth less than one share of
			// a pool whose price rose meanwhile) holds nothing in the main pool.
			if m.shares == 0 {
				continue;
			}
			let stake = HotkeyAlpha::<T>::get(netuid, &hotkey);
			let e = sums.entry((netuid, hotkey)).or_default();
			e.0 = e.0.saturating_add(m.shares);
			e.1 = e.1.saturating_add(Self::value_of(m.shares, &stake));
			e.2 = e.2.saturating_add(1);
		}
		for (netuid, hotkey, p) in HotkeyPending::<T>::iter() {
			ensure!(Self::known(netuid), "pending stake on an unknown subnet");
			ensure!(p.units > 0, "an empty pending pool is stored");
			ensure!(p.round <= PayoutRound::<T>::get(netuid), "a pending pool from the future");
			ensure!(
				units.remove(&(netuid, hotkey, p.round)) == Some(p.units),
				"Σ pending units != the hotkey's pending units"
			);
		}
		ensure!(units.is_empty(), "pending units in no pool and no matured round");
		for (netuid, hotkey, stake) in HotkeyAlpha::<T>::iter() {
			ensure!(Self::known(netuid), "stake on an unknown subnet");
			let (shares, value, count) = sums.remove(&(netuid, hotkey)).unwrap_or_default();
			ensure!(shares == stake.shares, "Σ position shares != the hotkey's shares");
			ensure!(value <= stake.alpha, "positions are worth more than the hotkey's alpha");
			if stake.shares > 0 {
				ensure!(
					stake.alpha.saturating_sub(value) <= count,
					"positions lost more than rounding"
				);
			}
		}
		ensure!(sums.is_empty(), "a position in a hotkey with no stake record");
		Ok(())
	}

	/// Σ alpha staked to `netuid`'s hotkeys, main and pending pools.
	fn hotkeys_alpha(netuid: NetUid) -> Balance {
		let staked = HotkeyAlpha::<T>::iter_prefix(netuid)
			.fold(0u128, |a, (_, h)| a.saturating_add(h.alpha));
		HotkeyPending::<T>::iter_prefix(netuid).fold(staked, |a, (_, p)| a.saturating_add(p.alpha))
	}

	/// Live or dissolving.
	fn known(netuid: NetUid) -> bool {
		Networks::<T>::contains_key(netuid) || Dissolving::<T>::contains_key(netuid)
	}
}

/// Subnets exist once registered here.
impl<T: Config> SubnetRegistry for Pallet<T> {
	fn exists(netuid: NetUid) -> bool {
		Networks::<T>::contains_key(netuid)
	}
}

/// Yuma weighs validators by the matured alpha staked to their hotkey.
impl<T: Config> StakeProvider<T::AccountId> for Pallet<T> {
	/// Matured stake only: alpha staked since the subnet's last payout weighs nothing until the
	/// next, so stake held across no epoch boundary cannot capture consensus.
	fn stake_of(netuid: NetUid, hotkey: &T::AccountId) -> Balance {
		Pallet::<T>::matured_state(netuid, hotkey).0.alpha
	}
}
