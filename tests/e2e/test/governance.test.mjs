// OpenGov from polkadot.js on the dev chain (fast tracks): a holder notes a preimage of
// `governance.setParameter(CreditPrice)`, submits it on the `parameters` track, places the
// decision deposit, holders vote with conviction; it is confirmed and enacted, and the next
// `credits.buy` charges the new price. Then: bounds and origins refuse bad input; the emergency
// track switches a subnet's emission off and can do nothing else; a treasurer referendum spends
// USD and the beneficiary receives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  useDevNode, devAccounts, sendAndWait, moduleErrorOf, ok, sudidResult, usdBalance, waitForEvent, UNIT,
  USD, keyring, treasuryAddress, passReferendum,
} from './lib.mjs';

const CREDIT = 1_000_000n;
const acc = devAccounts();
let api;
// Waits on blocks and epochs, not on time: 1-second slots.
useDevNode('governance', (dev) => { api = dev.api; }, { fastBlocks: true });

const price = (v) => api.tx.governance.setParameter({ Credits: { CreditPrice: [null, v] } });
const creditPrice = async () => (await api.call.creditsApi.totals()).creditPrice.toBigInt();

test('a parameters referendum changes CreditPrice and the next buy pays it', async () => {
  assert.equal(await creditPrice(), 30_000n, '$0.03 at genesis');
  const { alice, bob, charlie, dave } = acc;

  // 1. Note the preimage of the call.
  // $0.033: within the floor (PayoutRate $0.027 must stay ≥ 80 % of the price: at most $0.03375).
  const call = price(33_000n);
  const bytes = call.method.toHex();
  const hash = blake2AsHex(bytes);
  const len = call.method.encodedLength;
  const noted = await sendAndWait(api.tx.preimage.notePreimage(bytes), alice);
  ok(noted);
  assert.ok(noted.events.some(({ event }) => api.events.preimage.Noted.is(event)));

  // 2. Submit it on the parameters track (its origin is `Governance.ParameterAdmin`).
  const submitted = await sendAndWait(
    api.tx.referenda.submit({ Governance: 'ParameterAdmin' }, { Lookup: { hash, len } }, { After: 1 }),
    alice,
  );
  ok(submitted);
  const sub = submitted.events.find(({ event }) => api.events.referenda.Submitted.is(event)).event.data;
  const index = sub.index.toNumber();
  assert.equal(sub.track.toNumber(), 1, 'the parameters track');

  // 3. The decision deposit (5,000 GOV on this track).
  const deposit = await sendAndWait(api.tx.referenda.placeDecisionDeposit(index), alice);
  ok(deposit);
  const placed = deposit.events.find(({ event }) => api.events.referenda.DecisionDepositPlaced.is(event)).event.data;
  assert.equal(placed.amount.toBigInt(), 5_000n * UNIT);

  // 4. Votes: Bob with conviction 3x counts three times his balance in the tally.
  const vote = (balance, conviction) =>
    api.tx.convictionVoting.vote(index, { Standard: { vote: { aye: true, conviction }, balance } });
  ok(await sendAndWait(vote(100_000n * UNIT, 'Locked3x'), bob));
  const status = (await api.query.referenda.referendumInfoFor(index)).unwrap().asOngoing;
  assert.equal(status.tally.ayes.toBigInt(), 300_000n * UNIT);
  assert.equal(status.tally.support.toBigInt(), 100_000n * UNIT);
  for (const who of [alice, charlie, dave]) ok(await sendAndWait(vote(850_000n * UNIT, 'Locked1x'), who));
  const locks = await api.query.balances.locks(bob.address);
  assert.ok(locks.some((l) => l.id.toUtf8() === 'pyconvot' && l.amount.toBigInt() === 100_000n * UNIT));

  // 5. Confirmed, approved, enacted (both watched from now, so neither block is missed).
  const enactment = waitForEvent(api, (e) => api.events.governance.ParameterSet.is(e),
    { what: 'enactment', timeoutMs: 240_000 });
  await waitForEvent(api, (e) => api.events.referenda.Confirmed.is(e) && e.data.index.toNumber() === index,
    { what: 'confirmation', timeoutMs: 180_000 });
  const enacted = await enactment;
  assert.equal(enacted.event.data.newValue.asCredits.asCreditPrice.toBigInt(), 33_000n);
  const info = await api.query.referenda.referendumInfoFor(index);
  assert.ok(info.unwrap().isApproved);
  assert.equal(await creditPrice(), 33_000n);

  // 6. The next buy charges $0.033 per credit.
  const before = await usdBalance(api, charlie.address);
  ok(await sendAndWait(api.tx.credits.buy(10n * CREDIT, 1_000_000n), charlie));
  assert.equal(before - (await usdBalance(api, charlie.address)), 330_000n, '10 credits × $0.033');
});

test('bounds and origins: out-of-range values and the raw parameters pallet are refused', async () => {
  const sudo = (call) => sendAndWait(api.tx.sudo.sudo(call), acc.alice);
  const sudid = (res) => sudidResult(api, res);
  const errorName = (r) => moduleErrorOf(api, r.asErr);
  // $20 per credit is over the $10 maximum, even for root.
  assert.equal(errorName(sudid(await sudo(price(20_000_000n)))), 'governance.AboveMaximum');
  // Under PayoutRate ($0.027): inconsistent.
  assert.equal(errorName(sudid(await sudo(price(20_000n)))), 'governance.Inconsistent');
  // So high that PayoutRate would be under 80 % of it: the contributors' floor.
  assert.equal(errorName(sudid(await sudo(price(40_000n)))), 'governance.PayoutRateFloor');
  // A slippage bound the LP fee (0.3 %) + 1 % would not leave room to trade in.
  const slippage = api.tx.governance.setParameter({ Token: { MaxBuybackSlippage: [null, 12_000_000] } });
  assert.equal(errorName(sudid(await sudo(slippage))), 'governance.BuybackLiveness');
  // `pallet-parameters` itself takes no origin at all.
  const raw = sudid(await sudo(api.tx.parameters.setParameter({ Credits: { CreditPrice: [null, 50_000n] } })));
  assert.ok(raw.isErr && raw.asErr.isBadOrigin);
  // A plain account cannot set parameters.
  const signed = await sendAndWait(price(50_000n), acc.bob);
  assert.ok(signed.dispatchError?.isBadOrigin);
  // A signed origin has no track.
  const noTrack = await sendAndWait(
    api.tx.referenda.submit({ system: { Signed: acc.bob.address } }, { Inline: price(50_000n).method.toHex() }, { After: 1 }),
    acc.bob,
  );
  assert.equal(moduleErrorOf(api, noTrack), 'referenda.NoTrack');
  assert.equal(await creditPrice(), 33_000n, 'unchanged');
});

test('the emergency track switches a subnet\'s emission off, and cannot change a parameter', async () => {
  const registered = await sendAndWait(api.tx.subnets.registerNetwork((await api.call.subnetsApi.lockCost()).toBigInt()), acc.alice);
  ok(registered);
  const netuid = registered.events.find(({ event }) => api.events.subnets.NetworkRegistered.is(event)).event.data.netuid.toNumber();
  assert.ok((await api.query.subnets.networks(netuid)).unwrap().emissionEnabled.isTrue);

  const stopped = await passReferendum(api, { Governance: 'Emergency' }, api.tx.subnets.setEmission(netuid, false));
  assert.ok(stopped.isOk, stopped.toString());
  assert.ok((await api.query.subnets.networks(netuid)).unwrap().emissionEnabled.isFalse);

  // Emergency stops; it does not set parameters (nor switch emission back on).
  const param = await passReferendum(api, { Governance: 'Emergency' }, price(31_000n));
  assert.ok(param.isErr && param.asErr.isBadOrigin, param.toString());
  assert.equal(await creditPrice(), 33_000n, 'unchanged');
});

test('a treasurer referendum spends USD; the beneficiary receives it at payout', async () => {
  ok(await sendAndWait(api.tx.assets.transferKeepAlive(1, treasuryAddress(api), 5_000n * USD), acc.alice));
  const grantee = keyring().addFromUri('//TandemGrantee');
  const spend = api.tx.treasury.spend({ WithId: 1 }, 1_000n * USD, grantee.address, null);
  const approved = waitForEvent(api, (e) => api.events.treasury.AssetSpendApproved.is(e),
    { what: 'the spend', timeoutMs: 240_000 });
  const result = await passReferendum(api, { Governance: 'Treasurer' }, spend);
  assert.ok(result.isOk, result.toString());
  const index = (await approved).event.data.index.toNumber();
  const before = await usdBalance(api, grantee.address);
  // Anyone may trigger the payout; Bob pays that fee.
  const paid = await sendAndWait(api.tx.treasury.payout(index), acc.bob);
  ok(paid);
  assert.ok(paid.events.some(({ event }) => api.events.treasury.Paid.is(event)));
  assert.equal(await usdBalance(api, grantee.address) - before, 1_000n * USD);
});
