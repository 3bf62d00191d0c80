import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messageIdDomain } from '../../src/compose/compose.js';
import { InputError, UsageError } from '../../src/errors.js';
import { checkKnownFields, fieldTree } from '../../src/incident/known.js';
import { mergeLayers, pickIncident } from '../../src/incident/load.js';
import { Incident, type IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { addressLiteralOk, addressProblem, displayNameProblem, hasHeaderBreaker, parseMailbox, parseMailboxFully } from '../../src/mail/address.js';
import { mapColumns } from '../../src/recipients/columns.js';
import { parseDelimiter } from '../../src/recipients/csv.js';

const complete: IncidentInput = {
  company: { name: 'Acme', from: 'Acme <care@acme.example>' },
  signer: { name: 'Dana Lee' },
  mistake: 'your order shipped late',
  affected: 12,
  rootCause: 'a scanner failed',
  commitment: 'we check the scanner daily',
};

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return `${(err as InputError).message} — ${(err as InputError).hint ?? ''}`;
  }
  return 'no error';
};

describe('unknown incident fields at any depth', () => {
  it.each([
    [{ remedy: { kind: 'credit', detail: '£10' } }, 'unknown field "remedy.detail" — did you mean "remedy.details"?'],
    [{ signer: { name: 'Dana', tilte: 'CEO' } }, 'unknown field "signer.tilte" — did you mean "signer.title"?'],
    [{ company: { name: 'Acme', reply_to: 'a@acme.example' } }, 'unknown field "company.reply_to" — did you mean "company.replyTo"?'],
    [{ company: { name: 'Acme', ReplyTo: 'a@acme.example' } }, 'unknown field "company.ReplyTo" — did you mean "company.replyTo"?'],
    [{ followUp: { afer: '2d' } }, 'unknown field "followUp.afer" — did you mean "followUp.after"?'],
    [{ company: { name: 'Acme', fax: '0800' } }, 'unknown field "company.fax" — known fields in company: name, from, replyTo, phone, email'],
    [{ rootcause: 'x' }, 'unknown field "rootcause" — did you mean "rootCause"?'],
    [{ comitment: 'x' }, 'unknown field "comitment" — did you mean "commitment"?'],
    [JSON.parse('{"__proto__": {"mistake": "x"}}'), 'unknown field "__proto__"'],
    [JSON.parse('{"company": {"__proto__": {"from": "eve@evil.example"}}}'), 'unknown field "company.__proto__"'],
    [{ constructor: 'x' }, 'unknown field "constructor"'],
    [{ signer: { name: 'Dana', toString: 'x' } }, 'unknown field "signer.toString"'],
  ])('%j', (data, message) => {
    expect(() => pickIncident(data as Record<string, unknown>, 'incident.yaml')).toThrow(InputError);
    expect(errorOf(() => pickIncident(data as Record<string, unknown>, 'incident.yaml'))).toContain(`incident.yaml: ${message}`);
  });

  it('keeps every known field, and values that are not objects are left to the schema', () => {
    const data = { ...complete, remedy: { kind: 'credit', details: 'x' }, followUp: { after: '2d' }, signer: 'Dana' };
    expect(pickIncident(data, 'f')).toEqual(data);
    expect(() => pickIncident({ templates: './t' }, 'config.yaml', ['templates'])).not.toThrow();
    expect(() => pickIncident({ company: { templates: './t' } }, 'config.yaml', ['templates'])).toThrow(/company\.templates/);
  });

  it('is read from the schema: a field added there (object, union, record) is known with no second list', () => {
    const extended = Incident.extend({
      people: z.union([z.string(), z.object({ one: z.string(), many: z.string() })]).optional(),
      exposure: z.object({ data: z.array(z.string()), regulator: z.string().optional() }).optional(),
      signer: z.object({ name: z.string(), title: z.string().optional(), team: z.boolean().optional() }),
      fields: z.record(z.string(), z.object({ mistake: z.string().optional() })).optional(),
    });
    const tree = fieldTree(extended)!;
    const ok = { people: { one: 'patient', many: 'patients' }, exposure: { data: ['email'] }, signer: { name: 'x', team: true }, fields: { de: { mistake: 'x' } } };
    expect(() => checkKnownFields(ok, tree, 'f')).not.toThrow();
    expect(errorOf(() => checkKnownFields({ people: { mny: 'x' } }, tree, 'f'))).toContain('"people.mny" — did you mean "people.many"?');
    expect(errorOf(() => checkKnownFields({ fields: { de: { mistke: 'x' } } }, tree, 'f'))).toContain('"fields.de.mistke" — did you mean "fields.de.mistake"?');
    expect(errorOf(() => checkKnownFields({ exposure: { regulatr: 'x' } }, tree, 'f'))).toContain('did you mean "exposure.regulator"?');
  });
});

describe('own properties only when merging layers', () => {
  it('a __proto__ or constructor key never changes an object prototype', () => {
    const evil = JSON.parse('{"company": {"__proto__": {"from": "eve@evil.example"}, "constructor": "x"}}') as IncidentInput;
    const merged = mergeLayers({ company: { name: 'Acme' } }, evil) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(merged.company)).toBe(Object.prototype);
    expect(merged.company!.from).toBeUndefined();
    expect(Object.keys(merged.company!)).toEqual(['name', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).from).toBeUndefined();
  });
});

describe('affected: digits, or digits in groups of three', () => {
  it.each([
    ['13482', 13482],
    ['13,482', 13482],
    ['13 482', 13482],
    ['13\u202f482', 13482],
    ['1,234,567', 1234567],
    [' 12 ', 12],
    [13482, 13482],
  ])('%j → %d', (affected, n) => expect(validateIncident({ ...complete, affected }).affected).toBe(n));

  it.each(['1e3', '0x10', '1,2,3', '12,34', '1.000', '1,000 000', '1,0000', '+5', '5.', 'Infinity', '', '1_000_000x', '٣'])('%j is refused', (affected) => {
    expect(() => validateIncident({ ...complete, affected })).toThrow(/affected must be a whole number|missing/);
  });
});

describe('address literals (RFC 5321 4.1.3)', () => {
  it.each([
    ['[192.0.2.1]', true],
    ['[0.0.0.0]', true],
    ['[255.255.255.255]', true],
    ['[IPv6:2001:db8::1]', true],
    ['[ipv6:2001:DB8:0:0:0:0:0:1]', true],
    ['[IPv6:::1]', true],
    ['[IPv6:::]', true],
    ['[IPv6:::ffff:192.0.2.1]', true],
    ['[IPv6:1:2:3:4:5:6:192.0.2.1]', true],
    ['[1.2.3.4.5.6:::]', false],
    ['[256.1.1.1]', false],
    ['[1.2.3]', false],
    ['[1.2.3.4.]', false],
    ['[::1]', false],
    ['[IPv6:1:2:3:4:5:6:7:8:9]', false],
    ['[IPv6:1:2:3:4:5:6:7]', false],
    ['[IPv6:1::2::3]', false],
    ['[IPv6:1:2:3:4:5:6:7::]', false],
    ['[IPv6:12345::1]', false],
    ['[IPv6:1.2.3.4::1]', false],
    ['[IPv6:fe80::1%eth0]', false],
    ['[tag:content]', false],
    ['[]', false],
  ])('%s → %s', (literal, ok) => {
    expect(addressLiteralOk(literal)).toBe(ok);
    expect(addressProblem(`care@${literal}`) === null).toBe(ok);
  });
});

describe('display names', () => {
  it.each([
    ['200 emoji (400 UTF-16 units, 200 characters)', '😀'.repeat(200), null],
    ['256 emoji', '😀'.repeat(256), null],
    ['257 emoji', '😀'.repeat(257), /longer than 256/],
    ['257 letters', 'a'.repeat(257), /longer than 256/],
    ['Persian name with ZWNJ', 'مهدی\u200cزاده', null],
    ['Devanagari with ZWJ', 'क्\u200dष', null],
    ['emoji ZWJ sequence', 'Ana 👩\u200d💻', null],
    ['right-to-left override', 'Eve\u202eevil', /bidi/],
    ['left-to-right isolate', 'Eve\u2066x', /bidi/],
    ['zero-width space', 'Eve\u200bx', /zero-width/],
    ['right-to-left mark', 'Eve\u200fx', /bidi/],
  ])('%s', (_what, name, problem) => {
    const found = displayNameProblem(name);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
    expect(hasHeaderBreaker(name)).toBe(problem !== null && !/longer/.test(String(problem)));
  });

  it('ZWNJ and ZWJ stay refused in addresses', () => {
    expect(addressProblem('ma\u200chdi@example.com')).toMatch(/zero-width/);
    expect(addressProblem('ana@exa\u200dmple.com')).toMatch(/zero-width/);
    expect(parseMailbox('مهدی\u200cزاده <mahdi@example.com>')).toEqual({ name: 'مهدی\u200cزاده', address: 'mahdi@example.com' });
  });
});

describe('address parsing is linear on padded input', () => {
  const shapes: [string, (n: number) => string, RegExp | null][] = [
    ['spaces before <addr>', (n) => `Ana${' '.repeat(n)}<ana@example.com>`, null],
    ['spaces then no address', (n) => `Ana${' '.repeat(n)}x`, /spaces in the address/],
    ['spaces after <addr>', (n) => `<ana@example.com>${' '.repeat(n)}x>`, /unbalanced/],
    ['many <', (n) => '<'.repeat(n), /unbalanced/],
    ['many a<', (n) => `${'a<'.repeat(n / 2)}>`, /not in quotes/],
    ['long quoted name', (n) => `"${'a'.repeat(n)}" <a@example.com>`, /longer than 256/],
    ['unclosed quoted escapes', (n) => `"${'\\"'.repeat(n / 2)} <a@example.com>`, /not closed/],
    ['tab padding', (n) => `Ana\t${'\t '.repeat(n / 2)}<ana@example.com>`, null],
    ['long dotted domain', (n) => `a@${'a.'.repeat(n / 2)}`, /254/],
  ];
  it.each(shapes)('%s: 100 kB and 1 MB give the same verdict', (_what, make, problem) => {
    for (const n of [100_000, 1_000_000]) {
      const result = parseMailbox(make(n));
      if (problem === null) expect(result).toEqual({ name: 'Ana', address: 'ana@example.com' });
      else expect((result as { error: string }).error).toMatch(problem);
    }
  });

  it.each([
    ['Ana Ruiz <ana@example.com>'],
    ['"Ruiz, Ana" <ana@example.com>'],
    ['"Say \\"hi\\"" <x@example.com>'],
    ['"a<b" <x@example.com>'],
    ['"x>" <x@example.com>'],
    ['a<b <x@example.com>'],
    ['"open <x@example.com>'],
    ['"trailing \\" <x@example.com>'],
    ['<x@example.com'],
    ['x@example.com>'],
  ])('%j reads as before', (input) => {
    // The old pattern, on short inputs only: what it gave is what the scanner gives.
    const old = (value: string) => {
      const m = /^(.*?)\s*<([^<>]*)>$/s.exec(value.trim());
      if (!m) return /[<>]/.test(value) ? 'unbalanced' : value.trim();
      const name = m[1]!.trim();
      if (name.startsWith('"')) return /^"((?:[^"\\]|\\.)*)"$/s.test(name) ? [name.slice(1, -1).replace(/\\(.)/g, '$1'), m[2]!.trim()] : 'not closed';
      return /[<>",;@]/.test(name) ? 'not in quotes' : [name, m[2]!.trim()];
    };
    const want = old(input);
    const got = parseMailboxFully(input);
    if (Array.isArray(want)) expect(got).toEqual({ name: want[0], address: want[1] });
    else expect('error' in got).toBe(true);
  });
});

describe('Message-ID domain', () => {
  it.each([
    ['care@bücher.example', 'xn--bcher-kva.example'],
    ['care@MÜNCHEN.example', 'xn--mnchen-3ya.example'],
    ['care@Acme.Example', 'acme.example'],
    ['care@[192.0.2.1]', '[192.0.2.1]'],
  ])('%s → %s', (address, domain) => {
    expect(messageIdDomain({ name: '', address })).toBe(domain);
    expect(messageIdDomain({ name: '', address })).toMatch(/^[\x21-\x7e]+$/);
  });
  it('no From gives the reserved .invalid domain', () => expect(messageIdDomain(undefined)).toBe('apologize.invalid'));
});

describe('own-property lookups in column maps and options', () => {
  it.each([['constructor'], ['__proto__'], ['Constructor'], ['prototype']])('a column named %s is refused as reserved', (h) => {
    expect(() => mapColumns(['email', h], new Map())).toThrow(UsageError);
    expect(errorOf(() => mapColumns(['email', h], new Map()))).toMatch(/reserved name/);
  });
  it.each([['toString'], ['valueOf'], ['hasOwnProperty'], ['__defineGetter__']])('a column named %s is an ordinary field', (h) => {
    const cols = mapColumns(['email', h], new Map());
    expect(cols.fields).toEqual(['email', h.toLowerCase()]);
  });
  it.each([['constructor'], ['__proto__'], ['toString']])('--delimiter %s is a usage error', (d) => {
    expect(() => parseDelimiter(d)).toThrow(UsageError);
  });
});
