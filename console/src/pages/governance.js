// Governance: every protocol parameter's effective value with its bounds, the open referenda
// with the proposed change decoded, and voting.
import { el, setStatus, table, field } from '../ui.js';
import { format, parse } from '../units.js';
import { send } from '../chain.js';
import { loadParameters, show } from '../params.js';

/** The call a referendum proposes, decoded from its preimage: `section.method(args)`. */
async function proposal(api, bounded) {
  let bytes = null;
  if (bounded.isInline) bytes = bounded.asInline;
  if (bounded.isLookup) {
    // polkadot.js renames the field `hash` to `hash_`: a struct's `.hash` is its own hash.
    const lookup = bounded.asLookup;
    const stored = await api.query.preimage.preimageFor([lookup.get('hash_'), lookup.get('len')]);
    if (stored.isSome) bytes = stored.unwrap();
  }
  if (!bytes) return 'preimage not noted';
  const call = api.createType('Call', bytes);
  return `${call.section}.${call.method}(${JSON.stringify(call.toHuman().args)})`;
}

async function referenda(ctx) {
  const { api } = ctx;
  // Track names are fixed-size, zero-padded.
  const tracks = new Map(api.consts.referenda.tracks.map(([id, info]) => [id.toNumber(), info.name.toString().replace(/\0+$/, '')]));
  const entries = await api.query.referenda.referendumInfoFor.entries();
  const open = [];
  for (const [key, info] of entries) {
    if (!info.isSome || !info.unwrap().isOngoing) continue;
    const r = info.unwrap().asOngoing;
    open.push({ index: key.args[0].toNumber(), r, call: await proposal(api, r.proposal) });
  }
  open.sort((a, b) => a.index - b.index);
  return open.map(({ index, r, call }) => ({
    attrs: { 'data-referendum': index },
    cells: [
      index, tracks.get(r.track.toNumber()) ?? r.track.toString(), call,
      { text: format(r.tally.ayes.toBigInt(), 'gov', { maxFraction: 0 }), num: true },
      { text: format(r.tally.nays.toBigInt(), 'gov', { maxFraction: 0 }), num: true },
      { text: format(r.tally.support.toBigInt(), 'gov', { maxFraction: 0 }), num: true },
      r.deciding.isSome ? 'deciding' : (r.decisionDeposit.isSome ? 'preparing' : 'needs a decision deposit'),
      el('span', {},
        el('button', { 'data-vote': 'aye', 'data-index': index, onclick: () => vote(ctx, index, true) }, 'Aye'), ' ',
        el('button', { class: 'secondary', 'data-vote': 'nay', 'data-index': index, onclick: () => vote(ctx, index, false) }, 'Nay')),
    ],
  }));
}

async function vote(ctx, index, aye) {
  const status = document.getElementById('vote-status');
  const who = ctx.account();
  if (!who) return setStatus(status, 'choose an account first', 'err');
  let tx;
  try {
    const balance = parse(document.getElementById('vote-balance').value, 'gov');
    const conviction = document.getElementById('vote-conviction').value;
    tx = ctx.api.tx.convictionVoting.vote(index, { Standard: { vote: { aye, conviction }, balance } });
  } catch (e) {
    return setStatus(status, e.message, 'err');
  }
  const r = await send(ctx.api, tx, who, (p) => setStatus(status, p, 'wait'));
  setStatus(status, r.ok ? `voted ${aye ? 'aye' : 'nay'} on referendum ${index}` : `failed: ${r.message}`, r.ok ? 'ok' : 'err');
}

async function refresh(ctx) {
  const params = await loadParameters(ctx.api);
  document.getElementById('params-table').replaceWith(table('params-table',
    ['parameter', { text: 'value', num: true }, { text: 'lowest', num: true }, { text: 'highest', num: true }, ''],
    params.map((p) => ({
      attrs: { 'data-param': p.name },
      cells: [p.name, { text: show(p.value, p.unit), num: true }, { text: show(p.min, p.unit), num: true },
        { text: show(p.max, p.unit), num: true }, p.isDefault ? 'default' : 'set by referendum'],
    }))));
  document.getElementById('referenda-table').replaceWith(table('referenda-table',
    ['#', 'track', 'proposed call', { text: 'aye (GOV)', num: true }, { text: 'nay (GOV)', num: true }, { text: 'support', num: true }, 'state', 'vote'],
    await referenda(ctx)));
}

export default {
  async render(ctx, root) {
    root.append(
      el('section', {}, el('h2', {}, 'Protocol parameters'),
        el('p', { class: 'hint' }, 'The value in force (the default unless a referendum set one) and the range governance may set it in; rules between parameters apply on top.'),
        el('table', { id: 'params-table' })),
      el('section', {}, el('h2', {}, 'Open referenda'),
        el('form', { onsubmit: (e) => e.preventDefault() },
          field({ label: 'vote with (GOV)', id: 'vote-balance', value: '100' }),
          el('label', {}, 'conviction', el('select', { id: 'vote-conviction' },
            ['None', 'Locked1x', 'Locked2x', 'Locked3x', 'Locked4x', 'Locked5x', 'Locked6x'].map((c) => el('option', { value: c, selected: c === 'Locked1x' }, c))))),
        el('table', { id: 'referenda-table' }),
        el('div', { class: 'status', id: 'vote-status' })),
    );
    await refresh(ctx);
    let n = 0;
    ctx.onBlock(() => { n += 1; if (n % 3 === 0) return refresh(ctx); return undefined; });
  },
};
