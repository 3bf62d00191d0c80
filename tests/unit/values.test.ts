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
import { parseDelimiter } from '../../src/cli/options.js';
import { complete } from '../helpers/incident.js';


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
    [{ comitment: 'x' }, 'unknown field "comitment" — did you mean "commitment"?'],
    [JSON.parse('{"company": {"__proto__": {"from": "eve@evil.example"}}}'), 'unknown field "company.__proto__"'],
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
    // Top-level keys are checked as before.
    expect(errorOf(() => pickIncident({ rootcause: 'x' }, 'f'))).toContain('unknown field "rootcause" — did you mean "rootCause"?');
    expect(errorOf(() => pickIncident(JSON.parse('{"__proto__": {"mistake": "x"}}'), 'f'))).toContain('unknown field "__proto__"');
    expect(errorOf(() => pickIncident({ constructor: 'x' }, 'f'))).toContain('unknown field "constructor"');
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
  const verdict = (affected: string | number) => {
    try {
      return validateIncident({ ...complete, affected }).affected;
    } catch {
      return 'refused';
    }
  };
  it.each([
    ['"1e3", "0x10", "1,2,3" are not counts', ['1e3', '0x10', '1,2,3']],
    ['misplaced or mixed separators are refused', ['12,34', '1,000 000', '1,0000', '1.000']],
    ['signs and decimals are refused', ['+5', '5.']],
  ])('%s', (_what, values) => {
    expect(Object.fromEntries(values.map((v) => [v, verdict(v)]))).toEqual(Object.fromEntries(values.map((v) => [v, 'refused'])));
  });

  it('only digits and groups of three are read as numbers', () => {
    const table: [string | number, number | 'refused'][] = [
      ['13482', 13482], ['13,482', 13482], ['13 482', 13482], ['13\u202f482', 13482], ['1,234,567', 1234567], [' 12 ', 12], [13482, 13482],
      ['1e3', 'refused'], ['Infinity', 'refused'], ['', 'refused'], ['1_000_000x', 'refused'], ['٣', 'refused'],
    ];
    expect(table.map(([v]) => [v, verdict(v)])).toEqual(table);
  });
});

describe('address literals (RFC 5321 4.1.3)', () => {
  const table = [
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
  ] as const;
  it.each([
    ['IPv4 dotted quads', (l: string) => !l.includes('IPv6') && !l.includes('ipv6') && !l.includes('::')],
    ['IPv6 forms and malformed mixtures', (l: string) => l.includes('IPv6') || l.includes('ipv6') || l.includes('::')],
  ])('%s', (_what, pick) => {
    const rows = table.filter(([l]) => pick(l));
    expect(rows.map(([l]) => [l, addressLiteralOk(l)])).toEqual(rows);
    expect(rows.map(([l]) => [l, addressProblem(`care@${l}`) === null])).toEqual(rows);
  });
});

describe('display names', () => {
  const table = [
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
  ] as const;
  it('are capped at 256 characters counted as code points, allow ZWNJ and ZWJ, refuse bidi controls', () => {
    const verdicts = table.map(([what, name, problem]) => {
      const found = displayNameProblem(name);
      return [what, problem === null ? found === null : problem.test(found ?? ''), hasHeaderBreaker(name) === (problem !== null && !/longer/.test(String(problem)))];
    });
    expect(verdicts).toEqual(table.map(([what]) => [what, true, true]));
  });

  it('ZWNJ and ZWJ stay refused in addresses', () => {
    expect(addressProblem('ma\u200chdi@example.com')).toMatch(/zero-width/);
    expect(addressProblem('ana@exa\u200dmple.com')).toMatch(/zero-width/);
    expect(parseMailbox('مهدی\u200cزاده <mahdi@example.com>')).toEqual({ name: 'مهدی\u200cزاده', address: 'mahdi@example.com' });
  });
});

describe('address parsing is linear on padded input', () => {
  type Shape = [string, (n: number) => string, RegExp | null];
  const verdictAt = ([, make, problem]: Shape, n: number) => {
    const result = parseMailbox(make(n));
    return problem === null ? result : (result as { error?: string }).error?.match(problem)?.[0];
  };
  const want = ([, , problem]: Shape) => (problem === null ? { name: 'Ana', address: 'ana@example.com' } : problem.source);

  // The old pattern, ^(.*?)\s*<([^<>]*)>$, took time quadratic in the padding on these.
  const slow: Shape[] = [
    ['spaces before an unclosed <addr', (n) => `Ana${' '.repeat(n)}<ana@example.com`, /unbalanced/],
    ['tabs and spaces before <addr>x', (n) => `Ana\t${'\t '.repeat(n / 2)}<ana@example.com>x`, /unbalanced/],
    ['spaces then no address', (n) => `Ana${' '.repeat(n)}x`, /spaces in the address/],
    ['spaces after <addr>', (n) => `<ana@example.com>${' '.repeat(n)}x>`, /unbalanced/],
  ];
  it.each(slow)('%s: 100 kB and 1 MB give the verdict of the short form', (...shape) => {
    expect([10, 100_000, 1_000_000].map((n) => verdictAt(shape, n))).toEqual([want(shape), want(shape), want(shape)]);
  });

  it('other hostile shapes are judged alike at every size, and ordinary input reads as the old pattern read it', () => {
    const shapes: Shape[] = [
      slow[0]!,
      ['spaces before <addr>', (n) => `Ana${' '.repeat(n)}<ana@example.com>`, null],
      ['many <', (n) => '<'.repeat(n), /unbalanced/],
      ['many a<', (n) => `${'a<'.repeat(n / 2)}>`, /not in quotes/],
      ['long quoted name', (n) => `"${'a'.repeat(n)}" <a@example.com>`, /not closed|longer than 256/],
      ['unclosed quoted escapes', (n) => `"${'\\"'.repeat(n / 2)} <a@example.com>`, /not closed/],
      ['long dotted domain', (n) => `a@${'a.'.repeat(n / 2)}`, /254|domain/],
    ];
    for (const shape of shapes) {
      expect([shape[0], verdictAt(shape, 100_000)]).toEqual([shape[0], verdictAt(shape, 1_000_000)]);
    }
    const old = (value: string) => {
      const m = /^(.*?)\s*<([^<>]*)>$/s.exec(value.trim());
      if (!m) return /[<>]/.test(value) ? 'error' : { name: '', address: value.trim() };
      const name = m[1]!.trim();
      if (name.startsWith('"')) return /^"((?:[^"\\]|\\.)*)"$/s.test(name) ? { name: name.slice(1, -1).replace(/\\(.)/g, '$1'), address: m[2]!.trim() } : 'error';
      return /[<>",;@]/.test(name) ? 'error' : { name, address: m[2]!.trim() };
    };
    const ordinary = [
      'Ana Ruiz <ana@example.com>', '"Ruiz, Ana" <ana@example.com>', '"Say \\"hi\\"" <x@example.com>', '"a<b" <x@example.com>',
      '"x>" <x@example.com>', 'a<b <x@example.com>', '"open <x@example.com>', '"trailing \\" <x@example.com>', '<x@example.com',
      'x@example.com>', '  Ana   <ana@example.com>  ', 'ana@example.com',
    ];
    const mine = (v: string) => {
      const r = parseMailboxFully(v);
      return 'error' in r ? 'error' : r;
    };
    expect(ordinary.map(mine)).toEqual(ordinary.map(old));
  });
});

describe('Message-ID domain', () => {
  const table = [
    ['care@bücher.example', 'xn--bcher-kva.example'],
    ['care@MÜNCHEN.example', 'xn--mnchen-3ya.example'],
    ['care@Acme.Example', 'acme.example'],
    ['care@[192.0.2.1]', '[192.0.2.1]'],
  ] as const;
  it('is the From domain in ASCII (punycode for an IDN), or apologize.invalid with no From', () => {
    expect(table.map(([address]) => [address, messageIdDomain({ name: '', address })])).toEqual(table);
    expect(messageIdDomain(undefined)).toBe('apologize.invalid');
  });
});

describe('own-property lookups in column maps and options', () => {
  it.each([['constructor'], ['__proto__'], ['Constructor']])('a column named %s is refused as reserved; prototype-named columns that are not reserved are ordinary fields', (h) => {
    expect(errorOf(() => mapColumns(['email', h], new Map()))).toMatch(/reserved name/);
    expect(errorOf(() => mapColumns(['email', 'prototype'], new Map()))).toMatch(/reserved name/);
    for (const ordinary of ['toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']) {
      expect(mapColumns(['email', ordinary], new Map()).fields).toEqual(['email', ordinary.toLowerCase()]);
    }
  });
  it('--delimiter constructor (or __proto__, toString) is a usage error', () => {
    for (const d of ['constructor', '__proto__', 'toString']) expect(() => parseDelimiter(d)).toThrow(UsageError);
  });
});

describe('an unknown key is shown safely', () => {
  it('a 1 MB key or one with control characters is escaped and cut short in the message', () => {
    const long = errorOf(() => pickIncident({ company: { [`x${'y'.repeat(1_000_000)}`]: 1 } }, 'f'));
    expect(long.length).toBeLessThan(300);
    expect(long).toMatch(/^f: unknown field "company\.xyyy+…"/);
    expect(errorOf(() => pickIncident({ 'a\u001b[2Jb': 1 }, 'f'))).toContain('unknown field "a\\u001b[2Jb"');
  });
});
