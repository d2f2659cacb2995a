// The protocol parameters as `governanceApi.parameters()` reports them: each with its
// effective value (the default when no referendum set one), its range and its unit.
import { format, perbillPercent } from './units.js';

/** `[{ name: 'credits.CreditPrice', value, min, max, unit, isDefault }]`, numbers as bigint. */
export async function loadParameters(api) {
  const views = await api.call.governanceApi.parameters();
  return views.map((p) => ({
    name: p.name.toUtf8(),
    value: p.value.toBigInt(),
    min: p.min.toBigInt(),
    max: p.max.toBigInt(),
    unit: p.unit.type,
    isDefault: p.isDefault.isTrue,
  }));
}

/** A parameter value in words, by its unit. */
export function show(value, unit) {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'Usd': return `$${format(value, 'usd')}`;
    case 'Gov': return `${format(value, 'gov', { maxFraction: 4 })} GOV`;
    case 'Perbill': return perbillPercent(value, 4).replace(/\.?0+ %$/, ' %');
    case 'Permill': return `${(Number(value) / 10_000).toFixed(4).replace(/\.?0+$/, '')} %`;
    case 'Blocks': return `${value} blocks`;
    case 'Flag': return value ? 'on' : 'off';
    default: return String(value);
  }
}

/** The effective value of `name` among loaded parameters. */
export function valueOf(params, name) {
  return params.find((p) => p.name === name)?.value;
}
