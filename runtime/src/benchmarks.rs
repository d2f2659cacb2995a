//! The pallets the node's `benchmark pallet` command can measure (feature `runtime-benchmarks`),
//! and the bodies of the `Benchmark` runtime API (`apis.rs` calls them).

// Bare names, not `crate::…`: `define_benchmarks!` writes them into the macros it defines.
use crate::{
	AllPalletsWithSystem, AssetConversion, Balances, Credits, GovToken, Governance, Runtime,
	Subnets, Sudo, Timestamp, Utility, Validators, Yuma,
};
use alloc::{string::String, vec::Vec};
use frame_benchmarking::{
	baseline::{self, Pallet as BaselineBench},
	BenchmarkBatch, BenchmarkConfig, BenchmarkList,
};
use frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys};
use frame_system_benchmarking::Pallet as SystemBench;
use sp_storage::TrackedStorageKey;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_credits, Credits]
	[pallet_yuma, Yuma]
	[pallet_gov_token, GovToken]
	[pallet_subnets, Subnets]
	[pallet_asset_conversion, AssetConversion]
	[pallet_governance, Governance]
	[pallet_validators, Validators]
);

impl frame_system_benchmarking::Config for Runtime {}
impl baseline::Config for Runtime {}

/// `Benchmark::benchmark_metadata`: every benchmark and the storage they touch.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// `Benchmark::dispatch_benchmark`: runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
