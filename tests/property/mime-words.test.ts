// The encoded-word and folding functions apologize carries (src/mail/mime-words.ts) give exactly
// what libmime's give, for any text: they are a port, kept so that a batch does not load libmime's
// charset tables at start-up.
import fc from 'fast-check';
import libmime from 'libmime';
import { describe, expect, it } from 'vitest';
import { encodeWord, encodeWords, foldLines } from '../../src/mail/mime-words.js';

// Text with the characters that matter: spaces, ASCII specials, accents, CJK, emoji (surrogate pairs), lone surrogates, '=' and '?'.
const piece = fc.constantFrom(' ', '  ', '\t', 'a', 'Zoë', 'Müller', '=', '?', '_', '"', 'é', '中文', '😀', '\ud800', 'x'.repeat(30), 'ß', '=?UTF-8?Q?x?=', ',', '<', '\n');
const text = fc.array(fc.oneof(piece, fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 40 }).map((xs) => xs.join(''));

describe('mime-words, a port of libmime', () => {
  it('encodeWord (Q and B, with and without a length limit) is libmime.encodeWord', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<'Q' | 'B'>('Q', 'B'), fc.constantFrom(0, 52, 20, 75), (s, enc, max) => {
        expect(encodeWord(s, enc, max)).toBe(libmime.encodeWord(s, enc, max));
      }),
      { numRuns: 2000 },
    );
  });

  it('encodeWords is libmime.encodeWords', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(0, 52), (s, max) => {
        expect(encodeWords(s, 'Q', max)).toBe(libmime.encodeWords(s, 'Q', max));
      }),
      { numRuns: 2000 },
    );
  });

  it('foldLines is libmime.foldLines', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(76, 20), (s, at) => {
        const line = `Subject: ${s}`;
        expect(foldLines(line, at)).toBe(libmime.foldLines(line, at));
      }),
      { numRuns: 2000 },
    );
  });
});
