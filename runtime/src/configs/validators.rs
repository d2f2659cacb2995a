//! The validator set: `pallet-session` rotates it every session and gives Aura and GRANDPA their
//! authorities; `pallet-validators` is the list governance changes (root adds, root or the
//! emergency track removes). See `docs/validators.md`.

use crate::{
	governance::origins::EmergencyOrigin, limits::MaxAuthorities, AccountId, Balance, Balances,
	BlockNumber, Runtime, RuntimeEvent, Session, SessionKeys, Validators,
};
use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use pallet_validators::SessionPeriod;
use sp_runtime::traits::ConvertInto;
use tandem_primitives::{gov, time::HOURS};

parameter_types! {
	/// Blocks per session on a production chain (an hour); test presets set their own at
	/// genesis.
	pub const SessionLength: BlockNumber = HOURS;
	/// GOV held while an account has session keys: a validator's keys cost their storage.
	pub const SessionKeyDeposit: Balance = gov::UNIT;
}

/// Sessions of [`SessionPeriod`] blocks, the first ending at a multiple of it.
type Sessions = pallet_session::PeriodicSessions<SessionPeriod<Runtime>, ConstU32<0>>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// A validator is its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = Validators;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// No slashing: a misbehaving validator is removed by referendum, not disabled.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_validators::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EmergencyOrigin;
	type KeysRegistered = Session;
	type MaxValidators = MaxAuthorities;
	type MinValidators = ConstU32<1>;
	type DefaultSessionLength = SessionLength;
	type WeightInfo = pallet_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmark_helpers::ValidatorKeys;
}
