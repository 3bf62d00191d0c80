/**
 * Fields too vague, too small or too long to put in front of a customer
 * ("capacity", "we'll do better", a 90-word mistake, an offer with no
 * details), each with a better example, so the writer hears about it before
 * the customer reads it. Pure: the commands decide how to show it.
 */
import { batchProblems, englishProblems, normaliseEnglish, spellingFixes } from '../text/english.js';
import { incidentNames } from './names.js';
import { NOTE_ROLES } from '../text/notes.js';
import { readerLeft } from '../text/reader-voice.js';
import { dayOf, findDates, ONE_DAY_MS, typedWindow, weekdayName, windowEnd, wrongWeekdays } from '../text/typed-date.js';

export interface FieldAdvice {
  /** The incident field, as the schema and the incident file name it: `rootCause`, `remedy.details`. */
  field: string;
  /** What is wrong with it, in a few words. */
  problem: string;
  /** What a good one looks like. */
  example: string;
  /** The language problem and example are written in (the incident's, for its own text); English when absent. */
  lang?: string;
}

/** The fields advice reads; everything optional, as typed (before or after the schema). */
export interface AdvisableIncident {
  mistake?: string;
  rootCause?: string;
  commitment?: string;
  remedy?: { kind?: string; details?: string };
}

/** "— for example" in the language a piece of advice is written in. */
export const FOR_EXAMPLE: Readonly<Record<string, string>> = { de: 'zum Beispiel', fr: 'par exemple', es: 'por ejemplo', en: 'for example' };

/** Over this many words a field is a wall of text in a letter. */
export const MAX_FIELD_WORDS = 60;

const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'on', 'in', 'at', 'to', 'for', 'by', 'with', 'and', 'or', 'but', 'so', 'our', 'we', 'us',
  'your', 'you', 'it', 'its', 'this', 'that', 'these', 'there', 'was', 'were', 'is', 'are', 'be', 'been', 'being',
  'will', 'would', 'shall', 'should', 'can', 'could', 'have', 'has', 'had', 'do', 'does', 'did', 'i', 'my', 'me',
  'some', 'due', 'too', 'much', 'very', 'just', 'all', 'any', 'not', 'from', 'as', 'which', 'who', 'what', 'them',
  'they', 'their', 'more', 'again', 'sure', 'also', 'really', 'bit', 'lot', 'lots', 'get', 'got', 'happened',
]);

/** Causes that name a category, not what happened. */
const VAGUE_CAUSES = new Set([
  'capacity', 'load', 'issues', 'issue', 'problems', 'problem', 'error', 'errors', 'mistake', 'bug', 'glitch',
  'human error', 'technical issues', 'technical issue', 'technical problems', 'technical difficulties',
  'technical error', 'system error', 'system issue', 'system issues', 'system failure', 'software bug',
  'software issue', 'it issue', 'it issues', 'it problem', 'high load', 'heavy load', 'high demand',
  'capacity issues', 'capacity issue', 'operational issues', 'internal error', 'internal issue', 'process failure',
  'miscommunication', 'communication issue', 'communication error', 'unforeseen circumstances',
  'circumstances beyond control', 'unknown', 'n/a', 'na', 'tbd', 'tbc', 'various', 'various reasons', 'oversight',
  'an oversight', 'human', 'staff error', 'user error', 'outage', 'downtime', 'network issues', 'server issues',
]);

/**
 * Words a cause can be made of and still name only a category: "human error on our part", "a glitch in
 * our system", "we made a mistake", "technical issues on our end". A cause of these words alone says nothing.
 */
const CATEGORY_WORDS = new Set([
  'error', 'errors', 'mistake', 'mistakes', 'issue', 'issues', 'problem', 'problems', 'glitch', 'glitches', 'bug', 'bugs',
  'fault', 'faults', 'failure', 'failures', 'oversight', 'miscommunication', 'communication', 'human', 'technical', 'system',
  'systems', 'software', 'it', 'internal', 'operational', 'process', 'staff', 'user', 'network', 'server', 'servers',
  'outage', 'downtime', 'difficulties', 'capacity', 'load', 'high', 'heavy', 'demand', 'unforeseen', 'unexpected',
  'circumstances', 'beyond', 'control', 'various', 'reasons', 'unknown', 'side', 'part', 'end', 'made', 'make', 'simple',
  'genuine', 'honest', 'unfortunate', 'regrettable', 'small', 'minor', 'one', 'something', 'went', 'wrong', 'things',
  'thing', 'stuff', 'combination', 'factors', 'mix', 'up', 'mixup', 'slip', 'slipped', 'through', 'cracks', 'sorry',
]);

/** Words a promise can be made of and still say only that something was fixed: "the issue has been resolved", "all sorted now". */
const FIXED_WORDS = new Set([
  'fixed', 'fix', 'fixing', 'resolved', 'resolve', 'resolving', 'sorted', 'sort', 'sorting', 'addressed', 'address',
  'dealt', 'deal', 'rectified', 'corrected', 'remedied', 'handled', 'solved', 'now', 'issue', 'issues', 'problem',
  'problems', 'bug', 'glitch', 'matter', 'place', 'back', 'normal', 'working', 'care', 'taken', 'fully', 'completely',
  'already', 'since', 'then', 'done', 'ok', 'okay', 'fine', 'again', 'gone',
]);

/**
 * Phrases that promise without saying what will change, each after a word it cannot match without
 * (checked with includes first, so a plain promise compiles few of them; '' for none).
 */
export const VAGUE_PROMISES: readonly (readonly [string, RegExp])[] = [
  ['better', /\b(?:do|doing|be|get|getting) better\b/g],
  ['improv', /\bimprov(?:e|es|ed|ing|ements?)\b/g],
  ['happen', /\b(?:won'?t|will not|never|not|doesn'?t|does not|can'?t|cannot) (?:ever )?happen(?:s|ing)? again\b/g],
  ['happen', /\bhappen(?:s)? again\b/g],
  ['sure', /\b(?:make|making) sure\b/g],
  ['ensur', /\bensur(?:e|es|ing)\b/g],
  ['tak', /\b(?:take|taking|taken) (?:\w+ )?(?:steps|measures|action)\b/g],
  ['into', /\b(?:look|looking) into\b/g],
  ['review', /\breview(?:s|ed|ing)?\b/g],
  ['learn', /\blearn(?:ed|ing|t)? from\b/g],
  ['lesson', /\blessons?(?: learned| learnt)?\b/g],
  ['careful', /\b(?:be|being) more careful\b/g],
  ['careful', /\bmore careful\b/g],
  ['harder', /\btry(?:ing)? harder\b/g],
  ['hard', /\bwork(?:ing)? hard(?:er)?\b/g],
  ['striv', /\bstriv(?:e|ing)\b/g],
  ['committed', /\bcommitted\b/g],
  ['seriously', /\btak(?:e|ing) (?:this|it) seriously\b/g],
  ['forward', /\b(?:going|moving) forward\b/g],
  ['future', /\b(?:in )?(?:the )?future\b/g],
  ['', /\b(?:appropriate|necessary|relevant)\b/g],
  ['', /\b(?:everything|all) (?:we|in our power)(?: can)?\b/g],
  ['best', /\b(?:our )?best\b/g],
];

/** Nouns a vague promise is made of ("improve our processes"). */
const VAGUE_NOUNS = new Set([
  'process', 'processes', 'procedure', 'procedures', 'system', 'systems', 'things', 'standards', 'quality',
  'service', 'communication', 'practices', 'policies', 'policy', 'performance', 'approach', 'operations',
  'experience', 'customers', 'customer', 'everything', 'anything', 'happen', 'happens', 'going', 'mistake',
  'mistakes', 'error', 'errors', 'incident', 'situation', 'sorry', 'apologise', 'apologize',
]);

const REMEDY_EXAMPLES: Record<string, string> = {
  refund: 'a full refund of the £12.50 delivery charge, back on your card within five working days',
  credit: 'a £10 credit on your account, applied to your next order automatically',
  coupon: '20% off your next order with the code SORRY20, valid until 31 March',
  replacement: 'the right item, sent today by tracked courier at no cost to you',
  upgrade: 'three months of the Pro plan at no charge, starting today',
  'waived-fee': 'the £25 late fee removed from your account',
};

/** Lower case, contractions opened, punctuation gone, one space between words. */
function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'cannot')
    .replace(/n't\b/g, ' not')
    .replace(/'(?:ll|re|ve|d|m|s)\b/g, '')
    .replace(/[^\p{L}\p{N}/' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const wordsOf = (text: string): string[] => (text.trim() === '' ? [] : text.trim().split(/\s+/u));
const contentWords = (plainText: string): string[] => wordsOf(plainText).filter((w) => !STOPWORDS.has(w));

function tooLong(field: string, text: string | undefined, what: string): FieldAdvice | undefined {
  const n = wordsOf(text ?? '').length;
  if (n <= MAX_FIELD_WORDS) return undefined;
  return { field, problem: `is ${n} words; in a letter that is a wall of text`, example: what };
}

/** A cause that names a category ("capacity", "human error", "technical issues") rather than what happened. */
export function isVagueCause(text: string): boolean {
  const p = plain(text);
  const content = contentWords(p);
  if (content.length <= 1) return true;
  return VAGUE_CAUSES.has(content.join(' ')) || VAGUE_CAUSES.has(p) || content.every((w) => CATEGORY_WORDS.has(w));
}

/** A promise with no concrete change in it ("we'll do better", "it won't happen again", "we will improve our processes"). */
export function isVaguePromise(text: string): boolean {
  // Asked twice a run for the same commitment (the context builder, then the writer's advice).
  if (lastPromise !== undefined && text === lastPromise.text) return lastPromise.vague;
  const vague = vaguePromise(text);
  lastPromise = { text, vague };
  return vague;
}
let lastPromise: { text: string; vague: boolean } | undefined;

function vaguePromise(text: string): boolean {
  let p = plain(text);
  const words = contentWords(p).length;
  let promised = false;
  for (const [hint, re] of VAGUE_PROMISES) {
    if (!p.includes(hint)) continue;
    p = p.replace(re, () => {
      promised = true;
      return ' ';
    });
  }
  const left = contentWords(p).filter((w) => !VAGUE_NOUNS.has(w));
  // "We fixed it.", "the issue has been resolved", "all sorted now": a fix reported, no change named.
  return words <= 1 || (promised && left.length < 2) || left.every((w) => FIXED_WORDS.has(w));
}

/** Everything worth telling the writer about the incident's text fields, in field order. */
export function adviseOnFields(incident: AdvisableIncident): FieldAdvice[] {
  const out: FieldAdvice[] = [];
  const push = (a: FieldAdvice | undefined) => a && out.push(a);
  const { mistake, rootCause, commitment } = incident;

  if (mistake !== undefined && mistake.trim() !== '') {
    push(tooLong('mistake', mistake, '"Your order shipped two days late because we packed it with the wrong batch." — one or two sentences; the details can follow in the letter'));
    if (contentWords(plain(mistake)).length <= 1) {
      out.push({ field: 'mistake', problem: `"${mistake.trim()}" does not say what went wrong for the customer`, example: '"we charged your card twice for order 1042"' });
    }
  }
  if (rootCause !== undefined && rootCause.trim() !== '') {
    if (isVagueCause(rootCause)) {
      out.push({ field: 'rootCause', problem: `"${rootCause.trim()}" names a category, not what happened`, example: '"our label printer ran out of ink on Friday night and nobody checked the labels it printed"' });
    } else push(tooLong('rootCause', rootCause, '"a caching change on Tuesday sent the same invoice twice" — the cause in a sentence'));
  }
  if (commitment !== undefined && commitment.trim() !== '') {
    if (isVaguePromise(commitment)) {
      out.push({ field: 'commitment', problem: `"${commitment.trim()}" promises without saying what changes`, example: '"a second person now checks every label before a parcel leaves" or "we will add an alert on failed payments by 30 June"' });
    } else push(tooLong('commitment', commitment, '"a second person now checks every label before a parcel leaves"'));
  }
  const kind = incident.remedy?.kind;
  const details = incident.remedy?.details?.trim() ?? '';
  if (kind !== undefined && kind !== 'none') {
    const example = REMEDY_EXAMPLES[kind] ?? 'what you offer, how much, and when it arrives';
    if (details === '') out.push({ field: 'remedy.details', problem: `is empty, so the letter cannot say what the ${kind} is`, example: `"${example}"` });
    else if (contentWords(plain(details)).length <= 1 && !/\d/.test(details)) {
      out.push({ field: 'remedy.details', problem: `"${details}" does not say how much or when`, example: `"${example}"` });
    }
  }
  return out;
}

/** More recipients than `affected` says: every letter would understate how many were hit. */
export function adviseOnRecipients(affected: number | undefined, recipients: number): FieldAdvice[] {
  if (affected === undefined || recipients <= affected) return [];
  return [{ field: 'affected', problem: `is ${affected} but there are ${recipients} recipients`, example: `--affected ${recipients} (or the real total, if more were hit)` }];
}

/** One stderr line: `apologize: warning: rootCause "capacity" names a category, not what happened; for example "…"`. */
export function formatAdvice(a: FieldAdvice): string {
  return `apologize: warning: ${a.field} ${a.problem} — ${FOR_EXAMPLE[a.lang ?? 'en'] ?? 'for example'} ${a.example}`;
}

/** The fields a date check reads (free text, as typed). */
export interface DatedIncident extends AdvisableIncident {
  audience?: string;
  outcome?: string;
  action?: string;
  when?: string;
  summary?: string;
  commitmentDue?: string;
  scenario?: string;
  exposure?: { discovered?: string; contained?: string; regulator?: string };
  followUp?: { after?: string };
  /** notes12: what one of the affected is called, and how many: the reader's words a note may use ("the patient's results"). */
  people?: string | { one?: string };
  affected?: number | string;
}

/** The free-text fields a writer may type a date into, by name. */
function datedFields(i: DatedIncident): [string, string | undefined][] {
  return [
    ['mistake', i.mistake],
    ['when', i.when],
    ['summary', i.summary],
    ['rootCause', i.rootCause],
    ['commitment', i.commitment],
    ['outcome', i.outcome],
    ['action', i.action],
    ['remedy.details', i.remedy?.details],
    ['exposure.discovered', i.exposure?.discovered],
    ['exposure.contained', i.exposure?.contained],
    ['exposure.regulator', i.exposure?.regulator],
  ];
}

/**
 * The day the incident's dates are read against: a date it types with its year (or `commitmentDue`)
 * when there is one, else the clock. "8 December" is then read in the year nearest that day.
 */
export function referenceDay(incident: DatedIncident, now: Date): Date {
  if (incident.commitmentDue && /^\d{4}-\d{2}-\d{2}/.test(incident.commitmentDue)) {
    const due = new Date(`${incident.commitmentDue.slice(0, 10)}T00:00:00Z`);
    // A due date is ahead of the letter: the year of the letter is the one nearest it, looked at from the clock.
    if (!Number.isNaN(due.getTime()) && Math.abs(due.getTime() - now.getTime()) > 366 * ONE_DAY_MS) return due;
  }
  for (const [, text] of datedFields(incident)) {
    const typed = text ? findDates(text, now).find((d) => d.hasYear) : undefined;
    if (typed && Math.abs(typed.date.getTime() - now.getTime()) > 366 * ONE_DAY_MS) return typed.date;
  }
  return now;
}

/** A weekday typed beside a date that falls on another day ("Monday 8 December" in 2026 is a Tuesday). */
export function adviseOnWeekdays(incident: DatedIncident, now: Date): FieldAdvice[] {
  const ref = referenceDay(incident, now);
  const out: FieldAdvice[] = [];
  for (const [field, text] of datedFields(incident)) {
    if (!text) continue;
    for (const w of wrongWeekdays(text, ref)) {
      const fixed = w.text.replace(/^\p{L}+/u, w.actual);
      out.push({ field, problem: `says "${w.text}", but ${w.date.getUTCDate()} ${MONTH_NAMES[w.date.getUTCMonth()]} ${w.date.getUTCFullYear()} is a ${w.actual}`, example: `"${fixed}" (or the date you meant)` });
    }
  }
  return out;
}

/**
 * What the English normaliser (text/english.ts) could not fix safely in each text field: a comma
 * splice, a possessive without its apostrophe, capitals, a sentence over 40 words, a date it could
 * not read for certain. Only for an incident written in English (`locale` en, en-GB, en-US…).
 */
export function adviseOnEnglish(incident: DatedIncident & { locale?: string }, now: Date): FieldAdvice[] {
  const locale = incident.locale ?? 'en';
  if (!/^en(?:-|$)/iu.test(locale)) return [];
  // (spell16: with the names and the spelling check the letter reads the fields with, so a note shown rewritten is shown as the letter says it)
  const named = incident as DatedIncident & { company?: { name: string }; signer?: { name: string } };
  const o = { ref: referenceDay(incident, now), now, locale, ...(named.company && named.signer ? { names: incidentNames({ ...incident, company: named.company, signer: named.signer }), spell: true } : {}) };
  const out: FieldAdvice[] = [];
  for (const [field, text] of datedFields(incident)) {
    if (!text) continue;
    for (const p of englishProblems(text, { ...o, role: NOTE_ROLES[field] })) out.push({ field, problem: p.problem, example: p.example });
    if (field === 'mistake') for (const p of batchProblems(text)) out.push({ field, problem: p.problem, example: p.example });
    // notes12: the reader still named in the third person where the letter could not be sure it was them ("Mr Patel's parcel" in a letter to many).
    if (/^(?:mistake|rootCause|commitment|outcome|action|remedy\.details)$/u.test(field)) {
      const left = readerLeft(normaliseEnglish(text, o), { one: typeof incident.people === 'string' ? incident.people.replace(/s$/u, '') : incident.people?.one, single: Number(String(incident.affected ?? '').replace(/[,\s]/gu, '')) === 1 });
      if (left) out.push({ field, problem: `speaks of "${left}" in the third person, but each letter goes to its reader: if that is the customer, say "you" and "your"`, example: '"we charged you twice for your October invoice"' });
    }
  }
  return out;
}

/** spell16: a typo the letter corrected in a field, for the writer: "rootCause: 'sytem' read as 'system'". */
export interface SpellingNote {
  field: string;
  from: string;
  to: string;
}

/** The typos the English letter corrects in each text field (text/spelling.ts): only for an incident written in English. */
export function spellingNotes(incident: DatedIncident & { locale?: string; company?: { name: string }; signer?: { name: string } }, now: Date): SpellingNote[] {
  const locale = incident.locale ?? 'en';
  if (!/^en(?:-|$)/iu.test(locale) || !incident.company || !incident.signer) return [];
  const o = { ref: referenceDay(incident, now), now, locale, names: incidentNames({ ...incident, company: incident.company, signer: incident.signer }), spell: true };
  const out: SpellingNote[] = [];
  for (const [field, text] of datedFields(incident)) {
    if (!text) continue;
    for (const fix of spellingFixes(text, o)) if (!out.some((n) => n.field === field && n.from === fix.from)) out.push({ field, ...fix });
  }
  return out;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Something the letter tells the customer to expect by a day: the refund, the new date. */
export interface Due {
  date: Date;
  /** What arrives or happens then, as the follow-up names it ("the refund"). */
  what: string;
  /** Counted from the day the apology went ("within 5 days"), not a date typed. */
  relative?: boolean;
}

/**
 * What the apology tells the customer to expect, and by when, counted from `sent` (the day the
 * apology goes): a refund or credit "within 5 working days", a new date in the outcome. A check-in
 * comes after all of them.
 */
/** Words that make the date after them an expiry: "valid till", "good until", "expires", "use it by", "before". */
const EXPIRY_BEFORE = /\b(?:valid|good|usable|redeemable|open|expir(?:es|ing|y)|lasts?|use(?: it)?|spend(?: it)?|redeem(?: it)?)\b[^.;]{0,20}?(?:\b(?:un)?til+|\btill|\bthrough|\bby|\bbefore|\bon)?\s*(?:the\s+)?$|\b(?:until|till|expires?|expiring)\s+(?:the\s+)?$/i;

export function dueDates(incident: DatedIncident, sent: Date): Due[] {
  const out: Due[] = [];
  const kind = incident.remedy?.kind;
  const details = incident.remedy?.details;
  const window = typedWindow(details);
  if (window && (kind === 'refund' || kind === 'credit' || kind === 'replacement')) out.push({ date: windowEnd(sent, window), what: kind === 'replacement' ? 'the replacement' : `the ${kind}`, relative: true });
  else {
    // A date the offer lasts until ("a code valid till 31 Jan", "use it before 1 March") is no day it reaches the customer.
    const on = kind && kind !== 'none' ? findDates(details ?? '', sent).find((d) => !EXPIRY_BEFORE.test((details ?? '').slice(Math.max(0, d.at - 40), d.at))) : undefined;
    if (on && on.date.getTime() >= dayOf(sent).getTime()) out.push({ date: on.date, what: `the ${kind === 'waived-fee' ? 'waived fee' : kind}` });
  }
  const outcome = incident.outcome ? outcomeEnd(incident.outcome, sent) : undefined;
  if (outcome && outcome.getTime() >= dayOf(sent).getTime()) out.push({ date: outcome, what: incident.scenario === 'missed-appointment' ? 'the new appointment' : 'the new date' });
  return out;
}

/**
 * letters8b: the last day the outcome's new date can be: a week typed by its Monday ("w/c 11 Jan", "the week of
 * 7 December") ends that Friday; a range ("between 7 and 9 December", "7–9 Dec") at its second day. A check-in
 * comes after it, never in the middle of the week the delivery may still come.
 */
function outcomeEnd(outcome: string, sent: Date): Date | undefined {
  const found = findDates(outcome, sent);
  const first = found[0];
  if (!first) return undefined;
  const before = outcome.slice(Math.max(0, first.at - 30), first.at);
  if (/\b(?:w\/c|w\.c\.|wc|week (?:commencing|beginning|starting|of))\s*(?:on\s+)?$/i.test(before)) return new Date(first.date.getTime() + 4 * ONE_DAY_MS);
  const second = found[1];
  if (second && /^\s*(?:and|to|until|till|-|–|—)\s*$/i.test(outcome.slice(first.at + first.text.length, second.at)) && second.date.getTime() > first.date.getTime()) return second.date;
  return first.date;
}

const UNIT_DAYS: Record<string, number> = { h: 1 / 24, d: 1, w: 7 };

/** `followUp.after` in days ("2d" → 2, "1w" → 7), or undefined. */
export function afterDays(after: string | undefined): number | undefined {
  const m = /^(\d+)\s*([hdw])$/.exec((after ?? '').trim());
  return m ? Number(m[1]) * UNIT_DAYS[m[2]!]! : undefined;
}

/**
 * The day the apology promises its follow-up: `followUp.after` from `sent`, moved to the day after
 * the last thing it checks when that comes later (a check-in must not ask about a refund not yet due).
 */
export function followUpDay(incident: DatedIncident, sent: Date): { date: Date; moved?: Due } | undefined {
  const days = afterDays(incident.followUp?.after);
  if (days === undefined) return undefined;
  const planned = new Date(sent.getTime() + days * ONE_DAY_MS);
  const last = dueDates(incident, sent).sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  if (last && dayOf(planned).getTime() <= last.date.getTime()) return { date: onWorkingDay(new Date(dayOf(last.date).getTime() + ONE_DAY_MS + (sent.getTime() - dayOf(sent).getTime())), incident.audience === 'business'), moved: last };
  return { date: onWorkingDay(planned, incident.audience === 'business') };
}

/**
 * A promised check-in falls on a day it can happen: never a Sunday (the Monday after), and for a business
 * reader never a Saturday either (an office is not rung at the weekend). The blind readers marked both.
 */
export function onWorkingDay(d: Date, business = false): Date {
  const wd = d.getUTCDay();
  return wd === 6 && business ? new Date(d.getTime() + 2 * ONE_DAY_MS) : wd === 0 ? new Date(d.getTime() + ONE_DAY_MS) : d;
}

/** A follow-up set to come before what it checks: the letter moves it, and the writer is told how to match. */
export function adviseOnFollowUp(incident: DatedIncident, now: Date): FieldAdvice[] {
  const f = followUpDay(incident, now);
  if (!f?.moved) return [];
  const days = Math.ceil((dayOf(f.date).getTime() - dayOf(now).getTime()) / ONE_DAY_MS);
  const day = `${weekdayName(f.date)} ${f.date.getUTCDate()} ${MONTH_NAMES[f.date.getUTCMonth()]}`;
  return [{ field: 'followUp.after', problem: `(${incident.followUp!.after}) comes before ${f.moved.what} is due, so the letter promises the follow-up on ${day} instead; send it then`, example: `followUp.after: ${days}d` }];
}
