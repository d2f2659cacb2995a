// The production chain spec: `export-chain-spec --chain production:<allocation file>` writes a
// genesis with no sudo key and exactly the genesis GOV supply; a validator boots from it,
// authors and finalizes blocks. Then the chain's own rules hold from block 1: the USD asset
// belongs to the keyless governance account, vesting is in place, and there is no USD/GOV pool.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startNode, connect, nodeBinary, tempDir, cleanup, waitForHead, finalizedNumber, UNIT,
} from './lib.mjs';

const example = join(dirname(fileURLToPath(import.meta.url)), '../../../node/res/allocation.example.json');
const dir = tempDir('tandem-production-');
let node;
let api;
after(async () => {
  if (api) await api.disconnect();
  if (node) await node.stop();
  cleanup(dir);
});

test('the production spec exports, boots without sudo, and authors and finalizes blocks', async () => {
  // The example file with one authority (Alice), so one node authors and finalizes alone.
  const allocation = JSON.parse(readFileSync(example, 'utf8'));
  allocation.authorities = allocation.authorities.slice(0, 1);
  const file = join(dir, 'allocation.json');
  writeFileSync(file, JSON.stringify(allocation));

  const spec = execFileSync(nodeBinary(), ['export-chain-spec', '--chain', `production:${file}`], { maxBuffer: 64 << 20 }).toString();
  const specFile = join(dir, 'tandem.json');
  writeFileSync(specFile, spec);
  const parsed = JSON.parse(spec);
  assert.equal(parsed.chainType, 'Live');
  assert.equal(parsed.genesis.runtimeGenesis.patch.sudo, undefined, 'no sudo key in the spec');

  // A misspelt field is refused, not silently dropped.
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...allocation, teem: allocation.team }));
  assert.throws(() => execFileSync(nodeBinary(), ['export-chain-spec', '--chain', `production:${bad}`], { stdio: 'pipe' }),
    (e) => /unknown field `teem`/.test(e.stderr.toString()));

  node = await startNode({ args: ['--chain', specFile, '--alice', '--validator', '--unsafe-force-node-key-generation', '--base-path', join(dir, 'db')], name: 'production' });
  api = await connect(node.url);
  await waitForHead(api, (h) => h.number.toNumber() >= 3, { what: 'block 3', timeoutMs: 90_000 });
  await waitForHead(api, (h) => h.number.toNumber() >= 2, { finalized: true, what: 'finality', timeoutMs: 90_000 });
  assert.ok(await finalizedNumber(api) >= 2);

  assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');
  assert.equal((await api.query.balances.totalIssuance()).toBigInt(), 10_500_000n * UNIT, 'the genesis supply');
  assert.equal((await api.query.governance.fastTracks()).isTrue, false, 'production tracks');
  const usd = (await api.query.assets.asset(1)).unwrap();
  for (const role of [usd.owner, usd.admin, usd.issuer, usd.freezer]) {
    assert.equal(role.toString(), allocation.usdAdmin);
  }
  assert.equal((await api.query.vesting.vesting(allocation.team)).isSome, true, 'the team vests');
  assert.ok((await api.query.credits.issuers(allocation.issuers[0])).isSome, 'the gateway');
  const reserves = await api.call.assetConversionApi.getReserves({ WithId: 1 }, 'Native');
  assert.ok(reserves.isNone, 'no USD/GOV pool at genesis');
});
