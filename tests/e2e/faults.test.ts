// Runs killed (SIGKILL) or interrupted (SIGINT) mid-run, with a journal, handing messages to
// msmtp and a real SMTP server; then re-run (in-process, tests/helpers/cli.ts). Nobody is handed
// two messages; everyone is delivered or reported in doubt by address. Faults that need no
// signal: tests/command/faults.test.ts and exec.test.ts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, summaryLine } from '../helpers/cli.js';
import { BIN, ROOT, tempDir, testEnv } from '../helpers/run.js';
import { countsByRecipient, customersCsv, msmtpCommand, useSmtpServer } from '../helpers/smtp.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const smtp = useSmtpServer();
const N = 30;

function journalEvents(path: string) {
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; to: string; messageId: string })
    .filter((e) => e.event !== 'campaign' && e.event !== 'facts'); // the campaign's own lines
}

describe('a run killed or interrupted during --exec, then re-run', () => {
  it.each([
    ['SIGKILL', 1],
    ['SIGKILL', 9],
    ['SIGINT', 4],
  ] as const)('%s once %i messages arrived', async (signal, arrived) => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), N, 'p');
    const journal = join(tempDir(), 'j');
    const run = (concurrency: number) => ['batch', csv, '--incident', INCIDENT, '--exec', `sleep 0.1; ${msmtpCommand(smtp.port)}`, '--concurrency', String(concurrency), '--journal', journal];
    const child = spawn(process.execPath, [BIN, ...run(3)], { env: testEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // kill it mid-run: once some messages have arrived (however slow the machine)
    for (let waited = 0; smtp.received.length < arrived && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    child.kill(signal);
    const code = await new Promise((r) => child.on('close', (c, s) => r(c ?? s)));
    if (signal === 'SIGINT') {
      // stops taking new messages, lets the in-flight ones finish, prints the summary, exits 130
      expect(code).toBe(130);
      const summary = summaryLine(stderr);
      expect(summary).toMatch(/^apologize: interrupted: /);
      expect(summary).not.toMatch(/ in doubt/);
      const events = journalEvents(journal);
      const settled = new Set(events.filter((e) => e.event !== 'sending').map((e) => e.messageId));
      expect(events.filter((e) => e.event === 'sending').every((e) => settled.has(e.messageId))).toBe(true); // nothing left in doubt
      expect(smtp.received.length).toBe(settled.size);
    } else {
      expect(code).toBe('SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 700)); // orphaned hand-offs finish
    expect(smtp.received.length).toBeGreaterThanOrEqual(arrived);
    expect(smtp.received.length).toBeLessThan(N);

    // The same command again (wider, to finish sooner: the hand-offs of the killed run are what is tested).
    const args = run(10);
    const rerun = await cli(args);
    const doubt = /were being handed over .*: (.+)$/m.exec(rerun.stderr)?.[1]?.split(', ') ?? [];
    expect(doubt.length).toBeLessThanOrEqual(3); // at most one per hand-off running (--concurrency 3)
    if (signal === 'SIGINT') expect(doubt).toEqual([]);
    expect(rerun.code).toBe(doubt.length > 0 ? 1 : 0);
    const counts = countsByRecipient(smtp.received);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (let i = 0; i < N; i++) expect(counts.has(`p${i}@example.com`) || doubt.includes(`p${i}@example.com`), `p${i}`).toBe(true);
    if (doubt.length > 0) {
      expect((await cli([...args, '--resend-in-doubt'])).code).toBe(0);
      const final = countsByRecipient(smtp.received);
      for (let i = 0; i < N; i++) expect(final.get(`p${i}@example.com`)).toBeGreaterThanOrEqual(1);
      for (const [addr, n] of final) if (n > 1) expect(doubt).toContain(addr); // only the in-doubt can get two
    }
  });
});
