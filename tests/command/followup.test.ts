// Follow-ups, in-process (tests/helpers/cli.ts): threaded under the apology, and only to those
// whose apology was sent.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../src/incident/schema.js';
import { cli, lines, ndjson, summaryLine } from '../helpers/cli.js';
import { ROOT, pythonParseText, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const ORDERS = join(ROOT, 'examples/orders.csv');

describe('follow-ups thread under the apology', () => {
  it.each(BUILTIN_SCENARIOS)('%s has a follow-up with Re: subject, In-Reply-To and References', async (scenario) => {
    const base = ['draft', '--no-input', '--no-check', '--incident', INCIDENT, '--scenario', scenario, '--to', 'Zoë Müller <zoe@example.com>', '--humour', 'off'];
    const first = await cli(base);
    expect(first.code).toBe(0);
    const apology = pythonParseText(first.stdout);
    const r = await cli([...base, '--stage', 'followup']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const followup = pythonParseText(r.stdout);
    expect(followup.defects).toEqual([]);
    expect(followup.subject).toBe(`Re: ${apology.subject}`);
    expect(followup.headers['In-Reply-To']).toEqual([apology.messageId]);
    expect(followup.headers.References).toEqual([apology.messageId]);
    expect(followup.messageId).not.toBe(apology.messageId);
    expect(followup.text).toContain('Hi Zoë,');
    // The change is reported once, as it stands; the refund is not offered again with its clock restarted.
    expect(followup.text).toMatch(/second person|checks? every|now /i);
    expect(followup.text).not.toMatch(/by the time you expect it|is done, and it is how we work now|The fault was ours, so/);
  });

  it('batch --stage followup --only-sent writes only to customers whose apology was sent', async () => {
    const dir = tempDir();
    const journal = join(dir, 'sent.journal');
    const cmd = 'case "$APOLOGIZE_TO" in liam@*) exit 1;; esac; cat >/dev/null';
    const first = await cli(['batch', ORDERS, '--incident', INCIDENT, '--exec', cmd, '--journal', journal]);
    expect(first.code).toBe(1);
    expect(lines(first.stderr)[0]).toBe('apologize: sending to liam@example.com failed: exit 1');
    expect(summaryLine(first.stderr)).toBe(`apologize: 7 rows read, 6 messages (7 rows, 1 grouped into them), 0 rejected, 1 failed → \`${cmd}\``);
    const r = await cli(['batch', ORDERS, '--incident', INCIDENT, '--stage', 'followup', '--only-sent', journal, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const msgs = ndjson<{ key: string; subject: string; headers: Record<string, string> }>(r.stdout);
    expect(msgs.map((m) => m.key)).toEqual(['zoe.muller@example.com', 'orders@smithandsons.example', 'jose@example.com', 'priya.n@example.com', 'no-name@example.com']);
    expect(msgs[0]!.subject).toMatch(/^Re: /);
    expect(msgs[0]!.headers['In-Reply-To']).toMatch(/^<apology\./);
    expect(summaryLine(r.stderr)).toBe('apologize: 7 rows read, 5 messages (6 rows, 1 grouped into them), 0 rejected, 1 skipped (1 never sent the apology) → stdout');
    const wrongStage = await cli(['batch', ORDERS, '--incident', INCIDENT, '--only-sent', journal]);
    expect(wrongStage.code).toBe(2);
    expect(wrongStage.stdout).toBe('');
    expect(wrongStage.stderr).toBe("apologize: --only-sent picks follow-up recipients from the apology run's journal — add --stage followup\n");
  });
});
