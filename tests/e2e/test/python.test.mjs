// The Python client (`async-substrate-interface`) against a dev node: an account that never
// holds GOV buys credits and sends USD, signing from the metadata alone (python/zero_gov.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useDevNode } from './lib.mjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../python');
const python = join(dir, '.venv/bin/python');
let node;
useDevNode('python', (dev) => { node = dev.node; }, { fastBlocks: true });

test('the Python client signs a zero-GOV user\'s transactions: a buy and a USD transfer', async () => {
  assert.ok(existsSync(python), `no Python client at ${python}: run scripts/setup.sh e2e`);
  const out = await new Promise((resolve, reject) => {
    execFile(python, [join(dir, 'zero_gov.py'), node.url], { timeout: 180_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
  assert.match(out, /bought credits and sent USD/);
});
