//! Transaction fees: how they are paid, and where they go.
//!
//! **Paying.** A transaction's fee is priced in GOV (weight and length, `configs::assets`) and
//! paid by [`GovOrUsdFees`]:
//!
//! * in GOV when the signer can pay it in GOV (keeping its account alive);
//! * otherwise in USD, through the USD/GOV pool: the USD that buys exactly the fee in GOV at
//!   the pool's price (its LP fee included) is taken from the signer and swapped, and the GOV
//!   that comes out is the fee. The signer keeps the USD asset's minimum. A weight refund after
//!   dispatch goes back the same way, swapped into USD (a refund too small to swap stays with
//!   the fee).
//!
//! The choice is made by the chain, not carried in the transaction, so polkadot.js (or any
//! client) signs these transactions with no custom types or extension payload. Until the USD/GOV
//! pool has liquidity, only GOV pays. `credits.buy`, `spend` and `cash_out` pay their fee in
//! credits (`pallet_credits::ChargeCreditFee`); only a tip on them is charged here.
//!
//! **Where they go.** Fees are not burned: of every transaction's fee, [`TREASURY_SHARE_PERCENT`]
//! goes to the treasury account and the rest to the author of the block that included it. Tips
//! go to the block author in full — they exist to pay the author for priority. When the author
//! cannot be found (a block without an Aura digest, as in some tests) or cannot receive the
//! amount, the author's part goes to the treasury too, so fee value is never lost. A fee paid in
//! USD reaches this split as the GOV the pool gave for it, so GOV issuance never moves outside
//! the balances pallet's (and gov-token's) accounting.

use crate::{
	accounts::TreasuryAccount,
	configs::{NativeAndAssets, NativeKind, UsdKind},
	AccountId, AssetConversion, AssetId, Balance, Runtime, RuntimeCall,
};
use alloc::vec;
use frame_support::traits::{
	fungible::NativeOrWithId,
	fungibles::{Balanced, Credit, Inspect},
	tokens::{Fortitude, Precision, Preservation},
	OnUnbalanced,
};
use pallet_asset_conversion::{QuotePrice, SwapCredit};
use pallet_transaction_payment::{OnChargeTransaction, TxCreditHold};
use sp_runtime::{
	traits::{DispatchInfoOf, PostDispatchInfoOf, Zero},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	Perbill,
};

/// Share of each fee (not tip) that goes to the treasury, in percent; the rest to the author.
pub const TREASURY_SHARE_PERCENT: u32 = 80;

/// GOV (or, in a swap, USD) withdrawn for a fee: an imbalance of [`NativeAndAssets`].
pub type FeeCredit = Credit<AccountId, NativeAndAssets>;

/// Pays an imbalance to `who`, falling back to the treasury if `who` cannot take it (e.g. the
/// amount is below the existential deposit of a new account).
fn pay(who: &AccountId, amount: FeeCredit) {
	if let Err(amount) = <NativeAndAssets as Balanced<AccountId>>::resolve(who, amount) {
		let treasury = TreasuryAccount::get();
		if who != &treasury {
			// The treasury is endowed at genesis (GOV and USD), so this cannot fail for a live
			// chain; if it did, the amount is dropped (burned) rather than panicking in the fee
			// path.
			let _ = <NativeAndAssets as Balanced<AccountId>>::resolve(&treasury, amount);
		}
	}
}

/// `OnUnbalanced` handler for transaction fees (GOV imbalances): see the module docs.
pub struct DealWithFees;

impl OnUnbalanced<FeeCredit> for DealWithFees {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = FeeCredit>) {
		let Some(fees) = fees_then_tips.next() else { return };
		let treasury_part = Perbill::from_percent(TREASURY_SHARE_PERCENT).mul_floor(fees.peek());
		let (to_treasury, mut to_author) = fees.split(treasury_part);
		for tip in fees_then_tips {
			to_author = match to_author.merge(tip) {
				Ok(merged) => merged,
				// Only GOV imbalances reach here; a stray one goes to the treasury whole.
				Err((author, stray)) => {
					pay(&TreasuryAccount::get(), stray);
					author
				}
			};
		}
		pay(&TreasuryAccount::get(), to_treasury);
		match pallet_authorship::Pallet::<Runtime>::author() {
			Some(author) => pay(&author, to_author),
			None => pay(&TreasuryAccount::get(), to_author),
		}
	}
}

/// What paid a fee.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FeeAsset {
	/// GOV from the signer's balance.
	Gov,
	/// USD from the signer's balance, swapped into GOV through the pool.
	Usd,
}

/// A fee withdrawn before dispatch, settled after it.
pub struct Withdrawn {
	/// The fee, in GOV.
	fee: FeeCredit,
	/// The tip, in GOV.
	tip: FeeCredit,
	/// What paid them.
	paid_in: FeeAsset,
}

/// USD needed to buy `gov` through the pool, its LP fee included; `None` without a pool (or
/// liquidity for it).
pub fn usd_for_gov_fee(gov: Balance) -> Option<Balance> {
	<AssetConversion as QuotePrice>::quote_price_tokens_for_exact_tokens(
		UsdKind::get(),
		NativeKind::get(),
		gov,
		true,
	)
}

/// `amount` of `asset` (GOV or USD) withdrawn from `who`, keeping its account alive.
fn withdraw(asset: NativeOrWithId<AssetId>, who: &AccountId, amount: Balance) -> Option<FeeCredit> {
	<NativeAndAssets as Balanced<AccountId>>::withdraw(
		asset,
		who,
		amount,
		Precision::Exact,
		Preservation::Preserve,
		Fortitude::Polite,
	)
	.ok()
}

/// Exactly `gov` GOV, bought with `who`'s USD through the pool.
fn buy_gov_with_usd(who: &AccountId, gov: Balance) -> Option<FeeCredit> {
	let usd_in = withdraw(UsdKind::get(), who, usd_for_gov_fee(gov)?)?;
	match <AssetConversion as SwapCredit<AccountId>>::swap_tokens_for_exact_tokens(
		vec![UsdKind::get(), NativeKind::get()],
		usd_in,
		gov,
	) {
		Ok((gov_out, change)) => {
			// The quote was exact, so there is no change; were there any, it is the signer's.
			if !change.peek().is_zero() {
				pay(who, change);
			}
			Some(gov_out)
		}
		Err((usd_in, _)) => {
			pay(who, usd_in);
			None
		}
	}
}

/// Returns a refund of `gov` to `who` in what paid the fee; what cannot be refunded (the
/// account is gone, the amount is below a minimum or too small to swap) is handed back.
fn refund(who: &AccountId, gov: FeeCredit, paid_in: FeeAsset) -> Option<FeeCredit> {
	if gov.peek().is_zero() || !frame_system::Pallet::<Runtime>::account_exists(who) {
		return Some(gov);
	}
	match paid_in {
		FeeAsset::Gov => <NativeAndAssets as Balanced<AccountId>>::resolve(who, gov).err(),
		FeeAsset::Usd => {
			match <AssetConversion as SwapCredit<AccountId>>::swap_exact_tokens_for_tokens(
				vec![NativeKind::get(), UsdKind::get()],
				gov,
				None,
			) {
				Ok(usd) => {
					// `who` kept the asset's minimum when it paid, so this lands; if not, the
					// treasury takes it.
					pay(who, usd);
					None
				}
				Err((gov, _)) => Some(gov),
			}
		}
	}
}

/// Charges transaction fees in GOV, or in USD through the pool when the signer cannot pay in
/// GOV; hands them to [`DealWithFees`]. See the module docs.
pub struct GovOrUsdFees;

impl TxCreditHold<Runtime> for GovOrUsdFees {
	// The withdrawn fee travels in `LiquidityInfo`; no pallet draws on it during dispatch.
	type Credit = ();
}

impl OnChargeTransaction<Runtime> for GovOrUsdFees {
	type Balance = Balance;
	type LiquidityInfo = Option<Withdrawn>;

	fn withdraw_fee(
		who: &AccountId,
		_call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		fee_with_tip: Balance,
		tip: Balance,
	) -> Result<Self::LiquidityInfo, TransactionValidityError> {
		if fee_with_tip.is_zero() {
			return Ok(None);
		}
		let (credit, paid_in) = match withdraw(NativeKind::get(), who, fee_with_tip) {
			Some(gov) => (gov, FeeAsset::Gov),
			None => (
				buy_gov_with_usd(who, fee_with_tip).ok_or(InvalidTransaction::Payment)?,
				FeeAsset::Usd,
			),
		};
		let (tip, fee) = credit.split(tip);
		Ok(Some(Withdrawn { fee, tip, paid_in }))
	}

	fn can_withdraw_fee(
		who: &AccountId,
		_call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		fee_with_tip: Balance,
		_tip: Balance,
	) -> Result<(), TransactionValidityError> {
		if fee_with_tip.is_zero() {
			return Ok(());
		}
		// What `withdraw_fee` may take: the balance above the minimum, freezes and locks.
		let can = |asset, amount| {
			<NativeAndAssets as Inspect<AccountId>>::reducible_balance(
				asset,
				who,
				Preservation::Preserve,
				Fortitude::Polite,
			) >= amount
		};
		if can(NativeKind::get(), fee_with_tip)
			|| usd_for_gov_fee(fee_with_tip).is_some_and(|usd| can(UsdKind::get(), usd))
		{
			Ok(())
		} else {
			Err(InvalidTransaction::Payment.into())
		}
	}

	fn correct_and_deposit_fee(
		who: &AccountId,
		_info: &DispatchInfoOf<RuntimeCall>,
		_post_info: &PostDispatchInfoOf<RuntimeCall>,
		corrected_fee_with_tip: Balance,
		tip: Balance,
		withdrawn: Self::LiquidityInfo,
	) -> Result<(), TransactionValidityError> {
		let Some(Withdrawn { fee, tip: tip_credit, paid_in }) = withdrawn else { return Ok(()) };
		let (mut fee, overpaid) = fee.split(corrected_fee_with_tip.saturating_sub(tip));
		if let Some(kept) = refund(who, overpaid, paid_in) {
			// Same asset (GOV), so this cannot fail; if it did, the treasury takes it.
			if let Err(kept) = fee.subsume(kept) {
				pay(&TreasuryAccount::get(), kept);
			}
		}
		DealWithFees::on_unbalanceds([fee, tip_credit].into_iter());
		Ok(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn endow_account(who: &AccountId, amount: Balance) {
		let _ = <NativeAndAssets as frame_support::traits::fungibles::Mutate<AccountId>>::mint_into(
			NativeKind::get(),
			who,
			amount,
		);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn minimum_balance() -> Balance {
		<NativeAndAssets as Inspect<AccountId>>::minimum_balance(NativeKind::get())
	}
}
