#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks, in parts, each idempotent and fast when everything
# is already there:
#   scripts/setup.sh rust   the wasm target, rust-src, clippy/rustfmt, protoc and clang (builds)
#   scripts/setup.sh e2e    the end-to-end suite's npm packages (tests/e2e), its Python client
#                           (tests/e2e/python/.venv) and Chromium for the console's browser test
#   scripts/setup.sh console the console's npm packages (console/)
# With no argument, all three. dev.sh runs the rust part only, console.sh the console part;
# test.sh and CI run all three.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# Installs Debian packages (as root, or through sudo).
apt_install() {
	log "installing $*"
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

setup_rust() {
	if ! command -v rustup >/dev/null; then
		echo "rustup is required (https://rustup.rs)" >&2
		exit 1
	fi
	# The runtime's wasm build needs the target and rust-src; test.sh needs clippy and rustfmt.
	if ! rustup target list --installed | grep -qx wasm32v1-none; then
		log "adding rust target wasm32v1-none"
		rustup target add wasm32v1-none
	fi
	local installed
	installed="$(rustup component list --installed)"
	for c in rust-src clippy rustfmt; do
		if ! grep -q "^$c" <<<"$installed"; then
			log "adding rust component $c"
			rustup component add "$c"
		fi
	done
	# Debian packages: protoc (libp2p), clang (C dependencies).
	local missing=()
	command -v protoc >/dev/null || missing+=(protobuf-compiler)
	command -v clang >/dev/null || missing+=(clang)
	if ((${#missing[@]})); then
		apt_install "${missing[@]}"
	fi
	log "rust ready"
}

# `npm ci` in `$ROOT/$1`, only when its node_modules is missing or older than the lockfile;
# `$2` says what needs it.
npm_ci() {
	if ! command -v npm >/dev/null; then
		echo "Node.js (>= 20.19) and npm are required for $2" >&2
		exit 1
	fi
	local dir="$ROOT/$1"
	if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		log "npm ci ($1)"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

setup_e2e() {
	npm_ci tests/e2e "the end-to-end tests"
	local e2e="$ROOT/tests/e2e"
	# The Python client (`async-substrate-interface`) in a venv of its own, reinstalled only
	# when requirements.txt is newer than the venv's stamp.
	local py="$e2e/python"
	if ! command -v python3 >/dev/null || ! python3 -c "import venv, ensurepip" 2>/dev/null; then
		apt_install python3 python3-venv
	fi
	if [ ! -f "$py/.venv/.installed" ] || [ "$py/requirements.txt" -nt "$py/.venv/.installed" ]; then
		log "pip install (tests/e2e/python)"
		python3 -m venv "$py/.venv"
		"$py/.venv/bin/pip" install -q --disable-pip-version-check -r "$py/requirements.txt"
		touch "$py/.venv/.installed"
	fi
	# Headless Chromium for the console's browser test (console.test.mjs, puppeteer-core).
	if ! command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null; then
		apt_install chromium
	fi
	log "e2e ready"
}

setup_console() {
	npm_ci console "the console"
	log "console ready"
}

parts=("$@")
((${#parts[@]})) || parts=(rust e2e console)
for part in "${parts[@]}"; do
	case "$part" in
	rust) setup_rust ;;
	e2e) setup_e2e ;;
	console) setup_console ;;
	*)
		echo "unknown set-up part: $part (rust, e2e, console)" >&2
		exit 2
		;;
	esac
done
