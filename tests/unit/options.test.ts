// The flag parsers and the format table (src/cli/options.ts): one place, read by commander, draft and batch.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMAT, FORMATS, formatsOf, parseFormat, parseStage } from '../../src/cli/options.js';
import { UsageError } from '../../src/errors.js';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/run.js';

const INCIDENT = `${ROOT}/examples/incident.yaml`;

describe('one table of output formats', () => {
  it.each([
    ['batch', ['mbox', 'eml', 'ndjson', 'text', 'postmark', 'resend', 'ses']],
    ['draft', ['eml', 'text', 'json']],
  ] as const)('%s writes %j, and commander offers exactly those', async (command, formats) => {
    expect(formatsOf(command)).toEqual(formats);
    const args = command === 'batch' ? ['batch', 'examples/orders.csv', '--incident', INCIDENT] : ['draft', '--incident', INCIDENT, '--no-input'];
    const r = await cli([...args, '--format', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`apologize: option '--format <format>' argument 'nope' is invalid. Allowed choices are ${formats.join(', ')}. — see apologize --help\n`);
    expect(r.stdout).toBe('');
  });

  it('the core checks read the same table (a format commander let through is still refused when another command owns it)', () => {
    expect(parseFormat(undefined, 'batch')).toBe(DEFAULT_FORMAT.batch);
    expect(parseFormat(undefined, 'draft')).toBe(DEFAULT_FORMAT.draft);
    for (const name of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
      for (const command of ['batch', 'draft'] as const) {
        if (FORMATS[name][command]) expect(parseFormat(name, command as 'batch')).toBe(name);
        else expect(() => parseFormat(name, command as 'batch')).toThrow(UsageError);
      }
    }
  });
});

describe('--stage is parsed one way everywhere', () => {
  it.each([[undefined, 'apology'], ['apology', 'apology'], ['followup', 'followup'], ['follow-up', 'followup']] as const)('%j → %s', (value, stage) => {
    expect(parseStage(value)).toBe(stage);
  });

  it('templates show refuses an unknown stage instead of showing the apology', async () => {
    const r = await cli(['templates', 'show', 'wrong-item', '--stage', 'folowup']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('apologize: unknown stage "folowup" — use --stage apology or --stage followup\n');
    const f = await cli(['templates', 'show', 'wrong-item', '--stage', 'follow-up']);
    expect(f.code).toBe(0);
    expect(f.stdout).toBe((await cli(['templates', 'show', 'wrong-item', '--stage', 'followup'])).stdout);
  });
});
