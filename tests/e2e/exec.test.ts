import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, tempDir, testEnv } from '../helpers/run.js';
import { countsByRecipient, customersCsv, msmtpCommand, useSmtpServer } from '../helpers/smtp.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const smtp = useSmtpServer();

const customers = (n: number) => customersCsv(tempDir(), n, 'c', true);

function journalEvents(path: string) {
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; to: string; messageId: string; reason?: string })
    .filter((e) => e.event !== 'campaign' && e.event !== 'facts'); // the campaign's own lines
}

describe('--exec msmtp into a real SMTP server on 127.0.0.1', () => {
  it('delivers one message per customer; a re-run with the journal sends nothing again', async () => {
    smtp.received.length = 0;
    const csv = customers(12);
    const journal = join(tempDir(), 'sent.journal');
    const args = ['batch', csv, '--incident', INCIDENT, '--exec', msmtpCommand(smtp.port), '--concurrency', '3', '--journal', journal];
    const first = await runBin(args);
    expect(first.stderr).toMatch(/12 messages/);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(smtp.received).toHaveLength(12);
    const byTo = countsByRecipient(smtp.received);
    for (let i = 0; i < 12; i++) expect(byTo.get(`c${i}@example.com`)).toBe(1);
    expect(smtp.received[0]!.from).toBe('care@pemberton-tea.example');
    const parsed = await simpleParser(smtp.received.find((r) => r.to[0] === 'c3@example.com')!.raw);
    expect(parsed.text).toContain('Hi Customer,');
    expect(parsed.text).toContain('your order O-3');
    const events = journalEvents(journal);
    expect(events.filter((e) => e.event === 'sending')).toHaveLength(12);
    expect(events.filter((e) => e.event === 'sent')).toHaveLength(12);

    const again = await runBin(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/12 skipped \(12 already sent\)/);
    expect(smtp.received).toHaveLength(12);
  });

  it('records a failing command, goes on, and retries only the failures on a re-run', async () => {
    smtp.received.length = 0;
    const csv = customers(9);
    const journal = join(tempDir(), 'j');
    const flaky = `case "$APOLOGIZE_TO" in c2@*|c5@*|c8@*) echo "relay said no to $APOLOGIZE_TO" >&2; exit 75;; esac; ${msmtpCommand(smtp.port)}`;
    const first = await runBin(['batch', csv, '--incident', INCIDENT, '--exec', flaky, '--journal', journal]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/sending to c2@example.com failed: exit 75: relay said no to c2@example.com/);
    expect(first.stderr).toMatch(/3 failed/);
    expect(smtp.received).toHaveLength(6);
    const failed = journalEvents(journal).filter((e) => e.event === 'failed').map((e) => e.to).sort();
    expect(failed).toEqual(['c2@example.com', 'c5@example.com', 'c8@example.com']);

    const retry = await runBin(['batch', csv, '--incident', INCIDENT, '--exec', msmtpCommand(smtp.port), '--journal', journal]);
    expect(retry.code).toBe(0);
    expect(smtp.received).toHaveLength(9);
    expect([...countsByRecipient(smtp.received).values()].every((n) => n === 1)).toBe(true);
  });

  it('kills a command that hangs past --exec-timeout and carries on; its outcome is unknown: in doubt', async () => {
    const csv = customers(2);
    const r = await runBin(['batch', csv, '--incident', INCIDENT, '--exec', 'if [ "$APOLOGIZE_TO" = c0@example.com ]; then sleep 30; fi; cat > /dev/null', '--exec-timeout', '500ms']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sending to c0@example.com is in doubt: timed out after 0.5s/);
    expect(r.stderr).toMatch(/2 messages/);
    expect(r.stderr).toMatch(/1 in doubt/);
  });

  it('passes APOLOGIZE_TO and APOLOGIZE_MESSAGE_ID, and honours --rate', async () => {
    const dir = tempDir();
    const csv = customers(3);
    const started = Date.now();
    const r = await runBin(['batch', csv, '--incident', INCIDENT, '--exec', `echo "$APOLOGIZE_TO $APOLOGIZE_MESSAGE_ID $(date +%s%N)" >> ${dir}/log`, '--rate', '120/min']);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'log'), 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com']);
    expect(lines[0]!.split(' ')[1]).toMatch(/^<apology\.[0-9a-f]{12}\.[0-9a-f]{16}@pemberton-tea\.example>$/);
    const times = lines.map((l) => Number(l.split(' ')[2]) / 1e6);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(900); // 120/min = one every 500 ms
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('crashes and Ctrl-C with the journal', () => {
  const slow = (port: number) => `sleep 0.15; ${msmtpCommand(port)}`;

  it('after SIGKILL mid-run, a re-run hands no one a second message and reports the in-doubt by address', async () => {
    smtp.received.length = 0;
    const csv = customers(40);
    const journal = join(tempDir(), 'j');
    const args = [BIN, 'batch', csv, '--incident', INCIDENT, '--exec', slow(smtp.port), '--concurrency', '2', '--journal', journal];
    const child = spawn(process.execPath, args, { env: testEnv(), stdio: 'ignore' });
    // kill it mid-run: once a few messages have arrived (however slow the machine)
    for (let waited = 0; smtp.received.length < 3 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 800)); // orphaned hand-offs finish
    const afterCrash = smtp.received.length;
    expect(afterCrash).toBeGreaterThan(0);
    expect(afterCrash).toBeLessThan(40);

    const rerun = await runBin(args.slice(1));
    const byTo = countsByRecipient(smtp.received);
    expect([...byTo.values()].every((n) => n === 1)).toBe(true);
    const doubt = /(\d+) message\(s\) were being handed over when an earlier run stopped.*: (.+)$/m.exec(rerun.stderr);
    const inDoubt = doubt ? doubt[2]!.split(', ') : [];
    expect(inDoubt.length).toBeLessThanOrEqual(2);
    expect(rerun.code).toBe(inDoubt.length > 0 ? 1 : 0);
    for (let i = 0; i < 40; i++) {
      const addr = `c${i}@example.com`;
      expect(byTo.has(addr) || inDoubt.includes(addr), addr).toBe(true);
    }
    const finish = await runBin([...args.slice(1), '--resend-in-doubt']);
    expect(finish.code).toBe(0);
    const final = countsByRecipient(smtp.received);
    for (let i = 0; i < 40; i++) expect(final.get(`c${i}@example.com`)).toBeGreaterThanOrEqual(1);
    for (const [addr, n] of final) if (n > 1) expect(inDoubt).toContain(addr);
  });

  it('SIGINT stops taking new messages, lets in-flight ones finish, prints the summary and exits 130', async () => {
    smtp.received.length = 0;
    const csv = customers(40);
    const journal = join(tempDir(), 'j');
    const child = spawn(process.execPath, [BIN, 'batch', csv, '--incident', INCIDENT, '--exec', slow(smtp.port), '--concurrency', '2', '--journal', journal], { env: testEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let waited = 0; smtp.received.length < 3 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^apologize: interrupted: /m);
    const events = journalEvents(journal);
    const sending = events.filter((e) => e.event === 'sending').map((e) => e.messageId);
    const settled = new Set(events.filter((e) => e.event !== 'sending').map((e) => e.messageId));
    expect(sending.every((id) => settled.has(id))).toBe(true); // nothing left in doubt
    expect(smtp.received.length).toBe(settled.size);
  });
});
