// Case 7: the two-validator local testnet (alice, bob) on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startNode, connect, devAccounts, keyring, tempDir, cleanup, freePort, waitForHead,
  finalizedNumber, bestNumber, sendAndWait, freeBalance, auraSlot, sleep, UNIT,
} from './lib.mjs';

// A fixed libp2p key for alice's node so bob can name her as bootnode.
const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';
// Validators on a non-dev chain must have a persistent network key; bob's is fixed too.
const BOB_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000002';

test('7. local testnet: both author and finalize; finality needs both', async (t) => {
  const aliceBase = tempDir('tandem-e2e-alice-');
  const bobBase = tempDir('tandem-e2e-bob-');
  const alicePort = await freePort();
  const bobRpc = await freePort();
  const bobP2p = await freePort();
  const nodes = [];
  const apis = [];
  t.after(async () => {
    for (const a of apis) await a.disconnect().catch(() => {});
    for (const n of nodes) await n.stop();
    cleanup(aliceBase);
    cleanup(bobBase);
  });

  const bobArgs = [
    '--chain', 'local', '--bob', '--node-key', BOB_NODE_KEY,
    '--bootnodes', `/ip4/127.0.0.1/tcp/${alicePort}/p2p/${ALICE_PEER_ID}`,
  ];
  const aliceNode = await startNode({
    // --force-authoring: with more than one authority Aura waits for peers before authoring;
    // forcing it lets us see that blocks keep coming while *finality* stalls without bob.
    args: ['--chain', 'local', '--alice', '--node-key', ALICE_NODE_KEY, '--force-authoring'],
    p2pPort: alicePort, basePath: aliceBase, name: 'alice',
  });
  nodes.push(aliceNode);
  let bobNode = await startNode({ args: bobArgs, rpcPort: bobRpc, p2pPort: bobP2p, basePath: bobBase, name: 'bob' });
  nodes.push(bobNode);

  const a = await connect(aliceNode.url);
  apis.push(a);
  let b = await connect(bobNode.url);
  apis.push(b);

  assert.equal((await a.call.auraApi.authorities()).length, 2);
  let peers = 0;
  for (let i = 0; i < 60 && peers === 0; i += 1) {
    peers = (await a.rpc.system.peers()).length;
    if (peers === 0) await sleep(500);
  }
  assert.equal(peers, 1, 'alice sees bob');

  // Both authorities author: over a few blocks, slots of both parities appear.
  const authors = new Set();
  await waitForHead(a, (h) => {
    const slot = auraSlot(a, h);
    if (slot !== null) authors.add(Number(slot % 2n));
    return authors.size === 2 && h.number.toNumber() >= 4;
  }, { what: 'blocks from both authorities', timeoutMs: 180_000 });

  // Both finalize.
  await waitForHead(a, (h) => h.number.toNumber() >= 3, { finalized: true, what: 'alice finalizes #3' });
  await waitForHead(b, (h) => h.number.toNumber() >= 3, { finalized: true, what: 'bob finalizes #3' });

  // A transaction submitted to alice is seen by bob.
  const dest = keyring().addFromUri('//TandemTestnet').address;
  const res = await sendAndWait(a.tx.balances.transferKeepAlive(dest, 5n * UNIT), devAccounts().charlie);
  assert.equal(res.dispatchError, undefined);
  const deadline = Date.now() + 60_000;
  let seen = 0n;
  while (Date.now() < deadline && seen === 0n) {
    seen = await freeBalance(b, dest);
    if (seen === 0n) await sleep(1000);
  }
  assert.equal(seen, 5n * UNIT, "bob's node has the transfer");

  // Stop bob: with 2 authorities GRANDPA needs both votes, so finality stalls.
  await b.disconnect();
  apis.pop();
  await bobNode.stop();
  nodes.pop();
  await sleep(8_000); // let in-flight votes settle
  const stalledAt = await finalizedNumber(a);
  const bestAtStop = await bestNumber(a);
  await sleep(30_000);
  assert.equal(await finalizedNumber(a), stalledAt, 'finality stalled without bob');
  assert.ok((await bestNumber(a)) > bestAtStop, 'alice still authors her slots');

  // Restart bob with the same base path: finality resumes.
  bobNode = await startNode({ args: bobArgs, rpcPort: bobRpc, p2pPort: bobP2p, basePath: bobBase, name: 'bob-2' });
  nodes.push(bobNode);
  await waitForHead(a, (h) => h.number.toNumber() > stalledAt, {
    finalized: true, what: 'finality to resume after bob is back', timeoutMs: 240_000,
  });
});
