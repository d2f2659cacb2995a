//! `ChargeCreditFee`: fees in credits for `buy`, `spend` and `cash_out`.

use crate::{mock::*, pallet::*, ChargeCreditFee};
use frame_support::{
	assert_ok,
	dispatch::{GetDispatchInfo, Pays},
	pallet_prelude::InvalidTransaction,
};
use sp_runtime::traits::{DispatchTransaction, TransactionExtension};

fn spend_call(credits: u128) -> RuntimeCall {
	RuntimeCall::Credits(crate::Call::spend { netuid: 1, credits })
}

fn validate_and_prepare(who: AccountId, call: &RuntimeCall) -> Result<(), InvalidTransaction> {
	let info = call.get_dispatch_info();
	ChargeCreditFee::<Test>::new()
		.validate_and_prepare(RuntimeOrigin::signed(who), call, &info, 0, 0)
		.map(|_| ())
		.map_err(|e| match e {
			sp_runtime::transaction_validity::TransactionValidityError::Invalid(i) => i,
			_ => panic!("unexpected {e:?}"),
		})
}

fn buy_call(credits: u128, max_usd: u128) -> RuntimeCall {
	RuntimeCall::Credits(crate::Call::buy { credits, max_usd })
}

/// Validates, prepares, dispatches and post-dispatches `call` signed by `who`, as a block does.
fn apply(
	who: AccountId,
	call: RuntimeCall,
) -> Result<sp_runtime::DispatchResult, InvalidTransaction> {
	let info = call.get_dispatch_info();
	ChargeCreditFee::<Test>::new()
		.dispatch_transaction(RuntimeOrigin::signed(who), call, &info, 0, 0)
		.map(|r| r.map(|_| ()).map_err(|e| e.error))
		.map_err(|e| match e {
			sp_runtime::transaction_validity::TransactionValidityError::Invalid(i) => i,
			_ => panic!("unexpected {e:?}"),
		})
}

/// `call` signed by `who`, validated as the transaction pool does: what `prepare` takes.
fn validated(
	who: AccountId,
	call: &RuntimeCall,
) -> (<ChargeCreditFee<Test> as TransactionExtension<RuntimeCall>>::Val, RuntimeOrigin) {
	let (_, val, origin) = ChargeCreditFee::<Test>::new()
		.validate_only(
			RuntimeOrigin::signed(who),
			call,
			&call.get_dispatch_info(),
			0,
			sp_runtime::transaction_validity::TransactionSource::External,
			0,
		)
		.expect("valid");
	(val, origin)
}

#[test]
fn buy_spend_and_cash_out_pay_no_gov() {
	assert_eq!(spend_call(1).get_dispatch_info().pays_fee, Pays::No);
	let cash_out = RuntimeCall::Credits(crate::Call::cash_out { credits: 1 });
	assert_eq!(cash_out.get_dispatch_info().pays_fee, Pays::No);
	assert_eq!(buy_call(1, 1).get_dispatch_info().pays_fee, Pays::No);
	let authorize = RuntimeCall::Credits(crate::Call::authorize { operator: 1, netuid: 1, cap: 1 });
	assert_eq!(authorize.get_dispatch_info().pays_fee, Pays::Yes);
}

/// An account holding USD and no GOV buys credits; the fee comes out of what it bought.
#[test]
fn a_usd_only_account_buys_and_the_fee_comes_out_of_the_credits() {
	build_and_execute(|| {
		let buyer = 78;
		fund_usd(buyer, 10 * CREDIT);
		assert_eq!(Balances::free_balance(buyer), 0, "no GOV");
		let usd = usd_of(buyer);
		assert_eq!(apply(buyer, buy_call(10 * CREDIT, u128::MAX)), Ok(Ok(())));
		// 10 credits at $0.03: $0.30 paid; the 0.01-credit fee burned from the 10 bought.
		assert_eq!(usd - usd_of(buyer), 300_000);
		assert_eq!(Accounts::<Test>::get(buyer).free, 10 * CREDIT - 10_000);
		assert_eq!(PendingFeeUsd::<Test>::get(), 270);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Credits(Event::CreditFeePaid {
				who: buyer,
				credits: 10_000,
				usd: 270
			})));
	});
}

#[test]
fn a_buy_that_cannot_pay_its_fee_is_invalid() {
	build_and_execute(|| {
		let buyer = 78;
		fund_usd(buyer, CREDIT);
		let before = usd_of(buyer);
		// Not more credits than the 10_000 fee.
		assert_eq!(apply(buyer, buy_call(10_000, u128::MAX)), Err(InvalidTransaction::Payment));
		// Its own price limit is below the cost.
		assert_eq!(apply(buyer, buy_call(CREDIT, 29_999)), Err(InvalidTransaction::Payment));
		// More USD than it holds (it keeps the asset's minimum).
		assert_eq!(
			apply(buyer, buy_call(100 * CREDIT, u128::MAX)),
			Err(InvalidTransaction::Payment)
		);
		// No USD at all.
		assert_eq!(apply(79, buy_call(CREDIT, u128::MAX)), Err(InvalidTransaction::Payment));
		assert_eq!(usd_of(buyer), before, "nothing charged");
		assert_eq!(Accounts::<Test>::get(buyer).free, 0);
	});
}

/// A buy that passed validation and failed in dispatch still pays: the fee's price in USD.
#[test]
fn a_buy_that_fails_after_validation_pays_its_fee_in_usd() {
	build_and_execute(|| {
		let buyer = 78;
		fund_usd(buyer, CREDIT);
		let call = buy_call(CREDIT, u128::MAX);
		let info = call.get_dispatch_info();
		let (val, origin) = validated(buyer, &call);
		let pre = ChargeCreditFee::<Test>::new()
			.prepare(val, &origin, &call, &info, 0)
			.expect("prepared");
		let (treasury, usd) = (usd_of(TREASURY), usd_of(buyer));
		let failed: sp_runtime::DispatchResult = Err(crate::Error::<Test>::InsufficientUsd.into());
		assert_ok!(ChargeCreditFee::<Test>::post_dispatch_details(
			pre,
			&info,
			&Default::default(),
			0,
			&failed
		));
		// 0.01 credit at $0.03, rounded up: 300 USD units.
		assert_eq!(usd - usd_of(buyer), 300);
		assert_eq!(usd_of(TREASURY) - treasury, 300);
		assert_eq!(Accounts::<Test>::get(buyer).free, 0);
	});
}

#[test]
fn credits_only_account_pays_the_fee_in_credits() {
	build_and_execute(|| {
		crate::tests::distribute::earn(77, 10 * CREDIT);
		assert_eq!(Balances::free_balance(77), 0, "77 holds no GOV");
		let free = Accounts::<Test>::get(77).free;
		let treasury = usd_of(TREASURY);
		let call = spend_call(CREDIT);
		assert_ok!(validate_and_prepare(77, &call));
		assert_eq!(Accounts::<Test>::get(77).free, free - 10_000);
		// 0.01 credit × $0.027 is owed to the treasury; no USD moves per transaction.
		assert_eq!(PendingFeeUsd::<Test>::get(), 270);
		assert_eq!(usd_of(TREASURY), treasury);
		assert_ok!(Credits::spend(RuntimeOrigin::signed(77), 1, CREDIT));
		assert_eq!(Accounts::<Test>::get(77).free, free - 10_000 - CREDIT);
		// The settlement, every `FeeSettleInterval` blocks, moves it.
		let vault_before = usd_of(vault());
		use frame_support::traits::Hooks;
		Credits::on_initialize(9);
		assert_eq!(usd_of(TREASURY), treasury, "not due yet");
		Credits::on_initialize(10);
		assert_eq!(usd_of(TREASURY) - treasury, 270);
		assert_eq!(vault_before - usd_of(vault()), 270);
		assert_eq!(PendingFeeUsd::<Test>::get(), 0);
		assert!(System::events()
			.iter()
			.any(|r| r.event == RuntimeEvent::Credits(Event::CreditFeesSettled { usd: 270 })));
	});
}

/// With a GOV price, the credit fee is the GOV fee of the same call, converted at the oracle
/// and `CreditPrice`: GOV at $1, the mock's fee of one GOV unit per unit of ref-time.
#[test]
fn with_a_gov_price_the_credit_fee_is_worth_the_gov_fee() {
	build_and_execute(|| {
		crate::tests::distribute::earn(77, 10 * CREDIT);
		GovPrice::set(Some(sp_runtime::FixedU128::from_u32(1_000_000)));
		let call = spend_call(CREDIT);
		let info = call.get_dispatch_info();
		// The weight the fee is priced from: the call's and the extensions' (here the call's;
		// on a chain the executive fills the extensions' part in).
		let gov = u128::from(info.total_weight().ref_time());
		let expected = crate::math::credit_fee(gov, GovPrice::get().unwrap(), 30_000).unwrap();
		let free = Accounts::<Test>::get(77).free;
		assert_ok!(validate_and_prepare(77, &call));
		assert_eq!(free - Accounts::<Test>::get(77).free, expected);
		assert!(expected != CreditTxFee::get(), "not the flat fee");
		// GOV ten times cheaper: a tenth of the credits (rounded up).
		GovPrice::set(Some(sp_runtime::FixedU128::from_u32(10_000_000)));
		let free = Accounts::<Test>::get(77).free;
		assert_ok!(validate_and_prepare(77, &call));
		let tenth = crate::math::credit_fee(gov, GovPrice::get().unwrap(), 30_000).unwrap();
		// A tenth, give or take the rounding up to whole USD units.
		assert!(tenth * 10 <= expected * 11 && tenth * 10 >= expected);
		assert_eq!(free - Accounts::<Test>::get(77).free, tenth);
	});
}

/// USD spent between validation and prepare (a tip taken in USD by the extension before this
/// one): prepare checks again and the buy is invalid, never dispatched for free.
#[test]
fn a_buy_whose_usd_went_before_prepare_is_invalid() {
	build_and_execute(|| {
		let buyer = 78;
		fund_usd(buyer, 40_000);
		let call = buy_call(CREDIT, u128::MAX);
		let info = call.get_dispatch_info();
		let (val, origin) = validated(buyer, &call);
		// $0.011 leaves before prepare: $0.029 is short of the $0.03 (the minimum kept).
		use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			USD,
			&buyer,
			&ALICE,
			11_000,
			Preservation::Preserve
		));
		assert!(matches!(
			ChargeCreditFee::<Test>::new().prepare(val, &origin, &call, &info, 0),
			Err(sp_runtime::transaction_validity::TransactionValidityError::Invalid(
				InvalidTransaction::Payment
			))
		));
	});
}

#[test]
fn an_account_that_cannot_pay_the_credit_fee_is_invalid() {
	build_and_execute(|| {
		// No credits at all: not even the fee.
		assert_eq!(validate_and_prepare(BOB, &spend_call(1)), Err(InvalidTransaction::Payment));
		assert_ok!(Credits::buy(RuntimeOrigin::signed(BOB), 9_999, u128::MAX));
		assert_eq!(validate_and_prepare(BOB, &spend_call(1)), Err(InvalidTransaction::Payment));
		assert_eq!(Accounts::<Test>::get(BOB).free, 9_999, "nothing charged");
	});
}

#[test]
fn a_failing_call_still_pays_its_credit_fee() {
	build_and_execute(|| {
		assert_ok!(Credits::buy(RuntimeOrigin::signed(ALICE), 10 * CREDIT, u128::MAX));
		// Cashing out bought credits: the fee is taken, then the call fails with its own error.
		let call = RuntimeCall::Credits(crate::Call::cash_out { credits: CREDIT });
		assert_ok!(validate_and_prepare(ALICE, &call));
		assert_eq!(Accounts::<Test>::get(ALICE).free, 10 * CREDIT - 10_000);
		frame_support::assert_noop!(
			Credits::cash_out(RuntimeOrigin::signed(ALICE), CREDIT),
			crate::Error::<Test>::NotCashable
		);
	});
}

#[test]
fn other_calls_are_untouched() {
	build_and_execute(|| {
		let call =
			RuntimeCall::Credits(crate::Call::authorize { operator: ALICE, netuid: 1, cap: 1 });
		assert_ok!(validate_and_prepare(BOB, &call));
		let ext = ChargeCreditFee::<Test>::new();
		assert_eq!(ext.weight(&call), frame_support::weights::Weight::zero());
		assert!(ext.weight(&spend_call(1)).ref_time() > 0);
	});
}
