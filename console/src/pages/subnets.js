// Subnets: one row each (pool, price, paid revenue, emission share, owner, neurons), the
// account's positions, and stake / unstake with a quote and a limit price before signing.
import { el, setStatus, table, field } from '../ui.js';
import { format, parse, perbillPercent } from '../units.js';
import { send } from '../chain.js';

const short = (a) => `${a.slice(0, 6)}…${a.slice(-4)}`;

async function refresh(ctx) {
  const { api } = ctx;
  const subnets = await api.call.subnetsApi.subnets();
  const counts = await Promise.all(subnets.map((s) => api.call.yumaApi.metagraph(s.netuid).then((m) => m.length)));
  const rows = subnets.map((s, i) => ({
    attrs: { 'data-netuid': s.netuid.toString() },
    cells: [
      s.netuid.toString(),
      { text: format(s.govReserve.toBigInt(), 'gov', { maxFraction: 2 }), num: true },
      { text: format(s.alphaReserve.toBigInt(), 'alpha', { maxFraction: 2 }), num: true },
      { text: format(s.spotPrice.toBigInt(), 'price', { maxFraction: 6 }), num: true },
      { text: format(s.revenuePerDay.toBigInt() * 30n, 'credit', { maxFraction: 2 }), num: true },
      { text: perbillPercent(s.emissionShare.toNumber()), num: true },
      s.emissionEnabled.isTrue ? 'on' : 'off',
      short(s.owner.toString()),
      { text: counts[i], num: true },
    ],
  }));
  document.getElementById('subnets-table')?.replaceWith(table('subnets-table',
    ['subnet', { text: 'GOV reserve', num: true }, { text: 'alpha reserve', num: true }, { text: 'price (GOV/α)', num: true },
      { text: 'paid revenue, 30 d (credits)', num: true }, { text: 'emission share', num: true }, 'emission', 'owner', { text: 'neurons', num: true }],
    rows));
  const who = ctx.account();
  if (who) {
    const positions = await api.call.subnetsApi.positions(who.address);
    document.getElementById('positions-table')?.replaceWith(table('positions-table',
      ['subnet', 'hotkey', { text: 'alpha', num: true }, { text: 'pending', num: true }],
      positions.map((p) => [p.netuid.toString(), short(p.hotkey.toString()),
        { text: format(p.alpha.toBigInt(), 'alpha', { maxFraction: 4 }), num: true },
        { text: format(p.pending.toBigInt(), 'alpha', { maxFraction: 4 }), num: true }])));
  }
}

/** `price × (1 ± tolerance %)`, rounded away from the trade. */
function limitFrom(price, tolerancePct, up) {
  const bps = BigInt(Math.round(Number(tolerancePct) * 100));
  return up ? (price * (10_000n + bps) + 9_999n) / 10_000n : (price * (10_000n - bps)) / 10_000n;
}

export default {
  async render(ctx, root) {
    const { api } = ctx;
    root.append(
      el('section', {}, el('h2', {}, 'Subnets'), el('table', { id: 'subnets-table' }),
        el('p', { class: 'hint' }, 'Revenue is paid credits spent on the subnet (30 days at the current daily average); the emission share is the part of the GOV schedule its revenue earns.')),
      el('section', {}, el('h2', {}, 'Your stake'), el('table', { id: 'positions-table' })),
      el('section', {},
        el('h2', {}, 'Stake or unstake'),
        el('form', { id: 'stake-form', onsubmit: (e) => e.preventDefault() },
          field({ label: 'subnet', id: 'stake-netuid', value: '0' }),
          el('label', {}, 'hotkey', el('select', { id: 'stake-hotkey' })),
          field({ label: 'amount (GOV to stake, or α to unstake)', id: 'stake-amount', placeholder: '10' }),
          field({ label: 'price tolerance %', id: 'stake-tolerance', value: '1' }),
          el('label', {}, 'allow partial', el('input', { id: 'stake-partial', type: 'checkbox' })),
          el('button', { id: 'stake-quote', type: 'button', class: 'secondary', onclick: () => quote(true) }, 'Quote stake'),
          el('button', { id: 'unstake-quote', type: 'button', class: 'secondary', onclick: () => quote(false) }, 'Quote unstake')),
        el('div', { id: 'stake-quote-out', class: 'hint' }),
        el('form', { id: 'stake-confirm', onsubmit: (e) => e.preventDefault() },
          field({ label: 'limit price (GOV/α)', id: 'stake-limit' }),
          el('button', { id: 'stake-submit', type: 'button', disabled: true, onclick: submit }, 'Sign')),
        el('div', { class: 'status', id: 'stake-status' })),
    );
    const v = (id) => document.getElementById(id).value;
    let pending = null; // { stake: bool, netuid, amount }
    const loadHotkeys = async () => {
      const netuid = Number(v('stake-netuid'));
      const neurons = await api.call.yumaApi.metagraph(netuid);
      document.getElementById('stake-hotkey').replaceChildren(...neurons.map((n) =>
        el('option', { value: n.hotkey.toString() }, `uid ${n.uid} ${short(n.hotkey.toString())}${n.validatorPermit.isTrue ? ' (validator)' : ''}`)));
    };
    document.getElementById('stake-netuid').addEventListener('change', loadHotkeys);
    async function quote(stake) {
      const status = document.getElementById('stake-status');
      const out = document.getElementById('stake-quote-out');
      try {
        const netuid = Number(v('stake-netuid'));
        const amount = parse(v('stake-amount'), stake ? 'gov' : 'alpha');
        const q = stake
          ? await api.call.subnetsApi.quoteAddStake(netuid, amount)
          : await api.call.subnetsApi.quoteRemoveStake(netuid, amount);
        if (q.isNone) throw new Error('no quote: the subnet does not exist or the amount is too small');
        const r = q.unwrap();
        const [inU, outU] = stake ? ['gov', 'alpha'] : ['alpha', 'gov'];
        out.textContent = `${format(r.amountIn.toBigInt(), inU, { maxFraction: 6 })} in → ${format(r.amountOut.toBigInt(), outU, { maxFraction: 6 })} out; `
          + `fee ${format(r.fee.toBigInt(), inU, { maxFraction: 6 })}; price ${format(r.priceBefore.toBigInt(), 'price', { maxFraction: 6 })} → `
          + `${format(r.priceAfter.toBigInt(), 'price', { maxFraction: 6 })} GOV/α (impact ${perbillPercent(r.priceImpact.toNumber())})`;
        const limit = limitFrom(r.priceAfter.toBigInt(), v('stake-tolerance'), stake);
        document.getElementById('stake-limit').value = format(limit, 'price', { group: false });
        document.getElementById('stake-submit').disabled = false;
        document.getElementById('stake-submit').textContent = stake ? 'Sign stake' : 'Sign unstake';
        pending = { stake, netuid, amount };
        setStatus(status, `quoted: ${stake ? 'the price after must not exceed' : 'the price after must not fall below'} the limit`, 'ok');
      } catch (e) {
        setStatus(status, e.message, 'err');
      }
    }
    async function submit() {
      const status = document.getElementById('stake-status');
      const who = ctx.account();
      if (!who || !pending) return setStatus(status, 'quote first, with an account chosen', 'err');
      let tx;
      try {
        const limit = parse(v('stake-limit'), 'price');
        const partial = document.getElementById('stake-partial').checked;
        const hotkey = v('stake-hotkey');
        if (!hotkey) throw new Error('the subnet has no hotkey to stake to');
        tx = pending.stake
          ? api.tx.subnets.addStake(hotkey, pending.netuid, pending.amount, limit, partial)
          : api.tx.subnets.removeStake(hotkey, pending.netuid, pending.amount, limit, partial);
      } catch (e) {
        return setStatus(status, e.message, 'err');
      }
      const r = await send(api, tx, who, (p) => setStatus(status, p, 'wait'));
      setStatus(status, r.ok ? `done (finalized in ${r.blockHash.slice(0, 10)}…)` : `failed: ${r.message}`, r.ok ? 'ok' : 'err');
      await refresh(ctx);
    }
    await refresh(ctx);
    await loadHotkeys();
    ctx.onBlock(() => refresh(ctx));
  },
};
