import type { ColumnMap } from './columns.js';
import { CARRIED, wholeCells, type CarriedCells } from './tokenizer.js';

/**
 * Carries a preset's order-level cells down an order's rows: an export that
 * writes them on the order's first line only (Shopify: email, billing name,
 * totals) leaves them empty on its other line items. A row of the same order
 * as the row before (same order_id) takes the cells it has empty from it; the
 * cells are filled in place, so the row reads (and is spilled, rejected and
 * checked) as if the export had repeated them. Undefined when there is nothing
 * to carry.
 *
 * With `want` (columns.ts columnsRead: the cells a run decodes), a carried
 * column nothing reads is not decoded: its cells are carried only when a row
 * is written whole (rejected or held, tokenizer.ts wholeRow), from the texts
 * of the order's rows before it (the row keeps a link to them). A Shopify row
 * then costs the cells it reads, not every order cell. `fill` false: only
 * those links are made (the main thread, whose rows the parse worker filled
 * already).
 */
export function carryDown(columns: ColumnMap, lazily?: { want: Uint8Array | undefined; delimiter: string; fill?: boolean }): ((cells: string[], text?: string) => void) | undefined {
  const orderIdx = columns.index.get('order_id');
  const carried = columns.carry.filter((i) => i !== orderIdx);
  if (carried.length === 0 || orderIdx === undefined) return undefined;
  const want = lazily?.want;
  const idx = lazily?.fill === false ? [] : carried.filter((i) => want === undefined || want[i] === 1);
  const lazy = want === undefined ? [] : carried.filter((i) => want[i] !== 1);
  if (idx.length === 0 && lazy.length === 0) return undefined;
  const n = columns.fields.length;
  const d = lazily?.delimiter ?? ',';
  let lastOrder = '';
  const last: string[] = new Array(n).fill('');
  // The row before, for the links: its text (or its cells, when it came whole), and its link once made.
  let prevText: string | undefined;
  let prevCells: string[] | undefined;
  let prev: Link | undefined;
  return (cells, text) => {
    if (cells.length !== n) {
      lastOrder = '';
      prev = undefined;
      return;
    }
    const id = cells[orderIdx]!.trim();
    const same = id !== '' && id === lastOrder;
    if (same) {
      for (let k = 0; k < idx.length; k++) {
        const i = idx[k]!;
        if (blank(cells[i]!)) cells[i] = last[i]!;
      }
    }
    lastOrder = id;
    for (let k = 0; k < idx.length; k++) last[idx[k]!] = cells[idx[k]!]!;
    if (lazy.length === 0) return;
    if (same) {
      // This row's blank cells are the row before's, as that row reads carried down: a link to it.
      const before = prev ?? new Link(lazy, d, prevText, prevCells, undefined, 0);
      // A row that came whole (no text: the worker's rejected rows) has its cells carried already.
      if (text !== undefined) (cells as Carrying)[CARRIED] = before;
      const base = before.depth >= MAX_DEPTH ? before.flatten(n) : before;
      prev = new Link(lazy, d, text, text === undefined ? cells : undefined, base, base.depth + 1);
    } else {
      prev = undefined;
      // An array the tokenizer reports each row in (tokenizer.ts `reuse`) has the link of the row before.
      if ((cells as Carrying)[CARRIED] !== undefined) (cells as Carrying)[CARRIED] = undefined;
    }
    prevText = text;
    prevCells = text === undefined ? cells : undefined;
  };
}

type Carrying = string[] & { [CARRIED]?: CarriedCells };

/** Links kept back from a row before its order's earlier rows are made one (an order of thousands of lines stays small). */
const MAX_DEPTH = 32;

/**
 * A row of an order as a later row of it carries from: its text (split when
 * asked) or its cells as they are, and the link of the row before it (none
 * for the order's first row). A row's carried cell is its own when not blank,
 * else the row before's, down to the order's first row.
 */
class Link implements CarriedCells {
  private split: string[] | undefined;
  constructor(
    readonly cols: readonly number[],
    private readonly d: string,
    private readonly text: string | undefined,
    private readonly cells: string[] | undefined,
    private readonly prev: Link | undefined,
    readonly depth: number,
  ) {}

  /** Cell i of this row as carried down to it. */
  value(i: number): string {
    for (let link: Link = this; ; link = link.prev!) {
      const v = link.own(i);
      if (link.prev === undefined || !blank(v)) return v;
    }
  }

  private own(i: number): string {
    if (this.cells !== undefined) return this.cells[i] ?? '';
    this.split ??= wholeCells(this.text!, this.d);
    return this.split[i] ?? '';
  }

  /** Fills a whole row's blank carried cells from this link (the row before's). */
  fill(all: string[]): void {
    for (const i of this.cols) if (blank(all[i]!)) all[i] = this.value(i);
  }

  /** The same cells as one link with nothing before it. */
  flatten(n: number): Link {
    const cells = new Array<string>(n).fill('');
    for (const i of this.cols) cells[i] = this.value(i);
    return new Link(this.cols, this.d, undefined, cells, undefined, 0);
  }
}

/** `c.trim() === ''`, without trimming a cell that starts with a visible ASCII character (most filled cells). */
function blank(c: string): boolean {
  if (c.length === 0) return true;
  const first = c.charCodeAt(0);
  return (first <= 32 || first >= 0x80) && c.trim() === '';
}
