// The grouping key is read one way (emailKey): the pre-pass's byte reading and the row check agree with it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailKey, emailKeyHash, KEY_EMPTY, KEY_HASHED, KEY_TEXT } from '../../src/text/email-key.js';
import { FingerprintSet } from '../../src/text/fingerprint.js';
import { mapColumns } from '../../src/recipients/columns.js';
import { makeRowChecker } from '../../src/recipients/rows.js';

const cell = fc
  .tuple(
    fc.constantFrom('', 'Zoë ', 'Ana Li ', '"Smith, J" ', '"a<b>" '),
    fc.oneof(fc.emailAddress(), fc.constantFrom('Zoë@Exämple.com', 'A@B.CO', 'x@y', '')),
    fc.constantFrom('', ' ', '\t', '\u00a0', '\r'),
    fc.boolean(),
  )
  .map(([name, addr, pad, angle]) => `${pad}${angle || name ? `${name}<${addr}>` : addr}${pad}`);

describe('emailKey', () => {
  it.each([
    ['Ana@Example.COM', 'ana@example.com'],
    ['  Zoë Müller <Zoë@X.com> ', 'zoë@x.com'],
    ['"a<b>" <c@d.e>', 'c@d.e'],
    ['x>y<z', 'x>y<z'],
    ['\t', ''],
  ])('%j → %j', (c, key) => expect(emailKey(c)).toBe(key));

  it('the byte reading hashes exactly emailKey of the cell, or leaves the cell to emailKey', () => {
    const out = new Uint32Array(2);
    let hashed = 0;
    fc.assert(
      fc.property(cell, (c) => {
        const bytes = Buffer.concat([Buffer.from('x,'), Buffer.from(c), Buffer.from(',y')]);
        const found = emailKeyHash(bytes, 2, bytes.length - 2, out);
        const key = emailKey(c);
        if (found === KEY_EMPTY) expect(key).toBe('');
        else if (found !== KEY_TEXT) {
          expect(found).toBe(KEY_HASHED);
          hashed++;
          expect([out[0], out[1]]).toEqual(FingerprintSet.hash(key));
        }
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(hashed).toBeGreaterThan(100);
  });

  it('a row the check accepts is keyed by emailKey of its cell', () => {
    const check = makeRowChecker(mapColumns(['email', 'n'], new Map()), new Set());
    let accepted = 0;
    fc.assert(
      fc.property(cell, (c) => {
        const row = check({ line: 2, cells: [c, '1'] });
        if (typeof row === 'string') return;
        accepted++;
        expect(row.key).toBe(emailKey(c));
      }),
      { numRuns: 3000, seed: 12 },
    );
    expect(accepted).toBeGreaterThan(500);
  });
});
