//! The Tandem node.
// Node code (not runtime code): the arithmetic lint guards on-chain state, not CLI plumbing.
#![allow(clippy::arithmetic_side_effects)]
// The SDK's `sc_cli::Error` / `sc_service::Error` are large, and the runner's closures must return
// them as they are.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
