// Cases 1–5 and 8 of the foundation issue, against one `tandem-node --dev`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex } from '@polkadot/util';
import {
  useDevNode, devAccounts, keyring, treasuryAddress, waitForHead, finalizedNumber,
  sendAndWait, freeBalance, usdBalance, UNIT, USD, USD_ASSET_ID, sleep,
} from './lib.mjs';

const acc = devAccounts();
let api;
useDevNode('dev', (dev) => { api = dev.api; });

test('1. the dev node produces blocks and GRANDPA finalizes them', async () => {
  const best = await waitForHead(api, (h) => h.number.toNumber() >= 3, { what: 'block #3' });
  assert.ok(best.number.toNumber() >= 3);
  const fin = await waitForHead(api, (h) => h.number.toNumber() >= 2, { finalized: true, what: 'finalized #2' });
  assert.ok(fin.number.toNumber() >= 2, 'GRANDPA finalized blocks');
  const auth = await api.call.grandpaApi.grandpaAuthorities();
  assert.equal(auth.length, 1);
});

test('2. a GOV transfer signed by Alice lands; balances and the fee route add up', async () => {
  const { alice, bob } = acc;
  const treasury = treasuryAddress(api);
  const amount = 123n * UNIT;
  const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
  const res = await sendAndWait(tx, alice);
  assert.equal(res.dispatchError, undefined, 'transfer succeeded');
  assert.ok(res.fee > 0n, 'a fee was charged');

  const header = await api.rpc.chain.getHeader(res.blockHash);
  const parent = header.parentHash.toHex();
  const delta = async (who) => (await freeBalance(api, who, res.blockHash)) - (await freeBalance(api, who, parent));

  // On --dev, Alice is also the block author: she gets the author's 20 % back.
  const toTreasury = (res.fee * 80n) / 100n;
  const toAuthor = res.fee - toTreasury;
  assert.equal(await delta(bob.address), amount);
  assert.equal(await delta(treasury), toTreasury, '80 % of the fee to the treasury');
  assert.equal(await delta(alice.address), -amount - res.fee + toAuthor, '20 % of the fee to the author');

  // Fees are routed, never burned: issuance unchanged by the transfer.
  const issuance = async (at) => (await (await api.at(at)).query.balances.totalIssuance()).toBigInt();
  assert.equal(await issuance(res.blockHash), await issuance(parent));

  const transferred = res.events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transferred, 'Transfer event emitted');
  assert.equal(transferred.event.data.amount.toBigInt(), amount);
});

test('3. a USD (asset 1) transfer lands', async () => {
  const { bob, charlie } = acc;
  const meta = await api.query.assets.metadata(USD_ASSET_ID);
  assert.equal(meta.decimals.toNumber(), 6);
  assert.equal(meta.symbol.toUtf8(), 'USD');

  const before = await usdBalance(api, charlie.address);
  const amount = 42n * USD + 17n;
  const res = await sendAndWait(api.tx.assets.transfer(USD_ASSET_ID, charlie.address, amount), bob);
  assert.equal(res.dispatchError, undefined);
  assert.equal(await usdBalance(api, charlie.address, res.blockHash), before + amount);
  const ev = res.events.find(({ event }) => api.events.assets.Transferred.is(event));
  assert.ok(ev, 'Transferred event');
  assert.equal(ev.event.data.assetId.toNumber(), USD_ASSET_ID);
});

test('4. chain properties and metadata v15/v16 are served', async () => {
  const props = await api.rpc.system.properties();
  assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'TDM');
  assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
  assert.equal(props.ss58Format.unwrap().toNumber(), 42);
  assert.equal(api.registry.chainSS58, 42);

  const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
  assert.ok(versions.includes(15), `v15 in ${versions}`);
  assert.ok(versions.includes(16), `v16 in ${versions}`);
  const v15 = await api.call.metadata.metadataAtVersion(15);
  assert.ok(v15.isSome, 'metadata v15 served');
  assert.ok(v15.unwrap().length > 1000);
  const none = await api.call.metadata.metadataAtVersion(9);
  assert.ok(none.isNone, 'unsupported version answers None');
  assert.equal((await api.rpc.state.getRuntimeVersion()).specName.toString(), 'tandem');
});

test('5a. a transaction from an account that cannot pay the fee is refused and changes nothing', async () => {
  const pauper = keyring().addFromUri('//TandemPauper');
  const { bob } = acc;
  const bobBefore = await freeBalance(api, bob.address);
  await assert.rejects(
    api.tx.balances.transferKeepAlive(bob.address, 1n * UNIT).signAndSend(pauper),
    (err) => /Inability to pay some fees/.test(err.message),
  );
  assert.equal(await freeBalance(api, pauper.address), 0n);
  assert.equal(await freeBalance(api, bob.address), bobBefore);
});

test('5b. a transaction with a bad signature is refused', async () => {
  const { alice, bob } = acc;
  const tx = api.tx.balances.transferKeepAlive(bob.address, 1n * UNIT);
  await tx.signAsync(alice);
  const bytes = tx.toU8a();
  const sig = tx.signature.toU8a();
  // Locate the 64 signature bytes inside the encoded extrinsic and flip one bit.
  const tail = sig.slice(sig.length - 64);
  let at = -1;
  for (let i = 0; i + 64 <= bytes.length && at < 0; i += 1) {
    if (tail.every((b, j) => bytes[i + j] === b)) at = i;
  }
  assert.ok(at >= 0, 'signature found in the extrinsic');
  bytes[at + 10] ^= 0x01;
  const aliceNonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  await assert.rejects(
    api.rpc.author.submitExtrinsic(u8aToHex(bytes)),
    (err) => /bad signature/i.test(err.message),
  );
  assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), aliceNonce, 'nonce unchanged');
});

test('5c. a transfer above the balance fails in dispatch: only the fee is taken', async () => {
  const { dave, eve } = acc;
  const eveBefore = await freeBalance(api, eve.address);
  const daveBefore = await freeBalance(api, dave.address);
  const res = await sendAndWait(api.tx.balances.transferKeepAlive(eve.address, daveBefore * 2n), dave);
  assert.ok(res.dispatchError, 'dispatch failed');
  assert.ok(res.dispatchError.isToken && res.dispatchError.asToken.isFundsUnavailable,
    `expected Token(FundsUnavailable), got ${res.dispatchError.toString()}`);
  assert.equal(await freeBalance(api, eve.address, res.blockHash), eveBefore);
  assert.equal(await freeBalance(api, dave.address, res.blockHash), daveBefore - res.fee);
});

test('8. load: 500 signed transfers are all included and the node keeps finalizing', async () => {
  const senders = [acc.alice, acc.bob, acc.charlie, acc.dave, acc.eve];
  const perSender = 100;
  const dest = keyring().addFromUri('//TandemLoadSink').address;
  const amount = 1n * UNIT;
  const startFinal = await finalizedNumber(api);

  const txs = [];
  for (const s of senders) {
    let nonce = (await api.rpc.system.accountNextIndex(s.address)).toNumber();
    for (let i = 0; i < perSender; i += 1) {
      const tx = api.tx.balances.transferKeepAlive(dest, amount);
      await tx.signAsync(s, { nonce: nonce++, era: 0 });
      txs.push(tx);
    }
  }
  // Submit as fast as the pool takes them (no status subscriptions).
  const hashes = await Promise.all(txs.map((tx) => api.rpc.author.submitExtrinsic(tx)));
  assert.equal(new Set(hashes.map((h) => h.toHex())).size, 500);

  const expected = amount * BigInt(txs.length);
  const deadline = Date.now() + 180_000;
  let got = 0n;
  while (Date.now() < deadline) {
    got = await freeBalance(api, dest);
    if (got === expected) break;
    await sleep(2000);
  }
  assert.equal(got, expected, 'every transfer was included');
  for (const s of senders) {
    // Nothing left in the pool for any sender.
    const pending = (await api.rpc.author.pendingExtrinsics()).filter((x) => x.signer.toString() === s.address);
    assert.equal(pending.length, 0);
  }
  const target = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForHead(api, (h) => h.number.toNumber() >= target, { finalized: true, what: `finalized #${target}` });
  assert.ok((await finalizedNumber(api)) > startFinal);
});
