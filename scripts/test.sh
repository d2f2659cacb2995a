#!/usr/bin/env bash
# Runs every test: set-up, the workspace's Rust tests (unit, runtime, benchmark test suites),
# the node build, then the end-to-end suite against real nodes. Exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh

# Release profile throughout: the node must be a release build for the e2e suite, and tests in
# the same profile reuse its compiled dependencies instead of building everything twice.
step "cargo fmt --check"
cargo fmt --all -- --check

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

step "end-to-end (tests/e2e)"
(cd tests/e2e && npm test)

step "all tests passed"
