// The client snippets of docs/clients.md (tests/e2e/clients/) run against a dev node: each buys
// credits, reads `creditsApi.account`, commits weights and reveals them in the next epoch —
// polkadot.js, polkadot-api and Python (`async-substrate-interface`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  startNode, connect, devAccounts, sendAndWait, hotkeyProof, waitForHead, DEV_FAST, UNIT,
  ok,
} from './lib.mjs';

const run = promisify(execFile);
const E2E = join(dirname(fileURLToPath(import.meta.url)), '..');
const NET = 0;
let node;
let api;
const acc = devAccounts();

before(async () => {
  node = await startNode({ args: DEV_FAST, name: 'clients' });
  api = await connect(node.url);
  // Subnet 0 with 5-block epochs: Bob's hotkey a staked validator, Charlie's a miner (uid 1).
  ok(await sendAndWait(api.tx.sudo.sudo(api.tx.utility.batchAll([
    api.tx.governance.setParameter({ Yuma: { Tempo: [null, 5] } }),
    api.tx.governance.setParameter({ Yuma: { WeightsRateLimit: [null, 0] } }),
  ])), acc.alice));
  ok(await sendAndWait(api.tx.subnets.registerNetwork((await api.call.subnetsApi.lockCost()).toBigInt()), acc.dave));
  for (const hk of [acc.bob, acc.charlie]) {
    ok(await sendAndWait(api.tx.yuma.register(NET, hk.address, hotkeyProof(api, hk.address, NET, hk)), hk));
  }
  ok(await sendAndWait(api.tx.subnets.addStake(acc.bob.address, NET, 100n * UNIT, 2n ** 127n, false), acc.alice));
  // The stake matures at the next payout and earns Bob a permit at the one after.
  await waitForHead(api, async () => {
    const [bob] = await api.call.yumaApi.metagraph(NET);
    return bob.validatorPermit.isTrue;
  }, { what: "Bob's validator permit", timeoutMs: 120_000 });
});

after(async () => {
  if (api) await api.disconnect();
  if (node) await node.stop();
});

/** Runs a snippet with the node's URL and the subnet; returns its output. */
async function snippet(cmd, file) {
  const { stdout } = await run(cmd, [join(E2E, 'clients', file), node.url, String(NET)], { timeout: 180_000 });
  assert.match(stdout, /committed\s+revealed/);
  return stdout;
}

async function paidCredits() {
  return (await api.call.creditsApi.account(acc.alice.address)).paid.toBigInt();
}

for (const [name, cmd, file] of [
  ['polkadot.js', process.execPath, 'polkadotjs.mjs'],
  ['polkadot-api', process.execPath, 'papi.mjs'],
  ['Python (async-substrate-interface)', join(E2E, 'python/.venv/bin/python'), 'python_client.py'],
]) {
  test(`${name}: buy credits, read the account, commit and reveal weights`, async () => {
    const before = await paidCredits();
    const out = await snippet(cmd, file);
    const after = await paidCredits();
    assert.ok(after > before, `paid credits ${before} → ${after}`);
    assert.match(out, /free/);
  });
}
