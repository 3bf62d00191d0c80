// A big file's main pass reads and checks its rows on a second thread
// (src/recipients/parse-ahead.ts): whatever the rows hold, the run must give
// the bytes one thread gives (APOLOGIZE_THREADS=1): messages, rejects file,
// summary, journal and hand-offs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARSE_AHEAD_BYTES } from '../../src/batch/run.js';
import { ROOT, runBin, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'tests/fixtures/i18n-incident.json');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** The summary line without its timing. */
const summary = (s: string) => s.replace(/ · [\d.]+ s · [\d,]+ rows\/s/g, '').replace(/zz(two|one)\./g, 'out.');

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Zoë Müller', 'José Núñez', 'Łukasz Kowalski', '山田 太郎', 'Anne-Marie O\'Neil', 'van der Berg', '', 'DR. JANE SMITH', 'li wei', 'Ødegård, Kari'];
// Mostly English: a letter in another language is rendered per message (~1 ms), and the test would take minutes.
const LOCALES = ['en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', '', '', 'EN', 'EN', 'de', 'fr', 'es', 'de-AT'];
// A value with a line break is rendered per message (no cached shape): rare, or the test takes minutes.
const PRODUCTS = ['Assam Breakfast', '"Rooibos, vanilla"', '"Tea ""Earl Grey"", large"', 'Genmaicha – 250 g', 'Sencha'];

/**
 * About 50k rows: customers with several orders of several line items, some
 * customers scattered through the file, repeated rows, bad rows of every kind,
 * blank lines, quoted cells with commas, quotes and line breaks, addresses in
 * capitals or as "Name <address>", names in several scripts and locales.
 */
function writeMixed(file: string, rows: number): void {
  const r = random(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = ['order_id,name,email,locale,product,amount,first_name,note'];
  let line = 0;
  let customer = 0;
  const earlier: string[] = [];
  while (line < rows) {
    customer++;
    const name = pick(NAMES);
    const locale = pick(LOCALES);
    const roll = r();
    const email = roll < 0.05 ? `Customer${customer}@Example.COM` : roll < 0.08 ? `"${name || 'X'}" <c${customer}@example.com>` : `c${customer}@example.com`;
    const first = r() < 0.3 ? pick(['Zoë', 'José', '', 'ANNE']) : '';
    const orders = r() < 0.7 ? 1 : 1 + Math.floor(r() * 4);
    for (let o = 0; o < orders; o++) {
      const items = r() < 0.8 ? 1 : 1 + Math.floor(r() * 3);
      for (let i = 0; i < items; i++) {
        const note = `note ${line} ${'x'.repeat(Math.floor(r() * 40))}`;
        let row = `A-${customer}-${o},${name},${email},${locale},${r() < 0.005 ? '"Two\nlines"' : pick(PRODUCTS)},${(r() * 100).toFixed(2)},${first},${note}`;
        const bad = r();
        if (bad < 0.01) row = row.replace(email, 'not-an-address');
        else if (bad < 0.015) row = row.replace(email, '');
        else if (bad < 0.02) row += ',stray';
        else if (bad < 0.023) row = row.replace(name || email, `${name}\u0007`);
        else if (bad < 0.026) row = row.replace(email, `${email}; other@example.com`);
        out.push(row);
        line++;
        if (r() < 0.02) out.push(row); // the same row again
        if (r() < 0.01) out.push(r() < 0.5 ? '' : ',,,,,,,');
        if (r() < 0.02) earlier.push(row);
      }
    }
    // A customer seen before comes back (scattered).
    if (earlier.length > 0 && r() < 0.03) out.push(earlier[Math.floor(r() * earlier.length)]!);
  }
  writeFileSync(file, `${out.join('\r\n')}\r\n`);
}

describe('a big file read on a second thread gives what one thread gives', () => {
  it('50k mixed rows to an mbox file: the same messages, rejects and summary', async () => {
    const dir = tempDir('apologize-threads-');
    const csv = join(dir, 'mixed.csv');
    writeMixed(csv, 50_000);
    expect(statSync(csv).size).toBeGreaterThan(PARSE_AHEAD_BYTES);
    const args = (name: string) => ['batch', csv, '--incident', INCIDENT, '--out', join(dir, `${name}.mbox`), '--rejects', join(dir, `${name}.rejects.csv`)];
    const two = await runBin(args('zztwo'));
    const one = await runBin(args('zzone'), { env: { APOLOGIZE_THREADS: '1' } });
    expect(one.code, one.stderr).toBe(1); // rows were rejected
    expect(two.code, two.stderr).toBe(one.code);
    expect(summary(two.stderr)).toBe(summary(one.stderr));
    // Every kind of row was there.
    expect(one.stderr).toMatch(/customer\(s\) have rows spread through the file/);
    expect(one.stderr).toMatch(/[\d,]+ rows read, [\d,]+ messages \([\d,]+ rows, [\d,]+ grouped into them\), [1-9][\d,]* rejected/);
    const rejects = readFileSync(join(dir, 'zzone.rejects.csv'), 'utf8');
    for (const why of ['not one valid address', 'email is missing', 'fields but the header has', 'control', 'cannot be grouped reliably|not one valid address']) expect(rejects).toMatch(new RegExp(why));
    expect(sha(join(dir, 'zztwo.mbox'))).toBe(sha(join(dir, 'zzone.mbox')));
    expect(sha(join(dir, 'zztwo.rejects.csv'))).toBe(sha(join(dir, 'zzone.rejects.csv')));
  }, 120_000);

  it('--exec with a --journal and --limit, run twice: the same hand-offs and journal', async () => {
    const dir = tempDir('apologize-threads-');
    const csv = join(dir, 'mixed.csv');
    writeMixed(csv, 50_000);
    const runs = async (name: string, env: Record<string, string>) => {
      const log = join(dir, `${name}.log`);
      // Each hand-off appends its recipient and Message-ID to the log.
      const exec = `grep -m1 -i '^Message-ID:' >> '${log}'; echo "$APOLOGIZE_TO" >> '${log}'`;
      const stderr: string[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await runBin(['batch', csv, '--incident', INCIDENT, '--exec', exec, '--concurrency', '1', '--journal', join(dir, `${name}.journal`), '--limit', '150', '--rejects', join(dir, `${name}.rejects.csv`)], { env });
        expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
        stderr.push(summary(r.stderr).replaceAll(name, 'X'));
      }
      // The journal's times are the clock's: the rest must match.
      const journal = readFileSync(join(dir, `${name}.journal`), 'utf8').replace(/"at":"[^"]*"/g, '"at":""').replaceAll(name, 'X');
      return { stderr, log: readFileSync(log, 'utf8'), journal };
    };
    const two = await runs('zztwo', {});
    const one = await runs('zzone', { APOLOGIZE_THREADS: '1' });
    expect(one.log.split('\n').filter((l) => l.includes('@')).length).toBe(600); // 2 runs × 150 × (Message-ID + address)
    expect(two.stderr).toEqual(one.stderr);
    expect(two.log).toBe(one.log);
    expect(two.journal).toBe(one.journal);
  }, 180_000);
});

describe('a folder of .eml files is read on the main thread from the start', () => {
  it('starts no reading thread for --format eml (the folder writes on a thread of its own); an mbox run of the same file starts one', async () => {
    const dir = tempDir('apologize-threads-');
    // Counts the threads the run starts, by their workerData.kind, on stderr at exit.
    const hook = join(dir, 'count-workers.mjs');
    writeFileSync(
      hook,
      `import { createRequire, syncBuiltinESMExports } from 'node:module';
const wt = createRequire(import.meta.url)('node:worker_threads');
if (wt.isMainThread) {
  const kinds = [];
  const Worker = wt.Worker;
  wt.Worker = class extends Worker {
    constructor(script, options) {
      super(script, options);
      kinds.push(options?.workerData?.kind ?? 'other');
    }
  };
  syncBuiltinESMExports();
  process.on('exit', () => process.stderr.write('\\nworkers started: [' + kinds.join(',') + ']\\n'));
}
`,
    );
    const csv = join(dir, 'big.csv');
    const rows = ['Order No,Customer Name,Email,Product'];
    for (let i = 0; i < 90_000; i++) rows.push(`A-${100000 + i},${NAMES[i % 6] || 'Sam Lee'},customer${Math.floor(i / 2)}@example.com,${PRODUCTS[i % 5]}`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
    expect(statSync(csv).size).toBeGreaterThan(PARSE_AHEAD_BYTES);
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` };
    const started = (stderr: string) => /workers started: \[(.*)\]/.exec(stderr)?.[1]?.split(',') ?? ['(no report)'];
    const eml = await runBin(['batch', csv, '--incident', INCIDENT, '--format', 'eml', '--out', join(dir, 'eml'), '--limit', '3'], { env });
    expect(eml.code, eml.stderr).toBe(0);
    expect(readdirSync(join(dir, 'eml'))).toHaveLength(3);
    expect(started(eml.stderr)).not.toContain('parse');
    expect(started(eml.stderr)).not.toContain('(no report)');
    const mbox = await runBin(['batch', csv, '--incident', INCIDENT, '--out', join(dir, 'out.mbox'), '--limit', '3'], { env });
    expect(mbox.code, mbox.stderr).toBe(0);
    expect(started(mbox.stderr)).toContain('parse');
  }, 120_000);
});
