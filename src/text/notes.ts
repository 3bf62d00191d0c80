/**
 * A manager's note as the letter's own sentences. Managers type the facts of an incident the way
 * they jot them down: "engineer didn't turn up, no call to tell you", "rebooked for Monday, our
 * senior engineer", "fee waived", "update rolled back same day. each order now checked". Pasted
 * into a letter, a note reads as a form. `noteToProse` turns a note (already through
 * text/english.ts: dates, shorthand, "i") into sentences in the writer's voice for the role the
 * field plays, changing only what a rule can read for certain:
 *
 * - a bare noun before its verb gets its word: "engineer didn't turn up" → "Our engineer didn't turn up";
 * - a note that starts with what we did: "rebooked for Monday" → "We've rebooked you for Monday";
 * - a thing and what was done to it: "fee waived" → "The fee has been waived", "temp not checked" → "The temperature wasn't checked";
 * - "no call to tell you" → "and there was no call to tell you"; "no need to send it back" → "There's no need to send it back";
 * - pieces joined by commas that are sentences of their own are split ("…, we'll ring you back" → "…, and we'll ring you back");
 *   a piece with no subject gets one ("…, should be with you Saturday" → "It should be with you on Saturday");
 * - "if not please call us" → "If not, please call us"; a day's name with no word before it gets "on".
 *
 * Anything else is left as typed. Pure; running it twice changes nothing more.
 */

import { tagWords } from './pos.js';
import { addedThings, determiners, framed, IRREGULAR_PAST, nounSplices, objectWords, outcomeFramed } from './note-shape.js';
import { splitSplices } from './splices.js';

export type NoteRole = 'mistake' | 'cause' | 'commitment' | 'outcome' | 'action' | 'remedy' | 'exposure';

export interface NoteOptions {
  /** The day the letter is written: a date after it is in the future ("will be refunded"). */
  now?: Date;
  /** Whether the commitment is in place ('done'), under way ('in-progress') or to come ('planned'): the tense an item added to it is said in. */
  status?: 'done' | 'in-progress' | 'planned';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_NAME = `(?:${WEEKDAYS.join('|')})`;

/** Determiners and words a noun phrase may open with. */
const DET = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'his', 'her', 'its', 'my', 'this', 'that', 'these', 'those', 'some', 'all', 'every', 'each', 'any', 'both', 'no', 'one', 'two', 'three', 'most', 'many', 'several', 'another', 'other']);
const PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'there', 'nobody', 'someone', 'everyone', 'everything', 'nothing', 'somebody', 'everybody', 'anyone', 'whoever', 'none', 'yours', 'ours', 'theirs', 'mine']);
/** A piece opening with one of these leans on the sentence before it. */
const LEANING = new Set(['and', 'but', 'or', 'so', 'because', 'as', 'since', 'when', 'while', 'which', 'who', 'where', 'though', 'although', 'until', 'till', 'unless', 'then', 'plus', 'including', 'incl', 'instead', 'rather', 'not', 'even', 'than', 'like', 'after', 'before', 'once', 'whether', 'with', 'without', 'on', 'in', 'at', 'by', 'for', 'from', 'to', 'of', 'via', 'about', 'around', 'during', 'between', 'within', 'through', 'into', 'onto', 'over', 'under', 'against', 'per', 'if', 'either', 'neither', 'nor', 'yet', 'also', 'only', 'just', 'still', 'again', 'too', 'e.g', 'i.e', 'etc', 'or']);
const PREPOSITIONS = new Set(['for', 'to', 'on', 'at', 'by', 'in', 'with', 'from', 'into', 'onto', 'against', 'via', 'through', 'under', 'over', 'off', 'out', 'back', 'up', 'down', 'away', 'as', 'and', 'or', 'before', 'after', 'until', 'till', 'since', 'during', 'within', 'without', 'between', 'same', 'today', 'yesterday', 'tomorrow', 'automatically', 'free', 'correctly', 'twice', 'again', 'already', 'immediately', 'straight', 'last', 'this', 'that', 'first', 'overnight']);
/** Past tenses that take no object: never a passive note ("router failed" is not "the router was failed"). */
const INTRANSITIVE = ['failed', 'crashed', 'happened', 'arrived', 'stopped', 'occurred', 'overheated', 'jammed', 'leaked', 'flooded', 'collapsed', 'tripped', 'worked', 'froze', 'died', 'disappeared', 'waited', 'shipped'];
/** More past tenses that take no object, which may also stand before a noun ("an expired certificate"): never passive, but no finite verb either. */
const NEVER_PASSIVE = /^(?:showed|expired|lapsed|wilted|melted|spoiled|bounced|stalled|vanished|slipped|overflowed|queued|lagged|existed|remained|persisted|survived)$/u;
/** Auxiliaries and verbs a clause is read by (a finite verb near the start of a piece). */
const FINITE_WORDS = new Set([
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'had', 'has', 'have', 'did', 'do', 'does', 'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must',
  'got', 'gets', 'get', 'went', 'goes', 'go', 'came', 'comes', 'come', 'made', 'makes', 'took', 'takes', 'told', 'tells', 'left', 'leaves', 'sent', 'sends', 'paid', 'pays', 'lost', 'loses',
  'ran', 'runs', 'sat', 'sits', 'stood', 'stands', 'gave', 'gives', 'kept', 'keeps', 'put', 'puts', 'said', 'says', 'saw', 'sees', 'knew', 'knows', 'found', 'finds', 'thought', 'began', 'begins',
  'brought', 'brings', 'bought', 'caught', 'let', 'lets', 'meant', 'means', 'met', 'set', 'sets', 'shut', 'sold', 'spent', 'stuck', 'broke', 'breaks', 'fell', 'falls', 'forgot', 'wrote', 'writes',
  'drove', 'flew', 'rang', 'rings', 'shows', 'look', 'looks', 'beeps', 'beep', 'sit', 'need', 'needs', 'stops', 'checks', 'lets', 'triggers', 'measures', 'arrives', 'arrive', 'ships', 'lifts', 'lift',
  'works', 'work', 'phones', 'calls', 'covers', 'happens', 'happened', 'matches', 'reads', 'read', 'holds', 'held', 'won\'t', 'can\'t', 'don\'t', 'doesn\'t', 'didn\'t', 'isn\'t', 'aren\'t', 'wasn\'t',
  'settle', 'settles', 'remain', 'remains', 'stay', 'stays', 'appear', 'appears', 'continue', 'continues', 'start', 'starts', 'stop', 'show', 'go', 'ship', 'open', 'opens', 'close', 'closes', 'fit', 'fits', 'suit', 'suits', 'cover', 'mean', 'take', 'come', 'sat', 'ran',
  ...INTRANSITIVE,
  'weren\'t', 'hasn\'t', 'haven\'t', 'hadn\'t', 'couldn\'t', 'wouldn\'t', 'shouldn\'t', 'mustn\'t',
]);
const MODAL_START = /^(?:should|will|would|can|could|may|might|must|is|are|was|were|has|have|had|won't|can't|isn't|wasn't)(?![\p{L}'’])/iu;
/** Irregular past participles (and their simple past for "we …"). */
const IRREGULAR: Readonly<Record<string, string>> = {
  sent: 'sent', put: 'put', set: 'set', left: 'left', lost: 'lost', paid: 'paid', made: 'made', done: 'did', given: 'gave', taken: 'took', shown: 'showed', written: 'wrote', sold: 'sold',
  spelt: 'spelt', burnt: 'burnt', spilt: 'spilt', learnt: 'learnt', dealt: 'dealt', stolen: 'stole', torn: 'tore', worn: 'wore', thrown: 'threw', blown: 'blew', hidden: 'hid', misread: 'misread', mislaid: 'mislaid', misheard: 'misheard', mistyped: 'mistyped', built: 'built', held: 'held', kept: 'kept', cut: 'cut', shut: 'shut', found: 'found', told: 'told', brought: 'brought', bought: 'bought', caught: 'caught', stuck: 'stuck', broken: 'broke',
  driven: 'drove', chosen: 'chose', forgotten: 'forgot', begun: 'began', spent: 'spent', rung: 'rang', read: 'read', split: 'split', reset: 'reset', rebuilt: 'rebuilt', resent: 'resent', remade: 'remade', withdrawn: 'withdrew', switched: 'switched',
};
const NOT_PARTICIPLE = new Set(['need', 'speed', 'bed', 'red', 'shed', 'feed', 'seed', 'embed', 'hundred', 'sacred', 'naked', 'wicked', 'wretched', 'beloved', 'sped', 'led', 'fed', 'wed', 'used', 'interested', 'talented', 'skilled', 'limited', 'detailed', 'advanced', 'experienced', 'registered', 'dedicated', 'tinted', 'corrected', 'expired', 'booked', 'tailored', 'heated', 'coloured', 'colored', 'printed', 'signed', 'checked', 'repeated', 'updated', 'automated', 'united', 'assorted', 'mixed', 'frozen', 'chilled', 'refurbished', 'recorded', 'named', 'trusted']);

/** Verbs a note uses of the customer's order or money, which need their object ("dispatched today" → "we dispatched it today"). */
const TAKES_OBJECT = /^(?:dispatched|shipped|reshipped|sent|posted|reposted|refunded|processed|issued|couriered|delivered|redelivered|collected|returned|reissued|resent|reprinted|repaired|fixed|replaced|credited)$/u;
/** Participles of an arrangement made now for a later day: "booked for Monday" is booked already ("is booked", never "will be booked"). */
const ARRANGED = /^(?:re)?(?:booked|scheduled|arranged|reserved|confirmed|planned|set)$/u;
/** A phrasal verb that takes no object: "turned up" is never "was turned up". */
const PHRASAL_INTRANSITIVE = /^(?:(?:turned|showed|checked|signed|logged|timed|broke|ran|went|came|fell|gave|pulled|walked|backed|woke|stepped|stayed|passed|stood|cropped|popped|blew|caught) (?:up|in|out|down|over|through|off|away|back)|called (?:in|off|back)|dropped out)$/u;

const OBJECTS = new Set(['them', 'it', 'us', 'you', 'him', 'her', 'me']);
/** A participle of a passive note is followed by where, when or how ("rolled back same day", "sent to the wrong patients"), never by its object. */
function passiveNext(after: string[]): boolean {
  if (after.length === 1) return true;
  const next = lowerWord(after[1]!);
  if (OBJECTS.has(next)) return false;
  // "wrong size sent (M not L)", "mug sent instead of green": an aside or what it replaced, never an object.
  if ((/^\(/u.test(after[1]!) || next === 'instead') && (TAKES_OBJECT.test(lowerWord(after[0]!)) || NEVER_DONE.test(lowerWord(after[0]!)))) return true;
  // "revoked the same day": when, not an object.
  if (next === 'the' && (lowerWord(after[2] ?? '') === 'same' || /^(?:day|night|week|morning) (?:before|after)$/u.test(`${lowerWord(after[2] ?? '')} ${lowerWord(after[3] ?? '')}`))) return true;
  // "picked up the wrong crate": a phrasal verb and its object, never a passive.
  if (/^(?:up|out|off|down|back|away)$/u.test(next) && (DET.has(lowerWord(after[2] ?? '')) && lowerWord(after[3] ?? '') !== 'same' || OBJECTS.has(lowerWord(after[2] ?? '')))) return false;
  if (/^(?:a|an)$/u.test(next)) return /^(?:day|week|month|year|fortnight|few|couple|second|minute)/iu.test(lowerWord(after[2] ?? ''));
  // spell16: "system affected about 200 parcels": a count after the verb is its object, never a passive's "about".
  if (/^(?:about|around|over|nearly|almost|roughly|approximately|some)$/u.test(next) && /^[\d,.]+$/u.test(after[2] ?? '')) return false;
  return PREPOSITIONS.has(next) || new RegExp(`^${DAY_NAME}`, 'u').test(after[1]!) || /^(?:and|or|but|so|together|properly|late|early|twice|correctly|wrongly|incorrectly|badly|poorly|remotely|manually|securely|permanently|daily|weekly|monthly|nightly|hourly|yearly|annually|regularly)$/u.test(next);
}
/** The words of a piece up to where a new clause joins it ("… and his visits weren't reassigned"). */
function ownClause(words: string[]): string[] {
  const i = words.findIndex((w, k) => k > 0 && /^(?:and|but|so|because|while|whereas|although|though|plus)$/iu.test(w) && k + 1 < words.length && (DET.has(lowerWord(words[k + 1]!)) || PRONOUNS.has(lowerWord(words[k + 1]!))));
  return i < 0 ? words : words.slice(0, i);
}

const lowerWord = (w: string) => w.toLowerCase().replace(/[’]/gu, "'").replace(/^[("“'‘]+|[)"”'’.,;:!?]+$/gu, '');

function isParticiple(word: string): boolean {
  const w = lowerWord(word);
  if (w in IRREGULAR || /^(?:used|owed|axed|sued)$/u.test(w)) return true;
  return /^[a-z][a-z-]{2,}ed$/u.test(w) && !['need', 'speed', 'bed', 'red', 'shed', 'feed', 'seed', 'embed', 'hundred'].includes(w);
}

/** A participle that cannot be the adjective of the noun after it ("rebooked for…", "sent the wrong…"): "corrected booklets" is a noun phrase. */
function leadsAsVerb(words: string[]): boolean {
  const [w0, w1] = words;
  if (!w0 || !isParticiple(w0)) return false;
  if (w1 === undefined) return true;
  const next = lowerWord(w1);
  if (['need', 'speed', 'bed', 'red', 'shed', 'feed', 'seed', 'hundred'].includes(lowerWord(w0))) return false;
  return PREPOSITIONS.has(next) || DET.has(next) || ['you', 'them', 'it', 'him', 'her', 'us', 'everyone', 'every'].includes(next) || /^\d/u.test(next) || new RegExp(`^${DAY_NAME}$`, 'iu').test(w1.replace(/[,.]$/u, ''));
}

const isFinite = (word: string) => {
  const w = lowerWord(word);
  return FINITE_WORDS.has(w) || /n't$/u.test(w);
};

/** Where the words of a piece reach a finite verb (an index), or -1: "our warehouse check only read the label" → 4. */
function finiteAt(words: string[], from = 0, limit = 7): number {
  for (let i = from; i < Math.min(words.length, from + limit); i++) {
    const w = lowerWord(words[i]!);
    // "later runs are paid": a word before an auxiliary is its subject's noun, not a verb.
    if (isFinite(words[i]!) && /^(?:is|are|was|were|have|has|had|will|would|can|could|should|may|might|must)$/u.test(lowerWord(words[i + 1] ?? '')) && !/^(?:it|that|this)$/u.test(w)) continue;
    // "set for cotton", "sent to the wrong patients": a participle, not a past tense.
    if (isFinite(words[i]!) && !(w in IRREGULAR && (/^(?:for|to|on|at|by|in|with|from|into|onto|via|through|under|over|against|as|instead)$/u.test(lowerWord(words[i + 1] ?? '')) || /^\(/u.test(words[i + 1] ?? '') && (TAKES_OBJECT.test(w) || NEVER_DONE.test(w))))) return i;
    // "the cert expired", "stock ran out": a verb that takes no object, ending the piece or before where/when.
    if (i > from && NEVER_PASSIVE.test(w) && (i === words.length - 1 || PREPOSITIONS.has(lowerWord(words[i + 1]!)))) return i;
    // A subordinate clause's verb is not the piece's ("… so a file can't be submitted").
    if (i > from && /^(?:so|because|which|that|who|if|when|unless|until|plus|whenever|once|before|after|while|since)$/u.test(w)) return -1;
    if (/^[a-z]{3,}ed$/u.test(w) && i > 0) {
      // "terminals declined all payments": a past tense with its object after it.
      const next = words[i + 1] ? lowerWord(words[i + 1]!) : '';
      if (DET.has(next) && !['a', 'one', 'two', 'three'].includes(next) && !(next === 'the' && lowerWord(words[i + 2] ?? '') === 'same') || OBJECTS.has(next)) return i;
      // "mixed up which email…": a phrasal verb and its object.
      if (/^(?:up|out|off|down|over)$/u.test(next) && /^(?:the|a|an|our|your|their|which|what|who|its|his|her|them|it)$/u.test(lowerWord(words[i + 2] ?? ''))) return i;
    }
  }
  return -1;
}

/** The piece opens with a subject and its verb: "we'll ring you back", "14 alarms were activated", "the scanner beeps". */
function isClause(words: string[]): boolean {
  if (words.length < 2) return false;
  const w0 = lowerWord(words[0]!);
  if (/^(?:i|we|you|they|he|she|it|there|nobody|someone|everyone|nothing)(?:'(?:ll|re|ve|d|m|s))?$/u.test(w0)) return words.length >= 2 && (/'/u.test(w0) || isFinite(words[1]!) || /^[a-z]+(?:ed|s)$/u.test(lowerWord(words[1]!)) || (words[2] !== undefined && isFinite(words[2])));
  if (LEANING.has(w0) || MODAL_START.test(w0) || isParticiple(words[0]!) && leadsAsVerb(words)) return false;
  if (!(DET.has(w0) || /^\d/u.test(w0) || /^\p{L}/u.test(w0))) return false;
  const at = finiteAt(words, 1, 6);
  if (at < 0) return false;
  // the words before the verb are a noun phrase: no preposition among them before a noun ("labels on a batch … had").
  return words.slice(0, at).every((w) => !isFinite(w));
}

/** What can be late: "late dispatch", "delayed refund". */
const LATE_THING = /^(?:dispatch|dispatches|delivery|deliveries|order|orders|parcel|parcels|reply|replies|response|responses|payment|payments|refund|refunds|arrival|collection|installation|repair|shipment|shipments|driver|engineer|courier|start|pickup|pick-up|invoice)$/u;

/** Nouns for people and parts of the company: a note's bare one is "our" ("engineer didn't turn up" → "Our engineer…"). */
const OURS = /^(?:engineer|technician|driver|crew|courier|team|vet|nurse|doctor|tutor|teacher|fitter|installer|plumber|electrician|cleaner|packer|picker|receptionist|office|warehouse|kitchen|shop|store|studio|website|site|app|system|billing system|booking system|planner|scheduler|staff|staff member|colleague|agent|adviser|advisor|operator|manager|supervisor|chef|baker|florist|printer|lab|laboratory|pharmacist|surveyor|inspector|contractor|delivery driver|call centre|contact centre|helpline|phone line|payment system|billing run)s?$/iu;
const PERSON = /^(?:engineer|technician|driver|crew|vet|nurse|doctor|tutor|teacher|fitter|installer|plumber|electrician|cleaner|surveyor|inspector|manager|adviser|advisor|specialist|team|chef|florist|stylist|therapist|mechanic|courier)s?$/u;
const PEOPLE_BATCH = /^(?:customers|clients|members|guests|users|patients|passengers|students|families|owners|subscribers|cafes|cafés|merchants|accounts|households|diners|buyers)$/iu;

function capitalise(s: string): string {
  return s.replace(/^([("“'‘]*)(\p{Ll})/u, (_m, q: string, c: string) => q + c.toUpperCase());
}

function isPlural(noun: string): boolean {
  // "WMS", "SMS", "POS": an initialism is one thing ("IDs", "PCs" keep their small s).
  if (/^\p{Lu}{2,}$/u.test(noun.replace(/[^\p{L}]/gu, ''))) return false;
  const w = lowerWord(noun);
  if (/^(?:staff|police|people|personnel|children|cattle)$/u.test(w)) return true;
  if (/^(?:yours|ours|theirs|hers|his|its|this|thus|plus|gas|yes|bus|lens|news|series|species|always|perhaps|whereas|across|sometimes|less|unless|various|previous|serious|famous|obvious|anonymous)$/u.test(w)) return false;
  return /s$/u.test(w) && !/(?:ss|us|is|ics|news)$/u.test(w);
}

type Tense = 'past' | 'present' | 'perfect' | 'future';

/** The day a piece of text names, if it names one ("Friday 27 November", "Friday"), against `now`. */
function namedDay(text: string, now: Date | undefined): Date | undefined {
  if (!now) return undefined;
  const m = new RegExp(`(?:${WEEKDAYS.join('|')})?\\s*(\\d{1,2})\\s+(${MONTHS.join('|')})(?:\\s+(\\d{4}))?`, 'u').exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!);
  let year = m[3] ? Number(m[3]) : now.getUTCFullYear();
  if (!m[3] && month - now.getUTCMonth() > 6) year--;
  if (!m[3] && now.getUTCMonth() - month > 6) year++;
  return new Date(Date.UTC(year, month, Number(m[1])));
}

function tenseFor(role: NoteRole, rest: string, now: Date | undefined, status?: NoteOptions['status']): Tense {
  const typed = tenseTyped(role, rest, now);
  // A change still under way or to come ("failover tested monthly", in progress): what will happen, unless the note says it happens now.
  if (role === 'commitment' && (status === 'in-progress' || status === 'planned') && (typed === 'present' || typed === 'perfect') && !/(?<![\p{L}])(?:now|already)(?![\p{L}])/iu.test(rest)) return 'future';
  return typed;
}

function tenseTyped(role: NoteRole, rest: string, now: Date | undefined): Tense {
  // What went wrong and why happened: "debit taken twice on 1 December" is never "will be taken".
  if (role === 'mistake' || role === 'cause') return 'past';
  if (/(?<![\p{L}])(?:same (?:day|morning|afternoon|evening|night)|yesterday|this morning|last (?:night|week)|earlier today|that (?:morning|afternoon|day|evening|night))(?![\p{L}])/iu.test(rest)) return 'past';
  // What was done to contain a leak was done at the time: "stopped the batch immediately" is "we stopped", never "we've stopped".
  if (role === 'exposure' && /(?<![\p{L}])(?:immediately|straight away|right away|at once|within minutes|the next (?:morning|day))(?![\p{L}])/iu.test(rest)) return 'past';
  if (role === 'exposure' && /\d{1,2}:\d{2}|\d(?:am|pm)(?![\p{L}])|(?<![\p{L}])within (?:the hour|the day|an hour|minutes|hours|\d)/u.test(rest)) return 'past';
  if (/(?<![\p{L}])now(?![\p{L}])/iu.test(rest)) return 'present';
  if (/(?<![\p{L}])(?:tomorrow|next week)(?![\p{L}])/iu.test(rest)) return 'future';
  const day = namedDay(rest, now);
  if (day && now) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    if (day.getTime() > today) return 'future';
    if (day.getTime() < today) return 'past';
    return 'perfect';
  }
  if (role === 'commitment' && /^(?:every|each|any|all|whenever|before|after)(?![\p{L}])/iu.test(rest.trim())) return 'present';
  // "checked after every move", "tested before each release": what now happens every time ("fixed to every press" is where).
  if (role === 'commitment' && /(?<![\p{L}])(?:after|before|on|at|during|with|for|per)\s+(?:every|each)\s+\p{L}/u.test(rest)) return 'present';
  // "billing checked by hand each month": what now happens every time.
  if ((role === 'commitment' || role === 'action') && /(?<![\p{L}])(?:(?:each|every) (?:day|night|morning|evening|week|month|year|time|order|shift|job|visit|batch|run|delivery|booking|hour|service|call|sale|return|parcel|label|item|release|appointment|session)|daily|nightly|weekly|monthly|yearly|annually|hourly)(?![\p{L}])/iu.test(rest)) return 'present';
  return 'perfect';
}

function be(tense: Tense, plural: boolean, negative: boolean): string {
  switch (tense) {
    case 'past':
      return plural ? (negative ? "weren't" : 'were') : negative ? "wasn't" : 'was';
    case 'present':
      return plural ? (negative ? "aren't" : 'are') : negative ? "isn't" : 'is';
    case 'future':
      return negative ? "won't be" : 'will be';
    default:
      return plural ? (negative ? "haven't been" : 'have been') : negative ? "hasn't been" : 'has been';
  }
}

/** Things a note is about, typed with a capital at its head ("Parcel lost", "Blue mug sent…"): common nouns, and colours. */
const COMMON_HEAD = /^(?:parcel|parcels|package|packages|box|boxes|item|items|order|orders|booking|bookings|delivery|refund|invoice|bill|charge|payment|account|table|room|mug|cake|hamper|pallet|van|label|labels|stock|fee|price|card|reader|till|terminal|server|site|website|app|portal|email|emails|letter|letters|replacement|size|colour|color|wrong|new|old|blue|red|green|black|white|grey|gray|pink|yellow|purple|orange|brown|large|small|medium)$/u;

/** A noun phrase as a sentence opens with it: a bare singular noun gets "the" (or "our", or "a new"). */
function withDeterminer(typedNp: string, role: NoteRole): string {
  let np = typedNp;
  let words = np.split(/\s+/u);
  if (words.some((w) => lowerWord(w) === 'and')) return np;
  const w0 = lowerWord(words[0]!);
  // notes12: an adverb is no noun ("never left the yard" is never "the never left…").
  if (/^(?:never|always|just|also|still|already|only|not|then|now|again|ever|often)$/u.test(w0)) return np;
  // notes12: a word typed with its capital at the head ("Order never left", "Priya forgot"): a thing the letters know is
  // said in lower case after its article ("the order"); anything else may be a name, and nobody is "the Priya".
  if (/^\p{Lu}\p{Ll}+$/u.test(words[0]!) && !(words.length > 1 && /^\p{Lu}/u.test(words[1]!))) {
    if (!COMMON_HEAD.test(w0) && !OURS.test(w0) && !LATE_THING.test(w0) && !PERSON.test(w0)) return np;
    words = [w0, ...words.slice(1)];
    np = words.join(' ');
  }
  // "booking lost": a thing one has, "the booking"; "billing", "packing" (an activity) as typed.
  if (/^[a-z]{3,}ing$/u.test(w0) && words.length === 1) return /^(?:booking|meeting|fitting|wedding|building|painting|recording|listing|setting|posting|viewing|screening|sitting|hearing|tasting|christening|reading)$/u.test(w0) ? `the ${np}` : np;
  if (DET.has(w0) || /^\d/u.test(w0) || PRONOUNS.has(w0) || /^\p{Lu}/u.test(words[0]!) && !/^\p{Lu}\p{Ll}+$/u.test(words[0]!)) return np;
  // A name the writer capitalised mid-note ("Tillpoint card terminals"): left as typed.
  if (/^\p{Lu}\p{Ll}+$/u.test(words[0]!) && words.length > 1 && /^\p{Lu}/u.test(words[1]!)) return np;
  const last = lowerWord(words[words.length - 1]!);
  const head = words.map(lowerWord).join(' ');
  // "wrong meds": the wrong ones are nobody's but ours to name.
  if (/^(?:wrong|right|correct|same|incorrect)$/u.test(w0)) return `the ${np}`;
  if (role === 'mistake' && isPlural(last) && !PEOPLE_BATCH.test(last) && !OURS.test(last)) return `your ${np}`;
  if (OURS.test(last) || OURS.test(head)) return `our ${np}`;
  if (last === 'police') return `the ${np}`;
  if (isPlural(last)) return np;
  if (w0 === 'second' && role !== 'commitment' && /^(?:charge|payment|debit|invoice|transaction|bill|email|parcel|order|booking|refund)$/u.test(last)) return `the ${np}`;
  // notes12: an adjective alone is not the noun phrase ("new hires shadow…": "new" is no "a new").
  if (words.length === 1 && /^(?:new|second|spare|extra)$/u.test(w0)) return np;
  if (w0 === 'new' || w0 === 'second' || w0 === 'spare') return `a ${np}`;
  if (w0 === 'extra') return `an ${np}`;
  return `the ${np}`;
}

const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) && !/^(?:I|I'\p{L}+)$/u.test(s.split(/\s/u)[0]!) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Predicate words a noun phrase is followed by in a note with its "is" dropped ("engineer off sick", "next delivery back on…"). */
const PREDICATE = /^(?:ill|sick|unwell|poorly|absent|off|back|ready|due|unaffected|affected|available|unavailable|closed|open|down|up|live|late|fine|safe|out|away|still|now|not|already|fully|all|both|free|correct|wrong|missing|empty|full|broken|offline|online|overdue|unclear|outdated|incomplete|inaccurate|incorrect|faulty|too)(?![\p{L}])/iu;

/** Participles a thing "was never …" ("link never sent"): what is done to an order, a message or money. */
const NEVER_DONE = /^(?:dispatched|shipped|sent|posted|refunded|processed|issued|delivered|collected|returned|emailed|texted|paid|applied|credited|cancelled|canceled|booked|logged|recorded|received|passed|ordered|updated|printed|packed|picked|signed|approved|checked|added|entered|fixed|actioned|raised|answered|forwarded|confirmed|scheduled|arranged|rebooked)$/u;

/** What an exposure note says was (or was not) involved is told in the past: "no bank details were involved". */
function exposureDone(role: NoteRole, participle: string, tense: Tense): Tense {
  if (role !== 'exposure' || tense !== 'perfect') return tense;
  return /^(?:involved|affected|included|impacted|exposed|accessed|compromised|viewed|leaked|shared|seen)$/iu.test(lowerWord(participle)) ? 'past' : tense;
}

const UNCOUNTABLE = /^(?:human error|operator error|user error|miscommunication|confusion|negligence|carelessness|bad weather|heavy traffic|traffic|weather|snow|flooding|congestion|demand|high demand|understaffing|corruption|damage|water damage|fraud|theft|sickness|illness|staff sickness)(?![\p{L}])/iu;

/** What a check misses: said of the thing missed ("missed in the morning check" → "we missed it in the morning check"). */
const MISSED = /^(?:missed|caught|flagged|spotted|noticed|overlooked|mislabelled|mislabeled|misfiled|lost|dropped|damaged)$/u;

/** Nouns that take no "a" ("bad data from the feed"). */
const MASS_NOUNS = /^(?:data|information|info|software|equipment|feedback|advice|paperwork|training|staffing|stock|traffic|weather|damage|confusion|miscommunication|negligence|demand|access|guidance|supervision|oversight|communication|capacity|cover|coverage|testing|maintenance|knowledge|evidence|power|water|heating|money|funding|time)$/u;

/** "by Friday", "by tomorrow", "by the end of the week": a state still to come ("will be back in your account by Friday"). */
const BY_LATER = new RegExp(`(?<![\\p{L}])(?:by (?:${DAY_NAME}|tomorrow|the end|end of|next|\\d{1,2} (?:${MONTHS.join('|')}))|within (?:\\d|a |an |the next|the week|the day))`, 'u');

/** The head of a sentence a note opens with, made a clause where a rule is sure. */
function fixHead(piece: string, role: NoteRole, o: NoteOptions, first = true): { text: string; plural: boolean } {
  const words = piece.split(/\s+/u).filter(Boolean);
  if (words.length === 0) return { text: piece, plural: false };
  const w0 = lowerWord(words[0]!);
  const rest = words.slice(1).join(' ');
  // notes12: "she'd asked for no lilies": a pronoun with its verb is a clause already (never "the she'd was asked").
  if (/^(?:i|we|you|they|he|she|it|there)'(?:d|ll|s|re|ve|m)$/u.test(w0)) return { text: piece, plural: false };
  // "app was down, couldn't unlock bikes": in the mistake, who couldn't is the reader ("you couldn't unlock bikes").
  if (role === 'mistake' && /^(?:couldn't|could not|couldnt|can't|cannot|weren't able to|were unable to)\s+\p{Ll}/iu.test(piece)) return { text: `you ${piece.replace(/^couldnt/iu, "couldn't").replace(/^\p{Lu}/u, (c) => c.toLowerCase())}`, plural: true };
  // Something the reader is asked to do, or a piece that opens with an adverb: as typed.
  if (IMPERATIVE.test(piece) && (role === 'action' || /^please(?![\p{L}])/iu.test(w0) || DET.has(lowerWord(words[1] ?? '')) || OBJECTS.has(lowerWord(words[1] ?? ''))) || /^[a-z]{3,}ly$/u.test(w0) && w0 !== 'family' && w0 !== 'supply') {
    return { text: piece, plural: false };
  }
  // "no action needed", "nothing to do": nothing for the reader to do.
  if (/^(?:no action (?:needed|required|necessary)|nothing (?:to do|needed|required)|no need to do anything)(?: (?:from|by|on the part of) you| on your (?:side|part|end))?$/iu.test(piece.trim())) return { text: "There's nothing you need to do", plural: false };
  // "no need to send it back" → "There's no need to send it back".
  if (/^no need(?![\p{L}])/iu.test(piece)) return { text: `There's ${lowerFirst(piece)}`, plural: false };
  // "late dispatch three times this month", "late delivery again": what was late, with its verb ("Our dispatch was late three times this month").
  if ((role === 'mistake' || role === 'cause') && /^(?:late|delayed|slow)$/u.test(w0) && words.length >= 2 && LATE_THING.test(lowerWord(words[1]!)) && finiteAt(words, 2, 99) < 0 && !words.slice(2).some((w) => isParticiple(w) && !/^(?:booked|scheduled|planned|promised|agreed|expected)$/u.test(lowerWord(w)))) {
    const thing = lowerWord(words[1]!);
    const many = isPlural(thing);
    const owner = /^(?:dispatch|dispatches|reply|replies|response|responses|payment|payments|driver|drivers|engineer|engineers|courier|couriers)$/u.test(thing) ? 'our' : 'your';
    return { text: `${owner} ${words[1]!.replace(/[,;]$/u, '')} ${many ? 'were' : 'was'} ${w0}${words.length > 2 ? ` ${words.slice(2).join(' ')}` : ''}`, plural: many };
  }
  // "no-show by our plumber", "no show from the courier": who didn't come.
  const noShow = /^no[- ]?show\s+(?:by|from)\s+(.+)$/iu.exec(piece);
  if (noShow && (role === 'mistake' || role === 'cause')) {
    const who = withDeterminer(noShow[1]!, role);
    return { text: `${who} didn't turn up`, plural: isPlural(noShow[1]!.split(/\s+/u).pop()!) };
  }
  // notes12: "technician no-show for your 8-10am slot": who didn't come, and for what.
  const whoNoShow = /^((?:our\s+)?\p{Ll}+)\s+no[- ]?show(?:\s+(for|at|on)\s+(.+))?$/u.exec(piece);
  if (whoNoShow && (role === 'mistake' || role === 'cause') && (PERSON.test(lowerWord(whoNoShow[1]!.replace(/^our\s+/u, ''))) || OURS.test(whoNoShow[1]!.replace(/^our\s+/u, '')))) {
    const who = withDeterminer(whoNoShow[1]!, role);
    return { text: `${who} didn't turn up${whoNoShow[2] ? ` ${whoNoShow[2]} ${whoNoShow[3]}` : ''}`, plural: false };
  }
  // "no duplicate check on the re-submit" (no verb) → "There was no duplicate check…".
  // ("no pick lists collects the wrong ones": a determiner not after a preposition follows a verb no list knows: as typed.)
  const unknownVerb = words.some((w, k) => k > 1 && DET.has(lowerWord(w)) && !PREPOSITIONS.has(lowerWord(words[k - 1]!)) && !LEANING.has(lowerWord(words[k - 1]!)));
  // (notes12: "no more manual address edits", a change: "There are no more manual address edits".)
  const noMore = role === 'commitment' && lowerWord(words[1] ?? '') === 'more' && words.length >= 3 && isPlural(words[words.length - 1]!);
  if (w0 === 'no' && words.length >= 2 && !unknownVerb && (noMore || !/^(?:one|longer|more|matter|doubt)$/iu.test(lowerWord(words[1]!))) && finiteAt(words, 1) < 0 && !words.slice(1).some(isParticiple)) {
    const many = noHeadPlural(words);
    return { text: `${role === 'mistake' || role === 'cause' || role === 'exposure' ? (many ? 'There were' : 'There was') : many ? 'There are' : "There's"} ${lowerFirst(piece)}`, plural: false };
  }
  // What the reader is asked to do is an imperative as typed ("resubmit any run started in…"): no subject is made up for it.
  if (role === 'action') return { text: piece, plural: false };
  // "customers couldn't top up", "prepay customers couldn't…": the letter speaks to one reader.
  if (role === 'mistake') {
    const m = /^((?:(?:all|the|some|many)\s+)?(?:[\p{Ll}-]+\s+)?)(customers|clients|members|users|subscribers|account holders)\s+(couldn't|could not|didn't|did not|weren't|were not|were|had|got|received|lost|saw|paid|can't|cannot)(?![\p{L}])/iu.exec(piece);
    if (m && !/^(?:some|many)\s/iu.test(m[1]!)) return { text: `you ${m[3]!.toLowerCase()}${piece.slice(m[0].length)}`, plural: true };
  }
  // "showed up on the bill twice", "turned up late", "sold out": a verb that takes no object, opening the note, says nothing of who did it (a charge, an engineer, a stock line): as typed.
  if (words.length > 1 && /^(?:showed up|turned up|ran out|went (?:down|off|out)|came (?:in|through|back)|fell (?:through|over|off|out)|broke down|sold out|timed out|dropped out|called in|popped up|cropped up|blew up)$/u.test(`${w0} ${lowerWord(words[1]!)}`)) return { text: piece, plural: false };
  // A participle opening the note: what we did.
  if (leadsAsVerb(words)) {
    const verb = lowerWord(words[0]!);
    // "fixed", "sorted": a verb that needs its object, alone; "We've fixed." is no sentence: as typed.
    if (words.length === 1 && !INTRANSITIVE.includes(verb)) return { text: piece, plural: false };
    const tense = tenseFor(role, rest, o.now, o.status);
    // "charged twice", "overcharged by £12", "billed for the full month": it was the reader who was charged.
    // ("moved to Friday" is the reader's visit; "moved to a new courier" is us.)
    const needsYou = /^(?:told|given|quoted|promised|offered|shown|sold)$/u.test(verb) && (role === 'mistake' || role === 'cause') && /^(?:the|a|an)$/iu.test(lowerWord(words[1] ?? '')) && /^(?:wrong|incorrect|old|out-of-date|outdated)$/iu.test(lowerWord(words[2] ?? '')) || /^upgraded$/u.test(verb) && lowerWord(words[1] ?? '') === 'to' || /^(?:re)?(?:booked|scheduled|moved|arranged)$/u.test(verb) && /^(?:for|to|on|in|at)$/iu.test(lowerWord(words[1] ?? '')) && (verb !== 'moved' || new RegExp(`^(?:${DAY_NAME}|\\d|tomorrow|next|another|later|earlier|the (?:\\d|next|following|morning|afternoon))`, 'iu').test(words.slice(2).join(' '))) || /^(?:(?:over|under|double-?|re)?charged|(?:over|double-?)?billed|invoiced)$/u.test(verb) && (role === 'mistake' || role === 'cause') && /^(?:twice|again|by|for|too|double|the|on|at|in)$/iu.test(lowerWord(words[1] ?? ''));
    // "dispatched today": a verb that takes an object, said of the thing the letter is about.
    const needsIt = !needsYou && TAKES_OBJECT.test(verb) && /^(?:today|yesterday|tonight|this|last|earlier|on|at|same|first|by)$/iu.test(lowerWord(words[1] ?? '')) || !needsYou && (TAKES_OBJECT.test(verb) || NEVER_DONE.test(verb) || MISSED.test(verb)) && /^(?:in|to|into|during|from|with|without)$/iu.test(lowerWord(words[1] ?? '')) || !needsYou && MISSED.test(verb) && /^(?:at|on)$/iu.test(lowerWord(words[1] ?? ''));
    const n1 = lowerWord(words[1] ?? '');
    const n2 = lowerWord(words[2] ?? '');
    // "covered by us", "cancelled and refunded", "paid back in full", "turned away at the door": a passive, or a verb with its object missing, whose subject the note doesn't say: as typed.
    if (!needsYou && !needsIt && (n1 === 'by' && !/^\d/u.test(n2) && !new RegExp(`^(?:${DAY_NAME}|tomorrow|tonight|noon|midday|the end|end)`, 'iu').test(words.slice(2).join(' ')) || /^(?:and|or|\+)$/u.test(n1) && isParticiple(words[2] ?? '') || /^(?:back|away|out|off)$/u.test(n1) && !DET.has(n2) && !OBJECTS.has(n2))) return { text: piece, plural: false };
    // "missed by the night shift": a passive with its agent, whose subject the note doesn't say: as typed.
    if (!needsYou && !TAKES_OBJECT.test(verb) && (NEVER_DONE.test(verb) || MISSED.test(verb)) && lowerWord(words[1] ?? '') === 'by' && !/^\d/u.test(words[2] ?? '')) return { text: piece, plural: false };
    const obj = needsYou ? ' you' : needsIt ? ' it' : '';
    const tail = rest ? ` ${rest}` : '';
    if (role === 'mistake' || role === 'cause' || tense === 'past') return { text: `we ${IRREGULAR[verb] ?? verb}${obj}${tail}`, plural: true };
    // fit13: a day still to come is what we will do ("delivered thu 3 dec" written on the 2nd: "we'll deliver it on Thursday 3 December").
    if (tense === 'future' && role !== 'commitment' && /^(?:delivered|dispatched|shipped|sent|posted|couriered|collected|fitted|installed|re-?delivered|re-?sent)$/u.test(verb)) return { text: `we'll ${baseOf(verb)}${obj}${tail}`, plural: true };
    return { text: `we've ${verb}${obj}${tail}`, plural: true };
  }
  // "tracking to follow", "invoice to follow": what is still to come.
  const toFollow = /^([\p{L}][\p{L}\s-]*?) to (?:follow|come)$/iu.exec(piece);
  if (toFollow && !PRONOUNS.has(w0) && finiteAt(words, 0) < 0) return { text: `${toFollow[1]} will follow`, plural: false };
  // "adding a duplicate-file check…": what we're doing.
  // ("arriving by Friday", "leaving the warehouse tomorrow" is the order's doing, not ours.)
  if (/^[a-z]{3,}ing$/u.test(w0) && words.length > 1 && ingTakesObject(words) && !/^(?:arriving|coming|landing|leaving|heading|travelling|traveling|reaching|showing|going|getting|waiting|sitting|running)$/u.test(w0) && !['during', 'including', 'following', 'regarding', 'according', 'nothing', 'something', 'everything', 'anything', 'morning', 'evening', 'packing', 'billing', 'booking', 'training', 'building', 'parking', 'heating', 'printing', 'shipping', 'cleaning', 'tinting', 'firing', 'monitoring', 'scheduling', 'setting', 'settings', 'opening', 'pricing', 'funding', 'wedding', 'meeting', 'painting', 'marking', 'sharing', 'sending', 'charging', 'processing'].includes(w0) && finiteAt(words, 1, 99) < 0 && (role === 'commitment' || role === 'outcome' || role === 'remedy')) {
    return { text: `we're ${piece}`, plural: true };
  }
  if (PRONOUNS.has(w0) || /^(?:i|we|you|they)'/u.test(w0) || DET.has(w0) && finiteAt(words, 1) > 0 && !leadsPassive(words, 1)) {
    const at = finiteAt(words, 1);
    return { text: piece, plural: /^(?:we|you|they)(?:'\p{L}+)?$/u.test(w0) || (at > 0 && isPlural(words[at - 1]!)) || (at > 1 && /^\(/u.test(words[at - 1]!) && isPlural(words[at - 2]!)) };
  }
  // A noun phrase, then a participle and no verb after it: a passive note ("fee waived", "update rolled back same day").
  const np = nounPhraseEnd(words);
  if (np > 0 && np < words.length) {
    const head = words.slice(0, np).join(' ');
    const plural = isPlural(words[np - 1]!) || words.slice(1, np).some((w) => lowerWord(w) === 'and');
    let i = np;
    const adverbs: string[] = [];
    while (i < words.length && /^(?:now|also|only|still|all|then|automatically|already)$/iu.test(lowerWord(words[i]!))) adverbs.push(words[i++]!);
    // "tracking link never sent", "refund never processed": a thing was never done to (a person or part of ours "never called" did it: as typed).
    if (adverbs.length === 0 && lowerWord(words[i] ?? '') === 'never' && NEVER_DONE.test(lowerWord(words[i + 1] ?? '')) && !OURS.test(lowerWord(words[np - 1]!)) && !PERSON.test(lowerWord(words[np - 1]!)) && passiveNext(words.slice(i + 1))) adverbs.push(words[i++]!);
    const negative = /^not$/iu.test(words[i] ?? '');
    if (negative) i++;
    const after = words.slice(i);
    const own = ownClause(after);
    const phrasal = after.length > 1 && PHRASAL_INTRANSITIVE.test(`${lowerWord(after[0]!)} ${lowerWord(after[1]!)}`);
    // "any job not started within 1hr now flags to a supervisor": the participle qualifies the noun, a later verb is the sentence's.
    const laterVerb = after.slice(1).some((w, k) => /^(?:now|then|automatically|also|always)$/iu.test(lowerWord(w)) && /^[a-z]{3,}s$/u.test(lowerWord(after[k + 2] ?? '')) || /^(?:not|never)$/iu.test(lowerWord(w)) && isParticiple(after[k + 2] ?? ''))
      // "letter sent to the wrong address collected back unopened": a second participle straight after a noun is the sentence's verb.
      || own.some((w, k) => k >= 3 && /^\p{Ll}/u.test(w) && /^[a-z]{3,}ed$/u.test(lowerWord(w)) && !NOT_PARTICIPLE.has(lowerWord(w)) && /^\p{Ll}[\p{Ll}-]*[a-z]$/u.test(own[k - 1]!) && !/^(?:and|or|then|be|been|being|was|were|is|are|not|never|also|now|just|already|still|get|got|had|has|have|the|a|an|your|our|their|its|his|her)$/u.test(lowerWord(own[k - 1]!)) && !/ly$/u.test(lowerWord(own[k - 1]!)) && !PREPOSITIONS.has(lowerWord(own[k - 1]!)) && !isParticiple(own[k - 1]!));
    // "found and on its way": "and" joins something no auxiliary fits, so the note is left as typed.
    const joinsOther = after.some((w, k) => k > 0 && /^(?:and|or|\+)$/iu.test(w) && after[k + 1] !== undefined && (PREDICATE.test(lowerWord(after[k + 1]!)) || /^(?:on|in|at|with)$/iu.test(lowerWord(after[k + 1]!)) && !/^\p{Lu}/u.test(after[k + 2] ?? '')));
    // "fridge door left open overnight": "left" with the state it was left in is a passive.
    if (joinsOther && isParticiple(after[0]!) && !INTRANSITIVE.includes(lowerWord(after[0]!)) && finiteAt(own, 1, 99) < 0) return { text: piece, plural };
    const leftIn = /^left$/iu.test(after[0] ?? '') && /^(?:open|on|off|unlocked|unattended|behind|outside|running|unplugged|unsigned)$/iu.test(lowerWord(after[1] ?? ''));
    if (after.length > 0 && isParticiple(after[0]!) && !INTRANSITIVE.includes(lowerWord(after[0]!)) && !NEVER_PASSIVE.test(lowerWord(after[0]!)) && !phrasal && !laterVerb && !joinsOther && (leftIn || finiteAt(own, 1, 99) < 0 && passiveNext(after))) {
      // "every order weighed before dispatch": the quantifier of the noun says it is what always happens.
      const told0 = words.slice(0, np).some((w) => /\p{L}{2,}/u.test(w.replace(/^\d+x$/u, '')) || /^[£$€]\d/u.test(w));
    if (!told0 && isParticiple(after[0] ?? '')) return { text: piece, plural };
    const told = tenseFor(role, words.slice(np).join(' '), o.now, o.status) === 'perfect' && role === 'commitment' && /^(?:every|each)$/iu.test(lowerWord(words[0]!)) ? 'present' : exposureDone(role, after[0]!, tenseFor(role, words.slice(np).join(' '), o.now, o.status));
      const tense = told === 'future' && ARRANGED.test(lowerWord(after[0]!)) ? 'present' : told;
      // "done by 5pm", "sent by Friday": has been … by a time is no tense (done already, or to be): as typed.
      if (tense === 'perfect' && new RegExp(`(?<![\\p{L}])by (?:\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)|${DAY_NAME}|tomorrow|tonight|noon|midday|the end)`, 'iu').test(after.join(' '))) return { text: piece, plural };
      // "collected on Friday" with no date: last Friday or next, "has been … on Friday" is neither: as typed.
      if (tense === 'perfect' && new RegExp(`(?<![\\p{L}])on ${DAY_NAME}(?![\\p{L}]|\\s+\\d)`, 'u').test(after.join(' ')) && !ARRANGED.test(lowerWord(after[0]!))) return { text: piece, plural };
      const aux = be(tense, plural, negative);
      const adv = adverbs.length ? ` ${adverbs.join(' ')}` : '';
      const auxWords = aux.split(' ');
      // "are now booked", "has now been…": the adverb after the first auxiliary word.
      const verbGroup = adv ? `${auxWords[0]}${adv}${auxWords.length > 1 ? ` ${auxWords.slice(1).join(' ')}` : ''}` : aux;
      return { text: `${withDeterminer(head, role)} ${verbGroup} ${after.join(' ')}`, plural };
    }
    // "engineer off sick", "next delivery back on the normal schedule": the dropped "is".
    // "card machine down all morning", "booking site offline for 3 hours", "manager on leave": the same.
    const downOrAway = after.length > 0 && (/^(?:offline|online)$/iu.test(lowerWord(after[0]!)) || lowerWord(after[0]!) === 'down' && (after.length === 1 || /^(?:for|since|all|in|at|from|until|till|between|because|overnight|again|today|yesterday|most|twice|so|and)$/iu.test(lowerWord(after[1]!))) || /^on (?:leave|holiday|annual leave|sick leave|maternity leave|paternity leave)(?![\p{L}])/iu.test(after.join(' ')));
    // spell16: "system affected about 200 parcels": "affected" with a count after it is the verb and its object, not a state.
    const counted = /^(?:affected|impacted)$/iu.test(lowerWord(after[0] ?? '')) && /^(?:about|around|over|nearly|almost|roughly|some|approximately|\d[\d,]*)$/iu.test(lowerWord(after[1] ?? ''));
    if (after.length > 0 && !counted && (PREDICATE.test(after[0]!) && !/^(?:out|up|down|all|both|still|now|not)$/iu.test(lowerWord(after[0]!)) || downOrAway) && (!negative || /^(?:ready|available|open|working|there|in|on|up|back|correct|right|enough|clear|done|finished|complete|signed|valid)$/iu.test(lowerWord(after[0]!))) && adverbs.length === 0 && finiteAt(own, 0, 99) < 0 && !own.slice(1).some((w) => /^[a-z]{3,}ed$/u.test(lowerWord(w)))) {
      const told = tenseFor(role, after.join(' '), o.now, o.status);
      const tense = role === 'mistake' || role === 'cause' ? 'past' : told === 'past' ? 'past' : told === 'future' || BY_LATER.test(after.join(' ')) ? 'future' : 'present';
      const since = /(?<![\p{L}])since(?![\p{L}])/iu.test(after.join(' ')) && role !== 'mistake' && role !== 'cause';
      const aux = since ? (plural ? 'have been' : 'has been') : tense === 'past' ? (plural ? 'were' : 'was') : tense === 'future' ? 'will be' : plural ? 'are' : 'is';
      // "prescription not ready": the "not" the note kept goes with its verb ("wasn't ready").
      const said = !negative ? aux : aux === 'will be' ? "won't be" : aux.includes(' ') ? aux.replace(/^(ha(?:s|ve))/u, "$1n't") : `${aux}n't`;
      return { text: `${bareSubject(head, np, role)} ${said} ${after.join(' ')}`, plural };
    }
    // "top-ups working again since…": the dropped "are".
    if (after.length > 0 && /^[a-z]{3,}ing$/u.test(lowerWord(after[0]!)) && !adverbs.length && finiteAt(own, 1, 99) < 0 && !own.slice(1).some((w) => isParticiple(w) || isFinite(w)) && (after.length === 1 || PREPOSITIONS.has(lowerWord(after[1]!)) || /^(?:again|normally|fine|well|now|properly|as)$/u.test(lowerWord(after[1]!)))) {
      const tense = role === 'mistake' || role === 'cause' ? 'past' : 'present';
      const since = /(?<![\p{L}])since(?![\p{L}])/iu.test(after.join(' '));
      const aux = tense === 'past' ? (plural ? 'were' : 'was') : since ? (plural ? 'have been' : 'has been') : plural ? 'are' : 'is';
      return { text: `${withDeterminer(head, role)} ${aux} ${after.join(' ')}`, plural };
    }
    // A bare noun with its verb: "engineer didn't turn up" → "our engineer didn't turn up".
    let at = finiteAt(words, np, 3);
    // "engineer never showed up": an adverb, then a past tense the word lists don't hold.
    if (at < 0 && /^(?:never|just|always|already|also|still)$/iu.test(lowerWord(words[np] ?? '')) && /^[a-z]{3,}ed$/u.test(lowerWord(words[np + 1] ?? ''))) at = np + 1;
    if (at < 0 && NEVER_PASSIVE.test(lowerWord(words[np] ?? ''))) at = np;
    if (at < 0 && PHRASAL_INTRANSITIVE.test(`${lowerWord(words[np] ?? '')} ${lowerWord(words[np + 1] ?? '')}`)) at = np;
    if (at === np || (at > np && words.slice(np, at).every((w) => /^(?:now|also|only|still|then|never|always|just|already)$/iu.test(lowerWord(w))))) {
      const verb = lowerWord(words[at]!);
      const next = lowerWord(words[at + 1] ?? '');
      // "address checks added at checkout": "checks" was the noun's, and a participle follows: as typed.
      if (/s$/u.test(verb) && words[at + 1] !== undefined && isParticiple(words[at + 1]!) && !DET.has(next)) return { text: piece, plural };
      // "wine sent separately": a thing (no person of ours) and a verb done to things, with no object after it, is a passive no rule is sure of: as typed.
      const thing = !OURS.test(lowerWord(words[np - 1]!)) && !PERSON.test(lowerWord(words[np - 1]!));
      // ("order shipped without the charger": a verb that takes no object here says what the thing did, with its article.)
      if (at === np && thing && INTRANSITIVE.includes(verb) && /^(?:without|with|late|early|on|to|from|in|at|before|after|today|yesterday)$/u.test(next) && /^\p{Ll}/u.test(words[0]!) && !DET.has(lowerWord(words[0]!))) return { text: `${withDeterminer(head, role)} ${words.slice(np).join(' ')}`, plural };
      if (at === np && thing && (TAKES_OBJECT.test(verb) || NEVER_DONE.test(verb)) && !DET.has(next) && !OBJECTS.has(next) && !/^(?:up|out|off|down|back|away|over)$/u.test(next)) return { text: piece, plural };
      return { text: `${bareSubject(head, np, role)} ${words.slice(np).join(' ')}`, plural };
    }
    // "orders placed on Monday sat on our shelf": the reader's own, in the mistake.
    if (role === 'mistake' && plural && isParticiple(words[np]!) && !DET.has(lowerWord(words[0]!)) && !PEOPLE_BATCH.test(lowerWord(words[np - 1]!)) && finiteAt(words, np + 1, 12) > 0) {
      return { text: `your ${lowerFirst(piece)}`, plural };
    }
  }
  // "software update to our order system mixed up which…": a bare noun with its phrase, then its verb.
  if (first && (role === 'cause' || role === 'mistake') && np === 0 && /^\p{Ll}/u.test(words[0]!) && !DET.has(w0) && !PRONOUNS.has(w0) && !PREPOSITIONS.has(w0) && !LEANING.has(w0) && !isParticiple(words[0]!) && !/^[a-z]{3,}(?:ly|ing)$/u.test(w0)) {
    const at = finiteAt(words, 1, 9);
    const prep = words.findIndex((w, k) => k > 0 && PREPOSITIONS.has(lowerWord(w)));
    const headEnd = prep > 0 ? nounPhraseEnd(words.slice(0, prep)) : 0;
    if (at > prep && prep > 0 && headEnd === prep && !isPlural(words[prep - 1]!) && words.slice(0, at).every((w) => !isFinite(w) && !isParticiple(w))) return { text: `${withDeterminer(words.slice(0, prep).join(' '), role)} ${words.slice(prep).join(' ')}`, plural: false };
  }
  // A cause that is a noun phrase ("expired security certificate on the link…"): its article.
  if (first && (role === 'cause' || role === 'commitment') && !/^(?:never|not|always|only|also|just|still|even|then|now|ever|once|twice)$/u.test(w0) && causeIsNoun(piece) && !DET.has(w0) && /^\p{Ll}|^\p{Lu}\p{Ll}+$/u.test(words[0]!) && !/^\p{Lu}/u.test(words[1] ?? '')) {
    const plural = isPlural(words.find((_w, k) => k > 0 && PREPOSITIONS.has(lowerWord(words[k + 1] ?? 'on'))) ?? words[0]!);
    // "switched courier": a participle opening it may be what we did: as typed.
    if (isParticiple(words[0]!) && !NOT_PARTICIPLE.has(w0) && !NEVER_PASSIVE.test(w0)) return { text: piece, plural };
    // notes12: a determiner after a word that is no preposition ("new hires shadow a senior"): that word is a verb no list knows, so no article.
    if (words.some((w, k) => k > 1 && /^(?:a|an|the|every|each)$/u.test(lowerWord(w)) && !PREPOSITIONS.has(lowerWord(words[k - 1]!)) && !LEANING.has(lowerWord(words[k - 1]!)) && !/^(?:of|per)$/u.test(lowerWord(words[k - 1]!)))) return { text: piece, plural };
    // A participle after the noun ("scales calibrated weekly"): whether it is a noun phrase is uncertain, so no article.
    if (words.some((w, k) => k > 0 && isParticiple(w))) return { text: piece, plural };
    // A gerund after the noun ("alerts going to the on-call phone"): a verb the note dropped its "are" from, so no article.
    if (words.some((w, k) => k > 0 && /^[a-z]{2,}ing$/u.test(lowerWord(w)) && !ING_NOUNS.has(lowerWord(w)) && !/^(?:during|including|following|regarding|according|morning|evening|something|nothing|anything|everything|thing|spring|string|ceiling|building|wedding|meeting|clothing|bedding|parking|booking|billing|training|setting|settings|pricing|funding|painting|opening)$/u.test(lowerWord(w)))) return { text: piece, plural };
    // "human error", "miscommunication", "bad weather": no article for what cannot be counted.
    const prepAt = words.findIndex((w, k) => k > 0 && PREPOSITIONS.has(lowerWord(w)));
    const headNoun = lowerWord(words[(prepAt < 0 ? words.length : prepAt) - 1]!);
    return { text: plural || UNCOUNTABLE.test(piece) || MASS_NOUNS.test(headNoun) ? lowerFirst(piece) : `${/^[aeio]/iu.test(w0) ? 'an' : 'a'} ${lowerFirst(piece)}`, plural };
  }
  return { text: piece, plural: isPlural(words[0]!) };
}

/** "no pick lists", "no reminder texts for Friday": the noun after "no" (before any preposition) is plural. */
function noHeadPlural(words: string[]): boolean {
  let end = words.findIndex((w, k) => k > 0 && (PREPOSITIONS.has(lowerWord(w)) || LEANING.has(lowerWord(w)) || PREDICATE.test(lowerWord(w)) || k > 1 && isParticiple(w) || /[,;]$/u.test(words[k - 1]!)));
  if (end < 0) end = words.length;
  const last = words[end - 1];
  return end > 1 && last !== undefined && isPlural(last) && !/^(?:less|loss|access|address|process|progress|business|glass|gas|bus)$/u.test(lowerWord(last));
}

/** "-ing" nouns a note opens with ("tracking link already emailed" is a link, not something we're doing). */
const ING_NOUNS = new Set(['tracking', 'ticketing', 'invoicing', 'routing', 'labelling', 'labeling', 'picking', 'ordering', 'messaging', 'banking', 'accounting', 'catering', 'plumbing', 'roofing', 'housing', 'lighting', 'seating', 'landing', 'flooring', 'clothing', 'bedding', 'filling', 'icing', 'shopping', 'marketing', 'staffing', 'onboarding', 'boarding', 'listing', 'recording', 'posting', 'warning', 'rating', 'handling', 'housekeeping', 'bookkeeping', 'wiring', 'plating', 'packaging', 'ceiling', 'railing', 'fencing', 'decking', 'tiling', 'cladding', 'glazing', 'rendering', 'dressing', 'stuffing', 'topping', 'frosting', 'seasoning', 'servicing', 'logging', 'reporting', 'alerting', 'hosting', 'networking', 'testing']);
/** "adding a second check", "moving to a new courier": an "-ing" verb before its object or where; a bare word after it is read only when no participle follows ("tracking link already emailed" is a noun phrase and a passive). */
function ingTakesObject(words: string[]): boolean {
  const next = lowerWord(words[1] ?? '');
  if (DET.has(next) && next !== 'no' || OBJECTS.has(next)) return true;
  // "tracking every parcel" is a verb; "tracking link" a noun.
  if (ING_NOUNS.has(lowerWord(words[0]!))) return false;
  if (PREPOSITIONS.has(next) || /^\d/u.test(next)) return true;
  return /^\p{Ll}/u.test(words[1] ?? '') && !words.slice(1).some((w) => isParticiple(w) || isFinite(w));
}

/** A bare noun subject as a sentence opens with it: only a one-word noun, or one of ours, gets its word ("sick cover now triggers…" is left as typed). */
function bareSubject(head: string, np: number, role: NoteRole): string {
  const words = head.split(/\s+/u);
  if (DET.has(lowerWord(words[0]!)) || /^\d/u.test(words[0]!)) return head;
  if (/^(?:next|first|last|same|following)$/iu.test(words[0]!)) return `the ${head}`;
  // notes12: "2nd charge reversed": the second of what was taken is the one meant ("the second charge").
  if (/^second$/iu.test(words[0]!) && role !== 'commitment' && /^(?:charge|payment|debit|invoice|transaction|bill|email|parcel|order|booking|refund)$/iu.test(lowerWord(words[words.length - 1]!))) return `the ${head}`;
  if (/^(?:new|second|spare|extra|another)$/iu.test(words[0]!)) return /^another$/iu.test(words[0]!) || words.length === 1 || isPlural(words[words.length - 1]!) ? head : `${/^extra$/iu.test(words[0]!) ? 'an' : 'a'} ${head}`;
  if (np <= 3 && !isPlural(words[words.length - 1]!) || OURS.test(lowerWord(words[words.length - 1]!)) || role === 'mistake' && isPlural(words[words.length - 1]!)) return withDeterminer(head, role);
  return head;
}

function leadsPassive(words: string[], from: number): boolean {
  const at = finiteAt(words, from);
  return at < 0;
}

/** How many words of a note's start are a noun phrase (no verb, no preposition, at most five words), or 0. */
function nounPhraseEnd(words: string[]): number {
  let i = 0;
  if (isFinite(words[0]!) || MODAL_START.test(words[0]!)) return 0;
  if (DET.has(lowerWord(words[0]!))) i++;
  const start = i;
  while (i < words.length && i - start < 5) {
    const w = words[i]!;
    const lw = lowerWord(w);
    if (i > start && (isParticiple(w) || isFinite(w) || PREDICATE.test(lw) || lw === 'being' || lw === 'on' && /^(?:leave|holiday|annual|sick|maternity|paternity)$/u.test(lowerWord(words[i + 1] ?? '')) || /^[a-z]{3,}ing$/u.test(lw) && i > start || /^(?:never|always|just|ever|often|sometimes|usually)$/u.test(lw))) break;
    if (lw === 'and' && i > start && words[i + 1] && !PRONOUNS.has(lowerWord(words[i + 1]!)) && !DET.has(lowerWord(words[i + 1]!)) && !isParticiple(words[i + 1]!) && !isFinite(words[i + 1]!) && !/^[a-z]{3,}ing$/u.test(lowerWord(words[i + 1]!)) && !PREDICATE.test(words[i + 1]!)) {
      i++;
      continue;
    }
    if (PREPOSITIONS.has(lw) && !['last', 'this', 'that', 'first', 'same', 'free', 'back', 'second'].includes(lw) || LEANING.has(lw) && lw !== 'per') return 0;
    if (/[,;:]$/u.test(w)) return 0;
    // "picker collects the wrong ones": a determiner after the noun opens a verb's object, so the words before hold a verb no list knows.
    if (i > start && DET.has(lw)) return 0;
    if (isParticiple(w) && !NOT_PARTICIPLE.has(lw) && i === start) return 0;
    i++;
  }
  // A noun phrase has a noun: "checked" alone is none.
  if (words.slice(start, i).every((w) => isParticiple(w) || DET.has(lowerWord(w)))) return 0;
  return i > start ? i : 0;
}

export function baseOf(participle: string): string {
  const irregular: Record<string, string> = { sent: 'send', paid: 'pay', made: 'make', done: 'do', given: 'give', taken: 'take', shown: 'show', written: 'write', sold: 'sell', built: 'build', held: 'hold', kept: 'keep', found: 'find', told: 'tell', brought: 'bring', bought: 'buy', put: 'put', set: 'set', left: 'leave', run: 'run', read: 'read', cut: 'cut', rebuilt: 'rebuild', resent: 'resend', remade: 'remake', split: 'split', reset: 'reset' };
  if (irregular[participle]) return irregular[participle]!;
  if (/ied$/u.test(participle)) return participle.replace(/ied$/u, 'y');
  if (/([bcdfgklmnprstvz])\1ed$/u.test(participle) && !/(?:ll|ss|ff|zz)ed$/u.test(participle)) return participle.slice(0, -3);
  if (/(?:at|iz|is|ag|ur|ov|iv|ar|ok|ut|ag|ang|ir|ud|id|in|uc|ic|ed|ac|ap|al|ib|ob|rg|rc|ns|ps|ls|ys|av|ev|ul)ed$/u.test(participle)) return participle.slice(0, -1);
  return participle.replace(/ed$/u, '');
}

// ---------------------------------------------------------------------------------------------

/** Full names for the weekdays typed short in a note that the date normaliser leaves where no date words are around them ("if mon doesn't suit", "mon+tues"). */
export function weekdayWords(text: string): string {
  let t = text;
  if (/(?:mon|tue|wed|thu|fri)s?\s*\+\s*(?:mon|tue|wed|thu|fri|sat|sun)/iu.test(t)) t = t.replace(/(?<![\p{L}])(mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\s*\+\s*(mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)(?![\p{L}])/giu, (_m, a: string, b: string) => `${dayName(a)} and ${dayName(b)}`);
  t = t.replace(/(?<![\p{L}\p{N}'’])(mon|tues|tue|weds|thurs|thur|thu|fri)(?![\p{L}\p{N}'’])\.?/gu, (_m, d: string) => dayName(d));
  // "Tuesday 11:05" → "Tuesday at 11:05".
  t = t.replace(new RegExp(`(${DAY_NAME})\\s+(?=\\d{1,2}:\\d{2}(?!\\d))`, 'gu'), '$1 at ');
  return t;
}
function dayName(d: string): string {
  const k = d.toLowerCase().slice(0, 3);
  return WEEKDAYS.find((w) => w.toLowerCase().startsWith(k))!;
}

/** Note words a letter spells out: "temp" (of a machine) → "temperature". */
/** Words that pick out one thing of several ("the wrong size", "the old address"): never without their article in a letter. */
const PICKED = /^(?:wrong|right|correct|incorrect|old|original|previous|same|other|latest|earlier|later|updated|outdated)$/u;
/** What comes before a picked thing that needs "the": a preposition, a verb, or the note's start. */
const BEFORE_PICKED = /^(?:with|w|from|to|on|in|at|into|onto|for|of|by|via|through|under|over|instead|picked|grabbed|sent|shipped|posted|delivered|used|took|got|gave|packed|printed|charged|billed|emailed|texted|booked|chose|applied|loaded|installed|fitted|iced|labelled|labeled|entered|typed|read|showed|displayed|pulled|ran|added|attached|opened|quoted|scanned|sold|put|left)$/u;
/** Things a customer has a next one of: "off next order" is "off your next order". */
const NEXT_THING = /^(?:order|visit|booking|appointment|purchase|delivery|stay|shop|service|box|bill|invoice|renewal|session|lesson|class|treatment|meal|hire|rental|subscription|payment|month|year|trip|flight|haircut|cut|clean|check-up|checkup)s?$/u;

/**
 * A telegraph note's missing small words, where the reading is certain: "sent w/ wrong date" →
 * "sent with the wrong date", "picked old address" → "picked the old address", "20% off next
 * order" → "20% off your next order", a cause typed after "because" without it ("b/c stock count
 * was wrong": the letter's own "because" goes before it).
 */
function smallWords(text: string, role: NoteRole): string {
  let t = text;
  if (role === 'cause') t = t.replace(/^(?:because(?: of)?|since|as|due to|cause(?: was)?:?|reason:?)\s+(?=\S)/iu, (m: string) => (/of|due/iu.test(m) ? m : ''));
  if (/(?:wrong|right|correct|old|original|previous|same|other|latest|earlier|later|updated|outdated)\s/iu.test(t)) {
    t = t.replace(/(^|[\s(])(\p{L}+\s+)?(wrong|right|correct|incorrect|old|original|previous|same|other|latest|earlier|later|updated|outdated)(\s+)(?=(\p{Ll}[\p{Ll}-]*))/gu, (m: string, lead: string, before: string | undefined, w: string, sp: string, next: string) => {
      if (!PICKED.test(w) || /^(?:and|or|but|to|than|as|that|if|one|ones|way|time|enough|now|again|away|back|before|after|in|on|at|by|for|with|from|of|is|are|was|were|then|because|so|and)$/u.test(next) || /(?:ly|ing)$/u.test(next)) return m;
      const b = before?.trim().toLowerCase();
      if (b === undefined ? lead !== '' : !BEFORE_PICKED.test(b)) return m;
      // "same day" is when (the rule in noteToProse); "other" before a plural is "the other ones" only with its article typed.
      if (w === 'same' && /^(?:day|week|afternoon|morning|evening)$/u.test(next) || w === 'other' || w === 'right' && !b) return m;
      return `${lead}${before ?? ''}the ${w}${sp}`;
    });
  }
  // notes12: "courier lost parcel": what we did to the reader's thing, with its "your".
  if (role === 'mistake' && /(?:lost|damaged|misplaced|mislaid|dropped|cancelled|canceled|delayed|opened|broke|returned|rejected)\s/u.test(t)) t = t.replace(/(?<![\p{L}])(lost|damaged|misplaced|mislaid|dropped|cancelled|canceled|delayed|opened|broke|returned|rejected)\s+(parcel|package|order|booking|item|delivery|refund|invoice|appointment|reservation|payment|box|hamper|cake)(?![\p{L}-])/gu, '$1 your $2');
  // "sent instead of green": the one it should have been ("instead of the green one").
  if (/instead of\s/u.test(t)) t = t.replace(/(?<![\p{L}])instead of\s+(blue|red|green|black|white|grey|gray|pink|yellow|purple|orange|brown|navy|silver|gold|large|small|medium|big|left|right)(?=\s*(?:$|[,.;)!]))/gu, 'instead of the $1 one');
  // "we promised 24h delivery but took 6 days": what took the time ("but it took 6 days").
  if (/but\s+took\s/u.test(t)) t = t.replace(/(?<=(?:^|\s)but)\s+took\s+(?=(?:about\s+|over\s+|nearly\s+|almost\s+)?\d)/gu, ' it took ');
  // "because of card terminal update": a thing that happened once, with its "a".
  if (/because of\s|due to\s/u.test(t)) t = t.replace(/(?<=(?:^|\s)(?:because of|due to))\s+(?=((?:\p{Ll}[\p{Ll}-]*\s+){0,3})(update|upgrade|change|fault|glitch|bug|outage|power cut|cut|failure|mistake|mix-up|error|problem|issue|delay|strike|breakdown|leak|crash|migration)(?=\s*$|[,.;)]))/gu, (m: string, mid: string) => (/^(?:a|an|the|our|your|their|this|that|human|operator|user|system)\s/u.test(mid) || mid === '' && false ? m : ` ${/^[aeiou]/u.test(mid) ? 'an' : 'a'} `));
  // notes12: "ready for collection 10am": when, with its "at".
  if (/(?:collection|pickup|pick-up|delivery|arrival|dispatch)\s+\d/u.test(t)) t = t.replace(/(?<=(?:^|\s)(?:collection|pickup|pick-up|delivery|arrival|dispatch))\s+(?=\d{1,2}(?::\d{2})?(?:am|pm)(?![\p{L}\p{N}]))/gu, ' at ');
  // "on main server", "at front desk": the one we have ("on the main server").
  if (/(?:main|front|back|central|head)\s/u.test(t)) t = t.replace(/(?<![\p{L}])(on|at|in|from|to|into|behind)\s+(main|front|back|central|head)\s+(?=\p{Ll})/gu, '$1 the $2 ');
  // "refund £24.99 done": what we did ("we've refunded £24.99").
  if (role === 'outcome' && /^refund\s/iu.test(t)) t = t.replace(/^refund\s+([£$€]\d[\d,.]*)\s+(?:done|issued|processed|sent|made|paid|complete|completed)(?=\s*(?:$|[,.;]))/iu, "we've refunded $1");
  // "free dessert for the table next visit": when, with its word ("on your next visit").
  if (/next\s/iu.test(t)) t = t.replace(/(?<=\p{Ll}{2,})\s+next\s+(visit|order|booking|appointment|stay|delivery|session|lesson|class|treatment|meal|trip|flight|haircut)(?=\s*$|\s*[,.;)])/gu, (m: string, thing: string, at: number, all: string) => (/(?:^|\s)(?:on|off|for|to|with|at|in|from|your|our|the|a|my|their|his|her)$/iu.test(all.slice(0, at)) ? m : ` on your next ${thing}`));
  // "added twice on invoice", "stuck at depot": the reader's paper and our places have their word ("on your invoice", "at the depot").
  if (/(?:on|to|from|in|at|into)\s/iu.test(t)) t = t.replace(/(?<![\p{L}])(on|to|from|in|into)\s+(invoice|bill|receipt|statement|account|basket|booking confirmation|order confirmation)(?=\s*$|[,.;)]|\s+(?:and|but|so|because|twice|again|by|for|at|on|in|from)(?![\p{L}]))/gu, '$1 your $2')
    .replace(/(?<![\p{L}])(at|from|in|to|into|outside)\s+(depot|warehouse|hub|sorting office|front desk|counter|gate|loading bay)(?=\s*$|[,.;)]|\s+(?:and|but|so|because|for|by|on|at|in|from|until|overnight|again|\d)(?![\p{L}]))/gu, '$1 the $2');
  // "stuck at the depot 4 days": how long, with its "for".
  if (/\d\s+(?:days|hours|weeks|minutes|months)/u.test(t)) t = t.replace(/(?<=(?:^|\s)(?:stuck|held|kept|sat|waiting|left|delayed|down|offline|closed|lost|missing|parked|queued)(?:\s+(?:at|in|on)\s+(?:the|our|your)\s+[\p{Ll}-]+)?)\s+(\d+\s+(?:days|hours|weeks|minutes|months))(?=\s*$|[,.;])/gu, ' for $1');
  // "power cut at the warehouse, so orders held": what followed, with its verb ("so orders were held").
  if ((role === 'mistake' || role === 'cause') && /,\s*so\s/iu.test(t)) t = t.replace(/(,\s*so\s+)((?:the\s+|our\s+|your\s+|all\s+)?\p{Ll}[\p{Ll}-]*s)\s+(\p{Ll}{3,}ed|sent|held|lost|kept|left|stuck)(?=\s*$|[\s,.;])/gu, (m: string, so: string, np: string, v: string) => (NOT_PARTICIPLE.has(v) && !/^(?:delayed|cancelled|held)$/u.test(v) || isFinite(np.split(/\s+/u).pop()!) ? m : `${so}${np} were ${v}`));
  if (/next\s/iu.test(t)) t = t.replace(/(^|[\s(])(\p{L}+\s+)?next(\s+)(?=(\p{Ll}[\p{Ll}-]*)(?![\p{L}-]))/gu, (m: string, lead: string, before: string | undefined, sp: string, next: string) => {
    const b = before?.trim().toLowerCase();
    if (!NEXT_THING.test(next) || (b !== undefined && !/^(?:on|off|to|for|with|at|in|from|towards|against|of)$/u.test(b)) || (b === undefined && lead !== '')) return m;
    if (/^(?:month|year)$/u.test(next)) return m;
    return `${lead}${before ?? ''}your next${sp}`;
  });
  return t;
}

function noteWords(text: string): string {
  let t = text;
  if (/temp/iu.test(t)) t = t.replace(/(?<![\p{L}])([Tt])emp(?=\s+(?:not|was|wasn't|set|too|checked|check|reading|control|setting))/gu, (_m, c: string) => `${c}emperature`);
  // "10 min. any alarm": a note's sentence that starts in lower case after a unit's full stop.
  return t;
}

/** "delivered to you Friday 27 November", "mixed Tuesday": "on" before a day named straight after a verb. */
function onBeforeDays(text: string): string {
  if (!new RegExp(DAY_NAME, 'u').test(text)) return text;
  return text.replace(new RegExp(`(?<=(?:^|\\s)(\\p{Ll}[\\p{Ll}'’-]*)\\s)(${DAY_NAME})(?![\\p{L}'’])`, 'gu'), (m: string, before: string) => {
    const afterVerb = /^(?:arrive|arrives|arrived|out|you|it|them|due|back|delivery|collection|arrival|dispatch|slot|ships|went|goes|go|come|comes|came|here|there|open|opens|closed|shut|collected|charged|run|ran|left|sent|paid|made|done|put|set|held|cut|lost|took)$/u.test(before) || (isParticiple(before) && !/^(?:need|speed|red|hundred)$/u.test(before));
    return afterVerb ? `on ${m}` : m;
  });
}

/** Splits on commas and semicolons that are not inside brackets or quotes, keeping which it was. */
function pieces(sentence: string): { text: string; sep: string }[] {
  const out: { text: string; sep: string }[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === '"' || c === '“' || c === '”') quote = c === '“' ? true : c === '”' ? false : !quote;
    if ((c === ',' || c === ';') && depth === 0 && !quote && /\s/u.test(sentence[i + 1] ?? '')) {
      out.push({ text: cur.trim(), sep: c });
      cur = '';
      i++;
      continue;
    }
    cur += c;
  }
  out.push({ text: cur.trim(), sep: '' });
  return out.filter((p) => p.text !== '' || p.sep === '');
}

/** Sentences typed in a note: split at ". " and "; " (never after "Dr.", "St." or a code). */
function sentences(text: string): string[] {
  return text
    .split(/(?<![\s(](?:Dr|Mr|Mrs|Ms|St|No|Co|Ltd|vs|approx|e\.g|i\.e|etc|incl|Inc|Jr|Sr|Prof|Rd|Ave))(?<=[.!?])\s+(?=[\p{L}\p{N}"“(+])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

const IMPERATIVE = /^(?:please\s+)?(?:call|ring|phone|email|e-mail|text|reply|write|tell|let|send|bring|keep|press|check|watch|use|take|come|pop|drop|look|throw|return|contact|get|visit|log|sign|click|go|pick|book|choose|try|make|don't|do|be|make|restart|turn|switch|delete|ignore|store|hold|give)(?![\p{L}'])/iu;

/** Clauses that lean on what follows: the pieces after one belong to the same sentence. */
const LEANS = /^(?:if|when|whenever|once|as soon as|after|before|while|until|till|because|since|unless|although|though)(?![\p{L}])/iu;

/** One sentence of a note, its comma pieces made a sentence or attached properly. */
function sentenceOf(raw: string, role: NoteRole, o: NoteOptions, asProse = false): string[] {
  const body = raw.replace(/[.!]+$/u, '').trim();
  if (body === '') return [];
  const end = /[?]$/u.test(raw) ? '' : '.';
  const parts = pieces(body);
  const out: string[] = [];
  let cur = '';
  let curPlural = false;
  let curImperative = false;
  let curLeans = false;
  let curClause = false;
  let curWe = false;
  let prevSep = '';
  const flush = () => {
    if (cur) out.push(capitalise(cur.replace(/[,;\s]+$/u, '')) + end);
    cur = '';
  };
  const start = (text: string, fixed: boolean) => {
    const h = fixed ? fixHead(text, role, o) : { text, plural: curPlural };
    cur = h.text;
    curPlural = h.plural;
    const words = cur.split(/\s+/u);
    curImperative = IMPERATIVE.test(cur);
    curLeans = LEANS.test(cur);
    curClause = isClause(words) || /^(?:we|I|you|they|there)(?![\p{L}])/iu.test(cur) || curImperative;
    curWe = /^we(?![\p{L}])/iu.test(cur);
  };
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const text = fixIf(p.text);
    const words = text.split(/\s+/u).filter(Boolean);
    const w0 = lowerWord(words[0] ?? '');
    const sep = prevSep;
    prevSep = p.sep;
    if (k === 0 || cur === '') {
      start(text, true);
      continue;
    }
    // A semicolon between two clauses is a full stop in a letter.
    if (sep === ';' && curClause && !curLeans) {
      flush();
      start(text, true);
      continue;
    }
    // notes12: "check your statement next week, ring us if…": two things the reader does, joined with "and".
    if (curImperative && role === 'action' && REQUEST_VERB.test(text) && !/^(?:keep|hold|leave|use|throw|ignore|let)$/iu.test(w0) && words.length >= 2 && (OBJECTS.has(lowerWord(words[1]!)) || DET.has(lowerWord(words[1]!)) || PREPOSITIONS.has(lowerWord(words[1]!)))) {
      cur = `${cur}, and ${text}`;
      continue;
    }
    // "…, we'll ring you back" after something the reader does: one sentence, joined with "and".
    if (curImperative && /^(?:we|I)(?:'ll| will)(?![\p{L}])/iu.test(text)) {
      cur = `${cur}, and ${text}`;
      curImperative = false;
      continue;
    }
    // "…, on its way", "…, in the post": where it is now, with its subject ("…, and it's on its way").
    if (curClause && !curLeans && STATE.test(text) && finiteAt(words, 0, 99) < 0) {
      cur = `${cur}, and ${curPlural && !curWe ? "they're" : "it's"} ${text}`;
      continue;
    }
    // "…, arrives tomorrow": the thing the sentence is about, as its subject ("…, and it arrives tomorrow").
    if (curClause && !curLeans && !curPlural && !curWe && /^(?:arrives|ships|lands|leaves|reaches|comes|goes out|gets to you)(?![\p{L}])/iu.test(text)) {
      cur = `${cur}, and it ${text}`;
      continue;
    }
    // "…, 3 to 5 days to show", "…, 24 hours to clear": how long it takes.
    const takes = /^((?:about |around |up to )?\d[\d ]*(?:to \d+ )?(?:working |business )?(?:days?|hours?|weeks?|minutes?)) to (show|appear|clear|arrive|reach you|process|go through|update|come through)$/iu.exec(text);
    if (curClause && takes) {
      flush();
      start(`it can take ${takes[1]} to ${takes[2]}`, false);
      continue;
    }
    // "…, Tuesday morning", "…, Friday 27 November": when it happened, with its "on".
    if (curClause && !curLeans && new RegExp(`^(?:${DAY_NAME})(?: \\d{1,2} (?:${MONTHS.join('|')}))?(?: (?:morning|afternoon|evening|night|lunchtime))?$`, 'u').test(text) && !/(?<![\p{L}])(?:on|by|from|until|for|today|tomorrow|yesterday|tonight|morning|afternoon|evening|night|week|weekend)$|\d$/u.test(cur)) {
      cur = `${cur} on ${text}`;
      continue;
    }
    // "…, no call to tell you": what was missing, joined with "and".
    if (w0 === 'no' && (role === 'mistake' || role === 'cause') && curClause && !/^(?:one|longer|more|need)$/iu.test(lowerWord(words[1] ?? '')) && finiteAt(words, 1) < 0) {
      cur = `${cur}, and there ${noHeadPlural(words) ? 'were' : 'was'} ${text}`;
      continue;
    }
    // notes12: "…, no rush": a sentence of its own ("There's no rush.").
    if (/^no (?:rush|hurry)(?![\p{L}])/iu.test(text) && curClause) {
      flush();
      start(`there's ${text}`, false);
      continue;
    }
    // "no need to send it back", "no action needed": a sentence of its own.
    if (/^(?:no need|no action|nothing to do)(?![\p{L}])/iu.test(text) && curClause) {
      flush();
      start(text, true);
      continue;
    }
    // "…, if not please call us": its own sentence.
    if (/^if\s+(?:not|so)(?![\p{L}])/iu.test(text) || /^if(?![\p{L}])/iu.test(text) && curClause && !curLeans && IMPERATIVE.test(text.replace(/^if\s+[^,]*,\s*/iu, ''))) {
      flush();
      start(text, false);
      continue;
    }
    // "…, should be with you Saturday", "…, due with you Saturday", "…, with you by Friday": the subject the note dropped.
    if (curClause && !curLeans && (MODAL_START.test(w0) || w0 === 'due' || /^with you(?![\p{L}])/iu.test(text))) {
      flush();
      const subject = curWe ? 'it' : curPlural ? 'they' : 'it';
      const lead = w0 === 'due' ? (subject === 'they' ? "they're" : "it's") : /^with/iu.test(text) ? (subject === 'they' ? "they'll be" : "it'll be") : subject;
      start(`${lead} ${text}`, false);
      continue;
    }
    // notes12: "…, re-sent", "…, so reshipped today", "…, reshipped by two-day delivery": what we did about it, with its
    // subject and object ("…, and we've re-sent it"; "…, so we reshipped it today").
    const did = curClause && !curLeans && !curWe ? weDid(words, role, o, curPlural) : undefined;
    if (did) {
      cur = `${cur}, ${did}`;
      continue;
    }
    // "…, never collected": what was never done to it ("…, and it was never collected").
    const never = curClause && !curLeans && w0 === 'never' && words.length >= 2 && (TAKES_OBJECT.test(lowerWord(words[1]!)) || NEVER_DONE.test(lowerWord(words[1]!))) && !OBJECTS.has(lowerWord(words[2] ?? '')) && !DET.has(lowerWord(words[2] ?? ''));
    if (never) {
      const it = curPlural && !curWe ? 'they' : 'it';
      const was = role === 'mistake' || role === 'cause' ? (it === 'they' ? 'were' : 'was') : it === 'they' ? 'have' : 'has';
      cur = `${cur}, and ${it} ${was} never ${was === 'has' || was === 'have' ? 'been ' : ''}${words.slice(1).join(' ')}`;
      continue;
    }
    // A participle phrase ("…, finished by 3pm", "…, checked every Monday"): where the writer put it.
    if (isParticiple(words[0]!) || /^[a-z]{3,}ly$/u.test(w0)) {
      // (fit13: "…by hand, done by Friday 11 December" is when the work ends, never "and done by")
      cur = curWe && curClause && leadsAsVerb(words) && words.length > 1 && !(/^(?:done|finished|complete|completed)$/u.test(w0) && lowerWord(words[1] ?? '') === 'by') ? `${cur} and ${text}` : `${cur}, ${text}`;
      continue;
    }
    // "…, we can bring them to you", "…, 14 alarms were activated": a sentence of its own.
    // (A sentence typed with its capital and full stop keeps its commas: "We're sorry, your order was late.")
    if (curClause && !curLeans && !LEANING.has(w0) && isClause(words) && !(asProse && /^(?:we|i|you|they|it|there|our|your|the|this|that)(?![\p{L}])/iu.test(w0))) {
      flush();
      start(text, true);
      continue;
    }
    // A noun phrase, then a clause of its own ("an expired certificate, renewal job had failed"): two sentences.
    if (!curClause && !curLeans && words.length >= 3 && cur.split(/\s+/u).length >= 4 && !LEANING.has(w0) && !/(?<![\p{L}])(?:and|or)(?![\p{L}])/iu.test(words.slice(0, Math.max(finiteAt(words, 0, 8), 0)).join(' ')) && isClause(fixHead(text, role, o, false).text.split(/\s+/u))) {
      flush();
      start(text, true);
      continue;
    }
    // A bare noun and its verb, a passive note ("renewal job had failed silently", "temp not checked"): its own sentence.
    const h = fixHead(text, role, o, false);
    if (curClause && h.text !== text && !curLeans && !LEANING.has(w0) && !/^(?:There's|There was) /u.test(h.text)) {
      flush();
      start(text, true);
      continue;
    }
    // Anything else stays where the writer put it (a noun phrase in apposition): "…, our senior engineer" is who comes ("with our senior engineer"), "…, first slot of the day" is "the first slot".
    let tail = text;
    if (curClause && role === 'outcome' && /^(?:our|a|an)\s/iu.test(text) && words.length <= 5 && finiteAt(words, 1, 99) < 0 && PERSON.test(lowerWord(words[words.length - 1]!))) tail = `with ${text}`;
    else if (curClause && /^(?:first|last|earliest|latest|next)\s/iu.test(text) && finiteAt(words, 1, 99) < 0) tail = `the ${text}`;
    cur = `${cur}${sep === ';' ? ';' : ','} ${tail}`;
    if (!curClause && MODAL_START.test(w0)) curClause = true;
  }
  flush();
  return out;
}

/**
 * notes12: a piece that says what we did to the thing the sentence before was about, typed as a bare
 * participle after it ("re-sent", "so reshipped today", "refunded same day"): said with "we" and "it"
 * in the role's tense ("and we re-sent it", "so we've reshipped it today"), or undefined.
 */
function weDid(words: string[], role: NoteRole, o: NoteOptions, plural: boolean): string | undefined {
  let k = 0;
  const lead = /^(?:so|and|then)$/u.test(lowerWord(words[0] ?? '')) ? lowerWord(words[k++]!) : 'and';
  const typedVerb = words[k];
  if (!typedVerb || !/^\p{Ll}/u.test(typedVerb)) return undefined;
  const p = lowerWord(typedVerb);
  const re = /^re-/u.test(p) ? 're-' : '';
  const stem = p.slice(re.length);
  if (!(TAKES_OBJECT.test(p) || TAKES_OBJECT.test(stem) || re && TAKES_OBJECT.test(`re${stem}`)) || !isParticiple(stem)) return undefined;
  const next = lowerWord(words[k + 1] ?? '');
  // "sent to the wrong address": where it went, not what we did after ("…, sent to…" stays as typed).
  if (/^(?:to|into|onto|at|from|in|instead)$/u.test(next) && !/^(?:re|re-)/u.test(p)) return undefined;
  const object = OBJECTS.has(next) || DET.has(next) && !/^(?:the)$/u.test(next) || next === 'the' && !/^(?:same|next|following|day)$/u.test(lowerWord(words[k + 2] ?? ''));
  const rest = words.slice(k + 1).join(' ');
  const tense = tenseFor(role, rest, o.now, o.status);
  const past = re + (IRREGULAR[stem] ?? stem);
  const verb = tense === 'past' ? `we ${past}` : tense === 'future' ? `we'll ${re}${baseOf(stem)}` : `we've ${p}`;
  return `${lead} ${verb}${object ? '' : ` ${plural ? 'them' : 'it'}`}${rest ? ` ${rest}` : ''}`;
}

/** "if not please call us" → "if not, please call us"; "if Monday doesn't suit call us" → "if Monday doesn't suit, call us". */
function fixIf(text: string): string {
  if (!/^if(?![\p{L}])/iu.test(text) || text.includes(',')) return text;
  const m = /^(if\s+(?:not|so))\s+(?=\S)/iu.exec(text);
  if (m) return `${m[1]}, ${text.slice(m[0].length)}`;
  return text.replace(/^(if\s+.+?\b(?:suit|suits|work|works|fit|fits|happen|happens|help|helps|arrive|arrives|fails|fail|is|isn't|doesn't|don't)\b)\s+(?=(?:please\s+)?(?:call|ring|phone|email|text|reply|write|tell|let|send|bring|keep|press|contact|get|visit|pop|come|just)\b)/iu, '$1, ');
}

/**
 * A note in the writer's voice for its role, as whole sentences (each with its full stop), or the
 * text as typed when it holds nothing a rule reads as a note. Idempotent.
 */
export function noteToProse(text: string, role: NoteRole, o: NoteOptions = {}): string {
  // An incident's fields are read more than once per run (the letter, the writer's warnings, and
  // readsAsNote beside noteProblems): each note is made prose once.
  const key = `${role}\u0000${o.now?.getTime() ?? ''}\u0000${o.status ?? ''}\u0000${text}`;
  let prose = proseMade.get(key);
  if (prose === undefined) {
    if (proseMade.size > 200) proseMade.clear();
    prose = noteToProseOnce(text, role, o);
    proseMade.set(key, prose);
  }
  return prose;
}
const proseMade = new Map<string, string>();

function noteToProseOnce(text: string, role: NoteRole, o: NoteOptions): string {
  const typed = text.trim();
  if (typed === '' || /[\uE000-\uF8FF\r\n]/u.test(typed)) return text;
  // A question, a quotation, or a list: left as typed.
  if (/^["“]|[?]$/u.test(typed) || /^\s*[-*•]\s/mu.test(typed)) return text;
  if (role === 'remedy') return remedyNote(smallWords(typed, role));
  let t = smallWords(noteWords(weekdayWords(ticketNote(typed, role))), role);
  // "didn't turn up for booked service visits" in the mistake: the reader's one ("for your booked service visit").
  if (role === 'mistake' && /(?:for|to|of)\s+(?:booked|scheduled|planned|arranged)\s/iu.test(t)) t = t.replace(/(?<![\p{L}])(for|to|of)\s+(booked|scheduled|planned|arranged)\s+((?:[\p{Ll}-]+\s+){0,3})(visit|appointment|fitting|delivery|deliveries|lesson|session|collection|installation|service|booking|repair)s?(?![\p{L}])/giu, (_m, p: string, b: string, mid: string, noun: string) => `${p} your ${b} ${mid}${noun === 'deliveries' ? 'delivery' : noun}`);
  // "your pets check" → "your pet's check": an owner's thing.
  if (/s\s/u.test(t)) t = t.replace(OWNER_THING, (m, who: string, owner: string, next: string) => (NOT_AFTER_OWNER.test(next) ? m : `${who} ${owner}'s ${next}`));
  // "rolled back same day" → "rolled back the same day".
  if (/same (?:day|week|afternoon|morning|evening|night)/iu.test(t)) t = t.replace(/(?<!(?:^|[^\p{L}])(?:the|a|an|that|this|any|each|every)[\s,]+)(?<![\p{L}])(same (?:day|week|afternoon|morning|evening|night))(?![\p{L}-])(?!\s+(?:courier|delivery|deliveries|dispatch|service|shipping|post|collection|repair|refund|replacement|slot|visit|cover|turnaround)s?(?![\p{L}]))/giu, 'the $1');
  t = onBeforeDays(t);
  if (role === 'outcome') t = restoredState(t);
  // "same tin, only the label colour differs": what is the same, then what differs ("It's the same tin. Only the label colour differs.").
  if (/(?:^|[.!?]\s)same\s/iu.test(t)) {
    t = t.replace(/(^|[.!?]\s+)same ([\p{Ll}-]+(?: [\p{Ll}-]+)?), (?=\p{Ll})([^.!?]*)/gu, (m, before: string, x: string, rest: string) => {
      const words = rest.split(/\s+/u);
      if (x.split(' ').some((w) => isFinite(w) || isParticiple(w) || DET.has(w) || LEANING.has(w)) || !words.some((w) => isFinite(w) || /^\p{Ll}+s$/u.test(w) && tagWords(words)[words.indexOf(w)]!.has('Verb'))) return m;
      const it = isPlural(x.split(' ').pop()!) ? "they're" : "it's";
      return `${before}${it} the same ${x}. ${rest}`;
    });
  }
  if (role === 'commitment') t = commitmentItems(passiveNotes(t, o), o);
  const out: string[] = [];
  const made: string[] = [];
  // Typed as prose (a capital, a full stop at the end): a clause after a comma stays where the writer put it.
  const asProse = /^[\p{Lu}]/u.test(typed) && /[.!]$/u.test(typed);
  for (const s of sentences(t)) {
    // "+ offline export so…": an item added to a list, as typed.
    if (s.startsWith('+')) {
      made.push(/[.!?]$/u.test(s) ? s : `${s}.`);
      continue;
    }
    for (const m of sentenceOf(s, role, o, asProse)) {
      // (the tense of the sentence before, for a piece that says "at the same time")
      const before = made[made.length - 1] ?? '';
      const prevTense: Tense | undefined = /(?<![\p{L}])(?:will|won't)(?![\p{L}])|'ll(?![\p{L}])/u.test(before) ? 'future' : /(?<![\p{L}])(?:was|were)(?![\p{L}])/u.test(before) ? 'past' : undefined;
      const read = asProse ? [m] : posSentence(m, role, o, t, prevTense);
      // A sentence the tagger changed is assembled again by the rules (a clause after a comma its own sentence), as a second run would.
      if (read.length === 1 && read[0] === m) made.push(m);
      else for (const r of read) made.push(...sentenceOf(r, role, o, false));
    }
  }
  for (const typedAs of made) {
    // An action typed as an order: a request to the reader.
    let s = role === 'action' ? capitalise(politeRequest(typedAs)) : role === 'commitment' ? articleFirst(nowDone(typedAs), typed) : typedAs;
    // fit13: a mistake that names its own scope ("card payments failed for all merchants") is not made the reader's ("your card payments … for all merchants").
    if (role === 'mistake' && /^your\s/iu.test(s) && !/(?<![\p{L}])your(?![\p{L}])/iu.test(typed) && /(?<![\p{L}])(?:for|across|to)\s+(?:all|every|each)\s/u.test(s)) s = s.replace(/^(y|Y)our\s+/u, (_m, y: string) => (y === 'Y' ? '' : '')).replace(/^\p{Ll}/u, (c) => (/^Y/u.test(typedAs) ? c.toUpperCase() : c));
    // "… will be delivered on Friday. Old ones have been collected at the same time.": the time of the sentence before.
    const prevOut = out[out.length - 1];
    if (prevOut && role !== 'mistake' && role !== 'cause' && /(?<![\p{L}])(?:at the same time|at the same visit|afterwards|alongside)(?![\p{L}])/iu.test(s) && /^[\p{L} ]+? ha(?:ve|s) been \p{Ll}+/u.test(s)) {
      if (/(?<![\p{L}])will be(?![\p{L}])/u.test(prevOut)) s = s.replace(/ ha(?:ve|s) been /u, ' will be ');
      else if (/(?<![\p{L}])(?:was|were)(?![\p{L}])/u.test(prevOut)) s = s.replace(/ (ha(?:ve|s)) been /u, (_m, h: string) => (h === 'have' ? ' were ' : ' was '));
    }
    // "… in the chunky merino. 6 skeins.": a few words with no verb belong to the sentence before, in brackets.
    const words = s.replace(/[.!]+$/u, '').split(/\s+/u);
    const prev = out[out.length - 1];
    const prevWords = (prev ?? '').split(/\s+/u);
    const prevClause = prev !== undefined && (isClause(prevWords) || /^(?:we|I|you|they|there|it)(?![\p{L}])/iu.test(prev) || finiteAt(prevWords, 1, 99) > 0);
    if (prev && prevClause && words.length <= 6 && !/[()]/u.test(s) && finiteAt(words, 0, 99) < 0 && !words.some((w) => isParticiple(w) || isFinite(w)) && !/^(?:no|there|it|we|you|I|they|if|please|thank|thanks|sorry)(?![\p{L}])/iu.test(s) && /[.]$/u.test(prev) && !IMPERATIVE.test(s)) {
      // (in brackets; words with a comma of their own after a dash: "… the lentil ragu — same recipe card, different meat pack.")
      const aside = lowerFirst(s.replace(/[.]$/u, ''));
      out[out.length - 1] = aside.includes(',') ? `${prev.slice(0, -1)} — ${aside}.` : `${prev.slice(0, -1)} (${aside}).`;
      continue;
    }
    out.push(s);
  }
  let joined = out.join(' ');
  // "human error, the wrong file was attached": a label, then what happened — the label is said as one ("human error: the wrong file…").
  if (role === 'cause') {
    const m = /^([\p{L} ]{3,30}), (?=\p{L})/u.exec(joined);
    if (m && UNCOUNTABLE.exec(m[1]!)?.[0].length === m[1]!.length) {
      const rest = joined.slice(m[0].length).split(/(?<=[.!?])\s/u)[0]!;
      if (rest.split(/\s+/u).some((w) => isFinite(w))) joined = `${m[1]}: ${joined.slice(m[0].length)}`;
    }
  }
  // "go out on Monday-Thursday": a span of days ("from Monday to Thursday").
  if (/day[-–]/u.test(joined)) joined = joined.replace(/(?<![\p{L}])(on\s+)?((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s?[-–]\s?((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\p{L}])/gu, (_m, on: string | undefined, a: string, b: string) => `${on ? 'from ' : ''}${a} to ${b}`);
  // A clause the layer made ("there are no more updates on class days, we test…") joined to the next by a comma: two sentences.
  if (joined.includes(',') && !asProse) joined = splitSplices(joined);
  // notes14: a bare noun phrase and its verb takes its word ("carer missed…" → "our carer missed…"), a noun phrase and a
  // state its "was" ("booking app down…"), and a comma before a new subject of its own is a full stop (text/note-shape.ts).
  if (!asProse && role !== 'action') joined = addedThings(objectWords(nounSplices(determiners(outcomeFramed(framed(joined, role, typed), role), role, typed)), role, typed), role, o.status, typed);
  // The first word in the case it was typed: "To stop it happening again, {{clause}}" keeps it small; a sentence capitalises it.
  if (/^\p{Ll}/u.test(typed) && !/^I(?:['’]\p{L}+)?\s/u.test(joined)) joined = joined.replace(/^\p{Lu}(?=\p{Ll}|\s)/u, (c) => c.toLowerCase());
  // notes12: "for 1 session", in a note the letter rewrites anyway: one, in words before its noun.
  if (joined.replace(/[.!\s]+$/u, '') !== typed.replace(/[.!\s]+$/u, '') && /(?:^|\s)1\s+\p{Ll}/u.test(joined)) joined = joined.replace(/(?<=(?:^|\s)(?:for|of|in|with|on|at|just|only|than|by)\s+)1\s+(?=\p{Ll}+(?<!s)(?![\p{L}]))(?!(?:am|pm|hour|day|week|minute|month|year)(?![\p{L}]))/gu, 'one ');
  return joined === '' ? text : joined;
}

/**
 * fit13: a commitment typed as a noun, "now" and what is done to it, with its "is" dropped ("signed stock now shelved
 * separately", "bins now relabelled"): the "is" said ("Signed stock is now shelved separately").
 */
function nowDone(s: string): string {
  const m = /^(\p{L}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){0,2})\s+now\s+(\p{Ll}+ed)(?=[\s.,;]|$)/u.exec(s);
  if (!m) return s;
  const words = m[1]!.split(/\s+/u);
  const w0 = lowerWord(words[0]!);
  if (PRONOUNS.has(w0) || words.some((w) => isFinite(w) || isParticiple(w) && w !== words[0]) || !isParticiple(m[2]!)) return s;
  const last = lowerWord(words[words.length - 1]!);
  return `${m[1]} ${isPlural(last) && !/ss$/u.test(last) ? 'are' : 'is'} now ${s.slice(m[0].length - m[2]!.length)}`;
}

/** The verbs and adverbs a commitment's subject is followed by ("… is now kept", "… now texts", "… gets checked"). */
const AFTER_SUBJECT = /^(\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){0,2}?)\s+(?=(?:is|was|has|now|will|gets|always|also|then|can|must|should|\p{Ll}+s)\s)/u;
const MASS_HEAD = /^(?:training|staff|stock|equipment|software|data|information|feedback|food|everything|everyone|nothing|each|every|something|someone|nobody|anyone|packing|cleaning|checking|booking|billing|support|admin|security|maintenance)$/u;

/**
 * fit13: a commitment sentence that opens with a bare singular noun and its verb, typed as managers type ("spare is now
 * kept on site", "backup generator is tested monthly", "tech now texts when running late"): the noun takes its article
 * ("A spare is now kept on site", "Our tech now texts…"). A plural, a name, a mass noun or an activity stays as typed.
 */
function articleFirst(s: string, typed: string): string {
  // (the sentence as the layer capitalised it: a first word typed in lower case is a common word, never a name)
  const capital = /^\p{Lu}\p{Ll}/u.test(s);
  const low = capital ? s[0]!.toLowerCase() + s.slice(1) : s;
  const m = AFTER_SUBJECT.exec(low);
  if (!m) return s;
  const np = m[1]!;
  if (capital && !new RegExp(`(?:^|[^\\p{L}])${np.split(/\s+/u)[0]}(?![\\p{L}])`, 'u').test(typed)) return s;
  const words = np.split(/\s+/u);
  const w0 = words[0]!;
  const last = words[words.length - 1]!;
  if (DET.has(w0) || PRONOUNS.has(w0) || /^(?:never|always|just|also|still|already|only|not|then|now|again|ever|often|and|or|but|if|so|to|from|each|every|all|nothing|please)$/u.test(w0)) return s;
  if (isPlural(last) || MASS_HEAD.test(last) || /ing$/u.test(last)) return s;
  // (a verb in -s after the noun is the sentence's: "courier collects the wrong ones", never "reminder texts now go…")
  const next = low.slice(m[0].length).split(/\s+/u)[0]!;
  if (!/^(?:is|was|has|now|will|gets|always|also|then|can|must|should)$/u.test(next)) {
    const nt = tagWords([...words, next])[words.length]!;
    if (!nt.has('Verb') || nt.has('Noun')) return s;
  }
  const tags = tagWords(words);
  if (!tags.every((t) => t.has('Noun') || t.has('Adjective')) || tags.some((t) => t.has('Verb') && !t.has('Noun') || t.has('Preposition') || t.has('Adverb') && !t.has('Adjective'))) return s;
  let subject = withDeterminer(np, 'commitment');
  if (subject === np && words.length === 1 && /^(?:spare|extra|second)$/u.test(w0)) subject = w0 === 'extra' ? `an ${np}` : `a ${np}`;
  if (subject === np) return s;
  const out = subject + low.slice(np.length);
  return capital ? out[0]!.toUpperCase() + out.slice(1) : out;
}

/**
 * notes12: what a ticket adds to a note that a letter never says: a status tag ("refund issued (done)",
 * "(confirmed)"), a "thx" signing the note off, and " - " between its pieces ("pallet missed at dispatch -
 * re-sent"), which is a comma. A note typed as prose (a capital, a full stop) keeps its dashes.
 */
function ticketNote(typed: string, role: NoteRole): string {
  let t = typed;
  if (t.includes('(')) t = t.replace(/\s*\((?:done|sorted|fixed|confirmed|completed|complete|resolved|ok|okay|actioned|dealt with|closed)\)(?=\s*(?:$|[,.;!]|\s))/giu, '');
  if (/(?:thx|thanks|thank you|cheers|\bta)[.!]*\s*$/iu.test(t)) t = t.replace(/(?<=[\p{L}\p{N})])\s*(?:[-–—,;.]\s*)?(?:many thanks|thanks|thank you|thx|cheers|ta)[.!]*\s*$/iu, '');
  const prose = /^\p{Lu}/u.test(typed) && /[.!]$/u.test(typed);
  // (never the em dash the layer puts before an aside of its own: "… — same recipe card, different meat pack.")
  if (!prose && / [-–] /u.test(t) && role !== 'remedy') t = t.replace(/(?<=[\p{L})])\s+[-–]\s+(?=[\p{L}£$€(])/gu, ', ');
  return t === '' ? typed : t;
}

const OWNER_THING = /(?<![\p{L}])(your|our|their|my|his|her)\s+(pet|dog|cat|child|son|daughter|husband|wife|partner|mum|mom|dad|mother|father|baby|horse|puppy|kitten|grandmother|grandfather)s\s+(\p{Ll}[\p{L}-]*)/gu;
const NOT_AFTER_OWNER = /^(?:are|were|have|had|and|or|is|was|will|to|from|in|on|at|with|for|who|that|which|had|did|didn't|weren't|aren't|all|both|were|can|could|should|would|got|came|went)$/u;

/** An offer typed as a note: its article ("delivery charge refunded" → "the delivery charge refunded"), and what the reader does after it a sentence of its own ("…, just send us the receipts" → "…. Just send us the receipts"). */
function remedyNote(typed: string): string {
  // fit13: a later sentence of the offer that opens on a bare noun ("…, free. courier collects the wrong ones") takes its article.
  const t = remedyNoteOnce(typed);
  return /[.!?]\s+\p{L}/u.test(t) ? t.split(/(?<=[.!?])\s+/u).map((x, k) => (k > 0 ? articleFirst(capitalise(x), typed) : x)).join(' ') : t;
}

function remedyNoteOnce(typed: string): string {
  // notes12: "£5 credit added to your account": the offer, and where it is ("a £5 credit on your account").
  const added = /^(?:an?\s+)?([£$€]\d[\d,.]*\s+(?:credit|voucher|refund|gift card|top-up))\s+(?:added|applied|put|loaded)\s+(?:to|on|onto)\s+(your\s+.+)$/iu.exec(typed.trim());
  if (added) return `a ${added[1]} on ${added[2]}`.replace(/[.]+$/u, '');
  // "code SORRY15 = 15% off": the code and what it gives.
  let t = typed.replace(/^(?:(?:a|the)\s+)?(?:discount\s+|promo\s+|voucher\s+)?code\s+(\S+)\s*(?:=|:|-|→|for)\s*(?=\S)/iu, (_m, code: string) => `the code ${code} for `);
  const parts = pieces(t.replace(/[.]+$/u, ''));
  const at = parts.findIndex((p, k) => k > 0 && /^(?:and\s+)?(?:just|please|simply)?\s*(?:send|bring|call|email|reply|tell|let|keep|show|forward|post|return|pop|drop|book|choose|pick)(?![\p{L}])/iu.test(p.text));
  if (at > 0) {
    const head = parts.slice(0, at).map((p, k) => p.text + (k < at - 1 ? `${p.sep} ` : '')).join('');
    const tail = parts.slice(at).map((p, k, all) => p.text + (k < all.length - 1 ? `${p.sep} ` : '')).join('').replace(/^and\s+/iu, '');
    t = `${head}. ${capitalise(noteToProse(tail, 'action'))}`;
  }
  t = remedyItems(t);
  const words = t.split(/\s+/u);
  const w0 = lowerWord(words[0] ?? '');
  if (/^(?:full|partial|complete)$/u.test(w0) && /^(?:refund|credit|replacement|reimbursement)/iu.test(words[1] ?? '')) return `a ${lowerFirst(t)}`;
  // "free month of membership", "£10 credit on your account": one of a thing, with its article ("free delivery" is the idiom, never "a free delivery").
  // "free safety check and chain clean": one of a thing named by two words.
  const ONE_FREE = /^(?:month|week|day|night|session|class|lesson|visit|coffee|dessert|drink|meal|upgrade|service|clean|hour|cake|bottle|box|ticket|return|repair|treatment|consultation|check|check-up|trial|pass|fitting|appointment)$/u;
  if (w0 === 'free' && (ONE_FREE.test(lowerWord(words[1] ?? '')) || (/^\p{Ll}+$/u.test(words[1] ?? '') && !/^(?:delivery|shipping|postage|returns|entry|parking|access|wifi|p&p)$/u.test(lowerWord(words[1] ?? '')) && ONE_FREE.test(lowerWord((words[2] ?? '').replace(/[,;.]$/u, '')))))) return `a ${lowerFirst(t)}`;
  if (/^[£$€]\d[\d,.]*$/u.test(words[0] ?? '') && /^(?:credit|voucher|gift|discount|refund|reduction|rebate|goodwill|top-up|e-gift)s?$/iu.test(lowerWord(words[1] ?? ''))) return `a ${t}`;
  if (!DET.has(w0) && /^\p{Ll}/u.test(words[0] ?? '')) {
    const np = nounPhraseEnd(words.map((w) => w.replace(/[,;]$/u, '')));
    const nouns = words.slice(0, Math.max(np, 0)).filter((w) => !/^\(/u.test(w) && !/\)$/u.test(w));
    const head = nouns.length > 0 ? lowerWord(nouns[nouns.length - 1]!) : '';
    if (np > 0 && /^(?:charge|fee|cost|price|amount|deposit|balance|subscription|payment|bill|invoice|fare|ticket|booking|delivery charge|postage)$/u.test(head)) return `the ${t}`;
  }
  return t;
}

/** How a note differs from what the letter prints: the field reads as a note, and the letter rewrites it. */
export function readsAsNote(text: string, role: NoteRole, o: NoteOptions = {}): boolean {
  const t = text.trim().replace(/\s+/gu, ' ');
  if (t === '') return false;
  const prose = noteToProse(t, role, o);
  const norm = (s: string) => s.replace(/[.\s]+$/u, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return norm(prose) !== norm(t);
}

export const NOTE_ROLES: Readonly<Record<string, NoteRole>> = {
  mistake: 'mistake', rootCause: 'cause', commitment: 'commitment', outcome: 'outcome', action: 'action', 'remedy.details': 'remedy',
  'exposure.contained': 'exposure',
};

/** Whether a cause reads as a noun phrase only ("an expired certificate on the gateway"): "The cause was …", never "because …". */
export function causeIsNoun(text: string): boolean {
  const first = sentences(text.trim())[0] ?? '';
  const head = pieces(first.replace(/[.!]+$/u, ''))[0]?.text ?? '';
  const words = head.split(/\s+/u).filter(Boolean);
  if (words.length === 0) return false;
  if (PRONOUNS.has(lowerWord(words[0]!).replace(/'(?:ll|re|ve|d|m|s)$/u, '')) || isParticiple(words[0]!) && leadsAsVerb(words)) return false;
  // A participle is a verb at the end or before where/whom ("the certificate expired", "… sent to us"), an adjective before its noun ("an expired certificate").
  const verbLike = (w: string, k: number) => isParticiple(w) && (k === words.length - 1 || PREPOSITIONS.has(lowerWord(words[k + 1]!)) || DET.has(lowerWord(words[k + 1]!)) || OBJECTS.has(lowerWord(words[k + 1]!))) && !(k === 0 && !leadsAsVerb(words));
  if (words.some((w, k) => k > 0 && /^(?:now|also|only|never|always|still|automatically|no longer)$/iu.test(lowerWord(words[k - 1]!)) && /^\p{Ll}/u.test(w) && !DET.has(lowerWord(w)) && !PREPOSITIONS.has(lowerWord(w)))) return false;
  if (!words.every((w, k) => !isFinite(w) && !verbLike(w, k)) || /(?<![\p{L}])(?:because|so|since)(?![\p{L}])/iu.test(head)) return false;
  // notes14: "billing system re-ran the monthly invoice job": a re- past (or a past no list knows) after a noun, before its object, is a clause.
  if (words.some((w, k) => k > 0 && k < words.length - 1 && /^re-/u.test(lowerWord(w)) && (IRREGULAR_PAST.test(lowerWord(w)) || /ed$/u.test(lowerWord(w))) && !DET.has(lowerWord(words[k - 1]!)))) return false;
  // A past verb after a noun and before its object ("our certificate generator dropped accents from names"): a clause.
  if (words.length >= 4 && words.some((w, k) => k >= 2 && k < words.length - 1 && isParticiple(w))) {
    const tags = tagWords(words.map((w) => w.replace(/[,;:]$/u, '')));
    // ("… system held back a batch of orders": a particle between the verb and its object)
    const objectAt = (j: number) => j < words.length && (tags[j]!.has('Noun') || DET.has(lowerWord(words[j]!)));
    const particle = (j: number) => /^(?:back|up|out|off|down|over|away)$/u.test(lowerWord(words[j] ?? '')) && objectAt(j + 1);
    if (words.some((w, k) => k >= 2 && k < words.length - 1 && isParticiple(w) && tags[k - 1]!.has('Noun') && !tags[k - 1]!.has('Adjective') && !DET.has(lowerWord(words[k - 1]!)) && ((objectAt(k + 1) && !PREPOSITIONS.has(lowerWord(words[k + 1]!))) || particle(k + 1)))) return false;
  }
  return true;
}

/** A field of each part said as one person says it to another. */
const NOTE_EXAMPLES: Readonly<Record<NoteRole, string>> = {
  mistake: '"We didn\'t send your order on Monday as we promised, and nobody told you."',
  cause: '"The person who books our courier was off sick, and nobody else knew to do it."',
  commitment: '"Two of us now check the courier booking every Monday morning."',
  outcome: '"Your order left us today, and it will be with you on Saturday 28 November."',
  action: '"If Saturday doesn\'t suit you, reply to this email and we\'ll find another day."',
  remedy: '"we\'re refunding your £4.95 delivery charge"',
  exposure: '"We stopped the emails at 11:05 the same day."',
};

const firstWords = (s: string, n: number) => {
  const w = s.trim().split(/\s+/u);
  return w.slice(0, n).join(' ') + (w.length > n ? '…' : '');
};

/**
 * What the writer is told about a field typed as a note (for the review step and stderr): that the
 * letter rewrites it, and how it will read, so they can check it says what they meant or type it
 * as they would say it to the customer; and a piece the layer could not make a sentence (no verb),
 * with an example of one. Nothing for a field already in sentences.
 */
export function noteProblems(text: string, role: NoteRole, o: NoteOptions = {}): { problem: string; example: string }[] {
  const t = text.trim();
  if (t === '' || role === 'remedy') return [];
  const out: { problem: string; example: string }[] = [];
  const prose = noteToProse(t, role, o);
  if (readsAsNote(t, role, o)) {
    out.push({
      problem: `is typed as a note ("${firstWords(t, 8)}"), which the letter rewrites as "${firstWords(capitalise(prose), 14)}": check it says what you meant, or type it as you would say it to the customer`,
      example: NOTE_EXAMPLES[role],
    });
  }
  // notes12: a sentence that opens with its verb ("never left the yard", "arrived damaged"): nobody can tell who or what from it.
  if (role === 'mistake' || role === 'cause' || role === 'outcome') {
    for (const s of prose.split(/(?<=[.!?])\s+/u)) {
      const words = s.replace(/[.!?]+$/u, '').split(/\s+/u).filter(Boolean);
      const w0 = lowerWord(words[0] ?? '');
      if (words.length >= 2 && (/^(?:never|didn't|wasn't|weren't|hasn't|haven't)$/u.test(w0) && isParticiple(words[1]!) || INTRANSITIVE.includes(w0) || /^(?:left|arrived|reached|went|came)$/u.test(w0))) {
        out.push({
          problem: `has a sentence with no subject ("${firstWords(s, 8)}"), so the reader can't tell who or what it is about`,
          example: '"Your parcel never left our yard."',
        });
        break;
      }
    }
  }
  // A sentence still without a verb (a cause or a change may be a list of things: the letter leads those in).
  if (role !== 'cause' && role !== 'commitment' && role !== 'exposure') {
    for (const s of prose.split(/(?<=[.!?])\s+/u)) {
      const words = s.replace(/[.!?]+$/u, '').replace(/\([^)]*\)/gu, '').split(/\s+/u).filter(Boolean);
      if (words.length >= 2 && finiteAt(words, 0, 99) < 0 && !words.some((w) => /^(?:there's|it's|we've|we're|we'll|you'll|they're|they'll|it'll|I'll|I'm|I've)$/iu.test(w)) && !IMPERATIVE.test(s) && !words.some((w) => isParticiple(w))) {
        out.push({
          problem: `has a piece with no verb ("${firstWords(s, 8)}"), which the letter can only print as it is`,
          example: role === 'outcome' ? '"Your new visit is on Monday 30 November, between 8 and 10am."' : role === 'action' ? '"Please call us if Monday doesn\'t suit, and we\'ll find another time."' : '"Our engineer didn\'t come on Wednesday, and nobody called to tell you."',
        });
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The part-of-speech reading (text/pos.ts). The rules above know the verbs on their lists; a note
// whose piece has none of them ("correct cartons coming on a dedicated truck", "status page updated
// every 30 min", "new delivery w/c 11 January") is read by the tagger: a noun phrase, then what
// follows it — a participle (a passive: "is updated"), a gerund ("are coming"), a date ("is on"),
// a verb of its own (the bare noun gets its word) — and made a sentence only when the reading is
// sure; otherwise the piece stays as typed. The tagger is loaded only when a piece needs it.

/** Nouns of a thing that happens on a day: "new delivery w/c 11 January" is "Your new delivery is in the week commencing …". */
const EVENT_NOUN = /^(?:delivery|install|installation|visit|appointment|booking|slot|date|collection|fitting|session|lesson|class|service|repair|dispatch|arrival|flight|departure|viewing|consultation|call|meeting|survey|inspection|check-up|checkup|clinic|treatment|surgery|tasting|course|shift|callout|call-out)$/u;
/** Adverbs a note puts between a noun and its participle ("now checked", "already emailed"). */
const NOTE_ADVERB = /^(?:now|also|only|already|still|never|not|fully|just|all|both|then|finally|automatically|manually|properly|correctly|again)$/u;
/** Past tenses of verbs that take no object (a preposition joins what they are about): "looked at", "waited for", never passive. */
const LOOKED = /^(?:looked|waited|worked|happened|talked|listened|responded|replied|relied|depended|focused|focussed|referred|pointed|belonged|consisted|resulted|stayed|lived|existed|occurred|seemed|appeared|behaved|reacted|struggled|succeeded|glitched|misbehaved|malfunctioned|errored|hung|lagged|slept|complained|apologised|apologized|hesitated|arrived|departed|landed|died|expired|failed|crashed|collapsed|stalled)$/u;
/** Past tenses that are no participle ("broke", "went"): the note's verb is active. */
const SIMPLE_PAST = /^(?:broke|went|came|fell|ran|froze|took|gave|wrote|rode|drove|ate|grew|threw|flew|began|rang|sang|swam|forgot|stole|tore|wore|hid|chose|rose|woke|spoke|shook|blew|knew|drew|saw|did)$/u;
/** "on its way", "in stock": a state after a noun phrase whose "is" the note dropped. */
const STATE = /^(?:ready (?:for|to) \p{Ll}+|on (?:its|their|the) way|in stock|out of stock|back in stock|in transit|in the post|with the courier|on hold|on loan)(?![\p{L}])/iu;

/** Prepositions the tagger may call something else ("checked against the spec": "against" is no adjective). */
const PREPOSITION_WORD = /^(?:against|into|onto|across|along|through|towards?|under|over|behind|beside|between|without|within|past|via|after|before|during|until|since|from|to|at|in|on|by|for|with|of|per)$/u;

/** Irregular pasts that are a thing's participle far more often than a verb of its own ("no orders lost"; "your parcel left today" is the parcel's act). */
const DONE_TO = /^(?:lost|sent|paid|made|found|told|kept|held|bought|sold|built|spent|brought|caught|given|taken|shown|written|done|resent|remade|rebuilt|mislaid|misread|stolen|broken|thrown|hidden|chosen|forgotten)$/u;

interface Reading { text: string; plural: boolean; thing: boolean; tense?: Tense }

const wordsIn = (s: string) => s.split(/\s+/u).filter(Boolean);

/** A piece no rule read as a clause: no verb a list knows, no subject pronoun, no leaning word, not something the reader does. */
function mayBeFragment(words: string[]): boolean {
  if (words.length < 2) return false;
  const w0 = lowerWord(words[0]!);
  if (LEANING.has(w0) || PRONOUNS.has(w0) && w0 !== 'none' || /^(?:we|i|you|they|it|there|he|she)'/u.test(w0) || IMPERATIVE.test(words.join(' ')) && (DET.has(lowerWord(words[1]!)) || OBJECTS.has(lowerWord(words[1]!))) || /^please$/u.test(w0)) return false;
  if (/^\p{Lu}/u.test(words[0]!) && /^\p{Lu}/u.test(words[1] ?? '') && !/^(?:The|A|An|Our|Your|No)$/u.test(words[0]!)) return false;
  // ("lost", "sent", "paid" may be a participle: "no orders lost" is read.)
  return !words.some((w, k) => isFinite(w) && !(k > 0 && DONE_TO.test(lowerWord(w)) && (!DET.has(lowerWord(words[k + 1] ?? '')) || /^(?:this|that|every|each|last|next)$/u.test(lowerWord(words[k + 1]!)) && /^(?:morning|afternoon|evening|week|weekend|month|year|time|day|night|mon|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u.test(lowerWord(words[k + 2] ?? ''))) && !OBJECTS.has(lowerWord(words[k + 1] ?? ''))) || /^(?:there|it)(?:'s)?$/iu.test(lowerWord(w)));
}

/** Where a noun phrase at the start ends (an index), with its head noun; -1 if the piece does not open with one. */
function posNounPhrase(words: string[], tags: Set<string>[]): { end: number; head: number } {
  let i = 0;
  const lw = words.map(lowerWord);
  if (DET.has(lw[0]!) || lw[0] === 'no') i++;
  let head = -1;
  let pp = false;
  const nounish = (k: number) => {
    const t = tags[k]!;
    if (/[,;:()]/u.test(words[k]!) || DET.has(lw[k]!) && k > 0 && !pp) return false;
    if (t.has('Pronoun') && !t.has('Possessive')) return false;
    if (t.has('Noun') || t.has('Acronym') || t.has('Value') || t.has('Adjective') || t.has('Possessive')) return !t.has('Date') || t.has('Month') === false && !t.has('WeekDay') && !t.has('Time') && !/^(?:today|tomorrow|tonight|yesterday)$/u.test(lw[k]!);
    return false;
  };
  while (i < words.length && i < 8) {
    const t = tags[i]!;
    const w = lw[i]!;
    // "queued orders", "remapped code": a participle before its noun is an adjective.
    if (i > 0 && t.has('Verb') && (t.has('PastTense') || t.has('Participle')) && i + 1 < words.length && tags[i + 1]!.has('Noun') && !tags[i + 1]!.has('Date') && !DET.has(lw[i + 1]!)) {
      i++;
      continue;
    }
    // "refund of £64.50", "table on loan", "skeins of merino": one phrase after the head, before the verb.
    if (!pp && head >= 0 && /^(?:of|on|for|from|with|over|under|above|below|in|at)$/u.test(w) && i + 1 < words.length) {
      let k = i + 1;
      if (DET.has(lw[k]!)) k++;
      const start = k;
      while (k < words.length && nounish(k) && !tags[k]!.has('Verb')) k++;
      if (k > start && k < words.length && tags[k]!.has('Verb') && (tags[k]!.has('PastTense') || tags[k]!.has('Participle') || tags[k]!.has('Gerund') || lw[k] === 'being')) {
        pp = true;
        i = k;
        break;
      }
      break;
    }
    if (t.has('Verb') && !t.has('Possessive') || t.has('Adverb') || t.has('Negative') || t.has('Preposition') || t.has('Conjunction') && w !== '&' || NOTE_ADVERB.test(w) && head >= 0) break;
    if (!nounish(i) || w === 'w/c' || w === 'being' || PREPOSITION_WORD.test(w)) break;
    if (t.has('Noun') || t.has('Acronym') || t.has('Value')) head = i;
    i++;
  }
  if (head < 0 || i === 0) return { end: -1, head: -1 };
  return { end: i, head };
}

/** A noun phrase as a sentence opens with it. */
function posSubject(np: string, role: NoteRole, event: boolean): string {
  // "training for all drivers": the word for the head ("training"), not for the drivers.
  const pp = /\s(?:of|on|for|from|with|over|under|above|below|in|at)\s/u.exec(np);
  if (pp) {
    const head = np.slice(0, pp.index);
    const made = posSubject(head, role, event);
    return made === head ? np : `${made.slice(0, made.length - head.length)}${np}`;
  }
  const words = wordsIn(np);
  const w0 = lowerWord(words[0]!);
  if (DET.has(w0) || w0 === 'no' || /^[\d£$€]/u.test(w0) || /^\p{Lu}/u.test(words[0]!) || words.length > 4) return np;
  // "new delivery", "replacement cake" in the outcome: the reader's.
  if ((role === 'outcome' || role === 'action') && event && /^(?:new|replacement|rescheduled|rebooked|next)$/u.test(w0)) return `your ${np}`;
  if (/^second$/u.test(w0) && /^(?:debit|payment|charge|invoice|bill|email|text|letter|parcel|order|delivery)s?$/u.test(lowerWord(words[1] ?? ''))) return `the ${np}`;
  return withDeterminer(np, role);
}

/** "is" in its tense with the note's adverbs where English puts them: "has already been", "are now", "was never", "wasn't". */
function beWith(tense: Tense, plural: boolean, adverbs: string[]): string {
  const negative = adverbs.includes('not');
  const rest = adverbs.filter((a) => a !== 'not');
  const aux = be(tense, plural, negative).split(' ');
  if (rest.length === 0) return aux.join(' ');
  return [aux[0], ...rest, ...aux.slice(1)].join(' ');
}

/** A piece read by the tagger as a clause, or undefined when the reading is unsure. */
function readPiece(words: string[], role: NoteRole, o: NoteOptions, note: string, hint?: Tense): Reading | undefined {
  if (role === 'action' || role === 'remedy') return undefined;
  const lw = words.map(lowerWord);
  const bare = !DET.has(lw[0]!) && lw[0] !== 'no' && !/^[\d£$€]/u.test(words[0]!);
  // A note opening with a participle opens with what was done, not a noun ("charged £2/day…"): the rules' part.
  if (isParticiple(words[0]!) && !NOT_PARTICIPLE.has(lw[0]!)) return undefined;
  const tags = tagWords(words, bare ? 'the ' : '');
  const { end, head } = posNounPhrase(words, tags);
  if (end < 0 || end >= words.length) return undefined;
  // A noun phrase has a noun ("2x charged" has none), or is an amount ("£40 credited").
  if (!words.slice(0, end).some((_w, k) => tags[k]!.has('Noun') && !tags[k]!.has('Value')) && !/^[£$€]\d/u.test(words[0]!)) return undefined;
  const np = words.slice(0, end).join(' ');
  if (/[,;:]$/u.test(np)) return undefined;
  const headWord = words[head]!;
  const plural = (tags[head]!.has('Plural') || isPlural(headWord) && !/^\p{Lu}{2,}/u.test(headWord)) && !/^\p{Lu}+S$/u.test(headWord) || /(?<![\p{L}])(?:and|&)(?![\p{L}])/u.test(np);
  const thing = !PERSON.test(lowerWord(headWord)) && !/^(?:staff|member|colleague|agent|adviser|advisor|operator|manager|supervisor|receptionist|packer|picker|baker|pharmacist|contractor|driver|crew|courier|people|person|starter)s?$/u.test(lowerWord(headWord));
  const event = EVENT_NOUN.test(lowerWord(headWord));
  let j = end;
  const adverbs: string[] = [];
  while (j < words.length && NOTE_ADVERB.test(lw[j]!) && lw[j] !== 'all' && lw[j] !== 'both' && !/[,;]$/u.test(words[j]!)) adverbs.push(lw[j++]!);
  if (j >= words.length) return undefined;
  const v = lw[j]!;
  const vt = tags[j]!;
  const rest = words.slice(j + 1);
  const restText = rest.join(' ');
  const subject = () => (role === 'mistake' && /(?<![\p{L}])(?:for|across|to)\s+(?:all|every|each)\s/u.test(restText) ? np : posSubject(np, role, event));
  // "new delivery in the week commencing 11 January": "commencing" names the week, it is not the note's verb.
  if (/(?:week|weekend|fortnight|month)$/iu.test(np) && /^(?:commencing|beginning|starting|ending)$/u.test(v)) return undefined;
  // "any order not packed by 3pm now alerts the lead", "glaze firing on Tuesday cracked the pieces": the words after the noun qualify it, and the sentence's verb comes later: as typed.
  const laterAt = lw.findIndex((w, k) => k > j && (tags[k]!.has('Verb') && !tags[k - 1]!.has('Value') && (tags[k]!.has('PresentTense') && !tags[k]!.has('Gerund') && !tags[k]!.has('Infinitive') || tags[k]!.has('PastTense') && !/^(?:and|or)$/u.test(lw[k - 1]!) && !/^\(/u.test(words[k]!)) || isFinite(words[k]!) && !(w in IRREGULAR))
    // ("… now alerts the lead": a word the tagger calls a plural noun before a determiner is that verb.)
    || k > j + 1 && /s$/u.test(w) && tags[k]!.has('Plural') && tags[k + 1]?.has('Determiner') && !tags[k - 1]!.has('Determiner') && !tags[k - 1]!.has('Adjective') && !tags[k - 1]!.has('Preposition') || k > j + 1 && w === 'now');
  const laterVerb = laterAt >= 0;
  // A state: "new card reader on its way" → "Your new card reader is on its way".
  if (adverbs.length === 0 && STATE.test(words.slice(j).join(' '))) {
    const tense: Tense = role === 'mistake' || role === 'cause' ? 'past' : 'present';
    return { text: `${subject()} ${be(tense, plural, false)} ${words.slice(j).join(' ')}`, plural, thing };
  }
  // A date after an event: "new delivery w/c 11 January" → "Your new delivery is in the week commencing 11 January".
  if (adverbs.length === 0 && event && (v === 'w/c' || new RegExp(`^${DAY_NAME}$`, 'u').test(words[j]!.replace(/[,.]$/u, '')) && /^\d/u.test(words[j + 1] ?? '') || /^\d{1,2}$/u.test(v) && new RegExp(`^(?:${MONTHS.join('|')})`, 'u').test(words[j + 1] ?? ''))) {
    const tense: Tense = role === 'mistake' || role === 'cause' ? 'past' : 'present';
    const when = v === 'w/c' ? `in the week commencing ${restText}` : `on ${words.slice(j).join(' ')}`;
    return { text: `${subject()} ${be(tense, plural, false)} ${when}`, plural, thing };
  }
  // "booking system being replaced in January" → "…is being replaced…".
  if (v === 'being' && rest.length > 0 && adverbs.length === 0 && (tags[j + 1]?.has('PastTense') || lw[j + 1]! in IRREGULAR) && !lw.some((_w, k) => k > j + 1 && isFinite(words[k]!))) {
    const tense: Tense = role === 'mistake' || role === 'cause' ? 'past' : 'present';
    return { text: `${subject()} ${be(tense, plural, false)} ${words.slice(j).join(' ')}`, plural, thing, tense };
  }
  const participle = vt.has('Verb') && (vt.has('PastTense') || vt.has('Participle')) && !vt.has('Gerund') || v in IRREGULAR || v === 'done';
  // "jackets ordered with next-day delivery not dispatched": the first participle qualifies the noun, the one after "not" is the sentence's verb.
  if (participle && laterVerb && /^(?:not|never)$/u.test(lw[laterAt - 1]!) && laterAt - 1 > j + 1 && (tags[laterAt]!.has('PastTense') || lw[laterAt]! in IRREGULAR) && !lw.some((_w, k) => k > laterAt && (isFinite(words[k]!) || tags[k]!.has('Verb') && (tags[k]!.has('PastTense') || tags[k]!.has('PresentTense')) && !tags[k]!.has('Gerund')))) {
    const tense: Tense = role === 'mistake' || role === 'cause' ? 'past' : tenseFor(role, restText, o.now, o.status);
    const aux = beWith(tense, plural, lw[laterAt - 1] === 'not' ? ['not'] : ['never']);
    return { text: `${subject()} ${words.slice(j, laterAt - 1).join(' ')} ${aux} ${words.slice(laterAt).join(' ')}`, plural, thing, tense };
  }
  // "orders placed overnight all processed": the first participle qualifies the noun, "all" and the one after it are what was done to them all.
  const allAt = lw.findIndex((w, k) => k > j + 1 && /^(?:all|both)$/u.test(w) && k + 1 < words.length && (isParticiple(words[k + 1]!) || lw[k + 1]! in IRREGULAR) && !NOT_PARTICIPLE.has(lw[k + 1]!));
  if (participle && plural && allAt > 0 && role !== 'mistake' && role !== 'cause' && !lw.slice(j + 1, allAt).some((w, k) => isFinite(words[j + 1 + k]!) || /^(?:and|or|but)$/u.test(w)) && !lw.slice(allAt + 2).some((_w, k) => isFinite(words[allAt + 2 + k]!) || tags[allAt + 2 + k]!.has('Verb') && !tags[allAt + 2 + k]!.has('Gerund') && !tags[allAt + 2 + k]!.has('Infinitive') && !tags[allAt + 2 + k]!.has('Noun'))) {
    let tense = hint === 'past' || hint === 'future' ? hint : tenseFor(role, words.slice(allAt + 2).join(' '), o.now, o.status);
    if (tense === 'present') tense = 'perfect';
    // ("… all processed by 14:30", "… sent Monday all delivered": a time or a day gone is the past.)
    if (tense === 'perfect' && (pastDayIn(note, o.now) || /(?<![\p{L}])(?:by|at)\s+\d/u.test(words.slice(allAt + 2).join(' ')))) tense = 'past';
    return { text: `${subject()} ${words.slice(j, allAt).join(' ')} ${beWith(tense, true, [lw[allAt]!])} ${words.slice(allAt + 1).join(' ')}`, plural, thing, tense };
  }
  if ((participle || vt.has('Gerund')) && laterVerb) return undefined;
  // "taken", "given", "shown": a participle that is no past tense is a passive.
  const onlyParticiple = v in IRREGULAR && IRREGULAR[v] !== v || /^(?:done|gone|been|seen|eaten|fallen|risen|grown|known|drawn|flown|ridden|spoken|woken|frozen|shaken)$/u.test(v);
  if (participle) {
    const next = lw[j + 1] ?? '';
    const nt = tags[j + 1];
    // An active verb: a past that is no participle, one that takes no object, a phrasal verb, an object after it.
    // ("returned 503 errors": a number and its noun are an object; "delivered 2 hours late" is how late.)
    const counted = nt !== undefined && nt.has('Value') && tags[j + 2] !== undefined && tags[j + 2]!.has('Noun') && !tags[j + 2]!.has('Date') && !tags[j + 2]!.has('Duration') && !/^(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|times?|seconds?)$/u.test(lw[j + 2]!);
    const active = !onlyParticiple && (SIMPLE_PAST.test(v) || LOOKED.test(v) || counted || adverbs.some((a) => /^(?:only|just|always|still)$/u.test(a)) || INTRANSITIVE.includes(v) || NEVER_PASSIVE.test(v) || nt?.has('Particle') || PHRASAL_INTRANSITIVE.test(`${v} ${next}`));
    // ("every card payment" is an object; "every 30 minutes", "each morning" are when.)
    const timeAfter = tags[j + 2] !== undefined && (tags[j + 2]!.has('Date') || tags[j + 2]!.has('Value') || tags[j + 2]!.has('Duration') || /^(?:day|night|morning|evening|afternoon|week|month|year|time|shift|run)s?$/u.test(lw[j + 2]!));
    const object = !onlyParticiple && nt !== undefined && (OBJECTS.has(next) || DET.has(next) && !(/^(?:every|each|this|that|no)$/u.test(next) && timeAfter) && !(next === 'the' && lw[j + 2] === 'same'));
    // A person of ours and a participle ("engineer never called"): who did what is unsure.
    if (!thing && !active && !object) return undefined;
    if (active || object) {
      // Only the bare noun gets its word, and only before a clear object or a phrase ("picker grabbed the regular tin").
      if (!bare || adverbs.length > 1 || end > 3 || !(object || nt?.has('Preposition') || nt?.has('Particle') || j + 1 >= words.length)) return undefined;
      return { text: `${subject()} ${words.slice(end).join(' ')}`, plural, thing };
    }
    // "runbook assumed automatic failover": in what went wrong, a past with a bare object after a bare noun is that noun's act (never a thing's participle: "sent", "refunded").
    if ((role === 'mistake' || role === 'cause') && bare && adverbs.length === 0 && end <= 3 && nt && (nt.has('Noun') || nt.has('Adjective')) && !nt.has('Date') && !nt.has('Value') && !PREPOSITION_WORD.test(next) && !TAKES_OBJECT.test(v) && !NEVER_DONE.test(v) && !MISSED.test(v) && !onlyParticiple && !laterVerb && !/^(?:and|or)$/u.test(next)) {
      return { text: `${subject()} ${words.slice(end).join(' ')}`, plural, thing };
    }
    // "sent next day delivery": a bare noun after the participle may be its object: unsure.
    if (nt && (nt.has('Noun') || nt.has('Adjective')) && !nt.has('Date') && !PREPOSITION_WORD.test(next) && !nt.has('Value') && !/^(?:overnight|separately|together|late|early|twice|again|free|home|abroad|today|tonight|yesterday|tomorrow)$/u.test(next)) return undefined;
    // "found and on its way": one verb for two states: unsure; "reprinted and hand-delivered": one passive.
    const andAt = lw.indexOf('and', j + 1);
    if (andAt > 0 && !(tags[andAt + 1]?.has('Verb') && (tags[andAt + 1]!.has('PastTense') || tags[andAt + 1]!.has('Participle')) || /-\p{Ll}+ed$/u.test(lw[andAt + 1] ?? ''))) return undefined;
    let tense = tenseFor(role, restText, o.now, o.status);
    if (role === 'mistake' || role === 'cause') tense = 'past';
    if (ARRANGED.test(v) && tense === 'future') tense = 'present';
    if (role === 'commitment' && /(?<![\p{L}])(?:(?:after|before|on|at|during|with|for|per)\s+(?:every|each)\s+\p{L}|(?:every|each)\s+(?:\d+\s+)?(?:min|minute|hour|day|night|morning|evening|afternoon|week|month|year|time|shift|run|order|visit|delivery|job|batch|release)s?(?![\p{L}]))/u.test(restText) && tense === 'perfect') tense = 'present';
    // After "are now printed" a commitment's next participle is what happens now too; after "are arriving" an outcome's is still to come.
    if (tense === 'perfect' && hint === 'present') tense = role === 'commitment' ? 'present' : role === 'outcome' ? 'future' : tense;
    if (tense === 'perfect' && (/(?<![\p{L}])overnight(?![\p{L}])/u.test(restText) || pastDayIn(note, o.now) || hint === 'past' || /(?:^|\s)(?:at\s+)?\d{1,2}(?::\d{2}(?:am|pm)?|am|pm)(?![\p{L}\d])/u.test(restText) && !/(?<![\p{L}])by\s+\d/u.test(restText)) && !/(?<![\p{L}])(?:tomorrow|tonight|next)(?![\p{L}])/u.test(note)) tense = 'past';
    tense = exposureDone(role, v, tense);
    // "…will be delivered on Friday, old ones collected at the same time": the time of the clause before.
    if ((hint === 'future' || hint === 'past') && role !== 'mistake' && role !== 'cause' && /(?<![\p{L}])(?:at the same time|at the same visit|then|afterwards|alongside|as well|too)(?![\p{L}])/iu.test(restText)) tense = hint;
    // "done by 5pm" with no day: a perfect with a deadline is no tense; a bare weekday is past or to come: as typed.
    if (tense === 'perfect' && /(?<![\p{L}])by\s+(?:\d|noon|midday|the end|end)/u.test(restText)) return undefined;
    if (tense !== 'past' && new RegExp(`(?<![\\p{L}])(?<!(?:every|each)\\s)${DAY_NAME}(?![\\p{L}])(?!,?\\s+\\d)`, 'u').test(restText)) return undefined;
    // "disabled 14:20 the same day": "at" before a bare time.
    const after = /^\d{1,2}(?::\d{2})?(?:am|pm)?$/u.test(rest[0] ?? '') && /[:apm]/u.test(rest[0]!) ? `at ${restText}` : restText;
    return { text: `${subject()} ${beWith(tense, plural, adverbs)} ${words[j]}${after ? ` ${after.replace(/(?<![\p{L}])w\/c(?=\s)/u, 'the week commencing')}` : ''}`, plural, thing, tense };
  }
  // A gerund: "correct cartons coming on a dedicated truck" → "The correct cartons are coming…".
  if (vt.has('Gerund') && vt.has('Verb') && !vt.has('Noun') && rest.length > 0) {
    const tense: Tense = role === 'mistake' || role === 'cause' ? 'past' : 'present';
    // "failing silently since October": what went on until now ("had been failing", "has been working").
    const since = /(?<![\p{L}])since(?![\p{L}])/u.test(restText);
    const aux = since ? (tense === 'past' ? 'had been' : plural ? 'have been' : 'has been') : beWith(tense, plural, adverbs);
    return { text: `${subject()} ${since && adverbs.length > 0 ? `${aux.split(' ')[0]} ${adverbs.join(' ')} ${aux.split(' ').slice(1).join(' ')}` : aux} ${words.slice(j).join(' ')}`, plural, thing, tense };
  }
  // A verb of its own after a bare noun: "driver collects the wrong ones" → "Our driver collects the wrong ones".
  if (bare && adverbs.length <= 1 && end <= 3 && vt.has('Verb') && vt.has('PresentTense') && !vt.has('Infinitive') === /s$/u.test(v) && !vt.has('Noun') && (/s$/u.test(v) ? !plural : plural)) {
    const next = tags[j + 1];
    if (next && (next.has('Determiner') || next.has('Pronoun') || next.has('Preposition'))) return { text: `${subject()} ${words.slice(end).join(' ')}`, plural, thing };
  }
  return undefined;
}

/** Whether a note names a day before the letter's (the pieces of a note about a day gone are in the past). */
function pastDayIn(note: string, now: Date | undefined): boolean {
  const day = namedDay(note, now);
  return day !== undefined && now !== undefined && day.getTime() < Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** A sentence the rules made, its verbless pieces read by the tagger; a verb with its subject dropped gets "it"/"they". */
function posSentence(sentence: string, role: NoteRole, o: NoteOptions, note: string, prevTense?: Tense): string[] {
  // A reading that fails (the tagger missing from an install, a shape it cannot take) leaves the sentence as the rules made it.
  try {
    return readSentence(sentence, role, o, note, prevTense);
  } catch {
    return [sentence];
  }
}

function readSentence(sentence: string, role: NoteRole, o: NoteOptions, note: string, prevTense?: Tense): string[] {
  const end = /[.!?]$/u.exec(sentence)?.[0] ?? '';
  const body = sentence.slice(0, sentence.length - end.length);
  const parts = pieces(body);
  const getsDone = (w: string[]) => w.length >= 3 && /^\p{L}\p{Ll}*$/u.test(w[0]!) && /^\p{Ll}+s$/u.test(w[1]!) && isParticiple(w[2]!);
  if (!parts.some((p) => mayBeFragment(wordsIn(p.text)) || getsDone(wordsIn(p.text)))) return [sentence];
  const out: string[] = [];
  let cur = '';
  let curClause = false;
  let last: Reading | undefined;
  let changed = false;
  const finish = () => {
    if (cur) out.push(capitalise(cur) + (end || '.'));
    cur = '';
  };
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    // The sentence's capital the rules gave a word typed in lower case ("correct cartons…") is no name's.
    if (k === 0 && /^\p{Lu}\p{Ll}+(?![\p{L}])/u.test(p.text)) {
      const first = p.text.split(/\s/u)[0]!.replace(/[,;:.]+$/u, '');
      if (new RegExp(`(?<![\\p{L}])${lowerFirst(first).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(note)) p.text = lowerFirst(p.text);
    }
    const words = wordsIn(p.text);
    let made = mayBeFragment(words) ? readPiece(words, role, o, note, last?.tense ?? (k === 0 && /(?<![\p{L}])(?:at the same time|at the same visit|afterwards|alongside)(?![\p{L}])/iu.test(p.text) ? prevTense : undefined)) : undefined;
    // "machine gets recalibrated after…": the rules cannot tell "gets" from a plural noun ("address checks added…"); the tagger can.
    if (!made && (k === 0 || curClause) && words.length >= 3 && /^\p{Ll}+$/u.test(words[0]!) && !DET.has(lowerWord(words[0]!)) && !PRONOUNS.has(lowerWord(words[0]!)) && !LEANING.has(lowerWord(words[0]!)) && /^\p{Ll}+s$/u.test(words[1]!) && isParticiple(words[2]!) && role !== 'action') {
      const t = tagWords(words.slice(0, 3), 'the ');
      if (t[0]!.has('Noun') && t[0]!.has('Singular') && !t[0]!.has('Verb') && t[1]!.has('Verb') && t[1]!.has('PresentTense') && !t[1]!.has('Noun')) {
        made = { text: `${withDeterminer(words[0]!, role)} ${words.slice(1).join(' ')}`, plural: false, thing: !PERSON.test(lowerWord(words[0]!)) };
      }
    }
    // "…, shows on your next bill", "…, should show in 3-5 days": the thing the clause before was about.
    if (!made && k > 0 && curClause && last?.thing && words.length > 1) {
      const t = tagWords(words.slice(0, 2))[0]!;
      const modal = /^(?:should|will|may|might|could|can|would)$/u.test(lowerWord(words[0]!));
      const past = (role === 'mistake' || role === 'cause') && t.has('PastTense') && t.has('Verb') && !(lowerWord(words[0]!) in IRREGULAR && IRREGULAR[lowerWord(words[0]!)] !== lowerWord(words[0]!)) && (tagWords(words.slice(0, 2))[1]!.has('Preposition') || tagWords(words.slice(0, 2))[1]!.has('Particle'));
      if (modal || past || t.has('PresentTense') && t.has('Verb') && !t.has('Noun') && /s$/u.test(lowerWord(words[0]!)) && !last.plural) {
        const they = last.plural ? 'they' : 'it';
        made = { text: `${they} ${p.text}`, plural: last.plural, thing: true };
      }
    }
    const sep = k > 0 ? parts[k - 1]!.sep || ',' : '';
    if (k === 0 || cur === '') {
      cur = made?.text ?? p.text;
      curClause = made !== undefined || !mayBeFragment(words);
      if (made) last = made;
      changed ||= made !== undefined;
      continue;
    }
    if (made && curClause) {
      changed = true;
      last = made;
      if (k === parts.length - 1 && sep === ',') cur = `${cur}, and ${made.text}`;
      else {
        finish();
        cur = made.text;
      }
      continue;
    }
    if (made) {
      changed = true;
      last = made;
    }
    cur = `${cur}${sep} ${made?.text ?? p.text}`;
    curClause ||= made !== undefined;
  }
  finish();
  return changed ? out : [sentence];
}

/**
 * `when` as the letters say it: a time, not a note. A participle typed before the day ("delivered
 * Tuesday 24 November") repeats the mistake's verb where the letter leads with the day ("Delivered
 * Tuesday 24 November, we delivered…"): the day alone. Anything else as typed.
 */
export function whenNote(text: string): string {
  const m = new RegExp(`^(\\p{L}+)\\s+(?=(?:on\\s+)?(?:${DAY_NAME}|\\d{1,2}\\s+(?:${MONTHS.join('|')})))`, 'iu').exec(text.trim());
  if (!m || !isParticiple(m[1]!) || NOT_PARTICIPLE.has(lowerWord(m[1]!))) return text;
  return text.trim().slice(m[0].length).replace(/^on\s+/iu, '');
}

/** A time or day with no word before it after a state: "12:48 UTC" → "by 12:48 UTC", "Monday 23 November" → "on Monday 23 November". */
function whenWords(rest: string): string {
  return rest
    .replace(/^(\d{1,2}(?::\d{2})?(?:am|pm)?(?:\s+(?:UTC|GMT|BST|CET|CEST|EST|PST|local time))?)(?=$|[\s,;.])/u, 'by $1')
    .replace(new RegExp(`(^|\\s)(?<!(?:on|by|from|until|till|since|before|after)\\s)(${DAY_NAME}(?:\\s+\\d{1,2}\\s+\\p{Lu}\\p{Ll}+)?)(?![\\p{L}])`, 'u'), '$1on $2');
}

/**
 * An outcome that opens with the state things are back in, and no subject ("fully restored 12:48 UTC
 * Monday 23 November", "back online since 14:00"): said of everything, in the past when it names a
 * time or day ("Everything was fully restored by 12:48 UTC on Monday 23 November"). Only the words
 * for a service back as it was; anything else as typed.
 */
function restoredState(t: string): string {
  // ("service fully restored 18:30 Friday": a thing named first is what was restored.)
  const named = /^((?:\p{Ll}[\p{Ll}-]*\s+){0,1}(?:service|services|site|website|system|systems|app|platform|network|connection|supply|power|access|checkout|portal|line|lines|server|servers|api|payments|bookings|email|phones))\s+(?=(?:fully|completely|partly|partially|now)?\s*(?:restored|recovered|reconnected|back)(?![\p{L}]))/iu.exec(t);
  const subject = named ? withDeterminer(named[1]!, 'outcome') : 'everything';
  const from = named ? t.slice(named[0].length) : t;
  const m = /^((?:(?:fully|completely|partly|partially|now|all)\s+)?)(restored|recovered|reconnected|reinstated|back (?:up and running|up|online|to normal|in service)|up and running again|working (?:normally )?again)(?=$|[\s,;.])(.*)$/iu.exec(from);
  if (!m) return t;
  const [, adv, state, after] = m as unknown as [string, string, string, string];
  // The state's own words up to the first comma, semicolon or full stop; the rest as typed.
  const cut = /[,;.](?:\s|$)/u.exec(after);
  const own = (cut ? after.slice(0, cut.index) : after).trim();
  const tail = cut ? after.slice(cut.index) : '';
  if (own !== '' && !/^(?:\d|by\s|at\s|on\s|since\s|from\s|in\s|within\s|before\s|after\s|the same\s|same\s|overnight|today|yesterday|this\s|last\s)/iu.test(own) && !new RegExp(`^${DAY_NAME}`, 'u').test(own)) return t;
  if (/(?<![\p{L}])(?:will|tomorrow|next)(?![\p{L}])/iu.test(own)) return t;
  const timed = own !== '';
  const since = /^since\s/iu.test(own);
  const be = since ? 'has been' : timed ? 'was' : 'is';
  const word = state.toLowerCase().startsWith('back') || state.toLowerCase().startsWith('up') || state.toLowerCase().startsWith('working') ? `${be} ${adv.toLowerCase()}${state}` : `${be} ${adv.toLowerCase()}${state}`;
  const plural = named ? isPlural(named[1]!.split(/\s+/u).pop()!) : false;
  return `${subject} ${plural ? word.replace(/^was /u, 'were ').replace(/^has been /u, 'have been ').replace(/^is /u, 'are ') : word}${own ? ` ${whenWords(own)}` : ''}${tail}`;
}

const REQUEST_VERB = /^(?:call|ring|phone|email|e-mail|text|reply|write|tell|let|send|bring|keep|press|check|watch|use|take|come|pop|drop|look|throw|return|contact|visit|log|sign|click|go|pick|book|choose|try|restart|turn|switch|delete|ignore|store|hold|give|be|make|confirm|forward|update|change|reset|download|install|review|monitor|cancel|resubmit|re-run|rerun|retry|re-send|resend|upload|clear|refresh|save|print|read|apply|avoid|stop|leave|remove|report|quote|mark|note|move|open|close|run|unplug|plug|fill|complete|sign|enter|ensure)(?![\p{L}'’-])/iu;
/** Verbs after "check", "make sure", "confirm" that say what is to be seen ("check orders … show status Released"). */
const SEEN = /^(?:show|shows|is|are|has|have|match|matches|read|reads|say|says|appear|appears|display|displays|contain|contains|list|lists|include|includes)$/iu;

/**
 * An action typed as an order ("check orders … show status Released. any stuck in Pending, send the
 * order IDs to support quoting INC-2311") as a request to the reader: "please" before a sentence that
 * opens with what they do, "that" before what they check for, "If any are …," before a condition
 * typed as a bare "any …", a comma before "quoting". Anything already polite, a question or a
 * sentence with a subject as typed.
 */
function politeRequest(sentence: string): string {
  let s = sentence;
  // "any stuck in Pending, send …" / "anything doesn't fit, ring …": a condition.
  const cond = /^(any|anything|anyone|anybody)\s+([^,]+?),\s+((?:please\s+)?\p{L}+)(?=\s)/iu.exec(s) ?? /^(any|anything|anyone|anybody)\s+((?:\S+\s+){0,3}?(?:doesn't|don't|isn't|aren't|is|are|needs?|looks?|fits?|seems?|shows?)\s+(?:\S+\s+){0,3}?\S+)\s+((?:please\s+)?(?:call|ring|phone|email|text|reply|send|contact|tell|let|bring|return)(?=\s))/iu.exec(s);
  if (cond && REQUEST_VERB.test(cond[3]!.replace(/^please\s+/iu, '')) && !/^(?:any|each|every)$/iu.test(cond[2]!.split(/\s+/u)[0]!)) {
    const who = cond[1]!.toLowerCase();
    const words = cond[2]!.split(/\s+/u);
    const finite = words.some((w, k) => isFinite(w) && /^\p{Ll}/u.test(w) && !(k === 0 && (w.toLowerCase() in IRREGULAR || isParticiple(w))) || /^(?:is|are|was|were|has|have|had|does|doesn't|don't|didn't|isn't|aren't|won't|can't|needs?|looks?|fits?|shows?|seems?)$/iu.test(w));
    const w1 = words[0]!;
    // "any stuck in Pending": a state; "anything doesn't fit": a clause already.
    const state = !finite && (isParticiple(w1) || /^\p{Ll}+ed$/u.test(w1) || w1.toLowerCase() in IRREGULAR || /^(?:still|missing|wrong|late|left|not|without|in|on|at|with|showing|marked|flagged)$/iu.test(w1));
    if (finite || state) {
      const be = who === 'any' ? 'are' : 'is';
      const clause = finite ? `${who} ${cond[2]}` : `${who} ${be} ${cond[2]}`;
      const restAt = cond.index + cond[0].length - cond[3]!.length;
      s = `If ${clause}, ${s.slice(restAt)}`;
      const verbAt = s.indexOf(', ') + 2;
      if (!/^please\s/iu.test(s.slice(verbAt))) s = `${s.slice(0, verbAt)}please ${lowerFirst(s.slice(verbAt))}`;
      return quoting(s);
    }
  }
  const words = s.split(/\s+/u);
  // ("keep the red" is leave to keep, not a request.)
  // notes12: "ignore the second invoice", "ignore the reminder": a request about what we sent (not leave to keep something).
  const ignoreOurs = /^ignore$/iu.test(words[0] ?? '') && /^(?:the|that|this|any|our)$/iu.test(words[1] ?? '') && words.slice(2).some((w) => /^(?:invoice|invoices|email|emails|reminder|reminders|letter|letters|text|texts|message|messages|bill|bills|charge|notice|notification|notifications|statement|demand)$/iu.test(lowerWord(w)));
  if (!REQUEST_VERB.test(words[0] ?? '') || /^(?:keep|hold|leave|use|throw|ignore)$/iu.test(words[0]!) && !ignoreOurs || /[?]$/u.test(s) || words.length < 3) return s;
  // "Check" typed with its capital inside a sentence is still the reader's to do; a name ("Mark", "Bill") is not a verb after it.
  if (/^\p{Lu}{2,}/u.test(words[0]!)) return s;
  // "send it back" / "keep the red": the reader's; "use by 30 Nov" too. ("Watch this space", "call centre" are not requests.)
  const w1 = lowerWord(words[1] ?? '');
  if (/^(?:centre|center|log|logs|list|lists|sheet|note|notes|time|times|report|reports|space|ins?)$/u.test(w1)) return s;
  let out = `please ${lowerFirst(s)}`;
  let checks = false;
  // "check orders … show status Released": what they check for.
  if (/^(?:check|confirm|make sure|ensure|verify)$/iu.test(words[0]!) && !/^(?:that|whether|if|for|with|your (?:email|inbox|account|statement|spam)$)/iu.test(w1)) {
    const clauseEnd = s.search(/[,;]|(?<![\p{L}])(?:and|or|then)(?![\p{L}])/u);
    const upto = (clauseEnd < 0 ? words : s.slice(0, clauseEnd).trim().split(/\s+/u));
    const at = upto.findIndex((w, k) => k >= 2 && SEEN.test(w.replace(/[,;.!]$/u, '')));
    if (at >= 2) {
      out = `please ${lowerFirst(words[0]!)} that ${words.slice(1).join(' ')}`;
      checks = true;
    }
  }
  // "update didn't turn up", "return labels are in the box": the first word is a noun with its verb after it.
  if (isFinite(words[1]!) || isParticiple(words[1]!) && !/^(?:signed|printed|used|marked|affected|damaged|missing|returned|unused|opened|sealed|unopened)$/iu.test(words[1]!)) return s;
  if (!checks && words.slice(1, 4).some((w) => /^(?:is|are|was|were|has|have|had|will|would|won't|didn't|doesn't|don't|isn't|aren't|wasn't|weren't|can't|can|could|should|must|may|might|shall|hasn't|haven't|needs|goes|went|came|got|due)$/iu.test(w.replace(/[,;.]$/u, '')))) return s;
  return quoting(out);
}

/** "… to support quoting INC-2311" → "… to support, quoting INC-2311". */
function quoting(s: string): string {
  return s.replace(/(?<=[\p{L}\p{N}])\s+(quoting|citing|giving|including)\s+(?=[\p{Lu}\p{N}"“'(]|your\s|our\s|the\s)/u, ', $1 ');
}

/** The verb for an item added to a commitment, in its tense: "We've added", "We're adding", "We will add". */
function addedAs(status: NoteOptions['status']): string {
  return status === 'in-progress' ? "we're adding" : status === 'planned' ? 'we will add' : "we've added";
}

/**
 * A commitment's items typed as a list ("…. + offline pick-list export so you can keep picking"),
 * and a verbless item in a chain ("…, storage upgrades only outside 06:00-20:00 UTC"): each given
 * a verb in the commitment's tense ("We're adding an offline pick-list export so…", "storage
 * upgrades will only be done outside…"). An item that opens with a verb, or any shape less sure, as typed.
 */
/** A participle a note leaves without its "is"/"are": "pasted", "double-checked", "kept". */
const NOTE_PARTICIPLE = String.raw`(?:double-checked|triple-checked|(?!(?:need|seed|bed|red|shed|speed|feed|bleed|breed|greed|weed|hundred|sled|embed)(?![\p{L}]))\p{Ll}{2,}ed|kept|sent|made|done|taken|given|shown|held|built|written|paid|sold|told|found|brought|bought|left|rewritten)`;
/** Words that make a chunk a clause already (it has its verb, or a person doing it). */
const HAS_VERB = /(?<![\p{L}'’])(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|must|may|might|do|does|did|we|I|you|they|he|she|it|who|which|that)(?![\p{L}'’])/iu;

/**
 * blind13: a change typed as a thing and a participle with no "is" ("Listings in the newsletter now pasted straight from the
 * booking system", "Only the signed-off proof kept in the live job folder", "all orders double checked before dispatch"):
 * said with its verb ("Listings in the newsletter are now pasted…", "Only the signed-off proof is kept…", "All orders are
 * now double-checked…"). The tense is the present: what is done now, from here on.
 */
function passiveNotes(t: string, o: NoteOptions): string {
  const fixed = t.replace(/(?<![\p{L}-])(double|triple)[ ](checked|check|checking|checks)(?![\p{L}])/giu, '$1-$2');
  if (o.status === 'planned') return fixed;
  return fixed.replace(new RegExp(String.raw`(^|[.!?;]\s+)([Oo]nly\s+)?((?:(?:[Tt]he|[Aa]ll|[Ee]very|[Ee]ach|[Oo]ur|[Aa]ny)\s+)?[\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,3}?(?:\s+(?:in|on|for|from|of|at|to)\s+(?:the\s+|our\s+|each\s+|every\s+)?[\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,2}?)?)\s+(now\s+)?(${NOTE_PARTICIPLE})(?=\s+(?:in|on|at|by|before|after|from|with|straight|directly|daily|weekly|every|each|against|into|for|to|when|once|twice)(?![\p{L}])|\s*[,.;]|\s*$)`, 'gu'), (m, lead: string, only: string | undefined, np: string, now: string | undefined, part: string) => {
    if (!only && !now) return m;
    if (HAS_VERB.test(np) || /(?<![\p{L}])(?:not|never|no)(?![\p{L}])/iu.test(np)) return m;
    const head = (/^(.*?)\s+(?:in|on|for|from|of|at|to)\s/iu.exec(np)?.[1] ?? np).split(/\s+/u).pop()!.toLowerCase();
    if (/^(?:every|each|any)\s/iu.test(np)) return m;
    const plural = /^all\s/iu.test(np) || (/s$/u.test(head) && !/(?:ss|us|is)$/u.test(head));
    return `${lead}${only ?? ''}${np} ${plural ? 'are' : 'is'}${now ? ' now' : ''} ${part}`;
  });
}

function commitmentItems(t: string, o: NoteOptions): string {
  let out = t.replace(/(^|[.;,]\s+|\s)\+\s+(?=\p{Ll})([^.;]+)/gu, (m, before: string, item: string) => {
    const words = item.trim().split(/\s+/u);
    const w0 = lowerWord(words[0]!);
    if (REQUEST_VERB.test(w0) || isFinite(w0) || isParticiple(w0) || PRONOUNS.has(w0) || LEANING.has(w0) || /ing$/u.test(w0)) return m;
    // ("+ retrain the night shift": a verb the lists do not know, before its object.)
    if (!DET.has(w0) && words.length > 1 && (() => { try { const tags = tagWords(words.slice(0, 3)); return tags[0]!.has('Verb') && !tags[0]!.has('Noun') && !tags[0]!.has('Adjective'); } catch { return true; } })()) return m;
    // The item's own words before "so", "to", "for": a thing, with no verb.
    const own = item.split(/(?<![\p{L}])(?:so|to|which|that|for|because|when|if|on|at|in|against|from|with|by|of|across|before|after|during)(?![\p{L}])/u)[0]!.trim().split(/\s+/u);
    if (own.some((w) => isFinite(w) || isParticiple(w) && !/-/u.test(w)) || own.length > 6) return m;
    // notes12: "+ a 2nd person signs off": an item with a verb of its own no list knows is a clause, as typed.
    if (own.length >= 2 && (() => { try { return tagWords(own, 'the ').some((t, k) => k > 0 && t.has('Verb') && t.has('PresentTense') && !t.has('Noun')); } catch { return true; } })()) return /(?:,\s+|^\s*)$/u.test(before) && before.trim() !== '' ? `${before}and ${item}` : m;
    const np = DET.has(w0) ? item.trim() : `${/^[aeiou]/iu.test(w0) ? 'an' : 'a'} ${item.trim()}`;
    const lead = /[.;]\s+$/u.test(before) || before === '' ? `${before}${capitalise(addedAs(o.status))}` : `${before.trim() === '' ? ',' : before.replace(/\s+$/u, '')} and ${addedAs(o.status)}`;
    return before.trim() === '' && before !== '' ? `${lead} ${np}` : `${lead} ${np}`.replace(/^\s+/u, '');
  });
  // "…, storage upgrades only outside 06:00-20:00 UTC": a thing and when it is done, with no verb.
  out = out.replace(/(^|,\s+)((?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*s)\s+(only|now only|never)\s+(outside|during|after|before|between|within|at|on|in|from)\s+(?=[\p{L}\p{N}])/gu, (m, comma: string, np: string, adv: string, prep: string) => {
    const words = np.split(/\s+/u);
    if (words.some((w) => DET.has(w) && w !== 'all' || isFinite(w) || isParticiple(w) || LEANING.has(w) || PRONOUNS.has(w))) return m;
    const done = o.status === 'done' || o.status === undefined;
    const verb = adv === 'never' ? (done ? 'are never done' : 'will never be done') : done ? `are ${adv} done` : `will ${adv} be done`;
    return `${comma}${np} ${verb} ${prep} `;
  });
  return out;
}

/** A remedy's later items typed after "+" ("£20 refunded + a free hour"): "…, plus a free hour". */
function remedyItems(t: string): string {
  const out = t.replace(/\s+\+\s+(?=[\p{L}\p{N}£$€])/gu, ', plus ').replace(/\),\s+plus/u, '), plus').replace(/,\s*,\s*plus/u, ', plus');
  return out;
}
