import { formatMoney, parseAmount } from './money.js';

/**
 * A customer's orders as templates see them (`recipient.orders[]`): each
 * order's columns (those of its first row), its line items (`items[]`: each
 * row's columns), and values made for the letters:
 *
 * - `items_display`: "Assam Breakfast ×2, Earl Grey ×1" (and "and 3 more" past the listed ones)
 * - `item_count`: all its rows; `more_items`: those not listed ("" when none)
 * - `amount_display`: its amount in its currency for the locale ("£23.50"; "" without a currency)
 */
export type OrderEntry = Record<string, unknown>;

/** The values an order entry adds to its columns (never CSV columns). */
export const ORDER_VALUES = ['items', 'item_count', 'more_items', 'items_display', 'amount_display'] as const;

/** The rows of one order a batch kept: the first ITEMS_LISTED, and how many there are in all. */
export interface OrderRowsLike {
  rows: { fields: Record<string, string> }[];
  items: number;
}

/** The text of one line item: "Earl Grey ×2", "Earl Grey", or "" without a product. */
function itemText(f: Record<string, string>): string {
  const p = f.product;
  if (p === undefined || p === '') return '';
  const product = p.trim();
  const q = f.quantity;
  if (q === undefined || q === '') return product;
  const qty = q.trim();
  return qty === '' ? product : `${product} ×${qty}`;
}

/**
 * An order's amount from its rows: an amount written on every row alike (an
 * order total repeated, or carried down) is the order's; amounts that differ
 * are the lines' own, summed (as written when one is not a number).
 */
function orderAmount(rows: OrderRowsLike['rows']): string {
  const a0 = rows[0]!.fields.amount ?? '';
  let same = true;
  for (let i = 1; i < rows.length; i++) {
    const a = (rows[i]!.fields.amount ?? '').trim();
    if (a !== '' && a !== a0.trim()) same = false;
  }
  if (same) return a0;
  let sum = 0;
  for (const r of rows) {
    const a = (r.fields.amount ?? '').trim();
    if (a === '') continue;
    const n = parseAmount(a);
    if (!Number.isFinite(n)) return a0;
    sum += n;
  }
  return (Math.round(sum * 100) / 100).toFixed(2);
}

type EntryMaker = (f: Record<string, string>, items: Record<string, string>[], count: string, more: string, display: string, amount: string) => OrderEntry;

/** An entry from any columns: a copy, then the order's values (names an object literal treats specially kept as data). */
const copyEntry: EntryMaker = (f, items, count, more, display, amount) => {
  const out: OrderEntry = {};
  for (const k of Object.keys(f)) Object.defineProperty(out, k, { value: f[k], enumerable: true, writable: true, configurable: true });
  out.items = items;
  out.item_count = count;
  out.more_items = more;
  out.items_display = display;
  out.amount_display = amount;
  return out;
};

/**
 * An entry maker for rows whose columns are `names` (in that order, as
 * rows.ts's fieldsMaker makes them), compiled once per file into an object
 * literal: a copy per order at the cost of a row's fields object, not of an
 * object spread (several times slower, and a batch makes one per message).
 */
function entryMaker(names: readonly string[] | undefined): EntryMaker {
  if (!names || names.includes('__proto__')) return copyEntry;
  const keys = new Set(names);
  for (const v of ORDER_VALUES) keys.delete(v);
  const body = [...keys].map((k) => `${JSON.stringify(k)}: f[${JSON.stringify(k)}]`);
  body.push('items: items', 'item_count: count', 'more_items: more', 'items_display: display', 'amount_display: amount');
  return new Function('f', 'items', 'count', 'more', 'display', 'amount', `return { ${body.join(', ')} };`) as EntryMaker;
}

/**
 * Makes order entries from kept rows; `locale` formats the money (a row's own
 * `locale` column wins). `names`: the rows' field names, when every row has
 * the same (a batch's file).
 */
export function orderEntries(locale: string, names?: readonly string[]): (orders: readonly OrderRowsLike[] | { fields: Record<string, string> }) => OrderEntry[] {
  const make = entryMaker(names);
  return (orders) => {
    if (!Array.isArray(orders)) {
      // One row, one order (most customers): no order object to make first.
      const f = (orders as { fields: Record<string, string> }).fields;
      return [make(f, [f], '1', '', itemText(f), f.amount === undefined ? '' : formatMoney(f.amount, f.currency, f.locale || locale))];
    }
    const out: OrderEntry[] = new Array(orders.length);
    for (let o = 0; o < orders.length; o++) {
      const order = orders[o]!;
      const rows = order.rows;
      const first = rows[0]!.fields;
      let display: string;
      const items: Record<string, string>[] = new Array(rows.length);
      if (rows.length === 1) {
        items[0] = first;
        display = itemText(first);
      } else {
        display = '';
        for (let i = 0; i < rows.length; i++) {
          const f = rows[i]!.fields;
          items[i] = f;
          const t = itemText(f);
          if (t !== '') display = display === '' ? t : `${display}, ${t}`;
        }
      }
      const more = order.items - rows.length;
      if (more > 0 && display !== '') display = `${display} and ${more} more`;
      const amount = first.amount === undefined ? '' : formatMoney(rows.length === 1 ? first.amount : orderAmount(rows), first.currency, first.locale || locale);
      out[o] = make(first, items, order.items === 1 ? '1' : String(order.items), more > 0 ? String(more) : '', display, amount);
    }
    return out;
  };
}

/** One order of one row each: a recipient made from a single set of columns (draft --to, library callers). */
export function singleOrder(fields: Record<string, string>, locale = 'en'): OrderEntry {
  return orderEntries(locale)([{ rows: [{ fields }], items: 1 }])[0]!;
}

/** A name the template prints that the order entries (and recipient values) give, not a CSV column. */
export function isOrderValue(name: string): boolean {
  return (ORDER_VALUES as readonly string[]).includes(name);
}
