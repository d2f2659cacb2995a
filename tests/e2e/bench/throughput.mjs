// Hot-path throughput on a real dev node: one sender submits N signed calls at once (default
// 3,000) and we count how many each block includes — first `balances.transferKeepAlive`, then
// `credits.spend` (its fee paid in credits). Prints the most per block and the ratio.
//   node tests/e2e/bench/throughput.mjs            (scripts/throughput.sh builds and runs it)
import { startNode, connect, devAccounts, sendAndWait, ok } from '../test/lib.mjs';

const N = Number(process.env.THROUGHPUT_CALLS || 3000);
const CREDIT = 1_000_000n;

const node = await startNode({ args: ['--dev', '--pool-limit', '20000', '--pool-kbytes', '100000'], name: 'throughput' });
const api = await connect(node.url);
const { alice, bob } = devAccounts();

/** Signs `N` calls from `signer` with consecutive nonces, submits them all, and returns the
 *  number included in each block until all are in. */
async function flood(label, makeCall, signer) {
  const first = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  const txs = [];
  for (let i = 0; i < N; i++) {
    txs.push(await makeCall(i).signAsync(signer, { nonce: first + i, era: 0 }));
  }
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await Promise.all(txs.map((tx) => api.rpc.author.submitExtrinsic(tx)));
  const perBlock = [];
  let included = 0;
  for (let n = start + 1; included < N; n++) {
    while ((await api.rpc.chain.getHeader()).number.toNumber() < n) await new Promise((r) => setTimeout(r, 500));
    const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
    const mine = block.block.extrinsics.filter((x) => x.isSigned && x.signer.toString() === signer.address).length;
    perBlock.push(mine);
    included += mine;
    if (perBlock.length > 50) throw new Error(`${label}: only ${included} of ${N} included in 50 blocks`);
  }
  const most = Math.max(...perBlock);
  console.log(`${label}: ${N} calls in ${perBlock.filter((x) => x > 0).length} blocks, per block ${JSON.stringify(perBlock)}, most ${most}`);
  return most;
}

try {
  // A subnet to spend on, and Bob's credits for N spends of one credit plus their fees.
  ok(await sendAndWait(api.tx.subnets.registerNetwork(await api.call.subnetsApi.lockCost()), alice));
  const netuid = (await api.query.subnets.nextNetuid()).toNumber() - 1;
  ok(await sendAndWait(api.tx.credits.buy(BigInt(N) * 2n * CREDIT, 10n ** 15n), bob));

  const transfers = await flood('balances.transferKeepAlive', () => api.tx.balances.transferKeepAlive(alice.address, 10n ** 9n), bob);
  const spends = await flood('credits.spend', () => api.tx.credits.spend(netuid, CREDIT), bob);
  console.log(`spends per block ÷ transfers per block = ${(spends / transfers).toFixed(2)}`);
} finally {
  await api.disconnect();
  await node.stop();
}
