/**
 * notes12: the reader spoken of in the third person in their own letter. A note pasted from a ticket
 * says "customer was charged twice", "the client's order", "cust. rang", "she missed her slot",
 * "Mr Patel's parcel"; the letter goes to that person, so it says "you were charged twice", "your
 * order", "you rang", "you missed your slot", "your parcel". Only where the note clearly speaks of the
 * reader: a third party (a courier, "the driver", "our technician", a colleague's name) is never
 * touched, and "he"/"she" are read as the reader only in a note that names nobody else.
 *
 * English only. `readerThings` runs before the note layer (text/notes.ts) on noun phrases alone
 * ("the customer's account" → "your account"), `readerAsYou` after it, once the note has its verbs
 * ("the customer was charged twice" → "you were charged twice"). `readerLeft` says what is still
 * said of the reader in the third person, for the writer's warning.
 */

export interface ReaderOptions {
  /** What one of the affected is called ("patient", "member"), besides "customer" and "client". */
  one?: string;
  /** The letter goes to one person only (affected: 1): a titled name in the note ("Mr Patel") is theirs. */
  single?: boolean;
  /** Whether "she", "he", "him" in the note are the reader, read on the note as typed (`readerPronouns`). */
  pronouns?: boolean;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

function readerWord(o: ReaderOptions): string {
  const words = ['customer', 'client'];
  const one = o.one?.trim().toLowerCase();
  if (one && /^[\p{L} -]{3,30}$/u.test(one) && !/^(?:person|account|user|staff|member of staff)$/u.test(one)) words.push(esc(one));
  return `(?:${[...new Set(words)].map(ci).join('|')})`;
}
/** A word in either case of its first letter ("Customer", "customer"): the rules read names by their capitals, so no /i. */
const ci = (w: string) => (/^\p{L}/u.test(w) ? `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}` : w);
const DETS = '(?:[Tt]he|[Oo]ur|[Tt]his|[Tt]hat)';
/** Words before "customer" that make them someone else ("another patient's address", "a customer's order", "every client"). */
const OTHER = '(?:[Aa]nother|[Oo]ther|[Aa]|[Aa]n|[Ee]ach|[Ee]very|[Aa]ny|[Oo]ne|[Nn]o|[Ss]ome|[Dd]ifferent|[Ww]rong|[Ss]econd|[Pp]revious|[Nn]ext|[Nn]ew|[Ee]ach|[Tt]he other|[Aa]ll)';

/** Words a "customer" before them is part of a name for something of ours ("customer service", "customer portal"). */
const COMPOUND_WORDS = 'service|services|care|support|team|portal|base|experience|feedback|satisfaction|journey|facing|desk|line|helpline|relations|success|insight|insights|panel|survey|list|lists|data|database|records|communications|comms|contact|centre|center|number|numbers|id|ids|code|codes';
/** What a reader has: "the customer account" → "your account", "her parcel" → "your parcel". */
const THINGS = '(?:account|accounts|order|orders|booking|bookings|address|details|record|reservation|appointment|appointments|appt|parcel|parcels|package|delivery|refund|invoice|invoices|bill|payment|payments|card|subscription|membership|password|profile|basket|table|room|slot|visit|hamper|car|bike|pet|dog|cat|child|children|deposit|ticket|tickets|statement|money|balance|phone|email|inbox|results|prescription|claim|cake|flowers|repair|boiler|home|house|door|item|items|purchase|goods|bag|luggage|seat|session|class|lesson|renewal|contract|policy|application|form|letter|quote|meter|device|laptop)';
const TITLED = /(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\p{Lu}\p{L}*(?:['’-]\p{Lu}\p{L}*)*(?:\s+\p{Lu}\p{L}*(?:['’-]\p{Lu}\p{L}*)*)?/u;

/** People a note may be about who are not the reader: with one of these in it, "he" and "she" are left as typed. */
const THIRD_PARTY = /(?<![\p{L}])(?:driver|courier|engineer|technician|tech|plumber|electrician|fitter|installer|staff|colleague|manager|agent|adviser|advisor|nurse|doctor|vet|receptionist|chef|cleaner|picker|packer|dispatcher|rep|supplier|landlord|neighbour|neighbor|husband|wife|partner|son|daughter|mum|mom|dad|mother|father|friend|boss|owner|tutor|teacher|coach|trainer|stylist|therapist|dentist|surgeon|pharmacist|carer|caller|employee|contractor|guy|man|woman|lady|gentleman|boy|girl)s?(?![\p{L}])/iu;
const NOT_A_NAME = /^(?:I|I'm|I've|I'll|I'd|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|UK|US|EU|VAT|SMS|OK)$/u;

/** A capitalised word inside a sentence: a name, maybe someone's other than the reader's. */
function namesSomeone(text: string): boolean {
  return /(?<![.!?]\s|^|["“(]\s?)(?<=\s)\p{Lu}\p{Ll}+(?![\p{L}])/u.test(text) && [...text.matchAll(/(?<=\s)(\p{Lu}\p{Ll}+)(?![\p{L}])/gu)].some((m) => !NOT_A_NAME.test(m[1]!) && !/[.!?]\s*$/u.test(text.slice(0, m.index)));
}

/** Whether "he", "she", "his", "her" in a note can only be the reader: nobody else is named in it, and one person is. */
function pronounsAreReader(text: string): boolean {
  const he = /(?<![\p{L}])(?:he|him|his|himself)(?![\p{L}])/iu.test(text);
  const she = /(?<![\p{L}])(?:she|her|hers|herself)(?![\p{L}])/iu.test(text);
  if (he === she) return false;
  const without = text.replace(/(?<![\p{L}])(?:he|she|him|his|her|hers|himself|herself)(?![\p{L}])/giu, '');
  return !THIRD_PARTY.test(without) && !namesSomeone(without) && !TITLED.test(without);
}

/** The reader's things named in the third person, as "your" (before the note layer). */
export function readerThings(text: string, o: ReaderOptions = {}): string {
  const R = readerWord(o);
  let t = text;
  if (!new RegExp(`${R}|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s|(?<![\\p{L}])(?:his|her)\\s`, 'iu').test(t)) return t;
  const keep = (m: string, word: string) => (/^\p{Lu}/u.test(m) ? word[0]!.toUpperCase() + word.slice(1) : word);
  // "the customer's order", "client's booking", "our patient's results".
  t = t.replace(new RegExp(`(?<![\\p{L}])(?<!${OTHER}\\s+)(?:${DETS}\\s+)?${R}['’]s(?=\\s+[\\p{Ll}\\d])`, 'gu'), (m) => keep(m, 'your'));
  // "the customer account", "customer order": the reader's own.
  t = t.replace(new RegExp(`(?<![\\p{L}'’-])(?<!${OTHER}\\s+)(?:${DETS}\\s+)?${R}\\s+(?=${THINGS}(?![\\p{L}-]))`, 'gu'), (m) => keep(m, 'your '));
  // "Mr Patel's parcel", in a letter to one person: theirs.
  if (o.single) t = t.replace(new RegExp(`${TITLED.source}['’]s(?=\\s+\\p{Ll})`, 'gu'), (_m, at: number, all: string) => (/[.!?]\s+$/u.test(all.slice(0, at)) ? 'Your' : 'your'));
  // "her 10am appointment", "his account": the reader's things (with someone else in the note, only the things a reader has).
  if (/(?<![\p{L}])(?:his|her)\s/iu.test(t)) {
    // (with someone else in the note, "his" and "her" may be theirs: as typed; "his route sheet" is nobody's of the reader's)
    if (pronounsAreReader(t)) {
      const thing = new RegExp(`^${THINGS}$`, 'u');
      t = t.replace(/(?<![\p{L}])(his|her)\s+(?=(\S+)(?:\s+(\S+))?)/gu, (m, _w: string, one: string, two: string | undefined) => {
        const first = one.toLowerCase().replace(/[.,;:!?]+$/u, '');
        const second = (two ?? '').toLowerCase().replace(/[.,;:!?]+$/u, '');
        return thing.test(first) || /^(?:\d[\d:.]*(?:am|pm)?|new|old|first|second|next|last|online|weekly|monthly|own)$/u.test(first) && thing.test(second) ? 'your ' : m;
      });
    }
  }
  return t;
}

const AGREE: Readonly<Record<string, string>> = { was: 'were', is: 'are', has: 'have', "wasn't": "weren't", "isn't": "aren't", "hasn't": "haven't", does: 'do', "doesn't": "don't", 'wasn’t': 'weren’t', 'isn’t': 'aren’t', 'hasn’t': 'haven’t', 'doesn’t': 'don’t', "'s": "'re" };
const PRESENT_S = /^(?:wants|needs|says|thinks|knows|lives|works|pays|gets|uses|owns|rents|expects|prefers|asks|likes|gets)$/u;
/** Where a subject stands: a sentence's start, or after a word that opens a clause. */
const SUBJECT_AT = String.raw`(^|[.!?;]\s+|,\s+(?:and|but|so)\s+|(?<![\p{L}])(?:and|but|so|because|when|if|after|before|until|as|since|while|though|although|that)\s+)`;
/** Verbs and prepositions the reader follows as an object: "ring the customer" → "ring you". */
const OBJECT_AFTER = '(?:to|for|with|from|by|told|tell|rang|ring|called|call|phoned|phone|emailed|email|texted|text|contacted|contact|charged|charge|billed|bill|refunded|refund|sent|send|gave|give|asked|ask|informed|inform|notified|notify|updated|update|warned|warn|reminded|remind|offered|offer|owe|owed|thank|thanked|let|letting|leave|left|keep|kept|help|helped|visit|visited|meet|met|see|saw|reach|reached|reassure|reassured|about)';

function agree(verb: string): string {
  const v = verb.toLowerCase();
  if (AGREE[v]) return verb[0] === verb[0]!.toUpperCase() && verb[0] !== verb[0]!.toLowerCase() ? AGREE[v]![0]!.toUpperCase() + AGREE[v]!.slice(1) : AGREE[v]!;
  if (PRESENT_S.test(v)) return verb.replace(/s$/u, '');
  return verb;
}

/** Whether "she", "he", "him" in a note as typed are the reader (see `readerAsYou`). */
export function readerPronouns(text: string, o: ReaderOptions = {}): boolean {
  const R = readerWord(o);
  return pronounsAreReader(text) && (new RegExp(`(?<![\\p{L}])${R}(?![\\p{L}])`, 'u').test(text) || new RegExp(`(?<![\\p{L}])(?:his|her)\\s+(?:\\S+\\s+)?${THINGS}(?![\\p{L}])`, 'u').test(text));
}

/** The reader named in the third person as "you" (after the note layer has made the note sentences). */
export function readerAsYou(text: string, o: ReaderOptions = {}): string {
  const R = readerWord(o);
  let t = readerThings(text, o);
  const who = [`(?:${DETS}\\s+)?${R}`];
  if (o.single) who.push(TITLED.source);
  // "she", "he", "him" are the reader only in a note that names the reader, or gives them their things ("she missed her slot");
  // never a pronoun with nobody before it in a cause ("he was off sick" is someone of ours).
  const pronoun = o.pronouns ?? readerPronouns(text, o);
  if (pronoun) who.push('(?:[Ss]he|[Hh]e)');
  const W = `(?:${who.join('|')})`;
  // "…your 8-10am slot…, and there was no call to warn her": a note that already speaks to the reader means them by the one "her" we were to contact.
  if (!pronoun && /(?<![\p{L}])(?:you|your)(?![\p{L}])/u.test(t) && !/(?<![\p{L}])(?:she|he)(?![\p{L}])/iu.test(t) && /(?<![\p{L}])(?:him|her)(?![\p{L}])/u.test(t) && !(/(?<![\p{L}])(?:him|his)(?![\p{L}])/u.test(t) && /(?<![\p{L}])her(?![\p{L}])/u.test(t))) {
    t = t.replace(/(?<![\p{L}])(warn|tell|told|call|ring|rang|text|email|phone|inform|update|contact|reassure|let)\s+(?:her|him)(?=\s*(?:$|[.,;!?)]|\s(?:know|back|about|that|when|if|before|after|on|in|by)(?![\p{L}])))/gu, '$1 you');
  }
  if (!new RegExp(W, 'u').test(t) && !(pronoun && /(?<![\p{L}])(?:him|her|himself|herself)(?![\p{L}])/iu.test(t))) return t;
  // "the customer was charged twice", "… because she was booked into the wrong room": a subject, its verb agreeing.
  t = t.replace(new RegExp(`${SUBJECT_AT}${W}(\\s+)(?!(?:${COMPOUND_WORDS}|to)(?![\\p{L}]))(\\S+)`, 'gu'), (m, lead: string, sp: string, verb: string) => {
    const you = /^\p{Lu}/u.test(m.slice(lead.length)) || /[.!?;]\s+$/u.test(lead) ? 'You' : 'you';
    return `${lead}${you}${sp}${agree(verb)}`;
  });
  // "she'd asked for no lilies", "he'll be in": the reader, with the verb the contraction holds.
  if (pronoun) t = t.replace(/(?<![\p{L}])([Ss]he|[Hh]e)['’](d|ll)(?![\p{L}])/gu, (_m, p: string, v: string) => `${/^\p{Lu}/u.test(p) ? 'You' : 'you'}'${v}`);
  // "the customer to bring the receipt" (what the reader is to do): "please bring the receipt".
  t = t.replace(new RegExp(`(^|[.!?]\\s+)${W}\\s+to\\s+(?=\\p{Ll})`, 'gu'), (m, lead: string) => `${lead}${lead === '' && /^\p{Ll}/u.test(m) ? 'please' : 'Please'} `);
  // "ring the customer", "refund sent to the client": an object.
  t = t.replace(new RegExp(`(?<![\\p{L}])(${OBJECT_AFTER})\\s+${W}(?![\\p{L}'’-])(?!\\s+(?:${COMPOUND_WORDS})(?![\\p{L}]))`, 'gu'), (_m, before: string) => `${before} you`);
  if (pronoun) t = t.replace(/(?<![\p{L}])(?:him|her)(?=\s*(?:$|[.,;!?)]|\s(?:to|for|at|on|in|with|about|back|up|a|an|the|that|this|today|tomorrow|yesterday|again|when|if|and|but|so|twice|straight|directly|personally|know|down|off|out|over)(?![\p{L}])))/gu, 'you').replace(/(?<![\p{L}])(?:himself|herself)(?![\p{L}])/gu, 'yourself');
  return t.replace(/(?<![\p{L}])you were you(?![\p{L}])/gu, 'you were');
}

/** The reader still spoken of in the third person after `readerAsYou` (for the writer's warning), or ''. */
export function readerLeft(text: string, o: ReaderOptions = {}): string {
  const t = readerAsYou(text, o);
  const R = readerWord(o);
  const m = new RegExp(`(?<![\\p{L}])(?:${DETS}\\s+)?${R}(?:['’]s)?(?![\\p{L}-])(?!\\s+(?:${COMPOUND_WORDS})(?![\\p{L}]))|${TITLED.source}`, 'u').exec(t);
  return m ? m[0] : '';
}
