// A preset's order cells carried down an order's line items (carry.ts). A run decodes only the
// carried columns it reads; the others are carried when a row is written whole (rejected or held):
// those rows must read exactly as when every column is decoded and carried in place, whichever
// thread reads the file. Uses the bundled worker (dist/prescan-worker.js: npm run build).
import { closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prepareInput, readHeader } from '../../src/batch/input.js';
import { carryDown } from '../../src/recipients/carry.js';
import { columnsRead, mapColumns } from '../../src/recipients/columns.js';
import { recognisePreset } from '../../src/recipients/presets.js';
import { readCsv } from '../../src/recipients/csv.js';
import { toUtf8 } from '../../src/recipients/decode.js';
import { BLANK_ROW, RejectedRow, startParseAhead } from '../../src/recipients/parse-ahead.js';
import { isBlankRow, makeRowChecker } from '../../src/recipients/rows.js';
import { wholeRow } from '../../src/recipients/tokenizer.js';
import { ROOT, tempDir } from '../helpers/run.js';

const SCRIPT = join(ROOT, 'dist/prescan-worker.js');
const HEADER = ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Currency', 'Subtotal', 'Total', 'Shipping Method', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Billing Name', 'Shipping Name', 'Notes', 'Payment Method', 'Phone', 'Tags'];

/** A row: these columns set, the others empty. */
const row = (cells: Record<string, string>) => HEADER.map((h) => cells[h] ?? '');
const csvLine = (cells: string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const first = (order: string, email: string, more: Record<string, string> = {}) =>
  row({ Name: order, Email: email, 'Financial Status': 'paid', 'Paid at': '2026-07-01 10:00', 'Fulfillment Status': 'unfulfilled', Currency: 'GBP', Subtotal: '9.00', Total: '9.00', 'Shipping Method': 'Standard, tracked', 'Lineitem quantity': '1', 'Lineitem name': 'Tea', 'Billing Name': 'Ann Å', 'Payment Method': 'Shopify Payments', Phone: '+44 1', ...more });
const item = (order: string, more: Record<string, string> = {}) => row({ Name: order, 'Lineitem quantity': '2', 'Lineitem name': 'Cup', ...more });

/** Orders of several line items with rows the checks reject among them (an address or name that is bad), written whole. */
function exportLines(): string[] {
  const lines = [HEADER.join(',')];
  const add = (cells: string[]) => lines.push(csvLine(cells));
  add(first('#1', 'ann@example.com'));
  add(item('#1'));
  add(item('#1', { 'Billing Name': 'Bad\u202eName' })); // rejected: carried Paid at, Subtotal… as the first row has them
  add(item('#1', { 'Paid at': ' ', 'Shipping Method': 'Express', Email: 'not an address' })); // its own value wins; white space is blank
  add(item('#1', { Email: 'also bad' })); // Express from the row before, Paid at from the first
  add(first('#2', 'bo@example.com', { 'Paid at': '', Phone: '' }));
  add([...item('#2'), 'extra']); // ragged: nothing carried, and the order starts again after it
  add(item('#2', { Email: 'x' }));
  add(first('#3', 'cy@example.com', { Notes: 'two\nlines, é', 'Shipping Method': '"Quoted", 🙂' }));
  // Past the links kept back; a bad address is the next rows' too, until a row has its own again.
  for (let i = 0; i < 80; i++) add(item('#3', i % 9 === 4 ? { Email: `bad${i}` } : i % 9 === 5 ? { Email: 'cy@example.com' } : i === 40 ? { 'Payment Method': 'Gift card' } : {}));
  add(item('#4', { Email: 'dee@example.com' })); // an order's rows with nothing to carry from
  add(item('#4', { Email: 'bad' }));
  return lines;
}

interface Seen {
  line: number;
  whole: string[];
  reason?: string;
}

/** Every row written whole as run.ts writes it (rejected, or held), read on this thread; `template` undefined: every column decoded. */
async function sequential(path: string, template: Set<string> | undefined): Promise<Seen[]> {
  const file = await prepareInput(path, Readable.from([]));
  const { delimiter, columns } = await readHeader(file, undefined, new Map());
  const want = columnsRead(columns, template);
  const check = makeRowChecker(columns, new Set(), want);
  const carry = carryDown(columns, { want, delimiter });
  const out: Seen[] = [];
  for await (const { rows } of readCsv(toUtf8(file.chunks(), { encoding: file.encoding }), { delimiter, want })) {
    for (const r of rows) {
      if (r.cells.length === 0 || isBlankRow(r.cells)) continue;
      if (carry) carry(r.cells, r.text);
      const v = check(r);
      out.push({ line: r.line, whole: wholeRow(r.cells, r.text, delimiter, want), ...(typeof v === 'string' ? { reason: v } : {}) });
    }
  }
  closeSync(file.fd);
  return out;
}

/** The same from the parse worker's rows (a good row written whole later, as a held or refused one is). */
async function threaded(path: string, template: Set<string>, checks: 'worker' | 'main'): Promise<Seen[]> {
  const file = await prepareInput(path, Readable.from([]));
  const { delimiter, columns } = await readHeader(file, undefined, new Map());
  const want = columnsRead(columns, template);
  const ahead = await startParseAhead(SCRIPT, { fd: file.fd, size: file.size, encoding: file.encoding, delimiter, want, columns, required: new Set(), checks });
  const out: Seen[] = [];
  for await (const { rows } of ahead.rows()) {
    for (const r of rows) {
      if (r === BLANK_ROW) continue;
      if (r instanceof RejectedRow) out.push({ line: r.line, whole: r.cells, reason: r.reason });
      else out.push({ line: r.line, whole: wholeRow(r.cells, r.text, delimiter, want) });
    }
  }
  closeSync(file.fd);
  return out;
}

describe('carried cells a run does not read', () => {
  it('are not decoded', () => {
    const columns = mapColumns(HEADER, new Map(), recognisePreset(HEADER));
    expect(columns.preset?.label).toBe('a Shopify orders export');
    const read = (template: Set<string>) => HEADER.filter((_, i) => columnsRead(columns, template)![i] === 1);
    // The fields the letters read; Paid at, Subtotal, Shipping Method, Payment Method and Phone are carried, not read,
    // and a line's price and SKU only when the template prints them.
    expect(read(new Set())).toEqual(['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Lineitem quantity', 'Lineitem name', 'Billing Name', 'Shipping Name']);
    expect(read(new Set(['payment_method', 'price']))).toEqual(['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Billing Name', 'Shipping Name', 'Payment Method']);
  });

  it('are carried into a row written whole as if every column were decoded: rejected rows, held rows, either thread', async () => {
    const dir = tempDir('apologize-carry-');
    const path = join(dir, 'orders.csv');
    writeFileSync(path, `${exportLines().join('\r\n')}\r\n`);
    const expected = await sequential(path, undefined);
    expect(expected.filter((r) => r.reason).length).toBe(15);
    // What the eager carry gives: the first row's order cells on a later line item, a line item's own value kept.
    const rejected = expected.find((r) => r.line === 4)!;
    expect(rejected.whole).toEqual(item('#1', { Email: 'ann@example.com', 'Financial Status': 'paid', 'Paid at': '2026-07-01 10:00', 'Fulfillment Status': 'unfulfilled', Currency: 'GBP', Subtotal: '9.00', Total: '9.00', 'Shipping Method': 'Standard, tracked', 'Billing Name': 'Bad\u202eName', 'Payment Method': 'Shopify Payments', Phone: '+44 1' }));
    expect(expected.find((r) => r.line === 6)!.whole[HEADER.indexOf('Shipping Method')]).toBe('Express');
    expect(expected.find((r) => r.line === 6)!.whole[HEADER.indexOf('Paid at')]).toBe('2026-07-01 10:00');
    const few = new Set<string>();
    expect(await sequential(path, few)).toEqual(expected);
    // A file this small is read by the worker when a pass is given one: the same rows, checked on either thread.
    for (const checks of ['worker', 'main'] as const) expect(await threaded(path, few, checks), checks).toEqual(expected);
  }, 30_000);
});
