// batch --smtp from the real bin, killed (SIGKILL) or interrupted (SIGINT) mid-run, into a real
// (slow) SMTP server on 127.0.0.1; then resumed with the same journal. Nobody gets two messages;
// at most the hand-offs in flight are in doubt; every delivered message parses back to what
// --format eml writes. Everything else about --smtp: tests/command/smtp.test.ts.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { cli, summaryLine } from '../helpers/cli.js';
import { BIN, ROOT, tempDir, testEnv } from '../helpers/run.js';
import { countsByRecipient, customersCsv, useSmtpServer } from '../helpers/smtp.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const smtp = useSmtpServer({ dataDelayMs: 60 });
const N = 30;
const CONCURRENCY = 3;

function journalEvents(path: string) {
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; to: string; messageId: string })
    .filter((e) => e.event !== 'campaign' && e.event !== 'facts');
}

describe('a --smtp run killed or interrupted, then resumed', () => {
  it.each([
    ['SIGKILL', 1],
    ['SIGKILL', 10],
    ['SIGINT', 5],
  ] as const)('%s once %i messages arrived', async (signal, arrived) => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), N, 'k', true);
    const journal = join(tempDir(), 'j');
    const args = (concurrency: number) => ['batch', csv, '--incident', INCIDENT, '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--concurrency', String(concurrency), '--journal', journal];
    const child = spawn(process.execPath, [BIN, ...args(CONCURRENCY)], { env: testEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let waited = 0; smtp.received.length < arrived && waited < 30_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    child.kill(signal);
    const code = await new Promise((r) => child.on('close', (c, s) => r(c ?? s)));
    if (signal === 'SIGINT') {
      // no new hand-offs; the ones in flight finish; summary; exit 130; nothing left in doubt
      expect(code).toBe(130);
      expect(summaryLine(stderr)).toMatch(/^apologize: interrupted: /);
      expect(summaryLine(stderr)).not.toMatch(/ in doubt/);
      const events = journalEvents(journal);
      const settled = new Set(events.filter((e) => e.event !== 'sending').map((e) => e.messageId));
      expect(events.filter((e) => e.event === 'sending').every((e) => settled.has(e.messageId))).toBe(true);
      expect(smtp.received.length).toBe(settled.size);
    } else {
      expect(code).toBe('SIGKILL');
    }
    expect(smtp.received.length).toBeGreaterThanOrEqual(arrived);
    expect(smtp.received.length).toBeLessThan(N);

    const rerun = await cli(args(10));
    const doubt = /were being handed over .*: (.+)$/m.exec(rerun.stderr)?.[1]?.split(', ') ?? [];
    expect(doubt.length).toBeLessThanOrEqual(CONCURRENCY); // at most the hand-offs in flight
    if (signal === 'SIGINT') expect(doubt).toEqual([]);
    expect(rerun.code).toBe(doubt.length > 0 ? 1 : 0);
    const counts = countsByRecipient(smtp.received);
    expect([...counts.values()].every((n) => n === 1)).toBe(true); // no duplicates
    for (let i = 0; i < N; i++) expect(counts.has(`k${i}@example.com`) || doubt.includes(`k${i}@example.com`), `k${i}`).toBe(true);

    // every delivered message is what --format eml writes for that customer, and parses back
    const dir = join(tempDir(), 'eml');
    expect((await cli(['batch', csv, '--incident', INCIDENT, '--format', 'eml', '--out', dir])).code).toBe(0);
    const eml = new Map(readdirSync(dir).map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return [/^To: (?:.*<)?([^<>\s]+)>?$/m.exec(text)![1]!, text] as const;
    }));
    for (const m of smtp.received) {
      expect(m.raw).toBe(eml.get(m.to[0]!));
      const parsed = await simpleParser(m.raw);
      expect(parsed.text).toContain(`your order O-${m.to[0]!.slice(1, m.to[0]!.indexOf('@'))}`);
    }
  });
});
