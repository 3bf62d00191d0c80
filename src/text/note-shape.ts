/**
 * notes14: the shapes of a hurried note that readers still saw pasted nearly as typed, fixed as classes
 * (never per incident), on top of text/notes.ts:
 *
 * - a status tag typed after a change ("…, done + tested", "…, live since Monday", "…, wip", "(tbc)"):
 *   taken off the sentence; what it says that the letter does not (tested, in place since a day) is
 *   said as a sentence of its own ({@link statusTag}, {@link statusSentence});
 * - items typed with "+", "&" or "plus" between them ({@link plusItems}): two clauses are two clauses
 *   ("van broke down + office never rang you" → "van broke down, and office never rang you"), a thing
 *   after a clause in a change is a thing we add ("…. + barcode scan on every bag" → "We've added a
 *   barcode scan on every bag"), things are joined by "and";
 * - a sentence (or a clause after "and"/"but") that opens on a bare noun phrase and its verb
 *   ({@link determiners}): "our" for our people, places and systems, "your" for the reader's things in
 *   what happened to them, "the" for any other single thing; plurals and mass nouns nobody owns stay bare;
 * - a noun phrase and what it was, with its "was" dropped ("booking app down Saturday morning",
 *   "parents email addresses visible in cc", "timber supplier short on oak"): the verb said ({@link framed});
 * - two clauses joined by a comma where the second opens on a noun phrase of its own and its verb
 *   ("…, failed payments now get checked…"): two sentences ({@link nounSplices}).
 *
 * Every rule here reads the words a rule is sure of (lists below), the tagger (text/pos.ts) only to
 * confirm a noun; a piece any rule is unsure of stays as it was.
 */
import { tagWords } from './pos.js';

const DET = /^(?:the|a|an|our|your|their|his|her|its|my|this|that|these|those|some|all|every|each|any|both|no|one|two|three|four|five|six|seven|eight|nine|ten|most|many|several|another|other|none|such|what|which|whose|only|just|also|even|not|never|more|less|fewer|few|half|either|neither)$/u;
const PRONOUN = /^(?:i|we|you|they|he|she|it|there|nobody|someone|everyone|everything|nothing|somebody|everybody|anyone|anything|none|whoever|something|no-one|here|then|now|today|yesterday|tomorrow|please|pls|if|when|once|after|before|because|so|and|but|or|as|since|while|until|unless|although|though|to|for|from|with|without|by|on|in|at|of|via|per|into|onto|over|under|about|during|within|between|instead|plus|also|still|again|please|thanks|sorry)$/u;
/** Words a noun phrase of a note never holds: a verb a note uses bare, an adverb. */
const NOT_IN_NP = /^(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|must|may|might|shall|got|get|gets|now|never|always|already|also|only|still|just|not|then|again|twice|once|all|both|each|every|down|up|off|out|back|late|early|ready|due|live|done|wrong|right|here|there)$/u;
const MONTH_OR_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/u;
/** A finite verb a note's subject is followed by (besides a past tense the tagger reads, or any "…n't"). */
const AUX = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does|do|gets|got|went|came|ran|broke|fell|left|sent|took|made|kept|rang|told|never|now|always|also|only|still|already|just|then|didn't|doesn't|don't|wasn't|weren't|isn't|aren't|hasn't|haven't|hadn't|won't|can't|couldn't|wouldn't|shouldn't)$/u;

/** Irregular pasts, and their "re-" forms ("re-ran", "resent"): a verb after a subject. */
export const IRREGULAR_PAST = /^(?:re-?)?(?:ran|sent|broke|took|made|went|came|fell|froze|lost|kept|left|forgot|wrote|rang|gave|got|hung|drove|threw|tore|stole|ate|shut|sold|paid|told|put|set|cut|hit|let|read|built|caught|brought|bought|found|held|spent|stood|stuck|dealt|meant)$/u;

/** Ours: people, places and systems of the company a note's bare noun names ("carer missed…" → "Our carer missed…"). */
const OURS = /^(?:engineers?|technicians?|drivers?|crews?|couriers?|teams?|vets?|nurses?|doctors?|tutors?|teachers?|fitters?|installers?|plumbers?|electricians?|cleaners?|packers?|pickers?|receptionists?|office|offices|warehouses?|kitchens?|shops?|stores?|studios?|workshops?|website|site|app|apps|systems?|platforms?|portal|database|server|servers|planners?|schedulers?|staff|colleagues?|agents?|advisers?|advisors?|operators?|managers?|supervisors?|chefs?|bakers?|florists?|printers?|press|lab|laboratory|pharmacists?|pharmacy|surveyors?|inspectors?|contractors?|helpline|carers?|coordinators?|coordinator|groomers?|stylists?|therapists?|mechanics?|vans?|lorry|lorries|trucks?|rota|rotas|diary|diaries|form|forms|tool|tools|job|jobs|script|scripts|process|processes|provider|providers|supplier|suppliers|scanner|scanners|till|tills|terminal|terminals|depot|depots|reception|front desk|call centre|mailing list|checker|team lead|dispatcher|dispatchers|instructors?|coach|coaches|guide|guides|valeter|valeters)$/u;
/** The reader's things, in what happened to them and where they stand now ("december beer box charged twice" → "Your December beer box…"). */
const READERS = /^(?:order|orders|box|boxes|subscription|invoice|invoices|bill|statement|prescription|prescriptions|tables?|chairs?|sofa|shirts?|t-shirts?|appointment|booking|test|visit|visits|cards?|delivery|parcel|package|debit|debits|account|return|returns|fitting|slot|refund|reprint|replacement|kit|kits|hamper|cake|car|dog|cat|pet|certificate|tickets?|reservation|room|flight|seat|lesson|class|session|course|results?|repair|remake|tyres?|glasses|lenses|frames?|bouquet|flowers|meal|hire|rental|plan|membership|renewal|policy|claim|quote|report|return)$/u;
/** Nouns that take no "the" when bare and nobody's ("human error", "bad data"): left as typed. */
const MASS = /^(?:data|information|info|software|equipment|feedback|advice|paperwork|training|staffing|stock|traffic|weather|damage|confusion|miscommunication|negligence|demand|access|guidance|supervision|oversight|communication|capacity|cover|coverage|testing|maintenance|knowledge|evidence|power|water|heating|money|funding|time|error|snow|rain|ice|fog|flooding|sickness|illness|illness|cc|bcc)$/u;

const lower = (w: string) => w.toLowerCase().replace(/[’]/gu, "'").replace(/^[("“'‘]+|[)"”'’.,;:!?]+$/gu, '');
/** A pronoun with its verb in it ("we've", "you'd", "it's"). */
const CONTRACTED = /^(?:i|we|you|they|he|she|it|there|that|who|what|here)'(?:s|re|ve|d|ll|m)$/u;
const isPlural = (w: string) => /[^s]s$|ies$|ves$/u.test(w) && !/(?:ss|us|is|ics)$/u.test(w) || /^(?:people|staff|police|children|men|women|glasses)$/u.test(w);
const capitalise = (s: string) => s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

function safeTags(words: string[], prefix = 'the '): Set<string>[] | undefined {
  try {
    return tagWords(words, prefix);
  } catch {
    return undefined;
  }
}

/** Whether a word, as typed in `typed`, is a common word (typed in lower case somewhere, or a month or day the layer capitalised). */
function typedLower(word: string, typed: string): boolean {
  if (MONTH_OR_DAY.test(word)) return true;
  if (/^\p{Ll}/u.test(word)) return true;
  const low = word[0]!.toLowerCase() + word.slice(1);
  return new RegExp(`(?:^|[^\\p{L}])${low.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(typed);
}

/** Whether a word was typed in lower case in `typed` (a sentence's capital is the layer's). */
function typedLowerAt(word: string, typed: string): boolean {
  const low = word[0]!.toLowerCase() + word.slice(1);
  return new RegExp(`(?:^|[^\\p{L}])${low.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(typed);
}

/** A past tense or participle after a subject: the tagger's reading, or a word in -ed. */
function verbAt(w: string, tags: Set<string> | undefined): boolean {
  const l = lower(w);
  if (AUX.test(l) || /n't$/u.test(l) || /^re-?\p{Ll}+$/u.test(l) && IRREGULAR_PAST.test(l) || /^re-\p{Ll}{2,}ed$/u.test(l)) return true;
  if (/^\p{Ll}{3,}ed$/u.test(l) && !/(?:need|speed|bed|seed|feed|shed)$/u.test(l)) return true;
  return tags !== undefined && tags.has('Verb') && (tags.has('PastTense') || tags.has('PresentTense') && /s$/u.test(l) && !tags.has('Plural')) && !tags.has('Noun') && !tags.has('Adjective');
}

/**
 * A bare noun phrase at the start of `words` and the verb it is the subject of: its length (1–4), or 0.
 * "carer missed …" → 1, "december beer box was …" → 3, "the van broke …" → 0 (it has its word).
 */
export function bareSubject(words: string[], typed: string): number {
  if (words.length < 2) return 0;
  const w0 = lower(words[0]!);
  if (DET.test(w0) || PRONOUN.test(w0) || CONTRACTED.test(w0) || NOT_IN_NP.test(w0) || /'/u.test(w0) || /^[(\d£$€#"“]/u.test(words[0]!) || !typedLower(words[0]!, typed)) return 0;
  // (a verb a list knows within the first five words, or a word in -ed: else the tagger is not asked)
  if (!words.slice(1, 6).some((w) => AUX.test(lower(w)) || /n't$/u.test(lower(w)) || /^\p{Ll}{3,}(?:ed|s)$/u.test(lower(w)) || /^(?:broke|rang|ran|went|came|left|forgot|took|fell|froze|lost|sent|kept)$/u.test(lower(w)) || /^re-?/u.test(lower(w)) && IRREGULAR_PAST.test(lower(w)))) return 0;
  const tags = safeTags(words.map((w) => w.replace(/[,;:.!?]+$/u, '')));
  let n = 0;
  while (n < Math.min(words.length - 1, 4)) {
    const w = words[n]!;
    const l = lower(w);
    if (/[,;:.!?)]$/u.test(w) || /^[(\d£$€#]/u.test(w)) return 0;
    if (DET.test(l) || PRONOUN.test(l) || NOT_IN_NP.test(l) || CONTRACTED.test(l) || /'/u.test(l) && n === 0) break;
    if (!typedLower(w, typed) || /^\p{Lu}{2,}/u.test(w) && n === 0) return 0;
    const t0 = tags?.[n];
    const next = lower(words[n + 1] ?? '');
    const pluralBeforeVerb = /\p{Ll}s$/u.test(l) && !/ss$/u.test(l) && (/^(?:now|also|always|never|still|only|are|were|have|had|will|can|could|should|must|go|get|got|went|come|came|need|don't|didn't|aren't|weren't|haven't|won't|shadow|stay|run|take|arrive|work)$/u.test(next) || /^\p{Ll}{3,}ed$/u.test(next));
    const t = pluralBeforeVerb && n > 0 ? new Set(['Noun', 'Plural']) : t0;
    if (n > 0 && verbAt(w, t) && !pluralBeforeVerb) break;
    if (t && !(t.has('Noun') || t.has('Adjective') || t.has('Date')) ) break;
    if (/ing$/u.test(l) && n === 0 && t?.has('Verb') && !t.has('Noun')) return 0;
    n++;
  }
  if (n === 0 || n >= words.length) return 0;
  // (the phrase ends on a noun: "new hires", never "new")
  if (tags && !tags[n - 1]!.has('Noun') && !/\p{Ll}s$/u.test(lower(words[n - 1]!))) return 0;
  // (a participle with no object after it, "sofa collected on Friday": a passive the rules before left unsure; left as typed)
  if (/^\p{Ll}{3,}ed[,.;]?$/u.test(words[n]!) && !/^(?:failed|crashed|stopped|froze|overheated|jammed|leaked|flooded|collapsed|tripped|stalled|expired|lapsed|glitched|errored|happened|arrived|worked|waited|disappeared|died)[,.;]?$/u.test(lower(words[n]!)) && (n + 1 >= words.length || /[,.;]$/u.test(words[n]!) || /^(?:on|at|in|by|for|from|to|with|after|before|and|but|again|today|yesterday|overnight|twice|early|late)$/u.test(lower(words[n + 1]!)))) return 0;
  // (the verb after a plural read as one: "reminder texts now go")
  if (n >= 1 && /\p{Ll}s$/u.test(lower(words[n - 1]!)) && !verbAt(words[n]!, tags?.[n]) && !/^(?:now|also|always|never|still|only)$/u.test(lower(words[n]!))) return 0;
  const first = lower(words[0]!);
  if (DET.test(first) || PRONOUN.test(first)) return 0;
  // (what follows is the verb: a list's, the tagger's, or a contraction)
  if (!verbAt(words[n]!, tags?.[n])) return 0;
  // (an "-ing" word at the start is an activity: "packing is now checked twice")
  if (/ing$/u.test(first) && n === 1) return 0;
  return n;
}

/** The word a bare noun phrase takes for its role, or '' when it stays bare. */
export function ownerWord(np: string[], role: string, typed: string): string {
  const words = np.map(lower);
  const head = words[words.length - 1]!;
  const plural = isPlural(head);
  const reader = (role === 'mistake' || role === 'outcome') && READERS.test(head) && !/(?<![\p{L}])(?:for|across|to) (?:all|every|each)(?![\p{L}])/u.test(typed);
  const ours = OURS.test(head) || (words.length > 1 && OURS.test(`${words[words.length - 2]} ${head}`));
  if (reader && !ours) return 'your';
  if (ours) return 'our';
  if (reader) return 'your';
  if (plural || MASS.test(head)) return '';
  // a single thing nobody owns, one already known to the reader: "the"
  return 'the';
}

/** One sentence (or the clause after "and"/"but") with its bare subject's word. */
function subjectWord(clause: string, role: string, typed: string, capital: boolean): string {
  const words = clause.split(/\s+/u);
  const n = bareSubject(words, typed);
  if (n === 0) return clause;
  const word = ownerWord(words.slice(0, n), role, typed);
  if (word === '') return clause;
  const np = words.slice(0, n);
  if (/^\p{Lu}\p{Ll}/u.test(np[0]!) && !MONTH_OR_DAY.test(np[0]!)) np[0] = np[0]![0]!.toLowerCase() + np[0]!.slice(1);
  const out = `${word} ${[...np, ...words.slice(n)].join(' ')}`;
  return capital ? capitalise(out) : out;
}

/**
 * Each sentence of `prose`, and each clause after ", and" / ", but" / " and" / " but", that opens on a bare
 * noun phrase and its verb, with its word. Idempotent (a phrase with its word is left).
 */
export function determiners(prose: string, role: string, typed: string): string {
  const sentences = prose.split(/(?<=[.!?])\s+(?=\S)/u);
  return sentences
    .map((s, i) => {
      const capital = /^\p{Lu}/u.test(s) || i > 0;
      let out = subjectWord(s, role, typed, capital && /^\p{Lu}/u.test(s));
      out = out.replace(/((?:,\s+|\s)(?:and|but|so)\s+)(\p{Ll}[^,;.!?]*)/gu, (m, lead: string, rest: string, at: number, all: string) => {
        // (only after a clause of its own: "decaf and regular were mixed up" is one subject)
        const before = all.slice(0, at).split(/[,;]/u).pop()!.split(/\s+/u).filter(Boolean);
        if (!before.some((w, k) => k > 0 && (AUX.test(lower(w)) || /n't$/u.test(lower(w)) || /^\p{Ll}{3,}ed$/u.test(lower(w)) || /^(?:broke|rang|ran|went|came|left|forgot|took|fell|froze|lost|sent|kept|got)$/u.test(lower(w))))) return m;
        const made = subjectWord(rest, role, typed, false);
        if (/^your\s/u.test(made)) return m;
        return made === rest ? m : `${lead}${made}`;
      });
      return out;
    })
    .join(' ');
}

/** Adjectives and states a noun phrase is followed by in a note with its "was" dropped. */
const STATE_WORD = /^(?:down|offline|unavailable|visible|exposed|short|out|closed|late|missing|broken|wrong|unreachable|unresponsive|slow|stuck|full|empty|overbooked|double-booked|unstaffed|unsigned|unpaid|overdue|invalid|incorrect|faulty|off)$/u;

/**
 * A sentence that is a noun phrase and what it was, with no verb ("booking app down Saturday morning for
 * about 2 hours", "parents email addresses visible in cc…"): the "was"/"were" said (in a change or where
 * they stand now, "is"/"are"). Only when no word of the sentence is a verb a list or the tagger knows.
 */
export function framed(prose: string, role: string, typed: string): string {
  if (role !== 'mistake' && role !== 'cause' && role !== 'outcome') return prose;
  return prose
    .split(/(?<=[.!?])\s+(?=\S)/u)
    .map((s) => {
      const body = s.replace(/[.!?]+$/u, '');
      const end = s.slice(body.length);
      const words = body.split(/\s+/u);
      const at = words.findIndex((w, k) => k > 0 && k <= 5 && STATE_WORD.test(lower(w)) && !/[,;:]$/u.test(words[k - 1]!));
      if (at < 1) return s;
      const np = words.slice(0, at);
      if (np.some((w) => /[,;:]$/u.test(w) || AUX.test(lower(w)) || PRONOUN.test(lower(w)) && lower(w) !== 'no' || /^\p{Ll}{3,}ed$|^(?:spelt|sent|left|lost|kept|built|made|done|put|set|cut|found|got|taken|given|goes|comes|gets|runs|leaves|arrives|ships|stays|moves|turns|looks|seems|went|came|ran)$/u.test(lower(w)))) return s;
      const tags = safeTags(words.map((w) => w.replace(/[,;:.!?]+$/u, '')));
      if (!tags) return s;
      // (no verb anywhere in the sentence: "…down, we didn't…" is a clause already)
      if (words.some((w, k) => k > at && verbAt(w, tags[k]) && !(tags[k]!.has('Noun') || tags[k]!.has('Adjective')) && !STATE_WORD.test(lower(w)))) return s;
      if (!np.every((w, k) => DET.test(lower(w)) || tags[k]!.has('Noun') || tags[k]!.has('Adjective') || /'s$|s'$/u.test(w) || k === np.length - 1 && k > 0 && /\p{Ll}s$/u.test(w))) return s;
      // "addresses" is a noun here whatever the tagger says: the phrase before a state ends on its noun
      const head = lower(np[np.length - 1]!);
      if (DET.test(head)) return s;
      const plural = isPlural(head) && !DET.test(lower(np[0]!)) || /^(?:these|those|both|all|two|three|four|five|\d+)$/u.test(lower(np[0]!));
      const verb = role === 'outcome' ? (plural ? 'are' : 'is') : plural ? 'were' : 'was';
      let rest = words.slice(at).join(' ');
      // "down Saturday morning", "down about 2 hours": the day with its "on", how long with its "for"
      rest = rest.replace(/^(down|offline|closed|unavailable|out)\s+(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\p{L}]))/u, '$1 on ').replace(/(?<![\p{L}])(?<!for\s)(about|around|nearly|almost|over)\s+(?=\d+\s*(?:hours?|minutes?|days?|weeks?)(?![\p{L}]))/u, 'for $1 ').replace(/(?<=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: \d{1,2} \p{Lu}\p{Ll}+)?(?: (?:morning|afternoon|evening|night))?)\s+(?=\d+\s*(?:hours?|minutes?)(?![\p{L}]))/u, ' for ');
      let subject = np.join(' ');
      // "parents email addresses" → "parents' email addresses"
      subject = subject.replace(/(?<![\p{L}])(parents|customers|clients|members|guests|patients|families|students|users|owners)\s+(?=(?:email|e-mail|home|phone|contact|postal|bank|card|account|personal|medical)\b)/u, "$1' ");
      const withWord = determiners(`${subject} ${verb} ${rest}`, role, typed);
      const cap = /^\p{Lu}/u.test(s) ? capitalise(withWord) : withWord;
      return `${cap}${end}`;
    })
    .join(' ');
}

/** Status tags a manager types after a change. */
const TAG = /(?:\s*[,;]\s*|\s+[-–—]\s+|\s*\(\s*|\s+(?=(?:done|all done)\s*(?:\+|&|and|n)\s*tested|wip|w\.i\.p|tbc|tbd|tba))(?<tag>(?:all\s+)?(?:done|sorted|complete|completed|finished)(?:\s*(?:\+|&|and|n)\s*(?:tested|verified|checked))?|tested|(?:live|in place|rolled out)(?:\s+(?:since|from|as of)\s+(?<since>[^,;()]+?))?|wip|w\.i\.p\.?|in progress|ongoing|under ?way|tbc|tbd|tba|to be confirmed|planned|pending|to do|todo|not started)\s*\)?\s*[.!]?\s*$/iu;

export interface StatusTag {
  kind: 'done' | 'tested' | 'live' | 'under-way' | 'to-come';
  since?: string;
}

/** A status tag typed at the end of a change: the change without it, and what it said. */
export function statusTag(text: string): { text: string; tag?: StatusTag } {
  const m = TAG.exec(text);
  if (!m || m.index === 0) return { text };
  const before = text.slice(0, m.index).replace(/[\s,;:(–—-]+$/u, '');
  // (a change of a word or two before the tag is no change: "tests done" keeps its verb)
  if (before.split(/\s+/u).length < 3) return { text };
  const t = m.groups!.tag!.toLowerCase();
  const kind: StatusTag['kind'] = /tested|verified|checked/u.test(t) ? 'tested' : /^(?:live|in place|rolled out)/u.test(t) ? 'live' : /wip|w\.i\.p|progress|ongoing|under/u.test(t) ? 'under-way' : /tb[cda]|confirmed|planned|pending|to ?do|not started/u.test(t) ? 'to-come' : 'done';
  return { text: before, tag: m.groups!.since ? { kind, since: m.groups!.since.trim() } : { kind } };
}

/** What a tag says that the letter's own tense does not: that the change was tested, or since when it is in place. */
export function statusSentence(tag: StatusTag | undefined, status: string | undefined): string {
  if (!tag) return '';
  const done = status === undefined || status === 'done';
  if (tag.kind === 'tested' && done) return "We've tested it.";
  if (tag.kind === 'live' && tag.since && done) return `It has been in place since ${tag.since.replace(/^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)$/iu, (d) => d)}.`;
  return '';
}

/** A verb that opens a piece, or a subject and its verb: the piece is a clause. */
function isClauseItem(item: string, typed: string): boolean {
  const words = item.trim().split(/\s+/u).filter(Boolean);
  if (words.length < 2) return false;
  const w0 = lower(words[0]!);
  if (/^(?:we|i|they|you|he|she|it|there|nobody|someone|everyone)(?:'\p{L}+)?$/u.test(w0)) return true;
  const tags = safeTags(words.map((w) => w.replace(/[,;:.!?]+$/u, '')), '');
  if (!tags) return true;
  // "signed off by a 2nd person": a participle shares the subject of the item before it
  if (/^\p{Ll}{3,}ed$/u.test(w0) || tags[0]!.has('PastTense') && !tags[0]!.has('Noun')) return false;
  // "retrain the night shift", "check the bank first": a verb before its object
  if (tags[0]!.has('Verb') && !tags[0]!.has('Noun') && !tags[0]!.has('Adjective') && !DET.test(w0)) return true;
  const start = DET.test(w0) ? 1 : 0;
  const rest = words.slice(start);
  if (bareSubject(rest, typed) > 0) return true;
  // a subject with its word ("the van broke down") or a pronoun: any verb in the first six words
  const t2 = safeTags(rest.map((w) => w.replace(/[,;:.!?]+$/u, '')));
  return rest.slice(1, 6).some((w, k) => verbAt(w, t2?.[k + 1]) && !STATE_WORD.test(lower(w)) && !(t2?.[k + 1]?.has('Noun') ?? false));
}

/**
 * Items typed with "+", "&" or "plus" between them, before the letter's words are put in: two clauses
 * are one sentence joined by ", and" (in what happened and why) or two sentences (in a change); a thing
 * after a clause in a change is kept as an item the change adds ("…. + barcode scan…": text/notes.ts says
 * "We've added a barcode scan…"); two things are joined by "and".
 */
export function plusItems(text: string, role: string): string {
  if (!/\s(?:\+|&|plus)\s/u.test(text)) return text;
  // (never "C++", "Smith & Sons", "2 + 2", "R&D": a sign between lower-case words with spaces)
  const parts = text.split(/(?<=(?:^|[\s(])\p{Ll}[\p{L}\p{N}'’-]*)\s+(?:\+|&|plus)\s+(?=\p{Ll})/u);
  if (parts.length < 2 || parts.some((p) => p.trim() === '' || /^\p{Lu}/u.test(p.trim()) && /\p{Lu}[\p{L}]*$/u.test(parts[0]!.trim()))) return text;
  if (parts.slice(0, -1).some((p) => /\p{Lu}\p{L}*$/u.test(p.trim()) && !/(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z]{2,}\d*)$/u.test(p.trim()))) return text;
  const clause = parts.map((p) => isClauseItem(p, text));
  // ("… & signed off by 2nd person": a participle shares the subject of the item before it)
  const shares = parts.map((p) => /^\p{Ll}{3,}ed(?![\p{L}])/u.test(p.trim()));
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k]!;
    // ("we'll email + text every member": a verb with nothing after it shares the next item's object)
    // (spell16: "…alert the team by sms & email two weeks ahead": two ways of telling after "by" are one phrase)
    if (shares[k] || /^(?:(?:we|i|you|they)(?:['’](?:ll|ve|d)|\s+(?:will|have|now|also))?\s+)?\p{Ll}[\p{Ll}-]*$/iu.test(parts[k - 1]!.trim()) || /(?:^|\s)(?:by|via)\s+(?:sms|SMS|text|email|e-mail|phone|post|letter|app|chat|call|courier|WhatsApp|whatsapp)$/u.test(parts[k - 1]!.trim())) out += ` and ${p}`;
    else if (clause[k] && clause[k - 1] && role !== 'outcome') out += role === 'commitment' ? `. ${p}` : `, and ${p}`;
    else if (!clause[k] && clause[k - 1] && role === 'commitment') out += `. + ${p}`;
    else out += ` and ${p}`;
  }
  return out;
}

/** Words that make the clause before a comma lean on what follows: no splice. */
const SUBORDINATE = /(?<![\p{L}])(?:when|whenever|if|because|as|since|although|though|while|once|until|unless|where|after|before|whether|which|who|whom|whose|than|so that)(?![\p{L}])/iu;

/**
 * "…, failed payments now get checked by a person first", "…, first charge had already gone through": a comma
 * between two clauses where the second opens on a noun phrase of its own and its verb: two sentences.
 */
export function nounSplices(prose: string): string {
  if (!prose.includes(',')) return prose;
  return prose.replace(/([^.!?]*?),\s+(\p{Ll}[^,.!?;]*)/gu, (m, before: string, after: string) => {
    const clauseStart = before.split(/[,;:]/u).pop()!.trim();
    const bwords = clauseStart.split(/\s+/u).filter(Boolean);
    if (bwords.length < 3 || SUBORDINATE.test(before) || /^(?:and|but|or|so|then|plus)$/iu.test(lower(after.split(/\s+/u)[0]!))) return m;
    const btags = safeTags(bwords.map((w) => w.replace(/[,;:.!?]+$/u, '')));
    if (!bwords.some((w, k) => k > 0 && verbAt(w, btags?.[k]) && !(btags?.[k]?.has('Noun') ?? false))) return m;
    const words = after.split(/\s+/u);
    const start = DET.test(lower(words[0]!)) && !/^(?:no|all|both|each|every|only|just|also|even|not|never|more|less|half|one|two|three)$/u.test(lower(words[0]!)) ? 1 : 0;
    const rest = words.slice(start);
    let n = 0;
    const tags = safeTags(rest.map((w) => w.replace(/[,;:.!?]+$/u, '')));
    while (n < Math.min(rest.length - 1, 3) && tags && (tags[n]!.has('Noun') || tags[n]!.has('Adjective')) && !AUX.test(lower(rest[n]!)) && !PRONOUN.test(lower(rest[n]!)) && !(n > 0 && verbAt(rest[n]!, tags[n]))) n++;
    if (n === 0 || !verbAt(rest[n]!, tags?.[n]) || !isPlural(lower(rest[n - 1]!)) && start === 0 && !/^(?:had|has|was|is|will|didn't|wasn't)$/u.test(lower(rest[n]!))) return m;
    // (a verb that takes the comma's list: "…, parcels and boxes were…" is read the same way)
    return `${before}. ${capitalise(after)}`;
  });
}

/** Our systems, which act themselves ("our payment provider retried after a timeout", never "was retried"). */
const MACHINE = '(?:system|provider|job|script|server|platform|database|app|scanner|printer|terminal|till|tool|software|website|portal|machine|integration|sync|importer|exporter|gateway|processor)';
const MACHINE_ACT = '(?:retried|re-ran|reran|restarted|rebooted|re-sent|resent|duplicated|overwrote|skipped|dropped|double-charged|charged|emailed|sent|posted|deleted|reset|rejected|declined|cancelled|timed out)';
/** Places and papers of ours a note names after a preposition with no word ("on booking form", "to new billing platform"). */
const OUR_THING = '(?:booking form|order form|website|app|system|platform|portal|diary|rota|database|booking system|billing system|billing platform|mailing tool|mailing list|checkout|shop|warehouse|workshop|office|studio|kitchen)';
/** Verbs of a standing check: a change said with them is what happens now ("is now checked"), never a thing done once ("has been checked"). */
const HABIT = /^(?:checked|double-checked|verified|reviewed|scanned|signed off|approved|confirmed|required|kept|stored|logged|monitored|counted|weighed|matched|compared|read back|photographed|sent|texted|emailed|called|rung)$/u;

/**
 * What a note leaves out around its nouns once its sentence has a subject, where the reading is sure: a machine of
 * ours acts ("our payment provider retried…"); a place or paper of ours after a preposition is "our" ("required on
 * our booking form", "migration to our new billing platform"); an event is "the" ("during the migration"); "by 2nd
 * person" is "by a second person"; "were wrong size" is "were the wrong size"; a delay's length comes after its verb
 * ("dining tables 3 weeks were late" → "… were 3 weeks late"); a standing check in a change is said as what happens now.
 */
export function objectWords(prose: string, role: string, typed: string): string {
  let t = prose;
  // a machine's own act, made passive by a rule that read a participle ("payment provider retried after a timeout")
  t = t.replace(new RegExp(`(?<![\\p{L}])(our|the|Our|The) ((?:[\\p{Ll}-]+ ){0,2}${MACHINE}) (?:was|were) (${MACHINE_ACT})(?= (?!by(?![\\p{L}])))`, 'gu'), (m, det: string, np: string, v: string) => {
    const head = np.split(' ').pop()!;
    return new RegExp(`(?:^|[^\\p{L}])${head} ${v}(?![\\p{L}])`, 'iu').test(typed) ? `${det} ${np} ${v}` : m;
  });
  t = t.replace(new RegExp(`(?<![\\p{L}])(on|to|from|in|into|via|through|onto) ((?:new|old|online|main|own) )?(${OUR_THING})(?![\\p{L}-])(?! (?:and|or) )`, 'gu'), (m, p: string, adj: string | undefined, thing: string, at: number, all: string) => {
    const before = all.slice(0, at);
    if (/(?:the|a|an|our|your|their|this|that|its)\s*$/u.test(before)) return m;
    return `${p} our ${adj ?? ''}${thing}`;
  });
  t = t.replace(/(?<![\p{L}])(during|after|before|in|from) (migration|update|upgrade|outage|swap|move|switch|changeover|rollout|release|deploy|deployment|restart)(?![\p{L}-])/gu, '$1 the $2');
  t = t.replace(/(?<![\p{L}])by (second|2nd|another|third|senior|different) (person|colleague|member of staff|pharmacist|manager|engineer|checker)(?![\p{L}])/gu, (_m, a: string, who: string) => `by ${a === 'another' ? 'another' : `a ${a === '2nd' ? 'second' : a}`} ${who}`);
  t = t.replace(/(?<![\p{L}])(was|were|is|are|be|been) (wrong|right|correct) (size|colour|color|length|strength|dose|model|version|date|address|name|item|one|ones|type|shade|fit)(?![\p{L}])/gu, '$1 the $2 $3');
  t = t.replace(/(?<![\p{L}])against (approved|signed|agreed|latest|current|original) (proof|version|file|design|order|quote|spec|brief|artwork)(?![\p{L}])/gu, 'against the $1 $2');
  t = t.replace(/(\p{Ll}+) (\d+ (?:weeks?|days?|hours?|minutes?|months?)) (was|were) (late|early|overdue|behind)(?![\p{L}])/gu, '$1 $3 $2 $4');
  // "on the m60", "off the a61": a road's name in capitals
  t = t.replace(/(?<=(?:on|off|along|near|via|from|onto|of) (?:the )?)([ma])(\d{1,3})(?![\p{L}\p{N}])/gu, (_m, r: string, n: string) => `${r.toUpperCase()}${n}`);
  // "nov direct debits", "dec invoice": a month typed short before what it names
  t = t.replace(/(?<![\p{L}])(jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?= (?:direct debits?|invoices?|bills?|payments?|subscriptions?|statements?|orders?|boxes|box|rent|fees?|charges?|debits?|renewals?|payroll|newsletter|classes|class|sessions?)(?![\p{L}]))/giu, (m: string) => {
    const full = ({ jan: 'January', feb: 'February', apr: 'April', jun: 'June', jul: 'July', aug: 'August', sep: 'September', sept: 'September', oct: 'October', nov: 'November', dec: 'December' } as Record<string, string>)[m.toLowerCase()]!;
    return full;
  });
  // "…, delivery week of Monday 14 December": where they stand, with its verb
  if (role === 'outcome') t = t.replace(/,\s+(delivery|collection|dispatch|installation|install|fitting|visit)\s+(week of|w\/c|in the week of|on|at|between|from)\s+(?=[\p{Lu}\p{N}])/gu, (_m, what: string, when: string) => `, and ${what} is ${/week/u.test(when) || when === 'w/c' ? 'in the week of' : when} `);
  // "locked tables 20 minutes": how long, with its "for"
  t = t.replace(/(?<=(?:^|\s)(?:locked|blocked|held|closed|stuck|down|offline|delayed|paused|frozen|unavailable)(?: [\p{Ll}-]+){0,3}) (about |around |nearly |over )?(\d+ (?:minutes|hours|days|weeks))(?=[.,;]|$)/gu, (m, about: string | undefined, d: string, at: number, all: string) => (/(?:for|in|within|after|by|until|than|of)(?: [\p{Ll}-]+){0,3}$/u.test(all.slice(0, at)) ? m : ` for ${about ?? ''}${d}`));
  // "parents email addresses": whose
  t = t.replace(/(?<![\p{L}'’])(parents|customers|clients|members|guests|patients|families|students|users|owners)\s+(?=(?:email|e-mail|home|phone|contact|postal|bank|card|personal|medical)(?![\p{L}]))/giu, "$1' ");
  // "the van broke down" where the note typed "van broke down": a van of ours (a rule before gave it "the")
  t = t.replace(/(^|[.!?]\s+|,? and\s+|,? but\s+)(the|The) ([\p{Ll}-]+)(?= (?:[\p{Ll}']+ )?\p{Ll}+)/gu, (m, lead: string, the: string, noun: string, at: number, all: string) => {
    if (!OURS.test(noun) || !/^(?:vans?|lorry|trucks?|drivers?|engineers?|fitters?|carers?|coordinators?|office|warehouse|kitchen|team|staff|technicians?|couriers?|pharmacists?|receptionists?|groomers?|cleaners?|rota|diary|scanner|printer|website|app)$/u.test(noun)) return m;
    const next = all.slice(at + m.length).trim().split(/\s+/u)[0] ?? '';
    if (!(AUX.test(lower(next)) || /^\p{Ll}{3,}ed$|n't$|^(?:broke|rang|ran|went|came|left|forgot|took|calls|rings|checks|texts|sends)$/u.test(lower(next)))) return m;
    const typedBare = new RegExp(`(?:^|[.,;+&]\\s*|\\s(?:and|but)\\s+)${noun} `, 'u').test(typed) && !new RegExp(`(?:the|our) ${noun}(?![\\p{L}])`, 'u').test(typed);
    return typedBare ? `${lead}${the === 'The' ? 'Our' : 'our'} ${noun}` : m;
  });
  // "if fitter running 30 min late": the person is ours, and is running late
  t = t.replace(/(?<![\p{L}])(if|when|whenever|once) ([\p{Ll}-]+) (running|stuck|delayed|off|late|ill|sick)(?= )/gu, (m, c: string, noun: string, what: string) => (/^(?:engineer|technician|driver|fitter|installer|plumber|electrician|cleaner|carer|courier|nurse|vet|tutor|teacher|groomer|stylist|valeter)s?$/u.test(noun) ? `${c} our ${noun} ${isPlural(noun) ? 'are' : 'is'} ${what}` : m));
  if (role === 'cause' || role === 'mistake') {
    // "the proof approved on v2 but the v1 file went to press": a thing a participle was done to, its "was"
    t = t.replace(/(^|[.!?]\s+)((?:(?:the|your|The|Your) )?(?:[\p{L}\p{N}-]+ ){0,2}[\p{L}\p{N}-]+) (approved|signed|sent|printed|booked|entered|typed|labelled|labeled|packed|posted|shipped|picked|scheduled|processed|issued|filed|uploaded|saved|attached|loaded|stored|set|keyed) (on|in|at|for|to|with|from|as|under|against|by)(?= )(?=[^.!?]*(?<![\p{L}])(?:but|and|so)(?![\p{L}]))/gu, (m, lead: string, np: string, v: string, p: string) => {
      const head = np.split(' ').pop()!;
      if (np.split(' ').some((w) => AUX.test(lower(w)) || /^(?:was|were|is|are|be|been)$/u.test(w))) return m;
      if (new RegExp(`^${MACHINE}$`, 'u').test(head) || OURS.test(head) && !/^(?:form|forms)$/u.test(head)) return m;
      const words = np.split(' ');
      if (words.some((w, k) => k > 0 && /^\p{Lu}/u.test(w)) || words.some((w) => PRONOUN.test(lower(w)) || CONTRACTED.test(lower(w)))) return m;
      let subject = np;
      if (!/^(?:the|your)$/iu.test(words[0]!)) {
        if (isPlural(head) || MASS.test(head) || !typedLowerAt(words[0]!, typed)) return m;
        const cap = /^\p{Lu}/u.test(words[0]!);
        subject = `${cap ? 'The' : 'the'} ${cap ? words[0]![0]!.toLowerCase() + np.slice(1) : np}`;
      }
      return `${lead}${subject} ${isPlural(head) ? 'were' : 'was'} ${v} ${p}`;
    });
  }
  if (role === 'commitment') {
    // "the strength has been checked by a second person at handout": a standing check is what happens now
    t = t.replace(/(?<![\p{L}])(has|have) been ((?:double-)?\p{Ll}+(?: off| back)?)(?= (?:by|at|on|before|after|against|for|every|each|whenever|when|with|in)(?![\p{L}]))/gu, (m, h: string, v: string) => (HABIT.test(v) ? `${h === 'has' ? 'is' : 'are'} now ${v}` : m));
    // "the auto retries turned off": a thing turned off is passive
    t = t.replace(/(^|[.!?]\s+)((?:the|our|The|Our) (?:[\p{Ll}-]+ ){0,2}[\p{Ll}-]+) (turned|switched|shut|taken|phased|locked) (off|down|out|away)(?=[.,;]|\s(?:for|on|at|in|so|and)\s|$)/gu, (_m, lead: string, np: string, v: string, p: string) => `${lead}${np} ${isPlural(np.split(' ').pop()!) ? 'have' : 'has'} been ${v} ${p}`);
    t = t.replace(/(?<![\p{L}])auto (retries|retry|renewal|renewals|emails|reminders|top-ups?|payments?)(?![\p{L}])/gu, 'automatic $1');
  }
  return t;
}

/** An event of the reader's a note gives a time or place with no verb ("new fitting slot on Thursday", "reprint with you Wednesday"). */
const WHEN_THING = /^(?:slot|fitting|visit|delivery|reprint|remake|replacement|appointment|booking|collection|install|installation|repair|session|lesson|class|call|refund|order|parcel|tables?|sofa|cake|kit|box)$/u;

/** Where they stand now, typed as a thing and when ("new fitting slot on Thursday…", "reprint with you on Wednesday…"): its verb. */
export function outcomeFramed(prose: string, role: string): string {
  if (role !== 'outcome') return prose;
  return prose
    .split(/(?<=[.!?])\s+(?=\S)/u)
    .map((s) => {
      const m = /^((?:[\p{L}-]+ ){0,3}?[\p{L}-]+) (with you|on|at|from|between|in the week|due)(?= )/u.exec(s);
      if (!m) return s;
      const np = m[1]!.split(' ');
      const head = lower(np[np.length - 1]!);
      if (!WHEN_THING.test(head) || np.some((w) => AUX.test(lower(w)) || PRONOUN.test(lower(w)) || /ed$/u.test(lower(w)) && !/^(?:new|booked)$/u.test(lower(w)))) return s;
      const rest = s.slice(m[0].length);
      if (/(?<![\p{L}])(?:is|are|was|were|will|has|have|had|'ll|'s)(?![\p{L}])/u.test(rest.split(/[,;]/u)[0]!)) return s;
      const plural = isPlural(head);
      const verb = m[2] === 'with you' ? 'will be' : plural ? 'are' : 'is';
      let subject = np.join(' ');
      if (!DET.test(lower(np[0]!))) subject = `your ${/^\p{Lu}\p{Ll}/u.test(np[0]!) && !MONTH_OR_DAY.test(np[0]!) ? np[0]![0]!.toLowerCase() + subject.slice(1) : subject}`;
      const out = `${subject} ${verb} ${m[2] === 'due' ? '' : `${m[2]}`}${rest}`.replace(/\s{2,}/gu, ' ');
      return /^\p{Lu}/u.test(s) ? capitalise(out) : out;
    })
    .join(' ');
}

/**
 * A change typed as a list of things with no verb ("status page and SMS alert when the app is down", "weekly order
 * status email and buffer stock of oak"): what we add, in the change's tense, each thing with its article.
 */
export function addedThings(prose: string, role: string, status: string | undefined, typed: string): string {
  if (role !== 'commitment') return prose;
  const body = prose.replace(/[.!]+$/u, '');
  if (/[.!?;,]/u.test(body)) return prose;
  const [things, tail] = (() => {
    const k = body.search(/\s(?:when|whenever|if|so|for|to|that|which|on|at|in|before|after|across|of|with|via|from)\s/u);
    return k < 0 ? [body, ''] : [body.slice(0, k), body.slice(k)];
  })();
  const items = things.split(/\s+and\s+/u);
  if (items.length < 2 || items.length > 3) return prose;
  const words = things.split(/\s+/u);
  const tags = safeTags(words);
  if (!tags || words.some((w, k) => lower(w) !== 'and' && (AUX.test(lower(w)) || PRONOUN.test(lower(w)) || DET.test(lower(w)) && k > 0 && lower(words[k - 1]!) !== 'and' || verbAt(w, tags[k]) && !tags[k]!.has('Noun') || !(tags[k]!.has('Noun') || tags[k]!.has('Adjective') || tags[k]!.has('Acronym') || DET.test(lower(w)))))) return prose;
  const np = items.map((it, i) => {
    const w = it.trim().split(/\s+/u);
    if (i === 0 && (/^\p{Lu}\p{Ll}/u.test(w[0]!) && typedLowerAt(w[0]!, typed) || /^(?:A|An|The)$/u.test(w[0]!))) {
      w[0] = w[0]!.toLowerCase();
      it = w.join(' ');
    }
    const head = lower(w[w.length - 1]!);
    if (DET.test(lower(w[0]!)) || isPlural(head) || MASS.test(head)) return it.trim();
    return `${/^(?:[aeiou]|sms|mot|fa|hour)/iu.test(w[0]!) && !/^(?:uni|use|one)/iu.test(w[0]!) ? 'an' : 'a'} ${it.trim()}`;
  });
  const lead = status === 'in-progress' ? "we're adding" : status === 'planned' ? "we'll add" : "we've added";
  const list = np.length === 2 ? `${np[0]} and ${np[1]}` : `${np[0]}, ${np[1]} and ${np[2]}`;
  const t2 = tail.replace(/^\s(when|whenever|if)\s/u, ' for $1 ');
  const out = `${lead} ${list}${t2}${prose.slice(body.length) || '.'}`;
  return /^\p{Lu}/u.test(prose) ? capitalise(out) : out;
}
