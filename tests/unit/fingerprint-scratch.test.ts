// FingerprintSet.has/add and the spill's bucket hash the key into one shared pair instead of an
// array per call: the answers must be those of FingerprintSet.hash(key), call after call.
import { describe, expect, it } from 'vitest';
import { Spill } from '../../src/recipients/group.js';
import type { GoodRow } from '../../src/recipients/rows.js';
import { FingerprintSet } from '../../src/text/fingerprint.js';

/** Keys of every kind: ASCII, non-ASCII, astral, empty, near-duplicates. */
function keys(n: number): string[] {
  const out = ['', 'a', 'A', 'zoë@example.com', 'zoe@example.com', '𝔷@example.com', 'łukasz@example.pl'];
  for (let i = 0; i < n; i++) out.push(i % 3 === 0 ? `customer${i}@example.com` : i % 3 === 1 ? `zoë.${i}@exämple.com` : `${i}`);
  return out;
}

function row(key: string, line: number): GoodRow {
  return { line, cells: [key, `n${line}`], fields: {}, email: key, key, name: '', first_name: '' };
}

describe('FingerprintSet without an array per call', () => {
  it('has and add answer as hasPair/addPair of hash(key), interleaved with other keys', () => {
    const all = keys(3000);
    const set = new FingerprintSet(4);
    const pairs = new FingerprintSet(4);
    all.forEach((k, i) => {
      if (i % 2 === 0) {
        expect(set.add(k), k).toBe(pairs.addPair(...FingerprintSet.hash(k)));
        expect(set.add(k), k).toBe(false);
      }
    });
    for (const k of all) {
      const [a, b] = FingerprintSet.hash(k);
      expect(set.has(k), k).toBe(pairs.hasPair(a, b));
      expect(set.hasPair(a, b), k).toBe(pairs.hasPair(a, b));
    }
    expect(set.size).toBe(pairs.size);
    // What was added is found, what was not is not (a pair from another key's hash would say otherwise).
    expect(all.filter((k) => set.has(k)).length).toBe(Math.ceil(all.length / 2));
    const probe = new FingerprintSet(4);
    probe.add('x@example.com');
    expect([probe.has('x@example.com'), probe.has('y@example.com'), probe.has('X@example.com')]).toEqual([true, false, false]);
  });

  it("the spill gives its customers bucket by bucket, each key's bucket hash(key)[0] % 64, then by first line", () => {
    const all = keys(600).filter((k) => k !== '');
    const spill = new Spill();
    // Two rows each, the second after every first: each customer's rows are grouped back together.
    all.forEach((k, i) => spill.add(row(k, i + 1)));
    all.forEach((k, i) => spill.add(row(k, all.length + i + 1)));
    const got = [...spill.groups((line, cells) => row(cells[0]!, line))].map((g) => [g.rows[0]!.key, g.count]);
    spill.dispose();
    const bucket = (k: string) => FingerprintSet.hash(k)[0] % 64;
    const expected = all.map((k, i) => ({ k, i, b: bucket(k) })).sort((x, y) => x.b - y.b || x.i - y.i);
    expect(got).toEqual(expected.map(({ k }) => [k, 2]));
    expect(new Set(expected.map((e) => e.b)).size).toBeGreaterThan(32);
  });
});
