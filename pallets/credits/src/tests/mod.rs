//! Unit tests. Every test runs inside `build_and_execute`, which checks the pallet's
//! invariants (`do_try_state`) afterwards.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod attacks;
mod calls;
mod distribute;
mod extension;
mod paid;
mod sequences;
