/**
 * letters8b: the subject of an English business letter. An operations lead reads it in a list of
 * alerts: what happened, when (once), and the news (the new date, the refund sent), in about 70
 * characters: "Stockline outage, Monday 23 November, 07:12–12:48 UTC",
 * "Wrong carton delivery: replacements arriving Friday 27 November",
 * "Duplicated November direct debit: refund sent Friday 27 November".
 * Built from the facts as typed (the follow-up's "Re:" repeats it word for word).
 */
import { cap } from '../templates/helpers.js';

export interface SubjectFacts {
  company: string;
  scenario: string;
  summary?: string;
  when?: string;
  outcome?: string;
  remedyKind: string;
  event: string;
  now: Date;
  /** wrong-item: the work is remade, not a replacement sent. */
  madeWork?: boolean;
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)';
/** A day as letters write it: "Monday 23 November 2026", "23 Nov", "Friday 27 November". */
const DAY = new RegExp(`(?:${WEEKDAY},?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?|${WEEKDAY}\\s+${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?`, 'i');
const DAY_G = new RegExp(DAY.source, 'gi');

const TOPIC: Record<string, string> = {
  'service-outage': 'service outage',
  'shipping-delay': 'late delivery',
  'wrong-item': 'wrong items supplied',
  'billing-error': 'billing error',
  'missed-appointment': 'missed visit',
  generic: 'an error on our side',
};
const REMEDY_NOUN: Record<string, string> = {
  refund: 'your refund',
  credit: 'your credit',
  coupon: 'your discount',
  replacement: 'your replacement',
  upgrade: 'your upgrade',
  'waived-fee': 'the fee waived',
};

/** The day without a year the letter's clock is in ("Monday 23 November 2026" → "Monday 23 November" in 2026). */
function dayWords(d: string, now: Date): string {
  return d.replace(new RegExp(`\\s+${now.getUTCFullYear()}$`), '').replace(/,\s+/, ' ');
}

/** The incident's own day and time from `when`, without notes or brackets: "Wednesday 25 November, 18:40–20:15 GMT". */
function whenShort(when: string, now: Date, withTime: boolean): string {
  let t = when.replace(/\s*\([^)]*\)/g, '').trim();
  t = isoDayWords(t, now);
  const d = DAY.exec(t);
  if (!d) return '';
  const day = dayWords(d[0], now);
  if (!withTime) return day;
  const time = /(\d{1,2}[:.]\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}[:.]\d{2})(\s*(?:UTC|GMT|BST|CET|CEST|[A-Z]{2,4}T))?/.exec(t.slice(d.index + d[0].length));
  return time ? `${day}, ${time[1]}–${time[2]}${time[3] ?? ''}` : day;
}

/** An ISO day ("2026-11-24 09:12–10:31 UTC") as the letters write days ("Tuesday 24 November, 09:12–10:31 UTC"). */
export function isoDayWords(text: string, now: Date): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})(?:T(?=\d)|(?=\s+\d))?(\s+)?/, (all, y: string, m: string, d: string, space: string | undefined) => {
    const at = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (Number.isNaN(at.getTime()) || at.getUTCDate() !== Number(d)) return all;
    const name = `${at.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })} ${Number(d)} ${at.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' })}`;
    return `${Number(y) === now.getUTCFullYear() ? name : `${name} ${y}`}${space ? ', ' : ''}`;
  });
}

export function businessSubject(f: SubjectFacts): string {
  const typed = (f.summary ?? '').trim().replace(/[.!;:\s]+$/u, '');
  // The summary, without its article and without a day it names (the day comes once, from `when`).
  const hadDay = DAY.test(typed);
  let topic = typed
    .replace(DAY_G, ' ')
    .replace(/\b(?:on|of)\s+(?=\s|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|our|a|an|your)\s+/i, '');
  const clauseLike = /^\W*(?:we|I|they|it)\b/i.test(topic) || topic.split(/\s+/).length > 8;
  if (topic === '' || clauseLike) topic = f.scenario === 'missed-appointment' ? `missed ${f.event}` : (TOPIC[f.scenario] ?? TOPIC.generic!);
  // An outage names whose service it was ("Tillpoint card terminal outage"), unless the summary does.
  if (f.scenario === 'service-outage' && !topic.toLowerCase().includes(f.company.toLowerCase())) topic = `${f.company} ${topic.replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase())}`;
  topic = cap(topic);

  const outcome = f.outcome ?? '';
  const outcomeDay = DAY.exec(outcome)?.[0];
  const newsDay = outcomeDay ? dayWords(outcomeDay, f.now) : '';
  const done = /\b(?:delivered|arrived|restored|fixed|resolved|back (?:up|online)|took place|done|completed|fitted|installed)\b/i.test(outcome.slice(0, outcomeDay ? outcome.indexOf(outcomeDay) : outcome.length));
  let news = '';
  if (f.scenario === 'shipping-delay' && newsDay && !done) news = `now arriving ${newsDay}`;
  else if (f.scenario === 'wrong-item' && newsDay && !done) news = `${f.madeWork ? 'remake' : 'replacement'} arriving ${newsDay}`;
  else if (f.scenario === 'missed-appointment' && newsDay && !done) news = `new ${f.event} on ${newsDay}`;
  else if (f.scenario === 'billing-error' && /\brefund/i.test(outcome) && newsDay) news = `refund sent ${newsDay}`;
  else if (f.scenario !== 'service-outage' && f.scenario !== 'generic') news = `what happened and ${REMEDY_NOUN[f.remedyKind] ?? 'what changes'}`;

  // The day it happened: an outage with its times; others only beside a day of news that is not the same day.
  const whenText = f.when || (hadDay ? DAY.exec(typed)![0] : '');
  // (a delay or a wrong item with a new day in the news: the day it went wrong is no news, and beside an arrival it reads as the arrival)
  const when = whenText && !((f.scenario === 'shipping-delay' || f.scenario === 'wrong-item') && newsDay && news.includes(newsDay)) ? whenShort(whenText, f.now, f.scenario === 'service-outage') : '';
  if (!news && !when) news = 'what happened and what changes';
  const pieces = (w: string) => `${topic}${w ? `, ${w}` : ''}${news ? `: ${news}` : ''}`;
  let subject = pieces(when && !(newsDay && news.includes(newsDay) && when.includes(newsDay)) ? when : '');
  // Too long: the weekday goes, then the time, then the day.
  if (subject.length > 70 && when) subject = pieces(when.replace(new RegExp(`^${WEEKDAY},?\\s+`, 'i'), ''));
  if (subject.length > 70 && when) subject = pieces(whenShort(whenText, f.now, false));
  if (subject.length > 70) subject = pieces('');
  if (subject.length > 70 && news.startsWith('what happened')) subject = topic;
  return subject;
}
