#!/usr/bin/env bash
# Starts a local testnet of N validators (default 2, at most 6: alice, bob, charlie, dave, eve,
# ferdie) on loopback, each with its own base path and ports: validator i (from 0) serves RPC on
# ws://127.0.0.1:$((9944 + i)) and p2p on 30333 + i; all find alice by her fixed peer id.
# Ctrl-C stops them all. State lives in ${TANDEM_TESTNET_DIR:-/tmp/tandem-local-testnet}; pass
# --purge to start from genesis. --fast runs the `local-N-fast` preset: 1-second blocks, fast
# governance tracks and 10-block sessions (a validator-set referendum takes about a minute).
#   scripts/local-testnet.sh [N] [--fast] [--purge]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
DIR="${TANDEM_TESTNET_DIR:-/tmp/tandem-local-testnet}"
N=2
FAST=
for arg in "$@"; do
	case "$arg" in
	--purge) rm -rf "$DIR" ;;
	--fast) FAST=-fast ;;
	[1-6]) N="$arg" ;;
	*)
		echo "usage: scripts/local-testnet.sh [N (1-6)] [--fast] [--purge]" >&2
		exit 2
		;;
	esac
done
mkdir -p "$DIR"

"$ROOT/scripts/setup.sh" rust
(cd "$ROOT" && cargo build --release --locked -p tandem-node)

# `local` is the two-validator preset; other sizes are `local-N` (the same genesis, N dev
# authorities), `local-N-fast` the fast form. Each keeps its own state directory.
CHAIN=local
[ "$N" -eq 2 ] && [ -z "$FAST" ] || CHAIN="local-$N$FAST"
NAMES=(alice bob charlie dave eve ferdie)
# Fixed node keys (validators on a non-dev chain need a persistent one): validator i's is i + 1.
# Alice's key 0x…01 gives her this peer id, which the others boot from.
ALICE_PEER=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

for ((i = 0; i < N; i++)); do
	name="${NAMES[$i]}"
	boot=()
	((i == 0)) || boot=(--bootnodes "/ip4/127.0.0.1/tcp/30333/p2p/$ALICE_PEER")
	"$NODE_BIN" --chain "$CHAIN" "--$name" --base-path "$DIR/$CHAIN/$name" \
		--port $((30333 + i)) --rpc-port $((9944 + i)) --node-key "$(printf '%064x' $((i + 1)))" \
		"${boot[@]}" --rpc-cors all --no-prometheus --no-mdns >"$DIR/$name.log" 2>&1 &
	pids+=($!)
	echo "$name: ws://127.0.0.1:$((9944 + i)) (log $DIR/$name.log)"
done
echo "Ctrl-C to stop all $N."
wait -n "${pids[@]}"
echo "a node exited; stopping the others" >&2
exit 1
