import { formatPlain, PLAIN_AMOUNT, plainMoney, type PlainMoney } from './money-plain.js';

/**
 * Money as a letter writes it: the export's amount and currency formatted with
 * Intl.NumberFormat for the letter's locale ("£23.50", "23,50 €", "US$16.08"
 * in en for a shop writing to someone abroad is Intl's own choice).
 *
 * Exports write money in their own way: "1,234.56", "1.234,56 €", "1 234,56 €"
 * (a no-break space), "€ 1.234,56", "$1,234.56", "EUR 12,50". The amount is read
 * as a number whatever the writing, and its currency, when the export has no
 * currency column, is taken from the sign or code written with it.
 */

/** Signs that name one currency, longest first ("US$" before "$"). */
const SIGNS: [string, string][] = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['AU$', 'AUD'], ['NZ$', 'NZD'], ['HK$', 'HKD'], ['MX$', 'MXN'], ['R$', 'BRL'],
  ['C$', 'CAD'], ['A$', 'AUD'], ['S$', 'SGD'], ['CHF', 'CHF'], ['zł', 'PLN'], ['Kč', 'CZK'], ['Ft', 'HUF'], ['kr', ''],
  ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₺', 'TRY'], ['₪', 'ILS'],
  ['₫', 'VND'], ['₴', 'UAH'], ['₦', 'NGN'], ['₱', 'PHP'], ['฿', 'THB'], ['$', 'USD'],
];
const CURRENCY_SIGN = /[$€£¥₹₩₽₺₪₫₴₦₱฿]|\b(?:kr|zł|Kč|Fr|CHF|R\$)\b/u;
const CODE = /^[A-Za-z]{3}$/;
/** Any character a bare number has not: a sign or a code may be written with it. */
const NOT_NUMERIC = /[^\d\s.,'+-]/;

/** `!NOT_NUMERIC.test(a)` for the usual amount ("15", "1,234.50"): digits and marks looked at one by one, else the expression. */
function onlyNumeric(a: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    // 0-9 . , ' + - and ASCII space: numeric; anything else is for the expression (\s is more than a space).
    if ((c >= 48 && c <= 57) || c === 46 || c === 44 || c === 39 || c === 43 || c === 45 || c === 32) continue;
    return !NOT_NUMERIC.test(a);
  }
  return true;
}
/** Currencies written as a word in a currency column or with the amount ("Euro", "Dollar"). */
const WORDS = /(?:^|[^\p{L}])(euros?|dollars?|pounds?|sterling|franken)(?:[^\p{L}]|$)/iu;
const WORD_CODES: Record<string, string> = { euro: 'EUR', dollar: 'USD', pound: 'GBP', sterling: 'GBP', franken: 'CHF' };
/** A three-letter code written with the amount ("EUR 12,50", "12.50 usd"). */
const CODE_IN_TEXT = /(?:^|[^A-Za-z])([A-Za-z]{3})(?:[^A-Za-z]|$)/;

/**
 * The currency an amount is written with, as a code ("1.234,56 €" → EUR,
 * "$1,234.56" → USD, "EUR 12,50" → EUR), or "" when it names none ("kr" is
 * several). A bare "$" is read as USD: formatted for an English letter it is
 * written "$" again.
 */
export function currencyOf(text: string): string {
  if (!NOT_NUMERIC.test(text)) return '';
  for (const [sign, code] of SIGNS) if (text.includes(sign)) return code;
  const word = WORDS.exec(text);
  if (word) return WORD_CODES[word[1]!.toLowerCase().replace(/s$/, '')] ?? '';
  const m = /\d/.test(text) ? CODE_IN_TEXT.exec(text) : null;
  if (m) {
    const code = m[1]!.toUpperCase();
    codes ??= new Set(Intl.supportedValuesOf('currency'));
    if (codes.has(code)) return code;
  }
  return '';
}
let codes: Set<string> | undefined;

/**
 * An amount as exported, as a number: "1,234.50", "1.234,50", "€ 12,50",
 * "-$12.00", "12.5", "1 234,56 €", "EUR 12,50"; NaN when it is not one.
 * `decimalComma`: the file writes a comma for the decimal mark (an Excel save
 * with ";" between the cells, as in Germany, France, Spain, the Netherlands):
 * then "1.234" is a thousand and more, and "12,5" twelve and a half.
 */
export function parseAmount(text: string, decimalComma = false): number {
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  t = t.replace(/^([-+]?)[^\d.,+-]+/, '$1').replace(/[^\d.,]+$/, '');
  // A sign after the minus ("-$12.00") or a minus after the sign ("$-12.00", "€-5"): one minus.
  if (!/^[-+]?[\d.,]*\d[\d.,]*$/.test(t)) return NaN;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) {
    // The later one is the decimal mark.
    t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (comma !== -1) {
    // "1,234" and "1,234,567" group thousands (unless the file writes decimal commas); "12,50" is a decimal comma.
    t = !decimalComma && /^[-+]?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : (t.match(/,/g) ?? []).length > 1 ? t.replace(/,/g, '') : t.replace(',', '.');
  } else if ((t.match(/\./g) ?? []).length > 1 || (decimalComma && /^[-+]?\d{1,3}(\.\d{3})+$/.test(t))) t = t.replace(/\./g, '');
  return Number(t);
}

const BARE_DOLLAR = /(?<![\p{L}])\$/u;
const formats = new Map<string, Intl.NumberFormat | null>();
/**
 * Formatted amounts by locale, currency (as given) and decimal mark, then by the amount as given:
 * the table a run uses is kept at hand (a file has one locale and, mostly, one currency), so a
 * repeated amount costs one lookup, no key made. An export's amounts are many (a shop's totals
 * run to thousands), so each table holds up to FORMATTED_PER_TABLE before it starts again.
 */
const formattedBy = new Map<string, Map<string, string>>();
const FORMATTED_PER_TABLE = 1 << 14;
const FORMATTED_TABLES = 64;
let lastLocale: string | undefined;
let lastCurrency: string | undefined;
let lastComma = false;
let lastTable: Map<string, string> | undefined;

function formattedTable(locale: string, currency: string, decimalComma: boolean): Map<string, string> {
  if (lastTable !== undefined && locale === lastLocale && currency === lastCurrency && decimalComma === lastComma) return lastTable;
  const key = `${locale}\0${currency}\0${decimalComma ? 1 : 0}`;
  let table = formattedBy.get(key);
  if (table === undefined) {
    if (formattedBy.size >= FORMATTED_TABLES) formattedBy.clear();
    table = new Map();
    formattedBy.set(key, table);
  }
  lastLocale = locale;
  lastCurrency = currency;
  lastComma = decimalComma;
  lastTable = table;
  return table;
}

function formatter(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}\0${currency}`;
  let f = formats.get(key);
  if (f === undefined) {
    try {
      // Spanish prices group four digits too ("1.234,56 €", as shops and banks write them), though Intl
      // leaves them together ("1234,56 €") as the RAE does for plain numbers.
      const always = locale.length >= 2 && (locale[0] === 'e' || locale[0] === 'E') && (locale[1] === 's' || locale[1] === 'S') && (locale.length === 2 || locale[2] === '-' || locale[2] === '_');
      f = new Intl.NumberFormat(locale || 'en', always ? ({ style: 'currency', currency, useGrouping: 'always' } as unknown as Intl.NumberFormatOptions) : { style: 'currency', currency });
    } catch {
      f = null;
    }
    formats.set(key, f);
  }
  return f;
}

const plains = new Map<string, PlainMoney | null>();
/** The plain-amount writing of Intl's formatter for this locale and currency (money-plain.ts), or null. */
function plainFor(locale: string, currency: string): PlainMoney | null {
  const key = `${locale}\0${currency}`;
  let p = plains.get(key);
  if (p === undefined) {
    const f = formatter(locale, currency);
    p = f ? plainMoney(f) : null;
    plains.set(key, p);
  }
  return p;
}

/**
 * "£23.50" from ("23.50", "GBP", "en"); "€1,234.56" from ("1.234,56 €", "", "en").
 * Without a currency code the amount's own sign or code gives it; an amount
 * with a sign that names no one currency ("12 kr") is shown as written, and a
 * bare number is not shown (""): money needs its currency. Formatted strings
 * are cached (exports repeat their amounts).
 */
export function formatMoney(amount: string | undefined, currency: string | undefined, locale: string, decimalComma = false): string {
  // A bare number without a currency, before any trimming (white space is numeric here too): most plain CSVs' amounts.
  if ((currency === undefined || currency === '') && amount !== undefined && onlyNumeric(amount)) return '';
  if (amount === undefined) return '';
  const table = formattedTable(locale, currency ?? '', decimalComma);
  const hit = table.get(amount);
  if (hit !== undefined) return hit;
  const out = formatMoneyOnce(amount, currency, locale, decimalComma);
  if (table.size >= FORMATTED_PER_TABLE) table.clear();
  // A long cell may be a slice of its whole CSV line: kept as a copy of its own.
  table.set(amount.length < 13 ? amount : ` ${amount}`.slice(1), out);
  return out;
}

/** formatMoney without its tables. */
function formatMoneyOnce(amount: string, currency: string | undefined, locale: string, decimalComma: boolean): string {
  const a = amount.trim();
  if (a === '') return '';
  let c = (currency ?? '').trim();
  // A bare number without a currency (most plain CSVs' amounts): nothing to show.
  if (c === '' && onlyNumeric(a)) return '';
  // A currency column written as a sign or a word ("€", "Euro"), else the amount's own sign or code.
  if (!CODE.test(c)) c = currencyOf(c) || currencyOf(a);
  let out: string;
  if (c === '') out = CURRENCY_SIGN.test(a) ? a : '';
  else {
    // A plain amount ("15", "1234.5", as shops export totals): written as Intl writes it, without parsing (money-plain.ts).
    const plain = PLAIN_AMOUNT.test(a) ? plainFor(locale, c.toUpperCase()) : null;
    const fast = plain ? formatPlain(plain, a) : undefined;
    const n = fast === undefined ? parseAmount(a, decimalComma) : 0;
    const f = fast !== undefined || Number.isFinite(n) ? formatter(locale, c.toUpperCase()) : null;
    out = fast ?? (f ? f.format(n) : `${a} ${c.toUpperCase()}`);
    // A bare "$" is pesos in Mexico and dollars elsewhere: a letter in another language than English names
    // the currency ("$1,520.00 MXN", "629,00 $ CAD"), as an invoice there does.
    if (f && locale !== '' && BARE_DOLLAR.test(out) && !/^en(?:$|[-_])/i.test(locale)) out = `${out} ${c.toUpperCase()}`;
  }
  return out;
}
