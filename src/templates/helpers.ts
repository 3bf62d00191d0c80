import { longDate } from '../text/dates.js';

/**
 * Template helpers. Every helper takes strings or numbers and returns a string,
 * so values from users stay data (never evaluated, never summed).
 */
import type { HelperOptions } from 'handlebars';
import { cap, clause, dedupe, orderFrom, sentence } from './sentence.js';

export { cap, clause, dedupe, orderFrom, sentence };

type HelperValue = unknown;

const str = (v: HelperValue): string => (v === undefined || v === null ? '' : String(v));

export function toNumber(v: HelperValue): number {
  if (typeof v === 'number') return v;
  const n = Number(str(v).replace(/[,_\s]/g, ''));
  return Number.isFinite(n) ? n : 0;
}

/** 13482 → "13,482". */
export function formatNumber(v: HelperValue): string {
  const n = Math.round(toNumber(v));
  // What toLocaleString('en-US') gives, without starting ICU for every call.
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21 || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** A count in words a person would say: exact below 1,000, else "about 13,500". */
export function about(v: HelperValue): string {
  const n = Math.round(toNumber(v));
  if (n < 1000) return formatNumber(n);
  const step = n < 100_000 ? 100 : 10 ** (String(n).length - 3);
  const rounded = Math.round(n / step) * step;
  return rounded === n ? formatNumber(n) : `about ${formatNumber(rounded)}`;
}

export function plural(n: HelperValue, one: HelperValue, many: HelperValue): string {
  return toNumber(n) === 1 ? str(one) : str(many);
}

export function count(n: HelperValue, one: HelperValue, many: HelperValue): string {
  return `${formatNumber(n)} ${plural(n, one, many)}`;
}

/**
 * A text helper that also works as a block, on the sentence the template
 * assembles around the fields: `{{#sentence}}{{orderFrom company.name}} is late{{/sentence}}`.
 */
function textHelper(fn: (v: unknown) => string) {
  return function (this: unknown, ...args: HelperValue[]): string {
    const options = args[args.length - 1] as Partial<HelperOptions> | undefined;
    if (args.length === 1 && typeof options?.fn === 'function') return fn(options.fn(this));
    return fn(args[0]);
  };
}

/** Helpers by name; each is registered on the isolated Handlebars instance. */
export const HELPERS: Record<string, (...args: HelperValue[]) => unknown> = {
  number: (v) => formatNumber(v),
  about: (v) => about(v),
  clause: textHelper(clause),
  sentence: textHelper(sentence),
  cap: textHelper(cap),
  dedupe: textHelper(dedupe),
  orderFrom: (company, noun) => orderFrom(company, typeof noun === 'string' ? noun : undefined),
  plural: (n, one, many) => plural(n, one, many),
  count: (n, one, many) => count(n, one, many),
  date: (v) => longDate(v),
  lower: (v) => str(v).toLowerCase(),
  upper: (v) => str(v).toUpperCase(),
  trim: (v) => str(v).trim(),
  default: (v, fallback) => (str(v).trim() === '' ? str(fallback) : str(v)),
  eq: (a, b) => str(a) === str(b),
  ne: (a, b) => str(a) !== str(b),
  gt: (a, b) => toNumber(a) > toNumber(b),
  lt: (a, b) => toNumber(a) < toNumber(b),
  in: (v, ...rest) => rest.slice(0, -1).map(str).includes(str(v)),
  not: (v) => !v || (Array.isArray(v) && v.length === 0),
  and: (...args) => args.slice(0, -1).every(Boolean),
  or: (...args) => args.slice(0, -1).some(Boolean),
  length: (v) => (Array.isArray(v) ? v.length : str(v).length),
  join: (list, sep) => (Array.isArray(list) ? list.map(str).join(typeof sep === 'string' ? sep : ', ') : str(list)),
};
