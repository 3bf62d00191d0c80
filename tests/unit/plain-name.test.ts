// The To line's one-pass check for a display name written as it is (mail/encode.ts isPlainName)
// against the expressions it replaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainName, looksEncoded } from '../../src/mail/encode.js';

const PLAIN_NAME = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*$/;
const slow = (name: string) => PLAIN_NAME.test(name) && name.length < 70 && !/^\s|\s$|\s\s/.test(name) && !looksEncoded(name);

describe('isPlainName', () => {
  it('agrees with the regular expressions on names made of the characters that matter', () => {
    const unit = fc.constantFrom('a', 'Z', '0', ' ', '=', '?', '"', ',', '.', '<', '\t', '\n', 'é', 'ß', '\u00a0', '~', '-', "'");
    fc.assert(fc.property(fc.array(unit, { maxLength: 80 }).map((a) => a.join('')), (name) => {
          expect(isPlainName(name)).toBe(slow(name));
        }), { numRuns: 20_000 });
  });

  it('examples', () => {
    for (const name of ['', 'Jane Smith', "O'Brien", ' Jane', 'Jane ', 'Jane  Smith', '=?utf-8?q?x?=', '=?=', '=??=', '=?a=?=', 'a?=b=?c', 'Zoë', 'Smith, Jane', 'x'.repeat(69), 'x'.repeat(70)]) {
      expect([name, isPlainName(name)]).toEqual([name, slow(name)]);
    }
  });
});
