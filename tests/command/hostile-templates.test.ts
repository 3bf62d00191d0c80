// Hostile custom templates and values through the CLI, in-process (run(argv, io)):
// a template cannot add a recipient or a header it has no business setting,
// values show in mail clients exactly as typed, line breaks are the message's,
// and every template problem is found before the first message goes out.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import libmime from 'libmime';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { IO } from '../../src/cli/io.js';
import { FIXED_NOW, pythonParse, ROOT, tempDir } from '../helpers/run.js';
import { msmtpCommand, useSmtpServer } from '../helpers/smtp.js';

const INCIDENT = join(ROOT, 'tests/fixtures/golden-incident.json');
const smtp = useSmtpServer();

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with real files and collecting streams. */
async function cli(argv: string[], cwd = tempDir()): Promise<Ran> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (to: Buffer[]) =>
    new Writable({
      write(chunk, _enc, cb) {
        to.push(Buffer.from(chunk));
        cb();
      },
    });
  const io: IO = {
    stdin: Readable.from([]) as unknown as IO['stdin'],
    stdout: sink(out),
    stderr: sink(err),
    env: { ...process.env, APOLOGIZE_NOW: FIXED_NOW, NO_COLOR: '1' },
    cwd,
  };
  const code = await run(argv, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** A template folder with these files (paths relative to it). */
function templates(files: Record<string, string | Buffer>): string {
  const dir = tempDir('apologize-tpl-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const draft = (dir: string, ...extra: string[]) =>
  cli(['draft', '--no-input', '--no-check', '--incident', INCIDENT, '--templates', dir, '--to', 'Ana Ruiz <ana@example.com>', ...extra]);

function csvFile(text: string): string {
  const file = join(tempDir('apologize-csv-'), 'customers.csv');
  writeFileSync(file, text);
  return file;
}

const batch = (dir: string, csv: string, ...extra: string[]) => cli(['batch', csv, '--incident', INCIDENT, '--templates', dir, ...extra]);

function writeTemp(name: string, text: string): string {
  const file = join(tempDir('apologize-out-'), name);
  writeFileSync(file, text);
  return file;
}

const BODY = '\nHi {{recipient.first_name}},\n\nWe are sorry.\n';

describe('a template sets only the headers SPEC.md allows (never a recipient)', () => {
  const hostile = [
    'Resent-To: evil@evil.example',
    'resent-bcc: evil@evil.example',
    'RESENT-CC: evil@evil.example',
    'Resent-From: evil@evil.example',
    'Resent-Sender: evil@evil.example',
    'Cc: evil@evil.example',
    'bcc: evil@evil.example',
    'BCC:evil@evil.example',
    'To: evil@evil.example',
    'From: evil@evil.example',
    'Reply-To: evil@evil.example',
    'Sender: evil@evil.example',
    'Return-Path: <evil@evil.example>',
    'Received: from evil.example',
    'Errors-To: evil@evil.example',
    'Disposition-Notification-To: evil@evil.example',
    'Content-Type: text/html',
    'content-transfer-encoding: base64',
    'Content-Disposition: attachment; filename=x.exe',
    'MIME-Version: 2.0',
    'Message-ID: <x@evil.example>',
    'Resent-To : evil@evil.example',
    'Bcc\t: evil@evil.example',
    'X: not an X- header',
  ];

  it.each(hostile)('"%s" is a template error: exit 2, nothing written', async (header) => {
    const dir = templates({ 'generic.hbs': `Subject: Sorry\n${header}\n${BODY}` });
    const r = await draft(dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^apologize: \S*generic\.hbs:2: (a template may not set the \S+ header|the \S+ header is set by apologize|".*" is not a header line)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a header line that starts with white space (obs-fold) before any header is an error, not a hidden header', async () => {
    const dir = templates({ 'generic.hbs': `\tResent-To: evil@evil.example\nSubject: Sorry\n${BODY}` });
    const r = await draft(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/generic\.hbs:1: .*is not a header line/);
  });

  it.each(['\u2028', '\u2029', '\u202e'])('a header line holding %j is a template error, not a rejected row', async (c) => {
    const dir = templates({ 'generic.hbs': `Subject: Sorry${c}Bcc: evil@evil.example\n${BODY}` });
    const r = await draft(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/generic\.hbs:1: the Subject header holds a line separator/);
  });

  it('the allowed headers, in any case, are written once each', async () => {
    const allowed = [
      'subject: Sorry',
      'X-Campaign: spring',
      'x-ticket: 42',
      'Auto-Submitted: auto-generated',
      'Precedence: bulk',
      'importance: high',
      'Organization: Smith & Sons',
      'List-Id: <care.smith-sons.example>',
      'List-Unsubscribe: <mailto:unsubscribe@smith-sons.example>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ];
    const dir = templates({ 'generic.hbs': `${allowed.join('\n')}\n${BODY}` });
    const r = await draft(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [py] = pythonParse([writeTemp('m.eml', r.stdout)]);
    expect(py!.subject).toBe('Sorry');
    expect(py!.headers['Precedence']).toEqual(['bulk']);
    expect(py!.headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
    expect(py!.to).toEqual([{ name: 'Ana Ruiz', address: 'ana@example.com' }]);
  });

  it.each([
    ['Subject: one\nSubject: two\nSubject: three', /generic\.hbs:2: a second Subject header \(the first is on line 1\)/],
    ['Subject: one\nX-A: 1\nsubject: two', /generic\.hbs:3: a second subject header \(the first is on line 1\)/],
    ['Subject: one\nList-Id: <a.example>\nLIST-ID: <b.example>', /generic\.hbs:3: a second LIST-ID header/],
  ])('Subject (and each allowed header but X-…) exactly once: %j', async (head, error) => {
    const dir = templates({ 'generic.hbs': `${head}\n${BODY}` });
    const r = await draft(dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(error);
  });

  it('in a batch, a forbidden header stops everything before a row is read: no output, no rejects file', async () => {
    const dir = templates({ 'generic.hbs': `Subject: Sorry\nResent-Bcc: evil@evil.example\n${BODY}` });
    const csv = csvFile('email,name\nana@example.com,Ana\n');
    const r = await batch(dir, csv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(csv.replace(/\.csv$/, '.rejects.csv'))).toBe(false);
  });

  it('msmtp -t against a real SMTP server: no template or value ever adds a recipient', async () => {
    smtp.received.length = 0;
    // the base64 word decodes to "\r\nBcc: evil@evil.example"; the Q word to "\r\nResent-To: evil2@evil.example"
    const b64 = '=?utf-8?b?DQpCY2M6IGV2aWxAZXZpbC5leGFtcGxl?=';
    const q = '=?utf-8?q?=0D=0AResent-To:_evil2@evil.example?=';
    const csv = csvFile(`email,name,note\nc0@example.com,${b64},${q}\nc1@example.com,Bo ${q},${b64}\nc2@example.com,Cy,plain\n`);
    // folded lines belong to the Subject: they never become headers
    const folded = templates({ 'generic.hbs': `Subject: Sorry {{recipient.note}}\n Resent-To: evil3@evil.example\n\tBcc: evil4@evil.example\nX-Note: {{recipient.note}}\n${BODY}` });
    const ok = await batch(folded, csv, '--exec', msmtpCommand(smtp.port));
    expect(ok.stderr).toMatch(/3 messages/);
    expect(ok.code).toBe(0);
    expect(smtp.received.map((m) => m.to)).toEqual(expect.arrayContaining([['c0@example.com'], ['c1@example.com'], ['c2@example.com']]));
    expect(smtp.received).toHaveLength(3);
    for (const m of smtp.received) {
      const parsed = await simpleParser(m.raw);
      expect(parsed.headers.has('bcc')).toBe(false);
      expect(parsed.headers.has('resent-to')).toBe(false);
      expect(parsed.subject).toMatch(/^Sorry .* Resent-To: evil3@evil\.example Bcc: evil4@evil\.example$/);
    }

    // and a template that names a recipient header is refused before msmtp runs at all
    for (const header of ['Resent-To', 'resent-bcc', 'Resent-Cc', 'Bcc', 'Cc']) {
      const bad = templates({ 'generic.hbs': `Subject: Sorry\n${header}: evil@evil.example\n${BODY}` });
      const r = await batch(bad, csv, '--exec', msmtpCommand(smtp.port));
      expect(r.code).toBe(2);
    }
    expect(smtp.received).toHaveLength(3);
    expect(smtp.received.flatMap((m) => m.to).filter((to) => to.includes('evil'))).toEqual([]);
  });
});

describe('values that look like encoded-words show as typed', () => {
  const b64 = '=?utf-8?b?DQpCY2M6IGV2aWxAZXZpbC5leGFtcGxl?='; // "\r\nBcc: evil@evil.example"
  const q = 'Hi =?UTF-8?Q?=0D=0ABcc:_evil@evil.example?= there';

  it('in the To name, the Subject and an X- header (draft, .eml): mailparser and Python decode the typed text', async () => {
    const incident = JSON.parse(readFileSync(INCIDENT, 'utf8')) as Record<string, unknown>;
    incident.summary = q; // the summary is printed as typed (the mistake is made a sentence by the note layer)
    const incidentFile = writeTemp('incident.json', JSON.stringify(incident));
    const dir = templates({ 'generic.hbs': `Subject: ${b64} {{incident.summary}}\nX-Note: {{incident.summary}}\n${BODY}` });
    const r = await cli(['draft', '--no-input', '--no-check', '--incident', incidentFile, '--templates', dir, '--to', `${b64} <ana@example.com>`]);
    expect(r.stderr).not.toMatch(/^apologize:/m);
    expect(r.code).toBe(0);
    const subject = `${b64} ${q}`;
    const parsed = await simpleParser(r.stdout);
    expect(parsed.subject).toBe(subject);
    expect(libmime.decodeWords(String(parsed.headers.get('x-note')))).toBe(q); // mailparser leaves X- headers encoded
    expect(parsed.headers.has('bcc')).toBe(false);
    const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : [];
    expect(to).toEqual([{ name: b64, address: 'ana@example.com' }]);
    const [py] = pythonParse([writeTemp('m.eml', r.stdout)]);
    expect(py!.subject).toBe(subject);
    expect(py!.headers['X-Note']).toEqual([q]);
    expect(py!.to).toEqual([{ name: b64, address: 'ana@example.com' }]);
    expect(py!.headers['Bcc']).toBeUndefined();
  });

  it('in a batch written by the byte path (mbox): every To name and Subject is what the CSV says', async () => {
    const names = [b64, q, '=?iso-8859-1?q?J=F6rg?=', 'Plain Name', '=?x?=', 'a=?b?=c'];
    const csv = csvFile(`email,name\n${names.map((n, i) => `c${i}@example.com,${n}`).join('\n')}\n`);
    const dir = templates({ 'generic.hbs': `Subject: For {{recipient.name}}\n${BODY}` });
    const r = await batch(dir, csv);
    expect(r.code).toBe(0);
    const msgs = pythonParse([writeTemp('out.mbox', r.stdout)], true);
    expect(msgs.map((m) => m.to)).toEqual(names.map((name, i) => [{ name, address: `c${i}@example.com` }]));
    expect(msgs.map((m) => m.subject)).toEqual(names.map((n) => `For ${n}`));
    for (const m of msgs) expect(m.headers['Bcc']).toBeUndefined();
  });
});

describe('line breaks and control characters in values', () => {
  const rows = [
    ['c0@example.com', 'one\rtwo'],
    ['c1@example.com', 'one\r\ntwo'],
    ['c2@example.com', 'one\ntwo'],
    ['c3@example.com', 'tab\tkept'],
    ['c4@example.com', 'nul\u0000here'],
    ['c5@example.com', 'esc\u001b[2Jhere'],
    ['c6@example.com', 'c1\u0085here'],
    ['c7@example.com', 'del\u007fhere'],
  ];
  const csvText = `email,name,note\n${rows.map(([e, n]) => `${e},Ana,"${n}"`).join('\r\n')}\r\n`;
  const dir = templates({ 'generic.hbs': `Subject: Sorry\n\nHi {{recipient.first_name}},\n\nNote: {{recipient.note}}\nEnd.\n` });

  it('batch mbox: CR, CRLF and LF become the line ending; NUL and other controls reject the row with a reason', async () => {
    const csv = csvFile(csvText);
    const r = await batch(dir, csv);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\r/);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const msgs = pythonParse([writeTemp('out.mbox', r.stdout)], true);
    expect(msgs.map((m) => m.to![0]!.address)).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com', 'c3@example.com']);
    for (const m of msgs.slice(0, 3)) expect(m.text).toBe('Hi Ana,\n\nNote: one\ntwo\nEnd.\n');
    expect(msgs[3]!.text).toBe('Hi Ana,\n\nNote: tab\tkept\nEnd.\n');
    const rejects = readFileSync(csv.replace(/\.csv$/, '.rejects.csv'), 'utf8');
    for (const code of ['U+0000', 'U+001B', 'U+0085', 'U+007F']) expect(rejects).toContain(`control character ${code}`);
    expect(rejects.trim().split(/\r?\n/)).toHaveLength(5);
  });

  it('batch eml: every line ends CRLF, no lone CR or LF; Python reads the value as typed', async () => {
    const csv = csvFile(csvText);
    const out = join(tempDir(), 'eml');
    const r = await batch(dir, csv, '--format', 'eml', '--out', out);
    expect(r.code).toBe(1);
    const files = readdirSync(out).map((f) => join(out, f));
    expect(files).toHaveLength(4);
    for (const f of files) {
      const raw = readFileSync(f, 'utf8');
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
    for (const m of pythonParse(files)) {
      expect(m.defects).toEqual([]);
      expect(m.text!.replace(/\r\n/g, '\n')).toMatch(/^Hi Ana,\n\nNote: (one\ntwo|tab\tkept)\nEnd\.\n$/);
    }
  });

  it('draft: a control character in an incident value is exit 2; a lone CR is a line break', async () => {
    const incident = JSON.parse(readFileSync(INCIDENT, 'utf8')) as Record<string, unknown>;
    const page = templates({ 'generic.hbs': 'Subject: Sorry\n\n{{incident.mistake}}\n' });
    const bad = await draft(page, '--incident', writeTemp('i.json', JSON.stringify({ ...incident, mistake: 'we \u0000 failed' })));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/mistake contains the control character U\+0000/);
    const cr = await draft(page, '--incident', writeTemp('i.json', JSON.stringify({ ...incident, mistake: 'we\rfailed' })));
    expect(cr.code).toBe(0);
    expect(cr.stdout).not.toMatch(/\r/);
    expect(pythonParse([writeTemp('m.eml', cr.stdout)])[0]!.text).toBe('we\nfailed\n');
  });
});

describe('templates over 256 KB are refused before Handlebars sees them', () => {
  it.each([
    ['generic.hbs', () => `Subject: Big\n\n${'We are sorry. {{incident.mistake}}\n'.repeat(300_000)}`, /generic\.hbs: the template is 10\.\d MB; a template or partial may be at most 256 KB/],
    ['partials/greeting.hbs', () => 'Hello. '.repeat(40_000), /partials\/greeting\.hbs: the template is 274 KB; a template or partial may be at most 256 KB/],
  ])('%s', async (file, text, error) => {
    const dir = templates({ [file]: text() });
    const r = await draft(dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(error);
    const b = await batch(dir, csvFile('email,name\nana@example.com,Ana\n'));
    expect(b.code).toBe(2);
    expect(b.stdout).toBe('');
  });
});

describe('every branch is checked before the first message', () => {
  const branches: [string, Record<string, string>, RegExp][] = [
    ['{{#if}}', { 'generic.hbs': `Subject: Sorry\n\n{{#if recipient.vip}}\n{{incident.vipOffer}}\n{{/if}}\n` }, /generic\.hbs:4: the template uses incident\.vipOffer/],
    ['{{else}}', { 'generic.hbs': `Subject: Sorry\n\n{{#if incident.severe}}x{{else}}{{incident.vipOffer}}{{/if}}\n` }, /generic\.hbs:3: the template uses incident\.vipOffer/],
    ['{{#unless}}', { 'generic.hbs': `Subject: Sorry\n\n{{#unless recipient.vip}}{{else}}{{company.vipOffer}}{{/unless}}\n` }, /the template uses company\.vipOffer/],
    ['{{#each}} and ../', { 'generic.hbs': `Subject: Sorry\n\n{{#each recipient.orders}}{{#if vip}}{{../incident.vipOffer}}{{/if}}{{/each}}\n` }, /the template uses incident\.vipOffer/],
    ['{{#with}}', { 'generic.hbs': `Subject: Sorry\n\n{{#if recipient.vip}}{{#with incident}}{{vipOffer}}{{/with}}{{/if}}\n` }, /the template uses incident\.vipOffer/],
    ['a subexpression', { 'generic.hbs': `Subject: Sorry\n\n{{#if (eq recipient.tier "vip")}}{{upper (lower incident.vipOffer)}}{{/if}}\n` }, /the template uses incident\.vipOffer/],
    ['@root', { 'generic.hbs': `Subject: Sorry\n\n{{#each recipient.orders}}{{@root.signer.vipOffer}}{{/each}}\n` }, /the template uses signer\.vipOffer/],
    ['a header', { 'generic.hbs': `Subject: Sorry{{#if recipient.vip}} {{incident.vipOffer}}{{/if}}\n\nbody\n` }, /generic\.hbs:1: the template uses incident\.vipOffer/],
    ['a partial', { 'generic.hbs': `Subject: Sorry\n\n{{#if recipient.vip}}{{> vip}}{{/if}}\n`, 'partials/vip.hbs': 'Line one\n{{incident.vipOffer}}\n' }, /partials\/vip\.hbs:2: the template uses incident\.vipOffer/],
    ['a partial with a hash', { 'generic.hbs': `Subject: Sorry\n\n{{#if recipient.vip}}{{> vip lead="x"}}{{/if}}\n`, 'partials/vip.hbs': '{{lead}} {{incident.vipOffer}}\n' }, /partials\/vip\.hbs:1: the template uses incident\.vipOffer/],
    ['an unknown root name', { 'generic.hbs': `Subject: Sorry\n\n{{#if recipient.vip}}{{vipOffer}}{{/if}}\n` }, /the template uses vipOffer/],
    ['an unknown helper', { 'generic.hbs': `Subject: Sorry\n\n{{#if recipient.vip}}{{frobnicate incident.mistake}}{{/if}}\n` }, /generic\.hbs:3: there is no helper "frobnicate"/],
    ['a missing partial', { 'generic.hbs': `Subject: Sorry\n\n{{#if recipient.vip}}{{> vip-offer}}{{/if}}\n` }, /generic\.hbs:3: there is no partial "vip-offer"/],
  ];

  it.each(branches)('templates lint finds a name inside %s, and prints the variable', async (_label, files, error) => {
    const dir = templates(files);
    const r = await cli(['templates', 'lint', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(error);
    expect(r.stdout).not.toContain('[object Object]');
  });

  it.each(branches)('batch: a problem inside %s only some rows reach is exit 2 before anything is written', async (_label, files, error) => {
    const dir = templates(files);
    const csv = csvFile('email,name,vip,tier\nc0@example.com,Ana,,\nc1@example.com,Bo,yes,vip\n');
    const r = await batch(dir, csv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(error);
  });

  it('batch: a recipient field printed in a branch needs its column, checked before the first message', async () => {
    const csv = csvFile('email,name,vip,sku\nc0@example.com,Ana,,\nc1@example.com,Bo,yes,S-1\n');
    for (const [body, field] of [
      ['{{#if recipient.vip}}Your code: {{recipient.vipcode}}{{/if}}', 'vipcode'],
      ['{{#each recipient.orders}}{{#if vip}}- {{sku}} {{size}}{{/if}}{{/each}}', 'size'],
      ['{{#each recipient.orders as |o|}}{{#if o.vip}}- {{o.colour}}{{/if}}{{/each}}', 'colour'],
      ['{{#if recipient.vip}}{{recipient.orders.[0].colour}}{{/if}}', 'colour'],
    ]) {
      const dir = templates({ 'generic.hbs': `Subject: Sorry\n\n${body}\n` });
      const r = await batch(dir, csv);
      expect(r.code, body).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`recipient\\.${field} but the CSV has no such column`));
    }
    // a guard on the very field keeps a missing column harmless
    const guarded = templates({ 'generic.hbs': `Subject: Sorry\n\n{{#if recipient.vipcode}}Your code: {{recipient.vipcode}}{{/if}}Hi.\n` });
    const ok = await batch(guarded, csv);
    expect(ok.code).toBe(0);
  });

  it('a printed field with no test of it around needs a value in every row; a tested one does not', async () => {
    const dir = templates({
      'generic.hbs': 'Subject: Sorry\n\n{{> order}}\n{{#if recipient.tier}}Tier {{recipient.tier}}.{{/if}}\n',
      'partials/order.hbs': 'Order {{@root.recipient.order_id}}.',
    });
    const csv = csvFile('email,name,order_id,tier\nc0@example.com,Ana,A-1,\nc1@example.com,Bo,,gold\n');
    const r = await batch(dir, csv);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Order A-1.');
    expect(readFileSync(csv.replace(/\.csv$/, '.rejects.csv'), 'utf8')).toMatch(/c1@example\.com.*order_id is empty and the template needs it/);
  });

  it('messageId is in the context (SPEC.md), each message its own, in a branch too', async () => {
    const dir = templates({ 'generic.hbs': `Subject: Sorry\nX-Ref: {{messageId}}\n\n{{#if recipient.name}}Reference: {{@root.messageId}}{{/if}}\n` });
    const r = await batch(dir, csvFile('email,name\nc0@example.com,Ana\nc1@example.com,Bo\n'));
    expect(r.code).toBe(0);
    const msgs = pythonParse([writeTemp('out.mbox', r.stdout)], true);
    expect(msgs).toHaveLength(2);
    for (const m of msgs) {
      const id = m.messageId!.slice(1, -1);
      expect(m.text).toBe(`Reference: ${id}\n`);
      expect(m.headers['X-Ref']).toEqual([id]);
    }
    expect(msgs[0]!.messageId).not.toBe(msgs[1]!.messageId);
  });

  it('batch: a template error found after messages went out rejects those rows: exit 1 with the summary, never exit 2', async () => {
    // only a customer with a second order has recipient.orders.[1]: unknowable before the rows are read
    const dir = templates({ 'generic.hbs': `Subject: Sorry\n\nHi {{recipient.first_name}}.\n{{#if recipient.vip}}Second order: {{recipient.orders.[1].order_id}}{{/if}}\n` });
    const csv = csvFile('email,name,vip,order_id\nc0@example.com,Ana,,A-1\nc1@example.com,Bo,yes,B-1\nc2@example.com,Cy,yes,C-1\nc2@example.com,Cy,yes,C-2\n');
    for (const format of ['mbox', 'ndjson']) {
      const r = await batch(dir, csv, '--format', format);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/2 messages/);
      expect(r.stderr).toMatch(/1 rejected/);
      expect(r.stdout).toContain('Hi Ana.');
      expect(r.stdout).toContain('Second order: C-2');
      const rejects = readFileSync(csv.replace(/\.csv$/, '.rejects.csv'), 'utf8');
      expect(rejects).toMatch(/c1@example\.com.*recipient\.orders\.\[1\]\.order_id is not defined/);
    }
  });
});
