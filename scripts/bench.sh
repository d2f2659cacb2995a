#!/usr/bin/env bash
# Runs the runtime benchmarks of a Tandem pallet and regenerates its `weights.rs`, then
# benchmarks `pallet_balances::transfer_keep_alive` in the same run for comparison (recorded as a
# `REFERENCE` line in the weights file's header), and regenerates docs/benchmarks.md from every
# pallet's weights (scripts/bench-docs.py).
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
# docs/benchmarks.md is written by a Python script (`setup.sh e2e` installs python3).
command -v python3 >/dev/null || "$ROOT/scripts/setup.sh" e2e
(cd "$ROOT" && cargo build --release --locked -p tandem-node --features runtime-benchmarks)

run() {
	"$NODE_BIN" benchmark pallet --chain dev --wasm-execution compiled \
		--pallet "$1" --extrinsic "${2:-*}" --steps "$STEPS" --repeat "$REPEAT" "${@:3}"
}

run "$PALLET" '*' --template "$ROOT/scripts/frame-weight-template.hbs" \
	--output "$CRATE_DIR/src/weights.rs" | tee "$OUT/$PALLET.txt"
# Benchmarks `$1::$2` and records its time (least squares) in the weights file's header, above
# the WORST CASE line, so references stay in the order they were run.
reference() {
	local raw="$OUT/$1.$2.txt" us
	run "$1" "$2" | tee "$raw"
	us="$(awk '/Min Squares Analysis/ { m = 1 } m && /Time ~=/ { print $3; exit }' "$raw")"
	if [[ ! "$us" =~ ^[0-9.]+$ ]]; then
		echo "no time found in $raw" >&2
		exit 1
	fi
	sed -i "/^\/\/! WORST CASE MAP SIZE/i //! REFERENCE: \`$1::$2\` $us µs" "$CRATE_DIR/src/weights.rs"
}
reference pallet_balances transfer_keep_alive
if [[ "$PALLET" == pallet_subnets ]]; then
	# Staking is a swap: compare add_stake with asset-conversion's swap in the same run.
	reference pallet_asset_conversion swap_exact_tokens_for_tokens
fi
python3 "$ROOT/scripts/bench-docs.py"
echo "weights written to $CRATE_DIR/src/weights.rs; raw results in $OUT; docs/benchmarks.md regenerated"
