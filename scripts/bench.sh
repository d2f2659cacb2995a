#!/usr/bin/env bash
# Runs the runtime benchmarks of a Tandem pallet and regenerates its `weights.rs`, then
# benchmarks `pallet_balances::transfer_keep_alive` in the same run for comparison.
#   scripts/bench.sh [pallet] [steps] [repeat]      (default: pallet_credits 50 20)
# Builds tandem-node with `--features runtime-benchmarks` (a separate, long build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
PALLET="${1:-pallet_credits}"
STEPS="${2:-50}"
REPEAT="${3:-20}"
CRATE_DIR="$ROOT/pallets/$(tr _ - <<<"${PALLET#pallet_}")"
OUT="${BENCH_OUT:-$ROOT/target-bench}"
mkdir -p "$OUT"

"$ROOT/scripts/setup.sh" rust
(cd "$ROOT" && cargo build --release --locked -p tandem-node --features runtime-benchmarks)

run() {
	"$NODE_BIN" benchmark pallet --chain dev --wasm-execution compiled \
		--pallet "$1" --extrinsic "${2:-*}" --steps "$STEPS" --repeat "$REPEAT" "${@:3}"
}

run "$PALLET" '*' --template "$ROOT/scripts/frame-weight-template.hbs" \
	--output "$CRATE_DIR/src/weights.rs" | tee "$OUT/$PALLET.txt"
run pallet_balances transfer_keep_alive | tee "$OUT/pallet_balances.transfer_keep_alive.txt"
if [[ "$PALLET" == pallet_subnets ]]; then
	# Staking is a swap: compare add_stake with asset-conversion's swap in the same run.
	run pallet_asset_conversion swap_exact_tokens_for_tokens \
		| tee "$OUT/pallet_asset_conversion.swap_exact_tokens_for_tokens.txt"
fi
echo "weights written to $CRATE_DIR/src/weights.rs; raw results in $OUT"
