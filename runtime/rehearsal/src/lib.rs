//! The Tandem runtime, built from the same sources with `spec_version` one higher: the code an
//! upgrade rehearsal installs on a running chain (`tests/e2e/test/upgrade.test.mjs`,
//! `docs/build.md`). Nothing else differs.

#![cfg_attr(not(feature = "std"), no_std)]

pub use tandem_runtime::*;

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
