import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FingerprintSet } from '../text/fingerprint.js';
import type { GoodRow } from './rows.js';

const BUCKETS = 64;
/** A held row's key hash (Spill.add): one pair for every call, no array made per row. */
const KEY_HASH = new Uint32Array(2);

/** Orders a message lists; the rest of a customer's orders are counted ("and N more"), not held. */
export const ORDERS_LISTED = 25;
/** Line items an order lists; the rest are counted. */
export const ITEMS_LISTED = 25;

/** One order's rows (line items): the first ITEMS_LISTED, and how many there are in all. */
export interface OrderRows {
  /** The order_id cell, trimmed ("" when none: each such row is an order of its own). */
  id: string;
  rows: GoodRow[];
  items: number;
}

/**
 * One customer's rows, grouped into orders (rows with the same order_id): the
 * first ORDERS_LISTED orders with their first ITEMS_LISTED rows each, and how
 * many rows and orders there are in all. Memory per customer is bounded
 * however many rows they have.
 */
export interface CustomerRows {
  /** Every kept row, in file order (the first is the customer's first row). */
  rows: GoodRow[];
  /** The orders; undefined while the customer has one row (made with the second: most customers have one). */
  orders?: OrderRows[];
  /** Rows in all. */
  count: number;
  /** Orders in all: an order past the listed ones is counted when its id differs from the row before's. */
  orderCount: number;
  /** Lines of the first and the last row not kept (0 when every row is kept). */
  firstDropped: number;
  lastDropped: number;
  /** The id of the last order not listed (its further rows are items of it). */
  lastDroppedOrder: string;
  /** Listed orders by id, once there are several (a customer's rows come one order after another, mostly). */
  byId?: Map<string, OrderRows>;
}

function orderIdOf(row: GoodRow, orderIdx: number | undefined): string {
  return orderIdx === undefined ? '' : row.cells[orderIdx]!.trim();
}

/** A customer of one row (and so one order). */
export function customer(row: GoodRow): CustomerRows {
  return { rows: [row], orders: undefined, count: 1, orderCount: 1, firstDropped: 0, lastDropped: 0, lastDroppedOrder: '' };
}

/** The customer's orders (one of their one row when there is one row). */
export function ordersOf(c: CustomerRows, orderIdx?: number): OrderRows[] {
  return c.orders ?? [{ id: orderIdOf(c.rows[0]!, orderIdx), rows: c.rows.slice(0, 1), items: 1 }];
}

function drop(c: CustomerRows, row: GoodRow): void {
  if (c.firstDropped === 0) c.firstDropped = row.line;
  c.lastDropped = row.line;
}

/**
 * Adds a row of the same customer: a line item of an order already listed, a
 * new order (listed while fewer than ORDERS_LISTED are), or counted.
 */
export function addRow(c: CustomerRows, row: GoodRow, orderIdx?: number): void {
  c.count++;
  const id = orderIdOf(row, orderIdx);
  const orders = (c.orders ??= ordersOf(c, orderIdx));
  if (id !== '') {
    const last = orders[orders.length - 1]!;
    const order = last.id === id ? last : c.byId ? c.byId.get(id) : orders.find((o) => o.id === id);
    if (order) {
      order.items++;
      if (order.rows.length < ITEMS_LISTED) {
        order.rows.push(row);
        c.rows.push(row);
      } else drop(c, row);
      return;
    }
    if (id === c.lastDroppedOrder) return drop(c, row);
  }
  c.orderCount++;
  if (orders.length < ORDERS_LISTED) {
    const order = { id, rows: [row], items: 1 };
    orders.push(order);
    c.rows.push(row);
    if (c.byId) {
      if (id !== '' && !c.byId.has(id)) c.byId.set(id, order);
    } else if (orders.length >= 8) {
      c.byId = new Map();
      for (const o of orders) if (o.id !== '' && !c.byId.has(o.id)) c.byId.set(o.id, o);
    }
  } else {
    c.lastDroppedOrder = id;
    drop(c, row);
  }
}

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
  /** `whole`: a row's every cell (a row read with only some decoded is held whole, to be rejected whole). */
  constructor(private readonly whole: (row: GoodRow) => string[] = (row) => row.cells) {}

  add(row: GoodRow): void {
    FingerprintSet.hashInto(row.key, KEY_HASH);
    const b = KEY_HASH[0]! % BUCKETS;
    const line = `${JSON.stringify([row.line, this.whole(row)])}\n`;
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

  /**
   * Each held customer's rows, grouped, bucket by bucket, in order of first
   * line. A bucket is read back line by line; per customer only the first
   * ORDERS_LISTED rows are held.
   */
  *groups(check: (line: number, cells: string[]) => GoodRow | undefined, orderIdx?: number): Generator<CustomerRows> {
    const chunk = Buffer.allocUnsafe(1 << 16);
    for (let b = 0; b < BUCKETS; b++) {
      const byKey = new Map<string, CustomerRows>();
      const take = (l: string) => {
        if (l === '') return;
        const [line, cells] = JSON.parse(l) as [number, string[]];
        const row = check(line, cells);
        if (!row) return;
        const c = byKey.get(row.key);
        if (c) addRow(c, row, orderIdx);
        else byKey.set(row.key, customer(row));
      };
      const fd = this.fds[b];
      if (fd !== undefined) {
        this.flush(b);
        const decoder = new StringDecoder('utf8');
        let rest = '';
        for (let at = 0; ; ) {
          const n = readSync(fd, chunk, 0, chunk.length, at);
          if (n === 0) break;
          at += n;
          const text = rest + decoder.write(chunk.subarray(0, n));
          const lines = text.split('\n');
          rest = lines.pop()!;
          for (const l of lines) take(l);
        }
        take(rest + decoder.end());
        closeSync(fd);
        this.fds[b] = undefined;
      } else for (const l of this.buffers[b]!.join('').split('\n')) take(l);
      this.buffers[b] = [];
      const groups = [...byKey.values()].sort((x, y) => x.rows[0]!.line - y.rows[0]!.line);
      byKey.clear();
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
  private current: CustomerRows | undefined;
  constructor(
    private readonly scattered: FingerprintSet | undefined,
    readonly spill: Spill,
    private readonly orderIdx?: number,
  ) {}

  /** A customer's rows once they are complete, else null. */
  push(row: GoodRow): CustomerRows | null {
    if (this.scattered?.has(row.key)) {
      this.spill.add(row);
      return null;
    }
    const cur = this.current;
    if (cur && cur.rows[0]!.key === row.key) {
      addRow(cur, row, this.orderIdx);
      return null;
    }
    this.current = customer(row);
    return cur ?? null;
  }

  /** The last streaming group, if any. */
  finish(): CustomerRows | undefined {
    const cur = this.current;
    this.current = undefined;
    return cur;
  }

  /** Rows still held (for counting when a run stops early). */
  pendingRows(): number {
    return (this.current?.count ?? 0) + this.spill.rows;
  }
}
