//! Worked examples with hand-checked numbers (derivations in `docs/yuma.md`).

use crate::epoch::*;

/// `num / den` of `ONE`, for expected values.
fn frac(num: u128, den: u128) -> u64 {
	(num * ONE as u128 / den) as u64
}

fn close(actual: u64, expected: u64) {
	assert!(actual.abs_diff(expected) <= 2, "{actual} is not {expected} ± 2");
}

fn neuron(stake: u128) -> NeuronInput {
	NeuronInput { stake, last_update: 10, registered_at: 0 }
}

fn row(validator: u16, entries: &[(u16, u64)]) -> WeightRow {
	WeightRow { validator, set_at: 5, entries: entries.to_vec() }
}

fn params() -> EpochParams {
	EpochParams {
		now: 10,
		last_epoch: 5,
		activity_cutoff: 1_000,
		max_validators: 64,
		validator_stake_threshold: 0,
		kappa: ONE / 2,
		bonds_alpha: ONE / 10,
		liquid_alpha: None,
	}
}

/// Honest validators (40 % and 30 % of the stake) weight miners 3 and 4 as 0.8 / 0.2; a
/// colluding validator (30 %) puts everything on its own miner 4. Consensus on miner 4 is the
/// stake-weighted median 0.2, so the colluder's 1.0 is clipped to 0.2:
///
/// * `R₃ = 0.4·0.8 + 0.3·0.8 = 0.56`, `R₄ = (0.4 + 0.3 + 0.3)·0.2 = 0.2`, so
///   `I = (14/19, 5/19)` — without clipping miner 4 would get `0.44 / 1.0 = 44 %`, not 26 %;
/// * the colluder's validator trust is 0.2, the honest ones' 1.0;
/// * first-epoch bonds are `0.1·W̄`; per column they normalize to `B̂₃ = (½, ½, 0)`,
///   `B̂₄ = (⅓, ⅓, ⅓)`, so `Σⱼ B̂ᵢⱼ Iⱼ = (26/57, 26/57, 5/57)` and
///   `D ∝ (0.4·26, 0.3·26, 0.3·5) = (104, 78, 15) / 197`.
#[test]
fn colluding_minority_is_clipped_to_consensus() {
	let neurons = [neuron(40), neuron(30), neuron(30), neuron(0), neuron(0)];
	let rows = [row(0, &[(3, 8), (4, 2)]), row(1, &[(3, 8), (4, 2)]), row(2, &[(4, 1)])];
	let out = epoch(&neurons, &rows, &[], &EpochParams { last_epoch: 0, ..params() });
	assert_eq!(out.consensus[3], frac(8, 10));
	assert_eq!(out.consensus[4], frac(2, 10));
	assert_eq!(out.validator_trust[..3], [ONE, ONE, frac(2, 10)]);
	close(out.incentive[3], frac(14, 19));
	close(out.incentive[4], frac(5, 19));
	close(out.dividends[0], frac(104, 197));
	close(out.dividends[1], frac(78, 197));
	close(out.dividends[2], frac(15, 197));
	assert_eq!(out.incentive[..3], [0, 0, 0]);
	assert_eq!(out.dividends[3..], [0, 0]);
}

/// Two validators with equal stake and, in the end, identical weights. Validator 0 weights
/// miner 2 from the first epoch; validator 1 copies that only in epoch 6. With α = 0.1 the
/// early bond after six epochs is `1 − 0.9⁶ = 0.468559`, the copier's `0.1`, so the copier
/// gets `0.1 / 0.568559 ≈ 17.6 %` of the dividends instead of half.
#[test]
fn late_copier_earns_less_than_early_bonder() {
	let neurons = [neuron(50), neuron(50), neuron(0)];
	let mut bonds: Vec<BondRow> = Vec::new();
	let mut out = EpochOutput::default();
	for epoch_no in 1..=6u32 {
		let mut rows = vec![row(0, &[(2, 1)])];
		if epoch_no == 6 {
			rows.push(row(1, &[(2, 1)]));
		}
		out = epoch(&neurons, &rows, &bonds, &params());
		bonds = out.bonds.clone();
		// Validator 0 alone holds half the stake: enough for consensus on its own.
		assert_eq!(out.incentive[2], ONE);
	}
	assert_eq!(bonds[0].entries, vec![(2, 468_559_000)]);
	assert_eq!(bonds[1].entries, vec![(2, 100_000_000)]);
	close(out.dividends[0], frac(468_559, 568_559));
	close(out.dividends[1], frac(100_000, 568_559));
	assert!(out.dividends[1] < out.dividends[0] / 4);
}

/// Dividends follow bonds, not only stake: validator 0 has 60 % of the stake but bonds of
/// 0.2 on the only miner, validator 1 has 40 % and bonds of 0.8. Both weight the miner fully
/// now, so bonds become 0.28 and 0.82 and `D ∝ (0.6·0.28, 0.4·0.82) = (0.168, 0.328)`:
/// validator 1 earns `0.328 / 0.496 = 41/62 ≈ 66 %`.
#[test]
fn dividends_follow_bonds() {
	let neurons = [neuron(60), neuron(40), neuron(0)];
	let rows = [row(0, &[(2, 1)]), row(1, &[(2, 1)])];
	let bonds = [
		BondRow { validator: 0, entries: vec![(2, frac(2, 10))] },
		BondRow { validator: 1, entries: vec![(2, frac(8, 10))] },
	];
	let out = epoch(&neurons, &rows, &bonds, &params());
	assert_eq!(out.bonds[0].entries, vec![(2, frac(28, 100))]);
	assert_eq!(out.bonds[1].entries, vec![(2, frac(82, 100))]);
	close(out.dividends[0], frac(21, 62));
	close(out.dividends[1], frac(41, 62));
}

/// With no consensus at all (a 30 % validator alone weights a miner), miners get nothing and
/// dividends follow stake.
#[test]
fn no_consensus_means_no_incentive_and_dividends_by_stake() {
	let neurons = [neuron(70), neuron(30), neuron(0)];
	let out = epoch(&neurons, &[row(1, &[(2, 1)])], &[], &params());
	assert_eq!(out.incentive, vec![0, 0, 0]);
	assert_eq!(out.dividends, vec![frac(7, 10), frac(3, 10), 0]);
	assert_eq!(out.consensus[2], 0);
}

/// Bonds to a uid registered since the last epoch belonged to its previous holder: dropped.
/// A validator silent past the activity cutoff counts with zero stake.
#[test]
fn stale_bonds_and_inactive_validators() {
	let mut neurons = [neuron(50), neuron(50), neuron(0)];
	neurons[2].registered_at = 7; // after last_epoch = 5
	neurons[1].last_update = 0;
	let bonds = [BondRow { validator: 0, entries: vec![(2, ONE)] }];
	let p = EpochParams { activity_cutoff: 5, ..params() };
	let out = epoch(
		&neurons,
		&[WeightRow { validator: 0, set_at: 8, entries: vec![(2, 1)] }],
		&bonds,
		&p,
	);
	assert_eq!(out.stake, vec![ONE, 0, 0]);
	// The old bond of 1.0 is gone: the new one is α·1.0.
	assert_eq!(out.bonds[0].entries, vec![(2, frac(1, 10))]);
	assert_eq!(out.incentive[2], ONE);
	assert_eq!(out.dividends, vec![ONE, 0, 0]);
}

/// Liquid alpha: a weight equal to consensus bonds at α_high, one far from it at α_low.
#[test]
fn liquid_alpha_bonds_faster_near_consensus() {
	let neurons = [neuron(60), neuron(40), neuron(0), neuron(0)];
	// Consensus on miner 2 is 1.0 (validator 0 alone has 60 %); validator 1 puts 0.5 there.
	let rows = [row(0, &[(2, 1)]), row(1, &[(2, 1), (3, 1)])];
	let p = EpochParams { liquid_alpha: Some((frac(1, 10), frac(3, 10))), ..params() };
	let out = epoch(&neurons, &rows, &[], &p);
	assert_eq!(out.consensus[2], ONE);
	// Validator 0: distance 0 → α = 0.3, bond 0.3·1.0.
	assert_eq!(out.bonds[0].entries, vec![(2, frac(3, 10))]);
	// Validator 1: distance 0.5 → α = 0.3 − 0.2·0.5 = 0.2, bond 0.2·0.5 = 0.1.
	assert_eq!(out.bonds[1].entries[0], (2, frac(1, 10)));
}
