//! Chain specifications: `dev`, `dev-fast` and `local`, built from the runtime's genesis
//! presets, and `production:<file>`, the runtime's production genesis built from an allocation
//! file (`docs/launch.md`).

use sc_consensus_grandpa::AuthorityId as GrandpaId;
use sc_service::ChainType;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::Ss58Codec, ed25519, sr25519};
use tandem_primitives::{gov, AccountId};
use tandem_runtime::{genesis_config_presets::Authority, WASM_BINARY};

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

/// `--chain local-N`: a local testnet of `n` dev validators (Alice, Bob, … ), for
/// `scripts/local-testnet.sh N`; `local-N-fast` with 1-second blocks, fast tracks and 10-block
/// sessions.
pub fn local_n_chain_spec(n: usize, fast: bool) -> Result<ChainSpec, String> {
	let max = tandem_runtime::genesis_config_presets::MAX_LOCAL_VALIDATORS;
	if !(1..=max).contains(&n) {
		return Err(format!("local-{n}: a local testnet has 1 to {max} validators"));
	}
	let pace = if fast { ", fast" } else { "" };
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(&format!("Tandem Local Testnet ({n} validators{pace})"))
		.with_id(&format!("tandem_local_{n}{}", if fast { "_fast" } else { "" }))
		.with_chain_type(ChainType::Local)
		.with_genesis_config_patch(tandem_runtime::genesis_config_presets::local_testnet_genesis(
			n, fast,
		))
		.with_properties(properties())
		.build())
}

/// `--chain production:<file>`: the production genesis from the allocation file at `path`.
///
/// The file is JSON with SS58 addresses: `authorities` (a list of `{ "account", "aura",
/// "grandpa" }`: each validator's account and its session keys), `team`, `investors`, `issuers` (a list) and `usdAdmin`. Unknown fields are an
/// error, so a misspelt field cannot be silently left out.
pub fn production_chain_spec(path: &str) -> Result<ChainSpec, String> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("allocation file `{path}` could not be read: {e}"))?;
	let file: serde_json::Value = serde_json::from_str(&text)
		.map_err(|e| format!("allocation file `{path}` is not JSON: {e}"))?;
	let allocation =
		Allocation::parse(&file).map_err(|e| format!("allocation file `{path}`: {e}"))?;
	tandem_runtime::genesis_config_presets::check_allocation(
		&allocation.authorities,
		&allocation.usd_admin,
	)
	.map_err(|e| format!("allocation file `{path}` is refused: {e:?}"))?;
	let genesis = tandem_runtime::genesis_config_presets::production_genesis(
		allocation.authorities,
		allocation.team,
		allocation.investors,
		allocation.issuers,
		allocation.usd_admin,
	);
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Tandem")
		.with_id("tandem")
		.with_chain_type(ChainType::Live)
		.with_genesis_config_patch(genesis)
		.with_properties(properties())
		.build())
}

/// The allocation file, parsed.
struct Allocation {
	authorities: Vec<Authority>,
	team: AccountId,
	investors: AccountId,
	issuers: Vec<AccountId>,
	usd_admin: AccountId,
}

impl Allocation {
	const FIELDS: [&'static str; 5] = ["authorities", "team", "investors", "issuers", "usdAdmin"];

	fn parse(v: &serde_json::Value) -> Result<Self, String> {
		let obj = v.as_object().ok_or("expected a JSON object")?;
		if let Some(unknown) = obj.keys().find(|k| !Self::FIELDS.contains(&k.as_str())) {
			return Err(format!("unknown field `{unknown}` (expected {:?})", Self::FIELDS));
		}
		let field = |name: &str| obj.get(name).ok_or(format!("missing field `{name}`"));
		let list = |name: &str| -> Result<Vec<serde_json::Value>, String> {
			field(name)?.as_array().cloned().ok_or(format!("`{name}` must be a list"))
		};
		let authorities = list("authorities")?
			.iter()
			.map(|a| {
				let account = ss58::<AccountId>(&a["account"], "authorities[].account")?;
				let aura = ss58::<sr25519::Public>(&a["aura"], "authorities[].aura")?;
				let grandpa = ss58::<ed25519::Public>(&a["grandpa"], "authorities[].grandpa")?;
				Ok((account, AuraId::from(aura), GrandpaId::from(grandpa)))
			})
			.collect::<Result<_, String>>()?;
		let issuers = list("issuers")?
			.iter()
			.map(|i| ss58::<AccountId>(i, "issuers[]"))
			.collect::<Result<_, String>>()?;
		Ok(Self {
			authorities,
			team: ss58(field("team")?, "team")?,
			investors: ss58(field("investors")?, "investors")?,
			issuers,
			usd_admin: ss58(field("usdAdmin")?, "usdAdmin")?,
		})
	}
}

/// An SS58 address or public key.
fn ss58<T: Ss58Codec>(v: &serde_json::Value, what: &str) -> Result<T, String> {
	let s = v.as_str().ok_or(format!("`{what}` must be an SS58 string"))?;
	T::from_ss58check(s).map_err(|e| format!("`{what}` = `{s}` is not a valid SS58 key: {e:?}"))
}

/// Preset names, as the runtime's `GenesisBuilder` API lists them.
mod sp_genesis_builder_preset {
	pub const DEV: &str = "development";
	pub const DEV_FAST: &str = "development_fast";
	pub const LOCAL: &str = "local_testnet";
}
