// pallet-gov-token from polkadot.js: Mesh before launch (USD collects in the pot, nothing is
// bought), `launch` by root, a buyback that burns GOV (`BoughtBack` event, lower issuance),
// and `api.call.tokenApi.info`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDevNode, devAccounts, sendAndWait, moduleErrorOf, ok, palletAddress, sudidResult, treasuryAddress,
  usdBalance, waitForEvent, waitForHead, bestNumber, USD,
} from './lib.mjs';

const acc = devAccounts();
let api;
// Waits on blocks and epochs, not on time: 1-second slots.
useDevNode('token', (dev) => { api = dev.api; }, { fastBlocks: true });

const sudo = (call) => sendAndWait(api.tx.sudo.sudo(call), acc.alice);
const info = () => api.call.tokenApi.info();
const issuanceAt = async (hash) => (await (await api.at(hash)).query.balances.totalIssuance()).toBigInt();
const pot = () => palletAddress(api, 'tdm/bbak');

test('before launch: Mesh, no emission, a priced pool, USD only collects in the pot', async () => {
  const i = await info();
  assert.ok(i.phase.isMesh);
  assert.equal(i.emissionPerBlock.toBigInt(), 0n);
  assert.ok(i.spotPrice.toBigInt() > 0n, 'the genesis pool has a price');
  assert.equal(i.oraclePrice.toBigInt(), i.spotPrice.toBigInt(), 'the oracle starts at the genesis price');
  assert.equal(i.governanceRatioPpm.isNone, true);
  // The same pool, read through asset-conversion's own runtime API.
  const reserves = await api.call.assetConversionApi.getReserves({ WithId: 1 }, 'Native');
  assert.ok(reserves.isSome);

  ok(await sudo(api.tx.governance.setParameter({ Token: { BuybackInterval: [null, 3] } })));
  ok(await sendAndWait(api.tx.assets.transferKeepAlive(1, pot(), 3_000n * USD), acc.bob));
  const potUsd = await usdBalance(api, pot());
  const poke = await sendAndWait(api.tx.govToken.pokeBuyback(), acc.bob);
  assert.equal(moduleErrorOf(api, poke), 'govToken.NotLaunched');
  const from = await bestNumber(api);
  await waitForHead(api, (h) => h.number.toNumber() >= from + 4, { what: 'four blocks' });
  assert.equal(await usdBalance(api, pot()), potUsd, 'nothing is bought before launch');
});

test('launch, then a buyback burns GOV: BoughtBack, lower issuance, TokenApi totals', async () => {
  const notRoot = await sendAndWait(api.tx.govToken.launch(), acc.bob);
  assert.ok(notRoot.dispatchError?.isBadOrigin, 'launch needs governance');
  const treasuryUsd = await usdBalance(api, treasuryAddress(api));
  const potUsd = await usdBalance(api, pot());
  const launched = await sudo(api.tx.govToken.launch());
  ok(launched);
  assert.ok((await info()).phase.isLaunched);
  const again = await sudo(api.tx.govToken.launch());
  const sudid = sudidResult(api, again);
  assert.ok(sudid.isErr, 'a second launch fails');

  const { hash, event } = await waitForEvent(api, (e) => api.events.govToken.BoughtBack.is(e), { what: 'a buyback' });
  const { usdSpent, govBurned, usdToTreasury, scaledDown } = event.data;
  // Half of the 1,000 USD lot would buy $500 of GOV; the sandwich cap (the pool's 0.3 % fee ×
  // its $100,000 USD) scales the whole lot down to a $300 buy and as much to the treasury.
  const spent = usdSpent.toBigInt();
  assert.ok(scaledDown.isTrue && spent <= 300n * USD && spent > 299n * USD, `spent ${spent}`);
  assert.ok(usdToTreasury.toBigInt() - spent <= 1n, 'the lot split in half');
  // $1 per GOV in the pool, less the 0.3 % fee and the price impact: just under 300 GOV.
  const burned = govBurned.toBigInt();
  assert.ok(burned > 296n * 10n ** 12n && burned < 300n * 10n ** 12n, `burned ${burned}`);
  const events = await (await api.at(hash)).query.system.events();
  const burnedEv = events.find(({ event }) => api.events.govToken.Burned.is(event));
  assert.ok(burnedEv, 'a Burned event in the same block');
  assert.equal(burnedEv.event.data.amount.toBigInt(), govBurned.toBigInt());
  assert.ok(burnedEv.event.data.source.isBuyback);
  const header = await api.rpc.chain.getHeader(hash);
  const before = await issuanceAt(header.parentHash);
  assert.equal(before - (await issuanceAt(hash)), burned, 'issuance fell by the GOV burned');

  const i = await (await api.at(hash)).call.tokenApi.info();
  assert.equal(i.burned.toBigInt(), burned);
  assert.equal(i.boughtBack12m.toBigInt(), burned);
  assert.equal(i.potUsd.toBigInt(), potUsd - spent - usdToTreasury.toBigInt() - USD / 100n, 'the pot keeps its 1-cent minimum balance');
  assert.ok(i.nextBuyback.toNumber() > header.number.toNumber());
  assert.ok(i.emissionPerBlock.toBigInt() === 500_000_000_000n, 'E0 = 0.5 GOV once launched');
  assert.equal(await usdBalance(api, treasuryAddress(api), hash), treasuryUsd + usdToTreasury.toBigInt());
});

test('airdrop: governance opens it, roster contributors claim by basis (capped at 2 %), once', async () => {
  const GOV = 10n ** 12n;
  // Dev genesis: Ferdie earned 100 credits, Eve 300 (and nobody else yet); both on the roster.
  const started = await sudo(api.tx.govToken.startAirdrop(1_000n * GOV));
  ok(started);
  const ev = started.events.find(({ event }) => api.events.govToken.AirdropStarted.is(event)).event.data;
  assert.equal(ev.totalBasis.toBigInt(), 400_000_000n);

  const { ferdie } = acc;
  const before = (await api.query.system.account(ferdie.address)).data.free.toBigInt();
  const claim = await sendAndWait(api.tx.govToken.claimAirdrop(), ferdie);
  ok(claim);
  const claimed = claim.events.find(({ event }) => api.events.govToken.AirdropClaimed.is(event)).event.data;
  assert.equal(claimed.amount.toBigInt(), 20n * GOV, '1,000 GOV × 100 / 400 = 250, capped at 2 %');
  const after = (await api.query.system.account(ferdie.address)).data.free.toBigInt();
  assert.equal(after - before, 20n * GOV - claim.fee);

  const twice = await sendAndWait(api.tx.govToken.claimAirdrop(), ferdie);
  assert.equal(moduleErrorOf(api, twice), 'govToken.AlreadyClaimed');
  const stranger = await sendAndWait(api.tx.govToken.claimAirdrop(), acc.charlie);
  assert.equal(moduleErrorOf(api, stranger), 'govToken.NotOnRoster');
  // The roster is the treasurer track's: a signed account cannot add itself.
  const self = await sendAndWait(api.tx.govToken.addToRoster(acc.charlie.address), acc.charlie);
  assert.ok(self.dispatchError?.isBadOrigin, 'roster calls need the treasurer track');
});
