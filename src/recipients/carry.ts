import type { ColumnMap } from './columns.js';

/**
 * Carries a preset's order-level cells down an order's rows: an export that
 * writes them on the order's first line only (Shopify: email, billing name,
 * totals) leaves them empty on its other line items. A row of the same order
 * as the row before (same order_id) takes the cells it has empty from it; the
 * cells are filled in place, so the row reads (and is spilled, rejected and
 * checked) as if the export had repeated them. Undefined when there is nothing
 * to carry.
 */
export function carryDown(columns: ColumnMap): ((cells: string[]) => void) | undefined {
  const orderIdx = columns.index.get('order_id');
  const idx = columns.carry.filter((i) => i !== orderIdx);
  if (idx.length === 0 || orderIdx === undefined) return undefined;
  const n = columns.fields.length;
  let lastOrder = '';
  const last: string[] = new Array(n).fill('');
  return (cells) => {
    if (cells.length !== n) {
      lastOrder = '';
      return;
    }
    const id = cells[orderIdx]!.trim();
    if (id !== '' && id === lastOrder) {
      for (let k = 0; k < idx.length; k++) {
        const i = idx[k]!;
        if (blank(cells[i]!)) cells[i] = last[i]!;
      }
    }
    lastOrder = id;
    for (let k = 0; k < idx.length; k++) last[idx[k]!] = cells[idx[k]!]!;
  };
}

/** `c.trim() === ''`, without trimming a cell that starts with a visible ASCII character (most filled cells). */
function blank(c: string): boolean {
  if (c.length === 0) return true;
  const first = c.charCodeAt(0);
  return (first <= 32 || first >= 0x80) && c.trim() === '';
}
