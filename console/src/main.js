// The console: connects to a Tandem node (`?rpc=` or ws://127.0.0.1:9944), lists the accounts
// that can sign and shows one page at a time.
import { connect, loadAccounts, rpcUrl } from './chain.js';
import { el } from './ui.js';
import credits from './pages/credits.js';
import subnets from './pages/subnets.js';
import metagraph from './pages/metagraph.js';
import economy from './pages/economy.js';
import governance from './pages/governance.js';

const PAGES = { credits, subnets, metagraph, economy, governance };

const ctx = {
  api: null,
  accounts: [],
  /** The selected account. */
  account() {
    const address = document.getElementById('account').value;
    return this.accounts.find((a) => a.address === address);
  },
  /** Callbacks run on every new best block while their page is shown. */
  blockListeners: new Set(),
  onBlock(fn) { this.blockListeners.add(fn); },
};

let current = null;

async function show(name) {
  const page = PAGES[name] ? name : 'credits';
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.page === page);
  ctx.blockListeners.clear();
  if (current?.leave) current.leave();
  const root = document.getElementById('page');
  root.replaceChildren();
  delete root.dataset.ready;
  root.dataset.page = page;
  current = PAGES[page];
  try {
    await current.render(ctx, root);
    root.dataset.ready = 'true';
  } catch (e) {
    console.error(e);
    root.append(el('section', {}, el('p', { class: 'status err' }, `This page failed to load: ${e.message}`)));
  }
}

async function main() {
  const status = document.getElementById('chain-status');
  const url = rpcUrl();
  ctx.api = await connect(url);
  const [chain, version] = await Promise.all([ctx.api.rpc.system.chain(), ctx.api.rpc.system.version()]);
  ctx.accounts = await loadAccounts(ctx.api);
  const select = document.getElementById('account');
  select.replaceChildren(...ctx.accounts.map((a) => el('option', { value: a.address }, `${a.name} ${a.address.slice(0, 8)}…`)));
  if (!ctx.accounts.length) select.append(el('option', { value: '' }, 'no account: install a wallet extension'));
  select.addEventListener('change', () => show(window.location.hash.slice(1)));
  await ctx.api.rpc.chain.subscribeNewHeads(async (h) => {
    status.textContent = `${chain} · node ${version} · ${url} · block #${h.number.toNumber()}`;
    for (const fn of ctx.blockListeners) {
      try { await fn(h); } catch (e) { console.error(e); }
    }
  });
  window.addEventListener('hashchange', () => show(window.location.hash.slice(1)));
  await show(window.location.hash.slice(1));
}

main().catch((e) => {
  document.getElementById('chain-status').textContent = `cannot connect: ${e.message}`;
});
