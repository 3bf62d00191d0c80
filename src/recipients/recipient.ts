import { singleOrder, type OrderEntry } from './orders.js';

/** One customer to write to: their columns, by normalised name, all strings. */
export interface Recipient {
  /** The bare address (may be empty in `draft` without `--to`). */
  email: string;
  /** Display name, possibly empty. */
  name: string;
  /** First name: the column, else the first word of `name`, else empty. */
  first_name: string;
  /** Every column of the (first) row, by normalised name. */
  fields: Record<string, string>;
  /**
   * The customer's orders (rows with the same order_id are one order): each
   * its first row's columns, its line items (`items`, each a row's columns) and
   * the values orders.ts makes (`items_display`, `amount_display`…); in a batch
   * the first 25 (group.ts ORDERS_LISTED).
   */
  orders: OrderEntry[];
  /** How many orders the customer has in all (`orders` may list fewer); the context's order_count and more_orders. */
  orderCount?: number;
  /** What makes this message unique besides the incident and stage (the address, or address#row). */
  key: string;
  /** `first_name` is firstNameOf(name) (no first-name column gave one): isFirstNameOf would say yes. */
  firstDerived?: boolean;
  /** The name has passed displayNameProblem already (a batch's rows are checked as they are read). */
  nameChecked?: boolean;
  /** Source line of the first row, for errors and rejects. */
  line?: number;
  /** When this customer's apology went, as the apology run's journal records it (a follow-up with `--only-sent`). */
  apologySent?: string;
}

const TITLE = /^(mr|mrs|ms|mx|miss|dr|prof|sir|dame)\.?$/i;
const SPACE_OR_COMMA = /[\s,]/;
/** TITLE.test(word), without the regular expression for a word too long to be one (most). */
const isTitle = (word: string): boolean => {
  if (word.length > 5) return false;
  // Every title starts with m, d, p or s: most first names need no expression.
  const c = word.charCodeAt(0) | 0x20;
  return (c === 109 || c === 100 || c === 112 || c === 115) && TITLE.test(word);
};

/** First name from a full name: the first word, unless that is a title like "Dr." */
export function firstNameOf(name: string): string {
  // The usual case, "Jane Smith", without splitting and filtering.
  const sp = name.indexOf(' ');
  if (sp > 0) {
    const first = name.slice(0, sp);
    if (!SPACE_OR_COMMA.test(first) && !isTitle(first)) return first;
  }
  const words = name.trim().split(/\s+/).filter(Boolean);
  const word = words.length > 1 && TITLE.test(words[0]!) ? words[1]! : words[0] ?? '';
  // "Smith, Jane" → Jane
  if (/,$/.test(word) && words.length > 1) return words[1]!;
  return word.replace(/,$/, '');
}

/**
 * `firstNameOf(name) === first`, without the copy for the usual name ("Jane"
 * and "Jane Smith"): a batch asks it for every recipient.
 */
export function isFirstNameOf(first: string, name: string): boolean {
  const n = first.length;
  if (n > 0 && name.length > n && name.charCodeAt(n) === 32 && name.startsWith(first) && !SPACE_OR_COMMA.test(first) && !isTitle(first)) return true;
  return firstNameOf(name) === first;
}

/** A recipient from an address and name (as `draft --to` gives them). */
export function recipientFromMailbox(address: string, name: string, extra: Record<string, string> = {}): Recipient {
  const first = (extra.first_name ?? '').trim() || firstNameOf(name);
  const fields = { ...extra, email: address, name, first_name: first };
  return { email: address, name, first_name: first, fields, orders: [singleOrder(fields)], key: address.toLowerCase() };
}

/** Nobody in particular: a draft without `--to`. */
export const NOBODY: Recipient = { email: '', name: '', first_name: '', fields: { email: '', name: '', first_name: '' }, orders: [], key: '' };
