/**
 * Line items an export writes into one row instead of one row each:
 *
 * - a cell listing them all, WooCommerce's Customer/Order/Coupon Export
 *   ("Default CSV format"): `line_items` = "id:71|name:Earl Grey|…|quantity:2|…;id:72|name:…"
 * - a cell per item, WebToffee's Order Export: `line_item_1`, `line_item_2`… each
 *   "name:Earl Grey|product_id:22|sku:…|quantity:2|total:…" (or just the product's name)
 * - a pair of columns per item: "Product Item 1 Name" / "Product Item 1 Quantity"…
 *
 * Read from the header once; a row's items are made only for such files.
 */
import type { ColumnMap } from './columns.js';

type Item = Record<string, string>;

/** One item's "key:value|key:value" text (or a bare product name) as its product and quantity. */
function packedItem(text: string): Item | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^[a-z_]+:/.test(t)) return { product: t, quantity: '' };
  const item: Item = { product: '', quantity: '' };
  // Fields are "|"-separated, each "key:value"; a "|" inside a value (a product called "Tea | Large") stays.
  for (const part of t.split(/\|(?=[a-z_]+:)/)) {
    const colon = part.indexOf(':');
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1).trim();
    if (key === 'name') item.product = value;
    else if (key === 'quantity' || key === 'qty') item.quantity = value;
  }
  return item.product === '' ? undefined : item;
}

/** A cell listing several items, ";" between them (before the next "id:" or "name:"). */
export function packedItems(text: string): Item[] {
  const out: Item[] = [];
  for (const part of text.split(/;(?=\s*(?:id|name):)/)) {
    const item = packedItem(part);
    if (item) out.push(item);
  }
  return out;
}

/** The reader of a file's items written into one row, or undefined when its rows are one item each. */
export function lineItemsOf(columns: ColumnMap): ((fields: Item) => Item[] | undefined) | undefined {
  const names = columns.fields;
  if (names.includes('product')) return undefined;
  if (names.includes('line_items')) return (f) => packedItems(f.line_items ?? '');
  const cells = names.filter((n) => /^line_item_\d+$/.test(n)).sort((a, b) => Number(a.slice(10)) - Number(b.slice(10)));
  if (cells.length > 0) {
    return (f) => {
      const out: Item[] = [];
      for (const c of cells) {
        const item = packedItem(f[c] ?? '');
        if (item) out.push(item);
      }
      return out;
    };
  }
  const pairs: [string, string | undefined][] = [];
  for (const n of names) {
    const m = /^product_item_(\d+)_name$/.exec(n);
    if (m) pairs.push([n, names.find((q) => q === `product_item_${m[1]}_quantity`)]);
  }
  if (pairs.length > 0) {
    return (f) => {
      const out: Item[] = [];
      for (const [p, q] of pairs) {
        const product = (f[p] ?? '').trim();
        if (product !== '') out.push({ product, quantity: q === undefined ? '' : (f[q] ?? '').trim() });
      }
      return out;
    };
  }
  return undefined;
}
