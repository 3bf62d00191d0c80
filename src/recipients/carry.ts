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
      for (const i of idx) if (cells[i]!.trim() === '') cells[i] = last[i]!;
    }
    lastOrder = id;
    for (const i of idx) last[i] = cells[i]!;
  };
}
