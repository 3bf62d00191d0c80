// Files big enough (≥ 8 MB) for the grouping pre-pass to be split over two
// threads: the output must be byte for byte what one thread gives.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCsv } from '../../bench/gen.mjs';
import { CUT_AT, SPLIT_PRESCAN_BYTES } from '../../src/recipients/prescan-file.js';
import { ROOT, runBin, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function both(csv: string, dir: string) {
  const split = await runBin(['batch', csv, '--incident', INCIDENT, '--out', join(dir, 'split.mbox')]);
  const one = await runBin(['batch', csv, '--incident', INCIDENT, '--out', join(dir, 'one.mbox')], { env: { APOLOGIZE_THREADS: '1' } });
  expect(split.code, split.stderr).toBe(0);
  expect(one.code, one.stderr).toBe(0);
  const summary = (s: string) => s.replace(/ · [\d.]+ s · [\d,]+ rows\/s/, '').replace(/(split|one)\.mbox/, 'out.mbox');
  expect(summary(split.stderr)).toBe(summary(one.stderr));
  expect(sha(join(dir, 'split.mbox'))).toBe(sha(join(dir, 'one.mbox')));
  return split;
}

describe('big files: the pre-pass on two threads', () => {
  it('the bundled CLI has the worker (else the split is never tried)', () => {
    expect(existsSync(join(ROOT, 'dist/prescan-worker.js'))).toBe(true);
  });

  it('scattered customers across the whole file: the same messages, in the same order', async () => {
    const dir = tempDir('apologize-big-');
    const csv = join(dir, 'scattered.csv');
    await generateCsv(csv, 100_000, { scattered: true });
    expect(readFileSync(csv).length).toBeGreaterThan(SPLIT_PRESCAN_BYTES);
    const r = await both(csv, dir);
    expect(r.stderr).toMatch(/33,333 customer\(s\) have rows spread through the file/);
    expect(r.stderr).toMatch(/100,000 rows read, 66,667 messages/);
  }, 120_000);

  it('a quoted field with line breaks across the middle of the file: the scan goes on alone, same result', async () => {
    const dir = tempDir('apologize-big-');
    const csv = join(dir, 'quoted.csv');
    const out = createWriteStream(csv);
    const row = (i: number, c: number) => `A-${i},Cust ${c},c${c}@example.com,plain\n`;
    let bytes = 0;
    const put = (text: string) => {
      bytes += Buffer.byteLength(text);
      out.write(text);
    };
    put('Order No,Customer Name,Email,Note\n');
    for (let i = 0; i < 120_000; i++) put(row(i, Math.floor(i / 2)));
    // ~1 MB of quoted lines where the file is cut
    const blockStart = bytes;
    put(`A-X,Cust Q,q@example.com,"${'a note line, with a comma\n'.repeat(38_000)}"\n`);
    const blockEnd = bytes;
    for (let i = 120_000; i < 220_000; i++) put(row(i, Math.floor(i / 2)));
    put(row(999_999, 3)); // customer 3 again at the very end: scattered across the cut
    await new Promise((resolve) => out.end(resolve));
    const size = readFileSync(csv).length;
    expect(size).toBeGreaterThan(SPLIT_PRESCAN_BYTES);
    expect(size * CUT_AT, 'the cut falls inside the quoted block').toBeGreaterThan(blockStart);
    expect(size * CUT_AT).toBeLessThan(blockEnd - 100);
    const r = await both(csv, dir);
    expect(r.stderr).toMatch(/1 customer\(s\) have rows spread through the file/);
    expect(r.stderr).toMatch(/220,002 rows read/);
  }, 120_000);
});
