// Whole units ⇄ base units, exactly (BigInt, no floating point): credits and USD have 6
// decimals, GOV 12. Prices of alpha are GOV per alpha with 12 decimals.

export const DECIMALS = { credit: 6, usd: 6, gov: 12, alpha: 12, price: 12 };
export const SYMBOL = { credit: 'credits', usd: 'USD', gov: 'GOV', alpha: 'α', price: 'GOV/α' };

/** Base units (bigint, number or numeric string) as a whole-unit string: `format(1500000n, 'usd')`
 * is "1.5". `maxFraction` cuts (never rounds up) the fractional digits shown. */
export function format(base, unit, { maxFraction = DECIMALS[unit], group = true } = {}) {
  const d = DECIMALS[unit];
  if (d === undefined) throw new Error(`unknown unit ${unit}`);
  let v = BigInt(base);
  const neg = v < 0n;
  if (neg) v = -v;
  const scale = 10n ** BigInt(d);
  const whole = (v / scale).toString();
  let frac = (v % scale).toString().padStart(d, '0').slice(0, maxFraction).replace(/0+$/, '');
  const w = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${neg ? '-' : ''}${w}${frac ? `.${frac}` : ''}`;
}

/** A whole-unit string typed by a user ("12.5", "1,000") as base units; throws a message a
 * user can act on when it is not a non-negative number with at most the unit's decimals. */
export function parse(text, unit) {
  const d = DECIMALS[unit];
  if (d === undefined) throw new Error(`unknown unit ${unit}`);
  const s = String(text).trim().replace(/[,_\s]/g, '');
  if (!/^\d*(\.\d*)?$/.test(s) || s === '' || s === '.') {
    throw new Error(`"${text}" is not an amount of ${SYMBOL[unit]}`);
  }
  const [whole, frac = ''] = s.split('.');
  if (frac.length > d) throw new Error(`${SYMBOL[unit]} have at most ${d} decimals`);
  return BigInt(whole || '0') * 10n ** BigInt(d) + BigInt(frac.padEnd(d, '0') || '0');
}

/** Parts per million (an `Option<u64>` ratio of the runtime APIs) as a percentage string. */
export function ppmPercent(ppm, fraction = 2) {
  if (ppm === null || ppm === undefined) return '—';
  return `${(Number(ppm) / 10_000).toFixed(fraction)} %`;
}

/** A Perbill (parts per billion) as a percentage string. */
export function perbillPercent(parts, fraction = 2) {
  return `${(Number(parts) / 10_000_000).toFixed(fraction)} %`;
}

/** `a × num / den` rounded down, in BigInt. */
export function mulDiv(a, num, den) {
  return (BigInt(a) * BigInt(num)) / BigInt(den);
}
