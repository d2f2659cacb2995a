// The README's "A first hour, step by step", call for call, with the values it gives, on a dev
// node: if the README's walk-through breaks, this test does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDevNode, devAccounts, sendAndWait, hotkeyProof, waitForEvent, ok,
} from './lib.mjs';

const ctx = {};
useDevNode('readme', (c) => Object.assign(ctx, c), { fastBlocks: true });
const acc = devAccounts();

test('the README walk-through ends with a non-empty yumaApi.metagraph(0)', async () => {
  const { api } = ctx;
  // 1. Short epochs.
  ok(await sendAndWait(api.tx.sudo.sudo(api.tx.governance.setParameter({ Yuma: { Tempo: [null, 5] } })), acc.alice));
  // 2. Bob buys 100 credits for at most $3.
  ok(await sendAndWait(api.tx.credits.buy(100_000_000n, 3_000_000n), acc.bob));
  const bob = await api.call.creditsApi.account(acc.bob.address);
  assert.ok(bob.free.toBigInt() > 99_000_000n && bob.free.toBigInt() < 100_000_000n, `free ${bob.free}: 100 credits less the fee`);
  // 3. Dave creates subnet 0 at the quoted lock.
  ok(await sendAndWait(api.tx.subnets.registerNetwork(await api.call.subnetsApi.lockCost()), acc.dave));
  // 4. Eve registers her hotkey, signed as apps' "Sign and verify" signs (<Bytes>-wrapped).
  ok(await sendAndWait(api.tx.yuma.register(0, acc.eve.address, hotkeyProof(api, acc.eve.address, 0, acc.eve, { wrapped: true })), acc.eve));
  // 5. Alice stakes 10 GOV to Eve with the quoted price after + 1 % as the limit.
  const q = (await api.call.subnetsApi.quoteAddStake(0, 10_000_000_000_000n)).unwrap();
  const limit = (q.priceAfter.toBigInt() * 101n) / 100n;
  ok(await sendAndWait(api.tx.subnets.addStake(acc.eve.address, 0, 10_000_000_000_000n, limit, false), acc.alice));
  // 6. Bob spends 10 credits on subnet 0.
  ok(await sendAndWait(api.tx.credits.spend(0, 10_000_000n), acc.bob));
  // 7. An epoch of subnet 0.
  await waitForEvent(api, (e) => api.events.subnets.EpochPaid.is(e) && e.data.netuid.toNumber() === 0, { what: 'EpochPaid', timeoutMs: 60_000 });
  // 8. The metagraph.
  const metagraph = await api.call.yumaApi.metagraph(0);
  assert.equal(metagraph.length, 1);
  assert.equal(metagraph[0].hotkey.toString(), acc.eve.address);
});
