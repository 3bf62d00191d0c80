/**
 * A small clause reader for `check`: it finds the verb groups of a sentence and, for each, who acts
 * (the subject), the verb, its tense, whether it is negated or passive, and what it acts on (the
 * object). No tagger: auxiliaries and pronouns are closed word classes, and main verbs are found
 * after a subject pronoun or an auxiliary, or from the verb lists the rules use (rules.ts). One
 * pass over the words of a sentence, so linear in its length; words inside an open quotation
 * belong to no clause (a quoted "mistakes were made" is not the writer speaking).
 */
import { KNOWN_VERBS } from './rules.js';

export type Tense = 'past' | 'perfect' | 'present' | 'progressive' | 'future' | 'modal' | 'counterfactual' | 'imperative' | 'nonfinite';
/** 'org': the writer's organisation named as a team ('the Network Engineering team', 'our engineers', 'engineering'). */
export type Agent = 'first' | 'org' | 'reader' | 'other' | 'none';

export interface Clause {
  /** Words of the subject, lower case ('' for an imperative or a list item). */
  subject: string;
  agent: Agent;
  /** The main verb as written, lower case; its base form in `lemma`. */
  verb: string;
  lemma: string;
  tense: Tense;
  negated: boolean;
  passive: boolean;
  /** Words after the verb up to the end of the clause, lower case. */
  object: string;
  /** Lower-case words between the verb and the object's first word (particles: "let you down"). */
  particle: string;
  /** "no longer": a practice ended ("we will no longer store…"); not a negation. */
  ceased?: boolean;
  /** The backdrop of a story, not an act of its own: "we had disabled…", "we were updating…", "we have been setting up…". */
  background?: boolean;
  /** An act decided, planned or pledged ("we decided to delete the post"), not told as done. */
  intended?: boolean;
  /** The auxiliaries of the verb group, lower case ("should have", "will"). */
  aux?: string;
  /** A clause with no object of its own that follows its noun with no "that" ("a mistake we made"): that noun phrase. */
  antecedent?: string;
}

/** Pronouns after which the next word is a verb ("we messed", "I owe"). */
const PERSONAL = new Set(['we', 'i', 'you', 'they', 'he', 'she', 'it', 'who']);
/** Pronouns that are only ever subjects: inside an object, one starts a clause of its own ("know we let you down", "a mistake we made"). */
const NOMINATIVE = new Set(['we', 'i', 'they', 'he', 'she']);
const SUBJECT_PRONOUNS = new Set(['we', 'i', 'you', 'they', 'he', 'she', 'it', 'this', 'that', 'who', 'which', 'there']);
const FIRST_PERSON_HEADS = new Set(['we', 'i', 'us', 'our', 'my', 'ours']);
/** Heads of a subject that is the writer's organisation speaking of a part of itself (a closed set of organisation words). */
const ORG_HEADS = new Set(['team', 'teams', 'engineers', 'engineering', 'staff', 'company', 'management', 'council', 'board', 'university', 'college']);
const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'m", "'re", "'s"]);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);
const MODALS = new Set(['will', "'ll", 'shall', 'would', 'should', 'can', 'could', 'may', 'might', 'must']);
const DO = new Set(['do', 'does', 'did']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
/** Words that may sit inside a verb group without ending it. */
const INNER = new Set(['also', 'now', 'already', 'just', 'since', 'really', 'immediately', 'still', 'all', 'both', 'then', 'quickly', 'truly', 'deeply', 'sincerely', 'clearly', 'simply', 'completely', 'fully', 'even', 'ever', 'further', 'actually', 'again', 'so', 'very', 'personally', 'mistakenly', 'accidentally', 'wrongly', 'inadvertently', 'certainly', 'definitely', 'only', 'always', 'not', "n't", 'never', 'each', 'continuously', 'going', 'to', 'be', 'been', 'being']);
/** Words that end a clause (and start the next one). */
const BOUNDARY_WORDS = new Set(['and', 'but', 'so', 'because', 'which', 'who', 'that', 'when', 'after', 'while', 'if', 'as', 'since', 'until', 'before', 'although', 'though', 'whether', 'where', 'unless', 'or', 'nor', 'yet', 'then', 'once', 'whereas']);
/** Words after which a base-form word is a noun, not a verb ("the change", "a fix", "our update"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'my', 'their', 'his', 'her', 'its', 'every', 'each', 'any', 'some', 'no', 'one', 'another', 'second', 'new', 'of', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'about', 'per']);

const IRREGULAR: Record<string, string> = {
  made: 'make', lost: 'lose', sent: 'send', let: 'let', fell: 'fall', fallen: 'fall', got: 'get', gotten: 'get', broke: 'break', broken: 'break',
  took: 'take', taken: 'take', gave: 'give', given: 'give', held: 'hold', ran: 'run', run: 'run', built: 'build', put: 'put', set: 'set',
  left: 'leave', led: 'lead', began: 'begin', begun: 'begin', wrote: 'write', written: 'write', rewrote: 'rewrite', rewritten: 'rewrite',
  forgot: 'forget', forgotten: 'forget', blew: 'blow', blown: 'blow', did: 'do', done: 'do', went: 'go', gone: 'go', saw: 'see', seen: 'see',
  knew: 'know', known: 'know', told: 'tell', kept: 'keep', paid: 'pay', shut: 'shut', cut: 'cut', hit: 'hit', spent: 'spend', brought: 'bring',
  caught: 'catch', thought: 'think', found: 'find', meant: 'mean', became: 'become', came: 'come', froze: 'freeze', frozen: 'freeze',
  mislaid: 'mislay', misled: 'mislead', overlooked: 'overlook', withdrew: 'withdraw', withdrawn: 'withdraw', undertook: 'undertake',
  stole: 'steal', stolen: 'steal', drove: 'drive', driven: 'drive', overrode: 'override', overridden: 'override', understood: 'understand',
  misunderstood: 'misunderstand', hung: 'hang', shook: 'shake', spread: 'spread', rebuilt: 'rebuild', fed: 'feed', bought: 'buy',
};

/** The base form of a verb as written (best effort, used to look it up in the verb lists). */
export function lemma(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (KNOWN_VERBS.has(w)) return w;
  const tries: string[] = [];
  if (w.endsWith('ied')) tries.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ies')) tries.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) tries.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith('ing')) tries.push(w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4));
  if (w.endsWith('es')) tries.push(w.slice(0, -2));
  if (w.endsWith('s')) tries.push(w.slice(0, -1));
  for (const t of tries) if (KNOWN_VERBS.has(t)) return t;
  return tries[0] ?? w;
}

/** Base forms that end in "-ed": "we need better documentation" is no past tense. */
const ED_BASE = new Set(['need', 'feed', 'bleed', 'breed', 'speed', 'proceed', 'succeed', 'exceed', 'heed', 'seed', 'weed', 'shred', 'embed', 'bed', 'wed']);
const isPastForm = (w: string) => (/ed$/.test(w) && !ED_BASE.has(w)) || (IRREGULAR[w] !== undefined && IRREGULAR[w] !== w);

/** Words of a sentence with their quotation state; punctuation that ends a clause is kept as a token. */
function words(sentence: string): { w: string; quoted: boolean }[] {
  const out: { w: string; quoted: boolean }[] = [];
  let straight = 0;
  let open = 0;
  let close = 0;
  // (a full stop inside what the splitter took as one sentence, "… policy changes. npm's policy was…", ends a clause)
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,;:—–()"“”«»]|\.(?=\s)|\s-\s|--+/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const t = m[0];
    if (t === '"') { straight++; continue; }
    if (t === '“' || t === '«') { open++; continue; }
    if (t === '”' || t === '»') { close++; continue; }
    const quoted = straight % 2 === 1 || open > close;
    let w = t.replace(/’/g, "'").toLowerCase();
    // split contractions: we're → we 're, didn't → did n't
    const contraction = /^(.+?)(n't|'re|'ve|'ll|'m|'d|'s)$/.exec(w);
    // "eBay's network", "Inbenta's product": an "'s" after a name is a possessive, not "is" ("it's", "that's", "there's" are)
    if (contraction && contraction[2] === "'s" && !S_IS.has(contraction[1]!)) { out.push({ w, quoted }); continue; }
    if (contraction && contraction[1] !== 'ca' && contraction[1] !== 'wo') {
      out.push({ w: contraction[1]!, quoted }, { w: contraction[2]!, quoted });
      continue;
    }
    if (w === "can't" || w === 'cannot') { out.push({ w: 'can', quoted }, { w: "n't", quoted }); continue; }
    if (w === "won't") { out.push({ w: 'will', quoted }, { w: "n't", quoted }); continue; }
    if (w.trim() === '-' || /^--+$/.test(w) || w === '.') w = ',';
    // "re-think", "re-design": a "re-" verb written with a hyphen is read as the verb the lists know ("rethink")
    if (/^re-[a-z]{3,}$/.test(w) && KNOWN_VERBS.has(lemma(`re${w.slice(3)}`))) w = `re${w.slice(3)}`;
    out.push({ w, quoted });
  }
  return out;
}

/** Words whose "'s" is "is" or "has" (else it is a possessive: "eBay's corporate network"). */
const S_IS = new Set(['it', 'that', 'this', 'there', 'here', 'what', 'who', 'he', 'she', 'where', 'how', 'when', 'why', 'let', 'everything', 'nothing', 'something', 'everyone', 'someone', 'one', 'which']);

const isPunct = (w: string) => /^[,;:—–()]$/.test(w);

/** The clauses of one sentence, in order. */
export function clausesOf(sentence: string): Clause[] {
  const ws = words(sentence);
  const clauses: Clause[] = [];
  let start = 0; // first word of the current clause
  let lastSubject = '';
  let lastAgent: Agent = 'none';
  let last: Clause | undefined;
  let i = 0;
  let carried: string[] | undefined; // the subject a relative clause inside it handed on ("the software that … is being retired")
  let antecedent: string | undefined; // the noun phrase a clause with no "that" follows ("a mistake we made")
  let firstWord = 0; // the first word that is not punctuation or quoted: only a clause there can be an imperative
  while (firstWord < ws.length && (isPunct(ws[firstWord]!.w) || ws[firstWord]!.quoted)) firstWord++;
  while (i < ws.length) {
    const { w, quoted } = ws[i]!;
    if (quoted) { i++; start = i; continue; }
    // "and"/"or" inside a subject ("No billing or payment information") do not end it
    if (isPunct(w) || (BOUNDARY_WORDS.has(w) && !((w === 'and' || w === 'or') && i > start))) { i++; start = i; continue; }
    // Does a verb group start here?
    const prev = i > 0 ? ws[i - 1]!.w : '';
    const auxStart = BE.has(w) || HAVE.has(w) || MODALS.has(w) || DO.has(w);
    const afterPronoun = PERSONAL.has(prev) && (!DETERMINERS.has(w) || (w === 'no' && ws[i + 1]?.w === 'longer')) && !SUBJECT_PRONOUNS.has(w) && /^[a-z]/.test(w);
    // a past form after "that", "this", "which" is a verb ("events that started", "this caused");
    // a base form only opens a sentence (an imperative, a list item)
    const relative = /^(that|this|which|who|it)$/.test(prev);
    // a present form after an adverb or before a determiner: "now double-checks sizes", "a person reviews every charge"
    // a plural subject's present after such an adverb too: "refunds over $100 now require a second approval"
    const presentS = i > start && ((/[a-z]s$/.test(w) && KNOWN_VERBS.has(lemma(w)) && (/^(now|also|always|still|automatically|then|never|only)$/.test(prev) || /^(the|a|an|every|each|all|any|our|your|its|their)$/.test(ws[i + 1]?.w ?? ''))) ||
      (KNOWN_VERBS.has(w) && /^(now|automatically|always)$/.test(prev) && i - 1 > start && !DETERMINERS.has(ws[i - 2]!.w)));
    const inSubjectList = (prev === 'and' || prev === 'or') && i > start + 1 && w.endsWith('ing');
    // "will leverage automation as well as add new functions", "leveraged … and then used …": a
    // verb coordinated with the clause before shares its subject and tense
    const coordinated = last !== undefined && last.agent !== 'none' && i === start && (prev === 'and' || prev === 'or' || prev === 'then' || (prev === 'as' && ws[i - 2]?.w === 'well')) &&
      /^[a-z]/.test(w) && !DETERMINERS.has(w) && !SUBJECT_PRONOUNS.has(w) && !BOUNDARY_WORDS.has(w) &&
      ((KNOWN_VERBS.has(w) && last.tense !== 'past' && last.tense !== 'nonfinite') || (isPastForm(w) && last.tense === 'past' && !last.passive));
    // "Shared admin credentials have been revoked": a participle that opens the sentence and is followed,
    // before any boundary, by an auxiliary is part of the subject, not its verb
    // ("Access to production data has been restricted": likewise a base form with a preposition after it)
    const openingParticiple = i === firstWord && (isPastForm(w) || /^(of|to|for|on|in)$/.test(ws[i + 1]?.w ?? '')) && (() => {
      for (let k = i + 1; k < Math.min(ws.length, i + 7); k++) {
        const x = ws[k]!.w;
        if (isPunct(x) || BOUNDARY_WORDS.has(x) || ws[k]!.quoted) return false;
        if (BE.has(x) || HAVE.has(x) || MODALS.has(x)) return true;
      }
      return false;
    })();
    const known = !inSubjectList && !openingParticiple && (presentS || KNOWN_VERBS.has(lemma(w)) && (!DETERMINERS.has(prev) || (relative && (isPastForm(w) || w.endsWith('ing')))) && (isPastForm(w) || w.endsWith('ing') || (i === 0 && KNOWN_VERBS.has(w) && !/^(am|is|are|was|were|has|have|had|will|can|'s|'re)$/.test(ws[i + 1]?.w ?? ''))));
    if (!(auxStart || afterPronoun || known || coordinated) || (prev === 'to' && !auxStart)) { i++; continue; }
    // Read the group: auxiliaries, inner words, then the main verb.
    const aux: string[] = [];
    let negated = false;
    let ceased = false;
    let j = i;
    while (j < ws.length && !ws[j]!.quoted) {
      const x = ws[j]!.w;
      // "will no longer store", "we no longer keep": a practice ended, not a negation
      if (x === 'no' && ws[j + 1]?.w === 'longer') { ceased = true; j += 2; continue; }
      // "we have not only removed the image but also…" is no negation
      if (NEGATIONS.has(x)) { if (!(x === 'not' && /^(only|just|merely)$/.test(ws[j + 1]?.w ?? ''))) negated = true; j++; continue; }
      if (BE.has(x) || HAVE.has(x) || MODALS.has(x) || DO.has(x) || x === 'going' || (x === 'to' && aux.includes('going'))) { aux.push(x); j++; continue; }
      if ((INNER.has(x) || (/^[a-z]{3,}ly$/.test(x) && x !== 'only')) && aux.length > 0) { j++; continue; }
      // "we wrongly sent", "we also added": an adverb between the pronoun and its verb
      if (aux.length === 0 && j === i && afterPronoun && (/^[a-z]{3,}ly$/.test(x) || /^(also|now|already|just|then|still|even|never|only|first|finally)$/.test(x)) && /^[a-z]/.test(ws[j + 1]?.w ?? '') && !ws[j + 1]!.quoted && !DETERMINERS.has(ws[j + 1]!.w) && !BOUNDARY_WORDS.has(ws[j + 1]!.w)) { j++; continue; }
      break;
    }
    let verbIndex = j;
    let verb = ws[j]?.w ?? '';
    const looksVerb = verb !== '' && !isPunct(verb) && !DETERMINERS.has(verb) && !BOUNDARY_WORDS.has(verb) && !SUBJECT_PRONOUNS.has(verb) && /^[a-z]/.test(verb);
    if (!looksVerb) {
      // a bare auxiliary is the verb ("this is unacceptable", "it was ours")
      if (aux.length === 0) { i++; continue; }
      verb = aux.pop()!;
      verbIndex = j - 1;
    }
    const subjectWords = carried && start === i ? carried : ws.slice(start, i).map((x) => x.w).filter((x) => !isPunct(x));
    carried = undefined;
    const relativeOpen = start === i && /^(that|which)$/.test(prev);
    let subject = subjectWords.join(' ');
    let agent: Agent = agentOf(subjectWords);
    // (session 16) "our team never noticed the damage", "the staff never received it": "never" before a past verb found from the
    // verb lists belongs to the verb group, not the subject (after a pronoun it is read there already: "we never noticed")
    if (subjectWords.length > 1 && subjectWords[subjectWords.length - 1] === 'never' && aux.length === 0 && isPastForm(verb)) {
      subjectWords.pop();
      subject = subjectWords.join(' ');
      agent = agentOf(subjectWords);
      negated = true;
    }
    // "No billing information was affected": a subject with no is a negation
    if (/^(no|none|nothing|neither|nobody)$/.test(subjectWords[0] ?? '')) negated = true;
    // "a backer who was charged twice": the subject of a relative clause is the noun before "who"
    if (subject === '' && prev === 'who' && i >= 2) {
      const np: string[] = [];
      for (let k = i - 2; k >= 0 && np.length < 4; k--) {
        const x = ws[k]!;
        if (x.quoted || isPunct(x.w) || BOUNDARY_WORDS.has(x.w) || /^(for|to|of|in|on|at|by|with|from)$/.test(x.w) || SUBJECT_PRONOUNS.has(x.w) || BE.has(x.w) || HAVE.has(x.w) || MODALS.has(x.w) || KNOWN_VERBS.has(lemma(x.w))) break;
        np.unshift(x.w);
      }
      if (np.length > 0) { subject = np.join(' '); agent = agentOf(np); }
    }
    if (subject === '' && (prev === 'and' || prev === 'or' || prev === 'but' || prev === 'then' || (coordinated && prev === 'as'))) {
      subject = lastSubject;
      agent = lastAgent;
      if (/^(no|none|nothing|neither|nobody)\b/.test(subject)) negated = true;
    }
    // the object: up to the end of the clause
    let k = verbIndex + 1;
    const particles: string[] = [];
    while (k < ws.length && /^(up|down|out|off|back|over|in|on)$/.test(ws[k]!.w) && particles.length < 1) particles.push(ws[k++]!.w);
    const objectWords: string[] = [];
    let pendingAntecedent: string | undefined;
    for (; k < ws.length; k++) {
      const x = ws[k]!;
      // a parenthesis inside the object is an aside: "mirroring package binaries (now in one DC) to another location"
      if (x.w === '(' && objectWords.length > 0) {
        let close = k + 1;
        while (close < ws.length && close - k <= 12 && ws[close]!.w !== ')' && ws[close]!.w !== '(') close++;
        if (ws[close]?.w === ')' && close + 1 < ws.length && !isPunct(ws[close + 1]!.w)) { k = close; continue; }
      }
      if (x.quoted || isPunct(x.w)) break;
      // "the software that has caused these issues is being retired": in a relative clause with no subject of its
      // own, an auxiliary and a verb after its object start the main clause, whose subject is the noun before "that"
      if (relativeOpen && objectWords.length > 0 && (BE.has(x.w) || HAVE.has(x.w) || MODALS.has(x.w)) && /^(being|been|be)$|ed$|ing$/.test(ws[k + 1]?.w ?? '') && !ws[k + 1]!.quoted) { carried = relativeHead(ws, i - 2); break; }
      // "… that is I will be moving …": a pronoun and its auxiliary start a new clause
      if (PERSONAL.has(x.w) && x.w !== 'it' && objectWords.length > 0 === false && (MODALS.has(ws[k + 1]?.w ?? '') || HAVE.has(ws[k + 1]?.w ?? '') || BE.has(ws[k + 1]?.w ?? ''))) break;
      // a clause with no "that" inside the object: a subject-only pronoun ("we know we let you down", "a mistake we
      // made"), or "this"/"it" with an auxiliary ("we know this has created difficulty") starts it
      // (not after a question word: "a justification of why we are separating DVD and streaming" asserts no act)
      if (!/^(than|as|like|why|how|what|whether|whom|who)$/.test(objectWords[objectWords.length - 1] ?? '') && (NOMINATIVE.has(x.w) || (/^(this|it)$/.test(x.w) && (HAVE.has(ws[k + 1]?.w ?? '') || MODALS.has(ws[k + 1]?.w ?? '') || /^(is|was|'s)$/.test(ws[k + 1]?.w ?? ''))))) {
        const np: string[] = [];
        for (let b = objectWords.length - 1; b >= 0 && np.length < 5; b--) { np.unshift(objectWords[b]!); if (/^(a|an|the|this|that|these|those|our|my|your|their|its|any|some|every)$/.test(objectWords[b]!)) break; }
        pendingAntecedent = NOMINATIVE.has(x.w) && objectWords.length > 0 ? np.join(' ') : undefined;
        break;
      }
      if (BOUNDARY_WORDS.has(x.w)) {
        // "and" joining nouns stays in the object; "and" before a verb ends it
        const next = ws[k + 1]?.w ?? '';
        // ("will make changes and take steps": a base form after a modal's object is a second verb)
        if ((x.w === 'and' || x.w === 'or') && !(BE.has(next) || HAVE.has(next) || MODALS.has(next) || SUBJECT_PRONOUNS.has(next) || (KNOWN_VERBS.has(lemma(next)) && (isPastForm(next) || next.endsWith('ing'))) || (KNOWN_VERBS.has(next) && aux.some((a) => MODALS.has(a))))) { objectWords.push(x.w); continue; }
        break;
      }
      objectWords.push(x.w);
    }
    // "Losing production data is unacceptable": a gerund that opens a sentence and has its own verb is its subject
    const opens = i === firstWord && !(aux.length === 0 && verb.endsWith('ing') && objectWords.some((x) => BE.has(x) || MODALS.has(x)));
    const tense = coordinated && aux.length === 0 && last ? last.tense : aux.length === 0 && verb.endsWith('ing') && !opens ? 'nonfinite' : tenseOf(aux, verb, subject === '' && agent === 'none' && opens);
    const passive = aux.some((a) => BE.has(a)) && isPastForm(verb) && !aux.includes('going');
    // "we had disabled…" (before the story's time), "we were updating…", "we have been setting up…" (going on when it happened)
    // ("we had to create a new version of Maps": what the story forced on us is its backdrop too)
    const background = (aux.includes('had') && (isPastForm(verb) || ws[verbIndex - 1]?.w === 'to') && !aux.some((a) => MODALS.has(a))) || (verb.endsWith('ing') && !aux.includes('going') && (aux.includes('was') || aux.includes('were') || (aux.includes('been') && aux.some((a) => HAVE.has(a)))));
    // "a mistake we made", "a list of measures we will implement to prevent it": with no object of its own, the
    // clause acts on the noun phrase it follows
    const ante = antecedent !== undefined && particles.length === 0 && subjectWords.length === 1 && (objectWords.length === 0 || /^(to|for|in|on|at|by|with|from|after|before|until|during|yesterday|today|earlier)$/.test(objectWords[0]!)) ? antecedent : undefined;
    antecedent = pendingAntecedent;
    if (ante) objectWords.unshift(...ante.split(' '));
    const clause: Clause = { subject, agent, verb, lemma: lemma(verb), tense, negated, passive, object: objectWords.join(' '), particle: particles.join(' '), ...(ceased ? { ceased } : {}), ...(background ? { background } : {}), ...(aux.length ? { aux: aux.join(' ') } : {}), ...(ante ? { antecedent: ante } : {}) };
    // "we are sorry to have let you down": the act of a perfect infinitive is the subject's own, told in the past
    if (/^to have [a-z]/.test(clause.object) && !clause.passive) {
      const rest = clause.object.split(' ').slice(2);
      const v = rest[0]!;
      if ((isPastForm(v) || IRREGULAR[v] !== undefined) && v !== 'been') clauses.push({ ...clause, verb: v, lemma: lemma(v), tense: 'past', object: rest.slice(1).join(' '), particle: '' });
    }
    // "we had to shut down": the verb after "to" is the act
    if ((clause.lemma === 'have' || clause.lemma === 'need' || clause.lemma === 'start' || clause.lemma === 'begin' || clause.lemma === 'continue' || clause.lemma === 'plan' || clause.lemma === 'pledge' || clause.lemma === 'commit' || clause.lemma === 'aim' || clause.lemma === 'intend' || clause.lemma === 'want' || clause.lemma === 'work' || clause.lemma === 'decide' || clause.lemma === 'choose') && /^(to|on) /.test(clause.object)) {
      const rest = clause.object.split(' ').slice(1);
      const v = rest[0] ?? '';
      if (v && /^[a-z]/.test(v)) {
        const to: Clause = { ...clause, verb: v, lemma: lemma(v), object: rest.slice(1).join(' '), tense: clause.tense === 'present' || clause.tense === 'progressive' ? 'future' : clause.tense, ...(/^(plan|pledge|commit|aim|intend|want|decide|choose)$/.test(clause.lemma) ? { intended: true } : {}) };
        clauses.push(to);
        const aim = workedFor(to);
        if (aim) clauses.push(aim);
      }
    }
    // "staff will no longer be able to export…": the act is the verb after "be able to"
    if ((clause.lemma === 'be' && /^able to [a-z]/.test(clause.object)) || (clause.verb === 'able' && /^to [a-z]/.test(clause.object))) {
      const rest = clause.object.split(' ').slice(clause.verb === 'able' ? 1 : 2);
      clauses.push({ ...clause, verb: rest[0]!, lemma: lemma(rest[0]!), object: rest.slice(1).join(' ') });
    }
    // "we have engaged an outside firm to audit our card systems": the act is the one the firm is engaged for
    if (/^(engage|hire|appoint|commission|retain|bring|ask|instruct)$/.test(clause.lemma) && !clause.passive) {
      const m = / to ([a-z][a-z-]+) (.+)$/.exec(clause.object);
      // (the act the party is engaged for lies ahead, whatever the tense of the engaging)
      if (m && m.index > 0 && KNOWN_VERBS.has(m[1]!)) clauses.push({ ...clause, verb: m[1]!, lemma: m[1]!, object: m[2]!, tense: 'future' });
    }
    const aim = workedFor(clause);
    if (aim) clauses.push(aim);
    // "we have started encrypting every backup": the act is the -ing verb after "start"/"begin"
    if ((clause.lemma === 'start' || clause.lemma === 'begin') && !clause.passive && /^[a-z]+ing /.test(clause.object)) {
      const rest = clause.object.split(' ');
      const v = rest[0]!;
      if (KNOWN_VERBS.has(lemma(v))) clauses.push({ ...clause, verb: v, lemma: lemma(v), object: rest.slice(1).join(' ') });
    }
    clauses.push(clause);
    last = clause;
    if (subject) { lastSubject = subject; lastAgent = agent; }
    i = Math.max(k, i + 1);
    start = i;
  }
  return clauses;
}

/**
 * "we will work with the CPSC to set new safety standards": the act that working with others is for
 * (said of the writer even after "are committed to": never a passive).
 */
function workedFor(c: Clause): Clause | undefined {
  if (!/^(work|partner|collaborate|team)$/.test(c.lemma)) return undefined;
  const m = /^(?:up |together |closely )?with (?:[\w'-]+ ){1,6}?to ([a-z][a-z-]+) (.+)$/.exec(c.object);
  return m && KNOWN_VERBS.has(lemma(m[1]!)) ? { ...c, passive: false, verb: m[1]!, lemma: lemma(m[1]!), object: m[2]! } : undefined;
}

/** The noun phrase that ends at index `end` (the words before a relative pronoun), back to a boundary. */
function relativeHead(ws: { w: string; quoted: boolean }[], end: number): string[] {
  const np: string[] = [];
  for (let k = end; k >= 0 && np.length < 6; k--) {
    const x = ws[k]!;
    if (x.quoted || isPunct(x.w) || BOUNDARY_WORDS.has(x.w) || BE.has(x.w) || HAVE.has(x.w) || MODALS.has(x.w)) break;
    np.unshift(x.w);
  }
  return np;
}

function agentOf(subject: string[]): Agent {
  if (subject.length === 0) return 'none';
  // the head of a short subject, or a possessor: "we", "our team", "our practices and training"
  if (subject.some((w) => FIRST_PERSON_HEADS.has(w)) && !subject.includes('you') && !subject.includes('your')) return 'first';
  if (subject[0] === 'you' || subject[0] === 'your') return 'reader';
  // "the Network Engineering team", "engineering": the organisation, named by a part of itself
  if (ORG_HEADS.has(subject[subject.length - 1]!) && (subject[0] === 'the' || subject.length === 1) && subject.length <= 5) return 'org';
  return 'other';
}

function tenseOf(aux: string[], verb: string, imperative: boolean): Tense {
  const a = aux.map((x) => x.toLowerCase());
  if (a.some((x) => x === 'will' || x === "'ll" || x === 'shall') || (a.includes('going') && a.includes('to'))) return 'future';
  if (a.some((x) => x === 'should' || x === 'could' || x === 'would' || x === 'might' || x === 'must') && a.some((x) => HAVE.has(x))) return 'counterfactual';
  if (a.some((x) => MODALS.has(x))) return 'modal';
  if (a.some((x) => x === 'have' || x === 'has' || x === "'ve")) return 'perfect';
  if (a.includes('had')) return 'past';
  // "is being retired": a change under way
  if (a.includes('being') && a.some((x) => x === 'is' || x === 'are' || x === "'s" || x === "'re" || x === 'am')) return 'progressive';
  if (verb.endsWith('ing') && a.some((x) => BE.has(x))) return a.some((x) => x === 'was' || x === 'were') ? 'past' : 'progressive';
  if (a.some((x) => x === 'was' || x === 'were' || x === 'did')) return 'past';
  if (a.length === 0 && isPastForm(verb)) return 'past';
  if (imperative && a.length === 0) return 'imperative';
  return 'present';
}
