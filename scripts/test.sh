#!/usr/bin/env bash
# Runs every test: set-up, rustfmt, docs/benchmarks.md against the weight files, clippy (the
# workspace lints, denied), the node build, the workspace's Rust tests (unit, runtime,
# property), every pallet's benchmark test suite, the upgrade rehearsal's runtime, the console's
# build, then the end-to-end suite against real nodes (the console's browser test among them).
# Exits non-zero on any failure; prints each step's time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

times=()
current=""
started=0
step() {
	finish
	current="$*"
	started=$SECONDS
	printf '\n\033[1;32m==> %s\033[0m\n' "$current"
}
finish() {
	if [ -n "$current" ]; then
		local s=$((SECONDS - started))
		times+=("$(printf '%4dm%02ds  %s' $((s / 60)) $((s % 60)) "$current")")
	fi
	current=""
}

step "setup"
scripts/setup.sh rust e2e console

step "cargo fmt --check"
cargo fmt --all -- --check

# docs/benchmarks.md is generated from the weight files; a weight changed without it fails here.
step "docs/benchmarks.md matches the weights (scripts/bench-docs.py --check)"
python3 scripts/bench-docs.py --check

# Checks only (no codegen), in the dev profile, without the wasm runtime: a second wasm build
# would cost minutes and the lints are the same.
step "cargo clippy (workspace, all targets, -D warnings)"
SKIP_WASM_BUILD=1 cargo clippy --workspace --all-targets --locked -- -D warnings
# The runtime's optional code (benchmark set-up, try-runtime hooks) is compiled by no other step.
step "cargo clippy (runtime with runtime-benchmarks and try-runtime)"
SKIP_WASM_BUILD=1 cargo clippy -p tandem-runtime --all-targets --locked \
	--features runtime-benchmarks,try-runtime -- -D warnings

# Release profile from here on: the node must be a release build for the e2e suite, and the
# tests in the same profile reuse its compiled dependencies.
step "build tandem-node"
cargo build --release --locked -p tandem-node

step "cargo test (workspace)"
cargo test --release --locked --workspace

# Every pallet's benchmarks run as tests (`impl_benchmark_test_suite!`) against its mock, so
# they cannot rot. Natively only: no wasm runtime is built with benchmarks.
bench_pallets=()
for manifest in pallets/*/Cargo.toml; do
	if grep -q '^runtime-benchmarks' "$manifest"; then
		bench_pallets+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)")
	fi
done
if ((${#bench_pallets[@]})); then
	step "benchmark test suites: ${bench_pallets[*]}"
	cargo test --release --locked "${bench_pallets[@]}" --features runtime-benchmarks --lib
fi

# The code the upgrade rehearsal installs (`upgrade.test.mjs`): the runtime one spec_version
# ahead, built from the same sources by its own small workspace into its own wasm output. A
# check is enough: its build script builds the wasm, and nothing native is needed.
step "upgrade rehearsal runtime (runtime/rehearsal, spec_version + 1)"
WASM_BUILD_WORKSPACE_HINT="$ROOT/runtime/rehearsal" \
	cargo check --release --locked --manifest-path runtime/rehearsal/Cargo.toml

# The console's unit conversions, then its static build, which the browser test
# (console.test.mjs) loads.
step "console: unit tests and build"
(cd console && npm test && npx vite build --logLevel warn)

step "end-to-end (tests/e2e, files in parallel)"
(cd tests/e2e && npm test)
finish

printf '\n\033[1;32m==> all tests passed\033[0m (total %dm%02ds)\n' $((SECONDS / 60)) $((SECONDS % 60))
printf '%s\n' "${times[@]}"
