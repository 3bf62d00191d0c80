// validateIncident parses with zod's `jitless` (no parser generated with new Function: that
// code is compiled on every run and no code cache holds it). The answer must be zod's own,
// for valid incidents and broken ones alike: the same data, the same issues.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/fc-seed.js';
import { Incident } from '../../src/incident/schema.js';
import { ROOT } from '../helpers/run.js';
import YAML from 'yaml';

const DIR = join(ROOT, 'tests/fixtures/incidents');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => YAML.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>);
fixtures.push(YAML.parse(readFileSync(join(ROOT, 'examples/incident.yaml'), 'utf8')) as Record<string, unknown>);

const same = (input: unknown) => {
  const jit = Incident.safeParse(input);
  const jitless = Incident.safeParse(input, { jitless: true });
  expect(jitless.success).toBe(jit.success);
  if (jit.success) expect(JSON.stringify(jitless.data)).toBe(JSON.stringify(jit.data));
  else expect(jitless.error!.issues).toEqual(jit.error!.issues);
};

/** A value of any kind a YAML or JSON file can hold, for a field. */
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }));

describe('the incident schema without generated code', () => {
  it('gives what zod gives for every fixture', () => {
    expect(fixtures.length).toBeGreaterThan(5);
    for (const f of fixtures) same(f);
  });

  it('gives what zod gives for fixtures with fields changed, removed or added, at the top and one level down', () => {
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.array(fc.tuple(fc.nat(40), fc.option(fc.nat(10)), fc.option(anyValue, { nil: undefined })), { maxLength: 4 }), (pick, edits) => {
        const incident = structuredClone(fixtures[pick]!);
        for (const [top, inner, value] of edits) {
          const keys = Object.keys(incident);
          const key = keys[top % (keys.length + 1)] ?? `extra${top}`;
          const field = incident[key];
          if (inner !== null && field && typeof field === 'object' && !Array.isArray(field)) {
            const innerKeys = Object.keys(field);
            const k = innerKeys[inner % (innerKeys.length + 1)] ?? `extra${inner}`;
            if (value === undefined) delete (field as Record<string, unknown>)[k];
            else (field as Record<string, unknown>)[k] = value;
          } else if (value === undefined) delete incident[key];
          else incident[key] = value;
        }
        same(incident);
      }),
      { numRuns: 300 },
    );
  });
});
