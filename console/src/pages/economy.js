// The economy over time, read from chain state at past blocks (`tokenApi.economy`,
// `tokenApi.info`, `creditsApi.totals` at each sampled block) and extended live: GOV emitted
// against paid revenue, the governance ratio, GOV burned and the buyback pot, the credit and
// backing ratios, the staking yield.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { el } from '../ui.js';

/** Points sampled from history (a dev node keeps the state of its last 256 blocks). */
const HISTORY_POINTS = 30;
const HISTORY_BLOCKS = 240;
const usd = (v) => Number(v) / 1e6;
const gov = (v) => Number(v) / 1e12;
const ppm = (o) => (o.isSome ? Number(o.unwrap()) / 10_000 : null);

async function sample(api, hash) {
  const at = await api.at(hash);
  const [economy, info, totals, header] = await Promise.all([
    at.call.tokenApi.economy(), at.call.tokenApi.info(), at.call.creditsApi.totals(), api.rpc.chain.getHeader(hash),
  ]);
  return {
    block: header.number.toNumber(),
    revenueUsd: usd(economy.paidRevenueUsd12m),
    emittedUsd: usd(economy.emittedUsd12m),
    emissionPerRevenue: ppm(economy.emissionRevenuePpm12m),
    governanceRatio: ppm(economy.governanceRatioPpm),
    burned: gov(info.burned),
    potUsd: usd(economy.potUsd),
    creditRatio: ppm(totals.creditRatioPpm),
    backingRatio: ppm(totals.backingRatioPpm),
    stakingYield: ppm(economy.stakingYieldPpm),
  };
}

const CHARTS = [
  { id: 'chart-emission', title: 'GOV emitted vs paid revenue (USD, 12 months)', series: [['emittedUsd', 'GOV emitted, USD', '#dc2626'], ['revenueUsd', 'paid revenue, USD', '#2563eb']] },
  { id: 'chart-emission-ratio', title: 'Emission ÷ revenue (%)', series: [['emissionPerRevenue', 'emitted USD ÷ revenue USD', '#7c3aed']] },
  { id: 'chart-buyback', title: 'GOV burned and the buyback pot', series: [['burned', 'GOV burned', '#ea580c'], ['potUsd', 'pot, USD', '#0891b2']] },
  { id: 'chart-ratios', title: 'Governance, credit and backing ratios (%)', series: [['governanceRatio', 'governance ratio', '#16a34a'], ['creditRatio', 'credit ratio', '#2563eb'], ['backingRatio', 'backing ratio', '#9333ea']] },
  { id: 'chart-yield', title: 'Staking yield (%/year)', series: [['stakingYield', 'staking yield', '#0f766e']] },
];

export default {
  charts: [],
  async render(ctx, root) {
    const { api } = ctx;
    root.append(el('section', {}, el('h2', {}, 'Economy'),
      el('p', { class: 'hint', id: 'economy-range' }, 'reading history…'),
      el('div', { class: 'charts' }, CHARTS.map((c) => el('div', { id: c.id, 'data-title': c.title })))));
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const from = Math.max(1, head - HISTORY_BLOCKS);
    const step = Math.max(1, Math.floor((head - from) / HISTORY_POINTS));
    const points = [];
    for (let n = from; n <= head; n += step) {
      try { points.push(await sample(api, await api.rpc.chain.getBlockHash(n))); } catch { /* pruned */ }
    }
    document.getElementById('economy-range').textContent =
      `Blocks ${points[0]?.block ?? head} to ${points.at(-1)?.block ?? head}, then live. Ratios are empty until their denominator is not zero.`;
    const data = (c) => [points.map((p) => p.block), ...c.series.map(([k]) => points.map((p) => p[k]))];
    this.charts = CHARTS.map((c) => {
      const node = document.getElementById(c.id);
      return new uPlot({
        title: c.title, width: Math.min(560, node.clientWidth || 560), height: 220,
        scales: { x: { time: false } },
        axes: [{ label: 'block' }, { size: 70 }],
        series: [{ label: 'block' }, ...c.series.map(([, label, stroke]) => ({ label, stroke, width: 2, spanGaps: true }))],
      }, data(c), node);
    });
    let n = 0;
    ctx.onBlock(async (h) => {
      n += 1;
      if (n % 3) return;
      points.push(await sample(api, h.hash));
      this.charts.forEach((chart, i) => chart.setData(data(CHARTS[i])));
    });
  },
  leave() {
    for (const c of this.charts) c.destroy();
    this.charts = [];
  },
};
