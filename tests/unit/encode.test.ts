import { describe, expect, it } from 'vitest';
import { encodeBody, encodeUnstructured, headerLine } from '../../src/mail/encode.js';
import { quoteFromLines, asctime } from '../../src/mail/mbox.js';
import { toJsonLine } from '../../src/mail/rfc5322.js';

describe('body transfer encoding keeps every line ≤ 998 octets', () => {
  it.each([
    ['Plain ASCII.\n', '7bit'],
    ['Zoë Müller, £10.\n', '8bit'],
    [`${'x'.repeat(998)}\n`, '7bit'],
    [`${'x'.repeat(999)}\n`, 'quoted-printable'],
    [`${'é'.repeat(400)}\n`, '8bit'], // 800 octets
    [`${'é'.repeat(500)}\n`, 'quoted-printable'], // 1000 octets
    ['lone\rcarriage return\n', 'quoted-printable'],
  ])('%#: %s…', (text, encoding) => {
    const { transferEncoding, body } = encodeBody(text);
    expect(transferEncoding).toBe(encoding);
    for (const line of body.split('\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
  });
});

describe('headers', () => {
  it('folds long subjects and encodes only what needs it', () => {
    expect(encodeUnstructured('Plain subject')).toBe('Plain subject');
    expect(encodeUnstructured('Zoë')).toMatch(/^=\?UTF-8\?Q\?Zo=C3=AB\?=$/);
    const long = headerLine('Subject', encodeUnstructured(`${'word '.repeat(60)}end`));
    for (const line of long.split('\n')) expect(line.length).toBeLessThanOrEqual(78);
    const token = headerLine('Subject', encodeUnstructured('x'.repeat(2000)));
    for (const line of token.split('\n')) expect(line.length).toBeLessThanOrEqual(998);
  });
});

describe('mbox and ndjson details', () => {
  it.each([
    ['From here\n', '>From here\n'],
    ['>From quoted\n', '>>From quoted\n'],
    ['a\nFrom b\n>>From c\nFromage\n', 'a\n>From b\n>>>From c\nFromage\n'],
    ['no from lines\n', 'no from lines\n'],
    ['a\u2028From b\n', 'a\u2028From b\n'], // not a line break in mbox: left as written
  ])('quoteFromLines(%j)', (input, expected) => expect(quoteFromLines(input)).toBe(expected));

  it('asctime pads the day like ctime(3)', () => {
    expect(asctime(new Date('2026-07-08T09:00:00Z'))).toBe('Wed Jul  8 09:00:00 2026');
    expect(asctime(new Date('2026-12-25T23:59:59Z'))).toBe('Fri Dec 25 23:59:59 2026');
  });

  it('escapes U+2028 and U+2029 in JSON lines', () => {
    expect(toJsonLine({ t: 'a\u2028b\u2029c' })).toBe('{"t":"a\\u2028b\\u2029c"}');
  });
});
