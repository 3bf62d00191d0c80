// batch --exec in-process (tests/helpers/cli.ts): the hand-off commands are real processes
// (msmtp into a real SMTP server on 127.0.0.1); the run itself is not. Runs that are killed
// or interrupted are in tests/e2e/exec.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lines, summaryLine } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';
import { countsByRecipient, customersCsv, msmtpCommand, useSmtpServer } from '../helpers/smtp.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const smtp = useSmtpServer();

function journalEvents(path: string) {
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; to: string; messageId: string; reason?: string })
    .filter((e) => e.event !== 'campaign' && e.event !== 'facts'); // the campaign's own lines
}

const inDoubtLine = (addresses: string[]) =>
  `apologize: ${addresses.length} message(s) were being handed over when an earlier run stopped or timed out, and may or may not have gone out; not resent (add --resend-in-doubt to send them): ${addresses.join(', ')}`;

describe('--exec msmtp into a real SMTP server on 127.0.0.1', () => {
  it('records a failing command, goes on, and retries only the failures on a re-run', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 9, 'c', true);
    const journal = join(tempDir(), 'j');
    const flaky = `case "$APOLOGIZE_TO" in c2@*|c5@*|c8@*) echo "relay said no to $APOLOGIZE_TO" >&2; exit 75;; esac; ${msmtpCommand(smtp.port)}`;
    const first = await cli(['batch', csv, '--incident', INCIDENT, '--exec', flaky, '--journal', journal]);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    expect(lines(first.stderr)).toEqual([
      ...['c2', 'c5', 'c8'].map((c) => `apologize: sending to ${c}@example.com failed: exit 75: relay said no to ${c}@example.com`),
      expect.stringMatching(/^apologize: 9 rows read/),
    ]);
    expect(summaryLine(first.stderr)).toBe(`apologize: 9 rows read, 9 messages, 0 rejected, 3 failed → \`${flaky}\``);
    expect(smtp.received).toHaveLength(6);
    const failed = journalEvents(journal).filter((e) => e.event === 'failed').map((e) => e.to).sort();
    expect(failed).toEqual(['c2@example.com', 'c5@example.com', 'c8@example.com']);

    const retry = await cli(['batch', csv, '--incident', INCIDENT, '--exec', msmtpCommand(smtp.port), '--journal', journal]);
    expect(retry.code).toBe(0);
    expect(summaryLine(retry.stderr)).toBe(`apologize: 9 rows read, 3 messages, 0 rejected, 6 skipped (6 already sent) → \`${msmtpCommand(smtp.port)}\``);
    expect(smtp.received).toHaveLength(9);
    expect([...countsByRecipient(smtp.received).values()].every((n) => n === 1)).toBe(true);
    expect([...countsByRecipient(smtp.received).keys()].sort()).toEqual(Array.from({ length: 9 }, (_, i) => `c${i}@example.com`).sort());
  });

  it('a command that fails every third message: failures recorded, the rest delivered, a re-run completes the set', async () => {
    smtp.received.length = 0;
    const dir = tempDir();
    const csv = customersCsv(tempDir(), 12, 'p');
    const journal = join(dir, 'j');
    const counter = join(dir, 'n');
    writeFileSync(counter, '0');
    const flaky = `n=$(( $(cat ${counter}) + 1 )); echo $n > ${counter}; if [ $((n % 3)) -eq 0 ]; then echo "421 try later" >&2; exit 1; fi; ${msmtpCommand(smtp.port)}`;
    const first = await cli(['batch', csv, '--incident', INCIDENT, '--exec', flaky, '--journal', journal]);
    expect(first.code).toBe(1);
    expect(summaryLine(first.stderr)).toBe(`apologize: 12 rows read, 12 messages, 0 rejected, 4 failed → \`${flaky}\``);
    expect(lines(first.stderr).filter((l) => / failed: exit 1: 421 try later$/.test(l))).toHaveLength(4);
    expect(smtp.received).toHaveLength(8);
    const again = await cli(['batch', csv, '--incident', INCIDENT, '--exec', msmtpCommand(smtp.port), '--journal', journal]);
    expect(again.code).toBe(0);
    expect(summaryLine(again.stderr)).toBe(`apologize: 12 rows read, 4 messages, 0 rejected, 8 skipped (8 already sent) → \`${msmtpCommand(smtp.port)}\``);
    expect(smtp.received).toHaveLength(12);
    expect([...countsByRecipient(smtp.received).values()].every((n) => n === 1)).toBe(true);
  });
});

describe('hand-offs that hang or die', () => {
  it('kills a command that hangs past --exec-timeout and carries on; its outcome is unknown: in doubt', async () => {
    const csv = customersCsv(tempDir(), 2, 'c', true);
    const cmd = 'if [ "$APOLOGIZE_TO" = c0@example.com ]; then sleep 30; fi; cat > /dev/null';
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--exec', cmd, '--exec-timeout', '500ms']);
    expect(r.code).toBe(1);
    expect(lines(r.stderr).slice(0, 2)).toEqual([
      'apologize: sending to c0@example.com is in doubt: timed out after 0.5s (it may have gone out; not resent without --resend-in-doubt)',
      inDoubtLine(['c0@example.com']),
    ]);
    expect(summaryLine(r.stderr)).toBe(`apologize: 2 rows read, 2 messages, 0 rejected, 1 in doubt → \`${cmd}\``);
    expect(lines(r.stderr)).toHaveLength(3);
  });

  it('a command killed by a signal is in doubt (it may have delivered) with its reason, and the run goes on', async () => {
    const dir = tempDir();
    const csv = customersCsv(dir, 3, 'p');
    const log = join(dir, 'log');
    const cmd = `if [ "$APOLOGIZE_TO" = p1@example.com ]; then kill -9 $$; fi; cat > /dev/null; echo "$APOLOGIZE_TO" >> ${log}`;
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--exec', cmd]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      'apologize: sending to p1@example.com is in doubt: killed by SIGKILL (it may have gone out; not resent without --resend-in-doubt)',
      inDoubtLine(['p1@example.com']),
      expect.stringMatching(/^apologize: 3 rows read/),
    ]);
    expect(summaryLine(r.stderr)).toBe(`apologize: 3 rows read, 3 messages, 0 rejected, 1 in doubt → \`${cmd}\``);
    expect(readFileSync(log, 'utf8')).toBe('p0@example.com\np2@example.com\n');
  });

  it('passes APOLOGIZE_TO and APOLOGIZE_MESSAGE_ID, and honours --rate', async () => {
    const dir = tempDir();
    const csv = customersCsv(tempDir(), 3, 'c', true);
    const started = Date.now();
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--exec', `echo "$APOLOGIZE_TO $APOLOGIZE_MESSAGE_ID $(date +%s%N)" >> ${dir}/log`, '--rate', '120/min']);
    expect(r.code).toBe(0);
    const lns = readFileSync(join(dir, 'log'), 'utf8').trim().split('\n');
    expect(lns.map((l) => l.split(' ')[0])).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com']);
    expect(lns[0]!.split(' ')[1]).toMatch(/^<apology\.[0-9a-f]{12}\.[0-9a-f]{16}@pemberton-tea\.example>$/);
    expect(new Set(lns.map((l) => l.split(' ')[1])).size).toBe(3);
    const times = lns.map((l) => Number(l.split(' ')[2]) / 1e6);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(900); // 120/min = one every 500 ms
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('a mail command that cannot reach its relay', () => {
  it('keeps the command\'s real error line (not only its last, generic one), and --max-failures stops the run', async () => {
    const closed = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as AddressInfo;
        srv.close(() => resolve(port)); // a port nobody listens on now
      });
    });
    const csv = customersCsv(tempDir(), 6, 'm');
    const journal = join(tempDir(), 'j');
    const cmd = msmtpCommand(closed);
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--exec', cmd, '--journal', journal, '--max-failures', '2']);
    expect(r.code).toBe(1);
    const reason = `exit 75: msmtp: cannot connect to 127.0.0.1, port ${closed}: Connection refused; msmtp: could not send mail`;
    expect(lines(r.stderr)).toEqual([
      `apologize: sending to m0@example.com failed: ${reason}`,
      `apologize: sending to m1@example.com failed: ${reason}`,
      `apologize: stopped: 2 hand-off(s) in a row did not go through (the last: ${reason}) — check the relay (or the command), then re-run with the same --journal: whoever was sent is skipped; --max-failures N sets how many in a row stop a run`,
      expect.stringMatching(/^apologize: stopped: 4 rows read, 2 messages, 0 rejected, 2 skipped, 2 failed → /),
    ]);
    expect(journalEvents(journal).filter((e) => e.event === 'failed').map((e) => e.reason)).toEqual([reason, reason]);
  });
});

