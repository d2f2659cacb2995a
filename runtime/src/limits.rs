//! Block limits and the storage bounds the runtime's pallets share.
//!
//! Every number here bounds either a block (weight, length) or a piece of storage; the
//! governance bounds (`governance::bounds`) keep the governed parameters inside them.

use crate::BlockNumber;
use frame_support::{
	dispatch::DispatchClass,
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

/// A dispatch may use at most 75 % of a block; the rest is kept for operational transactions.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Largest block, in bytes.
pub const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;
/// Storage bound on uids per subnet, and the legal ceiling of both `yuma::MaxAllowedUids` (256
/// by default) and `yuma::MaxValidators`: a size whose epochs — scores and payout,
/// `MaxEpochsPerBlock` of them with every uid a validator weighting every other — fit in a
/// quarter of a block, where twice it would not (test
/// `the_heaviest_legal_epochs_fit_a_quarter_of_the_block`).
pub const MAX_UIDS: u16 = 256;

/// `share` of a whole block's weight, in both dimensions (rounded down).
fn share_of_block(share: Perbill) -> Weight {
	let block = RuntimeBlockWeights::get().max_block;
	Weight::from_parts(share.mul_floor(block.ref_time()), share.mul_floor(block.proof_size()))
}

parameter_types! {
	/// Two seconds of compute per 6-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks; normal transactions may use 75 % of that.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO.mul_floor(MAX_BLOCK_LENGTH)
		})
		.build();
	/// Block hashes kept for mortal transactions.
	pub const BlockHashCount: BlockNumber = 2400;
	/// Most Aura and GRANDPA authorities.
	pub const MaxAuthorities: u32 = 32;
	/// Storage bound on uids per subnet (see [`MAX_UIDS`]).
	pub const YumaMaxUids: u32 = MAX_UIDS as u32;
	/// Most subnets.
	pub const MaxSubnets: u32 = 64;
	/// Most subnet epochs one block runs (epochs are staggered across blocks).
	pub const MaxEpochsPerBlock: u32 = 2;
	/// Longest reason a slash may carry, in bytes.
	pub const MaxReasonLen: u32 = 128;
	/// Referendum enactments may fill 80 % of a block.
	pub MaximumSchedulerWeight: Weight = share_of_block(Perbill::from_percent(80));
	/// Most enactments scheduled in one block.
	pub const MaxScheduledPerBlock: u32 = 50;
}
