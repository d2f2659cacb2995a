// Shared helpers of the end-to-end suite: start and stop real `tandem-node` processes on free
// ports, connect polkadot.js, wait for chain conditions, sign and submit.
import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync, createWriteStream } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady, decodeAddress, blake2AsHex } from '@polkadot/util-crypto';
import { u8aConcat, stringToU8a, u8aWrapBytes } from '@polkadot/util';

export const UNIT = 10n ** 12n; // GOV
export const USD = 10n ** 6n; // USD asset 1
export const USD_ASSET_ID = 1;

/** The node binary: $TANDEM_NODE, or the release build in $CARGO_TARGET_DIR. */
export function nodeBinary() {
  if (process.env.TANDEM_NODE) return process.env.TANDEM_NODE;
  const target = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/tandem/target');
  const bin = join(target, 'release', 'tandem-node');
  if (!existsSync(bin)) throw new Error(`tandem-node not found at ${bin}; build it or set TANDEM_NODE`);
  return bin;
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix = 'tandem-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

const running = new Set();
function killAll() {
  for (const n of running) {
    try { n.proc.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
// Whatever happens to the test process, no node outlives it.
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => { killAll(); process.exit(130); });
}

/**
 * Starts a node. `args` are extra CLI flags (e.g. ['--dev'] or ['--chain', 'local', '--alice']).
 * Returns { proc, rpcPort, p2pPort, url, logFile, stop() }.
 */
export async function startNode({ args = ['--dev'], rpcPort, p2pPort, name = 'node', basePath } = {}) {
  rpcPort ??= await freePort();
  p2pPort ??= await freePort();
  const logDir = process.env.E2E_LOG_DIR || tempDir('tandem-e2e-logs-');
  const logFile = join(logDir, `${name}-${rpcPort}.log`);
  const fullArgs = [
    ...args,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--rpc-cors', 'all',
    ...(basePath ? ['--base-path', basePath] : []),
  ];
  const proc = spawn(nodeBinary(), fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  proc.stdout.pipe(log);
  proc.stderr.pipe(log);
  const node = {
    proc, rpcPort, p2pPort, logFile, name,
    url: `ws://127.0.0.1:${rpcPort}`,
    exited: new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal }))),
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) { running.delete(node); return; }
      proc.kill('SIGINT');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
      await node.exited;
      clearTimeout(timer);
      running.delete(node);
    },
  };
  running.add(node);
  try {
    await waitForRpc(node);
  } catch (e) {
    await node.stop(); // a node that never opened RPC must not outlive its test
    throw e;
  }
  return node;
}

// A node opens RPC after building genesis, which compiles the runtime's wasm first: with the
// suite's files starting nodes in parallel on two cores that alone has taken over a minute.
async function waitForRpc(node, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (node.proc.exitCode !== null) {
      throw new Error(`${node.name} exited with ${node.proc.exitCode}; see ${node.logFile}`);
    }
    const ok = await new Promise((resolve) => {
      const s = net.connect(node.rpcPort, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${node.name} did not open its RPC port in ${timeoutMs} ms; see ${node.logFile}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A connected ApiPromise (no auto-reconnect, so a dead node fails fast). */
export async function connect(url) {
  await cryptoWaitReady();
  const provider = new WsProvider(url, false);
  await provider.connect();
  return ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
}

export function keyring() {
  return new Keyring({ type: 'sr25519', ss58Format: 42 });
}

/** The dev accounts //Alice, //Bob, ... */
export function devAccounts() {
  const k = keyring();
  return Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), k.addFromUri(`//${n}`)]),
  );
}

/** The treasury account: PalletId(*b"py/trsry") into an account ("modl" ++ id ++ zeros). */
/** The account of a pallet with the 8-byte `PalletId` `id` (`modl` ++ id, zero-padded). */
export function palletAddress(api, id) {
  const raw = u8aConcat(stringToU8a('modl'), stringToU8a(id), new Uint8Array(20));
  return api.registry.createType('AccountId', raw).toString();
}

export function treasuryAddress(api) {
  return palletAddress(api, 'py/trsry');
}

/** Resolves with `{ hash, number, event }` for the first new block holding an event that
 * `matches(event)`. */
export function waitForEvent(api, matches, { timeoutMs = 120_000, what = 'event' } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    let done = false;
    const timer = setTimeout(() => { done = true; if (unsub) unsub(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
    api.rpc.chain.subscribeNewHeads(async (header) => {
      if (done) return;
      const events = await (await api.at(header.hash)).query.system.events();
      const hit = events.find(({ event }) => matches(event));
      if (hit && !done) {
        done = true;
        clearTimeout(timer);
        if (unsub) unsub();
        resolve({ hash: header.hash.toHex(), number: header.number.toNumber(), event: hit.event });
      }
    }).then((u) => { unsub = u; if (done) u(); });
  });
}

/** Resolves when `predicate(header)` (which may be async) holds for a new head of the given
 * kind. Heads are judged one at a time, in the order they arrive. */
export function waitForHead(api, predicate, { finalized = false, timeoutMs = 120_000, what = 'head' } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    let done = false;
    let queue = Promise.resolve();
    const finish = (f) => { if (done) return; done = true; clearTimeout(timer); if (unsub) unsub(); f(); };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
    const sub = finalized ? api.rpc.chain.subscribeFinalizedHeads : api.rpc.chain.subscribeNewHeads;
    sub((header) => {
      queue = queue.then(async () => {
        if (done) return;
        try {
          if (await predicate(header)) finish(() => resolve(header));
        } catch (e) {
          finish(() => reject(e));
        }
      });
    }).then((u) => { unsub = u; if (done) u(); });
  });
}

export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  const header = await api.rpc.chain.getHeader(hash);
  return header.number.toNumber();
}

export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/**
 * Signs and sends `tx`, resolves once it is in a block with
 * { blockHash, events, dispatchError, fee } — or rejects if the pool refuses it.
 */
export function sendAndWait(tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    tx.signAndSend(signer, options, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInBlock) {
        if (unsub) unsub();
        const feeEvent = events.find(({ event }) => event.section === 'transactionPayment' && event.method === 'TransactionFeePaid');
        resolve({
          blockHash: status.asInBlock.toHex(),
          events,
          dispatchError,
          fee: feeEvent ? feeEvent.event.data.actualFee.toBigInt() : 0n,
          tip: feeEvent ? feeEvent.event.data.tip.toBigInt() : 0n,
        });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        if (unsub) unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/**
 * The bytes of a hotkey ownership proof (`yumaApi.hotkeyMessage` returns them too, as Bytes
 * holding their SCALE encoding).
 */
export function hotkeyMessage(api, coldAddress, netuid) {
  return u8aConcat(
    stringToU8a('tandem/hotkey'),
    decodeAddress(coldAddress),
    api.createType('u16', netuid).toU8a(),
    api.genesisHash.toU8a(),
  );
}

/**
 * The hotkey's proof that `coldAddress` may register it on `netuid` (`yuma.register`'s last
 * argument): its signature over "tandem/hotkey" ‖ coldkey (32 bytes) ‖ netuid (u16 LE) ‖
 * genesis hash. A keyring pair signs the raw message; `wrapped` signs it the way a browser
 * extension's `signRaw` does, inside `<Bytes>…</Bytes>`. The chain accepts both.
 */
export function hotkeyProof(api, coldAddress, netuid, hotkeyPair, { wrapped = false } = {}) {
  const message = hotkeyMessage(api, coldAddress, netuid);
  return { Sr25519: hotkeyPair.sign(wrapped ? u8aWrapBytes(message) : message) };
}

/** Asserts a submitted call succeeded (shows the dispatch error if not). */
export const ok = (res) => assert.equal(res.dispatchError, undefined, res.dispatchError?.toString());

/** `section.Name` of the module error a failed call returned (asserts it failed). Takes a
 * `sendAndWait` result or a `DispatchError` itself. */
export function moduleErrorOf(api, res) {
  const err = res.dispatchError ?? (res.isModule !== undefined ? res : undefined);
  assert.ok(err, 'the call failed');
  assert.ok(err.isModule, `module error, got ${err.toString()}`);
  const e = api.registry.findMetaError(err.asModule);
  return `${e.section}.${e.name}`;
}

/** The result of the call a `sudo.sudo` ran (its `Sudid` event): `isOk`, or `isErr` + `asErr`. */
export function sudidResult(api, res) {
  return res.events.find(({ event }) => api.events.sudo.Sudid.is(event)).event.data[0];
}

export async function freeBalance(api, address, at) {
  const q = at ? await api.at(at) : api;
  return (await q.query.system.account(address)).data.free.toBigInt();
}

export async function usdBalance(api, address, at) {
  const q = at ? await api.at(at) : api;
  const acc = await q.query.assets.account(USD_ASSET_ID, address);
  return acc.isSome ? acc.unwrap().balance.toBigInt() : 0n;
}

/** Aura author index of a header (slot mod number of authorities). */
export function auraSlot(api, header) {
  for (const log of header.digest.logs) {
    if (log.isPreRuntime) {
      const [engine, data] = log.asPreRuntime;
      if (engine.toString() === 'aura') return api.registry.createType('u64', data).toBigInt();
    }
  }
  return null;
}

export function cleanup(dir) {
  try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
}

/** Node flags of the development chain with 1-second slots (the runtime's `development_fast`
 * preset). For files that wait on blocks, not on time; throughput and finality tests keep the
 * 6-second `--dev` chain. */
export const DEV_FAST = ['--dev', '--chain', 'dev-fast'];

/**
 * For a test file that shares one `--dev` node: registers hooks that start it and connect
 * before the file's tests and stop it after them. `onReady({ node, api })` runs inside the
 * same `before` hook, once the node is up and connected. `{ fastBlocks: true }` runs the
 * node on 1-second slots (`DEV_FAST`).
 */
export function useDevNode(name, onReady, { fastBlocks = false } = {}) {
  const ctx = { node: null, api: null };
  before(async () => {
    ctx.node = await startNode({ args: fastBlocks ? DEV_FAST : ['--dev'], name });
    ctx.api = await connect(ctx.node.url);
    onReady(ctx);
  });
  after(async () => {
    if (ctx.api) await ctx.api.disconnect();
    if (ctx.node) await ctx.node.stop();
  });
}

/**
 * Opens a referendum on `call`: Alice notes its preimage, submits it with `origin` (which picks
 * the track) and places the decision deposit. Resolves with the referendum's index.
 */
export async function submitReferendum(api, origin, call) {
  const alice = devAccounts().alice;
  const bytes = call.method.toHex();
  const lookup = { hash: blake2AsHex(bytes), len: call.method.encodedLength };
  ok(await sendAndWait(api.tx.preimage.notePreimage(bytes), alice));
  const submitted = await sendAndWait(api.tx.referenda.submit(origin, { Lookup: lookup }, { After: 1 }), alice);
  ok(submitted);
  const index = submitted.events.find(({ event }) => api.events.referenda.Submitted.is(event)).event.data.index.toNumber();
  ok(await sendAndWait(api.tx.referenda.placeDecisionDeposit(index), alice));
  return index;
}

/**
 * Passes `call` by referendum on a dev chain (fast tracks): Alice notes its preimage, submits it
 * with `origin` (which picks the track) and places the decision deposit; Bob … Ferdie vote aye
 * with 800,000 GOV each. Resolves with the result the enacted call returned (the scheduler's
 * `Dispatched` event of the enactment; referenda's own alarms are anonymous).
 */
export async function passReferendum(api, origin, call) {
  const acc = devAccounts();
  const index = await submitReferendum(api, origin, call);
  const enacted = waitForEvent(api, (e) => api.events.scheduler.Dispatched.is(e) && e.data.id.isSome,
    { what: `enactment of referendum ${index}`, timeoutMs: 240_000 });
  const vote = api.tx.convictionVoting.vote(index, { Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 800_000n * UNIT } });
  for (const who of [acc.bob, acc.charlie, acc.dave, acc.eve, acc.ferdie]) ok(await sendAndWait(vote, who));
  return (await enacted).event.data.result;
}
