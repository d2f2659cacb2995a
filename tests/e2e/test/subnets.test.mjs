// The whole loop from polkadot.js on the dev chain: a subnet is created, validators and miners
// register, a holder stakes (a swap, quoted first), GOV launches, a user buys credits and spends
// them on the subnet — the paid revenue accrues the subnet an emission allowance that emission
// follows — validators commit and reveal weights, the scheduled epoch runs — miners' earned
// credits and validators' alpha follow the metagraph's incentive and dividends — a miner cashes
// out USD, and the protocol fee reached the buyback pot. One miner is a contributor who never
// holds GOV: it receives USD, buys credits, registers paying the burn in credits, spends, earns
// at the epoch, cashes out and sends the USD on. Recycled credits and a disabled subnet's
// revenue accrue no emission. Last, the owner dissolves the subnet: it stops at once,
// stakers are redeemed in GOV and the id is reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { compactStripLength } from '@polkadot/util';
import {
  useDevNode, devAccounts, keyring, sendAndWait, moduleErrorOf, ok, waitForHead, waitForEvent,
  palletAddress, usdBalance, freeBalance, hotkeyMessage, hotkeyProof, UNIT,
} from './lib.mjs';

const TEMPO = 5; // set by sudo below so a commit-reveal round fits in a test run
const CREDIT = 1_000_000n;
const BILLION = 1_000_000_000;
const acc = devAccounts();
let api;
// Waits on blocks and epochs, not on time: 1-second slots.
useDevNode('subnets', (dev) => { api = dev.api; }, { fastBlocks: true });

const moduleError = (res) => moduleErrorOf(api, res);
const sudo = (call) => sendAndWait(api.tx.sudo.sudo(call), acc.alice);
const eventOf = (res, section, name) => res.events.find(({ event }) => api.events[section][name].is(event))?.event.data;
const blockOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
const miners = [keyring().addFromUri('//Miner1'), keyring().addFromUri('//Miner2')];
/** A miner's hotkey proof, signed as a browser extension's signRaw does (<Bytes>-wrapped). */
const minerProof = (hk) => hotkeyProof(api, hk.address, NET, hk, { wrapped: true });
/** Miner2 never holds GOV: every fee it pays is in credits or in USD through the pool. It
 * registers after the emission test (its USD fees trade in the pool, moving the GOV price that
 * test computes exact figures from). */
const contributor = miners[1];
const noGov = async () => assert.equal(await freeBalance(api, contributor.address), 0n, 'the contributor holds no GOV');
const validators = [acc.bob, acc.charlie];
let NET;
const epochIndex = (block) => Math.floor((block + NET) / TEMPO);
/** Alpha staked to `hotkey` at block `at`: its main pool and its pending (not yet matured) pool. */
const hotkeyAlpha = async (at, hotkey) => {
  const q = (await api.at(at)).query.subnets;
  const pending = await q.hotkeyPending(NET, hotkey);
  return (await q.hotkeyAlpha(NET, hotkey)).alpha.toBigInt() + (pending.isSome ? pending.unwrap().alpha.toBigInt() : 0n);
};
const commitHash = (hotkey, uids, weights, salt, version) => blake2AsHex(
  api.createType('(AccountId32, u16, Vec<u16>, Vec<u16>, [u8; 32], u64)', [hotkey, NET, uids, weights, salt, version]).toU8a(),
);
/** The next `EpochPaid` of our subnet (optionally with consensus) and its block hash. */
const nextEpoch = (consensus) => waitForEvent(api, (event) => api.events.subnets.EpochPaid.is(event)
  && event.data.netuid.toNumber() === NET && (consensus === undefined || event.data.consensus.isTrue === consensus),
{ what: 'EpochPaid', timeoutMs: 240_000 });

test('set-up: short tempo, a subnet owned by Dave', async () => {
  ok(await sudo(api.tx.utility.batchAll([
    api.tx.governance.setParameter({ Yuma: { Tempo: [null, TEMPO] } }),
    api.tx.governance.setParameter({ Yuma: { WeightsRateLimit: [null, 0] } }),
  ])));
  // A too-low `max_lock` is refused; the quoted lock cost is enough.
  const lock = (await api.call.subnetsApi.lockCost()).toBigInt();
  assert.equal(moduleError(await sendAndWait(api.tx.subnets.registerNetwork(lock - 1n), acc.dave)), 'subnets.LockAboveLimit');
  const res = await sendAndWait(api.tx.subnets.registerNetwork(lock), acc.dave);
  ok(res);
  const ev = eventOf(res, 'subnets', 'NetworkRegistered');
  NET = ev.netuid.toNumber();
  assert.equal(ev.owner.toString(), acc.dave.address);
  const [s] = (await api.call.subnetsApi.subnets()).filter((x) => x.netuid.toNumber() === NET);
  assert.equal(s.govReserve.toBigInt(), ev.lock.toBigInt(), 'the lock seeds the pool');
  assert.equal(s.spotPrice.toBigInt(), UNIT, 'price 1 GOV per alpha');
});

test('validators and miners register with their hotkey proofs; a front-run is refused', async () => {
  ok(await sendAndWait(api.tx.balances.transferKeepAlive(miners[0].address, 100n * UNIT), acc.alice));
  const fromChain = await api.call.yumaApi.hotkeyMessage(acc.bob.address, NET);
  // polkadot.js 16.x hands a runtime API's `Vec<u8>` back as Bytes holding its SCALE encoding.
  const [, bytes] = compactStripLength(fromChain.toU8a(true));
  assert.deepEqual([...bytes], [...hotkeyMessage(api, acc.bob.address, NET)], 'yumaApi.hotkeyMessage');
  // Eve tries to register Miner1's hotkey under her coldkey: her own signature, or Miner1's
  // proof for Miner1's coldkey, does not prove the hotkey chose her.
  for (const proof of [hotkeyProof(api, acc.eve.address, NET, acc.eve), hotkeyProof(api, miners[0].address, NET, miners[0])]) {
    const stolen = await sendAndWait(api.tx.yuma.register(NET, miners[0].address, proof), acc.eve);
    assert.equal(moduleError(stolen), 'yuma.BadHotkeySignature');
  }
  // Validators sign as a keyring does (raw); miners as an extension's signRaw (<Bytes>-wrapped).
  for (const hk of validators) ok(await sendAndWait(api.tx.yuma.register(NET, hk.address, hotkeyProof(api, hk.address, NET, hk)), hk));
  ok(await sendAndWait(api.tx.yuma.register(NET, miners[0].address, minerProof(miners[0])), miners[0]));

});

test('staking to an unregistered hotkey is refused', async () => {
  const bad = await sendAndWait(api.tx.subnets.addStake(acc.eve.address, NET, UNIT, 2n ** 127n, false), acc.alice);
  assert.equal(moduleError(bad), 'subnets.HotkeyNotRegistered');
});

test('stake is a swap: the quote is what executes; a tight limit is refused', async () => {
  const quote = await api.call.subnetsApi.quoteAddStake(NET, 1_000n * UNIT);
  const q = quote.unwrap();
  const tight = await sendAndWait(api.tx.subnets.addStake(acc.bob.address, NET, 1_000n * UNIT, q.priceBefore.toBigInt(), false), acc.alice);
  assert.equal(moduleError(tight), 'subnets.PriceLimitExceeded');
  const res = await sendAndWait(api.tx.subnets.addStake(acc.bob.address, NET, 1_000n * UNIT, q.priceAfter.toBigInt(), false), acc.alice);
  ok(res);
  assert.equal(eventOf(res, 'subnets', 'StakeAdded').alphaOut.toBigInt(), q.amountOut.toBigInt());
  ok(await sendAndWait(api.tx.subnets.addStake(acc.charlie.address, NET, 500n * UNIT, 2n ** 127n, false), acc.alice));
  const positions = await api.call.subnetsApi.positions(acc.alice.address);
  assert.equal(positions.length, 2);
  const pos = positions.find((p) => p.hotkey.toString() === acc.bob.address);
  assert.equal(pos.alpha.toBigInt(), q.amountOut.toBigInt());
  // Pending until the subnet's next epoch payout (no dividends, no weight in consensus yet):
  // read in the block that staked, before any epoch could mature it.
  const atStake = await (await api.at(res.blockHash)).call.subnetsApi.positions(acc.alice.address);
  const staked = atStake.find((p) => p.hotkey.toString() === acc.bob.address);
  assert.equal(staked.pending.toBigInt(), q.amountOut.toBigInt(), 'the new stake is pending');
});

const subnetView = async (at) => (await (at ? await api.at(at) : api).call.subnetsApi.subnets())
  .find((x) => x.netuid.toNumber() === NET);
const emittedUsd = async () => (await api.call.tokenApi.info()).emittedUsd12m.toBigInt();
/** Lets `n` blocks pass. */
const blocks = async (n) => {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForHead(api, (h) => h.number.toNumber() >= start + n, { what: `${n} blocks` });
};

test('GOV launches; a paid spend accrues the subnet an allowance, and emission follows it', async () => {
  ok(await sudo(api.tx.govToken.launch()));
  await blocks(2);
  const usdBefore = await emittedUsd();
  assert.equal((await subnetView()).allowance.toBigInt(), 0n, 'no revenue, no allowance');
  ok(await sendAndWait(api.tx.credits.buy(1_000n * CREDIT, 100n * 1_000_000n), acc.ferdie));
  const spent = await sendAndWait(api.tx.credits.spend(NET, 1_000n * CREDIT), acc.ferdie);
  ok(spent);
  const s = await subnetView(spent.blockHash);
  assert.equal(s.creditPool.toBigInt(), 1_000n * CREDIT);
  // The next block accrues 6 % of the $30 paid as GOV at $1 (1.8 GOV) and mints 0.5 GOV of
  // it; the rest follows at the schedule's 0.5 GOV a block.
  const spentAt = await blockOf(spent.blockHash);
  await waitForHead(api, (h) => h.number.toNumber() >= spentAt + 1, { what: 'the block after the spend' });
  const next = await api.rpc.chain.getBlockHash(spentAt + 1);
  const accrued = await subnetView(next);
  assert.equal(accrued.allowance.toBigInt(), 1_800_000_000_000n - UNIT / 2n, 'allowance after the first mint');
  await blocks(6);
  assert.equal((await subnetView()).allowance.toBigInt(), 0n, 'all minted');
  assert.equal((await emittedUsd()) - usdBefore, 1_800_000n, 'GOV worth $1.80 at accrual: ρ × $30');
  // TokenApi.economy(): emission against the paid revenue behind it, at most ρ = 6 %.
  const e = await api.call.tokenApi.economy();
  assert.equal(e.paidRevenueUsd12m.toBigInt(), 30_000_000n);
  assert.equal(e.emissionRevenuePpm12m.unwrap().toNumber(), 60_000);
  assert.equal(e.allowanceGov.toBigInt(), 0n);
  assert.ok((await subnetView()).pendingAlpha.toBigInt() > 0n, 'alpha backed by the GOV injected');
});

test('commit, reveal, epoch: credits and alpha follow incentive and dividends; a miner cashes out', async () => {
  // The contributor: USD from Alice, credits bought with it (the fee out of the credits), and
  // the registration burn paid in credits worth its GOV value (its fee in USD via the pool).
  ok(await sendAndWait(api.tx.assets.transferKeepAlive(1, contributor.address, 50n * 1_000_000n), acc.alice));
  ok(await sendAndWait(api.tx.credits.buy(1_000n * CREDIT, 30n * 1_000_000n), contributor));
  const held = (await api.call.creditsApi.account(contributor.address)).free.toBigInt();
  const reg = await sendAndWait(api.tx.yuma.registerWithCredits(NET, contributor.address, minerProof(contributor)), contributor);
  ok(reg);
  const burnPaid = eventOf(reg, 'yuma', 'BurnPaidInCredits');
  assert.equal(burnPaid.burn.toBigInt(), eventOf(reg, 'yuma', 'NeuronRegistered').burn.toBigInt());
  assert.ok(burnPaid.usd.toBigInt() > 0n && burnPaid.credits.toBigInt() > 0n);
  const left = (await api.call.creditsApi.account(contributor.address)).free.toBigInt();
  assert.equal(held - left, burnPaid.credits.toBigInt());
  await noGov();
  // It spends what is left of its credits on the subnet (keeping one for fees).
  ok(await sendAndWait(api.tx.credits.spend(NET, left - CREDIT), contributor));
  await noGov();
  // Stake counts once an epoch payout has matured it; the scheduled epoch after that hands the
  // staked validators their permits.
  let meta;
  for (let k = 0; k < 3; k += 1) {
    await nextEpoch();
    meta = await api.call.yumaApi.metagraph(NET);
    if (meta.filter((n) => n.validatorPermit.isTrue).length >= validators.length) break;
  }
  const uid = Object.fromEntries(meta.map((n) => [n.hotkey.toString(), n.uid.toNumber()]));
  assert.ok(validators.every((v) => meta[uid[v.address]].validatorPermit.isTrue));
  const uids = miners.map((m) => uid[m.address]);
  const weights = [3, 1];
  const salt = (i) => '0x' + String(i + 1).padStart(2, '0').repeat(32);
  const commits = await Promise.all(validators.map((v, i) => sendAndWait(
    api.tx.yuma.commitWeights(NET, commitHash(v.address, uids, weights, salt(i), 1)), v)));
  commits.forEach(ok);
  const commitBlock = Math.max(...(await Promise.all(commits.map((c) => blockOf(c.blockHash)))));
  const revealEpoch = epochIndex(commitBlock) + 1;
  await waitForHead(api, (h) => epochIndex(h.number.toNumber() + 1) >= revealEpoch, { what: 'the reveal epoch' });
  const reveals = await Promise.all(validators.map((v, i) => sendAndWait(
    api.tx.yuma.revealWeights(NET, uids, weights, salt(i), 1), v)));
  reveals.forEach(ok);

  const paid = await nextEpoch(true);
  const at = paid.hash;
  const parent = (await api.rpc.chain.getHeader(at)).parentHash;
  const events = await (await api.at(at)).query.system.events();
  const m = await (await api.at(at)).call.yumaApi.metagraph(NET);
  const I = miners.map((x) => m[uid[x.address]].incentive.toNumber() / BILLION);
  const D = validators.map((x) => m[uid[x.address]].dividends.toNumber() / BILLION);
  assert.ok(Math.abs(I[0] - 0.75) < 1e-6 && Math.abs(I[1] - 0.25) < 1e-6, `incentive ${I}`);
  assert.ok(Math.abs(D[0] + D[1] - 1) < 1e-6, `dividends ${D}`);

  // Credits: the pool was paid out; each miner earned its incentive's share of the miners' part.
  const dist = events.find(({ event }) => api.events.credits.Distributed.is(event)).event.data;
  const earned = (who) => events.filter(({ event }) => api.events.credits.Earned.is(event) && event.data.who.toString() === who)
    .reduce((a, { event }) => a + event.data.credits.toBigInt(), 0n);
  const minersPaid = dist.miners.toBigInt();
  assert.ok(minersPaid > 0n);
  miners.forEach((x, k) => {
    const share = Number(earned(x.address)) / Number(minersPaid);
    assert.ok(Math.abs(share - I[k]) < 1e-5, `miner ${k} earned ${share} of the miners' credits, incentive ${I[k]}`);
  });
  validators.forEach((x, k) => {
    const share = Number(earned(x.address)) / Number(dist.validators.toBigInt());
    assert.ok(Math.abs(share - D[k]) < 1e-5, `validator ${k} earned ${share}, dividends ${D[k]}`);
  });

  // Alpha: each validator's hotkey grew by its dividends' share, each miner's by its incentive's.
  const ev = paid.event.data;
  const grown = async (x) => (await hotkeyAlpha(at, x.address)) - (await hotkeyAlpha(parent, x.address));
  const vGrowth = await Promise.all(validators.map(grown));
  const mGrowth = await Promise.all(miners.map(grown));
  assert.equal(vGrowth[0] + vGrowth[1], ev.alphaValidators.toBigInt());
  validators.forEach((_, k) => assert.ok(Math.abs(Number(vGrowth[k]) / Number(ev.alphaValidators.toBigInt()) - D[k]) < 1e-6));
  // MinerAlphaShare is 0 by default: miners are paid in credits only.
  assert.equal(ev.alphaMiners.toBigInt(), 0n);
  assert.deepEqual(mGrowth, [0n, 0n]);
  assert.ok(ev.alphaOwner.toBigInt() > 0n, 'the owner got its cut');

  // The protocol fee's USD reached the buyback pot in the same block.
  const pot = palletAddress(api, 'tdm/bbak');
  const potGain = (await usdBalance(api, pot, at)) - (await usdBalance(api, pot, parent));
  assert.ok(dist.protocolFeeUsd.toBigInt() > 0n);
  assert.equal(potGain, dist.protocolFeeUsd.toBigInt());

  // A miner cashes its earned credits out in USD.
  const miner = miners[0];
  const credits = (await api.call.creditsApi.account(miner.address)).cashable.toBigInt();
  assert.ok(credits > 0n, "the miner has cashable credits");
  const before = await usdBalance(api, miner.address);
  const out = await sendAndWait(api.tx.credits.cashOut(credits / 2n), miner);
  ok(out);
  assert.ok((await usdBalance(api, miner.address)) > before, 'USD paid out');

  // The contributor earned at the epoch too, cashes out, and sends the USD on — still no GOV.
  const cashable = (await api.call.creditsApi.account(contributor.address)).cashable.toBigInt();
  assert.ok(cashable > 0n, 'the contributor earned credits');
  const usd0 = await usdBalance(api, contributor.address);
  // (The cash-out's own credit fee comes out of the earned credits first: leave room for it.)
  ok(await sendAndWait(api.tx.credits.cashOut(cashable - CREDIT / 10n), contributor));
  const usd1 = await usdBalance(api, contributor.address);
  assert.ok(usd1 > usd0, 'USD paid out');
  const ferdie0 = await usdBalance(api, acc.ferdie.address);
  ok(await sendAndWait(api.tx.assets.transferKeepAlive(1, acc.ferdie.address, usd1 / 2n), contributor));
  assert.equal(await usdBalance(api, acc.ferdie.address) - ferdie0, usd1 / 2n);
  await noGov();
});

test('recycled credits and a disabled subnet\'s revenue accrue no emission', async () => {
  // A miner spends the credits it earned back into the subnet: recycled, not revenue.
  const miner = miners[0];
  const earned = (await api.call.creditsApi.account(miner.address)).free.toBigInt();
  assert.ok(earned > 0n);
  await blocks(2);
  const usdBefore = await emittedUsd();
  const recycled = await sendAndWait(api.tx.credits.spend(NET, earned / 2n), miner);
  ok(recycled);
  assert.equal(eventOf(recycled, 'credits', 'Spent').paid.toBigInt(), 0n);
  await blocks(3);
  assert.equal((await subnetView()).allowance.toBigInt(), 0n);
  assert.equal(await emittedUsd(), usdBefore, 'no emission for recycled credits');

  // Governance switches the subnet's emission off; a user's paid spend then accrues nothing.
  ok(await sudo(api.tx.subnets.setEmission(NET, false)));
  // Ferdie holds earned credits, so the buy's fee comes out of those and all 100 stay paid.
  ok(await sendAndWait(api.tx.credits.buy(100n * CREDIT, 10n * 1_000_000n), acc.ferdie));
  const paid = await sendAndWait(api.tx.credits.spend(NET, 100n * CREDIT), acc.ferdie);
  assert.equal(eventOf(paid, 'credits', 'Spent').paid.toBigInt(), 100n * CREDIT);
  await blocks(3);
  const off = await subnetView();
  assert.equal(off.allowance.toBigInt(), 0n, 'revenue while off accrues nothing');
  assert.equal(await emittedUsd(), usdBefore);
  // Switched back on, it brings no backlog.
  ok(await sudo(api.tx.subnets.setEmission(NET, true)));
  await blocks(2);
  assert.equal((await subnetView()).allowance.toBigInt(), 0n, 'no backlog');
});

test('bad input through polkadot.js: unknown subnet, zero amount, same-subnet move', async () => {
  assert.equal(moduleError(await sendAndWait(api.tx.subnets.addStake(acc.bob.address, 999, UNIT, 2n ** 127n, false), acc.alice)), 'subnets.UnknownSubnet');
  assert.equal(moduleError(await sendAndWait(api.tx.subnets.removeStake(acc.bob.address, NET, 0, 0, false), acc.alice)), 'subnets.ZeroAmount');
  assert.equal(moduleError(await sendAndWait(api.tx.subnets.moveStake(acc.bob.address, NET, NET, UNIT, 0, false), acc.alice)), 'subnets.SameSubnet');
  const notRoot = await sendAndWait(api.tx.yuma.triggerEpoch(NET), acc.dave);
  assert.ok(notRoot.dispatchError?.isBadOrigin, 'not even the owner may force an epoch');
});

test('the owner dissolves the subnet: it stops, stakers get GOV back, the id is reused', async () => {
  assert.equal(moduleError(await sendAndWait(api.tx.subnets.dissolveNetwork(NET), acc.alice)), 'subnets.NotSubnetOwner');
  const mine = async () => (await api.call.subnetsApi.positions(acc.alice.address)).filter((p) => p.netuid.toNumber() === NET);
  const staked = (await mine()).reduce((a, p) => a + p.alpha.toBigInt(), 0n);
  assert.ok(staked > 0n);
  const before = await freeBalance(api, acc.alice.address);
  const onNet = (name) => (event) => api.events.subnets[name].is(event) && event.data.netuid.toNumber() === NET;
  const redeemed = waitForEvent(api, onNet('NetworkRedeemed'), { what: 'NetworkRedeemed' });
  const dissolved = waitForEvent(api, onNet('NetworkDissolved'), { what: 'NetworkDissolved' });
  const res = await sendAndWait(api.tx.subnets.dissolveNetwork(NET), acc.dave);
  ok(res);
  assert.equal(eventOf(res, 'subnets', 'NetworkDissolving').cause.toString(), 'Owner');
  // Stopped at once: nobody stakes on it any more.
  assert.equal(moduleError(await sendAndWait(api.tx.subnets.addStake(acc.bob.address, NET, UNIT, 2n ** 127n, false), acc.alice)), 'subnets.UnknownSubnet');
  const split = (await redeemed).event.data;
  // Dissolved by its owner within the immunity period: the lock is not refunded.
  assert.equal(split.ownerRefund.toBigInt(), 0n);
  assert.ok(split.stakersGov.toBigInt() > 0n);
  await dissolved;
  assert.equal((await mine()).length, 0, 'every position redeemed');
  const gained = (await freeBalance(api, acc.alice.address)) - before;
  // Alice staked 1,500 GOV; her alpha comes back as GOV at the pool's average price.
  assert.ok(gained > 1_000n * UNIT, `redeemed ${gained}`);
  assert.deepEqual((await api.query.subnets.freeNetuids()).map((n) => n.toNumber()), [NET]);
  // The next registration takes the freed id, with an empty metagraph.
  const again = await sendAndWait(api.tx.subnets.registerNetwork(await api.call.subnetsApi.lockCost()), acc.eve);
  ok(again);
  assert.equal(eventOf(again, 'subnets', 'NetworkRegistered').netuid.toNumber(), NET);
  assert.equal((await api.call.yumaApi.metagraph(NET)).length, 0);
});
