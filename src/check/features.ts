/**
 * The features of one sentence that the learned part model (model.ts) weighs: its words, what its
 * clauses say (who acts, the verb, its tense, negation, passive, the object's first word), where it
 * sits in the letter, and what the clause rules (score.ts) read in it. Names only, no weights: the
 * weights are data (check-model.json), written by scripts/train-check-model.mjs from the corpus.
 * Linear in the sentence's length.
 */
import type { Clause } from './clauses.js';

/** What the rules read in a sentence (score.ts), given to the model as features of their own. */
export interface RuleSignals {
  own: boolean;
  commit: boolean;
  /** The explanation points the sentence earned (0 none, 1 a step, 2 or more a mechanism). */
  explain: number;
  remedy: boolean;
  humour: boolean;
  /** A non-apology form ("we apologise for any inconvenience"). */
  hollow: boolean;
  /** The points of the sentence's paragraph together, and whether the rules took this sentence as the explanation. */
  explainParagraph: number;
  explainHit: boolean;
}

export interface SentenceContext {
  /** 0-based position among the body's sentences, and their count. */
  index: number;
  count: number;
  clauses: Clause[];
  rules: RuleSignals;
  /** The last heading before the sentence ("What we're changing", "Root cause:"), if any. */
  heading?: string;
}

/** A line that reads as a heading: short, with no stop, or ending in a colon. */
export function isHeading(text: string): boolean {
  const t = text.trim();
  const n = t.split(/\s+/).length;
  return (n <= 10 && !/[.!?…,;"”)]$/.test(t)) || (n <= 12 && /:$/.test(t));
}

const WORD = /[\p{L}][\p{L}'’-]*|\d+/gu;

/** Words a feature keeps as they are; any other word becomes its shape. */
const tokens = (text: string): string[] => (text.toLowerCase().replace(/’/g, "'").match(WORD) ?? []).map((w) => (/^\d+$/.test(w) ? '#num' : w));

/** The feature names of a sentence (each once). */
export function sentenceFeatures(text: string, ctx: SentenceContext): string[] {
  const out = new Set<string>(['bias']);
  const ws = tokens(text);
  for (const w of ws) out.add(`w:${w}`);
  for (const c of ctx.clauses) {
    const a = c.agent;
    const t = c.tense;
    const neg = c.negated ? 'neg' : 'pos';
    const voice = c.passive ? 'pass' : 'act';
    const obj = c.object.split(' ').find((w) => !/^(the|a|an|our|your|their|its|this|that|these|those|to|of|in|on|for|with|by|at|from|all|any|some|more|every|each|and)$/.test(w)) ?? '';
    out.add(`c:${a}`);
    out.add(`c:${a}:${t}`);
    out.add(`c:${a}:${t}:${neg}:${voice}`);
    out.add(`c:${a}:l:${c.lemma}`);
    out.add(`c:${a}:${t}:l:${c.lemma}`);
    out.add(`c:l:${c.lemma}:${neg}:${voice}`);
    out.add(`c:t:${t}:${voice}`);
    if (obj) { out.add(`c:o:${obj}`); out.add(`c:l:${c.lemma}:o:${obj}`); }
    if (c.ceased) out.add('c:ceased');
    if (c.intended) out.add(`c:${a}:intended`);
    if (c.background) out.add('c:background');
  }
  const n = ws.length;
  out.add(`len:${n < 6 ? 'short' : n < 15 ? 'mid' : n < 30 ? 'long' : 'very-long'}`);
  if (isHeading(text)) out.add('heading');
  if (ctx.heading) for (const w of tokens(ctx.heading)) out.add(`h:${w}`);
  // where it sits, in a letter long enough for that to say something
  const rel = ctx.count > 1 ? ctx.index / (ctx.count - 1) : 0;
  if (ctx.count >= 5) out.add(`pos:${ctx.index === 0 ? 'first' : ctx.index >= ctx.count - 3 ? 'end' : rel < 0.34 ? 'early' : rel < 0.67 ? 'middle' : 'late'}`);
  if (/\d/.test(text)) out.add('digit');
  const r = ctx.rules;
  if (r.own) out.add('r:own');
  if (r.commit) out.add('r:commit');
  if (r.explain >= 2) out.add('r:explain2');
  else if (r.explain === 1) out.add('r:explain1');
  if (r.explainParagraph >= 2) out.add('r:explain-paragraph');
  if (r.explainHit) out.add('r:explain-hit');
  if (r.remedy) out.add('r:remedy');
  if (r.humour) out.add('r:humour');
  if (r.hollow) out.add('r:hollow');
  return [...out];
}
