// The validator set governance changes, on a running network (`--chain local-2-fast`: Alice and
// Bob validate, 1-second blocks, fast tracks, 10-block sessions). A third node joins, makes its
// session keys itself (`author_rotateKeysWithOwner`) and registers them; a root referendum adds
// it, it authors and GRANDPA cannot finalize without its vote; an emergency referendum removes
// Bob, whose slots stop; finality holds throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import {
  startNode, connect, devAccounts, tempDir, cleanup, freePort, waitForHead, auraSlot, sendAndWait,
  passReferendum,
  ok,
} from './lib.mjs';

const CHAIN = 'local-2-fast';
const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';
const nodeKey = (i) => (i + 1).toString(16).padStart(64, '0');

/** The Aura key that authored `header`: the parent's authority list indexed by slot. */
async function auraAuthor(api, header) {
  const slot = auraSlot(api, header);
  const authorities = await api.query.aura.authorities.at(header.parentHash);
  return authorities[Number(slot % BigInt(authorities.length))].toHex();
}

/** GRANDPA's authority count in the state of `hash`. */
async function grandpaCount(api, hash) {
  return (await (await api.at(hash)).call.grandpaApi.grandpaAuthorities()).length;
}

test('a referendum adds a validator that joined, which authors and votes; removal stops authoring', async (t) => {
  const base = tempDir('tandem-e2e-validators-');
  const alicePort = await freePort();
  const boot = ['--bootnodes', `/ip4/127.0.0.1/tcp/${alicePort}/p2p/${ALICE_PEER_ID}`];
  const nodes = [];
  const apis = [];
  t.after(async () => {
    for (const a of apis) await a.disconnect().catch(() => {});
    for (const n of nodes) await n.stop();
    cleanup(base);
  });
  const acc = devAccounts();

  // A running two-validator network.
  nodes.push(await startNode({
    args: ['--chain', CHAIN, '--alice', '--node-key', nodeKey(0)],
    p2pPort: alicePort, basePath: `${base}/alice`, name: 'alice',
  }));
  nodes.push(await startNode({
    args: ['--chain', CHAIN, '--bob', '--node-key', nodeKey(1), ...boot],
    basePath: `${base}/bob`, name: 'bob',
  }));
  const api = await connect(nodes[0].url);
  apis.push(api);
  assert.equal((await api.query.session.validators()).length, 2);
  await waitForHead(api, (h) => h.number.toNumber() >= 3, { finalized: true, what: 'finality of two' });

  // A third node joins as a validator with no keys of its own yet.
  nodes.push(await startNode({
    args: ['--chain', CHAIN, '--validator', '--name', 'charlie', '--node-key', nodeKey(2), ...boot],
    basePath: `${base}/charlie`, name: 'charlie',
  }));
  const charlieApi = await connect(nodes[2].url);
  apis.push(charlieApi);
  const synced = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForHead(charlieApi, (h) => h.number.toNumber() >= synced, { what: 'charlie syncs' });

  // Charlie's node makes the keys and proves them for his account; he registers them.
  // polkadot.js 16 has no wrapper for this RPC: it goes over a plain provider.
  const charlieRpc = new WsProvider(nodes[2].url, false);
  await charlieRpc.connect();
  await charlieRpc.isReady;
  t.after(() => charlieRpc.disconnect().catch(() => {}));
  const rotate = (who) => charlieRpc.send('author_rotateKeysWithOwner', [u8aToHex(decodeAddress(who.address))]);
  const generated = await rotate(acc.charlie);
  assert.ok(generated.proof, 'the node returns an ownership proof');
  const charlieAura = generated.keys.slice(0, 66); // 0x + the first 32 bytes: the Aura key
  // A proof made for another account is refused by name.
  const other = await rotate(acc.dave);
  const refused = await sendAndWait(api.tx.session.setKeys(other.keys, other.proof), acc.charlie);
  assert.ok(refused.dispatchError?.isModule);
  const { section, name } = api.registry.findMetaError(refused.dispatchError.asModule);
  assert.equal(`${section}.${name}`, 'session.InvalidProof');
  ok(await sendAndWait(api.tx.session.setKeys(generated.keys, generated.proof), acc.charlie));
  assert.ok((await api.query.session.nextKeys(acc.charlie.address)).isSome);

  // A root referendum adds him; from the session after next he authors.
  const added = await passReferendum(api, { system: 'Root' }, api.tx.validators.addValidator(acc.charlie.address));
  assert.ok(added.isOk, `add_validator: ${added}`);
  let authoredAt = 0;
  await waitForHead(api, async (h) => {
    if ((await auraAuthor(api, h)) !== charlieAura) return false;
    authoredAt = h.number.toNumber();
    return true;
  }, { what: 'a block authored by charlie', timeoutMs: 240_000 });
  const atAuthored = await api.rpc.chain.getBlockHash(authoredAt);
  assert.equal(await grandpaCount(api, atAuthored), 3, 'GRANDPA has three authorities');
  // Three authorities need all three prevotes and precommits: finality past this block means
  // charlie's node votes.
  await waitForHead(api, (h) => h.number.toNumber() >= authoredAt + 3, {
    finalized: true, what: 'finality with charlie voting', timeoutMs: 180_000,
  });

  // The emergency track removes Bob; once the set changes his slots stop.
  const bobAura = (await api.query.session.nextKeys(acc.bob.address)).unwrap().aura.toHex();
  const removed = await passReferendum(api, { Governance: 'Emergency' }, api.tx.validators.removeValidator(acc.bob.address));
  assert.ok(removed.isOk, `remove_validator: ${removed}`);
  let changedAt = 0;
  await waitForHead(api, async (h) => {
    if ((await api.query.aura.authorities.at(h.hash)).length !== 2) return false;
    changedAt = h.number.toNumber();
    return true;
  }, { what: 'the set without bob', timeoutMs: 240_000 });
  const authors = new Set();
  await waitForHead(api, async (h) => {
    if (h.number.toNumber() <= changedAt) return false;
    authors.add(await auraAuthor(api, h));
    return h.number.toNumber() >= changedAt + 12;
  }, { what: '12 blocks after the change', timeoutMs: 180_000 });
  assert.ok(!authors.has(bobAura), 'bob no longer authors');
  assert.ok(authors.has(charlieAura), 'charlie still authors');
  await waitForHead(api, (h) => h.number.toNumber() >= changedAt + 12, {
    finalized: true, what: 'finality without bob', timeoutMs: 180_000,
  });
  const finalized = await api.rpc.chain.getFinalizedHead();
  assert.equal(await grandpaCount(api, finalized), 2);
});
