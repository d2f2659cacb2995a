//! Property test over random sequences of calls: whatever users, gateways, epochs and governance
//! do, the ledger's invariants hold after every step, no USD is created or destroyed, and the
//! vault never pays out more than it holds.

use crate::{mock::*, pallet::*};
use frame_support::traits::fungibles::Inspect;
use proptest::prelude::*;
use sp_runtime::Perbill;
use tandem_primitives::{CreditsInterface, PayoutShares};

#[derive(Clone, Debug)]
enum Op {
	Buy {
		who: AccountId,
		credits: u128,
	},
	Spend {
		who: AccountId,
		netuid: u16,
		credits: u128,
	},
	Charge {
		user: AccountId,
		credits: u128,
	},
	Distribute {
		netuid: u16,
		v: u32,
		m: u32,
	},
	CashOut {
		who: AccountId,
		credits: u128,
	},
	/// Cash out a share of what is cashable (so cash-outs succeed often enough to matter).
	CashOutShare {
		who: AccountId,
		percent: u8,
	},
	/// Spend a share of what is held.
	SpendShare {
		who: AccountId,
		netuid: u16,
		percent: u8,
	},
	Slash {
		who: AccountId,
		percent: u8,
	},
	/// The credit transaction fee.
	Fee {
		who: AccountId,
		credits: u128,
	},
}

const PEOPLE: [AccountId; 4] = [ALICE, BOB, CHARLIE, OWNER];

fn op() -> impl Strategy<Value = Op> {
	let who = prop::sample::select(PEOPLE.to_vec());
	let amount = prop_oneof![1u128..100, 1u128..(1_000 * CREDIT)];
	prop_oneof![
		(who.clone(), amount.clone()).prop_map(|(who, credits)| Op::Buy { who, credits }),
		(who.clone(), 0u16..4, amount.clone()).prop_map(|(who, netuid, credits)| Op::Spend {
			who,
			netuid,
			credits
		}),
		(who.clone(), amount.clone()).prop_map(|(user, credits)| Op::Charge { user, credits }),
		(0u16..3, 0u32..=1_000_000_000, 0u32..=1_000_000_000)
			.prop_map(|(netuid, v, m)| Op::Distribute { netuid, v, m }),
		(who.clone(), amount).prop_map(|(who, credits)| Op::CashOut { who, credits }),
		(who.clone(), 1u8..=100).prop_map(|(who, percent)| Op::CashOutShare { who, percent }),
		(who.clone(), 0u16..3, 1u8..=100).prop_map(|(who, netuid, percent)| Op::SpendShare {
			who,
			netuid,
			percent
		}),
		(who.clone(), 0u8..=60).prop_map(|(who, percent)| Op::Slash { who, percent }),
		(who, 1u128..(10 * CREDIT)).prop_map(|(who, credits)| Op::Fee { who, credits }),
	]
}

fn usd_supply() -> u128 {
	<Assets as Inspect<AccountId>>::total_issuance(USD)
}

fn apply(op: &Op) {
	// Errors are expected (insufficient funds, unknown subnet, bounds): each must change
	// nothing, which the invariants after every step check.
	let _ = match op.clone() {
		Op::Buy { who, credits } => Credits::buy(RuntimeOrigin::signed(who), credits, u128::MAX),
		Op::Spend { who, netuid, credits } => {
			Credits::spend(RuntimeOrigin::signed(who), netuid, credits)
		}
		Op::Charge { user, credits } => {
			let _ = Credits::authorize(RuntimeOrigin::signed(user), GATEWAY, 1, 500 * CREDIT);
			Credits::charge(RuntimeOrigin::signed(GATEWAY), user, 1, credits, [0; 32])
		}
		Op::Distribute { netuid, v, m } => {
			let shares = PayoutShares {
				owner: OWNER,
				permit_holders: vec![],
				validators: vec![(BOB, Perbill::from_parts(v))],
				miners: vec![
					(CHARLIE, Perbill::from_parts(m / 2)),
					(ALICE, Perbill::from_parts(m - m / 2)),
				],
			};
			<Credits as CreditsInterface<AccountId>>::distribute(netuid, &shares).map(|_| ())
		}
		Op::CashOut { who, credits } => Credits::cash_out(RuntimeOrigin::signed(who), credits),
		Op::CashOutShare { who, percent } => {
			let cashable = Accounts::<Test>::get(who).cashable();
			let credits = Perbill::from_percent(u32::from(percent)).mul_floor(cashable);
			Credits::cash_out(RuntimeOrigin::signed(who), credits)
		}
		Op::SpendShare { who, netuid, percent } => {
			let free = Accounts::<Test>::get(who).free;
			let credits = Perbill::from_percent(u32::from(percent)).mul_floor(free);
			Credits::spend(RuntimeOrigin::signed(who), netuid, credits)
		}
		Op::Slash { who, percent } => {
			let credits = Perbill::from_percent(u32::from(percent))
				.mul_floor(Accounts::<Test>::get(who).free);
			Credits::slash(RuntimeOrigin::root(), who, credits, vec![])
		}
		Op::Fee { who, credits } => Credits::do_charge_credit_fee(&who, credits),
	};
}

/// The account and subnet a spend or charge moves credits between.
fn spender(op: &Op) -> Option<(AccountId, u16)> {
	match *op {
		Op::Spend { who, netuid, .. } | Op::SpendShare { who, netuid, .. } => Some((who, netuid)),
		Op::Charge { user, .. } => Some((user, 1)),
		_ => None,
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]

	#[test]
	fn any_sequence_keeps_the_ledger_sound(ops in prop::collection::vec(op(), 1..40)) {
		new_test_ext().execute_with(|| {
			let supply = usd_supply();
			for op in &ops {
				let vault_before = usd_of(vault());
				let spend = spender(op).map(|(who, netuid)| {
					(Accounts::<Test>::get(who).paid, Pools::<Test>::get(netuid), netuid)
				});
				apply(op);
				// A spend's paid part is `min(credits, paid)`; a pool's totals only grow.
				if let Some((paid_before, pool_before, netuid)) = spend {
					let pool = Pools::<Test>::get(netuid);
					let spent = pool.spent_total - pool_before.spent_total;
					prop_assert_eq!(
						pool.paid_total - pool_before.paid_total,
						spent.min(paid_before),
						"paid part of {:?}", op
					);
					prop_assert!(pool.recycled_total() >= pool_before.recycled_total());
				}
				prop_assert!(Credits::do_try_state().is_ok(), "invariants after {:?}", op);
				prop_assert_eq!(usd_supply(), supply, "USD created or destroyed by {:?}", op);
				// The vault only pays what it has: it can never be drained below its minimum.
				prop_assert!(usd_of(vault()) >= 1, "vault drained by {:?} (was {})", op, vault_before);
			}
			Ok(())
		})?;
	}
}
