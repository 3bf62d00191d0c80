/**
 * Numbers, dates, money, lists and plurals for a letter's locale, with `Intl`
 * (no dependency: Node's full ICU has every locale the built-ins need). One
 * formatter per locale and kind, made on first use and kept.
 *
 * English keeps the shapes the English letters always had ("13,482",
 * "Wednesday, 25 November 2026"); every other locale gets what `Intl` says
 * ("13.482", "13 482", "Mittwoch, 25. November 2026").
 */

/** The languages with built-in letters. */
export const BUILTIN_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type BuiltinLanguage = (typeof BUILTIN_LANGUAGES)[number];

/** "de-AT" → "de"; "" → "en". */
export function languageOf(tag: string): string {
  const i = tag.indexOf('-');
  return (i < 0 ? tag : tag.slice(0, i)).toLowerCase() || 'en';
}

/** A tag in its canonical form ("en-us" → "en-US", "DE_at" → "de-AT"), or undefined when it is not one. */
export function canonicalTag(tag: string): string | undefined {
  const t = tag.trim().replace(/_/g, '-');
  if (t === '') return undefined;
  try {
    return Intl.getCanonicalLocales(t)[0];
  } catch {
    return undefined;
  }
}

const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  let hit = cache.get(key) as T | undefined;
  if (hit === undefined) {
    hit = make();
    cache.set(key, hit);
  }
  return hit;
}

/** The tag Intl formats with: English numbers as en-US, English dates as en-GB (what the English letters always used). */
const isEnglish = (tag: string) => tag === 'en' || tag === '' || languageOf(tag) === 'en';

const toNumber = (v: unknown): number => {
  if (typeof v === 'number') return v;
  const n = Number(String(v ?? '').replace(/[,_\s\u00a0\u202f]/g, ''));
  return Number.isFinite(n) ? n : 0;
};

/** 13482 → "13,482" (en), "13.482" (de), "13 482" (fr, a narrow no-break space), "13.482" (es). */
export function localeNumber(v: unknown, tag: string): string {
  const n = Math.round(toNumber(v));
  const fmt = memo(`n\0${tag}`, () => new Intl.NumberFormat(isEnglish(tag) ? 'en-US' : tag, { maximumFractionDigits: 0 }));
  return fmt.format(n);
}

/** The words for "about N" in each language ("rund 13.500", "environ 13 500", "unas 13.500"). */
const ABOUT: Readonly<Record<string, string>> = { en: 'about', de: 'rund', fr: 'environ', es: 'unos' };

/**
 * A count as a person would say it: exact below 1,000, else rounded with the
 * language's "about" ("about 13,500", "rund 13.500", "environ 13 500").
 * Spanish agrees "unos/unas" with the noun: pass `feminine` for "unas".
 */
export function localeAbout(v: unknown, tag: string, feminine = false): string {
  const n = Math.round(toNumber(v));
  if (n < 1000) return localeNumber(n, tag);
  const step = n < 100_000 ? 100 : 10 ** (String(n).length - 3);
  const rounded = Math.round(n / step) * step;
  if (rounded === n) return localeNumber(n, tag);
  const lang = languageOf(tag);
  const word = lang === 'es' && feminine ? 'unas' : (ABOUT[lang] ?? ABOUT.en!);
  return `${word} ${localeNumber(rounded, tag)}`;
}

/** A date (a Date, an ISO string) in the locale's long form, in UTC; a string that is no date is shown as it is. */
export function localeLongDate(v: unknown, tag: string): string {
  const d = v instanceof Date ? v : new Date(v === undefined || v === null ? '' : String(v));
  if (Number.isNaN(d.getTime())) return v === undefined || v === null ? '' : String(v);
  const fmt = memo(`d\0${tag}`, () => new Intl.DateTimeFormat(isEnglish(tag) ? 'en-GB' : tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  const s = fmt.format(d);
  // Spanish prose says "el miércoles 25 de noviembre de 2026", without the comma a calendar puts after the weekday.
  return languageOf(tag) === 'es' ? s.replace(/^(\p{L}+), /u, '$1 ') : frenchFirst(s, tag);
}

/** i18n13: French writes the first of the month "1er" ("le mardi 1er décembre"), never "1 décembre". */
function frenchFirst(s: string, tag: string): string {
  return languageOf(tag) === 'fr' ? s.replace(/(?<![\d])1 (?=\p{L})/u, '1er ') : s;
}

/**
 * A date as a letter in the locale writes it beside the dates the manager typed (which are written
 * out the same way: "Mittwoch, 25. November", "mercredi 25 novembre", "el miércoles 25 de noviembre"):
 * the weekday and the day, the year only when it is not the year the letter is written in. One style
 * per letter, never "25 nov" next to "29 novembre 2026".
 */
export function localeLetterDate(v: unknown, tag: string, now: Date): string {
  const d = v instanceof Date ? v : new Date(v === undefined || v === null ? '' : String(v));
  if (Number.isNaN(d.getTime())) return v === undefined || v === null ? '' : String(v);
  if (d.getUTCFullYear() !== now.getUTCFullYear()) return localeLongDate(d, tag);
  const fmt = memo(`dy\0${tag}`, () => new Intl.DateTimeFormat(isEnglish(tag) ? 'en-GB' : tag, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }));
  const s = fmt.format(d);
  return languageOf(tag) === 'es' ? s.replace(/^(\p{L}+), /u, '$1 ') : frenchFirst(s, tag);
}

/** ["A-1001", "A-1002", "A-1003"] → "A-1001, A-1002 and A-1003" (en, no serial comma), "… und A-1003", "… et A-1003", "… y A-1003". */
export function localeList(items: readonly unknown[], tag: string): string {
  const words = items.map((x) => (x === undefined || x === null ? '' : String(x))).filter((x) => x !== '');
  if (isEnglish(tag)) return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  const fmt = memo(`l\0${tag}`, () => new Intl.ListFormat(tag, { type: 'conjunction', style: 'long' }));
  return fmt.format(words);
}

/** An amount with its currency for the locale ("7,95 €", "7,95 $", "€7.95"); an amount that is no number is shown as typed. */
export function localeMoney(amount: unknown, currency: unknown, tag: string): string {
  const raw = String(amount ?? '').trim();
  const code = String(currency ?? '').trim().toUpperCase();
  const n = Number(raw.replace(/[\s\u00a0\u202f]/g, '').replace(/,(\d{1,2})$/, '.$1').replace(/,/g, ''));
  if (raw === '' || !Number.isFinite(n)) return raw;
  if (!/^[A-Z]{3}$/.test(code)) return localeDecimal(n, tag);
  try {
    const fmt = memo(`m\0${tag}\0${code}`, () => new Intl.NumberFormat(isEnglish(tag) ? 'en-GB' : tag, { style: 'currency', currency: code }));
    const s = fmt.format(n);
    // A bare "$" is pesos in Mexico, dollars in Canada and the US: another language's letter names the
    // currency ("$1,520.00 MXN", "629,00 $ CAD"), as a customer there would read it on an invoice.
    return !isEnglish(tag) && BARE_DOLLAR.test(s) ? `${s} ${code}` : s;
  } catch {
    return `${localeDecimal(n, tag)} ${code}`;
  }
}

const BARE_DOLLAR = /(?<![\p{L}])\$/u;

function localeDecimal(n: number, tag: string): string {
  return memo(`f\0${tag}`, () => new Intl.NumberFormat(isEnglish(tag) ? 'en-US' : tag, { minimumFractionDigits: 0, maximumFractionDigits: 2 })).format(n);
}

/** The plural category of n in the locale ("one", "other", "many"…). */
export function pluralCategory(v: unknown, tag: string): Intl.LDMLPluralRule {
  const rules = memo(`p\0${tag}`, () => new Intl.PluralRules(isEnglish(tag) ? 'en' : tag));
  return rules.select(toNumber(v));
}

/**
 * The form for n: `one` for the locale's "one" category, else `many`
 * (French says "one" for 0 and 1: "0 commande" is right there).
 */
export function localePlural(v: unknown, one: string, many: string, tag: string): string {
  return pluralCategory(v, tag) === 'one' ? one : many;
}

/** Where a letter for a locale comes from: `tag` formats (numbers, dates), `folder` names the templates (a built-in language or a custom folder). */
export interface LetterLocale {
  tag: string;
  folder: string;
}

/**
 * The nearest locale letters exist for: the exact tag when templates have a folder for it
 * ("de-CH" with DIR/de-CH/), else its language ("de-AT" → de, "es-MX" → es, "fr-FR" → fr);
 * undefined when neither exists ("pt-BR" with no Portuguese letters) or the text is no tag.
 */
export function nearestLocale(raw: string, available: readonly string[]): LetterLocale | undefined {
  const tag = canonicalTag(raw);
  if (tag === undefined) return undefined;
  if (available.includes(tag)) return { tag, folder: tag };
  const lang = languageOf(tag);
  return available.includes(lang) ? { tag, folder: lang } : undefined;
}
