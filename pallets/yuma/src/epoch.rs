//! The Yuma epoch (Yuma 3, `docs/yuma.md`) as a pure, storage-free function.
//!
//! Everything is integer fixed point: a fraction is a `u64` count of billionths ([`ONE`] is
//! 1.0, the same scale as `Perbill`), products are taken in `u128`. There are no floats, and
//! nothing here can panic or overflow: every operation is checked or saturating, and the
//! inputs are scaled down (see [`normalize`]) before they could overflow.
//!
//! The computation is sparse: weight rows and bonds are lists of `(uid, value)` pairs, the
//! consensus is found column by column from the transposed list, and no `n × n` matrix is ever
//! built. Its cost is `O(n log n + z log z)` for `n` neurons and `z` non-zero weights.
//!
//! The steps, each a function [`epoch`] calls in turn (see `docs/yuma.md` for the reasoning):
//!
//! 1. permits: the `max_validators` largest stakes among neurons with stake ≥ the threshold
//!    (and > 0), ties to the lower uid; `S` = stake of permitted, *active* validators,
//!    normalized to sum 1 (consensus and incentive use the same stakes unrounded, so equal
//!    stakes weigh exactly equally) — [`neuron_permits`] ([`permits`] of the stakes),
//!    [`active_stakes`];
//! 2. weights: rows of permitted validators only, without self-weight, without weights to
//!    uids (re-)registered at or after the row was set; each row normalized to sum 1 —
//!    [`masked_rows`];
//! 3. consensus `C_j = max { w : Σ_i S_i·[W_ij ≥ w] ≥ κ }` (the κ-quantile of column `j`),
//!    compared exactly as `Σ stake·ONE ≥ κ·Σ all active stake` — [`consensus`];
//! 4. clipped weights `W̄_ij = min(W_ij, C_j)`; validator trust `VT_i = Σ_j W̄_ij`;
//! 5. incentive `I = normalize(Σ_i stake_i·W̄_ij)` on the unrounded stakes — [`clip`] sums,
//!    [`epoch`] normalizes;
//! 6. bonds `B_ij ← min(1, (1 − α)·B_ij + α·W̄_ij)` (old bonds to uids registered since the
//!    previous epoch are dropped first; liquid alpha picks α per bond) — [`update_bonds`],
//!    [`bond_row`];
//! 7. dividends `D = normalize(S_i · Σ_j B̂_ij·I_j)`, `B̂` = B normalized per column;
//! 8. with no consensus anywhere `I = 0` and `D = S` — [`dividends`].

use alloc::{vec, vec::Vec};

/// 1.0 in the fixed-point scale (billionths, like `Perbill`).
pub const ONE: u64 = 1_000_000_000;

/// A fraction in billionths, `0 ..= ONE`.
pub type Fraction = u64;

/// One neuron as the epoch sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NeuronInput {
	/// Stake behind the neuron's hotkey (any unit; only ratios matter).
	pub stake: u128,
	/// Block of its last weights (`set_weights` or a reveal); registration block before that.
	pub last_update: u32,
	/// Block it was (re-)registered at.
	pub registered_at: u32,
}

/// `(uid, value)` pairs of one row.
type Entries = Vec<(u16, u64)>;
/// `(uid, weight, clipped weight)` of one row.
pub type ClippedEntry = (u16, Fraction, Fraction);

/// A validator's weights as stored: `(uid, weight)` pairs and the block they were set at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeightRow {
	/// Validator uid the row belongs to.
	pub validator: u16,
	/// Block the weights were chosen at (for a reveal: its commit's block).
	pub set_at: u32,
	/// Target uid and weight, any positive scale (the row is normalized here).
	pub entries: Vec<(u16, u64)>,
}

/// A validator's bonds, `(uid, bond)` with bonds in `0 ..= ONE`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BondRow {
	/// Validator uid the row belongs to.
	pub validator: u16,
	/// Target uid and bond.
	pub entries: Vec<(u16, Fraction)>,
}

/// The epoch's parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EpochParams {
	/// Current block.
	pub now: u32,
	/// Block of the previous epoch (0 if none): bonds to uids registered at or after it
	/// belonged to the uid's previous holder and are dropped.
	pub last_epoch: u32,
	/// A validator whose `last_update + activity_cutoff < now` counts with zero stake.
	pub activity_cutoff: u32,
	/// Most validator permits.
	pub max_validators: u16,
	/// Least stake for a permit.
	pub validator_stake_threshold: u128,
	/// Consensus quantile κ (clamped to `1 ..= ONE`).
	pub kappa: Fraction,
	/// Bond EMA rate α.
	pub bonds_alpha: Fraction,
	/// Liquid alpha: `Some((α_low, α_high))` picks α per bond, from `α_high` when the weight
	/// equals consensus down to `α_low` when it sits a full 1.0 away.
	pub liquid_alpha: Option<(Fraction, Fraction)>,
}

/// What an epoch decides. Every vector has one entry per uid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochOutput {
	/// Normalized active stake of permitted validators, `S`.
	pub stake: Vec<Fraction>,
	/// Validator permits.
	pub permits: Vec<bool>,
	/// Validator trust `VT` (share of the validator's weight that survived clipping).
	pub validator_trust: Vec<Fraction>,
	/// Consensus weight `C` per uid.
	pub consensus: Vec<Fraction>,
	/// Incentive `I`; sums to `ONE` exactly when any consensus exists, else all zero.
	pub incentive: Vec<Fraction>,
	/// Dividends `D`; sums to `ONE` exactly when any permitted validator has active stake.
	pub dividends: Vec<Fraction>,
	/// New bonds of the permitted validators, by validator uid, zero bonds omitted.
	pub bonds: Vec<BondRow>,
	/// Non-zero weights that entered the epoch (after masking).
	pub weights_used: u32,
}

/// Largest number of significant bits an input to [`normalize`], or a stake in consensus,
/// keeps: with at most `2^16` values below `2^82` the sum stays below `2^98` and `sum × ONE`
/// below `2^128` (`ONE < 2^30`).
const NORMALIZE_BITS: u32 = 82;

/// `values`, all shifted right by the same amount so the largest has at most `bits`
/// significant bits (ratios are kept to `2^-bits`; equal values stay equal).
pub fn scale_down(values: &[u128], bits: u32) -> Vec<u128> {
	let max = values.iter().copied().max().unwrap_or(0);
	let shift = u128::BITS.saturating_sub(max.leading_zeros()).saturating_sub(bits);
	values.iter().map(|v| v.checked_shr(shift).unwrap_or(0)).collect()
}

/// Splits `ONE` in proportion to `values`, exactly: the results sum to `ONE` (or are all zero
/// when every value is zero) and each is within one unit of its exact share.
///
/// It uses cumulative rounding — `out_k = ⌊ONE·c_k/T⌋ − ⌊ONE·c_{k−1}/T⌋` for the running
/// sums `c_k` — so no remainder needs redistributing. Values too large for `u128`
/// intermediates are shifted right first (the same shift for all, so ratios are kept to
/// `2^-82`). Works for at most `2^16` values, which `MaxUids` guarantees.
pub fn normalize(values: &[u128]) -> Vec<Fraction> {
	let scaled = scale_down(values, NORMALIZE_BITS).into_iter();
	let total: u128 = scaled.clone().fold(0u128, |a, v| a.saturating_add(v));
	if total == 0 {
		return vec![0; values.len()];
	}
	let one = u128::from(ONE);
	let mut cumulative: u128 = 0;
	let mut previous: u128 = 0;
	scaled
		.map(|v| {
			cumulative = cumulative.saturating_add(v);
			let upto = cumulative.saturating_mul(one).checked_div(total).unwrap_or(0);
			let share = upto.saturating_sub(previous);
			previous = upto;
			u64::try_from(share).unwrap_or(ONE)
		})
		.collect()
}

/// Sorts `(uid, value)` pairs by uid and adds up duplicates, so the result does not depend on
/// the order the pairs were listed in.
fn canonical(entries: &[(u16, u64)]) -> Vec<(u16, u64)> {
	let mut sorted = entries.to_vec();
	sorted.sort_unstable();
	let mut merged: Vec<(u16, u64)> = Vec::with_capacity(sorted.len());
	for (uid, value) in sorted {
		match merged.last_mut() {
			Some((last, acc)) if *last == uid => *acc = acc.saturating_add(value),
			_ => merged.push((uid, value)),
		}
	}
	merged
}

/// The validator permits: the `max` largest stakes among eligible neurons, ties to the lower
/// uid.
pub fn permits(stakes: &[u128], max: u16, threshold: u128) -> Vec<bool> {
	let mut eligible: Vec<(u128, usize)> = stakes
		.iter()
		.enumerate()
		.filter(|(_, s)| **s > 0 && **s >= threshold)
		.map(|(i, s)| (*s, i))
		.collect();
	// Largest stake first; among equal stakes the lower uid first.
	eligible.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
	let mut out = vec![false; stakes.len()];
	for (_, i) in eligible.into_iter().take(usize::from(max)) {
		if let Some(p) = out.get_mut(i) {
			*p = true;
		}
	}
	out
}

/// The κ-quantile of one column: the largest `w` such that the stake of validators weighting
/// the uid at least `w` reaches `kappa` of `total`. `column` holds `(weight, stake)` in the
/// stakes' own unit (as [`scale_down`] leaves them); it is reordered.
///
/// The comparison `support × ONE ≥ kappa × total` is exact in `u128`: rounding each stake to a
/// share first would let the uid labels decide a tie (equal stakes get shares one unit apart,
/// by position), and so move incentive between miners when validators are relabelled.
pub fn column_consensus(column: &mut [(Fraction, u128)], kappa: Fraction, total: u128) -> Fraction {
	if total == 0 {
		return 0;
	}
	column.sort_unstable_by_key(|(w, _)| core::cmp::Reverse(*w));
	let needed = u128::from(kappa).saturating_mul(total);
	let mut reached: u128 = 0;
	for (w, s) in column.iter() {
		reached = reached.saturating_add(*s);
		if reached.saturating_mul(u128::from(ONE)) >= needed {
			return *w;
		}
	}
	0
}

/// `a·b` for two fractions, rounded down.
fn mul(a: Fraction, b: Fraction) -> Fraction {
	let p = u128::from(a).saturating_mul(u128::from(b)).checked_div(u128::from(ONE)).unwrap_or(0);
	u64::try_from(p).unwrap_or(u64::MAX)
}

/// The bond EMA rate for one bond: fixed α, or liquid α by the weight's distance from
/// consensus.
fn bond_alpha(params: &EpochParams, weight: Fraction, consensus: Fraction) -> Fraction {
	match params.liquid_alpha {
		None => params.bonds_alpha.min(ONE),
		Some((low, high)) => {
			let (low, high) = (low.min(ONE), high.min(ONE));
			let (low, high) = if low <= high { (low, high) } else { (high, low) };
			let distance = weight.abs_diff(consensus).min(ONE);
			high.saturating_sub(mul(high.saturating_sub(low), distance))
		}
	}
}

/// A validator's masked, normalized weight row: `(validator, [(uid, weight)])`.
pub type MaskedRow = (u16, Vec<(u16, Fraction)>);

/// Step 1: each neuron's stake if it holds a permit and set weights within the activity
/// cutoff, else zero.
pub fn active_stakes(neurons: &[NeuronInput], permits: &[bool], params: &EpochParams) -> Vec<u128> {
	neurons
		.iter()
		.zip(permits.iter())
		.map(|(x, permit)| {
			let active = x.last_update.saturating_add(params.activity_cutoff) >= params.now;
			if *permit && active {
				x.stake
			} else {
				0
			}
		})
		.collect()
}

/// Step 2: one row per permitted validator (in uid order), without self-weight, zero weights,
/// unknown uids and uids (re-)registered at or after the row was set, normalized to sum 1.
/// Two rows for one validator (never stored, but possible as input) are merged, the earlier
/// `set_at` winning, so the result does not depend on their order.
pub fn masked_rows(
	neurons: &[NeuronInput],
	weights: &[WeightRow],
	permits: &[bool],
) -> Vec<MaskedRow> {
	let mut rows: Vec<(u16, u32, Entries)> = Vec::new();
	let mut sorted_rows: Vec<&WeightRow> = weights.iter().collect();
	sorted_rows.sort_by_key(|r| r.validator);
	for row in sorted_rows {
		let i = row.validator;
		if !permits.get(usize::from(i)).copied().unwrap_or(false) {
			continue;
		}
		match rows.last_mut() {
			Some((last, set_at, entries)) if *last == i => {
				*set_at = (*set_at).min(row.set_at);
				entries.extend(row.entries.iter().copied());
			}
			_ => rows.push((i, row.set_at, row.entries.clone())),
		}
	}
	rows.into_iter()
		.map(|(i, set_at, entries)| {
			let kept: Vec<(u16, u64)> = canonical(&entries)
				.into_iter()
				.filter(|(j, w)| {
					*w > 0
						&& *j != i && neurons
						.get(usize::from(*j))
						.is_some_and(|t| set_at > t.registered_at)
				})
				.collect();
			let values: Vec<u128> = kept.iter().map(|(_, w)| u128::from(*w)).collect();
			let row = kept
				.iter()
				.zip(normalize(&values))
				.map(|((j, _), w)| (*j, w))
				.filter(|(_, w)| *w > 0)
				.collect();
			(i, row)
		})
		.collect()
}

/// Step 3: the consensus weight of each of `n` uids, the κ-quantile of its column by raw
/// stake ([`column_consensus`]), from the rows transposed.
pub fn consensus(
	n: usize,
	rows: &[MaskedRow],
	raw_stake: &[u128],
	kappa: Fraction,
) -> Vec<Fraction> {
	let total = raw_stake.iter().fold(0u128, |a, s| a.saturating_add(*s));
	let mut columns: Vec<Vec<(Fraction, u128)>> = vec![Vec::new(); n];
	for (i, row) in rows {
		let s = raw_stake.get(usize::from(*i)).copied().unwrap_or(0);
		for (j, w) in row {
			if let Some(col) = columns.get_mut(usize::from(*j)) {
				col.push((*w, s));
			}
		}
	}
	columns.iter_mut().map(|col| column_consensus(col, kappa, total)).collect()
}

/// What clipping the weights at consensus gives (steps 4 and 5).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clipped {
	/// Validator trust `VT_i = Σ_j min(W_ij, C_j)` per uid.
	pub validator_trust: Vec<Fraction>,
	/// Incentive before normalizing: `Σ_i stake_i · min(W_ij, C_j)` per uid, raw stake.
	pub ranks: Vec<u128>,
	/// Each row's `(uid, weight, clipped weight)`, in the rows' order.
	pub rows: Vec<(u16, Vec<ClippedEntry>)>,
}

/// Steps 4 and 5: each weight clipped at its uid's consensus, the validators' trust, and the
/// stake-weighted sum of clipped weights (normalized, the incentive).
pub fn clip(n: usize, rows: &[MaskedRow], raw_stake: &[u128], consensus: &[Fraction]) -> Clipped {
	let mut out = Clipped {
		validator_trust: vec![0; n],
		ranks: vec![0; n],
		rows: Vec::with_capacity(rows.len()),
	};
	for (i, row) in rows {
		let s = raw_stake.get(usize::from(*i)).copied().unwrap_or(0);
		let mut trust: u64 = 0;
		let mut clipped = Vec::with_capacity(row.len());
		for (j, w) in row {
			let wc = (*w).min(consensus.get(usize::from(*j)).copied().unwrap_or(0));
			trust = trust.saturating_add(wc);
			if let Some(r) = out.ranks.get_mut(usize::from(*j)) {
				*r = r.saturating_add(s.saturating_mul(u128::from(wc)));
			}
			clipped.push((*j, *w, wc));
		}
		if let Some(t) = out.validator_trust.get_mut(usize::from(*i)) {
			*t = trust.min(ONE);
		}
		out.rows.push((*i, clipped));
	}
	out
}

/// Step 6 for one validator: merges its old bonds (sorted by uid) with its clipped row (sorted
/// by uid) and moves each bond `α` of the way to the clipped weight (`α` per
/// [`EpochParams::bonds_alpha`] or liquid alpha); zero bonds are dropped.
pub fn bond_row(
	old: &[(u16, Fraction)],
	clipped: &[ClippedEntry],
	consensus: &[Fraction],
	params: &EpochParams,
) -> Vec<(u16, Fraction)> {
	let mut entries: Vec<(u16, Fraction)> = Vec::new();
	let (mut a, mut b) = (old.iter().peekable(), clipped.iter().peekable());
	loop {
		// Merge-join on the target uid.
		let (j, bond, weight, wc) = match (a.peek(), b.peek()) {
			(None, None) => break,
			(Some((ja, bond)), Some((jb, w, wc))) if ja == jb => {
				let item = (*ja, (*bond).min(ONE), *w, *wc);
				a.next();
				b.next();
				item
			}
			(Some((ja, bond)), Some((jb, _, _))) if ja < jb => {
				let item = (*ja, (*bond).min(ONE), 0, 0);
				a.next();
				item
			}
			(Some((ja, bond)), None) => {
				let item = (*ja, (*bond).min(ONE), 0, 0);
				a.next();
				item
			}
			(_, Some((jb, w, wc))) => {
				let item = (*jb, 0, *w, *wc);
				b.next();
				item
			}
		};
		let c = consensus.get(usize::from(j)).copied().unwrap_or(0);
		let alpha = bond_alpha(params, weight, c);
		let value = mul(ONE.saturating_sub(alpha), bond).saturating_add(mul(alpha, wc)).min(ONE);
		if value > 0 {
			entries.push((j, value));
		}
	}
	entries
}

/// Step 6: the new bonds of every permitted validator. Old bonds to uids registered at or
/// after the previous epoch belonged to the uid's previous holder and are dropped first.
pub fn update_bonds(
	neurons: &[NeuronInput],
	permits: &[bool],
	bonds: &[BondRow],
	clipped: &[(u16, Vec<ClippedEntry>)],
	consensus: &[Fraction],
	params: &EpochParams,
) -> Vec<BondRow> {
	let mut old_bonds: Vec<&BondRow> = bonds.iter().collect();
	old_bonds.sort_by_key(|b| b.validator);
	let mut new_bonds: Vec<BondRow> = Vec::new();
	for (i, permit) in permits.iter().enumerate() {
		if !permit {
			continue;
		}
		let Ok(uid) = u16::try_from(i) else { continue };
		let old: Vec<(u16, u64)> = old_bonds
			.iter()
			.filter(|b| b.validator == uid)
			.flat_map(|b| b.entries.iter().copied())
			.filter(|(j, _)| {
				neurons.get(usize::from(*j)).is_some_and(|t| t.registered_at < params.last_epoch)
			})
			.collect();
		let row = clipped.iter().find(|(v, _)| *v == uid).map(|(_, r)| r.as_slice()).unwrap_or(&[]);
		let entries = bond_row(&canonical(&old), row, consensus, params);
		if !entries.is_empty() {
			new_bonds.push(BondRow { validator: uid, entries });
		}
	}
	new_bonds
}

/// Steps 7 and 8: dividends `D = normalize(S_i · Σ_j B̂_ij·I_j)` with `B̂` the bonds normalized
/// per column. Without consensus (all incentive zero), or when no bond earns anything, the
/// dividends are the stake `S`.
pub fn dividends(
	n: usize,
	bonds: &[BondRow],
	incentive: &[Fraction],
	stake: &[Fraction],
) -> Vec<Fraction> {
	if !incentive.iter().any(|x| *x > 0) {
		return stake.to_vec();
	}
	let mut column_sums = vec![0u128; n];
	for row in bonds {
		for (j, value) in &row.entries {
			if let Some(c) = column_sums.get_mut(usize::from(*j)) {
				*c = c.saturating_add(u128::from(*value));
			}
		}
	}
	let mut raw = vec![0u128; n];
	for row in bonds {
		let mut inner: u128 = 0;
		for (j, value) in &row.entries {
			let col = column_sums.get(usize::from(*j)).copied().unwrap_or(0);
			let inc = u128::from(incentive.get(usize::from(*j)).copied().unwrap_or(0));
			// B̂_ij·I_j in ONE² scale: ≤ ONE² since value ≤ col.
			let term = u128::from(*value)
				.saturating_mul(inc)
				.saturating_mul(u128::from(ONE))
				.checked_div(col)
				.unwrap_or(0);
			inner = inner.saturating_add(term);
		}
		let s = u128::from(stake.get(usize::from(row.validator)).copied().unwrap_or(0));
		if let Some(d) = raw.get_mut(usize::from(row.validator)) {
			*d = s.saturating_mul(inner);
		}
	}
	let d = normalize(&raw);
	if d.iter().any(|x| *x > 0) {
		d
	} else {
		stake.to_vec()
	}
}

/// Runs one epoch: the steps above in order. `neurons[uid]` describes uid `uid`; rows and
/// bonds naming a uid outside `0..neurons.len()` are ignored, as are rows of validators
/// without a permit.
pub fn epoch(
	neurons: &[NeuronInput],
	weights: &[WeightRow],
	bonds: &[BondRow],
	params: &EpochParams,
) -> EpochOutput {
	epoch_with_permits(neurons, neuron_permits(neurons, params), weights, bonds, params)
}

/// Step 1's permits for `neurons` under `params` ([`permits`] of their stakes).
pub fn neuron_permits(neurons: &[NeuronInput], params: &EpochParams) -> Vec<bool> {
	let stakes: Vec<u128> = neurons.iter().map(|x| x.stake).collect();
	permits(&stakes, params.max_validators, params.validator_stake_threshold)
}

/// [`epoch`] with the permits already found by [`neuron_permits`] (the storage side finds them
/// first, to read only the permitted validators' rows and bonds).
pub fn epoch_with_permits(
	neurons: &[NeuronInput],
	permits: Vec<bool>,
	weights: &[WeightRow],
	bonds: &[BondRow],
	params: &EpochParams,
) -> EpochOutput {
	let n = neurons.len();
	let active = active_stakes(neurons, &permits, params);
	let stake = normalize(&active);
	// Consensus and incentive weigh validators by raw stake (scaled only so sums fit `u128`),
	// so equal stakes count exactly equally whatever their uids.
	let raw_stake = scale_down(&active, NORMALIZE_BITS);
	let rows = masked_rows(neurons, weights, &permits);
	let weights_used = rows
		.iter()
		.fold(0u32, |a, (_, r)| a.saturating_add(u32::try_from(r.len()).unwrap_or(u32::MAX)));
	let consensus = consensus(n, &rows, &raw_stake, params.kappa.clamp(1, ONE));
	let clipped = clip(n, &rows, &raw_stake, &consensus);
	let incentive = normalize(&clipped.ranks);
	let bonds = update_bonds(neurons, &permits, bonds, &clipped.rows, &consensus, params);
	let dividends = dividends(n, &bonds, &incentive, &stake);
	EpochOutput {
		stake,
		permits,
		validator_trust: clipped.validator_trust,
		consensus,
		incentive,
		dividends,
		bonds,
		weights_used,
	}
}
