//! Chain specifications: `dev`, `dev-fast` and `local`, built from the runtime's genesis presets.

use sc_service::ChainType;
use tandem_primitives::gov;
use tandem_runtime::WASM_BINARY;

/// The chain spec type: no node-side extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol, decimals and address format that wallets (polkadot.js) display.
fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	p.insert("tokenSymbol".into(), gov::SYMBOL.into());
	p.insert("tokenDecimals".into(), gov::DECIMALS.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY
		.ok_or_else(|| "the runtime wasm is not available (built with SKIP_WASM_BUILD?)".into())
}

fn spec(name: &str, id: &str, chain_type: ChainType, preset: &str) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: one authority (Alice), development preset.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	spec("Tandem Development", "tandem_dev", ChainType::Development, sp_genesis_builder_preset::DEV)
}

/// `--chain dev-fast` (with `--dev`): the development chain with 1-second slots, for tests that
/// wait on blocks rather than time.
pub fn development_fast_chain_spec() -> Result<ChainSpec, String> {
	spec(
		"Tandem Development (fast blocks)",
		"tandem_dev_fast",
		ChainType::Development,
		sp_genesis_builder_preset::DEV_FAST,
	)
}

/// `--chain local`: two authorities (Alice, Bob), local testnet preset.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	spec("Tandem Local Testnet", "tandem_local", ChainType::Local, sp_genesis_builder_preset::LOCAL)
}

/// Preset names, as the runtime's `GenesisBuilder` API lists them.
mod sp_genesis_builder_preset {
	pub const DEV: &str = "development";
	pub const DEV_FAST: &str = "development_fast";
	pub const LOCAL: &str = "local_testnet";
}
