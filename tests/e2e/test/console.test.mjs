// The console (console/) in a real browser: headless Chromium driven by puppeteer-core, against
// a dev node this test starts. Every page loads; a dev account buys credits and sees its balance
// change; it stakes after a quote with a limit price; a parameter's effective value is read; an
// overspend fails with the chain's named error in words. Screenshots of every page go to the
// log directory (and to docs/console/ with UPDATE_CONSOLE_SCREENSHOTS=1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import {
  startNode, connect, devAccounts, sendAndWait, hotkeyProof, tempDir, freePort, DEV_FAST,
  submitReferendum,
} from './lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const DIST = join(ROOT, 'console/dist');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.UPDATE_CONSOLE_SCREENSHOTS === '1'
  ? join(ROOT, 'docs/console')
  : join(process.env.E2E_LOG_DIR || tempDir('tandem-e2e-console-'), 'console');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

let node;
let api;
let server;
let browser;
let page;
let base;
const acc = devAccounts();

/** Serves `console/dist` on a free port. */
async function serve() {
  const port = await freePort();
  server = http.createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path === '/' ? 'index.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return `http://127.0.0.1:${port}/?rpc=${encodeURIComponent(node.url)}`;
}

/** Shows `name` and waits until it has rendered. */
async function open(name) {
  await page.evaluate((n) => { window.location.hash = n; }, name);
  await page.waitForSelector(`#page[data-page="${name}"][data-ready="true"]`, { timeout: 60_000 });
}

const text = (sel) => page.$eval(sel, (e) => e.textContent);
async function typeInto(sel, value) {
  await page.$eval(sel, (e) => { e.value = ''; });
  await page.type(sel, value);
}
/** Waits for a status line to settle (ok or err) and returns `{ kind, text }`. */
async function outcome(sel, timeout = 90_000) {
  await page.waitForSelector(`${sel}.ok, ${sel}.err`, { timeout });
  return page.$eval(sel, (e) => ({ kind: e.classList.contains('ok') ? 'ok' : 'err', text: e.textContent }));
}

before(async () => {
  if (!existsSync(join(DIST, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(ROOT, 'console'), stdio: 'inherit' });
  }
  node = await startNode({ args: DEV_FAST, name: 'console' });
  api = await connect(node.url);
  // Subnet 0 (Dave's) with Bob's hotkey registered, so there is something to stake to.
  const lock = (await api.call.subnetsApi.lockCost()).toBigInt();
  assert.ok(!(await sendAndWait(api.tx.subnets.registerNetwork(lock), acc.dave)).dispatchError);
  const reg = await sendAndWait(api.tx.yuma.register(0, acc.bob.address, hotkeyProof(api, acc.bob.address, 0, acc.bob)), acc.bob);
  assert.ok(!reg.dispatchError, `register: ${reg.dispatchError}`);
  base = await serve();
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${tempDir('tandem-chromium-')}`],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${base}#credits`);
  await page.waitForSelector('#page[data-ready="true"]', { timeout: 60_000 });
  await page.select('#account', acc.alice.address);
  await page.waitForSelector('#page[data-page="credits"][data-ready="true"]', { timeout: 60_000 });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (api) await api.disconnect();
  if (node) await node.stop();
});

test('every page loads with chain data', async () => {
  for (const name of ['credits', 'subnets', 'metagraph', 'economy', 'governance']) await open(name);
  await open('subnets');
  assert.ok(await page.$('#subnets-table tr[data-netuid="0"]'), 'subnet 0 is listed');
  await open('metagraph');
  assert.ok(await page.$('#metagraph-table tr[data-uid="0"]'), 'uid 0 is listed');
});

test('a dev account buys credits and sees its balance change', async () => {
  await open('credits');
  assert.equal(await text('#credit-price'), '$0.03');
  const before = await text('#credits-free');
  await typeInto('#buy-amount', '100');
  await page.click('#buy-submit');
  const r = await outcome('#buy-status');
  assert.equal(r.kind, 'ok', r.text);
  await page.waitForFunction((b) => document.querySelector('#credits-free').textContent !== b, { timeout: 30_000 }, before);
  const after = Number((await text('#credits-free')).replace(/,/g, ''));
  assert.ok(after >= Number(before.replace(/,/g, '')) + 99, `credits ${before} → ${after}`);
});

test('staking shows a quote and a limit price, then stakes', async () => {
  await open('subnets');
  await page.waitForFunction(() => document.querySelectorAll('#stake-hotkey option').length > 0, { timeout: 30_000 });
  await typeInto('#stake-amount', '10');
  await page.click('#stake-quote');
  await page.waitForFunction(() => document.querySelector('#stake-limit').value !== '', { timeout: 30_000 });
  assert.match(await text('#stake-quote-out'), /GOV\/α/);
  const limit = await page.$eval('#stake-limit', (e) => e.value);
  assert.ok(Number(limit) > 0, `limit ${limit}`);
  await page.click('#stake-submit');
  const r = await outcome('#stake-status');
  assert.equal(r.kind, 'ok', r.text);
  await page.waitForSelector('#positions-table tbody tr', { timeout: 30_000 });
});

test('the governance page shows a parameter’s effective value and bounds', async () => {
  await open('governance');
  const row = 'tr[data-param="credits.CreditPrice"]';
  await page.waitForSelector(row);
  const cells = await page.$$eval(`${row} td`, (tds) => tds.map((t) => t.textContent));
  assert.deepEqual(cells.slice(1), ['$0.03', '$0.001', '$10', 'default']);
});

test('an open referendum shows its decoded call, and a vote lands', async () => {
  // A parameters-track referendum, submitted now: on the dev chain's fast tracks it is
  // decided within a few dozen blocks, so it is made just before the page reads it.
  const call = api.tx.governance.setParameter({ Credits: { ProtocolFee: [null, 120_000_000] } });
  assert.equal(await submitReferendum(api, { Governance: 'ParameterAdmin' }, call), 0);
  await open('governance');
  const row = '#referenda-table tr[data-referendum="0"]';
  await page.waitForSelector(row, { timeout: 30_000 });
  assert.match(await text(row), /governance\.setParameter/);
  assert.match(await text(row), /ProtocolFee/);
  await page.click(`${row} button[data-vote="aye"]`);
  const r = await outcome('#vote-status');
  assert.equal(r.kind, 'ok', r.text);
  assert.match(r.text, /voted aye on referendum 0/);
});

test('an overspend fails with the chain’s named error in words', async () => {
  await open('subnets');
  await page.waitForFunction(() => document.querySelectorAll('#stake-hotkey option').length > 0, { timeout: 30_000 });
  // Alice staked about 10 α: unstaking 500 quotes fine (the pool can pay it) but overspends.
  await typeInto('#stake-amount', '500');
  await page.click('#unstake-quote');
  await page.waitForFunction(() => document.querySelector('#stake-limit').value !== '', { timeout: 30_000 });
  await page.click('#stake-submit');
  const r = await outcome('#stake-status');
  assert.equal(r.kind, 'err');
  assert.match(r.text, /^failed: subnets\.NotEnoughStake: \S/);
});

test('screenshots of every page', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const name of ['credits', 'subnets', 'metagraph', 'economy', 'governance']) {
    await open(name);
    await new Promise((r) => setTimeout(r, 1_500));
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }
});

