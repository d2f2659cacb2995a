//! Paying transaction fees without GOV: `GovOrUsdFees` through the whole extension pipeline.

use super::{alice, ext_from_preset};
use crate::{
	accounts::TreasuryAccount, configs::UsdKind, fees::usd_for_gov_fee, AccountId, Assets,
	Balances, Runtime, RuntimeCall, RuntimeOrigin, USD_ASSET_ID,
};
use codec::Encode as _;
use frame_support::{assert_ok, dispatch::GetDispatchInfo, traits::fungible::Inspect};
use pallet_transaction_payment::ChargeTransactionPayment;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::DispatchTransaction,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};
use tandem_primitives::usd;

fn usd_of(who: &AccountId) -> u128 {
	Assets::balance(USD_ASSET_ID, who)
}

fn pool_reserves() -> (u128, u128) {
	crate::AssetConversion::get_reserves(UsdKind::get(), crate::configs::NativeKind::get())
		.expect("the dev chain's pool")
}

/// A fresh account that holds `usd` USD and no GOV.
fn usd_only(seed: &str, usd: u128) -> AccountId {
	use sp_core::Pair as _;
	let who = AccountId::from(sp_core::sr25519::Pair::from_string(seed, None).unwrap().public());
	assert_ok!(Assets::transfer(
		RuntimeOrigin::signed(alice()),
		USD_ASSET_ID.into(),
		who.clone().into(),
		usd
	));
	assert_eq!(Balances::balance(&who), 0);
	who
}

/// Runs `call` signed by `who` through `ChargeTransactionPayment` as a block does.
fn apply(who: &AccountId, call: RuntimeCall) -> Result<(), TransactionValidityError> {
	let info = call.get_dispatch_info();
	let len = call.encoded_size();
	ChargeTransactionPayment::<Runtime>::from(0)
		.dispatch_transaction(RuntimeOrigin::signed(who.clone()), call, &info, len, 0)
		.map(|r| {
			assert_ok!(r);
		})
}

fn send_usd(to: &AccountId, amount: u128) -> RuntimeCall {
	RuntimeCall::Assets(pallet_assets::Call::transfer_keep_alive {
		id: USD_ASSET_ID.into(),
		target: to.clone().into(),
		amount,
	})
}

/// An account with USD and no GOV sends USD: its fee is bought with its USD through the pool,
/// and the GOV that pays it lands in the usual split; GOV issuance does not move.
#[test]
fn an_account_without_gov_pays_its_fee_in_usd() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let who = usd_only("//UsdOnly", 10 * usd::UNIT);
		let to = Sr25519Keyring::Bob.to_account_id();
		let (usd_before, to_before) = (usd_of(&who), usd_of(&to));
		let (pool_usd, pool_gov) = pool_reserves();
		let treasury = Balances::balance(&TreasuryAccount::get());
		let issuance = Balances::total_issuance();
		let call = send_usd(&to, usd::UNIT);
		let fee = pallet_transaction_payment::Pallet::<Runtime>::compute_fee(
			call.encoded_size() as u32,
			&call.get_dispatch_info(),
			0,
		);
		assert!(fee > 0);
		let quoted = usd_for_gov_fee(fee).unwrap();
		assert_ok!(apply(&who, call));
		assert_eq!(usd_of(&to) - to_before, usd::UNIT);
		let paid_usd = usd_before - usd_of(&who) - usd::UNIT;
		assert!(paid_usd > 0 && paid_usd <= quoted, "paid {paid_usd}, quoted {quoted}");
		assert_eq!(Balances::balance(&who), 0, "still no GOV");
		let (pool_usd_after, pool_gov_after) = pool_reserves();
		assert_eq!(pool_usd_after - pool_usd, paid_usd, "the USD went into the pool");
		let gov_out = pool_gov - pool_gov_after;
		// No author in this test: the whole fee (the GOV out of the pool) reaches the treasury.
		assert!(gov_out > 0);
		assert_eq!(Balances::balance(&TreasuryAccount::get()) - treasury, gov_out);
		assert_eq!(Balances::total_issuance(), issuance, "no GOV minted or burned");
		assert!(gov_out <= fee, "the refund of unused weight went back to the signer");
	});
}

/// An account with GOV pays in GOV, as before; its USD is untouched.
#[test]
fn an_account_with_gov_pays_in_gov() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let who = Sr25519Keyring::Charlie.to_account_id();
		let (usd_before, gov_before) = (usd_of(&who), Balances::balance(&who));
		let reserves = pool_reserves();
		assert_ok!(apply(&who, send_usd(&alice(), usd::UNIT)));
		assert_eq!(usd_before - usd_of(&who), usd::UNIT);
		assert!(Balances::balance(&who) < gov_before);
		assert_eq!(pool_reserves(), reserves, "no swap");
	});
}

/// Too little USD for the fee (the account keeps the asset's minimum), or no pool at all: the
/// transaction is refused and nothing moves.
#[test]
fn an_account_that_cannot_pay_in_either_is_refused() {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let payment = Err(TransactionValidityError::Invalid(InvalidTransaction::Payment));
		// Exactly the minimum: nothing above it to pay with.
		let who = usd_only("//Poor", crate::configs::UsdMinBalance::get());
		assert_eq!(apply(&who, send_usd(&alice(), 1)), payment);
		assert_eq!(usd_of(&who), crate::configs::UsdMinBalance::get());
		// No USD in the pool (as on a chain whose pool is not seeded): the USD cannot be
		// turned into the fee.
		let rich = usd_only("//NoPool", 10 * usd::UNIT);
		let pool = <crate::configs::market::PoolIdToAccountId as sp_runtime::traits::TryConvert<
			_,
			AccountId,
		>>::try_convert(&(crate::configs::NativeKind::get(), UsdKind::get()))
		.unwrap();
		assert_ok!(Assets::burn(
			RuntimeOrigin::signed(alice()),
			USD_ASSET_ID.into(),
			pool.into(),
			u128::MAX
		));
		assert!(usd_for_gov_fee(1_000).is_none());
		assert_eq!(apply(&rich, send_usd(&alice(), 1)), payment);
		assert_eq!(usd_of(&rich), 10 * usd::UNIT);
	});
}

/// A `buy` from an account without GOV, with a tip: the tip is paid in USD through the pool by
/// the transaction-payment extension, which runs first; the credit-fee extension then checks
/// the buy again. An account that held just enough for the buy cannot use the tip to make it
/// fail after dispatch (which would have cost it nothing): the transaction is invalid.
#[test]
fn a_tip_cannot_make_a_buy_fail_for_free() {
	use tandem_primitives::credit;
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let ext = || {
			(
				ChargeTransactionPayment::<Runtime>::from(1_000_000),
				pallet_credits::ChargeCreditFee::<Runtime>::new(),
			)
		};
		let buy = RuntimeCall::Credits(pallet_credits::Call::buy {
			credits: 100 * credit::UNIT,
			max_usd: u128::MAX,
		});
		let cost = 3 * usd::UNIT; // 100 credits at $0.03
		let min = crate::configs::UsdMinBalance::get();
		// Exactly the buy and the asset's minimum: the tip would leave it short.
		let who = usd_only("//TipAttack", cost + min);
		let info = buy.get_dispatch_info();
		let len = buy.encoded_size();
		// As the block builder applies it: in a storage transaction, reverted when invalid.
		sp_io::storage::start_transaction();
		let result = ext().dispatch_transaction(
			RuntimeOrigin::signed(who.clone()),
			buy.clone(),
			&info,
			len,
			0,
		);
		assert_eq!(
			result.map(|_| ()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		sp_io::storage::rollback_transaction();
		assert_eq!(usd_of(&who), cost + min, "nothing charged");
		// With room for the tip the same buy goes through, its fee taken from the credits.
		assert_ok!(Assets::transfer(
			RuntimeOrigin::signed(alice()),
			USD_ASSET_ID.into(),
			who.clone().into(),
			usd::UNIT
		));
		assert_ok!(ext()
			.dispatch_transaction(RuntimeOrigin::signed(who.clone()), buy, &info, len, 0)
			.unwrap());
		let held = pallet_credits::Accounts::<Runtime>::get(&who).free;
		assert!(held < 100 * credit::UNIT && held > 99 * credit::UNIT, "{held}");
	});
}
