//! The origins the other pallets accept: root, or a passed referendum on the matching track.

use crate::{AccountId, Balance};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, EitherOf, MapSuccess, NeverEnsureOrigin},
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use pallet_governance::{EnsureEmergency, EnsureParameterAdmin, EnsureSlasher, EnsureTreasurer};
use sp_runtime::traits::Replace;
use tandem_primitives::gov;

/// Root, or a passed `slasher` referendum.
pub type SlashOrigin = EitherOf<EnsureRoot<AccountId>, EnsureSlasher>;
/// Root, or a passed `emergency` referendum. Accepted only where a call stops something:
/// switching a subnet's emission off, pausing buybacks, dissolving a subnet, cancelling or
/// killing a referendum.
pub type EmergencyOrigin = EitherOf<EnsureRoot<AccountId>, EnsureEmergency>;
/// Root, or a passed `treasurer` referendum (credit issuers, airdrops, rejecting spends).
pub type TreasurerOrigin = EitherOf<EnsureRoot<AccountId>, EnsureTreasurer>;
/// Root, or a passed `parameters` referendum: sets any protocol parameter, within bounds.
pub type ParameterSetOrigin =
	AsEnsureOriginWithArg<EitherOf<EnsureRoot<AccountId>, EnsureParameterAdmin>>;
/// `pallet-parameters` accepts nobody: every change goes through the bounded
/// `governance.set_parameter`.
pub type RawParametersOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<()>>;

parameter_types! {
	/// Most GOV one `treasurer` referendum may spend: 1 M GOV (larger spends go to `root`).
	pub const TreasurerMaxSpend: Balance = 1_000_000 * gov::UNIT;
	/// Root may approve any amount.
	pub const RootMaxSpend: Balance = Balance::MAX;
}

/// Treasury spends: root without limit, the `treasurer` track up to `TreasurerMaxSpend`.
pub type TreasurySpendOrigin = EitherOf<
	EnsureRootWithSuccess<AccountId, RootMaxSpend>,
	MapSuccess<EnsureTreasurer, Replace<TreasurerMaxSpend>>,
>;
