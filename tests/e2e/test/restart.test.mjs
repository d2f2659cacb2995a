// Case 6: state survives a restart with a persistent base path (ParityDB on disk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEV_FAST, startNode, connect, devAccounts, keyring, tempDir, cleanup, waitForHead, sendAndWait,
  freeBalance, bestNumber, UNIT,
} from './lib.mjs';

test('6. restart with a persistent base path keeps the state', async (t) => {
  const base = tempDir('tandem-e2e-base-');
  t.after(() => cleanup(base));
  const { alice } = devAccounts();
  const dest = keyring().addFromUri('//TandemRestart').address;
  const amount = 77n * UNIT;

  // --dev implies --tmp unless a base path is given; with one, the chain persists. Short
  // slots: the test waits on blocks and finality, not on time.
  let node = await startNode({ args: DEV_FAST, basePath: base, name: 'restart-1' });
  let api;
  let heightBefore;
  try {
    api = await connect(node.url);
    const res = await sendAndWait(api.tx.balances.transferKeepAlive(dest, amount), alice);
    const included = (await api.rpc.chain.getHeader(res.blockHash)).number.toNumber();
    await waitForHead(api, (h) => h.number.toNumber() >= included, { finalized: true, what: 'finalization of the transfer' });
    heightBefore = await bestNumber(api);
  } finally {
    if (api) await api.disconnect();
    await node.stop();
  }
  assert.equal(node.proc.exitCode, 0, 'node shut down cleanly on SIGINT');

  node = await startNode({ args: DEV_FAST, basePath: base, name: 'restart-2' });
  try {
    api = await connect(node.url);
    assert.ok((await bestNumber(api)) >= heightBefore, 'chain resumed from where it stopped');
    assert.equal(await freeBalance(api, dest), amount, 'transfer still there');
    await waitForHead(api, (h) => h.number.toNumber() > heightBefore, { what: 'a new block after restart' });
  } finally {
    if (api) await api.disconnect();
    await node.stop();
  }
});
