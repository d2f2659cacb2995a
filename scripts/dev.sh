#!/usr/bin/env bash
# Sets up, builds and starts a Tandem development chain on ws://127.0.0.1:9944.
# Extra arguments go to the node, e.g. `scripts/dev.sh --base-path /tmp/tandem` to keep state.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
"$ROOT/scripts/setup.sh" rust
(cd "$ROOT" && cargo build --release --locked -p tandem-node)
echo
echo "Tandem dev chain: ws://127.0.0.1:9944"
echo "polkadot.js apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer"
echo
exec "$NODE_BIN" --dev --rpc-port 9944 --rpc-cors all "$@"
