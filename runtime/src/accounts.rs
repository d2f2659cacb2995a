//! Every account the runtime derives from a `PalletId`, in one table.
//!
//! | `PalletId` | account | what it holds |
//! |---|---|---|
//! | `py/trsry` | [`TreasuryAccount`] | the foundation treasury: 80 % of GOV fees, its genesis share, the lots' USD rest |
//! | `tdm/cred` | [`CreditsVaultAccount`] | the USD backing every credit (`pallet-credits`) |
//! | `tdm/bbak` | [`BuybackPotAccount`] | USD waiting to buy GOV back (`pallet-gov-token` spends it) |
//! | `tdm/drop` | [`AirdropReserveAccount`] | GOV set aside at genesis for the contributor airdrop |
//! | `tdm/ecos` | [`EcosystemFundAccount`] | GOV set aside at genesis for the ecosystem fund |
//! | `tdm/subn` | [`SubnetsPotAccount`] | every subnet pool's GOV reserve (`pallet-subnets`) |
//! | `py/ascon` | [`AssetConversionAccount`] | `pallet-asset-conversion`; each pool's account is derived from this id |
//! | `tdm/usda` | [`UsdAdminAccount`] | nothing: on a production chain, the USD asset's owner, admin and freezer, which acts only when a `root` referendum dispatches as it |
//!
//! The `py/…` ids are the SDK pallets' conventional ones, so wallets and explorers recognise
//! them. A pallet that derives its own account from one of these ids (credits' vault, subnets'
//! pot) gets it through its `Config::PalletId`, and the runtime tests check the two agree.

use crate::AccountId;
use frame_support::{parameter_types, PalletId};
use sp_runtime::traits::AccountIdConversion;

/// The account of a `PalletId` (`modl` ++ id, zero-padded).
fn account(id: PalletId) -> AccountId {
	id.into_account_truncating()
}

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	pub const CreditsPalletId: PalletId = PalletId(*b"tdm/cred");
	pub const BuybackPalletId: PalletId = PalletId(*b"tdm/bbak");
	pub const AirdropPalletId: PalletId = PalletId(*b"tdm/drop");
	pub const EcosystemPalletId: PalletId = PalletId(*b"tdm/ecos");
	pub const SubnetsPalletId: PalletId = PalletId(*b"tdm/subn");
	pub const AssetConversionPalletId: PalletId = PalletId(*b"py/ascon");
	pub const UsdAdminPalletId: PalletId = PalletId(*b"tdm/usda");

	pub TreasuryAccount: AccountId = account(TreasuryPalletId::get());
	pub CreditsVaultAccount: AccountId = account(CreditsPalletId::get());
	pub BuybackPotAccount: AccountId = account(BuybackPalletId::get());
	pub AirdropReserveAccount: AccountId = account(AirdropPalletId::get());
	pub EcosystemFundAccount: AccountId = account(EcosystemPalletId::get());
	pub SubnetsPotAccount: AccountId = account(SubnetsPalletId::get());
	pub AssetConversionAccount: AccountId = account(AssetConversionPalletId::get());
	pub UsdAdminAccount: AccountId = account(UsdAdminPalletId::get());
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::Runtime;

	#[test]
	fn pallets_derive_the_accounts_of_the_table() {
		assert_eq!(pallet_credits::Pallet::<Runtime>::vault_account(), CreditsVaultAccount::get());
		assert_eq!(pallet_treasury::Pallet::<Runtime>::account_id(), TreasuryAccount::get());
		assert_eq!(pallet_subnets::Pallet::<Runtime>::pot(), SubnetsPotAccount::get());
	}

	#[test]
	fn every_account_is_distinct() {
		let all = [
			TreasuryAccount::get(),
			CreditsVaultAccount::get(),
			BuybackPotAccount::get(),
			AirdropReserveAccount::get(),
			EcosystemFundAccount::get(),
			SubnetsPotAccount::get(),
			AssetConversionAccount::get(),
			UsdAdminAccount::get(),
		];
		for (i, a) in all.iter().enumerate() {
			assert!(all.iter().skip(i.saturating_add(1)).all(|b| a != b), "{a} appears twice");
		}
	}
}
