import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FingerprintSet } from '../text/fingerprint.js';
import type { GoodRow } from './rows.js';

const BUCKETS = 64;

/**
 * Rows of customers that are not adjacent in the file, held on disk in 64
 * buckets by key, so grouping them at the end needs the memory of one bucket.
 */
export class Spill {
  private dir: string | undefined;
  private fds: (number | undefined)[] = new Array(BUCKETS).fill(undefined);
  private buffers: string[][] = Array.from({ length: BUCKETS }, () => []);
  private sizes = new Array<number>(BUCKETS).fill(0);
  rows = 0;

  add(row: GoodRow): void {
    const b = FingerprintSet.hash(row.key)[0] % BUCKETS;
    const line = `${JSON.stringify([row.line, row.cells])}\n`;
    this.buffers[b]!.push(line);
    this.sizes[b]! += line.length;
    this.rows++;
    if (this.sizes[b]! > 1 << 16) this.flush(b);
  }

  private flush(b: number): void {
    if (this.buffers[b]!.length === 0) return;
    this.dir ??= mkdtempSync(join(tmpdir(), 'apologize-spill-'));
    this.fds[b] ??= openSync(join(this.dir, `bucket-${b}.ndjson`), 'w+');
    writeSync(this.fds[b]!, this.buffers[b]!.join(''));
    this.buffers[b] = [];
    this.sizes[b] = 0;
  }

  /** Each held customer's rows, grouped, bucket by bucket, in order of first line. */
  *groups(check: (line: number, cells: string[]) => GoodRow | undefined): Generator<GoodRow[]> {
    for (let b = 0; b < BUCKETS; b++) {
      let lines: string[];
      if (this.fds[b] !== undefined) {
        this.flush(b);
        closeSync(this.fds[b]!);
        this.fds[b] = undefined;
        lines = readFileSync(join(this.dir!, `bucket-${b}.ndjson`), 'utf8').split('\n');
      } else lines = this.buffers[b]!.join('').split('\n');
      this.buffers[b] = [];
      const byKey = new Map<string, GoodRow[]>();
      for (const l of lines) {
        if (l === '') continue;
        const [line, cells] = JSON.parse(l) as [number, string[]];
        const row = check(line, cells);
        if (!row) continue;
        const list = byKey.get(row.key);
        if (list) list.push(row);
        else byKey.set(row.key, [row]);
      }
      const groups = [...byKey.values()].sort((x, y) => x[0]!.line - y[0]!.line);
      for (const g of groups) yield g;
    }
  }

  dispose(): void {
    for (const fd of this.fds) if (fd !== undefined) closeSync(fd);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * One message per customer. Adjacent rows of a customer are grouped as they
 * stream; customers the first pass found scattered are held in the spill and
 * grouped at the end. No customer can come back after their group went out:
 * the first pass reads every row's key as this pass does (rows.ts refuses a
 * row whose email cell the two would read differently), so any customer whose
 * rows are not adjacent is in `scattered`.
 */
export class Grouper {
  private current: GoodRow[] = [];
  constructor(
    private readonly scattered: FingerprintSet | undefined,
    readonly spill: Spill,
  ) {}

  /** A customer's rows once they are complete, else null. */
  push(row: GoodRow): GoodRow[] | null {
    if (this.scattered?.has(row.key)) {
      this.spill.add(row);
      return null;
    }
    const cur = this.current;
    if (cur.length > 0 && cur[0]!.key === row.key) {
      cur.push(row);
      return null;
    }
    this.current = [row];
    return cur.length > 0 ? cur : null;
  }

  /** The last streaming group, if any. */
  finish(): GoodRow[] | undefined {
    const cur = this.current;
    this.current = [];
    return cur.length > 0 ? cur : undefined;
  }

  /** Rows still held (for counting when a run stops early). */
  pendingRows(): number {
    return this.current.length + this.spill.rows;
  }
}
