import {
  CLOSING, CONTACT, FINDING_RULES, FIRST_PERSON, FOLLOW_UP, NEGATION_BEFORE, PART_IDS, PART_RULES, SPECIFIC,
  type FindingSeverity, type PartId, type Signal,
} from './rules.js';
import type { CheckText, Sentence } from './text.js';
import { guessLanguage } from './language.js';

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
  // A sentence that is itself a non-apology ("we apologise for any inconvenience")
  // is no evidence of ownership or anything else.
  const hollow = new Set(
    sentences.filter((s) => FINDING_RULES.some((r) => HOLLOW.has(r.id) && r.patterns.some((p) => liveMatch(s.text, p, Boolean(r.negatable))))).map((s) => s.text),
  );
  const parts = {} as Record<PartId, PartResult>;
  for (const rule of PART_RULES) {
    if (rule.id === 'sign-off') continue;
    const hit = sentences.find((s) => !(rule.id === 'own-it' && hollow.has(s.text)) && rule.signals.some((sig) => signalMatches(s.text, sig)));
    parts[rule.id] = { present: Boolean(hit), evidence: hit ? clip(hit.text) : null };
  }
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
  if (rule('commitment') && parts.commitment.present) {
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
  if ((opts.severity === 'major' || opts.severity === 'critical') && parts.humour.present) {
    const s = sentences.find((x) => PART_RULES.find((r) => r.id === 'humour')!.signals.some((sig) => signalMatches(x.text, sig)));
    findings.push({ rule: 'humour-on-severe', severity: 'error', line: s?.line ?? null, text: s ? clip(s.text) : '', hint: `Remove the joke: on a ${opts.severity} incident humour reads as not taking the harm seriously.` });
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

function rule(id: PartId) {
  return PART_RULES.find((r) => r.id === id);
}

/** A closing word then a name, a "-Name" line, or a short name line at the very end. */
function findSignOff(text: CheckText): PartResult {
  const lines = text.body.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  const tail = lines.slice(-8);
  // A person, not "The Management" or "Customer Relations Team".
  const isName = (l: string | undefined) =>
    Boolean(l) && /^[\p{Lu}][\p{L}'’.-]*(\s+[\p{L}'’.()-]+){0,5}$/u.test(l!) && !/[.!?]$/.test(l!) && l!.split(/\s+/).length <= 6 &&
    !/\b(team|department|management|services?|support|relations|desk|office|staff|customer care)\b/i.test(l!);
  // "… just reply. - Lena, Owner" at the end of the last line
  const inline = /(?:^|\s)[-–—]{1,2}\s*([\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3})(?:,\s*[\p{L}][\p{L} &'.-]{0,40})?\s*$/u.exec(tail[tail.length - 1] ?? '');
  if (inline && isName(inline[1])) return { present: true, evidence: clip(inline[0].trim()) };
  // a last paragraph that is just a name, maybe with a title: "Reed / CEO"
  const paragraphs = text.body.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1]?.split('\n').map((l) => l.trim()).filter(Boolean) ?? [];
  if (paragraphs.length > 1 && last.length >= 1 && last.length <= 3 && isName(last[0]) && (last.length === 1 || last.slice(1).every((l) => l.split(/\s+/).length <= 8 && !/[.!?]$/.test(l)))) {
    return { present: true, evidence: clip(last.join(' / ')) };
  }
  for (let i = 0; i < tail.length; i++) {
    if (CLOSING.test(tail[i]!) && isName(tail[i + 1])) {
      return { present: true, evidence: clip(tail.slice(i, i + 3).join(' / ')) };
    }
    const dash = /^[-–—]{1,2}\s*([\p{Lu}][\p{L}'’.-]*(\s+[\p{L}'’.()-]+){0,5})/u.exec(tail[i]!);
    if (dash && i >= tail.length - 3) return { present: true, evidence: clip(tail.slice(i).join(' / ')) };
  }
  return { present: false, evidence: null };
}
