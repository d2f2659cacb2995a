//! Builds the runtime's wasm blob (`WASM_BINARY`) with `substrate-wasm-builder`.

#[cfg(all(feature = "std", feature = "metadata-hash", not(feature = "rehearsal")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("TDM", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash"), not(feature = "rehearsal")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm build itself (`std` off) needs no build script work, and `runtime/rehearsal` builds
/// its own wasm (into its own output directory, never over this one's).
#[cfg(any(not(feature = "std"), feature = "rehearsal"))]
fn main() {}
