//! `ChargeCreditFee`: transaction fees in credits for `spend` and `cash_out`.
//!
//! A contributor or user who holds only credits must be able to use them without ever touching
//! GOV. These two calls are declared `Pays::No` to `pallet-transaction-payment` (so no GOV is
//! withdrawn, and an account without GOV passes its checks) and this extension charges credits
//! instead, priced from the call's weight and length: the GOV fee the same call would pay
//! (`Config::GovFee`), converted at the buyback oracle and `CreditPrice`
//! ([`Pallet::credit_fee`]). A block of credit-paid calls costs what GOV-paid calls cost.
//!
//! * **validate** (transaction pool and block building): the signer must hold at least the
//!   fee in credits; otherwise the transaction is invalid (`Payment`, "Inability to pay some
//!   fees") and never enters a block.
//! * **prepare** (before dispatch): the fee is burned from the signer's credits and its USD
//!   backing at `PayoutRate` is owed to the treasury: it accrues in one counter and moves once
//!   per `FeeSettleInterval`, not per transaction. It is kept even if the call then fails with its own named error (spending more
//!   than is held, cashing out bought credits): spam still costs, exactly like a failed call
//!   that paid in GOV.
//!
//! The extension has no payload and no implicit data, so polkadot.js signs these transactions
//! with the types it reads from the metadata — no custom types.

use crate::{pallet::*, weights::WeightInfo, Call};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::{fmt, marker::PhantomData};
use frame_support::{
	dispatch::DispatchInfo,
	pallet_prelude::{TransactionSource, TransactionValidityError},
	traits::IsSubType,
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

/// `true` for the calls whose fee is paid in credits (they are `Pays::No` in GOV).
fn pays_in_credits<T: Config>(call: &Call<T>) -> bool {
	matches!(call, Call::spend { .. } | Call::cash_out { .. })
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
		if call.is_sub_type().is_some_and(pays_in_credits::<T>) {
			T::WeightInfo::charge_credit_fee()
		} else {
			Weight::zero()
		}
	}

	fn validate(
		&self,
		origin: <T::RuntimeCall as Dispatchable>::RuntimeOrigin,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		_self_implicit: (),
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if !call.is_sub_type().is_some_and(pays_in_credits::<T>) {
			return Ok((ValidTransaction::default(), None, origin));
		}
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let len = u32::try_from(len).unwrap_or(u32::MAX);
		let fee = Pallet::<T>::credit_fee(info.total_weight(), len);
		if Accounts::<T>::get(who).free < fee {
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
