import { currencyOf, formatMoney, parseAmount } from './money.js';

/**
 * A customer's orders as templates see them (`recipient.orders[]`): each
 * order's columns (those of its first row), its line items (`items[]`: each
 * row's columns), and values made for the letters:
 *
 * - `items_display`: "Assam Breakfast ×2, Earl Grey ×1" (and "and 3 more" past the listed ones)
 * - `item_count`: all its rows; `more_items`: those not listed ("" when none)
 * - `amount_display`: its amount in its currency for the locale ("£23.50"; "" without a currency)
 * - `refunded`: "full" or "partial" when the payment was refunded (a Stripe export's `Amount Refunded`,
 *   `Status` "Refunded"/"Partially refunded", `Refunded` true), else ""; `refunded_full`: "yes" for a
 *   full refund, else "" (templates test it with #if: a helper given a recipient value, such as
 *   `(eq refunded "full")`, would turn off a batch's rendering of each shape once); `refunded_display`:
 *   the amount refunded, formatted as `amount_display` is ("£10.00"; the whole amount for a full
 *   refund; "" when a partial refund does not say how much)
 */
export type OrderEntry = Record<string, unknown>;

/** The values an order entry adds to its columns (never CSV columns). */
export const ORDER_VALUES = ['items', 'item_count', 'more_items', 'items_display', 'amount_display', 'refunded', 'refunded_full', 'refunded_display'] as const;

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
  return noQuantity(qty) ? product : `${product} ×${qty}`;
}

/** A quantity not written: none, or none left ("0": WooCommerce's Quantity (- Refund) of an item refunded). */
function noQuantity(q: string): boolean {
  return q === '' || (q.charCodeAt(0) === 48 && /^0+(?:[.,]0+)?$/.test(q));
}

/** How an export writes its money and its line items (the batch's file; all optional). */
export interface OrderOptions {
  /** The file writes decimal commas ("1.234,56"; an Excel save with ";" between cells). */
  decimalComma?: boolean;
  /** Each row's amount is its line's own (Amazon's item-price): an order's amount is their sum, even when two are alike. */
  amountPerLine?: boolean;
  /** Line items written into one row (WooCommerce's "line_items" cell, "line_item_1"…): that row's items, or undefined. */
  itemsOf?: (fields: Record<string, string>) => Record<string, string>[] | undefined;
}

/**
 * "Assam ×2, Earl Grey ×1" from an order's items; the same product on several
 * lines (shipped in two parcels, added twice) is said once with the quantities
 * added up when they are whole numbers.
 */
function itemsDisplay(items: readonly Record<string, string>[]): string {
  // Most orders list each product once: written as it goes (nothing but the text made), merged below when one repeats.
  let display = '';
  for (let i = 0; i < items.length; i++) {
    const p = (items[i]!.product ?? '').trim();
    if (p === '') continue;
    for (let j = 0; j < i; j++) if ((items[j]!.product ?? '').trim() === p) return mergedDisplay(items);
    const q = (items[i]!.quantity ?? '').trim();
    const t = noQuantity(q) ? p : `${p} ×${q}`;
    display = display === '' ? t : `${display}, ${t}`;
  }
  return display;
}

/** itemsDisplay for an order that lists a product more than once. */
function mergedDisplay(items: readonly Record<string, string>[]): string {
  const products: string[] = [];
  const quantities: string[] = [];
  for (const f of items) {
    const p = (f.product ?? '').trim();
    if (p === '') continue;
    const q = (f.quantity ?? '').trim();
    const at = products.indexOf(p);
    if (at !== -1 && /^\d+$/.test(q) && /^\d+$/.test(quantities[at]!)) {
      quantities[at] = String(Number(quantities[at]) + Number(q));
      continue;
    }
    products.push(p);
    quantities.push(q);
  }
  let display = '';
  for (let i = 0; i < products.length; i++) {
    const t = noQuantity(quantities[i]!) ? products[i]! : `${products[i]} ×${quantities[i]}`;
    display = display === '' ? t : `${display}, ${t}`;
  }
  return display;
}

/**
 * An order's amount from its rows, and its currency when the rows have no
 * currency column (the sign written with the amounts: "12,50 €"): an amount
 * written on every row alike (an order total repeated, or carried down) is the
 * order's; amounts that differ, or every line's own (`perLine`), are summed (as
 * written when one is not a number).
 */
function orderAmount(rows: OrderRowsLike['rows'], decimalComma: boolean, perLine: boolean): { amount: string; currency: string | undefined } {
  const first = rows[0]!.fields;
  const a0 = first.amount ?? '';
  let same = !perLine;
  for (let i = 1; same && i < rows.length; i++) {
    const a = (rows[i]!.fields.amount ?? '').trim();
    if (a !== '' && a !== a0.trim()) same = false;
  }
  if (same) return { amount: a0, currency: first.currency };
  let sum = 0;
  let sign = '';
  for (const r of rows) {
    const a = (r.fields.amount ?? '').trim();
    if (a === '') continue;
    const n = parseAmount(a, decimalComma);
    if (!Number.isFinite(n)) return { amount: a0, currency: first.currency };
    sum += n;
    if (sign === '') sign = currencyOf(a);
  }
  const c = (first.currency ?? '').trim();
  return { amount: (Math.round(sum * 100) / 100).toFixed(2), currency: c !== '' ? c : sign };
}

/** Line items of a row that holds several, as item entries: the row's columns with each item's product and quantity. */
function splitItems(f: Record<string, string>, itemsOf: NonNullable<OrderOptions['itemsOf']>): Record<string, string>[] {
  const parts = itemsOf(f);
  if (!parts || parts.length === 0) return [f];
  return parts.map((p) => ({ ...f, ...p }));
}

/**
 * Whether a payment was refunded, from its row (the preset's `amount_refunded`,
 * `payment_status` and `refunded` fields: Stripe's Amount Refunded, Status and
 * Refunded columns): "full", "partial" or "" (most rows, which have none of
 * them: three property reads). The amount refunded is said only when partial.
 */
function refundOf(f: Record<string, string>, decimalComma: boolean): string {
  const r = f.amount_refunded;
  if (r !== undefined && r !== '' && hasNonZeroDigit(r)) {
    const n = parseAmount(r, decimalComma);
    if (n > 0) {
      const a = parseAmount(f.amount ?? '', decimalComma);
      return Number.isFinite(a) && n < a ? 'partial' : 'full';
    }
  }
  const s = f.payment_status;
  if (s !== undefined && s.length >= 7) {
    // "Paid", "paid", "succeeded", "completed": one character looked at, no copy made.
    const c = s.charCodeAt(0) | 0x20;
    if (c === 114 && REFUNDED.test(s)) return 'full';
    if (c === 112 && PARTIAL.test(s)) return 'partial';
    // WooCommerce's order status as some export plugins write it ("wc-refunded"; a partial refund leaves the status as it was).
    if (c === 119 && WC_REFUNDED.test(s)) return 'full';
  }
  const flag = f.refunded;
  if (flag !== undefined && flag.length >= 4 && TRUE.test(flag)) return 'full';
  return '';
}
const REFUNDED = /^refunded\s*$/i;
const WC_REFUNDED = /^wc-refunded\s*$/i;
const PARTIAL = /^partial(?:ly)?[ _]refunded\s*$/i;
const TRUE = /^\s*true\s*$/i;

/** Whether an amount has a digit other than 0 ("0.00", the usual Amount Refunded, has none: not parsed). */
function hasNonZeroDigit(a: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c >= 49 && c <= 57) return true;
  }
  return false;
}

/** The amount refunded as the letter writes it: the whole amount for a full refund, else Amount Refunded ("" when unknown). */
function refundedDisplay(state: string, f: Record<string, string>, amount: string, locale: string, decimalComma: boolean): string {
  if (state === 'full') return amount;
  const r = f.amount_refunded;
  return r === undefined || r === '' ? '' : formatMoney(r, f.currency, locale, decimalComma);
}

/** "and 3 more" past an order's listed items, in the letter's language ("und 3 weitere", "et 3 autres", "y 3 más"). */
function moreItems(locale: string, more: number): string {
  const lang = locale.slice(0, 2).toLowerCase();
  return lang === 'de' ? `und ${more} weitere` : lang === 'fr' ? `et ${more} autres` : lang === 'es' ? `y ${more} más` : `and ${more} more`;
}

type EntryMaker = (f: Record<string, string>, items: Record<string, string>[], count: string, more: string, display: string, amount: string, refunded: string, refundedAmount: string) => OrderEntry;

/** An entry from any columns: a copy, then the order's values (names an object literal treats specially kept as data). */
const copyEntry: EntryMaker = (f, items, count, more, display, amount, refunded, refundedAmount) => {
  const out: OrderEntry = {};
  for (const k of Object.keys(f)) Object.defineProperty(out, k, { value: f[k], enumerable: true, writable: true, configurable: true });
  out.items = items;
  out.item_count = count;
  out.more_items = more;
  out.items_display = display;
  out.amount_display = amount;
  out.refunded = refunded;
  out.refunded_full = refunded === 'full' ? 'yes' : '';
  out.refunded_display = refundedAmount;
  return out;
};

/**
 * An entry maker for rows whose columns are `names` (in that order, as
 * rows.ts's fieldsMaker makes them), compiled once per file into an object
 * literal: a copy per order at the cost of a row's fields object, not of an
 * object spread (several times slower, and a batch makes one per message).
 */
function entryMaker(names: readonly string[] | undefined, refunds: boolean): EntryMaker {
  if (!names || names.includes('__proto__')) return copyEntry;
  const keys = new Set(names);
  for (const v of ORDER_VALUES) keys.delete(v);
  const body = [...keys].map((k) => `${JSON.stringify(k)}: f[${JSON.stringify(k)}]`);
  body.push('items: items', 'item_count: count', 'more_items: more', 'items_display: display', 'amount_display: amount');
  // Rows that cannot say a refund (no refund column): entries without those values (a template reads them as empty).
  if (refunds) body.push('refunded: refunded', 'refunded_full: refunded === "full" ? "yes" : ""', 'refunded_display: refundedAmount');
  return new Function('f', 'items', 'count', 'more', 'display', 'amount', 'refunded', 'refundedAmount', `return { ${body.join(', ')} };`) as EntryMaker;
}

/**
 * Makes order entries from kept rows; `locale` formats the money (a row's own
 * `locale` column wins). `names`: the rows' field names, when every row has
 * the same (a batch's file).
 */
export function orderEntries(locale: string, names?: readonly string[], options: OrderOptions = {}): (orders: readonly OrderRowsLike[] | { fields: Record<string, string> }) => OrderEntry[] {
  // Whether the rows can say a refund (orders.ts refundOf's fields): most files cannot, and their orders skip it.
  const refunds = names === undefined || names.includes('amount_refunded') || names.includes('payment_status') || names.includes('refunded');
  const make = entryMaker(names, refunds);
  const decimalComma = options.decimalComma === true;
  const perLine = options.amountPerLine === true;
  const itemsOf = options.itemsOf;
  return (orders) => {
    if (!Array.isArray(orders)) {
      // One row, one order (most customers): no order object to make first.
      const f = (orders as { fields: Record<string, string> }).fields;
      if (itemsOf === undefined) {
        const amount = f.amount === undefined ? '' : formatMoney(f.amount, f.currency, f.locale || locale, decimalComma);
        const refunded = refunds ? refundOf(f, decimalComma) : '';
        return [make(f, [f], '1', '', itemText(f), amount, refunded, refunded === '' ? '' : refundedDisplay(refunded, f, amount, f.locale || locale, decimalComma))];
      }
      orders = [{ rows: [{ fields: f }], items: 1 }];
    }
    const list = orders as readonly OrderRowsLike[];
    const out: OrderEntry[] = new Array(list.length);
    for (let o = 0; o < list.length; o++) {
      const order = list[o]!;
      const rows = order.rows;
      const first = rows[0]!.fields;
      let display: string;
      let items: Record<string, string>[];
      let count = order.items;
      if (rows.length === 1 && itemsOf === undefined) {
        items = [first];
        display = itemText(first);
      } else if (itemsOf === undefined) {
        items = new Array(rows.length);
        for (let i = 0; i < rows.length; i++) items[i] = rows[i]!.fields;
        display = itemsDisplay(items);
      } else {
        items = [];
        for (let i = 0; i < rows.length; i++) {
          const got = splitItems(rows[i]!.fields, itemsOf);
          // A row of several items counts as that many.
          count += got.length - 1;
          for (const item of got) items.push(item);
        }
        display = itemsDisplay(items);
      }
      const more = order.items - rows.length;
      if (more > 0 && display !== '') display = `${display} ${moreItems(first.locale || locale, more)}`;
      let amount = '';
      if (first.amount !== undefined) {
        const a = rows.length === 1 ? { amount: first.amount, currency: first.currency } : orderAmount(rows, decimalComma, perLine);
        amount = formatMoney(a.amount, a.currency, first.locale || locale, decimalComma);
      }
      const refunded = refunds ? refundOf(first, decimalComma) : '';
      out[o] = make(first, items, count === 1 ? '1' : String(count), more > 0 ? String(more) : '', display, amount, refunded, refunded === '' ? '' : refundedDisplay(refunded, first, amount, first.locale || locale, decimalComma));
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
