# Sourced by the scripts: the shared build cache and build parallelism.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem/target}"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
NODE_BIN="$CARGO_TARGET_DIR/release/tandem-node"
export TANDEM_NODE="${TANDEM_NODE:-$NODE_BIN}"
