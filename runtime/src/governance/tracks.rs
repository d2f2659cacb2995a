//! The five referendum tracks and their two timing profiles (production and fast), chosen at
//! genesis by `governance.fastTracks`.

use crate::{Balance, BlockNumber, OriginCaller, Runtime};
use alloc::borrow::Cow;
use frame_support::traits::Get;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::Perbill;
use tandem_primitives::{
	gov,
	time::{DAYS, HOURS, MINUTES},
};

/// Whether this chain uses the fast track timings (set once at genesis).
pub fn fast() -> bool {
	pallet_governance::FastTracks::<Runtime>::get()
}

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

/// Track ids.
pub mod track {
	pub const ROOT: u16 = 0;
	pub const PARAMETERS: u16 = 1;
	pub const TREASURER: u16 = 2;
	pub const SLASHER: u16 = 3;
	pub const EMERGENCY: u16 = 4;
}

/// `pallet-referenda`'s default track-name length.
const NAME_LEN: usize = 25;

// The loop keeps `i` below both lengths.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
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

/// The five tracks. Reasons for the numbers are in `docs/governance.md`.
const fn table(fast: bool) -> [Track<u16, Balance, BlockNumber>; 5] {
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
		row(
			track::EMERGENCY,
			"emergency",
			5,
			20_000 * gov::UNIT,
			p(fast, (10 * MINUTES, 2 * DAYS, HOURS, 1)),
			linear(pct(80), pct(100)),
			linear(pct(5), pct(20)),
		),
	]
}

static PRODUCTION: [Track<u16, Balance, BlockNumber>; 5] = table(false);
static FAST: [Track<u16, Balance, BlockNumber>; 5] = table(true);

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
			OriginCaller::Governance(O::Emergency) => Ok(track::EMERGENCY),
			_ => Err(()),
		}
	}
}
