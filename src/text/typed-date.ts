/**
 * Dates as managers type them into free-text fields ("Monday 8 December",
 * "Dec 8th", "2026-12-08", "within 5 working days"): found, read against a
 * reference day, and checked (a typed weekday that is not the date's). Pure.
 */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const WD = '(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const MO = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
/** "Monday 8 December [2026]", "Mon, 8th of Dec", "8 December" */
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\d])(?:${WD}\\.?,?\\s+(?:the\\s+)?)?${DAY}(?:\\s+of)?\\s+${MO}\\.?(?![\\p{L}])${YEAR}`, 'giu');
/** "Monday, December 8[, 2026]", "Dec 8th" */
const MONTH_DAY = new RegExp(`(?<![\\p{L}\\d])(?:${WD}\\.?,?\\s+)?${MO}\\.?\\s+${DAY}(?![\\d])${YEAR}`, 'giu');
/** "Tuesday 2026-12-08", "2026-12-08" */
const ISO = new RegExp(`(?<![\\p{L}\\d])(?:${WD}\\.?,?\\s+)?(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)`, 'giu');

/** One date found in a text. */
export interface TypedDate {
  /** The words as typed ("Monday 8 December"). */
  text: string;
  /** The date, at midnight UTC. */
  date: Date;
  /** The weekday typed with it (0 = Sunday), or -1. */
  typedWeekday: number;
  /** The year was typed. */
  hasYear: boolean;
  /** Where the words start in the text. */
  at: number;
}

const DAY_MS = 86_400_000;

function weekdayIndex(word: string | undefined): number {
  if (!word) return -1;
  const w = word.toLowerCase().slice(0, 3);
  return WEEKDAYS.findIndex((d) => d.startsWith(w));
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(w));
}

/** The year that puts day/month nearest the reference day. */
function nearestYear(month: number, day: number, ref: Date): number {
  const y = ref.getUTCFullYear();
  let best = y;
  let bestGap = Infinity;
  for (const year of [y - 1, y, y + 1]) {
    const gap = Math.abs(Date.UTC(year, month, day) - ref.getTime());
    if (gap < bestGap) {
      bestGap = gap;
      best = year;
    }
  }
  return best;
}

function make(year: number, month: number, day: number): Date | undefined {
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCMonth() === month && d.getUTCDate() === day ? d : undefined;
}

/** Every date typed in a text, in order, each read in the year nearest `ref` unless the year is typed. */
export function findDates(text: string, ref: Date): TypedDate[] {
  const out: { at: number; d: TypedDate }[] = [];
  const taken: [number, number][] = [];
  const add = (at: number, len: number, d: TypedDate | undefined) => {
    if (!d || taken.some(([s, e]) => at < e && s < at + len)) return;
    taken.push([at, at + len]);
    out.push({ at, d });
  };
  for (const m of text.matchAll(ISO)) {
    const date = make(Number(m[2]), Number(m[3]) - 1, Number(m[4]));
    add(m.index!, m[0].length, date && { text: m[0], date, typedWeekday: weekdayIndex(m[1]), hasYear: true, at: m.index! });
  }
  for (const re of [DAY_MONTH, MONTH_DAY]) {
    for (const m of text.matchAll(re)) {
      const [dayText, monthText] = re === DAY_MONTH ? [m[2]!, m[3]!] : [m[3]!, m[2]!];
      const month = monthIndex(monthText);
      const day = Number(dayText);
      const year = m[4] ? Number(m[4]) : nearestYear(month, day, ref);
      const date = make(year, month, day);
      add(m.index!, m[0].length, date && { text: m[0].trim(), date, typedWeekday: weekdayIndex(m[1]), hasYear: Boolean(m[4]), at: m.index! });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.d);
}

/** The first date typed in a text, or undefined. */
export function firstDate(text: string | undefined, ref: Date): Date | undefined {
  return text ? findDates(text, ref)[0]?.date : undefined;
}

/** The weekday's name: 2 → "Tuesday". */
export function weekdayName(d: Date): string {
  const w = WEEKDAYS[d.getUTCDay()]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

/** A date whose typed weekday is not its own ("Monday 8 December" in 2026, a Tuesday). */
export function wrongWeekdays(text: string, ref: Date): { text: string; actual: string; date: Date }[] {
  return findDates(text, ref)
    .filter((d) => d.typedWeekday >= 0 && d.typedWeekday !== d.date.getUTCDay())
    .map((d) => ({ text: d.text, actual: weekdayName(d.date), date: d.date }));
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fourteen: 14, thirty: 30 };
const WINDOW = /\b(?:within|in|inside|over the next|in the next|up to)\s+(?:the\s+next\s+)?(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty)(?:\s*(?:-|–|to)\s*(\d+|two|three|four|five|six|seven|eight|nine|ten))?\s+(working\s+|business\s+|bank\s+)?(hours?|days?|weeks?)\b/i;

/** A wait typed in words ("within 5 working days", "in 3–5 days", "within a week"): its length, or undefined. */
export function typedWindow(text: string | undefined): { days: number; working: boolean; text: string } | undefined {
  const m = text ? WINDOW.exec(text) : null;
  if (!m) return undefined;
  const n = (w: string) => (/^\d+$/.test(w) ? Number(w) : (NUMBER_WORDS[w.toLowerCase()] ?? 0));
  const count = n(m[2] ?? m[1]!);
  const unit = m[4]!.toLowerCase();
  const days = unit.startsWith('hour') ? Math.ceil(count / 24) : unit.startsWith('week') ? count * 7 : count;
  if (days <= 0) return undefined;
  return { days, working: Boolean(m[3]) && !unit.startsWith('week'), text: m[0] };
}

/** The day a wait ends when it starts on `from` (working days skip Saturdays and Sundays). */
export function windowEnd(from: Date, w: { days: number; working: boolean }): Date {
  if (!w.working) return new Date(from.getTime() + w.days * DAY_MS);
  let d = from.getTime();
  for (let left = w.days; left > 0; ) {
    d += DAY_MS;
    const day = new Date(d).getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return new Date(d);
}

/** Midnight UTC of the day of `d`. */
export function dayOf(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export const ONE_DAY_MS = DAY_MS;
