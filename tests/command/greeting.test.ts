import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const ROWS = [
  ['a@example.com', "JAMES O'NEILL", '', ''],
  ['b@example.com', 'Smith & Sons Catering Ltd', '', ''],
  ['c@example.com', '#1042', '', ''],
  ['d@example.com', 'Dr María José García-López', '', ''],
  ['e@example.com', 'zoë müller', '', ''],
  ['f@example.com', 'J.', '', ''],
  ['g@example.com', 'Pat Okafor', 'Mrs', 'Okafor'],
];

/** The greeting line of each message, in file order. */
async function greetings(extra: string[]): Promise<string[]> {
  const dir = tempDir();
  const csv = join(dir, 'people.csv');
  writeFileSync(csv, `email,name,salutation,last_name\n${ROWS.map((r) => r.join(',')).join('\n')}\n`);
  const r = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'ndjson', ...extra]);
  expect(r.code).toBe(0);
  return r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text.split('\n')[0]!);
}

describe('the greeting fits the name (every built-in template, every format through the context)', () => {
  it('casual letters: first given name in its usual capitals; organisations, order numbers and initials get "Hello,"', async () => {
    expect(await greetings([])).toEqual(['Hi James,', 'Hello,', 'Hello,', 'Hi María José,', 'Hi Zoë,', 'Hello,', 'Hi Pat,']);
  });

  it('formal letters (critical): title and family name, else the full name', async () => {
    expect(await greetings(['--severity', 'critical'])).toEqual([
      "Dear James O'Neill,",
      'Hello,',
      'Hello,',
      'Dear Dr García-López,',
      'Dear Zoë Müller,',
      'Hello,',
      'Dear Mrs Okafor,',
    ]);
  });

  it('a business audience is formal too', async () => {
    expect((await greetings(['--audience', 'business']))[3]).toBe('Dear Dr García-López,');
  });
});
