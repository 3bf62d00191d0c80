// The worker that reads a big file's rows for the main pass (parse-ahead.ts)
// must hand over what the main thread's own reading gives: every record in
// order, blank lines as blank, a bad row with its reason and whole cells, a
// good row with the same cells, text, fields, address, key and names, whichever
// thread runs the checks. Uses the bundled worker (dist/prescan-worker.js: npm run build).
import { closeSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareInput, readHeader } from '../../src/batch/input.js';
import { carryDown } from '../../src/recipients/carry.js';
import { columnsRead } from '../../src/recipients/columns.js';
import { readCsv } from '../../src/recipients/csv.js';
import { toUtf8 } from '../../src/recipients/decode.js';
import { BLANK_ROW, RejectedRow, startParseAhead, type ParsedRow } from '../../src/recipients/parse-ahead.js';
import { isBlankRow, makeRowChecker } from '../../src/recipients/rows.js';
import { wholeRow } from '../../src/recipients/tokenizer.js';
import { ROOT, tempDir } from '../helpers/run.js';

const SCRIPT = join(ROOT, 'dist/prescan-worker.js');

type Seen = ['blank'] | ['reject', number, string[], string] | ['good', number, unknown];

function seen(r: ParsedRow): Seen {
  if (r === BLANK_ROW) return ['blank'];
  if (r instanceof RejectedRow) return ['reject', r.line, r.cells, r.reason];
  return ['good', r.line, { ...r, cells: [...r.cells], fields: { ...r.fields } }];
}

/** The rows as the main thread reads them itself (run.ts's loop without a worker). */
async function sequential(path: string, template: Set<string> | undefined): Promise<Seen[]> {
  const file = await prepareInput(path, Readable.from([]));
  const { delimiter, columns } = await readHeader(file, undefined, new Map());
  const want = columnsRead(columns, template);
  const check = makeRowChecker(columns, new Set(['name']), want);
  const carry = carryDown(columns, { want, delimiter });
  const out: Seen[] = [];
  for await (const { rows } of readCsv(toUtf8(file.chunks(), { encoding: file.encoding }), { delimiter, want })) {
    for (const r of rows) {
      if (r.cells.length === 0 || isBlankRow(r.cells)) {
        out.push(['blank']);
        continue;
      }
      if (carry) carry(r.cells, r.text);
      const v = check(r);
      if (typeof v === 'string') out.push(['reject', r.line, wholeRow(r.cells, r.text, delimiter, want), v]);
      else out.push(['good', v.line, { ...v, cells: [...v.cells], fields: { ...v.fields } }]);
    }
  }
  closeSync(file.fd);
  return out;
}

async function threaded(path: string, template: Set<string> | undefined, checks: 'worker' | 'main'): Promise<Seen[]> {
  const file = await prepareInput(path, Readable.from([]));
  const { delimiter, columns } = await readHeader(file, undefined, new Map());
  const want = columnsRead(columns, template);
  const ahead = await startParseAhead(SCRIPT, { fd: file.fd, size: file.size, encoding: file.encoding, delimiter, want, columns, required: new Set(['name']), checks });
  const out: Seen[] = [];
  for await (const { rows } of ahead.rows()) for (const r of rows) out.push(seen(r));
  closeSync(file.fd);
  return out;
}

const EMAILS = ['a@example.com', 'B@Example.COM', ' c@example.com ', '"Zoë Q" <z@example.com>', 'not-an-address', '', 'x@example.com; y@example.com', 'd@example.com'];
const NAMES = ['Ann', '"Smith, Jo"', 'Zoë Müller', '山田 太郎', '', '"say ""hi"""', 'Bad\u0007Name', '  ', '"two\nlines"', 'O\'Neil'];
const NOTES = ['plain', '"quoted, comma"', '', 'é', '"multi\r\nline"', 'x'.repeat(70)];

describe('parse-ahead: the worker hands over what reading on the main thread gives', () => {
  it('the bundled worker is there (npm run build)', () => {
    expect(existsSync(SCRIPT)).toBe(true);
  });

  it('random rows (bad addresses, ragged rows, blank lines, quoted cells, non-ASCII), checks on either thread', async () => {
    const dir = tempDir('apologize-ahead-');
    const row = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...EMAILS), fc.constantFrom(...NAMES), fc.constantFrom('O-1', 'O-2', ''), fc.constantFrom('Jo', '', 'Zoë'), fc.constantFrom(...NOTES)).map((c) => c.join(',')) },
      { weight: 1, arbitrary: fc.constantFrom('', ',,,,', 'a@example.com,Ann,O-1,Jo,n,extra', 'a@example.com,Ann') },
    );
    const files = fc.sample(fc.array(row, { minLength: 1, maxLength: 400 }), { numRuns: 12, seed: 20261201 });
    let i = 0;
    const kinds = new Set<string>();
    for (const rows of files) {
      const path = join(dir, `r${i++}.csv`);
      writeFileSync(path, `email,name,order_id,first_name,note\n${rows.join(i % 2 ? '\r\n' : '\n')}\n`);
      for (const template of [new Set<string>(), undefined]) {
        const expected = await sequential(path, template);
        for (const r of expected) kinds.add(r[0]);
        for (const checks of ['worker', 'main'] as const) expect(await threaded(path, template, checks), `${path} ${checks}`).toEqual(expected);
      }
    }
    expect([...kinds].sort()).toEqual(['blank', 'good', 'reject']);
  }, 60_000);

  it('a Shopify export (order cells carried down its line items), checks on either thread', async () => {
    const { generateShopifyCsv } = (await import('../../bench/gen.mjs')) as unknown as { generateShopifyCsv: (p: string, n: number) => Promise<void> };
    const dir = tempDir('apologize-ahead-');
    const path = join(dir, 'shopify.csv');
    await generateShopifyCsv(path, 3000);
    expect(statSync(path).size).toBeGreaterThan(0);
    const expected = await sequential(path, new Set(['product']));
    expect(expected.filter((r) => r[0] === 'good').length).toBe(3000);
    for (const checks of ['worker', 'main'] as const) expect(await threaded(path, new Set(['product']), checks)).toEqual(expected);
  }, 60_000);
});
