// pallet-credits from polkadot.js: buy, spend, paid and recycled credits, authorize + charge
// and the cap, a replayed receipt, cash_out refusing bought credits, the CreditsApi runtime API,
// an account that holds only credits (no GOV) spending them, and one that holds only USD buying
// credits (fee out of the credits bought) and moving USD (fee in USD through the pool).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex, stringToU8a, u8aFixLength } from '@polkadot/util';
import {
  useDevNode, devAccounts, keyring, sendAndWait, freeBalance, usdBalance, USD, moduleErrorOf, ok,
} from './lib.mjs';

const CREDIT = 1_000_000n;
/** The credit fee a `buy`, `spend` or `cash_out` paid (priced from its weight, like a GOV fee). */
const feeOf = (res) => res.events.find(({ event }) => api.events.credits.CreditFeePaid.is(event)).event.data.credits.toBigInt();

const acc = devAccounts();
let api;
// Waits on blocks and epochs, not on time: 1-second slots.
useDevNode('credits', (dev) => { api = dev.api; }, { fastBlocks: true });

const account = async (who) => api.call.creditsApi.account(who);
const moduleError = (res) => moduleErrorOf(api, res);
const receipt = (s) => u8aToHex(u8aFixLength(stringToU8a(s), 256, true));

test('subnets 0, 1 and 2 are registered; the lock cost doubles each time', async () => {
  for (const netuid of [0, 1, 2]) {
    const quoted = (await api.call.subnetsApi.lockCost()).toBigInt();
    // The quote as the most it may cost (the lock only decays between quote and block).
    const res = await sendAndWait(api.tx.subnets.registerNetwork(quoted), acc.alice);
    assert.equal(res.dispatchError, undefined, res.dispatchError?.toString());
    const ev = res.events.find(({ event }) => api.events.subnets.NetworkRegistered.is(event)).event.data;
    assert.equal(ev.netuid.toNumber(), netuid);
    // The decay over a few blocks of a 14-day interval is a hair below the quote at most.
    assert.ok(ev.lock.toBigInt() <= quoted && ev.lock.toBigInt() > (quoted * 999n) / 1000n);
  }
});

test('buy: USD moves to the vault at CreditPrice, credits show in CreditsApi', async () => {
  const { bob } = acc;
  const usdBefore = await usdBalance(api, bob.address);
  const govBefore = await freeBalance(api, bob.address);
  const res = await sendAndWait(api.tx.credits.buy(100n * CREDIT, 3n * USD), bob);
  assert.equal(res.dispatchError, undefined);
  assert.equal(usdBefore - (await usdBalance(api, bob.address)), 3n * USD, '100 credits × $0.03');
  // The fee comes out of the credits bought, not out of GOV.
  const fee = feeOf(res);
  assert.ok(fee > 0n && fee < CREDIT / 10n, `a fee in credits: ${fee}`);
  assert.equal(await freeBalance(api, bob.address), govBefore, 'no GOV fee for buy');
  const a = await account(bob.address);
  assert.equal(a.free.toBigInt(), 100n * CREDIT - fee);
  assert.equal(a.cashable.toBigInt(), 0n);
  const bought = res.events.find(({ event }) => api.events.credits.Bought.is(event));
  assert.equal(bought.event.data.usd.toBigInt(), 3n * USD);

  // Slippage guard: a max_usd below the price never enters a block (the fee could not be paid
  // out of credits the buy will not deliver).
  await assert.rejects(
    api.tx.credits.buy(100n * CREDIT, 3n * USD - 1n).signAndSend(bob),
    (err) => /Inability to pay some fees/.test(err.message),
  );
});

test('spend: credits join the subnet pool; the fee is paid in credits, not GOV', async () => {
  const { bob } = acc;
  const poolBefore = (await api.call.creditsApi.pool(1)).toBigInt();
  const freeBefore = (await account(bob.address)).free.toBigInt();
  const govBefore = await freeBalance(api, bob.address);
  const res = await sendAndWait(api.tx.credits.spend(1, 10n * CREDIT), bob);
  assert.equal(res.dispatchError, undefined);
  assert.equal((await api.call.creditsApi.pool(1)).toBigInt() - poolBefore, 10n * CREDIT);
  const fee = feeOf(res);
  assert.ok(fee > 0n, 'a fee in credits');
  assert.equal((await account(bob.address)).free.toBigInt(), freeBefore - 10n * CREDIT - fee);
  assert.equal(await freeBalance(api, bob.address), govBefore, 'no GOV fee for spend');
  const totals = await api.call.creditsApi.totals();
  assert.ok(totals.creditRatioPpm.isSome, 'credit ratio defined once credits are redeemed');
  assert.ok(totals.backingRatioPpm.unwrap().toBigInt() >= 1_000_000n, 'backing ratio ≥ 1');

  const unknown = await sendAndWait(api.tx.credits.spend(999, CREDIT), bob);
  assert.equal(moduleError(unknown), 'credits.UnknownSubnet');
});

test('paid revenue: bought credits are spent first and count as paid; earned ones are recycled', async () => {
  const { eve } = acc;
  const pool = async () => api.query.credits.pools(2);
  // What a pool took in that was not paid: earned credits spent again.
  const recycledTotal = (p) => p.spentTotal.toBigInt() - p.paidTotal.toBigInt();
  const spentEvent = (res) => res.events.find(({ event }) => api.events.credits.Spent.is(event)).event.data;

  // Eve starts with earned credits only (dev genesis): a spend of them is recycled.
  const start = await account(eve.address);
  assert.equal(start.paid.toBigInt(), 0n);
  const before = await pool();
  const recycled = await sendAndWait(api.tx.credits.spend(2, 5n * CREDIT), eve);
  assert.equal(recycled.dispatchError, undefined);
  assert.equal(spentEvent(recycled).paid.toBigInt(), 0n);
  let after = await pool();
  assert.equal(after.paidTotal.toBigInt() - before.paidTotal.toBigInt(), 0n, 'no revenue');
  assert.equal(recycledTotal(after) - recycledTotal(before), 5n * CREDIT);

  // Bought credits are paid until spent, and go first.
  // Eve also holds earned credits: the buy's fee is taken from those, so all ten bought stay
  // paid (a fee never takes paid credits while unpaid ones are held).
  const paid = 10n * CREDIT;
  ok(await sendAndWait(api.tx.credits.buy(paid, USD), eve));
  const bought = await account(eve.address);
  assert.equal(bought.paid.toBigInt(), paid);
  assert.equal(bought.cashable.toBigInt(), bought.free.toBigInt() - paid, 'paid credits are never cashable');
  const mixed = await sendAndWait(api.tx.credits.spend(2, 12n * CREDIT), eve);
  assert.equal(mixed.dispatchError, undefined);
  assert.equal(spentEvent(mixed).paid.toBigInt(), paid);
  const end = await pool();
  assert.equal(end.paidTotal.toBigInt() - after.paidTotal.toBigInt(), paid, 'the paid part is revenue');
  assert.equal(recycledTotal(end) - recycledTotal(after), 12n * CREDIT - paid);
  assert.equal((await account(eve.address)).paid.toBigInt(), 0n);
  const totals = await api.call.creditsApi.totals();
  assert.ok(totals.creditsPaid12m.toBigInt() >= paid);
  assert.ok(totals.creditsRecycled12m.toBigInt() >= 7n * CREDIT);
});

test('authorize + charge: metered billing up to the cap, then refused; revoke ends it', async () => {
  const { charlie, dave } = acc;
  const buyFee = feeOf(await sendAndWait(api.tx.credits.buy(50n * CREDIT, 2n * USD), charlie));
  const auth = await sendAndWait(api.tx.credits.authorize(dave.address, 1, 5n * CREDIT), charlie);
  assert.equal(auth.dispatchError, undefined);

  const ok = await sendAndWait(api.tx.credits.charge(charlie.address, 1, 3n * CREDIT, receipt('batch-1')), dave);
  assert.equal(ok.dispatchError, undefined);
  const charged = ok.events.find(({ event }) => api.events.credits.Charged.is(event));
  assert.equal(charged.event.data.remaining.toBigInt(), 2n * CREDIT);
  assert.equal((await account(dave.address)).free.toBigInt(), 0n, 'the operator receives nothing');

  const over = await sendAndWait(api.tx.credits.charge(charlie.address, 1, 3n * CREDIT, receipt('batch-2')), dave);
  assert.equal(moduleError(over), 'credits.CapExceeded');
  assert.equal((await account(charlie.address)).free.toBigInt(), 47n * CREDIT - buyFee);

  await sendAndWait(api.tx.credits.revoke(dave.address, 1), charlie);
  const after = await sendAndWait(api.tx.credits.charge(charlie.address, 1, CREDIT, receipt('batch-3')), dave);
  assert.equal(moduleError(after), 'credits.NotAuthorized');
});

test('issue: a fiat gateway issues credits once per receipt; a replay is refused', async () => {
  const { alice, eve } = acc; // Alice is the dev chain's gateway
  const r = receipt('stripe-pi-0001');
  const start = (await account(eve.address)).free.toBigInt(); // Eve earned credits at genesis
  const first = await sendAndWait(api.tx.credits.issue(eve.address, 20n * CREDIT, 60, r), alice);
  assert.equal(first.dispatchError, undefined);
  assert.equal((await account(eve.address)).free.toBigInt(), start + 20n * CREDIT);
  const replay = await sendAndWait(api.tx.credits.issue(eve.address, 20n * CREDIT, 60, r), alice);
  assert.equal(moduleError(replay), 'credits.ReceiptAlreadyUsed');
  assert.equal((await account(eve.address)).free.toBigInt(), start + 20n * CREDIT, 'no second mint');

  const notIssuer = await sendAndWait(api.tx.credits.issue(eve.address, CREDIT, 1, receipt('x')), eve);
  assert.equal(moduleError(notIssuer), 'credits.NotIssuer');
});

test('cash_out refuses bought credits', async () => {
  const { bob } = acc;
  const usdBefore = await usdBalance(api, bob.address);
  const res = await sendAndWait(api.tx.credits.cashOut(CREDIT), bob);
  assert.equal(moduleError(res), 'credits.NotCashable');
  assert.equal(await usdBalance(api, bob.address), usdBefore, 'no USD paid');
});

test('cash_out pays USD at PayoutRate for earned credits (Ferdie earned 100 at genesis)', async () => {
  const { ferdie } = acc;
  const before = await account(ferdie.address);
  assert.equal(before.cashable.toBigInt(), 100n * CREDIT);
  const usdBefore = await usdBalance(api, ferdie.address);
  const res = await sendAndWait(api.tx.credits.cashOut(10n * CREDIT), ferdie);
  assert.equal(res.dispatchError, undefined);
  assert.equal(await usdBalance(api, ferdie.address) - usdBefore, 270_000n, '10 credits × $0.027');
  const after = await account(ferdie.address);
  assert.equal(after.free.toBigInt(), before.free.toBigInt() - 10n * CREDIT - feeOf(res), 'fee paid in credits');
});

test('an account holding only credits (no GOV) can spend them', async () => {
  const { alice } = acc;
  const user = keyring().addFromUri('//TandemCreditsOnly');
  assert.equal(await freeBalance(api, user.address), 0n);
  const issued = await sendAndWait(api.tx.credits.issue(user.address, 5n * CREDIT, 15, receipt('credits-only')), alice);
  assert.equal(issued.dispatchError, undefined);

  const res = await sendAndWait(api.tx.credits.spend(2, 2n * CREDIT), user);
  assert.equal(res.dispatchError, undefined, 'spend succeeded');
  assert.equal(await freeBalance(api, user.address), 0n, 'still no GOV');
  const fee = feeOf(res);
  assert.ok(fee > 0n && fee < CREDIT / 10n, `a fee in credits worth a GOV fee: ${fee}`);
  assert.equal((await account(user.address)).free.toBigInt(), 3n * CREDIT - fee);

  // A GOV-paid call is still refused for it: it has neither GOV nor USD to pay with.
  await assert.rejects(
    api.tx.credits.authorize(alice.address, 2, CREDIT).signAndSend(user),
    (err) => /Inability to pay some fees/.test(err.message),
  );
});

test('an account that never holds GOV receives USD, buys and spends credits, and sends USD on', async () => {
  const { alice, bob } = acc;
  const user = keyring().addFromUri('//TandemUsdOnly');
  const noGov = async () => assert.equal(await freeBalance(api, user.address), 0n, 'no GOV, ever');
  await noGov();
  // 1. It receives USD (from Alice, who pays that fee).
  ok(await sendAndWait(api.tx.assets.transferKeepAlive(1, user.address, 10n * USD), alice));
  await noGov();
  // 2. It buys credits: the fee comes out of the credits bought.
  const buy = await sendAndWait(api.tx.credits.buy(100n * CREDIT, 3n * USD), user);
  ok(buy);
  assert.equal(await usdBalance(api, user.address), 7n * USD);
  const buyFee = feeOf(buy);
  assert.equal((await account(user.address)).free.toBigInt(), 100n * CREDIT - buyFee);
  // 3. It spends them on a subnet: the fee in credits again.
  const spend = await sendAndWait(api.tx.credits.spend(2, 50n * CREDIT), user);
  ok(spend);
  assert.equal((await account(user.address)).free.toBigInt(), 50n * CREDIT - buyFee - feeOf(spend));
  await noGov();
  // 4. It sends USD on: the GOV fee is bought with its USD through the USD/GOV pool, in the
  //    same transaction, and lands with the treasury and the author as every fee does.
  const bobBefore = await usdBalance(api, bob.address);
  const send = await sendAndWait(api.tx.assets.transferKeepAlive(1, bob.address, 5n * USD), user);
  ok(send);
  assert.equal(await usdBalance(api, bob.address) - bobBefore, 5n * USD);
  const feeUsd = 2n * USD - (await usdBalance(api, user.address));
  assert.ok(send.fee > 0n, 'a GOV fee was charged');
  assert.ok(feeUsd > 0n && feeUsd < USD / 100n, `fee paid in USD: ${feeUsd}`);
  const swap = send.events.find(({ event }) => api.events.assetConversion.SwapCreditExecuted.is(event));
  assert.ok(swap, 'the fee went through the pool');
  await noGov();
});
