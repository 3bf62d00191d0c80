// spell16: a writer's typos and shorthand reach the letter corrected, and the writer is told on stderr which
// word in which field became what ("rootCause: 'sytem' read as 'system'"). In-process (tests/helpers/cli.ts).
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/run.js';

const NOW = '2026-12-02T09:00:00Z';
const fixture = (name: string) => `${ROOT}/tests/fixtures/incidents/spell16/${name}.yaml`;

describe('draft: typos corrected and told', () => {
  it('says the corrected words on stdout and names each correction on stderr', async () => {
    const r = await cli(['draft', '--incident', fixture('courier-mixup'), '--to', 'Ann Lee <ann@example.com>', '--format', 'text'], { env: { APOLOGIZE_NOW: NOW } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: rootCause: 'sytem' read as 'system'");
    expect(r.stderr).toContain("warning: rootCause: 'afected' read as 'affected'");
    expect(r.stderr).toContain("warning: action: 'adress' read as 'address'");
    expect(r.stdout).toContain('the labelling system affected about 200 parcels');
    expect(r.stdout).toContain('check the address on your order');
    expect(r.stdout).toMatch(/Christmas order[\s\S]*Black Friday[\s\S]*Christmas Eve/u);
    expect(r.stdout).toContain('your account with free delivery');
    for (const raw of [/\bsytem\b/u, /\bafected\b/u, /\badress\b/u, /\bxmas\b/iu, /\bacct\b/u, /\bb\/c\b/u, /\bpls\b/u]) expect(r.stdout).not.toMatch(raw);
    // Warnings are for the writer: stdout is the letter alone.
    expect(r.stdout).not.toContain('read as');
  });

  it('a quotation, a URL, a code and the names stay as typed', async () => {
    const r = await cli(['draft', '--incident', fixture('fluxo-app'), '--to', 'Ann Lee <ann@example.com>', '--format', 'text'], { env: { APOLOGIZE_NOW: NOW } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the "teh" button');
    expect(r.stdout).toContain('The Fluxo app');
    expect(r.stdout).toContain("New Year's Day");
    expect(r.stderr).toContain("warning: rootCause: 'seperate' read as 'separate'");
    expect(r.stderr).not.toMatch(/'teh' read as/u);
  });

  it('batch tells the writer once, whatever the number of letters', async () => {
    const csv = 'email,name\nann@example.com,Ann Lee\nbob@example.com,Bob Ray\ncat@example.com,Cat Moss\n';
    const r = await cli(['batch', '-', '--incident', fixture('clinic-appt'), '--format', 'ndjson'], { env: { APOLOGIZE_NOW: NOW }, input: csv });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/rootCause: 'sytem' read as 'system'/gu)).toHaveLength(1);
    const letters = r.stdout.trim().split('\n');
    expect(letters).toHaveLength(3);
    for (const l of letters) expect(l).toContain('the rota system only emailed');
  });
});
