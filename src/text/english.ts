/**
 * A manager's English shorthand as a letter prints it, worked out once per
 * incident (never per customer): "i" → "I", "didnt" → "didn't", "tue 24 nov"
 * → "Tuesday 24 November", "3 hrs 10 min" → "3 hours 10 minutes", "pls" →
 * "please". Only what is certain is changed; words in quotes, codes
 * (SK206, INV-1042), URLs and email addresses are never touched. What cannot
 * be fixed safely (a comma splice, a possessive without its apostrophe, text
 * in capitals, one very long sentence) is found by `englishProblems` for the
 * writer to fix. Pure; normalising twice changes nothing.
 */
import { letterDate } from './dates.js';
import { findDates } from './typed-date.js';
import { noteProblems, type NoteRole } from './notes.js';
import { commaBeforeSo, splices, splitSplices } from './splices.js';
import { correctSpelling, type SpellFix } from './spelling.js';
import { hasEnglishWords, isEnglishWord } from './english-words.js';

export interface EnglishOptions {
  /** The day typed dates are read against (the incident's clock): "26 nov" is the 26 November nearest it. */
  ref: Date;
  /** The day the letter is written: a date's year is printed only when it is not this one. */
  now: Date;
  /** The company's locale ("en-GB", "en-US", "en"): how "3/4" reads (day first outside the US). */
  locale?: string;
  /** The part the field plays in the letter (text/notes.ts): a field typed as a note is shown as the letter rewrites it. */
  role?: NoteRole;
  /** The field tells what already happened (the mistake, its cause, when it was found): "on the 14th" is the last 14th, not the next. */
  past?: boolean;
  /**
   * spell16: names the incident gives with their capitals (the company's, the signer's, a product's: "Fluxo"): typed in lower
   * case elsewhere ("the fluxo app") they get them back, and the spelling check never corrects them.
   */
  names?: readonly string[];
  /** spell16: correct the writer's typos (text/spelling.ts); only for an incident written in English. */
  spell?: boolean;
}

/** A typo corrected in a field: the word as typed and the word the letter prints. */
export type { SpellFix } from './spelling.js';

/** Something in a field the normaliser could not fix safely, and what the fix looks like. */
export interface TextProblem {
  problem: string;
  example: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_WORD = '(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const weekdayOf = (word: string): number => WEEKDAYS.findIndex((d) => d.toLowerCase().startsWith(word.toLowerCase().slice(0, 3)));

// ---------------------------------------------------------------------------------------------
// What is never changed: quotations, URLs, email addresses, codes.

/** A placeholder for the n-th kept span: private-use characters, no letter or digit a rule could read. */
const HOLD = '\uE000';
const holdMark = (n: number) => HOLD + String.fromCharCode(0xe100 + n);
const HELD = /\uE000([\uE100-\uF8FF])/gu;

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)'’]/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Quoted words: "…", “…”, ‘…’, and '…' (apostrophes inside words allowed: 'we didn't know'). */
const QUOTES = /"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|(?<![\p{L}\p{N}])'(?:[^'\n]|(?<=\p{L})'(?=\p{L}))+'(?![\p{L}\p{N}])/gu;
/** A token that mixes letters and digits (SK206, INV-1042, 4B, SORRY20), or a word with a capital inside (iPhone, PayPal). */
const CODE = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}_/#-]*\p{N})(?=[\p{L}\p{N}_/#-]*\p{L})[\p{L}\p{N}][\p{L}\p{N}_/#-]*(?:\.[\p{L}\p{N}]+)*|(?<![\p{L}\p{N}])\p{L}*\p{Ll}\p{Lu}\p{L}*/gu;
/** What a code may look like but is the normaliser's to read: 26th, 2pm, 3hrs, 10min, 9:30am. */
const NOT_CODE = /^\d+(?:[.:]\d+)?(?:st|nd|rd|th|am|pm|[ap]\.m|a|p|hrs?|hours?|mins?|secs?|wks?|yrs?|h|m|s|k|kg|g|cm|mm|km|ml|l|gb|mb|tb|x|pc|pcs)$/iu;

function hold(text: string): { text: string; kept: string[] } {
  const kept: string[] = [];
  const keep = (m: string) => {
    kept.push(m);
    return holdMark(kept.length - 1);
  };
  // Each rule only where the text could hold what it finds: a unicode rule's first run costs a few ms of start-up.
  let t = text;
  if (t.includes('://') || /www\./i.test(t)) t = t.replace(URL, keep);
  if (t.includes('@')) t = t.replace(EMAIL, keep);
  if (/["“‘']/.test(t)) t = t.replace(QUOTES, keep);
  if (/\d|[a-z][A-Z]|[^\x00-\x7f]/.test(t)) t = t.replace(CODE, (m) => (NOT_CODE.test(m) || /^\d+(?:\/\d+)+$/u.test(m) || /^(?:b\/c|w\/o?|w\/in|b4|2moro|x\d{1,2}|\d{1,2}x|\d{1,2}-?days?|\d{1,2}(?::\d{2})?(?:am|pm)?[-–]\d{1,2}(?::\d{2})?(?:am|pm))$/iu.test(m) ? m : keep(m)));
  return { text: t, kept };
}

const release = (text: string, kept: string[]) => text.replace(HELD, (_m, c: string) => kept[c.charCodeAt(0) - 0xe100]!);

// ---------------------------------------------------------------------------------------------
// Word by word.

/** The replacement in the case the manager typed it: "Pls" → "Please", "pls" → "please". */
function sameCase(typed: string, word: string): string {
  return /^\p{Lu}/u.test(typed) && !/^\p{Lu}{2,}$/u.test(typed) ? word[0]!.toUpperCase() + word.slice(1) : word;
}
const allCaps = (w: string) => /^\p{Lu}{2,}$/u.test(w.replace(/[^\p{L}]/gu, ''));
const atSentenceStart = (text: string, at: number) => /(?:^|[.!?]\s+|\n\s*)$/u.test(text.slice(0, at));

/** Shorthand typed in a hurry, and what a letter says (each rule runs only on a text that holds its cheap hint). */
const SHORTHAND: readonly [RegExp, string, RegExp][] = [
  [/(?<![\p{L}\p{N}])(?:pls|plz)(?![\p{L}\p{N}])/giu, 'please', /pl[sz]/i],
  [/(?<![\p{L}\p{N}])(?:asap|a\.s\.a\.p\.?)(?![\p{L}\p{N}])/giu, 'as soon as possible', /asap|a\.s\.a/i],
  // "2 hours before, approx" → "2 hours before or so"; "approx 40" → "about 40".
  [/,?\s*(?<![\p{L}\p{N}])approx(?![\p{L}\p{N}])(?=\s*$|\s*[,;:!?)]|\.\s*$|\.\s+\p{Lu})/giu, ' or so', /approx/i],
  [/(?<![\p{L}\p{N}])approx(?![\p{L}\p{N}])\.?/giu, 'about', /approx/i],
  [/(?<![\p{L}\p{N}/])b\/c(?![\p{L}\p{N}/])/giu, 'because', /b\/c/i],
  [/(?<![\p{L}\p{N}/])w\/o(?![\p{L}\p{N}/])/giu, 'without', /w\/o/i],
  [/(?<![\p{L}\p{N}/])w\/in(?![\p{L}\p{N}/])/giu, 'within', /w\/in/i],
  // "w/ DHL", "w/the box"; never "w/c 23 Nov" (week commencing).
  [/(?<![\p{L}\p{N}/])w\/(?:\s+(?=\S)|(?=(?:the|your|our|a|an|my|his|her|their|no|all|each|every|us|you|them|it)(?![\p{L}])))/giu, 'with ', /w\//i],
  [/(?<![\p{L}\p{N}])thru(?![\p{L}\p{N}])/giu, 'through', /thru/i],
  // "android and ios", "our iphone app": the platforms as their makers write them.
  [/(?<![\p{L}\p{N}'’./@-])android(?![\p{L}\p{N}'’/@-])/gu, 'Android', /android/],
  [/(?<![\p{L}\p{N}'’./@-])ios(?![\p{L}\p{N}'’/@-])/gu, 'iOS', /ios/],
  [/(?<![\p{L}\p{N}'’./@-])iphone(?![\p{L}\p{N}'’/@-])/gu, 'iPhone', /iphone/],
  [/(?<![\p{L}\p{N}'’./@-])iphones(?![\p{L}\p{N}'’/@-])/gu, 'iPhones', /iphones/],
  [/(?<![\p{L}\p{N}'’./@-])ipad(?![\p{L}\p{N}'’/@-])/gu, 'iPad', /ipad/],
  // "max 6 dogs a day": at most ("a maximum of 6 dogs a day"); never "the max".
  [/(?<![\p{L}\p{N}'’])(?<!(?:the|a|your|our)\s)max\.?(?=\s+\d)/gu, 'a maximum of', /max/],
  // "paused til matching is switched": until (never "till" the noun, a shop's till, which is typed with two l's).
  [/(?<![\p{L}\p{N}'’])til(?![\p{L}\p{N}'’])/giu, 'until', /til/i],
  [/(?<![\p{L}\p{N}])msgs(?![\p{L}\p{N}])/giu, 'messages', /msgs/i],
  [/(?<![\p{L}\p{N}])msg(?![\p{L}\p{N}])/giu, 'message', /msg/i],
  [/(?<![\p{L}\p{N}])(?:tmrw|tmr|tmw|2moro)(?![\p{L}\p{N}])/giu, 'tomorrow', /tm[rw]|2moro/i],
  [/(?<![\p{L}\p{N}])appt(?![\p{L}\p{N}])\.?/giu, 'appointment', /appt/i],
  [/(?<![\p{L}\p{N}])appts(?![\p{L}\p{N}])/giu, 'appointments', /appts/i],
  [/(?<![\p{L}\p{N}])ppl(?![\p{L}\p{N}])/giu, 'people', /ppl/i],
  [/(?<![\p{L}\p{N}])thx(?![\p{L}\p{N}])/giu, 'thanks', /thx/i],
  [/(?<![\p{L}\p{N}])b4(?![\p{L}\p{N}])/giu, 'before', /b4/i],
  // fit13: a certificate cut short ("expired cert on the payment api").
  [/(?<![\p{L}\p{N}'’./@-])cert(?![\p{L}\p{N}'’/@-])/gu, 'certificate', /cert/],
  [/(?<![\p{L}\p{N}'’./@-])certs(?![\p{L}\p{N}'’/@-])/gu, 'certificates', /certs/],
  // "incl. VAT", "excl. delivery" in prose: the word.
  [/(?<![\p{L}\p{N}])incl(?:\.|(?=\s))/giu, 'including', /incl/i],
  [/(?<![\p{L}\p{N}])excl(?:\.|(?=\s))/giu, 'excluding', /excl/i],
  // "every total vs previous quarter" → "against"; "vs." too. Never inside a name ("Kramer vs Kramer" is rare in a note).
  [/(?<![\p{L}\p{N}])vs\.?(?=\s)/giu, 'against', /vs/i],
  // notes12: "yr order", "confirm yr address" (never "3 yr", a length: the units rule reads that first).
  [/(?<![\p{L}\p{N}'’])(?<!\d\s)yr(?=\s+\p{L})/gu, 'your', /yr\s/],
  // "db migration", "wrong date in db": the database (lower case only; "dB" is a unit).
  [/(?<![\p{L}\p{N}'’./-])db(?![\p{L}\p{N}'’/-])/gu, 'database', /db/],
  // "cust. rang", "text cust the day before", "custs": the customer as the ticket typed it (a sentence's full stop after it is kept).
  [/(?<![\p{L}\p{N}'’./-])[Cc]ust\.(?=\s+\p{Lu})/gu, 'customer.', /cust/i],
  [/(?<![\p{L}\p{N}'’./-])cust\.?(?![\p{L}\p{N}'’/-])/giu, 'customer', /cust/i],
  [/(?<![\p{L}\p{N}'’./-])custs\.?(?![\p{L}\p{N}'’/-])/giu, 'customers', /custs/i],
  [/(?<![\p{L}\p{N}'’./-])cust(?=['’]s(?![\p{L}]))/giu, 'customer', /cust/i],
  // "tech no-show", "tech didn't turn up": the technician (never "tech support", "a tech issue").
  [/(?<![\p{L}\p{N}'’./-])tech(?=\s+(?:no[- ]?show|didn't|did not|never|was|wasn't|arrived|turned|couldn't|forgot|missed|left|rang|called|will|is|has)(?![\p{L}]))/giu, 'technician', /tech\s/i],
  // notes12: "shd show in 3 days", "next wk": a word cut short (a length after a number is read by the units rule).
  [/(?<![\p{L}\p{N}'’])shd(?![\p{L}\p{N}'’])/giu, 'should', /shd/i],
  [/(?<![\p{L}\p{N}'’])(?<!\d\s?)wk(?![\p{L}\p{N}'’])\.?/gu, 'week', /wk/],
  [/(?<![\p{L}\p{N}'’])(?<!\d\s?)wks(?![\p{L}\p{N}'’])\.?/gu, 'weeks', /wks/],
  // "rang re missing item": what about.
  [/(?<=(?:^|\s)(?:rang|called|phoned|emailed|wrote|texted|complained|chased|asked|messaged|contacted us|in touch))\s+re:?(?=\s+\p{Ll})/giu, ' about', /\sre/i],
  // "even tho you'd sent it": though. "Right one arrived this am": this morning (a time of day, never "I am").
  [/(?<![\p{L}\p{N}'’])tho(?![\p{L}\p{N}'’])/giu, 'though', /tho/i],
  [/(?<![\p{L}\p{N}'’])this\s+am(?![\p{L}\p{N}'’])/gu, 'this morning', /this\s+am/],
  [/(?<![\p{L}\p{N}'’])this\s+pm(?![\p{L}\p{N}'’])/gu, 'this afternoon', /this\s+pm/],
  // spell16: "tx failed", "tx id", "tx fee", "failed txs": a transaction; "tx for waiting" at a sentence's start: thanks (anything else is left, and the writer told).
  [/(?<![\p{L}\p{N}'’./-])(?:tx|txn)(?=\s+(?:failed|fails|declined|id|ids|fee|fees|ref|reference|number|no|amount|history|log|logs|was|were|went|got|didn't|did not|never|is|are|has|had|from|to|on|of|for\s+£|for\s+\$|for\s+€)(?![\p{L}]))|(?<=(?:^|\s)(?:failed|declined|duplicate|double|pending|card|payment|refund|the|a|one|your|each|every|that|this)\s+)(?:tx|txn)(?![\p{L}\p{N}'’/-])/giu, 'transaction', /tx/i],
  [/(?<![\p{L}\p{N}'’./-])(?:txs|txns)(?![\p{L}\p{N}'’/-])/giu, 'transactions', /tx/i],
  [/(?<=(?:^|[.!?]\s+))tx(?=\s+(?:for|so much|again)(?![\p{L}])|[.!]?\s*$)/giu, 'thanks', /tx/i],
  // "acct", "xmas", "dept", "qty": the words ("xmas eve" is then Christmas Eve, below).
  [/(?<![\p{L}\p{N}'’./-])acct(?![\p{L}\p{N}'’/-])\.?/giu, 'account', /acct/i],
  [/(?<![\p{L}\p{N}'’./-])accts(?![\p{L}\p{N}'’/-])\.?/giu, 'accounts', /accts/i],
  [/(?<![\p{L}\p{N}'’./-])x-?mas(?![\p{L}\p{N}'’/-])/giu, 'Christmas', /x-?mas/i],
  [/(?<![\p{L}\p{N}'’./-])dept(?![\p{L}\p{N}'’/-])\.?/giu, 'department', /dept/i],
  [/(?<![\p{L}\p{N}'’./-])depts(?![\p{L}\p{N}'’/-])\.?/giu, 'departments', /depts/i],
  [/(?<![\p{L}\p{N}'’./-])qty(?![\p{L}\p{N}'’/-])\.?/giu, 'quantity', /qty/i],
  // "last yrs orders", "this yrs event": the year's; "last yr": the year.
  [/(?<=(?:^|\s)(?:last|this|next|previous)\s+)yrs(?![\p{L}\p{N}'’/-])/giu, "year's", /yrs/i],
  [/(?<=(?:^|\s)(?:last|this|next|previous)\s+)yr(?![\p{L}\p{N}'’/-])/giu, 'year', /yr/i],
  // "tracking no. in a separate email", "order no 4411", "check the part no. against the frame": the number.
  [/(?<=(?:^|\s)(?:tracking|order|reference|ref|account|invoice|phone|ticket|booking|case|policy|parcel|consignment|part|serial|model|item|batch|lot|job|room|seat|flight|table|unit|plot|pitch))\s+no(?=\.?(?:\s|$))(?:\.(?=\s+\p{Ll}))?/giu, ' number', /\sno/i],
];

/** A capitalised month or weekday cut short in prose ("since Nov", "Thurs morning"): the whole word (dates are read elsewhere). */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  Jan: 'January', Feb: 'February', Apr: 'April', Jun: 'June', Jul: 'July', Aug: 'August', Sep: 'September', Sept: 'September',
  Oct: 'October', Nov: 'November', Dec: 'December', Mon: 'Monday', Tue: 'Tuesday', Tues: 'Tuesday', Wed: 'Wednesday',
  Thu: 'Thursday', Thur: 'Thursday', Thurs: 'Thursday', Fri: 'Friday',
};
const SHORT_NAME = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(SHORT_NAMES).join('|')})\\.?(?![\\p{L}\\p{N}\\-/]|\\.\\p{L})`, 'gu');
const SHORT_NAME_HINT = /Jan|Feb|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri/;

function shortNames(text: string): string {
  if (!SHORT_NAME_HINT.test(text)) return text;
  // "Nov." at the end of a sentence keeps its full stop.
  return text.replace(SHORT_NAME, (m: string, w: string, at: number) => {
    const full = SHORT_NAMES[w]!;
    return m.endsWith('.') && /^\s+\p{Lu}|^\s*$/u.test(text.slice(at + m.length)) ? `${full}.` : full;
  });
}

const ORDINAL_WORDS: Readonly<Record<string, string>> = { '1st': 'first', '2nd': 'second', '3rd': 'third', '4th': 'fourth', '5th': 'fifth' };

/** spell16: holidays and shopping days as their names are written ("black friday" → "Black Friday", "new years eve" → "New Year's Eve"). */
const HOLIDAY = /(?<![\p{L}\p{N}'’@./-])(christmas(?:\s+(?:eve|day))?|easter(?:\s+(?:sunday|monday))?|good\s+friday|boxing\s+day|black\s+friday|cyber\s+monday|new\s+year(?:['’]?s)?(?:\s+(?:eve|day))?|valentine(?:['’]?s)?\s+day|mother(?:['’]?s)?\s+day|father(?:['’]?s)?\s+day|halloween|thanksgiving|hanukkah|diwali|ramadan|eid)(?![\p{L}\p{N}'’@/-])/giu;
function holidays(text: string): string {
  return text.replace(HOLIDAY, (m: string) => {
    // Typed in capitals: left to the rule for shouted notes.
    if (allCaps(m)) return m;
    // "new year" alone is a season's start ("the new year"), named only as "New Year"; "New Year's Eve" has its apostrophe.
    const named = m.replace(/(?<=new\s+year|valentine|mother|father)['’]?s(?=\s+(?:eve|day))/iu, "'s");
    return named.replace(/(?<![\p{L}'])\p{Ll}/gu, (c) => c.toUpperCase());
  });
}

function shorthand(text: string): string {
  // "~3 hours" → "about 3 hours" (first: "w/ ~3" is then "with about 3").
  let t = text.includes('~') ? text.replace(/(^|\s)~\s?(?=\d)/gu, '$1about ') : text;
  for (const [re, word, hint] of SHORTHAND) {
    if (!hint.test(t)) continue;
    t = t.replace(re, (m: string, ...rest: unknown[]) => {
      const at = rest.find((x) => typeof x === 'number') as number;
      const typed = m.trim();
      const capital = allCaps(typed) ? atSentenceStart(t, at) : /^\p{Lu}/u.test(typed);
      return capital ? word[0]!.toUpperCase() + word.slice(1) : word;
    });
  }
  // fit13: initialisms typed in lower case ("charged vat at 20%", "the payment api", "an sms reminder").
  if (/(?:vat|api|sms|pdf|url|ssl|gps|gdpr|ico|sku|faq|otp|nhs|hmrc|dvla|uk)(?![a-z])/.test(t)) t = t.replace(/(?<![\p{L}\p{N}'’./@-])(?:vat|api|sms|pdf|url|ssl|gps|gdpr|ico|sku|faq|otp|nhs|hmrc|dvla|uk)(?![\p{L}\p{N}'’/@-])/gu, (m) => m.toUpperCase());
  // spell16: "order id", "tracking id", "id number": the initialism ("id like to" is "I'd", read by the pronoun rules).
  if (/(?:^|\s)id(?![a-z])/.test(t)) t = t.replace(/(?<=(?:^|\s)(?:order|tracking|transaction|customer|user|booking|account|login|photo|reference|member|session|device|payment|invoice|ticket|case|client|patient|employee|staff|student|your|our|an|the|valid|wrong|same)\s+)id(?![\p{L}\p{N}'’/@-])|(?<![\p{L}\p{N}'’./@-])id(?=\s+(?:number|numbers|no|card|cards|check|checks|badge|badges)(?![\p{L}]))/gu, 'ID');
  // spell16: holidays and shopping days typed small ("black friday", "christmas eve", "new years day"), before the weekday rule reads "friday" alone.
  if (/christmas|easter|boxing|black|cyber|new year|good friday|valentine|mother|father|halloween|thanksgiving|hanukkah|diwali|ramadan|eid/i.test(t)) t = holidays(t);
  // "ring the office AND text you", "do NOT pay it": emphasis in capitals said in the letter's own case (a text in capitals is left to the writer).
  if (/\b(?:AND|OR|NOT|NEVER|ALWAYS|ALL|ONLY|BEFORE|AFTER|MUST|BOTH|EVERY|DON'T)\s+\p{Ll}/u.test(t)) t = t.replace(/(?<=\p{Ll}[\p{L},]*\s+)(?:AND|OR|NOT|NEVER|ALWAYS|ALL|ONLY|BEFORE|AFTER|MUST|BOTH|EVERY|DON'T)(?=\s+\p{Ll})/gu, (w: string) => w.toLowerCase());
  // "refund & credit" → "refund and credit" (never "Smith & Sons", "R&D").
  if (t.includes('&')) t = t.replace(/(?<=(?:^|\s)\p{Ll}{2,})\s+&\s+(?=\p{Ll})/gu, ' and ');
  // "reassignment + the office phones" → "… and the office phones" (a plus between words with spaces; never "C++", "Google+", "2 + 2").
  if (t.includes(' + ')) t = t.replace(/(?<=\p{Ll}{2,})\s+\+\s+(?=\p{L})/gu, ' and ');
  // "by saturday", "in december": a weekday or month typed in lower case gets its capital ("may" and "march" are words too).
  if (/day|uary|ber|april|june|july|august/u.test(t)) t = t.replace(/(?<![\p{L}\p{N}@./_-])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|july|august|september|october|november|december)(?![\p{L}\p{N}@/_-])/gu, (w: string) => w[0]!.toUpperCase() + w.slice(1));
  // "a 2nd person checks", "the 3rd attempt": an ordinal before a word in prose is said in words (never "2nd December").
  if (/\d(?:st|nd|rd|th)\s/u.test(t)) t = t.replace(/(?<![\p{L}\p{N}])(1st|2nd|3rd|4th|5th)\s+(?=\p{Ll})(?!(?:of|in|to|and|or|at|on)\s)/gu, (_m: string, o: string) => `${ORDINAL_WORDS[o]!} `);
  // "a text if were running late": the "we" the manager dropped ("if we're running late").
  if (/were\s/iu.test(t)) t = t.replace(/(?<![\p{L}\p{N}])(if|when|because|as|so|unless|until|while)\s+were\s+(?=\p{Ll}+ing(?![\p{L}]))/giu, "$1 we're ");
  return t;
}

const COUNT_WORDS = ['zero', 'once', 'twice', 'three times', 'four times', 'five times', 'six times', 'seven times', 'eight times', 'nine times', 'ten times'];
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const timesWord = (n: string) => COUNT_WORDS[Number(n)] ?? `${n} times`;
/** Nouns a length of time describes ("24-hour delivery", "a two-day wait"): the number and its unit joined. */
const SPAN_NOUN = '(?:delivery|deliveries|shipping|dispatch|turnaround|service|support|notice|window|slot|reminders?|wait|delay|trial|guarantee|cover|outage|journey|hold|course|pass|lead time|response|check|warning|grace period)';
const DAY_WORDS: Readonly<Record<string, string>> = { mon: 'Monday', tue: 'Tuesday', tues: 'Tuesday', wed: 'Wednesday', weds: 'Wednesday', thu: 'Thursday', thur: 'Thursday', thurs: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const DAY_TYPED = '(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const dayWord = (d: string) => DAY_WORDS[d.toLowerCase()] ?? d[0]!.toUpperCase() + d.slice(1).toLowerCase();
const TIME = '\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)';
/** Short words a shouted note is made of; a short word in capitals that is none of these is an initialism (VAT, CSV, API). */
const SHOUTED_SHORT = /^(?:A|I|AN|THE|AND|OR|BUT|ON|IN|AT|BY|TO|OF|FOR|OUR|YOUR|WAS|NOT|NO|IS|ARE|WE|YOU|IT|ALL|GOT|GET|OUT|OFF|UP|NOW|NEW|OLD|DAY|TWO|ONE|HAS|HAD|DID|CAN|SET|PUT|RAN|BAD|BIG|FEW|WAY|DUE|ITS|SO|AS|IF|BE|DO|HE|SHE|HIS|HER|SEE|SAW|ANY|TOO|UR|U|PLS|PLZ|ETA|THX|APPT|ASAP|BC|W|WK|WKS|HRS|HR|MIN|MINS|AM|PM|VAN|BOX|BAG|LOT|TEN|SIX|OWN|USE|ASK|WAS|WHY|HOW|OK|FIX|RUN|MIX|LET|TRY|LATE|WITH|FROM|THAT|THIS|THEY|THEM|WERE|BEEN|HAVE|WILL|SENT)$/u;
const KEEP_CAPS = /^(?:GDPR|HTTPS?|HTML|JSON|UUID|IBAN|SWIFT|BACS|CHAPS|HMRC|DVLA|PAYE|NASA|UEFA|FIFA|ASCII|USPS|FEDEX|OTP|PIN|SSL|TLS|DNS|VPN|WIFI|IKEA)$/u;

/**
 * A note typed in capitals, or a run of shouted words in one ("DISK FULL ON MAIN SERVER", "DOUBLE BOOKED
 * your table"), said calmly: in lower case, initialisms kept ("VAT", "CSV", "GDPR"). Before the shorthand
 * rules, so "PLS", "UR" and "X3" are read as "pls", "ur" and "x3".
 */
function calmCaps(text: string): string {
  let t = text;
  const calm = (w: string) => (KEEP_CAPS.test(w) || (w.length <= 3 && !SHOUTED_SHORT.test(w)) || w === 'I' ? w : w.toLowerCase());
  // A note typed all in capitals ("PARCEL LOST", "LATE"): every word but the initialisms.
  const letters = t.replace(/\uE000[\uE100-\uF8FF]/gu, '').match(/\p{L}/gu) ?? [];
  if (letters.length >= 4 && letters.filter((c) => /\p{Lu}/u.test(c)).length >= 0.8 * letters.length) return t.replace(/\p{Lu}[\p{Lu}'’]*(?![\p{L}])/gu, (w: string, at: number, all: string) => (/[\p{L}\p{N}]$/u.test(all.slice(0, at)) ? w : calm(w)));
  if (/\p{Lu}{2,}[\s,]+\p{Lu}{2,}/u.test(t)) t = t.replace(/(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}'’]+(?:[\s,/&-]+\p{Lu}[\p{Lu}'’]*)+(?![\p{L}\p{N}])/gu, (run: string) => {
    const words = run.split(/[\s,/&-]+/u);
    if (!words.some((w) => w.length >= 4 && !KEEP_CAPS.test(w)) || words.length < 2) return run;
    return run.replace(/\p{Lu}[\p{Lu}'’]*/gu, calm);
  });
  return t;
}

/**
 * Telegraph shorthand (a manager's note in a hurry) as prose, where the reading is certain: "x3" →
 * "three times", "retried 3x" → "retried three times", "2day" → "two-day", "24 hours delivery" →
 * "24-hour delivery", "8-10am" → "between 8am and 10am", "tues am" → "Tuesday morning", "sat 7:30pm" →
 * "Saturday at 7:30pm", "@ the door" → "at the door", "ur" → "your", "a → b" → "a, so b", "eta fri" →
 * "due Friday", "3-5 days" → "3 to 5 days", "christmas" → "Christmas", and a run of words in capitals
 * ("DISK FULL ON MAIN SERVER") in lower case (initialisms kept: "VAT", "CSV").
 */
function telegraph(text: string): string {
  let t = text;
  // "x3", "3x" (a count of times); never "3x4" or "3x mugs" (three mugs).
  if (/x\d|\dx/i.test(t)) {
    t = t.replace(/(?<![\p{L}\p{N}×])x\s?(\d{1,2})(?![\p{L}\p{N}×])/giu, (_m, n: string) => timesWord(n));
    t = t.replace(/(?<![\p{L}\p{N}×.,])(\d{1,2})\s?x(?![\p{L}\p{N}×])(?=\s*$|\s*[,.;:!?)]|\s+(?:this|that|in|a|an|per|on|over|since|last|today|yesterday|now|before|after|and|but|so|because|already|during|until|by|within|then)(?![\p{L}]))/giu, (_m, n: string) => timesWord(n));
  }
  // "2day", "3-day": a length in days before its noun ("two-day delivery"); after a verb of sending, the service ("reshipped by two-day delivery").
  if (/\dday|\d-day/i.test(t)) t = t.replace(/(?<![\p{L}\p{N}-])(\d{1,2})-?day(?![\p{L}\p{N}])(\s+\p{Ll}[\p{L}-]*)?/giu, (m, n: string, next: string | undefined, at: number, all: string) => {
    const word = `${NUMBER_WORDS[Number(n)] ?? n}-day`;
    if (next && !/^\s+(?:and|or|but|so|eta|due|to|for|in|on|at|by|with|from|this|that|then|because)$/iu.test(next)) return `${word}${next}`;
    if (/(?:shipped|sent|posted|dispatched|couriered|delivered)\s+(?:it\s+|them\s+)?$/iu.test(all.slice(0, at))) return `by ${word} delivery${next ?? ''}`;
    return m.replace(/^\d{1,2}-?day/iu, word);
  });
  // "24 hours delivery", "30 days notice": the length as the noun's adjective ("24-hour delivery").
  if (/\d\s+(?:hours?|days?|weeks?|minutes?|months?)\s/.test(t)) t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}.,])(\\d{1,3})\\s+(hour|day|week|minute|month)s?(?:['’])?\\s+(?=${SPAN_NOUN}(?![\\p{L}]))`, 'giu'), (_m, n: string, unit: string, at: number, all: string) =>
    // "40 mins notice" is "40 minutes' notice" (a notice of that length is said with the possessive, never "40-minute notice").
    /^\s*notice(?![\p{L}])/iu.test(all.slice(at + _m.length)) ? `${n} ${unit.toLowerCase()}${Number(n) === 1 ? "'s" : "s'"} ` : `${n}-${unit.toLowerCase()} `);
  // "3-5 days", "2–3 weeks": a span of lengths ("3 to 5 days"; never a date or a time).
  if (/\d\s?[-–]\s?\d/.test(t)) t = t.replace(/(?<![\p{L}\p{N}/:.-])(\d{1,2})\s?[-–]\s?(\d{1,2})(\s+(?:working\s+|business\s+|more\s+)?(?:days|weeks|hours|minutes|months))(?![\p{L}])/giu, (m, a: string, b: string, unit: string) => (Number(a) < Number(b) ? `${a} to ${b}${unit}` : m));
  // "8-10am", "9am-1pm", "from 2-5pm": a range of times ("between 8am and 10am"), unless it names a thing ("your 9-11am slot").
  if (/\d\s?[-–]\s?\d|(?:am|pm)\s?[-–]/i.test(t)) t = t.replace(/(?<![\p{L}\p{N}:/.])(\b(?:from|between)\s+)?(\d{1,2}(?::\d{2})?)\s?(am|pm)?\s?[-–]\s?(\d{1,2}(?::\d{2})?)\s?(am|pm)(?![\p{L}\p{N}])/giu, (m, lead: string | undefined, a: string, apA: string | undefined, b: string, apB: string, at: number, all: string) => {
    const before = all.slice(0, at);
    const after = all.slice(at + m.length);
    if (/(?:^|\s)(?:the|a|an|your|our|their|my|his|her|each|every|this|that)\s+$/iu.test(before)) return m;
    if (/^\s+(?!(?:on|this|that|today|tomorrow|yesterday|and|or|but|so|with|by|at|in|for|then|when|because|while|every|each|only|again|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\p{L}]))\p{Ll}/iu.test(after)) return m;
    const hA = Number(a.split(':')[0]);
    const hB = Number(b.split(':')[0]);
    if (hA > 12 || hB > 12) return m;
    // "8-10am" is 8am; "2-5pm" is 2pm; "11-1pm" and "9-12pm" start in the morning.
    const first = apA?.toLowerCase() ?? (apB.toLowerCase() === 'am' || hB === 12 || hA > hB ? 'am' : 'pm');
    const from = `${a}${first}`;
    const to = `${b}${apB.toLowerCase()}`;
    if (lead && /^from/iu.test(lead)) return `${lead}${from} to ${to}`;
    return `between ${from} and ${to}`;
  });
  // "tues am", "Friday pm": the part of the day in words.
  if (/\s(?:am|pm)(?![a-z])/i.test(t)) t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${DAY_TYPED}\\.?\\s+(am|pm)(?![\\p{L}\\p{N}.])`, 'giu'), (m, d: string, ap: string) => (/^(?:AM|PM)$/u.test(ap) && /^\p{Lu}+$/u.test(d) ? m : `${dayWord(d)} ${ap.toLowerCase() === 'am' ? 'morning' : 'afternoon'}`));
  // "booked sat 7:30pm" → "Saturday at 7:30pm"; "6-9pm sun" → "… on Sunday" (a short weekday next to a time is the day).
  if (/(?:mon|tue|wed|thu|fri|sat|sun)/i.test(t) && /\d(?:am|pm)|\d:\d/i.test(t)) {
    t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${DAY_TYPED}\\.?\\s+(?:at\\s+)?(?=(?:${TIME}|\\d{1,2}:\\d{2}|between\\s+${TIME})(?![\\p{L}\\p{N}]))`, 'gu'), (_m, d: string) => `${dayWord(d)} ${''}`).replace(new RegExp(`(\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)) (?=${TIME}|\\d{1,2}:\\d{2})`, 'gu'), '$1 at ');
    t = t.replace(new RegExp(`((?:\\d(?:am|pm)|\\d:\\d{2}))\\s+${DAY_TYPED}\\.?(?![\\p{L}\\p{N}'’])`, 'gu'), (_m, time: string, d: string) => `${time} on ${dayWord(d)}`);
  }
  // "site outage fri": a short weekday ending a note, after its noun, is the day ("… on Friday"; never "we sat", "the sun").
  if (/(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri)\.?\s*$/i.test(t)) t = t.replace(/(?<=(?:^|\s)(\p{Ll}{3,}))\s+(mon|tue|tues|wed|weds|thu|thur|thurs|fri)\.?\s*$/u, (m: string, before: string, d: string) => (/^(?:on|by|from|until|till|since|before|after|next|last|this|every|the|our|your|a|an|and|or|not|but|than)$/u.test(before) ? m : ` on ${dayWord(d)}`));
  // "restored ~1am": a time after its verb, with its "at" ("restored at about 1am").
  if (/(?:about|around) \d/.test(t)) t = t.replace(/(?<=(?:^|\s)\p{Ll}{3,}ed)\s+(about|around)\s+(?=\d{1,2}(?::\d{2})?(?:am|pm)(?![\p{L}\p{N}]))/gu, ' at $1 ');
  // "@ collection time", "@ the door": "at" (never an address or a handle, which have no space after "@").
  if (t.includes('@')) t = t.replace(/(?<=\s|^)@\s+(?=\S)/gu, 'at ');
  // "DOUBLE BOOKED your table", "double charged": one verb ("double-booked").
  if (/double|triple|over|under/i.test(t)) t = t.replace(/(?<![\p{L}-])(double|triple|over|under)\s+(booked|charged|billed|counted|sold|paid)(?![\p{L}])/giu, '$1-$2');
  // "ur", "u": "your", "you".
  if (/(?:^|\s)(?:ur|u)(?:\s|$|[,.])/i.test(t)) t = t.replace(/(?<![\p{L}\p{N}'’])ur(?=\s+\p{Ll})/gu, 'your').replace(/(?<![\p{L}\p{N}'’&-])u(?=\s+(?:\p{Ll}|$)|\s*[,.;!?]|$)(?!\.\p{L})/gu, 'you');
  // "power cut → orders held", "a -> b": what followed from it ("…, so orders held").
  if (/→|->|=>/.test(t)) t = t.replace(/\s*(?:→|->|=>)\s*(?=\S)/gu, ', so ');
  // "eta fri", "ETA 3pm": when it is due.
  if (/eta/i.test(t)) t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}])eta:?\\s+(?:${DAY_TYPED}\\.?(?![\\p{L}\\p{N}])|(?=\\d|on\\s|by\\s|mon|tue|wed|thu|fri|sat|sun|tomorrow|today|tonight|next|this|end|early|late|mid|the\\s+\\d))`, 'giu'), (_m, d: string | undefined) => (d ? `due on ${dayWord(d)}` : 'due '));
  // "new eta is Friday", "eta unknown": the initialism (a day or a time after it was read above as "due").
  if (/(?:^|[^a-z])eta(?![a-z])/.test(t)) t = t.replace(/(?<![\p{L}\p{N}'’./@-])eta(?![\p{L}\p{N}'’/@-])/gu, 'ETA');
  // "DISK FULL ON MAIN SERVER", "DOUBLE BOOKED your table": a run of shouted words, said calmly; initialisms keep their capitals.
  return t;
}

const UNITS: Readonly<Record<string, [string, string]>> = {
  h: ['hour', 'hours'], hr: ['hour', 'hours'], hrs: ['hour', 'hours'],
  min: ['minute', 'minutes'], mins: ['minute', 'minutes'],
  sec: ['second', 'seconds'], secs: ['second', 'seconds'],
  wk: ['week', 'weeks'], wks: ['week', 'weeks'],
  yr: ['year', 'years'], yrs: ['year', 'years'],
};

/** "3 hrs 10 min" → "3 hours 10 minutes"; "2 p.m." → "2pm"; "10.20am" → "10:20am". */
function quantities(text: string): string {
  if (!/\d/.test(text)) return text;
  let t = !/\d\s?(?:hr|h|min|sec|wk|yr)/i.test(text) ? text : text.replace(/(?<![\p{L}\p{N}.,/])(\d{1,3}(?:\.\d+)?)\s?(hrs?|h|mins?|secs?|wks?|yrs?)(?![\p{L}\p{N}])\.?/giu, (m, n: string, unit: string, at: number, all: string) => {
    // "3 h." at a sentence's end keeps its full stop.
    // So does one before a note's next sentence typed in lower case ("3 hrs 10 min. any alarm in that time…").
    const dot = m.endsWith('.') && /^\s*(?:$|\p{Lu}|(?:any|the|we|our|it|this|they|no|nobody|all|every|some|there|he|she|you|your|i|a|an)\s)/u.test(all.slice(at + m.length)) ? '.' : '';
    const [one, many] = UNITS[unit.toLowerCase()]!;
    // "a 10 min wait" → "a 10-minute wait".
    // So does "a free extra 30 min 1-to-1 lesson": a length after an article and its adjectives.
    if (/(?:^|\s)an?\s+(?:(?:free|extra|further|full|additional|quick|short|long|whole|complimentary|bonus|second|new|single|separate|private|personal|one-to-one|1-to-1)\s+){0,3}$/iu.test(all.slice(0, at))) return `${n}-${one}${dot}`;
    return `${n} ${Number(n) === 1 ? one : many}${dot}`;
  });
  if (/\d\s?[ap]\.?\s?m/i.test(t)) t = t.replace(/(?<![\p{L}\p{N}.:/])(\d{1,2})(?:[:.](\d{2}))?\s?([ap])(\.?)\s?m(?![\p{L}\p{N}])(\.?)/giu, (m, h: string, min: string | undefined, ap: string, apDot: string, dot: string, at: number, all: string) => {
    if (Number(h) > 12 || (min !== undefined && Number(min) > 59)) return m;
    // "2pm." ends a sentence; "2 p.m." has the abbreviation's full stop, kept only where the sentence ends.
    const keepDot = dot && (!apDot || /^\s*(?:$|\p{Lu})/u.test(all.slice(at + m.length))) ? '.' : '';
    return `${Number(h)}${min !== undefined ? `:${min}` : ''}${ap.toLowerCase()}m${keepDot}`;
  });
  return t;
}

// ---------------------------------------------------------------------------------------------
// Dates.

/** A date as a letter already writes it: "Tuesday 24 November", "24 November 2026", "December 8, 2026". */
const WELL_FORMED = new RegExp(
  `^(?:(?:${WEEKDAYS.join('|')}),?\\s+)?(?:\\d{1,2}\\s+(?:${MONTHS.join('|')})(?:,?\\s+\\d{4})?|(?:${MONTHS.join('|')})\\s+\\d{1,2}(?:,\\s+\\d{4})?)$`,
  'u',
);

/** A date the way the letters write it, with the weekday typed when it is not the date's (the writer is warned). */
function dateWords(date: Date, typedWeekday: number, now: Date): string {
  if (typedWeekday < 0 || typedWeekday === date.getUTCDay()) return letterDate(date, now);
  const year = date.getUTCFullYear();
  return `${WEEKDAYS[typedWeekday]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${year === now.getUTCFullYear() ? '' : ` ${year}`}`;
}

/** The days numbered `day` in the months around `ref`, nearest first. */
function daysNumbered(day: number, ref: Date): Date[] {
  const out: Date[] = [];
  for (const k of [-1, 0, 1]) {
    const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + k, day));
    if (d.getUTCDate() === day) out.push(d);
  }
  return out.sort((a, b) => Math.abs(a.getTime() - ref.getTime()) - Math.abs(b.getTime() - ref.getTime()));
}

/** A time straight after a date as the letters write it ("Tuesday 24 November 2pm"): "at" between them. */
const TIME_AFTER = new RegExp(
  `((?:${WEEKDAYS.join('|')}) \\d{1,2} (?:${MONTHS.join('|')})(?: \\d{4})?)\\s+(?=(?:(?:about|around|roughly|approximately)\\s+)?(?:\\d{1,2}(?::\\d{2})?[ap]m|\\d{1,2}:\\d{2})(?![\\p{L}\\p{N}:]))`,
  'gu',
);

/** "the " before a date that now opens with its weekday: "on the 26th" → "on Thursday 26 November". */
function dropThe(text: string, at: number): number {
  const m = /(?:^|\s)(the\s+)$/iu.exec(text.slice(0, at));
  return m ? at - m[1]!.length : at;
}

const ORDINAL_END = '(?![\\p{L}\\p{N}])';

/** A weekday's or a month's name might be in the text (a cheap test before the unicode rules run). */
const NAMES_HINT = /mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

function dates(text: string, o: EnglishOptions, notes: TextProblem[]): string {
  const digits = /\d/.test(text);
  if (!digits && !NAMES_HINT.test(text)) return text;
  let t = text;
  if (digits) t = numberedDates(t, o, notes);
  return namedDates(t);
}

/** Dates with a day's number: "tue 24 nov", "26th", "24/11". */
function numberedDates(text: string, o: EnglishOptions, notes: TextProblem[]): string {
  let t = text;
  // "tue 24 nov", "26 nov", "nov 26", "the 26th of nov", "Wed, 25th November": as the letters write them.
  const found = !(NAMES_HINT.test(t) || /\d{4}-\d{2}/.test(t)) ? [] : findDates(t, o.ref).filter((d) => d.text.trim() !== '');
  for (const d of found.reverse()) {
    // A full stop after the month ends the sentence when a capital or the end follows ("26 nov. Then"): it stays.
    // After a month spelled in full ("24 November.") it is never the abbreviation's.
    const fullMonth = new RegExp(`(?:${MONTHS.join('|')})\\.$`, 'iu').test(d.text);
    const words = d.text.endsWith('.') && (fullMonth || /^(?:\s*$|\s+[\p{Lu}\uE000])/u.test(t.slice(d.at + d.text.length))) ? d.text.slice(0, -1) : d.text;
    // "dec 1/2", "nov 10:20": a number that goes on is no day.
    if (/^(?:\/|[:.]\d)/u.test(t.slice(d.at + d.text.length)) || /\/$/u.test(t.slice(0, d.at))) continue;
    // A year-less date the ISO rule found ("2026-11-24") is exact already.
    if (/^\d{4}-\d{2}-\d{2}$/u.test(words)) continue;
    let at = d.at;
    let weekday = d.typedWeekday;
    // A weekday the date reader does not know ("weds 25 nov").
    const before = weekday < 0 ? new RegExp(`(?<![\\p{L}\\p{N}])${WEEKDAY_WORD}\\.?,?\\s+$`, 'iu').exec(t.slice(0, at)) : null;
    if (before) {
      at -= before[0].length;
      weekday = weekdayOf(before[1]!);
    }
    // "may" and "march" in lower case are words before they are months ("2 may be late").
    if (weekday < 0 && /(?<![\p{L}])(?:may|march|mar)(?![\p{L}])/u.test(words) && !/(?:^|\s)(?:on|by|from|until|till|since|before|after)\s+(?:the\s+)?$/iu.test(t.slice(0, at))) continue;
    // A range of days ("24-26 nov", "24 & 25 nov"): "24 to 26 November", no weekday.
    const range = weekday < 0 && /^\d/u.test(words) ? /(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th)?\s*(-|–|to|and|&)\s*$/iu.exec(t.slice(0, at)) : null;
    if (range && Number(range[1]) >= 1 && Number(range[1]) < d.date.getUTCDate()) {
      const year = d.date.getUTCFullYear();
      const joined = `${Number(range[1])} ${/^(?:and|&)$/iu.test(range[2]!) || /(?:^|\s)between\s+$/iu.test(t.slice(0, at - range[0].length)) ? 'and' : 'to'} ${d.date.getUTCDate()} ${MONTHS[d.date.getUTCMonth()]}${year === o.now.getUTCFullYear() ? '' : ` ${year}`}`;
      t = t.slice(0, at - range[0].length) + joined + t.slice(d.at + words.length);
      continue;
    }
    if (WELL_FORMED.test(t.slice(at, d.at) + words)) {
      // "25 November 2026" in 2026: the year a letter never prints for this year goes.
      const stray = new RegExp(`,?\\s+${o.now.getUTCFullYear()}$`, 'u').exec(words);
      if (stray) t = t.slice(0, d.at) + words.slice(0, stray.index) + t.slice(d.at + words.length);
      continue;
    }
    const start = dropThe(t, at);
    t = t.slice(0, start) + dateWords(d.date, weekday, o.now) + t.slice(d.at + words.length);
  }
  // "thurs 26th", "Tuesday the 24th": the nearest day of that number that is that weekday.
  if (NAMES_HINT.test(t)) t = t.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])${WEEKDAY_WORD}\\.?,?\\s+(?:the\\s+)?(\\d{1,2})(st|nd|rd|th)?${ORDINAL_END}(?!\\s+(?:of\\s+)?${MONTH_WORD}(?![\\p{L}]))(?!\\s*[/:.]\\d)`, 'giu'),
    (m, wd: string, n: string, suffix: string | undefined) => {
      // "we sat 3 people", "sun 2 hours": an ambiguous weekday needs its ordinal.
      if (!suffix && /^(?:sat|sun|wed|weds|mon)$/iu.test(wd)) return m;
      const weekday = weekdayOf(wd);
      const day = Number(n);
      const near = daysNumbered(day, o.ref);
      const match = near.find((d) => d.getUTCDay() === weekday);
      if (!match) {
        if (near.length > 0) notes.push({ problem: `says "${m}", but no ${n}${suffix ?? ''} near ${letterDate(o.ref, o.now)} is a ${WEEKDAYS[weekday]}`, example: `"${letterDate(near[0]!, o.now)}" (or the date you meant)` });
        return m;
      }
      return letterDate(match, o.now);
    },
  );
  // "on the 26th", "by 3rd": the nearest day of that number.
  if (/\d(?:st|nd|rd|th)/i.test(t)) t = t.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])(on|by|until|till|from|since|before|after|due)\\s+(?:the\\s+)?(\\d{1,2})(st|nd|rd|th)${ORDINAL_END}(?!\\s+(?:of\\s+)?${MONTH_WORD}(?![\\p{L}]))(?=\\s*$|\\s*[.,;:!?)–-]|\\s+(?:at|and|or|to|when|but|so|because|as|between|if|\\d))`, 'giu'),
    (m, word: string, n: string) => {
      const days = daysNumbered(Number(n), o.ref);
      // In a field about the past, the nearest day of that number on or before the reference day.
      const near = (o.past ? days.find((d) => d.getTime() <= o.ref.getTime() + 86_400_000) : undefined) ?? days[0];
      return near ? `${word} ${letterDate(near, o.now)}` : m;
    },
  );
  // "24/11", "tue 24/11", "on 3/4/2026": only when the company's locale (or the numbers) say which is the month.
  const region = /-([a-z]{2})\b/iu.exec(o.locale ?? '')?.[1]?.toUpperCase();
  const monthFirst = region === 'US' ? true : region !== undefined && region !== 'CA' ? false : undefined;
  if (t.includes('/')) t = t.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${WEEKDAY_WORD}\\.?,?\\s+|(on|by|until|till|from|since|before|after|due|delivered|shipped|dispatched|posted|booked|arrived|dated|expires|expired)\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\p{L}\\p{N}/])`, 'giu'),
    (m, wd: string | undefined, word: string | undefined, a: string, b: string, y: string | undefined) => {
      if (!wd && !word && !y) return m; // "24/7", "1/2": not dates without a day or a word before them
      if (!wd && !y && Number(a) <= 4 && Number(b) <= 4) return m; // "by 1/2", "from 3/4": a fraction
      const dayFirst = Number(b) <= 12 && Number(a) <= 31 ? new Date(Date.UTC(2000, Number(b) - 1, Number(a))).getUTCDate() === Number(a) : false;
      const monthFirstOk = Number(a) <= 12 && Number(b) <= 31 ? new Date(Date.UTC(2000, Number(a) - 1, Number(b))).getUTCDate() === Number(b) : false;
      let first: boolean | undefined;
      if (dayFirst && monthFirstOk && a !== b) first = monthFirst;
      else if (dayFirst) first = false;
      else if (monthFirstOk) first = true;
      const typed = m.slice(word ? word.length + 1 : 0).trim();
      if (first === undefined) {
        if (dayFirst && monthFirstOk) {
          notes.push({ problem: `says "${typed}", which reads as ${Number(a)} ${MONTHS[Number(b) - 1]} or ${MONTHS[Number(a) - 1]} ${Number(b)}`, example: `"${Number(a)} ${MONTHS[Number(b) - 1]}" — the month in words (or set the locale, en-GB or en-US)` });
        }
        return m;
      }
      const [day, month] = first ? [Number(b), Number(a) - 1] : [Number(a), Number(b) - 1];
      let year: number;
      if (y) year = y.length === 2 ? 2000 + Number(y) : Number(y);
      else {
        year = o.ref.getUTCFullYear();
        let best = Infinity;
        for (const c of [year - 1, year, year + 1]) {
          const gap = Math.abs(Date.UTC(c, month, day) - o.ref.getTime());
          if (gap < best) [best, year] = [gap, c];
        }
      }
      const date = new Date(Date.UTC(year, month, day));
      const typedDay = wd ? weekdayOf(wd) : -1;
      if (typedDay >= 0 && typedDay !== date.getUTCDay()) {
        notes.push({ problem: `says "${typed}", but ${day} ${MONTHS[month]} ${year} is a ${WEEKDAYS[date.getUTCDay()]}`, example: `"${letterDate(date, o.now)}" (or the date you meant)` });
      }
      return `${word ? `${word} ` : ''}${dateWords(date, wd ? weekdayOf(wd) : -1, o.now)}`;
    },
  );
  if (/\d[ap]m|\d:\d/.test(t)) t = t.replace(TIME_AFTER, '$1 at ');
  // "tue 24 & wed 25 nov" → "Tuesday 24 November and Wednesday 25 November".
  if (t.includes('&')) t = t.replace(new RegExp(`(?<=(?:${MONTHS.join('|')})(?: \\d{4})?)\\s+&\\s+(?=(?:${WEEKDAYS.join('|')}) \\d)`, 'gu'), ' and ');
  // "nov 2026" → "November 2026".
  if (NAMES_HINT.test(t) && /\d{4}/.test(t)) t = t.replace(/(?<![\p{L}\p{N}])(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?(\s+)(\d{4})(?![\p{N}])/giu, (m, mo: string, sp: string, y: string) =>
    allCaps(mo) ? m : `${MONTHS[MONTHS.findIndex((x) => x.toLowerCase().startsWith(mo.slice(0, 3).toLowerCase()))]}${sp}${y}`,
  );
  return t;
}

/** Weekdays and months by name: "on thursday", "in nov". */
/** What namedDates' rules need: a name starting a word ("promised" holds no "mis" that counts; ſ and the Kelvin sign always run them). */
export const NAMED_WORD_HINT = /(?<![A-Za-z0-9])(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|apr|jun|jul|aug|sep|oct|nov|dec)|[\u017f\u212a]/i;

function namedDates(text: string): string {
  return NAMED_WORD_HINT.test(text) ? namedDateRules(text) : text;
}

/** namedDates without its hint (exported for the property test that checks the hint). */
export function namedDateRules(text: string): string {
  let t = text;
  // Weekdays and months typed in lower case ("on thursday", "in november"), and short ones where the words around make them certain ("on tue", "fri morning", "in nov").
  t = t.replace(/(?<![\p{L}\p{N}])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|july|september|october|november|december)(s?)(?![\p{L}\p{N}])/gu, (_m, w: string, s: string) => w[0]!.toUpperCase() + w.slice(1) + s);
  t = t.replace(/(?<![\p{L}\p{N}])(on|by|until|till|from|since|before|after|next|last|this|every)(\s+)(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?(?![\p{L}\p{N}'’])(?!\.?\s*\d)(?:(?<!sun)|(?=\s*$|\s*[.,;:!?)–-]|\s+(?:morning|afternoon|evening|night|at|and|or|to|between|when|before|after|from|until|we|you|I|they|it)(?![\p{L}])))/giu, (m, w: string, sp: string, d: string) =>
    allCaps(d) ? m : `${w}${sp}${WEEKDAYS[weekdayOf(d)]}`,
  );
  t = t.replace(/(?<![\p{L}\p{N}])(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?(\s+)(morning|afternoon|evening|night|lunchtime)(?![\p{L}])/gu, (_m, d: string, sp: string, part: string) => `${WEEKDAYS[weekdayOf(d)]}${sp}${part}`);
  t = t.replace(/(?<![\p{L}\p{N}])(in|since|until|till|by|from|through|early|mid|late|of|last|next|this|end of)(\s+)(jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?![\p{L}\p{N}'’])/gu, (_m, w: string, sp: string, mo: string) => {
    const i = MONTHS.findIndex((x) => x.toLowerCase().startsWith(mo.slice(0, 3)));
    return `${w}${sp}${MONTHS[i]}`;
  });
  // fit13: "burner fault tue am", "Tuesday pm": the part of that day ("am" after a day is never the verb).
  if (/\s(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])/u.test(t)) t = t.replace(/(?<![\p{L}\p{N}])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?\s+(am|pm|a\.m\.|p\.m\.)(?![\p{L}])/giu, (_m, d: string, part: string) => `${WEEKDAYS[weekdayOf(d)]} ${/^a/iu.test(part) ? 'morning' : 'afternoon'}`);
  // fit13: "took Novembers direct debit", "missed Tuesdays wholesale delivery run", "cancelled Saturdays 8am class": the day's own thing.
  if (/(?:day|ary|ch|il|ay|ne|ly|st|ber)s\s/u.test(t)) t = t.replace(/(?<![\p{L}\p{N}'’])(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)s(?=\s+(?:\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\s+|[\p{Ll}-]+\s+){0,2}(?:direct debit|debit|delivery|deliveries|run|class|classes|session|lesson|order|orders|invoice|invoices|bill|payment|payments|appointment|appointments|booking|bookings|clean|service|collection|newsletter|statement|rent|fee|fees|shift|market|sale|batch|payroll|match|show|event|meeting|tour|trip|flight|slot|slots)(?![\p{L}]))/gu, "$1's");
  return t;
}

// ---------------------------------------------------------------------------------------------
// I, and contractions typed without their apostrophe.

const CONTRACTIONS: Readonly<Record<string, string>> = {
  didnt: "didn't", dont: "don't", doesnt: "doesn't", wont: "won't", cant: "can't", isnt: "isn't", wasnt: "wasn't",
  werent: "weren't", hasnt: "hasn't", havent: "haven't", hadnt: "hadn't", couldnt: "couldn't", shouldnt: "shouldn't",
  wouldnt: "wouldn't", arent: "aren't", mustnt: "mustn't", neednt: "needn't", ive: "I've", im: "I'm", youre: "you're",
  youve: "you've", youll: "you'll", youd: "you'd", theyre: "they're", theyve: "they've", theyll: "they'll", theyd: "they'd",
  weve: "we've", thats: "that's", whats: "what's", theres: "there's", heres: "here's", wheres: "where's", whos: "who's",
  shes: "she's", hes: "he's", itll: "it'll", thatll: "that'll", wouldve: "would've", couldve: "could've", shouldve: "should've",
};
// A whole word only ("arrive" holds no "ive"); ſ and the Kelvin sign (s and k under /iu) always run the rule.
export const CONTRACTION_HINT = new RegExp(`(?<![A-Za-z0-9'’])(?:${Object.keys(CONTRACTIONS).join('|')})(?![A-Za-z0-9'’])|[\u017f\u212a]`, 'i');
export const CONTRACTION = new RegExp(`(?<![\\p{L}\\p{N}'’])(${Object.keys(CONTRACTIONS).join('|')})(?![\\p{L}\\p{N}'’])`, 'giu');
/** "its" before these is "it's" ("its been fixed", "its on its way"): a possessive "its" is followed by its noun. */
const ITS_IS = new Set(['a', 'an', 'the', 'been', 'not', 'now', 'already', 'still', 'just', 'also', 'going', 'gone', 'done', 'fixed', 'ok', 'okay', 'fine', 'on', 'in', 'at', 'here', 'there', 'because', 'my', 'our', 'your', 'their', 'likely', 'probably', 'being', 'getting', 'taking', 'coming', 'due']);

const AFTER_WERE = /^(?:sorry|not|now|still|also|already|happy|glad|so|very|really|working|looking|going|sending|refunding|fixing|changing|adding|putting|making|taking|calling|checking|reviewing|on|in)$/u;
const AFTER_WILL = /^(?:call|be|send|refund|make|fix|get|email|contact|look|check|have|do|give|let|pay|cover|replace|ring|book|arrange|credit|reimburse|waive|post|ship|deliver|follow|update|keep|add|put|text|write|reply|find|sort|rebook|collect|come|see|try)$/u;

function pronouns(text: string): string {
  // "i", "i'm", "i've", "i'll", "i'd" → "I…" (not "i.e.", "(i)", "Wi-Fi", "i/o").
  let t = !/(?:^|[^a-z])i(?:[^a-z]|$)/.test(text) ? text : text.replace(/(?<![\p{L}\p{N}'’.\-/(])i(?=$|[\s,;:!?]|\.(?![\p{L}\p{N}])|['’](?:m|ve|ll|d)(?![\p{L}]))/gu, 'I');
  if (CONTRACTION_HINT.test(t)) t = t.replace(CONTRACTION, (m: string) => {
    if (allCaps(m)) return m;
    const word = CONTRACTIONS[m.toLowerCase()]!;
    return word.startsWith('I') ? word : sameCase(m, word);
  });
  if (/its\s/i.test(t)) t = t.replace(/(?<![\p{L}\p{N}'’])(its)(\s+)(\p{Ll}+)(?![\p{L}\p{N}'’-])/giu, (m, its: string, sp: string, next: string) => (ITS_IS.has(next) && !allCaps(its) ? `${sameCase(its, "it's")}${sp}${next}` : m));
  // "were sorry", "well call you", "ill send it", "id like to": at a sentence's start before these, only "we're", "we'll", "I'll", "I'd".
  // "call us and well find another time": "we'll" after "and", "so", "then" too, where a verb of ours follows.
  if (/\bwell\s/i.test(t)) t = t.replace(/(?<=(?:^|\s)(?:and|so|then|or)\s+)well(\s+)(?=(\p{Ll}+))/gu, (m, sp: string, next: string) => (AFTER_WILL.test(next) ? `we'll${sp}` : m));
  if (/(?:were|well|ill|id)\s/i.test(t)) t = t.replace(/(^|[.!?]\s+)(were|well|ill|id)(\s+)(?=(\p{Ll}+))/giu, (m, before: string, w: string, sp: string, next: string) => {
    const k = w.toLowerCase();
    const fits = k === 'were' ? AFTER_WERE.test(next) : k === 'id' ? /^(?:like|love|be|rather|hoped)$/u.test(next) : AFTER_WILL.test(next);
    if (!fits || allCaps(w)) return m;
    const word = k === 'were' ? "we're" : k === 'well' ? "we'll" : k === 'ill' ? "I'll" : "I'd";
    return `${before}${word.startsWith('I') ? word : sameCase(w, word)}${sp}`;
  });
  // "lets call you": "let's" only when it opens a sentence and a verb follows.
  if (/lets\s/i.test(t)) t = t.replace(/(^|[.!?]\s+)(lets)(\s+)(?=(?:call|talk|get|make|start|fix|sort|try|see|put|go|book|arrange|chat|meet|find|do)(?![\p{L}]))/giu, (_m, before: string, lets: string, sp: string) => `${before}${sameCase(lets, "let's")}${sp}`);
  return t;
}

/**
 * The text as a letter prints it, with what could not be fixed. Idempotent: a text it returns is
 * returned unchanged.
 */
export function cleanEnglish(text: string, o: EnglishOptions): { text: string; notes: TextProblem[]; fixes: SpellFix[] } {
  // The letter and the writer's warnings both clean each field: once per run (read only: the notes are copied by callers).
  const key = `${o.ref.getTime()}\u0000${o.now.getTime()}\u0000${o.locale ?? ''}\u0000${o.spell ? 1 : 0}\u0000${o.names?.join('\u0001') ?? ''}\u0000${text}`;
  let clean = cleaned.get(key);
  if (clean === undefined) {
    if (cleaned.size > 200) cleaned.clear();
    clean = cleanEnglishOnce(text, o);
    cleaned.set(key, clean);
  }
  return { text: clean.text, notes: [...clean.notes], fixes: [...clean.fixes] };
}
const cleaned = new Map<string, { text: string; notes: TextProblem[]; fixes: SpellFix[] }>();

/** spell16: the typos `cleanEnglish` corrected in a field (what the writer is told). */
export function spellingFixes(text: string, o: EnglishOptions): SpellFix[] {
  return o.spell ? cleanEnglish(text, o).fixes : [];
}

/** spell16: a name the incident gives ("Fluxo", "Pemberton") typed in lower case elsewhere, with its capitals; never a common word ("tea" of "Pemberton Tea Co."). */
function namesCapitalised(text: string, names: readonly string[]): string {
  let t = text;
  if (!hasEnglishWords()) return t;
  for (const name of names) {
    const low = name.toLowerCase();
    if (low === name || !t.includes(low) || isEnglishWord(low)) continue;
    t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}'’@./_-])${low.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}@/_-]|\\.[\\p{L}\\p{N}])`, 'gu'), name);
  }
  return t;
}

function cleanEnglishOnce(text: string, o: EnglishOptions): { text: string; notes: TextProblem[]; fixes: SpellFix[] } {
  const notes: TextProblem[] = [];
  let fixes: SpellFix[] = [];
  // Text holding private-use characters (where kept spans go while the rules run) is left as typed.
  if (text === '' || /[\uE000-\uF8FF]/u.test(text)) return { text, notes, fixes };
  const held = hold(text);
  let t = shorthand(/[A-Z]{2}/.test(held.text) ? calmCaps(held.text) : held.text);
  // spell16: "tx" neither a transaction nor thanks by the words around it: left as typed, and the writer told.
  if (/(?<![\p{L}\p{N}])tx(?![\p{L}\p{N}])/iu.test(t)) notes.push({ problem: 'has "tx", which could be "transaction" or "thanks"', example: '"the transaction failed" or "thanks for waiting"' });
  t = telegraph(quantities(t));
  t = dates(t, o, notes);
  t = shortNames(t);
  t = pronouns(t);
  if (t.includes(',')) t = splitSplices(t);
  t = commaBeforeSo(t);
  // "Monday-Thursday": a span of days ("Monday to Thursday").
  if (/day[-–]/u.test(t)) t = t.replace(/(?<![\p{L}])((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s?[-–]\s?((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\p{L}])/gu, '$1 to $2');
  // "…when I moved some house calls around, my mistake": the letter owns it in words of its own; the afterthought goes.
  if (/(?:mistake|fault|bad|error)\)?[.!\s]*$/iu.test(t)) t = t.replace(/\s*\((?:(?:that was|it was|totally|entirely|all)\s+)?(?:my|our)\s+(?:mistake|fault|bad|error)\)([.!]*)\s*$/iu, '$1').replace(/(?<=[\p{L}\p{N})])\s*[,;–—-]+\s*(?:(?:that was|that's|it was|totally|entirely|all)\s+)?(?:my|our)\s+(?:mistake|fault|bad|error)[.!]*\s*$/iu, '');
  // "missed your appointment Tuesday morning": a day after a verb's object takes "on" ("on Tuesday morning").
  if (/ (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/u.test(t)) t = t.replace(/(?<=(?:^|\s)(\p{Ll}[\p{Ll}'’-]+|UTC|GMT|BST|CET|CEST|EST|PST))\s+(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night)|\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?)?(?:$|[,.;:!?)]|\s+(?:and|but|so|when|because|as|while)\s))/gu, (m, before: string) =>
    /^(?:on|by|from|until|till|since|before|after|next|last|this|every|each|the|our|your|their|a|an|and|or|but|than|of|to|for|between|through|that|this|since|until|around|about|over|into|at|in|is|was|be|been|are|were|nor|til|via|per|date|dates|deadline|eta|due|until|from)$/u.test(before) ? m : ' on ');
  // "If the ear looks sore please take him to the vet": the condition ends with a comma before what to do.
  if (/please|just|kindly/iu.test(t)) t = t.replace(/(^|[.!?]\s+)((?:If|When|Once|Should)\s[^,.;!?]{3,80}?)\s+(please|just|kindly)(?=\s)/giu, '$1$2, $3');
  // "refunded in full, should show in 3 to 5 days", "one box is coming, ships on Friday": what follows has no subject ("…, and it should show…").
  if (t.includes(',')) t = t.replace(/(?<=[\p{L}\p{N})]),\s+(should|will|ships|arrives|lands|shows|appears|goes out|leaves|comes)(?=\s+\p{L})/gu, (m, verb: string, at: number, all: string) => {
    const clause = all.slice(0, at).split(/[.!?;]\s/u).pop()!;
    return /(?<![\p{L}])(?:and|or|but|which|that|if|when|who)\s*$/iu.test(clause) || /^\s*(?:if|when|once|after|before|as soon as|until|because|since|while|whether|unless|where|although|though)(?![\p{L}])/iu.test(clause) || !/(?<![\p{L}])(?:is|are|was|were|has|have|had|will|\p{L}{3,}ed|comes|coming|goes|going)(?![\p{L}])/iu.test(clause) ? m : `, and it ${verb}`;
  });
  // "your dec beer club box", "the nov invoice": the month, written out.
  if (/(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\s/u.test(t)) t = t.replace(/(?<![\p{L}])(your|our|the|this|last|next)\s+(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?=(?:\s+[\p{Ll}-]+){0,3}?\s+(?:box|order|invoice|bill|statement|payment|delivery|subscription|issue|edition|renewal|newsletter|charge|payroll|run|payslip|rent|class|classes|course|box)(?![\p{L}]))/gu, (_m, det: string, mon: string) => `${det} ${MONTH_NAMES[mon]}`);
  if (/s\s/u.test(t)) t = apostrophes(t);
  // "same day texts" → "same-day texts": the phrase describes the noun after it.
  if (/same day /iu.test(t)) t = t.replace(/(?<![\p{L}])same day (?=(?:texts?|alerts?|messages?|emails?|calls?|updates?|notifications?|reminders?|delivery|deliveries|dispatch|service|courier|refunds?|replacements?|repairs?|turnaround|response|collection)(?![\p{L}]))/giu, (m) => m.replace(/ day /iu, (d) => d.replace(' ', '-').replace(/ $/u, ' ')));
  // "book before end of January" → "before the end of January"; "about between 9am and 11am" → "between 9am and 11am".
  if (/(?:end|start|beginning|middle) of|about between/iu.test(t)) t = t.replace(/(?<![\p{L}])(before|by|until|till|at|from|towards?|around|after|for)\s+(end|start|beginning|middle)\s+of(?![\p{L}])/giu, '$1 the $2 of').replace(/(?<![\p{L}])(?:about|around|approx(?:imately)?)\s+(between)(?![\p{L}])/giu, '$1')
    .replace(/(?<![\p{L}])((?:the\s+)?(?:end|start|beginning|middle)\s+of)\s+(month|week|day|year|term|quarter|season)(?![\p{L}])/giu, '$1 the $2');
  if (o.names && o.names.length > 0 && /\p{Ll}{3}/u.test(t)) t = namesCapitalised(t, o.names);
  // spell16: the writer's typos, last, on the words the rules above left (shorthand and contractions written out; names, quotations, codes, URLs held aside).
  if (o.spell) ({ text: t, fixes } = correctSpelling(t, new Set(o.names?.map((n) => n.toLowerCase()))));
  return { text: release(t, held.kept), notes, fixes };
}

/** The text as a letter prints it ("i didnt get tue 24 nov" → "I didn't get Tuesday 24 November"). */
export function normaliseEnglish(text: string, o: EnglishOptions): string {
  return cleanEnglish(text, o).text;
}

// ---------------------------------------------------------------------------------------------
// What the writer is told.

function spliceProblems(text: string): TextProblem[] {
  return splices(text).map(({ subject, tail, lead }) => {
    const fixedTail = subject === 'I' ? tail : tail[0]!.toUpperCase() + tail.slice(1);
    return {
      problem: `joins two sentences with a comma ("…${lead}, ${tail}…")`,
      example: `"…${lead}. ${fixedTail}…" (or join them with "and")`,
    };
  });
}

/**
 * The apostrophes a hurried note leaves out where only one reading is English: "each others reminders" → "each other's",
 * "another owners name" → "another owner's name" (one of them, so it owns), "one months fee" → "one month's fee", "your
 * employees accounts" → "your employees' accounts" (a group of people owns), "before its sealed" → "before it's sealed".
 */
const MONTH_NAMES: Record<string, string> = { jan: 'January', feb: 'February', mar: 'March', apr: 'April', jun: 'June', jul: 'July', aug: 'August', sep: 'September', sept: 'September', oct: 'October', nov: 'November', dec: 'December' };

function apostrophes(text: string): string {
  let t = text.replace(/(?<![\p{L}])(each other|one another)s(?![\p{L}'’])/giu, "$1's");
  // "the next days lessons", "someone elses order": one day's, someone else's.
  t = t.replace(/(?<![\p{L}])(next|previous|following|same|that|this) (day|week|month|year)s (?=\p{Ll})/gu, "$1 $2's ").replace(/(?<![\p{L}])(someone|anyone|everyone|no one|somebody|anybody|everybody|nobody) elses(?![\p{L}'’])/giu, "$1 else's");
  t = t.replace(/(?<![\p{L}])(another|each|every|one|a|any)\s+(owner|customer|client|patient|member|guest|family|pet|dog|cat|child|person|user|student|passenger|tenant|resident|employee|driver|day|week|month|year|night|hour)s\s+(\p{Ll}[\p{L}-]*)/gu, (m, det: string, noun: string, next: string) =>
    NOT_A_NOUN.test(next) || /(?:ed|ing|ly)$/u.test(next) ? m : `${det} ${noun}'s ${next}`);
  t = t.replace(/(?<![\p{L}])(your|our|their)\s+(employees|staff's|customers|clients|patients|members|students|users|tenants|residents|passengers|guests|drivers|teachers|parents)\s+(\p{Ll}[\p{L}-]*)/gu, (m, det: string, noun: string, next: string) =>
    NOT_A_NOUN.test(next) || /(?:ed|ing|ly)$/u.test(next) || /'/u.test(noun) ? m : `${det} ${noun}' ${next}`);
  t = t.replace(/(?<![\p{L}'’])(employees|customers|clients|patients|members|students|users|tenants|residents|passengers|guests|staff|instructors|teachers|drivers|engineers|tutors|doctors|nurses|agents|advisers|advisors|coaches|trainers|therapists|groomers|stylists)\s+(?=(?:accounts?|details|names|data|records|bookings|orders|money|pay|wages|salaries|emails|email addresses|addresses|files|information|payments|cards|phones|homes|cars|bank accounts|payslips|calendars|diaries|schedules|rotas|inboxes|availability|holidays|lessons|appointments)(?![\p{L}]))/gu, (m, who: string, at: number, all: string) =>
    /(?:your|our|their)\s+$/u.test(all.slice(0, at)) || who === 'staff' ? m : `${who}' `);
  t = t.replace(/(?<![\p{L}])(before|after|until|once|when|if|now|because|as)\s+its\s+(been|not|a|an|the|now|already|still|too|going|being|gone|ok|okay|fine|done|ready|here|there|back|\p{Ll}+ed(?=\s*(?:$|[,.;!?]|\s(?:by|and|or|before|when|so|to|on|at|in))))(?![\p{L}])/gu, "$1 it's $2");
  return t;
}

/** People and animals whose things are named after them: "your pets check" is "your pet's check". */
const OWNERS = new Set(['pet', 'dog', 'cat', 'child', 'son', 'daughter', 'husband', 'wife', 'partner', 'mum', 'mom', 'dad', 'mother', 'father', 'baby', 'family', 'horse', 'kid', 'friend', 'puppy', 'kitten', 'parent', 'grandmother', 'grandfather', 'sister', 'brother', 'guest', 'childs', 'wifes', 'babys', 'familys']);
/** Plural nouns that name a thing of their own before a noun ("our sales team", "your savings account"). */
const PLURAL_NOUNS = new Set(['sales', 'systems', 'operations', 'accounts', 'savings', 'goods', 'news', 'series', 'species', 'clothes', 'glasses', 'premises', 'payments', 'claims', 'returns', 'services', 'communications', 'logistics', 'analytics', 'electronics', 'sports', 'arms', 'jeans', 'deliveries', 'orders', 'means', 'thanks', 'customs', 'products', 'records', 'sessions', 'rooms', 'results', 'tickets', 'items', 'details', 'settings', 'notifications', 'bookings', 'funds', 'parts', 'costs', 'terms', 'hours', 'days', 'weeks', 'months', 'years', 'minutes']);
const NOT_A_NOUN = /^(?:and|or|but|to|from|were|are|was|is|have|has|had|will|would|with|in|on|at|for|of|by|that|which|who|been|being|as|so|not|now|today|yesterday|tomorrow|already|also|still|just|both|all|again|here|there|too|very|really|only|back|away|up|down|out|off|over|did|do|does|can|could|should|may|might|must|arrived|never|always|this|that|these|those|a|an|the|your|our|their|my)$/iu;

/** What possessiveProblems' rule needs, in ASCII: an owner, then a word ending in "s", then a space (ſ and the Kelvin sign always run it). */
export const POSSESSIVE_HINT = /(?:your|our|their|my|his|her)\s+\S*s\s|[\u017f\u212a]/i;
export const POSSESSIVE_RULE = /(?<![\p{L}])(your|our|their|my|his|her)\s+(\p{Ll}+s)\s+(\p{L}[\p{L}-]*)/giu;

function possessiveProblems(text: string): TextProblem[] {
  const out: TextProblem[] = [];
  for (const m of text.matchAll(POSSESSIVE_RULE)) {
    const [all, owner, noun, next] = m;
    const stem = noun!.replace(/s$/u, '');
    if (NOT_A_NOUN.test(next!) || /(?:ed|ing|ly)$/iu.test(next!) || /(?:ss|us|is)$/u.test(noun!)) continue;
    const animate = OWNERS.has(stem) || OWNERS.has(noun!);
    const describes = /-/u.test(next!) || /(?:ive|al|ous|ful|ic|able|ible)$/iu.test(next!);
    if (!animate && !(describes && !PLURAL_NOUNS.has(noun!.toLowerCase()))) continue;
    const one = noun === 'childs' ? 'child' : noun === 'wifes' ? 'wife' : noun === 'babys' ? 'baby' : noun === 'familys' ? 'family' : stem;
    const several = noun === 'childs' ? "children's" : /(?:ys|fes)$/u.test(noun!) && noun !== 'guys' ? `${noun}'` : `${noun}'`;
    out.push({
      problem: `has "${all}", which needs an apostrophe`,
      example: `"${owner} ${one}'s ${next}" (one) or "${owner} ${several} ${next}" (several)`,
    });
  }
  return out;
}

function capsProblems(text: string): TextProblem[] {
  const words = text.match(/\p{L}[\p{L}'’]*/gu) ?? [];
  const long = words.filter((w) => w.replace(/['’]/gu, '').length >= 2);
  const caps = long.filter((w) => /^[\p{Lu}'’]+$/u.test(w));
  let run = 0;
  let longest = 0;
  for (const w of long) {
    run = /^[\p{Lu}'’]+$/u.test(w) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  if (longest < 4 && !(caps.length >= 3 && caps.length >= 0.6 * long.length)) return [];
  const shown = text.trim().split(/\s+/u).slice(0, 8).join(' ');
  const calm = shown.toLowerCase().replace(/(?<![\p{L}])i(?=$|[\s,.;:!?'’])/gu, 'I').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return [{ problem: `is typed in capitals ("${shown}…"), which reads as shouting`, example: `"${calm}…" (keep the capitals of names and codes)` }];
}

/** Over this many words a sentence is too long to read in one breath. */
export const MAX_SENTENCE_WORDS = 40;

function longSentences(text: string): TextProblem[] {
  const out: TextProblem[] = [];
  for (const s of text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“])/u)) {
    const n = s.trim().split(/\s+/u).filter(Boolean).length;
    if (n > MAX_SENTENCE_WORDS) {
      const start = s.trim().split(/\s+/u).slice(0, 6).join(' ');
      out.push({ problem: `is one sentence of ${n} words ("${start}…")`, example: `two or three sentences of about 15 words each, ending one where a new subject starts` });
    }
  }
  return out;
}

/**
 * What the writer should fix in a field the normaliser cannot fix safely, on the text it prints:
 * dates it could not read for certain, comma splices, possessives without their apostrophe,
 * capitals, a sentence over 40 words. Quotations, codes, URLs and addresses are not read.
 */
export function englishProblems(text: string, o: EnglishOptions): TextProblem[] {
  const { text: clean, notes } = cleanEnglish(text, o);
  const held = hold(clean);
  const plain = held.text.replace(HELD, (_m, c: string) => {
    const kept = held.kept[c.charCodeAt(0) - 0xe100]!;
    // A code reads as a noun; a quotation as one.
    return /^["“‘']/u.test(kept) ? 'it' : 'X1';
  });
  // Each check only where the text could hold what it looks for (the unicode rules cost start-up time).
  return [
    ...notes,
    ...(clean.includes(',') ? spliceProblems(clean) : []),
    ...(/(?:your|our|their|my|his|her)\s/i.test(plain) && POSSESSIVE_HINT.test(plain) ? possessiveProblems(plain) : []),
    // (capitals on the text as typed: the letter says a shouted note calmly, and the writer still hears of it)
    ...(/[A-Z]{2}|[^\x00-\x7f]/.test(text) ? capsProblems(hold(text).text.replace(HELD, 'X1')) : []),
    ...(clean.split(/\s+/u).length > MAX_SENTENCE_WORDS ? longSentences(clean) : []),
    ...(o.role ? noteProblems(clean, o.role, { now: o.now }) : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// A mistake told about a batch ("Orders for Cerulean Blue were sent…"), not to the reader.

/**
 * The mistake told to the one reader, where a rule can do it safely: "Orders for Cerulean Blue were
 * sent Prussian Blue" → "your order for Cerulean Blue was sent Prussian Blue"; "Customers who ordered
 * the mug were sent a jug" → "you ordered the mug and were sent a jug". Anything else is left as typed
 * (and `batchProblems` tells the writer).
 */
export function toReader(text: string): string {
  // Plural only: "the order of service for your mother's funeral was…" is a thing, not a batch.
  const order = /^(\s*)(?:the\s+|all\s+)?orders\s+(for|of|from|in|placed in|placed on|placed during)\s+([^,;.]+?)\s+(were|got|received|went|arrived|left|shipped)\s+/iu.exec(text);
  if (order) return `${order[1]}your order ${order[2]!.toLowerCase()} ${order[3]} ${order[4]!.toLowerCase() === 'were' ? 'was' : order[4]!.toLowerCase()} ${text.slice(order[0].length)}`;
  // "a £6 fee was added to accounts that had paid on time" → "… to your account, even though you had paid on time".
  const to = /\b(to|on|from|for)\s+(?:all\s+|the\s+)?(accounts|customers|clients|families|members|households)\s+(?:that|who|which)\s+(had|have|were|was)\b/iu.exec(text);
  if (to) return `${text.slice(0, to.index)}${to[1]} ${/^accounts$/iu.test(to[2]!) ? 'your account' : 'you'}, even though you ${to[3]!.toLowerCase() === 'was' ? 'were' : to[3]!.toLowerCase()}${text.slice(to.index + to[0].length)}`;
  // "we charged a fee on returns where the car came back full" → "… on your return, even though the car came back full".
  const where = /\b(on|for)\s+(?:all\s+|the\s+)?(returns|orders|bookings|deliveries|rentals|hires|accounts)\s+(?:where|when|in which)\s+/iu.exec(text);
  if (where) return `${text.slice(0, where.index)}${where[1]} your ${where[2]!.toLowerCase().replace(/ies$/u, 'y').replace(/s$/u, '')}, even though ${text.slice(where.index + where[0].length)}`;
  // "late fees charged on bikes that were returned on time" → "… on your bike, even though it was returned on time".
  const things = /\b(to|on|from|for)\s+(?:all\s+|the\s+)?([a-z]{2,}[^s\s])s\s+(?:that|which)\s+(were|had been)\s+/u.exec(text);
  if (things && !/^(?:ha|thi|wa|i|u)$/u.test(things[2]!) && !/^(?:patient|guest|user|passenger|student|pupil|rider|driver|employee|member|client|customer|subscriber|tenant|resident|learner|candidate|visitor|parent|owner|buyer|traveller|worker|colleague|person|household|famil\w*)$/u.test(things[2]!)) return `${text.slice(0, things.index)}${things[1]} your ${things[2]}, even though it ${things[3] === 'were' ? 'was' : 'had been'} ${text.slice(things.index + things[0].length)}`;
  // "…didn't arrive. Several of these are for weddings this Saturday.": a sentence about others in the batch is not told to this reader.
  const others = /(?<=[.!?])\s+(?:several|some|many|most|a few|a couple|a number|half|one|two|three|four|five)\s+of\s+(?:these|those|them|the\s+\w+|our\s+\w+|you)\b[^.!?]*[.!?]/giu;
  if (others.test(text)) return toReader(text.replace(others, ''));
  const who = /^(\s*)(?:the\s+|all\s+)?(?:customers|clients|people|members|guests|everyone|anyone|those)\s+who\s+(ordered|bought|booked|paid for|chose|picked)\s+([^,;.]+?),?\s+(were|got|received|saw|had)\s+/iu.exec(text);
  if (who) return `${who[1]}you ${who[2]!.toLowerCase()} ${who[3]} and ${who[4]!.toLowerCase()} ${text.slice(who[0].length)}`;
  return groupAsYou(text);
}

/** People a mistake is told about as a group, and what one of them is called. */
const GROUP_ONE: Readonly<Record<string, string>> = { customers: 'customer', clients: 'client', members: 'member', guests: 'guest', users: 'user', patients: 'patient', passengers: 'passenger', subscribers: 'subscriber', students: 'student', pupils: 'pupil', parents: 'parent', tenants: 'tenant', residents: 'resident', families: 'family', households: 'household', attendees: 'attendee', 'ticket holders': 'ticket holder', 'account holders': 'account holder', cardholders: 'cardholder', riders: 'rider', travellers: 'traveller', diners: 'diner', shoppers: 'shopper', buyers: 'buyer', learners: 'learner', visitors: 'visitor', people: 'someone', everyone: 'someone' };
const GROUP_WORDS = Object.keys(GROUP_ONE).sort((a, b) => b.length - a.length).join('|');
const GROUP_VERB = "were|was|wasn't|got|received|had|saw|lost|paid|didn't|did not|couldn't|could not|weren't|were not|can't|cannot";
const GROUP_SUBJECT = new RegExp(`^(\\s*)(?:(?:the|all|some|many|several|most|our|a few|a number of)\\s+)*(${GROUP_WORDS})(?:\\s+((?:with|on|in|at|from|whose|booked (?:on|for|into)|due)\\s+[^,;.!?]{2,70}?|who\\s+(?:were|had|have|are)\\s+[^,;.!?]{2,60}?))?\\s+(${GROUP_VERB})\\s+(?=\\S)`, 'iu');
const WHO_AGREE: Readonly<Record<string, string>> = { were: 'was', have: 'has', are: 'is', had: 'had' };

/**
 * blind13: a mistake told as a bulletin ("Members with a frozen membership were charged the full
 * fee") is told to the one reader it goes to: "As a member with a frozen membership, you were
 * charged the full fee"; "Some customers were charged twice" → "You were charged twice".
 */
export function groupAsYou(text: string): string {
  const m = GROUP_SUBJECT.exec(text);
  if (!m) return text;
  const [all, lead, group, qualifier, verb] = m as unknown as [string, string, string, string | undefined, string];
  const upper = /^\p{Lu}/u.test(text.slice(lead.length));
  const rest = `you ${verb.toLowerCase().replace(/^was/u, 'were')} ${text.slice(all.length)}`;
  if (!qualifier) return `${lead}${upper ? 'Y' : 'y'}${rest.slice(1)}`;
  const one = GROUP_ONE[group.toLowerCase()]!;
  const said = qualifier.replace(/^who\s+(\w+)/iu, (_w, v: string) => `who ${WHO_AGREE[v.toLowerCase()] ?? v}`);
  const article = one === 'someone' ? '' : /^[aeiou]/iu.test(one) && !/^(?:user|euro)/iu.test(one) ? 'an ' : 'a ';
  return `${lead}${upper ? 'As' : 'as'} ${article}${one} ${said}, ${rest}`;
}

const BATCH = /^\s*(?:the\s+|all\s+|some\s+|many\s+|several\s+)?(?:customers|clients|orders|people|members|guests|users|patients|passengers|accounts|everyone|anyone)\b|\b(?:customers|clients|people|members|guests|users)\s+who\b|\b(?:on|for|in)\s+(?:the\s+)?(?:returns|orders|bookings|accounts|deliveries|parcels|invoices)\s+(?:where|that|which|with|whose)\b/iu;

/** A mistake still told about a batch after `toReader`: the writer is told how to say it to one reader. */
export function batchProblems(text: string): TextProblem[] {
  const t = toReader(text);
  if (!BATCH.test(t)) return [];
  const shown = t.trim().split(/\s+/u).slice(0, 8).join(' ');
  return [{ problem: `tells the mistake about a batch ("${shown}…"), but each letter goes to one reader`, example: `"we charged you a refuelling fee when your car came back with a full tank" (about "you" and "your order")` }];
}

/**
 * A commitment typed as a verdict first ("Fixed. plugin checks before resending now"): the one-word sentence said as one,
 * ("We've fixed it."), so no template frame ("To stop it happening again, …") ever opens with it.
 */
const VERDICT: Record<string, string> = { fixed: "We've fixed it.", sorted: "We've sorted it.", resolved: "We've resolved it.", solved: "We've solved it.", patched: "We've patched it.", done: '' };
export function leadingVerdict(text: string): string {
  const m = /^\s*(fixed|sorted|resolved|solved|patched|done)\s*(?:now\s*)?[.!]+\s+(?=\S)/iu.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  const said = VERDICT[m[1]!.toLowerCase()]!;
  return said ? `${said} ${rest}` : rest;
}

