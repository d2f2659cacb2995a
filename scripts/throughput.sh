#!/usr/bin/env bash
# Measures hot-path throughput on a real dev node (tests/e2e/bench/throughput.mjs): one sender
# floods N signed `balances.transferKeepAlive` calls, then N `credits.spend` calls, and the most
# each block includes is compared. THROUGHPUT_CALLS sets N (default 3,000).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
"$ROOT/scripts/setup.sh" rust e2e
(cd "$ROOT" && cargo build --release --locked -p tandem-node)
cd "$ROOT/tests/e2e" && node bench/throughput.mjs
