//! The pallet's logic: registration, weights, commit-reveal, the epoch driver, the metagraph
//! view and the invariants.

use crate::{
	epoch::{self, BondRow, EpochOutput, EpochParams, NeuronInput, WeightRow, ONE},
	pallet::*,
	types::*,
	WeightInfo,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::Balanced,
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{traits::Verify, Perbill};
use tandem_primitives::{Balance, NetUid, StakeProvider, SubnetRegistry};

/// The context that opens a hotkey ownership proof.
pub const HOTKEY_PROOF_CONTEXT: [u8; 13] = *b"tandem/hotkey";
/// What browser extensions' `signRaw` puts before the message it signs.
const BYTES_OPEN: &[u8] = b"<Bytes>";
/// What browser extensions' `signRaw` puts after the message it signs.
const BYTES_CLOSE: &[u8] = b"</Bytes>";

/// `message` as browser extensions' `signRaw` signs it: `<Bytes>message</Bytes>`.
pub fn bytes_wrapped(message: &[u8]) -> Vec<u8> {
	let mut wrapped = Vec::with_capacity(
		message.len().saturating_add(BYTES_OPEN.len()).saturating_add(BYTES_CLOSE.len()),
	);
	wrapped.extend_from_slice(BYTES_OPEN);
	wrapped.extend_from_slice(message);
	wrapped.extend_from_slice(BYTES_CLOSE);
	wrapped
}

/// What one epoch run touched, for its weight and event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EpochStats {
	/// Uids on the subnet.
	pub neurons: u16,
	/// Validator permits.
	pub validators: u16,
	/// Non-zero weights used.
	pub weights: u32,
	/// Whether any miner reached consensus.
	pub consensus: bool,
}

impl EpochStats {
	/// The benchmarked weight of an epoch of this size: the cost of `neurons` uids and
	/// `validators` permits, plus the marginal cost of `weights` non-zero weights (measured at
	/// the largest subnet).
	pub fn weight<T: Config>(&self) -> Weight {
		let per_weight = T::WeightInfo::epoch_weights(self.weights)
			.saturating_sub(T::WeightInfo::epoch_weights(0));
		T::WeightInfo::trigger_epoch(u32::from(self.neurons), u32::from(self.validators))
			.saturating_add(per_weight)
	}
}

impl<T: Config> Pallet<T> {
	/// The current block as `u32`.
	pub fn now() -> u32 {
		tandem_primitives::block_u32(frame_system::Pallet::<T>::block_number())
	}

	/// The effective uid limit: `min(MaxAllowedUids, MaxUids)`.
	pub fn max_allowed_uids() -> u16 {
		T::MaxAllowedUids::get().min(u16::try_from(T::MaxUids::get()).unwrap_or(u16::MAX))
	}

	/// Epoch index of `block` on `netuid`: `(block + netuid) / Tempo`. Subnets are staggered
	/// by their id so their epochs fall on different blocks.
	pub fn epoch_index(netuid: NetUid, block: u32) -> u32 {
		block.saturating_add(u32::from(netuid)).checked_div(T::Tempo::get().max(1)).unwrap_or(0)
	}

	/// The registration burn on `netuid` at block `now`: the stored amount halved once per
	/// full `BurnHalvingInterval` since it was set, within `[MinBurn, MaxBurn]`.
	pub fn current_burn(netuid: NetUid, now: u32) -> Balance {
		Self::burn_at(&Burn::<T>::get(netuid), now)
	}

	/// The burn `state` has decayed to at block `now`.
	fn burn_at(state: &BurnState, now: u32) -> Balance {
		let halvings = now
			.saturating_sub(state.at)
			.checked_div(T::BurnHalvingInterval::get().max(1))
			.unwrap_or(0);
		Self::within_burn_bounds(state.amount.checked_shr(halvings).unwrap_or(0))
	}

	/// `amount` clamped to `[MinBurn, MaxBurn]` (a `MaxBurn` below `MinBurn` counts as `MinBurn`).
	fn within_burn_bounds(amount: Balance) -> Balance {
		let min = T::MinBurn::get();
		amount.clamp(min, T::MaxBurn::get().max(min))
	}

	/// The hash a validator commits to: `blake2_256` of the SCALE encoding of
	/// `(hotkey, netuid, uids, weights, salt, version)`.
	pub fn commit_hash(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids: &[u16],
		weights: &[u16],
		salt: &Salt,
		version: u64,
	) -> H256 {
		(hotkey, netuid, uids, weights, salt, version)
			.using_encoded(sp_io::hashing::blake2_256)
			.into()
	}

	/// The message a hotkey signs to let `coldkey` register it on `netuid`: the SCALE encoding
	/// of `(b"tandem/hotkey", coldkey, netuid, genesis hash)` — the 13 ASCII bytes, the
	/// coldkey's 32 bytes, `netuid` as two little-endian bytes and the 32-byte genesis hash,
	/// 79 bytes in all on the runtime. The genesis hash keeps a proof from being replayed on
	/// another chain; the coldkey and netuid keep it from being used by anyone else or
	/// elsewhere.
	pub fn hotkey_message(coldkey: &T::AccountId, netuid: NetUid) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(
			frame_system::pallet_prelude::BlockNumberFor::<T>::default(),
		);
		(HOTKEY_PROOF_CONTEXT, coldkey, netuid, genesis).encode()
	}

	/// Checks that `signature` is `hotkey`'s over [`Self::hotkey_message`], raw or wrapped in
	/// `<Bytes>…</Bytes>`.
	pub(crate) fn check_hotkey_proof(
		coldkey: &T::AccountId,
		netuid: NetUid,
		hotkey: &T::AccountId,
		signature: &T::Signature,
	) -> DispatchResult {
		let message = Self::hotkey_message(coldkey, netuid);
		let valid = signature.verify(&message[..], hotkey)
			|| signature.verify(&bytes_wrapped(&message)[..], hotkey);
		ensure!(valid, Error::<T>::BadHotkeySignature);
		Ok(())
	}

	/// Registers `hotkey` under `coldkey` without an ownership proof, for other pallets'
	/// benchmark set-up only.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn register_for_benchmarks(
		coldkey: T::AccountId,
		netuid: NetUid,
		hotkey: T::AccountId,
	) -> DispatchResult {
		Self::do_register(coldkey, netuid, hotkey, BurnPayment::Gov)
	}

	/// Registers `hotkey` under `coldkey` once ownership is proven (the call checks the
	/// signature): binds an unbound hotkey to `coldkey`, refuses one bound to another.
	/// Takes the registration burn from `coldkey`: GOV to `BurnSink`, or credits worth the
	/// burn's USD value at `GovPrice` (rounded up).
	fn pay_burn(
		coldkey: &T::AccountId,
		netuid: NetUid,
		burn: Balance,
		payment: BurnPayment,
	) -> DispatchResult {
		match payment {
			BurnPayment::Gov => {
				let paid = T::Currency::withdraw(
					coldkey,
					burn,
					Precision::Exact,
					Preservation::Preserve,
					Fortitude::Polite,
				)
				.map_err(|_| Error::<T>::CannotAffordBurn)?;
				T::BurnSink::on_unbalanced(paid);
			}
			BurnPayment::Credits => {
				let gov_per_usd =
					T::GovPrice::get().filter(|p| !p.is_zero()).ok_or(Error::<T>::NoGovPrice)?;
				let usd = tandem_primitives::math::mul_div_ceil(
					burn,
					<sp_runtime::FixedU128 as sp_runtime::FixedPointNumber>::DIV,
					gov_per_usd.into_inner(),
				)
				.ok_or(Error::<T>::CannotAffordBurn)?
				.max(1);
				let credits =
					<T::CreditBurn as tandem_primitives::CreditBurn<T::AccountId>>::burn_worth(
						coldkey, usd,
					)
					.map_err(|_| Error::<T>::CannotAffordBurn)?;
				Self::deposit_event(Event::BurnPaidInCredits {
					coldkey: coldkey.clone(),
					netuid,
					burn,
					usd,
					credits,
				});
			}
		}
		Ok(())
	}

	pub(crate) fn do_register(
		coldkey: T::AccountId,
		netuid: NetUid,
		hotkey: T::AccountId,
		payment: BurnPayment,
	) -> DispatchResult {
		ensure!(T::Subnets::exists(netuid), Error::<T>::UnknownSubnet);
		ensure!(!Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotkeyAlreadyRegistered);
		if let Some(owner) = HotkeyOwner::<T>::get(&hotkey) {
			ensure!(owner == coldkey, Error::<T>::HotkeyOwnedByOther);
		}
		let now = Self::now();
		let n = SubnetN::<T>::get(netuid);
		// A new uid while there is room, else the weakest neuron past its immunity.
		let (uid, replaced) = if n < Self::max_allowed_uids() {
			(n, None)
		} else {
			// The candidate was found by reading its neuron, so it exists.
			let uid = Self::replacement_candidate(netuid, n, now).ok_or(Error::<T>::SubnetFull)?;
			let old = Neurons::<T>::get(netuid, uid).ok_or(Error::<T>::SubnetFull)?;
			(uid, Some(old))
		};

		let state = Burn::<T>::get(netuid);
		let burn = Self::burn_at(&state, now);
		Self::pay_burn(&coldkey, netuid, burn, payment)?;
		// ×1.26 for the next registration; the halving clock keeps its phase.
		let interval = T::BurnHalvingInterval::get().max(1);
		let elapsed = now.saturating_sub(state.at);
		let phase_start = now.saturating_sub(elapsed.checked_rem(interval).unwrap_or(0));
		let next = Perbill::from_percent(26).mul_floor(burn).saturating_add(burn);
		Burn::<T>::insert(
			netuid,
			BurnState { amount: Self::within_burn_bounds(next), at: phase_start },
		);

		let mut scores = Scores::<T>::get(netuid);
		if let Some(old) = &replaced {
			Uids::<T>::remove(netuid, &old.hotkey);
			Weights::<T>::remove(netuid, uid);
			Bonds::<T>::remove(netuid, uid);
			WeightCommits::<T>::remove(netuid, uid);
			if let Some(score) = scores.get_mut(usize::from(uid)) {
				*score = Score::default();
			}
		} else {
			// `n < max_allowed_uids ≤ MaxUids`, so the push fits and `n + 1` does not overflow.
			scores.try_push(Score::default()).map_err(|_| Error::<T>::SubnetFull)?;
			SubnetN::<T>::insert(netuid, n.saturating_add(1));
		}
		Scores::<T>::insert(netuid, scores);
		Neurons::<T>::insert(
			netuid,
			uid,
			Neuron {
				hotkey: hotkey.clone(),
				coldkey: coldkey.clone(),
				registered_at: now,
				last_update: now,
			},
		);
		Uids::<T>::insert(netuid, &hotkey, uid);
		HotkeyOwner::<T>::insert(&hotkey, &coldkey);
		Self::deposit_event(Event::NeuronRegistered {
			netuid,
			uid,
			hotkey,
			coldkey,
			burn,
			replaced: replaced.map(|r| r.hotkey),
		});
		Ok(())
	}

	/// The uid a registration on a full subnet replaces: among neurons registered more than
	/// `ImmunityPeriod` blocks ago, the lowest pruning score — incentive for a miner, dividends
	/// for a validator, whichever is larger — then the oldest, then the lowest uid. (Scoring by
	/// incentive alone would evict validators first: their incentive is always zero.)
	pub(crate) fn replacement_candidate(netuid: NetUid, n: u16, now: u32) -> Option<u16> {
		let scores = Scores::<T>::get(netuid);
		let immunity = T::ImmunityPeriod::get();
		(0..n)
			.filter_map(|uid| {
				let neuron = Neurons::<T>::get(netuid, uid)?;
				let immune = neuron.registered_at.saturating_add(immunity) >= now;
				let score = scores
					.get(usize::from(uid))
					.map(|s| s.incentive.max(s.dividends))
					.unwrap_or_default();
				(!immune).then_some((score, neuron.registered_at, uid))
			})
			.min()
			.map(|(_, _, uid)| uid)
	}

	/// The caller's uid on an existing subnet `netuid`.
	fn registered_uid(netuid: NetUid, hotkey: &T::AccountId) -> Result<u16, DispatchError> {
		ensure!(T::Subnets::exists(netuid), Error::<T>::UnknownSubnet);
		Ok(Uids::<T>::get(netuid, hotkey).ok_or(Error::<T>::NotRegistered)?)
	}

	/// Refuses a uid that holds no validator permit.
	fn ensure_permit(netuid: NetUid, uid: u16) -> DispatchResult {
		let permitted =
			Scores::<T>::get(netuid).get(usize::from(uid)).is_some_and(|s| s.validator_permit);
		ensure!(permitted, Error::<T>::NoValidatorPermit);
		Ok(())
	}

	/// The caller's uid on `netuid`, checking it is a permitted validator.
	fn validator_uid(netuid: NetUid, hotkey: &T::AccountId) -> Result<u16, DispatchError> {
		let uid = Self::registered_uid(netuid, hotkey)?;
		Self::ensure_permit(netuid, uid)?;
		Ok(uid)
	}

	/// Records that validator `uid` set weights at `now`.
	fn touch(netuid: NetUid, uid: u16, now: u32) {
		Neurons::<T>::mutate(netuid, uid, |x| {
			if let Some(x) = x {
				x.last_update = now;
			}
		});
	}

	/// Refuses a validator that set weights less than `WeightsRateLimit` blocks ago.
	fn ensure_rate_limit(netuid: NetUid, uid: u16, now: u32) -> DispatchResult {
		let last = Neurons::<T>::get(netuid, uid).map(|x| x.last_update).unwrap_or(0);
		ensure!(now.saturating_sub(last) >= T::WeightsRateLimit::get(), Error::<T>::RateLimited);
		Ok(())
	}

	/// Checks a weights vector of validator `uid` on a subnet of `n` uids; returns the
	/// non-zero `(uid, weight)` pairs sorted by uid.
	fn check_weights(
		n: u16,
		uid: u16,
		uids: &[u16],
		weights: &[u16],
	) -> Result<Vec<(u16, u16)>, DispatchError> {
		ensure!(uids.len() == weights.len(), Error::<T>::LengthMismatch);
		ensure!(uids.len() <= usize::from(n), Error::<T>::TooManyWeights);
		let mut pairs: Vec<(u16, u16)> =
			uids.iter().copied().zip(weights.iter().copied()).collect();
		pairs.sort_unstable_by_key(|(u, _)| *u);
		ensure!(
			pairs.windows(2).all(|w| matches!(w, [a, b] if a.0 != b.0)),
			Error::<T>::DuplicateUids
		);
		ensure!(pairs.iter().all(|(u, _)| *u < n), Error::<T>::UnknownUid);
		ensure!(pairs.iter().all(|(u, _)| *u != uid), Error::<T>::SelfWeight);
		pairs.retain(|(_, w)| *w > 0);
		let least = T::MinAllowedWeights::get().min(n.saturating_sub(1)).max(1);
		ensure!(pairs.len() >= usize::from(least), Error::<T>::TooFewWeights);
		Ok(pairs)
	}

	/// Normalizes checked weights so they sum to exactly one billion billionths.
	fn normalized_row(set_at: u32, pairs: &[(u16, u16)]) -> WeightsRow<T::MaxUids> {
		let values: Vec<u128> = pairs.iter().map(|(_, w)| u128::from(*w)).collect();
		let entries: Vec<(u16, u32)> = pairs
			.iter()
			.zip(epoch::normalize(&values))
			.filter(|(_, w)| *w > 0)
			.map(|((u, _), w)| (*u, u32::try_from(w).unwrap_or(u32::MAX)))
			.collect();
		// At most `n ≤ MaxUids` pairs, so the bound holds; truncation is unreachable.
		WeightsRow { set_at, entries: BoundedVec::truncate_from(entries) }
	}

	pub(crate) fn do_set_weights(
		hotkey: T::AccountId,
		netuid: NetUid,
		uids: &[u16],
		weights: &[u16],
		version: u64,
	) -> DispatchResult {
		let uid = Self::validator_uid(netuid, &hotkey)?;
		let now = Self::now();
		Self::ensure_rate_limit(netuid, uid, now)?;
		let pairs = Self::check_weights(SubnetN::<T>::get(netuid), uid, uids, weights)?;
		let row = Self::normalized_row(now, &pairs);
		let count = u32::try_from(row.entries.len()).unwrap_or(u32::MAX);
		Weights::<T>::insert(netuid, uid, row);
		Self::touch(netuid, uid, now);
		Self::deposit_event(Event::WeightsSet { netuid, uid, count, version });
		Ok(())
	}

	pub(crate) fn do_commit(hotkey: T::AccountId, netuid: NetUid, hash: H256) -> DispatchResult {
		let uid = Self::validator_uid(netuid, &hotkey)?;
		let now = Self::now();
		Self::ensure_rate_limit(netuid, uid, now)?;
		// One pending commit at a time; one whose window has passed may be replaced.
		if let Some(old) = WeightCommits::<T>::get(netuid, uid) {
			let expired = Self::epoch_index(netuid, now)
				> Self::epoch_index(netuid, old.block).saturating_add(1);
			ensure!(expired, Error::<T>::CommitPending);
		}
		WeightCommits::<T>::insert(netuid, uid, WeightsCommit { hash, block: now });
		let reveal_epoch = Self::epoch_index(netuid, now).saturating_add(1);
		Self::deposit_event(Event::WeightsCommitted { netuid, uid, hash, reveal_epoch });
		Ok(())
	}

	pub(crate) fn do_reveal(
		hotkey: T::AccountId,
		netuid: NetUid,
		uids: &[u16],
		weights: &[u16],
		salt: Salt,
		version: u64,
	) -> DispatchResult {
		let uid = Self::registered_uid(netuid, &hotkey)?;
		let commit = WeightCommits::<T>::get(netuid, uid).ok_or(Error::<T>::NoCommit)?;
		let now = Self::now();
		let (current, window) = (
			Self::epoch_index(netuid, now),
			Self::epoch_index(netuid, commit.block).saturating_add(1),
		);
		ensure!(current >= window, Error::<T>::RevealTooEarly);
		ensure!(current == window, Error::<T>::RevealExpired);
		ensure!(
			Self::commit_hash(&hotkey, netuid, uids, weights, &salt, version) == commit.hash,
			Error::<T>::RevealMismatch
		);
		Self::ensure_permit(netuid, uid)?;
		let mut pairs = Self::check_weights(SubnetN::<T>::get(netuid), uid, uids, weights)?;
		// Weights to a uid re-registered at or after the commit were meant for its previous
		// holder.
		let before = pairs.len();
		pairs.retain(|(target, _)| {
			Neurons::<T>::get(netuid, target).is_some_and(|t| t.registered_at < commit.block)
		});
		let dropped = u32::try_from(before.saturating_sub(pairs.len())).unwrap_or(u32::MAX);
		let row = Self::normalized_row(commit.block, &pairs);
		let count = u32::try_from(row.entries.len()).unwrap_or(u32::MAX);
		if row.entries.is_empty() {
			Weights::<T>::remove(netuid, uid);
		} else {
			Weights::<T>::insert(netuid, uid, row);
		}
		WeightCommits::<T>::remove(netuid, uid);
		Self::touch(netuid, uid, now);
		Self::deposit_event(Event::WeightsRevealed { netuid, uid, count, dropped, version });
		Ok(())
	}

	/// Forgets up to `limit` storage items of a dissolved subnet's metagraph (its counters and
	/// scores first, then neurons, uids, weights, bonds and commits); returns how many it
	/// removed and whether nothing is left. Hotkeys stay bound to their coldkeys.
	pub fn clear_subnet(netuid: NetUid, limit: u32) -> (u32, bool) {
		let mut left = limit;
		let take = |left: &mut u32, removed: usize| {
			*left = left.saturating_sub(u32::try_from(removed).unwrap_or(u32::MAX));
		};
		let singles = SubnetN::<T>::contains_key(netuid)
			|| Scores::<T>::contains_key(netuid)
			|| LastEpoch::<T>::contains_key(netuid)
			|| Burn::<T>::contains_key(netuid);
		if singles {
			if left < 4 {
				return (0, false);
			}
			SubnetN::<T>::remove(netuid);
			Scores::<T>::remove(netuid);
			Burn::<T>::remove(netuid);
			LastEpoch::<T>::remove(netuid);
			take(&mut left, 4);
		}
		macro_rules! clear {
			($map:ident) => {
				let keys: Vec<_> = $map::<T>::iter_key_prefix(netuid)
					.take(usize::try_from(left).unwrap_or(usize::MAX))
					.collect();
				for k in &keys {
					$map::<T>::remove(netuid, k);
				}
				take(&mut left, keys.len());
			};
		}
		clear!(Neurons);
		clear!(Uids);
		clear!(Weights);
		clear!(Bonds);
		clear!(WeightCommits);
		let done = left > 0
			&& Neurons::<T>::iter_key_prefix(netuid).next().is_none()
			&& Uids::<T>::iter_key_prefix(netuid).next().is_none()
			&& Weights::<T>::iter_key_prefix(netuid).next().is_none()
			&& Bonds::<T>::iter_key_prefix(netuid).next().is_none()
			&& WeightCommits::<T>::iter_key_prefix(netuid).next().is_none();
		(limit.saturating_sub(left), done)
	}

	/// An upper bound of `trigger_epoch`'s weight on `netuid` as it stands (one read of
	/// `SubnetN` plus the benchmarked epoch with every permit filled and dense rows).
	pub fn epoch_weight_bound(netuid: NetUid) -> Weight {
		let n = SubnetN::<T>::get(netuid);
		let validators = T::MaxValidators::get().min(n);
		let stats = EpochStats {
			neurons: n,
			validators,
			weights: u32::from(validators).saturating_mul(u32::from(n.saturating_sub(1))),
			consensus: true,
		};
		stats.weight::<T>().saturating_add(T::DbWeight::get().reads(1))
	}

	/// Computes `netuid`'s scores: reads the neurons and their stake, the permitted
	/// validators' weights and bonds; runs [`epoch::epoch`]; stores bonds and scores. Pays
	/// nothing: the subnets pallet's epoch pays from the stored scores. For that epoch
	/// (through [`tandem_primitives::Metagraph`]) and for `trigger_epoch`.
	pub fn compute_scores(netuid: NetUid) -> EpochStats {
		let now = Self::now();
		let inputs = Self::epoch_inputs(netuid);
		let params = Self::epoch_params(netuid, now);
		// Only permitted validators' rows and bonds matter: read just those.
		let permits = epoch::neuron_permits(&inputs, &params);
		let permitted: Vec<u16> = permits
			.iter()
			.enumerate()
			.filter(|(_, permit)| **permit)
			.filter_map(|(uid, _)| u16::try_from(uid).ok())
			.collect();
		let (rows, bonds) = Self::permitted_rows(netuid, &permitted);
		let out = epoch::epoch_with_permits(&inputs, permits, &rows, &bonds, &params);
		Self::store_bonds(netuid, &permitted, &out.bonds);
		Self::store_scores(netuid, &inputs, &out, now);
		let stats = EpochStats {
			neurons: u16::try_from(inputs.len()).unwrap_or(u16::MAX),
			validators: u16::try_from(permitted.len()).unwrap_or(u16::MAX),
			weights: out.weights_used,
			consensus: out.incentive.iter().any(|x| *x > 0),
		};
		Self::deposit_event(Event::EpochRun {
			netuid,
			neurons: stats.neurons,
			validators: stats.validators,
			weights: stats.weights,
			consensus: stats.consensus,
		});
		stats
	}

	/// Every uid of `netuid` as the epoch sees it: the stake behind its hotkey, its last
	/// update and registration blocks (an empty uid has none of them).
	pub(crate) fn epoch_inputs(netuid: NetUid) -> Vec<NeuronInput> {
		(0..SubnetN::<T>::get(netuid))
			.map(|uid| match Neurons::<T>::get(netuid, uid) {
				Some(x) => NeuronInput {
					stake: T::Stake::stake_of(netuid, &x.hotkey),
					last_update: x.last_update,
					registered_at: x.registered_at,
				},
				None => NeuronInput::default(),
			})
			.collect()
	}

	/// The epoch's parameters for `netuid` at block `now`, from the pallet's configuration.
	pub(crate) fn epoch_params(netuid: NetUid, now: u32) -> EpochParams {
		let parts = |p: Perbill| u64::from(p.deconstruct());
		EpochParams {
			now,
			last_epoch: LastEpoch::<T>::get(netuid),
			activity_cutoff: T::ActivityCutoff::get(),
			max_validators: T::MaxValidators::get(),
			validator_stake_threshold: T::ValidatorStakeThreshold::get(),
			kappa: parts(T::Kappa::get()),
			bonds_alpha: parts(T::BondsAlpha::get()),
			liquid_alpha: T::LiquidAlpha::get()
				.then(|| (parts(T::AlphaLow::get()), parts(T::AlphaHigh::get()))),
		}
	}

	/// The stored weight rows and bonds of the `permitted` validators of `netuid`.
	pub(crate) fn permitted_rows(
		netuid: NetUid,
		permitted: &[u16],
	) -> (Vec<WeightRow>, Vec<BondRow>) {
		let rows = permitted
			.iter()
			.filter_map(|uid| {
				let row = Weights::<T>::get(netuid, uid)?;
				Some(WeightRow {
					validator: *uid,
					set_at: row.set_at,
					entries: row.entries.iter().map(|(j, w)| (*j, u64::from(*w))).collect(),
				})
			})
			.collect();
		let bonds = permitted
			.iter()
			.map(|uid| BondRow {
				validator: *uid,
				entries: Bonds::<T>::get(netuid, uid)
					.iter()
					.map(|(j, b)| (*j, u64::from(*b)))
					.collect(),
			})
			.collect();
		(rows, bonds)
	}

	/// Stores the epoch's bonds: the new ones of the `permitted` validators (none if empty),
	/// and none for a validator that held a permit at the last epoch and lost it.
	pub(crate) fn store_bonds(netuid: NetUid, permitted: &[u16], bonds: &[BondRow]) {
		for (uid, score) in Scores::<T>::get(netuid).iter().enumerate() {
			let Ok(uid) = u16::try_from(uid) else { break };
			if score.validator_permit && permitted.binary_search(&uid).is_err() {
				Bonds::<T>::remove(netuid, uid);
			}
		}
		let new_bonds: alloc::collections::BTreeMap<u16, &BondRow> =
			bonds.iter().map(|b| (b.validator, b)).collect();
		for uid in permitted {
			let entries: Vec<(u16, u32)> = new_bonds
				.get(uid)
				.map(|b| {
					b.entries
						.iter()
						.map(|(j, v)| (*j, u32::try_from(*v).unwrap_or(u32::MAX)))
						.collect()
				})
				.unwrap_or_default();
			if entries.is_empty() {
				Bonds::<T>::remove(netuid, uid);
			} else {
				Bonds::<T>::insert(netuid, uid, BoundedVec::truncate_from(entries));
			}
		}
	}

	/// Stores the epoch's scores of every uid (its stake as read in `inputs`, the rest from
	/// `out`) and `now` as the subnet's last epoch.
	pub(crate) fn store_scores(
		netuid: NetUid,
		inputs: &[NeuronInput],
		out: &EpochOutput,
		now: u32,
	) {
		let part = |v: &[u64], i: usize| {
			Perbill::from_parts(u32::try_from(v.get(i).copied().unwrap_or(0).min(ONE)).unwrap_or(0))
		};
		let scores: Vec<Score> = (0..inputs.len())
			.map(|i| Score {
				stake: inputs.get(i).map_or(0, |x| x.stake),
				validator_permit: out.permits.get(i).copied().unwrap_or(false),
				validator_trust: part(&out.validator_trust, i),
				consensus: part(&out.consensus, i),
				incentive: part(&out.incentive, i),
				dividends: part(&out.dividends, i),
			})
			.collect();
		Scores::<T>::insert(netuid, BoundedVec::truncate_from(scores));
		LastEpoch::<T>::insert(netuid, now);
	}

	/// Subnet `netuid`'s metagraph: every uid with its keys and last epoch's results.
	pub fn metagraph(netuid: NetUid) -> Vec<NeuronView<T::AccountId>> {
		let scores = Scores::<T>::get(netuid);
		(0..SubnetN::<T>::get(netuid))
			.filter_map(|uid| {
				let neuron = Neurons::<T>::get(netuid, uid)?;
				let score = scores.get(usize::from(uid)).copied().unwrap_or_default();
				Some(NeuronView {
					uid,
					hotkey: neuron.hotkey,
					coldkey: neuron.coldkey,
					registered_at: neuron.registered_at,
					last_update: neuron.last_update,
					stake: score.stake,
					validator_permit: score.validator_permit,
					validator_trust: score.validator_trust,
					consensus: score.consensus,
					incentive: score.incentive,
					dividends: score.dividends,
				})
			})
			.collect()
	}

	/// Checks the pallet's invariants (see the crate docs).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let max = T::MaxUids::get();
		for (netuid, n) in SubnetN::<T>::iter() {
			ensure!(u32::from(n) <= max, "a subnet has more than MaxUids uids");
			ensure!(Scores::<T>::get(netuid).len() == usize::from(n), "one score per uid");
			for uid in 0..n {
				let neuron = Neurons::<T>::get(netuid, uid).ok_or("a uid below n has no neuron")?;
				ensure!(
					Uids::<T>::get(netuid, &neuron.hotkey) == Some(uid),
					"Uids is not the inverse of Neurons"
				);
				ensure!(
					HotkeyOwner::<T>::get(&neuron.hotkey) == Some(neuron.coldkey),
					"a neuron's coldkey is not its hotkey's bound owner"
				);
			}
			ensure!(
				Uids::<T>::iter_prefix(netuid).count() == usize::from(n),
				"hotkeys are not unique per subnet"
			);
			ensure!(Neurons::<T>::iter_key_prefix(netuid).all(|uid| uid < n), "a neuron beyond n");
			for (uid, row) in Weights::<T>::iter_prefix(netuid) {
				ensure!(uid < n, "a weight row of an unknown uid");
				let sorted = row.entries.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0));
				ensure!(sorted, "a weight row is not sorted by uid");
				ensure!(
					row.entries.iter().all(|(j, w)| *j < n && *j != uid && *w > 0),
					"a weight row names an unknown uid, itself, or a zero weight"
				);
				let sum =
					row.entries.iter().fold(0u64, |a, (_, w)| a.saturating_add(u64::from(*w)));
				ensure!(sum == ONE, "a weight row does not sum to one");
			}
			for (uid, bonds) in Bonds::<T>::iter_prefix(netuid) {
				ensure!(uid < n, "bonds of an unknown uid");
				ensure!(
					bonds.iter().all(|(j, b)| *j < n && *b > 0 && u64::from(*b) <= ONE),
					"a bond outside (0, 1] or to an unknown uid"
				);
			}
			ensure!(
				WeightCommits::<T>::iter_key_prefix(netuid).all(|uid| uid < n),
				"a commit of an unknown uid"
			);
		}
		Ok(())
	}
}

/// The metagraph as the subnets pallet sees it.
impl<T: Config> tandem_primitives::Metagraph<T::AccountId> for Pallet<T> {
	fn tempo() -> u32 {
		T::Tempo::get()
	}

	fn max_validators() -> u16 {
		T::MaxValidators::get()
	}

	fn is_registered(netuid: NetUid, hotkey: &T::AccountId) -> bool {
		Uids::<T>::contains_key(netuid, hotkey)
	}

	fn neuron_count(netuid: NetUid) -> u16 {
		SubnetN::<T>::get(netuid)
	}

	fn compute_scores(netuid: NetUid) -> tandem_primitives::ScoringOutcome {
		let stats = Self::compute_scores(netuid);
		tandem_primitives::ScoringOutcome {
			neurons: stats.neurons,
			validators: stats.validators,
			weight: stats.weight::<T>(),
		}
	}

	fn scoring_weight_bound(netuid: NetUid) -> Weight {
		Self::epoch_weight_bound(netuid)
	}

	fn scored_neurons(netuid: NetUid) -> Vec<tandem_primitives::ScoredNeuron<T::AccountId>> {
		Scores::<T>::get(netuid)
			.iter()
			.enumerate()
			.filter_map(|(uid, s)| u16::try_from(uid).ok().map(|uid| (uid, s)))
			.filter(|(_, s)| !s.incentive.is_zero() || !s.dividends.is_zero() || s.validator_permit)
			.filter_map(|(uid, s)| {
				Neurons::<T>::get(netuid, uid).map(|n| tandem_primitives::ScoredNeuron {
					hotkey: n.hotkey,
					coldkey: n.coldkey,
					incentive: s.incentive,
					dividends: s.dividends,
					validator_permit: s.validator_permit,
				})
			})
			.collect()
	}

	fn clear_subnet(netuid: NetUid, limit: u32) -> (u32, bool) {
		Self::clear_subnet(netuid, limit)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(
		coldkey: T::AccountId,
		netuid: NetUid,
		hotkey: T::AccountId,
	) -> sp_runtime::DispatchResult {
		Self::register_for_benchmarks(coldkey, netuid, hotkey)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_scores_for_benchmarks(netuid: NetUid, scores: Vec<(Perbill, Perbill, bool)>) {
		let scores: Vec<Score> = scores
			.into_iter()
			.map(|(incentive, dividends, validator_permit)| Score {
				incentive,
				dividends,
				validator_permit,
				..Default::default()
			})
			.collect();
		Scores::<T>::insert(netuid, BoundedVec::truncate_from(scores));
	}
}
