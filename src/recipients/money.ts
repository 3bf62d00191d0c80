/**
 * Money as a letter writes it: the export's amount and currency formatted with
 * Intl.NumberFormat for the letter's locale ("£23.50", "23,50 €", "US$16.08"
 * in en for a shop writing to someone abroad is Intl's own choice).
 */

const CURRENCY_SIGN = /[$€£¥₹₩₽₺₪₫₴₦₱฿]|\b(?:kr|zł|Kč|Fr|CHF|R\$)\b/u;
const CODE = /^[A-Za-z]{3}$/;

/**
 * An amount as exported, as a number: "1,234.50", "1.234,50", "€ 12,50",
 * "-$12.00", "12.5"; NaN when it is not one.
 */
export function parseAmount(text: string): number {
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  t = t.replace(/^([-+]?)[^\d.,+-]+/, '$1').replace(/[^\d.,]+$/, '');
  if (!/^[-+]?[\d.,]*\d[\d.,]*$/.test(t)) return NaN;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) {
    // The later one is the decimal mark.
    t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (comma !== -1) {
    // "1,234" and "1,234,567" group thousands; "12,50" is a decimal comma.
    t = /^[-+]?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  } else if ((t.match(/\./g) ?? []).length > 1) t = t.replace(/\./g, '');
  return Number(t);
}

const formats = new Map<string, Intl.NumberFormat | null>();
const formatted = new Map<string, string>();

function formatter(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}\0${currency}`;
  let f = formats.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale || 'en', { style: 'currency', currency });
    } catch {
      f = null;
    }
    formats.set(key, f);
  }
  return f;
}

/**
 * "£23.50" from ("23.50", "GBP", "en"). Without a currency code, an amount that
 * carries its own sign ("$16.08") is shown as written and a bare number is not
 * shown (""): money needs its currency. Formatted strings are cached (exports
 * repeat their amounts).
 */
export function formatMoney(amount: string | undefined, currency: string | undefined, locale: string): string {
  const a = (amount ?? '').trim();
  if (a === '') return '';
  const c = (currency ?? '').trim();
  if (!CODE.test(c)) return CURRENCY_SIGN.test(a) ? a : '';
  const key = `${locale}\0${c}\0${a}`;
  const hit = formatted.get(key);
  if (hit !== undefined) return hit;
  const n = parseAmount(a);
  const f = Number.isFinite(n) ? formatter(locale, c.toUpperCase()) : null;
  const out = f ? f.format(n) : `${a} ${c.toUpperCase()}`;
  if (formatted.size >= 4096) formatted.clear();
  formatted.set(key, out);
  return out;
}
