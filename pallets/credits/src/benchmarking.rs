//! Benchmarks (frame-benchmarking v2). Each measures the call's most expensive path: new
//! accounts (a `sufficients` reference is created), a fresh metrics slot, USD moves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use crate::types::CreditAccount;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungibles::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;
use tandem_primitives::{usd, Balance, NetUid};

const CREDITS: Balance = 1_000 * tandem_primitives::credit::UNIT;

fn fund_usd<T: Config>(who: &T::AccountId) {
	T::Assets::mint_into(T::UsdAssetId::get(), who, 1_000_000 * usd::UNIT).unwrap();
}

fn setup<T: Config>() -> NetUid {
	T::BenchmarkHelper::setup();
	fund_usd::<T>(&Pallet::<T>::vault_account());
	T::BenchmarkHelper::subnet()
}

/// Gives `who` `credits` free credits, `earned` of them earned, keeping the ledger consistent.
fn give_credits<T: Config>(who: &T::AccountId, credits: Balance, earned: Balance) {
	Accounts::<T>::insert(
		who,
		CreditAccount { free: credits, earned_total: earned, ..Default::default() },
	);
	frame_system::Pallet::<T>::inc_sufficients(who);
	TotalIssuance::<T>::mutate(|t| *t += credits);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A first purchase: the caller, holding USD but no credits, buys 1,000 credits with two USD
	/// transfers (the backing to the vault, the spread to the buyback pot); its credit account is
	/// created with a `sufficients` reference, and this month's metrics are written.
	#[benchmark]
	fn buy() {
		setup::<T>();
		let caller: T::AccountId = whitelisted_caller();
		fund_usd::<T>(&caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), CREDITS, Balance::MAX);
		assert_eq!(Accounts::<T>::get(&caller).free, CREDITS);
	}

	/// A registered gateway issues 1,000 credits to an account without credits, for a receipt not
	/// yet used: the gateway pays as in `buy`, the receipt is recorded under the issuer and the
	/// fiat amount added to the fiat revenue.
	#[benchmark]
	fn issue() {
		setup::<T>();
		let issuer: T::AccountId = account("issuer", 0, 0);
		fund_usd::<T>(&issuer);
		Issuers::<T>::insert(&issuer, ());
		let who: T::AccountId = account("user", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), who.clone(), CREDITS, 30 * usd::UNIT, [7u8; 32]);
		assert_eq!(Accounts::<T>::get(&who).free, CREDITS);
	}

	/// A holder spends all its 1,000 credits (none of them paid) into a subnet's pool, checking the
	/// subnet exists and writing its account, the pool and this month's metrics slot.
	#[benchmark]
	fn spend() {
		let netuid = setup::<T>();
		let caller: T::AccountId = whitelisted_caller();
		give_credits::<T>(&caller, CREDITS, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), netuid, CREDITS);
		assert_eq!(Pools::<T>::get(netuid).balance, CREDITS);
	}

	/// A user authorizes an operator on a subnet, with no earlier authorization: the subnet's
	/// existence is checked and the cap stored with the pool's `generation`.
	#[benchmark]
	fn authorize() {
		let netuid = setup::<T>();
		let caller: T::AccountId = whitelisted_caller();
		let operator: T::AccountId = account("operator", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), operator.clone(), netuid, CREDITS);
		assert!(Authorizations::<T>::contains_key((&caller, &operator, netuid)));
	}

	/// A user revokes an operator's authorization on a subnet (taken out of storage).
	#[benchmark]
	fn revoke() {
		let netuid = setup::<T>();
		let caller: T::AccountId = whitelisted_caller();
		let operator: T::AccountId = account("operator", 0, 0);
		Pallet::<T>::do_authorize(caller.clone(), operator.clone(), netuid, CREDITS).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), operator.clone(), netuid);
		assert!(!Authorizations::<T>::contains_key((&caller, &operator, netuid)));
	}

	/// An authorized operator charges all of a user's 1,000 credits (none of them paid), its whole
	/// cap: the authorization's generation and cap are checked and its use recorded, then the
	/// credits move into the subnet's pool as in `spend`.
	#[benchmark]
	fn charge() {
		let netuid = setup::<T>();
		let user: T::AccountId = account("user", 0, 0);
		let operator: T::AccountId = whitelisted_caller();
		give_credits::<T>(&user, CREDITS, 0);
		Pallet::<T>::do_authorize(user.clone(), operator.clone(), netuid, CREDITS).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), user.clone(), netuid, CREDITS, [1u8; 32]);
		assert_eq!(Accounts::<T>::get(&user).free, 0);
	}

	/// A contributor cashes out all its 1,000 earned credits: the USD asset's minimum-balance
	/// check, a USD transfer from the vault to the caller, which holds no USD yet (the costlier
	/// path: the transfer creates its USD account), then the account, the issuance and this
	/// month's metrics written.
	#[benchmark]
	fn cash_out() {
		setup::<T>();
		let caller: T::AccountId = whitelisted_caller();
		give_credits::<T>(&caller, CREDITS, CREDITS);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), CREDITS);
		assert_eq!(Accounts::<T>::get(&caller).free, 0);
	}

	/// `SlashOrigin` slashes half of an account's 1,000 credits with a reason of `MaxReasonLen`
	/// bytes: their backing moves from the vault to the treasury and they are burned.
	#[benchmark]
	fn slash() -> Result<(), BenchmarkError> {
		setup::<T>();
		fund_usd::<T>(&T::Treasury::get());
		let who: T::AccountId = account("user", 0, 0);
		give_credits::<T>(&who, CREDITS, 0);
		let origin =
			T::SlashOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let reason = alloc::vec![b'x'; T::MaxReasonLen::get() as usize];
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), CREDITS / 2, reason);
		assert_eq!(Accounts::<T>::get(&who).free, CREDITS / 2);
		Ok(())
	}

	/// `AdminOrigin` registers a fiat gateway (issuer).
	#[benchmark]
	fn add_issuer() -> Result<(), BenchmarkError> {
		let who: T::AccountId = account("issuer", 0, 0);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Issuers::<T>::contains_key(&who));
		Ok(())
	}

	/// `AdminOrigin` removes a registered fiat gateway.
	#[benchmark]
	fn remove_issuer() -> Result<(), BenchmarkError> {
		let who: T::AccountId = account("issuer", 0, 0);
		Issuers::<T>::insert(&who, ());
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Issuers::<T>::contains_key(&who));
		Ok(())
	}

	/// The `ChargeCreditFee` extension's fee on a `buy`, `spend` or `cash_out`: `CreditTxFee`
	/// credits burned from the signer (none of them paid) and their USD backing added to what is
	/// owed to the treasury (`PendingFeeUsd`); no USD moves.
	#[benchmark]
	fn charge_credit_fee() {
		setup::<T>();
		fund_usd::<T>(&T::Treasury::get());
		let who: T::AccountId = whitelisted_caller();
		give_credits::<T>(&who, CREDITS, 0);
		let fee = T::CreditTxFee::get();
		#[block]
		{
			Pallet::<T>::do_charge_credit_fee(&who, fee).unwrap();
		}
		assert_eq!(Accounts::<T>::get(&who).free, CREDITS - fee);
	}

	/// A settlement of accrued credit fees, which `on_initialize` runs every `FeeSettleInterval`
	/// blocks: their USD moves from the vault to the treasury.
	#[benchmark]
	fn settle_fees() {
		setup::<T>();
		fund_usd::<T>(&T::Treasury::get());
		PendingFeeUsd::<T>::put(1_000);
		#[block]
		{
			Pallet::<T>::settle_fees();
		}
		assert_eq!(PendingFeeUsd::<T>::get(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
