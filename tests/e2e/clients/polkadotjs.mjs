// Tandem from polkadot.js (`@polkadot/api` 16.x, no custom types): buy credits, read
// `creditsApi.account`, commit then reveal weights.
//   node tests/e2e/clients/polkadotjs.mjs ws://127.0.0.1:9944 [netuid]   (with a netuid: commit, then reveal)
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';

const CREDIT = 10n ** 6n; // credits and USD have 6 decimals: amounts are in millionths

/** Signs, sends and resolves once in a block; rejects with the chain's named error. */
function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, dispatchError }) => {
      if (!status.isInBlock) return;
      if (!dispatchError) return resolve(status.asInBlock);
      const { section, name } = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : {};
      reject(new Error(section ? `${section}.${name}` : dispatchError.toString()));
    }).catch(reject);
  });
}

/** Commits to weights now; returns what the reveal needs. */
export async function commitWeights(api, hotkey, netuid, uids, weights) {
  const salt = randomAsU8a(32);
  const version = 1;
  const hash = blake2AsHex(api.createType('(AccountId32, u16, Vec<u16>, Vec<u16>, [u8; 32], u64)',
    [hotkey.address, netuid, uids, weights, salt, version]).toU8a());
  await send(api, api.tx.yuma.commitWeights(netuid, hash), hotkey);
  return { netuid, uids, weights, salt, version };
}

/** Reveals a commit (in the epoch after the commit's). */
export async function revealWeights(api, hotkey, c) {
  await send(api, api.tx.yuma.revealWeights(c.netuid, c.uids, c.weights, c.salt, c.version), hotkey);
}

async function main(url, netuid) {
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  // Buy 10 credits, paying at most the price now (price × amount, rounded up).
  const { creditPrice } = await api.call.creditsApi.totals();
  const credits = 10n * CREDIT;
  const maxUsd = (credits * creditPrice.toBigInt() + CREDIT - 1n) / CREDIT;
  await send(api, api.tx.credits.buy(credits, maxUsd), alice);
  // Read the account through the runtime API.
  const account = await api.call.creditsApi.account(alice.address);
  console.log(JSON.stringify({ free: account.free.toString(), paid: account.paid.toString(), cashable: account.cashable.toString() }));
  if (netuid !== undefined) {
    // Commit-reveal: Bob's hotkey, a validator on `netuid`, weights uid 1 fully.
    const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob');
    const commit = await commitWeights(api, bob, netuid, [1], [65535]);
    console.log('committed');
    // Reveal in the next epoch: retry while the chain says it is too early.
    for (;;) {
      try { await revealWeights(api, bob, commit); break; } catch (e) {
        if (e.message !== 'yuma.RevealTooEarly') throw e;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
    console.log('revealed');
  }
  await api.disconnect();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2] ?? 'ws://127.0.0.1:9944', process.argv[3] === undefined ? undefined : Number(process.argv[3]))
    .catch((e) => { console.error(e.message); process.exit(1); });
}
