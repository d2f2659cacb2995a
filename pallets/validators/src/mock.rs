//! A test runtime: system, balances, session (one dummy key per validator) and validators,
//! with sessions of 5 blocks, at most 4 validators and at least 1.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate::{self as pallet_validators, SessionPeriod};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks, OneSessionHandler},
};
use frame_system::EnsureRoot;
use sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Validators: pallet_validators,
		Session: pallet_session,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Account 9 is the origin the tests use for "emergency": it may remove, not add.
pub const EMERGENCY: u64 = 9;
/// Blocks per session.
pub const SESSION: u64 = 5;

parameter_types! {
	/// The authorities the session handler was last given (what consensus would author with).
	pub static Authorities: Vec<u64> = vec![];
}

/// Stands in for Aura and GRANDPA: records the active set.
pub struct RecordAuthorities;
impl sp_runtime::BoundToRuntimeAppPublic for RecordAuthorities {
	type Public = UintAuthorityId;
}
impl OneSessionHandler<u64> for RecordAuthorities {
	type Key = UintAuthorityId;
	fn on_genesis_session<'a, I: 'a + Iterator<Item = (&'a u64, Self::Key)>>(validators: I) {
		Authorities::set(validators.map(|(_, k)| k.0).collect());
	}
	/// Like Aura and GRANDPA: an unchanged session changes nothing.
	fn on_new_session<'a, I: 'a + Iterator<Item = (&'a u64, Self::Key)>>(
		changed: bool,
		validators: I,
		_queued: I,
	) {
		if changed {
			Authorities::set(validators.map(|(_, k)| k.0).collect());
		}
	}
	fn on_disabled(_: u32) {}
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod<Test>, ConstU64<0>>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod<Test>, ConstU64<0>>;
	type SessionManager = Validators;
	type SessionHandler = (RecordAuthorities,);
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<10>;
}

/// Root adds; root or [`EMERGENCY`] removes.
pub struct EnsureEmergency;
impl frame_support::traits::EnsureOrigin<RuntimeOrigin> for EnsureEmergency {
	type Success = ();
	fn try_origin(o: RuntimeOrigin) -> Result<(), RuntimeOrigin> {
		match o.clone().into() {
			Ok(frame_system::RawOrigin::Root) => Ok(()),
			Ok(frame_system::RawOrigin::Signed(EMERGENCY)) => Ok(()),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct GiveKeys;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for GiveKeys {
	fn register_keys(who: &u64) {
		set_keys(*who);
	}
}

impl pallet_validators::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<u64>;
	type RemoveOrigin = EnsureEmergency;
	type KeysRegistered = Session;
	type MaxValidators = ConstU32<4>;
	type MinValidators = ConstU32<1>;
	type DefaultSessionLength = ConstU64<600>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GiveKeys;
}

/// Funds `who` and sets its session key (`UintAuthorityId(who)`) as a validator would.
pub fn set_keys(who: u64) {
	use frame_support::traits::fungible::Mutate;
	Balances::mint_into(&who, 100).unwrap();
	Session::set_keys(RuntimeOrigin::signed(who), UintAuthorityId(who), vec![]).unwrap();
}

/// Validators 1 and 2, with keys; accounts 1 to 9 funded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let keys = |v: u64| (v, v, UintAuthorityId(v));
	let t = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig {
			balances: (1..=9).map(|a| (a, 1_000)).collect(),
			..Default::default()
		},
		validators: pallet_validators::GenesisConfig {
			validators: vec![1, 2],
			session_length: Some(SESSION),
		},
		session: pallet_session::GenesisConfig {
			keys: vec![keys(1), keys(2)],
			non_authority_keys: vec![],
		},
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `f`, then the pallet's invariants.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		Validators::do_try_state().expect("invariants hold");
	});
}

/// Runs session's `on_initialize` up to block `n`.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let b = System::block_number() + 1;
		System::set_block_number(b);
		Session::on_initialize(b);
	}
}
