import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../src/incident/schema.js';
import { ROOT, pythonParse, pythonParseText, runBin, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const ORDERS = join(ROOT, 'examples/orders.csv');

describe('follow-ups thread under the apology', () => {
  it.each(BUILTIN_SCENARIOS)('%s has a follow-up with Re: subject, In-Reply-To and References', async (scenario) => {
    const base = ['draft', '--no-input', '--no-check', '--incident', INCIDENT, '--scenario', scenario, '--to', 'Zoë Müller <zoe@example.com>', '--humour', 'off'];
    const apology = pythonParseText((await runBin(base)).stdout);
    const r = await runBin([...base, '--stage', 'followup']);
    expect(r.code).toBe(0);
    const followup = pythonParseText(r.stdout);
    expect(followup.defects).toEqual([]);
    expect(followup.subject).toBe(`Re: ${apology.subject}`);
    expect(followup.headers['In-Reply-To']).toEqual([apology.messageId]);
    expect(followup.headers.References).toEqual([apology.messageId]);
    expect(followup.messageId).not.toBe(apology.messageId);
    expect(followup.text).toContain('Hi Zoë,');
    expect(followup.text).toMatch(/The change we promised is in place/);
  });

  it('batch --stage followup --only-sent writes only to customers whose apology was sent', async () => {
    const dir = tempDir();
    const journal = join(dir, 'sent.journal');
    const first = await runBin(['batch', ORDERS, '--incident', INCIDENT, '--exec', 'case "$APOLOGIZE_TO" in liam@*) exit 1;; esac; cat >/dev/null', '--journal', journal]);
    expect(first.code).toBe(1);
    const r = await runBin(['batch', ORDERS, '--incident', INCIDENT, '--stage', 'followup', '--only-sent', journal, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const msgs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { key: string; subject: string; headers: Record<string, string> });
    expect(msgs.map((m) => m.key)).not.toContain('liam@example.com');
    expect(msgs).toHaveLength(5);
    expect(msgs[0]!.subject).toMatch(/^Re: /);
    expect(msgs[0]!.headers['In-Reply-To']).toMatch(/^<apology\./);
    expect(r.stderr).toMatch(/1 skipped \(1 never sent the apology\)/);
    expect((await runBin(['batch', ORDERS, '--incident', INCIDENT, '--only-sent', journal])).code).toBe(2);
  });
});

describe('apologize brief', () => {
  it('gives the support team the facts, the promise, their discretion, the humour and the follow-up date', async () => {
    const r = await runBin(['brief', '--incident', INCIDENT]);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^# Support brief: Pemberton & Daughters Tea Co\., incident [0-9a-f]{12}\n/);
    for (const heading of ['## What happened', '## What we promised', '## What you may offer on your own', '## The humour promise']) expect(md).toContain(heading);
    expect(md).toContain('**Customers affected:** 13,482');
    expect(md).toContain('every label run is now checked');
    expect(md).toContain('> Subject: Your Pemberton & Daughters Tea Co. order is running late');
    expect(md).toContain('due Saturday, 11 July 2026 (3d after sending)');
    expect(md).toMatch(/sea shanty/);
    expect(md).toMatch(/If the credit is missing/);
  });

  it('says no humour for a critical incident, and counts customers notified from the journal', async () => {
    const dir = tempDir();
    const journal = join(dir, 'j');
    await runBin(['batch', ORDERS, '--incident', INCIDENT, '--severity', 'critical', '--exec', 'cat > /dev/null', '--journal', journal]);
    const r = await runBin(['brief', '--incident', INCIDENT, '--severity', 'critical', '--journal', journal]);
    expect(r.stdout).toContain('No humour was used (severity critical)');
    expect(r.stdout).toContain('## Customers notified\n\n6 sent, 0 failed, 0 in doubt');
    expect(r.stdout).toMatch(/call back within one working day/);
  });
});

describe('--html: a multipart/alternative with an escaped HTML part', () => {
  it('has a text part identical to the plain message and an HTML part with values escaped there only', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, 'email,first_name,order_id\ntom@example.com,Tom & <b>Jerry</b>,"A-1 <script>"\ntom@example.com,Tom & <b>Jerry</b>,A-2\n');
    const plain = await runBin(['batch', csv, '--incident', INCIDENT, '--format', 'ndjson']);
    const html = await runBin(['batch', csv, '--incident', INCIDENT, '--html']);
    expect(html.code).toBe(0);
    const parsed = await simpleParser(html.stdout.replace(/^From .*\n/, ''));
    expect(parsed.text).toBe((JSON.parse(plain.stdout) as { text: string }).text);
    expect(parsed.text).toContain('Order A-1 <script>');
    expect(parsed.text).toContain('Hi Tom & <b>Jerry</b>,');
    expect(parsed.html).toContain('Hi Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;,');
    expect(parsed.html).toContain('Order A-1 &lt;script&gt;');
    expect(parsed.html).not.toContain('<script>');
    expect(parsed.html).toMatch(/<li style="[^"]+">Order A-2<\/li>/);
    const [py] = pythonParse([(() => { const f = join(dir, 'h.mbox'); writeFileSync(f, html.stdout); return f; })()], true);
    expect(py!.contentType).toBe('multipart/alternative');
    expect(py!.defects).toEqual([]);
    expect(py!.text).toBe(parsed.text);
  });

  it('renders in headless Chromium (screenshot and DOM)', async () => {
    const dir = tempDir();
    const r = await runBin(['draft', '--no-input', '--no-check', '--incident', INCIDENT, '--to', 'Zoë Müller <zoe@example.com>', '--html']);
    const parsed = await simpleParser(r.stdout);
    const page = join(dir, 'm.html');
    writeFileSync(page, String(parsed.html));
    const chromium = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'chromium';
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`];
    const shot = join(dir, 'shot.png');
    const s = spawnSync(chromium, [...flags, `--screenshot=${shot}`, '--window-size=800,1400', `file://${page}`], { encoding: 'utf8', timeout: 60_000 });
    expect(s.error).toBeUndefined();
    expect(existsSync(shot)).toBe(true);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(20_000); // a page of text, not a blank
    const dom = spawnSync(chromium, [...flags, '--dump-dom', `file://${page}`], { encoding: 'utf8', timeout: 60_000 });
    expect(dom.stdout).toContain('Hi Zoë,');
    expect(dom.stdout).toContain('Margot Pemberton<br>Co-founder, Pemberton &amp; Daughters Tea Co.');
  });
});
