// The console's unit conversions: exact both ways, and typed amounts refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { format, parse, ppmPercent, perbillPercent } from '../src/units.js';

test('format shows whole units with the right decimals', () => {
  assert.equal(format(1_500_000n, 'usd'), '1.5');
  assert.equal(format(30_000n, 'usd'), '0.03');
  assert.equal(format(100n * 10n ** 6n, 'credit'), '100');
  assert.equal(format(1_234_567n * 10n ** 12n, 'gov'), '1,234,567');
  assert.equal(format(1n, 'gov'), '0.000000000001');
  assert.equal(format(1_234_567_891n, 'gov', { maxFraction: 4 }), '0.0012');
  assert.equal(format(-2_000_000n, 'usd'), '-2');
});

test('parse is the inverse of format and refuses what is not an amount', () => {
  for (const [text, unit, base] of [
    ['100', 'credit', 100_000_000n], ['0.000001', 'usd', 1n], ['1,000.5', 'gov', 1_000_500_000_000_000n],
    ['.5', 'usd', 500_000n], ['7.', 'credit', 7_000_000n],
  ]) {
    assert.equal(parse(text, unit), base);
    assert.equal(parse(format(base, unit), unit), base);
  }
  assert.throws(() => parse('1.0000001', 'usd'), /at most 6 decimals/);
  assert.throws(() => parse('-1', 'gov'), /not an amount/);
  assert.throws(() => parse('abc', 'credit'), /not an amount/);
  assert.throws(() => parse('', 'credit'), /not an amount/);
});

test('ratios read as percentages', () => {
  assert.equal(ppmPercent(1_000_000), '100.00 %');
  assert.equal(ppmPercent(null), '—');
  assert.equal(perbillPercent(50_000_000), '5.00 %');
});
