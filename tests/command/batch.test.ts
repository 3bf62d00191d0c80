// apologize batch, in-process (tests/helpers/cli.ts). Real pipes (stdin from a pipe, a reader
// that leaves) are in tests/e2e/batch.test.ts.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cli, ndjson, summaryLine } from '../helpers/cli.js';
import { ROOT, pythonParse, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const ORDERS = join(ROOT, 'examples/orders.csv');
/** examples/orders.csv to stdout: 7 rows, Zoë's two grouped into one message. */
const ORDERS_SUMMARY = 'apologize: 7 rows read, 6 messages (7 rows, 1 grouped into them), 0 rejected → stdout';
const ORDERS_KEYS = ['zoe.muller@example.com', 'liam@example.com', 'orders@smithandsons.example', 'jose@example.com', 'priya.n@example.com', 'no-name@example.com'];

/** The counts in the summary line; rendered = rows that became (part of) a message. */
function summaryCounts(stderr: string) {
  const line = summaryLine(stderr);
  const m = /^apologize: ([\d,]+) rows read, ([\d,]+) (?:messages?|previewed)(?: \(([\d,]+) rows, ([\d,]+) grouped into them\))?, ([\d,]+) rejected/.exec(line);
  if (!m) throw new Error(`no counts in: ${line}`);
  const num = (s: string | undefined) => Number((s ?? '0').replace(/,/g, ''));
  const skipped = /, ([\d,]+) skipped/.exec(line);
  return { read: num(m[1]), messages: num(m[2]), rendered: m[3] ? num(m[3]) : num(m[2]), rejected: num(m[5]), skipped: skipped ? num(skipped[1]) : 0 };
}

function csvFile(dir: string, name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('batch to mbox', () => {
  it('writes one message per customer, read back by Python mailbox', async () => {
    const dir = tempDir();
    const r = await cli(['batch', ORDERS, '--incident', INCIDENT]);
    expect(r.code).toBe(0);
    const mbox = csvFile(dir, 'out.mbox', r.stdoutBytes);
    const msgs = pythonParse([mbox], true);
    expect(msgs.map((m) => m.to?.[0]?.address)).toEqual(ORDERS_KEYS);
    for (const m of msgs) {
      expect(m.defects).toEqual([]);
      expect(m.maxLineOctets).toBeLessThanOrEqual(998);
      expect(m.fromLine).toMatch(/^care@pemberton-tea\.example Wed Jul {2}8 09:00:00 2026$/);
    }
    expect(msgs[0]!.to).toEqual([{ name: 'Zoë Müller', address: 'zoe.muller@example.com' }]);
    expect(msgs[0]!.text).toContain('Order A-1001');
    expect(msgs[0]!.text).toContain('Order A-1002');
    expect(msgs[0]!.text).toContain('Hi Zoë,');
    expect(msgs[2]!.to).toEqual([{ name: 'Smith & Sons Catering', address: 'orders@smithandsons.example' }]);
    expect(msgs[5]!.text).toMatch(/^Hello,\n/);
    expect(new Set(msgs.map((m) => m.messageId)).size).toBe(6);
    expect(summaryLine(r.stderr)).toBe(ORDERS_SUMMARY);
    expect(r.stderr).toBe(`${r.stderr.split('\n')[0]}\n`); // the summary is all there is on stderr
  });

  it('quotes "From " lines (mboxrd) so no message is split', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl/generic.hbs'), 'Subject: Note\n\n{{recipient.note}}\nFrom here on, all good.\n');
    const csv = csvFile(dir, 'in.csv', 'email,note\na@example.com,From the warehouse\nb@example.com,>From quoted already\n');
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n>From the warehouse\n>From here on');
    expect(r.stdout).toContain('\n>>From quoted already\n');
    const msgs = pythonParse([csvFile(dir, 'o.mbox', r.stdoutBytes)], true);
    expect(msgs).toHaveLength(2);
  });

  it('groups a customer whose rows are scattered, and --per-row turns grouping off', async () => {
    const dir = tempDir();
    const csv = csvFile(dir, 'in.csv', 'email,name,order_id\nann@example.com,Ann,1\nbob@example.com,Bob,2\nANN@example.com,Ann,3\ncy@example.com,Cy,4\nann@example.com,Ann,5\n');
    const grouped = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'ndjson']);
    expect(grouped.code).toBe(0);
    const objs = ndjson<{ to: string; text: string; key: string }>(grouped.stdout);
    expect(objs.map((o) => o.key)).toEqual(['bob@example.com', 'cy@example.com', 'ann@example.com']);
    expect(objs[2]!.text).toMatch(/Order 1\n- Order 3\n- Order 5/);
    expect(summaryLine(grouped.stderr)).toBe('apologize: 5 rows read, 3 messages (5 rows, 2 grouped into them), 0 rejected → stdout');
    const perRow = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'ndjson', '--per-row']);
    expect(perRow.code).toBe(0);
    const rows = ndjson<{ messageId: string }>(perRow.stdout);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((o) => o.messageId)).size).toBe(5);
    expect(summaryLine(perRow.stderr)).toBe('apologize: 5 rows read, 5 messages, 0 rejected → stdout');
  });
});

describe('hostile CSV input', () => {
  const hostile = [
    'Order No;Customer Name;E-mail;log;lookup;qty;price',
    'H-1;Zoë {{company.name}};zoe@example.com;logged;looked;2;3',
    'H-2;Bob;"bob@example.com\r\nBcc: eve@evil.example";x;y;1;1',
    'H-3;"Eve\r\nBcc: eve@evil.example";eve@example.com;x;y;1;1',
    'H-4;Mal;"a@example.com, b@example.com";x;y;1;1',
    'H-5;Dash;-oQ/tmp/x@example.com;x;y;1;1',
    'H-6;Zero;zero\u200bwidth@example.com;x;y;1;1',
    'H-7;"=HYPERLINK(""http://evil.example"")";;x;y;1;1',
    'H-8;Ragged;ragged@example.com;x',
    '',
    ';;;;;;',
    'H-9;Bidi \u202eevil;bidi@example.com;x;y;1;1',
    'H-10;Good Two;good2@example.com;x;y;10;20',
  ].join('\r\n');

  it('rejects every bad row with its line and reason, keeps counts, and never sums numbers', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl/generic.hbs'), 'Subject: Hello {{recipient.name}}\n\n{{recipient.log}}|{{recipient.lookup}}|{{recipient.qty}}{{recipient.price}}|{{recipient.name}}\n');
    const csv = csvFile(dir, 'orders.csv', `\uFEFF${hostile}\r\n`);
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl'), '--format', 'ndjson']);
    expect(r.code).toBe(1);
    const objs = ndjson<{ to: string; text: string; subject: string }>(r.stdout);
    expect(objs.map((o) => o.to)).toEqual(['"Zoë {{company.name}}" <zoe@example.com>', 'Good Two <good2@example.com>']);
    expect(objs[0]!.text).toBe('logged|looked|23|Zoë {{company.name}}\n');
    expect(objs[1]!.text).toBe('x|y|1020|Good Two\n');
    expect(objs[0]!.subject).toBe('Hello Zoë {{company.name}}');
    const c = summaryCounts(r.stderr);
    expect(c.read).toBe(c.rendered + c.rejected + c.skipped);
    // the blank line and the ;;;;;; line are blank, not rows
    expect(summaryLine(r.stderr)).toBe(`apologize: 10 rows read, 2 messages, 8 rejected (see ${join(dir, 'orders.rejects.csv')}) → stdout`);
    const rejects = parseCsvSync(readFileSync(join(dir, 'orders.rejects.csv')), { relax_column_count: true }) as string[][];
    expect(rejects[0]).toEqual(['Order No', 'Customer Name', 'E-mail', 'log', 'lookup', 'qty', 'price', '_line', '_reason']);
    const byOrder = new Map(rejects.slice(1).map((row) => [row[0], row]));
    expect(byOrder.get('H-2')![7]).toBe('3');
    expect(byOrder.get('H-2')![8]).toMatch(/line break/);
    expect(byOrder.get('H-2')![2]).toBe('bob@example.com\r\nBcc: eve@evil.example');
    expect(byOrder.get('H-3')![8]).toMatch(/name contains a line break/);
    expect(byOrder.get('H-4')![8]).toMatch(/more than one/);
    expect(byOrder.get('H-5')![8]).toMatch(/starts with "-"/);
    expect(byOrder.get('H-6')![8]).toMatch(/zero-width/);
    expect(byOrder.get('H-7')![1]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(byOrder.get('H-7')![8]).toBe('email is missing');
    expect(byOrder.get('H-8')![8]).toMatch(/row has 4 fields but the header has 7/);
    expect(byOrder.get('H-9')![8]).toMatch(/name contains a control, zero-width or bidi character \(it would reach the To header\)/);
    expect(rejects).toHaveLength(9);
  });

  it('--strict writes nothing when a row is bad (exit 2), and keeps the reasons', async () => {
    const dir = tempDir();
    const csv = csvFile(dir, 'orders.csv', `${hostile}\r\n`);
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const rejects = join(dir, 'orders.rejects.csv');
    expect(r.stderr).toBe(`apologize: --strict: 8 of 10 rows are bad (reasons in ${rejects}); nothing was written — fix those rows, or drop --strict to send the good ones and keep the rejects\n`);
    expect(existsSync(rejects)).toBe(true);
    expect((parseCsvSync(readFileSync(rejects), { relax_column_count: true }) as string[][]).length).toBe(9);
  });

  it('reads windows-1252 through iconv-lite (– “ ” € survive) and UTF-16 by its BOM', async () => {
    const dir = tempDir();
    const text = 'email,name,note\njose@example.com,José Ñúñez,“quoted” – 5 €\n';
    const cp = csvFile(dir, 'cp1252.csv', iconv.encode(text, 'windows-1252'));
    const r = await cli(['batch', cp, '--incident', INCIDENT, '--encoding', 'windows-1252', '--format', 'ndjson', '--templates', tplDir(dir)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).text).toBe('José Ñúñez: “quoted” – 5 €\n');
    const u16 = csvFile(dir, 'u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    const r16 = await cli(['batch', u16, '--incident', INCIDENT, '--format', 'ndjson', '--templates', tplDir(dir)]);
    expect(r16.code).toBe(0);
    expect(JSON.parse(r16.stdout).text).toBe('José Ñúñez: “quoted” – 5 €\n');
    const bad = await cli(['batch', cp, '--incident', INCIDENT, '--encoding', 'klingon']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('apologize: unknown encoding "klingon" — use a name like windows-1252, latin1, utf-16le or shift_jis, or auto to detect it\n');
  });

  it('maps columns by alias and --map, detects tab and pipe delimiters', async () => {
    const dir = tempDir();
    const tsv = csvFile(dir, 't.tsv', ' Customer Email \tGiven Name\tOrder Number\nann@example.com\tAnn\tT-1\n');
    const r = await cli(['batch', tsv, '--incident', INCIDENT, '--format', 'ndjson', '--map', 'Customer Email=email', '--rejects', join(dir, 'rej.csv')]);
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.stdout) as { to: string; text: string };
    expect(obj.to).toBe('ann@example.com');
    expect(obj.text).toContain('Hi Ann,');
    expect(obj.text).toContain('your order T-1');
    const pipe = csvFile(dir, 'p.csv', 'email|name\nbo@example.com|Bo\n');
    const p = await cli(['batch', pipe, '--incident', INCIDENT, '--format', 'ndjson']);
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout).to).toBe('Bo <bo@example.com>');
    const none = csvFile(dir, 'n.csv', 'mail,name\nx@example.com,X\n');
    const e = await cli(['batch', none, '--incident', INCIDENT]);
    expect(e.code).toBe(2);
    expect(e.stdout).toBe('');
    expect(e.stderr).toBe('apologize: the CSV has no email column (columns: "mail", "name") — name one "email" (or e-mail, email_address, customer_email), or use --map "YourColumn=email"\n');
    const dup = csvFile(dir, 'd.csv', 'email,E-mail\nx@example.com,y@example.com\n');
    const d = await cli(['batch', dup, '--incident', INCIDENT]);
    expect(d.code).toBe(2);
    expect(d.stderr).toBe('apologize: columns "email" and "E-mail" both become "email" — rename one, or --map "E-mail=other_name"\n');
  });

  it('a header line never exceeds 998 octets, whatever the values', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl/generic.hbs'), 'Subject: {{recipient.long}} ünïcode\nX-Ref: {{recipient.long}}\n\n{{recipient.long}}\n');
    const csv = csvFile(dir, 'l.csv', `email,name,long\nlong@example.com,${'N'.repeat(250)},${'x'.repeat(3000)}\n`);
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl')]);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
    const [msg] = pythonParse([csvFile(dir, 'l.mbox', r.stdoutBytes)], true);
    expect(msg!.subject).toBe(`${'x'.repeat(3000)} ünïcode`);
    expect(msg!.text).toBe(`${'x'.repeat(3000)}\n`);
    // A name typed all in capitals reaches the To header in its usual capitals, as the greeting says it.
    expect(msg!.to![0]!.name).toBe(`N${'n'.repeat(249)}`);
  });
});

function tplDir(dir: string): string {
  const t = join(dir, 'tpl-note');
  if (!existsSync(t)) {
    mkdirSync(t);
    writeFileSync(join(t, 'shipping-delay.hbs'), 'Subject: Note\n\n{{recipient.name}}: {{recipient.note}}\n');
  }
  return t;
}

describe('batch outputs and controls', () => {
  it('writes a folder of .eml files atomically and will not overwrite without --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'eml');
    const r = await cli(['batch', ORDERS, '--incident', INCIDENT, '--format', 'eml', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(summaryLine(r.stderr)).toBe(`apologize: 7 rows read, 6 messages (7 rows, 1 grouped into them), 0 rejected → ${out}`);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      '000001-zoe.muller@example.com.eml', '000002-liam@example.com.eml', '000003-orders@smithandsons.example.eml',
      '000004-jose@example.com.eml', '000005-priya.n@example.com.eml', '000006-no-name@example.com.eml',
    ]);
    const raw = readFileSync(join(out, files[0]!), 'utf8');
    expect(raw).toContain('\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
    const parsed = pythonParse(files.map((f) => join(out, f)));
    expect(parsed.every((m) => m.defects.length === 0)).toBe(true);
    const again = await cli(['batch', ORDERS, '--incident', INCIDENT, '--format', 'eml', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`apologize: the folder ${out} already has 6 .eml file(s) — choose an empty folder, or add --force to overwrite\n`);
    const forced = await cli(['batch', ORDERS, '--incident', INCIDENT, '--format', 'eml', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(files);
  });

  it('--out FILE appears whole or not at all; /dev/full is a clear error', async () => {
    const dir = tempDir();
    const r = await cli(['batch', ORDERS, '--incident', INCIDENT, '--out', join(dir, 'a.mbox')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['a.mbox']);
    expect(readFileSync(join(dir, 'a.mbox'))).toEqual((await cli(['batch', ORDERS, '--incident', INCIDENT])).stdoutBytes);
    const full = await cli(['batch', ORDERS, '--incident', INCIDENT, '--out', '/dev/full']);
    expect(full.code).toBe(1);
    expect(full.stderr).toBe('apologize: cannot write to /dev/full: ENOSPC; nothing was kept — free some disk space, or write elsewhere\n');
    // stdout on /dev/full needs the real process.stdout: tests/e2e/streams.test.ts
  });

  it('ndjson escapes U+2028/U+2029 and has the documented keys', async () => {
    const dir = tempDir();
    const csv = csvFile(dir, 'u.csv', 'email,name,note\nann@example.com,Ann,a\u2028b\u2029c\n');
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'ndjson', '--templates', tplDir(dir)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a\\u2028b\\u2029c');
    expect(r.stdout).not.toMatch(/[\u2028\u2029]/);
    const obj = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(obj).sort()).toEqual(['from', 'headers', 'key', 'messageId', 'replyTo', 'subject', 'text', 'to']);
  });

  it('--preview renders to stderr and writes nothing', async () => {
    const dir = tempDir();
    const csv = csvFile(dir, 'orders.csv', readFileSync(ORDERS));
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--preview', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.match(/── message \d/g)).toEqual(['── message 1', '── message 2']);
    expect(r.stderr).toContain('\nTo: Zoë Müller <zoe.muller@example.com>\n');
    expect(readdirSync(dir)).toEqual(['orders.csv']);
  });

  it('--limit and --shard split deterministically, and counts add up', async () => {
    const lim = await cli(['batch', ORDERS, '--incident', INCIDENT, '--format', 'ndjson', '--limit', '2']);
    expect(lim.code).toBe(0);
    expect(ndjson<{ key: string }>(lim.stdout).map((o) => o.key)).toEqual(ORDERS_KEYS.slice(0, 2));
    const shard = (k: number) => cli(['batch', ORDERS, '--incident', INCIDENT, '--format', 'ndjson', '--shard', `${k}/3`]);
    const keys = async (k: number) => ndjson<{ key: string }>((await shard(k)).stdout).map((o) => o.key);
    const shards = [await keys(1), await keys(2), await keys(3)];
    const all = shards.flat();
    expect(all.sort()).toEqual([...ORDERS_KEYS].sort());
    expect(await keys(2)).toEqual(shards[1]);
    for (const k of [1, 2, 3]) {
      const s = await shard(k);
      expect(s.code).toBe(0);
      const c = summaryCounts(s.stderr);
      expect(c.read).toBe(7);
      expect(c.read).toBe(c.rendered + c.rejected + c.skipped);
      expect(c.messages).toBe(shards[k - 1]!.length);
    }
    const bad = await cli(['batch', ORDERS, '--incident', INCIDENT, '--shard', '4/3']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('apologize: --shard "4/3" is not K/N with 1 ≤ K ≤ N — e.g. --shard 1/4 on the first of four machines\n');
  });

  it('reads stdin with -', async () => {
    const r = await cli(['batch', '-', '--incident', INCIDENT, '--format', 'ndjson'], { input: readFileSync(ORDERS) });
    expect(r.code).toBe(0);
    expect(ndjson<{ key: string }>(r.stdout).map((o) => o.key)).toEqual(ORDERS_KEYS);
    expect(summaryLine(r.stderr)).toBe(ORDERS_SUMMARY);
  });

  it('refuses contradictory or malformed options before writing anything', async () => {
    for (const [args, error] of [
      [['--format', 'eml'], 'apologize: --format eml writes one file per message and needs --out FOLDER — add --out ./messages (or use --format mbox for one stream)'],
      [['--exec', 'cat', '--out', 'x'], 'apologize: --exec and --out both say where messages go — use one of them'],
      [['--journal', 'j'], 'apologize: --journal records hand-offs to --exec or --smtp — add --smtp smtp://user@host:587 or --exec "sendmail -t -i" (or drop --journal)'],
      [['--rate', 'fast', '--exec', 'cat'], 'apologize: --rate "fast" is not a rate — use e.g. --rate 30/min or --rate 2/s'],
      [['--limit', '0'], 'apologize: --limit "0" must be a whole number of at least 1 — e.g. --limit 10'],
      [['--delimiter', '::'], 'apologize: --delimiter "::" must be one ASCII character other than a quote or line break — use , ; | or tab'],
    ] as const) {
      const dir = tempDir();
      const r = await cli(['batch', ORDERS, '--incident', INCIDENT, ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${error}\n`);
      expect(readdirSync(dir), args.join(' ')).toEqual([]);
    }
    const missing = await cli(['batch', 'nope.csv', '--incident', INCIDENT]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`apologize: cannot read nope.csv: no such file — check the CSV path (or use - for stdin)\n`);
  });
});
