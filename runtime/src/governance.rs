//! OpenGov: referenda on four tracks, voted in GOV with conviction (`docs/governance.md`).
//!
//! | track        | origin                      | may call                                         |
//! |--------------|-----------------------------|--------------------------------------------------|
//! | `root`       | `Root`                      | anything (runtime upgrades, launch, emission)    |
//! | `parameters` | `Governance::ParameterAdmin`| `governance.set_parameter`, within bounds        |
//! | `treasurer`  | `Governance::Treasurer`     | treasury spends, credit issuers, airdrops        |
//! | `slasher`    | `Governance::Slasher`       | `credits.slash`, `subnets.slash_stake`           |
//!
//! Timings come in two profiles chosen at genesis (`governance.fastTracks`): production (days)
//! and fast (blocks, for dev chains and tests). Deposits and curves are the same in both.

use crate::{
	dynamic_params::{credits, subnets, token, yuma, RuntimeParametersValue as V},
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Referenda, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System, Treasury,
};
use alloc::borrow::Cow;
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, AsEnsureOriginWithArg, EitherOf, EqualPrivilegeOnly, Get,
		LinearStoragePrice, MapSuccess, NeverEnsureOrigin,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSigned};
use pallet_governance::{
	within, BoundError, EnsureParameterAdmin, EnsureSlasher, EnsureTreasurer, ParameterBounds,
};
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{traits::Replace, Perbill, Permill};
use tandem_primitives::{
	gov,
	time::{DAYS, HOURS, MINUTES},
	usd,
};

// --- origins the other pallets accept ---

/// Root, or a passed `slasher` referendum.
pub type SlashOrigin = EitherOf<EnsureRoot<AccountId>, EnsureSlasher>;
/// Root, or a passed `treasurer` referendum (credit issuers, airdrops, rejecting spends).
pub type TreasurerOrigin = EitherOf<EnsureRoot<AccountId>, EnsureTreasurer>;
/// Root, or a passed `parameters` referendum: sets any protocol parameter, within bounds.
pub type ParameterSetOrigin =
	AsEnsureOriginWithArg<EitherOf<EnsureRoot<AccountId>, EnsureParameterAdmin>>;
/// `pallet-parameters` accepts nobody: every change goes through the bounded
/// `governance.set_parameter`.
pub type RawParametersOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<()>>;

parameter_types! {
	/// Most GOV one `treasurer` referendum may spend: 1 M GOV (larger spends go to `root`).
	pub const TreasurerMaxSpend: Balance = 1_000_000 * gov::UNIT;
	/// Root may approve any amount.
	pub const RootMaxSpend: Balance = Balance::MAX;
}
/// Treasury spends: root without limit, the `treasurer` track up to `TreasurerMaxSpend`.
pub type TreasurySpendOrigin = EitherOf<
	EnsureRootWithSuccess<AccountId, RootMaxSpend>,
	MapSuccess<EnsureTreasurer, Replace<TreasurerMaxSpend>>,
>;

// --- scheduler and preimages ---

parameter_types! {
	/// Enactments may fill 80 % of a block.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * crate::configs::RuntimeBlockWeights::get().max_block;
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
	type MaxScheduledPerBlock = frame_support::traits::ConstU32<50>;
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

/// `Fast` blocks on fast-track chains, `Production` blocks otherwise.
pub struct ByProfile<const FAST: BlockNumber, const PRODUCTION: BlockNumber>;
impl<const FAST: BlockNumber, const PRODUCTION: BlockNumber> Get<BlockNumber>
	for ByProfile<FAST, PRODUCTION>
{
	fn get() -> BlockNumber {
		if fast() {
			FAST
		} else {
			PRODUCTION
		}
	}
}

/// Blocks a vote stays locked per conviction step once its referendum ends (7 days; 10 blocks
/// on fast-track chains). Locked6x holds for 32 × this.
pub type VoteLockingPeriod = ByProfile<10, { 7 * DAYS }>;

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type Polls = Referenda;
	// Support is measured against all GOV in existence.
	type MaxTurnout = frame_support::traits::TotalIssuanceOf<Balances, AccountId>;
	type MaxVotes = frame_support::traits::ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

// --- referenda and tracks ---

parameter_types! {
	/// Opening a referendum costs 100 GOV (refunded), so spam costs something.
	pub const SubmissionDeposit: Balance = 100 * gov::UNIT;
	pub const MaxQueued: u32 = 100;
	pub const AlarmInterval: BlockNumber = 1;
}

/// A referendum without a decision deposit times out after 14 days (20 blocks when fast).
pub type UndecidingTimeout = ByProfile<20, { 14 * DAYS }>;

fn fast() -> bool {
	pallet_governance::FastTracks::<Runtime>::get()
}

/// Track ids.
pub mod track {
	pub const ROOT: u16 = 0;
	pub const PARAMETERS: u16 = 1;
	pub const TREASURER: u16 = 2;
	pub const SLASHER: u16 = 3;
}

/// `pallet-referenda`'s default track-name length.
const NAME_LEN: usize = 25;

// The loop keeps `i` below both lengths.
#[allow(clippy::indexing_slicing)]
const fn name(s: &str) -> [u8; NAME_LEN] {
	let mut out = [0u8; NAME_LEN];
	let bytes = s.as_bytes();
	let mut i = 0;
	while i < bytes.len() && i < NAME_LEN {
		out[i] = bytes[i];
		i += 1;
	}
	out
}

/// Falls linearly from `ceil` to `floor` over the whole decision period.
const fn linear(floor: Perbill, ceil: Perbill) -> Curve {
	Curve::LinearDecreasing { length: Perbill::from_percent(100), floor, ceil }
}

/// Periods of one track: (prepare, decision, confirm, min_enactment).
type Periods = (BlockNumber, BlockNumber, BlockNumber, BlockNumber);

/// One track's row. `fast` swaps the production periods for blocks.
const fn row(
	id: u16,
	title: &str,
	max_deciding: u32,
	decision_deposit: Balance,
	(prepare, decision, confirm, enact): Periods,
	approval: Curve,
	support: Curve,
) -> Track<u16, Balance, BlockNumber> {
	Track {
		id,
		info: TrackInfo {
			name: name(title),
			max_deciding,
			decision_deposit,
			prepare_period: prepare,
			decision_period: decision,
			confirm_period: confirm,
			min_enactment_period: enact,
			min_approval: approval,
			min_support: support,
		},
	}
}

const fn pct(p: u32) -> Perbill {
	Perbill::from_percent(p)
}

/// The four tracks. Reasons for the numbers are in `docs/governance.md`.
const fn table(fast: bool) -> [Track<u16, Balance, BlockNumber>; 4] {
	// Fast tracks: 1 block to prepare, 20 to decide, 2 to confirm, 1 to enact.
	const fn p(fast: bool, production: Periods) -> Periods {
		if fast {
			(1, 20, 2, 1)
		} else {
			production
		}
	}
	[
		row(
			track::ROOT,
			"root",
			1,
			100_000 * gov::UNIT,
			p(fast, (2 * HOURS, 14 * DAYS, DAYS, DAYS)),
			linear(pct(50), pct(100)),
			linear(Perbill::from_parts(5_000_000), pct(25)),
		),
		row(
			track::PARAMETERS,
			"parameters",
			10,
			5_000 * gov::UNIT,
			p(fast, (HOURS, 7 * DAYS, DAYS, HOURS)),
			linear(pct(50), pct(100)),
			linear(pct(1), pct(10)),
		),
		row(
			track::TREASURER,
			"treasurer",
			10,
			10_000 * gov::UNIT,
			p(fast, (2 * HOURS, 14 * DAYS, 2 * DAYS, DAYS)),
			linear(pct(50), pct(100)),
			linear(pct(2), pct(20)),
		),
		row(
			track::SLASHER,
			"slasher",
			20,
			2_000 * gov::UNIT,
			p(fast, (30 * MINUTES, 3 * DAYS, 6 * HOURS, 10 * MINUTES)),
			linear(pct(60), pct(100)),
			linear(pct(1), pct(10)),
		),
	]
}

static PRODUCTION: [Track<u16, Balance, BlockNumber>; 4] = table(false);
static FAST: [Track<u16, Balance, BlockNumber>; 4] = table(true);

/// The track table `pallet-referenda` reads (its profile chosen at genesis).
pub struct Tracks;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for Tracks {
	type Id = u16;
	type RuntimeOrigin = OriginCaller;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<u16, Balance, BlockNumber>>> {
		let table = if fast() { &FAST } else { &PRODUCTION };
		table.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &OriginCaller) -> Result<u16, ()> {
		use pallet_governance::Origin as O;
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(track::ROOT),
			OriginCaller::Governance(O::ParameterAdmin) => Ok(track::PARAMETERS),
			OriginCaller::Governance(O::Treasurer) => Ok(track::TREASURER),
			OriginCaller::Governance(O::Slasher) => Ok(track::SLASHER),
			_ => Err(()),
		}
	}
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type CancelOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	// Slashed deposits go to the treasury: GOV is only ever burned through gov-token.
	type Slash = Treasury;
	type Votes = Balance;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = MaxQueued;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = Tracks;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_governance::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type SetOrigin = ParameterSetOrigin;
	type Bounds = Bounds;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GovernanceBenchmarkHelper;
}

/// A `PayoutRate` raise to $0.028 with the vault funded to back it: the check reads
/// `CreditPrice`, `PayoutRate`, the credit supply and the vault's USD.
#[cfg(feature = "runtime-benchmarks")]
pub struct GovernanceBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_governance::BenchmarkHelper<crate::dynamic_params::RuntimeParameters>
	for GovernanceBenchmarkHelper
{
	fn worst_case() -> crate::dynamic_params::RuntimeParameters {
		use frame_support::traits::fungibles::Mutate;
		let rate: Balance = 28_000;
		let supply = pallet_credits::TotalIssuance::<Runtime>::get();
		let owed = pallet_credits::math::usd_floor(supply, rate).unwrap_or(Balance::MAX);
		let vault = pallet_credits::Pallet::<Runtime>::vault_account();
		let _ = <crate::Assets as Mutate<AccountId>>::mint_into(
			tandem_primitives::USD_ASSET_ID,
			&vault,
			owed.saturating_add(usd::UNIT),
		);
		crate::dynamic_params::RuntimeParameters::Credits(credits::Parameters::PayoutRate(
			credits::PayoutRate,
			Some(rate),
		))
	}
}

// --- parameter bounds ---

/// `v` must not contradict another parameter (`Inconsistent` otherwise).
fn consistent(ok: bool) -> Result<(), BoundError> {
	if ok {
		Ok(())
	} else {
		Err(BoundError::Inconsistent)
	}
}

/// The three epoch cuts of the credit pool may not exceed the whole pool.
fn cuts_fit(fee: Perbill, owner: Perbill, validators: Perbill) -> Result<(), BoundError> {
	let total = u64::from(fee.deconstruct())
		+ u64::from(owner.deconstruct())
		+ u64::from(validators.deconstruct());
	consistent(total <= u64::from(Perbill::one().deconstruct()))
}

/// The bounds of every protocol parameter (`docs/governance.md` lists them with reasons).
pub struct Bounds;
impl ParameterBounds<V> for Bounds {
	fn check(value: &V) -> Result<(), BoundError> {
		use credits::ParametersValue as C;
		use subnets::ParametersValue as S;
		use token::ParametersValue as T;
		use yuma::ParametersValue as Y;
		const GOV: Balance = gov::UNIT;
		const USD: Balance = usd::UNIT;
		match *value {
			// $0.001 ..= $10 per credit; never under the payout rate.
			V::Credits(C::CreditPrice(v)) => {
				within(v, USD / 1_000, 10 * USD)?;
				consistent(v >= credits::PayoutRate::get())
			}
			// At most the price, and never more than the vault can pay for every credit.
			V::Credits(C::PayoutRate(v)) => {
				within(v, 1, 10 * USD)?;
				consistent(v <= credits::CreditPrice::get())?;
				let current = credits::PayoutRate::get();
				if v > current {
					let supply = pallet_credits::TotalIssuance::<Runtime>::get();
					let owed = pallet_credits::math::usd_floor(supply, v);
					let vault = pallet_credits::Pallet::<Runtime>::vault_usd();
					consistent(owed.is_some_and(|owed| vault >= owed))?;
				}
				Ok(())
			}
			V::Credits(C::ProtocolFee(v)) => {
				within(v, pct(0), pct(50))?;
				cuts_fit(v, credits::OwnerCut::get(), credits::ValidatorCut::get())
			}
			V::Credits(C::OwnerCut(v)) => {
				within(v, pct(0), pct(20))?;
				cuts_fit(credits::ProtocolFee::get(), v, credits::ValidatorCut::get())
			}
			V::Credits(C::ValidatorCut(v)) => {
				within(v, pct(0), pct(50))?;
				cuts_fit(credits::ProtocolFee::get(), credits::OwnerCut::get(), v)
			}
			V::Credits(C::MaxCreditSlash(v)) => within(v, pct(1), pct(100)),

			// 5 blocks (dev chains) ..= 1 week.
			V::Yuma(Y::Tempo(v)) => within(v, 5, 7 * DAYS),
			V::Yuma(Y::Kappa(v)) => within(v, pct(10), pct(90)),
			V::Yuma(Y::BondsAlpha(v)) => within(v, pct(1), pct(100)),
			V::Yuma(Y::LiquidAlpha(_)) | V::Yuma(Y::CommitReveal(_)) => Ok(()),
			V::Yuma(Y::AlphaLow(v)) => {
				within(v, pct(1), pct(100))?;
				consistent(v <= yuma::AlphaHigh::get())
			}
			V::Yuma(Y::AlphaHigh(v)) => {
				within(v, pct(1), pct(100))?;
				consistent(v >= yuma::AlphaLow::get())
			}
			// Up to the storage bound of 4,096 uids per subnet.
			V::Yuma(Y::MaxValidators(v)) => within(v, 1, 4_096),
			V::Yuma(Y::MaxAllowedUids(v)) => within(v, 2, 4_096),
			V::Yuma(Y::ImmunityPeriod(v)) => within(v, 0, 30 * DAYS),
			V::Yuma(Y::WeightsRateLimit(v)) => within(v, 0, DAYS),
			V::Yuma(Y::MinAllowedWeights(v)) => within(v, 0, 4_096),
			V::Yuma(Y::ActivityCutoff(v)) => within(v, 1, 30 * DAYS),
			V::Yuma(Y::ValidatorStakeThreshold(v)) => within(v, 0, 1_000_000 * GOV),
			V::Yuma(Y::MinBurn(v)) => {
				within(v, 0, 1_000_000 * GOV)?;
				consistent(v <= yuma::MaxBurn::get())
			}
			V::Yuma(Y::MaxBurn(v)) => {
				within(v, 0, 1_000_000 * GOV)?;
				consistent(v >= yuma::MinBurn::get())
			}

			V::Token(T::BuybackInterval(v)) => within(v, 1, DAYS),
			V::Token(T::BuybackLot(v)) => within(v, USD, 1_000_000 * USD),
			V::Token(T::BuybackShare(v)) => within(v, pct(0), pct(100)),
			V::Token(T::MaxBuybackSlippage(v)) => {
				within(v, Perbill::from_parts(1_000_000), pct(20))
			}
			V::Token(T::PoolLpFee(v)) => within(v, Permill::zero(), Permill::from_percent(3)),
			V::Token(T::AirdropClaimPeriod(v)) => within(v, DAYS, 365 * DAYS),

			V::Subnets(S::SwapFee(v)) => within(v, pct(0), pct(1)),
			V::Subnets(S::ValidatorTake(v)) => within(v, pct(0), pct(50)),
			V::Subnets(S::RevenueWeight(v)) => within(v, pct(0), pct(100)),
			V::Subnets(S::MinLockCost(v)) => within(v, GOV, 1_000_000 * GOV),
			V::Subnets(S::MaxStakeSlash(v)) => within(v, pct(1), pct(100)),
			V::Subnets(S::PriceEmaHalfLife(v)) => within(v, 1, 90 * DAYS),
			V::Subnets(S::WarmupBlocks(v)) => within(v, 0, 90 * DAYS),
		}
	}
}

#[cfg(test)]
mod tests;
