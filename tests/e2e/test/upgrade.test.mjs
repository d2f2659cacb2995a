// The upgrade rehearsal: a dev node runs the runtime at spec_version N; a `root` referendum
// authorizes the code hash of the N + 1 runtime (`system.authorizeUpgrade`), anyone then submits
// the code (`system.applyAuthorizedUpgrade`) — no 1.5 MB preimage. The chain runs N + 1 from the
// next block, keeps its state, and goes on authoring and finalizing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  useDevNode, devAccounts, keyring, sendAndWait, ok, waitForHead, finalizedNumber, passReferendum, UNIT,
} from './lib.mjs';

/** The N + 1 wasm, built by `scripts/test.sh` from `runtime/rehearsal`. */
function rehearsalWasm() {
  if (process.env.TANDEM_REHEARSAL_WASM) return process.env.TANDEM_REHEARSAL_WASM;
  const target = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/tandem/target');
  const wasm = join(target, 'release/wbuild/tandem-runtime-rehearsal/tandem_runtime_rehearsal.compact.compressed.wasm');
  if (!existsSync(wasm)) throw new Error(`no rehearsal wasm at ${wasm}: run scripts/test.sh (or build runtime/rehearsal)`);
  return wasm;
}

const acc = devAccounts();
let api;
useDevNode('upgrade', (dev) => { api = dev.api; }, { fastBlocks: true });

test('a root referendum authorizes the next runtime; applied, it keeps the state and the chain runs on', async () => {
  const code = readFileSync(rehearsalWasm());
  const before = await api.rpc.state.getRuntimeVersion();
  const N = before.specVersion.toNumber();

  // Some state to keep: a transfer to a fresh account.
  const marker = keyring().addFromUri('//UpgradeMarker').address;
  ok(await sendAndWait(api.tx.balances.transferKeepAlive(marker, 1234n * UNIT), acc.alice));
  const issuance = (await api.query.balances.totalIssuance()).toBigInt();

  // The root track: the referendum carries a 32-byte hash, not the code.
  const authorized = await passReferendum(api, { system: 'Root' }, api.tx.system.authorizeUpgrade(blake2AsHex(code)));
  assert.ok(authorized.isOk, authorized.toString());

  // Anyone submits the code; it is free when it matches the authorized hash.
  const started = Date.now();
  const applied = await sendAndWait(api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), acc.bob);
  ok(applied);
  const appliedAt = (await api.rpc.chain.getHeader(applied.blockHash)).number.toNumber();

  // The next block runs N + 1.
  await waitForHead(api, (h) => h.number.toNumber() >= appliedAt + 2, { what: 'blocks after the upgrade' });
  const after = await api.rpc.state.getRuntimeVersion();
  assert.equal(after.specVersion.toNumber(), N + 1);
  // The executive ran the new runtime's upgrade hooks (the `Migrations` tuple among them).
  const last = (await api.query.system.lastRuntimeUpgrade()).unwrap();
  assert.equal(last.specVersion.toNumber(), N + 1);
  const seconds = (Date.now() - started) / 1000;
  console.log(`# upgrade: ${code.length} bytes of code, fee ${applied.fee} (GOV units), applied and running in ${seconds.toFixed(1)} s`);

  // Nothing lost; blocks and finality go on.
  assert.equal((await api.query.system.account(marker)).data.free.toBigInt(), 1234n * UNIT);
  assert.equal((await api.query.balances.totalIssuance()).toBigInt(), issuance);
  const finalized = await finalizedNumber(api);
  await waitForHead(api, (h) => h.number.toNumber() > appliedAt + 4, { finalized: true, what: 'finality after the upgrade' });
  assert.ok(await finalizedNumber(api) > finalized);
});
