//! # Tandem runtime
//!
//! One runtime for the whole chain: the native governance token GOV (`pallet-balances`, symbol
//! `TDM`, 12 decimals), the USD settlement stable (`pallet-assets`, asset 1, 6 decimals), Aura
//! block production with GRANDPA finality over a governed validator set (session and
//! `pallet-validators`), the Tandem pallets (credits, yuma, gov-token,
//! subnets) and OpenGov.
//!
//! Pallet indices are fixed here (see [`Runtime`]) and never reused: polkadot.js and every
//! signed transaction encode them. The layout:
//!
//! | range | what |
//! |---|---|
//! | 0–9 | system, consensus, time (block time 5, validators 6, session 7) |
//! | 10–19 | tokens, fees, the USD/GOV market, vesting, treasury |
//! | 20–29 | utility |
//! | 30–49 | Tandem pallets (credits 30, yuma 31, gov-token 32, subnets 33, parameters 34) |
//! | 50–69 | governance |
//! | 90 | sudo (dev chains only) |

//!
//! The modules:
//!
//! | module | what |
//! |---|---|
//! | [`accounts`] | every `PalletId` and the account derived from it |
//! | [`limits`] | block weight and length, storage bounds |
//! | [`block_time`] | the slot duration, fixed at genesis |
//! | [`configs`] | each pallet's `Config`, by concern |
//! | [`governance`] | OpenGov: origins, tracks, parameter bounds |
//! | [`dynamic_params`] | the protocol parameters governance sets |
//! | [`fees`] | where transaction fees go |
//! | [`genesis_config_presets`] | `development`, `development_fast`, `local_testnet` |
//! | [`apis`] | the runtime APIs |

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

#[cfg(all(feature = "std", not(feature = "rehearsal")))]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod accounts;
pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
pub mod benchmark_helpers;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod block_time;
pub mod configs;
pub mod dynamic_params;
pub mod economy;
pub mod fees;
pub mod genesis_config_presets;
pub mod governance;
pub mod limits;

#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use sp_runtime::{generic, impl_opaque_keys};
use sp_version::{runtime_version, RuntimeVersion};

pub use tandem_primitives::{
	gov, time, usd, AccountId, AssetId, Balance, BlockNumber, Nonce, Signature, USD_ASSET_ID,
};

/// Opaque types: what the node needs to know about blocks without knowing the runtime's calls.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::{BlakeTwo256, Hash as HashT};
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;

	impl_opaque_keys! {
		/// Session keys of a validator: Aura for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: super::Aura,
			pub grandpa: super::Grandpa,
		}
	}
}

#[cfg(not(feature = "rehearsal"))]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tandem"),
	impl_name: alloc::borrow::Cow::Borrowed("tandem"),
	authoring_version: 1,
	// Bump on every change of runtime logic; bump `transaction_version` when a call's index or
	// arguments change.
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The upgrade rehearsal's runtime (`runtime/rehearsal`): the same, one `spec_version` ahead.
#[cfg(feature = "rehearsal")]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tandem"),
	impl_name: alloc::borrow::Cow::Borrowed("tandem"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Block header type.
pub type Header = generic::Header<BlockNumber, sp_runtime::traits::BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Address format: a plain account id or an index (`MultiAddress`, what polkadot.js sends).
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// Hash type.
pub type Hash = sp_core::H256;

/// The transaction extensions every signed transaction carries, in order. polkadot.js reads
/// them from the metadata; none needs custom types.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	// `buy`/`spend`/`cash_out` pay their fee in credits (and nothing in GOV). After GOV fees, so
	// a `buy`'s affordability is checked again once any tip has been taken.
	pallet_credits::ChargeCreditFee<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations the next runtime upgrade runs, in order. Each is a `VersionedMigration`:
/// it runs only when its pallet's on-chain storage version is the one it migrates from, then
/// bumps it, so an entry may stay here after it has run. With `try-runtime`, each one's
/// `pre_upgrade` / `post_upgrade` checks run around it, and every pallet's `try_state` after.
pub type Migrations = (pallet_yuma::migrations::v2::BackfillHotkeyOwners<Runtime>,);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// --- system, consensus, time (0–9) ---
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	// Hooks and genesis run in this order. Authorship first: it notes the block's author
	// against the set that authored it, before a rotation changes the list. Validators before
	// session (session's genesis reads the list), session before Aura and GRANDPA (a rotation
	// hands them the new authorities in the same block).
	#[runtime::pallet_index(4)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(6)]
	pub type Validators = pallet_validators;
	#[runtime::pallet_index(7)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(5)]
	pub type BlockTime = crate::block_time;

	// --- tokens and fees (10–19) ---
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Assets = pallet_assets;

	#[runtime::pallet_index(13)]
	pub type PoolAssets = pallet_assets<Instance2>;

	#[runtime::pallet_index(14)]
	pub type AssetConversion = pallet_asset_conversion;

	#[runtime::pallet_index(15)]
	pub type Vesting = pallet_vesting;

	#[runtime::pallet_index(16)]
	pub type Treasury = pallet_treasury;

	// --- utility (20–29) ---
	#[runtime::pallet_index(20)]
	pub type Utility = pallet_utility;

	// --- Tandem (30–49) ---
	#[runtime::pallet_index(30)]
	pub type Credits = pallet_credits;

	#[runtime::pallet_index(31)]
	pub type Yuma = pallet_yuma;

	#[runtime::pallet_index(32)]
	pub type GovToken = pallet_gov_token;

	#[runtime::pallet_index(33)]
	pub type Subnets = pallet_subnets;

	#[runtime::pallet_index(34)]
	pub type Parameters = pallet_parameters;

	// --- governance (50–69) ---
	#[runtime::pallet_index(50)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(51)]
	pub type Preimage = pallet_preimage;

	#[runtime::pallet_index(52)]
	pub type Referenda = pallet_referenda;

	#[runtime::pallet_index(53)]
	pub type ConvictionVoting = pallet_conviction_voting;

	#[runtime::pallet_index(54)]
	pub type Governance = pallet_governance;

	// --- dev only ---
	#[runtime::pallet_index(90)]
	pub type Sudo = pallet_sudo;
}

pub use opaque::SessionKeys;
