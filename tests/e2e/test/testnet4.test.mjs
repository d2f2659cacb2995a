// A four-validator local testnet (`--chain local-4`: alice, bob, charlie, dave), as
// `scripts/local-testnet.sh 4` starts it: every validator authors in its turn and finality holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startNode, connect, tempDir, cleanup, freePort, waitForHead, auraSlot,
} from './lib.mjs';

// Alice's fixed libp2p key and peer id, so the others can boot from her.
const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';
const nodeKey = (i) => (i + 1).toString(16).padStart(64, '0');
const NAMES = ['alice', 'bob', 'charlie', 'dave'];

test('local-4: four validators each author, and blocks are finalized', async (t) => {
  const base = tempDir('tandem-e2e-local4-');
  const alicePort = await freePort();
  const nodes = [];
  let api;
  t.after(async () => {
    if (api) await api.disconnect().catch(() => {});
    for (const n of nodes) await n.stop();
    cleanup(base);
  });
  for (const [i, name] of NAMES.entries()) {
    const args = ['--chain', 'local-4', `--${name}`, '--node-key', nodeKey(i)];
    if (i > 0) args.push('--bootnodes', `/ip4/127.0.0.1/tcp/${alicePort}/p2p/${ALICE_PEER_ID}`);
    nodes.push(await startNode({
      args, name, basePath: `${base}/${name}`, ...(i === 0 ? { p2pPort: alicePort } : {}),
    }));
  }
  api = await connect(nodes[0].url);
  assert.equal((await api.call.auraApi.authorities()).length, 4);
  // Each of the four authors: slots of every residue mod 4 appear.
  const authors = new Set();
  await waitForHead(api, (h) => {
    const slot = auraSlot(api, h);
    if (slot !== null) authors.add(Number(slot % 4n));
    return authors.size === 4;
  }, { what: 'blocks from all four validators', timeoutMs: 240_000 });
  // GRANDPA needs three of the four: blocks are finalized.
  await waitForHead(api, (h) => h.number.toNumber() >= 4, { finalized: true, what: 'finality', timeoutMs: 180_000 });
});
