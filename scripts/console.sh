#!/usr/bin/env bash
# Builds the Tandem console (console/, a static web app) and serves it on
# http://127.0.0.1:${CONSOLE_PORT:-8080}. It connects to the node at ws://127.0.0.1:9944
# (scripts/dev.sh), or to another given in the page's address: ?rpc=ws://host:port.
#   scripts/console.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${CONSOLE_PORT:-8080}"
"$ROOT/scripts/setup.sh" console
cd "$ROOT/console"
npx vite build --logLevel warn
echo
echo "Tandem console: http://127.0.0.1:$PORT/  (node ws://127.0.0.1:9944; another: ?rpc=ws://host:port)"
echo
exec npx vite preview --port "$PORT" --strictPort --logLevel warn
