#!/usr/bin/env bash
# Installs what a build and the tests need on a fresh Debian machine. Idempotent, and fast when
# everything is already there. Used by dev.sh, test.sh and CI.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# --- Rust: wasm target and rust-src for the runtime's wasm build ---
if ! command -v rustup >/dev/null; then
	echo "rustup is required (https://rustup.rs)" >&2
	exit 1
fi
if ! rustup target list --installed | grep -qx wasm32v1-none; then
	log "adding rust target wasm32v1-none"
	rustup target add wasm32v1-none
fi
if ! rustup component list --installed | grep -q '^rust-src'; then
	log "adding rust component rust-src"
	rustup component add rust-src
fi

# --- Debian packages: protoc (libp2p), clang (C deps) ---
missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v clang >/dev/null || missing+=(clang)
if ((${#missing[@]})); then
	log "installing ${missing[*]}"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Node.js packages of the end-to-end suite ---
if ! command -v npm >/dev/null; then
	echo "Node.js (>= 20) and npm are required for the end-to-end tests" >&2
	exit 1
fi
E2E="$ROOT/tests/e2e"
# `npm ci` only when node_modules is missing or older than the lockfile.
if [ ! -d "$E2E/node_modules" ] || [ "$E2E/package-lock.json" -nt "$E2E/node_modules/.package-lock.json" ]; then
	log "npm ci (tests/e2e)"
	(cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "ready"
