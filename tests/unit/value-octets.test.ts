import { describe, expect, it } from 'vitest';
import { RENDER_DIRECTLY, valueOctets } from '../../src/compose/skeleton.js';

/** What the cached shapes asked of a value before: the regular expression, then the byte count. */
const reference = (v: string) => (RENDER_DIRECTLY.test(v) ? -1 : Buffer.byteLength(v, 'utf8'));

describe('valueOctets (one pass for "render directly?" and the UTF-8 octets)', () => {
  it('agrees with RENDER_DIRECTLY and Buffer.byteLength for every UTF-16 unit alone, inside a value, first and last', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const v of [u, `ab${u}cd`, `${u}ab`, `ab${u}`, `${u}${u}`]) if (valueOctets(v) !== reference(v)) wrong.push(`U+${c.toString(16)} in ${JSON.stringify(v)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees for random values with surrogate pairs, lone surrogates and marks', () => {
    const units = [0x41, 0x20, 0x09, 0xe9, 0x7ff, 0x800, 0xe000, 0xe001, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0xa0, 0x2028, 0x85, 0xfeff, 0x3000];
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20000; i++) {
      const v = String.fromCharCode(...Array.from({ length: 1 + (next() % 8) }, () => units[next() % units.length]!));
      expect([v, valueOctets(v)]).toEqual([v, reference(v)]);
    }
  });
});
