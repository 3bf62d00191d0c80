// apologize brief, in-process (tests/helpers/cli.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const ORDERS = join(ROOT, 'examples/orders.csv');

describe('apologize brief', () => {
  it('gives the support team the facts, the promise, their discretion, the humour and the follow-up date', async () => {
    const r = await cli(['brief', '--incident', INCIDENT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const md = r.stdout;
    expect(md).toMatch(/^# Support brief: Pemberton & Daughters Tea Co\., incident [0-9a-f]{12}\n/);
    for (const heading of ['## What happened', '## What we promised', '## What you may offer on your own', '## The humour promise']) expect(md).toContain(`\n${heading}\n`);
    expect(md).toContain('**Customers affected:** 13,482');
    expect(md).toContain('every label run is now checked');
    expect(md).toContain("> Subject: We're sorry about the delay to your order from Pemberton & Daughters Tea Co");
    expect(md).toContain('due Saturday 11 July (3d after sending)');
    expect(md).toMatch(/having words with ourselves/);
    expect(md).toMatch(/If the credit is missing/);
  });

  it('promises no humour line a sensitive incident leaves out of the letter (grief, health, a wedding)', async () => {
    const r = await cli(['brief', '--incident', INCIDENT, '--severity', 'minor', '--mistake', 'we sent a birthday bouquet instead of the sympathy wreath you chose']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/having words with ourselves|scenic route|Each customer got one of these lines/);
    expect(r.stdout).toContain('No humour was used (it touches health, grief or a once-in-a-lifetime day)');
  });

  it('says no humour for a critical incident, and counts customers notified from the journal', async () => {
    const dir = tempDir();
    const journal = join(dir, 'j');
    const sent = await cli(['batch', ORDERS, '--incident', INCIDENT, '--severity', 'critical', '--exec', 'cat > /dev/null', '--journal', journal]);
    expect(sent.code).toBe(0);
    const r = await cli(['brief', '--incident', INCIDENT, '--severity', 'critical', '--journal', journal]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No humour was used (severity critical)');
    expect(r.stdout).toContain('\n## Customers notified\n\n6 sent, 0 failed, 0 in doubt');
    expect(r.stdout).toMatch(/call back within one working day/);
  });
});
