/**
 * Plain amounts ("15", "1234.5": digits, and a dot with up to two decimals,
 * as shop exports write their totals) formatted without parsing them and
 * without Intl: Intl's own writing of the locale and currency (what comes
 * before and after the number, the group and decimal marks, the decimals),
 * taken from its parts once per locale and currency and checked against it on
 * probes. A file of many different totals formats each once (money.ts caches
 * them), so this is most of what a run's money costs: about a quarter of
 * parsing and formatting each. Null for a locale that groups otherwise (Indian
 * lakhs), writes other digits (Arabic), or wrote a probe another way.
 */
export interface PlainMoney {
  before: string;
  after: string;
  group: string;
  decimal: string;
  /** The currency's decimals (Intl writes exactly these). */
  digits: number;
  /** Integer digits from which Intl groups them (4, or 5 where one group of four stays together: "1234,00 zł"). */
  groupFrom: number;
}

/** An amount this formats: up to 13 integer digits and two decimals (15 digits: what a double holds exactly). */
export const PLAIN_AMOUNT = /^\d{1,13}(?:\.\d{1,2})?$/;

const PROBES = ['0', '5', '0.07', '12.3', '999', '1000', '1234.56', '99999.99', '123456', '1234567.89', '100000000000.5', '9999999999999.99'];

/** What Intl writes, read from its parts; null when this cannot write the same. */
export function plainMoney(f: Intl.NumberFormat): PlainMoney | null {
  const o = f.resolvedOptions();
  const digits = o.maximumFractionDigits ?? -1;
  if (o.minimumFractionDigits !== digits || digits < 0 || digits > 2 || o.notation !== 'standard') return null;
  const parts = f.formatToParts(digits > 0 ? 1234567.5 : 1234567);
  const ints = parts.filter((p) => p.type === 'integer').map((p) => p.value);
  if (ints.join('|') !== '1|234|567') return null;
  const first = parts.findIndex((p) => p.type === 'integer');
  const last = parts.length - 1 - [...parts].reverse().findIndex((p) => p.type === 'integer' || p.type === 'fraction');
  const p: PlainMoney = {
    before: parts.slice(0, first).map((x) => x.value).join(''),
    after: parts.slice(last + 1).map((x) => x.value).join(''),
    group: parts.find((x) => x.type === 'group')?.value ?? '',
    decimal: parts.find((x) => x.type === 'decimal')?.value ?? '',
    digits,
    groupFrom: f.formatToParts(1234).filter((x) => x.type === 'integer').length === 2 ? 4 : 5,
  };
  for (const probe of PROBES) {
    const mine = formatPlain(p, probe);
    if (mine !== undefined && mine !== f.format(Number(probe))) return null;
  }
  return p;
}

/** A PLAIN_AMOUNT as Intl writes it, or undefined when it has more decimals than the currency (Intl would round). */
export function formatPlain(p: PlainMoney, a: string): string | undefined {
  const dot = a.indexOf('.');
  let int = dot === -1 ? a : a.slice(0, dot);
  let frac = dot === -1 ? '' : a.slice(dot + 1);
  if (frac.length > p.digits) return undefined;
  if (int.length > 1 && int.charCodeAt(0) === 48) int = int.replace(/^0+(?=\d)/, '');
  while (frac.length < p.digits) frac += '0';
  let grouped = int;
  if (int.length >= p.groupFrom) {
    let i = int.length - 3;
    grouped = int.slice(i);
    for (; i > 3; i -= 3) grouped = `${int.slice(i - 3, i)}${p.group}${grouped}`;
    grouped = `${int.slice(0, i)}${p.group}${grouped}`;
  }
  return p.digits > 0 ? `${p.before}${grouped}${p.decimal}${frac}${p.after}` : `${p.before}${grouped}${p.after}`;
}
