//! The pure epoch: unit checks of its pieces and property tests (sums, clipping bounds, order
//! independence, sparse = dense, no panic on any input within the bounds).

use super::reference::dense_epoch;
use crate::epoch::*;
use proptest::prelude::*;

fn sum(v: &[u64]) -> u64 {
	v.iter().sum()
}

#[test]
fn normalize_is_exact_and_within_one_unit() {
	assert_eq!(normalize(&[]), Vec::<u64>::new());
	assert_eq!(normalize(&[0, 0]), vec![0, 0]);
	assert_eq!(normalize(&[1, 1, 1]), vec![333_333_333, 333_333_333, 333_333_334]);
	assert_eq!(normalize(&[3, 1]), vec![750_000_000, 250_000_000]);
	// Huge values are scaled down, not overflowed.
	let big = normalize(&[u128::MAX, u128::MAX, 0]);
	assert_eq!(big, vec![500_000_000, 500_000_000, 0]);
	assert_eq!(sum(&normalize(&[u128::MAX, 1, 7, u128::MAX / 3])), ONE);
}

#[test]
fn consensus_is_the_stake_weighted_quantile() {
	// Validators with 0.6 / 0.3 / 0.1 of the stake weight a miner 0.2 / 0.9 / 0.9.
	let s = |x: u64| x * ONE / 10;
	let mut col = vec![(s(2), 6), (s(9), 3), (s(9), 1)];
	// Support for 0.9 is 0.4 < 0.5; for 0.2 it is 1.0: consensus 0.2.
	assert_eq!(column_consensus(&mut col, ONE / 2, 10), s(2));
	// With κ = 0.4 the 0.9 of the minority is already enough.
	assert_eq!(column_consensus(&mut col, s(4), 10), s(9));
	// Exactly κ is enough: stakes 1 + 1 + 1 of 6 reach one half, compared exactly.
	assert_eq!(column_consensus(&mut [(s(9), 1), (s(9), 1), (s(9), 1)], ONE / 2, 6), s(9));
	// Nobody weights it, or nobody has stake: no consensus.
	assert_eq!(column_consensus(&mut [], ONE / 2, 10), 0);
	assert_eq!(column_consensus(&mut [(s(9), 0)], ONE / 2, 0), 0);
}

#[test]
fn permits_take_the_largest_stakes_ties_to_lower_uid() {
	assert_eq!(permits(&[5, 9, 9, 0, 7], 3, 0), vec![false, true, true, false, true]);
	assert_eq!(permits(&[5, 9, 9, 0, 7], 2, 0), vec![false, true, true, false, false]);
	// Threshold, and zero stake never holds a permit.
	assert_eq!(permits(&[5, 9, 9, 0, 7], 9, 6), vec![false, true, true, false, true]);
	assert_eq!(permits(&[0, 0], 9, 0), vec![false, false]);
}

fn neuron(stake: u128, last_update: u32, registered_at: u32) -> NeuronInput {
	NeuronInput { stake, last_update, registered_at }
}

#[test]
fn step_1_only_permitted_active_validators_have_stake() {
	// Uid 0 permitted and active, 1 permitted but idle past the cutoff, 2 without a permit.
	let neurons = [neuron(5, 95, 0), neuron(7, 10, 0), neuron(9, 100, 0)];
	let p = EpochParams { activity_cutoff: 10, ..params(100, 2) };
	assert_eq!(active_stakes(&neurons, &[true, true, false], &p), vec![5, 0, 0]);
	// At the cutoff exactly it is still active.
	let p = EpochParams { activity_cutoff: 90, ..p };
	assert_eq!(active_stakes(&neurons, &[true, true, false], &p), vec![5, 7, 0]);
}

#[test]
fn step_2_rows_are_masked_and_normalized() {
	// Uid 2 re-registered at block 8, after validator 0 set its row at block 5.
	let neurons = [neuron(1, 0, 0), neuron(1, 0, 0), neuron(0, 0, 8), neuron(0, 0, 0)];
	let rows = [
		// Self-weight, a zero, a too-new uid, an unknown uid and a duplicate of uid 3.
		WeightRow {
			validator: 0,
			set_at: 5,
			entries: vec![(0, 9), (1, 1), (2, 5), (3, 0), (9, 4), (3, 3)],
		},
		// No permit: ignored.
		WeightRow { validator: 3, set_at: 5, entries: vec![(1, 1)] },
		// Two rows for validator 1, merged, the earlier block (5) masking uid 2.
		WeightRow { validator: 1, set_at: 9, entries: vec![(2, 1)] },
		WeightRow { validator: 1, set_at: 5, entries: vec![(3, 1)] },
	];
	let out = masked_rows(&neurons, &rows, &[true, true, false, false]);
	assert_eq!(out, vec![(0, vec![(1, ONE / 4), (3, 3 * ONE / 4)]), (1, vec![(3, ONE)])]);
}

#[test]
fn step_3_consensus_is_taken_per_column_by_raw_stake() {
	// Validator 0 (stake 3) weights uid 2 fully; validator 1 (stake 1) uid 3 fully.
	let rows = vec![(0, vec![(2, ONE)]), (1, vec![(3, ONE)])];
	let c = consensus(4, &rows, &[3, 1, 0, 0], ONE / 2);
	assert_eq!(c, vec![0, 0, ONE, 0]);
	// κ = 0.25: the minority's quarter of the stake is enough.
	assert_eq!(consensus(4, &rows, &[3, 1, 0, 0], ONE / 4), vec![0, 0, ONE, ONE]);
}

#[test]
fn step_4_5_weights_are_clipped_at_consensus() {
	let rows = vec![(0, vec![(2, ONE / 4), (3, 3 * ONE / 4)]), (1, vec![(3, ONE)])];
	let consensus = vec![0, 0, ONE / 8, ONE / 2];
	let c = clip(4, &rows, &[2, 1, 0, 0], &consensus);
	assert_eq!(c.validator_trust, vec![ONE / 8 + ONE / 2, ONE / 2, 0, 0]);
	let (q, h) = (u128::from(ONE / 8), u128::from(ONE / 2));
	assert_eq!(c.ranks, vec![0, 0, 2 * q, 2 * h + h]);
	assert_eq!(c.rows[0], (0, vec![(2, ONE / 4, ONE / 8), (3, 3 * ONE / 4, ONE / 2)]));
}

#[test]
fn step_6_bonds_move_alpha_of_the_way_to_the_clipped_weight() {
	let p = params(100, 4);
	let consensus = vec![0, 0, ONE, ONE];
	// An old bond to uid 1 decays; the one to uid 2 grows; uid 3 is new.
	let old = [(1, ONE / 2), (2, ONE / 2)];
	let clipped = [(2, ONE, ONE), (3, ONE, ONE)];
	let row = bond_row(&old, &clipped, &consensus, &p);
	assert_eq!(row, vec![(1, ONE * 9 / 20), (2, ONE * 11 / 20), (3, ONE / 10)]);
	// Old bonds to a uid registered since the last epoch are dropped before the update.
	let neurons = [neuron(1, 0, 0), neuron(0, 0, 0), neuron(0, 0, 60), neuron(0, 0, 0)];
	let p = EpochParams { last_epoch: 50, ..p };
	let bonds = [BondRow { validator: 0, entries: old.to_vec() }];
	let out = update_bonds(
		&neurons,
		&[true, false, false, false],
		&bonds,
		&[(0, clipped.to_vec())],
		&consensus,
		&p,
	);
	assert_eq!(
		out,
		vec![BondRow {
			validator: 0,
			entries: vec![(1, ONE * 9 / 20), (2, ONE / 10), (3, ONE / 10)]
		}]
	);
	// No permit, no bonds.
	assert!(update_bonds(&neurons, &[false; 4], &bonds, &[], &consensus, &p).is_empty());
}

#[test]
fn step_7_8_dividends_follow_bonds_or_fall_back_to_stake() {
	let stake = vec![ONE / 2, ONE / 2, 0];
	// Validator 0 holds all the bond in the only paid uid: all the dividends.
	let bonds = vec![BondRow { validator: 0, entries: vec![(2, ONE / 10)] }];
	assert_eq!(dividends(3, &bonds, &[0, 0, ONE], &stake), vec![ONE, 0, 0]);
	// Two equal bonds share it by stake.
	let both = vec![bonds[0].clone(), BondRow { validator: 1, entries: vec![(2, ONE / 10)] }];
	assert_eq!(dividends(3, &both, &[0, 0, ONE], &stake), vec![ONE / 2, ONE / 2, 0]);
	// No consensus, or bonds only in unpaid uids: the stake.
	assert_eq!(dividends(3, &both, &[0, 0, 0], &stake), stake);
	assert_eq!(dividends(3, &both, &[ONE, 0, 0], &stake), stake);
}

#[test]
fn the_largest_case_runs() {
	// n = 4,096, 256 validators, 10 % dense rows: far past the runtime's bound, natively.
	let n = 4096usize;
	let neurons: Vec<NeuronInput> = (0..n)
		.map(|i| NeuronInput {
			stake: if i < 256 { 1_000 + i as u128 } else { 0 },
			last_update: 10,
			registered_at: 0,
		})
		.collect();
	let rows: Vec<WeightRow> = (0..256u16)
		.map(|v| WeightRow {
			validator: v,
			set_at: 5,
			entries: (0..410u16).map(|k| (256 + k * 9, 1 + ((k + v) % 7) as u64)).collect(),
		})
		.collect();
	let p = params(10, 256);
	let out = epoch(&neurons, &rows, &[], &p);
	assert_eq!(sum(&out.incentive), ONE);
	assert_eq!(sum(&out.dividends), ONE);
	assert_eq!(out.permits.iter().filter(|x| **x).count(), 256);
}

fn params(now: u32, max_validators: u16) -> EpochParams {
	EpochParams {
		now,
		last_epoch: 0,
		activity_cutoff: 1_000,
		max_validators,
		validator_stake_threshold: 0,
		kappa: ONE / 2,
		bonds_alpha: ONE / 10,
		liquid_alpha: None,
	}
}

/// A random epoch input: up to 12 neurons, stakes from zero to `u128::MAX`, rows that may
/// name unknown uids, themselves or duplicates, random bonds and parameters.
fn input() -> impl Strategy<Value = (Vec<NeuronInput>, Vec<WeightRow>, Vec<BondRow>, EpochParams)> {
	(0usize..12).prop_flat_map(|n| {
		let stake = prop_oneof![
			Just(0u128),
			1u128..1_000,
			any::<u64>().prop_map(u128::from),
			Just(u128::MAX),
			(u128::MAX - 1_000)..u128::MAX,
		];
		let neuron = (stake, 0u32..40, 0u32..30).prop_map(|(stake, last_update, registered_at)| {
			NeuronInput { stake, last_update, registered_at }
		});
		let uid = 0u16..(n as u16 + 2);
		let weight = prop_oneof![Just(0u64), 1u64..10, 1u64..65_536, Just(u64::MAX)];
		let row = (uid.clone(), 0u32..40, prop::collection::vec((uid.clone(), weight), 0..14))
			.prop_map(|(validator, set_at, entries)| WeightRow { validator, set_at, entries });
		let bond = prop_oneof![0u64..=ONE, Just(ONE), Just(u64::MAX)];
		let bond_row = (uid.clone(), prop::collection::vec((uid, bond), 0..6))
			.prop_map(|(validator, entries)| BondRow { validator, entries });
		let params = (
			20u32..50,
			0u32..30,
			0u32..40,
			0u16..10,
			prop_oneof![Just(0u128), 1u128..1_000],
			prop_oneof![Just(0u64), 0u64..=ONE, Just(ONE / 2), Just(ONE)],
			0u64..=ONE,
			prop::option::of((0u64..=ONE, 0u64..=ONE)),
		)
			.prop_map(|(now, last_epoch, cutoff, maxv, threshold, kappa, alpha, liquid)| {
				EpochParams {
					now,
					last_epoch,
					activity_cutoff: cutoff,
					max_validators: maxv,
					validator_stake_threshold: threshold,
					kappa,
					bonds_alpha: alpha,
					liquid_alpha: liquid,
				}
			});
		(
			prop::collection::vec(neuron, n),
			prop::collection::vec(row, 0..10),
			prop::collection::vec(bond_row, 0..6),
			params,
		)
	})
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	/// Incentive and dividends each sum to exactly one or are all zero; incentive is non-zero
	/// as soon as a validator holding at least κ of the stake has a valid weight; dividends
	/// are non-zero whenever a permitted validator has active stake.
	#[test]
	fn outputs_sum_to_one((neurons, rows, bonds, p) in input()) {
		let out = epoch(&neurons, &rows, &bonds, &p);
		let n = neurons.len();
		for v in [&out.stake, &out.validator_trust, &out.consensus, &out.incentive, &out.dividends] {
			prop_assert_eq!(v.len(), n);
		}
		prop_assert_eq!(out.permits.len(), n);
		prop_assert!(sum(&out.incentive) == ONE || sum(&out.incentive) == 0);
		prop_assert!(sum(&out.dividends) == ONE || sum(&out.dividends) == 0);
		prop_assert_eq!(sum(&out.dividends) == ONE, sum(&out.stake) == ONE);
		let kappa = u128::from(p.kappa.clamp(1, ONE));
		// Rows of one validator are merged with the earliest `set_at`.
		let set_at = |v: u16| rows.iter().filter(|r| r.validator == v).map(|r| r.set_at).min();
		// Consensus compares unrounded stakes (scaled like `normalize`) against κ exactly.
		let active: Vec<u128> = (0..n)
			.map(|i| {
				let on = neurons[i].last_update.saturating_add(p.activity_cutoff) >= p.now;
				if out.permits[i] && on { neurons[i].stake } else { 0 }
			})
			.collect();
		let raw = scale_down(&active, 82);
		let total: u128 = raw.iter().sum();
		let decisive = rows.iter().any(|r| {
			let i = r.validator as usize;
			i < n && raw[i] * u128::from(ONE) >= kappa * total && total > 0 && r.entries.iter().any(|(j, w)| {
				*w > 0 && *j != r.validator && (*j as usize) < n
					&& set_at(r.validator).unwrap_or(0) > neurons[*j as usize].registered_at
			})
		});
		if decisive {
			prop_assert_eq!(sum(&out.incentive), ONE);
		}
	}

	/// Clipping bounds: no incentive without consensus, validator trust and bonds within
	/// [0, 1], bonds only for permitted validators.
	#[test]
	fn clipping_bounds_hold((neurons, rows, bonds, p) in input()) {
		let out = epoch(&neurons, &rows, &bonds, &p);
		for (c, i) in out.consensus.iter().zip(&out.incentive) {
			prop_assert!(*c <= ONE);
			if *c == 0 { prop_assert_eq!(*i, 0); }
		}
		prop_assert!(out.validator_trust.iter().all(|t| *t <= ONE));
		for row in &out.bonds {
			prop_assert!(out.permits[row.validator as usize]);
			prop_assert!(row.entries.iter().all(|(_, b)| *b > 0 && *b <= ONE));
		}
		// A validator without a permit never earns dividends.
		for (permit, d) in out.permits.iter().zip(&out.dividends) {
			if !permit { prop_assert_eq!(*d, 0); }
		}
	}

	/// The result does not depend on the order rows, their entries or bonds are listed in.
	#[test]
	fn order_does_not_matter((neurons, rows, bonds, p) in input(), seed in any::<u64>()) {
		let out = epoch(&neurons, &rows, &bonds, &p);
		let mut rng = seed;
		let mut next = || { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; rng };
		let mut shuffled_rows = rows.clone();
		for r in shuffled_rows.iter_mut() {
			r.entries.sort_by_key(|_| next());
		}
		shuffled_rows.sort_by_key(|_| next());
		let mut shuffled_bonds = bonds.clone();
		for b in shuffled_bonds.iter_mut() {
			b.entries.sort_by_key(|_| next());
		}
		shuffled_bonds.sort_by_key(|_| next());
		prop_assert_eq!(out, epoch(&neurons, &shuffled_rows, &shuffled_bonds, &p));
	}

	/// The sparse epoch equals the dense reference, to the last unit.
	#[test]
	fn sparse_equals_dense((neurons, rows, bonds, p) in input()) {
		prop_assert_eq!(epoch(&neurons, &rows, &bonds, &p), dense_epoch(&neurons, &rows, &bonds, &p));
	}

	/// Extreme shapes: every weight on one uid, every stake equal or maximal, up to 300
	/// neurons — no panic, sums still exact.
	#[test]
	fn extreme_shapes_do_not_panic(
		n in 1usize..300,
		target in any::<u16>(),
		stake in prop_oneof![Just(0u128), Just(1u128), Just(u128::MAX)],
		validators in 0u16..300,
	) {
		let neurons: Vec<NeuronInput> =
			(0..n).map(|_| NeuronInput { stake, last_update: 5, registered_at: 0 }).collect();
		let target = target % (n as u16);
		let rows: Vec<WeightRow> = (0..n as u16)
			.map(|v| WeightRow { validator: v, set_at: 1, entries: vec![(target, u64::MAX)] })
			.collect();
		let out = epoch(&neurons, &rows, &[], &params(5, validators));
		prop_assert!(sum(&out.incentive) == ONE || sum(&out.incentive) == 0);
		prop_assert!(sum(&out.dividends) == ONE || sum(&out.dividends) == 0);
		if stake > 0 && validators > 1 && n > 1 {
			// Everyone but the target itself agrees on it: it takes all the incentive.
			prop_assert_eq!(out.incentive[target as usize], ONE);
		}
	}
}

/// Consensus depended on uid labels: with six validators of exactly equal stake, shares
/// rounded per uid are 1/6 give or take one billionth by position, so whether three of them
/// reach κ = 1/2 depended on which uids they held. Validators {0, 1, 3} (shares 166,666,666 +
/// 166,666,667 + 166,666,666 = 499,999,999) fell short and their miner got nothing, while
/// {2, 4, 5} reached it and their miner took all the incentive; labelled {0, 1, 2} / {3, 4, 5}
/// both halves reached it. Compared exactly, each half of the stake reaches κ under any labels,
/// and the two miners share equally.
#[test]
fn relabelling_validators_cannot_move_incentive() {
	let neurons: Vec<NeuronInput> = (0..8)
		.map(|i| NeuronInput {
			stake: if i < 6 { 1_000 } else { 0 },
			last_update: 10,
			registered_at: 0,
		})
		.collect();
	let rows_for = |first_miner: [u16; 3]| -> Vec<WeightRow> {
		(0..6u16)
			.map(|v| WeightRow {
				validator: v,
				set_at: 5,
				entries: vec![(if first_miner.contains(&v) { 6 } else { 7 }, ONE)],
			})
			.collect()
	};
	for labels in [[0, 1, 3], [0, 1, 2], [2, 4, 5], [1, 3, 5]] {
		let out = epoch(&neurons, &rows_for(labels), &[], &params(10, 64));
		assert_eq!((out.consensus[6], out.consensus[7]), (ONE, ONE), "labels {labels:?}");
		assert_eq!((out.incentive[6], out.incentive[7]), (ONE / 2, ONE / 2), "labels {labels:?}");
	}
}

/// An epoch input whose results must not depend on uid labels: equal and near-equal stakes,
/// rows already normalized (so renormalizing them is exact), random old bonds, every neuron
/// eligible for a permit.
fn label_free_input(
) -> impl Strategy<Value = (Vec<NeuronInput>, Vec<WeightRow>, Vec<BondRow>, EpochParams)> {
	(2usize..10)
		.prop_flat_map(|n| {
			let stake = prop_oneof![Just(0u128), Just(1_000u128), Just(1_001u128), Just(999u128)];
			let neurons = prop::collection::vec(
				(stake, prop_oneof![Just(10u32), Just(0u32)]).prop_map(|(stake, last_update)| {
					NeuronInput { stake, last_update, registered_at: 0 }
				}),
				n,
			);
			let targets = prop::collection::btree_map(0..n as u16, 1u64..1_000, 1..n);
			let rows = prop::collection::btree_map(0..n as u16, targets, 0..n).prop_map(|m| {
				m.into_iter()
					.map(|(v, targets)| {
						let kept: Vec<(u16, u64)> =
							targets.into_iter().filter(|(j, _)| *j != v).collect();
						let values: Vec<u128> = kept.iter().map(|(_, w)| u128::from(*w)).collect();
						let entries = kept
							.iter()
							.zip(normalize(&values))
							.map(|((j, _), w)| (*j, w))
							.collect();
						WeightRow { validator: v, set_at: 5, entries }
					})
					.collect::<Vec<_>>()
			});
			let bond_row =
				(0..n as u16, prop::collection::btree_map(0..n as u16, 1u64..=ONE, 0..n)).prop_map(
					|(validator, m)| BondRow { validator, entries: m.into_iter().collect() },
				);
			let bonds = prop::collection::btree_map(0..n as u16, bond_row, 0..n).prop_map(|m| {
				m.into_iter()
					.map(|(v, mut b)| {
						b.validator = v;
						b
					})
					.collect::<Vec<_>>()
			});
			let kappa = prop_oneof![Just(ONE / 2), Just(ONE / 3), 1u64..=ONE];
			(neurons, rows, bonds, kappa, any::<bool>(), Just(n))
		})
		.prop_map(|(neurons, rows, bonds, kappa, liquid, n)| {
			let mut p = params(10, n as u16);
			p.kappa = kappa;
			p.last_epoch = 3;
			p.activity_cutoff = 5;
			p.liquid_alpha = liquid.then_some((ONE / 20, ONE * 3 / 10));
			(neurons, rows, bonds, p)
		})
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	/// Relabelling uids permutes the results: permits, consensus, trust and bonds exactly; the
	/// normalized vectors (stake, incentive, dividends) to within the rounding of their last
	/// units, never by the shares a consensus tie would move.
	#[test]
	fn uid_labels_do_not_matter(
		(neurons, rows, bonds, p) in label_free_input(),
		seed in any::<u64>(),
	) {
		let n = neurons.len();
		let mut perm: Vec<u16> = (0..n as u16).collect();
		let mut state = seed | 1;
		for k in (1..n).rev() {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			perm.swap(k, (state % (k as u64 + 1)) as usize);
		}
		let to = |uid: u16| perm[uid as usize];
		let mut relabelled = neurons.clone();
		for (i, x) in neurons.iter().enumerate() {
			relabelled[to(i as u16) as usize] = x.clone();
		}
		let map_rows: Vec<WeightRow> = rows
			.iter()
			.map(|r| WeightRow {
				validator: to(r.validator),
				set_at: r.set_at,
				entries: r.entries.iter().map(|(j, w)| (to(*j), *w)).collect(),
			})
			.collect();
		let map_bonds: Vec<BondRow> = bonds
			.iter()
			.map(|b| BondRow {
				validator: to(b.validator),
				entries: b.entries.iter().map(|(j, v)| (to(*j), *v)).collect(),
			})
			.collect();
		let a = epoch(&neurons, &rows, &bonds, &p);
		let b = epoch(&relabelled, &map_rows, &map_bonds, &p);
		for i in 0..n {
			let j = to(i as u16) as usize;
			prop_assert_eq!(a.permits[i], b.permits[j]);
			prop_assert_eq!(a.consensus[i], b.consensus[j]);
			prop_assert_eq!(a.validator_trust[i], b.validator_trust[j]);
			prop_assert!(a.stake[i].abs_diff(b.stake[j]) <= 1);
			prop_assert!(a.incentive[i].abs_diff(b.incentive[j]) <= 1);
			// Dividends are Σ_j B̂_ij·I_j scaled by the validator's stake: with each of the n
			// incentives and the stake allowed a unit of relabelling rounding above, they may
			// differ by a unit per term (a fixed 4 failed at n = 9 by 5 units).
			prop_assert!(
				a.dividends[i].abs_diff(b.dividends[j]) <= n as u64 + 1,
				"{} vs {}",
				a.dividends[i],
				b.dividends[j]
			);
		}
		let mut a_bonds: Vec<(u16, u16, u64)> = a
			.bonds
			.iter()
			.flat_map(|r| r.entries.iter().map(move |(j, v)| (to(r.validator), to(*j), *v)))
			.collect();
		let mut b_bonds: Vec<(u16, u16, u64)> =
			b.bonds.iter().flat_map(|r| r.entries.iter().map(move |(j, v)| (r.validator, *j, *v))).collect();
		a_bonds.sort_unstable();
		b_bonds.sort_unstable();
		prop_assert_eq!(a_bonds, b_bonds);
	}
}
