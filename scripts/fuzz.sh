#!/usr/bin/env bash
# Runs the runtime fuzzer (runtime/src/tests/fuzz.rs) for as long as asked:
#   scripts/fuzz.sh 60m      (or 2h, or seconds: 3600; default 10m)
# Random seeded walks through the real runtime, checking every invariant after every block.
# Prints calls per second and, on a broken invariant, the seed and block that broke it (keep the
# seed in REGRESSION_SEEDS). Starts from a random seed unless TANDEM_FUZZ_SEED_START is set.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
dur="${1:-10m}"
case "$dur" in
*h) secs=$((${dur%h} * 3600)) ;;
*m) secs=$((${dur%m} * 60)) ;;
*) secs="$dur" ;;
esac
cd "$ROOT"
TANDEM_FUZZ_SECONDS="$secs" TANDEM_FUZZ_SEED_START="${TANDEM_FUZZ_SEED_START:-$((RANDOM * 32768 + RANDOM))}" \
	cargo test --release --locked --workspace runtime_fuzz_walk -- --nocapture
