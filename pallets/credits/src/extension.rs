//! `ChargeCreditFee`: transaction fees in credits for `buy`, `spend` and `cash_out`.
//!
//! A contributor or user who holds only credits (or only USD, to buy them) must be able to use
//! them without ever touching GOV. These three calls are declared `Pays::No` to
//! `pallet-transaction-payment` (so no GOV is withdrawn, and an account without GOV passes its
//! checks) and this extension charges credits instead, priced from the call's weight and
//! length: the GOV fee the same call would pay (`Config::GovFee`), converted at the buyback
//! oracle and `CreditPrice` ([`Pallet::credit_fee`]). A block of credit-paid calls costs what
//! GOV-paid calls cost.
//!
//! * **validate** (transaction pool and block building): for `spend` and `cash_out` the signer
//!   must hold at least the fee in credits. For `buy` the purchase must cover the fee (more
//!   credits bought than the fee), respect its own `max_usd` and be affordable in USD (the
//!   signer keeps the asset's minimum). Otherwise the transaction is invalid (`Payment`,
//!   "Inability to pay some fees") and never enters a block.
//! * **prepare** (before dispatch), `spend` and `cash_out`: the fee is burned from the signer's
//!   credits and its USD backing at `PayoutRate` is owed to the treasury: it accrues in one
//!   counter and moves once per `FeeSettleInterval`, not per transaction. It is kept even if the
//!   call then fails with its own named error (spending more than is held, cashing out bought
//!   credits): spam still costs, exactly like a failed call that paid in GOV.
//! * **prepare**, `buy`: affordability is checked again, after the transaction-payment
//!   extension (which runs first) has taken any tip, so a tip paid in USD cannot leave the buy
//!   unable to pay and still get it dispatched: such a transaction is invalid.
//! * **post-dispatch**, `buy`: the fee comes out of the credits just bought, burned the same
//!   way. Should the purchase still fail (nothing known can make it, after the checks above), the
//!   fee's price at `CreditPrice` is taken in USD and paid to the treasury instead if the signer
//!   holds it.
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
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, ValidTransaction},
	DispatchResult,
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
	matches!(call, Call::buy { .. } | Call::spend { .. } | Call::cash_out { .. })
}

/// When the credit fee is taken.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FeeTiming {
	/// Before dispatch, from credits already held (`spend`, `cash_out`).
	Before,
	/// After dispatch, from the credits the call bought (`buy`).
	AfterBuy,
}

impl<T> TransactionExtension<T::RuntimeCall> for ChargeCreditFee<T>
where
	T: Config + Send + Sync,
	T::RuntimeCall: IsSubType<Call<T>> + Dispatchable<Info = DispatchInfo>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "ChargeCreditFee";
	type Implicit = ();
	/// The payer, the fee and when it is taken, for credits-fee calls.
	type Val = Option<(T::AccountId, Balance, FeeTiming)>;
	/// The payer and the fee of a `buy`, taken after dispatch.
	type Pre = Option<(T::AccountId, Balance)>;

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
		let Some(inner) = call.is_sub_type().filter(|c| pays_in_credits::<T>(c)) else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let len = u32::try_from(len).unwrap_or(u32::MAX);
		let fee = Pallet::<T>::credit_fee(info.total_weight(), len);
		let (payable, timing) = match inner {
			Call::buy { credits, max_usd } => {
				(Pallet::<T>::can_buy_paying(who, *credits, *max_usd, fee), FeeTiming::AfterBuy)
			}
			_ => (Accounts::<T>::get(who).free >= fee, FeeTiming::Before),
		};
		if !payable {
			return Err(InvalidTransaction::Payment.into());
		}
		Ok((ValidTransaction::default(), Some((who.clone(), fee, timing)), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &<T::RuntimeCall as Dispatchable>::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Some((who, fee, FeeTiming::Before)) => {
				Pallet::<T>::do_charge_credit_fee(&who, fee)
					.map_err(|_| TransactionValidityError::Invalid(InvalidTransaction::Payment))?;
				Ok(None)
			}
			Some((who, fee, FeeTiming::AfterBuy)) => {
				// Checked again: an extension before this one (a tip paid in USD) may have spent
				// some of the USD since validation. A buy that can no longer pay is invalid here,
				// so it never dispatches for free.
				let Call::buy { credits, max_usd } =
					call.is_sub_type().ok_or(InvalidTransaction::Payment)?
				else {
					return Err(InvalidTransaction::Payment.into());
				};
				if !Pallet::<T>::can_buy_paying(&who, *credits, *max_usd, fee) {
					return Err(InvalidTransaction::Payment.into());
				}
				Ok(Some((who, fee)))
			}
			None => Ok(None),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		if let Some((who, fee)) = pre {
			// A successful buy left the signer at least `fee` credits more than validation
			// required; a failed one pays the fee's price in USD. Neither may invalidate a
			// transaction that has already been dispatched, so a shortfall is not an error.
			let _ = if result.is_ok() {
				Pallet::<T>::do_charge_credit_fee(&who, fee)
			} else {
				Pallet::<T>::charge_fee_in_usd(&who, fee)
			};
		}
		Ok(Weight::zero())
	}
}
