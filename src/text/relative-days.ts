/**
 * Days a manager types relative to the day they write ("on Tuesday morning", "tomorrow", "this
 * week", "last night") said as the dates they were, for a letter read days later (a follow-up):
 * "on the morning of Tuesday 24 November". Pure.
 */
import { letterDate } from './dates.js';
import { ONE_DAY_MS, dayOf } from './typed-date.js';

export interface RelativeDays {
  /** The day the words were typed (the apology's day), when it is known. */
  written?: Date;
  /** A day the incident names ("Wednesday 25 November"): a bare weekday in a past event that is this day's is this day. */
  anchor?: Date;
  /** The field speaks of what is to come (an outcome, an action): a bare weekday is the next one, not the last. */
  future: boolean;
  /** The day the letter is read: the year is written only when it is not this one. */
  now: Date;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WD = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday)';
const PART = '(?:\\s+(morning|afternoon|evening|night))?';
// A weekday typed with a date after it ("Tuesday 8 December", "Monday, 23 November") is already absolute.
const NO_DATE = '(?![\\p{L}])(?!\\s*,?\\s*(?:the\\s+)?\\d)';

/** Words a day can follow without "on": "till Thursday", "since Sunday", "by Friday", "Monday and Tuesday". */
const PREPOSITION = /(?:^|[^A-Za-z])(?:till|until|til|since|by|before|after|from|to|for|between|through|and|or|than|&|\+)$/i;
/** Words that make a weekday a noun's modifier: "the Tuesday night shift", "our Monday delivery". */
const DETERMINER = /(?:^|[^A-Za-z])(?:the|a|an|that|our|your|their|its|his|her)$/i;

/** "Saturday's 9am spin class was cancelled": the thing, then the verb it ends at. */
const POSSESSIVE = new RegExp(`\\b${WD}['’]s\\s+([^.;,]{1,60}?)\\s+(was|were|is|are|had|has|got|went|didn't|did not|wasn't|weren't)\\b`, 'giu');
const WORDS = new RegExp(
  `(?:\\s|^)(?:(on|last|this|next|earlier|later)\\s+)?(?:(?<![\\p{L}])(today|tonight|tomorrow|yesterday)(?!['’]s)${PART}|(morning|afternoon|evening|night|week)\\b|${WD}${PART}${NO_DATE})`,
  'giu',
);

function part(p: string | undefined): string {
  return p ? p.toLowerCase() : '';
}

function onDay(d: Date, p: string, now: Date): string {
  const day = letterDate(d, now);
  return p ? `on the ${p} of ${day}` : `on ${day}`;
}

/** The weekday `wd` nearest `from`: the last on or before it, or (future) the next after it. */
function weekdayFrom(from: Date, wd: number, future: boolean): Date {
  const base = dayOf(from);
  const diff = (wd - base.getUTCDay() + 7) % 7;
  return future ? new Date(base.getTime() + (diff === 0 ? 7 : diff) * ONE_DAY_MS) : new Date(base.getTime() - ((7 - diff) % 7) * ONE_DAY_MS);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function weekOf(d: Date): string {
  const monday = new Date(dayOf(d).getTime() - ((d.getUTCDay() + 6) % 7) * ONE_DAY_MS);
  return `in the week of ${monday.getUTCDate()} ${MONTHS[monday.getUTCMonth()]}`;
}

/**
 * The text with each relative day said as its date, against the day it was written; a relative day
 * that cannot be placed (the day it was written is not known) is left out, never guessed.
 * Text without such words comes back as it was.
 */
export function resolveRelativeDays(text: string, o: RelativeDays): string {
  if (!/(?:day|night|tomorrow|week|morning|afternoon|evening)/i.test(text)) return text;
  const weekday = (name: string, modifier: string): Date | undefined => {
    const wd = WEEKDAYS.indexOf(name.toLowerCase());
    const future = modifier === 'next' ? true : modifier === 'last' ? false : o.future;
    if (o.written) return weekdayFrom(o.written, wd, future);
    if (!future && o.anchor && o.anchor.getUTCDay() === wd) return o.anchor;
    return undefined;
  };
  let out = text.replace(POSSESSIVE, (_all, name: string, thing: string, verb: string) => {
    const d = weekday(name, '');
    return d ? `the ${thing} ${onDay(d, '', o.now)} ${verb}` : `the ${thing} ${verb}`;
  });
  out = out.replace(WORDS, (all, modifier: string | undefined, rel: string | undefined, relPart: string | undefined, alone: string | undefined, wd: string | undefined, wdPart: string | undefined, at: number, whole: string) => {
    const before = whole.slice(0, at);
    // "every Monday", "each Friday": a habit, not a day.
    if (/\b(?:every|each|alternate|most|some|any)\s*$/i.test(before)) return all;
    const lead = /^\s/.test(all) ? all[0]! : '';
    const mod = (modifier ?? '').toLowerCase();
    const possessive = /^['’]s\b/u.test(whole.slice(at + all.length));
    // "this week's box": the week it was, seen from later.
    if (possessive && alone && alone.toLowerCase() === 'week' && mod === 'this') return `${lead}that week`;
    // The day is part of a phrase that cannot lose it or take "on": "till Thursday", "since Sunday", "Monday's
    // payments", "the Tuesday night shift", "from Tuesday's firing". Dated without "on" after a preposition;
    // as typed (with its capital) when it cannot be placed or is a noun's modifier.
    const bare = !mod && (PREPOSITION.test(before) || DETERMINER.test(before) || possessive);
    if (bare && wd) {
      const d = possessive || DETERMINER.test(before) ? undefined : weekday(wd, '');
      const typed = `${wd[0]!.toUpperCase()}${wd.slice(1).toLowerCase()}${wdPart ? ` ${wdPart.toLowerCase()}` : ''}`;
      // "Monday and Tuesday" with neither placeable: both go, as a lone "on Tuesday" would.
      if (!d && !possessive && !DETERMINER.test(before) && /(?:and|or|&|\+)$/i.test(before)) return '';
      return `${lead}${d ? (wdPart ? `the ${part(wdPart)} of ${letterDate(d, o.now)}` : letterDate(d, o.now)) : typed}`;
    }
    if (bare && rel && !possessive && o.written && !DETERMINER.test(before)) {
      const r = rel.toLowerCase();
      const shift = r === 'tomorrow' ? 1 : r === 'yesterday' ? -1 : 0;
      const p = r === 'tonight' ? 'evening' : part(relPart);
      const d = letterDate(new Date(dayOf(o.written).getTime() + shift * ONE_DAY_MS), o.now);
      return `${lead}${p ? `the ${p} of ${d}` : d}`;
    }
    if (bare && rel) return all;
    // "this morning", "last night", "next week"… ("on Mondays" never matches)
    if (alone) {
      const a = alone.toLowerCase();
      if (!['this', 'last', 'earlier', 'next'].includes(mod)) return all;
      if (a === 'week') {
        if (!o.written) return '';
        const shift = mod === 'last' ? -7 : mod === 'next' ? 7 : 0;
        return `${lead}${weekOf(new Date(o.written.getTime() + shift * ONE_DAY_MS))}`;
      }
      if (!o.written) return '';
      if (mod === 'last') return `${lead}${onDay(new Date(o.written.getTime() - ONE_DAY_MS), a === 'night' ? 'night' : a, o.now)}`;
      if (mod === 'next') return all;
      return `${lead}${onDay(o.written, a === 'night' ? 'evening' : a, o.now)}`;
    }
    if (rel) {
      if (mod && mod !== 'on' && mod !== 'earlier' && mod !== 'later') return all;
      if (!o.written) return '';
      const r = rel.toLowerCase();
      const shift = r === 'tomorrow' ? 1 : r === 'yesterday' ? -1 : 0;
      const p = r === 'tonight' ? 'evening' : part(relPart);
      return `${lead}${onDay(new Date(dayOf(o.written).getTime() + shift * ONE_DAY_MS), p, o.now)}`;
    }
    if (wd) {
      if (mod === 'earlier' || mod === 'later') return all;
      const d = weekday(wd, mod);
      if (!d) return '';
      return `${lead}${onDay(d, part(wdPart), o.now)}`;
    }
    return all;
  });
  return out === text ? text : out.replace(/^\s+/u, '').replace(/\s{2,}/gu, ' ');
}
