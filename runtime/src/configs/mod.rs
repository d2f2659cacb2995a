//! `Config` of every pallet in the runtime, by concern. Governance (OpenGov, the parameter
//! pallet and the bounds) lives in `crate::governance`.
//!
//! | module | pallets |
//! |---|---|
//! | [`system`] | system, Aura, GRANDPA, timestamp, authorship, block time, utility, sudo |
//! | [`assets`] | balances (GOV), transaction payment, assets (USD), vesting |
//! | [`market`] | asset-conversion and its LP-token assets: the USD/GOV market |
//! | [`treasury`] | the foundation treasury |
//! | [`tandem`] | credits, yuma, gov-token, subnets |
//! | [`validators`] | session and the governed validator set |

pub mod assets;
pub mod market;
pub mod system;
pub mod tandem;
pub mod treasury;
pub mod validators;

pub use assets::{ExistentialDeposit, UsdMinBalance};
pub use market::{NativeAndAssets, NativeKind, UsdGovMarket, UsdKind};
pub use system::NoDirectBurn;
