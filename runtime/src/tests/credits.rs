//! pallet-credits on the real runtime: no transfer path, governed prices, fees, subnets and the
//! pallet accounts' USD.

use super::*;
use crate::{dynamic_params, Credits, Governance, RuntimeCall, RuntimeOrigin, Subnets};
use core::marker::PhantomData;
use frame_support::{assert_ok, traits::GetCallName};

/// Autoref probe: `is_fungible()` resolves to the inherent method only if `T` implements
/// `fungible::Inspect`; otherwise to the blanket trait method that answers `false`.
struct Probe<T>(PhantomData<T>);
trait NotFungible {
	fn is_fungible(&self) -> bool {
		false
	}
}
impl<T> NotFungible for Probe<T> {}
#[allow(dead_code)]
impl<T: frame_support::traits::fungible::Inspect<AccountId>> Probe<T> {
	fn is_fungible(&self) -> bool {
		true
	}
}

#[test]
fn credits_cannot_be_transferred_between_users() {
	// No call of the credits pallet moves credits from one user to another…
	let names = <pallet_credits::Call<Runtime> as GetCallName>::get_call_names();
	assert!(names.iter().all(|n| !n.contains("transfer")), "{names:?}");
	let moving: Vec<_> = names
		.iter()
		.filter(|n| ["buy", "issue", "spend", "charge", "cash_out", "slash"].contains(n))
		.collect();
	assert_eq!(moving.len(), 6, "every value-moving call is accounted for");
	// …and the pallet offers no fungible impl that wallets or pallets could transfer with.
	assert!(!Probe::<Credits>(PhantomData).is_fungible());
	// (The probe does detect a fungible: Balances is one.)
	assert!(Probe::<Balances>(PhantomData).is_fungible());
}

#[test]
fn governance_parameter_changes_the_buy_price() {
	ext_from_preset("development").execute_with(|| {
		let bob = Sr25519Keyring::Bob.to_account_id();
		let usd =
			|who: &AccountId| <Assets as FungiblesInspect<AccountId>>::balance(USD_ASSET_ID, who);
		let before = usd(&bob);
		assert_ok!(Credits::buy(RuntimeOrigin::signed(bob.clone()), 1_000_000, u128::MAX));
		assert_eq!(before - usd(&bob), 30_000);
		let key_value = dynamic_params::RuntimeParameters::Credits(
			dynamic_params::credits::Parameters::CreditPrice(
				dynamic_params::credits::CreditPrice,
				// Within the payout-rate floor: $0.027 ≥ 80 % × $0.033.
				Some(33_000),
			),
		);
		assert!(Governance::set_parameter(RuntimeOrigin::signed(bob.clone()), key_value.clone())
			.is_err());
		assert_ok!(Governance::set_parameter(RuntimeOrigin::root(), key_value));
		let before = usd(&bob);
		assert_ok!(Credits::buy(RuntimeOrigin::signed(bob.clone()), 1_000_000, u128::MAX));
		assert_eq!(before - usd(&bob), 33_000);
		Credits::do_try_state().unwrap();
	});
}

#[test]
fn credits_calls_are_free_in_gov() {
	use frame_support::dispatch::{GetDispatchInfo, Pays};
	let spend = RuntimeCall::Credits(pallet_credits::Call::spend { netuid: 1, credits: 1 });
	assert_eq!(spend.get_dispatch_info().pays_fee, Pays::No);
	let cash_out = RuntimeCall::Credits(pallet_credits::Call::cash_out { credits: 1 });
	assert_eq!(cash_out.get_dispatch_info().pays_fee, Pays::No);
}

#[test]
fn subnets_exist_once_registered() {
	use tandem_primitives::SubnetRegistry;
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert!(!Subnets::exists(0));
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(alice()), u128::MAX));
		assert!(Subnets::exists(0) && !Subnets::exists(1));
		assert_ok!(Subnets::do_try_state());
	});
}

#[test]
fn pallet_accounts_hold_usd_from_genesis() {
	ext_from_preset("development").execute_with(|| {
		let usd =
			|who: &AccountId| <Assets as FungiblesInspect<AccountId>>::balance(USD_ASSET_ID, who);
		assert!(usd(&Credits::vault_account()) > 0);
		assert!(usd(&crate::accounts::BuybackPotAccount::get()) > 0);
		assert!(usd(&crate::accounts::TreasuryAccount::get()) > 0);
		assert!(pallet_credits::Issuers::<Runtime>::contains_key(alice()));
	});
}

/// A credit-paid call costs what the same call would cost in GOV: the credit fee of a `spend`,
/// valued at `CreditPrice`, is the GOV fee of a call of its weight and length valued at the
/// buyback oracle, rounded up to whole USD units and whole credit units.
#[test]
fn a_credit_fee_is_worth_the_gov_fee_of_the_same_call() {
	use frame_support::{dispatch::GetDispatchInfo, traits::Get};
	use sp_runtime::{traits::Convert, FixedPointNumber};
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let call = RuntimeCall::Credits(pallet_credits::Call::spend {
			netuid: 0,
			credits: tandem_primitives::credit::UNIT,
		});
		let weight = call.get_dispatch_info().total_weight();
		let len = 150;
		let gov_fee = crate::configs::tandem::GovFeeOf::convert((weight, len));
		assert!(gov_fee > 0);
		let credits = Credits::credit_fee(weight, len);
		let price = dynamic_params::credits::CreditPrice::get();
		let gov_per_usd = pallet_gov_token::PriceEma::<Runtime>::get();
		// USD units, exactly (×10^6 to keep the fraction): the GOV fee and the credit fee.
		let gov_usd_micro =
			gov_per_usd.reciprocal().unwrap().saturating_mul_int(gov_fee * 1_000_000);
		let credit_usd_micro = credits * price;
		assert!(credit_usd_micro >= gov_usd_micro, "never cheaper than in GOV");
		// At most one USD unit and one credit unit of rounding above it.
		assert!(
			credit_usd_micro <= gov_usd_micro + 1_000_000 + price,
			"{credit_usd_micro} vs {gov_usd_micro}"
		);
		// A tenth of a cent or so: a plain GOV transfer's fee, not the old flat 0.01 credit.
		assert_ne!(credits, crate::configs::tandem::CreditTxFee::get());
	});
}
