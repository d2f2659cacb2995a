//! Unit tests. Every test that touches storage runs through `build_and_execute`, which checks
//! the pallet's invariants afterwards.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod calls;
mod epoch_math;
mod examples;
mod migrations;
mod reference;
