#!/usr/bin/env bash
# Starts a two-validator local testnet (alice and bob) on loopback, each with its own base path
# and ports. Alice: RPC ws://127.0.0.1:9944, p2p 30333. Bob: RPC ws://127.0.0.1:9945, p2p 30334.
# Ctrl-C stops both. State lives in ${TANDEM_TESTNET_DIR:-/tmp/tandem-local-testnet}; pass
# --purge to start from genesis.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
DIR="${TANDEM_TESTNET_DIR:-/tmp/tandem-local-testnet}"
if [ "${1:-}" = "--purge" ]; then rm -rf "$DIR"; fi
mkdir -p "$DIR"

"$ROOT/scripts/setup.sh" rust
(cd "$ROOT" && cargo build --release --locked -p tandem-node)

# Fixed node keys: bob finds alice by her libp2p peer id (below).
ALICE_KEY=0000000000000000000000000000000000000000000000000000000000000001
ALICE_PEER=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
# Validators on a non-dev chain need a persistent network key; bob's is fixed too.
BOB_KEY=0000000000000000000000000000000000000000000000000000000000000002

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

"$NODE_BIN" --chain local --alice --base-path "$DIR/alice" --port 30333 --rpc-port 9944 \
	--node-key "$ALICE_KEY" --rpc-cors all --no-prometheus --no-mdns >"$DIR/alice.log" 2>&1 &
pids+=($!)
"$NODE_BIN" --chain local --bob --base-path "$DIR/bob" --port 30334 --rpc-port 9945 \
	--node-key "$BOB_KEY" --bootnodes "/ip4/127.0.0.1/tcp/30333/p2p/$ALICE_PEER" --rpc-cors all --no-prometheus --no-mdns \
	>"$DIR/bob.log" 2>&1 &
pids+=($!)

echo "alice: ws://127.0.0.1:9944 (log $DIR/alice.log)"
echo "bob:   ws://127.0.0.1:9945 (log $DIR/bob.log)"
echo "Ctrl-C to stop both."
wait -n "${pids[@]}"
echo "a node exited; stopping the other" >&2
exit 1
