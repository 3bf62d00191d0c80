import { clausesOf, lemma, type Clause } from './clauses.js';
import {
  CLAUSE_RULES, KNOWN_VERBS, rebuildKnownVerbs, CLOSING, CONTACT, FINDING_RULES, FIRST_PERSON, FOLLOW_UP, HUMOUR_MARKERS, NEGATION_BEFORE, PART_IDS, PART_RULES, SEVERE_MARKERS, SPECIFIC,
  type FindingSeverity, type PartId, type Signal,
} from './rules.js';
import type { CheckText, Sentence } from './text.js';
import { guessLanguage } from './language.js';
import { isHeading, sentenceFeatures, type RuleSignals } from './features.js';
import { checkModel, decidePart } from './model.js';

/** The report for a text in a language the rules do not know: no score, no parts, no findings. */
function notJudged(file: string, language: string): CheckReport {
  const parts = Object.fromEntries(PART_IDS.map((id) => [id, { present: false, evidence: null }])) as Record<PartId, PartResult>;
  return { file, language, score: null, parts, findings: [] };
}

export interface PartResult {
  present: boolean;
  evidence: string | null;
}

export interface Finding {
  rule: string;
  severity: FindingSeverity;
  line: number | null;
  text: string;
  hint: string;
}

export interface CheckReport {
  file: string;
  /** The text's language as guessed (check/language.ts), when it is not English: then nothing is judged. */
  language?: string;
  /** 0–100; null when the text is not English (then no part is looked for and nothing is found). */
  score: number | null;
  parts: Record<PartId, PartResult>;
  findings: Finding[];
}

export interface CheckOptions {
  file: string;
  /** The incident's severity, to judge humour. */
  severity?: string;
}

export const PENALTY: Record<FindingSeverity, number> = { error: 15, warning: 7, info: 0 };
const SPECIFICS_WEIGHT = 5;
const HOLLOW = new Set(['conditional-apology', 'passive-voice', 'minimising', 'regret-feelings']);

/** Quote marks seen so far in a text, counted forward as matches move on (never rescanned). */
class QuoteCounter {
  private pos = 0;
  private straight = 0;
  private open = 0;
  private close = 0;
  constructor(private readonly text: string) {}

  /** True when text[0, end) ends inside an open quotation. */
  insideAt(end: number): boolean {
    for (; this.pos < end; this.pos++) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x22) this.straight++;
      else if (c === 0x201c || c === 0xab) this.open++;
      else if (c === 0x201d || c === 0xbb) this.close++;
    }
    return this.straight % 2 === 1 || this.open > this.close;
  }
}

/**
 * NEGATION_BEFORE can only match in the last few characters (its longest phrase plus 30), so it is
 * tried on a window that long plus one character for the \b: the same answer at any text length.
 */
const NEGATION_WINDOW = 64;

/** Global copies of the patterns, made once. */
const globalCopies = new Map<RegExp, RegExp>();
function globalCopy(pattern: RegExp): RegExp {
  let re = globalCopies.get(pattern);
  if (!re) {
    re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globalCopies.set(pattern, re);
  }
  re.lastIndex = 0;
  return re;
}

/** The first match of a pattern that is not negated or quoted (when that matters). */
function liveMatch(text: string, pattern: RegExp, negatable: boolean): RegExpExecArray | null {
  const re = globalCopy(pattern);
  const quotes = negatable ? new QuoteCounter(text) : undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (quotes && (NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index)) || quotes.insideAt(m.index))) {
      if (m[0].length === 0) re.lastIndex++;
      continue;
    }
    return m;
  }
  return null;
}

function signalMatches(sentence: string, signal: Signal): boolean {
  if (signal.firstPerson && !FIRST_PERSON.test(sentence)) return false;
  return liveMatch(sentence, signal.pattern, Boolean(signal.negatable)) !== null;
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 197)}…` : s);

/** Scores one apology against the pattern and the known non-apology forms. */
export function checkApology(text: CheckText, opts: CheckOptions): CheckReport {
  // The rules are English: a German, French or Spanish letter is not scored (never a 0 for the language).
  const language = guessLanguage([text.subject ?? '', ...text.sentences.map((s) => s.text)].join(' '));
  if (language !== 'en') return notJudged(opts.file, language);
  const sentences: Sentence[] = [...(text.subject ? [{ text: text.subject, line: text.subjectLine ?? 0, paragraph: -1 }] : []), ...text.sentences];
  // Where the learned model covers a part (model.ts), it decides; else the rules' first hit (the shipped model covers none).
  const model = checkModel();
  const read = readSentences(text, Object.keys(model.parts).length > 0);
  const parts = {} as Record<PartId, PartResult>;
  const found = (hit: Sentence | undefined): PartResult => ({ present: Boolean(hit), evidence: hit ? clip(hit.text) : null });
  const decide = (id: PartId, ruleHit: (r: ReadSentence) => boolean, byRules: Sentence | undefined): PartResult => {
    const m = model.parts[id];
    return found(m ? decidePart(m, read.rows, ruleHit)?.s : byRules);
  };
  parts['own-it'] = decide('own-it', (r) => r.rules.own, read.rows.find((r) => r.rules.own)?.s);
  parts.explain = decide('explain', (r) => r.rules.explainHit, read.explained.hit);
  parts.commitment = decide('commitment', (r) => r.rules.commit, read.rows.find((r) => r.rules.commit)?.s);
  const remedyRule = rule('remedy')!;
  // (the rules look for a remedy in quoted sentences too)
  parts.remedy = decide('remedy', (r) => r.rules.remedy, text.sentences.find((s) => remedyRule.signals.some((sig) => signalMatches(s.text, sig))));
  const joke = text.sentences.find((s) => HUMOUR_MARKERS.some((re) => liveMatch(s.text, re, true) !== null));
  parts.humour = found(joke);
  const explained = read.explained;
  const signOff = findSignOff(text);
  parts['sign-off'] = signOff;

  const findings: Finding[] = [];
  for (const rule of FINDING_RULES) {
    for (const s of sentences) {
      for (const pattern of rule.patterns) {
        const m = liveMatch(s.text, pattern, Boolean(rule.negatable));
        if (!m) continue;
        findings.push({ rule: rule.id, severity: rule.severity, line: s.line || null, text: m[0], hint: rule.hint });
        break;
      }
    }
  }
  if (!parts.explain.present && explained.vague) {
    const r = FINDING_RULES.find((x) => x.id === 'vague-explanation')!;
    findings.push({ rule: r.id, severity: r.severity, line: explained.vague.sentence.line || null, text: explained.vague.cause, hint: r.hint });
  }
  if (parts.commitment.present) {
    // a concrete commitment is there: "we'll do better" beside it is fine
    for (let i = findings.length - 1; i >= 0; i--) if (findings[i]!.rule === 'vague-commitment') findings.splice(i, 1);
  }

  const all = sentences.map((s) => s.text).join(' ');
  const contact = sentences.find((s) => CONTACT.test(s.text));
  if (!contact) {
    findings.push({ rule: 'no-human', severity: 'error', line: null, text: '', hint: 'Give a way to reach a person: a phone number, an address that a human reads, or "just reply to this email".' });
  }
  const specific = SPECIFIC.test(all);
  if (!specific) {
    findings.push({ rule: 'no-specifics', severity: 'warning', line: null, text: '', hint: 'Add the facts: how many customers, which order, the new date, when you will follow up.' });
  }
  // Humour is judged by severity: the one given, or else the one the text itself shows (a breach,
  // an injury, a day-long outage).
  const severity = opts.severity ?? inferSeverity(all);
  if ((severity === 'major' || severity === 'critical') && joke) {
    const how = opts.severity ? `on a ${severity} incident` : `on what reads as a ${severity} incident (${severity === 'critical' ? 'harm to people or their data' : 'a long outage or lost data'})`;
    findings.push({ rule: 'humour-on-severe', severity: 'error', line: joke.line || null, text: clip(joke.text), hint: `Remove the joke: ${how} humour reads as not taking the harm seriously.` });
  }
  for (const p of text.paragraphs) {
    const words = p.text.split(/\s+/).filter(Boolean).length;
    if (words > 120) {
      findings.push({ rule: 'wall-of-text', severity: 'warning', line: p.line, text: `${clip(p.text.slice(0, 60))}… (${words} words)`, hint: 'Break it up: one idea a paragraph, three or four sentences at most.' });
    }
  }
  const totalWords = text.body.split(/\s+/).filter(Boolean).length;
  if (totalWords > 500) {
    findings.push({ rule: 'wall-of-text', severity: 'warning', line: null, text: `${totalWords} words`, hint: 'Keep the whole message under about 400 words; put details behind a link or a reply.' });
  }
  if (signOff.present && !FOLLOW_UP.test(all)) {
    findings.push({ rule: 'no-follow-up', severity: 'info', line: null, text: '', hint: 'Promise a follow-up ("I\'ll check in on Friday to make sure it arrived") and keep it.' });
  }

  let score = PART_RULES.reduce((sum, r) => sum + (parts[r.id].present ? r.weight : 0), 0) + (specific ? SPECIFICS_WEIGHT : 0);
  for (const f of findings) score -= PENALTY[f.severity];
  score = Math.max(0, Math.min(100, score));
  const ordered = Object.fromEntries(PART_IDS.map((id) => [id, parts[id]])) as Record<PartId, PartResult>;
  findings.sort((a, b) => (a.line ?? 1e9) - (b.line ?? 1e9));
  return { file: opts.file, score, parts: ordered, findings };
}

/** A body sentence with its clauses, what the rules read in it and its model features. */
export interface ReadSentence {
  s: Sentence;
  clauses: Clause[];
  rules: RuleSignals;
  features: string[];
}

/**
 * Every body sentence read once: the rules' reading of it (own-it, commitment, explanation points,
 * remedy, humour, a non-apology form) and, unless `withFeatures` is false, the features the model weighs. Sentences inside a quotation
 * (a customer's message quoted) are left out: someone else speaking.
 */
export function readSentences(text: CheckText, withFeatures = true): { rows: ReadSentence[]; explained: ReturnType<typeof explain> } {
  // A sentence that is itself a non-apology ("we apologise for any inconvenience")
  // is no evidence of ownership or anything else.
  const isHollow = (t: string) => FINDING_RULES.some((r) => HOLLOW.has(r.id) && r.patterns.some((p) => liveMatch(t, p, Boolean(r.negatable))));
  // The parts come from the body only: a Subject line is a headline, not evidence.
  const insideQuote = quotedSentences(text.sentences, text.paragraphs);
  const body = text.sentences.filter((s) => !insideQuote.has(s)).map((s) => ({ s, clauses: clausesCached(s.text), hollow: isHollow(s.text) }));
  const self = selfNames(text.body);
  const owns = new Set<Sentence>();
  const owned = body.filter((b) => !b.hollow);
  owned.forEach((b, k) => { if (ownIt(b.s.text, b.clauses, self) || ownChangeCause(b, owned[k - 1])) owns.add(b.s); });
  const explained = explain(body);
  const remedyRule = rule('remedy')!;
  const paragraphPoints = new Map<number, number>();
  for (const [s, n] of explained.points) paragraphPoints.set(s.paragraph, (paragraphPoints.get(s.paragraph) ?? 0) + n);
  let heading: string | undefined;
  // "As you probably know, last week we released the new update", "After the acquisition, we moved Instapaper to AWS": a change
  // told in the simple past before the letter tells how the failure happened is part of that story, not a change made since
  // (told with a purpose of prevention, or in the perfect, "we have added", it still is one)
  const hitAt = explained.hit ? body.findIndex((b) => b.s === explained.hit) : -1;
  const toldBefore = (b: (typeof body)[number], index: number): boolean => index < hitAt && !CR.preventionPurpose.test(b.s.text.toLowerCase()) &&
    b.clauses.every((_c, k) => !commits(continuing(b.clauses, k, b.s.text), b.s.text, self, b.clauses[k + 1]) || continuing(b.clauses, k, b.s.text).tense === 'past');
  const rows = body.map((b, index): ReadSentence => {
    const under = heading;
    if (isHeading(b.s.text)) heading = b.s.text;
    const rules: RuleSignals = {
      explainParagraph: paragraphPoints.get(b.s.paragraph) ?? 0,
      explainHit: explained.hit === b.s,
      own: owns.has(b.s),
      commit: (b.clauses.some((_c, k) => commits(continuing(b.clauses, k, b.s.text), b.s.text, self, b.clauses[k + 1])) && !toldBefore(b, index)) || framedChange(b.s.text) || nowInService(b.s.text) || scheduledCheck(b.s.text),
      explain: explained.points.get(b.s) ?? 0,
      remedy: remedyRule.signals.some((sig) => signalMatches(b.s.text, sig)),
      humour: HUMOUR_MARKERS.some((re) => liveMatch(b.s.text, re, true) !== null),
      hollow: b.hollow,
    };
    return { s: b.s, clauses: b.clauses, rules, features: withFeatures ? sentenceFeatures(b.s.text, { index, count: body.length, clauses: b.clauses, rules, heading: under }) : [] };
  });
  return { rows, explained };
}

/** The sentences that begin inside a quotation left open by an earlier sentence of the same paragraph. */
function quotedSentences(sentences: Sentence[], paragraphs: { text: string }[]): Set<Sentence> {
  const out = new Set<Sentence>();
  let paragraph = -1;
  let pos = 0;
  let straight = 0;
  let depth = 0;
  for (const s of sentences) {
    const text = paragraphs[s.paragraph]?.text;
    if (text === undefined) continue;
    if (s.paragraph !== paragraph) { paragraph = s.paragraph; pos = 0; straight = 0; depth = 0; }
    const at = text.indexOf(s.text, pos);
    if (at < 0) continue;
    // the quote marks between the last sentence's start and this one's (the splitter drops a closing mark after a stop)
    for (; pos < at; pos++) {
      const ch = text[pos]!;
      if (ch === '"') straight++;
      else if (ch === '“' || ch === '«') depth++;
      else if ((ch === '”' || ch === '»') && depth > 0) depth--;
    }
    if (straight % 2 === 1 || depth > 0) out.add(s);
  }
  return out;
}

function rule(id: PartId) {
  return PART_RULES.find((r) => r.id === id);
}

/** A closing word then a name, a "-Name" line, or a short name line at the very end. */
function findSignOff(text: CheckText): PartResult {
  const lines = text.body.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  const tail = lines.slice(-8);
  // A person, not "The Management" or "Customer Relations Team".
  const isName = (l: string | undefined) =>
    Boolean(l) && /^[\p{Lu}][\p{L}'’.-]*(\s+[\p{L}'’.()-]+){0,5}$/u.test(l!) && !/[.!?]$/.test(l!.replace(/\b(Jr|Sr|Jnr|Snr|[\p{Lu}])\.$/u, '')) && l!.split(/\s+/).length <= 6 &&
    !/\b(team|department|management|services?|support|relations|desk|office|staff|customer care)\b/i.test(l!);
  // "… just reply. - Lena, Owner" at the end of the last line
  const inline = /(?:^|\s)[-–—]{1,2}\s*([\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3})(?:,\s*[\p{L}][\p{L} &'.-]{0,40})?\s*$/u.exec(tail[tail.length - 1] ?? '');
  if (inline && isName(inline[1])) return { present: true, evidence: clip(inline[0].trim()) };
  // a last line of its own that is a name and a title: "Kenneth Cole, Chairman and Chief Creative Officer"
  const titled = /^([\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){1,3}),\s+([\p{L}][\p{L}\p{N} &'’.,-]{1,80})$/u.exec(tail[tail.length - 1] ?? '');
  if (titled && tail.length >= 2 && isName(titled[1]) && !/[.!?]$/.test(titled[2]!) && titled[2]!.split(/\s+/).length <= 8) return { present: true, evidence: clip(titled[0]) };
  // a last paragraph that is just a name, maybe with a title: "Reed / CEO"
  const paragraphs = text.body.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1]?.split('\n').map((l) => l.trim()).filter(Boolean) ?? [];
  if (paragraphs.length > 1 && last.length >= 1 && last.length <= 3 && isName(last[0]) && (last.length === 1 || last.slice(1).every((l) => l.split(/\s+/).length <= 8 && !/[.!?]$/.test(l)))) {
    return { present: true, evidence: clip(last.join(' / ')) };
  }
  // a name, then its title and company as paragraphs of their own ("Aaron Magness / Director of … / Zappos")
  const shortTail: string[] = [];
  for (let i = paragraphs.length - 1; i >= 1 && shortTail.length < 4; i--) {
    const p = paragraphs[i]!.trim();
    if (p.includes('\n') || p.split(/\s+/).length > 8 || /[.!?]$/.test(p.replace(/\b(Jr|Sr|Inc|Ltd|Co)\.$/, ''))) break;
    shortTail.unshift(p);
    if (isName(p) && shortTail.length > 1) return { present: true, evidence: clip(shortTail.join(' / ')) };
  }
  for (let i = 0; i < tail.length; i++) {
    // After a closing word, a named team signs too ("Warm regards, / The Notely team"): the letter then says "we".
    if (CLOSING.test(tail[i]!) && (isName(tail[i + 1]) || /^The \p{Lu}[\p{L}\p{N}&'’. -]{0,40} team$/u.test(tail[i + 1] ?? ''))) {
      return { present: true, evidence: clip(tail.slice(i, i + 3).join(' / ')) };
    }
    // the signature delimiter ("-- " on a line of its own), then a name
    if (tail[i] === '--' && isName(tail[i + 1])) return { present: true, evidence: clip(tail[i + 1]!) };
    const dash = /^[-–—]{1,2}\s*([\p{Lu}][\p{L}'’.-]*(\s+[\p{L}'’.()-]+){0,5})$/u.exec(tail[i]!);
    if (dash && i >= tail.length - 3) return { present: true, evidence: clip(tail.slice(i).join(' / ')) };
  }
  return { present: false, evidence: null };
}

const CR = CLAUSE_RULES;
let FAULT = new Set<string>(CR.faultVerbs);
let SUCCESS = new Set<string>(CR.successVerbs);
let CHANGE = new Set<string>(CR.changeVerbs);
let MECHANISM = new Set<string>(CR.mechanismVerbs);
/**
 * The clauses of each sentence, kept across calls only when a tool asks (bench/check-eval.mjs scores the same
 * letters once per rule it takes out): they depend on the known verbs alone, so they are dropped when those change.
 */
let clauseCache: Map<string, Clause[]> | undefined;
let clauseCacheVerbs = '';
export function cacheClauses(on: boolean): void {
  clauseCache = on ? new Map() : undefined;
  clauseCacheVerbs = [...KNOWN_VERBS].join(',');
}
function clausesCached(sentence: string): Clause[] {
  if (!clauseCache) return clausesOf(sentence);
  let cs = clauseCache.get(sentence);
  if (!cs) clauseCache.set(sentence, (cs = clausesOf(sentence)));
  return cs;
}
/** Rebuilds the sets made from CLAUSE_RULES, for a tool that edits the rules in place (bench/check-eval.mjs --ablate). */
export function refreshRuleSets(): void {
  rebuildKnownVerbs();
  if (clauseCache) {
    const verbs = [...KNOWN_VERBS].join(',');
    if (verbs !== clauseCacheVerbs) { clauseCache.clear(); clauseCacheVerbs = verbs; }
  }
  FAULT = new Set<string>(CR.faultVerbs);
  SUCCESS = new Set<string>(CR.successVerbs);
  CHANGE = new Set<string>(CR.changeVerbs);
  MECHANISM = new Set<string>(CR.mechanismVerbs);
}
/** Verbs whose passive ("has been reviewed", "has been fixed") tells no change of the thing: a look at it, or its repair. */
const PASSIVE_WEAK = new Set(['review', 'check', 'test', 'monitor', 'keep', 'put', 'set', 'run', 'turn', 'roll', 'enter', 'release', 'launch', 'publish', 'brief', 'assign', 'appoint', 'fund', 'staff', 'partner', 'invest', 'fix', 'patch']);
/** Verbs that make a change only with a change in the object ("keep them updated with bug fixes"). */
const WEAK_CHANGE = new Set(['publish', 'appoint', 'keep', 'put', 'set', 'turn', 'roll', 'run', 'enter', 'partner', 'invest', 'double', 'fund', 'staff', 'brief', 'assign', 'extend', 'move', 'release', 'launch', 'check', 'test', 'review', 'monitor', 'improve', 'increase', 'update', 'change', 'stop']);
const PRONOUNS = new Set(['it', 'this', 'that', 'them', 'these', 'those', 'you', 'your', 'our', 'us', 'we', 'i', 'me', 'my', 'they', 'their', 'everyone', 'anyone', 'what', 'which', 'who']);
const STOP = new Set(['will', 'shall', 'would', 'can', 'could', 'should', 'do', 'does', 'did', 'have', 'has', 'had', "'re", "'ll", "'ve", 'going', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'and', 'or', 'as', 'so', 'than', 'any', 'every', 'each', 'all', 'up', 'out', 'into', 'across', 'around', 'about', 'over', 'under', 'within', 'throughout', 'against', 'through', 'via', 'towards', 'toward', 'among', 'between', 'is', 'are', 'be', 'been', 'was', 'were', 'how', 'we', "'s", "n't", 'not', 'no']);

/** The writer is the agent of the failure, or takes it as theirs in so many words. */
function ownIt(sentence: string, clauses: Clause[], self: (subject: string) => boolean = () => false): boolean {
  // "We recognize … and Ticketpro accepts full responsibility": a name beside the writer's "we" in one sentence is
  // someone else, and its taking the blame is not the writer's ("Acme takes full responsibility" alone may be Acme itself)
  const named = THIRD_PARTY_TAKES.exec(sentence);
  const phrased = named && !/^(We|I)$/.test(named[1]!) && clauses.some((c) => c.agent === 'first' && /^(we|i)$/.test(c.subject))
    ? sentence.slice(0, named.index) + sentence.slice(named.index + named[0].length) : sentence;
  // "Have we lost any data?": a question asks, it owns nothing
  // (a whole sentence only: "sorry, i've copied the wrong upstream. can someone push force…?" read as one owns in its first part)
  if (/\?\s*["'”’)]*\s*$/.test(sentence) && !/[.!;]\s/.test(sentence)) return false;
  if (CR.ownPhrases.some((re) => liveMatch(phrased, re, true) !== null)) return true;
  // (session 16) "we apologize for not handling the situation properly": the apology's object is the writer's act left undone
  const omitted = CR.apologyForOmission.exec(sentence);
  if (omitted && SUCCESS.has(lemma(omitted[1]!)) && !CR.announcementVerbs.test(lemma(omitted[1]!))) return true;
  // (the writer in the sentence as more than the one apologising: "This is unacceptable and … we apologize for the impact" owns nothing)
  if (liveMatch(sentence, CR.ownJudgement, true) && FIRST_PERSON.test(sentence) && clauses.some((c) => c.agent === 'first' && !/^(apologi[sz]e|regret|sorry|thank|hope)$/.test(c.lemma))) return true;
  // (a verb coordinated with the writer's shares its subject: "we got too excited and accidentally hit send")
  if (liveMatch(sentence, /\b(we|i) (\w+ )?(mistakenly|accidentally|wrongly|inadvertently|incorrectly)\b|\b(we|i) (?:(?!\b(?:but|because|they|he|she|it|you|when|while|after|if)\b)[^.;:!?,]){1,60}? and (mistakenly|accidentally|wrongly|inadvertently|incorrectly) \w+|\b(we|i) (\w+ ){0,2}(charged|billed|sent|shipped|booked|gave)\b[^.]{0,40}\b(twice|the wrong|too much|wrong)\b|\bwe (weren't|were not) there\b/i, true)) return true;
  // "human errors on the part of The Twelve Apostles Hotel and Spa team": a fault put on the writer by its own name
  const partOf = /\b(?:failures?|mistakes?|errors?|oversights?|missteps?|blunders?|faults?|lapses?) on the part of (?:the )?([^,.;:!?]+)/i.exec(sentence);
  if (partOf) {
    // (a long name is looked up by its first words: "The Twelve Apostles Hotel and Spa" by "twelve apostles")
    const name = partOf[1]!.replace(/\s+(?:team|staff|management|employees)$/i, '').trim().toLowerCase().split(/\s+/);
    for (let n = Math.min(4, name.length); n >= 2; n--) if (self(name.slice(0, n).join(' '))) return true;
  }
  // "due to my excessively fat fingers": the writer's own hand or act named as the cause
  if (/\b(?:due to|because of|caused by|thanks to) (?:my|our) (?:[\w-]+ ){0,2}?(?:fingers?|hands?|carelessness|haste|mistakes?|errors?|oversights?|typos?|slip|negligence|inattention)\b/i.test(sentence)) return true;
  return clauses.some((c0, k) => {
    // "I noticed it, and changed the base branch, did not account for CI …": a negated verb with no subject after the
    // writer's own clause shares the writer as its subject
    const prev = k > 0 ? clauses[k - 1] : undefined;
    // (coordinated only, after a past act: not the relative clause in "refunds for plants that did not meet our standards")
    const c = c0.agent === 'none' && c0.subject === '' && c0.negated && c0.tense === 'past' && prev !== undefined && prev.agent === 'first' && !prev.passive &&
      (prev.tense === 'past' || prev.tense === 'perfect') && coordinatedNegations(sentence).has(c0.verb)
      ? { ...c0, agent: 'first' as const, subject: prev.subject } : c0;
    // "Forgot to disable auto-merge, …": a sentence that opens with a failure verb and no subject is the writer's diary
    if (k === 0 && c.agent === 'none' && c.subject === '' && c.tense === 'past' && !c.passive && !c.negated && CR.elidedWriterVerbs.test(c.lemma) &&
      new RegExp(`^\\W*(?:\\w+ly )?${c.verb}\\b`, 'i').test(sentence.trimStart().slice(0, 40 + c.verb.length))) {
      const need = CR.faultObjects[c.lemma];
      return need ? need.test(`${c.particle} ${c.object}`.trim()) : true;
    }
    // "we would have done so", "we could have fixed that right away too!", "I wish I would have known": a counterfactual in a
    // condition or a wish says what would have been, it owns no act (a "should have" still owns one)
    if (c.tense === 'counterfactual' && !/\b(should|ought)\b/.test(c.aux ?? '') && /\b(if|otherwise|unless|wish|wished|had (?:\w+ )?(?:been|known|had))\b/i.test(sentence)) return false;
    // "I've copied the wrong upstream": the writer's act done on the wrong thing
    if (c.agent === 'first' && !c.negated && !c.passive && (c.tense === 'past' || c.tense === 'perfect') && CR.wrongObject.test(c.object) && !CR.thingHeads.test(c.subject)) return true;
    // (session 16) "I plugged the keyboard into the wrong server", "I've pushed to the wrong remote": the wrong thing after what was acted on
    if (c.agent === 'first' && !c.negated && !c.passive && (c.tense === 'past' || c.tense === 'perfect') && CR.wrongPlace.test(`${c.particle} ${c.object}`.trim()) && !CR.thingHeads.test(c.subject) && !FAULT_THING_SUBJECT.test(c.subject)) return true;
    // "the People mess up I made": a failure noun the writer made, named before the clause
    if (c.agent === 'first' && c.lemma === 'make' && c.object === '' && CR.madeObject.test(c.subject.replace(/\s+(?:i|we)$/, ''))) return true;
    // "we wrote the tests, but nobody checked the result": an omission of the writer's people, told in the past
    if (/^(nobody|no one)\b/.test(c.subject) && c.tense === 'past' && !c.passive && SUCCESS.has(c.lemma) && FIRST_PERSON.test(sentence)) return true;
    // the company speaking as itself: "For decades, RBS failed to invest properly in its systems"
    // (a deliberate act it failed at, not a service that "failed to execute jobs": that is the product, a thing)
    // "a problem with one of our storage units has led to…": a fault of a thing of ours is the subject, not the writer
    if (c.agent === 'first' && FAULT_THING_SUBJECT.test(c.subject)) return false;
    // "our monitoring systems didn't catch this": a thing of ours, not the writer, is the agent
    if (c.agent === 'first' && CR.thingHeads.test(c.subject)) return false;
    // "I pushed the tag without the commit", "I managed to push the same broken code three times": the thing put out is the fault
    if (defectivePutOut(c, sentence)) return true;
    // "I don't have a process for rolling back to a prior version", "we had no test for…": a safeguard of the writer's missing
    if (c.agent === 'first' && c.negated && !c.passive && c.lemma === 'have' && /^(present|past|perfect)$/.test(c.tense) && /^(we|i)$/.test(c.subject) && CR.missingSafeguard.test(c.object.replace(/^no /, 'a '))) return true;
    if (c.agent !== 'first' && !(c.agent === 'other' && self(c.subject) && (c.lemma !== 'fail' || SUCCESS.has(c.object.split(' ')[1] ?? '') || /^to (invest|act|respond|inform|notify|warn|disclose|prepare|plan|listen)\b/.test(c.object)))) return false;
    const obj = `${c.particle} ${c.object}`.trim();
    // "we should have told you sooner" (an omission), "we shouldn't have collected payment" (an act the writer judges wrong);
    // not "we couldn't have prevented this", which says it was out of reach
    // (a passive names no one: "our bags should not have been featured")
    // (and what could or might have befallen the writer is no act of theirs: "we could have been put in a position where…")
    if (c.tense === 'counterfactual') return !/\b(should|ought)\b/.test(c.aux ?? '') && (/\b(might|may)\b/.test(c.aux ?? '') || /\bbeen$/.test(c.aux ?? '')) ? false : !c.negated || (/\b(should|ought)\b/.test(c.aux ?? '') && !c.passive);
    if (c.tense === 'future' || c.tense === 'modal' || c.tense === 'imperative') return false;
    // "we didn't set the pledge levels high enough", "we did not staff the desk well enough": too little of our own act
    if (c.negated && !c.passive && (c.tense === 'past' || c.tense === 'perfect') && /\b(enough|sufficiently|adequately)\b/.test(obj) && !/^(to|for|about)\b/.test(obj)) return true;
    // "we didn't stop surge pricing immediately": the writer's act, not done in time
    if (c.negated && !c.passive && (c.tense === 'past' || c.tense === 'perfect') && /\b(immediately|sooner|earlier|in time|right away|straight away|quickly enough|fast enough)$/.test(obj)) return true;
    // "we did not reroute to a backup as fast as we could have"
    if (c.negated && !c.passive && (c.tense === 'past' || c.tense === 'perfect') && /\bas (fast|quickly|soon|well|carefully|clearly|thoroughly|early) as (we|i) (could|should)\b/i.test(sentence)) return true;
    // "without thinking I marked it to go to all of my lists": the writer's act, done without care
    if (!c.negated && !c.passive && c.tense === 'past' && CR.withoutCare.test(sentence)) return true;
    // "we did not follow" owns it; "our routines have not been followed" names no one
    // ("we did not plan for the rush" owns an omission; "we did not plan to raise prices" tells an intention)
    // "due to a winter storm …, we didn't get you to Boston": a failure put on an outside cause in the same sentence owns nothing
    if (c.negated && outsideCause(sentence)) return false;
    if (c.negated) return SUCCESS.has(c.lemma) && !c.passive && (c.tense === 'past' || c.tense === 'perfect') && !/^(not|never)\b/.test(c.object) && !(/^(plan|prepare)$/.test(c.lemma) && /^to\b/.test(c.object));
    // "we apologise for the awful experience we've caused": the impact named, then the writer as its cause, owns only the impact (LABELLING.md R9)
    if (c.antecedent !== undefined && (c.lemma === 'cause' || c.lemma === 'create') && CR.impactNouns.test(c.antecedent)) return false;
    if (c.lemma === 'make') return CR.madeObject.test(obj);
    if (c.lemma === 'get') return CR.gotWrong.test(obj);
    if (!FAULT.has(c.lemma) || c.passive) return false;
    if (c.tense === 'present' && !/^(fail|let|hit|cut|put|set)$/.test(c.lemma)) return false;
    // "we have deleted the relevant information as soon as possible": a removal done at once contains the harm (LABELLING.md R1), it is no fault
    if (CR.takeDownVerbs.test(c.lemma) && CR.containedAtOnce.test(sentence.toLowerCase()) && !liveMatch(sentence.toLowerCase(), CR.faultAdverbs, true)) return false;
    const need = CR.faultObjects[c.lemma];
    return need ? need.test(obj || sentence.toLowerCase()) : true;
  });
}

/** A capitalised name taking the blame in the third person: "Ticketpro accepts full responsibility". */
const THIRD_PARTY_TAKES = /\b([A-Z][\w&'.-]*) (?:\w+ly )?(?:takes|accepts|owns|has taken|has accepted) (?:full |complete |total |all |the )?(?:responsibility|ownership|accountability|the blame)\b/;
/** A subject headed by a fault of a thing, whoever's the thing is: "a problem with one of our storage units", "an error in our system". */
const FAULT_THING_SUBJECT = /^(?:a|an|the|one|some|this|that)\b(?: [\w-]+)? (?:problem|problems|issue|issues|fault|faults|error|errors|failure|failures|bug|bugs|glitch|glitches|defect|defects|outage|malfunction)\b/;
/** A cause in the sentence that names nothing of the writer's: "due to a winter storm in the Chicago area". */
function outsideCause(sentence: string): boolean {
  const lower = sentence.toLowerCase();
  const cause = causeOf(unquoted(lower));
  return cause !== null && !FIRST_PERSON.test(cause) && !/\b(mistake|error|fault|oversight|failure)\b/.test(cause);
}

/** Acts by which the writer puts a change of its own into service. */
const PUT_IN = /^(deploy|make|push|ship|release|roll|introduce|apply|run|change|update|upgrade|migrate|merge|install|configure|launch|enable|set|write)$/;
/** A change, as a thing that can be the cause: "a change", "the update", "this deploy", "a configuration change". */
const CHANGE_THING = /\b(change|update|deploy|deployment|release|upgrade|migration|patch|commit|script|configuration|config|rollout)s?\b/;
/** "… a change we made", "the update that we pushed": a change the writer put in. */
const OUR_CHANGE = new RegExp(`${CHANGE_THING.source} (?:that |which )?(?:we|i) (?:had |have )?(?:\\w+ly )?(?:just )?(?:(?:started|begun|began) )?(?:made|deployed|pushed|shipped|released|rolled out|introduced|applied|ran|wrote|merged|running|deploying|rolling out|applying)\\b`);
/** A failure told as going with a change, not as its effect: "This correlated strongly with a migration we had just started running". */
const WENT_WITH = /\b(?:correlated|coincided|lined up)\b(?: \w+){0,2} with\b/;
/** What a change of the writer's did wrong, in the clause after it: "… a code update … that introduced a bug". */
const BROUGHT_FAULT = /^(introduce|cause|contain|trigger|break|create)$/;
/**
 * The writer's own change named as the cause: "This downtime was caused by a change we made", or a change
 * the sentence before says the writer deployed, then "this change contained a bug" (Stripe's "we upgraded
 * to a new version that introduced a fault" puts the fault on the version, and owns nothing).
 */
function ownChangeCause(b: { s: Sentence; clauses: Clause[] }, before: { s: Sentence; clauses: Clause[] } | undefined): boolean {
  const lower = b.s.text.toLowerCase();
  // in one sentence: a cause word, then a change the writer made
  const cause = CR.causeWords.exec(lower);
  if (cause && !/^(led to|resulted in|triggered|which meant|meaning that|after which)/.test(cause[0]) &&
    OUR_CHANGE.test(lower.slice(cause.index))) return true;
  const went = WENT_WITH.exec(lower);
  if (went && OUR_CHANGE.test(lower.slice(went.index))) return true;
  // "we made a code update at 1:54pm that introduced a bug": the writer's change, then what it brought in (not
  // "we upgraded our databases to a new version that introduced a fault": the fault is the version's)
  if (b.clauses.some((c, k) => {
    const n = b.clauses[k + 1];
    // ("we attempted to perform a database migration that caused our API to go down": the change tried, then the harm it caused)
    const tried = /^(attempt|try|start|begin)$/.test(c.lemma) && /^to (perform|run|deploy|make|apply|push|roll out|migrate|upgrade|update|release)\b/.test(c.object);
    return c.agent === 'first' && !c.negated && !c.passive && (c.tense === 'past' || c.tense === 'perfect') && (PUT_IN.test(c.lemma) || tried) &&
      CHANGE_THING.test(c.object.split(' ').slice(0, tried ? 6 : 4).join(' ')) && (tried || !/ to /.test(` ${c.object} `)) && n !== undefined && n.subject === '' && !n.negated && !n.passive &&
      BROUGHT_FAULT.test(n.lemma) && (/\b(bug|defect|error|fault|flaw|regression|outage)s?\b/.test(n.object) || (n.lemma === 'cause' && /\bto (go down|go offline|fail|crash|stop working|break)\b/.test(n.object)));
  })) return true;
  // across two sentences of one paragraph: "we deployed a configuration change …. Unfortunately, this change contained a bug …"
  // (the sentence right before, in its paragraph or closing the one before: "… we made some major changes to the way our
  // system queues email. ¶ Unfortunately, these changes accidentally broke our reminder emails")
  if (!before) return false;
  const head = /^(?:\W*\w+ly,? )?(?:this|that|the|these|those) (?:[a-z-]+ ){0,2}?(change|update|deploy|deployment|release|upgrade|migration|patch|commit|script|rollout)s?\b/.exec(lower.replace(/^(however|unfortunately|sadly|but),? /, ''));
  if (!head) return false;
  const fault = /^\s*(?:\w+ly )?(?:contained|introduced|had|carried|caused|broke|triggered|crashed|corrupted|deleted|removed|overloaded|disabled|blocked|took down)\b(.*)$/.exec(lower.replace(/^(however|unfortunately|sadly|but),? /, '').slice(head.index + head[0].length));
  if (fault && /^\s*(contained|introduced|had|carried)\b/.test(lower.replace(/^(however|unfortunately|sadly|but),? /, '').slice(head.index + head[0].length)) && !/\b(bug|defect|error|fault|flaw|regression|mistake|typo)s?\b/.test(fault[1]!)) return false;
  if (!fault) return false;
  return before.clauses.some((c) => c.agent === 'first' && !PARTNER_SUBJECT.test(c.subject) && !c.negated && !c.passive && (c.tense === 'past' || c.tense === 'perfect') && PUT_IN.test(c.lemma) && new RegExp(`\\b${head[1]}s?\\b`).test(c.object));
}

/** A partner of the writer's named by its role ("our provider", "our hosting partner"): its change is not the writer's (R2). */
const PARTNER_SUBJECT = /\b(?:provider|partner|vendor|supplier|host|courier|carrier|contractor|processor|cdn)s?$/;

/** The people harmed, as the subject of what befell them. */
const HARMED = /\b(customers?|users?|folks|people|persons?|members?|passengers?|guests?|backers?|clients?|patients?|subscribers?|famil(y|ies)|everyone|many of you|some of you|buyers?|shoppers?|patrons?|readers?|listeners?|viewers?|players?|fans?|donors?|students?|residents?)( who)?$/;
/** "the offense caused by the jumper": a participle after a noun names where the harm came from; it tells no event. */
const harmSource = (c: Clause) => c.verb === 'caused' && !c.passive && /^by\b/.test(c.object);

/** How it happened (what broke, what a change did) and causes that name something. */
function explain(body: { s: Sentence; clauses: Clause[] }[]): { hit?: Sentence; vague?: { sentence: Sentence; cause: string }; points: Map<Sentence, number> } {
  const points = new Map<Sentence, number>();
  // Points per paragraph: an explanation is told in one place, not pieced together from stray verbs.
  const byParagraph = new Map<number, number>();
  let best: { s: Sentence; n: number; paragraphPoints: number } | undefined;
  let hit: Sentence | undefined;
  let vague: { sentence: Sentence; cause: string } | undefined;
  let lastPoints = 0;
  let lastClauses: Clause[] | undefined;
  for (const { s, clauses } of body) {
    let n = 0;
    const lower = s.text.toLowerCase();
    // ("hired experts to investigate how this happened": an inquiry to come, not a story told)
    const framed = CR.framing.exec(lower);
    // ("So what went wrong?": a heading asked as a question announces the story, it tells none of it)
    if (framed && !/\?\s*$/.test(lower) && !/\bto (investigate|understand|determine|find out|establish|learn|examine|review|look into|work out|figure out|explain)\s*$/.test(lower.slice(0, framed.index))) n += 1;
    // a cause counts where the sentence tells what happened (past or perfect), not in "the only
    // time bin days change is because of Christmas"
    // ("the offense caused by the jumper": a participle after a noun names the harm, it tells no event)
    // ("some information may have been accessed": what may have happened is told as well)
    // ("… resulted in the need to change the address of our DNS servers": the link itself told in the past)
    const causeAt = CR.causeWords.exec(lower);
    const narrated = clauses.some((c) => (c.tense === 'past' || c.tense === 'perfect' || c.tense === 'counterfactual') && !harmSource(c)) || /\b(was|were|had|(may|might|could) have been)\b/.test(lower) ||
      (causeAt !== null && /^(led to|resulted|triggered|stemmed|originated|was traced|(?:all |both |also )?contributed|played)/.test(causeAt[0]));
    // ("concerns about discrimination due to a post about…": what the harm came from, the harm restated, not how it happened)
    const ofHarm = causeAt !== null && CR.harmBefore.test(lower.slice(0, causeAt.index).split(/[,;:]/).pop()!);
    const cause = narrated && !ofHarm ? causeOf(unquoted(lower)) : null;
    // ("… as a result of the investigation": what came of looking into it, neither a cause nor a vague one)
    if (cause !== null && !CR.inquiryCause.test(cause)) {
      if (isVagueCause(cause)) vague ??= { sentence: s, cause };
      else n += 2;
    }
    // how a thing of the system behaves, told in the present with its condition or result, with no person in it:
    // "surge pricing kicks in automatically when demand outstrips supply", "Mongo continues serving reads while not
    // allowing writes", "an aged battery becomes less capable …, which may result in a device shutting down"
    if (narrated && CR.madeBeforeKnowing.test(lower)) n += 2;
    // a fault found told with what it does, the mistake told as an act
    if (narrated && (CR.foundFault.test(lower) || CR.mistakeTold.test(lower))) n += 2;
    // the writer's mistaken belief and the act it led to: "I thought it was because of the connection issue and then did a git push"
    if (CR.beliefThenAct.test(lower)) n += 2;
    // (session 16) the writer's unawareness with what it missed: "I did not realize that we had left off Israel and Central America"
    if (CR.unawareOf.test(lower)) n += 2;
    const lost = CR.lostIn.exec(lower);
    if (lost !== null && !isVagueCause(lost[1]!.split(/[,;]| and | but /)[0]!.trim()) && !HARMED.test(lost[1]!.split(/[,;]/)[0]!.trim())) n += 2;
    if (CR.behaviour.test(lower) && !FIRST_PERSON.test(lower) && !/\b(you|your)\b/.test(lower) && !clauses.some((c) => c.tense === 'future' || c.tense === 'imperative' || c.agent === 'reader')) n += 2;
    for (let k = 0; k < clauses.length; k++) {
      const told = clauses[k]!;
      // "I was working on … and accidentally, and *really* stupidly, deleted one of our main load balancers": a verb after "and"
      // with no subject of its own shares the writer's subject before it
      const shared = told.subject === '' && told.agent === 'none' && !told.passive && (told.tense === 'past' || told.tense === 'perfect') && k > 0 &&
        clauses[k - 1]!.agent === 'first' && new RegExp(`\\band\\b[^.;:]{0,60}?\\b${told.verb.replace(/[^a-z'-]/g, '')}\\b`).test(lower);
      const c: Clause = shared ? { ...told, agent: 'first', subject: clauses[k - 1]!.subject } : told;
      // the harm restated as what befell someone ("her life was turned upside down") is no mechanism
      // ("many folks were overcharged", "some customers were charged twice": what befell the people harmed)
      if (c.agent === 'reader' || /^(her|his|their)\b/.test(c.subject) || (c.passive && HARMED.test(c.subject)) || harmSource(c)) continue;
      // an omission of ours, told as what happened: "we did not design the product with the foresight…"
      // (not the act inside "we did not intend to make light of…": that is an intention denied)
      if (c.negated && (/^(we|i)$/.test(c.subject.replace(/^(\w+ly|of course|in fact|and|also|then|again|so) /, '')) || (c.agent === 'first' && c.aux === 'did' && CR.staffSubject.test(c.subject))) && c.tense === 'past' && !clauses.some((o) => o !== told && o.object.startsWith(`to ${c.verb} `)) && !c.passive && c.lemma !== 'be' && c.lemma !== 'have' && (!/^(to|for|in|on|at|with|by|from|about)\b/.test(c.object) || (/^for\b/.test(c.object) && /^(plan|prepare|account|budget|allow|test|check)$/.test(c.lemma))) && concrete(directObject(c.object.replace(/^for /, ''), c.particle))) { n += CR.omissionThenAct.test(c.object) ? 2 : 1; continue; }
      // a thing done wrong, whatever the verb: "the batch was resubmitted twice", "the file was uploaded in error"
      // (not what befell the reader: "a previously expired discount was mistakenly applied to your account")
      if (!c.negated && c.passive && c.tense === 'past' && c.subject !== '' && CR.faultAdverbs.test(c.object) && !/\b(you|your)\b/.test(c.object)) { n += 1; continue; }
      // the writer's act that went wrong, on a thing named: "I deleted the history by accident while trying to amend the last commit
      // message", "accidentally … deleted one of our main load balancers": the step that broke it, told whole
      if (!c.negated && !c.passive && c.agent === 'first' && (c.tense === 'past' || c.tense === 'perfect') && MECHANISM.has(c.lemma) &&
        liveMatch(lower, CR.faultAdverbs, true) !== null && !/\btwice\b/.test(lower) && concrete(directObject(c.object, c.particle)) &&
        // (with what the writer was doing when it went wrong: "we mistakenly sent out an empty test email" alone is the harm itself)
        (/\bwhile (?:\w+ing|(?:we|i) (?:was|were))\b/.test(lower) || clauses.some((o) => o !== told && o.background === true && o.agent === 'first'))) { n += 2; continue; }
      // "Did not read what the hashtag was about before posting.": the writer's omission, told in the diary's subjectless past
      if (c.negated && c.agent === 'none' && c.subject === '' && c.tense === 'past' && !c.passive && SUCCESS.has(c.lemma) && new RegExp(`^\\W*(?:did not|didn't|never) ${c.verb}\\b`, 'i').test(s.text.trimStart().slice(0, 20 + c.verb.length))) { n += 1; continue; }
      // something of ours was acted on ("our platform was built for enterprise customers"), whatever the verb
      if (!c.negated && c.passive && (c.tense === 'past' || c.tense === 'perfect') && /^our \w/.test(c.subject) && !MECHANISM.has(c.lemma)) { n += 1; continue; }
      // how a thing of the system behaves, told in the present with its condition or result: "surge pricing kicks in
      // automatically when demand outstrips supply", "the database keeps serving reads while not allowing writes"
      // "the UPS did not handle the load", "the failover did not trigger": a part of the system failing to act, told in the past
      // (not the service the reader uses failing, "the site did not load": the harm restated)
      if (c.negated && !c.passive && c.tense === 'past' && c.agent === 'other' && CR.machineActs.test(c.lemma) && CR.machineSubject.test(c.subject) && !HARMED.test(c.subject)) { n += 2; continue; }
      // (session 15) a part of the system that broke, told in the past: "the main circuit breaker … of the UPS tripped", "the VM
      // host system lost the RAID set that held the filesystem" (its head noun, before what qualifies it; not the site or
      // service the reader uses, whose failing is the harm)
      if (!c.negated && !c.passive && c.agent === 'other' && (c.tense === 'past' || c.tense === 'perfect') && (CR.componentFails as readonly string[]).includes(c.lemma) &&
        CR.componentSubject.test(componentHead(c.subject)) && !HARMED.test(c.subject)) { n += 2; continue; }
      // (session 15) the writer's failing act told with the act it happened in: "I accidentally messed up the master when resetting
      // my branch", "I broke the build while refactoring the parser" (the step that broke it, on a thing named)
      const during = clauses[k + 1];
      if (!c.negated && !c.passive && c.agent === 'first' && (c.tense === 'past' || c.tense === 'perfect') && (FAULT.has(c.lemma) || MECHANISM.has(c.lemma)) &&
        during !== undefined && during.tense === 'nonfinite' && during.subject === '' && !/^(work|do|try|deal|handle|get|go|play)$/.test(during.lemma) && new RegExp(`\\b(?:when|while|whilst|during|after|by) ${during.verb.replace(/[^a-z'-]/g, '')}\\b`).test(lower) &&
        concrete(directObject(during.object, during.particle)) && !/\b(you|your)\b/.test(during.object)) { n += 2; continue; }
      // (session 15) "the outage was due to a bug in our router which caused flapping BGP sessions": a fault named where it was,
      // with what it did in the relative clause after it
      if (!c.negated && c.subject === '' && (c.tense === 'past' || c.tense === 'perfect') && CR.faultDid.test(lower) && new RegExp(`\\b(?:which|that) (?:\\w+ly )?${c.verb.replace(/[^a-z'-]/g, '')}\\b`).test(lower) &&
        concrete(directObject(c.object, c.particle)) && !CR.harmObject.test(c.object) && !HARMED.test(c.object.split(' ')[0] ?? '')) { n += 2; continue; }
      // (session 15) what the writer should have done, with what for or until when: "we should have spent that bit of extra money to
      // put leaflets through doors", "I should have delayed the start of the development until we had all the resources": the step
      // that went wrong, told as its alternative (not "we should have communicated this sooner": no step named)
      if (c.tense === 'counterfactual' && c.agent === 'first' && !c.negated && !c.passive && !/^(be|have|do|know|say|tell|communicate|apologi[sz]e|listen|respond|reply|act|think|consider|realise|realize|inform|notify|update|explain)$/.test(c.lemma)) {
        const after = lower.slice(lower.indexOf(` ${c.verb} `) + c.verb.length + 2);
        const step = CR.counterfactualStep.exec(after);
        const done = after.slice(0, step?.index ?? 0).trim();
        // (not care or attention paid, nor the people harmed heard: "we should have paid more attention to…", "we should have spoken with more of you")
        if (step && step.index > 0 && concrete(directObject(done, c.particle)) && !/\b(you|your)\b/.test(lower) && !/^(?:\w+ )?(?:attention|care|thought|time|effort|consideration|focus|heed)\b/.test(done)) { n += 2; continue; }
      }
      // (session 15) an act done on the wrong thing: "I've accidentally pushed to the wrong remote", "an engineer … disconnected
      // the wrong fibre" (not the wrong words, which are the offence itself)
      const wrong = !c.negated && !c.passive && (c.tense === 'past' || c.tense === 'perfect') ? CR.wrongThing.exec(c.object) : null;
      // (not what reached the people harmed, "we sent the wrong size": the harm itself)
      if (wrong && !CR.speechHeads.test(wrong[1]!) && !CR.deliveryVerbs.test(c.lemma)) { n += 2; continue; }
      if (c.negated || !MECHANISM.has(c.lemma)) continue;
      // "we started processing emails at 7:45am, and by 8:43am all queues were clear": the service coming back
      if (CR.recovery.test(lower) && !CR.causeWords.test(lower)) continue;
      // "an error on our part prevented add-ons from being installed": a fault in general words keeping people from
      // something is the harm restated
      if (/^(prevent|stop|keep|block)$/.test(c.lemma) && /\bfrom \w+ing\b/.test(c.object) && isVagueCause(c.subject)) continue;
      // "some usernames have been accessed", "hackers gained access to some customer data": the breach itself, not how
      if (CR.intrusionVerbs.test(c.lemma) && ((c.passive && !/\b(via|through|using|by means of|with)\b/.test(c.object)) || /^(\w+ )?access\b/.test(c.object))) continue;
      // "we deployed a fix" is the repair, not how it happened
      if (CR.restoreObject.test(directObject(c.object, c.particle))) continue;
      // "the glitch has caused concern": the harm restated, not how it happened
      if ((c.lemma === 'cause' || c.lemma === 'disrupt') && (CR.harmObject.test(c.object) || (c.object === '' && CR.harmCausedBefore.test(lower)))) continue;
      // "we missed the mark", "we dropped the ball": a judgement of our act (own-it), not an event of the story
      // "a planned database upgrade went terribly wrong": a failure in general words, not how it failed
      // ("what went wrong" is the framing of the story, read by CR.framing)
      if (c.lemma === 'go' && CR.generalFailure.test(c.object) && !/^what\b/.test(c.subject)) continue;
      // "the size of that request caused a cascade of safety features to kick in": one named thing causing another is a mechanism
      if (/^(cause|trigger)$/.test(c.lemma) && !c.passive && !c.negated && (c.tense === 'past' || c.tense === 'perfect') &&
        // (a subject the reader lost behind a parenthesis, "The size of that request (measured in Terabytes…) caused…", is a thing named before the verb)
        ((c.agent === 'other' && c.subject !== '' && !PRONOUNS.has(c.subject) && !isVagueCause(c.subject)) || (c.agent === 'none' && c.subject === '' && /^(the|a|an|this|that|its|their)\s+[^()]{0,80}\([^()]{0,160}\)\s+(caused|triggered)\b/i.test(s.text.slice(0, 280)))) &&
        concrete(directObject(c.object, c.particle)) && !CR.harmObject.test(c.object)) { n += 2; continue; }
      // "A transient issue with our cloud provider caused our authentication database to enter an unusual failure state": a
      // thing made to act, named with what it did, is a mechanism whatever the cause is called (not the people harmed: "caused
      // customers to be charged twice")
      // ("a recent, small update of the database cluster may be causing the cluster to not come back online": a cause suspected
      // is told as well; "the script starts up another copy of the sender, which causes the duplicate sends": how it behaves)
      if (/^(cause|force|lead|trigger)$/.test(c.lemma) && !c.passive && !c.negated && c.tense !== 'future' && c.tense !== 'imperative' && c.tense !== 'nonfinite') {
        const made = /^((?:[\w-]+ ){0,5}?[\w-]+) to ([a-z]+)\b/.exec(c.object);
        if (made && (c.tense === 'past' || c.tense === 'perfect' || c.subject !== '') && concrete(made[1]!) && !HARMED.test(made[1]!) && !/\b(you|your|us|them|him|her|everyone|anyone|people|customers?|users?|members?)\b/.test(made[1]!) && !CR.harmObject.test(made[1]!)) { n += 2; continue; }
        // "one of our engineers made a bad database migration that caused discrepancies between the indexed data and …": the
        // cause is the thing the clause before named
        const before = clauses[k - 1];
        if (c.subject === '' && (c.tense === 'past' || c.tense === 'perfect') && before !== undefined && !before.negated && (before.tense === 'past' || before.tense === 'perfect') && new RegExp(`\\b(?:that|which) ${c.verb}\\b`).test(lower) &&
          concrete(directObject(before.object, before.particle)) && !isVagueCause(before.object) && concrete(directObject(c.object, c.particle)) && !CR.harmObject.test(c.object)) { n += 2; continue; }
      }
      if ((c.lemma === 'miss' && /^the mark\b/.test(c.object)) || (c.lemma === 'drop' && /^the ball\b/.test(c.object)) || (c.lemma === 'fall' && CR.faultObjects.fall!.test(c.object))) continue;
      // "the email should have gone only to…" tells what went wrong as well
      if (c.tense !== 'past' && c.tense !== 'perfect' && c.tense !== 'counterfactual' && !(c.passive && c.tense === 'present')) continue;
      n += CR.faultSubject.test(c.subject) && !c.passive && c.tense !== 'counterfactual' ? 2 : 1;
    }
    // (session 15) the response told ("As soon as the university identified the problem, … was stopped", "staff were deployed to
    // site quickly to answer customer questions") tells no step of how it broke, unless a cause word names one
    if ((CR.reactionOpening.test(lower) || CR.responsePurpose.test(lower)) && !CR.causeWords.test(lower)) n = 0;
    // "Did you create your forum … and they've gone missing?": a question asks, it tells nothing of how it happened; nor does a
    // heading that only announces the story ("What went wrong")
    if (/\?\s*["'”’)]*\s*$/.test(s.text) || (framed && s.text.trim().length <= 40 && !/[.!;]$/.test(s.text.trim()))) n = 0;
    // "We inadvertently included some columns that had no default values in this change. That resulted in webhooks not being
    // delivered": a link that points back to the act the sentence before told makes the two one story
    // ("This year Hambleton was required to provide information from its lists for … As a result some of the names were on more
    // than one list": "as a result" opening a sentence points back the same way)
    const link = CR.backLink.exec(lower);
    if (n === 0 && lastClauses !== undefined && link !== null && !CR.harmObject.test(lower.slice(link[0].length).trim()) &&
      lastClauses.some((o) => !o.negated && o.agent !== 'reader' && (o.agent === 'first' || o.passive) && (o.tense === 'past' || o.tense === 'perfect') && !(CR.stateVerbs as readonly string[]).includes(o.lemma) && !FAULT.has(o.lemma) &&
        concrete(directObject(o.object.replace(/^to [a-z]+ /, ''), o.particle)) && !CR.restoreObject.test(directObject(o.object, o.particle)))) n = 2;
    lastClauses = clauses;
    const previous = lastPoints;
    lastPoints = n;
    points.set(s, n);
    if (n === 0) continue;
    // one place: a paragraph, or two sentences in a row (letters that give each sentence its own paragraph)
    const inParagraph = (byParagraph.get(s.paragraph) ?? 0) + n;
    byParagraph.set(s.paragraph, inParagraph);
    const total = Math.max(inParagraph, n + previous);
    if (!best || best.paragraphPoints !== total && n > best.n) best = { s, n, paragraphPoints: total };
    if (total >= 2 && !hit) hit = n >= 2 || !best || best.s.paragraph !== s.paragraph ? s : best.s;
  }
  return { hit, vague, points };
}

/** The head of a subject, before what qualifies it: "the main circuit breaker on the load side of the UPS" → "the main circuit breaker". */
function componentHead(subject: string): string {
  return subject.replace(/^(?:\w+ly,? |then |and |so |but )+/, '').replace(/^(?:one|some|two|three|several|many|most|all|each|both|part|parts) of (?=the |our |its |their )/, '').split(/ (?:on|of|in|at|for|from|with|within|inside|behind|that|which|who) /)[0]!.trim();
}

/** The words a cause word points at: after "because", before "led to". */
function causeOf(lower: string): string | null {
  const m = CR.causeWords.exec(lower);
  if (!m) return null;
  const effect = /^(led to|resulted in|resulting in|triggered|which meant|meaning that|after which|hence|and therefore|which is why|(?:all |both |also )?contributed to|played )/.test(m[0]);
  if (effect) {
    // ("we had a single path out, and hence were unable to…": the cause is the clause before the "and")
    const before = lower.slice(0, m.index).replace(/\b(that|which|this)\s*$/, '').replace(/[\s,;:]*\band\s*$/, '').trim().split(/[\s,;:]+/);
    const np: string[] = [];
    for (let i = before.length - 1; i >= 0 && np.length < 5; i--) {
      const w = before[i]!;
      if (/(ed|ing)$/.test(w) || /^(and|but|so|because|we|i|they|it|can|could|will|would|may|might|must|should|is|are|was|were|have|has|had)$/.test(w) || KNOWN_VERBS.has(w)) break;
      np.unshift(w);
    }
    return np.join(' ');
  }
  // ("our flights are due to operate as planned": "due to" before a verb tells a schedule, no cause)
  if (m[0] === 'due to' && /^\s*(?:be|operate|run|arrive|depart|open|close|start|begin|resume|return|finish|end|launch|expire|go|take|reopen|restart)\b/.test(lower.slice(m.index + m[0].length))) return null;
  // ("I don't anticipate it will, because it's not one we've seen before", "because we're nothing if not gluttons for punishment":
  // a reason told in the present, of the writer or the thing, says what is, not how it happened)
  if (/^because$/.test(m[0]) && /^\s*(?:we|i|it|they|you)(?:'re|’re|'m|’m|'s|’s| are| am| is)\b/.test(lower.slice(m.index + m[0].length))) return null;
  // ("the root cause of this incident was a service issue …": the cause is what comes after "was")
  let from = m.index + m[0].length;
  if (/cause of$/.test(m[0])) { const is = /\b(?:was|is|were|are)\b/.exec(lower.slice(from)); if (is) from += is.index + is[0].length; }
  // (up to a time: "a configuration change earlier today" names a configuration change)
  const cause = lower.slice(from).split(/[,;:.!?—–()]|\b(and|but|so|which|while|when|earlier|today|yesterday|this (?:morning|afternoon|evening|week)|last (?:night|week))\b/)[0]!.trim();
  // "because of that we're going to remove…": a cause that only points back names nothing
  const back = /^(that|this|it|these|those)(?= (we|i|you|they|he|she|it)\b|$)/.exec(cause);
  return back ? back[0] : cause.split(/\s+/).slice(0, 10).join(' ');
}

/** The words of a sentence outside quotation marks (an unclosed mark quotes to the end). */
function unquoted(text: string): string {
  return text.replace(/"[^"]*("|$)|“[^”]*(”|$)|«[^»]*(»|$)/g, ' ');
}

function isVagueCause(cause: string): boolean {
  // ("a number of human errors on the part of …": the quantity heads nothing, the cause is what follows it)
  // ("the continuing technical issues we are facing we have had to cancel…": the cause ends where a subject pronoun starts a clause)
  const words = cause.replace(CR.quantityHead, '').replace(/^(.+?)\s+\b(?:we|i|they|you)\b.*$/, '$1').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.every((w) => CR.vagueCauseWords.has(w.replace(/'s$/, '')))) return true;
  // "a defect found in a Falcon content update": a fault word and where it was, nothing it did
  const head = words.findIndex((w) => /^(found|located|discovered|identified|in|on|with|within|inside|of|for|at|from|affecting)$/.test(w));
  if (head > 0 && (CR.faultHead.test(words.slice(0, head).join(' ')) || CR.eventHead.test(words.slice(0, head).join(' '))) && !words.slice(head).some((w, i, after) => /^(that|which|who|it|they)$/.test(w) || (/(ed|ing)$/.test(w) && !/^(found|located|discovered|identified|affecting|including|during|pending)$/.test(w) && !/^(our|their|its|the|a|an|his|her)$/.test(after[i - 1] ?? '')))) return true;
  if (head === -1 && (CR.faultHead.test(words.join(' ')) || CR.eventHead.test(words.join(' ')))) return true;
  // "a nationwide NAB outage": the head is the harm itself and nothing after it says what broke
  const np = words.slice(0, words.findIndex((w) => CAUSE_PHRASE_END.test(w)) >>> 0);
  return np.length === words.length && CR.harmHeads.test(np[np.length - 1]!);
}
/** Words after a cause's noun phrase that go on to name something ("a bug in the billing job"). */
const CAUSE_PHRASE_END = /^(in|on|at|of|with|within|from|for|that|which|where|when|who|to|between|during|after|before|caused|affecting|behind)$/;

/** An object names something concrete: a thing that changes, not "changes", "steps" or "our security". */
function concrete(object: string): boolean {
  // "implement what is needed", "whatever it takes": a free relative names nothing
  if (/^(what|whatever|whichever)\b/.test(object)) return false;
  if (/^to /.test(object) || CR.vagueResources.test(object)) return false;
  // a change noun counts ("a second check", "an alert that pages…", "monitoring on the payment queue"), but not
  // bare, with no article and nothing it acts on ("adding monitoring", "more alerts", "better testing")
  // a change noun that only qualifies a general head names nothing: "technical and policy changes", "security measures"
  const qualifier = CR.changeNouns.exec(object);
  if (qualifier && CR.vagueNouns.has(object.slice(qualifier.index + qualifier[0].length).trim().split(/\s+/)[0] ?? '')) {
    object = `${object.slice(0, qualifier.index)} ${object.slice(qualifier.index + qualifier[0].length)}`;
  }
  if (CR.changeNouns.test(object)) return !/^((more|additional|extra|further|better|new|improved|proper|enhanced|automated|automatic|regular|tighter|stronger|some|increased) )*(monitoring|alerting|alerts|testing|tests|checks|safeguards|reviews|audits|training|updates|fixes|patches|backups|redundancy|dashboards)$/.test(object.trim());
  return object.split(/\s+/).some((w) => /^[a-z][a-z-]{2,}$/.test(w) && !STOP.has(w) && !PRONOUNS.has(w) && !CR.vagueNouns.has(w) && !/ly$/.test(w));
}

/** "What we are changing: database upgrades run on a copy first", "From now on, every label run is checked": the words after the framing name something. */
function framedChange(sentence: string): boolean {
  const lower = sentence.toLowerCase();
  const m = CR.changeFraming.exec(lower) ?? CR.datedFraming.exec(lower);
  if (!m || NEGATION_BEFORE.test(lower.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index))) return false;
  const after = lower.slice(m.index + m[0].length).replace(/[^a-z0-9'\s-]/g, ' ').replace(/\s+/g, ' ').trim();
  // "Going forward, you will correctly receive a single reminder": the faulty behaviour put right, not a change
  // (up to a purpose: "… we'll have a manual testing step to ensure it actually works as intended" is a change)
  const told = after.split(/\b(?:to|so) (?:ensure|make sure|guarantee|check|verify|that)\b/)[0]!;
  if (/\b(?:correctly|properly|as (?:normal|expected|intended|usual))\b/.test(told) || CR.restoredState.test(told)) return false;
  // a framing after the verb it belongs to ("… help make better decisions going forward, ones that match our
  // mission") frames that clause, not what follows: then the words after it must be a clause of their own
  const opening = /^[^a-z]*((and|so|but|also|then|now|in short|in particular)\b[^a-z]*)?$/.test(lower.slice(0, m.index));
  const next = clausesOf(after)[0];
  if (!opening && !(next && ((next.subject !== '' && after.startsWith(next.subject) && !/^(including|such|like|with|without|for|to|by|from|in|on|of|as|and|or)\b/.test(next.subject)) || (next.tense === 'imperative' && after.startsWith(next.verb))))) return false;
  return concrete(after);
}

/** (session 15) "an additional check will be made next February before it is published": a check of the writer's, planned, named by a qualifier or by when and on what. */
function scheduledCheck(sentence: string): boolean {
  const lower = sentence.toLowerCase();
  const m = CR.scheduledCheck.exec(lower);
  if (!m || NEGATION_BEFORE.test(lower.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index)) || /\b(you|your)\b/.test(m[1]!)) return false;
  const tail = m[2]!.replace(/[^a-z0-9'\s-]/g, ' ').trim();
  if (/^(?:into |of |on )?(?:how|why|what|whether)\b/.test(tail)) return false;
  return /\b(additional|second|extra|further|new|independent|manual|final|separate|two-person|daily|weekly|monthly)\b/.test(m[1]!) ||
    /\b(before|after|on every|on each|of every|of each|for every|for each|every|each|january|february|march|april|may|june|july|august|september|october|november|december)\b/.test(tail);
}

/** "Our in-house card processor is now live": a new thing of ours in service ("our systems are now back" is a repair). */
function nowInService(sentence: string): boolean {
  const m = /\b(?:our|my) ((?:[\w-]+ ){1,5})(?:is|are|has been|have been) now (?:live|in place|in effect|in force)\b/i.exec(sentence);
  return m !== null && concrete(m[1]!.toLowerCase().trim());
}

/**
 * The names the writer calls itself by: a capitalised name that stands as a subject and appears
 * capitalised at least twice, once inside a sentence ("Capital One immediately fixed…"), so a
 * capitalised first word ("Customers will be…") is no name.
 */
function selfNames(body: string): (subject: string) => boolean {
  const cache = new Map<string, boolean>();
  // where each word of the body starts, by its lower case: a name is looked up at its first word's places
  // only, so the whole check stays linear in the text (no scan of the body per name)
  let at: Map<string, number[]> | undefined;
  const places = (word: string): number[] => {
    if (!at) {
      at = new Map();
      const re = /[\p{L}\p{N}]+/gu;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const w = m[0].toLowerCase();
        let list = at.get(w);
        if (!list) at.set(w, (list = []));
        list.push(m.index);
      }
    }
    return at.get(word) ?? [];
  };
  return (subject) => {
    const name = subject.replace(/(\s+[a-z]+ly)+$/, '').trim();
    if (!name || name.split(' ').length > 4) return false;
    let hit = cache.get(name);
    if (hit === undefined) {
      const first = /^[\p{L}\p{N}]+/u.exec(name);
      let capitalised = 0;
      let inside = false;
      let byRole = false;
      for (const o of first ? places(first[0]) : []) {
        const written = body.slice(o, o + name.length);
        if (written.toLowerCase() !== name || /^[\p{L}\p{N}]/u.test(body.slice(o + name.length, o + name.length + 2))) continue;
        if (!written.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w))) continue;
        capitalised++;
        if (/[\p{Ll},]\s*$/u.test(body.slice(Math.max(0, o - 3), o))) inside = true;
        // "our hosting provider, Joyent", "our caching provider (Fastly)": a partner named by its role is not the writer
        if (ROLE_BEFORE.test(body.slice(Math.max(0, o - 90), o))) byRole = true;
      }
      hit = capitalised >= 2 && inside && !byRole;
      cache.set(name, hit);
    }
    return hit;
  };
}
/** The words before a name that make it a partner of the writer's, not the writer ("our hosting provider, Joyent"). */
const ROLE_BEFORE = /\b(?:our|my) (?:[\p{L}-]+ ){0,3}(?:provider|partner|vendor|supplier|host|courier|carrier|contractor|processor|cdn)s?,? \(?(?:the )?$/iu;

/** What a sentence tells as a whole (story time, news held back), read once per sentence, not once per clause. */
let flagsOf = '';
let flags = { story: false, news: false, continued: new Set<string>() };
function sentenceFlags(sentence: string): { story: boolean; news: boolean; continued: Set<string> } {
  if (sentence !== flagsOf) {
    const lower = sentence.toLowerCase();
    flagsOf = sentence;
    // the verbs a "continue to" governs ("we will continue to invest in…"), found in one pass
    const continued = new Set<string>();
    for (const m of lower.matchAll(/\b(?:continue|continues|continuing|continued) to (?:(\w+) )?(\w+)\b/g)) { if (m[1]) continued.add(m[1]); continued.add(m[2]!); }
    flags = { story: CR.storyTime.test(lower), news: CR.untilNews.test(lower), continued };
  }
  return flags;
}

/** The verbs of a sentence negated after a comma or "and" with no subject of their own ("…, did not wait for the checks"), found in one pass. */
let negationsOf = '';
let negations = new Set<string>();
function coordinatedNegations(sentence: string): Set<string> {
  if (sentence !== negationsOf) {
    negationsOf = sentence;
    negations = new Set([...sentence.toLowerCase().matchAll(/(?:,|\band) (?:did not|didn't|never) (\w+)/g)].map((m) => m[1]!));
  }
  return negations;
}

/** "I managed to push …", "we ended up deleting …": the act inside the ironic frame, as the writer's clause. */
function innerAct(c: Clause): Clause {
  if (!CR.managedFrame.test(c.lemma)) return c;
  const m = /^(?:to |up )([a-z][\w-]*) ?(.*)$/.exec(`${c.particle} ${c.object}`.trim());
  return m ? { ...c, verb: m[1]!, lemma: lemma(m[1]!), object: m[2]!, particle: '' } : c;
}
/**
 * The writer put out a thing that is itself the fault: "I pushed the tag without the commit", "we published the same stock
 * page two days in a row", "I shipped a version of the app that actually introduced more bugs" (the relative clause after it).
 */
function defectivePutOut(c0: Clause, sentence: string): boolean {
  if (c0.agent !== 'first' || c0.negated || c0.passive || (c0.tense !== 'past' && c0.tense !== 'perfect')) return false;
  const c = innerAct(c0);
  // (a verb the lists do not know has a rough lemma: "merged" → "merg")
  if (!CR.putOutVerbs.test(c.lemma) && !CR.putOutVerbs.test(`${c.lemma}e`)) return false;
  if (CR.defectiveObject.some((re) => re.test(c.object))) return true;
  if (c.object === '') return false;
  const lower = sentence.toLowerCase();
  const at = lower.indexOf(c.object);
  const rel = at < 0 ? null : /^\s*,?\s*(?:that|which) (.+)$/.exec(lower.slice(at + c.object.length));
  return rel !== null && CR.broughtFault.test(rel[1]!);
}

/**
 * A participle after a comma continues the writer's act before it and shares its subject and tense: "We inspected
 * the other storage units …, replacing one of them as a precaution" (the writer replaced it).
 */
function continuing(clauses: Clause[], k: number, sentence: string): Clause {
  const c = clauses[k]!;
  // "we have resolved its monitoring configurations, and also double-checked all the others": a verb after "and also"
  // with no subject of its own shares the one before it
  if (/^(?:also|then|and|and also|and then)$/.test(c.subject) && (c.tense === 'past' || c.tense === 'perfect') && !c.passive) {
    const prev = clauses.slice(0, k).reverse().find((o) => !o.background && o.subject !== '' && o.subject !== c.subject);
    if (prev && prev.agent === 'first' && !prev.passive && !prev.negated && (prev.tense === 'past' || prev.tense === 'perfect')) return { ...c, subject: prev.subject, agent: prev.agent };
    return c;
  }
  if (c.tense !== 'nonfinite' || c.subject !== '' || c.passive) return c;
  const before = clauses.slice(0, k).reverse().find((o) => !o.background && o.subject !== '');
  if (!before || before.agent !== 'first' || before.passive || before.negated || !/^(past|perfect|future|progressive)$/.test(before.tense)) return c;
  if (!new RegExp(`, ${c.verb} `).test(sentence.toLowerCase())) return c;
  return { ...c, subject: before.subject, agent: before.agent, tense: before.tense, ...(before.aux !== undefined ? { aux: before.aux } : {}) };
}

const BE_FORMS = /^(?:am|is|are|was|were|be|been|being|'m|’m|'re|’re|'s|’s)$/;

/** A concrete change, done or planned, by the writer (or a change that is itself the subject). */
function commits(c: Clause, sentence: string, self: (subject: string) => boolean = () => false, next?: Clause): boolean {
  // the backdrop of the story ("in a previous incident we had disabled…", "while we were updating…") is no change
  if (c.negated || c.tense === 'modal' || c.tense === 'counterfactual' || c.background) return false;
  // "a change we made to add extra validation": a clause that only describes a noun ("the change we made") tells
  // the story of that thing, not a change done or planned
  if (c.antecedent && (c.tense === 'past' || c.tense === 'perfect')) return false;
  const obj = `${c.particle} ${c.object}`.trim();
  // "One immediate action is to add a network status page to our website", "the first step will be to move…": the writer's act
  // named through the plan it belongs to
  if (c.agent === 'other' && CR.planSubject.test(c.subject) && (c.aux === 'is' || c.aux === 'will be' || c.aux === "'s") && new RegExp(`\\b${c.aux} to ${c.verb.replace(/[^a-z'-]/g, '')}\\b`).test(sentence.toLowerCase())) {
    return commits({ ...c, subject: 'we', agent: 'first', tense: 'future', aux: 'will' }, sentence, self, next);
  }
  // "I wanted to let you know … what we did to fix it and what we're doing": a free relative announces, it changes nothing
  if (/^(what|how|whatever)\b/.test(c.subject)) return false;
  // "While we're improving Maps, you can try alternatives…": the backdrop of what the sentence says, no change announced
  if (c.tense === 'progressive' && new RegExp(`\\bwhile (?:we|i)(?:'re|’re| are|'m|’m| am) ${c.verb.replace(/[^a-z'-]/g, '')}\\b`).test(sentence.toLowerCase())) return false;
  // (read only where a clause can be told apart by them: the story after "because", a pause "until", a removal)
  const lowerAll = sentence.toLowerCase();
  const verbAt = /\b(because|due to|caused by|until)\b/.test(lowerAll) || CR.removalVerbs.test(c.lemma) ? lowerAll.indexOf(` ${c.verb} `) : -1;
  // "It was ticked because I copied the newsletter …, then changed out all the copy": an act told after a cause word is the
  // story of how it happened, not a change; "turn off the billing … until the problem could be identified" is for now
  if (verbAt > 0 && /\b(because|due to|caused by)\b/.test(lowerAll.slice(0, verbAt)) && (c.tense === 'past' || c.tense === 'perfect')) return false;
  // (not a pause until a named change is in: "renewals have been paused until the new billing code is tested")
  if (verbAt > 0 && /\buntil (?:[\w'-]+ ){0,6}?(?:problem|issue|fault|bug|cause|we (?:are|were|have|had|can|could) (?:\w+ )?(?:confident|sure|certain))\b|\buntil (?:[\w'-]+ ){0,6}?(?:could|can|has|had|is|was) (?:be |been )?(?:identified|fixed|resolved|found|understood)\b/.test(lowerAll.slice(verbAt))) return false;
  // "we will no longer ask police to remove seated passengers": a practice ended, whatever the verb (never a
  // remedy: "no longer issue refunds without a ticket")
  // ("I am no longer the owner of my forum!": a state ended, no practice)
  if (c.ceased) return c.agent !== 'reader' && !(CR.stateVerbs as readonly string[]).includes(c.lemma) && !BE_FORMS.test(c.verb) && concrete(obj) && !/^(you|your)\b/.test(obj);
  // what it repairs for the people harmed is the remedy: "we will add a voucher to your wallet"
  // ("we have created a cleaner for people who do not wish to continue…": the relative clause read apart)
  if (CR.repairObject.test(obj) || (/\bfor (?:the )?(?:affected |impacted )?(?:customers|people|users|members|clients|those|anyone|everyone)$/.test(obj) && /\b(?:customers|people|users|members|clients|those|anyone|everyone) (?:who|whose)\b/.test(lowerAll))) return false;
  // "Ticketmaster has established this website to answer your questions": made to tell the reader, communication, no change
  if (CR.toInform.test(obj)) return false;
  // "Our mobile network is set up with a number of major connection points": how things are, told with "is", no change
  if (c.tense === 'present' && c.aux !== undefined && BE_FORMS.test(c.aux) && !c.ceased && !/\bnow\b/.test(lowerAll) && /(?:ed|set|up|built|made|run|put)$/.test(c.verb)) return false;
  // "the team isolated a network device that did not function well": containing the faulty thing, not a change
  if (CR.containVerbs.test(c.lemma) && (/\b(faulty|failing|failed|malfunctioning|defective|broken)\b/.test(obj) || (next !== undefined && next.subject === '' && (next.negated && /^(function|work|respond|perform)$/.test(next.lemma) || /^(fail|malfunction|break|crash)$/.test(next.lemma))))) return false;
  // taking down the offending post or campaign contains the harm ("we have removed the campaign from all platforms",
  // "the post has since been deleted"); more capacity restores the service ("we increased server capacity")
  // (told as done: the sixth round's "removed the campaign", "has since been deleted"; a takedown announced, "we are
  // removing the content", "we decided to delete the tweet", was a change to the earlier rounds, and a product taken
  // off sale beside it still is: "removed the image from our channels, but also the garment from our product offering")
  if (CR.takeDownVerbs.test(c.lemma) && (c.tense === 'past' || c.tense === 'perfect') && !c.intended && !/\b(but also|and also|as well as)\b/.test(sentence.toLowerCase().slice(sentence.toLowerCase().indexOf(c.verb))) &&
    (c.passive ? [c.subject] : c.object.split(/ (?:but also|and also|as well as|and) /).map((o, n) => (n === 0 ? directObject(o, c.particle) : directObject(o, '')))).every((o) => CR.offendingContent.test(o))) return false;
  // the thing that did the harm taken away, done or announced, is containment (LABELLING.md R1): "we are removing the
  // content and halting any further rollout", "we decided to delete the original tweet", "we have not only removed the
  // image … but also the garment from our product offering"
  // (what "but also" adds after a comma is removed too: "… the image from our channels, but also all products by …")
  const alsoRemoved = verbAt > 0 && CR.removalVerbs.test(c.lemma) ? lowerAll.slice(verbAt).split(/,? (?:but also|and also|as well as) /).slice(1).map((o) => directObject(o.replace(/[.!?]+$/, ''), '')) : [];
  if (CR.removalVerbs.test(c.lemma) && (c.passive ? [c.subject] : [...c.object.split(/ (?:but also|and also|as well as|and) /).map((o, n) => (n === 0 ? directObject(o, c.particle) : directObject(o, ''))), ...alsoRemoved]).every((o) => CR.harmingThing.test(o.replace(/^(?:original|offending|faulty|affected) /, '')) || /^(?:the|this|that|these|those|its|our|my) (?:original|offending|faulty)\b/.test(o))) return false;
  // a removal told as done at once ("we immediately removed the product and all images that featured it") reacts to this
  // occurrence: containment, whatever it removed (LABELLING.md R1)
  if (CR.takeDownVerbs.test(c.lemma) && (c.tense === 'past' || c.tense === 'perfect') && !c.intended && CR.containedAtOnce.test(sentence.toLowerCase())) return false;
  if (CR.capacityVerbs.test(c.lemma) && CR.capacityObject.test(c.passive ? c.subject : c.object)) return false;
  if (CR.recallVerbs.test(c.lemma)) return false;
  // "we are investigating why this filter deployment went haywire", "reviewing how we inadvertently purchased the item":
  // finding out how the failure came about, whatever names it, is no change
  if ((CR.inquiryVerbs as readonly string[]).includes(c.lemma) && /^(?:into )?(?:the (?:root )?cause of )?(?:how|why|what)\b/.test(obj) && (CR.failureTold.test(obj) || CR.faultAdverbs.test(obj))) return false;
  // "we published the same stock page two days in a row", "I pushed the tag without the commit": the thing put out is the failure
  if (defectivePutOut(c, sentence)) return false;
  // "I accidentally released breaking changes": an act done by mistake is the failure, not a change
  if (!c.passive && (c.tense === 'past' || c.tense === 'perfect') && new RegExp(`\\b(?:mistakenly|accidentally|wrongly|inadvertently|incorrectly|erroneously) (?:[a-z]+ )?${c.verb.replace(/[^a-z'-]/g, '')}\\b`).test(lowerAll)) return false;
  // "we have fixed the coupon code and it now works properly", "we're confirming all our cards are now working normally":
  // the thing that broke working again makes the fix a repair
  if (CR.repairVerbs.test(c.lemma) && c.tense !== 'future' && CR.restoredState.test(lowerAll)) return false;
  // "As soon as we became aware of the issue, we worked to fix the billing logic": what was done on learning of it reacts to
  // this occurrence (containment), unless it is done to prevent a recurrence
  if ((c.tense === 'past' || c.tense === 'perfect') && CR.reactionFraming.test(lowerAll) && !CR.preventionPurpose.test(obj)) return false;
  // "we will thoroughly investigate why this happened to prevent …", "hired a team of experts to investigate how this happened": finding out is no change
  // (an inquiry with its scope named still counts: "examine how the tender was awarded")
  if (((CR.inquiryVerbs as readonly string[]).includes(c.lemma) && /^(into )?(how|why|what|whether)\b/.test(obj) && !concrete(obj.replace(/^(into )?\w+ /, '').split(/ to (?:prevent|avoid|stop|ensure)\b/)[0]!)) || CR.inquiryPurpose.test(obj)) return false;
  // "we changed the wrong character": the act done on the wrong thing is the failure (own-it), not a change
  // (session 16) likewise the act done into or with the wrong thing: "I copied the price list into the wrong folder"
  if (!c.passive && (c.tense === 'past' || c.tense === 'perfect') && (CR.wrongObject.test(c.object) || CR.wrongPlace.test(`${c.particle} ${c.object}`.trim()))) return false;
  // (session 15) "we were able to isolate and fix the issue rapidly", "were able to rebuild everything very quickly": what the writer
  // managed to do, told in the past, is the response to this occurrence (containment, LABELLING.md R1), unless done to prevent a
  // recurrence; "we have temporarily disabled search": a measure for now is containment too
  const verbWord = c.verb.replace(/[^a-z'-]/g, '');
  if ((c.tense === 'past' || c.tense === 'perfect') && !CR.preventionPurpose.test(lowerAll) &&
    (new RegExp(`\\b(?:was|were|had been|have been|has been) (?:\\w+ )?able to (?:[a-z]+ (?:and|or) )?(?:\\w+ly )?${verbWord}\\b`).test(lowerAll) || new RegExp(`\\b${CR.forNow.source} (?:[a-z]+ )?${verbWord}\\b`).test(lowerAll))) return false;
  // "we will continue to invest in protecting our customers": a practice kept, nothing changes
  if (sentenceFlags(sentence).continued.has(c.verb)) return false;
  // "we've published these newsletters for years without incident": a habit told as the backdrop, not a change
  if ((c.tense === 'past' || c.tense === 'perfect') && CR.habitTime.test(lowerAll)) return false;
  // "we have fixed the bug" restores the service, "we introduced a fault that…" is the failure
  if (!c.passive && CR.faultObject.test(directObject(c.object, c.particle))) return false;
  // "three months prior to the incident, we upgraded our databases…": told as a time before the failure, an act is the story
  if (c.tense === 'past' && sentenceFlags(sentence).story) return false;
  // "Then I decided to refactor some of the code …, and I messed things up": a change told with the failure it brought is the story
  if ((c.tense === 'past' || c.tense === 'perfect' || c.intended) && CR.faultInSentence.test(lowerAll)) return false;
  // "we will update our website as soon as we have more information" promises news, not a change
  if (sentenceFlags(sentence).news) return false;
  // the writer, a team of the writer's ("the Network Engineering team will…") or its name ("Capital One immediately fixed…")
  const writer = c.agent === 'first' || c.agent === 'org' || (c.agent === 'other' && self(c.subject));
  // a list item, as a command or as a thing done ("Closed the access point the criminals used")
  const listItem = c.agent === 'none' && (c.tense === 'imperative' || (c.tense === 'past' && !c.passive && sentence.trimStart().toLowerCase().startsWith(`${c.verb} `)));
  // any act with a purpose of prevention: "I will be moving the server to a heftier instance, which should prevent this"
  // (not in the plain present: "we work very hard to ensure every customer feels welcome" tells a habit, not a change)
  // (a verb of being, effort or trying says an effort, not a change: "our teams are working round the clock to ensure…",
  // "one of the things we'll be doing is to come up with ways to prevent this")
  if ((writer || listItem) && !c.passive && !(CR.stateVerbs as readonly string[]).includes(c.lemma) && c.tense !== 'nonfinite' && !(c.tense === 'present' && writer)) {
    // the purpose is in the clause ("… to prevent …") or in a relative clause right after it ("…, which should prevent this")
    // or a result after "so" ("we've had a brand new oven so the problem won't occur again")
    // ("I reworked the UI so no one will get bit by the same issue": a result that no one meets it again)
    const tail = sentence.toLowerCase().slice(Math.max(0, sentence.toLowerCase().indexOf(` ${c.verb} `))).trim();
    // ("I configured another monitoring service so that we can notice the issue sooner next time": handled sooner, as a prevention)
    const noOne = /^\S+ (?:[\w-]+ ){0,6}?so (?:that )?(?:no one|nobody) (?:will|can|would|should|ever)\b/.test(tail) || CR.noticeSooner.test(tail);
    const recurs = noOne || next !== undefined && next.negated && next.subject !== '' && /^(happen|occur|recur|repeat)$/.test(next.lemma) && (next.tense === 'future' || next.tense === 'modal') &&
      new RegExp(`\\bso (that )?${next.subject.replace(/[^a-z0-9' ]/g, '')} `).test(sentence.toLowerCase());
    // ("tested our main system to ensure that it was working well": making sure of the repair, told in the past, restores)
    const checkedRepair = /\bto (ensure|make sure|guarantee)$/.test(obj) && next !== undefined && (next.tense === 'past' || next.background === true);
    // ("To prevent this from happening again, we plan to connect directly into an additional transit provider": the purpose
    // told first, before the comma, is the purpose of the act after it)
    const lead = CR.leadPurpose.exec(lowerAll);
    const ahead = lead !== null && lowerAll.indexOf(` ${c.verb} `, lead[0].length - 1) >= 0 ? ' to prevent' : '';
    const purpose = checkedRepair ? '' : `${obj}${ahead}${next && next.subject === '' && next.tense !== 'past' && /^(prevent|avoid|stop)$/.test(next.lemma) ? ` which should ${next.lemma}` : recurs ? ' which should prevent' : ''}`;
    // the thing acted on, up to an adjunct or a question word ("an investigation into what caused this" names nothing)
    const acted = directObject(c.object, c.particle).split(/ (?:what|how|why|which|who|where|when)\b/)[0]!;
    if (CR.preventionPurpose.test(purpose) && concrete(acted) && !CR.restoreObject.test(acted) && !CR.communicationObject.test(obj) && !/^(you|your|them|it|this|that|customers|users|people|everyone|members|clients)\b/.test(obj)) return true;
  }
  // "the next update is coming within 7 days", "two larger patches are planned for January"
  if (c.agent === 'other' && CR.changeSubject.test(c.subject) && (c.tense === 'future' || c.tense === 'progressive' || /^(planned|scheduled|due|coming|underway)$/.test(c.verb) || /^(planned|scheduled|due|coming) /.test(c.object)) && /\d|\b(january|february|march|april|may|june|july|august|september|october|november|december|week|weeks|days|month|months|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next)\b/.test(`${c.object} ${c.subject}`)) return true;
  // "the upcoming update removes the always-online requirement": a change that is itself the subject, acting on something
  if (c.agent === 'other' && CR.changeSubject.test(c.subject) && (c.tense === 'future' || c.tense === 'present' || c.tense === 'progressive') && !c.passive && CHANGE.has(c.lemma) &&
    !WEAK_CHANGE.has(c.lemma) && concrete(directObject(c.object, c.particle)) && !CR.repairObject.test(obj)) return true;
  // "this will include a thorough review of crew movement…"
  if ((/^(this|that|it|the plan|our plan)$/.test(c.subject) || (c.agent === 'first' && /^(include|involve|introduce|launch|start|begin|conduct|carry|run|hold|do|complete|finish|undertake)$/.test(c.lemma))) && (c.tense === 'future' || c.tense === 'progressive') && CR.changeNouns.test(obj) && concrete(obj.replace(CR.changeNouns, ' '))) return true;
  // "our billing system now checks for a settled payment before any retry"
  // "we are making changes to how refunds are approved"
  // (not "changes to the policy": a bare head says which thing, not what changes; "changes to our refund policy" names it)
  if (c.lemma === 'make' && c.agent === 'first' && /^(some |a |the )?(changes?|improvements?) to /.test(obj) && concrete(obj.replace(/^.*? to /, '')) &&
    !/^(?:the|our|its|this|that|your) [\w-]+$/.test(obj.replace(/^.*? to /, ''))) return true;
  // "password resets will now require a code sent to the phone on file"
  if ((c.tense === 'present' || c.tense === 'future') && !c.passive && (CHANGE.has(c.lemma) || c.lemma === 'need') && c.agent !== 'reader' && new RegExp(`\\bnow (\\w+ )?${c.verb}\\b`).test(sentence.toLowerCase()) && concrete(obj)) return true;
  // "new hires will now shadow a senior agent": a thing or group of ours that "will now" act, whatever the verb, tells a new practice
  // (a practice is said of a class: a plural or every/each subject, or an object with every/each: "our CEO will now answer questions" is one act)
  if (c.tense === 'future' && !c.passive && (c.agent === 'other' || /^our [a-z]/.test(c.subject)) && (/^(every|each|all|any)\b|[^s]s$/.test(c.subject) || /\b(every|each|all|any)\b/.test(obj)) && !(CR.stateVerbs as readonly string[]).includes(c.lemma) && new RegExp(`\\b(will|'ll) now ${c.verb}\\b`).test(sentence.toLowerCase()) &&
    concrete(c.subject) && !CR.passiveChangeExcluded.test(c.subject) && !CR.repairObject.test(obj) && concrete(obj)) return true;
  // "we have stopped storing full card numbers": ending a practice
  if ((writer || listItem) && /^(stop|cease|discontinue)$/.test(c.lemma) && !c.passive && /^[a-z]+ing /.test(obj) && !/\b(you|your)\b/.test(obj) && concrete(obj.replace(/^[a-z]+ing /, ''))) return true;
  // "every box will now be weighed at the packing station": a rule for a whole class of things, whatever the verb
  if (c.passive && /^(every|each|all|any)\b/.test(c.subject) && /\bnow\b(?! that)/.test(sentence.toLowerCase()) && (c.tense === 'present' || c.tense === 'perfect' || c.tense === 'future') &&
    concrete(c.subject) && !CR.passiveChangeExcluded.test(c.subject) && !CR.repairObject.test(obj)) return true;
  // "every label is now checked by a second person" ("now that the report has been released" is no change)
  // (not "this is now fixed": a fix of this occurrence restores)
  if (c.passive && CHANGE.has(c.lemma) && !/^(fix|patch)$/.test(c.lemma) && !PRONOUNS.has(c.subject) && /\bnow\b(?! that)/.test(sentence.toLowerCase()) && (c.tense === 'present' || c.tense === 'perfect')) return true;
  // publishing a post-mortem or sharing details is a promise to tell, not a change
  if (CR.communicationObject.test(obj)) return false;
  // a relocation names the thing and where it goes: "we are moving the uploads to a separate cluster"
  if ((CR.relocationVerbs as readonly string[]).includes(c.lemma)) {
    const m = CR.relocationTarget.exec(c.particle ? '' : c.object);
    return m !== null && (writer || listItem) && !c.passive && concrete(m[1]!) && !/^(you|your|them|her|him|it|this|that|us|ourselves|everyone|forward|on|ahead|quickly)\b/.test(m[1]!) && !/^(you|your)\b/.test(m[2]!) && !KNOWN_VERBS.has(m[2]!.split(' ')[0]!);
  }
  // "we have appointed a reviewer to examine how the calendar was printed": an inquiry with its scope named
  if ((writer || listItem) && !c.passive && (CR.inquiryVerbs as readonly string[]).includes(c.lemma) && /^(into )?(how|why|what|whether|where|when)\b/.test(obj) && concrete(obj.replace(/^(into )?\w+ /, ''))) return true;
  // "I started using a Worker as a sort of load-balancer", "we have begun requiring a second sign-off": a thing taken into use
  if ((writer || listItem) && !c.passive && CR.adoptionFrame.test(c.lemma) && c.tense !== 'nonfinite' && c.tense !== 'present') {
    const m = CR.adoptionVerb.exec(obj);
    // (taken into use for resilience or prevention: "as a sort of load-balancer", "in case of another outage"; not "the new logo")
    if (m && (CR.resilienceRole.test(lowerAll) || CR.preventionPurpose.test(lowerAll) || CR.noticeSooner.test(lowerAll))) {
      const rest = obj.slice(m[0].length).trim();
      const acted = directObject(rest, '');
      return concrete(acted) && !/^(you|your|them|it|this|that|us|him|her)\b/.test(rest) && !CR.restoreObject.test(acted) && !CR.faultObject.test(acted);
    }
  }
  // (session 15) a change named through the undertaking it belongs to: "we have started a project to replace the billing system",
  // "we are already well into an effort to re-evaluate and adjust these testing procedures", "we'll attempt to accelerate the
  // process of switching over to the new UPS"
  if ((writer || listItem) && !c.passive && c.tense !== 'nonfinite' && !(c.tense === 'present' && c.aux === undefined) && undertakenChange(obj)) return true;
  if (!CHANGE.has(c.lemma)) return false;
  // deleting or removing a thing is a change, deleting the reader's things or doing it by mistake is the fault
  if (/^(delete|remove)$/.test(c.lemma) && (/\b(you|your)\b/.test(obj) || liveMatch(sentence.toLowerCase(), CR.faultAdverbs, true) !== null)) return false;
  // "the old import script has been disabled", "the legacy servers will be retired": the change told
  // of the thing changed (not of the people harmed, their things or the fault, and not a fix)
  if (c.passive && (c.tense === 'perfect' || c.tense === 'future' || c.tense === 'progressive') && (c.agent === 'other' || /^our [a-z]/.test(c.subject)) && !PASSIVE_WEAK.has(c.lemma) &&
    !CR.passiveChangeExcluded.test(c.subject) && concrete(c.subject) && !CR.repairObject.test(obj)) return true;
  if (c.passive || !(writer || listItem)) return false;
  // an -ing form with no auxiliary inside a sentence ("our upgrades included migrating X") is no act of its own
  if (c.tense === 'nonfinite') return false;
  // the writer's plain present without "now" tells a habit, part of the story ("every time we change the state of a
  // payment, we emit an event"), not a change done or planned
  if (c.tense === 'present' && writer && !c.ceased && c.aux === undefined && !/\bnow\b/.test(sentence.toLowerCase())) return false;
  // "we launched a brand-new newsletter", "on Wednesday we launched a chatbot": a launch told in the simple past is
  // what happened (the story), not a change made since (a launch with a purpose of prevention was taken above)
  // (not a launch of a change or an inquiry: "we launched an investigation into how refunds are approved")
  if (CR.storyVerbs.test(c.particle ? `${c.lemma} ${c.particle}` : c.lemma) && c.tense === 'past' && !c.passive && !CR.changeNouns.test(obj) && !/\b(investigation|inquiry|enquiry|probe)\b/.test(obj)) return false;
  const acted = directObject(c.object, c.particle);
  // "we have removed the ability to run scripts on production": a capability taken away, named by what it lets one do
  if (CR.restrictVerbs.test(c.lemma) && !c.passive && CR.capabilityHead.test(c.object)) return concrete(c.object.replace(CR.capabilityHead, ''));
  // "we deployed a fix" restores the service; a change names what it changes
  if (CR.restoreObject.test(acted)) return false;
  // (an instruction to the reader is no change of ours: "Install a Plesk license … -- otherwise you won't be able to do step #3")
  if (c.tense === 'imperative') return !WEAK_CHANGE.has(c.lemma) && concrete(acted) && !/\b(you|your)\b/.test(obj) && !/\b(you|your)\b/.test(sentence.toLowerCase());
  if (namesChange(c, obj, acted)) return true;
  // "we have changed our policy so that crew travelling as passengers are booked an hour ahead": a general
  // object made concrete by the result it is changed for (not a hope that it will not happen again:
  // "so that if attacks like this happen again, our defenses will be stronger")
  const lower = sentence.toLowerCase();
  const at = lower.indexOf(c.verb);
  const result = at < 0 ? null : /\bso that (.+)$/.exec(lower.slice(at + c.verb.length));
  return result !== null && !/\b(if|again|never|not|n't|no)\b/.test(result[1]!) && concrete(result[1]!.replace(/[^a-z0-9' -]/g, ' '));
}

/** A change verb after a noun of undertaking or a verb of hastening, on a thing named ("a project to replace the billing system"). */
function undertakenChange(obj: string): boolean {
  const m = CR.undertaking.exec(obj);
  if (!m) return false;
  const words = (m[1] ?? m[2] ?? '').split(/\s+/).filter(Boolean);
  const verbs: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    verbs.push(words[i]!.replace(/^re-/, 're'));
    if (words[i + 1] === 'and' || words[i + 1] === 'or') { i++; continue; }
    break;
  }
  const rest = words.slice(i + 1).join(' ');
  // ("switching over to the new UPS": the thing the change goes to, after its particle)
  const acted = directObject(rest.replace(/^(?:over |up |out |off |back |down )?(?:to |into |onto |from |with |on )?/, ''), '');
  return verbs.some((v) => CHANGE.has(lemma(v)) && !WEAK_CHANGE.has(lemma(v))) && concrete(acted) && !CR.restoreObject.test(acted) && !CR.repairObject.test(rest) && !/\b(you|your)\b/.test(rest);
}

/** The change verb of the writer acts on something concrete (a weak verb only on a change: "keep them updated with bug fixes"). */
function namesChange(c: Clause, obj: string, acted: string): boolean {
  const early = obj.split(' ').slice(0, 6).join(' ');
  // "our team tested our main system thoroughly": a look at a thing, once, in the story (after the repair), changes nothing
  if (/^(test|check|double-check|verify|validate|confirm|review|audit|scan|monitor)$/.test(c.lemma) && (c.tense === 'past' || c.tense === 'perfect') && !CR.changeNouns.test(early)) return false;
  if (WEAK_CHANGE.has(c.lemma) && CR.changeNouns.test(early)) return concrete(obj.replace(CR.changeNouns, ' '));
  if (WEAK_CHANGE.has(c.lemma) && !(c.particle && /^(set|roll|turn|put|shut|phase)$/.test(c.lemma) && concrete(acted))) return c.lemma !== 'keep' && c.lemma !== 'put' && c.lemma !== 'set' && c.lemma !== 'turn' && c.lemma !== 'run' && c.lemma !== 'roll' && c.lemma !== 'enter' && c.lemma !== 'stop' && concrete(acted) && !/^(you|your|them|it|this|that)\b/.test(obj);
  return concrete(acted);
}

/** Prepositions that end the thing acted on and start an adjunct (purpose, time, place). */
const ADJUNCT = new Set(['to', 'at', 'by', 'for', 'until', 'within', 'during', 'after', 'before', 'across', 'throughout', 'around', 'inside', 'beyond', 'from', 'since', 'so', 'in', 'on', 'with', 'as', 'against', 'through', 'via', 'towards', 'toward', 'among', 'between']);
/**
 * The object a change acts on: the words before the first adjunct ("a robust solution" in "a robust
 * solution to prevent the recurrence…"; nothing in "put in place at five"). A phrase that is itself a
 * change noun keeps what follows ("a review of crew movement"), and "in"/"on" after a head noun of a
 * place stay ("monitoring on the payment queue").
 */
function directObject(object: string, particle: string): string {
  const ws = object.split(' ').filter(Boolean);
  let k = 0;
  if (particle === 'in' && ws[0] === 'place') k = 1;
  const out: string[] = [];
  for (; k < ws.length; k++) {
    const w = ws[k]!;
    // a general head keeps its complement: "our processes for sending admission emails"
    const generalHead = out.length > 0 && (w === 'for' || w === 'around' || w === 'on') && !concrete(out.join(' '));
    // (not "to" before a verb: "monitoring to prevent similar issues" is a purpose, "updates to the billing code" a complement)
    if (ADJUNCT.has(w) && out.length > 0 && !generalHead && !((w === 'in' || w === 'on' || (w === 'to' && !KNOWN_VERBS.has(ws[k + 1] ?? '')) || w === 'for') && CR.changeNouns.test(out.join(' ')))) break;
    if (ADJUNCT.has(w) && out.length === 0 && particle === 'in') break;
    out.push(w);
  }
  return out.join(' ');
}

/** The severity a text shows when none is given: critical for harm to people or their data, major for a long outage. */
export function inferSeverity(text: string): 'critical' | 'major' | undefined {
  if (SEVERE_MARKERS.critical.test(text)) return 'critical';
  if (SEVERE_MARKERS.major.test(text)) return 'major';
  return undefined;
}
