/** RFC 5322 date-time in UTC: "Tue, 08 Jul 2025 09:00:00 +0000". */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date in a friendly long form, in UTC: "Tuesday, 8 July 2025" (a string that is no date is
 * shown as it is). What Intl.DateTimeFormat('en-GB', { weekday, day, month: 'long', year })
 * prints for years 1 to 9999, without starting ICU (~10 ms of a small run's start-up).
 */
export function longDate(v: unknown): string {
  const d = v instanceof Date ? v : new Date(v === undefined || v === null ? '' : String(v));
  const t = d.getTime();
  if (Number.isNaN(t)) return v === undefined || v === null ? '' : String(v);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) return longDateIntl(d);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${year}`;
}

/**
 * A date as a letter writes it beside dates typed by a person ("Tuesday 1 December"): no comma, and the
 * year only when it is not the year the letter is written in ("Friday 8 January 2027").
 */
export function letterDate(d: Date, now: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  const year = d.getUTCFullYear();
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year === now.getUTCFullYear() ? '' : ` ${year}`}`;
}

let LONG_DATE: Intl.DateTimeFormat | undefined;

/** longDate through ICU (the reference, and years outside 1–9999). */
export function longDateIntl(d: Date): string {
  LONG_DATE ??= new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return LONG_DATE.format(d);
}

/** Month names and their short forms in the built-in languages, to the month's index. */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  [
    ['january jan januar jänner jän janvier janv enero ene'],
    ['february feb februar février févr fév febrero'],
    ['march mar märz mär mars marzo'],
    ['april apr avril avr abril abr'],
    ['may mai mayo'],
    ['june jun juni juin junio'],
    ['july jul juli juillet juil julio'],
    ['august aug août agosto ago'],
    ['september sep sept septembre septiembre setiembre set'],
    ['october oct oktober okt octobre octubre'],
    ['november nov novembre noviembre'],
    ['december dec dezember dez décembre déc diciembre dic'],
  ].flatMap(([names], i) => names!.split(' ').map((n) => [n, i] as [string, number])),
);

const DAY_MONTH = /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?([\p{L}]{3,10})\.?(?:\s+(?:de\s+)?(\d{4}))?(?![\p{L}])/gu;
const MONTH_DAY = /(?<![\p{L}])([\p{L}]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?![\p{L}\d])/gu;
const NUMERIC = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d])/gu;

/**
 * The dates a manager's text names ("Monday 8 December at 9:15", "am do, 3.12. um 9:00",
 * "samedi 28 nov", "el martes 1 de dic."), as UTC days: without a year, the next such day
 * on or after about a month before `now` (a date just past is this year's, December seen in
 * January is last year's).
 */
export function datesIn(text: string | undefined, now: Date): Date[] {
  if (!text) return [];
  const out: Date[] = [];
  const add = (day: number, month: number, year: string | undefined) => {
    if (!(day >= 1 && day <= 31 && month >= 0 && month <= 11)) return;
    let y = year ? (year.length === 2 ? 2000 + Number(year) : Number(year)) : now.getUTCFullYear();
    let d = new Date(Date.UTC(y, month, day));
    if (!year && d.getTime() < now.getTime() - 31 * 86_400_000) d = new Date(Date.UTC(++y, month, day));
    if (d.getUTCDate() === day) out.push(d);
  };
  for (const m of text.matchAll(DAY_MONTH)) {
    const month = MONTH_NAMES.get(m[2]!.toLowerCase());
    if (month !== undefined) add(Number(m[1]), month, m[3]);
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const month = MONTH_NAMES.get(m[1]!.toLowerCase());
    if (month !== undefined) add(Number(m[2]), month, m[3]);
  }
  for (const m of text.matchAll(NUMERIC)) add(Number(m[1]), Number(m[2]) - 1, m[3]);
  return out;
}
