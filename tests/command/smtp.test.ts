// batch --smtp and draft --smtp in-process (tests/helpers/cli.ts), into real SMTP servers on
// 127.0.0.1 (smtp-server, started here): AUTH over STARTTLS with a certificate made by the test,
// a relay that refuses some recipients (4xx, 5xx), one that drops the connection after the data,
// a slow one. Runs killed or interrupted: tests/e2e/smtp.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { cli, lines, summaryLine } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';
import { countsByRecipient, customersCsv, selfSignedCert, startSmtp, useSmtpServer } from '../helpers/smtp.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const SECRET = 'pa55-w0rd-Zq9';
const CERT = selfSignedCert();

function journalEvents(path: string) {
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; to: string; messageId: string; reason?: string })
    .filter((e) => e.event !== 'campaign' && e.event !== 'facts');
}

/** What `--format eml --out DIR` writes for the same run, by recipient. */
async function emlByRecipient(csv: string, extra: string[] = []): Promise<Map<string, string>> {
  const dir = join(tempDir(), 'eml');
  const r = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'eml', '--out', dir, ...extra]);
  expect(r.code).toBe(0);
  const out = new Map<string, string>();
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    out.set(/^To: (?:.*<)?([^<>\s]+)>?$/m.exec(text)![1]!, text);
  }
  return out;
}

describe('--smtp into a relay with AUTH over STARTTLS (self-signed certificate)', () => {
  const smtp = useSmtpServer({ auth: { user: 'care', pass: SECRET }, tls: CERT });
  const url = () => `smtp://care@127.0.0.1:${smtp.port}`;

  it('delivers each message exactly as composed, envelope from From to To, journals sending/sent, and a re-run sends nothing', async () => {
    smtp.received.length = 0;
    smtp.logins.length = 0;
    const csv = customersCsv(tempDir(), 12, 'c', true);
    const journal = join(tempDir(), 'sent.journal');
    const args = ['batch', csv, '--incident', INCIDENT, '--smtp', url(), '--smtp-insecure', '--concurrency', '3', '--journal', journal];
    const r = await cli(args, { env: { APOLOGIZE_SMTP_PASSWORD: SECRET } });
    expect(r.stderr).not.toContain(SECRET);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(summaryLine(r.stderr)).toBe(`apologize: 12 rows read, 12 messages, 0 rejected → ${url()}`);
    expect(smtp.received).toHaveLength(12);
    expect([...countsByRecipient(smtp.received).values()].every((n) => n === 1)).toBe(true);
    expect(smtp.logins.length).toBeGreaterThanOrEqual(1);
    expect(smtp.logins.length).toBeLessThanOrEqual(3); // pooled: one login per connection, not per message
    expect(smtp.logins.every((l) => l === 'care (tls)')).toBe(true);

    const eml = await emlByRecipient(csv);
    for (let i = 0; i < 12; i++) {
      const to = `c${i}@example.com`;
      const got = smtp.received.find((m) => m.to[0] === to)!;
      expect(got.from).toBe('care@pemberton-tea.example');
      expect(got.raw).toBe(eml.get(to)); // byte for byte what --format eml writes
      const parsed = await simpleParser(got.raw);
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]!.address : '').toBe(to);
      expect(parsed.text).toContain(`your order O-${i}`);
    }
    const events = journalEvents(journal);
    expect(events.map((e) => e.event).filter((e) => e === 'sending')).toHaveLength(12);
    expect(events.filter((e) => e.event === 'sent').map((e) => e.to).sort()).toEqual([...eml.keys()].sort());
    for (const e of events.filter((x) => x.event === 'sent')) {
      const before = events.findIndex((x) => x.event === 'sending' && x.messageId === e.messageId);
      expect(before).toBeGreaterThanOrEqual(0);
      expect(before).toBeLessThan(events.indexOf(e));
    }

    const again = await cli(args, { env: { APOLOGIZE_SMTP_PASSWORD: SECRET } });
    expect(again.code).toBe(0);
    expect(summaryLine(again.stderr)).toBe(`apologize: 12 rows read, 0 messages, 0 rejected, 12 skipped (12 already sent) → ${url()}`);
    expect(smtp.received).toHaveLength(12);
  });

  it('takes the password from --smtp-password-command; the password is never printed, not even with --debug', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 2, 'p');
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url(), '--smtp-insecure', '--smtp-password-command', `printf '%s\\n' '${SECRET}'`, '--debug']);
    expect(r.code).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });

  it('a wrong password: every hand-off refused with the server reply; --max-failures stops the run (exit 1, summary)', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 20, 'w');
    const journal = join(tempDir(), 'j');
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url(), '--smtp-insecure', '--max-failures', '3', '--journal', journal, '--debug'], { env: { APOLOGIZE_SMTP_PASSWORD: 'wrong-one' } });
    expect(r.code).toBe(1);
    expect(smtp.received).toHaveLength(0);
    expect(lines(r.stderr).slice(0, 3)).toEqual(['w0', 'w1', 'w2'].map((w) => `apologize: sending to ${w}@example.com failed: login refused: 535 5.7.8 Authentication credentials invalid`));
    expect(r.stderr).toContain('apologize: stopped: 3 hand-off(s) in a row did not go through (the last: login refused: 535 5.7.8 Authentication credentials invalid)');
    expect(summaryLine(r.stderr)).toMatch(/^apologize: stopped: 5 rows read, 3 messages, 0 rejected, 2 skipped, 3 failed → smtp:\/\/care@127\.0\.0\.1:\d+$/);
    const events = journalEvents(journal);
    expect(events.filter((e) => e.event === 'failed').map((e) => e.reason)).toEqual(Array(3).fill('login refused: 535 5.7.8 Authentication credentials invalid'));
    expect(readFileSync(journal, 'utf8')).not.toContain('wrong-one');
    expect(r.stderr).not.toContain('wrong-one');
  });

  it('refuses the self-signed certificate unless --smtp-insecure', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 2, 'v');
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url()], { env: { APOLOGIZE_SMTP_PASSWORD: SECRET } });
    expect(r.code).toBe(1);
    expect(smtp.received).toHaveLength(0);
    expect(lines(r.stderr)[0]).toMatch(/^apologize: sending to v0@example\.com failed: smtp:\/\/care@127\.0\.0\.1:\d+: .*self[- ]signed certificate/);
    expect(summaryLine(r.stderr)).toMatch(/, 2 failed → /);
  });
});

describe('--smtp flags checked before anything is sent (exit 2)', () => {
  it.each([
    [['--smtp', 'smtp://care:hunter2@127.0.0.1:2525'], /--smtp has a password in it/],
    [['--smtp', 'smtp://care@127.0.0.1:2525'], /--smtp names a user but no password was given/],
    [['--smtp', 'http://127.0.0.1:2525'], /is not an smtp:\/\/ or smtps:\/\/ URL/],
    [['--smtp', 'smtp://care@127.0.0.1:2525', '--smtp-password-command', 'echo nope >&2; exit 3'], /--smtp-password-command failed \(exit 3: nope\)/],
    [['--smtp', 'smtp://127.0.0.1:2525', '--out', 'x.mbox'], /--smtp and --out both say where messages go/],
    [['--smtp-insecure'], /--smtp-insecure is for delivery with --smtp/],
    [['--max-failures', '3'], /--max-failures is for delivery with --exec or --smtp/],
    [['--smtp', 'smtp://127.0.0.1:2525', '--test-to', 'not an address'], /--test-to "not an address" is not one valid address/],
  ])('%j', async (flags, error) => {
    const csv = customersCsv(tempDir(), 2, 'x');
    const r = await cli(['batch', csv, '--incident', INCIDENT, ...flags], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(error);
    expect(r.stderr).not.toContain('hunter2');
  });
});

describe('a relay that refuses some recipients (4xx and 5xx)', () => {
  const refused = new Map<string, string>([
    ['r1@example.com', '450 4.2.1 mailbox busy, try later'],
    ['r4@example.com', '550 5.1.1 no such user here'],
  ]);
  const smtp = useSmtpServer({ refuseRcpt: (a) => refused.get(a), refuseData: (to) => (to[0] === 'r6@example.com' ? '554 5.7.1 message looks like spam' : undefined) });

  it('records each refusal with the server reply, goes on, and a re-run retries only those', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 8, 'r');
    const journal = join(tempDir(), 'j');
    const url = `smtp://127.0.0.1:${smtp.port}`;
    const first = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url, '--journal', journal]);
    expect(first.code).toBe(1);
    expect(lines(first.stderr).slice(0, 3)).toEqual([
      'apologize: sending to r1@example.com failed: recipient refused: 450 4.2.1 mailbox busy, try later',
      'apologize: sending to r4@example.com failed: recipient refused: 550 5.1.1 no such user here',
      'apologize: sending to r6@example.com failed: message refused: 554 5.7.1 message looks like spam',
    ]);
    expect(summaryLine(first.stderr)).toBe(`apologize: 8 rows read, 8 messages, 0 rejected, 3 failed → ${url}`);
    expect(journalEvents(journal).filter((e) => e.event === 'failed').map((e) => `${e.to} ${e.reason}`)).toEqual([
      'r1@example.com recipient refused: 450 4.2.1 mailbox busy, try later',
      'r4@example.com recipient refused: 550 5.1.1 no such user here',
      'r6@example.com message refused: 554 5.7.1 message looks like spam',
    ]);
    const delivered = smtp.received.filter((m) => m.to[0] !== 'r6@example.com'); // the server read r6's data, then refused it
    expect(delivered.map((m) => m.to[0]).sort()).toEqual(['r0', 'r2', 'r3', 'r5', 'r7'].map((r) => `${r}@example.com`));

    refused.clear();
    smtp.received.length = 0;
    const retry = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url, '--journal', journal]);
    expect(retry.code).toBe(1); // r6 is refused again
    expect(summaryLine(retry.stderr)).toBe(`apologize: 8 rows read, 3 messages, 0 rejected, 5 skipped (5 already sent), 1 failed → ${url}`);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['r1@example.com', 'r4@example.com', 'r6@example.com']);
  });
});

describe('a relay that drops the connection after the data', () => {
  const smtp = useSmtpServer({ dropAfterData: (to) => to[0] === 'd2@example.com' || to[0] === 'd3@example.com' });

  it('those hand-offs are in doubt (never resent without --resend-in-doubt); the others are sent', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 6, 'd');
    const journal = join(tempDir(), 'j');
    const url = `smtp://127.0.0.1:${smtp.port}`;
    const args = ['batch', csv, '--incident', INCIDENT, '--smtp', url, '--concurrency', '2', '--journal', journal];
    const first = await cli(args);
    expect(first.code).toBe(1);
    expect(lines(first.stderr).filter((l) => / is in doubt: /.test(l)).sort()).toEqual(
      ['d2', 'd3'].map((d) => `apologize: sending to ${d}@example.com is in doubt: the connection was lost after the message was sent: Connection closed unexpectedly (it may have gone out; not resent without --resend-in-doubt)`),
    );
    expect(summaryLine(first.stderr)).toBe(`apologize: 6 rows read, 6 messages, 0 rejected, 2 in doubt → ${url}`);
    const events = journalEvents(journal);
    expect(events.filter((e) => e.event === 'in-doubt').map((e) => e.to).sort()).toEqual(['d2@example.com', 'd3@example.com']);
    expect(events.filter((e) => e.event === 'sent')).toHaveLength(4);
    expect(smtp.received).toHaveLength(6); // the server did get the two: in doubt is the truth

    const again = await cli(args);
    expect(again.code).toBe(1);
    expect(summaryLine(again.stderr)).toBe(`apologize: 6 rows read, 0 messages, 0 rejected, 6 skipped (4 already sent, 2 in doubt), 2 in doubt → ${url}`);
    expect(smtp.received).toHaveLength(6);
  });
});

describe('a slow relay', () => {
  const smtp = useSmtpServer({ dataDelayMs: 1500 });

  it('a reply slower than --exec-timeout after the data: in doubt; with time enough, all delivered over --concurrency connections', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 2, 's');
    const url = `smtp://127.0.0.1:${smtp.port}`;
    const slow = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url, '--exec-timeout', '300ms', '--concurrency', '2']);
    expect(slow.code).toBe(1);
    expect(lines(slow.stderr).filter((l) => / is in doubt: /.test(l)).sort()).toEqual(
      ['s0', 's1'].map((s) => `apologize: sending to ${s}@example.com is in doubt: timed out after 0.3s after the message was sent, before the server's reply (it may have gone out; not resent without --resend-in-doubt)`),
    );

    smtp.received.length = 0;
    const csv8 = customersCsv(tempDir(), 8, 'q');
    const ok = await cli(['batch', csv8, '--incident', INCIDENT, '--smtp', url, '--concurrency', '8']);
    expect(ok.code).toBe(0);
    expect(summaryLine(ok.stderr)).toBe(`apologize: 8 rows read, 8 messages, 0 rejected → ${url}`);
    expect(smtp.received).toHaveLength(8);
  });
});

describe('--test-to: what the customers would get, in your own inbox', () => {
  const smtp = useSmtpServer();

  it('with --smtp: the first 3 messages to ADDR (envelope and To), Subject [TEST], nothing journaled', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 10, 't', true);
    const journal = join(tempDir(), 'j');
    const url = `smtp://127.0.0.1:${smtp.port}`;
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url, '--test-to', 'Me <me@shop.example>', '--journal', journal]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)[0]).toBe(`apologize: --test-to: test messages are not journaled; ${journal} was not read or written`);
    expect(summaryLine(r.stderr)).toBe(`apologize: 5 rows read, 3 messages, 0 rejected, 2 skipped → ${url}`);
    expect(existsSync(journal)).toBe(false);
    expect(smtp.received.map((m) => m.to)).toEqual([['me@shop.example'], ['me@shop.example'], ['me@shop.example']]);
    const eml = await emlByRecipient(csv);
    for (const [i, m] of smtp.received.entries()) {
      const parsed = await simpleParser(m.raw);
      const real = await simpleParser(eml.get(`t${i}@example.com`)!);
      expect(parsed.subject).toBe(`[TEST] ${real.subject}`);
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([{ name: 'Me', address: 'me@shop.example' }]);
      expect(parsed.text).toBe(real.text);
      expect(parsed.messageId).not.toBe(real.messageId);
    }

    // the real run afterwards sends everyone: the test left no trace in the journal
    smtp.received.length = 0;
    const real = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url, '--journal', journal]);
    expect(real.code).toBe(0);
    expect(smtp.received).toHaveLength(10);
  });

  it('with --exec and with --out (mbox): To and Subject rewritten, --limit honoured', async () => {
    const dir = tempDir();
    const csv = customersCsv(dir, 5, 'e', true);
    const log = join(dir, 'log');
    const ex = await cli(['batch', csv, '--incident', INCIDENT, '--exec', `echo "$APOLOGIZE_TO $(grep -m1 '^Subject:' | cut -c1-15)" >> ${log}`, '--test-to', 'me@shop.example', '--limit', '2']);
    expect(ex.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('me@shop.example Subject: [TEST]\n'.repeat(2));
    const mbox = join(dir, 'test.mbox');
    const out = await cli(['batch', csv, '--incident', INCIDENT, '--out', mbox, '--test-to', 'me@shop.example']);
    expect(out.code).toBe(0);
    const text = readFileSync(mbox, 'utf8');
    expect(text.match(/^To: .*$/gm)).toEqual(Array(3).fill('To: me@shop.example'));
    expect(text.match(/^Subject: \[TEST\] /gm)).toHaveLength(3);
  });
});

describe('draft --smtp', () => {
  const smtp = useSmtpServer();
  const draft = ['draft', '--incident', INCIDENT, '--no-input', '--no-check'];

  it('sends the one message to --to (nothing on stdout); the bytes are what draft prints', async () => {
    smtp.received.length = 0;
    const url = `smtp://127.0.0.1:${smtp.port}`;
    const r = await cli([...draft, '--to', 'Ana Ruiz <ana@example.com>', '--smtp', url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([`apologize: sent to ana@example.com → ${url}`]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['ana@example.com']);
    const printed = await cli([...draft, '--to', 'Ana Ruiz <ana@example.com>']);
    expect(smtp.received[0]!.raw).toBe(printed.stdout.replace(/\n/g, '\r\n'));
  });

  it('needs a recipient; a refused one is exit 1 with the reply', async () => {
    const none = await cli([...draft, '--smtp', `smtp://127.0.0.1:${smtp.port}`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^apologize: --smtp sends the message to its recipient, and it has none — add --to/);
    const server = await startSmtp({ refuseRcpt: () => '550 5.1.1 unknown user' });
    try {
      const r = await cli([...draft, '--to', 'ana@example.com', '--smtp', `smtp://127.0.0.1:${server.port}`]);
      expect(r.code).toBe(1);
      expect(lines(r.stderr)).toEqual(['apologize: sending to ana@example.com failed: recipient refused: 550 5.1.1 unknown user']);
    } finally {
      await server.close();
    }
  });
});

/** The journal's send events in order: `event to`. */
function journalOrder(path: string): string[] {
  return journalEvents(path).map((e) => `${e.event} ${e.to}`);
}

describe('messages composed ahead of the relay (the window per connection)', () => {
  // d5, d6 and d7: the data is read whole, then the connection is dropped without a reply.
  const dropped = new Set(['d5@example.com', 'd6@example.com', 'd7@example.com']);
  const smtp = useSmtpServer({ dropAfterData: (to) => dropped.has(to[0]!), dataDelayMs: 5 });

  it('a relay that drops connections while several messages are in flight: those are in doubt, every other one is sent once, none is lost; each outcome follows its "sending"', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 40, 'd');
    const journal = join(tempDir(), 'j');
    const url = `smtp://127.0.0.1:${smtp.port}`;
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url, '--concurrency', '3', '--journal', journal]);
    expect(r.code).toBe(1);
    expect(summaryLine(r.stderr)).toBe(`apologize: 40 rows read, 40 messages, 0 rejected, 3 in doubt → ${url}`);
    const counts = countsByRecipient(smtp.received);
    expect(counts.size).toBe(40); // nobody lost: the messages waiting behind a dropped connection went out on another
    expect([...counts.values()].every((n) => n === 1)).toBe(true); // nobody twice
    const events = journalEvents(journal);
    expect(events.filter((e) => e.event === 'in-doubt').map((e) => e.to).sort()).toEqual([...dropped].sort());
    expect(events.filter((e) => e.event === 'sent')).toHaveLength(37);
    expect(events.filter((e) => e.event === 'sending')).toHaveLength(40);
    for (const [i, e] of events.entries()) {
      if (e.event === 'sending') {
        // exactly one outcome, after it
        const outcomes = events.filter((x) => x.event !== 'sending' && x.messageId === e.messageId);
        expect(outcomes).toHaveLength(1);
        expect(events.indexOf(outcomes[0]!)).toBeGreaterThan(i);
      }
    }
    // never more hand-offs in flight than connections: messages composed ahead are not journaled until handed over
    let open = 0;
    for (const e of events) {
      open += e.event === 'sending' ? 1 : -1;
      expect(open).toBeLessThanOrEqual(3);
    }
  });

  it('at --concurrency 1 the journal alternates "sending" and its outcome, whatever was composed ahead', async () => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 12, 'a');
    const journal = join(tempDir(), 'j');
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--concurrency', '1', '--journal', journal]);
    expect(r.code).toBe(0);
    expect(journalOrder(journal)).toEqual(Array.from({ length: 12 }, (_, i) => [`sending a${i}@example.com`, `sent a${i}@example.com`]).flat());
  });
});

describe('a relay that takes the first messages, then refuses every one', () => {
  const smtp = useSmtpServer({ refuseRcpt: (a) => (Number(/\d+/.exec(a)![0]) >= 5 ? '550 5.7.1 relay quota exceeded' : undefined) });

  it.each([1, 2])('--max-failures %i stops after that many in a row; messages composed ahead are withdrawn: not handed over, not journaled, counted as skipped', async (max) => {
    smtp.received.length = 0;
    const csv = customersCsv(tempDir(), 30, 'm');
    const journal = join(tempDir(), 'j');
    const url = `smtp://127.0.0.1:${smtp.port}`;
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url, '--concurrency', '1', '--max-failures', String(max), '--journal', journal]);
    expect(r.code).toBe(1);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'].map((m) => `${m}@example.com`));
    const m = /^apologize: stopped: (\d+) rows read, (\d+) messages, 0 rejected, (\d+) skipped, (\d+) failed → /.exec(summaryLine(r.stderr));
    expect(m).not.toBeNull();
    const [read, messages, skipped, failed] = m!.slice(1).map(Number);
    expect([messages, failed]).toEqual([5 + max, max]);
    expect(read).toBe(messages! + skipped!); // the counts add up
    const failedTo = Array.from({ length: max }, (_, i) => `m${5 + i}@example.com`);
    expect(journalOrder(journal)).toEqual([
      ...['m0', 'm1', 'm2', 'm3', 'm4'].flatMap((x) => [`sending ${x}@example.com`, `sent ${x}@example.com`]),
      ...failedTo.flatMap((to) => [`sending ${to}`, `failed ${to}`]),
    ]);

    // the re-run sends to nobody already sent, and tries the others again
    smtp.received.length = 0;
    const again = await cli(['batch', csv, '--incident', INCIDENT, '--smtp', url, '--concurrency', '1', '--max-failures', String(max), '--journal', journal]);
    expect(again.code).toBe(1);
    expect(summaryLine(again.stderr)).toMatch(new RegExp(`^apologize: stopped: \\d+ rows read, ${max} messages?, 0 rejected, \\d+ skipped \\(5 already sent\\), ${max} failed → `));
    expect(smtp.received).toHaveLength(0);
  });
});
