//! The pallets the node's `benchmark pallet` command can measure (feature `runtime-benchmarks`).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, crate::Balances]
	[pallet_timestamp, crate::Timestamp]
	[pallet_utility, crate::Utility]
	[pallet_sudo, crate::Sudo]
	[pallet_credits, crate::Credits]
	[pallet_yuma, crate::Yuma]
	[pallet_gov_token, crate::GovToken]
	[pallet_subnets, crate::Subnets]
	[pallet_asset_conversion, crate::AssetConversion]
	[pallet_governance, crate::Governance]
);
