// batch --format postmark|resend|ses: one request body a line for each provider's API, chunked to
// its limit, with apologize's Message-ID and the recipient key; the SES raw data is exactly the
// message --format eml writes for that recipient.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagValue } from '../../src/mail/providers.js';
import { cli } from '../helpers/cli.js';
import { pythonParse, ROOT, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');

/** A CSV of `n` customers, one order each (two customers with non-ASCII names). */
function customers(n: number): string {
  const dir = tempDir();
  const rows = ['Order No,Customer Name,E-mail,Product,Ship Date'];
  for (let i = 0; i < n; i++) rows.push(`A-${1000 + i},${i % 2 ? 'Zoë Müller' : 'Liam Smith'} ${i},c${i}@example.com,Assam 250g,2026-07-08`);
  const file = join(dir, 'orders.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

/** Lines of JSON, each parsed; the output ends with one line end. */
function lines(stdout: string): unknown[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.slice(0, -1).split('\n').map((l) => JSON.parse(l) as unknown);
}

interface Postmark {
  From: string;
  To: string;
  ReplyTo?: string;
  Subject: string;
  TextBody: string;
  HtmlBody?: string;
  Headers: { Name: string; Value: string }[];
  Metadata: Record<string, string>;
  MessageStream: string;
}
interface Resend {
  from: string;
  to: string[];
  reply_to?: string;
  subject: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
}
interface Ses {
  Destination: { ToAddresses: string[] };
  Content: { Raw: { Data: string } };
  EmailTags: { Name: string; Value: string }[];
}

describe('batch --format postmark|resend|ses', () => {
  const csv = customers(1201);

  it('postmark: arrays of at most 500 messages (1,201 → 500, 500, 201), each with our Message-ID and the key in Metadata', async () => {
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'postmark']);
    expect(r.code).toBe(0);
    const bodies = lines(r.stdout) as Postmark[][];
    expect(bodies.map((b) => b.length)).toEqual([500, 500, 201]);
    const all = bodies.flat();
    expect(all.map((m) => m.Metadata['apologize-key'])).toEqual(Array.from({ length: 1201 }, (_, i) => `c${i}@example.com`));
    for (const m of all) {
      expect(Object.keys(m)).toEqual(['From', 'To', 'ReplyTo', 'Subject', 'TextBody', 'Headers', 'Metadata', 'MessageStream']);
      expect(m.From).toBe('Pemberton & Daughters <care@pemberton-tea.example>');
      expect(m.To).toMatch(/^(Zoë Müller|Liam Smith) \d+ <c\d+@example\.com>$/);
      expect(m.TextBody).toContain("I'm sorry.");
      expect(m.Headers[0]!.Name).toBe('Message-ID');
      expect(m.Headers[0]!.Value).toMatch(/^<apology\.[0-9a-f.]+@pemberton-tea\.example>$/);
      expect(m.MessageStream).toBe('outbound');
    }
    expect(new Set(all.map((m) => m.Headers[0]!.Value)).size).toBe(1201);
  });

  it('resend: arrays of at most 100 emails (1,201 → 12 × 100 and 1), headers with our Message-ID, the key as a tag', async () => {
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'resend']);
    expect(r.code).toBe(0);
    const bodies = lines(r.stdout) as Resend[][];
    expect(bodies.map((b) => b.length)).toEqual([...Array(12).fill(100), 1]);
    const first = bodies[0]![0]!;
    expect(Object.keys(first)).toEqual(['from', 'to', 'reply_to', 'subject', 'text', 'headers', 'tags']);
    expect(first.to).toEqual(['Liam Smith 0 <c0@example.com>']);
    expect(first.reply_to).toBe('Customer Care <care@pemberton-tea.example>');
    expect(first.headers['Message-ID']).toMatch(/^<apology\.[0-9a-f.]+@pemberton-tea\.example>$/);
    expect(first.tags).toEqual([{ name: 'apologize_key', value: 'c0_40_example_2e_com' }]);
    for (const m of bodies.flat()) for (const t of m.tags) expect(t.value).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
  });

  it('ses: one SendEmail request a line; Raw Data decodes to the very bytes --format eml writes for that recipient', async () => {
    const small = customers(25);
    const r = await cli(['batch', small, '--incident', INCIDENT, '--format', 'ses']);
    expect(r.code).toBe(0);
    const requests = lines(r.stdout) as Ses[];
    expect(requests).toHaveLength(25);
    const dir = tempDir();
    const eml = await cli(['batch', small, '--incident', INCIDENT, '--format', 'eml', '--out', join(dir, 'eml')]);
    expect(eml.code).toBe(0);
    const files = readdirSync(join(dir, 'eml')).sort();
    expect(files).toHaveLength(25);
    requests.forEach((req, i) => {
      expect(Object.keys(req)).toEqual(['Destination', 'Content', 'EmailTags']);
      expect(req.Destination.ToAddresses).toEqual([`c${i}@example.com`]);
      expect(req.EmailTags).toEqual([{ Name: 'apologize-key', Value: tagValue(`c${i}@example.com`) }]);
      const raw = Buffer.from(req.Content.Raw.Data, 'base64');
      expect(raw.equals(readFileSync(join(dir, 'eml', files[i]!)))).toBe(true);
      writeFileSync(join(dir, `${i}.eml`), raw);
    });
    // and Python's email package reads the decoded messages as they are
    const parsed = pythonParse(requests.map((_, i) => join(dir, `${i}.eml`)));
    parsed.forEach((m, i) => {
      expect(m.defects).toEqual([]);
      expect(m.to).toEqual([{ name: `${i % 2 ? 'Zoë Müller' : 'Liam Smith'} ${i}`, address: `c${i}@example.com` }]);
    });
  });

  it('a follow-up keeps In-Reply-To and References; --html adds HtmlBody / html', async () => {
    const small = customers(3);
    const pm = await cli(['batch', small, '--incident', INCIDENT, '--format', 'postmark', '--stage', 'followup', '--html']);
    expect(pm.code).toBe(0);
    const [body] = lines(pm.stdout) as Postmark[][];
    expect(body).toHaveLength(3);
    for (const m of body!) {
      const names = m.Headers.map((h) => h.Name);
      expect(names.slice(0, 3)).toEqual(['Message-ID', 'In-Reply-To', 'References']);
      expect(m.Headers[1]!.Value).toMatch(/^<apology\.[0-9a-f.]+@pemberton-tea\.example>$/);
      expect(m.HtmlBody).toMatch(/^<!DOCTYPE html>/);
    }
    const rs = await cli(['batch', small, '--incident', INCIDENT, '--format', 'resend', '--stage', 'followup', '--html']);
    const [emails] = lines(rs.stdout) as Resend[][];
    for (const m of emails!) {
      expect(m.headers['In-Reply-To']).toBe(m.headers.References);
      expect(m.html).toMatch(/^<!DOCTYPE html>/);
    }
  });

  it('writes the same bodies to a file (--out), and nothing at all when there is no message', async () => {
    const dir = tempDir();
    const out = join(dir, 'postmark.ndjson');
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'postmark', '--out', out]);
    expect(r.code).toBe(0);
    const toStdout = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'postmark']);
    expect(readFileSync(out, 'utf8')).toBe(toStdout.stdout);
    const none = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'resend', '--shard', '1/1', '--limit', '1']);
    expect(lines(none.stdout)).toHaveLength(1);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'Order No,Customer Name,E-mail,Product,Ship Date\n');
    const e = await cli(['batch', empty, '--incident', INCIDENT, '--format', 'resend']);
    expect(e.stdout).toBe('');
  });

  it('tag values keep to letters, digits, _ and -, and two keys never share one', () => {
    const keys = ['ana@example.com', 'ana_40_example.com', 'a.b@x.org', 'a_b@x.org', 'zoë@bücher.de', 'x@y#A-1001', 'x@y#A_1001', `${'l'.repeat(300)}@example.com`];
    const values = keys.map(tagValue);
    for (const v of values) expect(v).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(new Set(values).size).toBe(keys.length);
  });
});
