//! The Tandem node.
// Node code (not runtime code): the arithmetic lint guards on-chain state, not CLI plumbing.
#![allow(clippy::arithmetic_side_effects)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
