//! Halving emission schedules as pure functions (no storage): GOV emission (`pallet-gov-token`)
//! and each subnet's alpha emission (`pallet-subnets`) follow the same rule.
//!
//! Per block `e = E0 / 2^h` where `h = ⌊log2(1 / (1 − emitted / cap))⌋`: halvings are keyed on
//! cumulative emission, not on block height. Era `h` runs while
//! `cap·(1 − 2^-h) ≤ emitted < cap·(1 − 2^-(h+1))`, so every era emits half of what is left,
//! takes `cap / (2·E0)` blocks, and total emission approaches — never passes — the cap.

use crate::Balance;

/// The number of halvings `h` so far: the largest `h` with `remaining · 2^h ≤ cap`, where
/// `remaining = cap − emitted`. `None` once the cap is reached.
pub fn halvings(emitted: Balance, cap: Balance) -> Option<u32> {
	let remaining = cap.checked_sub(emitted).filter(|r| *r > 0)?;
	let mut h: u32 = 0;
	// `remaining · 2^(h+1) ≤ cap` ⇔ another halving has happened. At most 127 rounds.
	while h < 127 {
		let next = h.saturating_add(1);
		let doubled = 1u128.checked_shl(next).and_then(|p| remaining.checked_mul(p));
		match doubled {
			Some(d) if d <= cap => h = next,
			_ => break,
		}
	}
	Some(h)
}

/// GOV to emit in the next block after `emitted` has been emitted: `E0 / 2^h`, never more than
/// what is left under the cap.
pub fn block_emission(emitted: Balance, cap: Balance, e0: Balance) -> Balance {
	match halvings(emitted, cap) {
		None => 0,
		Some(h) => e0.checked_shr(h).unwrap_or(0).min(cap.saturating_sub(emitted)),
	}
}

/// GOV emitted over `blocks` blocks starting from `emitted`, jumping whole stretches at a
/// constant rate (exactly what `blocks` calls of [`block_emission`] would add up to).
pub fn emission_over(mut emitted: Balance, mut blocks: u64, cap: Balance, e0: Balance) -> Balance {
	let start = emitted;
	while blocks > 0 {
		let rate = block_emission(emitted, cap, e0);
		if rate == 0 {
			break;
		}
		// Blocks until the rate could change: until `emitted` reaches the next era's start.
		let h = halvings(emitted, cap).unwrap_or(0);
		let era_end = cap.saturating_sub(cap.checked_shr(h.saturating_add(1)).unwrap_or(0));
		let to_boundary = era_end.saturating_sub(emitted);
		// Blocks at this rate that stay strictly inside the era, at least one.
		let steady = to_boundary.saturating_sub(1).checked_div(rate).unwrap_or(0);
		let steady = u64::try_from(steady).unwrap_or(u64::MAX).max(1);
		let n = steady.min(blocks);
		emitted = emitted.saturating_add(rate.saturating_mul(Balance::from(n))).min(cap);
		blocks = blocks.saturating_sub(n);
	}
	emitted.saturating_sub(start)
}
