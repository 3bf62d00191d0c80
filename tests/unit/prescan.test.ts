import { describe, expect, it } from 'vitest';
import { FingerprintSet, fnv1a } from '../../src/text/fingerprint.js';
import { prescanScattered } from '../../src/recipients/prescan.js';

async function* chunks(text: string, size: number) {
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe('prescan finds the customers whose rows are not adjacent', () => {
  it.each([
    ['email\na@x.com\nb@x.com\na@x.com\n', 0, ['a@x.com']],
    ['email\na@x.com\nA@X.com\nb@x.com\n', 0, []],
    ['n,email,p\n1,a@x.com,"q,r"\n2,b@x.com,z\n3, A@x.com ,z\n', 1, ['a@x.com']],
    ['n;email\r\n1;"Zoë <zoë@x.com>"\r\n2;b@x.com\r\n3;zoë@x.com\r\n', 1, ['zoë@x.com']],
    ['n,email\n1,"multi\nline",\n2,a@x.com\n3,b@x.com\n4,a@x.com', 1, ['a@x.com']],
    ['email,note\nc@x.com,"say ""hi"""\nd@x.com,x\nc@x.com,y\nd@x.com,z\n', 0, ['c@x.com', 'd@x.com']],
  ] as const)('%j', async (csv, idx, expected) => {
    for (const size of [1, 3, 1 << 16]) {
      const sep = csv.split('\n')[0]!.includes(';') ? ';' : ',';
      const r = await prescanScattered(chunks(csv, size), sep, idx);
      expect(r.scatteredCount, `chunk ${size}`).toBe(expected.length);
      for (const key of expected) expect(r.scattered.has(key)).toBe(true);
    }
  });

  it('hashes bytes exactly as FingerprintSet.hash hashes the key', () => {
    const set = new FingerprintSet(4);
    set.add('someone@example.com');
    expect(set.has('someone@example.com')).toBe(true);
    expect(set.has('someone@example.org')).toBe(false);
    for (let i = 0; i < 5000; i++) set.add(`k${i}`);
    expect(set.size).toBe(5001);
    for (let i = 0; i < 5000; i++) expect(set.has(`k${i}`)).toBe(true);
  });
});

describe('one FNV-1a', () => {
  it.each(['', 'a', 'ana@example.com', 'zoë@example.com'])('fnv1a(%j) is the first half of FingerprintSet.hash', (key) => {
    expect(fnv1a(key)).toBe(FingerprintSet.hash(key)[0]);
  });
});

describe('a pre-pass in two parts, merged, finds what one pass finds', () => {
  it('at every cut of random files (repeats, runs across the cut, scattered keys, keyless rows)', async () => {
    const { Prescan } = await import('../../src/recipients/prescan.js');
    const fc = (await import('fast-check')).default;
    const key = fc.constantFrom('a@x.com', 'A@x.com', 'b@x.com', 'c@x.com', 'd@x.com', 'Dé@x.com', '', '"e@x.com"');
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 25 }), (keys) => {
        const lines = ['n,email', ...keys.map((k, i) => `${i},${k}`)];
        const whole = new Prescan(',', 1);
        whole.push(Buffer.from(`${lines.join('\n')}\n`));
        whole.end();
        const want = whole.result();
        for (let cut = 1; cut < lines.length; cut++) {
          const a = new Prescan(',', 1);
          a.push(Buffer.from(`${lines.slice(0, cut + 1).join('\n')}\n`));
          expect(a.aligned).toBe(true);
          const b = new Prescan(',', 1, false);
          const rest = lines.slice(cut + 1);
          b.push(Buffer.from(rest.length > 0 ? `${rest.join('\n')}\n` : ''));
          b.end();
          const got = a.merge(b.toData());
          expect(got.scatteredCount, `cut after line ${cut + 1} of ${JSON.stringify(keys)}`).toBe(want.scatteredCount);
          expect(got.records).toBe(want.records);
          want.scattered.forEachPair((x, y) => expect(got.scattered.hasPair(x, y)).toBe(true));
        }
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('knows when a cut falls inside a quoted field', async () => {
    const { Prescan } = await import('../../src/recipients/prescan.js');
    const a = new Prescan(',', 1);
    a.push(Buffer.from('n,email,note\n1,a@x.com,"two\n'));
    expect(a.aligned).toBe(false);
    a.push(Buffer.from('lines"\n2,a@x.com,x\n'));
    expect(a.aligned).toBe(true);
  });
});
