import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FingerprintSet } from './fingerprint.js';
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

/** A group that is complete, DUPLICATE (the row's customer already had theirs), or null (nothing yet). */
export type GroupOutcome = GoodRow[] | typeof DUPLICATE | null;
export const DUPLICATE = 'duplicate';

/**
 * One message per customer. Adjacent rows of a customer are grouped as they
 * stream; customers the first pass found scattered are held in the spill and
 * grouped at the end. A customer seen again after their message went out
 * (which the first pass makes impossible) is reported, never sent twice.
 */
export class Grouper {
  private current: GoodRow[] = [];
  private readonly done = new FingerprintSet(1 << 16);
  /** Fingerprint of the current group's key. */
  private curA = 0;
  private curB = 0;
  private readonly hash = new Uint32Array(2);
  constructor(
    private readonly scattered: FingerprintSet | undefined,
    readonly spill: Spill,
  ) {}

  push(row: GoodRow): GroupOutcome {
    if (this.scattered?.has(row.key)) {
      this.spill.add(row);
      return null;
    }
    const cur = this.current;
    if (cur.length > 0 && cur[0]!.key === row.key) {
      cur.push(row);
      return null;
    }
    FingerprintSet.hashInto(row.key, this.hash);
    const a = this.hash[0]!;
    const b = this.hash[1]!;
    if (this.done.hasPair(a, b)) return DUPLICATE;
    this.current = [row];
    if (cur.length > 0) this.done.addPair(this.curA, this.curB);
    this.curA = a;
    this.curB = b;
    return cur.length > 0 ? cur : null;
  }

  /** The last streaming group, if any. */
  finish(): GoodRow[] | undefined {
    const cur = this.current;
    this.current = [];
    if (cur.length === 0) return undefined;
    this.done.addPair(this.curA, this.curB);
    return cur;
  }

  /** Rows still held (for counting when a run stops early). */
  pendingRows(): number {
    return this.current.length + this.spill.rows;
  }
}
