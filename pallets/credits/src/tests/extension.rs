//! `ChargeCreditFee`: fees in credits for `spend` and `cash_out`.

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

#[test]
fn spend_and_cash_out_pay_no_gov() {
	assert_eq!(spend_call(1).get_dispatch_info().pays_fee, Pays::No);
	let cash_out = RuntimeCall::Credits(crate::Call::cash_out { credits: 1 });
	assert_eq!(cash_out.get_dispatch_info().pays_fee, Pays::No);
	let buy = RuntimeCall::Credits(crate::Call::buy { credits: 1, max_usd: 1 });
	assert_eq!(buy.get_dispatch_info().pays_fee, Pays::Yes);
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
		assert_eq!(usd_of(TREASURY) - treasury, 270); // 0.01 credit × $0.027
		assert_ok!(Credits::spend(RuntimeOrigin::signed(77), 1, CREDIT));
		assert_eq!(Accounts::<Test>::get(77).free, free - 10_000 - CREDIT);
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
		let call = RuntimeCall::Credits(crate::Call::buy { credits: CREDIT, max_usd: u128::MAX });
		assert_ok!(validate_and_prepare(BOB, &call));
		let ext = ChargeCreditFee::<Test>::new();
		assert_eq!(ext.weight(&call), frame_support::weights::Weight::zero());
		assert!(ext.weight(&spend_call(1)).ref_time() > 0);
	});
}
