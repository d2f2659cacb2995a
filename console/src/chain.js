// The connection, the accounts that can sign, and sending a transaction with its progress and
// its result in words.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { web3Accounts, web3Enable, web3FromSource } from '@polkadot/extension-dapp';

export const DEFAULT_RPC = 'ws://127.0.0.1:9944';

/** The RPC endpoint: `?rpc=` or the local node. */
export function rpcUrl(location = window.location) {
  return new URLSearchParams(location.search).get('rpc') || DEFAULT_RPC;
}

export async function connect(url) {
  await cryptoWaitReady();
  return ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
}

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/**
 * Every account that can sign: those an injected extension (polkadot{.js}, Talisman,
 * SubWallet) shares, and on a development chain the dev accounts. Each is
 * `{ address, name, source, pair? }`.
 */
export async function loadAccounts(api) {
  const accounts = [];
  try {
    const extensions = await web3Enable('Tandem console');
    if (extensions.length) {
      for (const a of await web3Accounts()) {
        accounts.push({ address: a.address, name: `${a.meta.name ?? 'account'} (${a.meta.source})`, source: a.meta.source });
      }
    }
  } catch (e) {
    console.warn('no extension', e);
  }
  const chainType = await api.rpc.system.chainType();
  if (chainType.isDevelopment || chainType.isLocal) {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    for (const n of DEV_NAMES) {
      const pair = keyring.addFromUri(`//${n}`);
      accounts.push({ address: pair.address, name: `${n} (dev)`, source: 'dev', pair });
    }
  }
  return accounts;
}

/** A dispatch error in words: `section.Name: what the runtime's docs say`. */
export function explainError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}: ${docs.join(' ').trim()}`;
  }
  if (dispatchError.isToken) return `token.${dispatchError.asToken.type}`;
  if (dispatchError.isArithmetic) return `arithmetic.${dispatchError.asArithmetic.type}`;
  return dispatchError.type === 'BadOrigin' ? 'BadOrigin: this account may not make this call' : dispatchError.toString();
}

/**
 * Signs and sends `tx` from `account`, reporting each stage to `progress(text)`: signing,
 * in the pool, in a block, finalized. Resolves with `{ ok, message, events, blockHash }` once
 * finalized, or at inclusion when `waitFinalized` is false; a refused transaction resolves
 * with `ok: false` and the reason.
 */
export async function send(api, tx, account, progress, { waitFinalized = true } = {}) {
  progress('signing…');
  let signer;
  if (account.source === 'dev') {
    signer = account.pair;
  } else {
    const injector = await web3FromSource(account.source);
    signer = account.address;
    api.setSigner(injector.signer);
  }
  return new Promise((resolve) => {
    let unsub = null;
    let done = false;
    const finish = (r) => { if (done) return; done = true; if (unsub) unsub(); resolve(r); };
    tx.signAndSend(signer, (result) => {
      const { status, dispatchError, events } = result;
      if (status.isReady || status.isBroadcast) progress('in the transaction pool…');
      if (status.isInBlock || status.isFinalized) {
        const blockHash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
        const outcome = dispatchError
          ? { ok: false, message: explainError(api, dispatchError) }
          : { ok: true, message: 'done' };
        if (status.isInBlock) progress(`in block ${blockHash.slice(0, 10)}…, waiting for finality…`);
        if (status.isFinalized || !waitFinalized || dispatchError) finish({ ...outcome, events, blockHash });
      }
      if (status.isDropped || status.isInvalid || status.isUsurped) {
        finish({ ok: false, message: `the transaction was ${status.type.toLowerCase()}` });
      }
    }).then((u) => { unsub = u; if (done) u(); }, (e) => finish({ ok: false, message: e.message }));
  });
}
