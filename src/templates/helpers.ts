import { accusative, chez } from '../text/articles.js';
import { longDate } from '../text/dates.js';
import { localeAbout, localeList, localeLongDate, localeMoney, localeNumber, localePlural } from '../text/locale.js';

/**
 * Template helpers. Every helper takes strings or numbers and returns a string,
 * so values from users stay data (never evaluated, never summed).
 */
import type { HelperOptions } from 'handlebars';
import { cap, clause, dedupe, innerClause, orderFrom, sentence } from './sentence.js';

export { cap, clause, dedupe, orderFrom, sentence };

type HelperValue = unknown;

/**
 * The letter's locale, from the context the template renders with (`locale`: "de-AT", `lang`:
 * "de"); a template rendered without one (a custom caller) is English.
 */
function rootOf(args: readonly HelperValue[]): { locale?: unknown; lang?: unknown; we?: unknown } | undefined {
  const options = args[args.length - 1] as { data?: { root?: Record<string, unknown> } } | undefined;
  const root = options?.data?.root;
  return root && typeof root === 'object' ? root : undefined;
}
const tagIn = (args: readonly HelperValue[]): string => {
  const t = rootOf(args)?.locale;
  return typeof t === 'string' && t !== '' ? t : 'en';
};
const langIn = (args: readonly HelperValue[]): string => {
  const l = rootOf(args)?.lang;
  return typeof l === 'string' && l !== '' ? l : 'en';
};

const str = (v: HelperValue): string => (v === undefined || v === null ? '' : String(v));

export function toNumber(v: HelperValue): number {
  if (typeof v === 'number') return v;
  const n = Number(str(v).replace(/[,_\s]/g, ''));
  return Number.isFinite(n) ? n : 0;
}

/** 13482 → "13,482". */
export function formatNumber(v: HelperValue): string {
  const n = Math.round(toNumber(v));
  // What toLocaleString('en-US') gives, without starting ICU for every call.
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21 || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** A count in words a person would say: exact below 1,000, else "about 13,500". */
export function about(v: HelperValue): string {
  const n = Math.round(toNumber(v));
  if (n < 1000) return formatNumber(n);
  const step = n < 100_000 ? 100 : 10 ** (String(n).length - 3);
  const rounded = Math.round(n / step) * step;
  return rounded === n ? formatNumber(n) : `about ${formatNumber(rounded)}`;
}

export function plural(n: HelperValue, one: HelperValue, many: HelperValue): string {
  return toNumber(n) === 1 ? str(one) : str(many);
}

export function count(n: HelperValue, one: HelperValue, many: HelperValue): string {
  return `${formatNumber(n)} ${plural(n, one, many)}`;
}

/**
 * A text helper that also works as a block, on the sentence the template
 * assembles around the fields: `{{#sentence}}{{orderFrom company.name}} is late{{/sentence}}`.
 */
function textHelper(fn: (v: unknown, lang: string) => string) {
  return function (this: unknown, ...args: HelperValue[]): string {
    const options = args[args.length - 1] as Partial<HelperOptions> | undefined;
    const lang = langIn(args);
    if (args.length === 1 && typeof options?.fn === 'function') return fn(options.fn(this), lang);
    return fn(args[0], lang);
  };
}

/**
 * An order's items as the letter's language writes a count: "Gartenschere ×2, Korb ×1" →
 * "Gartenschere (2 Stück) und Korb" (no "×" in prose, no "×1", listed as the language lists); English as typed.
 */
export function localItems(v: unknown, lang: string): string {
  const text = typeof v === 'string' ? v : v == null ? '' : String(v);
  if (lang === 'en') return text;
  // No "×2" in prose: "Gartenschere (2 Stück)", "Verres antireflet (2 unités)", "Aceitunas gordal (3 unidades)",
  // and the items joined as the language lists them ("A, B und C").
  const unit = UNITS[lang];
  const items = text.split(', ').map((item) => {
    const at = item.lastIndexOf(' ×');
    const n = at === -1 ? '' : item.slice(at + 2);
    if (n === '' || !/^\d+$/u.test(n)) return item;
    const name = item.slice(0, at);
    return n === '1' || !unit ? name : `${name} (${n} ${unit})`;
  });
  const last = items[items.length - 1] ?? '';
  // "und 3 weitere" already joins itself to the list.
  if (items.length > 1 && MORE_ITEMS.test(last)) return `${items.slice(0, -1).join(', ')} ${last}`;
  return items.length > 1 ? localeList(items, lang) : (items[0] ?? '');
}

const UNITS: Readonly<Record<string, string>> = { de: 'Stück', fr: 'unités', es: 'unidades' };
const MORE_ITEMS = /^(?:und|et|y|and) \d+ /u;

/** A thing typed without a determiner ("December membership fee") as the reader's ("your December membership fee"). */
export function yourThing(np: string): string {
  const t = np.trim();
  if (/^(?:the|your|a|an|this|that|these|those|our|any|all|every|each|both|its|their|his|her|no|one|two|three|half|full|[\d£$€¥])/i.test(t) || /^\S+(?:'s|’s)\s/u.test(t)) return t;
  return `your ${/^(?:Fee|Charge|Delivery|Installation|Service|Subscription|Membership|Monthly|Annual|Booking|Late|Admin|Cancellation|Setup|Set-up|Shipping|Postage)\b/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t}`;
}

/** Words that start a whole sentence of the writer's own ("we will refund…", "you'll get…"): said as typed. */
// "this" and "that" as a subject ("this one's on us"), not as a determiner ("this year's service fee (£85) waived").
const OWN_SENTENCE = /^(?:we|we'll|we’ll|we've|we’ve|we're|we’re|i|i'll|i’ll|i've|i’ve|i'm|i’m|you'll|you’ll|you're|you’re|you|it|it's|it’s|there|they|(?:this|that)(?!\s+(?!one\b)\p{L}+(?:'s|’s)\s)(?!\s+(?:year|month|week|order|fee|charge|invoice|visit|service|delivery|booking|session|class|lesson|appointment|clean|treatment|stay|night|ticket|box|bill|payment|call|job|repair)\b))\b/iu;

/** An offer typed as a clause of its own ("the check is free", "your next two lessons are on us"): said as typed. */
const OWN_CLAUSE = /^(?:the|your|this|that|all|both)\b[^,.;:]{0,60}?\s(?:is|are|will be|has been|have been)\s/i;

/** A sentence of the writer's own that reports an act ("Reported to the ICO on 4 July"): said as typed. */
const OWN_REPORT = /^(?:reported|notified|informed|told|contacted|filed|fixed|closed|removed|deleted|revoked|reset|disabled|stopped|blocked)\b/i;

/**
 * `{{lead "We have reported it to" incident.exposure.regulator}}`: the words after the lead, as one
 * sentence ("We have reported it to the ICO on 4 July."), or as typed when they already make a
 * sentence ("We told the ICO…", "Reported to the ICO…").
 */
export function lead(prefix: HelperValue, text: HelperValue): string {
  const body = clause(text);
  if (body === '') return '';
  // "reported to the ICO on 25 November" (a note with its subject dropped): said by us.
  const dropped = /^(reported|notified|informed|told|contacted)\s+(to\s+)?/i.exec(body);
  if (dropped && /^\p{Ll}|^(?:Reported|Notified|Informed|Told|Contacted)\s/u.test(body)) return sentence(`We ${dropped[1]!.toLowerCase()} ${dropped[2] ? 'it to ' : ''}${body.slice(dropped[0].length)}`);
  if (OWN_SENTENCE.test(body) || OWN_REPORT.test(body)) return sentence(text);
  return sentence(`${str(prefix)} ${body}`);
}

/** The verb the letter leads an offer with, by remedy kind, and the words that say the same (then no lead: "refunding a refund"). */
const OFFER_LEADS: Readonly<Record<string, [string, RegExp | null, string?]>> = {
  refund: ["We're refunding", /\brefund/i, "You'll get"],
  credit: ["We're crediting your account with", /\bcredit/i, "We're giving you"],
  // blind11/12: "We'd like to give you" hedges, and "As an upgrade" names the offer, not why it is given.
  coupon: ["To make up for it, here's", null],
  replacement: ["We're replacing it with", /\b(?:replac|sen[dt]\b|ship|dispatch|post(?:ed|ing)?\b)/i, "You'll get"],
  upgrade: ["To make up for it, we're giving you", /\bupgrad/i],
  'waived-fee': ["We've waived", /\bwaiv/i],
  // fit11: work redone for the customer (a reprint, a re-clean, a hem let down): put right, not "replaced".
  redo: ["We'll put it right with", /\b(?:re-?do\w*|remak\w*|re-?make|reprint\w*|re-?clean\w*|re-?finish\w*|re-?fit\w*|again)\b/i, "You'll get"],
  none: ["We'd like to offer you", null],
};

/** A thing one gets one of, at the head of an offer typed without its article ("credit note for the VAT", "signed hardback posted today"). */
const COUNT_HEAD = /^(?:note|hardback|paperback|book|copy|replacement|voucher|bouquet|cake|box|parcel|set|pair|case|bottle|session|class|lesson|visit|bag|card|unit|device|item|kit|frame|print|shirt|jacket|dress|sofa|chair|table|phone|laptop|tyre|wheel|part|meal|hamper|refill|cartridge|battery|charger|cable)$/u;
const NO_ARTICLE = /^(?:the|a|an|your|our|this|that|these|those|any|all|every|each|both|no|one|two|three|four|five|another|some|free|full|half|extra|complimentary|next|its|their|his|her|my|[\d£$€])/u;

/**
 * fit13: an offer typed as a bare noun, said after the letter's lead with its article: "right tyres sent next day" →
 * "the right tyres…", "credit note for the overcharged VAT" → "a credit note…", "signed hardback posted today" → "a signed hardback…".
 */
function articled(text: string): string {
  const words = text.split(/\s+/u);
  const w = words.map((x) => x.replace(/[,.;:]$/u, '').toLowerCase());
  if (!/^\p{Ll}/u.test(words[0] ?? '') || NO_ARTICLE.test(w[0]!)) return text;
  if (/^(?:right|correct)$/u.test(w[0]!)) return `the ${text}`;
  const head = COUNT_HEAD.test(w[0]!) || (w.length > 1 && COUNT_HEAD.test(w[1]!) && !/[,;:]$/u.test(words[0]!) && /^\p{Ll}[\p{Ll}-]*$/u.test(words[0]!));
  return head ? `${/^[aeiou]/u.test(w[0]!) ? 'an' : 'a'} ${text}` : text;
}

/** A gift typed as a bare noun and "free" ("eye test free when you rebook"): the reader's own ("your eye test free…"). */
function giftArticled(text: string): string {
  const a = articled(text);
  if (a !== text) return a;
  const w = text.split(/\s+/u);
  return /^\p{Ll}/u.test(text) && !NO_ARTICLE.test(w[0]!.toLowerCase()) && /^(?:\S+\s+){1,3}free(?![\p{L}])/iu.test(text) ? `your ${text}` : text;
}

/** A replacement offered with a refund beside it ("…, and a full refund"). */
const REFUND_TOO = /^(.*?),?\s+(?:and|plus)\s+(?:a\s+|an\s+)?(?:full|complete)\s+refund$/i;

/** Words that make the offer a gift of its own ("free of charge", "on us"). */
export const GIFT = /\b(?:free|no charge|no cost|on us|on the house|complimentary)\b/i;

/**
 * The offer (remedy.details) as one sentence whatever was typed: "the $7.95 shipping charge" →
 * "We're refunding the $7.95 shipping charge."; a sentence of the writer's own ("We will refund
 * your fee") or words that already name the offer ("full refund issued") stand as written, after
 * `otherwise` ("Here is how we're making it right.").
 */
export function offer(kind: HelperValue, details: HelperValue, otherwise: HelperValue): string {
  const text = clause(details).replace(/^(Free|Full|Half|Extra|Complimentary|Next|Another|Double)\b/, (w) => w.toLowerCase());
  if (text === '') return '';
  const [lead, same, alternative] = OFFER_LEADS[str(kind)] ?? OFFER_LEADS.none!;
  if (OWN_SENTENCE.test(text) || OWN_CLAUSE.test(text)) return sentence(details);
  // "the white arrangement, delivered today at no charge, and a full refund": the refund is given back, not sent.
  // "the $60 installation fee, waived in full" → "We've waived the $60 installation fee in full."
  const waived = str(kind) === 'waived-fee' ? /^(.+?),?\s+waived(\s+(?:in full|entirely|completely))?$/i.exec(text) : null;
  // "900Mb for the price of 500Mb, plus the £40 setup fee waived" (whatever the kind): only the last thing is waived; the first is given.
  const plusWaived = /^(.+?),?\s+(?:plus|and)\s+((?:the|your|this|that|our)\s+[^,]+?)\s+waived(\s+(?:in full|entirely|completely))?$/i.exec(text);
  if (plusWaived && !/\b(?:we|I|you)\b/i.test(plusWaived[1]!)) return sentence(`You'll get ${plusWaived[1]}, and we've waived ${plusWaived[2]}${plusWaived[3] ?? ''}`);
  if (waived && !GIFT.test(waived[1]!)) return sentence(`We've waived ${yourThing(waived[1]!)}${waived[2] ?? ''}`);
  const refundToo = str(kind) === 'replacement' || str(kind) === 'redo' ? REFUND_TOO.exec(text) : null;
  if (refundToo) return sentence(`We're replacing it with ${refundToo[1]}, and we're refunding your order in full`);
  // "this week's delivery charge waived plus a 10% credit": both, each with its verb.
  // "the fitting fee (£95) waived in full and a priority appointment within 7 days": the second thing is given, not waived.
  const waivedPlus = /^(.+?),?\s+waived(\s+(?:in full|entirely|completely))?,?\s+(?:plus|and)\s+((?:a|an)\s+.+)$/i.exec(text);
  if (waivedPlus) return sentence(`We've waived ${waivedPlus[1]}${waivedPlus[2] ?? ''}, and you'll also get ${waivedPlus[3]}`);
  // "no charge for the check": there is none (never "we'd like to give you no charge").
  // "no delivery or collection charge": none, said as such (never "We've waived no …").
  if (/^no (?:charge|cost|fee)s? for\b/i.test(text) || /^no (?:[\p{L}-]+,? (?:(?:or|and) )?){0,4}(?:charge|cost|fee)s?(?![\p{L}])/iu.test(text)) return sentence(`There's ${text}`);
  // "your next appointment, free of charge", "two free guest passes": a gift, whatever the kind ("We've waived … free of charge" reads twice).
  if (GIFT.test(text) && str(kind) !== 'refund' && str(kind) !== 'replacement' && !(same && same.test(text))) return sentence(`To help make it right, you'll get ${giftArticled(text)}`);
  // "£45 refunded to your card", "the £6 was refunded on Tuesday 24 November": said actively, by us.
  const done = /^(.+?)\s+(?:(was|were|has been|have been|is|are|is being|are being)\s+)?(will be\s+)?(refunded|credited|waived|reimbursed|reversed|repaid|paid back|returned)\b(.*)$/i.exec(text);
  if (done && !/\b(?:we|I|you)\b/i.test(done[1]!) && !/^,?\s*(?:and|but|or|if|when|plus)\b(?!\s+(?:we|I|you|it|they)\b)/i.test(done[5]!.trim())) {
    const verb = done[4]!.toLowerCase();
    const base = verb === 'paid back' ? 'pay back' : verb.replace(/ed$/u, '').replace(/(?<=waiv|revers|reimburs)$/u, 'e');
    // "the £6" → "£6", but "the £45 delivery charge" keeps its article (fit11: never "We've refunded £45 delivery charge").
    const thing = done[1]!.replace(/^(?:a|the)\s+(?=[£$€]\s?[\d.,]+\s*$)/iu, '');
    // "… refunded in full and a 10% voucher for next time": the second thing is given, with its own verb.
    const given = /^(.*?),?\s+(?:and|plus)\s+((?:a|an|one|two|three|\d+)\s+(?!\S+\s+(?:is|are|was|were|will)\b).+)$/iu.exec(done[5]!);
    if (given && !(done[3] || /being$/u.test(done[2] ?? ''))) return sentence(`We've ${verb} ${thing}${given[1]}, and you'll also get ${given[2]}`);
    // "any bank charges refunded on request": not done yet, done when asked.
    const later = done[3] || /being$/u.test(done[2] ?? '') || /(?<![\p{L}])(?:on request|if (?:you )?(?:ask|asked|claim)|when (?:you )?(?:ask|claim|send)|once (?:you )?(?:send|claim))(?![\p{L}])/iu.test(done[5]!);
    return sentence(later ? `We'll ${base} ${thing}${done[5]}` : `We've ${verb} ${thing}${done[5]}`);
  }
  if (same && same.test(text)) {
    if (alternative) return sentence(`${alternative} ${articled(text)}`);
    // Words that name the offer themselves ("the $60 fee, waived in full"): after the lead, as its object.
    const intro = str(otherwise).trim().replace(/[.!:]+$/u, '');
    return intro === '' ? sentence(details) : sentence(`${intro}: ${text}`);
  }
  return sentence(`${lead} ${articled(text)}`);
}

/** Helpers by name; each is registered on the isolated Handlebars instance. */
export const HELPERS: Record<string, (...args: HelperValue[]) => unknown> = {
  number: (v, ...rest) => (tagIn(rest) === 'en' ? formatNumber(v) : localeNumber(v, tagIn(rest))),
  lead: (prefix, text) => lead(prefix, text),
  offer: (kind, details, otherwise) => offer(kind, details, typeof otherwise === 'string' ? otherwise : ''),
  about: (v, ...rest) => (tagIn(rest) === 'en' ? about(v) : localeAbout(v, tagIn(rest))),
  clause: textHelper(clause),
  // fit13: the offer quoted after "What I offered still stands:", with its article ("a credit note for the overcharged VAT").
  offerThing: textHelper((v, lang) => (lang === 'en' ? giftArticled(clause(v, lang)) : clause(v, lang))),
  // letters8b: `{{#fit 70}}long{{else}}short{{/fit}}`: the long version when it fits in that many characters (a subject line).
  fit: function (this: unknown, ...args: HelperValue[]): string {
    const options = args[args.length - 1] as Partial<HelperOptions> | undefined;
    const long = typeof options?.fn === 'function' ? options.fn(this) : '';
    return long.length <= Number(args[0]) || typeof options?.inverse !== 'function' ? long : options.inverse(this);
  },
  // `{{akk incident.remedy.details}}`: German "ein Gutschein" as an object ("erhalten Sie einen Gutschein").
  akk: (v) => accusative(str(v)),
  // `{{chez company.name}}`: "chez l’Agence Numérique", "chez Facturéo".
  chez: (v) => chez(str(v)),
  // `({{inner incident.when}})`: a clause inside the template's brackets, its own brackets as commas.
  inner: textHelper(innerClause),
  sentence: textHelper(sentence),
  // `{{items recipient.items_display}}`: an order's counts the way the letter's language writes them.
  items: textHelper(localItems),
  cap: textHelper(cap),
  dedupe: textHelper(dedupe),
  // `{{list a b c}}` or `{{list someArray}}`: "a, b and c" / "a, b und c" / "a, b et c" / "a, b y c".
  list: (...args) => {
    const items = args.slice(0, -1).flatMap((x) => (Array.isArray(x) ? x : [x]));
    return localeList(items, tagIn(args));
  },
  // `{{money recipient.amount recipient.currency}}`: "7,95 €" in German, "€7.95" in English.
  money: (amount, currency, ...rest) => localeMoney(amount, typeof currency === 'string' ? currency : '', tagIn(rest)),
  // `{{v "wir melden uns" "ich melde mich"}}`: the first when a team (or a business letter) speaks, the second when a person does.
  v: (we, i, ...rest) => (rootOf(rest)?.we === true ? str(we) : str(i)),
  orderFrom: (company, noun) => orderFrom(company, typeof noun === 'string' ? noun : undefined),
  plural: (n, one, many, ...rest) => (tagIn(rest) === 'en' ? plural(n, one, many) : localePlural(n, str(one), str(many), tagIn(rest))),
  count: (n, one, many, ...rest) =>
    tagIn(rest) === 'en' ? count(n, one, many) : `${localeNumber(n, tagIn(rest))} ${localePlural(n, str(one), str(many), tagIn(rest))}`,
  date: (v, ...rest) => (tagIn(rest) === 'en' ? longDate(v) : localeLongDate(v, tagIn(rest))),
  lower: (v) => str(v).toLowerCase(),
  upper: (v) => str(v).toUpperCase(),
  trim: (v) => str(v).trim(),
  default: (v, fallback) => (str(v).trim() === '' ? str(fallback) : str(v)),
  eq: (a, b) => str(a) === str(b),
  starts: (v, prefix) => str(v).startsWith(str(prefix)),
  /** The greeting's form of address without its comma: "Madame," → "Madame" (for "Veuillez agréer, Madame, …"). */
  address: (v) => str(v).replace(/[,:]\s*$/u, ''),
  ne: (a, b) => str(a) !== str(b),
  gt: (a, b) => toNumber(a) > toNumber(b),
  lt: (a, b) => toNumber(a) < toNumber(b),
  // `(mod incident.variant.own 3)`: which of three phrasings an incident's letter uses.
  mod: (a, b) => {
    const n = Math.trunc(toNumber(b));
    return n > 0 ? ((Math.trunc(toNumber(a)) % n) + n) % n : 0;
  },
  in: (v, ...rest) => rest.slice(0, -1).map(str).includes(str(v)),
  not: (v) => !v || (Array.isArray(v) && v.length === 0),
  and: (...args) => args.slice(0, -1).every(Boolean),
  or: (...args) => args.slice(0, -1).some(Boolean),
  length: (v) => (Array.isArray(v) ? v.length : str(v).length),
  join: (list, sep) => (Array.isArray(list) ? list.map(str).join(typeof sep === 'string' ? sep : ', ') : str(list)),
};
