//! Stored records and the metagraph view.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;
use tandem_primitives::Balance;

/// The salt of a weights commit: 32 bytes the validator keeps secret until the reveal.
pub type Salt = [u8; 32];

/// A neuron's identity on a subnet.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Neuron<AccountId> {
	/// The key the neuron acts with (sets weights).
	pub hotkey: AccountId,
	/// The key that registered (and paid for) the neuron.
	pub coldkey: AccountId,
	/// Block of (re-)registration.
	pub registered_at: u32,
	/// Block of the neuron's last weights (`set_weights` or a reveal), or of registration.
	pub last_update: u32,
}

/// A neuron's results from the last epoch (`Perbill` fractions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Score {
	/// Stake behind the hotkey when the epoch ran.
	pub stake: Balance,
	/// Holds a validator permit.
	pub validator_permit: bool,
	/// Share of the validator's weight that agreed with consensus.
	pub validator_trust: Perbill,
	/// Consensus weight on this uid.
	pub consensus: Perbill,
	/// Share of the miners' payout.
	pub incentive: Perbill,
	/// Share of the validators' payout.
	pub dividends: Perbill,
}

/// A validator's stored weights: normalized so the parts sum to exactly `Perbill::one()`,
/// sorted by uid, no zero and no self-weight.
#[derive(
	Clone,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	TypeInfo,
	MaxEncodedLen,
	frame_support::DefaultNoBound,
)]
#[scale_info(skip_type_params(S))]
pub struct WeightsRow<S: frame_support::traits::Get<u32>> {
	/// Block the weights were chosen at: the call's block, or for a reveal its commit's.
	pub set_at: u32,
	/// `(uid, weight)`, weights in billionths.
	pub entries: BoundedVec<(u16, u32), S>,
}

/// A pending weights commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct WeightsCommit {
	/// `blake2_256` of the SCALE encoding of `(hotkey, netuid, uids, weights, salt, version)`.
	pub hash: H256,
	/// Block of the commit.
	pub block: u32,
}

/// The registration burn of a subnet: `amount` as of block `at`; it halves every
/// `BurnHalvingInterval` blocks after `at` (applied lazily).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct BurnState {
	/// Burn as of `at` (zero: never registered on, so `MinBurn`).
	pub amount: Balance,
	/// Block the halving clock counts from.
	pub at: u32,
}

/// One uid of a subnet's metagraph, as `YumaApi::metagraph` returns it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct NeuronView<AccountId> {
	/// The uid.
	pub uid: u16,
	/// The neuron's hotkey.
	pub hotkey: AccountId,
	/// The coldkey that registered it.
	pub coldkey: AccountId,
	/// Block of (re-)registration.
	pub registered_at: u32,
	/// Block of its last weights.
	pub last_update: u32,
	/// Stake at the last epoch.
	pub stake: Balance,
	/// Holds a validator permit.
	pub validator_permit: bool,
	/// Validator trust.
	pub validator_trust: Perbill,
	/// Consensus weight on this uid.
	pub consensus: Perbill,
	/// Incentive.
	pub incentive: Perbill,
	/// Dividends.
	pub dividends: Perbill,
}

/// What a registration burn is paid in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BurnPayment {
	/// GOV, handed to `Config::BurnSink`.
	Gov,
	/// Credits worth the burn's USD value (`Config::CreditBurn`).
	Credits,
}
