// Credits: the account's balance (paid, earned, cashable), the price and payout rate, the
// vault's backing, and buy / spend / cash out.
import { el, card, setStatus, field } from '../ui.js';
import { format, parse, ppmPercent } from '../units.js';
import { send } from '../chain.js';

const CREDIT = 10n ** 6n;

async function refresh(ctx) {
  const { api } = ctx;
  const who = ctx.account();
  const totals = await api.call.creditsApi.totals();
  const set = (id, text) => { const n = document.getElementById(id); if (n) n.textContent = text; };
  set('credit-price', `$${format(totals.creditPrice.toBigInt(), 'usd')}`);
  set('payout-rate', `$${format(totals.payoutRate.toBigInt(), 'usd')}`);
  set('backing-ratio', ppmPercent(totals.backingRatioPpm.unwrapOr(null)?.toBigInt?.() ?? null));
  set('vault-usd', `$${format(totals.vaultUsd.toBigInt(), 'usd', { maxFraction: 2 })}`);
  set('credit-supply', format(totals.totalIssuance.toBigInt(), 'credit', { maxFraction: 2 }));
  if (!who) return totals;
  const [mine, gov, usd] = await Promise.all([
    api.call.creditsApi.account(who.address),
    api.query.system.account(who.address),
    api.query.assets.account(1, who.address),
  ]);
  set('credits-free', format(mine.free.toBigInt(), 'credit'));
  set('credits-paid', format(mine.paid.toBigInt(), 'credit'));
  set('credits-earned', format(mine.earnedTotal.toBigInt(), 'credit'));
  set('credits-cashable', format(mine.cashable.toBigInt(), 'credit'));
  set('gov-balance', format(gov.data.free.toBigInt(), 'gov', { maxFraction: 4 }));
  set('usd-balance', format(usd.isSome ? usd.unwrap().balance.toBigInt() : 0n, 'usd'));
  return totals;
}

/** Runs `make()` (which builds the transaction from the form) and reports into `statusId`. */
async function act(ctx, statusId, make) {
  const status = document.getElementById(statusId);
  const who = ctx.account();
  if (!who) return setStatus(status, 'choose an account first', 'err');
  let tx;
  try {
    tx = make();
  } catch (e) {
    return setStatus(status, e.message, 'err');
  }
  const r = await send(ctx.api, tx, who, (p) => setStatus(status, p, 'wait'));
  setStatus(status, r.ok ? `done (finalized in ${r.blockHash.slice(0, 10)}…)` : `failed: ${r.message}`, r.ok ? 'ok' : 'err');
  await refresh(ctx);
}

export default {
  async render(ctx, root) {
    const { api } = ctx;
    root.append(
      el('section', {},
        el('h2', {}, 'Your credits'),
        el('div', { class: 'cards' },
          card('credits held', 'credits-free'), card('paid (spend only)', 'credits-paid'),
          card('earned, ever', 'credits-earned'), card('cashable now', 'credits-cashable'),
          card('USD', 'usd-balance'), card('GOV', 'gov-balance'))),
      el('section', {},
        el('h2', {}, 'Price and backing'),
        el('div', { class: 'cards' },
          card('price per credit', 'credit-price'), card('payout rate per credit', 'payout-rate'),
          card('backing ratio (vault ÷ credits at payout rate)', 'backing-ratio'),
          card('vault', 'vault-usd'), card('credits in existence', 'credit-supply')),
        el('p', { class: 'hint' }, 'Amounts are whole credits and dollars (6 decimals); the chain stores millionths.')),
      el('section', {},
        el('h2', {}, 'Buy credits with USD'),
        el('form', { id: 'buy-form', onsubmit: (e) => { e.preventDefault(); buy(); } },
          field({ label: 'credits', id: 'buy-amount', placeholder: '100' }),
          field({ label: 'pay at most (USD, blank: the price now)', id: 'buy-max-usd', placeholder: '' }),
          el('button', { id: 'buy-submit', type: 'submit' }, 'Buy')),
        el('div', { class: 'status', id: 'buy-status' })),
      el('section', {},
        el('h2', {}, 'Spend credits on a subnet'),
        el('form', { id: 'spend-form', onsubmit: (e) => { e.preventDefault(); spend(); } },
          field({ label: 'subnet', id: 'spend-netuid', value: '0' }),
          field({ label: 'credits', id: 'spend-amount', placeholder: '10' }),
          el('button', { id: 'spend-submit', type: 'submit' }, 'Spend')),
        el('div', { class: 'status', id: 'spend-status' })),
      el('section', {},
        el('h2', {}, 'Cash out earned credits'),
        el('form', { id: 'cashout-form', onsubmit: (e) => { e.preventDefault(); cashOut(); } },
          field({ label: 'credits', id: 'cashout-amount', placeholder: '10' }),
          el('button', { id: 'cashout-submit', type: 'submit' }, 'Cash out')),
        el('div', { class: 'status', id: 'cashout-status' })),
    );
    const value = (id) => document.getElementById(id).value;
    const buy = () => act(ctx, 'buy-status', () => {
      const credits = parse(value('buy-amount'), 'credit');
      const price = BigInt(document.getElementById('credit-price').dataset.base ?? 0);
      const typed = value('buy-max-usd').trim();
      // The price now, rounded up: the call refuses to pay more than `max_usd`.
      const maxUsd = typed ? parse(typed, 'usd') : (credits * price + CREDIT - 1n) / CREDIT;
      return api.tx.credits.buy(credits, maxUsd);
    });
    const spend = () => act(ctx, 'spend-status', () =>
      api.tx.credits.spend(Number(value('spend-netuid')), parse(value('spend-amount'), 'credit')));
    const cashOut = () => act(ctx, 'cashout-status', () =>
      api.tx.credits.cashOut(parse(value('cashout-amount'), 'credit')));
    const totals = await refresh(ctx);
    document.getElementById('credit-price').dataset.base = totals.creditPrice.toString();
    ctx.onBlock(() => refresh(ctx));
  },
};
