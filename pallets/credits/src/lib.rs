#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

/// The most `PayoutRate` changes remembered (changes of the last 30 days).
pub const MAX_PAYOUT_RATE_CHANGES: u32 = 16;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod extension;
mod impls;
pub use extension::ChargeCreditFee;
pub mod math;
pub mod runtime_api;
pub mod types;
pub mod weights;
pub use weights::WeightInfo;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Benchmark set-up the runtime provides.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Makes sure the USD asset exists (so it can be minted to benchmark accounts).
	fn setup();
	/// A subnet id that `Config::Subnets` accepts.
	fn subnet() -> tandem_primitives::NetUid;
}

/// Length of a receipt or usage reference: a 32-byte payment or batch id.
pub type Reference = [u8; 32];

// The FRAME macros expand into `expect`s on metadata and storage-prefix lookups that cannot fail
// at runtime; the lints stay on for the logic (`impls.rs`, `math.rs`, `extension.rs`).
#[allow(clippy::expect_used, clippy::unwrap_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::types::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, Get},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;
	use tandem_primitives::{AssetId, Balance, NetUid, SubnetRegistry};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The assets pallet holding USD.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = AssetId, Balance = Balance>;

		/// The asset id of USD.
		#[pallet::constant]
		type UsdAssetId: Get<AssetId>;

		/// Derives the vault account, which holds the USD backing the credits.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Where the protocol fee's USD goes (the buyback pot).
		type BuybackPot: Get<Self::AccountId>;

		/// Where slashed credits' USD backing goes (the treasury).
		type Treasury: Get<Self::AccountId>;

		/// Which subnet ids exist.
		type Subnets: SubnetRegistry;

		/// USD (6 decimals) per whole credit paid by `buy`. Default $0.03.
		type CreditPrice: Get<Balance>;

		/// USD (6 decimals) per whole credit paid by `cash_out`. Must not exceed `CreditPrice`
		/// (the runtime's bounds also keep it at least 80 % of `CreditPrice`).
		type PayoutRate: Get<Balance>;

		/// Share of each epoch's pool burned as the protocol fee. Default 10 %.
		type ProtocolFee: Get<Perbill>;

		/// Share of each epoch's pool paid to the subnet owner. Default 5 %.
		type OwnerCut: Get<Perbill>;

		/// Share of each epoch's pool paid to validators, by dividends. Default 15 %.
		type ValidatorCut: Get<Perbill>;

		/// Most of an account's credits one `slash` may take. Default 50 %.
		type MaxCreditSlash: Get<Perbill>;

		/// Told before an account's airdrop basis grows (the airdrop's lazy snapshot).
		type AirdropBasisObserver: tandem_primitives::AirdropBasisObserver<Self::AccountId>;

		/// The GOV fee a GOV-paid call of this weight and length pays (the transaction-payment
		/// fee). The credit fee of `spend` and `cash_out` is worth the same.
		type GovFee: sp_runtime::traits::Convert<(Weight, u32), Balance>;

		/// GOV units per USD unit (the buyback oracle), `None` without a price.
		type GovPrice: Get<Option<sp_runtime::FixedU128>>;

		/// Fee in credits for `spend` and `cash_out` while GOV has no price.
		type CreditTxFee: Get<Balance>;

		/// Blocks between settlements of the credit fees' USD backing to the treasury (the
		/// buyback interval).
		type FeeSettleInterval: Get<u32>;

		/// May slash credits (governance's slasher track).
		type SlashOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// May add and remove fiat gateways (issuers).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Longest slash reason, in bytes.
		#[pallet::constant]
		type MaxReasonLen: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;

		/// Prepares benchmark state (the USD asset, a subnet that exists).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// Credits of each account. Blake2 because account ids are chosen by users.
	#[pallet::storage]
	pub type Accounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CreditAccount, ValueQuery>;

	/// Credits in existence: held by accounts plus waiting in subnet pools.
	#[pallet::storage]
	pub type TotalIssuance<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// Each subnet's credit pool. Twox: subnet ids are assigned by the chain, not chosen.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Twox64Concat, NetUid, SubnetPool, ValueQuery>;

	/// Metering authorizations: (user, operator, subnet) → cap and use. Blake2 for the
	/// user-chosen account ids.
	#[pallet::storage]
	pub type Authorizations<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, NetUid>,
		),
		Authorization,
		OptionQuery,
	>;

	/// Fiat gateways allowed to `issue`.
	#[pallet::storage]
	pub type Issuers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// Payment receipts each issuer has used in `issue`, with the block they were used in.
	/// Keyed by issuer, so one gateway cannot use up (squat) another's receipt ids. Blake2:
	/// the receipt bytes come from outside the chain.
	#[pallet::storage]
	pub type UsedReceipts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		Reference,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Fiat amount (in the gateway's minor units) ever recorded by `issue`.
	#[pallet::storage]
	pub type FiatRevenue<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// The 12-slot ring of monthly metrics; slot `month % 12`.
	#[pallet::storage]
	pub type Metrics<T: Config> = StorageMap<_, Twox64Concat, u8, MonthMetrics, ValueQuery>;

	/// Credits ever earned by all contributors (`Σ account.earned_total`).
	#[pallet::storage]
	pub type TotalEarned<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// USD backing of credit fees paid since the last settlement, owed to the treasury; it
	/// stays in the vault meanwhile.
	#[pallet::storage]
	pub type PendingFeeUsd<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// `PayoutRate` changes of the last 30 days: `(block, rate before the change)`, oldest
	/// first. Governance's bounds read it: a cut never takes the rate more than 5 % under the
	/// highest rate of the last 30 days.
	#[pallet::storage]
	pub type PayoutRateChanges<T: Config> = StorageValue<
		_,
		BoundedVec<(u32, Balance), ConstU32<{ MAX_PAYOUT_RATE_CHANGES }>>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Fiat gateways allowed to `issue` from genesis.
		pub issuers: alloc::vec::Vec<T::AccountId>,
		/// Contributors who start with *earned* credits (dev and test chains: so airdrops and
		/// cash-outs can be tried before any subnet has paid out); they count as airdrop basis,
		/// as if earned mining paid work. The chain spec must fund the vault with their backing
		/// (`credits × PayoutRate`); `try_state` checks it.
		pub earners: alloc::vec::Vec<(T::AccountId, Balance)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for who in &self.issuers {
				Issuers::<T>::insert(who, ());
			}
			for (who, credits) in &self.earners {
				Pallet::<T>::credit_account(who, |acc| {
					acc.free = acc.free.saturating_add(*credits);
					acc.earned_total = acc.earned_total.saturating_add(*credits);
					acc.airdrop_basis = acc.airdrop_basis.saturating_add(*credits);
					Ok(())
				})
				.expect("genesis earnings are credited");
				TotalIssuance::<T>::mutate(|t| *t = t.saturating_add(*credits));
				TotalEarned::<T>::mutate(|t| *t = t.saturating_add(*credits));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` bought `credits` for `usd` USD: the backing at `PayoutRate` went to the vault,
		/// the `spread` (`usd` − backing) to the buyback pot.
		Bought {
			/// The buyer, who paid the USD and holds the credits.
			who: T::AccountId,
			/// Credits minted, all paid (6 decimals).
			credits: Balance,
			/// USD paid at `CreditPrice`, rounded up (6 decimals).
			usd: Balance,
			/// The part of `usd` above the backing, sent to the buyback pot (6 decimals).
			spread: Balance,
		},
		/// Gateway `issuer` issued `credits` to `who`, paying `usd` for a fiat payment of
		/// `fiat_amount` with `receipt`: the backing into the vault, the `spread` to the
		/// buyback pot.
		Issued {
			/// The fiat gateway, which paid the USD.
			issuer: T::AccountId,
			/// The account credited.
			who: T::AccountId,
			/// Credits minted, all paid (6 decimals).
			credits: Balance,
			/// USD the issuer paid at `CreditPrice`, rounded up (6 decimals).
			usd: Balance,
			/// The part of `usd` above the backing, sent to the buyback pot (6 decimals).
			spread: Balance,
			/// The fiat payment, in the gateway's minor units.
			fiat_amount: Balance,
			/// The gateway's payment receipt id, now used for this issuer.
			receipt: Reference,
		},
		/// `who` spent `credits` on subnet `netuid`; `paid` of them were bought or issued
		/// (revenue), the rest earned credits spent again.
		Spent {
			/// The spender.
			who: T::AccountId,
			/// The subnet whose pool received the credits.
			netuid: NetUid,
			/// Credits moved into the pool (6 decimals).
			credits: Balance,
			/// The bought or issued part of `credits` (6 decimals).
			paid: Balance,
		},
		/// `user` authorized `operator` to charge up to `cap` credits on `netuid`.
		Authorized {
			/// The account whose credits may be charged.
			user: T::AccountId,
			/// The gateway allowed to charge them.
			operator: T::AccountId,
			/// The subnet whose pool the charges go to.
			netuid: NetUid,
			/// Most credits the operator may charge in total (6 decimals); earlier use under
			/// an authorization for the same subnet counts against it.
			cap: Balance,
		},
		/// `user` revoked `operator`'s authorization on `netuid`.
		Revoked {
			/// The account that gave the authorization.
			user: T::AccountId,
			/// The gateway that may no longer charge.
			operator: T::AccountId,
			/// The subnet of the authorization.
			netuid: NetUid,
		},
		/// `operator` charged `user` `credits` on `netuid` for the usage batch `usage_ref`;
		/// `paid` of them were bought or issued (revenue); `remaining` may still be charged.
		Charged {
			/// The authorized gateway that charged.
			operator: T::AccountId,
			/// The account charged.
			user: T::AccountId,
			/// The subnet whose pool received the credits.
			netuid: NetUid,
			/// Credits moved from `user` into the pool (6 decimals).
			credits: Balance,
			/// The bought or issued part of `credits` (6 decimals).
			paid: Balance,
			/// The operator's id of the usage batch charged.
			usage_ref: Reference,
			/// Credits the operator may still charge under the authorization (6 decimals).
			remaining: Balance,
		},
		/// `who` cashed out `credits` earned credits for `usd` USD.
		CashedOut {
			/// The contributor paid.
			who: T::AccountId,
			/// Earned credits burned (6 decimals).
			credits: Balance,
			/// USD paid from the vault at `PayoutRate`, rounded down (6 decimals).
			usd: Balance,
		},
		/// Governance slashed `credits` from `who`; `usd` of backing went to the treasury.
		Slashed {
			/// The account slashed.
			who: T::AccountId,
			/// Credits burned (6 decimals).
			credits: Balance,
			/// Their backing at `PayoutRate`, rounded down, moved from the vault to the
			/// treasury (6 decimals).
			usd: Balance,
			/// Why, as given by governance (at most `MaxReasonLen` bytes).
			reason: BoundedVec<u8, T::MaxReasonLen>,
		},
		/// `who` paid a USD-priced charge (a registration burn) with `credits`, burned; their
		/// `usd` backing moved to the buyback pot.
		BurnedFor {
			/// The payer.
			who: T::AccountId,
			/// Credits burned, paid ones first: those worth `usd` at `PayoutRate`, rounded up
			/// (6 decimals).
			credits: Balance,
			/// The charge, moved from the vault to the buyback pot (6 decimals).
			usd: Balance,
		},
		/// A dissolved subnet's pool was retired: its `credits` burned, their `usd` backing
		/// moved to the buyback pot.
		PoolRetired {
			/// The dissolved subnet.
			netuid: NetUid,
			/// Credits left in the pool, burned (6 decimals).
			credits: Balance,
			/// Their backing at `PayoutRate`, rounded down, moved from the vault to the buyback
			/// pot (6 decimals).
			usd: Balance,
		},
		/// Subnet `netuid`'s pool was paid out.
		Distributed {
			/// The subnet paid out.
			netuid: NetUid,
			/// Credits in the pool before the payout (6 decimals).
			pool_before: Balance,
			/// Credits burned as the protocol fee (6 decimals).
			protocol_fee: Balance,
			/// The protocol fee's backing at `PayoutRate`, rounded down, moved from the vault
			/// to the buyback pot (USD, 6 decimals).
			protocol_fee_usd: Balance,
			/// Credits paid to the subnet owner (6 decimals).
			owner: Balance,
			/// Credits paid to validators in total (6 decimals).
			validators: Balance,
			/// Credits paid to miners in total (6 decimals).
			miners: Balance,
			/// Credits (6 decimals) left in the pool for the next epoch: rounding dust, or all
			/// of it without consensus.
			carried_over: Balance,
		},
		/// `who` earned `credits` from subnet `netuid`'s pool.
		Earned {
			/// The owner, validator or miner paid.
			who: T::AccountId,
			/// The subnet whose pool paid.
			netuid: NetUid,
			/// Credits earned (6 decimals).
			credits: Balance,
		},
		/// `who` paid a transaction fee of `credits` credits; their `usd` of backing is owed to
		/// the treasury (settled each `FeeSettleInterval`).
		CreditFeePaid {
			/// The signer who paid the fee.
			who: T::AccountId,
			/// Credits burned as the fee (6 decimals).
			credits: Balance,
			/// Their backing at `PayoutRate` (USD, 6 decimals), rounded down, added to
			/// `PendingFeeUsd`.
			usd: Balance,
		},
		/// The credit fees' accrued backing, `usd`, moved from the vault to the treasury.
		CreditFeesSettled {
			/// USD moved (6 decimals); what the vault could not spare stays in `PendingFeeUsd`.
			usd: Balance,
		},
		/// `who` may now issue credits.
		IssuerAdded {
			/// The new fiat gateway.
			who: T::AccountId,
		},
		/// `who` may no longer issue credits.
		IssuerRemoved {
			/// The former fiat gateway.
			who: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount of credits is zero.
		ZeroAmount,
		/// An amount overflowed.
		Overflow,
		/// The price of the credits is above the caller's `max_usd`.
		PriceAboveLimit,
		/// The payer does not hold enough USD.
		InsufficientUsd,
		/// The account does not hold enough credits.
		InsufficientCredits,
		/// The caller is not a registered issuer (fiat gateway).
		NotIssuer,
		/// The account is already an issuer.
		AlreadyIssuer,
		/// The payment receipt was already used.
		ReceiptAlreadyUsed,
		/// No subnet with this id.
		UnknownSubnet,
		/// No authorization for this operator on this subnet.
		NotAuthorized,
		/// The authorization was given to a dissolved subnet whose netuid was reused.
		AuthorizationExpired,
		/// The charge would exceed the authorization's cap.
		CapExceeded,
		/// A user cannot authorize themselves as operator.
		SelfAuthorization,
		/// More than the earned, not yet cashed out credits the account holds.
		NotCashable,
		/// The cash-out is worth less than one USD unit.
		CashOutTooSmall,
		/// The vault does not hold enough USD to pay.
		VaultShort,
		/// The cash-out pays less than the USD asset's minimum balance to an account holding
		/// no USD.
		CashOutBelowUsdMinimum,
		/// The slash exceeds `MaxCreditSlash` of the account's credits.
		SlashAboveBound,
		/// The reason is longer than `MaxReasonLen`.
		ReasonTooLong,
		/// Payout shares sum to more than 100 %.
		SharesExceedOne,
		/// Protocol fee, owner and validator cuts sum to more than 100 %.
		CutsExceedOne,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Every `FeeSettleInterval` blocks, moves the credit fees' accrued USD to the treasury.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			use sp_runtime::traits::{SaturatedConversion, Zero};
			let interval = T::FeeSettleInterval::get().max(1);
			if n.saturated_into::<u32>().checked_rem(interval).unwrap_or(1).is_zero() {
				Self::settle_fees();
				T::WeightInfo::settle_fees()
			} else {
				Weight::zero()
			}
		}

		fn integrity_test() {
			assert!(
				T::PayoutRate::get() <= T::CreditPrice::get(),
				"PayoutRate must not exceed CreditPrice, or cash-outs drain the vault"
			);
			assert!(T::CreditPrice::get() > 0, "CreditPrice must be positive");
			assert!(
				Self::cuts().is_valid(),
				"ProtocolFee + OwnerCut + ValidatorCut must not exceed 100 %"
			);
			assert!(T::MaxReasonLen::get() > 0, "MaxReasonLen must allow a reason");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Buy `credits` (6 decimals) with USD at `CreditPrice`, paying at most `max_usd`.
		///
		/// Signed. The USD (rounded up) moves from the caller to the vault. Free in GOV: the fee
		/// comes out of the credits bought ([`crate::ChargeCreditFee`]), so an account holding
		/// only USD can buy.
		/// Errors: `ZeroAmount`, `Overflow`, `PriceAboveLimit`, `InsufficientUsd`.
		#[pallet::call_index(0)]
		#[pallet::weight((T::WeightInfo::buy(), DispatchClass::Normal, Pays::No))]
		pub fn buy(origin: OriginFor<T>, credits: Balance, max_usd: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_buy(who, credits, max_usd)
		}

		/// Issue `credits` to `who` against a fiat payment (`fiat_amount`, `receipt`).
		///
		/// Signed by a registered issuer (fiat gateway), who pays the USD equivalent into the
		/// vault. Each receipt works once per issuer.
		/// Errors: `NotIssuer`, `ZeroAmount`, `ReceiptAlreadyUsed`, `Overflow`, `InsufficientUsd`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::issue())]
		pub fn issue(
			origin: OriginFor<T>,
			who: T::AccountId,
			credits: Balance,
			fiat_amount: Balance,
			receipt: Reference,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_issue(issuer, who, credits, fiat_amount, receipt)
		}

		/// Spend `credits` on inference on subnet `netuid`: they move into its credit pool.
		///
		/// Signed. Free in GOV: the fee is paid in credits, worth what GOV-paid calls of the
		/// same weight pay ([`crate::ChargeCreditFee`]).
		/// Errors: `ZeroAmount`, `UnknownSubnet`, `InsufficientCredits`.
		#[pallet::call_index(2)]
		#[pallet::weight((T::WeightInfo::spend(), DispatchClass::Normal, Pays::No))]
		pub fn spend(origin: OriginFor<T>, netuid: NetUid, credits: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_spend(&who, netuid, credits)
		}

		/// Let `operator` (a gateway) charge up to `cap` of the caller's credits on `netuid`.
		/// Replaces an earlier authorization (its use so far counts against the new cap).
		///
		/// Signed. Errors: `UnknownSubnet`, `SelfAuthorization`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::authorize())]
		pub fn authorize(
			origin: OriginFor<T>,
			operator: T::AccountId,
			netuid: NetUid,
			cap: Balance,
		) -> DispatchResult {
			let user = ensure_signed(origin)?;
			Self::do_authorize(user, operator, netuid, cap)
		}

		/// Remove `operator`'s authorization on `netuid`.
		///
		/// Signed by the user. Errors: `NotAuthorized`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			operator: T::AccountId,
			netuid: NetUid,
		) -> DispatchResult {
			let user = ensure_signed(origin)?;
			Self::do_revoke(user, operator, netuid)
		}

		/// Charge `user` `credits` of metered usage on `netuid` (batch `usage_ref`); the
		/// credits move into the subnet's pool, never to the operator.
		///
		/// Signed by an operator the user authorized. Errors: `ZeroAmount`, `NotAuthorized`,
		/// `AuthorizationExpired`, `CapExceeded`, `InsufficientCredits`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::charge())]
		pub fn charge(
			origin: OriginFor<T>,
			user: T::AccountId,
			netuid: NetUid,
			credits: Balance,
			usage_ref: Reference,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_charge(operator, user, netuid, credits, usage_ref)
		}

		/// Turn `credits` *earned* credits into USD at `PayoutRate`, paid from the vault.
		///
		/// Signed. Free in GOV: the fee is paid in credits ([`crate::ChargeCreditFee`]).
		/// Errors: `ZeroAmount`, `NotCashable` (bought credits, or more than held),
		/// `CashOutTooSmall`, `CashOutBelowUsdMinimum`, `VaultShort` (changes nothing).
		#[pallet::call_index(6)]
		#[pallet::weight((T::WeightInfo::cash_out(), DispatchClass::Normal, Pays::No))]
		pub fn cash_out(origin: OriginFor<T>, credits: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cash_out(who, credits)
		}

		/// Burn `credits` of `who`'s credits (at most `MaxCreditSlash` of them); their USD
		/// backing at `PayoutRate` goes to the treasury.
		///
		/// `SlashOrigin` only. Errors: `ZeroAmount`, `SlashAboveBound`, `ReasonTooLong`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::slash())]
		pub fn slash(
			origin: OriginFor<T>,
			who: T::AccountId,
			credits: Balance,
			reason: alloc::vec::Vec<u8>,
		) -> DispatchResult {
			T::SlashOrigin::ensure_origin(origin)?;
			let reason: BoundedVec<u8, T::MaxReasonLen> =
				reason.try_into().map_err(|_| Error::<T>::ReasonTooLong)?;
			Self::do_slash(who, credits, reason)
		}

		/// Allow `who` to issue credits against fiat payments.
		///
		/// `AdminOrigin` only. Errors: `AlreadyIssuer`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::add_issuer())]
		pub fn add_issuer(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!Issuers::<T>::contains_key(&who), Error::<T>::AlreadyIssuer);
			Issuers::<T>::insert(&who, ());
			Self::deposit_event(Event::IssuerAdded { who });
			Ok(())
		}

		/// Stop `who` from issuing credits.
		///
		/// `AdminOrigin` only. Errors: `NotIssuer`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_issuer())]
		pub fn remove_issuer(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(Issuers::<T>::take(&who).is_some(), Error::<T>::NotIssuer);
			Self::deposit_event(Event::IssuerRemoved { who });
			Ok(())
		}
	}
}
