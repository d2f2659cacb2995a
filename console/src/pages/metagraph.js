// The metagraph of a chosen subnet: every neuron's role, stake and scores, and the credits it
// was paid at the subnet's last epoch (from the epoch's payout and the scores).
import { el, table } from '../ui.js';
import { format, perbillPercent } from '../units.js';
import { loadParameters, valueOf } from '../params.js';

const BILLION = 1_000_000_000n;
/** How far back the page looks for the last epoch payout (a dev node keeps 256 blocks of state). */
const SCAN_BLOCKS = 250;

/** The last `subnets.EpochPaid` of `netuid` in the last SCAN_BLOCKS blocks, with its block. */
async function lastEpoch(api, netuid) {
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  for (let n = head; n > Math.max(0, head - SCAN_BLOCKS); n -= 1) {
    const hash = await api.rpc.chain.getBlockHash(n);
    let events;
    try { events = await (await api.at(hash)).query.system.events(); } catch { break; }
    const hit = events.find(({ event }) => api.events.subnets.EpochPaid.is(event) && event.data.netuid.toNumber() === netuid);
    if (hit) return { block: n, data: hit.event.data };
  }
  return null;
}

async function refresh(ctx, netuid) {
  const { api } = ctx;
  const [neurons, epoch, params] = await Promise.all([api.call.yumaApi.metagraph(netuid), lastEpoch(api, netuid), loadParameters(api)]);
  // The epoch's credit pool was split: protocol fee, owner, validators (× dividends), miners
  // (× incentive). `credits_paid` is owner + validators + miners.
  let minersPool = 0n;
  let validatorsPool = 0n;
  if (epoch) {
    const pool = epoch.data.creditsPaid.toBigInt() + epoch.data.creditsProtocolFee.toBigInt();
    const fee = valueOf(params, 'credits.ProtocolFee');
    const owner = valueOf(params, 'credits.OwnerCut');
    const vcut = valueOf(params, 'credits.ValidatorCut');
    validatorsPool = (pool * vcut) / BILLION;
    minersPool = (pool * (BILLION - fee - owner - vcut)) / BILLION;
  }
  const rows = neurons.map((n) => {
    const earned = (minersPool * n.incentive.toBigInt()) / BILLION + (validatorsPool * n.dividends.toBigInt()) / BILLION;
    return {
      attrs: { 'data-uid': n.uid.toString() },
      cells: [
        n.uid.toString(), n.hotkey.toString(), n.validatorPermit.isTrue ? 'validator' : 'miner',
        { text: format(n.stake.toBigInt(), 'gov', { maxFraction: 4 }), num: true },
        { text: perbillPercent(n.incentive.toNumber()), num: true },
        { text: perbillPercent(n.dividends.toNumber()), num: true },
        { text: perbillPercent(n.validatorTrust.toNumber()), num: true },
        { text: n.lastUpdate.toString(), num: true },
        { text: epoch ? format(earned, 'credit', { maxFraction: 4 }) : '—', num: true },
      ],
    };
  });
  document.getElementById('metagraph-table').replaceWith(table('metagraph-table',
    ['uid', 'hotkey', 'role', { text: 'stake (GOV)', num: true }, { text: 'incentive', num: true }, { text: 'dividends', num: true },
      { text: 'validator trust', num: true }, { text: 'last update (block)', num: true }, { text: 'credits, last epoch', num: true }],
    rows));
  document.getElementById('metagraph-epoch').textContent = epoch
    ? `Last epoch payout at block ${epoch.block}: ${format(epoch.data.creditsPaid.toBigInt(), 'credit')} credits paid.`
    : `No epoch payout in the last ${SCAN_BLOCKS} blocks.`;
}

export default {
  async render(ctx, root) {
    const { api } = ctx;
    const subnets = await api.call.subnetsApi.subnets();
    const select = el('select', { id: 'metagraph-netuid' }, subnets.map((s) => el('option', { value: s.netuid.toString() }, `subnet ${s.netuid}`)));
    root.append(el('section', {},
      el('h2', {}, 'Metagraph'),
      el('label', {}, 'subnet ', select),
      el('p', { class: 'hint', id: 'metagraph-epoch' }),
      el('table', { id: 'metagraph-table' })));
    if (!subnets.length) {
      document.getElementById('metagraph-epoch').textContent = 'No subnet yet.';
      return;
    }
    const draw = () => refresh(ctx, Number(select.value));
    select.addEventListener('change', draw);
    await draw();
    let n = 0;
    ctx.onBlock(() => { n += 1; if (n % 5 === 0) return draw(); return undefined; });
  },
};
