//! `ChargeCreditFee`: transaction fees in credits for `spend` and `cash_out`.
//!
//! A contributor or user who holds only credits must be able to use them without ever touching
//! GOV. These two calls are declared `Pays::No` to `pallet-transaction-payment` (so no GOV is
//! withdrawn, and an account without GOV passes its checks) and this extension charges
//! `CreditTxFee` credits instead:
//!
//! * **validate** (transaction pool and block building): the signer must hold the fee *plus*
//!   what the call needs (the credits to spend; for `cash_out`, cashable credits left after the
//!   fee). Otherwise the transaction is invalid (`Payment`) and never enters a block, so failing
//!   calls cannot be spammed for free either.
//! * **prepare** (before dispatch): the fee is burned from the signer's credits and its USD
//!   backing at `PayoutRate` moves from the vault to the treasury, just as GOV fees reach the
//!   treasury. It is kept even if the call then fails: spam still costs.
//!
//! The extension has no payload and no implicit data, so polkadot.js signs these transactions
//! with the types it reads from the metadata — no custom types.

use crate::{pallet::*, Call};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::{fmt, marker::PhantomData};
use frame_support::{
	dispatch::DispatchInfo,
	pallet_prelude::{TransactionSource, TransactionValidityError},
	traits::{Get, IsSubType},
	weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, Implication, TransactionExtension,
		ValidateResult,
	},
	transaction_validity::{InvalidTransaction, ValidTransaction},
};
use tandem_primitives::Balance;

/// Charges credits-denominated fees for the credits calls that are free in GOV.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct ChargeCreditFee<T: Config + Send + Sync>(PhantomData<T>);

impl<T: Config + Send + Sync> ChargeCreditFee<T> {
	/// The extension (it carries no data).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config + Send + Sync> Default for ChargeCreditFee<T> {
	fn default() -> Self {
		Self::new()
	}
}

impl<T: Config + Send + Sync> fmt::Debug for ChargeCreditFee<T> {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		write!(f, "ChargeCreditFee")
	}
}

/// What a credits-fee call needs besides the fee.
enum Needs {
	/// `spend(credits)`: that many free credits.
	Spend(Balance),
	/// `cash_out(credits)`: that many cashable credits.
	CashOut(Balance),
}

fn needs<T: Config>(call: &Call<T>) -> Option<Needs> {
	match call {
		Call::spend { credits, .. } => Some(Needs::Spend(*credits)),
		Call::cash_out { credits } => Some(Needs::CashOut(*credits)),
		_ => None,
	}
}

impl<T> TransactionExtension<T::RuntimeCall> for ChargeCreditFee<T>
where
	T: Config + Send + Sync,
	T::RuntimeCall: IsSubType<Call<T>> + Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "ChargeCreditFee";
	type Implicit = ();
	/// The payer and the fee, for credits-fee calls.
	type Val = Option<(T::AccountId, Balance)>;
	type Pre = ();

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		match call.is_sub_type().and_then(needs::<T>) {
			Some(_) => T::WeightInfo::charge_credit_fee(),
			None => Weight::zero(),
		}
	}

	fn validate(
		&self,
		origin: <T::RuntimeCall as Dispatchable>::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: (),
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(needs) = call.is_sub_type().and_then(needs::<T>) else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let fee = T::CreditTxFee::get();
		let acc = Accounts::<T>::get(who);
		let after_fee = acc.free.checked_sub(fee).ok_or(InvalidTransaction::Payment)?;
		let enough = match needs {
			Needs::Spend(credits) => credits <= after_fee,
			Needs::CashOut(credits) => {
				let headroom = acc.earned_total.saturating_sub(acc.cashed_out_total);
				credits <= headroom.min(after_fee)
			},
		};
		if !enough {
			return Err(InvalidTransaction::Payment.into());
		}
		Ok((ValidTransaction::default(), Some((who.clone(), fee)), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &<T::RuntimeCall as Dispatchable>::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		if let Some((who, fee)) = val {
			Pallet::<T>::do_charge_credit_fee(&who, fee)
				.map_err(|_| TransactionValidityError::Invalid(InvalidTransaction::Payment))?;
		}
		Ok(())
	}
}
