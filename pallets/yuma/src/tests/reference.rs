//! A straightforward dense implementation of the epoch, written only to check the sparse one:
//! full `n × n` matrices, consensus by trying every candidate weight, permits by counting
//! who ranks above whom. Same formulas, same rounding rules, different algorithms.

use crate::epoch::{BondRow, EpochOutput, EpochParams, NeuronInput, WeightRow, ONE};

/// Cumulative-rounding split of `ONE` (written out again, independently of `normalize`).
fn split(values: &[u128]) -> Vec<u64> {
	let max = values.iter().copied().max().unwrap_or(0);
	let bits = 128 - max.leading_zeros();
	let shift = bits.saturating_sub(82);
	let v: Vec<u128> = values.iter().map(|x| x >> shift).collect();
	let total: u128 = v.iter().sum();
	if total == 0 {
		return vec![0; values.len()];
	}
	let mut out = Vec::new();
	let mut acc = 0u128;
	for x in &v {
		let before = acc * ONE as u128 / total;
		acc += x;
		let after = acc * ONE as u128 / total;
		out.push((after - before) as u64);
	}
	out
}

fn mul(a: u64, b: u64) -> u64 {
	(a as u128 * b as u128 / ONE as u128) as u64
}

pub fn dense_epoch(
	neurons: &[NeuronInput],
	weights: &[WeightRow],
	bonds: &[BondRow],
	p: &EpochParams,
) -> EpochOutput {
	let n = neurons.len();
	let kappa = p.kappa.clamp(1, ONE);
	// Permits: rank = number of eligible neurons strictly ahead.
	let eligible =
		|i: usize| neurons[i].stake > 0 && neurons[i].stake >= p.validator_stake_threshold;
	let permits: Vec<bool> = (0..n)
		.map(|i| {
			eligible(i) && {
				let ahead = (0..n)
					.filter(|&k| {
						eligible(k)
							&& (neurons[k].stake > neurons[i].stake
								|| (neurons[k].stake == neurons[i].stake && k < i))
					})
					.count();
				ahead < p.max_validators as usize
			}
		})
		.collect();
	let active: Vec<u128> = (0..n)
		.map(|i| {
			let on = neurons[i].last_update as u64 + p.activity_cutoff as u64 >= p.now as u64;
			if permits[i] && on {
				neurons[i].stake
			} else {
				0
			}
		})
		.collect();
	let s = split(&active);
	// Unrounded stakes for consensus and incentive, scaled to 82 bits like the sparse epoch.
	let top = active.iter().copied().max().unwrap_or(0);
	let shift = (128 - top.leading_zeros()).saturating_sub(82);
	let raw_s: Vec<u128> = active.iter().map(|x| x >> shift).collect();
	let total: u128 = raw_s.iter().sum();

	// Raw dense weights: sum duplicates, earliest set_at per validator.
	let mut raw = vec![vec![0u64; n]; n];
	let mut set_at: Vec<Option<u32>> = vec![None; n];
	for row in weights {
		let i = row.validator as usize;
		if i >= n || !permits[i] {
			continue;
		}
		set_at[i] = Some(set_at[i].map_or(row.set_at, |x| x.min(row.set_at)));
		for (j, w) in &row.entries {
			if (*j as usize) < n {
				raw[i][*j as usize] = raw[i][*j as usize].saturating_add(*w);
			}
		}
	}
	let mut w = vec![vec![0u64; n]; n];
	for i in 0..n {
		let Some(at) = set_at[i] else { continue };
		let masked: Vec<u128> = (0..n)
			.map(|j| if j != i && at > neurons[j].registered_at { raw[i][j] as u128 } else { 0 })
			.collect();
		w[i] = split(&masked);
	}
	let weights_used = w.iter().flatten().filter(|x| **x > 0).count() as u32;

	// Consensus: the largest candidate value whose support reaches kappa.
	let consensus: Vec<u64> = (0..n)
		.map(|j| {
			let mut best = 0u64;
			for i in 0..n {
				let cand = w[i][j];
				let support: u128 = (0..n).filter(|&k| w[k][j] >= cand).map(|k| raw_s[k]).sum();
				if total > 0 && support * ONE as u128 >= kappa as u128 * total && cand > best {
					best = cand;
				}
			}
			best
		})
		.collect();
	let clipped: Vec<Vec<u64>> =
		(0..n).map(|i| (0..n).map(|j| w[i][j].min(consensus[j])).collect()).collect();
	let trust: Vec<u64> = (0..n).map(|i| clipped[i].iter().sum::<u64>().min(ONE)).collect();
	let ranks: Vec<u128> =
		(0..n).map(|j| (0..n).map(|i| raw_s[i] * clipped[i][j] as u128).sum()).collect();
	let incentive = split(&ranks);
	let any = incentive.iter().any(|x| *x > 0);

	// Bonds.
	let mut old = vec![vec![0u64; n]; n];
	for row in bonds {
		let i = row.validator as usize;
		if i >= n {
			continue;
		}
		for (j, b) in &row.entries {
			let j = *j as usize;
			if j < n && neurons[j].registered_at < p.last_epoch {
				old[i][j] = old[i][j].saturating_add(*b);
			}
		}
	}
	let mut b = vec![vec![0u64; n]; n];
	for i in 0..n {
		if !permits[i] {
			continue;
		}
		for j in 0..n {
			let alpha = match p.liquid_alpha {
				None => p.bonds_alpha.min(ONE),
				Some((lo, hi)) => {
					let (lo, hi) = (lo.min(ONE), hi.min(ONE));
					let (lo, hi) = (lo.min(hi), lo.max(hi));
					hi - mul(hi - lo, w[i][j].abs_diff(consensus[j]).min(ONE))
				}
			};
			b[i][j] = (mul(ONE - alpha, old[i][j].min(ONE)) + mul(alpha, clipped[i][j])).min(ONE);
		}
	}
	let dividends = if any {
		let col: Vec<u128> = (0..n).map(|j| (0..n).map(|i| b[i][j] as u128).sum()).collect();
		let raw_d: Vec<u128> = (0..n)
			.map(|i| {
				let inner: u128 = (0..n)
					.filter(|&j| col[j] > 0)
					.map(|j| b[i][j] as u128 * incentive[j] as u128 * ONE as u128 / col[j])
					.sum();
				s[i] as u128 * inner
			})
			.collect();
		let d = split(&raw_d);
		if d.iter().any(|x| *x > 0) {
			d
		} else {
			s.clone()
		}
	} else {
		s.clone()
	};
	let bonds: Vec<BondRow> = (0..n)
		.filter(|&i| permits[i])
		.map(|i| BondRow {
			validator: i as u16,
			entries: (0..n).filter(|&j| b[i][j] > 0).map(|j| (j as u16, b[i][j])).collect(),
		})
		.filter(|r| !r.entries.is_empty())
		.collect();
	EpochOutput {
		stake: s,
		permits,
		validator_trust: trust,
		consensus,
		incentive,
		dividends,
		bonds,
		weights_used,
	}
}
