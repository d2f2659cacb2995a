//! Unit tests: pool properties, calls with their bad input, attacks, emission and epochs.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod attacks;
mod calls;
mod economy_attacks;
mod emission;
mod epoch;
mod flash_stake;
mod lifecycle;
mod pool_props;
