// Tandem from polkadot-api (2.x), untyped (`getUnsafeApi`: no descriptors to generate): buy
// credits, read `CreditsApi.account`, commit then reveal weights.
//   node tests/e2e/clients/papi.mjs ws://127.0.0.1:9944 [netuid]   (with a netuid: commit, then reveal)
import { createClient, Binary } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws'; // Node.js 20 has no global WebSocket (22 has)
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from '@polkadot-labs/hdkd-helpers';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady, randomAsU8a } from '@polkadot/util-crypto';
import { u8aConcat, compactToU8a } from '@polkadot/util';

const CREDIT = 10n ** 6n; // credits and USD: 6 decimals

const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
/** A dev account (`//Alice`, `//Bob`, …) as a polkadot-api signer and its address. */
function dev(path) {
  const pair = derive(path);
  return { signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign), publicKey: pair.publicKey };
}

/**
 * Submits and waits for the block; throws with the dispatch error's path, e.g.
 * `Module.Yuma.RevealTooEarly` (polkadot-api nests an error as `{ type, value }` enums).
 */
async function submit(tx, who) {
  const r = await tx.signAndSubmit(who.signer);
  if (!r.ok) {
    const path = [];
    for (let e = r.dispatchError; e && typeof e === 'object' && 'type' in e; e = e.value) path.push(e.type);
    throw new Error(path.join('.'));
  }
  return r;
}

/** Little-endian bytes of an unsigned integer of `bytes` bytes. */
function le(value, bytes) {
  const out = new Uint8Array(bytes);
  let v = BigInt(value);
  for (let i = 0; i < bytes; i += 1) { out[i] = Number(v & 0xffn); v >>= 8n; }
  return out;
}
const u16ToU8a = (v) => le(v, 2);
const u64ToU8a = (v) => le(v, 8);

/** SCALE of `(hotkey, netuid, uids, weights, salt, version)`, hashed: the commit. */
function commitHash(publicKey, netuid, uids, weights, salt, version) {
  const vec = (xs) => u8aConcat(compactToU8a(xs.length), ...xs.map((x) => u16ToU8a(x)));
  return blake2AsU8a(u8aConcat(publicKey, u16ToU8a(netuid), vec(uids), vec(weights), salt, u64ToU8a(version)));
}

async function main(url, netuid) {
  await cryptoWaitReady();
  const client = createClient(getWsProvider(url, { websocketClass: WebSocket }));
  const api = client.getUnsafeApi();
  const alice = dev('//Alice');
  const aliceAddress = new Keyring({ type: 'sr25519' }).encodeAddress(alice.publicKey, 42);
  // Buy 10 credits at no more than the price now.
  const totals = await api.apis.CreditsApi.totals();
  const credits = 10n * CREDIT;
  const maxUsd = (credits * totals.credit_price + CREDIT - 1n) / CREDIT;
  await submit(api.tx.Credits.buy({ credits, max_usd: maxUsd }), alice);
  const account = await api.apis.CreditsApi.account(aliceAddress);
  console.log(JSON.stringify({ free: String(account.free), paid: String(account.paid), cashable: String(account.cashable) }));
  if (netuid !== undefined) {
    const bob = dev('//Bob');
    const [uids, weights, salt, version] = [[1], [65535], randomAsU8a(32), 1n];
    const hash = commitHash(bob.publicKey, netuid, uids, weights, salt, version);
    // Fixed-size bytes (H256, [u8; 32]) are hex strings in polkadot-api 2.
    await submit(api.tx.Yuma.commit_weights({ netuid, hash: Binary.toHex(hash) }), bob);
    console.log('committed');
    for (;;) {
      try {
        await submit(api.tx.Yuma.reveal_weights({ netuid, uids, weights, salt: Binary.toHex(salt), version }), bob);
        break;
      } catch (e) {
        if (!/RevealTooEarly/.test(e.message)) throw e;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
    console.log('revealed');
  }
  client.destroy();
}

main(process.argv[2] ?? 'ws://127.0.0.1:9944', process.argv[3] === undefined ? undefined : Number(process.argv[3]))
  .catch((e) => { console.error(e.message); process.exit(1); });
