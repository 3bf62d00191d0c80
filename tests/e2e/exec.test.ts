// batch --exec from the real bin: msmtp into a real SMTP server on 127.0.0.1, end to end.
// Runs killed or interrupted mid-run: tests/e2e/faults.test.ts; everything else about --exec
// (failures, timeouts, --rate) in-process: tests/command/exec.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { cli, summaryLine } from '../helpers/cli.js';
import { ROOT, runBin, tempDir } from '../helpers/run.js';
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
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(summaryLine(first.stderr)).toBe(`apologize: 12 rows read, 12 messages, 0 rejected → \`${msmtpCommand(smtp.port)}\``);
    expect(smtp.received).toHaveLength(12);
    const byTo = countsByRecipient(smtp.received);
    for (let i = 0; i < 12; i++) expect(byTo.get(`c${i}@example.com`)).toBe(1);
    expect(smtp.received[0]!.from).toBe('care@pemberton-tea.example');
    const parsed = await simpleParser(smtp.received.find((r) => r.to[0] === 'c3@example.com')!.raw);
    expect(parsed.text).toMatch(/^Hello,$/m); // "Customer 3" is no one's name: the plain greeting
    expect(parsed.text).toContain('your order O-3');
    const events = journalEvents(journal);
    expect(events.filter((e) => e.event === 'sending')).toHaveLength(12);
    expect(events.filter((e) => e.event === 'sent')).toHaveLength(12);

    const again = await cli(args);
    expect(again.code).toBe(0);
    expect(summaryLine(again.stderr)).toBe(`apologize: 12 rows read, 0 messages, 0 rejected, 12 skipped (12 already sent) → \`${msmtpCommand(smtp.port)}\``);
    expect(smtp.received).toHaveLength(12);
  });
});
