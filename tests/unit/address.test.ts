import { describe, expect, it } from 'vitest';
import { parseMailbox } from '../../src/mail/address.js';
import { encodeDisplayName, formatMailbox } from '../../src/mail/encode.js';

describe('parseMailbox accepts one real address', () => {
  it.each([
    ['ana@example.com', '', 'ana@example.com'],
    ['Ana Ruiz <ana@example.com>', 'Ana Ruiz', 'ana@example.com'],
    ['"Ruiz, Ana" <ana@example.com>', 'Ruiz, Ana', 'ana@example.com'],
    ['"Say \\"hi\\"" <x@example.com>', 'Say "hi"', 'x@example.com'],
    ['Zoë Müller <zoe@example.com>', 'Zoë Müller', 'zoe@example.com'],
    ["Siobhán O'Brien <s.obrien+care@example.co.uk>", "Siobhán O'Brien", 's.obrien+care@example.co.uk'],
    ['<bare@example.com>', '', 'bare@example.com'],
  ])('%j', (input, name, address) => expect(parseMailbox(input)).toEqual({ name, address }));
});

describe('parseMailbox rejects anything that could mail someone else', () => {
  it.each([
    ['bob@x.com\r\nBcc: eve@y.com', /line break/],
    ['bob@x.com\nBcc: eve@y.com', /line break/],
    ['a@x.com, b@y.com', /more than one/],
    ['a@x.com;b@y.com', /more than one/],
    ['Eve <a@x.com>, <b@y.com>', /.+/],
    ['-oQ/tmp/x@example.com', /starts with "-"/],
    ['zero\u200bwidth@example.com', /zero-width/],
    ['Bidi \u202eevil <a@example.com>', /bidi/],
    ['no-at-sign', /not an address/],
    ['a@', /not an address/],
    ['a@localhost', /domain/],
    [`${'x'.repeat(250)}@example.com`, /254/],
    ['', /empty/],
    ['Name <a@x.com', /unbalanced/],
  ])('%j', (input, reason) => {
    const result = parseMailbox(input);
    expect('error' in result).toBe(true);
    expect((result as { error: string }).error).toMatch(reason);
  });
});

describe('display names are encoded, addresses never', () => {
  it.each([
    ['Ana Ruiz', 'Ana Ruiz'],
    ['Smith & Sons', 'Smith & Sons'],
    ['Ruiz, Ana', '"Ruiz, Ana"'],
    ['Say "hi"', '"Say \\"hi\\""'],
    ['A. Person', '"A. Person"'],
  ])('%j → %j', (name, encoded) => expect(encodeDisplayName(name)).toBe(encoded));

  it('non-ASCII names become encoded-words and the address stays bare', () => {
    const header = formatMailbox({ name: 'Zoë Müller', address: 'zoe@example.com' });
    expect(header).toMatch(/^=\?UTF-8\?Q\?.+\?= <zoe@example\.com>$/);
  });
});
