// The plainest YAML is read without the YAML library (start-up): whatever the quick reader
// returns must be exactly what the library returns for the same text (values, types, key order),
// and whatever it cannot read the same way it leaves to the library (undefined).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import '../helpers/fc-seed.js';
import { parseSimpleYaml } from '../../src/incident/simple-yaml.js';

function library(text: string): { ok: boolean; value: unknown } {
  const doc = parseDocument(text, { logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { ok: false, value: undefined };
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

/** Same values and the same key order at every depth. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return Number.isNaN(value) ? 'NaN' : value;
  return Object.entries(value).map(([k, v]) => [k, shape(v)]);
}

function agrees(text: string): void {
  const quick = parseSimpleYaml(text);
  if (quick === undefined) return;
  const lib = library(text);
  expect(lib.ok, text).toBe(true);
  expect(shape(quick), text).toEqual(shape(lib.value));
}

const KEYS = ['a', 'name', 'company', 'followUp', 'e-mail', 'x_1', 'true', 'Null', 'yes', 'on', 'constructor', 'toString', 'key'];
const VALUES = [
  'plain text', 'Pemberton & Daughters <care@x.example>', '0800 555 0142', '13482', '0800', '007', '3d', '-5', '+5', '1.5', '1e3', '.5', '0x1F', '0o17',
  '.inf', '-.Inf', '.nan', '~', 'null', 'NULL', 'nUll', 'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', 'off',
  "'quoted'", "'it''s'", "'a'b'", '"double"', '"with # hash"', '"esc\\n"', '"a"b"', "''", '""', "'", '"',
  'a # comment', 'a#b', 'a: b', 'a:b', 'ends:', 'http://x.example/a?b=1', '[a, b]', '{a: 1}', 'a [b] {c}', '- item', '-item', '? q', ': c',
  '&anchor v', '*alias', '!!str 5', '!tag v', '|', '>', '%x', '@x', '`x', 'x, y', 'Zoë Müller', '13\u00a0482', 'a\u00a0', 'tab\there', '£10 credit',
  '99999999999999999999', '1_000', '12:30', '2026-07-01', '0.', 'a  b', 'ok ',
];

const line = fc.record({
  indent: fc.constantFrom(0, 0, 0, 2, 2, 4, 1, 3),
  key: fc.constantFrom(...KEYS),
  value: fc.option(fc.constantFrom(...VALUES), { nil: undefined, freq: 4 }),
  extra: fc.constantFrom('', '', '', '', '  # note', '\n', '\n# c', '\n   ', '\n  continued', ' ', '\r'),
});

describe('the quick YAML reader', () => {
  it('reads what the library reads, the same way, or leaves it to the library', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const text = lines.map((l) => `${' '.repeat(l.indent)}${l.key}:${l.value === undefined ? '' : ` ${l.value}`}${l.extra}`).join('\n');
        agrees(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes every incident file the project ships (and leaves a list to the library)', () => {
    const files = [
      'examples/incident.yaml',
      ...readdirSync('tests/fixtures/incidents').filter((f) => f.endsWith('.yaml')).map((f) => join('tests/fixtures/incidents', f)),
    ];
    let quick = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      agrees(text);
      if (parseSimpleYaml(text) !== undefined) quick++;
    }
    expect(parseSimpleYaml(readFileSync('examples/incident.yaml', 'utf8'))).toBeDefined();
    expect(quick).toBeGreaterThan(0);
    expect(parseSimpleYaml('exposure:\n  data:\n    - email\n')).toBeUndefined();
  });

  it('is exact on the edge cases a hand-written reader gets wrong', () => {
    for (const text of [
      'a: 0800', 'a: 0800 555', 'a:\nb: 1', 'a:\n  b:\n  c: x\nd: 1', 'a:\n    b: 1\n  c: 2', 'a: 1\na: 2', 'a: x\n  b: 1', 'a: x\n  more text',
      'a: 13\u00a0482\u00a0', "a: 'x' # c", 'a: "x" y', '# only a comment', '', '---\na: 1', 'a: 1\r\nb: 2\r\n', 'a: 1 ', ' a: 1', 'a:   spaced   ',
    ]) agrees(text);
    expect(parseSimpleYaml('a: 0800\nb: 0800 555 0142\nc: 3d\nd: ~')).toEqual({ a: 800, b: '0800 555 0142', c: '3d', d: null });
  });
});
