//! OpenGov: referenda on five tracks, voted in GOV with conviction (`docs/governance.md`).
//!
//! | track        | origin                      | may call                                         |
//! |--------------|-----------------------------|--------------------------------------------------|
//! | `root`       | `Root`                      | anything (runtime upgrades, launch, emission)    |
//! | `parameters` | `Governance::ParameterAdmin`| `governance.set_parameter`, within bounds        |
//! | `treasurer`  | `Governance::Treasurer`     | treasury spends, credit issuers, airdrops        |
//! | `slasher`    | `Governance::Slasher`       | `credits.slash`, `subnets.slash_stake`           |
//! | `emergency`  | `Governance::Emergency`     | stops only: emission off, buybacks paused, a subnet dissolved, a referendum cancelled or killed |
//!
//! Timings come in two profiles chosen at genesis (`governance.fastTracks`): production (days)
//! and fast (blocks, for dev chains and tests). Deposits and curves are the same in both.
//!
//! | module | what |
//! |---|---|
//! | [`origins`] | the origins other pallets accept (root or a track) |
//! | [`tracks`] | the track table and its two timing profiles |
//! | [`bounds`] | every parameter's range and the rules between parameters |
//! | [`votable`] | GOV less what is still vesting: what conviction voting counts |
//! | this file | scheduler, preimages, conviction voting, referenda, `pallet-governance`, `pallet-parameters` |

pub mod bounds;
pub mod origins;
pub mod tracks;
pub mod votable;

pub use tracks::track;

use crate::{
	limits::{MaxScheduledPerBlock, MaximumSchedulerWeight},
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Referenda, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System, Treasury,
};
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, AsEnsureOriginWithArg, ConstU32, EqualPrivilegeOnly,
		LinearStoragePrice, TotalIssuanceOf,
	},
};
use frame_system::{EnsureRoot, EnsureSigned};
use tandem_primitives::{gov, time::DAYS};
use tracks::ByProfile;

// --- scheduler and preimages ---

parameter_types! {
	/// Preimage deposit: 1 GOV plus 0.01 GOV per byte, held until the preimage is removed.
	pub const PreimageBaseDeposit: Balance = gov::UNIT;
	pub const PreimageByteDeposit: Balance = gov::UNIT / 100;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	// Referenda schedule enactments directly; nobody else schedules.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = MaxScheduledPerBlock;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

// --- conviction voting ---

/// Blocks a vote stays locked per conviction step once its referendum ends (7 days; 10 blocks
/// on fast-track chains). Locked6x holds for 32 × this.
pub type VoteLockingPeriod = ByProfile<10, { 7 * DAYS }>;

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	// Unvested GOV does not vote or delegate (`votable`).
	type Currency = votable::VotableGov;
	type Polls = Referenda;
	// Support is measured against all GOV in existence.
	type MaxTurnout = TotalIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

// --- referenda ---

parameter_types! {
	/// Opening a referendum costs 100 GOV (refunded), so spam costs something.
	pub const SubmissionDeposit: Balance = 100 * gov::UNIT;
	pub const MaxQueued: u32 = 100;
	pub const AlarmInterval: BlockNumber = 1;
}

/// A referendum without a decision deposit times out after 14 days (20 blocks when fast).
pub type UndecidingTimeout = ByProfile<20, { 14 * DAYS }>;

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	// The emergency track may stop a referendum (refunding or keeping its deposits), as root may.
	type CancelOrigin = origins::EmergencyOrigin;
	type KillOrigin = origins::EmergencyOrigin;
	// Slashed deposits go to the treasury: GOV is only ever burned through gov-token.
	type Slash = Treasury;
	type Votes = Balance;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = MaxQueued;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = tracks::Tracks;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

// --- protocol parameters ---

impl pallet_governance::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type SetOrigin = origins::ParameterSetOrigin;
	type Bounds = bounds::Bounds;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmark_helpers::GovernanceBenchmarkHelper;
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = crate::dynamic_params::RuntimeParameters;
	// Nobody writes parameters here: `governance.set_parameter` checks bounds first.
	type AdminOrigin = origins::RawParametersOrigin;
	type WeightInfo = ();
}

#[cfg(test)]
mod tests;
