// pallet-yuma from polkadot.js: register validators and miners (GOV burned), commit and
// reveal weights in the next epoch (a wrong salt is refused), trigger an epoch as root, and
// read the metagraph through `api.call.yumaApi.metagraph` — incentive follows the weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { useDevNode, devAccounts, keyring, sendAndWait, moduleErrorOf, ok, waitForHead } from './lib.mjs';

const NET = 1;
const TEMPO = 5; // set by sudo below so a commit-reveal round fits in a test run
const acc = devAccounts();
let api;
useDevNode('yuma', (dev) => { api = dev.api; });

const moduleError = (res) => moduleErrorOf(api, res);
const sudo = (call) => sendAndWait(api.tx.sudo.sudo(call), acc.alice);
const blockOf = async (res) => (await api.rpc.chain.getHeader(res.blockHash)).number.toNumber();
const epochIndex = (block) => Math.floor((block + NET) / TEMPO);
const metagraph = async () => (await api.call.yumaApi.metagraph(NET)).map((n) => ({
  uid: n.uid.toNumber(),
  hotkey: n.hotkey.toString(),
  permit: n.validatorPermit.isTrue,
  incentive: n.incentive.toNumber(),
  dividends: n.dividends.toNumber(),
  consensus: n.consensus.toNumber(),
  trust: n.validatorTrust.toNumber(),
  stake: n.stake.toBigInt(),
}));
const commitHash = (hotkey, uids, weights, salt, version) => blake2AsHex(
  api.createType('(AccountId32, u16, Vec<u16>, Vec<u16>, [u8; 32], u64)', [hotkey, NET, uids, weights, salt, version]).toU8a(),
);

const miners = [keyring().addFromUri('//Miner1'), keyring().addFromUri('//Miner2')];
const uid = {};

test('register: uids in order, the GOV burn leaves issuance, the burn grows', async () => {
  const setParams = api.tx.utility.batchAll([
    api.tx.parameters.setParameter({ Yuma: { Tempo: [null, TEMPO] } }),
    api.tx.parameters.setParameter({ Yuma: { WeightsRateLimit: [null, 0] } }),
  ]);
  ok(await sudo(setParams));

  let burned = 0n;
  const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();
  for (const hk of [acc.bob, acc.charlie, ...miners]) {
    const quoted = (await api.call.yumaApi.registrationBurn(NET)).toBigInt();
    const res = await sendAndWait(api.tx.yuma.register(NET, hk.address), acc.alice);
    ok(res);
    const ev = res.events.find(({ event }) => api.events.yuma.NeuronRegistered.is(event)).event.data;
    assert.equal(ev.burn.toBigInt(), quoted, 'the quoted burn is what is paid');
    uid[hk.address] = ev.uid.toNumber();
    burned += ev.burn.toBigInt();
  }
  assert.deepEqual(Object.values(uid), [0, 1, 2, 3]);
  // Fees are not burned (treasury / author), so issuance falls by exactly the burns.
  assert.equal(issuanceBefore - (await api.query.balances.totalIssuance()).toBigInt(), burned);
  assert.ok((await api.call.yumaApi.registrationBurn(NET)).toBigInt() > burned / 4n, 'the burn grew ×1.26 per registration');

  const again = await sendAndWait(api.tx.yuma.register(NET, acc.bob.address), acc.alice);
  assert.equal(moduleError(again), 'yuma.HotkeyAlreadyRegistered');
  const unknown = await sendAndWait(api.tx.yuma.register(999, acc.dave.address), acc.alice);
  assert.equal(moduleError(unknown), 'yuma.UnknownSubnet');
});

test('an epoch gives permits to staked hotkeys; set_weights is refused under commit-reveal', async () => {
  const notRoot = await sendAndWait(api.tx.yuma.triggerEpoch(NET), acc.bob);
  assert.ok(notRoot.dispatchError?.isBadOrigin, 'only root may run an unscheduled epoch');
  ok(await sudo(api.tx.yuma.triggerEpoch(NET)));
  const m = await metagraph();
  assert.deepEqual(m.map((n) => n.permit), [true, true, false, false], 'miners hold no GOV: no stake, no permit');
  const direct = await sendAndWait(api.tx.yuma.setWeights(NET, [2, 3], [3, 1], 0), acc.bob);
  assert.equal(moduleError(direct), 'yuma.CommitRevealEnabled');
  const noPermit = await sendAndWait(api.tx.yuma.commitWeights(NET, '0x' + '11'.repeat(32)), acc.alice);
  assert.equal(moduleError(noPermit), 'yuma.NotRegistered');
});

test('commit, reveal in the next epoch, trigger: incentive follows the revealed weights', async () => {
  const [m1, m2] = miners.map((m) => uid[m.address]);
  const uids = [m1, m2];
  const weights = [3, 1];
  const salts = { bob: '0x' + '0b'.repeat(32), charlie: '0x' + '0c'.repeat(32) };
  const commits = await Promise.all(['bob', 'charlie'].map((who) => sendAndWait(
    api.tx.yuma.commitWeights(NET, commitHash(acc[who].address, uids, weights, salts[who], 7)), acc[who],
  )));
  commits.forEach(ok);
  const commitBlock = Math.max(...(await Promise.all(commits.map(blockOf))));
  // A reveal in the commit's own epoch is refused before the hash is even checked (the probe
  // uses a wrong salt, so it cannot consume the commit if the chain already moved on).
  const early = await sendAndWait(api.tx.yuma.revealWeights(NET, uids, weights, '0x' + 'ee'.repeat(32), 7), acc.bob);
  const expected = epochIndex(await blockOf(early)) === epochIndex(commitBlock) ? 'yuma.RevealTooEarly' : 'yuma.RevealMismatch';
  assert.equal(moduleError(early), expected);
  // Wait for the head just before the reveal epoch starts, then reveal.
  const revealEpoch = epochIndex(commitBlock) + 1;
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  if (epochIndex(best + 1) < revealEpoch) {
    await waitForHead(api, (h) => epochIndex(h.number.toNumber() + 1) === revealEpoch, { what: 'the reveal epoch' });
  }
  const [wrong, charlie] = await Promise.all([
    sendAndWait(api.tx.yuma.revealWeights(NET, uids, weights, '0x' + 'ff'.repeat(32), 7), acc.bob),
    sendAndWait(api.tx.yuma.revealWeights(NET, uids, weights, salts.charlie, 7), acc.charlie),
  ]);
  assert.equal(moduleError(wrong), 'yuma.RevealMismatch');
  ok(charlie);
  const bob = await sendAndWait(api.tx.yuma.revealWeights(NET, uids, weights, salts.bob, 7), acc.bob);
  ok(bob);
  const revealed = bob.events.find(({ event }) => api.events.yuma.WeightsRevealed.is(event)).event.data;
  assert.equal(revealed.count.toNumber(), 2);
  assert.equal(revealed.version.toNumber(), 7);

  const epoch = await sudo(api.tx.yuma.triggerEpoch(NET));
  ok(epoch);
  const run = epoch.events.find(({ event }) => api.events.yuma.EpochRun.is(event)).event.data;
  assert.ok(run.consensus.isTrue);
  assert.equal(run.weights.toNumber(), 4);

  const m = await metagraph();
  // Both validators weight the miners 3:1, so consensus is 0.75 / 0.25 and so is incentive.
  assert.ok(Math.abs(m[m1].incentive - 750_000_000) <= 2, `incentive ${m[m1].incentive}`);
  assert.ok(Math.abs(m[m2].incentive - 250_000_000) <= 2, `incentive ${m[m2].incentive}`);
  assert.equal(m[m1].consensus, 750_000_000);
  assert.equal(m[0].incentive + m[1].incentive, 0, 'validators are not weighted');
  const dividends = m[0].dividends + m[1].dividends;
  assert.ok(Math.abs(dividends - 1_000_000_000) <= 2, 'dividends go to the validators and sum to one');
  assert.equal(m[0].trust, 1_000_000_000);
  assert.equal(m[0].hotkey, acc.bob.address);
  assert.ok(m[0].stake > 0n && m[m1].stake === 0n);
});
