//! [`VotableGov`]: GOV as conviction voting sees it — every account's balance less what is
//! still vesting.
//!
//! `pallet-conviction-voting` checks a vote's and a delegation's balance against
//! `Currency::total_balance` and nothing else. Team and investor GOV vests for years from
//! genesis; if it could vote, the insiders holding 60 % of the genesis supply would decide every
//! early referendum. This adapter is `Balances` in every respect except that `total_balance`
//! leaves out the amount `pallet-vesting` still locks, so a vote or delegation larger than an
//! account's vested (and never-vesting) GOV fails with `InsufficientFunds`. As GOV vests, it
//! becomes votable with no action by anyone.
//!
//! Locks, reserves and transfers go to `Balances` unchanged: the voting lock is an ordinary
//! balance lock that overlaps the vesting lock.

use crate::{AccountId, Balance, Balances, BlockNumber, Vesting};
use frame_support::traits::{
	fungible,
	tokens::{DepositConsequence, Fortitude, Preservation, Provenance, WithdrawConsequence},
	BalanceStatus, Currency, ExistenceRequirement, LockIdentifier, LockableCurrency,
	ReservableCurrency, SignedImbalance, VestingSchedule, WithdrawReasons,
};
use sp_runtime::{DispatchError, DispatchResult};

/// GOV less what is still vesting: the `Currency` of conviction voting. See the module docs.
pub struct VotableGov;

type Positive = <Balances as Currency<AccountId>>::PositiveImbalance;
type Negative = <Balances as Currency<AccountId>>::NegativeImbalance;

impl VotableGov {
	/// GOV of `who` that `pallet-vesting` still locks.
	pub fn unvested(who: &AccountId) -> Balance {
		<Vesting as VestingSchedule<AccountId>>::vesting_balance(who).unwrap_or(0)
	}
}

impl Currency<AccountId> for VotableGov {
	type Balance = Balance;
	type PositiveImbalance = Positive;
	type NegativeImbalance = Negative;

	/// The one difference from `Balances`: unvested GOV is left out.
	fn total_balance(who: &AccountId) -> Balance {
		<Balances as Currency<AccountId>>::total_balance(who).saturating_sub(Self::unvested(who))
	}
	fn can_slash(who: &AccountId, value: Balance) -> bool {
		<Balances as Currency<AccountId>>::can_slash(who, value)
	}
	fn total_issuance() -> Balance {
		<Balances as Currency<AccountId>>::total_issuance()
	}
	fn minimum_balance() -> Balance {
		<Balances as Currency<AccountId>>::minimum_balance()
	}
	fn burn(amount: Balance) -> Positive {
		<Balances as Currency<AccountId>>::burn(amount)
	}
	fn issue(amount: Balance) -> Negative {
		<Balances as Currency<AccountId>>::issue(amount)
	}
	fn free_balance(who: &AccountId) -> Balance {
		<Balances as Currency<AccountId>>::free_balance(who)
	}
	fn ensure_can_withdraw(
		who: &AccountId,
		amount: Balance,
		reasons: WithdrawReasons,
		new_balance: Balance,
	) -> DispatchResult {
		<Balances as Currency<AccountId>>::ensure_can_withdraw(who, amount, reasons, new_balance)
	}
	fn transfer(
		source: &AccountId,
		dest: &AccountId,
		value: Balance,
		existence: ExistenceRequirement,
	) -> DispatchResult {
		<Balances as Currency<AccountId>>::transfer(source, dest, value, existence)
	}
	fn slash(who: &AccountId, value: Balance) -> (Negative, Balance) {
		<Balances as Currency<AccountId>>::slash(who, value)
	}
	fn deposit_into_existing(who: &AccountId, value: Balance) -> Result<Positive, DispatchError> {
		<Balances as Currency<AccountId>>::deposit_into_existing(who, value)
	}
	fn deposit_creating(who: &AccountId, value: Balance) -> Positive {
		<Balances as Currency<AccountId>>::deposit_creating(who, value)
	}
	fn withdraw(
		who: &AccountId,
		value: Balance,
		reasons: WithdrawReasons,
		liveness: ExistenceRequirement,
	) -> Result<Negative, DispatchError> {
		<Balances as Currency<AccountId>>::withdraw(who, value, reasons, liveness)
	}
	fn make_free_balance_be(
		who: &AccountId,
		balance: Balance,
	) -> SignedImbalance<Balance, Positive> {
		<Balances as Currency<AccountId>>::make_free_balance_be(who, balance)
	}
}

impl ReservableCurrency<AccountId> for VotableGov {
	fn can_reserve(who: &AccountId, value: Balance) -> bool {
		<Balances as ReservableCurrency<AccountId>>::can_reserve(who, value)
	}
	fn slash_reserved(who: &AccountId, value: Balance) -> (Negative, Balance) {
		<Balances as ReservableCurrency<AccountId>>::slash_reserved(who, value)
	}
	fn reserved_balance(who: &AccountId) -> Balance {
		<Balances as ReservableCurrency<AccountId>>::reserved_balance(who)
	}
	fn reserve(who: &AccountId, value: Balance) -> DispatchResult {
		<Balances as ReservableCurrency<AccountId>>::reserve(who, value)
	}
	fn unreserve(who: &AccountId, value: Balance) -> Balance {
		<Balances as ReservableCurrency<AccountId>>::unreserve(who, value)
	}
	fn repatriate_reserved(
		slashed: &AccountId,
		beneficiary: &AccountId,
		value: Balance,
		status: BalanceStatus,
	) -> Result<Balance, DispatchError> {
		<Balances as ReservableCurrency<AccountId>>::repatriate_reserved(
			slashed,
			beneficiary,
			value,
			status,
		)
	}
}

impl LockableCurrency<AccountId> for VotableGov {
	type Moment = BlockNumber;
	type MaxLocks = <Balances as LockableCurrency<AccountId>>::MaxLocks;

	fn set_lock(id: LockIdentifier, who: &AccountId, amount: Balance, reasons: WithdrawReasons) {
		<Balances as LockableCurrency<AccountId>>::set_lock(id, who, amount, reasons)
	}
	fn extend_lock(id: LockIdentifier, who: &AccountId, amount: Balance, reasons: WithdrawReasons) {
		<Balances as LockableCurrency<AccountId>>::extend_lock(id, who, amount, reasons)
	}
	fn remove_lock(id: LockIdentifier, who: &AccountId) {
		<Balances as LockableCurrency<AccountId>>::remove_lock(id, who)
	}
}

impl fungible::Inspect<AccountId> for VotableGov {
	type Balance = Balance;

	fn total_issuance() -> Balance {
		<Balances as fungible::Inspect<AccountId>>::total_issuance()
	}
	fn active_issuance() -> Balance {
		<Balances as fungible::Inspect<AccountId>>::active_issuance()
	}
	fn minimum_balance() -> Balance {
		<Balances as fungible::Inspect<AccountId>>::minimum_balance()
	}
	fn total_balance(who: &AccountId) -> Balance {
		<Self as Currency<AccountId>>::total_balance(who)
	}
	fn balance(who: &AccountId) -> Balance {
		<Balances as fungible::Inspect<AccountId>>::balance(who)
	}
	fn reducible_balance(who: &AccountId, preservation: Preservation, force: Fortitude) -> Balance {
		<Balances as fungible::Inspect<AccountId>>::reducible_balance(who, preservation, force)
	}
	fn can_deposit(who: &AccountId, amount: Balance, provenance: Provenance) -> DepositConsequence {
		<Balances as fungible::Inspect<AccountId>>::can_deposit(who, amount, provenance)
	}
	fn can_withdraw(who: &AccountId, amount: Balance) -> WithdrawConsequence<Balance> {
		<Balances as fungible::Inspect<AccountId>>::can_withdraw(who, amount)
	}
}
